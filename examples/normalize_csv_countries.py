"""Normalize the country column of a CSV file to ISO 3166-1 alpha-2, honestly.

Ambiguous names (Congo) and non-countries (Kurdistan) are left empty and listed, never
guessed. Codes from GDELT are FIPS 10-4: pass --system fips for such a column (and
--system gw for Gleditsch-Ward numbers, as in UCDP's country_id).

Run: python examples/normalize_csv_countries.py [examples/data/countries.csv] [--system fips]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import get_args

from geoevents import AmbiguousCountryError, UnknownCountryError, normalize_country
from geoevents.normalize import System

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("csv", nargs="?", default=Path(__file__).parent / "data" / "countries.csv")
parser.add_argument("--column", default="country")
parser.add_argument("--system", choices=get_args(System))
args = parser.parse_args()

with open(args.csv, newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))

writer = csv.DictWriter(sys.stdout, fieldnames=[*rows[0], "iso2"], lineterminator="\n")
writer.writeheader()
problems = []
for row in rows:
    try:
        row["iso2"] = normalize_country(row[args.column], system=args.system).alpha2
    except AmbiguousCountryError as exc:
        row["iso2"] = ""
        problems.append(f"{row[args.column]!r} is ambiguous: {[c.alpha2 for c in exc.candidates]}")
    except UnknownCountryError as exc:
        row["iso2"] = ""
        problems.append(f"{row[args.column]!r}: {exc.message} ({exc.hint or 'no close match'})")
    writer.writerow(row)
print("\n".join(problems), file=sys.stderr)

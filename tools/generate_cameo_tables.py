"""Regenerate src/geoevents/data/cameo_codes.tsv and cameo_plover.tsv from the shared samples.

Usage: python tools/generate_cameo_tables.py [REALDATA_DIR]

* cameo_codes.tsv comes from andybega/icews data-raw/cameo-codes.csv (MIT licence,
  commit 3746c729551f5fcb5a49f643f82638011a5fcfec), itself from the CAMEO 1.1b3 manual via
  the ICEWS Dataverse (doi:10.7910/DVN/28075). Only code, name and Goldstein score are kept.
* cameo_plover.tsv comes from openeventdata/PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0,
  Copyright Open Event Data Alliance, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f),
  plus rows marked ``geoevents`` for the roots 01 and 02, which that table omits.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "geoevents" / "data"

# CAMEO2PLOVER-2021 has no rows for 01 (statements) and 02 (appeals). PLOVER dropped
# statements (code their content instead), so 01x map to nothing; appeals 02x map to
# REQUEST, with the mode/context the 02x description implies (our own decision).
OWN_ROWS = [
    ("02", "REQUEST", "", ""),
    ("020", "REQUEST", "", ""),
    ("021", "REQUEST", "assist", "economic"),
    ("0211", "REQUEST", "assist", "economic"),
    ("0212", "REQUEST", "assist", "military"),
    ("0213", "REQUEST", "assist", "legal"),
    ("0214", "REQUEST", "assist", "intelligence"),
    ("022", "REQUEST", "", "diplomatic"),
    ("023", "REQUEST", "assist", ""),
    ("0231", "REQUEST", "assist", "economic"),
    ("0232", "REQUEST", "assist", "military"),
    ("0233", "REQUEST", "assist", "humanitarian"),
    ("0234", "REQUEST", "assist", "peacekeeping"),
    ("024", "REQUEST", "change", "political_institutions"),
    ("0241", "REQUEST", "change", "political_institutions"),
    ("0242", "REQUEST", "change", "executive"),
    ("0243", "REQUEST", "change", "rights_freedoms"),
    ("0244", "REQUEST", "change", "political_institutions"),
    ("025", "REQUEST", "yield", ""),
    ("0251", "REQUEST", "yield", "rights_freedoms"),
    ("0252", "REQUEST", "yield", ""),
    ("0253", "REQUEST", "yield", "rights_freedoms"),
    ("0254", "REQUEST", "yield", "economic"),
    ("0255", "REQUEST", "yield", "diplomatic"),
    ("0256", "REQUEST", "yield", "military"),
    ("026", "REQUEST", "meet", "diplomatic"),
    ("027", "REQUEST", "", "diplomatic"),
    ("028", "REQUEST", "meet", "diplomatic"),
]


def main(realdata: Path) -> None:
    """Write both tables."""
    codes = realdata / "cameo" / "cameo_codes_goldstein.csv"
    with codes.open(encoding="utf-8", errors="replace", newline="") as f:  # mojibake in examples
        rows = [(r["code"], " ".join(r["name"].split()), r["goldstein"]) for r in csv.DictReader(f)]
    with (OUT / "cameo_codes.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# CAMEO event codes with names and Goldstein scores.\n"
            "# Origin: github.com/andybega/icews data-raw/cameo-codes.csv (MIT licence),\n"
            "# commit 3746c729551f5fcb5a49f643f82638011a5fcfec; from the CAMEO 1.1b3 manual via\n"
            "# the ICEWS Dataverse (doi:10.7910/DVN/28075).\n"
            "# Regenerate: tools/generate_cameo_tables.py\n"
            "code\tname\tgoldstein\n"
        )
        for code, name, goldstein in rows:
            f.write(f"{code}\t{name}\t{goldstein}\n")
    mapping: dict[str, tuple[str, str, str, str]] = {}
    text = (realdata / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or ":" not in body or not body.split(":", 1)[0].isdigit():
            continue
        code, rest = body.split(":", 1)
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        # the first row wins for a repeated root (08 is listed as CONCEDE and RETREAT)
        mapping.setdefault(code.strip(), (parts[0], parts[1], parts[2], "CAMEO2PLOVER-2021"))
    for code, event, mode, context in OWN_ROWS:
        mapping.setdefault(code, (event, mode, context, "geoevents"))
    with (OUT / "cameo_plover.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# CAMEO code -> PLOVER event type, mode, context.\n"
            "# Origin: github.com/openeventdata/PLOVER CAMEO2PLOVER-2021.txt (PLOVER manual draft\n"
            "# 0.8, 17-Sep-2021), commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f.\n"
            "# Licence of this file: CC BY-SA 4.0, Copyright Open Event Data Alliance.\n"
            "# Rows with origin 'geoevents' (roots 02x; the source table has none) are ours.\n"
            "# The source lists root 08 twice (CONCEDE, RETREAT); the first is kept.\n"
            "code\tplover\tmode\tcontext\torigin\n"
        )
        for code in sorted(mapping):
            f.write(code + "\t" + "\t".join(mapping[code]) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdata")

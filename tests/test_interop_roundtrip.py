"""Every row of every real sample converts, validates and round-trips (or is reported)."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from geoevents.dataset import Dataset
from geoevents.errors import GeoeventsWarning
from geoevents.interop import read, write
from interop_samples import ACLED, GDELT1, GDELT2, ICEWS, PLOVER, UCDP, need

SAMPLES = [
    ("acled", ACLED),
    ("ucdp", UCDP),
    ("gdelt1", GDELT1),
    ("gdelt2", GDELT2),
    ("icews", ICEWS),
    ("plover", PLOVER),
]
COUNTS: dict[str, str] = {}
REPORTED: list[str] = []


def _convert(name: str, path: Path) -> tuple[list[Any], Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeoeventsWarning)
        reader = read(name, path)
        items = list(reader)
    return items, reader


@pytest.mark.parametrize(("name", "path"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_every_row_round_trips(name: str, path: Path) -> None:
    """Reading then writing the same format reproduces the sample (bytes, or JSON for PLOVER)."""
    need(path)
    items, reader = _convert(name, path)
    out = io.StringIO()
    report = write(name, out, items)
    original = path.read_text(encoding="utf-8")
    if name == "plover":
        identical = json.loads(out.getvalue()) == json.loads(original)
    else:
        identical = out.getvalue() == original
    assert identical
    assert reader.errors == []
    records = [i.record for i in items if i.record is not None]
    sources = [s for i in items for s in i.new_sources]
    problems = Dataset(records, sources=sources).validate().problems
    # Findings in the data itself are reported with the record id and rule: a UCDP event
    # dated after every cited article, a PLOVER id used twice in the gold standard.
    # Anything else would be our bug.
    assert {p.rule for p in problems} <= {"after-publication", "duplicate-id"}
    REPORTED.extend(f"{name}: {p.record}: {p.path}: {p.message} [{p.rule}]" for p in problems)
    COUNTS[name] = (
        f"{name}: {reader.rows} rows, {len(records)} records, "
        f"{report.written} written back {'identically' if identical else 'DIFFERENTLY'}, "
        f"{len(reader.errors)} reported as bad, {len(problems)} failing validation, "
        f"{sum(1 for i in items if i.record is None)} not events, "
        f"{sum(1 for i in items if i.losses)} with losses"
    )


def test_print_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the per-sample counts (run with -s, or see the captured output)."""
    with capsys.disabled():
        print("\ninterop sample counts:")
        for line in COUNTS.values():
            print("  " + line)
        for line in REPORTED:
            print("  reported: " + line)

"""Validate every JSONL file in a folder as one collection, keeping the good lines.

Bad lines are reported with file, line and field path; the rest is still validated as a
whole (references, dates against sources, disagreements).

Run: python examples/validate_folder.py [seeds]
"""

from __future__ import annotations

import sys
from pathlib import Path

from geoevents import Dataset, read_jsonl

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "seeds")
entries = []
bad_lines = []
for path in sorted(folder.glob("*.jsonl")):
    reader = read_jsonl(path, errors="collect")
    entries.extend(reader)  # good lines, even when others are bad
    bad_lines.extend(line for error in reader.errors for line in error.lines())

dataset = Dataset.from_entries(entries)
report = dataset.validate()
for line in bad_lines:
    print(line)
for problem in report.problems:
    print(problem)
print(
    f"{len(dataset)} records: {len(bad_lines)} bad lines, {len(report.errors)} errors, "
    f"{len(report.warnings)} warnings, {len(report.disagreements)} disagreements"
)
sys.exit(1 if bad_lines or not report.ok else 0)

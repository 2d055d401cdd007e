"""Load the bundled seed dataset and ask it who said what, and on whose authority.

Run: python examples/query_seed_dataset.py
"""

from __future__ import annotations

from datetime import date

from geoevents import Country, Statement
from geoevents.datasets import load

dataset = load("syria-turkey-2025")
print(f"{dataset!r}\n")

# Statements by Turkish speakers, with their words.
for s in dataset.statements(country=Country("TR")):
    words = "; ".join(q.text for q in s.quotes) or "(paraphrase)"
    print(f"{s.when.date!s:<24} {s.speaker.label}: {words}")

# Claims that rest only on anonymous sources, and claims no other report corroborates.
print(f"\n{len(dataset.anonymous_only())} records rest only on unnamed sources")
print(f"{len(dataset.single_source())} of {len(dataset)} records rest on a single report")

# What certainly happened within 13-19 July 2025, around the Sweida clashes.
week = dataset.between(date(2025, 7, 13), date(2025, 7, 19), certainly=True)
print(f"\nCertainly within 13-19 July 2025: {len(week)} records")
for r in week:
    print(f"  {r.when.date!s:<24} {r.kind:<10} {r.summary}")

# Where the reports disagree about the same item.
report = dataset.validate()
print(f"\n{len(report.disagreements)} items on which the reports disagree, for example:")
print("\n".join(report.disagreements[0].lines()))
assert all(isinstance(s, Statement) for s in dataset.by_kind("statement"))

"""Write the timeline of the seed dataset as a Markdown table.

Uncertain dates keep their whole range; nothing is placed on an invented day.

Run: python examples/timeline_markdown.py > timeline.md
"""

from __future__ import annotations

from geoevents.datasets import load


def cell(text: str) -> str:
    """Escape a value for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


timeline = load("syria-turkey-2025").timeline()
print("| possible dates | EDTF | kind | what | according to |")
print("|---|---|---|---|---|")
for entry in timeline:
    r = entry.record
    row = (entry.range, entry.date, r.kind, r.summary, entry.sources)
    print("| " + " | ".join(cell(v) for v in row) + " |")

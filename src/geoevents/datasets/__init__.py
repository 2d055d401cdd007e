"""Example datasets bundled with geoevents, usable after a plain ``pip install``.

``syria-turkey-2025``: five news reports (July 2025 and undated commentary) on Syrian-
Turkish defence ties around Syria's request for Turkish support after the sectarian
clashes in Sweida (two of them on a 2023 training pact and on security talks), encoded
record by record with their sources, attributions and the disagreements between them.

>>> from geoevents.datasets import load, names
>>> names()
('syria-turkey-2025',)
>>> load("syria-turkey-2025").validate().ok
True
"""

from __future__ import annotations

from importlib import resources

from geoevents.dataset import Dataset
from geoevents.errors import DatasetError
from geoevents.records import Event
from geoevents.sources import Source

__all__ = ["load", "names"]


def names() -> tuple[str, ...]:
    """The names of the bundled datasets."""
    root = resources.files(__name__)
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


def load(name: str) -> Dataset:
    """Read a bundled dataset (every JSONL file of it, in name order) as a :class:`Dataset`.

    Raises:
        DatasetError: no dataset has this name, or a bundled file is invalid.
    """
    from geoevents.jsonio import read_jsonl

    if name not in names():
        msg = f"no bundled dataset named {name!r}; available: {', '.join(names())}"
        raise DatasetError(msg)
    folder = resources.files(__name__).joinpath(name)
    entries: list[Event | Source] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            with item.open("rb") as handle:
                entries.extend(read_jsonl(handle))
    return Dataset.from_entries(entries)

"""The records of a collection in date order, with uncertain dates placed honestly.

A partial date has no total order. The timeline places each record at its *earliest
possible* day (unbounded starts first) and always shows the whole range, so a record
known only to the month is never passed off as happening on the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, final

import attrs

from geoevents.records import Event, Statement
from geoevents.temporal import _says_nothing

if TYPE_CHECKING:
    from geoevents.dataset import Dataset
    from geoevents.report import Disagreement

__all__ = ["Timeline", "TimelineEntry"]


@final
@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One record on the timeline, with the range of days it may fall on."""

    record: Event
    range: str
    """The possible days as ``first..last`` (``..`` for an unbounded end), one day, or a
    day and time with its zone (``2025-07-23 23:00-05:00``)."""
    sources: str
    """The attribution chains of the record, separated by ``;``."""

    @property
    def date(self) -> str:
        """The record's date as EDTF."""
        return str(self.record.when.date)


@final
@attrs.frozen(kw_only=True)
class Timeline:
    """The records of a dataset in date order, and the disagreements between sources.

    >>> from geoevents import Attribution, Dataset, Event, FuzzyDate, Source
    >>> src = Source(id="s", outlet="Outlet")
    >>> cite = (Attribution(source="s"),)
    >>> a = Event(id="a", when=FuzzyDate("2025-07"), summary="Talks.", attributions=cite)
    >>> b = Event(id="b", when=FuzzyDate("2025-07-13"), summary="Clashes.", attributions=cite)
    >>> [e.record.id for e in Dataset([b, a], sources=[src]).timeline().entries]
    ['a', 'b']
    """

    entries: tuple[TimelineEntry, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @classmethod
    def of(cls, dataset: Dataset) -> Timeline:
        """Build the timeline of *dataset*."""
        from geoevents.rules import disagreements

        ordered = sorted(dataset.records, key=lambda r: r.when.date.sort_key())
        return cls(entries=tuple(_entry(r) for r in ordered), disagreements=disagreements(dataset))

    def __iter__(self) -> Iterator[TimelineEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def lines(self) -> list[str]:
        """The timeline as plain text, one block per record, then the disagreements."""
        out: list[str] = []
        for e in self.entries:
            r = e.record
            out.append(f"{e.range:<23} {r.kind:<10} {r.summary}")
            detail = _detail(r)
            if detail:
                out.append(f"{'':<34}{detail}")
            out.append(f"{'':<34}[{r.id}] {e.sources}")
        if self.disagreements:
            out.append("")
            out.append("Where the sources disagree:")
            for d in self.disagreements:
                out.extend("  " + line for line in d.lines())
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


_CLOCK: Final = re.compile(r"T([0-9]{2}:[0-9]{2})(?::00)?")  # whole minutes without seconds


def _entry(record: Event) -> TimelineEntry:
    date = record.when.date
    lo, hi = date.earliest, date.latest
    if date.time is not None:
        # The clock and its zone: the order counts a zoned time at its UTC moment, which
        # may fall on another day than the one written.
        shown = _CLOCK.sub(r" \1", date.edtf)
    elif lo is not None and lo == hi:
        shown = lo.isoformat()
    elif _says_nothing(date):
        shown = "date unknown"
    else:
        shown = f"{'' if lo is None else lo.isoformat()}..{'' if hi is None else hi.isoformat()}"
    if date.approximate or date.uncertain:  # both (EDTF's %): both marks
        shown += " " + "~" * date.approximate + "?" * date.uncertain
    chains = "; ".join(a.chain for a in record.attributions)
    return TimelineEntry(record=record, range=shown, sources=chains)


def _detail(record: Event) -> str:
    parts = [f"{p.role.value}: {p.actor.label}" for p in record.participants()]
    if isinstance(record, Statement):
        parts.extend(f'"{q.text}"' for q in record.quotes)
    return "; ".join(parts)

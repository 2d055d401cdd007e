"""A collection of records and the sources they cite, with lookups and provenance queries.

A :class:`Dataset` is immutable once built. It indexes its records by id, kind, country
and actor as it is built (one pass), so lookups and :meth:`Dataset.validate` stay linear in
the size of the collection. Duplicate ids are kept (and reported by validation), never
silently dropped.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, final

from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.records import RECORD_KINDS, Event, Statement
from geoevents.sources import Source

if TYPE_CHECKING:
    from geoevents.report import Report
    from geoevents.timeline import Timeline

__all__ = ["Dataset"]


_SHOWN: Final = 50  # entries, at most, that the pretty form lists one by one


@final
class Dataset:
    """Records and the sources they cite, indexed for lookup.

    Args:
        records: the records, in any order; kept in the order given.
        sources: the sources the records cite.

    Raises:
        InvalidValueError: an item is neither a record nor a source.

    Two different sources with one id are kept out of :attr:`sources` after the first and
    reported by :meth:`validate` (rule ``duplicate-source``); identical repeats (the same
    source in several files) are merged.

    >>> from geoevents import Attribution, Event, FuzzyDate, Source
    >>> src = Source(id="s", outlet="Outlet")
    >>> e = Event(id="a", when=FuzzyDate("2025-07-20"), summary="x",
    ...           attributions=(Attribution(source="s"),))
    >>> ds = Dataset([e], sources=[src])
    >>> len(ds), ds["a"] is e, ds.validate().ok
    (1, True, True)
    """

    __slots__ = (
        "_by_actor",
        "_by_country",
        "_by_kind",
        "_conflicts",
        "_index",
        "_records",
        "_sources",
    )

    def __init__(self, records: Iterable[Event] = (), *, sources: Iterable[Source] = ()) -> None:
        self._records: tuple[Event, ...] = tuple(records)
        by_source: dict[str, Source] = {}
        conflicts: list[Source] = []
        for i, source in enumerate(sources):
            if not isinstance(source, Source):
                msg = f"expected a Source, got {type(source).__name__}"
                raise InvalidValueError(msg, path=f"$.sources[{i}]")
            if by_source.setdefault(source.id, source) != source:
                conflicts.append(source)
        self._conflicts = tuple(conflicts)
        self._sources: Mapping[str, Source] = MappingProxyType(by_source)
        index: dict[str, Event] = {}
        by_kind: defaultdict[str, list[Event]] = defaultdict(list)
        by_country: defaultdict[Country, list[Event]] = defaultdict(list)
        by_actor: defaultdict[str, list[Event]] = defaultdict(list)
        for i, record in enumerate(self._records):
            if not isinstance(record, Event):
                msg = f"expected a record, got {type(record).__name__}"
                raise InvalidValueError(msg, path=f"$.records[{i}]")
            index.setdefault(record.id, record)
            by_kind[record.kind].append(record)
            for country in _countries(record):
                by_country[country].append(record)
            for name in {_key(p.actor.label) for p in record.participants()}:
                by_actor[name].append(record)
        self._index = index
        self._by_kind = by_kind
        self._by_country = by_country
        self._by_actor = by_actor

    @classmethod
    def from_entries(cls, entries: Iterable[Event | Source]) -> Dataset:
        """Build a dataset from a mixed stream of records and sources (as JSONL files hold)."""
        records: list[Event] = []
        sources: list[Source] = []
        for entry in entries:
            (sources if isinstance(entry, Source) else records).append(entry)  # type: ignore[arg-type]
        return cls(records, sources=sources)

    # --- the collection ---------------------------------------------------------------

    @property
    def records(self) -> tuple[Event, ...]:
        """Every record, in the order given."""
        return self._records

    @property
    def sources(self) -> Mapping[str, Source]:
        """The sources by id."""
        return self._sources

    @property
    def source_conflicts(self) -> tuple[Source, ...]:
        """Sources that reuse the id of a different source met earlier (not in ``sources``)."""
        return self._conflicts

    def entries(self) -> Iterator[Event | Source]:
        """Every source (those in ``source_conflicts`` too), then every record.

        What a file of the collection holds: :meth:`from_entries` builds the same dataset
        from them.
        """
        yield from self._sources.values()
        yield from self._conflicts
        yield from self._records

    @property
    def index(self) -> dict[str, Event]:
        """The records by id (the first one, where ids repeat). Do not modify."""
        return self._index

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._records)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._index

    def __getitem__(self, record_id: str) -> Event:
        return self._index[record_id]

    def __repr__(self) -> str:
        records, sources = len(self._records), len(self._sources)
        return (
            f"<Dataset: {records} record{'' if records == 1 else 's'}, "
            f"{sources} source{'' if sources == 1 else 's'}>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How Hypothesis and IPython show it: the entries themselves, where there are few.

        A failing example then shows what the dataset held, not only how much.
        """
        if cycle or len(self._records) + len(self._sources) > _SHOWN:
            printer.text(repr(self))
            return
        with printer.group(8, "Dataset(", ")"):
            printer.pretty(list(self._records))
            printer.text(",")
            printer.breakable()
            printer.text("sources=")
            printer.pretty([*self._sources.values(), *self._conflicts])

    def get(self, record_id: str) -> Event | None:
        """The record with this id, or ``None``."""
        return self._index.get(record_id)

    # --- lookups ----------------------------------------------------------------------

    def by_kind(self, kind: str | type[Event]) -> tuple[Event, ...]:
        """The records of one kind, by tag (``"statement"``) or class.

        Raises:
            InvalidValueError: an unknown kind tag.
        """
        tag = kind if isinstance(kind, str) else kind.kind
        if tag not in RECORD_KINDS:
            raise InvalidValueError(
                "unknown record kind", value=tag, hint="one of " + ", ".join(RECORD_KINDS)
            )
        return tuple(self._by_kind.get(tag, ()))

    def by_country(self, country: Country) -> tuple[Event, ...]:
        """The records concerning *country*: listed, located there, or with an actor from it."""
        return tuple(self._by_country.get(country, ()))

    def by_actor(self, name: str) -> tuple[Event, ...]:
        """The records with an actor of this name or description (case-insensitive)."""
        return tuple(self._by_actor.get(_key(name), ()))

    def between(
        self, start: datetime.date | str, end: datetime.date | str, *, certainly: bool = False
    ) -> tuple[Event, ...]:
        """The records that possibly (or, with *certainly*, certainly) fall in a window.

        Args:
            start: the first day of the window, a date or an ISO day (``"2025-07-14"``).
            end: the last day of the window (inclusive), likewise.
            certainly: keep only records whose every possible day is in the window.

        Raises:
            TypeError: a bound is neither a date nor a string (a ``datetime`` included:
                records are compared by day).
            ValueError: a string that is not an ISO day.
        """
        start, end = _day("start", start), _day("end", end)
        out = []
        for record in self._records:
            lo, hi = record.when.date.earliest, record.when.date.latest
            if certainly:
                if lo is not None and hi is not None and start <= lo and hi <= end:
                    out.append(record)
            elif (lo is None or lo <= end) and (hi is None or hi >= start):
                out.append(record)
        return tuple(out)

    def clusters(self) -> tuple[tuple[Event, ...], ...]:
        """The groups of two or more records linked by ``same_as`` (in either direction)."""
        from geoevents.rules import same_as_groups

        # Every record's links, a repeated id's too (they are kept, not dropped), as the
        # parallel validator does; each id then stands for its first record.
        links = ((r.id, r.same_as) for r in self._records)
        groups = same_as_groups(links, self._index)
        return tuple(tuple(self._index[rid] for rid in group) for group in groups)

    # --- provenance -------------------------------------------------------------------

    def statements(
        self, *, speaker: str | None = None, country: Country | None = None
    ) -> tuple[Statement, ...]:
        """Who said what: the statements, optionally by speaker name or speaker's country."""
        out = []
        for record in self._by_kind.get("statement", ()):
            assert isinstance(record, Statement)
            if speaker is not None and _key(record.speaker.label) != _key(speaker):
                continue
            if country is not None and record.speaker.country != country:
                continue
            out.append(record)
        return tuple(out)

    def anonymous_only(self) -> tuple[Event, ...]:
        """The records whose every attribution ends in an unnamed source."""
        return tuple(r for r in self._records if all(a.anonymous for a in r.attributions))

    def single_source(self) -> tuple[Event, ...]:
        """The records resting on one source, counting the sources of ``same_as`` records."""
        linked: dict[str, set[str]] = {}
        for cluster in self.clusters():
            sources = {s for r in cluster for s in r.sources}
            for r in cluster:
                linked[r.id] = sources
        return tuple(r for r in self._records if len(linked.get(r.id, set(r.sources))) == 1)

    # --- views ------------------------------------------------------------------------

    def validate(self) -> Report:
        """Check every collection rule; see :func:`geoevents.rules.validate`."""
        from geoevents.rules import validate

        return validate(self)

    def timeline(self) -> Timeline:
        """The records in date order; see :class:`geoevents.timeline.Timeline`."""
        from geoevents.timeline import Timeline

        return Timeline.of(self)


def _key(name: str) -> str:
    return name.casefold().strip()


def _countries(record: Event) -> set[Country]:
    found = set(record.countries)
    if record.location is not None and record.location.country is not None:
        found.add(record.location.country)
    found.update(p.actor.country for p in record.participants() if p.actor.country is not None)
    return found


def _day(name: str, value: object) -> datetime.date:
    """A window bound of :meth:`Dataset.between` as a date."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            msg = f"{name}: not an ISO day: {value!r} (write e.g. '2025-07-14')"
            raise ValueError(msg) from None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        hint = " (pass its .date())" if isinstance(value, datetime.datetime) else ""
        msg = f"{name} must be a datetime.date or an ISO day, not {type(value).__name__}{hint}"
        raise TypeError(msg)
    return value

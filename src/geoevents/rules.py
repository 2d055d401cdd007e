"""The rules a whole collection must satisfy, checked in one linear pass.

Rules (each has a stable name, used in :class:`~geoevents.report.Problem.rule`):

``duplicate-id`` (error)
    Two records share an id.
``dangling-reference`` (error)
    ``refers_to`` or ``same_as`` names a record that is not in the collection.
``reference-order`` (error or warning)
    A record is dated before a record it refers to (a reaction before its cause): an
    error when certainly so, a warning when the uncertain dates allow it.
``duplicate-source`` (error)
    Two different sources share an id.
``unknown-source`` (error)
    An attribution names a source that is not in the collection.
``after-publication`` (error)
    A record that happened is certainly dated after the publication of every source that
    reports it.
``signed-after-in-force`` (warning)
    An agreement took effect before it was signed (legal for provisional application,
    and worth a look).

Records linked by ``same_as`` describe the same item; where they differ (date, kind,
parties, counts, status...), the report lists a :class:`~geoevents.report.Disagreement`.
Nothing here does I/O.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from geoevents.actors import Actor, ActorKind
from geoevents.figures import Count
from geoevents.location import SpatialPrecision
from geoevents.records import _STAGES as _STAGES_OF
from geoevents.records import Agreement, Event, Modality
from geoevents.report import Claim, Disagreement, FieldDisagreement, Problem, Report, Severity
from geoevents.temporal import FuzzyDate, _says_nothing, _utc_seconds, may_precede, nested

if TYPE_CHECKING:
    from geoevents.dataset import Dataset
    from geoevents.sources import Source

__all__ = ["Facts", "check", "compare", "disagreements", "facts", "same_as_groups", "validate"]


class Facts(NamedTuple):
    """What the collection rules need to know of one record.

    Small and picklable, so a distributed run (:mod:`geoevents.dask`) can ship the facts of
    every record to one place and apply exactly the rules that :func:`validate` applies.
    """

    id: str
    actual: bool
    """Whether the record's modality is ``actual`` (the date rules apply only then)."""
    date: FuzzyDate
    refers_to: tuple[str, ...]
    same_as: tuple[str, ...]
    sources: tuple[str, ...]
    """The source id of each attribution, in order."""
    local: tuple[Problem, ...]
    """The problems found in the record alone (``signed-after-in-force``)."""


def facts(record: Event) -> Facts:
    """The :class:`Facts` of *record*."""
    return Facts(
        id=record.id,
        actual=record.modality is Modality.ACTUAL,
        date=record.when.date,
        refers_to=record.refers_to,
        same_as=record.same_as,
        sources=tuple(a.source for a in record.attributions),
        local=_local(record),
    )


def validate(dataset: Dataset) -> Report:
    """Check every rule over *dataset* and return all problems and disagreements at once.

    The cost grows with the number of records and references, never with their pairs:
    linear, but for sorting the dates of each group of linked records (n log n).

    >>> from geoevents import Attribution, Dataset, Event, FuzzyDate, Source
    >>> src = Source(id="s", outlet="Outlet")
    >>> e = Event(id="a", when=FuzzyDate("2025-07-20"), summary="x",
    ...           attributions=(Attribution(source="s"),), refers_to=("missing",))
    >>> [p.rule for p in validate(Dataset([e], sources=[src])).problems]
    ['dangling-reference']
    """
    problems = check(
        [facts(r) for r in dataset.records], dataset.sources.values(), dataset.source_conflicts
    )
    return Report(problems=tuple(problems), disagreements=disagreements(dataset))


def check(
    records: Sequence[Facts], sources: Iterable[Source], conflicts: Iterable[Source] = ()
) -> list[Problem]:
    """Every problem of a collection, in collection order, from the facts of its records.

    Args:
        records: the facts of every record, in collection order.
        sources: the sources of the collection (one per id).
        conflicts: sources that reuse the id of a different source.
    """
    problems = [
        Problem(
            severity=Severity.ERROR,
            rule="duplicate-source",
            record=source.id,
            path="$.id",
            message=f"another, different source already has the id {source.id!r}",
        )
        for source in conflicts
    ]
    published = {s.id: None if s.published is None else s.published.date for s in sources}
    index: dict[str, Facts] = {}
    for record in records:
        index.setdefault(record.id, record)
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            message = f"the id {record.id!r} is used twice"
            problems.append(_problem("duplicate-id", record, "$.id", message))
        seen.add(record.id)
        _check_references(record, index, problems)
        _check_sources(record, published, problems)
        problems.extend(record.local)
    return problems


def same_as_groups(
    links: Iterable[tuple[str, tuple[str, ...]]], known: Container[str]
) -> list[list[str]]:
    """The groups of two or more ids linked by ``same_as`` (either way), by union-find.

    *links* gives each record's id and its ``same_as`` ids.

    Links to ids not in *known* are ignored (they are dangling references). Groups and
    their members come in the order the ids were first met.
    """
    parent: dict[str, str] = {}
    order: dict[str, None] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for rid, same_as in links:
        order.setdefault(rid)
        for other in same_as:
            if other in known:
                parent[find(rid)] = find(other)
    groups: dict[str, list[str]] = {}
    for rid in order:
        groups.setdefault(find(rid), []).append(rid)
    return [g for g in groups.values() if len(g) > 1]


def _problem(
    rule: str, record: Facts, path: str, message: str, *, warning: bool = False
) -> Problem:
    severity = Severity.WARNING if warning else Severity.ERROR
    return Problem(severity=severity, rule=rule, record=record.id, path=path, message=message)


def _check_references(record: Facts, index: dict[str, Facts], problems: list[Problem]) -> None:
    for field in ("refers_to", "same_as"):
        ids: tuple[str, ...] = getattr(record, field)
        for i, ref in enumerate(ids):
            if ref not in index:
                message = f"refers to {ref!r}, which is not in the collection"
                problems.append(_problem("dangling-reference", record, f"$.{field}[{i}]", message))
    if not record.actual:
        return
    mine = record.date
    for i, ref in enumerate(record.refers_to):
        target = index.get(ref)
        if target is None or not target.actual:
            continue
        theirs = target.date
        path = f"$.refers_to[{i}]"
        if mine.definitely_before(theirs):
            message = f"dated {mine}, certainly before {ref!r} ({theirs}) that it refers to"
            problems.append(_problem("reference-order", record, path, message))
        elif mine != theirs and may_precede(mine, theirs):
            # (Equal uncertain dates carry the same uncertainty: nothing to report.)
            message = f"dated {mine}, possibly before {ref!r} ({theirs}) that it refers to"
            problems.append(_problem("reference-order", record, path, message, warning=True))


def _check_sources(
    record: Facts, published: dict[str, FuzzyDate | None], problems: list[Problem]
) -> None:
    dates: list[FuzzyDate | None] = []
    for i, source in enumerate(record.sources):
        if source not in published:
            message = f"cites {source!r}, which is not among the sources"
            problems.append(
                _problem("unknown-source", record, f"$.attributions[{i}].source", message)
            )
            continue
        dates.append(published[source])
    if not dates or not record.actual:
        return
    date = record.date
    if all(p is not None and p.definitely_before(date) for p in dates):
        last = max((p for p in dates if p is not None), key=FuzzyDate.sort_key)
        message = f"dated {date}, certainly after every source reporting it (latest: {last})"
        problems.append(_problem("after-publication", record, "$.when", message))


def _local(record: Event) -> tuple[Problem, ...]:
    """The rules about a record alone: an agreement in force before it was signed."""
    if (
        isinstance(record, Agreement)
        and record.signed is not None
        and record.in_force is not None
        and record.in_force.definitely_before(record.signed)
    ):
        message = f"in force {record.in_force}, before it was signed ({record.signed})"
        return (
            Problem(
                severity=Severity.WARNING,
                rule="signed-after-in-force",
                record=record.id,
                path="$.in_force",
                message=message,
            ),
        )
    return ()


# --- disagreements -------------------------------------------------------------------


def disagreements(dataset: Dataset) -> tuple[Disagreement, ...]:
    """The items described by several linked records, and the fields they differ on."""
    return tuple(d for d in map(compare, dataset.clusters()) if d is not None)


def compare(cluster: Sequence[Event]) -> Disagreement | None:
    """How records describing the same item differ, field by field (``None``: they agree)."""
    fields = tuple(f for f in (_compare(name, cluster) for name in _FACETS) if f is not None)
    return Disagreement(records=tuple(r.id for r in cluster), fields=fields) if fields else None


class _Claim(NamedTuple):
    """One record's value of a field: what is compared, and what is shown."""

    key: object
    shown: str


def _actors(actors: Iterable[Actor]) -> _Claim | None:
    # Every actor, in a canonical order: two equal actors may be two parties. What is
    # compared is (kind, label, country); see _same_parties for who counts as whom.
    found = sorted(actors, key=lambda a: a.label)
    if not found:
        return None
    keys = tuple(
        sorted(
            (a.kind.value, a.label.casefold(), "" if a.country is None else a.country.alpha2)
            for a in found
        )
    )
    return _Claim(keys, "; ".join(a.label for a in found))


# Kinds whose members of one country cannot be told apart by their wording: "Turkey" and
# "Türkiye", "Syrian government" and "Syria's interim government" are one government;
# "Turkish officials" and "Turkish defence ministry officials" one anonymous group.
_BY_COUNTRY: Final = frozenset({ActorKind.GOVERNMENT.value, ActorKind.UNNAMED.value})


def _same_parties(claims: list[tuple[tuple[str, str, str], ...]]) -> bool:
    """Whether the lists of actors nest once each actor is reduced to who it is.

    An actor without a country takes the country another record of the cluster gives the
    same wording; a government or an anonymous group of one country is one party, however
    named, and a government is one party even if a report names it twice.
    """
    countries = {(kind, label): c for claim in claims for kind, label, c in claim if c}
    lists: list[tuple[str, ...]] = []
    for claim in claims:
        keys: list[str] = []
        for kind, label, given in claim:
            country = given or countries.get((kind, label))
            key = f"{kind} of {country}" if kind in _BY_COUNTRY and country else label
            if not (kind == ActorKind.GOVERNMENT.value and key in keys):
                keys.append(key)
        lists.append(tuple(keys))
    return _chain(lists)


def _role(role: str) -> Callable[[Event], _Claim | None]:
    def get(record: Event) -> _Claim | None:
        return _actors(p.actor for p in record.participants() if p.role.value == role)

    return get


def _attr(name: str) -> Callable[[Event], _Claim | None]:
    def get(record: Event) -> _Claim | None:
        value = getattr(record, name, None)
        if value is None or value == () or (isinstance(value, Count) and not value.is_known):
            return None
        if isinstance(value, enum.Enum) and value.value == "unknown":
            return None  # "unknown" is no claim, as an unknown count is none
        if isinstance(value, FuzzyDate):
            return _date(value)
        if isinstance(value, Count):  # the range of possible numbers, as a date's days
            return _Claim((value.minimum or 0, value.maximum), str(value))
        if isinstance(value, tuple):  # a list of categories: the same set in any order
            items = sorted(dict.fromkeys(str(v) for v in value))
            return _Claim(tuple(items), ", ".join(items))
        if isinstance(value, enum.Enum):
            return _Claim(value.value, value.value)
        # Free text ("the Sweida garrison"): wording in another case or spacing is the
        # same claim, as it is for actors' and places' names.
        return _Claim(" ".join(str(value).casefold().split()), str(value))

    return get


def _date(date: FuzzyDate) -> _Claim | None:
    return None if _says_nothing(date) else _Claim(date, str(date))


def _location(record: Event) -> _Claim | None:
    loc = record.location
    if loc is None:
        return None
    country = None if loc.country is None else loc.country.alpha2
    # A place given as its country ("Syria", precision country) holds any place in it;
    # admin units narrow it as a name does.
    name = None if loc.precision is SpatialPrecision.COUNTRY and country else loc.name
    path = tuple(None if p is None else p.casefold() for p in (loc.admin1, loc.admin2, name))
    if country is None and path == (None, None, None):
        return None  # coordinates alone: no place to compare
    shown = [loc.name or loc.admin2 or loc.admin1, country]
    return _Claim((country, *path), ", ".join(p for p in shown if p))


def _simple(get: Callable[[Event], str]) -> Callable[[Event], _Claim]:
    def claim(record: Event) -> _Claim:
        value = get(record)
        return _Claim(value, value)

    return claim


# The dates of an agreement's or a ceasefire's stages, compared as ``when`` is.
_STAGES: Final = tuple(name for names in _STAGES_OF.values() for name in names)
_ROLES: Final = {"parties": "party", "sides": "side", "mediators": "mediator"}
_COUNTS: Final = ("fatalities", "injuries")
_PARTY_FACETS: Final = frozenset(
    {"requester", "addressee", "speaker", "perpetrator", "signatories", *_ROLES}
)

_FACETS: dict[str, Callable[[Event], _Claim | None]] = {
    "kind": _simple(lambda r: r.kind),
    "when": lambda r: _date(r.when.date),
    "modality": _simple(lambda r: r.modality.value),
    "location": _location,
    **{role: _role(role) for role in ("requester", "addressee", "speaker", "perpetrator")},
    **{name: _role(role) for name, role in _ROLES.items()},
    "signatories": _role("signatory"),
    **{
        name: _attr(name)
        for name in (
            *_COUNTS,
            "items",
            "status",
            "agreement_type",
        )
    },
    **{name: _attr(name) for name in _STAGES},
    **{name: _attr(name) for name in ("target", "weapon")},
}


def _chain(lists: Iterable[tuple[Any, ...]]) -> bool:
    """Whether the lists nest, counting repeats: each within the next.

    A vaguer report's fewer parties or items are within a fuller one's; two equal actors
    are two parties.
    """
    ordered = sorted(map(Counter, lists), key=lambda c: c.total())
    return all(a <= b for a, b in itertools.pairwise(ordered))


def _agree(name: str, keys: list[Any]) -> bool:
    """Whether differing claims still agree: the vaguer one holds the more precise one."""
    if name == "when" or name in _STAGES:
        moments: dict[int, FuzzyDate] = {}

        def one(date: FuzzyDate) -> FuzzyDate:  # one moment written in two zones is one date
            moment = _utc_seconds(date._info)
            return date if moment is None else moments.setdefault(moment, date)

        return nested(map(one, keys))
    if name in _COUNTS:  # "10 (8..12)" holds "9", "at least 5" holds "12"; 10 and 12 differ
        spans = sorted(keys, key=lambda k: (k[0], -(math.inf if k[1] is None else k[1])))
        return all(
            b[0] >= a[0] and (a[1] is None or (b[1] is not None and b[1] <= a[1]))
            for a, b in itertools.pairwise(spans)
        )
    if name == "location":  # a country holds every place in it, a unit what is in it
        return all(len({k[i] for k in keys} - {None}) <= 1 for i in range(4))
    if name in _PARTY_FACETS:
        return _same_parties(keys)
    if isinstance(keys[0], tuple):  # a list of categories: fewer is vaguer
        return _chain(keys)
    return False


def _compare(name: str, cluster: Sequence[Event]) -> FieldDisagreement | None:
    get = _FACETS[name]
    claims = [(r, c) for r in cluster if (c := get(r)) is not None]
    keys = list(dict.fromkeys(c.key for _, c in claims))
    if len(keys) < 2 or _agree(name, keys):
        return None
    return FieldDisagreement(
        field=name,
        claims=tuple(Claim(record=r.id, sources=r.sources, value=c.shown) for r, c in claims),
    )

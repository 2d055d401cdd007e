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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from geoevents.actors import Actor
from geoevents.figures import Count
from geoevents.records import Agreement, Event, Modality
from geoevents.report import Claim, Disagreement, FieldDisagreement, Problem, Report, Severity
from geoevents.temporal import FuzzyDate

if TYPE_CHECKING:
    from geoevents.dataset import Dataset

__all__ = ["validate"]


def validate(dataset: Dataset) -> Report:
    """Check every rule over *dataset* and return all problems and disagreements at once.

    The cost is linear in the number of records and references.

    >>> from geoevents import Attribution, Dataset, Event, FuzzyDate, Source
    >>> src = Source(id="s", outlet="Outlet")
    >>> e = Event(id="a", when=FuzzyDate("2025-07-20"), summary="x",
    ...           attributions=(Attribution(source="s"),), refers_to=("missing",))
    >>> [p.rule for p in validate(Dataset([e], sources=[src])).problems]
    ['dangling-reference']
    """
    problems: list[Problem] = [
        Problem(
            severity=Severity.ERROR,
            rule="duplicate-source",
            record=source.id,
            path="$.id",
            message=f"another, different source already has the id {source.id!r}",
        )
        for source in dataset.source_conflicts
    ]
    by_id = dataset.index
    seen: set[str] = set()
    for record in dataset.records:
        if record.id in seen:
            problems.append(
                _error("duplicate-id", record, "$.id", f"the id {record.id!r} is used twice")
            )
        seen.add(record.id)
        _check_references(record, by_id, problems)
        _check_sources(record, dataset, problems)
        if isinstance(record, Agreement):
            _check_agreement(record, problems)
    return Report(problems=tuple(problems), disagreements=disagreements(dataset))


def _error(rule: str, record: Event, path: str, message: str) -> Problem:
    return Problem(severity=Severity.ERROR, rule=rule, record=record.id, path=path, message=message)


def _warning(rule: str, record: Event, path: str, message: str) -> Problem:
    return Problem(
        severity=Severity.WARNING, rule=rule, record=record.id, path=path, message=message
    )


def _check_references(record: Event, by_id: dict[str, Event], problems: list[Problem]) -> None:
    for field in ("refers_to", "same_as"):
        ids: tuple[str, ...] = getattr(record, field)
        for i, ref in enumerate(ids):
            if ref not in by_id:
                problems.append(
                    _error(
                        "dangling-reference",
                        record,
                        f"$.{field}[{i}]",
                        f"refers to {ref!r}, which is not in the collection",
                    )
                )
    if record.modality is not Modality.ACTUAL:
        return
    mine = record.when.date
    for i, ref in enumerate(record.refers_to):
        target = by_id.get(ref)
        if target is None or target.modality is not Modality.ACTUAL:
            continue
        theirs = target.when.date
        path = f"$.refers_to[{i}]"
        if mine.definitely_before(theirs):
            problems.append(
                _error(
                    "reference-order",
                    record,
                    path,
                    f"dated {mine}, certainly before {ref!r} ({theirs}) that it refers to",
                )
            )
        elif mine != theirs and _possibly_earlier(mine, theirs):
            # (Equal uncertain dates carry the same uncertainty: nothing to report.)
            problems.append(
                _warning(
                    "reference-order",
                    record,
                    path,
                    f"dated {mine}, possibly before {ref!r} ({theirs}) that it refers to",
                )
            )


def _possibly_earlier(mine: FuzzyDate, theirs: FuzzyDate) -> bool:
    """Whether *mine* may fall on a day strictly before *theirs* (the same day is fine)."""
    lo, hi = mine.earliest, theirs.latest
    return lo is None or hi is None or lo < hi


def _check_sources(record: Event, dataset: Dataset, problems: list[Problem]) -> None:
    published: list[FuzzyDate | None] = []
    for i, attribution in enumerate(record.attributions):
        source = dataset.sources.get(attribution.source)
        if source is None:
            problems.append(
                _error(
                    "unknown-source",
                    record,
                    f"$.attributions[{i}].source",
                    f"cites {attribution.source!r}, which is not among the sources",
                )
            )
            continue
        published.append(None if source.published is None else source.published.date)
    if not published or record.modality is not Modality.ACTUAL:
        return
    date = record.when.date
    if all(p is not None and p.definitely_before(date) for p in published):
        last = max((p for p in published if p is not None), key=FuzzyDate.sort_key)
        problems.append(
            _error(
                "after-publication",
                record,
                "$.when",
                f"dated {date}, certainly after every source reporting it (latest: {last})",
            )
        )


def _check_agreement(record: Agreement, problems: list[Problem]) -> None:
    if (
        record.signed is not None
        and record.in_force is not None
        and record.in_force.definitely_before(record.signed)
    ):
        problems.append(
            _warning(
                "signed-after-in-force",
                record,
                "$.in_force",
                f"in force {record.in_force}, before it was signed ({record.signed})",
            )
        )


# --- disagreements -------------------------------------------------------------------


def disagreements(dataset: Dataset) -> tuple[Disagreement, ...]:
    """The items described by several linked records, and the fields they differ on."""
    out: list[Disagreement] = []
    for cluster in dataset.clusters():
        fields = tuple(f for f in (_compare(name, cluster) for name in _FACETS) if f is not None)
        if fields:
            out.append(Disagreement(records=tuple(r.id for r in cluster), fields=fields))
    return tuple(out)


def _actors(actors: Iterable[Actor]) -> str | None:
    labels = sorted({a.label for a in actors})
    return "; ".join(labels) if labels else None


def _role(role: str) -> Callable[[Event], str | None]:
    def get(record: Event) -> str | None:
        return _actors(p.actor for p in record.participants() if p.role.value == role)

    return get


def _attr(name: str) -> Callable[[Event], str | None]:
    def get(record: Event) -> str | None:
        value = getattr(record, name, None)
        if value is None or value == () or (isinstance(value, Count) and not value.is_known):
            return None
        if isinstance(value, tuple):
            return ", ".join(str(v) for v in value)
        return str(value)

    return get


def _location(record: Event) -> str | None:
    loc = record.location
    if loc is None:
        return None
    parts = [loc.name, None if loc.country is None else loc.country.alpha2]
    return ", ".join(p for p in parts if p)


_FACETS: dict[str, Callable[[Event], str | None]] = {
    "kind": lambda r: r.kind,
    "when": lambda r: str(r.when.date),
    "modality": lambda r: r.modality.value,
    "location": _location,
    **{role: _role(role) for role in ("requester", "addressee", "speaker", "perpetrator")},
    "parties": _role("party"),
    "sides": _role("side"),
    "mediators": _role("mediator"),
    "signatories": _role("signatory"),
    **{
        name: _attr(name)
        for name in (
            "fatalities",
            "injuries",
            "items",
            "status",
            "agreement_type",
            "signed",
            "declared",
            "target",
            "weapon",
        )
    },
}


def _compare(name: str, cluster: tuple[Event, ...]) -> FieldDisagreement | None:
    get = _FACETS[name]
    claims = [(r, v) for r in cluster if (v := get(r)) is not None]
    if len({v for _, v in claims}) < 2:
        return None
    if name == "when" and _nested([r.when.date for r, _ in claims]):
        return None  # a more precise date within a vaguer one is not a disagreement
    return FieldDisagreement(
        field=name,
        claims=tuple(Claim(record=r.id, sources=r.sources, value=v) for r, v in claims),
    )


def _nested(dates: list[FuzzyDate]) -> bool:
    """Whether every pair of dates is compatible: one of them contains the other."""
    return all(a.contains(b) or b.contains(a) for i, a in enumerate(dates) for b in dates[i + 1 :])

"""ACLED CSV exports (the 31-column layout with numeric inter codes) in and out.

Mapping (see :mod:`geoevents.interop._common` for how losses and the residual work):

* ``event_type`` Battles -> :class:`~geoevents.records.Clash` (``actor1``/``actor2`` as
  sides, ``fatalities`` exact); Explosions/Remote violence ->
  :class:`~geoevents.records.Strike` (``actor1`` perpetrator, weapon from the sub-type);
  ``sub_event_type`` Agreement with two actors -> :class:`~geoevents.records.Agreement`;
  everything else (Protests, Riots, Violence against civilians, other Strategic
  developments) -> :class:`~geoevents.records.Event`, which has no fatality field, so
  ``fatalities`` is then dropped (kept for a round trip).
* Actors: ``actor1`` and its ``assoc_actor_1`` (``;``-separated) take the first role
  (initiator; perpetrator for violence against civilians), ``actor2`` and its associates
  the second (target; victim); the first actor of each role is the main one. Clash sides
  and a strike's perpetrator are the kind's own fields. The actor kind comes from the
  inter code (1 military, 2-4 armed group, 5-7 population group, 8 organisation); the
  inter codes themselves are dropped.
* Dates: ``time_precision`` 1 -> the day; 2 -> ``event_date`` ±3 days (approximated:
  ACLED gives the middle day of a week-like span); 3 -> the month (approximated: the day
  recorded inside it is kept in the residual). The rule of the dating names the precision.
* Place: ``iso`` (numeric, unpadded) -> ISO country; ``admin1..3``, ``location``,
  coordinates; ``geo_precision`` 1/2/3 -> exact / near / region.
* ``source`` (``;``-separated) -> one :class:`~geoevents.sources.Source` per outlet (ids
  derived from the name) and one attribution each; ``notes`` -> notes; ``tags`` -> tags.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Final

from geoevents._streams import FileArg
from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.figures import Count
from geoevents.interop._common import (
    InteropReader,
    Loss,
    LossKind,
    Row,
    TableFormat,
    WriteReport,
    at_column,
    clean_text,
    fmt_float,
    imported_dating,
    one_line,
    parse_day,
    parse_float,
    parse_int,
    stable_id,
    usable_tag,
    write_table,
)
from geoevents.location import Location, SpatialPrecision
from geoevents.records import Agreement, Ceasefire, Clash, Event, PloverType, Strike, Weapon
from geoevents.sources import Attribution, Source, SourceKind
from geoevents.temporal import FuzzyDate, Precision

__all__ = ["read_acled", "write_acled"]

COLUMNS: Final = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

_INTER_KIND: Final = {
    "1": ActorKind.MILITARY,
    "2": ActorKind.ARMED_GROUP,
    "3": ActorKind.ARMED_GROUP,
    "4": ActorKind.ARMED_GROUP,
    "5": ActorKind.POPULATION_GROUP,
    "6": ActorKind.POPULATION_GROUP,
    "7": ActorKind.POPULATION_GROUP,
    "8": ActorKind.ORGANISATION,
}
_GEO: Final = {1: SpatialPrecision.EXACT, 2: SpatialPrecision.NEAR, 3: SpatialPrecision.REGION}
_GEO_BACK: Final = {v: k for k, v in _GEO.items()}
_WEAPONS: Final = {
    "Air/drone strike": Weapon.AIR,
    "Shelling/artillery/missile attack": Weapon.ARTILLERY,
    "Remote explosive/landmine/IED": Weapon.EXPLOSIVE,
    "Suicide bomb": Weapon.EXPLOSIVE,
    "Grenade": Weapon.EXPLOSIVE,
}
_PLOVER: Final = {
    "Battles": PloverType.ASSAULT,
    "Explosions/Remote violence": PloverType.ASSAULT,
    "Violence against civilians": PloverType.ASSAULT,
    "Protests": PloverType.PROTEST,
    "Riots": PloverType.PROTEST,
}
_RULES: Final = {
    1: "ACLED time_precision 1: the day given",
    2: "ACLED time_precision 2: a week-like span recorded as its middle day; kept as ±3 days",
    3: "ACLED time_precision 3: a month, recorded inside it; kept as the month",
}
_RULE_RE: Final = re.compile(r"ACLED time_precision ([123])")
_VAC: Final = "Violence against civilians"
_LOCATION_COLUMNS: Final = {
    "$.name": "location",
    "$.admin1": "admin1",
    "$.admin2": "admin2",
    "$.admin3": "admin3",
    "$.latitude": "latitude",
    "$.longitude": "longitude",
}


def _actor(name: str, inter: str, column: str) -> Actor:
    with at_column(column):
        return Actor(kind=_INTER_KIND.get(inter, ActorKind.ORGANISATION), name=name)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _date(row: Row) -> tuple[Any, list[Loss]]:
    day = parse_day(row["event_date"], "event_date")
    precision = parse_int(row["time_precision"], "time_precision") or 1
    if precision == 1:
        return imported_dating(FuzzyDate.from_date(day), _RULES[1]), []
    if precision == 2:
        week = datetime.timedelta(days=3)
        date = FuzzyDate.between(FuzzyDate.from_date(day - week), FuzzyDate.from_date(day + week))
        loss = Loss(
            "event_date",
            LossKind.APPROXIMATED,
            "a week-like span recorded as its middle day; held as that day ±3 days",
        )
        return imported_dating(date, _RULES[2]), [loss]
    if precision == 3:
        loss = Loss(
            "event_date",
            LossKind.APPROXIMATED,
            "a month recorded as one day inside it; held as the month",
        )
        return imported_dating(FuzzyDate.from_month(day.year, day.month), _RULES[3]), [loss]
    raise InvalidValueError("not an ACLED time_precision", path="$.time_precision", value=precision)


def _sources(text: str) -> list[Source]:
    with at_column("source"):
        return [
            Source(id=stable_id("acled:source", name), outlet=name, notes="cited by ACLED")
            for name in _split(text)
        ] or [_DATASET]


_DATASET: Final = Source(
    id="acled", outlet="ACLED", kind=SourceKind.AGGREGATION, notes="no source named in the row"
)


class AcledFormat(TableFormat):
    """The ACLED CSV export."""

    name: ClassVar[str] = "acled"
    title: ClassVar[str] = "an ACLED export"
    columns: ClassVar[tuple[str, ...]] = COLUMNS
    record_columns: ClassVar[Mapping[str, str]] = {"$.id": "event_id_cnty", "$.notes": "notes"}

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one ACLED row."""
        when, losses = _date(row)
        iso = row["iso"]
        country = None
        if iso:
            try:
                country = Country(iso.zfill(3))
            except InvalidValueError:
                raise InvalidValueError(
                    "unknown ISO numeric code", path="$.iso", value=iso
                ) from None
        precision = parse_int(row["geo_precision"], "geo_precision")
        location = None
        lat = parse_float(row["latitude"], "latitude")
        lon = parse_float(row["longitude"], "longitude")
        if row["location"] or country is not None or lat is not None:
            with at_column(_LOCATION_COLUMNS):
                location = Location(
                    name=row["location"] or None,
                    country=country,
                    admin1=row["admin1"] or None,
                    admin2=row["admin2"] or None,
                    admin3=row["admin3"] or None,
                    latitude=lat,
                    longitude=lon,
                    precision=None if precision is None else _GEO.get(precision),
                )
        sources = _sources(row["source"])
        event_type, sub = row["event_type"], row["sub_event_type"]
        first = [_actor(row["actor1"], row["inter1"], "actor1")] if row["actor1"] else []
        first += [_actor(n, "", "assoc_actor_1") for n in _split(row["assoc_actor_1"])]
        second = [_actor(row["actor2"], row["inter2"], "actor2")] if row["actor2"] else []
        second += [_actor(n, "", "assoc_actor_2") for n in _split(row["assoc_actor_2"])]
        roles = (
            (Role.PERPETRATOR, Role.VICTIM) if event_type == _VAC else (Role.INITIATOR, Role.TARGET)
        )
        place = ", ".join(p for p in (row["location"], row["admin1"]) if p)
        summary = one_line(
            f"{sub or event_type or 'Event'}" + (f" in {place}" if place else ""), 500
        )
        tags = tuple(t for t in _split(row["tags"]) if usable_tag(t, 100))
        fields: dict[str, Any] = {
            "id": f"acled:{row['event_id_cnty']}",
            "when": when,
            "summary": summary,
            "attributions": tuple(Attribution(source=s.id) for s in sources),
            "location": location,
            "countries": () if country is None else (country,),
            "plover": _PLOVER.get(event_type),
            "tags": tags,
            "notes": clean_text(row["notes"], "notes", losses) or None,
        }
        fatalities = parse_int(row["fatalities"], "fatalities")
        with at_column("fatalities"):
            count = Count() if fatalities is None else Count.exact(fatalities)
        record: Event
        if event_type == "Battles" and first and second:
            actors = [Participant(actor=a, role=roles[0]) for a in first[1:]]
            actors += [Participant(actor=a, role=roles[1]) for a in second[1:]]
            record = Clash(sides=(first[0], second[0]), fatalities=count, actors=actors, **fields)
        elif event_type == "Explosions/Remote violence":
            actors = [Participant(actor=a, role=Role.PERPETRATOR) for a in first[1:]]
            actors += [Participant(actor=a, role=Role.TARGET) for a in second]
            record = Strike(
                perpetrator=first[0] if first else None,
                weapon=_WEAPONS.get(sub, Weapon.UNKNOWN),
                fatalities=count,
                actors=actors,
                **fields,
            )
        else:
            actors = [Participant(actor=a, role=roles[0]) for a in first]
            actors += [Participant(actor=a, role=roles[1]) for a in second]
            if sub == "Agreement" and first and second:
                record = Agreement(parties=(first[0], second[0]), actors=actors[1:], **fields)
            else:
                record = Event(actors=actors, **fields)
        return record, sources, losses

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The ACLED columns derivable from *record*."""
        row: Row = {"event_id_cnty": record.id.removeprefix("acled:")}
        date = record.when.date
        match = _RULE_RE.search(record.when.rule or "")
        if match:
            precision = int(match.group(1))
        elif date.precision is Precision.MONTH:
            precision = 3
        elif date.is_interval and date.span_days == 7:
            precision = 2
        else:
            precision = 1
        if date.earliest is not None and date.latest is not None:
            middle = date.earliest + (date.latest - date.earliest) // 2
            row["event_date"] = middle.isoformat()  # with precision 3, a day inside the month
            row["year"] = str(middle.year)
        row["time_precision"] = str(precision)
        row["disorder_type"], row["event_type"], row["sub_event_type"] = _event_type(record)
        first, second = _groups(record)
        row["actor1"] = first[0] if first else ""
        row["assoc_actor_1"] = "; ".join(first[1:])
        row["actor2"] = second[0] if second else ""
        row["assoc_actor_2"] = "; ".join(second[1:])
        if isinstance(record, (Clash, Strike)):
            row["fatalities"] = (
                "" if record.fatalities.best is None else str(record.fatalities.best)
            )
        loc = record.location
        if loc is not None:
            row["iso"] = "" if loc.country is None else str(int(loc.country.numeric))
            row["country"] = "" if loc.country is None else loc.country.name
            row["admin1"] = loc.admin1 or ""
            row["admin2"] = loc.admin2 or ""
            row["admin3"] = loc.admin3 or ""
            row["location"] = loc.name or ""
            row["latitude"] = fmt_float(loc.latitude)
            row["longitude"] = fmt_float(loc.longitude)
            row["geo_precision"] = str(_GEO_BACK.get(loc.precision, "")) if loc.precision else ""
        outlets = [sources[a.source].outlet for a in record.attributions if a.source in sources]
        row["source"] = "; ".join(o for o in outlets if _named(o))
        row["notes"] = record.notes or ""
        row["tags"] = "; ".join(record.tags)
        return row


_STRIKE_SUBTYPES = {
    Weapon.AIR: "Air/drone strike",
    Weapon.DRONE: "Air/drone strike",
    Weapon.ARTILLERY: "Shelling/artillery/missile attack",
    Weapon.MISSILE: "Shelling/artillery/missile attack",
    Weapon.EXPLOSIVE: "Remote explosive/landmine/IED",
}


def _event_type(record: Event) -> tuple[str, str, str]:
    """ACLED's disorder type, event type and sub-event type for a record's kind."""
    if isinstance(record, Clash):
        return "Political violence", "Battles", "Armed clash"
    if isinstance(record, Strike):
        sub = _STRIKE_SUBTYPES.get(record.weapon, "")
        return "Political violence", "Explosions/Remote violence", sub
    if isinstance(record, (Agreement, Ceasefire)):
        return "Strategic developments", "Strategic developments", "Agreement"
    return "", "", ""


def _named(outlet: str) -> bool:
    """Whether *outlet* is a named source (not the dataset placeholder)."""
    return outlet != _DATASET.outlet


def _groups(record: Event) -> tuple[list[str], list[str]]:
    """Actor names of the first and second ACLED group, main actor first."""
    first: list[str] = []
    second: list[str] = []
    if isinstance(record, Clash):
        first = [record.sides[0].label] if record.sides else []
        second = [a.label for a in record.sides[1:2]]
    elif isinstance(record, Strike) and record.perpetrator is not None:
        first = [record.perpetrator.label]
    elif isinstance(record, Agreement):
        first = [record.parties[0].label]
        second = [record.parties[1].label]
    one = (Role.INITIATOR, Role.PERPETRATOR, Role.SIDE, Role.SPEAKER, Role.REQUESTER)
    for p in record.actors:
        (first if p.role in one else second).append(p.actor.label)
    return first, second


def read_acled(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream an ACLED CSV export as :class:`~geoevents.interop.Imported` rows.

    Args:
        file: a path, or a text or binary file object.
        strict: raise :class:`~geoevents.interop.InteropError` on the first loss or bad row.

    >>> import io
    >>> head = ",".join(COLUMNS)
    >>> row = ("ARG1,2022-06-30,2022,1,Demonstrations,Protests,Peaceful protest,"
    ...        "Protesters (Argentina),,6,,,0,60,,32,South America,Argentina,Chubut,,,"
    ...        "Rawson,-43.3,-65.1,1,Diario El Chubut,National,Teachers protested.,0,,1")
    >>> item = next(read_acled(io.StringIO(head + "\n" + row + "\n")))
    >>> item.record.location.country, str(item.record.when.date)
    (Country("AR"), '2022-06-30')
    >>> sorted(loss.field for loss in item.losses)[:3]
    ['disorder_type', 'event_type', 'fatalities']
    """
    return InteropReader(AcledFormat(), file, strict=strict)


def write_acled(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    """Write records (and :class:`~geoevents.interop.Imported` rows) as an ACLED CSV export.

    Rows imported from ACLED are reproduced exactly; other records are rendered and every
    field ACLED cannot hold is listed in the returned report (or raises, when strict).

    >>> import io
    >>> from geoevents import Attribution, Event, FuzzyDate
    >>> out = io.StringIO()
    >>> e = Event(id="acled:X1", when=FuzzyDate("2022-06-30"), summary="Protest",
    ...           attributions=(Attribution(source="s"),))
    >>> write_acled(out, [e]).written
    1
    >>> out.getvalue().splitlines()[1][:30]
    'X1,2022-06-30,2022,1,,,,,,,,,,'
    """
    return write_table(AcledFormat(), file, items, strict=strict)

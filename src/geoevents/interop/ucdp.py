"""UCDP GED CSV (the 49-column release layout) in and out.

Mapping (see :mod:`geoevents.interop._common` for losses and the residual):

* ``type_of_violence`` 1/2 (state-based, non-state) -> :class:`~geoevents.records.Clash`
  with ``side_a``/``side_b`` as sides and ``fatalities = Count(low, best, high)``;
  3 (one-sided) -> :class:`~geoevents.records.Event` with ``side_a`` as perpetrator and
  ``side_b`` as victim (an Event has no fatality field: the counts are dropped, kept for
  a round trip).
* A count breaking ``low <= best <= high`` (12 rows of the 23.1 sample) is imported as
  ``best`` alone, reported as an approximation, and warned about with
  :class:`~geoevents.errors.GeoeventsWarning`; ``low``/``high`` stay in the residual.
* ``date_start``/``date_end`` -> a day or an interval; ``date_prec`` is named in the rule.
* ``where_prec`` 1-7 -> :class:`~geoevents.location.SpatialPrecision`;
  ``where_coordinates``, ``adm_1``, ``adm_2``, coordinates -> the location; its country
  from ``country_id`` (a Gleditsch-Ward number), else from the name (UCDP's spelling),
  both written back as UCDP has them.
* ``side_a``/``side_b`` -> actors; a side with a GW number in ``gwnoa``/``gwnob`` is a
  government of that country.
* ``source_office``/``source_date``/``source_headline`` (parallel ``;``-lists) -> one
  :class:`~geoevents.sources.Source` each (ids derived from outlet, date and headline);
  ``source_original`` -> whom the attribution credits (unnamed when it reads like
  "security officials"). ``source_article`` (the raw citation) is kept in the residual.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Final

from geoevents._streams import FileArg
from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
from geoevents.errors import (
    AmbiguousCountryError,
    GeoeventsWarning,
    InvalidValueError,
    UnknownCountryError,
)
from geoevents.figures import Count
from geoevents.interop._common import (
    CountryNames,
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
    write_table,
)
from geoevents.location import Location, SpatialPrecision
from geoevents.normalize import normalize_country
from geoevents.records import Clash, Event, PloverType
from geoevents.sources import Attribution, Source, SourceKind
from geoevents.temporal import Dating, FuzzyDate

__all__ = ["read_ucdp", "write_ucdp"]

COLUMNS: Final = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

_PREC_RULE: Final = {
    1: "UCDP date_prec 1: the day",
    2: "UCDP date_prec 2: a span of 2-6 days",
    3: "UCDP date_prec 3: a week",
    4: "UCDP date_prec 4: a month",
    5: "UCDP date_prec 5: a year",
}
_PREC_RE: Final = re.compile(r"UCDP date_prec ([1-5])")
_UNNAMED: Final = re.compile(
    r"\b(officials?|sources?|witness(es)?|residents?|spokes(man|person)|activists?|police|"
    r"military|army|media|reports?|authorit(y|ies)|locals?)\b",
    re.IGNORECASE,
)
_DATASET: Final = Source(
    id="ucdp-ged", outlet="UCDP GED", kind=SourceKind.AGGREGATION, notes="no source named"
)
_LOCATION_COLUMNS: Final = {
    "$.name": "where_coordinates",
    "$.admin1": "adm_1",
    "$.admin2": "adm_2",
    "$.latitude": "latitude",
    "$.longitude": "longitude",
}
# UCDP's names where they differ from the ISO short names, as its files spell them; read
# first, with "Congo" (ambiguous elsewhere, the Republic of the Congo in UCDP).
_NAMES: Final = CountryNames(
    {
        "BA": "Bosnia-Herzegovina",
        "BO": "Bolivia",
        "CD": "DR Congo (Zaire)",
        "CG": "Congo",
        "CI": "Ivory Coast",
        "IR": "Iran",
        "KH": "Cambodia (Kampuchea)",
        "KP": "North Korea",
        "KR": "South Korea",
        "LA": "Laos",
        "MD": "Moldova",
        "MG": "Madagascar (Malagasy)",
        "MK": "Macedonia, FYR",
        "MM": "Myanmar (Burma)",
        "RS": "Serbia (Yugoslavia)",
        "RU": "Russia (Soviet Union)",
        "SY": "Syria",
        "SZ": "Kingdom of eSwatini (Swaziland)",
        "TR": "Turkey",
        "TW": "Taiwan",
        "TZ": "Tanzania",
        "US": "United States of America",
        "VE": "Venezuela",
        "VN": "Vietnam (North Vietnam)",
        "YE": "Yemen (North Yemen)",
        "ZW": "Zimbabwe (Rhodesia)",
    }
)
_VIOLENCE: Final = {
    "1": "State-based violence",
    "2": "Non-state violence",
    "3": "One-sided violence",
}


def _credited(text: str) -> Actor:
    if _UNNAMED.search(text):
        return Actor.unnamed(one_line(text, 500))
    return Actor(kind=ActorKind.ORGANISATION, name=one_line(text, 300))


def _where(prec: int) -> SpatialPrecision:
    with at_column("where_prec"):
        return SpatialPrecision.from_ucdp(prec)


def _side(row: Row, column: str, gwno: str) -> Actor | None:
    """A side; a government (its state's GW number in *gwno*) gets its country."""
    if not row[column]:
        return None
    country = None
    # Several numbers or a former state: no country, and the column stays in the residual.
    with contextlib.suppress(UnknownCountryError, AmbiguousCountryError):
        country = normalize_country(row[gwno], system="gw") if row[gwno] else None
    kind = ActorKind.ORGANISATION if country is None else ActorKind.GOVERNMENT
    with at_column(column):
        return Actor(kind=kind, name=row[column], country=country)


def _country(row: Row, losses: list[Loss]) -> Country | None:
    """Where the event was: from ``country_id`` (a GW number), else from the name."""
    for column, system in (("country_id", "gw"), ("country", None)):
        text = row[column]
        if not text:
            continue
        own = None if system else _NAMES.country(text)
        if own is not None:
            return own
        try:
            return normalize_country(text, system=system)  # type: ignore[arg-type]
        except (UnknownCountryError, AmbiguousCountryError) as exc:
            problem = (
                "is ambiguous" if isinstance(exc, AmbiguousCountryError) else "has no ISO code"
            )
            losses.append(Loss(column, LossKind.DROPPED, f"UCDP {column} {text!r} {problem}"))
    return None


def _gw(country: Country | None) -> str:
    """UCDP's number for *country*: Serbia keeps Yugoslavia's 345 there (GW gives 340)."""
    if country is None:
        return ""
    return "345" if country.alpha2 == "RS" else country.gw or ""


def _gwno(actor: Actor | None) -> str:
    """A side's GW number: a government's state's, else empty."""
    return _gw(actor.country) if actor is not None and actor.kind is ActorKind.GOVERNMENT else ""


def _sources(row: Row) -> list[Source]:
    offices = row["source_office"].split(";") if row["source_office"] else []
    dates = row["source_date"].split(";")
    headlines = row["source_headline"].split(";")
    if not offices or len(dates) != len(offices) or len(headlines) != len(offices):
        return [_DATASET]
    found: list[Source] = []
    for office, date, headline in zip(offices, dates, headlines, strict=True):
        try:
            published = imported_dating(FuzzyDate(date), "UCDP source_date")
        except InvalidValueError:
            return [_DATASET]
        title = clean_text(one_line(headline, 500), "source_headline", [])
        with at_column({"$.outlet": "source_office", "$.title": "source_headline"}):
            source = Source(
                id=stable_id("ucdp:source", office or "unknown", date, headline),
                outlet=clean_text(office.strip(), "source_office", []) or "unknown",
                title=title if title.strip() else None,
                published=published,
            )
        found.append(source)
    return found


class UcdpFormat(TableFormat):
    """The UCDP GED CSV release."""

    name: ClassVar[str] = "ucdp"
    title: ClassVar[str] = "a UCDP GED file"
    columns: ClassVar[tuple[str, ...]] = COLUMNS
    record_columns: ClassVar[Mapping[str, str]] = {"$.id": "id"}

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one UCDP GED row."""
        losses: list[Loss] = []
        start = parse_day(row["date_start"], "date_start", time_follows=True)
        end = parse_day(row["date_end"], "date_end", time_follows=True)
        prec = parse_int(row["date_prec"], "date_prec") or 1
        if start == end:
            date = FuzzyDate.from_date(start)
        else:
            date = FuzzyDate.between(FuzzyDate.from_date(start), FuzzyDate.from_date(end))
        when: Dating = imported_dating(date, _PREC_RULE.get(prec, f"UCDP date_prec {prec}"))
        country = _country(row, losses)
        where = parse_int(row["where_prec"], "where_prec")
        lat, lon = (
            parse_float(row["latitude"], "latitude"),
            parse_float(row["longitude"], "longitude"),
        )
        location = None
        if row["where_coordinates"] or country is not None or lat is not None:
            with at_column(_LOCATION_COLUMNS):
                location = Location(
                    name=row["where_coordinates"] or None,
                    country=country,
                    admin1=row["adm_1"] or None,
                    admin2=row["adm_2"] or None,
                    latitude=lat,
                    longitude=lon,
                    precision=None if where is None else _where(where),
                )
        sources = _sources(row)
        with at_column("source_original"):
            via = (_credited(row["source_original"]),) if row["source_original"].strip() else ()
        side_a, side_b = _side(row, "side_a", "gwnoa"), _side(row, "side_b", "gwnob")
        best = parse_int(row["best"], "best")
        low, high = parse_int(row["low"], "low"), parse_int(row["high"], "high")
        try:
            count = Count(low=low, best=best, high=high)
        except InvalidValueError:
            message = (
                f"low {low}, best {best}, high {high} break low <= best <= high; kept best only"
            )
            warnings.warn(f"UCDP id {row['id']}: {message}", GeoeventsWarning, stacklevel=2)
            losses += [
                Loss("low", LossKind.APPROXIMATED, message),
                Loss("high", LossKind.APPROXIMATED, message),
            ]
            count = Count(best=best)
        kind = row["type_of_violence"]
        fields: dict[str, Any] = {
            "id": f"ucdp:{row['id']}",
            "when": when,
            "summary": one_line(
                f"{_VIOLENCE.get(kind, 'Violence')}: {row['side_a']} - {row['side_b']}, "
                f"{count} killed",
                500,
            ),
            "attributions": tuple(Attribution(source=s.id, via=via) for s in sources),
            "location": location,
            "countries": () if country is None else (country,),
            "plover": PloverType.ASSAULT,
        }
        record: Event
        if kind in ("1", "2") and side_a is not None:
            record = Clash(sides=[s for s in (side_a, side_b) if s], fatalities=count, **fields)
        else:
            actors = [Participant(actor=side_a, role=Role.PERPETRATOR)] if side_a else []
            actors += [Participant(actor=side_b, role=Role.VICTIM)] if side_b else []
            record = Event(actors=actors, **fields)
        return record, sources, losses

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The UCDP columns derivable from *record*."""
        row: Row = {"id": record.id.removeprefix("ucdp:")}
        date = record.when.date
        if date.earliest is not None and date.latest is not None:
            row["date_start"] = date.earliest.isoformat()
            row["date_end"] = date.latest.isoformat()
            row["year"] = str(date.earliest.year)
        match = _PREC_RE.search(record.when.rule or "")
        row["date_prec"] = match.group(1) if match else ("1" if date.span_days == 1 else "")
        if isinstance(record, Clash):
            sides = (*record.sides[:2], None, None)
            row["side_a"] = "" if sides[0] is None else sides[0].label
            row["side_b"] = "" if sides[1] is None else sides[1].label
            row["gwnoa"], row["gwnob"] = _gwno(sides[0]), _gwno(sides[1])
            c = record.fatalities
            for key, value in (("best", c.best), ("low", c.low), ("high", c.high)):
                row[key] = "" if value is None else str(value)
        else:
            row["type_of_violence"] = "3"
            for p in record.actors:
                key = "a" if p.role is Role.PERPETRATOR else "b"
                if f"side_{key}" not in row:
                    row[f"side_{key}"], row[f"gwno{key}"] = p.actor.label, _gwno(p.actor)
        loc = record.location
        if loc is not None:
            row["where_coordinates"] = loc.name or ""
            row["adm_1"] = loc.admin1 or ""
            row["adm_2"] = loc.admin2 or ""
            row["latitude"] = fmt_float(loc.latitude, whole=".0")
            row["longitude"] = fmt_float(loc.longitude, whole=".0")
            row["where_prec"] = "" if loc.precision is None else str(loc.precision.ucdp_where_prec)
            row["country"] = "" if loc.country is None else _NAMES.name(loc.country)
            row["country_id"] = _gw(loc.country)
        cited = [sources[a.source] for a in record.attributions if a.source in sources]
        cited = [s for s in cited if s.id != _DATASET.id]
        row["source_office"] = ";".join(s.outlet for s in cited)
        row["source_date"] = ";".join(str(s.published.date) if s.published else "" for s in cited)
        row["source_headline"] = ";".join(s.title or "" for s in cited)
        origin = record.attributions[0].origin
        row["source_original"] = "" if origin is None else origin.label.removesuffix(" (unnamed)")
        return row


def read_ucdp(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream a UCDP GED CSV file as imported rows.

    A count with ``low > best`` or ``best > high`` is kept as ``best`` alone, with a
    :class:`~geoevents.errors.GeoeventsWarning` and an approximation in the losses.

    >>> import io
    >>> row = dict.fromkeys(COLUMNS, "")
    >>> row.update(id="1", type_of_violence="1", side_a="Government of Syria",
    ...            side_b="IS", date_start="2013-01-03", date_end="2013-01-05",
    ...            date_prec="2", where_prec="4", country="Syria", best="4", low="3", high="9")
    >>> text = ",".join(COLUMNS) + "\n" + ",".join(row.values()) + "\n"
    >>> item = next(read_ucdp(io.StringIO(text)))
    >>> str(item.record.fatalities), str(item.record.when.date)
    ('4 (3..9)', '2013-01-03/2013-01-05')
    >>> item.record.location.precision
    <SpatialPrecision.ADMIN1: 'admin1'>
    """
    return InteropReader(UcdpFormat(), file, strict=strict)


def write_ucdp(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    """Write records as UCDP GED CSV; imported UCDP rows are reproduced exactly.

    >>> import io
    >>> write_ucdp(io.StringIO(), []).written
    0
    """
    return write_table(UcdpFormat(), file, items, strict=strict)

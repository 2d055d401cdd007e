"""GDELT 1.0 and 2.0 event exports (tab-separated, no header) in and out.

Mapping (see :mod:`geoevents.interop._common` for losses and the residual):

* ``GLOBALEVENTID`` -> id ``gdelt:<id>``; ``EventCode`` -> ``cameo`` (a string, leading
  zeros kept) and the record kind (:func:`~geoevents.interop.cameo.record_for_cameo`);
  the PLOVER type and mode come from the CAMEO -> PLOVER table. ``EventBaseCode`` and
  ``EventRootCode`` are derived from ``EventCode`` when they agree with it.
* ``SQLDATE`` -> the day, method ``imported``: an *inferred* event date, as the rule says.
  ``MonthYear``, ``Year`` and ``FractionDate`` are derived from it. ``DATEADDED`` (UTC) is
  dropped (kept for a round trip), as are ``QuadClass``, ``GoldsteinScale``, the counts,
  ``AvgTone``, ``IsRootEvent`` and the actor code parts.
* ``Actor1Name``/``Actor2Name`` -> actors (kind from ``Type1Code``, country from the
  alpha-3 ``CountryCode``).
* ``ActionGeo_*`` -> the location; its ``CountryCode`` is **FIPS 10-4** and becomes ISO
  (``TU`` -> ``TR``, ``GM`` -> ``DE``, ``IS`` -> ``IL``), and goes back to FIPS on write.
  ``countries`` holds the ISO countries of the action and both actor geographies.
  ``Geo_Type`` 1 country, 2/5 state -> admin1, 3/4 city -> exact.
* ``SOURCEURL`` -> a :class:`~geoevents.sources.Source` with that URL (outlet = host).
  GDELT 1.0 back-file rows have 57 columns and no URL; they cite the dataset itself and
  are written back with 57 columns.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Final
from urllib.parse import urlsplit

from geoevents._streams import FileArg
from geoevents.actors import Actor, ActorKind
from geoevents.country import Country
from geoevents.errors import InvalidValueError, UnknownCountryError
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
    parse_float,
    write_table,
)
from geoevents.interop.cameo import cameo_actors, cameo_name, cameo_to_plover, record_for_cameo
from geoevents.location import Location, SpatialPrecision
from geoevents.normalize import normalize_country
from geoevents.records import Event
from geoevents.sources import Attribution, Source, SourceKind
from geoevents.temporal import Dating, FuzzyDate

__all__ = ["read_gdelt1", "read_gdelt2", "write_gdelt1", "write_gdelt2"]

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _columns(adm2: bool) -> tuple[str, ...]:
    geo = [g for g in _GEO if adm2 or g != "ADM2Code"]
    return (
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        *(f"Actor1{c}" for c in _ACTOR),
        *(f"Actor2{c}" for c in _ACTOR),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo),
        "DATEADDED", "SOURCEURL",
    )  # fmt: skip


COLUMNS_2: Final = _columns(adm2=True)
COLUMNS_1: Final = _columns(adm2=False)

_KINDS: Final = {
    "GOV": ActorKind.GOVERNMENT,
    "JUD": ActorKind.GOVERNMENT,
    "LEG": ActorKind.GOVERNMENT,
    "MIL": ActorKind.MILITARY,
    "COP": ActorKind.MILITARY,
    "SPY": ActorKind.MILITARY,
    "REB": ActorKind.ARMED_GROUP,
    "INS": ActorKind.ARMED_GROUP,
    "SEP": ActorKind.ARMED_GROUP,
    "UAF": ActorKind.ARMED_GROUP,
    "MED": ActorKind.MEDIA,
    "CVL": ActorKind.POPULATION_GROUP,
    "REF": ActorKind.POPULATION_GROUP,
}
_GEO_PRECISION: Final = {
    "1": SpatialPrecision.COUNTRY,
    "2": SpatialPrecision.ADMIN1,
    "3": SpatialPrecision.EXACT,
    "4": SpatialPrecision.EXACT,
    "5": SpatialPrecision.ADMIN1,
}
_RULE: Final = (
    "GDELT SQLDATE: the event date GDELT inferred from the article, not necessarily the day "
    "it happened"
)
_DATASET: Final = Source(
    id="gdelt", outlet="GDELT", kind=SourceKind.AGGREGATION, notes="row without SOURCEURL"
)
_ALPHA3: dict[str, Country | None] = {}


def _fips(code: str) -> Country | None:
    """ISO country of a FIPS 10-4 code; ``None`` for codes FIPS-to-ISO cannot resolve."""
    try:
        return normalize_country(code, system="fips")
    except UnknownCountryError:
        return None


def _alpha3(code: str) -> Country | None:
    hit = _ALPHA3.get(code, False)
    if hit is False:
        try:
            hit = Country(code) if len(code) == 3 else None
        except UnknownCountryError:
            hit = None
        _ALPHA3[code] = hit
    return hit  # type: ignore[return-value]


_CACHE_LIMIT: Final = 10_000
_LOCATION_COLUMNS: Final = {
    "$.name": "ActionGeo_FullName",
    "$.latitude": "ActionGeo_Lat",
    "$.longitude": "ActionGeo_Long",
}
_ACTORS: dict[tuple[str, str, str], Actor] = {}
_SOURCES: dict[str, Source] = {}
_DATINGS: dict[str, Dating] = {}


def _bounded(cache: dict[Any, Any]) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()


def _actor(row: Row, who: str, losses: list[Loss]) -> Actor | None:
    name = row[f"{who}Name"]
    if not name:
        return None
    key = (name, row[f"{who}Type1Code"], row[f"{who}CountryCode"])
    actor = _ACTORS.get(key)
    if actor is None or not name.isprintable():
        with at_column(f"{who}Name"):
            actor = Actor(
                kind=_KINDS.get(key[1], ActorKind.ORGANISATION),
                name=clean_text(name, f"{who}Name", losses),
                country=_alpha3(key[2]),
            )
        _bounded(_ACTORS)
        _ACTORS[key] = actor
    return actor


def _source(url: str) -> Source:
    source = _SOURCES.get(url)
    if source is None:
        digest = hashlib.blake2s(url.encode("utf-8"), digest_size=8).hexdigest()
        host = urlsplit(url).hostname if "://" in url else None
        with at_column("SOURCEURL"):
            source = Source(id=f"gdelt:source:{digest}", outlet=host or "unknown", url=url)
        _bounded(_SOURCES)
        _SOURCES[url] = source
    return source


def _dating(day: str) -> Dating:
    dating = _DATINGS.get(day)
    if dating is None:
        if len(day) != 8 or not day.isdigit():
            raise InvalidValueError("not a YYYYMMDD date", path="$.SQLDATE", value=day)
        try:
            date = FuzzyDate(f"{day[:4]}-{day[4:6]}-{day[6:]}")
        except InvalidValueError:
            raise InvalidValueError("not a date", path="$.SQLDATE", value=day) from None
        dating = imported_dating(date, _RULE)
        _bounded(_DATINGS)
        _DATINGS[day] = dating
    return dating


class GdeltFormat(TableFormat):
    """GDELT 2.0 event export: 61 tab-separated columns, no header."""

    name: ClassVar[str] = "gdelt2"
    title: ClassVar[str] = "a GDELT 2.0 export"
    columns: ClassVar[tuple[str, ...]] = COLUMNS_2
    record_columns: ClassVar[Mapping[str, str]] = {"$.id": "GLOBALEVENTID", "$.cameo": "EventCode"}
    delimiter: ClassVar[str] = "\t"
    quoted: ClassVar[bool] = False
    header: ClassVar[bool] = False

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one GDELT row."""
        losses: list[Loss] = []
        when = _dating(row["SQLDATE"])
        code = row["EventCode"]
        countries: list[Country] = []
        for who in ("Action", "Actor1", "Actor2"):
            fips = row[f"{who}Geo_CountryCode"]
            if fips:
                country = _fips(fips)
                if country is None:
                    losses.append(
                        Loss(
                            f"{who}Geo_CountryCode",
                            LossKind.DROPPED,
                            f"FIPS 10-4 code {fips!r} has no ISO 3166-1 country",
                        )
                    )
                elif country not in countries:
                    countries.append(country)
        geo_type = row["ActionGeo_Type"]
        location = None
        if geo_type not in ("", "0"):
            fips = row["ActionGeo_CountryCode"]
            lat = parse_float(row["ActionGeo_Lat"], "ActionGeo_Lat")
            lon = parse_float(row["ActionGeo_Long"], "ActionGeo_Long")
            both = lat is not None and lon is not None
            name = clean_text(row["ActionGeo_FullName"], "ActionGeo_FullName", losses) or None
            place = _fips(fips) if fips else None
            # Nothing left to place it by (an empty row, an unknown FIPS code): no location;
            # the read-back keeps the original columns and reports them.
            if name is not None or place is not None or both:
                with at_column(_LOCATION_COLUMNS):
                    location = Location(
                        name=name,
                        country=place,
                        latitude=lat if both else None,
                        longitude=lon if both else None,
                        precision=_GEO_PRECISION.get(geo_type),
                    )
        url = row.get("SOURCEURL", "")
        source = _source(url) if url else _DATASET
        actor1, actor2 = _actor(row, "Actor1", losses), _actor(row, "Actor2", losses)
        with at_column("EventCode"):
            mapping = cameo_to_plover(code) if code else None
            label = cameo_name(code) if code else None
        who = actor1.label if actor1 else "An unidentified actor"
        summary = f"{who}: {label or 'CAMEO ' + code}" + (f" ({actor2.label})" if actor2 else "")
        fields: dict[str, Any] = {
            "id": f"gdelt:{row['GLOBALEVENTID']}",
            "when": when,
            "summary": one_line(summary, 500),
            "attributions": (Attribution(source=source.id),),
            "location": location,
            "countries": tuple(countries),
            "cameo": code or None,
            "plover": None if mapping is None else mapping.plover,
            "plover_mode": None if mapping is None else mapping.mode,
        }
        return record_for_cameo(code, actor1, actor2, fields), [source], losses

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The GDELT columns derivable from *record*."""
        row: Row = {"GLOBALEVENTID": record.id.removeprefix("gdelt:")}
        day = record.when.date.earliest
        if day is not None and record.when.date.span_days == 1:
            row["SQLDATE"] = f"{day.year:04d}{day.month:02d}{day.day:02d}"
            row["MonthYear"] = f"{day.year:04d}{day.month:02d}"
            row["Year"] = f"{day.year:04d}"
            row["FractionDate"] = f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"
        code = record.cameo or ""
        row["EventCode"] = code
        row["EventBaseCode"] = code[:3]
        row["EventRootCode"] = code[:2]
        for who, actor in zip(("Actor1", "Actor2"), cameo_actors(record), strict=True):
            row[f"{who}Name"] = "" if actor is None else actor.label
            country = None if actor is None else actor.country
            row[f"{who}CountryCode"] = "" if country is None else country.alpha3
        loc = record.location
        if loc is None:
            row["ActionGeo_Type"] = "0"
        else:
            us = loc.country is not None and loc.country.alpha2 == "US"
            row["ActionGeo_Type"] = (
                {
                    SpatialPrecision.COUNTRY: "1",
                    SpatialPrecision.ADMIN1: "2" if us else "5",
                    SpatialPrecision.EXACT: "3" if us else "4",
                }.get(loc.precision, "")
                if loc.precision
                else ""
            )
            row["ActionGeo_FullName"] = loc.name or ""
            row["ActionGeo_CountryCode"] = (loc.country.fips or "") if loc.country else ""
            row["ActionGeo_Lat"] = fmt_float(loc.latitude)
            row["ActionGeo_Long"] = fmt_float(loc.longitude)
        urls = [sources[a.source].url for a in record.attributions if a.source in sources]
        row["SOURCEURL"] = next((u for u in urls if u), "")
        return row


class Gdelt1Format(GdeltFormat):
    """GDELT 1.0 daily export: 57 columns plus SOURCEURL (back-file rows lack it)."""

    name: ClassVar[str] = "gdelt1"
    title: ClassVar[str] = "a GDELT 1.0 export"
    columns: ClassVar[tuple[str, ...]] = COLUMNS_1
    widths: ClassVar[frozenset[int]] = frozenset({57, 58})


def read_gdelt2(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream a GDELT 2.0 event export (61 columns) as imported rows.

    >>> import io
    >>> fields = [""] * 61
    >>> fields[:2], fields[6], fields[26] = ["1", "20250807"], "TURKEY", "190"
    >>> fields[51:54] = ["4", "Ankara", "TU"]
    >>> item = next(read_gdelt2(io.StringIO("\t".join(fields) + "\n")))
    >>> item.record.kind, item.record.location.country, item.record.cameo
    ('clash', Country("TR"), '190')
    """
    return InteropReader(GdeltFormat(), file, strict=strict)


def read_gdelt1(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream a GDELT 1.0 event export (57 or 58 columns) as imported rows.

    >>> import io
    >>> fields = [""] * 57
    >>> fields[:2], fields[26], fields[49:52] = ["1", "19820101"], "010", ["1", "Germany", "GM"]
    >>> item = next(read_gdelt1(io.StringIO("\t".join(fields) + "\n")))
    >>> item.record.location.country, item.record.sources
    (Country("DE"), ('gdelt',))
    """
    return InteropReader(Gdelt1Format(), file, strict=strict)


def write_gdelt2(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    r"""Write records as a GDELT 2.0 export (ISO countries back to FIPS 10-4).

    >>> import io
    >>> from geoevents import Attribution, Event, FuzzyDate, Location, Country
    >>> e = Event(id="x", when=FuzzyDate("2025-07-23"), summary="s", cameo="042",
    ...           attributions=(Attribution(source="s"),),
    ...           location=Location(name="Ankara", country=Country("TR")))
    >>> out = io.StringIO()
    >>> report = write_gdelt2(out, [e])
    >>> out.getvalue().split("\t")[52:54]
    ['Ankara', 'TU']
    """
    return write_table(GdeltFormat(), file, items, strict=strict)


def write_gdelt1(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    """Write records as a GDELT 1.0 export (58 columns).

    >>> import io
    >>> out = io.StringIO()
    >>> write_gdelt1(out, []).written
    0
    """
    return write_table(Gdelt1Format(), file, items, strict=strict)

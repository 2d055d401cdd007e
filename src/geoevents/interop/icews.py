"""ICEWS coded events (tab-separated, with a header) in and out.

Mapping (see :mod:`geoevents.interop._common` for losses and the residual):

* id ``icews:<Event ID>:<Event Date>`` (``Event ID`` alone is not unique);
  ``CAMEO Code`` -> ``cameo`` (string) and the record kind, as for GDELT
  (:func:`~geoevents.interop.cameo.record_for_cameo`); PLOVER type from the table.
* ``Event Date`` -> the day, method ``imported`` (possibly the story date).
* ``Source Name``/``Target Name`` with their ``Country`` (English names, normalized to
  ISO, and written back as ICEWS spells them) -> actors; kind from the sectors
  (``Military``, ``Government``, ...). The sector lists, ``Event Text`` (derived from
  the code where it agrees), ``Intensity`` and ``Sentence Number`` are dropped (kept for
  a round trip).
* ``Story ID`` and ``Publisher`` -> one :class:`~geoevents.sources.Source` per story.
* ``City``/``District``/``Province``/``Country`` and coordinates -> the location; the
  literal ``NA`` is a missing value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Final

from geoevents._streams import FileArg
from geoevents.actors import Actor, ActorKind
from geoevents.country import Country
from geoevents.errors import AmbiguousCountryError, UnknownCountryError
from geoevents.interop._common import (
    CountryNames,
    InteropReader,
    Loss,
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
    write_table,
)
from geoevents.interop.cameo import cameo_actors, cameo_name, cameo_to_plover, record_for_cameo
from geoevents.location import Location, SpatialPrecision
from geoevents.normalize import normalize_country
from geoevents.records import Event
from geoevents.sources import Attribution, Source
from geoevents.temporal import FuzzyDate

__all__ = ["read_icews", "write_icews"]

COLUMNS: Final = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip
_NA: Final = "NA"
_LOCATION_COLUMNS: Final = {
    "$.name": "City",
    "$.admin1": "Province",
    "$.admin2": "District",
    "$.latitude": "Latitude",
    "$.longitude": "Longitude",
}
_RULE: Final = "ICEWS Event Date (may be the date of the story rather than of the event)"
# ICEWS' own English names where they differ from the ISO short names, as its files spell
# them: written back so, and read first ("Congo", ambiguous elsewhere, is Brazzaville).
_NAMES: Final = CountryNames(
    {
        "CD": "Democratic Republic of Congo",
        "CG": "Congo",
        "CI": "Cote d'Ivoire",
        "CZ": "Czech Republic",
        "IR": "Iran",
        "KP": "North Korea",
        "KR": "South Korea",
        "LA": "Laos",
        "MK": "the former Yugoslav Republic of Macedonia",
        "PS": "Occupied Palestinian Territory",
        "SY": "Syria",
        "SZ": "Swaziland",
        "TR": "Turkey",
        "TW": "Taiwan",
        "TZ": "Tanzania",
        "VE": "Venezuela",
        "VN": "Vietnam",
    }
)


def _name(country: Country | None) -> str:
    return _NA if country is None else _NAMES.name(country)


def _country(name: str) -> Country | None:
    if name in ("", _NA):
        return None
    own = _NAMES.country(name)
    if own is not None:
        return own
    try:  # normalize_country caches its answers, failures included
        return normalize_country(name)
    except (UnknownCountryError, AmbiguousCountryError):
        return None


def _kind(sectors: str) -> ActorKind:
    if "Military" in sectors:
        return ActorKind.MILITARY
    if "Government" in sectors or "Executive" in sectors:
        return ActorKind.GOVERNMENT
    if "Rebel" in sectors or "Insurgent" in sectors:
        return ActorKind.ARMED_GROUP
    if "General Population" in sectors:
        return ActorKind.POPULATION_GROUP
    return ActorKind.ORGANISATION


def _na(text: str) -> str | None:
    return None if text in ("", _NA) else text


def _actor(row: Row, who: str, losses: list[Loss]) -> Actor | None:
    name = _na(row[f"{who} Name"])
    if name is None:
        return None
    with at_column(f"{who} Name"):
        return Actor(
            kind=_kind(row[f"{who} Sectors"]),
            name=clean_text(name, f"{who} Name", losses),
            country=_country(row[f"{who} Country"]),
        )


class IcewsFormat(TableFormat):
    """ICEWS coded event data, tab-separated with a header."""

    name: ClassVar[str] = "icews"
    title: ClassVar[str] = "an ICEWS file"
    columns: ClassVar[tuple[str, ...]] = COLUMNS
    record_columns: ClassVar[Mapping[str, str]] = {"$.id": "Event ID", "$.cameo": "CAMEO Code"}
    delimiter: ClassVar[str] = "\t"
    quoted: ClassVar[bool] = False

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one ICEWS row."""
        losses: list[Loss] = []
        date = FuzzyDate.from_date(parse_day(row["Event Date"], "Event Date"))
        actors = [_actor(row, who, losses) for who in ("Source", "Target")]
        country = _country(row["Country"])
        lat = parse_float(row["Latitude"], "Latitude")
        lon = parse_float(row["Longitude"], "Longitude")
        city, district, province = _na(row["City"]), _na(row["District"]), _na(row["Province"])
        precision = (
            SpatialPrecision.EXACT
            if city
            else SpatialPrecision.ADMIN2
            if district
            else SpatialPrecision.ADMIN1
            if province
            else SpatialPrecision.COUNTRY
        )
        location = None
        if city or country is not None or lat is not None:
            with at_column(_LOCATION_COLUMNS):
                location = Location(
                    name=city,
                    country=country,
                    admin1=province,
                    admin2=district,
                    latitude=lat,
                    longitude=lon,
                    precision=precision,
                )
        with at_column({"$.id": "Story ID", "$.outlet": "Publisher"}):
            source = Source(
                id=f"icews:story:{row['Story ID']}",
                outlet=clean_text(row["Publisher"], "Publisher", losses) or "unknown",
            )
        code = row["CAMEO Code"]
        with at_column("CAMEO Code"):
            mapping = cameo_to_plover(code)
        who = actors[0].label if actors[0] else "An unidentified actor"
        target = f" ({actors[1].label})" if actors[1] else ""
        fields: dict[str, Any] = {
            "id": f"icews:{row['Event ID']}:{row['Event Date']}",
            "when": imported_dating(date, _RULE),
            "summary": one_line(f"{who}: {row['Event Text'] or code}{target}", 500),
            "attributions": (Attribution(source=source.id),),
            "location": location,
            "countries": () if country is None else (country,),
            "cameo": code,
            "plover": None if mapping is None else mapping.plover,
            "plover_mode": None if mapping is None else mapping.mode,
        }
        return record_for_cameo(code, actors[0], actors[1], fields), [source], losses

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The ICEWS columns derivable from *record*."""
        event_id, _, day = record.id.removeprefix("icews:").rpartition(":")
        row: Row = {"Event ID": event_id or day, "Event Date": str(record.when.date)}
        row["CAMEO Code"] = record.cameo or ""
        row["Event Text"] = (cameo_name(record.cameo) or "") if record.cameo else ""
        for who, actor in zip(("Source", "Target"), cameo_actors(record), strict=True):
            row[f"{who} Name"] = _NA if actor is None else actor.label
            row[f"{who} Country"] = _name(None if actor is None else actor.country)
        loc = record.location
        for column, value in (
            ("City", None if loc is None else loc.name),
            ("District", None if loc is None else loc.admin2),
            ("Province", None if loc is None else loc.admin1),
            ("Country", None if loc is None or loc.country is None else _name(loc.country)),
        ):
            row[column] = _NA if value is None else value
        row["Latitude"] = (fmt_float(loc.latitude) if loc else "") or _NA
        row["Longitude"] = (fmt_float(loc.longitude) if loc else "") or _NA
        cited = [sources[a.source] for a in record.attributions if a.source in sources]
        if cited:
            row["Story ID"] = cited[0].id.removeprefix("icews:story:")
            row["Publisher"] = cited[0].outlet
        return row


def read_icews(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream an ICEWS events file (tab-separated, with a header) as imported rows.

    >>> import io
    >>> row = ["1", "2018-06-01", "Military (Syria)", "Military", "Syria", "Consult",
    ...        "040", "1", "NA", "NA", "NA", "47", "2", "Reuters", "NA", "NA", "NA",
    ...        "Turkey", "39.0", "35.0"]
    >>> text = "\t".join(COLUMNS) + "\n" + "\t".join(row) + "\n"
    >>> item = next(read_icews(io.StringIO(text)))
    >>> item.record.id, item.record.location.country, item.record.cameo
    ('icews:1:2018-06-01', Country("TR"), '040')
    """
    return InteropReader(IcewsFormat(), file, strict=strict)


def write_icews(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    r"""Write records as ICEWS events; imported ICEWS rows are reproduced exactly.

    >>> import io
    >>> out = io.StringIO()
    >>> write_icews(out, []).written, out.getvalue().split("\t")[:2]
    (0, ['Event ID', 'Event Date'])
    """
    return write_table(IcewsFormat(), file, items, strict=strict)

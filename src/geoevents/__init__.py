"""geoevents: immutable, typed, validated records of geopolitical events.

Records (:class:`Event` and its kinds) carry honest dates (:class:`FuzzyDate`, EDTF),
ISO 3166 countries (:class:`Country`, :func:`normalize_country`), actors in their roles,
and the provenance of every claim (:class:`Source`, :class:`Attribution`).

>>> import geoevents
>>> geoevents.normalize_country("Türkei")
Country("TR")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import evolve

from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
from geoevents.dataset import Dataset
from geoevents.errors import (
    AmbiguousCountryError,
    DatasetError,
    GeoeventsError,
    GeoeventsWarning,
    InvalidDateError,
    InvalidValueError,
    RecordError,
    UnknownCountryError,
)
from geoevents.figures import Count
from geoevents.location import Location, SpatialPrecision
from geoevents.normalize import normalize_country
from geoevents.records import (
    RECORD_KINDS,
    Agreement,
    AgreementStatus,
    AgreementType,
    Ceasefire,
    CeasefireStatus,
    Clash,
    Event,
    Meeting,
    Modality,
    PloverType,
    Request,
    RequestItem,
    RequestStatus,
    Stance,
    Statement,
    Strike,
    Weapon,
)
from geoevents.relative import resolve_date
from geoevents.report import Claim, Disagreement, FieldDisagreement, Problem, Report, Severity
from geoevents.sources import Attribution, AttributionMode, Quote, Source, SourceKind
from geoevents.temporal import Dating, DatingMethod, FuzzyDate, Precision
from geoevents.timeline import Timeline, TimelineEntry
from geoevents.validate import validate

if TYPE_CHECKING:
    __version__: str

__all__ = [
    "RECORD_KINDS",
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementStatus",
    "AgreementType",
    "AmbiguousCountryError",
    "Attribution",
    "AttributionMode",
    "Ceasefire",
    "CeasefireStatus",
    "Claim",
    "Clash",
    "Count",
    "Country",
    "Dataset",
    "DatasetError",
    "Dating",
    "DatingMethod",
    "Disagreement",
    "Event",
    "FieldDisagreement",
    "FuzzyDate",
    "GeoeventsError",
    "GeoeventsWarning",
    "InvalidDateError",
    "InvalidValueError",
    "Location",
    "Meeting",
    "Modality",
    "Participant",
    "PloverType",
    "Precision",
    "Problem",
    "Quote",
    "RecordError",
    "Report",
    "Request",
    "RequestItem",
    "RequestStatus",
    "Role",
    "Severity",
    "Source",
    "SourceKind",
    "SpatialPrecision",
    "Stance",
    "Statement",
    "Strike",
    "Timeline",
    "TimelineEntry",
    "UnknownCountryError",
    "Weapon",
    "evolve",
    "normalize_country",
    "resolve_date",
    "validate",
]


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata only when asked for.
    if name == "__version__":
        from importlib.metadata import version

        return version("geoevents")
    msg = f"module 'geoevents' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])

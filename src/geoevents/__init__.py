"""geoevents: immutable, typed, validated records of geopolitical events.

Records (:class:`Event` and its kinds) carry honest dates (:class:`FuzzyDate`, EDTF),
ISO 3166 countries (:class:`Country`, :func:`normalize_country`), actors in their roles,
and the provenance of every claim (:class:`Source`, :class:`Attribution`). Collections
(:class:`Dataset`) are validated as a whole, and everything reads and writes JSON, JSON
Lines and JSON Schema.

The value types and records load with the package; collections, serialization and the
country name index load on first use, so ``import geoevents`` stays fast.

>>> import geoevents
>>> geoevents.normalize_country("Türkei")
Country("TR")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from attrs import evolve

from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
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
from geoevents.sources import Attribution, AttributionMode, Quote, Source, SourceKind
from geoevents.temporal import Dating, DatingMethod, FuzzyDate, Precision

if TYPE_CHECKING:
    from geoevents.converter import configure_converter, make_converter
    from geoevents.dataset import Dataset
    from geoevents.jsonio import (
        Entry,
        JsonlHeader,
        JsonlReader,
        from_dict,
        from_json,
        read_jsonl,
        to_dict,
        to_json,
        write_jsonl,
    )
    from geoevents.migrations import SCHEMA_VERSION
    from geoevents.normalize import normalize_country
    from geoevents.relative import resolve_date
    from geoevents.report import Claim, Disagreement, FieldDisagreement, Problem, Report, Severity
    from geoevents.rules import validate
    from geoevents.schema import json_schema
    from geoevents.timeline import Timeline, TimelineEntry

    __version__: str

# Public names loaded on first use, by the module that defines them.
_LAZY = {
    "Claim": "report",
    "Dataset": "dataset",
    "Disagreement": "report",
    "Entry": "jsonio",
    "FieldDisagreement": "report",
    "JsonlHeader": "jsonio",
    "JsonlReader": "jsonio",
    "Problem": "report",
    "Report": "report",
    "SCHEMA_VERSION": "migrations",
    "Severity": "report",
    "Timeline": "timeline",
    "TimelineEntry": "timeline",
    "configure_converter": "converter",
    "from_dict": "jsonio",
    "from_json": "jsonio",
    "json_schema": "schema",
    "make_converter": "converter",
    "normalize_country": "normalize",
    "read_jsonl": "jsonio",
    "resolve_date": "relative",
    "to_dict": "jsonio",
    "to_json": "jsonio",
    "validate": "rules",
    "write_jsonl": "jsonio",
}

__all__ = [
    "RECORD_KINDS",
    "SCHEMA_VERSION",
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
    "Entry",
    "Event",
    "FieldDisagreement",
    "FuzzyDate",
    "GeoeventsError",
    "GeoeventsWarning",
    "InvalidDateError",
    "InvalidValueError",
    "JsonlHeader",
    "JsonlReader",
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
    "configure_converter",
    "evolve",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "normalize_country",
    "read_jsonl",
    "resolve_date",
    "to_dict",
    "to_json",
    "validate",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"geoevents.{module}"), name)
        globals()[name] = value  # later lookups skip this function
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("geoevents")
    msg = f"module 'geoevents' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])

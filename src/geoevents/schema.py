r"""A JSON Schema (draft 2020-12) of the entries that :mod:`geoevents.jsonio` reads and writes.

The schema is generated from the attrs classes themselves: their field types, defaults
and validators (text limits, id and language patterns, coordinate ranges, minimum
lengths), plus the canonical string forms of the value types (EDTF dates, ISO alpha-2
codes, counts). Shared types sit under ``$defs``. Other tools can validate data without
geoevents; geoevents itself remains the reference.

Rules across the fields of an object are there where JSON Schema can say them: an unnamed
actor has a description and no name, any other actor a name; a location has a name, a
country or coordinates, and latitude and longitude come together; a resolved dating has
its expression and anchor.

The schema accepts a little more than geoevents does. It cannot compare values: not
``low <= best <= high``, not an agreement terminated before it was signed, not a record
that points to itself, not an interval that ends before it starts (``2025-08/2025-07``;
the EDTF pattern knows the calendar, month lengths and leap years, times and offsets). A
text of invisible marks outside the Basic Multilingual Plane only (tag characters) is
blank to geoevents but not to the schema. Lone surrogates (which escaped JSON can
carry, ``"\ud800"``) are refused by geoevents but not by the schema: a regex engine
without Unicode mode would read every character outside the Basic Multilingual Plane,
an emoji say, as two surrogates. A ``"schema": 1.0`` also passes, since JSON Schema,
like JSON, does not tell 1.0 from 1.

The patterns are written for any engine: no lookaheads, no ``\s`` or ``\d`` (whose
meaning differs between engines), and character ranges inside the Basic Multilingual
Plane only.
"""

from __future__ import annotations

import copy
import datetime
import enum
import types
from typing import Any, Final, Union, get_args, get_origin

import attrs

from geoevents import _checks
from geoevents import migrations as _migrations
from geoevents.actors import Actor
from geoevents.country import Country
from geoevents.figures import Count
from geoevents.location import Location
from geoevents.records import RECORD_KINDS, Request
from geoevents.sources import Source
from geoevents.temporal import _MAX_TEXT as _DATING_TEXT_LIMIT
from geoevents.temporal import Dating, FuzzyDate
from geoevents.temporal import _optional_text as _dating_text

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = f"https://geoevents.invalid/schema/{_migrations.SCHEMA_VERSION}/entry.json"
"""The ``$id`` of the generated schema, which names the schema version it describes (the
host is a placeholder until the docs have a home)."""

# EDTF as geoevents reads it (see geoevents.temporal), without lookaheads so that any
# JSON Schema tool's regex engine takes it. Once a digit is X every later one is too.
_YEAR: Final = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001..9999
_MONTH: Final = "(0[1-9]|1[0-2])"
# Leap years: divisible by 4 but not by 100, or by 400.
_LEAP: Final = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_DATE: Final = (  # a real day: months of 30 and 31 days, February 29 in leap years
    f"({_YEAR}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    f"|02-(0[1-9]|1[0-9]|2[0-8]))|{_LEAP}-02-29)"
)
_BEFORE_9999: Final = (
    "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9([0-8][0-9]{2}|9[0-8][0-9]|99[0-8]))"
)
_SINGLE: Final = (
    f"({_DATE}|{_YEAR}(-({_MONTH}(-(XX|[0-2]X))?|(0[13-9]|1[0-2])-3X|2[1-3]|[01]X(-XX)?"
    f"|XX(-XX)?))?|{_BEFORE_9999}-24"  # winter 9999 would end in the year 10000
    "|([0-9]{3}X|[0-9]{2}XX|[0-9]XXX|XXXX)(-XX(-XX)?)?)[?~%]?"
)
_TIME: Final = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_HOURS: Final = "([01][0-9]|2[0-3]):[0-5][0-9]"
_ZONE: Final = f"(Z|[+]{_HOURS}|-(0[1-9]|1[0-9]|2[0-3]):[0-5][0-9]|-00:(0[1-9]|[1-5][0-9]))"
_EDTF: Final = (
    f"^({_SINGLE}"
    f"|{_DATE}T{_TIME}{_ZONE}?"
    rf"|{_SINGLE}/({_SINGLE}|\.\.)?|(\.\.)?/{_SINGLE})$"
)
_N: Final = "(0|[1-9][0-9]{0,8}|1000000000)"  # 0 to 10**9, no leading zeros
_COUNT: Final = rf"^(unknown|{_N}|>={_N}|<={_N}|{_N}\.\.{_N}|{_N} \(({_N}\.\.({_N})?|\.\.{_N})\))$"
# Python's re (the jsonschema package) lets "$" match before a final newline: every
# anchored pattern also comes with "no newline anywhere", which any engine reads alike.
_NO_NEWLINE: Final = {"pattern": r"\n"}
_ID: Final = {
    "type": "string",
    "pattern": r"^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,199}$",
    "not": _NO_NEWLINE,
}
# What text may not hold, as _checks.has_control says: control characters; on one line,
# also tabs, line breaks and line or paragraph separators. (Lone surrogates are left out:
# see the module docstring.)
_CONTROL: Final = r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f]"
_CONTROL_ONE_LINE: Final = r"[\u0000-\u001f\u007f-\u009f\u2028\u2029]"


# Something visible, as _checks.is_blank says: neither a space (str.isspace, listed, since
# engines read \s differently) nor an invisible format mark (Unicode category Cf; those of
# the Basic Multilingual Plane, which every regex engine reads as one character each).
_VISIBLE: Final = (
    r"[^\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f"
    r"\u205f\u3000\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def _text(limit: int, *, single_line: bool) -> dict[str, Any]:
    """Non-blank text of at most *limit* characters, without control characters."""
    forbidden = _CONTROL_ONE_LINE if single_line else _CONTROL
    return {"minLength": 1, "maxLength": limit, "pattern": _VISIBLE, "not": {"pattern": forbidden}}


_NULL: Final = {"type": "null"}
_DISTINCT: Final = {(Request, "items")}


def _given(key: str) -> dict[str, Any]:
    """The object has *key*, and not as null (absent and null mean the same to geoevents)."""
    return {"required": [key], "properties": {key: {"not": dict(_NULL)}}}


def _both_or_neither(a: str, b: str) -> list[dict[str, Any]]:
    return [{"if": _given(a), "then": _given(b)}, {"if": _given(b), "then": _given(a)}]


# The classes' rules across fields (their _problems methods) that JSON Schema can say.
_ACROSS_FIELDS: Final[dict[type, list[dict[str, Any]]]] = {
    Actor: [
        {
            "if": {"required": ["kind"], "properties": {"kind": {"const": "unnamed"}}},
            "then": {"allOf": [_given("description"), {"not": _given("name")}]},
            "else": _given("name"),
        }
    ],
    Location: [
        {"anyOf": [_given("name"), _given("country"), _given("latitude")]},
        *_both_or_neither("latitude", "longitude"),
    ],
    Dating: [
        {
            "if": {"required": ["method"], "properties": {"method": {"const": "resolved"}}},
            "then": {"allOf": [_given("expression"), _given("anchor")]},
        }
    ],
}


def _constraints(validator: Any) -> dict[str, Any]:
    """JSON Schema keywords for the geoevents validators that have them."""
    match validator:
        case _checks.Text(limit=limit, single_line=single_line):
            return _text(limit, single_line=single_line)
        case _checks.Identifier():
            return {"pattern": _ID["pattern"], "not": _NO_NEWLINE}
        case _checks.LanguageTag():
            return {
                "maxLength": 35,
                "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                "not": _NO_NEWLINE,
            }
        case _checks.CameoCode():
            return {"pattern": r"^[0-9]{2,4}$", "not": _NO_NEWLINE}
        case _checks.Coordinate(limit=limit):
            return {"minimum": -limit, "maximum": limit}
        case _checks.InstancesOf(min_len=min_len) if min_len:
            return {"minItems": min_len}
        case _ if validator is _checks.unique_strings:
            return {"items": dict(_ID), "uniqueItems": True}
        case _ if getattr(validator, "__name__", "") == "_plover_mode":
            return {"pattern": r"^[a-z][a-z_-]{0,39}$", "not": _NO_NEWLINE}
        case _ if validator is _dating_text:  # a dating's expression and rule
            return _text(_DATING_TEXT_LIMIT, single_line=False)
    inner = getattr(validator, "validator", None)  # attrs.validators.optional(...)
    if inner is not None:
        return _constraints(inner)
    member = getattr(validator, "member_validator", None)  # attrs.validators.deep_iterable
    if member is not None:
        return {"items": _constraints(member)}
    return {}


class _Builder:
    """Builds the schema, collecting shared types under ``$defs`` as they are met."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {
            "Country": {
                "type": "string",
                "pattern": "^[A-Z]{2}$",
                "enum": [c.alpha2 for c in Country.all()],
                "description": "An ISO 3166-1 alpha-2 code (or XK, Kosovo).",
            },
            "FuzzyDate": {
                "type": "string",
                "pattern": _EDTF,
                "not": _NO_NEWLINE,
                "description": "An EDTF date, e.g. 2025, 2025-07-2X, 2025-07-13/2025-07-20.",
            },
            "Count": {
                "type": "string",
                "pattern": _COUNT,
                "not": _NO_NEWLINE,
                "description": "A count: unknown, 12, >=12, <=12, 5..12 or 7 (5..12).",
            },
        }
        self.defs["Dating"] = {
            "anyOf": [{"$ref": "#/$defs/FuzzyDate"}, self._object(Dating, {})],
            "description": "A date stated in the source, or an object saying how it was found.",
        }

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, t: Any) -> dict[str, Any]:
        args = get_args(t)
        if get_origin(t) in (types.UnionType, Union):
            return {"anyOf": [self.type_schema(a) for a in args]}
        if get_origin(t) is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        simple: dict[Any, dict[str, Any]] = {
            type(None): dict(_NULL),
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            float: {"type": "number"},
            datetime.date: {
                "type": "string",
                "format": "date",
                "pattern": f"^{_DATE}$",
                "not": _NO_NEWLINE,
            },
        }
        if t in simple:
            return simple[t]
        if t in (Country, FuzzyDate, Count, Dating):
            return self.ref(t.__name__)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            self.defs.setdefault(t.__name__, {"enum": [m.value for m in t]})
            return self.ref(t.__name__)
        if attrs.has(t):
            if t.__name__ not in self.defs:
                self.defs[t.__name__] = {}  # reserve the name first: types may nest
                self.defs[t.__name__] = self._object(t, {})
            return self.ref(t.__name__)
        msg = f"no JSON Schema for {t!r}"  # pragma: no cover - a new field type
        raise TypeError(msg)  # pragma: no cover

    def field_schema(self, field: attrs.Attribute[Any]) -> dict[str, Any]:
        schema = self.type_schema(field.type)
        extra = _constraints(field.validator)
        if not extra:
            return schema
        if "anyOf" in schema:  # X | None: the constraints belong to X
            first = schema["anyOf"][0]
            return {"anyOf": [_merge(first, extra), *schema["anyOf"][1:]]}
        return _merge(schema, extra)

    def _object(self, cls: type, envelope: dict[str, Any]) -> dict[str, Any]:
        attrs.resolve_types(cls)
        keys = {"kind": "source_kind"} if cls is Source else {}
        properties = dict(envelope)
        required = list(envelope)
        for field in attrs.fields(cls):
            key = keys.get(field.name, field.name)
            properties[key] = self.field_schema(field)
            if (cls, field.name) in _DISTINCT:  # checked after construction, not by a validator
                properties[key] = _merge(properties[key], {"uniqueItems": True})
            if field.default is attrs.NOTHING:
                required.append(key)
        schema = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        rules = _ACROSS_FIELDS.get(cls)
        if rules:
            schema["allOf"] = copy.deepcopy(rules)  # callers may change what they get
        return schema

    def entry(self, tag: str, cls: type) -> dict[str, Any]:
        name = f"{cls.__name__}Entry" if cls.__name__ in self.defs else cls.__name__
        envelope = {
            "kind": {"const": tag},
            "schema": {"const": _migrations.SCHEMA_VERSION},
        }
        self.defs[name] = {"title": f"{tag} entry", **self._object(cls, envelope)}
        return self.ref(name)


def _merge(schema: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(schema)
    for key, value in extra.items():
        if key == "items" and "items" in merged:
            merged["items"] = _merge(merged["items"], value)
        else:
            merged[key] = value
    return merged


def json_schema(*, header: bool = False) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one entry: a record of any kind, or a source.

    Each entry kind has its own definition under ``$defs`` (``Request``, ``Source``...);
    the root accepts exactly one of them, chosen by the ``kind`` constant. ``$defs``
    also holds ``Header``, the first line of a JSONL file. A new dict is built on every
    call, so callers may change it.

    Args:
        header: let the root accept a header line too, so that every line of a file
            :func:`~geoevents.write_jsonl` writes can be checked against one schema
            (the header belongs on the first line only, which a schema cannot say).

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Country"]["pattern"], schema["$defs"]["Request"]["properties"]["kind"]
    ('^[A-Z]{2}$', {'const': 'request'})
    >>> json_schema(header=True)["oneOf"][-1]
    {'$ref': '#/$defs/Header'}
    """
    builder = _Builder()
    kinds = {**RECORD_KINDS, "source": Source}
    refs = [builder.entry(tag, cls) for tag, cls in kinds.items()]
    builder.defs["Header"] = {
        "title": "header line",
        "description": "The first line of a geoevents JSONL file.",
        "type": "object",
        "properties": {
            "kind": {"const": "header"},
            "schema": {"const": _migrations.SCHEMA_VERSION},
            "dataset": {"type": "string"},
            "description": {"type": "string"},
        },
        "required": ["kind", "schema"],
        "additionalProperties": False,
    }
    if header:
        refs.append(builder.ref("Header"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "geoevents entry",
        "description": (
            f"One record or source, as geoevents writes it (schema version "
            f"{_migrations.SCHEMA_VERSION}); a JSONL file holds one per line"
            + (", after a header line." if header else ".")
        ),
        "oneOf": refs,
        "$defs": builder.defs,
    }

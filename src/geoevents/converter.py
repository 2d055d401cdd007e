"""The one cattrs converter that turns records into JSON-ready dicts and back, strictly.

Every entry point (``to_dict``/``from_dict``, JSON, JSONL, the CLI) shares the converter
built here, so the format has one definition:

* records are a tagged union on the ``kind`` key (tags from
  :data:`geoevents.records.RECORD_KINDS`, plus ``"source"`` for :class:`Source`), and every
  record carries ``"schema"``; older versions are upgraded by
  :mod:`geoevents.migrations`, newer ones refused;
* value types use their canonical strings: EDTF dates, ISO alpha-2 codes, counts such as
  ``">=12"``, CAMEO codes as strings, ``datetime.date`` as ``YYYY-MM-DD``;
* required fields come first, then the others, each group in class order; fields
  holding their default are omitted (they are restored on read);
* nothing is coerced: ``"5"`` is not ``5``, ``1`` is not ``True``, a string is not an
  array, and unknown keys are errors unless ``allow_unknown=True``.

A :class:`Source` has a field named ``kind`` of its own; in JSON it is written as
``source_kind`` because ``kind`` is the tag.

Failures are cattrs exception groups; :func:`transform_error` turns them into
:class:`~geoevents.errors.InvalidValueError` objects with full JSON paths such as
``$.actors[1].actor.country``. cattrs itself is imported only when a converter is built.

Speed: the hooks of attrs classes are functions generated per class, one for each
direction. A decoder checks every JSON type and every validator in one pass and sets the
slots directly; only when it refuses an object does cattrs' detailed structuring run, to
name every problem, so valid data never pays for error reporting and invalid data gets
the full report. Both paths are tested to agree on every input. Objects whose fields are
all strings (actors, datings) decode to one shared instance per distinct content, as
countries and dates already do: a dataset names the same few hundred actors again and
again. Encoders write value types inline and leave out defaults as cattrs'
``omit_if_default`` does, in the same key order.
"""

from __future__ import annotations

import datetime
import enum
import re
import threading
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias, get_args

import attrs

from geoevents import migrations as _migrations
from geoevents._codegen import optional_item, tuple_item
from geoevents._decoders import Leaf, compile_decoder
from geoevents._encoders import Out, compile_encoder
from geoevents.country import Country
from geoevents.errors import InvalidValueError, UnknownCountryError, short_repr
from geoevents.figures import Count
from geoevents.records import RECORD_KINDS, Event
from geoevents.sources import Source
from geoevents.temporal import Dating, DatingMethod, FuzzyDate

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "ENTRY_KINDS",
    "Entry",
    "configure_converter",
    "default_converter",
    "make_converter",
    "transform_error",
]

Entry: TypeAlias = Event | Source
"""What one JSON object (one JSONL line) decodes to: a record of any kind, or a source."""

ENTRY_KINDS: Final[Mapping[str, type[Event] | type[Source]]] = types.MappingProxyType(
    {**RECORD_KINDS, "source": Source}
)
"""Every ``kind`` tag a JSON entry may carry, with its class."""

_ENVELOPE: Final = frozenset({"kind", "schema"})
_RENAMES: Final[Mapping[type, Mapping[str, str]]] = {Source: {"kind": "source_kind"}}
_CACHE_LIMIT: Final = 65_536
# Shared actors are larger than dates: at most this many per class, about 40 MB if every
# object of a hostile stream differs and every string is as long as allowed. Real
# datasets name far fewer actors.
_SHARED_LIMIT: Final = 16_384
_HINT_KEY_LIMIT: Final = 64
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

# Values are immutable, so equal inputs can share one instance: faster and smaller.
_countries: dict[str, Country] = {}
_dates: dict[str, FuzzyDate] = {}
_datings: dict[str, Dating] = {}
_counts: dict[str, Count] = {}
_enum_members: dict[type[enum.Enum], dict[str, enum.Enum]] = {}


def json_type(value: object) -> str:
    """Name the JSON type of a decoded value, for error messages.

    Anything JSON does not produce (a tuple, a ``str`` subclass such as an enum member)
    is named by its Python type, so a message never reads "expected an array, got array".

    >>> json_type(True), json_type(5), json_type("x"), json_type([]), json_type(None)
    ('boolean', 'number', 'string', 'array', 'null')
    >>> json_type((1, 2))
    'tuple'
    """
    return _JSON_TYPES.get(type(value)) or type(value).__name__


_JSON_TYPES: Final = {
    type(None): "null",
    bool: "boolean",
    int: "number",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def _type_error(expected: str, value: object) -> InvalidValueError:
    # Containers are described, not quoted: their repr can be huge or deeply nested.
    shown = None if isinstance(value, (dict, list, tuple)) else value
    return InvalidValueError(
        f"expected {expected}, got {json_type(value)}", value=shown, expected=expected
    )


def _key_path(key: object) -> str:
    if isinstance(key, str) and key.isidentifier() and key.isascii():
        return f"$.{key}"
    return f"$[{short_repr(key)}]"


def _suggest(value: object, choices: Any) -> str | None:
    if not isinstance(value, str) or len(value) > _HINT_KEY_LIMIT:
        return None
    import difflib  # only on the error path

    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else None


def _choices_hint(value: object, choices: Any) -> str:
    listed = sorted(choices)
    return _suggest(value, listed) or "one of " + ", ".join(repr(c) for c in listed)


# ----------------------------------------------------------------- strict primitives


def _structure_str(obj: Any, _t: Any) -> str:
    if type(obj) is str:
        return obj
    raise _type_error("a string", obj)


def _structure_int(obj: Any, _t: Any) -> int:
    if type(obj) is int:
        return obj
    raise _type_error("a whole number", obj)


def _structure_float(obj: Any, _t: Any) -> float:
    kind = type(obj)
    if kind is float:
        if obj - obj == 0.0:  # finite: inf - inf and nan - nan are nan
            return float(obj)
        raise InvalidValueError("expected a finite number", value=obj)
    if kind is int:
        try:
            return float(obj)
        except OverflowError:  # beyond 1.8e308
            raise InvalidValueError("expected a finite number", value=obj) from None
    raise _type_error("a number", obj)


def _structure_bool(obj: Any, _t: Any) -> bool:
    if type(obj) is bool:
        return obj
    raise _type_error("true or false", obj)


def _members(t: type[enum.Enum]) -> dict[str, enum.Enum]:
    """An enum's members by their JSON string."""
    members = _enum_members.get(t)
    if members is None:
        members = _enum_members[t] = {str(m.value): m for m in t}
    return members


def _structure_enum(obj: Any, t: type[enum.Enum]) -> enum.Enum:
    members = _members(t)
    if type(obj) is str:
        member = members.get(obj)
        if member is not None:
            return member
        raise InvalidValueError(
            f"not a valid {t.__name__}", value=obj, hint=_choices_hint(obj, members)
        )
    raise _type_error(f"a {t.__name__} string", obj)


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _unstructure_country(value: Country) -> str:
    return value.alpha2


def _unstructure_fuzzy_date(value: FuzzyDate) -> str:
    return value.edtf


def _unstructure_day(value: datetime.date) -> str:
    return value.isoformat()


def _schema_version() -> int:
    return _migrations.SCHEMA_VERSION


# What the generated encoders write inline instead of calling these hooks.
_INLINE_OUT: Final[Mapping[Callable[..., Any], str]] = {
    _unstructure_enum: "{}._value_",  # the same object as .value, without the property
    _unstructure_country: "{}.alpha2",
    _unstructure_fuzzy_date: "{}.edtf",
    _unstructure_day: "{}.isoformat()",
}


# ----------------------------------------------------------------- value types


def _structure_country(obj: Any, _t: Any) -> Country:
    if type(obj) is not str:
        raise _type_error("an ISO 3166-1 alpha-2 country code (a string)", obj)
    country = _countries.get(obj)
    if country is not None:
        return country
    try:
        country = Country.parse(obj)
    except UnknownCountryError as exc:
        raise UnknownCountryError(
            "not an ISO 3166-1 alpha-2 country code",
            value=obj,
            suggestions=exc.suggestions,
            hint=None if exc.suggestions else "write names through normalize_country() first",
        ) from None
    _countries[obj] = country
    return country


def _structure_fuzzy_date(obj: Any, _t: Any) -> FuzzyDate:
    if type(obj) is not str:
        raise _type_error("an EDTF date string", obj)
    date = _dates.get(obj)
    if date is None:
        date = FuzzyDate.parse(obj)
        if len(_dates) < _CACHE_LIMIT:
            _dates[obj] = date
    return date


def _structure_count(obj: Any, _t: Any) -> Count:
    if type(obj) is not str:
        raise _type_error("a count string such as '12', '>=12' or '5..12'", obj)
    count = _counts.get(obj)
    if count is None:
        try:
            count = Count.parse(obj)
        except InvalidValueError as exc:  # relocate "$.low" and the like onto the string
            raise InvalidValueError(
                exc.message, value=obj, expected=exc.expected, hint=exc.hint
            ) from None
        if len(_counts) < _CACHE_LIMIT:
            _counts[obj] = count
    return count


def _structure_day(obj: Any, _t: Any) -> datetime.date:
    if type(obj) is not str:
        raise _type_error("a date string YYYY-MM-DD", obj)
    if _DATE_RE.fullmatch(obj):
        try:
            return datetime.date.fromisoformat(obj)
        except ValueError as exc:
            raise InvalidValueError(f"not a real day ({exc})", value=obj) from None
    raise InvalidValueError("not a date in the form YYYY-MM-DD", value=obj)


def _dating_hooks(
    dict_hook: Callable[[Any, Any], Any],
) -> tuple[Callable[[Any, Any], Dating], Callable[[Dating], Any]]:
    """Structure and unstructure :class:`Dating`: a bare EDTF string, or an object."""
    stated = DatingMethod.STATED

    def structure(obj: Any, _t: Any) -> Dating:
        if type(obj) is str:
            dating = _datings.get(obj)
            if dating is None:
                dating = Dating(date=_structure_fuzzy_date(obj, FuzzyDate))
                if len(_datings) < _CACHE_LIMIT:
                    _datings[obj] = dating
            return dating
        if type(obj) is dict:
            result: Dating = dict_hook(obj, Dating)
            return result
        raise _type_error("an EDTF date string or a dating object", obj)

    def unstructure(value: Dating) -> Any:
        if (
            value.method is stated
            and value.expression is None
            and value.anchor is None
            and value.rule is None
        ):
            return value.date.edtf
        out: dict[str, Any] = {"date": value.date.edtf}
        if value.method is not stated:
            out["method"] = value.method.value
        for name in ("expression", "anchor", "rule"):
            item = getattr(value, name)
            if item is not None:
                out[name] = item if name != "anchor" else item.isoformat()
        return out

    return structure, unstructure


# Hooks whose results are cached by their string input, for the generated decoders.
_LEAF_CACHES: Final[Mapping[Callable[..., Any], Mapping[str, Any]]] = {
    _structure_country: _countries,
    _structure_fuzzy_date: _dates,
    _structure_count: _counts,
}

# Hooks of types written as one JSON string: objects made only of these may share instances.
_STRING_FORMS: frozenset[Callable[..., Any]] = frozenset(
    {_structure_str, _structure_country, _structure_fuzzy_date, _structure_count, _structure_day}
)

# ----------------------------------------------------------------- classes


def _structure_tuple_factory(
    t: Any, converter: cattrs.Converter
) -> Callable[[Any, Any], tuple[Any, ...]]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    item_type = get_args(t)[0]
    item_hook = converter.get_structure_hook(item_type)

    def structure(obj: Any, _t: Any) -> tuple[Any, ...]:
        if type(obj) is not list:
            raise _type_error("an array", obj)
        try:
            return tuple([item_hook(item, item_type) for item in obj])
        except Exception:  # noqa: BLE001 - redone item by item to collect every error
            raise every_error(obj) from None

    def every_error(obj: list[Any]) -> IterableValidationError:
        errors: list[Exception] = []
        for i, item in enumerate(obj):
            if len(errors) == MAX_PROBLEMS:  # a hostile array of a million bad items
                errors.append(_stopped(i, len(obj)))
                break
            try:
                item_hook(item, item_type)
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {t} @ index {i}", i, item_type),
                ]
                errors.append(exc)
        return IterableValidationError(f"While structuring {t!r}", errors, t)

    return structure


def _unstructure_tuple_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    item_type = get_args(t)[0]
    if item_type is str:
        return list
    item_hook = converter.get_unstructure_hook(item_type)

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure


def _structure_optional_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs dispatches on every call; binding the item hook once is markedly faster.
    item_type = optional_item(t)
    item_hook = converter.get_structure_hook(item_type)

    def structure(obj: Any, _t: Any) -> Any:
        return None if obj is None else item_hook(obj, item_type)

    return structure


def _unstructure_optional_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    item_hook = converter.get_unstructure_hook(optional_item(t))

    def unstructure(value: Any) -> Any:
        return None if value is None else item_hook(value)

    return unstructure


MAX_PROBLEMS: Final = 100
"""The most problems reported for one array (or one object's unknown keys).

The rest are summed up in one more problem: a line of a million bad items is refused in
a moment, not after a million messages.
"""


def _stopped(checked: int, total: int, path: str = "$") -> InvalidValueError:
    """The problem that ends an array's list of problems."""
    return InvalidValueError(
        f"stopped after {MAX_PROBLEMS} bad items: the other {total - checked:,} of "
        f"{total:,} items were not checked",
        path=path,
        hint="fix these first",
    )


def _is_tuple(t: Any) -> bool:
    return tuple_item(t) is not None


def _field_keys(cls: type) -> dict[str, str]:
    renames = _RENAMES.get(cls, {})
    return {a.name: renames.get(a.name, a.name) for a in attrs.fields(cls)}


def _all_validator_errors(
    converter: cattrs.Converter,
    cls: type,
    obj: dict[str, Any],
    failed: Mapping[str, list[Exception]] | None = None,
) -> list[Exception]:
    """Run every check of *cls* on the structured values, collecting every error.

    attrs stops at the first failing validator, and none runs when a field cannot be
    structured at all; this is only called on those error paths, so a record with several
    bad fields reports all of them at once. *failed* holds the errors of the fields that
    could not be structured: they take their place in field order, unchecked again.
    The rules across fields (a class's ``_problems``) follow, run on the values that
    passed; a rule that needs one that did not is left for later.
    """
    errors: list[Exception] = []
    keys = _field_keys(cls)
    good: dict[str, Any] = {}
    for field in attrs.fields(cls):
        key = keys[field.name]
        if failed and field.name in failed:
            errors.extend(failed[field.name])
            continue
        if key not in obj and field.default is attrs.NOTHING:
            continue
        try:
            if key in obj:
                value = converter.get_structure_hook(field.type)(obj[key], field.type)
            else:
                default = field.default
                value = default.factory() if hasattr(default, "takes_self") else default
            if callable(field.converter):
                value = field.converter(value)
            bad = [] if field.validator is None else _validator_problems(field, key, value)
        except InvalidValueError as exc:
            errors.append(exc)
        except Exception:  # noqa: BLE001,S112 - any other failure was already reported
            continue
        else:
            errors.extend(bad)
            if not bad:
                good[field.name] = value
    errors.extend(_cross_field_problems(cls, good))
    return errors


def _validator_problems(
    field: attrs.Attribute[Any], key: str, value: Any
) -> list[InvalidValueError]:
    """What the field's validator refuses in *value*: each bad item of an array, by index.

    attrs' ``deep_iterable`` stops at the first bad item and names the field only.
    """
    validator: Any = field.validator
    member = getattr(validator, "member_validator", None)
    if member is None or not isinstance(value, tuple):
        validator(None, field, value)
        return []
    if validator.iterable_validator is not None:
        validator.iterable_validator(None, field, value)
    found: list[InvalidValueError] = []
    for i, item in enumerate(value):
        if len(found) == MAX_PROBLEMS:
            found.append(_stopped(i, len(value), _key_path(key)))
            break
        try:
            member(None, field, item)
        except InvalidValueError as exc:
            found.append(
                InvalidValueError(
                    exc.message, path=f"{_key_path(key)}[{i}]", value=item, hint=exc.hint
                )
            )
    return found


def _cross_field_problems(cls: type, values: Mapping[str, Any]) -> list[InvalidValueError]:
    """The problems ``cls._problems`` finds among *values* (fields not given stay unset)."""
    rules = getattr(cls, "_problems", None)
    if rules is None:
        return []
    shell: Any = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(shell, name, value)  # frozen: set as attrs' __init__ does
    try:
        return list(rules(shell))
    except AttributeError:  # a rule reads a field that could not be structured
        return []


class _FastPaths:
    """The generated decoders of one converter, keyed by the class hooks they speed up."""

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.by_hook: dict[Callable[..., Any], Callable[[Any], Any]] = {}
        self.shared: dict[type, dict[Any, Any]] = {}
        self.caches: dict[Callable[..., Any], Mapping[str, Any]] = dict(_LEAF_CACHES)

    def leaf(self, t: Any) -> Leaf | None:
        try:
            hook = self.converter.get_structure_hook(t)
        except Exception:  # noqa: BLE001 - a type cattrs cannot handle gets no fast path
            return None
        if hook is _structure_enum:
            return Leaf(hook, _members(t), strict=True, strings=True)
        return Leaf(hook, self.caches.get(hook), strings=hook in _STRING_FORMS)

    def decoder(self, t: Any) -> Callable[[Any], Any] | None:
        return self.by_hook.get(self.converter.get_structure_hook(t))


def _make_class_hook(
    converter: cattrs.Converter,
    cls: type,
    *,
    allow_unknown: bool,
    fast_paths: _FastPaths,
    envelope: frozenset[str] = frozenset(),
) -> Callable[[Any, Any], Any]:
    """The strict structure hook of one attrs class: unknown keys, then every field.

    Valid objects take the generated decoder (:mod:`geoevents._decoders`); anything it
    refuses goes through cattrs' detailed structuring, which names every problem.
    """
    from cattrs.errors import AttributeValidationNote, ClassValidationError
    from cattrs.gen import make_dict_structure_fn, override

    keys = _field_keys(cls)
    allowed = frozenset(keys.values()) | envelope
    fast = compile_decoder(
        cls,
        keys=keys,
        allowed=None if allow_unknown else allowed,
        leaf_for=fast_paths.leaf,
        decoder_for=fast_paths.decoder,
        shared=None if envelope else fast_paths.shared.setdefault(cls, {}),
        shared_limit=_SHARED_LIMIT,
    )
    detailed: list[Callable[[Any, Any], Any]] = []

    def generated(obj: Any, _t: Any) -> Any:
        if not detailed:  # built on the first object the fast path refuses
            overrides = {name: override(rename=key) for name, key in keys.items() if key != name}
            detailed.append(
                make_dict_structure_fn(
                    cls,
                    converter,
                    _cattrs_detailed_validation=True,
                    _cattrs_forbid_extra_keys=False,
                    **overrides,  # type: ignore[arg-type]
                )
            )
        return detailed[0](obj, _t)

    def complete(exc: ClassValidationError, obj: dict[str, Any]) -> ClassValidationError:
        failed: dict[str, list[Exception]] = {}
        for sub in exc.exceptions:
            notes = getattr(sub, "__notes__", ())
            name = next((n.name for n in notes if isinstance(n, AttributeValidationNote)), None)
            if name is None:
                break  # not a field's error (a constructor's, or cattrs' own): as it is
            failed.setdefault(name, []).append(sub)
        else:
            # Fields that could not be structured: the others' validators have not run.
            found = _all_validator_errors(converter, cls, obj, failed)
            return ClassValidationError(exc.message, found, cls)
        inner = exc.exceptions
        # A constructor failure (a validator or __attrs_post_init__) carries no field note.
        if len(inner) == 1 and isinstance(inner[0], InvalidValueError):
            found = _all_validator_errors(converter, cls, obj)
            if found:
                return ClassValidationError(exc.message, found, cls)
        return exc

    def structure(obj: Any, _t: Any = cls) -> Any:
        if fast is not None:
            try:
                return fast(obj)
            except Exception:  # noqa: BLE001, S110 - the detailed path decides and explains
                pass
        if type(obj) is not dict:
            raise _type_error("an object", obj)
        if allow_unknown or obj.keys() <= allowed:
            try:
                return generated(obj, cls)
            except ClassValidationError as exc:
                raise complete(exc, obj) from None
        unknown = [k for k in obj if k not in allowed]
        errors: list[Exception] = [
            InvalidValueError("unknown field", path=_key_path(k), hint=_suggest(k, keys.values()))
            for k in unknown[:MAX_PROBLEMS]
        ]
        if len(unknown) > MAX_PROBLEMS:
            more = len(unknown) - MAX_PROBLEMS
            errors.append(
                InvalidValueError(
                    f"stopped after {MAX_PROBLEMS} unknown fields: {more:,} more unknown "
                    "fields are not listed",
                    hint="fix these first",
                )
            )
        try:
            generated(obj, cls)
        except ClassValidationError as exc:
            errors.extend(complete(exc, obj).exceptions)
        raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

    if fast is not None:
        fast_paths.by_hook[structure] = fast
    return structure


def _make_entry_hook(
    kinds: Mapping[str, type],
    hooks: Mapping[type, Callable[[Any, Any], Any]],
    fast_paths: _FastPaths,
) -> Callable[[Any, Any], Any]:
    """Dispatch on ``kind`` after checking (and, for old data, migrating) ``schema``."""
    from cattrs.errors import ClassValidationError

    only = next(iter(kinds)) if len(kinds) == 1 else None
    fast = {tag: fast_paths.by_hook.get(hooks[cls]) for tag, cls in kinds.items()}
    migrations = _migrations

    def structure(obj: Any, t: Any) -> Any:
        try:  # the common case: a current, valid entry
            version = obj.get("schema") if type(obj) is dict else None
            if type(version) is int and version == migrations.SCHEMA_VERSION:
                kind = obj.get("kind")
                decode = fast.get(kind) if type(kind) is str else None
                if decode is not None:
                    return decode(obj)
        except Exception:  # noqa: BLE001, S110 - the detailed path below decides and explains
            pass
        if type(obj) is not dict:
            raise _type_error("a JSON object", obj)
        errors: list[Exception] = []
        version = obj.get("schema")
        if type(version) is not int or version != _migrations.SCHEMA_VERSION:
            try:
                obj = _migrations.migrate(obj)
            except InvalidValueError as exc:
                if version is not None and type(version) is int and version > 0:
                    raise  # too new, or no step: the rest cannot be judged
                errors.append(exc)
        kind = obj.get("kind")
        cls = kinds.get(kind) if type(kind) is str else None
        if cls is None:
            errors.append(_kind_error(kind, "kind" in obj, kinds, only))
            raise ClassValidationError("While structuring an entry", errors, t)
        if not errors:
            return hooks[cls](obj, cls)
        try:
            hooks[cls](obj, cls)
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
        raise ClassValidationError("While structuring an entry", errors, t)

    return structure


def _kind_error(
    kind: object, present: bool, kinds: Mapping[str, type], only: str | None
) -> InvalidValueError:
    hint = f"expected {only!r}" if only is not None else _choices_hint(kind, kinds)
    if not present:
        return InvalidValueError("missing required field", path="$.kind", hint=hint)
    if type(kind) is not str:  # no "did you mean": an equal str subclass is still refused
        error = _type_error("a string", kind)
        choices = ", ".join(map(repr, sorted(kinds)))
        error.path, error.hint = "$.kind", f"expected {only!r}" if only else f"one of {choices}"
        error.args = (str(error),)
        return error
    return InvalidValueError("unknown kind", path="$.kind", value=kind, hint=hint)


# ----------------------------------------------------------------- the factory


def configure_converter(converter: cattrs.Converter, *, allow_unknown: bool = False) -> None:
    """Install the geoevents hooks on an existing cattrs converter.

    The converter should have been created with ``detailed_validation=True`` (the
    default) so that every error of a record carries its path.

    Args:
        converter: the converter to configure.
        allow_unknown: ignore keys that are not fields instead of reporting them.

    >>> import cattrs
    >>> c = cattrs.Converter()
    >>> configure_converter(c)
    >>> c.structure("TR", Country)
    Country("TR")
    """
    for kind, hook in (
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (enum.Enum, _structure_enum),
        (enum.StrEnum, _structure_enum),
        (Country, _structure_country),
        (FuzzyDate, _structure_fuzzy_date),
        (Count, _structure_count),
        (datetime.date, _structure_day),
    ):
        converter.register_structure_hook(kind, hook)
    for kind, unhook in (
        (enum.Enum, _unstructure_enum),
        (enum.StrEnum, _unstructure_enum),
        (Country, _unstructure_country),
        (FuzzyDate, _unstructure_fuzzy_date),
        (Count, str),
        (datetime.date, _unstructure_day),
    ):
        converter.register_unstructure_hook(kind, unhook)

    def is_optional(t: Any) -> bool:
        return optional_item(t) is not None

    converter.register_structure_hook_factory(is_optional, _structure_optional_factory)
    converter.register_unstructure_hook_factory(is_optional, _unstructure_optional_factory)
    converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory)
    converter.register_unstructure_hook_factory(_is_tuple, _unstructure_tuple_factory)

    def out_for(t: Any) -> Out:
        hook = converter.get_unstructure_hook(t)
        return Out(hook, _INLINE_OUT.get(hook))

    def unstructure_fn(cls: type, tag: str | None = None) -> Callable[[Any], Any]:
        return compile_encoder(
            cls,
            keys=_field_keys(cls),
            out_for=out_for,
            envelope=None if tag is None else {"kind": tag},
            version=None if tag is None else _schema_version,
        )

    fast_paths = _FastPaths(converter)
    converter.register_structure_hook_factory(
        attrs.has,
        lambda cls: _make_class_hook(
            converter, cls, allow_unknown=allow_unknown, fast_paths=fast_paths
        ),
    )
    converter.register_unstructure_hook_factory(attrs.has, unstructure_fn)

    dating_in, dating_out = _dating_hooks(
        _make_class_hook(converter, Dating, allow_unknown=allow_unknown, fast_paths=fast_paths)
    )
    converter.register_structure_hook(Dating, dating_in)
    converter.register_unstructure_hook(Dating, dating_out)
    fast_paths.caches[dating_in] = _datings

    top_hooks = {
        cls: _make_class_hook(
            converter, cls, allow_unknown=allow_unknown, fast_paths=fast_paths, envelope=_ENVELOPE
        )
        for cls in ENTRY_KINDS.values()
    }
    for tag, cls in ENTRY_KINDS.items():
        # Structuring as Event accepts any record kind, as every record is an Event.
        kinds: Mapping[str, type] = RECORD_KINDS if cls is Event else {tag: cls}
        converter.register_structure_hook(cls, _make_entry_hook(kinds, top_hooks, fast_paths))
        converter.register_unstructure_hook(cls, unstructure_fn(cls, tag))
    entry = _make_entry_hook(ENTRY_KINDS, top_hooks, fast_paths)
    converter.register_structure_hook_func(lambda t: t == Entry, entry)


def make_converter(*, allow_unknown: bool = False) -> cattrs.Converter:
    """Build a new converter with the geoevents hooks installed.

    Use :func:`default_converter` for the shared instance; build your own only to add
    hooks of your own.

    Args:
        allow_unknown: ignore keys that are not fields instead of reporting them.

    >>> c = make_converter()
    >>> c.unstructure(Count.at_least(12))
    '>=12'
    >>> c.structure("2025-07", FuzzyDate)
    FuzzyDate("2025-07")
    """
    import cattrs

    converter = cattrs.Converter(detailed_validation=True)
    configure_converter(converter, allow_unknown=allow_unknown)
    return converter


_LOCK = threading.Lock()
_DEFAULTS: dict[bool, cattrs.Converter] = {}


def default_converter(*, allow_unknown: bool = False) -> cattrs.Converter:
    """Return the shared converter, built on first use (one per ``allow_unknown`` value).

    >>> default_converter() is default_converter()
    True
    """
    converter = _DEFAULTS.get(allow_unknown)
    if converter is None:
        with _LOCK:
            converter = _DEFAULTS.get(allow_unknown)
            if converter is None:
                converter = _DEFAULTS[allow_unknown] = make_converter(allow_unknown=allow_unknown)
    return converter


# ----------------------------------------------------------------- errors


def transform_error(exc: BaseException, path: str = "$") -> list[InvalidValueError]:
    """Flatten a structuring failure into errors with full JSON paths, in field order.

    Works like :func:`cattrs.v.transform_error`, but keeps geoevents'
    :class:`~geoevents.errors.InvalidValueError` objects (relocated under *path*) so
    programs can read ``.path``, ``.value`` and ``.hint``.

    Args:
        exc: what the converter raised.
        path: the JSON path of the structured value.

    Returns:
        One error per problem.

    >>> try:
    ...     default_converter().structure({"kind": "event", "schema": 1}, Entry)
    ... except Exception as exc:
    ...     print([str(e) for e in transform_error(exc)])
    ['$.id: missing required field', '$.when: missing required field', '$.summary: missing required field', '$.attributions: missing required field']
    """  # noqa: E501
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )

    out: list[InvalidValueError] = []

    def walk(exc: BaseException, path: str) -> None:
        if isinstance(exc, (ClassValidationError, IterableValidationError)):
            for sub in exc.exceptions:
                step = ""
                for note in reversed(getattr(sub, "__notes__", ())):
                    if isinstance(note, AttributeValidationNote):
                        target: Any = getattr(exc, "cl", None)
                        renames = _RENAMES.get(target, {})
                        step = _key_path(renames.get(note.name, note.name))[1:]
                        break
                    if isinstance(note, IterableValidationNote):
                        step = f"[{note.index}]"
                        break
                walk(sub, path + step)
        elif isinstance(exc, InvalidValueError):
            out.append(exc.at(path))
        elif isinstance(exc, KeyError):
            out.append(InvalidValueError("missing required field", path=path))
        else:
            out.append(InvalidValueError(f"{type(exc).__name__}: {exc}", path=path))

    walk(exc, path)
    return out

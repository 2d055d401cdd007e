"""Small, fast validators shared by the value types and records.

Each check is a callable class with a readable ``repr`` (as attrs' own validators are),
usable as an attrs validator. They are plain slotted classes rather than attrs classes:
generating attrs methods costs import time, and these need none of them. They raise
:class:`~geoevents.errors.InvalidValueError` with the path ``$.<field>``, so a nested value
reports where it sits once the converter prefixes the path of its container.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import numbers
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from geoevents.errors import InvalidValueError

MAX_TEXT: Final = 2_000
"""The longest free text (summaries, notes, quotes) a record accepts, in characters."""

ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/#-]{0,199}")
"""What an id is (:class:`Identifier`)."""
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
CAMEO_PATTERN: Final = re.compile(r"[0-9]{2,4}")  # not \d: that admits every script's digits
"""What a CAMEO code is (:class:`CameoCode`)."""


def _fail(
    attribute: attrs.Attribute[Any], message: str, value: object, hint: str | None = None
) -> None:
    raise InvalidValueError(message, path=f"$.{attribute.name}", value=value, hint=hint)


class Text:
    """A non-blank string without control characters, at most *limit* characters.

    With ``single_line`` (summaries, names) newlines are refused too.
    """

    __slots__ = ("limit", "single_line")

    def __init__(self, limit: int = MAX_TEXT, single_line: bool = False) -> None:
        self.limit = limit
        self.single_line = single_line

    def __repr__(self) -> str:
        return f"Text({self.limit}, single_line={self.single_line})"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if not isinstance(value, str):
            _fail(attribute, f"expected a string, got {type(value).__name__}", value)
        assert isinstance(value, str)
        if is_blank(value):
            _fail(attribute, "must not be empty or blank", value)
        if len(value) > self.limit:
            _fail(attribute, f"longer than {self.limit} characters", value)
        if not value.isprintable() and has_control(value, allow_newlines=not self.single_line):
            if (
                not self.single_line
                and "\r" in value
                and not has_control(value.replace("\r\n", "\n"), allow_newlines=True)
            ):
                _fail(attribute, "has CR LF line ends", value, "end lines with \\n alone")
            _fail(attribute, "contains control characters", value)


def is_blank(value: str) -> bool:
    """Whether *value* shows nothing: empty, spaces, or invisible marks (ZWSP, RLM...) only."""
    if not value.strip():
        return True
    if value.isprintable():  # the common case: a printable character that is not a space
        return False
    import unicodedata  # only for text that is not all printable

    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in value)


def has_control(value: str, *, allow_newlines: bool) -> bool:
    """Whether *value* holds a control character or a lone surrogate.

    Only those: no-break and thin spaces, and the invisible marks of right-to-left and
    joined scripts (RLM, ZWNJ...), are text, common in news from the web, although
    ``str.isprintable`` is false for them. Without *allow_newlines*, tabs and line or
    paragraph separators count as control characters too.
    """
    import unicodedata  # only for the rare text that is not all printable

    allowed = "\n\t" if allow_newlines else ""
    for ch in value:
        if ch.isprintable() or ch == " " or ch in allowed:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or (category in ("Zl", "Zp") and not allow_newlines):
            return True
    return False


def optional_text(limit: int = MAX_TEXT, *, single_line: bool = False) -> Callable[..., None]:
    """An attrs validator for ``str | None`` fields holding :class:`Text`."""
    return attrs.validators.optional(Text(limit, single_line))


class Identifier:
    """A stable record or source id: ASCII letters, digits and ``._:/#-``, 1–200 characters."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Identifier()"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            ident = getattr(value, "id", None)
            if isinstance(ident, str):  # a Source or a record where its id belongs
                hint = f"pass its id: {ident!r}"
            else:
                hint = "use 1-200 ASCII letters, digits and ._:/#- starting with a letter or digit"
            _fail(attribute, "not a valid id", value, hint)


class LanguageTag:
    """A BCP 47 language tag in its common form: ``en``, ``tr``, ``ar-SY``, ``zh-Hant``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "LanguageTag()"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if not isinstance(value, str) or len(value) > 35 or not _LANG.fullmatch(value):
            _fail(attribute, "not a BCP 47 language tag", value, "use e.g. 'en', 'tr' or 'ar-SY'")


class CameoCode:
    """A CAMEO event code as a string of 2–4 digits (``"0871"`` keeps its leading zero)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "CameoCode()"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if value is not None and (not isinstance(value, str) or not CAMEO_PATTERN.fullmatch(value)):
            _fail(attribute, "not a CAMEO code", value, "CAMEO codes are 2-4 digit strings")


class Coordinate:
    """A finite float within ``[-limit, limit]`` (90 for latitude, 180 for longitude)."""

    __slots__ = ("limit",)

    def __init__(self, limit: float) -> None:
        self.limit = limit

    def __repr__(self) -> str:
        return f"Coordinate({self.limit})"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            _fail(attribute, f"expected a number, got {type(value).__name__}", value)
        assert isinstance(value, (int, float))
        if not -self.limit <= value <= self.limit:  # False for NaN; no float() of huge ints
            _fail(attribute, f"must be between -{self.limit:g} and {self.limit:g}", value)


class InstancesOf:
    """Every item of a tuple is an instance of *kind*; with ``min_len`` the tuple is that long."""

    __slots__ = ("kind", "min_len")

    def __init__(self, kind: type | tuple[type, ...], min_len: int = 0) -> None:
        self.kind = kind
        self.min_len = min_len

    def __repr__(self) -> str:
        return f"InstancesOf({_names(self.kind)}, min_len={self.min_len})"

    def __call__(
        self, _inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        """Check *value*."""
        tuple_value(_inst, attribute, value)
        if len(value) < self.min_len:
            need = "at least one item" if self.min_len == 1 else f"at least {self.min_len} items"
            _fail(attribute, f"needs {need}", value)
        for i, item in enumerate(value):
            if not isinstance(item, self.kind):
                raise InvalidValueError(
                    f"expected {_names(self.kind)}, got {type(item).__name__}",
                    path=f"$.{attribute.name}[{i}]",
                    value=item,
                    hint=_make_hint(self.kind, item),
                )


class InstanceOf:
    """The value is an instance of *kind* (``None`` allowed when ``optional``)."""

    __slots__ = ("kind", "optional")

    def __init__(self, kind: type | tuple[type, ...], optional: bool = False) -> None:
        self.kind = kind
        self.optional = optional

    def __repr__(self) -> str:
        return f"InstanceOf({_names(self.kind)}, optional={self.optional})"

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Check *value*."""
        if value is None and self.optional:
            return
        if not isinstance(value, self.kind) or (isinstance(value, bool) and self.kind is int):
            message = f"expected {_names(self.kind)}, got {type(value).__name__}"
            _fail(attribute, message, value, _make_hint(self.kind, value))


def raise_first(problems: Sequence[InvalidValueError]) -> None:
    """Raise the first of a value's problems across fields (its ``_problems()``), if any.

    Construction stops at the first, as attrs' validators do; the converter reports all.
    """
    if problems:
        raise problems[0]


def _names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _make_hint(kind: type | tuple[type, ...], value: object) -> str | None:
    """How to make a value of *kind* from *value*, where the way is plain.

    For the Python API: a JSON value is turned into its type before any check runs.
    Types are known by name, as this module is imported by the modules that define them.
    """
    if isinstance(kind, tuple):
        return None
    name = kind.__name__
    if issubclass(kind, enum.Enum) and isinstance(value, str):
        members = {m.value: m for m in kind}
        if value in members:
            return f"write {name}.{members[value].name}, or {name}({value!r})"
        return f"one of {', '.join(map(repr, members))}"
    if name == "Country" and isinstance(value, str):
        return f"write Country({value!r}) for a code, normalize_country({value!r}) for a name"
    if name == "Count" and isinstance(value, int) and not isinstance(value, bool):
        return f"write Count.exact({value}) (Count.parse reads '>={value}', '5..{value}' and such)"
    if name in ("Dating", "FuzzyDate"):
        if isinstance(value, str):
            return f"write FuzzyDate({value!r})"
        if isinstance(value, datetime.date):
            return f"write FuzzyDate.from_date({value!r})"
    return None


def unique_strings(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    """A tuple of distinct ids."""
    tuple_value(_inst, attribute, value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            raise InvalidValueError("not a valid id", path=f"$.{attribute.name}[{i}]", value=item)
    if len(set(value)) != len(value):
        twice = next(i for n, i in enumerate(value) if i in value[:n])
        _fail(attribute, "lists the same id twice", twice)


def to_float(value: float | None) -> float | None:
    """Make a real number other than ``bool`` a plain ``float`` (numpy's and ints included).

    A float subclass such as ``numpy.float64`` would otherwise stay in the record, and an
    int would be written as ``36`` and read back as ``36.0``. Anything else, and an int
    too large for a float, is returned as it is, for the field's validator to refuse
    (typed ``float | None`` so that constructors keep that type for checkers).
    """
    if type(value) is not float and isinstance(value, numbers.Real) and not isinstance(value, bool):
        with contextlib.suppress(OverflowError):
            return float(value)
    return value


def to_tuple(value: Any) -> tuple[Any, ...]:
    """Turn a list (or any iterable but a string or a mapping) into a tuple.

    Anything else is returned as it is, for the field's validator to refuse by the
    field's name (a converter does not know it): see :func:`tuple_value`.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, list) or (
        isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))
    ):
        return tuple(value)
    return value  # type: ignore[no-any-return]


def tuple_value(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that a tuple field holds a tuple (its converter made one of any list)."""
    if not isinstance(value, tuple):
        hint = None if value is None else "wrap a single item in a list: [item]"
        _fail(attribute, f"expected a list or tuple, got {type(value).__name__}", value, hint)

"""The exceptions and warnings geoevents raises, in one small tree.

This module imports nothing from the rest of the package, so every other module can
use it without import cycles.

The tree::

    GeoeventsError
    ├── InvalidValueError (also ValueError)
    │   ├── UnknownCountryError
    │   ├── AmbiguousCountryError
    │   └── InvalidDateError
    ├── RecordError (also ExceptionGroup): every problem of one record at once
    └── DatasetError

    GeoeventsWarning (also UserWarning): legal but risky input

Every :class:`InvalidValueError` carries the JSON path of the offending field (``$`` when
the value stands alone), the offending value, what was expected and a hint, as
attributes, so programs never need to parse the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geoevents.country import Country

__all__ = [
    "AmbiguousCountryError",
    "DatasetError",
    "GeoeventsError",
    "GeoeventsWarning",
    "InvalidDateError",
    "InvalidValueError",
    "RecordError",
    "UnknownCountryError",
    "short_repr",
]

_MAX_REPR = 80


def short_repr(value: object, limit: int = _MAX_REPR) -> str:
    """Return ``repr(value)``, cut to about *limit* characters for error messages.

    >>> short_repr("x" * 100)[:12]
    "'xxxxxxxxxxx"
    >>> short_repr("Turkye")
    "'Turkye'"
    """
    text = repr(value) if not isinstance(value, str) else repr(value[: limit + 1])
    if len(text) > limit:
        return text[: limit - 1] + "…"
    return text


class GeoeventsError(Exception):
    """The base of every exception geoevents raises on purpose."""


class InvalidValueError(GeoeventsError, ValueError):
    """A value that cannot be what it claims to be.

    Args:
        message: what is wrong, in one sentence, without the path.
        path: where the value sits, as a JSON path starting at ``$``.
        value: the offending value.
        expected: what would have been accepted.
        hint: how to fix it, or ``None``.

    >>> err = InvalidValueError("not a country code", path="$.country", value="Turkye")
    >>> str(err)
    "$.country: not a country code: 'Turkye'"
    >>> err.path, err.value
    ('$.country', 'Turkye')
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "$",
        value: object = None,
        expected: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.value = value
        self.expected = expected
        self.hint = hint

    def at(self, path: str) -> InvalidValueError:
        """Return this error relocated under *path* (a prefix such as ``$.actors[1]``).

        The error's own path is appended to *path*, so nested values report where they sit
        inside the record.

        >>> InvalidValueError("bad", path="$.country", value=1).at("$.actors[1]").path
        '$.actors[1].country'
        """
        self.path = path + self.path[1:] if self.path.startswith("$") else path
        self.args = (str(self),)
        return self

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}"
        if self.value is not None:
            text += f": {short_repr(self.value)}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class UnknownCountryError(InvalidValueError):
    """No country matches the input.

    ``suggestions`` holds the closest known names, best first (possibly empty).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "$",
        value: object = None,
        suggestions: Sequence[str] = (),
        hint: str | None = None,
    ) -> None:
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        if hint is None and self.suggestions:
            hint = "did you mean " + ", ".join(repr(s) for s in self.suggestions[:3]) + "?"
        super().__init__(
            message, path=path, value=value, expected="an ISO 3166-1 country", hint=hint
        )


class AmbiguousCountryError(InvalidValueError):
    """The input names more than one country; ``candidates`` lists them, most likely first."""

    def __init__(
        self,
        message: str,
        *,
        candidates: Sequence[Country],
        path: str = "$",
        value: object = None,
    ) -> None:
        self.candidates: tuple[Country, ...] = tuple(candidates)
        names = ", ".join(f"{c.alpha2} ({c.name})" for c in self.candidates)
        super().__init__(
            message,
            path=path,
            value=value,
            expected="an unambiguous country name or code",
            hint=f"candidates: {names}; pass the ISO code instead",
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Rebuild from the keyword-only candidates (pickling, copying, other processes)."""
        return (_ambiguous, (self.message, self.candidates, self.path, self.value))


def _ambiguous(
    message: str, candidates: tuple[Country, ...], path: str, value: object
) -> AmbiguousCountryError:
    return AmbiguousCountryError(message, candidates=candidates, path=path, value=value)


class InvalidDateError(InvalidValueError):
    """A date, date range or relative date expression that cannot be read or cannot exist."""


class RecordError(GeoeventsError, ExceptionGroup[InvalidValueError]):
    """Every problem found in one record, raised together.

    ``source`` names where the record came from (a file name, or ``None``) and ``line`` its
    1-based line number in that file, when known. ``str()`` gives one line per problem, in
    the form ``file:line: $.path: message``. An array (or an object's unknown keys) gives
    at most 100 problems and then one that says how many it left unchecked.
    """

    source: str | None
    line: int | None

    def __new__(  # noqa: D102  (documented in the class docstring)
        cls,
        message: str,
        errors: Sequence[InvalidValueError],
        *,
        source: str | None = None,
        line: int | None = None,
    ) -> RecordError:
        self = super().__new__(cls, message, errors)
        self.source = source
        self.line = line
        return self

    def __init__(
        self,
        message: str,
        errors: Sequence[InvalidValueError],
        *,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message, errors)

    def derive(self, excs: Sequence[InvalidValueError]) -> RecordError:  # type: ignore[override]
        """Keep ``source`` and ``line`` when the group is split or filtered."""
        return RecordError(self.message, excs, source=self.source, line=self.line)

    @property
    def problems(self) -> list[InvalidValueError]:
        """The problems, one :class:`InvalidValueError` each, as the group was built."""
        return [e for e in self.exceptions if isinstance(e, InvalidValueError)]

    @property
    def location(self) -> str:
        """``file:line`` (or what of it is known), the prefix of every reported line."""
        parts = [p for p in (self.source, None if self.line is None else str(self.line)) if p]
        return ":".join(parts)

    def lines(self) -> list[str]:
        """One readable line per problem: ``file:line: $.path: message``."""
        prefix = f"{self.location}: " if self.location else ""
        return [prefix + str(e) for e in self.exceptions]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class DatasetError(GeoeventsError):
    """A collection of records cannot be built or read as a whole (e.g. a missing file)."""


class GeoeventsWarning(UserWarning):
    """Legal but risky input: accepted, and worth a look (e.g. an imported ``low > best``)."""

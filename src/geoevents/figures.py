"""Counts of people killed, injured or displaced, as honest as the reports are.

A report may give no figure, an exact one, an open bound ("at least 12") or a range with
a best estimate (UCDP's low/best/high). :class:`Count` keeps these apart: unknown is never
0, nothing is negative, and ``low <= best <= high``.
"""

from __future__ import annotations

import re
from typing import Any, final

import attrs

from geoevents._checks import raise_first
from geoevents.errors import InvalidValueError

__all__ = ["Count"]

_MAX = 10**9
_FORMS = re.compile(
    r"(?P<unknown>unknown)"
    r"|(?P<exact>\d{1,10})"
    r"|>=(?P<at_least>\d{1,10})"
    r"|<=(?P<at_most>\d{1,10})"
    r"|(?P<lo>\d{1,10})\.\.(?P<hi>\d{1,10})"
    r"|(?P<best>\d{1,10}) \((?P<blo>\d{1,10})?\.\.(?P<bhi>\d{1,10})?\)",
    re.ASCII,  # \d is 0-9 only: without it, every script's digits would pass ("٥" as 5)
)


def _check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(
            f"expected a whole number, got {type(value).__name__}",
            path=f"$.{attribute.name}",
            value=value,
        )
    if value < 0:
        raise InvalidValueError(
            "a count cannot be negative",
            path=f"$.{attribute.name}",
            value=value,
            hint="leave it unknown instead",
        )
    if value > _MAX:
        raise InvalidValueError("implausibly large count", path=f"$.{attribute.name}", value=value)


@final
@attrs.frozen(kw_only=True, repr=False)
class Count:
    """A reported figure: unknown, exact, a lower or upper bound, or low/best/high.

    Args:
        low: the lowest figure reported ("at least 12" gives low 12).
        best: the best estimate (an exact figure is a best alone).
        high: the highest figure reported.

    Raises:
        InvalidValueError: a negative or non-integer value, or not ``low <= best <= high``.

    Its string form is canonical and :meth:`parse` is its exact inverse:

    >>> [str(c) for c in (Count(), Count.exact(12), Count.at_least(12), Count(low=5, high=12),
    ...                   Count(low=5, best=7, high=12))]
    ['unknown', '12', '>=12', '5..12', '7 (5..12)']
    >>> Count.parse(">=12") == Count(low=12)
    True
    >>> Count(low=7, high=5)
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidValueError: $.low: low must not exceed high: 7 (low <= best <= high)
    """

    low: int | None = attrs.field(default=None, validator=_check)
    best: int | None = attrs.field(default=None, validator=_check)
    high: int | None = attrs.field(default=None, validator=_check)

    def __attrs_post_init__(self) -> None:
        raise_first(self._problems())

    def _problems(self) -> list[InvalidValueError]:
        """Every order rule the figures break (construction raises the first)."""
        low, best, high = self.low, self.best, self.high
        found = []
        if low is not None and high is not None and low > high:
            found.append(_order("low must not exceed high", "$.low", low))
        if best is not None:
            if low is not None and low > best:
                found.append(_order("low must not exceed best", "$.low", low))
            if high is not None and best > high:
                found.append(_order("best must not exceed high", "$.high", high))
        return found

    @classmethod
    def unknown(cls) -> Count:
        """No figure reported. Never the same as zero."""
        return cls()

    @classmethod
    def exact(cls, n: int, /) -> Count:
        """An exact figure.

        >>> Count.exact(0).is_known
        True
        """
        return cls(best=n)

    @classmethod
    def at_least(cls, n: int, /) -> Count:
        """An open lower bound ("at least 12", "more than 11")."""
        return cls(low=n)

    @classmethod
    def at_most(cls, n: int, /) -> Count:
        """An open upper bound ("up to 12")."""
        return cls(high=n)

    @classmethod
    def parse(cls, text: str, /) -> Count:
        """Read the canonical string form (see the class docstring).

        Raises:
            InvalidValueError: *text* is not a canonical count.
        """
        m = _FORMS.fullmatch(text) if isinstance(text, str) and len(text) <= 40 else None
        if m is None:
            raise InvalidValueError(
                "not a count",
                value=text,
                expected="'unknown', '12', '>=12', '<=12', '5..12' or '7 (5..12)'",
            )
        g = m.groupdict()
        if g["unknown"]:
            return cls()
        if g["exact"]:
            count = cls(best=int(g["exact"]))
        elif g["at_least"]:
            count = cls(low=int(g["at_least"]))
        elif g["at_most"]:
            count = cls(high=int(g["at_most"]))
        elif g["lo"]:
            count = cls(low=int(g["lo"]), high=int(g["hi"]))
        else:
            count = cls(low=_int(g["blo"]), best=int(g["best"]), high=_int(g["bhi"]))
        canonical = str(count)
        if canonical != text:  # "05" or "5 (..)": one count has one string
            raise InvalidValueError(
                "not a canonical count", value=text, hint=f"write {canonical!r}"
            )
        return count

    @property
    def is_known(self) -> bool:
        """Whether any figure was reported."""
        return not (self.low is None and self.best is None and self.high is None)

    @property
    def is_exact(self) -> bool:
        """Whether the count is a single exact figure."""
        return self.best is not None and self.low is None and self.high is None

    @property
    def minimum(self) -> int | None:
        """The smallest value consistent with the count (``None`` when unknown).

        >>> Count.at_most(5).minimum, Count.exact(5).minimum, Count().minimum
        (0, 5, None)
        """
        if self.low is not None:
            return self.low
        if self.is_exact:
            return self.best
        return 0 if self.is_known else None

    @property
    def maximum(self) -> int | None:
        """The largest value consistent with the count (``None`` when unbounded or unknown).

        >>> Count.at_least(5).maximum, Count.exact(5).maximum
        (None, 5)
        """
        if self.high is not None:
            return self.high
        return self.best if self.is_exact else None

    def __str__(self) -> str:
        low, best, high = self.low, self.best, self.high
        if best is None:
            if low is None and high is None:
                return "unknown"
            if high is None:
                return f">={low}"
            if low is None:
                return f"<={high}"
            return f"{low}..{high}"
        if low is None and high is None:
            return str(best)
        return f"{best} ({'' if low is None else low}..{'' if high is None else high})"

    def __repr__(self) -> str:
        return f'Count.parse("{self}")'


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _order(message: str, path: str, value: int) -> InvalidValueError:
    return InvalidValueError(message, path=path, value=value, hint="low <= best <= high")

"""What a report says about *when*: partial, qualified and interval dates in EDTF.

News gives dates at every precision ("in 2024", "in July", "on Wednesday", "at 10:00
local time"), sometimes hedged ("around", "reportedly") and often as ranges. A
:class:`FuzzyDate` stores exactly what was said as one canonical EDTF string (Library of
Congress Extended Date/Time Format, levels 0 and 1, plus level-2 unspecified digits inside
a component) and computes the earliest and latest possible *day* itself, because the
``edtf`` package gets several bounds wrong.

A partial date has no total order, so :class:`FuzzyDate` has no ``<``. Sort with
:meth:`FuzzyDate.sort_key` and compare with the interval predicates
:meth:`~FuzzyDate.definitely_before`, :meth:`~FuzzyDate.possibly_before`,
:meth:`~FuzzyDate.overlaps` and :meth:`~FuzzyDate.contains`, which work at day granularity.

:class:`Dating` pairs a date with how it was obtained (stated, resolved from a relative
expression, inferred, imported), so dependent dates can be found and recomputed.

Supported forms (anything else raises :class:`~geoevents.errors.InvalidDateError`):

=============================  ==============================================================
``2025``, ``2025-07``,         year, month, day (level 0); years 0001..9999 only (no year
``2025-07-23``                 0000, no negative or five-digit years)
``2025-07-23T10:00:00``        date and time, optionally ``Z`` or ``±hh:mm``; no qualifiers,
                               not inside intervals (as EDTF level 0 says)
``2025-07-23?`` ``~`` ``%``    uncertain, approximate, both; at the end only (level 1)
``2025-21`` .. ``2025-24``     spring, summer, autumn, winter (level 1); bounds are northern
                               meteorological seasons: spring Mar-May, summer Jun-Aug, autumn
                               Sep-Nov, winter December of the year to February of the next
``2025-07-XX``, ``202X``,      unspecified digits; once a digit is ``X`` every later digit
``2025-07-2X``, ``2025-1X``    must be too, so the possible days form one run
``a/b``, ``../b``, ``a/..``,   intervals of two single dates without times; ``..`` is an
``/b``, ``a/``                 open end, an empty end is unknown; both are unbounded here
=============================  ==============================================================
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import itertools
import re
from collections.abc import Iterable
from typing import Final, NamedTuple, final

import attrs

from geoevents._checks import has_control, is_blank, raise_first
from geoevents.errors import InvalidDateError

__all__ = ["Dating", "DatingMethod", "FuzzyDate", "Precision", "may_precede", "nested"]

#: The longest input looked at; the longest valid EDTF string here has 25 characters.
_MAX_EDTF_LENGTH: Final = 64
_MAX_TEXT: Final = 500
_MIN_ORDINAL: Final = datetime.date.min.toordinal()  # 1
_UNBOUNDED_START: Final = _MIN_ORDINAL - 1
_UNBOUNDED_END: Final = datetime.date.max.toordinal() + 1
_EXPECTED = (
    "an EDTF date such as '2025', '2025-07', '2025-07-23', '2025-07-23T10:00:00Z', "
    "'2025-07-2X', '2025-21', '2025-07-23~' or an interval '2025-07-13/2025-07-20'"
)
_HINT_INFERRED = "pass a valid EDTF string"

# Anchored, fixed-width patterns: no backtracking, and the input is length-capped first.
_SINGLE_RE: Final = re.compile(
    r"(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[?~%])?", re.ASCII
)
_DATETIME_RE: Final = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
    r"T(?P<H>[0-9]{2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2})"
    r"(?P<z>Z|[+-][0-9]{2}:[0-9]{2})?",
    re.ASCII,
)
_QUALIFIERS: Final = "?~%"
# Only for error messages: near misses that deserve a specific explanation.
_LOWER_X_RE: Final = re.compile(r"[0-9Xxu]{4}(?:-[0-9Xxu]{2}){0,2}[?~%]?", re.ASCII)
_TIME_LIKE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]", re.ASCII)
# Common slips, named in errors: a space for the T, one-digit months or days, slashes.
_SPACED_TIME_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:", re.ASCII)
_SHORT_PARTS_RE: Final = re.compile(r"[0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?[?~%]?", re.ASCII)
_SLASHED_RE: Final = re.compile(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}", re.ASCII)


class Precision(enum.StrEnum):
    """The finest component present in the text, whatever its digits.

    ``2025-07-2X`` is :attr:`DAY` precision with unspecified digits; ``202X`` is
    :attr:`YEAR`. Members are listed from coarsest to finest.

    >>> FuzzyDate("2025-07-2X").precision
    <Precision.DAY: 'day'>
    >>> Precision.YEAR.rank < Precision.DAY.rank
    True
    """

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"
    TIME = "time"

    @property
    def rank(self) -> int:
        """0 for the coarsest (:attr:`YEAR`) up to 4 for the finest (:attr:`TIME`)."""
        return _RANKS[self]


_RANKS: Final = {p: i for i, p in enumerate(Precision)}
_SEASONS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # months, 13+ = next year


class _Info(NamedTuple):
    """Everything derived from an EDTF string, computed once per distinct string."""

    earliest: datetime.date | None
    latest: datetime.date | None
    precision: Precision
    approximate: bool
    uncertain: bool
    time: datetime.time | None
    interval: tuple[FuzzyDate | None, FuzzyDate | None] | None
    sort_key: tuple[int, int, str]


def _fail(message: str, text: object, hint: str | None = None) -> InvalidDateError:
    return InvalidDateError(message, value=text, expected=_EXPECTED, hint=hint)


def _diagnose(part: str, text: str) -> InvalidDateError:
    """Explain why *part* (the input or one interval end) is not a supported EDTF date."""
    if "[" in part or "{" in part:
        return _fail(
            "sets of dates ('[..]', '{..}', EDTF level 2) are not supported",
            text,
            "use an interval a/b, or record one date and note the alternatives",
        )
    if part.startswith("Y"):
        return _fail("Y-prefixed years are not supported (only years 0001..9999)", text)
    if part.startswith("-"):
        return _fail("negative years are not supported (only years 0001..9999)", text)
    if part.isdigit():
        if len(part) == 8:
            return _fail(
                "EDTF basic format (no hyphens) is invalid",
                text,
                f"use {part[:4]}-{part[4:6]}-{part[6:]}",
            )
        if len(part) == 6:
            return _fail(
                "EDTF basic format (no hyphens) is invalid", text, f"use {part[:4]}-{part[4:]}"
            )
        if len(part) < 4:
            return _fail("years must have exactly four digits", text, "write e.g. 2025, not 25")
        return _fail("years must have four digits (only years 0001..9999)", text)
    if _LOWER_X_RE.fullmatch(part):
        return _fail(
            "unspecified digits are written with an uppercase 'X'", text, "e.g. 2025-07-XX"
        )
    if _SPACED_TIME_RE.match(part):
        return _fail("a date and its time are joined by 'T'", text, f"write {part[:10]}Thh:mm:ss")
    if _TIME_LIKE_RE.match(part):
        return _fail(
            "a date and time must be written YYYY-MM-DDThh:mm:ss with an optional 'Z' or "
            "'±hh:mm', without qualifiers, and not inside an interval",
            text,
        )
    if len(part) > 1 and part[-1] in _QUALIFIERS and part[-2] in _QUALIFIERS:
        return _fail("one qualifier at most", text, "'%' means both uncertain and approximate")
    if _SHORT_PARTS_RE.fullmatch(part):
        return _fail("months and days have two digits", text, "e.g. 2025-07-03, not 2025-7-3")
    if any(c in part[:-1] for c in _QUALIFIERS) or part[:1] in _QUALIFIERS:
        return _fail(
            "qualifiers '?', '~' and '%' are allowed only at the end of a date "
            "(per-component qualification, EDTF level 2, is not supported)",
            text,
        )
    head = part.split("-", 1)[0]
    if head.isdigit() and len(head) != 4:
        return _fail("years must have exactly four digits", text, "write e.g. 2025-07-23")
    return _fail("not a supported EDTF date", text)


def _digit_range(digits: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The smallest and largest value in lo..hi matching *digits* (trailing 'X's), or None."""
    first = max(int(digits.replace("X", "0")), lo)
    last = min(int(digits.replace("X", "9")), hi)
    return (first, last) if first <= last else None


def _single(part: str, text: str) -> _Info:
    """Analyse one date without '/'; *text* is the whole input, for error messages."""
    match = _SINGLE_RE.fullmatch(part)
    if match is None:
        return _datetime(part, text)
    y, m, d, q = match.group("y", "m", "d", "q")
    digits = y + (m or "") + (d or "")
    unspecified = digits.find("X")
    if unspecified >= 0 and digits[unspecified:].strip("X"):
        raise (
            _fail(
                "an unspecified digit 'X' may be followed only by more 'X's "
                "(e.g. 2025-XX-XX, not 2025-XX-23)",
                text,
            )
        )
    years = _digit_range(y, 1, 9999)
    if years is None:
        raise (_fail(f"year {y} is not supported (only years 0001..9999)", text))
    qualifiers = (q in {"~", "%"}, q in {"?", "%"})
    if m is None:
        return _info(
            datetime.date(years[0], 1, 1),
            datetime.date(years[1], 12, 31),
            Precision.YEAR,
            qualifiers,
            text,
        )
    if m.isdigit() and int(m) in _SEASONS and d is None:
        first_month, last_month = _SEASONS[int(m)]
        year = years[0]
        if year == 9999 and last_month > 12:
            raise (_fail("winter 9999 ends after 9999-12-31, the last supported day", text))
        end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
        return _info(
            datetime.date(year, first_month, 1),
            datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1]),
            Precision.SEASON,
            qualifiers,
            text,
        )
    months = _digit_range(m, 1, 12)
    if months is None:
        raise (
            _fail(
                f"month {m} does not exist (months are 01..12; seasons 21..24 have no day)",
                text,
            )
        )
    if d is None:
        last_day = calendar.monthrange(years[1], months[1])[1]
        return _info(
            datetime.date(years[0], months[0], 1),
            datetime.date(years[1], months[1], last_day),
            Precision.MONTH,
            qualifiers,
            text,
        )
    days = _digit_range(d, 1, calendar.monthrange(years[1], months[1])[1])
    if days is None:
        raise (_fail(f"day {d} does not exist in {y}-{m}", text))
    # A partly unspecified day implies a known month and year (the suffix rule); "XX" is 1..
    return _info(
        datetime.date(years[0], months[0], days[0]),
        datetime.date(years[1], months[1], days[1]),
        Precision.DAY,
        qualifiers,
        text,
    )


def _datetime(part: str, text: str) -> _Info:
    match = _DATETIME_RE.fullmatch(part)
    if match is None:
        raise _diagnose(part, text)
    y, m, d, hh, mm, ss, zone = match.group("y", "m", "d", "H", "M", "S", "z")
    day = _single(f"{y}-{m}-{d}", text).earliest
    assert day is not None
    if int(hh) > 23 or int(mm) > 59 or int(ss) > 59:
        raise _fail(f"time {hh}:{mm}:{ss} does not exist (00:00:00..23:59:59)", text)
    tz: datetime.tzinfo | None = None
    if zone == "Z":
        tz = datetime.UTC
    elif zone is not None:
        if zone == "-00:00":
            raise _fail("offset -00:00 is not allowed", text, "use Z or +00:00")
        if int(zone[1:3]) > 23 or int(zone[4:]) > 59:
            raise _fail(f"offset {zone} does not exist", text)
        sign = -1 if zone[0] == "-" else 1
        tz = datetime.timezone(
            sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:]))
        )
    clock = datetime.time(int(hh), int(mm), int(ss), tzinfo=tz)
    info = _Info(
        day,
        day,
        Precision.TIME,
        approximate=False,
        uncertain=False,
        time=clock,
        interval=None,
        sort_key=_key(day, day, text),
    )
    moment = _utc_seconds(info)
    if moment is None:
        return info
    # A moment sorts by its UTC day, then its UTC time, in line with definitely_before.
    utc_day, second = divmod(moment, 86_400)
    return info._replace(sort_key=(utc_day, utc_day, f"{second:05d} {text}"))


def _key(
    earliest: datetime.date | None, latest: datetime.date | None, text: str
) -> tuple[int, int, str]:
    return (
        _UNBOUNDED_START if earliest is None else earliest.toordinal(),
        _UNBOUNDED_END if latest is None else latest.toordinal(),
        text,
    )


def _info(
    earliest: datetime.date,
    latest: datetime.date,
    precision: Precision,
    qualifiers: tuple[bool, bool],
    text: str,
) -> _Info:
    return _Info(
        earliest,
        latest,
        precision,
        *qualifiers,
        None,
        None,
        _key(earliest, latest, text),
    )


def _endpoint(part: str, text: str, which: str) -> FuzzyDate | None:
    if part in {"", ".."}:
        return None
    if part in {"open", "unknown"}:
        raise _fail(
            f"the {which} '{part}' is an old EDTF draft form",
            text,
            "use '..' for an open end, or nothing for an unknown end",
        )
    if _SINGLE_RE.fullmatch(part) is None:
        raise _diagnose(part, text)
    return FuzzyDate(part)


@functools.lru_cache(maxsize=4096)
def _analyse(text: str) -> _Info:
    """Validate *text* and compute its bounds; cached, since records share dates."""
    _check_text(text)
    if "/" not in text:
        return _single(text, text)
    if text.count("/") > 1:
        if _SLASHED_RE.fullmatch(text):  # 2025/07/23, 23/07/2025
            raise _fail("a date is written with hyphens, year first", text, "e.g. 2025-07-23")
        raise _fail("an interval has exactly one '/'", text)
    head, tail = text.split("/")
    start, end = _endpoint(head, text, "start"), _endpoint(tail, text, "end")
    if start is None and end is None:
        raise _fail("an interval needs at least one known endpoint", text)
    earliest = None if start is None else start.earliest
    latest = None if end is None else end.latest
    if earliest is not None and latest is not None and latest < earliest:
        raise _fail(
            f"latest before earliest: the interval ends ({end}) before it starts ({start})",
            text,
            "swap the endpoints",
        )
    known = [p.precision for p in (start, end) if p is not None]
    return _Info(
        earliest,
        latest,
        min(known, key=_RANKS.__getitem__),
        any(p is not None and p.approximate for p in (start, end)),
        any(p is not None and p.uncertain for p in (start, end)),
        None,
        (start, end),
        _key(earliest, latest, text),
    )


def _check_text(text: object) -> str:
    """Reject non-strings and cheap-to-spot bad input before any pattern runs."""
    if not isinstance(text, str):
        raise InvalidDateError(
            f"an EDTF date must be a str, not {type(text).__name__}",
            value=text,
            expected=_EXPECTED,
            hint="use FuzzyDate.from_date() for datetime.date values",
        )
    if not text:
        raise _fail("empty string is not a date", text, "use None for an unknown date")
    if len(text) > _MAX_EDTF_LENGTH:
        raise _fail(
            f"too long for an EDTF date ({len(text)} > {_MAX_EDTF_LENGTH} characters)", text
        )
    if not text.isascii():
        if any(c.isdigit() and not c.isascii() for c in text):
            raise _fail("only ASCII digits 0-9 are allowed", text)
        raise _fail("only ASCII characters are allowed", text)
    if text != text.strip():
        raise _fail("surrounding whitespace is not allowed", text, "strip the string first")
    return str.__str__(text)  # the characters checked, whatever a subclass's __str__ says


def _qualifier(approximate: bool, uncertain: bool) -> str:
    return ("%" if uncertain else "~") if approximate else ("?" if uncertain else "")


@final
@attrs.frozen(order=False)  # explicit: mypy's attrs plugin otherwise assumes ordering
class FuzzyDate:
    """A date as precise as the source and no more: one canonical EDTF string.

    Construct it from an EDTF string (validated; see the module docstring for the forms),
    or with :meth:`from_date`, :meth:`from_month`, :meth:`from_year` and :meth:`between`.
    Equality and hashing use the EDTF string only, so ``2025-07`` and
    ``2025-07-01/2025-07-31`` are different values with the same bounds. Bounds, precision
    and qualifiers are computed once per distinct string and cached.

    Args:
        edtf: the EDTF string.

    Raises:
        InvalidDateError: if *edtf* is not a supported EDTF string or names no real day.

    >>> d = FuzzyDate("2025-07-2X")
    >>> d
    FuzzyDate("2025-07-2X")
    >>> d.earliest, d.latest
    (datetime.date(2025, 7, 20), datetime.date(2025, 7, 29))
    >>> FuzzyDate("2025-06-31")
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidDateError: $: day 31 does not exist in 2025-06: '2025-06-31'
    """

    edtf: str
    _info: _Info = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        text = self.edtf
        if type(text) is not str:  # a non-str, or a str subclass stored as a plain str
            text = _check_text(text)
            object.__setattr__(self, "edtf", text)
        object.__setattr__(self, "_info", _analyse(text))

    # ----------------------------------------------------------------- constructors

    @classmethod
    def parse(cls, text: str, /) -> FuzzyDate:
        """Read an EDTF string; the exact inverse of :meth:`__str__`.

        Args:
            text: the EDTF string, without surrounding whitespace.

        Raises:
            InvalidDateError: if *text* is not a supported EDTF string.

        >>> FuzzyDate.parse("../2025-07-20")
        FuzzyDate("../2025-07-20")
        >>> FuzzyDate.parse("20250723")
        Traceback (most recent call last):
        ...
        geoevents.errors.InvalidDateError: $: EDTF basic format (no hyphens) is invalid: '20250723' (use 2025-07-23)
        """  # noqa: E501
        return cls(text)

    @classmethod
    def from_date(
        cls, d: datetime.date, /, *, approximate: bool = False, uncertain: bool = False
    ) -> FuzzyDate:
        """A single day, optionally approximate (``~``) or uncertain (``?``), or both (``%``).

        Args:
            d: the day; a :class:`datetime.datetime` is refused (use :meth:`from_datetime`).
            approximate: mark the date ``~``.
            uncertain: mark the date ``?``.

        Raises:
            InvalidDateError: if *d* is not a plain :class:`datetime.date`.

        >>> FuzzyDate.from_date(datetime.date(2025, 7, 23), approximate=True)
        FuzzyDate("2025-07-23~")
        """
        if not isinstance(d, datetime.date) or isinstance(d, datetime.datetime):
            raise InvalidDateError(
                f"from_date() needs a datetime.date, not {type(d).__name__}",
                value=d,
                hint="use from_datetime() to keep the time, or pass d.date()",
            )
        return cls(d.isoformat() + _qualifier(approximate, uncertain))

    @classmethod
    def from_datetime(cls, t: datetime.datetime, /) -> FuzzyDate:
        """A date and time to the second; ``Z`` or ``±hh:mm`` when *t* is zone-aware.

        Microseconds are dropped: EDTF level 0 has whole seconds only.

        >>> FuzzyDate.from_datetime(datetime.datetime(2025, 7, 23, 10, 0, tzinfo=datetime.UTC))
        FuzzyDate("2025-07-23T10:00:00Z")
        """
        if not isinstance(t, datetime.datetime):
            raise InvalidDateError(
                f"from_datetime() needs a datetime.datetime, not {type(t).__name__}", value=t
            )
        text = t.replace(microsecond=0, tzinfo=None).isoformat()
        offset = t.utcoffset()
        if offset is not None:
            seconds = int(offset.total_seconds())
            if seconds % 60 or offset.microseconds:
                sign, size = "-" if seconds < 0 else "+", abs(seconds)
                shown = f"{sign}{size // 3600:02d}:{size % 3600 // 60:02d}:{size % 60:02d}"
                raise InvalidDateError(
                    f"the offset {shown} has seconds, which EDTF cannot write",
                    value=t,
                    hint="convert to UTC first: t.astimezone(datetime.UTC)",
                )
            if not seconds:
                text += "Z"  # UTC however it is named (datetime.UTC, ZoneInfo("UTC")...)
            else:
                minutes = abs(seconds) // 60
                text += f"{'-' if seconds < 0 else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
        return cls(text)

    @classmethod
    def from_month(
        cls, year: int, month: int, /, *, approximate: bool = False, uncertain: bool = False
    ) -> FuzzyDate:
        """A whole calendar month.

        >>> FuzzyDate.from_month(2025, 7, uncertain=True)
        FuzzyDate("2025-07?")
        """
        _check_int("year", year, 1, 9999)
        _check_int("month", month, 1, 12)
        return cls(f"{year:04d}-{month:02d}{_qualifier(approximate, uncertain)}")

    @classmethod
    def from_year(
        cls, year: int, /, *, approximate: bool = False, uncertain: bool = False
    ) -> FuzzyDate:
        """A whole calendar year (0001..9999).

        >>> FuzzyDate.from_year(2024, approximate=True, uncertain=True)
        FuzzyDate("2024%")
        """
        _check_int("year", year, 1, 9999)
        return cls(f"{year:04d}{_qualifier(approximate, uncertain)}")

    @classmethod
    def between(cls, start: FuzzyDate | None, end: FuzzyDate | None, /) -> FuzzyDate:
        """The interval from *start* to *end*; ``None`` is an open end (``..``).

        Both endpoints must be single dates without a time of day, and the interval
        must be able to contain a day (start's earliest not after end's latest).

        >>> FuzzyDate.between(FuzzyDate("2025-07-13~"), FuzzyDate("2025-07-20"))
        FuzzyDate("2025-07-13~/2025-07-20")
        >>> FuzzyDate.between(None, FuzzyDate("2025-07"))
        FuzzyDate("../2025-07")
        """
        for which, point in (("start", start), ("end", end)):
            if point is not None and not isinstance(point, FuzzyDate):
                raise InvalidDateError(
                    f"an interval {which} must be a FuzzyDate or None, not {type(point).__name__}",
                    value=point,
                    hint="use FuzzyDate(text)",
                )
            if point is not None and (point.is_interval or point.time is not None):
                raise InvalidDateError(
                    f"an interval {which} must be a single date without a time of day",
                    value=point,
                )
        return cls(f"{'..' if start is None else start}/{'..' if end is None else end}")

    # ----------------------------------------------------------------- text

    def __str__(self) -> str:
        return self.edtf

    def __repr__(self) -> str:
        return f'FuzzyDate("{self.edtf}")'

    # ----------------------------------------------------------------- components

    @property
    def earliest(self) -> datetime.date | None:
        """The first possible day; ``None`` when unbounded (open or unknown start).

        >>> FuzzyDate("2025-24").earliest, FuzzyDate("2025-24").latest
        (datetime.date(2025, 12, 1), datetime.date(2026, 2, 28))
        """
        return self._info.earliest

    @property
    def latest(self) -> datetime.date | None:
        """The last possible day; ``None`` when unbounded (open or unknown end).

        >>> FuzzyDate("2025-07-13/..").latest is None
        True
        """
        return self._info.latest

    @property
    def precision(self) -> Precision:
        """The finest component written; for an interval, of its coarser known endpoint.

        >>> FuzzyDate("2025/2025-07-20").precision
        <Precision.YEAR: 'year'>
        """
        return self._info.precision

    @property
    def approximate(self) -> bool:
        """Whether the date (or any endpoint) is marked ``~`` or ``%``.

        >>> FuzzyDate("2025-07%").approximate
        True
        """
        return self._info.approximate

    @property
    def uncertain(self) -> bool:
        """Whether the date (or any endpoint) is marked ``?`` or ``%``.

        >>> FuzzyDate("2025-07~").uncertain
        False
        """
        return self._info.uncertain

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval ``a/b``.

        >>> FuzzyDate("/2025-07-20").is_interval
        True
        """
        return self._info.interval is not None

    @property
    def start(self) -> FuzzyDate | None:
        """An interval's start (``None`` if open or unknown); a single date's self.

        >>> FuzzyDate("2025-07-13/2025-07-20").start
        FuzzyDate("2025-07-13")
        """
        return self if self._info.interval is None else self._info.interval[0]

    @property
    def end(self) -> FuzzyDate | None:
        """An interval's end (``None`` if open or unknown); a single date's self.

        >>> FuzzyDate("2025-07-13/").end is None
        True
        """
        return self if self._info.interval is None else self._info.interval[1]

    @property
    def open_start(self) -> bool:
        """Whether the start is open (``..``), as opposed to unknown (empty) or known.

        >>> FuzzyDate("../2025").open_start, FuzzyDate("/2025").open_start
        (True, False)
        """
        return self.edtf.startswith("../")

    @property
    def open_end(self) -> bool:
        """Whether the end is open (``..``), as opposed to unknown (empty) or known.

        >>> FuzzyDate("2025/..").open_end
        True
        """
        return self.edtf.endswith("/..")

    @property
    def time(self) -> datetime.time | None:
        """The time of day, zone-aware when the string has ``Z`` or ``±hh:mm``.

        >>> FuzzyDate("2025-07-23T10:00:00+03:00").time
        datetime.time(10, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=10800)))
        """
        return self._info.time

    @property
    def span_days(self) -> int | None:
        """The number of possible days; ``None`` when unbounded.

        >>> FuzzyDate("2024-02-2X").span_days
        10
        """
        info = self._info
        if info.earliest is None or info.latest is None:
            return None
        return (info.latest - info.earliest).days + 1

    def with_qualifiers(self, *, approximate: bool, uncertain: bool) -> FuzzyDate:
        """This single date with its qualifiers replaced.

        Raises:
            InvalidDateError: for an interval or a date with a time of day.

        >>> FuzzyDate("2025-07~").with_qualifiers(approximate=False, uncertain=True)
        FuzzyDate("2025-07?")
        """
        if self.is_interval or self.time is not None:
            raise InvalidDateError(
                "qualifiers can be set only on a single date without a time of day",
                value=self.edtf,
                hint="qualify the endpoints and use FuzzyDate.between()",
            )
        return FuzzyDate(self.edtf.rstrip(_QUALIFIERS) + _qualifier(approximate, uncertain))

    # ----------------------------------------------------------------- comparison

    def sort_key(self) -> tuple[int, int, str]:
        """A key ordering by earliest day (unbounded first), then latest (unbounded last), text.

        A time with a zone offset counts at its UTC day and time, so that the order never
        contradicts :meth:`definitely_before`.

        >>> sorted([FuzzyDate("2025-07"), FuzzyDate("2025-07-01"), FuzzyDate("/2025")],
        ...        key=FuzzyDate.sort_key)
        [FuzzyDate("/2025"), FuzzyDate("2025-07-01"), FuzzyDate("2025-07")]
        """
        return self._info.sort_key

    def definitely_before(self, other: FuzzyDate, /) -> bool:
        """Whether every possible day of self is before every possible day of *other*.

        True only when both bounds are known and ``self.latest < other.earliest``: the same
        day never counts (the order within a day is unknown). Irreflexive and transitive.

        A time with a zone offset is a moment, whose calendar day depends on where it is
        read: two such times are compared as moments, and against anything else it may
        fall on the day before or after its UTC day (``2025-07-23T23:00:00-05:00`` is
        already the 24th in UTC, and still the 23rd in New York).

        >>> FuzzyDate("2025-07-22").definitely_before(FuzzyDate("2025-07-23"))
        True
        >>> FuzzyDate("2025-07-23").definitely_before(FuzzyDate("2025-07-23"))
        False
        """
        mine, theirs = self._info, other._info
        if mine.time is None and theirs.time is None:  # days only: the common case
            last, first = mine.latest, theirs.earliest
            return last is not None and first is not None and last < first
        moment, their_moment = _utc_seconds(mine), _utc_seconds(theirs)
        if moment is not None and their_moment is not None:
            return moment < their_moment  # two exact moments: compared as such
        last, first = _days(mine)[1], _days(theirs)[0]
        return last is not None and first is not None and last < first

    def possibly_before(self, other: FuzzyDate, /) -> bool:
        """Whether some possible moment of self can precede some possible moment of *other*.

        At day granularity ``self.earliest <= other.latest`` (``None`` is unbounded), so the
        same day counts: two events on 2025-07-23 may have happened in either order. This
        makes ``a.possibly_before(b) == not b.definitely_before(a)``, and
        ``definitely_before`` implies ``possibly_before``. Two times with a zone are
        compared as moments; other times of day are not compared.

        >>> FuzzyDate("2025-07-23").possibly_before(FuzzyDate("2025-07-23"))
        True
        >>> FuzzyDate("2025-07-24").possibly_before(FuzzyDate("2025-07-23"))
        False
        """
        return not other.definitely_before(self)

    def overlaps(self, other: FuzzyDate, /) -> bool:
        """Whether the two runs of possible days share a day; symmetric.

        Two times with a zone are moments: they overlap only when they are the same one.

        Equal to ``a.possibly_before(b) and b.possibly_before(a)``, and never true together
        with ``definitely_before`` in either direction.

        >>> FuzzyDate("2025-07").overlaps(FuzzyDate("2025-07-31/2025-08-02"))
        True
        """
        return not self.definitely_before(other) and not other.definitely_before(self)

    def contains(self, other: FuzzyDate, /) -> bool:
        """Whether every possible day of *other* is a possible day of self.

        A time with a zone offset is a moment: it contains only the same moment on the
        same day (written with any offset), never a run of days, however short. That
        keeps containment transitive. Contained in days, a moment counts at the day it is
        written on, as :attr:`earliest` and :attr:`latest` give it, though
        :meth:`definitely_before` allows it the days either side: a day contains a moment
        on it that a date before the day may not certainly precede.

        >>> FuzzyDate("2025-07").contains(FuzzyDate("2025-07-2X"))
        True
        >>> FuzzyDate("2025-07").contains(FuzzyDate("2025-07-31/.."))
        False
        """
        mine, theirs = self._info, other._info
        moment = _utc_seconds(mine)
        if moment is not None and (
            _utc_seconds(theirs) != moment or theirs.earliest != mine.earliest
        ):
            return False
        starts_ok = mine.earliest is None or (
            theirs.earliest is not None and mine.earliest <= theirs.earliest
        )
        ends_ok = mine.latest is None or (
            theirs.latest is not None and theirs.latest <= mine.latest
        )
        return starts_ok and ends_ok


def nested(dates: Iterable[FuzzyDate]) -> bool:
    """Whether every pair of *dates* nests: one of the two contains the other.

    Containment is transitive, so every pair nests exactly when, ordered from the widest
    to the narrowest run of possible days, each date contains the next: n log n, where
    comparing every pair would take n².

    >>> nested([FuzzyDate("2025"), FuzzyDate("2025-07-23"), FuzzyDate("2025-07")])
    True
    """

    def widest_first(date: FuzzyDate) -> tuple[int, int, bool]:
        first, last = date.earliest, date.latest
        return (
            _UNBOUNDED_START if first is None else first.toordinal(),
            -(_UNBOUNDED_END if last is None else last.toordinal()),
            _utc_seconds(date._info) is not None,  # a moment after days of the same run
        )

    chain = sorted(set(dates), key=widest_first)
    return all(a.contains(b) for a, b in itertools.pairwise(chain))


def _utc_seconds(info: _Info) -> int | None:
    """Seconds since 0001-01-01T00:00Z of a time with a zone offset; else ``None``.

    Plain integers: near year 1 or 9999 the UTC moment may lie outside what ``datetime``
    can hold.
    """
    time = info.time
    if time is None or info.earliest is None:
        return None
    offset = time.utcoffset()
    if offset is None:
        return None
    clock = time.hour * 3600 + time.minute * 60 + time.second
    return info.earliest.toordinal() * 86_400 + clock - int(offset.total_seconds())


def _says_nothing(date: FuzzyDate) -> bool:
    """Whether every day there is may be *date*'s ("XXXX", "../..", "0001-01-01/9999")."""
    lo, hi = date.earliest, date.latest
    return (lo is None or lo == datetime.date.min) and (hi is None or hi == datetime.date.max)


def may_precede(a: FuzzyDate, b: FuzzyDate, /) -> bool:
    """Whether *a* may fall strictly before *b*: on an earlier day, or earlier as a moment.

    The same day does not count, since the order within a day is unknown (unlike
    :meth:`~geoevents.temporal.FuzzyDate.possibly_before`, for which it does).

    Two zoned times are compared as moments; against anything else a zoned time may fall
    on the day before or after its UTC day, as in
    :meth:`~geoevents.temporal.FuzzyDate.definitely_before`.

    >>> may_precede(FuzzyDate("2025-07-23"), FuzzyDate("2025-07-23"))
    False
    >>> may_precede(FuzzyDate("2025-07-23T20:00:00-10:00"), FuzzyDate("2025-07-24T05:00:00Z"))
    False
    """
    mine, theirs = a._info, b._info
    if mine.time is None and theirs.time is None:
        first, last = mine.earliest, theirs.latest
    else:
        moment, their_moment = _utc_seconds(mine), _utc_seconds(theirs)
        if moment is not None and their_moment is not None:
            return moment < their_moment
        first, last = _days(mine)[0], _days(theirs)[1]
    return first is None or last is None or first < last


def _days(info: _Info) -> tuple[datetime.date | None, datetime.date | None]:
    """The days a date may fall on, wherever it is read: a zoned time, its UTC day ± 1."""
    moment = _utc_seconds(info)
    if moment is None:
        return info.earliest, info.latest
    day = moment // 86_400  # the ordinal of its UTC day
    first, last = datetime.date.min.toordinal(), datetime.date.max.toordinal()
    return (
        datetime.date.fromordinal(min(max(day - 1, first), last)),
        datetime.date.fromordinal(min(max(day + 1, first), last)),
    )


def _check_int(name: str, value: object, lo: int, hi: int) -> None:
    if type(value) is not int or not lo <= value <= hi:
        raise InvalidDateError(f"{name} must be an int in {lo}..{hi}", value=value)


class DatingMethod(enum.StrEnum):
    """How a date was obtained.

    >>> DatingMethod("resolved")
    <DatingMethod.RESOLVED: 'resolved'>
    """

    #: written in the source as a date
    STATED = "stated"
    #: computed from a relative expression ("on Wednesday") and an anchor
    RESOLVED = "resolved"
    #: judged by a person or a model from context
    INFERRED = "inferred"
    #: taken from another dataset (ACLED, UCDP, GDELT, ...)
    IMPORTED = "imported"


def _optional_text(instance: Dating, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or is_blank(value) or len(value) > _MAX_TEXT:
        raise InvalidDateError(
            f"{attribute.name} must be a non-blank str of at most {_MAX_TEXT} characters",
            path=f"$.{attribute.name}",
            value=value,
        )
    # As every other text field: no control characters, and no lone surrogates, which
    # no UTF-8 file can hold.
    if not value.isprintable() and has_control(value, allow_newlines=True):
        raise InvalidDateError(
            "contains control characters", path=f"$.{attribute.name}", value=value
        )


def _check_date(instance: Dating, attribute: attrs.Attribute[FuzzyDate], value: object) -> None:
    if not isinstance(value, FuzzyDate):
        raise InvalidDateError(
            f"date must be a FuzzyDate, not {type(value).__name__}",
            path="$.date",
            value=value,
            hint="use FuzzyDate.parse() or Dating.stated()",
        )


def _check_method(
    instance: Dating, attribute: attrs.Attribute[DatingMethod], value: object
) -> None:
    if not isinstance(value, DatingMethod):
        raise InvalidDateError(
            "method must be a DatingMethod",
            path="$.method",
            value=value,
            expected=", ".join(f"DatingMethod.{m.name}" for m in DatingMethod),
        )


def _check_anchor(
    instance: Dating, attribute: attrs.Attribute[datetime.date | None], value: object
) -> None:
    if value is not None and (
        not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
    ):
        raise InvalidDateError(
            f"anchor must be a datetime.date, not {type(value).__name__}",
            path="$.anchor",
            value=value,
            hint="pass the anchor's local calendar day, e.g. published.date()",
        )


@final
@attrs.frozen(kw_only=True, order=False)
class Dating:
    """A :class:`FuzzyDate` plus how it was obtained, so it can be checked and recomputed.

    Args:
        date: the date.
        method: how it was obtained.
        expression: the wording in the source, e.g. ``"on Wednesday"``.
        anchor: the reference day a relative expression was resolved against.
        rule: the rule applied, e.g. ``"latest Wednesday on or before the anchor"``.

    Raises:
        InvalidDateError: if a field has the wrong type, ``expression`` or ``rule`` is
            blank or longer than 500 characters, or a ``RESOLVED`` dating lacks its
            ``expression`` or ``anchor``.

    >>> Dating.stated("2025-07-23").latest
    datetime.date(2025, 7, 23)
    >>> Dating(date=FuzzyDate("2025-07-23"), method=DatingMethod.RESOLVED)
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidDateError: $.expression: a resolved dating needs both expression and anchor (record method='inferred' if the anchor is unknown)
    """  # noqa: E501

    date: FuzzyDate = attrs.field(validator=_check_date)
    method: DatingMethod = attrs.field(default=DatingMethod.STATED, validator=_check_method)
    expression: str | None = attrs.field(default=None, validator=_optional_text)
    anchor: datetime.date | None = attrs.field(default=None, validator=_check_anchor)
    rule: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        raise_first(self._problems())

    def _problems(self) -> list[InvalidDateError]:
        """The rule across fields the dating breaks, if it does."""
        if self.method is DatingMethod.RESOLVED and (
            self.expression is None or self.anchor is None
        ):
            return [
                InvalidDateError(
                    "a resolved dating needs both expression and anchor",
                    path="$.anchor" if self.expression is not None else "$.expression",
                    hint="record method='inferred' if the anchor is unknown",
                )
            ]
        return []

    @classmethod
    def stated(cls, text: str, /) -> Dating:
        """A date written in the source as EDTF-expressible text, method ``STATED``.

        >>> Dating.stated("2025-07").date
        FuzzyDate("2025-07")
        """
        return cls(date=FuzzyDate.parse(text))

    @property
    def earliest(self) -> datetime.date | None:
        """The first possible day of :attr:`date`.

        >>> Dating.stated("2025-07").earliest
        datetime.date(2025, 7, 1)
        """
        return self.date.earliest

    @property
    def latest(self) -> datetime.date | None:
        """The last possible day of :attr:`date`.

        >>> Dating.stated("2025-07").latest
        datetime.date(2025, 7, 31)
        """
        return self.date.latest

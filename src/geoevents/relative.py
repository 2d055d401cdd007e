"""Resolve relative date expressions in news text ("on Wednesday", "last week") to dates.

News rarely prints the date of what it reports: it says "on Wednesday" or "earlier this
month" and leaves the reader to count back from the publication date. :func:`resolve_date`
does that counting for a small, explicit set of expressions, and returns a
:class:`~geoevents.temporal.Dating` that keeps the wording, the anchor and the rule, so the
date can be recomputed when a page turns out to have been redated or syndicated later.

It never guesses. Expressions whose meaning differs between readers ("last Wednesday" is
the most recent Wednesday to some and the Wednesday of last week to others) and vague ones
("recently", "a few days ago") raise :class:`~geoevents.errors.InvalidDateError`: resolve
them by hand and record ``method=DatingMethod.INFERRED``.

The rules, against an anchor (the reference day, in the report's local calendar):

=================================  ============================================================
``Wednesday``, ``on Wednesday``    the latest Wednesday on or before the anchor (the anchor
                                   itself when it is a Wednesday)
``yesterday``/``today``/           the day before / the anchor / the day after
``tomorrow``
``last week``, ``next week``       the calendar week (Monday-Sunday) before / after the anchor's
``this week``                      Monday of the anchor's week to the anchor
``earlier this week``/``month``    Monday / the 1st of the anchor's week / month to the day
                                   before the anchor (an error when that is empty)
``last``/``this``/``next month``   that calendar month (month precision)
``last``/``this``/``next year``    that calendar year (year precision)
``last weekend``                   the Saturday-Sunday before the anchor (an error on a
                                   Saturday or Sunday anchor, where it is ambiguous)
``N days ago``                     exactly N days before the anchor
``N weeks ago``                    7N days before the anchor, approximate (``~``)
``N months ago``                   the month N months before the anchor's, approximate
``N years ago``                    the year N years before the anchor's, approximate
``July``, ``in July``              the most recent July that began on or before the anchor
``early``/``mid``/``late July``    days 1-10 / 11-20 / 21-end of the most recent such part of
                                   July that began on or before the anchor
``July 23``, ``23 July``           the most recent July 23 on or before the anchor
``early``/``mid``/``late 2024``    2024-01/2024-04, 2024-05/2024-08, 2024-09/2024-12
``2024``, ``July 2024``,           the stated year, month or day
``July 23, 2024``
=================================  ============================================================

N is a number 1-9999 in digits, a word from one to twelve, or "a"/"an". Matching ignores
case and surrounding or repeated whitespace. Periods are whole calendar periods, so "July"
or "late July" said on 24 July extends past the anchor: the expression has no tense, and
"talks are due in late July" is as common as "fighting in late July". Every past-looking
expression resolves to a date whose earliest day is on or before the anchor; day-level ones
(weekdays, yesterday, last week, ago) lie entirely on or before it.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Final

from dateutil.relativedelta import MO, SA, relativedelta, weekday

from geoevents._checks import has_control
from geoevents.errors import InvalidDateError
from geoevents.temporal import Dating, DatingMethod, FuzzyDate

__all__ = ["resolve_date"]

#: Longer expressions are refused before any matching.
_MAX_EXPRESSION_LENGTH: Final = 200

_HINT: Final = "resolve by hand and record method='inferred'"
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES: Final = dict(enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"), start=1))  # fmt: skip
_MONTHS: Final = {
    **{name.lower(): i for i, name in _MONTH_NAMES.items()},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_NUMBERS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_WD: Final = "|".join(_WEEKDAYS)
_MO: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUM: Final = "[1-9][0-9]{0,3}|0|" + "|".join(_NUMBERS)  # no leading zeros ("0001")
_ORD: Final = "(?P<ord>st|nd|rd|th)?"

_WEEKDAY_RE: Final = re.compile(rf"(?:on )?(?P<wd>{_WD})")
_AGO_RE: Final = re.compile(rf"(?P<n>{_NUM}) (?P<unit>day|week|month|year)(?P<s>s?) ago")
_MONTH_RE: Final = re.compile(
    rf"(?:in )?(?:(?P<part>early|mid|late)[- ])?(?P<month>{_MO})(?:,? (?P<year>[0-9]{{4}}))?"
)
_YEAR_RE: Final = re.compile(r"(?:in )?(?:(?P<part>early|mid|late)[- ])?(?P<year>[0-9]{4})")
_MONTH_DAY_RE: Final = re.compile(
    rf"(?:on )?(?P<month>{_MO}) (?P<day>[0-9]{{1,2}}){_ORD}(?:,? (?P<year>[0-9]{{4}}))?"
)
_DAY_MONTH_RE: Final = re.compile(
    rf"(?:on )?(?:the )?(?P<day>[0-9]{{1,2}}){_ORD} (?:of )?(?P<month>{_MO})"
    r"(?:,? (?P<year>[0-9]{4}))?"
)
_QUALIFIED_WEEKDAY_RE: Final = re.compile(
    rf"(?:on )?(?P<which>last|next|this|coming|past) (?:{_WD})"
)
_VAGUE_AGO_RE: Final = re.compile(
    r"(?:a few|few|several|some|many|a couple of|a couple|couple of|a number of|dozens of)"
    r" (?:day|week|month|year)s? ago"
)
_VAGUE: Final = frozenset(
    {
        "recently", "lately", "soon", "the other day", "earlier", "later", "in recent days",
        "in recent weeks", "in recent months", "shortly", "some time ago", "a while ago",
        "not long ago",
    }
)  # fmt: skip
_WEEKEND_AMBIGUOUS: Final = {
    "this weekend": "the weekend just past or the coming one",
    "over the weekend": "the weekend just past or the coming one",
    "at the weekend": "the weekend just past or the coming one",
    "next weekend": "the coming weekend or the one after it",
}
_WEEKDAY_REASONS: Final = {
    "last": "the most recent {wd} or the {wd} of last week",
    "past": "the most recent {wd} or the {wd} of last week",
    "next": "the coming {wd} or the {wd} of next week",
    "coming": "the coming {wd} or the {wd} of next week",
    "this": "the {wd} of this week before or after the anchor",
}


def _error(message: str, expression: str, hint: str | None = _HINT) -> InvalidDateError:
    return InvalidDateError(
        message,
        value=expression,
        expected="a supported relative date expression (see geoevents.relative)",
        hint=hint,
    )


def _span(start: datetime.date, end: datetime.date) -> FuzzyDate:
    """A single day when *start* is *end*, else the interval of days between them."""
    if start == end:
        return FuzzyDate.from_date(start)
    return FuzzyDate.between(FuzzyDate.from_date(start), FuzzyDate.from_date(end))


def _monday(day: datetime.date) -> datetime.date:
    return day + relativedelta(weekday=MO(-1))


def _month_of(day: datetime.date) -> FuzzyDate:
    return FuzzyDate.from_month(day.year, day.month)


def resolve_date(expression: str, reference: datetime.date, /) -> Dating:
    """Resolve a relative date *expression* from news text against the *reference* day.

    See the module docstring for the supported expressions and their rules.

    Args:
        expression: the wording in the text, e.g. ``"on Wednesday"``; kept verbatim.
        reference: the anchor, usually the publication day in the report's local calendar.

    Returns:
        A :class:`~geoevents.temporal.Dating` with method ``RESOLVED``, the expression,
        the anchor and the rule applied.

    Raises:
        InvalidDateError: if the expression is unknown, ambiguous or vague, empty or longer
            than 200 characters, denotes no day (``"June 31"``), or resolves outside the
            years 0001..9999; or if *reference* is not a :class:`datetime.date`.

    >>> thursday = datetime.date(2025, 7, 24)
    >>> d = resolve_date("on Wednesday", thursday)
    >>> d.date, d.rule
    (FuzzyDate("2025-07-23"), 'latest Wednesday on or before the anchor')
    >>> resolve_date("last week", thursday).date
    FuzzyDate("2025-07-14/2025-07-20")
    >>> resolve_date("last Wednesday", thursday)
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidDateError: $: ambiguous: it can mean the most recent Wednesday or the Wednesday of last week: 'last Wednesday' (resolve by hand and record method='inferred')
    """  # noqa: E501
    if not isinstance(expression, str):
        raise InvalidDateError(
            f"expression must be a str, not {type(expression).__name__}", value=expression
        )
    if not isinstance(reference, datetime.date) or isinstance(reference, datetime.datetime):
        raise InvalidDateError(
            f"reference must be a datetime.date, not {type(reference).__name__}",
            value=reference,
            hint="pass the reference's local calendar day, e.g. published.date()",
        )
    if len(expression) > _MAX_EXPRESSION_LENGTH:
        raise _error(
            f"expression too long ({len(expression)} > {_MAX_EXPRESSION_LENGTH} characters)",
            expression,
            hint=None,
        )
    if has_control(expression, allow_newlines=True):  # as Dating.expression allows
        raise _error("contains control characters", expression, hint=None)
    text = " ".join(expression.split()).replace("\u2013", "-")
    if not text:
        raise _error("empty expression", expression, hint=None)
    if not text.isascii():  # English phrases only; lower() would read "\u212a" (Kelvin) as "k"
        raise _error("not a supported relative date expression", expression)
    text = text.lower()
    try:
        date, rule = _resolve(text, reference, expression)
    except InvalidDateError as exc:
        if exc.value is expression:
            raise
        raise _out_of_range(expression, reference) from exc
    except (OverflowError, ValueError) as exc:
        raise _out_of_range(expression, reference) from exc
    return Dating(
        date=date,
        method=DatingMethod.RESOLVED,
        expression=expression,
        anchor=reference,
        rule=rule,
    )


def _out_of_range(expression: str, reference: datetime.date) -> InvalidDateError:
    return _error(
        f"against {reference.isoformat()} this resolves outside the years 0001..9999",
        expression,
        hint=None,
    )


def _resolve(text: str, ref: datetime.date, expression: str) -> tuple[FuzzyDate, str]:
    """Dispatch on the normalised *text*; errors name the verbatim *expression*."""
    fixed = _fixed(text, ref, expression)
    if fixed is not None:
        return fixed
    if match := _WEEKDAY_RE.fullmatch(text):
        number = _WEEKDAYS.index(match["wd"])
        name = match["wd"].capitalize()
        return (
            FuzzyDate.from_date(ref + relativedelta(weekday=weekday(number)(-1))),
            f"latest {name} on or before the anchor",
        )
    if match := _AGO_RE.fullmatch(text):
        return _ago(match["n"], match["unit"] + match["s"], ref, expression)
    if match := _MONTH_DAY_RE.fullmatch(text) or _DAY_MONTH_RE.fullmatch(text):
        day = int(match["day"])
        if match["ord"] not in (None, _ordinal(day)):
            raise _error(
                f"{match['day']}{match['ord']} is not an ordinal",
                expression,
                hint=f"write {day}{_ordinal(day)}",
            )
        return _month_day(_MONTHS[match["month"]], day, match["year"], ref, expression)
    if match := _MONTH_RE.fullmatch(text):
        return _month(_MONTHS[match["month"]], match["part"], match["year"], ref)
    if match := _YEAR_RE.fullmatch(text):
        year, part = int(match["year"]), match["part"]
        if part is None:
            return FuzzyDate.from_year(year), "the stated year"
        first, last = _YEAR_PARTS[part]
        return (
            FuzzyDate.between(FuzzyDate.from_month(year, first), FuzzyDate.from_month(year, last)),
            f"{_MONTH_NAMES[first]}-{_MONTH_NAMES[last]} ({part}) of the stated year",
        )
    raise _explain(text, expression)


def _fixed(text: str, ref: datetime.date, expression: str) -> tuple[FuzzyDate, str] | None:
    """The fixed phrases, or ``None`` when *text* is none of them."""
    one_day = datetime.timedelta(days=1)
    monday = _monday(ref)
    if text == "yesterday":
        return FuzzyDate.from_date(ref - one_day), "the day before the anchor"
    if text == "today":
        return FuzzyDate.from_date(ref), "the anchor day"
    if text == "tomorrow":
        return FuzzyDate.from_date(ref + one_day), "the day after the anchor (future)"
    if text == "last week":
        start = monday - datetime.timedelta(days=7)
        return _span(start, start + datetime.timedelta(days=6)), (
            "the calendar week (Monday-Sunday) before the anchor's week"
        )
    if text == "this week":
        return _span(monday, ref), "Monday of the anchor's week to the anchor"
    if text == "next week":
        start = monday + datetime.timedelta(days=7)
        return _span(start, start + datetime.timedelta(days=6)), (
            "the calendar week (Monday-Sunday) after the anchor's week (future)"
        )
    if text == "earlier this week":
        if ref == monday:
            raise _error("'earlier this week' is empty when the anchor is a Monday", expression)
        return _span(monday, ref - one_day), (
            "Monday of the anchor's week to the day before the anchor"
        )
    if text == "earlier this month":
        if ref.day == 1:
            raise _error(
                "'earlier this month' is empty when the anchor is the 1st of a month",
                expression,
            )
        return _span(ref.replace(day=1), ref - one_day), (
            "the 1st of the anchor's month to the day before the anchor"
        )
    if text == "last month":
        return _month_of(ref - relativedelta(months=1)), "the calendar month before the anchor's"
    if text == "this month":
        return _month_of(ref), "the anchor's calendar month"
    if text == "next month":
        return _month_of(ref + relativedelta(months=1)), (
            "the calendar month after the anchor's (future)"
        )
    if text == "last year":
        return FuzzyDate.from_year(ref.year - 1), "the calendar year before the anchor's"
    if text == "this year":
        return FuzzyDate.from_year(ref.year), "the anchor's calendar year"
    if text == "next year":
        return FuzzyDate.from_year(ref.year + 1), "the calendar year after the anchor's (future)"
    if text == "last weekend":
        if ref.weekday() >= 5:
            raise _error(
                "ambiguous on a Saturday or Sunday anchor: 'last weekend' can mean this "
                "weekend or the one before",
                expression,
            )
        saturday = ref + relativedelta(weekday=SA(-1))
        return _span(saturday, saturday + one_day), (
            "the Saturday-Sunday weekend before the anchor"
        )
    return None


def _ago(number: str, units: str, ref: datetime.date, expression: str) -> tuple[FuzzyDate, str]:
    n = _NUMBERS[number] if number in _NUMBERS else int(number)
    if n < 1:
        raise _error("'ago' needs a count of at least 1", expression, hint="use 'today'")
    unit = units.removesuffix("s")
    if number == "an" or (n == 1) != (units == unit):  # "an week", "two day", "one days"
        word = "a" if number == "an" else number
        fixed = f"{word} {unit}{'' if n == 1 else 's'} ago"
        raise _error("not a supported relative date expression", expression, f"write {fixed!r}")
    plural = f"{n} {unit}{'' if n == 1 else 's'}"
    if unit == "day":
        return FuzzyDate.from_date(ref - datetime.timedelta(days=n)), (
            f"{plural} before the anchor"
        )
    if unit == "week":
        day = ref - datetime.timedelta(days=7 * n)
        return FuzzyDate.from_date(day, approximate=True), (
            f"{7 * n} days ({plural}) before the anchor, approximate"
        )
    if unit == "month":
        day = ref - relativedelta(months=n)
        return FuzzyDate.from_month(day.year, day.month, approximate=True), (
            f"the month {plural} before the anchor's, approximate"
        )
    return FuzzyDate.from_year(ref.year - n, approximate=True), (
        f"the year {plural} before the anchor's, approximate"
    )


def _month_day(
    month: int, day: int, year: str | None, ref: datetime.date, expression: str
) -> tuple[FuzzyDate, str]:
    name = _MONTH_NAMES[month]
    if not 1 <= day <= (29 if month == 2 else _days_in(2001, month)):
        raise _error(f"{name} {day} does not exist", expression, hint=None)
    if year is not None:
        if month == 2 and day == 29 and _days_in(int(year), 2) == 28:
            raise _error(f"{year} is not a leap year", expression, hint=None)
        return FuzzyDate.from_date(datetime.date(int(year), month, day)), "the stated date"
    candidate = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    while month == 2 and day == 29 and _days_in(candidate, 2) == 28:
        candidate -= 1
    return (
        FuzzyDate.from_date(datetime.date(candidate, month, day)),
        f"the most recent {name} {day} on or before the anchor",
    )


def _month(
    month: int, part: str | None, year: str | None, ref: datetime.date
) -> tuple[FuzzyDate, str]:
    name = _MONTH_NAMES[month]
    first_day, last_day = _PARTS[part] if part is not None else (1, 31)
    if year is not None:
        target, rule = int(year), f"{name} of the stated year"
    else:
        target = ref.year if (month, first_day) <= (ref.month, ref.day) else ref.year - 1
        rule = f"the most recent {name} whose day {first_day} is on or before the anchor"
    if part is None:
        if year is None:
            rule = f"the most recent {name} that began on or before the anchor"
        return FuzzyDate.from_month(target, month), rule
    last_day = min(last_day, _days_in(target, month))
    return (
        _span(datetime.date(target, month, first_day), datetime.date(target, month, last_day)),
        f"days {first_day}-{last_day} ({part}) of {rule}",
    )


def _ordinal(day: int) -> str:
    """The English ordinal suffix of *day*: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]  # December 9999 has no following month


def _explain(text: str, expression: str) -> InvalidDateError:
    """The error for an expression no rule matched: ambiguous, vague or unknown."""
    if match := _QUALIFIED_WEEKDAY_RE.fullmatch(text):
        wd = text.rsplit(" ", 1)[1].capitalize()
        reason = _WEEKDAY_REASONS[match["which"]].format(wd=wd)
        return _error(f"ambiguous: it can mean {reason}", expression)
    if text in _WEEKEND_AMBIGUOUS:
        return _error(f"ambiguous: it can mean {_WEEKEND_AMBIGUOUS[text]}", expression)
    if text in _VAGUE or _VAGUE_AGO_RE.fullmatch(text):
        return _error("vague: it names no definite day or period", expression)
    if text.startswith("since "):
        return _error(
            "'since ...' is an open interval up to the report, not supported",
            expression,
            hint="resolve the start and use FuzzyDate.between(start, anchor day)",
        )
    return _error("unrecognised relative date expression", expression)

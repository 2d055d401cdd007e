"""Tests for geoevents.relative.resolve_date against exact expected dates."""

from __future__ import annotations

import datetime
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents.errors import InvalidDateError
from geoevents.relative import resolve_date
from geoevents.temporal import DatingMethod, FuzzyDate

THURSDAY = date(2025, 7, 24)  # the fixed reference of these tests


def resolved(expression: str, reference: date = THURSDAY) -> str:
    """The EDTF string *expression* resolves to against *reference*."""
    return str(resolve_date(expression, reference).date)


class TestWeekdays:
    """A bare weekday is the latest such day on or before the reference."""

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("on Monday", "2025-07-21"),
            ("on Tuesday", "2025-07-22"),
            ("on Wednesday", "2025-07-23"),
            ("Wednesday", "2025-07-23"),
            ("on Thursday", "2025-07-24"),
            ("on Friday", "2025-07-18"),
            ("on Saturday", "2025-07-19"),
            ("on Sunday", "2025-07-20"),
        ],
    )
    def test_weekday(self, expression: str, expected: str) -> None:
        """Each weekday resolves to the exact day against Thursday 2025-07-24."""
        assert resolved(expression) == expected

    @pytest.mark.parametrize("expression", ["ON WEDNESDAY", "  on   wednesday\n", "\tWednesday "])
    def test_case_and_whitespace(self, expression: str) -> None:
        """Case and surrounding or repeated whitespace are ignored."""
        assert resolved(expression) == "2025-07-23"

    def test_rule_and_provenance(self) -> None:
        """The result keeps the verbatim expression, the anchor and a readable rule."""
        d = resolve_date("  On Wednesday", THURSDAY)
        assert d.method is DatingMethod.RESOLVED
        assert d.expression == "  On Wednesday"
        assert d.anchor == THURSDAY
        assert d.rule == "latest Wednesday on or before the anchor"


class TestDayWords:
    """Yesterday, today and tomorrow."""

    @pytest.mark.parametrize(
        ("expression", "expected", "rule"),
        [
            ("yesterday", "2025-07-23", "the day before the anchor"),
            ("today", "2025-07-24", "the anchor day"),
            ("tomorrow", "2025-07-25", "the day after the anchor (future)"),
        ],
    )
    def test_day_words(self, expression: str, expected: str, rule: str) -> None:
        """Each resolves to one exact day, the future one saying so in its rule."""
        d = resolve_date(expression, THURSDAY)
        assert (str(d.date), d.rule) == (expected, rule)


class TestWeeks:
    """Calendar weeks run Monday to Sunday."""

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("last week", "2025-07-14/2025-07-20"),
            ("this week", "2025-07-21/2025-07-24"),
            ("earlier this week", "2025-07-21/2025-07-23"),
            ("next week", "2025-07-28/2025-08-03"),
        ],
    )
    def test_weeks(self, expression: str, expected: str) -> None:
        """Week expressions resolve to exact intervals against Thursday 2025-07-24."""
        assert resolved(expression) == expected

    def test_this_week_on_monday(self) -> None:
        """On a Monday, 'this week' is that single day."""
        assert resolved("this week", date(2025, 7, 21)) == "2025-07-21"

    def test_earlier_this_week_on_tuesday(self) -> None:
        """On a Tuesday, 'earlier this week' is the Monday alone."""
        assert resolved("earlier this week", date(2025, 7, 22)) == "2025-07-21"

    def test_earlier_this_week_on_monday(self) -> None:
        """On a Monday, 'earlier this week' is empty and refused."""
        with pytest.raises(InvalidDateError, match="empty when the anchor is a Monday"):
            resolve_date("earlier this week", date(2025, 7, 21))

    def test_last_week_across_years(self) -> None:
        """'last week' crosses a year boundary correctly."""
        assert resolved("last week", date(2025, 1, 2)) == "2024-12-23/2024-12-29"


class TestMonthsAndYears:
    """Calendar months and years relative to the reference."""

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("earlier this month", "2025-07-01/2025-07-23"),
            ("last month", "2025-06"),
            ("this month", "2025-07"),
            ("next month", "2025-08"),
            ("last year", "2024"),
            ("this year", "2025"),
            ("next year", "2026"),
        ],
    )
    def test_months_and_years(self, expression: str, expected: str) -> None:
        """Month and year expressions resolve exactly against Thursday 2025-07-24."""
        assert resolved(expression) == expected

    def test_last_month_in_january(self) -> None:
        """'last month' in January is the previous December."""
        assert resolved("last month", date(2025, 1, 15)) == "2024-12"

    def test_earlier_this_month_on_the_second(self) -> None:
        """On the 2nd, 'earlier this month' is the 1st alone."""
        assert resolved("earlier this month", date(2025, 7, 2)) == "2025-07-01"

    def test_earlier_this_month_on_the_first(self) -> None:
        """On the 1st, 'earlier this month' is empty and refused."""
        with pytest.raises(InvalidDateError, match="empty when the anchor is the 1st"):
            resolve_date("earlier this month", date(2025, 7, 1))


class TestAgo:
    """Counts back: days exactly, longer units approximately."""

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("three days ago", "2025-07-21"),
            ("1 day ago", "2025-07-23"),
            ("a day ago", "2025-07-23"),
            ("twelve days ago", "2025-07-12"),
            ("two weeks ago", "2025-07-10~"),
            ("2 weeks ago", "2025-07-10~"),
            ("a week ago", "2025-07-17~"),
            ("a month ago", "2025-06~"),
            ("eight months ago", "2024-11~"),
            ("a year ago", "2024~"),
            ("10 years ago", "2015~"),
        ],
    )
    def test_ago(self, expression: str, expected: str) -> None:
        """Each count resolves exactly against Thursday 2025-07-24."""
        assert resolved(expression) == expected

    def test_rule(self) -> None:
        """The rule states the arithmetic and the approximation."""
        assert resolve_date("two weeks ago", THURSDAY).rule == (
            "14 days (2 weeks) before the anchor, approximate"
        )

    def test_zero(self) -> None:
        """A zero count is refused, pointing to 'today'."""
        with pytest.raises(InvalidDateError, match="at least 1") as info:
            resolve_date("0 days ago", THURSDAY)
        assert info.value.hint == "use 'today'"

    @pytest.mark.parametrize(
        ("expression", "hint"),
        [
            ("an week ago", "write 'a week ago'"),
            ("one days ago", "write 'one day ago'"),
            ("1 days ago", "write '1 day ago'"),
            ("two day ago", "write 'two days ago'"),
        ],
    )
    def test_number_and_unit_agree(self, expression: str, hint: str) -> None:
        """A count and its unit must agree; the error says how to write it."""
        with pytest.raises(InvalidDateError) as info:
            resolve_date(expression, THURSDAY)
        assert (info.value.path, info.value.hint) == ("$", hint)

    @pytest.mark.parametrize(
        "expression",
        ["0001 days ago", "07 days ago", "23 July,", "the 23rd of July,", "last wee\u212a"],
    )
    def test_malformed_is_refused(self, expression: str) -> None:
        """Leading zeros, a dangling comma, look-alike letters (Kelvin K): never read."""
        with pytest.raises(InvalidDateError) as info:
            resolve_date(expression, THURSDAY)
        assert info.value.path == "$"

    @pytest.mark.parametrize("expression", ["on\x1cwednesday", "yesterday\x85", "last\rweek"])
    def test_control_characters(self, expression: str) -> None:
        """Control characters are refused by resolve_date itself, at the expression."""
        with pytest.raises(InvalidDateError) as info:
            resolve_date(expression, THURSDAY)
        assert (info.value.path, info.value.message) == ("$", "contains control characters")

    def test_a_year_after_a_comma(self) -> None:
        """The comma belongs before a year: '23 July, 2025' reads, '23 July,' does not."""
        assert str(resolve_date("23 July, 2025", THURSDAY).date) == "2025-07-23"


class TestMonthNames:
    """A yearless month is the most recent one that began on or before the reference."""

    @pytest.mark.parametrize(
        ("expression", "expected", "reference"),
        [
            ("July", "2025-07", THURSDAY),
            ("in July", "2025-07", THURSDAY),
            ("in June", "2025-06", THURSDAY),
            ("August", "2024-08", THURSDAY),
            ("in Dec", "2024-12", THURSDAY),
            ("December", "2024-12", date(2025, 1, 1)),
            ("January", "2025-01", date(2025, 1, 1)),
            ("July 2024", "2024-07", THURSDAY),
            ("in September, 2026", "2026-09", THURSDAY),
        ],
    )
    def test_month(self, expression: str, expected: str, reference: date) -> None:
        """Months resolve to the expected month precision value."""
        assert resolved(expression, reference) == expected

    @pytest.mark.parametrize(
        ("expression", "expected", "reference"),
        [
            ("mid-July", "2025-07-11/2025-07-20", THURSDAY),
            ("mid July", "2025-07-11/2025-07-20", THURSDAY),
            ("in mid–July", "2025-07-11/2025-07-20", THURSDAY),
            ("early July", "2025-07-01/2025-07-10", THURSDAY),
            ("late July", "2025-07-21/2025-07-31", THURSDAY),
            ("in late June", "2025-06-21/2025-06-30", THURSDAY),
            ("late December", "9999-12-21/9999-12-31", date(9999, 12, 31)),
            ("early December 9999", "9999-12-01/9999-12-10", THURSDAY),
            ("late February", "2025-02-21/2025-02-28", THURSDAY),
            ("late February", "2024-02-21/2024-02-29", date(2024, 7, 1)),
            ("mid-July", "2024-07-11/2024-07-20", date(2025, 7, 5)),
            ("late July 2024", "2024-07-21/2024-07-31", THURSDAY),
        ],
    )
    def test_month_parts(self, expression: str, expected: str, reference: date) -> None:
        """Early, mid and late are days 1-10, 11-20 and 21 to the end of the month."""
        assert resolved(expression, reference) == expected

    @pytest.mark.parametrize("expression", ["latejuly", "midJuly", "in earlyJune", "late2025"])
    def test_parts_are_words(self, expression: str) -> None:
        """Early, mid and late stand apart from the month or year (by a space or a hyphen)."""
        with pytest.raises(InvalidDateError, match="unrecognised relative date expression"):
            resolve_date(expression, THURSDAY)

    def test_part_rule(self) -> None:
        """The rule names the days and how the year was chosen."""
        assert resolve_date("mid-July", THURSDAY).rule == (
            "days 11-20 (mid) of the most recent July whose day 11 is on or before the anchor"
        )


class TestMonthDays:
    """A yearless day of a month is the most recent one on or before the reference."""

    @pytest.mark.parametrize(
        ("expression", "expected", "reference"),
        [
            ("July 23", "2025-07-23", THURSDAY),
            ("23 July", "2025-07-23", THURSDAY),
            ("July 23rd", "2025-07-23", THURSDAY),
            ("on the 23rd of July", "2025-07-23", THURSDAY),
            ("on July 24", "2025-07-24", THURSDAY),
            ("July 25", "2024-07-25", THURSDAY),
            ("Feb 29", "2024-02-29", THURSDAY),
            ("February 29", "2020-02-29", date(2024, 2, 28)),
            ("July 23, 2024", "2024-07-23", THURSDAY),
            ("23 July 2024", "2024-07-23", THURSDAY),
        ],
    )
    def test_month_day(self, expression: str, expected: str, reference: date) -> None:
        """Days of months resolve to the exact expected day."""
        assert resolved(expression, reference) == expected

    @pytest.mark.parametrize(
        ("expression", "message"),
        [
            ("June 31", "June 31 does not exist"),
            ("February 30", "February 30 does not exist"),
            ("July 0", "July 0 does not exist"),
            ("February 29, 2025", "2025 is not a leap year"),
        ],
    )
    def test_impossible_days(self, expression: str, message: str) -> None:
        """Days that do not exist are refused."""
        with pytest.raises(InvalidDateError, match=message):
            resolve_date(expression, THURSDAY)

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("July 1st", "2025-07-01"),
            ("2nd July", "2025-07-02"),
            ("on the 3rd of July", "2025-07-03"),
            ("July 11th", "2025-07-11"),
            ("12th July", "2025-07-12"),
            ("the 13th of July", "2025-07-13"),
            ("July 21st", "2025-07-21"),
            ("22nd July", "2025-07-22"),
            ("May 31st", "2025-05-31"),
        ],
    )
    def test_ordinals(self, expression: str, expected: str) -> None:
        """A day may carry its English ordinal suffix, 11th to 13th included."""
        assert resolved(expression, THURSDAY) == expected

    @pytest.mark.parametrize(
        ("expression", "message", "hint"),
        [
            ("3th July", "3th is not an ordinal", "write 3rd"),
            ("July 21th", "21th is not an ordinal", "write 21st"),
            ("11st of July", "11st is not an ordinal", "write 11th"),
            ("July 22th, 2024", "22th is not an ordinal", "write 22nd"),
            ("the 1nd of June", "1nd is not an ordinal", "write 1st"),
        ],
    )
    def test_wrong_ordinals(self, expression: str, message: str, hint: str) -> None:
        """A suffix that does not go with its day is a misreading, not a date."""
        with pytest.raises(InvalidDateError, match=message) as caught:
            resolve_date(expression, THURSDAY)
        assert caught.value.hint == hint


class TestYears:
    """Stated years and their parts."""

    @pytest.mark.parametrize(
        ("expression", "expected"),
        [
            ("late 2024", "2024-09/2024-12"),
            ("in late 2024", "2024-09/2024-12"),
            ("early 2024", "2024-01/2024-04"),
            ("mid-2024", "2024-05/2024-08"),
            ("in 2024", "2024"),
        ],
    )
    def test_years(self, expression: str, expected: str) -> None:
        """Year parts are four-month intervals of month precision."""
        assert resolved(expression) == expected

    def test_rule(self) -> None:
        """The rule names the months."""
        assert resolve_date("late 2024", THURSDAY).rule == (
            "September-December (late) of the stated year"
        )


class TestWeekends:
    """'last weekend' is the Saturday and Sunday before the reference."""

    @pytest.mark.parametrize(
        ("reference", "expected"),
        [(THURSDAY, "2025-07-19/2025-07-20"), (date(2025, 7, 21), "2025-07-19/2025-07-20")],
    )
    def test_last_weekend(self, reference: date, expected: str) -> None:
        """On a weekday, it is the weekend just past."""
        assert resolved("last weekend", reference) == expected

    @pytest.mark.parametrize("reference", [date(2025, 7, 19), date(2025, 7, 20)])
    def test_weekend_reference_is_ambiguous(self, reference: date) -> None:
        """On a Saturday or Sunday, it could be this weekend or the one before."""
        with pytest.raises(InvalidDateError, match="ambiguous on a Saturday or Sunday"):
            resolve_date("last weekend", reference)


class TestAmbiguousAndVague:
    """Expressions with several readings, or none definite, are refused, never guessed."""

    @pytest.mark.parametrize(
        ("expression", "reason"),
        [
            ("last Wednesday", "the most recent Wednesday or the Wednesday of last week"),
            ("past Friday", "the most recent Friday or the Friday of last week"),
            ("next Wednesday", "the coming Wednesday or the Wednesday of next week"),
            ("on coming Monday", "the coming Monday or the Monday of next week"),
            ("this Tuesday", "the Tuesday of this week before or after the anchor"),
            ("this weekend", "the weekend just past or the coming one"),
            ("next weekend", "the coming weekend or the one after it"),
        ],
    )
    def test_ambiguous(self, expression: str, reason: str) -> None:
        """Ambiguous expressions name both readings and suggest recording an inference."""
        with pytest.raises(InvalidDateError) as info:
            resolve_date(expression, THURSDAY)
        assert info.value.message == f"ambiguous: it can mean {reason}"
        assert info.value.hint == "resolve by hand and record method='inferred'"
        assert repr(expression) in str(info.value)

    @pytest.mark.parametrize(
        "expression",
        [
            "recently",
            "soon",
            "the other day",
            "a few days ago",
            "several weeks ago",
            "a couple of months ago",
            "some years ago",
            "in recent days",
        ],
    )
    def test_vague(self, expression: str) -> None:
        """Vague expressions are refused as vague, quoting the input."""
        with pytest.raises(InvalidDateError, match="vague") as info:
            resolve_date(expression, THURSDAY)
        assert info.value.value == expression
        assert repr(expression) in str(info.value)

    @pytest.mark.parametrize(
        "expression",
        ["foo", "last night", "in the past week", "Wednesday week", "on 2025-07-23", "13 days"],
    )
    def test_unknown(self, expression: str) -> None:
        """Unrecognised expressions are refused, quoting the input."""
        with pytest.raises(InvalidDateError, match="unrecognised") as info:
            resolve_date(expression, THURSDAY)
        assert repr(expression) in str(info.value)

    def test_since(self) -> None:
        """'since ...' is an open interval, refused with a hint."""
        with pytest.raises(InvalidDateError, match="open interval") as info:
            resolve_date("since Monday", THURSDAY)
        assert info.value.hint is not None
        assert "FuzzyDate.between" in info.value.hint


class TestLimits:
    """Input checks and the supported year range."""

    def test_too_long(self) -> None:
        """Expressions over 200 characters fail fast."""
        with pytest.raises(InvalidDateError, match="too long"):
            resolve_date("on " + "very " * 1_000_000 + "Wednesday", THURSDAY)

    def test_exactly_200_is_matched(self) -> None:
        """A 200-character expression is looked at (and here unrecognised)."""
        with pytest.raises(InvalidDateError, match="unrecognised"):
            resolve_date("x" * 200, THURSDAY)

    @pytest.mark.parametrize("expression", ["", "   "])
    def test_empty(self, expression: str) -> None:
        """Empty or blank expressions are refused."""
        with pytest.raises(InvalidDateError, match="empty expression"):
            resolve_date(expression, THURSDAY)

    def test_non_str_expression(self) -> None:
        """A non-str expression is refused."""
        with pytest.raises(InvalidDateError, match="must be a str"):
            resolve_date(5, THURSDAY)  # type: ignore[arg-type]

    @pytest.mark.parametrize("reference", [datetime.datetime(2025, 7, 24, 10), "2025-07-24", None])
    def test_bad_reference(self, reference: object) -> None:
        """The reference must be a plain date: the zone decides which day a datetime is."""
        with pytest.raises(InvalidDateError, match="reference must be a datetime"):
            resolve_date("today", reference)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("expression", "reference"),
        [
            ("yesterday", date(1, 1, 1)),
            ("tomorrow", date(9999, 12, 31)),
            ("last year", date(1, 6, 1)),
            ("next month", date(9999, 12, 1)),
            ("3000 years ago", date(2025, 1, 1)),
            ("mid-July", date(1, 7, 5)),
            ("last week", date(1, 1, 3)),
        ],
    )
    def test_out_of_range(self, expression: str, reference: date) -> None:
        """Results outside 0001..9999 are refused, naming the expression."""
        with pytest.raises(InvalidDateError, match=r"outside the years 0001\.\.9999") as info:
            resolve_date(expression, reference)
        assert info.value.value == expression


REFERENCES = st.dates(min_value=date(100, 1, 1), max_value=date(9900, 12, 31))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
COUNTS = st.one_of(
    st.integers(1, 99).map(str),
    st.sampled_from(["a", "one", "two", "three", "seven", "twelve"]),
)
DAY_LEVEL = st.one_of(
    st.sampled_from(WEEKDAYS).map(lambda d: f"on {d}"),
    st.sampled_from(WEEKDAYS),
    st.builds(
        lambda n, u: f"{n} {u}{'' if n in ('1', 'a', 'one') else 's'} ago",
        COUNTS,
        st.sampled_from(["day", "week"]),
    ),
    st.sampled_from(
        [
            "yesterday",
            "today",
            "last week",
            "this week",
            "earlier this week",
            "earlier this month",
            "last weekend",
        ]
    ),
    st.builds(lambda m, d: f"{m} {d}", st.sampled_from(MONTHS), st.integers(1, 28)),
)
PERIOD_LEVEL = st.one_of(
    st.builds(
        lambda n, u: f"{n} {u}{'' if n in ('1', 'a', 'one') else 's'} ago",
        COUNTS,
        st.sampled_from(["month", "year"]),
    ),
    st.sampled_from(["last month", "last year"]),
    st.sampled_from(MONTHS),
    st.builds(
        lambda p, m: f"{p}{m}",
        st.sampled_from(["early ", "mid-", "mid ", "late "]),
        st.sampled_from(MONTHS),
    ),
)


def _try(expression: str, reference: date) -> FuzzyDate | None:
    """The resolved date, or None when the expression is refused for this reference."""
    try:
        return resolve_date(expression, reference).date
    except InvalidDateError as err:
        message = err.message
    assert "empty when" in message or "ambiguous on a Saturday" in message
    return None


class TestNeverAfterReference:
    """A past expression never resolves to a date after the reference."""

    @given(DAY_LEVEL, REFERENCES)
    def test_day_level(self, expression: str, reference: date) -> None:
        """Day-level past expressions lie entirely on or before the reference."""
        d = _try(expression, reference)
        if d is not None:
            assert d.earliest is not None
            assert d.latest is not None
            assert d.earliest <= d.latest <= reference

    @given(PERIOD_LEVEL, REFERENCES)
    def test_period_level(self, expression: str, reference: date) -> None:
        """Month- and year-level past expressions start on or before the reference."""
        d = _try(expression, reference)
        assert d is not None
        assert d.earliest is not None
        assert d.earliest <= reference
        assert not FuzzyDate.from_date(reference).definitely_before(d)

    @given(st.sampled_from(WEEKDAYS), REFERENCES)
    def test_weekday_within_a_week(self, weekday: str, reference: date) -> None:
        """A bare weekday is one of the seven days ending with the reference, on that weekday."""
        d = _try(weekday, reference)
        assert d is not None
        assert d.earliest is not None
        assert 0 <= (reference - d.earliest).days <= 6
        assert d.earliest.weekday() == WEEKDAYS.index(weekday)

    @given(st.sampled_from(MONTHS), st.integers(1, 28), REFERENCES)
    def test_month_day_is_most_recent(self, month: str, day: int, reference: date) -> None:
        """A yearless day is within the year ending with the reference."""
        d = _try(f"{month} {day}", reference)
        assert d is not None
        assert d.earliest is not None
        assert 0 <= (reference - d.earliest).days < 366

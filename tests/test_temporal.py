"""Tests for geoevents.temporal: FuzzyDate (EDTF), Precision, Dating."""

from __future__ import annotations

import datetime
import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents.errors import InvalidDateError
from geoevents.temporal import Dating, DatingMethod, FuzzyDate, Precision

UTC = datetime.UTC
PLUS3 = datetime.timezone(datetime.timedelta(hours=3))
MINUS0530 = datetime.timezone(-datetime.timedelta(hours=5, minutes=30))


# ------------------------------------------------------------------ strategies


@st.composite
def single_texts(
    draw: st.DrawFn,
    *,
    min_value: date = date(1, 1, 1),
    max_value: date = date(9999, 12, 31),
    times: bool = True,
) -> str:
    """EDTF strings of one date, valid by construction (masking digits keeps the day)."""
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    kinds = ["year", "month", "day", "season", *(["time"] if times else [])]
    kind = draw(st.sampled_from(kinds))
    if kind == "time":
        zone = draw(st.sampled_from(["", "Z", "+03:00", "-05:30", "+00:00"]))
        clock = draw(st.times()).replace(microsecond=0).isoformat()
        return f"{day.isoformat()}T{clock}{zone}"
    qualifier = draw(st.sampled_from(["", "?", "~", "%"]))
    if kind == "season":
        season = draw(st.integers(21, 23 if day.year == 9999 else 24))
        return f"{day.year:04d}-{season}{qualifier}"
    digits = f"{day.year:04d}{day.month:02d}{day.day:02d}"[: {"year": 4, "month": 6}.get(kind, 8)]
    masked = draw(st.integers(0, len(digits)))
    digits = digits[: len(digits) - masked] + "X" * masked
    parts = [digits[:4], digits[4:6], digits[6:]]
    return "-".join(p for p in parts if p) + qualifier


@st.composite
def fuzzy_dates(
    draw: st.DrawFn, *, min_value: date = date(1, 1, 1), max_value: date = date(9999, 12, 31)
) -> FuzzyDate:
    """Single dates and intervals (with open and unknown ends) of every supported form."""
    if draw(st.booleans()):
        return FuzzyDate(draw(single_texts(min_value=min_value, max_value=max_value)))
    ends = single_texts(min_value=min_value, max_value=max_value, times=False)
    a, b = draw(ends), draw(ends)
    if FuzzyDate(b).latest < FuzzyDate(a).earliest:  # type: ignore[operator]
        a, b = b, a
    shape = draw(
        st.sampled_from(["closed", "open-start", "open-end", "unknown-start", "unknown-end"])
    )
    head = {"open-start": "..", "unknown-start": ""}.get(shape, a)
    tail = {"open-end": "..", "unknown-end": ""}.get(shape, b)
    return FuzzyDate(f"{head}/{tail}")


NEAR = {"min_value": date(2024, 11, 1), "max_value": date(2025, 3, 31)}


# ------------------------------------------------------------------ forms and bounds

FORMS = [
    # text, earliest, latest, precision, approximate, uncertain
    ("2025", date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, False, False),
    ("2025-07", date(2025, 7, 1), date(2025, 7, 31), Precision.MONTH, False, False),
    ("2025-07-23", date(2025, 7, 23), date(2025, 7, 23), Precision.DAY, False, False),
    ("2025-07-23T10:00:00", date(2025, 7, 23), date(2025, 7, 23), Precision.TIME, False, False),
    ("2025-07-23T10:00:00Z", date(2025, 7, 23), date(2025, 7, 23), Precision.TIME, False, False),
    (
        "2025-07-23T10:00:00+03:00",
        date(2025, 7, 23),
        date(2025, 7, 23),
        Precision.TIME,
        False,
        False,
    ),
    ("2025-07-23?", date(2025, 7, 23), date(2025, 7, 23), Precision.DAY, False, True),
    ("2025-07-23~", date(2025, 7, 23), date(2025, 7, 23), Precision.DAY, True, False),
    ("2025-07-23%", date(2025, 7, 23), date(2025, 7, 23), Precision.DAY, True, True),
    ("2025-07~", date(2025, 7, 1), date(2025, 7, 31), Precision.MONTH, True, False),
    ("2025?", date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, False, True),
    ("2025-07-XX", date(2025, 7, 1), date(2025, 7, 31), Precision.DAY, False, False),
    ("2025-XX-XX", date(2025, 1, 1), date(2025, 12, 31), Precision.DAY, False, False),
    ("2025-XX", date(2025, 1, 1), date(2025, 12, 31), Precision.MONTH, False, False),
    ("202X", date(2020, 1, 1), date(2029, 12, 31), Precision.YEAR, False, False),
    ("19XX", date(1900, 1, 1), date(1999, 12, 31), Precision.YEAR, False, False),
    ("XXXX", date(1, 1, 1), date(9999, 12, 31), Precision.YEAR, False, False),
    ("000X", date(1, 1, 1), date(9, 12, 31), Precision.YEAR, False, False),
    ("2025-07-2X", date(2025, 7, 20), date(2025, 7, 29), Precision.DAY, False, False),
    ("2025-07-3X", date(2025, 7, 30), date(2025, 7, 31), Precision.DAY, False, False),
    ("2025-07-0X", date(2025, 7, 1), date(2025, 7, 9), Precision.DAY, False, False),
    ("2025-02-2X", date(2025, 2, 20), date(2025, 2, 28), Precision.DAY, False, False),
    ("2024-02-2X", date(2024, 2, 20), date(2024, 2, 29), Precision.DAY, False, False),
    ("2025-1X", date(2025, 10, 1), date(2025, 12, 31), Precision.MONTH, False, False),
    ("2025-0X", date(2025, 1, 1), date(2025, 9, 30), Precision.MONTH, False, False),
    ("2025-1X-XX", date(2025, 10, 1), date(2025, 12, 31), Precision.DAY, False, False),
    ("2025-07-2X?", date(2025, 7, 20), date(2025, 7, 29), Precision.DAY, False, True),
    ("2025-21", date(2025, 3, 1), date(2025, 5, 31), Precision.SEASON, False, False),
    ("2025-22", date(2025, 6, 1), date(2025, 8, 31), Precision.SEASON, False, False),
    ("2025-23", date(2025, 9, 1), date(2025, 11, 30), Precision.SEASON, False, False),
    ("2025-24", date(2025, 12, 1), date(2026, 2, 28), Precision.SEASON, False, False),
    ("2023-24", date(2023, 12, 1), date(2024, 2, 29), Precision.SEASON, False, False),
    ("2025-22~", date(2025, 6, 1), date(2025, 8, 31), Precision.SEASON, True, False),
    ("0001-01-01", date(1, 1, 1), date(1, 1, 1), Precision.DAY, False, False),
    ("9999-12-31", date(9999, 12, 31), date(9999, 12, 31), Precision.DAY, False, False),
    ("2025-07-13/2025-07-20", date(2025, 7, 13), date(2025, 7, 20), Precision.DAY, False, False),
    ("2025-07-13~/2025-07-20", date(2025, 7, 13), date(2025, 7, 20), Precision.DAY, True, False),
    ("2025-07-13/2025-07-20?", date(2025, 7, 13), date(2025, 7, 20), Precision.DAY, False, True),
    ("2025/2025-07-20", date(2025, 1, 1), date(2025, 7, 20), Precision.YEAR, False, False),
    ("2025-07/2025-08-1X", date(2025, 7, 1), date(2025, 8, 19), Precision.MONTH, False, False),
    ("2025-07-23/2025-07-23", date(2025, 7, 23), date(2025, 7, 23), Precision.DAY, False, False),
    ("../2025-07-20", None, date(2025, 7, 20), Precision.DAY, False, False),
    ("2025-07-13/..", date(2025, 7, 13), None, Precision.DAY, False, False),
    ("/2025-07-20", None, date(2025, 7, 20), Precision.DAY, False, False),
    ("2025-07-13/", date(2025, 7, 13), None, Precision.DAY, False, False),
    ("2025-07%/..", date(2025, 7, 1), None, Precision.MONTH, True, True),
    ("2024-24/2025-21", date(2024, 12, 1), date(2025, 5, 31), Precision.SEASON, False, False),
]


class TestRoundTrip:
    """str() and parse() are inverse, and the repr evaluates."""

    @pytest.mark.parametrize("text", [f[0] for f in FORMS])
    def test_str_and_parse_are_inverse(self, text: str) -> None:
        """Every supported form is its own canonical string and parses back equal."""
        d = FuzzyDate(text)
        assert str(d) == text
        assert FuzzyDate.parse(str(d)) == d

    @pytest.mark.parametrize("text", [f[0] for f in FORMS])
    def test_repr_evaluates(self, text: str) -> None:
        """The repr is FuzzyDate("...") and evaluates back to an equal value."""
        d = FuzzyDate(text)
        assert repr(d) == f'FuzzyDate("{text}")'
        assert eval(repr(d)) == d

    @given(fuzzy_dates())
    def test_generated_round_trip(self, d: FuzzyDate) -> None:
        """parse(str(d)) == d for generated dates of every form."""
        assert FuzzyDate.parse(str(d)) == d
        assert FuzzyDate.parse(str(d)).sort_key() == d.sort_key()

    def test_pickle(self) -> None:
        """A pickled date loads equal, with its bounds intact."""
        d = FuzzyDate("2025-07-13~/..")
        loaded = pickle.loads(pickle.dumps(d))
        assert loaded == d
        assert loaded.earliest == date(2025, 7, 13)


class TestBounds:
    """Earliest and latest possible days, precision and span."""

    @pytest.mark.parametrize(("text", "earliest", "latest", "precision", "_a", "_u"), FORMS)
    def test_bounds_and_precision(
        self,
        text: str,
        earliest: date | None,
        latest: date | None,
        precision: Precision,
        _a: bool,
        _u: bool,
    ) -> None:
        """Each form has exactly the expected earliest and latest day and precision."""
        d = FuzzyDate(text)
        assert (d.earliest, d.latest, d.precision) == (earliest, latest, precision)

    @pytest.mark.parametrize(
        ("text", "span"),
        [
            ("2025-07-23", 1),
            ("2025-07-2X", 10),
            ("2025-02-2X", 9),
            ("2024-02", 29),
            ("2025", 365),
            ("2024", 366),
            ("2025-24", 90),
            ("2025-07-13/2025-07-20", 8),
            ("../2025-07-20", None),
            ("2025-07-13/", None),
        ],
    )
    def test_span_days(self, text: str, span: int | None) -> None:
        """span_days counts possible days and is None when unbounded."""
        assert FuzzyDate(text).span_days == span


class TestQualifiers:
    """Approximate and uncertain flags, and replacing them."""

    @pytest.mark.parametrize(("text", "_e", "_l", "_p", "approximate", "uncertain"), FORMS)
    def test_flags(
        self, text: str, _e: object, _l: object, _p: object, approximate: bool, uncertain: bool
    ) -> None:
        """'~' is approximate, '?' uncertain, '%' both; an interval has any endpoint's flags."""
        d = FuzzyDate(text)
        assert (d.approximate, d.uncertain) == (approximate, uncertain)

    @pytest.mark.parametrize(
        ("approximate", "uncertain", "expected"),
        [
            (False, False, "2025-07"),
            (True, False, "2025-07~"),
            (False, True, "2025-07?"),
            (True, True, "2025-07%"),
        ],
    )
    def test_with_qualifiers(self, approximate: bool, uncertain: bool, expected: str) -> None:
        """with_qualifiers replaces the qualifier of a single date."""
        d = FuzzyDate("2025-07%").with_qualifiers(approximate=approximate, uncertain=uncertain)
        assert d == FuzzyDate(expected)

    @pytest.mark.parametrize("text", ["2025/2026", "2025-07-23T10:00:00"])
    def test_with_qualifiers_refuses_intervals_and_times(self, text: str) -> None:
        """Intervals and date-times cannot take a whole-value qualifier."""
        with pytest.raises(InvalidDateError, match="only on a single date"):
            FuzzyDate(text).with_qualifiers(approximate=True, uncertain=False)


class TestTime:
    """The time of day and its zone."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-07-23T10:00:00", datetime.time(10, 0)),
            ("2025-07-23T10:00:00Z", datetime.time(10, 0, tzinfo=UTC)),
            ("2025-07-23T23:59:59+03:00", datetime.time(23, 59, 59, tzinfo=PLUS3)),
            ("2025-07-23T00:00:00-05:30", datetime.time(0, 0, tzinfo=MINUS0530)),
            ("2025-07-23", None),
            ("2025-07-13/2025-07-20", None),
        ],
    )
    def test_time(self, text: str, expected: datetime.time | None) -> None:
        """The time is the clock reading with its zone, or None without a time."""
        t = FuzzyDate(text).time
        assert t == expected
        assert (t.tzinfo if t else None) == (expected.tzinfo if expected else None)


class TestIntervalParts:
    """Endpoints of intervals, open and unknown ends."""

    @pytest.mark.parametrize(
        ("text", "start", "end", "open_start", "open_end"),
        [
            ("2025-07-13/2025-07-20", "2025-07-13", "2025-07-20", False, False),
            ("2025-07-13~/2025-07-20", "2025-07-13~", "2025-07-20", False, False),
            ("../2025-07-20", None, "2025-07-20", True, False),
            ("/2025-07-20", None, "2025-07-20", False, False),
            ("2025-07-13/..", "2025-07-13", None, False, True),
            ("2025-07-13/", "2025-07-13", None, False, False),
        ],
    )
    def test_endpoints(
        self, text: str, start: str | None, end: str | None, open_start: bool, open_end: bool
    ) -> None:
        """An interval exposes its endpoints, and tells open ('..') from unknown ('')."""
        d = FuzzyDate(text)
        assert d.is_interval
        assert d.start == (None if start is None else FuzzyDate(start))
        assert d.end == (None if end is None else FuzzyDate(end))
        assert (d.open_start, d.open_end) == (open_start, open_end)

    def test_single_date_is_its_own_endpoints(self) -> None:
        """For a single date, start and end are the date itself."""
        d = FuzzyDate("2025-07")
        assert not d.is_interval
        assert d.start is d
        assert d.end is d

    def test_open_and_unknown_differ(self) -> None:
        """Open and unknown ends have the same bounds but are different values."""
        assert FuzzyDate("../2025") != FuzzyDate("/2025")
        assert FuzzyDate("../2025").latest == FuzzyDate("/2025").latest


class TestConstructors:
    """from_date, from_datetime, from_month, from_year and between."""

    def test_from_date(self) -> None:
        """from_date writes the day with the requested qualifier."""
        day = date(2025, 7, 23)
        assert FuzzyDate.from_date(day) == FuzzyDate("2025-07-23")
        assert FuzzyDate.from_date(day, uncertain=True) == FuzzyDate("2025-07-23?")
        assert FuzzyDate.from_date(day, approximate=True, uncertain=True) == FuzzyDate(
            "2025-07-23%"
        )

    @pytest.mark.parametrize("value", [datetime.datetime(2025, 7, 23, 10), "2025-07-23", None])
    def test_from_date_refuses_non_dates(self, value: object) -> None:
        """from_date takes a plain date only; a datetime would silently lose its time."""
        with pytest.raises(InvalidDateError, match=r"needs a datetime\.date"):
            FuzzyDate.from_date(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime.datetime(2025, 7, 23, 10, 0, 5, 999), "2025-07-23T10:00:05"),
            (datetime.datetime(2025, 7, 23, 10, tzinfo=UTC), "2025-07-23T10:00:00Z"),
            (datetime.datetime(2025, 7, 23, 10, tzinfo=PLUS3), "2025-07-23T10:00:00+03:00"),
            (datetime.datetime(2025, 7, 23, 10, tzinfo=MINUS0530), "2025-07-23T10:00:00-05:30"),
        ],
    )
    def test_from_datetime(self, value: datetime.datetime, expected: str) -> None:
        """from_datetime keeps whole seconds and writes the zone as Z or ±hh:mm."""
        assert str(FuzzyDate.from_datetime(value)) == expected

    def test_from_datetime_utc_and_odd_offsets(self) -> None:
        """UTC under any name is Z; an offset with seconds (local mean time) is refused."""
        from zoneinfo import ZoneInfo

        noon = datetime.datetime(2025, 7, 1, 12)
        assert str(FuzzyDate.from_datetime(noon.replace(tzinfo=ZoneInfo("UTC")))) == (
            "2025-07-01T12:00:00Z"
        )
        odd = datetime.timezone(datetime.timedelta(hours=-1, seconds=-30))
        with pytest.raises(InvalidDateError) as info:
            FuzzyDate.from_datetime(noon.replace(tzinfo=odd))
        assert info.value.message == "the offset -01:00:30 has seconds, which EDTF cannot write"

    def test_from_datetime_refuses_dates(self) -> None:
        """from_datetime needs a datetime."""
        with pytest.raises(InvalidDateError, match=r"needs a datetime\.datetime"):
            FuzzyDate.from_datetime(date(2025, 7, 23))  # type: ignore[arg-type]

    def test_from_month_and_year(self) -> None:
        """from_month and from_year write zero-padded EDTF with qualifiers."""
        assert str(FuzzyDate.from_month(25, 7, approximate=True)) == "0025-07~"
        assert str(FuzzyDate.from_year(2024, uncertain=True)) == "2024?"

    @pytest.mark.parametrize(
        ("year", "month"), [(0, 1), (10000, 1), (2025, 0), (2025, 13), (True, 1)]
    )
    def test_from_month_range(self, year: int, month: int) -> None:
        """Years outside 1..9999 and months outside 1..12 are refused."""
        with pytest.raises(InvalidDateError, match="must be an int in"):
            FuzzyDate.from_month(year, month)

    def test_between(self) -> None:
        """FuzzyDate.between joins two single dates, None being an open end."""
        a, b = FuzzyDate("2025-07-13~"), FuzzyDate("2025-07-20")
        assert str(FuzzyDate.between(a, b)) == "2025-07-13~/2025-07-20"
        assert str(FuzzyDate.between(a, None)) == "2025-07-13~/.."
        assert str(FuzzyDate.between(None, b)) == "../2025-07-20"

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            ("2025/2026", "2027", "start must be a single date"),
            ("2025", "2026-01-01T10:00:00", "end must be a single date"),
            ("2025-07-20", "2025-07-13", "latest before earliest"),
        ],
    )
    def test_between_errors(self, start: str, end: str, message: str) -> None:
        """FuzzyDate.between refuses interval or date-time endpoints and reversed intervals."""
        with pytest.raises(InvalidDateError, match=message):
            FuzzyDate.between(FuzzyDate(start), FuzzyDate(end))

    def test_between_takes_dates(self) -> None:
        """A string for an endpoint is refused with the way to make a date of it."""
        with pytest.raises(InvalidDateError) as info:
            FuzzyDate.between("2025", None)  # type: ignore[arg-type]
        assert str(info.value) == (
            "$: an interval start must be a FuzzyDate or None, not str: '2025' "
            "(use FuzzyDate(text))"
        )

    def test_between_needs_one_end(self) -> None:
        """An interval open at both ends says nothing and is refused."""
        with pytest.raises(InvalidDateError, match="at least one known endpoint"):
            FuzzyDate.between(None, None)

    def test_str_subclass_is_stored_as_str(self) -> None:
        """A str subclass is accepted and stored as a plain str."""

        class Text(str):
            __slots__ = ()

        d = FuzzyDate(Text("2025-07"))
        assert type(d.edtf) is str
        assert d == FuzzyDate("2025-07")


INVALID = [
    # text, fragment of the message
    ("2025-06-31", "day 31 does not exist in 2025-06"),
    ("2025-02-30", "day 30 does not exist"),
    ("2025-02-29", "day 29 does not exist"),
    ("2025-02-3X", "day 3X does not exist"),
    ("2025-13", "month 13 does not exist"),
    ("2025-2X", "month 2X does not exist"),
    ("2025-25", "month 25 does not exist"),
    ("2025-00-10", "month 00 does not exist"),
    ("2025-07-00", "day 00 does not exist"),
    ("2025-21-01", "month 21 does not exist"),
    ("0000", "year 0000 is not supported"),
    ("0000-01-01", "year 0000 is not supported"),
    ("-0050", "negative years"),
    ("Y170000002", "Y-prefixed years"),
    ("20250723", "basic format"),
    ("202507", "basic format"),
    ("25", "four digits"),
    ("25-07-23", "four digits"),
    ("12025", "four digits"),
    ("[2025-07-22,2025-07-23]", "sets of dates"),
    ("{2025-07-22,2025-07-23}", "sets of dates"),
    ("2025-?07-23", "only at the end"),
    ("?2025", "only at the end"),
    ("2025?-07", "only at the end"),
    ("2025-07-23?~", "one qualifier at most"),
    ("2025-XX-23", "may be followed only by more 'X's"),
    ("202X-07", "may be followed only by more 'X's"),
    ("2025-07-X3", "may be followed only by more 'X's"),
    ("2025-07-xx", "uppercase 'X'"),
    ("2025-07-uu", "uppercase 'X'"),
    ("2025-07-20/2025-07-13", "latest before earliest"),
    ("2025-08/2025-07", "latest before earliest"),
    ("2025/2024", "latest before earliest"),
    ("2025-07-13/2025-07-20/2025-07-21", "exactly one '/'"),
    ("../..", "at least one known endpoint"),
    ("/", "at least one known endpoint"),
    ("2025/open", "old EDTF draft form"),
    ("unknown/2025", "old EDTF draft form"),
    ("2025-07-23T10:00:00/2025-07-24", "date and time"),
    ("2025-07-23T10:00", "date and time"),
    ("2025-07-23T10:00:00.5", "date and time"),
    ("2025-07-23t10:00:00", "date and time"),
    ("2025-07-23T10:00:00Z?", "date and time"),
    ("2025-07-23T24:00:00", "time 24:00:00 does not exist"),
    ("2025-07-23T10:60:00", "does not exist"),
    ("2025-07-23T10:00:00+24:00", "offset +24:00 does not exist"),
    ("2025-07-23T10:00:00+03:60", "offset +03:60 does not exist"),
    ("2025-07-23T10:00:00-00:00", "offset -00:00 is not allowed"),
    ("2025-06-31T10:00:00", "day 31 does not exist"),
    ("9999-24", "winter 9999"),
    ("2025-07-23 ", "surrounding whitespace"),
    (" 2025", "surrounding whitespace"),
    ("2025\n", "surrounding whitespace"),
    ("٢٠٢٥", "only ASCII digits"),
    ("２０２５", "only ASCII digits"),
    ("2025–07", "only ASCII characters"),
    ("", "empty string"),
    ("2025-07-23 10:00", "joined by 'T'"),
    ("July 2025", "not a supported EDTF date"),
    ("2025-7-23", "months and days have two digits"),
    ("2025/07/23", "with hyphens, year first"),
    ("23/07/2025", "with hyphens, year first"),
    ("2025-07-23~?", "one qualifier at most"),
]


def _parse_or_error(text: str) -> FuzzyDate | InvalidDateError:
    try:
        return FuzzyDate.parse(text)
    except InvalidDateError as err:
        return err


class TestSlipHints:
    def test_a_space_before_the_time(self) -> None:
        """The hint shows a form that parses: the T, and seconds."""
        with pytest.raises(InvalidDateError) as info:
            FuzzyDate("2025-07-23 10:00")
        assert info.value.hint == "write 2025-07-23Thh:mm:ss"
        FuzzyDate("2025-07-23T10:00:00")


class TestStrSubclass:
    def test_the_characters_checked_are_stored(self) -> None:
        """A str subclass whose __str__ says something else stores what was validated."""

        class Other(str):
            def __str__(self) -> str:
                return "2026"

        date = FuzzyDate(Other("2025"))
        assert (date.edtf, type(date.edtf)) == ("2025", str)


class TestInvalid:
    """Strings that are not supported EDTF raise InvalidDateError."""

    @pytest.mark.parametrize(("text", "message"), INVALID)
    def test_rejected(self, text: str, message: str) -> None:
        """Invalid strings raise InvalidDateError saying what is wrong and quoting the input."""
        with pytest.raises(InvalidDateError) as info:
            FuzzyDate(text)
        assert message in info.value.message
        assert info.value.value == text
        assert repr(text) in str(info.value)

    @pytest.mark.parametrize(
        ("text", "hint"),
        [
            ("20250723", "use 2025-07-23"),
            ("202507", "use 2025-07"),
            ("2025-07-xx", "e.g. 2025-07-XX"),
            ("2025-07-20/2025-07-13", "swap the endpoints"),
            ("2025-07-23T10:00:00-00:00", "use Z or +00:00"),
            ("2025 ", "strip the string first"),
        ],
    )
    def test_hints(self, text: str, hint: str) -> None:
        """Errors that have an obvious fix carry it as the hint."""
        with pytest.raises(InvalidDateError) as info:
            FuzzyDate.parse(text)
        assert info.value.hint == hint

    def test_huge_string_fails_fast(self) -> None:
        """A megabyte string is refused by length before any pattern runs."""
        with pytest.raises(InvalidDateError, match="too long"):
            FuzzyDate("2" * 1_000_000)

    @pytest.mark.parametrize("value", [None, 2025, date(2025, 7, 23), b"2025"])
    def test_non_str(self, value: object) -> None:
        """Non-strings are refused with InvalidDateError naming the type."""
        with pytest.raises(InvalidDateError, match="must be a str"):
            FuzzyDate(value)  # type: ignore[arg-type]

    @given(st.text(max_size=30))
    def test_fuzz(self, text: str) -> None:
        """Any text either parses and round-trips, or raises InvalidDateError quoting it."""
        result = _parse_or_error(text)
        if isinstance(result, FuzzyDate):
            assert FuzzyDate.parse(str(result)) == result
        else:
            assert result.value == text
            if len(repr(text)) < 79:
                assert repr(text) in str(result)

    @given(st.from_regex(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?", fullmatch=True))
    def test_fuzz_near_misses(self, text: str) -> None:
        """Strings of the right shape either parse with sane bounds or raise InvalidDateError."""
        result = _parse_or_error(text)
        if isinstance(result, FuzzyDate):
            assert result.earliest is not None
            assert result.latest is not None
            assert result.earliest <= result.latest
        else:
            assert result.value == text


class TestEquality:
    """Equality, hashing, immutability and the absence of an order."""

    def test_equal_by_canonical_string(self) -> None:
        """Equal strings give equal, equally hashed values."""
        assert FuzzyDate("2025-07") == FuzzyDate.parse("2025-07")
        assert hash(FuzzyDate("2025-07")) == hash(FuzzyDate("2025-07"))
        assert len({FuzzyDate("2025-07"), FuzzyDate("2025-07")}) == 1

    def test_same_bounds_different_values(self) -> None:
        """Different strings with the same bounds are different values."""
        assert FuzzyDate("2025-07") != FuzzyDate("2025-07-01/2025-07-31")
        assert FuzzyDate("2025-07") != FuzzyDate("2025-07-XX")

    def test_no_ordering(self) -> None:
        """A partial date has no total order, so < is not defined."""
        with pytest.raises(TypeError):
            _ = FuzzyDate("2025") < FuzzyDate("2026")  # type: ignore[operator]

    def test_not_equal_to_str(self) -> None:
        """A FuzzyDate never equals its string."""
        text: object = "2025"
        assert FuzzyDate("2025") != text

    def test_immutable(self) -> None:
        """Attributes cannot be assigned."""
        d = FuzzyDate("2025")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.edtf = "2026"  # type: ignore[misc]

    def test_evolve_revalidates(self) -> None:
        """attrs.evolve re-runs validation and recomputes the bounds."""
        d = attrs.evolve(FuzzyDate("2025"), edtf="2026-07")
        assert d.latest == date(2026, 7, 31)
        with pytest.raises(InvalidDateError):
            attrs.evolve(d, edtf="2026-13")


class TestSortKey:
    """sort_key orders partial dates deterministically."""

    def test_order(self) -> None:
        """The key orders by earliest (unbounded first), latest (unbounded last), text."""
        texts = [
            "2025-07",
            "2025-07-XX",
            "../2025-07-01",
            "2025-07-01",
            "2025-07-01/..",
            "2025",
            "/2025",
        ]
        ordered = sorted((FuzzyDate(t) for t in texts), key=FuzzyDate.sort_key)
        assert [str(d) for d in ordered] == [
            "../2025-07-01",
            "/2025",
            "2025",
            "2025-07-01",
            "2025-07",
            "2025-07-XX",
            "2025-07-01/..",
        ]

    def test_key_values(self) -> None:
        """The key is (earliest ordinal or 0, latest ordinal or date.max + 1, text)."""
        assert FuzzyDate("2025-07-13/..").sort_key() == (
            date(2025, 7, 13).toordinal(),
            date.max.toordinal() + 1,
            "2025-07-13/..",
        )
        assert FuzzyDate("/0001-01-01").sort_key()[0] == 0


D = FuzzyDate
COMPARISONS = [
    # a, b, definitely_before, possibly_before, overlaps, contains
    ("2025-07-22", "2025-07-23", True, True, False, False),
    ("2025-07-23", "2025-07-22", False, False, False, False),
    ("2025-07-23", "2025-07-23", False, True, True, True),
    ("2025-07-23T23:00:00", "2025-07-23T01:00:00", False, True, True, True),
    ("2025-07", "2025-07-23", False, True, True, True),
    ("2025-07-23", "2025-07", False, True, True, False),
    ("2025-07", "2025-08", True, True, False, False),
    ("2025-07", "2025-07-31/2025-08-02", False, True, True, False),
    ("2025-07-2X", "2025-07-29/2025-08-02", False, True, True, False),
    ("2025-07-2X", "2025-07-30", True, True, False, False),
    ("2025-07-13/2025-07-20", "2025-07-21", True, True, False, False),
    ("2025-07-13/2025-07-20", "2025-07-20", False, True, True, True),
    ("2025-07-13/..", "2025-07-20", False, True, True, True),
    ("2025-07-13/..", "2025-07-12", False, False, False, False),
    ("../2025-07-20", "2025-07-21", True, True, False, False),
    ("../2025-07-20", "2025-07-20/..", False, True, True, False),
    ("/2025-07-20", "1900", False, True, True, True),
    ("2025-07-13/", "2025-07-13/..", False, True, True, True),
    ("2025-07", "2025-07-13/", False, True, True, False),
    ("2025-07-13/", "2025-07", False, True, True, False),
    ("../2025", "2025-07-13/..", False, True, True, False),
    ("2024-24", "2025-02-28", False, True, True, True),
    ("2000/2000-01", "2000", False, True, True, False),
    ("2000", "2000/2000-01", False, True, True, True),
    ("2025-24", "2025-11-30", False, False, False, False),
]


class TestComparisons:
    """The interval predicates on hand-checked pairs."""

    @pytest.mark.parametrize("row", COMPARISONS, ids=[f"{r[0]} vs {r[1]}" for r in COMPARISONS])
    def test_exact(self, row: tuple[str, str, bool, bool, bool, bool]) -> None:
        """Each predicate gives exactly the expected answer at day granularity."""
        a, b, before, possibly, overlaps, contains = row
        x, y = D(a), D(b)
        assert x.definitely_before(y) is before
        assert x.possibly_before(y) is possibly
        assert x.overlaps(y) is overlaps
        assert x.contains(y) is contains


class TestLaws:
    """Algebraic laws of the predicates, on generated dates."""

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_definitely_implies_possibly(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """definitely_before implies possibly_before."""
        if a.definitely_before(b):
            assert a.possibly_before(b)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_may_precede_between_the_two(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """may_precede lies between definitely_before and possibly_before; never reflexive."""
        from geoevents.temporal import may_precede

        if a.definitely_before(b):
            assert may_precede(a, b)
        if may_precede(a, b):
            assert a.possibly_before(b)
        if a.earliest is not None and a.earliest == a.latest:  # one day, or one moment
            assert not may_precede(a, a)

    @given(fuzzy_dates(**NEAR))
    def test_definitely_before_irreflexive(self, a: FuzzyDate) -> None:
        """Nothing is definitely before itself; everything is possibly before itself."""
        assert not a.definitely_before(a)
        assert a.possibly_before(a)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_definitely_before_transitive(self, a: FuzzyDate, b: FuzzyDate, c: FuzzyDate) -> None:
        """definitely_before is transitive."""
        if a.definitely_before(b) and b.definitely_before(c):
            assert a.definitely_before(c)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_contains_implies_overlaps(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """Containment implies overlap."""
        if a.contains(b):
            assert a.overlaps(b)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_overlaps_symmetric(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """Overlap is symmetric."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_before_excludes_overlap(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """Nothing is both definitely before and overlapping."""
        assert not (a.definitely_before(b) and a.overlaps(b))

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_duality(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """possibly_before is the negation of the converse definitely_before."""
        assert a.possibly_before(b) == (not b.definitely_before(a))
        assert a.overlaps(b) == (a.possibly_before(b) and b.possibly_before(a))

    @given(fuzzy_dates(**NEAR))
    def test_contains_reflexive(self, a: FuzzyDate) -> None:
        """Every date contains itself, and its bounds are ordered."""
        assert a.contains(a)
        if a.earliest is not None and a.latest is not None:
            assert a.earliest <= a.latest
            assert a.span_days == (a.latest - a.earliest).days + 1

    @given(fuzzy_dates())
    def test_interval_overlaps_endpoints(self, a: FuzzyDate) -> None:
        """A date overlaps each known endpoint (2000/2000-01 need not contain all of 2000)."""
        for end in (a.start, a.end):
            if end is not None:
                assert a.overlaps(end)

    @given(fuzzy_dates(**NEAR), fuzzy_dates(**NEAR))
    def test_sort_key_respects_definitely_before(self, a: FuzzyDate, b: FuzzyDate) -> None:
        """Sorting by sort_key never puts a date after one it is definitely before."""
        if a.definitely_before(b):
            assert a.sort_key() < b.sort_key()


def _moments_and_days() -> st.SearchStrategy[FuzzyDate]:
    """Zoned times within a few days (offsets -12:00..+14:00), naive times and days."""
    times = st.datetimes(datetime.datetime(2025, 7, 20), datetime.datetime(2025, 7, 27))
    offsets = st.integers(-12 * 60, 14 * 60).map(
        lambda m: datetime.timezone(datetime.timedelta(minutes=m))
    )
    zoned = st.builds(lambda t, z: t.replace(tzinfo=z), times, offsets)
    days = st.dates(date(2025, 7, 20), date(2025, 7, 27)).map(FuzzyDate.from_date)
    return st.one_of(zoned.map(FuzzyDate.from_datetime), times.map(FuzzyDate.from_datetime), days)


class TestMoments:
    """Times with zone offsets are moments: compared as such, whatever their local day."""

    def test_across_midnight(self) -> None:
        """23:00 in New York is after 01:00 in Istanbul the next day."""
        new_york = FuzzyDate("2025-07-23T23:00:00-05:00")  # 04:00 UTC on the 24th
        istanbul = FuzzyDate("2025-07-24T01:00:00+03:00")  # 22:00 UTC on the 23rd
        assert istanbul.definitely_before(new_york)
        assert not new_york.definitely_before(istanbul)
        assert not new_york.possibly_before(istanbul)
        assert not new_york.overlaps(istanbul)
        assert sorted([new_york, istanbul], key=FuzzyDate.sort_key) == [istanbul, new_york]

    def test_against_days(self) -> None:
        """Against a day, whose zone is unknown, a moment may fall on its UTC day or either side."""
        new_york = FuzzyDate("2025-07-23T23:00:00-05:00")
        assert FuzzyDate("2025-07-22").definitely_before(new_york)
        assert not FuzzyDate("2025-07-23").definitely_before(new_york)
        assert not new_york.definitely_before(FuzzyDate("2025-07-25"))
        assert new_york.definitely_before(FuzzyDate("2025-07-26"))
        assert FuzzyDate("9999-12-31T23:00:00-05:00").overlaps(FuzzyDate("9999-12-31"))
        assert FuzzyDate("0001-01-01T00:00:00+01:00").definitely_before(FuzzyDate("0001-01-02"))

    @given(_moments_and_days(), _moments_and_days(), _moments_and_days())
    def test_laws(self, a: FuzzyDate, b: FuzzyDate, c: FuzzyDate) -> None:
        """The order is strict, transitive, dual to possibly_before, and sorting respects it."""
        assert not a.definitely_before(a)
        if a.definitely_before(b):
            assert a.sort_key() < b.sort_key()
            assert not b.definitely_before(a)
            if b.definitely_before(c):
                assert a.definitely_before(c)
        assert a.possibly_before(b) == (not b.definitely_before(a))
        if a.contains(b):
            assert a.overlaps(b)
            if b.contains(c):
                assert a.contains(c)
        if a.earliest is not None and a.latest is not None:  # its own days hold it
            own = FuzzyDate.between(FuzzyDate.from_date(a.earliest), FuzzyDate.from_date(a.latest))
            assert own.contains(a)

    def test_containing_a_moment(self) -> None:
        """A moment holds only itself on its own day; its day and wider runs hold it."""
        new_york = FuzzyDate("2025-07-23T23:00:00-05:00")  # 04:00 UTC on the 24th
        assert new_york.contains(FuzzyDate("2025-07-23T22:00:00-06:00"))  # same moment, day
        assert not new_york.contains(FuzzyDate("2025-07-24T04:00:00Z"))  # another day
        assert not new_york.contains(FuzzyDate("2025-07-23"))
        assert FuzzyDate("2025-07-23").contains(new_york)
        assert not FuzzyDate("2025-07-24").contains(new_york)

    def test_ceasefire_across_zones(self) -> None:
        """A ceasefire that ended six hours after it was declared is not refused."""
        from builders import SYRIA, common
        from geoevents import Ceasefire

        record = Ceasefire(
            **common(),
            parties=(SYRIA,),
            declared=FuzzyDate("2025-07-24T01:00:00+03:00"),
            ended=FuzzyDate("2025-07-23T23:00:00-05:00"),
        )
        assert record.ended is not None


class TestPrecision:
    """The Precision enum."""

    def test_rank_order(self) -> None:
        """Ranks go from the coarsest (year) to the finest (time)."""
        assert [p.rank for p in Precision] == [0, 1, 2, 3, 4]
        assert [p.value for p in Precision] == ["year", "season", "month", "day", "time"]


class TestCache:
    """Parse results are cached by string."""

    def test_repeated_strings_hit_the_cache(self) -> None:
        """Constructing the same string twice analyses it once."""
        from geoevents.temporal import _analyse

        FuzzyDate("1999-12-3X")
        hits = _analyse.cache_info().hits
        FuzzyDate("1999-12-3X")
        assert _analyse.cache_info().hits == hits + 1


class TestDating:
    """Dating: a date plus how it was obtained."""

    def test_stated(self) -> None:
        """Dating.stated parses the text and marks the method STATED."""
        d = Dating.stated("2025-07-2X")
        assert d.date == FuzzyDate("2025-07-2X")
        assert d.method is DatingMethod.STATED
        assert (d.earliest, d.latest) == (date(2025, 7, 20), date(2025, 7, 29))
        assert (d.expression, d.anchor, d.rule) == (None, None, None)

    def test_resolved(self) -> None:
        """A resolved dating keeps its expression, anchor and rule."""
        d = Dating(
            date=FuzzyDate("2025-07-23"),
            method=DatingMethod.RESOLVED,
            expression="on Wednesday",
            anchor=date(2025, 7, 24),
            rule="latest Wednesday on or before the anchor",
        )
        assert d.anchor == date(2025, 7, 24)
        assert d == attrs.evolve(d)

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"expression": "on Wednesday"}, "$.anchor"),
            ({"anchor": date(2025, 7, 24)}, "$.expression"),
            ({}, "$.expression"),
        ],
    )
    def test_resolved_needs_expression_and_anchor(
        self, fields: dict[str, object], path: str
    ) -> None:
        """RESOLVED without an expression or an anchor is refused, naming the missing field."""
        with pytest.raises(InvalidDateError, match="needs both expression and anchor") as info:
            Dating(date=FuzzyDate("2025"), method=DatingMethod.RESOLVED, **fields)  # type: ignore[arg-type]
        assert info.value.path == path

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"expression": ""}, "$.expression"),
            ({"expression": "   "}, "$.expression"),
            ({"expression": "x" * 501}, "$.expression"),
            ({"rule": ""}, "$.rule"),
            ({"rule": 5}, "$.rule"),
            ({"anchor": "2025-07-24"}, "$.anchor"),
            ({"anchor": datetime.datetime(2025, 7, 24, 10)}, "$.anchor"),
            ({"method": "stated"}, "$.method"),
            ({"date": "2025"}, "$.date"),
        ],
    )
    def test_field_validation(self, fields: dict[str, object], path: str) -> None:
        """Wrong types, blank or overlong texts are refused with the field's path."""
        kwargs: dict[str, object] = {"date": FuzzyDate("2025"), **fields}
        with pytest.raises(InvalidDateError) as info:
            Dating(**kwargs)  # type: ignore[arg-type]
        assert info.value.path == path

    def test_limits_are_inclusive(self) -> None:
        """Texts of exactly 500 characters are accepted."""
        d = Dating(date=FuzzyDate("2025"), method=DatingMethod.INFERRED, expression="x" * 500)
        assert d.expression is not None
        assert len(d.expression) == 500

    def test_method_values(self) -> None:
        """The method tags are the documented lowercase strings."""
        assert [m.value for m in DatingMethod] == ["stated", "resolved", "inferred", "imported"]

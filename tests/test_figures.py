"""Tests for :class:`geoevents.Count`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents import Count, InvalidValueError


class TestConstruction:
    def test_unknown_is_not_zero(self) -> None:
        """An unknown count differs from a reported zero."""
        assert Count() != Count.exact(0)
        assert not Count().is_known
        assert Count.exact(0).is_known

    def test_negative_is_refused(self) -> None:
        """A negative figure is an error naming the field."""
        with pytest.raises(InvalidValueError) as info:
            Count(best=-1)
        assert info.value.path == "$.best"
        assert (
            str(info.value) == "$.best: a count cannot be negative: -1 (leave it unknown instead)"
        )

    @pytest.mark.parametrize(
        ("fields", "path", "message"),
        [
            ({"low": 7, "high": 5}, "$.low", "low must not exceed high"),
            ({"low": 7, "best": 5}, "$.low", "low must not exceed best"),
            ({"best": 7, "high": 5}, "$.high", "best must not exceed high"),
        ],
    )
    def test_inverted_is_refused(self, fields: dict[str, int], path: str, message: str) -> None:
        """``low <= best <= high`` is enforced with the offending field's path."""
        with pytest.raises(InvalidValueError) as info:
            Count(**fields)
        assert (info.value.path, info.value.message) == (path, message)

    @pytest.mark.parametrize("value", [True, 1.5, "5"])
    def test_non_integers_are_refused(self, value: object) -> None:
        """Booleans, floats and strings are not counts."""
        with pytest.raises(InvalidValueError, match="expected a whole number"):
            Count(best=value)  # type: ignore[arg-type]

    def test_implausible_size_is_refused(self) -> None:
        """Figures beyond a billion are refused."""
        with pytest.raises(InvalidValueError, match="implausibly large"):
            Count(best=10**10)


class TestStringForm:
    @pytest.mark.parametrize(
        ("count", "text"),
        [
            (Count(), "unknown"),
            (Count.exact(12), "12"),
            (Count.at_least(12), ">=12"),
            (Count.at_most(12), "<=12"),
            (Count(low=5, high=12), "5..12"),
            (Count(low=5, best=7, high=12), "7 (5..12)"),
            (Count(low=5, best=7), "7 (5..)"),
            (Count(best=7, high=12), "7 (..12)"),
        ],
    )
    def test_canonical_forms(self, count: Count, text: str) -> None:
        """Each state has one canonical string, and parse reads it back."""
        assert str(count) == text
        assert Count.parse(text) == count
        assert repr(count) == f'Count.parse("{text}")'

    @pytest.mark.parametrize(
        "text", ["", "-1", "12 ", "at least 12", "5..", "1" * 50, 12, "\u0665", "\uff15", "1\u0660"]
    )
    def test_bad_strings(self, text: object) -> None:
        """Anything but a canonical form is an error quoting the input (ASCII digits only)."""
        with pytest.raises(InvalidValueError) as info:
            Count.parse(text)  # type: ignore[arg-type]
        assert info.value.value == text

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("05", "5"),
            ("007..012", "7..12"),
            ("5 (..)", "5"),
            (">=00", ">=0"),
            ("7 (05..)", "7 (5..)"),
        ],
    )
    def test_one_string_per_count(self, text: str, canonical: str) -> None:
        """A count written another way is refused, with its canonical string as the hint."""
        with pytest.raises(InvalidValueError) as info:
            Count.parse(text)
        assert str(info.value) == f"$: not a canonical count: {text!r} (write {canonical!r})"
        assert str(Count.parse(canonical)) == canonical

    @given(
        st.one_of(st.none(), st.integers(0, 10**6)),
        st.one_of(st.none(), st.integers(0, 10**6)),
        st.one_of(st.none(), st.integers(0, 10**6)),
    )
    def test_round_trip(self, a: int | None, b: int | None, c: int | None) -> None:
        """Every valid count survives ``parse(str(c))``."""
        values = sorted(v for v in (a, b, c) if v is not None)
        low, best, high = a, b, c
        if values:
            low = values[0] if a is not None else None
            best = values[len(values) // 2] if b is not None else None
            high = values[-1] if c is not None else None
        try:
            count = Count(low=low, best=best, high=high)
        except InvalidValueError:
            return
        assert Count.parse(str(count)) == count


class TestBounds:
    def test_minimum_and_maximum(self) -> None:
        """Bounds follow from what was reported."""
        assert (Count(low=5, best=7, high=12).minimum, Count(low=5, best=7, high=12).maximum) == (
            5,
            12,
        )
        assert (Count(best=7, high=12).minimum, Count(low=5, best=7).maximum) == (0, None)
        assert Count().maximum is None
        assert Count(best=3).is_exact
        assert not Count(low=3).is_exact

"""Tests for :class:`geoevents.Location` and spatial precision."""

from __future__ import annotations

import decimal
import fractions
import math
from typing import Any

import pytest

from geoevents import Country, InvalidValueError, Location, SpatialPrecision


class _Float(float):
    """A float subclass, as numpy's float64 is."""


class TestLocation:
    def test_named_place(self) -> None:
        """A place with a name, country, admin unit and point keeps them all."""
        loc = Location(
            name="Sweida",
            country=Country("SY"),
            admin1="As-Suwayda",
            latitude=32.71,
            longitude=36.57,
            precision=SpatialPrecision.EXACT,
        )
        assert (loc.name, loc.admin1, loc.has_point) == ("Sweida", "As-Suwayda", True)

    @pytest.mark.parametrize(
        ("lat", "lon", "path"),
        [(91.0, 0.0, "$.latitude"), (-90.5, 0.0, "$.latitude"), (0.0, 180.5, "$.longitude")],
    )
    def test_out_of_range(self, lat: float, lon: float, path: str) -> None:
        """Coordinates out of range name the field."""
        with pytest.raises(InvalidValueError) as info:
            Location(name="X", latitude=lat, longitude=lon)
        assert info.value.path == path

    @pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 10**400, True, "32.7"])
    def test_not_a_number(self, bad: object) -> None:
        """NaN, infinity, huge integers, booleans and strings are not coordinates."""
        with pytest.raises(InvalidValueError):
            Location(name="X", latitude=bad, longitude=0.0)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "number", [_Float(36.25), 36, fractions.Fraction(145, 4), decimal.Decimal("36.25")]
    )
    def test_numbers_become_plain_floats(self, number: Any) -> None:
        """Real numbers (numpy's float64 is a float subclass) are kept as plain floats.

        A subclass would stay unwritable by orjson; an int would be written ``36`` and
        read back ``36.0``. A Decimal is not a real number to Python and is refused.
        """
        if isinstance(number, decimal.Decimal):
            with pytest.raises(InvalidValueError, match="expected a number, got Decimal"):
                Location(name="X", latitude=number, longitude=0.0)  # type: ignore[arg-type]
            return
        loc = Location(name="X", latitude=number, longitude=number)
        assert (type(loc.latitude), loc.latitude) == (float, float(number))
        assert (type(loc.longitude), loc.longitude) == (float, float(number))

    def test_half_a_point(self) -> None:
        """A latitude without a longitude is refused."""
        with pytest.raises(InvalidValueError) as info:
            Location(name="X", latitude=1.0)
        assert info.value.path == "$.longitude"

    def test_empty(self) -> None:
        """A location with nothing in it is refused."""
        with pytest.raises(InvalidValueError, match="needs a name, a country or coordinates"):
            Location()


class TestSpatialPrecision:
    def test_ucdp_codes(self) -> None:
        """UCDP where_prec 1-7 maps onto the precisions in order, and back."""
        assert [p.ucdp_where_prec for p in SpatialPrecision] == [1, 2, 3, 4, 5, 6, 7]
        assert [SpatialPrecision.from_ucdp(i) for i in range(1, 8)] == list(SpatialPrecision)

    @pytest.mark.parametrize("code", [0, 8, True, "1"])
    def test_bad_ucdp_code(self, code: object) -> None:
        """Codes outside 1-7 are refused."""
        with pytest.raises(InvalidValueError):
            SpatialPrecision.from_ucdp(code)  # type: ignore[arg-type]

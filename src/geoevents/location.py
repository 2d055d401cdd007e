"""Where an event happened, and how precisely the report says so."""

from __future__ import annotations

import enum
from typing import final

import attrs

from geoevents._checks import Coordinate, InstanceOf, optional_text, raise_first, to_float
from geoevents.country import Country
from geoevents.errors import InvalidValueError

__all__ = ["Location", "SpatialPrecision"]


class SpatialPrecision(enum.StrEnum):
    """How precisely a place is known, in the steps of UCDP's ``where_prec`` (1–7).

    ACLED's ``geo_precision`` 1–3 maps onto ``EXACT``, ``NEAR`` and ``REGION``.

    >>> SpatialPrecision.ADMIN1.ucdp_where_prec
    4
    >>> SpatialPrecision.from_ucdp(6)
    <SpatialPrecision.COUNTRY: 'country'>
    """

    EXACT = "exact"
    """A named place (town, village, site)."""
    NEAR = "near"
    """An area around a named place."""
    ADMIN2 = "admin2"
    """A second-order administrative unit (district)."""
    ADMIN1 = "admin1"
    """A first-order administrative unit (province, governorate)."""
    REGION = "region"
    """Larger than a province but smaller than the country, or vague."""
    COUNTRY = "country"
    """The country as a whole."""
    INTERNATIONAL = "international"
    """International waters or airspace."""

    @property
    def ucdp_where_prec(self) -> int:
        """The UCDP GED ``where_prec`` code (1 most precise … 7)."""
        return _ORDER.index(self) + 1

    @classmethod
    def from_ucdp(cls, code: int, /) -> SpatialPrecision:
        """The precision for a UCDP GED ``where_prec`` code.

        Raises:
            InvalidValueError: *code* is not 1–7.
        """
        if isinstance(code, bool) or not isinstance(code, int) or not 1 <= code <= 7:
            raise InvalidValueError("not a UCDP where_prec code", value=code, expected="1-7")
        return _ORDER[code - 1]


_ORDER = tuple(SpatialPrecision)


@final
@attrs.frozen(kw_only=True)
class Location:
    """A place: a name, its country and administrative units, and optionally a point.

    Args:
        name: the place as reported ("Sweida").
        country: the country it lies in.
        admin1: first-order administrative unit ("As-Suwayda Governorate").
        admin2: second-order unit.
        admin3: third-order unit.
        latitude: WGS 84 latitude in degrees, -90..90; given together with longitude. Any
            real number but a ``bool`` is kept as a plain ``float`` (``36`` as ``36.0``,
            ``numpy.float64`` as ``float``).
        longitude: WGS 84 longitude in degrees, -180..180, kept as latitude is.
        precision: how precisely the place is known.

    Raises:
        InvalidValueError: nothing given at all, a coordinate out of range or alone.

    >>> Location(name="Sweida", country=Country("SY"), precision=SpatialPrecision.ADMIN1).country
    Country("SY")
    >>> Location(name="Nowhere", latitude=91.0, longitude=0.0)
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidValueError: $.latitude: must be between -90 and 90: 91.0
    """

    name: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    country: Country | None = attrs.field(
        default=None, validator=InstanceOf(Country, optional=True)
    )
    admin1: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    admin2: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    admin3: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    latitude: float | None = attrs.field(
        default=None, converter=to_float, validator=Coordinate(90.0)
    )
    longitude: float | None = attrs.field(
        default=None, converter=to_float, validator=Coordinate(180.0)
    )
    precision: SpatialPrecision | None = attrs.field(
        default=None, validator=InstanceOf(SpatialPrecision, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        raise_first(self._problems())

    def _problems(self) -> list[InvalidValueError]:
        """Every rule across fields the location breaks (construction raises the first)."""
        found = []
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            found.append(
                InvalidValueError(
                    "latitude and longitude come together",
                    path=f"$.{missing}",
                    hint=f"give {missing} too",
                )
            )
        if self.name is None and self.country is None and self.latitude is None:
            found.append(
                InvalidValueError(
                    "a location needs a name, a country or coordinates", hint="give at least one"
                )
            )
        return found

    @property
    def has_point(self) -> bool:
        """Whether the location has coordinates."""
        return self.latitude is not None

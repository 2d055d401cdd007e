"""The :class:`Country` value type: one ISO 3166-1 country, stored as its alpha-2 code.

Records store codes and show names, so a country is a small immutable value keyed on its
alpha-2 code. The code tables (alpha-3, numeric, names, FIPS 10-4, IOC and Gleditsch-Ward
codes) live in ``geoevents/data/country_codes.tsv``, generated from pycountry by
``tools/generate_country_names.py``. They are read lazily, under a lock, on first use, so
importing this module does not load pycountry's database, and constructing a
:class:`Country` costs one dict lookup.

Loose input (names, other code systems) goes through
:func:`geoevents.normalize.normalize_country`, not through the constructor.
"""

from __future__ import annotations

import os
import threading
from typing import Any, NamedTuple, final

import attrs

from geoevents.errors import UnknownCountryError

__all__ = ["Country"]


class _Row(NamedTuple):
    """One line of ``country_codes.tsv``."""

    alpha2: str
    alpha3: str
    numeric: str
    name: str
    official_name: str
    common_name: str
    fips: str
    fips_other: str
    ioc: str
    gw: str
    gw_other: str


class _Tables(NamedTuple):
    """The code tables, built once."""

    rows: dict[str, _Row]
    by_code: dict[str, str]  # alpha-2, alpha-3 and numeric -> alpha-2
    ordered: tuple[str, ...]


_LOCK = threading.Lock()
_TABLES: _Tables | None = None


def _load() -> _Tables:
    """Return the code tables, reading the TSV on first use (thread-safe)."""
    global _TABLES  # noqa: PLW0603 - a lazily built module cache
    tables = _TABLES
    if tables is not None:
        return tables
    with _LOCK:
        if _TABLES is None:
            path = os.path.join(os.path.dirname(__file__), "data", "country_codes.tsv")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            rows: dict[str, _Row] = {}
            by_code: dict[str, str] = {}
            for line in text.splitlines()[1:]:
                if not line or line.startswith("#"):
                    continue
                row = _Row(*line.split("\t"))
                rows[row.alpha2] = row
                by_code[row.alpha2] = row.alpha2
                by_code[row.alpha3] = row.alpha2
                by_code[row.numeric] = row.alpha2
            _TABLES = _Tables(rows, by_code, tuple(sorted(rows)))
        return _TABLES


def _code_to_alpha2(value: Any) -> str:
    """Convert an alpha-2, alpha-3 or zero-padded numeric code to its alpha-2 code."""
    try:
        return _load().by_code[value]
    except (KeyError, TypeError):
        raise _unknown_code(value) from None


def _numeric_code(text: str) -> str | None:
    """*text* as a three-digit ISO numeric code ("792", "0792"), or ``None`` if it is not one.

    Leading zeros are padding; any other digit counts ("1792" is no code).
    """
    significant = text.lstrip("0")
    if text.isascii() and text.isdigit() and significant and len(significant) <= 3:
        return significant.zfill(3)
    return None


def _unknown_code(value: object) -> UnknownCountryError:
    """Build the error for a code the constructor does not accept, with cheap suggestions."""
    suggestions: list[str] = []
    hint: str | None = (
        "pass an ISO 3166-1 alpha-2, alpha-3 or numeric code, or use normalize_country()"
    )
    if isinstance(value, str):
        by_code = _load().by_code
        stripped = value.strip()
        upper = stripped.upper()
        if upper in by_code:
            suggestions.append(upper)
        elif (numeric := _numeric_code(stripped)) is not None and numeric in by_code:
            suggestions.append(numeric)
        if suggestions:
            hint = None
    return UnknownCountryError(
        "unknown country code", value=value, suggestions=suggestions, hint=hint
    )


@final
@attrs.frozen(repr=False, order=False)
class Country:
    """One ISO 3166-1 country (or Kosovo, ``XK``), stored as its alpha-2 code.

    The constructor takes canonical codes only: an uppercase alpha-2 (``"TR"``), alpha-3
    (``"TUR"``) or zero-padded numeric (``"792"``) code, and stores the alpha-2 code. Names
    and other code systems go through :func:`geoevents.normalize.normalize_country`.
    Equality and hashing use the alpha-2 code; ``<`` orders by it.

    Args:
        alpha2: an ISO 3166-1 alpha-2, alpha-3 or numeric code.

    Raises:
        UnknownCountryError: the code is not a known country code.

    >>> Country("TUR")
    Country("TR")
    >>> Country("792") == Country("TR")
    True
    >>> Country("XK").name
    'Kosovo'
    """

    alpha2: str = attrs.field(converter=_code_to_alpha2)

    def __repr__(self) -> str:
        return f'Country("{self.alpha2}")'

    def __str__(self) -> str:
        return self.alpha2

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Country):
            return NotImplemented
        return self.alpha2 < other.alpha2

    @classmethod
    def parse(cls, text: str, /) -> Country:
        """Parse the output of ``str()``: an alpha-2 code, exactly.

        Args:
            text: an uppercase ISO 3166-1 alpha-2 code such as ``"TR"``.

        Returns:
            The country.

        Raises:
            UnknownCountryError: *text* is not a known alpha-2 code.

        >>> Country.parse("TR")
        Country("TR")
        >>> Country.parse(str(Country("SYR")))
        Country("SY")
        """
        if isinstance(text, str) and len(text) == 2 and text in _load().rows:
            return cls(text)
        raise UnknownCountryError(
            "not an ISO 3166-1 alpha-2 code",
            value=text,
            suggestions=[text.upper()]
            if isinstance(text, str) and text.upper() in _load().rows
            else (),
            hint=None
            if isinstance(text, str) and text.upper() in _load().rows
            else "Country.parse() takes what str(Country) returns; use normalize_country()",
        )

    @classmethod
    def all(cls) -> tuple[Country, ...]:
        """Return every country, ordered by alpha-2 code, including ``XK`` (Kosovo).

        >>> countries = Country.all()
        >>> len(countries), countries[0], Country("XK") in countries
        (250, Country("AD"), True)
        """
        return tuple(cls(code) for code in _load().ordered)

    @property
    def _row(self) -> _Row:
        return _load().rows[self.alpha2]

    @property
    def alpha3(self) -> str:
        """The ISO 3166-1 alpha-3 code.

        >>> Country("TR").alpha3
        'TUR'
        """
        return self._row.alpha3

    @property
    def numeric(self) -> str:
        """The ISO 3166-1 numeric code, as a zero-padded three-digit string.

        >>> Country("AR").numeric
        '032'
        """
        return self._row.numeric

    @property
    def name(self) -> str:
        """The current ISO short name (as pycountry has it when the data was generated).

        >>> Country("TR").name
        'Türkiye'
        """
        return self._row.name

    @property
    def official_name(self) -> str:
        """The official name, or the short name when ISO lists none.

        >>> Country("TR").official_name
        'Republic of Türkiye'
        >>> Country("VA").official_name
        'Holy See (Vatican City State)'
        """
        return self._row.official_name or self._row.name

    @property
    def fips(self) -> str | None:
        """The FIPS 10-4 code (as GDELT uses it), or ``None`` when FIPS has none.

        >>> Country("DE").fips, Country("IL").fips, Country("GB").fips
        ('GM', 'IS', 'UK')
        >>> Country("AX").fips is None
        True
        """
        return self._row.fips or None

    @property
    def ioc(self) -> str | None:
        """The IOC (Olympic) country code, or ``None`` for countries without one.

        >>> Country("DE").ioc, Country("CH").ioc
        ('GER', 'SUI')
        >>> Country("AQ").ioc is None
        True
        """
        return self._row.ioc or None

    @property
    def gw(self) -> str | None:
        """The Gleditsch-Ward state number, or ``None`` if none.

        UCDP's ``country_id`` holds these, but for Serbia, which UCDP keeps at
        Yugoslavia's 345 (GW gives 340 since 2006).

        >>> Country("TR").gw, Country("DE").gw, Country("YE").gw
        ('640', '260', '678')
        >>> Country("PS").gw is None
        True
        """
        return self._row.gw or None

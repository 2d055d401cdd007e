"""Tests for geoevents.country.Country."""

from __future__ import annotations

import pickle

import pytest

from geoevents.country import Country
from geoevents.errors import UnknownCountryError


class TestConstruction:
    """Country() takes canonical ISO codes and stores the alpha-2 code."""

    @pytest.mark.parametrize("code", ["TR", "TUR", "792"])
    def test_codes(self, code: str) -> None:
        """Alpha-2, alpha-3 and numeric codes construct the same country."""
        assert Country(code).alpha2 == "TR"

    def test_zero_padded_numeric(self) -> None:
        """A zero-padded numeric code is accepted."""
        assert Country("032").alpha2 == "AR"

    def test_kosovo(self) -> None:
        """XK, XKX and 983 are Kosovo."""
        assert Country("XKX") == Country("983") == Country("XK")
        assert (Country("XK").alpha3, Country("XK").numeric, Country("XK").name) == (
            "XKX",
            "983",
            "Kosovo",
        )

    @pytest.mark.parametrize("bad", ["tr", "Turkey", "ZZ", "", "32", " TR", "T"])
    def test_unknown(self, bad: str) -> None:
        """A non-canonical code raises UnknownCountryError whose message quotes the input."""
        with pytest.raises(UnknownCountryError) as info:
            Country(bad)
        assert repr(bad) in str(info.value)

    def test_lowercase_suggests_uppercase(self) -> None:
        """A lowercase code suggests its uppercase form."""
        with pytest.raises(UnknownCountryError) as info:
            Country("tr")
        assert info.value.suggestions == ("TR",)

    def test_unpadded_numeric_suggests_padded(self) -> None:
        """An unpadded numeric code suggests the padded one."""
        with pytest.raises(UnknownCountryError) as info:
            Country("32")
        assert info.value.suggestions == ("032",)

    def test_non_string(self) -> None:
        """A non-string raises UnknownCountryError."""
        with pytest.raises(UnknownCountryError):
            Country(792)

    def test_frozen(self) -> None:
        """Countries are immutable."""
        c = Country("TR")
        with pytest.raises(AttributeError):
            c.alpha2 = "SY"  # type: ignore[misc]


class TestStringForms:
    """repr, str and parse."""

    def test_repr(self) -> None:
        """The repr is Country("TR")."""
        assert repr(Country("TUR")) == 'Country("TR")'

    def test_str(self) -> None:
        """str() is the alpha-2 code."""
        assert str(Country("792")) == "TR"

    def test_parse_round_trip(self) -> None:
        """parse(str(c)) == c for every country."""
        for c in Country.all():
            assert Country.parse(str(c)) == c

    @pytest.mark.parametrize("bad", ["TUR", "792", "tr", "Turkey", ""])
    def test_parse_rejects_other_forms(self, bad: str) -> None:
        """Parsing accepts only alpha-2 codes."""
        with pytest.raises(UnknownCountryError) as info:
            Country.parse(bad)
        assert repr(bad) in str(info.value)

    def test_parse_lowercase_suggestion(self) -> None:
        """Parsing a lowercase code suggests the uppercase one."""
        with pytest.raises(UnknownCountryError) as info:
            Country.parse("tr")
        assert info.value.suggestions == ("TR",)

    def test_pickle(self) -> None:
        """Countries pickle and unpickle to equal values."""
        assert pickle.loads(pickle.dumps(Country("TR"))) == Country("TR")


class TestProperties:
    """Codes and names."""

    def test_turkiye(self) -> None:
        """Türkiye's codes and names."""
        c = Country("TR")
        assert (c.alpha3, c.numeric, c.name, c.official_name, c.fips, c.ioc) == (
            "TUR",
            "792",
            "Türkiye",
            "Republic of Türkiye",
            "TU",
            "TUR",
        )

    @pytest.mark.parametrize(
        ("alpha2", "fips"),
        [
            ("TR", "TU"),
            ("DE", "GM"),
            ("IL", "IS"),
            ("SY", "SY"),
            ("GB", "UK"),
            ("CN", "CH"),
            ("CH", "SZ"),
            ("RU", "RS"),
            ("ES", "SP"),
            ("IQ", "IZ"),
            ("PS", "WE"),
            ("XK", "KV"),
        ],
    )
    def test_fips(self, alpha2: str, fips: str) -> None:
        """FIPS 10-4 codes differ from ISO codes."""
        assert Country(alpha2).fips == fips

    def test_fips_none(self) -> None:
        """Countries without a FIPS code return None."""
        assert Country("AX").fips is None

    @pytest.mark.parametrize(
        ("alpha2", "ioc"),
        [("DE", "GER"), ("TR", "TUR"), ("CH", "SUI"), ("NL", "NED"), ("PS", "PLE"), ("XK", "KOS")],
    )
    def test_ioc(self, alpha2: str, ioc: str) -> None:
        """IOC codes."""
        assert Country(alpha2).ioc == ioc

    def test_ioc_none(self) -> None:
        """Territories without an NOC return None."""
        assert Country("GL").ioc is None

    def test_official_name_fallback(self) -> None:
        """official_name falls back to the short name."""
        assert Country("VA").official_name == "Holy See (Vatican City State)"

    def test_numeric_padding(self) -> None:
        """Numeric codes are three digits."""
        assert Country("AF").numeric == "004"

    def test_codes_unique(self) -> None:
        """Alpha-3, numeric, FIPS and IOC codes are unique across countries."""
        countries = Country.all()
        for attr in ("alpha3", "numeric", "fips", "ioc"):
            values = [getattr(c, attr) for c in countries if getattr(c, attr)]
            assert len(values) == len(set(values)), attr


class TestAll:
    """Country.all()."""

    def test_order_and_size(self) -> None:
        """All 249 ISO countries plus XK, sorted by alpha-2."""
        countries = Country.all()
        assert len(countries) == 250
        assert list(countries) == sorted(countries)
        assert Country("XK") in countries


class TestEquality:
    """Equality, hashing and ordering use the alpha-2 code."""

    def test_equal_and_hash(self) -> None:
        """Equal countries hash equally."""
        assert Country("TR") == Country("TUR")
        assert len({Country("TR"), Country("TUR"), Country("792")}) == 1

    def test_not_equal_to_string(self) -> None:
        """A country is not equal to its code string."""
        other: object = "TR"
        assert Country("TR") != other

    def test_lt(self) -> None:
        """Countries order by alpha-2 code."""
        assert Country("SY") < Country("TR")
        assert sorted([Country("TR"), Country("AF")]) == [Country("AF"), Country("TR")]

    def test_lt_foreign(self) -> None:
        """Comparing with a foreign type raises TypeError."""
        with pytest.raises(TypeError):
            _ = Country("TR") < "TR"

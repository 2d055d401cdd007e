"""Tests for geoevents.normalize.normalize_country."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents.country import Country
from geoevents.errors import AmbiguousCountryError, UnknownCountryError
from geoevents.normalize import normalize_country

DATA = Path(__file__).resolve().parent.parent / "src" / "geoevents" / "data"
# ISO short names that are deliberately ambiguous on their own (documented in the alias table).
AMBIGUOUS_ISO_NAMES = {"Congo"}


def codes(text: str, **kw: object) -> str:
    """Return the alpha-2 code *text* resolves to."""
    return normalize_country(text, **kw).alpha2  # type: ignore[arg-type]


def candidates(text: str, **kw: object) -> list[str]:
    """Return the candidates of the ambiguity *text* raises."""
    with pytest.raises(AmbiguousCountryError) as info:
        normalize_country(text, **kw)  # type: ignore[arg-type]
    return [c.alpha2 for c in info.value.candidates]


class TestTurkiye:
    """Every form of Türkiye resolves to TR."""

    @pytest.mark.parametrize(
        "text",
        [
            "Türkiye",
            "Turkey",
            "Turkiye",
            "TURKEY",
            "Türkei",
            "Turquie",
            "Turquía",
            "Türkiye Cumhuriyeti",
            "Republic of Türkiye",
            "Turkish",
            "TR",
            "TUR",
            "792",
            "TÜRKİYE",
            "Tu\u0308rkiye",
            "  turkey\t",
            "Republic of Turkey",
            "Турция",
            "تركيا",
        ],
    )
    def test_forms(self, text: str) -> None:
        """The name, renamed name, exonyms, demonym and codes all give TR."""
        assert codes(text) == "TR"

    def test_fips(self) -> None:
        """FIPS TU is Türkiye."""
        assert codes("TU", system="fips") == "TR"

    def test_suriye(self) -> None:
        """Suriye (Turkish for Syria) is SY, not TR."""
        assert codes("Suriye") == "SY"


class TestNames:
    """Names, variants, renames, endonyms and exonyms."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("USA", "US"),
            ("U.S.", "US"),
            ("US", "US"),
            ("UK", "GB"),
            ("U.K.", "GB"),
            ("UAE", "AE"),
            ("DRC", "CD"),
            ("DPRK", "KP"),
            ("ROK", "KR"),
            ("PRC", "CN"),
            ("Czech Republic", "CZ"),
            ("Swaziland", "SZ"),
            ("Macedonia", "MK"),
            ("Ivory Coast", "CI"),
            ("Cote d'Ivoire", "CI"),
            ("Burma", "MM"),
            ("Cape Verde", "CV"),
            ("East Timor", "TL"),
            ("Persia", "IR"),
            ("Syrian Arab Republic", "SY"),
            ("Russia", "RU"),
            ("Laos", "LA"),
            ("Viet Nam", "VN"),
            ("Bolivia", "BO"),
            ("Venezuela", "VE"),
            ("Tanzania", "TZ"),
            ("Moldova", "MD"),
            ("Micronesia", "FM"),
            ("Vatican", "VA"),
            ("Holy See", "VA"),
            ("Palestine", "PS"),
            ("West Bank", "PS"),
            ("Gaza", "PS"),
            ("Occupied Palestinian Territory", "PS"),
            ("Republic of China", "TW"),
        ],
    )
    def test_variants(self, text: str, expected: str) -> None:
        """Abbreviations, renames and common names."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Deutschland", "DE"),
            ("España", "ES"),
            ("Россия", "RU"),
            ("中国", "CN"),
            ("سوريا", "SY"),
            ("Ελλάδα", "GR"),
            ("日本", "JP"),
            ("대한민국", "KR"),
            ("Bharat", "IN"),
            ("Nippon", "JP"),
            ("Hellas", "GR"),
            ("Misr", "EG"),
            ("العراق", "IQ"),
            ("Iraq العراق", "IQ"),
            ("Allemagne", "DE"),
            ("Spanien", "ES"),
        ],
    )
    def test_endonyms_and_exonyms(self, text: str, expected: str) -> None:
        """Native and foreign names in any script."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Syrian", "SY"),
            ("Israeli", "IL"),
            ("Dutch", "NL"),
            ("British", "GB"),
            ("Emirati", "AE"),
            ("Saudi", "SA"),
            ("Lebanese", "LB"),
            ("Iraqi", "IQ"),
            ("Germans", "DE"),
            ("Nigerien", "NE"),
            ("Nigerian", "NG"),
        ],
    )
    def test_demonyms(self, text: str, expected: str) -> None:
        """Demonyms and adjectives (and simple plurals)."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("the Netherlands", "NL"),
            ("Gambia, The", "GM"),
            ("Korea, Republic of", "KR"),
            ("Congo, Democratic Republic of the", "CD"),
            ("St. Kitts & Nevis", "KN"),
            ("Kingdom of Morocco", "MA"),
            ("Georgia (country)", "GE"),
        ],
    )
    def test_noise(self, text: str, expected: str) -> None:
        """Articles, inverted names and state-form words are ignored."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Niger", "NE"),
            ("Nigeria", "NG"),
            ("Dominica", "DM"),
            ("Dominican Republic", "DO"),
            ("Guinea-Bissau", "GW"),
            ("Equatorial Guinea", "GQ"),
            ("Papua New Guinea", "PG"),
            ("Georgia", "GE"),
            ("Jersey", "JE"),
            ("Sudan", "SD"),
            ("Samoa", "WS"),
        ],
    )
    def test_collisions(self, text: str, expected: str) -> None:
        """Names that contain or resemble other names resolve to themselves."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Zaire", "CD"),
            ("Ceylon", "LK"),
            ("Siam", "TH"),
            ("Rhodesia", "ZW"),
            ("Upper Volta", "BF"),
            ("Dahomey", "BJ"),
            ("Kampuchea", "KH"),
            ("Hong Kong", "HK"),
            ("Macao", "MO"),
            ("Puerto Rico", "PR"),
            ("Greenland", "GL"),
            ("Western Sahara", "EH"),
            ("Kosovo", "XK"),
        ],
    )
    def test_historic_and_territories(self, text: str, expected: str) -> None:
        """Historic names with one successor and ISO territories."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Egypt, Arab Rep.", "EG"),
            ("Iran, Islamic Rep.", "IR"),
            ("Yemen, Rep.", "YE"),
            ("Venezuela, RB", "VE"),
            ("Micronesia, Fed. Sts.", "FM"),
            ("Macao SAR, China", "MO"),
            ("Hong Kong SAR, China", "HK"),
            ("Gambia, The", "GM"),
            ("Lao PDR", "LA"),
            ("Macedonia, FYR", "MK"),
            ("Korea, Dem. Rep.", "KP"),
        ],
    )
    def test_world_bank_names(self, text: str, expected: str) -> None:
        """The World Bank's economy names (also used by UCDP for some states)."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Kingdom of eSwatini (Swaziland)", "SZ"),
            ("Serbia (Yugoslavia)", "RS"),
            ("Russia (Soviet Union)", "RU"),
            ("Yemen (North Yemen)", "YE"),
            ("Cambodia (Kampuchea)", "KH"),
            ("Madagascar (Malagasy)", "MG"),
            ("Germany (Prussia)", "DE"),
            ("Turkey (Ottoman Empire)", "TR"),
            ("Vietnam (Annam)", "VN"),
            ("Georgia (country)", "GE"),
            ("Sudan (South)", "SS"),  # the note completes the name, as in "Sudan, South"
            ("China (Republic of)", "TW"),
            ("Pakistan (East)", "BD"),
            ("Korea (North)", "KP"),
            ("Congo (Zaire)", "CD"),  # the note chooses among the name's candidates
            ("Congo (Brazzaville)", "CG"),
            ("Yugoslavia (Serbia)", "RS"),
            ("Gambia (the)", "GM"),
            ("Syria (652)", "SY"),  # a number in a note is no ISO code
        ],
    )
    def test_a_note_in_parentheses(self, text: str, expected: str) -> None:
        """UCDP and Gleditsch-Ward names: the name decides, a former name agrees or is unknown."""
        assert codes(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Georgia (US state)", ["GE", "US"]),
            ("Syria (Iraq)", ["SY", "IQ"]),
            ("Jersey (UK)", ["JE", "GB"]),
        ],
    )
    def test_a_note_naming_another_country(self, text: str, expected: list[str]) -> None:
        """A note that names another country makes the whole ambiguous, never a guess."""
        assert candidates(text) == expected

    def test_a_note_alone_decides_nothing(self) -> None:
        """A place that is not a country, with a country in parentheses, stays unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country("Punjab (India)")
        with pytest.raises(UnknownCountryError):
            normalize_country("Kurdistan (Iraq)")

    @pytest.mark.parametrize("text", ["Sudan (north)", "Ireland (Northern)"])
    def test_a_note_that_changes_the_name_is_never_dropped(self, text: str) -> None:
        """A direction word in a note changes the place; without a match it is unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text)

    def test_an_ambiguous_name_with_a_note_that_does_not_choose(self) -> None:
        """The name's candidates, not an unknown country."""
        assert candidates("Congo (the)") == ["CD", "CG"]
        assert candidates("Guinea (New)") == ["PG", "ID"]  # as "New Guinea" is

    @pytest.mark.parametrize(
        ("text", "expected", "system"),
        [
            ("ＴＵＲ", "TR", None),
            ("Ｔｕｒｋｅｙ", "TR", None),
            ("Ｓｙｒｉａ", "SY", None),
            ("ＴＵ", "TR", "fips"),
            ("７９２", "TR", None),
        ],
    )
    def test_full_width_forms(self, text: str, expected: str, system: str | None) -> None:
        """Full-width letters and digits (East Asian input methods) read as their ASCII forms."""
        assert codes(text, system=system) == expected

    @pytest.mark.parametrize("text", ["™", "℠", "㎇", "㎏", "Ⅵ", "⁶⁵²", "№"])
    def test_symbols_are_not_codes(self, text: str) -> None:
        """Compatibility symbols that spell letters (™ is TM) are not country codes."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text)


class TestCodes:
    """ISO codes without a hint and other systems with one."""

    @pytest.mark.parametrize(("text", "expected"), [("32", "AR"), ("032", "AR"), ("4", "AF")])
    def test_numeric(self, text: str, expected: str) -> None:
        """Numeric codes with or without leading zeros."""
        assert codes(text) == expected

    def test_lowercase_alpha2(self) -> None:
        """A lowercase alpha-2 code is accepted when no name matches."""
        assert codes("tr") == "TR"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("652", "SY"),
            ("640", "TR"),
            ("2", "US"),
            (" 070 ", "MX"),
            ("490", "CD"),
            ("484", "CG"),
            ("438", "GN"),
            ("260", "DE"),
            ("255", "DE"),  # Germany (Prussia), before 1945
            ("340", "RS"),
            ("345", "RS"),  # UCDP's "Serbia (Yugoslavia)"
            ("678", "YE"),  # COW would say 679
            ("816", "VN"),
            ("347", "XK"),
            ("713", "TW"),
            ("970", "KI"),  # a microstate; COW's 970 is Nauru
            ("971", "NR"),
            ("626", "SS"),
            ("00652", "SY"),
            ("652.0", "SY"),  # as pandas writes an integer column with blanks
            ("652\u200b", "SY"),
        ],
    )
    def test_gleditsch_ward(self, text: str, expected: str) -> None:
        """Gleditsch-Ward state numbers, as UCDP's country_id and gwno columns hold them."""
        assert codes(text, system="gw") == expected

    def test_gleditsch_ward_round_trip(self) -> None:
        """Every country's GW number reads back as that country; no number is shared."""
        numbered = [c for c in Country.all() if c.gw is not None]
        assert len(numbered) == 195
        assert len({c.gw for c in numbered}) == len(numbered)
        for country in numbered:
            assert normalize_country(country.gw, system="gw") == country  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("265", "DE"), ("680", "YE"), ("817", "VN")],
    )
    def test_gleditsch_ward_absorbed_states(self, text: str, expected: str) -> None:
        """A state absorbed by another reads as its successor, as its names do."""
        assert codes(text, system="gw") == expected

    def test_gleditsch_ward_states_without_one_successor(self) -> None:
        """Czechoslovakia is ambiguous; a breakaway region is named, not called a wrong code."""
        assert candidates("315", system="gw") == ["CZ", "SK"]
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("396", system="gw")
        assert info.value.hint == "GW 396 is Abkhazia, a breakaway region of GE"

    def test_a_gleditsch_ward_number_is_not_iso_numeric(self) -> None:
        """652 is Syria for GW and Saint Barthélemy for ISO: never guessed, hinted when free."""
        assert codes("652") == "BL"
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("640")
        assert info.value.hint == "not an ISO numeric code; it is gw for TR (Türkiye), system='gw'?"
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("2")
        assert (
            info.value.hint
            == "not an ISO numeric code; it is gw for US (United States), system='gw'?"
        )
        for text in ("+652", "⁶⁵²", "652a", "65 2"):
            with pytest.raises(UnknownCountryError):
                normalize_country(text, system="gw")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("TU", "TR"),
            ("GM", "DE"),
            ("SY", "SY"),
            ("IS", "IL"),
            ("RS", "RU"),
            ("CH", "CN"),
            ("SP", "ES"),
            ("SW", "SE"),
            ("SZ", "CH"),
            ("UK", "GB"),
            ("IZ", "IQ"),
            ("LE", "LB"),
            ("WE", "PS"),
            ("GZ", "PS"),
            ("EZ", "CZ"),
            ("RP", "PH"),
            ("tu", "TR"),
        ],
    )
    def test_fips(self, text: str, expected: str) -> None:
        """FIPS 10-4 codes with system='fips'."""
        assert codes(text, system="fips") == expected

    @pytest.mark.parametrize(("text", "expected"), [("GER", "DE"), ("SUI", "CH"), ("NED", "NL")])
    def test_ioc(self, text: str, expected: str) -> None:
        """IOC codes with system='ioc'."""
        assert codes(text, system="ioc") == expected

    @pytest.mark.parametrize(
        ("text", "system", "expected"),
        [
            ("CH", "alpha2", "CH"),
            ("CHE", "alpha3", "CH"),
            ("756", "numeric", "CH"),
            ("32", "numeric", "AR"),
        ],
    )
    def test_iso_systems(self, text: str, system: str, expected: str) -> None:
        """ISO systems named explicitly."""
        assert codes(text, system=system) == expected

    def test_wrong_system(self) -> None:
        """A code of another system is unknown, and the hint names the right system."""
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("TR", system="fips")
        assert (
            info.value.hint
            == "not a FIPS 10-4 code; it is alpha2 for TR (Türkiye), system='alpha2'?"
        )

    @pytest.mark.parametrize(
        ("text", "hint"),
        [
            ("TU", "it is fips for TR (Türkiye): pass system='fips'"),
            ("GER", "it is ioc for DE (Germany): pass system='ioc'"),
        ],
    )
    def test_code_of_another_system_without_system(self, text: str, hint: str) -> None:
        """Without a system, a FIPS or IOC code is not guessed, but the hint names it."""
        with pytest.raises(UnknownCountryError) as info:
            normalize_country(text)
        assert (info.value.message, info.value.hint) == ("not an ISO country code", hint)

    def test_no_names_with_system(self) -> None:
        """With a system, names are not tried."""
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("Turkey", system="ioc")
        assert info.value.hint == "not an IOC code"

    def test_bad_system(self) -> None:
        """An unknown system name is an error."""
        with pytest.raises(UnknownCountryError):
            normalize_country("TR", system="iso")  # type: ignore[arg-type]


class TestAmbiguous:
    """Ambiguous input raises AmbiguousCountryError with ordered candidates."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Congo", ["CD", "CG"]),
            ("Korea", ["KR", "KP"]),
            ("Virgin Islands", ["VI", "VG"]),
            ("Congolese", ["CD", "CG"]),
            ("Korean", ["KR", "KP"]),
            ("Sudanese", ["SD", "SS"]),
            ("Samoan", ["WS", "AS"]),
            ("Dominican", ["DO", "DM"]),
            ("Czechoslovakia", ["CZ", "SK"]),
            ("Saint Martin", ["MF", "SX"]),
            ("Yugoslavia", ["RS", "HR", "SI", "BA", "MK", "ME", "XK"]),
        ],
    )
    def test_candidates(self, text: str, expected: list[str]) -> None:
        """The candidates are exactly these, most likely first."""
        assert candidates(text) == expected

    def test_soviet_union(self) -> None:
        """The Soviet Union lists its 15 successors, Russia first."""
        found = candidates("USSR")
        assert (found[0], len(found)) == ("RU", 15)

    def test_message(self) -> None:
        """The message quotes the input and lists the candidates."""
        with pytest.raises(AmbiguousCountryError) as info:
            normalize_country("Congo")
        assert "'Congo'" in str(info.value)
        assert "CD (Congo, The Democratic Republic of the)" in str(info.value)


class TestUnknown:
    """Unknown and hostile input raises UnknownCountryError quickly."""

    @pytest.mark.parametrize(
        "text",
        [
            "Europe",
            "Middle East",
            "Kurdistan",
            "NATO",
            "Hezbollah",
            "Druze",
            "Bedouin",
            "Kurdish",
            "EU",
            "",
            "   ",
            "\x00\x01\x02",
            "Ankara",
            "Damascus",
            "Democratic Republic",
            "Republic",
            "٧٩٢",
            "9999",
            "ZZ",
            "ZZZ",
            "\u200b",
        ],
    )
    def test_not_countries(self, text: str) -> None:
        """Regions, peoples, groups, capitals and junk are unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text)

    def test_suggestions(self) -> None:
        """A near miss suggests the close names."""
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("Turky")
        assert info.value.suggestions == ("Turkey",)

    def test_message_quotes_input(self) -> None:
        """The message contains the repr of the input."""
        with pytest.raises(UnknownCountryError) as info:
            normalize_country("Atlantis")
        assert "'Atlantis'" in str(info.value)

    def test_long_string(self) -> None:
        """A 10,000-character string is rejected in under 10 ms."""
        start = time.perf_counter()
        with pytest.raises(UnknownCountryError):
            normalize_country("Turkey" * 1700)
        assert time.perf_counter() - start < 0.01

    def test_non_string(self) -> None:
        """A non-string is unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country(792)  # type: ignore[arg-type]

    def test_cached_failure_raises_again(self) -> None:
        """A cached miss raises a fresh error on every call."""
        for _ in range(2):
            with pytest.raises(UnknownCountryError):
                normalize_country("Narnia")

    @given(st.text(max_size=200))
    def test_fuzz(self, text: str) -> None:
        """Any string gives a country or a country error that carries the input."""
        error: UnknownCountryError | AmbiguousCountryError | None = None
        try:
            normalize_country(text)
        except (UnknownCountryError, AmbiguousCountryError) as e:
            error = e
        assert error is None or error.value == text


class TestFuzzy:
    """fuzzy=True resolves close misspellings when one country is clearly nearest."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Turky", "TR"),
            ("Isreal", "IL"),
            ("Afganistan", "AF"),
            ("Phillipines", "PH"),
            ("Columbia", "CO"),
            ("Germny", "DE"),
        ],
    )
    def test_resolves(self, text: str, expected: str) -> None:
        """Close misspellings resolve."""
        assert codes(text, fuzzy=True) == expected

    @pytest.mark.parametrize("text", ["Kurdsh", "Qwertyuiop", "Xy"])
    def test_stays_unknown(self, text: str) -> None:
        """Non-countries and far strings stay unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text, fuzzy=True)

    def test_ambiguous_nearest(self) -> None:
        """A misspelt ambiguous name is still ambiguous."""
        assert candidates("Congp", fuzzy=True) == ["CD", "CG"]

    def test_not_without_fuzzy(self) -> None:
        """Without fuzzy, a misspelling is unknown."""
        with pytest.raises(UnknownCountryError):
            normalize_country("Afghanistn")


class TestIdempotence:
    """Every country's own names and codes resolve to it."""

    @given(st.sampled_from(Country.all()))
    def test_codes_and_names(self, country: Country) -> None:
        """Name, official name, alpha-2, alpha-3 and numeric resolve to the country."""
        for text in (
            country.alpha2,
            country.alpha3,
            country.numeric,
            country.official_name,
            country.name,
        ):
            if text in AMBIGUOUS_ISO_NAMES:
                continue
            resolved = normalize_country(text)
            assert resolved == country
            if resolved.name not in AMBIGUOUS_ISO_NAMES:
                assert normalize_country(resolved.name) == country

    def test_ambiguous_iso_names(self) -> None:
        """The ISO name Congo is deliberately ambiguous; Guinea is Guinea, as in every dataset."""
        assert candidates("Congo")[1] == "CG"
        assert codes("Guinea") == "GN"
        assert codes("guinea") == "GN"
        assert codes("Guinean") == codes("Guinea-Conakry") == codes("Guinée-Conakry") == "GN"
        assert codes("Bissau-Guinean") == "GW"


class TestAliasTable:
    """The curated alias table is consistent and agrees with pycountry."""

    def rows(self) -> list[list[str]]:
        """Return the table's data rows."""
        lines = (DATA / "country_aliases.tsv").read_text("utf-8").splitlines()[1:]
        return [line.split("\t") for line in lines if line and not line.startswith("#")]

    def test_well_formed(self) -> None:
        """Every row has four columns, known codes and a source."""
        known = {c.alpha2 for c in Country.all()}
        for row in self.rows():
            assert len(row) == 4, row
            assert row[3], row
            if row[1] != "-":
                assert set(row[1].split("|")) <= known, row

    def test_no_duplicates(self) -> None:
        """No alias appears twice."""
        aliases = Counter(row[0] for row in self.rows())
        assert [k for k, n in aliases.items() if n > 1] == []

    def test_folded_duplicates_agree(self) -> None:
        """Aliases that fold to the same key (USA, U.S.A.) map to the same codes."""
        from geoevents.normalize import _exact_key

        seen: dict[str, str] = {}
        for alias, code, *_ in self.rows():
            assert seen.setdefault(_exact_key(alias), code) == code, alias

    def test_multi_code_rows_are_marked(self) -> None:
        """Aliases with several codes are marked ambiguous, historic or demonym."""
        for row in self.rows():
            if "|" in row[1]:
                assert row[2] in {"ambiguous", "historic", "demonym"}, row

    def test_drift(self) -> None:
        """Every pycountry name, official name and common name resolves to its own code."""
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                text = getattr(c, attr, None)
                if text and text not in AMBIGUOUS_ISO_NAMES:
                    assert normalize_country(text).alpha2 == c.alpha_2, text

    def test_codes_file_matches_pycountry(self) -> None:
        """The generated code table matches the installed pycountry."""
        for c in pycountry.countries:
            country = Country(c.alpha_2)
            assert (country.alpha3, country.numeric, country.name) == (c.alpha_3, c.numeric, c.name)


class TestHostileVariants:
    """Inputs that used to resolve to a country they do not name."""

    @pytest.mark.parametrize("text", ["1792", "9792", "9004", "10792"])
    def test_numeric_codes_keep_every_digit(self, text: str) -> None:
        """A leading digit other than 0 is part of the code, not dropped."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text)
        with pytest.raises(UnknownCountryError):
            normalize_country(text, system="numeric")
        assert normalize_country("0792") == normalize_country("792") == Country("TR")

    @pytest.mark.parametrize(
        ("text", "candidates"), [("my", {"US", "MY"}), ("ao", {"AT", "AO"}), ("bi", {"BE", "BI"})]
    )
    def test_a_name_that_is_also_a_code(self, text: str, candidates: set[str]) -> None:
        """Lower-case letters that name one country and are the code of another: ambiguous."""
        with pytest.raises(AmbiguousCountryError) as info:
            normalize_country(text)
        assert {c.alpha2 for c in info.value.candidates} == candidates
        assert normalize_country(text.upper()).alpha2 == text.upper()

    @pytest.mark.parametrize("text", ["Kongo", "Конго", "الكونغو", "Corée", "Корея", "كوريا"])
    def test_ambiguous_in_other_languages(self, text: str) -> None:
        """Congo and Korea are ambiguous in other languages too."""
        with pytest.raises(AmbiguousCountryError):
            normalize_country(text)

    @pytest.mark.parametrize("text", ["\u200fتركيا", "Turkey\u200e", "\u2067Turkey\u2069"])
    def test_direction_marks(self, text: str) -> None:
        """The invisible direction marks of right-to-left text are ignored."""
        assert normalize_country(text) == Country("TR")

    @pytest.mark.parametrize(
        "text", ["Austrli", "Usan", "Mroc", "Rusa", "Dconego", "Spam", "Chat", "Tuba"]
    )
    def test_fuzzy_never_picks_among_rivals(self, text: str) -> None:
        """A misspelling as near to two countries' names, or too short, gets no answer."""
        with pytest.raises(UnknownCountryError):
            normalize_country(text, fuzzy=True)

    def test_ambiguity_error_survives_pickling(self) -> None:
        """The error crosses process boundaries (multiprocessing, Dask) and copies."""
        import copy
        import pickle

        with pytest.raises(AmbiguousCountryError) as info:
            normalize_country("Korea")
        for clone in (pickle.loads(pickle.dumps(info.value)), copy.copy(info.value)):
            assert str(clone) == str(info.value)
            assert clone.candidates == info.value.candidates

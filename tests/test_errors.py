"""Tests for the exception tree and its messages."""

from __future__ import annotations

from geoevents import (
    AmbiguousCountryError,
    Country,
    GeoeventsError,
    InvalidDateError,
    InvalidValueError,
    RecordError,
    UnknownCountryError,
)
from geoevents.errors import short_repr


class TestTree:
    def test_validation_errors_are_value_errors(self) -> None:
        """Every validation error is a ValueError and a GeoeventsError."""
        for cls in (
            InvalidValueError,
            UnknownCountryError,
            AmbiguousCountryError,
            InvalidDateError,
        ):
            assert issubclass(cls, ValueError)
            assert issubclass(cls, GeoeventsError)

    def test_relocation(self) -> None:
        """``at`` prefixes the path of the container."""
        err = InvalidValueError("bad", path="$.country", value="Turkye").at("$.actors[1]")
        assert str(err) == "$.actors[1].country: bad: 'Turkye'"


class TestCountryErrors:
    def test_unknown_suggests(self) -> None:
        """Suggestions appear in the hint."""
        err = UnknownCountryError("unknown country", value="Turky", suggestions=("Turkey",))
        assert err.suggestions == ("Turkey",)
        assert str(err) == "$: unknown country: 'Turky' (did you mean 'Turkey'?)"

    def test_ambiguous_lists_candidates(self) -> None:
        """Candidates appear in order with their names."""
        err = AmbiguousCountryError(
            "ambiguous country", candidates=(Country("CD"), Country("CG")), value="Congo"
        )
        assert err.candidates == (Country("CD"), Country("CG"))
        assert "CD (" in str(err)
        assert str(err).index("CD (") < str(err).index("CG (")


class TestRecordError:
    def test_lines(self) -> None:
        """A record error prints one located line per problem."""
        group = RecordError(
            "invalid record",
            [
                InvalidValueError("bad id", path="$.id", value=""),
                InvalidValueError("unknown country", path="$.actors[1].country", value="Turkye"),
            ],
            source="seeds/003.jsonl",
            line=7,
        )
        assert group.lines() == [
            "seeds/003.jsonl:7: $.id: bad id: ''",
            "seeds/003.jsonl:7: $.actors[1].country: unknown country: 'Turkye'",
        ]
        assert str(group) == "\n".join(group.lines())
        assert isinstance(group, ExceptionGroup)
        assert [e.path for e in group.problems] == ["$.id", "$.actors[1].country"]

    def test_split_keeps_location(self) -> None:
        """Splitting the group keeps file and line."""
        group = RecordError(
            "invalid", [InvalidDateError("bad date", path="$.when")], source="f.jsonl", line=2
        )
        dates, rest = group.split(InvalidDateError)
        assert rest is None
        assert isinstance(dates, RecordError)
        assert dates.location == "f.jsonl:2"

    def test_location_without_file(self) -> None:
        """Without a file, the line prints without a prefix."""
        group = RecordError("invalid", [InvalidValueError("bad", path="$.id")])
        assert group.location == ""
        assert group.lines() == ["$.id: bad"]


class TestShortRepr:
    def test_cuts_long_values(self) -> None:
        """Long values are cut to about 80 characters."""
        assert len(short_repr("x" * 10_000)) == 80
        assert short_repr(12) == "12"

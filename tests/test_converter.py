"""Tests for the shared cattrs converter (geoevents.converter)."""

from __future__ import annotations

import collections
import datetime
from typing import Any

import cattrs
import pytest

from builders import SYRIA, common
from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    Clash,
    Count,
    Country,
    Dating,
    DatingMethod,
    Event,
    FuzzyDate,
    InvalidValueError,
    Location,
    Modality,
    Request,
    Source,
)
from geoevents.converter import (
    ENTRY_KINDS,
    Entry,
    configure_converter,
    default_converter,
    json_type,
    make_converter,
    transform_error,
)

ENTRY: Any = Entry  # a union; cattrs' annotations expect a class


def problems(data: Any, cls: Any = ENTRY, *, allow_unknown: bool = False) -> list[str]:
    """Structure *data* as *cls* and return the error lines (empty when it succeeds)."""
    try:
        default_converter(allow_unknown=allow_unknown).structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - the test inspects whatever was raised
        return [str(e) for e in transform_error(exc)]
    return []


def event_dict(**fields: Any) -> dict[str, Any]:
    """A valid event dict with *fields* replaced."""
    data: dict[str, Any] = {
        "kind": "event",
        "schema": 1,
        "id": "e",
        "when": "2025-07-16",
        "summary": "S.",
        "attributions": [{"source": "s"}],
    }
    data.update(fields)
    return data


class TestFactory:
    """make_converter and configure_converter build working converters."""

    def test_configure_existing(self) -> None:
        """configure_converter installs the hooks on a plain cattrs converter."""
        converter = cattrs.Converter()
        configure_converter(converter)
        expected = Event(
            **common(
                id="e",
                when=FuzzyDate("2025-07-16"),
                summary="S.",
                attributions=(Attribution(source="s"),),
            )
        )
        assert converter.structure(event_dict(), ENTRY) == expected
        assert converter.unstructure(expected) == event_dict()

    def test_default_is_shared(self) -> None:
        """The default converter is built once per allow_unknown value."""
        assert default_converter() is default_converter()
        assert default_converter(allow_unknown=True) is not default_converter()
        assert make_converter() is not default_converter()

    def test_entry_kinds(self) -> None:
        """Every record tag and the source tag are known entry kinds."""
        assert sorted(ENTRY_KINDS) == [
            "agreement",
            "ceasefire",
            "clash",
            "event",
            "meeting",
            "request",
            "source",
            "statement",
            "strike",
        ]
        assert ENTRY_KINDS["source"] is Source


class TestStrictness:
    """Nothing is coerced."""

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"summary": 5}, "$.summary: expected a string, got number: 5"),
            ({"summary": None}, "$.summary: expected a string, got null"),
            ({"summary": ["S."]}, "$.summary: expected a string, got array"),
            ({"tags": "war"}, "$.tags: expected an array, got string: 'war'"),
            ({"tags": ["a", 1]}, "$.tags[1]: expected a string, got number: 1"),
            (
                {"modality": "Actual"},
                "$.modality: not a valid Modality: 'Actual' (did you mean 'actual'?)",
            ),
            ({"modality": 1}, "$.modality: expected a Modality string, got number: 1"),
            (
                {"countries": ["tr"]},
                "$.countries[0]: not an ISO 3166-1 alpha-2 country code: 'tr' (did you mean 'TR'?)",
            ),
            (
                {"countries": ["TUR"]},
                (
                    "$.countries[0]: not an ISO 3166-1 alpha-2 country code: 'TUR' "
                    "(write names through normalize_country() first)"
                ),
            ),
            (
                {"when": 2025},
                "$.when: expected an EDTF date string or a dating object, got number: 2025",
            ),
            (
                {"location": {"latitude": True, "longitude": 1}},
                "$.location.latitude: expected a number, got boolean: True",
            ),
            (
                {"location": {"latitude": "1", "longitude": 1}},
                "$.location.latitude: expected a number, got string: '1'",
            ),
            (
                {"location": {"latitude": float("nan"), "longitude": 1}},
                "$.location.latitude: expected a finite number: nan",
            ),
            (
                {"location": {"name": "x", "latitude": 1}},
                "$.location.longitude: latitude and longitude come together (give longitude too)",
            ),
            ({"location": []}, "$.location: expected an object, got array"),
            ({"cameo": 190}, "$.cameo: expected a string, got number: 190"),
            ({"countries": ("SY",)}, "$.countries: expected an array, got tuple"),
            (
                {"modality": Modality.ACTUAL},
                "$.modality: expected a Modality string, got Modality: 'actual'",
            ),
            (
                {"location": {"latitude": 10**400, "longitude": 1}},
                "$.location.latitude: expected a finite number: " + "1" + "0" * 78 + "…",
            ),
            (
                {"cameo": "19a"},
                "$.cameo: not a CAMEO code: '19a' (CAMEO codes are 2-4 digit strings)",
            ),
        ],
    )
    def test_event_field(self, fields: dict[str, Any], expected: str) -> None:
        """A wrongly typed field gives one exact error with its path."""
        assert problems(event_dict(**fields)) == [expected]

    def test_int_and_bool(self) -> None:
        """Int accepts only int and bool only bool."""
        converter = default_converter()
        assert converter.structure(3, int) == 3
        for bad, kind in ((True, int), ("3", int), (1, bool), (1.0, int)):
            with pytest.raises(InvalidValueError, match="expected"):
                converter.structure(bad, kind)

    def test_request_formal(self) -> None:
        """A bool field refuses 1."""
        data = event_dict(
            kind="request",
            requester={"kind": "person", "name": "A"},
            addressee={"kind": "person", "name": "B"},
            formal=1,
        )
        assert problems(data) == ["$.formal: expected true or false, got number: 1"]

    def test_float_accepts_int(self) -> None:
        """A float field takes a JSON integer as a float."""
        record: Event = default_converter().structure(
            event_dict(location={"latitude": 5, "longitude": -3}), ENTRY
        )
        assert record.location == Location(latitude=5.0, longitude=-3.0)
        assert isinstance(record.location.latitude, float)


class TestValueTypes:
    """Value types use their canonical strings."""

    def test_counts(self) -> None:
        """Counts round-trip through their canonical strings and bad ones are refused."""
        converter = default_converter()
        for text in ("unknown", "12", ">=12", "<=3", "5..12", "7 (5..12)"):
            assert converter.unstructure(converter.structure(text, Count)) == text
        assert problems(event_dict(kind="clash", fatalities="5..3")) == [
            "$.fatalities: low must not exceed high: '5..3' (low <= best <= high)"
        ]
        assert problems(event_dict(kind="clash", fatalities=-5)) == [
            "$.fatalities: expected a count string such as '12', '>=12' or '5..12', got number: -5"
        ]

    def test_dating_forms(self) -> None:
        """A dating is a bare EDTF string or an object, and both are read."""
        converter = default_converter()
        resolved = Dating(
            date=FuzzyDate("2025-07-16"),
            method=DatingMethod.RESOLVED,
            expression="on Wednesday",
            anchor=datetime.date(2025, 7, 17),
            rule="latest Wednesday",
        )
        data = converter.unstructure(resolved)
        assert data == {
            "date": "2025-07-16",
            "method": "resolved",
            "expression": "on Wednesday",
            "anchor": "2025-07-17",
            "rule": "latest Wednesday",
        }
        assert converter.structure(data, Dating) == resolved
        assert converter.structure({"date": "2025"}, Dating) == Dating.stated("2025")
        assert converter.unstructure(Dating(date=FuzzyDate("2025"), rule="r")) == {
            "date": "2025",
            "rule": "r",
        }

    @pytest.mark.parametrize(
        ("when", "expected"),
        [
            (
                {"date": "2025", "anchor": "20250717"},
                "$.when.anchor: not a date in the form YYYY-MM-DD: '20250717'",
            ),
            (
                {"date": "2025", "anchor": "2025-02-30"},
                "$.when.anchor: not a real day (day is out of range for month): '2025-02-30'",
            ),
            (
                {"date": "2025", "anchor": 20250717},
                "$.when.anchor: expected a date string YYYY-MM-DD, got number: 20250717",
            ),
            (
                {"date": "2025", "expression": "x\ud800"},
                "$.when.expression: contains control characters: 'x\\ud800'",
            ),
            (
                {"date": "2025", "rule": "a\x00b"},
                "$.when.rule: contains control characters: 'a\\x00b'",
            ),
            (
                {"date": "2025", "method": "resolved"},
                (
                    "$.when.expression: a resolved dating needs both expression and anchor "
                    "(record method='inferred' if the anchor is unknown)"
                ),
            ),
            ({"date": "2025", "note": "x"}, "$.when.note: unknown field"),
            ({"method": "stated"}, "$.when.date: missing required field"),
        ],
    )
    def test_dating_errors(self, when: dict[str, Any], expected: str) -> None:
        """Dating objects are checked strictly, with paths inside the object."""
        assert problems(event_dict(when=when)) == [expected]

    def test_country_instances_shared(self) -> None:
        """Equal codes decode to one shared Country instance."""
        converter = default_converter()
        assert converter.structure("SY", Country) is converter.structure("SY", Country)


class TestTaggedUnion:
    """Records are a tagged union on kind."""

    def test_event_accepts_any_kind(self) -> None:
        """Structuring as Event accepts every record kind, but not a source."""
        record = default_converter().structure(event_dict(kind="clash"), Event)
        assert isinstance(record, Clash)
        assert problems({"kind": "source", "schema": 1}, Event)[0].startswith(
            "$.kind: unknown kind: 'source'"
        )

    def test_specific_class_checks_kind(self) -> None:
        """Structuring as one class requires its tag."""
        assert problems(event_dict(), Request) == [
            "$.kind: unknown kind: 'event' (expected 'request')"
        ]
        assert problems({"schema": 1}, Source) == [
            "$.kind: missing required field (expected 'source')"
        ]

    def test_kind_type(self) -> None:
        """A non-string kind is reported with the choices."""
        assert problems(event_dict(kind=None)) == [
            (
                "$.kind: expected a string, got null (one of 'agreement', 'ceasefire', 'clash', "
                "'event', 'meeting', 'request', 'source', 'statement', 'strike')"
            )
        ]

    def test_unstructure_adds_envelope(self) -> None:
        """Unstructuring a record puts kind and schema first."""
        data = default_converter().unstructure(Event(**common()))
        assert list(data)[:3] == ["kind", "schema", "id"]


class TestErrors:
    """Errors carry full paths and come together."""

    def test_unknown_keys_with_hints(self) -> None:
        """Unknown keys are reported at their paths with a close match, nested too."""
        data = event_dict(
            actors=[{"actor": {"kind": "person", "nme": "A", "name": "B"}, "role": "host"}],
            sumary="x",
        )
        data["bad key"] = 1
        assert problems(data) == [
            "$.sumary: unknown field (did you mean 'summary'?)",
            "$['bad key']: unknown field",
            "$.actors[0].actor.nme: unknown field (did you mean 'name'?)",
        ]
        assert problems(data, allow_unknown=True) == []

    def test_checks_of_other_fields_still_reported(self) -> None:
        """A field that cannot be read does not hide the checks of the others, at any depth."""
        data = event_dict(
            id="!!",
            summary="",
            tags=[5],
            location={"name": "", "latitude": "north", "longitude": 1},
            actors=[{"actor": {"kind": "unnamed"}, "role": "host"}],
        )
        assert problems(data) == [
            (
                "$.id: not a valid id: '!!' "
                "(use 1-200 ASCII letters, digits and ._:/#- starting with a letter or digit)"
            ),
            "$.summary: must not be empty or blank: ''",
            (
                "$.actors[0].actor.description: an unnamed actor needs a description "
                "(e.g. 'Turkish defence ministry officials')"
            ),
            "$.location.name: must not be empty or blank: ''",
            "$.location.latitude: expected a number, got string: 'north'",
            "$.tags[0]: expected a string, got number: 5",
        ]

    def test_all_validator_errors_of_a_class(self) -> None:
        """Several failing validators of one object are all reported, not just the first."""
        data = event_dict(location={"name": " ", "latitude": 91, "longitude": 181})
        assert problems(data) == [
            "$.location.name: must not be empty or blank: ' '",
            "$.location.latitude: must be between -90 and 90: 91.0",
            "$.location.longitude: must be between -180 and 180: 181.0",
        ]

    def test_post_init_error_relocated(self) -> None:
        """An error raised after the validators is relocated under its container."""
        data = event_dict(
            actors=[{"actor": {"kind": "unnamed", "name": "X", "description": "d"}, "role": "host"}]
        )
        assert problems(data) == [
            (
                "$.actors[0].actor.name: an unnamed actor has no name: 'X' "
                "(put who they are in 'description', or choose another kind)"
            )
        ]

    def test_source_kind_path(self) -> None:
        """The renamed source_kind field is reported under its JSON name."""
        assert problems(
            {"kind": "source", "schema": 1, "id": "s", "outlet": "AP", "source_kind": "wir"}
        ) == ["$.source_kind: not a valid SourceKind: 'wir' (did you mean 'wire'?)"]

    def test_transform_other_exceptions(self) -> None:
        """Unexpected exceptions become errors naming their type."""
        assert [str(e) for e in transform_error(RuntimeError("boom"), "$.x")] == [
            "$.x: RuntimeError: boom"
        ]
        assert [str(e) for e in transform_error(KeyError("id"))] == ["$: missing required field"]

    def test_json_type(self) -> None:
        """JSON type names are used in messages."""
        assert [json_type(v) for v in (None, True, 1, 1.5, "", [], {}, object())] == [
            "null",
            "boolean",
            "number",
            "number",
            "string",
            "array",
            "object",
            "object",
        ]
        # What JSON never produces is named by its Python type.
        ordered: collections.OrderedDict[str, int] = collections.OrderedDict()
        assert [json_type(v) for v in ((), ordered, Modality.ACTUAL)] == [
            "tuple",
            "OrderedDict",
            "Modality",
        ]

    def test_actor_rules(self) -> None:
        """Actors decoded from dicts equal the ones built in code."""
        data = {"kind": "government", "name": "Syrian interim government", "country": "SY"}
        assert default_converter().structure(data, Actor) == SYRIA
        assert default_converter().unstructure(Actor(kind=ActorKind.PERSON, name="A")) == {
            "kind": "person",
            "name": "A",
        }

"""Tests for the exported JSON Schema (geoevents.schema)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given

from geoevents.jsonio import Entry, to_dict
from geoevents.schema import SCHEMA_ID, json_schema
from test_jsonio import REQUEST_JSON, entries


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A draft 2020-12 validator of the schema, with format checks."""
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _request() -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(REQUEST_JSON)
    return data


class TestShape:
    """The schema has the documented structure."""

    def test_header(self) -> None:
        """The schema declares draft 2020-12 and its id."""
        schema = json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == SCHEMA_ID
        assert len(schema["oneOf"]) == 9

    def test_value_types(self) -> None:
        """Value types are shared definitions with their patterns."""
        defs = json_schema()["$defs"]
        assert defs["Country"]["pattern"] == "^[A-Z]{2}$"
        assert "TR" in defs["Country"]["enum"]
        assert defs["Event"]["properties"]["cameo"] == {
            "anyOf": [{"type": "string", "pattern": "^[0-9]{2,4}$"}, {"type": "null"}]
        }
        assert defs["Event"]["properties"]["attributions"]["minItems"] == 1
        assert defs["Source"]["properties"]["source_kind"] == {"$ref": "#/$defs/SourceKind"}
        assert defs["Request"]["required"] == [
            "kind",
            "schema",
            "id",
            "when",
            "summary",
            "attributions",
            "requester",
            "addressee",
        ]

    def test_fresh_copy(self) -> None:
        """Each call returns a new dict."""
        assert json_schema() is not json_schema()
        assert json_schema() == json_schema()


class TestValidation:
    """Records validate against the schema; invalid ones do not."""

    @given(entries())
    def test_every_entry_validates(self, entry: Entry) -> None:
        """Every entry geoevents writes is valid under the schema."""
        schema = json_schema()
        jsonschema.Draft202012Validator(schema).validate(to_dict(entry))

    def test_example_validates(self, validator: jsonschema.Draft202012Validator) -> None:
        """The reference request is valid."""
        validator.validate(_request())

    @pytest.mark.parametrize(
        ("change", "value"),
        [
            ("kind", "battle"),
            ("when", "July 2025"),
            ("when", "2025/07/23"),
            ("schema", 2),
            ("attributions", []),
            ("formal", 1),
            ("summary", ""),
            ("id", "-bad id"),
        ],
    )
    def test_invalid_field(
        self, validator: jsonschema.Draft202012Validator, change: str, value: object
    ) -> None:
        """A wrong kind, bad date, wrong version, missing attribution or bad type fails."""
        data = _request()
        data[change] = value
        assert not validator.is_valid(data)

    def test_bad_country_and_count(self, validator: jsonschema.Draft202012Validator) -> None:
        """A bad country code, a negative count and an unknown field fail."""
        data = _request()
        data["requester"]["country"] = "Turkye"
        assert not validator.is_valid(data)
        clash = {
            k: v
            for k, v in _request().items()
            if k not in ("requester", "addressee", "items", "formal")
        }
        clash["kind"] = "clash"
        assert validator.is_valid(clash)
        assert not validator.is_valid(clash | {"fatalities": "-5"})
        assert not validator.is_valid(clash | {"fatalities": 5})
        assert not validator.is_valid(clash | {"fatalitis": "5"})

    def test_missing_attributions(self, validator: jsonschema.Draft202012Validator) -> None:
        """A record without attributions fails."""
        data = _request()
        del data["attributions"]
        assert not validator.is_valid(data)

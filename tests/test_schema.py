"""Tests for the exported JSON Schema (geoevents.schema)."""

from __future__ import annotations

import datetime
import itertools
import json
import pathlib
import re
import shutil
import tempfile
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents.errors import InvalidDateError, InvalidValueError
from geoevents.figures import Count
from geoevents.jsonio import Entry, to_dict, write_jsonl
from geoevents.schema import SCHEMA_ID, json_schema
from geoevents.temporal import FuzzyDate
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
            "anyOf": [
                {"type": "string", "pattern": "^[0-9]{2,4}$", "not": {"pattern": r"\n"}},
                {"type": "null"},
            ]
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

    @given(
        st.lists(entries(), max_size=3),
        st.none() | st.text(max_size=20),
        st.none() | st.text(max_size=20),
    )
    def test_every_line_of_a_file(
        self, records: list[Entry], dataset: str | None, description: str | None
    ) -> None:
        """With header=True, every line write_jsonl writes is valid, the header included."""
        folder = tempfile.mkdtemp()
        path = pathlib.Path(folder, "out.jsonl")
        try:
            write_jsonl(path, records, dataset=dataset, description=description)
            # JSONL's lines end at "\n" only: str.splitlines would also cut at U+0085.
            lines = [json.loads(line) for line in path.read_bytes().split(b"\n")[:-1]]
        finally:
            shutil.rmtree(folder)
        check = jsonschema.Draft202012Validator(json_schema(header=True))
        assert [list(check.iter_errors(line)) for line in lines] == [[]] * len(lines)
        assert not jsonschema.Draft202012Validator(json_schema()).is_valid(lines[0])

    @pytest.mark.parametrize(
        "line",
        [
            {"kind": "header"},
            {"kind": "header", "schema": 2},
            {"kind": "header", "schema": 1, "dataset": 5},
            {"kind": "header", "schema": 1, "extra": "x"},
        ],
    )
    def test_bad_header_lines(self, line: dict[str, Any]) -> None:
        """A header line without its version, or with wrong or unknown fields, is refused."""
        assert not jsonschema.Draft202012Validator(json_schema(header=True)).is_valid(line)

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


def _problem(text: str) -> str | None:
    try:
        FuzzyDate(text)
    except InvalidDateError as exc:
        return str(exc)
    return None


def _parses(text: str) -> bool:
    return _problem(text) is None


_YEARS = ["1985", "0000", "0001", "9999", "X025", "202X", "20XX", "2XXX", "XXXX", "000X"]
_YEARS += ["2024", "2000", "1900", "0004", "0400", "0100"]  # leap years and not
_MONTHS = [None, "01", "12", "13", "00", "21", "24", "25", "0X", "1X", "2X", "XX", "X1"]
_MONTHS += ["02", "04", "06", "09", "11"]
_DAYS = [None, "01", "31", "32", "00", "30", "0X", "3X", "4X", "XX", "X1", "2X", "28", "29"]
_SINGLES = [
    y + (f"-{m}" if m else "") + (f"-{d}" if d else "") + q
    for y, m, d, q in itertools.product(_YEARS, _MONTHS, _DAYS, ["", "?", "~", "%"])
    if m is not None or d is None
]
_TIMES = [
    f"{d}T{t}{z}"
    for d in ("2025-07-01", "2025-02-29", "2024-02-29", "2025-04-31")
    for t in ("00:00:00", "23:59:59", "24:00:00", "23:60:00", "23:59:60")
    for z in ("", "Z", "+14:00", "-23:59", "+24:00", "+05:60", "-00:00", "-00:30", "+00:00")
]


class TestDatePattern:
    """The schema's EDTF pattern against geoevents' own parser."""

    @pytest.mark.parametrize("texts", [_SINGLES, _TIMES], ids=["dates", "times"])
    def test_same_verdict(self, texts: list[str]) -> None:
        """Every date and time gets the parser's verdict: month lengths, leap years, -00:00."""
        pattern = re.compile(json_schema()["$defs"]["FuzzyDate"]["pattern"])
        differ = [t for t in texts if _parses(t) != bool(pattern.search(t))]
        assert differ == []

    @given(st.dates(), st.integers(min_value=1, max_value=31))
    def test_every_day(self, day: datetime.date, number: int) -> None:
        """Any year and month with any day number: the schema and the parser agree."""
        pattern = re.compile(json_schema()["$defs"]["FuzzyDate"]["pattern"])
        text = f"{day.year:04d}-{day.month:02d}-{number:02d}"
        assert _parses(text) == bool(pattern.search(text)), text

    @given(st.sampled_from(_SINGLES), st.sampled_from([*_SINGLES, "..", ""]), st.booleans())
    def test_intervals(self, start: str, end: str, open_start: bool) -> None:
        """Intervals get the parser's verdict, bar those that end before they start."""
        pattern = re.compile(json_schema()["$defs"]["FuzzyDate"]["pattern"])
        for text in (f"{start}/{end}", f"{'..' if open_start else ''}/{start}"):
            problem = _problem(text)
            if problem is None:
                assert pattern.search(text), text
            elif pattern.search(text):
                assert "before it starts" in problem, problem

    @pytest.mark.parametrize(
        "text", ["../..", "/", "..", "2025/2026/2027", "2025-13", "0000", "X025", "2025-1X-01"]
    )
    def test_refused(self, text: str, validator: jsonschema.Draft202012Validator) -> None:
        """Dates geoevents refuses fail the schema too."""
        assert not _parses(text)
        data = _request() | {"when": text}
        assert not validator.is_valid(data)


class TestAgreesWithTheLibrary:
    """Values the library refuses, one field at a time: the schema refuses them too."""

    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("summary",), "a\x00b"),
            (("summary",), "a\x7fb"),
            (("summary",), "a\x85b"),
            (("summary",), "a\tb"),
            (("summary",), "a\u2028b"),
            (("summary",), "Syria asked.\n"),
            (("notes",), "a\rb"),
            (("notes",), "a\x01b"),
            (("requester", "name"), "Syria\x1f"),
            (("id",), "r1\n"),
            (("when",), "2025-07-01\n"),
            (("when",), {"date": "2025-07", "method": "inferred", "expression": ""}),
            (("when",), {"date": "2025-07", "method": "inferred", "expression": " "}),
            (("when",), {"date": "2025-07", "method": "inferred", "expression": "x" * 501}),
            (("when",), {"date": "2025-07", "method": "inferred", "rule": "a\x00b"}),
            (
                ("when",),
                {
                    "date": "2025-07",
                    "method": "resolved",
                    "expression": "x",
                    "anchor": "2025-13-45",
                },
            ),
            (
                ("when",),
                {
                    "date": "2025-07",
                    "method": "resolved",
                    "expression": "x",
                    "anchor": "0000-01-01",
                },
            ),
            (("items",), ["military_aid", "military_aid"]),
            # Rules across fields.
            (("requester",), {"kind": "unnamed", "name": "X", "description": "Officials"}),
            (("requester",), {"kind": "unnamed", "country": "SY"}),
            (("requester",), {"kind": "unnamed", "description": None}),
            (("requester",), {"kind": "government", "country": "SY"}),
            (("requester",), {"kind": "government", "name": None}),
            (("when",), {"date": "2025-07", "method": "resolved", "expression": "x"}),
            (("when",), {"date": "2025-07", "method": "resolved", "anchor": "2025-07-02"}),
            (("location",), {}),
            (("location",), {"admin1": "Aleppo"}),
            (("location",), {"name": "X", "latitude": 1.0}),
            (("location",), {"name": "X", "latitude": None, "longitude": 1.0}),
        ],
    )
    def test_refused_by_both(
        self, validator: jsonschema.Draft202012Validator, path: tuple[str, ...], value: object
    ) -> None:
        """The library refuses the value, and so does the schema."""
        from geoevents import RecordError, from_dict

        data = _request()
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(RecordError):
            from_dict(data)
        assert not validator.is_valid(data)

    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("requester",), {"kind": "unnamed", "description": "Officials", "name": None}),
            (("location",), {"country": "SY"}),
            (("location",), {"latitude": 1.0, "longitude": -2.5}),
            (("location",), {"name": "X", "latitude": None, "longitude": None}),
            (
                ("when",),
                {
                    "date": "2025-07",
                    "method": "resolved",
                    "expression": "x",
                    "anchor": "2025-07-02",
                },
            ),
            (("summary",), "Peace \U0001f54a in Sweida \U0002000b"),
        ],
    )
    def test_accepted_by_both(
        self, validator: jsonschema.Draft202012Validator, path: tuple[str, ...], value: object
    ) -> None:
        """Values on the edge of the rules across fields: both accept them."""
        from geoevents import from_dict

        data = _request()
        data[path[0]] = value
        from_dict(data)
        assert list(validator.iter_errors(data)) == []

    def test_lone_surrogates_only_the_library_refuses(
        self, validator: jsonschema.Draft202012Validator
    ) -> None:
        """The documented gap: the schema leaves lone surrogates to the reader."""
        from geoevents import RecordError, from_dict

        data = _request() | {"summary": "a\ud800b"}
        with pytest.raises(RecordError):
            from_dict(data)
        assert validator.is_valid(data)

    def test_blank_as_str_isspace_says(self, validator: jsonschema.Draft202012Validator) -> None:
        """Every character Python calls a space is blank to both, listed in the schema."""
        from geoevents import RecordError, from_dict

        spaces = [chr(c) for c in range(0x10000) if chr(c).isspace()]
        for space in spaces:
            data = _request() | {"notes": space * 2}
            with pytest.raises(RecordError):
                from_dict(data)
            assert not validator.is_valid(data), hex(ord(space))

    def test_patterns_read_alike_in_every_engine(self) -> None:
        r"""No lookaround, no ``\s``, ``\d`` or ``\w``, no surrogates: every engine agrees."""
        patterns: list[str] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                pattern = node.get("pattern")
                if isinstance(pattern, str):
                    patterns.append(pattern)
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json_schema(header=True))
        assert len(patterns) > 10
        unportable = re.compile(r"\(\?[=!<]|\\[sdwSDW]|\\u[dD][89a-fA-F]")
        assert [p for p in patterns if unportable.search(p)] == []

    def test_invisible_text_is_blank(self, validator: jsonschema.Draft202012Validator) -> None:
        """Text of format marks only (every one of the BMP) is blank to both; with a letter, not."""
        import unicodedata

        from geoevents import RecordError, from_dict

        marks = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"]
        assert len(marks) >= 43  # 43 in Unicode 14 (Python 3.11)
        for mark in marks:
            data = _request() | {"summary": f" {mark}{mark} "}
            with pytest.raises(RecordError):
                from_dict(data)
            assert not validator.is_valid(data), hex(ord(mark))
            data["summary"] = f"{mark}Syria{mark}"
            assert validator.is_valid(data), hex(ord(mark))
            assert from_dict(data).summary == data["summary"]  # type: ignore[union-attr]

    def test_largest_count(self, validator: jsonschema.Draft202012Validator) -> None:
        """Counts stop at 10**9 in both."""
        clash = {
            k: v
            for k, v in _request().items()
            if k not in ("requester", "addressee", "items", "formal")
        }
        clash["kind"] = "clash"
        assert validator.is_valid(clash | {"fatalities": "1000000000"})
        assert not validator.is_valid(clash | {"fatalities": "1000000001"})


class TestCountPattern:
    """The schema's count pattern against Count.parse."""

    @given(
        st.from_regex(
            r"(unknown|[<>]=)?[0-9]{1,3}(\.\.[0-9]{0,3})?( \([0-9]{0,2}\.\.[0-9]{0,2}\))?",
            fullmatch=True,
        )
    )
    def test_same_verdict(self, text: str) -> None:
        """A string matches exactly when geoevents reads it, bar ordering rules (low <= high)."""
        pattern = re.compile(json_schema()["$defs"]["Count"]["pattern"])
        problem = _count_problem(text)
        if problem is None:
            assert pattern.search(text), text
        elif pattern.search(text):  # only what a pattern cannot see: low <= best <= high
            assert "not a count" not in problem, text
            assert "not a canonical count" not in problem, text


def _count_problem(text: str) -> str | None:
    try:
        Count.parse(text)
    except InvalidValueError as exc:
        return str(exc)
    return None

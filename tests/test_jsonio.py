"""Tests for JSON and JSONL reading and writing (geoevents.jsonio)."""

from __future__ import annotations

import collections
import contextlib
import datetime
import gc
import gzip
import io
import json
import os
import pathlib
import threading
from collections.abc import Iterator
from typing import Any, Literal
from unittest import mock

import orjson
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from builders import ISRAEL, OFFICIALS, SYRIA, TURKIYE, common
from geoevents import (
    Actor,
    ActorKind,
    Agreement,
    Attribution,
    AttributionMode,
    Ceasefire,
    Clash,
    Count,
    Country,
    DatasetError,
    Dating,
    DatingMethod,
    Event,
    FuzzyDate,
    Location,
    Meeting,
    Participant,
    Quote,
    RecordError,
    Request,
    RequestItem,
    Role,
    Source,
    SourceKind,
    Statement,
    Strike,
    jsonio,
    migrations,
)
from geoevents.jsonio import (
    Entry,
    JsonlHeader,
    JsonlReader,
    from_dict,
    from_json,
    read_jsonl,
    to_dict,
    to_json,
    write_jsonl,
)

# ----------------------------------------------------------------- a local strategy

_words = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=8
)
_texts = st.lists(_words, min_size=1, max_size=3).map(" ".join)
_ids = st.from_regex(r"[a-z0-9][a-z0-9._/-]{0,12}", fullmatch=True)
_countries = st.sampled_from(Country.all())
_dates = st.sampled_from(
    [
        "2025",
        "2025-07",
        "2025-07-23",
        "2025-07-2X",
        "2025-07-23~",
        "2025-21",
        "2025-07-13/2025-07-20",
        "../2025-07",
        "2025-07-23T10:00:00Z",
    ]
).map(FuzzyDate)


@st.composite
def _actors(draw: st.DrawFn) -> Actor:
    country = draw(st.none() | _countries)
    if draw(st.booleans()):
        return Actor.unnamed(draw(_texts), country=country)
    kind = draw(st.sampled_from([k for k in ActorKind if k is not ActorKind.UNNAMED]))
    return Actor(
        kind=kind,
        name=draw(_texts),
        country=country,
        aliases=tuple(draw(st.lists(_texts, max_size=2))),
    )


@st.composite
def _datings(draw: st.DrawFn) -> Dating:
    date = draw(_dates)
    if draw(st.booleans()):
        return Dating(date=date)
    return Dating(
        date=date,
        method=DatingMethod.RESOLVED,
        expression=draw(_texts),
        anchor=draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 1, 1))),
        rule=draw(st.none() | _texts),
    )


_counts = st.sampled_from(
    ["unknown", "0", "12", ">=12", "<=3", "5..12", "7 (5..12)", "7 (..9)"]
).map(Count.parse)
_attributions = st.builds(
    Attribution,
    source=_ids,
    via=st.lists(_actors(), max_size=2).map(tuple),
    mode=st.sampled_from(AttributionMode),
)
_locations = st.builds(
    Location,
    name=_texts,
    country=st.none() | _countries,
    latitude=st.floats(-90, 90, allow_nan=False),
    longitude=st.floats(-180, 180, allow_nan=False),
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    """Any entry: a record of every kind with its own fields, or a source."""
    kind = draw(
        st.sampled_from(
            [
                "event",
                "statement",
                "request",
                "agreement",
                "ceasefire",
                "clash",
                "strike",
                "meeting",
                "source",
            ]
        )
    )
    if kind == "source":
        return Source(
            id=draw(_ids),
            outlet=draw(_texts),
            kind=draw(st.sampled_from(SourceKind)),
            title=draw(st.none() | _texts),
            published=draw(st.none() | _datings()),
            language=draw(st.sampled_from([None, "en", "ar-SY"])),
        )
    fields: dict[str, Any] = {
        "id": draw(_ids),
        "when": draw(_datings()),
        "summary": draw(_texts),
        "attributions": tuple(draw(st.lists(_attributions, min_size=1, max_size=2))),
        "actors": tuple(
            draw(
                st.lists(
                    st.builds(Participant, actor=_actors(), role=st.sampled_from(Role)), max_size=2
                )
            )
        ),
        "location": draw(st.none() | _locations),
        "countries": tuple(draw(st.lists(_countries, max_size=2))),
        "cameo": draw(st.sampled_from([None, "0871", "190"])),
        "tags": tuple(draw(st.lists(_texts, max_size=2))),
        "notes": draw(st.none() | st.just("line one\nline two\ttabbed")),
    }
    actors = st.lists(_actors(), min_size=2, max_size=3).map(tuple)
    if kind == "statement":
        return Statement(
            **fields,
            speaker=draw(_actors()),
            quotes=(
                Quote(text=draw(_texts), speaker=draw(_actors()), translated=draw(st.booleans())),
            ),
        )
    if kind == "request":
        return Request(
            **fields,
            requester=draw(_actors()),
            addressee=draw(_actors()),
            items=tuple(draw(st.sets(st.sampled_from(RequestItem), max_size=2))),
            formal=draw(st.none() | st.booleans()),
        )
    if kind == "agreement":
        return Agreement(**fields, parties=draw(actors), signed=draw(st.none() | _dates))
    if kind == "ceasefire":
        return Ceasefire(**fields, parties=draw(actors), declared=draw(st.none() | _dates))
    if kind == "clash":
        return Clash(**fields, sides=draw(actors), fatalities=draw(_counts), injuries=draw(_counts))
    if kind == "strike":
        return Strike(**fields, perpetrator=draw(st.none() | _actors()), fatalities=draw(_counts))
    if kind == "meeting":
        return Meeting(**fields, parties=draw(actors), host=draw(st.none() | _actors()))
    return Event(**fields)


# ----------------------------------------------------------------- fixtures and data


def test_orjson_is_installed_for_the_tests() -> None:
    """The "orjson" runs below take the orjson path: the test extra installs it."""
    assert jsonio._orjson() is orjson


def _never(data: Any) -> Any:
    msg = "the json module was asked to parse"
    raise AssertionError(msg)


@pytest.fixture(params=[True, False], ids=["orjson", "stdlib"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run the test once with orjson and once with the standard library only."""
    monkeypatch.setattr(jsonio, "_USE_ORJSON", request.param)
    return bool(request.param)


def _request() -> Request:
    return Request(
        **common(id="syria-turkey-2025/003/request", when=FuzzyDate("2025-07")),
        requester=SYRIA,
        addressee=TURKIYE,
        items=(RequestItem.AIR_DEFENCE,),
        formal=True,
    )


REQUEST_JSON = (
    '{"kind":"request","schema":1,"id":"syria-turkey-2025/003/request","when":"2025-07",'
    '"summary":"Something happened.","attributions":[{"source":"src-1"}],'
    '"requester":{"kind":"government","name":"Syrian interim government","country":"SY"},'
    '"addressee":{"kind":"government","name":"Government of Türkiye","country":"TR"},'
    '"items":["air_defence"],"formal":true}'
)

BAD_COUNTRY = REQUEST_JSON.replace('"actors"', '"actors"').replace(
    '"items"',
    '"actors":[{"actor":{"kind":"person","name":"X","country":"Turkye"},'
    '"role":"mentioned"}],"items"',
)


class TestToJson:
    """to_json and to_dict write the documented shape."""

    def test_exact_request(self, backend: bool) -> None:
        """A request is written as one exact line, kind and schema first, defaults omitted."""
        assert to_json(_request()) == REQUEST_JSON

    def test_dating_object(self) -> None:
        """A resolved dating is written as an object and a stated one as a bare string."""
        when = Dating(
            date=FuzzyDate("2025-07-16"),
            method=DatingMethod.RESOLVED,
            expression="on Wednesday",
            anchor=datetime.date(2025, 7, 17),
        )
        clash = Clash(**common(when=when), fatalities=Count(low=5, best=7, high=12))
        assert to_dict(clash)["when"] == {
            "date": "2025-07-16",
            "method": "resolved",
            "expression": "on Wednesday",
            "anchor": "2025-07-17",
        }
        assert to_dict(clash)["fatalities"] == "7 (5..12)"

    def test_source_kind_renamed(self) -> None:
        """A source's own kind is written as source_kind, as kind is the tag."""
        assert to_json(Source(id="ap-1", outlet="AP", kind=SourceKind.WIRE)) == (
            '{"kind":"source","schema":1,"id":"ap-1","outlet":"AP","source_kind":"wire"}'
        )

    def test_not_a_record(self) -> None:
        """to_dict refuses anything but a record or a source."""
        with pytest.raises(TypeError, match="not dict"):
            to_dict({"kind": "event"})  # type: ignore[arg-type]

    def test_small_floats_identical(self, backend: bool) -> None:
        """Floats that orjson writes differently still come out as float repr on both paths."""
        event = Event(**common(location=Location(name="x", latitude=1e-05, longitude=-1.5e-07)))
        assert to_json(event).endswith(
            '"location":{"name":"x","latitude":1e-05,"longitude":-1.5e-07}}'
        )

    @given(entries())
    def test_paths_byte_identical(self, entry: Entry) -> None:
        """The orjson and the standard-library encoders give the same bytes."""
        jsonio._USE_ORJSON = True
        try:
            fast = to_json(entry)
            jsonio._USE_ORJSON = False
            assert to_json(entry) == fast
        finally:
            jsonio._USE_ORJSON = True

    @given(st.floats(-90.0, 90.0), st.floats(-180.0, 180.0))
    @example(5e-05, -1.5e-07)
    @example(1e-4, 9.99e-05)
    @example(0.0, -0.0)
    def test_coordinates_byte_identical(self, latitude: float, longitude: float) -> None:
        """Records with coordinates of any size encode alike on both paths."""
        event = Event(**common(location=Location(latitude=latitude, longitude=longitude)))
        jsonio._USE_ORJSON = True
        try:
            fast = to_json(event)
            jsonio._USE_ORJSON = False
            assert to_json(event) == fast
        finally:
            jsonio._USE_ORJSON = True

    @given(st.floats(allow_nan=False, allow_infinity=False))
    @example(1e-05)
    @example(-1.5e-07)
    @example(1e-4)
    @example(1e16)
    @example(5e-324)
    def test_records_float_check_is_sound(self, value: float) -> None:
        """Outside what the records' float check flags, orjson writes floats as repr does."""
        if not (value != 0.0 and -1e-4 < value < 1e-4):
            assert orjson.dumps(value) == json.dumps(value).encode()


class TestRoundTrip:
    """Reading what was written gives the same record back."""

    @given(entries())
    def test_from_json_to_json(self, entry: Entry) -> None:
        """from_json(to_json(r)) == r, and to_json is a fixed point after one round trip."""
        text = to_json(entry)
        assert from_json(text) == entry
        assert from_dict(to_dict(entry)) == entry
        assert to_json(from_json(text)) == text

    @pytest.mark.parametrize("use_orjson", [True, False])
    def test_fixed_point_from_foreign_json(
        self, use_orjson: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Spaced, reordered JSON with an int coordinate settles after one round trip."""
        monkeypatch.setattr(jsonio, "_USE_ORJSON", use_orjson)
        text = (
            '{ "schema": 1, "kind": "event", "summary": "S.", "id": "a", "when": "2025",'
            ' "attributions": [{"source": "s", "mode": "reported"}],'
            ' "location": {"latitude": 5, "longitude": 1e-5} }'
        )
        once = to_json(from_json(text))
        assert once == (
            '{"kind":"event","schema":1,"id":"a","when":"2025","summary":"S.",'
            '"attributions":[{"source":"s"}],"location":{"latitude":5.0,"longitude":1e-05}}'
        )
        assert to_json(from_json(once)) == once

    def test_indented_document_takes_the_fast_path(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """json.dumps(indent=2) re-encodes through orjson: the json module never parses it."""
        document = json.dumps(to_dict(_request()), indent=2, ensure_ascii=False)
        monkeypatch.setattr(jsonio, "_std_loads", _never)
        assert from_json(document) == _request()
        assert from_json(document.encode()) == _request()

    def test_escaped_indented_document(self) -> None:
        """With escaped non-ASCII letters it does not re-encode to itself; json reads it."""
        document = json.dumps(to_dict(_request()), indent=2)
        assert "\\u" in document
        assert from_json(document) == _request()

    @pytest.mark.parametrize(
        ("document", "key"),
        [
            ('{\n  "kind": "event",\n  "kind": "clash"\n}', "kind"),
            ('{\n  "a": {\n    "b": 1,\n    "b": 1\n  }\n}', "b"),
            ('{\n  "a": [\n    {\n      "c": 1,\n      "c": 2\n    }\n  ]\n}', "c"),
        ],
    )
    def test_indented_duplicates_still_refused(self, document: str, key: str) -> None:
        """Indented text with a repeated key does not re-encode to itself, so it is refused."""
        with pytest.raises(RecordError) as info:
            from_json(document)
        assert info.value.lines() == [f"$: malformed JSON: duplicate key {key!r} in an object"]

    @given(entries())
    def test_indented_entries(self, entry: Entry) -> None:
        """Every entry, indented as json.dumps(indent=2) writes it, reads back equal."""
        assert from_json(json.dumps(to_dict(entry), indent=2, ensure_ascii=False)) == entry

    def test_float_subclass_coordinates(self, backend: bool) -> None:
        """A location built from numpy-style float subclasses writes alike on both paths."""

        class Float(float):
            pass

        record = Event(
            id="a",
            when=FuzzyDate("2025"),
            summary="S.",
            attributions=(Attribution(source="s"),),
            location=Location(name="Aleppo", latitude=Float(36.2), longitude=Float(37.15)),
        )
        assert to_json(record) == (
            '{"kind":"event","schema":1,"id":"a","when":"2025","summary":"S.",'
            '"attributions":[{"source":"s"}],'
            '"location":{"name":"Aleppo","latitude":36.2,"longitude":37.15}}'
        )

    def test_dict_subclasses(self) -> None:
        """from_dict reads OrderedDict and defaultdict, nested too, as JSON objects."""
        line = to_json(_request())
        ordered = json.loads(line, object_pairs_hook=collections.OrderedDict)
        assert from_dict(ordered) == _request()
        assert from_dict(collections.defaultdict(list, json.loads(line))) == _request()
        ordered["requester"]["name"] = 5
        with pytest.raises(RecordError) as info:
            from_dict(ordered)
        assert info.value.lines() == ["$.requester.name: expected a string, got number: 5"]

    def test_bytes_input(self) -> None:
        """UTF-8 bytes are read like text."""
        assert from_json(REQUEST_JSON.encode()) == _request()


BAD_LINES: dict[str, tuple[bytes, str]] = {
    "malformed": (
        b'{"kind":"event",',
        "$: malformed JSON: Expecting property name enclosed in double quotes at column 17",
    ),
    "utf8": (b'{"kind":"ev\xffent"}', "$: invalid UTF-8 at byte 12 (save the file as UTF-8)"),
    "nan": (b'{"kind":"event","x":NaN}', "$: malformed JSON: NaN is not valid JSON"),
    "infinity": (
        b'{"kind":"event","x":-Infinity}',
        "$: malformed JSON: -Infinity is not valid JSON",
    ),
    "duplicate": (
        b'{"kind":"event","kind":"clash"}',
        "$: malformed JSON: duplicate key 'kind' in an object",
    ),
    "nested duplicate": (
        b'{"a":{"b":1,"b":1}}',
        "$: malformed JSON: duplicate key 'b' in an object",
    ),
    "deep": (
        b'{"tags":' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        "$: malformed JSON: nested too deeply (records nest only a few levels)",
    ),
    # Deep enough that orjson reads it but will not write it back (its limit is 254).
    "deep for orjson": (
        b'{"kind":"source","schema":1,"id":"a","outlet":"A","notes":'
        + b"[" * 300
        + b"]" * 300
        + b"}",
        "$.notes: expected a string, got array",
    ),
    "control character": (
        b'{"kind":"source","summary":"a\x01b"}',
        "$: malformed JSON: Invalid control character at column 30",
    ),
    "array": (b"[1, 2]", "$: expected a JSON object, got array"),
    "unknown kind": (
        b'{"kind":"battle","schema":1}',
        (
            "$.kind: unknown kind: 'battle' (one of 'agreement', 'ceasefire', 'clash', 'event', "
            "'meeting', 'request', 'source', 'statement', 'strike')"
        ),
    ),
    "huge int": (
        b'{"kind":"event","schema":1' + b"0" * 5000 + b"}",
        "$: malformed JSON: a number too long to read (over 4,300 digits)",
    ),
}


class TestBadInput:
    """Hostile input gives one clear error, never a crash, on both paths."""

    @pytest.mark.parametrize("name", list(BAD_LINES))
    def test_bad_line(self, name: str, backend: bool) -> None:
        """Each bad line gives its exact message."""
        data, expected = BAD_LINES[name]
        with pytest.raises(RecordError) as info:
            from_json(data)
        assert info.value.lines() == [expected]

    def test_syntax_error_in_a_document(self, backend: bool) -> None:
        """A document's syntax error names its line and column, as an editor counts them."""
        document = '{\n  "kind": "source",\n  "schema": 1,\n  "id": "a"\n  "outlet": "A"\n}'
        with pytest.raises(RecordError) as info:
            from_json(document)
        assert info.value.lines() == [
            "$: malformed JSON: Expecting ',' delimiter at line 5, column 3"
        ]

    @pytest.mark.parametrize("indent", ["", "    ", "\t "])
    def test_column_counts_leading_whitespace(self, indent: str, backend: bool) -> None:
        """Leading whitespace is part of the line: the column is where the editor shows it."""
        line = indent + '{"kind":"source","schema":1,"id":"a" "outlet":"A"}'
        column = line.index('"outlet"') + 1
        expected = f"$: malformed JSON: Expecting ',' delimiter at column {column}"
        with pytest.raises(RecordError) as info:
            from_json(line)
        assert info.value.lines() == [expected]
        reader = read_jsonl(io.StringIO(f"{line}\n{_source_line(1)}\n"), errors="collect")
        assert [entry.id for entry in reader] == ["s1"]
        assert [str(e) for e in reader.errors] == [f"<stream>:1: {expected}"]

    @pytest.mark.parametrize("errors", ["collect", "raise"])
    def test_stream_cut_short(self, errors: Literal["collect", "raise"]) -> None:
        """A compressed stream cut short: every whole line before the cut, then a located error."""
        data = gzip.compress("".join(_source_line(i) + "\n" for i in range(3_000)).encode())
        cut = data[: len(data) * 2 // 3]
        whole = 0  # the lines a plain loop gets before the stream fails
        with contextlib.suppress(EOFError), gzip.GzipFile(fileobj=io.BytesIO(cut)) as plain:
            for _ in plain:
                whole += 1
        assert 1_024 < whole < 3_000
        reader = read_jsonl(gzip.GzipFile(fileobj=io.BytesIO(cut)), errors=errors)
        read: list[Entry] = []
        if errors == "raise":
            with pytest.raises(RecordError) as info:
                read.extend(reader)
            problems = [str(info.value)]
        else:
            read.extend(reader)
            problems = [str(e) for e in reader.errors]
        assert [entry.id for entry in read] == [f"s{i}" for i in range(whole)]
        expected = (
            f"<stream>:{whole + 1}: $: cannot read the file at or after line {whole + 1} "
            "(EOFError: Compressed file ended before the end-of-stream marker was reached): "
            "reading stopped"
        )
        assert problems == [expected]

    def test_stream_cut_short_in_an_overlong_line(self) -> None:
        """A stream cut short while an overlong line is skipped: a located error, no escape."""
        noise = "".join(f"{i:08x}" for i in range(2_000))  # compresses poorly: the cut lands in it
        data = gzip.compress((_source_line(0) + "\n" + f'{{"notes":"{noise}"}}\n').encode())
        cut = gzip.GzipFile(fileobj=io.BytesIO(data[: len(data) * 3 // 4]))
        reader = JsonlReader(cut, errors="collect", max_line_length=1_000)
        assert [entry.id for entry in reader] == ["s0"]
        expected = (
            "<stream>:2: $: cannot read the file at or after line 2 "
            "(EOFError: Compressed file ended before the end-of-stream marker was reached): "
            "reading stopped"
        )
        assert [str(e) for e in reader.errors] == [expected]

    def test_caller_mistakes_are_not_read_errors(self, tmp_path: pathlib.Path) -> None:
        """A closed file, or one open for writing, raises as Python does, not as bad data."""
        path = tmp_path / "a.jsonl"
        path.write_text(_source_line(0) + "\n")
        closed = path.open("rb")
        closed.close()
        with pytest.raises(ValueError, match="closed file"):
            list(read_jsonl(closed, errors="collect"))
        with path.open("ab") as writing, pytest.raises(io.UnsupportedOperation):
            list(read_jsonl(writing, errors="collect"))

    def test_pipe_that_keeps_up_is_read_in_batches(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Lines already waiting in a pipe are decoded together, as from a file on disk."""
        batches: list[str] = []

        class Collector:
            """The collector's switches, counting the pauses: one a batch."""

            @staticmethod
            def isenabled() -> bool:
                return True

            @staticmethod
            def disable() -> None:
                batches.append("paused")

            @staticmethod
            def enable() -> None:
                pass

        monkeypatch.setattr(jsonio, "gc", Collector)
        read_end, write_end = os.pipe()
        text = "".join(_source_line(i) + "\n" for i in range(1_000)).encode()
        assert len(text) < 60_000  # all of it fits in the pipe before reading starts
        with os.fdopen(read_end, "rb") as source:
            with os.fdopen(write_end, "wb") as sink:
                sink.write(text)
            assert [entry.id for entry in read_jsonl(source)] == [f"s{i}" for i in range(1_000)]
        assert batches == ["paused"]

    @pytest.mark.parametrize(
        ("longest", "error"), [(0, ValueError), (-3, ValueError), (1.5, TypeError)]
    )
    def test_max_line_length_is_checked(self, longest: Any, error: type[Exception]) -> None:
        """A line length below 1, or not an int, is refused before anything is read."""
        with pytest.raises(error, match="max_line_length"):
            JsonlReader(io.StringIO(""), max_line_length=longest)

    def test_stream_without_a_descriptor_goes_line_by_line(self) -> None:
        """A stream that cannot seek and has no file descriptor: nothing is read ahead."""

        class Stream:
            """Lines handed out one at a time, like a socket wrapper of one's own."""

            def __init__(self) -> None:
                self.calls = 0

            def readline(self, size: int = -1) -> str:
                self.calls += 1
                return _source_line(self.calls) + "\n" if self.calls <= 5 else ""

            def seekable(self) -> bool:
                return False

        stream = Stream()
        entries = read_jsonl(stream)  # type: ignore[arg-type]
        assert (next(entries).id, stream.calls) == ("s1", 1)
        assert [entry.id for entry in entries] == ["s2", "s3", "s4", "s5"]

    @pytest.mark.parametrize(
        ("mode", "whole_bytes", "unfinished"),
        [
            # The whole lines fill one read buffer (8,192 bytes) exactly.
            ("rb0", 8_192, 40),
            ("rb", 8_192, 40),
            ("r", 8_192, 40),
            # The buffer ends inside the unfinished line, whose next bytes are in the pipe.
            ("rb", 8_182, 141),
            ("r", 8_182, 141),
            # The unfinished line is longer than the buffer.
            ("rb", 1_000, 20_000),
        ],
    )
    def test_unfinished_line_does_not_hold_back_the_ones_before(
        self, mode: str, whole_bytes: int, unfinished: int
    ) -> None:
        """Whole lines already written come out while the writer is still writing the next."""
        whole = "".join(_source_line(i) + "\n" for i in range(200)).encode()[:whole_bytes]
        whole = whole[: whole.rindex(b"\n") + 1]
        padding = whole_bytes - len(whole)  # widen the last line to end where asked
        whole = whole[:-2] + b" " * padding + whole[-2:]
        late = b'{"kind":"source","schema":1,"id":"late","outlet":"AP"' + b" " * unfinished
        start = late[:unfinished]
        assert len(whole) == whole_bytes
        read_end, write_end = os.pipe()
        got: list[str] = []
        opened = open(  # noqa: SIM115 - closed below
            read_end,
            "rb" if mode.startswith("rb") else "r",
            buffering=0 if mode == "rb0" else -1,
            encoding=None if mode.startswith("rb") else "utf-8",
        )
        with opened as source, os.fdopen(write_end, "wb") as sink:
            sink.write(whole + start)
            sink.flush()
            entries = read_jsonl(source)
            worker = threading.Thread(target=lambda: got.append(next(entries).id))
            worker.start()
            worker.join(timeout=30)
            arrived = list(got)
            sink.write(late[unfinished:] + b"}\n")
            sink.close()
            worker.join()
            assert [entry.id for entry in entries][-1] == "late"
        assert arrived == ["s0"]

    def test_pipe_yields_each_line_as_it_comes(self) -> None:
        """From a pipe, an entry comes as soon as its line, not after a batch fills."""
        read_end, write_end = os.pipe()
        got: list[str] = []
        with os.fdopen(read_end, "rb") as source, os.fdopen(write_end, "wb") as sink:
            sink.write("".join(_source_line(i) + "\n" for i in range(3)).encode())
            sink.flush()
            entries = read_jsonl(source)
            worker = threading.Thread(target=lambda: got.extend(next(entries).id for _ in range(3)))
            worker.start()
            worker.join(timeout=30)
            arrived = list(got)
            sink.close()  # the end of the stream, which frees a reader still waiting
            worker.join()
        assert arrived == ["s0", "s1", "s2"]

    @pytest.mark.parametrize("errors", ["collect", "raise"])
    def test_undecodable_text_file(self, errors: Literal["collect", "raise"]) -> None:
        """A text-mode file with a bad byte: the lines before it, then a located error."""
        good = [_source_line(i).encode() for i in range(3_000)]
        data = b"\n".join([*good, b'{"kind":"source","schema":1,"id":"x","outlet":"\xff"}'])
        reader = read_jsonl(io.TextIOWrapper(io.BytesIO(data + b"\n"), "utf-8"), errors=errors)
        read: list[Entry] = []
        if errors == "raise":
            with pytest.raises(RecordError) as info:
                read.extend(reader)
            problem = str(info.value)
        else:
            read.extend(reader)
            (error,) = reader.errors
            problem = str(error)
        # Text files decode in blocks: the lines of the blocks before the bad one are read.
        assert 2_000 < len(read) < 3_000
        assert [s.id for s in read] == [json.loads(g)["id"] for g in good[: len(read)]]
        assert problem == (
            f"<stream>:{len(read) + 1}: $: cannot decode the text at or after line "
            f"{len(read) + 1} (invalid start byte): reading stopped (open the file in binary "
            "mode ('rb') to read every good line)"
        )

    def test_rules_across_fields_come_with_the_others(self) -> None:
        """Every rule a record breaks is reported at once, the bad fields' errors first."""
        actor = {"kind": "government", "name": "A"}
        base = {"kind": "request", "schema": 1, "id": "a", "when": "2025-07"}
        data = {
            **base,
            "summary": "",
            "attributions": [{"source": "s"}],
            "requester": actor,
            "addressee": actor,
            "items": ["arms", "arms"],
            "refers_to": ["a"],
            "location": {"latitude": 1.0, "name": "x"},
            "actors": [{"actor": {"kind": "unnamed", "name": "X"}, "role": "party"}],
        }
        with pytest.raises(RecordError) as info:
            from_dict(data)
        assert info.value.lines() == [
            "$.summary: must not be empty or blank: ''",
            (
                "$.actors[0].actor.name: an unnamed actor has no name: 'X' (put who they are in "
                "'description', or choose another kind)"
            ),
            (
                "$.actors[0].actor.description: an unnamed actor needs a description (e.g. "
                "'Turkish defence ministry officials')"
            ),
            "$.location.longitude: latitude and longitude come together (give longitude too)",
            "$.refers_to: a record cannot point to itself: 'a'",
            "$.items: lists the same item twice: 'arms'",
        ]
        agreement = {
            **base,
            "kind": "agreement",
            "summary": "s",
            "attributions": [{"source": "s"}],
            "parties": [actor, actor],
            "signed": "2025-07-10",
            "in_force": "2025-07-12",
            "terminated": "2025-07-01",
            "fatalities": "3",
        }
        with pytest.raises(RecordError) as info:
            from_dict(agreement)
        assert info.value.lines() == [
            "$.fatalities: unknown field",
            (
                "$.terminated: terminated before it was signed: '2025-07-01' (it is certainly "
                "before 2025-07-10; check both dates)"
            ),
            (
                "$.terminated: terminated before it took effect: '2025-07-01' (it is certainly "
                "before 2025-07-12; check both dates)"
            ),
        ]

    def test_every_bad_item_by_its_index(self) -> None:
        """Each bad item of an array of texts is named by its index, not only the first."""
        base = json.loads(REQUEST_JSON)
        person = {"kind": "person", "name": "A", "aliases": ["", "ok", " "]}
        with pytest.raises(RecordError) as info:
            from_json(json.dumps({**base, "tags": ["ok", "", "x" * 101], "requester": person}))
        assert [line.split(": ")[0] for line in info.value.lines()] == [
            "$.tags[1]",
            "$.tags[2]",
            "$.requester.aliases[0]",
            "$.requester.aliases[2]",
        ]

    def test_problems_of_one_array_or_object_are_capped(self) -> None:
        """A line of many bad items lists the first hundred and says how many it left."""
        base = json.loads(REQUEST_JSON)
        with pytest.raises(RecordError) as info:
            from_json(json.dumps({**base, "countries": ["XX"] * 5_000}))
        lines = info.value.lines()
        assert len(lines) == 101
        assert lines[99].startswith("$.countries[99]: not an ISO 3166-1 alpha-2 country code")
        assert lines[100] == (
            "$.countries: stopped after 100 bad items: the other 4,900 of 5,000 items were "
            "not checked (fix these first)"
        )
        with pytest.raises(RecordError) as info:
            from_json(json.dumps({**base, **{f"x{i}": 1 for i in range(1_000)}}))
        lines = info.value.lines()
        assert len(lines) == 101
        assert lines[100] == (
            "$: stopped after 100 unknown fields: 900 more unknown fields are not listed "
            "(fix these first)"
        )

    @pytest.mark.parametrize("data", ["\ufeff" + REQUEST_JSON, ("\ufeff" + REQUEST_JSON).encode()])
    def test_leading_byte_order_mark(self, data: str | bytes, backend: bool) -> None:
        """A BOM before the text is ignored (RFC 8259 allows it); elsewhere it is an error."""
        assert from_json(data) == _request()
        with pytest.raises(RecordError) as info:
            from_json(REQUEST_JSON + "\ufeff")
        column = len(REQUEST_JSON) + 1
        assert info.value.lines() == [f"$: malformed JSON: Extra data at column {column}"]

    @pytest.mark.parametrize("data", [bytearray(b"{}"), memoryview(b"{}"), None, 5])
    def test_not_text(self, data: Any) -> None:
        """Anything but str or bytes is a TypeError naming its type."""
        with pytest.raises(
            TypeError, match=f"from_json takes str or bytes, not {type(data).__name__}$"
        ):
            from_json(data)

    def test_ten_megabyte_line(self, backend: bool) -> None:
        """A 10 MB string is refused quickly, its value cut short in the message."""
        data = REQUEST_JSON.replace('"Something happened."', '"' + "x" * 10_000_000 + '"')
        with pytest.raises(RecordError) as info:
            from_json(data)
        (line,) = info.value.lines()
        assert line.startswith("$.summary: longer than 500 characters: 'xxx")
        assert len(line) < 200

    def test_record_errors_together(self) -> None:
        """Every problem of one record is reported at once, with full paths."""
        data = (
            REQUEST_JSON.replace('"formal":true', '"formal":1')
            .replace('"SY"', "792")
            .replace('"2025-07"', '"2025-02-30"')
        )
        with pytest.raises(RecordError) as info:
            from_json(data)
        assert info.value.lines() == [
            "$.when: day 30 does not exist in 2025-02: '2025-02-30'",
            (
                "$.requester.country: expected an ISO 3166-1 alpha-2 country code (a string), "
                "got number: 792"
            ),
            "$.formal: expected true or false, got number: 1",
        ]

    def test_unknown_field_opt_in(self) -> None:
        """Unknown keys are errors by default and ignored with allow_unknown=True."""
        data = REQUEST_JSON.replace('"formal":true', '"formal":true,"futur":1')
        with pytest.raises(RecordError) as info:
            from_json(data)
        assert info.value.lines() == ["$.futur: unknown field"]
        assert from_json(data, allow_unknown=True) == _request()
        assert from_dict(to_dict(_request()) | {"x": 1}, allow_unknown=True) == _request()


class TestSchemaVersion:
    """Versions are checked on every record and every header."""

    def test_newer_record(self) -> None:
        """A record of a newer version fails with a message saying to upgrade."""
        with pytest.raises(RecordError) as info:
            from_json(REQUEST_JSON.replace('"schema":1', '"schema":2'))
        assert info.value.lines() == [
            (
                "$.schema: newer than schema version 1, the newest this geoevents reads: 2 "
                "(upgrade geoevents to read it)"
            )
        ]

    def test_missing_version(self) -> None:
        """A record without a version reports it alongside its other problems."""
        with pytest.raises(RecordError) as info:
            from_dict({"kind": "source", "id": "s", "outlet": 1})
        assert info.value.lines() == [
            '$.schema: missing required field (add "schema": 1)',
            "$.outlet: expected a string, got number: 1",
        ]

    def test_migration_step(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An older record is upgraded by the registered step before it is read."""

        def rename_outlet(data: dict[str, Any]) -> dict[str, Any]:
            data["outlet"] = data.pop("publisher")
            return data

        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        monkeypatch.setitem(migrations.MIGRATIONS, 1, rename_outlet)
        old = {"kind": "source", "schema": 1, "id": "s", "publisher": "AP"}
        source = from_dict(old)
        assert source == Source(id="s", outlet="AP")
        assert old == {"kind": "source", "schema": 1, "id": "s", "publisher": "AP"}
        assert to_json(source) == '{"kind":"source","schema":2,"id":"s","outlet":"AP"}'

    def test_missing_step(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A version without a registered step fails clearly."""
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        with pytest.raises(RecordError) as info:
            from_dict({"kind": "source", "schema": 1, "id": "s", "outlet": "AP"})
        assert info.value.lines() == [
            (
                "$.schema: no migration from schema version 1: 1 "
                "(this is a bug in geoevents; please report it)"
            )
        ]

    def test_newer_header(self, tmp_path: pathlib.Path) -> None:
        """A file whose header is newer raises even in collect mode."""
        path = tmp_path / "new.jsonl"
        path.write_text('{"kind":"header","schema":3}\n' + REQUEST_JSON + "\n")
        with pytest.raises(RecordError) as info:
            list(read_jsonl(path, errors="collect"))
        assert str(info.value) == (
            f"{path}:1: $.schema: newer than schema version 1, the newest this geoevents "
            "reads: 3 (upgrade geoevents to read it)"
        )


REMOVE = "(remove it, or split the file)"


def _write_bad_file(path: pathlib.Path) -> None:
    lines = [
        '{"kind":"header","schema":1,"dataset":"seeds"}',
        REQUEST_JSON,
        "",
        BAD_COUNTRY,
        "not json",
        '{"kind":"header","schema":1}',
        '{"kind":"header","schema":"one","x":1,"dataset":5}',
        to_json(Source(id="s", outlet="AP")),
    ]
    path.write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"kind":"\xff"}\n' + REQUEST_JSON.encode()
    )


class TestReadJsonl:
    """read_jsonl streams good lines and reports bad ones with file and line."""

    def test_collect_keeps_good_lines(self, tmp_path: pathlib.Path, backend: bool) -> None:
        """With errors="collect" every good line is yielded and every bad one recorded."""
        path = tmp_path / "bad.jsonl"
        _write_bad_file(path)
        reader = read_jsonl(path, errors="collect")
        assert list(reader) == [_request(), Source(id="s", outlet="AP"), _request()]
        assert reader.header == JsonlHeader(schema=1, dataset="seeds")
        assert [line for e in reader.errors for line in e.lines()] == [
            (
                f"{path}:4: $.actors[0].actor.country: not an ISO 3166-1 alpha-2 country code: "
                "'Turkye' (write names through normalize_country() first)"
            ),
            f"{path}:5: $: malformed JSON: Expecting value at column 1",
            f"{path}:6: $.kind: a header is allowed only on the first line {REMOVE}",
            f"{path}:7: $.kind: a header is allowed only on the first line {REMOVE}",
            f"{path}:9: $: invalid UTF-8 at byte 10 (save the file as UTF-8)",
        ]
        assert [e.line for e in reader.errors] == [4, 5, 6, 7, 9]

    @pytest.mark.parametrize("depth", [300, 10_000])
    def test_deep_line_among_good_ones(self, depth: int, backend: bool) -> None:
        """A deeply nested line is one bad line; the lines around it are still read."""
        deep = '{"kind":"source","schema":1,"id":"d","outlet":"A","notes":%s}' % (
            "[" * depth + "]" * depth
        )
        source = '{"kind":"source","schema":1,"id":"s","outlet":"AP"}'
        reader = read_jsonl(io.StringIO(f"{source}\n{deep}\n{source}\n"), errors="collect")
        assert list(reader) == [Source(id="s", outlet="AP")] * 2
        assert [e.line for e in reader.errors] == [2]

    def test_not_a_file(self) -> None:
        """Bytes, numbers and the like are a TypeError at once, not on first iteration."""
        with pytest.raises(TypeError, match="read_jsonl takes a path or a file object, not bytes"):
            read_jsonl(b"seeds/000.jsonl")  # type: ignore[arg-type]

    def test_raise_stops_at_first_bad_line(self, tmp_path: pathlib.Path) -> None:
        """With errors="raise" the good lines before the bad one are yielded first."""
        path = tmp_path / "bad.jsonl"
        _write_bad_file(path)
        seen: list[Entry] = []
        with pytest.raises(RecordError) as info:
            seen.extend(read_jsonl(str(path)))
        assert seen == [_request()]
        assert (info.value.source, info.value.line) == (str(path), 4)

    def test_text_stream_without_header(self) -> None:
        """A text stream without header, with a BOM and blank lines, reads fine."""
        stream = io.StringIO("\ufeff" + REQUEST_JSON + "\n\n  \n" + REQUEST_JSON)
        reader = read_jsonl(stream)
        assert list(reader) == [_request(), _request()]
        assert reader.header is None
        assert reader.source == "<stream>"

    def test_stream_with_an_empty_name(self) -> None:
        """A gzip stream over bytes has the name "": errors still say which stream."""
        data = gzip.compress(REQUEST_JSON.replace('"name":"Syrian', '"name":5,"x":"').encode())
        reader = read_jsonl(gzip.GzipFile(fileobj=io.BytesIO(data)), errors="collect")
        assert list(reader) == []
        assert [line for e in reader.errors for line in e.lines()] == [
            "<stream>:1: $.requester.x: unknown field",
            "<stream>:1: $.requester.name: expected a string, got number: 5",
        ]

    def test_binary_stream_bom_and_name(self, tmp_path: pathlib.Path) -> None:
        """A binary file object is named by its .name and a UTF-8 BOM is skipped."""
        path = tmp_path / "bom.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + REQUEST_JSON.encode() + b"\r\nnope\r\n")
        with path.open("rb") as handle:
            reader = read_jsonl(handle, errors="collect")
            assert list(reader) == [_request()]
        assert reader.errors[0].lines() == [
            f"{path}:2: $: malformed JSON: Expecting value at column 1"
        ]

    def test_header_problems(self) -> None:
        """A malformed header is a line error, and unknown header keys are allowed on request."""
        text = '{"kind":"header","schema":0,"extra":1,"description":2}\n'
        reader = read_jsonl(io.StringIO(text), errors="collect")
        assert list(reader) == []
        assert reader.errors[0].lines() == [
            "<stream>:1: $.schema: not a schema version: 0 (this geoevents writes version 1)",
            "<stream>:1: $.description: expected a string, got number: 2",
            "<stream>:1: $.extra: unknown field in the header",
        ]
        missing = read_jsonl(io.StringIO('{"kind":"header","dataset":[1]}\n'), errors="collect")
        assert list(missing) == []
        assert missing.errors[0].lines() == [
            '<stream>:1: $.schema: missing required field (add "schema": 1)',
            "<stream>:1: $.dataset: expected a string, got array",
        ]
        lenient = read_jsonl(
            io.StringIO('{"kind":"header","schema":1,"extra":1}\n'), allow_unknown=True
        )
        assert list(lenient) == []
        assert lenient.header == JsonlHeader(schema=1)

    def test_overlong_line(self) -> None:
        """A line over the cap is skipped whole and reported, and the next line is read."""
        text = '{"notes":"' + "x" * 300 + '"}\n' + REQUEST_JSON + "\n"
        reader = JsonlReader(io.StringIO(text), errors="collect", max_line_length=100)
        assert list(reader) == []  # REQUEST_JSON is over 100 characters too
        assert [e.lines() for e in reader.errors] == [
            ["<stream>:1: $: line longer than 100 bytes (skipped)"],
            ["<stream>:2: $: line longer than 100 bytes (skipped)"],
        ]

    @pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
    def test_line_of_exactly_the_cap(self, tmp_path: pathlib.Path, ending: bytes) -> None:
        """A line as long as the cap is read whatever ends it; one byte more is skipped."""
        source = b'{"kind":"source","schema":1,"id":"s","outlet":"AP"}'
        path = tmp_path / "cap.jsonl"
        path.write_bytes(source[:-1] + b" }\n" + source + ending)
        reader = JsonlReader(path, errors="collect", max_line_length=len(source))
        assert list(reader) == [Source(id="s", outlet="AP")]
        assert [e.lines() for e in reader.errors] == [
            [f"{path}:1: $: line longer than {len(source)} bytes (skipped)"]
        ]

    @pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\x0c", "\x1c"])
    def test_only_json_whitespace_around_a_line(self, space: str) -> None:
        """Text and binary streams strip the same: JSON's whitespace, nothing else."""
        line = space + '{"kind":"source","schema":1,"id":"s","outlet":"AP"}'
        for stream in (io.StringIO(line), io.BytesIO(line.encode())):
            reader = read_jsonl(stream, errors="collect")
            assert list(reader) == []
            assert [e.line for e in reader.errors] == [1]

    def test_missing_file(self, tmp_path: pathlib.Path) -> None:
        """A missing file is a DatasetError naming it."""
        with pytest.raises(DatasetError, match=r"missing\.jsonl: cannot read"):
            list(read_jsonl(tmp_path / "missing.jsonl"))

    def test_bad_errors_argument(self) -> None:
        """An unknown errors mode is refused at once."""
        with pytest.raises(ValueError, match="errors must be"):
            read_jsonl(io.StringIO(""), errors="ignore")  # type: ignore[arg-type]

    def test_context_manager_closes(self, tmp_path: pathlib.Path) -> None:
        """Leaving the with block closes the reader."""
        path = tmp_path / "ok.jsonl"
        write_jsonl(path, [_request(), _request()])
        with read_jsonl(path) as reader:
            assert next(reader) == _request()
        with pytest.raises(StopIteration):
            next(reader)


def _source_line(i: int) -> str:
    return f'{{"kind":"source","schema":1,"id":"s{i}","outlet":"AP"}}'


class TestBatches:
    """Lines are decoded in batches with the collector paused; nothing else shows."""

    def test_more_lines_than_a_batch(self) -> None:
        """Every line of a file longer than several batches, numbered right."""
        count = jsonio._BATCH * 2 + 7
        text = "".join(_source_line(i) + "\n" for i in range(count))
        reader = read_jsonl(io.StringIO(text))
        ids = [entry.id for entry in reader]
        assert ids == [f"s{i}" for i in range(count)]
        assert reader.line == count

    @pytest.mark.parametrize("enabled", [True, False])
    def test_collector_state_is_restored(self, enabled: bool) -> None:
        """Enabled or not before, the collector is as it was, after a good or a bad line."""
        text = _source_line(1) + "\nnot json\n" + _source_line(2) + "\n"
        was = gc.isenabled()
        try:
            if not enabled:
                gc.disable()
            reader = read_jsonl(io.StringIO(text))
            assert next(reader).id == "s1"
            assert gc.isenabled() is enabled  # paused only while a batch is decoded
            with pytest.raises(RecordError):
                next(reader)
            assert gc.isenabled() is enabled
        finally:
            if was:
                gc.enable()

    def test_raise_after_the_good_lines(self) -> None:
        """The first bad line raises only once the lines before it are yielded."""
        text = "".join(_source_line(i) + "\n" for i in range(3)) + "[]\n" + _source_line(9)
        reader = read_jsonl(io.StringIO(text))
        assert [next(reader).id for _ in range(3)] == ["s0", "s1", "s2"]
        assert reader.line == 3
        with pytest.raises(RecordError) as info:
            next(reader)
        assert info.value.line == 4

    def test_errors_collected_in_reading_order(self) -> None:
        """A bad line's error appears when iteration passes it, not when its batch is read."""
        lines = [_source_line(0), _source_line(1), "nope", _source_line(3), "{}"]
        reader = read_jsonl(io.StringIO("\n".join(lines)), errors="collect")
        seen = [(entry.id, reader.line, len(reader.errors)) for entry in reader]
        assert seen == [("s0", 1, 0), ("s1", 2, 0), ("s3", 4, 1)]
        assert [e.line for e in reader.errors] == [3, 5]


def _repeating(value: Any, target: int, extra: Any, ensure_ascii: bool) -> tuple[str, str]:
    """Spaced JSON of *value* whose *target*-th object (in text order) repeats its first key.

    The repeat comes first and carries *extra*, so a parser keeping the last of repeated
    keys (as orjson does) returns *value* unchanged. Returns the text and the key.
    """
    found: list[str] = []
    count = 0

    def write(v: Any) -> str:
        nonlocal count
        if isinstance(v, dict):
            members = [
                f"{json.dumps(k, ensure_ascii=ensure_ascii)}: {write(x)}" for k, x in v.items()
            ]
            here, count = count, count + 1
            if here == target and v:
                key = next(iter(v))
                found.append(key)
                members.insert(0, f"{json.dumps(key)}: {json.dumps(extra)}")
            return "{" + ", ".join(members) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(write(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=ensure_ascii)

    text = write(value)
    return text, found[0] if found else ""


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=':\\"ab \u00e9'),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)


class TestOtherWriters:
    """Text from other writers takes orjson's parse when it provably has no repeated key."""

    @given(
        entries(),
        st.sampled_from(
            [
                {},
                {"ensure_ascii": False},
                {"indent": 4},
                {"indent": "\t", "sort_keys": True},
                {"separators": (",", ":"), "sort_keys": True},
            ]
        ),
    )
    @example(
        entry=Source(id="a", outlet="Rome+"), style={}
    )  # a string with e+ in it: the json module's, as designed
    def test_read_by_orjson(self, entry: Entry, style: dict[str, Any]) -> None:
        """json.dumps in any spacing, order or escapes: orjson's parse, the same entry.

        Text holding ``e+`` (a big number, or a word such as "Rome+") is left to the json
        module by design: the same entry, through the other parser.
        """
        text = json.dumps(to_dict(entry), **style)
        by_design = b"e+" in orjson.dumps(to_dict(entry))
        with mock.patch.object(jsonio, "_std_loads", jsonio._std_loads if by_design else _never):
            assert from_json(text) == entry
            assert from_json(text.encode()) == entry

    @given(entries(), st.integers(0, 8), _JSON_VALUES, st.booleans(), st.booleans())
    def test_repeated_keys_refused(
        self, entry: Entry, target: int, extra: Any, ensure_ascii: bool, as_bytes: bool
    ) -> None:
        """A repeated key anywhere, hidden behind any value and spacing, is refused."""
        text, key = _repeating(to_dict(entry), target, extra, ensure_ascii)
        assume(key)
        with pytest.raises(RecordError) as info:
            from_json(text.encode() if as_bytes else text)
        assert info.value.lines() == [f"$: malformed JSON: duplicate key {key!r} in an object"]

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            # An escaped colon in the kept value makes up for the member dropped.
            ('{"id": "\\u003a", "id": "\\u003a", "kind": "source"}', "id"),
            ('{"id": "\\u003A", "id": "x\\u003A", "kind": "source"}', "id"),
            # Colons in the dropped value.
            ('{"id": "a:b", "id": "c", "kind": "source"}', "id"),
            ('{"a": {"b": 1, "c": 2}, "a": {"b": 1}}', "a"),
        ],
    )
    def test_repeats_the_count_cannot_see(self, text: str, key: str, backend: bool) -> None:
        """Texts made to balance the colon count still fail, on both paths."""
        with pytest.raises(RecordError) as info:
            from_json(text)
        assert info.value.lines() == [f"$: malformed JSON: duplicate key {key!r} in an object"]

    @pytest.mark.parametrize(
        "number", ["12345678901234567890123", "-9223372036854775809", "18446744073709551616"]
    )
    def test_integers_past_64_bits(self, number: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """Read by orjson as floats; the json module's integer is what the error shows."""
        text = f'{{"kind": "source", "schema": {number}, "id": "a", "outlet": "AP"}}'
        messages = []
        for use_orjson in (True, False):
            monkeypatch.setattr(jsonio, "_USE_ORJSON", use_orjson)
            with pytest.raises(RecordError) as info:
                from_json(text)
            messages.append(info.value.lines())
        assert messages[0] == messages[1]
        assert number in messages[0][0]


class TestWriteJsonl:
    """write_jsonl writes a header and entries, atomically."""

    @given(st.lists(entries(), max_size=4))
    def test_round_trip(self, records: list[Entry]) -> None:
        """Writing then reading returns the same entries."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "out.jsonl")
            assert write_jsonl(path, records, description="test") == len(records)
            reader = read_jsonl(path)
            assert list(reader) == records
            assert reader.header == JsonlHeader(schema=1, description="test")

    def test_a_dataset_with_its_sources(self, tmp_path: pathlib.Path) -> None:
        """A Dataset is written as its sources (conflicting ones too), then its records."""
        from geoevents import Dataset
        from geoevents.datasets import load

        seed = load("syria-turkey-2025")
        other = Source(id="src-001", outlet="Someone else")  # reuses an id: a conflict
        ds = Dataset(seed.records, sources=[*seed.sources.values(), other])
        path = tmp_path / "ds.jsonl"
        assert write_jsonl(path, ds) == len(seed.sources) + 1 + len(seed)
        entries = list(read_jsonl(path))
        assert entries == [*seed.sources.values(), other, *seed.records]
        back = Dataset.from_entries(entries)
        assert (back.records, back.sources, back.source_conflicts) == (
            ds.records,
            ds.sources,
            (other,),
        )

    def test_exact_bytes(self, tmp_path: pathlib.Path, backend: bool) -> None:
        """The file is the header line and one compact line per entry, each ending a line."""
        path = tmp_path / "out.jsonl"
        write_jsonl(path, [_request()], dataset="seeds", description="Türkiye")
        assert (
            path.read_bytes()
            == (
                '{"kind":"header","schema":1,"dataset":"seeds","description":"Türkiye"}\n'
                + REQUEST_JSON
                + "\n"
            ).encode()
        )

    def test_failure_leaves_old_file(self, tmp_path: pathlib.Path) -> None:
        """A generator that fails half-way leaves the old file and no temporary file."""
        path = tmp_path / "data.jsonl"
        path.write_text("old\n")
        os.chmod(path, 0o640)

        def records() -> Iterator[Entry]:
            yield _request()
            msg = "disk on fire"
            raise OSError(msg)

        with pytest.raises(OSError, match="disk on fire"):
            write_jsonl(path, records())
        assert path.read_text() == "old\n"
        assert sorted(os.listdir(tmp_path)) == ["data.jsonl"]
        write_jsonl(path, [_request()])
        assert os.stat(path).st_mode & 0o777 == 0o640

    def test_a_private_file_stays_private_while_replaced(self, tmp_path: pathlib.Path) -> None:
        """The temporary file has the replaced file's mode from the start."""
        path = tmp_path / "private.jsonl"
        path.write_text("old\n")
        os.chmod(path, 0o600)
        seen: list[int] = []

        def records() -> Iterator[Entry]:
            (tmp,) = (p for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
            seen.append(os.stat(tmp).st_mode & 0o777)
            yield _request()

        write_jsonl(path, records())
        assert seen == [0o600]
        assert os.stat(path).st_mode & 0o777 == 0o600

    def test_bad_header_argument(self, tmp_path: pathlib.Path) -> None:
        """A non-string dataset name is refused before anything is written."""
        with pytest.raises(TypeError, match="dataset must be a str"):
            write_jsonl(tmp_path / "x.jsonl", [], dataset=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^description holds a lone surrogate"):
            write_jsonl(tmp_path / "x.jsonl", [], description="a\ud800b")
        assert os.listdir(tmp_path) == []

    def test_bad_record_removes_temp(self, tmp_path: pathlib.Path) -> None:
        """A non-record among the records fails and leaves no file behind."""
        with pytest.raises(TypeError):
            write_jsonl(tmp_path / "x.jsonl", [_request(), "nope"])  # type: ignore[list-item]
        assert os.listdir(tmp_path) == []

    @pytest.mark.parametrize("umask", [0o022, 0o077])
    def test_new_file_follows_umask(self, tmp_path: pathlib.Path, umask: int) -> None:
        """A new file gets the permissions open() would give it."""
        old = os.umask(umask)
        try:
            write_jsonl(tmp_path / "new.jsonl", [_request()])
            (tmp_path / "plain").write_text("x")
        finally:
            os.umask(old)
        mode = os.stat(tmp_path / "new.jsonl").st_mode & 0o777
        assert mode == os.stat(tmp_path / "plain").st_mode & 0o777 == 0o666 & ~umask

    def test_symlink_is_kept(self, tmp_path: pathlib.Path) -> None:
        """Writing through a symbolic link replaces the file it points to, not the link."""
        real = tmp_path / "real.jsonl"
        real.write_text("old\n")
        link = tmp_path / "link.jsonl"
        link.symlink_to(real)
        write_jsonl(link, [_request()])
        assert link.is_symlink()
        assert list(read_jsonl(real)) == [_request()]

    def test_named_pipe_is_written_not_replaced(self, tmp_path: pathlib.Path) -> None:
        """A special file (here a named pipe) is written to; renaming would replace it."""
        import stat
        import threading

        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
        reader.start()
        write_jsonl(pipe, [_request()])
        reader.join(timeout=10)
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
        assert list(read_jsonl(io.BytesIO(received[0]))) == [_request()]

    def test_longest_names(self, tmp_path: pathlib.Path) -> None:
        """A name as long as the file system allows is written (the temporary one is shorter)."""
        target = tmp_path / ("é" * 127)  # 254 bytes
        write_jsonl(target, [_request()])
        assert list(read_jsonl(target)) == [_request()]
        assert os.listdir(tmp_path) == [target.name]

    def test_missing_folder_named(self, tmp_path: pathlib.Path) -> None:
        """A folder that does not exist is an OSError naming the file asked for."""
        target = tmp_path / "nowhere" / "x.jsonl"
        with pytest.raises(FileNotFoundError) as info:
            write_jsonl(target, [_request()])
        assert info.value.filename == str(target)

    def test_folder_as_target(self, tmp_path: pathlib.Path) -> None:
        """A folder is not replaced by a file; the error names it, and nothing is left."""
        with pytest.raises(IsADirectoryError) as info:
            write_jsonl(f"{tmp_path}/", [_request()])
        assert info.value.filename == f"{tmp_path}/"
        assert os.listdir(tmp_path) == []
        assert not [n for n in os.listdir(tmp_path.parent) if n.startswith(f".{tmp_path.name}.")]

    def test_overlong_line_refused(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An entry longer than read_jsonl reads is refused, and the old file stays."""
        size = len(REQUEST_JSON.encode())
        monkeypatch.setattr(jsonio, "MAX_LINE_LENGTH", size - 1)
        path = tmp_path / "data.jsonl"
        path.write_text("old\n")
        with pytest.raises(DatasetError) as info:
            write_jsonl(path, [Source(id="s", outlet="AP"), _request()])
        assert str(info.value) == (
            f"{path}: entry 2 is {size:,} bytes as JSON, over the "
            f"{size - 1:,}-byte line limit of read_jsonl; nothing was written"
        )
        assert path.read_text() == "old\n"
        assert sorted(os.listdir(tmp_path)) == ["data.jsonl"]


def test_every_kind_example() -> None:
    """One hand-built record of each kind survives the round trip."""
    records: list[Entry] = [
        Statement(**common(), speaker=OFFICIALS, quotes=(Quote(text="No.", speaker=OFFICIALS),)),
        Agreement(**common(), parties=(SYRIA, TURKIYE), signed=FuzzyDate("2025-08-13")),
        Ceasefire(**common(), parties=(SYRIA,), mediators=(TURKIYE,)),
        Strike(**common(), perpetrator=ISRAEL, fatalities=Count.at_least(3)),
        Meeting(**common(), parties=(SYRIA, TURKIYE), host=TURKIYE),
        Source(id="s", outlet="AP", published=Dating.stated("2025-07-23")),
    ]
    for record in records:
        assert from_json(to_json(record)) == record

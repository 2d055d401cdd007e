"""Format branches the real samples do not reach, on small hand-made rows."""

from __future__ import annotations

import io
import warnings
from typing import Any

import pytest

from geoevents.errors import GeoeventsWarning
from geoevents.interop import (
    InteropError,
    read_acled,
    read_gdelt2,
    read_icews,
    read_plover,
    read_ucdp,
    write_acled,
)
from geoevents.interop.acled import COLUMNS as ACLED_COLUMNS
from geoevents.interop.gdelt import COLUMNS_2 as GDELT2_COLUMNS
from geoevents.interop.icews import COLUMNS as ICEWS_COLUMNS
from geoevents.interop.ucdp import COLUMNS as UCDP_COLUMNS
from geoevents.records import Agreement, Clash, Event, Strike, Weapon
from interop_samples import GDELT2


def _acled(**values: str) -> str:
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty="SYR1",
        event_date="2025-07-16",
        time_precision="1",
        iso="760",
        location="Sweida",
        admin1="As-Suwayda",
        latitude="32.7",
        longitude="36.56",
        geo_precision="2",
        source="SANA; Reuters",
        fatalities="3",
    )
    row.update(values)
    out = io.StringIO()
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    writer.writerow(row.values())
    return out.getvalue()


def _one(text: str) -> Any:
    reader = read_acled(io.StringIO(text))
    items = list(reader)
    assert reader.errors == []
    (item,) = items
    return item


class TestAcledKinds:
    def test_battle_is_a_clash(self) -> None:
        """Battles with two actors become a Clash with an exact toll, and round-trip."""
        text = _acled(
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Syria",
            inter1="1",
            actor2="Druze Militia",
            inter2="4",
            assoc_actor_2="Tribe A; Tribe B",
        )
        item = _one(text)
        record = item.record
        assert isinstance(record, Clash)
        assert record.fatalities.best == 3
        assert [s.name for s in record.sides] == ["Military Forces of Syria", "Druze Militia"]
        out = io.StringIO()
        write_acled(out, [item])
        assert out.getvalue() == text

    def test_explosion_is_a_strike(self) -> None:
        """Explosions/Remote violence become a Strike with the weapon of the sub-type."""
        text = _acled(
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of Israel",
            inter1="8",
            assoc_actor_1="Air Force",
            actor2="Civilians (Syria)",
            inter2="7",
        )
        item = _one(text)
        assert isinstance(item.record, Strike)
        assert item.record.weapon is Weapon.AIR
        out = io.StringIO()
        write_acled(out, [item])
        assert out.getvalue() == text
        report = write_acled(io.StringIO(), [item.record])
        assert report.written == 1

    def test_agreement_and_month_precision(self) -> None:
        """An Agreement sub-type with two actors is an Agreement; precision 3 is the month."""
        text = _acled(
            event_type="Strategic developments",
            sub_event_type="Agreement",
            actor1="Government of Syria",
            actor2="Druze Militia",
            time_precision="3",
        )
        item = _one(text)
        assert isinstance(item.record, Agreement)
        assert str(item.record.when.date) == "2025-07"
        rendered = io.StringIO()
        assert write_acled(rendered, [item.record]).written == 1
        row = rendered.getvalue().splitlines()[1]
        assert row.startswith("SYR1,2025-07-16,2025,3,")  # a day inside the month, precision 3
        back = list(read_acled(io.StringIO(rendered.getvalue())))
        assert [str(i.record.when.date) for i in back if i.record] == ["2025-07"]

    def test_violence_against_civilians(self) -> None:
        """VAC keeps the event kind with perpetrator and victim roles."""
        item = _one(_acled(event_type="Violence against civilians", actor1="A", actor2="B"))
        assert type(item.record) is Event
        assert [p.role.value for p in item.record.actors] == ["perpetrator", "victim"]

    def test_no_source_cites_the_dataset(self) -> None:
        """A row without sources is attributed to ACLED itself."""
        item = _one(_acled(source="", event_type="Protests"))
        assert item.record.sources == ("acled",)

    @pytest.mark.parametrize(
        ("values", "path"),
        [
            ({"event_date": "2025-13-01"}, "$.event_date"),
            ({"time_precision": "4"}, "$.time_precision"),
            ({"iso": "999"}, "$.iso"),
            ({"latitude": "north"}, "$.latitude"),
            # Only as ACLED writes values: no compact date, digit separator or other script.
            ({"event_date": "20250716"}, "$.event_date"),
            ({"latitude": "3_2.7"}, "$.latitude"),
            ({"fatalities": "\u0663"}, "$.fatalities"),
            # Values the record refuses are named by the column they came from.
            ({"actor1": "A" * 301}, "$.actor1"),
            ({"actor2": "Militia", "assoc_actor_2": "Tribe; " + "B" * 301}, "$.assoc_actor_2"),
            ({"location": "L" * 301}, "$.location"),
            ({"admin1": "A" * 301}, "$.admin1"),
            ({"latitude": "95.0"}, "$.latitude"),
            ({"longitude": ""}, "$.longitude"),
            ({"fatalities": "-3"}, "$.fatalities"),
            ({"event_id_cnty": "SYR 1"}, "$.event_id_cnty"),
            ({"source": "S" * 301}, "$.source"),
            ({"notes": "n" * 2001}, "$.notes"),
        ],
    )
    def test_bad_values_name_the_column(self, values: dict[str, str], path: str) -> None:
        """A bad value is reported with file:line and its column; strict raises it."""
        reader = read_acled(io.StringIO(_acled(**values)))
        assert list(reader) == []
        assert [(e.line, e.path) for e in reader.errors] == [(2, path)]
        with pytest.raises(InteropError):
            list(read_acled(io.StringIO(_acled(**values)), strict=True))

    def test_wrong_header(self) -> None:
        """A file that is not an ACLED export is reported at line 1."""
        reader = read_acled(io.StringIO("a,b\n1,2\n"))
        assert list(reader) == []
        assert reader.errors[0].line == 1
        assert list(read_acled(io.StringIO(""))) == []

    def test_malformed_csv(self) -> None:
        """A broken quote is a reported CSV error, not a crash."""
        text = ",".join(ACLED_COLUMNS) + '\n"a"b,c\n'
        reader = read_acled(io.StringIO(text))
        assert list(reader) == []
        assert "malformed CSV" in str(reader.errors[0])


class TestUcdpEdges:
    def _row(self, **values: str) -> str:
        row = dict.fromkeys(UCDP_COLUMNS, "")
        row.update(
            id="9",
            type_of_violence="3",
            side_a="IS",
            side_b="Civilians",
            date_start="2014-06-10",
            date_end="2014-06-10",
            date_prec="1",
            country="Atlantis",
            best="5",
            low="5",
            high="4",
            source_office="AFP",
            source_date="bad",
            source_headline="h",
        )
        row.update(values)
        return ",".join(UCDP_COLUMNS) + "\n" + ",".join(row.values()) + "\n"

    def test_edges(self) -> None:
        """Unknown country, bad source date, broken count and one-sided violence together."""
        with pytest.warns(GeoeventsWarning):
            item = next(read_ucdp(io.StringIO(self._row())))
        assert type(item.record) is Event
        assert item.record.sources == ("ucdp-ged",)
        assert {x.field for x in item.losses} >= {"country", "low", "high"}

    @pytest.mark.parametrize(
        ("values", "path"),
        [
            ({"side_a": "A" * 301}, "$.side_a"),
            ({"side_b": "B" * 301}, "$.side_b"),
            ({"where_coordinates": "W" * 301}, "$.where_coordinates"),
            ({"where_coordinates": "Aleppo", "adm_1": "A" * 301}, "$.adm_1"),
            ({"latitude": "95", "longitude": "10"}, "$.latitude"),
            ({"id": "9 9"}, "$.id"),
            ({"source_date": "2014-06-11", "source_office": "O" * 301}, "$.source_office"),
            ({"where_coordinates": "Aleppo", "where_prec": "9"}, "$.where_prec"),
        ],
    )
    def test_refused_values_name_the_column(self, values: dict[str, str], path: str) -> None:
        """Values the record refuses are named by the column they came from."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeoeventsWarning)
            reader = read_ucdp(io.StringIO(self._row(**values)))
            assert list(reader) == []
        assert [e.path for e in reader.errors] == [path]

    def test_bad_date(self) -> None:
        """A bad date_start is reported with its column."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeoeventsWarning)
            reader = read_ucdp(io.StringIO(self._row(date_start="x")))
            assert list(reader) == []
        assert reader.errors[0].path == "$.date_start"


class TestPloverEdges:
    @pytest.mark.parametrize(
        ("obj", "path"),
        [
            ('{"id": "a", "date": "2000-01-01", "event": "DANCE"}', "$.event"),
            ('{"date": "2000-01-01", "event": "AGREE"}', "$.id"),
            ('{"id": "a", "date": "01/01/2000", "event": "AGREE"}', "$.date"),
            ('{"id": "a b", "date": "2000-01-01", "event": "AGREE"}', "$.id"),
            (
                (
                    '{"id": "a", "date": "2000-01-01", "event": "AGREE",'
                    ' "actor": [{"actorText": "Army"}, {"actorText": " "}]}'
                ),
                "$.actor[1].actorText",
            ),
            (
                (
                    '{"id": "a", "date": "2000-01-01", "event": "AGREE",'
                    ' "source": [{"actorText": " "}]}'
                ),
                "$.source[0].actorText",
            ),
            (
                '{"id": "a", "date": "2000-01-01", "event": "AGREE", "eventLoc": {"name": " "}}',
                "$.eventLoc.name",
            ),
            (
                '{"id": "a", "date": "2000-01-01", "event": "AGREE", "publication": " "}',
                "$.publication",
            ),
        ],
    )
    def test_bad_objects(self, obj: str, path: str) -> None:
        """Unknown types, missing ids and bad dates are reported with their key."""
        reader = read_plover(io.StringIO(obj + "\n"))
        assert list(reader) == []
        assert reader.errors[0].path == path

    def test_array_objects_are_located_by_line(self) -> None:
        """An object of an array is reported at the line it starts on, not by its index."""
        ok = '{"id": "a%d", "date": "2000-01-01", "event": "AGREE"}'
        text = f"[\n  {ok % 1},\n\n  {ok % 2}, 5,\n  {ok.replace('AGREE', 'DANCE') % 3}\n]\n"
        reader = read_plover(io.StringIO(text))
        assert [(i.line, i.record.id) for i in reader if i.record] == [
            (2, "plover:a1"),
            (4, "plover:a2"),
        ]
        assert [(e.line, e.path) for e in reader.errors] == [(4, "$[2]"), (5, "$.event")]

    @pytest.mark.parametrize(
        ("text", "lines", "error"),
        [
            ("[\n{ok},\n{ok} x]", [2, 3], "<stream>:3: $: malformed JSON: expected ',' or ']'"),
            ("[\n{ok}\n]\n,", [2], "<stream>:4: $: malformed JSON: extra data after the array"),
            ("[\n{ok},\n]", [2], "<stream>:3: $: malformed JSON: Expecting value at column 1"),
            (
                '[\n{ok},\n{{"id": "a\tb"}}]',
                [2],
                "<stream>:3: $: malformed JSON: Invalid control character at column 10",
            ),
        ],
    )
    def test_objects_before_a_syntax_error_are_read(
        self, text: str, lines: list[int], error: str
    ) -> None:
        """A broken array keeps the objects before the break and says where it broke."""
        ok = '{"id": "a", "date": "2000-01-01", "event": "AGREE"}'
        reader = read_plover(io.StringIO(text.format(ok=ok)))
        assert [i.line for i in reader] == lines
        assert [str(e) for e in reader.errors] == [error]

    @pytest.mark.parametrize("text", ["[" * 100_000, '{"a": ' * 100_000 + "\n", "[" + "[" * 50_000])
    def test_deep_nesting_is_an_error(self, text: str) -> None:
        """Hostile nesting is one malformed value, not a RecursionError."""
        reader = read_plover(io.StringIO(text))
        assert list(reader) == []
        assert [str(e) for e in reader.errors] == [
            "<stream>:1: $: malformed JSON: nested too deeply (records nest only a few levels)"
        ]

    def test_fight_location_and_malformed_array(self) -> None:
        """FIGHT is a Clash with a location; a broken array is reported."""
        obj = (
            '[{"id": "f", "date": "2000-01-01", "event": "FIGHT", "source": [{"actorText": '
            '"Army", "code": "SYR", "sector": "MIL"}], "target": "x", "eventLoc": {"name": '
            '"Aleppo", "country code": "XX"}, "context": "military, terrorism", "mode": "?"}]'
        )
        (item,) = list(read_plover(io.StringIO(obj)))
        assert isinstance(item.record, Clash)
        assert item.record.location is not None
        assert item.record.location.country is None
        assert item.record.tags == ("plover-context:military", "plover-context:terrorism")
        reader = read_plover(io.StringIO("  [1, 2"))
        assert list(reader) == []
        assert [str(e) for e in reader.errors] == [
            "<stream>:1: $[0]: expected a JSON object",
            "<stream>:1: $[1]: expected a JSON object",
            "<stream>:1: $: malformed JSON: expected ',' or ']'",
        ]
        reader = read_plover(io.StringIO("[1]"))
        assert list(reader) == []
        assert reader.errors[0].path == "$[0]"


def _acled_file(*rows: dict[str, str]) -> str:
    """A header and one ACLED line per mapping of values (ids SYR1, SYR2... by default)."""
    lines = [
        _acled(event_id_cnty=f"SYR{n}", **values).splitlines()[1]
        for n, values in enumerate(rows, 1)
    ]
    return _acled().splitlines()[0] + "\n" + "\n".join(lines) + "\n"


class TestDamagedFiles:
    """A damaged row is one error at its line; the rows around it are read."""

    def test_byte_order_mark(self) -> None:
        """A file saved with a BOM (as spreadsheets do) reads like one without."""
        text = _acled_file({}, {})
        for data in (b"\xef\xbb\xbf" + text.encode(), text.encode()):
            reader = read_acled(io.BytesIO(data))
            assert [i.record.id for i in reader if i.record] == ["acled:SYR1", "acled:SYR2"]
            assert reader.errors == []

    def test_invalid_utf8_row(self) -> None:
        """A row that is not UTF-8 is reported at its line; the others are kept."""
        data = _acled_file({}, {"notes": "caf\u00e9"}, {}).encode()
        data = data.replace("caf\u00e9".encode(), b"caf\xe9")  # Latin-1, not UTF-8
        reader = read_acled(io.BytesIO(data))
        assert [i.record.id for i in reader if i.record] == ["acled:SYR1", "acled:SYR3"]
        assert [str(e) for e in reader.errors] == [
            "<stream>:3: $.notes: not UTF-8 text (save the file as UTF-8)"
        ]

    def test_malformed_csv_row(self) -> None:
        """A row the csv module refuses is one error at its own line, not the end of the file."""
        text = _acled_file({}, {}, {}).splitlines(keepends=True)
        text[2] = text[2].replace("SYR2", '"SYR2"x', 1)  # text after a closing quote
        reader = read_acled(io.StringIO("".join(text)))
        assert [i.record.id for i in reader if i.record] == ["acled:SYR1", "acled:SYR3"]
        assert [(e.line, e.message.split(":")[0]) for e in reader.errors] == [(3, "malformed CSV")]

    def test_oversized_field(self) -> None:
        """A field beyond the csv module's limit fails its row only."""
        reader = read_acled(io.StringIO(_acled_file({}, {"notes": "x" * 200_000}, {})))
        assert [i.record.id for i in reader if i.record] == ["acled:SYR1", "acled:SYR3"]
        assert [e.line for e in reader.errors] == [3]
        assert "field larger than field limit" in str(reader.errors[0])

    def test_plover_lines(self) -> None:
        """PLOVER JSON Lines with a BOM and a non-UTF-8 line keep their good lines."""
        good = (
            '{"id": "X-%d", "date": "2000-01-01", "event": "DEMAND", "mode": "",'
            ' "source": [{"actorText": "Syria", "code": "SYR"}],'
            ' "target": [{"actorText": "Turkey", "code": "TUR"}], "text": "Syria asked."}'
        )
        data = b"\xef\xbb\xbf" + b"\n".join(
            [
                (good % 1).encode(),
                (good % 2).encode().replace(b"Syria asked", b"Syr\xefa"),
                (good % 3).encode(),
            ]
        )
        reader = read_plover(io.BytesIO(data))
        assert [i.record.id for i in reader if i.record] == ["plover:X-1", "plover:X-3"]
        assert [e.line for e in reader.errors] == [2]
        assert str(reader.errors[0]) == "<stream>:2: $: not UTF-8 text (save the file as UTF-8)"

    def test_line_breaks_inside_a_field(self) -> None:
        """CR LF or CR inside a quoted field read as newlines, noted, and write back exactly."""
        text = _acled(notes="first\r\nsecond\rthird\nfourth")
        reader = read_acled(io.StringIO(text))
        (item,) = list(reader)
        assert reader.errors == []
        assert item.record is not None
        assert item.record.notes == "first\nsecond\nthird\nfourth"
        assert [loss.message for loss in item.losses if loss.field == "notes"] == [
            "line breaks written as \\n"
        ]
        out = io.StringIO()
        write_acled(out, [item])
        assert out.getvalue() == text
        (plain,) = list(read_acled(io.StringIO(_acled(notes="one\ntwo"))))
        assert [loss for loss in plain.losses if loss.field == "notes"] == []


class TestRefusedValuesNameTheColumn:
    """GDELT and ICEWS name the column of a value the record refuses, not the field."""

    @pytest.mark.parametrize(
        ("values", "path"),
        [
            ({"Actor1Name": "A" * 301}, "$.Actor1Name"),
            ({"ActionGeo_FullName": "P" * 301}, "$.ActionGeo_FullName"),
            ({"ActionGeo_Lat": "95"}, "$.ActionGeo_Lat"),
            ({"GLOBALEVENTID": "1 2"}, "$.GLOBALEVENTID"),
            ({"EventCode": "12a"}, "$.EventCode"),
        ],
    )
    def test_gdelt(self, values: dict[str, str], path: str) -> None:
        """One sample row with one value changed."""
        first = GDELT2.read_text(encoding="utf-8").splitlines()[0].split("\t")
        row = dict(zip(GDELT2_COLUMNS, first, strict=True)) | values
        reader = read_gdelt2(io.StringIO("\t".join(row.values()) + "\n"))
        assert list(reader) == []
        assert [(e.line, e.path) for e in reader.errors] == [(1, path)]

    @pytest.mark.parametrize(
        ("values", "path"),
        [
            ({"Source Name": "A" * 301}, "$.Source Name"),
            ({"Target Name": "B" * 301}, "$.Target Name"),
            ({"City": "C" * 301}, "$.City"),
            ({"Province": "P" * 301}, "$.Province"),
            ({"Latitude": "95"}, "$.Latitude"),
            ({"Event ID": "1 2"}, "$.Event ID"),
            ({"Event Date": "2018-06-01~"}, "$.Event Date"),
            ({"Story ID": "3 4"}, "$.Story ID"),
            ({"Publisher": "P" * 301}, "$.Publisher"),
            ({"CAMEO Code": "12a"}, "$.CAMEO Code"),
        ],
    )
    def test_icews(self, values: dict[str, str], path: str) -> None:
        """A hand-made row with one value changed."""
        row = dict.fromkeys(ICEWS_COLUMNS, "NA") | {
            "Event ID": "1",
            "Event Date": "2018-06-01",
            "Source Name": "Syria",
            "Source Country": "Syria",
            "CAMEO Code": "040",
            "Target Name": "Turkey",
            "Target Country": "Turkey",
            "Story ID": "2",
            "Publisher": "SANA",
            "City": "Damascus",
            "Country": "Syria",
            "Latitude": "33.5",
            "Longitude": "36.3",
        }
        header = "\t".join(ICEWS_COLUMNS) + "\n"
        good = read_icews(io.StringIO(header + "\t".join(row.values()) + "\n"))
        assert len(list(good)) == 1
        assert good.errors == []
        reader = read_icews(io.StringIO(header + "\t".join((row | values).values()) + "\n"))
        assert list(reader) == []
        assert [(e.line, e.path) for e in reader.errors] == [(2, path)]


class TestRowsKeptDespiteOddValues:
    """Values a record cannot hold as they are: the row is kept and the change reported."""

    def test_control_characters_in_derived_text(self) -> None:
        """A summary built from columns replaces control characters instead of failing."""
        item = _one(_acled(event_type="Battles", sub_event_type="Armed\x01clash"))
        assert item.record.summary == "Armed\ufffdclash in Sweida, As-Suwayda"

    def test_unusable_tags_are_left_out(self) -> None:
        """A tag with a control character is left out; the tags column is kept and reported."""
        item = _one(_acled(tags="ok; bad\x01tag"))
        assert item.record.tags == ("ok",)
        assert item.residual["tags"] == "ok; bad\x01tag"
        assert "tags" in {loss.field for loss in item.losses}

    def test_nothing_to_place_by(self) -> None:
        """Coordinates "NA" and no name or country: no location, not a refused row."""
        item = _one(_acled(location="", admin1="", iso="", latitude="NA", longitude="NA"))
        assert item.record.location is None

    def test_gdelt_place_without_name_country_or_point(self) -> None:
        """A GDELT place type with nothing else: no location; the columns are kept."""
        first = GDELT2.read_text(encoding="utf-8").splitlines()[0].split("\t")
        row = dict(zip(GDELT2_COLUMNS, first, strict=True)) | {
            "ActionGeo_FullName": "",
            "ActionGeo_CountryCode": "",
            "ActionGeo_Lat": "",
            "ActionGeo_Long": "",
        }
        reader = read_gdelt2(io.StringIO("\t".join(row.values()) + "\n"))
        (item,) = list(reader)
        assert reader.errors == []
        assert item.record is not None
        assert item.record.location is None
        assert item.residual["ActionGeo_Type"] == "4"

    def test_plover_text_and_context(self) -> None:
        """Blank text falls back to the event type; a bad context is left out, both reported."""
        obj = '{"id":"a","date":"2000-01-01","event":"AGREE","text":" ","context":"a\\u0001b, c"}'
        (item,) = list(read_plover(io.StringIO(obj + "\n")))
        assert item.record is not None
        assert item.record.summary == "AGREE"
        assert item.record.tags == ("plover-context:c",)
        assert {loss.field for loss in item.losses} == {"text", "context"}

    def test_plover_sector_of_another_type(self) -> None:
        """A sector that is not a string makes an organisation, as an unknown one does."""
        obj = (
            '{"id":"a","date":"2000-01-01","event":"AGREE","actor":[{"actorText":"A","sector":[]}]}'
        )
        (item,) = list(read_plover(io.StringIO(obj + "\n")))
        assert item.record is not None
        assert [p.actor.kind.value for p in item.record.actors] == ["organisation"]


class TestPloverDamage:
    OK = '{"id":"a%d","date":"2000-01-01","event":"AGREE"}'

    @pytest.mark.parametrize("array", [True, False])
    def test_leading_blank_lines_count(self, *, array: bool) -> None:
        """Blank lines before the first object count in the line numbers."""
        body = (
            f"[\n{self.OK % 1},\n{self.OK % 2}\n]\n" if array else f"{self.OK % 1}\n{self.OK % 2}\n"
        )
        reader = read_plover(io.StringIO("\n\n" + body))
        assert [item.line for item in reader] == ([4, 5] if array else [3, 4])

    def test_invalid_utf8_in_an_array(self) -> None:
        """An object holding bytes that are not UTF-8 is one error; the others are read."""
        bad = b'{"id":"b","date":"2000-01-01","event":"AGREE","publication":"P\xef"}'
        data = b"[\n" + bad + b",\n" + (self.OK % 2).encode() + b"\n]\n"
        reader = read_plover(io.BytesIO(data))
        assert [item.line for item in reader] == [3]
        assert [str(e) for e in reader.errors] == [
            "<stream>:2: $[0]: not UTF-8 text (save the file as UTF-8)"
        ]

    @pytest.mark.parametrize("array", [True, False])
    def test_huge_integer(self, *, array: bool) -> None:
        """An integer too long for Python is malformed JSON, not a ValueError escaping."""
        huge = '{"id":"h","date":"2000-01-01","event":"AGREE","n":' + "1" * 5_000 + "}"
        text = f"[{huge}]" if array else f"{huge}\n{self.OK % 2}\n"
        reader = read_plover(io.StringIO(text))
        assert [item.line for item in reader] == ([] if array else [2])
        assert [str(e) for e in reader.errors] == [
            "<stream>:1: $: malformed JSON: a number too long to read (over 4,300 digits)"
        ]

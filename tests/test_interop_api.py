"""The shared interop machinery: format registry, JSONL, file handling, CAMEO tables, CLI."""

from __future__ import annotations

import datetime
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from geoevents.actors import Actor, ActorKind
from geoevents.cli import main
from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.interop import (
    FORMATS,
    Imported,
    InteropError,
    Loss,
    LossKind,
    entries,
    read,
    read_gdelt2,
    read_plover,
    write,
    write_gdelt1,
    write_icews,
    write_plover,
    write_ucdp,
)
from geoevents.interop._common import SeenSet, parse_day, parse_float, parse_int, stable_id
from geoevents.interop.cameo import cameo_actors, cameo_code, cameo_to_plover, record_for_cameo
from geoevents.jsonio import JsonlHeader, to_json
from geoevents.location import Location, SpatialPrecision
from geoevents.records import Ceasefire, Clash, Event, Meeting, Request, Strike, Weapon
from geoevents.sources import Attribution, Source
from geoevents.temporal import FuzzyDate
from interop_samples import GDELT1, GDELT2, PLOVER

SYRIA = Actor(kind=ActorKind.GOVERNMENT, name="SYRIA", country=Country("SY"))
TURKEY = Actor(kind=ActorKind.GOVERNMENT, name="TURKEY", country=Country("TR"))
FIELDS: dict[str, Any] = {
    "id": "t-1",
    "when": FuzzyDate("2025-07-23"),
    "summary": "s",
    "attributions": (Attribution(source="src"),),
}


class TestRegistry:
    def test_a_file_of_another_format_is_named(self) -> None:
        """Reading a file as the wrong format says which format it looks like."""
        reader = read("gdelt2", GDELT1)
        assert list(reader) == []
        assert str(reader.errors[0]).endswith(
            ":1: $: 58 fields, expected 61 (as rows of a GDELT 1.0 export have: read it as "
            "'gdelt1')"
        )
        from geoevents.interop.acled import COLUMNS

        reader = read("ucdp", io.StringIO(",".join(COLUMNS) + "\n"))
        assert list(reader) == []
        assert str(reader.errors[0]).endswith("(the header of an ACLED export: read it as 'acled')")
        reader = read("ucdp", io.StringIO("a,b\n"))
        assert list(reader) == []
        assert str(reader.errors[0]).endswith(
            "(expected the columns id, relid, year, active_year, ...)"
        )

    def test_unknown_format(self) -> None:
        """An unknown format name is a ValueError listing the choices."""
        with pytest.raises(ValueError, match="choose one of acled"):
            read("csv", io.StringIO(""))
        with pytest.raises(ValueError, match="unknown format"):
            write("csv", io.StringIO(""), [])

    def test_jsonl_round_trip(self, tmp_path: Path) -> None:
        """GDELT rows written as JSONL read back as the same records and sources."""
        items = list(read_gdelt2(GDELT2))
        path = tmp_path / "out.jsonl"
        report = write("jsonl", path, items)
        assert report.written == 40 + len({s.id for i in items for s in i.sources})
        back = list(read("jsonl", path))
        assert [i.record for i in back if i.record] == [i.record for i in items]
        assert list(entries(back)) == list(entries(items))

    def test_jsonl_bad_lines_are_reported_not_dropped(self, tmp_path: Path) -> None:
        """Each problem of a bad JSONL line is an error of the reader, with file and line."""
        path = tmp_path / "in.jsonl"
        path.write_text(
            '{"kind":"source","schema":1,"id":"b","outlt":"X"}\n'
            '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n'
            '{"kind":"source","schema":1,"id":"c","outlet":5}\n',
            encoding="utf-8",
        )
        reader = read("jsonl", path)
        rows = list(reader)
        assert [(i.sources[0].id, i.line) for i in rows] == [("ap", 2)]
        assert [str(e) for e in reader.errors] == [
            f"{path}:1: $.outlt: unknown field (did you mean 'outlet'?)",
            f"{path}:1: $.outlet: missing required field",
            f"{path}:3: $.outlet: expected a string, got number: 5",
        ]
        assert (reader.rows, reader.converted) == (3, 0)
        with pytest.raises(InteropError, match=r"in\.jsonl:1: \$\.outlt: unknown field"):
            list(read("jsonl", path, strict=True))

    def test_jsonl_records_count_as_converted(self, tmp_path: Path) -> None:
        """Records (not sources) are what a JSONL reader converts; lines are the file's."""
        path = tmp_path / "in.jsonl"
        event = Event(**FIELDS)
        path.write_text(
            '{"kind":"source","schema":1,"id":"src","outlet":"AP"}\n\n' + to_json(event) + "\n",
            encoding="utf-8",
        )
        reader = read("jsonl", path)
        assert [(i.record, i.line) for i in reader] == [(None, 1), (event, 3)]
        assert (reader.rows, reader.converted, reader.errors) == (2, 1, [])

    def test_jsonl_needs_a_path(self) -> None:
        """JSONL output is atomic, so it needs a path."""
        with pytest.raises(TypeError, match="needs a path"):
            write("jsonl", io.StringIO(), [])

    def test_written_files_have_ordinary_permissions(self, tmp_path: Path) -> None:
        """A new file follows the umask, as open() would; a replaced one keeps its mode."""
        items = list(read_gdelt2(GDELT2))
        old = os.umask(0o027)
        try:
            write("gdelt2", tmp_path / "new.tsv", items)
        finally:
            os.umask(old)
        assert os.stat(tmp_path / "new.tsv").st_mode & 0o777 == 0o640
        kept = tmp_path / "kept.tsv"
        kept.write_text("old")
        os.chmod(kept, 0o604)
        write("gdelt2", kept, items)
        assert os.stat(kept).st_mode & 0o777 == 0o604
        assert kept.read_bytes() == GDELT2.read_bytes()

    def test_writers_take_paths_and_binary_files(self, tmp_path: Path) -> None:
        """A path is written atomically; a binary file object is written as UTF-8."""
        items = list(read_gdelt2(GDELT2))
        path = tmp_path / "x.tsv"
        write("gdelt2", path, items)
        assert path.read_bytes() == GDELT2.read_bytes()
        buffer = io.BytesIO()
        write("gdelt2", buffer, items)
        assert buffer.getvalue() == GDELT2.read_bytes()
        assert len(list(read("gdelt2", io.BytesIO(buffer.getvalue())))) == 40

    def test_failed_write_leaves_no_file(self, tmp_path: Path) -> None:
        """A failure half-way removes the temporary file and writes nothing."""
        path = tmp_path / "x.tsv"
        with pytest.raises(TypeError, match="cannot write a int"):
            write("gdelt2", path, [1])
        assert list(tmp_path.iterdir()) == []

    def test_cross_format_reports_losses(self) -> None:
        """GDELT records written as ICEWS and UCDP say what those formats cannot hold."""
        items = list(read_gdelt2(GDELT2))
        report = write_icews(io.StringIO(), items)
        assert report.written == 40
        assert report.losses
        report = write_ucdp(io.StringIO(), [i.record for i in items])
        assert report.written == 40
        assert all(isinstance(x, Loss) for _, losses in report.losses for x in losses)

    def test_non_events_are_skipped_in_other_formats(self) -> None:
        """PLOVER's DOCUMENT header has no place in GDELT; it is counted as skipped."""
        items = list(read_plover(PLOVER))
        report = write_gdelt1(io.StringIO(), items[:3])
        assert (report.written, report.skipped) == (2, 1)
        out = io.StringIO()
        assert write_plover(out, [Source(id="s", outlet="S"), items[1].record]).written == 1
        assert json.loads(out.getvalue())[0]["id"] == "PLOVER-GSR01-AGREE-0001"

    @pytest.mark.parametrize("name", ["icews", "plover", "gdelt2"])
    def test_rows_that_would_not_read_back_are_not_written(self, name: str) -> None:
        """A record the format cannot hold is skipped, with its loss; the file reads back."""
        bare = Event(**FIELDS)  # no CAMEO code, no actors: ICEWS and PLOVER need them
        out = io.StringIO()
        report = write(name, out, [Source(id="src", outlet="S"), bare])
        text = out.getvalue()
        back = read(name, io.StringIO(text))
        records = [i.record for i in back if i.record]
        assert back.errors == []
        assert (report.written, report.skipped) == (len(records), 1 - len(records))
        if report.skipped:
            assert [(rid, [loss.kind.value for loss in lost]) for rid, lost in report.losses] == [
                ("t-1", ["dropped"])
            ]


class TestHelpers:
    def test_numbers(self) -> None:
        """Empty and NA are None; garbage names its column."""
        assert parse_float("NA", "x") is None
        assert parse_int("", "x") is None
        with pytest.raises(InvalidValueError, match=r"\$\.lat: not a number"):
            parse_float("north", "lat")
        with pytest.raises(InvalidValueError, match=r"\$\.n: not a whole number"):
            parse_int("1.5", "n")

    def test_days(self) -> None:
        """A day is YYYY-MM-DD; a time after it only where the format writes one."""
        assert parse_day("2022-06-30", "event_date") == datetime.date(2022, 6, 30)
        assert parse_day("2020-09-16 00:00:00.000", "date_start", time_follows=True) == (
            datetime.date(2020, 9, 16)
        )
        for text, time_follows in (
            ("20220630", False),
            ("2022-W26-4", False),
            ("2022-06-30 10:00", False),
            ("2022-06-301", True),
            ("2022-02-30", False),
        ):
            with pytest.raises(InvalidValueError, match=r"\$\.d: not a date: .* \(YYYY-MM-DD\)"):
                parse_day(text, "d", time_follows=time_follows)

    @pytest.mark.parametrize("text", ["1_0", " 5", "\u0663", "inf", "nan", "0x1f", "1e", "--1"])
    def test_numbers_only_as_formats_write_them(self, text: str) -> None:
        """What float() and int() would stretch to read is refused, naming the column."""
        with pytest.raises(InvalidValueError, match=r"\$\.lat: not a number"):
            parse_float(text, "lat")
        with pytest.raises(InvalidValueError, match=r"\$\.n: not a whole number"):
            parse_int(text, "n")
        assert (parse_float("-.5", "x"), parse_float("1e-3", "x"), parse_int("+7", "x")) == (
            -0.5,
            0.001,
            7,
        )

    def test_stable_ids(self) -> None:
        """Ids are deterministic, ASCII, and differ for different spellings."""
        assert stable_id("p", "Página 12") == stable_id("p", "Página 12")
        assert stable_id("p", "Página 12") != stable_id("p", "Pagina 12")
        assert stable_id("p", "日本").startswith("p:x-")

    def test_seen_set_is_bounded(self) -> None:
        """Old ids leave the window and count as new again."""
        seen = SeenSet(limit=2)
        assert [seen.add(k) for k in "aab"] == [True, False, True]
        seen.add("c")
        assert seen.add("a")

    def test_loss_text(self) -> None:
        """A loss reads field: kind: message."""
        assert str(Loss("x", LossKind.APPROXIMATED, "m")) == "x: approximated: m"

    def test_imported_residual_is_read_only(self) -> None:
        """The residual cannot be changed after the fact."""
        item = Imported(record=None, format="x", residual={"a": "1"})
        with pytest.raises(TypeError):
            item.residual["a"] = "2"  # type: ignore[index]


class TestCameo:
    def test_invalid_code(self) -> None:
        """Codes are 2-4 digit strings."""
        with pytest.raises(InvalidValueError, match="not a CAMEO code"):
            cameo_code(10)  # type: ignore[arg-type]
        assert cameo_to_plover("99") is None

    @pytest.mark.parametrize(
        ("code", "kind"),
        [
            ("010", "statement"),
            ("0232", "request"),
            ("036", "agreement"),
            ("057", "agreement"),
            ("0871", "ceasefire"),
            ("1952", "strike"),
            ("1831", "strike"),
            ("190", "clash"),
            ("042", "event"),
        ],
    )
    def test_kinds(self, code: str, kind: str) -> None:
        """Each CAMEO family becomes its record kind, and the actors come back out."""
        record = record_for_cameo(code, SYRIA, TURKEY, {**FIELDS, "cameo": code})
        assert record.kind == kind
        first, second = cameo_actors(record)
        assert first == SYRIA
        assert second == TURKEY

    def test_weapons_and_fallbacks(self) -> None:
        """Strikes get their weapon; kinds lacking actors fall back to Event."""
        drone = record_for_cameo("1952", SYRIA, None, FIELDS)
        assert isinstance(drone, Strike)
        assert drone.weapon is Weapon.DRONE
        assert type(record_for_cameo("0232", SYRIA, None, FIELDS)) is Event
        assert type(record_for_cameo("190", None, TURKEY, FIELDS)) is Event
        single = record_for_cameo("0871", SYRIA, None, FIELDS)
        assert isinstance(single, Ceasefire)
        assert cameo_actors(single) == (SYRIA, None)
        one_side = Clash(**FIELDS, sides=(SYRIA,))
        assert cameo_actors(one_side) == (SYRIA, None)
        assert cameo_actors(Meeting(**FIELDS, parties=(SYRIA, TURKEY))) == (None, None)
        assert isinstance(record_for_cameo("0232", SYRIA, TURKEY, FIELDS), Request)


class TestExport:
    def test_gdelt_geo_types(self) -> None:
        """Location precision maps back to GDELT geo types, US and world alike."""
        out = io.StringIO()
        records = [
            Event(
                **{**FIELDS, "id": f"x{n}"},
                location=Location(name="P", country=Country(c), precision=p),
            )
            for n, (c, p) in enumerate(
                [
                    ("US", SpatialPrecision.ADMIN1),
                    ("US", SpatialPrecision.EXACT),
                    ("TR", SpatialPrecision.COUNTRY),
                    ("TR", SpatialPrecision.REGION),
                ]
            )
        ]
        write("gdelt2", out, [Source(id="src", outlet="S", url="https://s.example/a"), *records])
        rows = [line.split("\t") for line in out.getvalue().splitlines()]
        assert [r[51] for r in rows] == ["2", "3", "1", ""]
        assert {r[53] for r in rows} == {"US", "TU"}
        assert {r[60] for r in rows} == {"https://s.example/a"}

    def test_gdelt1_from_plover(self) -> None:
        """PLOVER records become GDELT 1.0 rows (58 columns) with their losses listed."""
        items = list(read_plover(PLOVER))[1:4]
        out = io.StringIO()
        report = write_gdelt1(out, items)
        assert report.written == 3
        assert [len(line.split("\t")) for line in out.getvalue().splitlines()] == [58] * 3


def _jsonl_to_jsonl(folder: Path, text: str) -> tuple[Path, Path, int]:
    """Write *text* as a JSONL file and convert it to JSONL (a JSON report on stdout)."""
    source, out = folder / "in.jsonl", folder / "out.jsonl"
    source.write_text(text, encoding="utf-8")
    args = ["convert", "--from", "jsonl", "--to", "jsonl", str(source), str(out)]
    return source, out, main([*args, "--format", "json"])


class TestCli:
    def test_convert_gdelt_to_jsonl_and_back(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The convert command writes JSONL with a loss summary; JSONL converts back to GDELT."""
        out = tmp_path / "out.jsonl"
        assert main(["convert", "--from", "gdelt1", "--to", "jsonl", str(GDELT1), str(out)]) == 0
        captured = capsys.readouterr()
        assert "710\tDATEADDED: dropped" in captured.out
        sources = len({s.id for i in read("gdelt1", GDELT1) for s in i.sources})
        assert captured.err == (
            f"710 rows read, {710 + sources} entries written (records and sources), "
            f"710 with losses on reading (the values lost are not in {out}), 0 errors\n"
        )
        back = tmp_path / "back.tsv"
        code = main(
            [
                "convert",
                "--from",
                "jsonl",
                "--to",
                "gdelt1",
                str(out),
                str(back),
                "--format",
                "json",
            ]
        )
        assert code == 0
        report = json.loads(capsys.readouterr().out)
        assert report["written"] == 710
        assert report["ok"] is True

    def test_jsonl_to_jsonl_keeps_the_header(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Converting JSONL to JSONL (an upgrade, say) keeps the header's name and description."""
        source, out, code = _jsonl_to_jsonl(
            tmp_path,
            '{"kind":"header","schema":1,"dataset":"d","description":"What it holds."}\n'
            '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n',
        )
        assert code == 0
        capsys.readouterr()
        assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")

    def test_header_only_for_jsonl(self, tmp_path: Path) -> None:
        """A name or description for a format without a header is refused, not dropped."""
        with pytest.raises(ValueError, match="icews has no header"):
            write("icews", tmp_path / "out.tsv", [], dataset="d")

    def test_reader_has_the_jsonl_header(self) -> None:
        """The JSONL reader shows the header once the first row is read."""
        text = (
            '{"kind":"header","schema":1,"dataset":"d"}\n'
            '{"kind":"source","schema":1,"id":"a","outlet":"A"}\n'
        )
        reader = read("jsonl", io.StringIO(text))
        assert reader.header is None
        assert [i.sources[0].id for i in reader] == ["a"]
        assert reader.header == JsonlHeader(schema=1, dataset="d")

    def test_convert_reports_bad_jsonl_lines(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad JSONL line is printed with its place and fails the run; good lines are kept."""
        source, out, code = _jsonl_to_jsonl(
            tmp_path,
            '{"kind":"source","schema":1,"id":"b","outlt":"X"}\n'
            '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n',
        )
        assert code == 1
        report = json.loads(capsys.readouterr().out)
        assert (report["ok"], report["rows"], report["written"]) == (False, 1, 1)
        assert report["errors"] == [
            f"{source}:1: $.outlt: unknown field (did you mean 'outlet'?)",
            f"{source}:1: $.outlet: missing required field",
        ]
        assert out.read_text(encoding="utf-8").splitlines()[1:] == [
            '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}'
        ]

    def test_unreadable_input_leaves_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """When no row can be read, an existing output file is not replaced."""
        out = tmp_path / "out.jsonl"
        out.write_text("kept\n")
        bad = tmp_path / "bad.tsv"
        bad.write_text("not\tgdelt\n")
        code = main(["convert", "--from", "gdelt2", "--to", "jsonl", str(bad), str(out)])
        assert code == 1
        printed = capsys.readouterr().out
        assert f"{out}: not written, since no row of the input could be read" in printed
        assert out.read_text() == "kept\n"

    @pytest.mark.parametrize("where", ["missing/out.jsonl", "folder"])
    def test_output_must_be_a_file_in_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
    ) -> None:
        """An output in a missing folder, or a folder, is a usage error (exit 2)."""
        (tmp_path / "folder").mkdir()
        target = tmp_path / where
        code = main(["convert", "--from", "gdelt2", "--to", "jsonl", str(GDELT2), str(target)])
        assert code == 2
        kind = "a folder" if where == "folder" else "no such folder"
        assert f"{target}: {kind}, not a file" in capsys.readouterr().err

    def test_rows_the_target_cannot_hold(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Records the target format cannot hold are counted, not written as bad rows."""
        source = tmp_path / "in.jsonl"
        write("jsonl", source, [Source(id="src", outlet="S"), Event(**FIELDS)])
        out = tmp_path / "out.tab"
        code = main(["convert", "--from", "jsonl", "--to", "icews", str(source), str(out)])
        assert code == 0
        captured = capsys.readouterr()
        assert "1\ticews $: dropped" in captured.out
        assert captured.err == (
            "2 rows read, 0 rows written, 1 not written (icews cannot hold it), "
            "0 with losses on reading, 0 errors\n"
        )
        assert list(read("icews", out)) == []

    def test_strict_and_verbose(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--strict stops at the first loss (exit 1); --verbose lists every loss."""
        out = tmp_path / "out.tsv"
        assert (
            main(
                ["convert", "--from", "gdelt2", "--to", "gdelt2", "--strict", str(GDELT2), str(out)]
            )
            == 1
        )
        assert "strict mode" in capsys.readouterr().out
        assert (
            main(
                ["convert", "--from", "gdelt2", "--to", "icews", "--verbose", str(GDELT2), str(out)]
            )
            == 0
        )
        text = capsys.readouterr().out
        assert f"{GDELT2}:1: DATEADDED: dropped" in text
        assert "icews $.when: approximated" in text

    def test_bad_rows_exit_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad row is reported with file:line and the exit code is 1."""
        bad = tmp_path / "bad.tsv"
        bad.write_text(GDELT2.read_text().splitlines()[0] + "\nshort\n")
        assert (
            main(["convert", "--from", "gdelt2", "--to", "gdelt2", str(bad), str(tmp_path / "o")])
            == 1
        )
        assert f"{bad}:2: $: 1 fields, expected 61" in capsys.readouterr().out

    def test_usage_errors(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing input, or output over input, is a usage error (exit 2)."""
        assert (
            main(["convert", "--from", "gdelt2", "--to", "jsonl", str(tmp_path / "no"), "o"]) == 2
        )
        assert (
            main(["convert", "--from", "gdelt2", "--to", "gdelt2", str(GDELT2), str(GDELT2)]) == 2
        )
        assert "overwrite the input" in capsys.readouterr().err

    def test_help_lists_formats(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The convert help names every format."""
        with pytest.raises(SystemExit):
            main(["convert", "--help"])
        text = " ".join(capsys.readouterr().out.split())
        for name in FORMATS:
            assert name in text

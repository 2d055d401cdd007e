"""Tests for the ``geoevents`` command line, as a subprocess and in-process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.cli import main
from geoevents.schema import json_schema

SRC = Path(__file__).parent.parent / "src"

CLEAN = """\
{"kind":"header","schema":1}
{"kind":"source","schema":1,"id":"ap","outlet":"AP","published":"2025-07-23"}
{"kind":"event","schema":1,"id":"e1","when":"2025-07-20","summary":"Clashes.","attributions":[{"source":"ap"}]}
"""

BAD = """\
{"kind":"source","schema":1,"id":"ap","outlet":"AP"}
{"kind":"event","schema":1,"id":"e1","when":"2025-06-31","summary":"x","attributions":[{"source":"ap"}]}
{"kind":"event","schema":1,"id":"e2","when":"2025-07-20","summary":"Good.","attributions":[{"source":"ap"}]}
{"kind":"event","schema":1,"id":"e3","when":"2025-07-20","summary":"x","attributions":[{"source":"ap"}],"countries":["Turkye"]}
not json
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m geoevents`` with *args* in *cwd*."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "geoevents", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


class TestValidateSubprocess:
    def test_clean_file(self, tmp_path: Path) -> None:
        """A clean file exits 0 with a one-line summary on stderr."""
        (tmp_path / "clean.jsonl").write_text(CLEAN)
        result = run("validate", "clean.jsonl", cwd=tmp_path)
        assert (result.returncode, result.stdout) == (0, "")
        assert result.stderr == (
            "1 record, 1 source: 0 errors, 0 warnings, 0 disagreements between sources\n"
        )

    def test_three_bad_lines(self, tmp_path: Path) -> None:
        """Every bad line is reported with its line number, and the good ones are kept."""
        (tmp_path / "bad.jsonl").write_text(BAD)
        result = run("validate", "bad.jsonl", cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout.splitlines() == [
            "bad.jsonl:2: $.when: day 31 does not exist in 2025-06: '2025-06-31'",
            (
                "bad.jsonl:4: $.countries[0]: not an ISO 3166-1 alpha-2 country code: 'Turkye'"
                " (write names through normalize_country() first)"
            ),
            "bad.jsonl:5: $: malformed JSON: Expecting value at column 1",
        ]
        assert result.stderr.startswith("1 record, 1 source: 3 errors")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a usage error (exit 2) naming the path."""
        result = run("validate", "missing.jsonl", cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == "geoevents: error: missing.jsonl: no such file or folder\n"

    def test_binary_file(self, tmp_path: Path) -> None:
        """A binary file is invalid data, reported in one line."""
        (tmp_path / "blob.jsonl").write_bytes(bytes(range(256)) * 4)
        result = run("validate", "blob.jsonl", cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout == "blob.jsonl: not a text file (it contains NUL bytes)\n"

    def test_stray_nul_in_a_text_file(self, tmp_path: Path) -> None:
        """A NUL inside one line is that line's error; the other lines are read."""
        good = '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n'
        (tmp_path / "nul.jsonl").write_text(good + '{"kind":"source","id":"b\x00"}\n')
        result = run("validate", "nul.jsonl", cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout == (
            "nul.jsonl:2: $: malformed JSON: Invalid control character at column 25\n"
        )
        assert result.stderr.startswith("0 records, 1 source: 1 error")

    def test_utf16_file(self, tmp_path: Path) -> None:
        """A file saved as UTF-16 (every other byte NUL) is not read as data."""
        text = '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n'
        (tmp_path / "wide.jsonl").write_bytes(text.encode("utf-16-le"))
        result = run("validate", "wide.jsonl", cwd=tmp_path)
        assert (result.returncode, result.stdout) == (
            1,
            "wide.jsonl: not a text file (it contains NUL bytes)\n",
        )

    def test_empty_folder(self, tmp_path: Path) -> None:
        """A folder without data files is a usage error."""
        (tmp_path / "empty").mkdir()
        result = run("validate", "empty", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == "geoevents: error: empty: no .jsonl or .json files in this folder\n"


class TestValidateInProcess:
    def test_folder_and_json_document(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Folders are searched; JSON documents hold one entry or an array of them."""
        (tmp_path / "a.jsonl").write_text(CLEAN)
        doc = [json.loads(CLEAN.splitlines()[1]), {"kind": "event", "id": "e2"}]
        (tmp_path / "b.json").write_text(json.dumps(doc))
        (tmp_path / "c.json").write_text('{"kind": ')
        assert main(["validate", str(tmp_path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert (
            out[0]
            == f'{tmp_path / "b.json"}: $[1].schema: missing required field (add "schema": 1)'
        )
        assert any(line.startswith(f"{tmp_path / 'c.json'}: $: malformed JSON") for line in out)

    def test_dataset_problems_are_located(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Collection problems point at the file and line of the record."""
        text = CLEAN.replace('"attributions"', '"refers_to":["nope"],"attributions"')
        (tmp_path / "r.jsonl").write_text(text)
        assert main(["validate", str(tmp_path / "r.jsonl")]) == 1
        assert capsys.readouterr().out == (
            f"{tmp_path / 'r.jsonl'}:3: $.refers_to[0]: error: refers to 'nope', "
            "which is not in the collection [dangling-reference]\n"
        )

    def test_repeated_ids_are_located_at_the_repetition(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A repeated id, and the problems of the repeat, point at the repeat's line."""
        event = (
            '{"kind":"event","schema":1,"id":"%s","when":"2025","summary":"a",'
            '"attributions":[{"source":"%s"}]}'
        )
        (tmp_path / "a.jsonl").write_text(
            '{"kind":"source","schema":1,"id":"s","outlet":"O"}\n' + event % ("x", "s") + "\n"
        )
        (tmp_path / "b.jsonl").write_text(
            "\n".join(
                [
                    '{"kind":"source","schema":1,"id":"s","outlet":"O"}',  # the same: merged
                    event % ("x", "t"),
                    event % ("s", "t"),
                    '{"kind":"source","schema":1,"id":"s","outlet":"Other"}',
                ]
            )
        )
        assert main(["validate", "--format", "json", str(tmp_path)]) == 1
        data = json.loads(capsys.readouterr().out)
        a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        assert [(p["rule"], p["record"], p["location"]) for p in data["problems"]] == [
            ("duplicate-source", "s", f"{b}:4"),
            ("duplicate-id", "x", f"{b}:2"),
            ("unknown-source", "x", f"{b}:2"),
            ("unknown-source", "s", f"{b}:3"),
        ]
        assert (data["records"], data["sources"]) == (3, 1)
        assert a.exists()

    def test_json_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``--format json`` gives a machine-readable result."""
        (tmp_path / "bad.jsonl").write_text(BAD)
        assert main(["validate", "--format", "json", str(tmp_path / "bad.jsonl")]) == 1
        data = json.loads(capsys.readouterr().out)
        assert (data["valid"], data["records"], len(data["errors"])) == (False, 1, 3)

    def test_usage_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No command, or an unknown option, exits 2."""
        assert main([]) == 2
        with pytest.raises(SystemExit) as info:
            main(["validate", "--nope", "x"])
        assert info.value.code == 2
        assert "unrecognized arguments" in capsys.readouterr().err

    def test_each_file_read_once(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file named twice, directly or through its folder, is read once."""
        (tmp_path / "a.jsonl").write_text(CLEAN)
        args = ["validate", "--format", "json", str(tmp_path), str(tmp_path / "a.jsonl")]
        assert main([*args, str(tmp_path / "." / "a.jsonl")]) == 0
        data = json.loads(capsys.readouterr().out)
        assert (data["valid"], data["records"], data["sources"], data["problems"]) == (
            True,
            1,
            1,
            [],
        )

    def test_upper_case_suffix(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """.JSON counts as JSON, in a folder too."""
        (tmp_path / "B.JSON").write_text(
            json.dumps([json.loads(line) for line in CLEAN.splitlines()[1:]])
        )
        assert main(["validate", "--format", "json", str(tmp_path)]) == 0
        data = json.loads(capsys.readouterr().out)
        assert (data["records"], data["sources"]) == (1, 1)

    def test_usage_error_as_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With --format json, a usage error is also JSON on standard output."""
        missing = tmp_path / "missing.jsonl"
        assert main(["validate", "--format", "json", str(missing)]) == 2
        captured = capsys.readouterr()
        assert json.loads(captured.out) == {
            "ok": False,
            "usage_error": f"{missing}: no such file or folder",
        }
        assert captured.err == f"geoevents: error: {missing}: no such file or folder\n"

    def test_not_a_regular_file(self) -> None:
        """Special files are refused."""
        assert main(["validate", "/dev/null"]) == 2


class TestTimeline:
    def test_bundled_dataset(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without paths, the bundled seed dataset is shown with its disagreements."""
        assert main(["timeline"]) == 0
        captured = capsys.readouterr()
        out = captured.out
        assert out.startswith("62 records from 5 sources, each placed at its earliest possible day")
        assert "Where the sources disagree:" in out
        assert "s2025/003/request" in out
        assert "[reference-order]" not in out  # warnings go to stderr, the timeline stays clean
        assert captured.err.count("[reference-order]") == 10

    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON timeline lists entries with their bounds."""
        (tmp_path / "a.jsonl").write_text(CLEAN)
        assert main(["timeline", "--format", "json", str(tmp_path)]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["entries"] == [
            {
                "id": "e1",
                "kind": "event",
                "date": "2025-07-20",
                "earliest": "2025-07-20",
                "latest": "2025-07-20",
                "summary": "Clashes.",
                "sources": ["ap"],
                "attributions": ["ap"],
            }
        ]

    def test_invalid_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Bad lines are listed on stderr, and the exit code is 1."""
        (tmp_path / "bad.jsonl").write_text(BAD)
        assert main(["timeline", str(tmp_path)]) == 1
        assert "bad.jsonl:5: $: malformed JSON" in capsys.readouterr().err


class TestNormalizeCountry:
    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Resolved, ambiguous and unknown inputs each get a line; any failure exits 1."""
        assert main(["normalize-country", "Turkey", "Congo", "Narnia"]) == 1
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "TR\tTürkiye\tTurkey"
        assert lines[1].startswith("?\tambiguous: ")
        assert "CD (" in lines[1]
        assert lines[2].startswith("-\tunknown country (")
        assert main(["normalize-country", "TU", "", "Tur\nkey"]) == 1
        assert capsys.readouterr().out.splitlines() == [
            "-\tnot an ISO country code (it is fips for TR (Türkiye): pass --system fips)\tTU",
            "-\tempty country name\t",
            "TR\tTürkiye\t'Tur\\nkey'",
        ]

    def test_a_column_from_stdin(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``-`` reads one value a line, a blank line and CR LF endings included."""
        monkeypatch.setattr("sys.stdin", io.StringIO("Türkei\r\nSuriye\n\nDeutschland"))
        assert main(["normalize-country", "-"]) == 1
        assert capsys.readouterr().out.splitlines() == [
            "TR\tTürkiye\tTürkei",
            "SY\tSyrian Arab Republic\tSuriye",
            "-\tempty country name\t",
            "DE\tGermany\tDeutschland",
        ]

    def test_json_with_system(self, capsys: pytest.CaptureFixture[str]) -> None:
        """FIPS codes resolve with ``--system fips``; JSON output is a list."""
        assert main(["normalize-country", "--format", "json", "--system", "fips", "GM"]) == 0
        assert json.loads(capsys.readouterr().out) == [
            {"input": "GM", "status": "ok", "alpha2": "DE", "name": "Germany"}
        ]

    def test_every_code_system(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every system normalize_country takes is a choice, Gleditsch-Ward included."""
        from typing import get_args

        from geoevents.normalize import System

        codes = ("SY", "SYR", "760", "SY", "SYR", "652")
        for system, code in zip(get_args(System), codes, strict=True):
            assert main(["normalize-country", "--format", "json", "--system", system, code]) == 0
            assert json.loads(capsys.readouterr().out)[0]["alpha2"] == "SY"

    def test_json_failures(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Ambiguous and unknown inputs carry candidates and suggestions in JSON."""
        assert main(["normalize-country", "--format", "json", "Korea", "Turky"]) == 1
        ambiguous, unknown = json.loads(capsys.readouterr().out)
        assert ambiguous["status"] == "ambiguous"
        assert {c["alpha2"] for c in ambiguous["candidates"]} == {"KP", "KR"}
        assert unknown["status"] == "unknown"


class TestSchema:
    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_prints_the_schema(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The schema is printed as JSON in both formats."""
        assert main(["schema", "--format", fmt]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def test_schema_with_header(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--with-header prints the schema whose root also takes a JSONL header line."""
        assert main(["schema", "--with-header"]) == 0
        assert json.loads(capsys.readouterr().out) == json_schema(header=True)


class TestHostileUse:
    """Paths and streams a careless or hostile user gives the command."""

    def test_unreadable_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file the system cannot open (a name too long) is a usage error, not a traceback."""
        name = "a" * 300
        assert main(["validate", name]) == 2
        assert capsys.readouterr().err == f"geoevents: error: {name}: File name too long\n"

    def test_loop_of_links(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An output that is a loop of symbolic links is a usage error."""
        (tmp_path / "in.jsonl").write_text(CLEAN)
        loop = tmp_path / "loop"
        loop.symlink_to(loop)
        args = ["convert", "--from", "jsonl", "--to", "jsonl", str(tmp_path / "in.jsonl")]
        assert main([*args, str(loop)]) == 2
        assert capsys.readouterr().err == f"geoevents: error: {loop}: a loop of symbolic links\n"

    def test_hidden_folders_are_left_out(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder's hidden files and folders (.git) are not read as data."""
        (tmp_path / "clean.jsonl").write_text(CLEAN)
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "bad.jsonl").write_text(BAD)
        (tmp_path / ".bad.json").write_text("[1]")
        assert main(["validate", str(tmp_path)]) == 0
        assert "1 record, 1 source: 0 errors" in capsys.readouterr().err

    def test_file_names_that_are_not_utf8(self, tmp_path: Path) -> None:
        """A file name that is not UTF-8 is escaped: JSON output stays valid, text prints."""
        folder = tmp_path / "data"
        folder.mkdir()
        (folder / os.fsdecode(b"x\xff.jsonl")).write_text(BAD)
        env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"}
        command = [sys.executable, "-m", "geoevents", "validate", "data"]
        for extra in (["--format", "json"], []):
            result = subprocess.run(
                [*command, *extra],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                timeout=60,
                check=False,
            )
            assert result.returncode == 1, result.stderr
            out = result.stdout.decode("utf-8")  # strict: valid UTF-8
            if extra:
                problems = json.loads(out)["errors"]
                assert problems[0].startswith(os.path.join("data", "x\udcff.jsonl:2: "))
            else:
                assert "x\\udcff.jsonl:2: " in out

    def test_output_cut_off(self, tmp_path: Path) -> None:
        """Output into a pipe closed early (`| head -1`) exits 141, not 0."""
        bad = '{"kind":"event","schema":1,"id":"e","when":"2025-06-31"}\n' * 20_000
        (tmp_path / "bad.jsonl").write_text(bad)
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        with subprocess.Popen(
            [sys.executable, "-m", "geoevents", "validate", "bad.jsonl"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            assert process.stdout.readline().startswith(b"bad.jsonl:1: ")
            process.stdout.close()
            assert process.wait(timeout=60) == 141
            assert process.stderr is not None
            assert b"Traceback" not in process.stderr.read()

    def test_format_warnings_are_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A reader's warning (UCDP low above best) is a line of the report, also in JSON."""
        import warnings

        from geoevents.interop.ucdp import COLUMNS

        row = dict.fromkeys(COLUMNS, "") | {
            "id": "9",
            "type_of_violence": "3",
            "side_a": "IS",
            "side_b": "Civilians",
            "date_start": "2014-06-10",
            "date_end": "2014-06-10",
            "best": "5",
            "low": "6",
            "high": "9",
        }
        source = tmp_path / "ged.csv"
        source.write_text(",".join(COLUMNS) + "\n" + ",".join(row.values()) + "\n")
        args = ["convert", "--from", "ucdp", "--to", "jsonl", str(source)]
        with warnings.catch_warnings(record=True) as escaped:
            warnings.simplefilter("always")
            assert main([*args, str(tmp_path / "o.jsonl"), "--format", "json"]) == 0
            assert main([*args, str(tmp_path / "p.jsonl")]) == 0
        assert escaped == []
        first, second = capsys.readouterr().out.split("}\n", 1)
        message = "UCDP id 9: low 6, best 5, high 9 break low <= best <= high; kept best only"
        assert json.loads(first + "}")["warnings"] == [f"{source}: warning: {message}"]
        assert second.startswith(f"{source}: warning: UCDP id 9: low 6, best 5")

    def test_json_array_with_a_header(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON array may start with a header, as a JSONL file does; only there."""
        entries = [json.loads(line) for line in CLEAN.splitlines()]
        (tmp_path / "a.json").write_text(json.dumps(entries))
        assert main(["validate", str(tmp_path / "a.json")]) == 0
        (tmp_path / "b.json").write_text(json.dumps([*entries, {"kind": "header", "schema": 1}]))
        assert main(["validate", str(tmp_path / "b.json")]) == 1
        (tmp_path / "c.json").write_text(json.dumps([{"kind": "header", "schema": 99}]))
        assert main(["validate", str(tmp_path / "c.json")]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[0] == f"{tmp_path / 'b.json'}: $[3]: a header is allowed only as the first item"
        assert out[1].startswith(f"{tmp_path / 'c.json'}: $[0].schema: ")

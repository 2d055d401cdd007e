"""Parallel validation and conversion with Dask give the single-process answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from distributed import Client, LocalCluster

from geoevents import Dataset, Event, RecordError, Source, read_jsonl, to_dict, write_jsonl
from geoevents.arrow import read_parquet, record_files, write_parquet
from geoevents.dask import (
    CollectionReport,
    jsonl_partitions,
    jsonl_to_parquet,
    validate_jsonl,
    validate_parquet,
)
from geoevents.datasets import load
from geoevents.errors import DatasetError
from geoevents.report import Report


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """One two-worker local cluster for the module (in-process, so coverage sees the tasks)."""
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,  # type: ignore[no-untyped-call]
    ):
        yield c


def single(paths: list[Path]) -> tuple[CollectionReport, list[Any]]:
    """Validate in one process, as the CLI does: read_jsonl(errors='collect') per file."""
    entries: list[Any] = []
    errors: list[RecordError] = []
    for path in paths:
        reader = read_jsonl(path, errors="collect")
        try:
            entries.extend(reader)
        except RecordError as exc:
            errors.append(exc)
        errors.extend(reader.errors)
    ds = Dataset.from_entries(entries)
    result = CollectionReport(
        report=ds.validate(),
        errors=tuple(errors),
        records=len(ds.records),
        sources=sum(isinstance(e, Source) for e in entries),
    )
    return result, entries


def same(a: CollectionReport, b: CollectionReport) -> None:
    """Assert two results are equal, bad lines compared by their text."""
    assert a.report == b.report
    assert [str(e) for e in a.errors] == [str(e) for e in b.errors]
    assert [e.lines() for e in a.errors] == [e.lines() for e in b.errors]
    assert (a.records, a.sources) == (b.records, b.sources)


def seed_lines() -> list[str]:
    """The seed dataset as JSON lines (sources first), repeated with fresh ids."""
    seed = load("syria-turkey-2025")
    lines = [json.dumps(to_dict(s)) for s in seed.sources.values()]
    for copy in range(4):
        for record in seed.records:
            data = to_dict(record)
            suffix = "" if copy == 0 else f"-c{copy}"
            data["id"] += suffix
            for key in ("refers_to", "same_as"):
                if key in data:
                    data[key] = [r + suffix for r in data[key]]
            lines.append(json.dumps(data, ensure_ascii=False))
    return lines


def broken_collection(folder: Path) -> list[Path]:
    """Two files with every kind of dataset problem, bad lines and a misplaced header."""
    lines = seed_lines()
    first = json.loads(lines[10])
    dup = dict(first)  # a duplicate id
    dangling = dict(json.loads(lines[11]), id="dangling", refers_to=["nowhere"], same_as=["gone"])
    unknown = dict(json.loads(lines[12]), id="unknown-src")
    unknown["attributions"] = [{"source": "no-such-source"}]
    conflict = dict(json.loads(lines[0]), outlet="Another outlet")  # duplicate source
    early = dict(json.loads(lines[12]), id="early", when={"date": "1990-01-01"})
    early["refers_to"] = [first["id"]]
    late = dict(json.loads(lines[12]), id="late", when={"date": "2099-01-01"}, modality="actual")
    late["attributions"] = [{"source": "dated"}]
    dated = {"kind": "source", "schema": 1, "id": "dated", "outlet": "O"}
    dated["published"] = {"date": "2025-07-24"}
    a = folder / "a.jsonl"
    b = folder / "b.jsonl"
    part_a = [
        '{"kind":"header","schema":1}',
        *lines[: len(lines) // 2],
        "{not json",
        json.dumps(dup),
        "",
        '{"kind":"header","schema":1}',
        json.dumps(early),
    ]
    part_b = [
        *lines[len(lines) // 2 :],
        json.dumps(dangling),
        json.dumps(unknown),
        json.dumps(conflict),
        json.dumps(dated),
        json.dumps(late),
        '{"kind":"event","schema":1,"id":"x"}',
    ]
    a.write_text("\n".join(part_a) + "\n", encoding="utf-8")
    b.write_text("\n".join(part_b), encoding="utf-8")  # no newline at the end
    return [a, b]


class TestValidateJsonl:
    def test_equals_single_process(self, tmp_path: Path, client: Client) -> None:
        """Two workers and many partitions give exactly the single-process report."""
        paths = broken_collection(tmp_path)
        expected, _ = single(paths)
        rules = {p.rule for p in expected.report.problems}
        assert rules >= {
            "duplicate-id",
            "dangling-reference",
            "unknown-source",
            "duplicate-source",
            "reference-order",
            "after-publication",
        }
        assert expected.report.disagreements
        assert len(expected.errors) == 3
        for n in (1, 3, 17):
            got = validate_jsonl(paths, scheduler=client, npartitions=n)
            same(got, expected)

    def test_bad_lines_have_file_and_line(self, tmp_path: Path, client: Client) -> None:
        """Bad lines in later partitions keep their line number in the whole file."""
        paths = broken_collection(tmp_path)
        got = validate_jsonl(paths, scheduler=client, npartitions=9)
        locations = [e.location for e in got.errors]
        total_a = len(paths[0].read_text(encoding="utf-8").splitlines())
        n_b = len(paths[1].read_text(encoding="utf-8").splitlines())
        assert locations == [
            f"{paths[0]}:{total_a - 4}",
            f"{paths[0]}:{total_a - 1}",
            f"{paths[1]}:{n_b}",
        ]

    def test_generated_dataset(self, tmp_path: Path, client: Client) -> None:
        """A valid generated collection validates clean, with nothing lost."""
        from hypothesis import HealthCheck, given, settings

        from geoevents.strategies import datasets

        @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
        @given(datasets(min_size=5, max_size=30))
        def check(ds: Dataset) -> None:
            path = tmp_path / "g.jsonl"
            write_jsonl(path, [*ds.sources.values(), *ds.records])
            got = validate_jsonl([path], scheduler=client, npartitions=3)
            same(got, single([path])[0])
            assert got.records == len(ds)

        check()

    def test_newer_file_is_refused_whole(self, tmp_path: Path, client: Client) -> None:
        """A file of a newer schema is one error and no entries, as in a single read."""
        lines = seed_lines()
        newer = tmp_path / "newer.jsonl"
        newer.write_text('{"kind":"header","schema":99}\n' + "\n".join(lines) + "\n")
        ok = tmp_path / "ok.jsonl"
        ok.write_text("\n".join(lines[:10]) + "\n")
        got = validate_jsonl([newer, ok], scheduler=client, npartitions=4)
        same(got, single([newer, ok])[0])
        assert got.records == 5

    def test_local_cluster_by_default(self, tmp_path: Path) -> None:
        """Without a scheduler a local cluster is started (and closed)."""
        path = tmp_path / "s.jsonl"
        path.write_text("\n".join(seed_lines()[:20]) + "\n")
        got = validate_jsonl([path], n_workers=1)
        same(got, single([path])[0])
        assert not got.ok  # the first 15 seed records point to records left out
        assert got.summary().startswith("15 records, 5 sources")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file raises before any cluster starts."""
        with pytest.raises(DatasetError, match="cannot read"):
            validate_jsonl([tmp_path / "nope.jsonl"])

    def test_bad_npartitions(self, tmp_path: Path) -> None:
        """The number of partitions must be positive."""
        path = tmp_path / "s.jsonl"
        path.write_text("")
        with pytest.raises(ValueError, match="npartitions"):
            validate_jsonl([path], npartitions=0)


class TestPartitions:
    def test_cut_at_line_ends(self, tmp_path: Path) -> None:
        """Ranges cover the file exactly and never split a line."""
        path = tmp_path / "a.jsonl"
        path.write_bytes(b"a\nbbbbbbbb\n\ncc")
        ranges = jsonl_partitions([path], blocksize=3)
        assert [(s, e) for _, s, e in ranges] == [(0, 11), (11, 14)]

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file is one empty range."""
        path = tmp_path / "e.jsonl"
        path.write_bytes(b"")
        assert jsonl_partitions([path]) == [(str(path), 0, 0)]

    def test_bad_blocksize(self, tmp_path: Path) -> None:
        """The block size must be positive."""
        with pytest.raises(ValueError, match="blocksize"):
            jsonl_partitions([tmp_path], blocksize=0)

    def test_missing(self, tmp_path: Path) -> None:
        """A missing file is a DatasetError."""
        with pytest.raises(DatasetError):
            jsonl_partitions([tmp_path / "x"])


class TestParquet:
    def test_validate_parquet_equals_single(self, tmp_path: Path, client: Client) -> None:
        """Validating an export in parallel equals validating what read_parquet returns."""
        paths = broken_collection(tmp_path)
        _, entries = single(paths)
        write_parquet(tmp_path / "out", entries)
        expected = Dataset.from_entries(read_parquet(tmp_path / "out")).validate()
        got = validate_parquet(tmp_path / "out", scheduler=client)
        assert got.report == expected
        assert got.errors == ()

    def test_validate_parquet_with_a_part_removed(self, tmp_path: Path, client: Client) -> None:
        """A folder missing a part file is refused, as read_parquet refuses it."""
        paths = broken_collection(tmp_path)
        _, entries = single(paths)
        write_parquet(tmp_path / "out", entries)
        Path(record_files(tmp_path / "out")[0]).unlink()
        with pytest.raises(DatasetError, match=r"entries of the \d+ written"):
            validate_parquet(tmp_path / "out", scheduler=client)

    def test_validate_parquet_with_a_part_copied_over(self, tmp_path: Path, client: Client) -> None:
        """A part file replaced by a copy of another as long is refused: entries repeat."""
        first_record, second_record = load("syria-turkey-2025").records[:2]
        out = tmp_path / "out"
        source = Source(id="s", outlet="S")
        write_parquet(out, [source, _dated(first_record, "2024"), _dated(second_record, "2025")])
        first, second = record_files(out)
        Path(second).write_bytes(Path(first).read_bytes())
        with pytest.raises(DatasetError, match=r"holds entries twice"):
            validate_parquet(out, scheduler=client)

    def test_convert_then_read(self, tmp_path: Path, client: Client) -> None:
        """jsonl_to_parquet keeps every good entry, in file order, and returns bad lines."""
        paths = broken_collection(tmp_path)
        expected, entries = single(paths)
        result = jsonl_to_parquet(paths, tmp_path / "pq", scheduler=client, npartitions=5)
        assert result.written == len(entries)
        assert [str(e) for e in result.errors] == [str(e) for e in expected.errors]
        assert read_parquet(tmp_path / "pq") == entries
        with pytest.raises(FileExistsError):
            jsonl_to_parquet(paths, tmp_path / "pq", scheduler=client)
        again = jsonl_to_parquet(
            paths, tmp_path / "pq", scheduler=client, partition_by=(), overwrite=True
        )
        assert again.written == len(entries)

    def test_refusals_before_any_work(self, tmp_path: Path, client: Client) -> None:
        """An existing output or a string for partition_by is refused before reading."""
        (tmp_path / "pq").mkdir()
        missing = [tmp_path / "missing.jsonl"]  # would fail if it were read
        with pytest.raises(FileExistsError):
            jsonl_to_parquet(missing, tmp_path / "pq", scheduler=client)
        with pytest.raises(TypeError, match="not the string 'year'"):
            jsonl_to_parquet(missing, tmp_path / "new", scheduler=client, partition_by="year")

    def test_bad_json_row(self, tmp_path: Path, client: Client) -> None:
        """A row whose JSON does not decode is reported with its file and row."""
        import pyarrow.parquet as pq

        write_parquet(tmp_path / "out", load("syria-turkey-2025"), partition_by=())
        (file,) = record_files(tmp_path / "out")
        table = pq.read_table(file)
        texts = table.column("json").to_pylist()
        texts[2] = '{"kind":"event","schema":1}'
        table = table.set_column(table.schema.get_field_index("json"), "json", [texts])
        pq.write_table(table, file)
        got = validate_parquet(tmp_path / "out", scheduler=client)
        assert [e.location for e in got.errors] == [f"{file}:3"]
        assert got.records == 61

    def test_not_an_export(self, tmp_path: Path) -> None:
        """A folder without sources.parquet is refused."""
        with pytest.raises(DatasetError, match="not a geoevents Parquet export"):
            validate_parquet(tmp_path)


def test_report_summary() -> None:
    """The summary counts everything."""
    assert CollectionReport(report=Report()).ok
    assert attrs.evolve(CollectionReport(report=Report()), records=3).records == 3


def _dated(record: Event, year: str) -> Event:
    """*record* dated in *year*, so that it lands in a partition of its own."""
    from geoevents import FuzzyDate, evolve

    return evolve(record, when=FuzzyDate(year))

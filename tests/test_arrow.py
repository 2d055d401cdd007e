"""The Arrow layout and the Parquet round trip."""

from __future__ import annotations

import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoevents import (
    Attribution,
    Country,
    Dataset,
    DatasetError,
    Event,
    FuzzyDate,
    Location,
    Source,
)
from geoevents.arrow import (
    LAYOUT_VERSION,
    RECORD_SCHEMA,
    SOURCE_SCHEMA,
    from_arrow,
    partition_country,
    read_parquet,
    record_batches,
    record_files,
    sources_to_arrow,
    to_arrow,
    write_parquet,
)
from geoevents.datasets import load, names
from geoevents.strategies import records, sources


def event(ident: str, date: str, *countries: str, **kw: object) -> Event:
    """A small event with the given date and countries."""
    return Event(
        id=ident,
        when=FuzzyDate(date),
        summary="x",
        attributions=(Attribution(source="s"),),
        countries=tuple(Country(c) for c in countries),
        **kw,  # type: ignore[arg-type]
    )


class TestRoundTrip:
    @settings(
        max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        st.lists(records(), max_size=6),
        st.lists(sources(), max_size=3),
        st.sampled_from([("year", "country"), (), ("kind",), ("modality", "year")]),
    )
    def test_generated_records(
        self, tmp_path: Path, recs: list[Event], srcs: list[Source], parts: tuple[str, ...]
    ) -> None:
        """Every generated record and source comes back equal, in the order written."""
        entries: list[Event | Source] = [*srcs[:1], *recs, *srcs[1:]]
        out = tmp_path / f"rt-{len(list(tmp_path.iterdir()))}"
        assert write_parquet(out, entries, partition_by=parts, batch_size=2) == len(entries)
        assert read_parquet(out) == entries

    @pytest.mark.parametrize("name", names())
    def test_seed_datasets(self, tmp_path: Path, name: str) -> None:
        """Every seed dataset round-trips: records, sources and the validation report."""
        seed = load(name)
        write_parquet(tmp_path / "seed", seed)
        back = Dataset.from_entries(read_parquet(tmp_path / "seed"))
        assert back.records == seed.records
        assert dict(back.sources) == dict(seed.sources)
        assert back.validate() == seed.validate()

    def test_from_arrow_table(self) -> None:
        """A table rebuilds its records, and sources their sources."""
        recs = list(load("syria-turkey-2025").records)
        assert from_arrow(to_arrow(recs, batch_size=7)) == recs
        src = Source(id="ap-1", outlet="AP")
        assert from_arrow(sources_to_arrow([src])) == [src]
        assert from_arrow(to_arrow(recs).drop_columns(["seq"])) == recs


class TestSchema:
    def test_record_columns_exact(self) -> None:
        """The record layout is the documented one, column by column."""
        assert [(f.name, str(f.type), f.nullable) for f in RECORD_SCHEMA][:12] == [
            ("seq", "int64", False),
            ("id", "string", False),
            ("kind", "string", False),
            ("year", "int32", True),
            ("country", "string", False),
            ("summary", "string", False),
            ("date_edtf", "string", False),
            ("date_earliest", "date32[day]", True),
            ("date_latest", "date32[day]", True),
            ("date_precision", "string", False),
            ("date_method", "string", False),
            ("modality", "string", False),
        ]
        assert RECORD_SCHEMA.names[12:] == [
            "countries", "location_name", "location_country", "location_admin1", "latitude",
            "longitude", "location_precision", "status", "fatalities_low", "fatalities_best",
            "fatalities_high", "injuries_low", "injuries_best", "injuries_high", "cameo",
            "plover", "plover_mode", "refers_to", "same_as", "tags", "sources", "actors",
            "attributions", "stages", "json",
        ]  # fmt: skip
        assert str(RECORD_SCHEMA.field("actors").type) == (
            "list<item: struct<role: string, kind: string, name: string, description: string, "
            "country: string, title: string, affiliation: string>>"
        )
        assert str(RECORD_SCHEMA.field("attributions").type).startswith(
            "list<item: struct<source: string not null, mode: string not null, via: list<item: "
        )
        assert RECORD_SCHEMA.metadata == {b"geoevents.schema": b"1", b"geoevents.layout": b"1"}
        assert SOURCE_SCHEMA.names[-1] == "json"

    def test_files_carry_metadata(self, tmp_path: Path) -> None:
        """Every written file says its schema and layout versions."""
        write_parquet(tmp_path / "o", load("syria-turkey-2025"))
        for file in [*record_files(tmp_path / "o"), str(tmp_path / "o" / "sources.parquet")]:
            meta = pq.read_schema(file).metadata
            assert meta[b"geoevents.layout"] == str(LAYOUT_VERSION).encode()

    def test_query_columns(self) -> None:
        """Dates, countries, counts, actors and stages land in their typed columns."""
        seed = load("syria-turkey-2025")
        row = to_arrow([seed["s2025/001/sweida-clashes"]]).to_pylist()[0]
        assert row["date_earliest"] == datetime.date(2024, 12, 1)
        assert row["date_latest"] == datetime.date(2025, 7, 23)
        assert (row["year"], row["country"], row["countries"]) == (2024, "SY", ["SY"])
        assert (row["fatalities_low"], row["fatalities_best"]) == (1001, None)
        assert row["actors"][0]["role"] == "side"
        assert row["attributions"] == [{"source": "src-001", "mode": "reported", "via": []}]

    def test_partition_country_fallbacks(self) -> None:
        """The partition country falls back to the location, then to unknown."""
        located = event("a", "2025", location=Location(country=Country("IQ")))
        assert partition_country(located) == "IQ"
        assert partition_country(event("b", "2025")) == "unknown"


class TestErrors:
    def test_wrong_items(self, tmp_path: Path) -> None:
        """Non-records are refused with TypeError, and nothing is left behind."""
        with pytest.raises(TypeError, match="expected a record"):
            list(record_batches(["x"]))  # type: ignore[list-item]
        with pytest.raises(TypeError, match="expected a Source"):
            sources_to_arrow(["x"])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="record or a Source"):
            write_parquet(tmp_path / "o", ["x"])  # type: ignore[list-item]
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(
        ("parts", "error"),
        [(("nope",), ValueError), (("year", "year"), ValueError), ("year", TypeError)],
    )
    def test_bad_partitions(self, tmp_path: Path, parts: object, error: type) -> None:
        """Unknown, repeated or string partition columns are refused."""
        with pytest.raises(error):
            write_parquet(tmp_path / "o", [], partition_by=parts)  # type: ignore[arg-type]

    def test_bad_batch_size(self) -> None:
        """The batch size must be a positive int."""
        with pytest.raises(ValueError, match="batch_size"):
            list(record_batches([], batch_size=0))

    def test_overwrite(self, tmp_path: Path) -> None:
        """An existing export is replaced only with overwrite=True."""
        out = tmp_path / "o"
        write_parquet(out, [event("a", "2025", "SY")])
        with pytest.raises(FileExistsError):
            write_parquet(out, [])
        assert len(read_parquet(out)) == 1
        write_parquet(out, [], overwrite=True)
        assert read_parquet(out) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]

    def test_not_an_export(self, tmp_path: Path) -> None:
        """A folder without sources.parquet is refused."""
        with pytest.raises(DatasetError, match="not a geoevents Parquet export"):
            read_parquet(tmp_path)

    def test_newer_layout(self) -> None:
        """A table from a newer geoevents is refused, naming the upgrade."""
        table = to_arrow([]).replace_schema_metadata({b"geoevents.layout": b"99"})
        with pytest.raises(DatasetError, match="upgrade geoevents"):
            from_arrow(table)

    def test_existing_export_refused_before_reading(self, tmp_path: Path) -> None:
        """Without overwrite, an existing export is refused before any entry is consumed."""
        out = tmp_path / "o"
        write_parquet(out, [event("a", "2025", "SY")])
        pending = iter([event("b", "2025", "SY")])
        with pytest.raises(FileExistsError):
            write_parquet(out, pending)
        assert next(pending).id == "b"  # still there for the caller

    @pytest.mark.parametrize(
        ("damage", "message"),
        [
            ("garbage", "not a geoevents Parquet file"),
            ("no json", "not a geoevents Parquet file"),
            ("null json", "column 'json' is string, with 1 nulls"),
            ("int json", "column 'json' is int64"),
            ("bad metadata", "geoevents.schema is b'one', not a version number"),
        ],
    )
    def test_damaged_files(self, tmp_path: Path, damage: str, message: str) -> None:
        """A damaged or foreign sources file is a DatasetError naming it."""
        out = tmp_path / "o"
        write_parquet(out, [Source(id="s", outlet="S"), event("a", "2025", "SY")])
        file = out / "sources.parquet"
        table = pq.read_table(file)
        if damage == "garbage":
            file.write_bytes(b"PAR1 not really")
        elif damage == "no json":
            pq.write_table(table.drop_columns(["json"]), file)
        elif damage == "null json":
            pq.write_table(
                pa.table({"seq": table["seq"], "json": pa.array([None], pa.string())}), file
            )
        elif damage == "int json":
            pq.write_table(pa.table({"seq": table["seq"], "json": pa.array([1])}), file)
        else:
            pq.write_table(table.replace_schema_metadata({b"geoevents.schema": b"one"}), file)
        with pytest.raises(DatasetError) as info:
            read_parquet(out)
        assert str(info.value).startswith(f"{file}: ")
        assert message in str(info.value)

    def test_removed_or_copied_part_files(self, tmp_path: Path) -> None:
        """A part file removed, or copied in twice, makes the folder a DatasetError."""
        out = tmp_path / "o"
        entries: list[Event | Source] = [
            Source(id="s", outlet="S"),
            event("a", "2024", "SY"),
            event("b", "2025", "TR"),
        ]
        write_parquet(out, entries)
        first, second = record_files(out)
        copy = Path(first).with_name("copy.parquet")
        copy.write_bytes(Path(first).read_bytes())
        with pytest.raises(DatasetError, match=r"holds entries twice"):
            read_parquet(out)
        copy.unlink()
        Path(second).unlink()
        with pytest.raises(DatasetError, match=r"holds 2 entries of the 3 written"):
            read_parquet(out)

    def test_exports_without_a_count(self, tmp_path: Path) -> None:
        """A folder written before the count was recorded is read without it."""
        out = tmp_path / "o"
        entries: list[Event | Source] = [Source(id="s", outlet="S"), event("a", "2024", "SY")]
        write_parquet(out, entries)
        file = out / "sources.parquet"
        table = pq.read_table(file)
        meta = {k: v for k, v in (table.schema.metadata or {}).items() if k != b"geoevents.entries"}
        assert len(meta) == len(table.schema.metadata or {}) - 1
        pq.write_table(table.replace_schema_metadata(meta), file)
        assert read_parquet(out) == entries
        pq.write_table(table.replace_schema_metadata({**meta, b"geoevents.entries": b"x"}), file)
        with pytest.raises(DatasetError, match=r"geoevents.entries is b'x', not a count"):
            read_parquet(out)

    def test_from_arrow_needs_a_table(self) -> None:
        """from_arrow refuses other objects and tables without a json column."""
        with pytest.raises(TypeError, match=r"from_arrow takes a pyarrow\.Table, not list"):
            from_arrow([])  # type: ignore[arg-type]
        with pytest.raises(DatasetError, match="no 'json' column"):
            from_arrow(pa.table({"x": [1]}))

    def test_many_partitions(self, tmp_path: Path) -> None:
        """More than 1,024 partitions in one batch are written (pyarrow's default limit)."""
        entries = [event(f"r{i}", f"{1000 + i:04d}", "SY") for i in range(1_100)]
        assert write_parquet(tmp_path / "o", entries) == 1_100
        assert read_parquet(tmp_path / "o") == entries


class TestDuckDB:
    def test_filter_by_date_and_country(self, tmp_path: Path) -> None:
        """Plain SQL over the export filters by date range and country, exactly."""
        recs = [
            event("in-1", "2025-07-16", "SY"),
            event("in-2", "2025-07-20", "TR", "SY"),
            event("late", "2025-08-02", "SY"),
            event("other", "2025-07-17", "IL"),
            event("vague", "2025", "SY"),
            event("open", "../2025-07-18", "SY"),
        ]
        write_parquet(tmp_path / "x", [Source(id="s", outlet="O"), *recs])
        glob = f"{tmp_path / 'x'}/records/**/*.parquet"
        rows = duckdb.execute(
            f"""
            SELECT id FROM read_parquet('{glob}', hive_partitioning = true)
            WHERE date_earliest >= DATE '2025-07-15' AND date_latest <= DATE '2025-07-31'
              AND list_contains(countries, 'SY')
            ORDER BY id
            """
        ).fetchall()
        assert rows == [("in-1",), ("in-2",)]
        by_partition = duckdb.execute(
            f"SELECT id, year FROM read_parquet('{glob}', hive_partitioning = true) "
            "WHERE country = 'SY' ORDER BY id"
        ).fetchall()
        assert by_partition == [("in-1", 2025), ("late", 2025), ("open", None), ("vague", 2025)]

"""Columnar export: records and sources as Apache Arrow tables and Parquet datasets.

Why: JSONL is the exchange format, but analysts filter millions of records by date and
country in SQL engines (DuckDB, Spark, Polars) that read Parquet. This module gives a
stable, documented Arrow layout for every record kind, and a lossless Parquet round trip.

**Layout** (version :data:`LAYOUT_VERSION`; the full column list is in
``docs/arrow-schema.md`` and in :data:`RECORD_SCHEMA` / :data:`SOURCE_SCHEMA`). One row per
record, whatever its kind. Typed *query columns* (``date_earliest``/``date_latest`` as
``date32``, ``countries`` as ``list<string>``, ``actors`` and ``attributions`` as lists of
structs...) make SQL filters work; the ``json`` column holds the record's canonical JSON
(:func:`geoevents.to_json`), and reading rebuilds every record from it, so the round trip
is exact by construction and the query columns can grow without touching losslessness.
Query columns are derived data: never edit them by hand, edit the records and export again.

**On disk**, :func:`write_parquet` writes a folder::

    path/
      records/year=2025/country=SY/part-0-0.parquet   (hive partitioning)
      sources.parquet

``year`` is the year of the record's earliest possible day (so ``XXXX``, an unspecified
year, is year 1), null when the start is unbounded (``../2025``, ``/2025``): the
``__HIVE_DEFAULT_PARTITION__`` folder, read back as null. ``country`` is the first of the
record's ``countries``, else its location's country, else ``"unknown"``. Both are also
query columns. Every file carries the Arrow schema metadata ``geoevents.schema`` (the JSON
schema version, :data:`geoevents.migrations.SCHEMA_VERSION`) and ``geoevents.layout``
(:data:`LAYOUT_VERSION`). ``seq`` numbers the entries (records and sources together) in
the order they were written, so reading restores that order exactly.

Needs pyarrow (the ``arrow`` extra); never imported by ``import geoevents``.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

try:
    import pyarrow as pa
    import pyarrow.dataset as pads
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "geoevents.arrow needs pyarrow: install geoevents' arrow extra, or pyarrow itself"
    raise ImportError(msg) from exc

from geoevents.dataset import Dataset
from geoevents.errors import DatasetError
from geoevents.figures import Count
from geoevents.jsonio import from_json, to_json
from geoevents.migrations import SCHEMA_VERSION
from geoevents.records import Event
from geoevents.sources import Source

if TYPE_CHECKING:
    import datetime

    from geoevents.actors import Actor
    from geoevents.jsonio import Entry
    from geoevents.temporal import FuzzyDate

__all__ = [
    "LAYOUT_VERSION",
    "PARTITION_COLUMNS",
    "RECORD_SCHEMA",
    "SOURCE_SCHEMA",
    "from_arrow",
    "partition_country",
    "read_parquet",
    "record_batches",
    "record_files",
    "sources_to_arrow",
    "to_arrow",
    "write_parquet",
]

LAYOUT_VERSION: Final = 1
"""The version of the column layout; bumped when a column changes type or meaning."""

PARTITION_COLUMNS: Final = ("year", "country", "kind", "modality")
"""The columns :func:`write_parquet` can partition by."""

_STAGES: Final = ("announced", "signed", "in_force", "terminated", "declared", "effective", "ended")

_ACTOR = pa.struct(
    [
        ("kind", pa.string()),
        ("name", pa.string()),
        ("description", pa.string()),
        ("country", pa.string()),
        ("title", pa.string()),
        ("affiliation", pa.string()),
    ]
)
_PARTICIPANT = pa.struct(
    [("role", pa.string()), *(_ACTOR.field(i) for i in range(_ACTOR.num_fields))]
)
_ATTRIBUTION = pa.struct(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("mode", pa.string(), nullable=False),
        pa.field("via", pa.list_(_ACTOR), nullable=False),
    ]
)
_STAGE = pa.struct(
    [
        pa.field("stage", pa.string(), nullable=False),
        pa.field("edtf", pa.string(), nullable=False),
        pa.field("earliest", pa.date32()),
        pa.field("latest", pa.date32()),
        pa.field("precision", pa.string(), nullable=False),
    ]
)


_ENTRIES: Final = b"geoevents.entries"


def _metadata() -> dict[bytes | str, bytes | str]:
    return {
        b"geoevents.schema": str(SCHEMA_VERSION).encode(),
        b"geoevents.layout": str(LAYOUT_VERSION).encode(),
    }


def _strings() -> pa.DataType:
    return pa.list_(pa.string())


_RECORD_FIELDS: list[pa.Field[Any]] = [
    pa.field("seq", pa.int64(), nullable=False),
    pa.field("id", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("year", pa.int32()),
    pa.field("country", pa.string(), nullable=False),
    pa.field("summary", pa.string(), nullable=False),
    pa.field("date_edtf", pa.string(), nullable=False),
    pa.field("date_earliest", pa.date32()),
    pa.field("date_latest", pa.date32()),
    pa.field("date_precision", pa.string(), nullable=False),
    pa.field("date_method", pa.string(), nullable=False),
    pa.field("modality", pa.string(), nullable=False),
    pa.field("countries", _strings(), nullable=False),
    pa.field("location_name", pa.string()),
    pa.field("location_country", pa.string()),
    pa.field("location_admin1", pa.string()),
    pa.field("latitude", pa.float64()),
    pa.field("longitude", pa.float64()),
    pa.field("location_precision", pa.string()),
    pa.field("status", pa.string()),
    pa.field("fatalities_low", pa.int64()),
    pa.field("fatalities_best", pa.int64()),
    pa.field("fatalities_high", pa.int64()),
    pa.field("injuries_low", pa.int64()),
    pa.field("injuries_best", pa.int64()),
    pa.field("injuries_high", pa.int64()),
    pa.field("cameo", pa.string()),
    pa.field("plover", pa.string()),
    pa.field("plover_mode", pa.string()),
    pa.field("refers_to", _strings(), nullable=False),
    pa.field("same_as", _strings(), nullable=False),
    pa.field("tags", _strings(), nullable=False),
    pa.field("sources", _strings(), nullable=False),
    pa.field("actors", pa.list_(_PARTICIPANT), nullable=False),
    pa.field("attributions", pa.list_(_ATTRIBUTION), nullable=False),
    pa.field("stages", pa.list_(_STAGE), nullable=False),
    pa.field("json", pa.string(), nullable=False),
]
RECORD_SCHEMA: Final = pa.schema(_RECORD_FIELDS, metadata=_metadata())
"""The Arrow schema of the records table (one row per record of any kind)."""

_SOURCE_FIELDS: list[pa.Field[Any]] = [
    pa.field("seq", pa.int64(), nullable=False),
    pa.field("id", pa.string(), nullable=False),
    pa.field("outlet", pa.string(), nullable=False),
    pa.field("source_kind", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("url", pa.string()),
    pa.field("author", pa.string()),
    pa.field("language", pa.string()),
    pa.field("published_edtf", pa.string()),
    pa.field("published_earliest", pa.date32()),
    pa.field("published_latest", pa.date32()),
    pa.field("published_precision", pa.string()),
    pa.field("json", pa.string(), nullable=False),
]
SOURCE_SCHEMA: Final = pa.schema(_SOURCE_FIELDS, metadata=_metadata())
"""The Arrow schema of the sources table."""

_RECORD_NAMES: Final = tuple(RECORD_SCHEMA.names)
_SOURCE_NAMES: Final = tuple(SOURCE_SCHEMA.names)


# ----------------------------------------------------------------- rows


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "kind": actor.kind.value,
        "name": actor.name,
        "description": actor.description,
        "country": None if actor.country is None else actor.country.alpha2,
        "title": actor.title,
        "affiliation": actor.affiliation,
    }


def _stage(name: str, date: FuzzyDate) -> dict[str, Any]:
    return {
        "stage": name,
        "edtf": date.edtf,
        "earliest": date.earliest,
        "latest": date.latest,
        "precision": date.precision.value,
    }


def partition_country(record: Event) -> str:
    """The ``country`` partition value: first listed country, else the location's, else unknown.

    >>> from geoevents import Attribution, Country, Event, FuzzyDate
    >>> partition_country(Event(id="a", when=FuzzyDate("2025"), summary="x",
    ...     attributions=(Attribution(source="s"),), countries=(Country("TR"), Country("SY"))))
    'TR'
    """
    if record.countries:
        return record.countries[0].alpha2
    loc = record.location
    if loc is not None and loc.country is not None:
        return loc.country.alpha2
    return "unknown"


def _year(earliest: datetime.date | None) -> int | None:
    return None if earliest is None else earliest.year


def _record_row(record: Event, seq: int) -> tuple[Any, ...]:
    date = record.when.date
    loc = record.location
    counts: list[int | None] = []
    for name in ("fatalities", "injuries"):
        count = getattr(record, name, None)
        if isinstance(count, Count):
            counts += (count.low, count.best, count.high)
        else:
            counts += (None, None, None)
    status = getattr(record, "status", None)
    stages = [
        _stage(name, value)
        for name in _STAGES
        if (value := getattr(record, name, None)) is not None
    ]
    earliest = date.earliest
    return (
        seq,
        record.id,
        record.kind,
        _year(earliest),
        partition_country(record),
        record.summary,
        date.edtf,
        earliest,
        date.latest,
        date.precision.value,
        record.when.method.value,
        record.modality.value,
        [c.alpha2 for c in record.countries],
        None if loc is None else loc.name,
        None if loc is None or loc.country is None else loc.country.alpha2,
        None if loc is None else loc.admin1,
        None if loc is None else loc.latitude,
        None if loc is None else loc.longitude,
        None if loc is None or loc.precision is None else loc.precision.value,
        None if status is None else status.value,
        *counts,
        record.cameo,
        None if record.plover is None else record.plover.value,
        record.plover_mode,
        list(record.refers_to),
        list(record.same_as),
        list(record.tags),
        list(record.sources),
        [{"role": p.role.value, **_actor(p.actor)} for p in record.participants()],
        [
            {"source": a.source, "mode": a.mode.value, "via": [_actor(v) for v in a.via]}
            for a in record.attributions
        ],
        stages,
        to_json(record),
    )


def _source_row(source: Source, seq: int) -> tuple[Any, ...]:
    date = None if source.published is None else source.published.date
    return (
        seq,
        source.id,
        source.outlet,
        source.kind.value,
        source.title,
        source.url,
        source.author,
        source.language,
        None if date is None else date.edtf,
        None if date is None else date.earliest,
        None if date is None else date.latest,
        None if date is None else date.precision.value,
        to_json(source),
    )


def _batch(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.RecordBatch:
    columns = [
        pa.array([row[i] for row in rows], type=field.type) for i, field in enumerate(schema)
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _check_batch_size(batch_size: int) -> None:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        msg = f"batch_size must be a positive int, not {batch_size!r}"
        raise ValueError(msg)


def record_batches(
    records: Iterable[Event], *, batch_size: int = 10_000, start: int = 0
) -> Iterator[pa.RecordBatch]:
    """Stream records as Arrow record batches of :data:`RECORD_SCHEMA`.

    Memory stays bounded by *batch_size* rows, whatever the number of records.

    Args:
        records: records of any kind.
        batch_size: rows per batch.
        start: the ``seq`` of the first record (later ones count up from it).

    Raises:
        TypeError: an item is not a record.
        ValueError: *batch_size* is not a positive int.

    >>> from geoevents.datasets import load
    >>> [b.num_rows for b in record_batches(load("syria-turkey-2025").records, batch_size=40)]
    [40, 22]
    """
    _check_batch_size(batch_size)
    yield from _record_row_batches(enumerate(records, start), batch_size, "a record")


def to_arrow(records: Iterable[Event], *, batch_size: int = 10_000) -> pa.Table:
    """Return the records as one Arrow table of :data:`RECORD_SCHEMA`, built in batches.

    >>> from geoevents.datasets import load
    >>> table = to_arrow(load("syria-turkey-2025").records)
    >>> table.num_rows, table.column("kind")[0].as_py(), str(table.field("date_earliest").type)
    (62, 'clash', 'date32[day]')
    """
    return pa.Table.from_batches(
        list(record_batches(records, batch_size=batch_size)), schema=RECORD_SCHEMA
    )


def sources_to_arrow(sources: Iterable[Source], *, start: int = 0) -> pa.Table:
    """Return sources as an Arrow table of :data:`SOURCE_SCHEMA`.

    Raises:
        TypeError: an item is not a :class:`~geoevents.sources.Source`.

    >>> sources_to_arrow([Source(id="ap-1", outlet="AP")]).column("outlet").to_pylist()
    ['AP']
    """
    rows = []
    for seq, source in enumerate(sources, start):
        if not isinstance(source, Source):
            msg = f"expected a Source, got {type(source).__name__}"
            raise TypeError(msg)
        rows.append(_source_row(source, seq))
    return pa.Table.from_batches([_batch(rows, SOURCE_SCHEMA)], schema=SOURCE_SCHEMA)


def from_arrow(table: pa.Table, *, allow_unknown: bool = False) -> list[Entry]:
    """Rebuild the records (or sources) of a table from its ``json`` column, in ``seq`` order.

    Args:
        table: a table of :data:`RECORD_SCHEMA` or :data:`SOURCE_SCHEMA` (at least the
            ``json`` column; ``seq`` when present gives the order).
        allow_unknown: ignore unknown keys in the JSON instead of reporting them.

    Raises:
        RecordError: a row's JSON is not a valid entry.
        DatasetError: the table was written by a newer geoevents.

    >>> from geoevents.datasets import load
    >>> records = load("syria-turkey-2025").records
    >>> tuple(from_arrow(to_arrow(records))) == records
    True
    """
    if not isinstance(table, pa.Table):
        msg = f"from_arrow takes a pyarrow.Table, not {type(table).__name__}"
        raise TypeError(msg)
    _check_metadata(table.schema, "<table>")
    _check_columns(table, "<table>")
    if "seq" in table.column_names:
        table = table.take(pa.compute.sort_indices(table.column("seq")))
    texts = cast("list[str]", table.column("json").to_pylist())
    return [from_json(text, allow_unknown=allow_unknown) for text in texts]


def _check_columns(table: pa.Table, where: str) -> None:
    """Refuse a table whose ``json`` (and ``seq``) columns are missing, mistyped or null."""
    for name, required, of_type in (
        ("json", True, lambda t: pa.types.is_string(t) or pa.types.is_large_string(t)),
        ("seq", False, pa.types.is_integer),
    ):
        if name not in table.column_names:
            if required:
                msg = f"{where}: not a geoevents table (no {name!r} column)"
                raise DatasetError(msg)
            continue
        column = table.column(name)
        if not of_type(column.type) or column.null_count:
            msg = f"{where}: not a geoevents table (column {name!r} is {column.type}"
            msg += f", with {column.null_count} nulls)" if column.null_count else ")"
            raise DatasetError(msg)


def _check_metadata(schema: pa.Schema, where: str) -> None:
    meta = schema.metadata or {}
    for key, newest in (
        (b"geoevents.schema", SCHEMA_VERSION),
        (b"geoevents.layout", LAYOUT_VERSION),
    ):
        raw = meta.get(key)
        if raw is not None and not raw.isdigit():
            msg = f"{where}: {key.decode()} is {raw!r}, not a version number"
            raise DatasetError(msg)
        if raw is not None and int(raw) > newest:
            msg = (
                f"{where}: written with {key.decode()} {int(raw)}, newer than {newest}, "
                "the newest this geoevents reads (upgrade geoevents to read it)"
            )
            raise DatasetError(msg)


# ----------------------------------------------------------------- Parquet


def _partitioning(partition_by: Sequence[str]) -> pads.Partitioning | None:
    if isinstance(partition_by, str):
        msg = f"partition_by must be a sequence of column names, not the string {partition_by!r}"
        raise TypeError(msg)
    for name in partition_by:
        if name not in PARTITION_COLUMNS:
            msg = f"cannot partition by {name!r}; choose from {', '.join(PARTITION_COLUMNS)}"
            raise ValueError(msg)
    if len(set(partition_by)) != len(partition_by):
        msg = f"partition_by names a column twice: {list(partition_by)!r}"
        raise ValueError(msg)
    if not partition_by:
        return None
    fields = [RECORD_SCHEMA.field(name) for name in partition_by]
    return pads.partitioning(pa.schema(fields), flavor="hive")


def _write_record_files(
    folder: str | os.PathLike[str],
    batches: Iterable[pa.RecordBatch],
    *,
    partition_by: Sequence[str] = ("year", "country"),
    prefix: str = "part-0",
) -> None:
    """Write record batches under *folder* (hive-partitioned), as :func:`write_parquet` does.

    A building block for parallel writers (``geoevents.dask``): writers that share a
    folder pass distinct *prefix* values so their files never collide. Not atomic on its
    own; :func:`write_parquet` is.
    """
    pads.write_dataset(
        iter(batches),
        os.fspath(folder),
        schema=RECORD_SCHEMA,
        format="parquet",
        partitioning=_partitioning(partition_by),
        basename_template=f"{prefix}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        create_dir=True,
        # pyarrow stops at 1,024 partitions a batch by default; years x countries of a
        # long conflict dataset pass that.
        max_partitions=1 << 20,
    )


def _seq_batches(  # pragma: no cover - run on a pyarrow writer thread, which coverage cannot trace
    entries: Iterable[Entry], sources: list[tuple[int, Source]], batch_size: int, start: int = 0
) -> Iterator[pa.RecordBatch]:
    """Record batches of the records among *entries*; sources go to *sources*.

    ``seq`` counts every entry from *start*, so records and sources share one order.
    """

    def records() -> Iterator[tuple[int, Any]]:
        for seq, entry in enumerate(entries, start):
            if isinstance(entry, Source):
                sources.append((seq, entry))
            else:
                yield seq, entry

    yield from _record_row_batches(records(), batch_size, "a record or a Source")


def _record_row_batches(
    numbered: Iterable[tuple[int, Any]], batch_size: int, expected: str
) -> Iterator[pa.RecordBatch]:
    """Batches of *batch_size* rows from ``(seq, record)`` pairs; anything else raises."""
    rows: list[tuple[Any, ...]] = []
    for seq, record in numbered:
        if not isinstance(record, Event):
            msg = f"expected {expected}, got {type(record).__name__}"
            raise TypeError(msg)
        rows.append(_record_row(record, seq))
        if len(rows) == batch_size:
            yield _batch(rows, RECORD_SCHEMA)
            rows = []
    if rows:
        yield _batch(rows, RECORD_SCHEMA)


def _write_sources_file(
    path: str | os.PathLike[str], sources: Sequence[tuple[int, Source]], *, entries: int
) -> None:
    """Write ``(seq, source)`` pairs as one Parquet file of :data:`SOURCE_SCHEMA`.

    Its metadata also holds the number of *entries* of the whole export, so that a reader
    notices a part file gone missing.
    """
    rows = [_source_row(source, seq) for seq, source in sources]
    table = pa.Table.from_batches([_batch(rows, SOURCE_SCHEMA)])
    meta = {**(table.schema.metadata or {}), _ENTRIES: str(entries).encode()}
    pq.write_table(table.replace_schema_metadata(meta), os.fspath(path))


def _check_complete(count: int, distinct: int, expected: int | None, where: str) -> None:
    """Refuse an export with an entry twice, or (when recorded) not as many as written.

    *count* entries, *distinct* of them by ``seq``; :mod:`geoevents.dask` shares this.
    """
    if distinct != count:
        msg = f"{where}: holds entries twice (a part file copied in?)"
        raise DatasetError(msg)
    if expected is not None and count != expected:
        msg = f"{where}: holds {count:,} entries of the {expected:,} written (a part file removed?)"
        raise DatasetError(msg)


def _check_target(target: str, *, overwrite: bool) -> None:
    """Refuse an existing *target* before anything is read or written (see :func:`_publish`)."""
    if not overwrite and os.path.lexists(target):
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)


def _publish(tmp: str, target: str, *, overwrite: bool) -> None:
    """Rename the finished folder *tmp* to *target* (replacing it only with *overwrite*)."""
    if not os.path.lexists(target):
        os.rename(tmp, target)
        return
    if not overwrite:
        shutil.rmtree(tmp)
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)
    parent, name = os.path.split(target)
    old = tempfile.mkdtemp(dir=parent, prefix=f".{name}.old-")
    os.rename(target, os.path.join(old, name))
    os.rename(tmp, target)
    shutil.rmtree(old)


def _temp_folder(target: str) -> str:
    """A new empty folder beside *target*, for writing before :func:`publish`."""
    parent, name = os.path.split(target)
    os.makedirs(parent or ".", exist_ok=True)
    return tempfile.mkdtemp(dir=parent or ".", prefix=f".{name}.tmp-")


def write_parquet(
    path: str | os.PathLike[str],
    entries: Iterable[Entry] | Dataset,
    *,
    partition_by: Sequence[str] = ("year", "country"),
    batch_size: int = 10_000,
    overwrite: bool = False,
) -> int:
    """Write records and sources as a Parquet folder (layout in the module docstring).

    Records stream through in batches of *batch_size*, so memory stays bounded; sources
    are kept until the end (collections hold far fewer sources than records). Everything
    is written to a temporary folder beside *path* and renamed into place, so a failure
    leaves no half-written export (replacing an existing folder with *overwrite* swaps it
    out with two renames, not atomically).

    Args:
        path: the folder to create.
        entries: records and sources in any order (as :func:`geoevents.read_jsonl` yields
            them), or a :class:`~geoevents.dataset.Dataset` (its sources, then records).
        partition_by: columns from :data:`PARTITION_COLUMNS`, outermost first; ``()``
            writes one unpartitioned file.
        batch_size: rows per Arrow batch.
        overwrite: replace an existing folder at *path*.

    Returns:
        The number of entries written (records and sources).

    Raises:
        FileExistsError: *path* exists and *overwrite* is false.
        TypeError: an entry is neither a record nor a source.
        ValueError: an unknown partition column or a bad *batch_size*.

    >>> import pathlib, tempfile
    >>> from geoevents.datasets import load
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "seed"
    >>> write_parquet(out, load("syria-turkey-2025"))
    67
    >>> sorted(p.name for p in (out / "records").iterdir())[-3:]
    ['year=2024', 'year=2025', 'year=__HIVE_DEFAULT_PARTITION__']
    """
    _check_batch_size(batch_size)
    _partitioning(partition_by)  # check before anything is written
    target = os.path.abspath(os.fspath(path))
    _check_target(target, overwrite=overwrite)
    if isinstance(entries, Dataset):
        entries = entries.entries()
    tmp = _temp_folder(target)
    sources: list[tuple[int, Source]] = []
    counter = _Counter(entries)
    try:
        _write_record_files(
            os.path.join(tmp, "records"),
            _seq_batches(counter, sources, batch_size),
            partition_by=partition_by,
        )
        os.makedirs(os.path.join(tmp, "records"), exist_ok=True)
        _write_sources_file(os.path.join(tmp, "sources.parquet"), sources, entries=counter.count)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _publish(tmp, target, overwrite=overwrite)
    return counter.count


class _Counter(Iterator["Entry"]):
    """Count the entries an iterable yields."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._it = iter(entries)
        self.count = 0

    def __next__(self) -> Entry:  # pragma: no cover - called on a pyarrow writer thread
        entry = next(self._it)
        self.count += 1
        return entry


def record_files(path: str | os.PathLike[str]) -> list[str]:
    """The Parquet files of the records of an export, in a stable (sorted) order."""
    root = os.path.join(os.fspath(path), "records")
    found = [
        os.path.join(folder, name)
        for folder, _, names in os.walk(root)
        for name in names
        if name.endswith(".parquet")
    ]
    return sorted(found)


def _read_columns(file: str, columns: list[str]) -> pa.Table:
    """The *columns* of one Parquet file of an export, or a DatasetError naming the file."""
    try:
        _check_metadata(pq.read_schema(file), file)
        table = pq.read_table(file, columns=columns, partitioning=None)
    except (pa.ArrowException, OSError) as exc:  # not Parquet, or missing columns
        msg = f"{file}: not a geoevents Parquet file ({exc})"
        raise DatasetError(msg) from None
    _check_columns(table, file)
    return table


def read_parquet(path: str | os.PathLike[str], *, allow_unknown: bool = False) -> list[Entry]:
    """Read back every entry of a :func:`write_parquet` folder, in the order written.

    Args:
        path: the folder.
        allow_unknown: ignore unknown keys in the JSON instead of reporting them.

    Raises:
        DatasetError: *path* is not an export, was written by a newer geoevents, holds an
            entry twice, or holds fewer or more entries than were written (a part file
            removed or copied in).
        RecordError: a row's JSON is not a valid entry.

    >>> import pathlib, tempfile
    >>> from geoevents import Dataset
    >>> from geoevents.datasets import load
    >>> seed = load("syria-turkey-2025")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "seed"
    >>> _ = write_parquet(out, seed)
    >>> back = Dataset.from_entries(read_parquet(out))
    >>> back.records == seed.records, dict(back.sources) == dict(seed.sources)
    (True, True)
    """
    root = os.fspath(path)
    sources_file = os.path.join(root, "sources.parquet")
    if not os.path.isfile(sources_file):
        msg = f"{root}: not a geoevents Parquet export (no sources.parquet)"
        raise DatasetError(msg)
    tables = [_read_columns(sources_file, ["seq", "json"])]
    tables += [_read_columns(f, ["seq", "json"]) for f in record_files(root)]
    table = pa.concat_tables(tables)
    distinct = pa.compute.count_distinct(table.column("seq")).as_py()
    _check_complete(table.num_rows, distinct, _written_entries(root), root)
    return from_arrow(table, allow_unknown=allow_unknown)


def _written_entries(path: str | os.PathLike[str]) -> int | None:
    """How many entries :func:`write_parquet` wrote to an export (``None`` if not recorded).

    Exports written before geoevents 0.2 do not record it.
    """
    meta = pq.read_schema(os.path.join(os.fspath(path), "sources.parquet")).metadata or {}
    raw = meta.get(_ENTRIES)
    if raw is None:
        return None
    if not raw.isdigit():
        msg = f"{os.fspath(path)}: {_ENTRIES.decode()} is {raw!r}, not a count"
        raise DatasetError(msg)
    return int(raw)

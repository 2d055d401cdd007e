"""Validate and convert large JSONL or Parquet collections in parallel, with Dask.

Why: decoding dominates the cost of validating a collection, and it parallelizes by
partition; the dataset rules (unique ids, references, sources, ``same_as`` clusters) do
not, because they cross partitions. This module splits the two:

**Pass 1 (parallel, one task per partition).** A partition is a byte range of a JSONL
file cut at line ends (or one Parquet file of a :func:`geoevents.arrow.write_parquet`
export). The task decodes it exactly as :func:`geoevents.read_jsonl` with
``errors="collect"`` would (it runs the same reader) and returns a compact *index*: per
record its id, modality, date (EDTF text and earliest/latest day), ``refers_to``,
``same_as`` and cited source ids, plus the problems that need only the record itself
(``signed-after-in-force``); every source in full (collections hold few); the bad lines
with their ``file:line``; and its line count.

**Pass 2 (on the client, linear).** The indexes are concatenated in partition order,
which is the order of a single-process read, so every record keeps its global position;
line numbers of bad lines are shifted by the lines of the earlier partitions of their
file. The dataset rules then run over the index in that order (``duplicate-source``,
``duplicate-id``, ``dangling-reference``, ``reference-order``, ``unknown-source``,
``after-publication``), with the same messages as :func:`geoevents.rules.validate`.
``same_as`` clusters are found by union-find over the index; only the records in
clusters are fetched in full (a second, targeted read of the partitions holding them)
to list their disagreements.

The result is the very :class:`~geoevents.report.Report` that single-process validation
gives on the same files, problems in the same order, and no record is lost: every line is
either a record, a source, a header or a collected bad line. The client holds the index
(about 200 bytes a record), never the records.

Needs Dask with distributed (the ``dask`` extra); never imported by
``import geoevents``. Without a scheduler address a :class:`distributed.LocalCluster` of
worker processes is started and closed; given an address (``"tcp://host:8786"``) or a
:class:`distributed.Client`, the same code runs there (workers must have geoevents
installed and see the files at the same paths).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import io
import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, cast, final

try:
    from dask.delayed import delayed
    from distributed import Client, LocalCluster
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "geoevents.dask needs Dask: install geoevents' dask extra, or dask[distributed]"
    raise ImportError(msg) from exc

import attrs

from geoevents.errors import DatasetError, RecordError
from geoevents.jsonio import JsonlReader, from_json
from geoevents.records import Event
from geoevents.report import Disagreement, Report
from geoevents.rules import Facts, check, compare, facts, same_as_groups
from geoevents.sources import Source

__all__ = [
    "CollectionReport",
    "ConversionResult",
    "jsonl_partitions",
    "jsonl_to_parquet",
    "validate_jsonl",
    "validate_parquet",
]

DEFAULT_BLOCKSIZE: Final = 64 * 1024 * 1024
"""Bytes of JSONL per partition when ``npartitions`` is not given."""

_HEADER: Final = b'{"kind":"header","schema":1}\n'

Scheduler = str | Client | None
"""Where to run: ``None`` (a local cluster), a scheduler address, or a connected client."""


@final
@attrs.frozen(kw_only=True)
class CollectionReport:
    """What validating a collection found: the dataset report and the unreadable entries.

    Attributes:
        report: the :class:`~geoevents.report.Report` of the records and sources read,
            equal to ``Dataset.from_entries(entries).validate()``.
        errors: the bad lines (or rows), each a :class:`~geoevents.errors.RecordError`
            with its ``file:line``, in file order.
        records: the number of records read.
        sources: the number of sources read.
    """

    report: Report
    errors: tuple[RecordError, ...] = ()
    records: int = 0
    sources: int = 0

    @property
    def ok(self) -> bool:
        """Whether every entry was readable and the report has no errors."""
        return not self.errors and self.report.ok

    def summary(self) -> str:
        """One line of counts.

        >>> CollectionReport(report=Report(), records=2, sources=1).summary()
        '2 records, 1 sources: 0 bad entries, 0 errors, 0 warnings, 0 disagreements'
        """
        r = self.report
        return (
            f"{self.records} records, {self.sources} sources: {len(self.errors)} bad entries, "
            f"{len(r.errors)} errors, {len(r.warnings)} warnings, "
            f"{len(r.disagreements)} disagreements"
        )


@final
@attrs.frozen(kw_only=True)
class ConversionResult:
    """What :func:`jsonl_to_parquet` wrote, and the lines it could not read."""

    written: int
    """Entries (records and sources) written."""
    errors: tuple[RecordError, ...] = ()
    """The bad lines, with ``file:line``, in file order (they are not written)."""


# ----------------------------------------------------------------- partitions


@final
@attrs.frozen
class _Chunk:
    """A byte range of one JSONL file, starting and ending at line ends."""

    path: str
    file_no: int
    start: int
    end: int


def jsonl_partitions(
    paths: Sequence[str | os.PathLike[str]], *, blocksize: int = DEFAULT_BLOCKSIZE
) -> list[tuple[str, int, int]]:
    r"""Cut JSONL files into ``(path, start, end)`` byte ranges of about *blocksize* bytes.

    Every range starts at the beginning of a line and ends after a newline (or at the end
    of the file), so no line is split. An empty file gives one empty range.

    >>> import pathlib, tempfile
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = f.write_bytes(b"aaaa\nbb\ncccccc\nd\n")
    >>> [(s, e) for _, s, e in jsonl_partitions([f], blocksize=5)]
    [(0, 5), (5, 15), (15, 17)]
    """
    if blocksize < 1:
        msg = f"blocksize must be positive, not {blocksize!r}"
        raise ValueError(msg)
    out: list[tuple[str, int, int]] = []
    for path in [os.fspath(p) for p in paths]:
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            msg = f"{path}: cannot read: {exc.strerror}"
            raise DatasetError(msg) from exc
        start = 0
        with open(path, "rb") as handle:
            while True:
                if size - start <= blocksize:
                    out.append((path, start, size))
                    break
                handle.seek(start + blocksize - 1)
                handle.readline()
                end = handle.tell()
                out.append((path, start, end))
                start = end
                if start >= size:
                    break
    return out


def _blocksize(paths: Sequence[str], npartitions: int | None) -> int:
    if npartitions is None:
        return DEFAULT_BLOCKSIZE
    if npartitions < 1:
        msg = f"npartitions must be positive, not {npartitions!r}"
        raise ValueError(msg)
    total = sum(os.path.getsize(p) for p in paths if os.path.exists(p))
    return max(1, -(-total // npartitions))


def _read_chunk(chunk: _Chunk) -> bytes:
    with open(chunk.path, "rb") as handle:
        handle.seek(chunk.start)
        return handle.read(chunk.end - chunk.start)


def _reader(chunk: _Chunk, data: bytes, allow_unknown: bool) -> JsonlReader:
    """The standard reader over a chunk; later chunks get a synthetic first header line.

    The synthetic header makes the chunk's own first line "not the first line of the
    file", as it is, so a header there is reported exactly as a single read reports it.
    """
    stream = io.BytesIO(data if chunk.start == 0 else _HEADER + data)
    stream.name = chunk.path  # the reader names its errors after it
    return JsonlReader(stream, errors="collect", allow_unknown=allow_unknown)


def _lines(data: bytes) -> int:
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


# ----------------------------------------------------------------- pass 1

# One record in the index: id, whether it is actual, its EDTF date, the ordinals of its
# earliest and latest days, refers_to, same_as, the cited source ids, its key (line
# number or seq), and the problems found in the record alone.
_Row = tuple[int, Facts]  # (key of the record in its partition, what the rules need)


@final
@attrs.define(kw_only=True)
class _Part:
    """What pass 1 returns for one partition."""

    rows: list[_Row] = attrs.Factory(list)
    sources: list[tuple[int, Source]] = attrs.Factory(list)
    errors: list[RecordError] = attrs.Factory(list)
    lines: int = 0
    written: int = 0


def _row(record: Event, key: int) -> _Row:
    return key, facts(record)


def _add(part: _Part, entry: Event | Source, key: int) -> None:
    if isinstance(entry, Source):
        part.sources.append((key, entry))
    else:
        part.rows.append(_row(entry, key))


def _index_jsonl(chunk: _Chunk, allow_unknown: bool) -> _Part:
    data = _read_chunk(chunk)
    reader = _reader(chunk, data, allow_unknown)
    part = _Part(lines=_lines(data))
    for entry in reader:
        _add(part, entry, reader.line)
    part.errors.extend(reader.errors)
    return part


def _index_parquet(file: str, allow_unknown: bool) -> _Part:
    from geoevents.arrow import _read_columns

    table = _read_columns(file, ["seq", "json"])
    part = _Part(lines=table.num_rows)
    seqs = cast("list[int]", table.column("seq").to_pylist())
    texts = cast("list[str]", table.column("json").to_pylist())
    for row, (seq, text) in enumerate(zip(seqs, texts, strict=True)):
        try:
            entry = from_json(text, allow_unknown=allow_unknown)
        except RecordError as exc:
            part.errors.append(_relocated(exc, file, row + 1))
            continue
        _add(part, entry, seq)
    return part


def _relocated(error: RecordError, source: str | None, line: int | None) -> RecordError:
    return RecordError(error.message, error.problems, source=source, line=line)


# ----------------------------------------------------------------- fetching records


def _fetch_jsonl(chunk: _Chunk, keys: frozenset[int], allow_unknown: bool) -> dict[int, Event]:
    lines = _read_chunk(chunk).split(b"\n")
    shift = 0 if chunk.start == 0 else 1  # the reader numbered the synthetic header 1
    return {key: _record(lines[key - 1 - shift], allow_unknown) for key in keys}


def _fetch_parquet(file: str, keys: frozenset[int], allow_unknown: bool) -> dict[int, Event]:
    import pyarrow as pa
    import pyarrow.compute as pc

    from geoevents.arrow import _read_columns

    table = _read_columns(file, ["seq", "json"])
    wanted = pa.array(sorted(keys), type=pa.int64())
    table = table.filter(pc.is_in(table.column("seq"), value_set=wanted))
    seqs = cast("list[int]", table.column("seq").to_pylist())
    texts = cast("list[str]", table.column("json").to_pylist())
    return {seq: _record(text, allow_unknown) for seq, text in zip(seqs, texts, strict=True)}


def _record(text: str | bytes, allow_unknown: bool) -> Event:
    entry = from_json(text, allow_unknown=allow_unknown)
    assert isinstance(entry, Event)
    return entry


# ----------------------------------------------------------------- pass 2


_Fetch = Callable[[int, frozenset[int]], tuple[Callable[..., dict[int, Event]], tuple[Any, ...]]]


def _finish(
    client: Client,
    records: list[tuple[int, _Row]],
    sources: list[Source],
    errors: list[RecordError],
    fetch: _Fetch,
) -> CollectionReport:
    """Run the dataset rules over the merged index, in collection order."""
    by_source: dict[str, Source] = {}
    conflicts = [s for s in sources if by_source.setdefault(s.id, s) != s]
    problems = check([row[1] for _, row in records], by_source.values(), conflicts)
    index: dict[str, tuple[int, _Row]] = {}
    for item in records:
        index.setdefault(item[1][1].id, item)
    report = Report(
        problems=tuple(problems), disagreements=_disagreements(client, records, index, fetch)
    )
    return CollectionReport(
        report=report, errors=tuple(errors), records=len(records), sources=len(sources)
    )


def _disagreements(
    client: Client,
    records: list[tuple[int, _Row]],
    index: dict[str, tuple[int, _Row]],
    fetch: _Fetch,
) -> tuple[Disagreement, ...]:
    clusters = same_as_groups(((row[1].id, row[1].same_as) for _, row in records), index)
    wanted: defaultdict[int, set[int]] = defaultdict(set)
    for rid in (rid for cluster in clusters for rid in cluster):
        part, row = index[rid]
        wanted[part].add(row[0])
    jobs = sorted(wanted)
    results = _compute(client, [fetch(p, frozenset(wanted[p])) for p in jobs])
    fetched = dict(zip(jobs, results, strict=True))
    return tuple(
        d
        for ids in clusters
        if (d := compare([fetched[index[rid][0]][index[rid][1][0]] for rid in ids])) is not None
    )


# ----------------------------------------------------------------- running


@contextmanager
def _client(scheduler: Scheduler, n_workers: int) -> Iterator[Client]:
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        with _untyped(Client)(scheduler) as client:
            yield client
        return
    with (
        _untyped(LocalCluster)(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        _untyped(Client)(cluster) as client,
    ):
        yield client


def _compute(
    client: Client, calls: Sequence[tuple[Callable[..., Any], tuple[Any, ...]]]
) -> list[Any]:
    """Run ``fn(*args)`` for each call as Dask delayed tasks; results in call order."""
    if not calls:
        return []
    tasks = [delayed(fn, pure=False)(*args) for fn, args in calls]
    running: Any = client
    return list(running.gather(running.compute(tasks)))


def _untyped(cls: type) -> Any:
    """The class as ``Any``: distributed has no type hints on its constructors."""
    return cls


def _readable(files: list[str], allow_unknown: bool) -> tuple[list[str], list[RecordError]]:
    """Split off the files a single read refuses whole (a header of a newer schema)."""
    kept: list[str] = []
    refused: list[RecordError] = []
    for path in files:
        reader = JsonlReader(path, errors="collect", allow_unknown=allow_unknown)
        try:
            next(reader, None)
        except RecordError as exc:
            refused.append(exc)
        else:
            kept.append(path)
        finally:
            reader.close()
    return kept, refused


def _jsonl_chunks(
    paths: Sequence[str | os.PathLike[str]], npartitions: int | None, allow_unknown: bool
) -> tuple[list[_Chunk], list[RecordError]]:
    files = [os.fspath(p) for p in paths]
    for path in files:
        if not os.path.isfile(path):
            msg = f"{path}: cannot read: no such file"
            raise DatasetError(msg)
    kept, refused = _readable(files, allow_unknown)
    ranges = jsonl_partitions(kept, blocksize=_blocksize(kept, npartitions))
    number = {p: i for i, p in enumerate(files)}
    return [_Chunk(p, number[p], s, e) for p, s, e in ranges], refused


def _line_errors(
    chunks: list[_Chunk], parts: list[_Part], refused: list[RecordError]
) -> list[RecordError]:
    """Every bad line with its line number in the whole file, in file order."""
    by_file: defaultdict[int, list[RecordError]] = defaultdict(list)
    before = 0
    for chunk, part in zip(chunks, parts, strict=True):
        if chunk.start == 0:
            before = 0
        shift = before - (0 if chunk.start == 0 else 1)
        by_file[chunk.file_no].extend(
            _relocated(e, e.source, None if e.line is None else e.line + shift) for e in part.errors
        )
        before += part.lines
    for error in refused:
        by_file[-1].append(error)
    return [e for n in sorted(by_file) for e in by_file[n]]


def validate_jsonl(
    paths: Sequence[str | os.PathLike[str]],
    *,
    scheduler: Scheduler = None,
    n_workers: int = 2,
    npartitions: int | None = None,
    allow_unknown: bool = False,
) -> CollectionReport:
    """Validate the entries of JSONL files in parallel, as one collection.

    The result equals reading each file with ``read_jsonl(path, errors="collect")`` in
    order, building ``Dataset.from_entries`` from every entry read and calling
    ``validate()``: the same problems in the same order, the same disagreements, the same
    bad lines with the same ``file:line``.

    Args:
        paths: JSONL files, read in this order.
        scheduler: ``None`` for a local cluster of *n_workers* processes, a scheduler
            address, or a connected :class:`distributed.Client`.
        n_workers: worker processes of the local cluster.
        npartitions: about how many partitions to cut the files into (default: one per
            64 MiB).
        allow_unknown: ignore unknown keys instead of reporting them.

    Raises:
        DatasetError: a file cannot be read.
    """
    chunks, refused = _jsonl_chunks(paths, npartitions, allow_unknown)
    with _client(scheduler, n_workers) as client:
        parts: list[_Part] = _compute(client, [(_index_jsonl, (c, allow_unknown)) for c in chunks])
        records = [(i, row) for i, part in enumerate(parts) for row in part.rows]
        sources = [s for part in parts for _, s in part.sources]
        return _finish(
            client,
            records,
            sources,
            _line_errors(chunks, parts, refused),
            lambda i, keys: (_fetch_jsonl, (chunks[i], keys, allow_unknown)),
        )


def validate_parquet(
    path: str | os.PathLike[str],
    *,
    scheduler: Scheduler = None,
    n_workers: int = 2,
    allow_unknown: bool = False,
) -> CollectionReport:
    """Validate a :func:`geoevents.arrow.write_parquet` export in parallel, one task per file.

    The result equals ``Dataset.from_entries(read_parquet(path)).validate()``. A row whose
    JSON is invalid is reported with its file and 1-based row number as ``file:line``.

    Raises:
        DatasetError: *path* is not an export, or holds fewer or more entries than were
            written to it.
    """
    from geoevents.arrow import _check_complete, _written_entries, record_files

    root = os.fspath(path)
    sources_file = os.path.join(root, "sources.parquet")
    if not os.path.isfile(sources_file):
        msg = f"{root}: not a geoevents Parquet export (no sources.parquet)"
        raise DatasetError(msg)
    files = [sources_file, *record_files(root)]
    with _client(scheduler, n_workers) as client:
        parts: list[_Part] = _compute(client, [(_index_parquet, (f, allow_unknown)) for f in files])
        seqs = [row[0] for p in parts for row in p.rows] + [q for p in parts for q, _ in p.sources]
        # Rows whose JSON is bad have no seq here: they count, and cannot repeat one.
        count = sum(p.lines for p in parts)
        distinct = len(set(seqs)) + count - len(seqs)
        _check_complete(count, distinct, _written_entries(root), root)
        records = sorted(
            ((i, row) for i, part in enumerate(parts) for row in part.rows),
            key=lambda item: item[1][0],
        )
        sources = [s for _, s in sorted((x for p in parts for x in p.sources), key=_first)]
        return _finish(
            client,
            records,
            sources,
            [e for part in parts for e in part.errors],
            lambda i, keys: (_fetch_parquet, (files[i], keys, allow_unknown)),
        )


def _first(item: tuple[int, Source]) -> int:
    return item[0]


# ----------------------------------------------------------------- conversion


def _convert_chunk(
    chunk: _Chunk, number: int, folder: str, partition_by: tuple[str, ...], allow_unknown: bool
) -> _Part:
    from geoevents.arrow import _seq_batches, _write_record_files

    data = _read_chunk(chunk)
    reader = _reader(chunk, data, allow_unknown)
    part = _Part(lines=_lines(data))

    def entries() -> Iterator[Event | Source]:
        for entry in reader:
            part.written += 1
            yield entry

    _write_record_files(
        folder,
        _seq_batches(entries(), part.sources, 10_000, start=number << 32),
        partition_by=partition_by,
        prefix=f"part-{number}",
    )
    part.errors.extend(reader.errors)
    return part


def jsonl_to_parquet(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = ("year", "country"),
    scheduler: Scheduler = None,
    n_workers: int = 2,
    npartitions: int | None = None,
    allow_unknown: bool = False,
    overwrite: bool = False,
) -> ConversionResult:
    """Convert JSONL files to a Parquet export (as :func:`geoevents.arrow.write_parquet`).

    Each partition is decoded and written by one task, into a temporary folder beside
    *out* that is renamed into place at the end. ``seq`` is the partition number times
    2**32 plus the entry's position in it, so :func:`geoevents.arrow.read_parquet` returns
    the entries in file order. Bad lines are not written; they are returned.

    Raises:
        DatasetError: a file cannot be read.
        FileExistsError: *out* exists and *overwrite* is false.
        ValueError: an unknown partition column.
    """
    from geoevents.arrow import (
        _check_target,
        _partitioning,
        _publish,
        _temp_folder,
        _write_sources_file,
    )

    _partitioning(partition_by)  # before tuple(): a string is refused, not split
    columns = tuple(partition_by)
    target = os.path.abspath(os.fspath(out))
    _check_target(target, overwrite=overwrite)
    chunks, refused = _jsonl_chunks(paths, npartitions, allow_unknown)
    tmp = _temp_folder(target)
    records_folder = os.path.join(tmp, "records")
    os.makedirs(records_folder)
    try:
        with _client(scheduler, n_workers) as client:
            calls = [
                (_convert_chunk, (c, n, records_folder, columns, allow_unknown))
                for n, c in enumerate(chunks)
            ]
            parts: list[_Part] = _compute(client, calls)
        sources = [s for part in parts for s in part.sources]
        written = sum(p.written for p in parts)
        _write_sources_file(os.path.join(tmp, "sources.parquet"), sources, entries=written)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _publish(tmp, target, overwrite=overwrite)
    return ConversionResult(written=written, errors=tuple(_line_errors(chunks, parts, refused)))

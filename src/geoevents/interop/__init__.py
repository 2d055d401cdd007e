"""Read and write the field's event formats: ACLED, UCDP GED, GDELT, ICEWS, PLOVER.

Every reader streams a file (a path or a file object) and yields :class:`Imported`
rows: the record, its sources, a per-row account of what could not be represented
(:class:`Loss`) and the residual original fields that make a round trip into the same
format exact. ``strict=True`` turns any loss or bad row into an :class:`InteropError`.
See :mod:`geoevents.interop._common` for the design, and each format's module for its
mapping.

>>> sorted(FORMATS)
['acled', 'gdelt1', 'gdelt2', 'icews', 'jsonl', 'plover', 'ucdp']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from geoevents._streams import FileArg
from geoevents.interop._common import (
    Imported,
    InteropError,
    InteropReader,
    Loss,
    LossKind,
    WriteReport,
)
from geoevents.interop.acled import read_acled, write_acled
from geoevents.interop.gdelt import read_gdelt1, read_gdelt2, write_gdelt1, write_gdelt2
from geoevents.interop.icews import read_icews, write_icews
from geoevents.interop.plover import read_plover, write_plover
from geoevents.interop.ucdp import read_ucdp, write_ucdp

__all__ = [
    "FORMATS",
    "Imported",
    "InteropError",
    "InteropReader",
    "Loss",
    "LossKind",
    "WriteReport",
    "entries",
    "read",
    "read_acled",
    "read_gdelt1",
    "read_gdelt2",
    "read_icews",
    "read_plover",
    "read_ucdp",
    "write",
    "write_acled",
    "write_gdelt1",
    "write_gdelt2",
    "write_icews",
    "write_plover",
    "write_ucdp",
]

Reader = Callable[..., Iterator[Imported]]
Writer = Callable[..., WriteReport]

FORMATS: Final[dict[str, str]] = {
    "acled": "ACLED CSV export",
    "ucdp": "UCDP GED CSV",
    "gdelt1": "GDELT 1.0 event export (tab-separated, no header)",
    "gdelt2": "GDELT 2.0 event export (tab-separated, no header)",
    "icews": "ICEWS coded events (tab-separated, with header)",
    "plover": "PLOVER/POLECAT JSON (array or JSON Lines)",
    "jsonl": "geoevents JSON Lines",
}
"""Every format name :func:`read` and :func:`write` accept, with a description."""

_READERS: Final[dict[str, Callable[..., InteropReader]]] = {
    "acled": read_acled,
    "ucdp": read_ucdp,
    "gdelt1": read_gdelt1,
    "gdelt2": read_gdelt2,
    "icews": read_icews,
    "plover": read_plover,
}
_WRITERS: Final[dict[str, Writer]] = {
    "acled": write_acled,
    "ucdp": write_ucdp,
    "gdelt1": write_gdelt1,
    "gdelt2": write_gdelt2,
    "icews": write_icews,
    "plover": write_plover,
}


def _check(name: str) -> None:
    if name not in FORMATS:
        msg = f"unknown format {name!r}; choose one of {', '.join(FORMATS)}"
        raise ValueError(msg)


def read(name: str, file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Stream *file* in format *name* as :class:`Imported` rows.

    For ``jsonl`` every entry (record or source) becomes an :class:`Imported` with no
    losses; sources come with ``record=None``. Each problem of a bad line becomes one
    :class:`InteropError` in the reader's ``errors`` (``strict=True`` raises the first),
    as for the other formats.

    Raises:
        ValueError: *name* is not in :data:`FORMATS`.

    >>> import io
    >>> line = '{"kind":"source","schema":1,"id":"ap","outlet":"AP"}\n'
    >>> [i.sources[0].id for i in read("jsonl", io.StringIO(line))]
    ['ap']
    """
    _check(name)
    if name == "jsonl":
        return _read_jsonl(file, strict=strict)
    return _READERS[name](file, strict=strict)


def _read_jsonl(file: FileArg, *, strict: bool) -> InteropReader:
    # The JSONL reader opens the file itself: it knows byte order marks, invalid UTF-8
    # and overlong lines, line by line.
    return InteropReader("jsonl", file, strict=strict, entries=_jsonl_entries, opens_file=True)


def _jsonl_entries(reader: InteropReader, file: FileArg) -> Iterator[Imported]:
    """The entries of a geoevents JSONL file as rows; its bad lines go to ``reader.errors``."""
    from geoevents.jsonio import read_jsonl
    from geoevents.sources import Source

    lines = read_jsonl(file, errors="collect")
    reported = 0

    def report() -> None:  # each problem of each bad line, in file order
        nonlocal reported
        reader.header = lines.header
        for error in lines.errors[reported:]:
            reader.rows += 1
            for problem in error.problems:
                reader.fail(problem, error.line or 0)
        reported = len(lines.errors)

    for entry in lines:
        report()
        reader.rows += 1
        if isinstance(entry, Source):
            yield Imported(
                record=None, sources=(entry,), new_sources=(entry,), format="jsonl", line=lines.line
            )
        else:
            reader.converted += 1
            yield Imported(record=entry, format="jsonl", line=lines.line)
    report()


def entries(items: Iterable[Imported]) -> Iterator[Any]:
    """The sources (each first time) and records of imported rows, in order, for JSONL.

    >>> list(entries([]))
    []
    """
    for item in items:
        yield from item.new_sources
        if item.record is not None:
            yield item.record


def write(
    name: str,
    file: FileArg,
    items: Iterable[Any],
    *,
    strict: bool = False,
    dataset: str | None = None,
    description: str | None = None,
) -> WriteReport:
    """Write records, sources or :class:`Imported` rows to *file* in format *name*.

    Args:
        name: a format of :data:`FORMATS`.
        file: a path, or a file object (``jsonl`` needs a path: it is written atomically).
        items: what to write.
        strict: raise on the first value the format cannot hold, instead of reporting it.
        dataset: for ``jsonl``, a name for the collection, stored in its header.
        description: for ``jsonl``, what the collection holds, stored in its header.

    Raises:
        ValueError: *name* is not in :data:`FORMATS`, or *dataset* or *description* is
            given for a format without a header.

    >>> import io
    >>> write("icews", io.StringIO(), []).written
    0
    """
    _check(name)
    if name == "jsonl":
        import os

        from geoevents.jsonio import write_jsonl

        if not isinstance(file, (str, os.PathLike)):
            msg = "jsonl output needs a path (it is written atomically)"
            raise TypeError(msg)
        report = WriteReport()
        report.written = write_jsonl(
            file, _records_of(items, report), dataset=dataset, description=description
        )
        return report
    if dataset is not None or description is not None:
        msg = f"{name} has no header: dataset and description are written only to jsonl"
        raise ValueError(msg)
    return _WRITERS[name](file, items, strict=strict)


def _records_of(items: Iterable[Any], report: WriteReport) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Imported):
            yield from item.new_sources
            if item.record is not None:
                yield item.record
            else:
                report.skipped += item.format != "jsonl"
        else:
            yield item

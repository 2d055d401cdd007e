"""The ``geoevents`` command: validate, show a timeline, normalize countries, convert.

Exit codes: 0 when everything is valid, 1 when the data is invalid (or a country could
not be resolved), 2 for usage errors (unknown options, missing or unreadable files,
folders without data), 141 when the output was cut off (a closed pipe, as in ``| head``),
as for a program stopped by SIGPIPE: what was not shown cannot be called valid. Every
data problem is printed as ``file:line: $.path: message``. ``--format json`` gives
machine-readable output on every command. A progress bar (with the ``cli`` extra) and
colour appear only on a terminal. Folders are searched for ``.jsonl`` and ``.json``
files, leaving out hidden ones (``.git``...).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from geoevents.dataset import Dataset
from geoevents.errors import (
    AmbiguousCountryError,
    DatasetError,
    GeoeventsWarning,
    InvalidValueError,
    RecordError,
    UnknownCountryError,
)
from geoevents.records import Event
from geoevents.report import Problem, Report

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_CUT = 0, 1, 2, 141
_SUFFIXES = (".jsonl", ".json")
_PROGRESS_BYTES = 8 * 1024 * 1024  # below this, reading takes well under a second


class _NothingReadError(Exception):
    """No row of a convert's input could be read: the output is left alone."""


class _UsageError(Exception):
    """A problem with the command line or the paths it names (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code.

    >>> main(["normalize-country", "Türkei", "Suriye"])  # doctest: +NORMALIZE_WHITESPACE
    TR	Türkiye	Türkei
    SY	Syrian Arab Republic	Suriye
    0
    >>> main(["normalize-country", "TU", "--system", "fips"])  # doctest: +NORMALIZE_WHITESPACE
    TR	Türkiye	TU
    0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    _readable_output()
    try:
        code: int = args.run(args)
    except _UsageError as exc:
        return _usage_error(args, str(exc))
    except BrokenPipeError:  # e.g. piped into `head`: the rest of the output is lost
        _discard_output()
        return EXIT_CUT
    except OSError as exc:  # a file that cannot be read or written
        where = os.fsdecode(exc.filename) if exc.filename is not None else None
        return _usage_error(args, f"{where}: {exc.strerror}" if where else str(exc))
    return code


def _usage_error(args: argparse.Namespace, message: str) -> int:
    print(f"geoevents: error: {message}", file=sys.stderr)
    if getattr(args, "format", None) == "json":  # a program reads stdout: tell it too
        _print_json({"ok": False, "usage_error": message})
    return EXIT_USAGE


def _readable_output() -> None:
    """Print what cannot be encoded (file names that are not UTF-8) as escapes, not fail."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _discard_output() -> None:
    """Send what is still buffered for a closed pipe nowhere, so exiting does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (tests)
        pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"geoevents: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="geoevents",
        description="Validate event records, show their timeline, normalize countries.",
    )

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    parser.set_defaults(run=usage)
    commands = parser.add_subparsers(title="commands", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        return sub

    validate = command("validate", "Validate JSON/JSONL files or folders of them.")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    validate.add_argument(
        "--allow-unknown", action="store_true", help="ignore unknown fields instead of reporting"
    )
    validate.set_defaults(run=_validate)

    timeline = command(
        "timeline", "Show records in date order, with ranges and disagreements between sources."
    )
    timeline.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the bundled syria-turkey-2025 dataset)",
    )
    timeline.set_defaults(run=_timeline)

    countries = command("normalize-country", "Resolve country names or codes to ISO 3166-1.")
    countries.add_argument(
        "texts",
        nargs="+",
        metavar="TEXT",
        help="country names or codes, in any language; - reads one a line from stdin",
    )
    countries.add_argument(
        "--system",
        choices=("alpha2", "alpha3", "numeric", "fips", "ioc", "gw"),
        help="the code system of code inputs (e.g. fips for GDELT, gw for UCDP)",
    )
    countries.add_argument("--fuzzy", action="store_true", help="accept close misspellings")
    countries.set_defaults(run=_normalize)

    schema = command("schema", "Print the JSON Schema (draft 2020-12) of the records.")
    schema.add_argument(
        "--with-header",
        action="store_true",
        help="accept a JSONL header line too, to check every line of a file",
    )
    schema.set_defaults(run=_schema)

    from geoevents.interop import FORMATS

    names = "; ".join(f"{k}: {v}" for k, v in FORMATS.items())
    convert = command(
        "convert",
        "Convert event data between formats, streaming, with a report of what was lost.",
    )
    convert.epilog = f"formats: {names}"
    convert.add_argument(
        "--from",
        dest="source_format",
        required=True,
        choices=tuple(FORMATS),
        help="the format of IN",
    )
    convert.add_argument(
        "--to",
        dest="target_format",
        required=True,
        choices=tuple(FORMATS),
        help="the format of OUT",
    )
    convert.add_argument(
        "--strict", action="store_true", help="fail on the first loss or bad row (exit 1)"
    )
    convert.add_argument(
        "--verbose", action="store_true", help="list every loss of every record (text format)"
    )
    convert.add_argument("input", metavar="IN", help="the file to read")
    convert.add_argument("output", metavar="OUT", help="the file to write (atomically)")
    convert.set_defaults(run=_convert)
    return parser


# --- reading ---------------------------------------------------------------------------


def _files(paths: Sequence[str]) -> list[Path]:
    """The data files named by *paths*, folders expanded (sorted), or a usage error."""
    found: dict[Path, Path] = {}  # by resolved path: a file named twice is read once
    for text in paths:
        path = Path(text)
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in _SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            )
            if not inside:
                msg = f"{text}: no .jsonl or .json files in this folder"
                raise _UsageError(msg)
            for p in inside:
                found.setdefault(_resolved(p), p)
        elif path.is_file():
            found.setdefault(_resolved(path), path)
        elif path.exists():
            msg = f"{text}: not a regular file"
            raise _UsageError(msg)
        else:
            msg = f"{text}: no such file or folder"
            raise _UsageError(msg)
    return list(found.values())


def _resolved(path: Path) -> Path:
    """*path* with every link followed, or a usage error (a loop of links)."""
    try:
        return path.resolve()
    except RuntimeError:  # Python 3.11 reports a loop of symbolic links this way
        msg = f"{path}: a loop of symbolic links"
        raise _UsageError(msg) from None


def _looks_binary(path: Path) -> bool:
    """Whether *path* starts as no text file does (UTF-16, Parquet, gzip...).

    That is NUL bytes among bytes that are not UTF-8, or NULs over a tenth of the bytes.
    A stray NUL inside a line of text is that line's error, reported with its number.
    """
    with path.open("rb") as handle:
        head = handle.read(8192)
    if b"\x00" not in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not merely a character cut at the end of the block
            return True
    return head.count(0) * 10 > len(head)


class _Loaded:
    """Entries read from files, with the file and line of every record and source."""

    def __init__(self) -> None:
        self.records: list[Event] = []
        self.sources: list[Any] = []
        self.errors: list[str] = []
        # Every place an id was read, in reading order: a repeated id is reported at
        # its repetition. Identical repeats of a source are merged, so not listed.
        self.record_places: dict[str, list[str]] = {}
        self.source_places: dict[str, list[str]] = {}
        self._first_source: dict[str, Any] = {}

    def add(self, entry: Any, place: str) -> None:
        from geoevents.sources import Source

        if isinstance(entry, Source):
            self.sources.append(entry)
            first = self._first_source.setdefault(entry.id, entry)
            if first is entry or entry != first:  # the first, or another source with its id
                self.source_places.setdefault(entry.id, []).append(place)
        else:
            self.records.append(entry)
            self.record_places.setdefault(entry.id, []).append(place)

    def dataset(self) -> Dataset:
        return Dataset(self.records, sources=self.sources)

    def places(self, problems: Sequence[Problem]) -> list[str | None]:
        """Where each problem's record (or source) was read, ``None`` when not from a file.

        Problems come in collection order, and a repeated id's problems follow its
        ``duplicate-id`` (or ``duplicate-source``) problem: each one moves on to the next
        place the id was read at.
        """
        seen: dict[tuple[bool, str], int] = {}
        found: list[str | None] = []
        for problem in problems:
            of_source = problem.rule == "duplicate-source"
            key = (of_source, problem.record)
            if problem.rule in ("duplicate-id", "duplicate-source"):
                seen[key] = seen.get(key, 0) + 1
            places = (self.source_places if of_source else self.record_places).get(
                problem.record, []
            )
            index = seen.get(key, 0)
            found.append(places[index] if index < len(places) else None)
        return found


def _load(files: list[Path], *, allow_unknown: bool = False) -> _Loaded:
    from geoevents.jsonio import read_jsonl

    loaded = _Loaded()
    total = sum(f.stat().st_size for f in files)
    with _progress(total) as advance:
        for path in files:
            if _looks_binary(path):
                loaded.errors.append(f"{path}: not a text file (it contains NUL bytes)")
                advance(path.stat().st_size)
                continue
            if path.suffix.lower() == ".json":
                _load_json(path, loaded, allow_unknown=allow_unknown)
                advance(path.stat().st_size)
                continue
            reader = read_jsonl(path, errors="collect", allow_unknown=allow_unknown)
            try:
                for entry in reader:
                    loaded.add(entry, f"{path}:{reader.line}")
            except DatasetError as exc:
                loaded.errors.append(str(exc))
            except RecordError as exc:  # a file of a newer schema version
                loaded.errors.extend(exc.lines())
            for error in reader.errors:
                loaded.errors.extend(error.lines())
            advance(path.stat().st_size)
    return loaded


def _load_json(path: Path, loaded: _Loaded, *, allow_unknown: bool) -> None:
    """Read a JSON document holding one entry or an array of entries."""
    from geoevents.jsonio import _header, _loads, from_dict

    try:
        document = _loads(path.read_bytes())
    except InvalidValueError as exc:
        loaded.errors.append(f"{path}: {exc}")
        return
    items = document if isinstance(document, list) else [document]
    for i, item in enumerate(items):
        if type(item) is dict and item.get("kind") == "header":  # as a JSONL file's first line
            at = f"$[{i}]" if isinstance(document, list) else "$"
            if i:
                message = "a header is allowed only as the first item"
                loaded.errors.append(f"{path}: {InvalidValueError(message, path=at)}")
                continue
            try:
                problems = _header(item, allow_unknown)[1]
            except InvalidValueError as exc:  # a newer version: the rest cannot be read
                loaded.errors.append(f"{path}: {exc.at(at)}")
                return
            loaded.errors.extend(f"{path}: {e.at(at)}" for e in problems)
            continue
        try:
            entry = from_dict(item, allow_unknown=allow_unknown)
        except RecordError as exc:
            prefix = f"$[{i}]" if isinstance(document, list) else "$"
            loaded.errors.extend(
                f"{path}: {e.at(prefix) if isinstance(e, InvalidValueError) else e}"
                for e in exc.exceptions
            )
            continue
        loaded.add(entry, f"{path}: $[{i}]" if isinstance(document, list) else str(path))


class _progress:  # noqa: N801 - used like a function
    """A progress bar over bytes on standard error, only for big inputs on a terminal."""

    def __init__(self, total: int) -> None:
        self._bar: Any = None
        if total >= _PROGRESS_BYTES and sys.stderr.isatty():
            try:
                from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
            except ImportError:  # pragma: no cover - the cli extra is optional
                return
            self._bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False)

    def __enter__(self) -> Any:
        bar = self._bar
        return (lambda n: None) if bar is None else bar.update

    def __exit__(self, *_exc: object) -> None:
        if self._bar is not None:
            self._bar.close()


# --- output ----------------------------------------------------------------------------


def _colour(text: str, code: str, stream: IO[str]) -> str:
    if stream.isatty() and "NO_COLOR" not in os.environ:
        return f"\033[{code}m{text}\033[0m"
    return text


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: escape, to stay valid JSON
        text = json.dumps(data, ensure_ascii=True, indent=2)
    print(text)


def _report_lines(report: Report, places: Sequence[str | None]) -> Iterator[str]:
    for p, place in zip(report.problems, places, strict=True):
        yield f"{place or p.record}: {p.path}: {p.severity.value}: {p.message} [{p.rule}]"


def _report_json(report: Report, places: Sequence[str | None]) -> dict[str, Any]:
    return {
        "problems": [
            {
                "severity": p.severity.value,
                "rule": p.rule,
                "record": p.record,
                "location": place,
                "path": p.path,
                "message": p.message,
            }
            for p, place in zip(report.problems, places, strict=True)
        ],
        "disagreements": [
            {
                "records": list(d.records),
                "fields": {
                    f.field: [
                        {"record": c.record, "sources": list(c.sources), "value": c.value}
                        for c in f.claims
                    ]
                    for f in d.fields
                },
            }
            for d in report.disagreements
        ],
    }


# --- commands --------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    loaded = _load(_files(args.paths), allow_unknown=args.allow_unknown)
    report = loaded.dataset().validate()
    places = loaded.places(report.problems)
    invalid = bool(loaded.errors) or not report.ok
    if args.format == "json":
        _print_json(
            {
                "valid": not invalid,
                "records": len(loaded.records),
                "sources": len(loaded.source_places),
                "errors": loaded.errors,
                **_report_json(report, places),
            }
        )
        return EXIT_INVALID if invalid else EXIT_OK
    for line in [*loaded.errors, *_report_lines(report, places)]:
        print(_colour(line, "31", sys.stdout))
    counts = (
        _plural(len(loaded.records), "record"),
        _plural(len(loaded.source_places), "source"),
        _plural(len(loaded.errors) + len(report.errors), "error"),
        _plural(len(report.warnings), "warning"),
        _plural(len(report.disagreements), "disagreement"),
    )
    summary = "{}, {}: {}, {}, {} between sources".format(*counts)
    print(summary, file=sys.stderr)
    return EXIT_INVALID if invalid else EXIT_OK


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _timeline(args: argparse.Namespace) -> int:
    loaded = _Loaded()  # the bundled dataset has no files: its problems name the record
    if args.paths:
        loaded = _load(_files(args.paths))
        dataset = loaded.dataset()
    else:
        from geoevents.datasets import load

        dataset = load("syria-turkey-2025")
    errors = loaded.errors
    timeline = dataset.timeline()
    report = dataset.validate()
    places = loaded.places(report.problems)
    if args.format == "json":
        _print_json(
            {
                "entries": [
                    {
                        "id": e.record.id,
                        "kind": e.record.kind,
                        "date": e.date,
                        "earliest": _iso(e.record.when.date.earliest),
                        "latest": _iso(e.record.when.date.latest),
                        "summary": e.record.summary,
                        "sources": list(e.record.sources),
                        "attributions": [a.chain for a in e.record.attributions],
                    }
                    for e in timeline.entries
                ],
                "errors": errors,
                **_report_json(report, places),
            }
        )
    else:
        print(
            f"{_plural(len(timeline), 'record')} from {_plural(len(dataset.sources), 'source')},"
            " each placed at its "
            "earliest possible day; ranges list every possible day ('..' = open end).\n"
        )
        print(timeline)
        # Problems go to stderr, so that the timeline alone can be saved or piped.
        for line in [*errors, *_report_lines(report, places)]:
            print(_colour(line, "31", sys.stderr), file=sys.stderr)
    return EXIT_INVALID if errors or not report.ok else EXIT_OK


def _iso(day: Any) -> str | None:
    return None if day is None else str(day.isoformat())


def _normalize(args: argparse.Namespace) -> int:
    from geoevents.normalize import normalize_country

    results: list[dict[str, Any]] = []
    code = EXIT_OK
    texts: Iterable[str] = args.texts
    if args.texts == ["-"]:  # a column, one value a line
        texts = (line.rstrip("\r\n") for line in sys.stdin)
    for text in texts:
        try:
            c = normalize_country(text, system=args.system, fuzzy=args.fuzzy)
        except AmbiguousCountryError as exc:
            code = EXIT_INVALID
            candidates = [{"alpha2": k.alpha2, "name": k.name} for k in exc.candidates]
            results.append({"input": text, "status": "ambiguous", "candidates": candidates})
        except UnknownCountryError as exc:
            code = EXIT_INVALID
            reason = exc.message + (f" ({exc.hint})" if exc.hint and not exc.suggestions else "")
            # The library's hint names its keyword argument; here it is a flag.
            reason = re.sub(r"pass system='(\w+)'", r"pass --system \1", reason)
            results.append(
                {
                    "input": text,
                    "status": "unknown",
                    "reason": reason,
                    "suggestions": list(exc.suggestions),
                }
            )
        else:
            results.append({"input": text, "status": "ok", "alpha2": c.alpha2, "name": c.name})
    if args.format == "json":
        _print_json(results)
        return code
    for r in results:
        shown = r["input"] if r["input"].isprintable() else repr(r["input"])  # one row each
        if r["status"] == "ok":
            print(f"{r['alpha2']}\t{r['name']}\t{shown}")
        elif r["status"] == "ambiguous":
            names = ", ".join(f"{c['alpha2']} ({c['name']})" for c in r["candidates"])
            print(_colour(f"?\tambiguous: {names}\t{shown}", "33", sys.stdout))
        else:
            hint = f" (did you mean {', '.join(r['suggestions'][:3])}?)" if r["suggestions"] else ""
            print(_colour(f"-\t{r['reason']}{hint}\t{shown}", "31", sys.stdout))
    return code


def _schema(args: argparse.Namespace) -> int:
    from geoevents.schema import json_schema

    schema = json_schema(header=args.with_header)
    if args.format == "json":
        print(json.dumps(schema, ensure_ascii=False))
    else:
        _print_json(schema)
    return EXIT_OK


class _Counting(io.RawIOBase):
    """A binary file wrapper that reports bytes read to a progress callback."""

    def __init__(self, handle: Any, advance: Any) -> None:
        super().__init__()
        self._handle = handle
        self._advance = advance
        self.name = handle.name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n: int = self._handle.readinto(buffer)
        self._advance(n)
        return n


def _convert(args: argparse.Namespace) -> int:
    from geoevents.interop import InteropError, read, write

    source = Path(args.input)
    if not source.is_file():
        msg = f"{args.input}: no such file"
        raise _UsageError(msg)
    output = Path(args.output)
    if _resolved(output) == _resolved(source):
        msg = f"{args.output}: the output would overwrite the input"
        raise _UsageError(msg)
    if output.is_dir() or not _resolved(output).parent.is_dir():
        msg = f"{args.output}: {'a folder' if output.is_dir() else 'no such folder'}, not a file"
        raise _UsageError(msg)
    losses: dict[str, int] = {}
    details: list[str] = []
    counts = {"rows": 0, "records": 0, "with_losses": 0}
    reader: Any = None

    def tally(items: Any) -> Any:
        for item in items:
            counts["rows"] += 1
            counts["records"] += item.record is not None
            counts["with_losses"] += bool(item.losses)
            for loss in item.losses:
                key = f"{loss.field}: {loss.kind.value}"
                losses[key] = losses.get(key, 0) + 1
                if args.verbose:
                    details.append(f"{args.input}:{item.line}: {loss}")
            yield item
        if not counts["rows"] and getattr(items, "errors", None):
            raise _NothingReadError  # abandons the write: an existing output stays as it was

    errors: list[str] = []
    written = skipped = 0
    with (
        source.open("rb") as handle,
        _progress(source.stat().st_size) as advance,
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always", GeoeventsWarning)
        stream = io.BufferedReader(_Counting(handle, advance))
        try:
            reader = read(args.source_format, stream, strict=args.strict)
            report = write(
                args.target_format,
                args.output,
                strict=args.strict,
                **_with_header(tally(reader), reader, args),
            )
            written, skipped = report.written, report.skipped
            for record_id, lost in report.losses:
                for loss in lost:
                    key = f"{args.target_format} {loss.field}: {loss.kind.value}"
                    losses[key] = losses.get(key, 0) + 1
                    if args.verbose:
                        details.append(f"{record_id}: {args.target_format}: {loss}")
        except InteropError as exc:
            errors.append(str(exc))
        except RecordError as exc:
            errors.extend(exc.lines())
        except _NothingReadError:
            errors.append(f"{args.output}: not written, since no row of the input could be read")
        except OSError as exc:
            errors.append(f"{args.output}: cannot write: {exc.strerror}")
    errors[:0] = [str(e) for e in getattr(reader, "errors", ())]
    return _convert_report(
        args,
        counts,
        written=written,
        skipped=skipped,
        losses=losses,
        details=details,
        errors=errors,
        notes=_notes(caught, args.input),
    )


def _with_header(rows: Any, reader: Any, args: argparse.Namespace) -> dict[str, Any]:
    """The rows as ``items``; with the header's name and description when JSONL goes to JSONL.

    The header is the input's first line, read with the first row; the rows are given
    back whole.
    """
    if not args.source_format == args.target_format == "jsonl":
        return {"items": rows}
    first = list(itertools.islice(rows, 1))
    header = reader.header
    kept = {} if header is None else {"dataset": header.dataset, "description": header.description}
    return {"items": itertools.chain(first, rows), **kept}


def _notes(caught: list[warnings.WarningMessage], source: str) -> list[str]:
    """The format's own warnings as lines of the report; any other is shown as usual."""
    notes = []
    for warning in caught:
        if issubclass(warning.category, GeoeventsWarning):
            notes.append(f"{source}: warning: {warning.message}")
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return notes


def _convert_report(
    args: argparse.Namespace,
    counts: dict[str, int],
    *,
    written: int,
    skipped: int,
    losses: dict[str, int],
    details: list[str],
    errors: list[str],
    notes: list[str],
) -> int:
    """Print what a conversion did; return its exit code."""
    invalid = bool(errors)
    if args.format == "json":
        _print_json(
            {
                "ok": not invalid,
                "from": args.source_format,
                "to": args.target_format,
                "rows": counts["rows"],
                "records": counts["records"],
                "written": written,
                "skipped": skipped,
                "rows_with_losses": counts["with_losses"],
                "losses": dict(sorted(losses.items())),
                "errors": errors,
                "warnings": notes,
            }
        )
        return EXIT_INVALID if invalid else EXIT_OK
    for line in notes:
        print(_colour(line, "33", sys.stdout))
    for line in [*details, *errors]:
        print(_colour(line, "31", sys.stdout))
    for key, n in sorted(losses.items()):
        print(f"{n}\t{key}")
    target = args.target_format
    if target == "jsonl":  # sources are lines of their own
        done = f"{written} {'entry' if written == 1 else 'entries'} written (records and sources)"
    else:
        done = f"{_plural(written, 'row')} written"
    if skipped:
        done += f", {skipped} not written ({target} cannot hold {'it' if skipped == 1 else 'them'})"
    lossy = f"{counts['with_losses']} with losses on reading"
    if counts["with_losses"] and target != args.source_format:
        lossy += f" (the values lost are not in {args.output})"
    print(
        f"{_plural(counts['rows'], 'row')} read, {done}, {lossy}, {_plural(len(errors), 'error')}",
        file=sys.stderr,
    )
    return EXIT_INVALID if invalid else EXIT_OK

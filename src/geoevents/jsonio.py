"""JSON and JSON Lines in and out: strict, streaming, atomic, with errors that say where.

One JSON object is one entry: a record of any kind or a :class:`~geoevents.sources.Source`,
tagged by ``kind`` and versioned by ``schema`` (see :mod:`geoevents.converter`). A JSONL
file holds one entry per line, after an optional header line
``{"kind":"header","schema":1}``; :func:`write_jsonl` always writes the header.

Output is compact UTF-8 (``ensure_ascii=False``, separators ``,`` and ``:``, required
fields then the others, newline line ends) and byte-identical whether or not orjson (the
``fast`` extra) is installed. orjson is used only where it gives the same answer as
:mod:`json`: its output is taken when no float in it is written differently, and its parse
is taken when re-encoding it proves the input had no duplicate keys (it writes as many
colons as the input holds, with none escaped); everything else goes through :mod:`json`
with duplicate keys, ``NaN`` and ``Infinity`` refused.

Every failure is a :class:`~geoevents.errors.RecordError` whose lines read
``file:line: $.path: problem``.
"""

from __future__ import annotations

import gc
import importlib
import io
import itertools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Final, Literal, final

import attrs

from geoevents import migrations as _migrations
from geoevents._atomic import replace_bytes
from geoevents._encoders import compile_float_check
from geoevents._streams import FileArg, lines_of
from geoevents.converter import (
    ENTRY_KINDS,
    Entry,
    _key_path,
    default_converter,
    json_type,
    transform_error,
)
from geoevents.dataset import Dataset
from geoevents.errors import DatasetError, InvalidValueError, RecordError

if TYPE_CHECKING:
    from types import TracebackType

__all__ = [
    "MAX_LINE_LENGTH",
    "Entry",
    "JsonlHeader",
    "JsonlReader",
    "from_dict",
    "from_json",
    "read_jsonl",
    "to_dict",
    "to_json",
    "write_jsonl",
]

MAX_LINE_LENGTH: Final = 16 * 1024 * 1024
"""The longest JSONL line read (in bytes, or characters for text files); longer is an error."""

_USE_ORJSON = True  # tests switch this off to force the standard-library path
_UNSET: Final[Any] = object()
_orjson_module: Any = _UNSET
_HEADER_KEYS: Final = frozenset({"kind", "schema", "dataset", "description"})
_BLANK: Final = " \t\r\n"  # JSON's whitespace
_BLANK_BYTES: Final = _BLANK.encode()
_BATCH: Final = 1_024  # lines decoded at a time by JsonlReader
_UNPROVEN: Final[Any] = object()  # orjson refused a text, or its parse could not be proven


def _orjson() -> Any:
    """Return the orjson module if it is installed and enabled, else ``None``."""
    global _orjson_module  # noqa: PLW0603 - imported on first use, to keep imports fast
    if not _USE_ORJSON:
        return None
    if _orjson_module is _UNSET:
        try:
            _orjson_module = importlib.import_module("orjson")
        except ImportError:  # pragma: no cover - the fast extra is installed in tests
            _orjson_module = None
    return _orjson_module


# ----------------------------------------------------------------- encoding

_std_encode: Final = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False
).encode


def _encode_entry(record: Entry) -> bytes:
    """Encode a record as compact UTF-8, identically with or without orjson.

    orjson writes some floats below 1e-4 unlike ``float.__repr__`` (``0.00001`` for
    ``1e-05``); the record's float fields, read by a check generated per class, say
    whether its output can be used.
    """
    encode, floats_unlike_repr = _encoders(record)
    data = encode(record)
    orjson = _orjson()
    if orjson is not None and (floats_unlike_repr is None or not floats_unlike_repr(record)):
        out: bytes = orjson.dumps(data)
        return out
    return _std_encode(data).encode("utf-8")


# ----------------------------------------------------------------- decoding


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        counts = Counter(key for key, _ in pairs)
        key = next(key for key, _ in pairs if counts[key] > 1)
        msg = f"duplicate key {key!r} in an object"
        raise ValueError(msg)
    return result


def _no_constants(name: str) -> Any:
    msg = f"{name} is not valid JSON"
    raise ValueError(msg)


_std_decode: Final = json.JSONDecoder(
    object_pairs_hook=_unique_keys, parse_constant=_no_constants
).decode


def _std_loads(data: str | bytes) -> Any:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidValueError(
                f"invalid UTF-8 at byte {exc.start + 1}", hint="save the file as UTF-8"
            ) from None
    try:
        # RFC 8259 lets a parser ignore a leading byte order mark; editors still write one.
        # Whitespace around the value is the decoder's to skip, so columns stay true.
        return _std_decode(data.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:
        raise json_syntax_error(exc) from None


def json_syntax_error(
    exc: ValueError | RecursionError, *, with_line: bool = True
) -> InvalidValueError:
    """The error of a text the json module refused, worded alike wherever JSON is read.

    The line within the text is named when it is not the first, unless *with_line* is
    false: for a caller that reports the line of the file itself.
    """
    if isinstance(exc, json.JSONDecodeError):
        # Some of the json module's messages end in "at" ("Invalid control character at").
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if with_line and exc.lineno > 1
            else f"column {exc.colno}"
        )
        return InvalidValueError(f"malformed JSON: {exc.msg.removesuffix(' at')} at {where}")
    if isinstance(exc, RecursionError):
        return InvalidValueError(
            "malformed JSON: nested too deeply", hint="records nest only a few levels"
        )
    if "digits" in str(exc):  # an integer longer than Python converts
        return InvalidValueError("malformed JSON: a number too long to read (over 4,300 digits)")
    return InvalidValueError(f"malformed JSON: {exc}")  # duplicate keys, NaN, Infinity


def _orjson_loads(data: str | bytes) -> Any:
    r"""Parse one JSON text with orjson when that is provably right, else ``_UNPROVEN``.

    orjson keeps the last of repeated keys silently, so its parse is taken only with a
    proof that no key was repeated, whatever the spacing, order or escapes of the text.
    Outside strings, a colon appears once per object member; inside them, JSON writes a
    colon as itself or as ``\u003a``. With no ``\u003`` in the input, every colon of a
    parsed string stands for one in the input, so re-encoding gives as many colons as
    the input has only if every member of the input survived the parse: a repeated key
    drops one. orjson also reads an integer past 64 bits as a float, which it writes with
    ``e+``; such output is left to the json module, which keeps the integer.
    """
    orjson = _orjson()
    if orjson is None:
        return _UNPROVEN
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError:
        return _UNPROVEN  # the json module gives the error (the same message on both paths)
    try:
        out: bytes = orjson.dumps(obj)
    except orjson.JSONEncodeError:  # nested deeper than orjson writes (255 levels)
        return _UNPROVEN
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    if out == raw:  # as orjson writes it: the input holds what was parsed, and no more
        return obj
    proven = raw.count(b":") == out.count(b":") and b"\\u003" not in raw
    return obj if proven and b"e+" not in out else _UNPROVEN


def _loads(data: str | bytes) -> Any:
    """Parse one JSON text strictly; raise InvalidValueError (path ``$``) when it is not.

    orjson's parse when it is provably right, else the json module's, which refuses
    repeated keys itself.
    """
    obj = _orjson_loads(data)
    return _std_loads(data) if obj is _UNPROVEN else obj


# ----------------------------------------------------------------- records


def _entry_hook(allow_unknown: bool) -> Callable[[Any, Any], Entry]:
    hook = _ENTRY_HOOKS.get(allow_unknown)
    if hook is None:
        hook = _ENTRY_HOOKS[allow_unknown] = default_converter(
            allow_unknown=allow_unknown
        ).get_structure_hook(Entry)
    return hook


_ENTRY_HOOKS: dict[bool, Callable[[Any, Any], Entry]] = {}


def _structure(data: Any, allow_unknown: bool, source: str | None, line: int | None) -> Entry:
    hook = _entry_hook(allow_unknown)
    try:
        entry: Entry = hook(data, Entry)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a located RecordError
        raise _record_error(transform_error(exc), source, line) from None
    return entry


def _record_error(
    errors: list[InvalidValueError], source: str | None, line: int | None
) -> RecordError:
    count = len(errors)
    return RecordError(
        f"{count} problem{'s' if count != 1 else ''} in an entry", errors, source=source, line=line
    )


def to_dict(record: Entry) -> dict[str, Any]:
    """Return the JSON-ready dict of a record or source: ``kind``, ``schema``, then fields.

    Required fields come first, then the others, each in class order; fields holding
    their default are left out.

    Args:
        record: a record of any kind, or a :class:`~geoevents.sources.Source`.

    Raises:
        TypeError: *record* is neither.

    >>> from geoevents import Source, SourceKind
    >>> to_dict(Source(id="ap-1", outlet="AP", kind=SourceKind.WIRE))
    {'kind': 'source', 'schema': 1, 'id': 'ap-1', 'outlet': 'AP', 'source_kind': 'wire'}
    """
    return _encoders(record)[0](record)


def _encoders(record: Entry) -> tuple[Callable[[Any], dict[str, Any]], Any]:
    """The dict encoder of a record's class, and its test for floats orjson writes unlike repr."""
    found = _ENCODERS.get(type(record))
    if found is None:
        kind = type(record)
        if kind not in ENTRY_KINDS.values():
            msg = f"to_dict() takes a record or a Source, not {kind.__name__}"
            raise TypeError(msg)
        encode = default_converter().get_unstructure_hook(kind)
        found = _ENCODERS[kind] = (encode, compile_float_check(kind))
    return found


_ENCODERS: dict[type, tuple[Callable[[Any], dict[str, Any]], Any]] = {}


def from_dict(data: Any, *, allow_unknown: bool = False) -> Entry:
    """Build a record or source from its dict, checking everything and upgrading old versions.

    Args:
        data: a dict as :func:`to_dict` returns, or as JSON decodes (``dict`` subclasses
            such as ``OrderedDict``, anywhere inside, are read as dicts).
        allow_unknown: ignore unknown keys instead of reporting them.

    Raises:
        RecordError: every problem found, each with its path.

    >>> from_dict({"kind": "source", "schema": 1, "id": "ap-1", "outlet": "AP"})
    Source(id='ap-1', outlet='AP', kind=<SourceKind.UNKNOWN: 'unknown'>, title=None, url=None, author=None, published=None, language=None, notes=None)
    >>> from_dict({"kind": "source", "schema": 1, "id": "ap-1", "outlet": 5})
    Traceback (most recent call last):
    ...
    geoevents.errors.RecordError: $.outlet: expected a string, got number: 5
    """  # noqa: E501
    try:
        return _structure(data, allow_unknown, None, None)
    except RecordError:
        # The decoders take exact dicts (JSON parsers' output), so one holding a dict
        # subclass is read again as plain dicts; the walk is paid only then.
        try:
            plain = _plain(data)
        except RecursionError:  # nested too deeply: the first error stands
            plain = data
        if plain is data:
            raise
    return _structure(plain, allow_unknown, None, None)


def _plain(value: Any) -> Any:
    """*value* with every ``dict`` subclass inside made a ``dict``; itself if none was."""
    if isinstance(value, dict):
        items = {key: _plain(item) for key, item in value.items()}
        same = type(value) is dict and all(items[key] is item for key, item in value.items())
        return value if same else items
    if type(value) is list:
        converted = [_plain(item) for item in value]
        return value if all(a is b for a, b in zip(converted, value, strict=True)) else converted
    return value


def to_json(record: Entry) -> str:
    """Return a record or source as one line of compact JSON (no trailing newline).

    >>> from geoevents import Source
    >>> to_json(Source(id="ap-1", outlet="Associated Press"))
    '{"kind":"source","schema":1,"id":"ap-1","outlet":"Associated Press"}'
    """
    return _encode_entry(record).decode("utf-8")


def from_json(data: str | bytes, *, allow_unknown: bool = False) -> Entry:
    """Read a record or source from JSON text (a ``str``, or UTF-8 ``bytes``).

    Args:
        data: one JSON object.
        allow_unknown: ignore unknown keys instead of reporting them.

    Raises:
        RecordError: malformed JSON (with duplicate keys, ``NaN``, invalid UTF-8...) or
            an invalid entry; every problem at once, each with its path.
        TypeError: *data* is neither ``str`` nor ``bytes``.

    >>> from_json('{"kind":"source","schema":1,"id":"ap-1","outlet":"AP"}').outlet
    'AP'
    >>> from_json('{"kind":"source","schema":1,"id":"ap-1","id":"ap-2"}')
    Traceback (most recent call last):
    ...
    geoevents.errors.RecordError: $: malformed JSON: duplicate key 'id' in an object
    """
    if not isinstance(data, (str, bytes)):
        msg = f"from_json takes str or bytes, not {type(data).__name__}"
        raise TypeError(msg)
    try:
        obj = _loads(data)
    except InvalidValueError as exc:
        raise _record_error([exc], None, None) from None
    return _structure(obj, allow_unknown, None, None)


# ----------------------------------------------------------------- JSONL


@final
@attrs.frozen(kw_only=True)
class JsonlHeader:
    """The first line of a JSONL file: its schema version, and optionally what it holds.

    >>> JsonlHeader(schema=1, dataset="syria-turkey-2025").dataset
    'syria-turkey-2025'
    """

    schema: int
    dataset: str | None = None
    description: str | None = None


def _read_errors() -> tuple[type[Exception], ...]:
    """The errors of a file whose content fails to read: I/O, or a compressed stream.

    A compressed stream cut short or corrupt raises OSError or EOFError (gzip, bz2), or
    its module's own error (zlib, lzma).
    """
    found: list[type[Exception]] = [OSError, EOFError]
    for module, name in (("zlib", "error"), ("lzma", "LZMAError")):
        if module in sys.modules:  # a stream of that kind loaded it; else none can raise it
            found.append(getattr(sys.modules[module], name))
    return tuple(found)


def _batch(lines: Iterator[Any], waiting: Callable[[], bool] | None) -> list[Any]:
    """The next lines to decode together: up to ``_BATCH`` of them.

    From a stream (*waiting* given), a batch also ends where no more input waits, so
    that an entry never waits for lines still to come (``tail -f``); a stream that keeps
    up, such as a file piped in, still fills whole batches.
    """
    if waiting is None:
        return list(itertools.islice(lines, _BATCH))
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH or not waiting():
            break
    return batch


def _name_of(file: Any) -> str:
    if isinstance(file, (str, os.PathLike)):
        return os.fspath(file)
    name = getattr(file, "name", None)
    return name if isinstance(name, str) and name else "<stream>"  # GzipFile over bytes: ""


def _header(
    obj: dict[str, Any], allow_unknown: bool
) -> tuple[JsonlHeader | None, list[InvalidValueError]]:
    """Check a header line: the header, or every problem (a newer version raises)."""
    errors: list[InvalidValueError] = []
    version = obj.get("schema")
    if "schema" not in obj:
        errors.append(
            InvalidValueError(
                "missing required field",
                path="$.schema",
                hint=f'add "schema": {_migrations.SCHEMA_VERSION}',
            )
        )
    else:
        try:
            _migrations.check_version(version)
        except InvalidValueError as exc:
            if type(version) is int and version > _migrations.SCHEMA_VERSION:
                raise  # a newer file cannot be read at all
            errors.append(exc)
    errors.extend(
        InvalidValueError(
            f"expected a string, got {json_type(obj[key])}",
            path=f"$.{key}",
            value=None if isinstance(obj[key], (dict, list)) else obj[key],
        )
        for key in ("dataset", "description")
        if key in obj and type(obj[key]) is not str
    )
    if not allow_unknown:
        errors.extend(
            InvalidValueError("unknown field in the header", path=_key_path(k))
            for k in obj
            if k not in _HEADER_KEYS
        )
    if errors:
        return None, errors
    header = JsonlHeader(
        schema=obj["schema"], dataset=obj.get("dataset"), description=obj.get("description")
    )
    return header, []


class JsonlReader(Iterator[Entry]):
    """A streaming iterator over the entries of a JSONL file; :func:`read_jsonl` makes one.

    Lines are read and decoded 1,024 at a time, so a file of any size needs memory only
    for one such batch and the entries the caller keeps. While a batch is decoded the
    cyclic garbage collector is paused (if it was running), since nothing decoded can form
    a cycle; it runs again between batches. From a stream that cannot seek (a pipe, a
    socket, a terminal) a batch also ends where the lines that have arrived end, so each
    entry comes as soon as its line does (``tail -f`` and the like), while a file piped
    in still goes in whole batches. Blank lines are skipped; a header line is checked and
    kept in :attr:`header`, not yielded.

    A file that fails to read part-way (a compressed stream cut short, a disk error) gives
    the entries of every whole line before the failure, then an error naming the line.

    With ``errors="raise"`` the first bad line raises its :class:`RecordError` (entries
    before it have been yielded). With ``errors="collect"`` bad lines are appended to
    :attr:`errors` as they are met and reading goes on, so every good line is yielded.
    A file written by a newer geoevents (its header's ``schema``) raises in both modes.

    Attributes:
        source: the file name used in error messages.
        errors: the bad lines met so far (``errors="collect"`` only).
        line: the 1-based line number of the entry last yielded (0 before the first).
        header: the header line, once read, or ``None``.

    The reader is also a context manager that closes the file it opened.

    Raises:
        TypeError: *file* is neither a path nor a file object, or *max_line_length* (the
            longest line read, :data:`~geoevents.jsonio.MAX_LINE_LENGTH` by default) is not an int.
        ValueError: *errors* is neither ``"raise"`` nor ``"collect"``, or
            *max_line_length* is below 1.
    """

    def __init__(
        self,
        file: FileArg,
        *,
        errors: Literal["raise", "collect"] = "raise",
        allow_unknown: bool = False,
        max_line_length: int = MAX_LINE_LENGTH,
    ) -> None:
        if errors not in ("raise", "collect"):
            msg = f"errors must be 'raise' or 'collect', not {errors!r}"
            raise ValueError(msg)
        if isinstance(max_line_length, bool) or not isinstance(max_line_length, int):
            msg = f"max_line_length must be an int, not {type(max_line_length).__name__}"
            raise TypeError(msg)
        if max_line_length < 1:
            msg = f"max_line_length must be at least 1, not {max_line_length}"
            raise ValueError(msg)
        if not isinstance(file, (str, os.PathLike)) and not hasattr(file, "readline"):
            msg = f"read_jsonl takes a path or a file object, not {type(file).__name__}"
            raise TypeError(msg)
        self.source: str = _name_of(file)
        self.line: int = 0
        self.errors: list[RecordError] = []
        self.header: JsonlHeader | None = None
        self._collect = errors == "collect"
        self._allow_unknown = allow_unknown
        self._max = max_line_length
        self._entries = self._read(file)

    def __iter__(self) -> JsonlReader:
        return self

    def __next__(self) -> Entry:
        return next(self._entries)

    def close(self) -> None:
        """Stop reading and close the file if the reader opened it."""
        self._entries.close()

    def __enter__(self) -> JsonlReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _fail(self, errors: list[InvalidValueError], line: int) -> None:
        error = _record_error(errors, self.source, line)
        if not self._collect:
            raise error
        self.errors.append(error)

    def _read(self, file: FileArg) -> Generator[Entry]:
        if isinstance(file, (str, os.PathLike)):
            try:
                handle: IO[Any] | io.BufferedIOBase = open(file, "rb")  # noqa: SIM115 - closed in finally
            except OSError as exc:
                msg = f"{self.source}: cannot read: {exc.strerror}"
                raise DatasetError(msg) from exc
            owned = True
        else:
            handle, owned = file, False
        try:
            # A line is read at most cap + 2 bytes at a time (see _lines): no more ahead.
            yield from self._entries_of(*lines_of(handle, self._max + 2))
        finally:
            if owned:
                handle.close()

    def _entries_of(
        self, readline: Callable[[int], Any], waiting: Callable[[], bool] | None
    ) -> Generator[Entry]:
        hook = _entry_hook(self._allow_unknown)
        lines = self._lines(readline)
        while batch := _batch(lines, waiting):
            # What the decoders build holds no reference cycles, so the collector has
            # nothing to find in it; pausing it for a batch spares many of the passes over
            # a growing heap that otherwise take a fifth to a quarter of a bulk read. It
            # runs again, as before, between batches and while the caller has the entries.
            paused = gc.isenabled()
            if paused:
                gc.disable()
            try:
                outcomes = [
                    self._decode(number, line, first, hook) for number, line, first in batch
                ]
            finally:
                if paused:
                    gc.enable()
            for (number, _, _), outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome, list):
                    self._fail(outcome, number)  # raises in "raise" mode, after the lines before
                elif isinstance(outcome, JsonlHeader):
                    self.header = outcome
                else:
                    self.line = number
                    yield outcome

    def _lines(self, readline: Callable[[int], Any]) -> Iterator[tuple[int, Any, bool]]:
        """Number each non-blank line, flag the first, and replace overlong ones by errors."""
        cap = self._max
        number = 0
        first = True
        # Room for the line, "\r" and "\n": a line cut short at cap + 2 is too long.
        while line := self._readline(readline, cap + 2, number + 1):
            if isinstance(line, InvalidValueError):
                yield number + 1, line, first
                return
            number += 1
            if len(line) == cap + 2 and line[-1:] not in ("\n", b"\n"):
                rest = line
                while rest and rest[-1:] not in ("\n", b"\n"):  # skip the rest of it
                    rest = self._readline(readline, cap, number)
                    if isinstance(rest, InvalidValueError):
                        yield number, rest, first
                        return
                line = None
            else:
                # JSON's own whitespace only: text and binary files read alike (str.strip
                # would also take no-break spaces and the like). Leading whitespace stays,
                # for the parser to skip, so that an error's column is the line's own.
                line = line.rstrip(_BLANK if isinstance(line, str) else _BLANK_BYTES)
                if not line:
                    continue
            if line is None or len(line) > cap:
                yield (
                    number,
                    InvalidValueError(f"line longer than {cap:,} bytes", hint="skipped"),
                    first,
                )
            else:
                yield number, line, first
            first = False

    @staticmethod
    def _readline(readline: Callable[[int], Any], size: int, number: int) -> Any:
        """The next line, or an error where the file cannot be read or decoded.

        A file opened in text mode decodes ahead of the line read, in blocks, and cannot go
        on after a bad byte: reading stops there, after the lines before it. So it does
        after any other failure to read (a compressed stream cut short, a disk error).
        """
        try:
            return readline(size)
        except UnicodeDecodeError as exc:
            return InvalidValueError(
                f"cannot decode the text at or after line {number} ({exc.reason}): reading stopped",
                hint="open the file in binary mode ('rb') to read every good line",
            )
        except io.UnsupportedOperation:  # a file not open for reading: the caller's mistake
            raise
        except _read_errors() as exc:
            return InvalidValueError(
                f"cannot read the file at or after line {number} "
                f"({type(exc).__name__}: {exc}): reading stopped"
            )

    def _decode(
        self, number: int, line: Any, first: bool, hook: Callable[[Any, Any], Entry]
    ) -> Entry | JsonlHeader | list[InvalidValueError]:
        """One line's entry, header or problems (a newer file raises at once)."""
        if isinstance(line, InvalidValueError):
            return [line]
        try:
            obj = _loads(line)
        except InvalidValueError as exc:
            return [exc]
        if type(obj) is dict and obj.get("kind") == "header":
            return self._read_header(obj, number, first=first)
        try:
            return hook(obj, Entry)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a RecordError
            return transform_error(exc)

    def _read_header(
        self, obj: dict[str, Any], number: int, *, first: bool
    ) -> JsonlHeader | list[InvalidValueError]:
        if not first:
            return [
                InvalidValueError(
                    "a header is allowed only on the first line",
                    path="$.kind",
                    hint="remove it, or split the file",
                )
            ]
        try:
            header, errors = _header(obj, self._allow_unknown)
        except InvalidValueError as exc:  # a newer version: the file cannot be read
            raise _record_error([exc], self.source, number) from None
        return errors if header is None else header


def read_jsonl(
    file: FileArg,
    *,
    errors: Literal["raise", "collect"] = "raise",
    allow_unknown: bool = False,
) -> JsonlReader:
    r"""Stream the entries (records and sources) of a JSONL file.

    Args:
        file: a path, or a file object opened in text or binary mode.
        errors: ``"raise"`` to stop at the first bad line, ``"collect"`` to gather bad
            lines in the reader's ``errors`` list and go on.
        allow_unknown: ignore unknown keys instead of reporting them.

    Returns:
        A :class:`JsonlReader`: iterate it for the entries; after (or during) iteration
        ``reader.errors`` holds the bad lines and ``reader.header`` the header.

    Raises:
        DatasetError: the file cannot be opened (raised on first iteration).
        RecordError: a bad line (``errors="raise"``), or a file of a newer schema version.
        TypeError: *file* is neither a path nor a file object.
        ValueError: *errors* is neither ``"raise"`` nor ``"collect"``.

    >>> import io
    >>> text = ('{"kind":"header","schema":1}\n'
    ...         '{"kind":"source","schema":1,"id":"ap-1","outlet":"AP"}\n'
    ...         '{"kind":"source","schema":1,"id":"ap-2"}\n')
    >>> reader = read_jsonl(io.StringIO(text), errors="collect")
    >>> [s.id for s in reader]
    ['ap-1']
    >>> print(reader.errors[0])
    <stream>:3: $.outlet: missing required field
    """
    return JsonlReader(file, errors=errors, allow_unknown=allow_unknown)


def write_jsonl(
    path: str | os.PathLike[str],
    records: Iterable[Entry] | Dataset,
    *,
    dataset: str | None = None,
    description: str | None = None,
) -> int:
    """Write a header line and one entry per line, atomically.

    The lines go to a temporary file in the same folder, which is flushed, synced to disk
    and then renamed over *path*. If anything fails half-way (a bad record, a full disk, an
    exception raised by *records*), the temporary file is removed and an existing file at
    *path* is left untouched. A replaced file keeps its permission bits; a new one gets
    what ``open()`` would give it (the umask applies). A symbolic link at *path* stays a
    link: the file it points to is replaced.

    Args:
        path: the file to write.
        records: records and sources, in the order to write them, or a
            :class:`~geoevents.Dataset` (its sources, then its records).
        dataset: a name for the collection, stored in the header.
        description: what the collection holds, stored in the header.

    Returns:
        The number of entries written (the header not counted).

    Raises:
        DatasetError: an entry would make a line longer than :data:`MAX_LINE_LENGTH`, which
            :func:`read_jsonl` would refuse.
        OSError: the file cannot be written (the error names *path*).
        TypeError: *dataset* or *description* is not a string, or an item of *records* is
            neither a record nor a source.
        ValueError: *dataset* or *description* holds a lone surrogate.

    >>> import pathlib, tempfile
    >>> from geoevents import Source
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_jsonl(folder / "sources.jsonl", [Source(id="ap-1", outlet="AP")], dataset="demo")
    1
    >>> print((folder / "sources.jsonl").read_text(), end="")
    {"kind":"header","schema":1,"dataset":"demo"}
    {"kind":"source","schema":1,"id":"ap-1","outlet":"AP"}
    """
    header: dict[str, Any] = {"kind": "header", "schema": _migrations.SCHEMA_VERSION}
    for key, value in (("dataset", dataset), ("description", description)):
        if value is not None:
            if not isinstance(value, str):
                msg = f"{key} must be a str, not {type(value).__name__}"
                raise TypeError(msg)
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                msg = f"{key} holds a lone surrogate, which UTF-8 cannot encode: {value!r}"
                raise ValueError(msg) from None
            header[key] = value
    if isinstance(records, Dataset):
        records = records.entries()
    count = 0
    with replace_bytes(path) as file:
        write = file.write
        write(_std_encode(header).encode("utf-8") + b"\n")  # strings and an int
        for record in records:
            line = _encode_entry(record)
            if len(line) > MAX_LINE_LENGTH:
                msg = (
                    f"{os.fspath(path)}: entry {count + 1} is {len(line):,} bytes as JSON, over "
                    f"the {MAX_LINE_LENGTH:,}-byte line limit of read_jsonl; nothing was written"
                )
                raise DatasetError(msg)
            write(line + b"\n")
            count += 1
    return count

"""The machinery every format shares: the loss account, strict mode, streaming and writing.

How nothing is lost silently
----------------------------
A reader turns each row into an :class:`Imported`: the geoevents record, the sources it
cites, the **losses** (which fields the record does not hold, or holds approximately) and
the **residual**: the original text of exactly those fields. The residual is computed, not
guessed: after a row is converted, the format's writer renders the record back into a
row, and every field whose rendering differs from the original (or that the writer cannot
produce at all) is kept verbatim in the residual and listed as a loss:

* ``dropped``: the record has no place for the field (GDELT's ``NumMentions``, UCDP's
  ``relid``, ACLED's ``inter1``);
* ``approximated``: the record holds it, but not exactly (ACLED ``time_precision`` 2 is a
  ±3 day interval around the day given; a UCDP count with ``low > best`` keeps ``best``
  only).

Writing a record back into its own format renders the record and overlays the residual,
so ``format -> geoevents -> same format`` reproduces every field by construction, while the
loss account says precisely what a conversion to another format (or to geoevents JSONL,
which has no residual) gives up. Records that did not come from the target format are
checked the other way round when written: the row is read back and every record field
that does not survive is reported.

With ``strict=True`` any loss, on reading or writing, raises :class:`InteropError`.
Rows that cannot be converted at all are reported with ``file:line`` and the column and
skipped (or raise, when strict); good rows are kept.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import enum
import hashlib
import io
import os
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, Any, ClassVar, Final, final

import attrs

from geoevents._atomic import replace_text
from geoevents._checks import has_control
from geoevents._streams import FileArg
from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.records import Event
from geoevents.sources import Source
from geoevents.temporal import Dating, DatingMethod, FuzzyDate

__all__ = [
    "ABSENT",
    "Imported",
    "InteropError",
    "InteropReader",
    "Loss",
    "LossKind",
    "WriteReport",
]

ABSENT: Final = "\x00absent"
"""Residual value of a field the original did not have (a GDELT 1.0 row without SOURCEURL)."""

Row = dict[str, Any]
_SEEN_LIMIT: Final = 200_000


class LossKind(enum.StrEnum):
    """How a field fared in a conversion."""

    DROPPED = "dropped"
    """The record has no place for it (kept in the row's residual, not in the record)."""
    APPROXIMATED = "approximated"
    """The record holds it, but not exactly."""


@final
@attrs.frozen
class Loss:
    """One field that a conversion could not represent exactly.

    Args:
        field: the format's column or key (``"NumMentions"``), or a record path
            (``"$.actors"``) when writing.
        kind: dropped or approximated.
        message: what happened, in one sentence.

    >>> str(Loss("inter1", LossKind.DROPPED, "no place in a record"))
    'inter1: dropped: no place in a record'
    """

    field: str
    kind: LossKind
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.kind.value}: {self.message}"


_DROPPED_CACHE: dict[str, Loss] = {}


def dropped(field: str) -> Loss:
    """The (shared) loss of a field the record has no place for."""
    loss = _DROPPED_CACHE.get(field)
    if loss is None:
        loss = _DROPPED_CACHE.setdefault(
            field,
            Loss(
                field, LossKind.DROPPED, "no place in a geoevents record; the imported row keeps it"
            ),
        )
    return loss


class InteropError(InvalidValueError):
    """A row that cannot be converted, or (in strict mode) a loss; says ``file:line``.

    Attributes:
        source: the file name (``"<stream>"`` for file objects without a name).
        line: the 1-based line where the row starts (``None`` when writing).

    >>> str(InteropError("not a date", path="$.event_date", value="2022-13-01",
    ...                  source="a.csv", line=3))
    "a.csv:3: $.event_date: not a date: '2022-13-01'"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "$",
        value: object = None,
        hint: str | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message, path=path, value=value, hint=hint)
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = ":".join(
            p for p in (self.source, None if self.line is None else str(self.line)) if p
        )
        return f"{where}: {super().__str__()}" if where else super().__str__()


def _freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@final
@attrs.frozen(kw_only=True)
class Imported:
    """One converted row: the record, its sources, what was lost, and the original rest.

    Args:
        record: the record (``None`` for a row that is not an event, such as PLOVER's
            ``DOCUMENT`` header; it is kept so a round trip reproduces it).
        sources: every source the record cites.
        new_sources: those of *sources* this reader had not yielded before.
        losses: the fields not represented exactly.
        residual: the original values of those fields, by column or key.
        format: the format name (``"acled"``).
        line: the 1-based line where the row starts.
    """

    record: Event | None
    sources: tuple[Source, ...] = ()
    new_sources: tuple[Source, ...] = ()
    losses: tuple[Loss, ...] = ()
    residual: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze)
    format: str
    line: int = 0


@attrs.define
class WriteReport:
    """What a writer did: how many rows it wrote and, per record id, what it lost."""

    written: int = 0
    skipped: int = 0
    losses: list[tuple[str, tuple[Loss, ...]]] = attrs.field(factory=list)


def source_name(file: Any) -> str:
    """The name of *file* for messages."""
    if isinstance(file, (str, os.PathLike)):
        return os.fspath(file)
    name = getattr(file, "name", None)
    return name if isinstance(name, str) else "<stream>"


@contextlib.contextmanager
def open_text(file: FileArg) -> Iterator[IO[str]]:
    """Open a path, or wrap a binary file object, as UTF-8 text with newlines kept.

    A byte order mark (which spreadsheet programs write) is skipped. Bytes that are not
    UTF-8 become lone surrogates instead of stopping the read: :func:`invalid_utf8`
    finds them, so the rows holding them are reported and the others kept.
    """
    if isinstance(file, (str, os.PathLike)):
        with open(file, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            yield handle
    elif isinstance(file, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(file, "mode", ""):
        wrapper = io.TextIOWrapper(
            file,  # type: ignore[type-var]
            encoding="utf-8-sig",
            errors="surrogateescape",
            newline="",
        )
        try:
            yield wrapper
        finally:
            wrapper.detach()
    else:
        yield file  # type: ignore[misc]


_SAVE_AS_UTF8: Final = "save the file as UTF-8"


def invalid_utf8(text: str) -> bool:
    """Whether *text* was read from bytes that are not UTF-8 (see :func:`open_text`)."""
    if text.isascii():  # the common case, answered without looking at the characters
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def undecodable_error(path: str = "$") -> InvalidValueError:
    """The error for a value or line holding bytes that are not UTF-8."""
    return InvalidValueError("not UTF-8 text", path=path, hint=_SAVE_AS_UTF8)


def _checked_lines(handle: IO[str], undecodable: list[int]) -> Iterator[str]:
    for number, text in enumerate(handle, 1):
        if invalid_utf8(text):
            undecodable.append(number)
        yield text


# ----------------------------------------------------------------- helpers for formats

_SLUG: Final = re.compile(r"[^A-Za-z0-9]+")


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id: *prefix*, a readable slug and a short hash of the exact text.

    >>> stable_id("acled:source", "Página 12")
    'acled:source:pagina-12-c77e144a'
    """
    text = "\x1f".join(parts)
    ascii_text = unicodedata.normalize("NFKD", parts[0]).encode("ascii", "ignore").decode()
    slug = _SLUG.sub("-", ascii_text).strip("-").lower()[:60] or "x"
    digest = hashlib.blake2s(text.encode("utf-8"), digest_size=4).hexdigest()
    return f"{prefix}:{slug}-{digest}"


def imported_dating(date: FuzzyDate, rule: str) -> Dating:
    """A date taken from another dataset, with the rule that produced it."""
    return Dating(date=date, method=DatingMethod.IMPORTED, rule=rule)


def fmt_float(value: float | None, *, whole: str = "") -> str:
    """A coordinate as written most briefly (``-45.8644``, ``31``), or ``""``.

    Whole numbers get *whole* appended (``".0"`` for formats that write ``31.0``).

    >>> fmt_float(-45.8644), fmt_float(31.0), fmt_float(31.0, whole=".0"), fmt_float(None)
    ('-45.8644', '31', '31.0', '')
    """
    if value is None:
        return ""
    return str(int(value)) + whole if value.is_integer() else repr(value)


def clean_text(text: str, column: str, losses: list[Loss]) -> str:
    r"""*text* with control characters (mojibake such as ``\x91``) replaced by U+FFFD.

    A replacement is recorded in *losses* as an approximation.

    >>> losses = []
    >>> clean_text("San\x91a", "ActionGeo_FullName", losses), len(losses)
    ('San\ufffda', 1)
    """
    if text.isprintable():
        return text
    if "\r" in text:  # Windows or old Mac line breaks inside a field: one convention
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        losses.append(Loss(column, LossKind.APPROXIMATED, "line breaks written as \\n"))
    cleaned = _replace_controls(text, allow_newlines=True)
    if cleaned != text:
        losses.append(Loss(column, LossKind.APPROXIMATED, "control characters replaced by U+FFFD"))
    return cleaned


# What the formats write; Python's float() and int() would also take "1_0", " 5",
# "inf" and digits of every script ("٣").
_FLOAT: Final = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_INT: Final = re.compile(r"[-+]?[0-9]+")


@contextlib.contextmanager
def at_column(where: str | Mapping[str, str]) -> Iterator[None]:
    """Report a value that fails inside the block at the column it came from.

    Records, actors and places check their own fields and name them (``$.name``); a
    reader's user knows the file's columns (``$.actor1``). *where* is the column of
    everything built in the block, or a mapping from the paths errors name to columns;
    other paths are left as they are.
    """
    try:
        yield
    except InvalidValueError as exc:
        path = exc.path.partition("[")[0]  # $.tags[3] is the tags column
        column = where if isinstance(where, str) else where.get(path)
        if column is not None:
            exc.path = f"$.{column}"
            exc.args = (str(exc),)
        raise


def parse_float(text: str, column: str) -> float | None:
    """A decimal number, or ``None`` for an empty field.

    >>> parse_float("32.7", "latitude"), parse_float("NA", "latitude")
    (32.7, None)
    """
    if text in ("", "NA"):
        return None
    if not _FLOAT.fullmatch(text):
        raise InvalidValueError("not a number", path=f"$.{column}", value=text)
    return float(text)


def parse_int(text: str, column: str) -> int | None:
    """A whole number, or ``None`` for an empty field.

    >>> parse_int("12", "fatalities"), parse_int("", "fatalities")
    (12, None)
    """
    if text in ("", "NA"):
        return None
    if not _INT.fullmatch(text) or len(text) > 20:
        raise InvalidValueError("not a whole number", path=f"$.{column}", value=text)
    return int(text)


_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str, column: str, *, time_follows: bool = False) -> datetime.date:
    """A day written ``YYYY-MM-DD``; with *time_follows*, a time after it is ignored.

    ``date.fromisoformat`` alone would also take ``20220630`` and week dates.

    >>> parse_day("2020-09-16 00:00:00.000", "date_start", time_follows=True)
    datetime.date(2020, 9, 16)
    """
    try:
        if not _DAY.match(text) or not (len(text) == 10 or (time_follows and text[10] in " T")):
            raise ValueError
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        raise InvalidValueError(
            "not a date", path=f"$.{column}", value=text, hint="YYYY-MM-DD"
        ) from None


def one_line(text: str, limit: int) -> str:
    r"""*text* on one line, cut to *limit* characters with an ellipsis.

    Control characters left once whitespace is collapsed become U+FFFD, as in
    :func:`clean_text`: the row is kept, and the writer's read-back reports the change.

    >>> one_line(" Clashes\n in\x01 Sweida ", 500)
    'Clashes in\ufffd Sweida'
    """
    flat = " ".join(text.split())
    if not flat.isprintable():
        flat = _replace_controls(flat, allow_newlines=False)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _replace_controls(text: str, *, allow_newlines: bool) -> str:
    """*text* with each character that :func:`has_control` refuses replaced by U+FFFD."""
    return "".join("\ufffd" if has_control(c, allow_newlines=allow_newlines) else c for c in text)


@final
class CountryNames:
    """A format's own spellings of countries, where they differ from the ISO short names.

    Read before :func:`~geoevents.normalize_country`, so that a name means what the format
    means by it ("Congo" is one country in UCDP and ICEWS, ambiguous elsewhere), and
    written back instead of the ISO name, so that rows round-trip.
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)  # alpha-2 -> the format's name
        self._countries: dict[str, Country] | None = None  # built on first read

    def name(self, country: Country) -> str:
        """The format's name of *country*: its own spelling, else the ISO short name."""
        return self._names.get(country.alpha2, country.name)

    def country(self, name: str) -> Country | None:
        """The country the format means by *name*, if it is one of its own spellings."""
        if self._countries is None:
            self._countries = {text: Country(a2) for a2, text in self._names.items()}
        return self._countries.get(name)


def usable_tag(text: str, limit: int) -> bool:
    """Whether *text* can be a record's tag as it is (others are left out, and reported)."""
    return len(text) <= limit and not has_control(text, allow_newlines=False)


class SeenSet:
    """A bounded set of recently seen ids, so streaming dedup keeps memory flat.

    An id that left the window is reported as new again; identical repeats of a source are
    harmless (a :class:`~geoevents.dataset.Dataset` merges them).
    """

    def __init__(self, limit: int = _SEEN_LIMIT) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._limit = limit

    def add(self, key: str) -> bool:
        """Record *key*; return whether it was new."""
        ids = self._ids
        if key in ids:
            ids.move_to_end(key)
            return False
        ids[key] = None
        if len(ids) > self._limit:
            ids.popitem(last=False)
        return True


# ----------------------------------------------------------------- the format protocol


class TableFormat:
    """A delimited format: column names, how to parse a row and how to render a record.

    Subclasses set :attr:`name`, :attr:`columns`, :attr:`delimiter`, :attr:`header`, and
    implement :meth:`parse` and :meth:`render`. :attr:`record_columns` names the column
    behind each record field that :meth:`parse` fills from one column, for errors.
    """

    name: ClassVar[str]
    title: ClassVar[str]  # for messages: "not the header of an ACLED export"
    columns: ClassVar[tuple[str, ...]]
    record_columns: ClassVar[Mapping[str, str]] = MappingProxyType({})
    delimiter: ClassVar[str] = ","
    quoted: ClassVar[bool] = True
    header: ClassVar[bool] = True
    widths: ClassVar[frozenset[int]] = frozenset()
    empty_is_absent: ClassVar[bool] = True
    _known: ClassVar[list[type[TableFormat]]] = []  # every format, to name a mistaken one

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            TableFormat._known.append(cls)

    def other_format(self, *, header: list[str] | None = None, width: int = 0) -> str | None:
        """A hint naming another format with this *header*, or rows of this *width*.

        For a file read as one format that looks like another.
        """
        for other in TableFormat._known:
            if other.name == self.name or other.header != (header is not None):
                continue
            if header is not None and list(other.columns) == header:
                return f"the header of {other.title}: read it as {other.name!r}"
            if header is None and width in (other.widths or {len(other.columns)}):
                return f"as rows of {other.title} have: read it as {other.name!r}"
        return None

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one row (column -> text) into a record, its sources and semantic losses.

        Raises:
            InvalidValueError: the row cannot be converted; ``path`` names the column.
        """
        raise NotImplementedError

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The columns this format can derive from *record* (the others are left out)."""
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------

    def convert(self, row: Row, line: int, name: str, seen: SeenSet) -> Imported:
        """Parse *row*, then compute its residual and losses by rendering it back."""
        with at_column(self.record_columns):
            record, sources, losses = self.parse(row)
        residual: dict[str, Any] = {}
        if record is None:
            residual = dict(row)
        else:
            by_id = {s.id: s for s in sources}
            rendered = self.render(record, by_id)
            covered = {loss.field for loss in losses}
            for column, original in row.items():
                value = rendered.get(column)
                if value == original or (value is None and original == "" and self.empty_is_absent):
                    continue
                residual[column] = original
                if column not in covered:
                    losses.append(
                        dropped(column)
                        if value is None
                        else Loss(
                            column,
                            LossKind.APPROXIMATED,
                            f"converts back as {value!r}; the imported row keeps the original",
                        )
                    )
            for column in rendered.keys() - row.keys():
                residual[column] = ABSENT
        new = tuple(s for s in sources if seen.add(s.id))
        return Imported(
            record=record,
            sources=tuple(sources),
            new_sources=new,
            losses=tuple(losses),
            residual=residual,
            format=self.name,
            line=line,
        )

    def rows(self, handle: IO[str]) -> Iterator[tuple[int, list[str] | InvalidValueError]]:
        """Yield (first line number, fields) for each row, or the error of a row unread.

        A row that is not UTF-8 or not well-formed CSV is one error; reading goes on with
        the next row.
        """
        undecodable: list[int] = []  # lines holding bytes that are not UTF-8
        lines = _checked_lines(handle, undecodable)
        if not self.quoted:
            delimiter = self.delimiter
            for number, text in enumerate(lines, 1):
                fields = text.rstrip("\r\n").split(delimiter)
                yield number, self._undecodable(fields) if undecodable else fields
                undecodable.clear()
            return
        reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
        last = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader starts afresh on the next line
                yield last + 1, InvalidValueError(f"malformed CSV: {exc}")
            else:
                yield last + 1, self._undecodable(fields) if undecodable else fields
            undecodable.clear()
            last = reader.line_num

    def _undecodable(self, fields: list[str]) -> InvalidValueError:
        column = next(
            (name for name, text in zip(self.columns, fields, strict=False) if invalid_utf8(text)),
            None,
        )
        return undecodable_error("$" if column is None else f"$.{column}")

    def format_row(self, values: list[str]) -> str:
        """One output line for *values*."""
        if self.quoted:
            out = io.StringIO()
            csv.writer(out, delimiter=self.delimiter, lineterminator="\n").writerow(values)
            return out.getvalue()
        return self.delimiter.join(values) + "\n"


class InteropReader(Iterator[Imported]):
    """A streaming iterator over the :class:`Imported` rows of one file.

    A table format's rows are read by the reader itself; a format with its own layout
    passes *entries*, which gets the reader and the file opened as text (or, with
    *opens_file*, the file as given, to open itself).

    Attributes:
        source: the file name used in messages.
        errors: the rows that could not be converted (not with ``strict=True``, which
            raises the first one).
        rows: data rows read so far; ``converted`` of them became records.
        header: for ``jsonl``, the file's :class:`~geoevents.jsonio.JsonlHeader` once the
            first row is read (``None`` for a file without one, and for other formats).
    """

    def __init__(
        self,
        fmt: Any,
        file: FileArg,
        *,
        strict: bool = False,
        entries: Callable[[InteropReader, IO[str]], Iterator[Imported]] | None = None,
        opens_file: bool = False,
    ) -> None:
        self.format = fmt
        self.source = source_name(file)
        self.strict = strict
        self.errors: list[InteropError] = []
        self.rows = 0
        self.converted = 0
        self.seen = SeenSet()
        self.header: Any = None
        self._file = file
        self._entries = entries
        self._opens_file = opens_file
        self._it = self._run()

    def __iter__(self) -> InteropReader:
        return self

    def __next__(self) -> Imported:
        return next(self._it)

    def close(self) -> None:
        """Stop reading and close the file if the reader opened it."""
        self._it.close()

    def fail(self, exc: InvalidValueError, line: int) -> None:
        """Report a bad row: raise when strict, else collect it."""
        error = InteropError(
            exc.message,
            path=exc.path,
            value=exc.value,
            hint=exc.hint,
            source=self.source,
            line=line,
        )
        if self.strict:
            raise error from None
        self.errors.append(error)

    def check_strict(self, item: Imported) -> Imported:
        """Raise on the first loss of *item* when strict."""
        if self.strict and item.losses:
            loss = item.losses[0]
            raise InteropError(
                f"{loss.kind.value}: {loss.message} (strict mode)",
                path=f"$.{loss.field}",
                value=item.residual.get(loss.field),
                source=self.source,
                line=item.line,
            )
        return item

    def _run(self) -> Generator[Imported]:
        if self._opens_file and self._entries is not None:
            yield from self._entries(self, self._file)  # type: ignore[arg-type]
            return
        with open_text(self._file) as handle:
            if self._entries is not None:
                yield from self._entries(self, handle)
                return
            yield from self._table(handle)

    def _table(self, handle: IO[str]) -> Iterator[Imported]:
        fmt: TableFormat = self.format
        columns = fmt.columns
        widths = fmt.widths or frozenset({len(columns)})
        rows = fmt.rows(handle)
        if fmt.header:
            first = next(rows, None)
            if first is None:
                return
            if first[1] != list(columns):
                found = first[1]
                other = (
                    None if isinstance(found, InvalidValueError) else fmt.other_format(header=found)
                )
                self.fail(
                    found
                    if isinstance(found, InvalidValueError)
                    else InvalidValueError(
                        f"not the header of {fmt.title}",
                        value=fmt.delimiter.join(found[:5]),
                        hint=other or f"expected the columns {', '.join(columns[:4])}, ...",
                    ),
                    first[0],
                )
                return
        for line, fields in rows:
            if fields in ([], [""]):
                continue
            self.rows += 1
            if isinstance(fields, InvalidValueError):
                self.fail(fields, line)
                continue
            if len(fields) not in widths:
                expected = " or ".join(map(str, sorted(widths)))
                other = fmt.other_format(width=len(fields))
                self.fail(
                    InvalidValueError(
                        f"{len(fields)} fields, expected {expected}",
                        hint=other or "a truncated or wrongly separated row",
                    ),
                    line,
                )
                continue
            row = dict(zip(columns, fields, strict=False))
            try:
                item = fmt.convert(row, line, self.source, self.seen)
            except InvalidValueError as exc:
                self.fail(exc, line)
                continue
            self.converted += 1
            yield self.check_strict(item)


# ----------------------------------------------------------------- writing


def collect_sources(
    items: Iterable[Any], cache: OrderedDict[str, Source], limit: int = _SEEN_LIMIT
) -> Iterator[tuple[Event | None, Imported | None]]:
    """Walk entries (records, sources, :class:`Imported`), remembering recent sources."""
    for item in items:
        if isinstance(item, Source):
            cache[item.id] = item
        elif isinstance(item, Imported):
            for s in item.sources:
                cache[s.id] = s
            yield item.record, item
        elif isinstance(item, Event):
            yield item, None
        else:
            msg = f"cannot write a {type(item).__name__}"
            raise TypeError(msg)
        while len(cache) > limit:
            cache.popitem(last=False)


def carries_sources(item: Imported | None) -> bool:
    """Whether a row without a record holds sources (a JSONL source line): nothing lost."""
    return item is not None and bool(item.sources)


def note_losses(
    report: WriteReport, record: Event, back: Event | None, target: str, *, strict: bool
) -> bool:
    """Note what *record* loses in *target* (read *back* from its row); whether to write it.

    A row the format's own reader would refuse (*back* is ``None``) is not written: it
    is counted as skipped, with its loss, so nothing unreadable lands in the file.

    Raises:
        InteropError: with *strict*, at the first loss.
    """
    losses = record_losses(record, back, target)
    if losses:
        if strict:
            loss = losses[0]
            raise InteropError(
                f"{loss.kind.value}: {loss.message} (strict mode)",
                path=loss.field,
                source=f"record {record.id}",
            )
        report.losses.append((record.id, losses))
    if back is None:
        report.skipped += 1
        return False
    return True


def record_losses(before: Event, after: Event | None, target: str) -> tuple[Loss, ...]:
    """The record fields that did not survive writing to *target* and reading back."""
    if after is None:
        return (Loss("$", LossKind.DROPPED, f"{target} cannot express this record"),)
    losses = []
    if type(after) is not type(before):
        losses.append(
            Loss("$.kind", LossKind.APPROXIMATED, f"{before.kind} reads back as {after.kind}")
        )
    for field in attrs.fields(type(before)):
        mine = getattr(before, field.name)
        if not hasattr(after, field.name):
            if mine != field.default and not (
                isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
                and mine == field.default.factory()
            ):
                losses.append(
                    Loss(f"$.{field.name}", LossKind.DROPPED, f"not expressible in {target}")
                )
            continue
        if field.name != "id" and getattr(after, field.name) != mine:
            losses.append(
                Loss(
                    f"$.{field.name}", LossKind.APPROXIMATED, f"not exactly expressible in {target}"
                )
            )
    return tuple(losses)


@contextlib.contextmanager
def atomic_text(target: FileArg) -> Iterator[IO[str]]:
    """Write text to *target*: a path atomically (temp file + rename), or a file object."""
    if not isinstance(target, (str, os.PathLike)):
        if isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
            target, "mode", ""
        ):
            wrapper = io.TextIOWrapper(target, encoding="utf-8", newline="")  # type: ignore[type-var]
            try:
                yield wrapper
            finally:
                wrapper.flush()
                wrapper.detach()
        else:
            yield target  # type: ignore[misc]
        return
    with replace_text(target) as out:
        yield out


def write_table(
    fmt: TableFormat,
    target: FileArg,
    items: Iterable[Any],
    *,
    strict: bool = False,
) -> WriteReport:
    """Write records (with their residuals, when imported from *fmt*) as *fmt* rows."""
    report = WriteReport()
    cache: OrderedDict[str, Source] = OrderedDict()
    columns = fmt.columns
    with atomic_text(target) as out:
        if fmt.header:
            out.write(fmt.format_row(list(columns)))
        for record, imported in collect_sources(items, cache):
            residual: Mapping[str, Any] = {}
            if imported is not None and imported.format == fmt.name:
                residual = imported.residual
                row = {} if record is None else fmt.render(record, cache)
            elif record is None:
                report.skipped += not carries_sources(imported)
                continue
            else:
                row = fmt.render(record, cache)
                back = read_back(fmt, row)
                if not note_losses(report, record, back, fmt.name, strict=strict):
                    continue
            values = [_value(c, row, residual) for c in columns]
            while values and values[-1] is ABSENT:
                values.pop()
            out.write(fmt.format_row(values))
            report.written += 1
    return report


def _value(column: str, row: Row, residual: Mapping[str, Any]) -> Any:
    if column in residual:
        return residual[column]
    value = row.get(column, "")
    return "" if value is None else value


def read_back(fmt: TableFormat, row: Row) -> Event | None:
    """The record *fmt* reads from the *row* it rendered, or ``None`` if it refuses it.

    A table format gets every column (empty where the row has none); a format without
    fixed columns (PLOVER's objects) gets the row as it is.
    """
    full = {c: ("" if row.get(c) is None else row.get(c, "")) for c in fmt.columns}
    try:
        return fmt.parse(full if fmt.columns else row)[0]
    except InvalidValueError:
        return None

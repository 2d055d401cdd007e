"""PLOVER / POLECAT JSON records in and out (a JSON array, or JSON Lines).

Mapping (see :mod:`geoevents.interop._common` for losses and the residual):

* ``id`` -> ``plover:<id>``; ``event`` -> the PLOVER type, with 0.5 labels migrated to the
  current ones (DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; the
  original label is kept in the residual). Kinds: REQUEST/DEMAND with an actor and a
  recipient -> :class:`~geoevents.records.Request`; FIGHT -> :class:`~geoevents.records.Clash`;
  CONSULT with two or more parties -> :class:`~geoevents.records.Meeting`; else
  :class:`~geoevents.records.Event`. ``DOCUMENT`` header records are not events: they are
  reported and kept whole, so a round trip reproduces them.
* ``source``/``target`` (0.5) or ``actor``/``recipient`` (current) -> actors (country from
  an ISO alpha-3 ``code``; ``sector`` GOV/MIL/REB -> the actor kind).
* ``date`` -> the day, method ``imported`` (the gold standard uses the placeholder
  2000-01-01); ``mode`` -> ``plover_mode``; ``context`` (comma-joined) -> tags
  ``plover-context:<context>``; ``text`` -> the summary; ``eventLoc`` -> the location;
  ``publication`` -> the source.

A JSON array is parsed whole (the samples are small); JSON Lines stream line by line.
Round trips reproduce every object with its keys in order (JSON values, not bytes: the
gold-standard file's hand formatting is not reproduced).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, ClassVar, Final

from geoevents._streams import FileArg
from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.interop._common import (
    ABSENT,
    Imported,
    InteropReader,
    Loss,
    LossKind,
    Row,
    TableFormat,
    WriteReport,
    at_column,
    atomic_text,
    carries_sources,
    collect_sources,
    imported_dating,
    invalid_utf8,
    note_losses,
    one_line,
    read_back,
    stable_id,
    undecodable_error,
    usable_tag,
)
from geoevents.jsonio import json_syntax_error
from geoevents.location import Location
from geoevents.records import Clash, Event, Meeting, PloverType, Request
from geoevents.sources import Attribution, Source
from geoevents.temporal import FuzzyDate

__all__ = ["read_plover", "write_plover"]

_KEYS: Final = "\x00keys"
_MIGRATED: Final = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
_SECTORS: Final = {
    "GOV": ActorKind.GOVERNMENT,
    "MIL": ActorKind.MILITARY,
    "REB": ActorKind.ARMED_GROUP,
    "INS": ActorKind.ARMED_GROUP,
    "MED": ActorKind.MEDIA,
}
_MODE: Final = re.compile(r"[a-z][a-z_-]{0,39}")
_BLANK: Final = re.compile(r"[ \t\n\r]*")  # JSON's whitespace
_RULE: Final = "PLOVER date (the 0.5 gold standard uses the placeholder 2000-01-01)"
_CONTEXT: Final = "plover-context:"


def _country(code: object) -> Country | None:
    if isinstance(code, str) and len(code) in (2, 3) and code.isupper():
        try:
            return Country(code)
        except InvalidValueError:
            return None
    return None


def _actors(row: Row, *keys: str) -> list[Actor]:
    """The actors of the first of *keys* in *row* (field names differ between versions)."""
    key = next((k for k in keys if k in row), keys[0])
    value = row.get(key)
    if not isinstance(value, list):
        return []
    found = []
    for i, item in enumerate(value):
        if isinstance(item, dict) and isinstance(item.get("actorText"), str) and item["actorText"]:
            with at_column(f"{key}[{i}].actorText"):
                sector = item.get("sector")
                found.append(
                    Actor(
                        kind=_SECTORS.get(sector, ActorKind.ORGANISATION)
                        if isinstance(sector, str)
                        else ActorKind.ORGANISATION,
                        name=one_line(item["actorText"], 300),
                        country=_country(item.get("code")),
                    )
                )
    return found


class PloverFormat(TableFormat):
    """PLOVER JSON objects (0.5 gold standard or current field names)."""

    name: ClassVar[str] = "plover"
    title: ClassVar[str] = "a PLOVER file"
    columns: ClassVar[tuple[str, ...]] = ()
    record_columns: ClassVar[Mapping[str, str]] = {"$.id": "id"}
    empty_is_absent: ClassVar[bool] = False

    def parse(self, row: Row) -> tuple[Event | None, list[Source], list[Loss]]:
        """Convert one PLOVER object."""
        label = row.get("event")
        if label == "DOCUMENT":
            return None, [], [Loss("event", LossKind.DROPPED, "a DOCUMENT header, not an event")]
        if not isinstance(label, str) or _MIGRATED.get(label, label) not in PloverType.__members__:
            raise InvalidValueError("not a PLOVER event type", path="$.event", value=label)
        plover = PloverType(_MIGRATED.get(label, label))
        if not isinstance(row.get("id"), str):
            raise InvalidValueError("missing id", path="$.id", value=row.get("id"))
        try:
            date = FuzzyDate(row.get("date"))  # type: ignore[arg-type]
        except InvalidValueError:
            raise InvalidValueError("not a date", path="$.date", value=row.get("date")) from None
        first = _actors(row, "actor", "source")
        second = _actors(row, "recipient", "target")
        publication = row.get("publication")
        outlet = publication if isinstance(publication, str) and publication else "unknown"
        with at_column("publication"):
            source = Source(id=stable_id("plover:source", outlet), outlet=one_line(outlet, 300))
        mode = row.get("mode")
        context = row.get("context")
        contexts = (
            [c.strip() for c in context.split(",") if c.strip()] if isinstance(context, str) else []
        )
        loc = row.get("eventLoc")
        location = None
        if isinstance(loc, dict) and isinstance(loc.get("name"), str):
            with at_column("eventLoc.name"):
                location = Location(name=loc["name"], country=_country(loc.get("country code")))
        text = row.get("text") or row.get("eventText") or label
        fields: dict[str, Any] = {
            "id": f"plover:{row['id']}",
            "when": imported_dating(date, _RULE),
            "summary": one_line(str(text), 500) or label,
            "attributions": (Attribution(source=source.id),),
            "location": location,
            "plover": plover,
            "plover_mode": mode if isinstance(mode, str) and _MODE.fullmatch(mode) else None,
            "tags": tuple(f"{_CONTEXT}{c}" for c in contexts if usable_tag(c, 80)),
        }
        record: Event
        if plover is PloverType.REQUEST and first and second:
            extra = [Participant(actor=a, role=Role.REQUESTER) for a in first[1:]]
            extra += [Participant(actor=a, role=Role.ADDRESSEE) for a in second[1:]]
            record = Request(requester=first[0], addressee=second[0], actors=extra, **fields)
        elif label == "FIGHT" and first:
            record = Clash(sides=first + second, **fields)
        elif plover is PloverType.CONSULT and len(first + second) >= 2:
            record = Meeting(parties=first + second, **fields)
        else:
            actors = [Participant(actor=a, role=Role.INITIATOR) for a in first]
            actors += [Participant(actor=a, role=Role.TARGET) for a in second]
            record = Event(actors=actors, **fields)
        return record, [source], []

    def render(self, record: Event, sources: Mapping[str, Source]) -> Row:
        """The PLOVER keys derivable from *record* (current vocabulary)."""
        row: Row = {"id": record.id.removeprefix("plover:"), "date": str(record.when.date)}
        if record.plover is not None:
            row["event"] = record.plover.value
        if record.plover_mode is not None:
            row["mode"] = record.plover_mode
        contexts = [t.removeprefix(_CONTEXT) for t in record.tags if t.startswith(_CONTEXT)]
        if contexts:
            row["context"] = ", ".join(contexts)
        row["text"] = record.summary
        cited = [sources[a.source] for a in record.attributions if a.source in sources]
        if cited:
            row["publication"] = cited[0].outlet
        return row


def _objects(reader: InteropReader, handle: IO[str]) -> Iterator[Imported]:
    fmt: PloverFormat = reader.format
    head = handle.read(1)
    first = 1  # the line of head
    while head.isspace():
        first += head == "\n"
        head = handle.read(1)
    if head == "[":
        numbered: Iterable[tuple[int, str, Any]] = _elements(reader, head + handle.read(), first)
    else:
        numbered = _lines(reader, head, handle, first)
    for number, where, obj in numbered:
        reader.rows += 1
        if not isinstance(obj, dict):
            reader.fail(InvalidValueError("expected a JSON object", path=where), number)
            continue
        try:
            item = fmt.convert(obj, number, reader.source, reader.seen)
        except InvalidValueError as exc:
            reader.fail(exc, number)
            continue
        residual = dict(item.residual)
        residual[_KEYS] = list(obj)
        reader.converted += item.record is not None
        yield reader.check_strict(
            Imported(
                record=item.record,
                sources=item.sources,
                new_sources=item.new_sources,
                losses=item.losses,
                residual=residual,
                format=item.format,
                line=number,
            )
        )


def _elements(reader: InteropReader, text: str, first: int) -> Iterator[tuple[int, str, Any]]:
    """Each element of a JSON array with the line it starts on, until the array breaks.

    Elements are parsed one at a time, so those before a syntax error are still read,
    and each is located by its line (*text* starts on line *first*).
    """
    decode = json.JSONDecoder().raw_decode
    counted, line = 0, first

    def blank(pos: int) -> int:  # the end of the whitespace at pos
        found = _BLANK.match(text, pos)
        return pos if found is None else found.end()

    def line_at(pos: int) -> int:  # positions only grow
        nonlocal counted, line
        line += text.count("\n", counted, pos)
        counted = pos
        return line

    pos = blank(1)
    index = 0
    if text.startswith("]", pos):
        pos += 1
    else:
        while True:
            try:
                obj, end = decode(text, pos)
            except (ValueError, RecursionError) as exc:
                at = line_at(pos)
                if isinstance(exc, json.JSONDecodeError):
                    at = exc.lineno + first - 1
                reader.fail(json_syntax_error(exc, with_line=False), at)  # the file's line
                return
            if invalid_utf8(text[pos:end]):
                reader.fail(undecodable_error(f"$[{index}]"), line_at(pos))
            else:
                yield line_at(pos), f"$[{index}]", obj
            index += 1
            pos = blank(end)
            if text.startswith("]", pos):
                pos += 1
                break
            if not text.startswith(",", pos):
                reader.fail(InvalidValueError("malformed JSON: expected ',' or ']'"), line_at(pos))
                return
            pos = blank(pos + 1)
    pos = blank(pos)
    if pos != len(text):
        reader.fail(InvalidValueError("malformed JSON: extra data after the array"), line_at(pos))


def _lines(
    reader: InteropReader, head: str, handle: IO[str], first: int
) -> Iterator[tuple[int, str, Any]]:
    for number, line in enumerate(_rejoin(head, handle), first):
        if not line.strip():
            continue
        if invalid_utf8(line):
            reader.fail(undecodable_error(), number)
            continue
        try:
            yield number, "$", json.loads(line)
        except (ValueError, RecursionError) as exc:
            reader.fail(json_syntax_error(exc), number)


def _rejoin(head: str, handle: IO[str]) -> Iterator[str]:
    first = handle.readline()
    yield head + first
    yield from handle


def read_plover(file: FileArg, *, strict: bool = False) -> InteropReader:
    r"""Read PLOVER records from a JSON array or JSON Lines file.

    ``Imported.line`` is the line on which the object starts. Objects of an array before
    a syntax error are read; the error is reported at its line.

    >>> import io
    >>> text = '[{"id": "X-1", "date": "2000-01-01", "event": "DEMAND", "mode": "",' \
    ...        ' "source": [{"actorText": "Syria", "code": "SYR"}],' \
    ...        ' "target": [{"actorText": "Turkey", "code": "TUR"}], "text": "Syria asked."}]'
    >>> item = next(read_plover(io.StringIO(text)))
    >>> item.record.kind, item.record.plover, item.record.addressee.country
    ('request', <PloverType.REQUEST: 'REQUEST'>, Country("TR"))
    """
    return InteropReader(PloverFormat(), file, strict=strict, entries=_objects)


def write_plover(file: FileArg, items: Iterable[Any], *, strict: bool = False) -> WriteReport:
    r"""Write records as a JSON array of PLOVER objects, one object per line.

    Objects imported from PLOVER are reproduced key for key; other records are rendered
    with the current field names and read back: what did not survive is reported in the
    returned :class:`WriteReport` (with *strict*, raised), and a record whose object would
    not read back at all is not written.

    >>> import io
    >>> out = io.StringIO()
    >>> write_plover(out, []).written, out.getvalue()
    (0, '[\n]\n')
    """
    fmt = PloverFormat()
    report = WriteReport()
    cache: OrderedDict[str, Source] = OrderedDict()
    with atomic_text(file) as out:
        out.write("[")
        for record, imported in collect_sources(items, cache):
            residual: Mapping[str, Any] = {}
            if imported is not None and imported.format == fmt.name:
                residual = imported.residual
            elif record is None:
                report.skipped += not carries_sources(imported)
                continue
            row = {} if record is None else fmt.render(record, cache)
            keys = residual.get(_KEYS) or list(row)
            obj = {k: residual.get(k, row.get(k)) for k in keys}
            obj = {k: v for k, v in obj.items() if v is not ABSENT and v != ABSENT}
            if not residual and record is not None:
                back = read_back(fmt, obj)
                if not note_losses(report, record, back, fmt.name, strict=strict):
                    continue
            out.write(("\n" if not report.written else ",\n") + json.dumps(obj, ensure_ascii=False))
            report.written += 1
        out.write("\n]\n")
    return report

"""Serialization benchmark: geoevents vs msgspec vs pydantic vs plain dicts, one run.

Usage: PYTHONPATH=src python benchmarks/serialization.py [--n 100000] [--rounds 5]

Builds N varied, realistic entries of every kind, encodes them to JSONL, then measures
(GC enabled; all decoded objects held, as a loader would; encoded lines not held, as a
writer would):

* decode: geoevents ``from_json`` per line and ``read_jsonl``; both again on the same
  lines as Python's json module spaces them (``"k": v``, ``\\u`` escapes: these are not
  orjson's output, so proving them free of repeated keys costs a count of colons on top
  of the re-encoding); msgspec Structs and pydantic
  v2 models of the same shape (strict, unknown fields forbidden); ``orjson.loads`` and
  ``json.loads`` into dicts (the floor);
* encode: geoevents ``to_json`` and ``write_jsonl`` (to a file, with fsync), msgspec,
  pydantic, ``orjson.dumps`` of the dicts;
* a reference: the same records, hooks and checks through cattrs' own generated
  functions instead of geoevents' generated decoders and encoders (what those buy);
* memory held by N decoded entries (tracemalloc), against the same data as dicts;
* bad inputs: how many of a list of hostile lines each decoder rejects;
* the time to ``import geoevents`` in a fresh interpreter.

Each time is the median of ``--rounds`` runs, the decoders (and encoders) taking turns,
so that noise and the collector's full passes, which fall into whichever run is going,
weigh on all of them alike. Ratios are to orjson (lower is better). Prints a markdown
table.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Annotated, Any, Literal
from unittest import mock

import attrs
import msgspec
import orjson
import pydantic
from cattrs.gen import make_dict_unstructure_fn, override

import geoevents.converter as converter_module
from geoevents import (
    Actor,
    ActorKind,
    Agreement,
    Attribution,
    AttributionMode,
    Ceasefire,
    Clash,
    Count,
    Country,
    Dating,
    DatingMethod,
    Event,
    FuzzyDate,
    Location,
    Meeting,
    Participant,
    Quote,
    Request,
    RequestItem,
    Role,
    Source,
    SourceKind,
    SpatialPrecision,
    Statement,
    Strike,
)
from geoevents.converter import ENTRY_KINDS, Entry, make_converter
from geoevents.jsonio import _loads, from_json, read_jsonl, to_json, write_jsonl

COUNTRIES = ["SY", "TR", "IL", "LB", "IQ", "IR", "JO", "US", "RU", "UA", "SD", "YE", "PS", "EG"]
NAMES = [
    "Ministry of Defence",
    "Syrian Democratic Forces",
    "Hezbollah",
    "Ahmed al-Sharaa",
    "Hakan Fidan",
    "Tom Barrack",
    "UN Security Council",
    "Druze militia",
    "Bedouin tribes",
]
PLACES = ["Sweida", "Damascus", "Aleppo", "Idlib", "Deir ez-Zor", "Qamishli", "Raqqa", "Homs"]


def build(n: int, seed: int = 7) -> list[Any]:
    rnd = random.Random(seed)

    def actor() -> Actor:
        if rnd.random() < 0.15:
            return Actor.unnamed("security officials", country=Country(rnd.choice(COUNTRIES)))
        return Actor(
            kind=rnd.choice(
                [ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.ARMED_GROUP, ActorKind.PERSON]
            ),
            name=rnd.choice(NAMES),
            country=Country(rnd.choice(COUNTRIES)),
            title="Minister" if rnd.random() < 0.3 else None,
        )

    def when() -> Dating:
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rnd.randrange(365))
        r = rnd.random()
        if r < 0.6:
            return Dating(date=FuzzyDate.from_date(day))
        if r < 0.8:
            return Dating(date=FuzzyDate(day.isoformat()[:7]))
        return Dating(
            date=FuzzyDate.from_date(day),
            method=DatingMethod.RESOLVED,
            expression="on Wednesday",
            anchor=day + datetime.timedelta(days=2),
        )

    def attributions(i: int) -> tuple[Attribution, ...]:
        via = tuple(actor() for _ in range(rnd.randrange(3)))
        return (
            Attribution(
                source=f"src-{i % 5000}",
                via=via,
                mode=AttributionMode.PARAPHRASE if via else AttributionMode.REPORTED,
            ),
        )

    def count() -> Count:
        lo = rnd.randrange(50)
        return rnd.choice(
            [Count(), Count.exact(lo), Count.at_least(lo), Count(low=lo, best=lo + 3, high=lo + 9)]
        )

    out: list[Any] = []
    for i in range(n):
        common: dict[str, Any] = {
            "id": f"ds/{i}",
            "when": when(),
            "summary": f"Report number {i} about {rnd.choice(PLACES)}.",
            "attributions": attributions(i),
            "location": Location(
                name=rnd.choice(PLACES),
                country=Country("SY"),
                latitude=round(rnd.uniform(32, 37), 4),
                longitude=round(rnd.uniform(35, 42), 4),
                precision=SpatialPrecision.EXACT,
            ),
            "countries": tuple(Country(c) for c in rnd.sample(COUNTRIES, 2)),
            "cameo": rnd.choice([None, "0871", "190", "1831"]),
            "tags": ("syria",) if rnd.random() < 0.5 else (),
        }
        k = i % 9
        if k == 0:
            out.append(
                Source(
                    id=f"src-{i}",
                    outlet="Associated Press",
                    kind=SourceKind.WIRE,
                    title="Clashes in the south",
                    url=f"https://example.org/{i}",
                    published=Dating(date=FuzzyDate("2025-07-23")),
                    language="en",
                )
            )
        elif k == 1:
            out.append(Event(**common, actors=(Participant(actor=actor(), role=Role.HOST),)))
        elif k == 2:
            out.append(
                Statement(
                    **common,
                    speaker=actor(),
                    quotes=(Quote(text="We will not allow it.", speaker=actor()),),
                )
            )
        elif k == 3:
            out.append(
                Request(
                    **common,
                    requester=actor(),
                    addressee=actor(),
                    items=(RequestItem.AIR_DEFENCE, RequestItem.TRAINING),
                    formal=True,
                )
            )
        elif k == 4:
            out.append(Agreement(**common, parties=(actor(), actor()), signed=FuzzyDate("2025-07")))
        elif k == 5:
            out.append(Ceasefire(**common, parties=(actor(),), mediators=(actor(),)))
        elif k == 6:
            out.append(
                Clash(**common, sides=(actor(), actor()), fatalities=count(), injuries=count())
            )
        elif k == 7:
            out.append(
                Strike(**common, perpetrator=actor(), target="an army base", fatalities=count())
            )
        else:
            out.append(Meeting(**common, parties=(actor(), actor()), topic="security"))
    return out


# ----------------------------------------------------------------- cattrs' own functions


def _attrs_classes(cls: Any, found: set[type]) -> set[type]:
    """*cls* and every attrs class its fields hold, however deep."""
    if isinstance(cls, type) and attrs.has(cls) and cls not in found:
        found.add(cls)
        for field in attrs.fields(attrs.resolve_types(cls)):
            for inner in (field.type, *getattr(field.type, "__args__", ())):
                for leaf in (inner, *getattr(inner, "__args__", ())):
                    _attrs_classes(leaf, found)
    return found


def cattrs_reference() -> tuple[Callable[[bytes], Any], Callable[[Any], bytes]]:
    """The same records, hooks and checks through cattrs' own generated functions.

    What the generated codecs are measured against: a geoevents converter without its
    generated decoders (cattrs' ``make_dict_structure_fn``, then attrs' ``__init__`` with
    every validator) and with cattrs' ``make_dict_unstructure_fn`` (defaults left out)
    for every class. Same JSON parsing (duplicate-key proof included) and output bytes.
    """
    with mock.patch.object(converter_module, "compile_decoder", return_value=None):
        converter = make_converter()
        # cattrs builds class hooks lazily: build all of them while no fast path exists.
        for kind in ENTRY_KINDS.values():
            for cls in _attrs_classes(kind, set()):
                converter.get_structure_hook(cls)
        entry: Any = converter.get_structure_hook(Entry)

    def unstructure_fn(cls: type) -> Callable[[Any], Any]:
        renames: dict[str, Any] = {"kind": override(rename="source_kind")} if cls is Source else {}
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **renames)

    converter.register_unstructure_hook_factory(attrs.has, unstructure_fn)
    for tag, cls in ENTRY_KINDS.items():
        fn = unstructure_fn(cls)
        converter.register_unstructure_hook(
            cls, lambda o, fn=fn, tag=tag: {"kind": tag, "schema": 1, **fn(o)}
        )
    return (
        lambda line: entry(_loads(line), Entry),
        lambda record: orjson.dumps(converter.unstructure(record)),
    )


# ----------------------------------------------------------------- msgspec mirror


class MActor(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    kind: str
    name: str | None = None
    description: str | None = None
    country: Annotated[str, msgspec.Meta(pattern="^[A-Z]{2}$")] | None = None
    title: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()


class MParticipant(msgspec.Struct, forbid_unknown_fields=True):
    actor: MActor
    role: str


class MDating(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    date: str
    method: str = "stated"
    expression: str | None = None
    anchor: datetime.date | None = None
    rule: str | None = None


class MAttribution(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    source: str
    via: tuple[MActor, ...] = ()
    mode: str = "reported"


class MQuote(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    text: str
    speaker: MActor
    language: str = "en"
    translated: bool = False
    attribution: MAttribution | None = None


class MLocation(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: Annotated[float, msgspec.Meta(ge=-90, le=90)] | None = None
    longitude: Annotated[float, msgspec.Meta(ge=-180, le=180)] | None = None
    precision: str | None = None


class MBase(
    msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True, tag_field="kind"
):
    schema: int
    id: str
    when: str | MDating
    summary: str
    attributions: Annotated[tuple[MAttribution, ...], msgspec.Meta(min_length=1)]
    actors: tuple[MParticipant, ...] = ()
    location: MLocation | None = None
    countries: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    cameo: Annotated[str, msgspec.Meta(pattern=r"^\d{2,4}$")] | None = None
    plover: str | None = None
    plover_mode: str | None = None
    modality: str = "actual"
    tags: tuple[str, ...] = ()
    notes: str | None = None


class MEvent(MBase, tag="event"):
    pass


class MStatement(MBase, tag="statement", kw_only=True):
    speaker: MActor
    quotes: tuple[MQuote, ...] = ()
    audience: str | None = None
    stance: str = "unknown"
    topic: str | None = None


class MRequest(MBase, tag="request", kw_only=True):
    requester: MActor
    addressee: MActor
    items: tuple[str, ...] = ()
    details: str | None = None
    status: str = "made"
    formal: bool | None = None


class MAgreement(MBase, tag="agreement", kw_only=True):
    parties: tuple[MActor, ...]
    signatories: tuple[MActor, ...] = ()
    mediators: tuple[MActor, ...] = ()
    agreement_type: str = "unknown"
    subject: str | None = None
    status: str = "unknown"
    announced: str | None = None
    signed: str | None = None
    in_force: str | None = None
    terminated: str | None = None


class MCeasefire(MBase, tag="ceasefire", kw_only=True):
    parties: tuple[MActor, ...]
    mediators: tuple[MActor, ...] = ()
    announced_by: tuple[MActor, ...] = ()
    declared: str | None = None
    effective: str | None = None
    ended: str | None = None
    status: str = "announced"
    scope: str | None = None
    written: bool | None = None


class MClash(MBase, tag="clash", kw_only=True):
    sides: tuple[MActor, ...] = ()
    fatalities: str = "unknown"
    injuries: str = "unknown"


class MStrike(MBase, tag="strike", kw_only=True):
    perpetrator: MActor | None = None
    target: str | None = None
    weapon: str = "unknown"
    fatalities: str = "unknown"
    injuries: str = "unknown"


class MMeeting(MBase, tag="meeting", kw_only=True):
    parties: tuple[MActor, ...]
    host: MActor | None = None
    topic: str | None = None


class MSource(
    msgspec.Struct,
    forbid_unknown_fields=True,
    omit_defaults=True,
    kw_only=True,
    tag_field="kind",
    tag="source",
):
    schema: int
    id: str
    outlet: str
    source_kind: str = "unknown"
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | MDating | None = None
    language: str | None = None
    notes: str | None = None


MEntry = (
    MEvent | MStatement | MRequest | MAgreement | MCeasefire | MClash | MStrike | MMeeting | MSource
)


# ----------------------------------------------------------------- pydantic mirror

PStrict = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)


class PActor(pydantic.BaseModel):
    model_config = PStrict
    kind: str
    name: str | None = None
    description: str | None = None
    country: Annotated[str, pydantic.StringConstraints(pattern="^[A-Z]{2}$")] | None = None
    title: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()


class PParticipant(pydantic.BaseModel):
    model_config = PStrict
    actor: PActor
    role: str


class PDating(pydantic.BaseModel):
    model_config = PStrict
    date: str
    method: str = "stated"
    expression: str | None = None
    anchor: str | None = None
    rule: str | None = None


class PAttribution(pydantic.BaseModel):
    model_config = PStrict
    source: str
    via: tuple[PActor, ...] = ()
    mode: str = "reported"


class PQuote(pydantic.BaseModel):
    model_config = PStrict
    text: str
    speaker: PActor
    language: str = "en"
    translated: bool = False
    attribution: PAttribution | None = None


class PLocation(pydantic.BaseModel):
    model_config = PStrict
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: Annotated[float, pydantic.Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, pydantic.Field(ge=-180, le=180)] | None = None
    precision: str | None = None


class PBase(pydantic.BaseModel):
    model_config = PStrict
    schema_: int = pydantic.Field(alias="schema")
    id: str
    when: str | PDating
    summary: str
    attributions: Annotated[tuple[PAttribution, ...], pydantic.Field(min_length=1)]
    actors: tuple[PParticipant, ...] = ()
    location: PLocation | None = None
    countries: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    cameo: Annotated[str, pydantic.StringConstraints(pattern=r"^\d{2,4}$")] | None = None
    plover: str | None = None
    plover_mode: str | None = None
    modality: str = "actual"
    tags: tuple[str, ...] = ()
    notes: str | None = None


class PEvent(PBase):
    kind: Literal["event"]


class PStatement(PBase):
    kind: Literal["statement"]
    speaker: PActor
    quotes: tuple[PQuote, ...] = ()
    audience: str | None = None
    stance: str = "unknown"
    topic: str | None = None


class PRequest(PBase):
    kind: Literal["request"]
    requester: PActor
    addressee: PActor
    items: tuple[str, ...] = ()
    details: str | None = None
    status: str = "made"
    formal: bool | None = None


class PAgreement(PBase):
    kind: Literal["agreement"]
    parties: tuple[PActor, ...]
    signatories: tuple[PActor, ...] = ()
    mediators: tuple[PActor, ...] = ()
    agreement_type: str = "unknown"
    subject: str | None = None
    status: str = "unknown"
    announced: str | None = None
    signed: str | None = None
    in_force: str | None = None
    terminated: str | None = None


class PCeasefire(PBase):
    kind: Literal["ceasefire"]
    parties: tuple[PActor, ...]
    mediators: tuple[PActor, ...] = ()
    announced_by: tuple[PActor, ...] = ()
    declared: str | None = None
    effective: str | None = None
    ended: str | None = None
    status: str = "announced"
    scope: str | None = None
    written: bool | None = None


class PClash(PBase):
    kind: Literal["clash"]
    sides: tuple[PActor, ...] = ()
    fatalities: str = "unknown"
    injuries: str = "unknown"


class PStrike(PBase):
    kind: Literal["strike"]
    perpetrator: PActor | None = None
    target: str | None = None
    weapon: str = "unknown"
    fatalities: str = "unknown"
    injuries: str = "unknown"


class PMeeting(PBase):
    kind: Literal["meeting"]
    parties: tuple[PActor, ...]
    host: PActor | None = None
    topic: str | None = None


class PSource(pydantic.BaseModel):
    model_config = PStrict
    kind: Literal["source"]
    schema_: int = pydantic.Field(alias="schema")
    id: str
    outlet: str
    source_kind: str = "unknown"
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | PDating | None = None
    language: str | None = None
    notes: str | None = None


PEntry = pydantic.TypeAdapter(
    Annotated[
        PEvent
        | PStatement
        | PRequest
        | PAgreement
        | PCeasefire
        | PClash
        | PStrike
        | PMeeting
        | PSource,
        pydantic.Field(discriminator="kind"),
    ]
)


# ----------------------------------------------------------------- measuring

GOOD = (
    '{"kind":"clash","schema":1,"id":"x","when":"2025-07-16","summary":"s",'
    '"attributions":[{"source":"s"}]'
)
BAD_INPUTS: dict[str, bytes] = {
    "malformed JSON": b'{"kind":"event",',
    "invalid UTF-8": b'{"kind":"event","schema":1,"id":"\xff"}',
    "NaN": (GOOD + ',"location":{"latitude":NaN,"longitude":1}}').encode(),
    "duplicate key": (GOOD + ',"summary":"t"}').encode(),
    "wrong type (5 for str)": GOOD.replace('"summary":"s"', '"summary":5').encode() + b"}",
    "bool for str": GOOD.replace('"summary":"s"', '"summary":true').encode() + b"}",
    "unknown kind": GOOD.replace('"clash"', '"battle"').encode() + b"}",
    "impossible date": GOOD.replace("2025-07-16", "2025-02-30").encode() + b"}",
    "number as country": (GOOD + ',"countries":[792]}').encode(),
    "bad country": (GOOD + ',"countries":["Turkye"]}').encode(),
    "negative count": (GOOD + ',"fatalities":"-5"}').encode(),
    "missing attribution": GOOD.replace(
        '"attributions":[{"source":"s"}]', '"attributions":[]'
    ).encode()
    + b"}",
    "unknown field": (GOOD + ',"sumary":"s"}').encode(),
    "string as array": (GOOD + ',"countries":"SY"}').encode(),
    "10 MB line": (GOOD + ',"notes":"' + "x" * 10_000_000 + '"}').encode(),
    "10,000-deep nesting": b'{"kind":"event","tags":' + b"[" * 10_000 + b"]" * 10_000 + b"}",
}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def held_memory(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    result = fn()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return size


def rejects(decode: Callable[[bytes], Any]) -> int:
    count = 0
    for line in BAD_INPUTS.values():
        try:
            decode(line)
        except RecursionError:
            count += 0  # a crash-like escape counts as not handled
        except Exception:
            count += 1
    return count


def import_time(module: str) -> float:
    """Best of 5 fresh interpreters, with bytecode caches as an installed package has them.

    pip compiles a package's bytecode when it installs it; a source checkout run with
    PYTHONDONTWRITEBYTECODE would instead compile every module on every import, which is
    not what users pay. A first run writes the caches.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(6)
    ]
    return min(runs[1:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    n, rounds = args.n, args.rounds

    entries = build(n)
    lines = [to_json(e).encode() for e in entries]
    # The same lines as Python's json module writes them by default ("k": v, \u escapes).
    spaced = [json.dumps(orjson.loads(b)).encode() for b in lines]
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "bench.jsonl")
    write_jsonl(path, entries)
    spaced_path = os.path.join(folder, "spaced.jsonl")
    with open(spaced_path, "wb") as spaced_file:
        spaced_file.writelines(line + b"\n" for line in spaced)
    decoder = msgspec.json.Decoder(MEntry)
    mencoder = msgspec.json.Encoder()
    ref_decode, ref_encode = cattrs_reference()
    assert all(from_json(b) == e for b, e in zip(lines[:2000], entries, strict=False))
    assert all(ref_decode(b) == e for b, e in zip(lines[:2000], entries, strict=False))
    assert all(ref_encode(e) == b for b, e in zip(lines[:2000], entries, strict=False))

    def decode_stream(file: str = path) -> list[Any]:
        with read_jsonl(file) as reader:
            return list(reader)

    def decode(fn: Callable[[], list[Any]]) -> float:
        # Same heap state for every decoder: only `entries` and `lines` are alive.
        gc.collect()
        seconds, result = timed(fn)
        del result
        return seconds

    def encode(objects: list[Any], fn: Callable[[Any], Any]) -> float:
        # Encoded lines go to a file or a socket, not into a list: none is held, so the
        # allocator's state (which swings big lists of bytes by several times) stays out.
        def run() -> None:
            for o in objects:
                fn(o)

        gc.collect()
        return timed(run)[0]

    def orjson_dicts() -> list[Any]:
        return [orjson.loads(b) for b in lines]

    def decode_nogc() -> list[Any]:
        gc.disable()
        try:
            return decode_stream()
        finally:
            gc.enable()

    decoders: dict[str, Callable[[], list[Any]]] = {
        "orjson": orjson_dicts,
        "json": lambda: [json.loads(b) for b in lines],
        "from_json": lambda: [from_json(b) for b in lines],
        "from_json_spaced": lambda: [from_json(b) for b in spaced],
        "read_jsonl_spaced": lambda: decode_stream(spaced_path),
        "read_jsonl": decode_stream,
        "read_jsonl_nogc": decode_nogc,
        "cattrs": lambda: [ref_decode(b) for b in lines],
        "msgspec": lambda: [decoder.decode(b) for b in lines],
        "pydantic": lambda: [PEntry.validate_json(b) for b in lines],
    }
    # The machines are noisy and a full collection can fall into any run: every decoder
    # runs `rounds` times, interleaved, and the median counts.
    times: dict[str, list[float]] = {name: [] for name in decoders}
    for _ in range(rounds):
        for name, fn in decoders.items():
            times[name].append(decode(fn))
    t = {name: statistics.median(runs) for name, runs in times.items()}
    t_orjson, t_json, t_from, t_ms, t_pd = (
        t[k] for k in ("orjson", "json", "from_json", "msgspec", "pydantic")
    )
    t_read, t_read_nogc = t["read_jsonl"], t["read_jsonl_nogc"]

    dicts = orjson_dicts()
    mobjs = [decoder.decode(b) for b in lines]
    pobjs = [PEntry.validate_json(b) for b in lines]
    encoders: dict[str, tuple[list[Any], Callable[[Any], Any]]] = {
        "orjson": (dicts, orjson.dumps),
        "geoevents": (entries, to_json),
        "cattrs": (entries, ref_encode),
        "msgspec": (mobjs, mencoder.encode),
        "pydantic": (
            pobjs,
            lambda o: PEntry.dump_json(o, by_alias=True, exclude_defaults=True),
        ),
    }
    etimes: dict[str, list[float]] = {name: [] for name in encoders}
    for _ in range(rounds):
        for name, (objects, dump) in encoders.items():
            etimes[name].append(encode(objects, dump))
    e = {name: statistics.median(runs) for name, runs in etimes.items()}
    e_orjson, e_geo, e_ms, e_pd = e["orjson"], e["geoevents"], e["msgspec"], e["pydantic"]
    t_write = statistics.median(
        timed(lambda: write_jsonl(os.path.join(folder, "out.jsonl"), entries))[0]
        for _ in range(rounds)
    )
    del dicts, mobjs, pobjs

    m_dicts = held_memory(lambda: [orjson.loads(b) for b in lines])
    m_geo = held_memory(lambda: [from_json(b) for b in lines])
    m_ms = held_memory(lambda: [decoder.decode(b) for b in lines])
    m_pd = held_memory(lambda: [PEntry.validate_json(b) for b in lines])

    geo_rejects = rejects(from_json)
    rows: list[tuple[str, float | None, float | None, int | None, int | None]] = [
        ("orjson.loads → dicts (floor)", t_orjson, e_orjson, m_dicts, rejects(orjson.loads)),
        ("json.loads → dicts", t_json, None, None, rejects(json.loads)),
        ("geoevents from_json / to_json per line", t_from, e_geo, m_geo, geo_rejects),
        ("geoevents read_jsonl / write_jsonl (file, fsync)", t_read, t_write, None, geo_rejects),
        (
            "geoevents from_json, lines as json.dumps spaces them",
            t["from_json_spaced"],
            None,
            None,
            None,
        ),
        (
            "geoevents read_jsonl, a file json.dumps spaced",
            t["read_jsonl_spaced"],
            None,
            None,
            None,
        ),
        ("geoevents read_jsonl, GC off (reference)", t_read_nogc, None, None, None),
        (
            "same checks through cattrs' own generated functions (reference)",
            t["cattrs"],
            e["cattrs"],
            None,
            rejects(ref_decode),
        ),
        ("msgspec Structs", t_ms, e_ms, m_ms, rejects(decoder.decode)),
        ("pydantic v2 models", t_pd, e_pd, m_pd, rejects(PEntry.validate_json)),
    ]
    size = sum(map(len, lines)) / n
    print(
        f"{n:,} entries, {size:.0f} bytes per line on average, Python {sys.version.split()[0]}, "
        f"median of {rounds} interleaved rounds\n"
    )
    print(
        "| decoder | decode /s | decode × orjson | encode /s | encode × orjson "
        f"| memory MB | memory × dicts | bad inputs rejected (of {len(BAD_INPUTS)}) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, dec, enc, mem, rej in rows:
        cells = [
            name,
            "" if dec is None else f"{n / dec:,.0f}",
            "" if dec is None else f"{dec / t_orjson:.2f}",
            "" if enc is None else f"{n / enc:,.0f}",
            "" if enc is None else f"{enc / e_orjson:.2f}",
            "" if mem is None else f"{mem / 1e6:.1f}",
            "" if mem is None else f"{mem / m_dicts:.2f}",
            "" if rej is None else str(rej),
        ]
        print("| " + " | ".join(cells) + " |")
    print(
        f"\n`import geoevents`: {import_time('geoevents') * 1000:.0f} ms, of which attrs alone "
        f"takes {import_time('attrs') * 1000:.0f} ms (best of 5 fresh interpreters each)"
    )


if __name__ == "__main__":
    main()

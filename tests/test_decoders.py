"""The generated decoders: the converter's fast path agrees with its detailed path.

The fast path may refuse anything (the detailed path then decides), but whatever it
accepts must be exactly what the detailed path builds. These tests compare a converter
with fast paths against one without, on generated records and on single mutations of them.
"""

from __future__ import annotations

import copy
import datetime
import linecache
import math
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoevents import Actor, Entry, InvalidValueError, to_dict
from geoevents import converter as converter_module
from geoevents import strategies as gst
from geoevents._decoders import Leaf, compile_decoder
from geoevents.converter import make_converter
from geoevents.datasets import load


def attrs_classes(cls: type, found: set[type]) -> set[type]:
    """*cls* and every attrs class its fields hold, however nested."""
    if cls in found:
        return found
    found.add(cls)
    for field in attrs.fields(attrs.resolve_types(cls)):
        for t in (field.type, *typing.get_args(field.type)):
            for inner in (t, *typing.get_args(t)):
                if isinstance(inner, type) and attrs.has(inner):
                    attrs_classes(inner, found)
    return found


ENTRY: Any = Entry  # a union; cattrs' annotations expect a class


@pytest.fixture(scope="module")
def detailed_only() -> cattrs.Converter:
    """A converter whose class hooks never take a fast path."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(converter_module, "compile_decoder", lambda *a, **k: None)
        converter = make_converter()
        # cattrs builds class hooks lazily: build all of them while no fast path can exist.
        for kind in converter_module.ENTRY_KINDS.values():
            for cls in attrs_classes(kind, set()):
                converter.get_structure_hook(cls)
    return converter


@pytest.fixture(scope="module")
def fast() -> cattrs.Converter:
    """A converter with its fast paths."""
    return make_converter()


def outcome(converter: cattrs.Converter, data: Any) -> tuple[str, Any]:
    """('ok', the entry) or ('error', the sorted error lines)."""
    try:
        return "ok", converter.structure(data, ENTRY)
    except Exception as exc:  # noqa: BLE001 - compared, not handled
        return "error", sorted(str(e) for e in converter_module.transform_error(exc))


# JSON values that break types, blank or overlong text, bad codes and out-of-range numbers.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.5,
    91.0,
    -181.0,
    "",
    " ",
    "x",
    "a\nb",
    "a\x00b",
    "TR",
    "Turkye",
    "2025-07",
    "2025-02-30",
    "0871",
    "\u0661\u0669\u0660",  # CAMEO digits in another script
    ">=12",
    "7..5",
    "unknown",
    "government",
    "unnamed",
    "a" * 2_001,
    [],
    ["x"],
    ["TR", "TR"],
    [{"kind": "person", "name": "X"}],
    {},
    {"kind": "person"},
    {"date": "2025-07", "method": "resolved"},
]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key or index path inside a JSON value."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found.extend(paths(item, (*prefix, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A generated entry's dict with one change: a value replaced, a key removed or added."""
    data = to_dict(draw(st.one_of(gst.records(), gst.sources())))
    data = copy.deepcopy(data)
    where = draw(st.sampled_from(paths(data)))
    parent = data
    for step in where[:-1]:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    last = where[-1]
    if action == "remove":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "kind", "notes", "country"]))] = draw(
            st.sampled_from(ODD_VALUES)
        )
    else:
        parent[last] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
    return data


class TestAgreement:
    def test_valid_data_never_needs_the_detailed_path(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every class of every kind has a fast path, and valid data stays on it."""
        import cattrs.gen

        converter = make_converter()
        seeds = load("syria-turkey-2025")
        entries: list[Entry] = [*seeds.sources.values(), *seeds.records]

        def refuse(*_args: Any, **_kwargs: Any) -> Any:
            raise AssertionError("the detailed path was built")

        monkeypatch.setattr(cattrs.gen, "make_dict_structure_fn", refuse)
        assert [converter.structure(to_dict(e), ENTRY) for e in entries] == entries

    @given(st.one_of(gst.records(), gst.sources()))
    def test_valid_entries(self, fast: cattrs.Converter, entry: Entry) -> None:
        """The fast path builds an equal entry, of the same class, from a valid dict."""
        data = to_dict(entry)
        fast_result = fast.structure(data, ENTRY)
        assert fast_result == entry
        assert type(fast_result) is type(entry)

    @given(mutated())
    def test_mutations(
        self, fast: cattrs.Converter, detailed_only: cattrs.Converter, data: Any
    ) -> None:
        """After any single change, both paths accept the same entry or report the same errors."""
        assert outcome(fast, data) == outcome(detailed_only, data)

    @pytest.mark.parametrize(
        "change",
        [
            lambda d: d.update(summary="two\nlines"),  # valid, but not the inline fast check
            lambda d: d.update(id=True),
            lambda d: d.update(schema=True),
            lambda d: d["attributions"][0].update(source=1),
            lambda d: d.update(countries=["TR", 5]),
            lambda d: d.update(tags=["ok", "  "]),
            lambda d: d.update(cameo="\u0661\u0669\u0660"),
        ],
    )
    def test_chosen_cases(
        self,
        fast: cattrs.Converter,
        detailed_only: cattrs.Converter,
        change: Callable[[dict[str, Any]], None],
    ) -> None:
        """Cases that sit on the border of the inline checks."""
        data = {
            "kind": "event",
            "schema": 1,
            "id": "e1",
            "when": "2025-07",
            "summary": "s",
            "attributions": [{"source": "a"}],
        }
        change(data)
        assert outcome(fast, data) == outcome(detailed_only, data)

    def test_str_subclass_is_not_a_string(self, fast: cattrs.Converter) -> None:
        """Exact JSON types only: a str subclass (an enum member) is refused on both paths."""

        class Text(str):
            __slots__ = ()

        data = {"kind": "source", "schema": 1, "id": Text("a"), "outlet": "AP"}
        assert outcome(fast, data)[0] == "error"
        data = {"kind": Text("source"), "schema": 1, "id": "a", "outlet": "AP"}
        assert outcome(fast, data)[0] == "error"


class TestSharing:
    def test_equal_actors_are_one_instance(self) -> None:
        """Actors are immutable and recur: an equal object gives the same instance."""
        converter = make_converter()
        data = {"kind": "person", "name": "Hakan Fidan", "country": "TR"}
        first = converter.structure(data, Actor)
        assert converter.structure(dict(data), Actor) is first
        assert converter.structure({**data, "title": "Minister"}, Actor) is not first

    def test_only_exact_strings_reuse(self) -> None:
        """An equal but differently typed value is judged afresh (and refused)."""

        class Name(str):
            __slots__ = ()

        converter = make_converter()
        data = {"kind": "person", "name": "Hakan Fidan"}
        converter.structure(data, Actor)
        with pytest.raises(Exception):  # noqa: B017, PT011 - cattrs' error group
            converter.structure({"kind": "person", "name": Name("Hakan Fidan")}, Actor)

    def test_records_are_not_shared(self, fast: cattrs.Converter) -> None:
        """Records carry ids and are unique; only value-like classes are shared."""
        data = {"kind": "source", "schema": 1, "id": "ap-1", "outlet": "AP"}
        assert fast.structure(data, ENTRY) is not fast.structure(dict(data), ENTRY)


@attrs.frozen
class _Plain:
    name: str
    size: float | None = None
    day: datetime.date | None = None


class TestCompileDecoder:
    def leaf(self, t: Any) -> Leaf | None:
        """Leaves through a default converter's hooks, without caches."""
        converter = make_converter()
        return Leaf(converter.get_structure_hook(t))

    def compile(self, cls: type, *, allowed: frozenset[str] | None = None) -> Any:
        """The decoder of *cls* with field names as keys and no nested fast paths."""
        keys = {f.name: f.name for f in attrs.fields(cls)}
        return compile_decoder(
            cls, keys=keys, allowed=allowed, leaf_for=self.leaf, decoder_for=lambda t: None
        )

    def test_builds_without_running_init(self) -> None:
        """Values are converted as the converter would: ints become floats, dates parse."""
        decode = self.compile(_Plain)
        assert decode({"name": "x", "size": 2, "day": "2025-07-01"}) == _Plain(
            "x", 2.0, datetime.date(2025, 7, 1)
        )
        assert type(decode({"name": "x", "size": 2}).size) is float

    @pytest.mark.parametrize(
        "data",
        [
            {"name": 1},
            {"name": "x", "size": math.inf},
            {"name": "x", "size": True},
            {"name": "x", "size": "1"},
            {},
            ["name"],
        ],
    )
    def test_refuses_by_raising(self, data: Any) -> None:
        """Wrong types, non-finite numbers and missing fields raise."""
        decode = self.compile(_Plain)
        with pytest.raises(Exception):  # noqa: B017, PT011 - any exception means "refused"
            decode(data)

    def test_unknown_keys(self) -> None:
        """With allowed keys, others raise; without, they are ignored."""
        strict = self.compile(_Plain, allowed=frozenset({"name", "size", "day"}))
        with pytest.raises(Exception):  # noqa: B017, PT011
            strict({"name": "x", "other": 1})
        assert self.compile(_Plain)({"name": "x", "other": 1}) == _Plain("x")

    def test_validator_reading_the_instance_is_deferred(self) -> None:
        """A validator that reads another field cannot see it yet: the fast path refuses."""

        def longer_than_name(inst: Any, _a: Any, value: str) -> None:
            if len(value) <= len(inst.name):
                raise InvalidValueError("too short")

        @attrs.frozen
        class Pair:
            name: str
            other: str = attrs.field(validator=longer_than_name)

        decode = self.compile(Pair)
        with pytest.raises(AttributeError):
            decode({"name": "ab", "other": "abc"})

    def test_unsupported_classes_get_none(self) -> None:
        """What the generator does not model gets no fast path at all."""

        @attrs.frozen
        class SelfFactory:
            a: int
            b: int = attrs.field(default=attrs.Factory(lambda self: self.a, takes_self=True))

        @attrs.frozen
        class PreInit:
            a: int

            def __attrs_pre_init__(self) -> None:
                pass

        @attrs.frozen
        class NotInit:
            a: int
            b: int = attrs.field(init=False, default=0)

        assert self.compile(SelfFactory) is None
        assert self.compile(PreInit) is None
        assert self.compile(NotInit) is None

    def test_instances_are_of_the_class_itself(self) -> None:
        """Filled through a builder subclass, an instance ends as the class: frozen, equal."""
        import pickle

        decode = self.compile(_Plain)
        built = decode({"name": "x", "size": 2})
        assert type(built) is _Plain
        assert built == _Plain("x", 2.0)
        assert hash(built) == hash(_Plain("x", 2.0))
        assert pickle.loads(pickle.dumps(built)) == built
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            built.name = "y"  # type: ignore[misc]

    def test_post_init_sees_the_class(self) -> None:
        """``__attrs_post_init__`` runs on the finished instance, of the class itself."""
        seen: list[type] = []

        @attrs.frozen
        class Base:
            a: str

        @attrs.frozen
        class Child(Base):
            b: str

            def __attrs_post_init__(self) -> None:
                seen.append(type(self))

        assert self.compile(Child)({"a": "x", "b": "y"}) == Child("x", "y")
        assert seen == [Child, Child]

    def test_classes_refusing_subclasses_still_decode(self) -> None:
        """Without a builder subclass, the slots are set one call each, to the same result."""

        @attrs.frozen
        class Sealed:
            a: str
            b: int = 0

            def __init_subclass__(cls) -> None:
                raise TypeError("no subclasses")

        decode = self.compile(Sealed)
        assert "__class__" not in "".join(linecache.getlines("<geoevents decoder Sealed>"))
        assert decode({"a": "x", "b": 2}) == Sealed("x", 2)
        assert type(decode({"a": "x"})) is Sealed

    def test_refusals_keep_nothing_alive(self) -> None:
        """A refused input is not held after the call (no exception is shared between calls)."""
        import gc
        import weakref

        class Name(str):  # refused: only exact strings are accepted
            pass

        decode = self.compile(_Plain)
        name = Name("x")
        alive = weakref.ref(name)
        for _ in range(3):
            with pytest.raises(Exception):  # noqa: B017, PT011 - any exception means "refused"
                decode({"name": name})
        del name
        gc.collect()
        assert alive() is None

    def test_classes_with_own_code_get_no_builder(self) -> None:
        """Subclassing would run ``__init_subclass__``: such classes are decoded without."""
        registry: list[type] = []

        @attrs.frozen
        class Registering:
            a: str

            def __init_subclass__(cls) -> None:
                registry.append(cls)

        assert self.compile(Registering)({"a": "x"}) == Registering("x")
        assert registry == []
        assert Registering.__subclasses__() == []

    @pytest.mark.parametrize("with_builder", [True, False])
    def test_cached_hash(self, *, with_builder: bool) -> None:
        """A class with attrs' ``cache_hash`` hashes once decoded, as when constructed."""

        @attrs.frozen(cache_hash=True)
        class Cached:
            a: str

            if not with_builder:

                def __init_subclass__(cls) -> None:
                    pass

        decoded = self.compile(Cached)({"a": "x"})
        assert hash(decoded) == hash(Cached("x"))

    def test_generated_source_is_visible(self) -> None:
        """As with attrs, tracebacks show the generated lines."""
        self.compile(_Plain)
        assert "def decode(d):" in "".join(linecache.getlines("<geoevents decoder _Plain>"))

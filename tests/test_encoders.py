"""The generated encoders write exactly what cattrs' own generated functions write."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import pytest
from cattrs.gen import make_dict_unstructure_fn, override
from hypothesis import given
from hypothesis import strategies as st

from geoevents import Entry, Source, to_dict
from geoevents import strategies as gst
from geoevents._encoders import Out, compile_encoder, compile_float_check
from geoevents.converter import ENTRY_KINDS, make_converter

CONVERTER = make_converter()


@functools.cache
def reference(cls: type) -> Any:
    """The function cattrs itself generates for *cls*, with the same hooks and renames."""
    renames: dict[str, Any] = {"kind": override(rename="source_kind")} if cls is Source else {}
    return make_dict_unstructure_fn(cls, CONVERTER, _cattrs_omit_if_default=True, **renames)


@given(st.one_of(gst.records(), gst.sources()))
def test_same_as_cattrs(entry: Entry) -> None:
    """Same keys, same order, every nested value in its canonical form."""
    cls: type = type(entry)
    tag = next(tag for tag, kind in ENTRY_KINDS.items() if kind is cls)
    expected = {"kind": tag, "schema": 1, **reference(cls)(entry)}
    assert to_dict(entry) == expected
    assert list(to_dict(entry)) == list(expected)


@attrs.frozen
class _Defaults:
    a: int
    b: tuple[int, ...] = attrs.field(factory=tuple)
    c: bool = False
    d: str | None = "x"
    e: int = attrs.field(default=attrs.Factory(lambda self: self.a, takes_self=True))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_Defaults(1), {"a": 1}),
        (_Defaults(1, (2,), True, None, 5), {"a": 1, "b": [2], "c": True, "d": None, "e": 5}),
        (_Defaults(3, d="y", e=3), {"a": 3, "d": "y"}),
    ],
)
def test_defaults_are_left_out(value: _Defaults, expected: dict[str, Any]) -> None:
    """Factories, instance-dependent factories and non-None optional defaults."""
    encode = compile_encoder(
        _Defaults,
        keys={f.name: f.name for f in attrs.fields(_Defaults)},
        out_for=lambda t: Out(lambda v: v),
    )
    assert encode(value) == expected
    assert list(encode(value)) == list(expected)


@attrs.frozen(eq=False)  # equal only to itself: only the written form says "default"
class _Grade:
    n: int = 0


@attrs.frozen
class _Marked:
    grade: _Grade = attrs.field(factory=_Grade)
    label: str = "x"


def test_value_type_default_compared_as_written() -> None:
    """A default written as a string is left out by its written form, not by ``__eq__``."""
    encode = compile_encoder(
        _Marked,
        keys={"grade": "grade", "label": "label"},
        out_for=lambda t: Out(lambda g: f"g{g.n}"),
    )
    assert encode(_Marked()) == {}
    assert encode(_Marked(_Grade(0), "x")) == {}
    assert encode(_Marked(_Grade(2), "y")) == {"grade": "g2", "label": "y"}


@attrs.frozen
class _Point:
    x: float
    y: float | None = None


@attrs.frozen
class _Path:
    name: str
    points: tuple[_Point, ...] = ()
    start: _Point | None = None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_Path("p"), False),
        (_Path("p", (_Point(1.0), _Point(0.0, -0.0))), False),
        (_Path("p", (_Point(1.0), _Point(2.0, 1e-05))), True),
        (_Path("p", start=_Point(-3e-07)), True),
        (_Path("p", start=_Point(1e16, 1e-4)), False),
    ],
)
def test_float_check(value: _Path, expected: bool) -> None:
    """Floats below 1e-4 in size, however nested, send a record to the standard encoder."""
    check = compile_float_check(_Path)
    assert check is not None
    assert check(value) is expected


def test_no_float_check_without_floats() -> None:
    """Sources and actors hold no float: nothing to check."""
    assert compile_float_check(Source) is None

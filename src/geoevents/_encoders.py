"""Encoders generated per class: records to JSON-ready dicts in one pass.

The converter's unstructure hooks for attrs classes are functions written here, one per
class, in the manner of cattrs' ``make_dict_unstructure_fn`` but flatter: value types
that have a canonical string are written inline (``country.alpha2``, ``date.edtf``,
``member.value``), arrays are built by one comprehension, and a field is left out when
it holds its default (compared by identity where the default is ``None``, ``()`` or an
enum member, and by the string written where it is a value type such as ``Count()``,
which spares a call to the class's ``__eq__``). Output is identical to cattrs' with
``omit_if_default``: the required fields in class order, then the others in class order,
each left out when it holds its default. (Keeping cattrs' order keeps files written by
earlier versions byte-stable.)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from geoevents._codegen import CodeWriter, optional_item, tuple_item

__all__ = ["Out", "compile_encoder", "compile_float_check"]


@attrs.frozen
class Out:
    """How the converter writes one non-class type.

    Attributes:
        hook: the converter's unstructure hook for the type.
        inline: an expression with ``{}`` for the value, used instead of calling *hook*
            (``"{}.alpha2"``); ``None`` to call it.
    """

    hook: Callable[[Any], Any]
    inline: str | None = None


class _Writer(CodeWriter):
    def __init__(self, out_for: Callable[[Any], Out]) -> None:
        super().__init__()
        self.out_for = out_for

    def expression(self, t: Any, var: str) -> str:
        """A Python expression for the JSON form of *var*, a non-``None`` value of *t*."""
        if t in (str, int, float, bool):
            return var
        item = optional_item(t)
        if item is not None:
            return f"(None if {var} is None else {self.expression(item, var)})"
        item = tuple_item(t)
        if item is not None:
            if item in (str, int, float, bool):
                return f"list({var})"
            return f"[{self.expression(item, 'i')} for i in {var}]"
        out = self.out_for(t)
        if out.inline is not None:
            return out.inline.format(var)
        return f"{self.name(out.hook, 'h')}({var})"


def _omit_test(default: Any, t: Any, var: str, writer: _Writer) -> str:
    """The condition under which a field holding *var* differs from its default."""
    if default is None:
        return f"{var} is not None"
    if default == () and tuple_item(t) is not None:
        return var  # a tuple: empty is the default
    if isinstance(default, (enum.Enum, bool)):
        return f"{var} is not {writer.name(default, 'default')}"
    return f"{var} != {writer.name(default, 'default')}"


def _written_default(default: Any, t: Any, out_for: Callable[[Any], Out]) -> Any:
    """The JSON form of a value-type field's default (``Count()`` is ``""``), else ``None``.

    A value type writes one canonical string per value, so comparing what is written
    says whether the field holds its default, without the class's ``__eq__``.
    """
    if default is None or isinstance(default, (str, int, float, bool, enum.Enum, tuple)):
        return None
    if not isinstance(t, type) or type(default) is not t:
        return None
    written = out_for(t).hook(default)
    return written if isinstance(written, str) else None


def compile_encoder(
    cls: type,
    *,
    keys: Mapping[str, str],
    out_for: Callable[[Any], Out],
    envelope: Mapping[str, str] | None = None,
    version: Callable[[], int] | None = None,
) -> Callable[[Any], dict[str, Any]]:
    """Generate the encoder of one attrs class.

    Args:
        cls: an attrs class.
        keys: the JSON key of each field.
        out_for: how the converter writes a type that is not ``str``, a number, a
            ``bool``, ``X | None`` or ``tuple[X, ...]`` (attrs classes included: their
            hook is called).
        envelope: keys written first, with fixed string values (``{"kind": "event"}``).
        version: called on every encode for a ``"schema"`` key written after the
            envelope (read at call time, so migrations tests can change it).

    Returns:
        A function of one instance returning its dict.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    writer = _Writer(out_for)
    writer.emit(0, "def encode(o):")
    head = [f"{key!r}: {value!r}" for key, value in (envelope or {}).items()]
    if version is not None:
        head.append(f"'schema': {writer.name(version, 'version')}()")
    body: list[tuple[int, str]] = []
    for field in fields:
        key = keys[field.name]
        default = field.default
        if default is attrs.NOTHING:
            head.append(f"{key!r}: {writer.expression(field.type, f'o.{field.name}')}")
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:  # the default depends on the instance
                factory = writer.name(default.factory, "factory")
                body.append((1, f"v = o.{field.name}"))
                body.append((1, f"if v != {factory}(o):"))
                body.append((2, f"out[{key!r}] = {writer.expression(field.type, 'v')}"))
                continue
            default = default.factory()  # compared by value, so one instance will do
        written = _written_default(default, field.type, out_for)
        if written is not None:  # compare what is written: one hook call, no __eq__
            body.append((1, f"x = {writer.expression(field.type, f'o.{field.name}')}"))
            body.append((1, f"if x != {writer.name(written, 'written')}:"))
            body.append((2, f"out[{key!r}] = x"))
            continue
        inner = optional_item(field.type) if default is None else None
        body.append((1, f"v = o.{field.name}"))
        body.append((1, f"if {_omit_test(default, field.type, 'v', writer)}:"))
        value = writer.expression(inner if inner is not None else field.type, "v")
        body.append((2, f"out[{key!r}] = {value}"))
    writer.emit(1, "out = {" + ", ".join(head) + "}")
    for indent, line in body:
        writer.emit(indent, line)
    writer.emit(1, "return out")
    encoder: Callable[[Any], dict[str, Any]] = writer.compile(
        "encode", f"<geoevents encoder {cls.__name__}>"
    )
    return encoder


# orjson writes a float as float.__repr__ does, except some below 1e-4 in size
# (0.00001 for 1e-05, 1e-7 for 1e-07); checked over the whole exponent range.
_UNLIKE_REPR: Final = "({v} is not None and {v} != 0.0 and -1e-4 < {v} < 1e-4)"


def compile_float_check(cls: type, _found: dict[type, Any] | None = None) -> Any:
    """A test of whether an instance holds a float that orjson would write unlike ``repr``.

    Floats sit only in float fields, so the test reads those (through nested classes
    and arrays of them) instead of scanning the encoded bytes. Returns ``None`` for a
    class that can hold no float at all.
    """
    found = {} if _found is None else _found
    if cls in found:
        return found[cls]
    found[cls] = None  # a class that refers back to itself adds nothing on the way down
    writer = CodeWriter()
    writer.emit(0, "def check(o):")
    tests = 0
    for field in attrs.fields(attrs.resolve_types(cls)):
        t = optional_item(field.type) or field.type
        item = tuple_item(t)
        inner = item if item is not None else t
        if inner is float:
            test = _UNLIKE_REPR.format(v="v")
        elif isinstance(inner, type) and attrs.has(inner):
            nested = compile_float_check(inner, found)
            if nested is None:
                continue
            test = f"(v is not None and {writer.name(nested, 'check')}(v))"
        else:
            continue
        tests += 1
        if item is not None:
            writer.emit(1, f"for v in o.{field.name}:")
            writer.emit(2, f"if {test}: return True")
        else:
            writer.emit(1, f"v = o.{field.name}")
            writer.emit(1, f"if {test}: return True")
    if not tests:
        return None
    writer.emit(1, "return False")
    found[cls] = writer.compile("check", f"<geoevents float check {cls.__name__}>")
    return found[cls]

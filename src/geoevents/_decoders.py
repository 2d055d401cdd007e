"""Decoders generated per class: the converter's fast path for valid input.

cattrs' detailed structuring is thorough but layered: a hook per field, an exception
handler per field, then attrs' ``__init__`` running every validator again on values that
were just type-checked. For a JSON object that is valid, which is almost every object a
program reads, all that is needed is one pass: check each value's JSON type, turn it into
its Python value, run the validators that say more than the type, and set the slots.

:func:`compile_decoder` writes that pass as the source of one function per attrs class
(as attrs and cattrs generate theirs) and compiles it. The function never reports: on the
first thing it does not like it raises, and the converter then runs its detailed path on
the same input, which either returns the same record or says everything that is wrong.
So the fast path only has to be *sound* (never accept what the detailed path refuses,
never build a different record); tests check both paths side by side.

What it does, per field, in class order:

* read the key (a missing required key raises ``KeyError``);
* check the JSON type exactly (``type(v) is str``: no coercion, ``True`` is not ``1``);
* turn strings into values through the converter's caches (countries, dates, counts,
  enum members), nested objects through their own decoders, arrays into tuples;
* run attrs converters other than :func:`~geoevents._checks.to_tuple` and
  :func:`~geoevents._checks.to_float` (the decoder already builds tuples and plain floats);
* run each validator that the type check does not already imply, inline when it is one
  of :mod:`geoevents._checks`' (falling back to the validator itself for unusual values),
  else by calling it with the instance, whose slots are not set yet: a validator that
  reads another field then fails and the detailed path decides;
* set the slots (see :func:`_builder`) and call ``__attrs_post_init__``.

Validators are assumed to depend on their value alone (true of every validator here and
of attrs' own), so a default value, checked once when the decoder is built, is not
checked again on every record.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any, Final

import attrs

from geoevents import _checks
from geoevents._codegen import CodeWriter, optional_item, tuple_item

__all__ = ["Bail", "Leaf", "compile_decoder"]


class Bail(Exception):  # noqa: N818 - a signal, not an error users see
    """Raised by a generated decoder that leaves the decision to the detailed path."""


_MISSING: Final[Any] = object()
_HASH_CACHE: Final = "_attrs_cached_hash"  # the slot attrs adds for cache_hash=True
_OPTIONAL_VALIDATOR: Final[type[Any]] = type(attrs.validators.optional(_checks.Identifier()))
_DEEP_ITERABLE: Final[type[Any]] = type(attrs.validators.deep_iterable(_checks.Identifier()))


@attrs.frozen
class Leaf:
    """How the converter turns one JSON value into a value type, for inlining.

    Attributes:
        hook: the converter's structure hook (called as ``hook(value, type)``); it
            raises on a bad value.
        cache: strings already converted, consulted before *hook*; values of exactly
            ``str`` type only.
        strict: the cache is complete (an enum's members): a string not in it is bad,
            without calling *hook*.
        strings: the type's JSON form is a string (objects of its class may share
            instances; see :func:`compile_decoder`).
    """

    hook: Callable[[Any, Any], Any]
    cache: Mapping[str, Any] | None = None
    strict: bool = False
    strings: bool = False


class _Writer(CodeWriter):
    """Accumulates the source of one decoder and the names it refers to."""

    def __init__(
        self,
        leaf_for: Callable[[Any], Leaf | None],
        decoder_for: Callable[[Any], Callable[[Any], Any] | None],
    ) -> None:
        # The class, not one shared instance: ``raise bail`` makes a new exception each
        # time. A shared one would gather every failed frame into its traceback, and keep
        # each one's input and half-built instance alive.
        super().__init__(bail=Bail)
        self.leaf_for = leaf_for
        self.decoder_for = decoder_for

    def share_lookup(self, shared: Any) -> None:
        """Emit the lookup of an equal object decoded before (see :func:`compile_decoder`)."""
        self.emit(1, "try:")
        self.emit(2, "key = tuple(d.items())")
        self.emit(2, f"hit = {self.name(shared, 'shared')}.get(key)")
        self.emit(1, "except TypeError:  # an array value")
        self.emit(2, "key = hit = None")
        self.emit(1, "if hit is not None:")
        self.emit(2, "for v in d.values():")
        self.emit(3, "if v is not None and type(v) is not str: break")
        self.emit(2, "else:  # the same strings as before: the same instance")
        self.emit(3, "return hit")

    def field(self, field: attrs.Attribute[Any], var: str, key: str) -> bool:
        """Emit reading, converting and checking one field into *var*; False if unsupported."""
        default: Any = field.default
        factory = isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        converter = field.converter
        if (
            not field.init
            or (factory and default.takes_self)
            or isinstance(converter, attrs.Converter)
        ):
            return False
        validator = field.validator
        if default is attrs.NOTHING:
            self.emit(1, f"{var} = d[{key!r}]")
            body = 1
        elif (
            default is None
            and converter in (None, _checks.to_float)  # the decoder's floats are plain
            and optional_item(field.type) is not None
        ):
            # Absent and null are the same value here: one lookup, one test, and the
            # validator (which accepts None, checked here) sees only other values.
            self.emit(1, f"{var} = d.get({key!r})")
            if validator is not None and not _passes(validator, field, None):
                return False
            self.emit(1, f"if {var} is not None:")
            inner = optional_item(field.type)
            if not self.value(inner, var, 2):
                return False
            if isinstance(validator, _OPTIONAL_VALIDATOR):
                validator = validator.validator
            if validator is not None:
                self.check(validator, inner, self.name(field, "attr"), var, 2)
            return True
        else:
            missing = self.name(_MISSING, "missing")
            self.emit(1, f"{var} = d.get({key!r}, {missing})")
            self.emit(1, f"if {var} is {missing}:")
            if factory:
                self.emit(2, f"{var} = {self.name(default.factory, 'factory')}()")
                if converter is not None:
                    self.emit(2, f"{var} = {self.name(converter, 'conv')}({var})")
            else:
                # attrs converts and checks defaults too; do both once, here.
                default = default if converter is None else converter(default)
                self.emit(2, f"{var} = {self.name(default, 'default')}")
                if validator is not None and not _passes(validator, field, default):
                    return False
            self.emit(1, "else:")
            body = 2
        if not self.value(field.type, var, body):
            return False
        if converter is not None and converter not in (_checks.to_tuple, _checks.to_float):
            self.emit(body, f"{var} = {self.name(converter, 'conv')}({var})")
        if validator is not None:
            # A factory's value is checked every time; a plain default was checked above.
            self.check(validator, field.type, self.name(field, "attr"), var, 1 if factory else body)
        return True

    def value(self, t: Any, var: str, indent: int) -> bool:
        """Emit code turning the JSON value in *var* into a value of *t*, in place."""
        if t is str or t is int or t is bool:
            self.emit(indent, f"if type({var}) is not {t.__name__}: raise bail")
            return True
        if t is float:
            self.emit(indent, f"if type({var}) is not float:")
            self.emit(indent + 1, f"if type({var}) is not int: raise bail")
            self.emit(indent + 1, f"{var} = float({var})")
            self.emit(indent, f"elif {var} - {var} != 0.0: raise bail")  # NaN or infinite
            return True
        item = optional_item(t)
        if item is not None:
            self.emit(indent, f"if {var} is not None:")
            return self.value(item, var, indent + 1)
        item = tuple_item(t)
        if item is not None:
            self.emit(indent, f"if type({var}) is not list: raise bail")
            if item is str:
                self.emit(indent, f"for i in {var}:")
                self.emit(indent + 1, "if type(i) is not str: raise bail")
                self.emit(indent, f"{var} = tuple({var})")
                return True
            function = self.item_function(item)
            if function is None:
                return False
            self.emit(indent, f"{var} = tuple([{self.name(function, 'f')}(i) for i in {var}])")
            return True
        decoder = self.decoder_for(t) if attrs.has(t) else None
        if decoder is not None:
            self.emit(indent, f"{var} = {self.name(decoder, 'd')}({var})")
            return True
        leaf = self.leaf_for(t)
        if leaf is None:
            return False
        hook = self.name(leaf.hook, "h")
        if leaf.cache is None:
            self.emit(indent, f"{var} = {hook}({var}, {self.name(t, 't')})")
            return True
        cache = self.name(leaf.cache, "c")
        self.emit(indent, f"x = {cache}.get({var}) if type({var}) is str else None")
        self.emit(indent, "if x is None:")
        if leaf.strict:
            self.emit(indent + 1, "raise bail")
        else:
            self.emit(indent + 1, f"x = {hook}({var}, {self.name(t, 't')})")
        self.emit(indent, f"{var} = x")
        return True

    def item_function(self, t: Any) -> Callable[[Any], Any] | None:
        """A one-argument function converting an array item to *t*."""
        decoder = self.decoder_for(t) if attrs.has(t) else None
        if decoder is not None:
            return decoder
        writer = _Writer(self.leaf_for, self.decoder_for)
        writer.emit(0, "def item(v):")
        if not writer.value(t, "v", 1):
            return None
        writer.emit(1, "return v")
        item: Callable[[Any], Any] = writer.compile(
            "item", f"<geoevents item decoder {getattr(t, '__name__', t)}>"
        )
        return item

    def check(self, validator: Any, t: Any, field: str, var: str, indent: int) -> None:
        """Emit the checks of *validator* that the type of *var* does not already imply."""
        base = optional_item(t)
        optional = base is not None
        base = t if base is None else base
        guard = f"{var} is not None and " if optional else ""  # else checked, or not optional
        match validator:
            case _checks.InstanceOf(kind=kind, optional=allows_none):
                if isinstance(base, type) and issubclass(base, kind) and allows_none >= optional:
                    return
            case _checks.InstancesOf(kind=kind, min_len=min_len):
                item = tuple_item(base)
                if isinstance(item, type) and issubclass(item, kind):
                    if min_len:
                        self.emit(indent, f"if len({var}) < {min_len}: raise bail")
                    return
            case _checks.Identifier():
                match = self.name(_checks.ID_PATTERN.fullmatch, "m")
                self.emit(indent, f"if {match}({var}) is None: raise bail")
                return
            case _checks.CameoCode():
                match = self.name(_checks.CAMEO_PATTERN.fullmatch, "m")
                self.emit(indent, f"if {guard}{match}({var}) is None: raise bail")
                return
            case _checks.Coordinate(limit=limit) if base is float:
                self.emit(indent, f"if {guard}not -{limit!r} <= {var} <= {limit!r}: raise bail")
                return
            case _checks.Text(limit=limit) if base is str:
                # The common case inline; anything unusual (newlines...) asks the validator.
                self.emit(
                    indent,
                    f"if {guard}not ({var}.isprintable() and 0 < len({var}) <= {limit} "
                    f"and not {var}.isspace()):",
                )
                self.emit(indent + 1, f"{self.name(validator, 'v')}(self, {field}, {var})")
                return
            case _ if isinstance(validator, _OPTIONAL_VALIDATOR) and optional:
                self.emit(indent, f"if {var} is not None:")
                self.check(validator.validator, base, field, var, indent + 1)
                return
            case _ if isinstance(validator, _DEEP_ITERABLE) and tuple_item(base) is not None:
                # The decoder's value is a tuple already: what tuple_value checks.
                if validator.iterable_validator in (None, _checks.tuple_value):
                    member = validator.member_validator
                    self.emit(indent, f"for j in {var}:")
                    self.check(member, tuple_item(base), field, "j", indent + 1)
                    return
        self.emit(indent, f"{self.name(validator, 'v')}(self, {field}, {var})")


def _holds_strings(t: Any, leaf_for: Callable[[Any], Leaf | None]) -> bool:
    """Whether a field of type *t* holds a string (or null) in JSON, as sharing needs."""
    t = optional_item(t) or t
    item = tuple_item(t)
    if item is not None:  # an array makes the key unhashable: never shared, so harmless
        return _holds_strings(item, leaf_for)
    if t is str:
        return True
    leaf = leaf_for(t)
    return leaf is not None and leaf.strings


def _passes(validator: Any, field: attrs.Attribute[Any], value: Any) -> bool:
    try:
        validator(None, field, value)
    except Exception:  # noqa: BLE001 - any failure means "check it every time"
        return False
    return True


def _builder(cls: type) -> type | None:
    """A subclass of *cls* whose slots plain attribute stores can set, or ``None``.

    A frozen attrs class refuses ``setattr``, so its own ``__init__`` stores each field
    through ``object.__setattr__``, a call per field. The builder adds no slots and takes
    back object's own ``__setattr__`` and ``__delattr__`` (both, so that CPython gives it
    the generic C setter, whose stores the interpreter specializes). A decoder fills an
    instance of it with plain stores and then sets its ``__class__`` to *cls*, which the
    layouts allow since the builder adds nothing; an instance that fails is dropped
    before anyone sees it. About three times faster than a call per field.

    Classes with a metaclass, ``__init_subclass__`` or ``__del__`` get no builder, since
    creating one would run their code; the decoder then stores through the slots'
    descriptors. The builder is a real subclass: it appears in ``cls.__subclasses__()``.
    """
    if type(cls) is not type or any(
        "__init_subclass__" in vars(k) or "__del__" in vars(k) for k in cls.__mro__[:-1]
    ):
        return None  # subclassing would run the class's own code, or a metaclass's
    namespace: dict[str, Any] = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": __name__,
    }
    try:
        builder = type(f"_{cls.__name__}Builder", (cls,), namespace)
        probe: Any = object.__new__(builder)
        probe.__class__ = cls
    except Exception:  # noqa: BLE001 - a class that refuses subclasses or the swap
        return None
    return builder


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if isinstance(slot, types.MemberDescriptorType):
            return slot.__set__
    return lambda self, value: object.__setattr__(self, name, value)


def compile_decoder(
    cls: type,
    *,
    keys: Mapping[str, str],
    allowed: frozenset[str] | None,
    leaf_for: Callable[[Any], Leaf | None],
    decoder_for: Callable[[Any], Callable[[Any], Any] | None],
    shared: MutableMapping[Any, Any] | None = None,
    shared_limit: int = 65_536,
) -> Callable[[Any], Any] | None:
    """Generate the fast decoder of one attrs class, or ``None`` if it has no fast path.

    Args:
        cls: a slotted attrs class.
        keys: the JSON key of each field.
        allowed: the keys an object may have (``None``: any key).
        leaf_for: how the converter handles a non-class type (``None``: unknown, and the
            class gets no fast path).
        decoder_for: the fast decoder of a nested attrs class, if it has one.
        shared: where to keep instances for reuse, if the class is one whose fields all
            hold strings (see below); ``None`` to build every instance anew.
        shared_limit: how many instances *shared* may hold.

    Returns:
        A function of one JSON value that returns the instance or raises (anything).

    Instances are immutable, so two equal objects can be one instance, as the converter
    already does for countries and dates. For classes whose every field holds a string
    (an actor: kind, name, country, title...), the decoder keeps what it built under the
    object's items and hands the same instance out again for an equal object. Actors
    recur in almost every record of a dataset, so this saves both time and memory. Only
    strings are trusted: an instance is handed out again only when every value of the
    object is a string or null, since ``1 == 1.0 == True`` and ``0.0 == -0.0`` would
    let a different JSON value through.
    """
    if hasattr(cls, "__attrs_pre_init__"):
        return None
    fields = attrs.fields(attrs.resolve_types(cls))  # string annotations become types
    writer = _Writer(leaf_for, decoder_for)
    writer.emit(0, "def decode(d):")
    writer.emit(1, "if type(d) is not dict: raise bail")
    sharing = shared is not None and all(_holds_strings(f.type, leaf_for) for f in fields)
    if sharing:
        writer.share_lookup(shared)
    if allowed is not None:
        writer.emit(1, f"if not d.keys() <= {writer.name(allowed, 'k')}: raise bail")
    # Validators get the instance before its slots are set: one that reads another field
    # then fails, and the detailed path (attrs' own order) decides.
    builder = _builder(cls)
    made = writer.name(cls if builder is None else builder, "cls")
    writer.emit(1, f"self = {writer.name(object.__new__, 'new')}({made})")
    for index, field in enumerate(fields):
        if not writer.field(field, f"a{index}", keys[field.name]):
            return None
    for index, field in enumerate(fields):
        if builder is None:
            writer.emit(1, f"{writer.name(_setter(cls, field.name), 's')}(self, a{index})")
        else:
            writer.emit(1, f"self.{field.name} = a{index}")
    if any(_HASH_CACHE in vars(k) for k in cls.__mro__):  # attrs' cache_hash=True
        if builder is None:
            writer.emit(1, f"{writer.name(_setter(cls, _HASH_CACHE), 's')}(self, None)")
        else:
            writer.emit(1, f"self.{_HASH_CACHE} = None")
    if builder is not None:
        writer.emit(1, f"self.__class__ = {writer.name(cls, 'cls')}")
    post_init = getattr(cls, "__attrs_post_init__", None)  # on the finished instance
    if post_init is not None:
        writer.emit(1, f"{writer.name(post_init, 'post')}(self)")
    if sharing:
        writer.emit(
            1, f"if key is not None and len({writer.name(shared, 'shared')}) < {shared_limit}:"
        )
        writer.emit(2, f"{writer.name(shared, 'shared')}[key] = self")
    writer.emit(1, "return self")
    decoder: Callable[[Any], Any] = writer.compile("decode", f"<geoevents decoder {cls.__name__}>")
    return decoder

"""Writing Python source at run time, as attrs and cattrs do for their generated methods.

:class:`CodeWriter` collects lines and the objects they refer to, then compiles them into
a function whose source :mod:`linecache` knows, so tracebacks and debuggers show the
generated lines. :mod:`geoevents._decoders` and :mod:`geoevents._encoders` build on it.
"""

from __future__ import annotations

import itertools
import linecache
import types
from typing import Any, Union, get_args, get_origin

__all__ = ["CodeWriter", "optional_item", "tuple_item"]


def optional_item(t: Any) -> Any:
    """``X`` for ``X | None`` (one type and None), else ``None``."""
    args = get_args(t)
    if get_origin(t) in (types.UnionType, Union) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


def tuple_item(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    args = get_args(t)
    if get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


class CodeWriter:
    """The lines of one generated function and the global names they use."""

    def __init__(self, **names: Any) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = dict(names)
        self._ids = itertools.count()

    def name(self, value: Any, stem: str = "n") -> str:
        """A global name bound to *value* in the generated code (one per object and stem)."""
        for key, bound in self.names.items():
            if bound is value and key.startswith(stem):
                return key
        key = f"{stem}{next(self._ids)}"
        self.names[key] = value
        return key

    def emit(self, indent: int, line: str) -> None:
        """Add one line, indented by *indent* levels."""
        self.lines.append("    " * indent + line)

    def compile(self, function: str, filename: str) -> Any:
        """Compile the lines and return the function named *function*."""
        source = "\n".join(self.lines) + "\n"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        namespace = dict(self.names)
        exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - our own source
        return namespace[function]

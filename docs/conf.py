"""Sphinx configuration for the geoevents documentation.

Build (the same commands run in CI and are printed in the README)::

    python -m sphinx -W --keep-going -n -d docs/_build/doctrees -b html docs docs/_build/html
    python -m sphinx -W --keep-going -n -d docs/_build/doctrees -b doctest docs docs/_build/doctest

``-W`` turns warnings into errors and ``-n`` (nitpicky) reports every cross-reference
that does not resolve, so a renamed function breaks the build instead of the docs.
The build needs no network: there is no intersphinx (see ``nitpick_ignore_regex``).
"""

from __future__ import annotations

import doctest
import importlib
from typing import Any

import geoevents

project = "geoevents"
author = "The geoevents developers"
copyright = "2025, The geoevents developers"
release = geoevents.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]
language = "en"

# --- MyST ------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# --- autodoc and napoleon (Google-style docstrings) -------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = False
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True
add_module_names = False
python_display_short_literal_types = True

# --- doctest ---------------------------------------------------------------------------
# Only explicit ``{doctest}``/``{testcode}`` blocks in the pages run here. The ``>>>``
# examples inside docstrings are run by ``pytest --doctest-modules`` in their module's
# namespace; running them again here, without that namespace, would only fail.
doctest_test_doctest_blocks = ""
# Exception messages are compared exactly (Sphinx ignores their detail by default).
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1
# No global set-up: every page imports what it uses, so its examples work when pasted.
doctest_global_setup = ""

# --- HTML ------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"geoevents {release}"
html_static_path: list[str] = []
html_show_sourcelink = False

# --- nitpicky mode ---------------------------------------------------------------------
# Intersphinx needs the network (the inventories of Python, attrs, cattrs, Hypothesis,
# pyarrow and Dask are downloaded), and the docs build must work offline. So references
# to the standard library and to third-party types in signatures cannot resolve; they
# are ignored here, by pattern, and nothing else is: a broken reference to anything in
# geoevents still fails the build.
nitpick_ignore_regex = [
    # builtins and the standard library
    (r"py:.*", r"(None|bool|int|float|str|bytes|object|dict|list|tuple|set|frozenset|type)"),
    (r"py:.*", r"(Exception|BaseException|ExceptionGroup|ValueError|TypeError|UserWarning)"),
    (r"py:.*", r"(FileExistsError|FileNotFoundError|OSError|ImportError|KeyError)"),
    (r"py:.*", r"(datetime|typing|collections|os|io|enum|types|pathlib|argparse|json)(\..*)?"),
    (r"py:.*", r"(Any|Final|Literal|ClassVar|IO|Iterable|Iterator|Sequence|Mapping|Callable)"),
    (r"py:.*", r"(Generator|TracebackType|NoReturn|TypeVar|T|PathLike|MappingProxyType)"),
    (r"py:.*", r"(date|time|timezone)"),
    # third-party packages (attrs, cattrs, Hypothesis, pyarrow, Dask)
    (r"py:.*", r"(attrs|attr|cattrs|cattr|hypothesis|pyarrow|pa|pads|dask|distributed)(\..*)?"),
    (r"py:.*", r"(Attribute|Converter|SearchStrategy|st\..*|InvalidArgument)"),
    (r"py:.*", r"(ClassValidationError|IterableValidationError|BaseValidationError)"),
    (r"py:.*", r"(Table|RecordBatch|Schema|DataType|Partitioning|Client|LocalCluster)"),
]


# --- resolving our own short and module-path references ---------------------------------
# Public names are documented where users import them (``geoevents.FuzzyDate``), while
# docstrings and signatures name them where they are defined (``FuzzyDate``,
# ``~geoevents.temporal.FuzzyDate``, ``geoevents.records.Event``). This handler resolves
# such a reference to the documented object only when it is provably the *same* object
# (or the only documented object of that name); anything else stays a nitpicky error.


def _objects(dotted: str) -> list[Any]:
    """Every object a dotted name can denote: the longest importable module, then attributes.

    A name may denote a module and, through a package attribute, something else; every
    candidate is returned.
    """
    parts = dotted.split(".")
    found = []
    for split in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:split]))
            for part in parts[split:]:
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            continue
        found.append(obj)
    return found


def _same(a: str, b: str) -> bool:
    """Whether two dotted names can denote the very same object."""
    return any(x is y for x in _objects(a) for y in _objects(b))


def _missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"].lstrip("~.")
    domain = env.get_domain("py")
    objects = domain.objects
    candidates: list[str] = []
    if target.startswith("geoevents."):
        # A module path: geoevents.temporal.FuzzyDate.sort_key -> FuzzyDate.sort_key
        rest = target.split(".")
        for i in range(len(rest) - 1, 0, -1):
            tail = ".".join(rest[i:])
            found = [n for n in objects if n == tail or n.endswith("." + tail)]
            candidates = [n for n in found if n.startswith("geoevents") and _same(n, target)]
            if candidates:
                break
    else:
        classname = node.get("py:class")
        found = [n for n in objects if n.startswith("geoevents") and n.endswith("." + target)]
        if classname:  # a member of the current class first (``:attr:`DAY``` in Precision)
            own = [n for n in found if n.endswith(f".{classname}.{target}")]
            found = own or found
        if len(found) > 1:  # re-exports of one object count once
            first = found[0]
            if all(_same(first, n) for n in found[1:]):
                found = [first]
        candidates = found
    if len(candidates) != 1:
        return None
    name = candidates[0]
    entry = objects[name]
    from sphinx.util.nodes import make_refnode

    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, name)


def _no_inline_type(  # noqa: PLR0917 - the signature of Sphinx's event
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Undo napoleon reading "A short label: the name..." as ``type: description``.

    In Google style the first line of an attribute or property docstring may be
    ``type: description``; ours are sentences that contain a colon, which napoleon turns
    into a ``:type:`` field (a broken cross-reference). Runs after napoleon (priority 600)
    and puts the sentence back together when the "type" has spaces, so it is prose.
    """
    if what not in {"attribute", "property", "data"}:
        return
    for i, line in enumerate(lines):
        if line.startswith(":type: ") and " " in line[len(":type: ") :].strip():
            head = line[len(":type: ") :].strip()
            del lines[i]
            if i > 0 and not lines[i - 1].strip():
                del lines[i - 1]
            first = next((j for j, text in enumerate(lines) if text.strip()), None)
            if first is None:
                lines.insert(0, head)
            else:
                lines[first] = f"{head}: {lines[first].lstrip()}"
            return


def setup(app: Any) -> None:
    """Connect the handlers above (Sphinx calls this for conf.py)."""
    app.connect("missing-reference", _missing_reference)
    app.connect("autodoc-process-docstring", _no_inline_type, priority=600)

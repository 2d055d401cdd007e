"""The documentation in docs/ stays complete and its examples stay true.

The pages' Python examples run in the Sphinx doctest build (see docs/conf.py and
.ci/run); these tests are the fast checks that need no Sphinx: every public name is in the
API reference, no page hides Python code from the doctest builder, and the command-line
examples print what the pages say.
"""

from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path

import pytest

import geoevents
from geoevents.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs"
REFERENCE = DOCS / "reference"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="docs/ is not in this checkout")

# ``.. autoclass:: Name`` (reST inside ``{eval-rst}``) or ```` ```{autoclass} Name ````.
_DIRECTIVE = re.compile(
    r"^\s*(?:\.\. (?P<rst>auto\w+|currentmodule|module|function|data|class)::"
    r"|```\{(?P<myst>auto\w+|currentmodule|py:currentmodule)\})\s*(?P<name>[\w.]+)",
    re.MULTILINE,
)
# Documented by hand (not autodoc) on purpose, with the reason.
_BY_HAND = {
    "evolve": "attrs.evolve re-exported; its attrs docstring refers to attrs' own docs",
}


def _documented() -> dict[str, set[str]]:
    """Every name documented in the reference, by directive kind, fully qualified."""
    found: dict[str, set[str]] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        module = None
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            kind = match["rst"] or match["myst"]
            name = match["name"]
            if kind in {"currentmodule", "py:currentmodule", "module"}:
                module = name
                continue
            qualified = (
                name if name.startswith("geoevents") or module is None else f"{module}.{name}"
            )
            found.setdefault(kind, set()).add(qualified)
    return found


def _resolve(dotted: str) -> object:
    """The object a documented name denotes (package attributes before submodules)."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
            for part in parts[split:]:
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            continue
        return obj
    raise LookupError(dotted)


class TestReference:
    def test_every_public_name_is_documented(self) -> None:
        """Each name in geoevents.__all__ has an autodoc entry (or a by-hand one, listed)."""
        documented = _documented()
        auto = {n for kind, names in documented.items() if kind.startswith("auto") for n in names}
        by_hand = documented.get("function", set()) | documented.get("data", set())
        objects = {id(_resolve(n)) for n in auto}
        missing = []
        for name in geoevents.__all__:
            if f"geoevents.{name}" in auto:
                continue
            if name in _BY_HAND and f"geoevents.{name}" in by_hand:
                continue
            # Data documented where it is defined (autodoc finds its docstring there).
            value = getattr(geoevents, name)
            if any(n.endswith(f".{name}") for n in auto) and id(value) in objects:
                continue
            missing.append(name)
        assert missing == []

    def test_reference_documents_nothing_that_does_not_exist(self) -> None:
        """Every autodoc target imports, so a rename cannot leave a stale entry behind."""
        for kind, names in _documented().items():
            if kind.startswith("auto"):
                for name in names:
                    _resolve(name)

    @pytest.mark.parametrize(
        "module", ["strategies", "datasets", "cli", "interop", "arrow", "dask"]
    )
    def test_submodules_are_documented_whole(self, module: str) -> None:
        """Modules not re-exported by the package are documented with all their members."""
        text = "\n".join(p.read_text(encoding="utf-8") for p in REFERENCE.glob("*.md"))
        assert re.search(
            rf"\.\. automodule:: geoevents\.{module}\n(?:\s+:[\w-]+:.*\n)*?\s+:members:", text
        )


def _console_examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, expected output) for each ``$ geoevents ...`` line with output."""
    examples = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"^```console\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
            command: str | None = None
            output: list[str] = []
            for line in [*block.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command is not None and output:
                        examples.append((str(page.relative_to(DOCS)), command, output))
                    command, output = line[2:], []
                elif command is not None:
                    output.append(line)
    return examples


class TestPages:
    @pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
    def test_python_examples_are_executed(self, page: Path) -> None:
        """Python appears only in doctest/testcode blocks, which the doctest build runs."""
        fences = re.findall(r"^```(\w+)\s*$", page.read_text(encoding="utf-8"), re.MULTILINE)
        assert not {"python", "py", "pycon", "python3"} & set(fences)

    def test_console_examples_exist(self) -> None:
        """The command-line examples with output are found (so the next test checks some)."""
        assert len(_console_examples()) >= 3

    @pytest.mark.parametrize("example", _console_examples(), ids=lambda e: e[1])
    def test_console_example_prints_what_the_page_says(
        self, example: tuple[str, str, list[str]], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each ``$ geoevents ...`` example with output prints exactly that output."""
        _page, command, expected = example
        argv = shlex.split(command)
        assert argv[0] == "geoevents"
        main(argv[1:])
        assert capsys.readouterr().out.splitlines() == expected

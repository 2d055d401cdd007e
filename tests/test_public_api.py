"""The public API: what ``geoevents.__all__`` promises is there, typed and documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import geoevents


@pytest.mark.parametrize("name", geoevents.__all__)
def test_exported_and_documented(name: str) -> None:
    """Every public name resolves and (unless it is a constant) has a docstring."""
    obj = getattr(geoevents, name)
    if name.isupper() or name == "Entry":  # constants and the type alias document elsewhere
        return
    assert inspect.getdoc(obj), f"{name} has no docstring"


def test_dir_matches_all() -> None:
    """``dir(geoevents)`` lists exactly the public names and the version."""
    assert dir(geoevents) == sorted([*geoevents.__all__, "__version__"])


def test_version() -> None:
    """The version comes from the installed metadata."""
    assert geoevents.__version__ == "0.1.0"


def test_unknown_attribute() -> None:
    """A misspelt name is an AttributeError naming it."""
    with pytest.raises(AttributeError, match="'Evnet'"):
        _ = geoevents.Evnet


def test_import_stays_light() -> None:
    """Importing the package loads neither cattrs, the name index, nor the optional extras."""
    code = (
        "import sys, geoevents; "
        "print(sorted(m for m in ('cattrs', 'pyarrow', 'dask', 'hypothesis', 'orjson', "
        "'geoevents.normalize', 'geoevents.jsonio') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"

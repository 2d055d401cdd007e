"""Every script in ``examples/`` runs and prints what it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def run(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an example script with the package on the path."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def test_all_examples_are_covered() -> None:
    """The examples below are all the examples there are."""
    assert [p.name for p in EXAMPLES] == [
        "build_records.py",
        "dask_validate.py",
        "duckdb_query.py",
        "normalize_csv_countries.py",
        "query_seed_dataset.py",
        "timeline_markdown.py",
        "validate_folder.py",
    ]


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.stem)
def test_runs(script: Path) -> None:
    """The example exits 0 and prints something."""
    result = run(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout


def test_csv_normalization_output() -> None:
    """The CSV example fills ISO codes and leaves ambiguous and unknown rows empty."""
    result = run(ROOT / "examples" / "normalize_csv_countries.py")
    assert result.stdout.splitlines() == [
        "event_id,country,iso2",
        "1,Türkiye,TR",
        "2,Turkey,TR",
        "3,Suriye,SY",
        "4,TU,",
        "5,Congo,",
        "6,Kurdistan,",
        "7,Deutschland,DE",
        "8,Syrian Arab Republic,SY",
    ]
    assert "'Congo' is ambiguous" in result.stderr


def test_timeline_table() -> None:
    """The Markdown timeline is a table with one row per seed record."""
    lines = run(ROOT / "examples" / "timeline_markdown.py").stdout.splitlines()
    assert lines[:2] == [
        "| possible dates | EDTF | kind | what | according to |",
        "|---|---|---|---|---|",
    ]
    assert len(lines) == 2 + 62
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])

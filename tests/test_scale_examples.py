"""The Parquet/DuckDB and Dask examples run and give exact answers."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent


def example(name: str) -> ModuleType:
    """Import an example script as a module, without running its main()."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_duckdb_query() -> None:
    """DuckDB filters the seed export by date range and country code with plain SQL."""
    rows = example("duckdb_query").main()
    assert len(rows) == 19
    assert rows[0] == ("s2025/003/request", "request", "2025-07-09/2025-07-23")
    assert rows[-1] == ("s2025/003/training-support-status", "request", "2025-07-23")
    assert all(r[2].startswith("2025-07") for r in rows)


def test_dask_validate() -> None:
    """The Dask example finds exactly its two injected problems among 20,000 records."""
    result = example("dask_validate").main()
    assert result.records == 20_000
    assert [(p.rule, p.record) for p in result.report.problems] == [
        ("dangling-reference", "r7"),
        ("duplicate-id", "r0"),
    ]

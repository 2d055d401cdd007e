"""Query the seed records with SQL: export them to Parquet, then filter with DuckDB.

DuckDB runs embedded (no server). The export keeps typed columns for queries (dates as
DATE, countries as a list) next to each record's canonical JSON.
Needs the arrow extra and duckdb.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from geoevents.arrow import write_parquet
from geoevents.datasets import load


def main() -> list[tuple[str, str, str]]:
    """Export the seed dataset and list its July 2025 records concerning Syria."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed"
        write_parquet(out, load("syria-turkey-2025"), partition_by=("year", "country"))
        rows = duckdb.execute(
            f"""
            SELECT id, kind, date_edtf
            FROM read_parquet('{out}/records/**/*.parquet', hive_partitioning = true)
            WHERE date_earliest >= DATE '2025-07-01'
              AND date_latest <= DATE '2025-07-31'
              AND list_contains(countries, 'SY')
            ORDER BY date_earliest, id
            """
        ).fetchall()
        per_year = duckdb.execute(
            f"""
            SELECT year, country, count(*) AS n
            FROM read_parquet('{out}/records/**/*.parquet', hive_partitioning = true)
            GROUP BY ALL ORDER BY year NULLS LAST, country
            """
        ).fetchall()
    for rid, kind, date in rows:
        print(f"{date:<24} {kind:<10} {rid}")
    print(f"{len(rows)} records dated within July 2025 concerning SY")
    for year, country, n in per_year:
        print(f"partition year={year} country={country}: {n}")
    return [(str(a), str(b), str(c)) for a, b, c in rows]


if __name__ == "__main__":
    main()

"""GDELT 2.0 reading speed and memory: geoevents' reader vs plain csv.reader.

Generates a GDELT 2.0 export of ``--size`` MB (default 200; ``--size 1000`` for 1 GB) by
repeating the 40 sample rows with fresh GLOBALEVENTIDs, then times, in separate
subprocesses so peak RSS is per reader:

* ``csv``: ``csv.reader(delimiter="\\t")`` over the file, touching every row;
* ``geoevents``: ``geoevents.interop.read_gdelt2`` (records, sources, losses, residual).

Peak RSS (``resource.getrusage``) staying the same for 100 MB and 1 GB shows the reader
streams. Run: ``python benchmarks/interop.py [--size MB] [--keep PATH]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "interop"
SAMPLE_FILE = SAMPLE / "gdelt2_export_20250807220000_first40.tsv"


def generate(path: Path, size_mb: int) -> int:
    rows = [line.split("\t") for line in SAMPLE_FILE.read_text().splitlines()]
    target = size_mb * 1024 * 1024
    written = n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        while written < target:
            for fields in rows:
                line = "\t".join([str(2_000_000_000 + n), *fields[1:]]) + "\n"
                out.write(line)
                written += len(line)
                n += 1
    return n


def measure(kind: str, path: str) -> dict[str, float]:
    start = time.perf_counter()
    rows = 0
    if kind == "csv":
        import csv

        with open(path, encoding="utf-8", newline="") as f:
            for _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows += 1
    else:
        from geoevents.interop import read_gdelt2

        for _ in read_gdelt2(path):
            rows += 1
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds, "peak_rss_mb": rss_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=200, help="file size in MB (1000 = 1 GB)")
    parser.add_argument("--keep", help="write the generated file here and keep it")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    folder = tempfile.mkdtemp()
    path = Path(args.keep) if args.keep else Path(folder) / "gdelt2.tsv"
    rows = generate(path, args.size)
    size = path.stat().st_size / 1024 / 1024
    print(f"generated {rows:,} rows, {size:,.0f} MB")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    results = {}
    for kind in ("csv", "geoevents"):
        out = subprocess.run(
            [sys.executable, __file__, "--measure", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        results[kind] = json.loads(out.stdout)
        r = results[kind]
        print(
            f"{kind:10} {r['rows']:>10,} rows  {r['seconds']:7.1f} s  "
            f"{r['rows_per_s']:>10,.0f} rows/s  {size / r['seconds']:6.1f} MB/s  "
            f"peak RSS {r['peak_rss_mb']:6.1f} MB"
        )
    ratio = results["csv"]["rows_per_s"] / results["geoevents"]["rows_per_s"]
    print(f"geoevents is {ratio:.1f}x slower than csv.reader (it builds validated records)")
    if not args.keep:
        path.unlink()


if __name__ == "__main__":
    main()

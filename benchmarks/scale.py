"""Scale benchmark: Parquet vs JSONL throughput, validation cost, and Dask validation.

Usage::

    PYTHONPATH=src python benchmarks/scale.py --n 1000000

Generates a deterministic collection of --n records (plus sources) as JSONL, then runs
each measurement in its own subprocess so peak memory (resident set of the process and
its children, sampled every 50 ms) is per measurement:

* ``decode``: read_jsonl into a list (records/s), then single-process
  ``Dataset(...).validate()`` over the decoded records in the same run (time per record
  next to decode time per record), then write_jsonl and write_parquet of those records.
* ``read_parquet``: read_parquet of the export back into records.
* ``dask-1`` / ``dask-2``: geoevents.dask.validate_jsonl on a local cluster of 1 and 2
  worker processes (cluster start-up timed separately), checked equal to the
  single-process report.
* ``single``: single-process decode + validate end to end (the Dask baseline).

Needs the arrow and dask extras and psutil.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

KINDS = ("event", "clash", "strike", "statement")
COUNTRIES = ("SY", "TR", "IL", "IQ", "LB", "JO", "IR", "US", "RU", "FR")
N_SOURCES = 1000


def generate(path: Path, n: int) -> None:
    """Write n deterministic records and N_SOURCES sources, with a few injected problems."""
    import datetime

    start = datetime.date(2020, 1, 1).toordinal()
    span = 5 * 365
    with path.open("w", encoding="utf-8") as out:
        out.write('{"kind":"header","schema":1}\n')
        for s in range(N_SOURCES):
            out.write(
                json.dumps(
                    {
                        "kind": "source",
                        "schema": 1,
                        "id": f"src-{s}",
                        "outlet": f"Outlet {s % 37}",
                        "source_kind": "wire",
                        "published": {"date": "2026-01-01"},
                    }
                )
                + "\n"
            )
        for i in range(n):
            day = datetime.date.fromordinal(start + i * span // max(n, 1)).isoformat()
            kind = KINDS[i % 4]
            c1, c2 = COUNTRIES[i % 10], COUNTRIES[(i // 10) % 10]
            rec: dict[str, object] = {
                "kind": kind,
                "schema": 1,
                "id": f"r{i}" if i % 50_000 != 49_999 else f"r{i - 1}",  # duplicate ids
                "when": {"date": day},
                "summary": f"Generated record {i} about {c1} and {c2}.",
                "attributions": [{"source": f"src-{i % N_SOURCES}"}],
                "location": {"name": f"Place {i % 997}", "country": c1},
                "countries": [c1] if c1 == c2 else [c1, c2],
            }
            if i % 7 == 3 and i > 10:
                rec["refers_to"] = [f"r{i - 7}"]
            if i % 100 == 1:
                rec["same_as"] = [f"r{i - 1}"]
            if i % 100_000 == 5:
                rec["refers_to"] = ["missing-record"]  # dangling
            if kind == "clash":
                rec["sides"] = [
                    {"kind": "armed_group", "name": f"Group {i % 13}", "country": c1},
                    {"kind": "military", "name": f"Army of {c2}", "country": c2},
                ]
                rec["fatalities"] = str(i % 40)
            elif kind == "strike":
                rec["perpetrator"] = {"kind": "military", "name": f"Air force of {c2}"}
                rec["weapon"] = "drone"
            elif kind == "statement":
                rec["speaker"] = {"kind": "person", "name": f"Speaker {i % 101}", "country": c1}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


class Peak:
    """Sample the resident memory of this process and its children; keep the maximum."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def phase(name: str, file: Path, work: Path) -> dict[str, float]:
    from geoevents import Dataset, Source, read_jsonl, write_jsonl

    out: dict[str, float] = {}
    with Peak() as peak:
        if name == "decode":
            t = time.perf_counter()
            entries = list(read_jsonl(file))
            out["decode_s"] = time.perf_counter() - t
            records = [e for e in entries if not isinstance(e, Source)]
            sources = [e for e in entries if isinstance(e, Source)]
            out["records"] = len(records)
            t = time.perf_counter()
            report = Dataset(records, sources=sources).validate()
            out["validate_s"] = time.perf_counter() - t
            out["problems"] = len(report.problems)
            out["disagreements"] = len(report.disagreements)
            t = time.perf_counter()
            write_jsonl(work / "copy.jsonl", entries)
            out["write_jsonl_s"] = time.perf_counter() - t
            from geoevents.arrow import write_parquet

            t = time.perf_counter()
            write_parquet(work / "export", entries, overwrite=True)
            out["write_parquet_s"] = time.perf_counter() - t
        elif name == "read_parquet":
            from geoevents.arrow import read_parquet

            t = time.perf_counter()
            entries = read_parquet(work / "export")
            out["read_parquet_s"] = time.perf_counter() - t
            out["entries"] = len(entries)
        elif name == "single":
            t = time.perf_counter()
            reader = read_jsonl(file, errors="collect")
            report = Dataset.from_entries(reader).validate()
            out["single_s"] = time.perf_counter() - t
            (work / "single.txt").write_text(repr(report))
        elif name.startswith("dask-"):
            from distributed import Client, LocalCluster

            from geoevents.dask import validate_jsonl

            workers = int(name.split("-")[1])
            t = time.perf_counter()
            with (
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, dashboard_address=":0"
                ) as cluster,
                Client(cluster) as client,
            ):
                out["startup_s"] = time.perf_counter() - t
                t = time.perf_counter()
                result = validate_jsonl([file], scheduler=client, npartitions=4 * workers)
                out["dask_s"] = time.perf_counter() - t
            single = work / "single.txt"
            if single.exists():
                out["same_as_single"] = repr(result.report) == single.read_text()
    out["peak_rss_mb"] = round(peak.peak / 2**20)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--phase")
    parser.add_argument("--file")
    parser.add_argument("--work")
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.file), Path(args.work))))
        return
    work = Path(tempfile.mkdtemp(prefix="geoevents-scale-"))
    file = work / "data.jsonl"
    t = time.perf_counter()
    generate(file, args.n)
    print(
        f"generated {args.n:,} records in {time.perf_counter() - t:.1f} s "
        f"({file.stat().st_size / 2**20:.0f} MiB)",
        flush=True,
    )
    results: dict[str, dict[str, float]] = {}
    for name in ("decode", "read_parquet", "single", "dask-1", "dask-2"):
        cmd = [sys.executable, __file__, "--phase", name, "--file", str(file), "--work", str(work)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=os.environ)
        if proc.returncode:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(proc.returncode)
        results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(name, results[name], flush=True)
    table(results, args.n)


def table(results: dict[str, dict[str, float]], n: int) -> None:
    """Print the measurements, per record, with their ratios."""

    def rate(seconds: float) -> str:
        return f"{n / seconds:>10,.0f}/s {seconds / n * 1e6:7.1f} µs/rec"

    d, r, s = results["decode"], results["read_parquet"], results["single"]
    rows = [
        ("read_jsonl (decode)", d["decode_s"], f"peak {d['peak_rss_mb']} MB (decode phase)"),
        (
            "Dataset().validate()",
            d["validate_s"],
            f"validate/decode = {d['validate_s'] / d['decode_s']:.2f}",
        ),
        ("write_jsonl", d["write_jsonl_s"], ""),
        (
            "write_parquet",
            d["write_parquet_s"],
            f"vs write_jsonl = {d['write_parquet_s'] / d['write_jsonl_s']:.2f}",
        ),
        (
            "read_parquet",
            r["read_parquet_s"],
            (
                f"vs read_jsonl = {r['read_parquet_s'] / d['decode_s']:.2f}, "
                f"peak {r['peak_rss_mb']} MB"
            ),
        ),
        ("single-process validate", s["single_s"], f"peak {s['peak_rss_mb']} MB"),
    ]
    for name in ("dask-1", "dask-2"):
        x = results[name]
        rows.append(
            (
                f"{name} validate_jsonl",
                x["dask_s"],
                (
                    f"single/dask = {s['single_s'] / x['dask_s']:.2f}, "
                    f"startup {x['startup_s']:.1f} s, peak {x['peak_rss_mb']} MB, "
                    f"same report: {bool(x.get('same_as_single'))}"
                ),
            )
        )
    print(f"\n{n:,} records (plus {N_SOURCES} sources)")
    for name, seconds, note in rows:
        print(f"{name:<26}{rate(seconds)}  {note}")


if __name__ == "__main__":
    main()

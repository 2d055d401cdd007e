"""Validate a large generated collection in parallel with Dask.

Writes 20,000 generated records (with two injected problems) to JSONL in a temporary
folder and validates them on a local cluster of two worker processes. The same code runs
on a remote cluster: pass ``scheduler="tcp://host:8786"``.
Needs the dask extra.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    Clash,
    Country,
    Event,
    FuzzyDate,
    Source,
    write_jsonl,
)
from geoevents.dask import CollectionReport, validate_jsonl

N = 20_000


def records(n: int) -> list[Event]:
    """n simple records; one refers to a missing record and one repeats an id."""
    start = datetime.date(2024, 1, 1)
    out: list[Event] = []
    for i in range(n):
        day = FuzzyDate.from_date(start + datetime.timedelta(days=i % 500))
        out.append(
            Clash(
                id=f"r{i}" if i != n - 1 else "r0",
                when=day,
                summary=f"Clash number {i}.",
                attributions=(Attribution(source=f"src-{i % 10}"),),
                countries=(Country("SY"),),
                sides=(Actor(kind=ActorKind.ARMED_GROUP, name=f"Group {i % 7}"),),
                refers_to=("missing",) if i == 7 else (),
            )
        )
    return out


def main() -> CollectionReport:
    """Generate, validate with two Dask workers, and print the summary."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.jsonl"
        sources = [Source(id=f"src-{s}", outlet=f"Outlet {s}") for s in range(10)]
        write_jsonl(path, [*sources, *records(N)])
        result = validate_jsonl([path], n_workers=2, npartitions=4)
    print(result.summary())
    for problem in result.report.problems:
        print(problem)
    return result


if __name__ == "__main__":
    main()

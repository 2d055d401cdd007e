"""How long does it take to construct 100,000 validated records?

Construction validates every field, so it must stay cheap: no regex compilation or country
table scans per call. Run: python benchmarks/construction.py [--n 100000]
"""

from __future__ import annotations

import argparse
import gc
import time

from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    Clash,
    Count,
    Country,
    FuzzyDate,
    Location,
    Request,
    RequestItem,
)


def build(n: int) -> list[object]:
    countries = [Country(c) for c in ("SY", "TR", "IL", "US", "LB", "IQ")]
    actors = [
        Actor(kind=ActorKind.GOVERNMENT, name=f"Government {c.alpha2}", country=c)
        for c in countries
    ]
    officials = Actor.unnamed("defence ministry officials", country=countries[1])
    records: list[object] = []
    for i in range(n):
        day = f"2025-07-{1 + i % 28:02d}"
        attribution = Attribution(source=f"src-{i % 50}", via=(officials,))
        if i % 2:
            records.append(
                Request(
                    id=f"bench/{i}",
                    when=FuzzyDate(day),
                    summary="A government asked another for support.",
                    attributions=(attribution,),
                    requester=actors[i % 6],
                    addressee=actors[(i + 1) % 6],
                    items=(RequestItem.TRAINING,),
                    countries=(countries[i % 6], countries[(i + 1) % 6]),
                    cameo="0232",
                )
            )
        else:
            records.append(
                Clash(
                    id=f"bench/{i}",
                    when=FuzzyDate(day),
                    summary="Armed clashes were reported.",
                    attributions=(attribution,),
                    sides=(actors[i % 6], actors[(i + 2) % 6]),
                    location=Location(name="Sweida", country=countries[0]),
                    fatalities=Count(low=i % 10, high=i % 10 + 5),
                )
            )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    build(1_000)  # warm up caches and lazy tables
    gc.collect()
    start = time.perf_counter()
    build(args.n)
    elapsed = time.perf_counter() - start
    print(
        f"constructed {args.n:,} records in {elapsed:.2f} s: "
        f"{args.n / elapsed:,.0f} records/s, {elapsed / args.n * 1e6:.1f} µs per record"
    )


if __name__ == "__main__":
    main()

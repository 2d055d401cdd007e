"""Compare geoevents.normalize_country with peer libraries on a hand-written test set.

Run in a venv with the peers (see benchmarks/requirements-countries.txt):

    PYTHONPATH=src /work/benchenv/bin/python benchmarks/countries.py

Each adapter returns an alpha-2 code, ``("AMBIGUOUS", codes)``, or ``None``; an exception
counts as a miss. A peer gets credit on an ambiguous row only if it reports ambiguity.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTSET = HERE / "data" / "country_testset.tsv"
LONG = "x" * 10_000

Result = Any


def load_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TESTSET.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "input\t")):
            continue
        inp, exp, cat, system = line.split("\t")
        rows.append((inp, exp, cat, system))
    return rows


# --- adapters -----------------------------------------------------------------------------


def make_geoevents(fuzzy: bool):
    from geoevents.errors import AmbiguousCountryError
    from geoevents.normalize import normalize_country

    def run(text: str, system: str) -> Result:
        try:
            return normalize_country(text, system=system or None, fuzzy=fuzzy).alpha2
        except AmbiguousCountryError as e:
            return ("AMBIGUOUS", tuple(c.alpha2 for c in e.candidates))

    return run


def make_pycountry():
    import pycountry

    def run(text: str, system: str) -> Result:
        if system in ("fips", "ioc"):
            return None
        return pycountry.countries.lookup(text).alpha_2

    return run


def make_coco():
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    src = {"fips": "FIPS", "ioc": "IOC"}

    def run(text: str, system: str) -> Result:
        kw = {"src": src[system]} if system in src else {}
        out = coco.convert(names=text, to="ISO2", not_found=None, **kw)
        if isinstance(out, list):
            return ("AMBIGUOUS", tuple(out)) if len(out) > 1 else (out[0] if out else None)
        return out

    return run


def make_countryguess():
    from countryguess import guess_country

    def run(text: str, system: str) -> Result:
        if system in ("fips", "ioc"):
            return None
        hit = guess_country(text)
        return hit["iso2"] if hit else None

    return run


def make_countrynames():
    import countrynames

    def run(text: str, system: str) -> Result:
        if system in ("fips", "ioc"):
            return None
        return countrynames.to_code(text)

    return run


def make_rigour():
    from rigour.territories import lookup_territory

    def run(text: str, system: str) -> Result:
        if system in ("fips", "ioc"):
            return None
        t = lookup_territory(text)
        return t.code.upper()[:2] if t is not None and len(t.code) == 2 else None

    return run


PEERS = {
    "geoevents": (
        lambda: make_geoevents(False),
        "from geoevents.normalize import normalize_country as f; call=lambda t: f(t)",
    ),
    "geoevents fuzzy": (
        lambda: make_geoevents(True),
        "from geoevents.normalize import normalize_country as f; call=lambda t: f(t, fuzzy=True)",
    ),
    "pycountry": (make_pycountry, "import pycountry; call=pycountry.countries.lookup"),
    "country_converter": (
        make_coco,
        (
            "import country_converter as coco; "
            "call=lambda t: coco.convert(t, to='ISO2', not_found=None)"
        ),
    ),
    "countryguess": (make_countryguess, "from countryguess import guess_country as call"),
    "countrynames": (make_countrynames, "from countrynames import to_code as call"),
    "rigour": (make_rigour, "from rigour.territories import lookup_territory as call"),
}


def judge(expected: str, got: Result) -> str:
    """Return right, wrong, missed or ambiguous-reported (counted right on ambiguous rows)."""
    if expected.startswith("AMBIGUOUS:"):
        want = set(expected.split(":", 1)[1].split("|"))
        if isinstance(got, tuple):
            found = set(got[1])
            return "right" if want <= found or found <= want else "wrong"
        return "missed" if got is None else "wrong"
    if expected == "NONE":
        return "right" if got is None else "wrong"
    if isinstance(got, tuple):
        return "ambiguous"
    if got is None:
        return "missed"
    return "right" if got == expected else "wrong"


def first_call_ms(setup: str, text: str = "Turkey") -> float:
    code = (
        "import time; t=time.perf_counter(); " + setup + "\n"
        f"try:\n call({text!r})\nexcept Exception:\n pass\n"
        "print((time.perf_counter()-t)*1000)"
    )
    env = dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH", str(HERE.parent / "src")))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return float("nan")


def main() -> None:
    rows = load_rows()
    cats = list(dict.fromkeys(r[2] for r in rows))
    table: dict[str, dict[str, dict[str, int]]] = {}
    speed: dict[str, tuple[float, float, float, float]] = {}
    for name, (factory, setup) in PEERS.items():
        try:
            run = factory()
        except Exception as e:
            print(f"{name}: unavailable ({type(e).__name__}: {e})", file=sys.stderr)
            continue

        def safe(text: str, system: str, run=run) -> Result:
            try:
                return run(text, system)
            except Exception:
                return None

        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for inp, exp, cat, system in rows:
            verdict = judge(exp, safe(inp, system))
            counts[cat][verdict] += 1
            counts["ALL"][verdict] += 1
        table[name] = counts
        print(f"{name}: accuracy done", file=sys.stderr)
        hits = [
            r
            for r in rows
            if r[1] not in ("NONE",) and not r[1].startswith("AMB") and r[2] != "typo"
        ]
        names = [r[0] for r in hits if not r[3]]
        for t in names:  # warm-up
            safe(t, "")
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.0:
            for t in names:
                safe(t, "")
            n += len(names)
        lps = n / (time.perf_counter() - t0)
        misses = (f"Qzx{i}land" for i in range(1_000_000))
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.0:
            safe(next(misses), "")
            n += 1
        mps = n / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        safe(LONG, "")
        long_ms = (time.perf_counter() - t0) * 1000
        speed[name] = (lps, mps, long_ms, first_call_ms(setup))

    print("## Accuracy by category (% right; ambiguous rows count only reported ambiguity)\n")
    names = list(table)
    print("| category | rows | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for cat in [*cats, "ALL"]:
        total = sum(table[names[0]][cat].values())
        cells = [f"{100 * table[n][cat]['right'] / total:.0f}" for n in names]
        print(f"| {cat} | {total} | " + " | ".join(cells) + " |")
    print("\n## Totals (right / wrong / missed / ambiguity reported on unambiguous rows)\n")
    print("| library | right | wrong | missed | ambiguous |")
    print("|---|---:|---:|---:|---:|")
    for n in names:
        c = table[n]["ALL"]
        print(f"| {n} | {c['right']} | {c['wrong']} | {c['missed']} | {c['ambiguous']} |")
    print("\n## Speed\n")
    print(
        "| library | lookups/s | vs geoevents | misses/s | vs geoevents "
        "| 10k-char string ms | first call after import ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    base_l, base_m = speed["geoevents"][0], speed["geoevents"][1]
    for n in names:
        lps, mps, long_ms, first = speed[n]
        print(
            f"| {n} | {lps:,.0f} | {lps / base_l:.3f} | {mps:,.0f} | {mps / base_m:.3f} "
            f"| {long_ms:.2f} | {first:.0f} |"
        )


if __name__ == "__main__":
    main()

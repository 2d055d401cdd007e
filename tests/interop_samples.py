"""Where the interop tests find the real samples, and a skip marker when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "interop"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"

ACLED = REALDATA / "acled" / "acled_argentina_2022-06_sample.csv"
UCDP = REALDATA / "ucdp_ged" / "ucdp_ged_23_1_sample.csv"
ICEWS = REALDATA / "icews" / "icews_events_2018-06-01_sample.tab"
GDELT2 = DATA / "gdelt2_export_20250807220000_first40.tsv"
GDELT1 = DATA / "gdelt1_events_sample_20160728.tsv"
PLOVER = DATA / "PLOVER_GSR_CAMEO.json"


def need(path: Path) -> Path:
    """Skip the calling test, with a visible reason, when *path* is not there."""
    if not path.is_file():
        pytest.skip(f"sample not available (not redistributable, read from {path})")
    return path

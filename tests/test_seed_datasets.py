"""The seed datasets: valid, bundled in the package, and showing where reports disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents import DatasetError, Source, from_json, read_jsonl, to_json
from geoevents.datasets import load, names
from geoevents.temporal import nested

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.jsonl"))
BUNDLED = ROOT / "src" / "geoevents" / "datasets" / "syria-turkey-2025"


def test_bundled_copy_matches_seeds() -> None:
    """The package ships exactly the files in ``seeds/``."""
    assert [p.name for p in SEEDS] == [
        "000.jsonl",
        "001.jsonl",
        "002.jsonl",
        "003.jsonl",
        "004.jsonl",
    ]
    for path in SEEDS:
        assert (BUNDLED / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_line_reads(path: Path) -> None:
    """Every line of every seed file is a valid entry, and the file names its dataset."""
    reader = read_jsonl(path, errors="collect")
    entries = list(reader)
    assert reader.errors == []
    assert reader.header is not None
    assert reader.header.dataset == "syria-turkey-2025"
    assert sum(1 for e in entries if isinstance(e, Source)) == 1


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_lines_are_written_back_byte_for_byte(path: Path) -> None:
    """Reading and writing again changes no byte: files stay stable under version control."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]  # after the header
    assert [to_json(from_json(line)) for line in lines] == lines


def test_combined_dataset_is_valid() -> None:
    """The five reports together have no errors, and their disagreements are findings."""
    dataset = load("syria-turkey-2025")
    report = dataset.validate()
    assert report.errors == ()
    assert names() == ("syria-turkey-2025",)
    assert len(dataset.sources) == 5
    disputed = {f.field for d in report.disagreements for f in d.fields}
    assert {"when", "kind", "modality", "status"} <= disputed


def test_the_request_versions_nest() -> None:
    """The reports' versions of Syria's request are linked; their dates nest, so they agree.

    The explainer (000) puts it after 2023-09-15 with no end, the aggregator (001) between
    December 2024 and 23 July 2025, the wire copy (003) within the two weeks before 23 July:
    each holds the next, and a vaguer report is not a contradiction.
    """
    dataset = load("syria-turkey-2025")
    (cluster,) = [c for c in dataset.clusters() if "s2025/003/request" in {r.id for r in c}]
    assert sorted(r.id for r in cluster) == [f"s2025/00{i}/request" for i in (0, 1, 3)]
    assert nested([r.when.date for r in cluster])
    assert not [d for d in dataset.validate().disagreements if "s2025/003/request" in d.records]


def test_the_agreement_disagreement() -> None:
    """Whether a defence agreement exists: signed (002), sought (003), possible (001)."""
    dataset = load("syria-turkey-2025")
    (found,) = [d for d in dataset.validate().disagreements if "s2025/002/mou" in d.records]
    by_field = {f.field: [(c.record, c.value) for c in f.claims] for f in found.fields}
    assert by_field["status"] == [
        ("s2025/001/possible-defence-agreement", "proposed"),
        ("s2025/002/mou", "signed"),
        ("s2025/003/sought-defence-agreement", "negotiating"),
    ]
    assert ("s2025/002/mou", "2023-10-19") in by_field["when"]


def test_unknown_name() -> None:
    """An unknown dataset name is a clear error listing the available ones."""
    with pytest.raises(DatasetError, match="available: syria-turkey-2025"):
        load("nope")

"""Library-wide invariants, stated as properties over the public strategies.

Each mutation test takes a clean generated collection, breaks exactly one rule, and checks
that validation reports exactly that problem and nothing else.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from geoevents import (
    Attribution,
    Count,
    Dataset,
    Entry,
    Event,
    FuzzyDate,
    InvalidValueError,
    Modality,
    RecordError,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from geoevents import strategies as gst

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def problems(dataset: Dataset) -> list[tuple[str, str, str, str]]:
    """(severity, rule, record, path) of every problem of *dataset*."""
    return [(p.severity.value, p.rule, p.record, p.path) for p in dataset.validate().problems]


def plain(record: Event, *, rid: str, when: FuzzyDate, source: str) -> Event:
    """A copy of *record* with a new id and date, one attribution and no links."""
    return attrs.evolve(
        record,
        id=rid,
        when=when,
        attributions=(Attribution(source=source),),
        refers_to=(),
        same_as=(),
        modality=Modality.ACTUAL,
    )


class TestSerializationInvariants:
    @given(st.one_of(gst.records(), gst.sources()))
    def test_round_trip_and_fixed_point(self, entry: Entry) -> None:
        """JSON round trips are exact, and one round trip reaches a fixed point."""
        text = to_json(entry)
        assert from_json(text) == entry
        assert to_json(from_json(text)) == text

    @given(st.one_of(gst.records(), gst.sources()))
    def test_construction_never_accepts_what_validation_rejects(self, entry: Entry) -> None:
        """Whatever the constructors accept, the decoder and the JSON Schema accept too."""
        data = to_dict(entry)
        assert from_dict(data) == entry
        assert list(VALIDATOR.iter_errors(data)) == []


class TestSingleMutations:
    @given(gst.datasets(min_size=1, max_size=6), st.data())
    def test_dangling_reference(self, ds: Dataset, data: st.DataObject) -> None:
        """A reference to a missing record gives exactly one dangling-reference error."""
        records = list(ds)
        i = data.draw(st.integers(0, len(records) - 1))
        r = records[i]
        records[i] = attrs.evolve(r, refers_to=(*r.refers_to, "missing"))
        mutated = Dataset(records, sources=ds.sources.values())
        path = f"$.refers_to[{len(r.refers_to)}]"
        assert problems(mutated) == [("error", "dangling-reference", r.id, path)]

    @given(gst.datasets(min_size=1, max_size=6), st.data())
    def test_reference_to_a_later_record(self, ds: Dataset, data: st.DataObject) -> None:
        """A record certainly dated before what it refers to gives exactly that error."""
        target = data.draw(st.sampled_from(ds.records))
        start = target.when.date.earliest
        assume(target.modality is Modality.ACTUAL)
        assume(start is not None and start.year > 1)  # room for three days before
        assert start is not None
        # Three days: a time with a zone offset may fall on the day either side of its UTC
        # day, which is itself up to a day from its local day.
        before = FuzzyDate.from_date(start - datetime.timedelta(days=3))
        source = target.attributions[0].source  # published on or after the target
        early = attrs.evolve(
            plain(target, rid="early", when=before, source=source), refers_to=(target.id,)
        )
        mutated = Dataset([*ds, early], sources=ds.sources.values())
        assert problems(mutated) == [("error", "reference-order", "early", "$.refers_to[0]")]

    @given(gst.datasets(min_size=1, max_size=6), st.data())
    def test_duplicate_id(self, ds: Dataset, data: st.DataObject) -> None:
        """Adding a copy of a record gives exactly one duplicate-id error."""
        r = data.draw(st.sampled_from(ds.records))
        mutated = Dataset([*ds, r], sources=ds.sources.values())
        assert problems(mutated) == [("error", "duplicate-id", r.id, "$.id")]

    @given(gst.datasets(min_size=1, max_size=6), st.data())
    def test_record_after_its_source(self, ds: Dataset, data: st.DataObject) -> None:
        """A record certainly dated after its only source gives exactly that error."""
        dated = sorted(s.id for s in ds.sources.values() if s.published is not None)
        assume(dated)
        source = ds.sources[data.draw(st.sampled_from(dated))]
        assert source.published is not None
        last = source.published.date.latest
        assume(last is not None and last.year < 9999)
        assert last is not None
        after = FuzzyDate.from_date(last + datetime.timedelta(days=3))  # three: see above
        late = plain(ds.records[0], rid="late", when=after, source=source.id)
        mutated = Dataset([*ds, late], sources=ds.sources.values())
        assert problems(mutated) == [("error", "after-publication", "late", "$.when")]

    @given(gst.records(kinds=["clash", "strike"]), st.integers(max_value=-1))
    def test_negative_count(self, record: Event, n: int) -> None:
        """A negative toll is refused with exactly one error at its path."""
        data: dict[str, Any] = to_dict(record)
        data["fatalities"] = str(n)
        with pytest.raises(RecordError) as info:
            from_dict(data)
        assert [getattr(e, "path", None) for e in info.value.exceptions] == ["$.fatalities"]
        with pytest.raises(InvalidValueError):
            Count(best=n)

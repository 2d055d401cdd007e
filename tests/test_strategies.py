"""Tests for the public Hypothesis strategies: they generate only valid values."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import geoevents
from geoevents import (
    Actor,
    Agreement,
    Ceasefire,
    Count,
    Country,
    Dataset,
    Dating,
    Event,
    FuzzyDate,
    Location,
    Quote,
    Source,
    Statement,
)
from geoevents import strategies as gst
from geoevents._hypothesis_plugin import _hypothesis_setup_hook

_hypothesis_setup_hook()  # what the entry point does; idempotent

MANY = settings(max_examples=500)


untyped: Any = gst  # for calls with arguments of the wrong type, on purpose


def revalidate(value: Any) -> None:
    """Run every constructor check on *value* again."""
    assert attrs.evolve(value) == value


SPRING = (datetime.date(2025, 3, 1), datetime.date(2025, 4, 15))


class TestValueStrategies:
    @MANY
    @given(gst.countries())
    def test_countries(self, c: Country) -> None:
        """Generated countries are real ISO codes."""
        assert Country(c.alpha2) == c

    @MANY
    @given(gst.fuzzy_dates(min_date=datetime.date(2020, 1, 1), max_date=datetime.date(2026, 1, 1)))
    def test_fuzzy_dates(self, d: FuzzyDate) -> None:
        """Generated dates parse back from their string and touch the window."""
        assert FuzzyDate.parse(str(d)) == d
        assert d.latest is None or d.latest >= datetime.date(2020, 1, 1)

    @MANY
    @given(gst.fuzzy_dates(min_date=SPRING[0], max_date=SPRING[1]))
    def test_fuzzy_dates_touch_a_short_window(self, d: FuzzyDate) -> None:
        """Every form, seasons included, has possible days inside a six-week window."""
        assert d.latest is None or d.latest >= SPRING[0]
        assert d.earliest is None or d.earliest <= SPRING[1]

    @MANY
    @given(gst.datings(min_date=datetime.date(2025, 1, 1), max_date=datetime.date(2025, 3, 1)))
    def test_resolved_datings_anchored_inside(self, d: Dating) -> None:
        """A resolved dating's anchor lies in the window, even when the window ends on a 1st."""
        assert d.anchor is None or datetime.date(2025, 1, 1) <= d.anchor <= datetime.date(
            2025, 3, 1
        )

    @MANY
    @given(gst.datings())
    def test_datings(self, d: Dating) -> None:
        """Generated datings are valid; resolved past expressions stay before the anchor."""
        revalidate(d)
        if d.anchor is not None and d.date.latest is not None:
            assert d.date.latest <= d.anchor

    @MANY
    @given(gst.counts())
    def test_counts(self, c: Count) -> None:
        """Generated counts are ordered and parse back."""
        revalidate(c)
        assert Count.parse(str(c)) == c

    @MANY
    @given(gst.actors())
    def test_actors(self, a: Actor) -> None:
        """Generated actors are valid; unnamed ones have no name."""
        revalidate(a)
        assert (a.name is None) == a.anonymous

    @MANY
    @given(gst.locations())
    def test_locations(self, loc: Location) -> None:
        """Generated locations are valid."""
        revalidate(loc)

    @MANY
    @given(gst.sources())
    def test_sources(self, s: Source) -> None:
        """Generated sources are valid."""
        revalidate(s)

    @MANY
    @given(gst.attributions(source_ids=["a", "b"]))
    def test_attributions(self, a: geoevents.Attribution) -> None:
        """Generated attributions cite one of the given sources."""
        revalidate(a)
        assert a.source in {"a", "b"}

    @MANY
    @given(gst.quotes())
    def test_quotes(self, q: Quote) -> None:
        """Generated quotes are valid."""
        revalidate(q)


class TestRecordStrategies:
    @MANY
    @given(gst.records())
    def test_records(self, r: Event) -> None:
        """Generated records of every kind are valid."""
        revalidate(r)

    @MANY
    @given(gst.records(kinds=["ceasefire", Statement], countries=gst.countries(codes=["TR"])))
    def test_narrowed(self, r: Event) -> None:
        """Kind and country parameters narrow what is generated."""
        assert isinstance(r, (Ceasefire, Statement))
        found = {p.actor.country for p in r.participants()} | set(r.countries)
        assert found <= {Country("TR"), None}

    @MANY
    @given(gst.datasets())
    def test_datasets_validate_clean(self, ds: Dataset) -> None:
        """Every generated collection has neither errors nor warnings."""
        report = ds.validate()
        assert report.problems == ()
        assert len({r.id for r in ds}) == len(ds)


class TestFromType:
    @pytest.mark.parametrize(
        "cls",
        [
            *geoevents.RECORD_KINDS.values(),
            Country,
            FuzzyDate,
            Dating,
            Count,
            Actor,
            Location,
            Source,
            geoevents.Attribution,
            Quote,
            geoevents.Participant,
            geoevents.Dataset,
            geoevents.Timeline,
        ],
    )
    def test_registered(self, cls: type[Any]) -> None:
        """``st.from_type`` gives valid instances of every public type."""

        @settings(max_examples=20)
        @given(st.from_type(cls))
        def check(value: Any) -> None:
            assert isinstance(value, cls)

        check()


class TestShortWindows:
    @settings(max_examples=100)
    @given(gst.records(min_date=datetime.date(2025, 7, 1), max_date=datetime.date(2025, 7, 10)))
    def test_records_in_a_short_window(self, r: Event) -> None:
        """A ten-day window still gives valid records, none resolved from an expression."""
        revalidate(r)
        assert r.when.method.value != "resolved"


class TestArguments:
    @pytest.mark.parametrize(
        "make",
        [
            lambda: gst.countries(codes=[]),
            lambda: gst.countries(codes=["ZZ"]),
            lambda: gst.records(kinds=["battle"]),
            lambda: gst.records(kinds=[]),
            lambda: gst.fuzzy_dates(
                min_date=datetime.date(2025, 1, 2), max_date=datetime.date(2025, 1, 1)
            ),
            lambda: gst.datasets(min_size=3, max_size=2),
            lambda: gst.actors(kinds=[]),
            lambda: gst.attributions(source_ids=[]),
            lambda: gst.fuzzy_dates(
                min_date=datetime.date(1, 1, 1), max_date=datetime.date(9999, 1, 1)
            ),
        ],
    )
    def test_impossible_arguments(self, make: Any) -> None:
        """Impossible arguments raise InvalidArgument when the strategy is made."""
        with pytest.raises(InvalidArgument):
            make()

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: gst.records(kinds="clash"), "kinds must be a list, not the string 'clash'"),
            (lambda: gst.countries(codes="SY"), "codes must be a list, not the string 'SY'"),
            (lambda: gst.attributions(source_ids="abc"), "source_ids must be a list"),
            (lambda: gst.actors(kinds=["persn"]), "kinds: 'persn' is not a valid ActorKind"),
            (
                lambda: gst.fuzzy_dates(min_date="2025-01-01"),  # type: ignore[arg-type]
                "min_date must be a datetime.date",
            ),
            (lambda: untyped.countries(codes=5), "codes must be a list, not int"),
            (lambda: untyped.countries(codes=[["SY"]]), "codes must hold str values"),
            (lambda: untyped.records(kinds=5), "kinds must be a list, not int"),
            (lambda: untyped.records(kinds=Ceasefire), "kinds must be a list, not type"),
            (lambda: untyped.records(ids=["a"]), "ids must be a Hypothesis strategy, not list"),
            (lambda: untyped.sources(ids="a"), "ids must be a Hypothesis strategy, not str"),
            (
                lambda: untyped.actors(countries=[Country("SY")]),
                "countries must be a Hypothesis strategy, not list; wrap the values",
            ),
            (lambda: untyped.datasets(max_size=None), "max_size must be an int, not NoneType"),
            (lambda: untyped.datasets(min_size=1.5), "min_size must be an int, not float"),
            (lambda: untyped.datasets(min_size=True), "min_size must be an int, not bool"),
            (lambda: untyped.fuzzy_dates(intervals="no"), "intervals must be True or False"),
            (lambda: gst.records(source_ids=[]), "source_ids is empty"),
            (
                lambda: gst.records(source_ids=["bad id"]),
                "source_ids holds an invalid id: 'bad id'",
            ),
        ],
    )
    def test_refused_when_built(self, make: Any, message: str) -> None:
        """Wrong arguments are InvalidArgument when the strategy is built, not when drawing."""
        with pytest.raises(InvalidArgument) as info:
            make()
        assert str(info.value).startswith(message)

    def test_a_generator_of_codes(self) -> None:
        """A generator is read once, as a list would be."""

        @settings(max_examples=10)
        @given(gst.countries(codes=(c for c in ["SY", "TR"])))
        def check(country: Country) -> None:
            assert country.alpha2 in {"SY", "TR"}

        check()

    def test_signatures_survive(self) -> None:
        """Strategies without arguments keep their signature (no cache wrapper)."""
        import inspect

        assert str(inspect.signature(gst.counts)) == "() -> 'st.SearchStrategy[Count]'"
        assert str(inspect.signature(gst.quotes)) == "() -> 'st.SearchStrategy[Quote]'"

    @given(gst.records(kinds=["statement"], countries=gst.countries(codes=["TR"])))
    def test_countries_reach_every_actor(self, record: Event) -> None:
        """Every actor of a record, those a claim came through and quoted speakers too."""
        assert isinstance(record, Statement)
        found = [p.actor for p in record.participants()]
        found += [actor for a in record.attributions for actor in a.via]
        found += [q.speaker for q in record.quotes]
        assert {a.country for a in found} <= {None, Country("TR")}

    @settings(max_examples=300)
    @given(gst.records(kinds=["agreement", "ceasefire"]))
    def test_stage_dates_in_order(self, record: Event) -> None:
        """No stage date of an agreement or a ceasefire is certainly before an earlier one."""
        if isinstance(record, Agreement):
            names = ["announced", "signed", "in_force", "terminated"]
        else:
            names = ["declared", "effective", "ended"]
        dates = [d for d in (getattr(record, n) for n in names) if d is not None]
        for i, later in enumerate(dates):
            assert not any(later.definitely_before(earlier) for earlier in dates[:i])

    @pytest.mark.parametrize(
        ("strategy", "field"),
        [
            *((gst.records(kinds=["agreement"]), f) for f in ("announced", "signed", "in_force")),
            (gst.records(kinds=["agreement"]), "terminated"),
            (gst.records(kinds=["agreement"]), "mediators"),
            (gst.records(kinds=["ceasefire"]), "ended"),
            (gst.records(kinds=["ceasefire"]), "announced_by"),
            (gst.records(kinds=["ceasefire"]), "written"),
            (gst.records(kinds=["statement"]), "audience"),
            (gst.records(kinds=["request"]), "details"),
            (gst.records(kinds=["strike"]), "target"),
            (gst.records(), "tags"),
            (gst.records(), "plover_mode"),
            (gst.actors(), "affiliation"),
            (gst.actors(), "aliases"),
            (gst.locations(), "admin3"),
            (gst.sources(), "url"),
            (gst.sources(), "author"),
            (gst.quotes(), "attribution"),
        ],
    )
    def test_optional_fields_are_drawn(self, strategy: Any, field: str) -> None:
        """Each optional field is set in some generated value (every valid value can appear)."""
        from hypothesis import Phase, find

        def has(value: Any) -> bool:
            return getattr(value, field) not in (None, ())

        quick = settings(phases=[Phase.generate], max_examples=2_000, database=None)
        assert has(find(strategy, has, settings=quick))  # no shrinking: only "it appears"

    @given(gst.actors(kinds=["person"]))
    def test_kind_values(self, actor: Actor) -> None:
        """Actor kinds may be given by value."""
        assert actor.kind is geoevents.ActorKind.PERSON


class TestShrinkingAndVariety:
    """Failing examples shrink to simple values; the valid forms all come up."""

    SETTINGS = settings(database=None, max_examples=2_000, suppress_health_check=list(HealthCheck))
    # For the forms that must come up: found, not shrunk (shrinking is tested above).
    SEARCH = settings(SETTINGS, phases=[Phase.generate])

    def test_a_record_shrinks_to_a_stated_day_and_unknown_counts(self) -> None:
        """Not to a resolved "yesterday", which takes fewer choices, nor to exact zeros."""
        found: Any = find(gst.records(kinds=["clash"]), lambda r: True, settings=self.SETTINGS)
        assert found.when == Dating(date=FuzzyDate("2000-01-01"))
        assert (found.fatalities, found.injuries) == (Count(), Count())

    @pytest.mark.parametrize("form", ["N (N..)", "N (..N)", "N (N..N)", "N..N", ">=N", "<=N", "N"])
    def test_count_forms_come_up(self, form: str) -> None:
        """Every written form of a count, one bound with a best figure included."""
        found = find(
            gst.counts(), lambda c: re.sub(r"\d+", "N", str(c)) == form, settings=self.SEARCH
        )
        assert re.sub(r"\d+", "N", str(found)) == form

    @pytest.mark.parametrize(
        ("what", "holds"),
        [
            ("an id with a capital", lambda r: r.id[0].isupper()),
            ("an id with a dot", lambda r: "." in r.id),
            ("an id with a colon", lambda r: ":" in r.id),
            ("an id with a slash", lambda r: "/" in r.id),
            ("Arabic text", lambda r: "السويداء" in r.summary),
            ("CJK text", lambda r: "東京" in r.summary),
            ("a quoted word", lambda r: '"quoted"' in r.summary),
        ],
    )
    def test_record_forms_come_up(self, what: str, holds: Callable[[Event], bool]) -> None:
        """Ids in the forms imported data gives them, and texts in other scripts."""
        assert holds(find(gst.records(), holds, settings=self.SEARCH)), what

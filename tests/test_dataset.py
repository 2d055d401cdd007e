"""Tests for collections: lookups, validation reports, timelines and provenance queries."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import geoevents.strategies as gst
from builders import ISRAEL, OFFICIALS, SYRIA, TURKIYE, common
from geoevents import (
    Actor,
    ActorKind,
    Agreement,
    Attribution,
    Ceasefire,
    Claim,
    Clash,
    Count,
    Country,
    Dataset,
    Dating,
    Disagreement,
    Event,
    FieldDisagreement,
    FuzzyDate,
    InvalidValueError,
    Location,
    Modality,
    Problem,
    Report,
    Request,
    Severity,
    Source,
    SpatialPrecision,
    Statement,
    Strike,
)
from geoevents.temporal import nested

AP = Source(id="ap", outlet="AP", published=Dating(date=FuzzyDate("2025-07-23")))
REUTERS = Source(id="reuters", outlet="Reuters", published=Dating(date=FuzzyDate("2025-07-24")))
UNDATED = Source(id="blog", outlet="A blog")
SOURCES = (AP, REUTERS, UNDATED)


def rec(rid: str, when: str, *, source: str = "ap", cls: type[Event] = Event, **kw: Any) -> Event:
    """A record with id *rid*, date *when* and one attribution to *source*."""
    fields = common(id=rid, when=FuzzyDate(when), attributions=(Attribution(source=source),), **kw)
    return cls(**fields)


def problems(*records: Event) -> list[tuple[str, str, str, str]]:
    """The (severity, rule, record, path) of every problem in a collection of *records*."""
    report = Dataset(records, sources=SOURCES).validate()
    return [(p.severity.value, p.rule, p.record, p.path) for p in report.problems]


class TestValidate:
    def test_clean_collection(self) -> None:
        """A consistent collection gives an empty report."""
        a = rec("a", "2025-07-13")
        b = rec("b", "2025-07-16", refers_to=("a",))
        report = Dataset([a, b], sources=SOURCES).validate()
        assert report == Report()
        assert report.ok
        assert str(report) == "no problems"

    def test_dangling_reference(self) -> None:
        """A reference to a missing record is an error at its index."""
        assert problems(rec("a", "2025-07-13", refers_to=("x", "y"))) == [
            ("error", "dangling-reference", "a", "$.refers_to[0]"),
            ("error", "dangling-reference", "a", "$.refers_to[1]"),
        ]

    def test_dangling_same_as(self) -> None:
        """``same_as`` must resolve too."""
        assert problems(rec("a", "2025-07-13", same_as=("x",))) == [
            ("error", "dangling-reference", "a", "$.same_as[0]")
        ]

    def test_duplicate_id(self) -> None:
        """Two records with one id give one error on the second."""
        assert problems(rec("a", "2025-07-13"), rec("a", "2025-07-14")) == [
            ("error", "duplicate-id", "a", "$.id")
        ]

    def test_statement_before_the_ceasefire_it_comments_on(self) -> None:
        """A statement certainly dated before the ceasefire it refers to is an error."""
        ceasefire = rec("cf", "2025-07-19", cls=Ceasefire, parties=(SYRIA, ISRAEL))
        statement = rec("st", "2025-07-18", cls=Statement, speaker=TURKIYE, refers_to=("cf",))
        report = Dataset([ceasefire, statement], sources=SOURCES).validate()
        assert report.problems == (
            Problem(
                severity=Severity.ERROR,
                rule="reference-order",
                record="st",
                path="$.refers_to[0]",
                message="dated 2025-07-18, certainly before 'cf' (2025-07-19) that it refers to",
            ),
        )
        assert not report.ok

    def test_possibly_before_is_a_warning(self) -> None:
        """Overlapping uncertain dates that allow the wrong order give a warning."""
        a = rec("a", "2025-07-19")
        b = rec("b", "2025-07", refers_to=("a",))
        assert problems(a, b) == [("warning", "reference-order", "b", "$.refers_to[0]")]
        assert Dataset([a, b], sources=SOURCES).validate().ok

    def test_same_day_is_fine(self) -> None:
        """A reaction on the same day as its cause is not a problem."""
        assert problems(rec("a", "2025-07-19"), rec("b", "2025-07-19", refers_to=("a",))) == []

    def test_planned_records_are_exempt(self) -> None:
        """Planned items may be dated after the report and before their referents."""
        a = rec("a", "2025-07-19")
        b = rec("b", "2025-07-25", modality=Modality.PLANNED)
        c = rec("c", "2025-07-01", refers_to=("a",), modality=Modality.PLANNED)
        assert problems(a, b, c) == []

    def test_after_its_only_source(self) -> None:
        """A record dated after its only source's publication is an error."""
        assert problems(rec("a", "2025-07-24")) == [("error", "after-publication", "a", "$.when")]

    def test_after_one_source_but_not_another(self) -> None:
        """A record reported by a later source is fine."""
        r = rec("a", "2025-07-24")
        r2 = Event(
            **common(
                id="a",
                when=FuzzyDate("2025-07-24"),
                attributions=(Attribution(source="ap"), Attribution(source="reuters")),
            )
        )
        assert problems(r2) == []
        assert problems(rec("b", "2025-07-30", source="blog")) == []
        assert r.id == "a"

    def test_unknown_source(self) -> None:
        """An attribution to a missing source is an error at its path."""
        assert problems(rec("a", "2025-07-13", source="nyt")) == [
            ("error", "unknown-source", "a", "$.attributions[0].source")
        ]

    def test_in_force_before_signing_warns(self) -> None:
        """An agreement in force before its signing is a warning only."""
        a = rec(
            "ag",
            "2025-07-13",
            cls=Agreement,
            parties=(SYRIA, TURKIYE),
            signed=FuzzyDate("2025-07-13"),
            in_force=FuzzyDate("2025-07-01"),
        )
        assert problems(a) == [("warning", "signed-after-in-force", "ag", "$.in_force")]

    def test_every_problem_at_once(self) -> None:
        """Validation never stops at the first problem."""
        found = problems(
            rec("a", "2025-07-13", refers_to=("x",)),
            rec("a", "2025-07-30"),
            rec("c", "2025-07-13", source="nyt"),
        )
        assert [rule for _, rule, _, _ in found] == [
            "dangling-reference",
            "duplicate-id",
            "after-publication",
            "unknown-source",
        ]


class TestReferenceOrderOfMoments:
    """Zoned times are moments: the reference-order check compares them as such."""

    def test_an_hour_later_is_not_possibly_before(self) -> None:
        """A reaction an hour after its cause, in another zone, is neither error nor warning."""
        cause = rec("cause", "2025-07-24T05:00:00Z")
        react = rec("react", "2025-07-23T20:00:00-10:00", refers_to=("cause",))
        assert problems(cause, react) == []

    def test_one_moment_written_two_ways(self) -> None:
        """The same moment in two zones is not earlier than itself."""
        cause = rec("cause", "2025-07-24T01:00:00+02:00")
        react = rec("react", "2025-07-23T23:00:00Z", refers_to=("cause",))
        assert problems(cause, react) == []

    def test_a_moment_before_is_an_error(self) -> None:
        """A reaction certainly before its cause is still an error."""
        cause = rec("cause", "2025-07-24T05:00:00Z")
        react = rec("react", "2025-07-23T18:00:00-10:00", refers_to=("cause",))
        assert problems(cause, react) == [("error", "reference-order", "react", "$.refers_to[0]")]

    def test_a_moment_against_a_day(self) -> None:
        """Against a day, a moment may fall on the day before or after its UTC day."""
        cause = rec("cause", "2025-07-24", source="reuters")
        react = rec("react", "2025-07-24T01:00:00+05:00", source="reuters", refers_to=("cause",))
        assert problems(cause, react) == [("warning", "reference-order", "react", "$.refers_to[0]")]


class TestDisagreements:
    def test_death_toll(self) -> None:
        """Two sources disagreeing on a toll are reported with both figures and sources."""
        a = rec("a", "2025-07-15", cls=Clash, fatalities=Count.exact(7), same_as=("b",))
        b = rec("b", "2025-07-15", source="reuters", cls=Clash, fatalities=Count.at_least(12))
        report = Dataset([a, b], sources=SOURCES).validate()
        assert report.ok
        assert report.problems == ()
        assert report.disagreements == (
            Disagreement(
                records=("a", "b"),
                fields=(
                    FieldDisagreement(
                        field="fatalities",
                        claims=(
                            Claim(record="a", sources=("ap",), value="7"),
                            Claim(record="b", sources=("reuters",), value=">=12"),
                        ),
                    ),
                ),
            ),
        )
        assert str(report).splitlines() == [
            "disagreement between a, b:",
            "  fatalities:",
            "    7  (a; ap)",
            "    >=12  (b; reuters)",
        ]

    def test_dates_and_kinds(self) -> None:
        """Different days and kinds are disagreements; a vaguer containing date is not."""
        a = rec("a", "2025-07-22", cls=Request, requester=SYRIA, addressee=TURKIYE)
        b = rec("b", "2025-07-23", source="reuters", same_as=("a",))
        c = rec("c", "2025-07", source="reuters", same_as=("a",))
        (d,) = Dataset([a, b, c], sources=SOURCES).validate().disagreements
        assert [f.field for f in d.fields] == ["kind", "when"]
        assert [c.value for c in d.fields[1].claims] == ["2025-07-22", "2025-07-23", "2025-07"]
        e = rec("e", "2025-07", same_as=("a",))
        assert Dataset([a, e], sources=SOURCES).validate().disagreements[0].fields[0].field == (
            "kind"
        )

    @given(st.lists(gst.fuzzy_dates(), max_size=8))
    def test_nested_dates_as_every_pair(self, dates: list[FuzzyDate]) -> None:
        """Dates agree when every pair nests, as a check of every pair would say."""
        every_pair = all(
            a.contains(b) or b.contains(a) for i, a in enumerate(dates) for b in dates[i + 1 :]
        )
        assert nested(dates) == every_pair

    def test_large_cluster_of_nested_dates(self) -> None:
        """A cluster of 20,000 linked records with nesting dates is one cluster, no dispute."""
        records = [
            rec(f"r{i}", "2025-07" if i % 2 else "2025-07-01", same_as=("r0",) if i else ())
            for i in range(20_000)
        ]
        report = Dataset(records, sources=SOURCES).validate()
        assert (report.problems, report.disagreements) == ((), ())
        records.append(rec("late", "2025-08", same_as=("r0",)))
        (disagreement,) = Dataset(records, sources=SOURCES).validate().disagreements
        assert [f.field for f in disagreement.fields] == ["when"]

    def test_items_in_another_order_agree(self) -> None:
        """The same request items listed in another order are not a disagreement."""
        from geoevents import RequestItem

        fields: dict[str, Any] = {"cls": Request, "requester": SYRIA, "addressee": TURKIYE}
        both = (RequestItem.MILITARY_AID, RequestItem.AIR_DEFENCE)
        a = rec("a", "2025-07-22", items=both, same_as=("b",), **fields)
        b = rec("b", "2025-07-22", source="reuters", items=both[::-1], **fields)
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        c = rec("c", "2025-07-22", source="reuters", items=both[:1], same_as=("a",), **fields)
        assert Dataset([a, b, c], sources=SOURCES).validate().disagreements == ()  # fewer
        other = (RequestItem.MILITARY_AID, RequestItem.TRAINING)
        c = rec("c", "2025-07-22", source="reuters", items=other, same_as=("a",), **fields)
        (d,) = Dataset([a, b, c], sources=SOURCES).validate().disagreements
        assert [claim.value for claim in d.fields[0].claims] == [
            "air_defence, military_aid",
            "air_defence, military_aid",
            "military_aid, training",
        ]

    def test_links_of_a_repeated_id_count(self) -> None:
        """A repeated id's ``same_as`` links join clusters whichever copy comes first."""
        y = rec("y", "2025-07-01")
        x1 = rec("x", "2025-07-20")
        x2 = rec("x", "2025-07-28", same_as=("y",))
        for order in ([x1, x2, y], [y, x2, x1]):
            report = Dataset(order, sources=SOURCES).validate()
            assert [set(d.records) for d in report.disagreements] == [{"x", "y"}]

    def test_stage_dates_nest_as_when_does(self) -> None:
        """A stage date inside a vaguer one agrees; other stage dates are compared too."""
        fields: dict[str, Any] = {"cls": Agreement, "parties": (SYRIA, TURKIYE)}
        a = rec("a", "2025-07", signed=FuzzyDate("2025-07"), same_as=("b",), **fields)
        b = rec("b", "2025-07", source="reuters", signed=FuzzyDate("2025-07-23"), **fields)
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        c = rec("c", "2025-07", signed=FuzzyDate("2025-06"), same_as=("a",), **fields)
        d = rec("d", "2025-07", in_force=FuzzyDate("2025-08"), same_as=("a",), **fields)
        e = rec("e", "2025-07", in_force=FuzzyDate("2025-09"), same_as=("a",), **fields)
        (found,) = Dataset([a, b, c, d, e], sources=SOURCES).validate().disagreements
        assert [f.field for f in found.fields] == ["signed", "in_force"]

    def test_equal_parties_count(self) -> None:
        """Two equal actors are two parties: two groups of officials are not one."""
        fields: dict[str, Any] = {"cls": Agreement}
        a = rec("a", "2025-07", parties=(OFFICIALS, OFFICIALS, SYRIA), same_as=("b",), **fields)
        b = rec("b", "2025-07", source="reuters", parties=(OFFICIALS, SYRIA, ISRAEL), **fields)
        (found,) = Dataset([a, b], sources=SOURCES).validate().disagreements
        assert [f.field for f in found.fields] == ["parties"]
        b = rec("b", "2025-07", source="reuters", parties=(OFFICIALS, SYRIA), **fields)
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()  # fewer

    def test_no_disagreement_when_equal(self) -> None:
        """Linked records that agree give no disagreement."""
        a = rec("a", "2025-07-15", same_as=("b",))
        b = rec("b", "2025-07-15", source="reuters")
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()

    def test_parties(self) -> None:
        """Different parties are listed by label; fewer of the same are only vaguer."""
        a = rec("a", "2025-07-15", cls=Ceasefire, parties=(SYRIA, ISRAEL), same_as=("b",))
        b = rec("b", "2025-07-15", source="reuters", cls=Ceasefire, parties=(SYRIA, TURKIYE))
        (d,) = Dataset([a, b], sources=SOURCES).validate().disagreements
        assert d.fields[0].field == "parties"
        assert [c.value for c in d.fields[0].claims] == [
            "Israel Defense Forces; Syrian interim government",
            "Government of Türkiye; Syrian interim government",
        ]
        b = rec("b", "2025-07-15", source="reuters", cls=Ceasefire, parties=(SYRIA,))
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()

    @pytest.mark.parametrize(
        ("first", "second", "differ"),
        [
            ("10 (8..12)", "9", False),
            (">=5", "12", False),
            ("3..7", "5 (4..6)", False),
            ("10", "12", True),
            ("10 (8..12)", "13", True),
            ("3..7", "5..9", True),
            ("unknown", "12", False),
        ],
    )
    def test_counts_nest(self, first: str, second: str, differ: bool) -> None:
        """A toll within another report's range is not a contradiction; two exact ones are."""
        a = rec("a", "2025-07-15", cls=Clash, fatalities=Count.parse(first), same_as=("b",))
        b = rec("b", "2025-07-15", source="reuters", cls=Clash, fatalities=Count.parse(second))
        found = Dataset([a, b], sources=SOURCES).validate().disagreements
        assert [f.field for d in found for f in d.fields] == (["fatalities"] if differ else [])

    def test_one_party_however_given(self) -> None:
        """A government named twice is one party; a name without its country is still it."""
        turkey = Actor(kind=ActorKind.GOVERNMENT, name="Turkey", country=Country("TR"))
        bare = Actor(kind=ActorKind.GOVERNMENT, name="Turkey")
        a = rec("a", "2025-07", cls=Agreement, parties=(turkey, TURKIYE), same_as=("b",))
        b = rec("b", "2025-07", source="reuters", cls=Agreement, parties=(turkey, SYRIA))
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        fields: dict[str, Any] = {"cls": Request, "addressee": SYRIA}
        a = rec("a", "2025-07", requester=turkey, same_as=("b",), **fields)
        b = rec("b", "2025-07", source="reuters", requester=bare, **fields)
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        # The same wording with and without a country, in one list: sorted, not a crash.
        a = rec("a", "2025-07", cls=Agreement, parties=(turkey, bare), same_as=("b",))
        b = rec("b", "2025-07", source="reuters", cls=Agreement, parties=(bare, turkey))
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()

    def test_places_and_units(self) -> None:
        """Admin units are places too; coordinates alone claim no place."""
        daraa = Location(country=Country("SY"), admin1="Daraa", precision=SpatialPrecision.ADMIN1)
        sweida = Location(name="Sweida", country=Country("SY"))
        in_sweida = Location(name="Sweida", country=Country("SY"), admin1="Sweida")
        point = Location(latitude=32.7, longitude=36.6)
        for first, second, differ in [
            (daraa, sweida, False),  # a unit and a named place: neither names the other's
            (daraa, Location(country=Country("SY"), admin1="As-Suwayda"), True),
            (sweida, in_sweida, False),
            (point, sweida, False),
        ]:
            a = rec("a", "2025-07-15", cls=Strike, location=first, same_as=("b",))
            b = rec("b", "2025-07-15", source="reuters", cls=Strike, location=second)
            found = Dataset([a, b], sources=SOURCES).validate().disagreements
            assert [f.field for d in found for f in d.fields] == (["location"] if differ else [])

    def test_targets_by_their_words(self) -> None:
        """A target in another case or spacing is the same target; another one is not."""
        for first, second, differ in [
            ("the Sweida garrison", "The Sweida  Garrison", False),
            ("the Sweida garrison", "Daraa airbase", True),
        ]:
            a = rec("a", "2025-07-15", cls=Strike, target=first, same_as=("b",))
            b = rec("b", "2025-07-15", source="reuters", cls=Strike, target=second)
            found = Dataset([a, b], sources=SOURCES).validate().disagreements
            assert [f.field for d in found for f in d.fields] == (["target"] if differ else [])
            if differ:
                assert [c.value for c in found[0].fields[0].claims] == [first, second]

    def test_one_moment_in_two_zones(self) -> None:
        """The same instant written with two offsets is one date."""
        a = rec("a", "2025-07-15T23:30:00-05:00", same_as=("b",))
        b = rec("b", "2025-07-16T04:30:00Z", source="reuters")
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()

    def test_what_is_no_claim_or_the_same_claim(self) -> None:
        """Unknown values, empty dates, a country around a place, two names of one party.

        A government or an anonymous group is its country: no disagreement.
        """
        from geoevents import Location, SpatialPrecision, Weapon

        syria = Location(name="Syria", country=Country("SY"), precision=SpatialPrecision.COUNTRY)
        sweida = Location(name="Sweida", country=Country("SY"))
        turkey = Actor(kind=ActorKind.GOVERNMENT, name="Turkey", country=Country("TR"))
        officials = Actor.unnamed("Turkish officials", country=Country("TR"))
        a = rec("a", "2025-07-15", cls=Strike, weapon=Weapon.AIR, location=sweida)
        b = rec("b", "XXXX", source="reuters", cls=Strike, location=syria, same_as=("a",))
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        a = rec("a", "2025-07-15", cls=Ceasefire, parties=(SYRIA, TURKIYE, OFFICIALS))
        b = rec("b", "2025-07", source="reuters", cls=Ceasefire, parties=(turkey, SYRIA, officials))
        b = attrs.evolve(b, same_as=("a",))
        assert Dataset([a, b], sources=SOURCES).validate().disagreements == ()
        elsewhere = Location(name="Daraa", country=Country("SY"))
        b = rec("b", "2025-07-15", source="reuters", cls=Strike, location=elsewhere)
        b = attrs.evolve(b, same_as=("a",))
        a = rec("a", "2025-07-15", cls=Strike, location=sweida)
        (d,) = Dataset([a, b], sources=SOURCES).validate().disagreements
        assert [f.field for f in d.fields] == ["location"]


class TestLookups:
    def setup_method(self) -> None:
        """A small collection of three records."""
        self.a = rec("a", "2025-07-13", cls=Clash, sides=(SYRIA,))
        self.b = rec("b", "2025-07-23", cls=Request, requester=SYRIA, addressee=TURKIYE)
        self.c = Statement(
            **common(
                id="c",
                when=FuzzyDate("2025-07"),
                attributions=(Attribution(source="ap", via=(OFFICIALS,)),),
                countries=(Country("LB"),),
            ),
            speaker=OFFICIALS,
        )
        self.ds = Dataset([self.a, self.b, self.c], sources=SOURCES)

    def test_by_id(self) -> None:
        """Records are found by id."""
        assert self.ds["b"] is self.b
        assert "b" in self.ds
        assert self.ds.get("zz") is None
        with pytest.raises(KeyError):
            self.ds["zz"]
        assert repr(self.ds) == "<Dataset: 3 records, 3 sources>"

    def test_by_kind(self) -> None:
        """Records are found by tag or class."""
        assert self.ds.by_kind("clash") == (self.a,)
        assert self.ds.by_kind(Request) == (self.b,)
        assert self.ds.by_kind("ceasefire") == ()
        with pytest.raises(InvalidValueError):
            self.ds.by_kind("battle")

    def test_by_country(self) -> None:
        """Countries come from actors, locations and the countries field."""
        assert self.ds.by_country(Country("SY")) == (self.a, self.b)
        assert self.ds.by_country(Country("TR")) == (self.b, self.c)
        assert self.ds.by_country(Country("LB")) == (self.c,)

    def test_by_actor(self) -> None:
        """Actors are found by name, case-insensitively."""
        assert self.ds.by_actor("government of türkiye") == (self.b,)

    def test_between(self) -> None:
        """Date windows keep possible (or certain) matches."""
        window = (date(2025, 7, 20), date(2025, 7, 31))
        assert self.ds.between(*window) == (self.b, self.c)
        assert self.ds.between(*window, certainly=True) == (self.b,)
        assert self.ds.between("2025-07-20", "2025-07-31") == (self.b, self.c)

    def test_between_bad_bounds(self) -> None:
        """A bound that is no day says so, by name."""
        with pytest.raises(ValueError, match=r"^end: not an ISO day: '31 July'"):
            self.ds.between("2025-07-20", "31 July")
        with pytest.raises(
            TypeError, match=r"^start must be .* not datetime \(pass its .date\(\)\)"
        ):
            self.ds.between(datetime.datetime(2025, 7, 20), date(2025, 7, 31))
        with pytest.raises(
            TypeError, match=r"^start must be a datetime.date or an ISO day, not int"
        ):
            self.ds.between(20250720, date(2025, 7, 31))  # type: ignore[arg-type]

    def test_provenance(self) -> None:
        """Statements by speaker and country; anonymous-only and single-source claims."""
        assert self.ds.statements(country=Country("TR")) == (self.c,)
        assert self.ds.statements(speaker="nobody") == ()
        assert self.ds.statements(speaker="Turkish defence ministry officials (unnamed)") == (
            self.c,
        )
        assert self.ds.statements(country=Country("SY")) == ()
        assert self.ds.anonymous_only() == (self.c,)
        assert self.ds.single_source() == (self.a, self.b, self.c)

    def test_single_source_counts_linked_records(self) -> None:
        """A claim corroborated by a linked record from another source is not single-source."""
        a = rec("a", "2025-07-15", same_as=("b",))
        b = rec("b", "2025-07-15", source="reuters")
        c = rec("c", "2025-07-15")
        assert Dataset([a, b, c], sources=SOURCES).single_source() == (c,)

    def test_from_entries(self) -> None:
        """A mixed stream of sources and records is split."""
        ds = Dataset.from_entries([AP, self.a, REUTERS])
        assert (len(ds), sorted(ds.sources)) == (1, ["ap", "reuters"])
        assert list(ds) == [self.a]

    def test_conflicting_sources(self) -> None:
        """Two different sources with one id are reported; identical repeats merge."""
        other = Source(id="ap", outlet="Other")
        ds = Dataset([], sources=[AP, AP, other])
        assert ds.sources == {"ap": AP}
        assert ds.source_conflicts == (other,)
        assert [(p.rule, p.record, p.path) for p in ds.validate().problems] == [
            ("duplicate-source", "ap", "$.id")
        ]

    def test_wrong_items(self) -> None:
        """Only records and sources are accepted."""
        with pytest.raises(InvalidValueError):
            Dataset(["a"])  # type: ignore[list-item]
        with pytest.raises(InvalidValueError):
            Dataset([], sources=["a"])  # type: ignore[list-item]


class TestTimeline:
    def test_order_and_text(self) -> None:
        """Records are placed by earliest possible day, with ranges shown."""
        a = rec("a", "2025-07-23", cls=Request, requester=SYRIA, addressee=TURKIYE)
        b = rec("b", "2025-07-14/2025-07-20", summary="Clashes in Sweida.")
        c = rec("c", "2025-07-19~", summary="Ceasefire announced.")
        speaker = Actor(kind=ActorKind.PERSON, name="Tom Barrack")
        d = Statement(**common(id="d", when=FuzzyDate("2025-07-22")), speaker=speaker)
        t = Dataset([a, b, c, d], sources=SOURCES).timeline()
        assert [e.record.id for e in t] == ["b", "c", "d", "a"]
        assert len(t) == 4
        assert t.entries[0].range == "2025-07-14..2025-07-20"
        assert t.entries[0].date == "2025-07-14/2025-07-20"
        assert t.entries[1].range == "2025-07-19 ~"
        marks = [
            e.range
            for e in Dataset(
                [rec(f"r{i}", f"2025-07-19{q}") for i, q in enumerate("?%")]
            ).timeline()
        ]
        assert sorted(marks) == ["2025-07-19 ?", "2025-07-19 ~?"]
        assert str(t).splitlines()[:3] == [
            "2025-07-14..2025-07-20  event      Clashes in Sweida.",
            "                                  [b] ap",
            "2025-07-19 ~            event      Ceasefire announced.",
        ]

    def test_times_show_their_clock_and_zone(self) -> None:
        """A time of day is shown with its zone: its place follows its UTC moment."""
        dates = ["2025-07-24", "2025-07-23T23:00:00-05:00", "2025-07-23T10:00:00Z"]
        dates += ["2025-07-23T10:00:30", "2025-07-23"]
        t = Dataset([rec(f"r{i}", d) for i, d in enumerate(dates)]).timeline()
        assert [(e.record.id, e.range) for e in t] == [
            ("r4", "2025-07-23"),
            ("r3", "2025-07-23 10:00:30"),
            ("r2", "2025-07-23 10:00Z"),
            ("r1", "2025-07-23 23:00-05:00"),  # 04:00 on the 24th in UTC
            ("r0", "2025-07-24"),
        ]

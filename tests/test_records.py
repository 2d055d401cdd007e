"""Tests for the record kinds."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from builders import ISRAEL, OFFICIALS, SYRIA, TURKIYE, common, event
from geoevents import (
    RECORD_KINDS,
    Actor,
    ActorKind,
    Agreement,
    AgreementType,
    Attribution,
    Ceasefire,
    CeasefireStatus,
    Clash,
    Count,
    Country,
    Dating,
    DatingMethod,
    Event,
    FuzzyDate,
    InvalidValueError,
    Meeting,
    Modality,
    PloverType,
    Quote,
    Request,
    RequestItem,
    RequestStatus,
    Role,
    Source,
    Stance,
    Statement,
    Strike,
    Weapon,
    evolve,
)


class TestCommonFields:
    def test_bare_fuzzy_date_is_a_stated_date(self) -> None:
        """A FuzzyDate given for ``when`` becomes a date stated by the source."""
        e = event()
        assert e.when == Dating(date=FuzzyDate("2025-07-23"), method=DatingMethod.STATED)
        assert e.kind == "event"

    def test_lists_become_tuples(self) -> None:
        """Sequence fields given as lists are stored as tuples."""
        e = event(countries=[Country("SY"), Country("TR")], refers_to=["a", "b"])
        assert (e.countries, e.refers_to) == ((Country("SY"), Country("TR")), ("a", "b"))

    def test_without_attribution(self) -> None:
        """A record must cite at least one source."""
        with pytest.raises(InvalidValueError) as info:
            event(attributions=())
        assert (info.value.path, info.value.message) == (
            "$.attributions",
            "needs at least one item",
        )

    @pytest.mark.parametrize(
        "text",
        [
            "Syria\u00a0asked",  # no-break space, common in scraped HTML
            "10\u202f000 troops",  # narrow no-break space between digits
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u062f",  # Persian, with ZWNJ
            "\u200fSyria",  # a right-to-left mark
            "\u3000quoted",  # ideographic space
        ],
    )
    def test_spaces_and_marks_are_text(self, text: str) -> None:
        """Spaces and invisible marks of real text pass, though str.isprintable refuses them."""
        assert event(summary=text, notes=text).summary == text

    @pytest.mark.parametrize(
        ("field", "text"),
        [
            ("summary", "a\x00b"),
            ("summary", "a\x85b"),
            ("summary", "a\u2028b"),
            ("summary", "a\tb"),
            ("notes", "a\x1bb"),
            ("notes", "a\ud800"),
        ],
    )
    def test_control_characters_refused(self, field: str, text: str) -> None:
        """Control characters and lone surrogates are refused; a summary is one line."""
        with pytest.raises(InvalidValueError) as info:
            event(**{field: text})
        assert (info.value.path, info.value.message) == (
            f"$.{field}",
            "contains control characters",
        )

    @pytest.mark.parametrize(
        ("field", "text", "message"),
        [
            ("notes", "line one\r\nline two", "has CR LF line ends"),
            ("notes", "line one\rline two", "contains control characters"),
            ("notes", "a\r\nb\x00", "contains control characters"),
            ("summary", "a\r\nb", "contains control characters"),
        ],
    )
    def test_windows_line_ends_named(self, field: str, text: str, message: str) -> None:
        """Multi-line text with CR LF line ends says so and how to fix it; a lone CR does not."""
        with pytest.raises(InvalidValueError) as info:
            event(**{field: text})
        assert (info.value.path, info.value.message) == (f"$.{field}", message)
        if message.startswith("has CR LF"):
            assert info.value.hint == "end lines with \\n alone"

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"attributions": Attribution(source="s")},
                "expected a list or tuple, got Attribution",
            ),
            ({"attributions": None}, "expected a list or tuple, got NoneType"),
            ({"refers_to": "abc"}, "expected a list or tuple, got str"),
            ({"tags": {"a": 1}}, "expected a list or tuple, got dict"),
            ({"countries": Country("SY")}, "expected a list or tuple, got Country"),
        ],
    )
    def test_one_item_for_a_list(self, fields: dict[str, Any], message: str) -> None:
        """A single item, None, a string or a mapping for a list field names the field."""
        with pytest.raises(InvalidValueError) as info:
            event(**fields)
        (field,) = fields
        assert (info.value.path, info.value.message) == (f"$.{field}", message)

    def test_every_tuple_field_checks_its_value(self) -> None:
        """Each field that converts lists to tuples has a validator that refuses the rest."""
        import attrs

        from geoevents import _checks
        from geoevents.converter import ENTRY_KINDS

        checked = 0
        for cls in (*ENTRY_KINDS.values(), Actor, Attribution, Quote):
            for field in attrs.fields(cls):
                if field.converter is _checks.to_tuple:
                    assert field.validator is not None, (cls, field.name)
                    with pytest.raises(InvalidValueError, match="expected a list or tuple"):
                        field.validator(None, field, None)
                    checked += 1
        assert checked >= 20

    def test_any_iterable_for_a_list(self) -> None:
        """Generators and other iterables become tuples, as lists do."""
        assert event(tags=(t for t in ("a", "b"))).tags == ("a", "b")

    def test_empty_id(self) -> None:
        """An empty id is refused."""
        with pytest.raises(InvalidValueError) as info:
            event(id="")
        assert info.value.path == "$.id"

    def test_one_line_summary(self) -> None:
        """Summaries are one line."""
        with pytest.raises(InvalidValueError) as info:
            event(summary="two\nlines")
        assert info.value.path == "$.summary"

    @pytest.mark.parametrize("field", ["refers_to", "same_as"])
    def test_self_reference(self, field: str) -> None:
        """A record cannot refer to itself."""
        with pytest.raises(InvalidValueError) as info:
            event(**{field: ("test/1",)})
        assert info.value.path == f"$.{field}"

    def test_duplicate_reference(self) -> None:
        """The same reference twice is refused."""
        with pytest.raises(InvalidValueError, match="same id twice"):
            event(refers_to=("a", "a"))

    def test_bad_reference(self) -> None:
        """References must be valid ids, reported by index."""
        with pytest.raises(InvalidValueError) as info:
            event(refers_to=("a", ""))
        assert info.value.path == "$.refers_to[1]"

    @pytest.mark.parametrize("code", ["0232", "19", "1032"])
    def test_cameo_codes_are_digit_strings(self, code: str) -> None:
        """CAMEO codes keep their leading zeros as strings."""
        assert event(cameo=code).cameo == code

    @pytest.mark.parametrize("code", [232, "232a", "1", "12345", ""])
    def test_bad_cameo_codes(self, code: object) -> None:
        """Numbers and malformed strings are not CAMEO codes."""
        with pytest.raises(InvalidValueError) as info:
            event(cameo=code)
        assert info.value.path == "$.cameo"

    def test_plover(self) -> None:
        """PLOVER type and mode are kept; a bad mode is refused."""
        e = event(plover=PloverType.REQUEST, plover_mode="assist")
        assert (e.plover, e.plover_mode) == (PloverType.REQUEST, "assist")
        with pytest.raises(InvalidValueError):
            event(plover_mode="Assist!")

    def test_evolve_revalidates(self) -> None:
        """``evolve`` runs the validators again."""
        with pytest.raises(InvalidValueError):
            evolve(event(), summary="")

    def test_sources_in_order_without_repeats(self) -> None:
        """``sources`` lists each cited source once."""
        e = event(
            attributions=(
                Attribution(source="b"),
                Attribution(source="a"),
                Attribution(source="b", via=(OFFICIALS,)),
            )
        )
        assert e.sources == ("b", "a")

    def test_modality_default(self) -> None:
        """Records describe what happened unless told otherwise."""
        assert event().modality is Modality.ACTUAL


class TestKinds:
    def test_registry(self) -> None:
        """Every kind is registered under its tag."""
        assert dict(RECORD_KINDS) == {
            "event": Event,
            "statement": Statement,
            "request": Request,
            "agreement": Agreement,
            "ceasefire": Ceasefire,
            "clash": Clash,
            "strike": Strike,
            "meeting": Meeting,
        }

    def test_statement(self) -> None:
        """A statement has a speaker and quotes, and is an event."""
        speaker = Actor(kind=ActorKind.PERSON, name="Tom Barrack", country=Country("US"))
        s = Statement(
            **common(),
            speaker=speaker,
            quotes=[Quote(text="A quote.", speaker=speaker)],
            stance=Stance.NEUTRAL,
        )
        assert isinstance(s, Event)
        assert s.kind == "statement"
        assert [(p.role, p.actor) for p in s.participants()] == [(Role.SPEAKER, speaker)]

    def test_request(self) -> None:
        """A request keeps requester, addressee, items and status."""
        r = Request(
            **common(),
            requester=SYRIA,
            addressee=TURKIYE,
            items=[RequestItem.TRAINING, RequestItem.ADVISORY],
            status=RequestStatus.UNDER_CONSIDERATION,
        )
        assert r.items == (RequestItem.TRAINING, RequestItem.ADVISORY)
        assert [p.role for p in r.participants()] == [Role.REQUESTER, Role.ADDRESSEE]

    def test_request_duplicate_items(self) -> None:
        """The same requested item twice is refused."""
        with pytest.raises(InvalidValueError) as info:
            Request(
                **common(),
                requester=SYRIA,
                addressee=TURKIYE,
                items=(RequestItem.ARMS, RequestItem.ARMS),
            )
        assert info.value.path == "$.items"

    def test_agreement_needs_two_parties(self) -> None:
        """An agreement with one party is refused."""
        with pytest.raises(InvalidValueError) as info:
            Agreement(**common(), parties=(SYRIA,))
        assert (info.value.path, info.value.message) == ("$.parties", "needs at least 2 items")

    def test_agreement_dates(self) -> None:
        """An agreement terminated before it was signed is refused; the reverse is kept."""
        a = Agreement(
            **common(),
            parties=(SYRIA, TURKIYE),
            agreement_type=AgreementType.MOU,
            signed=FuzzyDate("2025-08-13"),
        )
        assert [p.role for p in a.participants()] == [Role.PARTY, Role.PARTY]
        with pytest.raises(InvalidValueError) as info:
            evolve(a, terminated=FuzzyDate("2025-08-01"))
        assert info.value.path == "$.terminated"
        with pytest.raises(InvalidValueError):
            evolve(a, in_force=FuzzyDate("2025-08-14"), terminated=FuzzyDate("2025-08-13"))

    def test_ceasefire(self) -> None:
        """A ceasefire keeps parties, mediators and announcer in their roles."""
        us = Actor(kind=ActorKind.PERSON, name="Tom Barrack", country=Country("US"))
        c = Ceasefire(
            **common(),
            parties=(SYRIA, ISRAEL),
            mediators=(us,),
            announced_by=(us,),
            declared=FuzzyDate("2025-07-19"),
            status=CeasefireStatus.ANNOUNCED,
        )
        assert [p.role for p in c.participants()] == [
            Role.PARTY,
            Role.PARTY,
            Role.MEDIATOR,
            Role.ANNOUNCER,
        ]

    @pytest.mark.parametrize(
        "dates",
        [
            {"declared": "2025-07-19", "ended": "2025-07-18"},
            {"effective": "2025-07-20", "ended": "2025-07-19"},
        ],
    )
    def test_ceasefire_ending_before_it_began(self, dates: dict[str, str]) -> None:
        """A ceasefire cannot certainly end before it was declared or took effect."""
        fields: dict[str, Any] = {k: FuzzyDate(v) for k, v in dates.items()}
        with pytest.raises(InvalidValueError) as info:
            Ceasefire(**common(), parties=(SYRIA,), **fields)
        assert info.value.path == "$.ended"

    def test_ceasefire_possible_overlap_is_kept(self) -> None:
        """Uncertain dates that might be in order are accepted."""
        c = Ceasefire(
            **common(),
            parties=(SYRIA,),
            declared=FuzzyDate("2025-07"),
            ended=FuzzyDate("2025-07-19"),
        )
        assert c.ended == FuzzyDate("2025-07-19")

    def test_clash(self) -> None:
        """A clash keeps its sides and toll; unknown tolls stay unknown."""
        druze = Actor(kind=ActorKind.ARMED_GROUP, name="Druze militias")
        bedouin = Actor(kind=ActorKind.ARMED_GROUP, name="Bedouin tribal fighters")
        c = Clash(**common(), sides=(druze, bedouin), fatalities=Count.at_least(1000))
        assert (str(c.fatalities), str(c.injuries)) == (">=1000", "unknown")
        assert [p.role for p in c.participants()] == [Role.SIDE, Role.SIDE]

    def test_strike(self) -> None:
        """A strike names its perpetrator when known."""
        s = Strike(**common(), perpetrator=ISRAEL, weapon=Weapon.AIR, target="Damascus")
        assert [p.role for p in s.participants()] == [Role.PERPETRATOR]
        assert Strike(**common()).participants() == ()

    def test_meeting(self) -> None:
        """A meeting lists parties and host."""
        m = Meeting(**common(), parties=(SYRIA, TURKIYE), host=TURKIYE)
        assert [p.role for p in m.participants()] == [Role.PARTY, Role.PARTY, Role.HOST]
        assert Meeting(**common(), parties=(SYRIA, TURKIYE)).participants()[-1].role is Role.PARTY

    @pytest.mark.parametrize(
        ("cls", "extra"),
        [
            (Statement, {"speaker": "Barrack"}),
            (Request, {"requester": SYRIA, "addressee": "Türkiye"}),
            (Clash, {"fatalities": 12}),
        ],
    )
    def test_kind_fields_are_type_checked(self, cls: type[Event], extra: dict[str, Any]) -> None:
        """Kind-specific fields refuse values of the wrong type."""
        with pytest.raises(InvalidValueError, match="expected"):
            cls(**common(), **extra)

    def test_records_are_hashable_and_comparable(self) -> None:
        """Equal records compare and hash equal."""
        assert event() == event()
        assert hash(event()) == hash(event())
        assert event() != event(id="test/2")


class TestHints:
    """A value of the wrong type gets a hint at the way to make the right one."""

    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (
                lambda: Actor(kind="person", name="x"),  # type: ignore[arg-type]
                (
                    "$.kind: expected ActorKind, got str: 'person' "
                    "(write ActorKind.PERSON, or ActorKind('person'))"
                ),
            ),
            (
                lambda: Actor(kind="persn", name="x"),  # type: ignore[arg-type]
                (
                    "$.kind: expected ActorKind, got str: 'persn' (one of 'person', "
                    "'organisation', 'government', 'military', 'armed_group', "
                    "'population_group', 'media', 'unnamed')"
                ),
            ),
            (
                lambda: Actor(kind=ActorKind.PERSON, name="x", country="TR"),  # type: ignore[arg-type]
                (
                    "$.country: expected Country, got str: 'TR' "
                    "(write Country('TR') for a code, normalize_country('TR') for a name)"
                ),
            ),
            (
                lambda: Clash(**common(fatalities=12)),
                (
                    "$.fatalities: expected Count, got int: 12 "
                    "(write Count.exact(12) (Count.parse reads '>=12', '5..12' and such))"
                ),
            ),
            (
                lambda: event(when="2025-07-23"),
                "$.when: expected Dating, got str: '2025-07-23' (write FuzzyDate('2025-07-23'))",
            ),
            (
                lambda: event(when=datetime.date(2025, 7, 23)),
                (
                    "$.when: expected Dating, got date: datetime.date(2025, 7, 23) "
                    "(write FuzzyDate.from_date(datetime.date(2025, 7, 23)))"
                ),
            ),
            (
                lambda: Request(
                    **common(requester=SYRIA, addressee=TURKIYE, items=["military_aid"])
                ),
                (
                    "$.items[0]: expected RequestItem, got str: 'military_aid' "
                    "(write RequestItem.MILITARY_AID, or RequestItem('military_aid'))"
                ),
            ),
            (
                lambda: Attribution(source=Source(id="ap", outlet="AP")),  # type: ignore[arg-type]
                "(pass its id: 'ap')",
            ),
        ],
    )
    def test_hint(self, build: Any, message: str) -> None:
        """The error ends with the hint (enum values, codes, numbers, dates, ids)."""
        with pytest.raises(InvalidValueError) as info:
            build()
        assert str(info.value).endswith(message)

    def test_a_source_takes_a_bare_date_as_when_does(self) -> None:
        """``published=FuzzyDate(...)`` is a date stated on the page."""
        source = Source(id="ap", outlet="AP", published=FuzzyDate("2025-07-24"))
        assert source.published == Dating(date=FuzzyDate("2025-07-24"))
        assert source.published.method is DatingMethod.STATED

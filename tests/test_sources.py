"""Tests for sources, attributions and quotes."""

from __future__ import annotations

import pytest

from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    AttributionMode,
    Dating,
    DatingMethod,
    FuzzyDate,
    InvalidValueError,
    Quote,
    Source,
    SourceKind,
)

AP = Actor(kind=ActorKind.MEDIA, name="The Associated Press")
OFFICIALS = Actor.unnamed("Turkish defence ministry officials")


class TestSource:
    def test_fields(self) -> None:
        """A source keeps outlet, kind, language and how its date was found."""
        published = Dating(
            date=FuzzyDate("2025-07"),
            method=DatingMethod.INFERRED,
            expression="date 2025-07",
        )
        s = Source(
            id="etv",
            outlet="ETV Bharat",
            kind=SourceKind.WIRE,
            language="en",
            published=published,
        )
        assert (s.outlet, s.kind, s.language, s.published) == (
            "ETV Bharat",
            SourceKind.WIRE,
            "en",
            published,
        )

    @pytest.mark.parametrize("tag", ["english", "EN", "e", "en_US", "x" * 40])
    def test_bad_language(self, tag: str) -> None:
        """Language tags must be BCP 47."""
        with pytest.raises(InvalidValueError) as info:
            Source(id="s", outlet="X", language=tag)
        assert info.value.path == "$.language"

    @pytest.mark.parametrize("ident", ["", " id", "a b", "ü", "x" * 201, "-start"])
    def test_bad_id(self, ident: str) -> None:
        """Ids are short ASCII tokens."""
        with pytest.raises(InvalidValueError) as info:
            Source(id=ident, outlet="X")
        assert info.value.path == "$.id"


class TestAttribution:
    def test_own_reporting(self) -> None:
        """Without a chain the claim rests on the outlet itself."""
        a = Attribution(source="etv")
        assert (a.origin, a.anonymous, a.mode, a.chain) == (
            None,
            False,
            AttributionMode.REPORTED,
            "etv",
        )

    def test_chain_to_anonymous_officials(self) -> None:
        """An outlet citing a wire citing anonymous officials is an anonymous claim."""
        a = Attribution(source="etv", via=[AP, OFFICIALS], mode=AttributionMode.PARAPHRASE)
        assert a.via == (AP, OFFICIALS)
        assert a.origin == OFFICIALS
        assert a.anonymous
        assert a.chain == (
            "etv ← The Associated Press ← Turkish defence ministry officials (unnamed)"
        )

    def test_chain_to_named_official(self) -> None:
        """A chain ending in a named person is not anonymous."""
        named = Actor(kind=ActorKind.PERSON, name="Tom Barrack")
        assert not Attribution(source="x", via=(AP, named)).anonymous

    def test_chain_items_must_be_actors(self) -> None:
        """A chain of strings is refused with the index of the first bad item."""
        with pytest.raises(InvalidValueError) as info:
            Attribution(source="x", via=("AP",))
        assert info.value.path == "$.via[0]"


class TestQuote:
    def test_defaults(self) -> None:
        """Quotes default to English and untranslated."""
        q = Quote(text="We will help.", speaker=AP)
        assert (q.language, q.translated, q.attribution) == ("en", False, None)

    def test_empty_quote(self) -> None:
        """An empty quote is refused."""
        with pytest.raises(InvalidValueError) as info:
            Quote(text=" ", speaker=AP)
        assert info.value.path == "$.text"

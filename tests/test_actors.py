"""Tests for actors, participants and their roles."""

from __future__ import annotations

import pytest

from geoevents import Actor, ActorKind, Country, InvalidValueError, Participant, Role


class TestActor:
    def test_named_actor(self) -> None:
        """A named actor keeps its fields and labels itself by name."""
        a = Actor(
            kind=ActorKind.PERSON,
            name="Tom Barrack",
            title="US envoy for Syria",
            country=Country("US"),
        )
        assert (a.label, a.anonymous, a.country) == ("Tom Barrack", False, Country("US"))

    def test_unnamed_actor(self) -> None:
        """An unnamed source is described, never named."""
        a = Actor.unnamed("Turkish defence ministry officials", country=Country("TR"))
        assert a.anonymous
        assert a.label == "Turkish defence ministry officials (unnamed)"
        assert a.name is None

    def test_unnamed_with_name_is_refused(self) -> None:
        """Giving an unnamed actor a name is an error on ``$.name``."""
        with pytest.raises(InvalidValueError) as info:
            Actor(kind=ActorKind.UNNAMED, name="Hakan", description="an official")
        assert info.value.path == "$.name"

    def test_unnamed_without_description_is_refused(self) -> None:
        """An unnamed actor needs a description."""
        with pytest.raises(InvalidValueError) as info:
            Actor(kind=ActorKind.UNNAMED)
        assert info.value.path == "$.description"

    def test_named_kind_without_name_is_refused(self) -> None:
        """A government without a name is an error pointing at the name."""
        with pytest.raises(InvalidValueError, match="a government actor needs a name"):
            Actor(kind=ActorKind.GOVERNMENT, description="some government")

    @pytest.mark.parametrize("name", ["", "   ", "a\x00b", "line\nbreak", "x" * 301])
    def test_bad_names(self, name: str) -> None:
        """Blank, control-character, multi-line and overlong names are refused."""
        with pytest.raises(InvalidValueError) as info:
            Actor(kind=ActorKind.PERSON, name=name)
        assert info.value.path == "$.name"

    def test_wrong_type_is_refused(self) -> None:
        """A country given as a string is a type error, not coerced."""
        with pytest.raises(InvalidValueError, match="expected Country, got str"):
            Actor(kind=ActorKind.GOVERNMENT, name="Syria", country="SY")  # type: ignore[arg-type]

    def test_aliases_become_a_tuple(self) -> None:
        """Aliases given as a list are stored as a tuple."""
        a = Actor(kind=ActorKind.PERSON, name="Murhaf Abu Qasra", aliases=["Marhaf Abu Qasra"])
        assert a.aliases == ("Marhaf Abu Qasra",)

    def test_immutable(self) -> None:
        """Actors cannot be changed after construction."""
        a = Actor(kind=ActorKind.PERSON, name="X")
        with pytest.raises(AttributeError):
            a.name = "Y"  # type: ignore[misc]


class TestParticipant:
    def test_role(self) -> None:
        """A participant pairs an actor with a role."""
        p = Participant(actor=Actor(kind=ActorKind.PERSON, name="X"), role=Role.SPEAKER)
        assert p.role is Role.SPEAKER

    def test_role_must_be_a_role(self) -> None:
        """A bare string is not a role."""
        with pytest.raises(InvalidValueError, match="expected Role"):
            Participant(actor=Actor(kind=ActorKind.PERSON, name="X"), role="speaker")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200f", " \u200d ", "\ufeff"])
def test_invisible_names_are_blank(name: str) -> None:
    """A name of invisible marks only (zero-width, direction marks) shows nothing: blank."""
    with pytest.raises(InvalidValueError, match="must not be empty or blank"):
        Actor(kind=ActorKind.PERSON, name=name)


def test_invisible_marks_inside_a_name_are_kept() -> None:
    """Joiners and marks between letters are text (Persian and Arabic names use them)."""
    assert Actor(kind=ActorKind.PERSON, name="Hakan\u200cFidan").name == "Hakan\u200cFidan"


def test_invisible_texts_are_refused_when_read() -> None:
    """Read from JSON, an invisible summary or dating expression is refused too."""
    from geoevents import RecordError, from_json

    line = (
        '{"kind":"event","schema":1,"id":"e","when":{"date":"2025-07","method":"inferred",'
        '"expression":"\\u200b"},"summary":"\\u200b","attributions":[{"source":"s"}]}'
    )
    with pytest.raises(RecordError) as info:
        from_json(line)
    assert [e.path for e in info.value.problems] == ["$.when.expression", "$.summary"]

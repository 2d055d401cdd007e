"""Who takes part in an event, and in what role.

An :class:`Actor` is a person, an organisation, a government, a military, an armed group,
a population group, a media outlet or an *unnamed source*. An unnamed source ("Turkish
defence ministry officials, speaking anonymously") has a description instead of a name,
and is never merged with a named person.
"""

from __future__ import annotations

import enum
from typing import final

import attrs

from geoevents._checks import (
    InstanceOf,
    Text,
    optional_text,
    raise_first,
    to_tuple,
    tuple_value,
)
from geoevents.country import Country
from geoevents.errors import InvalidValueError

__all__ = ["Actor", "ActorKind", "Participant", "Role"]


class ActorKind(enum.StrEnum):
    """What sort of actor an :class:`Actor` is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    POPULATION_GROUP = "population_group"
    MEDIA = "media"
    UNNAMED = "unnamed"
    """An unnamed source or an unidentified collective: described, never named."""


class Role(enum.StrEnum):
    """The part an actor plays in a record."""

    INITIATOR = "initiator"
    TARGET = "target"
    SIDE = "side"
    PERPETRATOR = "perpetrator"
    VICTIM = "victim"
    SPEAKER = "speaker"
    REQUESTER = "requester"
    ADDRESSEE = "addressee"
    PARTY = "party"
    SIGNATORY = "signatory"
    MEDIATOR = "mediator"
    GUARANTOR = "guarantor"
    ANNOUNCER = "announcer"
    HOST = "host"
    PARTICIPANT = "participant"
    MENTIONED = "mentioned"


@final
@attrs.frozen(kw_only=True)
class Actor:
    """A participant in events: named, or (for :attr:`ActorKind.UNNAMED`) described.

    Args:
        kind: what sort of actor this is.
        name: the name as reported; required unless the actor is unnamed, forbidden if it is.
        description: who an unnamed actor is ("Turkish defence official"); optional otherwise.
        country: the country the actor belongs to or acts for.
        title: title or role at the time ("Defence Minister").
        affiliation: the body the actor belongs to ("Ministry of National Defence").
        aliases: other spellings or transliterations of the name.

    Raises:
        InvalidValueError: a named actor without a name, or an unnamed one with a name or
            without a description.

    >>> Actor.unnamed("Turkish defence ministry officials", country=Country("TR")).label
    'Turkish defence ministry officials (unnamed)'
    >>> Actor(kind=ActorKind.GOVERNMENT, name="Syria", country=Country("SY")).anonymous
    False
    """

    kind: ActorKind = attrs.field(validator=InstanceOf(ActorKind))
    name: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    description: str | None = attrs.field(
        default=None, validator=optional_text(500, single_line=True)
    )
    country: Country | None = attrs.field(
        default=None, validator=InstanceOf(Country, optional=True)
    )
    title: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    affiliation: str | None = attrs.field(
        default=None, validator=optional_text(300, single_line=True)
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=attrs.validators.deep_iterable(Text(300, True), tuple_value),
    )

    def __attrs_post_init__(self) -> None:
        raise_first(self._problems())

    def _problems(self) -> list[InvalidValueError]:
        """Every rule across fields the actor breaks (construction raises the first)."""
        found = []
        if self.kind is ActorKind.UNNAMED:
            if self.name is not None:
                found.append(
                    InvalidValueError(
                        "an unnamed actor has no name",
                        path="$.name",
                        value=self.name,
                        hint="put who they are in 'description', or choose another kind",
                    )
                )
            if self.description is None:
                found.append(
                    InvalidValueError(
                        "an unnamed actor needs a description",
                        path="$.description",
                        hint="e.g. 'Turkish defence ministry officials'",
                    )
                )
        elif self.name is None:
            found.append(
                InvalidValueError(
                    f"a {self.kind.value} actor needs a name",
                    path="$.name",
                    hint="use kind='unnamed' with a description for anonymous sources",
                )
            )
        return found

    @classmethod
    def unnamed(
        cls, description: str, /, *, country: Country | None = None, affiliation: str | None = None
    ) -> Actor:
        """An anonymous source or unidentified group, described rather than named.

        >>> Actor.unnamed("security officials").anonymous
        True
        """
        return cls(
            kind=ActorKind.UNNAMED,
            description=description,
            country=country,
            affiliation=affiliation,
        )

    @property
    def anonymous(self) -> bool:
        """Whether the actor is unnamed."""
        return self.kind is ActorKind.UNNAMED

    @property
    def label(self) -> str:
        """A short human-readable label: the name, or the description marked unnamed.

        >>> Actor(kind=ActorKind.PERSON, name="Tom Barrack", title="US envoy").label
        'Tom Barrack'
        """
        if self.name is not None:
            return self.name
        return f"{self.description} (unnamed)"


@final
@attrs.frozen(kw_only=True)
class Participant:
    """An actor in a role within one record.

    >>> p = Participant(actor=Actor(kind=ActorKind.MILITARY, name="Israel Defense Forces"),
    ...                 role=Role.PERPETRATOR)
    >>> p.role
    <Role.PERPETRATOR: 'perpetrator'>
    """

    actor: Actor = attrs.field(validator=InstanceOf(Actor))
    role: Role = attrs.field(validator=InstanceOf(Role))


def participants(actors: tuple[Actor, ...], role: Role) -> tuple[Participant, ...]:
    """The actors of a kind-specific field as participants in *role*."""
    return tuple(Participant(actor=a, role=role) for a in actors)

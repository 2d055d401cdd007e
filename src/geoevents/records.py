"""The records: :class:`Event` and its kinds.

Every record is immutable and valid from the moment it exists. All records share the
fields of :class:`Event` (id, date, summary, attributions, participants, place, codes,
references); each kind adds its own. The ``kind`` tag of each class is part of the data
format and never changes: :data:`RECORD_KINDS` maps tags to classes explicitly, so no
record type depends on import order or class names.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final, final

import attrs

from geoevents._checks import (
    CameoCode,
    Identifier,
    InstanceOf,
    InstancesOf,
    Text,
    optional_text,
    raise_first,
    to_tuple,
    tuple_value,
    unique_strings,
)
from geoevents.actors import Actor, Participant, Role, participants
from geoevents.country import Country
from geoevents.errors import InvalidValueError
from geoevents.figures import Count
from geoevents.location import Location
from geoevents.sources import Attribution, Quote
from geoevents.temporal import Dating, FuzzyDate

__all__ = [
    "RECORD_KINDS",
    "Agreement",
    "AgreementStatus",
    "AgreementType",
    "Ceasefire",
    "CeasefireStatus",
    "Clash",
    "Event",
    "Meeting",
    "Modality",
    "PloverType",
    "Request",
    "RequestItem",
    "RequestStatus",
    "Stance",
    "Statement",
    "Strike",
    "Weapon",
]

_PLOVER_MODE = re.compile(r"[a-z][a-z_-]{0,39}")


class Modality(enum.StrEnum):
    """Whether the record describes something that happened, or something else."""

    ACTUAL = "actual"
    """It happened (or is happening), as far as the source says."""
    PLANNED = "planned"
    """It is announced or expected to happen later; exempt from "not after the report"."""
    HYPOTHETICAL = "hypothetical"
    """It is discussed as a possibility."""
    DENIED = "denied"
    """The source reports that it did not happen, or that someone denies it."""


class PloverType(enum.StrEnum):
    """The 16 PLOVER event types, grouped by quad class."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class _InstanceOnly:
    """A method visible on instances only (``None`` when looked up on the class)."""

    def __init__(self, function: Any) -> None:
        self._function = function

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return None if instance is None else self._function.__get__(instance, owner)


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def _dating(value: Dating | FuzzyDate) -> Dating:
    """Accept a bare :class:`FuzzyDate` as a date stated in the source."""
    if isinstance(value, FuzzyDate):
        return Dating(date=value)
    return value


def _plover_mode(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _PLOVER_MODE.fullmatch(value)):
        raise InvalidValueError(
            "not a PLOVER mode", path=f"$.{attribute.name}", value=value, hint="e.g. 'assist'"
        )


_ACTORS = InstancesOf(Actor)


@attrs.frozen(kw_only=True, repr=False)
class Event:
    """Something that happened, as one source reports it; the base of every record kind.

    Use it directly for occurrences without a more specific kind (a visit, an
    announcement, a deployment). Records are compared field by field.

    Args:
        id: a stable id, unique within a collection ("syria-turkey-2025/003/request").
        when: when it happened, with how that was determined; a bare :class:`FuzzyDate`
            is taken as stated in the source.
        summary: one line in the encoder's own words.
        attributions: at least one source that reports the claim, and through whom.
        actors: participants with their roles, beyond the kind's own fields.
        location: where it happened.
        countries: the countries concerned.
        refers_to: ids of earlier records this one reacts to or is about.
        same_as: ids of records (from other sources) describing the same real-world item;
            their disagreements are reported side by side.
        cameo: a CAMEO event code as a string (``"0232"``).
        plover: the PLOVER event type; ``plover_mode`` its mode (``"assist"``).
        modality: whether it happened, is planned, hypothetical or denied.
        tags: free keywords.
        notes: the encoder's notes (why a date is ranged, what is disputed...).

    Raises:
        InvalidValueError: an invalid field, naming its path.

    >>> from geoevents.sources import Attribution
    >>> e = Event(id="ex/1", when=FuzzyDate("2025-07-16"), summary="Strikes reported.",
    ...           attributions=(Attribution(source="src-1"),))
    >>> e.kind, str(e.when.date)
    ('event', '2025-07-16')
    """

    kind: ClassVar[str] = "event"

    id: str = attrs.field(validator=Identifier())
    when: Dating = attrs.field(converter=_dating, validator=InstanceOf(Dating))
    summary: str = attrs.field(validator=Text(500, single_line=True))
    attributions: tuple[Attribution, ...] = attrs.field(
        converter=to_tuple, validator=InstancesOf(Attribution, min_len=1)
    )
    actors: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=InstancesOf(Participant)
    )
    location: Location | None = attrs.field(
        default=None, validator=InstanceOf(Location, optional=True)
    )
    countries: tuple[Country, ...] = attrs.field(
        default=(), converter=to_tuple, validator=InstancesOf(Country)
    )
    refers_to: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_strings
    )
    same_as: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=unique_strings)
    cameo: str | None = attrs.field(default=None, validator=CameoCode())
    plover: PloverType | None = attrs.field(
        default=None, validator=InstanceOf(PloverType, optional=True)
    )
    plover_mode: str | None = attrs.field(default=None, validator=_plover_mode)
    modality: Modality = attrs.field(default=Modality.ACTUAL, validator=InstanceOf(Modality))
    tags: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=attrs.validators.deep_iterable(Text(100, True), tuple_value),
    )
    notes: str | None = attrs.field(default=None, validator=optional_text())

    # Set by a kind whose _problems adds rules of its own.
    _own_rules: ClassVar[bool] = False

    def __attrs_post_init__(self) -> None:
        # Every decode runs this: a record without links, of a kind without rules of its
        # own (most records), is passed without a call.
        if self.refers_to or self.same_as or self._own_rules:
            raise_first(self._problems())

    def _problems(self) -> list[InvalidValueError]:
        """Every rule across fields the record breaks (construction raises the first).

        Kinds with rules of their own extend it (and set ``_own_rules``); the converter
        runs it on a refused record, to report each problem with the others.
        """
        return [
            InvalidValueError("a record cannot point to itself", path=f"$.{name}", value=self.id)
            for name in ("refers_to", "same_as")
            if self.id in getattr(self, name)
        ]

    def __repr__(self) -> str:
        """The fields that differ from their defaults, so failing examples stay readable.

        >>> from geoevents.sources import Attribution
        >>> r = repr(Event(id="a", when=FuzzyDate("2025-07"), summary="x",
        ...                attributions=(Attribution(source="s"),)))
        >>> r[:24], "notes=" in r
        ("Event(id='a', when=Datin", False)
        """
        shown = []
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.default is attrs.NOTHING or value != _default(field):
                shown.append(f"{field.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def _pretty(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    # Hypothesis and IPython print records through this hook: keep their output as short as
    # repr. Looked up on the class itself (a list of kinds), it must not be a method.
    _repr_pretty_ = _InstanceOnly(_pretty)

    def participants(self) -> tuple[Participant, ...]:
        """Every actor of the record with its role: the kind's own fields, then ``actors``.

        >>> from geoevents.actors import ActorKind
        >>> from geoevents.sources import Attribution
        >>> r = Request(id="r", when=FuzzyDate("2025-07"), summary="Syria asked Türkiye.",
        ...             attributions=(Attribution(source="s"),),
        ...             requester=Actor(kind=ActorKind.GOVERNMENT, name="Syria"),
        ...             addressee=Actor(kind=ActorKind.GOVERNMENT, name="Türkiye"))
        >>> [(p.role.value, p.actor.label) for p in r.participants()]
        [('requester', 'Syria'), ('addressee', 'Türkiye')]
        """
        return self._own_participants() + self.actors

    def _own_participants(self) -> tuple[Participant, ...]:
        return ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources the record's attributions point to, in order, without repeats."""
        return tuple(dict.fromkeys(a.source for a in self.attributions))


class Stance(enum.StrEnum):
    """The speaker's stance towards the topic of a statement."""

    SUPPORTIVE = "supportive"
    OPPOSED = "opposed"
    NEUTRAL = "neutral"
    MIXED = "mixed"
    UNKNOWN = "unknown"


@final
@attrs.frozen(kw_only=True, repr=False)
class Statement(Event):
    """Someone said something: a speaker, their words and their stance.

    Args:
        speaker: who spoke (named, or an unnamed official).
        quotes: short exact quotes.
        audience: to whom or where it was said ("a press conference in Ankara").
        stance: the speaker's stance towards ``topic``.
        topic: what the statement is about.
    """

    kind: ClassVar[str] = "statement"

    speaker: Actor = attrs.field(validator=InstanceOf(Actor))
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=to_tuple, validator=InstancesOf(Quote)
    )
    audience: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    stance: Stance = attrs.field(default=Stance.UNKNOWN, validator=InstanceOf(Stance))
    topic: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))

    def _own_participants(self) -> tuple[Participant, ...]:
        return (Participant(actor=self.speaker, role=Role.SPEAKER),)


class RequestItem(enum.StrEnum):
    """What is requested, from a controlled list (each maps onto a CAMEO appeal code)."""

    MILITARY_AID = "military_aid"
    AIR_DEFENCE = "air_defence"
    ARMS = "arms"
    TRAINING = "training"
    ADVISORY = "advisory"
    TECHNICAL = "technical"
    INTELLIGENCE = "intelligence"
    COUNTER_TERRORISM = "counter_terrorism"
    PROTECTION = "protection"
    HUMANITARIAN = "humanitarian"
    DIPLOMATIC = "diplomatic"
    OTHER = "other"


class RequestStatus(enum.StrEnum):
    """Where a request stands, as of the record's date. Each change is its own record."""

    MADE = "made"
    REITERATED = "reiterated"
    UNDER_CONSIDERATION = "under_consideration"
    GRANTED = "granted"
    DELIVERED = "delivered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    UNKNOWN = "unknown"


@final
@attrs.frozen(kw_only=True, repr=False)
class Request(Event):
    """One actor asks another for something.

    Args:
        requester: who asks.
        addressee: who is asked.
        items: what is requested, as categories.
        details: what is requested, in the source's terms.
        status: made, under consideration, granted, refused...
        formal: whether it is a formal request (``None`` when the source does not say).
    """

    kind: ClassVar[str] = "request"

    requester: Actor = attrs.field(validator=InstanceOf(Actor))
    addressee: Actor = attrs.field(validator=InstanceOf(Actor))
    items: tuple[RequestItem, ...] = attrs.field(
        default=(), converter=to_tuple, validator=InstancesOf(RequestItem)
    )
    details: str | None = attrs.field(default=None, validator=optional_text(1_000))
    status: RequestStatus = attrs.field(
        default=RequestStatus.MADE, validator=InstanceOf(RequestStatus)
    )
    formal: bool | None = attrs.field(default=None, validator=InstanceOf(bool, optional=True))

    _own_rules: ClassVar[bool] = True

    def _problems(self) -> list[InvalidValueError]:
        found = super()._problems()
        if len(self.items) > 1 and len(set(self.items)) != len(self.items):
            twice = next(i for n, i in enumerate(self.items) if i in self.items[:n])
            found.append(
                InvalidValueError("lists the same item twice", path="$.items", value=twice.value)
            )
        return found

    def _own_participants(self) -> tuple[Participant, ...]:
        return (
            Participant(actor=self.requester, role=Role.REQUESTER),
            Participant(actor=self.addressee, role=Role.ADDRESSEE),
        )


class AgreementType(enum.StrEnum):
    """The form of an agreement."""

    TREATY = "treaty"
    MOU = "memorandum_of_understanding"
    PROTOCOL = "protocol"
    FRAMEWORK = "framework"
    JOINT_DECLARATION = "joint_declaration"
    OTHER = "other"
    UNKNOWN = "unknown"


class AgreementStatus(enum.StrEnum):
    """How far an agreement has come, as of the record's date."""

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    ANNOUNCED = "announced"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    TERMINATED = "terminated"
    UNKNOWN = "unknown"


_optional_date = InstanceOf(FuzzyDate, optional=True)


def _not_before(
    found: list[InvalidValueError],
    earlier: FuzzyDate | None,
    later: FuzzyDate | None,
    path: str,
    what: str,
) -> None:
    """Add to *found* the problem of a *later* date certainly before the *earlier* one."""
    if earlier is not None and later is not None and later.definitely_before(earlier):
        found.append(
            InvalidValueError(
                what,
                path=path,
                value=str(later),
                hint=f"it is certainly before {earlier}; check both dates",
            )
        )


@final
@attrs.frozen(kw_only=True, repr=False)
class Agreement(Event):
    """Two or more parties agree on something: a treaty, an MoU, a joint declaration.

    The dates of its stages are kept apart (``announced``, ``signed``, ``in_force``,
    ``terminated``); ``when`` is the date of the stage this record reports.

    Args:
        parties: the parties bound by it (at least two). Two equal actors may be two
            parties: an actor is a description, and "an unidentified armed group" on
            each side of an ACLED row is two groups.
        signatories: who signed, when known.
        mediators: third parties that brokered or guarantee it.
        agreement_type: treaty, MoU, protocol...
        subject: what it is about.
        status: how far it has come.
        announced: when it was announced.
        signed: when it was signed.
        in_force: when it took effect.
        terminated: when it ended.
    """

    kind: ClassVar[str] = "agreement"

    parties: tuple[Actor, ...] = attrs.field(
        converter=to_tuple, validator=InstancesOf(Actor, min_len=2)
    )
    signatories: tuple[Actor, ...] = attrs.field(default=(), converter=to_tuple, validator=_ACTORS)
    mediators: tuple[Actor, ...] = attrs.field(default=(), converter=to_tuple, validator=_ACTORS)
    agreement_type: AgreementType = attrs.field(
        default=AgreementType.UNKNOWN, validator=InstanceOf(AgreementType)
    )
    subject: str | None = attrs.field(default=None, validator=optional_text(500, single_line=True))
    status: AgreementStatus = attrs.field(
        default=AgreementStatus.UNKNOWN, validator=InstanceOf(AgreementStatus)
    )
    announced: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    signed: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    in_force: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    terminated: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)

    _own_rules: ClassVar[bool] = True

    def _problems(self) -> list[InvalidValueError]:
        found = super()._problems()
        if self.terminated is not None:
            _not_before(
                found,
                self.signed,
                self.terminated,
                "$.terminated",
                "terminated before it was signed",
            )
            _not_before(
                found,
                self.in_force,
                self.terminated,
                "$.terminated",
                "terminated before it took effect",
            )
        return found

    def _own_participants(self) -> tuple[Participant, ...]:
        return (
            participants(self.parties, Role.PARTY)
            + participants(self.signatories, Role.SIGNATORY)
            + participants(self.mediators, Role.MEDIATOR)
        )


class CeasefireStatus(enum.StrEnum):
    """The state of a ceasefire as of the record's date."""

    CALLED_FOR = "called_for"
    ANNOUNCED = "announced"
    IN_EFFECT = "in_effect"
    VIOLATED = "violated"
    COLLAPSED = "collapsed"
    ENDED = "ended"
    UNKNOWN = "unknown"


@final
@attrs.frozen(kw_only=True, repr=False)
class Ceasefire(Event):
    """A truce: its parties, who brokered and announced it, and when it held.

    Args:
        parties: the sides that stop fighting (one for a unilateral ceasefire).
        mediators: who brokered it.
        announced_by: who announced it (possibly a third party).
        declared: when it was declared.
        effective: when it took effect.
        ended: when it ended.
        status: called for, announced, in effect, violated, collapsed, ended.
        scope: where it applies ("Sweida province").
        written: whether it is a written agreement (``None`` when unknown).

    Raises:
        InvalidValueError: ``ended`` certainly before ``declared`` or ``effective``.
    """

    kind: ClassVar[str] = "ceasefire"

    parties: tuple[Actor, ...] = attrs.field(
        converter=to_tuple, validator=InstancesOf(Actor, min_len=1)
    )
    mediators: tuple[Actor, ...] = attrs.field(default=(), converter=to_tuple, validator=_ACTORS)
    announced_by: tuple[Actor, ...] = attrs.field(default=(), converter=to_tuple, validator=_ACTORS)
    declared: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    effective: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    ended: FuzzyDate | None = attrs.field(default=None, validator=_optional_date)
    status: CeasefireStatus = attrs.field(
        default=CeasefireStatus.ANNOUNCED, validator=InstanceOf(CeasefireStatus)
    )
    scope: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    written: bool | None = attrs.field(default=None, validator=InstanceOf(bool, optional=True))

    _own_rules: ClassVar[bool] = True

    def _problems(self) -> list[InvalidValueError]:
        found = super()._problems()
        if self.ended is not None:
            _not_before(found, self.declared, self.ended, "$.ended", "ended before it was declared")
            _not_before(found, self.effective, self.ended, "$.ended", "ended before it took effect")
        return found

    def _own_participants(self) -> tuple[Participant, ...]:
        return (
            participants(self.parties, Role.PARTY)
            + participants(self.mediators, Role.MEDIATOR)
            + participants(self.announced_by, Role.ANNOUNCER)
        )


@final
@attrs.frozen(kw_only=True, repr=False)
class Clash(Event):
    """Armed fighting between two or more sides, with the toll the source reports.

    Args:
        sides: the fighting sides, when named.
        fatalities: people killed, as reported (unknown is not zero).
        injuries: people injured, as reported.
    """

    kind: ClassVar[str] = "clash"

    sides: tuple[Actor, ...] = attrs.field(default=(), converter=to_tuple, validator=_ACTORS)
    fatalities: Count = attrs.field(factory=Count, validator=InstanceOf(Count))
    injuries: Count = attrs.field(factory=Count, validator=InstanceOf(Count))

    def _own_participants(self) -> tuple[Participant, ...]:
        return participants(self.sides, Role.SIDE)


class Weapon(enum.StrEnum):
    """The means of a strike."""

    AIR = "air"
    DRONE = "drone"
    ARTILLERY = "artillery"
    MISSILE = "missile"
    EXPLOSIVE = "explosive"
    UNKNOWN = "unknown"


@final
@attrs.frozen(kw_only=True, repr=False)
class Strike(Event):
    """A one-sided attack from a distance: air or drone strikes, shelling, missiles.

    Args:
        perpetrator: who struck, when the source says.
        target: what was hit, in the source's terms ("the defence ministry in Damascus").
        weapon: the means.
        fatalities: people killed, as reported.
        injuries: people injured, as reported.
    """

    kind: ClassVar[str] = "strike"

    perpetrator: Actor | None = attrs.field(
        default=None, validator=InstanceOf(Actor, optional=True)
    )
    target: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    weapon: Weapon = attrs.field(default=Weapon.UNKNOWN, validator=InstanceOf(Weapon))
    fatalities: Count = attrs.field(factory=Count, validator=InstanceOf(Count))
    injuries: Count = attrs.field(factory=Count, validator=InstanceOf(Count))

    def _own_participants(self) -> tuple[Participant, ...]:
        if self.perpetrator is None:
            return ()
        return (Participant(actor=self.perpetrator, role=Role.PERPETRATOR),)


@final
@attrs.frozen(kw_only=True, repr=False)
class Meeting(Event):
    """Talks, a visit or a summit between parties.

    Args:
        parties: who met (at least two; equal descriptions may be different parties, as
            for :class:`Agreement`).
        host: who hosted, when known.
        topic: what was discussed.
    """

    kind: ClassVar[str] = "meeting"

    parties: tuple[Actor, ...] = attrs.field(
        converter=to_tuple, validator=InstancesOf(Actor, min_len=2)
    )
    host: Actor | None = attrs.field(default=None, validator=InstanceOf(Actor, optional=True))
    topic: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))

    def _own_participants(self) -> tuple[Participant, ...]:
        own = participants(self.parties, Role.PARTY)
        return own if self.host is None else (*own, Participant(actor=self.host, role=Role.HOST))


# The dates of the stages of an agreement and of a ceasefire, in the order they come:
# validation compares them across sources, and strategies draw them in that order.
_STAGES: Final[Mapping[type[Event], tuple[str, ...]]] = MappingProxyType(
    {
        Agreement: ("announced", "signed", "in_force", "terminated"),
        Ceasefire: ("declared", "effective", "ended"),
    }
)


RECORD_KINDS: Final[Mapping[str, type[Event]]] = MappingProxyType(
    {
        cls.kind: cls
        for cls in (Event, Statement, Request, Agreement, Ceasefire, Clash, Strike, Meeting)
    }
)
"""Every record kind by its ``kind`` tag. The tags are part of the data format."""

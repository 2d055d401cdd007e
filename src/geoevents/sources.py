"""Provenance: the documents that report claims, and who a claim rests on.

Three layers, as event coders use them:

* a :class:`Source` is a document (an article, a wire story, an official statement);
* an :class:`Attribution` says which source carries a claim and *through whom*: the
  outlet's own reporting, or a chain such as "ETV Bharat citing AP citing anonymous
  Turkish defence officials";
* a :class:`Quote` holds someone's exact words.

Records point to sources by id, so one source serves many records and a collection can
check that every attribution resolves.
"""

from __future__ import annotations

import enum
from typing import final

import attrs

from geoevents._checks import (
    Identifier,
    InstanceOf,
    InstancesOf,
    LanguageTag,
    Text,
    optional_text,
    to_tuple,
)
from geoevents.actors import Actor
from geoevents.temporal import Dating, FuzzyDate

__all__ = ["Attribution", "AttributionMode", "Quote", "Source", "SourceKind"]


class SourceKind(enum.StrEnum):
    """What kind of document a source is."""

    ORIGINAL = "original"
    """Original reporting by the outlet's own journalists."""
    WIRE = "wire"
    """Wire copy (AP, Reuters, AFP...), possibly republished by another outlet."""
    AGGREGATION = "aggregation"
    """A summary of other outlets' reporting, crediting them."""
    OFFICIAL = "official"
    """An official statement, communiqué or press release."""
    COMMENTARY = "commentary"
    """Opinion, analysis or explainer text without its own sourcing."""
    UNKNOWN = "unknown"


def _stated(value: Dating | FuzzyDate | None) -> Dating | None:
    """Accept a bare :class:`FuzzyDate` as a date stated on the page, as ``when`` does."""
    return Dating(date=value) if isinstance(value, FuzzyDate) else value


@final
@attrs.frozen(kw_only=True)
class Source:
    """A document that reports claims.

    Args:
        id: a stable id that attributions refer to.
        outlet: the publisher as printed ("ETV Bharat").
        kind: what kind of document this is.
        title: the headline.
        url: where it was published.
        author: the byline, when given.
        published: when it was published, and how that was determined (stated on the page,
            inferred from its content...); a bare :class:`~geoevents.FuzzyDate` is a date
            stated on the page. ``None`` when unknown.
        language: BCP 47 tag of the text ("en").
        notes: anything a reader of the data should know about the source.

    >>> src = Source(id="etv-2025-07", outlet="ETV Bharat", kind=SourceKind.WIRE)
    >>> src.kind
    <SourceKind.WIRE: 'wire'>
    """

    id: str = attrs.field(validator=Identifier())
    outlet: str = attrs.field(validator=Text(300, single_line=True))
    kind: SourceKind = attrs.field(default=SourceKind.UNKNOWN, validator=InstanceOf(SourceKind))
    title: str | None = attrs.field(default=None, validator=optional_text(500, single_line=True))
    url: str | None = attrs.field(default=None, validator=optional_text(2_000, single_line=True))
    author: str | None = attrs.field(default=None, validator=optional_text(300, single_line=True))
    published: Dating | None = attrs.field(
        default=None, converter=_stated, validator=InstanceOf(Dating, optional=True)
    )
    language: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(LanguageTag())
    )
    notes: str | None = attrs.field(default=None, validator=optional_text())


class AttributionMode(enum.StrEnum):
    """How the source conveys the claim."""

    REPORTED = "reported"
    """In the outlet's own voice, not attributed to anyone."""
    QUOTE = "quote"
    """As the exact words of the last link in the chain."""
    PARAPHRASE = "paraphrase"
    """As a paraphrase of what the last link in the chain said."""


@final
@attrs.frozen(kw_only=True)
class Attribution:
    """Which source carries a claim, and through whom.

    Args:
        source: the id of the :class:`Source`.
        via: who the source credits, outermost first: another outlet, then the officials
            that outlet cites. Empty when the source reports in its own voice.
        mode: quote, paraphrase, or the outlet's own reporting.

    >>> from geoevents.actors import ActorKind
    >>> a = Attribution(source="etv-2025-07",
    ...                 via=(Actor(kind=ActorKind.MEDIA, name="The Associated Press"),
    ...                      Actor.unnamed("Turkish defence ministry officials")),
    ...                 mode=AttributionMode.PARAPHRASE)
    >>> a.anonymous, a.chain
    (True, 'etv-2025-07 ← The Associated Press ← Turkish defence ministry officials (unnamed)')
    """

    source: str = attrs.field(validator=Identifier())
    via: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=InstancesOf(Actor)
    )
    mode: AttributionMode = attrs.field(
        default=AttributionMode.REPORTED, validator=InstanceOf(AttributionMode)
    )

    @property
    def origin(self) -> Actor | None:
        """Where the claim finally comes from: the last link, or ``None`` (the outlet itself)."""
        return self.via[-1] if self.via else None

    @property
    def anonymous(self) -> bool:
        """Whether the claim rests on an unnamed source."""
        return self.via[-1].anonymous if self.via else False

    @property
    def chain(self) -> str:
        """The chain as text, source first."""
        return " ← ".join([self.source, *(a.label for a in self.via)])


@final
@attrs.frozen(kw_only=True)
class Quote:
    """Someone's exact words, in the language they were reported in.

    Args:
        text: the words, verbatim (short: a sentence or two).
        speaker: who said them.
        language: BCP 47 tag of *text*.
        translated: whether *text* is a translation of what was said.
        attribution: where the quote is reported, when it differs from the record's.

    >>> from geoevents.actors import ActorKind
    >>> speaker = Actor(kind=ActorKind.PERSON, name="A. Speaker")
    >>> q = Quote(text="We stand by Syria.", speaker=speaker)
    >>> q.language
    'en'
    """

    text: str = attrs.field(validator=Text(1_000))
    speaker: Actor = attrs.field(validator=InstanceOf(Actor))
    language: str = attrs.field(default="en", validator=LanguageTag())
    translated: bool = attrs.field(default=False, validator=InstanceOf(bool))
    attribution: Attribution | None = attrs.field(
        default=None, validator=InstanceOf(Attribution, optional=True)
    )

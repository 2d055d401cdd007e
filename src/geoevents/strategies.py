"""Hypothesis strategies that generate valid geoevents values, records and collections.

Use them to property-test code that consumes geoevents data::

    from hypothesis import given
    from geoevents import strategies as gst

    @given(gst.records(kinds=["ceasefire"]))
    def test_my_exporter(record):
        assert my_export(record)["id"] == record.id

Every strategy generates only valid values (constructing them runs every check), shrinks
towards short, simple ones (Syria for a country, an unknown count, one-word texts; days
towards 2000-01-01 within the date window, as Hypothesis' dates do), and is
registered for :func:`hypothesis.strategies.from_type` through Hypothesis' plugin entry
point, so ``st.from_type(geoevents.Ceasefire)`` works in any project that installs
geoevents. :func:`datasets` generates whole collections that satisfy every dataset rule.

Needs Hypothesis (the ``hypothesis`` extra).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = (
        "geoevents.strategies needs Hypothesis: install geoevents' hypothesis extra, or hypothesis"
    )
    raise ImportError(msg) from exc

import attrs

from geoevents._checks import ID_PATTERN
from geoevents.actors import Actor, ActorKind, Participant, Role
from geoevents.country import Country
from geoevents.dataset import Dataset
from geoevents.figures import Count
from geoevents.location import Location, SpatialPrecision
from geoevents.records import (
    _STAGES,
    RECORD_KINDS,
    Agreement,
    AgreementStatus,
    AgreementType,
    Ceasefire,
    CeasefireStatus,
    Clash,
    Event,
    Meeting,
    Modality,
    PloverType,
    Request,
    RequestItem,
    RequestStatus,
    Stance,
    Statement,
    Strike,
    Weapon,
)
from geoevents.sources import Attribution, AttributionMode, Quote, Source, SourceKind
from geoevents.temporal import Dating, DatingMethod, FuzzyDate, may_precede
from geoevents.timeline import Timeline

__all__ = [
    "actors",
    "attributions",
    "countries",
    "counts",
    "datasets",
    "datings",
    "fuzzy_dates",
    "locations",
    "quotes",
    "records",
    "sources",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
_MIN = datetime.date(1990, 1, 1)
_MAX = datetime.date(2030, 12, 31)
_ANCHOR = datetime.date(2025, 7, 1)
_WORDS = (
    "Sweida",
    "Damascus",
    "Ankara",
    "Aleppo",
    "Hama",
    "Daraa",
    "Homs",
    "Idlib",
    "السويداء",
    "Şam",
    "東京",
    "“Druze”",
    '"quoted"',
    "back\\slash",
    "🕊",
)
_NAMES = ("Ahmed al-Sharaa", "Tom Barrack", "Hakan Fidan", "Murhaf Abu Qasra", "Yaşar Güler")


@functools.cache
def _text(words: tuple[str, ...] = _WORDS, max_words: int = 6) -> st.SearchStrategy[str]:
    """Short printable one-line texts of up to *max_words* words (they shrink to one word).

    A text is drawn as its length and one number whose digits, in base ``len(words)``,
    pick the words: two choices a text, where a list of words takes two a word. Records
    hold many texts, and Hypothesis' cost grows with the number of choices.
    """
    lengths = st.integers(1, max_words)
    picks = [st.integers(0, len(words) ** n - 1) for n in range(max_words + 1)]

    @st.composite
    def text(draw: st.DrawFn) -> str:
        n = draw(lengths)
        number = draw(picks[n])
        chosen = []
        for _ in range(n):
            number, i = divmod(number, len(words))
            chosen.append(words[i])
        return " ".join(chosen)

    return text()


@functools.cache
def _opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of *strategy* (built once)."""
    return st.none() | strategy


@functools.cache
def _lists(
    strategy: st.SearchStrategy[T], min_size: int = 0, max_size: int = 2, unique: bool = False
) -> st.SearchStrategy[list[T]]:
    """Short lists of *strategy* (built once)."""
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique=unique)


@functools.cache
def _members(enum_type: type[E]) -> st.SearchStrategy[E]:
    """The members of an enum, first member first (built once)."""
    return st.sampled_from(list(enum_type))


@functools.cache
def _one_of(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    """One of *values*, the first first (built once per tuple)."""
    return st.sampled_from(values)


def _listed(name: str, value: object, of: type | None = None) -> tuple[Any, ...] | None:
    """*value* as a tuple, read once (a generator can be); ``None`` stays ``None``.

    Refuses what is not a list (of *of*) where one is expected: a string especially,
    which would be read letter by letter.
    """
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        msg = f"{name} must be a list, not the string {value!r}; write [{value!r}]"
        raise InvalidArgument(msg)
    if not isinstance(value, Iterable):
        msg = f"{name} must be a list, not {type(value).__name__}; write [{value!r}]"
        raise InvalidArgument(msg)
    items = tuple(value)
    if of is not None:
        wrong = [item for item in items if not isinstance(item, of)]
        if wrong:
            msg = f"{name} must hold {of.__name__} values, not {wrong[0]!r}"
            raise InvalidArgument(msg)
    return items


def _strategy(name: str, value: object) -> None:
    """Refuse what is neither a strategy nor ``None`` where a strategy is expected."""
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = f"{name} must be a Hypothesis strategy, not {type(value).__name__}"
        hint = "; wrap the values in st.sampled_from([...])"
        raise InvalidArgument(msg + (hint if isinstance(value, (list, tuple, set)) else ""))


def _check_window(min_date: datetime.date, max_date: datetime.date) -> None:
    for name, value in (("min_date", min_date), ("max_date", max_date)):
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            msg = f"{name} must be a datetime.date, not {type(value).__name__}"
            raise InvalidArgument(msg)
    if min_date > max_date:
        msg = f"min_date={min_date} is after max_date={max_date}; swap them"
        raise InvalidArgument(msg)
    if min_date.year < 1 or max_date.year > 9998:
        msg = "dates must lie between years 1 and 9998"
        raise InvalidArgument(msg)


def countries(*, codes: Iterable[str] | None = None) -> st.SearchStrategy[Country]:
    """ISO 3166-1 countries (and ``XK``), optionally only those with the given alpha-2 codes.

    Shrinks towards Syria.

    Raises:
        InvalidArgument: an empty or unknown code list.
    """
    return _countries_of(_listed("codes", codes, str))


# Strategies are built once per set of arguments: Hypothesis validates every new strategy
# object, which costs far more than drawing from an existing one.
@functools.cache
def _countries_of(codes: tuple[str, ...] | None) -> st.SearchStrategy[Country]:
    if codes is None:
        pool = list(Country.all())
    else:
        try:
            pool = [Country(c) for c in codes]
        except ValueError as exc:
            raise InvalidArgument(str(exc)) from exc
        if not pool:
            msg = "codes is empty; pass at least one alpha-2 code or None for all"
            raise InvalidArgument(msg)
    syria = Country("SY")
    pool.sort(key=lambda c: (c != syria, c.alpha2))
    return st.sampled_from(pool)


_FORMS = ("day", "month", "year", "digits", "season", "time")


@st.composite
def _single(draw: st.DrawFn, lo: datetime.date, hi: datetime.date, times: bool = True) -> FuzzyDate:
    day = draw(st.dates(min_value=lo, max_value=hi))
    form = draw(_one_of(_FORMS if times else _FORMS[:-1]))
    if form == "day":
        text = day.isoformat()
    elif form == "month":
        text = f"{day.year:04d}-{day.month:02d}"
    elif form == "year":
        text = f"{day.year:04d}"
    elif form == "digits":
        forms = (
            f"{day.year:04d}-{day.month:02d}-XX",
            f"{day.year:04d}-{day.month:02d}-{day.day // 10}X",
            f"{day.year:04d}-{day.month // 10}X",
            f"{day.year:04d}-XX",
            f"{day.year // 10:03d}X",
            f"{day.year // 100:02d}XX",
            f"{day.year:04d}-XX-XX",
            f"{day.year:04d}-{day.month // 10}X-XX",
            f"{day.year // 10:03d}X-XX",
            f"{day.year // 1000}XXX",
            "XXXX",
        )
        text = forms[draw(_DIGIT_FORMS)]
        if text.endswith("-3X") and day.month == 2:  # February has no 30s
            text = f"{day.year:04d}-02-XX"
    elif form == "season":
        text = _season_of(day)
    else:
        zone = draw(_one_of(("", "Z", "+03:00", "-05:00")))
        clock = draw(st.times()).replace(microsecond=0).isoformat()
        return FuzzyDate(f"{day.isoformat()}T{clock}{zone}")
    qualifier = draw(_one_of(("", "", "~", "?", "%")))
    return FuzzyDate(text + qualifier)


_DIGIT_FORMS = st.integers(0, 10)


@functools.cache
def _singles_of(lo: datetime.date, hi: datetime.date, times: bool) -> st.SearchStrategy[FuzzyDate]:
    return _single(lo, hi, times)


@st.composite
def _fuzzy_date(
    draw: st.DrawFn, lo: datetime.date, hi: datetime.date, intervals: bool
) -> FuzzyDate:
    if not intervals or not draw(st.booleans()):
        return draw(_singles_of(lo, hi, True))
    # Two ends of any form but a time, swapped when the start could not precede the end.
    ends = _singles_of(lo, hi, False)
    start, end = draw(ends), draw(ends)
    assert start.earliest is not None  # single dates are bounded
    assert end.latest is not None
    if start.earliest > end.latest:
        start, end = end, start
    shape = draw(_one_of(("closed", "closed", "open", "unknown")))
    if shape == "closed":
        return FuzzyDate.between(start, end)
    # An open end (..) or an unknown one (empty), at the start or at the end.
    mark = ".." if shape == "open" else ""
    return FuzzyDate(f"{start}/{mark}" if draw(st.booleans()) else f"{mark}/{end}")


def fuzzy_dates(
    *,
    min_date: datetime.date = _MIN,
    max_date: datetime.date = _MAX,
    intervals: bool = True,
) -> st.SearchStrategy[FuzzyDate]:
    """EDTF dates of every supported form whose possible days touch ``[min_date, max_date]``.

    Days, months, years, unspecified digits (``2025-07-2X``, ``2025-1X``, ``202X``,
    ``20XX``, ``2025-XX-XX``, ``202X-XX``, ``2XXX``, ``XXXX``), seasons, times with and
    without zones, qualifiers ``~ ? %``, and (with *intervals*) intervals between any two
    of those but times, closed, open (``..``) or with an unknown end. A vague form (a
    year, ``20XX``, ``XXXX``) may reach beyond the window.

    Raises:
        InvalidArgument: ``min_date`` after ``max_date``.
    """
    _check_window(min_date, max_date)
    if type(intervals) is not bool:
        msg = f"intervals must be True or False, not {intervals!r}"
        raise InvalidArgument(msg)
    return _fuzzy_dates_of(min_date, max_date, intervals)


@functools.cache
def _fuzzy_dates_of(
    lo: datetime.date, hi: datetime.date, intervals: bool
) -> st.SearchStrategy[FuzzyDate]:
    return _fuzzy_date(lo, hi, intervals)


def _season_of(day: datetime.date) -> str:
    """The season holding *day* (winter runs from December into the next year).

    Its year instead, where the season would begin before year 1 or end after 9999.
    """
    if day.month <= 2:
        year, season = day.year - 1, 24
    else:
        year, season = day.year, 21 + (day.month - 3) // 3
    if year < 1 or (season == 24 and year == 9999):
        return f"{day.year:04d}"
    return f"{year:04d}-{season}"


_EXPRESSIONS = ("yesterday", "on Wednesday", "last week", "earlier this month", "two weeks ago")


@st.composite
def _dating(draw: st.DrawFn, lo: datetime.date, hi: datetime.date) -> Dating:
    # The date first, whatever the method: a resolved dating anchors on its first day, so
    # it takes no fewer choices than a stated one, and examples shrink to stated dates.
    date = draw(fuzzy_dates(min_date=lo, max_date=hi))
    method = draw(_members(DatingMethod))
    if method is DatingMethod.RESOLVED and (hi - lo).days < 41:
        method = DatingMethod.STATED  # too short a window to resolve expressions inside it
    if method is DatingMethod.RESOLVED:
        from geoevents.relative import resolve_date

        first = date.earliest if date.earliest is not None else lo
        anchor = min(max(first, lo + datetime.timedelta(days=40)), hi)
        # "earlier this month" needs a day of the month before the anchor.
        usable = tuple(e for e in _EXPRESSIONS if anchor.day > 1 or e != "earlier this month")
        return resolve_date(draw(_one_of(usable)), anchor)
    expression = draw(_opt(_text(("in", "July", "around", "mid", "2025"), 3)))
    return Dating(date=date, method=method, expression=expression)


def datings(
    *, min_date: datetime.date = _MIN, max_date: datetime.date = _MAX
) -> st.SearchStrategy[Dating]:
    """Dates with how they were obtained: stated, inferred, imported, or resolved.

    Resolved ones come from :func:`geoevents.resolve_date` on real expressions, anchored
    inside the window; windows shorter than 41 days get no resolved dates.

    Raises:
        InvalidArgument: a reversed window.
    """
    _check_window(min_date, max_date)
    return _datings_of(min_date, max_date)


@functools.cache
def _datings_of(lo: datetime.date, hi: datetime.date) -> st.SearchStrategy[Dating]:
    return _dating(lo, hi)


def counts() -> st.SearchStrategy[Count]:
    """Reported figures in every state: unknown, exact, bounds, and low/best/high."""
    return _counts()


@functools.cache
def _counts() -> st.SearchStrategy[Count]:
    n = st.integers(0, 1_000_000_000)
    return st.one_of(
        st.just(Count()),  # first: examples shrink to an unknown count
        n.map(Count.exact),
        n.map(Count.at_least),
        n.map(Count.at_most),
        st.tuples(st.lists(n, min_size=2, max_size=3).map(sorted), st.integers(0, 2)).map(_ranged),
    )


def _ranged(drawn: tuple[list[int], int]) -> Count:
    """A range, a best figure in a range, or a best figure with one bound only."""
    values, bounds = drawn
    if len(values) == 2:
        low, high = values
        return [Count(low=low, high=high), Count(low=low, best=high), Count(best=low, high=high)][
            bounds
        ]
    return Count(low=values[0], best=values[1], high=values[2])


_NAME = st.sampled_from(_NAMES) | _text(max_words=3)


@st.composite
def _actor(
    draw: st.DrawFn, kinds: tuple[ActorKind, ...], country: st.SearchStrategy[Country]
) -> Actor:
    kind: ActorKind = draw(_one_of(kinds))
    nation = draw(_opt(country))
    affiliation = draw(_opt(_text(("Ministry", "of", "Defence", "National", "Army"), 4)))
    unnamed = kind is ActorKind.UNNAMED
    described = _text(("defence", "ministry", "officials", "security", "sources"), 4)
    # An unnamed actor needs a description; a named one may have one too.
    description = draw(described) if unnamed else draw(_opt(described))
    return Actor(
        kind=kind,
        name=None if unnamed else draw(_NAME),
        description=description,
        country=nation,
        title=draw(_opt(_text(("Defence", "Minister", "envoy", "spokesperson"), 3))),
        affiliation=affiliation,
        aliases=tuple(draw(_lists(_text(max_words=2), unique=True))),
    )


def actors(
    *,
    kinds: Iterable[ActorKind | str] | None = None,
    countries: st.SearchStrategy[Country] | None = None,
) -> st.SearchStrategy[Actor]:
    """Named and unnamed actors of the given kinds, from the given countries.

    Raises:
        InvalidArgument: an empty list of kinds, an unknown kind, or a string for the list.
    """
    kinds = _listed("kinds", kinds)
    _strategy("countries", countries)
    try:  # members, or their values ("person")
        pool = tuple(ActorKind) if kinds is None else tuple(ActorKind(k) for k in kinds)
    except ValueError as exc:
        raise InvalidArgument(f"kinds: {exc}; choose from {', '.join(ActorKind)}") from None
    if not pool:
        msg = "kinds is empty; pass at least one ActorKind or None for all"
        raise InvalidArgument(msg)
    return _actors_of(pool, globals()["countries"]() if countries is None else countries)


@functools.cache
def _actors_of(
    kinds: tuple[ActorKind, ...], country: st.SearchStrategy[Country]
) -> st.SearchStrategy[Actor]:
    return _actor(kinds, country)


@st.composite
def _location(draw: st.DrawFn, country: st.SearchStrategy[Country]) -> Location:
    point = draw(st.booleans())
    name = draw(_opt(_one_of(_WORDS)))
    nation = draw(_opt(country))
    if name is None and nation is None and not point:
        name = _WORDS[0]  # a location needs one of the three
    return Location(
        name=name,
        country=nation,
        admin1=draw(_opt(_text(_WORDS, 1))),
        admin2=draw(_opt(_text(_WORDS, 1))),
        admin3=draw(_opt(_text(_WORDS, 1))),
        latitude=draw(st.floats(-90, 90)) if point else None,
        longitude=draw(st.floats(-180, 180)) if point else None,
        precision=draw(_opt(_members(SpatialPrecision))),
    )


def locations(
    *, countries: st.SearchStrategy[Country] | None = None
) -> st.SearchStrategy[Location]:
    """Places with a name, maybe a country, an admin unit, a point and a precision."""
    _strategy("countries", countries)
    return _locations_of(globals()["countries"]() if countries is None else countries)


@functools.cache
def _locations_of(country: st.SearchStrategy[Country]) -> st.SearchStrategy[Location]:
    return _location(country)


_CAMEO = st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True)
# Short ids, or ids in the forms imported data gives them (capitals, digits first, . : / #).
_ID_FORMS = ("acled:SYR{}", "ucdp:{}", "GDELT.{}", "s2025/003#{}", "{}-2025", "R{}")
_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True) | st.tuples(
    _one_of(_ID_FORMS), st.integers(0, 10**9)
).map(lambda form: form[0].format(form[1]))


@st.composite
def _source(
    draw: st.DrawFn, ident: st.SearchStrategy[str], lo: datetime.date, hi: datetime.date
) -> Source:
    return Source(
        id=draw(ident),
        outlet=draw(st.sampled_from(["AP", "Reuters", "ETV Bharat", "Middle East Eye"])),
        kind=draw(_members(SourceKind)),
        title=draw(_opt(_text(max_words=8))),
        published=draw(_opt(datings(min_date=lo, max_date=hi))),
        language=draw(_opt(st.sampled_from(["en", "tr", "ar", "ar-SY"]))),
        url=draw(_opt(_text(("a", "b", "syria", "news"), 3).map(_url))),
        author=draw(_opt(st.sampled_from(_NAMES))),
        notes=draw(_opt(_text(max_words=8))),
    )


def _url(path: str) -> str:
    return "https://example.org/" + path.replace(" ", "/")


def sources(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_date: datetime.date = _MIN,
    max_date: datetime.date = _MAX,
) -> st.SearchStrategy[Source]:
    """Documents with an outlet, a kind, maybe a title, a publication date and a language."""
    _strategy("ids", ids)
    _check_window(min_date, max_date)
    return _sources_of(_IDS if ids is None else ids, min_date, max_date)


@functools.cache
def _sources_of(
    ident: st.SearchStrategy[str], lo: datetime.date, hi: datetime.date
) -> st.SearchStrategy[Source]:
    return _source(ident, lo, hi)


@st.composite
def _attribution(
    draw: st.DrawFn, source_ids: st.SearchStrategy[str], country: st.SearchStrategy[Country]
) -> Attribution:
    chain = draw(_lists(actors(kinds=[ActorKind.MEDIA, ActorKind.UNNAMED], countries=country)))
    mode = draw(_members(AttributionMode))
    return Attribution(source=draw(source_ids), via=tuple(chain), mode=mode)


def attributions(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Attribution]:
    """Attributions to one of *source_ids* (or any id), through chains of up to two actors.

    Raises:
        InvalidArgument: an empty list of source ids.
    """
    return _attributions_of(_source_ids(source_ids))


def _source_ids(source_ids: Iterable[str] | None) -> tuple[str, ...] | None:
    """*source_ids* checked (a list of valid ids, not empty) and as a tuple."""
    found = _listed("source_ids", source_ids, str)
    if found is None:
        return None
    if not found:
        msg = "source_ids is empty; pass at least one id or None"
        raise InvalidArgument(msg)
    bad = [i for i in found if not ID_PATTERN.fullmatch(i)]
    if bad:
        msg = f"source_ids holds an invalid id: {bad[0]!r} (ids are {ID_PATTERN.pattern})"
        raise InvalidArgument(msg)
    return found


@functools.cache
def _attributions_of(
    source_ids: tuple[str, ...] | None, country: st.SearchStrategy[Country] | None = None
) -> st.SearchStrategy[Attribution]:
    return _attribution(
        _IDS if source_ids is None else st.sampled_from(source_ids),
        globals()["countries"]() if country is None else country,
    )


def quotes() -> st.SearchStrategy[Quote]:
    """Short quotes with a speaker and a language, maybe reported by another source."""
    return _quotes_of(actors(), _attributions_of(None))


@functools.cache
def _quotes_of(
    speaker: st.SearchStrategy[Actor], cited: st.SearchStrategy[Attribution]
) -> st.SearchStrategy[Quote]:
    return st.builds(
        Quote,
        text=_text(("we", "will", "support", "Syria", "no", "position", "security"), 8),
        speaker=speaker,
        language=st.sampled_from(["en", "tr", "ar"]),
        translated=st.booleans(),
        attribution=_opt(cited),
    )


@functools.cache
def _participants_of(actor: st.SearchStrategy[Actor]) -> st.SearchStrategy[Participant]:
    return st.builds(Participant, actor=actor, role=_members(Role))


@functools.cache
def _kind_fields(
    tag: str, actor: st.SearchStrategy[Actor], cited: st.SearchStrategy[Attribution]
) -> dict[str, Any]:
    """Strategies for the kind-specific fields of the kind tagged *tag* (built once)."""
    kind = RECORD_KINDS[tag]
    some = st.lists(actor, max_size=2).map(tuple)
    two = st.lists(actor, min_size=2, max_size=3).map(tuple)
    texts = _opt(_text())
    if kind is Statement:
        return {
            "speaker": actor,
            "quotes": st.lists(_quotes_of(actor, cited), max_size=2).map(tuple),
            "audience": texts,
            "stance": _members(Stance),
            "topic": texts,
        }
    if kind is Request:
        return {
            "requester": actor,
            "addressee": actor,
            "items": st.lists(_members(RequestItem), max_size=3, unique=True).map(tuple),
            "status": _members(RequestStatus),
            "formal": _opt(st.booleans()),
            "details": texts,
        }
    if kind is Agreement:
        return {
            "parties": two,
            "signatories": some,
            "mediators": some,
            "agreement_type": _members(AgreementType),
            "status": _members(AgreementStatus),
            "subject": texts,
        }
    if kind is Ceasefire:
        return {
            "parties": st.lists(actor, min_size=1, max_size=3).map(tuple),
            "mediators": some,
            "announced_by": some,
            "status": _members(CeasefireStatus),
            "scope": texts,
            "written": _opt(st.booleans()),
        }
    if kind in (Clash, Strike):
        fields: dict[str, Any] = {"fatalities": counts(), "injuries": counts()}
        if kind is Clash:
            fields["sides"] = some
        else:
            fields.update(perpetrator=_opt(actor), weapon=_members(Weapon), target=texts)
        return fields
    if kind is Meeting:
        return {"parties": two, "host": _opt(actor), "topic": texts}
    return {}


@st.composite
def _record(  # noqa: PLR0917  (a private composite: its arguments are drawn by position)
    draw: st.DrawFn,
    kinds: tuple[type[Event], ...],
    country: st.SearchStrategy[Country],
    lo: datetime.date,
    hi: datetime.date,
    ident: st.SearchStrategy[str],
    source_ids: tuple[str, ...] | None,
) -> Event:
    kind: type[Event] = draw(_one_of(kinds))
    actor = actors(countries=country)
    cited = _attributions_of(source_ids, country)
    fields = {name: draw(s) for name, s in _kind_fields(kind.kind, actor, cited).items()}
    fields.update(_stages(draw, kind, lo, hi))
    return kind(
        id=draw(ident),
        when=draw(datings(min_date=lo, max_date=hi)),
        summary=draw(_text(max_words=10)),
        attributions=tuple(draw(_lists(cited, 1))),
        actors=tuple(draw(_lists(_participants_of(actor)))),
        location=draw(_opt(locations(countries=country))),
        countries=tuple(draw(_lists(country, unique=True))),
        cameo=draw(_opt(_CAMEO)),
        plover=draw(_opt(_members(PloverType))),
        modality=draw(_members(Modality)),
        plover_mode=draw(_opt(_one_of(("verbal", "threaten", "assist", "demand")))),
        tags=tuple(draw(_lists(_text(max_words=2), unique=True))),
        notes=draw(_opt(_text(max_words=12))),
        **fields,
    )


@functools.cache
def _records_of(  # noqa: PLR0917  (a private cache: its arguments are its key)
    kinds: tuple[type[Event], ...],
    country: st.SearchStrategy[Country],
    lo: datetime.date,
    hi: datetime.date,
    ident: st.SearchStrategy[str],
    source_ids: tuple[str, ...] | None,
) -> st.SearchStrategy[Event]:
    return _record(kinds, country, lo, hi, ident, source_ids)


def _stages(
    draw: st.DrawFn, kind: type[Event], lo: datetime.date, hi: datetime.date
) -> dict[str, FuzzyDate | None]:
    """Stage dates of *kind* inside the window, none certainly before an earlier stage.

    (Agreement, Ceasefire and the signed-after-in-force rule check some of these pairs.)
    """
    found: dict[str, FuzzyDate | None] = {}
    day = _opt(fuzzy_dates(min_date=lo, max_date=hi, intervals=False))
    for name in _STAGES.get(kind, ()):
        date = draw(day)
        if date is not None and any(
            d is not None and date.definitely_before(d) for d in found.values()
        ):
            date = None
        found[name] = date
    return found


def records(
    *,
    kinds: Iterable[str | type[Event]] | None = None,
    countries: st.SearchStrategy[Country] | None = None,
    min_date: datetime.date = _MIN,
    max_date: datetime.date = _MAX,
    ids: st.SearchStrategy[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Event]:
    """Valid records of the given kinds (tags or classes; all kinds by default).

    Args:
        kinds: the kinds to generate, e.g. ``["ceasefire", Statement]``.
        countries: where actors and places come from (default: any country).
        min_date: the earliest day records are dated around.
        max_date: the latest day records are dated around.
        ids: a strategy for record ids.
        source_ids: the source ids attributions may cite (default: any id).

    Raises:
        InvalidArgument: an unknown or empty list of kinds, or a reversed date window.
    """
    _check_window(min_date, max_date)
    _strategy("countries", countries)
    _strategy("ids", ids)
    return _records_of(
        _kinds(kinds),
        globals()["countries"]() if countries is None else countries,
        min_date,
        max_date,
        _IDS if ids is None else ids,
        _source_ids(source_ids),
    )


def _kinds(kinds: Iterable[str | type[Event]] | None) -> tuple[type[Event], ...]:
    kinds = _listed("kinds", kinds)
    if kinds is None:
        return tuple(RECORD_KINDS.values())
    chosen: list[type[Event]] = []
    for k in kinds:
        tag = k if isinstance(k, str) else getattr(k, "kind", None)
        if not isinstance(tag, str) or tag not in RECORD_KINDS:
            msg = f"unknown record kind {k!r}; choose from {', '.join(RECORD_KINDS)}"
            raise InvalidArgument(msg)
        chosen.append(RECORD_KINDS[tag])
    if not chosen:
        msg = "kinds is empty; pass at least one kind or None for all"
        raise InvalidArgument(msg)
    return tuple(chosen)


# A dataset's sources take their ids from a few names (its records are r0, r1, ...): the
# strategies that cite them are then built once per set of names, not once per dataset.
_SOURCE_IDS = ("ap", "reuters", "sana", "anadolu", "etv-bharat", "mee", "src-7", "x-1")
_SOURCE_ID_SETS = st.lists(_one_of(_SOURCE_IDS), min_size=1, max_size=4, unique=True)
_ANY_ID = st.just("r")  # replaced: a dataset numbers its records


@st.composite
def _dataset(  # noqa: PLR0917  (a private composite: its arguments are drawn by position)
    draw: st.DrawFn,
    kinds: tuple[type[Event], ...],
    country: st.SearchStrategy[Country],
    lo: datetime.date,
    hi: datetime.date,
    min_size: int,
    max_size: int,
) -> Dataset:
    source_ids = tuple(sorted(draw(_SOURCE_ID_SETS)))
    drawn = _records_of(kinds, country, lo, hi, _ANY_ID, source_ids)
    # A list, not a drawn size and a loop: the shrinker can then drop any one record.
    raw = draw(st.lists(drawn, min_size=min_size, max_size=max_size))
    raw.sort(key=lambda r: r.when.date.sort_key())
    built: list[Event] = []
    for i, record in enumerate(raw):
        earlier = [r.id for r in built if _certainly_not_after(r, record)]
        refers = draw(st.lists(_one_of(tuple(earlier)), max_size=2, unique=True)) if earlier else []
        same = draw(st.lists(_one_of(tuple(r.id for r in built)), max_size=1)) if built else []
        built.append(attrs.evolve(record, id=f"r{i}", refers_to=tuple(refers), same_as=tuple(same)))
    cited: dict[str, list[datetime.date]] = {s: [] for s in source_ids}
    for record in built:
        start = record.when.date.earliest
        for a in record.attributions:
            if start is not None:
                cited[a.source].append(start)
    found = [
        draw(_published_source(ident, max(days) if days else None, lo, hi))
        for ident, days in cited.items()
    ]
    return Dataset(built, sources=found)


def _certainly_not_after(referent: Event, referrer: Event) -> bool:
    """Whether *referrer* can only be on or after *referent* (so a reference is clean).

    The reference-order rule's own test, so moments in zones count as it counts them.
    """
    mine, theirs = referrer.when.date, referent.when.date
    return mine == theirs or not may_precede(mine, theirs)


@st.composite
def _published_source(
    draw: st.DrawFn,
    ident: str,
    last: datetime.date | None,
    lo: datetime.date,
    hi: datetime.date,
) -> Source:
    source = draw(_sources_of(_ANY_ID, lo, hi))
    if last is None or last.year >= 9998:
        return attrs.evolve(source, id=ident, published=None)
    day = draw(st.dates(min_value=last, max_value=last + datetime.timedelta(days=60)))
    return attrs.evolve(source, id=ident, published=Dating(date=FuzzyDate.from_date(day)))


def datasets(
    *,
    kinds: Iterable[str | type[Event]] | None = None,
    countries: st.SearchStrategy[Country] | None = None,
    min_date: datetime.date = _MIN,
    max_date: datetime.date = _MAX,
    min_size: int = 0,
    max_size: int = 12,
) -> st.SearchStrategy[Dataset]:
    """Collections that satisfy every dataset rule (:func:`geoevents.validate` finds no error).

    Records are numbered ``r0``, ``r1``, ... and sources take their ids from a few
    names (:func:`records` and :func:`sources` draw any id); references point only to
    records that exist and are certainly not later; every attribution cites an included
    source; every source is published on or after the records it reports. ``same_as``
    links may join records, so disagreements can appear (they are findings, not errors).

    A record takes about two hundred of Hypothesis' choices, and Hypothesis bounds an
    example's choices and the time to draw it: under its default health checks a
    collection of up to about 15 records draws reliably. For larger ones, suppress
    ``HealthCheck.too_slow`` and ``HealthCheck.data_too_large`` and expect some examples
    to be cut short.

    Raises:
        InvalidArgument: sizes out of order or negative, or an invalid kind or window.
    """
    _check_window(min_date, max_date)
    _strategy("countries", countries)
    for name, size in (("min_size", min_size), ("max_size", max_size)):
        if type(size) is not int:
            msg = f"{name} must be an int, not {type(size).__name__}"
            raise InvalidArgument(msg)
    if not 0 <= min_size <= max_size:
        msg = f"need 0 <= min_size <= max_size, got {min_size} and {max_size}"
        raise InvalidArgument(msg)
    return _dataset(
        _kinds(kinds),
        globals()["countries"]() if countries is None else countries,
        min_date,
        max_date,
        min_size,
        max_size,
    )


def _records_of_kind(kind: type[Event]) -> st.SearchStrategy[Event]:
    # Event is the base of every kind: from_type(Event) gives records of any kind.
    return records(kinds=None if kind is Event else [kind])


def _participants(_: type) -> st.SearchStrategy[Participant]:
    return _participants_of(actors())


def _timelines(_: type) -> st.SearchStrategy[Timeline]:
    return datasets().map(Dataset.timeline)


def _register() -> None:
    """Register a strategy for every public type, for ``st.from_type``.

    Each is registered as a function of the type, so it is built on first use: the plugin
    imports this module wherever geoevents is installed, and importing Hypothesis should
    not wait for strategies nobody asked for.
    """
    for kind in RECORD_KINDS.values():
        st.register_type_strategy(kind, _records_of_kind)
    plain: dict[type[Any], Callable[[type], st.SearchStrategy[Any]]] = {
        Country: lambda _: countries(),
        FuzzyDate: lambda _: fuzzy_dates(),
        Dating: lambda _: datings(),
        Count: lambda _: counts(),
        Actor: lambda _: actors(),
        Location: lambda _: locations(),
        Source: lambda _: sources(),
        Attribution: lambda _: attributions(),
        Quote: lambda _: quotes(),
        Dataset: lambda _: datasets(),
        Participant: _participants,
        Timeline: _timelines,
    }
    for cls, make in plain.items():
        st.register_type_strategy(cls, make)


_register()

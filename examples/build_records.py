"""Build a few records by hand and print them: the shape of geoevents in one screen.

Run: python examples/build_records.py
"""

from __future__ import annotations

from datetime import date

from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    AttributionMode,
    Ceasefire,
    Count,
    Country,
    Dating,
    DatingMethod,
    FuzzyDate,
    Quote,
    Request,
    RequestItem,
    Source,
    SourceKind,
    Statement,
    normalize_country,
    resolve_date,
)

# The document the claims come from. Its page shows only the month; the text says
# "said Wednesday" and a photo caption is dated Tuesday, July 22, 2025.
source = Source(id="etv-bharat", outlet="ETV Bharat", kind=SourceKind.WIRE, language="en")

# Countries from any spelling or code system, always stored as ISO alpha-2.
syria = Actor(kind=ActorKind.GOVERNMENT, name="Syria", country=normalize_country("Suriye"))
turkiye = Actor(kind=ActorKind.GOVERNMENT, name="Türkiye", country=normalize_country("Turkey"))
officials = Actor.unnamed("Turkish defence ministry officials", country=Country("TR"))
ap = Actor(kind=ActorKind.MEDIA, name="The Associated Press", country=Country("US"))

# The claim rests on anonymous officials, through the AP, through the outlet.
via_ap = Attribution(source=source.id, via=(ap, officials), mode=AttributionMode.PARAPHRASE)

# The officials disclosed the request "on Wednesday", read against a report taken to be
# published on Thursday 24 July 2025. The request itself is undated: after the violence
# of "the past two weeks" began, and on or before that disclosure.
disclosed = resolve_date("on Wednesday", date(2025, 7, 24))
request = Request(
    id="example/request",
    when=Dating(
        date=FuzzyDate.between(FuzzyDate("2025-07-10"), disclosed.date),
        method=DatingMethod.INFERRED,
        expression="following sectarian violence over the past two weeks",
        rule="after the two weeks of violence began, on or before the disclosure",
    ),
    summary="Syria asked Türkiye for support to strengthen its defence capacity.",
    attributions=(via_ap,),
    requester=syria,
    addressee=turkiye,
    items=(RequestItem.MILITARY_AID, RequestItem.COUNTER_TERRORISM),
    cameo="0232",
)

barrack = Actor(kind=ActorKind.PERSON, name="Tom Barrack", title="US envoy", country=Country("US"))
ceasefire = Ceasefire(
    id="example/ceasefire",
    when=FuzzyDate("2025-07-19"),
    summary="A US-brokered ceasefire between Israel and Syria was announced.",
    attributions=(Attribution(source=source.id),),
    parties=(syria, Actor(kind=ActorKind.GOVERNMENT, name="Israel", country=Country("IL"))),
    mediators=(barrack,),
    announced_by=(barrack,),
    declared=FuzzyDate("2025-07-19"),
)

statement = Statement(
    id="example/statement",
    when=FuzzyDate("2025-07-21/2025-07-23"),  # "earlier this week": a range, never a guess
    summary="The US envoy said Washington takes no position on a Syrian-Turkish defence pact.",
    attributions=(Attribution(source=source.id, via=(ap,)),),
    speaker=barrack,
    quotes=(Quote(text="no position", speaker=barrack),),
    refers_to=(request.id,),
)

for record in (request, ceasefire, statement):
    w = record.when
    print(f"{record.kind:<10} {w.date!s:<24} {w.earliest} .. {w.latest}  {record.summary}")
    for p in record.participants():
        print(f"{'':>11}{p.role.value:<10} {p.actor.label}")
    for a in record.attributions:
        print(f"{'':>11}source     {a.chain}")
in_order = request.when.date.definitely_before(statement.when.date)
print(f"\nthe request was certainly made before the statement: {in_order}")
print(f"fatalities of an unreported toll: {Count()} (never 0)")

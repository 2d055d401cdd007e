"""Small factories for valid records, so each test states only what it is about."""

from __future__ import annotations

from typing import Any

from geoevents import (
    Actor,
    ActorKind,
    Attribution,
    Country,
    Event,
    FuzzyDate,
)

SYRIA = Actor(kind=ActorKind.GOVERNMENT, name="Syrian interim government", country=Country("SY"))
TURKIYE = Actor(kind=ActorKind.GOVERNMENT, name="Government of Türkiye", country=Country("TR"))
ISRAEL = Actor(kind=ActorKind.MILITARY, name="Israel Defense Forces", country=Country("IL"))
OFFICIALS = Actor.unnamed("Turkish defence ministry officials", country=Country("TR"))


def common(**overrides: Any) -> dict[str, Any]:
    """The fields every record needs, with *overrides* applied."""
    fields: dict[str, Any] = {
        "id": "test/1",
        "when": FuzzyDate("2025-07-23"),
        "summary": "Something happened.",
        "attributions": (Attribution(source="src-1"),),
    }
    fields.update(overrides)
    return fields


def event(**overrides: Any) -> Event:
    """A valid plain event."""
    return Event(**common(**overrides))

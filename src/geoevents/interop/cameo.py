"""CAMEO event codes: their names, and the CAMEO -> PLOVER mapping.

Two package data files are read lazily, under a lock, on first use:

* ``data/cameo_codes.tsv``: the 312 CAMEO codes with names and Goldstein scores (from
  andybega/icews, MIT; originally the CAMEO 1.1b3 manual via ICEWS);
* ``data/cameo_plover.tsv``: CAMEO2PLOVER-2021 (openeventdata/PLOVER, CC BY-SA 4.0).
  That table has no rows for the roots 01 and 02. PLOVER dropped statements, so 01x map
  to no PLOVER type; we map the appeals 02x to ``REQUEST`` ourselves (rows marked
  ``geoevents``), with the mode and context the CAMEO description implies.

Codes are always strings (``"010"`` is *make statement*, ``"10"`` is DEMAND). A code
without its own row falls back to its parent (``"0871"`` -> ``"087"`` -> ``"08"``).
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any, Final, NamedTuple, final

from geoevents.actors import Actor, Participant, Role
from geoevents.errors import InvalidValueError
from geoevents.records import (
    Agreement,
    AgreementStatus,
    Ceasefire,
    Clash,
    Event,
    PloverType,
    Request,
    Statement,
    Strike,
    Weapon,
)

__all__ = [
    "CameoCode",
    "PloverMapping",
    "cameo_actors",
    "cameo_code",
    "cameo_name",
    "cameo_to_plover",
    "record_for_cameo",
]

_CODE: Final = re.compile(r"[0-9]{2,4}")  # not \d: that admits every script's digits
_LOCK = threading.Lock()
_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


@final
class CameoCode(NamedTuple):
    """One row of the CAMEO code table."""

    code: str
    name: str
    goldstein: float


@final
class PloverMapping(NamedTuple):
    """What a CAMEO code becomes in PLOVER: type, optional mode and context, and origin."""

    plover: PloverType
    mode: str | None
    context: str | None
    origin: str


class _Tables(NamedTuple):
    codes: dict[str, CameoCode]
    plover: dict[str, PloverMapping]


_TABLES: _Tables | None = None


def _rows(name: str) -> list[list[str]]:
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:] if line]


def _tables() -> _Tables:
    global _TABLES  # noqa: PLW0603 - a lazily built module cache
    if _TABLES is None:
        with _LOCK:
            if _TABLES is None:
                codes = {r[0]: CameoCode(r[0], r[1], float(r[2])) for r in _rows("cameo_codes.tsv")}
                plover = {
                    r[0]: PloverMapping(PloverType(r[1]), r[2] or None, r[3] or None, r[4])
                    for r in _rows("cameo_plover.tsv")
                }
                _TABLES = _Tables(codes, plover)
    return _TABLES


def _check(code: object) -> str:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise InvalidValueError(
            "not a CAMEO code", value=code, expected="a string of 2-4 digits such as '0871'"
        )
    return code


def cameo_code(code: str, /) -> CameoCode | None:
    """The table row of a CAMEO code, or ``None`` when the table lacks it.

    Raises:
        InvalidValueError: *code* is not a string of 2-4 digits.

    >>> cameo_code("0871")
    CameoCode(code='0871', name='Declare truce, ceasefire', goldstein=9.0)
    >>> cameo_code("0999") is None
    True
    """
    return _tables().codes.get(_check(code))


def cameo_name(code: str, /) -> str | None:
    """The name of a CAMEO code, or ``None`` when unknown.

    >>> cameo_name("010"), cameo_name("10")
    ('Make statement', 'DEMAND')
    """
    row = cameo_code(code)
    return None if row is None else row.name


def cameo_to_plover(code: str, /) -> PloverMapping | None:
    """The PLOVER type, mode and context of a CAMEO code (falling back to its parents).

    Returns ``None`` for statements (01x), which PLOVER does not code.

    Raises:
        InvalidValueError: *code* is not a string of 2-4 digits.

    >>> cameo_to_plover("0871")
    PloverMapping(plover=<PloverType.RETREAT: 'RETREAT'>, mode='ceasefire', context='military', origin='CAMEO2PLOVER-2021')
    >>> cameo_to_plover("0232").plover, cameo_to_plover("0232").origin
    (<PloverType.REQUEST: 'REQUEST'>, 'geoevents')
    >>> cameo_to_plover("010") is None
    True
    """  # noqa: E501
    table = _tables().plover
    code = _check(code)
    while code:
        hit = table.get(code)
        if hit is not None:
            return hit
        code = code[:-1] if len(code) > 2 else ""
    return None


# ----------------------------------------------------------------- record kinds


def record_for_cameo(
    code: str,
    actor1: Actor | None,
    actor2: Actor | None,
    fields: dict[str, Any],
) -> Event:
    """Build the record kind a CAMEO code implies, with *actor1* as initiator.

    01x -> Statement; 02x -> Request; 03x -> Agreement (proposed); 057 -> Agreement
    (signed); 0871 -> Ceasefire; 183x -> Strike (explosive); 195x -> Strike (air; 1952
    drone); other 19x -> Clash; everything else, or when a kind lacks a required actor,
    -> Event. Actors not held by the kind's own fields go to ``actors`` as initiator and
    target.

    >>> from geoevents.actors import ActorKind
    >>> from geoevents.sources import Attribution
    >>> from geoevents.temporal import FuzzyDate
    >>> a = Actor(kind=ActorKind.GOVERNMENT, name="SYRIA")
    >>> b = Actor(kind=ActorKind.GOVERNMENT, name="TURKEY")
    >>> f = {"id": "x", "when": FuzzyDate("2025-07-23"), "summary": "s",
    ...      "attributions": (Attribution(source="s"),), "cameo": "0232"}
    >>> r = record_for_cameo("0232", a, b, f)
    >>> r.kind, r.requester.name
    ('request', 'SYRIA')
    """
    first = [Participant(actor=actor1, role=Role.INITIATOR)] if actor1 else []
    second = [Participant(actor=actor2, role=Role.TARGET)] if actor2 else []
    root = code[:2]
    if root == "01" and actor1:
        return Statement(speaker=actor1, actors=second, **fields)
    if root == "02" and actor1 and actor2:
        return Request(requester=actor1, addressee=actor2, **fields)
    if (root == "03" or code == "057") and actor1 and actor2:
        status = AgreementStatus.SIGNED if code == "057" else AgreementStatus.PROPOSED
        return Agreement(parties=(actor1, actor2), status=status, **fields)
    if code == "0871" and actor1:
        return Ceasefire(parties=(actor1,), actors=second, **fields)
    if code.startswith(("195", "183")):
        weapon = Weapon.EXPLOSIVE if root == "18" else Weapon.AIR
        weapon = Weapon.DRONE if code == "1952" else weapon
        return Strike(perpetrator=actor1, weapon=weapon, actors=second, **fields)
    if root == "19" and actor1:
        return Clash(sides=[a for a in (actor1, actor2) if a], **fields)
    return Event(actors=first + second, **fields)


def cameo_actors(record: Event) -> tuple[Actor | None, Actor | None]:
    """The CAMEO source and target actors of a record (the inverse of :func:`record_for_cameo`).

    >>> from geoevents.actors import ActorKind
    >>> from geoevents.sources import Attribution
    >>> from geoevents.temporal import FuzzyDate
    >>> a = Actor(kind=ActorKind.GOVERNMENT, name="SYRIA")
    >>> e = Clash(id="x", when=FuzzyDate("2025"), summary="s",
    ...           attributions=(Attribution(source="s"),), sides=(a,))
    >>> cameo_actors(e)
    (Actor(kind=<ActorKind.GOVERNMENT: 'government'>, name='SYRIA', description=None, country=None, title=None, affiliation=None, aliases=()), None)
    """  # noqa: E501
    first: Actor | None = None
    second: Actor | None = None
    if isinstance(record, Statement):
        first = record.speaker
    elif isinstance(record, Request):
        first, second = record.requester, record.addressee
    elif isinstance(record, Agreement):
        first, second = record.parties[0], record.parties[1]
    elif isinstance(record, Ceasefire):
        first = record.parties[0]
        second = record.parties[1] if len(record.parties) > 1 else None
    elif isinstance(record, Clash):
        first = record.sides[0] if record.sides else None
        second = record.sides[1] if len(record.sides) > 1 else None
    elif isinstance(record, Strike):
        first = record.perpetrator
    for p in record.actors:
        if p.role in (Role.INITIATOR, Role.PERPETRATOR, Role.SPEAKER) and first is None:
            first = p.actor
        elif p.role in (Role.TARGET, Role.VICTIM, Role.ADDRESSEE) and second is None:
            second = p.actor
    return first, second

"""Schema versions of the data format, and the steps that upgrade old data.

Every JSON record and every JSONL file carries ``"schema": <int>``. Reading data of an
older version runs it through explicit migration steps, one version at a time, before it
is structured; reading data of a newer version fails with a message that says to upgrade.
The policy for what may change between versions is in ``docs/schema-evolution.md``.

Version 1 is the first published version, so :data:`MIGRATIONS` is empty for now. A step
is a plain function from the old dict to a new dict (it must not mutate its input), and
each step is tested with the old data it upgrades.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from geoevents.errors import InvalidValueError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "check_version", "migrate"]

SCHEMA_VERSION: Final = 1
"""The schema version this release writes, and the newest it reads."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""One upgrade step: takes a record dict of version *n*, returns a new dict of version *n+1*."""

MIGRATIONS: dict[int, Migration] = {}
"""The upgrade steps, keyed by the version they upgrade *from*. Empty while only 1 exists."""


def check_version(version: object, *, path: str = "$.schema") -> int:
    """Return *version* if it is a schema version this release can read (after migration).

    Args:
        version: the value of a ``"schema"`` key.
        path: where the value sits, for the error.

    Raises:
        InvalidValueError: not a positive int, or newer than :data:`SCHEMA_VERSION`.

    >>> check_version(1)
    1
    >>> check_version(99)
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidValueError: $.schema: newer than schema version 1, the newest this geoevents reads: 99 (upgrade geoevents to read it)
    """  # noqa: E501
    current = SCHEMA_VERSION
    if type(version) is not int or version < 1:
        raise InvalidValueError(
            "not a schema version",
            path=path,
            value=version,
            expected="a positive whole number",
            hint=f"this geoevents writes version {current}",
        )
    if version > current:
        raise InvalidValueError(
            f"newer than schema version {current}, the newest this geoevents reads",
            path=path,
            value=version,
            hint="upgrade geoevents to read it",
        )
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a record dict to :data:`SCHEMA_VERSION`, one registered step at a time.

    The input is not modified; a dict of the current version is returned as it is.

    Args:
        data: a record as a dict, with its ``"schema"`` key.

    Returns:
        The record as a dict of the current version.

    Raises:
        InvalidValueError: a missing, invalid or too new version, or a missing step.

    >>> migrate({"kind": "event", "schema": 1})
    {'kind': 'event', 'schema': 1}
    >>> migrate({"kind": "event"})
    Traceback (most recent call last):
    ...
    geoevents.errors.InvalidValueError: $.schema: missing required field (add "schema": 1)
    """
    if "schema" not in data:
        raise InvalidValueError(
            "missing required field", path="$.schema", hint=f'add "schema": {SCHEMA_VERSION}'
        )
    version = check_version(data["schema"])
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise InvalidValueError(
                f"no migration from schema version {version}",
                path="$.schema",
                value=version,
                hint="this is a bug in geoevents; please report it",
            )
        data = step(dict(data))
        version += 1
        data["schema"] = version
    return data

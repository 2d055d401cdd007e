"""What validating a collection finds: problems (errors and warnings) and disagreements.

A :class:`Report` lists every problem at once, never stopping at the first. Sources that
disagree about the same real-world item are not problems: they are
:class:`Disagreement` findings, shown side by side with who claims what.
"""

from __future__ import annotations

import enum
from typing import final

import attrs

__all__ = ["Claim", "Disagreement", "FieldDisagreement", "Problem", "Report", "Severity"]


class Severity(enum.StrEnum):
    """How serious a problem is."""

    ERROR = "error"
    """The collection is wrong: a rule is certainly broken."""
    WARNING = "warning"
    """A rule may be broken (uncertain dates overlap), or the input is unusual."""


@final
@attrs.frozen(kw_only=True)
class Problem:
    """One broken (or possibly broken) rule, located in one record.

    >>> p = Problem(severity=Severity.ERROR, rule="dangling-reference", record="a",
    ...             path="$.refers_to[0]", message="refers to 'b', which is not in the collection")
    >>> str(p)
    "error: a: $.refers_to[0]: refers to 'b', which is not in the collection [dangling-reference]"
    """

    severity: Severity
    rule: str
    """A stable short name of the rule, e.g. ``duplicate-id``."""
    record: str
    """The id of the record the problem is in."""
    path: str
    """Where in the record, as a JSON path."""
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.record}: {self.path}: {self.message} [{self.rule}]"


@final
@attrs.frozen(kw_only=True)
class Claim:
    """What one record says about one field, and on whose authority."""

    record: str
    """The id of the record making the claim."""
    sources: tuple[str, ...]
    """The ids of the sources behind it."""
    value: str
    """The claimed value, as text (an EDTF date, a count, a list of names)."""


@final
@attrs.frozen(kw_only=True)
class FieldDisagreement:
    """The records of one real-world item disagree on this field."""

    field: str
    claims: tuple[Claim, ...]


@final
@attrs.frozen(kw_only=True)
class Disagreement:
    """Several records describe the same item (linked by ``same_as``) and differ.

    Nothing is merged or averaged: each differing field lists every record's claim.
    """

    records: tuple[str, ...]
    """The ids of the records describing the item, in collection order."""
    fields: tuple[FieldDisagreement, ...]

    def lines(self) -> list[str]:
        """The disagreement as text, one field and one claim per line."""
        out = [f"disagreement between {', '.join(self.records)}:"]
        for f in self.fields:
            out.append(f"  {f.field}:")
            out.extend(f"    {c.value}  ({c.record}; {', '.join(c.sources)})" for c in f.claims)
        return out


@final
@attrs.frozen(kw_only=True)
class Report:
    """The result of validating a collection: every problem, and every disagreement.

    A report is ``ok`` when it has no errors; warnings and disagreements do not make a
    collection invalid.
    """

    problems: tuple[Problem, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether the collection has no errors."""
        return not self.errors

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        for d in self.disagreements:
            lines.extend(d.lines())
        if not lines:
            return "no problems"
        return "\n".join(lines)

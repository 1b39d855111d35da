"""The ranking record every score output renders from, and its fingerprint.

Made by :func:`emulation_vote.scoring.engine.score_units`, never changed after.  Published
figures are :class:`~decimal.Decimal` with exactly the rule's decimals (rounded half-up once, from
the exact value); the exact totals stay beside them as :class:`~fractions.Fraction`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from emulation_vote.election import Election
from emulation_vote.scoring.model import ScoringRule

SCHEMA = "emulation-vote/scores/1"


@dataclass(frozen=True)
class ScoreRow:
    """One row of a score sheet: who scored which unit, the points per criterion (rule order), bonus, penalty.

    ``scorer`` is a unit id or ``"board"``; ``file`` and ``row`` locate it (the header is row 1).
    """

    scorer: str
    unit: str
    points: tuple[Fraction, ...]
    bonus: Fraction = Fraction(0)
    penalty: Fraction = Fraction(0)
    file: str = ""
    row: int = 0
    note: str = ""

    @property
    def total(self) -> Fraction:
        """The row's total: its criteria, plus the bonus, less the penalty."""
        return sum(self.points, Fraction(0)) + self.bonus - self.penalty

    @property
    def kind(self) -> str:
        """``"board"``, ``"self"`` (a unit scoring itself) or ``"cross"``."""
        if self.scorer == "board":
            return "board"
        return "self" if self.scorer == self.unit else "cross"


@dataclass(frozen=True)
class Notice:
    """Something worth saying about the sheets that is not an error (e.g. a row that does not count)."""

    file: str
    row: int | None
    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class UnitScore:
    """One unit's line of the ranking: published total and rank, each kind, criteria, groups, bonus, penalty.

    ``exact`` is the total before rounding (for the record; ranks go by the published ``total``).
    ``rows`` counts the rows that entered each kind.
    """

    id: str
    name: str
    number: int
    total: Decimal
    rank: int
    exact: Fraction
    kinds: tuple[tuple[str, Decimal | None], ...]
    criteria: tuple[tuple[str, Decimal], ...]
    groups: tuple[tuple[str, Decimal], ...]
    bonus: Decimal
    penalty: Decimal
    rows: tuple[tuple[str, int], ...] = ()

    def kind(self, name: str) -> Decimal | None:
        """Return the unit's published score of kind ``name`` (None when the kind does not count)."""
        return dict(self.kinds).get(name)

    def criterion(self, criterion_id: str) -> Decimal:
        """Return the unit's published score on criterion ``criterion_id``."""
        return dict(self.criteria)[criterion_id]


@dataclass(frozen=True)
class ScoreRecord:
    """The ranking of a block's units: units by rank (then unit order), notices, and the fingerprint."""

    election: Election
    rule: ScoringRule
    units: tuple[UnitScore, ...]
    fingerprint: str
    sources: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = field(default=())
    rows: tuple[ScoreRow, ...] = ()
    """The rows that counted (sorted by scorer and unit), from which the fingerprint is computed."""

    @property
    def schema(self) -> str:
        """The scores schema version."""
        return SCHEMA

    def unit(self, unit_id: str) -> UnitScore:
        """Return the line of unit ``unit_id``."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)


def fraction_text(value: Fraction) -> str:
    """Return ``"a/b"`` (always with its denominator): the rule's exact weights in the JSON."""
    return f"{value.numerator}/{value.denominator}"


def rule_dict(rule: ScoringRule) -> dict[str, Any]:
    """Return the rule as the JSON's ``rule`` object (FORMATS §6.4)."""
    return {
        "scorers": list(rule.scorers),
        "weights": {kind: fraction_text(weight) for kind, weight in rule.weights},
        "exclude_self": rule.exclude_self,
        "trim": rule.trim,
        "decimals": rule.decimals,
        "tie": rule.tie,
    }


def canonical_text(rule: ScoringRule, units: tuple[tuple[str, str], ...], rows: tuple[ScoreRow, ...]) -> str:
    """Return the canonical text the scores' fingerprint hashes (see docs/scoring.md).

    Line 1 is a compact JSON (keys sorted) of the rule, the caps, the criteria (id, title, max,
    group) and the units (id, name); then one line per counted row,
    ``scorer<TAB>unit<TAB>points joined by ";"<TAB>bonus<TAB>penalty``, each number as an exact
    fraction ``a/b``, the lines sorted by code point.  File names, row order, notes and the split
    over files do not enter it.
    """
    head = {
        "schema": SCHEMA,
        "rule": rule_dict(rule),
        "bonus_max": None if rule.bonus_max is None else fraction_text(rule.bonus_max),
        "penalty_max": None if rule.penalty_max is None else fraction_text(rule.penalty_max),
        "criteria": [[c.id, c.title, fraction_text(c.max), c.group] for c in rule.criteria],
        "units": [list(unit) for unit in units],
    }
    body = sorted(
        "\t".join(
            (
                row.scorer,
                row.unit,
                ";".join(fraction_text(p) for p in row.points),
                fraction_text(row.bonus),
                fraction_text(row.penalty),
            )
        )
        for row in rows
    )
    text = json.dumps(head, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "\n".join([text, *body]) + "\n"


def fingerprint(rule: ScoringRule, units: tuple[tuple[str, str], ...], rows: tuple[ScoreRow, ...]) -> str:
    """Return ``"sha256:<hex>"`` of :func:`canonical_text`."""
    digest = hashlib.sha256(canonical_text(rule, units, rows).encode("utf-8")).hexdigest()
    return f"sha256:{digest}"

"""The rule of FORMATS §6.3: score rows -> each unit's self, cross and board scores -> total -> rank.

All arithmetic is exact (:class:`~fractions.Fraction`).  The only rounding is the rule's half-up
at its decimals, applied once to each published figure from its exact value: a mean is never
rounded before it is summed.  The row order never matters: trimmed rows are chosen by their total,
then by the scorer's place in the unit list.

:func:`check_rows` finds what the rule needs but the sheets lack (missing pairs, too few cross
rows) and the rows that do not count; :func:`score_units` ranks.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from emulation_vote.count import round_half_up
from emulation_vote.election import Candidate, Election
from emulation_vote.errors import ScoreSheetError
from emulation_vote.scoring.model import BOARD, KINDS, ScoringRule
from emulation_vote.scoring.record import Notice, ScoreRecord, ScoreRow, UnitScore, fingerprint

Vector = tuple[Fraction, ...]
"""A row's figures in one tuple: each criterion (rule order), then bonus, then penalty."""


def counted_kind(rule: ScoringRule, row: ScoreRow) -> tuple[str, ...]:
    """Return the kinds a row enters under ``rule`` (empty: it does not count).

    A unit's own row is its self score when "self" counts, and also enters its cross score when
    ``exclude_self`` is false and "cross" counts.
    """
    kind = row.kind
    if kind == "self":
        kinds = []
        if "self" in rule.scorers:
            kinds.append("self")
        if "cross" in rule.scorers and not rule.exclude_self:
            kinds.append("cross")
        return tuple(kinds)
    return (kind,) if kind in rule.scorers else ()


def check_rows(
    rule: ScoringRule, units: Sequence[Candidate], rows: Sequence[ScoreRow]
) -> tuple[list[ScoreSheetError], list[Notice]]:
    """Return the errors of the rows as a whole (pairs the rule needs but lacks) and the notices.

    Rows must already be free of cell errors and duplicates (:mod:`emulation_vote.scoring.sheets`).
    """
    errors: list[ScoreSheetError] = []
    notices: list[Notice] = []
    present = {(row.scorer, row.unit) for row in rows}
    ids = [unit.id for unit in units]
    for row in sorted(rows, key=lambda r: (r.file, r.row)):
        if counted_kind(rule, row):
            continue
        if row.kind == "self" and rule.exclude_self and "self" not in rule.scorers:
            notices.append(Notice(row.file, row.row, "self_row_ignored", (("unit", row.unit),)))
        else:
            notices.append(Notice(row.file, row.row, "kind_not_counted", (("kind", row.kind), ("unit", row.unit))))
    own_needed = "self" in rule.scorers or ("cross" in rule.scorers and not rule.exclude_self)
    for unit_id in ids:
        if own_needed and (unit_id, unit_id) not in present:
            errors.append(ScoreSheetError("scores.missing_self", unit=unit_id))
        if "cross" in rule.scorers:
            missing = [other for other in ids if other != unit_id and (other, unit_id) not in present]
            if missing:
                errors.append(
                    ScoreSheetError(
                        "scores.missing_cross", unit=unit_id, scorers=", ".join(missing), count=len(missing)
                    )
                )
            else:
                cross = len(ids) - 1 + (0 if rule.exclude_self else 1)
                if cross < 2 * rule.trim + 1:
                    errors.append(
                        ScoreSheetError(
                            "scores.too_few_cross", unit=unit_id, count=cross, trim=rule.trim, needed=2 * rule.trim + 1
                        )
                    )
        if "board" in rule.scorers and (BOARD, unit_id) not in present:
            errors.append(ScoreSheetError("scores.missing_board", unit=unit_id))
    return errors, notices


def _vector(row: ScoreRow) -> Vector:
    return (*row.points, row.bonus, row.penalty)


def _mean(vectors: Sequence[Vector]) -> Vector:
    count = len(vectors)
    return tuple(sum(column, Fraction(0)) / count for column in zip(*vectors, strict=True))


def _kind_vectors(
    rule: ScoringRule, unit_id: str, rows: Sequence[ScoreRow], order: dict[str, int]
) -> dict[str, tuple[Vector, int]]:
    """Return each counted kind's combined vector for ``unit_id`` and the number of rows it combines."""
    by_kind: dict[str, list[ScoreRow]] = {kind: [] for kind in rule.scorers}
    for row in rows:
        if row.unit != unit_id:
            continue
        for kind in counted_kind(rule, row):
            by_kind[kind].append(row)
    combined: dict[str, tuple[Vector, int]] = {}
    for kind, kind_rows in by_kind.items():
        if kind == "cross" and rule.trim:
            kind_rows = sorted(kind_rows, key=lambda r: (r.total, order[r.scorer]))
            kind_rows = kind_rows[rule.trim : len(kind_rows) - rule.trim]
        combined[kind] = (_mean([_vector(r) for r in kind_rows]), len(kind_rows))
    return combined


def score_units(
    election: Election,
    rule: ScoringRule,
    units: Sequence[Candidate],
    rows: Sequence[ScoreRow],
    notices: Sequence[Notice] = (),
    sources: Sequence[str] = (),
) -> ScoreRecord:
    """Rank ``units`` from ``rows`` under ``rule`` (the rows checked by :func:`check_rows` first).

    Raises :class:`ScoreSheetError` (the first of :func:`check_rows`) if the rows do not cover the rule.
    """
    errors, found = check_rows(rule, units, rows)
    if errors:
        raise errors[0]
    order = {unit.id: index for index, unit in enumerate(units)}
    order[BOARD] = len(units)
    counted = tuple(row for row in rows if counted_kind(rule, row))
    size = len(rule.criteria)
    lines: list[tuple[Candidate, Fraction, dict[str, Decimal | None], Vector, dict[str, int]]] = []
    for unit in units:
        combined = _kind_vectors(rule, unit.id, counted, order)
        final = tuple(
            sum((rule.weight(kind) * vector[i] for kind, (vector, _) in combined.items()), Fraction(0))
            for i in range(size + 2)
        )
        kinds: dict[str, Decimal | None] = {kind: None for kind in KINDS}
        for kind, (vector, _) in combined.items():
            kinds[kind] = round_half_up(_total(vector, size), rule.decimals)
        counts = {kind: count for kind, (_, count) in combined.items()}
        lines.append((unit, _total(final, size), kinds, final, counts))
    published = {unit.id: round_half_up(exact, rule.decimals) for unit, exact, _, _, _ in lines}
    tie_index = next((i for i, c in enumerate(rule.criteria) if c.id == rule.tie), None)

    def key(line: tuple[Candidate, Fraction, dict[str, Decimal | None], Vector, dict[str, int]]) -> tuple[Decimal, ...]:
        unit, _, _, final, _ = line
        if tie_index is None:
            return (published[unit.id],)
        return (published[unit.id], round_half_up(final[tie_index], rule.decimals))

    keys = [key(line) for line in lines]
    results = []
    for (unit, exact, kinds, final, counts), mine in zip(lines, keys, strict=True):
        groups: dict[str, Fraction] = {}
        for criterion, value in zip(rule.criteria, final, strict=False):
            if criterion.group is not None:
                groups[criterion.group] = groups.get(criterion.group, Fraction(0)) + value
        results.append(
            UnitScore(
                id=unit.id,
                name=unit.name,
                number=order[unit.id] + 1,
                total=published[unit.id],
                rank=1 + sum(1 for other in keys if other > mine),
                exact=exact,
                kinds=tuple(kinds.items()),
                criteria=tuple(
                    (c.id, round_half_up(value, rule.decimals)) for c, value in zip(rule.criteria, final, strict=False)
                ),
                groups=tuple((g, round_half_up(groups[g], rule.decimals)) for g in rule.groups),
                bonus=round_half_up(final[size], rule.decimals),
                penalty=round_half_up(final[size + 1], rule.decimals),
                rows=tuple(counts.items()),
            )
        )
    results.sort(key=lambda u: (u.rank, u.number))
    return ScoreRecord(
        election=election,
        rule=rule,
        units=tuple(results),
        fingerprint=fingerprint(rule, tuple((u.id, u.name) for u in units), counted),
        sources=tuple(sources),
        notices=(*notices, *found),
        rows=tuple(sorted(counted, key=lambda r: (order[r.unit], order[r.scorer]))),
    )


def _total(vector: Vector, size: int) -> Fraction:
    return sum(vector[:size], Fraction(0)) + vector[size] - vector[size + 1]

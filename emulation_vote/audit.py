"""The audit view of a count: every ballot as counted, and the reconciliation of the paper figures.

Built from the one result record; nothing here counts again.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulation_vote.record import ElectionRecord
from emulation_vote.vocab import InvalidReason


@dataclass(frozen=True)
class AuditBallot:
    """One ballot of one contest round, how it was counted, and where it was typed."""

    contest: str
    round: int
    ballot_id: str
    source: str
    row: int
    valid: bool
    reason: InvalidReason | None
    declared: str | None
    chosen: tuple[str, ...]
    voter: str | None
    note: str | None = None
    """The clerk's note on the row (the ``note``/"Ghi chú" column): kept for the record, never counted."""


@dataclass(frozen=True)
class Relation:
    """One check of the paper figures, e.g. ``present <= convened``; ``holds`` is None when a figure is missing."""

    contest: str
    left: str
    operator: str
    right: str
    left_value: int | None
    right_value: int | None
    holds: bool | None


@dataclass(frozen=True)
class Difference:
    """A derived figure of the paper process (``absent``, ``not_returned``), None when a figure is missing."""

    contest: str
    name: str
    value: int | None


def audit_ballots(record: ElectionRecord) -> list[AuditBallot]:
    """Return every ballot of every contest and round, in contest, round, file and row order."""
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            for verdict in rnd.verdicts:
                ballot = verdict.ballot
                rows.append(
                    AuditBallot(
                        ballot.contest,
                        ballot.round,
                        ballot.ballot_id,
                        ballot.source,
                        ballot.row,
                        verdict.valid,
                        verdict.reason,
                        ballot.declared,
                        verdict.chosen,
                        ballot.voter,
                        ballot.note,
                    )
                )
    return rows


def _relation(contest: str, left: str, op: str, right: str, a: int | None, b: int | None) -> Relation:
    if a is None or b is None:
        return Relation(contest, left, op, right, a, b, None)
    holds = a >= b if op == ">=" else a == b
    return Relation(contest, left, op, right, a, b, holds)


def reconcile(record: ElectionRecord) -> tuple[list[Relation], list[Difference]]:
    """Check convened >= present >= issued >= collected = ballots loaded, per contest (round 1).

    Also returns absent = convened - present and not returned = issued - collected.
    """
    relations: list[Relation] = []
    differences: list[Difference] = []
    for result in record.contests:
        cid = result.contest.id
        electorate = record.election.figures(result.contest)
        loaded = result.first.cast
        relations += [
            _relation(cid, "convened", ">=", "present", electorate.convened, electorate.present),
            _relation(cid, "present", ">=", "issued", electorate.present, electorate.issued),
            _relation(cid, "issued", ">=", "collected", electorate.issued, electorate.collected),
            _relation(cid, "collected", "=", "loaded", electorate.collected, loaded),
        ]
        returned = electorate.collected if electorate.collected is not None else loaded
        not_returned = None if electorate.issued is None else electorate.issued - returned
        differences += [Difference(cid, "absent", electorate.absent), Difference(cid, "not_returned", not_returned)]
    return relations, differences

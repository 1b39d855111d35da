"""The vote that follows the ranking (FORMATS §6.5): candidates from the scores, ties broken by them.

:func:`apply_scores` turns an election as read (a ``from_scores`` contest lists every unit) into
the election as voted: each ``from_scores`` contest keeps the units the ranking puts first (by
rank, then unit order: the order of its ballot paper), and every contest that relies on the
scores carries its candidates' published totals (for ``tie = "score"``) and the scores'
fingerprint (which enters the result's fingerprint).  :func:`needs_scores` says whether an
election needs them at all.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from emulation_vote.election import Contest, Election
from emulation_vote.errors import ElectionFileError, UsageError
from emulation_vote.scoring.record import ScoreRecord
from emulation_vote.vocab import TieRule


def uses_scores(contest: Contest) -> bool:
    """Whether ``contest`` takes its candidates or its tie rule from the scores."""
    return contest.from_scores is not None or contest.tie == TieRule.score


def needs_scores(election: Election) -> tuple[str, ...]:
    """Return the ids of the contests that rely on the scores (empty: the election needs none)."""
    return tuple(c.id for c in election.contests if uses_scores(c))


def chosen_units(contest: Contest, record: ScoreRecord) -> tuple[str, ...]:
    """Return the ids of the units the ranking gives ``contest``, by rank then unit order."""
    rule = contest.from_scores
    assert rule is not None
    if rule.top is not None:
        top = rule.top
        return tuple(unit.id for unit in record.units if unit.rank <= top)
    minimum = rule.min_total if rule.min_total is not None else Fraction(0)
    return tuple(unit.id for unit in record.units if Fraction(unit.total) >= minimum)


def apply_scores(election: Election, record: ScoreRecord | None) -> Election:
    """Return ``election`` as voted once the scores are known (``record``; None when none were given).

    Raises :class:`UsageError` when a contest needs the scores and none were given, or scores were
    given that no contest uses; :class:`ElectionFileError` when the ranking leaves a contest without
    candidates or with fewer than its ``min_marks``, or a ``tie = "score"`` contest has a candidate
    that was not scored.
    """
    relying = needs_scores(election)
    if record is None:
        if relying:
            raise UsageError("scores.needed", contests=", ".join(relying))
        return election
    if not relying:
        raise UsageError("scores.unused")
    contests = []
    totals = {unit.id: unit.total for unit in record.units}
    for contest in election.contests:
        if not uses_scores(contest):
            contests.append(contest)
            continue
        candidates = contest.candidates
        if contest.from_scores is not None:
            by_id = {c.id: c for c in contest.candidates}
            ids = [unit_id for unit_id in chosen_units(contest, record) if unit_id in by_id]
            if not ids:
                raise ElectionFileError("scores.no_candidates", file=election.source, contest=contest.id)
            if contest.min_marks > len(ids):
                raise ElectionFileError(
                    "election.min_marks_high",
                    file=election.source,
                    contest=contest.id,
                    min_marks=contest.min_marks,
                    count=len(ids),
                )
            candidates = tuple(replace(by_id[unit_id], number=n) for n, unit_id in enumerate(ids, 1))
        unscored = [c.id for c in candidates if c.id not in totals]
        if unscored:
            raise ElectionFileError(
                "scores.unscored", file=election.source, contest=contest.id, ids=", ".join(unscored)
            )
        contests.append(
            replace(
                contest,
                candidates=candidates,
                priority=tuple(p for p in contest.priority if p in {c.id for c in candidates}),
                scores=tuple((c.id, totals[c.id]) for c in candidates),
                scores_fingerprint=record.fingerprint,
            )
        )
    return replace(election, contests=tuple(contests))

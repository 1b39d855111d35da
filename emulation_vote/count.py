"""The counting engine: exact tally, threshold, ranks, selection and runoff rounds.

Pure functions over frozen models; no I/O, no floating point.  Shares are
:class:`fractions.Fraction`, percents :class:`decimal.Decimal` rounded half-up to two
decimals.  The rules are those of the formats contract (docs/counting.md):

1. a ballot is invalid for the first of ``declared``, ``blank``, ``too_many``, ``too_few``;
2. a candidate's votes are the valid ballots choosing it;
3. it meets the threshold when votes / base > share (strict) or >= share;
4. rank is 1 + the number of candidates with more votes;
5. the seats go to the candidates meeting the threshold, most votes first; a tie across the
   last seat is a runoff (``tie = "runoff"``) or is broken by the priority order.

Round r+1 (ballots with ``round`` = r+1) is counted among round r's runoff candidates, for
the seats left.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from emulation_vote.ballots import Ballot, BallotSet
from emulation_vote.election import Contest, Election
from emulation_vote.errors import BallotFileError
from emulation_vote.record import (
    REASONS,
    BallotVerdict,
    CandidateResult,
    ContestResult,
    ElectionRecord,
    RoundResult,
    Runoff,
    ThresholdResult,
    fingerprint,
)

_HUNDREDTH = Decimal("0.01")


def percent(votes: int, base: int) -> Decimal:
    """Return votes / base x 100 rounded half-up to two decimals (0.00 when ``base`` is 0).

    >>> percent(2, 3), percent(1, 8)
    (Decimal('66.67'), Decimal('12.50'))
    """
    if base <= 0:
        return Decimal("0.00")
    hundredths = Fraction(votes * 10000, base)
    rounded = math.floor(hundredths + Fraction(1, 2))
    return (Decimal(rounded) / 100).quantize(_HUNDREDTH)


def votes_needed(share: Fraction, strict: bool, base: int) -> int | None:
    """Return the fewest votes that meet the threshold over ``base`` (``None`` when ``base`` is 0)."""
    if base <= 0:
        return None
    bound = share * base
    return math.floor(bound) + 1 if strict else math.ceil(bound)


def meets(votes: int, share: Fraction, strict: bool, base: int) -> bool:
    """Return whether ``votes`` of ``base`` pass (strict) or reach ``share``; never when ``base`` is 0."""
    if base <= 0:
        return False
    ratio = Fraction(votes, base)
    return ratio > share if strict else ratio >= share


def classify(
    chosen: frozenset[str], declared: str | None, contest: Contest, max_marks: int, min_marks: int
) -> str | None:
    """Return the first invalid reason that holds for a ballot, or ``None`` when it is valid."""
    if declared:
        return "declared"
    if not chosen and contest.blank == "invalid":
        return "blank"
    if len(chosen) > max_marks:
        return "too_many"
    if len(chosen) < min_marks:
        return "too_few"
    return None


def rank_candidates(votes: dict[str, int], order: tuple[str, ...]) -> list[tuple[str, int]]:
    """Return (id, rank) by rank, then ballot order; equal votes share a rank."""
    ranked = sorted(order, key=lambda cid: (-votes[cid], order.index(cid)))
    return [(cid, 1 + sum(1 for other in order if votes[other] > votes[cid])) for cid in ranked]


def select(
    eligible: list[str], votes: dict[str, int], seats: int, contest: Contest, order: tuple[str, ...]
) -> tuple[list[str], Runoff | None]:
    """Fill ``seats`` from ``eligible`` (ids meeting the threshold, by rank); return the selected and any runoff."""
    ranked = sorted(eligible, key=lambda cid: (-votes[cid], order.index(cid)))
    if len(ranked) <= seats:
        return ranked, None
    last = votes[ranked[seats - 1]]
    if votes[ranked[seats]] != last:
        return ranked[:seats], None
    above = [cid for cid in ranked if votes[cid] > last]
    tied = [cid for cid in ranked if votes[cid] == last]
    open_seats = seats - len(above)
    if contest.tie == "priority":
        preference = list(contest.priority) + [cid for cid in order if cid not in contest.priority]
        return above + sorted(tied, key=preference.index)[:open_seats], None
    return above, Runoff(tuple(tied), open_seats)


def count_round(
    contest: Contest,
    election: Election,
    number: int,
    candidate_ids: tuple[str, ...],
    seats: int,
    ballots: Iterable[Ballot],
) -> RoundResult:
    """Count one round of ``contest`` among ``candidate_ids`` for ``seats`` seats."""
    if number == 1:
        max_marks, min_marks = contest.max_marks, contest.min_marks
    else:
        max_marks = contest.max_marks if contest.max_marks_given else seats
        min_marks = min(contest.min_marks, max_marks)
    in_round = frozenset(candidate_ids)
    verdicts: list[BallotVerdict] = []
    votes = dict.fromkeys(candidate_ids, 0)
    reasons: Counter[str] = Counter()
    declared: Counter[str] = Counter()
    for ballot in ballots:
        outside = ballot.marks - in_round
        if outside:
            raise BallotFileError(
                "round.not_candidate",
                file=ballot.source,
                row=ballot.row,
                round=number,
                ids=", ".join(sorted(outside)),
                candidates=", ".join(candidate_ids),
            )
        chosen = ballot.chosen(in_round)
        reason = classify(chosen, ballot.declared, contest, max_marks, min_marks)
        ordered = tuple(cid for cid in candidate_ids if cid in chosen)
        verdicts.append(BallotVerdict(ballot, ordered, reason))
        if reason is None:
            for cid in ordered:
                votes[cid] += 1
        else:
            reasons[reason] += 1
            if reason == "declared" and ballot.declared:
                declared[ballot.declared] += 1
    cast = len(verdicts)
    valid = cast - sum(reasons.values())
    rule = contest.threshold
    base = _base_count(election, rule.of, cast, valid)
    threshold = ThresholdResult(
        rule.share_text, rule.share, rule.strict, rule.of, base, votes_needed(rule.share, rule.strict, base)
    )
    eligible = [cid for cid in candidate_ids if meets(votes[cid], rule.share, rule.strict, base)]
    selected, runoff = select(eligible, votes, seats, contest, candidate_ids)
    tied = set(runoff.candidates) if runoff else set()
    results = []
    for cid, rank in rank_candidates(votes, candidate_ids):
        candidate = contest.candidate(cid)
        status = "selected" if cid in selected else "tied" if cid in tied else "not_selected"
        results.append(
            CandidateResult(
                cid,
                candidate.name,
                candidate.number,
                votes[cid],
                percent(votes[cid], base),
                rank,
                cid in eligible,
                status,
            )
        )
    return RoundResult(
        number=number,
        seats=seats,
        max_marks=max_marks,
        min_marks=min_marks,
        candidate_ids=candidate_ids,
        cast=cast,
        valid=valid,
        invalid_reasons=tuple((r, reasons[r]) for r in REASONS if reasons[r]),
        declared_texts=tuple(sorted(declared.items(), key=lambda item: (-item[1], item[0]))),
        threshold=threshold,
        candidates=tuple(results),
        selected=tuple(selected),
        runoff=runoff,
        verdicts=tuple(verdicts),
    )


def _base_count(election: Election, of: str, cast: int, valid: int) -> int:
    if of == "valid":
        return valid
    if of == "collected":
        return cast
    figure = election.electorate.figure(of)
    return figure if figure is not None else 0


def count_contest(contest: Contest, election: Election, ballots: list[Ballot]) -> ContestResult:
    """Count every round of ``contest`` from its ballots (all rounds)."""
    by_round: dict[int, list[Ballot]] = {}
    for ballot in ballots:
        by_round.setdefault(ballot.round, []).append(ballot)
    if not by_round.get(1):
        raise BallotFileError("contest.no_ballots", contest=contest.id)
    collected = election.electorate.collected
    if collected is not None and collected != len(by_round[1]):
        raise BallotFileError(
            "contest.collected",
            file=election.source,
            contest=contest.id,
            collected=collected,
            loaded=len(by_round[1]),
        )
    rounds = [count_round(contest, election, 1, contest.ids, contest.seats, by_round[1])]
    selected = list(rounds[0].selected)
    number = 1
    while rounds[-1].runoff is not None and by_round.get(number + 1):
        runoff = rounds[-1].runoff
        number += 1
        rounds.append(count_round(contest, election, number, runoff.candidates, runoff.seats, by_round[number]))
        selected.extend(rounds[-1].selected)
    for later in sorted(r for r in by_round if r > number):
        first = by_round[later][0]
        raise BallotFileError("round.unexpected", file=first.source, row=first.row, round=later, contest=contest.id)
    return ContestResult(contest, tuple(rounds), tuple(selected), rounds[-1].runoff)


def count_election(election: Election, ballot_set: BallotSet) -> ElectionRecord:
    """Count every contest of ``election`` from ``ballot_set``; return the one result record."""
    per_contest: dict[str, list[Ballot]] = {c.id: [] for c in election.contests}
    for ballot in ballot_set.ballots:
        per_contest[ballot.contest].append(ballot)
    contests = tuple(count_contest(c, election, per_contest[c.id]) for c in election.contests)
    return ElectionRecord(election, contests, fingerprint(election, contests), ballot_set.sources)

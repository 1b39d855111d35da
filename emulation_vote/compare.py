"""Comparing independent entries of the same paper ballots (two or three clerks typing the same pile).

Ballots are matched by (contest, round, ballot_id).  A ballot is *read* as the set of
candidates it chooses and its declared-invalid text (letter case aside, as the count groups the
reasons), so the same paper typed in the wide and the list layout, in CSV or Excel, agrees.  In a
strike-out contest a runoff ballot typed in the wide layout is read among that round's
candidates, taken from counting the first entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from emulation_vote.ballot import Ballot, BallotSet, in_ballot_order
from emulation_vote.ballots import read_ballots
from emulation_vote.count import count_contest
from emulation_vote.election import Election
from emulation_vote.errors import DataErrors, EmulationVoteError, raise_collected
from emulation_vote.output import check_distinct

Key = tuple[str, int, str]
Reading = tuple[tuple[str, ...], str | None]


@dataclass(frozen=True)
class Disagreement:
    """A ballot the entries do not agree on: what each entry says (None where it is missing)."""

    contest: str
    round: int
    ballot_id: str
    kind: str
    readings: tuple[Reading | None, ...]
    rows: tuple[int | None, ...]


@dataclass(frozen=True)
class AgreedBallot:
    """A ballot every entry reads the same way: the candidates it chooses and its declared-invalid text."""

    contest: str
    round: int
    ballot_id: str
    chosen: tuple[str, ...]
    declared: str | None


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing entries: the disagreements and, when there are none, the agreed ballots."""

    entries: tuple[str, ...]
    ballots: int
    disagreements: tuple[Disagreement, ...]
    agreed: tuple[AgreedBallot, ...]

    @property
    def agree(self) -> bool:
        """Whether every entry holds the same ballots read the same way."""
        return not self.disagreements


def _round_candidates(election: Election, ballots: list[Ballot]) -> dict[tuple[str, int], tuple[str, ...]]:
    candidates = {(c.id, 1): c.ids for c in election.contests}
    for contest in election.contests:
        own = BallotSet(tuple(b for b in ballots if b.contest == contest.id), ())
        if not own.ballots:
            continue
        try:
            result = count_contest(contest, election, own.grouped())
        except EmulationVoteError:
            continue
        for rnd in result.rounds:
            candidates[(contest.id, rnd.number)] = rnd.candidate_ids
        if result.runoff is not None:
            candidates[(contest.id, result.rounds[-1].number + 1)] = result.runoff.candidates
    return candidates


def _compared(reading: Reading | None) -> tuple[tuple[str, ...], str] | None:
    """Return what two readings of a paper must share to agree: the choices, the reason in any letter case."""
    return None if reading is None else (reading[0], (reading[1] or "").casefold())


def _reading(ballot: Ballot, election: Election, candidates: dict[tuple[str, int], tuple[str, ...]]) -> Reading:
    contest = election.contest(ballot.contest)
    pool = candidates.get((ballot.contest, ballot.round), contest.ids)
    return in_ballot_order(ballot.chosen(pool), contest.ids), ballot.declared


def compare_entries(
    election: Election,
    entries: Sequence[str | Path],
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    max_errors: int | None = 50,
) -> Comparison:
    """Read every entry (each a ballot file) and list the ballots they disagree on.

    Every data error of every entry is found before anything is compared: one is raised as
    itself, several as :class:`~emulation_vote.errors.DataErrors` (the first ``max_errors`` in
    entry and row order, and how many more).
    """
    check_distinct(entries)
    loaded: list[list[Ballot]] = []
    errors: list[EmulationVoteError] = []
    more = 0
    for path in entries:
        try:
            loaded.append(list(read_ballots([path], election, encoding, sheet, strict_names, None, max_errors).ballots))
        except DataErrors as found:
            errors.extend(found.errors)
            more += found.more
        except EmulationVoteError as found:
            if found.exit_code != 1:
                raise
            errors.append(found)
    if more:
        shown = errors if max_errors is None else errors[:max_errors]
        raise DataErrors(shown, more + len(errors) - len(shown))
    raise_collected(errors, max_errors)
    candidates = _round_candidates(election, loaded[0])
    maps = [{(b.contest, b.round, b.ballot_id): b for b in ballots} for ballots in loaded]
    order = list(dict.fromkeys(key for mapping in maps for key in mapping))
    disagreements = []
    agreed = []
    for key in order:
        present = [m.get(key) for m in maps]
        readings = tuple(None if b is None else _reading(b, election, candidates) for b in present)
        rows = tuple(None if b is None else b.row for b in present)
        if any(r is None for r in readings):
            disagreements.append(Disagreement(*key, "missing", readings, rows))
        elif len({_compared(reading) for reading in readings}) > 1:
            disagreements.append(Disagreement(*key, "different", readings, rows))
        else:
            chosen, declared = readings[0]  # type: ignore[misc]
            agreed.append(AgreedBallot(*key, chosen, declared))
    return Comparison(
        tuple(str(e) for e in entries), len(order), tuple(disagreements), tuple(agreed) if not disagreements else ()
    )

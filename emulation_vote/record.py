"""The one result record that every output (table, JSON, CSV, minutes, audit) renders from.

The record is built by :func:`emulation_vote.count.count_election` and never changed after:
every class here is a frozen dataclass.  :func:`fingerprint` is the SHA-256 that lets anyone
with the same files re-verify the count (its canonical form is documented in docs/fingerprint.md).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from emulation_vote.ballot import Ballot, Notice
from emulation_vote.election import Contest, Election, Electorate
from emulation_vote.vocab import InvalidReason, Status, ThresholdBase

SCHEMA = "emulation-vote/result/1"


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's line in a round: votes, percent of the base, rank, threshold and status."""

    id: str
    name: str
    number: int
    votes: int
    percent: Decimal
    rank: int
    meets_threshold: bool
    status: Status


@dataclass(frozen=True)
class ThresholdResult:
    """The threshold as applied in a round: its rule, the base's size and the fewest votes that meet it."""

    share_text: str
    share: Fraction
    strict: bool
    of: ThresholdBase
    base_count: int
    votes_needed: int | None


@dataclass(frozen=True)
class Runoff:
    """A runoff to hold: the tied candidates and the seats still open."""

    candidates: tuple[str, ...]
    seats: int


@dataclass(frozen=True)
class BallotVerdict:
    """How one ballot was counted: the candidates it chose (ballot order) and why it is invalid, if it is."""

    ballot: Ballot
    chosen: tuple[str, ...]
    reason: InvalidReason | None

    @property
    def valid(self) -> bool:
        """Whether the ballot counted."""
        return self.reason is None


@dataclass(frozen=True)
class ContentResult:
    """One distinct ballot content of a round, and how many ballots say exactly it.

    ``chosen`` is in ballot order (empty for ballots declared invalid: their marks cannot change a
    result); ``reason`` is why those ballots are invalid (None: valid).
    A round's contents are listed in the order first seen; each (chosen, declared) pair once.
    """

    chosen: tuple[str, ...]
    declared: str | None
    count: int
    reason: InvalidReason | None


@dataclass(frozen=True)
class RoundResult:
    """One round of one contest: its ballots, threshold, candidates by rank, selection and runoff."""

    number: int
    seats: int
    max_marks: int
    min_marks: int
    candidate_ids: tuple[str, ...]
    cast: int
    valid: int
    invalid_reasons: tuple[tuple[InvalidReason, int], ...]
    declared_texts: tuple[tuple[str, int], ...]
    threshold: ThresholdResult
    candidates: tuple[CandidateResult, ...]
    selected: tuple[str, ...]
    runoff: Runoff | None
    contents: tuple[ContentResult, ...]
    verdicts: tuple[BallotVerdict, ...] = ()

    @property
    def invalid(self) -> int:
        """The number of invalid ballots."""
        return self.cast - self.valid

    def by_ballot_order(self) -> tuple[CandidateResult, ...]:
        """Return the candidates in ballot (candidate) order rather than by rank."""
        return tuple(sorted(self.candidates, key=lambda c: c.number))


@dataclass(frozen=True)
class ContestResult:
    """A contest's rounds and its final outcome: everyone selected over the rounds and any runoff still due."""

    contest: Contest
    rounds: tuple[RoundResult, ...]
    selected: tuple[str, ...]
    runoff: Runoff | None

    @property
    def first(self) -> RoundResult:
        """Round 1, whose figures are the contest's top-level figures in the JSON result."""
        return self.rounds[0]


@dataclass(frozen=True)
class ElectionRecord:
    """The result of counting one conference: every contest, and the fingerprint of all inputs."""

    election: Election
    contests: tuple[ContestResult, ...]
    fingerprint: str
    sources: tuple[str, ...]
    notices: tuple[Notice, ...] = ()
    partial: bool = False
    """A provisional count (``--partial``): no ``collected`` check, contests without ballots left out."""
    skipped: tuple[tuple[str, int], ...] = ()
    """Rows of contests not asked for (``--contest``), skipped unread: (contest id, rows)."""

    @property
    def schema(self) -> str:
        """The result schema version."""
        return SCHEMA


def canonical_text(election: Election, contests: tuple[ContestResult, ...]) -> str:
    """Return the canonical text the fingerprint hashes (see docs/fingerprint.md).

    Line 1 is a compact JSON of the rules, candidates and electorate figures (keys sorted);
    then one line per distinct ballot content, ``count<TAB>contest<TAB>round<TAB>chosen ids
    joined by ";" in ballot order<TAB>declared reason``, sorted by code point.  File names,
    row order, the split over files and ballot ids do not enter it.  A contest that takes its
    candidates or its tie rule from the scores adds the scores' fingerprint (key ``scores``).
    """
    rules = {
        "schema": SCHEMA,
        "electorate": _figures(election.electorate),
        "contests": [
            {
                "id": c.id,
                "seats": c.seats,
                "max_marks": c.max_marks,
                "min_marks": c.min_marks,
                "style": c.style,
                "blank": c.blank,
                "tie": c.tie,
                "priority": list(c.priority),
                "threshold": {
                    "share": f"{c.threshold.share.numerator}/{c.threshold.share.denominator}",
                    "strict": c.threshold.strict,
                    "of": c.threshold.of,
                },
                "candidates": [[k.id, k.name] for k in c.candidates],
                **({} if election.figures(c) == election.electorate else {"electorate": _figures(election.figures(c))}),
                **({} if c.scores_fingerprint is None else {"scores": c.scores_fingerprint}),
            }
            for c in sorted(election.contests, key=lambda c: c.id)
        ],
    }
    body = sorted(
        f"{content.count}\t{result.contest.id}\t{rnd.number}\t{';'.join(content.chosen)}\t{content.declared or ''}"
        for result in contests
        for rnd in result.rounds
        for content in rnd.contents
    )
    head = json.dumps(rules, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "\n".join([head, *body]) + "\n"


def _figures(electorate: Electorate) -> dict[str, int | None]:
    return {
        "convened": electorate.convened,
        "present": electorate.present,
        "issued": electorate.issued,
        "collected": electorate.collected,
    }


def fingerprint(election: Election, contests: tuple[ContestResult, ...]) -> str:
    """Return ``"sha256:<hex>"`` of :func:`canonical_text`."""
    digest = hashlib.sha256(canonical_text(election, contests).encode("utf-8")).hexdigest()
    return f"sha256:{digest}"

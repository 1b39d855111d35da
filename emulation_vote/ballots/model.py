"""The ballot as read from a file: what the paper says, where it was typed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ballot:
    """One paper ballot of one contest and round, as a clerk typed it.

    ``marks`` are the candidate ids marked on the paper.  When ``strikes`` is true (a wide
    file of a strike-out contest) a mark strikes the name out and the names left are the
    vote; otherwise the marks are the chosen candidates.  ``declared`` is the committee's
    reason when it declared the paper invalid.  ``source`` and ``row`` locate the ballot (the
    row as a spreadsheet shows it, the header being row 1).
    """

    contest: str
    round: int
    ballot_id: str
    marks: frozenset[str]
    strikes: bool
    declared: str | None
    source: str
    row: int
    voter: str | None = None

    def chosen(self, candidate_ids: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
        """Return the candidates this ballot chooses among ``candidate_ids`` (the round's candidates)."""
        if self.strikes:
            return frozenset(candidate_ids) - self.marks
        return self.marks

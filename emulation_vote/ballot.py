"""The ballot model: what a paper ballot says, where it was typed, and ballots grouped by what they say.

Below the readers (which make ballots) and the counting engine and the record (which count and
keep them); it imports nothing of the package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass, field

Content = tuple[frozenset[str], bool, "str | None"]
"""What a ballot says, without where it came from: (marks, marks are strikes, declared reason)."""


@dataclass(frozen=True, slots=True)
class Ballot:
    """One paper ballot of one contest and round, as a clerk typed it.

    ``marks`` are the candidate ids marked on the paper.  When ``strikes`` is true (a wide
    file of a strike-out contest) a mark strikes the name out and the names left are the
    vote; otherwise the marks are the chosen candidates.  ``declared`` is the committee's
    reason when it declared the paper invalid.  ``source`` and ``row`` locate the ballot (the
    row as a spreadsheet shows it, the header being row 1).  ``note`` is the clerk's note, kept
    for the audit and never counted.
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
    note: str | None = None

    def chosen(self, candidate_ids: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
        """Return the candidates this ballot chooses among ``candidate_ids`` (the round's candidates)."""
        return chosen_of(self.marks, self.strikes, candidate_ids)

    def choices(self, candidate_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Return the candidates this ballot chooses among ``candidate_ids``, in the order of ``candidate_ids``."""
        return in_ballot_order(self.chosen(candidate_ids), candidate_ids)

    @property
    def content(self) -> Content:
        """What the ballot says: its marks, whether they strike, and the declared reason."""
        return (self.marks, self.strikes, self.declared)


def in_ballot_order(chosen: Set[str], order: Iterable[str]) -> tuple[str, ...]:
    """Return the ids of ``chosen`` in the order of ``order`` (the ballot paper's): the one way choices are listed.

    >>> in_ballot_order({"C", "A"}, ("A", "B", "C"))
    ('A', 'C')
    """
    return tuple(cid for cid in order if cid in chosen)


def chosen_of(marks: frozenset[str], strikes: bool, candidate_ids: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Return the candidates chosen by ``marks`` among ``candidate_ids``: the unmarked ones when ``strikes``."""
    return frozenset(candidate_ids) - marks if strikes else marks


MATCHED_WITHOUT_DIACRITICS = "matched_without_diacritics"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something read that was accepted, but that the committee should see.

    ``code`` is ``matched_without_diacritics``: ``text`` (in ``source`` at ``row``) matched no
    candidate as typed, and only ``candidate`` once diacritics are ignored.
    """

    source: str
    row: int
    code: str
    text: str
    candidate: str
    contest: str


@dataclass
class BallotGroups:
    """Ballots aggregated by what they say: per (contest, round), each distinct content and its count.

    This is all the counting engine needs.  ``ballots`` keeps ballots read one by one: all of
    them when ``complete`` (each then gets its verdict, for the per-ballot audit), otherwise only
    the first ballot of each content (enough to locate an error by file and row).  A streaming
    reader of large files keeps none.
    """

    groups: dict[tuple[str, int], Counter[Content]] = field(default_factory=dict)
    ballots: dict[tuple[str, int], list[Ballot]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    complete: bool = True
    notices: list[Notice] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    """Rows of contests not asked for (``--contest``), skipped unread, per contest id."""

    def add(self, ballot: Ballot) -> None:
        """Count ``ballot``; keep it (all of them when ``complete``, else the first of its content)."""
        key = (ballot.contest, ballot.round)
        counts = self.groups.get(key)
        if counts is None:
            counts = self.groups[key] = Counter()
            self.ballots[key] = []
        content = ballot.content
        if self.complete or content not in counts:
            self.ballots[key].append(ballot)
        counts[content] += 1

    def add_counts(self, contest: str, round_number: int, counts: Counter[Content]) -> None:
        """Add already-aggregated contents (from a streaming reader)."""
        self.groups.setdefault((contest, round_number), Counter()).update(counts)

    def rounds(self, contest: str) -> list[int]:
        """Return the round numbers with ballots for ``contest``, in order."""
        return sorted(r for c, r in self.groups if c == contest and self.groups[(c, r)].total() > 0)

    def first_with(self, contest: str, round_number: int, content: Content | None = None) -> Ballot | None:
        """Return the first kept ballot of the contest and round saying ``content`` (any content when None).

        None when no such ballot was kept (a streaming reader keeps none).
        """
        for ballot in self.ballots.get((contest, round_number), ()):
            if content is None or ballot.content == content:
                return ballot
        return None

    def count(self, contest: str, round_number: int) -> int:
        """Return how many ballots the contest has in the round."""
        counts = self.groups.get((contest, round_number))
        return counts.total() if counts is not None else 0


@dataclass(frozen=True)
class BallotSet:
    """Every ballot loaded for an election, in file and row order, and the files they came from."""

    ballots: tuple[Ballot, ...]
    sources: tuple[str, ...]
    notices: tuple[Notice, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)

    def grouped(self) -> BallotGroups:
        """Return the ballots aggregated by contest, round and content, keeping each ballot."""
        groups = BallotGroups(sources=self.sources, notices=list(self.notices), skipped=Counter(self.skipped))
        for ballot in self.ballots:
            groups.add(ballot)
        return groups

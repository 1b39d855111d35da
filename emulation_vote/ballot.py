"""The ballot model: what a paper ballot says, where it was typed, and ballots grouped by what they say.

Below the readers (which make ballots) and the counting engine and the record (which count and
keep them); it imports nothing of the package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class MaskedContents:
    """The distinct contents of one contest and round as arrays, as the streaming reader counts them.

    Row ``i`` says: the candidates whose bits are set in ``masks[i]`` (bit ``b`` is ``ids[b]``,
    the contest's candidates in ballot order) are marked, they strike when ``strikes``, and the
    declared reason is ``texts[declared[i]]``; ``counts[i]`` ballots say exactly that.  Each
    (mask, declared) pair appears once.  The arrays are numpy int64 arrays; the counting engine
    counts them as arrays (:mod:`emulation_vote.count`) and :meth:`decoded` gives the same
    contents as a :class:`~collections.Counter`, as a reader of single ballots would have them.
    """

    ids: tuple[str, ...]
    strikes: bool
    texts: tuple[str | None, ...]
    masks: Any
    declared: Any
    counts: Any

    def total(self) -> int:
        """Return how many ballots the contents stand for."""
        return int(self.counts.sum())

    def merged(self, other: MaskedContents) -> MaskedContents:
        """Return these contents and ``other``'s (the same contest and round, from another file) counted together."""
        import numpy as np

        texts = list(self.texts)
        recode = np.asarray([_code_of(texts, text) for text in other.texts], dtype=np.int64)
        masks = np.concatenate([self.masks, other.masks])
        declared = np.concatenate([self.declared, recode[other.declared] if other.declared.size else other.declared])
        unique, inverse = np.unique(np.stack([masks, declared], axis=1), axis=0, return_inverse=True)
        counts = np.zeros(len(unique), dtype=np.int64)
        np.add.at(counts, inverse.reshape(-1), np.concatenate([self.counts, other.counts]))
        return MaskedContents(self.ids, self.strikes, tuple(texts), unique[:, 0].copy(), unique[:, 1].copy(), counts)

    def decoded(self) -> Counter[Content]:
        """Return the contents as a Counter of (marks, strikes, declared reason), the single ballots' form."""
        tables = [
            [
                tuple(self.ids[start + bit] for bit in range(8) if byte >> bit & 1 and start + bit < len(self.ids))
                for byte in range(256)
            ]
            for start in range(0, len(self.ids), 8)
        ]
        counter: Counter[Content] = Counter()
        for mask, code, count in zip(self.masks.tolist(), self.declared.tolist(), self.counts.tolist(), strict=True):
            marks = frozenset(name for chunk, table in enumerate(tables) for name in table[mask >> (8 * chunk) & 255])
            counter[(marks, self.strikes, self.texts[code])] += count
        return counter


def _code_of(texts: list[str | None], text: str | None) -> int:
    if text not in texts:
        texts.append(text)
    return texts.index(text)


@dataclass
class BallotGroups:
    """Ballots aggregated by what they say: per (contest, round), each distinct content and its count.

    This is all the counting engine needs.  ``ballots`` keeps ballots read one by one: all of
    them when ``complete`` (each then gets its verdict, for the per-ballot audit), otherwise only
    the first ballot of each content (enough to locate an error by file and row).  A streaming
    reader of large files keeps none.
    """

    counted: dict[tuple[str, int], Counter[Content]] = field(default_factory=dict)
    ballots: dict[tuple[str, int], list[Ballot]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    complete: bool = True
    notices: list[Notice] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    """Rows of contests not asked for (``--contest``), skipped unread, per contest id."""
    masked: dict[tuple[str, int], MaskedContents] = field(default_factory=dict)
    """Contents counted as arrays by a streaming reader (never the same contest and round as ``counted``)."""

    @property
    def groups(self) -> dict[tuple[str, int], Counter[Content]]:
        """Every contest and round's contents as a Counter (those counted as arrays decoded: slow when many)."""
        return {**self.counted, **{key: masked.decoded() for key, masked in self.masked.items()}}

    def contents(self, contest: str, round_number: int) -> Counter[Content] | MaskedContents:
        """Return the contest and round's contents: as a Counter, or as arrays when a streaming reader counted them."""
        masked = self.masked.get((contest, round_number))
        return masked if masked is not None else self.counted.get((contest, round_number), Counter())

    def add(self, ballot: Ballot) -> None:
        """Count ``ballot``; keep it (all of them when ``complete``, else the first of its content)."""
        key = (ballot.contest, ballot.round)
        counts = self.counted.get(key)
        if counts is None:
            counts = self.counted[key] = Counter()
            self.ballots[key] = []
        content = ballot.content
        if self.complete or content not in counts:
            self.ballots[key].append(ballot)
        counts[content] += 1

    def add_counts(self, contest: str, round_number: int, counts: Counter[Content]) -> None:
        """Add already-aggregated contents (from a streaming reader)."""
        self.counted.setdefault((contest, round_number), Counter()).update(counts)

    def add_masked(self, contest: str, round_number: int, contents: MaskedContents) -> None:
        """Add contents counted as arrays (from a streaming reader)."""
        key = (contest, round_number)
        found = self.masked.get(key)
        if key in self.counted or (found is not None and found.strikes != contents.strikes):
            # Marks that strike (a wide file of a strike-out contest) and marks that choose (a list
            # file of it) are different contents: counted one by one, as a reader of single ballots has them.
            counted = self.counted.setdefault(key, Counter())
            if found is not None:
                counted.update(self.masked.pop(key).decoded())
            counted.update(contents.decoded())
            return
        self.masked[key] = contents if found is None else found.merged(contents)

    def rounds(self, contest: str) -> list[int]:
        """Return the round numbers with ballots for ``contest``, in order."""
        keys = set(self.counted) | set(self.masked)
        return sorted(r for c, r in keys if c == contest and self.count(c, r) > 0)

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
        masked = self.masked.get((contest, round_number))
        counts = self.counted.get((contest, round_number))
        return (masked.total() if masked is not None else 0) + (counts.total() if counts is not None else 0)


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

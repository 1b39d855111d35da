"""The one result record that every output (table, JSON, CSV, minutes, audit) renders from.

The record is built by :func:`emulation_vote.count.count_election` and never changed after:
every class here is a frozen dataclass.  :func:`fingerprint` is the SHA-256 that lets anyone
with the same files re-verify the count (its canonical form is documented in docs/fingerprint.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, overload

from emulation_vote.arrow import ints, string, strings
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


class ContentTable(Sequence[ContentResult]):
    """A round's contents as arrays (counted by the engine as arrays): a sequence of :class:`ContentResult`.

    Row ``i``: the chosen candidates are the bits set in ``masks[i]`` (bit ``bits[j]`` stands for
    ``candidate_ids[j]``; listed in that order), the declared reason ``texts[codes[i]]``,
    ``counts[i]`` ballots, and the reason ``reasons[i]`` (an index into declared, blank, too_many,
    too_few; -1 valid).  The :class:`ContentResult` objects are made only when asked for; the
    fingerprint reads the arrays (:meth:`canonical_lines`).
    """

    def __init__(
        self,
        candidate_ids: tuple[str, ...],
        bits: tuple[int, ...],
        texts: tuple[str | None, ...],
        masks: Any,
        codes: Any,
        counts: Any,
        reasons: Any,
    ) -> None:
        """Hold the arrays (numpy int64; see the class)."""
        self.candidate_ids, self.bits, self.texts = candidate_ids, bits, texts
        self.masks, self.codes, self.counts, self.reasons = masks, codes, counts, reasons
        self._rows: tuple[ContentResult, ...] | None = None

    def _results(self) -> tuple[ContentResult, ...]:
        if self._rows is None:
            order = (InvalidReason.declared, InvalidReason.blank, InvalidReason.too_many, InvalidReason.too_few)
            self._rows = tuple(
                ContentResult(
                    tuple(cid for cid, bit in zip(self.candidate_ids, self.bits, strict=True) if mask >> bit & 1),
                    self.texts[code],
                    count,
                    None if reason < 0 else order[reason],
                )
                for mask, code, count, reason in zip(
                    self.masks.tolist(), self.codes.tolist(), self.counts.tolist(), self.reasons.tolist(), strict=True
                )
            )
        return self._rows

    @overload
    def __getitem__(self, index: int) -> ContentResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ContentResult, ...]: ...

    def __getitem__(self, index: int | slice) -> ContentResult | tuple[ContentResult, ...]:
        """Return the content at ``index`` (made on first use)."""
        return self._results()[index]

    def __len__(self) -> int:
        """Return the number of distinct contents."""
        return len(self.counts)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same contents, in the same order."""
        if not isinstance(other, Sequence):
            return NotImplemented
        return self._results() == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside: never a dict key

    def canonical_lines(self, contest_id: str, round_number: int) -> Any:
        """Return the fingerprint's lines for these contents as a pyarrow string array (unsorted).

        Each line is ``count<TAB>contest<TAB>round<TAB>chosen ids joined by ";"<TAB>declared``, as
        :func:`canonical_text` writes it for a :class:`ContentResult`.
        """
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        # The chosen ids of 8 candidates at a time are looked up in a table of the 256 ways to
        # choose among them, each id as ";id" (joining with nulls skipped loses rows in some
        # pyarrow versions); the pieces are concatenated and the first ";" cut off.
        size = len(self.counts)
        masks = np.asarray(self.masks, dtype=np.int64)
        in_order = np.zeros(size, dtype=np.int64)  # bit j: candidate_ids[j] chosen
        for j, bit in enumerate(self.bits):
            in_order |= ((masks >> bit) & 1) << j
        chunks = []
        for start in range(0, len(self.candidate_ids), 8):
            names = self.candidate_ids[start : start + 8]
            table = strings(["".join(f";{cid}" for j, cid in enumerate(names) if byte >> j & 1) for byte in range(256)])
            chunks.append(table.take(ints((in_order >> start) & 255)))
        if not chunks:
            chosen = strings([""] * size)
        elif len(chunks) == 1:
            chosen = pc.utf8_slice_codeunits(chunks[0], 1)
        else:
            chosen = pc.utf8_slice_codeunits(pc.binary_join_element_wise(*chunks, string("")), 1)
        declared = strings([text or "" for text in self.texts]).take(ints(self.codes))
        counts = pc.cast(ints(self.counts), pa.string())
        fixed = string(f"{contest_id}\t{round_number}")
        return pc.binary_join_element_wise(counts, fixed, chosen, declared, string("\t"))


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
    contents: Sequence[ContentResult]
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
    left_out: tuple[str, ...] = ()
    """Contests asked for that a provisional count left out, having no ballots yet (ids, file order)."""

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
    return b"".join(bytes(part) for part in _canonical_parts(election, contests)).decode("utf-8")


def _canonical_parts(election: Election, contests: tuple[ContestResult, ...]) -> Iterator[bytes | memoryview]:
    """Yield the canonical text as UTF-8 pieces to be concatenated: the first line, then the sorted body."""
    # A runoff round allows as many choices as its seats unless max_marks was written: that choice
    # changes the runoff's result, so a contest that counted a runoff under a written max_marks says so.
    fixed_in_runoffs = {r.contest.id for r in contests if len(r.rounds) > 1 and r.contest.max_marks_given}
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
                **({"max_marks_in_runoffs": True} if c.id in fixed_in_runoffs else {}),
            }
            for c in sorted(election.contests, key=lambda c: c.id)
        ],
    }
    lines = [
        f"{content.count}\t{result.contest.id}\t{rnd.number}\t{';'.join(content.chosen)}\t{content.declared or ''}"
        for result in contests
        for rnd in result.rounds
        if not isinstance(rnd.contents, ContentTable)
        for content in rnd.contents
    ]
    tables = [
        rnd.contents.canonical_lines(result.contest.id, rnd.number)
        for result in contests
        for rnd in result.rounds
        if isinstance(rnd.contents, ContentTable)
    ]
    head = json.dumps(rules, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    yield f"{head}\n".encode()
    if not tables:
        yield from (f"{line}\n".encode() for line in sorted(lines))
        return
    # Contents counted as arrays: their lines are made and sorted in Arrow, by UTF-8 bytes (the
    # same order as code points), then joined, one newline after each, into one buffer.
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    every = tables[0] if len(tables) == 1 and not lines else pa.concat_arrays([*tables, strings(lines)])
    order = pc.sort_indices(every)
    for start in range(0, len(order), _CHUNK):  # in slices: the sorted copy never exists whole
        ended = pc.binary_join_element_wise(every.take(order.slice(start, _CHUNK)), string("\n"), string(""))
        offsets = np.frombuffer(ended.buffers()[1], dtype=np.int32, count=len(ended) + 1, offset=ended.offset * 4)
        data = ended.buffers()[2]
        yield memoryview(data)[int(offsets[0]) : int(offsets[-1])] if data is not None else b""


_CHUNK = 1 << 16
"""Lines of the canonical text sorted, joined and hashed at a time."""


def _figures(electorate: Electorate) -> dict[str, int | None]:
    return {
        "convened": electorate.convened,
        "present": electorate.present,
        "issued": electorate.issued,
        "collected": electorate.collected,
    }


def fingerprint(election: Election, contests: tuple[ContestResult, ...]) -> str:
    """Return ``"sha256:<hex>"`` of :func:`canonical_text`."""
    digest = hashlib.sha256()
    for part in _canonical_parts(election, contests):
        digest.update(part)
    return f"sha256:{digest.hexdigest()}"

"""The one result record that every output (table, JSON, CSV, minutes, audit) renders from.

The record is built by :func:`emulation_vote.count.count_election` and never changed after:
every class here is a frozen dataclass.  :func:`fingerprint` is the SHA-256 that lets anyone
with the same files re-verify the count (its canonical form is documented in docs/fingerprint.md).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, overload

from emulation_vote.arrow import data_bytes, ints, joined_names, string, strings, view
from emulation_vote.ballot import Ballot, Notice
from emulation_vote.election import Contest, Election, Electorate
from emulation_vote.memory import release_free_memory
from emulation_vote.ordered import in_order
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


REASON_ORDER = tuple(InvalidReason)
"""The invalid reasons in the order the rules test them (the first that holds is the reason); reason codes index it."""


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
            self._rows = tuple(
                ContentResult(
                    tuple(cid for cid, bit in zip(self.candidate_ids, self.bits, strict=True) if mask >> bit & 1),
                    self.texts[code],
                    count,
                    None if reason < 0 else REASON_ORDER[reason],
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

    def chosen_texts(self, rows: Any = None) -> Any:
        """Return the chosen ids of each content (of ``rows``, numpy indices; all by default) joined by ";".

        A pyarrow string array (:func:`~emulation_vote.arrow.joined_names`).
        """
        import numpy as np
        import pyarrow as pa

        masks = np.asarray(self.masks if rows is None else self.masks[rows], dtype=np.int64)
        if masks.size > _CHUNK:  # in slices, so that the pieces of every row never exist at once
            return pa.concat_arrays(
                [self._chosen(masks[start : start + _CHUNK]) for start in range(0, masks.size, _CHUNK)]
            )
        return self._chosen(masks)

    def _chosen(self, masks: Any) -> Any:
        return joined_names(self.by_position(masks), self.candidate_ids, ";")

    def by_position(self, masks: Any) -> Any:
        """Return ``masks`` (numpy int64) with bit ``j`` for ``candidate_ids[j]`` (usually they are so already)."""
        import numpy as np

        if self.bits == tuple(range(len(self.bits))):
            return masks
        positional = np.zeros(masks.size, dtype=np.int64)
        for j, bit in enumerate(self.bits):
            positional |= ((masks >> bit) & 1) << j
        return positional

    def canonical_lines(self, contest_id: str, round_number: int, rows: Any = None, end: str = "") -> Any:
        """Return the fingerprint's lines for these contents (of ``rows``; all by default) as a pyarrow string array.

        Each line is ``count<TAB>contest<TAB>round<TAB>chosen ids joined by ";"<TAB>declared``, as
        :func:`canonical_text` writes it for a :class:`ContentResult`, followed by ``end``; in
        the order of ``rows``.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        codes = self.codes if rows is None else self.codes[rows]
        counts = self.counts if rows is None else self.counts[rows]
        declared = strings([(text or "") + end for text in self.texts]).take(ints(codes))
        fixed = string(f"{contest_id}\t{round_number}")
        cells = (pc.cast(ints(counts), pa.string()), fixed, self.chosen_texts(rows), declared, string("\t"))
        return pc.binary_join_element_wise(*cells)


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
        (result.contest.id, rnd.number, rnd.contents)
        for result in contests
        for rnd in result.rounds
        if isinstance(rnd.contents, ContentTable)
    ]
    head = json.dumps(rules, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    yield f"{head}\n".encode()
    if not tables:
        yield from (f"{line}\n".encode() for line in sorted(lines))
        return
    if not lines:
        if sum(len(table.counts) for _, _, table in tables) > _CHUNK:
            release_free_memory()  # what the reading and counting freed, before the sort's arrays
        makers = _by_numbers(tables)
        # A slice's lines are made in pyarrow, without the GIL: the next is made on the other core
        # while this one is hashed.
        yield from in_order(makers if makers is not None else _sorted_by_count(tables), ahead=2)
        return
    # Lines of contents read one by one as well: every line is made and sorted in Arrow, by UTF-8
    # bytes (the same order as code points), then joined and hashed a slice at a time.
    import pyarrow as pa
    import pyarrow.compute as pc

    made = [table.canonical_lines(contest, number) for contest, number, table in tables]
    every = pa.concat_arrays([*made, strings(lines)])
    order = pc.sort_indices(every)
    for start in range(0, len(order), _CHUNK):  # in slices: the sorted copy never exists whole
        yield _ended(every.take(order.slice(start, _CHUNK)))


def _ended(lines: Any) -> bytes | memoryview:
    """Return the UTF-8 bytes of pyarrow string ``lines``, each followed by a newline."""
    import pyarrow.compute as pc

    return data_bytes(pc.binary_join_element_wise(lines, string("\n"), string("")))


def _decimal_order(counts: Any) -> tuple[Any, Any]:
    """Return keys that sort ``counts`` as their decimal texts sort ("1" < "10" < "9"), and how many share each key.

    A count's key is its rank among the distinct counts' texts (sorted in Python: there are few,
    at most about the square root of twice the ballots, since they add up to the ballots).  The
    counts are looked up in a table of every count up to the largest, unless that table would
    outgrow the counts (then they are sorted); keys are 16-bit when they fit, which numpy's stable
    sort orders by radix.
    """
    import numpy as np

    largest = int(counts.max()) if counts.size else 0
    if largest > max(counts.size, 1 << 16):
        distinct, inverse = np.unique(counts, return_inverse=True)
        keys = _text_ranks(distinct, np.int64)[inverse.reshape(-1)]
    else:
        distinct = np.flatnonzero(np.bincount(counts, minlength=1))
        to_key = np.zeros(largest + 1, dtype=np.uint16 if distinct.size <= 1 << 16 else np.int64)
        to_key[distinct] = _text_ranks(distinct, to_key.dtype)
        keys = to_key[counts]
    return keys, np.bincount(keys, minlength=distinct.size)


def _text_ranks(numbers: Any, dtype: Any) -> Any:
    """Return the rank of each of ``numbers`` (distinct) among their decimal texts, as a numpy array of ``dtype``."""
    import numpy as np

    ranks = np.empty(numbers.size, dtype=dtype)
    ranks[sorted(range(numbers.size), key=lambda i: str(numbers[i]))] = np.arange(numbers.size)
    return ranks


def _sorted_by_count(tables: list[tuple[str, int, ContentTable]]) -> Iterator[Callable[[], bytes | memoryview]]:
    """Yield the makers of the sorted lines of ``tables``, in order, each making and sorting one slice.

    A line starts with its count, then a tab, which sorts before any digit: lines of different
    counts sort as their counts' decimal texts (:func:`_decimal_order`), whatever follows.  So the
    contents are ordered by that key and cut into slices of about :data:`_CHUNK` lines that never
    split one count; only the lines of one slice are made and sorted as text at a time, so memory
    holds a slice of lines, not every line.  Many contents of one count in one round (over
    :data:`_ONE_COUNT`: a million ballots give over a hundred thousand contents counted once) are
    ordered by their chosen ids and declared reason (:func:`_same_count`).
    """
    import numpy as np

    keys, per_key = _decimal_order(np.concatenate([table.counts for _, _, table in tables]))
    order = np.argsort(keys, kind="stable")
    del keys
    starts = np.concatenate([[0], np.cumsum(per_key)])  # where each count starts, in that order
    sizes = np.cumsum([0, *(len(table.counts) for _, _, table in tables)])
    start = 0
    while start < order.size:
        # Up to _CHUNK lines, cut where a count starts; a count of more lines is a slice of its own.
        at = int(np.searchsorted(starts, min(start + _CHUNK, order.size), side="right")) - 1
        end = int(starts[at]) if starts[at] > start else int(starts[at + 1])
        part = order[start:end]
        which = np.searchsorted(sizes, part, side="right") - 1
        present = np.flatnonzero(np.bincount(which)).tolist()  # not np.unique: it imports numpy.ma
        if part.size > _ONE_COUNT and all(_fields_sort(*tables[index]) for index in present):
            # One count (only one makes a slice this long), in several rounds perhaps: the lines of
            # each round together, rounds in the order of their "contest<TAB>round" text.
            for index in sorted(present, key=lambda index: f"{tables[index][0]}\t{tables[index][1]}"):
                contest, number, table = tables[index]
                yield from _same_count(contest, number, table, part[which == index] - sizes[index])
        else:
            yield functools.partial(
                _slice, [(*tables[index], part[which == index] - sizes[index]) for index in present]
            )
        start = end


def _by_numbers(tables: list[tuple[str, int, ContentTable]]) -> Iterator[Callable[[], bytes | memoryview]] | None:
    """Yield the makers of the lines of ``tables`` in sorted order, found from numbers alone; None if it cannot be.

    Within one count, lines sort by their fields when :func:`_fields_sort` holds: the
    ``contest<TAB>round<TAB>`` text, then the chosen ids' text, then the declared reason's.  When
    a round's candidate ids are in text order and none begins another (``U01`` ... ``U20``, the
    usual case), the chosen ids' texts sort as their sets do in a walk that lists a set before
    those that extend it (:func:`_chosen_ranks`), a number computed from the marks.  So every
    line's place comes from four numbers (the count's decimal order, the round's, the chosen ids',
    the declared reason's), sorted at once with numpy; the lines are then made a slice at a time,
    already in order, and none is sorted as text.
    """
    import numpy as np

    if not all(_fields_sort(*entry) and _ids_in_text_order(entry[2].candidate_ids) for entry in tables):
        return None
    heads = sorted({f"{contest}\t{number}\t" for contest, number, _ in tables})
    count_keys, _ = _decimal_order(np.concatenate([table.counts for _, _, table in tables]))
    round_keys = np.concatenate(
        [
            np.full(len(table.counts), heads.index(f"{contest}\t{number}\t"), dtype=np.int32)
            for contest, number, table in tables
        ]
    )
    chosen_keys = np.concatenate([_chosen_ranks(table) for _, _, table in tables])
    declared_keys = np.concatenate([_declared_ranks(table) for _, _, table in tables])
    keys = (count_keys, round_keys, chosen_keys, declared_keys)
    widths = [int(key.max()).bit_length() if key.size else 0 for key in keys]
    if sum(widths) <= 63:  # the four side by side in one int64, one sort (equal keys only for equal lines)
        packed = np.zeros(count_keys.size, dtype=np.int64)
        for key, width in zip(keys, widths, strict=True):
            np.left_shift(packed, width, out=packed)
            packed |= key
        del keys, count_keys, round_keys, chosen_keys, declared_keys
        order = np.argsort(packed)
        del packed
    else:
        order = np.lexsort(keys[::-1])
        del keys, count_keys, round_keys, chosen_keys, declared_keys
    sizes = np.cumsum([0, *(len(table.counts) for _, _, table in tables)])
    return (
        functools.partial(_rows_in_order, tables, sizes, order[start : start + _CHUNK])
        for start in range(0, order.size, _CHUNK)
    )


def _rows_in_order(tables: list[tuple[str, int, ContentTable]], sizes: Any, part: Any) -> bytes | memoryview:
    """Return the lines of ``part`` (positions in the tables' concatenation, in order), each ended by a newline."""
    import numpy as np
    import pyarrow as pa

    which = np.searchsorted(sizes, part, side="right") - 1
    present = np.flatnonzero(np.bincount(which)).tolist()
    pieces = [
        tables[index][2].canonical_lines(tables[index][0], tables[index][1], part[which == index] - sizes[index], "\n")
        for index in present
    ]
    if len(pieces) == 1:
        return data_bytes(pieces[0])
    by_table = np.argsort(which, kind="stable")  # the rows of each table together, tables in turn
    back = np.empty_like(by_table)
    back[by_table] = np.arange(by_table.size)
    return data_bytes(pa.concat_arrays(pieces).take(ints(back)))


def _ids_in_text_order(ids: tuple[str, ...]) -> bool:
    """Whether ``ids`` are in code-point order and none begins the next (so none begins any other), at most 62."""
    return len(ids) <= 62 and all(a < b and not b.startswith(a) for a, b in itertools.pairwise(ids))


def _chosen_ranks(table: ContentTable) -> Any:
    """Return, per row of ``table``, a number that sorts as the row's chosen ids joined by ";" do (:func:`_by_numbers`).

    With the ids in text order, none beginning another, the joined texts sort as their sets of
    positions do in a pre-order walk: the empty set first, then every set holding position 0 (by
    the rest, the same way), then every set whose first position is 1, and so on.  With ``K``
    candidates and ``r`` the set's positions reversed (position ``j`` as bit ``K - 1 - j``), a
    non-empty set's place in that walk is ``popcount + 2**K - r - (lowest bit of r)``.
    """
    import numpy as np

    size = len(table.candidate_ids)
    masks = table.by_position(np.asarray(table.masks, dtype=np.int64))
    # In place where it can be: at ten million ballots these arrays are a few MB each.
    popcount, reverse = _byte_tables()
    ranks = np.zeros(masks.size, dtype=np.int64)  # the reversed positions first
    ones = np.zeros(masks.size, dtype=np.uint8)
    byte = np.empty(masks.size, dtype=np.int64)
    for start in range(0, size, 8):
        np.bitwise_and(np.right_shift(masks, start, out=byte), 255, out=byte)
        ones += popcount[byte]
        np.take(reverse, byte, out=byte)
        ranks |= np.left_shift(byte, 56 - start, out=byte)  # bit start + b lands at 63 - start - b
    if size:
        np.bitwise_and(np.right_shift(ranks, 64 - size, out=ranks), (1 << size) - 1, out=ranks)
    np.bitwise_and(ranks, np.negative(ranks, out=byte), out=byte)  # the lowest set bit of each
    np.negative(ranks, out=ranks)
    ranks += (1 << size) - byte
    ranks += ones
    ranks[masks == 0] = 0
    return ranks


def _declared_ranks(table: ContentTable) -> Any:
    """Return, per row of ``table``, the rank of its declared reason's text ("" for none) among the table's."""
    import numpy as np

    shown = [text or "" for text in table.texts]
    rank = {text: at for at, text in enumerate(sorted(set(shown)))}
    return np.asarray([rank[text] for text in shown], dtype=np.int32)[np.asarray(table.codes)]


@functools.cache
def _byte_tables() -> tuple[Any, Any]:
    """Return, for each byte value, its number of set bits (uint8) and the byte with its bits reversed (int64)."""
    import numpy as np

    values = range(256)
    popcount = np.asarray([bin(v).count("1") for v in values], dtype=np.uint8)
    reverse = np.asarray([int(f"{v:08b}"[::-1], 2) for v in values], dtype=np.int64)
    return popcount, reverse


def _slice(parts: list[tuple[str, int, ContentTable, Any]]) -> bytes | memoryview:
    """Return the lines of some rows of some tables (contest, round, table, rows), sorted, each ended by a newline."""
    import pyarrow as pa
    import pyarrow.compute as pc

    pieces = [table.canonical_lines(contest, number, rows) for contest, number, table, rows in parts]
    lines = pieces[0] if len(pieces) == 1 else pa.concat_arrays(pieces)
    return _ended(lines.take(pc.sort_indices(lines)))


def _fields_sort(contest: str, _number: int, table: ContentTable) -> bool:
    """Whether lines of one count sort as their fields do: (contest, round) text, chosen ids, declared reason.

    The fields are separated by tabs: true unless the contest id, a candidate id or a declared
    text holds a character at or below the tab (cleaned text never does; this is checked, not
    assumed).  Round numbers are digits.
    """
    before_tab = frozenset(chr(code) for code in range(10))
    texts = (contest, *table.candidate_ids, *(text for text in table.texts if text))
    return not any(before_tab.intersection(text) for text in texts)


def _same_count(
    contest: str, number: int, table: ContentTable, rows: Any
) -> Iterator[Callable[[], bytes | memoryview]]:
    """Yield the makers of the lines of ``rows`` of ``table`` (contents of one count), sorted, a slice each.

    They share ``count<TAB>contest<TAB>round<TAB>``, so they sort by the chosen ids' text, then
    the declared reason's (:func:`_fields_sort` says when): only those short texts are sorted.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    chosen = table.chosen_texts(rows)
    declared = strings([text or "" for text in table.texts]).take(ints(np.asarray(table.codes)[rows]))
    keys = pa.table({"chosen": chosen, "declared": declared})
    order = pc.sort_indices(keys, sort_keys=[("chosen", "ascending"), ("declared", "ascending")])
    del chosen, declared, keys
    ordered = rows[view(order)]
    for start in range(0, ordered.size, _CHUNK):
        yield functools.partial(_lines, contest, number, table, ordered[start : start + _CHUNK])


def _lines(contest: str, number: int, table: ContentTable, rows: Any) -> bytes | memoryview:
    """Return the lines of ``rows`` of ``table``, in that order, each ended by a newline."""
    return _ended(table.canonical_lines(contest, number, rows))


_CHUNK = 1 << 15
"""Lines of the canonical text sorted, joined and hashed at a time (two such slices are made at once)."""
_ONE_COUNT = 1 << 16
"""Lines of one count beyond which they are ordered by their fields (:func:`_same_count`), not sorted as text."""


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

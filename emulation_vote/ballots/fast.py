"""The streaming reader for large ballot files: column batches in, aggregated ballot contents out.

A CSV/TSV file is cut into pieces of whole lines, each parsed by pyarrow on one of two threads
(:func:`_csv_batches`), an .xlsx is read with python-calamine; every column is dictionary-encoded,
and each *distinct* cell value goes through the same parsers as the exact reader
(:func:`~emulation_vote.marks.read_mark`, :func:`~.layout.parse_choices`, ...).  Rows are then
reduced with numpy to (contest, round, declared reason, marks as a bit mask) and counted.
Memory stays flat: a few pieces at a time, plus a bitmap of the ballot ids seen.

The reader never reports an error itself.  Whenever a file is not plainly valid (a row that
does not fit the header, an empty id, an unknown name, a duplicate id, a quote character, a
NUL byte...), it gives up: :func:`read_groups_fast` returns :class:`~.reader.GaveUp` saying why,
and the pipeline reads the files again with the exact reader, which names the file and row of
the problem.  So the two readers give
the same result, or the exact reader's error.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from emulation_vote.arrow import strings, value_offsets, view
from emulation_vote.ballot import BallotGroups, MaskedContents
from emulation_vote.ballots.layout import (
    HeaderPlan,
    check_columns,
    contest_for,
    parse_choices,
    parse_round,
    plan_header,
    sheet_plan,
)
from emulation_vote.ballots.reader import GaveUp, Progress, ReadRequest
from emulation_vote.ballots.tabular import Sheet, cell_text, sniff_delimiter, xlsx_sheet_names, xlsx_table
from emulation_vote.election import Contest, Election
from emulation_vote.errors import EmulationVoteError
from emulation_vote.marks import read_mark
from emulation_vote.ordered import in_order
from emulation_vote.text import clean
from emulation_vote.vocab import Style

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
PIECE_SIZE = 1 << 20  # bytes of a file parsed at a time: small enough to keep the peak memory low
PARSERS = 2  # threads parsing pieces of a file at once (pyarrow parses one piece on one thread)
BITMAP_LIMIT = 1 << 31  # ballot ids above this use the exact reader
DENSE_BITS = 20  # a contest of up to 20 candidates is counted in a table of its 2**20 possible masks (8 MB)
DENSE_BUDGET = 64 << 20  # bytes for such tables in all; further (contest, round, declared) groups are sorted


class FastPathUnavailable(Exception):
    """Raised inside the streaming reader when a file is not one it can vouch for; never leaves this module.

    :func:`read_groups_fast` turns it into the typed outcome :class:`~.reader.GaveUp`.
    """


@dataclass
class Encoded:
    """One column of a batch, dictionary-encoded: ``indices`` into the distinct ``values``."""

    indices: np.ndarray[Any, Any]
    values: list[str]

    def encoded(self) -> Encoded:
        """Return this column dictionary-encoded (it already is)."""
        return self

    def kept(self, keep: np.ndarray[Any, Any]) -> Encoded:
        """Return the column of the rows where ``keep`` is true."""
        return Encoded(self.indices[keep], self.values)

    def mark_flags(self) -> np.ndarray[Any, Any]:
        """Return, per row, whether the cell is a mark (:func:`~emulation_vote.marks.read_mark` of each value).

        A value that is neither a mark nor a non-mark is left to the exact reader, which reports it.
        """
        flags = [read_mark(v) for v in self.values]
        if None in flags:
            raise FastPathUnavailable("a cell that is neither a mark nor empty")
        return _pick(flags, self.indices, bool)

    def all_blank(self) -> bool:
        """Whether every cell is empty or white space."""
        return not any(v.strip() for v in self.values)

    def check_plain(self) -> None:
        """Refuse values the exact reader might see differently (NUL bytes, quote characters)."""
        if any("\x00" in v or '"' in v for v in self.values):
            raise FastPathUnavailable("a NUL byte or a quote character")


def _pick(table: Any, indices: np.ndarray[Any, Any], dtype: Any) -> np.ndarray[Any, Any]:
    """Return ``table[indices]`` as a numpy array of ``dtype`` (a lookup of each row's distinct value)."""
    picked: np.ndarray[Any, Any] = np.asarray(table, dtype=dtype)[indices]
    return picked


class ArrowColumn:
    """A column of a CSV batch (strings; bytes for mark columns); the mark test reads its byte offsets, not strings."""

    def __init__(self, array: Any) -> None:
        """Wrap a pyarrow StringArray or BinaryArray (no nulls)."""
        self.array = array

    def kept(self, keep: np.ndarray[Any, Any]) -> ArrowColumn:
        """Return the column of the rows where ``keep`` is true."""
        from emulation_vote.arrow import bools

        return ArrowColumn(self.array.filter(bools(keep)))

    def encoded(self) -> Encoded:
        """Return the column dictionary-encoded."""
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(self.array)
        values = encoded.dictionary.to_pylist()
        if values and isinstance(values[0], bytes):  # a column read as bytes (see _csv_batches): UTF-8 or no
            try:
                values = [value.decode("utf-8") for value in values]
            except UnicodeDecodeError:
                raise FastPathUnavailable("a cell that is not UTF-8") from None
        return Encoded(view(encoded.indices), values)

    def _offsets(self) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        array = self.array
        offsets = value_offsets(array)
        data = array.buffers()[2]
        return offsets, np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)

    def mark_flags(self) -> np.ndarray[Any, Any]:
        """Return, per row, whether the cell is a mark.

        Cells of at most one byte (the usual "", "x", "1", "0") are looked up by that byte in a
        table built with :func:`~emulation_vote.marks.read_mark`; a column with longer cells is
        dictionary-encoded.  A cell that is not one of the accepted words goes to the exact reader.
        """
        offsets, data = self._offsets()
        lengths = np.diff(offsets)
        if lengths.size == 0 or lengths.max() > 1:
            return self.encoded().mark_flags()
        if data.size == 0 or offsets[-1] == offsets[0]:
            return np.zeros(lengths.size, dtype=bool)
        # Every cell is empty or one byte: the column's bytes are those of its filled cells, in order.
        table = np.zeros(256, dtype=bool)
        present = np.flatnonzero(np.bincount(data[offsets[0] : offsets[-1]], minlength=256))
        for byte in present.tolist():
            mark = read_mark(chr(byte)) if 0 < byte < 128 else None
            if mark is None:
                raise FastPathUnavailable("a cell that is neither a mark nor empty")
            table[byte] = mark
        if table[present].all():  # the usual case: every filled cell is a mark ("x")
            return lengths.astype(bool)
        first = data.take(offsets[:-1], mode="clip") * (lengths == 1).view(np.uint8)
        return _pick(table, first, bool)

    def all_blank(self) -> bool:
        """Whether every cell is empty or white space."""
        offsets, _data = self._offsets()
        return bool(offsets[-1] == offsets[0]) or self.encoded().all_blank()

    def check_plain(self) -> None:
        """Nothing to check: the file's bytes were checked for NUL and quote characters as they were read."""


Column = Encoded | ArrowColumn


Pieces = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[str]]
"""``choices`` cells split on ";": each row's piece offsets, each piece's index into the distinct pieces, and those."""

IdForm = str | None
"""How ids given as numbers were typed: None (whole numbers), or the prefix before their digits."""


class IdRegistry:
    """Remembers the ballot ids seen per (contest, round): a bitmap for whole numbers, else a set.

    A (contest, round) whose ids come as numbers in some batches and as text in others is left
    to the exact reader, rather than comparing the two kinds.
    """

    def __init__(self) -> None:
        """Start with nothing seen."""
        self.bitmaps: dict[tuple[str, int, IdForm], np.ndarray[Any, Any]] = {}
        self.texts: dict[tuple[str, int], set[str]] = {}

    def add_numbers(self, key: tuple[str, int], ids: np.ndarray[Any, Any], form: IdForm = None) -> None:
        """Record whole-number ids; refuse a duplicate (within them or with those seen before).

        ``form`` None: the ids are whole numbers as typed.  A prefix: each id was typed as that
        prefix then digits, and ``ids`` are the numbers :func:`_prefixed_numbers` gives them (two
        ids are the same text exactly when they are the same number).  Each form has its own
        bitmap: ids of different forms are different texts.
        """
        if ids.size == 0:
            return
        if key in self.texts:
            raise FastPathUnavailable("ids as numbers and as text")  # the same id might stand as text in another batch
        if (ids[1:] > ids[:-1]).all():  # typed in order, as ballots usually are: distinct, no sort needed
            ordered = ids
        else:
            ordered = np.sort(ids)
            if (ordered[1:] == ordered[:-1]).any():
                raise FastPathUnavailable("an id used twice")
        if ordered[0] < 0 or ordered[-1] >= BITMAP_LIMIT:
            raise FastPathUnavailable("an id out of range")
        bitmap = self.bitmaps.get((*key, form), np.zeros(0, dtype=np.uint8))
        need = int(ordered[-1] >> 3) + 1
        if need > bitmap.size:
            grown = np.zeros(max(need, bitmap.size * 2), dtype=np.uint8)
            grown[: bitmap.size] = bitmap
            bitmap = grown
            self.bitmaps[(*key, form)] = bitmap
        low = int(ordered[0]) >> 3
        if (need - low) * 8 <= 4 * ordered.size:
            # Ids close together, as typed ballots are: their bits packed into bytes, OR-ed in at once.
            run = np.zeros((need - low) * 8, dtype=bool)
            run[ordered - low * 8] = True
            packed = np.packbits(run, bitorder="little")
            if (bitmap[low:need] & packed).any():
                raise FastPathUnavailable("an id used twice")
            bitmap[low:need] |= packed
            return
        byte = ordered >> 3
        bit = np.left_shift(np.uint8(1), (ordered & 7).astype(np.uint8))
        if (bitmap[byte] & bit).any():
            raise FastPathUnavailable("an id used twice")
        np.bitwise_or.at(bitmap, byte, bit)

    def add_texts(self, key: tuple[str, int], ids: list[str]) -> None:
        """Record ids that are not whole numbers, compared as the exact reader does (cleaned text)."""
        if any(seen[:2] == key for seen in self.bitmaps):
            raise FastPathUnavailable(
                "ids as numbers and as text"
            )  # the same id might stand as a number in another batch
        seen = self.texts.setdefault(key, set())
        for value in ids:
            text = clean(value)
            if not text or text in seen or "\x00" in text:
                raise FastPathUnavailable("an empty id or one used twice")
            seen.add(text)


class _Aggregator:
    """Turns batches of encoded columns into counts of (contest, round, declared, marks)."""

    def __init__(
        self, plan: HeaderPlan, election: Election, registry: IdRegistry, only: frozenset[str] | None = None
    ) -> None:
        self.plan = plan
        self.election = election
        self.contests = list(election.contests)
        self.registry = registry
        self.only = only
        """The contests counted (``--contest``; None: all): other contests' rows are skipped unread."""
        self.counted = np.asarray([only is None or c.id in only for c in self.contests], dtype=bool)
        self.skipped: Counter[str] = Counter()
        self.declared: dict[str | None, int] = {None: 0}
        self.parts: dict[tuple[int, int, int], list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]] = {}
        self.checked: set[str] = set()
        self.choice_cache: dict[tuple[int, str], int] = {}
        reserved = plan.reserved
        used = {reserved[c] for c in ("ballot_id", "contest", "round", "invalid", "choices", "note") if c in reserved}
        used |= {index for index, _ in plan.others} if plan.layout == "wide" else set()
        self.unused = [i for i in range(len(plan.header)) if i not in used]
        if plan.fixed is None and "contest" not in reserved:
            raise FastPathUnavailable("no contest column for several contests")
        if max(len(c.candidates) for c in election.contests) > 62:
            raise FastPathUnavailable("more than 62 candidates")  # a ballot's marks must fit the bits of one int64
        self.bit_of = [  # per contest: column index -> the bit of the candidate it marks
            {index: contest.ids.index(cid) for index, cid in plan.candidate_columns.get(contest.id, {}).items()}
            for contest in self.contests
        ]
        self.dense: dict[tuple[int, int, int], np.ndarray[Any, Any]] = {}
        self.dense_bytes = 0

    def _contest_rows(self, columns: dict[int, Column], rows: int) -> np.ndarray[Any, Any]:
        if self.plan.fixed is not None:
            contest = self.plan.fixed
            self._check(contest)
            return np.full(rows, self.contests.index(contest), dtype=np.int64)
        column = columns[self.plan.reserved["contest"]].encoded()
        mapping = []
        for value in column.values:
            found = contest_for(clean(value), self.election)
            if found is None:
                raise FastPathUnavailable("an unknown contest")
            mapping.append(self.contests.index(found))
        used = np.unique(column.indices)
        for index in used:
            self._check(self.contests[mapping[index]])
        return _pick(mapping, column.indices, np.int64)

    def _check(self, contest: Contest) -> None:
        if contest.id not in self.checked:
            try:
                check_columns(self.plan, contest)
            except EmulationVoteError:
                raise FastPathUnavailable("a column that does not fit the contest") from None
            self.checked.add(contest.id)

    def _rounds(self, columns: dict[int, Column], rows: int) -> np.ndarray[Any, Any]:
        if "round" not in self.plan.reserved:
            return np.ones(rows, dtype=np.int64)
        column = columns[self.plan.reserved["round"]].encoded()
        numbers = [parse_round(v) for v in column.values]
        if any(n is None for n in numbers):
            raise FastPathUnavailable("a bad round number")
        return _pick(numbers, column.indices, np.int64)

    def _declared(self, columns: dict[int, Column], rows: int) -> np.ndarray[Any, Any]:
        if "invalid" not in self.plan.reserved:
            return np.zeros(rows, dtype=np.int64)
        column = columns[self.plan.reserved["invalid"]].encoded()
        codes = [self.declared.setdefault(clean(v) or None, len(self.declared)) for v in column.values]
        return _pick(codes, column.indices, np.int64)

    def _marks(
        self, columns: dict[int, Column], contest_rows: np.ndarray[Any, Any], rows: int, pieces: Pieces | None
    ) -> np.ndarray[Any, Any]:
        masks = np.zeros(rows, dtype=np.int64)
        if self.plan.layout == "list":
            raw = columns[self.plan.reserved["choices"]]
            if isinstance(raw, ArrowColumn):
                return self._list_masks(pieces or _split_choices(raw.array), contest_rows)
            column = raw.encoded()
            pairs = contest_rows * len(column.values) + column.indices
            unique, inverse = np.unique(pairs, return_inverse=True)
            bits = []
            for pair in unique.tolist():
                contest_index, value = divmod(pair, len(column.values))
                bits.append(self._choice_bits(contest_index, column.values[value]))
            return _pick(bits, inverse.reshape(-1), np.int64)
        present = [key for key, _ in _split(contest_rows)]
        for index, _heading in self.plan.others:
            flags = columns[index].mark_flags()
            if not flags.any():
                continue
            for contest_index in present:
                in_contest = flags if len(present) == 1 else flags & (contest_rows == contest_index)
                bit = self.bit_of[contest_index].get(index)
                if bit is None:
                    if in_contest.any():
                        raise FastPathUnavailable("a mark outside the contest's candidates")
                    continue
                masks |= np.left_shift(in_contest.view(np.uint8), bit, dtype=np.int64)
        return masks

    def _list_masks(self, pieces: Pieces, contest_rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Return the marks of ``choices`` cells, parsing each *distinct piece* between ";" once.

        The cells are split on ";"; each distinct piece is read as :func:`~.layout.parse_choices`
        reads it (cleaned, matched to a candidate, empty pieces skipped), and a row's mask is the OR
        of its pieces' bits.  A candidate named twice in a cell (the sum of the bits differs from
        their OR), a piece that names no candidate, or one matched only without its diacritics is
        left to the exact reader.
        """
        offsets, indices, values = pieces
        present = [key for key, _ in _split(contest_rows)]
        table = np.zeros((len(self.contests), max(len(values), 1)), dtype=np.int64)
        if len(present) == 1:
            table[present[0]] = [self._choice_bits(present[0], value) for value in values]
            bits = table[present[0]][indices]
        else:
            # Each contest reads only the pieces of its own rows: a name may be a candidate of one only.
            piece_contests = np.repeat(contest_rows, np.diff(offsets))
            for contest_index in present:
                used = np.unique(indices[piece_contests == contest_index]).tolist()
                table[contest_index, used] = [self._choice_bits(contest_index, values[i]) for i in used]
            bits = table[piece_contests, indices]
        return _or_of_pieces(offsets, bits)

    def known_pieces(self) -> tuple[tuple[str, ...], np.ndarray[Any, Any]] | None:
        """For a list layout of one contest: its ids as typed, and the empty piece, with the marks each stands for.

        The reading threads then compute a batch's marks themselves when every piece is one of
        these (:func:`_prepared_batch`).  None for other files, or when an id does not read as
        its own candidate's mark alone.
        """
        fixed = self.plan.fixed
        if self.plan.layout != "list" or fixed is None:
            return None
        known = (*fixed.ids, "")
        index = self.contests.index(fixed)
        try:
            bits = np.asarray([self._choice_bits(index, text) for text in known], dtype=np.int64)
        except FastPathUnavailable:
            return None
        return known, bits

    def _choice_bits(self, contest_index: int, text: str) -> int:
        """Return the mask of the candidates a ``choices`` cell names (cached: the same cells recur)."""
        key = (contest_index, text)
        found = self.choice_cache.get(key)
        if found is None:
            contest = self.contests[contest_index]
            parsed = parse_choices(text, self.plan.matchers[contest.id], self.plan.strict_names)
            if parsed.error is not None:
                raise FastPathUnavailable("a choices cell that does not read")
            if parsed.loose:
                raise FastPathUnavailable("a name typed without diacritics, to be noted at its row")
            order = contest.ids
            found = self.choice_cache[key] = sum(1 << order.index(cid) for cid in parsed.chosen)
        return found

    def row_arrays(
        self, columns: dict[int, Column], rows: int
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Return each row of a batch as :meth:`add` reads it: contest (index), round, declared code, marks.

        For a second pass over a file already counted (the audit's per-ballot listing): the same
        checks, nothing counted, no ids recorded.  Declared codes index :attr:`declared`.
        """
        contest_rows = self._contest_rows(columns, rows)
        return contest_rows, *self._rows(columns, contest_rows, rows, None)

    def _rows(
        self,
        columns: dict[int, Column],
        contest_rows: np.ndarray[Any, Any],
        rows: int,
        pieces: Pieces | None,
        masks: np.ndarray[Any, Any] | None = None,
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Check a batch's cells and return each row's round, declared code and marks (``masks``, if already known)."""
        for index in self.unused:
            if not columns[index].all_blank():
                raise FastPathUnavailable("text in an unused column")
        for column in columns.values():
            column.check_plain()
        return (
            self._rounds(columns, rows),
            self._declared(columns, rows),
            self._marks(columns, contest_rows, rows, pieces) if masks is None else masks,
        )

    def add(
        self,
        columns: dict[int, Column],
        ids: np.ndarray[Any, Any] | list[str],
        rows: int,
        form: IdForm = None,
        pieces: Pieces | None = None,
        masks: np.ndarray[Any, Any] | None = None,
    ) -> None:
        """Count one batch: ``columns`` are its cells by column index; ``ids`` the ballot ids (numbers or text).

        ``form`` says how ids given as numbers were typed (:meth:`IdRegistry.add_numbers`);
        ``pieces``, the ``choices`` cells already split (:func:`_split_choices`), if they were;
        ``masks``, each row's marks, if a reading thread computed them (:meth:`known_pieces`).
        """
        contest_rows = self._contest_rows(columns, rows)
        keep = self.counted[contest_rows]
        if not keep.all():
            # Rows of contests not asked for: counted as skipped, read no further (as the exact reader does).
            if self.plan.fixed is not None and (isinstance(ids, list) and not all(ids)):
                raise FastPathUnavailable("a row without an id, perhaps blank, in a file skipped unread")
            skipped = np.bincount(contest_rows[~keep], minlength=len(self.contests))
            for index in np.flatnonzero(skipped).tolist():
                self.skipped[self.contests[index].id] += int(skipped[index])
            if not keep.any():
                return
            columns = {i: column.kept(keep) for i, column in columns.items()}
            ids = [v for v, k in zip(ids, keep.tolist(), strict=True) if k] if isinstance(ids, list) else ids[keep]
            rows, contest_rows, pieces, masks = int(keep.sum()), contest_rows[keep], None, None
        rounds, declared, masks = self._rows(columns, contest_rows, rows, pieces, masks)
        round_span = int(rounds.max()) + 1
        groups = contest_rows * round_span + rounds
        for group, selector in _split(groups):
            key = (self.contests[group // round_span].id, group % round_span)
            if isinstance(ids, list):
                chosen = ids if selector is None else [v for v, keep in zip(ids, selector, strict=True) if keep]
                self.registry.add_texts(key, chosen)
            else:
                self.registry.add_numbers(key, ids if selector is None else ids[selector], form)
        # Group the rows by (contest, round, declared reason); within a group, count each distinct mask.
        declared_span = len(self.declared)
        for group_key, selector in _split(groups * declared_span + declared):
            rest, code = divmod(group_key, declared_span)
            contest_index, round_number = divmod(rest, round_span)
            self._count((contest_index, round_number, code), masks if selector is None else masks[selector])

    def _count(self, slot: tuple[int, int, int], masks: np.ndarray[Any, Any]) -> None:
        """Add the marks of some rows of one (contest, round, declared reason) to its counts.

        A contest of up to :data:`DENSE_BITS` candidates is counted in a table of every possible
        mask (a counter per mask: no sort, and memory that does not grow with the ballots), while
        the tables stay within :data:`DENSE_BUDGET` bytes; other slots keep the distinct masks of
        each batch with their counts, merged every few batches.
        """
        dense = self.dense.get(slot)
        if dense is None and slot not in self.parts:
            size = 1 << len(self.contests[slot[0]].candidates)
            if size <= 1 << DENSE_BITS and self.dense_bytes + 8 * size <= DENSE_BUDGET:
                dense = self.dense[slot] = np.zeros(size, dtype=np.int64)
                self.dense_bytes += 8 * size
        if dense is not None:
            np.add.at(dense, masks, 1)
            return
        unique_masks, counts = np.unique(masks, return_counts=True)
        parts = self.parts.setdefault(slot, [])
        parts.append((unique_masks, counts))
        if len(parts) >= 8:
            parts[:] = [_merge(parts)]

    def into(self, groups: BallotGroups) -> None:
        """Add the counted contents to ``groups``, as arrays (one :class:`MaskedContents` per contest and round)."""
        texts = [text for text, _code in sorted(self.declared.items(), key=lambda item: item[1])]
        collected: dict[tuple[int, int], list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], int]]] = {}
        # Each table is let go as soon as its contents are out (a dense one is 8 MB): at ten million
        # ballots this was the moment of the highest memory.
        for contest_index, round_number, declared_code in list(self.parts):
            unique_masks, totals = _merge(self.parts.pop((contest_index, round_number, declared_code)))
            collected.setdefault((contest_index, round_number), []).append((unique_masks, totals, declared_code))
        for contest_index, round_number, declared_code in list(self.dense):
            dense = self.dense.pop((contest_index, round_number, declared_code))
            unique_masks = np.flatnonzero(dense).astype(np.int64)
            found = (unique_masks, dense[unique_masks], declared_code)
            del dense
            collected.setdefault((contest_index, round_number), []).append(found)
        for contest_index, round_number in list(collected):
            pieces = collected.pop((contest_index, round_number))
            contest = self.contests[contest_index]
            strikes = self.plan.layout == "wide" and contest.style == Style.strike
            masks = np.concatenate([m for m, _, _ in pieces])
            counts = np.concatenate([c for _, c, _ in pieces])
            codes = np.concatenate([np.full(m.size, code, dtype=np.int64) for m, _, code in pieces])
            del pieces
            contents = MaskedContents(contest.ids, strikes, tuple(texts), masks, codes, counts)
            groups.add_masked(contest.id, round_number, contents)
        groups.skipped.update(self.skipped)
        if self.plan.fixed is None or self.counted[self.contests.index(self.plan.fixed)]:
            groups.notices.extend(self.plan.notices)  # a file skipped unread says nothing of its header


def _set_bits(values: np.ndarray[Any, Any]) -> int:
    """Return how many bits are set in all of ``values`` (int64) together."""
    count = getattr(np, "bitwise_count", None)  # numpy 2.0 and later
    if count is not None:
        return int(count(values.view(np.uint64)).sum(dtype=np.int64))  # (of a signed value it counts |value|)
    return int(np.count_nonzero(np.unpackbits(values.view(np.uint8))))


def _or_of_pieces(offsets: np.ndarray[Any, Any], bits: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Return each row's marks, the OR of the bits of its pieces (rows delimited by ``offsets``, none empty).

    A candidate named twice in a cell is left to the exact reader, which reports it.  Adding two
    numbers loses one set bit per carry, so the rows' sums hold as many set bits as their pieces
    exactly when no two pieces of a row share a bit; the sums are then the ORs.  This holds when
    a sum wraps around (nine times the 62nd candidate's bit is that bit again, in 64 bits: a
    comparison of sum and OR missed it).
    """
    starts = offsets[:-1] - offsets[0]
    sums: np.ndarray[Any, Any] = np.add.reduceat(bits, starts)
    if _set_bits(sums) != _set_bits(bits):
        raise FastPathUnavailable("a candidate named twice in a choices cell")
    return sums


def _split(keys: np.ndarray[Any, Any]) -> Iterator[tuple[int, np.ndarray[Any, Any] | None]]:
    """Yield each distinct value of ``keys`` (small non-negative ints) with the rows that have it (None: every row)."""
    if keys.size == 0:
        return
    low, high = int(keys.min()), int(keys.max())
    if low == high:
        yield low, None
        return
    values = np.flatnonzero(np.bincount(keys - low)) + low if high - low < 1 << 20 else np.unique(keys)
    for value in values.tolist():
        yield value, keys == value


def _merge(
    parts: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Merge (distinct masks, counts) pairs into one: memory follows the distinct contents, not the rows."""
    masks = np.concatenate([m for m, _ in parts])
    counts = np.concatenate([c for _, c in parts])
    unique_masks, inverse = np.unique(masks, return_inverse=True)
    totals = np.zeros(unique_masks.size, dtype=np.int64)
    np.add.at(totals, inverse.reshape(-1), counts)
    return unique_masks, totals


def _bits(values: int) -> int:
    """Return the bits needed to store 0 .. values - 1."""
    return max(1, (values - 1).bit_length())


def _header(path: Path) -> tuple[list[str], str]:
    with path.open("rb") as handle:
        head = handle.read(1 << 20)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FastPathUnavailable("a UTF-16 file")
    if b"\n" not in head and len(head) == 1 << 20:  # a header line of over 1 MB: not planned from a part of it
        raise FastPathUnavailable("a header line of over 1 MB")
    text = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    if b"\r" in text:  # lines ended by CR alone: left to the exact reader
        raise FastPathUnavailable
    try:
        line = text.decode("utf-8")
    except UnicodeDecodeError:
        raise FastPathUnavailable("a header that is not UTF-8") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(line)
    header = next(csv.reader([line], delimiter=delimiter), [])
    if not header or "\r" in line:
        raise FastPathUnavailable("an empty header or a bare CR")
    return header, delimiter


def _csv_batches(
    path: Path,
    header: list[str],
    delimiter: str,
    progress: Progress | None,
    prepare: Callable[[Any], Any],
    as_bytes: frozenset[int] = frozenset(),
) -> Iterator[Any]:
    """Yield ``prepare(batch)`` for each batch of rows of the file, in order, parsed and prepared on two threads.

    The rows after the header come in pieces of about :data:`PIECE_SIZE` bytes, each ended by a
    newline (:func:`_pieces`; the file holds no quote character, so no cell spans two lines).
    Each piece is parsed by pyarrow and prepared on one of :data:`PARSERS` threads (pyarrow and
    numpy let go of the GIL) while the caller works on the piece before; at most ``PARSERS + 1``
    pieces are in hand at once, so memory does not grow with the file.

    The columns ``as_bytes`` (indices) are read as bytes, without Arrow's UTF-8 check (a fifth of
    the parsing): the UTF-8 is checked where text is needed, on distinct values (one-byte mark
    cells are ASCII or refused; :meth:`ArrowColumn.encoded`, :func:`_split_choices`; ids of one
    width are ASCII digits after an ASCII prefix, others are cast to text, :func:`_batch_ids`).
    """
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    names = [f"c{i}" for i in range(len(header))]
    parse_options = pa_csv.ParseOptions(delimiter=delimiter)
    convert_options = pa_csv.ConvertOptions(
        column_types={name: pa.binary() if i in as_bytes else pa.string() for i, name in enumerate(names)},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )

    def parse(piece: bytes) -> Any:
        read_options = pa_csv.ReadOptions(column_names=names, block_size=len(piece) + 1, use_threads=False)
        table = pa_csv.read_csv(
            pa.py_buffer(piece), read_options=read_options, parse_options=parse_options, convert_options=convert_options
        )
        batches = table.combine_chunks().to_batches()
        return prepare(batches[0]) if batches else None  # None: blank lines only

    makers = (functools.partial(parse, piece) for piece in _pieces(path, progress))
    try:
        for prepared in in_order(makers, ahead=PARSERS + 1, workers=PARSERS):
            if prepared is not None:
                yield prepared
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError, UnicodeDecodeError):
        raise FastPathUnavailable("rows that do not fit the header") from None


def _pieces(path: Path, progress: Progress | None) -> Iterator[bytes]:
    """Yield the file's bytes after the header line in pieces of about :data:`PIECE_SIZE`, each ended by a newline.

    The last piece is what follows the last newline, if anything.  A NUL byte or a quote
    character (" and the ' of a quoted cell) anywhere, the header included, is refused: the exact
    reader reads such files.  ``progress`` is told the bytes read.
    """
    with path.open("rb") as handle:
        header = handle.readline()  # read by _header
        _check_plain(header)
        if progress is not None:
            progress(len(header))
        rest = b""
        while block := handle.read(PIECE_SIZE):
            _check_plain(block)
            if progress is not None:
                progress(len(block))
            data = rest + block if rest else block
            cut = data.rfind(b"\n") + 1
            if cut:
                yield data[:cut]
            rest = data[cut:]
            if len(rest) > _LONGEST_LINE:  # lines ended by CR alone, or no line at all: not held whole
                raise FastPathUnavailable("no line end in 8 MB")
        if rest:
            yield rest


_LONGEST_LINE = 8 << 20
"""Bytes without a newline after which a file is left to the exact reader (a ballot's line is short)."""


def _check_plain(data: bytes) -> None:
    """Refuse a NUL byte or a quote character: a file with any is left to the exact reader."""
    if b"\x00" in data or b'"' in data or b"'" in data:
        raise FastPathUnavailable("a NUL byte or a quote character")


def _prepared_batch(
    plan: HeaderPlan,
    columns_count: int,
    known: tuple[tuple[str, ...], np.ndarray[Any, Any]] | None = None,
    every_contest: bool = True,
) -> Callable[[Any], _Batch]:
    """Return what prepares a parsed batch for :meth:`_Aggregator.add`, on a reading thread (no shared state).

    ``known`` (:meth:`_Aggregator.known_pieces`): the texts a one-contest list layout's pieces
    usually are, with their marks.  A batch gets its marks here when its cells are ids of one
    width joined by ";" (:class:`_SameWidthIds`, read by arithmetic), else when its pieces, split,
    are all among ``known``; any other piece (a name, a space) and the batch's pieces are told
    apart and read on the counting thread.  ``every_contest``: the contest, round and declared
    columns are dictionary-encoded here too (not when some contests' rows are to be skipped
    unread: their cells must not be read).
    """
    id_index = plan.reserved["ballot_id"]
    choices = plan.reserved.get("choices") if plan.layout == "list" else None
    same_width = None if known is None else _SameWidthIds.of(*known)
    # Their distinct values are what the counting thread reads.  When some contests are skipped
    # unread (--contest), their rows' cells are never read: the counting thread encodes what is left.
    names = ("contest", "round", "invalid") if every_contest else ()
    texts = {plan.reserved[name] for name in names if name in plan.reserved}

    def prepare(batch: Any) -> _Batch:
        columns: dict[int, Column] = {i: ArrowColumn(batch.column(i)) for i in range(columns_count) if i != id_index}
        for index in texts:
            columns[index] = columns[index].encoded()
        pieces, masks = None, None
        if choices is not None and batch.num_rows:
            masks = None if same_width is None else same_width.masks(batch.column(choices))
            if masks is None:
                pieces = _split_choices(batch.column(choices), None if known is None else known[0])
                if known is not None and pieces[2] == list(known[0]):
                    masks = _or_of_pieces(pieces[0], known[1][pieces[1]])
        ids, form = _batch_ids(batch.column(id_index)) if batch.num_rows else ([], None)
        return _Batch(columns, batch.num_rows, ids, form, pieces, masks)

    return prepare


@dataclass(frozen=True)
class _SameWidthIds:
    """A contest's ids when all are as many bytes long: ``choices`` cells of such ids are read by arithmetic.

    A cell of ``k`` ids of ``width`` bytes joined by ";" is ``k * (width + 1) - 1`` bytes long, and
    its ids begin every ``width + 1`` bytes: no split, no list of pieces.  An id's bytes are read
    as the digits of a number in mixed radix (byte ``p`` is a digit among the bytes the ids have
    at ``p``), and that number indexes a table of the ids' marks.
    """

    width: int
    place_values: np.ndarray[Any, Any]
    """Per byte place, per byte value: the value it adds to the index (past the table if no id has it there)."""
    marks: np.ndarray[Any, Any]
    """Per index: the mark of the id it stands for, -1 for no id (the last entry: any byte no id has)."""

    _LARGEST_TABLE = 1 << 16

    @classmethod
    def of(cls, texts: tuple[str, ...], bits: np.ndarray[Any, Any]) -> _SameWidthIds | None:
        """Return the reading of ``texts`` (:meth:`_Aggregator.known_pieces`: ids, then ""), or None.

        None when the ids are not all as many bytes long, one holds a ";" or does not stand for
        one candidate, or their bytes at each place make too many combinations for a small table.
        """
        ids = [(text.encode("utf-8"), int(bit)) for text, bit in zip(texts, bits, strict=True) if text]
        widths = {len(raw) for raw, _ in ids}
        if len(widths) != 1 or any(b";" in raw or bit <= 0 or bit & (bit - 1) for raw, bit in ids):
            return None  # (each id one candidate's bit: the check of a unit named twice counts bits)
        width = widths.pop()
        digits = [sorted({raw[place] for raw, _ in ids}) for place in range(width)]
        size = math.prod(len(found) for found in digits)
        if size > cls._LARGEST_TABLE:
            return None
        place_values = np.full((width, 256), size, dtype=np.int64)  # a byte no id has there: past the table
        weight = 1
        for place in reversed(range(width)):
            place_values[place, digits[place]] = np.arange(len(digits[place])) * weight
            weight *= len(digits[place])
        marks = np.full(size + 1, -1, dtype=np.int64)
        for raw, bit in ids:
            marks[sum(int(place_values[place, byte]) for place, byte in enumerate(raw))] = bit
        return cls(width, place_values, marks)

    def masks(self, column: Any) -> np.ndarray[Any, Any] | None:
        """Return each row's marks when every cell is empty or ids joined by ";" exactly; else None.

        A unit named twice in a cell is refused (:class:`FastPathUnavailable`), as
        :func:`_or_of_pieces` refuses it.  Anything else (a space, a name, ";;") gives None: the
        cells are then split the general way.
        """
        import pyarrow as pa

        size = len(column)
        if column.null_count or not (pa.types.is_binary(column.type) or pa.types.is_string(column.type)):
            return None  # (a large binary's offsets are int64)
        offsets = value_offsets(column)
        data = np.frombuffer(column.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        lengths = np.diff(offsets)
        step = self.width + 1
        counts, rest = np.divmod(lengths + 1, step)
        if ((rest == 0) != (lengths > 0)).any():  # an empty cell has no id (1 // step is 0, 1 % step is 1)
            return None
        counts = counts[counts > 0].astype(np.int64)  # the ids of each row that has any
        total = int(counts.sum())
        masks = np.zeros(size, dtype=np.int64)
        # The bytes between ids are ";" when there are as many ";" as places between ids: the
        # other bytes are checked to be ids', and no id holds a ";".
        if np.count_nonzero(data == ord(";")) != total - counts.size:
            return None
        if not total:
            return masks
        # Where each id begins: every step bytes within a row, then the jump to the next row's first.
        row_starts = (offsets[:-1] - offsets[0])[lengths > 0].astype(np.int64)
        first = np.cumsum(counts) - counts  # the index of each row's first id among the batch's
        starts = np.full(total, step, dtype=np.int64)
        starts[first] = row_starts
        starts[first[1:]] -= row_starts[:-1] + (counts[:-1] - 1) * step
        np.cumsum(starts, out=starts)
        index = self.place_values[0][data[starts]]
        for place in range(1, self.width):
            index += self.place_values[place][data[starts + place]]
        bits = self.marks[np.minimum(index, self.marks.size - 1, out=index)]
        if (bits < 0).any():
            return None
        masks[lengths > 0] = _or_of_pieces(np.append(first, total), bits)
        return masks


@dataclass
class _Batch:
    """A batch of a CSV file as the reading thread prepared it: its columns, ids and split ``choices`` cells."""

    columns: dict[int, Column]
    rows: int
    ids: np.ndarray[Any, Any] | list[str]
    """The ballot ids, as :func:`_batch_ids` reads them."""
    form: IdForm
    pieces: Pieces | None
    """The ``choices`` cells split on ";" (:func:`_split_choices`), in the list layout; None when :attr:`masks` are."""
    masks: np.ndarray[Any, Any] | None
    """Each row's marks, when the reading thread could compute them (:meth:`_Aggregator.known_pieces`)."""


def _read_csv(
    path: Path, plan: HeaderPlan, aggregator: _Aggregator, header: list[str], delimiter: str, progress: Progress | None
) -> None:
    every = frozenset(range(len(header)))  # all read as bytes: UTF-8 is checked where text is needed
    prepare = _prepared_batch(plan, len(header), aggregator.known_pieces(), aggregator.only is None)
    for batch in _csv_batches(path, header, delimiter, progress, prepare, every):
        if batch.rows:
            aggregator.add(batch.columns, batch.ids, batch.rows, batch.form, batch.pieces, batch.masks)


def _batch_ids(column: Any) -> tuple[np.ndarray[Any, Any] | list[str], IdForm]:
    """Return a batch's ballot ids as numbers where they are whole numbers or one prefix then digits, else as text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    fixed = _fixed_width_ids(column)
    if fixed is not None:
        return fixed
    if pa.types.is_binary(column.type):
        try:
            column = column.cast(pa.string())  # checks the UTF-8
        except pa.ArrowInvalid:
            raise FastPathUnavailable("an id that is not UTF-8") from None
    raw_ids = pc.utf8_trim_whitespace(column)
    if len(raw_ids) and pc.all(pc.utf8_is_decimal(raw_ids)).as_py() and pc.min(pc.utf8_length(raw_ids)).as_py():
        try:
            return view(pc.cast(raw_ids, pa.int64())), None
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return raw_ids.to_pylist(), None
    numbered = _prefixed_numbers(raw_ids)
    if numbered is None:
        return raw_ids.to_pylist(), None
    return numbered


def _split_choices(column: Any, known: tuple[str, ...] | None = None) -> Pieces:
    """Split ``choices`` cells on ";": each row's piece offsets, each piece as an index into the distinct pieces.

    ``known``: texts the pieces are likely to be (a contest's ids): when every piece is one of
    them exactly, the pieces index ``known`` (some perhaps unused); otherwise the distinct pieces
    are found.
    """
    import pyarrow.compute as pc

    split = pc.split_pattern(column, ";")
    flat = pc.list_flatten(split)
    if known is not None:
        found = pc.index_in(flat, value_set=strings(known).cast(flat.type))  # (pa.array would import pandas)
        if found.null_count == 0:
            return view(split.offsets).astype(np.int64), view(found), list(known)
    encoded = pc.dictionary_encode(flat)
    values = encoded.dictionary.to_pylist()
    if values and isinstance(values[0], bytes):  # read as bytes: each distinct piece checked as UTF-8
        try:
            values = [value.decode("utf-8") for value in values]
        except UnicodeDecodeError:
            raise FastPathUnavailable("a choices cell that is not UTF-8") from None
    return view(split.offsets).astype(np.int64), view(encoded.indices), values


def _fixed_width_ids(column: Any) -> tuple[np.ndarray[Any, Any], IdForm] | None:
    """Return the ids of a batch as :func:`_batch_ids` does, read straight from the bytes when all have one width.

    The usual ids (``1``..., ``0000001``..., ``B0000001``...): every id the same number of bytes,
    an optional prefix (that of :func:`_prefixed_numbers`, the same in every id) then ASCII digits,
    nothing to trim.  Their numbers are computed from the digit bytes with numpy; anything else
    gives None (the general way).
    """
    size = len(column)
    if size == 0 or column.null_count:
        return None
    offsets = value_offsets(column)
    width = int(offsets[1] - offsets[0])
    if width == 0 or int(offsets[-1] - offsets[0]) != width * size or not (np.diff(offsets) == width).all():
        return None
    cells = np.frombuffer(column.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]].reshape(size, width)
    first = bytes(cells[0])
    digits_at = len(first) - len(first.lstrip(_PREFIX_CHARACTERS.encode()))
    digits = cells[:, digits_at:]
    if not 1 <= width - digits_at <= 15 or ((digits - 48) > 9).any():  # uint8: a byte below "0" wraps above 9
        return None
    if digits_at and not (cells[:, :digits_at] == cells[0, :digits_at]).all():
        return None
    numbers = np.zeros(size, dtype=np.int64)
    for place in range(width - digits_at):  # one digit column at a time: faster than a product of int64 matrices
        numbers *= 10
        numbers += digits[:, place]
    numbers -= 48 * ((10 ** (width - digits_at) - 1) // 9)  # each digit's byte was its value plus 48 ("0")
    if not digits_at:
        return numbers, None  # whole numbers: 0000007 is 7, as when the text is cast
    return numbers + (10 ** (width - digits_at) - 10) // 9, first[:digits_at].decode("ascii")


_PREFIX_CHARACTERS = "".join(chr(code) for code in range(33, 127) if not chr(code).isdigit())
"""What an id's prefix may be made of: printable ASCII except digits and the space."""


def _prefixed_numbers(ids: Any) -> tuple[np.ndarray[Any, Any], str] | None:
    """Return the ids of a batch as numbers and their prefix, when all are one prefix then digits; else None.

    The prefix is printable ASCII without digits or spaces (``B`` of ``B0000001``, ``PB-`` of
    ``PB-17``).  Such ids are already clean text.  Each id's number stands for its digits *and how
    many there are* (``n`` of ``w`` digits is ``n + (10**w - 10) / 9``: ``B7``, ``B07`` and ``B007``
    differ), so two ids of the prefix are the same text exactly when their numbers are equal: they
    are checked in a bitmap, without Python strings.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(ids) == 0:
        return None
    first = ids[0].as_py()
    digits_at = len(first) - len(first.lstrip(_PREFIX_CHARACTERS))
    prefix = first[:digits_at]
    if not prefix.isascii() or not pc.all(pc.starts_with(ids, prefix)).as_py():
        return None
    digits = pc.utf8_slice_codeunits(ids, digits_at) if prefix else ids
    widths = view(pc.binary_length(digits)).astype(np.int64)
    if widths.min() < 1 or widths.max() > 15 or not pc.all(pc.ascii_is_decimal(digits)).as_py():
        return None  # ascii_is_decimal: 0-9 only, every byte of the rest a digit
    try:
        numbers = view(pc.cast(digits, pa.int64()))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return numbers + (10**widths - 10) // 9, prefix


def _read_xlsx(
    path: Path,
    source: str,
    election: Election,
    registry: IdRegistry,
    groups: BallotGroups,
    sheet: str | None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
) -> None:
    try:
        rows, merged = xlsx_table(path, source, sheet)
    except EmulationVoteError:
        raise FastPathUnavailable("a workbook the exact reader must report on") from None
    if merged:
        raise FastPathUnavailable("merged cells, which the exact reader refuses in a ballot sheet")
    header = [cell_text(v) for v in rows[0]] if rows else []
    if not any(h.strip() for h in header):
        raise FastPathUnavailable("an empty header")
    try:
        names = xlsx_sheet_names(path, source)
        if sheet is None and len(names) > 1:
            raise FastPathUnavailable("a workbook of several sheets, each its contest")
        found = sheet_plan(
            Sheet(source, header, [], name=sheet or (names[0] if names else None)), election, strict_names
        )
    except EmulationVoteError:
        raise FastPathUnavailable("a header that does not plan") from None
    if found is None or found.template is not None:
        raise FastPathUnavailable("a template, whose unused numbers the exact reader leaves out")
    plan = found
    aggregator = _Aggregator(plan, election, registry, only)
    width = len(header)
    body = rows[1:]
    if any(len(row) > width for row in body):
        raise FastPathUnavailable("a row longer than the header")
    columns: dict[int, Encoded] = {}
    for index in range(width):
        codes: dict[Any, int] = {}
        indices = [codes.setdefault(row[index] if index < len(row) else "", len(codes)) for row in body]
        columns[index] = Encoded(np.asarray(indices, dtype=np.int64), [cell_text(v) for v in codes])
    blank = np.ones(len(body), dtype=bool)
    for column in columns.values():
        filled = np.asarray([bool(v.strip()) for v in column.values], dtype=bool)
        blank &= ~filled[column.indices]
    if blank.any():
        keep = ~blank
        columns = {i: Encoded(c.indices[keep], c.values) for i, c in columns.items()}
    id_column = columns.pop(plan.reserved["ballot_id"])
    ids = [id_column.values[i] for i in id_column.indices.tolist()]
    if not ids:
        raise FastPathUnavailable("no ballots")
    aggregator.add(dict(columns), ids, len(ids))
    aggregator.into(groups)


def _quiet_memory_pool() -> None:
    """Use jemalloc for Arrow's buffers where this pyarrow has it: it returns freed blocks sooner."""
    import pyarrow as pa

    with contextlib.suppress(NotImplementedError, AttributeError, pa.ArrowNotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())


def fast_eligible(paths: Sequence[str | Path], encoding: str | None) -> bool:
    """Whether every file can go through the streaming reader (by suffix and encoding)."""
    if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
        return False
    return all(Path(p).suffix.lower() in (*TEXT_SUFFIXES, ".xlsx", ".xlsm") for p in paths)


class StreamingReader:
    """The streaming reader behind the :class:`~emulation_vote.ballots.reader.BallotReader` interface."""

    name = "fast"

    def accepts(self, paths: Sequence[str | Path], encoding: str | None) -> bool:
        """Whether the files can go through this reader at all (by suffix and encoding)."""
        return fast_eligible(paths, encoding)

    def read(self, request: ReadRequest) -> BallotGroups | GaveUp:
        """Stream every file of ``request``; :class:`GaveUp` when any is not plainly valid."""
        if not self.accepts(request.paths, request.encoding):
            return GaveUp("a file type or encoding the streaming reader does not read")
        return read_groups_fast(
            request.paths, request.election, request.sheet, request.progress, request.strict_names, request.only
        )


def read_groups_fast(
    paths: Sequence[str | Path],
    election: Election,
    sheet: str | None = None,
    progress: Progress | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
) -> BallotGroups | GaveUp:
    """Read every file with the streaming reader, or give up (:class:`GaveUp`, saying why) for the exact one.

    ``only`` (contest ids): the rows of other contests are skipped unread and counted in ``skipped``.
    """
    try:
        return _read_groups(paths, election, sheet, progress, strict_names, only)
    except FastPathUnavailable as exc:
        return GaveUp(str(exc) or "a file the streaming reader cannot vouch for")


def _read_groups(
    paths: Sequence[str | Path],
    election: Election,
    sheet: str | None,
    progress: Progress | None,
    strict_names: bool,
    only: frozenset[str] | None = None,
) -> BallotGroups:
    try:
        import pyarrow  # noqa: F401 - only checks the streaming reader's dependency is there
    except ImportError:
        raise FastPathUnavailable("pyarrow is not installed") from None
    _quiet_memory_pool()
    registry = IdRegistry()
    groups = BallotGroups(sources=tuple(str(p) for p in paths))
    for path in map(Path, paths):
        if not path.is_file():
            raise FastPathUnavailable("not a file")
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            _read_xlsx(path, str(path), election, registry, groups, sheet, strict_names, only)
            continue
        header, delimiter = _header(path)
        try:
            plan = plan_header(header, str(path), election, strict_names)
        except EmulationVoteError:
            raise FastPathUnavailable("a header that does not plan") from None
        if plan.template is not None:
            raise FastPathUnavailable("a template, whose unused numbers the exact reader leaves out")
        aggregator = _Aggregator(plan, election, registry, only)
        _read_csv(path, plan, aggregator, header, delimiter, progress)
        if not aggregator.parts and not aggregator.dense and not aggregator.skipped:
            raise FastPathUnavailable("no ballots")
        aggregator.into(groups)
    return groups

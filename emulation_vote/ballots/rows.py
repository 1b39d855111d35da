"""A second, per-row pass over a text file the streaming reader counted: each ballot's place and content.

The audit lists every ballot; the count keeps none.  This reads the file again in column batches,
as :mod:`emulation_vote.ballots.fast` does, and gives each row as arrays: its row number (as a
spreadsheet shows it), ballot id, contest, round, declared reason and marks.  Memory stays flat:
one batch at a time.

It reads only files the streaming reader counted, and only those whose rows it numbers as the
exact reader does: a file with blank lines between its rows (the exact reader counts them, the
batches skip them), a workbook or a template is refused up front (:func:`row_batches` returns
None), to be read ballot by ballot instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from emulation_vote.arrow import strings
from emulation_vote.ballots.fast import (
    TEXT_SUFFIXES,
    ArrowColumn,
    Column,
    FastPathUnavailable,
    IdRegistry,
    _Aggregator,
    _csv_batches,
    _header,
)
from emulation_vote.ballots.layout import plan_header
from emulation_vote.election import Election
from emulation_vote.errors import BallotFileError, EmulationVoteError
from emulation_vote.text import clean


@dataclass(frozen=True)
class RowBatch:
    """Consecutive rows of one file, as arrays (one entry per row, in row order).

    ``contests`` index the election's contests; ``masks`` have bit ``b`` set when the row marks
    its contest's ``ids[b]`` (the marks strike the names out when ``wide`` and the contest is a
    strike-out one); ``declared`` index ``texts``, the declared reasons (None: none).  ``ids``
    are the ballot ids as the exact reader cleans them (a pyarrow string array); ``notes`` the
    clerk's notes (None when the file has no note column).
    """

    source: str
    rows: np.ndarray[Any, Any]
    ids: Any
    contests: np.ndarray[Any, Any]
    rounds: np.ndarray[Any, Any]
    declared: np.ndarray[Any, Any]
    texts: tuple[str | None, ...]
    masks: np.ndarray[Any, Any]
    wide: bool
    notes: list[str | None] | None


def row_batches(path: Path, election: Election, strict_names: bool = False) -> Iterator[RowBatch] | None:
    """Return the rows of the text file at ``path`` in batches, or None when they must be read ballot by ballot.

    Only for a file the streaming reader has counted: should it refuse the file half-way after
    all, the file changed since it was counted: :class:`~emulation_vote.errors.BallotFileError`
    (``file.changed``).
    """
    if path.suffix.lower() not in TEXT_SUFFIXES or _blank_lines(path):
        return None
    try:
        header, delimiter = _header(path)
        plan = plan_header(header, str(path), election, strict_names)
        if plan.template is not None:
            return None
        aggregator = _Aggregator(plan, election, IdRegistry())
    except (FastPathUnavailable, EmulationVoteError, OSError):
        return None
    return _batches(path, aggregator, header, delimiter)


def header_columns(path: Path, election: Election) -> frozenset[str] | None:
    """Return the special columns (``note``, ``voter``, ``contest``...) a text file's header has; None if unknown."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        header, _delimiter = _header(path)
        return frozenset(plan_header(header, str(path), election).reserved)
    except (FastPathUnavailable, EmulationVoteError, OSError):
        return None


def _batches(path: Path, aggregator: _Aggregator, header: list[str], delimiter: str) -> Iterator[RowBatch]:
    import pyarrow.compute as pc

    plan = aggregator.plan
    id_index = plan.reserved["ballot_id"]
    note_index = plan.reserved.get("note")
    first = 2  # the header is row 1
    try:
        for batch in _csv_batches(path, header, delimiter, None, _as_read):
            count = batch.num_rows
            if count == 0:
                continue
            columns: dict[int, Column] = {i: ArrowColumn(batch.column(i)) for i in range(len(header)) if i != id_index}
            contests, rounds, declared, masks = aggregator.row_arrays(columns, count)
            notes = None
            if note_index is not None:
                encoded = columns[note_index].encoded()
                cleaned = [clean(value) or None for value in encoded.values]
                notes = [cleaned[i] for i in encoded.indices.tolist()]
            texts = tuple(text for text, _code in sorted(aggregator.declared.items(), key=lambda item: item[1]))
            yield RowBatch(
                str(path),
                np.arange(first, first + count, dtype=np.int64),
                _clean_ids(pc.utf8_trim_whitespace(batch.column(id_index))),
                contests,
                rounds,
                declared,
                texts,
                masks,
                plan.layout == "wide",
                notes,
            )
            first += count
    except FastPathUnavailable as exc:
        raise BallotFileError("file.changed", file=str(path)) from exc


def _clean_ids(ids: Any) -> Any:
    """Return the ids as :func:`~emulation_vote.text.clean` makes them (vectorised when plain ASCII)."""
    import pyarrow.compute as pc

    plain = pc.all(pc.string_is_ascii(ids)).as_py() is not False
    if plain and not pc.any(pc.match_substring_regex(ids, r"[\x00-\x20\x7f]")).as_py():
        return ids  # trimmed already; nothing left to fold or normalise
    return strings([clean(value) for value in ids.to_pylist()])


def _blank_lines(path: Path) -> bool:
    """Whether the file has an empty line before its last row (the exact reader numbers those lines)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            handle.seek(max(0, size - 4096))
            tail = handle.read()
            end = size - (len(tail) - len(tail.rstrip(b"\r\n")))
            handle.seek(0)
            previous = b""
            position = 0
            while position < end:
                block = handle.read(min(1 << 20, end - position))
                if not block:
                    break
                joined = previous + block
                if b"\n\n" in joined or b"\r\r" in joined or b"\n\r" in joined:
                    return True
                previous = block[-1:]
                position += len(block)
    except OSError:
        return True
    return False


def _as_read(batch: Any) -> Any:
    """Hand a batch on as parsed (the count's preparing of ids and choices is not needed here)."""
    return batch

"""The tally as CSV: one row per candidate per contest round, for Excel and scripts.

Every CSV the tool writes goes through :func:`write_rows`: UTF-8 with a BOM (so Excel shows
Vietnamese), CRLF line ends, and text cells made safe against formula injection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from emulation_vote.record import ElectionRecord

TALLY_COLUMNS = (
    "contest",
    "round",
    "rank",
    "candidate_id",
    "candidate_name",
    "votes",
    "percent",
    "meets_threshold",
    "status",
    "base",
    "base_count",
    "votes_needed",
    "seats",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Return a cell's text, prefixed with ``'`` when it starts like a formula (``= + - @``, tab, CR).

    Numbers pass unchanged, so a negative count would stay a number (the tool writes none).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_line(row: Sequence[object]) -> str:
    """Return one CSV record (CRLF-terminated), every cell through :func:`safe_cell`."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return CSV text (with a leading BOM) of ``header`` and ``rows``, every cell through :func:`safe_cell`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def render_csv(record: ElectionRecord) -> str:
    """Render the tally: one row per candidate of every contest round, by rank."""
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            threshold = rnd.threshold
            for c in rnd.candidates:
                rows.append(
                    (
                        result.contest.id,
                        rnd.number,
                        c.rank,
                        c.id,
                        c.name,
                        c.votes,
                        str(c.percent),
                        c.meets_threshold,
                        c.status,
                        threshold.of,
                        threshold.base_count,
                        "" if threshold.votes_needed is None else threshold.votes_needed,
                        rnd.seats,
                    )
                )
    return write_rows(TALLY_COLUMNS, rows)

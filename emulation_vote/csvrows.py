"""CSV text as the tool writes it: UTF-8 with a BOM (so Excel shows Vietnamese), CRLF line ends, safe cells.

A leaf used by the renderers and by ``enter`` (which appends rows to a ballot file): every CSV cell
goes through :func:`safe_cell`, which defuses text Excel would run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from emulation_vote.text import QUOTED_START


def safe_cell(value: object) -> str:
    """Return a cell's text, prefixed with ``'`` when it starts like a formula (``= + - @``, tab, CR) or with ``'``.

    The ballot readers take that one ``'`` off again (:func:`emulation_vote.text.unquote_cell`), so
    what the tool writes reads back unchanged: ``-5`` is written ``'-5`` and read ``-5``, ``'x`` is
    written ``''x`` and read ``'x``.  Numbers pass unchanged, so a negative count would stay a number
    (the tool writes none).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(QUOTED_START) else text


def csv_line(row: Sequence[object]) -> str:
    """Return one CSV record (CRLF-terminated), every cell through :func:`safe_cell`."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    """Return CSV text (with a leading BOM) of ``header`` and ``rows``, every cell through :func:`safe_cell`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()

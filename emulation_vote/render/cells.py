"""The one rule for text in the workbooks the tool writes: a cell never holds a formula.

openpyxl stores a string starting with ``=`` as a formula, so a unit named ``=HYPERLINK(...)``
or ``=1+1`` would run in Excel, and a heading would no longer read back as the name.  No
workbook the tool writes has a formula of its own: every cell openpyxl took for one is made
text again, as it was given, before the workbook is saved.
"""

from __future__ import annotations

import io
from typing import Any


def saved(book: Any) -> bytes:
    """Return ``book`` (an openpyxl Workbook) as .xlsx bytes, every cell that would be a formula kept as text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

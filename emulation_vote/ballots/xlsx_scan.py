"""A quick pass over a workbook sheet's XML before its cells are read.

python-calamine reads a formula cell that carries no cached value (workbooks written by openpyxl
and many other generators) as an empty cell, and it allocates the whole rectangle from A1 to the
farthest cell holding a value: one stray value at XFD1048576 asks for hundreds of gigabytes.
:func:`scan_sheet` finds both in one streaming pass over the sheet's XML, so that the reader can
refuse the file with the cell named, before anything large is allocated.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

from emulation_vote.errors import BallotFileError

#: The largest sheet rectangle (rows x columns, from A1) read at all, whatever it holds.
MAX_AREA = 40_000_000
#: A rectangle at most this many times its value cells (plus a margin) is read; larger is refused.
SPARSE_FACTOR = 8
SPARSE_MARGIN = 1_000_000

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_CELL = re.compile(rb"<" + _PREFIX + rb"(c|row)\b([^>]*?)(/>|>)", re.S)
_REF = re.compile(rb'\br\s*=\s*["\']([A-Za-z]*)(\d+)["\']')
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c\s*>")
_FORMULA = re.compile(rb"<" + _PREFIX + rb"f\b")
_VALUE = re.compile(rb"<" + _PREFIX + rb"(?:v\b[^>]*>[^<]|is\b)")
_MERGE = re.compile(rb"<" + _PREFIX + rb"mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)[\"']")
_CHUNK = 1 << 20

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class SheetScan:
    """What the pass found: the farthest row and column holding a value, and how many cells hold one."""

    max_row: int
    max_column: int
    cells: int
    merged: tuple[tuple[str, int, int], ...] = ()
    """The sheet's merged ranges, in order: each as Excel names it ("C3:D3"), its top row and its bottom row."""


def column_number(letters: str) -> int:
    """Return the 1-based number of a column given by its letters (``"A"`` -> 1, ``"XFD"`` -> 16384)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """Return the letters of the 1-based column ``number`` (``28`` -> ``"AB"``)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_member(book: zipfile.ZipFile, sheet: str | None) -> str | None:
    """Return the zip member holding ``sheet`` (the first sheet when None), or None if it cannot be told."""
    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError):
        return None
    sheets = workbook.findall(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet")
    chosen = next((s for s in sheets if sheet is None or s.get("name") == sheet), None)
    if chosen is None:
        return None
    rel_id = chosen.get(f"{_REL_NS}id")
    for rel in rels.findall(f"{_PKG_NS}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target") or ""
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            return member if member in book.namelist() else None
    return None


def scan_sheet(path: str, source: str, sheet: str | None) -> SheetScan | None:
    """Scan the sheet's XML: refuse a formula without a cached value, or a used range far beyond its cells.

    Merged ranges are listed, not refused: a sheet of instructions may merge its lines; whether
    the sheet holds ballots (where no merge is allowed) is told by its header (:func:`refuse_merged`).

    Returns None when the workbook's structure cannot be followed (the reader then reports
    what is wrong with it).  Raises :class:`BallotFileError` naming the cell.
    """
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    with book:
        member = sheet_member(book, sheet)
        if member is None:
            return None
        try:
            with book.open(member) as stream:
                scan = _scan(stream, source)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
            return None
    area = scan.max_row * scan.max_column
    if area > MAX_AREA or area > SPARSE_FACTOR * scan.cells + SPARSE_MARGIN:
        raise BallotFileError(
            "xlsx.used_range",
            file=source,
            cell=f"{column_letters(scan.max_column)}{scan.max_row}",
            cells=scan.cells,
            limit=MAX_AREA,
        )
    return scan


def refuse_merged(merged: tuple[tuple[str, int, int], ...], source: str, sheet: str | None) -> None:
    """Refuse a sheet read as ballots that has merged cells, naming the first range.

    A merged range holds its value in its top-left cell only: cells merged down several rows would
    count a mark or a reason for the first ballot alone, and merged along a row they leave the
    other columns empty, or shift what a clerk thinks is typed where.
    """
    if not merged:
        return
    ranged, top, bottom = next((m for m in merged if m[2] > m[1]), merged[0])  # down several rows first
    key = "xlsx.merged_rows" if bottom > top else "xlsx.merged"
    raise BallotFileError(key, file=source, row=top, range=ranged, sheet=sheet or "1")


def _scan(stream: IO[bytes], source: str) -> SheetScan:
    max_row = max_column = cells = 0
    merged: list[tuple[str, int, int]] = []
    row = 0
    column = 0
    buffer = b""
    while True:
        chunk = stream.read(_CHUNK)
        buffer += chunk
        position = 0
        while True:
            match = _CELL.search(buffer, position)
            if match is None:
                break
            kind, attributes, close = match.group(1), match.group(2), match.group(3)
            body = b""
            end = match.end()
            if kind == b"c" and close == b">":
                closing = _CELL_END.search(buffer, end)
                if closing is None:
                    break  # the cell continues in the next chunk
                body = buffer[end : closing.start()]
                end = closing.end()
            ref = _REF.search(attributes)
            if kind == b"row":
                row = int(ref.group(2)) if ref else row + 1
                column = 0
            else:
                if ref and ref.group(1):
                    column = column_number(ref.group(1).decode("ascii"))
                    row = int(ref.group(2))
                else:
                    column += 1
                has_value = _VALUE.search(body) is not None
                if _FORMULA.search(body) and not has_value:
                    raise BallotFileError(
                        "xlsx.formula_no_value", file=source, row=row, cell=f"{column_letters(column)}{row}"
                    )
                if has_value:
                    cells += 1
                    max_row = max(max_row, row)
                    max_column = max(max_column, column)
            position = end
        for found in _MERGE.finditer(buffer, position):
            top, bottom = int(found.group(2)), int(found.group(4))
            ranged = f"{found.group(1).decode().upper()}{top}:{found.group(3).decode().upper()}{bottom}"
            if (ranged, top, bottom) not in merged:
                merged.append((ranged, top, bottom))
        buffer = buffer[position:]
        if not chunk:
            return SheetScan(max_row, max_column, cells, tuple(merged))

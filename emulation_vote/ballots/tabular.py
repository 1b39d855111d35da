"""Readers that turn a ballot file into rows of text cells, one module-level function per format.

Every reader returns a :class:`Sheet`: the header cells and the data rows, each with its
row number as a spreadsheet shows it (the header is row 1).  Interpreting the cells is the
job of :mod:`emulation_vote.ballots.layout`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_vote.ballots.decode import decode
from emulation_vote.ballots.legacy import ENCODINGS, convert
from emulation_vote.errors import BallotFileError
from emulation_vote.output import read_input
from emulation_vote.text import record_of, unquote_cell

Row = tuple[int, list[str]]


@dataclass(frozen=True)
class Sheet:
    """The cells of one ballot file: the header row and the data rows (numbered as Excel shows them).

    ``rows`` is read lazily, once: a large file is never held as rows in memory.
    """

    source: str
    header: list[str]
    rows: Iterable[Row]
    name: str | None = None
    """The workbook sheet's name (None for a text file, or the first sheet of a workbook read as one file)."""
    several: bool = False
    """Whether the sheet is one of a workbook's several sheets, each read for its own contest."""
    merged: tuple[tuple[str, int, int], ...] = ()
    """A workbook sheet's merged ranges (as :class:`.xlsx_scan.SheetScan` lists them), refused if it holds ballots."""


def read_sheet(path: Path, source: str, encoding: str | None = None, sheet: str | None = None) -> Sheet:
    """Read the ballot file at ``path`` by its suffix (``.csv``, ``.tsv``, ``.txt``, ``.xlsx``).

    ``encoding`` applies to text files; for a workbook only the legacy "tcvn3" and "vni" matter
    (its cells are converted), since a workbook's text is always Unicode.
    """
    suffix = path.suffix.lower()
    if not path.exists():
        raise BallotFileError("file.missing", file=source)
    if path.is_dir():
        raise BallotFileError("file.is_dir", file=source)
    if suffix in (".xlsx", ".xlsm"):
        legacy = encoding.lower() if encoding is not None and encoding.lower() in ENCODINGS else None
        return _read_xlsx(path, source, sheet, legacy)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise BallotFileError("file.suffix", file=source, suffix=suffix or "(none)")
    raw = read_input(path, BallotFileError, source)
    if raw.startswith(b"PK\x03\x04"):
        raise BallotFileError("file.xlsx_named_csv", file=source)
    text = decode(raw, source, encoding)
    nul = text.find("\x00")
    if nul >= 0:
        raise BallotFileError("csv.nul", file=source, row=record_of(text, nul))
    delimiter = "\t" if suffix == ".tsv" else sniff_delimiter(text)
    return _split(_csv_rows(text, delimiter, source), source)


def read_sheets(path: Path, source: str, encoding: str | None = None, sheet: str | None = None) -> list[Sheet]:
    """Read a ballot file as its sheets: one for a text file, a one-sheet workbook or ``sheet``; else every sheet.

    The sheets of a workbook of several are named ``file.xlsx [Sheet]`` in messages; an empty one
    is left out (it holds no ballots).
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return [read_sheet(path, source, encoding, sheet)]
    if sheet is not None:
        found = read_sheet(path, source, encoding, sheet)
        return [Sheet(found.source, found.header, found.rows, name=sheet, merged=found.merged)]
    names = xlsx_sheet_names(path, source)
    if len(names) <= 1:
        found = read_sheet(path, source, encoding, sheet)
        return [Sheet(found.source, found.header, found.rows, name=names[0] if names else None, merged=found.merged)]
    sheets = []
    for name in names:
        where = f"{source} [{name}]"
        try:
            found = read_sheet(path, where, encoding, name)
        except BallotFileError as error:
            if error.key in ("xlsx.empty_sheet", "file.no_header", "file.empty"):
                continue
            raise
        sheets.append(Sheet(found.source, found.header, found.rows, name=name, several=True, merged=found.merged))
    return sheets


def xlsx_sheet_names(path: Path, source: str) -> list[str]:
    """Return the names of a workbook's sheets, in order (hidden ones too)."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise BallotFileError("file.unreadable", file=source, reason=exc.strerror or str(exc)) from None
    if magic != b"PK\x03\x04":
        raise BallotFileError("xlsx.not_xlsx", file=source)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names: list[str] = list(book.sheet_names)
    except Exception as exc:  # noqa: BLE001 - calamine raises many unrelated types for a broken workbook
        raise BallotFileError("xlsx.unreadable", file=source, reason=_first_line(exc)) from None
    return names


def sniff_delimiter(text: str) -> str:
    """Return the separator of a delimited text: the most frequent of ``;``, tab and ``,`` in its first line."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def _csv_rows(text: str, delimiter: str, source: str) -> Iterator[Row]:
    # A cell may be as long as the file: an oversized cell is reported by what it holds, quoted short.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, 1):
            # The tool's own CSV files quote a cell starting like a formula with a ' : take it off.
            yield number, [unquote_cell(cell) if cell[:1] == "'" else cell for cell in cells]
    except csv.Error as exc:
        detail = str(exc)
        key = "csv.nul" if "NUL" in detail else "csv.syntax"
        raise BallotFileError(key, file=source, row=number + 1, detail=detail) from None


def _split(rows: Iterable[Row], source: str) -> Sheet:
    """Take the header row off ``rows``; the rest stay unread."""
    remaining = iter(rows)
    for number, cells in remaining:
        if not any(c.strip() for c in cells):
            raise BallotFileError("file.no_header", file=source, row=number)
        return Sheet(source, cells, remaining)
    raise BallotFileError("file.empty", file=source)


def cell_text(value: Any) -> str:
    """Return a spreadsheet cell's value as the text a clerk sees (``1.0`` -> ``1``, empty -> ``""``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def xlsx_rows(path: Path, source: str, sheet: str | None = None) -> list[list[Any]]:
    """Return the cell values of a workbook's sheet (the first unless named), row 1 first, from column A."""
    return xlsx_table(path, source, sheet)[0]


def xlsx_table(
    path: Path, source: str, sheet: str | None = None
) -> tuple[list[list[Any]], tuple[tuple[str, int, int], ...]]:
    """Return the cell values of a workbook's sheet (as :func:`xlsx_rows`) and its merged ranges.

    Read with python-calamine directly: about twice as fast as through pandas.  Raises
    :class:`BallotFileError` for a file that is not a workbook, a missing sheet, or an empty one.
    """
    magic = read_input(path, BallotFileError, source, limit=4)
    if magic != b"PK\x03\x04":
        raise BallotFileError("xlsx.not_xlsx", file=source)
    from python_calamine import CalamineWorkbook

    from emulation_vote.ballots.xlsx_scan import scan_sheet

    scan = scan_sheet(str(path), source, sheet)
    try:
        book = CalamineWorkbook.from_path(str(path))
        if sheet is not None and sheet not in book.sheet_names:
            raise BallotFileError("xlsx.no_sheet", file=source, sheet=sheet)
        table = book.get_sheet_by_name(sheet) if sheet is not None else book.get_sheet_by_index(0)
        rows: list[list[Any]] = table.to_python(skip_empty_area=False)
    except BallotFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine raises many unrelated types for a broken workbook
        raise BallotFileError("xlsx.unreadable", file=source, reason=_first_line(exc)) from None
    if not any(any(cell_text(v).strip() for v in row) for row in rows[:1000]) and not rows[1000:]:
        raise BallotFileError("xlsx.empty_sheet", file=source)
    return rows, (scan.merged if scan is not None else ())


def _read_xlsx(path: Path, source: str, sheet: str | None, legacy: str | None = None) -> Sheet:
    def text(value: Any) -> str:
        cell = cell_text(value)
        return convert(cell, legacy) if legacy is not None else cell

    table, merged = xlsx_table(path, source, sheet)
    rows = ((n, [text(v) for v in values]) for n, values in enumerate(table, 1))
    found = _split(rows, source)
    return Sheet(found.source, found.header, found.rows, merged=merged)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__

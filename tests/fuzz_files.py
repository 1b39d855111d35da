"""Adversarial ballot files for the differential fuzzer: CSV/TSV/xlsx in every layout, built from a few draws.

Each generator takes a Hypothesis ``draw`` and returns the election file's text and a ballot file
(its name and bytes), so that the same generators serve the bounded test in the suite
(tests/test_fuzz_readers.py) and a long session run by hand (``FUZZ_EXAMPLES=20000``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from helpers import election_toml

Draw = Callable[..., Any]

# Candidate ids and names, including numeric ids, ids that look like formulas, and Unicode.
ID_POOLS = [
    ["A", "B", "C", "D", "E"],
    ["1", "2", "3", "4"],
    ["VPTU", "BTG", "TCT", "BLC"],
    ["-a", "=b", "@c", "+d"],
    ["Ủy", "Đ1", "ba", "Ba2"],
]
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00a0",
    "\u202e",
    "\u202d",
    "\u200e",
    "\u200f",
    "\u00ad",
]
COMBINING = ["\u0301", "\u0300", "\u0323", "\u0309", "\u0303", "\u0302"]
OTHER_DIGITS = ["٣", "۳", "३", "৩", "３", "²", "¹", "①", "Ⅲ", "𝟑", "〇"]
MARKS = ["x", "X", " x ", "1", "có", "CÓ", "✓", "✔", "v", "yes", "true", "TRUE"]
NO_MARKS = ["", "", "", "0", "-", "–", "không", "no", "false", " "]
ODD_CELLS = ["ok", "xx", "1.0", "01", "x x", "'x", "'-", '"x"', "=1", "#N/A", "NaN", "null", "None", "\t", "x\n"]
INT_EXTREMES = [
    "0",
    "-1",
    "-0",
    "+1",
    "007",
    "2147483647",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "1" * 40,
    "1e3",
    "1.0",
    " 12 ",
    "1_000",
    "0x10",
]
ROUNDS = ["", "1", "2", " 1", "01", "1.0", "+1", "-1", "0", "٢", "²", "3", "99999999999999999999"]
REASONS = ["", "", "", "rách", "không có dấu", "- gạch xóa", "=SUM(A1)", "'x", " ", "\u200b", "Rách"]


def _spice(draw: Draw, text: str) -> str:
    """Return ``text``, sometimes with an invisible, combining, direction or other-script character put in."""
    kind = draw(st.sampled_from(["none", "none", "none", "invisible", "combining", "case", "space"]))
    if kind == "invisible":
        position = draw(st.integers(0, len(text)))
        return text[:position] + draw(st.sampled_from(INVISIBLE)) + text[position:]
    if kind == "combining" and text:
        position = draw(st.integers(1, len(text)))
        return text[:position] + draw(st.sampled_from(COMBINING)) + text[position:]
    if kind == "case":
        return text.swapcase()
    if kind == "space":
        return (
            draw(st.sampled_from([" ", "  ", "\u3000", "\u2003"])) + text + draw(st.sampled_from(["", " ", "\u00a0"]))
        )
    return text


def _ballot_id(draw: Draw, number: int) -> str:
    kind = draw(st.sampled_from(["plain"] * 12 + ["extreme", "digits", "text", "spice", "empty"]))
    if kind == "extreme":
        return str(draw(st.sampled_from(INT_EXTREMES)))
    if kind == "digits":
        return str(draw(st.sampled_from(OTHER_DIGITS))) * draw(st.integers(1, 3))
    if kind == "text":
        return f"P-{number}"
    if kind == "spice":
        return _spice(draw, str(number))
    if kind == "empty":
        return ""
    return str(number)


@st.composite
def conference_files(draw: Draw, xlsx_allowed: bool = True) -> tuple[str, str, bytes]:
    """Draw an election and one adversarial ballot file: (election TOML, file name, file bytes)."""
    ids = draw(st.sampled_from(ID_POOLS))[: draw(st.integers(2, 4))]
    names = [f"Đơn vị {i}" for i in ids]
    seats = draw(st.integers(1, len(ids)))
    toml = election_toml(
        candidates=list(zip(ids, names, strict=True)),
        contest_id="c",
        seats=seats,
        max_marks=draw(st.integers(seats, len(ids))),
        style=draw(st.sampled_from(["tick", "strike"])),
        blank=draw(st.sampled_from(["invalid", "valid"])),
    )
    layout = draw(st.sampled_from(["wide", "list"]))
    extra = draw(st.lists(st.sampled_from(["invalid", "round", "contest"]), unique=True, max_size=3))
    header = ["ballot_id"] + (ids if layout == "wide" else ["choices"]) + extra
    header = [_spice(draw, h) if draw(st.integers(0, 9)) == 0 else h for h in header]
    rows: list[list[Any]] = [header]
    for number in range(1, draw(st.integers(0, 25)) + 1):
        if layout == "wide":
            body = [
                draw(st.sampled_from(MARKS + NO_MARKS + (ODD_CELLS if draw(st.integers(0, 14)) == 0 else [])))
                for _ in ids
            ]
        else:
            chosen = draw(st.lists(st.sampled_from(ids + names), unique=True, max_size=len(ids)))
            separator = draw(st.sampled_from([";", "; ", ",", " ;", ";;"]))
            body = [separator.join(_spice(draw, c) for c in chosen)]
        tail = []
        for column in extra:
            if column == "invalid":
                tail.append(draw(st.sampled_from(REASONS)))
            elif column == "round":
                tail.append(draw(st.sampled_from(ROUNDS)))
            else:
                tail.append(draw(st.sampled_from(["c", "C", " c", "", "d", _spice(draw, "c")])))
        row = [_ballot_id(draw, number), *body, *tail]
        shape = draw(st.sampled_from(["ok"] * 20 + ["short", "long", "blank"]))
        if shape == "short":
            row = row[: draw(st.integers(0, len(row) - 1))]
        elif shape == "long":
            row = [*row, draw(st.sampled_from(["", "x", " "]))]
        elif shape == "blank":
            row = [""] * len(row)
        rows.append(row)
    if draw(st.integers(0, 5)) == 0 and len(rows) > 1:
        # Copies of the rows, with new ids, to go past the streaming reader's block sizes.
        copies = draw(st.sampled_from([50, 400, 3000]))
        base = rows[1:]
        rows += [[str(100_000 + k), *r[1:]] for k in range(copies) for r in base[:1]]
    fmt = draw(st.sampled_from(["csv", "csv", "csv", "tsv", "semicolon"] + (["xlsx", "xlsx"] if xlsx_allowed else [])))
    if fmt == "xlsx":
        return toml, "b.xlsx", _xlsx(draw, rows)
    return (
        toml,
        "b.tsv" if fmt == "tsv" else "b.csv",
        _text(draw, rows, "\t" if fmt == "tsv" else ";" if fmt == "semicolon" else ","),
    )


def _text(draw: Draw, rows: list[list[Any]], delimiter: str) -> bytes:
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r\n", "\r", "mixed"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\n")
    lines = []
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([str(c) for c in row])
        lines.append(buffer.getvalue()[:-1])
    text = ""
    for line in lines:
        end = draw(st.sampled_from(["\n", "\r\n", "\r"])) if ending == "mixed" else ending
        text += line + end
    if draw(st.integers(0, 6)) == 0:
        text = text.rstrip("\r\n")  # no final line end
    if draw(st.integers(0, 6)) == 0:
        text += draw(st.sampled_from(["\n", "\n\n", ",,,\n", " \n", delimiter * 3 + "\n"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-8-sig", "utf-16"]))
    return text.encode(encoding)


def _xlsx_value(draw: Draw, text: str) -> Any:
    kind = draw(st.sampled_from(["text"] * 8 + ["number", "bool", "date", "formula", "error", "float"]))
    plain = text.strip()
    if kind == "number" and plain.isascii() and plain.lstrip("-").isdigit() and len(plain) < 16:
        return int(plain)
    if kind == "float" and plain.isascii() and plain.isdigit() and len(plain) < 16:
        return float(plain)
    if kind == "bool" and text.strip().lower() in ("true", "false", "1", "0", "x", ""):
        return text.strip().lower() in ("true", "1", "x")
    if kind == "date":
        return dt.date(2024, 1, 5)
    if kind == "formula":
        return draw(st.sampled_from(['="x"', "=1", '=""', "=1/0"]))
    if kind == "error":
        return draw(st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!"]))
    return text


def _xlsx(draw: Draw, rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows[:200]:
        sheet.append([_xlsx_value(draw, str(c)) if c != "" else None for c in row])
    if draw(st.integers(0, 4)) == 0 and len(rows) > 2:
        sheet.row_dimensions[2].hidden = True
    if draw(st.integers(0, 5)) == 0:
        other = book.create_sheet("Ghi chú", 0 if draw(st.booleans()) else None)
        other["A1"] = "ghi chú"
        if draw(st.booleans()):
            other.sheet_state = "hidden"
    if draw(st.integers(0, 8)) == 0 and len(rows) > 3:
        sheet.merge_cells(start_row=2, start_column=2, end_row=3, end_column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

"""Workbook sheets are scanned before they are read: formulas without a value, stray far cells."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from emulation_vote.ballots import read_ballots
from emulation_vote.ballots.tabular import xlsx_rows
from emulation_vote.ballots.xlsx_scan import column_letters, column_number, scan_sheet
from emulation_vote.count import count_election
from emulation_vote.errors import BallotFileError
from emulation_vote.pipeline import count_files

from helpers import election_toml, parse

TOML = election_toml(candidates=[("A", "Ban A"), ("B", "Ban B"), ("C", "Ban C"), ("D", "Ban D")], contest_id="c")
E = parse(TOML)


def _book(path: Path, cells: dict[str, object], title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.title = title
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


WIDE = {"A1": "ballot_id", "B1": "A", "C1": "B", "D1": "C", "E1": "D", "F1": "invalid", "A2": 1, "B2": "x"}


def test_formula_mark_without_cached_value_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = _book(tmp_path / "f.xlsx", {**WIDE, "C2": "=1+1"})
    (tmp_path / "e.toml").write_text(TOML, encoding="utf-8")
    for reader in ("exact", "fast"):
        with pytest.raises(BallotFileError) as caught:
            count_files(tmp_path / "e.toml", [path], reader=reader)
        assert caught.value.key == "xlsx.formula_no_value"
        assert caught.value.params["cell"] == "C2"
        assert caught.value.row == 2


def test_formula_in_invalid_column_without_value_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path / "f.xlsx", {**WIDE, "F2": '="bad"'})
    with pytest.raises(BallotFileError, match="F2"):
        read_ballots([path], E)


def _with_cached_value(path: Path) -> Path:
    """Rewrite the sheet so that the formula in C2 carries the cached value 1, as Excel saves it."""
    out = path.with_name("cached.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>1</v>")
                assert b"<v>1</v>" in data
            target.writestr(item, data)
    return out


def test_formula_with_cached_value_uses_it(tmp_path: Path) -> None:
    path = _with_cached_value(_book(tmp_path / "f.xlsx", {**WIDE, "C2": "=1+1"}))
    record = count_election(E, read_ballots([path], E))
    votes = {c.id: c.votes for c in record.contests[0].first.candidates}
    assert votes == {"A": 1, "B": 1, "C": 0, "D": 0}


def test_value_far_beyond_the_cells_is_refused_before_reading(tmp_path: Path) -> None:
    for ref in ("XFD3000", "XFD1048576"):
        path = _book(tmp_path / f"{ref}.xlsx", {**WIDE, ref: "x"})
        with pytest.raises(BallotFileError) as caught:
            xlsx_rows(path, path.name)
        assert caught.value.key == "xlsx.used_range"
        assert caught.value.params["cell"] == ref


def test_styled_empty_far_cell_is_harmless(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for ref, value in WIDE.items():
        sheet[ref] = value
    sheet["XFD3000"].style = "Good"
    book.save(tmp_path / "s.xlsx")
    assert len(xlsx_rows(tmp_path / "s.xlsx", "s.xlsx")) == 2


def test_scan_follows_the_named_sheet(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first["A1"] = "ballot_id"
    second = book.create_sheet("Phiếu")
    second["A1"] = "=1+1"
    book.save(tmp_path / "two.xlsx")
    assert scan_sheet(str(tmp_path / "two.xlsx"), "two.xlsx", None) is not None
    with pytest.raises(BallotFileError, match="A1"):
        scan_sheet(str(tmp_path / "two.xlsx"), "two.xlsx", "Phiếu")


def test_column_letters_round_trip() -> None:
    for number in (1, 26, 27, 52, 702, 703, 16384):
        assert column_number(column_letters(number)) == number
    assert column_letters(16384) == "XFD"


def test_cells_merged_down_several_rows_are_refused(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["ballot_id", "A", "B", "C", "D"], [1, "x"], [2], [3]):
        sheet.append(row)
    sheet.merge_cells("B2:B4")
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(BallotFileError) as caught:
        read_ballots([tmp_path / "m.xlsx"], E)
    assert caught.value.key == "xlsx.merged_rows"
    assert caught.value.params["range"] == "B2:B4"


def test_cells_merged_down_several_rows_are_refused_after_a_range_along_one_row(tmp_path: Path) -> None:
    # Only the first merged range was looked at: a title merged across columns hid the one below.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["ballot_id", "A", "B", "C", "D"], [1, "x"], [2], [3]):
        sheet.append(row)
    sheet.merge_cells("F1:H1")
    sheet.merge_cells("B2:B4")
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(BallotFileError) as caught:
        read_ballots([tmp_path / "m.xlsx"], E)
    assert caught.value.key == "xlsx.merged_rows"
    assert caught.value.params["range"] == "B2:B4"


def test_cells_merged_along_the_header_row_beyond_its_columns_are_refused(tmp_path: Path) -> None:
    # Only a sheet that holds no ballots (the clerks' instructions) may merge its lines across columns.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["ballot_id", "A", "B", "C", "D"], [1, "x"]):
        sheet.append(row)
    sheet.merge_cells("F1:H1")
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(BallotFileError) as caught:
        read_ballots([tmp_path / "m.xlsx"], E)
    assert caught.value.key == "xlsx.merged" and caught.value.params["range"] == "F1:H1"


@pytest.mark.parametrize(("merge", "row"), [("C3:D3", 3), ("B1:C1", 1)], ids=["data-row", "header"])
def test_cells_merged_along_a_row_of_a_ballot_sheet_are_refused(tmp_path: Path, merge: str, row: int) -> None:
    # A mark typed in a merged C3:D3 is read in C3 alone; a merged header hides a column.
    from emulation_vote.ballots.fast import StreamingReader
    from emulation_vote.ballots.reader import GaveUp, ReadRequest

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for values in (["ballot_id", "A", "B", "C", "D"], [1, "x"], [2, "x", "x"], [3, "", "x"]):
        sheet.append(values)
    sheet.merge_cells(merge)
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(BallotFileError) as caught:
        read_ballots([tmp_path / "m.xlsx"], E)
    assert caught.value.key == "xlsx.merged"
    assert caught.value.params["range"] == merge and caught.value.row == row
    assert caught.value.params["sheet"] == "Sheet"
    # The streaming reader leaves such a workbook to the exact reader, which refuses it.
    assert isinstance(StreamingReader().read(ReadRequest([tmp_path / "m.xlsx"], E)), GaveUp)


def test_a_merged_range_in_a_sheet_of_several_names_the_sheet_and_instructions_keep_theirs(tmp_path: Path) -> None:
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = "Hướng dẫn"
    guide.append(["Cách ghi phiếu"])
    guide.append(["Đánh dấu x vào ô của đơn vị được chọn"])
    guide.merge_cells("A1:F1")
    guide.merge_cells("A2:F3")
    ballots = book.create_sheet("c")
    ballots.append(["ballot_id", "A", "B", "C", "D"])
    ballots.append([1, "x", "x"])
    book.save(tmp_path / "ok.xlsx")
    assert len(read_ballots([tmp_path / "ok.xlsx"], E).ballots) == 1
    ballots.merge_cells("C2:D2")
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(BallotFileError) as caught:
        read_ballots([tmp_path / "m.xlsx"], E)
    assert caught.value.key == "xlsx.merged" and caught.value.params["range"] == "C2:D2"
    assert caught.value.file == f"{tmp_path / 'm.xlsx'} [c]"

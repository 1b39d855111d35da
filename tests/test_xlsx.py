"""The Excel outputs: the workbook read back with openpyxl, and the CSV for a Vietnamese Excel."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from emulation_vote.pipeline import count_files
from emulation_vote.render.csv import render_csv_excel
from emulation_vote.render.xlsx import PERCENT_FORMAT, percent_cell, render_xlsx, sheet_names

from helpers import DATA, SAMPLES, count_list, invoke

SEED = SAMPLES / "seed"
TIE = SAMPLES / "tie-runoff"


def book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_workbook_of_the_seed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.xlsx"
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    record = count_files(SEED / "election.toml", [SEED / "ballots-wide.csv"])
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["co-thi-dua", "Thông tin"]
    sheet = workbook["co-thi-dua"]
    assert sheet["A1"].value == "Suy tôn đơn vị đề nghị UBND tỉnh tặng Cờ thi đua"
    assert [c.value for c in sheet[2]] == ["Hạng", "Đơn vị", "Mã đơn vị", "Số phiếu", "Tỷ lệ", "Đạt tỷ lệ", "Kết quả"]
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    candidates = record.contests[0].first.candidates
    for row, candidate in enumerate(candidates, 3):
        rank, name, cid, votes, percent = (c.value for c in sheet[row][:5])
        assert (rank, name, cid, votes) == (candidate.rank, candidate.name, candidate.id, candidate.votes)
        assert isinstance(votes, int) and isinstance(rank, int)
        assert Decimal(str(percent)) * 100 == candidate.percent  # the exact percent, as a fraction
        assert sheet.cell(row, 5).number_format == PERCENT_FORMAT
        assert sheet.cell(row, 2).font.b == (candidate.status == "selected")
    assert [sheet.cell(r, 7).value for r in (3, 4, 5)] == ["Được suy tôn", "Được suy tôn", "Không đủ tỷ lệ"]
    assert sheet["E3"].value == 0.9167 and sheet["E4"].value == 0.7917
    figures = {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in range(13, sheet.max_row + 1)}
    assert figures["Phát ra"] == 26 and figures["Hợp lệ"] == 24 and figures["Không hợp lệ"] == 2
    assert figures["Số phiếu cần đạt"] == 13
    assert figures["Kết quả"] == "Trường Chính trị tỉnh, Văn phòng Tỉnh ủy"
    assert sheet.column_dimensions["B"].width >= len("Đảng ủy Khối Cơ quan - Doanh nghiệp")
    info = {row[0].value: row[1].value for row in workbook["Thông tin"].iter_rows()}
    assert info["Mã kiểm chứng"] == record.fingerprint
    assert info["Hội nghị"] == "Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2023"
    assert info["Ngày"] == "ngày 19 tháng 12 năm 2023"
    assert "quá 1/2 số phiếu hợp lệ" in info["Quy tắc"] and info["Tệp phiếu"] == "ballots-wide.csv"


def test_workbook_in_english_with_a_runoff_round() -> None:
    record = count_files(TIE / "election.toml", [TIE / "round1.csv", TIE / "round2.csv"])
    workbook = book(render_xlsx(record, "en"))
    assert workbook.sheetnames == ["co-thi-dua-vong-1", "co-thi-dua-vong-2", "Information"]
    second = workbook["co-thi-dua-vong-2"]
    assert second["A1"].value.endswith("Round 2 (runoff)")
    assert [c.value for c in second[2]][:5] == ["Rank", "Unit", "Unit id", "Votes", "Percent"]
    figures = {second.cell(r, 2).value: second.cell(r, 3).value for r in range(5, second.max_row + 1)}
    assert figures["Outcome"] == "Sở Tư pháp" and figures["Outcome over all rounds"] == "Sở Nội vụ, Sở Tư pháp"
    assert figures["Threshold"] == "more than 1/2 of the valid ballots (20): at least 11 votes needed"
    info = {row[0].value: row[1].value for row in workbook["Information"].iter_rows()}
    assert info["Fingerprint"] == record.fingerprint
    first = workbook["co-thi-dua-vong-1"]
    figures = {first.cell(r, 2).value: first.cell(r, 3).value for r in range(5, first.max_row + 1)}
    assert figures["Outcome"] == "Sở Nội vụ"
    tied = "Tied for the last seat: Sở Tư pháp, Sở Tài chính — hold a runoff for the 1 seat left."
    assert figures["Runoff"] == tied
    assert "Runoff" not in {second.cell(r, 2).value for r in range(5, second.max_row + 1)}


def test_percent_cells_are_exact_fractions(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A", "A", "B"], seats=1)
    percents = [c.percent for c in record.contests[0].first.candidates]
    assert percents[:2] == [Decimal("66.67"), Decimal("33.33")]
    assert [percent_cell(p) for p in percents[:2]] == [0.6667, 0.3333]
    sheet = book(render_xlsx(record))["co"]
    assert [sheet["E3"].value, sheet["E4"].value] == [0.6667, 0.3333]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A"], seats=1, candidates=[("A", "=HYPERLINK(1)"), ("B", "Sở B")])
    sheet = book(render_xlsx(record))["co"]
    assert sheet["B3"].value == "=HYPERLINK(1)" and sheet["B3"].data_type == "s"


def test_sheet_names_are_valid_and_distinct() -> None:
    long = "x" * 40
    assert sheet_names(["a/b", long, long, "A/B"]) == ["a-b", "x" * 31, "x" * 27 + " (2)", "A-B (2)"]


def test_xlsx_needs_an_output_file(runner: CliRunner) -> None:
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "xlsx")
    assert result.exit_code == 2 and "--output" in result.stderr and result.stdout == ""


def test_excel_csv(runner: CliRunner) -> None:
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "csv", "--excel")
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Mã nội dung", "Vòng", "Hạng", "Đơn vị", "Số phiếu", "Tỷ lệ (%)"]
    assert rows[1][:8] == ["co-thi-dua", "1", "1", "Trường Chính trị tỉnh", "22", "91,67", "Có", "Được suy tôn"]
    assert rows[-1][5] == "0,00" and len(rows) == 10
    record = count_files(SEED / "election.toml", [SEED / "ballots-wide.csv"])
    assert raw.decode("utf-8") == render_csv_excel(record)
    english = render_csv_excel(record, "en")
    assert english.splitlines()[0].startswith("\ufeffContest id;Round;Rank;Unit;Votes;Percent (%)")


def test_plain_csv_is_unchanged_and_excel_needs_csv(runner: CliRunner) -> None:
    result = invoke(runner, "tally", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv", "-f", "csv")
    assert result.stdout_bytes == (DATA / "golden" / "tie-runoff.csv").read_bytes()  # the machine CSV, byte for byte
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "--excel")
    assert result.exit_code == 2 and result.stderr == "Lỗi: --excel chỉ dùng với --format csv.\n"

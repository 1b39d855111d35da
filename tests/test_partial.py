"""Counting part of a conference: --contest (one contest while the other is still being typed) and --partial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SAMPLES, invoke, write_csv

TWO = SAMPLES / "two-contests" / "election.toml"


def _rows(path: Path) -> list[list[str]]:
    return [line.split(",") for line in path.read_text(encoding="utf-8-sig").splitlines()]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def flag_only(tmp_path: Path) -> Path:
    """The two-contest conference's file with only the flag's ballots typed so far."""
    rows = [r for r in _rows(SAMPLES / "two-contests" / "ballots.csv") if r[0] != "bang-khen"]
    return write_csv(tmp_path / "b.csv", rows)


def test_one_contest_while_the_other_is_missing(runner: CliRunner, flag_only: Path) -> None:
    refused = invoke(runner, "tally", TWO, flag_only)
    assert refused.exit_code == 1 and "bang-khen" in refused.stderr
    result = invoke(runner, "tally", TWO, flag_only, "--contest", "co-thi-dua", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["contests"]] == ["co-thi-dua"]
    assert data["contests"][0]["ballots"]["cast"] == 14
    assert "partial" not in data and "skipped" not in data


def test_the_other_contests_broken_rows_are_skipped_and_counted(runner: CliRunner, tmp_path: Path) -> None:
    rows = _rows(SAMPLES / "two-contests" / "ballots.csv")
    broken = [r if r[0] != "bang-khen" else [r[0], r[1], "Nobody; Sở Xây dựng", ""] for r in rows]
    broken.append(["bang-khen", "", "", "", "extra"])
    path = write_csv(tmp_path / "b.csv", broken)
    assert invoke(runner, "tally", TWO, path).exit_code == 1
    result = invoke(runner, "tally", TWO, path, "--contest", "co-thi-dua", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Bỏ qua 15 phiếu của nội dung bang-khen (không thuộc --contest).\n")
    data = json.loads(invoke(runner, "tally", TWO, path, "--contest", "co-thi-dua", "-f", "json").stdout)
    assert data["skipped"] == {"bang-khen": 15}
    audit = invoke(runner, "audit", TWO, path, "--contest", "co-thi-dua", "-f", "json")
    assert {b["contest"] for b in json.loads(audit.stdout)["ballots"]} == {"co-thi-dua"}
    minutes = invoke(runner, "minutes", TWO, path, "--contest", "co-thi-dua")
    assert minutes.exit_code == 0 and "Bằng khen" not in minutes.stdout


def test_an_unknown_contest_is_a_usage_error(runner: CliRunner, flag_only: Path) -> None:
    result = invoke(runner, "tally", TWO, flag_only, "--contest", "co-thi-dau")
    assert result.exit_code == 2
    assert "--contest: không có nội dung 'co-thi-dau'; gần nhất: co-thi-dua." in result.stderr


def test_partial_counts_what_is_there_and_says_so(runner: CliRunner, tmp_path: Path) -> None:
    rows = _rows(SAMPLES / "two-contests" / "ballots.csv")
    half = [rows[0], *[r for r in rows[1:] if r[0] == "co-thi-dua"][:9]]
    path = write_csv(tmp_path / "b.csv", half)
    refused = invoke(runner, "tally", TWO, path, "--contest", "co-thi-dua")
    assert refused.exit_code == 1 and "14" in refused.stderr  # collected = 14, 9 loaded
    text = invoke(runner, "tally", TWO, path, "--partial", "-f", "plain")
    assert text.exit_code == 0, text.stderr
    assert text.stdout.startswith(
        "KẾT QUẢ TẠM TÍNH — chưa đối chiếu số phiếu thu vào; chưa phải kết quả chính thức.\n"
        "Chưa có phiếu nào, chưa kiểm: bang-khen.\n"
    )
    english = invoke(runner, "tally", TWO, path, "--partial", "--lang", "en")
    assert english.stdout.startswith("PROVISIONAL RESULT")
    data = json.loads(invoke(runner, "tally", TWO, path, "--partial", "-f", "json").stdout)
    assert data["partial"] is True and [c["ballots"]["cast"] for c in data["contests"]] == [9]
    audit = json.loads(invoke(runner, "audit", TWO, path, "--partial", "-f", "json").stdout)
    assert audit["partial"] is True and len(audit["ballots"]) == 9
    assert "KẾT QUẢ TẠM TÍNH" in invoke(runner, "audit", TWO, path, "--partial").stdout


def test_a_contest_excluded_by_contest_is_not_reported_as_not_yet_counted(runner: CliRunner, flag_only: Path) -> None:
    result = invoke(runner, "tally", TWO, flag_only, "--contest", "co-thi-dua", "--partial", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("KẾT QUẢ TẠM TÍNH")
    assert "chưa kiểm" not in result.stdout and "bang-khen" not in result.stdout


def test_minutes_refuse_a_provisional_count(runner: CliRunner, flag_only: Path) -> None:
    result = invoke(runner, "minutes", TWO, flag_only, "--partial")
    assert result.exit_code == 2 and result.stdout == ""
    assert "Lỗi: Biên bản chỉ lập từ kết quả chính thức: bỏ --partial" in result.stderr


def test_a_template_sheet_skipped_counts_its_typed_ballots_not_its_unused_numbers(
    runner: CliRunner, tmp_path: Path
) -> None:
    import openpyxl

    workbook = tmp_path / "phieu.xlsx"
    assert invoke(runner, "template", TWO, "--output", workbook).exit_code == 0
    book = openpyxl.load_workbook(workbook)
    flag, merit = book.worksheets[1], book.worksheets[2]
    for row in range(2, 2 + 14):  # every flag ballot, so that its collected figure holds
        flag.cell(row, 2).value = "x"
    for row in (2, 3):  # two merit ballots typed so far; the other pre-printed numbers unused
        merit.cell(row, 3).value = "x"
    book.save(workbook)
    result = invoke(runner, "tally", TWO, workbook, "--contest", "co-thi-dua", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["skipped"] == {"bang-khen": 2}


def test_a_list_file_of_another_contest_without_contest_column_is_skipped_unread(
    runner: CliRunner, tmp_path: Path
) -> None:
    # The file's choices name a unit only the merit contest has, so it is that contest's file:
    # under --contest for the flag its rows are skipped and stated, and its errors not reported.
    flag = write_csv(tmp_path / "co-thi-dua.csv", [["ballot_id", "choices"], ["1", "SNV"], ["2", "STP"]])
    merit = write_csv(tmp_path / "merit.csv", [["ballot_id", "choices"], ["1", "SNV; SGD"], ["2", "SGD; Nobody"]])
    result = invoke(runner, "tally", TWO, flag, merit, "--contest", "co-thi-dua", "--partial", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["skipped"] == {"bang-khen": 2}
    assert [c["id"] for c in data["contests"]] == ["co-thi-dua"]


@pytest.fixture
def half(tmp_path: Path) -> Path:
    """The flag's first nine ballots only: a count that --partial makes provisional."""
    rows = _rows(SAMPLES / "two-contests" / "ballots.csv")
    return write_csv(tmp_path / "half.csv", [rows[0], *[r for r in rows[1:] if r[0] == "co-thi-dua"][:9]])


def test_partial_csv_ends_each_row_with_a_partial_column(runner: CliRunner, half: Path, tmp_path: Path) -> None:
    import csv
    import io

    text = invoke(runner, "tally", TWO, half, "--partial", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows and all(row["partial"] == "true" for row in rows)
    assert list(rows[0])[-2:] == ["seats", "partial"]
    whole = invoke(runner, "tally", TWO, SAMPLES / "two-contests" / "ballots.csv", "-f", "csv").stdout
    assert "partial" not in whole.splitlines()[0]
    excel = invoke(runner, "tally", TWO, half, "--partial", "-f", "csv", "--excel").stdout.splitlines()
    assert excel[0].endswith(";KẾT QUẢ TẠM TÍNH") and excel[1].endswith(";Tạm tính")
    english = invoke(runner, "tally", TWO, half, "--partial", "-f", "csv", "--excel", "--lang", "en").stdout
    assert english.splitlines()[0].endswith(";PROVISIONAL RESULT")


def test_partial_workbook_has_the_banner_on_every_sheet(runner: CliRunner, half: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "ket-qua.xlsx"
    assert invoke(runner, "tally", TWO, half, "--partial", "-f", "xlsx", "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    banner = "KẾT QUẢ TẠM TÍNH — chưa đối chiếu số phiếu thu vào; chưa phải kết quả chính thức."
    contest = book.worksheets[0]
    assert contest["A1"].value == banner and contest["A1"].font.bold
    assert contest["A3"].value == "Hạng" and contest.freeze_panes == "A4"
    info = book["Thông tin"]
    assert (info["A1"].value, info["B1"].value) == ("Loại kết quả", banner)
    official = tmp_path / "chinh-thuc.xlsx"
    whole = SAMPLES / "two-contests" / "ballots.csv"
    assert invoke(runner, "tally", TWO, whole, "-f", "xlsx", "-o", official).exit_code == 0
    book = openpyxl.load_workbook(official)
    assert book.worksheets[0]["A2"].value == "Hạng" and book["Thông tin"]["A1"].value != "Loại kết quả"
    for sheet in book.worksheets:
        assert all("TẠM TÍNH" not in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_partial_projector_page_and_charts_carry_the_banner(runner: CliRunner, half: Path, tmp_path: Path) -> None:
    from emulation_vote.render.slides import build_slides

    banner = "KẾT QUẢ TẠM TÍNH — chưa đối chiếu số phiếu thu vào; chưa phải kết quả chính thức."
    page = invoke(runner, "show", TWO, half, "--partial")
    assert page.exit_code == 0, page.stderr
    assert f'<p class="provisional" role="status">{banner}</p>' in page.stdout
    english = invoke(runner, "show", TWO, half, "--partial", "--lang", "en").stdout
    assert '<p class="provisional" role="status">PROVISIONAL RESULT' in english
    refused = invoke(runner, "show", TWO, half)
    assert refused.exit_code == 1
    only = invoke(runner, "show", TWO, half, "--contest", "co-thi-dua", "--partial")
    assert only.exit_code == 0 and banner in only.stdout
    whole = invoke(runner, "show", TWO, SAMPLES / "two-contests" / "ballots.csv").stdout
    assert 'class="provisional"' not in whole.split("</style>")[1]
    chart = tmp_path / "tam-tinh.svg"
    assert invoke(runner, "show", TWO, half, "--partial", "-o", chart).exit_code == 0
    assert b"<svg" in chart.read_bytes()  # its text is drawn as paths: the banner is checked on the slide below
    import emulation_vote as ev

    record = ev.tally(TWO, [half], partial=True)
    assert all(slide.provisional == banner for slide in build_slides(record, "vi"))
    official = ev.tally(TWO, [SAMPLES / "two-contests" / "ballots.csv"])
    assert all(slide.provisional == "" for slide in build_slides(official, "vi"))

"""The clerks' workbook: written by `template`, filled as clerks do, read back by `tally`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from emulation_vote.ballots.layout import TEMPLATE_MARK
from emulation_vote.election import parse_election
from emulation_vote.marks import MARK_WORDS, NO_MARK_WORDS
from emulation_vote.render.workbook import sheet_names

from helpers import election_toml, invoke, write_csv

ELECTION = """
[meeting]
title = "Hội nghị tổng kết phong trào thi đua năm 2023"
organization = "CỤM THI ĐUA SỐ 3"

[electorate]
convened = 31
present = 30
issued = 30

[[unit]]
id = "STP"
name = "Sở Tư pháp"

[[unit]]
id = "SNV"
name = "Sở Nội vụ"

[[unit]]
id = "STC"
name = "Sở Tài chính"

[[unit]]
id = "STTTT"
name = "Sở Thông tin và Truyền thông"

[[contest]]
id = "co-thi-dua-chinh-phu"
title = "Cờ thi đua của Chính phủ"
seats = 1

[[contest]]
id = "bang-khen"
title = "Bằng khen của Thủ tướng Chính phủ"
seats = 2
candidates = ["SNV", "STP", "STTTT"]
electorate = { issued = 28 }
"""


@pytest.fixture
def election(tmp_path: Path) -> Path:
    path = tmp_path / "election.toml"
    path.write_text(ELECTION, encoding="utf-8")
    return path


def template(runner: CliRunner, election: Path, *args: str) -> Any:
    return invoke(runner, "template", election, *args)


def tally_json(runner: CliRunner, *args: Any) -> dict[str, Any]:
    result = invoke(runner, "tally", *args, "-f", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_template_layout(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    out = tmp_path / "phieu.xlsx"
    result = template(runner, election, "--output", out)
    assert result.exit_code == 0, result.output
    assert "co-thi-dua-chinh-phu 30, bang-khen 28" in result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Hướng dẫn", "Cờ thi đua của Chính phủ", "Bằng khen của Thủ tướng Chính…"]
    assert all(len(name) <= 31 for name in book.sheetnames)
    guide = book["Hướng dẫn"]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value is not None)
    assert "HƯỚNG DẪN NHẬP PHIẾU BẦU" in text and "Phiếu không hợp lệ (lý do)" in text
    assert "emulation-vote tally election.toml phieu.xlsx" in text
    first = book.worksheets[1]
    header = [c.value for c in first[1]]
    assert header == [
        "Số phiếu",
        "Sở Tư pháp",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Thông tin và Truyền thông",
        "Phiếu không hợp lệ (lý do)",
        "Ghi chú",
        f"{TEMPLATE_MARK} co-thi-dua-chinh-phu",
    ]
    assert first.column_dimensions["H"].hidden
    assert first.freeze_panes == "B2"
    assert [first.cell(row=r, column=1).value for r in range(2, 33)] == [*range(1, 31), None]
    assert first.column_dimensions["E"].width >= 14  # the long name wraps in a wide enough column
    (check,) = first.data_validations.dataValidation
    assert check.type == "list" and str(check.sqref) == "B2:E81"
    assert check.formula1 == '"' + ",".join((*MARK_WORDS, *NO_MARK_WORDS)) + '"'
    second = book.worksheets[2]
    assert [c.value for c in second[1]][1:4] == ["Sở Nội vụ", "Sở Tư pháp", "Sở Thông tin và Truyền thông"]
    assert second.cell(row=29, column=1).value == 28 and second.cell(row=30, column=1).value is None


def fill(path: Path, rename: str | None = None) -> list[list[str]]:
    """Fill the workbook as clerks would; return the same ballots as list-layout rows."""
    book = load_workbook(path)
    co, bk = book.worksheets[1], book.worksheets[2]
    rows = [["contest", "ballot_id", "choices", "invalid", "note"]]
    marks = ["x", "X", "✓", "1", "có", "v"]
    for number in range(1, 21):  # ballots 1..20 of 30: the last ten numbers stay unused
        row = number + 1
        if number == 7:
            co.cell(row=row, column=6, value="rách")  # declared invalid, no marks
            rows.append(["co-thi-dua-chinh-phu", str(number), "", "rách", ""])
        elif number == 8:
            co.cell(row=row, column=3, value=0)  # a blank paper: a no-mark word
            co.cell(row=row, column=7, value="phiếu trắng")
            rows.append(["co-thi-dua-chinh-phu", str(number), "", "", "phiếu trắng"])
        elif number == 9:
            co.cell(row=row, column=2, value="x")
            co.cell(row=row, column=3, value="x")  # too many
            rows.append(["co-thi-dua-chinh-phu", str(number), "STP;SNV", "", ""])
        else:
            column = 2 if number % 3 else 4
            co.cell(row=row, column=column, value=marks[number % len(marks)])
            co.cell(row=row, column=5, value="-")
            rows.append(["co-thi-dua-chinh-phu", str(number), "STP" if column == 2 else "STC", "", ""])
    for number in range(1, 26):
        row = number + 1
        bk.cell(row=row, column=2, value="x")
        if number % 2:
            bk.cell(row=row, column=3, value="x")
        rows.append(["bang-khen", str(number), "SNV;STP" if number % 2 else "SNV", "", ""])
    if rename is not None:
        co.title = rename
    book.save(path)
    return rows


def test_filled_template_tallies_like_the_same_ballots_as_csv(
    tmp_path: Path, runner: CliRunner, election: Path
) -> None:
    out = tmp_path / "phieu.xlsx"
    assert template(runner, election, "-o", out).exit_code == 0
    rows = fill(out, rename="Tổ 1 nhập")
    from_workbook = tally_json(runner, election, out)
    from_csv = tally_json(runner, election, write_csv(tmp_path / "same.csv", rows))
    assert from_workbook["fingerprint"] == from_csv["fingerprint"]
    assert from_workbook["contests"] == from_csv["contests"]
    co, bk = from_workbook["contests"]
    assert co["ballots"] == {"cast": 20, "valid": 17, "invalid": 3}
    assert co["invalid_reasons"] == {"declared": 1, "blank": 1, "too_many": 1}
    assert bk["ballots"]["cast"] == 25 and bk["selected"] == ["SNV", "STP"]
    # both readers agree on the workbook
    fast = tally_json(runner, election, out, "--reader", "fast")
    assert fast["fingerprint"] == from_workbook["fingerprint"]


def test_notes_are_kept_for_the_audit(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    out = tmp_path / "phieu.xlsx"
    template(runner, election, "-o", out)
    fill(out)
    result = invoke(runner, "audit", election, out, "-f", "json")
    assert result.exit_code == 0, result.output
    ballots = json.loads(result.stdout)["ballots"]
    noted = [b for b in ballots if "note" in b]
    assert [(b["ballot_id"], b["note"], b["reason"]) for b in noted] == [("8", "phiếu trắng", "blank")]
    assert noted[0]["source"] == f"{out} [Cờ thi đua của Chính phủ]"


def test_a_template_row_beyond_the_numbers_and_a_bad_mark(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    out = tmp_path / "phieu.xlsx"
    template(runner, election, "-o", out)
    fill(out)
    book = load_workbook(out)
    sheet = book.worksheets[1]
    sheet.cell(row=40, column=1, value=39)
    sheet.cell(row=40, column=2, value="ok")
    book.save(out)
    result = invoke(runner, "tally", election, out)
    assert result.exit_code == 1
    assert "[Cờ thi đua của Chính phủ], hàng 40" in result.output and "'ok'" in result.output


def test_template_csv_for_one_contest(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    refused = template(runner, election, "-o", tmp_path / "a.csv")
    assert refused.exit_code == 2 and "--contest" in refused.output
    unknown = template(runner, election, "-o", tmp_path / "a.csv", "--contest", "bang")
    assert unknown.exit_code == 2 and "bang-khen" in unknown.output
    result = template(runner, election, "-o", tmp_path / "a.csv", "--contest", "bang-khen")
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.decode("utf-8") == (
        "\ufeffSố phiếu,Sở Nội vụ,Sở Tư pháp,Sở Thông tin và Truyền thông,Phiếu không hợp lệ (lý do),Ghi chú\r\n"
    )
    with (tmp_path / "a.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("1,x,,x,,\r\n2,,,,rách,\r\n")
    start, end = ELECTION.index('[[contest]]\nid = "co-thi-dua'), ELECTION.index('[[contest]]\nid = "bang-khen"')
    alone = tmp_path / "bang-khen.toml"
    alone.write_text(ELECTION[:start] + ELECTION[end:], encoding="utf-8")
    data = tally_json(runner, alone, tmp_path / "a.csv")
    assert data["contests"][0]["ballots"] == {"cast": 2, "valid": 1, "invalid": 1}


def test_template_in_english_and_never_overwrites(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    assert template(runner, election, "-o", out, "--lang", "en").exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames[0] == "Instructions"
    assert book.worksheets[1].cell(row=1, column=1).value == "ballot_id"
    again = template(runner, election, "-o", out)
    assert again.exit_code == 2
    assert template(runner, election, "-o", out, "--force").exit_code == 0


def test_rows_without_figures(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "e.toml"
    path.write_text('[[unit]]\nid = "A"\nname = "Sở A"\n[[contest]]\nid = "co"\nseats = 1\n', encoding="utf-8")
    template(runner, path, "-o", tmp_path / "p.xlsx")
    sheet = load_workbook(tmp_path / "p.xlsx").worksheets[1]
    assert sheet.cell(row=101, column=1).value == 100


def test_sheet_names_fit_and_stay_unique() -> None:
    toml = "".join(
        f'[[contest]]\nid = "c{i}"\ntitle = "{title}"\nseats = 1\ncandidates = [{{ id = "A", name = "a" }}]\n'
        for i, title in enumerate(
            [
                "Bằng khen của Thủ tướng Chính phủ năm 2023",
                "Bằng khen của Thủ tướng Chính phủ năm 2024",
                "Cờ thi đua: khối/cụm [2023]",
                "Hướng dẫn",
            ]
        )
    )
    names = sheet_names(parse_election(toml))
    assert names == [
        "Bằng khen của Thủ tướng Chính…",
        "Bằng khen của Thủ tướng… (2)",
        "Cờ thi đua- khối-cụm -2023-",
        "Hướng dẫn (2)",
    ]
    assert all(len(n) <= 31 for n in names)


@pytest.mark.parametrize(
    "title",
    [
        "Suy tôn đơn vị đề nghị tặng Cờ thi đua",  # cut after "Cờ": its tone mark next to the "…"
        "Bình xét đơn vị đề nghị tặng Bằng khen của Bộ",
        "Cờ thi đua xuất sắc của Ủy ban nhân dân tỉnh",
    ],
)
def test_the_sheet_name_template_gives_reads_back_as_its_contest(title: str) -> None:
    """With the marker column deleted, the sheet's own name still names its contest."""
    from emulation_vote.ballots.layout import contest_for_sheet

    election = parse_election(
        f'[[contest]]\nid = "c"\ntitle = "{title}"\nseats = 1\ncandidates = [{{ id = "A", name = "a" }}]\n'
    )
    (name,) = sheet_names(election)
    assert name.endswith("…") and len(name) <= 31
    found = contest_for_sheet(name, election)
    assert found is not None and found.id == "c"


# --- workbooks made by hand: a sheet per contest, headings clerks type ---


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet(name)
        assert sheet is not None
        sheet.title = name
        first = False
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_sheets_named_by_id_or_title_with_an_instruction_sheet(
    tmp_path: Path, runner: CliRunner, election: Path
) -> None:
    path = workbook(
        tmp_path / "b.xlsx",
        {
            "Ghi chú chung": [["Nhập ngày 19/12"], ["Tổ kiểm phiếu số 1"]],
            "co-thi-dua-chinh-phu": [
                ["STT", "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Ghi chú"],
                [1, "x", None, None, None, "mực đỏ"],
                [2, None, "x", None, None, None],
                [3, None, None, None, None, None],  # not a template: a numbered row is a (blank) ballot
            ],
            # Excel's 31-character cut of the title
            "Bằng khen của Thủ tướng Chính p": [
                ["Phiếu số", "SNV", "STP", "STTTT"],
                [1, "x", "x", None],
            ],
        },
    )
    data = tally_json(runner, election, path)
    co, bk = data["contests"]
    assert co["ballots"] == {"cast": 3, "valid": 2, "invalid": 1}
    assert bk["selected"] == ["SNV", "STP"]
    # --sheet reads that sheet alone; its name gives its contest
    alone = tmp_path / "co.toml"
    alone.write_text(ELECTION.split('[[contest]]\nid = "bang-khen"')[0], encoding="utf-8")
    only = tally_json(runner, alone, path, "--sheet", "co-thi-dua-chinh-phu")
    assert only["contests"][0]["ballots"] == co["ballots"]
    other = invoke(runner, "tally", alone, path, "--sheet", "Bằng khen của Thủ tướng Chính p")
    assert other.exit_code == 1 and "Sở Tài chính (STC)" in other.output  # that sheet lacks a unit of the contest


def test_a_sheet_matching_no_contest_is_an_error(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    path = workbook(
        tmp_path / "b.xlsx",
        {
            "co-thi-dua-chinh-phu": [["Mã phiếu", "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "STTTT"], [1, "x"]],
            "Tổ 2": [["Số phiếu", "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "STTTT"], [2, "x"]],
        },
    )
    result = invoke(runner, "tally", election, path, "--lang", "en")
    assert result.exit_code == 1
    assert f"{path} [Tổ 2]" in result.output
    assert "the sheet 'Tổ 2' matches no contest" in result.output
    assert "co-thi-dua-chinh-phu (Cờ thi đua của Chính phủ); bang-khen" in result.output


def test_a_template_sheet_for_a_contest_the_election_lacks(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    path = workbook(
        tmp_path / "b.xlsx",
        {"x": [["Số phiếu", "Sở Tư pháp", f"{TEMPLATE_MARK} co-thi-dua-2022"], [1, "x"]], "y": [["a"]]},
    )
    result = invoke(runner, "tally", election, path, "--lang", "en")
    assert result.exit_code == 1
    assert "made for the contest 'co-thi-dua-2022'" in result.output


@pytest.mark.parametrize("heading", ["STT", "Số phiếu", "Phiếu số", "Mã phiếu", "SỐ PHIẾU", "ballot_id"])
def test_ballot_number_headings(tmp_path: Path, runner: CliRunner, election: Path, heading: str) -> None:
    rows = [[heading, "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Ghi chú"]]
    rows += [["1", "x", "", "", "", "đã xem lại"], ["2", "x", "", "", "", ""]]
    path = write_csv(tmp_path / "co-thi-dua-chinh-phu.csv", rows)
    single = tmp_path / "one.toml"
    single.write_text(ELECTION.split('[[contest]]\nid = "bang-khen"')[0], encoding="utf-8")
    result = invoke(runner, "audit", single, path, "-f", "json")
    assert result.exit_code == 0, result.output
    ballots = json.loads(result.stdout)["ballots"]
    assert [(b["ballot_id"], b.get("note")) for b in ballots] == [("1", "đã xem lại"), ("2", None)]


def test_missing_ballot_number_names_accepted_and_found_headings(
    tmp_path: Path, runner: CliRunner, election: Path
) -> None:
    path = write_csv(tmp_path / "b.csv", [["Thứ tự", "Sở Tư pháp"], ["1", "x"]])
    result = invoke(runner, "tally", election, path, "--lang", "en")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {path}, row 1: there is no ballot number column: the header row holds 'Thứ tự', 'Sở Tư pháp'; "
        "the ballot number column must be headed one of: ballot_id, STT, Số phiếu, Phiếu số, Mã phiếu."
    )


PAPER = st.one_of(
    st.none(),  # the number left unused
    st.tuples(st.lists(st.booleans(), min_size=4, max_size=4), st.sampled_from(["", "rách"])),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(papers=st.lists(PAPER, min_size=1, max_size=12), word=st.sampled_from(["x", "X", "✓", "1", "có"]))
def test_any_filled_template_counts_like_its_papers_as_a_list(
    tmp_path_factory: pytest.TempPathFactory, papers: list[tuple[list[bool], str] | None], word: str
) -> None:
    from emulation_vote.election import load_election
    from emulation_vote.pipeline import count_files
    from emulation_vote.render.workbook import clerks_workbook

    folder = tmp_path_factory.mktemp("wb")
    election = folder / "e.toml"
    election.write_text(ELECTION.split('[[contest]]\nid = "bang-khen"')[0], encoding="utf-8")
    book_path = folder / "phieu.xlsx"
    book_path.write_bytes(clerks_workbook(load_election(election), "e.toml", "phieu.xlsx"))
    book = load_workbook(book_path)
    sheet = book.worksheets[1]
    ids = ["STP", "SNV", "STC", "STTTT"]
    rows = [["ballot_id", "choices", "invalid"]]
    for number, paper in enumerate(papers, 1):
        if paper is None:
            continue
        marks, reason = paper
        for column, marked in enumerate(marks, 2):
            sheet.cell(row=number + 1, column=column, value=word if marked else "0")
        if reason:
            sheet.cell(row=number + 1, column=6, value=reason)
        rows.append([str(number), ";".join(i for i, m in zip(ids, marks, strict=True) if m), reason])
    book.save(book_path)
    if len(rows) == 1:
        return  # nothing typed: no ballots either way
    listed = write_csv(folder / "same.csv", rows)
    assert count_files(election, [book_path]).fingerprint == count_files(election, [listed]).fingerprint


def test_template_of_a_vote_that_follows_the_ranking_takes_the_scores(tmp_path: Path, runner: CliRunner) -> None:
    from helpers import SAMPLES

    folder = SAMPLES / "scoring"
    out = tmp_path / "p.xlsx"
    missing = template(runner, folder / "election.toml", "-o", out, "--lang", "en")
    assert missing.exit_code != 0 and "--scores" in missing.output and not out.exists()
    scores = ["--scores", str(folder / "self.csv"), "--scores", str(folder / "cross.xlsx")]
    assert template(runner, folder / "election.toml", "-o", out, *scores).exit_code == 0
    header = [c.value for c in load_workbook(out).worksheets[1][1]]
    # the units ranked onto the ballot (the top 3), not the block's 9
    assert header[1:4] == ["Trường Chính trị tỉnh", "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"]
    assert header[4:6] == ["Phiếu không hợp lệ (lý do)", "Ghi chú"]


def test_a_name_that_looks_like_a_formula_stays_text_in_the_clerks_files(tmp_path: Path, runner: CliRunner) -> None:
    """A unit named "=1+1" is a heading, never a formula: in the workbook (read back and counted) and in the CSV."""
    from emulation_vote.render.workbook import clerks_csv, clerks_workbook

    election_path = tmp_path / "e.toml"
    election_path.write_text(election_toml(seats=1, candidates=[("A", "=1+1"), ("B", "Sở B")]), encoding="utf-8")
    election = parse_election(election_path.read_text(encoding="utf-8"), str(election_path))
    path = tmp_path / "phieu.xlsx"
    path.write_bytes(clerks_workbook(election, "e.toml", "phieu.xlsx"))
    book = load_workbook(path)
    sheet = book.worksheets[1]
    assert sheet["B1"].value == "=1+1" and sheet["B1"].data_type == "s"
    sheet["B2"] = "x"
    book.save(path)
    assert tally_json(runner, election_path, path)["contests"][0]["candidates"][0]["votes"] == 1
    assert clerks_csv(election.contests[0]).startswith("\ufeffSố phiếu,'=1+1,Sở B,")


def test_contest_with_the_workbook_is_a_usage_error(tmp_path: Path, runner: CliRunner, election: Path) -> None:
    result = template(runner, election, "-o", tmp_path / "x.xlsx", "--contest", "co")
    assert result.exit_code == 2  # a usage error, not the internal error (3) it was
    assert "--contest chỉ dùng với --format csv" in result.output and not (tmp_path / "x.xlsx").exists()


RUNOFF = Path(__file__).parent.parent / "sample_ballots" / "tie-runoff"


def runoff_election(folder: Path, style: str) -> Path:
    """The sample tie (round 1 leaves a runoff between STP and STC for one seat), as a tick or strike-out vote."""
    text = (RUNOFF / "election.toml").read_text(encoding="utf-8")
    path = folder / f"{style}.toml"
    path.write_text(text.replace("seats = 2\n", f'seats = 2\nstyle = "{style}"\n', 1), encoding="utf-8")
    return path


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    style=st.sampled_from(["tick", "strike"]),
    papers=st.lists(
        st.one_of(st.none(), st.tuples(st.sets(st.sampled_from(["STP", "STC"])), st.sampled_from(["", "rách"]))),
        min_size=1,
        max_size=20,
    ),
)
def test_a_runoff_workbook_counts_like_its_papers_as_a_list(
    tmp_path_factory: pytest.TempPathFactory, style: str, papers: list[tuple[set[str], str] | None]
) -> None:
    """The runoff's sheet, filled (the units on its paper only), counts as the same papers typed as a list.

    Its rows are read as round 2 (the marker says so); the hidden columns of the units not on the
    paper stay empty: in a strike-out vote those units are not on the paper, not "left".
    """
    from emulation_vote.pipeline import count_files

    folder = tmp_path_factory.mktemp("runoff")
    election = runoff_election(folder, style)
    book_path = folder / "bau-lai.xlsx"
    made = invoke(
        CliRunner(), "template", election, "-o", book_path, "--round", "2", "--runoff", "STC,STP", "--seats", "1"
    )
    assert made.exit_code == 0, made.output
    book = load_workbook(book_path)
    sheet = book.worksheets[1]
    column = {cell.value: cell.column for cell in sheet[1]}
    names = {"STP": "Sở Tư pháp", "STC": "Sở Tài chính"}
    rows = [["ballot_id", "round", "choices", "invalid"]]
    for number, paper in enumerate(papers, 1):
        if paper is None:
            continue  # a number left unused
        marked, reason = paper
        for unit, name in names.items():
            sheet.cell(row=number + 1, column=column[name], value="x" if unit in marked else "0")
        if reason:
            sheet.cell(row=number + 1, column=column["Phiếu không hợp lệ (lý do)"], value=reason)
        chosen = marked if style == "tick" else set(names) - marked  # a strike-out vote: the units left
        rows.append([str(number), "2", ";".join(sorted(chosen)), reason])
    book.save(book_path)
    if len(rows) == 1:
        return  # nothing typed
    listed = write_csv(folder / "round2.csv", rows)
    first = RUNOFF / "round1.csv"
    typed = count_files(election, [first, book_path])
    assert typed.fingerprint == count_files(election, [first, listed]).fingerprint
    assert [r.number for r in typed.contests[0].rounds] == [1, 2]


def test_the_runoff_workbook_shows_the_tied_units_and_says_it_is_a_runoff(tmp_path: Path, runner: CliRunner) -> None:
    from openpyxl.utils import get_column_letter

    election = runoff_election(tmp_path, "tick")
    out = tmp_path / "bau-lai.xlsx"
    made = invoke(
        runner, "template", election, "-o", out, "--round", "2", "--runoff", "Sở Tài chính,STP", "--seats", "1"
    )
    assert made.exit_code == 0, made.output
    assert "1 trang tính nhập phiếu" in made.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["Hướng dẫn", "Bầu lại lần 2 - Suy tôn đơn vị…"]
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == f"{TEMPLATE_MARK} co-thi-dua round 2"
    hidden = {header[i - 1] for i in range(1, len(header) + 1) if sheet.column_dimensions[get_column_letter(i)].hidden}
    assert hidden == {"Sở Nội vụ", "Sở Công Thương", "Sở Xây dựng", header[-1]}  # every unit's column is kept
    checks = {dv.type: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert checks == {"list": "C2:D71", "textLength": "B2:B71 E2:F71"}  # the others refuse any entry
    guide = [row[0] for row in book.worksheets[0].iter_rows(values_only=True) if row[0]]
    assert any(
        str(line).startswith("Bầu lại (lần bỏ phiếu thứ 2): phiếu chỉ có Sở Tư pháp (STP), Sở Tài chính (STC)")
        for line in guide
    )
    assert "8. Nhập xong, lưu tệp và kiểm phiếu: emulation-vote tally tick.toml <tệp phiếu lần trước> bau-lai.xlsx" in [
        str(line) for line in guide
    ]  # counted with the earlier vote's files
    listed = next(book.worksheets[0].iter_rows(min_row=7, max_row=7, values_only=True))
    assert listed[1:3] == ("Suy tôn đơn vị đề nghị tặng Cờ thi đua — bầu lại (lần bỏ phiếu thứ 2)", 1)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["--round", "2"], "ghi các đơn vị trên phiếu bầu lại bằng --runoff"),
        (["--runoff", "STP,STC"], "--runoff chỉ dùng cho vòng 2 trở đi"),
        (["--round", "2", "--runoff", "STP,STC"], "ghi số chỗ cần bầu bằng --seats"),
        (["--round", "2", "--runoff", "STP,Sở Xây", "--seats", "1"], "Sở Xây"),
        (["--round", "2", "--runoff", "STP,STC", "--seats", "1", "-f", "csv"], "Tệp CSV không ghi được vòng bỏ phiếu"),
    ],
)
def test_a_runoff_workbook_refuses_what_a_runoff_paper_refuses(
    tmp_path: Path, runner: CliRunner, args: list[str], key: str
) -> None:
    election = runoff_election(tmp_path, "tick")
    out = tmp_path / ("bau-lai.csv" if "csv" in args else "bau-lai.xlsx")
    refused = invoke(runner, "template", election, "-o", out, *args)
    assert refused.exit_code == 2 and key in refused.stderr, refused.stderr
    assert not out.exists()


def test_a_template_heading_records_a_runoffs_round() -> None:
    from emulation_vote.ballots.layout import read_template_heading, template_heading

    assert template_heading("co-thi-dua") == f"{TEMPLATE_MARK} co-thi-dua"
    assert template_heading("co-thi-dua", 3) == f"{TEMPLATE_MARK} co-thi-dua round 3"
    for heading in (template_heading("a b", 2), template_heading("co-thi-dua"), f"{TEMPLATE_MARK}  x   round  12 "):
        contest, number = read_template_heading(heading[len(TEMPLATE_MARK) :])
        assert f"{TEMPLATE_MARK} {contest}" + (f" round {number}" if number > 1 else "") == " ".join(heading.split())
    assert read_template_heading(" co-thi-dua round two") == ("co-thi-dua round two", 1)  # not a round: all is the id
    assert read_template_heading(" co-thi-dua round 0") == ("co-thi-dua round 0", 1)  # nor is 0, as in a round cell


def test_a_round_column_added_to_a_runoff_sheet_gives_the_round_of_the_rows_that_fill_it(tmp_path: Path) -> None:
    """A filled round cell is that row's round; an empty one takes the marker's."""
    from emulation_vote.ballots.exact import read_ballots
    from emulation_vote.ballots.layout import template_heading
    from emulation_vote.election import load_election

    election = runoff_election(tmp_path, "tick")
    header = ["Số phiếu", "vòng", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng"]
    given = {1: "2", 2: "", 3: "1", 4: "3", 5: ""}
    rows = [[str(n), cell, "", "x", "", "", ""] for n, cell in given.items()]
    book = workbook(tmp_path / "bau-lai.xlsx", {"bau-lai": [[*header, template_heading("co-thi-dua", 2)], *rows]})
    read = read_ballots([book], load_election(election))
    assert [(b.ballot_id, b.round) for b in read.ballots] == [("1", 2), ("2", 2), ("3", 1), ("4", 3), ("5", 2)]


def test_a_runoff_counted_without_its_first_vote_says_to_add_it(tmp_path: Path, runner: CliRunner) -> None:
    election = runoff_election(tmp_path, "tick")
    second = write_csv(tmp_path / "round2.csv", [["ballot_id", "round", "choices"], ["1", "2", "STP"]])
    said = invoke(runner, "tally", election, second)
    assert said.exit_code == 1
    assert "chỉ có phiếu bầu lại (lần bỏ phiếu thứ 2)" in said.stderr and "thêm các tệp phiếu lần 1" in said.stderr
    data = json.loads(invoke(runner, "tally", election, second, "-f", "json", "--lang", "en").stdout)
    assert data["errors"][0]["code"] == "contest.runoff_only"


@pytest.mark.parametrize("style", ["tick", "strike"])
def test_the_guide_says_how_a_strike_out_paper_is_typed(tmp_path: Path, runner: CliRunner, style: str) -> None:
    election = runoff_election(tmp_path, style)
    out = tmp_path / "phieu.xlsx"
    assert invoke(runner, "template", election, "-o", out).exit_code == 0
    guide = [str(row[0]) for row in load_workbook(out).worksheets[0].iter_rows(values_only=True) if row[0]]
    rules = [line for line in guide if line.startswith("Nội dung gạch tên: gõ x vào ô của đơn vị bị gạch")]
    assert len(rules) == (style == "strike")
    assert any("gõ 0 vào một ô đơn vị bất kỳ" in line for line in guide)  # 0 in the reason column is a reason
    assert any("Hàng có ghi chú là một phiếu" in line for line in guide)  # a note makes the row a paper


def test_a_template_with_nothing_typed_says_its_numbers_are_unused(
    tmp_path: Path, runner: CliRunner, election: Path
) -> None:
    out = tmp_path / "phieu.xlsx"
    assert template(runner, election, "-o", out).exit_code == 0
    said = invoke(runner, "tally", election, out, "-f", "json", "--lang", "en")
    assert said.exit_code == 1
    codes = {error["code"] for error in json.loads(said.stdout)["errors"]}
    assert codes == {"file.no_ballots_typed"}
    assert "every pre-printed number's row is empty" in json.loads(said.stdout)["errors"][0]["message"]

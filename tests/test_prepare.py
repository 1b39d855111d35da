"""Preparing a conference: unit ids, unit lists, contest presets, and the `new` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from emulation_vote.election import load_election
from emulation_vote.errors import UsageError
from emulation_vote.prepare import (
    UnitListError,
    build_units,
    derive_id,
    derive_ids,
    parse_contest,
    parse_date,
    read_unit_list,
)

from helpers import invoke, write_csv

COMMAND = [sys.executable, "-m", "emulation_vote"]
SEVEN = [
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường",
    "Báo Lào Cai",
    "Đài Phát thanh - Truyền hình",
]


# --- ids ---


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở Tư pháp", "STP"),
        ("Sở Nội vụ", "SNV"),
        ("Văn phòng Tỉnh ủy", "VPTU"),
        ("Văn phòng Tỉnh uỷ", "VPTU"),
        ("Đảng ủy Khối", "DUK"),
        ("Sở Tài nguyên và Môi trường", "STNMT"),
        ("Đài Phát thanh - Truyền hình", "DPTTH"),
        ("Trường THPT số 1", "TTHPTS1"),
        ("  ", "DV"),
    ],
)
def test_derive_id(name: str, expected: str) -> None:
    assert derive_id(name) == expected


def test_clashing_initials_get_a_numeric_suffix_in_list_order() -> None:
    names = ["Sở Tài chính", "Sở Thương chính", "Sở Tư pháp", "Sở Tư chính"]
    assert derive_ids(names) == ("STC", "STC2", "STP", "STC3")
    # stable: the same list always gives the same ids
    assert derive_ids(names) == derive_ids(list(names))


def test_derived_id_never_equals_another_units_name() -> None:
    assert derive_ids(["STP", "Sở Tư pháp"]) == ("STP", "STP2")


def test_given_ids_are_kept_and_derived_ones_avoid_them() -> None:
    assert derive_ids(["Sở Tư pháp", "Sở Thể thao"], {0: "STT"}) == ("STT", "STT2")


def test_a_name_listed_twice_is_an_error_at_its_row() -> None:
    with pytest.raises(UnitListError) as info:
        build_units(["Sở Tư pháp", "Sở Nội vụ", "SỞ TƯ  PHÁP"], "units.txt", [1, 2, 4])
    assert (info.value.key, info.value.row, info.value.params["first"]) == ("units.twice", 4, 1)


# --- unit lists ---


def test_read_txt_unit_list(tmp_path: Path) -> None:
    path = tmp_path / "units.txt"
    path.write_text("\ufeff1. Sở Tư pháp\n\n2) Sở Nội vụ\n- Báo Lào Cai\r\n", encoding="utf-8")
    units = read_unit_list(path)
    assert [(u.id, u.name) for u in units] == [("STP", "Sở Tư pháp"), ("SNV", "Sở Nội vụ"), ("BLC", "Báo Lào Cai")]


def test_read_csv_with_a_name_heading_ids_and_aliases(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "units.csv",
        [
            ["STT", "Tên đơn vị", "Mã", "Tên viết tắt"],
            ["1", "Sở Tư pháp", "", "Sở TP"],
            ["2", "Sở Nội vụ", "NV", ""],
            ["3", "", "", ""],
        ],
    )
    units = read_unit_list(path)
    assert [(u.id, u.name, u.aliases) for u in units] == [
        ("STP", "Sở Tư pháp", ("Sở TP",)),
        ("NV", "Sở Nội vụ", ()),
    ]


def test_read_csv_without_a_heading_takes_the_first_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "units.csv", [["Sở Tư pháp", "x"], ["Sở Nội vụ", "y"]])
    assert [u.name for u in read_unit_list(path)] == ["Sở Tư pháp", "Sở Nội vụ"]


def test_read_xlsx_unit_list(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["STT", "Đơn vị"], [1, "Sở Tư pháp"], [2, "Sở Nội vụ"]):
        sheet.append(row)
    book.save(tmp_path / "units.xlsx")
    assert [u.id for u in read_unit_list(tmp_path / "units.xlsx")] == ["STP", "SNV"]


@pytest.mark.parametrize(("name", "key"), [("units.pdf", "units.suffix"), ("none.txt", "file.missing")])
def test_unit_list_errors(tmp_path: Path, name: str, key: str) -> None:
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF")
    with pytest.raises(UnitListError) as info:
        read_unit_list(tmp_path / name)
    assert info.value.key == key


def test_empty_unit_list(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(UnitListError, match=r"units\.none"):
        read_unit_list(tmp_path / "u.txt")


# --- contests and dates ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cờ thi đua của Chính phủ:1", ("Cờ thi đua của Chính phủ", 1)),
        ("Bằng khen: 2", ("Bằng khen", 2)),
        ("co-chinh-phu", ("Cờ thi đua của Chính phủ", 1)),
        ("bang-khen-thu-tuong:3", ("Bằng khen của Thủ tướng Chính phủ", 3)),
        ("cờ thi đua của chính phủ", ("Cờ thi đua của Chính phủ", 1)),
    ],
)
def test_parse_contest(text: str, expected: tuple[str, int]) -> None:
    assert parse_contest(text) == expected


@pytest.mark.parametrize(
    ("text", "key"), [("Bằng khen", "new.no_seats"), ("X:0", "new.bad_contest"), (":2", "new.bad_contest")]
)
def test_parse_contest_errors(text: str, key: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_contest(text)
    assert info.value.key == key


def test_parse_date() -> None:
    assert parse_date("19/12/2023") == parse_date("2023-12-19") == parse_date("19.12.2023")
    with pytest.raises(UsageError):
        parse_date("32/12/2023")


# --- the command ---


def units_file(tmp_path: Path) -> Path:
    path = tmp_path / "units.txt"
    path.write_text("\n".join(SEVEN) + "\n", encoding="utf-8")
    return path


def test_new_with_flags_writes_a_file_that_loads_and_tallies(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "hoi-nghi"
    result = invoke(
        runner,
        "new",
        folder,
        "--units",
        units_file(tmp_path),
        "--contest",
        "Cờ thi đua của Chính phủ:1",
        "--contest",
        "bang-khen-thu-tuong",
        "--title",
        "Hội nghị tổng kết năm 2023",
        "--organization",
        "CỤM THI ĐUA SỐ 3",
        "--header",
        "state",
        "--place",
        "Lào Cai",
        "--date",
        "19/12/2023",
        "--time",
        "14h30",
        "--convened",
        "31",
        "--present",
        "30",
        "--issued",
        "30",
        "--threshold",
        "party",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    assert "STTTT" in result.output and "Đã tạo" in result.output
    election = load_election(folder / "election.toml")
    assert [u.id for u in election.units] == ["STP", "SNV", "STC", "STTTT", "STNMT", "BLC", "DPTTH"]
    assert [(c.id, c.seats, len(c.candidates)) for c in election.contests] == [
        ("co-thi-dua-chinh-phu", 1, 7),
        ("bang-khen-thu-tuong-chinh-phu", 2, 7),
    ]
    assert election.contests[0].threshold.of == "convened"
    meeting = election.meeting
    assert (meeting.title, meeting.organization, meeting.header, meeting.place, meeting.time) == (
        "Hội nghị tổng kết năm 2023",
        "CỤM THI ĐUA SỐ 3",
        "state",
        "Lào Cai",
        "14:30",
    )
    assert (election.electorate.convened, election.electorate.present, election.electorate.issued) == (31, 30, 30)
    text = (folder / "election.toml").read_text(encoding="utf-8")
    # every other threshold preset is one commented line away, with the Party rule stated
    assert '#   threshold = { share = "1/2", strict = true, of = "valid" }' in text
    assert "quá nửa tổng số đại biểu triệu tập" in text
    rows = [["contest", "ballot_id", "choices"]]
    rows += [["co-thi-dua-chinh-phu", str(i), "STP"] for i in range(1, 17)]
    rows += [["bang-khen-thu-tuong-chinh-phu", str(i), "Sở Nội vụ;BLC"] for i in range(1, 17)]
    tally = invoke(runner, "tally", folder / "election.toml", write_csv(tmp_path / "b.csv", rows), "-f", "json")
    assert tally.exit_code == 0, tally.output
    assert [c["selected"] for c in json.loads(tally.output)["contests"]] == [["STP"], ["SNV", "BLC"]]


def test_new_in_english_and_defaults(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "new", tmp_path / "x", "--unit", "Sở Y tế", "--unit", "Sở Nội vụ", "--lang", "en")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "x" / "election.toml").read_text(encoding="utf-8")
    assert "# The block's member units" in text and "Các đơn vị" not in text
    election = load_election(tmp_path / "x" / "election.toml")
    assert election.contests[0].title == "Cờ thi đua của Chính phủ"
    assert election.contests[0].ids == ("SYT", "SNV")


def test_new_refuses_to_overwrite(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "election.toml").write_text("keep", encoding="utf-8")
    result = invoke(runner, "new", tmp_path, "--unit", "Sở Y tế", "--yes")
    assert result.exit_code == 2
    assert "không ghi đè" in result.output
    assert (tmp_path / "election.toml").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ([], "--units"),
        (["--unit", "A", "--present", "5", "--convened", "4"], "--present 5"),
        (["--unit", "A", "--threshold", "present"], "--present N"),
        (["--unit", "A", "--threshold", "most"], "valid, convened"),
        (["--unit", "A", "--contest", "Bằng khen"], "Bằng khen:1"),
    ],
)
def test_new_usage_errors(tmp_path: Path, runner: CliRunner, args: list[str], words: str) -> None:
    result = invoke(runner, "new", tmp_path / "x", *args)
    assert result.exit_code == 2
    assert words in result.output
    assert not (tmp_path / "x" / "election.toml").exists()


def test_new_piped_never_waits(tmp_path: Path) -> None:
    run = subprocess.run(
        [*COMMAND, "new", str(tmp_path / "x"), "--units", str(units_file(tmp_path))],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert load_election(tmp_path / "x" / "election.toml").units[3].id == "STTTT"
    missing = subprocess.run(
        [*COMMAND, "new", str(tmp_path / "y")],
        input="Sở Y tế\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "--units" in missing.stderr


def test_new_asks_on_a_terminal(tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        [*COMMAND[1:], "new", str(tmp_path / "hn")],
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 160),
        env={"PATH": "/usr/bin:/bin", "TERM": "dumb", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
    )
    answers = [
        ("Tệp danh sách đơn vị", ""),
        ("Tên đơn vị 1", "Sở Tư pháp"),
        ("Tên đơn vị 2", "Sở Nội vụ"),
        ("Tên đơn vị 3", "Sở Tài chính"),
        ("Tên đơn vị 4", ""),
        ("Nội dung bầu 1", ""),  # the first preset
        ("Số đơn vị được suy tôn", ""),
        ("Nội dung bầu 2", "Bằng khen của Khối"),
        ("Số đơn vị được suy tôn", "2"),
        ("Nội dung bầu 3", ""),
        ("Ngày họp", "19/12/2023"),
        ("Tên hội nghị", ""),
        ("Cơ quan", "CỤM THI ĐUA SỐ 3"),
        ("Địa điểm", "Lào Cai"),
        ("Số đại biểu triệu tập", "ba mươi"),
        ("số nguyên", "31"),
        ("Số đại biểu có mặt", ""),
        ("Số phiếu phát ra", ""),
        ("Ngưỡng trúng", "2"),
        ("Tiêu đề góc phải biên bản.*\\(1\\)", ""),  # the Party rule: the Party letterhead by default
        ("Ghi tệp election.toml\\? \\[c/k\\]", "c"),
    ]
    for prompt, answer in answers:
        child.expect(prompt)
        child.sendline(answer)
    child.expect("Đã tạo")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    election = load_election(tmp_path / "hn" / "election.toml")
    assert [u.id for u in election.units] == ["STP", "SNV", "STC"]
    assert [(c.title, c.seats) for c in election.contests] == [
        ("Cờ thi đua của Chính phủ", 1),
        ("Bằng khen của Khối", 2),
    ]
    assert election.meeting.title == "Hội nghị tổng kết phong trào thi đua năm 2023"
    assert election.electorate.convened == 31 and election.electorate.present is None
    assert election.contests[1].threshold.of == "convened"
    assert election.meeting.header == "party"


@pytest.mark.parametrize(
    ("args", "header"),
    [
        ([], "state"),
        (["--threshold", "two-thirds"], "state"),
        (["--threshold", "party", "--convened", "31"], "party"),
        (["--threshold", "convened", "--convened", "31", "--header", "state"], "state"),
        (["--header", "party"], "party"),
    ],
)
def test_new_letterhead_follows_the_threshold(tmp_path: Path, runner: CliRunner, args: list[str], header: str) -> None:
    result = invoke(runner, "new", tmp_path / "x", "--unit", "Sở Y tế", "--unit", "Sở Nội vụ", "--yes", *args)
    assert result.exit_code == 0, result.output
    assert load_election(tmp_path / "x" / "election.toml").meeting.header == header
    text = (tmp_path / "x" / "election.toml").read_text(encoding="utf-8")
    assert "mặc định: party với ngưỡng convened" in text


def test_new_cancelled_at_a_question_writes_nothing(tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        [*COMMAND[1:], "new", str(tmp_path / "hn"), "--unit", "Sở Y tế"],
        encoding="utf-8",
        timeout=30,
        env={"PATH": "/usr/bin:/bin", "TERM": "dumb", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
    )
    child.expect("Nội dung bầu 1")
    child.sendeof()
    child.expect("Đã hủy")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not (tmp_path / "hn" / "election.toml").exists()


def test_an_unknown_header_is_a_usage_error(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "new", tmp_path / "hn", "--header", "foo", "--yes", "--lang", "en")
    assert result.exit_code == 2  # a usage error, not the internal error (3) it was
    assert "--header 'foo' is not valid: write party or state." in result.output

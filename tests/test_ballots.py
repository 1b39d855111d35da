"""Ballot files: layouts, name matching, encodings, .xlsx, and every data-entry error with its row."""

import codecs
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from emulation_vote.ballots import read_ballots
from emulation_vote.count import count_election
from emulation_vote.errors import BallotFileError
from emulation_vote.render.errors import describe_error
from emulation_vote.schema import record_dict

from helpers import count_text, cp1258_bytes, election_toml, list_rows, parse, write_csv

WIDE = [
    ["ballot_id", "A", "B", "C", "D", "E", "invalid"],
    ["1", "x", "x", "", "", "", ""],
    ["2", "1", "", "", "", "0", ""],
    ["3", "", "", "không", "no", "false", ""],
    ["4", "x", "", "x", "", "", "không có dấu"],
    ["5", " X ", "", "", "", "", ""],
]


def load(tmp_path: Path, rows: list[list[str]], name: str = "b.csv", toml: str | None = None, **kwargs: object):
    election = parse(toml or election_toml(seats=2))
    path = write_csv(tmp_path / name, rows)
    return read_ballots([path], election, **kwargs).ballots  # type: ignore[arg-type]


def error(tmp_path: Path, rows: list[list[str]], name: str = "b.csv", toml: str | None = None) -> BallotFileError:
    with pytest.raises(BallotFileError) as info:
        load(tmp_path, rows, name, toml)
    return info.value


def test_wide_marks(tmp_path: Path) -> None:
    ballots = load(tmp_path, WIDE)
    assert [sorted(b.marks) for b in ballots] == [["A", "B"], ["A"], [], ["A", "C"], ["A"]]
    assert [b.declared for b in ballots] == [None, None, None, "không có dấu", None]
    assert [b.row for b in ballots] == [2, 3, 4, 5, 6]


def test_wide_headers_by_name_alias_and_id(tmp_path: Path) -> None:
    toml = election_toml(seats=2).replace(
        'name = "Văn phòng Tỉnh ủy" }', 'name = "Văn phòng Tỉnh ủy", aliases = ["VP"] }'
    )
    rows = [
        ["Ballot ID", "vp", "BAN TUYÊN GIÁO TỈNH UỶ", "c", unicodedata.normalize("NFD", "Báo  Lào Cai"), "E"],
        ["1", "x", "x", "", "", ""],
    ]
    assert sorted(load(tmp_path, rows, toml=toml)[0].marks) == ["A", "B"]


@pytest.mark.parametrize(
    "spelling",
    [
        "Văn phòng Tỉnh uỷ",
        "VĂN PHÒNG TỈNH ỦY",
        "văn  phòng   tỉnh ủy",
        "a",
        unicodedata.normalize("NFD", "Văn phòng Tỉnh ủy"),
    ],
)
def test_list_names_match_under_normalisation(tmp_path: Path, spelling: str) -> None:
    ballots = load(tmp_path, [["ballot_id", "choices"], ["1", f" {spelling} ; Báo Lào Cai"]])
    assert ballots[0].marks == frozenset({"A", "D"})


def test_list_and_wide_give_the_same_result(tmp_path: Path) -> None:
    toml = election_toml(seats=2)
    wide = count_text(tmp_path, toml, {"w.csv": WIDE})
    lists = count_text(
        tmp_path,
        toml,
        {
            "l.csv": [
                ["ballot_id", "choices", "invalid"],
                ["1", "A;B", ""],
                ["2", "A", ""],
                ["3", "", ""],
                ["4", "A;C", "không có dấu"],
                ["5", "A", ""],
            ]
        },
    )
    assert record_dict(wide) == record_dict(lists)


def test_semicolon_csv_and_tsv(tmp_path: Path) -> None:
    election = parse(election_toml(seats=2))
    semi = write_csv(tmp_path / "s.csv", WIDE, delimiter=";")
    tab = write_csv(tmp_path / "t.tsv", WIDE, delimiter="\t")
    comma = write_csv(tmp_path / "c.csv", WIDE)
    results = [record_dict(count_election(election, read_ballots([p], election))) for p in (semi, tab, comma)]
    assert results[0] == results[1] == results[2]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_encodings_give_the_same_result(tmp_path: Path, encoding: str) -> None:
    election = parse(election_toml(seats=2))
    rows = [["ballot_id", "choices"], ["1", "Văn phòng Tỉnh ủy;Ban Tuyên giáo Tỉnh ủy"], ["2", "Trường Chính trị tỉnh"]]
    plain = write_csv(tmp_path / "plain.csv", rows)
    other = write_csv(tmp_path / f"{encoding}.csv", rows, encoding=encoding)
    named = "cp1258" if encoding == "cp1258" else None
    expected = record_dict(count_election(election, read_ballots([plain], election)))
    assert record_dict(count_election(election, read_ballots([other], election, encoding=named))) == expected


def test_cp1258_with_combining_marks_is_normalised(tmp_path: Path) -> None:
    # cp1258 stores "ủ" as "u" + combining hook: the text must be NFC'd before matching.
    raw = cp1258_bytes("ballot_id,choices\n1,Văn phòng Tỉnh ủy\n")
    assert b"\xd2" in raw  # the combining hook above
    path = tmp_path / "cp.csv"
    path.write_bytes(raw)
    election = parse(election_toml(seats=2))
    assert read_ballots([path], election, encoding="cp1258").ballots[0].marks == frozenset({"A"})


def test_not_utf8_without_encoding_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cp.csv"
    path.write_bytes(cp1258_bytes("ballot_id,choices\n1,A\n2,Báo Lào Cai\n"))
    with pytest.raises(BallotFileError) as info:
        read_ballots([path], parse(election_toml(seats=2)))
    assert info.value.key == "encoding.cp1258" and info.value.row == 3
    assert "--encoding cp1258" in describe_error(info.value, "en")
    path.write_bytes(b"ballot_id,choices\n1,A\n2,\x9d\x81\n")
    with pytest.raises(BallotFileError) as info:
        read_ballots([path], parse(election_toml(seats=2)))
    assert info.value.key == "encoding.not_utf8" and info.value.row == 3


def test_utf16_bom_detected(tmp_path: Path) -> None:
    path = tmp_path / "u16.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "ballot_id;choices\r\n1;Báo Lào Cai\r\n".encode("utf-16-le"))
    assert read_ballots([path], parse(election_toml(seats=2))).ballots[0].marks == frozenset({"D"})


def write_xlsx(path: Path, rows: list[list[object]], leading_blank_rows: int = 0) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for _ in range(leading_blank_rows):
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_gives_the_same_result_as_csv(tmp_path: Path) -> None:
    election = parse(election_toml(seats=2))
    csv_path = write_csv(tmp_path / "w.csv", WIDE)
    xlsx_rows: list[list[object]] = [[int(c) if c.isdigit() else (c or None) for c in row] for row in WIDE]
    xlsx_path = write_xlsx(tmp_path / "w.xlsx", xlsx_rows)
    a = record_dict(count_election(election, read_ballots([csv_path], election)))
    b = record_dict(count_election(election, read_ballots([xlsx_path], election)))
    assert a == b


def test_xlsx_numbers_and_row_numbers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "w.xlsx", [["ballot_id", "choices"], [1.0, "A"], [2, "Tỉnh"]])
    with pytest.raises(BallotFileError) as info:
        read_ballots([path], parse(election_toml(seats=2)))
    assert info.value.row == 3 and info.value.key == "row.unknown_candidate_none"  # no name is close to it
    ballots = read_ballots(
        [write_xlsx(tmp_path / "ok.xlsx", [["ballot_id", "choices"], [1.0, "A"]])], parse(election_toml(seats=2))
    )
    assert ballots.ballots[0].ballot_id == "1"


def test_blank_rows_are_skipped_but_keep_row_numbers(tmp_path: Path) -> None:
    rows = [["ballot_id", "choices"], ["1", "A"], ["", ""], [], ["2", "Tỉnh"]]
    err = error(tmp_path, rows)
    assert err.row == 5


# --- data-entry errors: the key, the row as a spreadsheet shows it, the suggestion ---


def test_unknown_candidate_in_a_list_suggests_the_closest(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices"], ["1", "A"], ["2", "Van phong Tinh uy x"]])
    assert err.key == "row.unknown_candidate" and err.row == 3 and err.file == str(tmp_path / "b.csv")
    assert err.params["suggestions"].startswith("Văn phòng Tỉnh ủy (A)")
    assert "hàng 3" in describe_error(err, "vi") and "row 3" in describe_error(err, "en")


def test_unknown_candidate_column_suggests_the_closest(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "A", "B", "C", "D", "E", "Truong Chin tri"], ["1", "x", "", "", "", "", ""]])
    assert err.key == "header.unknown_candidate" and err.row == 1
    assert "Trường Chính trị tỉnh (C)" in err.params["suggestions"]


@pytest.mark.parametrize(
    ("style", "key", "hint"),
    [
        ("tick", "header.missing_candidate_round", "để trống cột của đơn vị không có trên phiếu bầu lại"),
        ("strike", "header.missing_candidate_round_strike", "chỉ các đơn vị bầu lại không bị gạch được tính"),
    ],
)
def test_a_runoff_sheet_missing_columns_says_how_a_runoff_is_laid_out(
    tmp_path: Path, style: str, key: str, hint: str
) -> None:
    toml = election_toml(seats=2, style=style)
    err = error(tmp_path, [["ballot_id", "round", "A", "B"], ["1", "2", "x", ""]], toml=toml)
    assert err.key == key and err.row == 1
    assert hint in describe_error(err, "vi") and "enter --round 2 --runoff" in describe_error(err, "en")


def test_missing_candidate_column(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "A", "B", "C", "D"], ["1", "x", "", "", ""]])
    assert err.key == "header.missing_candidate" and "Ban Dân vận Tỉnh ủy (E)" in err.params["names"]


def test_duplicate_ballot_id_in_one_file(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices"], ["1", "A"], ["2", "B"], ["1", "C"]])
    assert err.key == "row.duplicate_id" and err.row == 4 and err.params["first_row"] == 2


def test_duplicate_ballot_id_across_files(tmp_path: Path) -> None:
    election = parse(election_toml(seats=2))
    one = write_csv(tmp_path / "one.csv", list_rows(["A", "B"]))
    two = write_csv(tmp_path / "two.csv", list_rows(["C"]))
    with pytest.raises(BallotFileError) as info:
        read_ballots([one, two], election)
    assert info.value.file == str(two) and info.value.params["first_file"] == str(one)


def test_candidate_named_twice(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices"], ["1", "A; Văn phòng Tỉnh uỷ"]])
    assert err.key == "row.named_twice" and err.row == 2


def test_candidate_with_two_columns(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "A", "Văn phòng Tỉnh ủy", "B", "C", "D", "E"], ["1", "x", "", "", "", "", ""]])
    assert err.key == "header.candidate_twice"


def test_missing_ballot_id_column_suggests_the_closest_header(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballotid", "choices"], ["1", "A"]])
    assert err.key == "header.no_ballot_id_near" and err.params["suggestion"] == "ballotid"
    err = error(tmp_path, [["choices"], ["A"]])
    assert err.key == "header.no_ballot_id"


def test_empty_ballot_id_with_marks(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices"], ["1", "A"], ["", "B"]])
    assert err.key == "row.no_ballot_id" and err.row == 3


def test_header_only_file(tmp_path: Path) -> None:
    assert error(tmp_path, [["ballot_id", "choices"]]).key == "file.no_ballots"


def test_several_contests_need_a_contest_column(tmp_path: Path) -> None:
    extra = '\n[[contest]]\nid = "bk"\nseats = 1\ncandidates = [{ id = "A", name = "Văn phòng Tỉnh ủy" }]\n'
    err = error(tmp_path, list_rows(["A"]), toml=election_toml(seats=2, extra_contests=extra))
    assert err.key == "file.which_contest"


def test_unknown_contest_suggests_the_closest(tmp_path: Path) -> None:
    err = error(tmp_path, [["contest", "ballot_id", "choices"], ["cp", "1", "A"]])
    assert err.key == "row.unknown_contest" and err.params["suggestion"] == "co"


def test_extra_and_missing_cells(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices"], ["1", "A", "B"]])
    assert err.key == "row.extra_cell" and err.row == 2
    err = error(tmp_path, [["ballot_id", "A", "B", "C", "D", "E"], ["1", "x"]])
    assert err.key == "row.short" and err.row == 2


def test_trailing_empty_cells_and_columns_are_fine(tmp_path: Path) -> None:
    ballots = load(tmp_path, [["ballot_id", "choices", "", ""], ["1", "A", "", ""], ["2", "B"], ["", "", "", ""]])
    assert len(ballots) == 2


def test_bad_round(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "round", "choices"], ["1", "zero", "A"]])
    assert err.key == "row.bad_round"


def test_unknown_column_in_a_list_file(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "choices", "invalidd"], ["1", "A", ""]])
    assert err.key == "header.unknown_list" and err.params["suggestion"] == "invalid"


def test_a_heading_far_from_every_name_suggests_nothing(tmp_path: Path) -> None:
    err = error(tmp_path, [["ballot_id", "A", "B", "C", "D", "E", "Phong trào"], ["1", "x", "", "", "", "", ""]])
    assert err.key == "header.unknown_candidate_none"
    assert "gần nhất" not in describe_error(err, "vi") and "(A)" not in describe_error(err, "vi")

"""Messages that used to mislead: each now says what is really wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.ballots.decode import decode
from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError, ElectionFileError

from helpers import E, invoke


def test_tally_given_one_file_twice_says_so(runner: CliRunner, tmp_path: Path, election: Path, ballots: Path) -> None:
    (tmp_path / "link.csv").symlink_to(ballots)
    result = invoke(runner, "tally", election, ballots, tmp_path / "link.csv", "--lang", "en")
    assert result.exit_code == 2
    assert f"this file was already given (as {ballots})" in result.stderr


def test_compare_given_one_file_twice_says_so(runner: CliRunner, election: Path, ballots: Path) -> None:
    result = invoke(runner, "compare", election, ballots, ballots, "--lang", "en")
    assert result.exit_code == 2
    assert "already given" in result.stderr
    assert "agree" not in result.stdout


def test_utf16_without_bom_is_named() -> None:
    raw = "ballot_id,choices\n1,Ban A\n".encode("utf-16-le")
    with pytest.raises(BallotFileError) as caught:
        decode(raw, "b.csv")
    assert caught.value.key == "encoding.utf16_no_bom" and caught.value.params["encoding"] == "utf-16-le"
    with pytest.raises(BallotFileError) as caught:
        decode("ballot_id,choices\n".encode("utf-16-be"), "b.csv")
    assert caught.value.params["encoding"] == "utf-16-be"
    assert decode(raw, "b.csv", "utf-16-le").startswith("ballot_id")


def test_min_marks_over_the_default_max_marks_blames_the_seats() -> None:
    with pytest.raises(ElectionFileError) as caught:
        parse_election(E.replace("seats = 2", "seats = 2\nmin_marks = 3"))
    assert caught.value.key == "election.min_marks_over_seats"
    with pytest.raises(ElectionFileError) as caught:
        parse_election(E.replace("seats = 2", "seats = 2\nmax_marks = 2\nmin_marks = 3"))
    assert caught.value.key == "election.marks_order"


def test_pipe_in_a_unit_name_keeps_the_markdown_table(runner: CliRunner, tmp_path: Path, ballots: Path) -> None:
    election = tmp_path / "p.toml"
    election.write_text(E.replace('name="Ban A"', 'name="Ban A | Khối 1"'), encoding="utf-8")
    result = invoke(runner, "minutes", election, ballots)
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "Khối 1" in line and line.startswith("|"))
    assert "Ban A \\| Khối 1" in row
    header = next(line for line in result.stdout.splitlines() if line.startswith("|--") or line.startswith("|-"))
    assert row.replace("\\|", "").count("|") == header.count("|")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u202e", "\u200f", "\ufeff", "\u00ad"])
def test_look_alike_unit_names_differing_by_invisible_characters_are_refused(invisible: str) -> None:
    toml = E.replace('name="Ban B"', f'name="Ban{invisible} A"')
    with pytest.raises(ElectionFileError) as caught:
        parse_election(toml)
    assert caught.value.key == "election.same_name"


def test_a_name_typed_with_an_invisible_character_matches(tmp_path: Path, election: Path) -> None:
    from emulation_vote.ballots import read_ballots

    path = tmp_path / "z.csv"
    path.write_text("ballot_id,choices\n1,Ban\u200b A\n", encoding="utf-8")
    (ballot,) = read_ballots([path], parse_election(E)).ballots
    assert ballot.marks == frozenset({"A"})


@pytest.mark.parametrize(
    ("tail", "key"), [(b"3,C\x00\n", "csv.nul"), (b"3,Ban \xe9\n", "encoding.not_utf8")], ids=["nul", "latin1"]
)
def test_errors_name_the_spreadsheet_row_after_a_cell_of_several_lines(
    tmp_path: Path, election: Path, tail: bytes, key: str
) -> None:
    from emulation_vote.ballots import read_ballots

    path = tmp_path / "m.csv"
    path.write_bytes(
        b'ballot_id,choices,invalid\n1,A,"r\xc3\xa1ch\nhai\nd\xc3\xb2ng"\n2,B,\n' + tail.replace(b"\n", b",\n")
    )
    with pytest.raises(BallotFileError) as caught:
        read_ballots([path], parse_election(E))
    assert caught.value.key == key
    assert caught.value.row == 4  # the physical line is 6


CP1258_UNITS = [
    ("STP", "Sở Tư pháp"),
    ("VPTU", "Văn phòng Tỉnh ủy"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("BLC", "Báo Lào Cai"),
    ("TCT", "Trường Chính trị"),
    ("DUK", "Đảng ủy Khối Cơ quan - Doanh nghiệp"),
]


def _cp1258_ballots(names: list[str], rows: int) -> str:
    picks = [sorted({names[n % len(names)], names[(n + 1) % len(names)]}) for n in range(1, rows + 1)]
    lines = [f"{n},{';'.join(pick)}" for n, pick in enumerate(picks, 1)]
    return "ballot_id,choices\n" + "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("precomposed", [False, True], ids=["decomposed", "precomposed"])
@pytest.mark.parametrize(
    "names",
    [[name] for _, name in CP1258_UNITS] + [[name for _, name in CP1258_UNITS]],
    ids=[unit for unit, _ in CP1258_UNITS] + ["all"],
)
@pytest.mark.parametrize("rows", [1, 40])
def test_a_windows_1258_file_is_told_to_use_cp1258_and_then_reads(
    runner: CliRunner, tmp_path: Path, precomposed: bool, names: list[str], rows: int
) -> None:
    from helpers import cp1258_bytes, election_toml

    election = tmp_path / "e.toml"
    election.write_text(election_toml(candidates=CP1258_UNITS), encoding="utf-8")
    text = _cp1258_ballots(names, rows)
    path = tmp_path / "b.csv"
    path.write_bytes(cp1258_bytes(text, precomposed=precomposed))
    result = invoke(runner, "tally", election, path, "--lang", "en")
    assert result.exit_code == 1
    assert "--encoding cp1258" in result.stderr
    assert "Windows-1258" in result.stderr
    assert "VNI" not in result.stderr and "TCVN3" not in result.stderr
    result = invoke(runner, "tally", election, path, "--encoding", "cp1258", "-f", "json")
    assert result.exit_code == 0, result.stderr
    expected = json.loads(invoke(runner, "tally", election, _utf8(tmp_path, text), "-f", "json").stdout)
    assert json.loads(result.stdout)["contests"] == expected["contests"]


def _utf8(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "utf8.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("precomposed", [False, True], ids=["decomposed", "precomposed"])
def test_windows_1258_bytes_are_detected_as_cp1258(precomposed: bool) -> None:
    from emulation_vote.ballots.legacy import detect

    from helpers import cp1258_bytes

    for _, name in CP1258_UNITS:
        raw = cp1258_bytes(f"ballot_id,choices\n1,{name}\n", precomposed=precomposed)
        assert detect(raw.decode("cp1252", errors="replace"), raw_bytes=True) in ("cp1258", None), name
    raw = cp1258_bytes("Ủy ban Kiểm tra", precomposed=precomposed)
    assert detect(raw.decode("cp1252"), raw_bytes=True) == "cp1258"


def test_vni_and_tcvn3_bytes_are_still_detected_as_such() -> None:
    import unicodedata

    from emulation_vote.ballots.legacy import TCVN3, VNI, detect

    vni = {letter: typed for typed, letter in sorted(VNI.items(), key=lambda item: len(item[0]))}
    tcvn3 = {letter: typed for typed, letter in TCVN3.items() if unicodedata.category(letter)[0] == "L"}
    for _, name in CP1258_UNITS:
        typed_vni = "".join(vni.get(c, c) for c in name)
        typed_tcvn3 = "".join(tcvn3.get(c, tcvn3.get(c.lower(), c)) for c in name)
        assert detect("1," + typed_vni, raw_bytes=True) == "vni", typed_vni
        assert detect("1," + typed_tcvn3, raw_bytes=True) == "tcvn3", typed_tcvn3


@pytest.mark.parametrize("table", [False, True])
def test_errors_of_no_file_are_not_listed_under_a_file(table: bool) -> None:
    from emulation_vote.errors import ScoreSheetError
    from emulation_vote.render.errors import errors_text
    from emulation_vote.scoring.sheets import ScoreSheetErrors

    found = ScoreSheetErrors(
        [
            ScoreSheetError("scores.missing_self", file="self.csv", row=3, unit="STP"),
            ScoreSheetError("scores.missing_board", unit="VPTU"),
        ]
    )
    text = errors_text(found, "en", table=table)
    lines = text.splitlines()
    board = next(i for i, line in enumerate(lines) if "VPTU" in line)
    sheet = next(i for i, line in enumerate(lines) if "self.csv" in line)
    assert board < sheet, text

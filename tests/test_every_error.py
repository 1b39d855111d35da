"""Every data error of the ballot files in one run: both readers, CSV and xlsx, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from emulation_vote.errors import DataErrors
from emulation_vote.pipeline import count_files

from helpers import election_toml, invoke, write_csv

ROWS = [
    ["ballot_id", "round", "A", "B", "C", "D", "E", "", "invalid"],
    ["1", "", "x", "", "", "", "", "", ""],
    ["2", "", "ok", "", "", "", "", "", ""],  # 3: not a mark word
    ["", "", "x", "", "", "", "", "", ""],  # 4: no ballot id
    ["4", "", "x", "", "", "", "", "", "", "extra"],  # 5: a cell beyond the header
    ["5", "", "x", "", "", "", "", "note", ""],  # 6: a cell under no heading
    ["6", "x", "x", "", "", "", "", "", ""],  # 7: a round that is no number
    ["7", "", "x", "", "", "", "", "", ""],
    ["7", "", "", "x", "", "", "", "", ""],  # 9: the same ballot id again
    ["9", "", "x", "2", "", "", "", "", ""],  # 10: not a mark word, in another column
    ["10", "", "x", "", "", "", "", "", ""],
]
EXPECTED = [
    (3, "row.bad_mark"),
    (4, "row.no_ballot_id"),
    (5, "row.extra_cell"),
    (6, "row.no_heading"),
    (7, "row.bad_round"),
    (9, "row.duplicate_id"),
    (10, "row.bad_mark"),
]


def _write(tmp_path: Path, suffix: str) -> tuple[Path, Path]:
    election = tmp_path / "election.toml"
    election.write_text(election_toml(seats=2), encoding="utf-8")
    if suffix == ".csv":
        return election, write_csv(tmp_path / "b.csv", ROWS)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ROWS:
        sheet.append([cell or None for cell in row])
    path = tmp_path / "b.xlsx"
    book.save(path)
    return election, path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("reader", ["exact", "fast"])
def test_seven_errors_in_one_run_with_their_rows(tmp_path: Path, suffix: str, reader: str) -> None:
    election, path = _write(tmp_path, suffix)
    with pytest.raises(DataErrors) as info:
        count_files(election, [path], reader=reader)
    assert [(e.row, e.key) for e in info.value.errors] == EXPECTED
    assert {e.file for e in info.value.errors} == {str(path)}
    assert info.value.more == 0
    with pytest.raises(DataErrors) as info:
        count_files(election, [path], reader=reader, keep_ballots=True)  # the audit's reading
    assert [(e.row, e.key) for e in info.value.errors] == EXPECTED


def test_errors_are_grouped_by_file_and_limited(tmp_path: Path) -> None:
    election, path = _write(tmp_path, ".csv")
    other = write_csv(tmp_path / "c.csv", [["ballot_id", "A", "B", "C", "D", "E"], ["20", "?", "", "", "", ""]])
    runner = CliRunner()
    result = invoke(runner, "tally", election, path, other, "--lang", "en")
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 8 errors in the ballot files; nothing was counted. Fix the rows below and run again:"
    assert lines[1] == f"{path}:"
    assert lines[2].startswith("  row 3: The cell of column 'A' holds 'ok'")
    assert lines[6].startswith("  row 7: ") and "'x'" in lines[6]
    assert lines[9] == f"{other}:" and lines[10].startswith("  row 2: The cell of column 'A' holds '?'")
    limited = invoke(runner, "tally", election, path, other, "--max-errors", "3", "--lang", "en")
    assert limited.stderr.splitlines()[-1] == "… and 5 more (see --max-errors)."
    audit = invoke(runner, "audit", election, path, other)
    assert audit.exit_code == 1 and audit.stderr.startswith("Lỗi: 8 lỗi trong các tệp phiếu; chưa kiểm phiếu nào.")


@pytest.mark.parametrize("command", ["tally", "audit"])
def test_json_errors_follow_the_schema(tmp_path: Path, command: str) -> None:
    election, path = _write(tmp_path, ".csv")
    result = invoke(CliRunner(), command, election, path, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == "emulation-vote/errors/1"
    assert [(e["row"], e["code"]) for e in data["errors"]] == EXPECTED
    assert all(set(e) == {"file", "row", "column", "code", "message"} for e in data["errors"])
    first = data["errors"][0]
    assert first["file"] == str(path) and first["column"] == "A"
    assert first["message"].startswith("The cell of column 'A' holds 'ok'")
    assert data["errors"][1]["column"] is None


def test_a_single_error_keeps_its_one_line(tmp_path: Path) -> None:
    election, _path = _write(tmp_path, ".csv")
    path = write_csv(tmp_path / "one.csv", [["ballot_id", "A", "B", "C", "D", "E"], ["1", "ok", "", "", "", ""]])
    result = invoke(CliRunner(), "tally", election, path, "--lang", "en")
    assert result.stderr == (
        f"Error: {path}, row 2: the cell of column 'A' holds 'ok', which is neither a mark nor a blank. "
        "Marked: x, ✓, ✔, v, 1, có, yes, true; not marked: empty or 0, -, –, không, no, false.\n"
    )
    data = json.loads(invoke(CliRunner(), "tally", election, path, "-f", "json").stdout)
    assert [(e["row"], e["code"]) for e in data["errors"]] == [(2, "row.bad_mark")]

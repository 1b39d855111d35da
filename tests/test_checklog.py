"""check-log covers the closing line (each line's seal) and compares the ballot file with the ballots logged."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from emulation_vote.election import load_election
from emulation_vote.entry import EntrySession
from emulation_vote.entrylog import check_log, compare_with_file

from helpers import SAMPLES, invoke

SEED = SAMPLES / "seed" / "election.toml"


def _session(tmp_path: Path, lines: list[str]) -> Path:
    output = tmp_path / "b.csv"
    session = EntrySession(load_election(SEED), "co-thi-dua", output, clerk="Hoa")
    for line in lines:
        session.record(session.parse(line))  # type: ignore[arg-type]
    session.close()
    return output


def test_an_edit_of_the_closing_line_is_found(tmp_path: Path) -> None:
    output = _session(tmp_path, ["1 7", "7", "!rách"])
    log = output.with_name("b.csv.log")
    lines = log.read_bytes().splitlines()
    close = json.loads(lines[-1])
    assert close["action"] == "close" and close["ballots"] == 3
    lines[-1] = lines[-1].replace(b'"ballots":3', b'"ballots":4')
    log.write_bytes(b"\n".join(lines) + b"\n")
    result = check_log(log)
    assert not result.intact and result.broken_line == len(lines) and result.reason == "seal"


def test_an_edit_of_the_ballot_file_that_keeps_the_count_is_found(tmp_path: Path, runner: CliRunner) -> None:
    output = _session(tmp_path, ["1 7", "1", "7"])
    assert compare_with_file(output.with_name("b.csv.log"), output) == []
    text = output.read_text(encoding="utf-8-sig")
    output.write_text(text.replace(",2,1,VPTU,", ",2,1,BTG,"), encoding="utf-8-sig")
    (difference,) = compare_with_file(output.with_name("b.csv.log"), output)
    assert (difference.row, difference.ballot_id, difference.in_file, difference.in_log) == (3, "2", "BTG", "VPTU")
    result = invoke(runner, "check-log", output.with_name("b.csv.log"), "--lang", "en")
    assert result.exit_code == 1
    assert "row 3, ballot 2: the file reads BTG, the log VPTU" in result.stdout


def test_a_ballot_taken_back_and_one_added_by_hand(tmp_path: Path) -> None:
    output = _session(tmp_path, ["1", "7"])
    with output.open("a", encoding="utf-8") as stream:
        stream.write("co-thi-dua,3,1,TCT,\r\n")
    (difference,) = compare_with_file(output.with_name("b.csv.log"), output)
    assert difference.ballot_id == "3" and difference.in_log is None

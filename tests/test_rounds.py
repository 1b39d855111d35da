"""Runoff rounds: round r+1 counts among round r's runoff candidates for the seats left."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.errors import BallotFileError

from helpers import SAMPLES, count_text, election_toml, invoke

TIE = ["A;B"] * 4 + ["A;C"] * 4 + ["B;C"] * 2  # A 8, B 6, C 6 of 10: runoff B/C for 1 seat


def round_rows(number: int, choices: list[str], declared: dict[int, str] | None = None) -> list[list[str]]:
    declared = declared or {}
    rows = [["ballot_id", "round", "choices", "invalid"]]
    rows += [[str(k), str(number), c, declared.get(k, "")] for k, c in enumerate(choices, 1)]
    return rows


def tie_rows() -> list[list[str]]:
    return [["ballot_id", "choices"]] + [[str(k), c] for k, c in enumerate(TIE, 1)]


def test_round_two_settles_the_tie(tmp_path: Path) -> None:
    record = count_text(
        tmp_path,
        election_toml(seats=2),
        {"r1.csv": tie_rows(), "r2.csv": round_rows(2, ["B"] * 6 + ["C"] * 3 + ["B;C"])},
    )
    result = record.contests[0]
    assert len(result.rounds) == 2
    second = result.rounds[1]
    assert second.candidate_ids == ("B", "C") and second.seats == 1 and second.max_marks == 1
    assert dict(second.invalid_reasons) == {"too_many": 1}
    assert second.threshold.base_count == 9 and second.threshold.votes_needed == 5
    assert result.selected == ("A", "B") and result.runoff is None


def test_round_two_can_tie_again(tmp_path: Path) -> None:
    record = count_text(
        tmp_path, election_toml(seats=2), {"r1.csv": tie_rows(), "r2.csv": round_rows(2, ["B"] * 5 + ["C"] * 5)}
    )
    result = record.contests[0]
    # 5 of 10 is not more than half: nobody meets the threshold, the seat stays open and no runoff is named.
    assert result.selected == ("A",) and result.runoff is None
    record = count_text(
        tmp_path,
        election_toml(seats=2, threshold={"share": "0", "strict": False}),
        {"r1.csv": tie_rows(), "r2.csv": round_rows(2, ["B"] * 5 + ["C"] * 5)},
    )
    assert record.contests[0].runoff is not None and record.contests[0].runoff.candidates == ("B", "C")


def test_round_two_without_a_runoff_is_refused(tmp_path: Path) -> None:
    rows = [["ballot_id", "choices"]] + [[str(k), "A;B"] for k in range(1, 6)]
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, election_toml(seats=2), {"r1.csv": rows, "r2.csv": round_rows(2, ["A"])})
    assert info.value.key == "round.unexpected" and info.value.file == str(tmp_path / "r2.csv") and info.value.row == 2


def test_round_two_ballot_outside_the_runoff_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, election_toml(seats=2), {"r1.csv": tie_rows(), "r2.csv": round_rows(2, ["B", "A"])})
    assert info.value.key == "round.not_candidate" and info.value.row == 3 and info.value.params["ids"] == "A"


def test_round_three_needs_round_two(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, election_toml(seats=2), {"r1.csv": tie_rows(), "r3.csv": round_rows(3, ["B"])})
    assert info.value.key == "round.unexpected" and info.value.params["round"] == 3


def test_strike_round_two_in_a_wide_file(tmp_path: Path) -> None:
    toml = election_toml(seats=2, style="strike")
    # Round 1, wide strike-out: A 8, B 6, C 6 of 10 after striking.
    leave = {"A;B": ["C", "D", "E"], "A;C": ["B", "D", "E"], "B;C": ["A", "D", "E"]}
    ids = ["A", "B", "C", "D", "E"]
    r1 = [["ballot_id", "round", *ids]]
    r1 += [[str(k), "1", *["x" if i in leave[c] else "" for i in ids]] for k, c in enumerate(TIE, 1)]
    # Round 2: the paper lists B and C only; striking C leaves B.
    r2 = [["ballot_id", "round", *ids]] + [[str(k), "2", "", "", "x", "", ""] for k in range(1, 8)]
    r2 += [[str(k), "2", "", "x", "", "", ""] for k in range(8, 11)]
    record = count_text(tmp_path, toml, {"r1.csv": r1, "r2.csv": r2})
    assert {c.id: c.votes for c in record.contests[0].rounds[1].candidates} == {"B": 7, "C": 3}
    assert record.contests[0].selected == ("A", "B")
    bad = [["ballot_id", "round", *ids], ["1", "2", "x", "", "", "", ""]]
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, toml, {"r1.csv": r1, "r2.csv": bad})
    assert info.value.key == "round.not_candidate"


def test_json_rounds_and_final_outcome(runner: CliRunner) -> None:
    import json

    folder = SAMPLES / "tie-runoff"
    out = invoke(runner, "tally", folder / "election.toml", folder / "round1.csv", folder / "round2.csv", "-f", "json")
    contest = json.loads(out.stdout)["contests"][0]
    assert [r["round"] for r in contest["rounds"]] == [1, 2]
    assert contest["selected"] == ["SNV", "STP"] and contest["runoff"] is None
    assert contest["rounds"][0]["runoff"] == {"candidates": ["STP", "STC"], "seats": 1}
    assert contest["ballots"] == contest["rounds"][0]["ballots"]  # top level is round 1
    assert {c["id"]: c["status"] for c in contest["candidates"]}["STP"] == "tied"


def test_round_two_refused_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = SAMPLES / "seed"
    r2 = tmp_path / "r2.csv"
    r2.write_text("ballot_id,round,choices\n1,2,TCT\n", encoding="utf-8")
    result = invoke(runner, "tally", folder / "election.toml", folder / "ballots-wide.csv", r2)
    assert result.exit_code == 1
    assert (
        f"{r2}, hàng 2: có phiếu vòng 2 của nội dung co-thi-dua, nhưng vòng trước không phải bầu lại." in result.stderr
    )


def test_one_rule_for_the_marks_a_runoff_ballot_may_carry(tmp_path: Path) -> None:
    from collections import Counter

    from emulation_vote.count import count_round
    from emulation_vote.entry import Entered, EntrySession
    from emulation_vote.errors import UsageError

    from helpers import parse

    election = parse(election_toml(seats=3))
    contest = election.contests[0]
    assert contest.marks_allowed(1, 3) == (3, 0)
    assert contest.marks_allowed(2, 2) == (2, 0)  # a runoff for two seats: two choices
    two = (frozenset({"A", "B"}), False, None)
    counted = count_round(contest, election, 2, ("A", "B", "C"), 2, Counter({two: 1}))
    assert (counted.max_marks, counted.valid) == (2, 1)
    session = EntrySession(election, "co", tmp_path / "b.csv", round_number=2, runoff=("A", "B", "C"), seats=2)
    typed = session.parse("1 2")
    assert isinstance(typed, Entered) and typed.reason is None  # the clerk is told what the count will say
    typed = session.parse("1 2 3")
    assert isinstance(typed, Entered) and typed.reason == "too_many"
    with pytest.raises(UsageError) as info:
        EntrySession(election, "co", tmp_path / "c.csv", round_number=2, runoff=("A", "B", "C"))
    assert info.value.key == "enter.runoff_seats"
    fixed = parse(election_toml(seats=3, max_marks=3))
    session = EntrySession(fixed, "co", tmp_path / "d.csv", round_number=2, runoff=("A", "B", "C"))
    assert (session.max_marks, fixed.contests[0].marks_allowed(2, 1)) == (3, (3, 0))


def test_every_content_marking_a_unit_not_on_the_runoffs_paper_is_reported_at_once(tmp_path: Path) -> None:
    """Each wrong content at its first ballot, with how many ballots say it, the units by name, in one run."""
    from emulation_vote.errors import DataErrors

    second = [["ballot_id", "round", "choices"], ["1", "2", "B"], ["2", "2", "A"], ["3", "2", "C"], ["4", "2", "A"]]
    second += [["5", "2", "D;B"], ["6", "2", "C"]]
    with pytest.raises(DataErrors) as info:
        count_text(tmp_path, election_toml(seats=2), {"r1.csv": tie_rows(), "r2.csv": second})
    found = [(error.key, error.row, error.params["ids"], error.params["papers"]) for error in info.value.errors]
    assert found == [("round.not_candidate", 3, "A", 2), ("round.not_candidate", 6, "D", 1)]
    assert [error.params["names"] for error in info.value.errors] == ["Văn phòng Tỉnh ủy (A)", "Báo Lào Cai (D)"]


def test_a_tie_tells_the_commands_of_the_runoffs_papers_and_workbook(runner: CliRunner, tmp_path: Path) -> None:
    """On stderr, for human formats only: the commands run as they are, and make the runoff's papers and workbook."""
    import shlex

    folder = SAMPLES / "tie-runoff"
    election, first = folder / "election.toml", folder / "round1.csv"
    said = invoke(runner, "tally", election, first)
    assert said.exit_code == 0
    commands = [line.strip() for line in said.stderr.splitlines() if line.strip().startswith("emulation-vote ")]
    assert [c.split()[1] for c in commands] == ["ballots", "template"]
    assert all("--round 2 --runoff STP,STC --seats 1" in c for c in commands)
    for command in commands:
        args = shlex.split(command)[1:]
        at = args.index("--output") + 1
        args[at] = str(tmp_path / args[at])
        assert invoke(runner, *args).exit_code == 0, command
    assert (tmp_path / "bau-lai.pdf").exists() and (tmp_path / "bau-lai.xlsx").exists()
    for quiet in (["-f", "json"], ["--partial"]):
        assert "emulation-vote ballots" not in invoke(runner, "tally", election, first, *quiet).stderr
    settled = invoke(runner, "tally", election, first, folder / "round2.csv")
    assert "emulation-vote ballots" not in settled.stderr

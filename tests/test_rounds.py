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


TWO_TIED = "[electorate]\npresent = 10\n\n" + "".join(
    f'[[contest]]\nid = "{cid}"\ntitle = "Nội dung {cid}"\nseats = 2\n'
    'candidates = [{ id = "A", name = "Văn phòng" }, { id = "B", name = "Ban Tuyên giáo" }, '
    '{ id = "C", name = "Trường Chính trị" }, { id = "D", name = "Báo" }, { id = "E", name = "Ban Dân vận" }]\n'
    for cid in ("a", "b")
)


def _two_tied(folder: Path, second: dict[str, list[str]]) -> list[Path]:
    """Round 1 of contests a and b, each a tie of B and C for the last seat; then ``second``'s round-2 choices."""
    from helpers import write_csv

    first = [["contest", "ballot_id", "choices"]] + [[cid, str(k), c] for cid in "ab" for k, c in enumerate(TIE, 1)]
    rows = [["contest", "ballot_id", "round", "choices"]]
    rows += [[cid, str(k), "2", c] for cid, choices in second.items() for k, c in enumerate(choices, 1)]
    return [write_csv(folder / "r1.csv", first), write_csv(folder / "r2.csv", rows)]


def test_ballots_outside_their_runoff_are_reported_for_every_contest_and_up_to_the_limit(tmp_path: Path) -> None:
    from emulation_vote.errors import DataErrors
    from emulation_vote.pipeline import count_files

    election = tmp_path / "e.toml"
    election.write_text(TWO_TIED, encoding="utf-8")
    marked = ["B", "A", "D", "A;D", "E", "A;E", "D;E", "A;D;E", "A"]
    files = _two_tied(tmp_path, {"a": marked, "b": ["C", "E"]})
    with pytest.raises(DataErrors) as info:
        count_files(election, files, max_errors=None)
    found = [(error.row, error.params["ids"], error.params["papers"]) for error in info.value.errors]
    # a: seven sets of units outside B and C (A twice), each at its first ballot; b: E
    a_found = [(3, "A", 2), (4, "D", 1), (5, "A, D", 1), (6, "E", 1), (7, "A, E", 1), (8, "D, E", 1), (9, "A, D, E", 1)]
    assert found == [*a_found, (12, "E", 1)]
    with pytest.raises(DataErrors) as info:
        count_files(election, files, max_errors=3)
    assert len(info.value.errors) == 3 and info.value.more == 5


def test_the_same_units_outside_the_runoff_are_one_error_whatever_the_declared_reasons(tmp_path: Path) -> None:
    rows = [["ballot_id", "round", "choices", "invalid"]] + [[str(k), "2", "A", f"lý do {k}"] for k in range(1, 6)]
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, election_toml(seats=2), {"r1.csv": tie_rows(), "r2.csv": rows})
    assert info.value.key == "round.not_candidate" and info.value.row == 2 and info.value.params["papers"] == 5


def test_a_partial_count_of_a_runoff_without_its_first_vote_says_what_is_missing(tmp_path: Path) -> None:
    from emulation_vote.pipeline import count_files

    election = tmp_path / "e.toml"
    election.write_text(TWO_TIED, encoding="utf-8")
    first, second = _two_tied(tmp_path, {"b": ["B", "C"]})
    from helpers import write_csv

    only_a = write_csv(tmp_path / "a1.csv", [["contest", "ballot_id", "choices"], ["a", "1", "A;B"]])
    with pytest.raises(BallotFileError) as info:
        count_files(election, [only_a, second], partial=True)
    assert info.value.key == "contest.runoff_only" and info.value.params["contest"] == "b"
    assert count_files(election, [first, second], partial=True).contests[1].rounds[1].number == 2


def test_the_runoff_hints_run_as_printed_with_several_contests_odd_ids_and_english(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each contest's pair of files, ids with a space quoted, the language passed on: every command runs as printed."""
    import shlex

    from helpers import write_csv

    election = tmp_path / "bầu cử.toml"
    election.write_text(TWO_TIED.replace('"B"', '"B 1"').replace('"C"', '"C 1"'), encoding="utf-8")
    first = [["contest", "ballot_id", "choices"]]
    first += [[cid, str(k), c.replace("B", "B 1").replace("C", "C 1")] for cid in "ab" for k, c in enumerate(TIE, 1)]
    ballots = write_csv(tmp_path / "r1.csv", first)
    said = invoke(runner, "tally", election, ballots, "--lang", "en")
    assert said.exit_code == 0, said.output
    commands = [line.strip() for line in said.stderr.splitlines() if line.strip().startswith("emulation-vote ")]
    assert len(commands) == 4 and all("--runoff 'B 1,C 1'" in c and c.endswith("--lang en") for c in commands)
    monkeypatch.chdir(tmp_path)
    for command in commands:  # split as a POSIX shell splits it
        result = invoke(runner, *shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
    assert sorted(path.name for path in tmp_path.glob("bau-lai-*")) == [
        "bau-lai-a.layout.json",
        "bau-lai-a.pdf",
        "bau-lai-a.xlsx",
        "bau-lai-b.layout.json",
        "bau-lai-b.pdf",
        "bau-lai-b.xlsx",
    ]


def test_the_runoff_hints_of_a_vote_on_the_ranking_pass_the_score_sheets_to_the_workbook(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    from helpers import write_csv

    scoring = SAMPLES / "scoring"
    text = (scoring / "election.toml").read_text(encoding="utf-8")
    text = text.replace('tie = "score"', 'tie = "runoff"').replace("strict = true, of", "strict = false, of")
    election = tmp_path / "e.toml"
    election.write_text(text, encoding="utf-8")
    tie = [["ballot_id", "choices"]] + [[str(k), "TCT;VPTU" if k <= 13 else "TCT;BTC"] for k in range(1, 27)]
    first = write_csv(tmp_path / "r1.csv", tie)
    sheets = ["--scores", str(scoring / "self.csv"), "--scores", str(scoring / "cross.xlsx")]
    said = invoke(runner, "tally", election, first, *sheets)
    assert said.exit_code == 0, said.output
    commands = [line.strip() for line in said.stderr.splitlines() if line.strip().startswith("emulation-vote ")]
    assert len(commands) == 2 and "--scores" not in commands[0] and commands[1].count("--scores") == 2
    monkeypatch.chdir(tmp_path)
    for command in commands:
        result = invoke(runner, *shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)

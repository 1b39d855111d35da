"""What the tool writes, it reads back unchanged: the formula-safety ' never alters an id or a reason."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from emulation_vote.ballots import read_ballots
from emulation_vote.csvrows import safe_cell
from emulation_vote.election import load_election, parse_election
from emulation_vote.entry import EntrySession, Rejected
from emulation_vote.text import unquote_cell

from helpers import SAMPLES, election_toml, invoke, write_csv

SEED = SAMPLES / "seed" / "election.toml"


def test_typed_negative_id_is_read_back_and_cannot_be_used_twice(tmp_path: Path) -> None:
    output = tmp_path / "b.csv"
    first = EntrySession(load_election(SEED), "co-thi-dua", output)
    ballot = first.parse("#-5 1 7")
    assert not isinstance(ballot, Rejected)
    first.record(ballot)
    first.close()
    assert "'-5" in output.read_text(encoding="utf-8-sig")
    second = EntrySession(load_election(SEED), "co-thi-dua", output)
    assert [b.ballot_id for b in second.entered] == ["-5"]
    again = second.parse("#-5 7")
    assert isinstance(again, Rejected) and again.key == "enter.id_used"
    second.close()
    assert [b.ballot_id for b in read_ballots([output], load_election(SEED)).ballots] == ["-5"]


def test_declared_reason_starting_with_a_dash_round_trips(tmp_path: Path) -> None:
    output = tmp_path / "b.csv"
    session = EntrySession(load_election(SEED), "co-thi-dua", output)
    ballot = session.parse("!- gạch xóa nhiều")
    assert not isinstance(ballot, Rejected)
    session.record(ballot)
    session.close()
    (read,) = read_ballots([output], load_election(SEED)).ballots
    assert read.declared == "- gạch xóa nhiều"


def test_ids_starting_like_formulas_round_trip_through_enter(tmp_path: Path) -> None:
    toml = election_toml(candidates=[("-A", "Ban A"), ("=B", "Ban B"), ("@C", "Ban C")], contest_id="-c", seats=1)
    (tmp_path / "e.toml").write_text(toml, encoding="utf-8")
    election = load_election(tmp_path / "e.toml")
    output = tmp_path / "b.csv"
    session = EntrySession(election, "-c", output)
    session.record(session.parse("2"))  # type: ignore[arg-type]
    session.close()
    (ballot,) = read_ballots([output], election).ballots
    assert ballot.contest == "-c"
    assert ballot.chosen(("-A", "=B", "@C")) == frozenset({"=B"})


def test_compare_output_reads_back_as_the_same_ballots(tmp_path: Path, runner: CliRunner) -> None:
    toml = election_toml(candidates=[("-A", "Ban A"), ("B", "Ban B")], contest_id="c", seats=1)
    (tmp_path / "e.toml").write_text(toml, encoding="utf-8")
    rows = [["ballot_id", "choices", "invalid"], ["1", "Ban A", ""], ["2", "", "- rách"]]
    a = write_csv(tmp_path / "a.csv", rows)
    b = write_csv(tmp_path / "b.csv", rows)
    out = tmp_path / "agreed.csv"
    assert invoke(runner, "compare", tmp_path / "e.toml", a, b, "-o", out).exit_code == 0
    election = parse_election(toml, "e.toml")
    ballots = read_ballots([out], election).ballots
    assert [(x.ballot_id, x.declared) for x in ballots] == [("1", None), ("2", "- rách")]
    assert ballots[0].chosen(("-A", "B")) == frozenset({"-A"})


@given(st.text(max_size=12))
def test_safe_cell_then_unquote_is_the_identity(text: str) -> None:
    assert unquote_cell(safe_cell(text)) == text

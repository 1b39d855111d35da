"""Rules that used to let bad input through: more ballots than papers, figures out of order, enter's options."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulation_vote.election import load_election, parse_election
from emulation_vote.entry import EntrySession, Rejected
from emulation_vote.errors import BallotFileError, ElectionFileError, UsageError
from emulation_vote.pipeline import count_files

from helpers import SAMPLES, E

SEED = SAMPLES / "seed" / "election.toml"


@pytest.mark.parametrize("reader", ["exact", "fast"])
@pytest.mark.parametrize(
    ("figures", "name"), [("issued = 3", "issued"), ("present = 4", "present"), ("convened = 5", "convened")]
)
def test_more_ballots_than_papers_is_refused(tmp_path: Path, reader: str, figures: str, name: str) -> None:
    election = tmp_path / "e.toml"
    election.write_text(f"[electorate]\n{figures}\n" + E, encoding="utf-8")
    ballots = tmp_path / "b.csv"
    ballots.write_text("ballot_id,choices\n" + "".join(f"{n},A\n" for n in range(1, 7)), encoding="utf-8")
    with pytest.raises(BallotFileError) as caught:
        count_files(election, [ballots], reader=reader)
    assert caught.value.key == "contest.more_than_papers"
    assert caught.value.params["larger"] == name and caught.value.params["loaded"] == 6


@pytest.mark.parametrize(
    "figures", ["issued = 6\nconvened = 5", "collected = 6\npresent = 5", "collected = 9\nconvened = 8"]
)
def test_figures_out_of_order_in_any_subset(figures: str) -> None:
    with pytest.raises(ElectionFileError) as caught:
        parse_election(f"[electorate]\n{figures}\n" + E)
    assert caught.value.key == "election.figures"


def test_enter_refuses_the_same_unit_twice_in_runoff(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        EntrySession(
            load_election(SEED), "co-thi-dua", tmp_path / "r.csv", round_number=2, runoff=("TCT", "TCT"), seats=1
        )
    assert caught.value.key == "enter.runoff_twice"


def test_enter_refuses_seats_in_round_one(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        EntrySession(load_election(SEED), "co-thi-dua", tmp_path / "r.csv", seats=1)
    assert caught.value.key == "enter.seats_round1"


@pytest.mark.parametrize("line", [",,,", ";", " ; , ", ";;"])
def test_enter_separators_alone_are_no_ballot(tmp_path: Path, line: str) -> None:
    session = EntrySession(load_election(SEED), "co-thi-dua", tmp_path / "b.csv")
    parsed = session.parse(line)
    assert isinstance(parsed, Rejected) and parsed.key == "enter.only_separators"
    session.close()


def test_enter_number_that_is_both_a_position_and_another_units_id(tmp_path: Path) -> None:
    path = tmp_path / "n.toml"
    path.write_text(E.replace('id="A"', 'id="2"').replace('id="B"', 'id="1"'), encoding="utf-8")
    session = EntrySession(load_election(path), "c", tmp_path / "b.csv")
    for line in ("1", "2"):
        parsed = session.parse(line)
        assert isinstance(parsed, Rejected) and parsed.key == "enter.ambiguous_number"
    chosen = session.parse("3")
    assert not isinstance(chosen, Rejected) and chosen.chosen == ("C",)
    named = session.parse("Ban A")
    assert not isinstance(named, Rejected) and named.chosen == ("2",)
    session.close()

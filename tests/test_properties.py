"""Invariants of the count, checked on generated conferences (Hypothesis)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from emulation_vote.ballots import Ballot, BallotSet, read_ballots
from emulation_vote.count import count_election
from emulation_vote.election import Election, parse_election
from emulation_vote.render.json import render_json

from helpers import election_toml, write_csv

IDS = ["A", "B", "C", "D", "E", "F"]


@st.composite
def conferences(draw: st.DrawFn) -> tuple[Election, list[Ballot]]:
    n = draw(st.integers(2, 6))
    seats = draw(st.integers(1, min(3, n)))
    rules = {
        "seats": seats,
        "max_marks": draw(st.integers(seats, n)),
        "blank": draw(st.sampled_from(["invalid", "valid"])),
        "tie": draw(st.sampled_from(["runoff", "priority"])),
        "threshold": {
            "share": draw(st.sampled_from(["1/2", "2/3", "0", "70%", "1/3"])),
            "strict": draw(st.booleans()),
            "of": draw(st.sampled_from(["valid", "collected"])),
        },
    }
    if rules["threshold"]["share"] == "0":
        rules["threshold"]["strict"] = False
    election = parse_election(election_toml(candidates=[(i, f"Đơn vị {i}") for i in IDS[:n]], **rules))
    choices = draw(st.lists(st.frozensets(st.sampled_from(IDS[:n])), max_size=40))
    declared = draw(st.lists(st.booleans(), min_size=len(choices), max_size=len(choices)))
    ballots = [
        Ballot("co", 1, str(k), c, False, "rách" if d else None, "b.csv", k + 1)
        for k, (c, d) in enumerate(zip(choices, declared, strict=True))
    ]
    if not ballots:
        ballots = [Ballot("co", 1, "0", frozenset(), False, None, "b.csv", 1)]
    return election, ballots


def count(election: Election, ballots: list[Ballot]) -> str:
    return render_json(count_election(election, BallotSet(tuple(ballots), ("b.csv",))))


@settings(max_examples=150, deadline=None)
@given(conferences(), st.randoms(use_true_random=False))
def test_ballot_order_never_changes_the_result(conference: tuple[Election, list[Ballot]], rnd: random.Random) -> None:
    election, ballots = conference
    shuffled = list(ballots)
    rnd.shuffle(shuffled)
    assert count(election, ballots) == count(election, shuffled)


@settings(max_examples=150, deadline=None)
@given(conferences(), st.sampled_from(IDS))
def test_one_more_vote_never_lowers_rank_or_removes_from_selection(
    conference: tuple[Election, list[Ballot]], target: str
) -> None:
    election, ballots = conference
    contest = election.contests[0]
    if target not in contest.ids:
        target = contest.ids[0]
    before = count_election(election, BallotSet(tuple(ballots), ()))
    extra = Ballot("co", 1, "extra", frozenset({target}), False, None, "b.csv", 999)
    after = count_election(election, BallotSet((*ballots, extra), ()))
    rank = {c.id: c.rank for c in before.contests[0].first.candidates}
    new_rank = {c.id: c.rank for c in after.contests[0].first.candidates}
    assert new_rank[target] <= rank[target]
    if target in before.contests[0].selected:
        assert target in after.contests[0].selected


@settings(max_examples=150, deadline=None)
@given(conferences())
def test_counts_are_consistent(conference: tuple[Election, list[Ballot]]) -> None:
    election, ballots = conference
    result = count_election(election, BallotSet(tuple(ballots), ())).contests[0]
    first = result.first
    assert first.valid + sum(n for _, n in first.invalid_reasons) == first.cast == len(ballots)
    assert all(0 <= c.votes <= first.valid for c in first.candidates)
    assert sum(c.votes for c in first.candidates) <= first.valid * result.contest.max_marks
    assert len(result.selected) <= result.contest.seats
    assert all(c.meets_threshold for c in first.candidates if c.status == "selected")
    if result.runoff is not None:
        assert len(result.selected) + result.runoff.seats == result.contest.seats


@settings(max_examples=40, deadline=None)
@given(conferences(), st.integers(0, 40), st.randoms(use_true_random=False))
def test_files_split_and_shuffled_give_the_same_json(
    conference: tuple[Election, list[Ballot]], cut: int, rnd: random.Random
) -> None:
    election, ballots = conference
    rows = [[b.ballot_id, ";".join(sorted(b.marks)), b.declared or ""] for b in ballots]
    header = ["ballot_id", "choices", "invalid"]
    with tempfile.TemporaryDirectory() as folder:
        whole = write_csv(Path(folder) / "whole.csv", [header, *rows])
        rnd.shuffle(rows)
        cut = min(cut, len(rows) - 1) if len(rows) > 1 else 0
        one = write_csv(Path(folder) / "one.csv", [header, *rows[:cut]] if cut else [header, *rows])
        paths = [one]
        if cut:
            paths.append(write_csv(Path(folder) / "two.csv", [header, *rows[cut:]]))
        a = render_json(count_election(election, read_ballots([whole], election)))
        b = render_json(count_election(election, read_ballots(paths, election)))
    assert a == b

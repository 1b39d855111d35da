"""Invariants of the ranking by scores, on generated blocks (Hypothesis)."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from emulation_vote.election import Election
from emulation_vote.scoring.engine import score_units
from emulation_vote.scoring.files import block_units
from emulation_vote.scoring.record import ScoreRecord, ScoreRow

from scoring_helpers import election_with

IDS = ["A", "B", "C", "D", "E", "F"]
HALVES = st.integers(0, 20).map(lambda n: Fraction(n, 2))  # 0 to 10 in half points


@st.composite
def blocks(draw: st.DrawFn) -> tuple[Election, list[ScoreRow]]:
    n = draw(st.integers(3, 6))
    kinds = draw(st.lists(st.sampled_from(["self", "cross", "board"]), min_size=1, max_size=3, unique=True))
    rule: dict[str, Any] = {"scorers": kinds, "decimals": draw(st.integers(0, 3))}
    if len(kinds) > 1:
        shares = draw(st.sampled_from([(1, 1, 1), (1, 2, 3), (3, 7, 5)]))[: len(kinds)]
        rule["weights"] = {k: f"{s}/{sum(shares)}" for k, s in zip(kinds, shares, strict=True)}
    exclude = draw(st.booleans())
    rule["exclude_self"] = exclude
    if "cross" in kinds:
        cross = n - 1 + (0 if exclude else 1)
        rule["trim"] = draw(st.integers(0, (cross - 1) // 2))
    rule["tie"] = draw(st.sampled_from(["shared", "K1"]))
    election = election_with(units=[(i, f"Đơn vị {i}") for i in IDS[:n]], **rule)
    ids = IDS[:n]
    pairs = [(s, u) for u in ids for s in ids]
    pairs += [("board", u) for u in ids]
    rows = [
        ScoreRow(s, u, (draw(HALVES), draw(HALVES)), draw(st.sampled_from([Fraction(0), Fraction(1)])), Fraction(0))
        for s, u in pairs
    ]
    return election, rows


def ranking(election: Election, rows: list[ScoreRow]) -> ScoreRecord:
    assert election.scoring is not None
    return score_units(election, election.scoring, block_units(election), rows)


@settings(max_examples=60, deadline=None)
@given(blocks(), st.randoms(use_true_random=False))
def test_row_order_never_matters(block: tuple[Election, list[ScoreRow]], rnd: random.Random) -> None:
    election, rows = block
    first = ranking(election, rows)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    again = ranking(election, shuffled)
    assert again.units == first.units
    assert again.fingerprint == first.fingerprint


@settings(max_examples=60, deadline=None)
@given(blocks(), st.data())
def test_raising_one_score_never_lowers_that_units_rank(block: tuple[Election, list[ScoreRow]], data: Any) -> None:
    election, rows = block
    assert election.scoring is not None
    if election.scoring.tie != "shared":
        election = replace(election, scoring=replace(election.scoring, tie="shared"))
    index = data.draw(st.integers(0, len(rows) - 1))
    row = rows[index]
    criterion = data.draw(st.integers(0, 1))
    if row.points[criterion] == 10:
        return
    raised = list(row.points)
    raised[criterion] = data.draw(st.integers(int(raised[criterion] * 2) + 1, 20).map(lambda n: Fraction(n, 2)))
    changed = rows[:]
    changed[index] = replace(row, points=tuple(raised))
    before = ranking(election, rows).unit(row.unit)
    after = ranking(election, changed).unit(row.unit)
    assert after.rank <= before.rank
    assert after.total >= before.total


@settings(max_examples=40, deadline=None)
@given(blocks())
def test_ranks_follow_the_published_totals(block: tuple[Election, list[ScoreRow]]) -> None:
    election, rows = block
    record = ranking(election, rows)
    units = record.units
    assert [u.rank for u in units] == sorted(u.rank for u in units)
    for unit in units:
        mine = (unit.total, _tie(record, unit))
        assert unit.rank == 1 + sum(1 for other in units if (other.total, _tie(record, other)) > mine)
        assert str(unit.total).count(".") == (1 if record.rule.decimals else 0)


def _tie(record: ScoreRecord, unit: Any) -> Any:
    return 0 if record.rule.tie == "shared" else unit.criterion(record.rule.tie)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 6), min_size=4, max_size=4),
    st.lists(st.sampled_from(["A", "B", "C", "D"]), min_size=1, max_size=30),
    st.integers(1, 3),
)
def test_a_tie_by_score_never_passes_over_a_higher_total(scores: list[int], votes: list[str], seats: int) -> None:
    import tempfile
    from pathlib import Path

    from emulation_vote.ballots import read_ballots
    from emulation_vote.pipeline import count_ballots
    from emulation_vote.scoring.vote import apply_scores

    from helpers import list_rows, parse, write_csv

    units = "".join(f'[[unit]]\nid = "{u}"\nname = "Đơn vị {u}"\n\n' for u in "ABCD")
    toml = (
        units
        + '[scoring]\n\n[[scoring.criterion]]\nid = "K"\nmax = "10"\n\n'
        + f'[[contest]]\nid = "co"\nseats = {seats}\nmax_marks = 1\ntie = "score"\n'
        + 'threshold = { share = "0", strict = false }\n'
    )
    election = parse(toml)
    assert election.scoring is not None
    rows = [ScoreRow(u, u, (Fraction(s),)) for u, s in zip("ABCD", scores, strict=True)]
    voted = apply_scores(election, score_units(election, election.scoring, block_units(election), rows))
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "b.csv", list_rows(votes))
        result = count_ballots(voted, read_ballots([path], voted)).contests[0]
    by_id = {c.id: c for c in result.first.candidates}
    total = dict(zip("ABCD", scores, strict=True))
    for chosen in result.selected:
        for other in by_id.values():
            if other.status == "not_selected" and other.votes == by_id[chosen].votes:
                assert total[chosen] > total[other.id]
    if result.runoff is not None:
        assert len({total[c] for c in result.runoff.candidates}) == 1

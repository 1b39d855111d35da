"""One test per counting rule of the contract (section 3)."""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emulation_vote.count import meets, percent, shares, votes_needed
from emulation_vote.errors import BallotFileError, ElectionFileError
from emulation_vote.record import ElectionRecord, RoundResult

from helpers import count_list, count_text, election_toml, list_rows


def first(record: ElectionRecord) -> RoundResult:
    return record.contests[0].first


def votes(record: ElectionRecord) -> dict[str, int]:
    return {c.id: c.votes for c in first(record).candidates}


def statuses(record: ElectionRecord) -> dict[str, str]:
    return {c.id: c.status for c in first(record).candidates}


@pytest.mark.parametrize(
    ("votes_", "base", "expected"),
    [
        (2, 3, "66.67"),
        (1, 8, "12.50"),
        (1, 3, "33.33"),
        (22, 24, "91.67"),
        (0, 5, "0.00"),
        (5, 5, "100.00"),
        (1, 200, "0.50"),
        (1, 400, "0.25"),
        (1, 800, "0.13"),
        (3, 800, "0.38"),
        (0, 0, "0.00"),
    ],
)
def test_percent_is_half_up_to_two_decimals(votes_: int, base: int, expected: str) -> None:
    assert percent(votes_, base) == Decimal(expected)
    assert str(percent(votes_, base)) == expected


def test_votes_needed_examples_from_the_contract() -> None:
    assert votes_needed(Fraction(1, 2), True, 23) == 12
    assert votes_needed(Fraction(1, 2), True, 24) == 13
    assert votes_needed(Fraction(7, 10), False, 20) == 14
    assert votes_needed(Fraction(0), False, 20) == 0
    assert votes_needed(Fraction(1, 2), True, 0) is None


def test_strict_and_inclusive_exactly_at_the_boundary() -> None:
    assert not meets(12, Fraction(1, 2), True, 24)
    assert meets(13, Fraction(1, 2), True, 24)
    assert meets(14, Fraction(7, 10), False, 20)
    assert not meets(13, Fraction(7, 10), False, 20)
    assert not meets(14, Fraction(7, 10), True, 20)
    assert not meets(0, Fraction(0), False, 0)


def test_votes_needed_is_the_fewest_that_meet() -> None:
    for base in range(1, 60):
        for share in (Fraction(1, 2), Fraction(2, 3), Fraction(7, 10), Fraction(1, 3), Fraction(0), Fraction(1)):
            for strict in (True, False):
                needed = votes_needed(share, strict, base)
                assert needed is not None
                assert meets(needed, share, strict, base) or needed > base
                assert not meets(needed - 1, share, strict, base)


def test_each_invalid_reason(tmp_path: Path) -> None:
    record = count_list(
        tmp_path,
        ["A;B", ("A", "không có dấu"), "", "A;B;C", "A"],
        seats=2,
        min_marks=2,
    )
    verdicts = [v.reason for v in first(record).verdicts]
    assert verdicts == [None, "declared", "blank", "too_many", "too_few"]
    assert dict(first(record).invalid_reasons) == {"declared": 1, "blank": 1, "too_many": 1, "too_few": 1}
    assert first(record).valid == 1 and first(record).cast == 5
    assert dict(first(record).declared_texts) == {"không có dấu": 1}


def test_reasons_apply_in_contract_order(tmp_path: Path) -> None:
    # declared beats too_many; blank beats too_few (min_marks = 1).
    record = count_list(tmp_path, [("A;B;C", "rách"), "", "A"], seats=2, min_marks=1)
    assert [v.reason for v in first(record).verdicts] == ["declared", "blank", None]


def test_blank_valid_counts_as_a_valid_ballot(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["", "A", "A"], seats=1, blank="valid")
    assert first(record).valid == 3
    assert votes(record)["A"] == 2
    # 2 of 3 valid ballots: more than half.
    assert statuses(record)["A"] == "selected"


def test_blank_valid_with_min_marks_is_too_few(tmp_path: Path) -> None:
    record = count_list(tmp_path, [""], seats=1, blank="valid", min_marks=1)
    assert dict(first(record).invalid_reasons) == {"too_few": 1}


def test_max_marks_defaults_to_seats(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B;C", "A;B"], seats=2)
    assert dict(first(record).invalid_reasons) == {"too_many": 1}
    record = count_list(tmp_path, ["A;B;C", "A;B"], seats=2, max_marks=3)
    assert first(record).valid == 2


def test_invalid_ballots_give_no_votes(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B;C", ("A", "x"), "A"], seats=2)
    assert votes(record) == {"A": 1, "B": 0, "C": 0, "D": 0, "E": 0}


@pytest.mark.parametrize(
    ("base", "expected_count"),
    [("valid", 3), ("collected", 5), ("issued", 6), ("present", 7), ("convened", 8)],
)
def test_each_threshold_base(tmp_path: Path, base: str, expected_count: int) -> None:
    electorate = {"convened": 8, "present": 7, "issued": 6}
    ballots = ["A", "A", "A;B", ("A", "x"), "A;B;C"]
    record = count_list(
        tmp_path,
        ballots,
        seats=2,
        electorate=electorate,
        threshold={"share": "1/2", "strict": True, "of": base},
    )
    threshold = first(record).threshold
    assert threshold.base_count == expected_count
    assert threshold.votes_needed == expected_count // 2 + 1
    # A has 3 votes: meets only over 3 or 5.
    assert {c.id: c.meets_threshold for c in first(record).candidates}["A"] == (expected_count < 6)


def test_threshold_base_missing_figure_is_an_election_error(tmp_path: Path) -> None:
    with pytest.raises(ElectionFileError) as info:
        count_list(tmp_path, ["A"], seats=1, threshold={"share": "1/2", "of": "present"})
    assert info.value.key == "election.base_missing"


def test_inclusive_threshold_at_seventy_percent_of_convened(tmp_path: Path) -> None:
    ballots = ["A;B"] * 13 + ["A"] + ["B"] * 0
    record = count_list(
        tmp_path,
        ballots,
        seats=2,
        electorate={"convened": 20},
        threshold={"share": "70%", "strict": False, "of": "convened"},
    )
    assert first(record).threshold.votes_needed == 14
    assert statuses(record) == {
        "A": "selected",
        "B": "not_selected",
        "C": "not_selected",
        "D": "not_selected",
        "E": "not_selected",
    }
    assert {c.id: c.meets_threshold for c in first(record).candidates}["B"] is False


def test_twelve_of_twenty_four_is_not_more_than_half(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A"] * 12 + ["B"] * 12, seats=1)
    assert first(record).threshold.votes_needed == 13
    assert all(not c.meets_threshold for c in first(record).candidates)
    assert record.contests[0].selected == ()
    assert record.contests[0].runoff is None


def test_shared_ranks(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B", "A;C", "A;B", "C", "D"], seats=2, max_marks=2)
    ranks = {c.id: c.rank for c in first(record).candidates}
    assert ranks == {"A": 1, "B": 2, "C": 2, "D": 4, "E": 5}
    # listed by rank, then candidate order
    assert [c.id for c in first(record).candidates] == ["A", "B", "C", "D", "E"]


def test_runoff_on_a_tie_at_the_last_seat(tmp_path: Path) -> None:
    ballots = ["A;B"] * 4 + ["A;C"] * 4 + ["B;C"] * 2  # A 8, B 6, C 6 of 10: 6 needed
    record = count_list(tmp_path, ballots, seats=2)
    result = record.contests[0]
    assert result.selected == ("A",)
    assert result.runoff is not None
    assert result.runoff.candidates == ("B", "C") and result.runoff.seats == 1
    assert statuses(record) == {"A": "selected", "B": "tied", "C": "tied", "D": "not_selected", "E": "not_selected"}


def test_tie_for_every_seat_leaves_all_seats_to_the_runoff(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B", "A;C", "B;C"], seats=2, threshold={"share": "0", "strict": False})
    result = record.contests[0]
    assert result.selected == ()
    assert result.runoff is not None and result.runoff.candidates == ("A", "B", "C") and result.runoff.seats == 2


def test_tie_within_the_seats_is_not_a_runoff(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B"] * 3 + ["C"], seats=2)
    assert record.contests[0].selected == ("A", "B")
    assert record.contests[0].runoff is None


def test_priority_breaks_the_tie(tmp_path: Path) -> None:
    ballots = ["A;B"] * 4 + ["A;C"] * 4 + ["B;C"] * 2  # A 8, B 6, C 6 of 10: 6 needed
    record = count_list(tmp_path, ballots, seats=2, tie="priority", priority=["C", "B"])
    assert record.contests[0].selected == ("A", "C")
    assert record.contests[0].runoff is None
    assert statuses(record)["B"] == "not_selected"


def test_priority_falls_back_to_candidate_order(tmp_path: Path) -> None:
    ballots = ["A;B"] * 4 + ["A;C"] * 4 + ["B;C"] * 2  # A 8, B 6, C 6 of 10: 6 needed
    record = count_list(tmp_path, ballots, seats=2, tie="priority")
    assert record.contests[0].selected == ("A", "B")


def test_seats_may_stay_empty(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A", "A", "A", "B", "C"], seats=2)
    assert record.contests[0].selected == ("A",)
    assert record.contests[0].runoff is None


def test_tied_candidates_below_threshold_are_not_a_runoff(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B", "A;C", "A;D", "A;E"], seats=2)
    assert record.contests[0].selected == ("A",)
    assert record.contests[0].runoff is None


def test_strike_out_ballots(tmp_path: Path) -> None:
    toml = election_toml(seats=2, style="strike")
    rows = [
        ["ballot_id", "A", "B", "C", "D", "E"],
        ["1", "", "", "x", "x", "x"],  # leaves A, B
        ["2", "", "x", "", "x", "x"],  # leaves A, C
        ["3", "x", "x", "x", "x", "x"],  # leaves nobody: blank
        ["4", "", "", "", "x", "x"],  # leaves three: too many
        ["5", "", "x", "x", "x", "x"],  # leaves A
    ]
    record = count_text(tmp_path, toml, {"b.csv": rows})
    assert votes(record) == {"A": 3, "B": 1, "C": 1, "D": 0, "E": 0}
    assert dict(first(record).invalid_reasons) == {"blank": 1, "too_many": 1}
    assert record.contests[0].selected == ("A",)


def test_strike_contest_read_from_a_list_file_names_the_chosen(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B", "A"], seats=2, style="strike")
    assert votes(record)["A"] == 2 and votes(record)["C"] == 0


def test_two_contests_in_one_file(tmp_path: Path) -> None:
    extra = (
        '\n[[contest]]\nid = "bk"\nseats = 1\n'
        'candidates = [{ id = "A", name = "Văn phòng Tỉnh ủy" }, { id = "X", name = "Sở Nội vụ" }]\n'
    )
    toml = election_toml(seats=2, extra_contests=extra)
    rows = [
        ["contest", "ballot_id", "choices"],
        ["co", "1", "A;B"],
        ["bk", "1", "X"],
        ["co", "2", "A"],
        ["bk", "2", "Sở Nội vụ"],
    ]
    record = count_text(tmp_path, toml, {"b.csv": rows})
    co, bk = record.contests
    assert co.contest.id == "co" and co.first.cast == 2 and co.selected == ("A",)
    assert bk.contest.id == "bk" and bk.first.cast == 2 and bk.selected == ("X",)


def test_two_contests_in_two_files_named_after_them(tmp_path: Path) -> None:
    extra = '\n[[contest]]\nid = "bk"\nseats = 1\ncandidates = [{ id = "X", name = "Sở Nội vụ" }]\n'
    toml = election_toml(seats=2, extra_contests=extra)
    record = count_text(tmp_path, toml, {"co.csv": list_rows(["A"]), "bk.csv": list_rows(["X"])})
    assert [c.first.cast for c in record.contests] == [1, 1]


def test_collected_must_equal_ballots_loaded(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError) as info:
        count_list(tmp_path, ["A", "B"], seats=1, electorate={"collected": 3})
    assert info.value.key == "contest.collected"
    assert info.value.params["loaded"] == 2


def test_share_zero_inclusive_means_no_threshold(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A", "B", "B", "C", "C", "C"], seats=2, threshold={"share": "0", "strict": False})
    assert record.contests[0].selected == ("C", "B")
    assert first(record).threshold.votes_needed == 0


def test_selected_is_listed_by_rank(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["E;D"] * 5 + ["E"], seats=2)
    assert record.contests[0].selected == ("E", "D")


def test_votes_never_exceed_valid_ballots(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A;B", "A", "", "A;B;C"], seats=2)
    assert all(c.votes <= first(record).valid for c in first(record).candidates)


def test_a_list_file_of_one_contest_needs_no_contest_column(tmp_path: Path) -> None:
    extra = (
        '\n[[contest]]\nid = "bk"\nseats = 1\n'
        'candidates = [{ id = "X", name = "Sở Nội vụ" }, { id = "A", name = "Văn phòng Tỉnh ủy" }]\n'
    )
    toml = election_toml(seats=2, extra_contests=extra)
    record = count_text(
        tmp_path, toml, {"flag.csv": list_rows(["A;B", "C"]), "merit.csv": list_rows(["X", "Sở Nội vụ"])}
    )
    assert [c.first.cast for c in record.contests] == [2, 2]
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, toml, {"flag.csv": list_rows(["A"]), "merit.csv": list_rows(["X"])})
    assert info.value.key == "file.which_contest" and info.value.file == str(tmp_path / "flag.csv")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((24, 2), ("92.31", "7.69")),
        ((1, 2), ("33.33", "66.67")),
        ((1, 31), ("3.12", "96.88")),  # 3.125 and 96.875 both round up: the first gives back a hundredth
        ((31, 1), ("96.87", "3.13")),
        ((1, 1, 1), ("33.34", "33.33", "33.33")),  # the lost hundredth goes to the first of equal remainders
        ((20, 0), ("100.00", "0.00")),
        ((0, 0), ("0.00", "0.00")),
    ],
)
def test_shares_add_up_to_a_hundred(counts: tuple[int, ...], expected: tuple[str, ...]) -> None:
    assert tuple(str(value) for value in shares(counts)) == expected


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=6))
def test_shares_property(counts: list[int]) -> None:
    result = shares(tuple(counts))
    total = sum(counts)
    if total == 0:
        assert all(value == 0 for value in result)
        return
    assert sum(result) == 100
    for count, value in zip(counts, result, strict=True):
        assert abs(Fraction(value) - Fraction(count * 100, total)) < Fraction(1, 100)


@st.composite
def masked_rounds(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, int]], bool]:
    """An election of 1-12 candidates and distinct (mask, declared code, count) contents of round 1."""
    n = draw(st.integers(1, 12))
    seats = draw(st.integers(1, n))
    style = draw(st.sampled_from(["tick", "strike"]))
    blank = draw(st.sampled_from(["invalid", "valid"]))
    min_marks = draw(st.integers(0, seats))
    rows = draw(
        st.lists(
            st.tuples(st.integers(0, (1 << n) - 1), st.integers(0, 2), st.integers(1, 50)),
            max_size=40,
            unique_by=lambda row: (row[0], row[1]),
        )
    )
    # Ids in or out of text order, some beginning others: the fingerprint orders lines from numbers
    # only when the ids are in text order and none begins another, and by their text otherwise.
    pool = ["K1", "K10", "K2", "K3", "A", "AB", "B", "Z9", "K11", "C", "D", "E"]
    shuffled = draw(st.permutations(pool))[:n]
    ids = draw(st.sampled_from([[f"K{i:02d}" for i in range(n)], sorted(pool)[:n], shuffled]))
    candidates = ", ".join(f'{{ id = "{cid}", name = "Đơn vị {i}" }}' for i, cid in enumerate(ids))
    toml = (
        f'[meeting]\ntitle = "T"\n\n[[contest]]\nid = "c"\nseats = {seats}\nstyle = "{style}"\n'
        f'blank = "{blank}"\nmin_marks = {min_marks}\ncandidates = [{candidates}]\n'
    )
    return toml, rows, style == "strike"


@given(masked_rounds(), st.integers(1, 5), st.integers(1, 3))
def test_contents_as_arrays_count_as_contents_one_by_one(
    case: tuple[str, list[tuple[int, int, int]], bool], chunk: int, times: int
) -> None:
    """Whatever the contents, in whatever slices the fingerprint's lines are sorted (``chunk``), and
    from whatever number of lines of one count they are ordered by their fields (``chunk * times``)."""
    from collections import Counter
    from unittest import mock

    import numpy as np

    import emulation_vote.record as record_module
    from emulation_vote.ballot import BallotGroups, Content, MaskedContents
    from emulation_vote.count import count_election
    from emulation_vote.election import parse_election
    from emulation_vote.errors import EmulationVoteError
    from emulation_vote.record import canonical_text

    toml, rows, strikes = case
    election = parse_election(toml, "e.toml")
    ids = election.contests[0].ids
    texts: tuple[str | None, ...] = (None, "rách", "không có dấu")
    masked = MaskedContents(
        ids,
        strikes,
        texts,
        np.asarray([m for m, _, _ in rows], dtype=np.int64),
        np.asarray([d for _, d, _ in rows], dtype=np.int64),
        np.asarray([c for _, _, c in rows], dtype=np.int64),
    )
    counted: Counter[Content] = Counter()
    for mask, code, count in rows:
        counted[(frozenset(ids[b] for b in range(len(ids)) if mask >> b & 1), strikes, texts[code])] += count
    assert masked.decoded() == counted
    by_arrays, one_by_one = BallotGroups(complete=False), BallotGroups(complete=False)
    if rows:
        by_arrays.add_masked("c", 1, masked)
        one_by_one.add_counts("c", 1, counted)
    outcomes = []
    for groups in (by_arrays, one_by_one):
        try:
            with (
                mock.patch.object(record_module, "_CHUNK", chunk),
                mock.patch.object(record_module, "_ONE_COUNT", chunk * times),
            ):
                record = count_election(election, groups)
        except EmulationVoteError as error:
            outcomes.append(("error", error.key))
            continue
        first = record.contests[0].first
        outcomes.append(
            (
                canonical_text(record.election, record.contests),
                record.fingerprint,
                first.candidates,
                first.invalid_reasons,
                first.declared_texts,
                first.cast,
                first.valid,
                first.selected,
                first.runoff,
                sorted(first.contents, key=repr),
            )
        )
    assert outcomes[0] == outcomes[1]


def test_a_written_max_marks_that_changes_a_runoff_changes_the_fingerprint(tmp_path: Path) -> None:
    # A runoff for 1 seat allows 1 choice unless max_marks is written (then 2): the same ballots
    # select B or nobody, so the two counts may not share a fingerprint.
    threshold = {"share": "1/4", "strict": True, "of": "collected"}
    rows = [["ballot_id", "round", "choices", "invalid"]]
    rows += [[str(n), "1", text, ""] for n, text in enumerate(["A;B", "A;C", "A;B", "A;C"], 1)]
    rows += [[str(n), "2", text, ""] for n, text in enumerate(["B;C"] * 5 + ["B"], 5)]
    implied = count_text(tmp_path, election_toml(threshold=threshold), {"b.csv": rows})
    written = count_text(tmp_path, election_toml(threshold=threshold, max_marks=2), {"b.csv": rows})
    assert implied.contests[0].selected == ("A",)
    assert written.contests[0].selected == ("A", "B")
    assert implied.fingerprint != written.fingerprint
    # Without a runoff round the written max_marks (equal to the seats) changes nothing, nor the fingerprint.
    round_one = rows[:5]
    plain = count_text(tmp_path, election_toml(threshold=threshold), {"b.csv": round_one})
    assert (
        plain.fingerprint
        == count_text(tmp_path, election_toml(threshold=threshold, max_marks=2), {"b.csv": round_one}).fingerprint
    )


@pytest.mark.parametrize(("chunk", "one_count"), [(1, 1), (2, 2), (2, 4), (3, 3), (3, 6), (5, 5), (1 << 15, 1 << 16)])
@pytest.mark.parametrize("declared", ["rách", "a\x01b", "x\ty"])
@pytest.mark.parametrize("scale", [1, 10**15, 10**16])
def test_the_canonical_text_of_array_contents_is_the_same_in_any_slices(
    monkeypatch: pytest.MonkeyPatch, chunk: int, one_count: int, declared: str, scale: int
) -> None:
    """The lines are sorted and hashed a slice at a time: the slices never change the text or the hash.

    Two contests, counts that tie within a round and across the two contests' rounds, a declared
    text with a character at or below the tab (the fields no longer sort as the lines do), and
    counts of 18 and 19 digits.
    """
    from collections import Counter

    import numpy as np

    import emulation_vote.record as record_module
    from emulation_vote.ballot import BallotGroups, Content, MaskedContents
    from emulation_vote.count import count_election
    from emulation_vote.election import parse_election
    from emulation_vote.record import canonical_text

    candidates = ", ".join(f'{{ id = "K{i}", name = "Đơn vị {i}" }}' for i in range(4))
    election = parse_election(
        f'[meeting]\ntitle = "T"\n\n[[contest]]\nid = "c"\nseats = 2\ncandidates = [{candidates}]\n'
        f'\n[[contest]]\nid = "c2"\nseats = 1\ncandidates = [{candidates}]\n',
        "e.toml",
    )
    texts: tuple[str | None, ...] = (None, declared)
    rounds = {
        ("c", 1): [(0b0011, 0, 12), (0b0101, 0, 3), (0b1000, 0, 100), (0b0001, 1, 1), (0b0110, 0, 3), (0, 0, 7)],
        ("c2", 1): [(0b0001, 0, 3), (0b0010, 0, 3), (0b0100, 0, 12), (0b0001, 1, 3), (0b1111, 0, 1), (0b0010, 1, 3)],
    }
    one_by_one, by_arrays = BallotGroups(complete=False), BallotGroups(complete=False)
    for (contest_id, number), rows in rounds.items():
        ids = election.contests[0].ids
        counts = [count * scale for _, _, count in rows]
        by_arrays.add_masked(
            contest_id,
            number,
            MaskedContents(
                ids,
                False,
                texts,
                np.asarray([m for m, _, _ in rows], dtype=np.int64),
                np.asarray([d for _, d, _ in rows], dtype=np.int64),
                np.asarray(counts, dtype=np.int64),
            ),
        )
        counted: Counter[Content] = Counter()
        for (mask, code, _), count in zip(rows, counts, strict=True):
            counted[(frozenset(ids[b] for b in range(len(ids)) if mask >> b & 1), False, texts[code])] += count
        one_by_one.add_counts(contest_id, number, counted)
    expected = count_election(election, one_by_one)
    monkeypatch.setattr(record_module, "_CHUNK", chunk)
    monkeypatch.setattr(record_module, "_ONE_COUNT", one_count)
    record = count_election(election, by_arrays)
    assert canonical_text(record.election, record.contests) == canonical_text(expected.election, expected.contests)
    assert record.fingerprint == expected.fingerprint


@pytest.mark.parametrize(
    ("candidate_ids", "bits"),
    [
        (("A", "B", "C"), (0, 1, 2)),
        (("B", "D"), (1, 3)),
        (("D", "A"), (3, 0)),
        (tuple(f"K{i}" for i in range(19)), tuple(range(1, 20))),
    ],
)
def test_chosen_texts_of_array_contents_name_the_candidates_of_their_bits(
    candidate_ids: tuple[str, ...], bits: tuple[int, ...]
) -> None:
    """A runoff round's candidates are some bits of the contest's masks: the texts name them in the round's order."""
    import numpy as np

    from emulation_vote.record import ContentTable

    rng = np.random.default_rng(3)
    width = max(bits) + 1
    masks = np.unique(rng.integers(0, 1 << width, 300)) & sum(1 << bit for bit in bits)
    size = masks.size
    zeros = np.zeros(size, dtype=np.int64)
    table = ContentTable(candidate_ids, bits, (None,), masks.astype(np.int64), zeros, zeros + 1, zeros - 1)
    texts = table.chosen_texts().to_pylist()
    assert texts == [";".join(content.chosen) for content in table]
    some = np.asarray([size - 1, 0, size // 2])
    assert table.chosen_texts(some).to_pylist() == [texts[i] for i in some.tolist()]


def test_reasons_typed_in_another_case_are_one_reason(tmp_path: Path) -> None:
    record = count_list(tmp_path, [("A", "rách"), ("B", "Rách"), ("A", "rách "), ("A", "không có dấu")])
    first = record.contests[0].first
    assert first.declared_texts == (("rách", 3), ("không có dấu", 1))
    assert dict(first.invalid_reasons)["declared"] == 4


def test_reasons_equally_frequent_in_two_cases_read_in_the_plainer(tmp_path: Path) -> None:
    record = count_list(tmp_path, [("A", "Không Có Dấu"), ("B", "không có dấu")])
    assert record.contests[0].first.declared_texts == (("không có dấu", 2),)


@pytest.mark.parametrize(
    "counts",
    [
        [1, 10, 9, 2, 100, 1, 10],  # small counts: looked up in a table, 16-bit keys
        list(range(70_000)),  # more distinct counts than 16 bits number: 64-bit keys
        [1, 5 * 10**6, 7, 5 * 10**6, 10**15],  # counts far larger than there are of them: sorted
        [],
    ],
)
def test_counts_are_keyed_in_the_order_of_their_decimal_texts(counts: list[int]) -> None:
    """The fingerprint's lines of different counts sort as the counts' texts: the keys order them so."""
    from collections import Counter

    import numpy as np

    from emulation_vote.record import _decimal_order

    keys, per_key = _decimal_order(np.asarray(counts, dtype=np.int64))
    rank = {text: at for at, text in enumerate(sorted({str(count) for count in counts}))}
    assert keys.tolist() == [rank[str(count)] for count in counts]
    texts = Counter(str(count) for count in counts)
    assert per_key.tolist() == [texts[text] for text in rank]


def test_a_count_that_releases_its_arrays_gives_the_same_record() -> None:
    """``release``: the groups' arrays are let go before the fingerprint; the record does not change."""
    import numpy as np

    from emulation_vote.ballot import BallotGroups, MaskedContents
    from emulation_vote.count import count_election
    from emulation_vote.election import parse_election

    election = parse_election(election_toml(seats=2), "e.toml")
    ids = election.contests[0].ids

    def groups() -> BallotGroups:
        made = BallotGroups(complete=False)
        rows = ([0b011, 0b101, 0b001, 0], [0, 0, 1, 0], [4, 3, 1, 2])  # masks, declared codes, counts
        arrays = [np.asarray(values, dtype=np.int64) for values in rows]
        made.add_masked(election.contests[0].id, 1, MaskedContents(ids, False, (None, "rách"), *arrays))
        return made

    kept, released = groups(), groups()
    assert count_election(election, released, release=True) == count_election(election, kept)
    assert not released.masked and kept.masked


@pytest.mark.parametrize("ids", [("A", "B", "C", "D"), ("U01", "U02", "U03", "U04", "U05"), ("K", "L1", "M22")])
def test_the_chosen_ids_rank_as_their_joined_texts_sort(ids: tuple[str, ...]) -> None:
    """Every set of candidates gets a number in the order of its ids joined by ";" (ids in text order)."""
    import numpy as np

    from emulation_vote.record import ContentTable, _chosen_ranks, _ids_in_text_order

    assert _ids_in_text_order(ids)
    masks = np.arange(1 << len(ids), dtype=np.int64)
    size = masks.size
    table = ContentTable(ids, tuple(range(len(ids))), (None,), masks, np.zeros(size, np.int64), masks + 1, masks * 0)
    texts = [";".join(cid for j, cid in enumerate(ids) if mask >> j & 1) for mask in range(size)]
    ranks = _chosen_ranks(table).tolist()
    assert sorted(range(size), key=lambda mask: ranks[mask]) == sorted(range(size), key=lambda mask: texts[mask] + "\t")


@pytest.mark.parametrize(
    ("ids", "numbers"),
    [
        (("U01", "U02", "U10"), True),
        (("U02", "U01"), False),  # not in text order
        (("K1", "K10", "K2"), False),  # K1 begins K10
        (tuple(f"U{i:02d}" for i in range(63)), False),  # more than 62
    ],
)
def test_lines_are_ordered_from_numbers_only_when_the_ids_allow_it(ids: tuple[str, ...], numbers: bool) -> None:
    import numpy as np

    from emulation_vote.record import ContentTable, _by_numbers, _ids_in_text_order

    assert _ids_in_text_order(ids) == numbers
    masks = np.asarray([1, 2, 3], dtype=np.int64)
    zeros = np.zeros(3, dtype=np.int64)
    table = ContentTable(ids, tuple(range(len(ids))), (None,), masks, zeros, masks, zeros)
    assert (_by_numbers([("c", 1, table)]) is not None) == numbers

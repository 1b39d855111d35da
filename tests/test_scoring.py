"""Scoring: the [scoring] table, the rule computed by hand, ties, the sheets and every error they can hold."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from emulation_vote.errors import ElectionFileError, ScoreSheetError
from emulation_vote.render.errors import describe_error
from emulation_vote.scoring.engine import round_half_up
from emulation_vote.scoring.files import score_election
from emulation_vote.scoring.record import canonical_text
from emulation_vote.scoring.sheets import ScoreSheetErrors

from helpers import parse
from scoring_helpers import UNITS3, election_with, rank, scoring_toml, sheet

SELF_CROSS = {"scorers": ["self", "cross"], "weights": {"self": "1/2", "cross": "50%"}}
# Three units, two criteria out of 10: self rows and every cross row.
ROWS3 = [
    ("A", "A", 8, 8),
    ("B", "B", 6, 6),
    ("C", "C", 4, 4),
    ("B", "A", 7, 7),
    ("C", "A", 9, 9),
    ("A", "B", 5, 5),
    ("C", "B", 6, 7),
    ("A", "C", 3, 3),
    ("B", "C", 4, 4),
]


def totals(record) -> dict[str, str]:
    return {u.id: str(u.total) for u in record.units}


# --- the rule, by hand ---


def test_mean_without_self() -> None:
    record = rank(election_with(**SELF_CROSS), ROWS3)
    # A: self 16, cross (14 + 18) / 2 = 16 -> 16; B: 12 and 11.5 -> 11.75; C: 8 and 7 -> 7.5.
    assert totals(record) == {"A": "16.00", "B": "11.75", "C": "7.50"}
    a = record.unit("A")
    assert (a.kind("self"), a.kind("cross"), a.kind("board")) == (Decimal("16.00"), Decimal("16.00"), None)
    assert [u.id for u in record.units] == ["A", "B", "C"]
    assert [u.rank for u in record.units] == [1, 2, 3]
    assert dict(record.unit("B").rows) == {"self": 1, "cross": 2}


def test_mean_with_self() -> None:
    record = rank(election_with(exclude_self=False, **SELF_CROSS), ROWS3)
    # B: cross (12 + 10 + 13) / 3 = 35/3; total 6 + 35/6 = 11.8333; C: 4 + 22/6 = 7.6667.
    assert totals(record) == {"A": "16.00", "B": "11.83", "C": "7.67"}
    # B's K1: 6 / 2 + (6 + 5 + 6) / 3 / 2 = 3 + 17/6 = 5.8333.
    assert record.unit("B").criterion("K1") == Decimal("5.83")


def test_trim_drops_the_highest_and_lowest_row_totals() -> None:
    units = [("A", "Một"), ("B", "Hai"), ("C", "Ba"), ("D", "Bốn")]
    election = election_with(units=units, criteria=[("K", "100", None)], scorers=["cross"], trim=1)
    data = [(s, u, 50) for u in "ABCD" for s in "ABCD" if s != u]
    data = [row for row in data if row[1] != "A"] + [("B", "A", 90), ("C", "A", 10), ("D", "A", 70)]
    record = rank(election, data)
    assert record.unit("A").total == Decimal("70.00")
    assert dict(record.unit("A").rows) == {"cross": 1}


def test_trim_ties_are_broken_by_unit_order_whatever_the_row_order() -> None:
    units = [("A", "Một"), ("B", "Hai"), ("C", "Ba"), ("D", "Bốn")]
    election = election_with(units=units, criteria=[("K1", "10", None), ("K2", "10", None)], scorers=["cross"], trim=1)
    base = [(s, u, 5, 5) for u in "BCD" for s in "ABCD" if s != u]
    # Three rows of the same total 10 for A: B's (10, 0), C's (0, 10), D's (5, 5). The lowest dropped is B's
    # (first in unit order), the highest D's (last): C's row stays.
    a_rows = [("B", "A", 10, 0), ("C", "A", 0, 10), ("D", "A", 5, 5)]
    for data in (base + a_rows, list(reversed(base + a_rows))):
        unit = rank(election, data).unit("A")
        assert (unit.criterion("K1"), unit.criterion("K2")) == (Decimal("0.00"), Decimal("10.00"))


def test_half_up_once_at_the_end() -> None:
    assert round_half_up(Fraction(17, 2), 0) == Decimal("9")  # banker's rounding would give 8
    assert round_half_up(Fraction(-17, 2), 0) == Decimal("-9")
    assert round_half_up(Fraction(1, 3), 3) == Decimal("0.333")
    # Two criteria of mean 1/2 each, no decimals: each is published as 1, the total 1 (never 1 + 1).
    election = election_with(scorers=["cross"], decimals=0)
    data = [(s, u, 0, 0) for u in "ABC" for s in "ABC" if s != u]
    data = [r for r in data if r[1] != "A"] + [("B", "A", 1, 0), ("C", "A", 0, 1)]
    unit = rank(election, data).unit("A")
    assert (unit.criterion("K1"), unit.criterion("K2"), unit.total) == (Decimal(1), Decimal(1), Decimal(1))


def test_bonus_and_penalty_enter_the_total() -> None:
    election = election_with(scorers=["self"], bonus_max="5", penalty_max="3")
    data = [
        ("A", "A", 5, 5, {"bonus": 5}),
        ("B", "B", 5, 5, {"penalty": "2.5"}),
        ("C", "C", 5, 5, {"bonus": 1, "penalty": 1}),
    ]
    record = rank(election, data)
    assert totals(record) == {"A": "15.00", "B": "7.50", "C": "10.00"}
    assert (record.unit("B").bonus, record.unit("B").penalty) == (Decimal("0.00"), Decimal("2.50"))


def test_board_scores() -> None:
    election = election_with(scorers=["self", "board"], weights={"self": "20%", "board": "80%"})
    data = [("A", "A", 10, 10), ("B", "B", 10, 10), ("C", "C", 10, 10)]
    data += [("board", "A", 5, 5), ("board", "B", 6, 6), ("board", "C", 7, 7)]
    record = rank(election, data)
    assert totals(record) == {"A": "12.00", "B": "13.60", "C": "15.20"}
    assert record.unit("C").kind("board") == Decimal("14.00")


def test_groups_are_sub_totals() -> None:
    election = election_with(criteria=[("K1", "10", "I"), ("K2", "10", "I"), ("K3", "5", "II")], scorers=["self"])
    record = rank(election, [("A", "A", 1, 2, 3), ("B", "B", 4, 5, 0), ("C", "C", 0, 0, 0)])
    assert dict(record.unit("A").groups) == {"I": Decimal("3.00"), "II": Decimal("3.00")}


def test_equal_totals_share_a_rank() -> None:
    election = election_with(scorers=["self"])
    record = rank(election, [("A", "A", 5, 5), ("B", "B", 6, 4), ("C", "C", 9, 9)])
    assert [(u.id, u.rank) for u in record.units] == [("C", 1), ("A", 2), ("B", 2)]
    record = rank(election, [("A", "A", 5, 5), ("B", "B", 6, 4), ("C", "C", 1, 1)])
    assert [(u.id, u.rank) for u in record.units] == [("A", 1), ("B", 1), ("C", 3)]


def test_a_tie_criterion_orders_equal_totals() -> None:
    election = election_with(scorers=["self"], tie="k2")  # matched under normalisation
    assert election.scoring is not None and election.scoring.tie == "K2"
    record = rank(election, [("A", "A", 5, 5), ("B", "B", 6, 4), ("C", "C", 4, 6)])
    assert [(u.id, u.rank) for u in record.units] == [("C", 1), ("A", 2), ("B", 3)]
    record = rank(election, [("A", "A", 5, 5), ("B", "B", 5, 5), ("C", "C", 4, 6)])
    assert [(u.id, u.rank) for u in record.units] == [("C", 1), ("A", 2), ("B", 2)]


def test_ranks_go_by_the_published_total() -> None:
    # 10.004 and 10.001 both publish as 10.00: they share the rank.
    election = election_with(criteria=[("K", "20", None)], scorers=["self"])
    record = rank(election, [("A", "A", "10.004"), ("B", "B", "10.001"), ("C", "C", 3)])
    assert [(u.id, u.rank) for u in record.units] == [("A", 1), ("B", 1), ("C", 3)]
    assert record.unit("A").exact == Fraction("10.004")


def test_fingerprint_covers_the_rule_and_every_score_not_the_row_order() -> None:
    election = election_with(**SELF_CROSS)
    first = rank(election, ROWS3)
    assert rank(election, list(reversed(ROWS3))).fingerprint == first.fingerprint
    changed = [("A", "A", 8, "7.5"), *ROWS3[1:]]
    assert rank(election, changed).fingerprint != first.fingerprint
    other = election_with(scorers=["self", "cross"], weights={"self": "40%", "cross": "60%"})
    assert rank(other, ROWS3).fingerprint != first.fingerprint
    assert election.scoring is not None
    text = canonical_text(election.scoring, (("A", "x"),), ())
    assert text.startswith('{"bonus_max":null,"criteria":[["K1","Tiêu chí K1","10/1",null]')


# --- [scoring] in the election file ---


def test_defaults() -> None:
    rule = election_with().scoring
    assert rule is not None
    assert (rule.scorers, rule.weights, rule.exclude_self, rule.trim, rule.decimals, rule.tie) == (
        ("self",),
        (("self", Fraction(1)),),
        True,
        0,
        2,
        "shared",
    )
    assert rule.full_marks == 20
    assert parse(scoring_toml().split("\n\n", 1)[1]).scoring is None


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        ({"scorers": ["self", "cross"]}, "scoring.weights_missing"),
        ({"scorers": ["self", "cross"], "weights": {"self": "30%", "cross": "60%"}}, "scoring.weights_sum"),
        ({"scorers": ["self"], "weights": {"cross": "1"}}, "scoring.weight_not_scorer"),
        ({"scorers": ["self", "cross"], "weights": {"self": "1"}}, "scoring.weight_missing"),
        ({"scorers": ["self"], "weights": {"self": "abc"}}, "scoring.bad_weight"),
        ({"scorers": ["self"], "weights": {"self": 2}}, "scoring.bad_weight"),
        ({"scorers": ["selt"]}, "election.bad_choice"),
        ({"scorers": ["self", "self"]}, "scoring.scorer_twice"),
        ({"scorers": []}, "election.type"),
        ({"trim": 1}, "scoring.trim_without_cross"),
        ({"trim": -1, "scorers": ["cross"]}, "election.too_small"),
        ({"decimals": 9}, "scoring.decimals_high"),
        ({"tie": "K9"}, "scoring.bad_tie"),
        ({"bonus_max": "-1"}, "scoring.bad_points"),
        ({"penalty_max": [1]}, "scoring.bad_points"),
        ({"exclude_self": "yes"}, "election.type"),
        ({"weight": {}}, "election.unknown_key"),
    ],
)
def test_rule_errors(rule: dict[str, object], key: str) -> None:
    with pytest.raises(ElectionFileError) as caught:
        election_with(**rule)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("criteria", "key"),
    [
        ([("K1", "0", None)], "scoring.bad_points"),
        ([("K1", "ten", None)], "scoring.bad_points"),
        ([("K 1", "10", None)], "scoring.bad_criterion_id"),
        ([("K1", "10", None), ("K1", "5", None)], "scoring.duplicate_criterion"),
        ([("bonus", "10", None)], "scoring.reserved_heading"),
        ([("Ghi chú", "10", None)], "scoring.bad_criterion_id"),
        ([("stt", "10", None)], "scoring.reserved_heading"),
    ],
)
def test_criterion_errors(criteria: list[tuple[str, str, str | None]], key: str) -> None:
    with pytest.raises(ElectionFileError) as caught:
        election_with(criteria=criteria)
    assert caught.value.key == key


def test_criterion_errors_in_words() -> None:
    text = scoring_toml().replace('max = "10"', "", 1)
    with pytest.raises(ElectionFileError) as caught:
        parse(text)
    # a missing key: the line of its table's header
    assert describe_error(caught.value, "en") == "election.toml, line 2: 'scoring.criterion[1].max' is missing."
    text = scoring_toml().replace("[[scoring.criterion]]", "[[scoring.criterion]]\naliases = ['Tiêu chí K2']", 1)
    with pytest.raises(ElectionFileError) as caught:
        parse(text)
    assert describe_error(caught.value, "en") == (
        "election.toml, line 7: 'scoring.criterion[2]': 'Tiêu chí K2' is also a name of criterion K1."
    )
    with pytest.raises(ElectionFileError) as caught:
        election_with(scorers=["self", "cross"], weights={"self": "30%", "cross": "60%"})
    assert describe_error(caught.value, "vi") == (
        "election.toml, dòng 3: 'scoring.weights': tổng các trọng số phải bằng 1 (100%), nhưng bằng 9/10."
    )


# --- score sheets ---

HEADER = ["scorer", "unit", "K1", "K2", "bonus", "penalty", "note"]


def read(tmp_path: Path, body: list[list[object]], header: list[str] = HEADER, **rule: object):
    election = election_with(**rule)
    path = sheet(tmp_path / "diem.csv", header, body)
    return score_election(election, [path])


def self_rows() -> list[list[object]]:
    return [["A", "A", 8, 8, "", "", ""], ["B", "B", 6, 6, "", "", ""], ["C", "C", "4,5", "4.5", "", "", "ghi chú"]]


def test_a_sheet_is_read_by_id_name_or_alias_with_decimal_commas(tmp_path: Path) -> None:
    body = self_rows()
    body[0][:2] = ["Văn phòng Tỉnh uỷ", "VAN PHONG TINH UY"]
    header = ["Đơn vị chấm", "Đơn vị được chấm", "Tiêu chí K1", "k2", "Điểm cộng", "Điểm trừ", "Ghi chú", "STT"]
    record = read(tmp_path, body, header)
    assert totals(record) == {"A": "16.00", "B": "12.00", "C": "9.00"}
    notice = record.notices[0]
    assert (notice.code, notice.row, dict(notice.params)) == (
        "matched_without_diacritics",
        2,
        {"text": "VAN PHONG TINH UY", "candidate": "A"},
    )


def test_a_self_row_not_counted_is_a_notice(tmp_path: Path) -> None:
    body = [[s, u, 5, 5, "", "", ""] for u in "ABC" for s in "ABC"]
    record = read(tmp_path, body, scorers=["cross"])
    assert [(n.code, n.row) for n in record.notices] == [("self_row_ignored", row) for row in (2, 6, 10)]
    assert totals(record) == {"A": "10.00", "B": "10.00", "C": "10.00"}


def test_a_total_column_is_checked(tmp_path: Path) -> None:
    header = [*HEADER, "Tổng điểm"]
    body = [[*row, ""] for row in self_rows()]
    body[0][-1] = "16"
    body[1][-1] = "13"
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body, header)
    assert [describe_error(e, "en") for e in caught.value.errors] == [
        f"{tmp_path / 'diem.csv'}, row 3: the 'total' column says 13 but the row adds up to 12 "
        "(criteria + bonus - penalty)."
    ]


def test_every_error_of_the_sheets_at_once(tmp_path: Path) -> None:
    body = [
        ["A", "A", 11, 8, "", "", ""],  # above the maximum
        ["B", "B", -1, 6, "", "", ""],  # negative
        ["C", "C", "4,5,1", 4, "", "", ""],  # not a number
        ["C", "C", 4, 4, "", "", ""],  # duplicate pair
        ["Ban Tuyen", "A", 4, 4, "", "", ""],  # unknown scorer
        ["A", "", 4, 4, "", "", ""],  # no unit
        ["B", "C", 4, "", 12, 21, ""],  # no points, bonus and penalty above their caps
        ["", "B", 1, 1, "", "", "", "extra"],  # no scorer, a cell beyond the header
    ]
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body, bonus_max="10", penalty_max="20")
    where = str(tmp_path / "diem.csv")
    assert [(e.key, e.row, e.params.get("column")) for e in caught.value.errors] == [
        ("scores.above_max", 2, "K1"),
        ("scores.negative", 3, "K1"),
        ("scores.bad_number", 4, "K1"),
        ("scores.duplicate_pair", 5, None),
        ("scores.unknown_scorer", 6, None),
        ("scores.no_unit", 7, None),
        ("scores.no_points", 8, "K2"),
        ("scores.bonus_above_cap", 8, "bonus"),
        ("scores.penalty_above_cap", 8, "penalty"),
        ("scores.extra_cells", 9, None),
        ("scores.no_scorer", 9, None),
    ]
    messages = [describe_error(e, "en") for e in caught.value.errors]
    assert messages[0] == f"{where}, row 2: column K1: the score 11 is above the criterion's maximum (10)."
    assert messages[3] == f"{where}, row 5: C scores C a second time (first at {where}:4)."
    assert messages[4] == (
        f"{where}, row 6: the scorer 'Ban Tuyen' is no unit of the block (nor 'board'); "
        "closest: Ban Tuyên giáo Tỉnh ủy (B)."
    )


def test_missing_pairs(tmp_path: Path) -> None:
    body = [["A", "A", 1, 1, "", "", ""], ["A", "B", 1, 1, "", "", ""], ["B", "A", 1, 1, "", "", ""]]
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body, **SELF_CROSS)
    assert [describe_error(e, "en") for e in caught.value.errors] == [
        "A lacks the cross scores of 1 unit: C.",
        "The self-score row of B is missing (scorer = unit = B).",
        "B lacks the cross scores of 1 unit: C.",
        "The self-score row of C is missing (scorer = unit = C).",
        "C lacks the cross scores of 2 units: A, B.",
    ]
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, [["A", "A", 1, 1, "", "", ""]], scorers=["board"])
    assert [e.key for e in caught.value.errors] == ["scores.missing_board"] * 3


def test_too_few_cross_rows_for_the_trim(tmp_path: Path) -> None:
    body = [[s, u, 1, 1, "", "", ""] for u in "ABC" for s in "ABC" if s != u]
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body, scorers=["cross"], trim=1)
    assert describe_error(caught.value.errors[0], "en") == (
        "A has 2 cross rows, fewer than the 3 needed to drop the 1 highest and 1 lowest (scoring.trim)."
    )


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (["unit", "K1", "K2"], "scores.no_scorer_column"),
        (["scorer", "K1", "K2"], "scores.no_unit_column"),
        (["scorer", "unit", "K1"], "scores.no_criterion_column"),
        (["scorer", "unit", "K1", "K2", "K3"], "scores.unknown_column"),
        (["scorer", "unit", "K1", "K2", "Tiêu chí K1"], "scores.column_twice"),
    ],
)
def test_header_errors(tmp_path: Path, header: list[str], key: str) -> None:
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, [["A"] * len(header)], header)
    assert caught.value.errors[0].key == key
    assert caught.value.errors[0].row == 1


def test_file_errors_are_collected_with_the_others(tmp_path: Path) -> None:
    election = election_with()
    good = sheet(tmp_path / "a.csv", HEADER, [["A", "A", 20, 1, "", "", ""]])
    with pytest.raises(ScoreSheetErrors) as caught:
        score_election(election, [tmp_path / "missing.csv", good, tmp_path / "nothing.csv"])
    assert [e.key for e in caught.value.errors] == ["file.missing", "scores.above_max", "file.missing"]
    (tmp_path / "header.csv").write_text(",".join(HEADER) + "\n", encoding="utf-8")
    with pytest.raises(ScoreSheetErrors) as caught:
        score_election(election, [tmp_path / "header.csv"])
    assert [e.key for e in caught.value.errors] == ["scores.no_rows"]


def test_no_scoring_table(tmp_path: Path) -> None:
    election = parse(scoring_toml().split("\n\n", 1)[1])
    with pytest.raises(ElectionFileError) as caught:
        score_election(election, [])
    assert caught.value.key == "scoring.none"


def test_excel_computed_cells_read_as_excel_shows_them(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["A", "A", 0.1 + 0.2, 8.5, None, None, None])
    ws.append(["B", "B", 6, 6, None, None, None])
    ws.append(["C", "C", 4, 4, None, None, None])
    book.save(tmp_path / "diem.xlsx")
    record = score_election(election_with(), [tmp_path / "diem.xlsx"])
    assert record.unit("A").exact == Fraction("8.8")


def test_score_sheet_error_is_a_data_error() -> None:
    assert ScoreSheetError("scores.no_rows").exit_code == 1
    assert UNITS3[0][0] == "A"


def test_strict_names_refuses_a_name_without_diacritics(tmp_path: Path) -> None:
    body = self_rows()
    body[0][1] = "VAN PHONG TINH UY"
    path = sheet(tmp_path / "diem.csv", HEADER, body)
    with pytest.raises(ScoreSheetErrors) as caught:
        score_election(election_with(), [path], strict_names=True)
    assert [(e.key, e.row) for e in caught.value.errors] == [("scores.unknown_unit", 2)]


def test_rows_of_a_kind_that_does_not_count_are_notices(tmp_path: Path) -> None:
    body = [*self_rows(), ["board", "A", 1, 1, "", "", ""], ["B", "A", 1, 1, "", "", ""]]
    record = read(tmp_path, body)
    assert [(n.code, n.row, dict(n.params)) for n in record.notices] == [
        ("kind_not_counted", 5, {"kind": "board", "unit": "A"}),
        ("kind_not_counted", 6, {"kind": "cross", "unit": "A"}),
    ]
    assert totals(record) == {"A": "16.00", "B": "12.00", "C": "9.00"}


def test_a_typed_total_that_is_not_a_number(tmp_path: Path) -> None:
    body = [[*row, ""] for row in self_rows()]
    body[0][-1] = "mười sáu"
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body, [*HEADER, "total"])
    assert [(e.key, e.params["column"]) for e in caught.value.errors] == [("scores.bad_number", "total")]


@pytest.mark.parametrize("text", ["1e99999999", "1E5", "4e9999999", "1" * 31, "0." + "5" * 31, "²", "٢"])
def test_points_are_plain_decimals_of_bounded_length(text: str) -> None:
    """An exponent or a thousand digits would take minutes to expand: refused at once, as any other non-decimal."""
    from emulation_vote.scoring.model import parse_points, parse_weight

    with pytest.raises(ValueError):
        parse_points(text)
    with pytest.raises(ValueError):
        parse_weight(text + "%")


def test_a_name_like_no_unit_gets_the_unit_ids_not_a_guess(tmp_path: Path) -> None:
    body = [["A", "A", 4, 4, "", "", ""], ["Qwxz", "A", 4, 4, "", "", ""]]
    with pytest.raises(ScoreSheetErrors) as caught:
        read(tmp_path, body)
    unknown = [e for e in caught.value.errors if e.row == 3]
    assert [e.key for e in unknown] == ["scores.unknown_scorer_none"]
    assert describe_error(unknown[0], "en").endswith(
        "the scorer 'Qwxz' is no unit of the block (nor 'board'); the unit ids: A, B, C."
    )

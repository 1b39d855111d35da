"""The top-level [[unit]] list shared by the contests, and a contest's own electorate figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError, ElectionFileError
from emulation_vote.record import fingerprint
from emulation_vote.render.errors import describe_error

from helpers import count_text, election_toml, list_rows

UNITS = """
[electorate]
convened = 31
present = 30
issued = 30

[[unit]]
id = "STP"
name = "Sở Tư pháp"
aliases = ["Sở TP"]

[[unit]]
id = "SNV"
name = "Sở Nội vụ"

[[unit]]
id = "SYT"
name = "Sở Y tế"
"""


def fails(toml: str) -> ElectionFileError:
    with pytest.raises(ElectionFileError) as info:
        parse_election(toml, "e.toml")
    return info.value


def test_omitted_candidates_are_every_unit_in_order() -> None:
    election = parse_election(UNITS + '[[contest]]\nid = "co"\nseats = 1\n')
    contest = election.contests[0]
    assert contest.ids == ("STP", "SNV", "SYT")
    assert [c.number for c in contest.candidates] == [1, 2, 3]
    assert contest.candidates[0].aliases == ("Sở TP",)
    assert [u.id for u in election.units] == ["STP", "SNV", "SYT"]


def test_unit_ids_inline_tables_and_mixed() -> None:
    toml = UNITS + (
        '[[contest]]\nid = "bk"\nseats = 2\ncandidates = ["SYT", "stp", { id = "BLC", name = "Báo Lào Cai" }]\n'
    )
    contest = parse_election(toml).contests[0]
    assert contest.ids == ("SYT", "STP", "BLC")
    assert contest.candidates[1].name == "Sở Tư pháp" and contest.candidates[1].number == 2


def test_units_give_the_same_fingerprint_as_inline_candidates() -> None:
    shared = parse_election(UNITS + '[[contest]]\nid = "co"\nseats = 1\n')
    inline = parse_election(
        UNITS.split("[[unit]]")[0]
        + '[[contest]]\nid = "co"\nseats = 1\ncandidates = ['
        + '{ id = "STP", name = "Sở Tư pháp", aliases = ["Sở TP"] }, { id = "SNV", name = "Sở Nội vụ" },'
        + '{ id = "SYT", name = "Sở Y tế" }]\n'
    )
    assert fingerprint(shared, ()) == fingerprint(inline, ())


@pytest.mark.parametrize(
    ("tail", "key", "words"),
    [
        ('candidates = ["STP", "SNX"]', "election.unknown_unit", ["SNX", "SNV"]),
        ('candidates = ["STP", "Sở Tư pháp"]', "election.unknown_unit", ["Sở Tư pháp"]),
        ('candidates = ["STP", "SNV", "STP"]', "election.unit_twice", ["STP", "contest[1].candidates[3]"]),
        ("candidates = []", "election.empty_candidates", ["candidates", "is empty"]),
    ],
)
def test_contest_candidate_errors(tail: str, key: str, words: list[str]) -> None:
    error = fails(UNITS + f'[[contest]]\nid = "co"\nseats = 1\n{tail}\n')
    assert error.key == key
    for word in words:
        assert word in describe_error(error, "en")


def test_unknown_unit_id_without_a_unit_list() -> None:
    error = fails('[[contest]]\nid = "co"\nseats = 1\ncandidates = ["STP"]\n')
    assert error.key == "election.no_units"
    assert "[[unit]]" in describe_error(error, "vi")


def test_no_candidates_and_no_units() -> None:
    error = fails('[[contest]]\nid = "co"\nseats = 1\n')
    assert error.key == "election.no_candidates"
    assert describe_error(error, "en") == (
        "e.toml, line 1: 'contest[1].candidates' is missing, and there is no [[unit]] list to take every unit from."
    )


@pytest.mark.parametrize(
    ("units", "key", "value"),
    [
        (
            '[[unit]]\nid = "A"\nname = "Sở Y tế"\n[[unit]]\nid = "A"\nname = "Sở Nội vụ"\n',
            "election.duplicate_unit",
            "A",
        ),
        # the same name after normalisation (case, spaces, tone-mark placement)
        (
            '[[unit]]\nid = "A"\nname = "Văn phòng Tỉnh ủy"\n[[unit]]\nid = "B"\nname = "VĂN PHÒNG  tỉnh uỷ"\n',
            "election.same_name",
            "VĂN PHÒNG tỉnh uỷ",
        ),
        # an alias equal to another unit's name
        (
            '[[unit]]\nid = "A"\nname = "Sở Y tế"\n[[unit]]\nid = "B"\nname = "Sở Nội vụ"\naliases = ["sở y tế"]\n',
            "election.same_name",
            "sở y tế",
        ),
        # an id equal to another unit's alias
        (
            '[[unit]]\nid = "A"\nname = "Sở Y tế"\naliases = ["SNV"]\n[[unit]]\nid = "SNV"\nname = "Sở Nội vụ"\n',
            "election.same_name",
            "SNV",
        ),
    ],
)
def test_unit_list_errors(units: str, key: str, value: str) -> None:
    error = fails(units + '[[contest]]\nid = "co"\nseats = 1\n')
    assert error.key == key
    assert error.params["value"] == value


def test_unit_list_type_and_keys() -> None:
    assert fails('unit = "A"\n[[contest]]\nid = "co"\nseats = 1\n').key == "election.type"
    error = fails('[[unit]]\nid = "A"\nnmae = "x"\n[[contest]]\nid = "co"\nseats = 1\n')
    assert error.key == "election.unknown_key" and error.params["suggestion"] == "name"


def test_contest_electorate_overrides_key_by_key() -> None:
    toml = UNITS + (
        '[[contest]]\nid = "co"\nseats = 1\n'
        '[[contest]]\nid = "bk"\nseats = 2\nelectorate = { collected = 28 }\n'
        'threshold = { share = "1/2", of = "issued" }\n'
    )
    election = parse_election(toml)
    co, bk = election.contests
    assert co.electorate is None and election.figures(co) == election.electorate
    assert election.figures(bk).collected == 28 and election.figures(bk).issued == 30


def test_contest_electorate_is_checked() -> None:
    bad = fails(UNITS + '[[contest]]\nid = "co"\nseats = 1\nelectorate = { collected = 40 }\n')
    assert bad.key == "election.figures" and bad.params["low"] == 40
    unknown = fails(UNITS + '[[contest]]\nid = "co"\nseats = 1\nelectorate = { colected = 4 }\n')
    assert unknown.params["key"] == "contest[1].electorate.colected"
    missing = fails(
        '[[unit]]\nid = "A"\nname = "a"\n[[contest]]\nid = "co"\nseats = 1\nthreshold = { of = "present" }\n'
    )
    assert missing.key == "election.base_missing"
    given = parse_election(
        '[[unit]]\nid = "A"\nname = "a"\n[[contest]]\nid = "co"\nseats = 1\n'
        'threshold = { of = "present" }\nelectorate = { present = 9 }\n'
    )
    assert given.figures(given.contests[0]).present == 9


def test_contest_collected_and_base_count_use_the_contest_figures(tmp_path: Path) -> None:
    toml = election_toml(electorate={"convened": 10, "collected": 3}, threshold={"of": "convened"}, seats=1)
    toml = toml.replace('title = "Cờ thi đua"', 'title = "Cờ thi đua"\nelectorate = { convened = 4, collected = 2 }')
    record = count_text(tmp_path, toml, {"b.csv": list_rows(["A", "A"])})
    first = record.contests[0].first
    assert (first.threshold.base_count, first.threshold.votes_needed) == (4, 3)
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, toml, {"b.csv": list_rows(["A", "A", "B"])})
    assert info.value.key == "contest.collected" and info.value.params["collected"] == 2


def test_contest_figures_enter_the_fingerprint(tmp_path: Path) -> None:
    toml = election_toml(electorate={"convened": 10}, seats=1)
    own = toml.replace('title = "Cờ thi đua"', 'title = "Cờ thi đua"\nelectorate = { convened = 9 }')
    same = toml.replace('title = "Cờ thi đua"', 'title = "Cờ thi đua"\nelectorate = { convened = 10 }')
    prints = [count_text(tmp_path, t, {"b.csv": list_rows(["A"])}).fingerprint for t in (toml, own, same)]
    assert prints[0] != prints[1] and prints[0] == prints[2]

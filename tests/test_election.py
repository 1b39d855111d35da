"""The election file: every key, its defaults, and a clear error for each way it can be wrong."""

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.election import load_election, parse_share
from emulation_vote.errors import ElectionFileError
from emulation_vote.render.errors import describe_error

from helpers import SAMPLES, election_toml, invoke, parse

SEED = Path(__file__).resolve().parent.parent / "emulation_vote" / "data" / "seed" / "election.toml"


def fails(toml: str) -> ElectionFileError:
    with pytest.raises(ElectionFileError) as info:
        parse(toml)
    return info.value


def test_seed_election_loads() -> None:
    election = load_election(SEED)
    assert election.meeting.date == dt.date(2023, 12, 19)
    assert election.meeting.time == "14:30"
    assert election.electorate.convened == 27
    assert [m.role for m in election.committee] == ["Trưởng ban", "Ủy viên", "Ủy viên"]
    contest = election.contests[0]
    assert contest.seats == 2 and len(contest.candidates) == 9
    assert contest.candidates[6].id == "TCT" and contest.candidates[6].number == 7


def test_defaults() -> None:
    contest = parse(election_toml(seats=3)).contests[0]
    assert (contest.max_marks, contest.min_marks, contest.style, contest.blank, contest.tie) == (
        3,
        0,
        "tick",
        "invalid",
        "runoff",
    )
    assert contest.threshold.share == Fraction(1, 2) and contest.threshold.strict and contest.threshold.of == "valid"
    assert contest.secret is True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/2", Fraction(1, 2)),
        ("70%", Fraction(7, 10)),
        ("2/3", Fraction(2, 3)),
        ("0", Fraction(0)),
        ("66.5%", Fraction(133, 200)),
        ("1", Fraction(1)),
        (" 3 / 4 ", Fraction(3, 4)),
    ],
)
def test_shares(text: str, value: Fraction) -> None:
    assert parse_share(text) == value


@pytest.mark.parametrize("text", ["1/0", "3/2", "150%", "abc", "-1/2", ""])
def test_bad_shares(text: str) -> None:
    err = fails(election_toml(seats=1, threshold={"share": text}))
    assert err.key in ("election.bad_share",)


def test_toml_syntax_error_has_line_and_column() -> None:
    err = fails('[[contest]]\nid = "co"\nseats = = 2\n')
    assert err.key == "election.toml" and err.params["line"] == "3"
    assert "dòng 3" in describe_error(err, "vi")


def test_unknown_key_suggests_the_closest() -> None:
    err = fails(election_toml(seat=2).replace("seats = 2\n", ""))
    assert err.key == "election.unknown_key" and err.params["suggestion"] == "seats"
    assert "contest[1].seat" in describe_error(err, "en")


def test_unknown_top_level_and_nested_keys() -> None:
    assert fails("[meting]\n" + election_toml()).params["suggestion"] == "meeting"
    err = fails(election_toml(threshold={"share": "1/2", "base": "valid"}))
    assert err.params.get("suggestion") == "share" or err.params["key"].endswith("base")


@pytest.mark.parametrize(
    ("rules", "key"),
    [
        ({"seats": 0}, "election.too_small"),
        ({"seats": "2"}, "election.type"),
        ({"seats": 2, "max_marks": 1, "min_marks": 2}, "election.marks_order"),
        ({"seats": 2, "min_marks": 9, "max_marks": 9}, "election.min_marks_high"),
        ({"seats": 2, "style": "cross"}, "election.bad_choice"),
        ({"seats": 2, "blank": "maybe"}, "election.bad_choice"),
        ({"seats": 2, "tie": "coin"}, "election.bad_choice"),
        ({"seats": 2, "threshold": {"of": "voters"}}, "election.bad_choice"),
        ({"seats": 2, "threshold": {"strict": "yes"}}, "election.type"),
        ({"seats": 2, "priority": ["Z"]}, "election.priority_unknown"),
        ({"seats": 2, "priority": ["A", "a"]}, "election.priority_twice"),
        ({"seats": 2, "secret": "no"}, "election.type"),
    ],
)
def test_bad_rules(rules: dict[str, object], key: str) -> None:
    assert fails(election_toml(**rules)).key == key


def test_bad_choice_suggests() -> None:
    err = fails(election_toml(seats=2, style="strik"))
    assert err.params["suggestion"] == "strike"


def test_duplicate_candidate_ids_and_same_names() -> None:
    err = fails(election_toml(seats=1, candidates=[("A", "Văn phòng Tỉnh ủy"), ("A", "Báo Lào Cai")]))
    assert err.key == "election.duplicate_candidate"
    err = fails(election_toml(seats=1, candidates=[("A", "Văn phòng Tỉnh ủy"), ("B", "Văn phòng Tỉnh uỷ")]))
    assert err.key == "election.same_name" and err.params["other_id"] == "A"
    err = fails(election_toml(seats=1, candidates=[("A", "Văn phòng Tỉnh ủy"), ("a", "Báo Lào Cai")]))
    assert err.key == "election.same_name"


def test_duplicate_contest_and_bad_contest_id() -> None:
    toml = election_toml(seats=1)
    assert fails(toml + toml).key == "election.duplicate_contest"
    assert fails(election_toml(seats=1, contest_id="Cờ")).key == "election.bad_contest_id"


def test_base_figure_missing() -> None:
    err = fails(election_toml(seats=1, threshold={"of": "convened"}))
    assert err.key == "election.base_missing" and err.params["base"] == "convened"


@pytest.mark.parametrize(
    ("electorate", "smaller"),
    [
        ({"convened": 5, "present": 6}, "present"),
        ({"present": 5, "issued": 6}, "issued"),
        ({"issued": 5, "collected": 6}, "collected"),
    ],
)
def test_impossible_figures(electorate: dict[str, int], smaller: str) -> None:
    err = fails(election_toml(seats=1, electorate=electorate))
    assert err.key == "election.figures" and err.params["smaller"] == smaller


def test_meeting_fields() -> None:
    toml = '[meeting]\ndate = "2024-01-05"\ntime = 09:05:00\nheader = "state"\n' + election_toml(seats=1)
    meeting = parse(toml).meeting
    assert meeting.date == dt.date(2024, 1, 5) and meeting.time == "09:05" and meeting.header == "state"
    assert fails('[meeting]\ndate = "5/1/2024"\n' + election_toml(seats=1)).key == "election.bad_date"
    assert fails('[meeting]\ntime = "25:00"\n' + election_toml(seats=1)).key == "election.bad_time"
    assert fails('[meeting]\nheader = "partyy"\n' + election_toml(seats=1)).params["suggestion"] == "party"


def test_no_contest() -> None:
    assert fails("[meeting]\n").key == "election.no_contest"


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ElectionFileError) as info:
        load_election(tmp_path / "nope.toml")
    assert info.value.key == "file.missing"
    with pytest.raises(ElectionFileError) as info:
        load_election(tmp_path)
    assert info.value.key == "file.is_dir"
    bad = tmp_path / "latin.toml"
    bad.write_bytes('[meeting]\ntitle = "H\xe9"\n'.encode("latin-1"))
    with pytest.raises(ElectionFileError) as info:
        load_election(bad)
    assert info.value.key == "election.not_utf8"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "e.toml"
    path.write_bytes(b"\xef\xbb\xbf" + election_toml(seats=1).encode())
    assert load_election(path).contests[0].id == "co"


def test_committee_head_and_absent_delegates_are_decided_by_the_model() -> None:

    toml = election_toml(electorate={"convened": 27, "present": 26})
    toml = '[[committee]]\nname = "An"\nrole = "Ủy viên"\n[[committee]]\nname = "Bình"\nrole = "trưởng  BAN"\n' + toml
    election = parse(toml)
    head, members = election.committee_head()
    assert head is not None and head.name == "Bình" and [m.name for m in members] == ["An"]
    assert election.electorate.absent == 1
    plain = parse(election_toml())
    assert plain.committee_head() == (None, ()) and plain.electorate.absent is None


def test_meeting_keys_for_the_minutes() -> None:
    meeting = load_election(SEED).meeting
    assert meeting.organization_lines() == ("KHỐI THI ĐUA", "CÁC CƠ QUAN TỈNH ỦY")
    assert meeting.superior_lines() == ("TỈNH ỦY LÀO CAI",)
    assert meeting.chair == ("Lý Văn Hải", "Lưu Thị Nụ")
    assert meeting.copies == 3 and meeting.closing_time == "15:10" and meeting.number is None
    assert meeting.recipients[-1] == "Lưu: Khối thi đua"
    toml = """[meeting]
organization = \"\"\"
  Khối thi đua   các
   cơ quan \"\"\"
number = 5
chair = "Lý  Văn Hải"
secretary = "Đỗ Thị Mai"
closing_time = 15:05:00
""" + election_toml()
    meeting = parse(toml).meeting
    assert meeting.organization_lines() == ("Khối thi đua các", "cơ quan")
    assert meeting.number == "05" and meeting.chair == ("Lý Văn Hải",) and meeting.secretary == "Đỗ Thị Mai"
    assert meeting.closing_time == "15:05"
    assert parse('[meeting]\nnumber = "12/BB-KTĐ"\n' + election_toml()).meeting.number == "12/BB-KTĐ"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("copies = 0", "meeting.copies"),
        ('copies = "2"', "meeting.copies"),
        ('closing_time = "25:00"', "meeting.closing_time"),
        ("recipients = [1, 2]", "meeting.recipients"),
        ("chair = 3", "meeting.chair"),
        ("number = 0", "meeting.number"),
        ("superior = 1", "meeting.superior"),
        ('recipient = ["Lưu"]', "meeting.recipient"),
    ],
)
def test_bad_meeting_keys(line: str, key: str) -> None:
    error = fails(f"[meeting]\n{line}\n" + election_toml())
    assert key in str(error)


def test_organization_breaks_are_for_the_minutes_only() -> None:
    meeting = load_election(SEED).meeting
    assert meeting.organization == "KHỐI THI ĐUA CÁC CƠ QUAN TỈNH ỦY"  # the papers and their fingerprint
    assert meeting.organization_breaks == ("KHỐI THI ĐUA", "CÁC CƠ QUAN TỈNH ỦY")


def test_a_date_typed_day_first_is_shown_as_toml_writes_it() -> None:
    err = fails("[meeting]\ndate = 18/12/2024\n" + election_toml())
    assert err.key == "election.date_format"
    assert describe_error(err, "vi").endswith(
        "dòng 2: ngày ghi 'date = 18/12/2024' không đúng cách viết của TOML; hãy ghi năm-tháng-ngày "
        "không có dấu ngoặc kép: date = 2024-12-18"
    )


def test_toml_syntax_errors_are_explained_in_vietnamese() -> None:
    err = fails('[[contest]\nid = "co"\n')
    assert describe_error(err, "vi").endswith("lỗi cú pháp TOML ở dòng 1, cột 10: thiếu ']]' đóng tên bảng [[...]].")
    assert "Expected ']]'" in describe_error(err, "en")
    err = fails("[meeting]\ntitle = Hội nghị\n" + election_toml())
    assert "dấu ngoặc kép" in describe_error(err, "vi") and "Invalid" not in describe_error(err, "vi")


def test_an_unknown_key_far_from_every_key_lists_the_keys_allowed() -> None:
    err = fails("[meeting]\nfoo = 1\n" + election_toml())
    assert err.key == "election.unknown_key_none" and "title, organization" in describe_error(err, "en")


def test_an_error_names_the_line_of_its_key(runner: CliRunner, tmp_path: Path) -> None:
    from emulation_vote.election import key_line

    text = (SAMPLES / "seed" / "election.toml").read_text(encoding="utf-8")
    wrong = text.replace("seats = 2", "seat = 2", 1)
    line = next(number for number, row in enumerate(wrong.splitlines(), 1) if row.startswith("seat = 2"))
    assert key_line(wrong, "contest[1].seat") == line
    path = tmp_path / "election.toml"
    path.write_text(wrong, encoding="utf-8")
    result = invoke(runner, "tally", path, SAMPLES / "seed" / "ballots-wide.csv")
    assert result.exit_code == 1
    assert f"election.toml, dòng {line}: khóa không hợp lệ 'contest[1].seat'; có phải là 'seats'?" in result.stderr


def test_an_item_of_a_list_points_at_the_lists_start_never_a_guess() -> None:
    from emulation_vote.election import key_line

    text = (
        '[[contest]]\nid = "co"\nseats = 1\n'
        "# { a comment with a brace }\n"
        'candidates = [\n  { id = "A", name = "An" }, { id = "B", name = "Bình" },\n  { id = "C", nam = "C" },\n]\n'
        'threshold = { share = "1/2" }\n'
    )
    assert key_line(text, "contest[1].candidates[3].nam") == 5
    assert key_line(text, "contest[1].threshold.share") == 9
    assert key_line(text, "contest[1].nothing") == 1  # a missing key: its table's header

"""The vote that follows the ranking: candidates from the scores, a tie at the last seat broken by them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.errors import ElectionFileError, UsageError
from emulation_vote.pipeline import count_files
from emulation_vote.render.errors import describe_error
from emulation_vote.scoring.files import election_as_voted, score_election
from emulation_vote.scoring.vote import apply_scores

from helpers import SAMPLES, invoke, list_rows, parse, write_csv
from scoring_helpers import sheet

BLOCK = SAMPLES / "scoring"
UNITS = [
    ("A", "Văn phòng Tỉnh ủy"),
    ("B", "Ban Tuyên giáo Tỉnh ủy"),
    ("C", "Trường Chính trị tỉnh"),
    ("D", "Báo Lào Cai"),
]


def block_toml(candidates: str = "{ from_scores = true, top = 2 }", tie: str = "score", seats: int = 1) -> str:
    units = "".join(f'[[unit]]\nid = "{i}"\nname = "{n}"\n\n' for i, n in UNITS)
    return (
        units
        + '[scoring]\nscorers = ["self"]\n\n[[scoring.criterion]]\nid = "K"\nmax = "100"\n\n'
        + f'[[contest]]\nid = "co"\ntitle = "Cờ"\nseats = {seats}\ntie = "{tie}"\ncandidates = {candidates}\n'
        + 'threshold = { share = "0", strict = false }\n'
    )


def self_sheet(tmp_path: Path, scores: dict[str, object]) -> Path:
    return sheet(tmp_path / "diem.csv", ["scorer", "unit", "K"], [[u, u, s] for u, s in scores.items()])


def setup(tmp_path: Path, scores: dict[str, object], **kwargs: object) -> tuple[Path, Path]:
    election = tmp_path / "election.toml"
    election.write_text(block_toml(**kwargs), encoding="utf-8")  # type: ignore[arg-type]
    return election, self_sheet(tmp_path, scores)


def test_top_takes_the_units_ranked_first_and_any_sharing_the_last_rank(tmp_path: Path) -> None:
    election = parse(block_toml())
    record = score_election(election, [self_sheet(tmp_path, {"A": 80, "B": 90, "C": 80, "D": 70})])
    voted = apply_scores(election, record)
    contest = voted.contests[0]
    # B is 1st, A and C share the 2nd rank: all three, by rank then unit order, numbered afresh.
    assert [(c.id, c.number) for c in contest.candidates] == [("B", 1), ("A", 2), ("C", 3)]
    assert [str(total) for _, total in contest.scores] == ["90.00", "80.00", "80.00"]
    assert contest.scores_fingerprint == record.fingerprint


def test_min_total(tmp_path: Path) -> None:
    election = parse(block_toml('{ from_scores = true, min_total = "80,5" }'))
    record = score_election(election, [self_sheet(tmp_path, {"A": "80.5", "B": 90, "C": "80.49", "D": 70})])
    assert [c.id for c in apply_scores(election, record).contests[0].candidates] == ["B", "A"]
    election = parse(block_toml('{ from_scores = true, min_total = "95" }'))
    with pytest.raises(ElectionFileError) as caught:
        apply_scores(election, record)
    assert caught.value.key == "scores.no_candidates"


def test_a_ballot_for_a_unit_the_ranking_left_out_is_an_error(tmp_path: Path) -> None:
    election, scores = setup(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})
    ballots = write_csv(tmp_path / "b.csv", list_rows(["A", "D"]))
    from emulation_vote.errors import BallotFileError

    with pytest.raises(BallotFileError):
        count_files(election, [ballots], scores=[scores])


def test_tie_at_the_last_seat_goes_to_the_higher_total(tmp_path: Path) -> None:
    election, scores = setup(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})
    ballots = write_csv(tmp_path / "b.csv", list_rows(["A", "B", "A", "B"]))
    record = count_files(election, [ballots], scores=[scores])
    assert record.contests[0].selected == ("B",)
    assert record.contests[0].runoff is None


def test_tie_still_equal_on_the_score_is_a_runoff(tmp_path: Path) -> None:
    election, scores = setup(tmp_path, {"A": 80, "B": 80, "C": 90, "D": 60}, candidates='["A", "B", "C", "D"]', seats=2)
    ballots = write_csv(tmp_path / "b.csv", list_rows(["C;A", "C;B", "C;D", "A;B", "D"]))
    result = count_files(election, [ballots], scores=[scores]).contests[0]
    # C has 3 votes; A, B and D tie with 2 for the last seat; A and B are equal on the score (80), above D.
    assert result.selected == ("C",)
    assert result.runoff is not None
    assert (result.runoff.candidates, result.runoff.seats) == (("A", "B"), 1)
    election.write_text(block_toml(candidates='["A", "B", "C", "D"]', seats=3), encoding="utf-8")
    result = count_files(election, [ballots], scores=[scores]).contests[0]
    assert set(result.selected) == {"C", "A", "B"}


def test_the_result_fingerprint_covers_the_scores(tmp_path: Path) -> None:
    election, scores = setup(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})
    ballots = write_csv(tmp_path / "b.csv", list_rows(["A", "B", "B"]))
    first = count_files(election, [ballots], scores=[scores]).fingerprint
    self_sheet(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 61})
    assert count_files(election, [ballots], scores=[scores]).fingerprint != first


def test_scores_needed_and_unused(tmp_path: Path) -> None:
    _, scores = setup(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})
    with pytest.raises(UsageError) as caught:
        election_as_voted(parse(block_toml()), [])
    assert caught.value.key == "scores.needed"
    with pytest.raises(UsageError) as caught:
        election_as_voted(parse(block_toml(candidates='["A", "B"]', tie="runoff")), [scores])
    assert caught.value.key == "scores.unused"


@pytest.mark.parametrize(
    ("candidates", "tie", "key"),
    [
        ("{ from_scores = false, top = 2 }", "runoff", "scoring.from_scores"),
        ("{ from_scores = true }", "runoff", "scoring.top_or_min"),
        ('{ from_scores = true, top = 2, min_total = "9" }', "runoff", "scoring.top_or_min"),
        ("{ from_scores = true, top = 0 }", "runoff", "election.too_small"),
        ("{ from_scores = true, first = 2 }", "runoff", "election.unknown_key_none"),
    ],
)
def test_from_scores_errors(candidates: str, tie: str, key: str) -> None:
    with pytest.raises(ElectionFileError) as caught:
        parse(block_toml(candidates, tie))
    assert caught.value.key == key


def test_a_contest_relying_on_scores_needs_a_scoring_table() -> None:
    text = block_toml().replace('[scoring]\nscorers = ["self"]\n\n[[scoring.criterion]]\nid = "K"\nmax = "100"\n\n', "")
    with pytest.raises(ElectionFileError) as caught:
        parse(text)
    assert (caught.value.key, caught.value.params["key"]) == ("scoring.contest_needs_scoring", "contest[1].candidates")
    with pytest.raises(ElectionFileError) as caught:
        parse(text.replace("{ from_scores = true, top = 2 }", '["A", "B"]'))
    assert caught.value.params["key"] == "contest[1].tie"


def test_sample_block_from_sheets_or_saved_json(runner: CliRunner, tmp_path: Path) -> None:
    args = [BLOCK / "election.toml", BLOCK / "ballots.csv"]
    sheets = ["--scores", BLOCK / "self.csv", "--scores", BLOCK / "cross.xlsx"]
    result = invoke(runner, "tally", *args, *sheets, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    contest = data["contests"][0]
    assert [c["id"] for c in contest["candidates"]] == ["TCT", "VPTU", "BTC"]
    assert contest["selected"] == ["TCT", "VPTU"]  # VPTU and BTC tie on 13 votes; VPTU's total is higher
    saved = tmp_path / "diem.json"
    assert (
        invoke(
            runner, "score", BLOCK / "election.toml", BLOCK / "self.csv", BLOCK / "cross.xlsx", "-o", saved
        ).exit_code
        == 0
    )
    again = json.loads(invoke(runner, "tally", *args, "--scores", saved, "-f", "json").stdout)
    assert again["fingerprint"] == data["fingerprint"]
    # A saved file whose scores were edited is refused.
    text = json.loads(saved.read_text(encoding="utf-8"))
    text["rows"][0]["points"]["TC1"] = "40"
    saved.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    result = invoke(runner, "tally", *args, "--scores", saved, "--lang", "en")
    assert result.exit_code == 1
    assert "does not match their rows" in result.stderr
    result = invoke(runner, "tally", *args, "--lang", "en")
    assert result.exit_code == 2
    assert "rely on the scores: add --scores" in result.stderr


def test_minutes_state_the_ranking_rule(runner: CliRunner) -> None:
    args = [BLOCK / "election.toml", BLOCK / "ballots.csv", "--scores", BLOCK / "self.csv"]
    result = invoke(runner, "minutes", *args, "--scores", BLOCK / "cross.xlsx", "--annex")
    assert result.exit_code == 0, result.output
    assert "Danh sách bầu gồm các đơn vị xếp hạng từ 1 đến 3 theo kết quả chấm điểm thi đua" in result.stdout
    assert "đơn vị có tổng điểm chấm điểm cao hơn được chọn" in result.stdout
    # the codes stay out of the signed text: the footer's code covers the scores, the annex gives the table's own
    body, annex = result.stdout.split("## Phụ lục: dữ liệu kiểm phiếu")
    assert "Mã kiểm chứng bảng điểm" in annex and "Mã kiểm chứng bảng điểm" not in body
    # the annex's commands re-check the count with the same score files, so they give the same code
    assert "tệp điểm: self.csv" in annex and "tệp điểm: cross.xlsx" in annex
    command = "emulation-vote tally election.toml ballots.csv --scores self.csv --scores cross.xlsx --format json"
    assert command in annex


def test_the_report_and_the_minutes_say_the_tie_went_by_the_scores(runner: CliRunner) -> None:
    args = [
        BLOCK / "election.toml",
        BLOCK / "ballots.csv",
        "--scores",
        BLOCK / "self.csv",
        "--scores",
        BLOCK / "cross.xlsx",
    ]
    line = (
        "A tie in votes (13) at the last seat, settled by the score totals (Văn phòng Tỉnh ủy 97.78, "
        "Ban Tổ chức Tỉnh ủy 89.70): Văn phòng Tỉnh ủy selected."
    )
    assert line in invoke(runner, "tally", *args, "-f", "plain", "--lang", "en").stdout
    assert line in invoke(runner, "minutes", *args, "--lang", "en").stdout


def saved_scores(runner: CliRunner, tmp_path: Path) -> tuple[Path, dict]:
    saved = tmp_path / "diem.json"
    result = invoke(runner, "score", BLOCK / "election.toml", BLOCK / "self.csv", BLOCK / "cross.xlsx", "-o", saved)
    assert result.exit_code == 0, result.output
    return saved, json.loads(saved.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d.update(schema="emulation-vote/result/1"), "scores.not_scores"),
        (lambda d: d.pop("rows"), "scores.not_scores"),
        (lambda d: d["rows"][0].update(unit="XYZ"), "scores.other_rule"),
        (lambda d: d["rows"][0]["points"].pop("TC6"), "scores.other_rule"),
        (lambda d: d["rows"][0]["points"].update(TC1=38.5), "scores.not_scores"),
        (lambda d: d["rows"].pop(), "scores.missing_self"),  # the reason worded, not its key inside another message
        (lambda d: d.update(fingerprint="sha256:0"), "scores.fingerprint"),
    ],
)
def test_a_saved_ranking_is_checked(runner: CliRunner, tmp_path: Path, change: object, key: str) -> None:
    from emulation_vote.errors import ScoreSheetError
    from emulation_vote.scoring.saved import load_saved_scores

    saved, data = saved_scores(runner, tmp_path)
    change(data)  # type: ignore[operator]
    saved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ScoreSheetError) as caught:
        load_saved_scores(saved, parse((BLOCK / "election.toml").read_text(encoding="utf-8")))
    assert caught.value.key == key
    worded = describe_error(caught.value, "vi")
    assert worded.startswith(str(saved)) and "scores." not in worded and "not a" not in worded


def test_a_saved_ranking_is_not_json(tmp_path: Path) -> None:
    from emulation_vote.errors import ScoreSheetError
    from emulation_vote.scoring.saved import load_saved_scores

    saved = tmp_path / "diem.json"
    saved.write_text("{not json", encoding="utf-8")
    with pytest.raises(ScoreSheetError) as caught:
        load_saved_scores(saved, parse((BLOCK / "election.toml").read_text(encoding="utf-8")))
    assert caught.value.key == "scores.not_scores"


def test_scores_are_one_json_or_sheets(tmp_path: Path) -> None:
    election = parse((BLOCK / "election.toml").read_text(encoding="utf-8"))
    with pytest.raises(UsageError) as caught:
        election_as_voted(election, [tmp_path / "a.json", BLOCK / "self.csv"])
    assert caught.value.key == "scores.mixed"


def test_a_tie_by_score_needs_every_candidate_scored(tmp_path: Path) -> None:
    election = parse(block_toml(candidates='["A", "B", { id = "X", name = "Đơn vị ngoài Khối" }]'))
    record = score_election(election, [self_sheet(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})])
    with pytest.raises(ElectionFileError) as caught:
        apply_scores(election, record)
    assert (caught.value.key, caught.value.params["ids"]) == ("scores.unscored", "X")


def test_the_ranking_must_leave_min_marks_candidates(tmp_path: Path) -> None:
    election = parse(
        block_toml("{ from_scores = true, top = 1 }").replace("seats = 1", "seats = 1\nmin_marks = 2\nmax_marks = 2")
    )
    record = score_election(election, [self_sheet(tmp_path, {"A": 80, "B": 90, "C": 70, "D": 60})])
    with pytest.raises(ElectionFileError) as caught:
        apply_scores(election, record)
    assert caught.value.key == "election.min_marks_high"

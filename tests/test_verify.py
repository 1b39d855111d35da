"""verify reads a saved result strictly and compares the whole document to the recount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.errors import BallotFileError
from emulation_vote.verify import load_result

from helpers import SAMPLES, invoke

SEED = SAMPLES / "seed"
ELECTION = SEED / "election.toml"
BALLOTS = SEED / "ballots-wide.csv"


@pytest.fixture()
def saved(tmp_path: Path, runner: CliRunner) -> Path:
    out = tmp_path / "result.json"
    assert invoke(runner, "tally", ELECTION, BALLOTS, "-f", "json", "-o", out).exit_code == 0
    return out


def _verify(runner: CliRunner, saved: Path, text: str) -> tuple[int, str, str]:
    saved.write_text(text, encoding="utf-8")
    result = invoke(runner, "verify", saved, ELECTION, BALLOTS, "--lang", "en")
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_untouched_text_verifies(runner: CliRunner, saved: Path) -> None:
    assert _verify(runner, saved, saved.read_text(encoding="utf-8"))[0] == 0


def test_fake_candidate_inserted_before_the_real_one_is_caught(runner: CliRunner, saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    candidates = data["contests"][0]["candidates"]
    fake = dict(candidates[0], votes=candidates[0]["votes"] + 5)
    candidates.insert(0, fake)
    code, out, _ = _verify(runner, saved, json.dumps(data, ensure_ascii=False))
    assert code == 1 and out.startswith("MISMATCH")


def test_duplicated_contest_placed_first_is_caught(runner: CliRunner, saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    forged = json.loads(json.dumps(data["contests"][0]))
    forged["selected"] = ["BTG"]
    data["contests"].insert(0, forged)
    code, out, _ = _verify(runner, saved, json.dumps(data, ensure_ascii=False))
    assert code == 1 and out.startswith("MISMATCH")


def test_duplicated_json_key_is_refused(runner: CliRunner, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    forged = text.replace('"selected": [', '"selected": ["BTG"],\n    "selected": [', 1)
    assert forged != text
    code, _, err = _verify(runner, saved, forged)
    assert code == 1
    assert "names the key 'selected' twice" in err


@pytest.mark.parametrize("written", ["91.6700000000000000001", "91.670", "9167e-2", '"91.67"'])
def test_numbers_compare_by_their_exact_digits(runner: CliRunner, saved: Path, written: str) -> None:
    text = saved.read_text(encoding="utf-8")
    percent = json.loads(text)["contests"][0]["candidates"][0]["percent"]
    digits = f"{percent:.2f}"
    assert f'"percent": {digits},' in text
    code, out, _ = _verify(
        runner, saved, text.replace(f'"percent": {digits},', f'"percent": {written.replace("91.67", digits)},', 1)
    )
    assert code == 1, written
    assert "percent" in out


def test_integer_written_as_float_does_not_verify(runner: CliRunner, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    votes = json.loads(text)["contests"][0]["candidates"][0]["votes"]
    code, out, _ = _verify(runner, saved, text.replace(f'"votes": {votes},', f'"votes": {votes}.0,', 1))
    assert code == 1
    assert f"votes: saved {votes}.0, recount {votes}" in out


def test_extra_key_is_a_difference(runner: CliRunner, saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["contests"][0]["note"] = "đã duyệt"
    code, out, _ = _verify(runner, saved, json.dumps(data, ensure_ascii=False))
    assert code == 1 and "contests[co-thi-dua].note: saved đã duyệt, recount —" in out


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"schema": "emulation-vote/result/1", "n": ' + "9" * 5000 + "}",
        '{"schema": "emulation-vote/result/1", "n": NaN}',
    ],
    ids=["deep", "huge-int", "nan"],
)
def test_hostile_json_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BallotFileError) as caught:
        load_result(path)
    assert caught.value.key == "verify.not_json"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_only_the_fingerprint_differing_says_what_else_it_covers(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    election = tmp_path / "e.toml"
    election.write_text(ELECTION.read_text(encoding="utf-8"), encoding="utf-8")
    result = tmp_path / "kq.json"
    assert invoke(runner, "tally", election, BALLOTS, "-f", "json", "-o", result).exit_code == 0
    election.write_text(election.read_text(encoding="utf-8").replace("collected = 26\n", ""), encoding="utf-8")
    checked = invoke(runner, "verify", result, election, BALLOTS, "--lang", lang)
    assert checked.exit_code == 1
    assert ("chỉ mã kiểm chứng khác" if lang == "vi" else "only the fingerprint differs") in checked.stdout
    assert "--format canonical" in checked.stdout


def test_a_figure_differing_gets_no_fingerprint_note(runner: CliRunner, tmp_path: Path) -> None:
    result = tmp_path / "kq.json"
    assert invoke(runner, "tally", ELECTION, BALLOTS, "-f", "json", "-o", result).exit_code == 0
    data = json.loads(result.read_text(encoding="utf-8"))
    data["contests"][0]["candidates"][0]["votes"] += 1
    result.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    checked = invoke(runner, "verify", result, ELECTION, BALLOTS)
    assert checked.exit_code == 1 and "chỉ mã kiểm chứng khác" not in checked.stdout

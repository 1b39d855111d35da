"""Audit listing, reconciliation, fingerprint, verify, compare, secrecy and safe exports."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

import emulation_vote as ev
from emulation_vote.errors import BallotFileError, DataErrors
from emulation_vote.render.errors import describe_error

from helpers import SAMPLES, count_text, election_toml, invoke, list_rows, write_csv

SEED = SAMPLES / "seed"
ELECTION = SEED / "election.toml"


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


# --- audit ---


def test_audit_lists_every_seed_ballot(runner: CliRunner) -> None:
    result = invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    ballots = data["ballots"]
    assert len(ballots) == 26
    assert sum(b["status"] == "valid" for b in ballots) == 24
    invalid = {b["reason"]: b for b in ballots if b["status"] == "invalid"}
    assert set(invalid) == {"declared", "too_many"}
    assert invalid["declared"]["declared"] == "không có dấu"
    assert invalid["too_many"]["chosen"] == ["VPTU", "TCT", "BLC"]
    assert invalid["too_many"]["reason_text"] == "chọn quá số lượng"
    assert all(b["reason_text"] is None for b in ballots if b["status"] == "valid")
    assert all(b["source"].endswith("ballots-wide.csv") and b["row"] == int(b["ballot_id"]) + 1 for b in ballots)
    assert data["fingerprint"].startswith("sha256:")


def test_audit_reconciliation_of_the_seed(runner: CliRunner) -> None:
    data = json.loads(invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "json").stdout)
    relations = {r["relation"]: (r["left"], r["right"], r["holds"]) for r in data["reconciliation"]}
    assert relations == {
        "convened >= present": (27, 26, True),
        "present >= issued": (26, 26, True),
        "issued >= collected": (26, 26, True),
        "collected = loaded": (26, 26, True),
    }
    figures = {f["name"]: f["value"] for f in data["figures"]}
    assert figures == {"absent": 1, "not_returned": 0}


def test_audit_table_and_csv(runner: CliRunner) -> None:
    table = invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv").stdout
    assert "Tổng: 26 phiếu (24 hợp lệ, 2 không hợp lệ)" in table
    assert "đại biểu triệu tập (27) >= đại biểu có mặt (26): khớp" in table
    assert "không có dấu" in table and "chọn quá số lượng" in table
    text = invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "csv").stdout
    assert text.startswith("\ufeffcontest,round,ballot_id,source,row,status,reason,reason_text,declared,chosen")
    rows = read_csv(text)
    assert len(rows) == 26 and "voter" not in rows[0]
    texts = {r["reason"]: r["reason_text"] for r in rows if r["reason"]}
    assert texts == {"declared": "không có dấu", "too_many": "chọn quá số lượng"}
    english = read_csv(invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "csv", "--lang", "en").stdout)
    assert {r["reason_text"] for r in english if r["reason"] == "too_many"} == {"chooses too many"}


def test_missing_figures_are_shown_as_unknown(runner: CliRunner) -> None:
    folder = SAMPLES / "strike"
    data = json.loads(invoke(runner, "audit", folder / "election.toml", folder / "ballots.csv", "-f", "json").stdout)
    assert all(r["holds"] is None for r in data["reconciliation"])
    assert "không có số liệu" in invoke(runner, "audit", folder / "election.toml", folder / "ballots.csv").stdout


def test_canonical_text_hashes_to_the_fingerprint(runner: CliRunner) -> None:
    canonical = invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "canonical").stdout_bytes
    fingerprint = json.loads(invoke(runner, "tally", ELECTION, SEED / "ballots-wide.csv", "-f", "json").stdout)[
        "fingerprint"
    ]
    assert fingerprint == "sha256:" + hashlib.sha256(canonical).hexdigest()


# --- the fingerprint ---


def fingerprint(tmp_path: Path, toml: str, files: dict[str, list[list[str]]]) -> str:
    return count_text(tmp_path, toml, files).fingerprint


BALLOTS = ["A;B", "A", ("B", "rách"), "C;A", "", "A;B;C", "B;D"]


def test_fingerprint_ignores_row_order_split_ids_and_layout(tmp_path: Path) -> None:
    toml = election_toml(seats=2)
    rows = list_rows(BALLOTS)
    base = fingerprint(tmp_path, toml, {"a.csv": rows})
    shuffled = [rows[0], *random.Random(4).sample(rows[1:], len(rows) - 1)]
    assert fingerprint(tmp_path, toml, {"b.csv": shuffled}) == base
    assert fingerprint(tmp_path, toml, {"c.csv": rows[:3], "d.csv": [rows[0], *rows[3:]]}) == base
    renumbered = [rows[0]] + [[f"X{r[0]}", r[1], r[2]] for r in rows[1:]]
    assert fingerprint(tmp_path, toml, {"e.csv": renumbered}) == base
    ids = ["A", "B", "C", "D", "E"]
    wide = [["ballot_id", *ids, "invalid"]]
    for number, row in enumerate(rows[1:], 1):
        chosen = row[1].split(";") if row[1] else []
        wide.append([str(number), *["x" if i in chosen else "" for i in ids], row[2]])
    assert fingerprint(tmp_path, toml, {"w.csv": wide}) == base


def test_fingerprint_changes_with_any_input(tmp_path: Path) -> None:
    toml = election_toml(seats=2)
    base = fingerprint(tmp_path, toml, {"a.csv": list_rows(BALLOTS)})
    moved = list(BALLOTS)
    moved[1] = "B"
    changes = [
        fingerprint(tmp_path, toml, {"a.csv": list_rows(moved)}),
        fingerprint(tmp_path, toml, {"a.csv": list_rows([*BALLOTS, "A"])}),
        fingerprint(tmp_path, toml, {"a.csv": list_rows(BALLOTS[:-1])}),
        fingerprint(tmp_path, toml, {"a.csv": list_rows([*BALLOTS[:2], ("B", "mất dấu"), *BALLOTS[3:]])}),
        fingerprint(tmp_path, election_toml(seats=1, max_marks=2), {"a.csv": list_rows(BALLOTS)}),
        fingerprint(tmp_path, election_toml(seats=2, threshold={"share": "2/3"}), {"a.csv": list_rows(BALLOTS)}),
        fingerprint(tmp_path, election_toml(seats=2, blank="valid"), {"a.csv": list_rows(BALLOTS)}),
        fingerprint(
            tmp_path,
            election_toml(seats=2).replace("Báo Lào Cai", "Báo Lào Cai điện tử"),
            {"a.csv": list_rows(BALLOTS)},
        ),
        fingerprint(tmp_path, election_toml(seats=2, electorate={"convened": 9}), {"a.csv": list_rows(BALLOTS)}),
    ]
    assert base not in changes
    assert len(set(changes)) == len(changes)


def test_fingerprint_is_stable_across_runs(tmp_path: Path) -> None:
    # Separate processes with different string hashing: any set or dict order leaking into the
    # canonical text (ids in a frozenset, contents in a Counter) would change the fingerprint.
    import subprocess
    import sys

    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=3, max_marks=4, electorate={"convened": 30}), encoding="utf-8")
    rows = list_rows([*BALLOTS, "A;C;E", "E;D;C;B", ("", "rách"), "B;E", "E;B", "D"])
    ballots = write_csv(tmp_path / "a.csv", [rows[0], *rows[:0:-1]])
    code = (
        "import sys; from emulation_vote.pipeline import count_files; from emulation_vote.record import canonical_text;"
        "r = count_files(sys.argv[1], [sys.argv[2]]); print(r.fingerprint);"
        "print(canonical_text(r.election, r.contests))"
    )
    outputs = set()
    for seed in ("0", "1", "42", "4294967295"):
        run = subprocess.run(
            [sys.executable, "-c", code, str(election), str(ballots)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1 and outputs.pop().startswith("sha256:")


# --- verify ---


@pytest.fixture()
def saved(tmp_path: Path, runner: CliRunner) -> Path:
    out = tmp_path / "result.json"
    assert invoke(runner, "tally", ELECTION, SEED / "ballots-wide.csv", "-f", "json", "-o", out).exit_code == 0
    return out


def test_verify_untouched_result(runner: CliRunner, saved: Path) -> None:
    result = invoke(runner, "verify", saved, ELECTION, SEED / "ballots-list.csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("Khớp: kết quả đã lưu trùng hoàn toàn với kết quả kiểm lại")


def test_verify_detects_a_moved_mark(runner: CliRunner, saved: Path, tmp_path: Path) -> None:
    rows = list(csv.reader((SEED / "ballots-list.csv").open(encoding="utf-8")))
    target = next(r for r in rows[1:] if r[1] == "TCT; VPTU" and not r[2])
    target[1] = "TCT; BTC"
    moved = write_csv(tmp_path / "moved.csv", rows)
    result = invoke(runner, "verify", saved, ELECTION, moved, "--lang", "en")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("MISMATCH")
    assert "fingerprint: saved sha256:" in out
    assert "contests[co-thi-dua].candidates[VPTU].votes: saved 19, recount 18" in out
    assert "contests[co-thi-dua].candidates[BTC].votes: saved 0, recount 1" in out


def test_verify_detects_an_edited_count(runner: CliRunner, saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["contests"][0]["ballots"]["valid"] = 25
    data["contests"][0]["selected"] = ["VPTU", "TCT"]
    saved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = invoke(runner, "verify", saved, ELECTION, SEED / "ballots-wide.csv", "--lang", "en").stdout
    assert "contests[co-thi-dua].ballots.valid: saved 25, recount 24" in out
    assert "contests[co-thi-dua].selected" in out
    assert "fingerprint" not in out


def test_verify_detects_changed_rules(runner: CliRunner, saved: Path, tmp_path: Path) -> None:
    changed = tmp_path / "e.toml"
    changed.write_text(ELECTION.read_text(encoding="utf-8").replace('share = "1/2"', 'share = "2/3"'), encoding="utf-8")
    result = invoke(runner, "verify", saved, changed, SEED / "ballots-wide.csv", "--lang", "en")
    assert result.exit_code == 1
    assert "threshold.share: saved 1/2, recount 2/3" in result.stdout
    assert "votes_needed: saved 13, recount 17" in result.stdout


def test_verify_rejects_files_that_are_not_results(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = invoke(runner, "verify", bad, ELECTION, SEED / "ballots-wide.csv")
    assert result.exit_code == 1 and "JSON" in result.stderr
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    assert invoke(runner, "verify", other, ELECTION, SEED / "ballots-wide.csv").exit_code == 1


# --- compare ---


def entry(tmp_path: Path, name: str, rows: list[list[str]]) -> Path:
    return write_csv(tmp_path / name, rows)


def test_compare_identical_entries(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(
        runner, "compare", ELECTION, SEED / "ballots-wide.csv", SEED / "ballots-list.csv", SEED / "ballots.xlsx"
    )
    assert result.exit_code == 0 and "26 phiếu, 3 bản nhập" in result.stdout
    out = tmp_path / "agreed.csv"
    args = ["compare", ELECTION, SEED / "ballots-wide.csv", SEED / "ballots-list.csv", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    agreed = invoke(runner, "tally", ELECTION, out, "-f", "json").stdout
    original = invoke(runner, "tally", ELECTION, SEED / "ballots-wide.csv", "-f", "json").stdout
    assert json.loads(agreed)["fingerprint"] == json.loads(original)["fingerprint"]


def test_compare_lists_a_different_reading_and_a_missing_ballot(runner: CliRunner, tmp_path: Path) -> None:
    clerk1 = entry(tmp_path, "clerk1.csv", [["ballot_id", "choices"], ["1", "TCT;VPTU"], ["2", "TCT"], ["3", "BNC"]])
    clerk2 = entry(tmp_path, "clerk2.csv", [["ballot_id", "choices"], ["1", "TCT;VPTU"], ["2", "VPTU"]])
    clerk3 = entry(
        tmp_path,
        "clerk3.csv",
        [["ballot_id", "choices", "invalid"], ["1", "VPTU;TCT", ""], ["2", "TCT", "rách"], ["3", "BNC", ""]],
    )
    out = tmp_path / "agreed.csv"
    result = invoke(runner, "compare", ELECTION, clerk1, clerk2, clerk3, "--lang", "en", "-o", out)
    assert result.exit_code == 1
    text = result.stdout
    assert "The entries DISAGREE: 2 ballots" in text
    assert "co-thi-dua / round 1 / ballot 2: read differently" in text
    assert f"{clerk1}, row 3: TCT" in text and f"{clerk2}, row 3: VPTU" in text
    assert f"{clerk3}, row 3: TCT [invalid: rách]" in text
    assert "co-thi-dua / round 1 / ballot 3: missing from some entries" in text
    assert f"{clerk2}: (absent)" in text
    assert not out.exists() and "not written" in result.stderr


def test_compare_needs_two_entries(runner: CliRunner) -> None:
    assert invoke(runner, "compare", ELECTION, SEED / "ballots-wide.csv").exit_code == 2


def test_compare_reports_a_data_error_in_an_entry(runner: CliRunner, tmp_path: Path) -> None:
    bad = entry(tmp_path, "bad.csv", [["ballot_id", "choices"], ["1", "Nobody"]])
    result = invoke(runner, "compare", ELECTION, SEED / "ballots-wide.csv", bad)
    assert result.exit_code == 1 and "hàng 2" in result.stderr


def test_compare_reports_every_error_of_every_entry(runner: CliRunner, tmp_path: Path) -> None:
    first = entry(tmp_path, "first.csv", [["ballot_id", "choices"], ["1", "Nobody"], ["2", "TCT"], ["3", "Ghost"]])
    second = entry(tmp_path, "second.csv", [["ballot_id", "choices"], ["1", "TCT"], ["2", "Phantom"]])
    result = invoke(runner, "compare", ELECTION, first, second, "--lang", "en")
    assert result.exit_code == 1 and result.stdout == ""
    text = result.stderr
    assert "first.csv" in text and "second.csv" in text
    assert "Nobody" in text and "Ghost" in text and "Phantom" in text
    assert text.index("Nobody") < text.index("Ghost") < text.index("Phantom")
    limited = invoke(runner, "compare", ELECTION, first, second, "--lang", "en", "--max-errors", "2")
    assert limited.exit_code == 1 and "Phantom" not in limited.stderr and "1 more" in limited.stderr


def test_compare_entries_raises_the_errors_of_every_entry(tmp_path: Path) -> None:
    first = entry(tmp_path, "first.csv", [["ballot_id", "choices"], ["1", "Nobody"]])
    second = entry(tmp_path, "second.csv", [["ballot_id", "choices"], ["1", "Phantom"]])
    with pytest.raises(DataErrors) as info:
        ev.compare_entries(ELECTION, [first, second])
    assert [str(error.file) for error in info.value.errors] == [str(first), str(second)]
    assert info.value.more == 0


# --- secrecy ---


@pytest.mark.parametrize("column", ["voter", "Đại biểu", "họ tên", "Họ và tên", "delegate"])
def test_identifying_column_refused_in_a_secret_contest(tmp_path: Path, column: str) -> None:
    rows = [["ballot_id", "choices", column], ["1", "A", "Nguyễn Văn A"]]
    with pytest.raises(BallotFileError) as info:
        count_text(tmp_path, election_toml(seats=1), {"b.csv": rows})
    assert info.value.key == "header.voter_secret" and info.value.params["column"] == column
    assert column in describe_error(info.value, "vi")


def test_voter_column_allowed_in_an_open_vote(tmp_path: Path, runner: CliRunner) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1, secret=False), encoding="utf-8")
    ballots = write_csv(
        tmp_path / "b.csv", [["ballot_id", "choices", "voter"], ["1", "A", "Nguyễn Văn A"], ["2", "A", "Lê B"]]
    )
    result = invoke(runner, "audit", election, ballots, "-f", "csv")
    assert result.exit_code == 0
    rows = read_csv(result.stdout)
    assert [r["voter"] for r in rows] == ["Nguyễn Văn A", "Lê B"]
    assert "Nguyễn Văn A" in invoke(runner, "audit", election, ballots).stdout


# --- safe exports ---


def test_audit_csv_is_formula_safe(tmp_path: Path, runner: CliRunner) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    ballots = write_csv(tmp_path / "b.csv", [["ballot_id", "choices", "invalid"], ["=1+1", "A", "@SUM(A1)"]])
    rows = read_csv(invoke(runner, "audit", election, ballots, "-f", "csv").stdout)
    assert rows[0]["ballot_id"] == "'=1+1" and rows[0]["declared"] == "'@SUM(A1)"


def test_audit_output_is_atomic_and_not_overwritten(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "audit.csv"
    out.write_text("old", encoding="utf-8")
    assert invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "csv", "-o", out).exit_code == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert (
        invoke(runner, "audit", ELECTION, SEED / "ballots-wide.csv", "-f", "csv", "-o", out, "--force").exit_code == 0
    )
    assert out.read_text(encoding="utf-8-sig").startswith("contest,round")


def test_declared_ballots_fingerprint_the_same_in_either_layout(tmp_path: Path) -> None:
    toml = election_toml(seats=2, style="strike")
    wide = [
        ["ballot_id", "A", "B", "C", "D", "E", "invalid"],
        ["1", "", "", "x", "x", "x", ""],
        ["2", "", "", "", "", "", "không có dấu"],
    ]
    listed = [["ballot_id", "choices", "invalid"], ["1", "A;B", ""], ["2", "", "không có dấu"]]
    assert fingerprint(tmp_path, toml, {"w.csv": wide}) == fingerprint(tmp_path, toml, {"l.csv": listed})


@pytest.mark.parametrize("layout", ["wide", "list"])
def test_the_audit_of_some_contests_is_the_same_whichever_reader_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    """``--contest``: the streaming reader counts, skipping the other contests' rows; the listing is the exact one."""
    from test_streaming import TWO_CONTESTS, _two_contest_files

    import emulation_vote.pipeline as pipeline

    election = tmp_path / "e.toml"
    election.write_text(TWO_CONTESTS, encoding="utf-8")
    files = _two_contest_files(tmp_path, layout, bad_row=True)  # the bad row is b's, not asked for

    def listing() -> tuple[str, list[object]]:
        stream = ev.audit_stream(election, files, contests=["a"], partial=True)
        return ev.result_json(stream.record), list(stream.ballots())

    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 10**12)  # the exact reader counts
    exact = listing()
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0)  # the streaming reader counts
    streamed = pipeline.count_files_read(election, files, contests=["a"], partial=True)[1]
    assert streamed
    assert listing() == exact
    assert len(exact[1]) == 300 and '"skipped": {\n    "b": 200\n  }' in exact[0]


@pytest.mark.parametrize("streamed", [True, False])
@pytest.mark.parametrize("change", ["a row more", "a quote"])
def test_a_file_changed_between_the_count_and_its_listing_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool, change: str
) -> None:
    """The listing reads the files again: if they changed since the count, it says so (exit 1), no internal error."""
    from test_streaming import TWO_CONTESTS, _two_contest_files

    import emulation_vote.pipeline as pipeline

    election = tmp_path / "e.toml"
    election.write_text(TWO_CONTESTS, encoding="utf-8")
    (path,) = _two_contest_files(tmp_path, "wide", bad_row=False)
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0 if streamed else 10**12)
    stream = ev.audit_stream(election, [path], partial=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("999,a,x,,,\n" if change == "a row more" else '"998",a,x,,,\n')
    with pytest.raises(BallotFileError) as caught:
        list(stream.ballots())
    assert caught.value.key == "file.changed" and caught.value.exit_code == 1


@pytest.mark.parametrize("fmt", ["csv", "canonical"])
def test_log_with_a_format_that_cannot_show_it_is_refused(runner: CliRunner, fmt: str) -> None:
    seed = SAMPLES / "seed"
    result = invoke(runner, "audit", seed / "election.toml", seed / "ballots-wide.csv", "-f", fmt, "--log", "x.log")
    assert result.exit_code == 2  # it was silently left out
    assert f"--log chỉ in kèm với dạng table hoặc json, không với --format {fmt}." in result.output


def test_compare_agrees_on_a_reason_typed_in_another_case(runner: CliRunner, tmp_path: Path) -> None:
    header = ["ballot_id", "choices", "invalid"]
    first = entry(tmp_path, "hoa.csv", [header, ["1", "VPTU", ""], ["2", "", "rách"]])
    second = entry(tmp_path, "minh.csv", [header, ["1", "VPTU", ""], ["2", "", "Rách"]])
    third = entry(tmp_path, "lan.csv", [header, ["1", "VPTU", ""], ["2", "", "không có dấu"]])
    agreed = invoke(runner, "compare", ELECTION, first, second)
    assert agreed.exit_code == 0 and "2 phiếu, 2 bản nhập" in agreed.stdout, agreed.stdout
    differs = invoke(runner, "compare", ELECTION, first, third)
    assert differs.exit_code == 1

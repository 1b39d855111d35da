"""Ballot entry at the counting table, driven as a real process with piped input and a pseudo-terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from emulation_vote.entrylog import check_log

from helpers import SAMPLES, election_toml

SEED = SAMPLES / "seed" / "election.toml"
COMMAND = [sys.executable, "-m", "emulation_vote"]


def enter(tmp_path: Path, lines: str, *extra: str, election: Path = SEED) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, "enter", str(election), "--contest", "co-thi-dua", "-o", str(tmp_path / "b.csv"), *extra],
        input=lines,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )


def tally(tmp_path: Path, election: Path, *files: Path) -> dict:  # type: ignore[type-arg]
    run = subprocess.run(
        [*COMMAND, "tally", str(election), *map(str, files), "-f", "json"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


@pytest.fixture()
def seed_no_collected(tmp_path: Path) -> Path:
    path = tmp_path / "e.toml"
    path.write_text(SEED.read_text(encoding="utf-8").replace("collected = 26\n", ""), encoding="utf-8")
    return path


def test_piped_session(tmp_path: Path, seed_no_collected: Path) -> None:
    lines = "1 7\nTCT, VPTU\n#10 7\n9 9\n12\n-\n!không có dấu\n1 2 3\nu\nvăn phòng tỉnh uỷ\n"
    run = enter(tmp_path, lines, "--clerk", "Hoa", election=seed_no_collected)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Phiếu 1: Văn phòng Tỉnh ủy; Trường Chính trị tỉnh — hợp lệ" in out
    assert "Phiếu 10: Trường Chính trị tỉnh — hợp lệ" in out
    assert "Phiếu 11: không chọn đơn vị nào — không hợp lệ: phiếu trắng" in out
    assert "Phiếu 12 — không hợp lệ: Ban kiểm phiếu tuyên bố không hợp lệ: không có dấu" in out
    assert "Đã xóa phiếu 13 (Văn phòng Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy; Ban Nội chính Tỉnh ủy)." in out
    assert "Phiếu 13: Văn phòng Tỉnh ủy — hợp lệ" in out
    assert out.rstrip().endswith(
        "Đã nhập 6 phiếu: 4 hợp lệ, 2 không hợp lệ.\n"
        f"Đã lưu 6 phiếu (nội dung co-thi-dua, vòng 1) vào {tmp_path / 'b.csv'}; "
        "phiếu cuối cùng đã xác nhận (phiếu 13) được giữ. Chạy lại lệnh để nhập tiếp."
    )
    assert "> " not in run.stdout and "Phiếu 1>" not in run.stderr  # no prompts when piped
    assert "Không ghi: Báo Lào Cai được ghi hai lần." in run.stderr
    assert "Không ghi: không có đơn vị số 12 trên phiếu." in run.stderr
    result = tally(tmp_path, seed_no_collected, tmp_path / "b.csv")
    contest = result["contests"][0]
    assert contest["ballots"] == {"cast": 6, "valid": 4, "invalid": 2}
    assert {c["id"]: c["votes"] for c in contest["candidates"]}["VPTU"] == 3
    log = [json.loads(line) for line in (tmp_path / "b.csv.log").read_text(encoding="utf-8").splitlines()]
    actions = [entry["action"] for entry in log]
    assert actions == [
        "open",
        "ballot",
        "ballot",
        "ballot",
        "rejected",
        "rejected",
        "ballot",
        "ballot",
        "ballot",
        "undo",
        "ballot",
        "close",
    ]
    undo = log[actions.index("undo")]
    assert undo["replaced"]["choices"] == ["VPTU", "BTG", "BNC"] and undo["clerk"] == "Hoa"
    assert log[1]["typed"] == "1 7" and log[1]["recorded"]["choices"] == ["VPTU", "TCT"]
    assert check_log(tmp_path / "b.csv.log").intact


def test_english_and_strike_out(tmp_path: Path) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=2, style="strike", contest_id="co-thi-dua"), encoding="utf-8")
    run = enter(tmp_path, "3 4 5\n2,3,4,5\n", "--lang", "en", election=election)
    assert run.returncode == 0, run.stderr
    assert "Ballot 1: Văn phòng Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy — valid" in run.stdout
    assert "Ballot 2: Văn phòng Tỉnh ủy — valid" in run.stdout
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        "co-thi-dua,1,1,A;B,",
        "co-thi-dua,2,1,A,",
    ]


def test_runoff_round_needs_its_candidates(tmp_path: Path) -> None:
    tie = SAMPLES / "tie-runoff" / "election.toml"
    run = enter(tmp_path, "1\n", "--round", "2", election=tie)
    assert run.returncode == 2 and "--runoff" in run.stderr
    run = enter(tmp_path, "1\n", "--round", "2", "--runoff", "STP,STC", election=tie)
    assert run.returncode == 2 and "--seats" in run.stderr  # how many a runoff ballot may choose
    run = enter(tmp_path, "1\n2\n1\nSTC\n", "--round", "2", "--runoff", "STP,STC", "--seats", "1", election=tie)
    assert run.returncode == 0, run.stderr
    assert "Phiếu 1: Sở Tư pháp — hợp lệ" in run.stdout and "Phiếu 2: Sở Tài chính — hợp lệ" in run.stdout
    result = tally(tmp_path, tie, SAMPLES / "tie-runoff" / "round1.csv", tmp_path / "b.csv")
    assert [r["ballots"]["cast"] for r in result["contests"][0]["rounds"]] == [20, 4]


def test_kill_9_keeps_every_echoed_ballot_and_resume_continues(tmp_path: Path, seed_no_collected: Path) -> None:
    process = subprocess.Popen(
        [*COMMAND, "enter", str(seed_no_collected), "--contest", "co-thi-dua", "-o", str(tmp_path / "b.csv")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert process.stdin is not None and process.stdout is not None
    echoed = 0
    for number in range(1, 8):
        process.stdin.write(f"{1 + number % 9}\n")
        process.stdin.flush()
        line = process.stdout.readline()
        assert line.startswith(f"Phiếu {number}:"), line
        process.stdout.readline()  # totals
        echoed += 1
    process.stdin.write("7\n")  # typed, maybe not yet saved when the kill comes
    process.stdin.flush()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    data = tally(tmp_path, seed_no_collected, tmp_path / "b.csv")
    cast = data["contests"][0]["ballots"]["cast"]
    assert cast in (echoed, echoed + 1)
    run = enter(tmp_path, "7\n7 1\n", election=seed_no_collected)
    assert run.returncode == 0, run.stderr
    assert f"đã có {cast} phiếu" in run.stdout and f"nhập tiếp từ phiếu số {cast + 1}" in run.stdout
    data = tally(tmp_path, seed_no_collected, tmp_path / "b.csv")
    assert data["contests"][0]["ballots"]["cast"] == cast + 2
    assert check_log(tmp_path / "b.csv.log").intact


def test_check_log_finds_the_edited_line(tmp_path: Path, seed_no_collected: Path) -> None:
    assert enter(tmp_path, "1\n2\n3\n4\n", election=seed_no_collected).returncode == 0
    log = tmp_path / "b.csv.log"
    ok = subprocess.run([*COMMAND, "check-log", str(log)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "nguyên vẹn: 6 dòng" in ok.stdout
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace('"choices":["BTG"]', '"choices":["TCT"]')
    log.write_text("".join(lines), encoding="utf-8")
    bad = subprocess.run([*COMMAND, "check-log", str(log), "--lang", "en"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "breaks at line 3" in bad.stdout  # the edited line itself: its seal
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[1]
    log.write_text("".join(lines), encoding="utf-8")
    assert not check_log(log).intact and check_log(log).broken_line == 2
    refused = enter(tmp_path, "5\n", election=seed_no_collected)
    assert refused.returncode == 1 and "chuỗi mã băm bị đứt" in refused.stderr


def test_terminal_session(tmp_path: Path, seed_no_collected: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        [
            *COMMAND[1:],
            "enter",
            str(seed_no_collected),
            "--contest",
            "co-thi-dua",
            "-o",
            str(tmp_path / "b.csv"),
            "--clerk",
            "Thu",
        ],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=60,  # a wait, not a speed test: after Ctrl-C the log is fsynced, slow on a loaded machine
        env={**os.environ, "COLUMNS": "100"},
    )
    child.expect("Trường Chính trị tỉnh")
    child.expect("TCT")
    child.expect("Phiếu 1> ")
    child.sendline("7 1")
    child.expect("Phiếu 1: Văn phòng Tỉnh ủy; Trường Chính trị tỉnh — hợp lệ")
    child.expect("Phiếu 2> ")
    child.sendline("?")
    child.expect("xóa phiếu vừa nhập")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "co-thi-dua,1,1,VPTU;TCT,"


def test_empty_existing_file_and_missing_folder(tmp_path: Path, seed_no_collected: Path) -> None:
    (tmp_path / "b.csv").write_bytes(b"")
    run = enter(tmp_path, "7\n", election=seed_no_collected)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "co-thi-dua,1,1,TCT,"
    missing = subprocess.run(
        [*COMMAND, "enter", str(seed_no_collected), "--contest", "co-thi-dua", "-o", str(tmp_path / "no" / "b.csv")],
        input="7\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "không tồn tại" in missing.stderr and "Traceback" not in missing.stderr
    wrong = subprocess.run(
        [*COMMAND, "enter", str(seed_no_collected), "--contest", "co-thi-dau", "-o", str(tmp_path / "c.csv")],
        input="7\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2 and "co-thi-dua" in wrong.stderr


def test_undo_keeps_the_ballot_files_ordinary_permissions(tmp_path: Path, seed_no_collected: Path) -> None:
    from typer.testing import CliRunner

    from emulation_vote.cli import app

    previous = os.umask(0o022)
    try:
        out = tmp_path / "b.csv"
        args = ["enter", str(seed_no_collected), "-c", "co-thi-dua", "-o", str(out)]
        result = CliRunner().invoke(app, args, input="1 7\n2\nu\n", catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "Đã xóa phiếu 2" in result.stdout
        assert out.stat().st_mode & 0o777 == 0o644  # an undo rewrites the file; it must not become 0600
        assert (tmp_path / "b.csv.log").stat().st_mode & 0o777 == 0o644
        assert out.read_text(encoding="utf-8-sig").splitlines()[1:] == ["co-thi-dua,1,1,VPTU;TCT,"]
    finally:
        os.umask(previous)


def _spawn(tmp_path: Path, election: Path, *extra: str) -> pexpect.spawn:  # type: ignore[type-arg]
    return pexpect.spawn(
        sys.executable,
        [*COMMAND[1:], "enter", str(election), "--contest", "co-thi-dua", "-o", str(tmp_path / "b.csv"), *extra],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=60,  # a wait, not a speed test: after Ctrl-C the log is fsynced, slow on a loaded machine
        env={**os.environ, "COLUMNS": "100"},
    )


def test_ctrl_c_after_a_confirmed_ballot_says_what_is_saved(tmp_path: Path, seed_no_collected: Path) -> None:
    child = _spawn(tmp_path, seed_no_collected)
    child.expect("Phiếu 1> ")
    child.sendline("7 1")
    child.expect("Phiếu 1: Văn phòng Tỉnh ủy; Trường Chính trị tỉnh — hợp lệ")
    child.expect("Phiếu 2> ")
    child.sendline("2")
    child.expect("Phiếu 3> ")
    child.send("5 6")  # typed, not confirmed with Enter
    child.sendintr()
    child.expect("Đã dừng \\(Ctrl-C\\).")
    child.expect(r"Đã lưu 2 phiếu \(nội dung co-thi-dua, vòng 1\) vào ")
    child.expect(r"phiếu cuối cùng đã xác nhận \(phiếu 2\) được giữ\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Không có gì được ghi" not in (child.before or "")
    lines = (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1:] == ["co-thi-dua,1,1,VPTU;TCT,", "co-thi-dua,2,1,BTG,"]
    log = [json.loads(line) for line in (tmp_path / "b.csv.log").read_text(encoding="utf-8").splitlines()]
    assert [e["action"] for e in log] == ["open", "ballot", "ballot", "close"]
    assert log[-1]["ballots"] == 2
    assert check_log(tmp_path / "b.csv.log").intact


def test_end_of_input_and_quit_say_what_is_saved(tmp_path: Path, seed_no_collected: Path) -> None:
    run = enter(tmp_path, "", election=seed_no_collected)
    assert run.returncode == 0 and run.stdout == f"Chưa lưu phiếu nào vào {tmp_path / 'b.csv'}.\n"
    run = enter(tmp_path, "1\nq\n9\n", "--lang", "en", election=seed_no_collected)
    assert run.stdout.endswith(
        f"Saved: 1 ballot (contest co-thi-dua, round 1) in {tmp_path / 'b.csv'}; "
        "the last confirmed ballot (ballot 1) is kept. Run the command again to continue.\n"
    )


def test_undo_of_a_declared_invalid_ballot_names_its_reason(tmp_path: Path, seed_no_collected: Path) -> None:
    run = enter(tmp_path, "!rách\nu\n", election=seed_no_collected)
    assert "Đã xóa phiếu 1 (không hợp lệ: Ban kiểm phiếu tuyên bố không hợp lệ: rách)." in run.stdout


def test_provisional_count_shows_votes_per_unit(tmp_path: Path, seed_no_collected: Path) -> None:
    run = enter(tmp_path, "1 7\n1\n1 2 3\n=\n", election=seed_no_collected)
    out = run.stdout
    assert "KẾT QUẢ TẠM TÍNH — 3 phiếu đã nhập (2 hợp lệ, 1 không hợp lệ)" in out
    table = out.split("(phiếu hợp lệ):\n")[1].splitlines()
    assert table[0].split() == ["1", "Văn", "phòng", "Tỉnh", "ủy", "2"]
    assert table[6].split()[-1] == "1" and "Trường Chính trị tỉnh" in table[6]
    assert table[1].split()[-1] == "0"


def test_a_name_without_diacritics_piped_is_noted_in_the_log(tmp_path: Path, seed_no_collected: Path) -> None:
    run = enter(tmp_path, "truong chinh tri tinh\n", election=seed_no_collected)
    assert run.returncode == 0, run.stderr
    assert "Phiếu 1: Trường Chính trị tỉnh — hợp lệ" in run.stdout
    expected = "Lưu ý: 'truong chinh tri tinh' ghi thiếu hoặc sai dấu, đã hiểu là Trường Chính trị tỉnh (TCT)."
    assert expected in run.stdout
    log = [json.loads(line) for line in (tmp_path / "b.csv.log").read_text(encoding="utf-8").splitlines()]
    assert log[1]["notices"] == [
        {"code": "matched_without_diacritics", "text": "truong chinh tri tinh", "candidate": "TCT"}
    ]


def test_a_name_without_diacritics_is_confirmed_at_a_terminal(tmp_path: Path, seed_no_collected: Path) -> None:
    child = _spawn(tmp_path, seed_no_collected)
    child.expect("Phiếu 1> ")
    child.sendline("truong chinh tri tinh")
    child.expect(r"Ghi thiếu hoặc sai dấu: 'truong chinh tri tinh' = Trường Chính trị tỉnh \(TCT\)\? \(c = đúng")
    child.sendline("k")
    child.expect("Không ghi phiếu này")
    child.expect("Phiếu 1> ")
    child.sendline("truong chinh tri tinh")
    child.expect("Ghi thiếu hoặc sai dấu")
    child.sendline("c")
    child.expect("Phiếu 1: Trường Chính trị tỉnh — hợp lệ")
    child.expect("Phiếu 2> ")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == ["co-thi-dua,1,1,TCT,"]


def _enter_without_contest(tmp_path: Path, election: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, "enter", str(election), "-o", str(tmp_path / "b.csv"), *extra],
        input="1\n",
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )


def test_the_only_contest_needs_no_contest_option(tmp_path: Path, seed_no_collected: Path) -> None:
    result = _enter_without_contest(tmp_path, seed_no_collected)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("co-thi-dua,1,1,")


@pytest.mark.parametrize(
    "given", ["bang-khen", "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen", "đề nghị  chủ tịch ubnd tỉnh tặng bằng khen"]
)
def test_a_contest_is_named_by_its_id_or_its_title(tmp_path: Path, given: str) -> None:
    two = SAMPLES / "two-contests" / "election.toml"
    result = _enter_without_contest(tmp_path, two, "--contest", given)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("bang-khen,1,1,")


def test_several_contests_and_none_named_lists_them(tmp_path: Path) -> None:
    result = _enter_without_contest(tmp_path, SAMPLES / "two-contests" / "election.toml")
    assert result.returncode == 2
    assert "chọn một bằng --contest (mã hoặc tên): co-thi-dua (Suy tôn" in result.stderr
    assert "bang-khen (Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen)" in result.stderr
    assert not (tmp_path / "b.csv").exists()


def test_runoff_units_are_numbered_as_on_the_first_paper(tmp_path: Path) -> None:
    tie = SAMPLES / "tie-runoff" / "election.toml"
    run = enter(tmp_path, "1\n2\n", "--round", "2", "--runoff", "so tai chinh,STP", "--seats", "1", election=tie)
    assert run.returncode == 0, run.stderr
    rows = (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert rows == ["co-thi-dua,1,2,STP,", "co-thi-dua,2,2,STC,"]
    too_many = enter(tmp_path, "1\n", "--round", "2", "--runoff", "STP,STC", "--seats", "2", election=tie)
    assert too_many.returncode == 2 and "chỉ chọn ít hơn 2 đơn vị" in too_many.stderr

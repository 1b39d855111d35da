"""One entry session at a time on a ballot file and its log; the second is told who holds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from emulation_vote.election import load_election
from emulation_vote.entry import EntrySession
from emulation_vote.errors import UsageError
from emulation_vote.output import lock_path
from emulation_vote.render.errors import describe_error

from helpers import SAMPLES

SEED = SAMPLES / "seed" / "election.toml"


def session(output: Path, clerk: str, log: Path | None = None) -> EntrySession:
    return EntrySession(load_election(SEED), "co-thi-dua", output, clerk=clerk, log=log)


def test_second_session_on_the_same_file_is_refused_naming_the_first(tmp_path: Path) -> None:
    output = tmp_path / "b.csv"
    first = session(output, "Hoa")
    first.record(first.parse("1 7"))
    with pytest.raises(UsageError) as caught:
        session(output, "Lan")
    assert caught.value.key == "enter.locked"
    assert caught.value.params["clerk"] == "Hoa"
    message = describe_error(caught.value, "en")
    assert "clerk Hoa, started at 20" in message
    first.close()
    second = session(output, "Lan")
    assert [b.ballot_id for b in second.entered] == ["1"]
    second.record(second.parse("7"))
    second.close()
    assert not lock_path(output).exists()


def test_shared_log_is_locked_too(tmp_path: Path) -> None:
    log = tmp_path / "shared.log"
    first = session(tmp_path / "a.csv", "Hoa", log)
    with pytest.raises(UsageError, match=r"enter\.locked|Hoa"):
        session(tmp_path / "b.csv", "Lan", log)
    first.close()


def test_log_equal_to_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        session(tmp_path / "b.csv", "Hoa", tmp_path / "b.csv")
    assert caught.value.key == "enter.log_is_output"
    assert not (tmp_path / "b.csv").exists()


def test_lock_is_freed_when_the_process_is_killed(tmp_path: Path) -> None:
    output = tmp_path / "b.csv"
    child = subprocess.Popen(
        [sys.executable, "-m", "emulation_vote", "enter", str(SEED), "-c", "co-thi-dua", "-o", str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("1 7\n")
    child.stdin.flush()
    child.stdout.readline()  # the echo: the session is open and holds the lock
    child.kill()
    child.wait()
    again = session(output, "Lan")
    assert [b.ballot_id for b in again.entered] == ["1"]
    again.close()


def test_cli_second_session_message(tmp_path: Path) -> None:
    output = tmp_path / "b.csv"
    first = session(output, "Hoa")
    run = subprocess.run(
        [sys.executable, "-m", "emulation_vote", "enter", str(SEED), "-c", "co-thi-dua", "-o", str(output)],
        input="1 7\n",
        capture_output=True,
        text=True,
        check=False,
    )
    first.close()
    assert run.returncode == 2
    assert "thư ký Hoa, bắt đầu lúc" in run.stderr
    assert "Traceback" not in run.stderr
    assert first.entered == []

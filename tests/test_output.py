"""Output files: never a device, a pipe or an input replaced, even with --force; a dangling link said so."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.errors import OutputError
from emulation_vote.output import check_target, write_atomic

from helpers import SAMPLES, invoke

SEED = SAMPLES / "seed"
ELECTION = SEED / "election.toml"


def test_fifo_is_never_replaced(tmp_path: Path, runner: CliRunner) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    result = invoke(runner, "tally", ELECTION, SEED / "ballots-wide.csv", "-f", "json", "-o", fifo, "--force")
    assert result.exit_code == 2
    assert "không phải tệp thường" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_character_device_is_refused() -> None:
    # Only the check is called: were it ever to pass, a write would replace the machine's /dev/null.
    with pytest.raises(OutputError) as caught:
        check_target(Path("/dev/null"), True)
    assert caught.value.key == "output.not_regular"


def test_output_that_is_the_input_ballot_file_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    ballots = tmp_path / "b.csv"
    original = (SEED / "ballots-wide.csv").read_bytes()
    ballots.write_bytes(original)
    result = invoke(runner, "tally", ELECTION, ballots, "-o", ballots, "--force", "--lang", "en")
    assert result.exit_code == 2
    assert f"this is the input file {ballots}" in result.stderr
    assert ballots.read_bytes() == original


def test_output_that_is_the_input_under_another_name_is_refused(tmp_path: Path) -> None:
    ballots = tmp_path / "b.csv"
    ballots.write_text("x", encoding="utf-8")
    os.link(ballots, tmp_path / "alias.csv")
    with pytest.raises(OutputError) as caught:
        check_target(tmp_path / "alias.csv", True, [ballots])
    assert caught.value.key == "output.is_input"


def test_compare_output_over_an_entry_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    entry = tmp_path / "a.csv"
    entry.write_bytes((SEED / "ballots-list.csv").read_bytes())
    result = invoke(runner, "compare", ELECTION, entry, SEED / "ballots-wide.csv", "-o", entry, "--force")
    assert result.exit_code == 2
    assert entry.read_bytes() == (SEED / "ballots-list.csv").read_bytes()


def test_dangling_symlink_is_named_as_such(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere" / "x.json")
    for force in (False, True):
        with pytest.raises(OutputError) as caught:
            check_target(link, force)
        assert caught.value.key == "output.dangling_link"


def test_forced_write_through_a_symlink_replaces_its_target_not_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    write_atomic(link, b"new", force=True)
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


# --- the one module of durable file I/O: reading inputs, appending ---


@pytest.fixture()
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_read_input_maps_each_os_error_to_the_error_class_given(tmp_path: Path) -> None:
    from emulation_vote.errors import BallotFileError, ElectionFileError
    from emulation_vote.output import read_input

    (tmp_path / "f.txt").write_bytes(b"abcdef")
    assert read_input(tmp_path / "f.txt") == b"abcdef"
    assert read_input(tmp_path / "f.txt", limit=2) == b"ab"
    with pytest.raises(ElectionFileError) as info:
        read_input(tmp_path / "nope.toml", ElectionFileError)
    assert (info.value.key, info.value.file) == ("file.missing", str(tmp_path / "nope.toml"))
    with pytest.raises(BallotFileError) as info:
        read_input(tmp_path, source="shown.csv")
    assert (info.value.key, info.value.file) == ("file.is_dir", "shown.csv")
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"x")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads any file (root)")
        with pytest.raises(BallotFileError) as info:
            read_input(locked)
        assert info.value.key == "file.unreadable" and info.value.params["reason"] == "Permission denied"
    finally:
        locked.chmod(0o644)


@pytest.mark.usefixtures("umask_022")
def test_append_durably_creates_an_ordinary_file_and_appends(tmp_path: Path) -> None:
    from emulation_vote.output import append_durably

    path = tmp_path / "log"
    append_durably(path, b"one\n")
    append_durably(path, b"two\n")
    assert path.read_bytes() == b"one\ntwo\n"
    assert path.stat().st_mode & 0o777 == 0o644
    with pytest.raises(OutputError) as info:
        append_durably(tmp_path / "no" / "log", b"x")
    assert info.value.key == "output.unwritable"


@pytest.mark.usefixtures("umask_022")
def test_atomic_replacement_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    write_atomic(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    path.chmod(0o640)
    write_atomic(path, b"again", force=True)
    assert path.read_bytes() == b"again" and path.stat().st_mode & 0o777 == 0o640


def test_no_module_but_output_writes_or_appends_files() -> None:
    from helpers import ROOT

    offenders = []
    for path in (ROOT / "emulation_vote").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "output.py" and any(
            call in text for call in ("O_APPEND", "mkstemp(", ".write_bytes(", ".write_text(", "os.replace(")
        ):
            offenders.append(path.name)
    assert not offenders, "write files through emulation_vote.output"

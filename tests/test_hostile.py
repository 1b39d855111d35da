"""Hostile input that used to crash (exit 3) or hang: each is now a clear error, or simply handled."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.ballots.decode import decode
from emulation_vote.election import load_election, parse_election
from emulation_vote.entry import EntrySession, Rejected
from emulation_vote.errors import BallotFileError, ElectionFileError

from helpers import E, invoke


@pytest.mark.parametrize(
    ("tail", "key"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "election.too_deep"),
        ("x = " + "9" * 5000, "election.number_too_long"),
    ],
    ids=["deep", "huge-int"],
)
def test_election_file_nesting_and_huge_integers(tail: str, key: str) -> None:
    with pytest.raises(ElectionFileError) as caught:
        parse_election(E + tail + "\n")
    assert caught.value.key == key


@pytest.mark.parametrize("share", ["1e-999999999", "1e-5", "5E-1", "0x1", "1" * 40 + "/2"])
def test_threshold_share_only_in_its_plain_forms(share: str) -> None:
    toml = E.replace("seats = 2", f'seats = 2\nthreshold = {{ share = "{share}" }}')
    with pytest.raises(ElectionFileError) as caught:
        parse_election(toml)
    assert caught.value.key == "election.bad_share"


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib", "punycode"])
def test_non_text_encodings_are_usage_errors(runner: CliRunner, election: Path, ballots: Path, encoding: str) -> None:
    result = invoke(runner, "tally", election, ballots, "--encoding", encoding)
    assert result.exit_code == 2
    assert "is not a text encoding" in result.stderr
    with pytest.raises(BallotFileError) as caught:
        decode(b"ballot_id\n", "b.csv", encoding)
    assert caught.value.key == "encoding.not_text"


def test_enter_refuses_other_digits_and_huge_numbers(tmp_path: Path, election: Path) -> None:
    session = EntrySession(load_election(election), "c", tmp_path / "e.csv")
    for line in ("²", "٣", "9" * 5000, "#" + "9" * 5000 + " 1"):
        assert isinstance(session.parse(line), Rejected), line[:10]
    session.close()


def test_enter_resumes_a_file_holding_a_huge_id(tmp_path: Path, election: Path) -> None:
    output = tmp_path / "e.csv"
    output.write_text("contest,ballot_id,round,choices,invalid\nc," + "9" * 5000 + ",1,A,\n", encoding="utf-8")
    session = EntrySession(load_election(election), "c", output)
    assert session.next_id() == "1"
    session.close()


def test_minutes_docx_with_a_long_title_and_a_control_character(
    runner: CliRunner, tmp_path: Path, election: Path
) -> None:
    from docx import Document

    long_title = "Cờ " * 87
    toml = tmp_path / "title.toml"
    toml.write_text(E.replace("seats = 2", f'title = "{long_title.strip()}"\nseats = 2'), encoding="utf-8")
    ballots = tmp_path / "ctl.csv"
    ballots.write_bytes(b"ballot_id,choices,invalid\n1,A,\n2,B,r\x01x\n")
    out = tmp_path / "m.docx"
    result = invoke(runner, "minutes", toml, ballots, "-o", out)
    assert result.exit_code == 0, result.stderr
    document = Document(str(out))
    assert len(document.core_properties.title) <= 255
    assert any("r\ufffdx" in p.text for p in document.paragraphs) or any(
        "r\ufffdx" in cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def _chained(path: Path, entries: list[dict[str, object]]) -> Path:
    previous, lines = "0" * 64, []
    for entry in entries:
        line = json.dumps({"prev": previous, **entry}).encode()
        lines.append(line)
        previous = hashlib.sha256(line).hexdigest()
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_audit_log_with_numbers_as_choices(runner: CliRunner, tmp_path: Path, election: Path, ballots: Path) -> None:
    log = _chained(
        tmp_path / "n.log",
        [{"action": "ballot", "ballot_id": "1", "recorded": {"choices": [1, 2], "invalid": None, "reason": None}}],
    )
    result = invoke(runner, "audit", election, ballots, "--log", log, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "1;2" in result.stdout


@pytest.mark.parametrize(
    "body", [b"[" * 100_000 + b"]" * 100_000, b"9" * 5000, b"\xff\xfe"], ids=["deep", "huge-int", "not-utf8"]
)
def test_damaged_log_line_is_not_intact_never_a_crash(
    runner: CliRunner, tmp_path: Path, election: Path, ballots: Path, body: bytes
) -> None:
    log = tmp_path / "d.log"
    log.write_bytes(b'{"prev":"' + b"0" * 64 + b'","x":' + body + b"}\n")
    checked = invoke(runner, "check-log", log, "--lang", "en")
    assert checked.exit_code == 1 and "the line is unreadable" in checked.stdout
    audited = invoke(runner, "audit", election, ballots, "--log", log, "--lang", "en")
    assert audited.exit_code == 0, audited.stderr
    assert "THE LOG WAS ALTERED" in audited.stdout

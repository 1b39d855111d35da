"""Every command's whole output, byte for byte, against golden files (tests/data/golden/commands/).

Each case runs the command line in the repository folder (so the file names it prints are the same
everywhere) and compares exactly what it prints: stdout, and for a failing command the exit code and
stderr.  ``UPDATE_GOLDEN=1`` rewrites the files after a deliberate change; review the diff.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.cli import app

from helpers import DATA, ROOT, election_toml, invoke, write_csv

GOLDEN = DATA / "golden" / "commands"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
SAMPLES = "sample_ballots"
CASES = {
    "seed-wide": ("seed/election.toml", ["seed/ballots-wide.csv"]),
    "seed-list": ("seed/election.toml", ["seed/ballots-list.csv"]),
    "seed-xlsx": ("seed/election.toml", ["seed/ballots.xlsx"]),
    "tie-round1": ("tie-runoff/election.toml", ["tie-runoff/round1.csv"]),
    "tie-runoff": ("tie-runoff/election.toml", ["tie-runoff/round1.csv", "tie-runoff/round2.csv"]),
    "strike": ("strike/election.toml", ["strike/ballots.csv"]),
    "two-contests": ("two-contests/election.toml", ["two-contests/ballots.csv"]),
}
_GENERATOR = re.compile(rb'"generator": "emulation-vote [^"]*"')


def case_args(case: str) -> list[str]:
    election, ballots = CASES[case]
    return [f"{SAMPLES}/{election}", *(f"{SAMPLES}/{b}" for b in ballots)]


def golden(name: str, data: bytes) -> None:
    """Compare ``data`` with the golden file ``name`` byte for byte (the version in ``generator`` aside)."""
    data = _GENERATOR.sub(b'"generator": "emulation-vote VERSION"', data)
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{name} is missing; UPDATE_GOLDEN=1 writes it"
    assert path.read_bytes() == data, f"{name} differs; UPDATE_GOLDEN=1 rewrites it after review"


def run(runner: CliRunner, *args: str, code: int = 0) -> bytes:
    """Run the command line; return stdout, or for a failure the exit code and stderr."""
    result = invoke(runner, *args)
    assert result.exit_code == code, result.output
    if code:
        return f"exit {result.exit_code}\n".encode() + result.stderr_bytes + b"--- stdout\n" + result.stdout_bytes
    return result.stdout_bytes


@pytest.fixture(autouse=True)
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", ["json", "csv", "table", "markdown", "plain"])
def test_tally(runner: CliRunner, case: str, fmt: str) -> None:
    suffix = {"table": "txt", "plain": "plain.txt", "markdown": "md"}.get(fmt, fmt)
    golden(f"tally-{case}.{suffix}", run(runner, "tally", *case_args(case), "-f", fmt))


@pytest.mark.parametrize("case", ["seed-wide", "tie-runoff", "two-contests"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "plain"])
def test_tally_english(runner: CliRunner, case: str, fmt: str) -> None:
    suffix = {"table": "txt", "plain": "plain.txt", "markdown": "md"}[fmt]
    golden(f"tally-{case}-en.{suffix}", run(runner, "tally", *case_args(case), "-f", fmt, "--lang", "en"))


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "plain"])
def test_demo(runner: CliRunner, fmt: str) -> None:
    golden(f"demo.{fmt}", run(runner, "demo", "-f", fmt))


@pytest.mark.parametrize("case", ["seed-wide", "tie-round1", "tie-runoff", "strike", "two-contests"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_minutes_markdown(runner: CliRunner, case: str, lang: str) -> None:
    golden(f"minutes-{case}-{lang}.md", run(runner, "minutes", *case_args(case), "--lang", lang))


def docx_text(data: bytes) -> bytes:
    """Return the text of a .docx, paragraph by paragraph and table cell by cell (its bytes carry dates)."""
    from docx import Document

    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("case", ["seed-wide", "tie-runoff", "two-contests"])
def test_minutes_docx(runner: CliRunner, tmp_path: Path, case: str) -> None:
    out = tmp_path / "minutes.docx"
    result = invoke(runner, "minutes", *case_args(case), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert zipfile.is_zipfile(out)
    golden(f"minutes-{case}.docx.txt", docx_text(out.read_bytes()))


def chained_log(path: Path, entries: list[dict[str, object]]) -> Path:
    """Write an entry log with fixed times, chained as ``enter`` chains it."""
    previous = "0" * 64
    lines = []
    for entry in entries:
        line = json.dumps({"prev": previous, **entry}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        lines.append(line + b"\n")
        previous = hashlib.sha256(line).hexdigest()
    path.write_bytes(b"".join(lines))
    return path


LOG_ENTRIES: list[dict[str, object]] = [
    {"time": "2024-01-05T14:00:00+07:00", "clerk": "Lan", "action": "open", "contest": "co-thi-dua", "round": 1},
    {
        "time": "2024-01-05T14:00:10+07:00",
        "clerk": "Lan",
        "action": "ballot",
        "contest": "co-thi-dua",
        "round": 1,
        "ballot_id": "1",
        "typed": "1 7",
        "recorded": {"choices": ["VPTU", "TCT"], "invalid": None, "reason": None},
    },
    {
        "time": "2024-01-05T14:00:20+07:00",
        "clerk": "Lan",
        "action": "ballot",
        "contest": "co-thi-dua",
        "round": 1,
        "ballot_id": "2",
        "typed": "!rách",
        "recorded": {"choices": [], "invalid": "rách", "reason": "declared"},
    },
    {
        "time": "2024-01-05T14:00:30+07:00",
        "clerk": "Lan",
        "action": "undo",
        "contest": "co-thi-dua",
        "round": 1,
        "ballot_id": "2",
        "replaced": {"choices": [], "invalid": "rách", "reason": "declared"},
    },
    {"time": "2024-01-05T14:00:40+07:00", "clerk": "Lan", "action": "close", "contest": "co-thi-dua", "round": 1},
]


@pytest.mark.parametrize("case", ["seed-wide", "tie-runoff", "strike", "two-contests"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "canonical"])
def test_audit(runner: CliRunner, case: str, fmt: str) -> None:
    suffix = {"table": "txt", "canonical": "canonical.txt"}.get(fmt, fmt)
    golden(f"audit-{case}.{suffix}", run(runner, "audit", *case_args(case), "-f", fmt))


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_audit_english(runner: CliRunner, fmt: str) -> None:
    suffix = {"table": "txt"}.get(fmt, fmt)
    golden(f"audit-seed-wide-en.{suffix}", run(runner, "audit", *case_args("seed-wide"), "-f", fmt, "--lang", "en"))


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_audit_with_logs(runner: CliRunner, tmp_path: Path, fmt: str, lang: str) -> None:
    chained_log(tmp_path / "good.log", LOG_ENTRIES)
    bad = chained_log(tmp_path / "bad.log", LOG_ENTRIES)
    bad.write_bytes(bad.read_bytes().replace(b'"1 7"', b'"1 8"'))
    os.chdir(tmp_path)
    # A link named ROOT: the file column's width must not depend on where the project is checked out.
    (tmp_path / "ROOT").symlink_to(ROOT)
    args = [
        "audit",
        str(Path("ROOT") / SAMPLES / "seed/election.toml"),
        str(Path("ROOT") / SAMPLES / "seed/ballots-wide.csv"),
    ]
    out = run(runner, *args, "-f", fmt, "--lang", lang, "--log", "good.log", "--log", "bad.log")
    golden(f"audit-logs-{lang}.{'txt' if fmt == 'table' else fmt}", out)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    saved = tmp_path / "result.json"
    saved.write_bytes(run(runner, "tally", *case_args("tie-runoff"), "-f", "json"))
    golden(f"verify-ok-{lang}.txt", run(runner, "verify", str(saved), *case_args("tie-runoff"), "--lang", lang))
    data = json.loads(saved.read_text(encoding="utf-8"))
    contest = data["contests"][0]
    contest["candidates"][0]["votes"] += 1
    contest["ballots"]["valid"] = 22.0
    contest["selected"] = list(reversed(contest["selected"]))
    contest["rounds"][1]["candidates"].pop()
    contest["rounds"][0]["threshold"]["strict"] = 1
    del contest["title"]
    contest["extra"] = {"x": [1, "two"]}
    saved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    golden(
        f"verify-differs-{lang}.txt",
        run(runner, "verify", str(saved), *case_args("tie-runoff"), "--lang", lang, code=1),
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    os.chdir(tmp_path)
    election = str(ROOT / SAMPLES / "seed/election.toml")
    wide, listed = (str(ROOT / SAMPLES / f"seed/ballots-{k}.csv") for k in ("wide", "list"))
    agree = run(runner, "compare", election, wide, listed, "--lang", lang)
    golden(f"compare-agree-{lang}.txt", agree.replace(str(ROOT).encode(), b"ROOT"))
    rows = [["ballot_id", "choices", "invalid"], ["1", "VPTU;TCT", ""], ["2", "", ""], ["3", "TCT", "rách"]]
    write_csv(Path("one.csv"), rows)
    write_csv(Path("two.csv"), [rows[0], ["1", "VPTU;BLC", ""], ["3", "TCT", ""], ["4", "BTG", ""]])
    write_csv(Path("three.csv"), [rows[0], ["1", "VPTU;TCT", ""], ["2", "", ""], ["3", "TCT", "rách"]])
    out = run(
        runner, "compare", election, "one.csv", "two.csv", "three.csv", "--lang", lang, "-o", "agreed.csv", code=1
    )
    golden(f"compare-differs-{lang}.txt", out)
    assert not Path("agreed.csv").exists()
    run(runner, "compare", election, "one.csv", "three.csv", "-o", "agreed.csv")
    golden("compare-agreed.csv", Path("agreed.csv").read_bytes())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_log(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    os.chdir(tmp_path)
    chained_log(Path("good.log"), LOG_ENTRIES)
    golden(f"check-log-intact-{lang}.txt", run(runner, "check-log", "good.log", "--lang", lang))
    chained_log(Path("bad.log"), LOG_ENTRIES)
    Path("bad.log").write_bytes(Path("bad.log").read_bytes()[:-1])
    golden(f"check-log-truncated-{lang}.txt", run(runner, "check-log", "bad.log", "--lang", lang, code=1))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_enter_piped(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    os.chdir(tmp_path)
    Path("e.toml").write_text(
        (ROOT / SAMPLES / "seed/election.toml").read_text(encoding="utf-8").replace("collected = 26\n", ""),
        encoding="utf-8",
    )
    lines = ["1 7", "-", "!rách", "#9 1, 2, 3", "Nobody", "1 1", "99", "#9 1", "u", "u", "7;Văn phòng", "?", "", "q"]
    result = runner.invoke(
        app,
        ["enter", "e.toml", "-c", "co-thi-dua", "-o", "b.csv", "--clerk", "Lan", "--lang", lang],
        input="\n".join(lines) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    golden(
        f"enter-{lang}.txt",
        b"--- stdout\n"
        + result.stdout_bytes
        + b"--- stderr\n"
        + result.stderr_bytes
        + b"--- file\n"
        + Path("b.csv").read_bytes(),
    )
    again = runner.invoke(
        app,
        ["enter", "e.toml", "-c", "co-thi-dua", "-o", "b.csv", "--lang", lang],
        input="2\n",
        catch_exceptions=False,
    )
    assert again.exit_code == 0
    golden(f"enter-resumed-{lang}.txt", again.stdout_bytes)


# --- errors: every kind of message, as the one handler prints it ---

SEED_TOML = (ROOT / SAMPLES / "seed/election.toml").read_text(encoding="utf-8")
BAD_ELECTIONS = {
    "type": election_toml(seats="two"),
    "figures": election_toml(electorate={"convened": 5, "present": 7}),
    "unknown-key": election_toml(seat=2).replace("seats = 2\nseat = 2", "seat = 2"),
    "toml": "[[contest]\nid = 1\n",
    "no-contest": "[meeting]\ntitle = 'x'\n",
    "choice": election_toml(style="ticks"),
    "base-missing": election_toml(threshold={"share": "1/2", "of": "present"}),
    "bad-date": "[meeting]\ndate = '2024-13-01'\n" + election_toml(),
    "array": "contest = 3\n",
}


@pytest.mark.parametrize("name", sorted(BAD_ELECTIONS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_election_file_errors(runner: CliRunner, tmp_path: Path, name: str, lang: str) -> None:
    os.chdir(tmp_path)
    Path("e.toml").write_text(BAD_ELECTIONS[name], encoding="utf-8")
    write_csv(Path("b.csv"), [["ballot_id", "choices"], ["1", "A"]])
    golden(f"error-election-{name}-{lang}.txt", run(runner, "tally", "e.toml", "b.csv", "--lang", lang, code=1))


TCVN3 = "V\xa8n ph\xdfng T\xd8nh \xf1y".encode("latin-1")
BAD_BALLOTS: dict[str, tuple[str, bytes]] = {
    "empty": ("b.csv", b""),
    "not-utf8": ("b.csv", bytes(range(128, 256)) * 20),
    "nul": ("b.csv", b"ballot_id,choices\n1,TCT\x00\n"),
    "quote": ("b.csv", b'ballot_id,choices\n1,"TCT\n2,VPTU\n'),
    "no-id-column": ("b.csv", b"ballotid,choices\n1,TCT\n"),
    "empty-id": ("b.csv", b"ballot_id,choices\n1,TCT\n,VPTU\n"),
    "short": ("b.csv", b"ballot_id,VPTU,BTG,BNC,BTC,BDV,UBKT,TCT,DUK,BLC\n1,x\n"),
    "header-only": ("b.csv", b"ballot_id,choices\n"),
    "xlsx-named": ("b.xlsx", b"ballot_id,choices\n1,TCT\n"),
    "unknown-name": ("b.csv", b"ballot_id,choices\n1,Truong Chin tri\n"),
    "tcvn3": ("b.csv", b"ballot_id,choices\n1," + TCVN3 + b"\n"),
    "duplicate-id": ("b.csv", b"ballot_id,choices\n1,TCT\n1,VPTU\n"),
    "suffix": ("b.doc", b"ballot_id,choices\n1,TCT\n"),
    "collected": ("b.csv", b"ballot_id,choices\n1,TCT\n"),
    "round": ("b.csv", b"ballot_id,round,choices\n1,1,TCT\n2,2,VPTU\n"),
}


@pytest.mark.parametrize("name", sorted(BAD_BALLOTS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ballot_file_errors(runner: CliRunner, tmp_path: Path, name: str, lang: str) -> None:
    os.chdir(tmp_path)
    file_name, raw = BAD_BALLOTS[name]
    Path(file_name).write_bytes(raw)
    toml = SEED_TOML.replace("collected = 26\n", "") if name == "round" else SEED_TOML
    Path("e.toml").write_text(toml, encoding="utf-8")
    golden(f"error-ballots-{name}-{lang}.txt", run(runner, "tally", "e.toml", file_name, "--lang", lang, code=1))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_usage_and_output_errors(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    os.chdir(tmp_path)
    Path("e.toml").write_text(SEED_TOML, encoding="utf-8")
    Path("taken.txt").write_text("keep", encoding="utf-8")
    ballots = str(ROOT / SAMPLES / "seed/ballots-wide.csv")
    out = run(runner, "tally", "e.toml", ballots, "-o", "taken.txt", "--lang", lang, code=2)
    out += run(runner, "minutes", "e.toml", ballots, "-o", "m.txt", "--lang", lang, code=2)
    out += run(runner, "compare", "e.toml", ballots, "--lang", lang, code=2)
    out += run(runner, "enter", "e.toml", "-c", "co", "-o", "x.csv", "--lang", lang, code=2)
    out += run(runner, "verify", "e.toml", "e.toml", ballots, "--lang", lang, code=1)
    golden(f"error-usage-{lang}.txt", out.replace(str(ROOT).encode(), b"ROOT"))

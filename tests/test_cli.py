"""The command line: exact output, every format, --output/--force, exit codes, help for every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.cli import app

from helpers import DATA, SAMPLES, election_toml, invoke, list_rows, write_csv

GOLDEN = DATA / "golden"
SEED = SAMPLES / "seed"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))

CASES = {
    "seed-wide": ("seed/election.toml", ["seed/ballots-wide.csv"]),
    "seed-list": ("seed/election.toml", ["seed/ballots-list.csv"]),
    "seed-xlsx": ("seed/election.toml", ["seed/ballots.xlsx"]),
    "tie-round1": ("tie-runoff/election.toml", ["tie-runoff/round1.csv"]),
    "tie-runoff": ("tie-runoff/election.toml", ["tie-runoff/round1.csv", "tie-runoff/round2.csv"]),
    "strike": ("strike/election.toml", ["strike/ballots.csv"]),
    "two-contests": ("two-contests/election.toml", ["two-contests/ballots.csv"]),
}


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs; UPDATE_GOLDEN=1 rewrites it after review"


def tally_json(runner: CliRunner, case: str) -> dict:
    election, ballots = CASES[case]
    result = invoke(runner, "tally", SAMPLES / election, *[SAMPLES / b for b in ballots], "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("generator")
    return data


def test_seed_layouts_agree_to_the_fingerprint(runner: CliRunner) -> None:
    wide, listed, xlsx = (tally_json(runner, c) for c in ("seed-wide", "seed-list", "seed-xlsx"))
    assert wide == listed == xlsx


def test_seed_result_is_the_news_report(runner: CliRunner) -> None:
    contest = tally_json(runner, "seed-wide")["contests"][0]
    assert contest["selected"] == ["TCT", "VPTU"]
    assert contest["ballots"] == {"cast": 26, "valid": 24, "invalid": 2}
    assert contest["invalid_reasons"] == {"declared": 1, "too_many": 1}
    assert contest["threshold"] == {"share": "1/2", "strict": True, "of": "valid", "base_count": 24, "votes_needed": 13}
    assert contest["candidates"][0] == {
        "id": "TCT",
        "name": "Trường Chính trị tỉnh",
        "votes": 22,
        "percent": 91.67,
        "rank": 1,
        "meets_threshold": True,
        "status": "selected",
    }
    assert contest["runoff"] is None


def test_json_percent_keeps_two_decimals_in_text(runner: CliRunner) -> None:
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "json")
    assert '"percent": 91.67,' in result.stdout and '"percent": 0.00,' in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_demo_table(runner: CliRunner, lang: str) -> None:
    result = invoke(runner, "demo", "--lang", lang)
    assert result.exit_code == 0
    golden(f"demo-{lang}.txt", result.stdout)
    assert "\x1b[" not in result.stdout  # no colours when not on a terminal


def test_demo_vietnamese_wording(runner: CliRunner) -> None:
    out = invoke(runner, "demo").stdout
    assert "91,67%" in out and "Được suy tôn" in out and "Không đủ tỷ lệ" in out
    assert "quá 1/2 số phiếu hợp lệ (24 phiếu): cần ít nhất 13 phiếu" in out
    assert "Được suy tôn: Trường Chính trị tỉnh, Văn phòng Tỉnh ủy" in out


@pytest.mark.parametrize("fmt", ["markdown", "plain"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_formats(runner: CliRunner, fmt: str, lang: str) -> None:
    election, ballots = CASES["tie-runoff"]
    result = invoke(runner, "tally", SAMPLES / election, *[SAMPLES / b for b in ballots], "-f", fmt, "--lang", lang)
    assert result.exit_code == 0
    golden(f"tie-runoff-{lang}.{'md' if fmt == 'markdown' else 'txt'}", result.stdout)


def test_runoff_table_names_the_runoff(runner: CliRunner) -> None:
    election, ballots = CASES["tie-round1"]
    out = invoke(runner, "tally", SAMPLES / election, *[SAMPLES / b for b in ballots]).stdout
    assert "Bằng phiếu — bầu lại" in out
    assert "Bằng phiếu ở vị trí cuối: Sở Tư pháp, Sở Tài chính — cần bầu lại cho 1 chỗ còn lại." in out


def test_csv_format(runner: CliRunner) -> None:
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "csv")
    assert result.exit_code == 0
    text = result.stdout_bytes.decode("utf-8")
    assert text.startswith("\ufeffcontest,round,rank,candidate_id,candidate_name,votes,percent")
    assert "co-thi-dua,1,1,TCT,Trường Chính trị tỉnh,22,91.67,true,selected,valid,24,13,2\r\n" in text
    assert text.count("\r\n") == 10


def test_csv_cells_are_safe_from_formula_injection(tmp_path: Path, runner: CliRunner) -> None:
    toml = election_toml(seats=1, candidates=[("A", '=HYPERLINK("http://x")'), ("B", "+B"), ("C", "@C"), ("D", "-D")])
    election = tmp_path / "e.toml"
    election.write_text(toml, encoding="utf-8")
    ballots = write_csv(tmp_path / "b.csv", list_rows(["A"]))
    text = invoke(runner, "tally", election, ballots, "-f", "csv").stdout
    assert '\'=HYPERLINK(""http://x"")' in text
    assert ",'+B," in text and ",'@C," in text and ",'-D," in text


def test_output_is_written_and_never_overwritten_without_force(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "result.json"
    args = ["tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "json", "-o", out]
    first = invoke(runner, *args)
    assert first.exit_code == 0 and out.exists() and first.stdout == ""
    out.write_text("keep me", encoding="utf-8")
    second = invoke(runner, *args)
    assert second.exit_code == 2 and out.read_text(encoding="utf-8") == "keep me"
    assert "--force" in second.stderr
    third = invoke(runner, *args, "--force")
    assert third.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["schema"] == "emulation-vote/result/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]  # no temporary file left


def test_output_files_get_ordinary_permissions(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "result.json"
    umask = os.umask(0o022)
    try:
        assert (
            invoke(
                runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "json", "-o", out
            ).exit_code
            == 0
        )
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        args = ["tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "json", "-o", out, "--force"]
        assert invoke(runner, *args).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


def test_no_output_file_when_the_count_fails(tmp_path: Path, runner: CliRunner) -> None:
    bad = write_csv(tmp_path / "bad.csv", [["ballot_id", "choices"], ["1", "Nobody"]])
    out = tmp_path / "result.json"
    result = invoke(runner, "tally", SEED / "election.toml", bad, "-f", "json", "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_output_into_a_missing_folder(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", tmp_path / "no" / "x.txt")
    assert result.exit_code == 2 and "không tồn tại" in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_error_message_and_exit_code(tmp_path: Path, runner: CliRunner, lang: str) -> None:
    bad = write_csv(tmp_path / "bad.csv", [["ballot_id", "choices"], ["1", "TCT"], ["2", "Truong Chinh tr"]])
    result = invoke(runner, "tally", SEED / "election.toml", bad, "--lang", lang)
    assert result.exit_code == 1 and result.stdout == ""
    row = "hàng 3" if lang == "vi" else "row 3"
    assert f"{bad}, {row}: " in result.stderr
    assert "Trường Chính trị tỉnh (TCT)" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-f", "xml").exit_code == 2
    assert invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "--lang", "fr").exit_code == 2
    assert invoke(runner, "tally", SEED / "election.toml").exit_code == 2
    assert invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv", "-e", "nope").exit_code == 2


def test_encoding_option(tmp_path: Path, runner: CliRunner) -> None:
    from helpers import cp1258_bytes

    path = tmp_path / "cp.csv"
    path.write_bytes(
        cp1258_bytes("ballot_id,choices\n" + "".join(f"{n},Trường Chính trị tỉnh;VP Tỉnh ủy\n" for n in range(1, 27)))
    )
    result = invoke(runner, "tally", SEED / "election.toml", path, "-e", "cp1258", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["contests"][0]["selected"] == ["VPTU", "TCT"]


def test_every_command_has_help(runner: CliRunner) -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"tally", "demo"} <= set(commands)
    for name, command in commands.items():
        assert command.help, name
        result = invoke(runner, name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout, name


def test_sheet_help_says_what_each_command_reads(runner: CliRunner) -> None:
    # Ballot files: a workbook of several sheets is read sheet by sheet; score sheets: the first.
    for name in ("tally", "audit", "minutes", "show", "verify", "compare"):
        text = " ".join(invoke(runner, name, "--help").stdout.split())
        assert "default: every sheet, each for its contest" in text, name
    text = " ".join(invoke(runner, "score", "--help").stdout.split())
    assert "default: the first" in text


def test_version(runner: CliRunner) -> None:
    assert invoke(runner, "--version").stdout.startswith("emulation-vote ")


def test_internal_errors_are_one_line_and_exit_3(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import emulation_vote.api

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(emulation_vote.api, "count_files", broken)
    result = invoke(runner, "tally", SEED / "election.toml", SEED / "ballots-wide.csv")
    assert result.exit_code == 3
    assert result.stderr.startswith("Lỗi nội bộ của chương trình (RuntimeError: boom).")
    assert "Traceback" not in result.stderr


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from emulation_vote.cli import _app as cli

    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 9_000_000)
    with cli.progress_bar([big]) as progress:
        assert progress is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with cli.progress_bar([big]) as progress:
        assert progress is not None
        progress(1_000)
    with cli.progress_bar([SEED / "ballots-wide.csv"]) as progress:
        assert progress is None  # small files get no bar


def test_module_entry_point(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "emulation_vote", "demo", "--lang", "en", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0 and json.loads(run.stdout)["contests"][0]["selected"] == ["TCT", "VPTU"]


@pytest.mark.parametrize("columns", [60, 72])
def test_narrow_terminal_keeps_names_and_percents_whole(runner: CliRunner, columns: int) -> None:
    result = runner.invoke(app, ["demo"], env={"COLUMNS": str(columns)}, catch_exceptions=False)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines if "sha256:" not in line) <= columns
    assert "Mã kiểm chứng: sha256:fab8c709" in result.stdout  # the fingerprint is never cut
    rows = [line.split("│") for line in lines if line.startswith("│")]
    names = " ".join(" ".join(row[2].split()) for row in rows)
    for name in ("Trường Chính trị tỉnh", "Văn phòng Tỉnh ủy", "Đảng ủy Khối Cơ quan - Doanh nghiệp"):
        assert name in names  # wrapped at spaces, never cut
    percents = [row[4].strip() for row in rows if row[4].strip()]
    assert percents[:4] == ["91,67%", "79,17%", "8,33%", "4,17%"]
    assert "…" not in result.stdout


def test_columns_is_honoured_when_piped(runner: CliRunner) -> None:
    wide = runner.invoke(app, ["demo"], env={"COLUMNS": "140"}, catch_exceptions=False).stdout
    narrow = runner.invoke(app, ["demo"], env={"COLUMNS": "60"}, catch_exceptions=False).stdout
    assert "█" in wide and "█" not in narrow
    assert max(len(line) for line in wide.splitlines()) > 100


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        (["tally", str(SEED / "election.toml"), str(SEED / "ballots-wide.csv"), "--format", "json"], 0),
        (["tally", "no-such-election.toml", str(SEED / "ballots-wide.csv")], 1),
        (["tally", "--no-such-option"], 2),
    ],
)
def test_the_console_script_ends_at_once_with_its_output_and_status(arguments: list[str], status: int) -> None:
    """``run`` leaves without Python's shutdown: what was printed is all there, and the exit status is main's."""
    ran = subprocess.run(
        [sys.executable, "-m", "emulation_vote", *arguments], capture_output=True, text=True, encoding="utf-8"
    )
    kept = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom emulation_vote.cli import main\nsys.argv[0] = 'emulation-vote'\nmain()",
            *arguments,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert (ran.returncode, ran.stdout, ran.stderr) == (status, kept.stdout, kept.stderr)
    assert kept.returncode == status
    if status == 0:
        assert json.loads(ran.stdout)["schema"]


@pytest.mark.parametrize(("code", "status", "said"), [(None, 0, ""), (3, 3, ""), ("stopped", 1, "stopped\n")])
def test_the_console_script_exits_as_sys_exit_would(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: object, status: int, said: str
) -> None:
    import emulation_vote.cli as cli

    def leave() -> None:
        sys.exit(code)

    import emulation_vote.memory as memory

    ended: list[int] = []
    steps: list[str] = []
    monkeypatch.setattr(memory, "keep_freed_memory", lambda: steps.append("heap kept"))
    monkeypatch.setattr(cli, "main", lambda: (steps.append("main"), leave()))
    monkeypatch.setattr(os, "_exit", ended.append)
    cli.run()
    assert ended == [status]
    assert steps == ["heap kept", "main"]  # the C heap keeps what the command frees
    assert capsys.readouterr().err == said


def test_the_console_script_leaves_as_python_would_under_a_tracer_or_when_a_stream_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Coverage, cProfile and debuggers write their results at shutdown: under one, ``run`` lets Python end."""
    import emulation_vote.cli as cli

    ended: list[int] = []
    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(os, "_exit", ended.append)
    monkeypatch.setattr(sys, "gettrace", lambda: print)
    with pytest.raises(SystemExit) as done:
        cli.run()
    assert done.value.code == 0 and not ended
    monkeypatch.setattr(sys, "gettrace", lambda: None)
    monkeypatch.delitem(sys.modules, "coverage", raising=False)  # should the tests themselves be measured

    class Closed:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Closed())
    cli.run()
    assert ended == [120]  # as Python exits when it cannot flush stdout


def test_markdown_has_both_names_in_tally_demo_and_minutes(runner: CliRunner, tmp_path: Path) -> None:
    """``md`` and ``markdown`` name the same format everywhere (minutes said md, tally markdown)."""
    seed = [SEED / "election.toml", SEED / "ballots-wide.csv"]
    for command in (["tally", *seed], ["demo"], ["minutes", *seed]):
        outputs = [invoke(runner, *command, "--format", name) for name in ("md", "markdown")]
        assert all(result.exit_code == 0 for result in outputs), [r.output for r in outputs]
        assert outputs[0].stdout == outputs[1].stdout and " | " in outputs[0].stdout, command  # a Markdown table
    written = tmp_path / "ket-qua.md"
    assert invoke(runner, "tally", *seed, "-f", "md", "-o", written).exit_code == 0
    assert written.read_text(encoding="utf-8") == invoke(runner, "tally", *seed, "-f", "markdown").stdout

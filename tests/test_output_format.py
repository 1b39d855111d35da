"""One rule for every command that writes a file: --format, else the --output suffix, and the two never disagree.

A file named ``ket-qua.xlsx`` holding CSV, or ``ket-qua.json`` holding a text table, opens in the
wrong program or not at all: a --format the suffix contradicts is refused before any work, and a
suffix alone chooses its format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SAMPLES, invoke

SEED = SAMPLES / "seed"
COUNT = (SEED / "election.toml", SEED / "ballots-wide.csv")
SCORING = SAMPLES / "scoring"
SCORE = (SCORING / "election.toml", SCORING / "self.csv", SCORING / "cross.xlsx")

MISMATCHES = [
    ("tally", COUNT, "csv", "ket-qua.xlsx"),
    ("tally", COUNT, "json", "ket-qua.csv"),
    ("tally", COUNT, "table", "ket-qua.json"),
    ("tally", COUNT, "xlsx", "ket-qua.md"),
    ("audit", COUNT, "json", "kiem-tra.csv"),
    ("audit", COUNT, "csv", "kiem-tra.json"),
    ("template", (SEED / "election.toml",), "csv", "phieu.xlsx"),
    ("template", (SEED / "election.toml",), "xlsx", "phieu.csv"),
    ("score", SCORE, "json", "diem.xlsx"),
    ("score", SCORE, "docx", "diem.md"),
    ("minutes", COUNT, "docx", "bien-ban.pdf"),
    ("minutes", COUNT, "docx", "bien-ban.doc"),
    ("minutes", COUNT, "pdf", "bien-ban.txt"),
    ("tally", COUNT, "xlsx", "ket-qua.txt"),
    ("ballots", (SEED / "election.toml",), "docx", "phieu.pdf"),
    ("ballots", (SEED / "election.toml",), "pdf", "phieu"),
]


@pytest.mark.parametrize(("command", "inputs", "fmt", "name"), MISMATCHES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_format_the_suffix_contradicts_is_refused_before_any_work(
    runner: CliRunner, tmp_path: Path, command: str, inputs: tuple[Path, ...], fmt: str, name: str, lang: str
) -> None:
    output = tmp_path / name
    result = invoke(runner, command, *inputs, "-f", fmt, "-o", output, "--lang", lang)
    assert result.exit_code == 2, result.output
    suffix = output.suffix or "-"
    expected = (
        f"--format {fmt} nhưng tệp kết quả có đuôi '{suffix}'"
        if lang == "vi"
        else f"--format {fmt} but the output file ends in '{suffix}'"
    )
    assert expected in result.stderr
    assert not output.exists() and list(tmp_path.iterdir()) == []


def _kind(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"PK"):
        return "zip"
    if data.startswith(b"%PDF"):
        return "pdf"
    text = data.decode("utf-8-sig")
    if text.startswith("{"):
        json.loads(text)
        return "json"
    if text.startswith(("# ", "|")) or "\n|" in text:
        return "markdown"
    return "text"


@pytest.mark.parametrize(
    ("command", "inputs", "name", "kind"),
    [
        ("tally", COUNT, "ket-qua.json", "json"),
        ("tally", COUNT, "ket-qua.xlsx", "zip"),
        ("tally", COUNT, "ket-qua.md", "markdown"),
        ("tally", COUNT, "ket-qua.txt", "text"),
        ("tally", COUNT, "ket-qua", "text"),
        ("audit", COUNT, "kiem-tra.json", "json"),
        ("template", (SEED / "election.toml",), "phieu.xlsx", "zip"),
        ("score", SCORE, "diem.json", "json"),
        ("score", SCORE, "diem.xlsx", "zip"),
        ("score", SCORE, "diem.txt", "text"),
        ("minutes", COUNT, "bien-ban.docx", "zip"),
    ],
)
def test_the_suffix_alone_chooses_the_format(
    runner: CliRunner, tmp_path: Path, command: str, inputs: tuple[Path, ...], name: str, kind: str
) -> None:
    output = tmp_path / name
    result = invoke(runner, command, *inputs, "-o", output)
    assert result.exit_code == 0, result.output
    assert _kind(output) == kind


def test_the_suffix_alone_chooses_csv(runner: CliRunner, tmp_path: Path) -> None:
    tally = invoke(runner, "tally", *COUNT, "-o", tmp_path / "ket-qua.csv")
    audit = invoke(runner, "audit", *COUNT, "-o", tmp_path / "kiem-tra.csv")
    template = invoke(runner, "template", SEED / "election.toml", "-o", tmp_path / "phieu.csv")
    assert tally.exit_code == audit.exit_code == template.exit_code == 0
    assert (tmp_path / "ket-qua.csv").read_text(encoding="utf-8-sig").startswith("contest,")
    assert (tmp_path / "kiem-tra.csv").read_text(encoding="utf-8-sig").startswith("contest,round,ballot_id,")
    assert (tmp_path / "phieu.csv").read_text(encoding="utf-8-sig").startswith("Số phiếu,")


@pytest.mark.parametrize(
    ("command", "inputs", "fmt", "name"),
    [
        ("tally", COUNT, "plain", "ket-qua.txt"),
        ("tally", COUNT, "json", "ket-qua.txt"),
        ("score", SCORE, "json", "diem.txt"),
        ("tally", COUNT, "json", "ket-qua.out"),
        ("audit", COUNT, "canonical", "chuan.txt"),
        ("score", SCORE, "markdown", "diem.md"),
    ],
)
def test_a_format_the_suffix_allows_or_does_not_claim_is_written(
    runner: CliRunner, tmp_path: Path, command: str, inputs: tuple[Path, ...], fmt: str, name: str
) -> None:
    result = invoke(runner, command, *inputs, "-f", fmt, "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).stat().st_size > 0


ENTRY = (SEED / "election.toml", "--contest", "co-thi-dua")


@pytest.mark.parametrize(
    ("command", "inputs", "name"),
    [
        ("tally", COUNT, "ket-qua.docx"),
        ("audit", COUNT, "kiem-tra.xlsx"),
        ("audit", COUNT, "kiem-tra.md"),
        ("score", SCORE, "diem.pdf"),
        ("template", (SEED / "election.toml",), "phieu.txt"),
        ("template", (SEED / "election.toml",), "phieu"),
        ("ballots", (SEED / "election.toml",), "phieu.xlsx"),
        ("show", COUNT, "ket-qua.xlsx"),
        ("compare", (*COUNT, SEED / "ballots-list.csv"), "chung.xlsx"),
        ("enter", ENTRY, "phieu.xlsx"),
        ("scan", (SEED / "election.toml", SEED / "election.toml"), "phieu.json"),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_name_that_says_a_format_the_command_does_not_write_is_refused(
    runner: CliRunner, tmp_path: Path, command: str, inputs: tuple[object, ...], name: str, lang: str
) -> None:
    output = tmp_path / name
    result = invoke(runner, command, *inputs, "-o", output, "--lang", lang)
    assert result.exit_code == 2, result.output
    suffix = output.suffix or "-"
    expected = (
        f"lệnh này không ghi tệp dạng '{suffix}'" if lang == "vi" else f"this command does not write '{suffix}' files"
    )
    assert expected in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_page_asked_for_under_a_chart_name_gets_the_page_name(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "show", *COUNT, "-f", "html", "-o", tmp_path / "ket-qua.png")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["ket-qua.html"]
    assert (tmp_path / "ket-qua.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")

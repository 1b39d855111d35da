"""The score command: every format, golden outputs of the sample block, errors in words and in JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_cli import golden
from typer.testing import CliRunner

from helpers import DATA, SAMPLES, invoke, write_csv

BLOCK = SAMPLES / "scoring"
ARGS = (BLOCK / "election.toml", BLOCK / "self.csv", BLOCK / "cross.xlsx")


def score(runner: CliRunner, *args: object) -> object:
    return invoke(runner, "score", *ARGS, *[str(a) for a in args])


def test_sample_json_is_the_contract(runner: CliRunner) -> None:
    result = score(runner, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "emulation-vote/scores/1"
    assert data["rule"] == {
        "scorers": ["self", "cross"],
        "weights": {"self": "3/10", "cross": "7/10"},
        "exclude_self": True,
        "trim": 1,
        "decimals": 2,
        "tie": "TC1",
    }
    first = data["units"][0]
    assert (first["id"], first["rank"], first["board"]) == ("TCT", 1, None)
    assert all(isinstance(u["total"], str) and len(u["total"].split(".")[1]) == 2 for u in data["units"])
    assert data["notices"] == []
    data.pop("generator")
    rows = data.pop("rows")  # the sheets themselves: checked here, kept out of the golden file
    assert len(rows) == 9 + 9 * 8
    assert rows[0] == {
        "scorer": "VPTU",
        "unit": "VPTU",
        "points": {"TC1": "36.5", "TC2": "19.5", "TC3": "14.5", "TC4": "9.5", "TC5": "10", "TC6": "5"},
        "bonus": "5",
        "penalty": "0",
    }
    golden("scores-sample.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("scores-sample-vi.md", ("--format", "markdown")),
        ("scores-sample-en.txt", ("--format", "plain", "--lang", "en")),
        ("scores-sample.csv", ("--format", "csv")),
        ("scores-summary-vi.md", ("--format", "summary")),
        ("scores-table-vi.txt", ()),
    ],
)
def test_golden_outputs(runner: CliRunner, name: str, args: tuple[str, ...]) -> None:
    result = score(runner, *args)
    assert result.exit_code == 0, result.output
    golden(name, result.stdout)


def test_docx_and_xlsx_are_written_to_files(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    result = score(runner, "--output", tmp_path / "bang.docx")
    assert result.exit_code == 0, result.output
    document = Document(str(tmp_path / "bang.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM" in text
    table = document.tables[1]
    assert [c.text for c in table.rows[1].cells][:3] == ["1", "Trường Chính trị tỉnh", "98,51"]
    assert score(runner, "-f", "xlsx", "-o", tmp_path / "x.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "x.xlsx")
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[2]][:5] == [1, 7, "TCT", "Trường Chính trị tỉnh", pytest.approx(98.51)]
    assert sheet["E2"].number_format == "0.00"
    assert "sha256:" in " ".join(str(r[0].value) for r in book.worksheets[1].iter_rows())


def test_binary_formats_need_an_output(runner: CliRunner) -> None:
    result = score(runner, "--format", "docx")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_existing_output_needs_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "diem.json"
    target.write_text("x", encoding="utf-8")
    assert score(runner, "-o", target).exit_code == 2
    assert target.read_text(encoding="utf-8") == "x"
    assert score(runner, "-o", target, "--force").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "emulation-vote/scores/1"


def bad_sheet(tmp_path: Path) -> Path:
    rows = [["scorer", "unit", "TC1", "TC2", "TC3", "TC4", "TC5", "TC6"]]
    rows += [
        ["TCT", "TCT", 41, 1, 1, 1, 1, 1],
        ["TCT", "Truong Chinh tri", 1, 1, 1, 1, 1, 1],
        ["XYZ", "TCT", 1, 1, 1, 1, 1, 1],
    ]
    return write_csv(tmp_path / "bad.csv", rows)


def test_errors_in_words_every_one_and_a_limit(runner: CliRunner, tmp_path: Path) -> None:
    """The sheets' errors are shown as the ballot files' are: how many, then each file and its rows."""
    path = bad_sheet(tmp_path)
    result = invoke(runner, "score", ARGS[0], path, "--lang", "en")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 3 errors in the score sheets; nothing was ranked. Fix the rows below and run again:"
    assert lines[1] == f"{path}:"
    assert lines[2] == "  row 2: Column TC1: the score 41 is above the criterion's maximum (40)."
    assert lines[3].startswith(f"  row 3: TCT scores TCT a second time (first at {path}:2)")
    assert lines[4].startswith("  row 4: The scorer 'XYZ' is no unit of the block")
    # A row naming no known unit: which pair it scores is unknown, so no pair is reported missing.
    assert len(lines) == 5
    result = invoke(runner, "score", ARGS[0], path, "--lang", "en", "--max-errors", "1")
    assert result.stderr.splitlines()[3:] == ["… and 2 more (see --max-errors)."]
    # Without it, what the rule needs and the sheet lacks follows, unit by unit.
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    lines = invoke(runner, "score", ARGS[0], path, "--lang", "en").stderr.splitlines()
    assert "  The self-score row of VPTU is missing (scorer = unit = VPTU)." in lines
    assert "  TCT lacks the cross scores of 8 units: VPTU, BTG, BNC, BTC, BDV, UBKT, DUK, BLC." in lines


def test_errors_as_json(runner: CliRunner, tmp_path: Path) -> None:
    path = bad_sheet(tmp_path)
    result = invoke(runner, "score", ARGS[0], path, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == "emulation-vote/errors/1"
    assert data["errors"][0] == {
        "file": str(path),
        "row": 2,
        "column": "TC1",
        "code": "scores.above_max",
        "message": "Cột TC1: điểm 41 vượt điểm tối đa của tiêu chí (40).",
    }


def test_an_election_without_scoring(runner: CliRunner) -> None:
    result = invoke(runner, "score", SAMPLES / "seed" / "election.toml", BLOCK / "self.csv", "--lang", "en")
    assert result.exit_code == 1
    assert "has no [scoring] table" in result.stderr


def test_help_names_the_command(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert "score" in result.stdout
    assert io.StringIO(invoke(runner, "score", "--help").stdout).read().count("--max-errors") == 1
    assert DATA.is_dir()


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_tally_with_bad_score_sheets_lists_their_errors(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    """Through --scores too, every error of the sheets, in words or as the JSON error document (it raised)."""
    path = bad_sheet(tmp_path)
    result = invoke(runner, "tally", ARGS[0], BLOCK / "ballots.csv", "--scores", path, "-f", fmt, "--lang", "en")
    assert result.exit_code == 1, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert [e["code"] for e in data["errors"]] == [
            "scores.above_max",
            "scores.duplicate_pair",
            "scores.unknown_scorer_none",
        ]
    else:
        assert result.stderr.startswith("Error: 3 errors in the score sheets; nothing was ranked.")

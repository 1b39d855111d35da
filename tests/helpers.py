"""Shared helpers: build election files and ballot files in a temporary folder, run the CLI."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from emulation_vote.ballots import read_ballots
from emulation_vote.cli import app
from emulation_vote.election import Election, parse_election
from emulation_vote.pipeline import count_ballots
from emulation_vote.record import ElectionRecord
from emulation_vote.text import TONE_MARKS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_ballots"
DATA = Path(__file__).resolve().parent / "data"

# The four-unit election of the reliability review ("E" in its report): a contest of two seats.
E = """[[contest]]
id = "c"
seats = 2
candidates = [{id="A",name="Ban A"},{id="B",name="Ban B"},{id="C",name="Ban C"},{id="D",name="Ban D"}]
"""

FIVE = [
    ("A", "Văn phòng Tỉnh ủy"),
    ("B", "Ban Tuyên giáo Tỉnh ủy"),
    ("C", "Trường Chính trị tỉnh"),
    ("D", "Báo Lào Cai"),
    ("E", "Ban Dân vận Tỉnh ủy"),
]


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int,)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def election_toml(
    *,
    electorate: dict[str, int] | None = None,
    candidates: Sequence[tuple[str, str]] = FIVE,
    contest_id: str = "co",
    extra_contests: str = "",
    **rules: Any,
) -> str:
    """An election file with one contest (id ``co``) over ``candidates`` and the given rules."""
    rules.setdefault("seats", 2)
    lines = []
    if electorate:
        lines.append("[electorate]")
        lines += [f"{k} = {v}" for k, v in electorate.items()]
    lines += ["[[contest]]", f'id = "{contest_id}"', 'title = "Cờ thi đua"']
    lines += [f"{k} = {toml_value(v)}" for k, v in rules.items()]
    lines.append("candidates = [")
    lines += [f"  {{ id = {toml_value(i)}, name = {toml_value(n)} }}," for i, n in candidates]
    lines.append("]")
    return "\n".join(lines) + "\n" + extra_contests


def cp1258_bytes(text: str, precomposed: bool = False) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed, tone marks as combining characters.

    With ``precomposed``, a toned letter the code page holds in one byte (à, á, é, ó, ú...) is
    written so, as a conversion from composed text may do; only the others are decomposed.
    """
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if precomposed:
            try:
                out += char.encode("cp1258")
                continue
            except UnicodeEncodeError:
                pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def write_csv(path: Path, rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    path.write_bytes(cp1258_bytes(text) if encoding == "cp1258" else text.encode(encoding))
    return path


def list_rows(choices: Sequence[str | tuple[str, str]]) -> list[list[str]]:
    """A list-layout file: each item is "A;B" or ("A;B", "declared reason")."""
    rows = [["ballot_id", "choices", "invalid"]]
    for number, item in enumerate(choices, 1):
        text, invalid = (item, "") if isinstance(item, str) else item
        rows.append([str(number), text, invalid])
    return rows


def count_text(tmp_path: Path, toml: str, files: dict[str, Sequence[Sequence[object]]]) -> ElectionRecord:
    """Write the election and ballot files, read and count them with the library."""
    election = parse_election(toml, "election.toml")
    paths = [write_csv(tmp_path / name, rows) for name, rows in files.items()]
    return count_ballots(election, read_ballots(paths, election))


def count_list(tmp_path: Path, choices: Sequence[str | tuple[str, str]], **rules: Any) -> ElectionRecord:
    """Count one contest of the five test candidates from list-layout ballots."""
    electorate = rules.pop("electorate", None)
    return count_text(tmp_path, election_toml(electorate=electorate, **rules), {"b.csv": list_rows(choices)})


def parse(toml: str) -> Election:
    return parse_election(toml, "election.toml")


def invoke(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

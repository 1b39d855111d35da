"""Names typed without diacritics: one candidate meant is read with a notice, several are an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from emulation_vote.ballots.fast import read_groups_fast
from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError
from emulation_vote.pipeline import count_files
from emulation_vote.render.errors import describe_error
from emulation_vote.schema import record_dict

from helpers import invoke, write_csv

TOML = """
[[contest]]
id = "co"
title = "Cờ thi đua"
seats = 2
candidates = [
  { id = "SYT", name = "Sở Y tế" },
  { id = "STC", name = "Sở Tài chính" },
  { id = "BDV", name = "Ban Dân vận" },
  { id = "BDD", name = "Bán Dẫn vân" },
]
"""


@pytest.fixture
def election(tmp_path: Path) -> Path:
    path = tmp_path / "election.toml"
    path.write_text(TOML, encoding="utf-8")
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("reader", ["exact", "fast"])
def test_list_names_without_diacritics_are_read_with_a_notice(tmp_path: Path, election: Path, reader: str) -> None:
    path = write_csv(tmp_path / "b.csv", [["ballot_id", "choices"], ["1", "So Y te; STC"], ["2", "Sở Tài chính"]])
    record = count_files(election, [path], reader=reader)
    votes = {c.id: c.votes for c in record.contests[0].first.candidates}
    assert votes == {"SYT": 1, "STC": 2, "BDV": 0, "BDD": 0}
    assert record_dict(record)["notices"] == [
        {"file": str(path), "row": 2, "code": "matched_without_diacritics", "text": "So Y te", "candidate": "SYT"}
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_heading_without_diacritics_streams_with_its_notice(tmp_path: Path, election: Path, suffix: str) -> None:
    rows = [["ballot_id", "So Y te", "So Tai chinh", "BDV", "BDD"], ["1", "x", "", "", ""], ["2", "x", "x", "", ""]]
    path = write_csv(tmp_path / "b.csv", rows) if suffix == ".csv" else _xlsx(tmp_path / "b.xlsx", rows)
    groups = read_groups_fast([path], parse_election(TOML, "e.toml"))
    assert [(n.row, n.text, n.candidate) for n in groups.notices] == [(1, "So Y te", "SYT"), (1, "So Tai chinh", "STC")]
    exact = count_files(election, [path], reader="exact")
    fast = count_files(election, [path], reader="fast")
    assert record_dict(exact) == record_dict(fast)
    assert len(record_dict(fast)["notices"]) == 2


@pytest.mark.parametrize("reader", ["exact", "fast"])
def test_an_ambiguous_name_lists_the_candidates(tmp_path: Path, election: Path, reader: str) -> None:
    path = write_csv(tmp_path / "b.csv", [["ballot_id", "choices"], ["1", "SYT"], ["2", "Ban Dan van"]])
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader=reader)
    assert (info.value.key, info.value.row) == ("row.ambiguous_name", 3)
    assert describe_error(info.value, "vi").endswith(
        "hàng 3: 'Ban Dan van' viết không dấu có thể là nhiều đơn vị: Ban Dân vận (BDV); Bán Dẫn vân (BDD). "
        "Hãy ghi tên đủ dấu."
    )


def test_an_ambiguous_heading_lists_the_candidates(tmp_path: Path, election: Path) -> None:
    path = write_csv(tmp_path / "b.csv", [["ballot_id", "SYT", "STC", "ban dan van", "BDD"], ["1", "x", "", "", ""]])
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path])
    assert (info.value.key, info.value.row) == ("header.ambiguous_name", 1)
    assert "Ban Dân vận (BDV); Bán Dẫn vân (BDD)" in describe_error(info.value, "en")


@pytest.mark.parametrize("reader", ["exact", "fast"])
def test_strict_names_refuses_them(tmp_path: Path, election: Path, reader: str) -> None:
    path = write_csv(tmp_path / "b.csv", [["ballot_id", "choices"], ["1", "so y te"]])
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader=reader, strict_names=True)
    assert info.value.key == "row.strict_name"
    assert describe_error(info.value, "en").endswith(
        "row 2: 'so y te' matches no name exactly (--strict-names asks for diacritics); did you mean Sở Y tế (SYT)?"
    )
    heading = write_csv(tmp_path / "w.csv", [["ballot_id", "so y te", "STC", "BDV", "BDD"], ["1", "x", "", "", ""]])
    with pytest.raises(BallotFileError) as info:
        count_files(election, [heading], reader=reader, strict_names=True)
    assert (info.value.key, info.value.row) == ("header.strict_name", 1)


def test_the_notice_follows_the_table_and_the_audit_lists_it(tmp_path: Path, election: Path) -> None:
    rows = [["ballot_id", "choices"]] + [[str(n), "So Y te"] for n in range(1, 13)] + [["13", "so tai chinh"]]
    path = write_csv(tmp_path / "b.csv", rows)
    runner = CliRunner()
    result = invoke(runner, "tally", election, path, "-f", "plain")
    assert result.exit_code == 0
    tail = result.stdout.split("Được suy tôn:")[1]
    assert (
        f"Lưu ý: {path}, các hàng 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 và 2 hàng khác: 'So Y te' ghi thiếu hoặc sai dấu, "
        "đã hiểu là Sở Y tế (SYT).\n"
        f"Lưu ý: {path}, hàng 14: 'so tai chinh' ghi thiếu hoặc sai dấu, đã hiểu là Sở Tài chính (STC).\n\n"
        "Mã kiểm chứng:"
    ) in tail
    english = invoke(runner, "tally", election, path, "--lang", "en", "-f", "markdown")
    note = f"Note: {path}, row 14: 'so tai chinh', typed without (or with wrong) diacritics, was read as"
    assert f"{note} Sở Tài chính (STC)." in english.stdout
    data = json.loads(invoke(runner, "tally", election, path, "-f", "json").stdout)
    assert len(data["notices"]) == 13 and data["notices"][-1]["row"] == 14
    audit = invoke(runner, "audit", election, path)
    assert "Lưu ý: " in audit.stdout and "'so tai chinh' ghi thiếu hoặc sai dấu" in audit.stdout
    audit_json = json.loads(invoke(runner, "audit", election, path, "-f", "json").stdout)
    assert audit_json["notices"][0] == data["notices"][0]
    strict = invoke(runner, "tally", election, path, "--strict-names")
    assert strict.exit_code == 1 and "--strict-names" in strict.stderr

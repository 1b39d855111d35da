"""Mark cells of the wide layout: a closed vocabulary, the same for both readers, CSV and xlsx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from emulation_vote.ballots.fast import read_groups_fast
from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError
from emulation_vote.marks import MARK_WORDS, NO_MARK_WORDS, read_mark
from emulation_vote.pipeline import count_files
from emulation_vote.render.errors import describe_error
from emulation_vote.render.json import render_json

from helpers import election_toml, write_csv


def _files(tmp_path: Path, rows: list[list[str]], suffix: str) -> tuple[Path, Path]:
    election = tmp_path / "election.toml"
    election.write_text(election_toml(seats=2, max_marks=5), encoding="utf-8")
    if suffix == ".csv":
        return election, write_csv(tmp_path / "b.csv", rows)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "b.xlsx"
    book.save(path)
    return election, path


@pytest.mark.parametrize("word", [*MARK_WORDS, "X", "V", "CÓ", "Yes", "TRUE", " x "])
def test_every_mark_word_is_a_mark(word: str) -> None:
    assert read_mark(word) is True


@pytest.mark.parametrize("word", ["", "  ", *NO_MARK_WORDS, "KHÔNG", "No", "False"])
def test_every_no_mark_word_is_no_mark(word: str) -> None:
    assert read_mark(word) is False


@pytest.mark.parametrize("word", ["ok", "2", "xx", "—", "chọn", "+", "x x"])
def test_other_words_are_neither(word: str) -> None:
    assert read_mark(word) is None


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("reader", ["exact", "fast"])
def test_both_readers_read_every_word_alike(tmp_path: Path, suffix: str, reader: str) -> None:
    rows = [["ballot_id", "A", "B", "C", "D", "E"]]
    words = [*MARK_WORDS, *NO_MARK_WORDS]
    for number, word in enumerate(words, 1):
        rows.append([str(number), word, "", "", "", ""])
    election, path = _files(tmp_path, rows, suffix)
    result = json.loads(render_json(count_files(election, [path], reader=reader)))
    votes = {c["id"]: c["votes"] for c in result["contests"][0]["candidates"]}
    assert votes["A"] == len(MARK_WORDS)
    assert result["contests"][0]["ballots"]["cast"] == len(words)
    if reader == "fast":  # the streaming reader itself, not a hand-over to the exact one
        groups = read_groups_fast([path], parse_election(election.read_text(encoding="utf-8"), "e.toml"))
        assert groups.count("co", 1) == len(words)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("reader", ["exact", "fast"])
@pytest.mark.parametrize("word", ["ok", "-1", "2"])
def test_a_word_outside_the_vocabulary_names_row_candidate_and_cell(
    tmp_path: Path, suffix: str, reader: str, word: str
) -> None:
    rows = [["ballot_id", "A", "Ban Tuyên giáo Tỉnh ủy", "C", "D", "E"], ["1", "x", "", "", "", ""]]
    rows.append(["2", "x", word, "", "", ""])
    election, path = _files(tmp_path, rows, suffix)
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader=reader)
    error = info.value
    assert (error.key, error.row) == ("row.bad_mark_near" if word == "-1" else "row.bad_mark", 3)  # '-1' is near '1'
    assert error.params["column"] == "Ban Tuyên giáo Tỉnh ủy"
    assert error.params["value"] == word
    text = describe_error(error, "vi")
    assert f"hàng 3: ô của cột 'Ban Tuyên giáo Tỉnh ủy' ghi '{word}'" in text
    assert "Chọn: x, ✓, ✔, v, 1, có, yes, true; không chọn: để trống hoặc 0, -, –, không, no, false." in text


def test_a_dash_is_not_a_vote(tmp_path: Path) -> None:
    """A '-' typed to mean "not chosen" no longer turns a valid ballot into a too-many one."""
    rows = [["ballot_id", "A", "B", "C", "D", "E"], ["1", "x", "x", "-", "–", "-"]]
    election, path = _files(tmp_path, rows, ".csv")
    election.write_text(election_toml(seats=2), encoding="utf-8")
    result = json.loads(render_json(count_files(election, [path])))
    assert result["contests"][0]["ballots"]["valid"] == 1


@pytest.mark.parametrize("reader", ["exact", "fast"])
@pytest.mark.parametrize(("word", "suggestion"), [("xx", "x"), (" Xx ", "x"), ("khong", "không"), ("phiếu rách", None)])
def test_a_mistyped_mark_names_the_closest_mark_word(
    tmp_path: Path, reader: str, word: str, suggestion: str | None
) -> None:
    rows = [["ballot_id", "A", "B", "C", "D", "E"], ["1", "x", "", "", "", ""], ["2", word, "", "", "", ""]]
    election, path = _files(tmp_path, rows, ".csv")
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader=reader)
    error = info.value
    assert (error.key, error.row, error.params.get("suggestion")) == (
        "row.bad_mark" if suggestion is None else "row.bad_mark_near",
        3,
        suggestion,
    )
    if suggestion is not None:
        assert f"gần nhất: '{suggestion}'" in describe_error(error, "vi")
        assert f"closest: '{suggestion}'" in describe_error(error, "en")

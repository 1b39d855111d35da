"""The public library API: the same results, errors and fingerprint as the command line, and DataFrames."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import emulation_vote as ev
from emulation_vote.cli import app
from emulation_vote.errors import DataErrors

from helpers import SAMPLES

SEED = SAMPLES / "seed"
CASES = [
    ("seed", ["ballots-wide.csv"]),
    ("seed", ["ballots-list.csv"]),
    ("seed", ["ballots.xlsx"]),
    ("strike", ["ballots.csv"]),
    ("tie-runoff", ["round1.csv"]),
    ("tie-runoff", ["round1.csv", "round2.csv"]),
    ("two-contests", ["ballots.csv"]),
]


@pytest.mark.parametrize(("sample", "files"), CASES)
def test_the_api_prints_what_the_cli_prints(sample: str, files: list[str]) -> None:
    election = SAMPLES / sample / "election.toml"
    paths = [SAMPLES / sample / name for name in files]
    cli = CliRunner().invoke(app, ["tally", str(election), *map(str, paths), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    assert ev.result_json(ev.tally(election, paths)) == cli.stdout
    assert (
        ev.tally(ev.load_election(election), paths[0] if len(paths) == 1 else paths).fingerprint
        == (json.loads(cli.stdout)["fingerprint"])
    )


def test_parse_election_takes_toml_text() -> None:
    text = (SEED / "election.toml").read_text(encoding="utf-8")
    election = ev.parse_election(text)
    assert ev.tally(election, SEED / "ballots-wide.csv").fingerprint == ev.tally(*ev.demo_files()).fingerprint


def test_errors_are_the_one_hierarchy_with_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("ballot_id,choices\n1,TCT\n2,Nobody\n", encoding="utf-8")
    with pytest.raises(ev.BallotFileError) as caught:
        ev.tally(SEED / "election.toml", bad)
    assert isinstance(caught.value, ev.EmulationVoteError)
    assert (caught.value.file, caught.value.row) == (str(bad), 3)
    with pytest.raises(ev.ElectionFileError):
        ev.parse_election("[meeting\n")


def _seed_frame(name: str) -> pd.DataFrame:
    return pd.read_csv(SEED / name, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", ["ballots-wide.csv", "ballots-list.csv"])
def test_counting_a_dataframe_equals_counting_its_csv(name: str) -> None:
    from_file = ev.tally(SEED / "election.toml", SEED / name)
    from_frame = ev.tally(SEED / "election.toml", _seed_frame(name))
    assert from_frame.fingerprint == from_file.fingerprint
    assert ev.result_json(from_frame) == ev.result_json(from_file)
    assert from_frame.sources == ("DataFrame 1",)


def test_a_dataframe_with_numbers_and_missing_values_reads_as_its_csv(tmp_path: Path) -> None:
    # pandas' own reading of the CSV: numbers as int/float, empty cells as NaN.
    frame = pd.read_csv(SEED / "ballots-wide.csv")
    assert frame["ballot_id"].dtype.kind == "i"
    frame.attrs["source"] = "phieu"
    record = ev.tally(SEED / "election.toml", frame)
    assert record.fingerprint == ev.tally(SEED / "election.toml", SEED / "ballots-wide.csv").fingerprint
    assert record.sources == ("phieu",)


def test_an_error_in_a_dataframe_names_the_row_its_csv_would_have(tmp_path: Path) -> None:
    frame = _seed_frame("ballots-list.csv")
    frame.loc[4, "choices"] = "Nobody"
    path = tmp_path / "list.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(ev.BallotFileError) as from_file:
        ev.tally(SEED / "election.toml", path)
    with pytest.raises(ev.BallotFileError) as from_frame:
        ev.tally(SEED / "election.toml", frame)
    assert from_frame.value.row == from_file.value.row == 6
    assert from_frame.value.key == from_file.value.key
    assert from_frame.value.file == "DataFrame 1"


def test_a_ballot_id_twice_across_a_file_and_a_frame_is_an_error() -> None:
    with pytest.raises(DataErrors) as caught:
        ev.tally(SEED / "election.toml", [SEED / "ballots-wide.csv", _seed_frame("ballots-wide.csv")])
    assert {e.key for e in caught.value.errors} == {"row.duplicate_id"}  # every ballot of the frame, in one run
    assert {e.file for e in caught.value.errors} == {"DataFrame 1"}


def test_results_frame_columns_dtypes_and_values() -> None:
    frame = ev.results_frame(ev.tally(*ev.demo_files()))
    assert list(frame.columns) == [
        "contest",
        "round",
        "id",
        "name",
        "number",
        "votes",
        "percent",
        "percent_float",
        "rank",
        "meets_threshold",
        "status",
    ]
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
        "contest": "string",
        "round": "Int64",
        "id": "string",
        "name": "string",
        "number": "Int64",
        "votes": "Int64",
        "percent": "object",
        "percent_float": "float64",
        "rank": "Int64",
        "meets_threshold": "boolean",
        "status": "category",
    }
    assert list(frame["status"].cat.categories) == ["selected", "tied", "not_selected"]
    assert len(frame) == 9
    top = frame.iloc[0]
    assert (top["id"], top["votes"], top["percent"], top["rank"]) == ("TCT", 22, Decimal("91.67"), 1)
    assert isinstance(top["percent"], Decimal)
    assert frame["votes"].sum() == 45


def test_figures_frame_matches_the_json_figures() -> None:
    record = ev.tally(SAMPLES / "two-contests" / "election.toml", SAMPLES / "two-contests" / "ballots.csv")
    frame = ev.figures_frame(record)
    document = json.loads(ev.result_json(record))
    assert len(frame) == len(document["contests"])
    for (_, row), contest in zip(frame.iterrows(), document["contests"], strict=True):
        assert row["contest"] == contest["id"]
        assert (row["cast"], row["valid"], row["invalid"]) == tuple(
            contest["ballots"][k] for k in ("cast", "valid", "invalid")
        )
        assert row["votes_needed"] == contest["threshold"]["votes_needed"]
        assert sum(row[f"invalid_{reason}"] for reason in contest["invalid_reasons"]) == row["invalid"]
    assert str(frame.dtypes["convened"]) == "Int64"


def test_a_runoff_gives_one_row_per_round() -> None:
    folder = SAMPLES / "tie-runoff"
    record = ev.tally(folder / "election.toml", [folder / "round1.csv", folder / "round2.csv"])
    figures = ev.figures_frame(record)
    assert list(figures["round"]) == [1, 2]
    assert figures.loc[0, "runoff"] != ""
    results = ev.results_frame(record)
    assert set(results["round"]) == {1, 2}


def test_audit_frame_lists_every_ballot() -> None:
    audit = ev.audit_ballots(SEED / "election.toml", SEED / "ballots-wide.csv")
    frame = ev.audit_frame(audit.ballots)
    assert len(frame) == 26 == audit.record.contests[0].first.cast
    assert list(frame.columns) == [
        "file",
        "row",
        "ballot_id",
        "contest",
        "round",
        "choices",
        "status",
        "reason",
        "declared",
        "note",
    ]
    assert str(frame.dtypes["status"]) == "category" and str(frame.dtypes["reason"]) == "category"
    assert list(frame["reason"].cat.categories) == ["declared", "blank", "too_many", "too_few"]
    invalid = frame[frame["status"] == "invalid"]
    assert sorted(invalid["reason"].astype(str)) == ["declared", "too_many"]
    assert frame["row"].min() == 2
    assert all(r.holds in (True, None) for r in audit.relations)


def test_audit_of_a_dataframe_keeps_every_ballot() -> None:
    audit = ev.audit_ballots(SEED / "election.toml", _seed_frame("ballots-wide.csv"))
    assert len(audit.ballots) == 26
    assert {b.source for b in audit.ballots} == {"DataFrame 1"}


def test_verify_result_against_a_saved_result(tmp_path: Path) -> None:
    saved = tmp_path / "ket-qua.json"
    saved.write_text(ev.result_json(ev.tally(*ev.demo_files())), encoding="utf-8")
    assert ev.verify_result(saved, *ev.demo_files()).matches
    saved.write_text(saved.read_text(encoding="utf-8").replace('"votes": 22', '"votes": 23'), encoding="utf-8")
    mismatches = ev.verify_result(saved, *ev.demo_files()).mismatches
    assert [m.path for m in mismatches] == [
        "contests[co-thi-dua].candidates[TCT].votes",
        "contests[co-thi-dua].rounds[1].candidates[TCT].votes",
    ]


def test_compare_entries_and_its_frame(tmp_path: Path) -> None:
    same = ev.compare_entries(SEED / "election.toml", [SEED / "ballots-wide.csv", SEED / "ballots-list.csv"])
    assert same.agree
    assert ev.comparison_frame(same).empty
    changed = _seed_frame("ballots-list.csv")
    changed.loc[0, "choices"] = "BTG"
    other = tmp_path / "other.csv"
    changed.to_csv(other, index=False)
    differ = ev.compare_entries(SEED / "election.toml", [SEED / "ballots-list.csv", other])
    frame = ev.comparison_frame(differ)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["kind"], row["row_1"], row["row_2"], row["choices_2"]) == ("different", 2, 2, "BTG")


def test_scores_frame_ranks_the_sample_block() -> None:
    folder = SAMPLES / "scoring"
    scores = ev.score(folder / "election.toml", [folder / "self.csv", folder / "cross.xlsx"])
    frame = ev.scores_frame(scores)
    assert len(frame) == len(scores.units)
    assert list(frame["id"]) == [unit.id for unit in scores.units]
    assert list(frame["rank"]) == sorted(frame["rank"])
    assert all(isinstance(value, Decimal) for value in frame["total"])
    assert frame["total_float"].dtype == "float64"


def test_the_public_names_resolve_and_nothing_else_is_offered() -> None:
    for name in ev.__all__:
        assert getattr(ev, name) is not None
    assert sorted(dir(ev)) == sorted(ev.__all__)
    assert sorted(ev.__all__) == sorted(["__version__", *ev._HOME_OF])
    with pytest.raises(AttributeError):
        ev.count_files  # noqa: B018 - the attribute access is the test


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent,
    )
    return set(out.stdout.split())


def test_pandas_is_loaded_by_the_frames_only() -> None:
    help_modules = _modules_after(
        "from emulation_vote.cli import main\nsys.argv = ['emulation-vote', '--help']\ntry:\n    main()\n"
        "except SystemExit:\n    pass"
    )
    assert "pandas" not in help_modules
    seed = SEED / "election.toml", SEED / "ballots-wide.csv"
    tally_modules = _modules_after(
        "from emulation_vote.cli import main\n"
        f"sys.argv = ['emulation-vote', 'tally', {str(seed[0])!r}, {str(seed[1])!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "pandas" not in tally_modules
    assert "emulation_vote.pipeline" in tally_modules
    # pyarrow.array and pyarrow.scalar import pandas to ask whether they were given a pandas
    # object: the streaming count, its fingerprint included, must build its arrays without them.
    streamed_modules = _modules_after(
        "from emulation_vote.cli import main\n"
        f"sys.argv = ['emulation-vote', 'tally', {str(seed[0])!r}, {str(seed[1])!r}, '--reader', 'fast',"
        " '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert {"pyarrow", "emulation_vote.ballots.fast"} <= streamed_modules
    assert "pandas" not in streamed_modules
    for fmt in ("csv", "json", "table"):
        audit_modules = _modules_after(
            "from emulation_vote.cli import main\n"
            f"sys.argv = ['emulation-vote', 'audit', {str(seed[0])!r}, {str(seed[1])!r}, '--format', {fmt!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass"
        )
        assert "pyarrow" in audit_modules and "pandas" not in audit_modules, fmt
    assert "pandas" in _modules_after(
        f"import emulation_vote as ev\nev.results_frame(ev.tally({str(seed[0])!r}, {str(seed[1])!r}))"
    )


def test_importing_the_package_loads_nothing_else() -> None:
    loaded = {name for name in _modules_after("import emulation_vote") if name.startswith("emulation_vote")}
    assert loaded == {"emulation_vote", "emulation_vote._version"}


def test_the_library_page_runs_as_written() -> None:
    import doctest

    page = Path(__file__).resolve().parent.parent / "docs" / "library.md"
    failures, tried = doctest.testfile(str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 20
    assert failures == 0


def test_the_command_line_counts_through_the_public_api_only() -> None:
    import ast

    private = (
        "emulation_vote.pipeline",
        "emulation_vote.verify",
        "emulation_vote.compare",
        "emulation_vote.scoring.files",
    )
    cli = Path(__file__).resolve().parent.parent / "emulation_vote" / "cli"
    found = []
    for path in sorted(cli.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(private):
                found.append(f"{path.name}: {node.module}")
            if isinstance(node, ast.ImportFrom) and node.module == "emulation_vote.election":
                found += [f"{path.name}: {a.name}" for a in node.names if a.name in ("load_election", "parse_election")]
    assert found == []


def test_the_audit_frame_keeps_the_clerks_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("ballot_id,choices,Ghi chú\n1,TCT;VPTU,phiếu nhàu\n2,TCT,\n", encoding="utf-8")
    frame = ev.audit_frame(ev.audit_ballots(SEED / "election.toml", path, partial=True).ballots)
    assert list(frame["note"].fillna("")) == ["phiếu nhàu", ""]


def test_a_tally_of_a_text_file_loads_neither_the_audit_nor_compare_nor_verify_nor_the_workbook_scanner() -> None:
    """Those modules load with the commands, functions and files that use them: a tally does not pay for them."""
    seed = SEED / "election.toml", SEED / "ballots-wide.csv"
    loaded = _modules_after(
        "from emulation_vote.cli import main\n"
        f"sys.argv = ['emulation-vote', 'tally', {str(seed[0])!r}, {str(seed[1])!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "emulation_vote.pipeline" in loaded
    unused = {"audit", "compare", "verify", "ballots.xlsx_scan"}
    unused = {f"emulation_vote.{name}" for name in unused}
    assert not loaded & unused

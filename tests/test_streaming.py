"""The streaming reader and the exact reader give the same JSON, or the exact reader's error, on any file."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emulation_vote.ballots.fast import FastPathUnavailable, read_groups_fast
from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError, EmulationVoteError
from emulation_vote.pipeline import count_files
from emulation_vote.render.errors import describe_error
from emulation_vote.render.json import render_json

from helpers import SAMPLES, election_toml

IDS = ["A", "B", "C", "D", "E", "F", "G"]
MARKS = ["x", "X", "1", " x ", "có", "✓", "v", "true"]
NOT_MARKS = ["", "0", "no", "không", " ", "-", "–"]


def both(election: Path, files: list[Path]) -> tuple[str, str]:
    """Return (exact, fast) results: the JSON, or the error's message."""
    out = []
    for reader in ("exact", "fast"):
        try:
            out.append(render_json(count_files(election, files, reader=reader)))
        except EmulationVoteError as error:
            out.append(f"{type(error).__name__}: {describe_error(error, 'en')}")
    return out[0], out[1]


@st.composite
def conferences(draw: st.DrawFn) -> tuple[str, list[list[str]], str]:
    n = draw(st.integers(2, 7))
    seats = draw(st.integers(1, min(3, n)))
    style = draw(st.sampled_from(["tick", "strike"]))
    rules: dict[str, object] = {
        "seats": seats,
        "max_marks": draw(st.integers(seats, n)),
        "style": style,
        "blank": draw(st.sampled_from(["invalid", "valid"])),
        "tie": draw(st.sampled_from(["runoff", "priority"])),
    }
    toml = election_toml(candidates=[(i, f"Đơn vị {i}") for i in IDS[:n]], **rules)
    layout = draw(st.sampled_from(["wide", "list"]))
    with_invalid = draw(st.booleans())
    count = draw(st.integers(1, 60))
    rows: list[list[str]] = []
    for number in range(1, count + 1):
        chosen = draw(st.lists(st.sampled_from(IDS[:n]), unique=True, max_size=n))
        declared = draw(st.sampled_from(["", "", "", "rách", "không có dấu"])) if with_invalid else ""
        if layout == "wide":
            cells = [draw(st.sampled_from(MARKS)) if i in chosen else draw(st.sampled_from(NOT_MARKS)) for i in IDS[:n]]
            rows.append([str(number), *cells] + ([declared] if with_invalid else []))
        else:
            rows.append([str(number), ";".join(chosen)] + ([declared] if with_invalid else []))
    header = ["ballot_id", *IDS[:n]] if layout == "wide" else ["ballot_id", "choices"]
    return toml, [header + (["invalid"] if with_invalid else []), *rows], draw(st.sampled_from([",", ";", "\t"]))


def write(folder: Path, toml: str, rows: list[list[str]], sep: str, name: str = "b.csv") -> tuple[Path, Path]:
    election = folder / "e.toml"
    election.write_text(toml, encoding="utf-8")
    path = folder / (name if sep != "\t" else name.replace(".csv", ".tsv"))
    path.write_text("".join(sep.join(row) + "\n" for row in rows), encoding="utf-8")
    return election, path


@settings(max_examples=120, deadline=None)
@given(conferences())
def test_streaming_and_exact_readers_agree(conference: tuple[str, list[list[str]], str]) -> None:
    toml, rows, sep = conference
    with tempfile.TemporaryDirectory() as folder:
        election, path = write(Path(folder), toml, rows, sep)
        exact, fast = both(election, [path])
    assert exact == fast


CORRUPTIONS = [
    (
        "unknown candidate in the last row",
        lambda rows: rows[-1].__setitem__(1, "Nobody") if len(rows[0]) == 2 else None,
    ),
    ("duplicate id in the last row", lambda rows: rows[-1].__setitem__(0, rows[1][0])),
    ("empty id in the last row", lambda rows: rows[-1].__setitem__(0, "")),
    ("extra cell in the last row", lambda rows: rows[-1].append("x")),
    ("short last row", lambda rows: rows.__setitem__(-1, rows[-1][:1])),
    ("quote in the last row", lambda rows: rows[-1].__setitem__(0, '"7')),
    ("non-numeric ids", lambda rows: [r.__setitem__(0, f"P-{r[0]}") for r in rows[1:]]),
    ("mark written 'có' in the last row", lambda rows: rows[-1].__setitem__(1, "có") if len(rows[0]) > 2 else None),
]


@pytest.mark.parametrize(("name", "corrupt"), CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
@pytest.mark.parametrize("layout", ["wide", "list"])
def test_errors_at_the_last_row_are_the_exact_readers(tmp_path: Path, name: str, corrupt: object, layout: str) -> None:
    rng = random.Random(7)
    ids = IDS[:5]
    rows = [["ballot_id", *ids] if layout == "wide" else ["ballot_id", "choices"]]
    for number in range(1, 3001):
        chosen = rng.sample(ids, rng.randint(0, 3))
        rows.append(
            [str(number), *["x" if i in chosen else "" for i in ids]]
            if layout == "wide"
            else [str(number), ";".join(chosen)]
        )
    corrupt(rows)  # type: ignore[operator]
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), rows, ",")
    exact, fast = both(election, [path])
    assert exact == fast


def test_streaming_reader_is_used_and_agrees_on_the_samples() -> None:
    seed = SAMPLES / "seed"
    for files in (["ballots-wide.csv"], ["ballots-list.csv"], ["ballots.xlsx"]):
        exact, fast = both(seed / "election.toml", [seed / f for f in files])
        assert exact == fast
    folder = SAMPLES / "tie-runoff"
    assert len(set(both(folder / "election.toml", [folder / "round1.csv", folder / "round2.csv"]))) == 1
    folder = SAMPLES / "two-contests"
    assert len(set(both(folder / "election.toml", [folder / "ballots.csv"]))) == 1
    folder = SAMPLES / "strike"
    assert len(set(both(folder / "election.toml", [folder / "ballots.csv"]))) == 1
    election = parse_election((seed / "election.toml").read_text(encoding="utf-8"))
    groups = read_groups_fast([seed / "ballots-wide.csv"], election)
    assert groups.count("co-thi-dua", 1) == 26 and not groups.ballots


def test_streaming_reader_defers_on_doubt(tmp_path: Path) -> None:
    election = parse_election(election_toml(seats=1))
    path = tmp_path / "b.csv"
    path.write_text('ballot_id,choices\n1,"A"\n', encoding="utf-8")
    with pytest.raises(FastPathUnavailable):
        read_groups_fast([path], election)
    path.write_bytes(b"ballot_id,choices\n1,A\x00\n")
    with pytest.raises(FastPathUnavailable):
        read_groups_fast([path], election)


def test_duplicates_across_files_are_found(tmp_path: Path) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("ballot_id,choices\n" + "".join(f"{n},A\n" for n in range(1, 100)), encoding="utf-8")
    two.write_text("ballot_id,choices\n" + "".join(f"{n},B\n" for n in range(99, 150)), encoding="utf-8")
    with pytest.raises(BallotFileError) as info:
        count_files(election, [one, two], reader="fast")
    assert info.value.key == "row.duplicate_id" and info.value.file == str(two) and info.value.row == 2


def test_large_generated_file_goes_through_the_streaming_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import emulation_vote.pipeline as pipeline

    rng = random.Random(3)
    ids = IDS[:6]
    lines = ["ballot_id," + ",".join(ids) + ",invalid"]
    for number in range(1, 40_001):
        chosen = rng.sample(ids, rng.choice([0, 1, 2, 2, 3, 4]))
        declared = "rách" if number % 997 == 0 else ""
        lines.append(f"{number}," + ",".join("x" if i in chosen else "" for i in ids) + f",{declared}")
    election, path = write(
        tmp_path,
        election_toml(seats=2, max_marks=3, candidates=[(i, f"Đơn vị {i}") for i in ids]),
        [line.split(",") for line in lines],
        ",",
    )
    calls: list[str] = []
    real = pipeline.count_election

    def spy(election_obj: object, ballots: object) -> object:
        calls.append("streamed" if not getattr(ballots, "ballots", None) else "exact")
        return real(election_obj, ballots)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "count_election", spy)
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 100_000)
    auto = render_json(count_files(election, [path]))
    exact = render_json(count_files(election, [path], reader="exact"))
    assert calls == ["streamed", "exact"]
    assert auto == exact


def test_duplicate_id_across_text_and_number_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "BLOCK_SIZE", 64)  # one batch of text ids ("P1", "5"), then batches of numbers
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    path = tmp_path / "b.csv"
    lines = ["ballot_id,choices", "P1,A", "5,A"] + [f"{n},B" for n in range(6, 40)] + ["5,C"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader="fast")
    assert info.value.key == "row.duplicate_id" and info.value.params["value"] == "5"

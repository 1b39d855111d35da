"""The streaming reader, called directly: on plainly valid files it runs and agrees with the exact reader; on any
corrupt file it gives up (a typed outcome), and the pipeline then reports the exact reader's error."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emulation_vote.ballot import BallotGroups
from emulation_vote.ballots.fast import StreamingReader, read_groups_fast
from emulation_vote.ballots.reader import GaveUp, ReadRequest
from emulation_vote.count import count_election
from emulation_vote.election import parse_election
from emulation_vote.errors import BallotFileError, EmulationVoteError
from emulation_vote.pipeline import count_files
from emulation_vote.render.errors import describe_error
from emulation_vote.render.json import render_json

from helpers import SAMPLES, election_toml

IDS = ["A", "B", "C", "D", "E", "F", "G"]
MARKS = ["x", "X", "1", " x ", "có", "✓", "v", "true"]
NOT_MARKS = ["", "0", "no", "không", " ", "-", "–"]


def outcome(reader: str, election: Path, files: list[Path]) -> str:
    """Return what the pipeline gives with ``reader``: the JSON, or the error's message."""
    try:
        return render_json(count_files(election, files, reader=reader))
    except EmulationVoteError as error:
        return f"{type(error).__name__}: {describe_error(error, 'en')}"


def streamed(election: Path, files: list[Path]) -> str | GaveUp:
    """Run the streaming reader itself (no fall-back) and count what it read: the JSON, or how it gave up."""
    loaded = parse_election(election.read_text(encoding="utf-8"), str(election))
    read = read_groups_fast(files, loaded)
    if isinstance(read, GaveUp):
        return read
    assert isinstance(read, BallotGroups) and not read.ballots  # it keeps no ballot, only counts
    return render_json(count_election(loaded, read))


def both(election: Path, files: list[Path]) -> tuple[str, str | GaveUp]:
    """Return (exact, streamed): the exact reader's result or error, and the streaming reader's own result."""
    return outcome("exact", election, files), streamed(election, files)


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
    # A list file's choices are joined by ";": its cells are then separated by "," or a tab, never ";".
    separators = [",", ";", "\t"] if layout == "wide" else [",", "\t"]
    return toml, [header + (["invalid"] if with_invalid else []), *rows], draw(st.sampled_from(separators))


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
    assert not isinstance(fast, GaveUp), fast  # a plainly valid file: the streaming reader runs, and agrees
    assert exact == fast


Rows = list[list[str]]


def _set(row: int, column: int, value: str) -> Callable[[Rows], None]:
    return lambda rows: rows[row].__setitem__(column, value)


# Each corrupts the last row of a 3000-ballot file (or every row); the test checks the file really changed.
CORRUPTIONS: list[tuple[str, Callable[[Rows], None]]] = [
    ("unknown name or word in a candidate cell", _set(-1, 1, "Nobody")),
    ("duplicate id", lambda rows: rows[-1].__setitem__(0, rows[1][0])),
    ("empty id", _set(-1, 0, "")),
    ("extra cell", lambda rows: rows[-1].append("x")),
    ("short row", lambda rows: rows.__setitem__(-1, rows[-1][:1])),
    ("unclosed quote", _set(-1, 0, '"7')),
    ("NUL byte", _set(-1, 0, "7\x00")),
    (
        "round that is not a number",
        lambda rows: (
            [r.append("round" if i == 0 else "1") for i, r in enumerate(rows)] and rows[-1].__setitem__(-1, "hai")
        ),
    ),
]


def ballots(layout: str) -> Rows:
    rng = random.Random(7)
    ids = IDS[:5]
    rows = [["ballot_id", *ids] if layout == "wide" else ["ballot_id", "choices"]]
    for number in range(1, 3001):
        chosen = rng.sample(ids, rng.randint(0, 3)) if number < 3000 else ["A", "B"]  # a last row with marks
        rows.append(
            [str(number), *["x" if i in chosen else "" for i in ids]]
            if layout == "wide"
            else [str(number), ";".join(chosen)]
        )
    return rows


@pytest.mark.parametrize(("name", "corrupt"), CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
@pytest.mark.parametrize("layout", ["wide", "list"])
def test_the_streaming_reader_gives_up_on_every_corruption(
    tmp_path: Path, name: str, corrupt: Callable[[Rows], None], layout: str
) -> None:
    rows = ballots(layout)
    clean_rows = [list(r) for r in rows]
    corrupt(rows)
    assert rows != clean_rows, "the corruption must change the file"
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), rows, ",")
    exact = outcome("exact", election, [path])
    assert exact.startswith("BallotFileError: "), exact  # really corrupt: the exact reader refuses it
    fast = streamed(election, [path])
    assert isinstance(fast, GaveUp) and fast.reason, fast  # the streaming reader cannot vouch for it
    assert outcome("fast", election, [path]) == exact  # the pipeline falls back: the exact reader's error
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), clean_rows, ",")
    assert not isinstance(streamed(election, [path]), GaveUp)  # the same file uncorrupted streams


ODD_BUT_VALID: list[tuple[str, Callable[[Rows], None]]] = [
    ("text ids", lambda rows: [r.__setitem__(0, f"P-{r[0]}") for r in rows[1:]]),
    ("a mark written 'có'", _set(-1, 1, "có")),
]


@pytest.mark.parametrize(("name", "change"), ODD_BUT_VALID, ids=[c[0] for c in ODD_BUT_VALID])
def test_odd_but_valid_files_stream_and_agree(tmp_path: Path, name: str, change: Callable[[Rows], None]) -> None:
    rows = ballots("wide")
    change(rows)
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), rows, ",")
    exact, fast = both(election, [path])
    assert not isinstance(fast, GaveUp), fast
    assert exact == fast


def test_streaming_reader_is_used_and_agrees_on_the_samples() -> None:
    seed = SAMPLES / "seed"
    for files in (["ballots-wide.csv"], ["ballots-list.csv"], ["ballots.xlsx"]):
        exact, fast = both(seed / "election.toml", [seed / f for f in files])
        assert exact == fast
    for folder, files in (
        (SAMPLES / "tie-runoff", ["round1.csv", "round2.csv"]),
        (SAMPLES / "strike", ["ballots.csv"]),
    ):
        exact, fast = both(folder / "election.toml", [folder / f for f in files])
        assert exact == fast
    # A quoted cell ("rách, không đọc được") is left to the exact reader, which the pipeline then runs.
    folder = SAMPLES / "two-contests"
    exact, fast = both(folder / "election.toml", [folder / "ballots.csv"])
    assert fast == GaveUp("a NUL byte or a quote character")
    assert outcome("fast", folder / "election.toml", [folder / "ballots.csv"]) == exact
    election = parse_election((seed / "election.toml").read_text(encoding="utf-8"))
    groups = StreamingReader().read(ReadRequest([seed / "ballots-wide.csv"], election))
    assert isinstance(groups, BallotGroups) and groups.count("co-thi-dua", 1) == 26 and not groups.ballots


def test_streaming_reader_defers_on_doubt(tmp_path: Path) -> None:
    election = parse_election(election_toml(seats=1))
    path = tmp_path / "b.csv"
    path.write_text('ballot_id,choices\n1,"A"\n', encoding="utf-8")
    assert read_groups_fast([path], election) == GaveUp("a NUL byte or a quote character")
    path.write_bytes(b"ballot_id,choices\n1,A\x00\n")
    assert read_groups_fast([path], election) == GaveUp("a NUL byte or a quote character")
    assert StreamingReader().read(ReadRequest([path], election, encoding="cp1258")) == GaveUp(
        "a file type or encoding the streaming reader does not read"
    )


def test_the_pipeline_falls_back_when_the_streaming_reader_gives_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), ballots("list"), ",")
    expected = outcome("exact", election, [path])
    given_up: list[GaveUp] = []

    def give_up(self: StreamingReader, request: ReadRequest) -> GaveUp:
        given_up.append(GaveUp("told to"))
        return given_up[-1]

    monkeypatch.setattr(StreamingReader, "read", give_up)
    assert outcome("fast", election, [path]) == expected and len(given_up) == 1


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

    def spy(election_obj: object, ballots: object, *options: object, **keywords: object) -> object:
        calls.append("streamed" if not getattr(ballots, "ballots", None) else "exact")
        return real(election_obj, ballots, *options, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "count_election", spy)
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 100_000)
    auto = render_json(count_files(election, [path]))
    exact = render_json(count_files(election, [path], reader="exact"))
    assert calls == ["streamed", "exact"]
    assert auto == exact


def test_duplicate_id_across_text_and_number_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "PIECE_SIZE", 64)  # one batch of text ids ("P1", "5"), then batches of numbers
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    path = tmp_path / "b.csv"
    lines = ["ballot_id,choices", "P1,A", "5,A"] + [f"{n},B" for n in range(6, 40)] + ["5,C"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BallotFileError) as info:
        count_files(election, [path], reader="fast")
    assert info.value.key == "row.duplicate_id" and info.value.params["value"] == "5"


def test_strike_out_wide_file_and_list_file_of_one_contest_count_as_the_exact_reader(tmp_path: Path) -> None:
    # The wide file's marks strike names out, the list file's choose them: the streaming reader
    # once merged both as strikes, counting the listed choices as the names struck (wrong votes).
    election = SAMPLES / "strike" / "election.toml"
    wide = tmp_path / "wide.csv"
    wide.write_text("ballot_id;SNV;STP;STC;SCT;SXD\n1;;;x;x;x\n2;;;x;x;x\n3;;x;;x;x\n", encoding="utf-8")
    listed = tmp_path / "list.csv"
    listed.write_text("ballot_id,choices,invalid\n4,SNV; STP,\n5,SNV; STC,\n", encoding="utf-8")
    exact = outcome("exact", election, [wide, listed])
    assert '"valid": 5' in exact
    assert outcome("fast", election, [wide, listed]) == exact
    assert outcome("fast", election, [listed, wide]) == exact
    assert streamed(election, [wide, listed]) == exact  # counted by the streaming reader itself


@pytest.mark.parametrize(
    ("ids", "streams"),
    [
        ([f"B{n:03d}" for n in range(1, 60)], True),  # one prefix, as many digits: checked as numbers
        # B001 and B01 differ, as do B001 and C001 (a batch of both forms is left to the exact reader)
        ([f"B{n:03d}" for n in range(1, 30)] + [f"B{n:02d}" for n in range(1, 30)], None),
        ([f"B{n:03d}" for n in range(1, 30)] + [f"C{n:03d}" for n in range(1, 30)], None),
        ([f"B{n}" for n in range(1, 200)], True),  # not padded: B7 and B07 would differ, B7 twice not
        ([f"B{n}" for n in range(1, 200)] + ["B07", "B0"], True),
        ([f"B{n}" for n in range(1, 200)] + ["B7"], False),
        ([f"B{n:03d}" for n in range(1, 40)] + ["B007"], False),  # used twice, in a later batch
        ([f"B{n:03d}" for n in range(1, 40)] + ["X-1", "B007"], False),  # twice, the second among text ids
    ],
)
def test_prefixed_ids_are_checked_as_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ids: list[str], streams: bool | None
) -> None:
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "PIECE_SIZE", 64)  # a few ids per batch
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_text("\n".join(["ballot_id,choices", *(f"{i},{'ABC'[n % 3]}" for n, i in enumerate(ids))]) + "\n")
    exact, fast_outcome = both(election, [path])
    if streams is not None:
        assert isinstance(fast_outcome, GaveUp) != streams, fast_outcome
    if not isinstance(fast_outcome, GaveUp):
        assert fast_outcome == exact
    if streams is False:
        assert exact.startswith("BallotFileError"), exact
    assert outcome("fast", election, [path]) == exact


@pytest.mark.parametrize(
    "cell",
    ["A;A", "A; a ;B", "A;;B", " ;A", "", "A;Nobody", "B;A;C"],
)
def test_list_cells_read_piece_by_piece_agree(tmp_path: Path, cell: str) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=3, max_marks=3), encoding="utf-8")
    path = tmp_path / "b.csv"
    rows = ["ballot_id,choices", *(f"{n},{'ABC'[n % 3]};D" for n in range(1, 40)), f"40,{cell}"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    exact, fast_outcome = both(election, [path])
    if not isinstance(fast_outcome, GaveUp):
        assert fast_outcome == exact
    else:
        assert exact.startswith("BallotFileError"), exact  # it gives up only on what the exact reader refuses
    assert outcome("fast", election, [path]) == exact


@pytest.mark.parametrize("cell", [b"\xff", b"x\xff", b"\xc3", b"\xe1\xba", "✓".encode()[:2], "có".encode("cp1258")])
@pytest.mark.parametrize(("layout", "column"), [("wide", 2), ("wide", 0), ("wide", -1), ("list", 1), ("list", 0)])
def test_cells_read_as_bytes_give_up_on_what_is_not_utf8(tmp_path: Path, cell: bytes, layout: str, column: int) -> None:
    """Columns are parsed as bytes, without Arrow's UTF-8 check: a cell not in UTF-8 goes to the exact reader.

    A mark cell, an id (alone or after a prefix), a declared reason, a choices cell.
    """
    rows = ballots(layout)
    if column == -1:
        rows = [[*row, "invalid" if i == 0 else ""] for i, row in enumerate(rows)]
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), rows, ",")
    lines = path.read_bytes().split(b"\n")
    cells = lines[1500].split(b",")
    cells[column] = cell if column != 0 else b"B" + cell
    lines[1500] = b",".join(cells)
    path.write_bytes(b"\n".join(lines))
    exact = outcome("exact", election, [path])
    assert exact.startswith("BallotFileError: "), exact
    fast = streamed(election, [path])
    assert isinstance(fast, GaveUp) and fast.reason, fast
    assert outcome("fast", election, [path]) == exact


def test_mark_cells_read_as_bytes_accept_utf8_marks(tmp_path: Path) -> None:
    """Marks of several bytes ("✓", "có") in a column read as bytes are decoded and read as the exact reader does."""
    rows = ballots("wide")
    rows[10][1], rows[20][2], rows[30][3] = "✓", "có", "không"
    election, path = write(tmp_path, election_toml(seats=2, max_marks=3), rows, ",")
    exact, fast = both(election, [path])
    assert not isinstance(fast, GaveUp), fast
    assert fast == exact


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", "B", "PB-", " B", "b", "Ư"]),
    st.integers(1, 17),
    st.lists(st.integers(0, 10**17), min_size=1, max_size=30),
    st.sampled_from(["pad", "free", "space", "odd"]),
    st.sampled_from("/:a.-+"),
)
def test_ids_of_one_width_read_from_bytes_as_the_general_way_reads_them(
    prefix: str, width: int, numbers: list[int], how: str, odd: str
) -> None:
    """Ids of one width are read from their bytes (numpy), others through Arrow: the same numbers and form."""
    from unittest import mock

    import pyarrow as pa

    from emulation_vote.ballots import fast

    if how == "pad":
        texts = [f"{prefix}{n % 10**width:0{width}d}" for n in numbers]
    elif how == "free":
        texts = [f"{prefix}{n}" for n in numbers]
    elif how == "space":
        texts = [f" {prefix}{n % 10**width:0{width}d}" for n in numbers]
    else:  # one width, but a byte just outside the digits among them
        texts = [f"{prefix}{n % 10**width:0{width}d}" for n in numbers]
        texts[-1] = texts[-1][:-1] + odd
    column = pa.array(texts, pa.string())
    if how == "pad" and prefix in ("", "B", "PB-", "b") and width <= 15:
        assert fast._fixed_width_ids(column) is not None  # the bytes are read, not the general way
    found = fast._batch_ids(column)
    with mock.patch.object(fast, "_fixed_width_ids", lambda _column: None):
        general = fast._batch_ids(column)
    assert found[1] == general[1]
    if isinstance(general[0], list):
        assert found[0] == general[0]
    else:
        assert not isinstance(found[0], list)
        assert found[0].tolist() == general[0].tolist()


def test_list_cells_of_several_contests_are_read_against_their_own_contest(tmp_path: Path) -> None:
    """A name that is a candidate of one contest only, in a list file of two contests, streams and agrees."""
    election = tmp_path / "e.toml"
    election.write_text(
        '[[contest]]\nid = "co"\ntitle = "A"\nseats = 1\n'
        'candidates = [{ id = "A", name = "Alpha" }, { id = "B", name = "Beta" }]\n'
        '[[contest]]\nid = "co2"\ntitle = "B"\nseats = 1\ncandidates = [{ id = "A", name = "Alpha" }]\n',
        encoding="utf-8",
    )
    path = tmp_path / "b.csv"
    rows = [f"co,{n},{'B' if n % 3 else 'A'}\n" for n in range(1, 200)] + [f"co2,{n},A\n" for n in range(1, 150)]
    path.write_text("contest,ballot_id,choices\n" + "".join(rows), encoding="utf-8")
    exact, fast = both(election, [path])
    assert not isinstance(fast, GaveUp), fast
    assert fast == exact


TWO_CONTESTS = (
    '[meeting]\ntitle = "T"\n\n'
    '[[contest]]\nid = "a"\ntitle = "A"\nseats = 1\ncandidates = [{ id = "A", name = "Alpha" }, '
    '{ id = "B", name = "Beta" }, { id = "C", name = "Gamma" }]\n\n'
    '[[contest]]\nid = "b"\ntitle = "B"\nseats = 1\n'
    'candidates = [{ id = "C", name = "Gamma" }, { id = "D", name = "Delta" }]\n'
)


def _two_contest_files(folder: Path, layout: str, bad_row: bool) -> list[Path]:
    """Ballots of contests a (A, B, C) and b (C, D): one file with a contest column, or one file per contest.

    ``bad_row``: one ballot of b marks A, which is not b's candidate (an error only when b is counted).
    """
    rng = random.Random(11)
    a_rows = [rng.sample(["A", "B", "C"], rng.randint(0, 2)) for _ in range(300)]
    b_rows = [rng.sample(["C", "D"], rng.randint(0, 1)) for _ in range(200)]
    if bad_row:
        b_rows[150] = ["A"]
    if layout == "files":
        a, b = folder / "a.csv", folder / "b.csv"
        a.write_text(
            "ballot_id,A,B,C\n"
            + "".join(f"{n},{','.join('x' if c in m else '' for c in 'ABC')}\n" for n, m in enumerate(a_rows, 1)),
            encoding="utf-8",
        )
        b_lines = [f"{n},{'x' if 'C' in m else ''},{'x' if 'D' in m else ''}\n" for n, m in enumerate(b_rows, 1)]
        if bad_row:
            b_lines[150] = "151,x,x,x\n"  # a row longer than the header: refused when read
        b.write_text("ballot_id,C,D\n" + "".join(b_lines), encoding="utf-8")
        return [a, b]
    rows = [("a", m) for m in a_rows] + [("b", m) for m in b_rows]
    random.Random(12).shuffle(rows)
    path = folder / "ballots.csv"
    if layout == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(["ballot_id", "contest", "A", "B", "C", "D"])
        for n, (c, m) in enumerate(rows, 1):
            sheet.append([n, c, *("x" if k in m else None for k in "ABCD")])
        path = folder / "ballots.xlsx"
        book.save(path)
    elif layout == "wide":
        body = "".join(
            f"{n},{c},{','.join('x' if k in m else '' for k in 'ABCD')}\n" for n, (c, m) in enumerate(rows, 1)
        )
        path.write_text("ballot_id,contest,A,B,C,D\n" + body, encoding="utf-8")
    else:
        body = "".join(f"{n},{c},{';'.join(m)}\n" for n, (c, m) in enumerate(rows, 1))
        path.write_text("ballot_id,contest,choices\n" + body, encoding="utf-8")
    return [path]


@pytest.mark.parametrize("layout", ["wide", "list", "files", "xlsx"])
@pytest.mark.parametrize("only", [("a",), ("b",), ("a", "b")])
@pytest.mark.parametrize("bad_row", [False, True])
def test_some_contests_only_stream_and_skip_the_others_unread(
    tmp_path: Path, layout: str, only: tuple[str, ...], bad_row: bool
) -> None:
    """``--contest``: the streaming reader skips the other contests' rows unread, as the exact reader does."""
    election = tmp_path / "e.toml"
    election.write_text(TWO_CONTESTS, encoding="utf-8")
    files = _two_contest_files(tmp_path, layout, bad_row)

    def counted(reader: str) -> str:
        try:
            return render_json(count_files(election, files, reader=reader, contests=list(only), partial=True))
        except EmulationVoteError as error:
            return f"{type(error).__name__}: {describe_error(error, 'en')}"

    exact = counted("exact")
    assert counted("fast") == exact
    loaded = parse_election(TWO_CONTESTS, str(election))
    read = read_groups_fast(files, loaded, only=frozenset(only))
    if bad_row and "b" in only:
        assert exact.startswith("BallotFileError"), exact
        assert isinstance(read, GaveUp)
        return
    if bad_row and layout == "files":
        # A row longer than its header stops the parser even in a file skipped unread: the exact reader counts.
        assert isinstance(read, GaveUp)
        return
    assert not isinstance(read, GaveUp), read  # streamed, the bad row of a contest not asked for unread
    assert render_json(count_election(loaded, read, frozenset(only), True)) == exact
    assert '"skipped"' in exact or only == ("a", "b")


@pytest.mark.parametrize("piece_size", [1, 5, 64, 1 << 20])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_file_parsed_in_pieces_of_any_size_counts_as_the_exact_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece_size: int, ending: str
) -> None:
    """Pieces are cut after a newline, on two threads, and handed on in order: their size never shows.

    A blank line, declared reasons of several UTF-8 bytes, a last line without its newline, and
    two batches of the same id (refused whatever the pieces).
    """
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "PIECE_SIZE", piece_size)
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=2, style="strike"), encoding="utf-8")
    rows = ["ballot_id,A,B,C,D,E,invalid"] + [
        f"{n},{'x' if n % 3 else ''},,{'x' if n % 2 else ''},x,,{'rách nát' if n % 17 == 0 else ''}"
        for n in range(1, 90)
    ]
    rows.insert(40, "")
    path = tmp_path / "b.csv"
    path.write_bytes(ending.join(rows).encode())
    read: list[int] = []
    pieces = list(fast._pieces(path, read.append))
    assert sum(read) == path.stat().st_size
    assert b"".join(pieces) == path.read_bytes().split(b"\n", 1)[1]
    assert all(piece.endswith(b"\n") for piece in pieces[:-1])
    exact, streamed_result = both(election, [path])
    assert streamed_result == exact and '"cast": 89' in exact
    path.write_bytes(ending.join([*rows, "7,,,,,,"]).encode())
    exact, streamed_result = both(election, [path])
    assert isinstance(streamed_result, GaveUp) and "used twice" in exact


def test_a_quote_in_the_header_alone_leaves_the_file_to_the_exact_reader(tmp_path: Path) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_text('"ballot_id",choices\n1,A\n2,B\n', encoding="utf-8")
    exact, streamed_result = both(election, [path])
    assert isinstance(streamed_result, GaveUp)
    assert '"valid": 2' in exact


@pytest.mark.parametrize(
    ("cells", "in_reading_thread"),
    [
        (["A;B", "C", "", "B;A;E", "D"], True),  # every piece an id as typed (or empty): marks made while reading
        (["A;B", "Trường Chính trị tỉnh", "", "B;A;E", "D"], False),  # a name: pieces told apart, read one by one
        (["A;B", "C;C", "", "D"], False),  # a unit named twice: left to the exact reader, which reports it
    ],
)
def test_list_cells_of_ids_as_typed_get_their_marks_in_the_reading_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cells: list[str], in_reading_thread: bool
) -> None:
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "PIECE_SIZE", 16)  # several batches
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=2), encoding="utf-8")
    path = tmp_path / "b.csv"
    rows = [f"{n},{cells[n % len(cells)]}" for n in range(1, 40)]
    path.write_text("ballot_id,choices\n" + "\n".join(rows) + "\n", encoding="utf-8")
    made: list[bool] = []
    real = fast._Aggregator.add

    def spy(self: object, *arguments: object) -> None:
        made.append(arguments[-1] is not None)  # masks
        real(self, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(fast._Aggregator, "add", spy)
    exact, streamed_result = both(election, [path])
    if "C;C" in cells:
        assert isinstance(streamed_result, GaveUp) and "named twice" in streamed_result.reason and "Error" in exact
        return
    assert streamed_result == exact
    assert made and all(made) == in_reading_thread and (any(made) or not in_reading_thread)


def test_rows_without_a_newline_are_not_held_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows ended by CR alone after a header ended by LF: past the longest line allowed, the exact reader reads them."""
    import emulation_vote.ballots.fast as fast

    monkeypatch.setattr(fast, "PIECE_SIZE", 16)
    monkeypatch.setattr(fast, "_LONGEST_LINE", 64)
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=2), encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_bytes(b"ballot_id,choices\n" + b"".join(f"{n},A;B\r".encode() for n in range(1, 40)))
    exact, streamed_result = both(election, [path])
    assert isinstance(streamed_result, GaveUp) and "no line end" in streamed_result.reason
    assert outcome("fast", election, [path]) == exact


def test_a_header_line_of_over_a_megabyte_is_left_to_the_exact_reader(tmp_path: Path) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=2), encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_text("ballot_id,choices," + "n" * (1 << 20) + "\n1,A,\n", encoding="utf-8")
    assert isinstance(streamed(election, [path]), GaveUp)


SAME_WIDTH_IDS = [
    ("A", "B", "C", "D", "E"),
    tuple(f"U{n:02d}" for n in range(1, 21)),
    ("Đ1", "Đ2", "Đ3", "HV1"),  # "Đ" is two bytes in UTF-8: every id is three bytes
]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(SAME_WIDTH_IDS).flatmap(
        lambda ids: st.tuples(
            st.just(ids),
            st.lists(
                st.lists(st.sampled_from([*ids, *ids, " A", "Z", "", "U21", "AB", "u01", "Đ4", "Đ"]), max_size=5).map(
                    ";".join
                )
                | st.sampled_from(
                    [
                        "",
                        ";",
                        f"{ids[0]};",
                        f";{ids[0]}",
                        f"{ids[0]};;{ids[1]}",
                        f"{ids[0]}{ids[1]}",
                        f"{ids[0]} {ids[1]}",
                    ]
                ),
                min_size=1,
                max_size=30,
            ),
        )
    )
)
def test_cells_of_ids_of_one_width_read_by_arithmetic_as_split(drawn: tuple[tuple[str, ...], list[str]]) -> None:
    """Cells of ids as typed, all as many bytes long, get the marks the general splitting gives them.

    Where a cell is anything but ids joined by ";" (or empty), the arithmetic declines (None) and
    the cells are split the general way; a unit named twice is refused either way.
    """
    import numpy as np
    import pyarrow as pa

    from emulation_vote.ballots.fast import FastPathUnavailable, _or_of_pieces, _SameWidthIds, _split_choices

    ids, cells = drawn
    known = (*ids, "")
    bits = np.asarray([1 << n for n in range(len(ids))] + [0], dtype=np.int64)
    reading = _SameWidthIds.of(known, bits)
    assert reading is not None
    # A slice of a longer array, as a batch's column may be: its offsets do not begin at 0.
    column = pa.array([b"ignored", *(cell.encode() for cell in cells)], pa.binary())[1:]

    def general() -> list[int] | str | None:
        offsets, indices, values = _split_choices(column, known)
        if values != list(known):
            return None
        try:
            return _or_of_pieces(offsets, bits[indices]).tolist()
        except FastPathUnavailable:
            return "named twice"

    try:
        found = reading.masks(column)
        got: list[int] | str | None = None if found is None else found.tolist()
    except FastPathUnavailable:
        got = "named twice"
    if all(cell == "" or all(piece in ids for piece in cell.split(";")) for cell in cells):
        assert got == general()
    else:
        assert got is None


@pytest.mark.parametrize(
    ("ids", "reads"),
    [
        (("A", "B", "C"), True),
        (("U01", "U02", "U10"), True),
        (("A", "BB"), False),  # two widths
        (("A;", "B;"), False),  # a ";" in an id
        (tuple(chr(65 + n) * 4 for n in range(20)), False),  # AAAA, BBBB...: 20**4 combinations of bytes
    ],
)
def test_ids_read_by_arithmetic_only_when_all_have_one_width(ids: tuple[str, ...], reads: bool) -> None:
    import numpy as np

    from emulation_vote.ballots.fast import _SameWidthIds

    bits = np.asarray([1 << n for n in range(len(ids))] + [0], dtype=np.int64)
    assert (_SameWidthIds.of((*ids, ""), bits) is not None) == reads
    assert _SameWidthIds.of(("A", "B", ""), np.asarray([1, 3, 0])) is None  # an id standing for two candidates


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(st.integers(0, 5000), max_size=40),  # any order, perhaps repeated
            st.tuples(st.integers(0, 5000), st.integers(1, 300)).map(lambda run: list(range(run[0], run[0] + run[1]))),
            st.tuples(st.integers(0, 5000), st.integers(1, 60), st.integers(2, 50)).map(
                lambda run: list(range(run[0], run[0] + run[1] * run[2], run[2]))  # in order, spread out
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_id_bitmap_refuses_an_id_used_twice_and_nothing_else(batches: list[list[int]]) -> None:
    """Ids recorded batch by batch, close together or spread out, in order or not: refused at the first repeat."""
    import numpy as np

    from emulation_vote.ballots.fast import FastPathUnavailable, IdRegistry

    registry, seen = IdRegistry(), set()
    for ids in batches:
        repeated = len(set(ids)) < len(ids) or bool(seen & set(ids))
        if repeated:
            with pytest.raises(FastPathUnavailable, match="used twice"):
                registry.add_numbers(("c", 1), np.asarray(ids, dtype=np.int64))
            return
        registry.add_numbers(("c", 1), np.asarray(ids, dtype=np.int64))
        seen |= set(ids)
    bitmap = registry.bitmaps[("c", 1, None)] if seen else np.zeros(0, dtype=np.uint8)
    assert set(np.flatnonzero(np.unpackbits(bitmap, bitorder="little")).tolist()) == seen


@pytest.mark.parametrize("with_bitwise_count", [True, False])
def test_set_bits_are_counted_with_or_without_numpy_bitwise_count(
    monkeypatch: pytest.MonkeyPatch, with_bitwise_count: bool
) -> None:
    import numpy as np

    from emulation_vote.ballots import fast

    if not with_bitwise_count:
        monkeypatch.delattr(np, "bitwise_count", raising=False)
    values = np.asarray([0, 1, 3, (1 << 62) | 5, (1 << 20) - 1, -1], dtype=np.int64)
    assert fast._set_bits(values) == 0 + 1 + 2 + 3 + 20 + 64


@pytest.mark.parametrize("ids", ["K", "KK"])  # ids of two widths (K1..K62), or of one (KK01..KK62)
def test_a_unit_named_nine_times_among_62_is_named_twice_for_both_readers(tmp_path: Path, ids: str) -> None:
    """Nine times the 62nd candidate's bit sums to that bit again in 64 bits: still a unit named twice."""
    names = [(f"K{n}" if ids == "K" else f"KK{n:02d}", f"Name {n}") for n in range(1, 63)]
    election = tmp_path / "e.toml"
    election.write_text(election_toml(candidates=names, seats=1, max_marks=62), encoding="utf-8")
    path = tmp_path / "b.csv"
    last = names[-1][0]
    path.write_text(f"ballot_id,choices\n1,{';'.join([last] * 9)}\n2,{names[0][0]}\n", encoding="utf-8")
    exact, streamed_result = both(election, [path])
    assert exact.startswith("BallotFileError") and "is named twice on one ballot" in exact, exact
    assert isinstance(streamed_result, GaveUp) and "named twice" in streamed_result.reason


def test_a_bad_round_in_the_rows_of_a_contest_left_out_does_not_stop_the_streaming(tmp_path: Path) -> None:
    """With --contest, the other contests' rows are skipped unread: their round cells are never parsed."""
    election = tmp_path / "e.toml"
    election.write_text(TWO_CONTESTS, encoding="utf-8")
    path = tmp_path / "b.csv"
    path.write_text("contest,ballot_id,choices,round\na,1,A,1\nb,1,C,abc\na,2,B,1\n", encoding="utf-8")
    loaded = parse_election(TWO_CONTESTS, str(election))
    found = read_groups_fast([path], loaded, only=frozenset({"a"}))
    assert not isinstance(found, GaveUp), found
    expected = render_json(count_files(election, [path], reader="exact", contests=["a"], partial=True))
    assert render_json(count_election(loaded, found, frozenset({"a"}), True)) == expected

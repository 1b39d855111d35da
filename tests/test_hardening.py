"""Bad input of every kind: a clear message naming the file and row, exit 1, nothing written; odd input counts."""

from __future__ import annotations

import contextlib
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from emulation_vote.ballots import read_ballots
from emulation_vote.ballots.legacy import convert, detect
from emulation_vote.election import parse_election
from emulation_vote.errors import EmulationVoteError

from helpers import SAMPLES, cp1258_bytes, election_toml, invoke

SEED = SAMPLES / "seed"
ELECTION = SEED / "election.toml"
TCVN3 = "V\xa8n ph\xdfng T\xd8nh \xf1y"  # "Văn phòng Tỉnh ủy" typed in a .VnTime font
VNI = "Va\xean pho\xf8ng T\xe6nh u\xfby"  # the same in VNI-Times


def tally_bytes(runner: CliRunner, tmp_path: Path, name: str, raw: bytes, *extra: str) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(raw)
    result = invoke(runner, "tally", ELECTION, path, *extra)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


CATALOGUE = [
    ("empty.csv", b"", "tệp trống"),
    ("random.csv", bytes(range(128, 256)) * 20, "không phải UTF-8"),
    ("nul.csv", b"ballot_id,choices\n1,TCT\x00\n", "hàng 2: tệp chứa ký tự NUL"),
    ("quote.csv", b'ballot_id,choices\n1,"TCT\n2,VPTU\n', "thiếu dấu ngoặc kép"),
    ("noid.csv", b"ballotid,choices\n1,TCT\n", "có phải là cột 'ballotid'"),
    ("emptyid.csv", b"ballot_id,choices\n1,TCT\n,VPTU\n", "hàng 3: hàng có dữ liệu nhưng thiếu số phiếu"),
    ("short.csv", b"ballot_id,VPTU,BTG,BNC,BTC,BDV,UBKT,TCT,DUK,BLC\n1,x\n", "hàng 2: hàng chỉ có 2 ô"),
    ("extra.csv", b"ballot_id,choices\n1,TCT,VPTU\n", "hàng 2: hàng có 3 ô"),
    ("header.csv", b"ballot_id,choices\n", "chỉ có hàng tiêu đề"),
    ("named.xlsx", b"ballot_id,choices\n1,TCT\n", "không phải bảng tính Excel"),
    ("truncated.xlsx", b"PK\x03\x04" + b"\x00" * 200, "không đọc được bảng tính"),
    ("unknown.txt", b"ballot_id,choices\n1,Nobody\n", "hàng 2: 'Nobody' không phải đơn vị nào"),
    ("tcvn3.csv", b"ballot_id,choices\n1," + TCVN3.encode("latin-1") + b"\n", "--encoding tcvn3"),
    ("vni.csv", b"ballot_id,choices\n1," + VNI.encode("latin-1") + b"\n", "--encoding vni"),
    ("cp1258.csv", b"ballot_id,choices\n1," + cp1258_bytes("Văn phòng Tỉnh ủy") + b"\n", "--encoding cp1258"),
]


@pytest.mark.parametrize(("name", "raw", "expected"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_bad_input_catalogue(runner: CliRunner, tmp_path: Path, name: str, raw: bytes, expected: str) -> None:
    code, stderr = tally_bytes(runner, tmp_path, name, raw)
    assert code == 1
    assert stderr.startswith(f"Lỗi: {tmp_path / name}")
    assert expected in stderr
    assert stderr.count("\n") <= 3


def test_a_huge_cell_is_quoted_short(runner: CliRunner, tmp_path: Path) -> None:
    code, stderr = tally_bytes(runner, tmp_path, "big.csv", b"ballot_id,choices\n1," + b"x" * 1_000_000 + b"\n")
    assert code == 1 and "hàng 2" in stderr and len(stderr) < 600


def test_missing_path_and_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "tally", ELECTION, tmp_path / "nope.csv")
    assert result.exit_code == 1 and "không tìm thấy tệp" in result.stderr
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    result = invoke(runner, "tally", ELECTION, folder)
    assert result.exit_code == 1 and "thư mục" in result.stderr


def test_xlsx_with_an_empty_first_sheet(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    result = invoke(runner, "tally", ELECTION, path)
    assert result.exit_code == 1 and "trang tính đầu tiên trống" in result.stderr


def test_xlsx_sheet_option(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "tally", ELECTION, SEED / "ballots.xlsx", "--sheet", "Phiếu", "-f", "json")
    assert result.exit_code == 0
    result = invoke(runner, "tally", ELECTION, SEED / "ballots.xlsx", "--sheet", "Nope")
    assert result.exit_code == 1 and "Nope" in result.stderr


# --- odd but valid input counts exactly ---

SEED_JSON_SELECTED = ["TCT", "VPTU"]


def rewrite(lines: list[str], **dialect: object) -> str:
    """Write the rows again in another dialect (cells holding the separator get quoted)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", **dialect).writerows(csv.reader(lines))  # type: ignore[arg-type]
    return buffer.getvalue()


def seed_rows() -> list[str]:
    return (SEED / "ballots-list.csv").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "variant",
    ["crlf", "cr", "no_final_newline", "trailing_rows", "trailing_columns", "bom_semicolon", "quoted_separators"],
)
def test_odd_but_valid_files_count_the_same(runner: CliRunner, tmp_path: Path, variant: str) -> None:
    lines = seed_rows()
    if variant == "crlf":
        raw = ("\r\n".join(lines) + "\r\n").encode()
    elif variant == "cr":
        raw = ("\r".join(lines) + "\r").encode()
    elif variant == "no_final_newline":
        raw = "\n".join(lines).encode()
    elif variant == "trailing_rows":
        raw = ("\n".join(lines) + "\n,,\n,,\n\n").encode()
    elif variant == "trailing_columns":
        raw = ("\n".join(line + ",," for line in lines) + "\n").encode()
    elif variant == "bom_semicolon":
        raw = b"\xef\xbb\xbf" + rewrite(lines, delimiter=";").encode()
    else:
        raw = rewrite(lines, delimiter=",", quoting=csv.QUOTE_ALL).encode()
    path = tmp_path / "odd.csv"
    path.write_bytes(raw)
    result = invoke(runner, "tally", ELECTION, path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    expected = invoke(runner, "tally", ELECTION, SEED / "ballots-list.csv", "-f", "json").stdout
    assert result.stdout == expected


# --- legacy encodings ---


def test_legacy_conversions() -> None:
    assert convert(TCVN3, "tcvn3") == "Văn phòng Tỉnh ủy"
    assert convert(VNI, "vni") == "Văn phòng Tỉnh ủy"
    assert convert("Tr\xad\xeang Ch\xddnh tr\xde t\xd8nh; B\xb8o L\xb5o Cai; \xa7\xb6ng \xf1y", "tcvn3") == (
        "Trường Chính trị tỉnh; Báo Lào Cai; Đảng ủy"
    )
    assert convert("Tr\xf6\xf4\xf8ng Ch\xednh tr\xf2 t\xe6nh; Ba\xf9o La\xf8o Cai; \xd1a\xfbng u\xfby", "vni") == (
        "Trường Chính trị tỉnh; Báo Lào Cai; Đảng ủy"
    )
    assert convert("BAÙO LAØO CAI", "vni") == "BÁO LÀO CAI"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(TCVN3, "tcvn3"), (VNI, "vni"), ("Văn phòng Tỉnh ủy", None), ("ballot_id,choices", None), ("Café", None)],
)
def test_legacy_detection(text: str, expected: str | None) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(("encoding", "text"), [("tcvn3", TCVN3), ("vni", VNI)])
def test_legacy_files_are_converted(runner: CliRunner, tmp_path: Path, encoding: str, text: str) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    for name, raw in (("bytes.csv", text.encode("latin-1")), ("unicode.csv", text.encode("utf-8"))):
        path = tmp_path / name
        path.write_bytes(b"ballot_id,choices\n1," + raw + b"\n2,A\n")
        result = invoke(runner, "tally", election, path, "--encoding", encoding, "-f", "csv")
        assert result.exit_code == 0, result.stderr
        assert ",A,Văn phòng Tỉnh ủy,2,100.00," in result.stdout
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ballot_id", "choices"])
    sheet.append([1, text])
    book.save(tmp_path / "legacy.xlsx")
    result = invoke(runner, "tally", election, tmp_path / "legacy.xlsx", "-e", encoding, "-f", "csv")
    assert result.exit_code == 0 and ",A,Văn phòng Tỉnh ủy,1,100.00," in result.stdout
    result = invoke(runner, "tally", election, tmp_path / "legacy.xlsx")
    assert result.exit_code == 1 and f"--encoding {encoding}" in result.stderr


# --- nothing lost: no output written when a command fails ---


@pytest.mark.parametrize(
    "command",
    [["tally", "-f", "json"], ["minutes"], ["audit", "-f", "csv"]],
)
def test_no_output_file_on_failure(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("ballot_id,choices\n1,Nobody\n", encoding="utf-8")
    out = tmp_path / ("out.md" if command[0] == "minutes" else "out.txt")
    result = invoke(runner, command[0], ELECTION, bad, *command[1:], "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    out.write_text("before", encoding="utf-8")
    result = invoke(runner, command[0], ELECTION, bad, *command[1:], "-o", out, "--force")
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == "before"


# --- fuzzing: loaders either load or raise the project's own error ---

ELECTION_OBJ = parse_election(election_toml(seats=2))
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".csv", ".tsv", ".xlsx", ".txt"]))
def test_random_bytes_load_or_raise_our_error(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(raw)
    with contextlib.suppress(EmulationVoteError):
        read_ballots([path], ELECTION_OBJ)


CELLS = st.sampled_from(
    [
        "",
        "x",
        "0",
        "A",
        "B;C",
        "Văn phòng Tỉnh ủy",
        "ballot_id",
        "choices",
        "invalid",
        '"',
        ";",
        ",",
        "\n",
        "round",
        "2",
        "contest",
        "co",
        "voter",
        "không",
        "  ",
    ]
)


@FUZZ
@given(st.lists(st.lists(CELLS, max_size=7), max_size=8), st.sampled_from([",", ";", "\t"]))
def test_random_csv_structures_load_or_raise_our_error(tmp_path: Path, rows: list[list[str]], sep: str) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_text("\n".join(sep.join(row) for row in rows), encoding="utf-8")
    with contextlib.suppress(EmulationVoteError):
        read_ballots([path], ELECTION_OBJ)


TOML_PIECES = st.sampled_from(
    [
        "[[contest]]\n",
        'id = "co"\n',
        "seats = 2\n",
        "seats = 0\n",
        'seats = "2"\n',
        "max_marks = 1\n",
        "min_marks = 3\n",
        'candidates = [{ id = "A", name = "X" }]\n',
        "candidates = []\n",
        'threshold = { share = "1/0" }\n',
        'threshold = { share = "70%", of = "present" }\n',
        "[electorate]\n",
        "present = 5\n",
        "convened = 4\n",
        "[meeting]\n",
        "date = 2024-01-05\n",
        'time = "25:61"\n',
        'tie = "priority"\n',
        'priority = ["B"]\n',
        "= =\n",
        '[[committee]]\nname = ""\n',
        "secret = 1\n",
        'style = "x"\n',
    ]
)


@FUZZ
@given(st.lists(TOML_PIECES, max_size=12) | st.text(max_size=200))
def test_random_election_files_load_or_raise_our_error(pieces: list[str] | str) -> None:
    text = pieces if isinstance(pieces, str) else "".join(pieces)
    with contextlib.suppress(EmulationVoteError):
        parse_election(text)


@FUZZ
@given(st.binary(max_size=300))
def test_the_cli_never_prints_a_traceback(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(raw)
    result = CliRunner().invoke(
        __import__("emulation_vote.cli", fromlist=["app"]).app, ["tally", str(ELECTION), str(path)]
    )
    assert result.exit_code in (0, 1)
    assert "Traceback" not in (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_real_process_shows_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[contest]]\nseats = = 2\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "emulation_vote", "tally", str(bad), str(SEED / "ballots-wide.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "dòng 2, cột" in run.stderr

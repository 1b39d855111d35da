"""The per-ballot audit listing, read again after the count and rendered piece by piece.

Its text must be exactly what the listing of a count that kept every ballot gives (the way the
audit worked before it streamed: :func:`oracle_csv`, :func:`oracle_json` and :func:`oracle_table`
below are that code), whichever reader counted, and however the table is drawn.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emulation_vote as ev
import emulation_vote.pipeline as pipeline
import emulation_vote.render.audit_listing as listing
from emulation_vote.audit import AuditBallot, audit_ballots, reconcile
from emulation_vote.csvrows import write_rows
from emulation_vote.i18n import t
from emulation_vote.pipeline import count_files, count_files_read
from emulation_vote.record import ElectionRecord
from emulation_vote.render.audit_listing import AUDIT_COLUMNS, csv_cells, json_strings, reason_text
from emulation_vote.render.report import notice_lines, preamble_lines
from emulation_vote.render.table import text_console
from emulation_vote.schema import dumps, notices_list
from emulation_vote.vocab import Language

from helpers import SAMPLES, election_toml

# --- the listing as it was made from a count that kept every ballot ---


def oracle_csv(record: ElectionRecord, lang: Language) -> str:
    ballots = audit_ballots(record)
    with_voter = any(b.voter for b in ballots)
    with_note = any(b.note for b in ballots)
    header = AUDIT_COLUMNS + (("voter",) if with_voter else ()) + (("note",) if with_note else ())
    rows = [
        (
            b.contest,
            b.round,
            b.ballot_id,
            b.source,
            b.row,
            "valid" if b.valid else "invalid",
            b.reason or "",
            reason_text(b.reason, b.declared, lang),
            b.declared or "",
            ";".join(b.chosen),
            *((b.voter or "",) if with_voter else ()),
            *((b.note or "",) if with_note else ()),
        )
        for b in ballots
    ]
    return write_rows(header, rows)


def oracle_json(record: ElectionRecord, lang: Language) -> str:
    relations, differences = reconcile(record)
    data = {
        "schema": "emulation-vote/audit/1",
        "fingerprint": record.fingerprint,
        **({"partial": True} if record.partial else {}),
        **({"skipped": dict(record.skipped)} if record.skipped else {}),
        "ballots": [
            {
                "contest": b.contest,
                "round": b.round,
                "ballot_id": b.ballot_id,
                "source": b.source,
                "row": b.row,
                "status": "valid" if b.valid else "invalid",
                "reason": b.reason,
                "reason_text": reason_text(b.reason, b.declared, lang) or None,
                "declared": b.declared,
                "chosen": list(b.chosen),
                **({"voter": b.voter} if b.voter else {}),
                **({"note": b.note} if b.note else {}),
            }
            for b in audit_ballots(record)
        ],
        "reconciliation": [
            {
                "contest": r.contest,
                "relation": f"{r.left} {r.operator} {r.right}",
                "left": r.left_value,
                "right": r.right_value,
                "holds": r.holds,
            }
            for r in relations
        ],
        "figures": [{"contest": d.contest, "name": d.name, "value": d.value} for d in differences],
        **({"notices": notices_list(record)} if record.notices else {}),
    }
    return dumps(data) + "\n"


def oracle_table(record: ElectionRecord, lang: Language, color: bool, width: int) -> str:
    from rich.table import Table

    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    ballots = audit_ballots(record)
    with_voter = any(b.voter for b in ballots)
    with_note = any(b.note for b in ballots)
    for line in preamble_lines(record, lang):
        console.print(line, style="bold yellow")
    console.print(t("a.title", lang), style="bold")
    several = len(record.contests) > 1  # the contest's column only when there are several
    keys: tuple[str, ...] = (("contest",) if several else ()) + ("round", "ballot", "source", "row", "status")
    keys += ("reason", "chosen") + (("voter",) if with_voter else ()) + (("note",) if with_note else ())
    table = Table(header_style="bold")
    for key in keys:
        table.add_column(
            t(f"a.col.{key}", lang), justify="right" if key in ("round", "row") else "left", overflow="fold"
        )
    for b in ballots:
        cells = [
            b.contest,
            str(b.round),
            b.ballot_id,
            b.source,
            str(b.row),
            t("a.valid" if b.valid else "a.invalid", lang),
            reason_text(b.reason, b.declared, lang),
            ", ".join(b.chosen),
        ]
        cells += ([b.voter or ""] if with_voter else []) + ([b.note or ""] if with_note else [])
        table.add_row(*cells[0 if several else 1 :], style=None if b.valid else "yellow")
    console.print(table)
    by_round: dict[tuple[str, int], list[bool]] = {}
    for b in ballots:
        by_round.setdefault((b.contest, b.round), []).append(b.valid)
    for (contest, number), verdicts in by_round.items():
        valid = sum(verdicts)
        where = f"[{contest}{'' if number == 1 else ', ' + t('round.title', lang, number=number)}] "
        console.print(
            (where if len(by_round) > 1 else "")
            + t("a.totals", lang, count=len(verdicts), valid=valid, invalid=len(verdicts) - valid)
        )
    for line in notice_lines(record, lang):
        console.print(line)
    console.print()
    console.print(t("a.reconcile", lang), style="bold")
    relations, differences = reconcile(record)
    for r in relations:
        left = f"{t(f'a.fig.{r.left}', lang)} ({'—' if r.left_value is None else r.left_value})"
        right = f"{t(f'a.fig.{r.right}', lang)} ({'—' if r.right_value is None else r.right_value})"
        verdict = t("a.unknown" if r.holds is None else "a.holds" if r.holds else "a.fails", lang)
        console.print(f"[{r.contest}] {left} {r.operator} {right}: {verdict}")
    for d in differences:
        console.print(f"[{d.contest}] {t(f'a.fig.{d.name}', lang)}: {'—' if d.value is None else d.value}")
    console.print()
    console.print(t("summary.fingerprint", lang, fingerprint=record.fingerprint))
    return buffer.getvalue()


# --- generated ballot files of several shapes ---

UNITS = [
    ("VPTU", "Văn phòng Tỉnh ủy"),
    ("BTG", "Ban Tuyên giáo Tỉnh ủy"),
    ("TCT", "Trường Chính trị tỉnh"),
    ("BLC", "Báo Lào Cai"),
    ("BDV", "Ban Dân vận Tỉnh ủy"),
    ("SNV", "Sở Nội vụ"),
]
SECOND = 'extra_contests = ""'


def _marks(rng: random.Random, ids: list[str]) -> list[str]:
    """Marks of every kind: none, too many, a usual choice."""
    roll = rng.random()
    if roll < 0.1:
        return []
    if roll < 0.2:
        return rng.sample(ids, 4)
    return rng.sample(ids, rng.choice([1, 2, 2, 3]))


def _declared(rng: random.Random, comma: bool = False) -> str:
    """A declared reason now and then; with ``comma`` one that the file must quote (the exact reader reads it)."""
    return rng.choice(["rách", "Gạch xóa, ký tên" if comma else "ký tên", "-tẩy xóa"]) if rng.random() < 0.08 else ""


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _ballot_id(number: int, kind: str) -> str:
    return {"num": str(number), "str": f"B{number:05d}", "odd": f"PB {number}" if number % 7 else f"=B{number}"}[kind]


def wide_file(path: Path, ballots: int, ids: str, notes: bool, seed: int = 1) -> Path:
    rng = random.Random(seed)
    codes = [code for code, _ in UNITS]
    rows = [["ballot_id", *codes, "invalid", *(["Ghi chú"] if notes else [])]]
    for number in range(1, ballots + 1):
        marked = set(_marks(rng, codes))
        cells = [_ballot_id(number, ids), *("x" if code in marked else "" for code in codes), _declared(rng)]
        if notes:
            cells.append(
                rng.choice(["", "", "", "phiếu viết tay", "ghi chú dài " * 12, "lạ\u200b\x01 ký tự", "漢字 全角"])
            )
        rows.append(cells)
    return _write(path, rows)


def list_file(
    path: Path, ballots: int, names: bool, contests: bool, loose: bool = False, seed: int = 2, first: int = 1
) -> Path:
    rng = random.Random(seed)
    codes = [code for code, _ in UNITS]
    rows = [(["contest"] if contests else []) + ["ballot_id", "choices", "invalid"]]
    for number in range(first, first + ballots):
        chosen = _marks(rng, codes)
        written = [dict(UNITS)[code] if names else code for code in chosen]
        if loose and written and number % 5 == 0:
            written[0] = "Van phong Tinh uy" if chosen[0] == "VPTU" else written[0]
        cells = [_ballot_id(number, "str"), "; ".join(written), _declared(rng, comma=loose)]
        if contests:
            cells.insert(0, rng.choice(["co", "bk"]))
        rows.append(cells)
    return _write(path, rows)


def election(path: Path, two: bool = False, **rules: object) -> Path:
    rules.setdefault("max_marks", 3)
    rules.setdefault("min_marks", 1)
    extra = ""
    if two:
        extra = "\n".join(
            [
                "[[contest]]",
                'id = "bk"',
                'title = "Bằng khen"',
                "seats = 3",
                "candidates = [",
                *(f'  {{ id = "{code}", name = "{name}" }},' for code, name in UNITS),
                "]",
            ]
        )
    path.write_text(election_toml(candidates=UNITS, extra_contests=extra, **rules), encoding="utf-8")
    return path


def runoff_file(path: Path) -> Path:
    """The sample runoff's two rounds in one file, round 2 rows first."""
    first = (SAMPLES / "tie-runoff" / "round1.csv").read_text().splitlines()[1:]
    second = (SAMPLES / "tie-runoff" / "round2.csv").read_text().splitlines()[1:]
    rows = [line.replace(",2,", ",2,", 1) for line in second] + [
        f"{line.split(',', 1)[0]},1,{line.split(',', 1)[1]}" for line in first
    ]
    path.write_text("ballot_id,round,choices\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def cases(folder: Path) -> Iterator[tuple[str, Path, list[Path]]]:
    one = election(folder / "one.toml")
    yield "wide-num", one, [wide_file(folder / "wide-num.csv", 150, "num", False)]
    yield "wide-str-notes", one, [wide_file(folder / "wide-str.csv", 150, "str", True, seed=3)]
    yield "wide-odd-ids", one, [wide_file(folder / "wide-odd.csv", 120, "odd", False, seed=4)]
    yield "list-codes", one, [list_file(folder / "list.csv", 150, False, False)]
    yield "list-names-loose", one, [list_file(folder / "loose.csv", 100, True, False, loose=True)]
    two = election(folder / "two.toml", two=True)
    yield (
        "two-contests",
        two,
        [
            list_file(folder / "two-a.csv", 150, True, True, seed=5),
            list_file(folder / "two-b.csv", 10, False, True, seed=6, first=1000),
        ],
    )
    strike = election(folder / "strike.toml", style="strike", max_marks=4, min_marks=0, blank="valid")
    yield "strike", strike, [wide_file(folder / "strike.csv", 150, "num", False, seed=7)]
    yield "runoff", SAMPLES / "tie-runoff" / "election.toml", [runoff_file(folder / "runoff.csv")]
    yield "70-candidates", *many_candidates(folder)


def many_candidates(folder: Path) -> tuple[Path, list[Path]]:
    """A contest of 70 candidates (more than an int64 has bits): read exactly, the marks as Python ints."""
    units = [(f"U{n:02d}", f"Đơn vị số {n}") for n in range(1, 71)]
    path = folder / "many.toml"
    path.write_text(election_toml(candidates=units, max_marks=3, seats=2), encoding="utf-8")
    rng = random.Random(9)
    codes = [code for code, _ in units]
    rows = [["ballot_id", "choices"]] + [[str(n), ";".join(_marks(rng, codes))] for n in range(1, 61)]
    return path, [_write(folder / "many.csv", rows)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, list[Path]]]:
    return list(cases(tmp_path_factory.mktemp("audit")))


_ORACLE_TABLES: dict[tuple[str, Language, bool, int], str] = {}
FOLDED = {"wide-str-notes", "two-contests", "strike", "70-candidates"}
"""The cases also drawn narrow (cells folded over lines) and in colour."""


def oracle_table_of(name: str, record: ElectionRecord, lang: Language, color: bool, width: int) -> str:
    """The oracle's table, drawn once per case (it is the slow part of these tests)."""
    key = (name, lang, color, width)
    if key not in _ORACLE_TABLES:
        _ORACLE_TABLES[key] = oracle_table(record, lang, color, width)
    return _ORACLE_TABLES[key]


@pytest.mark.parametrize("streaming", [True, False], ids=["streamed-count", "exact-count"])
def test_listing_is_the_listing_of_every_ballot_kept(
    generated: list[tuple[str, Path, list[Path]]], streaming: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0 if streaming else 1 << 60)
    for name, election_path, files in generated:
        kept = count_files(election_path, files, keep_ballots=True)
        audit = ev.audit_stream(election_path, files)
        assert audit.record.fingerprint == kept.fingerprint, name
        for lang in (Language.vi, Language.en):
            assert "".join(listing.render_audit_csv(audit, lang)) == oracle_csv(kept, lang), name
            assert "".join(listing.render_audit_json(audit, (), lang)) == oracle_json(kept, lang), name
        # Drawn row by row (as a large audit is), at a width where nothing folds, one where cells fold, in colour.
        with monkeypatch.context() as row_by_row:  # only RICH_ROWS goes back: FAST_MIN_BYTES holds for every file
            row_by_row.setattr(listing, "RICH_ROWS", 0)
            drawings = ((False, 160), (False, 70), (True, 100)) if name in FOLDED else ((False, 160),)
            for color, width in drawings:
                drawn = "".join(listing.render_audit_table(audit, Language.vi, color=color, width=width))
                assert drawn == oracle_table_of(name, kept, Language.vi, color, width), (name, color, width)
            if name == "two-contests":
                drawn = "".join(listing.render_audit_table(audit, Language.en, width=160))
                assert drawn == oracle_table_of(name, kept, Language.en, False, 160), name
        assert list(audit.ballots()) == audit_ballots(kept), name


def test_the_streaming_reader_reads_the_listing_again(
    generated: list[tuple[str, Path, list[Path]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files the streaming reader counts are read again by it (a file it cannot number is read exactly)."""
    import emulation_vote.ballots.rows as rows

    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0)
    streamed = {name for name, election_path, files in generated if count_files_read(election_path, files)[1]}
    assert {"wide-num", "wide-str-notes", "list-codes", "two-contests", "strike", "runoff"} <= streamed
    assert "list-names-loose" not in streamed  # a name without diacritics: noted at its row by the exact reader
    read_again: list[str] = []
    real = rows.row_batches

    def spied(path: Path, *args: object, **kwargs: object) -> object:
        read_again.append(path.name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rows, "row_batches", spied)
    for name, election_path, files in generated:
        read_again.clear()
        listed = list(ev.audit_stream(election_path, files).ballots())
        assert listed, name
        assert bool(read_again) == (name in streamed), name  # the column batches read again what they counted


def test_blank_lines_are_numbered_as_the_exact_reader_numbers_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0)
    one = election(tmp_path / "one.toml")
    path = wide_file(tmp_path / "gaps.csv", 50, "num", False)
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines[:10], "", *lines[10:30], "", "", *lines[30:]]) + "\n\n", encoding="utf-8")
    kept = count_files(one, [path], keep_ballots=True)
    assert "".join(listing.render_audit_csv(ev.audit_stream(one, [path]), Language.vi)) == oracle_csv(kept, Language.vi)


def test_csv_cells_quote_as_the_csv_module() -> None:
    import pyarrow as pa

    from emulation_vote.csvrows import csv_line

    values = [
        "",
        "a",
        "a,b",
        'say "x"',
        "-5",
        "=SUM(A1)",
        "'x",
        "@home",
        "line\nbreak",
        "tab\tin",
        "\tlead",
        "\rx",
        "ü,",
    ]
    assert csv_cells(pa.array(values)).to_pylist() == [csv_line(["x", v])[2:-2] for v in values]


def test_json_strings_escape_as_json_dumps() -> None:
    import json

    import pyarrow as pa

    plain = ["a", "Văn phòng", "x y"]
    odd = [*plain, 'say "x"', "back\\slash", "nul\x00", "\x1f"]
    for values in (plain, odd):
        assert json_strings(pa.array(values)).to_pylist() == [json.dumps(v, ensure_ascii=False) for v in values]


@given(st.lists(st.text(max_size=12), min_size=1, max_size=20))
def test_csv_cells_and_json_strings_of_any_text(values: list[str]) -> None:
    import json

    import pyarrow as pa

    from emulation_vote.csvrows import csv_line

    array = pa.array(values, pa.string())
    assert csv_cells(array).to_pylist() == [csv_line(["x", v])[2:-2] for v in values]
    assert json_strings(array).to_pylist() == [json.dumps(v, ensure_ascii=False) for v in values]


def test_a_large_table_is_drawn_batch_by_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above RICH_ROWS the table is made in pieces (300 ballots in batches of 64: five and more), the same text."""
    monkeypatch.setattr(pipeline, "FAST_MIN_BYTES", 0)
    monkeypatch.setattr(listing, "RICH_ROWS", 10)
    monkeypatch.setattr("emulation_vote.audit.BATCH_ROWS", 64)
    one = election(tmp_path / "one.toml")
    path = wide_file(tmp_path / "w.csv", 300, "num", False)
    chunks = list(listing.render_audit_table(ev.audit_stream(one, [path]), Language.vi, width=160))
    assert len(chunks) >= 5
    kept = count_files(one, [path], keep_ballots=True)
    assert "".join(chunks) == oracle_table(kept, Language.vi, False, 160)
    audit = ev.audit_stream(one, [path])
    assert "".join(listing.render_audit_csv(audit, Language.vi)) == oracle_csv(kept, Language.vi)
    assert "".join(listing.render_audit_json(audit, (), Language.vi)) == oracle_json(kept, Language.vi)


def test_api_audit_ballots_is_the_stream(tmp_path: Path) -> None:
    one = election(tmp_path / "one.toml")
    path = wide_file(tmp_path / "w.csv", 50, "str", True)
    audit = ev.audit_ballots(one, path)
    assert list(audit.ballots) == list(ev.audit_stream(one, path).ballots())
    assert all(isinstance(b, AuditBallot) for b in audit.ballots) and len(audit.ballots) == 50
    assert ev.audit_frame(ev.audit_stream(one, path).ballots()).equals(ev.audit_frame(audit.ballots))

"""The printed ballot papers: the PDF rasterised and read back (text, QR codes, marks and boxes in the pixels),
the layout file, the paper fingerprint, the Word version and the command's errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.paper import (
    MARK_INSET,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    election_fingerprint,
    paper_canonical_text,
    paper_layouts,
    parse_qr,
    qr_payload,
)

from helpers import SAMPLES, election_toml, invoke, parse

pdfium = pytest.importorskip("pypdfium2")
zxingcpp = pytest.importorskip("zxingcpp")
np = pytest.importorskip("numpy")

DPI = 150
SEED = SAMPLES / "seed" / "election.toml"


def rasterise(pdf: Path, dpi: int = DPI) -> list[np.ndarray]:
    document = pdfium.PdfDocument(str(pdf))
    pages = [np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")) for page in document]
    document.close()
    return pages


def page_texts(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(str(pdf))
    texts = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return texts


def px(mm: float, dpi: int = DPI) -> int:
    return round(mm / 25.4 * dpi)


def make(runner: CliRunner, tmp_path: Path, election: Path, *args: str) -> tuple[Path, dict]:
    out = tmp_path / "phieu-bau.pdf"
    result = invoke(runner, "ballots", election, "--output", out, *args)
    assert result.exit_code == 0, result.output
    assert "xáo trộn phiếu" in result.stderr or "shuffle the papers" in result.stderr
    layout = json.loads((tmp_path / "phieu-bau.layout.json").read_text(encoding="utf-8"))
    return out, layout


def test_seed_papers_text_numbers_and_qr(runner: CliRunner, tmp_path: Path) -> None:
    out, layout = make(runner, tmp_path, SEED, "--count", "5")
    contest = layout["contests"][0]
    assert contest["per_page"] == 2 and contest["papers"] == 5
    texts = page_texts(out)
    assert len(texts) == 3  # 5 papers, 2 to a page
    whole = "\n".join(texts)
    for number in range(1, 6):
        assert f"Số phiếu: {number}" in whole
    assert "Số phiếu: 6" not in whole
    assert "Đánh dấu X vào ô đơn vị được suy tôn (chọn không quá 2 đơn vị)." in texts[0]
    for name in ("Văn phòng Tỉnh ủy", "Đảng ủy Khối Cơ quan - Doanh nghiệp", "Báo Lào Cai"):
        assert texts[0].count(name) == 2
    fingerprint = election_fingerprint(parse(SEED.read_text(encoding="utf-8")))
    assert layout["election_fingerprint"] == fingerprint
    seen = []
    for page in rasterise(out):
        for found in zxingcpp.read_barcodes(page):
            content = parse_qr(found.text)
            assert content is not None
            assert found.text == qr_payload(content.contest_id, content.number, fingerprint, 2, "vi")
            seen.append((content.contest_id, content.number))
    assert sorted(seen) == [("co-thi-dua", n) for n in range(1, 6)]


def test_marks_boxes_and_qr_are_where_the_layout_says(runner: CliRunner, tmp_path: Path) -> None:
    out, layout = make(runner, tmp_path, SEED, "--count", "2")
    contest = layout["contests"][0]
    page = rasterise(out)[0]
    assert abs(page.shape[0] - px(PAGE_HEIGHT)) <= 1 and abs(page.shape[1] - px(PAGE_WIDTH)) <= 1
    for slot_x, slot_y in contest["slots_on_page"]:
        ox, oy = slot_x + MARK_INSET, slot_y + MARK_INSET

        def region(rect: dict, inset: float = 0.0, ox: float = ox, oy: float = oy) -> np.ndarray:
            x0, y0 = px(ox + rect["x"] + inset), px(oy + rect["y"] + inset)
            x1, y1 = px(ox + rect["x"] + rect["w"] - inset), px(oy + rect["y"] + rect["h"] - inset)
            return page[y0:y1, x0:x1]

        for mark in contest["marks"]:
            assert region(mark, 0.4).mean() < 40  # solid black
            ring = {"x": mark["x"] - 2, "y": mark["y"] - 2, "w": mark["w"] + 4, "h": mark["h"] + 4}
            outer = region(ring).astype(int).sum() - region(mark).astype(int).sum()
            assert outer / (region(ring).size - region(mark).size) > 200  # white around it
        assert len(contest["units"]) == 9
        for unit in contest["units"]:
            box = unit["box"]
            assert region(box, 0.6).mean() > 245  # an empty box is white inside
            top = page[
                px(oy + box["y"]) - 1 : px(oy + box["y"]) + 2, px(ox + box["x"] + 1) : px(ox + box["x"] + box["w"] - 1)
            ]
            assert top.min() < 100  # its edge is drawn where the layout says
            assert region(unit["name_extent"]).min() < 100  # the name is printed where the layout says
        qr = region(contest["qr"])
        assert zxingcpp.read_barcodes(np.pad(qr, 20, constant_values=255))


def test_strike_paper_has_no_boxes_and_its_own_instruction(runner: CliRunner, tmp_path: Path) -> None:
    out, layout = make(runner, tmp_path, SAMPLES / "strike" / "election.toml", "--count", "4")
    contest = layout["contests"][0]
    assert contest["style"] == "strike" and contest["per_page"] == 4
    assert all(u["box"] == u["cell"] for u in contest["units"])
    text = page_texts(out)[0]
    assert "Gạch tên đơn vị không suy tôn (để lại không quá 2 đơn vị)." in " ".join(text.split())
    assert "Suy tôn\r\n" not in text and "Ô" not in text
    assert len(zxingcpp.read_barcodes(rasterise(out)[0])) == 4


def test_two_contests_numbered_separately_each_from_its_page(runner: CliRunner, tmp_path: Path) -> None:
    out, layout = make(runner, tmp_path, SAMPLES / "two-contests" / "election.toml", "--count", "3", "--per-page", "1")
    assert [c["first_page"] for c in layout["contests"]] == [1, 4]
    pages = rasterise(out)
    assert len(pages) == 6
    read = [parse_qr(zxingcpp.read_barcodes(page)[0].text) for page in pages]
    assert [(q.contest_id, q.number) for q in read if q] == [
        ("co-thi-dua", 1), ("co-thi-dua", 2), ("co-thi-dua", 3), ("bang-khen", 1), ("bang-khen", 2), ("bang-khen", 3),
    ]  # fmt: skip


def test_count_defaults_to_issued_then_present_then_convened(runner: CliRunner, tmp_path: Path) -> None:
    for electorate, expected in (({"convened": 7, "present": 5, "issued": 4}, 4), ({"convened": 7, "present": 5}, 5),
                                 ({"convened": 3}, 3)):  # fmt: skip
        election = tmp_path / "election.toml"
        election.write_text(election_toml(electorate=electorate), encoding="utf-8")
        _out, layout = make(runner, tmp_path, election, "--force")
        assert layout["contests"][0]["papers"] == expected


def test_fingerprint_covers_what_is_printed_not_the_figures() -> None:
    base = parse(election_toml(electorate={"convened": 9}))
    assert election_fingerprint(base) == election_fingerprint(
        parse(election_toml(electorate={"convened": 9, "issued": 8}))
    )
    assert election_fingerprint(base) == election_fingerprint(
        parse(election_toml(electorate={"convened": 9}, threshold={"share": "2/3"}))
    )
    renamed = [("A", "Văn phòng Tỉnh ủy"), ("B", "Ban Tuyên giáo"), ("C", "C"), ("D", "D"), ("E", "E")]
    assert election_fingerprint(base) != election_fingerprint(parse(election_toml(candidates=renamed)))
    assert election_fingerprint(base) != election_fingerprint(parse(election_toml(max_marks=1)))
    assert election_fingerprint(base) != election_fingerprint(parse(election_toml(style="strike")))
    text = paper_canonical_text(base)
    assert text.endswith("\n") and text.count("\n") == 1 and '"Văn phòng Tỉnh ủy"' in text
    content = parse_qr(qr_payload("co", 12, election_fingerprint(base), 4, "en"))
    assert content is not None and (content.contest_id, content.number, content.per_page, content.lang) == (
        "co",
        12,
        4,
        "en",
    )
    assert election_fingerprint(base)[7:23] == content.fingerprint_prefix
    for text in ("EV1|co|x|00|2vi", "hello", "EV1|co|1|00|3vi", "EV1|co|1|00|2fr", "EV1|co|1|00"):
        assert parse_qr(text) is None


def test_layout_is_deterministic_and_inside_the_frame() -> None:
    election = parse(SEED.read_text(encoding="utf-8"))
    first = paper_layouts(election, election.contests, None, "vi")
    assert first == paper_layouts(election, election.contests, None, "vi")
    layout = first[0]
    for unit in layout.units:
        for rect in (unit.box, unit.cell, unit.name):
            assert rect.x > 0 and rect.x + rect.w < layout.frame_width
            assert rect.y > 0 and rect.y + rect.h < layout.frame_height
        assert unit.name.x + unit.name.w <= unit.cell.x + unit.cell.w


def test_docx_is_editable_and_says_the_same(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "phieu.docx"
    result = invoke(runner, "ballots", SEED, "--output", out, "--count", "2")
    assert result.exit_code == 0, result.output
    assert "xáo trộn phiếu trước khi phát" in result.stderr  # the secrecy of the numbered papers
    assert not (tmp_path / "phieu.layout.json").exists()
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Số phiếu: 1" in text and "Số phiếu: 2" in text and "PHIẾU BẦU" in text
    assert "Đánh dấu X vào ô đơn vị được suy tôn (chọn không quá 2 đơn vị)." in text
    assert [row.cells[1].text for row in document.tables[0].rows][1:3] == [
        "Văn phòng Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
    ]


def test_english_papers(runner: CliRunner, tmp_path: Path) -> None:
    out, _layout = make(runner, tmp_path, SEED, "--count", "1", "--lang", "en")
    text = page_texts(out)[0]
    assert "BALLOT PAPER" in text and "Ballot No. 1" in text and "choose no more than 2" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--per-page", "4"], 2, "nhiều nhất là 2: dùng --per-page 2"),
        (["--per-page", "3"], 2, "--per-page phải là 1, 2 hoặc 4 (đã cho 3)"),
        (["--count", "0"], 2, "--count phải là số nguyên dương"),
        (["--contest", "bang-khen"], 2, "hông có nội dung 'bang-khen'; các nội dung: co-thi-dua"),
        (["--format", "docx"], 2, "--format docx nhưng tệp kết quả có đuôi '.pdf'"),
    ],
)
def test_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    result = invoke(runner, "ballots", SEED, "--output", tmp_path / "p.pdf", *args)
    assert result.exit_code == code and message in result.output
    assert not list(tmp_path.iterdir())


def test_no_count_known_and_no_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    election = tmp_path / "election.toml"
    election.write_text(election_toml(), encoding="utf-8")
    result = invoke(runner, "ballots", election, "--output", tmp_path / "p.pdf")
    assert result.exit_code == 2 and "--count" in result.output
    assert invoke(runner, "ballots", election, "--output", tmp_path / "p.pdf", "-n", "1").exit_code == 0
    (tmp_path / "p.pdf").unlink()
    result = invoke(runner, "ballots", election, "--output", tmp_path / "p.pdf", "-n", "1")
    assert result.exit_code == 2 and "p.layout.json" in result.output  # the layout beside it is never overwritten
    assert not (tmp_path / "p.pdf").exists()


def test_too_many_units_for_one_page(runner: CliRunner, tmp_path: Path) -> None:
    election = tmp_path / "election.toml"
    many = [(f"U{i}", f"Đơn vị số {i} của khối thi đua") for i in range(1, 120)]
    election.write_text(election_toml(candidates=many), encoding="utf-8")
    result = invoke(runner, "ballots", election, "--output", tmp_path / "p.pdf", "-n", "1")
    assert result.exit_code == 2 and "119 đơn vị" in result.output


def test_layout_doc_states_the_codes_constants() -> None:
    import emulation_vote.paper as paper

    from helpers import ROOT

    doc = (ROOT / "docs" / "ballot-layout.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([0-9.]+) \|", doc, flags=re.M)
    assert len(rows) == 12
    for name, value in rows:
        assert getattr(paper, name) == float(value), name
    seed = parse(SEED.read_text(encoding="utf-8"))
    assert election_fingerprint(seed)[:15] in doc


TIE = SAMPLES / "tie-runoff" / "election.toml"


def test_runoff_papers_list_only_the_tied_units(runner: CliRunner, tmp_path: Path) -> None:
    out, layout = make(runner, tmp_path, TIE, "--round", "2", "--runoff", "STP,STC", "--seats", "1", "-n", "3")
    whole = " ".join(" ".join(page_texts(out)).split())  # lines joined: a long title wraps
    assert "Suy tôn đơn vị đề nghị tặng Cờ thi đua — bầu lại (lần bỏ phiếu thứ 2)" in whole
    assert "Đánh dấu X vào ô đơn vị được suy tôn (chọn không quá 1 đơn vị)." in whole
    assert whole.count("Sở Tư pháp") == 3 and whole.count("Sở Tài chính") == 3
    assert "Sở Nội vụ" not in whole and "Sở Xây dựng" not in whole
    assert [f"Số phiếu: {n}" in whole for n in (1, 2, 3, 4)] == [True, True, True, False]
    (contest,) = layout["contests"]
    assert contest["id"] == "co-thi-dua" and contest["papers"] == 3
    first_round = election_fingerprint(parse(TIE.read_text(encoding="utf-8")))
    assert layout["election_fingerprint"] != first_round  # a scan never reads it as a first-round paper
    for page in rasterise(out):
        for found in zxingcpp.read_barcodes(page):
            content = parse_qr(found.text)
            assert content is not None and content.contest_id == "co-thi-dua"
            assert layout["election_fingerprint"].removeprefix("sha256:").startswith(content.fingerprint_prefix)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--round", "2"], "ghi các đơn vị trên phiếu bầu lại bằng --runoff"),
        (["--runoff", "STP,STC"], "--runoff chỉ dùng cho vòng 2 trở đi"),
        (["--round", "2", "--runoff", "STP,STC"], "ghi số chỗ cần bầu bằng --seats"),
        (["--round", "2", "--runoff", "STP,XYZ", "--seats", "1"], "'XYZ' không phải đơn vị nào; gần nhất: SNV, STP"),
        (["--round", "2", "--runoff", "STP,STP", "--seats", "1"], "--runoff ghi 'STP' (STP) hai lần"),
        (["--round", "2", "--runoff", "STP,STC", "--seats", "2"], "cuộc bầu lại giữa 2 đơn vị chỉ chọn ít hơn 2"),
        (["--round", "2", "--runoff", "STP", "--seats", "1"], "--runoff cần ít nhất hai đơn vị"),
    ],
)
def test_runoff_paper_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(runner, "ballots", TIE, "--output", tmp_path / "p.pdf", *args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert not list(tmp_path.iterdir())


def test_runoff_papers_are_for_one_contest(runner: CliRunner, tmp_path: Path) -> None:
    two = SAMPLES / "two-contests" / "election.toml"
    args = ["--round", "2", "--runoff", "SNV,STP", "--seats", "1"]
    unnamed = invoke(runner, "ballots", two, "--output", tmp_path / "p.pdf", *args)
    assert unnamed.exit_code == 2 and "chọn một bằng --contest" in unnamed.output
    both = invoke(runner, "ballots", two, "-o", tmp_path / "p.pdf", *args, "-c", "co-thi-dua", "-c", "bang-khen")
    assert both.exit_code == 2 and "hiếu bầu lại in cho một nội dung bầu" in both.output


def test_runoff_units_named_in_any_way_stand_in_the_first_papers_order(runner: CliRunner, tmp_path: Path) -> None:
    args = ["--round", "2", "--runoff", "so tai chinh, Sở Tư pháp", "--seats", "1", "-n", "1"]
    out, _layout = make(runner, tmp_path, TIE, *args)
    whole = " ".join(" ".join(page_texts(out)).split())
    assert "1 Sở Tư pháp 2 Sở Tài chính" in whole


def test_a_runoffs_contest_may_be_named_by_its_title(runner: CliRunner, tmp_path: Path) -> None:
    two = SAMPLES / "two-contests" / "election.toml"
    title = "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen"
    args = ["--round", "2", "--runoff", "SNV,STP", "--seats", "1", "-c", title, "-n", "1"]
    _out, layout = make(runner, tmp_path, two, *args)
    assert [c["id"] for c in layout["contests"]] == ["bang-khen"]

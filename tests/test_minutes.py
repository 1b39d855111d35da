"""The minutes (biên bản kiểm phiếu): content, order, DOCX layout, languages, blanks, runoff rounds."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from helpers import DATA, SAMPLES, election_toml, invoke, list_rows, write_csv

SEED = SAMPLES / "seed"
TIE = SAMPLES / "tie-runoff"
GOLDEN = DATA / "golden"


def docx_text(path: Path) -> str:
    """Every paragraph's text in document order, table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    parts: list[str] = []

    def walk(parent: object, element: object) -> None:
        for child in element.iterchildren():  # type: ignore[attr-defined]
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(child, parent).text)  # type: ignore[arg-type]
            elif tag == "tbl":
                for row in Table(child, parent).rows:  # type: ignore[arg-type]
                    for cell in row.cells:
                        walk(cell, cell._element)

    walk(document, document.element.body)
    return "\n".join(parts)


def seed_minutes(runner: CliRunner, tmp_path: Path, suffix: str, *extra: str) -> str:
    out = tmp_path / f"bien-ban{suffix}"
    result = invoke(runner, "minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out, *extra)
    assert result.exit_code == 0, result.stderr
    return docx_text(out) if suffix == ".docx" else out.read_text(encoding="utf-8")


SEED_FACTS = [
    "TỈNH ỦY LÀO CAI",
    "KHỐI THI ĐUA",
    "CÁC CƠ QUAN TỈNH ỦY",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số: ……/BB-KP",
    "Lào Cai, ngày 19 tháng 12 năm 2023",
    "BIÊN BẢN KIỂM PHIẾU",
    "Suy tôn đơn vị đề nghị UBND tỉnh tặng Cờ thi đua",
    "vào lúc 14 giờ 30 phút, ngày 19 tháng 12 năm 2023, tại Lào Cai",
    "Nguyễn Thị Hoa — Trưởng ban",
    "Trần Văn Minh — Ủy viên",
    "Lê Thị Thu — Ủy viên",
    "Số đại biểu được triệu tập: 27 người",
    "Số đại biểu có mặt: 26 người",
    "Số đại biểu vắng mặt: 1 người",
    "Số phiếu phát ra: 26 phiếu",
    "Phiếu hợp lệ là phiếu đánh dấu chọn không quá 2 đơn vị; phiếu không chọn đơn vị nào là phiếu không hợp lệ.",
    "Số phiếu thu vào: 26 phiếu",
    "Số phiếu hợp lệ: 24 phiếu (92,31%)",
    "Số phiếu không hợp lệ: 2 phiếu (7,69%)",
    "không có dấu: 1",
    "chọn quá số lượng: 1",
    "Đơn vị được suy tôn phải đạt quá 1/2 số phiếu hợp lệ (24 phiếu), tức là ít nhất 13 phiếu.",
    "91,67",
    "79,17",
    "8,33",
    "1. Trường Chính trị tỉnh: 22 phiếu, đạt 91,67%",
    "2. Văn phòng Tỉnh ủy: 19 phiếu, đạt 79,17%",
    "Biên bản kết thúc vào hồi 15 giờ 10 phút cùng ngày, được lập thành 03 bản và đã được thông qua trước hội nghị.",
    "CÁC ỦY VIÊN",
    "T/M BAN KIỂM PHIẾU",
    "TRƯỞNG BAN",
    "CHỦ TỌA HỘI NGHỊ",
    "Lý Văn Hải",
    "Lưu Thị Nụ",
    "Nơi nhận:",
    "- Ban Thi đua - Khen thưởng tỉnh;",
    "- Lưu: Khối thi đua.",
]
UNITS = [
    "Văn phòng Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Trường Chính trị tỉnh",
    "Đảng ủy Khối Cơ quan - Doanh nghiệp",
    "Báo Lào Cai",
]


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_seed_minutes_hold_every_fact(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    text = seed_minutes(runner, tmp_path, suffix)
    for fact in SEED_FACTS + UNITS:
        assert fact in text, fact
    # in order: header, title, opening, committee, figures, rule, results, closing, signatures, recipients
    order = [
        "BIÊN BẢN KIỂM PHIẾU",
        "Hôm nay",
        "Ban kiểm phiếu gồm",
        "Số đại biểu được triệu tập",
        "Phiếu hợp lệ là",
        "Số phiếu thu vào",
        "Xếp hạng",
        "Các đơn vị được suy tôn",
        "Biên bản kết thúc",
        "T/M BAN KIỂM PHIẾU",
        "CHỦ TỌA HỘI NGHỊ",
        "Nơi nhận",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "None" not in text
    assert "(Ký, ghi rõ họ tên)" not in text  # every signer is named


def test_results_table_is_in_ballot_order(runner: CliRunner, tmp_path: Path) -> None:
    text = seed_minutes(runner, tmp_path, ".md")
    positions = [text.index(f"| {unit}") for unit in UNITS]
    assert positions == sorted(positions)


def _body_paragraphs(document: Any) -> list[Any]:
    """Every paragraph of the body, table cells included (not the header or footer)."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def test_docx_structure(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    assert invoke(runner, "minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out).exit_code == 0
    document = Document(str(out))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [
        round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ]
    assert 20 <= margins[0] <= 25 and 20 <= margins[1] <= 25 and 30 <= margins[2] <= 35 and 15 <= margins[3] <= 20
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14
    header, results, signatures = document.tables
    # the header: the body (superior, name as broken by the secretary, "*") left, the Party heading right
    (left, right), (number, date) = ([c for c in row.cells] for row in header.rows)
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY LÀO CAI", "KHỐI THI ĐUA", "CÁC CƠ QUAN TỈNH ỦY", "*"]
    assert not left.paragraphs[0].runs[0].bold and left.paragraphs[1].runs[0].bold
    national = right.paragraphs[0].runs[0]
    assert national.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and national.bold and national.underline
    assert number.text == "Số: ……/BB-KP" and date.text == "Lào Cai, ngày 19 tháng 12 năm 2023"
    assert date.paragraphs[0].runs[0].italic
    assert sum(column.width.mm for column in header.columns) == pytest.approx(165, abs=0.5)
    # the results, in ballot order, kept on one page
    assert results.style.name == "Table Grid" and header.style.name != "Table Grid"
    assert [c.text for c in results.rows[0].cells] == ["TT", "Đơn vị", "Số phiếu", "Tỷ lệ (%)", "Xếp hạng"]
    assert [c.text for c in results.rows[7].cells] == ["7", "Trường Chính trị tỉnh", "22", "91,67", "1"]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in results.rows)
    # the verification code is in the footer, not in the signed text; page numbers from page 2
    body = "\n".join(p.text for p in _body_paragraphs(document))
    assert "sha256" not in body and "emulation-vote" not in body
    assert section.different_first_page_header_footer
    code = "Mã kiểm chứng: sha256:fab8c709afae4a30566707a352590dcb949e2c3b2bda912abbda469bc1214823"
    for footer, numbered in ((section.first_page_footer, False), (section.footer, True)):
        assert code in footer.paragraphs[0].text
        assert footer.paragraphs[0].runs[0].font.size.pt <= 10
        fields = [e.text for e in footer._element.iter(qn("w:instrText"))]
        assert (fields == [" PAGE "]) is numbered
    # the signature block: one row that never splits; each band's names in one paragraph (one baseline)
    assert len(signatures.rows) == 1 and signatures.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    lines = [p.text.split("\t")[1:] for p in signatures.rows[0].cells[0].paragraphs]
    assert ["CÁC ỦY VIÊN", "T/M BAN KIỂM PHIẾU"] in lines and ["", "TRƯỞNG BAN"] in lines
    assert ["Trần Văn Minh", "Lê Thị Thu", "Nguyễn Thị Hoa"] in lines
    assert ["CHỦ TỌA HỘI NGHỊ"] in lines and ["Lý Văn Hải", "Lưu Thị Nụ"] in lines
    # the closing sentence goes with the signatures: no page holds only signatures
    closing = next(p for p in document.paragraphs if p.text.startswith("Biên bản kết thúc"))
    assert closing.paragraph_format.keep_with_next
    assert closing._p.getnext().tag == qn("w:tbl")


def test_state_header(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "bb.docx"
    args = ["minutes", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    document = Document(str(out))
    (left, right), (number, date) = ([c for c in row.cells] for row in document.tables[0].rows)
    national, motto = (p.runs[0] for p in right.paragraphs)
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and national.bold and not national.underline
    assert 12 <= national.font.size.pt <= 13
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.bold and motto.underline
    assert 13 <= motto.font.size.pt <= 14
    # the right column holds the national name on one line (measured in Times New Roman)
    assert right.width.mm > 88.3 + 3.8
    # the organisation as broken by the secretary, then a short rule (a bottom border), no "*"
    texts = [p.text for p in left.paragraphs]
    assert texts == ["CỤM THI ĐUA", "CÁC SỞ, BAN, NGÀNH", ""]
    assert left.paragraphs[-1]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None
    assert number.text == "Số: 02/BB-KP" and date.text == "Lào Cai, ngày 05 tháng 01 năm 2024"
    lines = [p.text.split("\t")[1:] for p in document.tables[-1].rows[0].cells[0].paragraphs]
    assert ["THƯ KÝ", "T/M BAN KIỂM PHIẾU"] in lines and ["Đỗ Thị Mai", "Phạm Văn Hùng"] in lines


def test_english_minutes(runner: CliRunner, tmp_path: Path) -> None:
    text = seed_minutes(runner, tmp_path, ".md", "--lang", "en")
    for fact in [
        "MINUTES OF THE BALLOT COUNT",
        "COMMUNIST PARTY OF VIETNAM",
        "No. ……/BB-KP",
        "Lào Cai, 19 December 2023",
        "Delegates convened: 27",
        "Delegates absent: 1",
        "A ballot was valid when it marked at most 2 units; a ballot choosing no unit was invalid.",
        "Valid ballots: 24 (92.31%)",
        "91.67",
        "**FOR THE VOTE-COUNTING**<br>**COMMITTEE**<br>**HEAD**",
        "CHAIR OF THE CONFERENCE",
        "Recipients:",
        "A unit must receive more than 1/2 of the valid ballots (24), that is at least 13 votes.",
        "These minutes were closed at 15:10 the same day, made in 03 copies",
        "Verification code: sha256:",
    ]:
        assert fact in text, fact
    assert "91,67" not in text and "phiếu" not in text


def test_missing_meeting_fields_leave_blanks(runner: CliRunner, tmp_path: Path) -> None:
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1), encoding="utf-8")
    ballots = write_csv(tmp_path / "b.csv", list_rows(["A", "A", "B"]))
    result = invoke(runner, "minutes", election, ballots)
    assert result.exit_code == 0
    text = result.stdout
    assert "None" not in text
    assert "vào lúc …… giờ …… phút, ngày …… tháng …… năm ……, tại ……" in text
    assert "Số đại biểu được triệu tập: ……" in text
    assert "1. ……………………" in text
    assert "Số: ……/BB-KP" in text
    assert "vào hồi …… giờ …… phút cùng ngày, được lập thành …… bản" in text
    assert "*(Ký, ghi rõ họ tên)*" in text
    assert "Nơi nhận" not in text and "CHỦ TỌA" not in text


def test_runoff_minutes_number_each_vote(runner: CliRunner) -> None:
    text = invoke(runner, "minutes", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv").stdout
    round1 = text.index("### 1. Kết quả bỏ phiếu lần 1")
    tie = text.index("Các đơn vị Sở Tư pháp, Sở Tài chính có số phiếu bằng nhau (11 phiếu)")
    round2 = text.index("### 2. Kết quả bỏ phiếu lần 2 (bầu lại)")
    reason = text.index(
        "Lý do bầu lại: ở lần bỏ phiếu thứ 1, có 2 đơn vị (Sở Tư pháp, Sở Tài chính) cùng được 11 phiếu "
        "ở vị trí cuối; hội nghị bỏ phiếu lại giữa các đơn vị này để chọn 1 đơn vị."
    )
    rule = text.index("Phiếu hợp lệ là phiếu đánh dấu chọn không quá 1 đơn vị", reason)
    final = text.index("### 3. Kết quả chung cuộc")
    outcome = text.index("Qua 2 lần bỏ phiếu, các đơn vị được suy tôn là: Sở Nội vụ, Sở Tư pháp.")
    assert round1 < tie < round2 < reason < rule < final < outcome < text.index("Biên bản kết thúc")


def test_pending_runoff_is_stated(runner: CliRunner) -> None:
    text = invoke(runner, "minutes", TIE / "election.toml", TIE / "round1.csv").stdout
    assert "hội nghị cần bầu lại giữa các đơn vị này để chọn 1 đơn vị" in text
    assert "Kết quả chung cuộc" not in text


def test_unit_selected_twice_is_stated(runner: CliRunner, tmp_path: Path) -> None:
    second = """
[[contest]]
id = "bk"
title = "Bằng khen"
seats = 1
candidates = [{ id = "A", name = "Văn phòng Tỉnh ủy" }, { id = "B", name = "Báo Lào Cai" }]
"""
    election = tmp_path / "e.toml"
    election.write_text(election_toml(seats=1, extra_contests=second), encoding="utf-8")
    rows = [["contest", "ballot_id", "choices"]] + [[c, f"{c}{n}", "A"] for c in ("co", "bk") for n in range(3)]
    ballots = write_csv(tmp_path / "b.csv", rows)
    result = invoke(runner, "minutes", election, ballots)
    assert result.exit_code == 0, result.stderr
    assert "Đơn vị Văn phòng Tỉnh ủy được suy tôn ở 2 nội dung: Cờ thi đua; Bằng khen." in result.stdout


def test_annex(runner: CliRunner, tmp_path: Path) -> None:
    text = seed_minutes(runner, tmp_path, ".md", "--annex")
    annex = text[text.index("## Phụ lục: dữ liệu kiểm phiếu") :]
    for fact in [
        "sha256:fab8c709afae4a30566707a352590dcb949e2c3b2bda912abbda469bc1214823",
        "tệp hội nghị: election.toml",
        "tệp phiếu: ballots-wide.csv",
        "emulation-vote tally election.toml ballots-wide.csv --format json",
        "emulation-vote verify ket-qua.json election.toml ballots-wide.csv",
    ]:
        assert fact in annex, fact
    out = tmp_path / "annex.docx"
    args = ["minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "--annex", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    document = Document(str(out))
    body = [p.text for p in document.paragraphs]
    assert "PHỤ LỤC: DỮ LIỆU KIỂM PHIẾU" in body
    # The commands are never broken at a hyphen ("--" ending one line, "format json" the next).
    steps = [p for p in document.paragraphs if "emulation-vote tally" in p.text or "emulation-vote verify" in p.text]
    texts = [piece.text or "" for p in steps for piece in p._p.iter(qn("w:t"))]
    assert len(steps) == 2 and texts and not any("-" in text for text in texts)
    assert body.index("PHỤ LỤC: DỮ LIỆU KIỂM PHIẾU") > next(
        i for i, p in enumerate(body) if p.startswith("Biên bản kết thúc")
    )


def test_minutes_output_rules(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    args = ["minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    before = out.read_bytes()
    refused = invoke(runner, *args)
    assert refused.exit_code == 2 and out.read_bytes() == before
    assert invoke(runner, *args, "--force").exit_code == 0
    inputs = [SEED / "election.toml", SEED / "ballots-wide.csv"]
    bad = invoke(runner, "minutes", *inputs, "-o", tmp_path / "bb.txt")
    assert bad.exit_code == 2 and ".txt" in bad.stderr and ".pdf" in bad.stderr
    binary = invoke(runner, "minutes", *inputs, "--format", "docx")
    assert binary.exit_code == 2 and "--output" in binary.stderr and not binary.stdout
    mismatch = invoke(runner, "minutes", *inputs, "--format", "pdf", "-o", tmp_path / "x.docx")
    assert mismatch.exit_code == 2 and not (tmp_path / "x.docx").exists()
    md = invoke(runner, "minutes", *inputs, "--format", "md", "-o", tmp_path / "x.txt")
    assert md.exit_code == 0 and (tmp_path / "x.txt").read_text(encoding="utf-8").startswith("TỈNH ỦY LÀO CAI")


def test_pdf_without_libreoffice_names_the_package(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EMULATION_VOTE_SOFFICE", str(tmp_path / "no-such-soffice"))
    out = tmp_path / "bb.pdf"
    result = invoke(runner, "minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "libreoffice-writer" in result.stderr and "apt-get install" in result.stderr


def _with_header(source: Path, folder: Path, form: str) -> Path:
    """A copy of an election file with its header form replaced."""
    text = source.read_text(encoding="utf-8")
    text = re.sub(r'header = "(party|state)"', f'header = "{form}"', text)
    target = folder / f"{form}-{source.parent.name}.toml"
    target.write_text(text, encoding="utf-8")
    return target


GOLDEN_CASES = {
    "minutes-party": ("party", SEED, ["ballots-wide.csv"]),
    "minutes-state": ("state", SEED, ["ballots-wide.csv"]),
    "minutes-party-runoff": ("party", TIE, ["round1.csv", "round2.csv"]),
    "minutes-state-runoff": ("state", TIE, ["round1.csv", "round2.csv"]),
}


@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_golden_markdown_minutes(runner: CliRunner, tmp_path: Path, case: str) -> None:
    form, folder, files = GOLDEN_CASES[case]
    election = _with_header(folder / "election.toml", tmp_path, form)
    result = invoke(runner, "minutes", election, *[folder / name for name in files])
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / f"{case}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == result.stdout, f"{case} differs; UPDATE_GOLDEN=1 rewrites it"


def test_annex_of_part_of_a_conference_recounts_that_part(runner: CliRunner) -> None:
    two = SAMPLES / "two-contests"
    args = ["minutes", two / "election.toml", two / "ballots.csv", "--contest", "bang-khen", "--annex"]
    text = invoke(runner, *args).stdout
    annex = text[text.index("## Phụ lục") :]
    assert "emulation-vote tally election.toml ballots.csv --contest bang-khen --format json" in annex
    assert "emulation-vote verify" not in annex  # verify re-counts the whole conference
    tally = invoke(runner, "tally", two / "election.toml", two / "ballots.csv", "--contest", "bang-khen", "-f", "json")
    assert tally.stdout.split('"fingerprint": "', 1)[1].split('"', 1)[0] in annex


def test_the_vietnamese_annex_and_score_code_words() -> None:
    from emulation_vote.i18n import t
    from emulation_vote.vocab import Language

    step = t("m.annex_step_tally", Language.vi, command="emulation-vote tally")
    assert "fingerprint" not in step and "mã kiểm chứng" in step
    # the score code ends the line with nothing after it, so it can be copied whole
    assert t("sc.fingerprint", Language.vi, fingerprint="sha256:ab").endswith("sha256:ab")
    assert t("sc.fingerprint", Language.en, fingerprint="sha256:ab").endswith("sha256:ab")

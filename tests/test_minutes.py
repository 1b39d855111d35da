"""The minutes (biên bản kiểm phiếu): content, order, DOCX layout, languages, blanks, runoff rounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from helpers import SAMPLES, election_toml, invoke, list_rows, write_csv

SEED = SAMPLES / "seed"
TIE = SAMPLES / "tie-runoff"


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
    "KHỐI THI ĐUA CÁC CƠ QUAN TỈNH ỦY",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
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
    "Số phiếu thu vào: 26 phiếu",
    "Số phiếu hợp lệ: 24 phiếu",
    "Số phiếu không hợp lệ: 2 phiếu",
    "không có dấu: 1",
    "chọn quá số lượng: 1",
    "quá 1/2 số phiếu hợp lệ (24 phiếu): cần ít nhất 13 phiếu",
    "91,67",
    "79,17",
    "8,33",
    "1. Trường Chính trị tỉnh: 22 phiếu, đạt 91,67%",
    "2. Văn phòng Tỉnh ủy: 19 phiếu, đạt 79,17%",
    "sha256:fab8c709afae4a30566707a352590dcb949e2c3b2bda912abbda469bc1214823",
    "Biên bản được lập xong vào hồi",
    "T/M BAN KIỂM PHIẾU",
    "TRƯỞNG BAN",
    "(Ký, ghi rõ họ tên)",
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
    # in order: header, title, opening, committee, figures, results, fingerprint, closing, signatures
    order = [
        "BIÊN BẢN KIỂM PHIẾU",
        "Hôm nay",
        "Ban kiểm phiếu gồm",
        "Số đại biểu được triệu tập",
        "Xếp hạng",
        "Các đơn vị được suy tôn",
        "sha256:",
        "Biên bản được lập xong",
        "T/M BAN KIỂM PHIẾU",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "None" not in text


def test_results_table_is_in_ballot_order(runner: CliRunner, tmp_path: Path) -> None:
    text = seed_minutes(runner, tmp_path, ".md")
    positions = [text.index(f"| {unit}") for unit in UNITS]
    assert positions == sorted(positions)


def test_docx_layout(runner: CliRunner, tmp_path: Path) -> None:
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
    header, results = document.tables[0], document.tables[1]
    assert results.style.name == "Table Grid" and header.style.name != "Table Grid"
    motto = [r for p in header.rows[0].cells[1].paragraphs for r in p.runs if r.text == "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert motto and motto[0].bold and motto[0].underline
    assert [c.text for c in results.rows[0].cells] == ["TT", "Đơn vị", "Số phiếu", "Tỷ lệ (%)", "Xếp hạng"]
    assert [c.text for c in results.rows[7].cells] == ["7", "Trường Chính trị tỉnh", "22", "91,67", "1"]


def test_state_header_has_the_motto(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "bb.docx"
    args = ["minutes", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    document = Document(str(out))
    runs = [r for p in document.tables[0].rows[0].cells[1].paragraphs for r in p.runs]
    texts = [r.text for r in runs]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    motto = runs[texts.index("Độc lập - Tự do - Hạnh phúc")]
    assert motto.bold and motto.underline
    assert "Lào Cai, ngày 05 tháng 01 năm 2024" in docx_text(out)


def test_english_minutes(runner: CliRunner, tmp_path: Path) -> None:
    text = seed_minutes(runner, tmp_path, ".md", "--lang", "en")
    for fact in [
        "MINUTES OF THE BALLOT COUNT",
        "COMMUNIST PARTY OF VIETNAM",
        "Lào Cai, 19 December 2023",
        "Delegates convened: 27",
        "Delegates absent: 1",
        "91.67",
        "FOR THE VOTE-COUNTING COMMITTEE",
        "more than 1/2 of the valid ballots (24): at least 13 votes needed",
    ]:
        assert fact in text, fact
    assert "91,67" not in text


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


def test_runoff_minutes_show_both_rounds(runner: CliRunner) -> None:
    text = invoke(runner, "minutes", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv").stdout
    round1, round2 = text.index("Vòng 1"), text.index("Vòng 2 (bầu lại)")
    assert round1 < round2
    tie = text.index("Các đơn vị Sở Tư pháp, Sở Tài chính có số phiếu bằng nhau (11 phiếu)")
    assert round1 < tie < round2
    assert "Kết quả chung cuộc: các đơn vị được suy tôn là Sở Nội vụ, Sở Tư pháp." in text


def test_pending_runoff_is_stated(runner: CliRunner) -> None:
    text = invoke(runner, "minutes", TIE / "election.toml", TIE / "round1.csv").stdout
    assert "hội nghị cần bầu lại giữa các đơn vị này để chọn 1 đơn vị" in text


def test_minutes_output_rules(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    args = ["minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out]
    assert invoke(runner, *args).exit_code == 0
    before = out.read_bytes()
    refused = invoke(runner, *args)
    assert refused.exit_code == 2 and out.read_bytes() == before
    assert invoke(runner, *args, "--force").exit_code == 0
    bad = invoke(runner, "minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", tmp_path / "bb.pdf")
    assert bad.exit_code == 2 and ".pdf" in bad.stderr
    assert not (tmp_path / "bb.pdf").exists()


def test_two_contests_are_numbered(runner: CliRunner) -> None:
    folder = SAMPLES / "two-contests"
    text = invoke(runner, "minutes", folder / "election.toml", folder / "ballots.csv").stdout
    assert "## I. Suy tôn đơn vị đề nghị UBND tỉnh tặng Cờ thi đua" in text
    assert "## II. Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen" in text
    assert "Còn 1 chỉ tiêu không có đơn vị đạt tỷ lệ quy định." in text

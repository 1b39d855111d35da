"""The minutes as PDF, through LibreOffice: the layout a signer reads, page by page.

These tests render through LibreOffice and read the PDF's text with pdftotext (poppler-utils).
They are skipped, with the reason, when either is missing; `.ci/run` installs both when it can.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.pdf import PACKAGE, find_libreoffice

from helpers import SAMPLES, invoke

SEED = SAMPLES / "seed"
TIE = SAMPLES / "tie-runoff"
CODE = "sha256:fab8c709afae4a30566707a352590dcb949e2c3b2bda912abbda469bc1214823"

needs_libreoffice = pytest.mark.skipif(
    find_libreoffice() is None or shutil.which("pdftotext") is None,
    reason=f"LibreOffice ({PACKAGE}) and pdftotext (poppler-utils) are needed to render and read the PDF",
)


def pages(pdf: Path) -> list[list[str]]:
    """The PDF's text, page by page, line by line, as laid out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f") if page.strip()]


def render(
    runner: CliRunner, out: Path, election: Path, *ballots: Path, extra: tuple[str, ...] = ()
) -> list[list[str]]:
    result = invoke(runner, "minutes", election, *ballots, "-o", out, *extra)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    return pages(out)


def one_line(page: list[str], *parts: str) -> bool:
    """Whether one line of the page holds every part, in order (so they share a baseline)."""
    for line in page:
        at = 0
        for part in parts:
            at = line.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


@needs_libreoffice
def test_party_minutes_pdf(runner: CliRunner, tmp_path: Path) -> None:
    document = render(
        runner, tmp_path / "bb.pdf", SEED / "election.toml", SEED / "ballots-wide.csv", extra=("--annex",)
    )
    first, *rest = document
    assert one_line(first, "TỈNH ỦY LÀO CAI", "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert one_line(first, "KHỐI THI ĐUA") and one_line(first, "CÁC CƠ QUAN TỈNH ỦY")
    assert one_line(first, "Số: ……/BB-KP", "Lào Cai, ngày 19 tháng 12 năm 2023")
    # the verification code on every page's foot; page numbers from page 2
    for number, page in enumerate(document, 1):
        assert page[-1].startswith(f"Mã kiểm chứng: {CODE}"), page[-1]
        assert page[-1].endswith(CODE if number == 1 else f" {number}")
    # the page that holds the signatures holds more than them; the names share a baseline
    signed = next(page for page in document if any("T/M BAN KIỂM PHIẾU" in line for line in page))
    assert any(line.startswith("Biên bản kết thúc") for line in signed)
    assert one_line(signed, "Trần Văn Minh", "Lê Thị Thu", "Nguyễn Thị Hoa")
    assert one_line(signed, "Lý Văn Hải", "Lưu Thị Nụ")
    assert "sha256" not in " ".join(line for page in document[:-1] for line in page[:-1])
    # the annex is the last page
    assert rest and one_line(rest[-1], "PHỤ LỤC: DỮ LIỆU KIỂM PHIẾU") and one_line(rest[-1], CODE)
    assert signed is not rest[-1]


@needs_libreoffice
def test_state_minutes_pdf_and_one_line_names(runner: CliRunner, tmp_path: Path) -> None:
    document = render(runner, tmp_path / "bb.pdf", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv")
    first = document[0]
    assert one_line(first, "CỤM THI ĐUA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert one_line(first, "CÁC SỞ, BAN, NGÀNH", "Độc lập - Tự do - Hạnh phúc")
    assert one_line(first, "Số: 02/BB-KP", "Lào Cai, ngày 05 tháng 01 năm 2024")
    signed = document[-1]
    assert any(line.startswith("Biên bản kết thúc") for line in signed)
    assert one_line(signed, "THƯ KÝ", "T/M BAN KIỂM PHIẾU") and one_line(signed, "Đỗ Thị Mai", "Phạm Văn Hùng")
    # an organisation name the secretary did not break stays whole when it can fit
    election = tmp_path / "one-line.toml"
    text = (SEED / "election.toml").read_text(encoding="utf-8")
    text = text.replace('"KHỐI THI ĐUA\\nCÁC CƠ QUAN TỈNH ỦY"', '"KHỐI THI ĐUA CÁC CƠ QUAN TỈNH ỦY"')
    election.write_text(text, encoding="utf-8")
    first = render(runner, tmp_path / "one.pdf", election, SEED / "ballots-wide.csv")[0]
    assert one_line(first, "KHỐI THI ĐUA CÁC CƠ QUAN TỈNH ỦY")


def test_find_libreoffice_honours_the_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    monkeypatch.setenv("EMULATION_VOTE_SOFFICE", str(fake))
    assert find_libreoffice() is None
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    assert find_libreoffice() == str(fake)


def test_a_failing_libreoffice_is_reported(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("EMULATION_VOTE_SOFFICE", str(fake))
    out = tmp_path / "bb.pdf"
    result = invoke(runner, "minutes", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out, "--lang", "en")
    assert result.exit_code == 2 and not out.exists()
    assert "could not convert the minutes to PDF: source file could not be loaded" in result.stderr

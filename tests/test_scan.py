"""Reading the printed papers back from scans: the papers of ``ballots`` marked as people mark them, distorted as
scanners and phones distort them, then read by ``scan``.  Every clear mark is read right, every ambiguous one goes to
review, nothing is guessed.  (The 2,000-paper set is bench/scan_bench.py; its rates are in docs/scan.md.)"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SAMPLES, invoke

cv2 = pytest.importorskip("cv2")
pytest.importorskip("zxingcpp")
pytest.importorskip("pypdfium2")

from scanmaker import DISTORTIONS, distort, mark_papers, render_pages  # noqa: E402

from emulation_vote.election import load_election  # noqa: E402 - after the skips: the scan extra may be absent
from emulation_vote.entrylog import check_log, read_entries  # noqa: E402
from emulation_vote.paper import paper_layouts  # noqa: E402
from emulation_vote.scan import Scanner, Source, scan_images  # noqa: E402

SEED = SAMPLES / "seed" / "election.toml"
STRIKE = SAMPLES / "strike" / "election.toml"


def printed(runner: CliRunner, tmp_path: Path, election: Path, count: int, *args: str) -> Path:
    pdf = tmp_path / f"{election.parent.name}.pdf"
    result = invoke(runner, "ballots", election, "--output", pdf, "--count", str(count), *args)
    assert result.exit_code == 0, result.output
    return pdf


def check_readings(
    election_path: Path, pdf: Path, count: int, seed: int, dpi: int, ambiguous: float
) -> tuple[int, int]:
    """Mark, distort and read ``count`` papers; assert no wrong reading; return (read, review)."""
    election = load_election(election_path)
    layout = paper_layouts(election, election.contests, None, "vi")[0]
    rng = random.Random(seed)
    pages = render_pages(pdf, dpi)
    marked = {m.number: m for m in mark_papers(pages, layout, 1, count, dpi, rng, ambiguous)}
    scanner = Scanner(election)
    read = review = 0
    seen = set()
    for index, page in enumerate(pages):
        which = tuple(rng.sample(DISTORTIONS, rng.randint(1, 4)))
        for paper in scanner.read_page(Source(f"page{index}.png", 1, ""), distort(page, rng, which)):
            if paper.number is not None:
                seen.add(paper.number)
            if not paper.readable:
                review += 1
                continue
            read += 1
            truth = marked[paper.number]
            assert not truth.ambiguous, (paper.number, truth.marks, paper.boxes)
            assert paper.chosen(layout.style) == truth.expected(layout), (paper.number, truth.marks, which, paper.boxes)
    assert all(m.ambiguous is False for n, m in marked.items() if n not in seen) or review
    return read, review


def test_clear_and_ambiguous_tick_marks_through_distortions(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, SEED, 16)
    read, review = check_readings(SEED, pdf, 16, seed=11, dpi=200, ambiguous=0.25)
    assert read + review >= 16 and read >= 9


def test_strike_papers_read_by_the_line_through_the_name(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, STRIKE, 12)
    read, review = check_readings(STRIKE, pdf, 12, seed=5, dpi=170, ambiguous=0.25)
    assert read + review >= 12 and read >= 6


def test_unmarked_pdf_reads_as_blank_ballots_with_a_checked_log(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, SEED, 3)
    out = tmp_path / "phieu.csv"
    result = invoke(runner, "scan", SEED, pdf, "--output", out)
    assert result.exit_code == 0, result.output
    assert "3 phiếu đọc được, 0 phiếu cần xem lại" in result.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["contest,ballot_id,round,choices,invalid", *(f"co-thi-dua,{n},1,," for n in (1, 2, 3))]
    log = tmp_path / "phieu.csv.log"
    assert check_log(log).intact
    entries = read_entries(log)
    assert [e["action"] for e in entries] == ["scan", "paper", "paper", "paper", "scan_end"]
    assert entries[1]["qr"].startswith("EV1|co-thi-dua|1|") and entries[1]["page"] == 1
    assert all(box[-1] == "empty" for box in entries[1]["boxes"]) and len(entries[1]["boxes"]) == 9
    assert invoke(runner, "check-log", log).exit_code == 0
    assert invoke(runner, "scan", SEED, pdf, "--output", out).exit_code == 2  # never overwrites without --force


def test_scanned_file_is_an_ordinary_ballot_file(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, SEED, 4)
    election = load_election(SEED)
    layout = paper_layouts(election, election.contests, None, "vi")[0]
    pages = render_pages(pdf, 200)
    rng = random.Random(2)
    marked = mark_papers(pages, layout, 1, 4, 200, rng)
    images = []
    for index, page in enumerate(pages):
        images.append(tmp_path / f"scan{index}.png")
        cv2.imwrite(str(images[-1]), page)
    out = tmp_path / "scanned.csv"
    assert invoke(runner, "scan", SEED, *images, "--output", out).exit_code == 0
    typed = tmp_path / "typed.csv"
    rows = ["contest,ballot_id,round,choices,invalid"]
    rows += [f"co-thi-dua,{m.number},1,{';'.join(m.expected(layout))}," for m in marked]
    typed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke(runner, "compare", SEED, out, typed)
    assert result.exit_code == 0, result.output
    counted = tmp_path / "election.toml"  # the figures settled after printing: the papers still belong to it
    counted.write_text(SEED.read_text(encoding="utf-8").replace("collected = 26", "collected = 4"), encoding="utf-8")
    tally = invoke(runner, "tally", counted, out, "--format", "json")
    assert tally.exit_code == 0, tally.output
    assert json.loads(tally.stdout)["contests"][0]["ballots"]["cast"] == 4


def test_other_election_is_refused_naming_image_and_page(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(SEED.read_text(encoding="utf-8").replace("Báo Lào Cai", "Báo Lào Cai điện tử"), encoding="utf-8")
    pdf = printed(runner, tmp_path, other, 2)
    result = invoke(runner, "scan", SEED, pdf, "--output", tmp_path / "p.csv")
    assert result.exit_code == 1
    assert f"{pdf}: trang 1: phiếu này không phải phiếu vòng đầu của hội nghị này" in result.output
    assert not (tmp_path / "p.csv").exists()


def test_covered_qr_and_a_number_seen_twice_go_to_review(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, SEED, 2, "--per-page", "1")
    pages = render_pages(pdf, 150)
    election = load_election(SEED)
    layout = paper_layouts(election, election.contests, 1, "vi")[0]
    covered = pages[0].copy()
    k = 150 / 25.4
    x, y = (9 + layout.qr.x - 2) * k, (9 + layout.qr.y - 2) * k
    cv2.rectangle(covered, (round(x), round(y)), (round(x + 22 * k), round(y + 22 * k)), 120, -1)  # a thumb
    images = []
    for name, image in (("covered", covered), ("second", pages[1]), ("again", pages[1])):
        images.append(tmp_path / f"{name}.jpg")
        cv2.imwrite(str(images[-1]), image)
    out = tmp_path / "p.csv"
    result = invoke(runner, "scan", SEED, *images, "--output", out)
    assert result.exit_code == 1
    assert "Còn 3 phiếu cần Ban kiểm phiếu xem lại" in result.output
    assert out.read_text(encoding="utf-8-sig").splitlines() == ["contest,ballot_id,round,choices,invalid"]
    review = json.loads((tmp_path / "p.csv.review.json").read_text(encoding="utf-8"))
    problems = [(Path(p["file"]).name, p["problems"]) for p in review["papers"]]
    assert problems == [("covered.jpg", ["no_qr"]), ("second.jpg", ["number_twice"]), ("again.jpg", ["number_twice"])]
    assert all(Path(p["image"]).exists() for p in review["papers"])
    assert check_log(tmp_path / "p.csv.log").intact


def test_without_the_scan_extra_the_message_names_what_to_install(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    import emulation_vote.scan as scan

    real = importlib.import_module

    def missing(name: str, package: str | None = None) -> object:
        if name == "cv2":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(scan.importlib, "import_module", missing)
    pdf = printed(runner, tmp_path, SEED, 1)
    result = invoke(runner, "scan", SEED, pdf, "--output", tmp_path / "p.csv", "--lang", "en")
    assert result.exit_code == 2
    assert "can needs the package 'opencv-python-headless', which is not installed: " in result.output
    assert 'pip install "emulation-vote[scan]"' in result.output


def test_blank_page_and_unreadable_image(runner: CliRunner, tmp_path: Path) -> None:
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((800, 600), 250, np.uint8))
    result = scan_images(load_election(SEED), [blank])
    assert [p.problems for p in result.review] == [("nothing_found",)] and not result.ballots
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    result2 = invoke(runner, "scan", SEED, broken, "--output", tmp_path / "p.csv")
    assert result2.exit_code == 1 and "broken.png: không mở được ảnh" in result2.output


def test_review_at_a_terminal_records_the_clerks_reading(runner: CliRunner, tmp_path: Path) -> None:
    import sys

    pexpect = pytest.importorskip("pexpect")
    pdf = printed(runner, tmp_path, SEED, 1, "--per-page", "1")
    page = render_pages(pdf, 150)[0]
    election = load_election(SEED)
    layout = paper_layouts(election, election.contests, 1, "vi")[0]
    k = 150 / 25.4
    x, y = (9 + layout.qr.x - 2) * k, (9 + layout.qr.y - 2) * k
    cv2.rectangle(page, (round(x), round(y)), (round(x + 22 * k), round(y + 22 * k)), 120, -1)
    image = tmp_path / "covered.png"
    cv2.imwrite(str(image), page)
    out = tmp_path / "p.csv"
    args = ["-m", "emulation_vote", "scan", str(SEED), str(image), "--output", str(out), "--review", "--clerk", "Hoa"]
    child = pexpect.spawn(sys.executable, args, encoding="utf-8", timeout=60, dimensions=(40, 160))
    child.expect("không đọc được mã QR")
    child.expect("Số phiếu in trên phiếu")
    child.sendline("1")
    child.expect("Đọc phiếu")
    child.sendline("12")
    child.expect("không hiểu '12'")
    child.expect("Đọc phiếu")
    child.sendline("3 5")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[1] == "co-thi-dua,1,1,BNC;BDV,"
    entries = read_entries(tmp_path / "p.csv.log")
    reviewed = [e for e in entries if e["action"] == "reviewed"]
    assert reviewed[0]["clerk"] == "Hoa" and reviewed[0]["choices"] == ["BNC", "BDV"]
    assert entries[-1]["action"] == "scan_end" and entries[-1]["review"] == 0


def test_review_refuses_a_number_a_paper_already_has(runner: CliRunner, tmp_path: Path) -> None:
    """A paper whose QR code did not read cannot take the number of a paper that did: no ballot id twice."""
    import sys

    pexpect = pytest.importorskip("pexpect")
    pdf = printed(runner, tmp_path, SEED, 2, "--per-page", "1")
    first, second = render_pages(pdf, 150)
    election = load_election(SEED)
    layout = paper_layouts(election, election.contests, 1, "vi")[0]
    k = 150 / 25.4
    x, y = (9 + layout.qr.x - 2) * k, (9 + layout.qr.y - 2) * k
    cv2.rectangle(second, (round(x), round(y)), (round(x + 22 * k), round(y + 22 * k)), 120, -1)
    images = [tmp_path / "1.png", tmp_path / "2.png"]
    cv2.imwrite(str(images[0]), first)
    cv2.imwrite(str(images[1]), second)
    out = tmp_path / "p.csv"
    args = ["-m", "emulation_vote", "scan", str(SEED), *map(str, images), "--output", str(out), "--review"]
    child = pexpect.spawn(sys.executable, args, encoding="utf-8", timeout=60, dimensions=(40, 160))
    child.expect("không đọc được mã QR")
    child.expect("Số phiếu in trên phiếu")
    child.sendline("1")
    child.expect("'1' không dùng được: số phiếu phải là số chưa có trong nội dung co-thi-dua")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1  # the paper stays for review
    assert [line.split(",")[1] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]] == ["1"]


def test_multipage_tiff_pages_are_named_in_the_log(runner: CliRunner, tmp_path: Path) -> None:
    pdf = printed(runner, tmp_path, SEED, 2, "--per-page", "1")
    tiff = tmp_path / "scanner.tif"
    assert cv2.imwritemulti(str(tiff), render_pages(pdf, 150))
    out = tmp_path / "p.csv"
    result = invoke(runner, "scan", SEED, tiff, "--output", out)
    assert result.exit_code == 0, result.output
    papers = [e for e in read_entries(tmp_path / "p.csv.log") if e["action"] == "paper"]
    assert [(Path(e["file"]).name, e["page"], e["ballot_id"]) for e in papers] == [
        ("scanner.tif", 1, "1"),
        ("scanner.tif", 2, "2"),
    ]


@pytest.mark.parametrize("typed", ["²", "٢", "1 ³"])
def test_a_reading_takes_ascii_digits_only(typed: str) -> None:
    """A superscript or another script's digit is not a unit number: the reading is refused, never a crash."""
    from emulation_vote.scan import parse_reading

    election = load_election(SEED)
    assert parse_reading(typed, election.contests[0]) is None
    assert parse_reading("1 2", election.contests[0]) is not None

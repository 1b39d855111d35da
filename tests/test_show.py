"""The projector page and the charts: the HTML holds every figure and nothing external; a real browser shows it."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emulation_vote.cli.show import chart_paths
from emulation_vote.i18n import fmt_percent
from emulation_vote.paper import font_bytes
from emulation_vote.pipeline import count_files
from emulation_vote.record import ElectionRecord
from emulation_vote.render.chart import render_chart
from emulation_vote.render.show import COLOURS, render_show_html
from emulation_vote.render.slides import build_slides
from emulation_vote.vocab import ShowFormat

from helpers import SAMPLES, count_list, invoke

SEED = SAMPLES / "seed"
TIE = SAMPLES / "tie-runoff"
TWO = SAMPLES / "two-contests"


def seed() -> ElectionRecord:
    return count_files(SEED / "election.toml", [SEED / "ballots-wide.csv"])


def tie(*rounds: str) -> ElectionRecord:
    return count_files(TIE / "election.toml", [TIE / name for name in rounds])


class Page(HTMLParser):
    """Collects the text, the elements and every attribute of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_page_holds_every_unit_vote_and_percent() -> None:
    record = seed()
    page = parse(render_show_html(record))
    text = " ".join(page.text)
    for candidate in record.contests[0].first.candidates:
        assert candidate.name in text
        assert f"{candidate.votes} phiếu · {fmt_percent(candidate.percent)}" in text
    for figure in ("Phát ra", "Thu vào", "Hợp lệ", "Không hợp lệ"):
        assert figure in text
    assert "quá 1/2 số phiếu hợp lệ (24 phiếu): cần ít nhất 13 phiếu" in text
    assert "Được suy tôn: Trường Chính trị tỉnh, Văn phòng Tỉnh ủy" in text
    assert record.fingerprint in text
    assert page.tags.count("section") == 1 and page.tags.count("svg") == 1
    assert ("lang", "vi") in page.attrs


def fonts() -> dict[bool, bytes]:
    return {bold: font_bytes(bold) for bold in (False, True)}


def test_page_loads_nothing_from_anywhere() -> None:
    html = render_show_html(tie("round1.csv", "round2.csv"), fonts=fonts())
    page = parse(html)
    assert re.findall(r"url\((\w+):", html) == ["data", "data"]  # the two embedded fonts, nothing else
    rest = re.sub(r"url\(data:[^)]*\)", "", html)
    assert "http" not in rest.lower() and "//" not in re.sub(r"<script>.*?</script>", "", rest, flags=re.S)
    assert "@import" not in html
    assert html.count("@font-face") == 2
    assert not [name for name, _ in page.attrs if name in ("src", "srcset", "data")]
    assert all(value.startswith("#") for name, value in page.attrs if name == "href")
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "main", "section", "p", "h1", "ul"} | {
        "li",
        "b",
        "div",
        "svg",
        "rect",
        "line",
        "text",
        "g",
        "footer",
        "span",
        "nav",
        "a",
        "script",
    }


def test_selected_units_are_highlighted_and_the_threshold_drawn() -> None:
    html = render_show_html(seed())
    assert html.count('class="bar selected"') == 2
    assert html.count(f'fill="{COLOURS["selected"]}"') == 2
    assert html.count('class="threshold"') == 1
    assert "Ngưỡng: 13 phiếu" in html


def test_threshold_line_sits_at_the_votes_needed() -> None:
    slide = build_slides(seed())[0]
    assert slide.needed == 13 and slide.scale == 24
    html = render_show_html(seed())
    bar = re.search(r'class="bar selected" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', html)
    line = re.search(r'class="threshold" x1="([\d.]+)"', html)
    assert bar is not None and line is not None
    x0, width22 = float(bar.group(1)), float(bar.group(2))
    assert float(line.group(1)) - x0 == pytest.approx(width22 * 13 / 22, abs=0.2)


def test_a_runoff_is_stated_on_its_page_and_the_runoff_round_has_its_own() -> None:
    page = parse(render_show_html(tie("round1.csv")))
    text = " ".join(page.text)
    assert "PHẢI BẦU LẠI: Sở Tư pháp, Sở Tài chính bằng phiếu ở vị trí cuối" in text
    both = render_show_html(tie("round1.csv", "round2.csv"), "en")
    assert both.count("<section") == 2
    assert 'id="co-thi-dua-vong-1"' in both and 'id="co-thi-dua-vong-2"' in both
    assert "Round 2 (runoff)" in both and "RUNOFF NEEDED" in both
    assert 'href="#co-thi-dua-vong-2"' in both and "Page 1 of 2" in both


def test_winners_only_keeps_the_selected_units_with_their_ranks() -> None:
    record = seed()
    html = render_show_html(record, winners_only=True)
    assert "Trường Chính trị tỉnh" in html and "Văn phòng Tỉnh ủy" in html
    assert "Báo Lào Cai" not in html and "Ban Nội chính Tỉnh ủy" not in html
    assert "Chỉ hiển thị các đơn vị được suy tôn." in html
    assert html.count('<g class="row selected">') == 2


def test_winners_only_with_nobody_selected_says_so(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A", "B", "C", "D"], seats=1, threshold={"share": "1/2", "strict": True})
    html = render_show_html(record, winners_only=True)
    assert "Không có đơn vị nào được suy tôn." in html and "<svg" not in html


def test_text_is_escaped(tmp_path: Path) -> None:
    record = count_list(
        tmp_path, ["A", "A", "B"], seats=1, candidates=[("A", "<b>Sở & Ban</b>"), ("B", 'Sở "Xây" dựng')]
    )
    html = render_show_html(record)
    assert "<b>Sở" not in html and "&lt;b&gt;Sở &amp; Ban&lt;/b&gt;" in html


def test_show_command_writes_the_page(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.html"
    result = invoke(runner, "show", SEED / "election.toml", SEED / "ballots-wide.csv", "--output", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Đã ghi {out}\n"
    assert out.read_text(encoding="utf-8") == render_show_html(seed(), fonts=fonts())
    again = invoke(runner, "show", SEED / "election.toml", SEED / "ballots-wide.csv", "--output", out)
    assert again.exit_code == 2 and "--force" in again.stderr


def test_show_command_prints_the_page_without_output(runner: CliRunner) -> None:
    result = invoke(runner, "show", SEED / "election.toml", SEED / "ballots-wide.csv", "--winners-only", "-l", "en")
    assert result.exit_code == 0
    assert result.stdout == render_show_html(seed(), "en", winners_only=True, fonts=fonts())


def test_show_open_writes_and_opens(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    out = tmp_path / "p.html"
    result = invoke(runner, "show", SEED / "election.toml", SEED / "ballots-wide.csv", "-o", out, "--open")
    assert result.exit_code == 0
    assert opened == [out.resolve().as_uri()]
    assert f"Đã mở {out} trong trình duyệt" in result.stderr
    monkeypatch.setattr("webbrowser.open", lambda url: False)
    result = invoke(runner, "show", SEED / "election.toml", SEED / "ballots-wide.csv", "--open")
    assert result.exit_code == 0 and "không mở được trình duyệt" in result.stderr
    written = Path(re.search(r"Đã ghi (\S+)", result.stderr).group(1))  # type: ignore[union-attr]
    assert written.name == "ket-qua.html" and written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    shutil.rmtree(written.parent)


def test_show_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    args = (SEED / "election.toml", SEED / "ballots-wide.csv")
    result = invoke(runner, "show", *args, "--format", "png")
    assert result.exit_code == 2
    assert result.stderr == "Lỗi: Định dạng png ghi ra tệp: thêm --output TỆP (ví dụ --output ket-qua.png).\n"
    result = invoke(runner, "show", *args, "-o", tmp_path / "a.svg", "--open")
    assert result.exit_code == 2 and "--open chỉ dùng với trang trình chiếu" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_chart_paths() -> None:
    assert chart_paths(Path("d/kq.png"), ShowFormat.png, ["co"]) == [Path("d/kq.png")]
    assert chart_paths(Path("d/kq.png"), ShowFormat.svg, ["co"]) == [Path("d/kq.svg")]
    assert chart_paths(Path("kq"), ShowFormat.png, ["a", "b"]) == [Path("kq-a.png"), Path("kq-b.png")]
    assert chart_paths(Path("kq.v2.svg"), ShowFormat.svg, ["a"]) == [Path("kq.v2.svg")]


def test_show_writes_a_chart_per_contest_round(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "bieu-do.png"
    result = invoke(runner, "show", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv", "-o", out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["bieu-do-co-thi-dua-vong-1.png", "bieu-do-co-thi-dua-vong-2.png"]
    again = invoke(runner, "show", TIE / "election.toml", TIE / "round1.csv", TIE / "round2.csv", "-o", out)
    assert again.exit_code == 2 and "bieu-do-co-thi-dua-vong-1.png" in again.stderr
    result = invoke(runner, "show", TWO / "election.toml", TWO / "ballots.csv", "-o", tmp_path / "two.svg")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("two*")) == ["two-bang-khen.svg", "two-co-thi-dua.svg"]


def test_svg_chart_keeps_vietnamese_text_as_text() -> None:
    record = seed()
    svg = render_chart(build_slides(record)[0], "svg", "Mã kiểm chứng: " + record.fingerprint).decode("utf-8")
    assert svg.count("<svg") == 1 and "DejaVu Sans" in svg
    for text in (
        "Suy tôn đơn vị đề nghị UBND tỉnh tặng Cờ thi đua",
        "1.  Trường Chính trị tỉnh",
        "6.  Đảng ủy Khối Cơ quan - Doanh nghiệp",
        "22 phiếu · 91,67%",
        "0 phiếu · 0,00%",
        "Ngưỡng: 13 phiếu",
        "Tỷ lệ: quá 1/2 số phiếu hợp lệ (24 phiếu): cần ít nhất 13 phiếu",
        "Được suy tôn: Trường Chính trị tỉnh, Văn phòng Tỉnh ủy",
        "Mã kiểm chứng: " + record.fingerprint,
    ):
        assert f">{text}<" in svg, text
    assert render_chart(build_slides(record)[0], "svg") == render_chart(build_slides(record)[0], "svg")


def test_png_chart_is_a_chart() -> None:
    from PIL import Image

    image = Image.open(__import__("io").BytesIO(render_chart(build_slides(tie("round1.csv"))[0], "png")))
    assert image.size == (1600, 900)
    pixels = image.convert("RGB")
    counts = colour_counts(pixels)
    assert counts["selected"] > 5_000 and counts["tied"] > 10_000 and counts["not_selected"] > 1_000
    assert len(pixels.getcolors(1 << 20) or []) > 50  # text and antialiasing, not a flat picture


def colour_counts(image: object) -> dict[str, int]:
    """How many pixels are (nearly) each bar colour."""
    colours = image.getcolors(1 << 22)  # type: ignore[attr-defined]
    out = {}
    for status, hex_colour in COLOURS.items():
        target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        out[status] = sum(n for n, rgb in colours if max(abs(a - b) for a, b in zip(rgb[:3], target, strict=True)) <= 6)
    return out


# --- a real browser ---------------------------------------------------------------------------------------------

BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium here (.ci/run installs the Debian package 'chromium' with apt-get)"
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    profile = tmp_path / "profile"
    flags = (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--window-size=1280,720",
    )
    return subprocess.run([BROWSER, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


@needs_browser
def test_browser_dom_after_load_holds_the_figures(tmp_path: Path) -> None:
    record = seed()
    page = tmp_path / "ket-qua.html"
    page.write_text(render_show_html(record, fonts=fonts()), encoding="utf-8")
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert 'data-keys="on"' in dom  # the navigation script ran
    for candidate in record.contests[0].first.candidates:
        assert candidate.name in dom and f"{candidate.votes} phiếu · {fmt_percent(candidate.percent)}" in dom
    assert "Ngưỡng: 13 phiếu" in dom and record.fingerprint in dom


@needs_browser
def test_browser_screenshot_shows_the_chart(tmp_path: Path) -> None:
    from PIL import Image

    page = tmp_path / "ket-qua.html"
    page.write_text(render_show_html(tie("round1.csv"), fonts=fonts()), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 720)
    counts = colour_counts(image)
    # One selected bar, two tied bars, one short grey bar, all drawn at a legible size.
    assert counts["selected"] > 4_000 and counts["tied"] > 8_000 and counts["not_selected"] > 500
    assert counts["tied"] > counts["selected"]
    assert len(image.getcolors(1 << 22) or []) > 100


LONG = [(chr(65 + i), f"Sở số {i + 1} với một cái tên rất dài của đơn vị thứ {i + 1}") for i in range(20)]


def test_a_long_list_continues_on_the_next_page_at_the_same_scale(tmp_path: Path) -> None:
    ballots = ["A;B;C", "A;B;D", "A;E;F", "G;H;I", "J;K;L", "M;N;O", "P;Q;R", "S;T;A"]
    record = count_list(tmp_path, ballots, seats=3, max_marks=3, candidates=LONG)
    html = render_show_html(record)
    page = parse(html)
    assert page.tags.count("section") == 2
    assert 'id="co-p1"' in html and 'id="co-p2"' in html
    assert "Cờ thi đua (1/2)" in html and "Cờ thi đua (2/2)" in html
    for _, name in LONG:
        assert html.count(f">{name}</text>") == 1
    slides = build_slides(record, per_page=12)
    assert slides[0].closing == () and html.count(f"<li>{slides[1].closing[0]}</li>") == 1  # the outcome, at the end
    assert [len(s.bars) for s in slides] == [12, 8] and slides[0].scale == slides[1].scale
    assert [len(s.bars) for s in build_slides(record)] == [20]  # charts keep the whole list


def test_long_names_leave_the_bars_room(tmp_path: Path) -> None:
    record = count_list(tmp_path, ["A", "A", "B"], seats=1, candidates=LONG[:3])
    html = render_show_html(record, "en")
    width = float(re.search(r'viewBox="0 0 (\d+) ', html).group(1))  # type: ignore[union-attr]
    found = re.findall(r'class="bar \w+" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', html)
    bars = [(float(x), float(w)) for x, w in found]
    full = width - bars[0][0]
    assert bars[0][1] > 0.3 * full and all(x + w < width for x, w in bars)
    assert "2 votes · 66.67%" in html and "1 vote · 33.33%" in html and "0 votes · 0.00%" in html


@needs_browser
def test_browser_arrow_keys_move_between_pages(tmp_path: Path) -> None:
    probe = (
        "<script>window.addEventListener('load',function(){"
        "function key(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}))}"
        "key('ArrowRight');var a=location.hash+' '+(window.scrollY>0);"
        "key('ArrowRight');var b=location.hash;key('Home');var c=location.hash+' '+window.scrollY;"
        "document.body.setAttribute('data-probe',[a,b,c].join('|'))});</script>"
    )
    html = render_show_html(tie("round1.csv", "round2.csv"), fonts=fonts())
    page = tmp_path / "ket-qua.html"
    page.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    done = chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found is not None, done.stdout[-2000:]
    assert found.group(1) == "#co-thi-dua-vong-2 true|#co-thi-dua-vong-2|#co-thi-dua-vong-1 0"


def test_the_page_is_not_poured_into_a_terminal() -> None:
    import sys

    import pexpect

    args = ["-m", "emulation_vote", "show", str(SEED / "election.toml"), str(SEED / "ballots-wide.csv")]
    child = pexpect.spawn(sys.executable, args, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "Lỗi: Định dạng html ghi ra tệp: thêm --output TỆP (ví dụ --output ket-qua.html)." in child.before
    assert "<html" not in child.before


def test_a_vote_that_follows_the_ranking_is_shown_with_its_scores(runner: CliRunner, tmp_path: Path) -> None:
    scoring = SAMPLES / "scoring"
    election, ballots = scoring / "election.toml", scoring / "ballots.csv"
    refused = invoke(runner, "show", election, ballots, "--output", tmp_path / "a.html")
    assert refused.exit_code == 2 and "--scores" in refused.stderr
    out = tmp_path / "b.html"
    scores = ["--scores", scoring / "self.csv", "--scores", scoring / "cross.xlsx"]
    result = invoke(runner, "show", election, ballots, *scores, "--output", out)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    # The tie at the last seat goes to the higher total: Văn phòng Tỉnh ủy, not Ban Tổ chức Tỉnh ủy.
    assert "Được suy tôn: Trường Chính trị tỉnh, Văn phòng Tỉnh ủy" in page


def test_the_outcome_over_every_round_is_the_largest_line_of_the_last_round() -> None:
    record = count_files(TIE / "election.toml", [TIE / "round1.csv", TIE / "round2.csv"])
    first, second = build_slides(record)
    final = "Kết quả sau các vòng — được suy tôn: Sở Nội vụ, Sở Tư pháp"
    assert first.final == "" and second.final == final
    assert final not in second.closing and second.closing == ("Được suy tôn: Sở Tư pháp",)
    html = render_show_html(record)
    assert html.count(f'<p class="final">{final}</p>') == 1
    chart = render_chart(second, ShowFormat.svg, "").decode("utf-8")
    assert "Được suy tôn: Sở Tư pháp" in chart and final in chart


def test_every_value_has_its_background_over_the_threshold_line() -> None:
    """The dashed line is drawn before the values; each value sits on a box of its row's colour, as wide as it."""
    svg = render_show_html(seed())
    line_at = svg.index('class="threshold"')
    values = re.findall(
        r'<rect class="value-back" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" rx="6" fill="([^"]+)"/>'
        r'<text class="value" x="([\d.]+)" [^>]*>([^<]+)</text>',
        svg,
    )
    assert len(values) == 9 and svg.index('class="value-back"') > line_at
    for back_x, back_width, fill, text_x, label in values:
        assert float(back_x) < float(text_x)
        assert float(back_width) >= len(label) * 35 * 0.6  # the text's width at 35 units a line, and more
        assert fill.startswith("#")

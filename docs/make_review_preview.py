"""Write docs/scan-review.svg, the screen of ``scan --review`` (run: python docs/make_review_preview.py).

Prints two seed papers, marks one box of paper 1 faintly in pencil (an uncertain box), rasterises the page as a
scanner would, then runs the real command on a pseudo-terminal (pexpect, in the test extra), answers the prompt as a
clerk would, and records what the terminal showed as an SVG (Rich's export).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import pexpect
from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scanmaker import draw_mark, render_pages  # noqa: E402

from emulation_vote.election import load_election  # noqa: E402
from emulation_vote.paper import MARK_INSET, paper_layouts  # noqa: E402


def main() -> None:
    """Make the scan, run the review, save the screen."""
    import random

    election_path = ROOT / "sample_ballots/seed/election.toml"
    election = load_election(election_path)
    layout = paper_layouts(election, election.contests, None, "vi")[0]
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "phieu-bau.pdf"
        command = [sys.executable, "-m", "emulation_vote", "ballots", str(election_path), "-o", str(pdf), "-n", "2"]
        subprocess.run(command, check=True, capture_output=True)
        page = render_pages(pdf, 200)[0]
        rng = random.Random(4)
        units = {u.id: u for u in layout.units}
        for unit, kind in (("VPTU", "x"), ("TCT", "faint")):
            draw_mark(page, kind, units[unit].box, units[unit].name, MARK_INSET, MARK_INSET, 200, rng)
        scan = Path(folder) / "scan.png"
        cv2.imwrite(str(scan), page)
        out = Path(folder) / "phieu-scan.csv"
        args = ["-m", "emulation_vote", "scan", str(election_path), str(scan), "-o", str(out), "--review"]
        child = pexpect.spawn(sys.executable, args, encoding="utf-8", timeout=60, dimensions=(45, 110), cwd=folder)
        child.logfile_read = io.StringIO()
        child.expect("Enter để bỏ qua")
        child.sendline("1 7")
        child.expect(pexpect.EOF)
        screen = child.logfile_read.getvalue()
    screen = re.sub(r"/\S*/emulation-vote-review-\w+/", "/tmp/emulation-vote-review/", screen.replace(folder + "/", ""))
    console = Console(record=True, width=110, force_terminal=True, file=io.StringIO())
    console.print(Text.from_ansi(screen.replace("\r", "")))
    target = ROOT / "docs" / "scan-review.svg"
    target.write_text(console.export_svg(title="emulation-vote scan --review"), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main()

"""Write docs/ballots-preview.png, page 1 of the seed's ballot papers (run: python docs/make_ballot_preview.py).

The page is made the way a user makes it (the ``ballots`` command, into a temporary folder) and rasterised
with pypdfium2 (in the test extra) at 100 dpi, in grey, so the README shows exactly what is printed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print two seed papers (one A4 page) and save the page as a PNG."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "phieu-bau.pdf"
        command = [sys.executable, "-m", "emulation_vote", "ballots", str(ROOT / "sample_ballots/seed/election.toml")]
        subprocess.run([*command, "--output", str(pdf), "--count", "2"], check=True)
        document = pypdfium2.PdfDocument(str(pdf))
        image = document[0].render(scale=100 / 72, grayscale=True).to_pil().convert("L")
        document.close()
    target = ROOT / "docs" / "ballots-preview.png"
    image.save(target, optimize=True)
    print(f"{target}: {image.width}x{image.height}")


if __name__ == "__main__":
    main()

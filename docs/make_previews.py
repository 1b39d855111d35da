"""Regenerate the README's previews of the minutes: docs/minutes-preview-N.png, one per page.

Renders the seed conference's minutes exactly as `emulation-vote minutes ... -o bien-ban.pdf` does
(Word document, converted by LibreOffice), then each PDF page to PNG with pdftoppm (poppler-utils).
Run from anywhere, after changing the minutes:

    python docs/make_previews.py

Needs LibreOffice (package libreoffice-writer, with fonts-liberation2 for Times New Roman's metrics)
and pdftoppm (package poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from emulation_vote.pdf import docx_to_pdf
from emulation_vote.pipeline import count_files
from emulation_vote.render.minutes import build_minutes
from emulation_vote.render.minutes_docx import render_minutes_docx

DOCS = Path(__file__).resolve().parent
SEED = DOCS.parent / "sample_ballots" / "seed"
DPI = 80


def main() -> int:
    """Write the previews; return the exit status."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils", file=sys.stderr)
        return 1
    record = count_files(SEED / "election.toml", [SEED / "ballots-wide.csv"])
    pdf = docx_to_pdf(render_minutes_docx(build_minutes(record, "vi")))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "minutes.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(source), str(Path(folder) / "page")], check=True)
        made = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for old in DOCS.glob("minutes-preview-*.png"):
            old.unlink()
        for number, page in enumerate(made, 1):
            shutil.copyfile(page, DOCS / f"minutes-preview-{number}.png")
            print(f"docs/minutes-preview-{number}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())

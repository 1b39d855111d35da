"""Rerun to remake docs/show-preview.png: the seed conference's projector page, as Chromium shows it at 1280x720.

Usage (from the repository, with the package installed and Chromium on the PATH)::

    python docs/make_show_preview.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_ballots" / "seed"
TARGET = ROOT / "docs" / "show-preview.png"


def main() -> int:
    """Write the page with ``emulation-vote show`` and screenshot it in headless Chromium."""
    names = ("chromium", "chromium-browser", "google-chrome")
    browser = next((shutil.which(name) for name in names if shutil.which(name)), None)
    if browser is None:
        print("Chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "ket-qua.html"
        command = [sys.executable, "-m", "emulation_vote", "show", str(SEED / "election.toml")]
        subprocess.run([*command, str(SEED / "ballots-wide.csv"), "--output", str(page)], check=True)
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--window-size=1280,720",
            f"--screenshot={TARGET}",
        ]
        subprocess.run([browser, *flags, page.as_uri()], check=True, capture_output=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

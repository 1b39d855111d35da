"""A Word document turned into PDF by LibreOffice, so that the PDF is exactly what the document shows.

:func:`find_libreoffice` looks for LibreOffice's ``soffice`` on the PATH and at the usual install
locations; :func:`docx_to_pdf` converts in a private temporary folder (with its own LibreOffice
profile, so that it neither disturbs nor waits for a LibreOffice the user has open) and returns the
PDF's bytes.  Without LibreOffice it raises an error naming the package to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from emulation_vote.errors import UsageError
from emulation_vote.output import write_atomic

PACKAGE = "libreoffice-writer"
_NAMES = ("soffice", "libreoffice", "lowriter")
_USUAL = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
    "/usr/local/bin/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:/Program Files/LibreOffice/program/soffice.exe",
    "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
)
TIMEOUT_SECONDS = 180


def find_libreoffice() -> str | None:
    """Return the path of LibreOffice's ``soffice`` (``EMULATION_VOTE_SOFFICE`` first), or None."""
    override = os.environ.get("EMULATION_VOTE_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    for pattern in _USUAL:
        for candidate in sorted(glob.glob(pattern), reverse=True):
            if Path(candidate).is_file() and os.access(candidate, os.X_OK):
                return candidate
    return None


def docx_to_pdf(document: bytes) -> bytes:
    """Return the PDF of the .docx ``document``, as LibreOffice renders it."""
    program = find_libreoffice()
    if program is None:
        raise UsageError("pdf.no_libreoffice", package=PACKAGE)
    with tempfile.TemporaryDirectory(prefix="emulation-vote-pdf-") as folder:
        work = Path(folder)
        source = work / "bien-ban.docx"
        write_atomic(source, document)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired:
            raise UsageError("pdf.failed", program=program, detail=f"no answer in {TIMEOUT_SECONDS} s") from None
        except OSError as error:
            raise UsageError("pdf.failed", program=program, detail=error.strerror or str(error)) from None
        target = work / "bien-ban.pdf"
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise UsageError(
                "pdf.failed", program=program, detail=(detail[-1] if detail else f"exit status {done.returncode}")
            )
        return target.read_bytes()

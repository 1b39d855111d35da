"""The ``ballots`` command: the ballot papers (phiếu bầu) to print, as a PDF with its layout, or as Word."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    ElectionArg,
    ForceOption,
    Lang,
    LangOption,
    RoundOption,
    RunoffOption,
    SeatsOption,
    app,
    check_format_fits,
    check_output,
    guard,
    output_format,
    runoff_papers,
)
from emulation_vote.errors import UsageError
from emulation_vote.i18n import t


class PaperFormat(StrEnum):
    """Output formats of ``ballots``."""

    pdf = "pdf"
    docx = "docx"


_SUFFIXES = {".pdf": (PaperFormat.pdf,), ".docx": (PaperFormat.docx,)}


def layout_path(output: Path) -> Path:
    """Return where the machine-readable layout of ``output`` goes: ``phieu-bau.pdf`` -> ``phieu-bau.layout.json``."""
    return output.with_name(f"{output.stem}.layout.json")


@app.command()
def ballots(
    election: ElectionArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write (e.g. phieu-bau.pdf). A PDF gets its layout beside it: phieu-bau.layout.json.",
        ),
    ],
    count: Annotated[
        int | None,
        typer.Option("--count", "-n", help="Papers per contest, numbered 1..N (default: issued, present or convened)."),
    ] = None,
    per_page: Annotated[
        int | None,
        typer.Option("--per-page", help="Papers per A4 page: 1, 2 or 4, with cut lines (default: as many as fit)."),
    ] = None,
    contest: Annotated[
        list[str] | None, typer.Option("--contest", "-c", help="Only this contest (repeatable; default: all).")
    ] = None,
    fmt: Annotated[
        PaperFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="pdf (drawn to be read back from scans) or docx (editable, no QR code). Default: by the suffix of "
            "--output (.pdf or .docx).",
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    force: ForceOption = False,
    round_number: RoundOption = 1,
    runoff: RunoffOption = None,
    seats: SeatsOption = None,
) -> None:
    """Print the ballot papers: per contest, numbered 1..N, with registration marks and a QR code for scanning.

    A runoff's papers (--round 2 --runoff STP,STC --seats 1) list only the tied units.
    """
    with guard(lang):
        from emulation_vote.paper import SLOTS, paper_count

        chosen = output_format(fmt, output, _SUFFIXES, PaperFormat.pdf)
        check_format_fits(fmt, output, _SUFFIXES, PaperFormat.pdf, tuple(PaperFormat))
        if per_page is not None and per_page not in SLOTS:
            raise UsageError("papers.bad_per_page", per_page=per_page)
        check_output(output, force, [election])
        layout_file = layout_path(output)
        if chosen == PaperFormat.pdf:
            check_output(layout_file, force, [election])
        loaded = ev.load_election(election)
        contests = loaded.contests
        if round_number > 1 or runoff or seats is not None:  # one contest, named by its id or its title
            loaded = runoff_papers(loaded, contest or [], round_number, runoff, seats, lang)
            contests = loaded.contests
        elif contest:
            ids = [c.id for c in loaded.contests]
            for wanted in contest:
                if wanted not in ids:
                    raise UsageError("papers.unknown_contest", contest=wanted, contests=", ".join(ids))
            contests = tuple(c for c in loaded.contests if c.id in contest)
        counts = [paper_count(loaded, item, count) for item in contests]
        from emulation_vote.output import write_atomic

        if chosen == PaperFormat.docx:
            from emulation_vote.render.ballots_docx import render_ballots_docx

            write_atomic(output, render_ballots_docx(loaded, contests, counts, lang), force)
            typer.echo(t("written", lang, path=output), err=True)
            typer.echo(t("paper.shuffle", lang), err=True)
            return
        from emulation_vote.paper import election_fingerprint, layout_document, paper_layouts
        from emulation_vote.render.ballots_pdf import render_ballots_pdf

        layouts = paper_layouts(loaded, contests, per_page, lang)
        fingerprint = election_fingerprint(loaded)
        pdf, firsts = render_ballots_pdf(loaded, layouts, counts, fingerprint, lang)
        document = layout_document(layouts, counts, fingerprint, firsts)
        write_atomic(output, pdf, force)
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        write_atomic(layout_file, text.encode("utf-8"), force)
        pages = sum(-(-papers // layout.per_page) for layout, papers in zip(layouts, counts, strict=True))
        printed = ", ".join(f"{c.id} {n}" for c, n in zip(contests, counts, strict=True))
        typer.echo(t("paper.printed", lang, papers=printed, pages=pages, layout=layout_file), err=True)
        typer.echo(t("written", lang, path=output), err=True)
        typer.echo(t("paper.shuffle", lang), err=True)

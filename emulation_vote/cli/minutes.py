"""The ``minutes`` command: the minutes of the count (biên bản kiểm phiếu)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    BallotsArg,
    ContestsOption,
    ElectionArg,
    EncodingOption,
    ForceOption,
    Lang,
    LangOption,
    MaxErrorsOption,
    Reader,
    ReaderOption,
    ScoresOption,
    SheetOption,
    StrictNamesOption,
    app,
    check_format_fits,
    check_output,
    emit,
    guard,
    output_format,
)
from emulation_vote.errors import UsageError


class MinutesFormat(StrEnum):
    """Output formats of ``minutes``."""

    md = "md"
    markdown = "markdown"
    """Markdown too, by the name ``tally --format markdown`` gives it."""
    docx = "docx"
    pdf = "pdf"


_SUFFIXES = {
    ".md": (MinutesFormat.md,),
    ".markdown": (MinutesFormat.md,),
    ".docx": (MinutesFormat.docx,),
    ".pdf": (MinutesFormat.pdf,),
}


def _format(chosen: MinutesFormat | None, output: Path | None) -> MinutesFormat:
    """Return the format: --format, else the output's suffix, else Markdown; the two must agree when both are given."""
    chosen = MinutesFormat.md if chosen is MinutesFormat.markdown else chosen
    suffix = output.suffix.lower() if output is not None else ""
    if output is not None and suffix not in _SUFFIXES and chosen is None:
        raise UsageError("output.suffix", file=str(output), suffix=suffix or "(none)")
    check_format_fits(chosen, output, _SUFFIXES, MinutesFormat.md, (MinutesFormat.docx, MinutesFormat.pdf))
    fmt = output_format(chosen, output, _SUFFIXES, MinutesFormat.md)
    if fmt is not MinutesFormat.md and output is None:
        raise UsageError("output.needs_file", format=fmt.value, example=f"bien-ban.{fmt.value}")
    return fmt


@app.command()
def minutes(
    election: ElectionArg,
    ballots: BallotsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE: .docx (Word), .pdf or .md, by its suffix. Default: Markdown on stdout.",
        ),
    ] = None,
    fmt: Annotated[
        MinutesFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md (or markdown), docx or pdf (default: by the --output suffix, else md). "
            "pdf is the Word document converted by LibreOffice, which must be installed.",
        ),
    ] = None,
    annex: Annotated[
        bool,
        typer.Option(
            "--annex",
            help="Add the annex page 'Phụ lục: dữ liệu kiểm phiếu': the full verification code, the data "
            "files and how to re-check.",
        ),
    ] = False,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
    strict_names: StrictNamesOption = False,
    max_errors: MaxErrorsOption = 50,
    scores: ScoresOption = None,
    contest: ContestsOption = None,
    partial: Annotated[
        bool, typer.Option("--partial", help="Refused: minutes are made from the official result only.")
    ] = False,
) -> None:
    """Write the minutes of the count (biên bản kiểm phiếu), ready to sign: Word, PDF or Markdown."""
    with guard(lang):
        from emulation_vote.render.minutes import build_minutes

        if partial:
            raise UsageError("minutes.partial")
        chosen = _format(fmt, output)
        check_output(output, force, [election, *ballots, *(scores or [])])
        if chosen is MinutesFormat.pdf:
            from emulation_vote.pdf import find_libreoffice

            if find_libreoffice() is None:
                from emulation_vote.pdf import PACKAGE

                raise UsageError("pdf.no_libreoffice", package=PACKAGE)
        record = ev.tally(
            election,
            ballots,
            encoding=encoding,
            sheet=sheet,
            reader=reader,
            strict_names=strict_names,
            scores=scores or (),
            contests=contest,
            max_errors=max_errors,
        )
        document = build_minutes(
            record,
            lang,
            annex=annex,
            score_files=tuple(str(p) for p in scores or ()),
            contest_ids=tuple(contest or ()),
        )
        if chosen is MinutesFormat.md:
            from emulation_vote.render.minutes_md import render_minutes_md

            emit(render_minutes_md(document), output, force, lang, [election, *ballots])
            return
        from emulation_vote.render.minutes_docx import render_minutes_docx

        data = render_minutes_docx(document)
        if chosen is MinutesFormat.pdf:
            from emulation_vote.pdf import docx_to_pdf

            data = docx_to_pdf(data)
        emit(data, output, force, lang, [election, *ballots])

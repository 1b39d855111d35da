"""The ``minutes`` command: the minutes of the count (biên bản kiểm phiếu)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from emulation_vote.cli._app import (
    BallotsArg,
    ElectionArg,
    EncodingOption,
    ForceOption,
    Lang,
    LangOption,
    Reader,
    ReaderOption,
    ScoresOption,
    SheetOption,
    StrictNamesOption,
    app,
    check_output,
    emit,
    guard,
)
from emulation_vote.errors import UsageError


@app.command()
def minutes(
    election: ElectionArg,
    ballots: BallotsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE: .docx (Word) or .md by its suffix. Default: Markdown on stdout."
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
    strict_names: StrictNamesOption = False,
    scores: ScoresOption = None,
) -> None:
    """Write the minutes of the count (biên bản kiểm phiếu), ready to sign: .docx or Markdown."""
    with guard(lang.value):
        from emulation_vote.pipeline import count_files
        from emulation_vote.render.minutes import build_minutes

        suffix = output.suffix.lower() if output is not None else ".md"
        if suffix not in (".docx", ".md", ".markdown"):
            raise UsageError("output.suffix", file=str(output), suffix=suffix or "(none)")
        check_output(output, force, [election, *ballots, *(scores or [])])
        document = build_minutes(
            count_files(election, ballots, encoding, sheet, reader, strict_names=strict_names, scores=scores or ()),
            lang.value,
        )
        if suffix == ".docx":
            from emulation_vote.render.minutes_docx import render_minutes_docx

            emit(render_minutes_docx(document), output, force, lang.value, [election, *ballots])
        else:
            from emulation_vote.render.minutes_md import render_minutes_md

            emit(render_minutes_md(document), output, force, lang.value, [election, *ballots])

"""The ``score`` command: rank the block's units from the score sheets (chấm điểm thi đua)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    ElectionArg,
    EncodingOption,
    FirstSheetOption,
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    StrictNamesOption,
    app,
    check_format_fits,
    check_output,
    emit,
    guard,
    output_format,
    terminal,
)
from emulation_vote.errors import UsageError, raise_collected
from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from emulation_vote.scoring.record import ScoreRecord


class ScoreFormat(StrEnum):
    """Output formats of ``score``."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    plain = "plain"
    xlsx = "xlsx"
    docx = "docx"
    summary = "summary"


_BY_SUFFIX = {
    ".json": (ScoreFormat.json,),
    ".csv": (ScoreFormat.csv,),
    ".md": (ScoreFormat.summary, ScoreFormat.markdown),
    ".markdown": (ScoreFormat.summary, ScoreFormat.markdown),
    ".txt": (
        ScoreFormat.plain,
        ScoreFormat.table,
        ScoreFormat.json,
        ScoreFormat.csv,
        ScoreFormat.markdown,
        ScoreFormat.summary,
    ),
    ".xlsx": (ScoreFormat.xlsx,),
    ".docx": (ScoreFormat.docx,),
}
"""The score formats a file of each suffix may hold, the usual one first (plain, then any text format for .txt)."""
_BINARY = (ScoreFormat.xlsx, ScoreFormat.docx)
SheetsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Score sheets (.csv, .tsv, .xlsx): columns scorer, unit, one per criterion, bonus, penalty, note.",
        show_default=False,
        metavar="SHEETS...",
    ),
]
MaxErrorsOption = Annotated[
    int, typer.Option("--max-errors", min=1, help="Show at most this many errors of the sheets (then 'and N more').")
]


def render_record(record: ScoreRecord, fmt: ScoreFormat, lang: Language, output: Path | None) -> str | bytes:
    """Render the ranking in ``fmt`` (text formats for the terminal when ``output`` is None)."""
    if fmt == ScoreFormat.xlsx:
        from emulation_vote.render.scores_xlsx import render_scores_xlsx

        return render_scores_xlsx(record, lang)
    if fmt in (ScoreFormat.docx, ScoreFormat.summary):
        from emulation_vote.render.scores_sheet import build_score_sheet

        sheet = build_score_sheet(record, lang)
        if fmt == ScoreFormat.docx:
            from emulation_vote.render.scores_sheet import render_score_sheet_docx

            return render_score_sheet_docx(sheet)
        from emulation_vote.render.scores_sheet import render_score_sheet_md

        return render_score_sheet_md(sheet)
    from emulation_vote.render.scores import render_scores

    color, width = terminal() if output is None else (False, 100)
    return render_scores(record, fmt.value, lang, color=color, width=width)


@app.command()
def score(
    election: ElectionArg,
    sheets: SheetsArg,
    fmt: Annotated[
        ScoreFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, markdown, plain, xlsx, docx (the summary to sign, Word) or summary "
            "(the same as Markdown). Default: by the suffix of --output, else table.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: FirstSheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    max_errors: MaxErrorsOption = 50,
    strict_names: StrictNamesOption = False,
) -> None:
    """Rank the units from the score sheets (chấm điểm thi đua): totals, sub-totals, bonus, penalty, shared ranks."""
    chosen = output_format(fmt, output, _BY_SUFFIX, ScoreFormat.table)
    with guard(lang, json_errors=chosen == ScoreFormat.json):
        check_format_fits(fmt, output, _BY_SUFFIX, ScoreFormat.table, _BINARY)
        if chosen in _BINARY and output is None:
            raise UsageError("scores.needs_output", format=chosen.value)
        check_output(output, force, [election, *sheets])
        from emulation_vote.scoring.sheets import ScoreSheetErrors

        try:
            record = ev.score(election, sheets, encoding=encoding, sheet=sheet, strict_names=strict_names)
        except ScoreSheetErrors as error:  # every error of the sheets, as the ballot files' are shown: the first few
            raise_collected(list(error.errors), max_errors)
        emit(render_record(record, chosen, lang, output), output, force, lang)

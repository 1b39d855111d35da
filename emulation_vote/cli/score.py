"""The ``score`` command: rank the block's units from the score sheets (chấm điểm thi đua)."""

from __future__ import annotations

import json
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
    check_output,
    emit,
    guard,
    terminal,
)
from emulation_vote.errors import EmulationVoteError, UsageError
from emulation_vote.i18n import t
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
    ".json": ScoreFormat.json,
    ".csv": ScoreFormat.csv,
    ".md": ScoreFormat.summary,
    ".markdown": ScoreFormat.summary,
    ".txt": ScoreFormat.plain,
    ".xlsx": ScoreFormat.xlsx,
    ".docx": ScoreFormat.docx,
}
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


def errors_text(error: EmulationVoteError, lang: Language, limit: int) -> str:
    """Return every error of ``error`` (one, or all those of the sheets) in ``lang``, at most ``limit`` of them."""
    from emulation_vote.render.errors import describe_error
    from emulation_vote.scoring.sheets import ScoreSheetErrors

    errors = error.errors if isinstance(error, ScoreSheetErrors) else (error,)
    prefix = t("error.prefix", lang)
    lines = [f"{prefix}: {describe_error(e, lang)}" for e in errors[:limit]]
    if len(errors) > limit:
        lines.append(t("scores.more_errors", lang, count=len(errors) - limit))
    return "\n".join(lines)


def errors_json(error: EmulationVoteError, lang: Language) -> str:
    """Return the errors as ``emulation-vote/errors/1`` JSON (FORMATS §5.5)."""
    from emulation_vote.scoring.sheets import ScoreSheetErrors

    errors = error.errors if isinstance(error, ScoreSheetErrors) else (error,)
    items = [
        {
            "file": e.file,
            "row": e.row,
            "column": e.params.get("column"),
            "code": e.key,
            "message": t(e.key, lang, **e.params),
        }
        for e in errors
    ]
    return json.dumps({"schema": "emulation-vote/errors/1", "errors": items}, ensure_ascii=False, indent=2) + "\n"


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
            help="table (default), json, csv, markdown, plain, xlsx, docx (the summary to sign, Word) or summary "
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
    chosen = fmt or (_BY_SUFFIX.get(output.suffix.lower(), ScoreFormat.table) if output else ScoreFormat.table)
    with guard(lang):
        if chosen in _BINARY and output is None:
            raise UsageError("scores.needs_output", format=chosen.value)
        check_output(output, force, [election, *sheets])
        try:
            record = ev.score(election, sheets, encoding=encoding, sheet=sheet, strict_names=strict_names)
        except EmulationVoteError as error:
            if error.exit_code != 1:
                raise
            if chosen == ScoreFormat.json:
                typer.echo(errors_json(error, lang), nl=False)
            else:
                typer.echo(errors_text(error, lang, max_errors), err=True)
            raise typer.Exit(1) from None
        emit(render_record(record, chosen, lang, output), output, force, lang)

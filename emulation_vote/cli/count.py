"""Commands that count and print the result: ``tally`` and ``demo``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    TALLY_BINARY,
    TALLY_SUFFIXES,
    BallotsArg,
    ContestsOption,
    ElectionArg,
    EncodingOption,
    ForceOption,
    FormatOption,
    Lang,
    LangOption,
    MaxErrorsOption,
    OutputOption,
    PartialOption,
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
    progress_bar,
    tally_text,
)
from emulation_vote.errors import UsageError
from emulation_vote.vocab import Language, TallyFormat

if TYPE_CHECKING:
    from emulation_vote.record import ElectionRecord

ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: for Excel under a Vietnamese locale (';' between cells, decimal comma, "
        "headings in --lang). Without it the CSV stays machine-clean.",
    ),
]


def _check_format(fmt: TallyFormat, excel: bool, output: Path | None) -> None:
    if excel and fmt is not TallyFormat.csv:
        raise UsageError("output.excel_csv_only")
    if fmt is TallyFormat.xlsx and output is None:
        raise UsageError("output.needs_file", format="xlsx", example="ket-qua.xlsx")


def _render(record: ElectionRecord, fmt: TallyFormat, lang: Language, excel: bool, output: Path | None) -> str | bytes:
    if fmt is TallyFormat.xlsx:
        from emulation_vote.render.xlsx import render_xlsx

        return render_xlsx(record, lang)
    if excel:
        from emulation_vote.render.csv import render_csv_excel

        return render_csv_excel(record, lang)
    return tally_text(record, fmt, lang, output)


@app.command()
def tally(
    election: ElectionArg,
    ballots: BallotsArg,
    fmt: FormatOption = None,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
    excel: ExcelOption = False,
    strict_names: StrictNamesOption = False,
    scores: ScoresOption = None,
    contest: ContestsOption = None,
    partial: PartialOption = False,
    max_errors: MaxErrorsOption = 50,
) -> None:
    """Count the ballots and print the result (rank, votes, percent, selection, runoff).

    Also as an Excel workbook (--output ket-qua.xlsx) or a CSV for Excel (--format csv --excel).
    """
    fmt = None if fmt is None else fmt.canonical()
    form = output_format(fmt, output, TALLY_SUFFIXES, TallyFormat.table)
    with guard(lang, json_errors=form is TallyFormat.json):
        check_format_fits(fmt, output, TALLY_SUFFIXES, TallyFormat.table, TALLY_BINARY)
        _check_format(form, excel, output)
        check_output(output, force, [election, *ballots, *(scores or [])])
        with progress_bar(ballots) as progress:
            record = ev.tally(
                election,
                ballots,
                encoding=encoding,
                sheet=sheet,
                reader=reader,
                progress=progress,
                strict_names=strict_names,
                contests=contest,
                max_errors=max_errors,
                partial=partial,
                scores=scores or (),
            )
        emit(_render(record, form, lang, excel, output), output, force, lang, [election, *ballots])
        if form in (TallyFormat.table, TallyFormat.markdown, TallyFormat.plain) and not record.partial:
            for hint in runoff_hints(record, election, scores or [], lang):
                typer.echo(hint, err=True)


def runoff_hints(record: ElectionRecord, election: Path, scores: list[Path], lang: Language) -> list[str]:
    """Return, per contest with a runoff to hold, the commands of its papers and its clerks' workbook.

    Ready to run as printed: the paths, ids and options quoted for a POSIX shell, the score
    sheets (for the workbook: ``ballots`` takes the tied units alone) and the language passed on,
    one pair of files per contest.  A contest whose tied units' ids hold a "," (which
    ``--runoff`` splits on) gets no hint.
    """
    import shlex

    from emulation_vote.i18n import t

    several = len(record.election.contests) > 1
    path = shlex.quote(str(election))
    sheets = [f"--scores {shlex.quote(str(sheet))}" for sheet in scores]  # the workbook's columns come from them
    hints = []
    for result in record.contests:
        runoff = result.runoff
        if runoff is None or any("," in cid for cid in runoff.candidates):
            continue
        options = [f"--round {len(result.rounds) + 1}", f"--runoff {shlex.quote(','.join(runoff.candidates))}"]
        options.append(f"--seats {runoff.seats}")
        if several:
            options.append(f"--contest {shlex.quote(result.contest.id)}")
        if lang is Language.en:
            options.append("--lang en")
        stem = "bau-lai" + (f"-{result.contest.id}" if several else "")
        papers = " ".join(["emulation-vote ballots", path, f"--output {shlex.quote(stem + '.pdf')}", *options])
        workbook = " ".join(
            ["emulation-vote template", path, *sheets, f"--output {shlex.quote(stem + '.xlsx')}", *options]
        )
        hints.append(t("tally.runoff_next", lang, contest=result.contest.id, papers=papers, workbook=workbook))
    return hints


@app.command()
def demo(
    fmt: Annotated[
        TallyFormat,
        typer.Option("--format", "-f", help="table (default), json, csv, markdown (or md) or plain."),
    ] = TallyFormat.table,
    lang: LangOption = Lang.vi,
    excel: ExcelOption = False,
) -> None:
    """Count the bundled seed conference (9 units of Khối thi đua Các cơ quan Tỉnh ủy, 2 flags)."""
    fmt = fmt.canonical()
    with guard(lang):
        _check_format(fmt, excel, None)
        record = ev.tally(*ev.demo_files())
        emit(_render(record, fmt, lang, excel, None), None, False, lang)

"""Commands for auditors: ``audit``, ``verify`` and ``compare``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
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
    OutputOption,
    PartialOption,
    Reader,
    ReaderOption,
    ScoresOption,
    SheetOption,
    StrictNamesOption,
    app,
    check_csv_output,
    check_format_fits,
    check_output,
    emit,
    guard,
    output_format,
    terminal,
)
from emulation_vote.errors import UsageError
from emulation_vote.i18n import t
from emulation_vote.vocab import AuditFormat

_SUFFIXES = {".csv": (AuditFormat.csv,), ".json": (AuditFormat.json,)}
"""The audit formats a file of each suffix may hold (any text format may go in a .txt)."""


@app.command()
def audit(
    election: ElectionArg,
    ballots: BallotsArg,
    fmt: Annotated[
        AuditFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, csv, json, or canonical (the exact text the fingerprint hashes). "
            "Default: by the suffix of --output (.csv, .json), else table.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    logs: Annotated[
        list[Path] | None,
        typer.Option("--log", help="Also print this entry log (from 'enter') for filing; repeatable. Table and json."),
    ] = None,
    strict_names: StrictNamesOption = False,
    scores: ScoresOption = None,
    contest: ContestsOption = None,
    partial: PartialOption = False,
    max_errors: MaxErrorsOption = 50,
) -> None:
    """List every ballot as counted (file, row, status, reason, choices) and reconcile the paper figures."""
    chosen = fmt
    fmt = output_format(chosen, output, _SUFFIXES, AuditFormat.table)
    with guard(lang, json_errors=fmt is AuditFormat.json):
        check_format_fits(chosen, output, _SUFFIXES, AuditFormat.table)
        if logs and fmt in (AuditFormat.csv, AuditFormat.canonical):
            from emulation_vote.errors import UsageError

            raise UsageError("audit.log_format", format=fmt.value)
        inputs = [election, *ballots, *(logs or []), *(scores or [])]
        check_output(output, force, inputs)
        audit = ev.audit_stream(
            election,
            ballots,
            encoding=encoding,
            sheet=sheet,
            strict_names=strict_names,
            contests=contest,
            max_errors=max_errors,
            partial=partial,
            scores=scores or (),
        )
        text: str | Iterator[str]
        if fmt is AuditFormat.canonical:
            from emulation_vote.record import canonical_text

            text = canonical_text(audit.record.election, audit.record.contests)
        elif fmt is AuditFormat.json:
            from emulation_vote.entrylog import load_log
            from emulation_vote.render.audit_listing import render_audit_json

            text = render_audit_json(audit, [load_log(log) for log in logs or []], lang)
        elif fmt is AuditFormat.csv:
            from emulation_vote.render.audit_listing import render_audit_csv

            text = render_audit_csv(audit, lang)
        else:
            from emulation_vote.entrylog import load_log
            from emulation_vote.render.audit_listing import render_audit_table

            color, width = terminal() if output is None else (False, 160)
            loaded = [load_log(log) for log in logs or []]
            text = render_audit_table(
                audit, lang, color=color, width=width if sys.stdout.isatty() else 160, logs=loaded
            )
        emit(text, output, force, lang, inputs)


@app.command()
def verify(
    result: Annotated[
        Path, typer.Argument(help="A saved result (tally --format json --output).", metavar="RESULT.json")
    ],
    election: ElectionArg,
    ballots: BallotsArg,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    reader: ReaderOption = Reader.auto,
    strict_names: StrictNamesOption = False,
    max_errors: MaxErrorsOption = 50,
    scores: ScoresOption = None,
) -> None:
    """Recount and compare with a saved JSON result: exit 0 when it matches, 1 listing every difference."""
    with guard(lang):
        from emulation_vote.render.audit import verify_text

        verification = ev.verify_result(
            result,
            election,
            ballots,
            encoding=encoding,
            sheet=sheet,
            reader=reader,
            strict_names=strict_names,
            scores=scores or (),
            max_errors=max_errors,
        )
        sys.stdout.write(verify_text(list(verification.mismatches), verification.record, lang))
        if not verification.matches:
            raise typer.Exit(1)


@app.command()
def compare(
    election: ElectionArg,
    entries: Annotated[
        list[Path],
        typer.Argument(
            help="Two or more entries of the same ballots, one file each (any layout or format).",
            metavar="ENTRY1 ENTRY2 [ENTRY3...]",
        ),
    ],
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="When every entry agrees, write the agreed ballots as one ballot file (CSV)."
        ),
    ] = None,
    force: ForceOption = False,
    strict_names: StrictNamesOption = False,
    max_errors: MaxErrorsOption = 50,
) -> None:
    """Compare the same paper ballots typed by different clerks: exit 0 when all agree, 1 listing each dispute."""
    with guard(lang):
        from emulation_vote.render.audit import agreed_csv, compare_text

        if len(entries) < 2:
            raise UsageError("compare.need_two")
        check_csv_output(output)
        check_output(output, force, [election, *entries])
        comparison = ev.compare_entries(
            election, entries, encoding=encoding, sheet=sheet, strict_names=strict_names, max_errors=max_errors
        )
        sys.stdout.write(compare_text(comparison, lang))
        if not comparison.agree:
            if output is not None:
                typer.echo(t("compare.not_written", lang), err=True)
            raise typer.Exit(1)
        if output is not None:
            emit(agreed_csv(comparison), output, force, lang, [election, *entries])

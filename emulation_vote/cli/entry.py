"""Commands for typing ballots at the counting table: ``enter`` and ``check-log``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from emulation_vote.cli._app import (
    ElectionArg,
    Lang,
    LangOption,
    app,
    guard,
)
from emulation_vote.i18n import t
from emulation_vote.vocab import Style


@app.command()
def enter(
    election: ElectionArg,
    contest: Annotated[str, typer.Option("--contest", "-c", help="The contest id the ballots belong to.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The ballot file (list layout); resumed if it exists.")
    ],
    clerk: Annotated[str | None, typer.Option("--clerk", help="Who is typing (written in the log).")] = None,
    round_number: Annotated[int, typer.Option("--round", min=1, help="The voting round (2 and up: a runoff).")] = 1,
    runoff: Annotated[
        str | None, typer.Option("--runoff", help="Round 2+: the units on the runoff ballot, in order (e.g. STP,STC).")
    ] = None,
    seats: Annotated[
        int | None,
        typer.Option(
            "--seats",
            min=1,
            help="Round 2+: the seats the runoff fills (a ballot may choose that many, unless max_marks is set).",
        ),
    ] = None,
    log: Annotated[Path | None, typer.Option("--log", help="The entry log (default: OUTPUT.log).")] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Type paper ballots one per line (unit numbers, '-', '!reason', '#ID', 'u' to undo); each is saved at once."""
    language = lang.value
    with guard(language):
        from emulation_vote.election import load_election
        from emulation_vote.entry import Command, EntrySession, Rejected
        from emulation_vote.render import entry as say

        names = tuple(part.strip() for part in (runoff or "").split(",") if part.strip())
        session = EntrySession(
            load_election(election),
            contest,
            output,
            round_number=round_number,
            runoff=names,
            seats=seats,
            clerk=clerk,
            log=log,
        )
        interactive = sys.stdin.isatty()
        console = None
        if interactive:
            from rich.console import Console

            console = Console(highlight=False)
            console.print(say.candidate_table(session, language))
            if session.contest.style == Style.strike:
                console.print(t("enter.strike_note", language), style="bold yellow")
            console.print(t("enter.help", language), markup=False)
        if session.entered:
            typer.echo(say.resumed(session, language))
        try:
            while True:
                try:
                    prompt = t("enter.prompt", language, id=session.next_id())
                    line = console.input(prompt, markup=False) if console is not None else input()
                except EOFError:
                    break
                if not line.strip():
                    continue
                action = session.parse(line)
                if isinstance(action, Command):
                    if action.name == "quit":
                        break
                    if action.name == "help":
                        typer.echo(t("enter.help", language))
                    else:
                        typer.echo(say.undone(session, session.undo(), language))
                elif isinstance(action, Rejected):
                    session.reject(action)
                    typer.echo(
                        t("enter.rejected", language, message=t(action.key, language, value=action.value)), err=True
                    )
                else:
                    session.record(action)
                    typer.echo(say.echo(session, action, language))
        finally:
            session.close()


@app.command("check-log")
def check_log_command(
    log: Annotated[Path, typer.Argument(help="An entry log written by 'enter'.", metavar="LOG")],
    lang: LangOption = Lang.vi,
) -> None:
    """Check an entry log's hash chain: exit 0 when intact, 1 naming the first altered line."""
    with guard(lang.value):
        from emulation_vote.entrylog import check_log
        from emulation_vote.render.entry import check_text

        result = check_log(log)
        typer.echo(check_text(result, lang.value))
        if not result.intact:
            raise typer.Exit(1)

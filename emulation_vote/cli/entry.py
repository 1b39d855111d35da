"""Commands for typing ballots at the counting table: ``enter`` and ``check-log``."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    ElectionArg,
    Lang,
    LangOption,
    RoundOption,
    RunoffOption,
    SeatsOption,
    app,
    check_csv_output,
    guard,
)
from emulation_vote.i18n import t
from emulation_vote.vocab import Style


@app.command()
def enter(
    election: ElectionArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The ballot file (list layout); resumed if it exists.")
    ],
    contest: Annotated[
        str | None,
        typer.Option(
            "--contest",
            "-c",
            help="The contest the ballots belong to: its id or its title (needed when the election has several).",
        ),
    ] = None,
    clerk: Annotated[str | None, typer.Option("--clerk", help="Who is typing (written in the log).")] = None,
    round_number: RoundOption = 1,
    runoff: RunoffOption = None,
    seats: SeatsOption = None,
    log: Annotated[Path | None, typer.Option("--log", help="The entry log (default: OUTPUT.log).")] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Type paper ballots one per line (unit numbers, '-', '!reason', '#ID', 'u' undo, '=' count); saved at once."""
    with guard(lang):
        from emulation_vote.entry import Command, EntrySession, Rejected
        from emulation_vote.render import entry as say

        check_csv_output(output)
        names = tuple(part.strip() for part in (runoff or "").split(",") if part.strip())
        session = EntrySession(
            ev.load_election(election),
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
            console.print(say.candidate_table(session, lang))
            if session.contest.style == Style.strike:
                console.print(t("enter.strike_note", lang), style="bold yellow")
            console.print(t("enter.help", lang), markup=False)
        if session.entered:
            typer.echo(say.resumed(session, lang))

        def ask(prompt: str) -> str:
            return console.input(prompt, markup=False) if console is not None else input()

        interrupted = False
        try:
            while True:
                try:
                    line = ask(t("enter.prompt", lang, id=session.next_id()))
                except EOFError:
                    break
                if not line.strip():
                    continue
                action = session.parse(line)
                if isinstance(action, Command):
                    if action.name == "quit":
                        break
                    if action.name == "help":
                        typer.echo(t("enter.help", lang))
                    elif action.name == "count":
                        typer.echo(say.provisional(session, lang))
                    else:
                        with _deferred_interrupt():
                            taken = session.undo()
                        typer.echo(say.undone(session, taken, lang))
                elif isinstance(action, Rejected):
                    session.reject(action)
                    typer.echo(t("enter.rejected", lang, message=t(action.key, lang, value=action.value)), err=True)
                else:
                    if action.loose and interactive:
                        try:
                            answer = ask(say.confirm_question(session, action, lang))
                        except EOFError:
                            answer = ""
                        if answer.strip().casefold() not in ("c", "có", "co", "y", "yes"):
                            session.reject(Rejected("enter.not_confirmed", action.typed, action.typed))
                            typer.echo(t("enter.not_confirmed", lang), err=True)
                            continue
                    with _deferred_interrupt():
                        session.record(action)
                    typer.echo(say.echo(session, action, lang))
        except KeyboardInterrupt:
            interrupted = True
        finally:
            session.close()
        if interrupted:
            typer.echo("")
            typer.echo(t("enter.stopped", lang))
        typer.echo(say.saved(session, lang))
        if interrupted:
            raise typer.Exit(130)


@contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C back while a ballot is written and logged, so that what is reported saved is what is saved."""
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    except ValueError:  # not the main thread (an embedding caller): nothing to hold back
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


@app.command("check-log")
def check_log_command(
    log: Annotated[Path, typer.Argument(help="An entry log written by 'enter'.", metavar="LOG")],
    ballots: Annotated[
        Path | None,
        typer.Option(
            "--ballots",
            help="The ballot file the log belongs to, compared row by row with the ballots logged "
            "(default: LOG without its .log suffix, when that file exists).",
        ),
    ] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Check an entry log's hash chain and its ballot file: exit 0 when both hold, 1 naming what differs."""
    with guard(lang):
        from emulation_vote.entrylog import check_log, compare_with_file
        from emulation_vote.render.entry import check_text, file_check_text

        result = check_log(log)
        typer.echo(check_text(result, lang))
        if ballots is None and log.suffix == ".log" and log.with_suffix("").is_file():
            ballots = log.with_suffix("")
        differences = compare_with_file(log, ballots) if ballots is not None else None
        if ballots is not None and differences is not None:
            typer.echo(file_check_text(str(ballots), differences, lang))
        if not result.intact or differences:
            raise typer.Exit(1)

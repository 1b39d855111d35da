"""The command line: parse -> call the library -> render.  The only module that prints or exits.

Errors of the tool (:class:`~emulation_vote.errors.EmulationVoteError`) are caught once, in
:func:`_guard`, and printed on stderr in the chosen language: exit 1 for data errors, 2 for
usage.  Heavy libraries (Rich, pyarrow, numpy, python-calamine, python-docx) are imported only
by the code that needs them.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emulation_vote import __version__
from emulation_vote.errors import EmulationVoteError, UsageError
from emulation_vote.i18n import t

if TYPE_CHECKING:
    from emulation_vote.record import ElectionRecord

app = typer.Typer(
    name="emulation-vote",
    help="Kiểm phiếu bình xét, suy tôn thi đua — count the secret ballots of an emulation block's conference.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    """Languages of human output."""

    vi = "vi"
    en = "en"


class TallyFormat(StrEnum):
    """Output formats of ``tally``."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    plain = "plain"


def _check_encoding(value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() in ("tcvn3", "vni"):
        return value.lower()
    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"unknown encoding '{value}' (e.g. utf-8, cp1258, utf-16, tcvn3, vni)") from None
    return value


LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of human output: vi (default) or en.")]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        "-e",
        help="Encoding of CSV/TSV files without a BOM (default UTF-8; e.g. cp1258). tcvn3 or vni convert text "
        "typed in the legacy .VnTime or VNI-Times fonts, in .xlsx files too.",
        callback=_check_encoding,
    ),
]


class Reader(StrEnum):
    """How ballot files are read."""

    auto = "auto"
    fast = "fast"
    exact = "exact"


ReaderOption = Annotated[
    Reader,
    typer.Option(
        "--reader",
        help="auto (default): stream large files in column batches; exact: ballot by ballot. Same result either way.",
    ),
]
FormatOption = Annotated[
    TallyFormat, typer.Option("--format", "-f", help="table (default), json, csv, markdown or plain.")
]
SheetOption = Annotated[str | None, typer.Option("--sheet", help="Sheet of .xlsx files to read (default: the first).")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Allow --output to replace an existing file.")]
ElectionArg = Annotated[Path, typer.Argument(help="The election file (TOML).", show_default=False, metavar="ELECTION")]
BallotsArg = Annotated[
    list[Path], typer.Argument(help="Ballot files (.csv, .tsv, .xlsx).", show_default=False, metavar="BALLOTS...")
]


@contextmanager
def _guard(lang: str) -> Iterator[None]:
    """Turn the tool's errors into a message on stderr and an exit code; never a traceback."""
    try:
        yield
    except EmulationVoteError as error:
        typer.echo(f"{t('error.prefix', lang)}: {error.describe(lang)}", err=True)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        typer.echo(t("error.interrupted", lang), err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:  # noqa: BLE001 - last line of defence: a bug must not show a traceback
        if os.environ.get("EMULATION_VOTE_DEBUG"):
            traceback.print_exc()
        typer.echo(t("error.internal", lang, detail=f"{type(error).__name__}: {error}"), err=True)
        raise typer.Exit(3) from None


def _emit(text: str | bytes, output: Path | None, force: bool, lang: str) -> None:
    """Print ``text`` on stdout, or write it atomically to ``output``."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    from emulation_vote.output import write_atomic

    write_atomic(output, text.encode("utf-8") if isinstance(text, str) else text, force)
    typer.echo(t("written", lang, path=output), err=True)


def _terminal() -> tuple[bool, int]:
    """Return whether stdout is a colour terminal, and the width to draw tables at."""
    tty = sys.stdout.isatty()
    color = tty and "NO_COLOR" not in os.environ
    return color, (shutil.get_terminal_size().columns if tty else 100)


@contextmanager
def _progress(paths: list[Path]) -> Iterator[Callable[[int], None] | None]:
    """Yield a callback that advances a Rich progress bar on stderr (terminal only, files over 8 MB)."""
    try:
        total = sum(p.stat().st_size for p in paths)
    except OSError:
        total = 0
    if total < 8_000_000 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    columns = (BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda count: bar.advance(task, count)


def _tally_text(record: ElectionRecord, fmt: TallyFormat, lang: str, output: Path | None) -> str:
    from emulation_vote.render import render_tally

    color, width = _terminal() if output is None else (False, 100)
    return render_tally(record, fmt.value, lang, color=color, width=width)


def _check_output(output: Path | None, force: bool) -> None:
    """Refuse an unwritable or existing ``--output`` before any work is done."""
    if output is not None:
        from emulation_vote.output import check_target

        check_target(output, force)


@app.command()
def tally(
    election: ElectionArg,
    ballots: BallotsArg,
    fmt: FormatOption = TallyFormat.table,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
) -> None:
    """Count the ballots and print the result (rank, votes, percent, selection, runoff)."""
    with _guard(lang.value):
        from emulation_vote.pipeline import count_files

        _check_output(output, force)
        with _progress(ballots) as progress:
            record = count_files(election, ballots, encoding, sheet, reader.value, progress)
        text = _tally_text(record, fmt, lang.value, output)
        _emit(text, output, force, lang.value)


@app.command()
def demo(
    fmt: FormatOption = TallyFormat.table,
    lang: LangOption = Lang.vi,
) -> None:
    """Count the bundled seed conference (9 units of Khối thi đua Các cơ quan Tỉnh ủy, 2 flags)."""
    with _guard(lang.value):
        from emulation_vote.pipeline import count_files, demo_paths

        election_path, ballots_path = demo_paths()
        text = _tally_text(count_files(election_path, [ballots_path]), fmt, lang.value, None)
        _emit(text, None, False, lang.value)


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
) -> None:
    """Write the minutes of the count (biên bản kiểm phiếu), ready to sign: .docx or Markdown."""
    with _guard(lang.value):
        from emulation_vote.pipeline import count_files
        from emulation_vote.render.minutes import build_minutes

        suffix = output.suffix.lower() if output is not None else ".md"
        if suffix not in (".docx", ".md", ".markdown"):
            raise UsageError("output.suffix", file=str(output), suffix=suffix or "(none)")
        _check_output(output, force)
        document = build_minutes(count_files(election, ballots, encoding, sheet, reader.value), lang.value)
        if suffix == ".docx":
            from emulation_vote.render.minutes_docx import render_minutes_docx

            _emit(render_minutes_docx(document), output, force, lang.value)
        else:
            from emulation_vote.render.minutes_md import render_minutes_md

            _emit(render_minutes_md(document), output, force, lang.value)


class AuditFormat(StrEnum):
    """Output formats of ``audit``."""

    table = "table"
    csv = "csv"
    json = "json"
    canonical = "canonical"


@app.command()
def audit(
    election: ElectionArg,
    ballots: BallotsArg,
    fmt: Annotated[
        AuditFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (default), csv, json, or canonical (the exact text the fingerprint hashes).",
        ),
    ] = AuditFormat.table,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    logs: Annotated[
        list[Path] | None,
        typer.Option("--log", help="Also print this entry log (from 'enter') for filing; repeatable. Table and json."),
    ] = None,
) -> None:
    """List every ballot as counted (file, row, status, reason, choices) and reconcile the paper figures."""
    with _guard(lang.value):
        from emulation_vote.pipeline import count_files

        _check_output(output, force)
        record = count_files(election, ballots, encoding, sheet, keep_ballots=True)
        if fmt is AuditFormat.canonical:
            from emulation_vote.record import canonical_text

            text = canonical_text(record.election, record.contests)
        elif fmt is AuditFormat.json:
            from emulation_vote.render.audit import render_audit_json

            text = render_audit_json(record, logs or [], lang.value)
        elif fmt is AuditFormat.csv:
            from emulation_vote.render.audit import render_audit_csv

            text = render_audit_csv(record, lang.value)
        else:
            from emulation_vote.render.audit import render_audit_table

            color, width = _terminal() if output is None else (False, 160)
            text = render_audit_table(
                record, lang.value, color=color, width=width if sys.stdout.isatty() else 160, logs=logs or []
            )
        _emit(text, output, force, lang.value)


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
) -> None:
    """Recount and compare with a saved JSON result: exit 0 when it matches, 1 listing every difference."""
    with _guard(lang.value):
        from emulation_vote.pipeline import count_files
        from emulation_vote.render.audit import verify_text
        from emulation_vote.verify import compare_result, load_result

        saved = load_result(result)
        record = count_files(election, ballots, encoding, sheet, reader.value)
        mismatches = compare_result(saved, record)
        sys.stdout.write(verify_text(mismatches, record, lang.value))
        if mismatches:
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
) -> None:
    """Compare the same paper ballots typed by different clerks: exit 0 when all agree, 1 listing each dispute."""
    with _guard(lang.value):
        from emulation_vote.compare import compare_entries
        from emulation_vote.election import load_election
        from emulation_vote.render.audit import agreed_csv, compare_text

        if len(entries) < 2:
            raise UsageError("compare.need_two")
        _check_output(output, force)
        loaded = load_election(election)
        comparison = compare_entries(loaded, entries, encoding, sheet)
        sys.stdout.write(compare_text(comparison, lang.value))
        if not comparison.agree:
            if output is not None:
                typer.echo(t("compare.not_written", lang.value), err=True)
            raise typer.Exit(1)
        if output is not None:
            _emit(agreed_csv(comparison), output, force, lang.value)


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
    seats: Annotated[int | None, typer.Option("--seats", min=1, help="Round 2+: the seats the runoff is for.")] = None,
    log: Annotated[Path | None, typer.Option("--log", help="The entry log (default: OUTPUT.log).")] = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Type paper ballots one per line (unit numbers, '-', '!reason', '#ID', 'u' to undo); each is saved at once."""
    language = lang.value
    with _guard(language):
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
            if session.contest.style == "strike":
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
    with _guard(lang.value):
        from emulation_vote.entrylog import check_log
        from emulation_vote.render.entry import check_text

        result = check_log(log)
        typer.echo(check_text(result, lang.value))
        if not result.intact:
            raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"emulation-vote {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Kiểm phiếu bình xét, suy tôn thi đua — count the secret ballots of an emulation block's conference."""


def main() -> None:
    """Entry point of the ``emulation-vote`` console script."""
    app()

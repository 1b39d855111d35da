"""The command line's shared parts: the Typer app, common options, the one error handler, output.

The command line is the only layer that prints or exits.  Errors of the tool
(:class:`~emulation_vote.errors.EmulationVoteError`) are caught once, in :func:`guard`, and printed
on stderr in the chosen language: exit 1 for data errors, 2 for usage, 3 for a bug.  Heavy
libraries (Rich, pyarrow, numpy, python-calamine, python-docx) are imported only by the code that
needs them.  Each command group lives in its own module of this package.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from typer._click.exceptions import ClickException

from emulation_vote._version import __version__
from emulation_vote.cli._coercion import read_options_quickly
from emulation_vote.errors import EmulationVoteError, UsageError
from emulation_vote.i18n import t
from emulation_vote.vocab import Language, ReaderChoice, TallyFormat

if TYPE_CHECKING:
    from emulation_vote.election import Election
    from emulation_vote.record import ElectionRecord

F = TypeVar("F", bound=StrEnum)
"""A command's output formats."""

app = typer.Typer(
    name="emulation-vote",
    help="Kiểm phiếu bình xét, suy tôn thi đua — count the secret ballots of an emulation block's conference.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


Lang = Language  # the option types are the vocabulary's, defined once in emulation_vote.vocab
Reader = ReaderChoice


def _check_encoding(value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() in ("tcvn3", "vni"):
        return value.lower()
    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"unknown encoding '{value}' (e.g. utf-8, cp1258, utf-16, tcvn3, vni)") from None
    from emulation_vote.ballots.decode import is_text_encoding

    if not is_text_encoding(value):
        raise typer.BadParameter(f"'{value}' is not a text encoding (e.g. utf-8, cp1258, utf-16, tcvn3, vni)")
    return value


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        "-l",
        envvar="EMULATION_VOTE_LANG",
        help="Language of human output: vi (default) or en; also set by EMULATION_VOTE_LANG.",
    ),
]
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


ReaderOption = Annotated[
    Reader,
    typer.Option(
        "--reader",
        help="auto (default): stream large files in column batches; exact: ballot by ballot. Same result either way.",
    ),
]
FormatOption = Annotated[
    TallyFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json, csv, markdown (or md), plain, or xlsx (an Excel workbook; needs --output). "
        "Default: by the suffix of --output (.json, .csv, .md, .xlsx), else table.",
        show_default=False,
    ),
]
TALLY_SUFFIXES = {
    ".json": (TallyFormat.json,),
    ".csv": (TallyFormat.csv,),
    ".md": (TallyFormat.markdown,),
    ".markdown": (TallyFormat.markdown,),
    ".xlsx": (TallyFormat.xlsx,),
}
"""The tally formats written in a file of each suffix, the usual one first (a text format also goes in a .txt)."""
TALLY_BINARY = (TallyFormat.xlsx,)
RoundOption = Annotated[int, typer.Option("--round", min=1, help="The voting round (2 and up: a runoff).")]
RunoffOption = Annotated[
    str | None,
    typer.Option(
        "--runoff", help="Round 2+: the tied units, by id or name (e.g. STP,STC), numbered as on the first paper."
    ),
]
SeatsOption = Annotated[
    int | None,
    typer.Option(
        "--seats",
        min=1,
        help="Round 2+: the seats the runoff fills (a ballot may choose that many, unless max_marks is set).",
    ),
]
"""A runoff round's options (enter, ballots): the round, the tied units on its paper, the seats it fills."""
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        help="Read only this sheet of .xlsx files (default: every sheet, each for its contest; sheets without a "
        "ballot number column, such as instructions, are skipped).",
    ),
]
FirstSheetOption = Annotated[
    str | None, typer.Option("--sheet", help="Sheet of .xlsx files to read (default: the first).")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Allow --output to replace an existing file.")]
StrictNamesOption = Annotated[
    bool,
    typer.Option(
        "--strict-names",
        help="Refuse a name typed without its diacritics ('So Y te') instead of reading it, with a notice, "
        "as the one candidate it can mean.",
    ),
]
ScoresOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--scores",
        help="Score sheets (.csv, .xlsx; repeat the option for each), or one JSON saved by 'score --format json', "
        "for contests that take their candidates or break ties from the ranking by scores.",
        show_default=False,
    ),
]
ContestsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--contest",
        help="Count only this contest (its id; repeatable). Rows of the other contests are skipped, "
        "and their number stated.",
        show_default=False,
    ),
]
PartialOption = Annotated[
    bool,
    typer.Option(
        "--partial",
        help="A provisional count of what is there: no check against the ballots collected, "
        "contests without ballots left out; marked KẾT QUẢ TẠM TÍNH.",
    ),
]
MaxErrorsOption = Annotated[
    int,
    typer.Option(
        "--max-errors",
        min=1,
        help="Show at most this many data errors (then how many more); every file is read in one pass.",
        metavar="N",
    ),
]
ElectionArg = Annotated[Path, typer.Argument(help="The election file (TOML).", show_default=False, metavar="ELECTION")]
BallotsArg = Annotated[
    list[Path], typer.Argument(help="Ballot files (.csv, .tsv, .xlsx).", show_default=False, metavar="BALLOTS...")
]


_PLAIN_TYPES = {
    "<path>": "<FILE>",
    "<list[Path]>": "<FILE...>",
    "<str>": "<TEXT>",
    "<list[str]>": "<ID...>",
    "<int>": "<N>",
    "<int range>": "<N>",
    "<float>": "<NUMBER>",
}


def _plain_help_types() -> None:
    """Show option values in help as a person reads them (<FILE>, <N>), never as Python types (<list[Path]>)."""
    from typer.core import _TyperParameter

    original = _TyperParameter.display_type
    if getattr(original, "plain", False):
        return

    def display_type(self: _TyperParameter, ctx: object) -> str:
        shown = original(self, ctx)  # type: ignore[arg-type]
        return _PLAIN_TYPES.get(shown, shown)

    display_type.plain = True  # type: ignore[attr-defined]
    _TyperParameter.display_type = display_type  # type: ignore[method-assign]


_plain_help_types()


def _whole_summaries() -> None:
    """List each command with its whole first sentence (wrapped), never cut off with "..."."""
    from typer._click.core import Command

    original = Command.get_short_help_str
    if getattr(original, "whole", False):
        return

    def get_short_help_str(self: Command, limit: int = 45) -> str:
        return original(self, limit=max(limit, 400))

    get_short_help_str.whole = True  # type: ignore[attr-defined]
    Command.get_short_help_str = get_short_help_str  # type: ignore[method-assign]


_whole_summaries()
read_options_quickly()

USAGE_VI = (
    (r"^Usage: ", "Cách dùng: "),
    (r"^Try '(.+)' for help\.$", r"Xem '\1' để được trợ giúp."),
    (r"^Error: ", "Lỗi: "),
    (r"No such option: (\S+)", r"không có tùy chọn \1"),
    (r"\(Possible options: (.+)\)", r"(các tùy chọn gần giống: \1)"),
    (r"No such command '(.+)'\.", r"không có lệnh '\1'."),
    (r"Missing argument '(.+)'\.", r"thiếu đối số '\1'."),
    (r"Missing option '(.+)'\.", r"thiếu tùy chọn '\1'."),
    (
        r"Invalid value for '(.+?)' \(env var: '(.+?)'\): (Value error, )?",
        r"giá trị không hợp lệ cho '\1' (biến môi trường '\2'): ",
    ),
    (r"Invalid value for '(.+?)': (Value error, )?", r"giá trị không hợp lệ cho '\1': "),
    (r"'(.+)' is not one of (.+)\.", r"'\1' không phải một trong \2."),
    (r"'(.+)' is not a valid integer( range)?\.", r"'\1' không phải số nguyên."),
    (r"unknown encoding '(.+)' \(e\.g\. (.+)\)", r"không có bảng mã '\1' (ví dụ \2)"),
    (r"'(.+)' is not a text encoding \(e\.g\. (.+)\)", r"'\1' không phải bảng mã văn bản (ví dụ \2)"),
    (r"Input should be a valid integer(, [^\n]*)?", "phải là một số nguyên, viết bằng chữ số (ví dụ 3)."),
    (r"Input should be greater than or equal to (\S+)", r"phải là số từ \1 trở lên."),
    (r"Input should be less than or equal to (\S+)", r"phải là số không quá \1."),
    (r"(.+) is not in the range (.+)\.", r"\1 nằm ngoài khoảng \2."),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)", r"thừa đối số (\1)"),
    (r"^(Lỗi: )?Missing command\.", r"\1thiếu lệnh."),
    (r"Option '(.+)' requires an argument\.", r"tùy chọn '\1' cần một giá trị."),
    (r"Option '(.+)' does not take a value\.", r"tùy chọn '\1' không nhận giá trị."),
    (r"(?i:file|path|directory|dir) '(.+)' does not exist\.", r"'\1' không tồn tại."),
    (r"(?i:file|path|directory|dir) '(.+)' is not readable\.", r"không đọc được '\1' (không có quyền đọc)."),
    (r"(?i:file|path|directory|dir) '(.+)' is not writable\.", r"không ghi được vào '\1' (không có quyền ghi)."),
    (r"(?i:file|path|directory|dir) '(.+)' is a directory\.", r"'\1' là một thư mục, không phải tệp."),
    (r"(?i:file|path|directory|dir) '(.+)' is a file\.", r"'\1' là một tệp, không phải thư mục."),
)
"""Click's usage errors in Vietnamese, pattern by pattern (its messages are English f-strings)."""


def usage_text(text: str, lang: Language) -> str:
    """Return Click's usage error text in ``lang`` (Vietnamese: line by line through :data:`USAGE_VI`)."""
    import re

    if lang != Language.vi:
        return text
    lines = []
    for line in text.split("\n"):
        for pattern, replacement in USAGE_VI:
            line = re.sub(pattern, replacement, line)
        lines.append(line)
    return "\n".join(lines)


def chosen_language(argv: Sequence[str]) -> Language:
    """Return the language the command line asks for: --lang/-l, else EMULATION_VOTE_LANG, else vi."""
    for index, arg in enumerate(argv):
        if arg in ("--lang", "-l") and index + 1 < len(argv):
            return Language.en if argv[index + 1] == "en" else Language.vi
        if arg.startswith("--lang="):
            return Language.en if arg.endswith("=en") else Language.vi
    return Language.en if os.environ.get("EMULATION_VOTE_LANG") == "en" else Language.vi  # as --lang reads it


@contextmanager
def guard(lang: Language, json_errors: bool = False) -> Iterator[None]:
    """Turn the tool's errors into a message on stderr and an exit code; never a traceback.

    Data errors (exit 1) found together are listed by file: a table on a terminal, plain lines
    when piped.  With ``json_errors`` (``--format json``) they are the JSON error document on stdout.
    """
    try:
        yield
    except EmulationVoteError as error:
        from emulation_vote.render.errors import errors_json, errors_text

        if json_errors and error.exit_code == 1:
            sys.stdout.write(errors_json(error, lang))
        else:
            table = sys.stderr.isatty()
            width = shutil.get_terminal_size().columns if table else 100
            sys.stderr.write(errors_text(error, lang, table=table, width=width))
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        typer.echo(t("error.interrupted", lang), err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, ClickException):
        raise  # a usage error raised by a command (BadParameter) is worded by main(): exit 2
    except Exception as error:  # noqa: BLE001 - last line of defence: a bug must not show a traceback
        if os.environ.get("EMULATION_VOTE_DEBUG"):
            traceback.print_exc()
        typer.echo(t("error.internal", lang, detail=f"{type(error).__name__}: {error}"), err=True)
        raise typer.Exit(3) from None


def emit(
    text: str | bytes | Iterable[str],
    output: Path | None,
    force: bool,
    lang: Language,
    inputs: Sequence[Path] = (),
) -> None:
    """Print ``text`` on stdout, or write it atomically to ``output`` (never over one of ``inputs``).

    ``text`` may come in pieces (an iterable of str, made as it is written: an output too large to hold whole).
    """
    chunks: Iterable[str | bytes] = [text] if isinstance(text, str | bytes) else text
    if output is None:
        for chunk in chunks:
            if isinstance(chunk, bytes):
                sys.stdout.buffer.write(chunk)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    from emulation_vote.output import write_atomic_chunks

    write_atomic_chunks(output, chunks, force, inputs)
    typer.echo(t("written", lang, path=output), err=True)


def terminal() -> tuple[bool, int]:
    """Return whether stdout is a colour terminal, and the width to draw tables at.

    A terminal's own width; when piped, ``COLUMNS`` if it is set to a number, else 100.
    """
    tty = sys.stdout.isatty()
    color = tty and "NO_COLOR" not in os.environ
    if tty:
        return color, shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "").strip()
    return color, int(columns) if columns.isdigit() and int(columns) >= 20 else 100


@contextmanager
def progress_bar(paths: list[Path]) -> Iterator[Callable[[int], None] | None]:
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


def tally_text(record: ElectionRecord, fmt: TallyFormat, lang: Language, output: Path | None) -> str:
    from emulation_vote.render import render_tally

    color, width = terminal() if output is None else (False, 100)
    return render_tally(record, fmt, lang, color=color, width=width)


CLAIMED_SUFFIXES = frozenset(
    {
        ".json",
        ".csv",
        ".tsv",
        ".md",
        ".markdown",
        ".xlsx",
        ".xls",
        ".docx",
        ".doc",
        ".pdf",
        ".png",
        ".svg",
        ".html",
        ".htm",
        ".toml",
    }
)
"""Suffixes that name a file format: a file so named is opened by that format's program."""


def runoff_papers(
    election: Election, contest: list[str], round_number: int, runoff: str | None, seats: int | None, lang: Language
) -> Election:
    """Return the election of a runoff's papers: one contest (named, or the only one), its tied units only.

    Its contest is what a runoff's papers print (``ballots``) and its workbook shows (``template``).
    """
    from emulation_vote.entry import round_candidates, round_limits, which_contest
    from emulation_vote.paper import runoff_election

    if len(contest) > 1:
        raise UsageError("papers.runoff_one_contest")
    chosen = election.contest(which_contest(election, contest[0] if contest else None))
    names = tuple(part.strip() for part in (runoff or "").split(",") if part.strip())
    candidates = round_candidates(chosen, round_number, names)
    limits = round_limits(chosen, round_number, seats, len(candidates) if round_number > 1 else None)
    return runoff_election(election, chosen, round_number, candidates, limits, lang)


def output_format(chosen: F | None, output: Path | None, suffixes: Mapping[str, tuple[F, ...]], default: F) -> F:
    """Return the format to write: ``--format``, else the first one ``--output``'s suffix names, else ``default``.

    ``suffixes`` maps a file suffix (lower case, with its dot) to the formats the command writes
    in such a file, the usual one first.  Whether the two fit is :func:`check_format_fits`'s.
    """
    fitting = suffixes.get(output.suffix.lower(), ()) if output is not None else ()
    return chosen or (fitting[0] if fitting else default)


def check_format_fits(
    chosen: F | None,
    output: Path | None,
    suffixes: Mapping[str, tuple[F, ...]],
    default: F,
    binary: Collection[F] = (),
) -> None:
    """Refuse an ``--output`` whose name says another format than the one written (``-f csv -o ket-qua.xlsx``).

    Such a file opens in the wrong program, or not at all.  Refused: a suffix that names a format
    (:data:`CLAIMED_SUFFIXES`) other than the one chosen (by ``--format``, the suffix, or
    ``default``: ``audit -o a.xlsx`` writes no workbook), and a ``binary`` format (a workbook, a
    Word or PDF document) under a name that does not say it.  A text format may go under any
    other name (``.txt``, ``.out``, none).
    """
    if output is None:
        return
    from emulation_vote.errors import UsageError

    suffix = output.suffix.lower()
    written = chosen or output_format(None, output, suffixes, default)
    if written in suffixes.get(suffix, ()):
        return
    if suffix in CLAIMED_SUFFIXES or written in binary:
        if chosen is not None:
            raise UsageError("output.format_suffix", file=str(output), format=written.value, suffix=suffix or "-")
        every = {default, *(one for formats in suffixes.values() for one in formats)}
        usable = ", ".join(sorted(suffixes) + ([".txt"] if any(one not in binary for one in every) else []))
        raise UsageError("output.unwritable_suffix", file=str(output), suffix=suffix or "-", suffixes=usable)


def check_csv_output(output: Path | None) -> None:
    """Refuse an ``--output`` of a command that writes CSV when its name says another format (``-o phieu.xlsx``)."""
    if output is not None and output.suffix.lower() in CLAIMED_SUFFIXES - {".csv"}:
        from emulation_vote.errors import UsageError

        raise UsageError(
            "output.unwritable_suffix", file=str(output), suffix=output.suffix.lower(), suffixes=".csv, .txt"
        )


def check_output(output: Path | None, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Refuse an unwritable or existing ``--output``, or one of the ``inputs``, before any work is done."""
    if output is not None:
        from emulation_vote.output import check_target

        check_target(output, force, inputs)


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

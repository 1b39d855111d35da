"""The command line: parse -> call the library -> render.  The only package that prints or exits.

One module per command group; importing this package registers every command on :data:`app`.
"""

from __future__ import annotations

# Importing a command module registers its commands; --help lists them in import order, so the
# order below is deliberate and not alphabetical.
# isort: off
from emulation_vote.cli import prepare  # noqa: F401  (new, template)
from emulation_vote.cli import count  # noqa: F401  (tally, demo)
from emulation_vote.cli import show  # noqa: F401  (show)
from emulation_vote.cli import minutes  # noqa: F401  (minutes)
from emulation_vote.cli import score  # noqa: F401  (score)
from emulation_vote.cli import audit  # noqa: F401  (audit, verify, compare)
from emulation_vote.cli import entry  # noqa: F401  (enter, check-log)
from emulation_vote.cli import ballots  # noqa: F401  (ballots)
from emulation_vote.cli import scan  # noqa: F401  (scan)

# isort: on
from emulation_vote.cli._app import app

__all__ = ["app", "main", "run"]


def main() -> None:
    """Entry point of the ``emulation-vote`` console script.

    Usage errors (an unknown option, a missing argument, a bad value) are printed in the language
    asked for (``--lang`` or ``EMULATION_VOTE_LANG``, Vietnamese by default), exit status 2.
    """
    import io
    import sys

    from typer._click.exceptions import ClickException
    from typer.exceptions import Abort, Exit

    from emulation_vote.cli._app import chosen_language, usage_text
    from emulation_vote.cli._help import localized

    lang = chosen_language(sys.argv[1:])
    try:
        command = sys.argv[1] if len(sys.argv) > 1 else None  # an option first (--help tally): every command
        status = localized(lang, command).main(standalone_mode=False, prog_name="emulation-vote")
    except ClickException as error:
        buffer = io.StringIO()
        error.show(file=buffer)
        sys.stderr.write(usage_text(buffer.getvalue(), lang))
        sys.exit(error.exit_code)
    except Exit as done:
        sys.exit(done.exit_code)
    except Abort:
        sys.stderr.write("\n")
        sys.exit(1)
    if isinstance(status, int) and status:  # a command's typer.Exit(code), returned when not standalone
        sys.exit(status)


def run() -> None:
    """Entry point of the console script and of ``python -m emulation_vote``: :func:`main`, then leave.

    Python's own shutdown frees every module, array and memory pool one by one: 40-50 ms after
    counting a million ballots, more than some commands' own work.  Nothing is left to do by
    then (every file written is already closed, see :mod:`emulation_vote.output`), so once
    :func:`main` has returned or exited, stdout and stderr are flushed and the process ends with
    the same exit status (120 when a stream cannot be flushed, as Python gives).  Under a tracer
    or a profiler (coverage, cProfile, a debugger), whose results are written at shutdown, the
    process ends as Python ends it.  An unexpected exception is left to Python, which prints it.
    The C heap keeps what is freed while the command runs (:func:`~emulation_vote.memory.keep_freed_memory`).
    """
    import os
    import sys

    from emulation_vote.memory import keep_freed_memory

    keep_freed_memory()
    try:
        main()
        status = 0
    except SystemExit as done:
        status = _exit_status(done.code)
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away (a closed pipe), or the stream was closed
            status = 120
    os._exit(status)


def _exit_status(code: object) -> int:
    """Return the exit status Python gives ``sys.exit(code)``, writing a message code to stderr as it does."""
    import sys

    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1

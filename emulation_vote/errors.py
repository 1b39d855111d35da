"""The one error hierarchy of emulation-vote: a leaf that imports nothing of the package.

Every problem the user can fix (a bad election file, a bad ballot file, an output that
already exists) is raised as a subclass of :class:`EmulationVoteError`.  The error carries a
message key of the catalogue (:mod:`emulation_vote.messages`), where it happened and the
message's parameters, never a finished sentence: the wording happens where errors are shown
(:func:`emulation_vote.render.errors.describe_error`, used by the command line's one handler),
in Vietnamese or English.  The command line catches this class once and maps it to an exit code
(:attr:`EmulationVoteError.exit_code`).
"""

from __future__ import annotations

from typing import Any


class EmulationVoteError(Exception):
    """Base of every error the tool reports to the user without a traceback.

    ``key`` names the message in the catalogue; ``file`` and ``row`` locate it (``row`` is
    the row number as a spreadsheet shows it: the header is row 1); ``params`` fill the
    message's placeholders.
    """

    exit_code = 1

    def __init__(self, key: str, /, *, file: str | None = None, row: int | None = None, **params: Any) -> None:
        """Record the message key, where it happened and the message parameters."""
        self.key = key
        self.file = file
        self.row = row
        self.params = params
        super().__init__(key)

    def __str__(self) -> str:
        """Return the key, the place and the parameters (for logs and debugging; users see the wording)."""
        where = ", ".join(part for part in (self.file, f"row {self.row}" if self.row else None) if part)
        params = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{self.key}" + (f" at {where}" if where else "") + (f" ({params})" if params else "")


class ElectionFileError(EmulationVoteError):
    """The election file is unreadable, malformed or inconsistent."""


class BallotFileError(EmulationVoteError):
    """A ballot file is unreadable or holds a data-entry error."""


class OutputError(EmulationVoteError):
    """An output file cannot be written (it exists and ``--force`` was not given, or the folder is missing)."""

    exit_code = 2


class UsageError(EmulationVoteError):
    """The command was called with arguments that cannot work together."""

    exit_code = 2


class ScoreSheetError(EmulationVoteError):
    """A score sheet is unreadable, holds a data-entry error, or lacks scores the scoring rule needs."""


class DataErrors(BallotFileError):
    """Several data errors found in one pass over the ballot files, in file and row order.

    ``errors`` are the first ones (up to the limit asked for); ``more`` is how many were found
    beyond them.  Nothing was counted.
    """

    def __init__(self, errors: list[EmulationVoteError], more: int = 0) -> None:
        """Hold ``errors`` (at least two, or one and ``more``)."""
        super().__init__("data.several", count=len(errors) + more)
        self.errors = tuple(errors)
        self.more = more


def raise_collected(errors: list[EmulationVoteError], limit: int | None) -> None:
    """Raise what ``errors`` holds: nothing when empty, a single error as itself, several as :class:`DataErrors`."""
    if not errors:
        return
    if len(errors) == 1:
        raise errors[0]
    shown = errors if limit is None else errors[:limit]
    raise DataErrors(list(shown), len(errors) - len(shown))

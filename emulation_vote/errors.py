"""The one error hierarchy of emulation-vote.

Every problem the user can fix (a bad election file, a bad ballot file, an output that
already exists) is raised as a subclass of :class:`EmulationVoteError`.  The error carries a
message key of the :mod:`emulation_vote.i18n` catalogue and its parameters, not a finished
sentence, so that the command line can say it in Vietnamese or English.  The command line
catches this class once and maps it to an exit code (:attr:`EmulationVoteError.exit_code`).
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
        super().__init__(self.describe("en"))

    def describe(self, lang: str = "vi") -> str:
        """Return the message in ``lang`` ("vi" or "en"), prefixed by the file and row."""
        from emulation_vote.i18n import describe_error

        return describe_error(self, lang)


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

"""The one small interface of the ballot readers, and the outcome of a reader that gives up.

Two readers implement it, one module each: :mod:`~emulation_vote.ballots.exact` (ballot by
ballot; never gives up, every error at its file and row) and :mod:`~emulation_vote.ballots.fast`
(streaming column batches for large files; it gives up, as a typed :class:`GaveUp`, on any file
it cannot vouch for).  The pipeline chooses between them (:mod:`emulation_vote.pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from emulation_vote.ballot import BallotGroups
from emulation_vote.election import Election

Progress = Callable[[int], None]
"""Called with the number of bytes read since the last call."""


@dataclass(frozen=True)
class ReadRequest:
    """What to read: the ballot files, for which election, how (encoding, sheet), and whom to tell progress.

    ``strict_names`` refuses a name typed without its diacritics instead of reading it as the one
    candidate it can mean (with a notice).  ``only`` (contest ids) reads the rows of those
    contests alone; the others are skipped unread and counted.
    """

    paths: Sequence[str | Path]
    election: Election
    encoding: str | None = None
    sheet: str | None = None
    progress: Progress | None = None
    strict_names: bool = False
    only: frozenset[str] | None = None
    max_errors: int | None = 50


@dataclass(frozen=True)
class GaveUp:
    """A reader could not vouch for the files (``reason`` says why); the exact reader must read them."""

    reason: str


class BallotReader(Protocol):
    """A ballot reader: the files of a request in, ballots aggregated by content out, or :class:`GaveUp`."""

    name: str

    def read(self, request: ReadRequest) -> BallotGroups | GaveUp:
        """Read the request's files."""
        ...

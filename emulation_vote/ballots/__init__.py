"""Ballot readers: files of any supported format and layout become :class:`Ballot` records.

:func:`read_ballots` is the entry point: it reads every file, checks each row, and then the
checks that span files (a ``ballot_id`` used twice in a contest and round).  Nothing is
returned unless every file is free of errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from emulation_vote.ballots.layout import read_layout
from emulation_vote.ballots.model import Ballot, BallotGroups, Content
from emulation_vote.ballots.tabular import read_sheet
from emulation_vote.election import Election
from emulation_vote.errors import BallotFileError

__all__ = ["Ballot", "BallotGroups", "BallotSet", "Content", "read_ballot_file", "read_ballots"]


@dataclass(frozen=True)
class BallotSet:
    """Every ballot loaded for an election, in file and row order, and the files they came from."""

    ballots: tuple[Ballot, ...]
    sources: tuple[str, ...]

    def grouped(self) -> BallotGroups:
        """Return the ballots aggregated by contest, round and content, keeping each ballot."""
        groups = BallotGroups(sources=self.sources)
        for ballot in self.ballots:
            groups.add(ballot)
        return groups


def read_ballot_file(
    path: str | Path, election: Election, encoding: str | None = None, sheet: str | None = None
) -> list[Ballot]:
    """Read one ballot file; raise :class:`BallotFileError` at its first error or when it holds no ballot."""
    source = str(path)
    ballots = list(read_layout(read_sheet(Path(path), source, encoding, sheet), election))
    if not ballots:
        raise BallotFileError("file.no_ballots", file=source)
    return ballots


def read_ballots(
    paths: Sequence[str | Path], election: Election, encoding: str | None = None, sheet: str | None = None
) -> BallotSet:
    """Read every ballot file and check ``ballot_id`` is unique per contest and round across them."""
    ballots: list[Ballot] = []
    seen: dict[tuple[str, int, str], Ballot] = {}
    for path in paths:
        for ballot in read_ballot_file(path, election, encoding, sheet):
            key = (ballot.contest, ballot.round, ballot.ballot_id)
            first = seen.get(key)
            if first is not None:
                raise BallotFileError(
                    "row.duplicate_id",
                    file=ballot.source,
                    row=ballot.row,
                    value=ballot.ballot_id,
                    contest=ballot.contest,
                    first_file=first.source,
                    first_row=first.row,
                )
            seen[key] = ballot
            ballots.append(ballot)
    return BallotSet(tuple(ballots), tuple(str(p) for p in paths))

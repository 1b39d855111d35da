"""The exact reader: every file read ballot by ballot, every row checked, every error at its file and row.

It never gives up: a file it cannot read is a data error, reported at its first problem.  It is
what the audit uses (:func:`read_ballots` keeps every ballot, so each gets its verdict), and what
counts whenever the streaming reader gives up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from emulation_vote.ballot import Ballot, BallotGroups, BallotSet, Notice
from emulation_vote.ballots.layout import read_layout
from emulation_vote.ballots.reader import ReadRequest
from emulation_vote.ballots.tabular import Sheet, read_sheets
from emulation_vote.election import Election
from emulation_vote.errors import BallotFileError


class ExactReader:
    """The exact reader behind the :class:`~emulation_vote.ballots.reader.BallotReader` interface."""

    name = "exact"

    def read(self, request: ReadRequest) -> BallotGroups:
        """Read every file of ``request`` into aggregated counts (raising at the first data error)."""
        return read_ballot_groups(
            request.paths, request.election, request.encoding, request.sheet, request.strict_names, request.only
        )


def iter_ballot_file(
    path: str | Path | Sheet,
    election: Election,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    notices: list[Notice] | None = None,
    only: frozenset[str] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Ballot]:
    """Yield the ballots of one file; raise :class:`BallotFileError` at its first error or when it holds none.

    ``path`` may also be cells already in memory (a :class:`Sheet`, e.g. made from a DataFrame).
    Names matched only without diacritics go to ``notices`` (refused when ``strict_names``).
    With ``only``, rows of other contests are skipped and counted in ``skipped``.
    """
    found_sheets = [path] if isinstance(path, Sheet) else read_sheets(Path(path), str(path), encoding, sheet)
    source = path.source if isinstance(path, Sheet) else str(path)
    empty = True
    passed = Counter[str]() if skipped is None else skipped
    before = passed.total()
    for found in found_sheets:
        for ballot in read_layout(found, election, strict_names, notices, only, passed):
            empty = False
            yield ballot
    if empty and passed.total() == before:
        raise BallotFileError("file.no_ballots", file=source)


def _unique(ballots: Iterable[Ballot]) -> Iterator[Ballot]:
    """Pass the ballots on, raising at the first ``ballot_id`` used twice in a contest and round."""
    seen: dict[tuple[str, int, str], tuple[str, int]] = {}
    for ballot in ballots:
        key = (ballot.contest, ballot.round, ballot.ballot_id)
        first = seen.get(key)
        if first is not None:
            raise BallotFileError(
                "row.duplicate_id",
                file=ballot.source,
                row=ballot.row,
                value=ballot.ballot_id,
                contest=ballot.contest,
                first_file=first[0],
                first_row=first[1],
            )
        seen[key] = (ballot.source, ballot.row)
        yield ballot


def read_ballot_groups(
    paths: Sequence[str | Path],
    election: Election,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
) -> BallotGroups:
    """Read every file ballot by ballot into aggregated counts, keeping one example ballot per content.

    The same checks as :func:`read_ballots`, in flat memory apart from the ids seen: what the
    exact reader does for counting a large file (not for auditing it).
    """
    groups = BallotGroups(sources=tuple(str(p) for p in paths), complete=False)
    notices, skipped = groups.notices, groups.skipped
    read = (
        b
        for path in paths
        for b in iter_ballot_file(path, election, encoding, sheet, strict_names, notices, only, skipped)
    )
    for ballot in _unique(read):
        groups.add(ballot)
    return groups


def read_ballots(
    paths: Sequence[str | Path | Sheet],
    election: Election,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
) -> BallotSet:
    """Read every ballot file (or sheet of cells) and check ``ballot_id`` is unique per contest and round."""
    notices: list[Notice] = []
    skipped: Counter[str] = Counter()
    read = (
        b
        for path in paths
        for b in iter_ballot_file(path, election, encoding, sheet, strict_names, notices, only, skipped)
    )
    ballots = tuple(_unique(read))
    sources = tuple(p.source if isinstance(p, Sheet) else str(p) for p in paths)
    return BallotSet(ballots, sources, tuple(notices), dict(skipped))

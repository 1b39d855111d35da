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
from emulation_vote.ballots.layout import TEMPLATE_MARK, read_layout
from emulation_vote.ballots.reader import ReadRequest
from emulation_vote.ballots.tabular import Sheet, read_sheets
from emulation_vote.election import Election
from emulation_vote.errors import BallotFileError, EmulationVoteError, raise_collected
from emulation_vote.text import clean


class ExactReader:
    """The exact reader behind the :class:`~emulation_vote.ballots.reader.BallotReader` interface."""

    name = "exact"

    def read(self, request: ReadRequest) -> BallotGroups:
        """Read every file of ``request`` into aggregated counts (raising at the first data error)."""
        return read_ballot_groups(
            request.paths,
            request.election,
            request.encoding,
            request.sheet,
            request.strict_names,
            request.only,
            request.max_errors,
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
    errors: list[EmulationVoteError] | None = None,
) -> Iterator[Ballot]:
    """Yield the ballots of one file; raise :class:`BallotFileError` at its first error or when it holds none.

    ``path`` may also be cells already in memory (a :class:`Sheet`, e.g. made from a DataFrame).
    Names matched only without diacritics go to ``notices`` (refused when ``strict_names``).
    With ``only``, rows of other contests are skipped and counted in ``skipped``.  With
    ``errors``, every data error is appended there instead (a row's error, and the reading goes
    on; a file's or header's error, and the file stops there).
    """
    source = path.source if isinstance(path, Sheet) else str(path)
    empty = True
    passed = Counter[str]() if skipped is None else skipped
    before = passed.total()
    errors_before = len(errors) if errors is not None else 0
    try:
        found_sheets = [path] if isinstance(path, Sheet) else read_sheets(Path(path), str(path), encoding, sheet)
        for found in found_sheets:
            for ballot in read_layout(found, election, strict_names, notices, only, passed, errors):
                empty = False
                yield ballot
        if empty and passed.total() == before and (errors is None or len(errors) == errors_before):
            numbered = any(clean(h).startswith(TEMPLATE_MARK) for each in found_sheets for h in each.header)
            raise BallotFileError("file.no_ballots_typed" if numbered else "file.no_ballots", file=source)
    except BallotFileError as error:
        if errors is None:
            raise
        errors.append(error)


def _in_file_order(errors: list[EmulationVoteError], paths: Sequence[str | Path | Sheet]) -> list[EmulationVoteError]:
    """Return ``errors`` by file (in the order given) and row; a repeated file-wide error once."""
    order = {(p.source if isinstance(p, Sheet) else str(p)): i for i, p in enumerate(paths)}
    unique: dict[tuple[object, ...], EmulationVoteError] = {}
    for error in errors:
        wide = error.key in FILE_WIDE
        key = (error.key, error.file, None if wide else error.row, tuple(sorted(map(str, error.params.items()))))
        unique.setdefault(key, error)
    return sorted(unique.values(), key=lambda e: (order.get(e.file or "", len(order)), e.row or 0))


FILE_WIDE = frozenset({"encoding.legacy", "file.which_contest"})
"""Errors that hold for a whole file, reported once even when several rows meet them."""


def _unique(ballots: Iterable[Ballot], errors: list[EmulationVoteError] | None = None) -> Iterator[Ballot]:
    """Pass the ballots on, raising at the first ``ballot_id`` used twice in a contest and round.

    With ``errors``, each repeated id is appended there instead (and the ballot left out).
    """
    seen: dict[tuple[str, int, str], tuple[str, int]] = {}
    for ballot in ballots:
        key = (ballot.contest, ballot.round, ballot.ballot_id)
        first = seen.get(key)
        if first is not None:
            error = BallotFileError(
                "row.duplicate_id",
                file=ballot.source,
                row=ballot.row,
                value=ballot.ballot_id,
                contest=ballot.contest,
                first_file=first[0],
                first_row=first[1],
            )
            if errors is None:
                raise error
            errors.append(error)
            continue
        seen[key] = (ballot.source, ballot.row)
        yield ballot


def read_ballot_groups(
    paths: Sequence[str | Path],
    election: Election,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
    max_errors: int | None = 50,
) -> BallotGroups:
    """Read every file ballot by ballot into aggregated counts, keeping one example ballot per content.

    The same checks as :func:`read_ballots`, in flat memory apart from the ids seen: what the
    exact reader does for counting a large file (not for auditing it).
    """
    groups = BallotGroups(sources=tuple(str(p) for p in paths), complete=False)
    notices, skipped = groups.notices, groups.skipped
    errors: list[EmulationVoteError] = []
    read = (
        b
        for path in paths
        for b in iter_ballot_file(path, election, encoding, sheet, strict_names, notices, only, skipped, errors)
    )
    for ballot in _unique(read, errors):
        groups.add(ballot)
    raise_collected(_in_file_order(errors, paths), max_errors)
    return groups


def read_ballots(
    paths: Sequence[str | Path | Sheet],
    election: Election,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
    max_errors: int | None = 50,
) -> BallotSet:
    """Read every ballot file (or sheet of cells) and check ``ballot_id`` is unique per contest and round.

    Every data error of every file is found in one pass: one is raised as itself, several as
    :class:`~emulation_vote.errors.DataErrors` (the first ``max_errors``, and how many more).
    """
    notices: list[Notice] = []
    skipped: Counter[str] = Counter()
    errors: list[EmulationVoteError] = []
    read = (
        b
        for path in paths
        for b in iter_ballot_file(path, election, encoding, sheet, strict_names, notices, only, skipped, errors)
    )
    ballots = tuple(_unique(read, errors))
    raise_collected(_in_file_order(errors, paths), max_errors)
    sources = tuple(p.source if isinstance(p, Sheet) else str(p) for p in paths)
    return BallotSet(ballots, sources, tuple(notices), dict(skipped))

"""The whole pipeline as one library call: election file + ballot files -> the result record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from emulation_vote.ballot import BallotGroups, BallotSet
from emulation_vote.ballots.exact import ExactReader, read_ballots
from emulation_vote.ballots.reader import GaveUp, ReadRequest
from emulation_vote.ballots.tabular import Sheet
from emulation_vote.count import CountingError, count_election
from emulation_vote.election import Election, load_election
from emulation_vote.errors import EmulationVoteError, UsageError, raise_collected
from emulation_vote.output import check_distinct
from emulation_vote.record import ElectionRecord
from emulation_vote.text import closest
from emulation_vote.vocab import ReaderChoice, TieRule

FAST_MIN_BYTES = 2_000_000


def count_files(
    election_path: Election | str | Path,
    ballot_paths: Sequence[str | Path | Sheet],
    encoding: str | None = None,
    sheet: str | None = None,
    reader: ReaderChoice = ReaderChoice.auto,
    progress: Callable[[int], None] | None = None,
    keep_ballots: bool = False,
    strict_names: bool = False,
    scores: Sequence[str | Path] = (),
    contests: Sequence[str] | None = None,
    partial: bool = False,
    max_errors: int | None = 50,
) -> ElectionRecord:
    """Read the election (loaded, or its file) and every ballot file, check them, count; raise on data errors.

    ``reader``: "exact" reads ballot by ballot;
    "fast" streams column batches (:mod:`emulation_vote.ballots.fast`); "auto" streams when
    the files add up to at least 2 MB; cells already in memory (a :class:`Sheet`, e.g. from a
    DataFrame) are read exactly, as their file would be.  Whenever the streaming reader gives up on a file
    (:class:`~emulation_vote.ballots.reader.GaveUp`), or the count finds an error it cannot place,
    the files are read again exactly, so the result, or the error with its file and row, is the
    same whichever reader ran.
    ``progress`` is called with the bytes read, by the streaming reader.  ``keep_ballots`` reads
    exactly and keeps every ballot, each with its verdict (the audit of ballots given in memory).
    ``strict_names`` refuses a name typed without its diacritics instead of accepting the one
    candidate it can mean with a notice.
    ``scores``: the score sheets (or one saved scores JSON) of an election whose contests take their
    candidates or their tie rule from the ranking (:func:`emulation_vote.scoring.files.election_as_voted`).
    ``contests`` (ids) counts those contests only: the rows of the others are skipped unread (their
    number is kept in the record).  ``partial`` counts what is there, without the ``collected``
    check and leaving out contests with no ballots yet: a provisional result.  Every data error of
    the ballot files is found in one pass: several are raised together
    (:class:`~emulation_vote.errors.DataErrors`, the first ``max_errors``).
    """
    return count_files_read(
        election_path,
        ballot_paths,
        encoding=encoding,
        sheet=sheet,
        reader=reader,
        progress=progress,
        keep_ballots=keep_ballots,
        strict_names=strict_names,
        scores=scores,
        contests=contests,
        partial=partial,
        max_errors=max_errors,
    )[0]


def count_files_read(
    election_path: Election | str | Path,
    ballot_paths: Sequence[str | Path | Sheet],
    encoding: str | None = None,
    sheet: str | None = None,
    reader: ReaderChoice = ReaderChoice.auto,
    progress: Callable[[int], None] | None = None,
    keep_ballots: bool = False,
    strict_names: bool = False,
    scores: Sequence[str | Path] = (),
    contests: Sequence[str] | None = None,
    partial: bool = False,
    max_errors: int | None = 50,
) -> tuple[ElectionRecord, bool]:
    """Count as :func:`count_files`; also return whether the streaming reader read the ballots (else the exact one)."""
    reader = ReaderChoice(reader)  # a plain string is accepted, an unknown one refused
    check_distinct(ballot_paths)
    election = election_path if isinstance(election_path, Election) else load_election(election_path)
    if scores or any(c.from_scores is not None or c.tie == TieRule.score for c in election.contests):
        from emulation_vote.scoring.files import election_as_voted

        election = election_as_voted(election, scores, encoding, strict_names)
    only = _contest_ids(election, contests)
    if keep_ballots or any(isinstance(source, Sheet) for source in ballot_paths):
        ballots = read_ballots(ballot_paths, election, encoding, sheet, strict_names, only, max_errors)
        return count_ballots(election, ballots, only, partial, max_errors), False
    files = [Path(source) for source in ballot_paths if not isinstance(source, Sheet)]
    request = ReadRequest(files, election, encoding, sheet, progress, strict_names, only, max_errors)
    if reader != ReaderChoice.exact and _use_streaming(request, reader):
        from emulation_vote.ballots.fast import StreamingReader

        streamed = _count_streamed(election, StreamingReader().read(request), only, partial)
        if not isinstance(streamed, GaveUp):
            return streamed, True
        # Read again ballot by ballot: the same result, or the error with its file and row.
    return count_ballots(election, ExactReader().read(request), only, partial, max_errors), False


def _contest_ids(election: Election, contests: Sequence[str] | None) -> frozenset[str] | None:
    """Return the contest ids asked for (refusing an unknown one with the closest id), or None for all."""
    if not contests:
        return None
    ids = [c.id for c in election.contests]
    for wanted in contests:
        if wanted not in ids:
            raise UsageError("usage.unknown_contest", value=wanted, suggestion=closest(wanted, ids) or ", ".join(ids))
    return frozenset(contests)


def _count_streamed(
    election: Election, outcome: BallotGroups | GaveUp, only: frozenset[str] | None, partial: bool
) -> ElectionRecord | GaveUp:
    """Count what the streaming reader read; give up too on an error, which only the exact reader can place."""
    if isinstance(outcome, GaveUp):
        return outcome
    try:
        return count_election(election, outcome, only, partial, release=True)
    except CountingError:
        return GaveUp("an error in the ballots, to be placed at its file and row")


def count_ballots(
    election: Election,
    ballots: BallotSet | BallotGroups,
    only: frozenset[str] | None = None,
    partial: bool = False,
    max_errors: int | None = 50,
) -> ElectionRecord:
    """Count ballots read one by one; a counting error is placed at the first ballot it is about (file, row)."""
    groups = ballots.grouped() if isinstance(ballots, BallotSet) else ballots
    try:
        return count_election(election, groups, only, partial)
    except CountingError as error:
        placed: list[EmulationVoteError] = []
        for each in (error, *error.also):  # in the order the contents were first read
            ballot = groups.first_with(each.contest_id, each.round_number, each.content)
            if ballot is None:
                raise
            placed.append(each.at(ballot.source, ballot.row))
        raise_collected(placed, max_errors)
        raise  # (raise_collected raised)


def _use_streaming(request: ReadRequest, reader: ReaderChoice) -> bool:
    """Whether to try the streaming reader first: it reads the files, and they are large (or it was asked for)."""
    from emulation_vote.ballots.fast import StreamingReader

    if not StreamingReader().accepts(request.paths, request.encoding):
        return False
    if reader == ReaderChoice.fast:
        return True
    try:
        return sum(Path(p).stat().st_size for p in request.paths) >= FAST_MIN_BYTES
    except OSError:
        return False


def demo_paths() -> tuple[Path, Path]:
    """Return the bundled seed conference: its election file and its ballot file."""
    folder = Path(__file__).parent / "data" / "seed"
    return folder / "election.toml", folder / "ballots.csv"

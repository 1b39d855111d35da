"""The public library API: the one way in, for scripts, notebooks and the command line alike.

Everything here is re-exported by :mod:`emulation_vote` (``import emulation_vote as ev``); every
other module of the package is private.  The functions apply the same rules, readers, errors and
fingerprint as the command line, which is itself a client of these functions.

Ballots may be given as files (``.csv``, ``.tsv``, ``.xlsx``: any layout the formats contract
allows) or as pandas DataFrames holding the same columns a file would (``ballot_id`` and one
column per candidate, or ``ballot_id`` and ``choices``; a ``contest`` or ``round`` column where a
file would need one).  A DataFrame is read exactly like a CSV file written from it with
``frame.to_csv(index=False)``: its rows are numbered as that file's would be (the header is row
1), and its name in messages is ``frame.attrs["source"]`` when set, else ``DataFrame 1``,
``DataFrame 2``...
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard

from emulation_vote.election import Election, load_election, parse_election
from emulation_vote.pipeline import count_files, count_files_read, demo_paths
from emulation_vote.record import ElectionRecord
from emulation_vote.record import canonical_text as _canonical_text
from emulation_vote.schema import record_dict, result_text
from emulation_vote.vocab import ReaderChoice

if TYPE_CHECKING:  # the audit, compare and verify modules load with the functions that use them, not for a tally
    import pandas as pd

    from emulation_vote.audit import AuditBallot, AuditStream, Difference, Relation
    from emulation_vote.ballots.tabular import Sheet
    from emulation_vote.compare import Comparison
    from emulation_vote.scoring.record import ScoreRecord
    from emulation_vote.verify import Mismatch

PathLike: TypeAlias = "str | os.PathLike[str]"
BallotSource: TypeAlias = "str | os.PathLike[str] | pd.DataFrame"
"""One ballot file (its path) or one DataFrame of ballots."""


@dataclass(frozen=True)
class Audit:
    """Every ballot as counted and the reconciliation of the paper figures, beside the count they come from."""

    record: ElectionRecord
    ballots: tuple[AuditBallot, ...]
    relations: tuple[Relation, ...]
    differences: tuple[Difference, ...]


def election_of(election: Election | PathLike) -> Election:
    """Return ``election`` itself, or the election file at that path loaded."""
    return election if isinstance(election, Election) else load_election(Path(election))


def _as_list(ballots: BallotSource | Sequence[BallotSource]) -> list[Path | pd.DataFrame]:
    """Return the ballot sources as a list: paths as :class:`Path`, DataFrames as they are."""
    items: list[Any] = [ballots] if isinstance(ballots, str | os.PathLike) or _is_frame(ballots) else list(ballots)
    return [item if _is_frame(item) else Path(item) for item in items]


def _is_frame(value: object) -> TypeGuard[pd.DataFrame]:
    """Whether ``value`` is a pandas DataFrame (told without importing pandas)."""
    return any(cls.__name__ == "DataFrame" and cls.__module__.startswith("pandas") for cls in type(value).__mro__)


def tally(
    election: Election | PathLike,
    ballots: BallotSource | Sequence[BallotSource],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    reader: ReaderChoice | str = ReaderChoice.auto,
    strict_names: bool = False,
    scores: Sequence[PathLike] = (),
    contests: Sequence[str] | None = None,
    partial: bool = False,
    progress: Callable[[int], None] | None = None,
    max_errors: int | None = 50,
) -> ElectionRecord:
    """Count the ballots of ``election`` and return the one result record every output renders from.

    ``election`` is an :class:`Election` (from :func:`load_election` or :func:`parse_election`)
    or the path of an election file.  ``ballots`` is one source or a list of them: paths of
    ballot files and/or DataFrames.  ``encoding`` and ``sheet`` apply to files as on the command
    line; ``reader`` chooses the reader for files (``"auto"``, ``"fast"`` or ``"exact"``: the
    same result either way); ``strict_names`` refuses a unit name typed without its diacritics
    instead of reading it as the one unit it can mean (with a notice in the record).
    ``scores`` are the score sheets (or a saved scores JSON) of an election whose contests follow
    the ranking; ``contests`` (ids) counts those contests only; ``partial`` gives a provisional
    count of what is there so far; ``progress`` is called with the bytes the streaming reader
    reads.  Raises a subclass of :class:`~emulation_vote.errors.EmulationVoteError` (with
    ``file`` and ``row``) when the input holds an error; nothing is counted then.  Data errors in
    the ballot files are collected in one pass (up to ``max_errors``; None: every one); several
    are raised together as one :class:`~emulation_vote.errors.DataErrors` whose ``.errors`` lists them.

    >>> import emulation_vote as ev
    >>> record = ev.tally(*ev.demo_files())
    >>> [(c.contest.id, c.selected) for c in record.contests]
    [('co-thi-dua', ('TCT', 'VPTU'))]
    """
    return count_files(
        election_of(election),
        _sources(ballots),
        encoding,
        sheet,
        ReaderChoice(reader),
        progress,
        strict_names=strict_names,
        scores=[Path(p) for p in scores],
        contests=contests,
        partial=partial,
        max_errors=max_errors,
    )


def _sources(ballots: BallotSource | Sequence[BallotSource]) -> list[Path | Sheet]:
    """Return the ballot sources as the pipeline reads them: files as paths, DataFrames as their cells."""
    items: list[Path | Sheet] = []
    frames = 0
    for source in _as_list(ballots):
        if isinstance(source, Path):
            items.append(source)
        else:
            from emulation_vote.frames import frame_sheet

            frames += 1
            items.append(frame_sheet(source, f"DataFrame {frames}"))
    return items


def audit_ballots(
    election: Election | PathLike,
    ballots: BallotSource | Sequence[BallotSource],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    scores: Sequence[PathLike] = (),
    contests: Sequence[str] | None = None,
    partial: bool = False,
    max_errors: int | None = 50,
) -> Audit:
    """Count, and list each ballot's verdict (with its file and row) and the paper figures' reconciliation.

    The options are :func:`tally`'s.  Every ballot is held in memory (``.ballots``): for a very
    large count, :func:`audit_stream` reads them one batch at a time instead.
    """
    stream = audit_stream(
        election,
        ballots,
        encoding=encoding,
        sheet=sheet,
        strict_names=strict_names,
        scores=scores,
        contests=contests,
        partial=partial,
        max_errors=max_errors,
    )
    return Audit(stream.record, tuple(stream.ballots()), tuple(stream.relations), tuple(stream.differences))


def audit_stream(
    election: Election | PathLike,
    ballots: BallotSource | Sequence[BallotSource],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    scores: Sequence[PathLike] = (),
    contests: Sequence[str] | None = None,
    partial: bool = False,
    max_errors: int | None = 50,
) -> AuditStream:
    """Count, and return the audit with its ballots read again when asked for, one batch at a time.

    The count is :func:`tally`'s (the streaming reader for large files).  ``.record`` is the
    count, ``.relations`` and ``.differences`` the reconciliation; ``.ballots()`` yields each
    ballot as an :class:`AuditBallot` and ``.batches()`` as column batches
    (:class:`~emulation_vote.audit.AuditBatch`), in contest, round, file and row order, reading
    the files again each time: memory does not grow with the number of ballots.  Ballots given
    as DataFrames are kept in memory.
    """
    from emulation_vote.audit import stream_of_files, stream_of_record

    sources = _sources(ballots)
    files = [source for source in sources if isinstance(source, Path)]
    in_memory = len(files) < len(sources)
    record, streamed = count_files_read(
        election_of(election),
        sources,
        encoding,
        sheet,
        keep_ballots=in_memory,
        strict_names=strict_names,
        scores=[Path(p) for p in scores],
        contests=contests,
        partial=partial,
        max_errors=max_errors,
    )
    if in_memory:
        return stream_of_record(record)
    only = frozenset(contests) if contests else None
    return stream_of_files(record, files, streamed, encoding, sheet, strict_names, only)


@dataclass(frozen=True)
class Verification:
    """A saved result set against a recount: the recount, and every difference (none: the result stands)."""

    record: ElectionRecord
    mismatches: tuple[Mismatch, ...]

    @property
    def matches(self) -> bool:
        """Whether the saved result is exactly the recount."""
        return not self.mismatches


def verify_result(
    saved: PathLike,
    election: Election | PathLike,
    ballots: BallotSource | Sequence[BallotSource],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    reader: ReaderChoice | str = ReaderChoice.auto,
    strict_names: bool = False,
    scores: Sequence[PathLike] = (),
    max_errors: int | None = 50,
) -> Verification:
    """Recount and compare with a saved JSON result; ``.matches`` when the saved result is exactly the recount.

    ``saved`` is the path of a result written by ``tally --format json --output``.  It is read
    first and strictly (a key written twice refuses the file), then compared whole with the
    recount: every key, list element and number exactly as written; each difference is one
    :class:`Mismatch`.
    """
    from emulation_vote.verify import compare_result, load_result

    document = load_result(Path(saved))
    recount = tally(
        election,
        ballots,
        encoding=encoding,
        sheet=sheet,
        reader=reader,
        strict_names=strict_names,
        scores=scores,
        max_errors=max_errors,
    )
    return Verification(recount, tuple(compare_result(document, recount)))


def compare_entries(
    election: Election | PathLike,
    entries: Sequence[PathLike],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    max_errors: int | None = 50,
) -> Comparison:
    """Compare two or more entries of the same paper ballots (one file each); ``.agree`` when they all agree.

    Every data error of every entry is raised together (:class:`~emulation_vote.errors.DataErrors`,
    the first ``max_errors``) before anything is compared.
    """
    from emulation_vote.compare import compare_entries as compare

    return compare(election_of(election), [Path(e) for e in entries], encoding, sheet, strict_names, max_errors)


def score(
    election: Election | PathLike,
    sheets: PathLike | Sequence[PathLike],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
) -> ScoreRecord:
    """Read the score sheets of ``election`` (its ``[scoring]`` table) and return the ranking of its units.

    Every error of every sheet is checked before anything is ranked; the first is raised.
    """
    from emulation_vote.scoring.files import score_election

    paths = [sheets] if isinstance(sheets, str | os.PathLike) else list(sheets)
    return score_election(election_of(election), [Path(p) for p in paths], encoding, sheet, strict_names)


def with_scores(
    election: Election | PathLike,
    scores: Sequence[PathLike],
    *,
    encoding: str | None = None,
    strict_names: bool = False,
) -> Election:
    """Return the election as it is voted on when its contests follow the ranking (FORMATS.md §6.5).

    A contest with ``candidates = { from_scores = true, ... }`` gets the units the score sheets
    (or a saved scores JSON) rank onto its ballot, in rank order; ``tie = "score"`` gets the totals
    it breaks a tie with.  An election that relies on the scores needs them; one that does not
    refuses them.  :func:`tally` does this itself when given ``scores``.
    """
    from emulation_vote.scoring.files import election_as_voted

    return election_as_voted(election_of(election), [Path(p) for p in scores], encoding, strict_names)


def result_json(record: ElectionRecord) -> str:
    """Return the JSON result document (``emulation-vote/result/1``) exactly as ``tally --format json`` prints it."""
    return result_text(record)


def result_dict(record: ElectionRecord) -> dict[str, Any]:
    """Return the JSON result document as Python data, percents as exact :class:`~decimal.Decimal`."""
    return record_dict(record)


def canonical_text(record: ElectionRecord) -> str:
    """Return the exact text the fingerprint hashes (docs/fingerprint.md): ``sha256`` of its UTF-8 is the fingerprint.

    >>> import hashlib, emulation_vote as ev
    >>> record = ev.tally(*ev.demo_files())
    >>> "sha256:" + hashlib.sha256(ev.canonical_text(record).encode("utf-8")).hexdigest() == record.fingerprint
    True
    """
    return _canonical_text(record.election, record.contests)


def demo_files() -> tuple[Path, Path]:
    """Return the bundled seed conference's election file and ballot file (what ``emulation-vote demo`` counts)."""
    return demo_paths()


__all__ = [
    "Audit",
    "BallotSource",
    "Verification",
    "audit_ballots",
    "audit_stream",
    "canonical_text",
    "compare_entries",
    "demo_files",
    "election_of",
    "load_election",
    "parse_election",
    "result_dict",
    "result_json",
    "score",
    "tally",
    "verify_result",
    "with_scores",
]

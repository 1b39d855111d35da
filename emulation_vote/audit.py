"""The audit view of a count: every ballot as counted, and the reconciliation of the paper figures.

Nothing here counts again.  A ballot's verdict follows from what it says and the rules of its
contest round, which the count has settled: :class:`AuditStream` reads the ballots again after
the count (one batch at a time, so memory does not grow with the ballots) and gives each its
verdict by those rules, as arrays.  :func:`audit_ballots` lists the verdicts a count kept.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emulation_vote.arrow import joined_names, strings
from emulation_vote.ballot import Ballot
from emulation_vote.count import reason_codes
from emulation_vote.election import Contest, Election
from emulation_vote.errors import BallotFileError
from emulation_vote.record import REASON_ORDER, ElectionRecord, RoundResult
from emulation_vote.vocab import InvalidReason, Style

if TYPE_CHECKING:
    from emulation_vote.ballots.rows import RowBatch


@dataclass(frozen=True)
class AuditBallot:
    """One ballot of one contest round, how it was counted, and where it was typed."""

    contest: str
    round: int
    ballot_id: str
    source: str
    row: int
    valid: bool
    reason: InvalidReason | None
    declared: str | None
    chosen: tuple[str, ...]
    voter: str | None
    note: str | None = None
    """The clerk's note on the row (the ``note``/"Ghi chú" column): kept for the record, never counted."""


@dataclass(frozen=True)
class Relation:
    """One check of the paper figures, e.g. ``present <= convened``; ``holds`` is None when a figure is missing."""

    contest: str
    left: str
    operator: str
    right: str
    left_value: int | None
    right_value: int | None
    holds: bool | None


@dataclass(frozen=True)
class Difference:
    """A derived figure of the paper process (``absent``, ``not_returned``), None when a figure is missing."""

    contest: str
    name: str
    value: int | None


def audit_ballots(record: ElectionRecord) -> list[AuditBallot]:
    """Return every ballot of every contest and round, in contest, round, file and row order."""
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            for verdict in rnd.verdicts:
                ballot = verdict.ballot
                rows.append(
                    AuditBallot(
                        ballot.contest,
                        ballot.round,
                        ballot.ballot_id,
                        ballot.source,
                        ballot.row,
                        verdict.valid,
                        verdict.reason,
                        ballot.declared,
                        verdict.chosen,
                        ballot.voter,
                        ballot.note,
                    )
                )
    return rows


def _relation(contest: str, left: str, op: str, right: str, a: int | None, b: int | None) -> Relation:
    if a is None or b is None:
        return Relation(contest, left, op, right, a, b, None)
    holds = a >= b if op == ">=" else a == b
    return Relation(contest, left, op, right, a, b, holds)


def reconcile(record: ElectionRecord) -> tuple[list[Relation], list[Difference]]:
    """Check convened >= present >= issued >= collected = ballots loaded, per contest (round 1).

    Also returns absent = convened - present and not returned = issued - collected.
    """
    relations: list[Relation] = []
    differences: list[Difference] = []
    for result in record.contests:
        cid = result.contest.id
        electorate = record.election.figures(result.contest)
        loaded = result.first.cast
        relations += [
            _relation(cid, "convened", ">=", "present", electorate.convened, electorate.present),
            _relation(cid, "present", ">=", "issued", electorate.present, electorate.issued),
            _relation(cid, "issued", ">=", "collected", electorate.issued, electorate.collected),
            _relation(cid, "collected", "=", "loaded", electorate.collected, loaded),
        ]
        returned = electorate.collected if electorate.collected is not None else loaded
        not_returned = None if electorate.issued is None else electorate.issued - returned
        differences += [Difference(cid, "absent", electorate.absent), Difference(cid, "not_returned", not_returned)]
    return relations, differences


"""The invalid reasons in the rules' order: an :class:`AuditBatch`'s ``reasons`` index this (-1: valid)."""

BATCH_ROWS = 8192
"""At most this many ballots go into one :class:`AuditBatch` (the listing is made and written in such pieces)."""


@dataclass(frozen=True)
class AuditBatch:
    """Consecutive ballots of one contest round from one file, as counted: one entry per ballot, in row order.

    ``chosen`` has bit ``j`` set when the ballot chooses ``candidate_ids[j]`` (the round's
    candidates, in ballot order); ``reasons`` index :data:`REASON_ORDER` (-1: valid);
    ``declared`` index ``texts`` (the declared reasons; None: none).  ``rows``, ``chosen``,
    ``reasons`` and ``declared`` are numpy arrays (``chosen`` of Python ints for a contest of more
    than 62 candidates), ``ids`` a pyarrow string array; ``voters`` and ``notes`` are None when no
    ballot of the batch has one.
    """

    contest: str
    round: int
    source: str
    candidate_ids: tuple[str, ...]
    ids: Any
    rows: Any
    chosen: Any
    reasons: Any
    declared: Any
    texts: tuple[str | None, ...]
    voters: list[str | None] | None = None
    notes: list[str | None] | None = None

    def __len__(self) -> int:
        """Return the number of ballots."""
        return len(self.rows)

    def pieces(self, size: int = 0) -> Iterator[AuditBatch]:
        """Return the batch in pieces of at most ``size`` ballots (:data:`BATCH_ROWS` by default), in order."""
        size = size or BATCH_ROWS
        if len(self) <= size:
            yield self
            return
        for start in range(0, len(self), size):
            stop = start + size
            yield dataclasses.replace(
                self,
                ids=self.ids.slice(start, size),
                rows=self.rows[start:stop],
                chosen=self.chosen[start:stop],
                reasons=self.reasons[start:stop],
                declared=self.declared[start:stop],
                voters=None if self.voters is None else self.voters[start:stop],
                notes=None if self.notes is None else self.notes[start:stop],
            )

    def chosen_text(self, separator: str) -> Any:
        """Return each ballot's chosen ids joined by ``separator``, in ballot order (a pyarrow string array)."""
        return joined_names(self.chosen, self.candidate_ids, separator)

    def ballots(self) -> Iterator[AuditBallot]:
        """Return the ballots one by one."""
        names = self.candidate_ids
        ids = self.ids.to_pylist()
        voters = self.voters or [None] * len(ids)
        notes = self.notes or [None] * len(ids)
        rows = zip(
            ids, self.rows.tolist(), self.chosen.tolist(), self.reasons.tolist(), self.declared.tolist(), strict=True
        )
        for (ballot_id, row, chosen, reason, code), voter, note in zip(rows, voters, notes, strict=True):
            picked = tuple(cid for bit, cid in enumerate(names) if chosen >> bit & 1)
            why = None if reason < 0 else REASON_ORDER[reason]
            yield AuditBallot(
                self.contest,
                self.round,
                ballot_id,
                self.source,
                row,
                why is None,
                why,
                self.texts[code],
                picked,
                voter,
                note,
            )


class _Rules:
    """How the ballots of one contest round are counted, applied to arrays of marks (as the engine counts them)."""

    def __init__(self, contest: Contest, rnd: RoundResult) -> None:
        self.contest, self.round = contest, rnd
        position = {cid: bit for bit, cid in enumerate(contest.ids)}
        self.positions = [position[cid] for cid in rnd.candidate_ids]
        self.wide_ints = len(contest.ids) > 62  # marks as Python ints: more candidates than an int64 has bits
        self.round_bits = sum(1 << bit for bit in self.positions)
        self.bit_of = position

    def masks(self, marks: list[frozenset[str]]) -> Any:
        """Return the marks of ballots read one by one as bit masks (bit ``b``: the contest's ``ids[b]``)."""
        import numpy as np

        bit_of = self.bit_of
        values = [sum(1 << bit_of[cid] for cid in marked) for marked in marks]
        return np.asarray(values, dtype=object if self.wide_ints else np.int64)

    def verdicts(self, masks: Any, strikes: bool, declared: Any, texts: tuple[str | None, ...]) -> tuple[Any, Any]:
        """Return each ballot's chosen candidates (bit ``j``: the round's ``candidate_ids[j]``) and reason code."""
        import numpy as np

        kind = object if self.wide_ints else np.int64
        masks = np.asarray(masks, dtype=kind)
        picked = (~masks) & self.round_bits if strikes else masks
        rnd = self.round
        is_declared = np.asarray([bool(text) for text in texts], dtype=bool)[np.asarray(declared, dtype=np.int64)]
        width = max(self.positions, default=0) + 1
        reasons = reason_codes(picked, width, is_declared, self.contest.blank, rnd.max_marks, rnd.min_marks)
        chosen = np.zeros(len(masks), dtype=kind)
        for j, bit in enumerate(self.positions):
            chosen |= ((picked >> bit) & 1) << j
        return chosen, reasons


class AuditStream:
    """The per-ballot audit of a count, read when asked for: every ballot, in contest, round, file and row order.

    :meth:`batches` reads the ballots again each time it is called (from the files, or from the
    record's kept verdicts); memory holds one batch at a time, whatever the number of ballots.
    ``record`` is the count; ``relations`` and ``differences`` reconcile its paper figures.
    """

    def __init__(self, record: ElectionRecord, read: Callable[[], Iterator[AuditBatch]], extras: bool | None) -> None:
        """Keep the count and how to read its ballots; ``extras`` False when no ballot can have a voter or note."""
        self.record = record
        self.relations, self.differences = reconcile(record)
        self._read = read
        self._extras = extras
        self._used: tuple[bool, bool] | None = None

    def batches(self) -> Iterator[AuditBatch]:
        """Return the ballots in batches, in contest, round, file and row order."""
        return self._read()

    def ballots(self) -> Iterator[AuditBallot]:
        """Return the ballots one by one, in contest, round, file and row order."""
        for batch in self.batches():
            yield from batch.ballots()

    @property
    def total(self) -> int:
        """The number of ballots listed."""
        return sum(rnd.cast for result in self.record.contests for rnd in result.rounds)

    def used(self) -> tuple[bool, bool]:
        """Return whether any ballot has a voter, and whether any has a note (a pass over them when it may)."""
        if self._used is None:
            if self._extras is False:
                self._used = (False, False)
            else:
                voter = note = False
                for batch in self.batches():
                    voter = voter or any(batch.voters or ())
                    note = note or any(batch.notes or ())
                self._used = (voter, note)
        return self._used


def stream_of_record(record: ElectionRecord) -> AuditStream:
    """Return the audit of a count that kept its ballots' verdicts (read ballot by ballot, every ballot kept)."""

    def read() -> Iterator[AuditBatch]:
        for result in record.contests:
            for rnd in result.rounds:
                rules = _Rules(result.contest, rnd)
                verdicts = rnd.verdicts
                for start in range(0, len(verdicts), BATCH_ROWS):
                    yield from _batches_of([v.ballot for v in verdicts[start : start + BATCH_ROWS]], rules)

    return AuditStream(record, read, None)


def stream_of_files(
    record: ElectionRecord,
    paths: Sequence[Path],
    streamed: bool,
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
    only: frozenset[str] | None = None,
) -> AuditStream:
    """Return the audit of a count of ``paths``, reading the files again for each listing.

    ``streamed``: the streaming reader counted the files, so its column batches read them again
    (except a file whose rows it cannot number as the exact reader does); otherwise, for
    workbooks, and for some contests only (``only``), they are read ballot by ballot, one at a
    time.  The ballots of the first contest round listed are handed on as they are read; those of
    the others are set aside in a temporary file until their turn.
    """
    from emulation_vote.output import Spool

    rules = {(r.contest.id, rnd.number): _Rules(r.contest, rnd) for r in record.contests for rnd in r.rounds}
    order = list(rules)
    contests = list(record.election.contests)

    def from_file(path: Path) -> Iterator[AuditBatch]:
        if streamed and only is None:  # the column batches do not skip the rows of contests not asked for
            from emulation_vote.ballots.rows import row_batches

            batches = row_batches(path, record.election, strict_names)
            if batches is not None:
                for batch in batches:
                    yield from _split(batch, contests, rules)
                return
        from emulation_vote.ballots.exact import iter_ballot_file

        ballots = iter_ballot_file(path, record.election, encoding, sheet, strict_names, [], only, Counter())
        while chunk := list(itertools.islice(ballots, BATCH_ROWS)):
            for key, group in itertools.groupby(chunk, key=lambda b: (b.contest, b.round)):
                if key in rules:
                    yield from _batches_of(list(group), rules[key])

    def read() -> Iterator[AuditBatch]:
        spools: dict[tuple[str, int], Spool] = {}
        listed: Counter[tuple[str, int]] = Counter()
        try:
            for path in paths:
                for batch in from_file(path):
                    key = (batch.contest, batch.round)
                    listed[key] += len(batch)
                    if key == order[0]:
                        yield batch
                    else:
                        spools.setdefault(key, Spool()).put(batch)
            for key in order[1:]:
                if key in spools:
                    yield from spools.pop(key).drain()
        finally:
            for spool in spools.values():
                spool.close()
        counted = {key: rule.round.cast for key, rule in rules.items()}
        if listed != Counter(counted):
            raise BallotFileError("file.changed", file=", ".join(str(path) for path in paths))

    return AuditStream(record, read, None if any(_may_have_extras(p, record.election) for p in paths) else False)


def _may_have_extras(path: Path, election: Election) -> bool:
    """Whether a ballot file may give its ballots a voter or a note (True unless its header says it has neither)."""
    from emulation_vote.ballots.rows import header_columns

    columns = header_columns(path, election)
    return columns is None or bool(columns & {"voter", "note"})


def _split(batch: RowBatch, contests: list[Contest], rules: dict[tuple[str, int], _Rules]) -> Iterator[AuditBatch]:
    """Return a batch of rows as the audit batches of its contest rounds (rows of rounds not counted left out)."""
    import numpy as np

    keys = batch.contests * (int(batch.rounds.max()) + 1) + batch.rounds
    for key in np.unique(keys).tolist():
        contest_index, number = divmod(key, int(batch.rounds.max()) + 1)
        contest = contests[contest_index]
        found = rules.get((contest.id, number))
        if found is None:
            continue
        rows = np.flatnonzero(keys == key)
        whole = rows.size == keys.size
        strikes = batch.wide and contest.style == Style.strike
        declared = batch.declared if whole else batch.declared[rows]
        chosen, reasons = found.verdicts(batch.masks if whole else batch.masks[rows], strikes, declared, batch.texts)
        notes = batch.notes if whole or batch.notes is None else [batch.notes[i] for i in rows.tolist()]
        yield from AuditBatch(
            contest.id,
            number,
            batch.source,
            found.round.candidate_ids,
            batch.ids if whole else batch.ids.take(rows),
            batch.rows if whole else batch.rows[rows],
            chosen,
            reasons,
            declared,
            batch.texts,
            None,
            notes if notes is not None and any(notes) else None,
        ).pieces()


def _batches_of(ballots: list[Ballot], rules: _Rules) -> Iterator[AuditBatch]:
    """Return ballots read one by one (one contest round) as audit batches, one per run of the same file."""
    import numpy as np

    for source, run in itertools.groupby(ballots, key=lambda b: b.source):
        group = list(run)
        texts: dict[str | None, int] = {None: 0}
        declared = np.asarray([texts.setdefault(b.declared, len(texts)) for b in group], dtype=np.int64)
        by_code = tuple(texts)
        strikes = [b.strikes for b in group]
        masks = rules.masks([b.marks for b in group])
        if all(strikes) or not any(strikes):
            chosen, reasons = rules.verdicts(masks, bool(strikes and strikes[0]), declared, by_code)
        else:  # marks that strike and marks that choose in one file: never, but counted alike if so
            parts = [rules.verdicts(masks[i : i + 1], s, declared[i : i + 1], by_code) for i, s in enumerate(strikes)]
            chosen = np.concatenate([c for c, _ in parts])
            reasons = np.concatenate([r for _, r in parts])
        voters = [b.voter for b in group]
        notes = [b.note for b in group]
        yield AuditBatch(
            group[0].contest,
            group[0].round,
            source,
            rules.round.candidate_ids,
            strings([b.ballot_id for b in group]),
            np.asarray([b.row for b in group], dtype=np.int64),
            chosen,
            reasons,
            declared,
            by_code,
            voters if any(voters) else None,
            notes if any(notes) else None,
        )

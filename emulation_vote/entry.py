"""Typing paper ballots at the counting table: one line per ballot, crash-safe, logged.

:class:`EntrySession` owns the ballot file (a list-layout ballot file of the contract) and the
entry log.  Each ballot is written with a single ``write`` and ``fsync`` before it is echoed
back, so a crash or ``kill -9`` at any moment leaves a file that loads and holds every ballot
echoed.  A correction (``u``) rewrites the file atomically without the last ballot.  The
command line in :mod:`emulation_vote.cli` only reads lines and prints what this returns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from emulation_vote.ballot import MATCHED_WITHOUT_DIACRITICS, chosen_of, in_ballot_order
from emulation_vote.ballots import read_ballots
from emulation_vote.ballots.matching import NameMatcher
from emulation_vote.count import classify
from emulation_vote.csvrows import csv_line
from emulation_vote.election import Candidate, Contest, Election
from emulation_vote.entrylog import EntryLog
from emulation_vote.errors import BallotFileError, OutputError, UsageError
from emulation_vote.output import SessionLock, append_durably, read_input, write_atomic
from emulation_vote.text import clean, closest
from emulation_vote.vocab import InvalidReason, Style

HEADER = ("contest", "ballot_id", "round", "choices", "invalid")


MAX_ID_LENGTH = 40


def _plain_number(text: str) -> bool:
    """Whether ``text`` is a ballot number the next one counts on: ASCII digits, not absurdly long."""
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_LENGTH


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once resolved, or the same inode."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@dataclass(frozen=True)
class Entered:
    """A ballot as entered: its id, the candidates it chooses, the declared reason, and its verdict."""

    ballot_id: str
    chosen: tuple[str, ...]
    declared: str | None
    reason: InvalidReason | None
    typed: str
    loose: tuple[tuple[str, str], ...] = ()
    """Names typed without their diacritics, as (text, candidate id): to confirm, and noted in the log."""


@dataclass(frozen=True)
class Rejected:
    """A line that could not be read: nothing was recorded.  ``key`` is the catalogue message."""

    key: str
    value: str
    typed: str


@dataclass(frozen=True)
class Command:
    """A control line: ``undo``, ``help``, ``quit`` or ``count`` (the provisional count, ``=``)."""

    name: str


def which_contest(election: Election, given: str | None) -> str:
    """Return the id of the contest ``given`` names: its id, or its title (letter case and spacing aside).

    None names the only contest of an election that has one; with several, the error lists them.
    """
    ids = [c.id for c in election.contests]
    if given is None:
        if len(ids) == 1:
            return ids[0]
        listed = "; ".join(f"{c.id} ({c.title})" for c in election.contests)
        raise UsageError("enter.which_contest", contests=listed)
    if given in ids:
        return given
    wanted = " ".join(clean(given).split()).casefold()
    titled = [c.id for c in election.contests if " ".join(clean(c.title).split()).casefold() == wanted]
    if len(titled) == 1:
        return titled[0]
    if titled:  # contests that share a title: only their ids tell them apart
        raise UsageError("enter.which_contest", contests="; ".join(f"{c.id} ({c.title})" for c in election.contests))
    raise UsageError("enter.no_contest", value=given, suggestion=closest(given, ids) or ", ".join(ids))


def round_candidates(contest: Contest, round_number: int, runoff: tuple[str, ...]) -> tuple[Candidate, ...]:
    """Return the candidates on a round's paper: every one in round 1, the ``runoff`` units after.

    The runoff units are named by id or name (a name without its diacritics when it fits one unit
    only), in any order: they stand on the paper in the election's order, as on the first round's
    paper and in the minutes, numbered 1, 2...  A runoff holds at least two units.
    """
    if round_number == 1:
        if runoff:
            raise UsageError("enter.runoff_round1")
        return contest.candidates
    if not runoff:
        raise UsageError("enter.runoff_needed", round=round_number)
    matcher = NameMatcher(contest)
    chosen: list[Candidate] = []
    for text in runoff:
        cid = matcher.match(text)
        loose = matcher.match_loose(text) if cid is None else None
        if loose is not None and len(loose.candidates) == 1:
            cid = loose.candidates[0]
        if cid is None:
            raise UsageError(
                "enter.runoff_unknown",
                value=text,
                suggestion="; ".join(matcher.suggest(text)) or ", ".join(contest.ids),
            )
        if any(c.id == cid for c in chosen):
            raise UsageError("enter.runoff_twice", value=text, id=cid)
        chosen.append(contest.candidate(cid))
    if len(chosen) < 2:
        raise UsageError("enter.runoff_one", round=round_number)
    return tuple(sorted(chosen, key=lambda candidate: candidate.number))


def round_limits(contest: Contest, round_number: int, seats: int | None, units: int | None = None) -> tuple[int, int]:
    """Return the most and fewest units a round's ballot may choose; a runoff needs the ``seats`` it fills.

    A runoff among ``units`` units fills fewer seats than that (else it would need no vote).
    """
    if seats is not None and units is not None and seats >= units:
        raise UsageError("enter.runoff_too_many_seats", seats=seats, units=units)
    if seats is not None and round_number == 1:
        raise UsageError("enter.seats_round1", seats=seats, contest=contest.id, default=contest.seats)
    if seats is None and round_number > 1 and not contest.max_marks_given:
        raise UsageError("enter.runoff_seats", round=round_number)
    return contest.marks_allowed(round_number, seats or contest.seats)


class EntrySession:
    """One clerk entering the ballots of one contest and round into one file."""

    def __init__(
        self,
        election: Election,
        contest_id: str | None,
        output: Path,
        *,
        round_number: int = 1,
        runoff: tuple[str, ...] = (),
        seats: int | None = None,
        clerk: str | None = None,
        log: Path | None = None,
    ) -> None:
        """Open ``output`` (resuming it if it exists) and its log; check the contest and round.

        ``contest_id``: the contest's id or its title as the election file writes it; None when the
        election has one contest only.
        """
        contest_id = which_contest(election, contest_id)
        self.election = election
        self.contest: Contest = election.contest(contest_id)
        self.round = round_number
        self.output = output
        self.candidates = round_candidates(self.contest, round_number, runoff)
        units = len(self.candidates) if round_number > 1 else None
        self.max_marks, self.min_marks = round_limits(self.contest, round_number, seats, units)
        self.matcher = NameMatcher(self.contest)
        self.entered: list[Entered] = []
        if output.is_dir():
            raise OutputError("output.is_dir", file=str(output))
        if not output.parent.is_dir():
            raise OutputError("output.no_dir", file=str(output))
        log_path = log or output.with_name(output.name + ".log")
        if _same_file(log_path, output):
            raise UsageError("enter.log_is_output", file=str(log_path))
        # One session at a time on the file and its log: a second one would interleave their lines.
        self.lock = SessionLock([output, log_path], clerk)
        try:
            if output.exists() and output.stat().st_size > 0:
                self._resume()
            self.log = EntryLog(log_path, clerk)
            self._reconcile_log()
        except BaseException:
            self.lock.release()
            raise

    # --- the file ---

    def _resume(self) -> None:
        first = read_input(self.output).decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0]
        if first.strip() != csv_line(HEADER).strip():
            raise BallotFileError("enter.not_entry_file", file=str(self.output))
        ballots = read_ballots([self.output], self.election).ballots
        for ballot in ballots:
            if ballot.contest != self.contest.id or ballot.round != self.round:
                continue
            chosen = ballot.choices(tuple(c.id for c in self.candidates))
            reason = classify(frozenset(chosen), ballot.declared, self.contest, self.max_marks, self.min_marks)
            self.entered.append(Entered(ballot.ballot_id, chosen, ballot.declared, reason, ""))

    def _reconcile_log(self) -> None:
        """Log ballots the file holds that the log never recorded (a crash between the two writes)."""
        from emulation_vote.entrylog import read_entries

        logged: set[str] = set()
        if self.log.path.exists():
            for entry in read_entries(self.log.path):
                if entry.get("contest") != self.contest.id or entry.get("round") != self.round:
                    continue
                if entry.get("action") == "ballot":
                    logged.add(str(entry.get("ballot_id")))
                elif entry.get("action") == "undo":
                    logged.discard(str(entry.get("ballot_id")))
        for ballot in self.entered:
            if ballot.ballot_id not in logged:
                self.log.write("recovered", **self._fields(ballot))
        present = {b.ballot_id for b in self.entered}
        for missing in sorted(logged - present):
            self.log.write("recovered_undo", contest=self.contest.id, round=self.round, ballot_id=missing)
        self.log.write(
            "open", contest=self.contest.id, round=self.round, file=str(self.output), ballots=len(self.entered)
        )

    def _fields(self, ballot: Entered) -> dict[str, object]:
        fields: dict[str, object] = {
            "contest": self.contest.id,
            "round": self.round,
            "ballot_id": ballot.ballot_id,
            "typed": ballot.typed,
            "recorded": {"choices": list(ballot.chosen), "invalid": ballot.declared, "reason": ballot.reason},
        }
        if ballot.loose:
            fields["notices"] = [
                {"code": MATCHED_WITHOUT_DIACRITICS, "text": text, "candidate": cid} for text, cid in ballot.loose
            ]
        return fields

    def _row(self, ballot: Entered) -> str:
        return csv_line((self.contest.id, ballot.ballot_id, self.round, ";".join(ballot.chosen), ballot.declared or ""))

    def _append(self, text: str) -> None:
        new = not self.output.exists() or self.output.stat().st_size == 0
        data = (("\ufeff" + csv_line(HEADER)) if new else "") + text
        append_durably(self.output, data.encode("utf-8"))

    def _rewrite_without_last(self, ballot: Entered) -> None:
        """Rewrite the file atomically without the last line, which must be ``ballot``'s (same permissions)."""
        lines = read_input(self.output).decode("utf-8").splitlines(keepends=True)
        if not lines or lines[-1] != self._row(ballot):
            raise BallotFileError("enter.undo_changed", file=str(self.output))
        write_atomic(self.output, "".join(lines[:-1]).encode("utf-8"), force=True)

    # --- reading a line ---

    def next_id(self) -> str:
        """Return the number the next ballot gets: one more than the highest numeric id so far."""
        numbers = [int(b.ballot_id) for b in self.entered if _plain_number(b.ballot_id)]
        return str(max(numbers, default=0) + 1)

    def parse(self, line: str) -> Entered | Rejected | Command:
        """Read one typed line: a ballot, a control command, or a rejection saying why."""
        typed = line.strip()
        lowered = typed.lower()
        if lowered in ("u", "undo"):
            return Command("undo")
        if lowered in ("?", "h", "help"):
            return Command("help")
        if lowered in ("q", "quit", "exit"):
            return Command("quit")
        if lowered == "=":
            return Command("count")
        text = typed
        ballot_id = None
        if text.startswith("#"):
            head, _, text = text[1:].partition(" ")
            ballot_id = clean(head)
            if not ballot_id or len(ballot_id) > MAX_ID_LENGTH:
                return Rejected("enter.bad_id", typed, typed)
            if any(b.ballot_id == ballot_id for b in self.entered):
                return Rejected("enter.id_used", ballot_id, typed)
            text = text.strip()
        if not text:
            return Rejected("enter.empty", typed, typed)
        declared: str | None = None
        marks: list[str] = []
        loose: list[tuple[str, str]] = []
        if text.startswith("!"):
            declared = clean(text[1:]) or "!"
        elif text != "-":
            if not re.sub(r"[\s,;]", "", text):
                return Rejected("enter.only_separators", typed, typed)  # ',,,' is no ballot; a blank one is '-'
            found = self._marks(text, loose)
            if isinstance(found, Rejected):
                return Rejected(found.key, found.value, typed)
            marks = found
        pool = tuple(c.id for c in self.candidates)
        strikes = self.contest.style == Style.strike and text != "-" and declared is None
        chosen = in_ballot_order(chosen_of(frozenset(marks), strikes, pool), pool)
        reason = classify(frozenset(chosen), declared, self.contest, self.max_marks, self.min_marks)
        return Entered(ballot_id or self.next_id(), chosen, declared, reason, typed, tuple(loose))

    def _name(self, candidate_id: str) -> str:
        return self.contest.candidate(candidate_id).name

    def _marks(self, text: str, loose: list[tuple[str, str]]) -> list[str] | Rejected:
        pool = [c.id for c in self.candidates]
        marks: list[str] = []
        for piece in re.split(r"[,;]", text):
            piece = piece.strip()
            if not piece:
                continue
            tokens = piece.split()
            if any(token.isdigit() and not token.isascii() for token in tokens):
                return Rejected("enter.bad_number", piece, text)  # ² or ٣: not a position typed on this keyboard
            if all(token.isdigit() for token in tokens):
                found = []
                for token in tokens:
                    if len(token) > 6:
                        return Rejected("enter.bad_number", token[:12] + "…", text)
                    number = int(token)
                    if not 1 <= number <= len(self.candidates):
                        return Rejected("enter.bad_number", token, text)
                    if any(c.id == token for c in self.candidates) and self.candidates[number - 1].id != token:
                        # A unit whose id is this number is not the unit at this position: ask for the name.
                        return Rejected("enter.ambiguous_number", token, text)
                    found.append(self.candidates[number - 1].id)
            else:
                whole = self.matcher.match(piece)
                matched = [whole] if whole else [self.matcher.match(token) for token in tokens]
                if any(cid is None for cid in matched):
                    near = self.matcher.match_loose(piece)
                    if near is None:
                        return Rejected("enter.unknown", piece, text)
                    if len(near.candidates) > 1:
                        names = "; ".join(self.matcher.display(c) for c in near.candidates)
                        return Rejected("enter.ambiguous", f"'{piece}' ({names})", text)
                    loose.append((piece, near.candidates[0]))
                    matched = [near.candidates[0]]
                found = [cid for cid in matched if cid is not None]
            for cid in found:
                if cid not in pool:
                    return Rejected("enter.not_in_round", self._name(cid), text)
                if cid in marks:
                    return Rejected("enter.twice", self._name(cid), text)
                marks.append(cid)
        return marks

    # --- actions ---

    def record(self, ballot: Entered) -> None:
        """Append ``ballot`` to the file (fsync'ed), then log it."""
        self._append(self._row(ballot))
        self.entered.append(ballot)
        self.log.write("ballot", **self._fields(ballot))

    def undo(self) -> Entered | None:
        """Take the last ballot back (file rewritten atomically; the log keeps what it replaced)."""
        if not self.entered:
            return None
        last = self.entered[-1]
        self._rewrite_without_last(last)
        self.entered.pop()
        fields = self._fields(last)
        self.log.write(
            "undo", contest=self.contest.id, round=self.round, ballot_id=last.ballot_id, replaced=fields["recorded"]
        )
        return last

    def reject(self, rejected: Rejected) -> None:
        """Log a line that was refused (nothing is recorded in the ballot file)."""
        self.log.write("rejected", contest=self.contest.id, round=self.round, typed=rejected.typed, why=rejected.key)

    def close(self) -> None:
        """Log the end of the session with its totals."""
        valid, invalid = self.totals()
        try:
            self.log.write("close", contest=self.contest.id, round=self.round, ballots=valid + invalid, valid=valid)
        finally:
            self.lock.release()

    def totals(self) -> tuple[int, int]:
        """Return (valid, invalid) over the ballots of this contest and round in the file."""
        valid = sum(1 for b in self.entered if b.reason is None)
        return valid, len(self.entered) - valid

    def provisional(self) -> list[tuple[Candidate, int]]:
        """Return each unit of the ballot paper with its votes so far, from the valid ballots entered."""
        votes = dict.fromkeys((c.id for c in self.candidates), 0)
        for ballot in self.entered:
            if ballot.reason is None:
                for cid in ballot.chosen:
                    votes[cid] += 1
        return [(c, votes[c.id]) for c in self.candidates]

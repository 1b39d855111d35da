"""The entry log (nhật ký nhập phiếu): one JSON line per action, chained by SHA-256.

Every line carries ``prev``, the SHA-256 of the previous line's bytes (64 zeros for the first),
so editing, inserting or deleting any line breaks the chain at the line after it.
:func:`check_log` finds the first broken line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_vote.errors import BallotFileError
from emulation_vote.output import append_durably, read_input

GENESIS = "0" * 64


def line_hash(line: bytes) -> str:
    """Return the SHA-256 hex digest of one log line (without its newline)."""
    return hashlib.sha256(line).hexdigest()


@dataclass(frozen=True)
class LogCheck:
    """The result of checking a log: the number of lines, and the first broken one (1-based) with why."""

    lines: int
    broken_line: int | None
    reason: str | None

    @property
    def intact(self) -> bool:
        """Whether every line's ``prev`` is the hash of the line before it."""
        return self.broken_line is None


def read_entries(path: Path) -> list[dict[str, Any]]:
    """Return the log's entries; raise :class:`BallotFileError` if a line is not a JSON object."""
    entries = []
    for number, line in enumerate(read_input(path).splitlines(), 1):
        entry = parse_line(line)
        if entry is None:
            raise BallotFileError("log.not_json", file=str(path), row=number)
        entries.append(entry)
    return entries


def parse_line(line: bytes) -> dict[str, Any] | None:
    """Return one log line's JSON object, or None for a line that is not one.

    A damaged line may hold anything: invalid UTF-8, nesting deeper than the parser's stack,
    an integer of thousands of digits; each is "not a log entry", never a crash.
    """
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    return entry if isinstance(entry, dict) else None


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal_of(entry: dict[str, Any]) -> str:
    """Return the SHA-256 of an entry without its ``seal``: each line's own hash, written in the line.

    The chain (each line's ``prev``) covers every line but the last; the seal covers the last one
    too, so that an edit of the closing line (its totals, say) is found.
    """
    return line_hash(_canonical({key: value for key, value in entry.items() if key != "seal"}))


def seal_holds(entry: dict[str, Any]) -> bool:
    """Whether ``entry`` carries the seal of its own content."""
    return entry.get("seal") == seal_of(entry)


def check_log(path: str | Path) -> LogCheck:
    """Check the hash chain of the log at ``path``, and each line's seal when the log's lines carry seals."""
    raw = read_input(Path(path))
    lines = raw.splitlines()
    previous = GENESIS
    parsed = [parse_line(line) for line in lines]
    sealed = any(entry is not None and "seal" in entry for entry in parsed)
    for number, (line, entry) in enumerate(zip(lines, parsed, strict=True), 1):
        if entry is None:
            return LogCheck(len(lines), number, "not_json")
        if entry.get("prev") != previous:
            return LogCheck(len(lines), number, "prev")
        if sealed and not seal_holds(entry):
            return LogCheck(len(lines), number, "seal")
        previous = line_hash(line)
    if raw and not raw.endswith(b"\n"):
        return LogCheck(len(lines), len(lines), "truncated")
    return LogCheck(len(lines), None, None)


@dataclass(frozen=True)
class LogFile:
    """An entry log as read for an audit: its path, the check of its chain, and its entries."""

    path: str
    check: LogCheck
    entries: list[dict[str, Any]]


def load_log(path: str | Path) -> LogFile:
    """Read the log at ``path`` and check its chain; a damaged line is left out (the check says not intact)."""
    check = check_log(path)
    entries = [entry for line in read_input(Path(path)).splitlines() if (entry := parse_line(line)) is not None]
    return LogFile(str(path), check, entries)


class EntryLog:
    """Appends chained lines to a log, each written in one call and fsync'ed before returning."""

    def __init__(self, path: Path, clerk: str | None) -> None:
        """Open (or create) the log at ``path``; refuse one whose chain is already broken."""
        self.path = path
        self.clerk = clerk
        self.previous = GENESIS
        if path.exists():
            result = check_log(path)
            if not result.intact:
                raise BallotFileError("log.broken", file=str(path), row=result.broken_line)
            lines = read_input(path).splitlines()
            if lines:
                self.previous = line_hash(lines[-1])

    def write(self, action: str, **fields: Any) -> dict[str, Any]:
        """Append one entry (time, clerk, action and ``fields``) and return it."""
        entry: dict[str, Any] = {
            "prev": self.previous,
            "time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "clerk": self.clerk,
            "action": action,
            **fields,
        }
        entry["seal"] = seal_of(entry)
        line = _canonical(entry)
        append_durably(self.path, line + b"\n")
        self.previous = line_hash(line)
        return entry


def chain(entries: list[dict[str, Any]]) -> bytes:
    """Return ``entries`` as a whole log: one JSON line each, every ``prev`` the hash of the line before.

    >>> text = chain([{"action": "a"}, {"action": "b"}])
    >>> text.splitlines()[1].startswith(b'{"prev":"') and len(text.splitlines()) == 2
    True
    """
    previous = GENESIS
    lines = []
    for entry in entries:
        line = json.dumps({"prev": previous, **entry}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        lines.append(line)
        previous = line_hash(line)
    return b"".join(line + b"\n" for line in lines)


@dataclass(frozen=True)
class FileDifference:
    """A ballot on which the ballot file and its entry log disagree (``None``: absent from that side)."""

    row: int | None
    ballot_id: str
    in_file: str | None
    in_log: str | None


def _reading(choices: object, invalid: object) -> str:
    chosen = ";".join(map(str, choices)) if isinstance(choices, list) else str(choices or "")
    return f"{chosen or '-'}{f' ! {invalid}' if invalid else ''}"


def logged_ballots(entries: list[dict[str, Any]]) -> dict[tuple[str, int, str], str]:
    """Replay the log: every ballot recorded and not taken back, as (contest, round, id) -> what it reads."""
    ballots: dict[tuple[str, int, str], str] = {}
    for entry in entries:
        key = (str(entry.get("contest")), entry.get("round"), str(entry.get("ballot_id")))
        if not isinstance(key[1], int):
            continue
        action = entry.get("action")
        recorded = entry.get("recorded")
        if action in ("ballot", "recovered") and isinstance(recorded, dict):
            ballots[key] = _reading(recorded.get("choices"), recorded.get("invalid"))  # type: ignore[index]
        elif action in ("undo", "recovered_undo"):
            ballots.pop(key, None)  # type: ignore[arg-type]
    return ballots


def compare_with_file(log_path: str | Path, ballot_path: str | Path) -> list[FileDifference] | None:
    """Return every ballot on which the ballot file ``enter`` wrote and its log disagree (none: they agree).

    A hand edit of the file that keeps the count (one unit's name changed for another) keeps the
    log's chain whole; this comparison finds it.  None when the log is not one ``enter`` wrote
    (no session opened in it: the log of a scan, say), which this comparison does not cover.
    """
    import csv
    import io

    from emulation_vote.text import unquote_cell

    entries = [entry for line in read_input(Path(log_path)).splitlines() if (entry := parse_line(line)) is not None]
    if not any(entry.get("action") == "open" for entry in entries):
        return None
    logged = logged_ballots(entries)
    text = read_input(Path(ballot_path)).decode("utf-8", errors="replace").lstrip("\ufeff")
    differences: list[FileDifference] = []
    seen: set[tuple[str, int, str]] = set()
    for row, cells in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        if row == 1 or not any(cells):
            continue
        contest, ballot_id, round_text, choices, invalid = ([unquote_cell(c) for c in cells] + [""] * 5)[:5]
        number = int(round_text) if round_text.isascii() and round_text.isdigit() and len(round_text) < 7 else -1
        key = (contest, number, ballot_id)
        seen.add(key)
        in_file = _reading(choices.split(";") if choices else [], invalid or None)
        in_log = logged.get(key)
        if in_file != in_log:
            differences.append(FileDifference(row, ballot_id, in_file, in_log))
    differences += [FileDifference(None, key[2], None, value) for key, value in logged.items() if key not in seen]
    return differences

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


def check_log(path: str | Path) -> LogCheck:
    """Check the hash chain of the log at ``path``."""
    raw = read_input(Path(path))
    lines = raw.splitlines()
    previous = GENESIS
    for number, line in enumerate(lines, 1):
        entry = parse_line(line)
        if entry is None:
            return LogCheck(len(lines), number, "not_json")
        if entry.get("prev") != previous:
            return LogCheck(len(lines), number, "prev")
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
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
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

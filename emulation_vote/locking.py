"""An exclusive lock on a file for the length of a session (``enter``), naming who holds it.

The lock is ``flock`` on a hidden companion file (``.NAME.lock`` beside the file): the kernel
releases it when the process ends, even by ``kill -9``, so a crash never leaves a file locked.
The companion file records the clerk, the start time and the process, so that a second session
is told who is typing into the file.  It is removed when the session ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from emulation_vote.errors import UsageError


def lock_path(path: Path) -> Path:
    """Return the companion file that locks ``path``."""
    return path.with_name(f".{path.name}.lock")


class SessionLock:
    """Hold the locks of several files at once, or none: :meth:`release` frees them all."""

    def __init__(self, paths: list[Path], clerk: str | None) -> None:
        """Lock every file of ``paths``; raise :class:`UsageError` naming the holder if one is taken."""
        self._held: list[tuple[Path, int]] = []
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            for path in paths:
                self._held.append((lock_path(path), _acquire(path, clerk, started)))
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Remove the companion files and free the locks (removed first, while still held)."""
        while self._held:
            companion, descriptor = self._held.pop()
            with contextlib.suppress(OSError):
                os.unlink(companion)
            os.close(descriptor)


def _acquire(path: Path, clerk: str | None, started: str) -> int:
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock, as before
        return os.open(os.devnull, os.O_RDONLY)
    companion = lock_path(path)
    while True:
        descriptor = os.open(companion, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise UsageError(
                "enter.locked",
                file=str(path),
                clerk=holder.get("clerk") or "?",
                started=holder.get("started") or "?",
                pid=holder.get("pid") or "?",
            ) from None
        # The holder before us may have removed the companion file after we opened it: lock the one in place.
        try:
            same = os.path.samestat(os.fstat(descriptor), os.stat(companion))
        except FileNotFoundError:
            same = False
        if not same:
            os.close(descriptor)
            continue
        record = json.dumps({"clerk": clerk, "started": started, "pid": os.getpid()}, ensure_ascii=False)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, record.encode("utf-8"), 0)
        return descriptor


def _holder(descriptor: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(descriptor, 4096, 0).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

"""Durable file I/O, the one module that reads inputs and writes outputs (a leaf: it imports only the errors).

- :func:`read_input` reads a whole input file, turning the operating system's errors into the
  tool's (missing, a folder, unreadable);
- :func:`write_atomic` writes an output atomically (a temporary file, fsync'ed, then renamed),
  never over an existing file unless forced, with the permissions of an ordinary saved file;
- :func:`write_atomic_chunks` does the same for an output made piece by piece (never held whole);
- :class:`Spool` sets data aside in a private temporary file (gone when closed) and reads it back;
- :func:`append_durably` appends in one ``write`` and fsyncs before returning (the entry file and log);
- :class:`SessionLock` holds an exclusive lock on files for a session (``enter``): ``flock`` on a
  hidden companion file (``.NAME.lock``), freed by the kernel when the process ends, even by
  ``kill -9``; the companion file names the clerk, start time and process for a second session,
  and is removed when the session ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from emulation_vote.errors import BallotFileError, EmulationVoteError, OutputError, UsageError


def read_input(
    path: str | Path,
    error: type[EmulationVoteError] = BallotFileError,
    source: str | None = None,
    limit: int | None = None,
) -> bytes:
    """Return the bytes of the file at ``path`` (at most ``limit`` from its start, when given).

    A missing file, a folder or an unreadable file raises ``error`` (``file.missing``,
    ``file.is_dir``, ``file.unreadable``) naming ``source`` (default: the path).
    """
    where = str(path) if source is None else source
    try:
        with open(path, "rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except FileNotFoundError:
        raise error("file.missing", file=where) from None
    except IsADirectoryError:
        raise error("file.is_dir", file=where) from None
    except OSError as exc:
        raise error("file.unreadable", file=where, reason=exc.strerror or str(exc)) from None


def append_durably(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created, 0666 less the umask, if missing) in one write, fsync'ed."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError("output.unwritable", file=str(path), reason=exc.strerror or str(exc)) from None
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def check_distinct(paths: Iterable[object]) -> None:
    """Raise :class:`UsageError` when one file is given twice (by the same name, a link or another path).

    Anything but a path (a table of ballots given in memory, say) is left out of the check.
    """
    seen: list[tuple[os.stat_result, str]] = []
    for path in paths:
        if not isinstance(path, (str, Path)):
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue  # a missing file is reported by its reader
        for earlier, name in seen:
            if os.path.samestat(info, earlier):
                raise UsageError("file.given_twice", file=str(path), other=name)
        seen.append((info, str(path)))


def check_target(path: Path, force: bool, inputs: Iterable[str | Path] = ()) -> None:
    """Raise :class:`OutputError` now if ``path`` cannot be written, before any work is done.

    Refused even with ``force``: a folder, anything but a regular file (a device such as
    /dev/null, a FIFO, a socket: replacing it would destroy it), a symbolic link to nothing,
    and any of ``inputs`` (the same file, however it is named: same device and inode).
    """
    where = str(path)
    try:
        link = path.lstat()
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise OutputError("output.unwritable", file=where, reason=exc.strerror or str(exc)) from None
    if link is not None and stat.S_ISLNK(link.st_mode) and not path.exists():
        raise OutputError("output.dangling_link", file=where, target=os.readlink(path))
    if path.is_dir():
        raise OutputError("output.is_dir", file=where)
    if path.exists():
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise OutputError("output.not_regular", file=where)
        for source in inputs:
            with contextlib.suppress(OSError):
                if os.path.samestat(info, os.stat(source)):
                    raise OutputError("output.is_input", file=where, input=str(source))
        if not force:
            raise OutputError("output.exists", file=where)
    if not path.parent.is_dir():
        raise OutputError("output.no_dir", file=where)


def write_atomic(path: Path, data: bytes, force: bool = False, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync'ed, then renamed.

    Without ``force`` an existing file is never replaced, even one created meanwhile: the
    temporary file is hard-linked into place, which fails if the name exists.  On failure no
    file is left behind.
    """
    write_atomic_chunks(path, [data], force, inputs)


def write_atomic_chunks(
    path: Path, chunks: Iterable[bytes | str], force: bool = False, inputs: Iterable[str | Path] = ()
) -> None:
    """Write the ``chunks`` (text as UTF-8) one after another to ``path``, atomically, as :func:`write_atomic`.

    The chunks are made while the file is written (an output too large to hold whole); should
    making one fail, the exception propagates and no file is left behind.
    """
    check_target(path, force, inputs)
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # replace the file the link names, never the link itself
    where = str(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError("output.unwritable", file=where, reason=exc.strerror or str(exc)) from None
    try:
        os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
        else:
            _place_new(Path(temporary), path)
    except FileExistsError:
        raise OutputError("output.exists", file=where) from None
    except OSError as exc:
        raise OutputError("output.unwritable", file=where, reason=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


class Spool:
    """Objects set aside in a private temporary file (removed when closed) and read back in the order put."""

    def __init__(self) -> None:
        """Open the temporary file."""
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - open until drained or closed, across calls

    def put(self, item: Any) -> None:
        """Set ``item`` aside (pickled: only for data this process made itself)."""
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def drain(self) -> Iterator[Any]:
        """Return the items in the order put, then close the file."""
        try:
            self._file.seek(0)
            while True:
                try:
                    yield pickle.load(self._file)  # our own data, written by put() just before
                except EOFError:
                    return
        finally:
            self.close()

    def close(self) -> None:
        """Close (and so remove) the temporary file."""
        self._file.close()


def _mode_for(path: Path) -> int:
    """Return the permissions the file gets: those of the file it replaces, else 0666 less the umask.

    (A temporary file is created private, 0600; the result should read like any file the user saves.)
    """
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _place_new(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: the check just made is the best that can be done.
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temporary, path)


# --- one session at a time on a file (enter) ---
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

"""Giving the memory a large count has freed back to the system before the next step needs more."""

from __future__ import annotations

import sys


def release_free_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``); elsewhere, nothing.

    Arrays of a few megabytes come from the C heap once glibc has raised its threshold for
    mapping large blocks on their own, and their pages stay with the process after they are
    freed: at ten million ballots the reading and counting leave some 30 MB that the
    fingerprint's arrays would be stacked on.  Trimming costs a few milliseconds and changes no
    allocation: only pages already free are returned.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return
    trim(0)

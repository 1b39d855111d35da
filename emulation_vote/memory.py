"""How the C heap hands memory back to the system: kept while a command runs, given back before its peak."""

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


M_TRIM_THRESHOLD = -1
M_TOP_PAD = -2
"""glibc's ``mallopt`` parameters (malloc.h)."""


def keep_freed_memory() -> None:
    """Let the C heap keep what is freed and grow in larger steps, in a short-lived process (glibc); else nothing.

    By default glibc gives the top of its heap back to the system as soon as 128 KB of it are
    free, and the next allocation takes the pages back one fault at a time: a streamed count
    frees and allocates many blocks per batch, and the first million ballots took some 50,000
    page faults (0.1 s of processor) where 13,000 do with the heap kept (trimmed only past 256 MB
    free, grown 64 MB at a time: address space, not memory, until touched).  Setting these also
    stops glibc from raising its threshold for mapping a block on its own, so blocks of 128 KB and
    more are still mapped and unmapped one by one: the faults saved are the smaller blocks' (a
    fixed 32 MB threshold as well saved none more, measured).  The peak resident memory of a
    million ballots rises by 1-17 MB (to 121-129 MB); :func:`release_free_memory` still gives the
    free pages back before the fingerprint's arrays.  For the console script only, which owns
    its process.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(M_TRIM_THRESHOLD, 256 << 20)
    mallopt(M_TOP_PAD, 64 << 20)

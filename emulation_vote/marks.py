"""The words a clerk may type in a wide-layout cell: a closed vocabulary of marks and non-marks.

A cell is trimmed and compared case-insensitively after NFC.  A **mark** is one of
:data:`MARK_WORDS`; **no mark** is an empty cell or one of :data:`NO_MARK_WORDS`.  Anything
else is not guessed at: the readers report it as a data error, so that a ``-`` meaning "not
chosen" or a stray note is never counted as a vote.  The clerks' templates use the same
words for their data validation.
"""

from __future__ import annotations

import difflib
import functools

from emulation_vote.text import name_key

MARK_WORDS: tuple[str, ...] = ("x", "✓", "✔", "v", "1", "có", "yes", "true")
"""Words that mark a candidate (the first is the one to suggest)."""

NO_MARK_WORDS: tuple[str, ...] = ("0", "-", "–", "không", "no", "false")
"""Words that say "not marked", besides an empty cell."""

_MARKS = frozenset(name_key(word) for word in MARK_WORDS)
_NO_MARKS = frozenset(name_key(word) for word in NO_MARK_WORDS)


@functools.lru_cache(maxsize=4096)
def read_mark(cell: str) -> bool | None:
    """Return True for a mark, False for no mark, None for a cell that is neither.

    >>> read_mark(" X "), read_mark(""), read_mark("-"), read_mark("Không"), read_mark("ok")
    (True, False, False, False, None)
    """
    key = name_key(cell.strip())
    if not key:
        return False
    if key in _MARKS:
        return True
    if key in _NO_MARKS:
        return False
    return None


def closest_mark(cell: str) -> str | None:
    """Return the mark word a cell that is neither a mark nor a blank most likely meant, if one is close.

    Only a short cell gets a suggestion (a stray note is not a mistyped mark); the words are
    compared as :func:`read_mark` compares them.

    >>> closest_mark("xx"), closest_mark(" Xx "), closest_mark("khong"), closest_mark("phiếu rách")
    ('x', 'x', 'không', None)
    """
    key = name_key(cell.strip())
    if not key or len(key) > 6:
        return None
    words = {name_key(word): word for word in (*MARK_WORDS, *NO_MARK_WORDS)}
    found = difflib.get_close_matches(key, list(words), n=1, cutoff=0.6)
    return words[found[0]] if found else None


def accepted_words() -> str:
    """Return the accepted words as a message shows them: the marks, then the non-marks."""
    return ", ".join(MARK_WORDS) + " | " + ", ".join(NO_MARK_WORDS)

"""Text normalisation used wherever names, ids and headers are compared.

Two spellings are the same name when they are equal after Unicode NFC normalisation,
case folding, whitespace folding, and with the tone mark's placement ignored: Vietnamese
writes one tone per syllable, placed on one vowel or another by two accepted conventions
(``Tỉnh ủy`` / ``Tỉnh uỷ``, ``hòa`` / ``hoà``, ``thủy`` / ``thuỷ``).  :func:`name_key`
moves every tone mark to the end of its syllable, so both placements give one key.
"""

from __future__ import annotations

import functools
import unicodedata

# The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above,
# dot below).  Vowel marks (circumflex, breve, horn) are part of the letter and stay put.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# cp1258 text and some keyboards also use these spacing/compatibility tone forms.
_TONE_ALIASES = {"\u0340": "\u0300", "\u0341": "\u0301"}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC form."""
    return unicodedata.normalize("NFC", text)


def fold_spaces(text: str) -> str:
    """Trim ``text`` and collapse every run of white space to one space."""
    return " ".join(text.split())


def clean(text: str) -> str:
    """Return ``text`` as NFC with white space folded: the form used for display and hashing."""
    return fold_spaces(nfc(text))


def _visible(text: str) -> str:
    """Return ``text`` without its invisible format characters (zero-width spaces and joiners, direction marks, BOM).

    >>> _visible("Ban\u200b A\u202e")
    'Ban A'
    """
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return the comparison key of a name, id or header.

    Equal keys mean "the same name" under the contract's rules: NFC, case folding, white
    space folding, and either tone-mark placement; invisible format characters (zero-width,
    direction marks) do not count, so look-alike names are one name.

    >>> name_key("Văn phòng  TỈNH UỶ") == name_key("Văn phòng Tỉnh ủy")
    True
    """
    decomposed = unicodedata.normalize("NFD", fold_spaces(_visible(text)).casefold())
    words = []
    for word in decomposed.split(" "):
        letters: list[str] = []
        tones: list[str] = []
        for char in word:
            char = _TONE_ALIASES.get(char, char)
            if char in TONE_MARKS:
                tones.append(char)
            else:
                letters.append(char)
        words.append(unicodedata.normalize("NFC", "".join(letters)) + "".join(tones))
    return " ".join(words)


def strip_accents(text: str) -> str:
    """Return ``text`` folded and without any diacritic (``đ`` becomes ``d``): for suggestions only."""
    decomposed = unicodedata.normalize("NFD", fold_spaces(text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d")


#: A CSV text cell the tool writes starting with one of these gets a ``'`` in front (formula safety).
QUOTED_START = ("=", "+", "-", "@", "\t", "\r", "'")


def unquote_cell(text: str) -> str:
    """Take off the ``'`` the tool puts before a CSV cell that starts like a formula (or with ``'``).

    Only that form loses its ``'``: ``'-5`` reads ``-5``, ``''x`` reads ``'x``; ``'x`` stays ``'x``.

    >>> unquote_cell("'- gạch xóa"), unquote_cell("''x"), unquote_cell("'x")
    ('- gạch xóa', "'x", "'x")
    """
    return text[1:] if text[:1] == "'" and text[1:2] and text[1:].startswith(QUOTED_START) else text


def record_of(data: str | bytes, offset: int) -> int:
    r"""Return the row (1-based), as a spreadsheet shows it, of ``offset`` in delimited text.

    A quoted cell may span several lines; those line ends do not start a new row.  CRLF, LF and
    CR alone each end a row.  Works on bytes too (quotes and line ends are ASCII).

    >>> record_of('a,"x\ny"\nb,NUL', 12), record_of(b"a\r\nb\rc", 6)
    (2, 3)
    """
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    row, quoted, previous = 1, False, ""
    for char in text[:offset]:
        if char == '"':
            quoted = not quoted
        elif not quoted and (char == "\r" or (char == "\n" and previous != "\r")):
            row += 1
        previous = char
    return row


def short(text: str, limit: int = 60) -> str:
    """Return ``text`` cut to ``limit`` characters with an ellipsis, for quoting in messages."""
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """Return the choice most like ``word`` (an id, a key, a command word), or ``None`` when none is close."""
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return found[0] if found else None

"""Turning a ballot file's bytes into text: BOM detection and named encodings."""

from __future__ import annotations

import codecs
import unicodedata

from emulation_vote.errors import BallotFileError


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``raw``: a UTF-8 or UTF-16 byte-order mark decides; else ``encoding``; else UTF-8.

    The text is returned in NFC: cp1258 writes tone marks as combining characters.
    Raises :class:`BallotFileError` naming the row of the first byte that does not decode,
    with a hint to name the encoding with ``--encoding``.
    """
    if raw.startswith(codecs.BOM_UTF8):
        chosen, body = "utf-8", raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen, body = "utf-16", raw
    else:
        chosen, body = encoding or "utf-8", raw
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise BallotFileError("encoding.unknown", file=source, encoding=chosen) from None
    try:
        return unicodedata.normalize("NFC", body.decode(chosen))
    except UnicodeDecodeError as exc:
        row = body[: exc.start].count(b"\n") + 1
        if encoding is None:
            raise BallotFileError("encoding.not_utf8", file=source, row=row) from None
        raise BallotFileError("encoding.bad", file=source, row=row, encoding=chosen) from None

"""Turning a ballot file's bytes into text: BOM detection and named encodings."""

from __future__ import annotations

import codecs
import unicodedata

from emulation_vote.ballots.legacy import ENCODINGS, convert, detect
from emulation_vote.errors import BallotFileError
from emulation_vote.text import record_of


def _windows(raw: bytes) -> str:
    """Decode as Windows-1252 (legacy font text was saved so), Latin-1 for its five unassigned bytes."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_PROBE = "ballot_id,choices;\t\r\n0123456789 Aa"


def is_text_encoding(name: str) -> bool:
    """Whether ``name`` is an encoding a ballot file can be in: a Unicode one, or one that keeps ASCII as is.

    Codecs such as rot13, hex, base64, zlib or punycode are not: they transform text or bytes.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    if not getattr(info, "_is_text_encoding", True):
        return False
    if info.name.startswith(("utf-8", "utf-16", "utf-32")):
        return True
    try:
        return _PROBE.encode(info.name) == _PROBE.encode("ascii") and info.name not in ("punycode", "idna")
    except (UnicodeError, LookupError, TypeError):
        return False


def utf16_without_bom(raw: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when ``raw`` looks like UTF-16 text saved without a byte-order mark.

    Text in a Latin script saved as UTF-16 has a zero byte in every other place (the high byte
    of each character): in the odd places for little-endian, the even ones for big-endian.

    >>> utf16_without_bom("ballot_id,choices".encode("utf-16-le")), utf16_without_bom(b"ballot_id")
    ('utf-16-le', None)
    """
    sample = raw[:4096]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.6 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.6 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def mostly_utf8(raw: bytes) -> bool:
    r"""Whether ``raw`` holds more well-formed UTF-8 characters beyond ASCII than bytes that are not UTF-8.

    A file in a one-byte encoding (cp1258, TCVN3, VNI) almost never forms a UTF-8 sequence by chance;
    a UTF-8 file with one line pasted from elsewhere is mostly UTF-8.

    >>> mostly_utf8("Văn phòng\nTỉnh ủy".encode() + b"\nBan \xe9"), mostly_utf8(b"V\xe3n ph\xf2ng")
    (True, False)
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if ord(char) > 127 and char != "\ufffd")
    return good > bad


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``raw``: a UTF-8 or UTF-16 byte-order mark decides; else ``encoding``; else UTF-8.

    ``encoding`` may also be a legacy font encoding, "tcvn3" or "vni" (:mod:`.legacy`): the
    text, as Unicode or as Windows-1252 bytes, is converted.  The text is returned in NFC
    (cp1258 writes tone marks as combining characters).
    Raises :class:`BallotFileError` naming the row of the first byte that does not decode,
    with a hint to name the encoding with ``--encoding``.
    """
    if encoding is not None and encoding.lower() in ENCODINGS:
        if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = decode(raw, source)
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = _windows(raw)
        return convert(text, encoding.lower())
    if encoding is None and not raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        guess = utf16_without_bom(raw)
        if guess is not None:
            raise BallotFileError("encoding.utf16_no_bom", file=source, encoding=guess)
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
    if not is_text_encoding(chosen):
        raise BallotFileError("encoding.not_text", file=source, encoding=chosen)
    try:
        return unicodedata.normalize("NFC", body.decode(chosen))
    except UnicodeDecodeError as exc:
        row = record_of(body, exc.start)
        if encoding is None and mostly_utf8(body):
            # UTF-8 text with a stray line in another encoding: name that line, not a legacy font.
            raise BallotFileError("encoding.not_utf8", file=source, row=row) from None
        if encoding is None:
            legacy = detect(_windows(body), raw_bytes=True)
            if legacy in ENCODINGS:
                raise BallotFileError("encoding.legacy", file=source, encoding=legacy) from None
            if legacy == "cp1258":
                raise BallotFileError("encoding.cp1258", file=source, row=row) from None
            raise BallotFileError("encoding.not_utf8", file=source, row=row) from None
        raise BallotFileError("encoding.bad", file=source, row=row, encoding=chosen) from None

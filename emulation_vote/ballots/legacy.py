"""Legacy Vietnamese font encodings: TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Times).

Before Unicode, Vietnamese text was typed in 8-bit fonts: TCVN3 puts each letter with its marks
in one byte (``V¨n phßng TØnh ñy``); VNI writes the base letter followed by one mark byte
(``Vaên phoøng Tænh uûy``).  Such text reaches us read as Windows-1252, either in a CSV file's
bytes or already inside an .xlsx cell.  :func:`convert` turns it into Unicode; :func:`detect`
recognises it, so that a file in a legacy encoding is never silently mismatched.

The TCVN3 table is TCVN 5712 (VN1) for the bytes 0xA1 to 0xFF, as glibc's ``iconv -f
TCVN5712-1`` decodes them; ABC fonts leave 0x80 to 0xA0 to Windows punctuation.  The VNI table is
built from VNI's structure (``_vni_table``).
"""

from __future__ import annotations

import re
import unicodedata

ENCODINGS = ("tcvn3", "vni")

# Unicode for the bytes 0xA1..0xFF of TCVN3 (0xB0..0xB4 are combining tone marks).
_TCVN3_HIGH = (
    "\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103"  # 0xA1
    "\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0\u0300"  # 0xA9
    "\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1"  # 0xB1
    "\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4\u1eae"  # 0xB9
    "\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9"  # 0xC1
    "\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd\u00e9"  # 0xC9
    "\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9"  # 0xD1
    "\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2\u1ed4"  # 0xD9
    "\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1"  # 0xE1
    "\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9\u1ed6"  # 0xE9
    "\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9"  # 0xF1
    "\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0"  # 0xF9
)
TCVN3 = {chr(0xA1 + index): char for index, char in enumerate(_TCVN3_HIGH)}

_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # acute, grave, hook, tilde, dot below
_VNI_TONE = "\u00f9\u00f8\u00fb\u00f5\u00ef"  # ù ø û õ ï
_VNI_CIRCUMFLEX = "\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4"  # â, then with each tone: á à å ã ä
_VNI_BREVE = "\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb"  # ê, then with each tone: é è ú ü ë
_VNI_I = "\u00ed\u00ec\u00e6\u00f3\u00f2"  # í ì æ ó ò: i with each tone, one byte


def _vni_table() -> dict[str, str]:
    """Return VNI sequences (one or two characters as read in Windows-1252) -> Unicode letters."""
    table: dict[str, str] = {}

    def add(sequence: str, base: str, *marks: str) -> None:
        letter = unicodedata.normalize("NFC", base + "".join(marks))
        table[sequence] = letter
        table[sequence.upper()] = letter.upper()

    for vowel in "aeouy":
        for tone, mark in zip(_VNI_TONE, _TONES, strict=True):
            add(vowel + tone, vowel, mark)
    for vowel, marks in (
        ("a", (_VNI_CIRCUMFLEX, "\u0302")),
        ("e", (_VNI_CIRCUMFLEX, "\u0302")),
        ("o", (_VNI_CIRCUMFLEX, "\u0302")),
        ("a", (_VNI_BREVE, "\u0306")),
    ):
        sequence, vowel_mark = marks
        add(vowel + sequence[0], vowel, vowel_mark)
        for tone, mark in zip(sequence[1:], _TONES, strict=True):
            add(vowel + tone, vowel, vowel_mark, mark)
    for horn_key, base in (("\u00f4", "o"), ("\u00f6", "u")):  # ô -> ơ, ö -> ư
        add(horn_key, base, "\u031b")
        for tone, mark in zip(_VNI_TONE, _TONES, strict=True):
            add(horn_key + tone, base, "\u031b", mark)
    for key, mark in zip(_VNI_I, _TONES, strict=True):
        add(key, "i", mark)
    add("\u00ee", "y", "\u0323")  # î: ỵ
    add("\u00f1", "\u0111")  # ñ: đ
    return table


VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
_TCVN3_RE = re.compile("[" + "".join(re.escape(c) for c in TCVN3) + "]")
_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_LEGACY = re.compile("[\u00a1-\u00ff]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_TCVN3_COMMON = re.compile("[\u00a1-\u00bf]")
# cp1258 bytes read as Windows-1252: a vowel (a, â, ă, ê, ô, ơ, ư...) then a combining tone byte.
_CP1258_VOWELS = "aeiouyAEIOUY\u00e2\u00ea\u00f4\u00e3\u00f5\u00fd\u00c2\u00ca\u00d4\u00c3\u00d5\u00dd"
_CP1258_TONE = re.compile(f"[{_CP1258_VOWELS}][\u00cc\u00ec\u00d2\u00de\u00f2]")


# Windows-1258 is read as Windows-1252 (or Latin-1 for its unassigned bytes): what each character was meant to be.
def _cp1258_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        raw = bytes([byte])
        try:
            read = raw.decode("cp1252")
        except UnicodeDecodeError:
            read = raw.decode("latin-1")
        try:
            table[ord(read)] = raw.decode("cp1258")
        except UnicodeDecodeError:
            table[ord(read)] = "\ufffd"
    return table


_CP1258 = _cp1258_table()
# A vowel, then a VNI mark ("Vaên", "phoøng", "uûy").
_VNI_HINT = re.compile(f"[aeiouyAEIOUY\u00f4\u00f6][{_VNI_TONE}{_VNI_CIRCUMFLEX}{_VNI_BREVE}]")
# Latin-1 letters that are also Vietnamese letters: they may remain after a VNI conversion.
_VALID_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def convert(text: str, encoding: str) -> str:
    """Convert ``text`` (legacy bytes read as Windows-1252) from ``encoding`` ("tcvn3" or "vni") to NFC Unicode."""
    if encoding == "tcvn3":
        converted = _TCVN3_RE.sub(lambda m: TCVN3[m.group()], text)
    elif encoding == "vni":
        converted = _VNI_RE.sub(lambda m: VNI[m.group()], text)
    else:
        raise ValueError(encoding)
    return unicodedata.normalize("NFC", converted)


def _reads_as_cp1258(text: str) -> tuple[bool, bool]:
    """Whether ``text`` (bytes read as Windows-1252) is clean Vietnamese read as Windows-1258, and forms Vietnamese.

    The second answer: whether that reading forms letters proper to Vietnamese (ă, đ, ơ, ư, or a
    tone mark composed onto a vowel).

    Clean: beyond ASCII, only Vietnamese letters, spaces and punctuation; no combining mark left alone and no
    other letter or symbol (VNI's æ, ø, û, ö, ñ, TCVN3's ¸, µ, ¹ are such).
    """
    meant = unicodedata.normalize("NFC", text.translate(_CP1258))
    for char in meant:
        if char < "\x80" or char in _VALID_LATIN1 or _VIETNAMESE.match(char) or char == "\u20ab":
            continue
        if unicodedata.category(char)[0] not in "ZP":
            return False, False
    return True, bool(_VIETNAMESE.search(meant))


def detect(text: str, raw_bytes: bool = False) -> str | None:
    r"""Return "tcvn3", "vni" (or, for ``raw_bytes``, "cp1258") when ``text`` looks typed so, else ``None``.

    Used to explain a failure (a name that matches nothing, bytes that are not UTF-8), never to
    refuse a file that reads well.  ``text`` is Unicode text, or with ``raw_bytes`` a file's bytes
    read as Windows-1252.  The signals, in order:

    - real Vietnamese letters (ă, đ, ơ, ư, a toned vowel of U+1EA0..U+1EF9): Unicode, ``None``;
    - fewer than two characters of 0xA1..0xFF, or more of them than ASCII letters (random
      bytes): ``None``;
    - for bytes, read as Windows-1258 they are clean Vietnamese text (only Vietnamese letters beyond
      ASCII, every tone mark composed onto a vowel) that forms ă, đ, ơ, ư or a toned letter: cp1258
      (``U\xd2y ban Ki\xea\xd2m tra`` would also pass for VNI, ``Ị`` and ``ê`` being VNI letters);
    - two of 0xA1..0xBF, where TCVN3 keeps its commonest letters and the others only symbols: TCVN3;
    - a vowel followed by a VNI mark, nothing left over once converted: VNI;
    - for bytes, clean Windows-1258 text of the toned letters Latin-1 also holds (``Báo Lào Cai``),
      or a vowel followed by a cp1258 combining tone byte: cp1258;
    - otherwise TCVN3.
    """
    legacy = len(_LEGACY.findall(text))
    if _VIETNAMESE.search(text) or legacy < 2 or len(_ASCII_LETTER.findall(text)) < legacy:
        return None
    clean, vietnamese = _reads_as_cp1258(text) if raw_bytes else (False, False)
    if clean and vietnamese:
        return "cp1258"
    if len(_TCVN3_COMMON.findall(text)) >= 2:
        return "tcvn3"
    leftovers = [c for c in _LEGACY.findall(convert(text, "vni")) if c not in _VALID_LATIN1]
    if not leftovers and _VNI_HINT.search(text):
        return "vni"
    if clean or (raw_bytes and _CP1258_TONE.search(text)):
        return "cp1258"
    return "tcvn3"

"""The parts every signed document shares, whatever its file format: header, signatures, recipients, footer.

A signed document (the minutes of the count, and any other paper the committee signs) opens with
the header of Decree 30/2020/NĐ-CP (state form) or Hướng dẫn 36-HD/VPTW (Party form) and closes
with a signature block.  :func:`document_header` and :class:`SignatureBlock` describe them once;
``docx_style`` lays them out in Word, ``minutes_md`` in Markdown.  :func:`text_width_mm` measures a
line in Times New Roman so that the header's columns can be sized to hold each line whole.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from emulation_vote.election import Meeting
from emulation_vote.i18n import BLANK, fmt_date_or_blank, t
from emulation_vote.vocab import Language


@dataclass(frozen=True)
class DocumentHeader:
    """The header: the issuing body on the left, the national heading on the right, number and date below.

    ``form`` is "party" (a "*" under the body) or "state" (a short rule under it, and a motto);
    ``superior`` and ``organization`` are lines, broken only where the secretary broke them.
    """

    form: str
    superior: tuple[str, ...]
    organization: tuple[str, ...]
    national: str
    motto: str | None
    number: str
    place_date: str


@dataclass(frozen=True)
class Signer:
    """One column of a signature block: its title lines and the names signing under it, side by side.

    An empty name is a blank for the signer to write in; the block then shows the hint to sign and
    write the name.
    """

    title: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class SignatureBlock:
    """The signatures, kept together on one page: bands of columns, each band's names on one line.

    ``recipients`` (the "Nơi nhận" list) closes the block, under the signatures.
    """

    bands: tuple[tuple[Signer, ...], ...]
    hint: str
    recipients_title: str = ""
    recipients: tuple[str, ...] = ()


def document_number(meeting: Meeting, code: str, lang: Language) -> str:
    """Return the number line, "Số: 05/BB-KP".

    The meeting's ``number`` is kept whole when it holds a "/"; without one, a blank is left to fill in.
    """
    number = meeting.number
    if number is None:
        number = f"{BLANK}/{code}"
    elif "/" not in number:
        number = f"{number}/{code}"
    return t("m.number", lang, number=number)


def document_header(meeting: Meeting, code: str, lang: Language) -> DocumentHeader:
    """Return the header of a document of kind ``code`` (e.g. "BB-KP") issued at ``meeting``."""
    party = meeting.header == "party"
    return DocumentHeader(
        form=meeting.header,
        superior=tuple(line.upper() for line in meeting.superior_lines()),
        organization=tuple(line.upper() for line in meeting.organization_lines()) or (BLANK * 4,),
        national=t("m.party" if party else "m.state", lang),
        motto=None if party else t("m.motto", lang),
        number=document_number(meeting, code, lang),
        place_date=t("m.place_date", lang, place=meeting.place or BLANK, date=fmt_date_or_blank(meeting.date, lang)),
    )


def recipient_lines(recipients: tuple[str, ...]) -> tuple[str, ...]:
    """Return the "Nơi nhận" list as written: each line "- ..." ending in ";", the last in "."."""
    lines = []
    for index, recipient in enumerate(recipients):
        text = recipient.lstrip("-+• ").rstrip(" ;,.")
        lines.append(f"- {text}{'.' if index == len(recipients) - 1 else ';'}")
    return tuple(lines)


# Advance widths of Liberation Serif (metric-compatible with Times New Roman), units of 1/2048 em.
_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;-/()*&'\"…%ĐđƠơƯư"
_REGULAR = (
    "1479,1366,1366,1479,1251,1139,1479,1479,682,797,1479,1251,1821,1479,1479,1139,1479,1366,1139,1251,1479,1479,"
    "1933,1479,1479,1251,909,1024,909,1024,909,682,1024,1024,569,569,1024,569,1593,1024,1024,1024,1024,682,797,569,"
    "1024,1024,1479,1024,1024,909,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,512,512,512,569,569,682,569,682,"
    "682,1024,1593,369,836,2048,1706,1479,1024,1479,1083,1589,1110"
)
_BOLD = (
    "1479,1366,1479,1479,1366,1251,1593,1593,797,1024,1593,1366,1933,1479,1593,1251,1593,1479,1139,1366,1479,1479,"
    "2048,1479,1479,1366,1024,1139,909,1139,909,682,1024,1139,569,682,1139,569,1706,1139,1024,1139,1139,909,797,682,"
    "1139,1024,1479,1024,1024,909,1024,1024,1024,1024,1024,1024,1024,1024,1024,1024,512,512,512,682,682,682,569,682,"
    "682,1024,1706,569,1137,2048,2048,1479,1139,1593,1134,1630,1229"
)
_WIDTHS = {
    False: dict(zip(_CHARS, map(int, _REGULAR.split(",")), strict=True)),
    True: dict(zip(_CHARS, map(int, _BOLD.split(",")), strict=True)),
}
_HORNED = {"O": "Ơ", "o": "ơ", "U": "Ư", "u": "ư"}
_POINT_MM = 25.4 / 72


def text_width_mm(text: str, size: float, bold: bool = False) -> float:
    """Return the width of ``text`` set in Times New Roman at ``size`` points, in millimetres.

    Vietnamese tone and vowel marks sit above or below their letter and do not widen it; the horn
    (ơ, ư) does.  A character outside the table counts as wide as "n".

    >>> round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True), 1)
    88.3
    """
    widths = _WIDTHS[bold]
    total = 0
    letters = unicodedata.normalize("NFD", text)
    for index, char in enumerate(letters):
        if unicodedata.combining(char):
            continue
        if char in _HORNED and letters[index + 1 : index + 2] == "\u031b":
            char = _HORNED[char]
        total += widths.get(char, widths["n"])
    return total / 2048 * size * _POINT_MM

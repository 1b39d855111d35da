"""Looking up the catalogue's wording, and the number and date formats, in Vietnamese (default) or English.

A leaf below everything but the catalogue: :func:`t` fills a message of
:mod:`emulation_vote.messages`.  An unknown language is refused, never treated as Vietnamese.
JSON and CSV never go through here: they stay machine-clean.  Wording that depends on the
result or on an error (the threshold in words, an error's message) lives in :mod:`emulation_vote.render`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from emulation_vote.messages import MESSAGES
from emulation_vote.vocab import Language

__all__ = ["MESSAGES", "Language", "fmt_date", "fmt_percent", "t"]


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def t(message: str, lang: Language = Language.vi, /, **params: Any) -> str:
    """Return the catalogue entry ``message`` in ``lang`` ("vi" or "en") with ``params`` filled in.

    >>> t("loc.row", "en", row=3)
    'row 3'
    >>> t("loc.row", "fr", row=3)
    Traceback (most recent call last):
    ValueError: unknown language 'fr' (vi or en)
    """
    vi, en = MESSAGES[message]
    if lang == Language.en:
        return _plurals(en, params).format(**params)
    if lang == Language.vi:
        return vi.format(**params)
    raise ValueError(f"unknown language {lang!r} (vi or en)")


_COUNTED = re.compile(r"\{(\w+)\}( (?:[a-z]+ )?[a-z]+)\(s\)")
"""An English count and its noun: ``{seats} seat(s)``, ``{count} ballot(s)``, ``{sheets} ballot sheet(s)``."""


def _plurals(template: str, params: dict[str, Any]) -> str:
    """Return ``template`` with each counted noun singular for a count of 1, plural otherwise.

    >>> _plurals("{seats} seat(s) left", {"seats": 1}), _plurals("{seats} seat(s) left", {"seats": 2})
    ('{seats} seat left', '{seats} seats left')
    """

    def number(found: re.Match[str]) -> str:
        count = params.get(found.group(1))
        if not isinstance(count, int) or isinstance(count, bool):
            return found.group(0)
        return f"{{{found.group(1)}}}{found.group(2)}{'' if count == 1 else 's'}"

    return _COUNTED.sub(number, template)


def decimal_text(value: Decimal, lang: Language) -> str:
    """Return a decimal with a decimal comma in Vietnamese, a point in English."""
    text = str(value)
    return text.replace(".", ",") if lang == "vi" else text


def fmt_percent(value: Decimal, lang: Language = Language.vi) -> str:
    """Return a percent with two decimals: ``66,67%`` (vi) or ``66.67%`` (en)."""
    return decimal_text(value, lang) + "%"


def fmt_share(share_text: str, lang: Language = Language.vi) -> str:
    """Return a threshold share as written in the election file, with the language's decimal mark."""
    text = share_text.replace(" ", "")
    return text.replace(".", ",") if lang == "vi" else text.replace(",", ".")


BLANK = "……"


def fmt_date_or_blank(date: dt.date | None, lang: Language = Language.vi) -> str:
    """Return :func:`fmt_date`, or a date with dotted blanks to fill in by hand when ``date`` is missing."""
    if date is not None:
        return fmt_date(date, lang)
    return f"ngày {BLANK} tháng {BLANK} năm {BLANK}" if lang == "vi" else f"{BLANK} {BLANK} {BLANK}"


def fmt_date(date: dt.date, lang: Language = Language.vi) -> str:
    """Return ``ngày 05 tháng 01 năm 2024`` (vi; day and month 1-2 zero-padded) or ``5 January 2024`` (en)."""
    if lang == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"

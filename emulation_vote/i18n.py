"""Every human-facing string, in Vietnamese (the default) and English, and the number/date formats.

Messages are looked up by key with :func:`t`; errors are described by :func:`describe_error`.
JSON and CSV never go through here: they stay machine-clean.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from emulation_vote.messages import MESSAGES

if TYPE_CHECKING:
    from emulation_vote.errors import EmulationVoteError
    from emulation_vote.record import ThresholdResult

__all__ = ["MESSAGES", "describe_error", "fmt_date", "fmt_percent", "t"]

_TYPES_VI = {
    "table": "bảng",
    "integer": "số nguyên",
    "number": "số thập phân",
    "string": "chuỗi chữ",
    "boolean": "true/false",
    "array": "danh sách",
    "array of tables": "danh sách bảng [[...]]",
    "array of strings": "danh sách chuỗi",
}
_FIELDS_VI = {
    "convened": "số đại biểu triệu tập (convened)",
    "present": "số có mặt (present)",
    "issued": "số phiếu phát ra (issued)",
    "collected": "số phiếu thu vào (collected)",
}
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


def t(message: str, lang: str = "vi", /, **params: Any) -> str:
    """Return the catalogue entry ``message`` in ``lang`` with ``params`` filled in."""
    vi, en = MESSAGES[message]
    return (en if lang == "en" else vi).format(**params)


LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime)", "vni": "VNI (VNI-Times)"}


def describe_error(error: EmulationVoteError, lang: str = "vi") -> str:
    """Return an error's message in ``lang``, prefixed by its file and row."""
    params = dict(error.params)
    if "encoding" in params:
        params.setdefault("name", LEGACY_NAMES.get(str(params["encoding"]), params["encoding"]))
    if lang == "vi":
        for name in ("expected", "found"):
            if name in params:
                params[name] = _TYPES_VI.get(str(params[name]), params[name])
        for name in ("smaller", "larger"):
            if name in params:
                params[name] = _FIELDS_VI.get(str(params[name]), params[name])
    message = t(error.key, lang, **params)
    where = [part for part in (error.file, t("loc.row", lang, row=error.row) if error.row else None) if part]
    return f"{', '.join(where)}: {message}" if where else message[:1].upper() + message[1:]


def decimal_text(value: Decimal, lang: str) -> str:
    """Return a decimal with a decimal comma in Vietnamese, a point in English."""
    text = str(value)
    return text.replace(".", ",") if lang == "vi" else text


def fmt_percent(value: Decimal, lang: str = "vi") -> str:
    """Return a percent with two decimals: ``66,67%`` (vi) or ``66.67%`` (en)."""
    return decimal_text(value, lang) + "%"


def fmt_share(share_text: str, lang: str = "vi") -> str:
    """Return a threshold share as written in the election file, with the language's decimal mark."""
    text = share_text.replace(" ", "")
    return text.replace(".", ",") if lang == "vi" else text.replace(",", ".")


BLANK = "……"


def fmt_date_or_blank(date: dt.date | None, lang: str = "vi") -> str:
    """Return :func:`fmt_date`, or a date with dotted blanks to fill in by hand when ``date`` is missing."""
    if date is not None:
        return fmt_date(date, lang)
    return f"ngày {BLANK} tháng {BLANK} năm {BLANK}" if lang == "vi" else f"{BLANK} {BLANK} {BLANK}"


def fmt_date(date: dt.date, lang: str = "vi") -> str:
    """Return ``ngày 05 tháng 01 năm 2024`` (vi; day and month 1-2 zero-padded) or ``5 January 2024`` (en)."""
    if lang == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def threshold_words(threshold: ThresholdResult, lang: str = "vi") -> str:
    """Return the threshold in words with its base and the votes needed.

    For example "quá 1/2 số phiếu hợp lệ (23 phiếu): cần ít nhất 12 phiếu".
    """
    base = t(f"base.{threshold.of}", lang)
    if threshold.share == 0 and not threshold.strict:
        return t("threshold.none", lang)
    if threshold.votes_needed is None:
        text = t("threshold.empty_base", lang, base=base)
        return text[:1].upper() + text[1:]
    unit = t("unit.people" if threshold.of in ("convened", "present") else "unit.ballots", lang)
    key = "threshold.strict" if threshold.strict else "threshold.inclusive"
    return t(
        key,
        lang,
        share=fmt_share(threshold.share_text, lang),
        base=base,
        count=threshold.base_count,
        unit=unit,
        needed=threshold.votes_needed,
    )

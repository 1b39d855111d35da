"""An error in words: the one place where an :class:`~emulation_vote.errors.EmulationVoteError` is worded.

The error carries a catalogue key, its file and row, and parameters; this module turns them into
the sentence the command line prints, naming types and figures in the chosen language.
"""

from __future__ import annotations

from emulation_vote.errors import EmulationVoteError
from emulation_vote.i18n import t

LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime)", "vni": "VNI (VNI-Times)"}
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


def describe_error(error: EmulationVoteError, lang: str = "vi") -> str:
    """Return an error's message in ``lang``, prefixed by its file and row.

    >>> from emulation_vote.errors import BallotFileError
    >>> describe_error(BallotFileError("row.no_ballot_id", file="b.csv", row=3), "en")
    'b.csv, row 3: the row has data but no ballot_id.'
    """
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

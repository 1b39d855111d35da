"""An error in words: the one place where an :class:`~emulation_vote.errors.EmulationVoteError` is worded.

The error carries a catalogue key, its file and row, and parameters; this module turns them into
the sentence the command line prints, naming types and figures in the chosen language.
"""

from __future__ import annotations

from emulation_vote.errors import ElectionFileError, EmulationVoteError
from emulation_vote.i18n import t
from emulation_vote.vocab import Language

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


def describe_error(error: EmulationVoteError, lang: Language = Language.vi) -> str:
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
    row = None
    if error.row:  # an election file's key: its line (a text file), a ballot file's: its row
        row = t("loc.line" if isinstance(error, ElectionFileError) else "loc.row", lang, row=error.row)
    where = [part for part in (error.file, row) if part]
    return f"{', '.join(where)}: {message}" if where else message[:1].upper() + message[1:]


def error_list(error: EmulationVoteError) -> list[EmulationVoteError]:
    """Return the errors one raised error stands for: those it holds (several found together), or itself.

    :class:`~emulation_vote.errors.DataErrors` holds the ballot files' errors, ``ScoreSheetErrors``
    the score sheets'.
    """
    found = getattr(error, "errors", None)
    return list(found) if found else [error]


def _bare(error: EmulationVoteError, lang: Language) -> str:
    """Return the message alone, without its file and row."""
    from emulation_vote.errors import EmulationVoteError

    return describe_error(EmulationVoteError(error.key, **error.params), lang)


def errors_text(error: EmulationVoteError, lang: Language, table: bool = False, width: int = 100) -> str:
    """Return the errors of ``error`` for a person: one line, or several grouped by file.

    Several errors get a first line saying how many and that nothing was counted, then each file
    and its rows (a Rich table when ``table``, for a terminal), then "and N more" beyond the limit.
    """
    prefix = t("error.prefix", lang)
    several, more = error_list(error), int(getattr(error, "more", 0))
    if len(several) == 1 and not more:
        return f"{prefix}: {describe_error(several[0], lang)}\n"
    from emulation_vote.errors import ScoreSheetError

    sheets = all(isinstance(one, ScoreSheetError) for one in several)  # the score sheets': nothing ranked
    lines = [f"{prefix}: {t('scores.several' if sheets else 'data.several', lang, count=len(several) + more)}"]
    groups: dict[str, list[EmulationVoteError]] = {"": []}  # errors of no one file first, under no file's name
    for one in several:
        groups.setdefault(one.file or "", []).append(one)
    if not groups[""]:
        del groups[""]
    if table:
        import io

        from rich.table import Table

        from emulation_vote.render.table import text_console

        buffer = io.StringIO()
        console = text_console(buffer, width, False)
        for source, found in groups.items():
            grid = Table(title=source or None, title_justify="left", header_style="bold")
            grid.add_column(t("a.col.row", lang), justify="right")
            grid.add_column(t("data.col.message", lang), overflow="fold")
            for one in found:
                grid.add_row(str(one.row or ""), _bare(one, lang))
            console.print(grid)
        lines.append(buffer.getvalue().rstrip("\n"))
    else:
        for source, found in groups.items():
            if source:
                lines.append(f"{source}:")
            for one in found:
                where = t("loc.row", lang, row=one.row) + ": " if one.row else ""
                lines.append(f"  {where}{_bare(one, lang)}")
    if more:
        lines.append(t("data.more", lang, count=more))
    return "\n".join(lines) + "\n"


def errors_json(error: EmulationVoteError, lang: Language) -> str:
    """Return the errors of ``error`` as the JSON error document (``emulation-vote/errors/1``)."""
    import json

    items = [
        {
            "file": one.file,
            "row": one.row,
            "column": one.params.get("column") if isinstance(one.params.get("column"), str) else None,
            "code": one.key,
            "message": _bare(one, lang),
        }
        for one in error_list(error)
    ]
    document: dict[str, object] = {"schema": "emulation-vote/errors/1", "errors": items}
    if getattr(error, "more", 0):
        document["more"] = error.more  # type: ignore[attr-defined]  # DataErrors: how many beyond those listed
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

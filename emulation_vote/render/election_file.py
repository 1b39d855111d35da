"""The commented election file that ``new`` writes, in Vietnamese (default) or English comments.

Every value the secretary gave is written as a key; every value not known yet is written as a
commented line to fill in, so each change is one line.  The file loads as written.
"""

from __future__ import annotations

import json

from emulation_vote.i18n import t
from emulation_vote.prepare import THRESHOLDS, Draft
from emulation_vote.vocab import Language

_COLUMN = 33


def _string(value: str) -> str:
    """Return ``value`` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _line(key: str, value: str | None, comment: str, example: str) -> str:
    """Return ``key = value  # comment``, or the line commented out with ``example`` when there is no value."""
    body = f"{key} = {value}" if value is not None else f"# {key} = {example}"
    return f"{body.ljust(_COLUMN - 2)}  # {comment}"


def election_file(draft: Draft, lang: Language = Language.vi) -> str:
    """Return the TOML text of ``draft`` with comments in ``lang``."""
    lines = [t("toml.head", lang), "", t("toml.meeting", lang), "[meeting]"]
    title = draft.title
    lines += [
        _line("title", None if title is None else _string(title), t("toml.title", lang), '"Hội nghị tổng kết"'),
        _line(
            "organization",
            None if draft.organization is None else _string(draft.organization),
            t("toml.organization", lang),
            '"KHỐI THI ĐUA …"',
        ),
        _line("header", _string(draft.header), t("toml.header", lang), '"party"'),
        _line("place", None if draft.place is None else _string(draft.place), t("toml.place", lang), '"Lào Cai"'),
        _line("date", None if draft.date is None else draft.date.isoformat(), t("toml.date", lang), "2023-12-19"),
        _line("time", None if draft.time is None else _string(draft.time), t("toml.time", lang), '"14:30"'),
        "",
        t("toml.electorate", lang),
        "[electorate]",
    ]
    known = str(draft.issued or draft.present or draft.convened or 26)
    for name, example in (("convened", "27"), ("present", known), ("issued", known)):
        value = getattr(draft, name)
        lines.append(_line(name, None if value is None else str(value), t(f"toml.{name}", lang), example))
    lines += [_line("collected", None, t("toml.collected", lang), known), ""]
    lines += [
        t("toml.committee", lang),
        "# [[committee]]",
        '# name = "Nguyễn Văn A"',
        f"# role = {_string(t('toml.member_head', lang))}",
        "# [[committee]]",
        '# name = "Trần Thị B"',
        f"# role = {_string(t('toml.member', lang))}",
        "",
        t("toml.units", lang),
    ]
    for unit in draft.units:
        lines += ["[[unit]]", f"id = {_string(unit.id)}", f"name = {_string(unit.name)}"]
        if unit.aliases:
            lines.append(f"aliases = [{', '.join(_string(a) for a in unit.aliases)}]")
        lines.append("")
    ids = [u.id for u in draft.units]
    for number, contest in enumerate(draft.contests, 1):
        lines += [
            t("toml.contest", lang, number=number),
            "[[contest]]",
            _line("id", _string(contest.id), t("toml.contest_id", lang), ""),
            f"title = {_string(contest.title)}",
            _line("seats", str(contest.seats), t("toml.seats", lang), ""),
            t("toml.candidates", lang, first=ids[0], second=ids[1] if len(ids) > 1 else ids[0]),
            t("toml.style", lang),
            t("toml.threshold", lang, words=t(f"toml.threshold.{draft.threshold.key}", lang)),
        ]
        for preset in THRESHOLDS:
            if preset != draft.threshold:
                lines.append(f"#   threshold = {preset.toml():<58}  # {t(f'toml.threshold.{preset.key}', lang)}")
        lines += [f"threshold = {draft.threshold.toml()}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"

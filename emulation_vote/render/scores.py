"""The ranking by scores as text: JSON (``emulation-vote/scores/1``), CSV, Markdown, plain text, a Rich table.

:func:`build_score_report` decides what a human report says (the columns, the rows with the
language's decimal mark, the rule in words, the notices); the renderers below only lay it out.
Scores are written from their :class:`~decimal.Decimal` digits, never through a float.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from emulation_vote._version import __version__
from emulation_vote.i18n import decimal_text, t
from emulation_vote.render.scores_words import rule_lines
from emulation_vote.scoring.model import KINDS, points_text
from emulation_vote.scoring.record import Notice, ScoreRecord, rule_dict
from emulation_vote.vocab import Language

SCORE_FORMATS = ("table", "json", "csv", "markdown", "plain", "xlsx", "docx")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def notice_dict(notice: Notice) -> dict[str, Any]:
    """Return a notice as the JSON's ``{"file", "row", "code", ...}``."""
    return {"file": notice.file, "row": notice.row, "code": notice.code, **dict(notice.params)}


def scores_dict(record: ScoreRecord) -> dict[str, Any]:
    """Return the ranking as the JSON of FORMATS §6.4, plus ``generator``, each unit's ``number`` and ``rows``.

    Also beside the contract: ``rows``, every counted row of the sheets (exact decimals), so that the
    saved JSON can stand for the sheets and its fingerprint be checked (``tally --scores FILE.json``).
    """
    return {
        "schema": record.schema,
        "fingerprint": record.fingerprint,
        "generator": f"emulation-vote {__version__}",
        "rule": rule_dict(record.rule),
        "units": [
            {
                "id": unit.id,
                "name": unit.name,
                "number": unit.number,
                "total": str(unit.total),
                "rank": unit.rank,
                **{kind: _text(unit.kind(kind)) for kind in KINDS},
                "criteria": {cid: str(value) for cid, value in unit.criteria},
                "groups": {group: str(value) for group, value in unit.groups},
                "bonus": str(unit.bonus),
                "penalty": str(unit.penalty),
                "rows": dict(unit.rows),
            }
            for unit in record.units
        ],
        "notices": [notice_dict(n) for n in record.notices],
        "rows": [
            {
                "scorer": row.scorer,
                "unit": row.unit,
                "points": {c.id: points_text(p) for c, p in zip(record.rule.criteria, row.points, strict=True)},
                "bonus": points_text(row.bonus),
                "penalty": points_text(row.penalty),
            }
            for row in record.rows
        ],
    }


def render_scores_json(record: ScoreRecord) -> str:
    """Render the JSON of the contract (UTF-8, not ASCII-escaped)."""
    import json

    return json.dumps(scores_dict(record), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ScoreReport:
    """What a human report of the ranking says, in one language."""

    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    rule: tuple[str, ...]
    notices: tuple[str, ...]
    fingerprint: str


def notice_text(notice: Notice, lang: Language) -> str:
    """Return a notice in words, prefixed by its file and row."""
    message = t(f"scorenotice.{notice.code}", lang, **dict(notice.params))
    where = [part for part in (notice.file, t("loc.row", lang, row=notice.row) if notice.row else None) if part]
    return f"{', '.join(where)}: {message}" if where else message


def build_score_report(
    record: ScoreRecord, lang: Language = Language.vi, detail: bool = True, group_columns: bool = True
) -> ScoreReport:
    """Build the report of ``record`` in ``lang``; ``detail`` adds a column per kind and per group.

    The columns: the line number (units listed by rank), the unit, the total, [each kind, each group],
    bonus, penalty, rank.
    """
    rule = record.rule
    kinds = [kind for kind in KINDS if kind in rule.scorers] if detail and len(rule.scorers) > 1 else []
    groups = list(rule.groups) if detail and group_columns else []
    columns = [t("col.number", lang), t("col.unit", lang), t("sc.col.total", lang)]
    columns += [t(f"sc.col.{kind}", lang) for kind in kinds]
    columns += [t("sc.col.group", lang, group=group) for group in groups]
    columns += [t("sc.col.bonus", lang), t("sc.col.penalty", lang), t("sc.col.rank", lang)]
    rows = []
    for position, unit in enumerate(record.units, 1):
        cells = [str(position), unit.name, decimal_text(unit.total, lang)]
        cells += [decimal_text(unit.kind(kind) or Decimal(0), lang) for kind in kinds]
        group_values = dict(unit.groups)
        cells += [decimal_text(group_values[group], lang) for group in groups]
        cells += [decimal_text(unit.bonus, lang), decimal_text(unit.penalty, lang), str(unit.rank)]
        rows.append(tuple(cells))
    numeric = tuple(index != 1 for index in range(len(columns)))
    return ScoreReport(
        heading=t("sc.heading", lang),
        columns=tuple(columns),
        rows=tuple(rows),
        numeric=numeric,
        rule=rule_lines(record.rule, lang),
        notices=tuple(notice_text(n, lang) for n in record.notices),
        fingerprint=t("sc.fingerprint", lang, fingerprint=record.fingerprint),
    )


SCORE_COLUMNS_HEAD = ("rank", "number", "unit_id", "unit_name", "total")


def render_scores_csv(record: ScoreRecord) -> str:
    """Render one row per unit, by rank: rank, unit, total, each kind, each group, each criterion, bonus, penalty."""
    from emulation_vote.csvrows import write_rows

    rule = record.rule
    kinds = [kind for kind in KINDS if kind in rule.scorers]
    header = [*SCORE_COLUMNS_HEAD, *kinds, *(f"group_{g}" for g in rule.groups)]
    header += [c.id for c in rule.criteria] + ["bonus", "penalty"]
    rows = []
    for unit in record.units:
        cells: list[object] = [unit.rank, unit.number, unit.id, unit.name, str(unit.total)]
        cells += [str(unit.kind(kind)) for kind in kinds]
        cells += [str(value) for _, value in unit.groups]
        cells += [str(value) for _, value in unit.criteria]
        cells += [str(unit.bonus), str(unit.penalty)]
        rows.append(cells)
    return write_rows(header, rows)


def render_scores_text(record: ScoreRecord, lang: Language = Language.vi, markdown: bool = False) -> str:
    """Render the ranking as Markdown (GitHub table) or plain text (tabulate)."""
    from tabulate import tabulate

    report = build_score_report(record, lang)
    align = tuple("right" if numeric else "left" for numeric in report.numeric)
    table = tabulate(
        report.rows,
        headers=report.columns,
        tablefmt="github" if markdown else "simple",
        colalign=align,
        disable_numparse=True,
    )
    if markdown:
        parts = [f"## {report.heading}", table, "\n".join(f"- {line}" for line in report.rule)]
        if report.notices:
            parts.append(f"**{t('scorenotice.heading', lang)}**\n\n" + "\n".join(f"- {n}" for n in report.notices))
    else:
        parts = [f"{report.heading}\n{'=' * len(report.heading)}", table, "\n".join(report.rule)]
        if report.notices:
            parts.append(f"{t('scorenotice.heading', lang)}:\n" + "\n".join(f"- {n}" for n in report.notices))
    parts.append(report.fingerprint)
    return "\n\n".join(parts) + "\n"


def render_scores_table(
    record: ScoreRecord, lang: Language = Language.vi, color: bool = False, width: int = 100
) -> str:
    """Render the ranking as a Rich table for the terminal (``color`` adds ANSI styles)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from emulation_vote.render.table import text_console

    report = build_score_report(record, lang)
    if _needed_width(report) > width:
        report = build_score_report(record, lang, group_columns=False)
    if _needed_width(report) > width:
        report = build_score_report(record, lang, detail=False)
    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    console.print(report.heading, style="bold")
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for column, numeric in zip(report.columns, report.numeric, strict=True):
        if numeric:
            table.add_column(column, justify="right")
        else:
            table.add_column(column, justify="left", min_width=16)
    for unit, row in zip(record.units, report.rows, strict=True):
        table.add_row(*row[:2], Text(row[2], style="bold"), *row[3:], style="green" if unit.rank == 1 else None)
    console.print(table)
    for line in report.rule:
        console.print(line)
    if report.notices:
        console.print()
        console.print(t("scorenotice.heading", lang) + ":", style="bold yellow")
        for notice in report.notices:
            console.print(f"- {notice}")
    console.print()
    console.print(report.fingerprint)
    return buffer.getvalue()


def _needed_width(report: ScoreReport) -> int:
    """Return about how wide the terminal table is: each column's widest cell (names cut at 24) plus its padding."""
    total = 0
    for index, column in enumerate(report.columns):
        cells = [column, *(row[index] for row in report.rows)]
        widest = max(len(cell) for cell in cells)
        total += (min(widest, 24) if not report.numeric[index] else widest) + 2
    return total


def render_scores(
    record: ScoreRecord, fmt: str, lang: Language = Language.vi, color: bool = False, width: int = 100
) -> str:
    """Render ``record`` in a text format: table, json, csv, markdown or plain."""
    if fmt == "json":
        return render_scores_json(record)
    if fmt == "csv":
        return render_scores_csv(record)
    if fmt in ("markdown", "plain"):
        return render_scores_text(record, lang, markdown=fmt == "markdown")
    return render_scores_table(record, lang, color=color, width=width)

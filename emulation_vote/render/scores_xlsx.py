"""The ranking by scores as an Excel workbook (openpyxl, imported only here).

Sheet 1 holds one row per unit by rank: rank, number, id, name, total, each kind, each group,
each criterion, bonus, penalty; the scores are written as exact decimal numbers with the rule's
decimals shown.  Sheet 2 states the rule, the notices and the fingerprint.
"""

from __future__ import annotations

from emulation_vote.i18n import t
from emulation_vote.render.cells import saved
from emulation_vote.render.scores import notice_text
from emulation_vote.render.scores_words import rule_lines
from emulation_vote.scoring.model import KINDS
from emulation_vote.scoring.record import ScoreRecord
from emulation_vote.vocab import Language


def render_scores_xlsx(record: ScoreRecord, lang: Language = Language.vi) -> bytes:
    """Render ``record`` as the bytes of an .xlsx workbook (headings in ``lang``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rule = record.rule
    kinds = [kind for kind in KINDS if kind in rule.scorers]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("sc.heading", lang)[:31]
    header = [t("col.rank", lang), t("col.number", lang), "ID", t("col.unit", lang), t("sc.col.total", lang)]
    header += [t(f"sc.col.{kind}", lang) for kind in kinds]
    header += [t("sc.col.group", lang, group=group) for group in rule.groups]
    header += [c.id for c in rule.criteria]
    header += [t("sc.col.bonus", lang), t("sc.col.penalty", lang)]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    number_format = "0." + "0" * rule.decimals if rule.decimals else "0"
    for unit in record.units:
        values = [unit.total, *(unit.kind(kind) for kind in kinds)]
        values += [value for _, value in unit.groups] + [value for _, value in unit.criteria]
        values += [unit.bonus, unit.penalty]
        sheet.append([unit.rank, unit.number, unit.id, unit.name, *values])
        for cell in sheet[sheet.max_row][4:]:
            cell.number_format = number_format
    sheet.freeze_panes = "E2"
    sheet.column_dimensions["D"].width = 40
    notes = book.create_sheet(t("sc.rule.sheet", lang)[:31])
    for line in rule_lines(record.rule, lang):
        notes.append([line])
    for criterion in rule.criteria:
        notes.append([criterion.id, criterion.title, criterion.group or ""])
    for notice in record.notices:
        notes.append([notice_text(notice, lang)])
    notes.append([t("sc.fingerprint", lang, fingerprint=record.fingerprint)])
    return saved(book)

"""The summary of the scores to sign (Bảng tổng hợp kết quả chấm điểm), as Word or Markdown.

:func:`build_score_sheet` decides what the sheet says (the header, title, the rule in words, the
ranked table, the fingerprint, the signatures); :func:`render_score_sheet_docx` lays it out in the
style of every signed document (:mod:`emulation_vote.render.docx_style`: the header of Decree
30/2020 or Hướng dẫn 36, Times New Roman, the verification code in the footer, signatures kept
together), and :func:`render_score_sheet_md` in Markdown with the minutes' header and signatures.
The table keeps a column per kind and per group while they fit the A4 page, at 10 pt.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from emulation_vote.i18n import BLANK, t
from emulation_vote.render.document import DocumentHeader, SignatureBlock, Signer, document_header, text_width_mm
from emulation_vote.render.scores import ScoreReport, build_score_report, notice_text
from emulation_vote.scoring.record import ScoreRecord
from emulation_vote.vocab import Language

DOCUMENT_CODE = "BTH"
TABLE_PT = 10
_PAD_MM = 2 * 1.91 + 1.0


@dataclass(frozen=True)
class ScoreSheet:
    """The whole summary, in reading order."""

    header: DocumentHeader
    title: str
    subtitle: str
    opening: str
    rule: tuple[str, ...]
    tables: tuple[ScoreReport, ...]
    """The ranked table with every column, then narrower versions (fewer columns) for a narrow page."""
    notices: tuple[str, ...]
    fingerprint: str
    footer: str
    closing: str
    signatures: SignatureBlock


def build_score_sheet(record: ScoreRecord, lang: Language = Language.vi) -> ScoreSheet:
    """Build the summary of ``record`` in ``lang``."""
    meeting = record.election.meeting
    year = str(meeting.date.year) if meeting.date is not None else t("sc.year_blank", lang)
    full = build_score_report(record, lang)
    return ScoreSheet(
        header=document_header(meeting, DOCUMENT_CODE, lang),
        title=t("sc.title", lang),
        subtitle=meeting.title or "",
        opening=t("sc.opening", lang, organization=meeting.organization or BLANK, year=year),
        rule=full.rule,
        tables=(
            full,
            build_score_report(record, lang, group_columns=False),
            build_score_report(record, lang, detail=False),
        ),
        notices=tuple(notice_text(n, lang) for n in record.notices),
        fingerprint=full.fingerprint,
        footer=record.fingerprint,
        closing=t("sc.closing", lang, blank=BLANK),
        signatures=SignatureBlock(
            bands=((Signer((t("sc.preparer", lang),), ("",)), Signer((t("sc.approver", lang),), ("",))),),
            hint=t("m.sign", lang),
        ),
    )


def render_score_sheet_md(sheet: ScoreSheet) -> str:
    """Render the summary as Markdown, in the order of the paper: one paragraph a block (every column kept)."""
    from tabulate import tabulate

    from emulation_vote.render.minutes_md import header_md, signatures_md

    table = sheet.tables[0]
    blocks = [header_md(sheet.header), f"# {sheet.title}" + (f"\n**{sheet.subtitle}**" if sheet.subtitle else "")]
    blocks.append(sheet.opening)
    blocks.append(
        tabulate(
            table.rows,
            headers=table.columns,
            tablefmt="github",
            colalign=tuple("right" if n else "left" for n in table.numeric),
            disable_numparse=True,
        )
    )
    blocks.append("\n".join(f"- {line}" for line in sheet.rule))
    blocks += [f"*{notice}*" for notice in sheet.notices]
    blocks += [sheet.fingerprint, sheet.closing, signatures_md(sheet.signatures)]
    return "\n\n".join(blocks) + "\n"


def _column_widths(table: ScoreReport, text_mm: float) -> list[float] | None:
    """Return the columns' widths (mm) fitting ``text_mm``, the unit's name taking what is left; None if too wide."""
    needed = []
    for index in range(len(table.columns)):
        cells = [*table.columns[index].split(), *(row[index] for row in table.rows)]
        widest = max(text_width_mm(cell, TABLE_PT, bold=True) for cell in cells)
        needed.append(widest + _PAD_MM)
    name = text_mm - sum(width for i, width in enumerate(needed) if i != 1)
    if name < 45:
        return None
    needed[1] = name
    return needed


def render_score_sheet_docx(sheet: ScoreSheet) -> bytes:
    """Render the summary as the bytes of a .docx file (A4, the style of every signed document)."""
    from docx.shared import Mm

    from emulation_vote.render.docx_style import (
        TEXT_MM,
        TITLE_PT,
        add_footer,
        add_header,
        add_signatures,
        keep_table_together,
        new_document,
        paragraph,
        table,
        widths,
    )

    document = new_document(sheet.title)
    add_header(document, sheet.header)
    add_footer(document, sheet.footer)
    paragraph(document, space_after=6)
    paragraph(document, sheet.title, bold=True, align="center", size=TITLE_PT, space_after=0, keep_with_next=True)
    if sheet.subtitle:
        paragraph(document, sheet.subtitle, bold=True, align="center", space_after=12)
    paragraph(document, sheet.opening, indent=True, keep_with_next=True)

    chosen, sizes = sheet.tables[-1], _column_widths(sheet.tables[-1], TEXT_MM) or []
    for candidate in sheet.tables:
        fitted = _column_widths(candidate, TEXT_MM)
        if fitted is not None:
            chosen, sizes = candidate, fitted
            break
    grid = table(document, 1, len(chosen.columns))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, chosen.columns, strict=True):
        paragraph(cell, text, bold=True, align="center", space_after=0, size=TABLE_PT)
    last = len(chosen.columns) - 1
    for row in chosen.rows:
        new_row = grid.add_row()
        for empty in [p for cell in new_row.cells for p in cell.paragraphs]:
            empty._element.getparent().remove(empty._element)
        for position, (cell, text) in enumerate(zip(new_row.cells, row, strict=True)):
            align = "center" if chosen.numeric[position] else "left"
            bold = position in (2, last)  # the total and the rank
            paragraph(cell, text, align=align, bold=bold, space_after=0, size=TABLE_PT)
    if sizes:
        widths(grid, tuple(Mm(size) for size in sizes))
    keep_table_together(grid)
    paragraph(document, space_after=2)

    for line in sheet.rule:
        paragraph(document, line, indent=True, space_after=2)
    for notice in sheet.notices:
        paragraph(document, notice, indent=True, italic=True, space_after=2)
    paragraph(document, sheet.fingerprint, align="left", size=11)
    paragraph(document, sheet.closing, indent=True, space_before=6, space_after=12, keep_with_next=True)
    add_signatures(document, sheet.signatures)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

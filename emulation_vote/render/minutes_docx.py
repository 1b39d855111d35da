"""The minutes as a Word document laid out per Decree 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW.

The document style (page, header, footer, signature block) is :mod:`emulation_vote.render.docx_style`;
this module lays out the body: the bold centred title, the paragraphs, the bordered results tables
in ballot order, and the optional annex page after the signatures.
"""

from __future__ import annotations

import io
from typing import Any

from emulation_vote.render.docx_style import (
    TITLE_PT,
    add_footer,
    add_header,
    add_signatures,
    keep_table_together,
    new_document,
    paragraph,
    table,
    unbroken_hyphens,
    widths,
)
from emulation_vote.render.minutes import Annex, Minutes, RoundMinutes


def _results_table(document: Any, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
    from docx.shared import Mm

    grid = table(document, 1, len(columns))
    grid.style = "Table Grid"
    aligns = ("center", "left", "center", "center", "center")
    for cell, text in zip(grid.rows[0].cells, columns, strict=True):
        paragraph(cell, text, bold=True, align="center", space_after=0)
    for row in rows:
        new_row = grid.add_row()
        for cell_paragraph in [p for cell in new_row.cells for p in cell.paragraphs]:
            cell_paragraph._element.getparent().remove(cell_paragraph._element)
        for cell, text, align in zip(new_row.cells, row, aligns, strict=True):
            paragraph(cell, text, align=align, space_after=0)
    widths(grid, (Mm(12), Mm(83), Mm(22), Mm(24), Mm(24)))
    keep_table_together(grid)
    paragraph(document, space_after=2)


def _round(document: Any, rnd: RoundMinutes) -> None:
    if rnd.heading:
        paragraph(document, rnd.heading, bold=True, space_before=4, keep_with_next=True)
    if rnd.reason:
        paragraph(document, rnd.reason, italic=True, indent=True)
    paragraph(document, rnd.rule, indent=True)
    for label, value in rnd.figures:
        paragraph(document, f"- {label}: {value}", indent=True, space_after=0)
    for line in rnd.lines:
        paragraph(document, line, indent=True, space_after=2, keep_with_next=line == rnd.lines[-1])
    _results_table(document, rnd.columns, rnd.rows)
    paragraph(document, rnd.outcome_intro, indent=True, space_after=2, keep_with_next=bool(rnd.outcome))
    for line in rnd.outcome:
        paragraph(document, line, indent=True, bold=True, space_after=0)
    for note in rnd.notes:
        paragraph(document, note, indent=True, bold=True, space_before=4)


def _annex(document: Any, annex: Annex) -> None:
    from docx.enum.text import WD_BREAK

    paragraph(document, space_after=0).add_run().add_break(WD_BREAK.PAGE)
    paragraph(document, annex.title.upper(), bold=True, align="center", size=TITLE_PT, space_after=0)
    paragraph(document, annex.subtitle, italic=True, align="center", space_after=12)
    paragraph(document, annex.code_label, bold=True, align="left", space_after=2)
    paragraph(document, annex.code, align="left", size=11, space_after=6)
    for line in annex.other_codes:
        paragraph(document, line, align="left", size=11, space_after=6)
    paragraph(document, annex.covers, indent=True)
    paragraph(document, annex.files_label, bold=True, align="left", space_after=2)
    for line in annex.files:
        paragraph(document, f"- {line}", indent=True, space_after=0)
    paragraph(document, annex.how_label, bold=True, align="left", space_before=6, space_after=2)
    for number, step in enumerate(annex.steps, 1):
        # Commands: no stretching, no line ended by a hyphen.
        unbroken_hyphens(paragraph(document, f"{number}. {step}", align="left", indent=True, space_after=2))


def render_minutes_docx(minutes: Minutes) -> bytes:
    """Render ``minutes`` as the bytes of a .docx file."""
    document = new_document(f"{minutes.title} — {minutes.subtitle}".strip(" —"))
    add_header(document, minutes.header)
    add_footer(document, minutes.footer)
    paragraph(document, space_after=6)
    paragraph(document, minutes.title, bold=True, align="center", size=TITLE_PT, space_after=0, keep_with_next=True)
    if minutes.subtitle:
        paragraph(document, minutes.subtitle, bold=True, align="center", space_after=12)
    paragraph(document, minutes.opening, indent=True)
    paragraph(document, minutes.committee_intro, indent=True, keep_with_next=True)
    for line in minutes.committee:
        paragraph(document, line, indent=True, space_after=0)
    paragraph(document, minutes.figures_intro, indent=True, space_after=2, space_before=4, keep_with_next=True)
    for label, value in minutes.figures:
        paragraph(document, f"- {label}: {value}", indent=True, space_after=0)
    for contest in minutes.contests:
        if contest.heading:
            paragraph(document, contest.heading, bold=True, space_before=8, keep_with_next=True)
        else:
            paragraph(document, space_after=0)
        for rnd in contest.rounds:
            _round(document, rnd)
        if contest.final_heading:
            paragraph(document, contest.final_heading, bold=True, space_before=6, keep_with_next=True)
        for line in contest.final:
            paragraph(document, line, indent=True, bold=True)
    for note in minutes.notes:
        paragraph(document, note, indent=True, italic=True)
    # The closing sentence travels with the signatures, and the paragraph before it with the closing
    # sentence: no page holds only signatures.
    last = document.element.body[-2] if len(document.element.body) > 1 else None
    if last is not None and last.tag.endswith("}p"):
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    paragraph(document, minutes.closing, indent=True, space_before=6, space_after=12, keep_with_next=True)
    add_signatures(document, minutes.signatures)
    if minutes.annex is not None:
        _annex(document, minutes.annex)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

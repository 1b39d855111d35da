"""The minutes as a Word document laid out per Decree 30/2020/NĐ-CP.

A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt (titles
14 pt); the header is a borderless two-column table (the body on the left, the national
heading on the right with its motto bold and underlined); the results are a bordered table.
"""

from __future__ import annotations

import io
from typing import Any

from emulation_vote.render.minutes import Minutes, Signature

FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14


def _set_font(style: Any, size: int) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _paragraph(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: str = "justify",
    size: int | None = None,
    space_after: int = 4,
    indent: bool = False,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return paragraph


def _table(document: Any, rows: int, cols: int) -> Any:
    """Add a table whose cells hold no paragraph yet (each cell is written with :func:`_paragraph`)."""
    table = document.add_table(rows=rows, cols=cols)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph._element.getparent().remove(paragraph._element)
    return table


def _widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Fix the column widths in the table grid and in every cell (Word reads one, LibreOffice the other)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _cell_paragraph(cell: Any, text: str, **kwargs: Any) -> Any:
    """Add a paragraph to a table cell."""
    return _paragraph(cell, text, **kwargs)


def _header(document: Any, minutes: Minutes) -> None:
    from docx.shared import Mm

    table = _table(document, 1, 2)
    _widths(table, (Mm(70), Mm(95)))
    left, right = table.rows[0].cells
    _cell_paragraph(left, minutes.organization, bold=True, align="center", space_after=0)
    _cell_paragraph(left, "*", align="center", space_after=0)
    for index, line in enumerate(minutes.national):
        last = index == len(minutes.national) - 1
        _cell_paragraph(right, line, bold=True, underline=last, align="center", space_after=0)
    _cell_paragraph(right, "", space_after=0)
    _cell_paragraph(right, minutes.place_date, italic=True, align="center", space_after=0)


def _results_table(document: Any, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
    from docx.shared import Mm

    table = _table(document, 1, len(columns))
    table.style = "Table Grid"
    widths = (Mm(12), Mm(83), Mm(22), Mm(24), Mm(24))
    aligns = ("center", "left", "center", "center", "center")
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        _cell_paragraph(cell, text, bold=True, align="center", space_after=0)
    for row in rows:
        new_row = table.add_row()
        for paragraph in [p for cell in new_row.cells for p in cell.paragraphs]:
            paragraph._element.getparent().remove(paragraph._element)
        for cell, text, align in zip(new_row.cells, row, aligns, strict=True):
            _cell_paragraph(cell, text, align=align, space_after=0)
    _widths(table, widths)
    _paragraph(document, space_after=2)


def _signatures(document: Any, minutes: Minutes) -> None:
    from docx.shared import Mm

    table = _table(document, 1, 2)
    _widths(table, (Mm(80), Mm(85)))
    left, right = table.rows[0].cells

    def block(cell: Any, signature: Signature) -> None:
        for line in signature.title:
            _cell_paragraph(cell, line, bold=True, align="center", space_after=0)
        _cell_paragraph(cell, minutes.sign_hint, italic=True, align="center", space_after=0)
        for _ in range(3):
            _cell_paragraph(cell, "", space_after=0)
        _cell_paragraph(cell, signature.name, bold=True, align="center", space_after=12)

    block(right, minutes.head)
    for signature in minutes.members:
        block(left, signature)
    if not minutes.members:
        _cell_paragraph(left, "", space_after=0)


def render_minutes_docx(minutes: Minutes) -> bytes:
    """Render ``minutes`` as the bytes of a .docx file."""
    from docx import Document
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _set_font(document.styles["Normal"], BODY_PT)
    document.core_properties.title = f"{minutes.title} — {minutes.subtitle}".strip(" —")

    _header(document, minutes)
    _paragraph(document, space_after=6)
    _paragraph(document, minutes.title, bold=True, align="center", size=TITLE_PT, space_after=0)
    if minutes.subtitle:
        _paragraph(document, minutes.subtitle, bold=True, align="center", space_after=12)
    _paragraph(document, minutes.opening, indent=True)
    _paragraph(document, minutes.committee_intro, indent=True)
    for line in minutes.committee:
        _paragraph(document, line, indent=True, space_after=0)
    _paragraph(document, minutes.figures_intro, indent=True, space_after=2)
    for label, value in minutes.figures:
        _paragraph(document, f"- {label}: {value}", indent=True, space_after=0)
    for contest in minutes.contests:
        if contest.heading:
            _paragraph(document, contest.heading, bold=True, space_after=4).paragraph_format.space_before = Mm(3)
        for rnd in contest.rounds:
            if rnd.heading:
                _paragraph(document, rnd.heading, bold=True, italic=True)
            for label, value in rnd.figures:
                _paragraph(document, f"- {label}: {value}", indent=True, space_after=0)
            for line in rnd.lines:
                _paragraph(document, line, indent=True, space_after=2)
            _results_table(document, rnd.columns, rnd.rows)
            _paragraph(document, rnd.outcome_intro, indent=True, space_after=2)
            for line in rnd.outcome:
                _paragraph(document, line, indent=True, bold=True, space_after=0)
            for note in rnd.notes:
                _paragraph(document, note, indent=True, bold=True)
        if contest.final:
            _paragraph(document, contest.final, indent=True, bold=True)
    _paragraph(document, minutes.fingerprint, align="left", size=11)
    _paragraph(document, minutes.closing, indent=True, space_after=12)
    _signatures(document, minutes)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

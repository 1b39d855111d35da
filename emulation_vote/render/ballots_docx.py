"""The ballot papers as an editable Word document, for secretaries who want to restyle them.

One paper per page, each with the same wording as the PDF (organisation, PHIẾU BẦU, the meeting,
the number, the contest's title, the instruction, the table of units with a box to mark, the
space for the committee's seal).  It has no registration marks and no QR code: a paper printed
from it cannot be read back by a scanner.  Returns the document's bytes; writes nothing.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from emulation_vote.i18n import t
from emulation_vote.paper import instruction
from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from emulation_vote.election import Contest, Election

FONT = "Times New Roman"


def _line(document: Any, text: str, size: int, bold: bool = False, align: str = "center") -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _paper(document: Any, election: Election, contest: Contest, number: int, lang: Language) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    meeting = election.meeting
    if meeting.organization:
        _line(document, meeting.organization.upper(), 12)
    _line(document, t("paper.title", lang), 16, bold=True)
    if meeting.title:
        _line(document, meeting.title, 11)
    _line(document, t("paper.number", lang, number=number), 12, bold=True, align="left")
    _line(document, contest.title, 13, bold=True)
    _line(document, instruction(contest, lang), 12)
    tick = contest.style == "tick"
    headings = [t("paper.col_number", lang), t("paper.col_name", lang)] + ([t("paper.col_box", lang)] if tick else [])
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    widths = [Mm(12), Mm(120 if tick else 148)] + ([Mm(28)] if tick else [])
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, heading, width in zip(table.rows[0].cells, headings, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run(heading).bold = True
    for candidate in contest.candidates:
        cells = table.add_row().cells
        values = [str(candidate.number), candidate.name] + (["☐"] if tick else [])
        for index, (cell, value, width) in enumerate(zip(cells, values, widths, strict=True)):
            cell.width = width
            run = cell.paragraphs[0].add_run(value)
            run.font.size = Pt(18 if tick and index == 2 else 12)
            if index != 1:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _line(document, "", 6)
    _line(document, t("paper.seal_rule", lang), 10, align="left")
    _line(document, f"{t('paper.seal', lang)}:", 11, align="left")


def render_ballots_docx(election: Election, contests: tuple[Contest, ...], counts: list[int], lang: Language) -> bytes:
    """Return a .docx holding ``counts[i]`` papers of ``contests[i]``, one paper per A4 page."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    document.styles["Normal"].font.name = FONT
    document.core_properties.title = t("paper.document_title", lang)
    first = True
    for contest, count in zip(contests, counts, strict=True):
        for number in range(1, count + 1):
            if not first:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            first = False
            _paper(document, election, contest, number, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

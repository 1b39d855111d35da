"""The Word style of every signed document, per Decree 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW.

A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt.  The pieces
here are shared by every document the committee signs: :func:`new_document`, :func:`add_header`
(the two-column header sized so that the national name and each organisation line stay whole),
:func:`add_footer` (the verification code in small type, page numbers from page 2) and
:func:`add_signatures` (one table row that never splits, each band's names on one baseline).
They take python-docx objects and return nothing; callers serialise the document.
"""

from __future__ import annotations

import re
from typing import Any

from emulation_vote.render.document import DocumentHeader, SignatureBlock, Signer, text_width_mm

FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
FOOTER_PT = 9
PAGE_WIDTH_MM = 210
LEFT_MM, RIGHT_MM = 30, 15
TEXT_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM
# Word's and LibreOffice's default left and right cell padding (0.19 cm), plus a little air.
_CELL_PAD_MM = 2 * 1.91 + 1.5
_SIGN_LINES = 4
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TITLE_LIMIT = 255  # Word's core properties hold at most 255 characters


def xml_text(text: str) -> str:
    r"""Return ``text`` with the characters a Word document cannot hold (control characters) shown as U+FFFD.

    >>> xml_text("rách\x01") == "rách\ufffd"
    True
    """
    return _NOT_XML.sub("\ufffd", text)


def new_document(title: str) -> Any:
    """Return an empty A4 document with the margins and font of a signed document."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    section.footer_distance = Mm(10)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    title = xml_text(title)
    document.core_properties.title = title if len(title) <= _TITLE_LIMIT else title[: _TITLE_LIMIT - 1] + "…"
    return document


def paragraph(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: str = "justify",
    size: float | None = None,
    space_after: float = 4,
    space_before: float = 0,
    indent: bool = False,
    keep_with_next: bool = False,
) -> Any:
    """Add a paragraph of one run to ``container`` (the document or a table cell) and return it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    added = container.add_paragraph()
    added.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    layout = added.paragraph_format
    layout.space_after = Pt(space_after)
    layout.space_before = Pt(space_before)
    if indent:
        layout.first_line_indent = Mm(10)
    if keep_with_next:
        layout.keep_with_next = True
    if text:
        run = added.add_run(xml_text(text))
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return added


def unbroken_hyphens(added: Any) -> Any:
    """Make every hyphen of ``added`` (a paragraph) a non-breaking one, and return it.

    A command written in a document (``emulation-vote tally ... --format json``) must not be
    broken at a hyphen: Word and LibreOffice would end a line with ``--`` and begin the next with
    ``format``, which reads as two words.  Word's own non-breaking hyphen (``<w:noBreakHyphen/>``)
    is printed as a hyphen and read back as one; lines still break at the spaces.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for run in added.runs:
        element = run._r  # python-docx has no API for the non-breaking hyphen
        for text in [child for child in element if child.tag == qn("w:t") and "-" in (child.text or "")]:
            at = list(element).index(text)
            element.remove(text)
            for number, part in enumerate(text.text.split("-")):
                if number:
                    element.insert(at, OxmlElement("w:noBreakHyphen"))
                    at += 1
                if part:
                    piece = OxmlElement("w:t")
                    piece.text = part
                    piece.set(qn("xml:space"), "preserve")
                    element.insert(at, piece)
                    at += 1
    return added


def table(container: Any, rows: int, cols: int) -> Any:
    """Add a borderless table whose cells hold no paragraph yet (fill them with :func:`paragraph`)."""
    added = container.add_table(rows=rows, cols=cols)
    for row in added.rows:
        for cell in row.cells:
            for cell_paragraph in cell.paragraphs:
                cell_paragraph._element.getparent().remove(cell_paragraph._element)
    return added


def widths(grid: Any, columns: tuple[Any, ...]) -> None:
    """Fix the column widths in the table grid and in every cell (Word reads one, LibreOffice the other)."""
    grid.autofit = False
    for column, width in zip(grid.columns, columns, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, columns, strict=True):
            cell.width = width


def keep_row_whole(row: Any) -> None:
    """Forbid a table row to break across pages."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def keep_table_together(grid: Any) -> None:
    """Keep a table on one page when it fits, its first row repeated on every page when it does not.

    No row splits, and each row is kept with the next.
    """
    from docx.oxml import OxmlElement

    for number, row in enumerate(grid.rows):
        keep_row_whole(row)
        if number == 0:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        if number < len(grid.rows) - 1:
            for cell in row.cells:
                for cell_paragraph in cell.paragraphs:
                    cell_paragraph.paragraph_format.keep_with_next = True


def _header_sizes(header: DocumentHeader) -> tuple[float, float, float, float, float]:
    """Return (national pt, organisation pt, left mm, right mm): sizes and widths that hold each line whole."""
    party = header.form == "party"
    national_pt = 15.0 if party else 12.0
    right_need = text_width_mm(header.national, national_pt, bold=True)
    if header.motto:
        right_need = max(right_need, text_width_mm(header.motto, BODY_PT, bold=True))
    right_need += _CELL_PAD_MM
    right_wish = max(right_need, text_width_mm(header.place_date, BODY_PT) + _CELL_PAD_MM)
    organisation_pt = float(BODY_PT)
    left_lines = [(line, True) for line in header.organization] + [(line, False) for line in header.superior]

    def left_need(size: float) -> float:
        measured = [text_width_mm(line, size, bold) for line, bold in left_lines]
        return max([*measured, text_width_mm(header.number, BODY_PT)]) + _CELL_PAD_MM

    while organisation_pt > 11 and left_need(organisation_pt) > TEXT_MM - right_need:
        organisation_pt -= 0.5
    need = left_need(organisation_pt)
    if need + right_wish <= TEXT_MM:
        slack = TEXT_MM - need - right_wish
        left = need + slack / 2
    else:
        left = max(min(need, TEXT_MM - right_need), TEXT_MM - right_wish)
    return national_pt, organisation_pt, BODY_PT, left, TEXT_MM - left


def add_header(document: Any, header: DocumentHeader) -> None:
    """Add the two-column header, each line whole.

    The issuing body (under its superior) left, the national heading right; the number and the
    place and date on the row below.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    national_pt, organisation_pt, motto_pt, left_mm, right_mm = _header_sizes(header)
    grid = table(document, 2, 2)
    widths(grid, (Mm(left_mm), Mm(right_mm)))
    (left, right), (number, date) = (row.cells for row in grid.rows)
    for line in header.superior:
        paragraph(left, line, align="center", size=organisation_pt, space_after=0)
    for line in header.organization:
        paragraph(left, line, bold=True, align="center", size=organisation_pt, space_after=0)
    if header.form == "party":
        paragraph(left, "*", align="center", space_after=0)
        paragraph(right, header.national, bold=True, underline=True, align="center", size=national_pt, space_after=0)
    else:
        rule_mm = max(15.0, min(35.0, text_width_mm(header.organization[-1], organisation_pt, bold=True) / 2.5))
        _rule(paragraph(left, align="center", size=4, space_after=0), (left_mm - _CELL_PAD_MM - rule_mm) / 2)
        paragraph(right, header.national, bold=True, align="center", size=national_pt, space_after=0)
        paragraph(right, header.motto or "", bold=True, underline=True, align="center", size=motto_pt, space_after=0)
    date_paragraph = paragraph(date, header.place_date, italic=True, align="center", space_after=0)
    number_paragraph = paragraph(number, header.number, align="center", space_after=0)
    for cell_paragraph in (date_paragraph, number_paragraph):
        cell_paragraph.paragraph_format.space_before = Pt(6)
    date_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _rule(target: Any, inset_mm: float) -> None:
    """Draw a short horizontal rule: the paragraph's bottom border between indents of ``inset_mm``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    target.paragraph_format.left_indent = Mm(inset_mm)
    target.paragraph_format.right_indent = Mm(inset_mm)
    target.paragraph_format.line_spacing = Pt(4)
    properties = target._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    properties.append(borders)


def _page_field(run: Any) -> None:
    """Make ``run`` hold a PAGE field (the page's number, filled in by the word processor)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    begin, instruction, separate, shown, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:t"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    separate.set(qn("w:fldCharType"), "separate")
    shown.text = "2"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


def add_footer(document: Any, text: str) -> None:
    """Put ``text`` (the verification code) in small type in every page's footer.

    The page number stands at its right from page 2 on (the first page has no number).
    """
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.different_first_page_header_footer = True
    for footer, numbered in ((section.first_page_footer, False), (section.footer, True)):
        footer.is_linked_to_previous = False
        line = footer.paragraphs[0]
        line.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_MM), WD_TAB_ALIGNMENT.RIGHT)
        code = line.add_run(xml_text(text))
        code.font.size = Pt(FOOTER_PT)
        if numbered:
            line.add_run("\t")
            _page_field(line.add_run())


def _columns(band: tuple[Signer, ...]) -> list[tuple[float, list[float]]]:
    """Return each signer's title centre and name centres (mm from the left).

    The width is shared by the number of names, except that a column is never narrower than its
    widest title line or its names side by side (measured in Times New Roman bold).
    """
    weights = [max(1, len(signer.names)) for signer in band]
    needs = [
        max(
            [text_width_mm(line, BODY_PT, bold=True) for line in signer.title]
            + [text_width_mm(name, BODY_PT, bold=True) * weight for name in signer.names]
            + [0.0]
        )
        + 6
        for signer, weight in zip(band, weights, strict=True)
    ]
    sizes = [TEXT_MM * weight / sum(weights) for weight in weights]
    short = {index for index, (size, need) in enumerate(zip(sizes, needs, strict=True)) if size < need}
    if short and len(short) < len(band):
        rest = TEXT_MM - sum(needs[index] for index in short)
        others = sum(weight for index, weight in enumerate(weights) if index not in short)
        sizes = [needs[i] if i in short else rest * weights[i] / others for i in range(len(band))]
    placed, start = [], 0.0
    for size, weight in zip(sizes, weights, strict=True):
        unit = size / weight
        placed.append((start + size / 2, [start + unit * (index + 0.5) for index in range(weight)]))
        start += size
    return placed


def _tabbed(cell: Any, stops: list[float], texts: list[str], **style: Any) -> Any:
    """Add a paragraph placing each text centred on its stop (one line, so one baseline)."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    line = paragraph(cell, align="left", space_after=0, keep_with_next=True)
    for stop in stops:
        line.paragraph_format.tab_stops.add_tab_stop(Mm(stop), WD_TAB_ALIGNMENT.CENTER)
    text = "".join(f"\t{part}" for part in texts)
    run = line.add_run(xml_text(text))
    run.bold = style.get("bold", False)
    run.italic = style.get("italic", False)
    return line


def add_signatures(document: Any, block: SignatureBlock) -> None:
    """Add the signature block as one table row that never splits across pages.

    Each band is a row of columns: the titles (e.g. "CÁC ỦY VIÊN" | "T/M BAN KIỂM PHIẾU / TRƯỞNG
    BAN") on top, room to sign, then every name of the band on one line; the recipients close it.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    grid = table(document, 1, 1)
    widths(grid, (Mm(TEXT_MM),))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.append(margins)
    row = grid.rows[0]
    keep_row_whole(row)
    cell = row.cells[0]
    for number, band in enumerate(block.bands):
        placed = _columns(band)
        title_stops = [centre for centre, _ in placed]
        depth = max(len(signer.title) for signer in band)
        for depth_index in range(depth):
            texts = [signer.title[depth_index] if depth_index < len(signer.title) else "" for signer in band]
            title = _tabbed(cell, title_stops, texts, bold=True)
            if depth_index == 0 and number:
                title.paragraph_format.space_before = Pt(BODY_PT)
        blanks = [not any(signer.names) for signer in band]
        if any(blanks):
            _tabbed(cell, title_stops, [block.hint if blank else "" for blank in blanks], italic=True)
        for _ in range(_SIGN_LINES):
            _tabbed(cell, title_stops, [])
        name_stops = [stop for _, stops in placed for stop in stops]
        names = [name for signer in band for name in (signer.names or ("",))]
        _tabbed(cell, name_stops, names, bold=True)
    if block.recipients:
        heading = paragraph(cell, block.recipients_title, bold=True, italic=True, align="left", size=12, space_after=0)
        heading.paragraph_format.space_before = Pt(BODY_PT)
        for line in block.recipients:
            paragraph(cell, line, align="left", size=11, space_after=0)
    if not cell.paragraphs:
        paragraph(cell, space_after=0)

"""The summary of the scores to sign (Bảng tổng hợp kết quả chấm điểm), as Word or Markdown.

:func:`build_score_sheet` decides what the sheet says (the header, title, the rule in words, the
ranked table, the fingerprint, the signatures); :func:`render_score_sheet_docx` lays it out in the
minutes' document style (Decree 30/2020: Times New Roman 13 pt, the two-column header, a bordered
table; landscape A4, for the table is wide), through the minutes' own Word helpers;
:func:`render_score_sheet_md` writes it as Markdown.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from emulation_vote.i18n import BLANK, fmt_date_or_blank, t
from emulation_vote.render.scores import build_score_report, notice_text
from emulation_vote.scoring.record import ScoreRecord


@dataclass(frozen=True)
class ScoreSheet:
    """The whole summary, in reading order."""

    organization: str
    national: tuple[str, ...]
    place_date: str
    title: str
    subtitle: str
    opening: str
    rule: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    notices: tuple[str, ...]
    fingerprint: str
    closing: str
    signatures: tuple[tuple[str, ...], ...]
    sign_hint: str


def build_score_sheet(record: ScoreRecord, lang: str = "vi") -> ScoreSheet:
    """Build the summary of ``record`` in ``lang``."""
    meeting = record.election.meeting
    report = build_score_report(record, lang)
    national = (t("m.party", lang),) if meeting.header == "party" else (t("m.state", lang), t("m.motto", lang))
    organization = meeting.organization or BLANK
    year = str(meeting.date.year) if meeting.date is not None else t("sc.year_blank", lang)
    # The table of the sheet: rank first, as the units are listed by rank.
    return ScoreSheet(
        organization=organization.upper(),
        national=national,
        place_date=t("m.place_date", lang, place=meeting.place or BLANK, date=fmt_date_or_blank(meeting.date, lang)),
        title=t("sc.title", lang),
        subtitle=meeting.title or "",
        opening=t("sc.opening", lang, organization=meeting.organization or BLANK, year=year),
        rule=report.rule,
        columns=report.columns,
        rows=report.rows,
        numeric=report.numeric,
        notices=tuple(notice_text(n, lang) for n in record.notices),
        fingerprint=report.fingerprint,
        closing=t("sc.closing", lang, blank=BLANK),
        signatures=((t("sc.preparer", lang),), (t("sc.approver", lang),)),
        sign_hint=t("m.sign", lang),
    )


def render_score_sheet_md(sheet: ScoreSheet) -> str:
    """Render the summary as Markdown, in the order of the paper: one paragraph a block."""
    from tabulate import tabulate

    header = "\n".join(
        [
            f"**{sheet.organization}** | **{'<br>'.join(sheet.national)}**",
            "--- | ---",
            f" | *{sheet.place_date}*",
        ]
    )
    blocks = [header, f"# {sheet.title}" + (f"\n**{sheet.subtitle}**" if sheet.subtitle else ""), sheet.opening]
    blocks.append(
        tabulate(
            sheet.rows,
            headers=sheet.columns,
            tablefmt="github",
            colalign=tuple("right" if n else "left" for n in sheet.numeric),
            disable_numparse=True,
        )
    )
    blocks.append("\n".join(f"- {line}" for line in sheet.rule))
    blocks += [f"*{notice}*" for notice in sheet.notices]
    blocks += [sheet.fingerprint, sheet.closing]
    for title in sheet.signatures:
        lines = [f"**{line}**\\" for line in title] + [f"*{sheet.sign_hint}*"]
        blocks += ["\n".join(lines), "&nbsp;"]
    return "\n\n".join(blocks) + "\n"


def render_score_sheet_docx(sheet: ScoreSheet) -> bytes:
    """Render the summary as the bytes of a .docx file (landscape A4, the minutes' fonts and header)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    from emulation_vote.render.docx_style import TITLE_PT, new_document
    from emulation_vote.render.docx_style import paragraph as _cell_paragraph
    from emulation_vote.render.docx_style import paragraph as _paragraph
    from emulation_vote.render.docx_style import table as _table
    from emulation_vote.render.docx_style import widths as set_widths

    document = new_document(sheet.title)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    usable = 297 - 30 - 15

    head = _table(document, 1, 2)
    set_widths(head, (Mm(100), Mm(usable - 100)))
    left, right = head.rows[0].cells
    _cell_paragraph(left, sheet.organization, bold=True, align="center", space_after=0)
    _cell_paragraph(left, "*", align="center", space_after=0)
    for index, line in enumerate(sheet.national):
        _cell_paragraph(
            right, line, bold=True, underline=index == len(sheet.national) - 1, align="center", space_after=0
        )
    _cell_paragraph(right, "", space_after=0)
    _cell_paragraph(right, sheet.place_date, italic=True, align="center", space_after=0)

    _paragraph(document, space_after=6)
    _paragraph(document, sheet.title, bold=True, align="center", size=TITLE_PT, space_after=0)
    if sheet.subtitle:
        _paragraph(document, sheet.subtitle, bold=True, align="center", space_after=12)
    _paragraph(document, sheet.opening, indent=True)

    table = _table(document, 1, len(sheet.columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, sheet.columns, strict=True):
        _cell_paragraph(cell, text, bold=True, align="center", space_after=0, size=12)
    for row in sheet.rows:
        new_row = table.add_row()
        for paragraph in [p for cell in new_row.cells for p in cell.paragraphs]:
            paragraph._element.getparent().remove(paragraph._element)
        for position, (cell, text) in enumerate(zip(new_row.cells, row, strict=True)):
            bold = position in (2, len(row) - 1)  # the total and the rank
            align = "center" if sheet.numeric[position] else "left"
            _cell_paragraph(cell, text, align=align, bold=bold, space_after=0, size=12)
    name_width, number_width = 70, 12
    others = (usable - name_width - number_width) / (len(sheet.columns) - 2)
    widths = [Mm(number_width), Mm(name_width), *(Mm(others) for _ in sheet.columns[2:])]
    set_widths(table, tuple(widths))
    _paragraph(document, space_after=2)

    for line in sheet.rule:
        _paragraph(document, line, indent=True, space_after=2)
    for notice in sheet.notices:
        _paragraph(document, notice, indent=True, italic=True, space_after=2)
    _paragraph(document, sheet.fingerprint, align="left", size=11)
    _paragraph(document, sheet.closing, indent=True, space_after=12)

    signs = _table(document, 1, len(sheet.signatures))
    set_widths(signs, tuple(Mm(usable / len(sheet.signatures)) for _ in sheet.signatures))
    for cell, title in zip(signs.rows[0].cells, sheet.signatures, strict=True):
        for line in title:
            _cell_paragraph(cell, line, bold=True, align="center", space_after=0)
        _cell_paragraph(cell, sheet.sign_hint, italic=True, align="center", space_after=0)
        for _ in range(4):
            _cell_paragraph(cell, "", space_after=0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

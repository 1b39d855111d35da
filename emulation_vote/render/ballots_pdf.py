"""The ballot papers as a PDF: exactly the geometry of :mod:`emulation_vote.paper`, drawn by fpdf2.

Every paper gets its registration marks, QR code, number, texts, table and boxes at the
positions the layout fixes; several papers share an A4 page with dashed cut lines between
them.  The font (DejaVu Sans, with every Vietnamese letter) is embedded.  Returns the PDF's
bytes; writes nothing.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from importlib import resources
from typing import TYPE_CHECKING

from emulation_vote.paper import (
    FONTS,
    LINE_WIDTH,
    MARK_INSET,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SLOTS,
    PaperLayout,
    Text,
    number_text,
    qr_payload,
)
from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from fpdf import FPDF

    from emulation_vote.election import Election

FAMILY = "DejaVuSans"


def render_ballots_pdf(
    election: Election, layouts: list[PaperLayout], counts: list[int], fingerprint: str, lang: Language
) -> tuple[bytes, list[int]]:
    """Return the PDF of ``counts[i]`` papers of ``layouts[i]``'s contest, and each contest's first page (1-based)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title("Phiếu bầu" if lang == "vi" else "Ballot papers")
    pdf.set_creator("emulation-vote")
    moment = election.meeting.date or dt.date(2000, 1, 1)
    pdf.set_creation_date(dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC))
    with ExitStack() as stack:
        for bold, name in FONTS.items():
            path = stack.enter_context(resources.as_file(resources.files("emulation_vote") / "data" / "fonts" / name))
            pdf.add_font(FAMILY, "B" if bold else "", str(path))
        firsts = []
        for layout, count in zip(layouts, counts, strict=True):
            firsts.append(pdf.page_no() + 1)
            for number in range(1, count + 1):
                slot = (number - 1) % layout.per_page
                if slot == 0:
                    pdf.add_page()
                    _cut_lines(pdf, layout)
                x, y = layout.slot(slot)
                _paper(pdf, layout, number, x + MARK_INSET, y + MARK_INSET, fingerprint, lang)
        return bytes(pdf.output()), firsts


def _cut_lines(pdf: FPDF, layout: PaperLayout) -> None:
    columns, rows = SLOTS[layout.per_page]
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    with pdf.local_context(dash_pattern={"dash": 2, "gap": 1.5}):
        for column in range(1, columns):
            pdf.line(column * layout.width, 0, column * layout.width, PAGE_HEIGHT)
        for row in range(1, rows):
            pdf.line(0, row * layout.height, PAGE_WIDTH, row * layout.height)
    pdf.set_draw_color(0)


def _text(pdf: FPDF, item: Text, ox: float, oy: float) -> None:
    pdf.set_font(FAMILY, "B" if item.bold else "", item.size)
    pdf.text(ox + item.x, oy + item.y, item.text)


def _paper(pdf: FPDF, layout: PaperLayout, number: int, ox: float, oy: float, fingerprint: str, lang: Language) -> None:
    """Draw paper ``number`` with its frame origin (the top-left mark's centre) at page point ``(ox, oy)``."""
    import segno

    pdf.set_fill_color(0)
    pdf.set_draw_color(0)
    for mark in layout.marks:
        pdf.rect(ox + mark.x, oy + mark.y, mark.w, mark.h, style="F")
    qr = segno.make(
        qr_payload(layout.contest_id, number, fingerprint, layout.per_page, layout.lang), error="m", micro=False
    )
    matrix = [list(row) for row in qr.matrix]
    module = layout.qr.w / len(matrix)
    for row_index, row in enumerate(matrix):
        start = None
        for column, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                pdf.rect(ox + layout.qr.x + start * module, oy + layout.qr.y + row_index * module,
                         (column - start) * module, module, style="F")  # fmt: skip
                start = None
    pdf.set_text_color(0)
    for item in layout.texts:
        _text(pdf, item, ox, oy)
    _text(pdf, number_text(layout, number, lang), ox, oy)
    pdf.set_line_width(LINE_WIDTH)
    for x0, y0, x1, y1 in layout.lines:
        pdf.line(ox + x0, oy + y0, ox + x1, oy + y1)
    if layout.style == "tick":
        for unit in layout.units:
            pdf.rect(ox + unit.box.x, oy + unit.box.y, unit.box.w, unit.box.h, style="D")
    seal = layout.seal
    pdf.set_line_width(0.2)
    pdf.set_draw_color(120)
    with pdf.local_context(dash_pattern={"dash": 1, "gap": 1}):
        pdf.rect(ox + seal.x, oy + seal.y, seal.w, seal.h, style="D")
    pdf.set_draw_color(0)

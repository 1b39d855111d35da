"""The result as an Excel workbook (.xlsx) a secretary can forward, written with openpyxl.

One sheet per contest (per contest round when a runoff was held): the heading, the ranked table
(frozen header; votes as integers, percents as real numbers with a percent format so Excel shows
"91,67%" under a Vietnamese locale; the selected units in bold) and the ballot figures below it;
then a sheet "Thông tin" ("Information" in English) with the meeting, the rules and the
fingerprint.  A provisional count (``--partial``) has the "KẾT QUẢ TẠM TÍNH" banner above each
contest sheet and as the first line of "Thông tin".  Headings follow ``lang``.  Text is stored
as text, never as a formula, whatever it starts with.  openpyxl is imported here only, when a workbook is made.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from emulation_vote._version import __version__
from emulation_vote.i18n import fmt_date, t
from emulation_vote.record import ContestResult, ElectionRecord, RoundResult
from emulation_vote.render.cells import saved
from emulation_vote.render.report import round_heading, status_text, threshold_words
from emulation_vote.render.slides import slide_key
from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: The number format of percent cells: two decimals; Excel shows the locale's decimal mark.
PERCENT_FORMAT = "0.00%"
_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
_HEADER_FILL = "F3EFE6"
_SELECTED_FILL = "FBE4E2"
_PARTIAL_FILL = "FFF2CC"  # a provisional count's banner: dark red on pale yellow
_PARTIAL_INK = "9C0006"


def percent_cell(percent: Decimal) -> float:
    """Return the cell value of a record percent: the fraction it stands for (91.67 -> 0.9167).

    The division is exact in Decimal; only the result becomes a float, at the cell.

    >>> percent_cell(Decimal("91.67"))
    0.9167
    """
    return float(percent / 100)


def sheet_names(keys: list[str]) -> list[str]:
    r"""Return distinct, valid sheet names for ``keys`` (at most 31 characters, none of ``[ ] : * ? / \\``)."""
    names: list[str] = []
    for key in keys:
        base = key.translate(_FORBIDDEN)[:31] or "-"
        name, number = base, 2
        while name.lower() in (n.lower() for n in names):
            suffix = f" ({number})"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        names.append(name)
    return names


def _fit(sheet: Worksheet, widths: dict[int, int]) -> None:
    """Set the column widths, and print the sheet landscape, one page wide."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 70)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _contest_sheet(
    sheet: Worksheet, record: ElectionRecord, result: ContestResult, rnd: RoundResult, lang: Language
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    selected_fill = PatternFill("solid", fgColor=_SELECTED_FILL)
    widths: dict[int, int] = {}

    def put(row: int, column: int, value: Any, measure: bool = True) -> Any:
        if measure:
            widths[column] = max(widths.get(column, 0), len(str(value)))
        return sheet.cell(row=row, column=column, value=value)

    top = 1
    if record.partial:  # a provisional count says so above everything else on the sheet
        banner = put(1, 1, t("partial.banner", lang), measure=False)
        banner.font = Font(bold=True, size=14, color=_PARTIAL_INK)
        banner.fill = PatternFill("solid", fgColor=_PARTIAL_FILL)
        top = 2
    title = put(top, 1, round_heading(result, rnd, lang), measure=False)
    title.font = Font(bold=True, size=14)
    columns = ("col.rank", "col.unit", "book.unit_id", "col.votes", "col.percent", "excel.meets", "col.status")
    for column, key in enumerate(columns, 1):
        cell = put(top + 1, column, t(key, lang))
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    row = top + 1
    for candidate in rnd.candidates:
        row += 1
        values: tuple[Any, ...] = (
            candidate.rank,
            candidate.name,
            candidate.id,
            candidate.votes,
            percent_cell(candidate.percent),
            t("excel.yes" if candidate.meets_threshold else "excel.no", lang),
            status_text(candidate, lang),
        )
        for column, value in enumerate(values, 1):
            cell = put(row, column, value, measure=column != 5)
            if column == 5:
                cell.number_format = PERCENT_FORMAT
            if candidate.status == "selected":
                cell.font = bold
                cell.fill = selected_fill
    widths[5] = max(widths.get(5, 0), 8)
    sheet.freeze_panes = f"A{top + 2}"
    sheet.auto_filter.ref = f"A{top + 1}:G{row}"
    row += 2
    threshold = rnd.threshold
    issued = record.election.electorate.issued
    figures: list[tuple[str, Any]] = []
    if rnd.number == 1 and issued is not None:
        figures.append((t("show.issued", lang), issued))
        figures.append((t("show.collected", lang), rnd.cast))
    else:
        figures.append((t("show.cast", lang), rnd.cast))
    figures += [
        (t("show.valid", lang), rnd.valid),
        (t("show.invalid", lang), rnd.invalid),
        (t("show.seats", lang), rnd.seats),
        (t("book.threshold", lang), threshold_words(threshold, lang)),
        (t("book.base", lang), t(f"base.{threshold.of}", lang)),
        (t("book.base_count", lang), threshold.base_count),
    ]
    if threshold.votes_needed is not None:
        figures.append((t("book.threshold_votes", lang), threshold.votes_needed))
    names = ", ".join(result.contest.candidate(cid).name for cid in rnd.selected) or "—"
    figures.append((t("book.outcome", lang), names))
    if rnd.runoff is not None:  # a seat still open: the tie the conference votes on again
        tied = ", ".join(result.contest.candidate(cid).name for cid in rnd.runoff.candidates)
        figures.append((t("book.runoff", lang), t("summary.runoff", lang, names=tied, seats=rnd.runoff.seats)))
    if len(result.rounds) > 1 and rnd is result.rounds[-1]:
        final = ", ".join(result.contest.candidate(cid).name for cid in result.selected) or "—"
        figures.append((t("book.final", lang), final))
    put(row, 2, t("book.figure", lang)).font = bold
    put(row, 3, t("book.value", lang), measure=False).font = bold
    for label, value in figures:
        row += 1
        put(row, 2, label)
        put(row, 3, value, measure=False)
    _fit(sheet, widths)


def _info_sheet(sheet: Worksheet, record: ElectionRecord, lang: Language) -> None:
    from openpyxl.styles import Alignment, Font

    meeting = record.election.meeting
    rows: list[tuple[str, str]] = [(t("partial.book_label", lang), t("partial.banner", lang))] if record.partial else []
    rows += [
        (t("book.meeting", lang), meeting.title or ""),
        (t("book.organization", lang), meeting.organization or ""),
        (t("book.place", lang), meeting.place or ""),
        (t("book.date", lang), fmt_date(meeting.date, lang) if meeting.date else ""),
    ]
    for result in record.contests:
        contest = result.contest
        rnd = result.first
        rule = "; ".join(
            (
                t("summary.seats", lang, seats=contest.seats),
                t("summary.threshold", lang, words=threshold_words(rnd.threshold, lang)),
            )
        )
        rows += [
            (t("book.contest", lang), contest.title),
            (t("book.contest_id", lang), contest.id),
            (t("book.rule", lang), rule),
        ]
    rows += [
        (t("book.fingerprint", lang), record.fingerprint),
        (t("book.sources", lang), ", ".join(PurePath(source).name for source in record.sources)),
        (t("book.generator", lang), f"emulation-vote {__version__}"),
    ]
    width = 0
    for row, (label, value) in enumerate(rows, 1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        sheet.cell(row=row, column=2, value=value).alignment = Alignment(wrap_text=True, vertical="top")
        width = max(width, len(label))
    _fit(sheet, {1: width})
    sheet.column_dimensions["B"].width = 90


def render_xlsx(record: ElectionRecord, lang: Language = Language.vi) -> bytes:
    """Return the workbook's bytes: a sheet per contest round, then the "Thông tin" sheet."""
    from openpyxl import Workbook

    book = Workbook()
    pairs = [(result, rnd) for result in record.contests for rnd in result.rounds]
    keys = [slide_key(result.contest.id, rnd.number, len(result.rounds)) for result, rnd in pairs]
    names = sheet_names([*keys, t("book.info_sheet", lang)])
    first = book.active
    assert first is not None  # a new workbook has one sheet
    book.remove(first)
    for (result, rnd), name in zip(pairs, names, strict=False):
        _contest_sheet(book.create_sheet(name), record, result, rnd, lang)
    _info_sheet(book.create_sheet(names[-1]), record, lang)
    book.properties.creator = f"emulation-vote {__version__}"
    book.properties.title = record.election.meeting.title or t("show.page_title", lang)
    return saved(book)

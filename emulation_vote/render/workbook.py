"""The clerks' workbook that ``template`` writes: one sheet per contest, numbered rows, checked mark cells.

The first sheet, "Hướng dẫn", says how to fill it.  Each contest's sheet is named after its title
(cut at a word to Excel's 31 characters) and has the ballot number column ("Số phiếu"), one
column per candidate headed by its name, the declared-invalid column, the note column, and a
hidden last column headed :data:`~emulation_vote.ballots.layout.TEMPLATE_MARK` and the contest
id: it marks the sheet as a template (its unused numbers are not ballots) and keeps the sheet
bound to its contest when renamed.  Rows are numbered 1..N, N being the contest's ballots
issued, else delegates present, else convened (:func:`numbered_rows`).  Mark cells accept only
the words of :mod:`emulation_vote.marks`.  The CSV form holds one contest's header row only.

A runoff's workbook (:class:`Runoff`) has the one sheet of its contest: every candidate's column
is kept (the readers need them all), those of the units not on the runoff's paper hidden and
refusing any entry, and the marker records the round, which its rows are read as.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

from emulation_vote.ballots.layout import template_heading
from emulation_vote.csvrows import csv_line
from emulation_vote.election import Contest, Election
from emulation_vote.i18n import t
from emulation_vote.marks import MARK_WORDS, NO_MARK_WORDS
from emulation_vote.render.cells import saved
from emulation_vote.vocab import Language

UNKNOWN_ROWS = 100
"""Rows numbered when the election file gives none of issued, present, convened."""
EXTRA_ROWS = 50
"""Rows below the numbered ones that keep the mark check, for papers beyond the expected count."""
_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Runoff:
    """A runoff's workbook: the round, and its paper's contest (the tied units only, its title and limits).

    The paper's contest is :func:`~emulation_vote.paper.runoff_election`'s: its id is the contest's.
    """

    round_number: int
    paper: Contest


def numbered_rows(election: Election, contest: Contest) -> int:
    """Return how many rows the contest's sheet numbers: issued, else present, else convened, else 100."""
    figures = election.figures(contest)
    for value in (figures.issued, figures.present, figures.convened):
        if value:
            return value
    return UNKNOWN_ROWS


def sheet_names(election: Election, lang: Language = Language.vi) -> list[str]:
    """Return each contest's sheet name: its title, cut at a word and ended by "…" to fit 31 characters.

    Characters Excel forbids in a sheet name become "-"; names stay unique (" (2)" added).
    """
    taken = {t("wb.instructions", lang).casefold()}
    names = []
    for contest in election.contests:
        title = " ".join(contest.title.translate(_FORBIDDEN).split()).strip("'") or contest.id
        name = title if len(title) <= 31 else _cut(title, 30) + "…"
        base, number = name, 1
        while name.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            name = (base if len(base) + len(suffix) <= 31 else _cut(base.rstrip("…"), 30 - len(suffix)) + "…") + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _cut(text: str, limit: int) -> str:
    """Return ``text`` cut to at most ``limit`` characters at a word boundary (mid-word if one word is longer)."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else text[:limit]).rstrip(" -,;.")


def headings(contest: Contest, lang: Language = Language.vi) -> list[str]:
    """Return the header row of a contest's sheet (without the hidden marker column)."""
    return [
        t("wb.ballot_id", lang),
        *(c.name for c in contest.candidates),
        t("wb.invalid", lang),
        t("wb.note", lang),
    ]


def clerks_csv(contest: Contest, lang: Language = Language.vi) -> str:
    """Return one contest's header row as CSV (UTF-8 with a BOM, so that Excel opens it right)."""
    return "\ufeff" + csv_line(headings(contest, lang))  # a name starting like a formula gets its "'"


def clerks_workbook(
    election: Election,
    election_name: str,
    workbook_name: str,
    lang: Language = Language.vi,
    runoff: Runoff | None = None,
) -> bytes:
    """Return the clerks' workbook (.xlsx bytes) for every contest of ``election``, or for a ``runoff``."""
    from dataclasses import replace

    from openpyxl import Workbook

    book = Workbook()
    guide = book.active
    assert guide is not None  # a new workbook has its one sheet
    shown = election if runoff is None else replace(election, contests=(runoff.paper,))
    named = shown
    if runoff is not None:  # its sheet's name says it is the runoff's
        title = t("wb.runoff_sheet", lang, round=runoff.round_number, title=election.contest(runoff.paper.id).title)
        named = replace(election, contests=(replace(runoff.paper, title=title),))
    names = sheet_names(named, lang)
    _guide(guide, shown, names, election_name, workbook_name, lang, runoff)
    for contest, name in zip(shown.contests, names, strict=True):
        whole = contest if runoff is None else election.contest(contest.id)  # every candidate's column
        _contest_sheet(book.create_sheet(name), election, whole, lang, runoff)
    return saved(book)


def _guide(
    sheet: Any,
    election: Election,
    names: list[str],
    election_name: str,
    workbook_name: str,
    lang: Language,
    runoff: Runoff | None = None,
) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = t("wb.instructions", lang)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 16
    sheet.column_dimensions["D"].width = 40
    sheet["A1"] = t("wb.title", lang)
    sheet["A1"].font = Font(bold=True, size=14)
    meeting = election.meeting
    sheet["A2"] = " — ".join(part for part in (meeting.organization, meeting.title) if part)
    sheet["A3"] = t("wb.source", lang, election=election_name)
    sheet["A3"].font = Font(italic=True, color="666666")
    sheet["A5"] = t("wb.contests", lang)
    sheet["A5"].font = Font(bold=True)
    heads = ("wb.col.sheet", "wb.col.title", "wb.col.seats", "wb.col.marks")
    sheet.append([t(key, lang) for key in heads])
    for cell in sheet[6]:
        cell.font = Font(bold=True)
    for contest, name in zip(election.contests, names, strict=True):
        marks = t("wb.strike" if contest.style == "strike" else "wb.tick", lang)
        sheet.append([name, contest.title, contest.max_marks, marks])
    row = sheet.max_row + 2
    notes = []
    if runoff is not None:
        units = ", ".join(f"{c.name} ({c.id})" for c in runoff.paper.candidates)
        notes.append(t("wb.runoff", lang, round=runoff.round_number, units=units))
    if any(contest.style == "strike" for contest in election.contests):
        notes.append(t("wb.strike_rules", lang))
    for said in notes:  # what this workbook's contests need beyond the steps below
        cell = sheet.cell(row=row, column=1, value=said)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        sheet.row_dimensions[row].height = 15 * math.ceil(len(said) / 110) + 2
        row += 2
    earlier = "" if runoff is None else t("wb.earlier_files", lang) + " "  # a runoff is counted with them
    steps = t(
        "wb.steps",
        lang,
        marks=", ".join(MARK_WORDS[1:]),
        no_marks=", ".join(NO_MARK_WORDS),
        election=election_name,
        workbook=earlier + workbook_name,
    )
    for offset, line in enumerate(steps.split("\n")):
        cell = sheet.cell(row=row + offset, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row + offset, start_column=1, end_row=row + offset, end_column=4)
        sheet.row_dimensions[row + offset].height = 15 * math.ceil(len(line) / 120) + 2
    for listed in range(7, 7 + len(names)):  # the title wraps (a runoff's is long), the row's cells at its top
        for column, alignment in enumerate((None, "wrap", "center", None), 1):
            sheet.cell(row=listed, column=column).alignment = Alignment(
                vertical="top", wrap_text=alignment == "wrap", horizontal="center" if alignment == "center" else None
            )
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _width(name: str) -> tuple[float, int]:
    """Return a candidate column's width and the lines its heading wraps to."""
    if len(name) <= 16:
        return max(8.0, len(name) + 2.0), 1
    lines = math.ceil(len(name) / 16)
    longest = max(len(word) for word in name.split())
    return max(18.0, longest + 2.0), min(lines, 4)


def _contest_sheet(
    sheet: Any, election: Election, contest: Contest, lang: Language, runoff: Runoff | None = None
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    heads = headings(contest, lang)
    marker_column = len(heads) + 1
    sheet.append([*heads, template_heading(contest.id, 1 if runoff is None else runoff.round_number)])
    thin = Side(style="thin", color="999999")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    lines = 1
    sheet.column_dimensions["A"].width = max(10, len(heads[0]) + 3)
    for index, candidate in enumerate(contest.candidates, 2):
        width, wraps = _width(candidate.name)
        sheet.column_dimensions[get_column_letter(index)].width = width
        lines = max(lines, wraps)
    invalid_column = len(heads) - 1
    sheet.column_dimensions[get_column_letter(invalid_column)].width = 28
    sheet.column_dimensions[get_column_letter(invalid_column + 1)].width = 24
    sheet.column_dimensions[get_column_letter(marker_column)].hidden = True
    sheet.row_dimensions[1].height = 15 * max(lines, 2) + 4
    count = numbered_rows(election, contest)
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number in range(1, count + 1):
        sheet.cell(row=number + 1, column=1, value=number).alignment = Alignment(horizontal="center")
        for column in range(1, marker_column):
            sheet.cell(row=number + 1, column=column).border = grid
        for column in range(2, len(contest.candidates) + 2):
            sheet.cell(row=number + 1, column=column).alignment = Alignment(horizontal="center")
    sheet.freeze_panes = "B2"
    words = ",".join((*MARK_WORDS, *NO_MARK_WORDS))
    check = DataValidation(
        type="list",
        formula1=f'"{words}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=t("wb.error_title", lang),
        error=t("wb.error", lang, words=" ".join((*MARK_WORDS[1:], *NO_MARK_WORDS))),
        showInputMessage=True,
        prompt=t("wb.prompt", lang),
    )
    on_paper = None if runoff is None else {c.id for c in runoff.paper.candidates}
    refuse = DataValidation(
        type="textLength",
        operator="equal",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=t("wb.not_on_paper", lang),
        error=t("wb.not_on_paper_error", lang),
    )
    # Side by side columns of the same kind make one range: B2:E81 for the whole ballot of a first vote.
    kinds = [on_paper is None or candidate.id in on_paper for candidate in contest.candidates]
    start, last_row = 2, count + 1 + EXTRA_ROWS
    for shown, run in itertools.groupby(kinds):
        end = start + len(list(run)) - 1
        (check if shown else refuse).add(f"{get_column_letter(start)}2:{get_column_letter(end)}{last_row}")
        for index in range(start, end + 1):
            if not shown:  # a unit not on the runoff's paper: its column stays, hidden and empty
                sheet.column_dimensions[get_column_letter(index)].hidden = True
        start = end + 1
    sheet.add_data_validation(check)
    if refuse.sqref:
        sheet.add_data_validation(refuse)
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

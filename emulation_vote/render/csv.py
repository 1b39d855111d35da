"""The tally as CSV: one row per candidate per contest round, for scripts (machine-clean) or for Excel.

Written through :func:`emulation_vote.csvrows.write_rows`, like every CSV the tool writes.
"""

from __future__ import annotations

from emulation_vote.csvrows import write_rows
from emulation_vote.i18n import t
from emulation_vote.record import ElectionRecord
from emulation_vote.render.report import status_text
from emulation_vote.vocab import Language

TALLY_COLUMNS = (
    "contest",
    "round",
    "rank",
    "candidate_id",
    "candidate_name",
    "votes",
    "percent",
    "meets_threshold",
    "status",
    "base",
    "base_count",
    "votes_needed",
    "seats",
)


def render_csv(record: ElectionRecord) -> str:
    """Render the tally: one row per candidate of every contest round, by rank.

    A provisional count (``--partial``) has one more column at the end, ``partial``, ``true`` on
    every row; an official count's columns are exactly :data:`TALLY_COLUMNS`.
    """
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            threshold = rnd.threshold
            for c in rnd.candidates:
                rows.append(
                    (
                        result.contest.id,
                        rnd.number,
                        c.rank,
                        c.id,
                        c.name,
                        c.votes,
                        str(c.percent),
                        c.meets_threshold,
                        c.status,
                        threshold.of,
                        threshold.base_count,
                        "" if threshold.votes_needed is None else threshold.votes_needed,
                        rnd.seats,
                        *((True,) if record.partial else ()),
                    )
                )
    return write_rows((*TALLY_COLUMNS, *(("partial",) if record.partial else ())), rows)


EXCEL_COLUMNS = (
    "book.contest_id",
    "book.round",
    "col.rank",
    "col.unit",
    "col.votes",
    "excel.percent",
    "excel.meets",
    "col.status",
    "book.base",
    "book.base_count",
    "book.threshold_votes",
    "show.seats",
)


def render_csv_excel(record: ElectionRecord, lang: Language = Language.vi) -> str:
    """Render the tally for Excel under a Vietnamese (or other decimal-comma) locale.

    The rows of :func:`render_csv` with headings and words in ``lang``, cells separated by ``;``
    and percents as numbers with a decimal comma ("91,67", the column says "%"), so that Excel
    opens the file into columns of numbers.  UTF-8 with a BOM and CRLF, like every CSV here.
    A provisional count (``--partial``) ends each row with a "KẾT QUẢ TẠM TÍNH" column.
    """
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            threshold = rnd.threshold
            for c in rnd.candidates:
                rows.append(
                    (
                        result.contest.id,
                        rnd.number,
                        c.rank,
                        c.name,
                        c.votes,
                        str(c.percent).replace(".", ","),
                        t("excel.yes" if c.meets_threshold else "excel.no", lang),
                        status_text(c, lang),
                        t(f"base.{threshold.of}", lang),
                        threshold.base_count,
                        "" if threshold.votes_needed is None else threshold.votes_needed,
                        rnd.seats,
                        *((t("partial.mark", lang),) if record.partial else ()),
                    )
                )
    headings = [t(key, lang) for key in EXCEL_COLUMNS] + ([t("partial.heading", lang)] if record.partial else [])
    return write_rows(headings, rows, delimiter=";")

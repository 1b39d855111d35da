"""What a human-readable tally says, independent of how it is drawn.

:func:`build_report` turns the record into sections (one per contest and round) of plain
lines and table rows in the chosen language; the Rich and tabulate renderers only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulation_vote.i18n import fmt_percent, fmt_share, t
from emulation_vote.record import CandidateResult, ContestResult, ElectionRecord, RoundResult, ThresholdResult
from emulation_vote.render.scores_words import score_tie_line
from emulation_vote.vocab import InvalidReason, Language, Status, ThresholdBase


@dataclass(frozen=True)
class Section:
    """One contest round as a report: heading, lines above the table, table rows, lines below."""

    heading: str
    above: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[tuple[int, int], ...]
    statuses: tuple[Status, ...]
    below: tuple[str, ...]


def threshold_words(threshold: ThresholdResult, lang: Language = Language.vi) -> str:
    """Return the threshold in words with its base and the votes needed.

    For example "quá 1/2 số phiếu hợp lệ (23 phiếu): cần ít nhất 12 phiếu".
    """
    base = t(f"base.{threshold.of}", lang)
    if threshold.share == 0 and not threshold.strict:
        return t("threshold.none", lang)
    if threshold.votes_needed is None:
        text = t("threshold.empty_base", lang, base=base)
        return text[:1].upper() + text[1:]
    unit = t("unit.people" if threshold.of in (ThresholdBase.convened, ThresholdBase.present) else "unit.ballots", lang)
    key = "threshold.strict" if threshold.strict else "threshold.inclusive"
    return t(
        key,
        lang,
        share=fmt_share(threshold.share_text, lang),
        base=base,
        count=threshold.base_count,
        unit=unit,
        needed=threshold.votes_needed,
    )


def status_text(candidate: CandidateResult, lang: Language) -> str:
    """Return a candidate's status in words ("Được suy tôn", "Bằng phiếu — bầu lại", "Không đủ tỷ lệ", ...)."""
    if candidate.status == Status.not_selected:
        return t("status.no_seat" if candidate.meets_threshold else "status.below", lang)
    return t(f"status.{candidate.status}", lang)


def invalid_text(round_result: RoundResult, lang: Language) -> str:
    """Return the invalid ballots by reason, declared texts in brackets: "chọn quá số lượng: 1; ..."."""
    parts = []
    for reason, count in round_result.invalid_reasons:
        text = f"{t(f'reason.{reason}', lang)}: {count}"
        if reason == InvalidReason.declared and round_result.declared_texts:
            text += " (" + "; ".join(f"{d}: {n}" for d, n in round_result.declared_texts) + ")"
        parts.append(text)
    return "; ".join(parts)


def names(result: ContestResult, ids: tuple[str, ...]) -> str:
    """Return the candidate names of ``ids`` joined by commas."""
    return ", ".join(result.contest.candidate(cid).name for cid in ids)


def round_heading(result: ContestResult, round_result: RoundResult, lang: Language) -> str:
    """Return the heading of a round: the contest title, with the round when there are several."""
    title = result.contest.title
    if len(result.rounds) == 1:
        return title
    key = "round.title" if round_result.number == 1 else "round.runoff_title"
    return f"{title} — {t(key, lang, number=round_result.number)}"


def final_lines(result: ContestResult, lang: Language) -> list[str]:
    """Return the outcome over every round of a contest (for a contest with a runoff round)."""
    chosen = names(result, result.selected) if result.selected else "—"
    lines = [t("summary.final", lang, names=chosen)]
    if result.runoff is not None:
        lines.append(
            t("summary.runoff", lang, names=names(result, result.runoff.candidates), seats=result.runoff.seats)
        )
    return lines


def build_section(result: ContestResult, round_result: RoundResult, lang: Language) -> Section:
    """Build the report section of one round of one contest."""
    above = [
        t("summary.ballots", lang, cast=round_result.cast, valid=round_result.valid, invalid=round_result.invalid),
    ]
    if round_result.invalid_reasons:
        above.append(t("summary.invalid", lang, reasons=invalid_text(round_result, lang)))
    above.append(t("summary.seats", lang, seats=round_result.seats))
    above.append(t("summary.threshold", lang, words=threshold_words(round_result.threshold, lang)))
    rows = tuple(
        (str(c.rank), c.name, str(c.votes), fmt_percent(c.percent, lang), status_text(c, lang))
        for c in round_result.candidates
    )
    base = round_result.threshold.base_count
    below = []
    if round_result.selected:
        below.append(t("summary.selected", lang, names=names(result, round_result.selected)))
    else:
        below.append(t("summary.none_selected", lang))
    if round_result.runoff is not None:
        below.append(
            t(
                "summary.runoff",
                lang,
                names=names(result, round_result.runoff.candidates),
                seats=round_result.runoff.seats,
            )
        )
    else:
        empty = round_result.seats - len(round_result.selected)
        if empty:
            below.append(t("summary.empty_seats", lang, count=empty))
    tie_line = score_tie_line(result.contest, round_result, lang)
    if tie_line is not None:
        below.append(tie_line)
    if len(result.rounds) > 1 and round_result is result.rounds[-1]:
        below.extend(final_lines(result, lang))
    return Section(
        heading=round_heading(result, round_result, lang),
        above=tuple(above),
        columns=(
            t("col.rank", lang),
            t("col.unit", lang),
            t("col.votes", lang),
            t("col.percent", lang),
            t("col.status", lang),
        ),
        rows=rows,
        shares=tuple((c.votes, base) for c in round_result.candidates),
        statuses=tuple(c.status for c in round_result.candidates),
        below=tuple(below),
    )


NOTICE_ROWS = 10


def notice_lines(record: ElectionRecord, lang: Language) -> list[str]:
    """Return one line per name read without its diacritics: where, as typed, and the candidate taken.

    The same text in one file is one line listing its rows (the first ten, then how many more).
    """
    grouped: dict[tuple[str, str, str, str], list[int]] = {}
    for notice in record.notices:
        grouped.setdefault((notice.source, notice.text, notice.contest, notice.candidate), []).append(notice.row)
    lines = []
    for (source, text, contest_id, candidate_id), rows in grouped.items():
        shown = ", ".join(str(r) for r in rows[:NOTICE_ROWS])
        if len(rows) > NOTICE_ROWS:
            shown += " " + t("notice.more_rows", lang, count=len(rows) - NOTICE_ROWS)
        candidate = record.election.contest(contest_id).candidate(candidate_id)
        lines.append(
            t(
                "notice.without_diacritics",
                lang,
                file=source,
                rows=t("loc.rows" if len(rows) > 1 else "loc.row", lang, row=shown),
                text=text,
                candidate=f"{candidate.name} ({candidate.id})",
            )
        )
    return lines


def preamble_lines(record: ElectionRecord, lang: Language) -> list[str]:
    """Return the lines before the tables: a provisional result's banner, contests left out, rows skipped."""
    lines = []
    if record.partial:
        lines.append(t("partial.banner", lang))
        if record.left_out:  # a contest --contest excluded is not "not yet counted"
            lines.append(t("partial.left_out", lang, contests=", ".join(record.left_out)))
    for contest_id, count in record.skipped:
        lines.append(t("partial.skipped", lang, count=count, contest=contest_id))
    return lines


def build_report(record: ElectionRecord, lang: Language) -> tuple[list[Section], str]:
    """Return the sections of every contest and round, and the closing lines: notices, then the fingerprint."""
    sections = [build_section(result, rnd, lang) for result in record.contests for rnd in result.rounds]
    closing = t("summary.fingerprint", lang, fingerprint=record.fingerprint)
    notices = notice_lines(record, lang)
    return sections, "\n".join(notices) + "\n\n" + closing if notices else closing

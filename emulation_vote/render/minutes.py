"""What the minutes of the count (biên bản kiểm phiếu) say, in order, independent of the file format.

:func:`build_minutes` turns the record into a :class:`Minutes`: the header, title, opening,
committee, figures, each contest's rounds with their tables and outcome, the fingerprint, the
closing sentence and the signature blocks.  ``minutes_md`` and ``minutes_docx`` lay it out.
A meeting field that is not given becomes a dotted blank, to be filled in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulation_vote.i18n import BLANK, fmt_date_or_blank, fmt_percent, t
from emulation_vote.record import ContestResult, ElectionRecord, RoundResult
from emulation_vote.render.report import invalid_text, names, round_heading, threshold_words
from emulation_vote.render.scores import vote_rule_lines
from emulation_vote.scoring.model import ScoringRule
from emulation_vote.vocab import Header


@dataclass(frozen=True)
class RoundMinutes:
    """One round of one contest: its figures, threshold, results table (ballot order) and outcome."""

    heading: str | None
    figures: tuple[tuple[str, str], ...]
    lines: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    outcome_intro: str
    outcome: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ContestMinutes:
    """A contest in the minutes: its heading (empty when it is the only one), each round, the final outcome."""

    heading: str
    rounds: tuple[RoundMinutes, ...]
    final: str | None


@dataclass(frozen=True)
class Signature:
    """A signature block: the lines above the blank space, and the name below it."""

    title: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class Minutes:
    """The whole document, in reading order."""

    organization: str
    national: tuple[str, ...]
    place_date: str
    title: str
    subtitle: str
    opening: str
    committee_intro: str
    committee: tuple[str, ...]
    figures_intro: str
    figures: tuple[tuple[str, str], ...]
    contests: tuple[ContestMinutes, ...]
    fingerprint: str
    closing: str
    head: Signature
    members: tuple[Signature, ...]
    sign_hint: str


def _count(value: int | None, lang: str, unit: str = "m.ballots") -> str:
    return BLANK if value is None else t(unit, lang, count=value)


def _round(result: ContestResult, rnd: RoundResult, lang: str, scoring: ScoringRule | None = None) -> RoundMinutes:
    figures = [
        (t("m.collected", lang), _count(rnd.cast, lang)),
        (t("m.valid", lang), _count(rnd.valid, lang)),
        (t("m.invalid", lang), _count(rnd.invalid, lang)),
    ]
    if rnd.invalid_reasons:
        figures[-1] = (
            figures[-1][0],
            f"{figures[-1][1]}; {t('m.invalid_detail', lang, reasons=invalid_text(rnd, lang))}",
        )
    rows = tuple(
        (str(c.number), c.name, str(c.votes), fmt_percent(c.percent, lang).rstrip("%"), str(c.rank))
        for c in rnd.by_ballot_order()
    )
    by_id = {c.id: c for c in rnd.candidates}
    outcome = tuple(
        f"{n}. "
        + t(
            "m.selected_line",
            lang,
            name=by_id[cid].name,
            votes=by_id[cid].votes,
            percent=fmt_percent(by_id[cid].percent, lang),
        )
        for n, cid in enumerate(rnd.selected, 1)
    )
    notes = []
    if rnd.runoff is not None:
        tied_votes = by_id[rnd.runoff.candidates[0]].votes
        notes.append(
            t("m.tie", lang, names=names(result, rnd.runoff.candidates), votes=tied_votes, seats=rnd.runoff.seats)
        )
    elif rnd.seats > len(rnd.selected):
        notes.append(t("m.empty", lang, count=rnd.seats - len(rnd.selected)))
    return RoundMinutes(
        heading=round_heading(result, rnd, lang) if len(result.rounds) > 1 else None,
        figures=tuple(figures),
        lines=(
            *(vote_rule_lines(result.contest, scoring, lang) if rnd.number == 1 else ()),
            t("m.seats", lang, seats=rnd.seats),
            t("m.threshold", lang, words=threshold_words(rnd.threshold, lang)),
            t("m.results", lang),
        ),
        columns=(
            t("col.number", lang),
            t("col.unit", lang),
            t("col.votes", lang),
            t("m.col_percent", lang),
            t("m.col_rank", lang),
        ),
        rows=rows,
        outcome_intro=t("m.selected_intro", lang) if rnd.selected else t("m.none_selected", lang),
        outcome=outcome,
        notes=tuple(notes),
    )


def _final(result: ContestResult, lang: str) -> str | None:
    if len(result.rounds) == 1:
        return None
    if not result.selected:
        return t("m.final_none", lang)
    return t("m.final", lang, names=names(result, result.selected))


def _numbered(index: int, title: str) -> str:
    numerals = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    return f"{numerals[index] if index < len(numerals) else index + 1}. {title}"


def build_minutes(record: ElectionRecord, lang: str = "vi") -> Minutes:
    """Build the minutes of ``record`` in ``lang``."""
    election = record.election
    meeting = election.meeting
    electorate = election.electorate
    place = meeting.place or BLANK
    hour, minute = meeting.time.split(":") if meeting.time else (BLANK, BLANK)
    national = (t("m.party", lang),) if meeting.header == Header.party else (t("m.state", lang), t("m.motto", lang))
    figures = (
        (t("m.convened", lang), _count(electorate.convened, lang, "m.people")),
        (t("m.present", lang), _count(electorate.present, lang, "m.people")),
        (t("m.absent", lang), _count(electorate.absent, lang, "m.people")),
        (t("m.issued", lang), _count(electorate.issued, lang)),
    )
    single = len(record.contests) == 1
    contests = tuple(
        ContestMinutes(
            heading="" if single else _numbered(i, result.contest.title),
            rounds=tuple(_round(result, rnd, lang, election.scoring) for rnd in result.rounds),
            final=_final(result, lang),
        )
        for i, result in enumerate(record.contests)
    )
    committee = election.committee
    head, members = election.committee_head()
    return Minutes(
        organization=(meeting.organization or BLANK).upper(),
        national=national,
        place_date=t("m.place_date", lang, place=place, date=fmt_date_or_blank(meeting.date, lang)),
        title=t("m.title", lang),
        subtitle=record.contests[0].contest.title if single else (meeting.title or ""),
        opening=t(
            "m.opening",
            lang,
            hour=hour,
            minute=minute,
            date=fmt_date_or_blank(meeting.date, lang),
            place=place,
            meeting=meeting.title or t("m.meeting_default", lang),
        ),
        committee_intro=t("m.committee", lang),
        committee=tuple(
            f"{n}. " + t("m.member", lang, name=m.name, role=m.role or t("m.member_role", lang))
            for n, m in enumerate(committee, 1)
        )
        or tuple(f"{n}. {BLANK * 4} — {BLANK * 2}" for n in (1, 2, 3)),
        figures_intro=t("m.figures", lang),
        figures=figures,
        contests=contests,
        fingerprint=t("m.fingerprint", lang, fingerprint=record.fingerprint),
        closing=t("m.closing", lang, blank=BLANK),
        head=Signature((t("m.on_behalf", lang), t("m.head", lang)), head.name if head else ""),
        members=tuple(Signature((t("m.members", lang),) if i == 0 else (), m.name) for i, m in enumerate(members)),
        sign_hint=t("m.sign", lang),
    )

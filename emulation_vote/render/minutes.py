"""What the minutes of the count (biên bản kiểm phiếu) say, in order, independent of the file format.

:func:`build_minutes` turns the record into a :class:`Minutes`: the header, title, opening,
committee, the paper figures, each contest's votes (a runoff is its own numbered section with
its reason, and the final result follows the last one), the closing sentence, the signature block
and the recipients; the verification code goes to the footer and, when asked, to an annex.
``minutes_md`` and ``minutes_docx`` lay it out.  A meeting field that is not given becomes a
dotted blank, to be filled in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from emulation_vote.count import shares
from emulation_vote.i18n import BLANK, fmt_date_or_blank, fmt_percent, fmt_share, t
from emulation_vote.record import ContestResult, ElectionRecord, RoundResult, ThresholdResult
from emulation_vote.render.document import (
    DocumentHeader,
    SignatureBlock,
    Signer,
    document_header,
    recipient_lines,
)
from emulation_vote.render.report import invalid_text, names
from emulation_vote.render.scores_words import score_tie_line, vote_rule_lines
from emulation_vote.scoring.model import ScoringRule
from emulation_vote.text import name_key
from emulation_vote.vocab import Language

DOCUMENT_CODE = "BB-KP"


@dataclass(frozen=True)
class RoundMinutes:
    """One vote of one contest: its reason (a runoff), ballot rule, figures, threshold, table and outcome."""

    heading: str | None
    reason: str | None
    rule: str
    figures: tuple[tuple[str, str], ...]
    lines: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    outcome_intro: str
    outcome: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ContestMinutes:
    """A contest in the minutes: its heading (empty when it is the only one), each vote, the final result."""

    heading: str
    rounds: tuple[RoundMinutes, ...]
    final_heading: str | None
    final: tuple[str, ...]


@dataclass(frozen=True)
class Annex:
    """The annex page: the full verification code, the data files and how to re-check the count."""

    title: str
    subtitle: str
    code_label: str
    code: str
    other_codes: tuple[str, ...]
    covers: str
    files_label: str
    files: tuple[str, ...]
    how_label: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Minutes:
    """The whole document, in reading order."""

    header: DocumentHeader
    title: str
    subtitle: str
    opening: str
    committee_intro: str
    committee: tuple[str, ...]
    figures_intro: str
    figures: tuple[tuple[str, str], ...]
    contests: tuple[ContestMinutes, ...]
    notes: tuple[str, ...]
    closing: str
    signatures: SignatureBlock
    footer: str
    annex: Annex | None


def _count(value: int | None, lang: Language, unit: str = "m.ballots") -> str:
    return BLANK if value is None else t(unit, lang, count=value)


def _rule(result: ContestResult, rnd: RoundResult, lang: Language) -> str:
    """Return the sentence saying which ballots counted: the style, the limits and the blank rule."""
    contest = result.contest
    blank = t(f"m.valid_rule.blank_{contest.blank}.{contest.style}", lang)
    at_least = t("m.valid_rule.at_least", lang, min_marks=rnd.min_marks) if rnd.min_marks > 0 else ""
    return t(f"m.valid_rule.{contest.style}", lang, max_marks=rnd.max_marks, at_least=at_least, blank=blank)


def threshold_sentence(threshold: ThresholdResult, lang: Language) -> str:
    """Return the threshold as one sentence.

    For example "Đơn vị được suy tôn phải đạt quá 1/2 số phiếu hợp lệ (26 phiếu), tức là ít nhất 14 phiếu."
    """
    base = t(f"base.{threshold.of}", lang)
    if threshold.share == 0 and not threshold.strict:
        return t("m.threshold.none", lang)
    if threshold.votes_needed is None:
        text = t("m.threshold.empty_base", lang, base=base)
        return text[:1].upper() + text[1:]
    return t(
        "m.threshold.strict" if threshold.strict else "m.threshold.inclusive",
        lang,
        share=fmt_share(threshold.share_text, lang),
        base=base,
        count=threshold.base_count,
        unit=t("unit.people" if threshold.of in ("convened", "present") else "unit.ballots", lang),
        needed=threshold.votes_needed,
    )


def _figures(rnd: RoundResult, lang: Language) -> tuple[tuple[str, str], ...]:
    """Ballots collected, valid and invalid, the last two with their shares of those collected (to 100%)."""
    valid_share, invalid_share = shares((rnd.valid, rnd.invalid))
    invalid = t("m.share", lang, value=_count(rnd.invalid, lang), percent=fmt_percent(invalid_share, lang))
    if rnd.invalid_reasons:
        invalid = f"{invalid}; {t('m.invalid_detail', lang, reasons=invalid_text(rnd, lang))}"
    return (
        (t("m.collected", lang), _count(rnd.cast, lang)),
        (
            t("m.valid", lang),
            t("m.share", lang, value=_count(rnd.valid, lang), percent=fmt_percent(valid_share, lang)),
        ),
        (t("m.invalid", lang), invalid),
    )


def _scores_code(result: ContestResult, lang: Language) -> str | None:
    """Return the line giving the score table's own code, for a contest voted after the ranking."""
    code = result.contest.scores_fingerprint
    return None if code is None else t("sc.fingerprint", lang, fingerprint=code)


def _ranking_lines(result: ContestResult, scoring: ScoringRule | None, lang: Language) -> tuple[str, ...]:
    """Return what the minutes say of the ranking a contest follows, its code left to the footer and annex.

    The verification code in the footer covers the scores; the score table's own code is in the annex.
    """
    code = _scores_code(result, lang)
    return tuple(line for line in vote_rule_lines(result.contest, scoring, lang) if line != code)


def _round(result: ContestResult, index: int, lang: Language, scoring: ScoringRule | None = None) -> RoundMinutes:
    rnd = result.rounds[index]
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
    tie_line = score_tie_line(result.contest, rnd, lang)
    if tie_line is not None:
        notes.append(tie_line)
    heading = reason = None
    if len(result.rounds) > 1:
        key = "m.round" if index == 0 else "m.round_runoff"
        heading = f"{index + 1}. {t(key, lang, number=rnd.number)}"
    if index > 0:
        previous = result.rounds[index - 1]
        runoff = previous.runoff
        if runoff is not None:
            votes = next(c.votes for c in previous.candidates if c.id == runoff.candidates[0])
            reason = t(
                "m.round_reason",
                lang,
                previous=previous.number,
                count=len(runoff.candidates),
                names=names(result, runoff.candidates),
                votes=votes,
                seats=runoff.seats,
            )
    return RoundMinutes(
        heading=heading,
        reason=reason,
        rule=_rule(result, rnd, lang),
        figures=_figures(rnd, lang),
        lines=(
            *(_ranking_lines(result, scoring, lang) if rnd.number == 1 else ()),
            t("m.seats", lang, seats=rnd.seats),
            threshold_sentence(rnd.threshold, lang),
            t("m.results", lang, base=t(f"base.{rnd.threshold.of}", lang), count=rnd.threshold.base_count),
        ),
        columns=(
            t("col.number", lang),
            t("col.unit", lang),
            t("col.votes", lang),
            t("m.col_percent", lang),
            t("m.col_rank", lang),
        ),
        rows=tuple(  # numbered as on the round's paper: a runoff's lists only the tied units, 1, 2...
            (str(number), c.name, str(c.votes), fmt_percent(c.percent, lang).rstrip("%"), str(c.rank))
            for number, c in enumerate(rnd.by_ballot_order(), 1)
        ),
        outcome_intro=t("m.selected_intro", lang) if rnd.selected else t("m.none_selected", lang),
        outcome=outcome,
        notes=tuple(notes),
    )


def _final(result: ContestResult, lang: Language) -> tuple[str | None, tuple[str, ...]]:
    """Return the final result after the last vote (only for a contest voted on more than once)."""
    rounds = len(result.rounds)
    if rounds == 1:
        return None, ()
    heading = f"{rounds + 1}. {t('m.final_heading', lang)}"
    if result.selected:
        lines = [t("m.final", lang, rounds=rounds, names=names(result, result.selected))]
    else:
        lines = [t("m.final_none", lang, rounds=rounds)]
    if result.runoff is not None:
        lines.append(
            t("m.final_pending", lang, seats=result.runoff.seats, names=names(result, result.runoff.candidates))
        )
    return heading, tuple(lines)


def _numbered(index: int, title: str) -> str:
    numerals = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    return f"{numerals[index] if index < len(numerals) else index + 1}. {title}"


def _twice(record: ElectionRecord, lang: Language) -> tuple[str, ...]:
    """Return a sentence for each unit selected in more than one contest (the conference should know)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for result in record.contests:
        for cid in result.selected:
            name = result.contest.candidate(cid).name
            found.setdefault(name_key(name), (name, []))[1].append(result.contest.title)
    return tuple(
        t("m.twice", lang, name=name, count=len(titles), contests="; ".join(titles))
        for name, titles in found.values()
        if len(titles) > 1
    )


def _is_role(role: str, *words: str) -> bool:
    return name_key(role) in {name_key(word) for word in words}


def _signatures(record: ElectionRecord, lang: Language) -> SignatureBlock:
    """Members (or the secretary) left, the head right, names on one line; the chair below; recipients last.

    Every member of the committee signs the minutes of its count: with a secretary beside the head,
    the members sign in the bands below.
    """
    meeting = record.election.meeting
    committee = record.election.committee
    head, others = record.election.committee_head()
    secretary = meeting.secretary or next(
        (m.name for m in committee if m is not head and _is_role(m.role, "Thư ký", "Secretary")), None
    )
    members = tuple(m.name for m in others)
    head_title = (*t("m.on_behalf", lang).split("\n"), t("m.head", lang))
    head_column = Signer(head_title, (head.name,) if head else ("",))
    bands: list[tuple[Signer, ...]] = []
    if secretary:
        bands.append((Signer((t("m.secretary", lang),), (secretary,)), head_column))
        rest = tuple(name for name in members if name != secretary)
        bands.extend(
            (Signer((t("m.members", lang),) if i == 0 else (), rest[i : i + 3]),) for i in range(0, len(rest), 3)
        )
    elif members:
        bands.append((Signer((t("m.members", lang),), members[:2]), head_column))
        bands.extend((Signer((), members[i : i + 3]),) for i in range(2, len(members), 3))
    elif committee:
        bands.append((head_column,))
    else:
        bands.append((Signer((t("m.members", lang),), ("",)), head_column))
    if meeting.chair:
        bands.append((Signer((t("m.chair", lang),), meeting.chair),))
    return SignatureBlock(
        bands=tuple(bands),
        hint=t("m.sign", lang),
        recipients_title=t("m.recipients", lang) if meeting.recipients else "",
        recipients=recipient_lines(meeting.recipients),
    )


def _annex(record: ElectionRecord, lang: Language, score_files: tuple[str, ...], contest_ids: tuple[str, ...]) -> Annex:
    election = PurePath(record.election.source).name or "election.toml"
    ballots = [PurePath(source).name for source in record.sources]
    scores = [PurePath(source).name for source in score_files]
    options = [*(f"--scores {name}" for name in scores), *(f"--contest {cid}" for cid in contest_ids)]
    files = " ".join([election, *ballots, *options])
    return Annex(
        title=t("m.annex_title", lang),
        subtitle=t("m.annex_of", lang, date=fmt_date_or_blank(record.election.meeting.date, lang)),
        code_label=t("m.annex_code", lang),
        code=record.fingerprint,
        other_codes=tuple(code for code in (_scores_code(result, lang) for result in record.contests) if code),
        covers=t("m.annex_covers", lang),
        files_label=t("m.annex_files", lang),
        files=(
            t("m.annex_election", lang, name=election),
            *(t("m.annex_ballots", lang, name=name) for name in ballots),
            *(t("m.annex_scores", lang, name=name) for name in scores),
        ),
        how_label=t("m.annex_how", lang),
        steps=(
            t("m.annex_step_tally", lang, command=f"emulation-vote tally {files} --format json"),
            # verify re-counts every contest: it checks a count of the whole conference only
            *(
                ()
                if contest_ids
                else (t("m.annex_step_verify", lang, command=f"emulation-vote verify ket-qua.json {files}"),)
            ),
        ),
    )


def _copies(copies: int | None) -> str:
    return BLANK if copies is None else f"{copies:02d}"


def build_minutes(
    record: ElectionRecord,
    lang: Language = Language.vi,
    annex: bool = False,
    score_files: tuple[str, ...] = (),
    contest_ids: tuple[str, ...] = (),
) -> Minutes:
    """Build the minutes of ``record`` in ``lang``.

    ``annex`` adds the page of counting data, which names the data files: the record's ballot files
    and ``score_files``, the score sheets the count took its candidates or tie rule from; its commands
    re-count ``contest_ids`` only when the count was of those contests.
    """
    election = record.election
    meeting = election.meeting
    electorate = election.electorate
    place = meeting.place or BLANK
    hour, minute = meeting.time.split(":") if meeting.time else (BLANK, BLANK)
    closing_hour, closing_minute = meeting.closing_time.split(":") if meeting.closing_time else (BLANK, BLANK)
    figures = (
        (t("m.convened", lang), _count(electorate.convened, lang, "m.people")),
        (t("m.present", lang), _count(electorate.present, lang, "m.people")),
        (t("m.absent", lang), _count(electorate.absent, lang, "m.people")),
        (t("m.issued", lang), _count(electorate.issued, lang)),
    )
    single = len(record.contests) == 1
    contests = []
    for i, result in enumerate(record.contests):
        final_heading, final = _final(result, lang)
        contests.append(
            ContestMinutes(
                heading="" if single else _numbered(i, result.contest.title),
                rounds=tuple(_round(result, index, lang, election.scoring) for index in range(len(result.rounds))),
                final_heading=final_heading,
                final=final,
            )
        )
    committee = election.committee
    return Minutes(
        header=document_header(meeting, DOCUMENT_CODE, lang),
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
        contests=tuple(contests),
        notes=_twice(record, lang),
        closing=t("m.closing", lang, hour=closing_hour, minute=closing_minute, copies=_copies(meeting.copies)),
        signatures=_signatures(record, lang),
        footer=t("m.footer", lang, fingerprint=record.fingerprint),
        annex=_annex(record, lang, score_files, contest_ids) if annex else None,
    )

"""What ``enter`` and ``check-log`` say to the clerk and the auditor."""

from __future__ import annotations

from typing import Any

from emulation_vote.entry import Entered, EntrySession
from emulation_vote.entrylog import FileDifference, LogCheck
from emulation_vote.i18n import t
from emulation_vote.vocab import InvalidReason, Language


def _choices(session: EntrySession, ballot: Entered, lang: Language) -> str:
    if ballot.declared:
        return "—"
    if not ballot.chosen:
        return t("enter.nobody", lang)
    return "; ".join(session.contest.candidate(cid).name for cid in ballot.chosen)


def _verdict(ballot: Entered, lang: Language) -> str:
    if ballot.reason is None:
        return t("enter.valid", lang)
    if ballot.reason == InvalidReason.declared:
        return t("enter.invalid", lang, reason=f"{t('reason.declared', lang)}: {ballot.declared}")
    return t("enter.invalid", lang, reason=t(f"reason.{ballot.reason}", lang))


def echo(session: EntrySession, ballot: Entered, lang: Language) -> str:
    """Return the ballot read back (names, valid or the invalid reason) and the running totals."""
    verdict = _verdict(ballot, lang)
    if ballot.declared:
        line = t("enter.echo_declared", lang, id=ballot.ballot_id, verdict=verdict)
    else:
        line = t("enter.echo", lang, id=ballot.ballot_id, choices=_choices(session, ballot, lang), verdict=verdict)
    notes = [loose_text(session, text, cid, lang) for text, cid in ballot.loose]
    return "\n".join([line, *notes, totals(session, lang)])


def loose_text(session: EntrySession, text: str, candidate_id: str, lang: Language) -> str:
    """Return the notice for a name typed without diacritics and read as ``candidate_id``."""
    return t("enter.loose", lang, text=text, candidate=session.matcher.display(candidate_id))


def confirm_question(session: EntrySession, ballot: Entered, lang: Language) -> str:
    """Return the question asked at a terminal before recording a ballot with names typed without diacritics."""
    names = "; ".join(f"'{text}' = {session.matcher.display(cid)}" for text, cid in ballot.loose)
    return t("enter.confirm", lang, names=names)


def saved(session: EntrySession, lang: Language) -> str:
    """Return what is saved when the session ends (q, end of input, Ctrl-C): the ballots and the file."""
    if not session.entered:
        return t("enter.saved_none", lang, file=session.output)
    return t(
        "enter.saved",
        lang,
        count=len(session.entered),
        contest=session.contest.id,
        round=session.round,
        file=session.output,
        last=session.entered[-1].ballot_id,
    )


def provisional(session: EntrySession, lang: Language) -> str:
    """Return the provisional count of the ballots entered so far: each unit's votes (valid ballots)."""
    valid, invalid = session.totals()
    rows = session.provisional()
    width = max(len(c.name) for c, _votes in rows)
    lines = [t("enter.provisional", lang, count=valid + invalid, valid=valid, invalid=invalid)]
    for number, (candidate, votes) in enumerate(rows, 1):
        lines.append(f"{number:>3}  {candidate.name:<{width}}  {votes:>5}")
    return "\n".join(lines)


def totals(session: EntrySession, lang: Language) -> str:
    """Return the running totals of the session's contest and round."""
    valid, invalid = session.totals()
    return t("enter.totals", lang, count=valid + invalid, valid=valid, invalid=invalid)


def undone(session: EntrySession, ballot: Entered | None, lang: Language) -> str:
    """Return the message after ``u``."""
    if ballot is None:
        return t("enter.nothing_to_undo", lang)
    what = _verdict(ballot, lang) if ballot.declared else _choices(session, ballot, lang)
    return t("enter.undone", lang, id=ballot.ballot_id, choices=what) + "\n" + totals(session, lang)


def resumed(session: EntrySession, lang: Language) -> str:
    """Return the message when the file already holds ballots."""
    return t(
        "enter.resumed",
        lang,
        file=session.output,
        count=len(session.entered),
        contest=session.contest.id,
        round=session.round,
        next=session.next_id(),
    )


def candidate_table(session: EntrySession, lang: Language) -> Any:
    """Return a Rich table of the units as numbered on the ballot paper (for a terminal)."""
    from rich.table import Table

    table = Table(title=t("enter.title", lang, title=session.contest.title, round=session.round), title_justify="left")
    table.add_column(t("col.number", lang), justify="right")
    table.add_column(t("col.unit", lang))
    table.add_column(t("new.col_id", lang))
    for number, candidate in enumerate(session.candidates, 1):
        table.add_row(str(number), candidate.name, candidate.id)
    return table


def check_text(result: LogCheck, lang: Language) -> str:
    """Return the check-log verdict."""
    if result.intact:
        return t("log.intact", lang, lines=result.lines)
    return t("log.broken_at", lang, line=result.broken_line, why=t(f"log.why.{result.reason}", lang))


def file_check_text(ballots: str, differences: list[FileDifference], lang: Language) -> str:
    """Return the comparison of the ballot file with the log: agreement, or each ballot that differs."""
    if not differences:
        return t("log.file_agrees", lang, file=ballots)
    lines = [t("log.file_differs", lang, file=ballots, count=len(differences))]
    for d in differences:
        where = t("loc.row", lang, row=d.row) if d.row is not None else "—"
        lines.append(
            "  - "
            + t(
                "log.file_line",
                lang,
                where=where,
                ballot=d.ballot_id,
                in_file=d.in_file if d.in_file is not None else t("log.absent", lang),
                in_log=d.in_log if d.in_log is not None else t("log.absent", lang),
            )
        )
    return "\n".join(lines)


def log_rows(entries: list[dict[str, Any]], lang: Language = Language.vi) -> list[tuple[str, ...]]:
    """Return the log as table rows: time, clerk, action (in words, in ``lang``), ballot, typed, recorded or replaced.

    An action this version does not know is shown as the log writes it.
    """
    rows: list[tuple[str, ...]] = []
    for entry in entries:
        recorded = entry.get("recorded") or entry.get("replaced") or {}
        what = ""
        if isinstance(recorded, dict) and recorded:
            choices = recorded.get("choices") or []
            what = ";".join(map(str, choices)) if isinstance(choices, list) else str(choices)
            what = what or "-"
            if recorded.get("invalid"):
                what = f"! {recorded['invalid']}"
        rows.append(
            (
                str(entry.get("time", "")),
                str(entry.get("clerk") or ""),
                _action(str(entry.get("action", "")), lang),
                str(entry.get("ballot_id", "")),
                str(entry.get("typed", "")),
                what,
            )
        )
    return rows


def _action(action: str, lang: Language) -> str:
    from emulation_vote.messages import MESSAGES

    key = f"a.log.act.{action}"
    return t(key, lang) if key in MESSAGES else action

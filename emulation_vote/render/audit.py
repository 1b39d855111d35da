"""Renderers of the audit views: the per-ballot listing with its reconciliation, verify and compare reports."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from emulation_vote.audit import audit_ballots, reconcile
from emulation_vote.compare import Comparison, Reading
from emulation_vote.csvrows import write_rows
from emulation_vote.entrylog import LogFile
from emulation_vote.i18n import t
from emulation_vote.record import ElectionRecord
from emulation_vote.render.entry import check_text, log_rows
from emulation_vote.render.report import notice_lines, preamble_lines
from emulation_vote.render.table import text_console
from emulation_vote.schema import dumps, notices_list
from emulation_vote.verify import Mismatch, Number
from emulation_vote.vocab import InvalidReason, Language

AUDIT_COLUMNS = (
    "contest",
    "round",
    "ballot_id",
    "source",
    "row",
    "status",
    "reason",
    "reason_text",
    "declared",
    "chosen",
)


def _reason_text(reason: InvalidReason | None, declared: str | None, lang: Language) -> str:
    if reason is None:
        return ""
    if reason == InvalidReason.declared and declared:
        return declared
    return t(f"reason.{reason}", lang)


def audit_data(record: ElectionRecord, lang: Language = Language.vi) -> dict[str, Any]:
    """Return the audit as JSON-ready data: every ballot, the relations checked, the derived figures.

    ``reason_text`` is the reason in words in ``lang`` (the declared text for ``declared``).
    """
    relations, differences = reconcile(record)
    return {
        "schema": "emulation-vote/audit/1",
        "fingerprint": record.fingerprint,
        **({"partial": True} if record.partial else {}),
        **({"skipped": dict(record.skipped)} if record.skipped else {}),
        "ballots": [
            {
                "contest": b.contest,
                "round": b.round,
                "ballot_id": b.ballot_id,
                "source": b.source,
                "row": b.row,
                "status": "valid" if b.valid else "invalid",
                "reason": b.reason,
                "reason_text": _reason_text(b.reason, b.declared, lang) or None,
                "declared": b.declared,
                "chosen": list(b.chosen),
                **({"voter": b.voter} if b.voter else {}),
                **({"note": b.note} if b.note else {}),
            }
            for b in audit_ballots(record)
        ],
        "reconciliation": [
            {
                "contest": r.contest,
                "relation": f"{r.left} {r.operator} {r.right}",
                "left": r.left_value,
                "right": r.right_value,
                "holds": r.holds,
            }
            for r in relations
        ],
        "figures": [{"contest": d.contest, "name": d.name, "value": d.value} for d in differences],
        **({"notices": notices_list(record)} if record.notices else {}),
    }


def render_audit_json(record: ElectionRecord, logs: Sequence[LogFile] = (), lang: Language = Language.vi) -> str:
    """Render the audit as JSON; each entry log given is added under ``entry_logs`` with its chain check."""
    data = audit_data(record, lang)
    if logs:
        data["entry_logs"] = [{"file": log.path, "intact": log.check.intact, "entries": log.entries} for log in logs]
    return dumps(data) + "\n"


def render_audit_csv(record: ElectionRecord, lang: Language = Language.vi) -> str:
    """Render the per-ballot listing as CSV (BOM, formula-safe); ``voter`` and ``note`` columns only when used."""
    ballots = audit_ballots(record)
    with_voter = any(b.voter for b in ballots)
    with_note = any(b.note for b in ballots)
    header = AUDIT_COLUMNS + (("voter",) if with_voter else ()) + (("note",) if with_note else ())
    rows = [
        (
            b.contest,
            b.round,
            b.ballot_id,
            b.source,
            b.row,
            "valid" if b.valid else "invalid",
            b.reason or "",
            _reason_text(b.reason, b.declared, lang),
            b.declared or "",
            ";".join(b.chosen),
            *((b.voter or "",) if with_voter else ()),
            *((b.note or "",) if with_note else ()),
        )
        for b in ballots
    ]
    return write_rows(header, rows)


def _relation_lines(record: ElectionRecord, lang: Language) -> list[str]:
    relations, differences = reconcile(record)
    lines = []
    for r in relations:
        left = f"{t(f'a.fig.{r.left}', lang)} ({'—' if r.left_value is None else r.left_value})"
        right = f"{t(f'a.fig.{r.right}', lang)} ({'—' if r.right_value is None else r.right_value})"
        verdict = t("a.unknown" if r.holds is None else "a.holds" if r.holds else "a.fails", lang)
        lines.append(f"[{r.contest}] {left} {r.operator} {right}: {verdict}")
    for d in differences:
        lines.append(f"[{d.contest}] {t(f'a.fig.{d.name}', lang)}: {'—' if d.value is None else d.value}")
    return lines


def render_audit_table(
    record: ElectionRecord,
    lang: Language = Language.vi,
    color: bool = False,
    width: int = 120,
    logs: Sequence[LogFile] = (),
) -> str:
    """Render the per-ballot listing, the reconciliation and any entry logs as Rich tables for filing."""
    from rich.table import Table

    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    ballots = audit_ballots(record)
    with_voter = any(b.voter for b in ballots)
    for line in preamble_lines(record, lang):
        console.print(line, style="bold yellow")
    with_note = any(b.note for b in ballots)
    console.print(t("a.title", lang), style="bold")
    keys: tuple[str, ...] = ("contest", "round", "ballot", "source", "row", "status", "reason", "chosen")
    keys += (("voter",) if with_voter else ()) + (("note",) if with_note else ())
    table = Table(header_style="bold")
    for key in keys:
        table.add_column(
            t(f"a.col.{key}", lang),
            justify="right" if key in ("round", "row") else "left",
            overflow="fold",
        )
    for b in ballots:
        cells = [
            b.contest,
            str(b.round),
            b.ballot_id,
            b.source,
            str(b.row),
            t("a.valid" if b.valid else "a.invalid", lang),
            _reason_text(b.reason, b.declared, lang),
            ", ".join(b.chosen),
        ]
        if with_voter:
            cells.append(b.voter or "")
        if with_note:
            cells.append(b.note or "")
        table.add_row(*cells, style=None if b.valid else "yellow")
    console.print(table)
    by_round: dict[tuple[str, int], list[bool]] = {}
    for b in ballots:
        by_round.setdefault((b.contest, b.round), []).append(b.valid)
    several = len(by_round) > 1
    for (contest, number), verdicts in by_round.items():
        valid = sum(verdicts)
        where = f"[{contest}{'' if number == 1 else ', ' + t('round.title', lang, number=number)}] " if several else ""
        console.print(where + t("a.totals", lang, count=len(verdicts), valid=valid, invalid=len(verdicts) - valid))
    for line in notice_lines(record, lang):
        console.print(line)
    console.print()
    console.print(t("a.reconcile", lang), style="bold")
    for line in _relation_lines(record, lang):
        console.print(line)
    console.print()
    console.print(t("summary.fingerprint", lang, fingerprint=record.fingerprint))
    for log in logs:
        console.print()
        console.print(f"{t('log.title', lang)}: {log.path}", style="bold")
        log_table = Table(header_style="bold")
        for key in ("time", "clerk", "action", "ballot", "typed", "recorded"):
            log_table.add_column(t(f"a.log.{key}", lang), overflow="fold")
        for row in log_rows(log.entries):
            log_table.add_row(*row)
        console.print(log_table)
        console.print(check_text(log.check, lang))
    return buffer.getvalue()


def _shown(value: Any, top: bool = True) -> str:
    """Return a JSON value as written (a number by its exact digits, a string quoted unless alone)."""
    if isinstance(value, str):
        return value if top else json.dumps(value, ensure_ascii=False)
    if isinstance(value, Number):
        return value.text
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_shown(v, False)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v, False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def verify_text(mismatches: list[Mismatch], record: ElectionRecord, lang: Language) -> str:
    """Return the verify report: one confirmation line, or every difference."""
    if not mismatches:
        return t("verify.ok", lang, fingerprint=record.fingerprint) + "\n"
    lines = [t("verify.differs", lang, count=len(mismatches))]
    lines += [
        "  - " + t("verify.line", lang, path=m.path, saved=_shown(m.saved), recount=_shown(m.recount))
        for m in mismatches
    ]
    return "\n".join(lines) + "\n"


def _reading_text(reading: Reading | None, lang: Language) -> str:
    if reading is None:
        return t("compare.absent", lang)
    chosen, declared = reading
    text = ", ".join(chosen) if chosen else t("compare.blank", lang)
    if declared:
        text += f" [{t('compare.declared', lang, text=declared)}]"
    return text


def compare_text(comparison: Comparison, lang: Language) -> str:
    """Return the compare report: agreement, or each ballot in dispute with what each entry says."""
    if comparison.agree:
        return t("compare.ok", lang, count=comparison.ballots, entries=len(comparison.entries)) + "\n"
    lines = [t("compare.differs", lang, count=len(comparison.disagreements))]
    for d in comparison.disagreements:
        lines.append(
            f"- {d.contest} / {t('a.col.round', lang).lower()} {d.round} / {t('a.col.ballot', lang).lower()} "
            f"{d.ballot_id}: {t(f'compare.{d.kind}', lang)}"
        )
        for entry, reading, row in zip(comparison.entries, d.readings, d.rows, strict=True):
            where = f"{entry}, {t('loc.row', lang, row=row)}" if row else entry
            lines.append(f"    {where}: {_reading_text(reading, lang)}")
    return "\n".join(lines) + "\n"


def agreed_csv(comparison: Comparison) -> str:
    """Return the agreed ballots as one list-layout ballot file (contest, round, ballot_id, choices, invalid)."""
    rows = [(b.contest, b.round, b.ballot_id, ";".join(b.chosen), b.declared or "") for b in comparison.agreed]
    return write_rows(("contest", "round", "ballot_id", "choices", "invalid"), rows)

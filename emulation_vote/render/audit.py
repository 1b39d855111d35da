"""Renderers of the auditors' reports: verify and compare (the per-ballot listing: :mod:`.audit_listing`)."""

from __future__ import annotations

import json
from typing import Any

from emulation_vote.compare import Comparison, Reading
from emulation_vote.csvrows import write_rows
from emulation_vote.i18n import t
from emulation_vote.record import ElectionRecord
from emulation_vote.verify import Mismatch, Number
from emulation_vote.vocab import Language


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
    if all(m.path == "fingerprint" for m in mismatches):
        lines.append(t("verify.only_fingerprint", lang))
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

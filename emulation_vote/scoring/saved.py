"""A ranking saved with ``score --format json``, read back and checked against the election file.

The saved JSON holds every counted row beside the ranking (key ``rows``): :func:`load_saved_scores`
ranks those rows again under the election file's own rule and units, and refuses the file when
the fingerprint it carries is not the one of its rows under that rule (the file was edited, or the
election file's score table or unit list changed).
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from emulation_vote.election import Election
from emulation_vote.errors import ScoreSheetError
from emulation_vote.output import read_input
from emulation_vote.scoring.block import block_units, scoring_rule
from emulation_vote.scoring.engine import score_units
from emulation_vote.scoring.model import BOARD, parse_points
from emulation_vote.scoring.record import SCHEMA, ScoreRecord, ScoreRow

__all__ = ["load_saved_scores"]


def _fail(source: str, detail: str) -> ScoreSheetError:
    return ScoreSheetError("scores.not_scores", file=source, detail=detail)


def _points(value: Any, source: str, where: str) -> Fraction:
    if not isinstance(value, str):
        raise _fail(source, f"{where} = {json.dumps(value)}")  # points are saved as decimal strings
    try:
        return parse_points(value)
    except ValueError:
        raise _fail(source, f"{where}: '{value}'") from None


def load_saved_scores(path: str | Path, election: Election) -> ScoreRecord:
    """Read the saved scores at ``path`` and rank their rows under ``election``'s rule; check the fingerprint."""
    source = str(path)
    rule = scoring_rule(election)
    units = block_units(election)
    raw = read_input(Path(path), ScoreSheetError, source)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(source, "UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _fail(source, f"JSON {exc.lineno}:{exc.colno}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise _fail(source, f"schema ≠ {SCHEMA}")
    if not isinstance(data.get("rows"), list):
        raise _fail(source, "rows")
    known = {unit.id for unit in units} | {BOARD}
    rows = []
    for index, item in enumerate(data["rows"], 1):
        where = f"rows[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("points"), dict):
            raise _fail(source, where)
        scorer, unit = item.get("scorer"), item.get("unit")
        if scorer not in known or unit not in known or unit == BOARD:
            raise ScoreSheetError("scores.other_rule", file=source, detail=f"{where}: {scorer} -> {unit}")
        points = item["points"]
        if sorted(points) != sorted(c.id for c in rule.criteria):
            raise ScoreSheetError("scores.other_rule", file=source, detail=f"{where}: {', '.join(points)}")
        rows.append(
            ScoreRow(
                str(scorer),
                str(unit),
                tuple(_points(points[c.id], source, f"{where}.{c.id}") for c in rule.criteria),
                _points(item.get("bonus", "0"), source, f"{where}.bonus"),
                _points(item.get("penalty", "0"), source, f"{where}.penalty"),
                source,
                0,
            )
        )
    try:
        record = score_units(election, rule, units, rows, sources=(source,))
    except ScoreSheetError as error:  # rows that do not make a ranking: the reason, worded, at this file
        raise ScoreSheetError(error.key, file=source, **error.params) from None
    saved = data.get("fingerprint")
    if saved != record.fingerprint:
        raise ScoreSheetError("scores.fingerprint", file=source, saved=saved, actual=record.fingerprint)
    return record

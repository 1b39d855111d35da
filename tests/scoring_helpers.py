"""Helpers for the scoring tests: an election file with a [scoring] table, rows in memory, score sheets on disk."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from emulation_vote.election import Election
from emulation_vote.scoring.engine import score_units
from emulation_vote.scoring.files import block_units
from emulation_vote.scoring.record import ScoreRecord, ScoreRow

from helpers import election_toml, parse, toml_value, write_csv

UNITS3 = [("A", "Văn phòng Tỉnh ủy"), ("B", "Ban Tuyên giáo Tỉnh ủy"), ("C", "Trường Chính trị tỉnh")]


def scoring_toml(
    criteria: Sequence[tuple[str, str, str | None]] = (("K1", "10", None), ("K2", "10", None)),
    units: Sequence[tuple[str, str]] = UNITS3,
    **rule: Any,
) -> str:
    """An election file over ``units`` with a [scoring] table: criteria (id, max, group) and the rule's keys."""
    lines = ["[scoring]"] + [f"{k} = {toml_value(v)}" for k, v in rule.items()]
    for cid, maximum, group in criteria:
        lines += ["[[scoring.criterion]]", f'id = "{cid}"', f'title = "Tiêu chí {cid}"', f'max = "{maximum}"']
        if group:
            lines.append(f'group = "{group}"')
    return "\n".join(lines) + "\n\n" + election_toml(candidates=units, seats=1)


def election_with(**kwargs: Any) -> Election:
    return parse(scoring_toml(**kwargs))


def rows(data: Sequence[tuple[Any, ...]]) -> list[ScoreRow]:
    """Rows from (scorer, unit, points..., [("bonus", b), ("penalty", p)]) tuples, points as text or numbers."""
    out = []
    for number, item in enumerate(data, 2):
        scorer, unit, *rest = item
        extra = dict(rest.pop()) if rest and isinstance(rest[-1], dict) else {}
        points = tuple(Fraction(str(p)) for p in rest)
        out.append(
            ScoreRow(
                scorer,
                unit,
                points,
                Fraction(str(extra.get("bonus", 0))),
                Fraction(str(extra.get("penalty", 0))),
                "s.csv",
                number,
            )
        )
    return out


def rank(election: Election, data: Sequence[tuple[Any, ...]]) -> ScoreRecord:
    assert election.scoring is not None
    return score_units(election, election.scoring, block_units(election), rows(data))


def sheet(path: Path, header: Sequence[str], body: Sequence[Sequence[object]]) -> Path:
    return write_csv(path, [list(header), *[list(r) for r in body]])

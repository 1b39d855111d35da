"""Scoring as one library call: the election file and the score sheets (or a saved JSON) -> the ranking record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from emulation_vote.election import Election, load_election
from emulation_vote.errors import UsageError
from emulation_vote.scoring.block import block_units, scoring_rule
from emulation_vote.scoring.engine import score_units
from emulation_vote.scoring.record import ScoreRecord
from emulation_vote.scoring.sheets import read_score_sheets

__all__ = ["block_units", "election_as_voted", "load_scores", "score_election", "score_files", "scoring_rule"]


def score_election(
    election: Election,
    sheet_paths: Sequence[str | Path],
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
) -> ScoreRecord:
    """Read and check every score sheet of ``election`` and rank its units (all the sheets' errors at once)."""
    rule = scoring_rule(election)
    units = block_units(election)
    found = read_score_sheets(sheet_paths, rule, units, encoding, sheet, strict_names)
    return score_units(election, rule, units, found.rows, found.notices, found.sources)


def score_files(
    election_path: str | Path,
    sheet_paths: Sequence[str | Path],
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
) -> ScoreRecord:
    """Read the election file and the score sheets; return the ranking (:func:`score_election`)."""
    return score_election(load_election(election_path), sheet_paths, encoding, sheet, strict_names)


def load_scores(
    election: Election, paths: Sequence[str | Path], encoding: str | None = None, strict_names: bool = False
) -> ScoreRecord | None:
    """Return the ranking from ``paths``: one saved scores JSON, or score sheets (None when no path is given)."""
    if not paths:
        return None
    saved = [p for p in paths if Path(p).suffix.lower() == ".json"]
    if saved:
        if len(saved) != 1 or len(paths) != 1:
            raise UsageError("scores.mixed")
        from emulation_vote.scoring.saved import load_saved_scores

        return load_saved_scores(saved[0], election)
    return score_election(election, paths, encoding, strict_names=strict_names)


def election_as_voted(
    election: Election,
    score_paths: Sequence[str | Path] = (),
    encoding: str | None = None,
    strict_names: bool = False,
) -> Election:
    """Return ``election`` with its ``from_scores`` contests narrowed and scores attached (:mod:`.vote`).

    An election that relies on the scores needs ``score_paths``; one that does not refuses them.
    """
    from emulation_vote.scoring.vote import apply_scores

    return apply_scores(election, load_scores(election, score_paths, encoding, strict_names))

"""Scoring as one library call: the election file and the score sheets -> the ranking record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from emulation_vote.election import Candidate, Election, load_election
from emulation_vote.errors import ElectionFileError, UsageError
from emulation_vote.scoring.engine import score_units
from emulation_vote.scoring.model import ScoringRule
from emulation_vote.scoring.record import ScoreRecord
from emulation_vote.scoring.sheets import read_score_sheets


def block_units(election: Election) -> tuple[Candidate, ...]:
    """Return the block's units, the ones scored: the ``[[unit]]`` list, in its order.

    An election file without ``[[unit]]`` scores its contests' candidates, by id, in the order first listed.
    """
    if election.units:
        return tuple(
            Candidate(id=unit.id, name=unit.name, number=number, aliases=unit.aliases)
            for number, unit in enumerate(election.units, 1)
        )
    units: dict[str, Candidate] = {}
    for contest in election.contests:
        for candidate in contest.candidates:
            units.setdefault(candidate.id, candidate)
    return tuple(units.values())


def scoring_rule(election: Election) -> ScoringRule:
    """Return the election's scoring rule; raise :class:`ElectionFileError` if it has no ``[scoring]``."""
    if election.scoring is None:
        raise ElectionFileError("scoring.none", file=election.source)
    return election.scoring


def score_election(
    election: Election, sheet_paths: Sequence[str | Path], encoding: str | None = None, sheet: str | None = None
) -> ScoreRecord:
    """Read and check every score sheet of ``election`` and rank its units (all the sheets' errors at once)."""
    rule = scoring_rule(election)
    units = block_units(election)
    found = read_score_sheets(sheet_paths, rule, units, encoding, sheet)
    return score_units(election, rule, units, found.rows, found.notices, found.sources)


def score_files(
    election_path: str | Path,
    sheet_paths: Sequence[str | Path],
    encoding: str | None = None,
    sheet: str | None = None,
) -> ScoreRecord:
    """Read the election file and the score sheets; return the ranking (:func:`score_election`)."""
    return score_election(load_election(election_path), sheet_paths, encoding, sheet)


def load_scores(election: Election, paths: Sequence[str | Path], encoding: str | None = None) -> ScoreRecord | None:
    """Return the ranking from ``paths``: one saved scores JSON, or score sheets (None when no path is given)."""
    if not paths:
        return None
    saved = [p for p in paths if Path(p).suffix.lower() == ".json"]
    if saved:
        if len(saved) != 1 or len(paths) != 1:
            raise UsageError("scores.mixed")
        from emulation_vote.scoring.saved import load_saved_scores

        return load_saved_scores(saved[0], election)
    return score_election(election, paths, encoding)


def election_as_voted(
    election: Election, score_paths: Sequence[str | Path] = (), encoding: str | None = None
) -> Election:
    """Return ``election`` with its ``from_scores`` contests narrowed and scores attached (:mod:`.vote`).

    An election that relies on the scores needs ``score_paths``; one that does not refuses them.
    """
    from emulation_vote.scoring.vote import apply_scores

    return apply_scores(election, load_scores(election, score_paths, encoding))

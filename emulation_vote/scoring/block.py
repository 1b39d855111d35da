"""The block an election file describes, as scoring sees it: its units and its scoring rule."""

from __future__ import annotations

from emulation_vote.election import Candidate, Election
from emulation_vote.errors import ElectionFileError
from emulation_vote.scoring.model import ScoringRule


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

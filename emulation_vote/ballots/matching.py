"""Matching what a clerk typed to a candidate, and suggesting the closest names when nothing matches."""

from __future__ import annotations

import difflib

from emulation_vote.election import Contest
from emulation_vote.text import name_key, strip_accents


class NameMatcher:
    """Finds a contest's candidate by id, name or alias under the contract's normalisation."""

    def __init__(self, contest: Contest) -> None:
        """Index every spelling of the candidates of ``contest``."""
        self.contest = contest
        self._ids: dict[str, str] = {}
        for candidate in contest.candidates:
            for spelling in candidate.spellings():
                self._ids[name_key(spelling)] = candidate.id

    def match(self, text: str) -> str | None:
        """Return the id of the candidate ``text`` names, or ``None``."""
        return self._ids.get(name_key(text))

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Return up to ``limit`` display names ("Name (ID)") closest to ``text``."""
        return suggest_names(text, [self.contest], limit)


def suggest_names(text: str, contests: list[Contest], limit: int = 3) -> list[str]:
    """Return the display names of the candidates of ``contests`` closest to ``text``."""
    plain = strip_accents(text[:120])
    scored: dict[str, float] = {}
    for contest in contests:
        for candidate in contest.candidates:
            label = f"{candidate.name} ({candidate.id})"
            best = max(
                difflib.SequenceMatcher(None, plain, strip_accents(spelling)).ratio()
                for spelling in candidate.spellings()
            )
            scored[label] = max(best, scored.get(label, 0.0))
    ranked = sorted(scored, key=lambda label: -scored[label])
    close = [label for label in ranked if scored[label] >= 0.5]
    return (close or ranked)[:limit]

"""Matching what a clerk typed to a candidate, and suggesting the closest names when nothing matches."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from emulation_vote.election import Candidate, Contest
from emulation_vote.text import name_key, strip_accents


@dataclass(frozen=True)
class Loose:
    """What a name that matches no spelling exactly gives once every diacritic is removed.

    ``candidates`` are the ids whose spelling, without diacritics, equals the name's: one is a
    match (accepted with a notice, or refused under ``--strict-names``), several are ambiguous.
    """

    text: str
    candidates: tuple[str, ...]


class NameMatcher:
    """Finds a contest's candidate by id, name or alias under the contract's normalisation.

    A name typed without its diacritics ("So Y te") matches nothing exactly;
    :meth:`match_loose` then compares the forms with every diacritic removed (and đ -> d).
    """

    def __init__(self, contest: Contest) -> None:
        """Index every spelling of the candidates of ``contest``, exactly and without diacritics."""
        self.contest = contest
        self._ids: dict[str, str] = {}
        self._plain: dict[str, list[str]] = {}
        for candidate in contest.candidates:
            for spelling in candidate.spellings():
                self._ids[name_key(spelling)] = candidate.id
                found = self._plain.setdefault(strip_accents(spelling), [])
                if candidate.id not in found:
                    found.append(candidate.id)

    def match(self, text: str) -> str | None:
        """Return the id of the candidate ``text`` names exactly, or ``None``."""
        return self._ids.get(name_key(text))

    def match_loose(self, text: str) -> Loose | None:
        """Return the candidates ``text`` names once diacritics are ignored, or ``None`` for none.

        Only for a name :meth:`match` does not find.
        """
        found = self._plain.get(strip_accents(text))
        return Loose(text, tuple(found)) if found else None

    def display(self, candidate_id: str) -> str:
        """Return "Name (ID)" of one candidate of the contest."""
        candidate = next(c for c in self.contest.candidates if c.id == candidate_id)
        return f"{candidate.name} ({candidate.id})"

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Return up to ``limit`` display names ("Name (ID)") closest to ``text``."""
        return suggest_names(text, self.contest.candidates, limit)


def suggest_names(text: str, candidates: Iterable[Candidate], limit: int = 3, cutoff: float | None = None) -> list[str]:
    """Return the display names ("Name (ID)") of the ``candidates`` close to ``text``, closest first (maybe none).

    Candidates, units of a score sheet: any of their spellings counts, diacritics removed; at least
    ``cutoff`` alike (default :data:`CLOSE`).
    """
    plain = strip_accents(text[:120])
    scored: dict[str, float] = {}
    for candidate in candidates:
        label = f"{candidate.name} ({candidate.id})"
        best = max(
            difflib.SequenceMatcher(None, plain, strip_accents(spelling)).ratio() for spelling in candidate.spellings()
        )
        scored[label] = max(best, scored.get(label, 0.0))
    ranked = sorted(scored, key=lambda label: -scored[label])
    return [label for label in ranked if scored[label] >= (CLOSE if cutoff is None else cutoff)][:limit]


CLOSE = 0.6
"""How alike (difflib's ratio, diacritics removed) a name must be to be suggested: none rather than a guess."""

"""The tool's vocabulary: every closed set of words, defined once, as string enumerations mypy checks.

A leaf: it imports nothing of the package.  Each member *is* its string (``Style.strike == "strike"``),
so the words written in files, JSON and CSV are exactly the members' values.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """The languages of human output."""

    vi = "vi"
    en = "en"


class Style(StrEnum):
    """How a paper ballot is marked: tick the chosen units, or strike out the others."""

    tick = "tick"
    strike = "strike"


class BlankRule(StrEnum):
    """Whether a ballot choosing nobody is invalid or a valid ballot that counts for nobody."""

    invalid = "invalid"
    valid = "valid"


class TieRule(StrEnum):
    """What a tie across the last seat leads to: a runoff round, the contest's priority order, or the score total."""

    runoff = "runoff"
    priority = "priority"
    score = "score"


class ThresholdBase(StrEnum):
    """What a threshold's share is taken of: a paper figure, the ballots collected, or the valid ballots."""

    convened = "convened"
    present = "present"
    issued = "issued"
    collected = "collected"
    valid = "valid"


class Header(StrEnum):
    """The national header of the minutes: the Party's, or the State's."""

    party = "party"
    state = "state"


class Status(StrEnum):
    """A candidate's outcome in a round."""

    selected = "selected"
    tied = "tied"
    not_selected = "not_selected"


class InvalidReason(StrEnum):
    """Why a ballot is invalid, in the order the rules test them (the first that holds is the reason)."""

    declared = "declared"
    blank = "blank"
    too_many = "too_many"
    too_few = "too_few"


class ReaderChoice(StrEnum):
    """Which ballot reader runs: streaming for large files (auto), always streaming first (fast), or exact."""

    auto = "auto"
    fast = "fast"
    exact = "exact"


class TallyFormat(StrEnum):
    """The output formats of ``tally`` (and ``demo``)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    md = "md"
    """Markdown too, by the name ``minutes --format md`` gives it (:meth:`canonical`)."""
    plain = "plain"
    xlsx = "xlsx"

    def canonical(self) -> TallyFormat:
        """Return the format itself, ``markdown`` for its other name ``md``."""
        return TallyFormat.markdown if self is TallyFormat.md else self


class ShowFormat(StrEnum):
    """The output formats of ``show``: the projector page, or a chart image per contest round."""

    html = "html"
    png = "png"
    svg = "svg"


class AuditFormat(StrEnum):
    """The output formats of ``audit``."""

    table = "table"
    csv = "csv"
    json = "json"
    canonical = "canonical"

"""emulation-vote: count the secret ballots of an emulation block's year-end conference, exactly.

The package is a library first; this module is its public API, and every other module is
private.  ``import emulation_vote as ev``, then:

- :func:`load_election` (a path) or :func:`parse_election` (TOML text) -> :class:`Election`;
- :func:`tally` (ballot files and/or pandas DataFrames) -> :class:`ElectionRecord`, the one
  result record every output renders from; :func:`result_json` / :func:`result_dict` give the
  JSON result of the formats contract;
- :func:`audit_ballots` (or :func:`audit_stream`, one batch at a time), :func:`verify_result` (a saved
  result against a recount) and :func:`compare_entries` (clerks' entries of the same papers);
- :func:`results_frame`, :func:`figures_frame`, :func:`audit_frame`, :func:`comparison_frame`,
  :func:`scores_frame`: the same as pandas DataFrames (pandas is imported only by these);
- the errors: :class:`EmulationVoteError` and its subclasses, each with ``key``, ``file``,
  ``row`` and ``params``.

The command line (``emulation-vote``) is a client of these functions.  Importing the package is
cheap: each name is loaded on first use.  See docs/library.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from emulation_vote._version import __version__

if TYPE_CHECKING:
    from emulation_vote.api import (
        Audit,
        BallotSource,
        Verification,
        audit_ballots,
        audit_stream,
        canonical_text,
        compare_entries,
        demo_files,
        load_election,
        parse_election,
        result_dict,
        result_json,
        score,
        tally,
        verify_result,
        with_scores,
    )
    from emulation_vote.audit import AuditBallot, AuditBatch, AuditStream, Difference, Relation
    from emulation_vote.compare import AgreedBallot, Comparison, Disagreement
    from emulation_vote.election import Candidate, Contest, Election
    from emulation_vote.errors import (
        BallotFileError,
        DataErrors,
        ElectionFileError,
        EmulationVoteError,
        OutputError,
        UsageError,
    )
    from emulation_vote.frames import audit_frame, comparison_frame, figures_frame, results_frame, scores_frame
    from emulation_vote.record import CandidateResult, ContestResult, ElectionRecord, RoundResult, ThresholdResult
    from emulation_vote.scoring.record import ScoreRecord, UnitScore
    from emulation_vote.verify import Mismatch

_HOMES = {
    "emulation_vote.api": (
        "Audit",
        "BallotSource",
        "Verification",
        "audit_ballots",
        "audit_stream",
        "canonical_text",
        "compare_entries",
        "tally",
        "demo_files",
        "load_election",
        "parse_election",
        "result_dict",
        "result_json",
        "score",
        "verify_result",
        "with_scores",
    ),
    "emulation_vote.audit": ("AuditBallot", "AuditBatch", "AuditStream", "Difference", "Relation"),
    "emulation_vote.compare": ("AgreedBallot", "Comparison", "Disagreement"),
    "emulation_vote.election": ("Candidate", "Contest", "Election"),
    "emulation_vote.errors": (
        "BallotFileError",
        "DataErrors",
        "ElectionFileError",
        "EmulationVoteError",
        "OutputError",
        "UsageError",
    ),
    "emulation_vote.frames": ("audit_frame", "comparison_frame", "figures_frame", "results_frame", "scores_frame"),
    "emulation_vote.record": ("CandidateResult", "ContestResult", "ElectionRecord", "RoundResult", "ThresholdResult"),
    "emulation_vote.scoring.record": ("ScoreRecord", "UnitScore"),
    "emulation_vote.verify": ("Mismatch",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "AgreedBallot",
    "Audit",
    "AuditBallot",
    "AuditBatch",
    "AuditStream",
    "BallotFileError",
    "BallotSource",
    "Candidate",
    "CandidateResult",
    "Comparison",
    "Contest",
    "ContestResult",
    "DataErrors",
    "Difference",
    "Disagreement",
    "Election",
    "ElectionFileError",
    "ElectionRecord",
    "EmulationVoteError",
    "Mismatch",
    "OutputError",
    "Relation",
    "RoundResult",
    "ScoreRecord",
    "ThresholdResult",
    "UnitScore",
    "UsageError",
    "Verification",
    "__version__",
    "audit_ballots",
    "audit_frame",
    "audit_stream",
    "canonical_text",
    "compare_entries",
    "comparison_frame",
    "demo_files",
    "figures_frame",
    "load_election",
    "parse_election",
    "result_dict",
    "result_json",
    "results_frame",
    "score",
    "scores_frame",
    "tally",
    "verify_result",
    "with_scores",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use, so that ``import emulation_vote`` stays instant."""
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'emulation_vote' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

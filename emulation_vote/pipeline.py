"""The whole pipeline as one library call: election file + ballot files -> the result record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from emulation_vote.ballots import read_ballots
from emulation_vote.count import count_election
from emulation_vote.election import load_election
from emulation_vote.record import ElectionRecord


def count_files(
    election_path: str | Path,
    ballot_paths: Sequence[str | Path],
    encoding: str | None = None,
    sheet: str | None = None,
) -> ElectionRecord:
    """Read the election and every ballot file, check them, count; raise on the first error."""
    election = load_election(election_path)
    return count_election(election, read_ballots(ballot_paths, election, encoding, sheet))


def demo_paths() -> tuple[Path, Path]:
    """Return the bundled seed conference: its election file and its ballot file."""
    folder = Path(__file__).parent / "data" / "seed"
    return folder / "election.toml", folder / "ballots.csv"

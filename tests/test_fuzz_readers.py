"""Differential fuzzer: the exact and the streaming reader, called directly, agree on adversarial files.

The streaming reader may decline a file (:class:`GaveUp`: the pipeline then reads it
exactly); otherwise it must give the same ballot contents, counted the same, as the exact reader,
and it must never accept a file the exact reader refuses.  Neither may fail any other way.

The suite runs a bounded number of examples; a long session is run by hand with
``FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_readers.py -p no:cacheprovider``.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from fuzz_files import conference_files
from hypothesis import HealthCheck, given, settings

from emulation_vote.ballots import read_ballot_groups
from emulation_vote.ballots.fast import read_groups_fast
from emulation_vote.ballots.reader import GaveUp
from emulation_vote.election import parse_election
from emulation_vote.errors import DataErrors, EmulationVoteError

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))


def _contents(groups: Any) -> dict[tuple[str, int], Counter[Any]]:
    return {key: +counts for key, counts in groups.groups.items() if counts.total() > 0}


def outcome_of_both(toml: str, name: str, data: bytes) -> tuple[object, object]:
    """Return what each reader makes of the file: its contents, or its error (key, row); fast may be 'declined'."""
    election = parse_election(toml, "e.toml")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        exact: object
        try:
            exact = _contents(read_ballot_groups([path], election))
        except EmulationVoteError as error:
            first = error.errors[0] if isinstance(error, DataErrors) else error  # every error is found; the first
            exact = ("error", first.key, first.row)
        fast: object
        outcome = read_groups_fast([path], election)
        fast = "declined" if isinstance(outcome, GaveUp) else _contents(outcome)
    return exact, fast


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 40,
)
@given(conference_files())
def test_exact_and_streaming_readers_agree(case: tuple[str, str, bytes]) -> None:
    exact, fast = outcome_of_both(*case)
    if fast != "declined":
        assert fast == exact


def test_lines_ended_by_cr_alone_are_left_to_the_exact_reader() -> None:
    # Found by the fuzzer: the streaming reader's header parse raised csv.Error (an internal error, exit 3).
    toml = (
        '[[contest]]\nid = "c"\nseats = 1\ncandidates = [{ id = "A", name = "Ban A" }, { id = "B", name = "Ban B" }]\n'
    )
    exact, fast = outcome_of_both(toml, "b.csv", b"ballot_id,A,B\r1,x,\r2,,x\r")
    assert fast == "declined"
    assert exact == {("c", 1): Counter({(frozenset({"A"}), False, None): 1, (frozenset({"B"}), False, None): 1})}


def test_a_twenty_digit_round_is_the_same_error_for_both_readers() -> None:
    # Found by the fuzzer: the streaming reader overflowed converting the round to int64 (exit 3).
    toml = (
        '[[contest]]\nid = "c"\nseats = 1\ncandidates = [{ id = "A", name = "Ban A" }, { id = "B", name = "Ban B" }]\n'
    )
    data = b"ballot_id,choices,round\n" + b"".join(b"%d,A,99999999999999999999\n" % n for n in range(1, 60))
    exact, fast = outcome_of_both(toml, "b.csv", data)
    assert fast == "declined"
    assert exact == ("error", "row.bad_round", 2)

"""Ballot readers: files of any supported format and layout become :class:`Ballot` records.

One interface (:mod:`.reader`), one module per reader: :mod:`.exact` (ballot by ballot; its
:func:`read_ballots` reads every file, checks each row, then the checks that span files, and
returns nothing unless every file is free of errors) and :mod:`.fast` (streaming, for large files).
The cells come from :mod:`.tabular` (CSV, TSV, XLSX) and become ballots in :mod:`.layout`.
"""

from __future__ import annotations

from emulation_vote.ballot import Ballot, BallotGroups, BallotSet, Content
from emulation_vote.ballots.exact import iter_ballot_file, read_ballot_groups, read_ballots

__all__ = [
    "Ballot",
    "BallotGroups",
    "BallotSet",
    "Content",
    "Notice",
    "iter_ballot_file",
    "read_ballot_groups",
    "read_ballots",
]

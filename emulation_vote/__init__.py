"""emulation-vote: count the secret ballots of an emulation block's year-end conference.

The package is a library first: :func:`emulation_vote.election.load_election` reads the
election file, :func:`emulation_vote.ballots.read_ballots` reads the ballot files,
:func:`emulation_vote.count.count_election` produces the one result record that every
renderer in :mod:`emulation_vote.render` turns into text.  The command line in
:mod:`emulation_vote.cli` is a thin client of these.
"""

__version__ = "0.1.0"

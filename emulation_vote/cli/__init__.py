"""The command line: parse -> call the library -> render.  The only package that prints or exits.

One module per command group; importing this package registers every command on :data:`app`.
"""

from __future__ import annotations

# Importing a command module registers its commands; --help lists them in import order, so the
# order below is deliberate and not alphabetical.
# isort: off
from emulation_vote.cli import prepare  # noqa: F401  (new, template)
from emulation_vote.cli import count  # noqa: F401  (tally, demo)
from emulation_vote.cli import show  # noqa: F401  (show)
from emulation_vote.cli import minutes  # noqa: F401  (minutes)
from emulation_vote.cli import score  # noqa: F401  (score)
from emulation_vote.cli import audit  # noqa: F401  (audit, verify, compare)
from emulation_vote.cli import entry  # noqa: F401  (enter, check-log)
from emulation_vote.cli import ballots  # noqa: F401  (ballots)
from emulation_vote.cli import scan  # noqa: F401  (scan)

# isort: on
from emulation_vote.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``emulation-vote`` console script."""
    app()

"""Run the command line with ``python -m emulation_vote``."""

from emulation_vote.cli import run

if __name__ == "__main__":
    run()

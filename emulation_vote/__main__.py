"""Run the command line with ``python -m emulation_vote``."""

from emulation_vote.cli import main

if __name__ == "__main__":
    main()

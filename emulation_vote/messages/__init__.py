"""The message catalogue: every human-facing string, key -> (Vietnamese, English).

One module per feature, so that features add their wording without touching each other's;
:data:`MESSAGES` merges them and refuses a key defined twice.
"""

from __future__ import annotations

from emulation_vote.messages import (
    core,
    entering,
    help,
    minutes,
    paper,
    partial,
    prepare,
    reading,
    reliability,
    scan,
    scoring,
    show,
)

_PARTS: tuple[dict[str, tuple[str, str]], ...] = (
    core.MESSAGES,
    reading.MESSAGES,
    prepare.MESSAGES,
    reliability.MESSAGES,
    paper.MESSAGES,
    scoring.MESSAGES,
    show.MESSAGES,
    entering.MESSAGES,
    help.MESSAGES,
    minutes.MESSAGES,
    partial.MESSAGES,
    scan.MESSAGES,
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in _PARTS:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES: dict[str, tuple[str, str]] = _merge()

__all__ = ["MESSAGES"]

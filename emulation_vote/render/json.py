"""The tally as the JSON result of the contract; the document itself is defined in :mod:`emulation_vote.schema`."""

from __future__ import annotations

from emulation_vote.record import ElectionRecord
from emulation_vote.schema import result_text


def render_json(record: ElectionRecord) -> str:
    """Render the JSON result of the contract (UTF-8 text, not ASCII-escaped)."""
    return result_text(record)

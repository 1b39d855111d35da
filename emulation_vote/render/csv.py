"""The tally as CSV: one row per candidate per contest round, for Excel and scripts.

Written through :func:`emulation_vote.csvrows.write_rows`, like every CSV the tool writes.
"""

from __future__ import annotations

from emulation_vote.csvrows import write_rows
from emulation_vote.record import ElectionRecord

TALLY_COLUMNS = (
    "contest",
    "round",
    "rank",
    "candidate_id",
    "candidate_name",
    "votes",
    "percent",
    "meets_threshold",
    "status",
    "base",
    "base_count",
    "votes_needed",
    "seats",
)


def render_csv(record: ElectionRecord) -> str:
    """Render the tally: one row per candidate of every contest round, by rank."""
    rows = []
    for result in record.contests:
        for rnd in result.rounds:
            threshold = rnd.threshold
            for c in rnd.candidates:
                rows.append(
                    (
                        result.contest.id,
                        rnd.number,
                        c.rank,
                        c.id,
                        c.name,
                        c.votes,
                        str(c.percent),
                        c.meets_threshold,
                        c.status,
                        threshold.of,
                        threshold.base_count,
                        "" if threshold.votes_needed is None else threshold.votes_needed,
                        rnd.seats,
                    )
                )
    return write_rows(TALLY_COLUMNS, rows)

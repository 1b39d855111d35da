"""The result record, the audit listing and a comparison of entries as pandas DataFrames.

For auditors' notebooks and scripts.  pandas is imported here, inside each function, and by no
other module the command line loads, so ``emulation-vote --help`` and ``tally`` never pay for it.
Every frame is built from the same objects the other outputs render from; nothing is counted
again.  The columns and their dtypes are part of the library's contract (docs/library.md):

- vote counts and figures are ``Int64`` (nullable: a paper figure not in the election file is
  ``<NA>``), flags are ``boolean``, words from a closed vocabulary (status, reason) are
  ``category`` with every possible word as a category, text is ``string``;
- a percent is kept twice: ``percent`` holds the exact :class:`~decimal.Decimal` the result
  states (object dtype, e.g. ``Decimal('82.61')``), ``percent_float`` the same value as a
  float64 for plotting and sorting.  Check figures against ``percent``, never the float.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from emulation_vote.vocab import InvalidReason, Status

if TYPE_CHECKING:
    import pandas as pd

    from emulation_vote.audit import AuditBallot
    from emulation_vote.ballots.tabular import Sheet
    from emulation_vote.compare import Comparison
    from emulation_vote.record import ElectionRecord
    from emulation_vote.scoring.record import ScoreRecord

RESULT_COLUMNS = (
    "contest",
    "round",
    "id",
    "name",
    "number",
    "votes",
    "percent",
    "percent_float",
    "rank",
    "meets_threshold",
    "status",
)
FIGURE_COLUMNS = (
    "contest",
    "round",
    "seats",
    "convened",
    "present",
    "issued",
    "collected",
    "cast",
    "valid",
    "invalid",
    *(f"invalid_{reason.value}" for reason in InvalidReason),
    "threshold_share",
    "threshold_strict",
    "threshold_of",
    "threshold_base",
    "votes_needed",
    "selected",
    "runoff",
)
AUDIT_COLUMNS = (
    "file",
    "row",
    "ballot_id",
    "contest",
    "round",
    "choices",
    "status",
    "reason",
    "declared",
    "note",
)
BALLOT_STATUSES = ("valid", "invalid")


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], dtypes: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(dtypes) if len(columns) else frame


def _category(values: Sequence[str]) -> Any:
    import pandas as pd

    return pd.CategoricalDtype(categories=list(values), ordered=False)


def results_frame(record: ElectionRecord) -> pd.DataFrame:
    """Return one row per candidate and round of every contest, in contest, round and rank order.

    Columns: contest, round, id, name, number (the place on the ballot paper, from 1), votes,
    percent (exact Decimal), percent_float, rank (shared ranks repeat), meets_threshold, status
    (category: selected, tied, not_selected).

    >>> from emulation_vote import demo_files, tally
    >>> frame = results_frame(tally(*demo_files()))
    >>> print(frame.loc[frame["status"] == "selected", ["id", "votes", "percent"]].to_string(index=False))
      id  votes percent
     TCT     22   91.67
    VPTU     19   79.17
    """
    rows = [
        {
            "contest": result.contest.id,
            "round": rnd.number,
            "id": candidate.id,
            "name": candidate.name,
            "number": candidate.number,
            "votes": candidate.votes,
            "percent": candidate.percent,
            "percent_float": float(candidate.percent),
            "rank": candidate.rank,
            "meets_threshold": candidate.meets_threshold,
            "status": str(candidate.status),
        }
        for result in record.contests
        for rnd in result.rounds
        for candidate in rnd.candidates
    ]
    return _frame(
        rows,
        RESULT_COLUMNS,
        {
            "contest": "string",
            "round": "Int64",
            "id": "string",
            "name": "string",
            "number": "Int64",
            "votes": "Int64",
            "percent": "object",
            "percent_float": "float64",
            "rank": "Int64",
            "meets_threshold": "boolean",
            "status": _category([s.value for s in Status]),
        },
    )


def figures_frame(record: ElectionRecord) -> pd.DataFrame:
    """Return the ballot figures of every contest round: one row per contest and round.

    Columns: contest, round, seats, the paper figures (convened, present, issued, collected:
    ``<NA>`` when the election file does not give them), cast (ballots loaded), valid, invalid,
    one ``invalid_<reason>`` count per reason (declared, blank, too_many, too_few), the threshold
    (share as written, strict, of, base_count as ``threshold_base``, votes_needed), and the
    round's selected ids and runoff candidates joined by ";".
    """
    rows = []
    for result in record.contests:
        figures = record.election.figures(result.contest)
        for rnd in result.rounds:
            reasons = dict(rnd.invalid_reasons)
            threshold = rnd.threshold
            rows.append(
                {
                    "contest": result.contest.id,
                    "round": rnd.number,
                    "seats": rnd.seats,
                    "convened": figures.convened,
                    "present": figures.present,
                    "issued": figures.issued,
                    "collected": figures.collected,
                    "cast": rnd.cast,
                    "valid": rnd.valid,
                    "invalid": rnd.invalid,
                    **{f"invalid_{reason.value}": reasons.get(reason, 0) for reason in InvalidReason},
                    "threshold_share": threshold.share_text,
                    "threshold_strict": threshold.strict,
                    "threshold_of": str(threshold.of),
                    "threshold_base": threshold.base_count,
                    "votes_needed": threshold.votes_needed,
                    "selected": ";".join(rnd.selected),
                    "runoff": ";".join(rnd.runoff.candidates) if rnd.runoff is not None else "",
                }
            )
    integers = ["round", "seats", "convened", "present", "issued", "collected", "cast", "valid", "invalid"]
    integers += [f"invalid_{reason.value}" for reason in InvalidReason] + ["threshold_base", "votes_needed"]
    dtypes: dict[str, Any] = dict.fromkeys(integers, "Int64")
    dtypes.update(
        {
            "contest": "string",
            "threshold_share": "string",
            "threshold_strict": "boolean",
            "threshold_of": "string",
            "selected": "string",
            "runoff": "string",
        }
    )
    return _frame(rows, FIGURE_COLUMNS, dtypes)


def audit_frame(ballots: Iterable[AuditBallot]) -> pd.DataFrame:
    """Return the per-ballot audit listing: one row per ballot, in contest, round, file and row order.

    ``ballots`` is ``audit_ballots(...).ballots``, or ``audit_stream(...).ballots()`` read once.
    Columns: file, row (as the spreadsheet shows it), ballot_id, contest, round, choices (the ids
    chosen, in ballot order, joined by ";"; empty for a blank ballot), status
    (category: valid, invalid), reason (category: declared, blank, too_many, too_few; ``NaN`` for a
    valid ballot), declared (the committee's reason as typed), note (the clerk's note column).
    """
    rows = [
        {
            "file": ballot.source,
            "row": ballot.row,
            "ballot_id": ballot.ballot_id,
            "contest": ballot.contest,
            "round": ballot.round,
            "choices": ";".join(ballot.chosen),
            "status": "valid" if ballot.valid else "invalid",
            "reason": None if ballot.reason is None else str(ballot.reason),
            "declared": ballot.declared,
            "note": ballot.note,
        }
        for ballot in ballots
    ]
    return _frame(
        rows,
        AUDIT_COLUMNS,
        {
            "file": "string",
            "row": "Int64",
            "ballot_id": "string",
            "contest": "string",
            "round": "Int64",
            "choices": "string",
            "status": _category(BALLOT_STATUSES),
            "reason": _category([r.value for r in InvalidReason]),
            "declared": "string",
            "note": "string",
        },
    )


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """Return one row per ballot the entries disagree on (empty when they all agree).

    Columns: contest, round, ballot_id, kind (why they differ: ``missing`` from some entry,
    ``different`` in what they read), then for each entry *k* (1, 2, ...) ``choices_k`` (the ids it
    reads, joined by ";"; ``<NA>`` where the entry lacks the ballot), ``declared_k`` (its
    declared-invalid text) and ``row_k`` (the row in that entry's file).
    """
    entries = len(comparison.entries)
    columns = ["contest", "round", "ballot_id", "kind"]
    for k in range(1, entries + 1):
        columns += [f"choices_{k}", f"declared_{k}", f"row_{k}"]
    rows = []
    for item in comparison.disagreements:
        row: dict[str, Any] = {
            "contest": item.contest,
            "round": item.round,
            "ballot_id": item.ballot_id,
            "kind": item.kind,
        }
        for k, (reading, source_row) in enumerate(zip(item.readings, item.rows, strict=True), start=1):
            row[f"choices_{k}"] = None if reading is None else ";".join(reading[0])
            row[f"declared_{k}"] = None if reading is None else reading[1]
            row[f"row_{k}"] = source_row
        rows.append(row)
    dtypes: dict[str, Any] = {"contest": "string", "round": "Int64", "ballot_id": "string", "kind": "string"}
    for k in range(1, entries + 1):
        dtypes.update({f"choices_{k}": "string", f"declared_{k}": "string", f"row_{k}": "Int64"})
    return _frame(rows, columns, dtypes)


def frame_sheet(frame: pd.DataFrame, default_source: str) -> Sheet:
    """Return a DataFrame of ballots as the cells a CSV file of it would hold (``frame.to_csv(index=False)``).

    The column labels are the header (row 1) and each row is numbered as that file's would be, so
    an error names the same row whether the ballots came from the frame or from its CSV.  A
    missing value (``None``, ``NaN``, ``pd.NA``) is an empty cell; numbers are written as a
    spreadsheet shows them (``1.0`` as ``1``).  The source's name is ``frame.attrs["source"]``
    when set.
    """
    import pandas as pd

    from emulation_vote.ballots.tabular import Sheet, cell_text

    source = str(frame.attrs.get("source", default_source))
    header = [cell_text(label) for label in frame.columns]

    def cell(value: Any) -> str:
        if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
            return ""
        return cell_text(value.item() if hasattr(value, "item") else value)

    rows = ((number, [cell(v) for v in values]) for number, values in enumerate(frame.itertuples(index=False), 2))
    return Sheet(source, header, rows)


def scores_frame(scores: ScoreRecord) -> pd.DataFrame:
    """Return the score table: one row per unit, in rank order (the ranking of :func:`emulation_vote.score`).

    Columns: id, name, number (the unit's place in the unit list), rank (shared ranks repeat),
    total (the published total, an exact Decimal with the rule's decimals), total_float,
    one column per kind of scorer that counts (``self``, ``cross``, ``board``: the unit's
    published score from that kind, ``None`` where it does not count), one per criterion
    (``criterion_<id>``) and per criterion group (``group_<name>``), bonus and penalty (Decimal).
    """
    kinds = list(dict.fromkeys(name for unit in scores.units for name, _ in unit.kinds))
    criteria = [criterion.id for criterion in scores.rule.criteria]
    groups = list(dict.fromkeys(name for unit in scores.units for name, _ in unit.groups))
    columns = ["id", "name", "number", "rank", "total", "total_float", *kinds]
    columns += [f"criterion_{c}" for c in criteria] + [f"group_{g}" for g in groups] + ["bonus", "penalty"]
    rows = []
    for unit in scores.units:
        row: dict[str, Any] = {
            "id": unit.id,
            "name": unit.name,
            "number": unit.number,
            "rank": unit.rank,
            "total": unit.total,
            "total_float": float(unit.total),
            "bonus": unit.bonus,
            "penalty": unit.penalty,
        }
        row.update({name: value for name, value in unit.kinds})
        row.update({f"criterion_{c}": value for c, value in unit.criteria})
        row.update({f"group_{g}": value for g, value in unit.groups})
        rows.append(row)
    dtypes: dict[str, Any] = {"id": "string", "name": "string", "number": "Int64", "rank": "Int64"}
    dtypes["total_float"] = "float64"
    return _frame(rows, columns, dtypes)

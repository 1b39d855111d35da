"""The JSON result of the formats contract (``schema = emulation-vote/result/1``): its data and its exact text.

One module for the document, so that what ``tally --format json`` writes and what ``verify``
compares the saved file with are the same.  Percents are written from their
:class:`~decimal.Decimal` digits ("66.67"), never through a float.  Extra keys beside the
contract: ``generator``, each contest's ``title``, ``declared_reasons`` and ``rounds``; ``notices`` when
a name was read without its diacritics.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from emulation_vote._version import __version__
from emulation_vote.record import ContestResult, ElectionRecord, RoundResult, Runoff


def _runoff(runoff: Runoff | None) -> dict[str, Any] | None:
    return None if runoff is None else {"candidates": list(runoff.candidates), "seats": runoff.seats}


def round_dict(round_result: RoundResult) -> dict[str, Any]:
    """Return one round as the contract's contest fields (ballots, threshold, candidates, ...)."""
    threshold = round_result.threshold
    return {
        "seats": round_result.seats,
        "ballots": {"cast": round_result.cast, "valid": round_result.valid, "invalid": round_result.invalid},
        "invalid_reasons": dict(round_result.invalid_reasons),
        "declared_reasons": dict(round_result.declared_texts),
        "threshold": {
            "share": threshold.share_text,
            "strict": threshold.strict,
            "of": threshold.of,
            "base_count": threshold.base_count,
            "votes_needed": threshold.votes_needed,
        },
        "candidates": [
            {
                "id": c.id,
                "name": c.name,
                "votes": c.votes,
                "percent": c.percent,
                "rank": c.rank,
                "meets_threshold": c.meets_threshold,
                "status": c.status,
            }
            for c in round_result.candidates
        ],
        "selected": list(round_result.selected),
        "runoff": _runoff(round_result.runoff),
    }


def contest_dict(result: ContestResult) -> dict[str, Any]:
    """Return a contest: round 1's figures at the top, the final outcome, and every round."""
    contest: dict[str, Any] = {"id": result.contest.id, "title": result.contest.title}
    if result.contest.scores_fingerprint is not None:
        # Beside the contract: the scores the candidates or the tie rule came from.
        contest["scores"] = {
            "fingerprint": result.contest.scores_fingerprint,
            "totals": {cid: str(total) for cid, total in result.contest.scores},
        }
    contest.update(round_dict(result.first))
    contest.update(
        selected=list(result.selected),
        runoff=_runoff(result.runoff),
        rounds=[
            dict(round=r.number, candidates_in_round=list(r.candidate_ids), **round_dict(r)) for r in result.rounds
        ],
    )
    return contest


def record_dict(record: ElectionRecord) -> dict[str, Any]:
    """Return the whole result as JSON-ready data (percents still :class:`Decimal`)."""
    data: dict[str, Any] = {
        "schema": record.schema,
        "fingerprint": record.fingerprint,
        "generator": f"emulation-vote {__version__}",
        "contests": [contest_dict(c) for c in record.contests],
    }
    if record.partial:
        data["partial"] = True
    if record.skipped:
        data["skipped"] = dict(record.skipped)
    if record.notices:
        data["notices"] = notices_list(record)
    return data


def notices_list(record: ElectionRecord) -> list[dict[str, Any]]:
    """Return the names read without their diacritics, one object per place (file, row, text, candidate)."""
    return [
        {"file": n.source, "row": n.row, "code": n.code, "text": n.text, "candidate": n.candidate}
        for n in record.notices
    ]


def dumps(value: Any, indent: int = 2, level: int = 0) -> str:
    """Serialise JSON data, writing :class:`Decimal` as its exact digits."""
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {dumps(v, indent, level + 1)}" for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(pad + dumps(v, indent, level + 1) for v in value) + "\n" + end + "]"
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def result_text(record: ElectionRecord) -> str:
    """Return the JSON result of the contract as written (UTF-8 text, not ASCII-escaped)."""
    return dumps(record_dict(record)) + "\n"

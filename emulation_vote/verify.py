"""Re-verifying a saved JSON result: recount and list every difference."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_vote.errors import BallotFileError
from emulation_vote.record import ElectionRecord
from emulation_vote.render.json import render_json

IGNORED = frozenset({"generator"})


@dataclass(frozen=True)
class Mismatch:
    """One difference between the saved result and the recount, at a readable path."""

    path: str
    saved: Any
    recount: Any


def load_result(path: str | Path) -> dict[str, Any]:
    """Read a saved JSON result; raise :class:`BallotFileError` if it is not one."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BallotFileError("file.missing", file=where) from None
    except IsADirectoryError:
        raise BallotFileError("file.is_dir", file=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BallotFileError("file.unreadable", file=where, reason=str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BallotFileError("verify.not_json", file=where, row=exc.lineno, detail=exc.msg) from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("emulation-vote/result/"):
        raise BallotFileError("verify.not_result", file=where)
    return data


def _key(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for name in ("id", "round"):
            if name in item:
                return f"{item[name]}"
    return str(index)


def _diff(saved: Any, recount: Any, path: str, out: list[Mismatch]) -> None:
    if isinstance(saved, dict) and isinstance(recount, dict):
        for key in list(recount) + [k for k in saved if k not in recount]:
            if key in IGNORED:
                continue
            where = f"{path}.{key}" if path else key
            if key not in saved or key not in recount:
                out.append(Mismatch(where, saved.get(key, "—"), recount.get(key, "—")))
            else:
                _diff(saved[key], recount[key], where, out)
        return
    if isinstance(saved, list) and isinstance(recount, list) and all(isinstance(x, dict) for x in saved + recount):
        saved_by = {_key(x, i): x for i, x in enumerate(saved)}
        recount_by = {_key(x, i): x for i, x in enumerate(recount)}
        if list(saved_by) != list(recount_by) and set(saved_by) == set(recount_by):
            out.append(Mismatch(f"{path} (order)", list(saved_by), list(recount_by)))
        for key in list(recount_by) + [k for k in saved_by if k not in recount_by]:
            _diff(saved_by.get(key, "—"), recount_by.get(key, "—"), f"{path}[{key}]", out)
        return
    if not _equal(saved, recount):
        out.append(Mismatch(path, saved, recount))


def _equal(a: Any, b: Any) -> bool:
    """Equal as JSON values: 22 equals 22.0, but true never equals 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def compare_result(saved: dict[str, Any], record: ElectionRecord) -> list[Mismatch]:
    """Return every difference between a saved result and ``record`` (the recount); empty when they match."""
    recount = json.loads(render_json(record))
    mismatches: list[Mismatch] = []
    _diff(saved, recount, "", mismatches)
    return mismatches

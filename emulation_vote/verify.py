"""Re-verifying a saved JSON result: recount and list every difference.

The saved document is read strictly (a key written twice, NaN or Infinity refuse the file) and
compared whole to the recount: every key, every list element in its place, no extra element,
numbers by their exact digits and type (``19.0`` is not ``19``, ``"91.67"`` is not ``91.67``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulation_vote.errors import BallotFileError
from emulation_vote.output import read_input
from emulation_vote.record import ElectionRecord
from emulation_vote.schema import result_text

IGNORED = frozenset({"generator"})
MAX_RESULT_CHARS = 200_000_000


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
        text = read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BallotFileError("file.unreadable", file=where, reason=str(exc)) from None
    try:
        data = strict_json(text)
    except json.JSONDecodeError as exc:
        raise BallotFileError("verify.not_json", file=where, row=exc.lineno, detail=exc.msg) from None
    except DuplicateKey as exc:
        raise BallotFileError("verify.duplicate_key", file=where, key=exc.key) from None
    except (RecursionError, ValueError) as exc:
        # Nesting deeper than the parser's stack, a number with thousands of digits, NaN or Infinity.
        raise BallotFileError("verify.not_json", file=where, row=None, detail=_first_line(exc)) from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("emulation-vote/result/"):
        raise BallotFileError("verify.not_result", file=where)
    return data


@dataclass(frozen=True)
class Number:
    """A JSON number with a fraction or an exponent, kept as written (``91.670`` is not ``91.67``)."""

    text: str

    def __str__(self) -> str:
        return self.text


class DuplicateKey(ValueError):
    """A JSON object names the same key twice (which of the two values counts is up to the reader)."""

    def __init__(self, key: str) -> None:
        """Record the key."""
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def strict_json(text: str) -> Any:
    """Parse JSON strictly: a duplicate key raises :class:`DuplicateKey`, NaN/Infinity ValueError.

    Numbers with a fraction or exponent come back as :class:`Number` (their text as written),
    integers as ``int``.  Text longer than a result could ever be is refused.
    """
    if len(text) > MAX_RESULT_CHARS:
        raise ValueError(f"the file is larger than {MAX_RESULT_CHARS} characters")
    return json.loads(text, object_pairs_hook=_pairs, parse_float=Number, parse_constant=_constant)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


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
    if isinstance(saved, list) and isinstance(recount, list):
        saved_keys = [_key(x, i) for i, x in enumerate(saved)]
        recount_keys = [_key(x, i) for i, x in enumerate(recount)]
        if (
            _all_dicts(saved + recount)
            and len(set(saved_keys)) == len(saved)
            and len(set(recount_keys)) == len(recount)
        ):
            # Each element once by its id: report a changed order once, then compare by id.
            if saved_keys != recount_keys and set(saved_keys) == set(recount_keys):
                out.append(Mismatch(f"{path} (order)", saved_keys, recount_keys))
            saved_by, recount_by = (
                dict(zip(saved_keys, saved, strict=True)),
                dict(zip(recount_keys, recount, strict=True)),
            )
            for key in recount_keys + [k for k in saved_keys if k not in recount_by]:
                _diff(saved_by.get(key, "—"), recount_by.get(key, "—"), f"{path}[{key}]", out)
            return
        # An id written twice (a forged element beside the real one): element by element, in place.
        for index in range(max(len(saved), len(recount))):
            where = f"{path}[{_key(recount[index] if index < len(recount) else saved[index], index)}]"
            if index >= len(saved):
                out.append(Mismatch(where, "—", recount[index]))
            elif index >= len(recount):
                out.append(Mismatch(where, saved[index], "—"))
            else:
                _diff(saved[index], recount[index], where, out)
        return
    if not _equal(saved, recount):
        out.append(Mismatch(path, saved, recount))


def _all_dicts(items: list[Any]) -> bool:
    return all(isinstance(x, dict) for x in items)


def _equal(a: Any, b: Any) -> bool:
    """Equal as written: the same type and, for numbers, the same digits (``19.0`` is not ``19``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Number):
        return bool(a.text == b.text)
    return bool(a == b)


def compare_result(saved: dict[str, Any], record: ElectionRecord) -> list[Mismatch]:
    """Return every difference between a saved result and ``record`` (the recount); empty when they match."""
    recount = strict_json(result_text(record))
    mismatches: list[Mismatch] = []
    _diff(saved, recount, "", mismatches)
    return mismatches

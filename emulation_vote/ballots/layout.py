"""Interpreting a sheet's cells as ballots: the wide and list layouts of the contract.

The header row decides the layout: a ``choices`` column makes it a list file, otherwise it
is wide (one column per candidate).  Reserved columns (``ballot_id``, ``choices``,
``contest``, ``invalid``, ``round`` and, for open votes, ``voter``) are recognised under
the same normalisation as names; their Vietnamese headings are accepted too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from emulation_vote.ballots.legacy import detect
from emulation_vote.ballots.matching import NameMatcher, suggest_names
from emulation_vote.ballots.model import Ballot
from emulation_vote.ballots.tabular import Sheet
from emulation_vote.election import Contest, Election, closest
from emulation_vote.errors import BallotFileError
from emulation_vote.text import clean, name_key, short

RESERVED: dict[str, tuple[str, ...]] = {
    "ballot_id": ("ballot_id", "ballot id", "ballot", "mã phiếu", "số phiếu"),
    "choices": ("choices", "lựa chọn"),
    "contest": ("contest", "cuộc bầu"),
    "invalid": ("invalid", "không hợp lệ"),
    "round": ("round", "vòng", "vòng bầu"),
    "voter": ("voter", "delegate", "đại biểu", "họ tên", "họ và tên", "người bỏ phiếu", "cử tri"),
}
NOT_A_MARK = frozenset(name_key(word) for word in ("0", "false", "no", "không"))


def _header_key(text: str) -> str:
    return name_key(text.replace("_", " "))


_RESERVED_KEYS = {_header_key(alias): column for column, aliases in RESERVED.items() for alias in aliases}


def is_mark(cell: str) -> bool:
    """Return whether a wide-layout cell is a mark: non-empty and not 0, false, no or không."""
    text = cell.strip()
    return bool(text) and name_key(text) not in NOT_A_MARK


class _Columns:
    """Where each reserved column and each candidate column stands in the header."""

    def __init__(self, sheet: Sheet) -> None:
        self.reserved: dict[str, int] = {}
        self.others: list[tuple[int, str]] = []
        for index, heading in enumerate(sheet.header):
            text = clean(heading)
            if not text:
                continue
            column = _RESERVED_KEYS.get(_header_key(text))
            if column is None:
                self.others.append((index, text))
            elif column in self.reserved:
                raise BallotFileError("header.twice", file=sheet.source, row=1, column=text)
            else:
                self.reserved[column] = index


def read_layout(sheet: Sheet, election: Election) -> Iterator[Ballot]:
    """Yield the ballots of ``sheet``; raise :class:`BallotFileError` at the first data-entry error."""
    columns = _Columns(sheet)
    source = sheet.source
    if "ballot_id" not in columns.reserved:
        headings = [clean(h) for h in sheet.header if clean(h)]
        near = closest("ballot id", [_header_key(h) for h in headings])
        suggestion = next((h for h in headings if _header_key(h) == near), None)
        raise BallotFileError(
            "header.no_ballot_id" if suggestion is None else "header.no_ballot_id_near",
            file=source,
            row=1,
            suggestion=suggestion or "",
        )
    for column, index in columns.reserved.items():
        if column == "voter":
            _check_secrecy(sheet, election, columns, index)
    if "choices" in columns.reserved:
        yield from _read_list(sheet, election, columns)
    else:
        yield from _read_wide(sheet, election, columns)


def _check_legacy(source: str, row: int, cells: list[str]) -> None:
    """Explain a name that matches nothing when its row looks typed in a legacy font encoding."""
    legacy = detect(" ".join(cells))
    if legacy is not None:
        raise BallotFileError("encoding.legacy", file=source, row=row, encoding=legacy)


def _check_secrecy(sheet: Sheet, election: Election, columns: _Columns, index: int) -> None:
    secret = [c.id for c in election.contests if c.secret]
    if secret:
        raise BallotFileError(
            "header.voter_secret",
            file=sheet.source,
            row=1,
            column=clean(sheet.header[index]),
            contests=", ".join(secret),
        )


def _default_contest(sheet: Sheet, election: Election) -> Contest | None:
    if len(election.contests) == 1:
        return election.contests[0]
    stem = name_key(Path(sheet.source).stem)
    for contest in election.contests:
        if name_key(contest.id) == stem:
            return contest
    return None


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


class _RowReader:
    """The parts common to both layouts: the row's contest, id, round, declared reason, voter."""

    def __init__(self, sheet: Sheet, election: Election, columns: _Columns) -> None:
        self.sheet = sheet
        self.election = election
        self.columns = columns
        self.width = max([i for i, h in enumerate(sheet.header) if clean(h)], default=-1) + 1
        self.contest_ids = {name_key(c.id): c for c in election.contests}
        self.fixed = None if "contest" in columns.reserved else _default_contest(sheet, election)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        for number, cells in self.sheet.rows:
            if not any(c.strip() for c in cells):
                continue
            for index in range(self.width, len(cells)):
                if cells[index].strip():
                    raise BallotFileError(
                        "row.extra_cell",
                        file=self.sheet.source,
                        row=number,
                        value=short(cells[index].strip()),
                        count=len(cells),
                        width=self.width,
                    )
            if len(cells) < self.width and self.sheet.source.lower().endswith((".csv", ".tsv", ".txt")):
                raise BallotFileError(
                    "row.short", file=self.sheet.source, row=number, count=len(cells), width=self.width
                )
            for index, heading in enumerate(self.sheet.header[: self.width]):
                if not clean(heading) and _cell(cells, index).strip():
                    raise BallotFileError(
                        "row.no_heading",
                        file=self.sheet.source,
                        row=number,
                        column=index + 1,
                        value=short(cells[index].strip()),
                    )
            yield number, cells

    def common(self, number: int, cells: list[str]) -> tuple[Contest, str, int, str | None, str | None]:
        source = self.sheet.source
        reserved = self.columns.reserved
        ballot_id = clean(_cell(cells, reserved["ballot_id"]))
        if not ballot_id:
            raise BallotFileError("row.no_ballot_id", file=source, row=number)
        contest = self.fixed
        if contest is None:
            if "contest" not in reserved:
                raise BallotFileError(
                    "file.which_contest",
                    file=source,
                    row=number,
                    contests=", ".join(c.id for c in self.election.contests),
                )
            text = clean(_cell(cells, reserved["contest"]))
            contest = self.contest_ids.get(name_key(text))
            if contest is None:
                ids = [c.id for c in self.election.contests]
                raise BallotFileError(
                    "row.unknown_contest",
                    file=source,
                    row=number,
                    value=short(text),
                    suggestion=closest(text, ids) or ", ".join(ids),
                )
        round_number = 1
        round_text = clean(_cell(cells, reserved.get("round")))
        if round_text:
            try:
                round_number = int(round_text)
            except ValueError:
                round_number = 0
            if round_number < 1:
                raise BallotFileError("row.bad_round", file=source, row=number, value=short(round_text))
        declared = clean(_cell(cells, reserved.get("invalid"))) or None
        voter = clean(_cell(cells, reserved.get("voter"))) or None
        return contest, ballot_id, round_number, declared, voter


def _read_list(sheet: Sheet, election: Election, columns: _Columns) -> Iterator[Ballot]:
    for _index, heading in columns.others:
        known = [alias for aliases in RESERVED.values() for alias in aliases[:1]]
        raise BallotFileError(
            "header.unknown_list",
            file=sheet.source,
            row=1,
            column=short(heading),
            suggestion=closest(_header_key(heading), known) or ", ".join(known),
        )
    rows = _RowReader(sheet, election, columns)
    matchers = {c.id: NameMatcher(c) for c in election.contests}
    choices_index = columns.reserved["choices"]
    for number, cells in rows.rows():
        contest, ballot_id, round_number, declared, voter = rows.common(number, cells)
        matcher = matchers[contest.id]
        chosen: set[str] = set()
        for piece in _cell(cells, choices_index).split(";"):
            text = clean(piece)
            if not text:
                continue
            candidate_id = matcher.match(text)
            if candidate_id is None:
                _check_legacy(sheet.source, number, cells)
                raise BallotFileError(
                    "row.unknown_candidate",
                    file=sheet.source,
                    row=number,
                    value=short(text),
                    contest=contest.id,
                    suggestions="; ".join(matcher.suggest(text)),
                )
            if candidate_id in chosen:
                raise BallotFileError(
                    "row.named_twice",
                    file=sheet.source,
                    row=number,
                    value=short(text),
                    id=candidate_id,
                )
            chosen.add(candidate_id)
        yield Ballot(
            contest.id, round_number, ballot_id, frozenset(chosen), False, declared, sheet.source, number, voter
        )


def _read_wide(sheet: Sheet, election: Election, columns: _Columns) -> Iterator[Ballot]:
    source = sheet.source
    # For each contest: column index -> candidate id.  A heading must name a candidate of some contest.
    per_contest: dict[str, dict[int, str]] = {c.id: {} for c in election.contests}
    matchers = {c.id: NameMatcher(c) for c in election.contests}
    for index, heading in columns.others:
        found = False
        for contest in election.contests:
            candidate_id = matchers[contest.id].match(heading)
            if candidate_id is None:
                continue
            found = True
            if candidate_id in per_contest[contest.id].values():
                raise BallotFileError(
                    "header.candidate_twice",
                    file=source,
                    row=1,
                    column=short(heading),
                    id=candidate_id,
                )
            per_contest[contest.id][index] = candidate_id
        if not found:
            _check_legacy(source, 1, sheet.header)
            raise BallotFileError(
                "header.unknown_candidate",
                file=source,
                row=1,
                column=short(heading),
                suggestions="; ".join(suggest_names(heading, list(election.contests))),
            )
    rows = _RowReader(sheet, election, columns)
    if rows.fixed is None and "contest" not in columns.reserved:
        complete = [
            c
            for c in election.contests
            if set(per_contest[c.id].values()) == set(c.ids) and len(per_contest[c.id]) == len(columns.others)
        ]
        if len(complete) == 1:
            rows.fixed = complete[0]
    checked: set[str] = set()
    for number, cells in rows.rows():
        contest, ballot_id, round_number, declared, voter = rows.common(number, cells)
        mapping = per_contest[contest.id]
        if contest.id not in checked:
            missing = [c for c in contest.candidates if c.id not in mapping.values()]
            if missing:
                raise BallotFileError(
                    "header.missing_candidate",
                    file=source,
                    row=1,
                    contest=contest.id,
                    names="; ".join(f"{c.name} ({c.id})" for c in missing),
                )
            checked.add(contest.id)
        marks: set[str] = set()
        for index, heading in columns.others:
            cell = _cell(cells, index)
            if not is_mark(cell):
                continue
            candidate_id = mapping.get(index)
            if candidate_id is None:
                raise BallotFileError(
                    "row.mark_other_contest",
                    file=source,
                    row=number,
                    column=short(heading),
                    contest=contest.id,
                )
            marks.add(candidate_id)
        yield Ballot(
            contest.id,
            round_number,
            ballot_id,
            frozenset(marks),
            contest.style == "strike",
            declared,
            source,
            number,
            voter,
        )

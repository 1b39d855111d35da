"""Reading score sheets (.csv, .tsv, .xlsx): one row per scorer and unit, a column per criterion.

Files are read by the ballot files' readers (:mod:`emulation_vote.ballots.tabular`: encodings,
byte-order marks, legacy fonts, workbooks), and headings and names are compared under the same
normalisation (:func:`emulation_vote.text.name_key`).  Every error of every file is collected in
one pass and raised together as :class:`ScoreSheetErrors`, each with its file, row (as the
spreadsheet shows it) and column; nothing is scored from sheets with an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from emulation_vote.ballots.matching import suggest_names
from emulation_vote.election import Candidate
from emulation_vote.errors import EmulationVoteError, ScoreSheetError
from emulation_vote.scoring.model import BOARD, HEADINGS, ScoringRule, parse_points, points_text
from emulation_vote.scoring.record import Notice, ScoreRow
from emulation_vote.text import clean, closest, name_key, short, strip_accents

BOARD_SPELLINGS = ("board", "Thường trực", "Thường trực Khối", "Ban Thường trực", "Thường trực Cụm")
"""How a sheet may name the block's standing board as the scorer."""
SIGNIFICANT = 15
"""Excel keeps 15 significant digits: a computed cell (38.300000000000004) is read as Excel shows it."""


class ScoreSheetErrors(ScoreSheetError):
    """Every error found in the score sheets, in file and row order (:attr:`errors`); it stands as the first."""

    def __init__(self, errors: Sequence[EmulationVoteError]) -> None:
        """Keep ``errors`` (at least one)."""
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.key, file=first.file, row=first.row, **first.params)


@dataclass(frozen=True)
class SheetRows:
    """What the sheets hold once read and checked: the rows, the notices, the files read."""

    rows: tuple[ScoreRow, ...]
    notices: tuple[Notice, ...]
    sources: tuple[str, ...]


def _heading_key(text: str) -> str:
    return name_key(text.replace("_", " "))


_ROLES = {_heading_key(word): role for role, words in HEADINGS.items() for word in words}


class _Names:
    """Finds a unit (or the board) by id, name or alias; without diacritics when exactly one fits."""

    def __init__(self, units: Sequence[Candidate]) -> None:
        self.units = tuple(units)
        self.exact: dict[str, str] = {}
        plain: dict[str, set[str]] = {}
        for unit in units:
            for spelling in unit.spellings():
                self.exact[name_key(spelling)] = unit.id
                plain.setdefault(strip_accents(spelling), set()).add(unit.id)
        self.plain = {key: next(iter(ids)) for key, ids in plain.items() if len(ids) == 1}
        self.board = {name_key(word) for word in BOARD_SPELLINGS}

    def match(self, text: str, board: bool) -> tuple[str | None, bool]:
        """Return (the unit id or "board", whether it matched only without diacritics)."""
        key = name_key(text)
        if board and key in self.board:
            return BOARD, False
        if key in self.exact:
            return self.exact[key], False
        found = self.plain.get(strip_accents(text))
        return found, found is not None

    def suggest(self, text: str) -> list[str]:
        """Return up to three units ("Name (ID)") close to ``text``, closest first: none rather than a guess."""
        return suggest_names(text, self.units, cutoff=0.5)  # a sheet's short forms ("Ban Tuyen") are further off


@dataclass(frozen=True)
class _Plan:
    scorer: int
    unit: int
    criteria: tuple[int, ...]
    bonus: int | None
    penalty: int | None
    note: int | None
    total: int | None
    used: frozenset[int]


def _plan(header: list[str], rule: ScoringRule, source: str, errors: list[EmulationVoteError]) -> _Plan | None:
    criteria = {_heading_key(spelling): c.id for c in rule.criteria for spelling in c.spellings()}
    roles: dict[str, int] = {}
    columns: dict[str, int] = {}
    ok = True
    for index, cell in enumerate(header):
        text = clean(cell)
        if not text:
            continue
        key = _heading_key(text)
        target = criteria.get(key)
        role = _ROLES.get(key)
        name = target or role
        if name is None:
            words = [*criteria, *_ROLES]
            hint = closest(key, words)
            suggestion = criteria.get(hint) or hint if hint else ", ".join(c.id for c in rule.criteria)
            errors.append(
                ScoreSheetError("scores.unknown_column", file=source, row=1, column=short(text), suggestion=suggestion)
            )
            ok = False
            continue
        seen = columns if target else roles
        if name in seen:
            errors.append(ScoreSheetError("scores.column_twice", file=source, row=1, column=short(text)))
            ok = False
            continue
        seen[name] = index
    for role in ("scorer", "unit"):
        if role not in roles:
            errors.append(ScoreSheetError(f"scores.no_{role}_column", file=source, row=1))
            ok = False
    missing = [c.id for c in rule.criteria if c.id not in columns]
    if missing:
        errors.append(ScoreSheetError("scores.no_criterion_column", file=source, row=1, criteria=", ".join(missing)))
        ok = False
    if not ok:
        return None
    criteria_columns = tuple(columns[c.id] for c in rule.criteria)
    used = frozenset([*roles.values(), *criteria_columns])
    return _Plan(
        scorer=roles["scorer"],
        unit=roles["unit"],
        criteria=criteria_columns,
        bonus=roles.get("bonus"),
        penalty=roles.get("penalty"),
        note=roles.get("note"),
        total=roles.get("total"),
        used=used,
    )


def parse_score(text: str) -> Fraction:
    """Parse a score cell (``38,5`` = ``38.5``), as Excel shows it: at most 15 significant digits.

    Raises :class:`ValueError` for text that is not a number.

    >>> parse_score("38,5"), parse_score("38.300000000000004")
    (Fraction(77, 2), Fraction(383, 10))
    """
    value = parse_points(text)
    digits = text.strip().lstrip("+-").replace(",", ".").replace(".", "").lstrip("0")
    if len(digits) > SIGNIFICANT and "e" not in text.lower():
        from decimal import Context, Decimal

        exact = Decimal(value.numerator) / Decimal(value.denominator)
        value = Fraction(Context(prec=SIGNIFICANT).plus(exact))
    return value


class _RowReader:
    def __init__(
        self, rule: ScoringRule, names: _Names, source: str, errors: list[EmulationVoteError], strict: bool = False
    ) -> None:
        self.strict = strict
        self.unplaced = 0
        self.rule = rule
        self.names = names
        self.source = source
        self.errors = errors
        self.notices: list[Notice] = []
        self.width = 0

    def error(self, key: str, row: int, **params: Any) -> None:
        self.errors.append(ScoreSheetError(key, file=self.source, row=row, **params))

    def who(self, text: str, row: int, role: str) -> str | None:
        if not text:
            self.error(f"scores.no_{role}", row)
            return None
        found, plain = self.names.match(text, board=role == "scorer")
        if found is None or (plain and self.strict):
            near = self.names.suggest(text)
            if near:
                self.error(f"scores.unknown_{role}", row, value=short(text), suggestion=", ".join(near))
            else:
                ids = ", ".join(unit.id for unit in self.names.units)
                self.error(f"scores.unknown_{role}_none", row, value=short(text), ids=ids)
            return None
        if plain:
            self.notices.append(
                Notice(self.source, row, "matched_without_diacritics", (("text", text), ("candidate", found)))
            )
        return found

    def number(self, text: str, row: int, column: str, cap: Fraction | None, key: str) -> Fraction | None:
        try:
            value = parse_score(text)
        except ValueError:
            self.error("scores.bad_number", row, column=column, value=short(text))
            return None
        if value < 0:
            self.error("scores.negative", row, column=column, value=short(text))
            return None
        if cap is not None and value > cap:
            self.error(key, row, column=column, value=short(text), maximum=points_text(cap))
            return None
        return value

    def read(self, number: int, cells: list[str], plan: _Plan) -> tuple[tuple[str, str] | None, ScoreRow | None]:
        """Return the row's (scorer, unit) pair when both are known, and the row when it has no error."""

        def cell(index: int | None) -> str:
            return clean(cells[index]) if index is not None and index < len(cells) else ""

        if not any(clean(c) for i, c in enumerate(cells) if i in plan.used or i == plan.total):
            return None, None
        extra = [i for i, c in enumerate(cells) if i >= self.width and clean(c)]
        if extra:
            self.error("scores.extra_cells", number, value=short(clean(cells[extra[0]])))
        scorer = self.who(cell(plan.scorer), number, "scorer")
        unit = self.who(cell(plan.unit), number, "unit")
        if unit == BOARD:
            unit = None
        points: list[Fraction] = []
        for criterion, index in zip(self.rule.criteria, plan.criteria, strict=True):
            text = cell(index)
            if not text:
                self.error("scores.no_points", number, column=criterion.id)
                continue
            value = self.number(text, number, criterion.id, criterion.max, "scores.above_max")
            if value is not None:
                points.append(value)
        bonus = self._extra(cell(plan.bonus), number, "bonus", self.rule.bonus_max)
        penalty = self._extra(cell(plan.penalty), number, "penalty", self.rule.penalty_max)
        if scorer is None or unit is None:
            self.unplaced += 1  # a row whose pair is unknown: no pair can then be said to be missing
            return None, None
        pair = (scorer, unit)
        if bonus is None or penalty is None or len(points) != len(plan.criteria) or extra:
            return pair, None
        row = ScoreRow(scorer, unit, tuple(points), bonus, penalty, self.source, number, cell(plan.note))
        typed = cell(plan.total)
        if typed:
            try:
                total = parse_score(typed)
            except ValueError:
                self.error("scores.bad_number", number, column="total", value=short(typed))
                return pair, None
            if total != row.total:
                self.error("scores.total_mismatch", number, value=short(typed), computed=points_text(row.total))
                return pair, None
        return pair, row

    def _extra(self, text: str, row: int, column: str, cap: Fraction | None) -> Fraction | None:
        if not text:
            return Fraction(0)
        return self.number(text, row, column, cap, f"scores.{column}_above_cap")


def read_score_sheets(
    paths: Sequence[str | Path],
    rule: ScoringRule,
    units: Sequence[Candidate],
    encoding: str | None = None,
    sheet: str | None = None,
    strict_names: bool = False,
) -> SheetRows:
    """Read every score sheet and check every row; raise :class:`ScoreSheetErrors` with all the errors found.

    Checked here: the headings, each cell (a number, from 0 to its criterion's max or its cap), the
    scorer and unit names, a (scorer, unit) pair given twice (across files too), and a typed
    ``total`` that differs from the row's.  What the rule needs of the rows as a whole (every pair)
    is checked by :func:`emulation_vote.scoring.engine.check_rows`, whose errors join these.
    A name typed without its diacritics that fits one unit is read as it, with a notice, unless
    ``strict_names`` (then it is an unknown name).
    """
    from emulation_vote.ballots.tabular import read_sheet
    from emulation_vote.scoring.engine import check_rows

    errors: list[EmulationVoteError] = []
    notices: list[Notice] = []
    rows: list[ScoreRow] = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    names = _Names(units)
    sources = []
    whole = True  # every file was read to its end: only then can a pair be said to be missing
    for path in paths:
        source = str(path)
        sources.append(source)
        try:
            table = read_sheet(Path(path), source, encoding, sheet)
            plan = _plan(table.header, rule, source, errors)
            if plan is None:
                whole = False
                continue
            reader = _RowReader(rule, names, source, errors, strict_names)
            reader.width = len(table.header)
            for number, cells in table.rows:
                pair, row = reader.read(number, cells, plan)
                if pair is None:
                    continue
                first = seen.get(pair)
                if first is not None:
                    errors.append(
                        ScoreSheetError(
                            "scores.duplicate_pair",
                            file=source,
                            row=number,
                            scorer=pair[0],
                            unit=pair[1],
                            first=f"{first[0]}:{first[1]}",
                        )
                    )
                    continue
                seen[pair] = (source, number)
                if row is not None:
                    rows.append(row)
            notices.extend(reader.notices)
            whole = whole and not reader.unplaced
        except EmulationVoteError as error:
            errors.append(error)
            whole = False
    if not seen and not errors:
        errors.append(ScoreSheetError("scores.no_rows"))
    elif seen and whole:
        # Rows with a bad cell still say which pair they score: no pair is reported missing for them.
        zero = tuple(Fraction(0) for _ in rule.criteria)
        missing, _ = check_rows(rule, units, [ScoreRow(scorer, unit, zero) for scorer, unit in sorted(seen)])
        errors.extend(missing)
    if errors:
        raise ScoreSheetErrors(errors)
    return SheetRows(tuple(rows), tuple(notices), tuple(sources))

"""The block's score table and the rule that combines the scores: ``[scoring]`` of the election file.

:func:`parse_scoring` checks the table and returns a frozen :class:`ScoringRule`.  It reads through
the election file's own key reader (passed in, so the checks and messages are the election
file's: an unknown key with the closest one, a wrong type, a missing key), and adds the rule's own
checks: weights that add up to 1, a tie criterion that exists, trim not negative.  Numbers of
points are exact (:class:`~fractions.Fraction`) from a decimal string or an integer, never a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Protocol

from emulation_vote.errors import ElectionFileError
from emulation_vote.text import clean, closest, name_key

KINDS = ("self", "cross", "board")
"""The kinds of score, in the order they are reported."""
BOARD = "board"
"""The scorer written for the block's standing board (Thường trực Khối)."""
SHARED = "shared"
_KEYS = (
    "scorers",
    "weights",
    "exclude_self",
    "trim",
    "decimals",
    "tie",
    "bonus_max",
    "penalty_max",
    "criterion",
)
_CRITERION_KEYS = ("id", "title", "max", "group", "aliases")
_ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
MAX_DECIMALS = 6


class TableReader(Protocol):
    """What :func:`parse_scoring` needs of the election file's key reader."""

    def fail(self, message: str, /, **params: Any) -> ElectionFileError:
        """Return the election-file error ``message`` with ``params``."""

    def check_keys(self, table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        """Raise for a key of ``table`` not in ``known``."""

    def table(self, value: Any, where: str) -> dict[str, Any]:
        """Return ``value`` if it is a table, else raise."""

    def string(self, table: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
        """Return a string key, cleaned."""

    def integer(self, table: dict[str, Any], key: str, where: str, minimum: int = 0) -> int | None:
        """Return an integer key at least ``minimum``."""

    def boolean(self, table: dict[str, Any], key: str, where: str, default: bool) -> bool:
        """Return a boolean key."""


@dataclass(frozen=True)
class Criterion:
    """One line of the score table: its id, title, maximum points and optional group (for sub-totals)."""

    id: str
    title: str
    max: Fraction
    group: str | None = None
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Return every accepted column heading: the id, the title and the aliases."""
        return (self.id, self.title, *self.aliases)


@dataclass(frozen=True)
class ScoringRule:
    """How the score sheets become a ranking (FORMATS §6.1, §6.3)."""

    criteria: tuple[Criterion, ...]
    scorers: tuple[str, ...] = ("self",)
    weights: tuple[tuple[str, Fraction], ...] = (("self", Fraction(1)),)
    exclude_self: bool = True
    trim: int = 0
    decimals: int = 2
    tie: str = SHARED
    bonus_max: Fraction | None = None
    penalty_max: Fraction | None = None

    def weight(self, kind: str) -> Fraction:
        """Return the weight of ``kind`` (0 for a kind that does not count)."""
        return dict(self.weights).get(kind, Fraction(0))

    @property
    def groups(self) -> tuple[str, ...]:
        """The criteria's groups, in the order first named."""
        seen: list[str] = []
        for criterion in self.criteria:
            if criterion.group is not None and criterion.group not in seen:
                seen.append(criterion.group)
        return tuple(seen)

    @property
    def full_marks(self) -> Fraction:
        """The sum of every criterion's maximum (the table's "out of")."""
        return sum((c.max for c in self.criteria), Fraction(0))

    def criterion(self, criterion_id: str) -> Criterion:
        """Return the criterion with id ``criterion_id``."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class FromScores:
    """A contest whose candidates are the units the ranking puts first (FORMATS §6.5).

    ``top``: the units ranked 1 to ``top``, plus any unit sharing rank ``top``; ``min_total``: the
    units whose published total is at least ``min_total``.  Exactly one of the two is set.
    """

    top: int | None = None
    min_total: Fraction | None = None


def parse_from_scores(reader: TableReader, value: dict[str, Any], where: str) -> FromScores:
    """Check a contest's ``candidates = { from_scores = true, top = 3 }`` (or ``min_total = "90"``)."""
    reader.check_keys(value, ("from_scores", "top", "min_total"), f"{where}.")
    if value.get("from_scores") is not True:
        raise reader.fail("scoring.from_scores", key=f"{where}.from_scores")
    top = reader.integer(value, "top", f"{where}.", minimum=1)
    min_total = _points(reader, value, "min_total", f"{where}.", positive=False)
    if (top is None) == (min_total is None):
        raise reader.fail("scoring.top_or_min", key=where)
    return FromScores(top=top, min_total=min_total)


def parse_points(text: str) -> Fraction:
    """Parse points written as a decimal with ``.`` or ``,`` as the decimal mark (``"38,5"`` = 38.5).

    Raises :class:`ValueError` for anything else (also for a value holding both marks, which could
    be a thousands separator and is ambiguous).

    >>> parse_points("38,5")
    Fraction(77, 2)
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if not raw or ("," in raw and "." in raw) or raw.count(",") > 1:
        raise ValueError(text)
    raw = raw.replace(",", ".")
    if not re.fullmatch(r"[+-]?([0-9]{1,30}(\.[0-9]{0,30})?|\.[0-9]{1,30})", raw):
        # No exponent, and a bounded number of digits: "1e99999999" would take minutes to expand.
        raise ValueError(text)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(text) from None
    return Fraction(value)


def points_text(value: Fraction) -> str:
    """Return an exact decimal for a value read with :func:`parse_points` ("40", "12.5")."""
    if value.denominator == 1:
        return str(value.numerator)
    digits = 0
    while (value * 10**digits).denominator != 1 and digits < 30:
        digits += 1
    scaled = value * 10**digits
    if scaled.denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    sign = "-" if scaled < 0 else ""
    text = str(abs(scaled.numerator)).rjust(digits + 1, "0")
    return f"{sign}{text[:-digits]}.{text[-digits:]}"


def _points(reader: TableReader, table: dict[str, Any], key: str, where: str, positive: bool) -> Fraction | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise reader.fail("scoring.bad_points", key=f"{where}{key}", value=str(value))
    try:
        points = parse_points(str(value))
    except ValueError:
        raise reader.fail("scoring.bad_points", key=f"{where}{key}", value=str(value)) from None
    if points < 0 or (positive and points == 0):
        raise reader.fail("scoring.bad_points", key=f"{where}{key}", value=str(value))
    return points


def parse_weight(text: str) -> Fraction:
    """Parse a weight: a fraction ``"3/10"``, a percentage ``"30%"``, a decimal ``"0.3"`` or an integer.

    Raises :class:`ValueError` for anything else or a weight outside 0..1.

    >>> parse_weight("30%"), parse_weight("7/10"), parse_weight("1")
    (Fraction(3, 10), Fraction(7, 10), Fraction(1, 1))
    """
    raw = text.strip()
    if raw.endswith("%"):
        value = parse_points(raw[:-1]) / 100
    elif "/" in raw:
        top, bottom = raw.split("/", 1)
        if not (top.strip().isdigit() and bottom.strip().isdigit()) or int(bottom) == 0:
            raise ValueError(text)
        value = Fraction(int(top), int(bottom))
    else:
        value = parse_points(raw)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


def _weight(reader: TableReader, value: Any, key: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise reader.fail("scoring.bad_weight", key=key, value=str(value))
    try:
        return parse_weight(str(value))
    except ValueError:
        raise reader.fail("scoring.bad_weight", key=key, value=str(value)) from None


def parse_scoring(reader: TableReader, value: Any) -> ScoringRule:
    """Check the ``[scoring]`` table ``value`` and return its :class:`ScoringRule`."""
    where = "scoring."
    table = reader.table(value, "scoring")
    reader.check_keys(table, _KEYS, where)
    criteria = _criteria(reader, table.get("criterion"))
    scorers_raw = table.get("scorers", ["self"])
    if isinstance(scorers_raw, str):
        scorers_raw = [scorers_raw]
    if not isinstance(scorers_raw, list) or not scorers_raw or not all(isinstance(s, str) for s in scorers_raw):
        raise reader.fail("election.type", key=f"{where}scorers", expected="array of strings", found="other")
    scorers: list[str] = []
    for item in scorers_raw:
        kind = item.strip().lower()
        if kind not in KINDS:
            raise reader.fail(
                "election.bad_choice",
                key=f"{where}scorers",
                value=item,
                suggestion=closest(kind, KINDS) or KINDS[0],
                choices=", ".join(KINDS),
            )
        if kind in scorers:
            raise reader.fail("scoring.scorer_twice", key=f"{where}scorers", value=item)
        scorers.append(kind)
    scorers.sort(key=KINDS.index)
    weights = _weights(reader, table.get("weights"), scorers)
    trim = reader.integer(table, "trim", where, minimum=0) or 0
    if trim and "cross" not in scorers:
        raise reader.fail("scoring.trim_without_cross", key=f"{where}trim")
    decimals = reader.integer(table, "decimals", where, minimum=0)
    decimals = 2 if decimals is None else decimals
    if decimals > MAX_DECIMALS:
        raise reader.fail("scoring.decimals_high", key=f"{where}decimals", value=decimals, maximum=MAX_DECIMALS)
    tie = reader.string(table, "tie", where) or SHARED
    if tie != SHARED:
        match = next((c.id for c in criteria if name_key(c.id) == name_key(tie)), None)
        if match is None:
            choices = (SHARED, *(c.id for c in criteria))
            raise reader.fail(
                "scoring.bad_tie", key=f"{where}tie", value=tie, suggestion=closest(tie, choices) or SHARED
            )
        tie = match
    return ScoringRule(
        criteria=criteria,
        scorers=tuple(scorers),
        weights=weights,
        exclude_self=reader.boolean(table, "exclude_self", where, True),
        trim=trim,
        decimals=decimals,
        tie=tie,
        bonus_max=_points(reader, table, "bonus_max", where, positive=False),
        penalty_max=_points(reader, table, "penalty_max", where, positive=False),
    )


def _weights(reader: TableReader, value: Any, scorers: list[str]) -> tuple[tuple[str, Fraction], ...]:
    where = "scoring.weights"
    if value is None:
        if len(scorers) > 1:
            raise reader.fail("scoring.weights_missing", key=where, kinds=", ".join(scorers))
        return ((scorers[0], Fraction(1)),)
    table = reader.table(value, where)
    reader.check_keys(table, KINDS, f"{where}.")
    weights: dict[str, Fraction] = {}
    for kind, raw in table.items():
        if kind not in scorers:
            raise reader.fail("scoring.weight_not_scorer", key=f"{where}.{kind}", kind=kind)
        weights[kind] = _weight(reader, raw, f"{where}.{kind}")
    missing = [kind for kind in scorers if kind not in weights]
    if missing:
        raise reader.fail("scoring.weight_missing", key=f"{where}.{missing[0]}", kind=missing[0])
    total = sum(weights.values(), Fraction(0))
    if total != 1:
        raise reader.fail("scoring.weights_sum", key=where, total=f"{total.numerator}/{total.denominator}")
    return tuple((kind, weights[kind]) for kind in scorers)


def _criteria(reader: TableReader, value: Any) -> tuple[Criterion, ...]:
    if value is None:
        raise reader.fail("election.missing", key="scoring.criterion")
    if not isinstance(value, list) or not value:
        raise reader.fail("election.type", key="scoring.criterion", expected="array of tables", found="other")
    criteria: list[Criterion] = []
    owners: dict[str, str] = {}
    reserved = {name_key(word): word for word in _RESERVED}
    for index, item in enumerate(value, 1):
        where = f"scoring.criterion[{index}]."
        table = reader.table(item, where.rstrip("."))
        reader.check_keys(table, _CRITERION_KEYS, where)
        criterion_id = reader.string(table, "id", where, required=True) or ""
        if not _ID_RE.match(criterion_id):
            raise reader.fail("scoring.bad_criterion_id", key=f"{where}id", value=criterion_id)
        title = reader.string(table, "title", where) or criterion_id
        maximum = _points(reader, table, "max", where, positive=True)
        if maximum is None:
            raise reader.fail("election.missing", key=f"{where}max")
        aliases_raw = table.get("aliases", [])
        if not isinstance(aliases_raw, list) or not all(isinstance(a, str) for a in aliases_raw):
            raise reader.fail("election.type", key=f"{where}aliases", expected="array of strings", found="other")
        criterion = Criterion(
            id=criterion_id,
            title=title,
            max=maximum,
            group=reader.string(table, "group", where) or None,
            aliases=tuple(clean(a) for a in aliases_raw if clean(a)),
        )
        if any(c.id == criterion_id for c in criteria):
            raise reader.fail("scoring.duplicate_criterion", key=f"{where}id", value=criterion_id)
        for spelling in set(criterion.spellings()):
            key = name_key(spelling)
            if key in reserved:
                raise reader.fail("scoring.reserved_heading", key=where.rstrip("."), value=spelling)
            if key in owners and owners[key] != criterion_id:
                raise reader.fail("scoring.same_heading", key=where.rstrip("."), value=spelling, other=owners[key])
            owners[key] = criterion_id
        criteria.append(criterion)
    return tuple(criteria)


HEADINGS: dict[str, tuple[str, ...]] = {
    "scorer": ("scorer", "Đơn vị chấm", "Người chấm", "Bên chấm"),
    "unit": ("unit", "Đơn vị", "Đơn vị được chấm", "Tên đơn vị"),
    "bonus": ("bonus", "Điểm cộng", "Điểm thưởng"),
    "penalty": ("penalty", "Điểm trừ"),
    "note": ("note", "Ghi chú"),
    "total": ("total", "Tổng", "Tổng điểm", "Tổng cộng"),
    "number": ("STT", "TT", "No", "No."),
}
"""The column headings of a score sheet that are not criteria, by role (compared after normalisation).
A criterion may not be named like one of them."""
_RESERVED = tuple(word for words in HEADINGS.values() for word in words)

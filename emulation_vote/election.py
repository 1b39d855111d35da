"""The election file (TOML) and the frozen models it becomes.

:func:`load_election` reads one conference: the meeting, the electorate's paper figures,
the vote-counting committee and the contests with their rules and candidates.  Every
problem (bad TOML, an unknown key, a wrong type, an inconsistent rule) raises
:class:`~emulation_vote.errors.ElectionFileError` naming the key and, where there is one,
the closest valid key or value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from emulation_vote.errors import ElectionFileError
from emulation_vote.output import read_input
from emulation_vote.scoring.model import FromScores, ScoringRule, parse_from_scores, parse_scoring
from emulation_vote.text import clean, closest, name_key
from emulation_vote.vocab import BlankRule, Header, Style, ThresholdBase, TieRule

HEAD_ROLES = ("Trưởng ban", "Head", "Chair")
_ID_RE = re.compile(r"^[a-z0-9-]+$")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:hH]([0-5]\d)$")

Word = TypeVar("Word", bound=StrEnum)


@dataclass(frozen=True)
class Meeting:
    """Where and when the conference met, and whose minutes these are (every field optional)."""

    title: str | None = None
    organization: str | None = None
    header: Header = Header.party
    place: str | None = None
    date: dt.date | None = None
    time: str | None = None
    number: str | None = None
    superior: str | None = None
    chair: tuple[str, ...] = ()
    secretary: str | None = None
    recipients: tuple[str, ...] = ()
    copies: int | None = None
    closing_time: str | None = None
    organization_breaks: tuple[str, ...] = ()
    superior_breaks: tuple[str, ...] = ()

    def organization_lines(self) -> tuple[str, ...]:
        """Return the organisation's name as the secretary broke it into lines (empty when not given).

        ``organization`` itself is the name on one line (the breaks become spaces), as the ballot
        papers and their fingerprint take it; only the minutes' header breaks it.
        """
        return self.organization_breaks or ((self.organization,) if self.organization else ())

    def superior_lines(self) -> tuple[str, ...]:
        """Return the superior body's name as the secretary broke it into lines (empty when not given)."""
        return self.superior_breaks or ((self.superior,) if self.superior else ())


@dataclass(frozen=True)
class Electorate:
    """The paper process's figures: delegates convened and present, ballots issued and collected."""

    convened: int | None = None
    present: int | None = None
    issued: int | None = None
    collected: int | None = None

    def figure(self, name: str) -> int | None:
        """Return the figure called ``name`` ("convened", "present", "issued" or "collected")."""
        value: int | None = getattr(self, name)
        return value

    @property
    def absent(self) -> int | None:
        """Delegates convened but not present (None when either figure is missing)."""
        if self.convened is None or self.present is None:
            return None
        return self.convened - self.present


@dataclass(frozen=True)
class CommitteeMember:
    """One member of the vote-counting committee (Ban kiểm phiếu)."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class Unit:
    """A member unit of the block, from the top-level ``[[unit]]`` list that contests share."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Return every accepted spelling: the id, the name and the aliases."""
        return (self.id, self.name, *self.aliases)


@dataclass(frozen=True)
class Candidate:
    """A unit that can be voted for; ``number`` is its 1-based place on the ballot paper."""

    id: str
    name: str
    number: int
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Return every accepted spelling: the id, the name and the aliases."""
        return (self.id, self.name, *self.aliases)


@dataclass(frozen=True)
class Threshold:
    """The share of a base a candidate's votes must pass (``strict``) or reach to be eligible."""

    share: Fraction = Fraction(1, 2)
    share_text: str = "1/2"
    strict: bool = True
    of: ThresholdBase = ThresholdBase.valid


@dataclass(frozen=True)
class Contest:
    """One vote of the conference: its rules and its candidates in ballot order."""

    id: str
    title: str
    seats: int
    max_marks: int
    min_marks: int
    candidates: tuple[Candidate, ...]
    style: Style = Style.tick
    blank: BlankRule = BlankRule.invalid
    tie: TieRule = TieRule.runoff
    priority: tuple[str, ...] = ()
    threshold: Threshold = field(default_factory=Threshold)
    secret: bool = True
    max_marks_given: bool = False
    electorate: Electorate | None = None
    """This contest's own figures (the ``[electorate]`` ones overridden key by key), or None to use those."""
    from_scores: FromScores | None = None
    """Candidates taken from the ranking by scores: as read, every unit; narrowed once the scores are known."""
    scores: tuple[tuple[str, Decimal], ...] = ()
    """The candidates' published score totals, when the scores are given (for ``tie = "score"``)."""
    scores_fingerprint: str | None = None
    """The fingerprint of the scores the candidates or the tie rule were taken from."""

    def candidate(self, candidate_id: str) -> Candidate:
        """Return the candidate with id ``candidate_id`` (KeyError when none has it)."""
        return self._by_id[candidate_id]

    @functools.cached_property
    def _by_id(self) -> dict[str, Candidate]:
        return {candidate.id: candidate for candidate in self.candidates}

    @functools.cached_property
    def ids(self) -> tuple[str, ...]:
        """The candidate ids in ballot order (made once)."""
        return tuple(c.id for c in self.candidates)

    def marks_allowed(self, round_number: int, seats: int) -> tuple[int, int]:
        """Return (most, fewest) candidates a valid ballot may choose in round ``round_number`` for ``seats``.

        Round 1 follows the contest's ``max_marks`` and ``min_marks``.  A runoff round allows as many
        choices as the seats it fills (``seats``), unless the election file fixed ``max_marks``; it never
        asks for more choices than it allows.

        >>> contest = Contest("c", "C", seats=3, max_marks=3, min_marks=2, candidates=())
        >>> contest.marks_allowed(1, 3), contest.marks_allowed(2, 1)
        ((3, 2), (1, 1))
        """
        if round_number == 1:
            return self.max_marks, self.min_marks
        most = self.max_marks if self.max_marks_given else seats
        return most, min(self.min_marks, most)


@dataclass(frozen=True)
class Election:
    """One conference: the meeting, the electorate, the committee and the contests."""

    meeting: Meeting
    electorate: Electorate
    committee: tuple[CommitteeMember, ...]
    contests: tuple[Contest, ...]
    source: str = ""
    units: tuple[Unit, ...] = ()
    scoring: ScoringRule | None = None

    def committee_head(self) -> tuple[CommitteeMember | None, tuple[CommitteeMember, ...]]:
        """Return the head of the vote-counting committee and the other members, in file order.

        The head is the first member whose role says so ("Trưởng ban", "Head", "Chair", however
        accented or cased), else the first member; None when there is no committee.
        """
        heads = {name_key(role) for role in HEAD_ROLES}
        head = next(
            (m for m in self.committee if name_key(m.role) in heads), self.committee[0] if self.committee else None
        )
        return head, tuple(m for m in self.committee if m is not head)

    def contest(self, contest_id: str) -> Contest:
        """Return the contest with id ``contest_id``."""
        for contest in self.contests:
            if contest.id == contest_id:
                return contest
        raise KeyError(contest_id)

    def figures(self, contest: Contest) -> Electorate:
        """Return the electorate figures that hold for ``contest``: its own where it has them, else the election's."""
        return contest.electorate if contest.electorate is not None else self.electorate


def _closest_keys(word: str, known: tuple[str, ...]) -> list[str]:
    """Return the one key closest to ``word``, and a second one only when it is about as close."""
    scored = sorted(((difflib.SequenceMatcher(None, word, k).ratio(), k) for k in known), reverse=True)
    near = [(ratio, k) for ratio, k in scored if ratio >= 0.5][:2]
    if len(near) == 2 and near[1][0] < near[0][0] - 0.05:
        near = near[:1]
    return [k for _ratio, k in near]


_SHARE_FORM = re.compile(r"\d{1,12}(\.\d{1,12})?\s*%|\d{1,12}\s*/\s*\d{1,12}|\d{1,12}(\.\d{1,12})?")


def parse_share(text: str) -> Fraction:
    """Parse a threshold share: a fraction ``"a/b"``, a percentage ``"70%"`` or a decimal ``"0.5"``.

    Raises :class:`ValueError` for anything else or a share outside 0..1.
    """
    raw = text.strip().replace(",", ".")
    if not _SHARE_FORM.fullmatch(raw):
        # Only the plain written forms: an exponent such as 1e-999999999 would take minutes to expand.
        raise ValueError(text)
    if raw.endswith("%"):
        value = Fraction(Decimal(raw[:-1].strip())) / 100
    elif "/" in raw:
        top, bottom = raw.split("/", 1)
        value = Fraction(int(top.strip()), int(bottom.strip()))
    else:
        value = Fraction(Decimal(raw))
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


class _Reader:
    """Walks the parsed TOML, checking keys and types, raising errors that name the key path."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, /, **params: Any) -> ElectionFileError:
        return ElectionFileError(message, file=self.path, **params)

    def check_keys(self, table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in table:
            if key not in known:
                near = _closest_keys(key, known)
                if near:
                    raise self.fail("election.unknown_key", key=f"{where}{key}", suggestion="' / '".join(near))
                raise self.fail("election.unknown_key_none", key=f"{where}{key}", known=", ".join(known))

    def lines(self, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        """Return a string's lines, each cleaned, empty lines dropped (empty when the key is absent)."""
        value = table.get(key)
        if value is None:
            return ()
        if not isinstance(value, str):
            raise self.fail("election.type", key=f"{where}{key}", expected="string", found=_type_name(value))
        kept = [clean(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        return tuple(line for line in kept if line)

    def strings(self, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        """Return a string or an array of strings as a tuple of cleaned, non-empty strings."""
        value = table.get(key)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise self.fail("election.type", key=f"{where}{key}", expected="array of strings", found=_type_name(value))
        return tuple(text for text in (clean(item) for item in items) if text)

    def clock(self, table: dict[str, Any], key: str, where: str) -> str | None:
        """Return a time of day as "HH:MM", from "14:30", "14h30" or a TOML time."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dt.time):
            return f"{value.hour:02d}:{value.minute:02d}"
        match = _TIME_RE.match(value.strip()) if isinstance(value, str) else None
        if not match:
            raise self.fail("election.bad_time", key=f"{where}{key}", value=str(value))
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def table(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail("election.type", key=where, expected="table", found=_type_name(value))
        return value

    def string(self, table: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail("election.missing", key=f"{where}{key}")
            return None
        if not isinstance(value, str):
            raise self.fail("election.type", key=f"{where}{key}", expected="string", found=_type_name(value))
        value = clean(value)
        if required and not value:
            raise self.fail("election.missing", key=f"{where}{key}")
        return value

    def integer(self, table: dict[str, Any], key: str, where: str, minimum: int = 0) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail("election.type", key=f"{where}{key}", expected="integer", found=_type_name(value))
        if value < minimum:
            raise self.fail("election.too_small", key=f"{where}{key}", value=value, minimum=minimum)
        return value

    def boolean(self, table: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail("election.type", key=f"{where}{key}", expected="boolean", found=_type_name(value))
        return value

    def choice(
        self, table: dict[str, Any], key: str, where: str, kind: type[Word], default: Word | None = None
    ) -> Word:
        """Return the key's value, a word of ``kind`` (``default``, else its first word, when absent)."""
        choices = tuple(kind)
        value = self.string(table, key, where)
        if value is None:
            return default or choices[0]
        if value not in choices:
            raise self.fail(
                "election.bad_choice",
                key=f"{where}{key}",
                value=value,
                suggestion=closest(value, choices) or choices[0],
                choices=", ".join(choices),
            )
        return kind(value)


def _type_name(value: Any) -> str:
    return {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        dict: "table",
        list: "array",
    }.get(type(value), type(value).__name__)


def load_election(path: str | Path) -> Election:
    """Read and check the election file at ``path``; return the frozen :class:`Election`."""
    where = str(path)
    raw = read_input(path, ElectionFileError)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ElectionFileError("election.not_utf8", file=where, line=line) from None
    return parse_election(text, where)


_SLASH_DATE = re.compile(r"\s*([A-Za-z_][\w-]*)\s*=\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*(#.*)?")
TOML_DETAILS_VI = {
    "Expected newline or end of document after a statement": (
        "sau 'khóa = giá trị' phải xuống dòng (thường do chữ không đặt trong dấu ngoặc kép \"...\")"
    ),
    "Expected ']]' at the end of an array declaration": "thiếu ']]' đóng tên bảng [[...]]",
    "Expected ']' at the end of a table declaration": "thiếu ']' đóng tên bảng [...]",
    "Invalid value": 'giá trị không hợp lệ: chữ đặt trong dấu ngoặc kép ("..."), số viết liền, ngày viết 2024-12-18',
    "Cannot overwrite a value": "khóa này đã được ghi ở trên (một khóa ghi hai lần)",
    "Unterminated string": "thiếu dấu ngoặc kép đóng chuỗi chữ",
    "Invalid statement": "dòng không đúng dạng 'khóa = giá trị'",
    "Expected '=' after a key in a key/value pair": "thiếu dấu '=' sau tên khóa",
    "Illegal character": "có ký tự không được phép",
    "Invalid initial character for a key part": "tên khóa bắt đầu bằng ký tự không hợp lệ",
    "Unclosed array": "thiếu ']' đóng danh sách",
    "Unclosed inline table": "thiếu '}' đóng bảng { ... }",
}
"""The TOML parser's usual complaints, explained in Vietnamese; others are quoted as the parser says them."""


def _toml_error(text: str, source: str, line: int, column: int, detail: str) -> ElectionFileError:
    """Return the error for a TOML syntax error: a date typed 18/12/2024 is shown as TOML writes it."""
    lines = text.splitlines()
    typed = lines[line - 1] if 0 < line <= len(lines) else ""
    date = _SLASH_DATE.fullmatch(typed)
    if date is not None:
        key, day, month, year = date.group(1), int(date.group(2)), int(date.group(3)), date.group(4)
        return ElectionFileError(
            "election.date_format",
            file=source,
            line=line,
            typed=typed.strip(),
            fixed=f"{key} = {year}-{month:02d}-{day:02d}",
        )
    known = next((vi for en, vi in TOML_DETAILS_VI.items() if detail.startswith(en)), None)
    detail_vi = known if known is not None else f"TOML báo: {detail}"
    return ElectionFileError(
        "election.toml", file=source, line=str(line), column=str(column), detail=detail, detail_vi=detail_vi
    )


_EXAMPLE = '[meeting]\ntitle = "T"\n\n[[contest]]\nid = "a"\n[[contest]]\nid = "b"\nseat = 2\n'
"""A small election file (an example for :func:`key_line`)."""
_HEADER = re.compile(r"\s*\[\[?\s*\"?([^\]\"]+?)\"?\s*\]\]?\s*(#.*)?$")
_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def key_line(text: str, key: str) -> int | None:
    """Return the line (from 1) of ``text`` where the key path ``key`` is written, if it is found.

    ``contest[2].seats`` is the ``seats =`` line after the second ``[[contest]]``;
    ``scoring.criterion[1].max`` the ``max =`` line after the first ``[[scoring.criterion]]`` (its
    header when the key is missing); ``contest[1].candidates[3].name`` the ``candidates =`` line
    where that list starts (an item of a list is not told apart: comments, several items to a line
    and inline tables make counting lines unsafe).  The nearest line found is returned when the
    path goes deeper than the text can be followed, never a guess.

    >>> key_line(_EXAMPLE, "contest[2].seat"), key_line(_EXAMPLE, "meeting.title"), key_line(_EXAMPLE, "meeting.x")
    (8, 2, 1)
    """
    lines = text.splitlines()
    wanted = [(name, int(index) if index else 0) for name, index in _PART.findall(key)]
    # Each table header and the path it opens: [[contest]] the n-th time is contest[n].
    sections: list[tuple[int, list[tuple[str, int]]]] = [(-1, [])]  # the top level: no header
    seen: dict[str, int] = {}
    for number, line in enumerate(lines):
        found = _HEADER.match(line)
        if found is None:
            continue
        names = [part.strip().strip('"') for part in found.group(1).split(".")]
        path = [(name, 0) for name in names]
        if line.lstrip().startswith("[["):
            seen[found.group(1)] = seen.get(found.group(1), 0) + 1
            path[-1] = (names[-1], seen[found.group(1)])
        sections.append((number, path))
    best = max((entry for entry in sections if wanted[: len(entry[1])] == entry[1]), key=lambda entry: len(entry[1]))
    start = best[0]
    end = next((number for number, _ in sections if number > start), len(lines))
    line_found = start + 1 if start >= 0 else None
    for name, index in wanted[len(best[1]) :]:
        assignment = re.compile(rf'\s*"?{re.escape(name)}"?\s*=')
        at = next((i for i in range(start + 1, end) if assignment.match(lines[i])), None)
        if at is None:
            return line_found
        line_found = at + 1
        if index:  # an item of a list: its start is as near as is sure
            return line_found
        start = at
    return line_found


def parse_election(text: str, source: str = "election.toml") -> Election:
    """Parse the TOML ``text`` of an election file; ``source`` names it in messages.

    An error of a key or a value names the line it is written on (:func:`key_line`), as a row.
    """
    try:
        return _parse_election(text, source)
    except ElectionFileError as error:
        key = error.params.get("key")
        if error.row is not None or not isinstance(key, str):
            raise
        line = key_line(text, key)
        if line is None:
            raise
        raise ElectionFileError(error.key, file=error.file, row=line, **error.params) from None


def _parse_election(text: str, source: str) -> Election:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ElectionFileError("election.too_deep", file=source) from None
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # an integer of thousands of digits
            raise ElectionFileError("election.number_too_long", file=source) from None
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        line, column = found.groups() if found else (str(text.count("\n") + 1), "1")
        raise _toml_error(text, source, int(line), int(column), detail) from None
    reader = _Reader(source)
    reader.check_keys(data, ("meeting", "electorate", "committee", "unit", "contest", "scoring"), "")
    meeting = _meeting(reader, data.get("meeting", {}))
    electorate = _electorate(reader, data.get("electorate", {}))
    committee = _committee(reader, data.get("committee", []))
    units = _units(reader, data.get("unit", []))
    contests_raw = data.get("contest")
    if contests_raw is None:
        raise reader.fail("election.no_contest")
    if not isinstance(contests_raw, list) or not contests_raw:
        raise reader.fail("election.type", key="contest", expected="array of tables", found=_type_name(contests_raw))
    contests = tuple(_contest(reader, item, index, units, electorate) for index, item in enumerate(contests_raw, 1))
    seen: set[str] = set()
    for contest in contests:
        if contest.id in seen:
            raise reader.fail("election.duplicate_contest", id=contest.id)
        seen.add(contest.id)
    for contest in contests:
        base = contest.threshold.of
        figures = contest.electorate if contest.electorate is not None else electorate
        if base in ("convened", "present", "issued") and figures.figure(base) is None:
            raise reader.fail("election.base_missing", contest=contest.id, base=base)
    scoring = parse_scoring(reader, data["scoring"]) if "scoring" in data else None
    for index, contest in enumerate(contests, 1):
        if scoring is None and (contest.from_scores is not None or contest.tie == TieRule.score):
            key = f"contest[{index}].candidates" if contest.from_scores is not None else f"contest[{index}].tie"
            raise reader.fail("scoring.contest_needs_scoring", key=key, contest=contest.id)
    return Election(meeting, electorate, committee, contests, source, units, scoring)


_MEETING_KEYS = (
    "title",
    "organization",
    "superior",
    "header",
    "place",
    "date",
    "time",
    "closing_time",
    "number",
    "chair",
    "secretary",
    "recipients",
    "copies",
)


def _meeting(reader: _Reader, value: Any) -> Meeting:
    table = reader.table(value, "meeting")
    reader.check_keys(table, _MEETING_KEYS, "meeting.")
    date = table.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            raise reader.fail("election.bad_date", key="meeting.date", value=date) from None
    elif isinstance(date, dt.datetime):
        date = date.date()
    elif date is not None and not isinstance(date, dt.date):
        raise reader.fail("election.bad_date", key="meeting.date", value=str(date))
    number: str | None = None
    if isinstance(table.get("number"), int) and not isinstance(table.get("number"), bool):
        number = f"{reader.integer(table, 'number', 'meeting.', minimum=1):02d}"
    else:
        number = reader.string(table, "number", "meeting.") or None
    organization = reader.lines(table, "organization", "meeting.")
    superior = reader.lines(table, "superior", "meeting.")
    return Meeting(
        title=reader.string(table, "title", "meeting."),
        organization=" ".join(organization) or None,
        header=reader.choice(table, "header", "meeting.", Header),
        place=reader.string(table, "place", "meeting."),
        date=date,
        time=reader.clock(table, "time", "meeting."),
        number=number,
        superior=" ".join(superior) or None,
        chair=reader.strings(table, "chair", "meeting."),
        secretary=reader.string(table, "secretary", "meeting.") or None,
        recipients=reader.strings(table, "recipients", "meeting."),
        copies=reader.integer(table, "copies", "meeting.", minimum=1),
        closing_time=reader.clock(table, "closing_time", "meeting."),
        organization_breaks=organization if len(organization) > 1 else (),
        superior_breaks=superior if len(superior) > 1 else (),
    )


_FIGURES = ("convened", "present", "issued", "collected")


def _electorate(reader: _Reader, value: Any, where: str = "electorate", under: Electorate | None = None) -> Electorate:
    """Read an electorate table; with ``under``, the figures it gives override those of ``under``."""
    table = reader.table(value, where)
    reader.check_keys(table, _FIGURES, f"{where}.")
    figures = {name: reader.integer(table, name, f"{where}.") for name in _FIGURES}
    if under is not None:
        figures = {name: under.figure(name) if figures[name] is None else figures[name] for name in _FIGURES}
    # Every pair of the chain collected <= issued <= present <= convened, so that a figure left out
    # (issued without present, say) still bounds the others.
    chain = ("collected", "issued", "present", "convened")
    pairs = [(chain[i], chain[j]) for i in range(len(chain)) for j in range(i + 1, len(chain))]
    for smaller, larger in pairs:
        low, high = figures[smaller], figures[larger]
        if low is not None and high is not None and low > high:
            raise reader.fail("election.figures", smaller=smaller, larger=larger, low=low, high=high)
    return Electorate(**figures)


def _units(reader: _Reader, value: Any) -> tuple[Unit, ...]:
    """Read the top-level ``[[unit]]`` list: ids unique, no two units sharing a spelling."""
    if not isinstance(value, list):
        raise reader.fail("election.type", key="unit", expected="array of tables", found=_type_name(value))
    units: list[Unit] = []
    owners: dict[str, tuple[str, str]] = {}
    for index, item in enumerate(value, 1):
        where = f"unit[{index}]."
        table = reader.table(item, where.rstrip("."))
        reader.check_keys(table, ("id", "name", "aliases"), where)
        unit_id, name, aliases = _identity(reader, table, where)
        unit = Unit(id=unit_id, name=name, aliases=aliases)
        if any(u.id == unit_id for u in units):
            raise reader.fail("election.duplicate_unit", key=f"{where}id", value=unit_id)
        _claim(reader, owners, unit.id, unit.spellings(), where)
        units.append(unit)
    return tuple(units)


def _identity(reader: _Reader, table: dict[str, Any], where: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the id, name and aliases of a unit or inline candidate table."""
    unit_id = reader.string(table, "id", where, required=True) or ""
    if ";" in unit_id:
        raise reader.fail("election.bad_candidate_id", key=f"{where}id", value=unit_id)
    name = reader.string(table, "name", where, required=True) or ""
    aliases_raw = table.get("aliases", [])
    if not isinstance(aliases_raw, list) or not all(isinstance(a, str) for a in aliases_raw):
        raise reader.fail(
            "election.type", key=f"{where}aliases", expected="array of strings", found=_type_name(aliases_raw)
        )
    return unit_id, name, tuple(clean(a) for a in aliases_raw if clean(a))


def _committee(reader: _Reader, value: Any) -> tuple[CommitteeMember, ...]:
    if not isinstance(value, list):
        raise reader.fail("election.type", key="committee", expected="array of tables", found=_type_name(value))
    members = []
    for index, item in enumerate(value, 1):
        where = f"committee[{index}]."
        table = reader.table(item, where.rstrip("."))
        reader.check_keys(table, ("name", "role"), where)
        name = reader.string(table, "name", where, required=True)
        members.append(CommitteeMember(name=name or "", role=reader.string(table, "role", where) or ""))
    return tuple(members)


_CONTEST_KEYS = (
    "id",
    "title",
    "seats",
    "max_marks",
    "min_marks",
    "style",
    "blank",
    "tie",
    "priority",
    "threshold",
    "candidates",
    "secret",
    "electorate",
)


def _contest(reader: _Reader, value: Any, index: int, units: tuple[Unit, ...], electorate: Electorate) -> Contest:
    where = f"contest[{index}]."
    table = reader.table(value, f"contest[{index}]")
    reader.check_keys(table, _CONTEST_KEYS, where)
    contest_id = reader.string(table, "id", where, required=True) or ""
    if not _ID_RE.match(contest_id):
        raise reader.fail("election.bad_contest_id", key=f"{where}id", value=contest_id)
    seats = reader.integer(table, "seats", where, minimum=1)
    if seats is None:
        raise reader.fail("election.missing", key=f"{where}seats")
    candidates_raw = table.get("candidates")
    from_scores = None
    if isinstance(candidates_raw, dict):
        from_scores = parse_from_scores(reader, candidates_raw, f"{where}candidates")
        candidates_raw = None  # every unit, until the ranking narrows them
    candidates = _candidates(reader, candidates_raw, where, units)
    own = table.get("electorate")
    figures = None if own is None else _electorate(reader, own, f"{where}electorate", under=electorate)
    max_given = "max_marks" in table
    max_marks = reader.integer(table, "max_marks", where, minimum=1)
    min_marks = reader.integer(table, "min_marks", where, minimum=0) or 0
    if max_marks is None:
        max_marks = seats
    if max_marks < min_marks:
        if not max_given:  # max_marks was never written: it defaults to the seats
            raise reader.fail("election.min_marks_over_seats", contest=contest_id, seats=seats, min_marks=min_marks)
        raise reader.fail("election.marks_order", contest=contest_id, max_marks=max_marks, min_marks=min_marks)
    if min_marks > len(candidates):
        raise reader.fail("election.min_marks_high", contest=contest_id, min_marks=min_marks, count=len(candidates))
    ids = tuple(c.id for c in candidates)
    priority_raw = table.get("priority", [])
    if not isinstance(priority_raw, list) or not all(isinstance(p, str) for p in priority_raw):
        raise reader.fail(
            "election.type", key=f"{where}priority", expected="array of strings", found=_type_name(priority_raw)
        )
    priority: list[str] = []
    for item in priority_raw:
        match = _match_id(item, candidates)
        if match is None:
            raise reader.fail(
                "election.priority_unknown",
                key=f"{where}priority",
                value=item,
                suggestion=closest(item, ids) or ", ".join(ids),
            )
        if match in priority:
            raise reader.fail("election.priority_twice", key=f"{where}priority", value=item)
        priority.append(match)
    return Contest(
        id=contest_id,
        title=reader.string(table, "title", where) or contest_id,
        seats=seats,
        max_marks=max_marks,
        min_marks=min_marks,
        candidates=candidates,
        style=reader.choice(table, "style", where, Style),
        blank=reader.choice(table, "blank", where, BlankRule),
        tie=reader.choice(table, "tie", where, TieRule),
        priority=tuple(priority),
        threshold=_threshold(reader, table.get("threshold"), where),
        secret=reader.boolean(table, "secret", where, True),
        max_marks_given=max_given,
        electorate=figures,
        from_scores=from_scores,
    )


def _match_id(text: str, candidates: tuple[Candidate, ...]) -> str | None:
    key = name_key(text)
    for candidate in candidates:
        if any(name_key(s) == key for s in candidate.spellings()):
            return candidate.id
    return None


def _threshold(reader: _Reader, value: Any, where: str) -> Threshold:
    if value is None:
        return Threshold()
    table = reader.table(value, f"{where}threshold")
    reader.check_keys(table, ("share", "strict", "of"), f"{where}threshold.")
    share_raw = table.get("share", "1/2")
    if isinstance(share_raw, bool) or not isinstance(share_raw, (str, int)):
        raise reader.fail("election.bad_share", key=f"{where}threshold.share", value=str(share_raw))
    share_text = str(share_raw).strip()
    try:
        share = parse_share(share_text)
    except (ValueError, ZeroDivisionError, InvalidOperation, ArithmeticError):
        raise reader.fail("election.bad_share", key=f"{where}threshold.share", value=share_text) from None
    return Threshold(
        share=share,
        share_text=share_text,
        strict=reader.boolean(table, "strict", f"{where}threshold.", True),
        of=reader.choice(table, "of", f"{where}threshold.", ThresholdBase, default=ThresholdBase.valid),
    )


def _candidates(reader: _Reader, value: Any, where: str, units: tuple[Unit, ...]) -> tuple[Candidate, ...]:
    """Read a contest's candidates: unit ids, inline tables, or (absent) every unit in order."""
    if value is None:
        if not units:
            raise reader.fail("election.no_candidates", key=f"{where}candidates")
        value = [unit.id for unit in units]
    if isinstance(value, list) and not value:
        raise reader.fail("election.empty_candidates", key=f"{where}candidates")
    if not isinstance(value, list):
        raise reader.fail(
            "election.type", key=f"{where}candidates", expected="array of unit ids or tables", found=_type_name(value)
        )
    by_key = {name_key(unit.id): unit for unit in units}
    candidates: list[Candidate] = []
    taken: set[str] = set()  # the ids so far: a set, so that thousands of candidates load in linear time
    owners: dict[str, tuple[str, str]] = {}
    for number, item in enumerate(value, 1):
        cwhere = f"{where}candidates[{number}]."
        if isinstance(item, str):
            unit = by_key.get(name_key(item))
            if unit is None:
                ids = [u.id for u in units]
                raise reader.fail(
                    "election.unknown_unit" if units else "election.no_units",
                    key=cwhere.rstrip("."),
                    value=item,
                    suggestion=closest(item, ids) or ", ".join(ids),
                )
            if unit.id in taken:
                raise reader.fail("election.unit_twice", key=cwhere.rstrip("."), value=unit.id)
            candidate_id, name, aliases = unit.id, unit.name, unit.aliases
        else:
            table = reader.table(item, cwhere.rstrip("."))
            reader.check_keys(table, ("id", "name", "aliases"), cwhere)
            candidate_id, name, aliases = _identity(reader, table, cwhere)
            if candidate_id in taken:
                raise reader.fail("election.duplicate_candidate", key=f"{cwhere}id", value=candidate_id)
        candidate = Candidate(id=candidate_id, name=name, number=number, aliases=aliases)
        _claim(reader, owners, candidate_id, candidate.spellings(), cwhere)
        candidates.append(candidate)
        taken.add(candidate_id)
    return tuple(candidates)


def _claim(
    reader: _Reader, owners: dict[str, tuple[str, str]], owner: str, spellings: tuple[str, ...], where: str
) -> None:
    """Record ``owner``'s spellings in ``owners``; raise if one already belongs to another unit or candidate."""
    for spelling in dict.fromkeys(spellings):
        key = name_key(spelling)
        if key in owners and owners[key][0] != owner:
            raise reader.fail(
                "election.same_name", key=where, value=spelling, other=owners[key][1], other_id=owners[key][0]
            )
        owners[key] = (owner, spelling)

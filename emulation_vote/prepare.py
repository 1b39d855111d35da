"""Preparing a conference: from a list of unit names to a complete election file.

:func:`read_unit_list` reads the block's units from a ``.txt`` (one name per line) or a
``.csv``/``.xlsx`` (the column headed like "Tên đơn vị", else the first column);
:func:`derive_ids` gives each a short, stable, readable id (its initials, "Sở Tư pháp" ->
``STP``, with a numeric suffix on a clash); :func:`parse_contest` reads ``"Title:seats"`` or a
preset's name.  The :class:`Draft` they fill is rendered as a commented TOML file by
:mod:`emulation_vote.render.election_file`.  Nothing here prints or asks: the command line does.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from emulation_vote.errors import EmulationVoteError, UsageError
from emulation_vote.text import clean, name_key, strip_accents
from emulation_vote.vocab import Header, ThresholdBase


class UnitListError(EmulationVoteError):
    """The list of units cannot be read or holds a mistake (a name twice, an id twice)."""


@dataclass(frozen=True)
class UnitDraft:
    """A unit as it will be written in ``[[unit]]``."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Preset:
    """A common award voted on at year-end conferences, with its usual number of seats."""

    key: str
    title: str
    seats: int


PRESETS: tuple[Preset, ...] = (
    Preset("co-chinh-phu", "Cờ thi đua của Chính phủ", 1),
    Preset("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", 2),
    Preset("co-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", 1),
    Preset("bang-khen-tinh", "Bằng khen của Ủy ban nhân dân tỉnh", 2),
    Preset("dan-dau", "Đơn vị dẫn đầu phong trào thi đua", 1),
)
"""The presets ``--contest`` accepts by key (``--contest co-chinh-phu``) or by title."""


@dataclass(frozen=True)
class ThresholdPreset:
    """A threshold rule by the body that applies it, written as one TOML line."""

    key: str
    share: str
    strict: bool
    of: ThresholdBase

    def toml(self) -> str:
        """Return the rule as the inline table the election file holds."""
        return f'{{ share = "{self.share}", strict = {"true" if self.strict else "false"}, of = "{self.of}" }}'


THRESHOLDS: tuple[ThresholdPreset, ...] = (
    ThresholdPreset("valid", "1/2", True, ThresholdBase.valid),
    ThresholdPreset("convened", "1/2", True, ThresholdBase.convened),
    ThresholdPreset("present", "1/2", True, ThresholdBase.present),
    ThresholdPreset("two-thirds", "2/3", False, ThresholdBase.valid),
)
"""More than half of valid ballots (the default; state bodies, mass organisations), more than half of
the delegates convened (Party bodies), more than half of those present, at least two thirds of valid ballots."""


def threshold_preset(key: str) -> ThresholdPreset:
    """Return the threshold preset called ``key`` (``party`` is another name for ``convened``)."""
    key = {"party": "convened", "dang": "convened"}.get(key, key)
    for preset in THRESHOLDS:
        if preset.key == key:
            return preset
    raise UsageError("new.bad_threshold", value=key, choices=", ".join(p.key for p in THRESHOLDS))


def default_header(threshold: ThresholdPreset) -> Header:
    """Return the letterhead that goes with ``threshold`` when none is given.

    ``party`` (ĐẢNG CỘNG SẢN VIỆT NAM) for the Party bodies' rule (``convened``), ``state``
    (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM) for every other rule, the state bodies' ones.
    """
    return Header.party if threshold.key == "convened" else Header.state


@dataclass(frozen=True)
class ContestDraft:
    """A contest as it will be written in ``[[contest]]``: every unit is a candidate."""

    id: str
    title: str
    seats: int


@dataclass(frozen=True)
class Draft:
    """Everything ``new`` writes into an election file."""

    units: tuple[UnitDraft, ...]
    contests: tuple[ContestDraft, ...]
    title: str | None = None
    organization: str | None = None
    header: Header = Header.state  # the letterhead of the default threshold (see default_header)
    place: str | None = None
    date: dt.date | None = None
    time: str | None = None
    convened: int | None = None
    present: int | None = None
    issued: int | None = None
    threshold: ThresholdPreset = THRESHOLDS[0]


# --- unit ids ---

_WORD_RE = re.compile(r"[^\W_]+")


def derive_id(name: str) -> str:
    """Return the initials of ``name``, without diacritics, in upper case.

    Acronyms and numbers stay whole; the word "và" is left out.

    >>> derive_id("Sở Tư pháp"), derive_id("Sở Nội vụ"), derive_id("Đài Phát thanh - Truyền hình")
    ('STP', 'SNV', 'DPTTH')
    >>> derive_id("Trường THPT số 1"), derive_id("UBND huyện Bát Xát"), derive_id("Sở Tài nguyên và Môi trường")
    ('TTHPTS1', 'UBNDHBX', 'STNMT')
    """
    parts: list[str] = []
    for word in _WORD_RE.findall(unicodedata.normalize("NFC", name)):
        if word.casefold() == "và":
            continue
        whole = word.isdigit() or (len(word) > 1 and word.isupper())
        parts.append(word if whole else word[0])
    letters = strip_accents("".join(parts)).upper()
    return re.sub(r"[^A-Z0-9]", "", letters) or "DV"


def derive_ids(names: list[str] | tuple[str, ...], given: dict[int, str] | None = None) -> tuple[str, ...]:
    """Return an id for each name: ``given[i]`` where there is one, else its initials.

    Ids are unique under the name comparison, and never equal to another unit's name: the second
    unit with the same initials gets ``2`` appended, the third ``3``, and so on (in list order,
    so the same list always gives the same ids).

    >>> derive_ids(["Sở Tài chính", "Sở Thông tin", "Sở Tư pháp", "Sở Tài chính mới"])
    ('STC', 'STT', 'STP', 'STCM')
    >>> derive_ids(["Sở Tài chính", "Sở Thương chính", "Sở Tư chính"])
    ('STC', 'STC2', 'STC3')
    """
    given = given or {}
    taken = {name_key(name) for name in names} | {name_key(v) for v in given.values()}
    ids: list[str] = []
    used: set[str] = set()
    for index, name in enumerate(names):
        if index in given:
            ids.append(given[index])
            used.add(name_key(given[index]))
            continue
        base = derive_id(name)
        candidate, number = base, 1
        while name_key(candidate) in used or (name_key(candidate) in taken and name_key(candidate) != name_key(name)):
            number += 1
            candidate = f"{base}{number}"
        ids.append(candidate)
        used.add(name_key(candidate))
    return tuple(ids)


def build_units(
    names: list[str],
    source: str,
    rows: list[int] | None = None,
    given: dict[int, str] | None = None,
    aliases: dict[int, tuple[str, ...]] | None = None,
) -> tuple[UnitDraft, ...]:
    """Return the units of ``names`` with their ids; a name or a given id twice is an error at its row."""
    rows = rows or list(range(1, len(names) + 1))
    given = given or {}
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name_key(name)
        if key in seen:
            raise UnitListError("units.twice", file=source, row=rows[index], value=name, first=rows[seen[key]])
        seen[key] = index
    seen_ids: dict[str, int] = {}
    for index, unit_id in given.items():
        key = name_key(unit_id)
        if ";" in unit_id:
            raise UnitListError("units.bad_id", file=source, row=rows[index], value=unit_id)
        if key in seen_ids:
            raise UnitListError("units.id_twice", file=source, row=rows[index], value=unit_id)
        seen_ids[key] = index
    ids = derive_ids(names, given)
    aliases = aliases or {}
    return tuple(UnitDraft(ids[i], names[i], aliases.get(i, ())) for i in range(len(names)))


# --- reading a unit list ---

_NAME_HEADINGS = ("tên đơn vị", "đơn vị", "name", "tên", "unit", "tên cơ quan", "cơ quan", "đơn vị thành viên")
_ID_HEADINGS = ("id", "mã", "mã đơn vị", "ký hiệu")
_ALIAS_HEADINGS = ("aliases", "alias", "tên khác", "tên viết tắt", "viết tắt")
_NUMBER_HEADINGS = ("stt", "tt", "số tt", "số thứ tự", "no", "#")
_NUMBERING_RE = re.compile(r"^\s*(?:\d+\s*[.)]|[-•*])\s+")


def _heading(text: str) -> str | None:
    key = name_key(text.replace("_", " "))
    for kind, headings in (
        ("name", _NAME_HEADINGS),
        ("id", _ID_HEADINGS),
        ("aliases", _ALIAS_HEADINGS),
        ("number", _NUMBER_HEADINGS),
    ):
        if key in {name_key(h) for h in headings}:
            return kind
    return None


def read_unit_list(path: Path) -> tuple[UnitDraft, ...]:
    """Read the units from ``path`` (``.txt``, ``.csv``, ``.tsv`` or ``.xlsx``), in order.

    A ``.txt`` holds one name per line (blank lines skipped; a leading ``1.``, ``1)`` or ``-``
    numbering is dropped).  In a table, a header row naming a "Tên đơn vị"/"Đơn vị"/"name" column
    makes that column the names (an "id"/"Mã" column then gives ids, an "aliases"/"Tên viết tắt"
    column aliases separated by ``;``); without one, the first column holds the names from row 1.
    """
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from emulation_vote.ballots.decode import decode
        from emulation_vote.output import read_input

        raw = read_input(path, UnitListError, source)
        lines = decode(raw, source).splitlines()
        table = [(number, [_NUMBERING_RE.sub("", line)]) for number, line in enumerate(lines, 1)]
        return _units_from_rows(table, source, header=False)
    if suffix not in (".csv", ".tsv", ".xlsx", ".xlsm"):
        raise UnitListError("units.suffix", file=source, suffix=suffix or "(none)")
    from emulation_vote.ballots.tabular import read_sheet

    sheet = read_sheet(path, source)
    rows = [(1, sheet.header), *sheet.rows]
    return _units_from_rows(rows, source, header=True)


def _units_from_rows(rows: list[tuple[int, list[str]]], source: str, header: bool) -> tuple[UnitDraft, ...]:
    columns: dict[str, int] = {}
    if header and rows:
        for index, heading in enumerate(rows[0][1]):
            kind = _heading(heading)
            if kind is not None and kind not in columns:
                columns[kind] = index
    if "name" in columns:
        rows = rows[1:]
    else:
        if columns:  # a header row of numbering/id columns only: the names are the first other column
            rows = rows[1:]
        first_other = next((i for i in range(64) if i not in columns.values()), 0)
        columns["name"] = first_other
    names: list[str] = []
    numbers: list[int] = []
    given: dict[int, str] = {}
    aliases: dict[int, tuple[str, ...]] = {}

    def cell(cells: list[str], kind: str) -> str:
        index = columns.get(kind)
        return clean(cells[index]) if index is not None and index < len(cells) else ""

    for number, cells in rows:
        name = cell(cells, "name")
        if not name:
            continue
        index = len(names)
        names.append(name)
        numbers.append(number)
        if cell(cells, "id"):
            given[index] = cell(cells, "id")
        if cell(cells, "aliases"):
            aliases[index] = tuple(clean(a) for a in cell(cells, "aliases").split(";") if clean(a))
    if not names:
        raise UnitListError("units.none", file=source)
    return build_units(names, source, numbers, given, aliases)


# --- contests ---


def contest_id(title: str, taken: set[str] | None = None) -> str:
    """Return an id for a contest from its title: lower case, no diacritics, words but "của" joined by ``-``.

    >>> contest_id("Cờ thi đua của Chính phủ")
    'co-thi-dua-chinh-phu'
    >>> contest_id("Bằng khen", {"bang-khen"})
    'bang-khen-2'
    """
    words = [w for w in re.findall(r"[a-z0-9]+", strip_accents(title)) if w != "cua"]
    base = ""
    for word in words:
        if base and len(base) + 1 + len(word) > 40:
            break
        base = f"{base}-{word}" if base else word
    base = base or "noi-dung"
    candidate, number = base, 1
    while taken is not None and candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def find_preset(text: str) -> Preset | None:
    """Return the preset named by ``text`` (its key, its title, or its number 1.. in :data:`PRESETS`)."""
    key = name_key(text)
    if key.isdigit() and 1 <= int(key) <= len(PRESETS):
        return PRESETS[int(key) - 1]
    for preset in PRESETS:
        if key in (name_key(preset.key), name_key(preset.title)):
            return preset
    return None


def parse_contest(text: str) -> tuple[str, int]:
    """Read ``"Title:seats"``, ``"preset"`` or ``"preset:seats"``; return the title and the seats.

    >>> parse_contest("Cờ thi đua của Chính phủ:1")
    ('Cờ thi đua của Chính phủ', 1)
    >>> parse_contest("bang-khen-tinh")
    ('Bằng khen của Ủy ban nhân dân tỉnh', 2)
    """
    title, colon, seats_text = clean(text).rpartition(":")
    if not colon:
        title, seats_text = seats_text, ""
    title = clean(title)
    preset = find_preset(title)
    if not title:
        raise UsageError("new.bad_contest", value=text)
    if not seats_text.strip():
        if preset is None:
            raise UsageError("new.no_seats", value=text)
        return preset.title, preset.seats
    try:
        seats = int(seats_text.strip())
    except ValueError:
        raise UsageError("new.bad_contest", value=text) from None
    if seats < 1:
        raise UsageError("new.bad_contest", value=text)
    return (preset.title if preset is not None else title), seats


def contests_of(specs: list[tuple[str, int]]) -> tuple[ContestDraft, ...]:
    """Return the contests for ``(title, seats)`` pairs, each with its own id."""
    taken: set[str] = set()
    contests = []
    for title, seats in specs:
        cid = contest_id(title, taken)
        taken.add(cid)
        contests.append(ContestDraft(cid, title, seats))
    return tuple(contests)


# --- meeting fields ---

_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:hH]([0-5]\d)$")


def reviewed_year(meeting: dt.date) -> int:
    """Return the year a year-end conference held on ``meeting`` reviews: the year before, until June.

    Blocks hold their year-end conference in December or in the first months of the next year.

    >>> reviewed_year(dt.date(2023, 12, 19)), reviewed_year(dt.date(2024, 1, 5)), reviewed_year(dt.date(2024, 7, 1))
    (2023, 2023, 2024)
    """
    return meeting.year - 1 if meeting.month <= 6 else meeting.year


def parse_date(text: str) -> dt.date:
    """Read a date written ``2024-01-05`` or ``05/01/2024`` (day first, as in Vietnam)."""
    text = text.strip()
    try:
        match = _DATE_RE.match(text)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError("new.bad_date", value=text) from None


def parse_time(text: str) -> str:
    """Read a time written ``14:30`` or ``14h30``; return ``"14:30"``."""
    match = _TIME_RE.match(text.strip())
    if not match:
        raise UsageError("new.bad_time", value=text)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def check_draft(draft: Draft) -> None:
    """Raise :class:`UsageError` for figures that do not add up or a threshold base without its figure."""
    pairs = (("present", "convened"), ("issued", "present"))
    for smaller, larger in pairs:
        low, high = getattr(draft, smaller), getattr(draft, larger)
        if low is not None and high is not None and low > high:
            raise UsageError("new.figures", small=smaller, large=larger, low=low, high=high)
    base = draft.threshold.of
    if base in ("convened", "present", "issued") and getattr(draft, base) is None:
        raise UsageError("new.base_missing", base=base)
    if not draft.units:
        raise UsageError("new.no_units")
    if not draft.contests:
        raise UsageError("new.no_contests")

"""The printed ballot paper (phiếu bầu): its exact geometry, its QR code and the election's paper fingerprint.

Everything a scanner must know about a paper is decided here, once, from the election alone: where
the four registration marks are, where the QR code is, where every unit's box (tick style) or name
(strike style) is, and every line of text with its font size and position.  The PDF renderer only
draws what :func:`paper_layouts` returns, and a reader of scans measures the same rectangles, so the
two can never disagree.  The geometry is documented in docs/ballot-layout.md.

Coordinates are millimetres in the paper's **frame**: the origin is the centre of the top-left
registration mark, x grows to the right, y grows downwards; the four mark centres are the corners
``(0, 0)``, ``(frame_width, 0)``, ``(0, frame_height)`` and ``(frame_width, frame_height)``.
Text widths come from the bundled font's advance widths (no kerning), which is what the PDF draws.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from emulation_vote.errors import UsageError
from emulation_vote.vocab import Language, Style

if TYPE_CHECKING:
    from emulation_vote.election import Candidate, Contest, Election

LAYOUT_SCHEMA = "emulation-vote/ballot-layout/1"
PAPER_SCHEMA = "emulation-vote/paper/1"
QR_PREFIX = "EV1"
QR_FINGERPRINT_DIGITS = 16
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
# Papers per A4 page -> (columns, rows) of equal slots.
SLOTS = {1: (1, 1), 2: (1, 2), 4: (2, 2)}
MARK_INSET = 9.0  # from the slot's edge to a registration mark's centre
MARK_SIZE = 5.0  # side of a registration mark (a solid black square)
PAD = 5.0  # from a mark centre to the content
QR_SIZE = 18.0
BOX_SIZE = 5.5
ROW_HEIGHT = 7.5
TABLE_HEAD = 6.0
NUMBER_WIDTH = 8.0  # the "TT" column
BOX_COLUMN = 14.0
COLUMN_GAP = 4.0
SEAL_WIDTH = 34.0
SEAL_HEIGHT = 24.0
NAME_SIZE = 9.5  # points
NAME_MIN_SIZE = 7.5
LINE_WIDTH = 0.3  # box and table lines
PT = 25.4 / 72  # millimetres per point
FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class Rect:
    """A rectangle in millimetres: top-left corner ``(x, y)``, width ``w``, height ``h``."""

    x: float
    y: float
    w: float
    h: float

    def json(self) -> dict[str, float]:
        """Return ``{"x", "y", "w", "h"}`` rounded to 0.01 mm."""
        return {"x": _r(self.x), "y": _r(self.y), "w": _r(self.w), "h": _r(self.h)}


@dataclass(frozen=True)
class Text:
    """One line of text: drawn from ``x`` (left end) on the baseline ``y``, ``size`` points, ``width`` mm long."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    width: float


@dataclass(frozen=True)
class UnitPlace:
    """Where one unit stands on the paper.

    ``box`` is what the voter marks: the tick box, or for a strike paper the name's cell (a pen
    line through the name).  ``name`` is the printed name's extent (its text line, the height of a
    capital letter above and below the baseline), for a reader to tell print from ink.
    """

    id: str
    number: int
    label: str
    box: Rect
    cell: Rect
    name: Rect


@dataclass(frozen=True)
class PaperLayout:
    """The complete geometry of one contest's paper (every paper of the contest is alike but for its number)."""

    contest_id: str
    style: Style
    per_page: int
    width: float
    height: float
    frame_width: float
    frame_height: float
    qr: Rect
    number: Rect
    seal: Rect
    units: tuple[UnitPlace, ...]
    texts: tuple[Text, ...]
    lines: tuple[tuple[float, float, float, float], ...]
    number_size: float
    lang: Language

    @property
    def marks(self) -> tuple[Rect, ...]:
        """The four registration marks (top-left, top-right, bottom-left, bottom-right) in frame coordinates."""
        half = MARK_SIZE / 2
        corners = ((0.0, 0.0), (self.frame_width, 0.0), (0.0, self.frame_height), (self.frame_width, self.frame_height))
        return tuple(Rect(x - half, y - half, MARK_SIZE, MARK_SIZE) for x, y in corners)

    def slot(self, index: int) -> tuple[float, float]:
        """Return the top-left corner, on the A4 page, of the ``index``-th (0-based) slot of a page."""
        columns, _rows = SLOTS[self.per_page]
        return (index % columns) * self.width, (index // columns) * self.height

    def json(self) -> dict[str, Any]:
        """Return the geometry as JSON-ready data (the layout file's ``contests`` entry)."""
        return {
            "id": self.contest_id,
            "style": self.style,
            "per_page": self.per_page,
            "lang": self.lang,
            "paper": {"width": _r(self.width), "height": _r(self.height)},
            "frame": {
                "origin_in_paper": [MARK_INSET, MARK_INSET],
                "width": _r(self.frame_width),
                "height": _r(self.frame_height),
            },
            "slots_on_page": [[_r(x), _r(y)] for x, y in (self.slot(i) for i in range(self.per_page))],
            "marks": [m.json() for m in self.marks],
            "qr": self.qr.json(),
            "number": self.number.json(),
            "seal": self.seal.json(),
            "units": [
                {
                    "id": u.id,
                    "number": u.number,
                    "name": u.label,
                    "box": u.box.json(),
                    "cell": u.cell.json(),
                    "name_extent": u.name.json(),
                }
                for u in self.units
            ],
        }


def _r(value: float) -> float:
    return round(value, 2)


# --- the election's paper fingerprint -------------------------------------------------------------


def paper_canonical_text(election: Election) -> str:
    """Return the canonical text of what the papers print (see docs/ballot-layout.md).

    One line of compact JSON (keys sorted, non-ASCII kept, the conventions of the result's
    fingerprint, docs/fingerprint.md): the meeting's organisation, title and date, and every
    contest (sorted by id) with its title, style, mark limits and candidates ``[id, name]`` in
    ballot order.  The electorate figures and the counting rules are left out: they may be
    settled after the papers are printed without making the papers another election's.
    """
    meeting = election.meeting
    body = {
        "schema": PAPER_SCHEMA,
        "meeting": {
            "organization": meeting.organization,
            "title": meeting.title,
            "date": meeting.date.isoformat() if meeting.date else None,
        },
        "contests": [
            {
                "id": c.id,
                "title": c.title,
                "style": c.style,
                "max_marks": c.max_marks,
                "min_marks": c.min_marks,
                "candidates": [[k.id, k.name] for k in c.candidates],
            }
            for c in sorted(election.contests, key=lambda c: c.id)
        ],
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def election_fingerprint(election: Election) -> str:
    """Return ``"sha256:<hex>"`` of :func:`paper_canonical_text`: the election a paper belongs to."""
    return "sha256:" + hashlib.sha256(paper_canonical_text(election).encode("utf-8")).hexdigest()


def qr_payload(contest_id: str, number: int, fingerprint: str, per_page: int, lang: Language) -> str:
    """Return the QR code's text: ``EV1|contest|number|fingerprint digits|layout``.

    The fingerprint digits are the first 16 hex digits of the election's paper fingerprint; the
    layout is the papers per page and the language printed (``2vi``), which with the election
    fix every position on the paper.
    """
    digits = fingerprint.removeprefix("sha256:")[:QR_FINGERPRINT_DIGITS]
    return f"{QR_PREFIX}|{contest_id}|{number}|{digits}|{per_page}{lang}"


@dataclass(frozen=True)
class QrContent:
    """What a paper's QR code says."""

    contest_id: str
    number: int
    fingerprint_prefix: str
    per_page: int
    lang: Language


def parse_qr(text: str) -> QrContent | None:
    """Return the content of a paper's QR code, or ``None`` when the text is not one.

    >>> parse_qr("EV1|co-thi-dua|17|dd3ba7fab69dcdb1|2vi")  # doctest: +NORMALIZE_WHITESPACE
    QrContent(contest_id='co-thi-dua', number=17, fingerprint_prefix='dd3ba7fab69dcdb1', per_page=2,
              lang=<Language.vi: 'vi'>)
    """
    parts = text.strip().split("|")
    if len(parts) != 5 or parts[0] != QR_PREFIX or not parts[2].isdigit():
        return None
    layout = parts[4]
    if len(layout) != 3 or not layout[0].isdigit() or int(layout[0]) not in SLOTS or layout[1:] not in ("vi", "en"):
        return None
    return QrContent(parts[1], int(parts[2]), parts[3].lower(), int(layout[0]), Language(layout[1:]))


# --- text measure ---------------------------------------------------------------------------------


def font_bytes(bold: bool = False) -> bytes:
    """Return the bundled TrueType font (DejaVu Sans, subset to Latin and Vietnamese)."""
    return (resources.files("emulation_vote") / "data" / "fonts" / FONTS[bold]).read_bytes()


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    import io

    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes(bold)))
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, int(font["head"].unitsPerEm), int(metrics[".notdef"][0])


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return the printed width of ``text`` in millimetres at ``size`` points."""
    widths, per_em, missing = _advances(bold)
    units = sum(widths.get(ord(c), missing) for c in text)
    return units / per_em * size * PT


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` mm (a word longer than the width stands alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def fit(text: str, size: float, minimum: float, width: float, bold: bool = False) -> float | None:
    """Return the largest size from ``size`` down to ``minimum`` (half points) at which ``text`` fits in ``width``."""
    trial = size
    while trial >= minimum:
        if text_width(text, trial, bold) <= width:
            return trial
        trial -= 0.5
    return None


# --- wording --------------------------------------------------------------------------------------


def instruction(contest: Contest, lang: Language) -> str:
    """Return the instruction printed on the paper, matching the contest's style and limits."""
    from emulation_vote.i18n import t

    limits = [t(f"paper.limit_{contest.style}", lang, most=contest.max_marks)]
    if contest.min_marks:
        limits.append(t("paper.limit_least", lang, least=contest.min_marks))
    text = f"{t(f'paper.{contest.style}', lang)} ({', '.join(limits)})"
    return text + "."


def runoff_election(
    election: Election,
    contest: Contest,
    round_number: int,
    candidates: tuple[Candidate, ...],
    limits: tuple[int, int],
    lang: Language,
) -> Election:
    """Return the election whose papers are a runoff's: ``contest`` alone, with the tied ``candidates``.

    They are numbered 1, 2... in the order given, its title says which vote it is, and it allows
    ``limits`` (most, fewest) marks.  Its paper fingerprint differs from the first round's, so a
    scan of a runoff paper is never read against the first round's layout.
    """
    from dataclasses import replace

    from emulation_vote.i18n import t

    renumbered = tuple(replace(c, number=number) for number, c in enumerate(candidates, 1))
    title = t("paper.runoff_title", lang, title=contest.title, round=round_number)
    runoff = replace(contest, title=title, candidates=renumbered, max_marks=limits[0], min_marks=limits[1])
    return replace(election, contests=(runoff,))


# --- the layout -----------------------------------------------------------------------------------


def paper_layouts(
    election: Election, contests: tuple[Contest, ...], per_page: int | None, lang: Language
) -> list[PaperLayout]:
    """Return each contest's paper layout, ``per_page`` papers on an A4 page (None: as many as fit of 4, 2, 1).

    Raises :class:`UsageError` when a contest's paper does not fit at the ``per_page`` asked
    (naming the most that fits), or not even one to a page.
    """
    layouts = []
    for contest in contests:
        options = (per_page,) if per_page is not None else (4, 2, 1)
        found = None
        for count in options:
            for columns in (1, 2, 3):
                found = _layout(election, contest, count, columns, lang)
                if found is not None:
                    break
            if found is not None:
                break
        if found is None:
            fits = next((n for n in (4, 2, 1) if any(_layout(election, contest, n, c, lang) for c in (1, 2, 3))), None)
            if fits is None:
                raise UsageError("papers.too_big", contest=contest.id, units=len(contest.candidates))
            raise UsageError("papers.per_page", contest=contest.id, asked=per_page, fits=fits)
        layouts.append(found)
    return layouts


def _layout(election: Election, contest: Contest, per_page: int, columns: int, lang: Language) -> PaperLayout | None:
    """Lay ``contest``'s paper out in a slot of an A4 page cut ``per_page`` ways, units in ``columns``; None: no fit."""
    from emulation_vote.i18n import t

    slot_columns, slot_rows = SLOTS[per_page]
    width, height = PAGE_WIDTH / slot_columns, PAGE_HEIGHT / slot_rows
    frame_w, frame_h = width - 2 * MARK_INSET, height - 2 * MARK_INSET
    left, right, top, bottom = PAD, frame_w - PAD, PAD, frame_h - PAD
    texts: list[Text] = []
    lines: list[tuple[float, float, float, float]] = []

    def line_of(text: str, size: float, bold: bool, x0: float, x1: float, baseline: float, align: str) -> None:
        w = text_width(text, size, bold)
        x = x0 if align == "L" else (x1 - w if align == "R" else (x0 + x1 - w) / 2)
        texts.append(Text(text, x, baseline, size, bold, w))

    # Header: the QR code top right, the ballot number under it; organisation, PHIẾU BẦU and the meeting centred.
    qr = Rect(right - QR_SIZE, top, QR_SIZE, QR_SIZE)
    number_size = 10.0
    number_box = Rect(right - QR_SIZE - 6, top + QR_SIZE + 1, QR_SIZE + 6, 5)
    head_right = right - QR_SIZE - 4
    y = top
    organization = (election.meeting.organization or "").upper()
    if organization:
        size = fit(organization, 9, 6.5, head_right - left)
        for part in [organization] if size else wrap(organization, 6.5, head_right - left):
            y += (size or 6.5) * PT * 1.25
            line_of(part, size or 6.5, False, left, head_right, y, "C")
    y += 14 * PT * 1.4
    line_of(t("paper.title", lang), 14, True, left, head_right, y, "C")
    if election.meeting.title:
        for part in wrap(election.meeting.title, 8, head_right - left)[:2]:
            y += 8 * PT * 1.3
            line_of(part, 8, False, left, head_right, y, "C")
    y = max(y, number_box.y + number_box.h) + 3
    for part in wrap(contest.title, 10.5, right - left, bold=True):
        y += 10.5 * PT * 1.3
        line_of(part, 10.5, True, left, right, y, "C")
    for part in wrap(instruction(contest, lang), 9, right - left):
        y += 9 * PT * 1.3
        line_of(part, 9, False, left, right, y, "C")
    y += 3
    # The table of units, in ``columns`` columns side by side.
    count = len(contest.candidates)
    per_column = -(-count // columns)
    column_w = (right - left - COLUMN_GAP * (columns - 1)) / columns
    box_column = BOX_COLUMN if contest.style == "tick" else 0.0
    name_w = column_w - NUMBER_WIDTH - box_column
    if name_w < 30:
        return None
    table_top = y
    rows_bottom = table_top + TABLE_HEAD + per_column * ROW_HEIGHT
    seal = Rect(right - SEAL_WIDTH, rows_bottom + 3, SEAL_WIDTH, SEAL_HEIGHT)
    if seal.y + seal.h > bottom:
        return None
    units: list[UnitPlace] = []
    head_base = table_top + TABLE_HEAD / 2 + 8 * PT * 0.35
    for column in range(columns):
        x0 = left + column * (column_w + COLUMN_GAP)
        members = contest.candidates[column * per_column : (column + 1) * per_column]
        if not members:
            continue
        x_name, x_box = x0 + NUMBER_WIDTH, x0 + NUMBER_WIDTH + name_w
        x1 = x0 + column_w
        column_bottom = table_top + TABLE_HEAD + len(members) * ROW_HEIGHT
        line_of(t("paper.col_number", lang), 8, True, x0, x_name, head_base, "C")
        line_of(t("paper.col_name", lang), 8, True, x_name, x_box, head_base, "C")
        if box_column:
            line_of(t("paper.col_box", lang), 8, True, x_box, x1, head_base, "C")
        for x in (x0, x_name, *((x_box,) if box_column else ()), x1):
            lines.append((x, table_top, x, column_bottom))
        lines.append((x0, table_top, x1, table_top))
        for index, candidate in enumerate(members):
            row_top = table_top + TABLE_HEAD + index * ROW_HEIGHT
            lines.append((x0, row_top, x1, row_top))
            size = fit(candidate.name, NAME_SIZE, NAME_MIN_SIZE, name_w - 4)
            if size is None:
                return None
            baseline = row_top + ROW_HEIGHT / 2 + size * PT * 0.36
            line_of(str(candidate.number), NAME_SIZE, False, x0, x_name, baseline, "C")
            line_of(candidate.name, size, False, x_name + 2, x_box, baseline, "L")
            name_text = texts[-1]
            cap = size * PT * 0.73
            extent = Rect(name_text.x, baseline - cap, name_text.width, cap)
            cell = Rect(x_name, row_top, name_w, ROW_HEIGHT)
            if box_column:
                box = Rect(
                    x_box + (box_column - BOX_SIZE) / 2, row_top + (ROW_HEIGHT - BOX_SIZE) / 2, BOX_SIZE, BOX_SIZE
                )
            else:
                box = cell
            units.append(UnitPlace(candidate.id, candidate.number, candidate.name, box, cell, extent))
        lines.append((x0, column_bottom, x1, column_bottom))
    # The seal's space (bottom right) and the rule about it (bottom left).
    line_of(t("paper.seal", lang), 7, False, seal.x, seal.x + seal.w, seal.y + 3.5, "C")
    note_w = seal.x - left - 4
    rule = wrap(t("paper.seal_rule", lang), 7, note_w)
    if note_w < 20 or 3.5 + len(rule) * 7 * PT * 1.3 > SEAL_HEIGHT:
        return None
    for index, part in enumerate(rule):
        line_of(part, 7, False, left, seal.x - 4, seal.y + 3.5 + index * 7 * PT * 1.3, "L")
    return PaperLayout(
        contest_id=contest.id,
        style=contest.style,
        per_page=per_page,
        width=width,
        height=height,
        frame_width=frame_w,
        frame_height=frame_h,
        qr=qr,
        number=number_box,
        seal=seal,
        units=tuple(units),
        texts=tuple(texts),
        lines=tuple(lines),
        number_size=number_size,
        lang=lang,
    )


def number_text(layout: PaperLayout, number: int, lang: Language) -> Text:
    """Return the printed ballot number of paper ``number``, right-aligned in the layout's number box."""
    from emulation_vote.i18n import t

    text = t("paper.number", lang, number=number)
    w = text_width(text, layout.number_size, True)
    box = layout.number
    return Text(text, box.x + box.w - w, box.y + box.h - 1.2, layout.number_size, True, w)


def paper_count(election: Election, contest: Contest, count: int | None) -> int:
    """Return how many papers of ``contest`` to print: ``count``, else its issued, present or convened (first known).

    The contest's own electorate figures count where it has them, else the election's.
    """
    if count is not None:
        if count < 1:
            raise UsageError("papers.bad_count", count=count)
        return count
    for name in ("issued", "present", "convened"):
        value = election.figures(contest).figure(name)
        if value:
            return value
    raise UsageError("papers.no_count")


def layout_document(
    layouts: list[PaperLayout], counts: list[int], fingerprint: str, pages: list[int]
) -> dict[str, Any]:
    """Return the machine-readable copy of the geometry written next to the PDF (``*.layout.json``).

    ``counts[i]`` papers of ``layouts[i]``'s contest were printed from page ``pages[i]`` (1-based); paper ``n`` of a
    contest is on page ``first + (n - 1) // per_page``, in slot ``(n - 1) % per_page``.
    """
    return {
        "schema": LAYOUT_SCHEMA,
        "units": "mm",
        "election_fingerprint": fingerprint,
        "qr": {"format": f"{QR_PREFIX}|contest|number|fingerprint[:{QR_FINGERPRINT_DIGITS}]|per_page+lang"},
        "page": {"width": PAGE_WIDTH, "height": PAGE_HEIGHT},
        "contests": [
            {**layout.json(), "papers": count, "first_page": first}
            for layout, count, first in zip(layouts, counts, pages, strict=True)
        ],
    }

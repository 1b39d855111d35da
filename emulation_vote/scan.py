"""Read marked ballot papers back from scans and photos: marks -> perspective -> QR -> box ink -> verdict.

The papers are those printed by ``ballots`` (:mod:`emulation_vote.paper` fixes their geometry).
For each page of each image: every QR code found names a paper (contest, number, election
fingerprint, layout); the paper's four registration marks are looked for where the QR code's
position predicts them, and the transform they give maps the paper's frame onto the image.  Each
unit's box (tick) or name cell (strike) is then measured on the paper straightened to 8 pixels
per millimetre: its share of ink, in per mille (integers), and the verdict follows from the
documented thresholds (docs/scan.md).  Nothing is guessed: a paper with any uncertain box, missing
marks, a QR code that cannot be read, or a number seen twice is not a ballot but a review item.
A paper of another election is refused (:class:`ScanError`).

OpenCV, zxing-cpp and pypdfium2 (the ``scan`` extra) are imported lazily.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emulation_vote.errors import BallotFileError, UsageError
from emulation_vote.paper import (
    MARK_INSET,
    PAD,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_SIZE,
    SLOTS,
    PaperLayout,
    election_fingerprint,
    paper_layouts,
    parse_qr,
)
from emulation_vote.vocab import Language, Style

if TYPE_CHECKING:
    from emulation_vote.election import Contest, Election

PX_PER_MM = 8  # the straightened paper's resolution
MARGIN_MM = 4.0  # straightened around the frame
PDF_DPI = 200
QR_FIT_MM = 2.5  # the marks found must put the QR code's corners within this of where it was decoded
# Thresholds, in per mille of a region's pixels (docs/scan.md).  A pixel is "dark" ink below 55% of
# the paper's local brightness, "light" ink below 88% (pencil, a faint pen).
DARK = 0.55
LIGHT = 0.88
TICK_MARKED = 80  # dark ink inside the box at or above this: marked ...
TICK_OUTSIDE_MAX = 150  # ... unless the box's sides hold this much dark ink or more (scribbled over: review)
TICK_EMPTY = 25  # light ink inside at or below this, and little beside: empty
SIDE_EMPTY = 80
STRIKE_LIGHT = 0.78  # a line this light through a name: blurred print must not join into one
STRIKE_MARKED = 600  # the name's width crossed by a line at or above this: struck
STRIKE_EMPTY = 100  # at or below this, with no other ink in the cell: not struck
CELL_EMPTY = 25
THRESHOLDS = {
    "dark": DARK,
    "light": LIGHT,
    "tick_marked": TICK_MARKED,
    "tick_outside_max": TICK_OUTSIDE_MAX,
    "tick_empty": TICK_EMPTY,
    "side_empty": SIDE_EMPTY,
    "strike_light": STRIKE_LIGHT,
    "strike_marked": STRIKE_MARKED,
    "strike_empty": STRIKE_EMPTY,
    "cell_empty": CELL_EMPTY,
}
SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf")
EXTRA = 'pip install "emulation-vote[scan]"'
PACKAGES = {"cv2": "opencv-python-headless", "zxingcpp": "zxing-cpp", "pypdfium2": "pypdfium2", "numpy": "numpy"}

Image = Any  # a numpy array; numpy, OpenCV and zxing-cpp are loaded lazily


class ScanError(BallotFileError):
    """A scanned paper that must not be counted at all (another election's paper)."""


def load(module: str) -> Any:
    """Import one of the ``scan`` extra's modules, or say exactly what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UsageError("scanning.missing_extra", module=PACKAGES.get(module, module), command=EXTRA) from None


@dataclass(frozen=True)
class Source:
    """Where a paper was seen: the image file, the page (1-based; 1 for a single image) and the file's SHA-256."""

    file: str
    page: int
    sha256: str


@dataclass(frozen=True)
class BoxReading:
    """One unit's measured box: ink in per mille and the verdict ("marked", "empty" or "uncertain").

    For a tick box: ``ink`` is dark ink inside, ``light`` any ink inside, ``outside`` dark and
    ``outside_light`` any ink beside the box (in its column).  For a strike cell: ``ink`` is the
    share of the name's width crossed by a dark line, ``light`` by any line, ``outside`` other ink
    in the cell (off the printed name and the line), ``outside_light`` 0.
    """

    unit: str
    number: int
    ink: int
    light: int
    outside: int
    outside_light: int
    verdict: str


@dataclass(frozen=True)
class PaperReading:
    """One paper as read: where, its QR code, every box, and either its choices or why it needs review."""

    source: Source
    index: int
    qr: str | None
    contest: str | None
    number: int | None
    boxes: tuple[BoxReading, ...]
    problems: tuple[str, ...]
    crop: Image = field(repr=False, compare=False, default=None)

    @property
    def readable(self) -> bool:
        """Whether the paper reads as a ballot with no review needed."""
        return not self.problems

    def chosen(self, style: Style) -> tuple[str, ...]:
        """Return the units the paper chooses: those marked (tick), or those not struck out (strike)."""
        if style == Style.strike:
            return tuple(b.unit for b in self.boxes if b.verdict == "empty")
        return tuple(b.unit for b in self.boxes if b.verdict == "marked")


def file_pages(path: Path) -> Iterator[tuple[Source, Image]]:
    """Yield each page of an image file (PNG, JPEG, TIFF, PDF) as a grey image with its source."""
    from emulation_vote.output import read_input

    where = str(path)
    data = read_input(path)
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError("scanning.suffix", file=where, suffix=suffix or "-")
    np = load("numpy")
    if suffix == ".pdf":
        pdfium = load("pypdfium2")
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            raise BallotFileError("scanning.unreadable", file=where) from None
        try:
            for index in range(len(document)):
                bitmap = document[index].render(scale=PDF_DPI / 72, grayscale=True)
                yield (
                    Source(where, index + 1, digest),
                    np.array(bitmap.to_numpy()[:, :, 0] if bitmap.to_numpy().ndim == 3 else bitmap.to_numpy()),
                )
        finally:
            document.close()
        return
    cv2 = load("cv2")
    buffer = np.frombuffer(data, dtype=np.uint8)
    if suffix in (".tif", ".tiff"):
        ok, images = cv2.imdecodemulti(buffer, cv2.IMREAD_GRAYSCALE)
        if not ok or not images:
            raise BallotFileError("scanning.unreadable", file=where)
        for index, image in enumerate(images):
            yield Source(where, index + 1, digest), image
        return
    image = cv2.imdecode(buffer, cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise BallotFileError("scanning.unreadable", file=where)
    yield Source(where, 1, digest), image


class Scanner:
    """Reads the papers of one election from page images."""

    def __init__(self, election: Election) -> None:
        """Prepare the election's fingerprint; layouts are computed on first use per (contest, per page, language)."""
        self.election = election
        self.fingerprint = election_fingerprint(election)
        self.prefix = self.fingerprint.removeprefix("sha256:")[:16]
        self._layouts: dict[tuple[str, int, str], PaperLayout] = {}
        self.cv2 = load("cv2")
        self.np = load("numpy")
        self.zxing = load("zxingcpp")
        self.contest_ids = {c.id for c in election.contests}

    def layout(self, contest_id: str, per_page: int, lang: Language) -> PaperLayout:
        """Return the geometry of ``contest_id``'s paper printed ``per_page`` to a page in ``lang``."""
        key = (contest_id, per_page, lang)
        if key not in self._layouts:
            contest = self.election.contest(contest_id)
            self._layouts[key] = paper_layouts(self.election, (contest,), per_page, lang)[0]
        return self._layouts[key]

    # --- a page ---------------------------------------------------------------------------------

    def read_page(self, source: Source, gray: Image) -> list[PaperReading]:
        """Return every paper found on one page (papers needing review included; none: one review item)."""
        cv2, np = self.cv2, self.np
        if gray.ndim == 3:
            gray = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY)
        gray = np.ascontiguousarray(gray, dtype=np.uint8)
        marks = self._marks(gray)
        used: set[int] = set()
        self._quads: list[Image] = []
        papers: list[PaperReading] = []
        texts: set[str] = set()
        for attempt in range(3):
            if attempt and len(self._left(marks, used)) < 3:
                break  # every set of marks has its paper: no need to look harder for QR codes
            codes = self.zxing.read_barcodes(self._qr_image(gray, attempt), formats=self.zxing.BarcodeFormat.QRCode)
            factor = 2.0 if attempt == 2 else 1.0
            for code in codes:
                content = parse_qr(code.text)
                if content is None or code.text in texts:
                    continue
                texts.add(code.text)
                if content.fingerprint_prefix != self.prefix or content.contest_id not in self.contest_ids:
                    raise ScanError("scanning.other_election", file=source.file, page=source.page, qr=code.text)
                layout = self.layout(content.contest_id, content.per_page, content.lang)
                corners = _corners(self.np, code.position, factor)
                papers.append(
                    self._paper(source, len(papers) + 1, gray, code.text, corners, content.number, layout, marks, used)
                )
        left = self._left(marks, used)
        if len(left) >= 4:
            for text, corners in self._rescue(gray, left):
                content = parse_qr(text)
                if content is None or text in texts:
                    continue
                texts.add(text)
                if content.fingerprint_prefix != self.prefix or content.contest_id not in self.contest_ids:
                    raise ScanError("scanning.other_election", file=source.file, page=source.page, qr=text)
                layout = self.layout(content.contest_id, content.per_page, content.lang)
                papers.append(
                    self._paper(source, len(papers) + 1, gray, text, corners, content.number, layout, marks, used)
                )
            left = self._left(marks, used)
        if not papers or len(left) >= 3:
            reason = "no_qr" if left or not papers else "nothing_found"
            if not papers and not marks:
                reason = "nothing_found"
            papers.append(PaperReading(source, len(papers) + 1, None, None, None, (), (reason,), _thumbnail(cv2, gray)))
        return papers

    def _left(self, marks: list[tuple[float, float, float]], used: set[int]) -> list[tuple[float, float, float]]:
        """Return the marks that belong to no paper found so far."""
        return [m for i, m in enumerate(marks) if i not in used and not any(_inside(m, q) for q in self._quads)]

    def _rescue(self, gray: Image, left: list[tuple[float, float, float]]) -> Iterator[tuple[str, Image]]:
        """Yield the QR codes of papers whose marks were found but whose QR code was not read on the page.

        Four marks that frame a paper of any size (1, 2 or 4 to a page) give its perspective, the QR
        code's place in the frame is the same for every layout (top right), so the code is straightened
        at 10 pixels per millimetre and read again; yields its text and its corners in page pixels.
        """
        cv2, np = self.cv2, self.np
        if len(left) > 12:
            return
        points = np.array([[m[0], m[1]] for m in left], dtype=np.float32)
        for combination in itertools.combinations(range(len(left)), 4):
            quad = points[list(combination)]
            hull = cv2.convexHull(quad, clockwise=False).reshape(-1, 2)  # clockwise as seen (y down)
            if len(hull) != 4:
                continue
            for per_page in sorted(SLOTS):
                columns, rows = SLOTS[per_page]
                width = PAGE_WIDTH / columns - 2 * MARK_INSET
                height = PAGE_HEIGHT / rows - 2 * MARK_INSET
                frame = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
                for turn in range(4):
                    corners = np.roll(hull, turn, axis=0).astype(np.float32)
                    sides = [float(np.linalg.norm(corners[(i + 1) % 4] - corners[i])) for i in range(4)]
                    ratio = (sides[0] + sides[2]) / max(1.0, sides[1] + sides[3])
                    if not 0.8 < ratio / (width / height) < 1.25:
                        continue
                    homography = cv2.getPerspectiveTransform(frame, corners)
                    x0, y0, size, zoom = width - PAD - QR_SIZE - 4, PAD - 4, QR_SIZE + 8, 10
                    to_crop = np.array([[zoom, 0, -x0 * zoom], [0, zoom, -y0 * zoom], [0, 0, 1]], dtype=np.float64)
                    warp = to_crop @ np.linalg.inv(homography.astype(np.float64))
                    crop = cv2.warpPerspective(gray, warp, (round(size * zoom), round(size * zoom)), borderValue=255)
                    # As it is, then with dark grown by a pixel: a crease or scratch across the code is closed.
                    for variant in (crop, cv2.erode(crop, np.ones((3, 3), np.uint8))):
                        codes = self.zxing.read_barcodes(variant, formats=self.zxing.BarcodeFormat.QRCode)
                        for code in codes:
                            back = np.linalg.inv(warp)
                            found = _corners(np, code.position, 1.0).reshape(-1, 1, 2)
                            yield code.text, cv2.perspectiveTransform(found, back).reshape(-1, 2).astype(np.float32)
                        if codes:
                            break

    def _qr_image(self, gray: Image, attempt: int) -> Image:
        """Return the page as given (first attempt), then smoothed, then halved: noise and JPEG blocks hide QR codes."""
        cv2 = self.cv2
        if attempt == 0:
            return gray
        if attempt == 1:
            return cv2.medianBlur(gray, 3)
        return cv2.resize(cv2.GaussianBlur(gray, (0, 0), 1.0), None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)

    def _marks(self, gray: Image) -> list[tuple[float, float, float]]:
        """Return the solid dark squares of a page: centre x, centre y and side, in pixels."""
        cv2, np = self.cv2, self.np
        small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25))
        background = cv2.resize(cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel), (gray.shape[1], gray.shape[0]))
        normalised = cv2.divide(gray, np.maximum(background, 1), scale=255)
        _, binary = cv2.threshold(normalised, int(255 * 0.5), 255, cv2.THRESH_BINARY_INV)
        # Close gaps of a pixel or two: a crease or a scratch across a mark must not split it.
        binary = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
        contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        found = []
        for contour in contours:
            area = cv2.contourArea(contour)
            if area < 60:
                continue
            _centre, (w, h), _angle = cv2.minAreaRect(contour)
            if min(w, h) <= 0 or max(w, h) / min(w, h) > 1.4 or area / (w * h) < 0.8:
                continue
            x, y, bw, bh = cv2.boundingRect(contour)
            inside = binary[y : y + bh, x : x + bw]
            if np.count_nonzero(inside) < 0.85 * w * h:  # solid, not a ring (a QR code's finder pattern)
                continue
            moments = cv2.moments(contour)
            found.append((moments["m10"] / moments["m00"], moments["m01"] / moments["m00"], float(np.sqrt(area))))
        return found

    def _paper(
        self,
        source: Source,
        index: int,
        gray: Image,
        text: str,
        image_qr: Image,
        number: int,
        layout: PaperLayout,
        marks: list[tuple[float, float, float]],
        used: set[int],
    ) -> PaperReading:
        cv2, np = self.cv2, self.np
        q = layout.qr
        frame_qr = np.array([[q.x, q.y], [q.x + q.w, q.y], [q.x + q.w, q.y + q.h], [q.x, q.y + q.h]], dtype=np.float32)
        # An affine estimate from three corners of the QR code: a perspective one from so small a square
        # would swing far at the paper's corners.
        rough = cv2.getAffineTransform(frame_qr[[0, 1, 3]], image_qr[[0, 1, 3]])
        scale = float(np.linalg.norm(image_qr[1] - image_qr[0]) + np.linalg.norm(image_qr[3] - image_qr[0])) / (2 * q.w)
        corners = np.array(
            [[0, 0], [layout.frame_width, 0], [layout.frame_width, layout.frame_height], [0, layout.frame_height]],
            dtype=np.float32,
        )
        predicted = cv2.transform(corners.reshape(-1, 1, 2), rough).reshape(-1, 2)
        # Up to three mark-sized candidates near each predicted corner (a phone's perspective can move a far
        # corner well away from the affine guess); the four that put the QR code where the image has it win.
        options = []
        for px, py in predicted:
            near = sorted(
                (float(np.hypot(mx - px, my - py)), i)
                for i, (mx, my, side) in enumerate(marks)
                if i not in used and 0.7 * 5 * scale <= side <= 1.4 * 5 * scale
            )
            options.append([i for distance, i in near[:3] if distance < 30 * scale])
        best: tuple[float, list[int]] | None = None
        for combination in itertools.product(*options):
            if len(set(combination)) < 4:
                continue
            points = np.array([[marks[i][0], marks[i][1]] for i in combination], dtype=np.float32)
            homography = cv2.getPerspectiveTransform(corners, points)
            seen = cv2.perspectiveTransform(frame_qr.reshape(-1, 1, 2), homography).reshape(-1, 2)
            error = float(np.max(np.hypot(*(seen - image_qr).T))) / scale
            if best is None or error < best[0]:
                best = (error, list(combination))
        if best is None or best[0] > QR_FIT_MM:
            self._quads.append(predicted.astype(np.float32))  # its marks are not another paper's
            return PaperReading(
                source, index, text, layout.contest_id, number, (), ("marks_missing",), _thumbnail(cv2, gray)
            )
        found = best[1]
        indices = found
        used.update(indices)
        image_marks = np.array([[marks[i][0], marks[i][1]] for i in indices], dtype=np.float32)
        self._quads.append(image_marks)
        transform = cv2.getPerspectiveTransform(corners, image_marks)
        straight = self._straighten(gray, transform, layout)
        boxes = self._measure(straight, layout)
        problems = tuple(sorted({f"uncertain:{b.unit}" for b in boxes if b.verdict == "uncertain"}))
        return PaperReading(source, index, text, layout.contest_id, number, boxes, problems, straight)

    def _straighten(self, gray: Image, transform: Image, layout: PaperLayout) -> Image:
        """Return the paper's frame (plus a margin) straightened at :data:`PX_PER_MM`, normalised to its paper white."""
        cv2, np = self.cv2, self.np
        to_canvas = np.array(
            [[PX_PER_MM, 0, MARGIN_MM * PX_PER_MM], [0, PX_PER_MM, MARGIN_MM * PX_PER_MM], [0, 0, 1]], dtype=np.float64
        )
        size = (
            round((layout.frame_width + 2 * MARGIN_MM) * PX_PER_MM),
            round((layout.frame_height + 2 * MARGIN_MM) * PX_PER_MM),
        )
        warp = to_canvas @ np.linalg.inv(transform.astype(np.float64))
        straight = cv2.warpPerspective(gray, warp, size, flags=cv2.INTER_AREA, borderValue=255)
        straight = cv2.GaussianBlur(straight, (0, 0), 0.8)  # sensor noise and JPEG blocks are not ink
        # The paper white: the brightest within about 2.6 mm, smoothed; estimated at a quarter of the resolution.
        small = cv2.resize(straight, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
        background = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
        background = cv2.GaussianBlur(background, (0, 0), 1.5)
        background = cv2.resize(background, (straight.shape[1], straight.shape[0]), interpolation=cv2.INTER_LINEAR)
        return cv2.divide(straight, np.maximum(background, 1), scale=255)

    def _region(self, image: Image, x: float, y: float, w: float, h: float) -> Image:
        x0 = round((x + MARGIN_MM) * PX_PER_MM)
        y0 = round((y + MARGIN_MM) * PX_PER_MM)
        return image[y0 : y0 + max(1, round(h * PX_PER_MM)), x0 : x0 + max(1, round(w * PX_PER_MM))]

    def _measure(self, straight: Image, layout: PaperLayout) -> tuple[BoxReading, ...]:
        readings = []
        for unit in layout.units:
            if layout.style == "tick":
                readings.append(self._tick(straight, unit.id, unit.number, unit.box, unit.cell))
            else:
                readings.append(self._strike(straight, unit.id, unit.number, unit.cell, unit.name))
        return tuple(readings)

    def _tick(self, image: Image, unit: str, number: int, box: Any, cell: Any) -> BoxReading:
        np = self.np
        inset = 0.8
        inside = self._region(image, box.x + inset, box.y + inset, box.w - 2 * inset, box.h - 2 * inset)
        dark = per_mille(np.count_nonzero(inside < 255 * DARK), inside.size)
        light = per_mille(np.count_nonzero(inside < 255 * LIGHT), inside.size)
        gap = (box.x - (cell.x + cell.w)) - 1.2  # the box column's white beside the box, less the lines
        left = self._region(image, cell.x + cell.w + 0.6, box.y, max(gap, 0.5), box.h)
        right = self._region(image, box.x + box.w + 0.6, box.y, max(gap, 0.5), box.h)
        beside = np.concatenate([left.ravel(), right.ravel()])
        outside = per_mille(np.count_nonzero(beside < 255 * DARK), beside.size)
        outside_light = per_mille(np.count_nonzero(beside < 255 * LIGHT), beside.size)
        if dark >= TICK_MARKED and outside < TICK_OUTSIDE_MAX:
            verdict = "marked"
        elif light <= TICK_EMPTY and outside_light <= SIDE_EMPTY:
            verdict = "empty"
        else:
            verdict = "uncertain"
        return BoxReading(unit, number, dark, light, outside, outside_light, verdict)

    def _crossed(self, region: Image, threshold: float, x0: int, x1: int) -> tuple[int, Image]:
        """Return the share (per mille) of columns x0..x1 crossed by a line-shaped stroke darker than ``threshold``.

        Strokes are kept when at least 5 mm long in one of the directions -20..20 degrees (an opening
        with a line), which no printed letter is.
        """
        cv2, np = self.cv2, self.np
        ink = (region < 255 * threshold).astype(np.uint8)
        lines = np.zeros_like(ink)
        for angle in range(-20, 21, 5):
            lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, _line_kernel(cv2, np, 5 * PX_PER_MM, angle))
        columns = lines[:, x0:x1].any(axis=0)
        return per_mille(int(np.count_nonzero(columns)), max(1, x1 - x0)), lines

    def _strike(self, image: Image, unit: str, number: int, cell: Any, name: Any) -> BoxReading:
        cv2, np = self.cv2, self.np
        region = self._region(image, cell.x + 0.5, cell.y + 0.5, cell.w - 1.0, cell.h - 1.0)
        x0 = max(0, round((name.x - cell.x - 0.5) * PX_PER_MM))
        x1 = min(region.shape[1], round((name.x + name.w - cell.x - 0.5) * PX_PER_MM))
        crossed, lines = self._crossed(region, DARK, x0, x1)
        crossed_faint, _ = self._crossed(region, STRIKE_LIGHT, x0, x1)
        # Other ink: anything light outside the printed name (grown by 0.8 mm) and off any line.
        light = (region < 255 * LIGHT).astype(np.uint8)
        top = max(0, round((name.y - cell.y - 0.5 - 0.8) * PX_PER_MM))
        bottom = min(region.shape[0], round((name.y + name.h * 1.35 - cell.y - 0.5 + 0.8) * PX_PER_MM))
        light[top:bottom, max(0, x0 - 6) : x1 + 6] = 0
        grown = cv2.dilate(lines, np.ones((5, 5), np.uint8))
        other = per_mille(int(np.count_nonzero(light & (1 - grown))), light.size)
        if crossed >= STRIKE_MARKED:
            verdict = "marked"
        elif crossed_faint <= STRIKE_EMPTY and other <= CELL_EMPTY:
            verdict = "empty"
        else:
            verdict = "uncertain"
        return BoxReading(unit, number, crossed, crossed_faint, other, 0, verdict)


def _corners(np: Any, position: Any, factor: float) -> Image:
    """Return a decoded QR code's corners (top-left, top-right, bottom-right, bottom-left) in page pixels."""
    points = (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
    return np.array([[p.x * factor, p.y * factor] for p in points], dtype=np.float32)


def _inside(mark: tuple[float, float, float], quad: Image) -> bool:
    """Whether a mark's centre lies inside a paper's quadrilateral of mark centres (grown by half a mark)."""
    import cv2

    return bool(cv2.pointPolygonTest(quad.reshape(-1, 1, 2), (mark[0], mark[1]), True) > -mark[2])


def _line_kernel(cv2: Any, np: Any, length: int, angle: int) -> Any:
    size = length | 1
    kernel = np.zeros((size, size), np.uint8)
    centre = size // 2
    radians = np.deg2rad(angle)
    dx, dy = np.cos(radians) * centre, np.sin(radians) * centre
    cv2.line(kernel, (round(centre - dx), round(centre - dy)), (round(centre + dx), round(centre + dy)), 1, 1)
    return kernel


def _thumbnail(cv2: Any, gray: Image) -> Image:
    scale = min(1.0, 1400 / max(gray.shape))
    return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray


def per_mille(part: int, whole: int) -> int:
    """Return ``part / whole`` in per mille, rounded half up (0 for an empty whole).

    >>> per_mille(1, 8), per_mille(0, 0)
    (125, 0)
    """
    if whole <= 0:
        return 0
    return (2000 * int(part) + int(whole)) // (2 * int(whole))


@dataclass(frozen=True)
class ScanResult:
    """Everything read from the images: the papers that are ballots and those left for review."""

    ballots: tuple[PaperReading, ...]
    review: tuple[PaperReading, ...]
    pages: int


def scan_images(election: Election, paths: list[Path]) -> ScanResult:
    """Read every page of ``paths``; papers with a ballot number seen twice all go to review."""
    scanner = Scanner(election)
    papers: list[PaperReading] = []
    pages = 0
    for path in paths:
        for source, image in file_pages(path):
            pages += 1
            papers.extend(scanner.read_page(source, image))
    seen: dict[tuple[str | None, int | None], int] = {}
    for paper in papers:
        if paper.number is not None:
            key = (paper.contest, paper.number)
            seen[key] = seen.get(key, 0) + 1
    final = []
    for paper in papers:
        if paper.number is not None and seen[(paper.contest, paper.number)] > 1:
            paper = PaperReading(
                paper.source, paper.index, paper.qr, paper.contest, paper.number, paper.boxes,
                (*paper.problems, "number_twice"), paper.crop,
            )  # fmt: skip
        final.append(paper)
    return ScanResult(tuple(p for p in final if p.readable), tuple(p for p in final if not p.readable), pages)


@dataclass(frozen=True)
class Reviewed:
    """A paper read by a clerk in review: its contest, number, the units it chooses or the reason it is invalid."""

    paper: PaperReading
    contest: str
    number: int
    chosen: tuple[str, ...]
    declared: str | None
    clerk: str | None


def parse_reading(text: str, contest: Contest) -> tuple[tuple[str, ...], str | None] | None:
    r"""Read a clerk's typed reading of a paper: the units it chooses and the invalid reason, None if unreadable.

    The clerk types what the paper shows: the numbers of the units marked (tick) or struck out
    (strike), ``-`` for none, ``!reason`` for a paper the committee declares invalid.

    >>> from emulation_vote.election import parse_election
    >>> contest = parse_election(
    ...     '[[contest]]\nid = "c"\nseats = 1\ncandidates = [{ id = "A", name = "A" }, { id = "B", name = "B" }]'
    ... ).contests[0]
    >>> parse_reading("2", contest), parse_reading("-", contest), parse_reading("!không có dấu", contest)
    ((('B',), None), ((), None), ((), 'không có dấu'))
    >>> parse_reading("3", contest) is None
    True
    """
    typed = text.strip()
    if typed.startswith("!"):
        reason = " ".join(typed[1:].split())
        return ((), reason) if reason else None
    ids = [c.id for c in contest.candidates]
    if typed == "-":
        shown: list[str] = []
    else:
        parts = typed.replace(",", " ").split()
        if not parts or not all(p.isascii() and p.isdigit() and 1 <= int(p) <= len(ids) for p in parts):
            return None
        shown = [ids[int(p) - 1] for p in sorted(set(parts), key=int)]
    if contest.style == Style.strike:
        return tuple(i for i in ids if i not in shown), None
    return tuple(shown), None


def ballot_rows(
    election: Election, ballots: tuple[PaperReading, ...], reviewed: list[Reviewed]
) -> list[tuple[str, str, int, str, str]]:
    """Return the ballot file's rows (contest, ballot_id, round, choices, invalid), by contest and number."""
    styles = {c.id: c.style for c in election.contests}
    rows = [(p.contest or "", p.number or 0, ";".join(p.chosen(styles[p.contest or ""])), "") for p in ballots]
    rows += [(r.contest, r.number, ";".join(r.chosen), r.declared or "") for r in reviewed]
    order = {c.id: i for i, c in enumerate(election.contests)}
    rows.sort(key=lambda row: (order[row[0]], row[1]))
    return [(contest, str(number), 1, choices, declared) for contest, number, choices, declared in rows]


def _paper_entry(paper: PaperReading, result: str, styles: Mapping[str, Style]) -> dict[str, Any]:
    return {
        "action": "paper",
        "file": paper.source.file,
        "page": paper.source.page,
        "sha256": paper.source.sha256,
        "index": paper.index,
        "qr": paper.qr,
        "contest": paper.contest,
        "ballot_id": None if paper.number is None else str(paper.number),
        "boxes": [[b.unit, b.ink, b.light, b.outside, b.outside_light, b.verdict] for b in paper.boxes],
        "result": result,
        "choices": list(paper.chosen(styles[paper.contest])) if result == "ballot" and paper.contest else None,
        "problems": list(paper.problems),
    }


def log_entries(
    election: Election, result: ScanResult, reviewed: list[Reviewed], clerk: str | None, time: str
) -> list[dict[str, Any]]:
    """Return the scan log's entries: the run, every paper with its measures and verdicts, every review."""
    styles = {c.id: c.style for c in election.contests}
    files: dict[str, str] = {}
    for paper in (*result.ballots, *result.review):
        files.setdefault(paper.source.file, paper.source.sha256)
    entries: list[dict[str, Any]] = [
        {
            "time": time,
            "clerk": clerk,
            "action": "scan",
            "election": election_fingerprint(election),
            "images": [{"file": f, "sha256": h} for f, h in files.items()],
            "thresholds": THRESHOLDS,
        }
    ]
    papers = sorted((*result.ballots, *result.review), key=lambda p: (p.source.file, p.source.page, p.index))
    for paper in papers:
        entries.append({"time": time, **_paper_entry(paper, "ballot" if paper.readable else "review", styles)})
    for item in reviewed:
        entries.append(
            {
                "time": time,
                "clerk": item.clerk,
                "action": "reviewed",
                "file": item.paper.source.file,
                "page": item.paper.source.page,
                "index": item.paper.index,
                "contest": item.contest,
                "ballot_id": str(item.number),
                "choices": list(item.chosen),
                "invalid": item.declared,
            }
        )
    left = len(result.review) - len(reviewed)
    entries.append(
        {
            "time": time,
            "clerk": clerk,
            "action": "scan_end",
            "ballots": len(result.ballots) + len(reviewed),
            "review": left,
        }
    )
    return entries


def png_bytes(image: Image) -> bytes:
    """Return ``image`` encoded as PNG."""
    cv2 = load("cv2")
    ok, data = cv2.imencode(".png", image)
    return bytes(data) if ok else b""

"""Make scans of marked ballot papers for the scan tests and bench/scan_bench.py.

The papers are the PDF that ``ballots`` writes, rasterised by pypdfium2; marks are drawn the way
people mark papers (an X, a tick, a filled box, a circle, a stroke over the box's edge, a pen line
through a name; and ambiguous ones: a faint pencil mark, a mark scribbled over); then the page is
distorted (rotation, perspective as from a phone, scale, blur, JPEG, noise, a shadow, a crease).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2

from emulation_vote.paper import MARK_INSET, PaperLayout

CLEAR_TICK = ("x", "tick", "fill", "circle", "stray")
AMBIGUOUS_TICK = ("faint", "scribble")
CLEAR_STRIKE = ("line",)
AMBIGUOUS_STRIKE = ("faint_line",)
DISTORTIONS = ("rotate", "perspective", "scale", "blur", "jpeg", "noise", "shadow", "crease")


@dataclass
class Marked:
    """One paper as marked: its contest and number, the units marked and how, and whether any mark is ambiguous."""

    contest: str
    number: int
    marks: dict[str, str]
    ambiguous: bool

    def expected(self, layout: PaperLayout) -> tuple[str, ...]:
        ids = [u.id for u in layout.units]
        if layout.style == "strike":
            return tuple(i for i in ids if i not in self.marks)
        return tuple(i for i in ids if i in self.marks)


def render_pages(pdf: Path, dpi: int, first: int = 0, last: int | None = None) -> list[np.ndarray]:
    """Rasterise pages ``first`` (0-based) to ``last`` (excluded; None: to the end) of ``pdf`` in grey."""
    document = pypdfium2.PdfDocument(str(pdf))
    numbers = range(first, len(document) if last is None else min(last, len(document)))
    pages = [np.array(document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")) for i in numbers]
    document.close()
    return pages


def _ink(rng: random.Random, faint: bool) -> int:
    return rng.randint(135, 175) if faint else rng.randint(15, 70)


def _pt(ox: float, oy: float, x: float, y: float, k: float) -> tuple[int, int]:
    return round((ox + x) * k), round((oy + y) * k)


def draw_mark(
    image: np.ndarray, kind: str, rect: Any, name: Any, ox: float, oy: float, dpi: int, rng: random.Random
) -> None:
    """Draw one mark of ``kind`` on ``rect`` (frame mm) of the paper whose frame origin is at page mm (ox, oy)."""
    k = dpi / 25.4
    faint = kind in ("faint", "faint_line")
    colour = _ink(rng, faint)
    thick = max(2, round((0.3 if faint else rng.uniform(0.4, 0.7)) * k))
    x0, y0, x1, y1 = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h

    def j(v: float) -> float:
        return v + rng.uniform(-0.4, 0.4)

    if kind in ("x", "faint"):
        cv2.line(
            image, _pt(ox, oy, j(x0 + 0.8), j(y0 + 0.8), k), _pt(ox, oy, j(x1 - 0.8), j(y1 - 0.8), k), colour, thick
        )
        cv2.line(
            image, _pt(ox, oy, j(x1 - 0.8), j(y0 + 0.8), k), _pt(ox, oy, j(x0 + 0.8), j(y1 - 0.8), k), colour, thick
        )
    elif kind == "tick":
        cv2.line(
            image,
            _pt(ox, oy, j(x0 + 0.8), j(y0 + rect.h * 0.55), k),
            _pt(ox, oy, j(x0 + rect.w * 0.4), j(y1 - 0.7), k),
            colour,
            thick,
        )
        cv2.line(
            image,
            _pt(ox, oy, j(x0 + rect.w * 0.4), j(y1 - 0.7), k),
            _pt(ox, oy, j(x1 - 0.5), j(y0 + 0.6), k),
            colour,
            thick,
        )
    elif kind == "fill":
        a, b = _pt(ox, oy, x0 + 0.7, y0 + 0.7, k), _pt(ox, oy, x1 - 0.7, y1 - 0.7, k)
        cv2.rectangle(image, a, b, colour, -1)
    elif kind == "circle":
        centre = _pt(ox, oy, (x0 + x1) / 2 + rng.uniform(-0.3, 0.3), (y0 + y1) / 2 + rng.uniform(-0.3, 0.3), k)
        axes = (round(rect.w * 0.33 * k), round(rect.h * 0.33 * k))
        cv2.ellipse(image, centre, axes, 0, 0, 360, colour, thick)
    elif kind == "stray":
        over = rng.uniform(1.0, 2.0)
        cv2.line(image, _pt(ox, oy, x0 + 0.8, y0 + 0.8, k), _pt(ox, oy, x1 + over, y1 + over * 0.6, k), colour, thick)
        cv2.line(image, _pt(ox, oy, x1 - 0.8, y0 + 0.8, k), _pt(ox, oy, x0 + 0.8, y1 - 0.8, k), colour, thick)
    elif kind == "scribble":
        for _ in range(12):
            a = _pt(ox, oy, rng.uniform(x0 - 3.5, x0), rng.uniform(y0, y1), k)
            b = _pt(ox, oy, rng.uniform(x1, x1 + 3.5), rng.uniform(y0, y1), k)
            cv2.line(image, a, b, colour, thick + 1)
    elif kind in ("line", "faint_line"):
        start = name.x - rng.uniform(0.5, 3.0)
        end = min(rect.x + rect.w - 0.5, name.x + name.w + rng.uniform(0.5, 6.0))
        mid = name.y + name.h / 2 + rng.uniform(-0.6, 0.6)
        tilt = rng.uniform(-1.2, 1.2)
        cv2.line(image, _pt(ox, oy, start, mid - tilt, k), _pt(ox, oy, end, mid + tilt, k), colour, thick)
    else:
        raise ValueError(kind)


def mark_papers(
    pages: list[np.ndarray], layout: PaperLayout, first_page: int, count: int, dpi: int, rng: random.Random,
    ambiguous_share: float = 0.0,
) -> list[Marked]:  # fmt: skip
    """Mark every paper of one contest on its pages (in place); return what was marked."""
    marked = []
    ids = [u.id for u in layout.units]
    for number in range(1, count + 1):
        page = pages[first_page - 1 + (number - 1) // layout.per_page]
        sx, sy = layout.slot((number - 1) % layout.per_page)
        ox, oy = sx + MARK_INSET, sy + MARK_INSET
        chosen = rng.sample(ids, rng.randint(0, min(len(ids), 3)))
        clear = CLEAR_STRIKE if layout.style == "strike" else CLEAR_TICK
        kinds = {unit: rng.choice(clear) for unit in chosen}
        ambiguous = bool(chosen) and rng.random() < ambiguous_share
        if ambiguous:
            unit = rng.choice(chosen)
            kinds[unit] = rng.choice(AMBIGUOUS_STRIKE if layout.style == "strike" else AMBIGUOUS_TICK)
        for unit in layout.units:
            if unit.id in kinds:
                draw_mark(page, kinds[unit.id], unit.box, unit.name, ox, oy, dpi, rng)
        marked.append(Marked(layout.contest_id, number, kinds, ambiguous))
    return marked


def distort(image: np.ndarray, rng: random.Random, which: tuple[str, ...] = DISTORTIONS) -> np.ndarray:
    """Return the page as a scanner or a phone might see it."""
    h, w = image.shape
    out = image
    if {"rotate", "perspective", "scale"} & set(which):
        angle = rng.uniform(-10, 10) if "rotate" in which else 0.0
        scale = rng.uniform(0.9, 1.1) if "scale" in which else 1.0
        canvas = (round(w * 1.25), round(h * 1.25))
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
        matrix[0, 2] += (canvas[0] - w) / 2
        matrix[1, 2] += (canvas[1] - h) / 2
        affine = np.vstack([matrix, [0, 0, 1]])
        if "perspective" in which:
            src = np.float32([[0, 0], [canvas[0], 0], [canvas[0], canvas[1]], [0, canvas[1]]])
            shift = 0.05 * min(canvas)
            dst = src + np.float32([[rng.uniform(-shift, shift), rng.uniform(-shift, shift)] for _ in range(4)])
            affine = cv2.getPerspectiveTransform(src, dst) @ affine
        out = cv2.warpPerspective(out, affine, canvas, borderValue=rng.randint(90, 200))
    if "shadow" in which:
        gh, gw = out.shape
        ramp = np.linspace(rng.uniform(0.55, 0.75), 1.0, gw, dtype=np.float32)
        if rng.random() < 0.5:
            ramp = ramp[::-1]
        out = (out.astype(np.float32) * ramp[None, :]).astype(np.uint8)
    if "crease" in which:
        gh, gw = out.shape
        y = rng.randint(gh // 4, 3 * gh // 4)
        cv2.line(out, (0, y), (gw, y + rng.randint(-40, 40)), 200, 2)
    if "blur" in which:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.2))
    if "noise" in which:
        noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 8, out.shape)
        out = np.clip(out.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    if "jpeg" in which:
        ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, 40])
        assert ok
        out = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    return out

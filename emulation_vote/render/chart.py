"""The chart of one contest round as an image (PNG or SVG) for slides and reports, drawn with matplotlib.

The same chart as the projector page (:mod:`emulation_vote.render.show`): a horizontal bar per
unit by rank, the selected units highlighted, the threshold as a dashed line, the ballot figures
and the threshold in words above.  Text is set in DejaVu Sans, the font matplotlib ships, which
has every Vietnamese letter; SVG keeps the text as text (searchable, editable).  matplotlib is
imported here only, when a chart is drawn, and never touches the screen (no pyplot, no backend).
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from emulation_vote.render.show import ACCENT, BANDS, COLOURS, INK, PAPER, PROVISIONAL_BAND, PROVISIONAL_INK
from emulation_vote.render.slides import Slide
from emulation_vote.vocab import ShowFormat

CHART_FORMATS = ("png", "svg")


def render_chart(slide: Slide, fmt: ShowFormat = ShowFormat.png, footer: str = "") -> bytes:
    """Return the chart of ``slide`` as PNG (1600x900 pixels) or SVG bytes; ``footer`` is printed small below."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = max(len(slide.bars), 1)
    style: dict[Any, Any] = {
        "font.family": "DejaVu Sans",
        "font.size": 15,
        "svg.fonttype": "none",
        "svg.hashsalt": "emulation-vote",
        "axes.edgecolor": INK,
        "text.color": INK,
        "xtick.color": INK,
        "ytick.color": INK,
    }
    with rc_context(style):
        figure = Figure(figsize=(16, 9), dpi=100, facecolor=PAPER)
        header = 0.25 + (0.05 if slide.alert else 0) + (0.05 if slide.provisional else 0)
        size = 17 if rows <= 12 else max(9, 17 * 12 / rows)  # label points
        longest = max([len(f"{bar.rank}.  {bar.name}") for bar in slide.bars] + [10])
        left = min(0.55, max(0.2, 0.04 + longest * size * 0.6 * 100 / 72 / 1600))
        value_room = (max([len(bar.label) for bar in slide.bars] + [10]) * size * 0.6 * 100 / 72) / 1600
        bottom = 0.17 if slide.final else 0.1  # room for a second outcome line
        axes = figure.add_axes((left, bottom, max(0.2, 0.97 - left - value_room), 0.98 - bottom - header))
        axes.set_facecolor(PAPER)
        top = 0.0
        if slide.provisional:  # a provisional count's banner above everything else
            top = 0.05
            figure.text(
                0.03,
                0.955,
                slide.provisional,
                fontsize=18,
                fontweight="bold",
                color=PROVISIONAL_INK,
                va="center",
                bbox={"facecolor": PROVISIONAL_BAND, "edgecolor": PROVISIONAL_INK, "boxstyle": "round,pad=0.4"},
            )
        figure.text(0.03, 0.94 - top, slide.heading, fontsize=26, fontweight="bold", color=ACCENT)
        figures = "   ".join(f"{label}: {value}" for label, value in slide.figures)
        figure.text(0.03, 0.885 - top, figures, fontsize=17)
        figure.text(0.03, 0.84 - top, slide.threshold, fontsize=16)
        if slide.alert:
            figure.text(
                0.03,
                0.79 - top,
                "\n".join(textwrap.wrap(slide.alert, 140)),
                fontsize=16,
                fontweight="bold",
                va="center",
                bbox={"facecolor": BANDS["tied"], "edgecolor": COLOURS["tied"], "boxstyle": "round,pad=0.4"},
            )
        positions = list(range(len(slide.bars)))
        axes.barh(
            positions,
            [bar.votes for bar in slide.bars],
            height=0.66,
            color=[COLOURS.get(bar.status, COLOURS["not_selected"]) for bar in slide.bars],
        )
        axes.set_yticks(positions, [f"{bar.rank}.  {bar.name}" for bar in slide.bars], fontsize=size)
        for label, bar in zip(axes.get_yticklabels(), slide.bars, strict=True):
            if bar.status in BANDS:
                label.set_fontweight("bold")
        axes.set_ylim(rows - 0.5, -0.5)
        axes.set_xlim(0, slide.scale)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        for position, bar in zip(positions, slide.bars, strict=True):
            axes.text(
                bar.votes + slide.scale * 0.01,
                position,
                bar.label,
                va="center",
                fontsize=size * 0.95,
                fontweight="bold" if bar.status in BANDS else "normal",
                clip_on=False,
                zorder=4,
                bbox={"facecolor": PAPER, "edgecolor": "none", "pad": 3},  # the threshold line passes behind
            )
        if slide.needed is not None:
            axes.axvline(slide.needed, color=ACCENT, linestyle=(0, (5, 3)), linewidth=2.2, zorder=3)
            axes.text(
                slide.needed,
                -0.62,
                slide.needed_label,
                ha="center",
                va="bottom",
                color=ACCENT,
                fontsize=15,
                fontweight="bold",
            )
        axes.tick_params(axis="y", length=0)
        axes.tick_params(axis="x", labelsize=13)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        if slide.closing and slide.final:  # a runoff's page: its round's outcome, then the contest's
            figure.text(0.03, 0.09, slide.closing[0], fontsize=16, fontweight="bold", color=ACCENT)
            figure.text(0.03, 0.04, slide.final, fontsize=19, fontweight="bold", color=INK)
        elif slide.closing:
            figure.text(0.03, 0.035, slide.closing[0], fontsize=19, fontweight="bold", color=ACCENT)
        if footer:
            figure.text(0.97, 0.01, footer, fontsize=9, ha="right", color="#6b7380")
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == ShowFormat.svg else {"Software": None}
        figure.savefig(buffer, format=fmt, facecolor=PAPER, metadata=metadata)
    return buffer.getvalue()

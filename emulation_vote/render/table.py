"""The default terminal output: a Rich table per contest round, with a bar of each candidate's share."""

from __future__ import annotations

import io
from typing import Any

from emulation_vote.record import ElectionRecord
from emulation_vote.render.report import Section, build_report, preamble_lines
from emulation_vote.vocab import Language, Status

BAR_WIDTH = 20
_STYLES = {Status.selected: "bold green", Status.tied: "bold yellow", Status.not_selected: ""}


def bar(votes: int, base: int, width: int = BAR_WIDTH) -> str:
    """Return a bar of ``width`` cells filled in proportion votes/base (integer arithmetic)."""
    filled = 0 if base <= 0 else min(width, votes * width // base)
    return "█" * filled + "·" * (width - filled)


MIN_BAR = 6


def bar_room(section: Section, width: int) -> int:
    """Return the bar column's width at ``width`` columns (0: no bar column).

    What the other columns leave, at most :data:`BAR_WIDTH`, and 0 when less than
    :data:`MIN_BAR` is left: names, votes and percents come first, the bar shrinks, then goes.
    """
    columns = list(zip(section.columns, *section.rows, strict=True))
    needed = sum(max(cell_len(text) for text in column) + 3 for column in columns) + 1
    room = width - needed - 3
    return min(BAR_WIDTH, room) if room >= MIN_BAR else 0


def cell_len(text: str) -> int:
    """Return the cells ``text`` takes on a terminal (wide characters count double)."""
    from rich.cells import cell_len as rich_cell_len

    return int(rich_cell_len(text))


def text_console(buffer: io.StringIO, width: int, color: bool) -> Any:
    """Return a Rich console writing to ``buffer``: ANSI colours only when ``color``, no markup or emoji."""
    from rich.console import Console

    return Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )


def render_table(record: ElectionRecord, lang: Language = Language.vi, color: bool = False, width: int = 100) -> str:
    """Render the tally as Rich tables; ``color`` adds ANSI styles (only for a terminal)."""
    from rich.table import Table

    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    sections, closing = build_report(record, lang)
    preamble = preamble_lines(record, lang)
    for line in preamble:
        console.print(line, style="bold yellow" if line is preamble[0] and record.partial else None)
    if preamble:
        console.print()
    for index, section in enumerate(sections):
        if index:
            console.print()
        console.print(section.heading, style="bold")
        for line in section.above:
            console.print(line)
        bar_width = bar_room(section, width)
        table = Table(show_lines=False, header_style="bold")
        for position, column in enumerate(section.columns):
            table.add_column(
                column,
                justify="right" if position in (0, 2, 3) else "left",
                no_wrap=position in (0, 2, 3),
                min_width=min(len(column), 12) if position == 1 else None,
            )
            if position == 3 and bar_width:
                table.add_column("", justify="left", no_wrap=True)
        for row, (votes, base), status in zip(section.rows, section.shares, section.statuses, strict=True):
            cells = [*row[:4], *([bar(votes, base, bar_width)] if bar_width else []), row[4]]
            table.add_row(*cells, style=_STYLES[status] or None)
        console.print(table)
        for line in section.below:
            console.print(line, style="bold")
    console.print()
    console.print(closing, soft_wrap=True)  # a fingerprint is never cut: it is copied whole
    return buffer.getvalue()

"""The tally as plain text or Markdown, laid out by tabulate (for e-mail, chat and documents)."""

from __future__ import annotations

from tabulate import tabulate

from emulation_vote.record import ElectionRecord
from emulation_vote.render.report import build_report, preamble_lines
from emulation_vote.vocab import Language


def render_text(record: ElectionRecord, lang: Language = Language.vi, markdown: bool = False) -> str:
    """Render the tally as Markdown (``markdown=True``, GitHub tables) or plain text."""
    sections, closing = build_report(record, lang)
    parts: list[str] = []
    preamble = preamble_lines(record, lang)
    if preamble:
        parts.append("\n".join(f"**{line}**" if markdown else line for line in preamble) + "\n")
    for section in sections:
        if markdown:
            parts.append(f"## {section.heading}\n")
            parts.append("\n".join(f"- {line}" for line in section.above) + "\n")
        else:
            parts.append(f"{section.heading}\n{'=' * len(section.heading)}")
            parts.append("\n".join(section.above) + "\n")
        table = tabulate(
            section.rows,
            headers=section.columns,
            tablefmt="github" if markdown else "simple",
            colalign=("right", "left", "right", "right", "left"),
            disable_numparse=True,
        )
        parts.append(table + "\n")
        if markdown:
            parts.append("\n\n".join(f"**{line}**" for line in section.below) + "\n")
        else:
            parts.append("\n".join(section.below) + "\n")
    parts.append(closing)
    return "\n".join(parts) + "\n"

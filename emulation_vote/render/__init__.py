"""Renderers: each turns the one :class:`~emulation_vote.record.ElectionRecord` into text or bytes.

One module per output: ``table`` (Rich), ``text`` (tabulate: markdown, plain), ``json``,
``csv``, ``minutes`` (Markdown and DOCX).  They share :mod:`emulation_vote.render.report`,
which decides *what* a human report says; the modules decide only *how* it looks.
"""

from __future__ import annotations

from emulation_vote.record import ElectionRecord

TALLY_FORMATS = ("table", "json", "csv", "markdown", "plain")


def render_tally(record: ElectionRecord, fmt: str, lang: str = "vi", color: bool = False, width: int = 100) -> str:
    """Render ``record`` in the tally format ``fmt`` (one of :data:`TALLY_FORMATS`)."""
    if fmt == "json":
        from emulation_vote.render.json import render_json

        return render_json(record)
    if fmt == "csv":
        from emulation_vote.render.csv import render_csv

        return render_csv(record)
    if fmt in ("markdown", "plain"):
        from emulation_vote.render.text import render_text

        return render_text(record, lang, markdown=fmt == "markdown")
    from emulation_vote.render.table import render_table

    return render_table(record, lang, color=color, width=width)

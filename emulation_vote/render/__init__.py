"""Renderers: each turns the one :class:`~emulation_vote.record.ElectionRecord` into text or bytes.

One module per output: ``table`` (Rich), ``text`` (tabulate: markdown, plain), ``json``,
``csv``, ``minutes`` (Markdown and DOCX).  They share :mod:`emulation_vote.render.report`,
which decides *what* a human report says; the modules decide only *how* it looks.
"""

from __future__ import annotations

from emulation_vote.record import ElectionRecord
from emulation_vote.vocab import Language, TallyFormat


def render_tally(
    record: ElectionRecord, fmt: TallyFormat, lang: Language = Language.vi, color: bool = False, width: int = 100
) -> str:
    """Render ``record`` in the tally format ``fmt``."""
    fmt = fmt.canonical()
    if fmt is TallyFormat.json:
        from emulation_vote.render.json import render_json

        return render_json(record)
    if fmt is TallyFormat.csv:
        from emulation_vote.render.csv import render_csv

        return render_csv(record)
    if fmt in (TallyFormat.markdown, TallyFormat.plain):
        from emulation_vote.render.text import render_text

        return render_text(record, lang, markdown=fmt is TallyFormat.markdown)
    from emulation_vote.render.table import render_table

    return render_table(record, lang, color=color, width=width)

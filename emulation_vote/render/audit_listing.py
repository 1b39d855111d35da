"""Renderers of the per-ballot audit listing (table, CSV, JSON), piece by piece, whatever the number of ballots.

Each renderer takes an :class:`~emulation_vote.audit.AuditStream` and returns an iterator of text
chunks: the ballots are read one batch at a time and each batch is formatted as arrays (pyarrow),
so memory does not grow with the ballots.  The text is exactly what the same listing rendered
ballot by ballot gives (the CSV module's quoting, :func:`~emulation_vote.csvrows.safe_cell`'s
prefix, the JSON writer's layout, Rich's table).

The table: an audit of up to :data:`RICH_ROWS` ballots is one Rich table.  A larger one is
measured first (each column's widest cell and longest word: all Rich needs to size a column),
its frame drawn by Rich at those widths, and its rows written as Rich writes them, batch by batch.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from emulation_vote.arrow import bools, data_bytes, ints, joined_names, string, strings
from emulation_vote.audit import AuditBallot, AuditBatch, AuditStream
from emulation_vote.csvrows import csv_line
from emulation_vote.entrylog import LogFile
from emulation_vote.i18n import t
from emulation_vote.record import REASON_ORDER
from emulation_vote.render.entry import check_text, log_rows
from emulation_vote.render.report import notice_lines, preamble_lines
from emulation_vote.render.table import text_console
from emulation_vote.schema import dumps, notices_list
from emulation_vote.text import QUOTED_START
from emulation_vote.vocab import InvalidReason, Language

AUDIT_COLUMNS = (
    "contest",
    "round",
    "ballot_id",
    "source",
    "row",
    "status",
    "reason",
    "reason_text",
    "declared",
    "chosen",
)

RICH_ROWS = 5000
"""Audits of up to this many ballots are drawn as one Rich table; larger ones row by row (the same text)."""


def reason_text(reason: InvalidReason | None, declared: str | None, lang: Language) -> str:
    """Return why a ballot is invalid, in words ("" when valid; the declared text for ``declared``)."""
    if reason is None:
        return ""
    if reason == InvalidReason.declared and declared:
        return declared
    return t(f"reason.{reason}", lang)


def _verdicts(batch: AuditBatch) -> Iterator[tuple[int, InvalidReason | None, str | None]]:
    """Return each (reason code, declared code) pair a batch may hold, as its index, reason and declared text.

    The index of a ballot's pair is :func:`_verdict_codes`.
    """
    for code, reason in enumerate((None, *REASON_ORDER)):
        for declared_code, declared in enumerate(batch.texts):
            yield code * len(batch.texts) + declared_code, reason, declared


def _verdict_codes(batch: AuditBatch) -> Any:
    """Return, per ballot, the index of its (reason, declared) pair in :func:`_verdicts` (a pyarrow array)."""
    import numpy as np

    codes = (batch.reasons.astype(np.int64) + 1) * len(batch.texts) + batch.declared
    return ints(codes)


def _text(array: Any) -> str:
    """Return the strings of a pyarrow string array concatenated (read from its buffer, not string by string)."""
    return bytes(data_bytes(array)).decode("utf-8")


def _lines(parts: Sequence[Any], separator: str, end: str) -> str:
    """Return the rows made of ``parts`` (arrays, or scalars the same for every row) joined, each ended by ``end``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    pieces = [part if isinstance(part, pa.Array) else string(part) for part in parts]
    joined = pc.binary_join_element_wise(*pieces, string(separator))
    return _text(pc.binary_join_element_wise(joined, string(end), string("")))


def _strings(values: Iterable[str | None]) -> Any:

    return strings([value or "" for value in values])


# --- CSV ---
def csv_cells(values: Any) -> Any:
    """Return a pyarrow string array's cells as :func:`~emulation_vote.csvrows.csv_line` writes them.

    A cell starting like a formula gets a ``'`` (:func:`~emulation_vote.csvrows.safe_cell`); one
    holding a comma, a quote or a line break is quoted, its quotes doubled (the CSV module's
    minimal quoting).
    """
    import pyarrow.compute as pc

    starts = "".join("\\" + char if char in "-\\]^" else char for char in QUOTED_START)
    risky = pc.match_substring_regex(values, f"^[{starts}]")
    if pc.any(risky).as_py():
        values = pc.if_else(risky, pc.binary_join_element_wise(string("'"), values, string("")), values)
    special = pc.match_substring_regex(values, '[,"\r\n]')
    if pc.any(special).as_py():
        quoted = pc.binary_join_element_wise(
            string('"'), pc.replace_substring(values, '"', '""'), string('"'), string("")
        )
        values = pc.if_else(special, quoted, values)
    return values


def _csv_cell(value: object) -> str:
    return csv_line([value])[:-2]


def _csv_batch(batch: AuditBatch, lang: Language, with_voter: bool, with_note: bool) -> str:
    import pyarrow as pa
    import pyarrow.compute as pc

    verdicts = [
        csv_line(
            [
                "valid" if reason is None else "invalid",
                reason or "",
                reason_text(reason, declared, lang),
                declared or "",
            ]
        )[:-2]
        for _index, reason, declared in _verdicts(batch)
    ]
    parts: list[Any] = [
        f"{_csv_cell(batch.contest)},{batch.round}",
        csv_cells(batch.ids),
        _csv_cell(batch.source),
        pc.cast(ints(batch.rows), pa.string()),
        strings(verdicts).take(_verdict_codes(batch)),
        csv_cells(batch.chosen_text(";")),
    ]
    if with_voter:
        parts.append(csv_cells(_strings(batch.voters or [None] * len(batch))))
    if with_note:
        parts.append(csv_cells(_strings(batch.notes or [None] * len(batch))))
    return _lines(parts, ",", "\r\n")


def render_audit_csv(audit: AuditStream, lang: Language = Language.vi) -> Iterator[str]:
    """Render the per-ballot listing as CSV (BOM, formula-safe); ``voter`` and ``note`` columns only when used."""
    with_voter, with_note = audit.used()
    header = AUDIT_COLUMNS + (("voter",) if with_voter else ()) + (("note",) if with_note else ())
    yield "\ufeff" + csv_line(header)
    for batch in audit.batches():
        yield _csv_batch(batch, lang, with_voter, with_note)


# --- JSON ---
_PLACEHOLDER = "emulation-vote: the ballots go here"


def _json(value: object) -> str:
    return dumps(value, 2, 3)


def json_strings(values: Any) -> Any:
    """Return a pyarrow string array's values as JSON strings (quoted, escaped as ``json.dumps`` does, not ASCII)."""
    import pyarrow.compute as pc

    if pc.any(pc.match_substring_regex(values, r'["\\\x00-\x1f]')).as_py():
        return strings([_json(value) for value in values.to_pylist()])
    return pc.binary_join_element_wise(string('"'), values, string('"'), string(""))


def _json_batch(batch: AuditBatch, lang: Language) -> str:
    """Return a batch's ballots as the items of the JSON ``ballots`` list, each followed by a comma and a new line."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    pad, inner = " " * 6, " " * 8
    verdicts = [
        f'{pad}"status": {_json("valid" if reason is None else "invalid")},\n'
        f'{pad}"reason": {_json(reason)},\n'
        f'{pad}"reason_text": {_json(reason_text(reason, declared, lang) or None)},\n'
        f'{pad}"declared": {_json(declared)},\n'
        f'{pad}"chosen": '
        for _index, reason, declared in _verdicts(batch)
    ]
    names = tuple(_json(cid)[1:-1] for cid in batch.candidate_ids)
    listed = pc.binary_join_element_wise(
        string(f'[\n{inner}"'), joined_names(batch.chosen, names, f'",\n{inner}"'), string(f'"\n{pad}]'), string("")
    )
    chosen = pc.if_else(bools(np.asarray(batch.chosen == 0, dtype=bool)), string("[]"), listed)
    head = f'    {{\n{pad}"contest": {_json(batch.contest)},\n{pad}"round": {batch.round},\n{pad}"ballot_id": '
    parts: list[Any] = [
        head,
        json_strings(batch.ids),
        f',\n{pad}"source": {_json(batch.source)},\n{pad}"row": ',
        pc.cast(ints(batch.rows), pa.string()),
        ",\n",
        strings(verdicts).take(_verdict_codes(batch)),
        chosen,
    ]
    extras = [(key, values) for key, values in (("voter", batch.voters), ("note", batch.notes)) if values]
    for key, values in extras:
        parts.append(strings([f",\n{pad}{_json(key)}: {_json(value)}" if value else "" for value in values]))
    parts.append("\n    }")
    return _lines(parts, "", ",\n")


def render_audit_json(audit: AuditStream, logs: Sequence[LogFile] = (), lang: Language = Language.vi) -> Iterator[str]:
    """Render the audit as JSON; each entry log given is added under ``entry_logs`` with its chain check.

    ``reason_text`` is the reason in words in ``lang`` (the declared text for ``declared``).
    """
    record = audit.record
    data: dict[str, Any] = {
        "schema": "emulation-vote/audit/1",
        "fingerprint": record.fingerprint,
        **({"partial": True} if record.partial else {}),
        **({"skipped": dict(record.skipped)} if record.skipped else {}),
        "ballots": _PLACEHOLDER,
        "reconciliation": [
            {
                "contest": r.contest,
                "relation": f"{r.left} {r.operator} {r.right}",
                "left": r.left_value,
                "right": r.right_value,
                "holds": r.holds,
            }
            for r in audit.relations
        ],
        "figures": [{"contest": d.contest, "name": d.name, "value": d.value} for d in audit.differences],
        **({"notices": notices_list(record)} if record.notices else {}),
    }
    if logs:
        data["entry_logs"] = [{"file": log.path, "intact": log.check.intact, "entries": log.entries} for log in logs]
    before, after = (dumps(data) + "\n").split(dumps(_PLACEHOLDER), 1)
    yield before
    ended = False
    for batch in audit.batches():
        text = _json_batch(batch, lang)
        yield ("[\n" if not ended else ",\n") + text[:-2]
        ended = True
    yield ("\n  ]" if ended else "[]") + after


# --- the table ---
def _row_cells(batch: AuditBatch, lang: Language, with_voter: bool, with_note: bool) -> tuple[list[Any], Any]:
    """Return a batch's table cells by column (pyarrow arrays, or one text for every row), and each row's validity."""
    import pyarrow as pa

    said = [reason_text(reason, declared, lang) for _index, reason, declared in _verdicts(batch)]
    status = [t("a.valid" if reason is None else "a.invalid", lang) for _index, reason, _declared in _verdicts(batch)]
    codes = _verdict_codes(batch)
    cells: list[Any] = [
        batch.contest,
        str(batch.round),
        batch.ids,
        batch.source,
        ints(batch.rows).cast(pa.string()),
        strings(status).take(codes),
        strings(said).take(codes),
        batch.chosen_text(", "),
    ]
    if with_voter:
        cells.append(_strings(batch.voters or [None] * len(batch)))
    if with_note:
        cells.append(_strings(batch.notes or [None] * len(batch)))
    return cells, batch.reasons >= 0


def _plain(text: str) -> bool:
    """Whether Rich shows ``text`` as it is, one cell per character (no control or format characters)."""
    return text.isprintable()


def _measure(text: str) -> tuple[int, int]:
    """Return (longest word, width) of a plain cell, as Rich measures it."""
    from rich.cells import cell_len

    words = text.split()
    width = cell_len(text)
    return (max(cell_len(word) for word in words) if words else width), width


_COLUMN = {key: index for index, key in enumerate(("contest", "round", "ballot", "source", "row", "status", "reason"))}
_COLUMN |= {"chosen": 7, "voter": 8, "note": 9}
"""Where each column's cells are in :func:`_row_cells` with the voter and the note."""


class _Widths:
    """Each column's longest word and widest cell so far, and the cells Rich must measure itself.

    ``used``: whether any ballot has a voter, and whether any has a note.
    """

    def __init__(self, columns: int) -> None:
        self.words = [0] * columns
        self.widths = [0] * columns
        self.odd: list[list[str]] = [[] for _ in range(columns)]
        self.used = (False, False)

    def add(self, column: int, texts: Iterable[str]) -> None:
        """Measure cells of ``column`` one by one."""
        for text in texts:
            if not _plain(text):
                self.odd[column].append(text)
                continue
            word, width = _measure(text)
            self.words[column] = max(self.words[column], word)
            self.widths[column] = max(self.widths[column], width)

    def add_array(self, column: int, values: Any) -> None:
        """Measure the cells of ``column`` in a pyarrow string array (as arrays when plain ASCII)."""
        import pyarrow.compute as pc

        ascii_only = pc.all(pc.string_is_ascii(values)).as_py() is not False
        if not ascii_only or pc.any(pc.match_substring_regex(values, r"[\x00-\x1f\x7f]")).as_py():
            self.add(column, pc.unique(values).to_pylist())
            return
        widest = pc.max(pc.binary_length(values)).as_py() or 0
        self.widths[column] = max(self.widths[column], widest)
        if pc.any(pc.match_substring(values, " ")).as_py():  # words: what lies between spaces
            words = pc.list_flatten(pc.split_pattern(values, " "))
            widest = pc.max(pc.binary_length(words)).as_py() or 0
        self.words[column] = max(self.words[column], widest)

    def samples(self, column: int) -> list[str]:
        """Return cells whose Rich measure is the column's: its longest word, its widest cell, and the odd cells."""
        word, width = self.words[column], self.widths[column]
        return ["a" * word, ("a " * width)[:width], *self.odd[column]]


def _column_widths(keys: Sequence[str], widths: _Widths, lang: Language, width: int) -> list[int]:
    """Return the width of each column's text as Rich draws the whole table at ``width`` columns."""
    table = _table(keys, lang)
    samples = [widths.samples(_COLUMN[key]) for key in keys]
    for row in range(max(len(s) for s in samples)):
        table.add_row(*[s[row] if row < len(s) else "" for s in samples])
    buffer = io.StringIO()
    text_console(buffer, width, False).print(table)
    top = buffer.getvalue().split("\n", 1)[0]
    return [len(segment) - 2 for segment in top[1:-1].split("┳")]


def _table(keys: Sequence[str], lang: Language, widths: Sequence[int] | None = None) -> Any:
    from rich.table import Table

    table = Table(header_style="bold")
    for index, key in enumerate(keys):
        table.add_column(
            t(f"a.col.{key}", lang),
            justify="right" if key in ("round", "row") else "left",
            overflow="fold",
            width=None if widths is None else widths[index],
        )
    return table


def _keys(with_voter: bool, with_note: bool, with_contest: bool = True) -> tuple[str, ...]:
    """Return the table's columns: the contest only when there are several (a long id on every row else)."""
    keys: tuple[str, ...] = ("round", "ballot", "source", "row", "status", "reason", "chosen")
    keys = (("contest",) if with_contest else ()) + keys
    return keys + (("voter",) if with_voter else ()) + (("note",) if with_note else ())


def _frame(keys: Sequence[str], lang: Language, widths: Sequence[int], color: bool, width: int) -> tuple[str, str]:
    """Return the table's top and header (up to the line under it), and its bottom line, as Rich draws them."""
    table = _table(keys, lang, widths)
    table.add_row(*[""] * len(keys))
    buffer = io.StringIO()
    text_console(buffer, width, color).print(table)
    lines = buffer.getvalue().splitlines(keepends=True)
    under = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    return "".join(lines[: under + 1]), lines[-1]


def _rich_rows(
    rows: list[tuple[list[str], bool]],
    keys: Sequence[str],
    lang: Language,
    widths: Sequence[int],
    color: bool,
    width: int,
) -> str:
    """Return rows drawn by Rich, in a table of these column widths, without its frame."""
    table = _table(keys, lang, widths)
    table.show_header = False
    for cells, valid in rows:
        table.add_row(*cells, style=None if valid else "yellow")
    buffer = io.StringIO()
    text_console(buffer, width, color).print(table)
    lines = buffer.getvalue().splitlines(keepends=True)
    return "".join(lines[1:-1])


_YELLOW, _RESET = "\x1b[33m", "\x1b[0m"


def _table_rows(
    batch: AuditBatch,
    keys: Sequence[str],
    lang: Language,
    widths: Sequence[int],
    color: bool,
    width: int,
    with_voter: bool,
    with_note: bool,
) -> str:
    """Return a batch's rows as Rich draws them in a table of these column widths.

    A row whose cells all fit their columns is written here; one with a cell to fold over
    several lines has its cells wrapped by Rich (the whole row drawn by Rich when coloured, or
    when a cell holds characters Rich shows otherwise).
    """
    import numpy as np
    import pyarrow.compute as pc

    cells, invalid = _row_cells(batch, lang, with_voter, with_note)
    if keys[0] != "contest":  # one contest: its column left out
        cells = cells[1:]
    right = [key in ("round", "row") for key in keys]
    padded: list[Any] = []
    folded = np.zeros(len(batch), dtype=bool)  # a cell wider than its column: the row takes several lines
    odd = np.zeros(len(batch), dtype=bool)  # a cell Rich shows otherwise: the row drawn by Rich
    for index, value in enumerate(cells):
        if isinstance(value, str):
            if not _plain(value):
                odd[:] = True
            elif _measure(value)[1] > widths[index]:
                folded[:] = True
            padded.append(_pad(value, widths[index], right[index]))
            continue
        ascii_only = pc.all(pc.string_is_ascii(value)).as_py() is not False
        if ascii_only and not pc.any(pc.match_substring_regex(value, r"[\x00-\x1f\x7f]")).as_py():
            folded |= np.asarray(pc.greater(pc.binary_length(value), widths[index]), dtype=bool)
            pad = pc.utf8_lpad if right[index] else pc.utf8_rpad
            padded.append(pad(value, width=widths[index], padding=" "))
            continue
        encoded = pc.dictionary_encode(value)
        distinct = encoded.dictionary.to_pylist()
        codes = np.asarray(encoded.indices, dtype=np.int64)
        plain_ones = np.asarray([_plain(text) for text in distinct], dtype=bool)
        wide_ones = np.asarray([_plain(text) and _measure(text)[1] > widths[index] for text in distinct], dtype=bool)
        odd |= ~plain_ones[codes]
        folded |= wide_ones[codes]
        cells_padded = [_pad(text, widths[index], right[index]) if _plain(text) else text for text in distinct]
        padded.append(strings(cells_padded).take(encoded.indices))
    plain = _lines(["│ ", _join_cells(padded, " │ "), " │"], "", "\n")
    if not (color and invalid.any()) and not (folded | odd).any():
        return plain
    lines = plain.split("\n")[:-1]
    if color and invalid.any():
        styled = _lines(
            [
                f"│{_YELLOW} {_RESET}{_YELLOW}",
                _join_cells(padded, f"{_RESET}{_YELLOW} {_RESET}│{_YELLOW} {_RESET}{_YELLOW}"),
                f"{_RESET}{_YELLOW} {_RESET}│",
            ],
            "",
            "\n",
        ).split("\n")[:-1]
        lines = [styled[i] if bad else line for i, (line, bad) in enumerate(zip(lines, invalid.tolist(), strict=True))]
    lines = [line + "\n" for line in lines]
    listed: list[list[str]] = [[value] * len(batch) if isinstance(value, str) else value.to_pylist() for value in cells]
    console = text_console(io.StringIO(), width, False)
    for row in np.flatnonzero(folded | odd).tolist():
        row_cells = [column[row] for column in listed]
        valid = not bool(invalid[row])
        if odd[row] or (color and not valid):
            lines[row] = _rich_rows([(row_cells, valid)], keys, lang, widths, color, width)
        else:
            lines[row] = _wrapped_row(row_cells, widths, right, console)
    return "".join(lines)


def _wrapped_row(cells: list[str], widths: Sequence[int], right: Sequence[bool], console: Any) -> str:
    """Return a row of plain cells with some folded over several lines, as Rich draws it (not coloured)."""
    from rich.text import Text

    columns = []
    for text, size, to_right in zip(cells, widths, right, strict=True):
        wrapped = Text(text).wrap(console, size, justify="right" if to_right else "left", overflow="fold")
        columns.append([_pad(line.plain, size, to_right) for line in wrapped] or [" " * size])
    height = max(len(column) for column in columns)
    return "".join(
        "│ "
        + " │ ".join(column[k] if k < len(column) else " " * size for column, size in zip(columns, widths, strict=True))
        + " │\n"
        for k in range(height)
    )


def _join_cells(padded: list[Any], separator: str) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    pieces = [part if isinstance(part, pa.Array) else string(part) for part in padded]
    return pc.binary_join_element_wise(*pieces, string(separator))


def _pad(text: str, width: int, right: bool) -> str:
    from rich.cells import cell_len

    room = " " * (width - cell_len(text))
    return room + text if right else text + room


def _ballot_cells(b: AuditBallot, lang: Language, with_voter: bool, with_note: bool) -> list[str]:
    cells = [
        b.contest,
        str(b.round),
        b.ballot_id,
        b.source,
        str(b.row),
        t("a.valid" if b.valid else "a.invalid", lang),
        reason_text(b.reason, b.declared, lang),
        ", ".join(b.chosen),
    ]
    return cells + ([b.voter or ""] if with_voter else []) + ([b.note or ""] if with_note else [])


def _body_rows(audit: AuditStream, lang: Language, color: bool, width: int) -> Iterator[str]:
    """Return the table of ballots: one Rich table when small, else measured first and written batch by batch."""
    several = len(audit.record.contests) > 1
    if audit.total <= RICH_ROWS:
        ballots = list(audit.ballots())
        with_voter = any(b.voter for b in ballots)
        with_note = any(b.note for b in ballots)
        keys = _keys(with_voter, with_note, several)
        table = _table(keys, lang)
        for b in ballots:
            cells = _ballot_cells(b, lang, with_voter, with_note)[0 if several else 1 :]
            table.add_row(*cells, style=None if b.valid else "yellow")
        buffer = io.StringIO()
        text_console(buffer, width, color).print(table)
        return iter([buffer.getvalue()])
    measured = _measure_listing(audit, lang)
    with_voter, with_note = measured.used
    keys = _keys(with_voter, with_note, several)
    widths = _column_widths(keys, measured, lang, width)

    def rows() -> Iterator[str]:
        top, bottom = _frame(keys, lang, widths, color, width)
        yield top
        for batch in audit.batches():
            yield _table_rows(batch, keys, lang, widths, color, width, with_voter, with_note)
        yield bottom

    return rows()


def _measure_listing(audit: AuditStream, lang: Language) -> _Widths:
    """Return each column's longest word and widest cell over every ballot (one pass over them)."""
    voters = notes = False
    widths = _Widths(10)
    for batch in audit.batches():
        cells, _invalid = _row_cells(batch, lang, True, True)
        voters = voters or bool(batch.voters and any(batch.voters))
        notes = notes or bool(batch.notes and any(batch.notes))
        for index, value in enumerate(cells):
            if isinstance(value, str):
                widths.add(index, [value])
            else:
                widths.add_array(index, value)
    widths.used = (voters, notes)
    return widths


def render_audit_table(
    audit: AuditStream,
    lang: Language = Language.vi,
    color: bool = False,
    width: int = 120,
    logs: Sequence[LogFile] = (),
) -> Iterator[str]:
    """Render the per-ballot listing, the reconciliation and any entry logs as Rich tables for filing."""
    from rich.table import Table

    record = audit.record
    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    body = _body_rows(audit, lang, color, width)
    for line in preamble_lines(record, lang):
        console.print(line, style="bold yellow")
    console.print(t("a.title", lang), style="bold")
    yield buffer.getvalue()
    yield from body
    buffer = io.StringIO()
    console = text_console(buffer, width, color)
    rounds = [(result.contest.id, rnd) for result in record.contests for rnd in result.rounds if rnd.cast]
    several = len(rounds) > 1
    for contest, rnd in rounds:
        number = rnd.number
        where = f"[{contest}{'' if number == 1 else ', ' + t('round.title', lang, number=number)}] " if several else ""
        console.print(where + t("a.totals", lang, count=rnd.cast, valid=rnd.valid, invalid=rnd.cast - rnd.valid))
    for line in notice_lines(record, lang):
        console.print(line)
    console.print()
    console.print(t("a.reconcile", lang), style="bold")
    for line in relation_lines(audit, lang):
        console.print(line)
    console.print()
    console.print(t("summary.fingerprint", lang, fingerprint=record.fingerprint))
    for log in logs:
        console.print()
        console.print(f"{t('log.title', lang)}: {log.path}", style="bold")
        log_table = Table(header_style="bold")
        for key in ("time", "clerk", "action", "ballot", "typed", "recorded"):
            log_table.add_column(t(f"a.log.{key}", lang), overflow="fold")
        for row in log_rows(log.entries, lang):
            log_table.add_row(*row)
        console.print(log_table)
        console.print(check_text(log.check, lang))
    yield buffer.getvalue()


def relation_lines(audit: AuditStream, lang: Language) -> list[str]:
    """Return the reconciliation as lines: each relation and whether it holds, then the derived figures."""
    lines = []
    for r in audit.relations:
        left = f"{t(f'a.fig.{r.left}', lang)} ({'—' if r.left_value is None else r.left_value})"
        right = f"{t(f'a.fig.{r.right}', lang)} ({'—' if r.right_value is None else r.right_value})"
        verdict = t("a.unknown" if r.holds is None else "a.holds" if r.holds else "a.fails", lang)
        lines.append(f"[{r.contest}] {left} {r.operator} {right}: {verdict}")
    for d in audit.differences:
        lines.append(f"[{d.contest}] {t(f'a.fig.{d.name}', lang)}: {'—' if d.value is None else d.value}")
    return lines

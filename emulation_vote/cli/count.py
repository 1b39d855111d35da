"""Commands that count and print the result: ``tally`` and ``demo``."""

from __future__ import annotations

from emulation_vote.cli._app import (
    BallotsArg,
    ElectionArg,
    EncodingOption,
    ForceOption,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    Reader,
    ReaderOption,
    SheetOption,
    app,
    check_output,
    emit,
    guard,
    progress_bar,
    tally_text,
)
from emulation_vote.vocab import TallyFormat


@app.command()
def tally(
    election: ElectionArg,
    ballots: BallotsArg,
    fmt: FormatOption = TallyFormat.table,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
) -> None:
    """Count the ballots and print the result (rank, votes, percent, selection, runoff)."""
    with guard(lang.value):
        from emulation_vote.pipeline import count_files

        check_output(output, force, [election, *ballots])
        with progress_bar(ballots) as progress:
            record = count_files(election, ballots, encoding, sheet, reader, progress)
        text = tally_text(record, fmt, lang.value, output)
        emit(text, output, force, lang.value, [election, *ballots])


@app.command()
def demo(
    fmt: FormatOption = TallyFormat.table,
    lang: LangOption = Lang.vi,
) -> None:
    """Count the bundled seed conference (9 units of Khối thi đua Các cơ quan Tỉnh ủy, 2 flags)."""
    with guard(lang.value):
        from emulation_vote.pipeline import count_files, demo_paths

        election_path, ballots_path = demo_paths()
        text = tally_text(count_files(election_path, [ballots_path]), fmt, lang.value, None)
        emit(text, None, False, lang.value)

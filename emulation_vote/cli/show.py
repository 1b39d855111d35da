"""The ``show`` command: the result for the room (a projector page) and charts for slides and reports."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    CLAIMED_SUFFIXES,
    BallotsArg,
    ContestsOption,
    ElectionArg,
    EncodingOption,
    ForceOption,
    Lang,
    LangOption,
    MaxErrorsOption,
    PartialOption,
    Reader,
    ReaderOption,
    ScoresOption,
    SheetOption,
    StrictNamesOption,
    app,
    check_output,
    emit,
    guard,
)
from emulation_vote.errors import UsageError
from emulation_vote.i18n import t
from emulation_vote.vocab import Language, ShowFormat

_SUFFIXES = {".html": ShowFormat.html, ".htm": ShowFormat.html, ".png": ShowFormat.png, ".svg": ShowFormat.svg}


def chart_paths(output: Path, fmt: ShowFormat, keys: list[str]) -> list[Path]:
    """Return the file of each chart: ``output`` itself for one chart, ``STEM-KEY.png`` for several.

    A suffix of a known format is replaced by the format's own (``ket-qua.png`` with ``--format svg``
    gives ``ket-qua.svg``); any other suffix is kept as part of the name.
    """
    stem = output.with_suffix("") if output.suffix.lower() in _SUFFIXES else output
    suffix = f".{fmt.value}"
    if len(keys) == 1:
        return [stem.with_name(stem.name + suffix)]
    return [stem.with_name(f"{stem.name}-{key}{suffix}") for key in keys]


def _open_in_browser(path: Path, lang: Language) -> None:
    import webbrowser

    try:
        opened = webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        opened = False
    typer.echo(t("show.opened" if opened else "show.open_failed", lang, path=path), err=True)


@app.command()
def show(
    election: ElectionArg,
    ballots: BallotsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE (atomically). html: the page (default: stdout when piped); png/svg: one chart per "
            "contest round, FILE itself for one, FILE-CONTEST.png for several.",
        ),
    ] = None,
    fmt: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (the projector page), png or svg (charts). Default: from the --output suffix, else html.",
            show_default=False,
        ),
    ] = None,
    winners_only: Annotated[
        bool, typer.Option("--winners-only", help="Show only the selected units (their ranks kept).")
    ] = False,
    open_page: Annotated[
        bool,
        typer.Option("--open", help="Open the page in the default browser (without --output: in a temporary folder)."),
    ] = False,
    lang: LangOption = Lang.vi,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    force: ForceOption = False,
    reader: ReaderOption = Reader.auto,
    strict_names: StrictNamesOption = False,
    scores: ScoresOption = None,
    contest: ContestsOption = None,
    partial: PartialOption = False,
    max_errors: MaxErrorsOption = 50,
) -> None:
    """Show the result to the room: a self-contained HTML page for the projector (one page per contest), or charts.

    The page needs no internet: styles, the font, the SVG charts and a few lines of script are
    inside it; the arrow keys move between contests.
    """
    with guard(lang):
        if fmt is None:
            fmt = _SUFFIXES.get(output.suffix.lower(), ShowFormat.html) if output is not None else ShowFormat.html
        if output is not None:
            suffix = output.suffix.lower()
            if suffix in CLAIMED_SUFFIXES and suffix not in _SUFFIXES:  # ket-qua.xlsx: no page or chart goes there
                raise UsageError(
                    "output.unwritable_suffix", file=str(output), suffix=suffix, suffixes=".html, .png, .svg"
                )
            if fmt is ShowFormat.html and _SUFFIXES.get(suffix, fmt) is not fmt:
                output = output.with_suffix(".html")  # as a chart's: a suffix of another format is replaced
        if open_page and fmt is not ShowFormat.html:
            raise UsageError("output.open_html_only")
        if output is None and not open_page and (fmt is not ShowFormat.html or sys.stdout.isatty()):
            # Charts are files; a page is not for reading in a terminal (piped, it is printed).
            raise UsageError("output.needs_file", format=fmt.value, example=f"ket-qua.{fmt.value}")
        inputs = [election, *ballots, *(scores or [])]
        check_output(output, force, inputs)
        record = ev.tally(
            election,
            ballots,
            encoding=encoding,
            sheet=sheet,
            reader=reader,
            strict_names=strict_names,
            scores=scores or (),
            contests=contest,
            max_errors=max_errors,
            partial=partial,
        )
        if fmt is ShowFormat.html:
            from emulation_vote.paper import font_bytes
            from emulation_vote.render.show import render_show_html

            fonts = {bold: font_bytes(bold) for bold in (False, True)}
            page = render_show_html(record, lang, winners_only, fonts)
            if output is None and open_page:
                import tempfile

                output = Path(tempfile.mkdtemp(prefix="emulation-vote-")) / "ket-qua.html"
            emit(page, output, force, lang, inputs)
            if open_page and output is not None:
                _open_in_browser(output, lang)
            return
        from emulation_vote.render.chart import render_chart
        from emulation_vote.render.slides import build_slides

        assert output is not None  # refused above
        slides = build_slides(record, lang, winners_only)
        paths = chart_paths(output, fmt, [slide.key for slide in slides])
        for path in paths:
            check_output(path, force, inputs)
        footer = t("summary.fingerprint", lang, fingerprint=record.fingerprint)
        for slide, path in zip(slides, paths, strict=True):
            emit(render_chart(slide, fmt, footer), path, force, lang, inputs)

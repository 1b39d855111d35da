"""The ``scan`` command: read the marked ballot papers from scans or photos into a ballot file and a scan log."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    ElectionArg,
    ForceOption,
    Lang,
    LangOption,
    app,
    check_csv_output,
    check_output,
    guard,
)
from emulation_vote.i18n import t
from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from emulation_vote.election import Election
    from emulation_vote.scan import PaperReading, Reviewed


def reasons_text(paper: PaperReading, lang: Language) -> str:
    """Return why a paper needs review, in words."""
    uncertain = [p.split(":", 1)[1] for p in paper.problems if p.startswith("uncertain:")]
    words = [t(f"scan.reason.{p}", lang) for p in paper.problems if not p.startswith("uncertain:")]
    if uncertain:
        words.append(t("scan.reason.uncertain", lang, units=", ".join(uncertain)))
    return "; ".join(words)


def _review_document(election: Election, papers: list[PaperReading], images: list[str], lang: Language) -> str:
    from emulation_vote.paper import election_fingerprint

    items = [
        {
            "file": p.source.file,
            "page": p.source.page,
            "sha256": p.source.sha256,
            "index": p.index,
            "qr": p.qr,
            "contest": p.contest,
            "ballot_id": None if p.number is None else str(p.number),
            "problems": list(p.problems),
            "reasons": reasons_text(p, lang),
            "image": image,
            "boxes": [
                {
                    "unit": b.unit,
                    "number": b.number,
                    "ink": b.ink,
                    "light": b.light,
                    "outside": b.outside,
                    "outside_light": b.outside_light,
                    "verdict": b.verdict,
                }
                for b in p.boxes
            ],
        }
        for p, image in zip(papers, images, strict=True)
    ]
    document = {"schema": "emulation-vote/scan-review/1", "election": election_fingerprint(election), "papers": items}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _open_viewer(path: Path) -> None:
    """Open ``path`` in the desktop's default image viewer, when there is one (never waits for it)."""
    opener = shutil.which("xdg-open") or shutil.which("open")
    if opener and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform == "darwin"):
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _review(
    election: Election, papers: list[PaperReading], read: tuple[PaperReading, ...], clerk: str | None, lang: Language
) -> list[Reviewed]:
    """Ask the clerk for the reading of each paper; return those read (skipped papers stay for review).

    A number typed for a paper must be new in its contest: not one of the papers ``read`` (their
    QR codes) nor one typed before.
    """
    from rich.console import Console

    console = Console(highlight=False)
    with tempfile.TemporaryDirectory(prefix="emulation-vote-review-") as name:  # removed even on Ctrl-C
        return _review_in(Path(name), console, election, papers, read, clerk, lang)


def _review_in(
    folder: Path,
    console: Any,
    election: Election,
    papers: list[PaperReading],
    read: tuple[PaperReading, ...],
    clerk: str | None,
    lang: Language,
) -> list[Reviewed]:
    from rich.prompt import Prompt
    from rich.table import Table

    from emulation_vote.output import write_atomic
    from emulation_vote.scan import Reviewed, parse_reading, png_bytes

    done: list[Reviewed] = []
    taken = {(paper.contest, paper.number) for paper in read}
    for index, paper in enumerate(papers, 1):
        console.rule()
        console.print(
            t(
                "scan.review_title",
                lang,
                index=index,
                total=len(papers),
                file=paper.source.file,
                page=paper.source.page,
                contest=paper.contest or "?",
                number=paper.number if paper.number is not None else "?",
                reasons=reasons_text(paper, lang),
            )
        )
        if paper.crop is not None:
            image = folder / f"{index}.png"
            write_atomic(image, png_bytes(paper.crop), True)
            console.print(t("scan.review_image", lang, path=image))
            _open_viewer(image)
        if paper.boxes:
            table = Table(*(t(f"scan.col_{c}", lang) for c in ("unit", "ink", "light", "outside", "verdict")))
            for box in paper.boxes:
                verdict = t(f"scan.verdict.{box.verdict}", lang)
                table.add_row(f"{box.number}. {box.unit}", str(box.ink), str(box.light), str(box.outside), verdict)
            console.print(table)
        contest_id = paper.contest
        ids = [c.id for c in election.contests]
        if contest_id is None:
            contest_id = (
                ids[0]
                if len(ids) == 1
                else Prompt.ask(t("scan.ask_contest", lang, contests=", ".join(ids)), choices=ids)
            )
        number = paper.number
        if number is None or "number_twice" in paper.problems:
            typed = Prompt.ask(t("scan.ask_number", lang), default="", show_default=False).strip()
            if not typed:
                continue
            if not typed.isdigit() or (contest_id, int(typed)) in taken:
                console.print(t("scan.number_refused", lang, typed=typed, contest=contest_id))
                continue
            number = int(typed)
        contest = election.contest(contest_id)
        action = t(f"scan.action.{contest.style}", lang)
        while True:
            typed = Prompt.ask(t("scan.ask_reading", lang, action=action), default="", show_default=False)
            if not typed.strip():
                break
            reading = parse_reading(typed, contest)
            if reading is None:
                console.print(t("scan.bad_reading", lang, typed=typed, count=len(contest.candidates)))
                continue
            done.append(Reviewed(paper, contest_id, number, reading[0], reading[1], clerk))
            taken.add((contest_id, number))
            break
    return done


@app.command()
def scan(
    election: ElectionArg,
    images: Annotated[
        list[Path],
        typer.Argument(
            help="Scans or photos of the papers: .png, .jpg, .tif, .pdf.", show_default=False, metavar="IMAGES..."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The ballot file to write (list layout, .csv).")],
    log: Annotated[Path | None, typer.Option("--log", help="The scan log (default: OUTPUT.log).")] = None,
    review: Annotated[
        bool, typer.Option("--review", help="At a terminal: show each paper that needs review and ask for its reading.")
    ] = False,
    clerk: Annotated[str | None, typer.Option("--clerk", help="Who reviews (written in the log).")] = None,
    lang: LangOption = Lang.vi,
    force: ForceOption = False,
) -> None:
    """Read the marked papers printed by 'ballots' from scans or photos; unclear papers go to review, never guessed."""
    with guard(lang):
        from emulation_vote.csvrows import write_rows
        from emulation_vote.entrylog import chain
        from emulation_vote.output import write_atomic
        from emulation_vote.scan import ballot_rows, log_entries, png_bytes, scan_images

        check_csv_output(output)
        log_path = log or output.with_name(output.name + ".log")
        review_path = output.with_name(output.name + ".review.json")
        for path in (output, log_path, review_path):
            check_output(path, force, [election, *images])
        loaded = ev.load_election(election)
        result = scan_images(loaded, images)
        reviewed = (
            _review(loaded, list(result.review), result.ballots, clerk, lang) if review and sys.stdin.isatty() else []
        )
        left = [p for p in result.review if all(r.paper is not p for r in reviewed)]
        rows = ballot_rows(loaded, result.ballots, reviewed)
        write_atomic(
            output, write_rows(("contest", "ballot_id", "round", "choices", "invalid"), rows).encode("utf-8"), force
        )
        time = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        write_atomic(log_path, chain(log_entries(loaded, result, reviewed, clerk, time)), force)
        typer.echo(t("scan.summary", lang, pages=result.pages, read=len(rows), review=len(left)), err=True)
        typer.echo(t("written", lang, path=output), err=True)
        if not left:
            return
        folder = output.with_name(output.name + ".review")
        folder.mkdir(exist_ok=True)
        names = []
        for number, paper in enumerate(left, 1):
            name = folder / f"{number:03d}-{Path(paper.source.file).stem}-p{paper.source.page}-{paper.index}.png"
            if paper.crop is not None:
                write_atomic(name, png_bytes(paper.crop), True)
            names.append(str(name))
        write_atomic(review_path, _review_document(loaded, left, names, lang).encode("utf-8"), force)
        typer.echo(t("scan.review_left", lang, count=len(left), path=review_path), err=True)
        raise typer.Exit(1)

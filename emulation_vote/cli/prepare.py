"""Commands that prepare a conference: ``new`` (the election file) and ``template`` (the clerks' workbook)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import emulation_vote as ev
from emulation_vote.cli._app import (
    ElectionArg,
    ForceOption,
    Lang,
    LangOption,
    RoundOption,
    RunoffOption,
    ScoresOption,
    SeatsOption,
    app,
    check_format_fits,
    check_output,
    guard,
    output_format,
    runoff_papers,
)
from emulation_vote.errors import EmulationVoteError, OutputError
from emulation_vote.i18n import t
from emulation_vote.render.errors import describe_error
from emulation_vote.vocab import Header, Language

if TYPE_CHECKING:
    from rich.console import Console

    from emulation_vote.election import Contest, Election
    from emulation_vote.prepare import Draft, UnitDraft
    from emulation_vote.render.workbook import Runoff


@app.command()
def new(
    folder: Annotated[Path, typer.Argument(help="The folder to create the election file in.", metavar="FOLDER")],
    units_file: Annotated[
        Path | None,
        typer.Option(
            "--units",
            help="The units: a .txt with one name per line, or a .csv/.xlsx whose column 'Tên đơn vị' (else the "
            "first) holds the names. Ids are derived from the names (Sở Tư pháp -> STP).",
        ),
    ] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", help="A unit's name (repeatable), after --units.")] = None,
    contest: Annotated[
        list[str] | None,
        typer.Option(
            "--contest",
            help='A contest as "Title:seats" (repeatable), or a preset: co-chinh-phu, bang-khen-thu-tuong, '
            "co-tinh, bang-khen-tinh, dan-dau (optionally with :seats).",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The conference's title.")] = None,
    organization: Annotated[
        str | None, typer.Option("--organization", help="The organisation (top left of the minutes).")
    ] = None,
    header: Annotated[
        str | None,
        typer.Option(
            "--header",
            help="The minutes' letterhead: party or state (default: party with --threshold convened, state otherwise).",
        ),
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where the conference meets.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="The date: 19/12/2023 or 2023-12-19.")] = None,
    time: Annotated[str | None, typer.Option("--time", help="The time of the count: 14:30.")] = None,
    convened: Annotated[int | None, typer.Option("--convened", min=0, help="Delegates convened.")] = None,
    present: Annotated[int | None, typer.Option("--present", min=0, help="Delegates present.")] = None,
    issued: Annotated[int | None, typer.Option("--issued", min=0, help="Ballots issued.")] = None,
    threshold: Annotated[
        str,
        typer.Option(
            "--threshold",
            help="valid (default: more than half of valid ballots), convened (more than half of delegates "
            "convened: Party bodies; also 'party'), present, or two-thirds (at least 2/3 of valid ballots).",
        ),
    ] = "valid",
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Ask nothing, even on a terminal.")] = False,
    lang: LangOption = Lang.vi,
) -> None:
    """Create FOLDER/election.toml, complete and commented, from a list of unit names (asks on a terminal)."""
    with guard(lang):
        from emulation_vote.output import write_atomic
        from emulation_vote.prepare import (
            Draft,
            build_units,
            check_draft,
            contests_of,
            default_header,
            parse_contest,
            parse_date,
            parse_time,
            read_unit_list,
            threshold_preset,
        )
        from emulation_vote.render.election_file import election_file

        target = folder / "election.toml"
        _check_folder(folder, target)
        if header is not None and header not in ("party", "state"):
            from emulation_vote.errors import UsageError

            raise UsageError("new.bad_header", value=header)
        units: tuple[UnitDraft, ...] = read_unit_list(units_file) if units_file is not None else ()
        if unit:
            names = [u.name for u in units] + list(unit)
            given = {i: u.id for i, u in enumerate(units)}
            aliases = {i: u.aliases for i, u in enumerate(units)}
            units = build_units(names, "--unit", None, given, aliases)
        specs = [parse_contest(text) for text in contest or []]
        rule = threshold_preset(threshold)
        draft = Draft(
            units=units,
            contests=contests_of(specs),
            title=title,
            organization=organization,
            header=Header(header) if header is not None else default_header(rule),
            place=place,
            date=None if date is None else parse_date(date),
            time=None if time is None else parse_time(time),
            convened=convened,
            present=present,
            issued=issued,
            threshold=rule,
        )
        interactive = sys.stdin.isatty() and sys.stdout.isatty() and not yes
        if interactive:
            try:
                answered = _ask(draft, lang, asked_header=header is not None, asked_threshold=threshold != "valid")
            except EOFError:  # Ctrl-D at a question: nothing is written
                answered = None
            if answered is None:
                typer.echo(t("ask.cancelled", lang), err=True)
                raise typer.Exit(1)
            draft = answered
        elif not draft.contests:
            from emulation_vote.prepare import PRESETS

            draft = _replace(draft, contests=contests_of([(PRESETS[0].title, PRESETS[0].seats)]))
        check_draft(draft)
        text = election_file(draft, lang)
        ev.parse_election(text, str(target))  # the file must load as written; a failure here is a bug (exit 3)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            write_atomic(target, text.encode("utf-8"))
        except OutputError as error:
            if error.key == "output.exists":
                raise OutputError("new.exists", file=str(target)) from None
            raise
        if not interactive:
            typer.echo(_units_table(draft, lang), nl=False)
        typer.echo(t("new.done", lang, path=target, units=len(draft.units), contests=len(draft.contests)))
        typer.echo(
            t(
                "new.next",
                lang,
                path=target,
                sheet=folder / "phieu.xlsx",
                papers=folder / "phieu-bau.pdf",
                typed=folder / "phieu-nhap.csv",
            )
        )


def _check_folder(folder: Path, target: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError("new.not_folder", file=str(folder))
    if target.exists():
        raise OutputError("new.exists", file=str(target))


def _replace(draft: Draft, **changes: object) -> Draft:
    import dataclasses

    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]  # the fields are checked by Draft


def _units_table(draft: Draft, lang: Language) -> str:
    """Return the units with their ids as a plain table (what the clerks will type)."""
    from tabulate import tabulate

    rows = [(i, u.id, u.name) for i, u in enumerate(draft.units, 1)]
    heads = (t("new.col_number", lang), t("new.col_id", lang), t("new.col_name", lang))
    return f"{t('new.units_table', lang)}\n{tabulate(rows, heads, tablefmt='simple')}\n\n"


def _ask(draft: Draft, lang: Language, asked_header: bool, asked_threshold: bool) -> Draft | None:
    """Ask on the terminal, in ``lang``, for every part of ``draft`` not given by an option."""
    from rich.console import Console
    from rich.prompt import Confirm, Prompt

    from emulation_vote.prepare import (
        PRESETS,
        THRESHOLDS,
        build_units,
        contests_of,
        default_header,
        find_preset,
        read_unit_list,
        reviewed_year,
    )

    console = Console(highlight=False)
    console.print(t("ask.intro", lang), style="bold", markup=False)
    while not draft.units:
        path = Prompt.ask(t("ask.units_file", lang), console=console, default="", show_default=False).strip()
        if path:
            try:
                draft = _replace(draft, units=read_unit_list(Path(path).expanduser()))
            except EmulationVoteError as error:
                console.print(describe_error(error, lang), style="red", markup=False)
        else:
            names: list[str] = []
            while True:
                name = Prompt.ask(
                    t("ask.unit_name", lang, number=len(names) + 1), console=console, default="", show_default=False
                )
                if not name.strip():
                    if names:
                        break
                    continue
                names.append(name.strip())
            draft = _replace(draft, units=build_units(names, "stdin"))
    console.print(_units_table(draft, lang), markup=False, overflow="ignore", crop=False, soft_wrap=True)
    if not draft.contests:
        console.print(t("ask.presets", lang))
        for number, preset in enumerate(PRESETS, 1):
            console.print(f"  {number}. {preset.title} ({preset.seats})", markup=False)
        specs: list[tuple[str, int]] = []
        while True:
            default = "1" if not specs else ""
            answer = Prompt.ask(
                t("ask.contest", lang, number=len(specs) + 1),
                console=console,
                default=default,
                show_default=bool(default),
            )
            if not answer.strip():
                if specs:
                    break
                continue
            found = find_preset(answer)
            title = found.title if found is not None else answer.strip()
            seats = _ask_int(console, t("ask.seats", lang), found.seats if found else 1, lang, required=True)
            specs.append((title, seats or 1))
        draft = _replace(draft, contests=contests_of(specs))
    changes: dict[str, object] = {}
    if draft.date is None:
        changes["date"] = _ask_date(console, lang)
    when = changes.get("date") or draft.date
    year = reviewed_year(when if isinstance(when, dt.date) else dt.date.today())
    if draft.title is None:
        changes["title"] = _text(console, t("ask.title", lang), t("ask.title_default", lang, year=year))
    if draft.organization is None:
        changes["organization"] = _text(console, t("ask.organization", lang), "")
    if draft.place is None:
        changes["place"] = _text(console, t("ask.place", lang), "")
    for name in ("convened", "present", "issued"):
        if getattr(draft, name) is None:
            changes[name] = _ask_int(console, t(f"ask.{name}", lang), None, lang)
    rule = draft.threshold
    if not asked_threshold:
        choices = [str(i) for i in range(1, len(THRESHOLDS) + 1)]
        answer = Prompt.ask(t("ask.threshold", lang), console=console, choices=choices, default="1")
        chosen = THRESHOLDS[int(answer) - 1]
        changes["threshold"] = rule = chosen
        if chosen.of != "valid" and changes.get(chosen.of) is None and getattr(draft, chosen.of) is None:
            changes[chosen.of] = _ask_int(console, t(f"ask.{chosen.of}", lang), None, lang, required=True)
    if not asked_header:  # after the threshold: the letterhead that goes with it is the default
        default = "1" if default_header(rule) is Header.party else "2"
        answer = Prompt.ask(t("ask.header", lang), console=console, choices=["1", "2"], default=default)
        changes["header"] = Header.party if answer == "1" else Header.state
    draft = _replace(draft, **changes)
    # c/k (có/không) in Vietnamese, as `enter` asks; y/n in English
    confirm = Confirm(t("ask.write", lang, path="election.toml"), console=console)
    confirm.choices = ["c", "k"] if lang == Language.vi else ["y", "n"]
    if not confirm(default=True):
        return None
    return draft


def _text(console: Console, question: str, default: str) -> str | None:
    from rich.prompt import Prompt

    answer = Prompt.ask(question, console=console, default=default, show_default=bool(default)).strip()
    return answer or None


def _ask_int(
    console: Console, question: str, default: int | None, lang: Language, required: bool = False
) -> int | None:
    from rich.prompt import Prompt

    while True:
        shown = "" if default is None else str(default)
        answer = Prompt.ask(question, console=console, default=shown, show_default=bool(shown)).strip()
        if not answer and not required:
            return None
        if answer.isdigit() and (int(answer) >= 1 or not required):
            return int(answer)
        console.print(t("ask.not_number", lang), style="red")


def _ask_date(console: Console, lang: Language) -> dt.date | None:
    from rich.prompt import Prompt

    from emulation_vote.errors import UsageError
    from emulation_vote.prepare import parse_date

    while True:
        answer = Prompt.ask(t("ask.date", lang), console=console, default="", show_default=False).strip()
        if not answer:
            return None
        try:
            return parse_date(answer)
        except UsageError as error:
            console.print(describe_error(error, lang), style="red", markup=False)


class TemplateFormat(StrEnum):
    """Forms of the clerks' sheet."""

    xlsx = "xlsx"
    csv = "csv"


_TEMPLATE_SUFFIXES = {".xlsx": (TemplateFormat.xlsx,), ".csv": (TemplateFormat.csv,)}


@app.command()
def template(
    election: ElectionArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The workbook to write (e.g. phieu.xlsx), atomically.")
    ],
    fmt: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="xlsx (every contest) or csv (one contest's header row). Default: by the suffix of --output, "
            "else xlsx.",
        ),
    ] = None,
    contest: Annotated[
        str | None,
        typer.Option("--contest", "-c", help="With --format csv, or for a runoff: the contest id (needed if several)."),
    ] = None,
    scores: ScoresOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.vi,
    round_number: RoundOption = 1,
    runoff: RunoffOption = None,
    seats: SeatsOption = None,
) -> None:
    """Write the clerks' workbook: a sheet per contest, rows numbered, mark cells checked, a 'Hướng dẫn' sheet.

    A runoff's workbook (--round 2 --runoff STP,STC --seats 1) has one sheet: its contest's, the
    tied units' columns shown, the others hidden and kept empty.
    """
    with guard(lang):
        from emulation_vote.errors import UsageError
        from emulation_vote.output import write_atomic
        from emulation_vote.render.workbook import clerks_csv, clerks_workbook, numbered_rows

        check_format_fits(fmt, output, _TEMPLATE_SUFFIXES, TemplateFormat.xlsx, (TemplateFormat.xlsx,))
        check_output(output, force, [election, *(scores or [])])
        loaded = ev.load_election(election)
        if scores or any(c.from_scores is not None for c in loaded.contests):
            loaded = ev.with_scores(loaded, scores or ())  # the units ranked onto the ballot are its columns
        form = output_format(fmt, output, _TEMPLATE_SUFFIXES, TemplateFormat.xlsx)
        ids = ", ".join(c.id for c in loaded.contests)
        if round_number > 1 or runoff or seats is not None:
            if form is TemplateFormat.csv:
                raise UsageError("template.runoff_csv", round=max(round_number, 2))
            sheet = _runoff_sheet(loaded, contest, round_number, runoff, seats, lang)
            data = clerks_workbook(loaded, election.name, output.name, lang, sheet)
            write_atomic(output, data, force)
            rows = f"{sheet.paper.id} {numbered_rows(loaded, loaded.contest(sheet.paper.id))}"
            typer.echo(t("template.done", lang, path=output, sheets=1, rows=rows), err=True)
            return
        if form is TemplateFormat.csv:
            if contest is None and len(loaded.contests) > 1:
                raise UsageError("template.which_contest", contests=ids)
            chosen = loaded.contests[0] if contest is None else _contest(loaded, contest)
            write_atomic(output, clerks_csv(chosen, lang).encode("utf-8"), force)
            typer.echo(t("written", lang, path=output), err=True)
            return
        if contest is not None:
            raise UsageError("template.contest_csv_only")
        data = clerks_workbook(loaded, election.name, output.name, lang)
        write_atomic(output, data, force)
        rows = ", ".join(f"{c.id} {numbered_rows(loaded, c)}" for c in loaded.contests)
        typer.echo(t("template.done", lang, path=output, sheets=len(loaded.contests), rows=rows), err=True)


def _runoff_sheet(
    election: Election, contest: str | None, round_number: int, runoff: str | None, seats: int | None, lang: Lang
) -> Runoff:
    """Return a runoff's sheet: its contest (named, or the only one), the tied units on its paper, its limits."""
    from emulation_vote.render.workbook import Runoff

    paper = runoff_papers(election, [contest] if contest else [], round_number, runoff, seats, lang)
    return Runoff(round_number, paper.contests[0])


def _contest(election: Election, text: str) -> Contest:
    from emulation_vote.ballots.layout import contest_for
    from emulation_vote.errors import UsageError

    found = contest_for(text, election)
    if found is None:
        raise UsageError("template.unknown_contest", value=text, contests=", ".join(c.id for c in election.contests))
    return found

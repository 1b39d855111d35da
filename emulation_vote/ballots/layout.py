"""Interpreting a sheet's cells as ballots: the wide and list layouts of the contract.

The header row decides the layout: a ``choices`` column makes it a list file, otherwise it
is wide (one column per candidate).  Reserved columns (``ballot_id``, ``choices``,
``contest``, ``invalid``, ``round`` and, for open votes, ``voter``) are recognised under
the same normalisation as names; their Vietnamese headings are accepted too.

:func:`plan_header` reads the header once into a :class:`HeaderPlan`; the exact reader here
(:func:`read_layout`) and the streaming reader (:mod:`.fast`) both use it and the per-value
parsers below (:func:`~emulation_vote.marks.read_mark`, :func:`parse_round`,
:func:`parse_choices`), so the two read a file the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from emulation_vote.ballot import MATCHED_WITHOUT_DIACRITICS, Ballot, Notice
from emulation_vote.ballots.legacy import detect
from emulation_vote.ballots.matching import NameMatcher, suggest_names
from emulation_vote.ballots.tabular import Sheet
from emulation_vote.election import Contest, Election
from emulation_vote.errors import BallotFileError, EmulationVoteError
from emulation_vote.marks import MARK_WORDS, NO_MARK_WORDS, closest_mark, read_mark
from emulation_vote.text import clean, closest, name_key, short
from emulation_vote.vocab import Style

RESERVED: dict[str, tuple[str, ...]] = {
    "ballot_id": ("ballot_id", "STT", "Số phiếu", "Phiếu số", "Mã phiếu", "ballot id", "ballot"),
    "choices": ("choices", "lựa chọn"),
    "contest": ("contest", "cuộc bầu"),
    "invalid": ("invalid", "không hợp lệ", "phiếu không hợp lệ", "Phiếu không hợp lệ (lý do)", "lý do không hợp lệ"),
    "round": ("round", "vòng", "vòng bầu"),
    "voter": ("voter", "delegate", "đại biểu", "họ tên", "họ và tên", "người bỏ phiếu", "cử tri"),
    "note": ("note", "Ghi chú", "notes"),
}
BALLOT_ID_HEADINGS = RESERVED["ballot_id"][:5]
"""The headings a ballot number column may have, as the contract lists them."""

TEMPLATE_MARK = "emulation-vote/template/1"
"""The heading, followed by a contest id, of the hidden last column of every sheet ``template`` writes.

It marks the sheet as a template (a row holding nothing but its pre-printed number is an unused
number, not a ballot) and names the sheet's contest, so that renaming the sheet changes nothing.
A runoff's sheet adds its round: ``emulation-vote/template/1 co-thi-dua round 2``
(:func:`template_heading`, :func:`read_template_heading`).
"""


def template_heading(contest_id: str, round_number: int = 1) -> str:
    """Return the heading of a template sheet's marker column: its contest, and its round if a runoff's."""
    return f"{TEMPLATE_MARK} {contest_id}" + (f" round {round_number}" if round_number > 1 else "")


def read_template_heading(rest: str) -> tuple[str, int]:
    """Return the contest id and round a marker heading records (``rest``: what follows :data:`TEMPLATE_MARK`).

    >>> read_template_heading(" co-thi-dua round 2")
    ('co-thi-dua', 2)
    >>> read_template_heading(" co-thi-dua")
    ('co-thi-dua', 1)
    """
    words = rest.split()
    number = parse_round(words[-1]) if len(words) >= 3 and words[-2] == "round" else None
    if number is not None:  # a whole number from 1, as a round cell gives it
        return " ".join(words[:-2]), number
    return " ".join(words), 1


def _header_key(text: str) -> str:
    return name_key(text.replace("_", " "))


_RESERVED_KEYS = {_header_key(alias): column for column, aliases in RESERVED.items() for alias in aliases}


def parse_round(text: str) -> int | None:
    """Return the round a cell names (1 when empty), or None when it is not a whole number from 1.

    Only ASCII digits, at most six of them (``int`` would also take ``1_000``, ``+1`` or ``١``, and a
    twenty-digit round overflowed the streaming reader).
    """
    text = clean(text)
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        return None
    number = int(text)
    return number if number >= 1 else None


@dataclass(frozen=True)
class Choices:
    """What a ``choices`` cell names.

    ``chosen`` are the candidate ids; ``loose`` the pieces matched only without diacritics, as
    (text as typed, candidate id); ``error`` is (message key, the piece, a detail) for a cell
    that cannot be read: the detail is the candidate named twice, or the candidates a name
    typed without diacritics could be.
    """

    chosen: frozenset[str]
    loose: tuple[tuple[str, str], ...] = ()
    error: tuple[str, str, str] | None = None


def parse_choices(text: str, matcher: NameMatcher, strict_names: bool = False) -> Choices:
    """Return the candidates a list-layout cell names, the loose matches among them, or its error."""
    chosen: set[str] = set()
    loose: list[tuple[str, str]] = []
    for piece in text.split(";"):
        value = clean(piece)
        if not value:
            continue
        candidate_id = matcher.match(value)
        if candidate_id is None:
            found = matcher.match_loose(value)
            if found is None:
                return Choices(frozenset(), error=("row.unknown_candidate", value, ""))
            names = "; ".join(matcher.display(c) for c in found.candidates)
            if len(found.candidates) > 1:
                return Choices(frozenset(), error=("row.ambiguous_name", value, names))
            if strict_names:
                return Choices(frozenset(), error=("row.strict_name", value, names))
            candidate_id = found.candidates[0]
            loose.append((value, candidate_id))
        if candidate_id in chosen:
            return Choices(frozenset(), error=("row.named_twice", value, candidate_id))
        chosen.add(candidate_id)
    return Choices(frozenset(chosen), tuple(loose))


@dataclass
class HeaderPlan:
    """What a header row means: where each column is, the layout, and which contest the rows are for.

    ``candidate_columns`` maps, per contest id, a column index to the candidate it holds (wide
    layout).  ``fixed`` is the contest of every row when the file has no ``contest`` column.
    """

    source: str
    header: list[str]
    layout: str
    reserved: dict[str, int]
    others: list[tuple[int, str]]
    width: int
    blank_columns: list[int]
    candidate_columns: dict[str, dict[int, str]] = field(default_factory=dict)
    fixed: Contest | None = None
    matchers: dict[str, NameMatcher] = field(default_factory=dict)
    strict_names: bool = False
    notices: list[Notice] = field(default_factory=list)
    template: str | None = None
    """The contest id a template sheet records (its marker column), None for any other file."""
    template_round: int = 1
    """The round a template sheet records (a runoff's sheet: 2 and up): its rows' round when it has no round column."""


def plan_header(header: list[str], source: str, election: Election, strict_names: bool = False) -> HeaderPlan:
    """Interpret a header row; raise :class:`BallotFileError` (row 1) for any header error.

    A candidate heading typed without diacritics is matched as :mod:`.matching` allows, and
    noted in the plan's ``notices`` (refused when ``strict_names``).
    """
    reserved: dict[str, int] = {}
    others: list[tuple[int, str]] = []
    template: str | None = None
    template_round = 1
    for index, heading in enumerate(header):
        text = clean(heading)
        if not text:
            continue
        if text.startswith(TEMPLATE_MARK):
            template, template_round = read_template_heading(text[len(TEMPLATE_MARK) :])
            continue
        column = _RESERVED_KEYS.get(_header_key(text))
        if column is None:
            others.append((index, text))
        elif column in reserved:
            raise BallotFileError("header.twice", file=source, row=1, column=text)
        else:
            reserved[column] = index
    if "ballot_id" not in reserved:
        headings = [clean(h) for h in header if clean(h)]
        near = closest("ballot id", [_header_key(h) for h in headings])
        suggestion = next((h for h in headings if _header_key(h) == near), None)
        raise BallotFileError(
            "header.no_ballot_id" if suggestion is None else "header.no_ballot_id_near",
            file=source,
            row=1,
            suggestion=suggestion or "",
            accepted=", ".join(BALLOT_ID_HEADINGS),
            found=", ".join(f"'{short(h, 30)}'" for h in headings[:6]) + (", …" if len(headings) > 6 else ""),
        )
    if "voter" in reserved:
        secret = [c.id for c in election.contests if c.secret]
        if secret:
            raise BallotFileError(
                "header.voter_secret",
                file=source,
                row=1,
                column=clean(header[reserved["voter"]]),
                contests=", ".join(secret),
            )
    width = max([i for i, h in enumerate(header) if clean(h)], default=-1) + 1
    plan = HeaderPlan(
        source=source,
        header=header,
        layout="list" if "choices" in reserved else "wide",
        reserved=reserved,
        others=others,
        width=width,
        blank_columns=[i for i in range(width) if not clean(header[i])],
        matchers={c.id: NameMatcher(c) for c in election.contests},
        strict_names=strict_names,
        template=template,
        template_round=template_round,
    )
    if template is not None and "contest" not in reserved:
        recorded = contest_for(template, election)
        if recorded is None:
            raise BallotFileError(
                "header.template_contest",
                file=source,
                row=1,
                contest=template,
                contests=", ".join(c.id for c in election.contests),
            )
        plan.fixed = recorded
    if plan.layout == "list":
        for _index, heading in others:
            known = [aliases[0] for aliases in RESERVED.values()]
            raise BallotFileError(
                "header.unknown_list",
                file=source,
                row=1,
                column=short(heading),
                suggestion=closest(_header_key(heading), known) or ", ".join(known),
            )
    else:
        _plan_wide(plan, election)
    if "contest" not in reserved:
        plan.fixed = plan.fixed or _default_contest(source, election)
    return plan


def _plan_wide(plan: HeaderPlan, election: Election) -> None:
    plan.candidate_columns = {c.id: {} for c in election.contests}
    for index, heading in plan.others:
        exact = {c.id: plan.matchers[c.id].match(heading) for c in election.contests}
        found = {contest_id: cid for contest_id, cid in exact.items() if cid is not None}
        if not found:
            found = _loose_heading(plan, heading, election)
        for contest_id, candidate_id in found.items():
            if candidate_id in plan.candidate_columns[contest_id].values():
                raise BallotFileError(
                    "header.candidate_twice", file=plan.source, row=1, column=short(heading), id=candidate_id
                )
            plan.candidate_columns[contest_id][index] = candidate_id
        if not found:
            _check_legacy(plan.source, 1, plan.header)
            near = suggest_names(heading, [c for contest in election.contests for c in contest.candidates])
            raise BallotFileError(
                "header.unknown_candidate" if near else "header.unknown_candidate_none",
                file=plan.source,
                row=1,
                column=short(heading),
                suggestions="; ".join(near),
            )
    if "contest" not in plan.reserved and len(election.contests) > 1 and plan.fixed is None:
        complete = [
            c
            for c in election.contests
            if set(plan.candidate_columns[c.id].values()) == set(c.ids)
            and len(plan.candidate_columns[c.id]) == len(plan.others)
        ]
        if len(complete) == 1:
            plan.fixed = complete[0]


def _loose_heading(plan: HeaderPlan, heading: str, election: Election) -> dict[str, str]:
    """Return, per contest, the one candidate a heading typed without diacritics names (with a notice).

    Raise when the heading could be several candidates, or when ``--strict-names`` refuses it.
    """
    found: dict[str, str] = {}
    ambiguous: list[str] = []
    for contest in election.contests:
        matcher = plan.matchers[contest.id]
        loose = matcher.match_loose(heading)
        if loose is None:
            continue
        if len(loose.candidates) > 1:
            ambiguous += [matcher.display(c) for c in loose.candidates if matcher.display(c) not in ambiguous]
            continue
        found[contest.id] = loose.candidates[0]
    if ambiguous and not found:
        raise BallotFileError(
            "header.ambiguous_name", file=plan.source, row=1, column=short(heading), candidates="; ".join(ambiguous)
        )
    if found and plan.strict_names:
        names = sorted({plan.matchers[cid].display(found[cid]) for cid in found})
        raise BallotFileError(
            "header.strict_name", file=plan.source, row=1, column=short(heading), candidates="; ".join(names)
        )
    for contest_id, candidate_id in found.items():
        notice = Notice(plan.source, 1, MATCHED_WITHOUT_DIACRITICS, heading, candidate_id, contest_id)
        if not any((n.text, n.candidate) == (heading, candidate_id) for n in plan.notices):
            plan.notices.append(notice)
    return found


def _missing_key(plan: HeaderPlan, contest: Contest) -> str:
    """Return the message key of missing candidate columns: with a round column, it says how a runoff is laid out."""
    if "round" not in plan.reserved:
        return "header.missing_candidate"
    strike = contest.style == Style.strike
    return "header.missing_candidate_round_strike" if strike else "header.missing_candidate_round"


def check_columns(plan: HeaderPlan, contest: Contest) -> None:
    """Raise (at the header row) when a wide file lacks a column for some candidate of ``contest``."""
    if plan.layout != "wide":
        return
    mapping = plan.candidate_columns[contest.id]
    missing = [c for c in contest.candidates if c.id not in mapping.values()]
    if missing:
        raise BallotFileError(
            _missing_key(plan, contest),
            file=plan.source,
            row=1,
            contest=contest.id,
            names="; ".join(f"{c.name} ({c.id})" for c in missing),
        )


def _check_legacy(source: str, row: int, cells: list[str]) -> None:
    """Explain a name that matches nothing when its row looks typed in a legacy font encoding."""
    legacy = detect(" ".join(cells))
    if legacy is not None:
        raise BallotFileError("encoding.legacy", file=source, row=row, encoding=legacy)


def _default_contest(source: str, election: Election) -> Contest | None:
    if len(election.contests) == 1:
        return election.contests[0]
    stem = name_key(Path(source).stem)
    for contest in election.contests:
        if name_key(contest.id) == stem:
            return contest
    return None


def contest_for(text: str, election: Election) -> Contest | None:
    """Return the contest a ``contest`` cell names, by id under the name normalisation."""
    key = name_key(text)
    for contest in election.contests:
        if name_key(contest.id) == key:
            return contest
    return None


def _infer_list_contest(plan: HeaderPlan, rows: list[tuple[int, list[str]]], election: Election) -> None:
    """For a list file without a contest column: the one contest whose candidates name every choice.

    When several contests fit (their candidates overlap) the file stays ambiguous and its rows are
    refused with a message asking for a ``contest`` column; when none fits, the contest that fits
    most rows is taken, so that the first misspelled name is reported with its row.
    """
    index = plan.reserved["choices"]
    cells = {row[index] for _number, row in rows if index < len(row)}
    fits = {
        contest.id: sum(1 for cell in cells if parse_choices(cell, plan.matchers[contest.id]).error is None)
        for contest in election.contests
    }
    complete = [c for c in election.contests if fits[c.id] == len(cells)]
    if len(complete) == 1:
        plan.fixed = complete[0]
    elif not complete:
        plan.fixed = max(election.contests, key=lambda c: fits[c.id])


def contest_for_sheet(name: str, election: Election) -> Contest | None:
    """Return the contest a workbook sheet is named after: its id, its title, or the title cut to fit.

    The title matches whole, cut at Excel's 31 characters, or cut at a word and ended by "…" (as
    ``template`` names sheets), under the name normalisation.
    """
    key = name_key(name)
    for contest in election.contests:
        if key in (name_key(contest.id), name_key(contest.title), name_key(contest.title[:31])):
            return contest
    cut = name.rstrip()
    if cut.endswith("…"):
        # The "…" is taken off before the normalisation, which moves a word's tone mark to its end:
        # "Cờ…" would become "cơ…" and a grave accent after the "…".
        stem = name_key(cut[:-1]).rstrip()
        found = [c for c in election.contests if stem and (name_key(c.title) + " ").startswith(stem + " ")]
        if len(found) == 1:
            return found[0]
    return None


def sheet_plan(sheet: Sheet, election: Election, strict_names: bool = False) -> HeaderPlan | None:
    """Plan ``sheet``'s header; None for a sheet of a several-sheet workbook that holds no ballots.

    In a workbook of several sheets a sheet whose row 1 has no ballot number column is not a ballot
    sheet (instructions, say), and may merge cells; a ballot sheet with merged cells is refused.
    A ballot sheet takes its contest from its template marker, its name, or its ``contest``
    column, and naming no contest at all is an error.
    """
    try:
        plan = plan_header(sheet.header, sheet.source, election, strict_names)
    except BallotFileError as error:
        if sheet.several and error.key in ("header.no_ballot_id", "header.no_ballot_id_near"):
            return None
        raise
    if sheet.merged:  # merged cells come from a workbook only: the CSV count does not load its scanner
        from emulation_vote.ballots.xlsx_scan import refuse_merged

        refuse_merged(sheet.merged, sheet.source, sheet.name)
    if sheet.name is None or plan.template is not None or "contest" in plan.reserved:
        return plan
    named = contest_for_sheet(sheet.name, election)
    if named is not None:
        plan.fixed = named
    elif sheet.several:
        raise BallotFileError(
            "xlsx.sheet_contest",
            file=sheet.source,
            sheet=sheet.name,
            contests="; ".join(f"{c.id} ({c.title})" for c in election.contests),
        )
    return plan


def read_layout(
    sheet: Sheet,
    election: Election,
    strict_names: bool = False,
    notices: list[Notice] | None = None,
    only: frozenset[str] | None = None,
    skipped: Counter[str] | None = None,
    errors: list[EmulationVoteError] | None = None,
) -> Iterator[Ballot]:
    """Yield the ballots of ``sheet``; raise :class:`BallotFileError` at the first data-entry error.

    With ``errors``, a row's error is appended there instead and the rows after it are read on,
    so that one run reports every row to fix; the header's errors still stop the file.

    Names matched only without their diacritics are appended to ``notices`` (file, row, text,
    candidate); ``strict_names`` refuses them instead.  With ``only`` (contest ids), the rows of
    other contests are skipped unread, counted per contest in ``skipped``: their errors are not
    reported.
    """
    found = sheet_plan(sheet, election, strict_names)
    if found is None:
        return
    plan = found
    rows = sheet.rows
    if plan.fixed is None and plan.layout == "list" and "contest" not in plan.reserved:
        rows = list(rows)
        _infer_list_contest(plan, rows, election)
    if only is not None and plan.fixed is not None and plan.fixed.id not in only:
        if skipped is not None:
            # A template's pre-printed numbers left unused are not ballots (as when the sheet is read).
            unused = plan.reserved["ballot_id"] if plan.template is not None else None
            skipped[plan.fixed.id] += sum(
                1 for _number, cells in rows if any(c.strip() for i, c in enumerate(cells) if i != unused)
            )
        return
    sink = notices if notices is not None else []
    sink += plan.notices
    source = sheet.source
    reserved = plan.reserved
    id_index = reserved["ballot_id"]
    contest_index = reserved.get("contest")
    round_index = reserved.get("round")
    invalid_index = reserved.get("invalid")
    voter_index = reserved.get("voter")
    choices_index = reserved.get("choices")
    note_index = reserved.get("note")
    is_text_file = source.lower().endswith((".csv", ".tsv", ".txt"))
    checked: set[str] = set()

    def one(number: int, cells: list[str]) -> Ballot | None:
        if not any(c.strip() for c in cells):
            return None
        if only is not None and contest_index is not None and contest_index < len(cells):
            other = contest_for(clean(cells[contest_index]), election)
            if other is not None and other.id not in only:
                if skipped is not None:
                    skipped[other.id] += 1
                return None
        count = len(cells)
        for index in range(plan.width, count):
            if cells[index].strip():
                raise BallotFileError(
                    "row.extra_cell",
                    file=source,
                    row=number,
                    value=short(cells[index].strip()),
                    count=count,
                    width=plan.width,
                )
        if count < plan.width and is_text_file:
            raise BallotFileError("row.short", file=source, row=number, count=count, width=plan.width)
        if count < plan.width:
            cells = cells + [""] * (plan.width - count)
        for index in plan.blank_columns:
            if cells[index].strip():
                raise BallotFileError(
                    "row.no_heading", file=source, row=number, column=index + 1, value=short(cells[index].strip())
                )
        if plan.template is not None and not any(c.strip() for i, c in enumerate(cells) if i != id_index):
            return None  # a pre-printed number left unused
        ballot_id = clean(cells[id_index])
        if not ballot_id:
            raise BallotFileError("row.no_ballot_id", file=source, row=number)
        contest = plan.fixed
        if contest is None:
            if contest_index is None:
                raise BallotFileError(
                    "file.which_contest", file=source, row=number, contests=", ".join(c.id for c in election.contests)
                )
            text = clean(cells[contest_index])
            contest = contest_for(text, election)
            if contest is None:
                ids = [c.id for c in election.contests]
                raise BallotFileError(
                    "row.unknown_contest",
                    file=source,
                    row=number,
                    value=short(text),
                    suggestion=closest(text, ids) or ", ".join(ids),
                )
        if contest.id not in checked:
            checked.add(contest.id)  # a missing column is reported once, at the first row of its contest
            check_columns(plan, contest)
        # A runoff's template sheet gives its round to a row that does not give one.
        given = None if round_index is None else cells[round_index]
        round_number = parse_round(given) if given is not None and clean(given) else plan.template_round
        if round_number is None:
            raise BallotFileError("row.bad_round", file=source, row=number, value=short(clean(cells[round_index or 0])))
        declared = clean(cells[invalid_index]) or None if invalid_index is not None else None
        voter = clean(cells[voter_index]) or None if voter_index is not None else None
        note = clean(cells[note_index]) or None if note_index is not None else None
        if choices_index is not None:
            parsed = parse_choices(cells[choices_index], plan.matchers[contest.id], strict_names)
            if parsed.error is not None:
                key, value, detail = parsed.error
                if key == "row.unknown_candidate":
                    _check_legacy(source, number, cells)
                    near = plan.matchers[contest.id].suggest(value)
                    raise BallotFileError(
                        key if near else "row.unknown_candidate_none",
                        file=source,
                        row=number,
                        value=short(value),
                        contest=contest.id,
                        suggestions="; ".join(near),
                    )
                if key == "row.named_twice":
                    raise BallotFileError(key, file=source, row=number, value=short(value), id=detail)
                raise BallotFileError(key, file=source, row=number, value=short(value), candidates=detail)
            for text, candidate_id in parsed.loose:
                sink.append(Notice(source, number, MATCHED_WITHOUT_DIACRITICS, text, candidate_id, contest.id))
            return Ballot(
                contest.id, round_number, ballot_id, parsed.chosen, False, declared, source, number, voter, note
            )
        mapping = plan.candidate_columns[contest.id]
        marks: set[str] = set()
        for index, heading in plan.others:
            mark = read_mark(cells[index])
            if mark is None:
                mistyped = closest_mark(cells[index])
                raise BallotFileError(
                    "row.bad_mark" if mistyped is None else "row.bad_mark_near",
                    file=source,
                    row=number,
                    column=short(heading),
                    value=short(cells[index].strip()),
                    marks=", ".join(MARK_WORDS),
                    no_marks=", ".join(NO_MARK_WORDS),
                    **({} if mistyped is None else {"suggestion": mistyped}),
                )
            if not mark:
                continue
            marked = mapping.get(index)
            if marked is None:
                raise BallotFileError(
                    "row.mark_other_contest", file=source, row=number, column=short(heading), contest=contest.id
                )
            marks.add(marked)
        return Ballot(
            contest.id,
            round_number,
            ballot_id,
            frozenset(marks),
            contest.style == Style.strike,
            declared,
            source,
            number,
            voter,
            note,
        )

    try:
        for number, cells in rows:
            try:
                ballot = one(number, cells)
            except BallotFileError as error:
                if errors is None:
                    raise
                errors.append(error)
                continue
            if ballot is not None:
                yield ballot
    except BallotFileError as error:  # the file cannot be read on (a broken CSV quote, say)
        if errors is None:
            raise
        errors.append(error)

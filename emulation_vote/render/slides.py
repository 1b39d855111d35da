"""What a results page for the room says, independent of how it is drawn (HTML page, PNG or SVG chart).

:func:`build_slides` turns the record into one :class:`Slide` per contest round: the heading, the
ballot figures, the threshold in words, the bars (rank, unit, votes, percent, status) and the
closing lines.  :mod:`emulation_vote.render.show` lays them out as a projector page and
:mod:`emulation_vote.render.chart` as chart images; neither counts anything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from emulation_vote.i18n import fmt_percent, t
from emulation_vote.record import ContestResult, ElectionRecord, RoundResult
from emulation_vote.render.report import invalid_text, names, round_heading, status_text, threshold_words
from emulation_vote.vocab import Language, Status


@dataclass(frozen=True)
class Bar:
    """One unit's bar: rank, name, votes, percent as shown, status (record code) and in words, the value label."""

    rank: int
    name: str
    votes: int
    percent: str
    status: Status
    status_text: str
    label: str

    @property
    def selected(self) -> bool:
        """Whether the unit is selected in this round."""
        return self.status == "selected"


@dataclass(frozen=True)
class Slide:
    """One contest round as a page for the room.

    ``scale`` is the vote count at the full length of a bar (the threshold base, or more when a
    unit or the threshold line would not fit); ``needed`` is where the threshold line is drawn
    (None: no threshold line).  ``alert`` is a runoff still to hold; ``closing`` the round's outcome
    lines; ``final`` the contest's outcome over every round, on its last round's page (else empty).
    ``provisional`` is the banner of a provisional count (``--partial``), empty for an official one.
    """

    key: str
    contest_id: str
    round_number: int
    heading: str
    figures: tuple[tuple[str, int], ...]
    invalid_detail: str
    threshold: str
    needed: int | None
    needed_label: str
    scale: int
    bars: tuple[Bar, ...]
    note: str
    alert: str
    closing: tuple[str, ...]
    provisional: str = ""
    final: str = ""


def slide_key(contest_id: str, round_number: int, rounds: int) -> str:
    """Return a file-name-safe key of a contest round: the contest id, with ``-vong-N`` when it had several rounds.

    >>> slide_key("co-thi-dua", 2, 2)
    'co-thi-dua-vong-2'
    >>> slide_key("co-thi-dua", 1, 1)
    'co-thi-dua'
    >>> slide_key("Bằng khen", 1, 1)
    'bang-khen'
    """
    ascii_id = unicodedata.normalize("NFKD", contest_id.replace("đ", "d").replace("Đ", "D"))
    ascii_id = ascii_id.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_id).strip("-") or "noi-dung"
    return slug if rounds == 1 else f"{slug}-vong-{round_number}"


def _figures(record: ElectionRecord, rnd: RoundResult, lang: Language) -> tuple[tuple[str, int], ...]:
    figures: list[tuple[str, int]] = []
    issued = record.election.electorate.issued
    if rnd.number == 1 and issued is not None:
        figures.append((t("show.issued", lang), issued))
        figures.append((t("show.collected", lang), rnd.cast))
    else:
        figures.append((t("show.cast", lang), rnd.cast))
    figures += [
        (t("show.valid", lang), rnd.valid),
        (t("show.invalid", lang), rnd.invalid),
        (t("show.seats", lang), rnd.seats),
    ]
    return tuple(figures)


def _closing(result: ContestResult, rnd: RoundResult, lang: Language) -> tuple[str, ...]:
    lines = [
        t("summary.selected", lang, names=names(result, rnd.selected))
        if rnd.selected
        else t("summary.none_selected", lang)
    ]
    if rnd.runoff is None and rnd.seats > len(rnd.selected):
        lines.append(t("summary.empty_seats", lang, count=rnd.seats - len(rnd.selected)))
    return tuple(lines)


def _final(result: ContestResult, rnd: RoundResult, lang: Language) -> str:
    """Return the contest's outcome over its rounds, for the page of its last round (when it had several)."""
    if len(result.rounds) < 2 or rnd is not result.rounds[-1]:
        return ""
    return t("summary.final", lang, names=names(result, result.selected) if result.selected else "—")


def build_slide(
    record: ElectionRecord, result: ContestResult, rnd: RoundResult, lang: Language, winners_only: bool = False
) -> Slide:
    """Build the page of one round of one contest; ``winners_only`` keeps only the units selected in it."""
    candidates = [c for c in rnd.candidates if c.status == "selected" or not winners_only]
    bars = tuple(
        Bar(
            rank=c.rank,
            name=c.name,
            votes=c.votes,
            percent=fmt_percent(c.percent, lang),
            status=c.status,
            status_text=status_text(c, lang),
            label=f"{t('show.vote' if c.votes == 1 else 'show.votes', lang, votes=c.votes)} · "
            f"{fmt_percent(c.percent, lang)}",
        )
        for c in candidates
    )
    threshold = rnd.threshold
    no_threshold = threshold.share == 0 and not threshold.strict
    needed = None if no_threshold else threshold.votes_needed
    top = max([c.votes for c in rnd.candidates] + [threshold.base_count, needed or 0, 1])
    note = ""
    if winners_only:
        note = t("show.winners_only", lang) if rnd.selected else t("show.nobody", lang)
    elif rnd.number > 1:
        note = t("show.runoff_round", lang)
    alert = ""
    if rnd.runoff is not None:
        alert = t("show.runoff_due", lang, names=names(result, rnd.runoff.candidates), seats=rnd.runoff.seats)
    return Slide(
        key=slide_key(result.contest.id, rnd.number, len(result.rounds)),
        contest_id=result.contest.id,
        round_number=rnd.number,
        heading=round_heading(result, rnd, lang),
        figures=_figures(record, rnd, lang),
        invalid_detail=t("summary.invalid", lang, reasons=invalid_text(rnd, lang)) if rnd.invalid_reasons else "",
        threshold=t("summary.threshold", lang, words=threshold_words(threshold, lang)),
        needed=needed,
        needed_label="" if needed is None else t("show.needed", lang, needed=needed),
        scale=top,
        bars=bars,
        note=note,
        alert=alert,
        closing=_closing(result, rnd, lang),
        provisional=t("partial.banner", lang) if record.partial else "",
        final=_final(result, rnd, lang),
    )


def paginate(slide: Slide, per_page: int) -> tuple[Slide, ...]:
    """Split a slide with more than ``per_page`` bars into pages of at most that many (same scale, ranks kept).

    Each page keeps the figures, the threshold and any runoff alert; the heading gains "(1/2)" and
    the key "-p1"; the closing and final lines go on the last page.
    """
    if len(slide.bars) <= per_page:
        return (slide,)
    chunks = [slide.bars[i : i + per_page] for i in range(0, len(slide.bars), per_page)]
    return tuple(
        replace(
            slide,
            key=f"{slide.key}-p{number}",
            heading=f"{slide.heading} ({number}/{len(chunks)})",
            bars=chunk,
            closing=slide.closing if number == len(chunks) else (),
            final=slide.final if number == len(chunks) else "",
        )
        for number, chunk in enumerate(chunks, 1)
    )


def build_slides(
    record: ElectionRecord, lang: Language = Language.vi, winners_only: bool = False, per_page: int | None = None
) -> tuple[Slide, ...]:
    """Return the page of every round of every contest, in the record's order.

    ``per_page`` splits a round with more units than that over several pages (for the projector).
    """
    slides = [
        build_slide(record, result, rnd, lang, winners_only) for result in record.contests for rnd in result.rounds
    ]
    if per_page is None:
        return tuple(slides)
    return tuple(page for slide in slides for page in paginate(slide, per_page))

"""The counting engine: exact tally, threshold, ranks, selection and runoff rounds.

Pure functions over frozen models; no I/O, no floating point.  Shares are
:class:`fractions.Fraction`, percents :class:`decimal.Decimal` rounded half-up to two
decimals.  The rules are those of the formats contract (docs/counting.md):

1. a ballot is invalid for the first of ``declared``, ``blank``, ``too_many``, ``too_few``;
2. a candidate's votes are the valid ballots choosing it;
3. it meets the threshold when votes / base > share (strict) or >= share;
4. rank is 1 + the number of candidates with more votes;
5. the seats go to the candidates meeting the threshold, most votes first; a tie across the
   last seat is a runoff (``tie = "runoff"``), or is broken by the priority order, or by the
   published score total (``tie = "score"``; units still equal on it go to a runoff).

Round r+1 (ballots with ``round`` = r+1) is counted among round r's runoff candidates, for
the seats left.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from emulation_vote.ballot import Ballot, BallotGroups, BallotSet, Content, MaskedContents, chosen_of, in_ballot_order
from emulation_vote.election import Contest, Election
from emulation_vote.errors import BallotFileError
from emulation_vote.record import (
    REASON_ORDER,
    BallotVerdict,
    CandidateResult,
    ContentResult,
    ContentTable,
    ContestResult,
    ElectionRecord,
    RoundResult,
    Runoff,
    ThresholdResult,
    fingerprint,
)
from emulation_vote.vocab import BlankRule, InvalidReason, Status, ThresholdBase, TieRule

_HUNDREDTH = Decimal("0.01")


def percent(votes: int, base: int) -> Decimal:
    """Return votes / base x 100 rounded half-up to two decimals (0.00 when ``base`` is 0).

    >>> percent(2, 3), percent(1, 8)
    (Decimal('66.67'), Decimal('12.50'))
    """
    if base <= 0:
        return Decimal("0.00")
    return round_half_up(Fraction(votes * 100, base), 2)


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Round ``value`` half away from zero to ``decimals`` places, exactly; return it with exactly those places.

    The one rounding of the tool: percents here, published scores (:mod:`emulation_vote.scoring.engine`).

    >>> round_half_up(Fraction(5, 8), 2), round_half_up(Fraction(-5, 8), 2), round_half_up(Fraction(7), 2)
    (Decimal('0.63'), Decimal('-0.63'), Decimal('7.00'))
    """
    scale = 10**decimals
    scaled = abs(value) * scale
    whole = int(scaled + Fraction(1, 2))  # floor for a non-negative value
    digits = -whole if value < 0 else whole
    return Decimal(digits).scaleb(-decimals).quantize(Decimal(1).scaleb(-decimals))


def votes_needed(share: Fraction, strict: bool, base: int) -> int | None:
    """Return the fewest votes that meet the threshold over ``base`` (``None`` when ``base`` is 0)."""
    if base <= 0:
        return None
    bound = share * base
    return math.floor(bound) + 1 if strict else math.ceil(bound)


def meets(votes: int, share: Fraction, strict: bool, base: int) -> bool:
    """Return whether ``votes`` of ``base`` pass (strict) or reach ``share``; never when ``base`` is 0."""
    if base <= 0:
        return False
    ratio = Fraction(votes, base)
    return ratio > share if strict else ratio >= share


def classify(
    chosen: frozenset[str], declared: str | None, contest: Contest, max_marks: int, min_marks: int
) -> InvalidReason | None:
    """Return the first invalid reason that holds for a ballot, or ``None`` when it is valid."""
    if declared:
        return InvalidReason.declared
    if not chosen and contest.blank == BlankRule.invalid:
        return InvalidReason.blank
    if len(chosen) > max_marks:
        return InvalidReason.too_many
    if len(chosen) < min_marks:
        return InvalidReason.too_few
    return None


def rank_candidates(votes: dict[str, int], order: tuple[str, ...]) -> list[tuple[str, int]]:
    """Return (id, rank) by rank, then ballot order; equal votes share a rank."""
    position = {cid: i for i, cid in enumerate(order)}
    ranked = sorted(order, key=lambda cid: (-votes[cid], position[cid]))
    result: list[tuple[str, int]] = []
    for index, cid in enumerate(ranked):
        same = index > 0 and votes[ranked[index - 1]] == votes[cid]
        result.append((cid, result[-1][1] if same else index + 1))
    return result


def select(
    eligible: list[str], votes: dict[str, int], seats: int, contest: Contest, order: tuple[str, ...]
) -> tuple[list[str], Runoff | None]:
    """Fill ``seats`` from ``eligible`` (ids meeting the threshold, by rank); return the selected and any runoff."""
    position = {cid: i for i, cid in enumerate(order)}
    ranked = sorted(eligible, key=lambda cid: (-votes[cid], position[cid]))
    if len(ranked) <= seats:
        return ranked, None
    last = votes[ranked[seats - 1]]
    if votes[ranked[seats]] != last:
        return ranked[:seats], None
    above = [cid for cid in ranked if votes[cid] > last]
    tied = [cid for cid in ranked if votes[cid] == last]
    open_seats = seats - len(above)
    if contest.tie == TieRule.priority:
        preference = list(contest.priority) + [cid for cid in order if cid not in set(contest.priority)]
        rank_of = {cid: i for i, cid in enumerate(preference)}
        return above + sorted(tied, key=rank_of.__getitem__)[:open_seats], None
    if contest.tie == TieRule.score and contest.scores:
        # The published score total breaks the tie; units still equal on it go to a runoff.
        totals = dict(contest.scores)
        tied = sorted(tied, key=lambda cid: (-totals[cid], position[cid]))
        edge = totals[tied[open_seats - 1]]
        if totals[tied[open_seats]] != edge:
            return above + tied[:open_seats], None
        better = [cid for cid in tied if totals[cid] > edge]
        level = [cid for cid in tied if totals[cid] == edge]
        return above + better, Runoff(tuple(level), open_seats - len(better))
    return above, Runoff(tuple(tied), open_seats)


def count_round(
    contest: Contest,
    election: Election,
    number: int,
    candidate_ids: tuple[str, ...],
    seats: int,
    contents: Mapping[Content, int] | MaskedContents,
    ballots: list[Ballot] | None = None,
    complete: bool = True,
) -> RoundResult:
    """Count one round of ``contest`` among ``candidate_ids`` for ``seats`` seats.

    ``contents`` maps each distinct ballot content to how many ballots say it (or holds them as
    arrays, :class:`MaskedContents`, counted as arrays to the same result).  ``ballots``, when
    they were read one by one and ``complete`` (every ballot kept), each get their verdict.  An error in
    what ballots say raises :class:`CountingError`, naming the content rather than a file and row.
    """
    max_marks, min_marks = contest.marks_allowed(number, seats)
    content_results: Sequence[ContentResult]
    if isinstance(contents, MaskedContents):
        votes, reasons, declared, content_results, cast = _count_masked(
            contest, number, candidate_ids, contents, max_marks, min_marks
        )
        verdicts: tuple[BallotVerdict, ...] = ()
    else:
        votes, reasons, declared, content_results, verdicts, cast = _count_contents(
            contest, number, candidate_ids, contents, max_marks, min_marks, ballots if complete else None
        )
    counted = _round_result(
        contest, election, number, candidate_ids, seats, (max_marks, min_marks), votes, reasons, declared, cast
    )
    return dataclasses.replace(counted, contents=content_results, verdicts=verdicts)


def _count_contents(
    contest: Contest,
    number: int,
    candidate_ids: tuple[str, ...],
    contents: Mapping[Content, int],
    max_marks: int,
    min_marks: int,
    ballots: list[Ballot] | None,
) -> tuple[
    dict[str, int], Counter[InvalidReason], Counter[str], tuple[ContentResult, ...], tuple[BallotVerdict, ...], int
]:
    """Count contents one by one: votes, invalid reasons, declared texts, the merged contents, verdicts, cast."""
    in_round = frozenset(candidate_ids)
    votes = dict.fromkeys(candidate_ids, 0)
    reasons: Counter[InvalidReason] = Counter()
    declared: Counter[str] = Counter()
    merged: Counter[tuple[tuple[str, ...], str | None]] = Counter()
    reason_of: dict[tuple[tuple[str, ...], str | None], InvalidReason | None] = {}
    verdict_of: dict[Content, tuple[tuple[str, ...], InvalidReason | None]] = {}
    in_order: dict[frozenset[str], tuple[str, ...]] = {}
    outside: dict[frozenset[str], tuple[Content, int]] = {}  # per set of units marked outside: first content, ballots
    for content, count in contents.items():
        if not content[0] <= in_round:
            key = content[0] - in_round
            first, before = outside.get(key, (content, 0))
            outside[key] = (first, before + count)
    if outside:  # each set of units not on the runoff's paper, placed at the first ballot marking it
        errors = [_not_candidate(contest, number, candidate_ids, first, count) for first, count in outside.values()]
        raise errors[0].with_also(errors[1:])
    for content, count in contents.items():
        marks, strikes, reason_text = content
        chosen = chosen_of(marks, strikes, in_round)
        ordered = in_order.get(chosen)
        if ordered is None:
            ordered = in_order[chosen] = in_ballot_order(chosen, candidate_ids)
        reason = classify(chosen, reason_text, contest, max_marks, min_marks)
        if ballots is not None:
            verdict_of[content] = (ordered, reason)
        # A ballot declared invalid counts by its reason alone: its marks cannot change a result.
        kept = () if reason == InvalidReason.declared else ordered
        merged[(kept, reason_text)] += count
        reason_of[(kept, reason_text)] = reason
        if reason is None:
            for cid in ordered:
                votes[cid] += count
        else:
            reasons[reason] += count
            if reason == InvalidReason.declared and reason_text:
                declared[reason_text] += count
    content_results = tuple(
        ContentResult(chosen, text, count, reason_of[(chosen, text)]) for (chosen, text), count in merged.items()
    )
    verdicts = tuple(BallotVerdict(b, *verdict_of[b.content]) for b in ballots) if ballots else ()
    return votes, reasons, declared, content_results, verdicts, sum(contents.values())


_POPCOUNT = bytes(bin(byte).count("1") for byte in range(256))


def reason_codes(chosen: Any, width: int, is_declared: Any, blank: BlankRule, max_marks: int, min_marks: int) -> Any:
    """Return each content's invalid reason as an index into :data:`~emulation_vote.record.REASON_ORDER` (-1: valid).

    The rules in their order, the first that holds: declared invalid by the committee
    (``is_declared``), blank when blank ballots are invalid, more choices than ``max_marks``, fewer
    than ``min_marks``.  ``chosen``: the candidates each content chooses, as bit masks of at most
    ``width`` bits (numpy int64, or Python ints beyond 62 candidates).  The engine counts distinct
    contents with it; the audit, each ballot.
    """
    import numpy as np

    table = np.frombuffer(_POPCOUNT, dtype=np.uint8)
    marked = np.zeros(len(chosen), dtype=np.int64)
    for start in range(0, max(width, 1), 8):
        marked += table[((chosen >> start) & 255).astype(np.int64)]
    return np.select(
        [is_declared, (marked == 0) & (blank == BlankRule.invalid), marked > max_marks, marked < min_marks],
        [0, 1, 2, 3],
        default=-1,
    ).astype(np.int8)


def _count_masked(
    contest: Contest,
    number: int,
    candidate_ids: tuple[str, ...],
    contents: MaskedContents,
    max_marks: int,
    min_marks: int,
) -> tuple[dict[str, int], Counter[InvalidReason], Counter[str], ContentTable, int]:
    """Count contents held as arrays, as :func:`_count_contents` counts them one by one (the same figures).

    The reasons are boolean masks over the distinct contents (the number of choices is a
    popcount), a candidate's votes the sum of the counts of the valid contents with its bit set.
    """
    import numpy as np

    position = {cid: bit for bit, cid in enumerate(contents.ids)}
    round_bits = 0
    for cid in candidate_ids:
        round_bits |= 1 << position[cid]
    masks, codes, counts = contents.masks, contents.declared, contents.counts
    outside = np.flatnonzero(masks & ~np.int64(round_bits))
    if outside.size:  # the first only: the streaming reader gives up, and the exact reader places them all
        first = int(outside[0])
        marks = frozenset(contents.ids[bit] for bit in range(len(contents.ids)) if int(masks[first]) >> bit & 1)
        content = (marks, contents.strikes, contents.texts[int(codes[first])])
        raise _not_candidate(contest, number, candidate_ids, content, int(counts[first]))
    chosen = (np.int64(round_bits) & ~masks) if contents.strikes else masks
    is_declared = np.asarray([bool(text) for text in contents.texts], dtype=bool)[codes]
    reason = reason_codes(chosen, len(contents.ids), is_declared, contest.blank, max_marks, min_marks)
    valid_counts = np.where(reason == -1, counts, 0)
    votes = {cid: int(((chosen >> position[cid]) & 1) @ valid_counts) for cid in candidate_ids}
    reasons: Counter[InvalidReason] = Counter()
    for code, name in enumerate(REASON_ORDER):
        total = int(counts[reason == code].sum())
        if total:
            reasons[name] = total
    declared: Counter[str] = Counter()
    declared_rows = reason == 0
    by_text = np.zeros(len(contents.texts), dtype=np.int64)
    np.add.at(by_text, codes[declared_rows], counts[declared_rows])
    for code in np.flatnonzero(by_text).tolist():
        text = contents.texts[code]
        if text:
            declared[text] = int(by_text[code])
    # Ballots declared invalid count by their reason alone; the others keep their content (the
    # choices follow from the marks one to one, so those rows stay distinct).
    declared_codes = np.flatnonzero(by_text)
    table_masks = np.concatenate([chosen[~declared_rows], np.zeros(declared_codes.size, dtype=np.int64)])
    table_codes = np.concatenate([codes[~declared_rows], declared_codes])
    table_counts = np.concatenate([counts[~declared_rows], by_text[declared_codes]])
    table_reasons = np.concatenate([reason[~declared_rows], np.zeros(declared_codes.size, dtype=reason.dtype)])
    bits = tuple(position[cid] for cid in candidate_ids)
    content_table = ContentTable(
        candidate_ids, bits, contents.texts, table_masks, table_codes, table_counts, table_reasons
    )
    return votes, reasons, declared, content_table, int(counts.sum())


def declared_reasons(declared: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Return the declared reasons with their counts, the most frequent first; case variants are one reason.

    Spellings that differ only in letter case count as one reason, under the most frequent one:
    clerks type "rách" and "Rách" for the same torn paper; the minutes name it once.  The ballots
    keep what was typed (the audit lists it, the fingerprint covers it).

    >>> declared_reasons(Counter({"rách": 2, "Rách": 1, "không có dấu": 1}))
    (('rách', 3), ('không có dấu', 1))
    """
    spellings: dict[str, Counter[str]] = {}
    for text, count in declared.items():
        spellings.setdefault(text.casefold(), Counter())[text] += count
    merged = [  # equally frequent spellings: the one with fewer capitals (the plain word)
        (min(found, key=lambda text: (-found[text], sum(c.isupper() for c in text), text)), found.total())
        for found in spellings.values()
    ]
    return tuple(sorted(merged, key=lambda item: (-item[1], item[0])))


def _round_result(
    contest: Contest,
    election: Election,
    number: int,
    candidate_ids: tuple[str, ...],
    seats: int,
    allowed: tuple[int, int],
    votes: dict[str, int],
    reasons: Counter[InvalidReason],
    declared: Counter[str],
    cast: int,
) -> RoundResult:
    """Return the round's result from its counted figures (its contents and verdicts still empty)."""
    max_marks, min_marks = allowed
    valid = cast - sum(reasons.values())
    rule = contest.threshold
    base = _base_count(election, contest, rule.of, cast, valid)
    threshold = ThresholdResult(
        rule.share_text, rule.share, rule.strict, rule.of, base, votes_needed(rule.share, rule.strict, base)
    )
    eligible = [cid for cid in candidate_ids if meets(votes[cid], rule.share, rule.strict, base)]
    selected, runoff = select(eligible, votes, seats, contest, candidate_ids)
    tied = set(runoff.candidates) if runoff else set()
    results = []
    by_id = {c.id: c for c in contest.candidates}
    for cid, rank in rank_candidates(votes, candidate_ids):
        candidate = by_id[cid]
        status = Status.selected if cid in selected else Status.tied if cid in tied else Status.not_selected
        results.append(
            CandidateResult(
                cid,
                candidate.name,
                candidate.number,
                votes[cid],
                percent(votes[cid], base),
                rank,
                cid in eligible,
                status,
            )
        )
    return RoundResult(
        number=number,
        seats=seats,
        max_marks=max_marks,
        min_marks=min_marks,
        candidate_ids=candidate_ids,
        cast=cast,
        valid=valid,
        invalid_reasons=tuple((r, reasons[r]) for r in InvalidReason if reasons[r]),
        declared_texts=declared_reasons(declared),
        threshold=threshold,
        candidates=tuple(results),
        selected=tuple(selected),
        runoff=runoff,
        contents=(),
    )


class CountingError(BallotFileError):
    """An error in what some ballots say, found while counting them: it names the content, not the place.

    The engine counts contents, not rows; whoever read the ballots places the error at the first
    ballot saying ``content`` (any ballot of the round when ``content`` is None) with :meth:`at`
    (:func:`emulation_vote.pipeline.count_ballots` does).
    """

    def __init__(
        self, key: str, /, *, contest_id: str, round_number: int, content: Content | None, **params: Any
    ) -> None:
        """Record the message and which ballots it is about: the contest, the round and the content."""
        super().__init__(key, **params)
        self.contest_id = contest_id
        self.round_number = round_number
        self.content = content

        self.also: tuple[CountingError, ...] = ()
        """Errors of the same kind found with it, about other contents (placed, each, at its first ballot)."""

    def at(self, file: str, row: int) -> BallotFileError:
        """Return the same message placed at ``file`` and ``row``."""
        return BallotFileError(self.key, file=file, row=row, **self.params)

    def with_also(self, others: Sequence[CountingError]) -> CountingError:
        """Return this error holding ``others`` (:attr:`also`)."""
        self.also = tuple(others)
        return self


def _not_candidate(
    contest: Contest, number: int, candidate_ids: tuple[str, ...], content: Content, count: int
) -> CountingError:
    """Return the error of a round's ``count`` ballots saying ``content``, which marks units not on its paper."""
    outside = [c for c in contest.candidates if c.id in content[0] and c.id not in candidate_ids]
    return CountingError(
        "round.not_candidate",
        contest_id=contest.id,
        round_number=number,
        content=content,
        round=number,
        ids=", ".join(sorted(c.id for c in outside)),
        names="; ".join(f"{c.name} ({c.id})" for c in outside),
        candidates=", ".join(candidate_ids),
        papers=count,
    )


def _base_count(election: Election, contest: Contest, of: ThresholdBase, cast: int, valid: int) -> int:
    if of == ThresholdBase.valid:
        return valid
    if of == ThresholdBase.collected:
        return cast
    figure = election.figures(contest).figure(of)
    return figure if figure is not None else 0


def _check_paper_figures(contest: Contest, election: Election, groups: BallotGroups, rounds: list[int]) -> None:
    """Refuse more ballots than papers: round 1 within the issued papers (else present, else convened).

    A runoff's papers are issued again to those present, so a later round stays within present
    (else convened).
    """
    figures = election.figures(contest)
    for number in rounds:
        names = ("issued", "present", "convened") if number == 1 else ("present", "convened")
        given = [(name, figures.figure(name)) for name in names if figures.figure(name) is not None]
        if not given:
            continue
        name, bound = given[0]
        loaded = groups.count(contest.id, number)
        if bound is not None and loaded > bound:
            raise BallotFileError(
                "contest.more_than_papers",
                file=election.source,
                contest=contest.id,
                round=number,
                loaded=loaded,
                larger=name,
                bound=bound,
            )


def count_contest(contest: Contest, election: Election, groups: BallotGroups, partial: bool = False) -> ContestResult:
    """Count every round of ``contest`` from the aggregated ballots (``partial``: no ``collected`` check)."""
    rounds_present = groups.rounds(contest.id)
    if 1 not in rounds_present and rounds_present:  # a runoff's ballots alone: its first vote's files left out
        votes = ", ".join(str(number) for number in sorted(rounds_present))
        raise BallotFileError("contest.runoff_only", contest=contest.id, rounds=votes)
    if 1 not in rounds_present:
        raise BallotFileError("contest.no_ballots", contest=contest.id)
    collected = election.figures(contest).collected
    loaded = groups.count(contest.id, 1)
    if collected is not None and collected != loaded and not partial:
        raise BallotFileError(
            "contest.collected", file=election.source, contest=contest.id, collected=collected, loaded=loaded
        )
    _check_paper_figures(contest, election, groups, rounds_present)

    def round_input(number: int) -> tuple[Mapping[Content, int] | MaskedContents, list[Ballot] | None, bool]:
        kept = groups.ballots.get((contest.id, number))
        return groups.contents(contest.id, number), kept, groups.complete

    rounds = [count_round(contest, election, 1, contest.ids, contest.seats, *round_input(1))]
    selected = list(rounds[0].selected)
    number = 1
    while rounds[-1].runoff is not None and number + 1 in rounds_present:
        runoff = rounds[-1].runoff
        number += 1
        rounds.append(count_round(contest, election, number, runoff.candidates, runoff.seats, *round_input(number)))
        selected.extend(rounds[-1].selected)
    for later in (r for r in rounds_present if r > number):
        raise CountingError(
            "round.unexpected", contest_id=contest.id, round_number=later, content=None, round=later, contest=contest.id
        )
    return ContestResult(contest, tuple(rounds), tuple(selected), rounds[-1].runoff)


def count_election(
    election: Election,
    ballots: BallotSet | BallotGroups,
    only: frozenset[str] | None = None,
    partial: bool = False,
    release: bool = False,
) -> ElectionRecord:
    """Count every contest of ``election`` (those of ``only`` when given); return the one result record.

    ``ballots`` is a :class:`BallotSet` read one ballot at a time (every ballot gets its
    verdict) or :class:`BallotGroups` aggregated by a streaming reader: the same engine counts both.
    ``partial`` counts what is there: no ``collected`` check, and a contest without ballots yet is
    left out (at least one must have some).  ``release`` lets go of the groups' arrays
    (:attr:`BallotGroups.masked`, emptied) once every contest is counted, before the fingerprint
    is made: for groups read for this count alone, whose arrays would otherwise stay beside the
    record's own until it is done (18 MB at ten million ballots of 750,000 distinct contents).
    """
    groups = ballots.grouped() if isinstance(ballots, BallotSet) else ballots
    wanted = [c for c in election.contests if only is None or c.id in only]
    asked = wanted
    if partial:  # a contest with a runoff's ballots alone is kept: its count says what is missing
        present = [c for c in wanted if groups.rounds(c.id)]
        wanted = present or wanted[:1]
    left_out = tuple(c.id for c in asked if c not in wanted)  # not those --contest excluded
    contests = _count_contests(wanted, election, groups, partial)
    notices = tuple(dict.fromkeys(groups.notices))  # in file and row order, each once
    skipped = tuple(sorted(groups.skipped.items()))
    if release:
        groups.masked.clear()
    return ElectionRecord(
        election, contests, fingerprint(election, contests), groups.sources, notices, partial, skipped, left_out
    )


def _count_contests(
    contests: list[Contest], election: Election, groups: BallotGroups, partial: bool
) -> tuple[ContestResult, ...]:
    """Count each contest; the ballot errors found while counting are raised together, every contest's."""
    counted = []
    found: list[CountingError] = []
    for contest in contests:
        try:
            counted.append(count_contest(contest, election, groups, partial))
        except CountingError as error:
            found += [error, *error.also]
    if found:
        raise found[0].with_also(found[1:])
    return tuple(counted)


def shares(counts: tuple[int, ...]) -> tuple[Decimal, ...]:
    """Return each count's share of their sum as a percent with two decimals, adding up to exactly 100.

    Each share is first rounded half-up (as :func:`percent`); when the rounded shares do not add
    up to 100.00 (two halves both rounded up, say), the difference is settled one hundredth at a
    time: taken from the shares whose rounding gained most, or given to those whose rounding lost
    most (the largest remainder), the earlier share first on equal remainders.  All zeros when the
    sum is 0.

    >>> shares((1, 2))
    (Decimal('33.33'), Decimal('66.67'))
    >>> shares((1, 31))
    (Decimal('3.12'), Decimal('96.88'))
    """
    total = sum(counts)
    if total == 0:
        return tuple(Decimal("0.00") for _ in counts)
    exact = [Fraction(count * 10000, total) for count in counts]
    rounded = [math.floor(value + Fraction(1, 2)) for value in exact]
    gap = 10000 - sum(rounded)
    if gap > 0:  # rounding lost hundredths: give them to the largest remainders
        order = sorted(range(len(counts)), key=lambda i: (rounded[i] - exact[i], i))
    else:  # rounding gained hundredths: take them from the shares that gained most
        order = sorted(range(len(counts)), key=lambda i: (exact[i] - rounded[i], i))
    for index in order[: abs(gap)]:
        rounded[index] += 1 if gap > 0 else -1
    return tuple(Decimal(value).scaleb(-2) for value in rounded)

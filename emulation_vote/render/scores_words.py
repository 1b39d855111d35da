"""The ranking by scores in words, for every report that states it: the score table's rule, and the vote after it.

Kept apart from the renderers of the ranking itself so that the tally's report and the minutes can
say how a contest followed the ranking without importing those renderers.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from emulation_vote.election import Contest
from emulation_vote.i18n import decimal_text, t
from emulation_vote.record import RoundResult
from emulation_vote.scoring.model import ScoringRule, points_text
from emulation_vote.vocab import Language, Status, TieRule


def rule_lines(rule: ScoringRule, lang: Language) -> tuple[str, ...]:
    """Return the ranking rule in words: the table, the weights, the cross mean, rounding, ties."""

    def points(value: object) -> str:
        return decimal_text(Decimal(str(value)), lang)

    from emulation_vote.scoring.model import points_text

    no_cap = t("sc.rule.nocap", lang)
    lines = [
        t(
            "sc.rule.table",
            lang,
            full=points(points_text(rule.full_marks)),
            count=len(rule.criteria),
            bonus=no_cap if rule.bonus_max is None else points(points_text(rule.bonus_max)),
            penalty=no_cap if rule.penalty_max is None else points(points_text(rule.penalty_max)),
        )
    ]
    parts = " + ".join(
        t("sc.rule.part", lang, weight=_weight_text(weight, lang), kind=t(f"sc.kind.{kind}", lang))
        for kind, weight in rule.weights
    )
    lines.append(t("sc.rule", lang, parts=parts, decimals=rule.decimals))
    if "cross" in rule.scorers:
        own = "" if rule.exclude_self else t("sc.rule.own", lang)
        trim = t("sc.rule.trim", lang, trim=rule.trim) if rule.trim else ""
        lines.append(t("sc.rule.cross", lang, own=own, trim=trim))
    if rule.tie == "shared":
        lines.append(t("sc.rule.tie_shared", lang))
    else:
        lines.append(t("sc.rule.tie_criterion", lang, criterion=f"{rule.tie} ({rule.criterion(rule.tie).title})"))
    return tuple(lines)


def _weight_text(weight: Fraction, lang: Language) -> str:
    percent = weight * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    return f"{weight.numerator}/{weight.denominator}"


def vote_rule_lines(contest: Contest, rule: ScoringRule | None, lang: Language) -> tuple[str, ...]:
    """Return what the minutes say of a contest that follows the ranking: its candidates, its tie rule, the scores."""
    if contest.scores_fingerprint is None or rule is None:
        return ()
    lines = []
    names = ", ".join(c.name for c in contest.candidates)
    if contest.from_scores is not None and contest.from_scores.top is not None:
        lines.append(t("sc.vote.top", lang, top=contest.from_scores.top, names=names))
    elif contest.from_scores is not None and contest.from_scores.min_total is not None:
        minimum = decimal_text(Decimal(points_text(contest.from_scores.min_total)), lang)
        lines.append(t("sc.vote.min", lang, minimum=minimum, names=names))
    lines.extend(rule_lines(rule, lang)[1:])
    if contest.tie == "score":
        lines.append(t("sc.vote.tie", lang))
    lines.append(t("sc.fingerprint", lang, fingerprint=contest.scores_fingerprint))
    return tuple(lines)


def score_tie_line(contest: Contest, round_result: RoundResult, lang: Language) -> str | None:
    """Return the sentence saying a tie at the last seat went by the score totals, or None if none did."""
    if contest.tie != TieRule.score or not contest.scores or not round_result.selected:
        return None
    by_id = {c.id: c for c in round_result.candidates}
    last = min(by_id[cid].votes for cid in round_result.selected)
    beaten = [c for c in round_result.candidates if c.status == Status.not_selected and c.meets_threshold]
    beaten = [c for c in beaten if c.votes == last]
    if not beaten:
        return None
    totals = dict(contest.scores)
    winners = [by_id[cid] for cid in round_result.selected if by_id[cid].votes == last]
    parts = ", ".join(f"{c.name} {decimal_text(totals[c.id], lang)}" for c in (*winners, *beaten))
    return t("sc.report.tie", lang, votes=last, totals=parts, names=", ".join(c.name for c in winners))

"""The minutes as Markdown (to stdout or a ``.md`` file)."""

from __future__ import annotations

from tabulate import tabulate

from emulation_vote.render.minutes import Minutes, RoundMinutes


def _round(rnd: RoundMinutes) -> list[str]:
    blocks = [f"### {rnd.heading}"] if rnd.heading else []
    blocks.append("\n".join(f"- {label}: {value}" for label, value in rnd.figures))
    blocks.extend(rnd.lines)
    blocks.append(
        tabulate(
            rnd.rows,
            headers=rnd.columns,
            tablefmt="github",
            colalign=("right", "left", "right", "right", "right"),
            disable_numparse=True,
        )
    )
    blocks.append(rnd.outcome_intro)
    if rnd.outcome:
        blocks.append("\n".join(rnd.outcome))
    blocks.extend(f"**{note}**" for note in rnd.notes)
    return blocks


def render_minutes_md(minutes: Minutes) -> str:
    """Render ``minutes`` as Markdown, in the order of the paper minutes: one paragraph a block."""
    header = "\n".join(
        [
            f"**{minutes.organization}** | **{'<br>'.join(minutes.national)}**",
            "--- | ---",
            f" | *{minutes.place_date}*",
        ]
    )
    blocks = [header, f"# {minutes.title}" + (f"\n**{minutes.subtitle}**" if minutes.subtitle else "")]
    blocks += [minutes.opening, minutes.committee_intro, "\n".join(minutes.committee), minutes.figures_intro]
    blocks.append("\n".join(f"- {label}: {value}" for label, value in minutes.figures))
    for contest in minutes.contests:
        if contest.heading:
            blocks.append(f"## {contest.heading}")
        for rnd in contest.rounds:
            blocks += _round(rnd)
        if contest.final:
            blocks.append(f"**{contest.final}**")
    blocks += [minutes.fingerprint, minutes.closing]
    for signature in (minutes.head, *minutes.members):
        lines = [f"**{line}**\\" for line in signature.title] + [f"*{minutes.sign_hint}*"]
        blocks += ["\n".join(lines), "&nbsp;", signature.name or "&nbsp;"]
    return "\n\n".join(blocks) + "\n"

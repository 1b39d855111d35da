"""The minutes as Markdown (to stdout or a ``.md`` file)."""

from __future__ import annotations

from tabulate import tabulate

from emulation_vote.render.minutes import Minutes


def render_minutes_md(minutes: Minutes) -> str:
    """Render ``minutes`` as Markdown, in the order of the paper minutes."""
    out: list[str] = []
    out.append(f"**{minutes.organization}** | **{'<br>'.join(minutes.national)}**")
    out.append("--- | ---")
    out.append(f" | *{minutes.place_date}*")
    out.append("")
    out.append(f"# {minutes.title}")
    if minutes.subtitle:
        out.append(f"**{minutes.subtitle}**")
    out.append("")
    out.append(minutes.opening)
    out.append("")
    out.append(minutes.committee_intro)
    out.append("")
    out.extend(minutes.committee)
    out.append("")
    out.append(minutes.figures_intro)
    out.append("")
    out.extend(f"- {label}: {value}" for label, value in minutes.figures)
    for contest in minutes.contests:
        if contest.heading:
            out.append("")
            out.append(f"## {contest.heading}")
        for rnd in contest.rounds:
            out.append("")
            if rnd.heading:
                out.append(f"### {rnd.heading}")
                out.append("")
            out.extend(f"- {label}: {value}" for label, value in rnd.figures)
            out.append("")
            out.extend(line + "\n" for line in rnd.lines)
            table = tabulate(
                rnd.rows,
                headers=rnd.columns,
                tablefmt="github",
                colalign=("right", "left", "right", "right", "right"),
                disable_numparse=True,
            )
            out.append(table)
            out.append("")
            out.append(rnd.outcome_intro)
            if rnd.outcome:
                out.append("")
                out.extend(rnd.outcome)
            for note in rnd.notes:
                out.append("")
                out.append(f"**{note}**")
        if contest.final:
            out.append("")
            out.append(f"**{contest.final}**")
    out.append("")
    out.append(minutes.fingerprint)
    out.append("")
    out.append(minutes.closing)
    out.append("")
    signatures = [minutes.head, *minutes.members]
    for signature in signatures:
        out.append("")
        out.extend(f"**{line}**\\" for line in signature.title)
        out.append(f"*{minutes.sign_hint}*")
        out.append("")
        out.append("")
        out.append(signature.name or "")
    return "\n".join(out).rstrip() + "\n"

"""The minutes as Markdown (to stdout or a ``.md`` file), in the order and structure of the paper minutes."""

from __future__ import annotations

from tabulate import tabulate

from emulation_vote.render.document import DocumentHeader, SignatureBlock
from emulation_vote.render.minutes import Annex, Minutes, RoundMinutes

_RULE = "———"


def _cell(value: object) -> str:
    r"""Return a table cell's text with ``|`` escaped, so that a unit named "A | B" stays in its column.

    >>> _cell("Ban A | B")
    'Ban A \\| B'
    """
    return str(value).replace("|", "\\|")


def header_md(header: DocumentHeader) -> str:
    """Return the document header as a two-column Markdown table: the body left, the national heading right."""
    left = [*header.superior, *(f"**{line}**" for line in header.organization)]
    left.append("\\*" if header.form == "party" else _RULE)
    right = [f"**{header.national}**"] + ([f"**{header.motto}**", _RULE] if header.motto else [])
    return "\n".join(
        [f"{'<br>'.join(left)} | {'<br>'.join(right)}", "--- | ---", f"{header.number} | *{header.place_date}*"]
    )


def signatures_md(block: SignatureBlock) -> str:
    """Return the signature block: one Markdown table a band, titles above, room to sign, the names below."""
    parts = []
    for band in block.bands:
        titles = ["<br>".join(f"**{line}**" for line in signer.title) or "&nbsp;" for signer in band]
        names = [" &nbsp; &nbsp; ".join(name for name in signer.names if name) or f"*{block.hint}*" for signer in band]
        parts.append(
            "\n".join(
                [
                    f"| {' | '.join(titles)} |",
                    f"|{'|'.join([':-:'] * len(band))}|",
                    f"| {' | '.join(f'<br><br><br>{name}' for name in names)} |",
                ]
            )
        )
    if block.recipients:
        parts.append("\n".join([f"***{block.recipients_title}***\\", *(f"{line}\\" for line in block.recipients)]))
        parts[-1] = parts[-1].removesuffix("\\")
    return "\n\n".join(parts)


def _round(rnd: RoundMinutes) -> list[str]:
    blocks = [f"### {rnd.heading}"] if rnd.heading else []
    if rnd.reason:
        blocks.append(f"*{rnd.reason}*")
    blocks.append(rnd.rule)
    blocks.append("\n".join(f"- {label}: {value}" for label, value in rnd.figures))
    blocks.extend(rnd.lines)
    blocks.append(
        tabulate(
            [[_cell(value) for value in row] for row in rnd.rows],
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


def _annex(annex: Annex) -> list[str]:
    return [
        "---",
        f"## {annex.title}\n*{annex.subtitle}*",
        f"**{annex.code_label}** `{annex.code}`",
        *annex.other_codes,
        annex.covers,
        f"**{annex.files_label}**",
        "\n".join(f"- {line}" for line in annex.files),
        f"**{annex.how_label}**",
        "\n".join(f"{n}. {step}" for n, step in enumerate(annex.steps, 1)),
    ]


def render_minutes_md(minutes: Minutes) -> str:
    """Render ``minutes`` as Markdown, in the order of the paper minutes: one paragraph a block."""
    blocks = [
        header_md(minutes.header),
        f"# {minutes.title}" + (f"\n**{minutes.subtitle}**" if minutes.subtitle else ""),
    ]
    blocks += [minutes.opening, minutes.committee_intro, "\n".join(minutes.committee), minutes.figures_intro]
    blocks.append("\n".join(f"- {label}: {value}" for label, value in minutes.figures))
    for contest in minutes.contests:
        if contest.heading:
            blocks.append(f"## {contest.heading}")
        for rnd in contest.rounds:
            blocks += _round(rnd)
        if contest.final_heading:
            blocks.append(f"### {contest.final_heading}")
        blocks.extend(f"**{line}**" for line in contest.final)
    blocks.extend(f"*{note}*" for note in minutes.notes)
    blocks += [minutes.closing, signatures_md(minutes.signatures), f"<sub>{minutes.footer}</sub>"]
    if minutes.annex is not None:
        blocks += _annex(minutes.annex)
    return "\n\n".join(blocks) + "\n"

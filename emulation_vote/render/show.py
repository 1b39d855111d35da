"""The result for the room: one self-contained HTML page per contest round, made for a projector.

:func:`render_show_html` returns a single HTML document with everything inline (CSS, the SVG
chart of each contest round, a few lines of script): it loads nothing from the network, so it
works on a conference-room laptop without internet.  Type is sized from the window (16:9,
legible at 1280x720); the font is embedded when given (the DejaVu Sans subset the package ships,
which has every Vietnamese letter), else the system's own (Segoe UI, Noto Sans, Arial...).
Each contest round is a full-window page; the arrow keys, Page Up/Down and Home/End move between
pages, and without the script the pages simply scroll (and snap) one after another, with links to
the previous and next page.
:func:`chart_svg` draws one round's horizontal bar chart: the units by rank, the selected ones
highlighted, the threshold as a dashed line.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from html import escape

from emulation_vote._version import __version__
from emulation_vote.i18n import fmt_date, t
from emulation_vote.record import ElectionRecord
from emulation_vote.render.slides import Slide, build_slides
from emulation_vote.vocab import Language

#: Bar colours by status (selected, tied for the last seat, not selected); the same in the PNG/SVG charts.
COLOURS = {"selected": "#b3261e", "tied": "#d98e04", "not_selected": "#8a9bad"}
#: Row background of the selected and tied units.
BANDS = {"selected": "#fbe4e2", "tied": "#fdf0d2"}
INK = "#17202c"
PAPER = "#fffdf8"
ACCENT = "#8f1d17"
PROVISIONAL_INK = "#9c0006"  # a provisional count's banner: dark red on pale yellow
PROVISIONAL_BAND = "#fff2cc"

#: The most units on one projector page; a longer list continues on the next page (same scale).
PER_PAGE = 12
#: The family name of the embedded font, first in every font list.
FONT_FAMILY = "EV Sans"
_FONTS = f'"{FONT_FAMILY}","Segoe UI","Noto Sans","DejaVu Sans",Arial,"Helvetica Neue",sans-serif'
_WIDTH = 1600
_CHAR = 0.58  # average advance of a character, in ems, of the sans-serif fonts named in the CSS


def chart_svg(slide: Slide, title: str = "") -> str:
    """Return the SVG (one ``<svg>`` element, for inline use in HTML) of one round: bars by rank, the threshold line.

    The drawing's units are abstract (viewBox) and its proportions follow the number of units, so
    that the page can scale it into the space it has; the type stays about half a row high.  Bars
    are proportional to ``votes / slide.scale``.
    """
    rows = max(len(slide.bars), 1)
    row, font = 60, 35
    top = int(font * 1.9) if slide.needed is not None else 8
    height = top + rows * row + 8
    rank_w = font * 2.0
    name_w = max([len(b.name) for b in slide.bars] + [6]) * font * _CHAR + font * 0.8
    value_w = (max([len(b.label) for b in slide.bars] + [6]) + 1) * font * _CHAR
    # At least 45% of the width for the bars; otherwise as wide as the page's plot area (about 3.2:1).
    width = int(max(1300, height * 3.2, (rank_w + name_w + value_w) / 0.55))
    bar_x = rank_w + name_w
    bar_w = width - bar_x - value_w
    label = escape(title or slide.heading)
    bands, bars, texts = [], [], []
    for index, bar in enumerate(slide.bars):
        y = top + index * row
        middle = y + row / 2
        band = BANDS.get(bar.status)
        weight = "700" if band else "400"
        halo = f'stroke="{band or PAPER}" stroke-width="7" stroke-linejoin="round" paint-order="stroke"'
        if band:
            bands.append(f'<rect x="0" y="{y + 2}" width="{width}" height="{row - 4}" rx="8" fill="{band}"/>')
        length = bar_w * bar.votes / slide.scale
        colour = COLOURS.get(bar.status, COLOURS["not_selected"])
        bars.append(
            f'<rect class="bar {bar.status}" x="{bar_x:.1f}" y="{y + row * 0.16:.1f}" width="{length:.1f}" '
            f'height="{row * 0.68:.1f}" rx="4" fill="{colour}"/>'
        )
        common = f'y="{middle:.1f}" dy="0.35em" font-size="{font}" fill="{INK}"'
        value_x = bar_x + length + font * 0.35
        # The value's own background, a little wider than its text: the threshold line, drawn
        # before it, must not show between its words, where the halo has no glyph to follow.
        back_w = len(bar.label) * font * (_CHAR + 0.06) + font * 0.3
        texts.append(
            f'<g class="row {bar.status}">'
            f'<text class="rank" x="{rank_w - font * 0.5:.0f}" {common} text-anchor="end" font-weight="700">'
            f"{bar.rank}</text>"
            f'<text class="name" x="{rank_w:.0f}" {common} font-weight="{weight}">{escape(bar.name)}</text>'
            f'<rect class="value-back" x="{value_x - font * 0.15:.1f}" y="{middle - font * 0.6:.1f}" '
            f'width="{back_w:.1f}" height="{font * 1.2:.1f}" rx="6" fill="{band or PAPER}"/>'
            f'<text class="value" x="{value_x:.1f}" {common} font-weight="{weight}" {halo}>'
            f"{escape(bar.label)}</text></g>"
        )
    line = []
    if slide.needed is not None:
        x = bar_x + bar_w * slide.needed / slide.scale
        anchor = "middle" if bar_x + 250 < x < width - 250 else ("start" if x <= bar_x + 250 else "end")
        line = [
            f'<line class="threshold" x1="{x:.1f}" y1="{top - font * 0.4:.1f}" x2="{x:.1f}" y2="{height - 4}" '
            f'stroke="{ACCENT}" stroke-width="4" stroke-dasharray="14 8"/>',
            f'<text class="threshold-label" x="{x:.1f}" y="{top - font * 0.7:.1f}" font-size="{font * 0.85:.0f}" '
            f'text-anchor="{anchor}" font-weight="700" fill="{ACCENT}">{escape(slide.needed_label)}</text>',
        ]
    return "".join(
        [
            f'<svg class="chart" viewBox="0 0 {width} {height}" '
            f'preserveAspectRatio="xMinYMin meet" role="img" aria-label="{label}" '
            f"font-family='{escape(_FONTS)}'>",
            f"<title>{label}</title>",
            *bands,
            *bars,
            *line,
            *texts,
            "</svg>",
        ]
    )


_CSS = """
:root{--u:min(1vh,0.5625vw);color-scheme:light}
*{box-sizing:border-box}
html{scroll-snap-type:y mandatory;background:#fffdf8}
body{margin:0;color:#17202c;font-family:FONTS;line-height:1.2}
.slide{height:100vh;width:100%;scroll-snap-align:start;display:flex;flex-direction:column;
padding:calc(var(--u)*3) calc(var(--u)*5);overflow:hidden;border-bottom:1px solid #e4ddd0}
.kicker{font-size:calc(var(--u)*2.4);color:#5a6472;margin:0;
white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
h1{font-size:calc(var(--u)*5.2);color:#8f1d17;margin:calc(var(--u)*0.6) 0 calc(var(--u)*1.6)}
.figures{display:flex;flex-wrap:wrap;gap:calc(var(--u)*1.4);margin:0 0 calc(var(--u)*1.4);padding:0;list-style:none}
.figures li{background:#f3efe6;border-radius:calc(var(--u)*1);padding:calc(var(--u)*0.8) calc(var(--u)*1.8);
font-size:calc(var(--u)*2.6)}
.figures b{font-size:calc(var(--u)*4);margin-left:calc(var(--u)*0.8)}
.rule{font-size:calc(var(--u)*3);margin:0 0 calc(var(--u)*0.6)}
.detail,.note{font-size:calc(var(--u)*2.4);color:#5a6472;margin:0 0 calc(var(--u)*0.6)}
.alert{font-size:calc(var(--u)*3.4);font-weight:700;background:#fdf0d2;border-left:calc(var(--u)*1.2) solid #d98e04;
padding:calc(var(--u)*1) calc(var(--u)*2);margin:calc(var(--u)*0.6) 0}
.provisional{font-size:calc(var(--u)*3);font-weight:700;color:#9c0006;background:#fff2cc;
border:calc(var(--u)*0.4) solid #9c0006;padding:calc(var(--u)*0.6) calc(var(--u)*2);margin:0 0 calc(var(--u)*0.6) 0}
.plot{flex:1 1 auto;min-height:0;margin:calc(var(--u)*1) 0}
.plot svg{display:block;width:100%;height:100%}
.closing{margin:0;padding:0;list-style:none}
.closing li{font-size:calc(var(--u)*3.6);font-weight:700;color:#8f1d17}
.closing li+li{font-size:calc(var(--u)*2.8);color:#17202c}
.final{font-size:calc(var(--u)*4);font-weight:700;color:#fffdf8;background:#8f1d17;margin:calc(var(--u)*0.8) 0 0;
padding:calc(var(--u)*0.6) calc(var(--u)*2);border-radius:calc(var(--u)*1)}
footer{display:flex;justify-content:space-between;align-items:baseline;gap:calc(var(--u)*2);
font-size:calc(var(--u)*1.8);color:#6b7380;margin-top:calc(var(--u)*1)}
footer a{color:#6b7380}
.fingerprint{font-family:Consolas,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
@media print{html{scroll-snap-type:none}.slide{height:auto;min-height:100vh;break-after:page}footer nav{display:none}}
"""

_SCRIPT = """
(function(){var s=[].slice.call(document.querySelectorAll('section.slide'));
function cur(){var b=0,d=1/0;s.forEach(function(e,i){var y=Math.abs(e.getBoundingClientRect().top);
if(y<d){d=y;b=i}});return b}
function go(i){i=Math.max(0,Math.min(s.length-1,i));s[i].scrollIntoView();history.replaceState(null,'','#'+s[i].id)}
document.addEventListener('keydown',function(e){if(e.altKey||e.ctrlKey||e.metaKey)return;var k=e.key;
if(k==='ArrowRight'||k==='ArrowDown'||k==='PageDown'||k===' '){e.preventDefault();go(cur()+1)}
else if(k==='ArrowLeft'||k==='ArrowUp'||k==='PageUp'){e.preventDefault();go(cur()-1)}
else if(k==='Home'){e.preventDefault();go(0)}else if(k==='End'){e.preventDefault();go(s.length-1)}});
document.documentElement.setAttribute('data-keys','on');})();
"""


def font_faces(fonts: Mapping[bool, bytes]) -> str:
    """Return CSS ``@font-face`` rules embedding ``fonts`` (bold or not -> TrueType bytes) as data URLs."""
    rules = []
    for bold, data in sorted(fonts.items()):
        source = base64.b64encode(data).decode("ascii")
        rules.append(
            f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{700 if bold else 400};font-style:normal;'
            f'src:url(data:font/ttf;base64,{source}) format("truetype")}}'
        )
    return "\n".join(rules)


def _kicker(record: ElectionRecord, lang: Language) -> str:
    meeting = record.election.meeting
    parts = [meeting.organization, meeting.title]
    if meeting.date is not None:
        parts.append(fmt_date(meeting.date, lang))
    return " · ".join(part for part in parts if part)


def _section(record: ElectionRecord, slides: tuple[Slide, ...], index: int, lang: Language) -> str:
    slide = slides[index]
    out = [f'<section class="slide" id="{escape(slide.key)}">']
    if slide.provisional:
        out.append(f'<p class="provisional" role="status">{escape(slide.provisional)}</p>')
    kicker = _kicker(record, lang)
    if kicker:
        out.append(f'<p class="kicker">{escape(kicker)}</p>')
    out.append(f"<h1>{escape(slide.heading)}</h1>")
    out.append('<ul class="figures">')
    out += [f"<li>{escape(label)}<b>{value}</b></li>" for label, value in slide.figures]
    out.append("</ul>")
    out.append(f'<p class="rule">{escape(slide.threshold)}</p>')
    if slide.invalid_detail:
        out.append(f'<p class="detail">{escape(slide.invalid_detail)}</p>')
    if slide.note:
        out.append(f'<p class="note">{escape(slide.note)}</p>')
    if slide.alert:
        out.append(f'<p class="alert" role="alert">{escape(slide.alert)}</p>')
    if slide.bars:
        out.append(f'<div class="plot">{chart_svg(slide, t("show.chart_label", lang, name=slide.heading))}</div>')
    out.append('<ul class="closing">' + "".join(f"<li>{escape(line)}</li>" for line in slide.closing) + "</ul>")
    if slide.final:  # the contest's outcome over its rounds: what the room waits for, the largest line
        out.append(f'<p class="final">{escape(slide.final)}</p>')
    links = []
    if index > 0:
        links.append(f'<a href="#{escape(slides[index - 1].key)}">←</a>')
    links.append(escape(t("show.page", lang, number=index + 1, total=len(slides))))
    if index + 1 < len(slides):
        links.append(f'<a href="#{escape(slides[index + 1].key)}">→</a>')
    out.append(
        f'<footer><span class="fingerprint">{escape(t("summary.fingerprint", lang, fingerprint=record.fingerprint))}'
        f"</span><nav>{' '.join(links)}</nav></footer>"
    )
    out.append("</section>")
    return "\n".join(out)


def render_show_html(
    record: ElectionRecord,
    lang: Language = Language.vi,
    winners_only: bool = False,
    fonts: Mapping[bool, bytes] | None = None,
) -> str:
    """Return the projector page: a self-contained HTML document, one full-window page per contest round.

    ``winners_only`` shows only the units selected in each round (their real ranks kept); a round with
    more than :data:`PER_PAGE` units continues on the next page.  ``fonts``
    (regular and bold TrueType bytes, keyed by "is bold") are embedded, so the page looks the same on
    every computer; without them the system's fonts are used.
    """
    slides = build_slides(record, lang, winners_only, PER_PAGE)
    title = record.election.meeting.title or t("show.page_title", lang)
    sections = "\n".join(_section(record, slides, index, lang) for index in range(len(slides)))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "vi"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="emulation-vote {escape(__version__)}">\n'
        f"<title>{escape(t('show.page_title', lang))} — {escape(title)}</title>\n"
        f"<style>{font_faces(fonts or {})}{_CSS.replace('FONTS', _FONTS)}</style>\n</head>\n"
        f"<body>\n<main>\n{sections}\n</main>\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )

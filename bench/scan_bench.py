"""The scan reader over a large generated set: read / review / wrong rates and pages per second (docs/scan.md).

    python bench/scan_bench.py --papers 2000            # both styles, every distortion, 20% ambiguous marks
    python bench/scan_bench.py --papers 200 --clean     # undistorted pages at 200 dpi, for the speed figure

Papers are printed by the library (the seed conference for tick papers, the strike sample for strike papers), marked
and distorted by tests/scanmaker.py (each page gets 1 to 4 random distortions of: rotation up to 10 degrees,
perspective, scale 0.9-1.1, blur, JPEG quality 40, noise, a shadow gradient, a crease) at a random 150-300 dpi, and
read page by page.  A paper is **wrong** when it is written as a ballot with choices other than those marked, or when
a paper with an ambiguous mark (faint pencil, a mark scribbled over) is written as a ballot at all.  Generating the
scans is not timed; reading them is.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scanmaker import DISTORTIONS, distort, mark_papers, render_pages  # noqa: E402

from emulation_vote.election import load_election  # noqa: E402
from emulation_vote.paper import election_fingerprint, paper_layouts  # noqa: E402
from emulation_vote.render.ballots_pdf import render_ballots_pdf  # noqa: E402
from emulation_vote.scan import Scanner, Source  # noqa: E402


def random_distortions(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample(DISTORTIONS, rng.randint(1, 4)))


def run(election_path: Path, papers: int, seed: int, clean: bool, ambiguous: float) -> dict[str, float]:
    election = load_election(election_path)
    layout = paper_layouts(election, election.contests[:1], None, "vi")[0]
    pdf, _firsts = render_ballots_pdf(election, [layout], [papers], election_fingerprint(election), "vi")
    path = Path("/tmp") / f"scan-bench-{election_path.parent.name}.pdf"
    path.write_bytes(pdf)
    rng = random.Random(seed)
    scanner = Scanner(election)
    totals = {"papers": 0, "read": 0, "review": 0, "wrong": 0, "ambiguous": 0, "pages": 0, "seconds": 0.0}
    per_page = layout.per_page
    for start in range(0, papers, per_page * 10):  # ten pages at a time, each at its own resolution
        dpi = 200 if clean else rng.choice((150, 200, 250, 300))
        count = min(per_page * 10, papers - start)
        pages = render_pages(path, dpi, start // per_page, (start + count + per_page - 1) // per_page)
        marked = mark_papers(pages, layout, 1, count, dpi, rng, 0.0 if clean else ambiguous)
        truth = {m.number + start: m for m in marked}
        scans = [page if clean else distort(page, rng, random_distortions(rng)) for page in pages]
        began = time.perf_counter()
        readings = [p for i, image in enumerate(scans) for p in scanner.read_page(Source("bench", i, ""), image)]
        totals["seconds"] += time.perf_counter() - began
        totals["pages"] += len(scans)
        totals["papers"] += count
        totals["ambiguous"] += sum(m.ambiguous for m in marked)
        for paper in readings:
            if not paper.readable:
                totals["review"] += 1
                continue
            totals["read"] += 1
            expected = truth[paper.number]
            if expected.ambiguous or paper.chosen(layout.style) != expected.expected(layout):
                totals["wrong"] += 1
                print("WRONG", election_path.parent.name, paper.number, expected.marks, paper.boxes, file=sys.stderr)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=2000, help="papers in all, half of each style")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--clean", action="store_true", help="no distortion, no ambiguous marks, 200 dpi")
    parser.add_argument("--ambiguous", type=float, default=0.2, help="share of papers with one ambiguous mark")
    args = parser.parse_args()
    for election in (ROOT / "sample_ballots/seed/election.toml", ROOT / "sample_ballots/strike/election.toml"):
        totals = run(election, args.papers // 2, args.seed, args.clean, args.ambiguous)
        rate = totals["pages"] / totals["seconds"] if totals["seconds"] else 0.0
        print(
            f"{election.parent.name}: {totals['papers']} papers ({totals['ambiguous']} with an ambiguous mark) on "
            f"{totals['pages']} pages: read {totals['read']}, review {totals['review']}, wrong {totals['wrong']}; "
            f"reading {totals['seconds']:.1f} s, {rate:.1f} pages/s"
        )


if __name__ == "__main__":
    main()

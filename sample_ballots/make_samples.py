"""Regenerate the sample ballot files in this folder (run: python sample_ballots/make_samples.py).

The files are committed; this script documents exactly how they were made and rebuilds
them.  It needs openpyxl (installed by the ``test`` extra) for the .xlsx copy.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

HERE = Path(__file__).parent
SEED_IDS = ["VPTU", "BTG", "BNC", "BTC", "BDV", "UBKT", "TCT", "DUK", "BLC"]


def seed_ballots() -> list[tuple[str, list[str], str]]:
    """26 ballots: 24 valid (TCT 22, VPTU 19, BNC 2, BTG 1, BDV 1), one declared invalid, one with 3 marks."""
    papers: list[tuple[list[str], str]] = [(["TCT", "VPTU"], "")] * 17
    papers += [(["TCT", "BNC"], ""), (["TCT", "BNC"], ""), (["TCT", "BTG"], ""), (["TCT", "BDV"], ""), (["TCT"], "")]
    papers += [(["VPTU"], ""), (["VPTU"], "")]
    papers += [(["TCT", "VPTU"], "không có dấu"), (["TCT", "VPTU", "BLC"], "")]
    random.Random(2023).shuffle(papers)
    return [(str(n), choice, invalid) for n, (choice, invalid) in enumerate(papers, 1)]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(rows)


def wide_rows(ids: list[str], ballots: list[tuple[str, list[str], str]], mark: str = "x") -> list[list[str]]:
    rows = [["ballot_id", *ids, "invalid"]]
    rows += [[b, *[mark if i in chosen else "" for i in ids], invalid] for b, chosen, invalid in ballots]
    return rows


def seed() -> None:
    folder = HERE / "seed"
    shutil.copy(HERE.parent / "emulation_vote" / "data" / "seed" / "election.toml", folder / "election.toml")
    ballots = seed_ballots()
    write_csv(folder / "ballots-wide.csv", wide_rows(SEED_IDS, ballots))
    shutil.copy(folder / "ballots-wide.csv", HERE.parent / "emulation_vote" / "data" / "seed" / "ballots.csv")
    write_csv(
        folder / "ballots-list.csv",
        [["ballot_id", "choices", "invalid"]] + [[b, "; ".join(c), i] for b, c, i in ballots],
    )
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phiếu"
    for row in wide_rows(SEED_IDS, ballots, mark="1"):
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row])
    book.save(folder / "ballots.xlsx")


def tie_runoff() -> None:
    folder = HERE / "tie-runoff"
    round1 = [["SNV", "STP"]] * 9 + [["SNV", "STC"]] * 6 + [["STP", "STC"]] * 2 + [["STC", "SCT"]] * 3
    rows = [["ballot_id", "choices"]] + [[str(n), ";".join(c)] for n, c in enumerate(round1, 1)]
    write_csv(folder / "round1.csv", rows)
    round2 = [["STP"]] * 12 + [["STC"]] * 8
    rows = [["ballot_id", "round", "choices"]] + [[str(n), "2", c[0]] for n, c in enumerate(round2, 1)]
    write_csv(folder / "round2.csv", rows)


def strike() -> None:
    folder = HERE / "strike"
    ids = ["SNV", "STP", "STC", "SCT", "SXD"]
    struck = [
        ["STC", "SCT", "SXD"],
        ["STC", "SCT", "SXD"],
        ["STP", "SCT", "SXD"],
        ["STC", "SCT", "SXD"],
        ["STP", "STC", "SXD"],
        ["STC", "SCT", "SXD"],
        ["STP", "SCT", "SXD"],
        ["STC", "SCT", "SXD"],
        ["SCT", "SXD"],  # leaves three names: too many
        ids,  # every name struck: blank
        ["STC", "SCT", "SXD"],
        ["SNV", "SCT", "SXD"],
    ]
    rows = [["ballot_id", *ids]] + [[str(n), *["x" if i in s else "" for i in ids]] for n, s in enumerate(struck, 1)]
    write_csv(folder / "ballots.csv", rows, delimiter=";")


def two_contests() -> None:
    folder = HERE / "two-contests"
    flag = [["SNV", "STP"]] * 8 + [["SNV", "STC"]] * 3 + [["STP"]] * 2 + [["SCT", "SXD"]]
    merit = [["SNV", "STP", "STC"]] * 6 + [["STC", "SCT", "SXD"]] * 5 + [["SXD", "SGD"]] * 3
    rows = [["contest", "ballot_id", "choices", "invalid"]]
    rows += [["co-thi-dua", f"C{n:02d}", "; ".join(c), ""] for n, c in enumerate(flag, 1)]
    rows += [["bang-khen", f"B{n:02d}", "; ".join(c), ""] for n, c in enumerate(merit, 1)]
    rows[-1][3] = "rách, không đọc được"
    write_csv(folder / "ballots.csv", rows)


SCORING_TABLE = """
[scoring]
scorers = ["self", "cross"]
weights = { self = "30%", cross = "70%" }
exclude_self = true
trim = 1                          # drop each unit's highest and lowest cross score
decimals = 2
tie = "TC1"                       # equal totals: the higher score on TC1 first
bonus_max = "10"
penalty_max = "20"

[[scoring.criterion]]
id = "TC1"
title = "Kết quả thực hiện nhiệm vụ chính trị được giao"
max = "40"
group = "I"

[[scoring.criterion]]
id = "TC2"
title = "Công tác tham mưu, phối hợp"
max = "20"
group = "I"

[[scoring.criterion]]
id = "TC3"
title = "Xây dựng tổ chức đảng, cơ quan, đoàn thể trong sạch, vững mạnh"
max = "15"
group = "II"

[[scoring.criterion]]
id = "TC4"
title = "Cải cách hành chính, chuyển đổi số"
max = "10"
group = "II"

[[scoring.criterion]]
id = "TC5"
title = "Tổ chức phong trào thi đua, công tác khen thưởng"
max = "10"
group = "III"

[[scoring.criterion]]
id = "TC6"
title = "Tham gia hoạt động chung của Khối"
max = "5"
group = "III"
"""
SCORING_MAX = [40, 20, 15, 10, 10, 5]
SCORING_NAMES = [
    ("VPTU", "Văn phòng Tỉnh ủy", '["VP Tỉnh ủy"]'),
    ("BTG", "Ban Tuyên giáo Tỉnh ủy", ""),
    ("BNC", "Ban Nội chính Tỉnh ủy", ""),
    ("BTC", "Ban Tổ chức Tỉnh ủy", ""),
    ("BDV", "Ban Dân vận Tỉnh ủy", ""),
    ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy", ""),
    ("TCT", "Trường Chính trị tỉnh", '["Trường Chính trị"]'),
    ("DUK", "Đảng ủy Khối Cơ quan - Doanh nghiệp", ""),
    ("BLC", "Báo Lào Cai", ""),
]
# How well each unit did (percent of the table), the bonus it earned, the penalty it incurred.
SCORING_UNITS = {
    "VPTU": (93, 5, 0),
    "BTG": (88, 0, 0),
    "BNC": (87, 0, 0),
    "BTC": (90, 0, 0),
    "BDV": (86, 0, 0),
    "UBKT": (89, 0, 0),
    "TCT": (94, 5, 0),
    "DUK": (85, 0, 1),
    "BLC": (84, 2, 2),
}


def score_row(rng: random.Random, quality: int, lift: float) -> list[str]:
    """Points per criterion in half-points, near quality% of the maximum, never above it."""
    cells = []
    for top in SCORING_MAX:
        raw = top * quality / 100 + lift + rng.choice([-1.0, -0.5, 0.0, 0.0, 0.5])
        value = max(0.0, min(float(top), round(raw * 2) / 2))
        cells.append(f"{value:g}".replace(".", ","))
    return cells


def scoring() -> None:
    """The seed's 9 units scored on a 100-point table: self scores (CSV) and cross scores (Excel)."""
    folder = HERE / "scoring"
    folder.mkdir(exist_ok=True)
    seed_toml = (HERE / "seed" / "election.toml").read_text(encoding="utf-8")
    head, contest = seed_toml.split("[[contest]]", 1)
    head = head.replace(
        "# 9 đơn vị, bỏ phiếu kín suy tôn 2 đơn vị đề nghị UBND tỉnh tặng Cờ thi đua.",
        "# 9 đơn vị tự chấm và chấm chéo theo thang điểm 100 của Khối; xếp hạng trước khi bỏ phiếu suy tôn.",
    ).replace("# The ballots are illustrative", "# The scores are illustrative")
    units = "".join(
        f'[[unit]]\nid = "{unit_id}"\nname = "{name}"\n' + (f"aliases = {aliases}\n" if aliases else "") + "\n"
        for unit_id, name, aliases in SCORING_NAMES
    )
    contest = contest.split("candidates = [", 1)[0].rstrip()
    tie = 'tie = "score"                   # a tie at the last seat: the higher score total'
    contest = contest.replace('tie = "runoff"', tie)
    contest += "\ncandidates = { from_scores = true, top = 3 }   # the units ranked 1 to 3 by the scores\n"
    text = head + units + SCORING_TABLE.lstrip("\n") + "\n[[contest]]" + contest
    (folder / "election.toml").write_text(text, encoding="utf-8")
    rng = random.Random(19122023)
    header = ["scorer", "unit", "TC1", "TC2", "TC3", "TC4", "TC5", "TC6", "bonus", "penalty", "note"]
    own = [header]
    for unit, (quality, bonus, penalty) in SCORING_UNITS.items():
        own.append([unit, unit, *score_row(rng, quality, 0.5), str(bonus), str(penalty), "tự chấm"])
    write_csv(folder / "self.csv", own)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Chấm chéo"
    sheet.append(["Đơn vị chấm", "Đơn vị được chấm", *header[2:8], "Điểm cộng", "Điểm trừ", "Ghi chú"])
    for scorer in SCORING_UNITS:
        for unit, (quality, bonus, penalty) in SCORING_UNITS.items():
            if unit != scorer:
                cells = [float(c.replace(",", ".")) for c in score_row(rng, quality, 0.0)]
                sheet.append([scorer, unit, *cells, bonus, penalty, None])
    book.save(folder / "cross.xlsx")
    # The vote that follows: 26 papers, TCT 22, VPTU 13 and BTC 13 tie for the second flag; the scores settle it.
    papers = [["TCT", "VPTU"]] * 11 + [["TCT", "BTC"]] * 11 + [["VPTU", "BTC"]] * 2
    ballots = [[str(n), "; ".join(choice), ""] for n, choice in enumerate(papers, 1)]
    ballots += [["25", "TCT; VPTU", "rách"], ["26", "TCT; VPTU; BTC", ""]]
    write_csv(folder / "ballots.csv", [["ballot_id", "choices", "invalid"], *ballots])


CLUSTER_3 = [
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường",
    "Thanh tra tỉnh",
    "Đài Phát thanh - Truyền hình tỉnh",
]


def cluster_3() -> None:
    """A secretary's starting point: the 7 units of a cluster, one name per line, for `new --units`."""
    folder = HERE / "cum-3"
    folder.mkdir(exist_ok=True)
    (folder / "don-vi.txt").write_text("\n".join(CLUSTER_3) + "\n", encoding="utf-8")


if __name__ == "__main__":
    seed()
    tie_runoff()
    strike()
    two_contests()
    scoring()
    cluster_3()

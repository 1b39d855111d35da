"""Benchmarks: run by hand, results go to docs/performance.md.

    python bench/bench.py generate --ballots 1000000 --candidates 20      # data in bench/out/
    python bench/bench.py run --ballots 1000000 --repeat 5                # wall time and peak RSS
    python bench/bench.py shapes --repeat 3                               # every shape, side by side

Each measurement is a whole process (the CLI, or a baseline script), timed from outside; the
peak RSS comes from the kernel's rusage of that child.  The median of --repeat runs is reported.
Baselines of ``run``: a bare pyarrow streaming read that counts marks, pandas read_csv with the
pyarrow engine, and a plain csv-module loop.  ``shapes`` generates (seeded) the files of
:data:`SHAPES` and measures, interleaved, the tally against a bare pyarrow streaming read and
count, and DuckDB and Polars: each making the same count as the tally (every id checked unique,
the ballots counted per distinct content), and only the votes of each candidate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
PY = sys.executable
CLI_TALLY = [PY, "-m", "emulation_vote", "tally"]

BASELINES = {
    "pyarrow-stream": """
import sys, pyarrow as pa, pyarrow.csv as pc_csv, pyarrow.compute as pc
reader = pc_csv.open_csv(sys.argv[1], convert_options=pc_csv.ConvertOptions(column_types={}, strings_can_be_null=False))
names = reader.schema.names[1:-1]
counts = {n: 0 for n in names}
for batch in reader:
    for n in names:
        col = batch.column(batch.schema.get_field_index(n))
        counts[n] += pc.sum(pc.not_equal(pc.cast(col, pa.string()), "")).as_py() or 0
print(sum(counts.values()))
""",
    "pandas-pyarrow": """
import sys, pandas as pd
frame = pd.read_csv(sys.argv[1], engine="pyarrow", dtype=str, keep_default_na=False)
print(int((frame.iloc[:, 1:-1] != "").to_numpy().sum()))
""",
    "csv-loop": """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    counts = [0] * (len(header) - 2)
    for row in reader:
        for i, cell in enumerate(row[1:-1]):
            if cell:
                counts[i] += 1
print(sum(counts))
""",
}


def election_text(candidates: int, max_marks: int) -> str:
    rows = "\n".join(f'  {{ id = "U{i:02d}", name = "Đơn vị số {i}" }},' for i in range(1, candidates + 1))
    return (
        '[meeting]\ntitle = "Bình chọn trực tuyến"\n\n[[contest]]\nid = "binh-chon"\nseats = 3\n'
        f"max_marks = {max_marks}\ncandidates = [\n{rows}\n]\n"
    )


def generate(ballots: int, candidates: int, seed: int = 6) -> dict[str, Path]:
    """Write the election, a wide CSV, a list CSV (and, for up to 100k ballots, an .xlsx)."""
    OUT.mkdir(exist_ok=True)
    rng = random.Random(seed)
    ids = [f"U{i:02d}" for i in range(1, candidates + 1)]
    weights = [1.0 / (1 + i * 0.35) for i in range(candidates)]
    max_marks = 5
    stem = f"{ballots}x{candidates}"
    paths = {
        "election": OUT / f"{stem}.toml",
        "wide": OUT / f"{stem}-wide.csv",
        "list": OUT / f"{stem}-list.csv",
    }
    paths["election"].write_text(election_text(candidates, max_marks), encoding="utf-8")
    with (
        paths["wide"].open("w", encoding="utf-8", newline="") as wide,
        paths["list"].open("w", encoding="utf-8", newline="") as listed,
    ):
        wide.write("ballot_id," + ",".join(ids) + ",invalid\n")
        listed.write("ballot_id,choices,invalid\n")
        wide_rows, list_rows = [], []
        for number in range(1, ballots + 1):
            roll = rng.random()
            declared = "rách" if roll < 0.004 else ""
            k = 0 if roll > 0.995 else (max_marks + 1 if roll > 0.985 else rng.randint(1, max_marks))
            chosen = set()
            while len(chosen) < k:
                chosen.add(rng.choices(range(candidates), weights)[0])
            wide_rows.append(
                f"{number}," + ",".join("x" if i in chosen else "" for i in range(candidates)) + f",{declared}\n"
            )
            list_rows.append(f"{number}," + ";".join(ids[i] for i in sorted(chosen)) + f",{declared}\n")
            if len(wide_rows) == 50_000:
                wide.writelines(wide_rows)
                listed.writelines(list_rows)
                wide_rows, list_rows = [], []
        wide.writelines(wide_rows)
        listed.writelines(list_rows)
    if ballots <= 100_000:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        with paths["wide"].open(encoding="utf-8") as handle:
            for line in handle:
                sheet.append(line.rstrip("\n").split(","))
        paths["xlsx"] = OUT / f"{stem}-wide.xlsx"
        book.save(paths["xlsx"])
    return paths


SHAPES = {
    # name: (ballots, layout, string ids, candidates that get marks, how they are marked)
    "wide-str": (1_000_000, "wide", True, 20, "independent"),
    "wide-num": (1_000_000, "wide", False, 20, "independent"),
    "few": (1_000_000, "wide", True, 5, "one-to-three"),
    "list-many": (1_000_000, "list", True, 20, "independent"),
    "wide-str-10m": (10_000_000, "wide", True, 20, "independent"),
    "own": (1_000_000, "wide", False, 20, "weighted"),  # the file of ``generate`` (1-5 marks, first ones likelier)
}
"""The shapes of file measured side by side with DuckDB and Polars (20 candidate columns each)."""

SHAPE_IDS = tuple(f"U{i:02d}" for i in range(1, 21))
"""The candidate ids of every shape's election."""

SHAPE_BASELINES = {
    "pyarrow-stream": """
import sys, pyarrow as pa, pyarrow.csv as pc_csv, pyarrow.compute as pc
path, layout = sys.argv[1], sys.argv[2]
reader = pc_csv.open_csv(path, convert_options=pc_csv.ConvertOptions(column_types={}, strings_can_be_null=False))
names = reader.schema.names
counts = {}
for batch in reader:
    if layout == "list":
        pieces = pc.list_flatten(pc.split_pattern(batch.column(1), ";"))
        for item in pc.value_counts(pieces).to_pylist():
            counts[item["values"]] = counts.get(item["values"], 0) + item["counts"]
    else:
        for n in names[1:-1]:
            col = batch.column(batch.schema.get_field_index(n))
            counts[n] = counts.get(n, 0) + (pc.sum(pc.not_equal(pc.cast(col, pa.string()), "")).as_py() or 0)
print(sorted(counts.items()))
""",
    # The same count as the tally's: every ballot id checked unique, and the ballots counted per
    # distinct content (marks and declared reason), from which the tally's result and fingerprint
    # are computed (per-candidate votes are a sum over the contents).  A list cell's content is the
    # sum of its candidates' bits, as the tally's mask ("U02;U01" is "U01;U02"): the ids come as
    # the script's third argument.  Each prints: repeated ids, contents, ballots.
    "duckdb": """
import sys, duckdb
path, layout = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads = 2")
con.execute("SET enable_progress_bar = false")
source = f"read_csv('{path}', all_varchar = true, header = true)"
empty = chr(39) * 2  # the SQL literal ''
if layout == "list":  # the candidates' bits summed, as the tally's mask (a name named twice aside)
    ids = "[" + ", ".join(f"'{i}'" for i in sys.argv[3].split(",")) + "]"
    bit = f"lambda x: 1::BIGINT << (list_position({ids}, x) - 1)"
    content = f"coalesce(list_sum(list_transform(string_split(coalesce(choices, {empty}), ';'), {bit})), 0)"
else:
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()][1:-1]
    content = " + ".join(f'((coalesce("{n}", {empty}) <> {empty})::BIGINT << {i})' for i, n in enumerate(names))
rows = f"SELECT ballot_id, {content} AS content, coalesce(invalid, {empty}) AS invalid FROM {source}"
query = f'''
WITH r AS MATERIALIZED ({rows}),
     g AS (SELECT content, invalid, count(*) AS n FROM r GROUP BY ALL)
SELECT (SELECT count(*) - count(DISTINCT ballot_id) FROM r), (SELECT count(*) FROM g), (SELECT sum(n) FROM g)
'''
print(*con.execute(query).fetchone())
""",
    "polars": """
import sys, polars as pl
path, layout = sys.argv[1], sys.argv[2]
frame = pl.scan_csv(path, infer_schema=False)
if layout == "list":  # the candidates' bits summed, as the tally's mask (a name named twice aside)
    ids = sys.argv[3].split(",")
    bits = pl.element().replace_strict(ids, [1 << i for i in range(len(ids))], default=0, return_dtype=pl.Int64)
    content = pl.col("choices").fill_null("").str.split(";").list.eval(bits).list.sum()
else:
    names = frame.collect_schema().names()[1:-1]
    marked = [(pl.col(n).fill_null("") != "").cast(pl.Int64) * (1 << i) for i, n in enumerate(names)]
    content = pl.sum_horizontal(marked)
rows = frame.select(pl.col("ballot_id"), content.alias("content"), pl.col("invalid").fill_null(""))
groups, repeated = pl.collect_all(
    [rows.group_by("content", "invalid").len(), rows.select(pl.len() - pl.col("ballot_id").n_unique())],
    engine="streaming",
)
print(repeated.item(), groups.height, groups["len"].sum())
""",
    # Only the votes of each candidate: less than the tally does (no id checked, no contents).
    "duckdb-votes": """
import sys, duckdb
path, layout = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET threads = 2")
con.execute("SET enable_progress_bar = false")
source = f"read_csv('{path}', all_varchar = true, header = true)"
if layout == "list":
    query = f"SELECT c, count(*) FROM (SELECT unnest(string_split(choices, ';')) AS c FROM {source}) GROUP BY c"
else:
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()][1:-1]
    empty = chr(39) * 2  # the SQL literal ''
    query = "SELECT " + ", ".join(f'count(*) FILTER (WHERE "{n}" <> {empty})' for n in names) + f" FROM {source}"
print(con.execute(query).fetchall())
""",
    "polars-votes": """
import sys, polars as pl
path, layout = sys.argv[1], sys.argv[2]
frame = pl.scan_csv(path, infer_schema=False)
if layout == "list":
    query = frame.select(pl.col("choices").str.split(";").explode().value_counts())
else:
    names = frame.collect_schema().names()[1:-1]
    query = frame.select([(pl.col(n).fill_null("") != "").sum().alias(n) for n in names])
print(query.collect(engine="streaming"))
""",
}


def generate_shape(name: str, seed: int = 15) -> dict[str, Path]:
    """Write the election and the ballot file of shape ``name`` (see :data:`SHAPES`), seeded."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    ballots, layout, string_ids, marked, how = SHAPES[name]
    if how == "weighted":
        made = generate(ballots, 20)
        return {"election": made["election"], "ballots": made["wide"]}
    candidates = 20
    OUT.mkdir(exist_ok=True)
    paths = {"election": OUT / f"shape-{name}.toml", "ballots": OUT / f"shape-{name}.csv"}
    paths["election"].write_text(election_text(candidates, 5), encoding="utf-8")
    ids = list(SHAPE_IDS)
    rng = np.random.default_rng(seed)
    with paths["ballots"].open("wb") as handle:
        if layout == "wide":
            handle.write(("ballot_id," + ",".join(ids) + ",invalid\n").encode())
        else:
            handle.write(b"ballot_id,choices,invalid\n")
        step = 1_000_000
        for start in range(0, ballots, step):
            size = min(step, ballots - start)
            if how == "independent":
                marks = rng.random((size, candidates)) < 0.25
            else:
                marks = np.zeros((size, candidates), dtype=bool)
                keys = rng.random((size, marked)).argsort(axis=1)
                k = rng.integers(1, 4, size)
                for j in range(marked):
                    marks[np.arange(size), keys[:, j]] |= j < k
            numbers = np.arange(start + 1, start + size + 1)
            id_column = pa.array(numbers)
            if string_ids:
                id_column = pc.binary_join_element_wise("B", pc.utf8_lpad(pc.cast(id_column, pa.string()), 7, "0"), "")
            declared = pa.array(np.where(rng.random(size) < 0.004, "rách", ""))
            columns: dict[str, object] = {"ballot_id": id_column}
            if layout == "wide":
                for j, cid in enumerate(ids):
                    columns[cid] = pa.array(np.where(marks[:, j], "x", ""))
            else:
                pieces = [pa.array(np.where(marks[:, j], cid, "")) for j, cid in enumerate(ids)]
                joined = pc.binary_join_element_wise(*pieces, ";", null_handling="skip")
                joined = pc.replace_substring_regex(joined, ";;+", ";")
                columns["choices"] = pc.utf8_trim(joined, ";")
            columns["invalid"] = declared
            table = pa.table(columns)
            pa_csv.write_csv(table, handle, pa_csv.WriteOptions(include_header=False, quoting_style="none"))
    return paths


def run_shapes(names: list[str], repeat: int) -> list[dict[str, object]]:
    """Measure each shape: the tally and the three baselines, interleaved, medians of ``repeat`` runs."""
    results = []
    for name in names:
        paths = {"election": OUT / f"shape-{name}.toml", "ballots": OUT / f"shape-{name}.csv"}
        if name == "own":
            paths = {"election": OUT / "1000000x20.toml", "ballots": OUT / "1000000x20-wide.csv"}
        if not paths["ballots"].exists():
            paths = generate_shape(name)
        layout = SHAPES[name][1]
        jobs = {
            "emulation-vote": [*CLI_TALLY, str(paths["election"]), str(paths["ballots"]), "-f", "json"],
            **{
                base: [PY, "-c", script, str(paths["ballots"]), layout, ",".join(SHAPE_IDS)]
                for base, script in SHAPE_BASELINES.items()
            },
        }
        # Once, untimed: the two engines' same counts must agree (repeated ids, contents, ballots).
        answers = {
            base: subprocess.run(jobs[base], capture_output=True, text=True, check=True).stdout.split()
            for base in ("duckdb", "polars")
        }
        if answers["duckdb"] != answers["polars"] or answers["duckdb"][0] != "0":
            raise SystemExit(f"{name}: the baselines' counts differ or find repeated ids: {answers}")
        measured: dict[str, list[tuple[float, float]]] = {job: [] for job in jobs}
        for _ in range(repeat):
            for job, command in jobs.items():
                measured[job].append(measure_child(command))
        row: dict[str, object] = {"shape": name, "ballots": SHAPES[name][0], "contents": int(answers["duckdb"][1])}
        for job, runs in measured.items():
            row[job] = (
                round(statistics.median(t for t, _ in runs), 3),
                round(statistics.median(m for _, m in runs), 1),
            )
        arrow = statistics.median(t for t, _ in measured["pyarrow-stream"])
        row["ratio"] = round(statistics.median(t for t, _ in measured["emulation-vote"]) / arrow, 2)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        results.append(row)
    return results


def shapes_table(rows: list[dict[str, object]]) -> str:
    """Return the rows of ``run_shapes`` as the Markdown table of docs/performance.md."""

    def cell(value: object) -> str:
        seconds, megabytes = value  # type: ignore[misc]
        return f"{seconds:.2f} s / {megabytes:.0f} MB"

    lines = [
        "| shape | distinct contents | `emulation-vote tally -f json` | bare pyarrow read + count | ratio "
        "| DuckDB, same count | Polars, same count | DuckDB, votes only | Polars, votes only |",
        "| --- | ---: | --- | --- | ---: | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['shape']} | {row['contents']:,} | **{cell(row['emulation-vote'])}** "
            f"| {cell(row['pyarrow-stream'])} "
            f"| {row['ratio']:.2f} | {cell(row['duckdb'])} | {cell(row['polars'])} "
            f"| {cell(row['duckdb-votes'])} | {cell(row['polars-votes'])} |"
        )
    return "\n".join(lines)


def compile_package() -> None:
    """Write the package's bytecode first, so that no measured run pays for compiling it.

    An installed package has its bytecode written at install time; an editable one writes it on
    first use, unless PYTHONDONTWRITEBYTECODE is set, and then every run compiles every module
    changed since (tens of milliseconds each).
    """
    import compileall

    import emulation_vote

    compileall.compile_dir(Path(emulation_vote.__file__).parent, quiet=1)


def measure_child(command: list[str]) -> tuple[float, float]:
    """Run ``command`` in a fresh child; return wall seconds and the child's peak RSS in MB."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} exited with {status}")
    return elapsed, usage.ru_maxrss / 1024


def run(ballots: int, candidates: int, repeat: int, which: list[str]) -> list[dict[str, object]]:
    stem = f"{ballots}x{candidates}"
    election = OUT / f"{stem}.toml"
    if not election.exists():
        generate(ballots, candidates)
    cli = [PY, "-m", "emulation_vote"]
    jobs = {
        "emulation-vote wide": [*cli, "tally", str(election), str(OUT / f"{stem}-wide.csv"), "-f", "json"],
        "emulation-vote list": [*cli, "tally", str(election), str(OUT / f"{stem}-list.csv"), "-f", "json"],
        "emulation-vote xlsx": [*cli, "tally", str(election), str(OUT / f"{stem}-wide.xlsx"), "-f", "json"],
        "emulation-vote exact wide": [
            *cli,
            "tally",
            str(election),
            str(OUT / f"{stem}-wide.csv"),
            "-f",
            "json",
            "--reader",
            "exact",
        ],
        "pyarrow-stream": [PY, "-c", BASELINES["pyarrow-stream"], str(OUT / f"{stem}-wide.csv")],
        "pandas-pyarrow": [PY, "-c", BASELINES["pandas-pyarrow"], str(OUT / f"{stem}-wide.csv")],
        "csv-loop": [PY, "-c", BASELINES["csv-loop"], str(OUT / f"{stem}-wide.csv")],
        "help": [*cli, "--help"],
        "demo": [*cli, "demo"],
    }
    results = []
    for name in which:
        if name not in jobs or (name == "emulation-vote xlsx" and not (OUT / f"{stem}-wide.xlsx").exists()):
            continue
        times, peaks = [], []
        for _ in range(repeat):
            elapsed, peak = measure_child(jobs[name])
            times.append(elapsed)
            peaks.append(peak)
        results.append(
            {
                "job": name,
                "ballots": ballots,
                "seconds": round(statistics.median(times), 3),
                "peak_rss_mb": round(statistics.median(peaks), 1),
            }
        )
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("generate")
    make.add_argument("--ballots", type=int, default=1_000_000)
    make.add_argument("--candidates", type=int, default=20)
    go = sub.add_parser("run")
    go.add_argument("--ballots", type=int, default=1_000_000)
    go.add_argument("--candidates", type=int, default=20)
    go.add_argument("--repeat", type=int, default=5)
    go.add_argument(
        "--jobs",
        nargs="*",
        default=[
            "pyarrow-stream",
            "emulation-vote wide",
            "emulation-vote list",
            "emulation-vote xlsx",
            "pandas-pyarrow",
            "csv-loop",
            "--help",
            "demo",
        ],
    )
    shapes = sub.add_parser("shapes", help="generate (seeded) and measure the shapes side by side with DuckDB, Polars")
    shapes.add_argument("--only", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    shapes.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.command != "generate":
        compile_package()
    if args.command == "shapes":
        print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"# load average before: {os.getloadavg()[0]:.2f}")
        rows = run_shapes(args.only, args.repeat)
        print(f"# load average after: {os.getloadavg()[0]:.2f}")
        print(shapes_table(rows))
    elif args.command == "generate":
        for kind, path in generate(args.ballots, args.candidates).items():
            print(kind, path, f"{path.stat().st_size / 1e6:.1f} MB")
    else:
        machine = f"{platform.machine()} {platform.processor() or ''}".strip()
        print(f"# {machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
        run(args.ballots, args.candidates, args.repeat, args.jobs)


if __name__ == "__main__":
    main()

"""Benchmark `kg ingest` of one corpus directory as it is (no recombination), repeated, for before/after figures.

Each run is the real command (`kg ingest DIR --store NEW`) in a subprocess; the figures are the median wall
clock and the median CPU time (user + system of the command and its workers, from the waited children's
rusage), which a busy machine disturbs less than the wall clock.

    .venv/bin/python benchmarks/bench_corpus.py DIR [--runs 5] [--kg PATH_TO_KG] [--label TEXT] [--write]

`--kg` lets the same script time another build of the tool (e.g. an older checkout's `.venv/bin/kg`).
`--write` appends the row to benchmarks/RESULTS.md (section "corpus").
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KG = Path(sys.executable).with_name("kg")
SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


def run_once(kg: Path, corpus: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ingest into a new store."""
    with tempfile.TemporaryDirectory() as tmp:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([str(kg), "ingest", str(corpus), "--store", str(Path(tmp) / "s")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kg", type=Path, default=KG)
    ap.add_argument("--label", default="")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    files = [p for p in sorted(a.corpus.iterdir()) if p.suffix.lower() in SUFFIXES]
    size = sum(p.stat().st_size for p in files)
    run_once(a.kg, a.corpus)  # warm the page cache and Python's bytecode cache
    walls, cpus = zip(*(run_once(a.kg, a.corpus) for _ in range(a.runs)))
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    row = (f"| {a.label or a.kg} | {len(files)} | {size / 1e6:.2f} | {a.runs} | {wall:.2f} | {cpu:.2f} | "
           f"{size / 1e6 / cpu:.3f} |")
    print(row)
    if a.write:
        res = HERE / "RESULTS.md"
        text = res.read_text(encoding="utf-8") if res.exists() else "# Benchmark results\n"
        head = (f"### dev corpus ingest — {time.strftime('%Y-%m-%d %H:%M')}\n\n"
                f"- machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · "
                f"Python {platform.python_version()}\n"
                f"- command: `.venv/bin/python benchmarks/bench_corpus.py {a.corpus} --runs {a.runs} --kg KG`\n\n"
                "| build | files | MB | runs | median wall s | median CPU s | MB per CPU s |\n|---|---|---|---|---|---|---|\n")
        block = re.search(r"<!-- corpus:start -->\n(.*?)<!-- corpus:end -->\n", text, re.DOTALL)
        lines = block.group(1).rstrip("\n").splitlines() if block else []
        if lines and lines[-1].startswith("|"):  # the block ends with a table: one more row
            body = block.group(1) + row + "\n"
        else:  # no table yet, or notes after the last one: a new dated table
            body = (block.group(1) + "\n" if lines else "") + head + row + "\n"
        section = f"<!-- corpus:start -->\n{body}<!-- corpus:end -->\n"
        text = text.replace(block.group(0), section) if block else text.rstrip("\n") + "\n\n" + section
        res.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

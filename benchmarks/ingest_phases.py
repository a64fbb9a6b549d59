"""Where an ingest spends its time: the phases of the parent and the extractions of the workers, on one run.

    .venv/bin/python benchmarks/ingest_phases.py DIR [--jobs 2] [--timeline]

Runs `kg.ingest.ingest` (as `kg ingest DIR --store NEW --force` does) in this process with timers wrapped around
its steps, and prints seconds per phase to stdout: start-up (imports, the pipeline's warm-up before the workers
fork), the extractions (wall clock and CPU, per worker), the parent's bulk writes and derived-graph recomputations,
and the tail (what runs after the last extraction). --timeline lists every step. The timers wrap internal
functions of kg.ingest: a benchmark of the code as it is, to be updated with it.
"""
from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse
import os
import resource
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kg.ingest as ing
from kg.extract import pipeline
from kg.graph import progress
from kg.graph.store import open_store

STEPS: list[tuple[float, float, str]] = []  # (start, end, name), seconds since start-up


def _timed(owner, attr: str, name: str) -> None:
    f = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        a = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            STEPS.append((a - T0, time.perf_counter() - T0, name))

    setattr(owner, attr, wrapper)


def _extract_timed(path: str):
    """The worker's function, returning its (start, end, CPU seconds, pid) with the payload."""
    a, c = time.perf_counter(), time.process_time()
    graph, payload, size = _extract(path)
    return graph, (payload, (a - T0, time.perf_counter() - T0, time.process_time() - c, os.getpid())), size


def _extracted_timed(files, jobs):
    for f, (graph, (payload, (a, b, cpu, pid)), size) in _extracted(files, jobs):
        STEPS.append((a, b, f"extract {f.name} ({cpu:.2f} s CPU, pid {pid})"))
        yield f, (graph, payload, size)


_extract = ing._extract_one
_extracted = ing._extracted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeline", action="store_true")
    args = ap.parse_args()
    if args.jobs > 1:  # the workers are forked from this process: they run the wrapped function
        ing._extract_one = _extract_timed
    else:
        ing._extract_one = lambda path, f=ing._extract_one: _extracted_serial(f, path)
    ing._extracted = _extracted_timed if args.jobs > 1 else ing._extracted
    _timed(ing._Writer, "_write_batch", "write batch")
    _timed(ing, "_checkpoint", "checkpoint")
    _timed(progress, "recompute", "progress links")
    _timed(pipeline, "warm_up", "warm-up")
    tmp = Path(tempfile.mkdtemp(prefix="ingest_phases_"))
    try:
        store = open_store(tmp / "store")
        ingest_start = time.perf_counter() - T0
        report = ing.ingest([args.corpus], store, jobs=args.jobs, force=True)
        store.close()
        total = time.perf_counter() - T0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    extractions = [s for s in STEPS if s[2].startswith("extract")]
    last = max((b for _, b, _ in extractions), default=ingest_start)

    def busy(prefix: str) -> float:
        return sum(b - a for a, b, n in STEPS if n.startswith(prefix))

    print(f"{report.documents} documents, --jobs {args.jobs}: {total:.2f} s")
    print(f"  imports before the run      {ingest_start:.2f} s")
    print(f"  warm-up (before forking)    {busy('warm-up'):.2f} s")
    print(f"  extractions                 {busy('extract'):.2f} s wall clock summed over workers")
    print(f"  parent: bulk writes         {busy('write batch'):.2f} s")
    print(f"  parent: checkpoints         {busy('checkpoint'):.2f} s (of which progress links "
          f"{busy('progress links'):.2f} s)")
    print(f"  after the last extraction   {total - last:.2f} s")
    print(f"  CPU: this process {own.ru_utime + own.ru_stime:.2f} s, workers {kids.ru_utime + kids.ru_stime:.2f} s")
    if args.timeline:
        for a, b, n in sorted(STEPS):
            print(f"  {a:7.2f} {b:7.2f} {b - a:6.2f}  {n}")


def _extracted_serial(f, path):
    a, c = time.perf_counter(), time.process_time()
    try:
        return f(path)
    finally:
        STEPS.append((a - T0, time.perf_counter() - T0, (f"extract {Path(path).name} "
                      f"({time.process_time() - c:.2f} s CPU)")))


if __name__ == "__main__":
    main()

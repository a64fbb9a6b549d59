"""Benchmark `kg ingest` end to end on corpora 10x, 50x and 100x the sample.

The corpora are new documents recombined from the paragraphs of samples/corpus/*.txt (fixed random seed):
each keeps the opening paragraphs (header, title, addressee) of one sample and then draws body paragraphs
from all of them until it is about as long as a sample. Each size is ingested by the real command
(`kg ingest DIR --store NEW --quiet --jobs J`) in a subprocess, timed with the wall clock; peak memory is
the largest resident set of the command or one of its workers (ru_maxrss of the waited children, as
/usr/bin/time -v reports it).

    .venv/bin/python benchmarks/bench_ingest.py [--scales 10 50 100] [--jobs 1 N] [--profile] [--no-baseline]

Baseline: spaCy's Vietnamese pipeline with pyvi word segmentation (`spacy.blank("vi")`, its default), run over
the same texts in a subprocess, end to end (import, model load, tokenisation); the goal is an ingest at least
twice as fast as that. It needs pyvi (`pip install -e ".[bench]"`); without it the baseline is skipped.

Figures go to benchmarks/RESULTS.md (section "ingest"). --profile also runs cProfile over the extraction
of the 10x corpus in this process and prints the hot spots.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "samples" / "corpus"
KG = Path(sys.executable).with_name("kg")


def make_corpus(out: Path, scale: int, seed: int = 1234) -> tuple[int, int]:
    """scale x the sample's number of documents and bytes; returns (documents, bytes)."""
    r = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    split = [[p for p in re.split(r"\n\s*\n", s) if p.strip()] for s in samples]
    body = [p for paras in split for p in paras[4:]]
    out.mkdir(parents=True, exist_ok=True)
    n, total = 0, 0
    for i in range(scale * len(samples)):
        k = i % len(samples)
        target = len(samples[k].encode("utf-8"))
        paras = list(split[k][:4])
        size = sum(len(p.encode("utf-8")) + 2 for p in paras)
        while size < target:
            p = r.choice(body)
            paras.append(p)
            size += len(p.encode("utf-8")) + 2
        text = "\n\n".join(paras) + "\n"
        f = out / f"gen_{i:05d}.txt"
        f.write_text(text, encoding="utf-8")
        n += 1
        total += f.stat().st_size
    return n, total


def _disk(store: Path) -> tuple[float, float]:
    """(MB on disk of the whole store directory, MB of it in RocksDB write-ahead logs) after the command."""
    files = [f for f in store.rglob("*") if f.is_file()]
    return (sum(f.stat().st_size for f in files) / 1e6,
            sum(f.stat().st_size for f in files if f.suffix == ".log") / 1e6)


def run_ingest_timed(corpus: Path, store: Path, jobs: int) -> tuple[float, float, str, float]:
    """As run_ingest, with the peak memory and the CPU time (user + system) of the command and its workers
    (wait4 rusage)."""
    if store.exists():
        shutil.rmtree(store)
    # --force: the recombined corpus holds some identical documents; store every one, as a real load would
    cmd = [str(KG), "ingest", str(corpus), "--store", str(store), "--jobs", str(jobs), "--force"]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode})")
    first = next((line for line in out.splitlines() if line.startswith("ingested")), "")
    return dt, usage.ru_maxrss / 1024, first, usage.ru_utime + usage.ru_stime


PYVI_RUN = """
import sys
from pathlib import Path
import spacy
nlp = spacy.blank("vi")  # pyvi word segmentation on (spaCy's default for Vietnamese)
for f in sorted(Path(sys.argv[1]).glob("*.txt")):
    nlp(f.read_text(encoding="utf-8"))
"""


def pyvi_baseline(corpus: Path) -> tuple[float, float] | None:
    """Seconds (wall clock, CPU) for spaCy + pyvi to tokenise the corpus in a new process; None without pyvi."""
    import importlib.util
    import resource

    if importlib.util.find_spec("pyvi") is None:
        print("  baseline skipped: pyvi is not installed (pip install -e '.[bench]')", flush=True)
        return None
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", PYVI_RUN, str(corpus)], check=True, stdout=subprocess.DEVNULL)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - t0, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def profile(corpus: Path, limit: int = 25) -> str:
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(ROOT))
    from kg.extract import extract_file
    from kg.graph.progress import figures_of
    from kg.graph.rdfmap import map_document

    files = sorted(corpus.glob("*.txt"))
    pr = cProfile.Profile()
    extract_file(files[0])  # warm up models/regexes
    pr.enable()
    for f in files:  # what a worker does: extraction, N-Quads, the figures the progress relink reads
        figures_of(map_document(extract_file(f))[3] or [])
    pr.disable()
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(limit)
    return s.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", type=int, nargs="+", default=[10, 50, 100])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    ap.add_argument("--jobs1-scales", type=int, nargs="+", default=None,
                    help="Scales to run with --jobs 1 (default: all).")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--no-baseline", action="store_true", help="Skip the spaCy + pyvi baseline.")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    rows = []
    try:
        for scale in args.scales:
            corpus = tmp / f"x{scale}"
            t0 = time.perf_counter()
            n, size = make_corpus(corpus, scale)
            t_gen = time.perf_counter() - t0
            print(f"{scale}x: {n} documents, {size / 1e6:.1f} MB (generated in {t_gen:.1f} s)", flush=True)
            base = None if args.no_baseline else pyvi_baseline(corpus)
            if base is not None:
                print(f"  spaCy + pyvi: {base[0]:.1f} s (CPU {base[1]:.1f} s)", flush=True)
            for jobs in dict.fromkeys(args.jobs):
                if jobs == 1 and args.jobs1_scales is not None and scale not in args.jobs1_scales:
                    continue
                dt, rss, line, cpu = run_ingest_timed(corpus, tmp / "store", jobs)
                disk, logs = _disk(tmp / "store")
                mbs = size / 1e6 / dt
                row = {"scale": scale, "docs": n, "mb": size / 1e6, "jobs": jobs, "s": dt, "mbs": mbs, "mbs_core": mbs / jobs,
                           "docs_s": n / dt, "rss": rss, "line": line, "disk": disk, "logs": logs, "cpu": cpu,
                           "pyvi": base[0] if base else None, "pyvi_cpu": base[1] if base else None}
                rows.append(row)
                print(f"  --jobs {jobs}: {dt:.1f} s (CPU {cpu:.1f} s), {mbs:.3f} MB/s ({mbs / jobs:.3f} per core), "
                      f"{n / dt:.2f} docs/s, peak {rss:.0f} MB, disk {disk:.0f} MB ({logs:.0f} MB logs) · {line}", flush=True)
            if args.profile and scale == min(args.scales):
                prof = profile(corpus)
                print(prof)
                (HERE / "profile_ingest.txt").write_text(prof, encoding="utf-8")
            shutil.rmtree(corpus)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    text = report(rows, args)
    print(text)
    if not args.no_write:
        sys.path.insert(0, str(HERE))
        from bench_lineage import _append

        _append(HERE / "RESULTS.md", "ingest", text)


def report(rows, args) -> str:
    cpu = _cpu_name()
    lines = [
        f"### ingest throughput — {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"- machine: {platform.node()} · {cpu} · {os.cpu_count()} CPUs · Python {platform.python_version()}",
        (f"- command: `.venv/bin/python benchmarks/bench_ingest.py --scales {' '.join(map(str, args.scales))}`"
        f" (each run: `kg ingest CORPUS --store NEW --jobs J`, end to end incl. process start and store writes)"),
        f"- corpus: documents recombined from paragraphs of samples/corpus (seed 1234), Nx the sample's {len(list(SAMPLES.glob('*.txt')))} documents",
        "- peak memory: largest resident set among the command and its workers (wait4 ru_maxrss)",
        "",
        ("- spaCy + pyvi: `spacy.blank(\"vi\")` (pyvi word segmentation) over the same texts in a new process;"
        " × pyvi = its seconds / the ingest's (goal ≥ 2); CPU: user + system seconds of each command and its"
        " workers (less disturbed than the wall clock on a busy machine)"),
        f"- load average at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}",
        "",
        ("| scale | docs | MB | jobs | seconds | CPU s | MB/s | MB/s per core | docs/s | peak RSS MB | disk MB (logs) "
        "| spaCy + pyvi s (CPU s) | × pyvi |"),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        base = (f"{r['pyvi']:.1f} ({r['pyvi_cpu']:.1f}) | {r['pyvi'] / r['s']:.2f}" if r.get("pyvi")
                else "– | –")
        lines.append(f"| {r['scale']}x | {r['docs']} | {r['mb']:.1f} | {r['jobs']} | {r['s']:.1f} | {r['cpu']:.1f} | "
                     f"{r['mbs']:.3f} | "
                     f"{r['mbs_core']:.3f} | {r['docs_s']:.2f} | {r['rss']:.0f} | {r['disk']:.0f} ({r['logs']:.0f}) "
                     f"| {base} |")
    best = max((r["mbs_core"] for r in rows), default=0)
    lines += ["", f"Target ≥ 1 MB/s per core: {'met' if best >= 1 else 'NOT met'} (best {best:.3f} MB/s per core).",
              ""]
    return "\n".join(lines)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()

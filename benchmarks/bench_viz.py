"""Time to build the viewer page for a large subgraph (goal: < 2 s for 2,000 nodes).

    .venv/bin/python benchmarks/bench_viz.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_viz import synthetic

from kg.views.viz import build_html


def main() -> None:
    for n_nodes, n_edges in ((500, 1000), (2000, 4000), (5000, 10000)):
        net = synthetic(n_nodes, n_edges)
        build_html(net)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            page = build_html(net)
            times.append(time.perf_counter() - t0)
        print(f"{n_nodes} nodes, {n_edges} edges: median {statistics.median(times):.3f} s, "
              f"page {len(page) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

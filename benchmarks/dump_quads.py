"""Dump the quads extracted from documents as sorted N-Quads (without the ingestion timestamp), to check that a
change to the extraction code leaves its output identical:

    .venv/bin/python benchmarks/dump_quads.py OUT.nq PATH... ; diff before.nq after.nq

Each PATH is a file or a directory (its document files, recursive). Runs in-process: extract_file + to_quads.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.pipeline import extract_file
from kg.graph.rdfmap import to_quads
from kg.ingest import expand


def main() -> None:
    out, paths = Path(sys.argv[1]), sys.argv[2:]
    lines: list[str] = []
    for f in expand(paths):
        _graph, quads = to_quads(extract_file(f))
        lines += (f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in quads
                  if not str(q.predicate).endswith("ingestedAt>"))
    out.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"{len(lines)} quads -> {out}")


if __name__ == "__main__":
    main()

"""Ingest documents: extract, map to RDF, replace each document's named graph, recompute cross-document links."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .rdfmap import RESOLUTION_UPDATE
from .read import SUFFIXES, ReadError


@dataclass
class IngestReport:
    documents: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    bytes: int = 0


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the document files inside directories named (sorted, recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES - {""}
                          and not f.name.startswith("."))
        else:
            out.append(p)
    return out


def _extract_one(path: str):
    """Worker: file -> (graph IRI, N-Quads lines, size) or (None, error, 0). Runs in a subprocess for --jobs."""
    from .extract import extract_file
    from .rdfmap import to_quads

    try:
        ex = extract_file(path)
    except ReadError as e:
        return None, str(e), 0
    graph, quads = to_quads(ex)
    return graph, quads, os.path.getsize(path)


def _extract_pickled(path: str):
    from .store import ntriples

    graph, quads, size = _extract_one(path)
    if graph is None:
        return graph, quads, size
    # pyoxigraph terms do not pickle: ship the triples as N-Triples text, written to the store as they are
    return graph, (ntriples(quads), len(quads)), size


def ingest(paths: Iterable[str | Path], store, jobs: int = 1,
           progress: Callable[[int, int, str], None] | None = None) -> IngestReport:
    files = expand(paths)
    report = IngestReport()
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(_extract_pickled, [str(f) for f in files], chunksize=4)
            for i, (f, (graph, payload, size)) in enumerate(zip(files, results), 1):
                if graph is None:
                    report.failed.append((str(f), payload))
                else:
                    body, n = payload
                    store.replace_graph(graph, body)
                    report.documents += 1
                    report.triples += n
                    report.bytes += size
                if progress:
                    progress(i, len(files), str(f))
    else:
        for i, f in enumerate(files, 1):
            graph, quads, size = _extract_one(str(f))
            if graph is None:
                report.failed.append((str(f), quads))
            else:
                store.replace_graph(graph, quads)
                report.documents += 1
                report.triples += len(quads)
                report.bytes += size
            if progress:
                progress(i, len(files), str(f))
    if report.documents:
        store.update(RESOLUTION_UPDATE)
    store.flush()
    return report

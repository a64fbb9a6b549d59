"""Ingest documents: extract, map to RDF, replace each document's named graph, recompute cross-document links.

One bad file never stops the others: every failure becomes one line in the report and the run goes on.
Every few documents the store is flushed (bounded memory, bounded write-ahead logs) and the derived graph
recomputed, so a killed ingest leaves a readable store whose derived graph is present.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .extract.read import SUFFIXES, ReadError
from .graph.rdfmap import RESOLUTION_PRESENT, RESOLUTION_UPDATE
from .graph.store import StoreError
from .graph.vocab import KGO

CHECKPOINT_EVERY = 25  # documents between flushes of the store (and recomputations of the derived graph)
AHEAD = 10  # documents per worker extracted ahead of the writer (N-Quads, ~1 MB each): enough for a checkpoint's write
WORKER_NICE = 10  # the workers' niceness: the writing process comes first
BATCH_QUADS = 250_000
FIGURES_IN_MEMORY = 20_000  # at most this many figures (~3 KB each) held for the progress relink
EXTRACT_PER_WRITE = 4  # a document takes about four times as long to extract as to write (CPU seconds)  # at most this many quads of new documents wait in memory for the bulk loader

COUNT_FIGURES = f"""PREFIX kgo: <{KGO._NS}>
SELECT (COUNT(?q) AS ?n) WHERE {{ GRAPH ?g {{ VALUES ?c {{ kgo:Target kgo:Result }} ?q a ?c }} }}"""
SAME_CONTENT = f"""PREFIX kgo: <{KGO._NS}>
SELECT DISTINCT ?source WHERE {{ VALUES ?h {{ %s }} GRAPH ?g {{ ?d kgo:sha256 ?h ; kgo:source ?source }} }}"""


@dataclass
class IngestReport:
    documents: int = 0
    triples: int = 0  # distinct triples written (summed over documents)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why: same content as a stored file)
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


def _one_line(path: str, e: BaseException) -> str:
    first = next((line.strip() for line in str(e).splitlines() if line.strip()), "")
    return f"{path}: cannot extract ({e.__class__.__name__}{': ' + first[:200] if first else ''})"


def _extract_one(path: str):
    """Worker: file -> (graph IRI, (N-Quads, quads, figures), size) or (None, one-line error, 0). Never raises.

    The N-Quads are what the store's bulk loader reads as they are (and pickle, unlike pyoxigraph terms).
    The figures are the document's targets and results as the progress relink reads them (None when only
    the store can tell them): the writer relinks the run's documents without reading them back."""
    try:
        from .extract.pipeline import extract_file
        from .graph.progress import figures_of
        from .graph.rdfmap import map_document
        from .graph.store import NQuads

        ex = extract_file(path)
        graph, text, n, rows = map_document(ex)
        figures = None if rows is None else figures_of(rows)
    except ReadError as e:
        return None, str(e), 0
    except RecursionError as e:
        return None, _one_line(path, e), 0
    except MemoryError:
        return None, f"{path}: cannot extract (out of memory)", 0
    except Exception as e:  # noqa: BLE001 - a bug on one input must not abandon the other files
        return None, _one_line(path, e), 0
    return graph, (NQuads(text.encode("utf-8")), n, figures), os.path.getsize(path)


def _worker_start(parent: int) -> None:
    """Worker start: end with the process that started it, and yield the CPU to it.

    A writer killed outright (SIGKILL) cannot stop its workers, and they would wait for work forever; on Linux
    the kernel signals them when it dies. The writer is the pipeline's one serial stage: when it shares a core
    with the workers it should win, or its writes pile up until the extractions are over and a core idles."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
    try:
        os.nice(WORKER_NICE)
    except OSError:
        pass


def _extracted(files: list[Path], jobs: int) -> Iterator[tuple[Path, tuple]]:
    """(file, (graph, payload, size)) in order; with jobs > 1 extracted by worker processes, at most
    AHEAD x jobs documents ahead of the writer: enough that the workers keep extracting while the writer
    stores a batch and recomputes the derived graphs (as long as a few extractions), few enough that
    finished extractions do not pile up in memory."""
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield f, _extract_one(str(f))
        return
    # the workers are forked from a process that has loaded the pipeline once, instead of each loading it
    # (on Linux; elsewhere forking is unsafe or unavailable and each worker loads its own)
    fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    if fork:
        from .extract.pipeline import warm_up
        from .graph.progress import figures_of
        from .graph.rdfmap import map_document

        figures_of(map_document(warm_up())[3] or [])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork") if fork else None,
                             initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        pending: deque = deque()
        todo = iter(files)
        while True:
            while len(pending) < AHEAD * jobs:
                f = next(todo, None)
                if f is None:
                    break
                pending.append((f, pool.submit(_extract_one, str(f))))
            if not pending:
                return
            f, fut = pending.popleft()
            try:
                yield f, fut.result()
            except Exception as e:  # noqa: BLE001 - a worker that died (killed, out of memory)
                yield f, (None, f"{f}: extraction worker failed ({e.__class__.__name__})", 0)


MAX_DEFAULT_JOBS = 4  # each worker holds the pipeline (~150 MB, mostly shared with the process it was forked from)


def default_jobs() -> int:
    """The workers of `kg ingest` when none are asked for: one per CPU this process may run on, at most
    MAX_DEFAULT_JOBS; one where workers cannot be forked from a process that has loaded the pipeline (each
    would load its own, ~1 s)."""
    if not (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()):
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


def _sha256(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None  # the reader reports it
    return h.hexdigest()


def _stored_under(store, digest: str) -> list[str]:
    r = store.query(SAME_CONTENT % ox.Literal(digest))  # an N-Triples literal of hex digits
    return [row[0].value for row in r.rows if row[0] is not None]


def _same(f: Path, other: str) -> str:
    return f"{f}: same content as {other}, already in the store; skipped (--force stores it anyway)"


def _checkpoint(store, progress: bool = True, figures=None, links: str | None = None) -> None:
    recompute_derived(store, progress, figures, links)
    store.flush()


def recompute_derived(store, progress: bool = True, figures=None, links: str | None = None) -> None:
    """Rewrite the graphs derived across documents (identity candidates, progress links).

    Progress links join every figure of the store (`figures`: all of them, when the caller knows them; else
    they are read from the store; `links`: the progress graph itself, already computed from them), so a long
    ingest relinks them at its first checkpoint (the graph exists early, should the run be killed) and at its
    end, not at every checkpoint between."""
    store.update(RESOLUTION_UPDATE)
    if progress:
        from .graph.progress import recompute, write_links

        if links is not None:
            write_links(store, links)
        else:
            recompute(store, figures)


def remove(sources: Iterable[str], store) -> int:
    """Drop the named graphs of these source files (base names) and recompute the derived graphs."""
    from .graph.rdfmap import graph_iri

    known = set(store.graphs())
    gone = [graph_iri(Path(s).name) for s in sources if graph_iri(Path(s).name) in known]
    for g in gone:
        store.update(f"DROP SILENT GRAPH <{g}>")
    if gone:
        recompute_derived(store)
    store.flush()
    return len(gone)


def derived_missing(store) -> bool:
    """True when the store holds documents but not the derived graph (an ingest killed early)."""
    return bool(store.graphs()) and not store.query(RESOLUTION_PRESENT).boolean


def ingest(paths: Iterable[str | Path], store, jobs: int = 1,
           progress: Callable[[int, int, str], None] | None = None, force: bool = False,
           checkpoint_every: int = CHECKPOINT_EVERY) -> IngestReport:
    """Store every readable document of `paths`; a file whose content is already stored under another
    name is skipped unless `force`. Failures and skips are listed in the report, never raised."""
    files = expand(paths)
    report = IngestReport()
    digests: dict[Path, str | None] = {}
    todo: list[Path] = []
    for f in files:
        digest = digests[f] = _sha256(f)
        if digest and not force:
            others = [s for s in _stored_under(store, digest) if s != f.name]
            if others:
                report.skipped.append((str(f), _same(f, others[0])))
                continue
        todo.append(f)
    w = _Writer(store, report, checkpoint_every, len(todo), jobs=jobs)
    written: dict[str, str] = {}  # sha256 -> name, of the files stored by this run
    for i, (f, (graph, payload, size)) in enumerate(_extracted(todo, jobs), 1):
        digest = digests[f]
        if graph is None:
            report.failed.append((str(f), payload))
        elif digest in written and written[digest] != f.name and not force:
            report.skipped.append((str(f), _same(f, written[digest])))
        else:
            w.write(f, graph, payload, size, left=len(todo) - i)
            if digest:
                written.setdefault(digest, f.name)
        if progress:
            progress(i, len(todo), str(f))
    w.finish()
    return report


class _Writer:
    """Writes extracted documents; new ones in bulk, replacements one transaction each.

    A document new to the store waits in a batch, written with the store's bulk loader at the next
    checkpoint: the first document of a run longer than `every` documents, then every `every` documents or
    BATCH_QUADS quads, and the end of the run. A document that
    replaces a stored graph is a DROP + INSERT in one transaction, as before.

    Progress links are relinked at the first checkpoint only when the run is longer than `every`
    documents (`total`): a shorter run reaches its final checkpoint, which relinks them, soon after.
    They are relinked from the figures of the documents this run wrote, as their mapper stated them, and
    those of the store's other documents, read once before the run's first write.
    With `jobs` workers, a long run also checkpoints when the documents left take the workers about as long
    to extract as the batch takes to write: that write ends with the last extraction, and what is written
    after it is the few documents left, not a whole batch.
    """

    def __init__(self, store, report: IngestReport, every: int, total: int | None = None, jobs: int = 1) -> None:
        self.store, self.report, self.every = store, report, every
        self.long = total is None or total > every
        self.jobs = jobs if self.long else 1
        self.stretched = False  # the checkpoint before the run's last stretch is done
        self.stored = set(store.graphs())
        self.batch: list[tuple] = []  # (file, graph, body, triples, size, figures)
        self.batch_quads = 0
        self.since: int | None = None  # documents since the last checkpoint (None: none yet)
        self.checkpoints = 0
        self.linked = True  # the progress graph reflects every checkpoint so far
        self.pending = False  # documents written or batched since the last checkpoint
        self.written: dict[str, object] = {}  # graph -> its figures, of the documents this run wrote
        self.others: dict[str, object] | None = None  # graph -> figures, of the store before this run
        self.held = 0  # figures held for the relink: the store's others, the run's
        self.paged = False  # too many to hold: the relink reads them from the store, a page at a time

    def write(self, f: Path, graph: str, payload, size: int, left: int | None = None) -> None:
        """Store one document (now, or in the batch); `left`: documents of the run still to come."""
        body, n, figures = payload
        self._read_others()
        figures = self._hold(figures)
        if graph in self.stored:
            if any(g == graph for _, g, *_ in self.batch):  # the same name twice in one run
                self._write_batch()
            try:
                self.store.replace_graph(graph, body)
            except StoreError as e:
                self.report.failed.append((str(f), f"{f}: {e}"))
                return
            self._done(graph, figures, n, size)
        else:
            self.batch.append((f, graph, body, n, size, figures))
            self.batch_quads += n
            self.stored.add(graph)
        self.pending = True
        self.since = 0 if self.since is None else self.since + 1
        # a long run stores its first document at once (the graphs exist early, should it be killed); a short
        # one writes everything at its end: a run killed before then leaves the store as it was
        # with workers, once: the documents left take about as long to extract as the batch takes to write
        stretch = (self.jobs > 1 and not self.stretched and bool(left)
                   and EXTRACT_PER_WRITE * left <= self.since * self.jobs)
        if (self.since == 0 and self.long) or self.since >= self.every or self.batch_quads >= BATCH_QUADS or stretch:
            self.stretched = self.stretched or stretch
            self.checkpoint()

    def _done(self, graph: str, figures, n: int, size: int) -> None:
        self.written[graph] = figures
        self.report.documents += 1
        self.report.triples += n
        self.report.bytes += size

    def _write_batch(self, whole: bool = False) -> None:
        if not self.batch:
            return
        batch, self.batch, self.batch_quads = self.batch, [], 0
        try:
            self.store.add_graphs([(g, body) for _, g, body, *_ in batch], whole=whole)
        except StoreError as e:
            for f, g, *_ in batch:
                self.report.failed.append((str(f), f"{f}: {e}"))
                self.stored.discard(g)
            return
        for _, g, _, n, size, figures in batch:
            self._done(g, figures, n, size)

    def _read_others(self) -> None:
        """The figures of the documents in the store, read once before this run writes any (unless there are
        too many to hold)."""
        if self.others is None:
            from .graph.progress import read_figures

            self.others = {}
            if self.stored:
                r = self.store.query(COUNT_FIGURES)
                if r.rows and int(r.rows[0][0].value) > FIGURES_IN_MEMORY:
                    self._page()
                else:
                    self.others = read_figures(self.store)
                    self.held = sum(len(t) + len(r) for t, r in self.others.values())

    def _hold(self, figures):
        """A document's figures as the relink will hold them: None once the run holds too many."""
        if figures is not None and not self.paged:
            self.held += len(figures[0]) + len(figures[1])
            if self.held > FIGURES_IN_MEMORY:
                self._page()
        return None if self.paged else figures

    def _page(self) -> None:
        """From now on the relink reads the figures from the store a page at a time (`progress.recompute`),
        so that memory does not grow with the run: the figures held so far are let go."""
        self.paged = True
        self.others = {}
        self.written = dict.fromkeys(self.written)
        self.batch = [(*b[:5], None) for b in self.batch]

    def _figures(self, batch: dict | None = None):
        """Every figure of the store once this run's documents (and `batch`: graph -> figures) are written;
        None when some document's figures are only known to the store (then the relink reads them all)."""
        from .graph.progress import merge_figures

        written = {**self.written, **(batch or {})}  # a copy: a writing thread may add to self.written
        if any(f is None for f in written.values()):
            return None
        self._read_others()
        return merge_figures([f for g, f in self.others.items() if g not in written] + list(written.values()))

    def checkpoint(self, final: bool = False) -> None:
        self.linked = final or (not self.checkpoints and self.long)
        links = None
        if self.linked:
            links = self._write_batch_linking()
        else:
            self._write_batch()
        figures = self._figures() if self.linked and links is None else None
        _checkpoint(self.store, progress=self.linked, figures=figures, links=links)
        self.checkpoints += 1
        self.since = 0
        self.pending = False

    def _write_batch_linking(self) -> str | None:
        """Write the batch while the progress links of every figure, the batch's included, are computed: the
        bulk loader runs without the interpreter's lock, on a core the workers have left at the end of a run.
        The progress graph (`progress.links_body`), or None when it has to be computed after the write (a
        document's figures only the store knows, a failed write)."""
        from .graph.progress import links_body

        batch = {g: figures for _, g, *_, figures in self.batch}
        figures = self._figures(batch) if batch else None
        if figures is None:
            self._write_batch()
            return None
        with ThreadPoolExecutor(max_workers=1) as pool:
            done = pool.submit(self._write_batch, whole=True)
            body, _ = links_body(figures)
            done.result()
        return body if all(g in self.written for g in batch) else None

    def finish(self) -> None:
        if self.pending or derived_missing(self.store) or not self.linked:
            self.checkpoint(final=True)
        else:
            self.store.flush()

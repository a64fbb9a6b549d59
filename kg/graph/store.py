"""Where the graph lives: an embedded on-disk Oxigraph store, or any SPARQL 1.1 server.

Both offer the same operations: replace one document's named graph in one transaction, run a query with
parameters bound as RDF terms, run an update, dump, count. Parameters are never spliced into query text:
locally they are Oxigraph substitutions, remotely a VALUES block of serialised RDF terms.
"""
from __future__ import annotations

import gc
import io
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


class StoreError(Exception):
    """A store that cannot be opened, read or written."""


@dataclass
class Results:
    """SELECT results: variable names and rows of pyoxigraph terms (None where unbound); or a boolean (ASK)."""

    variables: list[str]
    rows: list[list[object]]
    boolean: bool | None = None


def iri(value: str) -> ox.NamedNode:
    """An IRI given by a user, checked before it reaches a query: one-line error instead of a traceback."""
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise StoreError(f"not a valid IRI: {value[:80]!r} ({e})") from None


def ntriples(quads: Iterable[ox.Quad]) -> str:
    """The quads' triples as N-Triples lines (no final newline)."""
    quads = quads if isinstance(quads, list) else list(quads)
    graphs = {q.graph_name for q in quads}
    if len(graphs) == 1:  # one graph (a document's): Oxigraph's serialiser, its graph name taken off each line
        g = graphs.pop()
        text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
        if not isinstance(g, ox.DefaultGraph):  # no raw newline inside a term: " <g> .\n" only ends a line
            text = text.replace(f" {g} .\n", " .\n")
        return text.rstrip("\n")
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


class NQuads(bytes):
    """One document's quads as N-Quads lines in UTF-8, each ending in its graph's name, as Oxigraph's serialiser
    writes them (`rdfmap.map_document`): what the bulk loader reads as it is; an update takes the name off each
    line. Bytes, not text: an extraction worker encodes them once, and they cross to the writing process and
    into the loader without being decoded and encoded again."""


Body = list[ox.Quad] | str | NQuads  # a graph's quads, its triples as N-Triples lines, or its N-Quads


def _triples(graph: str, body: Body) -> str:
    """A graph's body as N-Triples lines (no final newline)."""
    if isinstance(body, NQuads):  # no raw newline inside a term: " <g> .\n" only ends a line
        return body.decode("utf-8").replace(f" <{graph}> .\n", " .\n").rstrip("\n")
    return body if isinstance(body, str) else ntriples(body)


def _is_text(body: Body) -> bool:
    return isinstance(body, (str, NQuads))


def _nquads_parts(graphs: list[tuple[str, str | NQuads]]) -> Iterator[bytes]:
    """N-Quads and N-Triples bodies as UTF-8 N-Quads: each N-Triples line ends ' .', and no literal holds a
    raw newline."""
    return (body if isinstance(body, NQuads) else (body + "\n").replace(" .\n", f" <{g}> .\n").encode("utf-8")
            for g, body in graphs if body)


class _Reader(io.RawIOBase):
    """Byte strings read one after the other as one stream: the bulk loader reads a batch of documents without
    the batch being copied into one piece first."""

    def __init__(self, parts: Iterable[bytes]) -> None:
        self._parts = iter(parts)
        self._buf = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            part = next(self._parts, None)
            if part is None:
                return 0
            self._buf = memoryview(part)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _quads_of(graph: str, body: Body) -> Iterable[ox.Quad]:
    if not _is_text(body):
        return body
    g = ox.NamedNode(graph)
    return (ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(_triples(graph, body), format=ox.RdfFormat.N_TRIPLES))


def _replace_update(graph: str, quads: Body) -> str:
    g = f"<{graph}>"
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{_triples(graph, quads)}\n}} }}"


def _values_clause(bindings: dict[str, object]) -> str:
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())  # N-Triples serialisation of each RDF term
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def _locked(e: OSError) -> bool:
    """RocksDB's message when another process holds the store's LOCK file."""
    return "lock" in str(e).lower()


def query_oxigraph(store: ox.Store, sparql: str, bindings: dict[str, object] | None = None) -> Results:
    """Run a query on a pyoxigraph store, parameters bound as substitutions."""
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        r = store.query(sparql, substitutions=subs or None)
    except SyntaxError as e:
        raise StoreError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
    if isinstance(r, ox.QueryBoolean):
        return Results([], [], bool(r))
    if isinstance(r, ox.QuerySolutions):
        names = [v.value for v in r.variables]
        return Results(names, [list(sol) for sol in r])  # a solution iterates over its values in variable order
    # CONSTRUCT / DESCRIBE
    rows = [[t.subject, t.predicate, t.object] for t in r]
    return Results(["subject", "predicate", "object"], rows)


class LocalStore:
    def __init__(self, path: str | Path, read_only: bool = False, wait: float = 0.0,
                 on_wait: Callable[[str], None] | None = None) -> None:
        """Open (or create) the store. A writer finding the store locked by another writer retries for up
        to `wait` seconds, telling `on_wait` once, instead of failing at once."""
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not (self.path.exists() and any(self.path.iterdir())):
                    raise StoreError(f"{self.path}: no store here (run `kg ingest ... --store {self.path}` first)")
                self._s = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._s = self._open_writer(wait, on_wait)
        except (OSError, RuntimeError) as e:  # RuntimeError: a store still being created by its writer
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None

    def _open_writer(self, wait: float, on_wait) -> ox.Store:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                return ox.Store(str(self.path))
            except OSError as e:
                if not _locked(e):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: the store is in use by another writer"
                                     f"{f' (waited {wait:.0f} s)' if wait else ''}; try again later") from None
                if on_wait and not told:
                    on_wait(f"{self.path}: the store is in use by another writer; waiting up to {wait:.0f} s")
                    told = True
                time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))

    def replace_graph(self, graph: str, quads: Body) -> None:
        """Drop and refill one named graph in a single transaction: all or nothing.

        `quads` are pyoxigraph quads, or their triples already serialised as N-Triples lines.
        """
        try:
            self._s.update(_replace_update(graph, quads))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"writing graph {graph} failed: {e}") from None

    def add_graphs(self, graphs: list[tuple[str, Body]], whole: bool = False) -> None:
        """Write named graphs new to the store with the bulk loader (several times faster than
        transactions; only for graphs not in the store, which it would merge into, not replace).

        Each entry is (graph IRI, its quads) or (graph IRI, its triples as N-Triples lines, or its `NQuads`).
        Text is loaded leniently (IRIs not checked again): it comes from Oxigraph's own serialiser, whose terms
        were checked when they were built. `whole`: the text is encoded in one piece first instead of streamed,
        so that the loader, which runs without the interpreter's lock, never waits for it (a thread that computes
        meanwhile would make every streamed read wait for its turn).
        """
        try:
            if all(_is_text(body) for _, body in graphs):
                source = b"".join(_nquads_parts(graphs)) if whole else _Reader(_nquads_parts(graphs))
                self._s.bulk_load(source, format=ox.RdfFormat.N_QUADS, lenient=True)
            else:
                self._s.bulk_extend([q for g, body in graphs for q in _quads_of(g, body)])
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"writing {len(graphs)} new graph(s) failed: {e}") from None

    def update(self, sparql: str) -> None:
        self._s.update(sparql)

    def _read(self, op: Callable[[ox.Store], object]):
        """Run a read; a reader beside a live writer may find a file the writer compacted away since it opened:
        it opens a fresh view once and reads again."""
        try:
            return op(self._s)
        except OSError:
            if not self.read_only:
                raise
            self._s = ox.Store.read_only(str(self.path))
            return op(self._s)

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> Results:
        return self._read(lambda s: query_oxigraph(s, sparql, bindings))

    def select_rows(self, sparql: str) -> tuple[list[str], Iterator[list[object]]]:
        """A SELECT's variables and its rows as the store yields them (not held together)."""
        r = self._read(lambda s: s.query(sparql))
        return [v.value for v in r.variables], (list(sol) for sol in r)

    def graphs(self) -> list[str]:
        return self._read(lambda s: [g.value for g in s.named_graphs()])

    def graph_counts(self) -> list[tuple[str, int]]:
        """(graph IRI, triples) per named graph."""
        r = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return [(g.value, int(n.value)) for g, n in r.rows]

    def __len__(self) -> int:
        return self._read(len)

    def dump(self, fmt: ox.RdfFormat, graph: str | None = None) -> bytes:
        if graph:
            return self._read(lambda s: s.dump(format=fmt, from_graph=ox.NamedNode(graph)))
        return self._read(lambda s: s.dump(format=fmt))

    def flush(self) -> None:
        self._s.flush()

    def close(self) -> None:
        """Flush, release the lock, and leave no write-ahead logs behind.

        RocksDB keeps the logs of flushed writes until the store is opened again, so a writer reopens it
        once (when no other writer has taken it meanwhile) to let them be deleted.
        """
        if self._s is None:
            return
        if self.read_only:
            self._s = None
            return
        self._s.flush()
        self._s = None  # the lock is released when the store object is freed: at once, unless a cycle holds it
        for attempt in (1, 2):
            try:
                ox.Store(str(self.path)).flush()  # a temporary: freed (and unlocked) as soon as it returns
                return
            except OSError:
                if attempt == 2:
                    return  # another writer has it: the logs go when that one closes
                gc.collect()  # a full collection costs ~50 ms with the NLP pipeline loaded: only when needed


PROJECT_GRAPHS = "https://w3id.org/kg-vn/graph/"  # vocab.BASE + "graph/": every graph kg writes (rdfmap)
INSERT_CHUNK = 500  # triples per INSERT DATA (some servers refuse one of ~1,000 or more)
REQUEST_TRIPLES = 20_000  # triples per update request (a larger document takes several: not atomic)
PAGE = 5_000  # rows per page of a dump or a listing (below servers' usual result caps)


def _chunked_replace(graph: str, body: str) -> list[str]:
    """DROP + INSERT DATA of at most INSERT_CHUNK triples each, grouped in requests of REQUEST_TRIPLES:
    one request (atomic where the server runs a request as a transaction) for all but the largest graphs."""
    g = f"<{graph}>"
    lines = [x for x in body.split("\n") if x.strip()]
    inserts = [f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines[i:i + INSERT_CHUNK]) + "\n} }"
               for i in range(0, len(lines), INSERT_CHUNK)]
    per = max(1, REQUEST_TRIPLES // INSERT_CHUNK)
    requests = [" ;\n".join(inserts[i:i + per]) for i in range(0, len(inserts), per)] or [""]
    requests[0] = f"DROP SILENT GRAPH {g}" + (" ;\n" + requests[0] if requests[0] else "")
    return requests


def _own_graphs(var: str = "g") -> str:
    return f'FILTER (STRSTARTS(STR(?{var}), "{PROJECT_GRAPHS}"))'


class RemoteStore:
    """A SPARQL 1.1 server (Oxigraph, Virtuoso, Fuseki...): protocol requests form-encoded (the one body every
    server accepts), documents written in chunks of INSERT DATA, counts and dumps limited to the project's own
    graphs (servers keep system graphs) and paged, a result cut by the server's row cap an error, not an answer.
    """

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout: float = 60.0) -> None:
        self.endpoint = endpoint
        # Oxigraph and Fuseki: /query and /update; Virtuoso: /sparql for both
        self.update_endpoint = update_endpoint or re.sub(r"/query/?$", "/update", endpoint)
        self.timeout = timeout

    def _post(self, url: str, field: str, text: str, accept: str | None = None) -> tuple[bytes, dict]:
        import urllib.error  # here, not at the top: only a remote store needs the HTTP client (~20 ms to load)
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({field: text}).encode("ascii")
        req = urllib.request.Request(url, data=body, method="POST")
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
        if accept:
            req.add_header("Accept", accept)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read(), dict(resp.headers.items())
        except urllib.error.HTTPError as e:
            detail = [x for x in e.read().decode("utf-8", "replace").strip().splitlines() if x.strip()]
            raise StoreError(f"{url}: HTTP {e.code} {detail[0][:200] if detail else ''}") from None
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"{url}: cannot reach the SPARQL server ({getattr(e, 'reason', e)})") from None

    def replace_graph(self, graph: str, quads: Body) -> None:
        for request in _chunked_replace(graph, _triples(graph, quads)):
            self.update(request)

    def add_graphs(self, graphs: list[tuple[str, Body]], whole: bool = False) -> None:
        for graph, body in graphs:
            self.replace_graph(graph, body)

    def update(self, sparql: str) -> None:
        self._post(self.update_endpoint, "update", sparql)

    def select_rows(self, sparql: str) -> tuple[list[str], Iterator[list[object]]]:
        r = self.query(sparql)
        return r.variables, iter(r.rows)

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> Results:
        if bindings:
            sparql = sparql.rstrip() + _values_clause(bindings)
        is_graph = bool(re.match(r"(?is)^\s*(?:(?:PREFIX|BASE)[^\n]*\n\s*|#[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b", sparql))
        if is_graph:
            data, headers = self._post(self.endpoint, "query", sparql, "application/n-triples, text/turtle;q=0.5")
            fmt = ox.RdfFormat.TURTLE if "turtle" in _header(headers, "content-type") else ox.RdfFormat.N_TRIPLES
            triples = list(ox.parse(data, format=fmt))
            self._check_cap(headers, len(triples))
            return Results(["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in triples])
        data, headers = self._post(self.endpoint, "query", sparql, "application/sparql-results+json")
        doc = json.loads(data)
        if "boolean" in doc:
            return Results([], [], bool(doc["boolean"]))
        names = doc["head"].get("vars", [])
        rows = [[_term(b.get(n)) for n in names] for b in doc["results"]["bindings"]]
        self._check_cap(headers, len(rows))
        return Results(names, rows)

    def _check_cap(self, headers: dict, n: int) -> None:
        """Virtuoso cuts every answer at its ResultSetMaxRows and says so only in a header."""
        cap = _header(headers, "x-sparql-maxrows")
        if cap.isdigit() and n >= int(cap):
            raise StoreError(f"{self.endpoint}: the server cut the answer at {cap} rows (its result cap); "
                             "ask for less (a narrower query, or LIMIT/OFFSET below the cap)")

    def _paged(self, select: str, order: str) -> Iterable[list[object]]:
        """Every row of `select` (a SELECT without modifiers), PAGE rows per request in a total order (`order`:
        every variable it projects). The ordered query is a subquery so servers that cap sorted OFFSETs
        (Virtuoso) still page."""
        offset = 0
        while True:
            r = self.query(f"SELECT {order} WHERE {{ {{ {select} ORDER BY {order} }} }} LIMIT {PAGE} OFFSET {offset}")
            yield from r.rows
            if len(r.rows) < PAGE:
                return
            offset += PAGE

    def graphs(self) -> list[str]:
        return [row[0].value for row in
                self._paged(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graphs()} }}", "?g")]

    def graph_counts(self) -> list[tuple[str, int]]:
        r = self.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graphs()} }} GROUP BY ?g")
        return [(g.value, int(n.value)) for g, n in r.rows]

    def __len__(self) -> int:
        r = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graphs()} }}")
        return int(r.rows[0][0].value)

    def dump(self, fmt: ox.RdfFormat, graph: str | None = None) -> bytes:
        quads: list[ox.Quad] = []
        for g in [graph] if graph else sorted(self.graphs()):
            gn = ox.NamedNode(g)
            quads += [ox.Quad(s, p, o, gn) for s, p, o in
                      self._paged(f"SELECT ?s ?p ?o WHERE {{ GRAPH {gn} {{ ?s ?p ?o }} }}", "?s ?p ?o")]
        if fmt.supports_datasets:
            return ox.serialize(quads, format=fmt)
        return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=fmt)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _header(headers: dict, name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name), "").strip().lower()


XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _term(b: dict | None):
    if b is None:
        return None
    t = b["type"]
    if t == "uri":
        return ox.NamedNode(b["value"])
    if t == "bnode":  # servers' own labels (Virtuoso: nodeID://b1) made valid, the same label for the same node
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", b["value"]))
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    if "datatype" in b:
        value = b["value"]
        if b["datatype"] == XSD_BOOLEAN:  # Virtuoso writes 1 and 0: the same values, the canonical forms
            value = {"1": "true", "0": "false"}.get(value, value)
        return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(b["value"])


def open_store(store: str | Path | None = None, endpoint: str | None = None, update_endpoint: str | None = None,
               read_only: bool = False, wait: float = 0.0, on_wait: Callable[[str], None] | None = None):
    if endpoint:
        return RemoteStore(endpoint, update_endpoint)
    if store is None:
        raise StoreError("give --store DIR or --endpoint URL")
    return LocalStore(store, read_only=read_only, wait=wait, on_wait=on_wait)

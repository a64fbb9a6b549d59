"""`kg serve`: one store, read-only, over HTTP.

Routes:
  /query (and /sparql)  the SPARQL 1.1 protocol: GET ?query=, POST form-encoded or application/sparql-query;
                        results as JSON, CSV, TSV or XML by the Accept header (or ?format=json|csv|tsv|xml);
                        CONSTRUCT/DESCRIBE as Turtle, N-Triples or RDF/XML. The default graph is the union of
                        all named graphs (each document has its own) unless default-graph-uri is given.
  /update               refused (403): the server never writes.
  /                     the query page: the named queries (queries/*.rq) in a list, the prefixes filled in.
  /viz                  the viewer (kg/views/viz.py) of the whole graph; /viz?focus=REF around one node
                        (&depth=, &types=, &limit=, &source=, &layout= as `kg viz` takes them).

Oxigraph's own `serve-read-only` answers the protocol the same way (same engine) but cannot add the query
page with the project's queries or the viewer, so the engine is used in-process (pyoxigraph) behind the
standard library's threaded HTTP server. Queries run in the server's threads; nothing is fetched from the
network by the pages.

A read-only store sees the store as it was when opened, so the server reopens it when the store's files
have changed (an ingest since), checked at most every few seconds.
"""
from __future__ import annotations

import os
import re
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from ..graph.store import StoreError, query_oxigraph
from .serve_page import query_page

RESULT_TYPES = {  # media type -> pyoxigraph results format
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD if hasattr(ox.RdfFormat, "JSON_LD") else ox.RdfFormat.N_TRIPLES,
}
SHORT = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
         "xml": "application/sparql-results+xml", "ttl": "text/turtle", "nt": "application/n-triples"}
MAX_BODY = 10 * 1024 * 1024  # a query text larger than this is refused
RECHECK_SECONDS = 2.0


class ReadOnlyStore:
    """A read-only pyoxigraph store, reopened when the files under it change (a writer has written)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not (self.path.is_dir() and any(self.path.iterdir())):
            raise StoreError(f"{self.path}: no store here (run `kg ingest ... --store {self.path}` first)")
        self._lock = threading.Lock()
        self._checked = 0.0
        self._sig = self._signature()
        self._store = self._open()

    def _signature(self) -> tuple:
        try:
            return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path)
                                if e.is_file()))
        except OSError:
            return ()

    def _open(self) -> ox.Store:
        try:
            return ox.Store.read_only(str(self.path))
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None

    def get(self) -> ox.Store:
        now = time.monotonic()
        if now - self._checked < RECHECK_SECONDS:
            return self._store
        with self._lock:
            if now - self._checked >= RECHECK_SECONDS:
                self._checked = now
                sig = self._signature()
                if sig != self._sig:
                    try:
                        self._store, self._sig = self._open(), sig
                    except StoreError:
                        pass  # mid-write: keep the last good view, try again later
        return self._store


class LocalView:
    """What kg/views/network.py and kg/views/viz.py need of a store (`query`), over the served read-only store."""

    def __init__(self, ro: ReadOnlyStore) -> None:
        self._ro = ro

    def query(self, sparql: str, bindings: dict | None = None):
        return query_oxigraph(self._ro.get(), sparql, bindings)


def negotiate(accept: str, offered: dict, fmt: str | None = None) -> str | None:
    """The offered media type the client prefers (q-values honoured; */* and type/* match), or None."""
    if fmt:
        mt = SHORT.get(fmt.lower(), fmt)
        return mt if mt in offered else None
    if not accept.strip():
        return next(iter(offered))
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        mt, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if mt == "*/*" or mt.endswith("/*"):
            cand = next((o for o in offered if mt == "*/*" or o.startswith(mt[:-1])), None)
            q -= 0.0001  # an exact type at the same q wins over a wildcard
        else:
            cand = mt if mt in offered else None
        if cand and q > best_q:
            best, best_q = cand, q
    return best


class Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"
    store: ReadOnlyStore  # set on the subclass made by make_server
    page: bytes

    def log_message(self, format, *args):
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    # ------------------------------------------------------------------ plumbing
    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _split(self) -> tuple[str, dict[str, list[str]]]:
        u = urllib.parse.urlsplit(self.path)
        return u.path.rstrip("/") or "/", urllib.parse.parse_qs(u.query, keep_blank_values=True)

    def _body(self) -> bytes | None:
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            return None
        return self.rfile.read(n) if n else b""

    # ------------------------------------------------------------------ methods
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path, qs = self._split()
        if path in ("/query", "/sparql"):
            if "update" in qs:
                return self._refuse_update()
            return self._sparql(qs)
        if path == "/update":
            return self._refuse_update()
        if path in ("/", "/index.html"):
            return self._send(200, self.page, "text/html; charset=utf-8", {"Content-Security-Policy": PAGE_CSP})
        if path == "/viz":
            return self._viz(qs)
        return self._error(HTTPStatus.NOT_FOUND, f"no such page: {path} (try / , /query or /viz)")

    def do_POST(self):
        path, qs = self._split()
        if path == "/update":
            return self._refuse_update()
        if path not in ("/query", "/sparql"):
            return self._error(HTTPStatus.NOT_FOUND, f"no such endpoint: {path}")
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._refuse_update()
        if ctype == "application/sparql-query":
            qs = {**qs, "query": [body.decode("utf-8", "replace")]}
        elif ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return self._refuse_update()
            qs = {**qs, **form}
        else:
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "send the query as application/sparql-query or application/x-www-form-urlencoded")
        return self._sparql(qs)

    def do_PUT(self):  # the Graph Store protocol's writes
        self._refuse_update()

    do_DELETE = do_PATCH = do_PUT

    def _refuse_update(self):
        self._error(HTTPStatus.FORBIDDEN, "this server is read-only: SPARQL updates are refused "
                    "(write with `kg ingest --store DIR`)")

    # ------------------------------------------------------------------ SPARQL protocol
    def _sparql(self, qs: dict[str, list[str]]):
        text = (qs.get("query") or [""])[0]
        if not text.strip():
            return self._error(HTTPStatus.BAD_REQUEST, "no query: give query=... (SPARQL 1.1 protocol)")
        if re.match(r"(?is)^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*|#[^\n]*\n\s*)*"
                    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", text):
            return self._refuse_update()
        kw: dict = {}
        defaults = [g for g in qs.get("default-graph-uri", []) if g]
        named = [g for g in qs.get("named-graph-uri", []) if g]
        try:
            if defaults:
                kw["default_graph"] = [ox.NamedNode(g) for g in defaults]
            else:
                kw["use_default_graph_as_union"] = True
            if named:
                kw["named_graphs"] = [ox.NamedNode(g) for g in named]
        except ValueError as e:
            return self._error(HTTPStatus.BAD_REQUEST, f"not a valid graph IRI: {e}")
        fmt = (qs.get("format") or [None])[0]
        try:
            result = self.store.get().query(text, **kw)
            if isinstance(result, ox.QueryTriples):
                mt = negotiate(self.headers.get("Accept", ""), GRAPH_TYPES, fmt)
                if mt is None:
                    return self._error(HTTPStatus.NOT_ACCEPTABLE, f"graph results come as {', '.join(GRAPH_TYPES)}")
                body = result.serialize(format=GRAPH_TYPES[mt])
            else:
                mt = negotiate(self.headers.get("Accept", ""), RESULT_TYPES, fmt)
                if mt is None:
                    return self._error(HTTPStatus.NOT_ACCEPTABLE, f"results come as {', '.join(RESULT_TYPES)}")
                body = result.serialize(format=RESULT_TYPES[mt])
        except SyntaxError as e:
            return self._error(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {e}")
        except (OSError, RuntimeError, ValueError) as e:
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {e}")
        charset = "; charset=utf-8" if mt.startswith("text/") or "json" in mt or "xml" in mt else ""
        self._send(200, body, mt + charset)

    # ------------------------------------------------------------------ viewer
    def _viz(self, qs: dict[str, list[str]]):
        from .network import NetworkError
        from .viz import DEFAULT_LIMIT, render_viz

        arg = {k: v[0] for k, v in qs.items() if v and v[0] != ""}
        try:
            depth = int(arg.get("depth", 2))
            limit = int(arg.get("limit", DEFAULT_LIMIT))
            if not (0 <= depth <= 10 and limit >= 1):
                raise ValueError
        except ValueError:
            return self._error(HTTPStatus.BAD_REQUEST, "depth is 0 to 10, limit at least 1")
        layout = arg.get("layout")
        if layout not in (None, "hierarchy", "force"):
            return self._error(HTTPStatus.BAD_REQUEST, "layout is hierarchy or force")
        try:
            html, _ = render_viz(LocalView(self.store), focus=arg.get("focus"), depth=depth, types=arg.get("types"),
                                 limit=limit, source=arg.get("source"), layout=layout, mentions="mentions" in arg)
        except (NetworkError, StoreError) as e:
            return self._error(HTTPStatus.NOT_FOUND if arg.get("focus") else HTTPStatus.BAD_REQUEST, str(e))
        self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")


PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"


def make_server(store_dir: str | Path, host: str = "127.0.0.1", port: int = 7878,
                verbose: bool = False) -> ThreadingHTTPServer:
    """A server bound to host:port (0: a free port; see `server.server_address`), not yet serving."""
    ro = ReadOnlyStore(store_dir)
    handler = type("KgHandler", (Handler,), {"store": ro, "page": query_page().encode("utf-8")})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose
    return server

"""Export the graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD), as a network for Gephi (GraphML, GEXF:
typed attributes; GEXF with colours and sizes by kind) or as two CSV tables for spreadsheets."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox

from ..graph.rdfmap import graph_iri
from ..graph.store import StoreError
from ..graph.vocab import BASE

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
PREFIXES = {
    "kgo": BASE + "ont#",
    "id": BASE + "id/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _quads(store, graph: str | None) -> list[ox.Quad]:
    if graph is None:
        return list(ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS))
    g = ox.NamedNode(graph)
    triples = ox.parse(store.dump(ox.RdfFormat.N_TRIPLES, graph), format=ox.RdfFormat.N_TRIPLES)
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]


def export_graph(store, fmt: str, source: str | None = None) -> bytes:
    graph = graph_iri(source) if source else None
    if graph and graph not in store.graphs():
        raise StoreError(f"no document '{source}' in the store")
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        from .network import fetch_network, to_networkx

        g = to_networkx(fetch_network(store, source=source))
        buf = io.BytesIO()
        if fmt == "gexf":
            add_viz(g)
            nx.write_gexf(g, buf)
        else:
            nx.write_graphml(g, buf)
        return buf.getvalue()
    rdf_fmt = RDF_FORMATS[fmt]
    quads = _quads(store, graph)
    prefixes = PREFIXES if rdf_fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if rdf_fmt.supports_datasets:
        return ox.serialize(quads, format=rdf_fmt, prefixes=prefixes)
    # a triple format: the union of the graphs
    triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    return ox.serialize(triples, format=rdf_fmt, prefixes=prefixes)


# node size in GEXF `viz` by kind (Gephi draws it as is): documents and directives largest, leaves smallest
KIND_SIZE = {"directive": 20.0, "plan": 16.0, "programme": 14.0, "document": 18.0, "law": 14.0, "task": 10.0,
             "project": 10.0, "agency": 10.0, "target": 7.0, "result": 7.0}


def add_viz(g) -> None:
    """GEXF `viz` colour (the viewer's colour of the kind) and size (by kind, larger with more links)."""
    import math

    from .viz import KIND_STYLE

    for n, attrs in g.nodes(data=True):
        kind = attrs.get("kind", "")
        colour = KIND_STYLE.get(kind, (kind, "#888888"))[1]
        r, gr, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        size = KIND_SIZE.get(kind, 8.0) * (1 + 0.25 * math.log1p(g.degree(n)))
        attrs["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": round(size, 2)}


NODE_COLUMNS = ["id", "kind", "label", "mentions", "documents", "sentence"]
EDGE_COLUMNS = ["source", "target", "relation", "lineage", "evidence_count", "document", "sentence"]


def export_csv(store, directory: str | Path, source: str | None = None) -> tuple[Path, Path]:
    """nodes.csv (one row a node: id, kind, label, then every property as a column) and edges.csv (one row
    an edge: source and target ids, relation, evidence) in `directory` (made when missing). UTF-8 with a
    byte-order mark, so spreadsheet programs read Vietnamese text as written."""
    from .network import fetch_network, to_networkx

    graph = graph_iri(source) if source else None
    if graph and graph not in store.graphs():
        raise StoreError(f"no document '{source}' in the store")
    g = to_networkx(fetch_network(store, source=source))
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    props = sorted({k for _, a in g.nodes(data=True) for k in a if k.startswith("p_")})
    nodes_path, edges_path = out / "nodes.csv", out / "edges.csv"
    with nodes_path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(NODE_COLUMNS + [p if p[2:] in NODE_COLUMNS else p[2:] for p in props])
        for n, a in sorted(g.nodes(data=True), key=lambda x: (x[1].get("kind", ""), x[0])):
            w.writerow([n] + [a.get(c, "") for c in NODE_COLUMNS[1:]] + [a.get(p, "") for p in props])
    with edges_path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(EDGE_COLUMNS)
        for s, t, a in g.edges(data=True):
            w.writerow([s, t] + [a.get(c, "") for c in EDGE_COLUMNS[2:]])
    return nodes_path, edges_path

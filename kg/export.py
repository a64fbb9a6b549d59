"""Export the graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD) or as a network for Gephi (GraphML, GEXF)."""
from __future__ import annotations

import io

import pyoxigraph as ox

from .rdfmap import graph_iri
from .store import StoreError
from .vocab import BASE

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
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, buf)
        return buf.getvalue()
    rdf_fmt = RDF_FORMATS[fmt]
    quads = _quads(store, graph)
    prefixes = PREFIXES if rdf_fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if rdf_fmt.supports_datasets:
        return ox.serialize(quads, format=rdf_fmt, prefixes=prefixes)
    # a triple format: the union of the graphs
    triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    return ox.serialize(triples, format=rdf_fmt, prefixes=prefixes)

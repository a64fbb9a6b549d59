"""Export the graph as RDF, or as a network (GraphML/GEXF) for Gephi and other tools."""
from __future__ import annotations

import io

import pyoxigraph as ox

from .rdfmap import graph_iri
from .store import StoreError

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def export_graph(store, fmt: str, source: str | None = None) -> bytes:
    graph = graph_iri(source) if source else None
    if graph and graph not in store.graphs():
        raise StoreError(f"no document '{source}' in the store")
    if fmt in ("graphml", "gexf"):
        from .network import fetch_network, to_networkx

        import networkx as nx

        g = to_networkx(fetch_network(store, source=source))
        buf = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(g, buf)
        else:
            nx.write_gexf(g, buf)
        return buf.getvalue()
    if fmt == "jsonld":
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=store.dump(ox.RdfFormat.N_QUADS, graph) if not graph else
                 _as_nquads(store, graph), format="nquads")
        return ds.serialize(format="json-ld", indent=1).encode("utf-8")
    rdf_fmt = RDF_FORMATS[fmt]
    if graph and not rdf_fmt.supports_datasets:
        return store.dump(rdf_fmt, graph)
    if graph:
        return _as(store, graph, rdf_fmt)
    if not rdf_fmt.supports_datasets:
        # a triple format of a whole dataset: the union of the graphs
        quads = ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        return ox.serialize({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, format=rdf_fmt)
    return store.dump(rdf_fmt)


def _as_nquads(store, graph: str) -> bytes:
    return _as(store, graph, ox.RdfFormat.N_QUADS)


def _as(store, graph: str, fmt) -> bytes:
    triples = ox.parse(store.dump(ox.RdfFormat.N_TRIPLES, graph), format=ox.RdfFormat.N_TRIPLES)
    g = ox.NamedNode(graph)
    return ox.serialize([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples], format=fmt)

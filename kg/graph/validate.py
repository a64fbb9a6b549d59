"""SHACL validation of the graph against ontology/shapes.ttl (pySHACL)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"


def validate_store(store) -> tuple[bool, str]:
    """(conforms, report text) for the union of all graphs in the store."""
    from pyshacl import validate
    from rdflib import Graph

    data = Graph()
    quads = ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=nt, format="nt")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, _report, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return bool(conforms), text

"""The ontology is the single source of the vocabulary: every term the code and the queries use is defined."""
import re
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from kg.graph.vocab import ELI_TERMS, KGO, PROV_TERMS

ROOT = Path(__file__).resolve().parent.parent
ONT = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
DEFINED = {str(s) for s in ONT.subjects(RDF.type, None)}
KGO_NS = "https://w3id.org/kg-vn/ont#"


def test_ontology_defines_every_vocab_term():
    missing = [t for t in KGO.__annotations__ if KGO_NS + t not in DEFINED]
    assert missing == []


def test_ontology_defines_every_term_in_code_and_queries():
    used = set()
    for path in list((ROOT / "kg").rglob("*.py")) + list((ROOT / "queries").glob("*.rq")) + list((ROOT / "ontology").glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bkgo:(\w+)", text))
        used |= set(re.findall(r"KGO\.(\w+)", text))
    used.discard("_NS")
    missing = sorted(t for t in used if KGO_NS + t not in DEFINED)
    assert missing == []


def test_ontology_reuses_eli_org_prov_skos():
    text = (ROOT / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    for term in ELI_TERMS[:1] + PROV_TERMS:
        assert term in text
    assert (URIRef(KGO_NS + "Agency"), None, None) in ONT
    assert (URIRef(KGO_NS + "implements"), RDF.type, OWL.ObjectProperty) in ONT
    assert "org:Organization" in text and "prov:wasDerivedFrom" in text


def test_ontology_misspelt_term_fails_at_import():
    import pytest

    with pytest.raises(AttributeError):
        KGO.implementz  # noqa: B018


def test_ontology_shapes_parse():
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    assert len(shapes) > 50

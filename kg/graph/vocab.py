"""The project vocabulary, one namespace module: a misspelt term raises at import time."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-vn/"
ID = Namespace(BASE + "id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KGO(DefinedNamespace):
    """Terms defined in ontology/kg.ttl."""

    _NS = Namespace(BASE + "ont#")
    _fail = True

    Agency: URIRef
    Citation: URIRef
    CooperateRole: URIRef
    Directive: URIRef
    Document: URIRef
    InvestorRole: URIRef
    Law: URIRef
    LeadRole: URIRef
    LineageStatement: URIRef
    Indicator: URIRef
    Mention: URIRef
    NameHead: URIRef
    Programme: URIRef
    ProgressLink: URIRef
    Project: URIRef
    Quantity: URIRef
    Responsibility: URIRef
    Result: URIRef
    SuperviseRole: URIRef
    Target: URIRef
    Task: URIRef
    UndatedDirective: URIRef
    addressee: URIRef
    agencyKind: URIRef
    asWritten: URIRef
    assignedTo: URIRef
    candidate: URIRef
    child: URIRef
    childLabel: URIRef
    citedIn: URIRef
    comparator: URIRef
    concerns: URIRef
    dateConflict: URIRef
    deadline: URIRef
    elapsedShare: URIRef
    end: URIRef
    footnote: URIRef
    implements: URIRef
    inDocument: URIRef
    indicator: URIRef
    inferred: URIRef
    inferredFrom: URIRef
    ingestedAt: URIRef
    issuerCode: URIRef
    issuerName: URIRef
    kind: URIRef
    label: URIRef
    level: URIRef
    maxValue: URIRef
    measuredIndicator: URIRef
    measuresProgressOf: URIRef
    mention: URIRef
    nameTemplate: URIRef
    number: URIRef
    numberKey: URIRef
    objectKey: URIRef
    objectKind: URIRef
    parent: URIRef
    parentLabel: URIRef
    partOf: URIRef
    percent: URIRef
    percentMismatch: URIRef
    percentOfPlan: URIRef
    period: URIRef
    placeMode: URIRef
    placeName: URIRef
    placeOf: URIRef
    quantityStructure: URIRef
    refArea: URIRef
    refersTo: URIRef
    relation: URIRef
    reportedIn: URIRef
    reportsOn: URIRef
    respondsTo: URIRef
    responsibilityFor: URIRef
    role: URIRef
    sectionHeading: URIRef
    sentence: URIRef
    result: URIRef
    setBy: URIRef
    similarity: URIRef
    sha256: URIRef
    source: URIRef
    sourceEnd: URIRef
    sourceStart: URIRef
    start: URIRef
    status: URIRef
    target: URIRef
    taskNumber: URIRef
    text: URIRef
    title: URIRef
    typeCode: URIRef
    typeLabel: URIRef
    unit: URIRef
    value: URIRef
    valueText: URIRef
    year: URIRef

# terms of other vocabularies the code uses (checked against the ontology by the tests)
ELI_TERMS = ("LegalResource", "passed_by", "based_on", "date_document", "id_local")
PROV_TERMS = ("Entity", "Plan", "wasDerivedFrom", "Association", "agent", "hadRole", "hadPlan", "Role")

"""The project vocabulary, one namespace module: a misspelt term raises at import time.

Plain strings (IRIs), no RDF library: every command imports this module, and rdflib's checked namespaces
cost ~50 ms of each process start.
"""
from __future__ import annotations

BASE = "https://w3id.org/kg-vn/"


class Namespace(str):
    """An IRI prefix whose attributes are IRIs under it: ELI.passed_by."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self + name


ID = Namespace(BASE + "id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


class _Defined(type):
    """A class of declared terms: each annotation is a term (its IRI), any other name is an error."""

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        for term in ns.get("__annotations__", {}):
            setattr(cls, term, ns["_NS"] + term)
        return cls

    def __getattr__(cls, name: str):
        raise AttributeError(f"term {name!r} not defined in {cls._NS}")


class KGO(metaclass=_Defined):
    """Terms defined in ontology/kg.ttl."""

    _NS = Namespace(BASE + "ont#")

    Agency: str
    Citation: str
    CooperateRole: str
    Directive: str
    Document: str
    InvestorRole: str
    Law: str
    LeadRole: str
    LineageStatement: str
    Indicator: str
    Mention: str
    NameHead: str
    Programme: str
    ProgressLink: str
    Project: str
    Quantity: str
    Responsibility: str
    Result: str
    SuperviseRole: str
    Target: str
    Task: str
    UndatedDirective: str
    addressee: str
    agencyKind: str
    asWritten: str
    assignedTo: str
    candidate: str
    child: str
    childLabel: str
    citedIn: str
    comparator: str
    concerns: str
    dateConflict: str
    deadline: str
    elapsedShare: str
    end: str
    footnote: str
    implements: str
    inDocument: str
    indicator: str
    inferred: str
    inferredFrom: str
    ingestedAt: str
    issuerCode: str
    issuerName: str
    kind: str
    label: str
    level: str
    maxValue: str
    measuredIndicator: str
    measuresProgressOf: str
    mention: str
    nameTemplate: str
    number: str
    numberKey: str
    objectKey: str
    objectKind: str
    parent: str
    parentLabel: str
    partOf: str
    percent: str
    percentMismatch: str
    percentOfPlan: str
    period: str
    placeMode: str
    placeName: str
    placeOf: str
    quantityStructure: str
    refArea: str
    refersTo: str
    relation: str
    reportedIn: str
    reportsOn: str
    respondsTo: str
    responsibilityFor: str
    role: str
    sectionHeading: str
    sentence: str
    result: str
    setBy: str
    similarity: str
    sha256: str
    source: str
    sourceEnd: str
    sourceStart: str
    start: str
    status: str
    target: str
    taskNumber: str
    text: str
    title: str
    typeCode: str
    typeLabel: str
    unit: str
    value: str
    valueText: str
    year: str

# terms of other vocabularies the code uses (checked against the ontology by the tests)
ELI_TERMS = ("LegalResource", "passed_by", "based_on", "date_document", "id_local")
PROV_TERMS = ("Entity", "Plan", "wasDerivedFrom", "Association", "agent", "hadRole", "hadPlan", "Role")

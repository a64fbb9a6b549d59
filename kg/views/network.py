"""The graph as a network of entities: nodes (directives, plans, tasks, agencies ...) and edges (lineage,
issuer, assignment, mention), each with the sentences it was read from.

`fetch_network` reads it from a store in a small, fixed number of SPARQL queries (never one per node):
node kinds, edges (or, around a focus node, one query per hop), then literal properties, mentions and
lineage evidence of the chosen nodes only. `to_networkx` turns it into a `MultiDiGraph` whose attributes are
plain strings and numbers, ready for GraphML/GEXF.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

KGO = "https://w3id.org/kg-vn/ont#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# class -> kind, in priority order (a node with several classes takes the first)
CLASS_KIND = [
    (KGO + "Document", "document"),
    (KGO + "Directive", "directive"),
    (KGO + "Law", "law"),
    (KGO + "Programme", "programme"),  # "plan" when its kgo:kind is Kế hoạch
    (KGO + "Task", "task"),
    (KGO + "Project", "project"),
    (KGO + "Agency", "agency"),
    (KGO + "Target", "target"),
    (KGO + "Result", "result"),
]
KINDS = ["directive", "plan", "programme", "task", "project", "agency", "document", "target", "result", "law"]
KIND_ALIASES = {"directives": "directive", "plans": "plan", "programmes": "programme", "program": "programme",
                "tasks": "task", "projects": "project", "agencies": "agency", "documents": "document",
                "targets": "target", "results": "result", "laws": "law", "doc": "document"}

# predicate -> relation name of an edge between two nodes
EDGE_PREDICATES = {
    KGO + "implements": "implements",
    KGO + "respondsTo": "responds_to",
    KGO + "reportsOn": "reports_on",
    ELI + "based_on": "based_on",
    ELI + "passed_by": "passed_by",
    KGO + "partOf": "part_of",
    KGO + "concerns": "concerns",
    KGO + "setBy": "set_by",
    KGO + "reportedIn": "reported_in",
    KGO + "addressee": "addressed_to",
    KGO + "candidate": "candidate",
    KGO + "measuresProgressOf": "measures",
}
LINEAGE_RELATIONS = ("implements", "responds_to", "reports_on", "based_on")
# agency -> what the text makes it responsible for, one relation per role of a stated kgo:Responsibility
# (prov:agent, kgo:role, kgo:responsibilityFor); these replace kgo:assignedTo, the shortcut of a stated lead
ROLE_RELATIONS = ("lead", "cooperate", "investor", "supervise")
_ROLE = "urn:kg:role:"
MENTIONS = "mentions"  # document -> entity it names (derived from kgo:mention / kgo:inDocument)
MENTIONED_KINDS = {"directive", "plan", "programme", "project", "agency", "law"}
PROPERTY_PREFIXES = {KGO: "", ELI: "eli:", SKOS: "skos:"}


@dataclass
class Source:
    """One place a node or edge was read from."""

    document: str  # source file name
    start: int | None
    end: int | None
    sentence: str


@dataclass
class Node:
    id: str  # IRI
    kind: str
    label: str
    properties: dict[str, str | int | float] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)


@dataclass
class Edge:
    source: str
    target: str
    relation: str
    evidence: list[Source] = field(default_factory=list)

    @property
    def sentence(self) -> str | None:
        return self.evidence[0].sentence if self.evidence else None

    @property
    def document(self) -> str | None:
        return self.evidence[0].document if self.evidence else None

    @property
    def lineage(self) -> bool:
        return self.relation in LINEAGE_RELATIONS


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    focus: str | None = None
    # what the selection left out: kind -> number of nodes, and the number of edges
    omitted: Counter = field(default_factory=Counter)
    omitted_edges: int = 0
    filtered: Counter = field(default_factory=Counter)  # the part of `omitted` that --types left out
    unlinked: Counter = field(default_factory=Counter)  # the part joined to the focus only by mentions or issuers
    total_nodes: int = 0  # before --types / --limit

    def degree(self) -> Counter:
        d: Counter = Counter()
        for e in self.edges:
            d[e.source] += 1
            d[e.target] += 1
        return d

    def kind_counts(self) -> Counter:
        return Counter(n.kind for n in self.nodes.values())


class NetworkError(Exception):
    """A focus that names nothing, an unknown kind."""


# ------------------------------------------------------------------ helpers
def parse_types(types: str | Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    out = set()
    for t in items:
        t = t.strip().lower()
        if not t:
            continue
        t = KIND_ALIASES.get(t, t)
        if t not in KINDS:
            raise NetworkError(f"unknown kind '{t}' (kinds: {', '.join(KINDS)})")
        out.add(t)
    return out or None


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _graph(source: str | None) -> str:
    if source is None:
        return "?g"
    from ..graph.rdfmap import graph_iri

    return str(ox.NamedNode(graph_iri(source)))


def _py(term) -> str | int | float | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        try:
            if dt in (XSD + "integer", XSD + "int", XSD + "long"):
                return int(term.value)
            if dt in (XSD + "decimal", XSD + "double", XSD + "float"):
                return float(term.value)
        except ValueError:
            pass
        return term.value
    return term.value


def _int(term) -> int | None:
    v = _py(term)
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _prop_name(iri: str) -> str:
    for ns, prefix in PROPERTY_PREFIXES.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return re.split(r"[#/]", iri)[-1] or iri


def fold(s: str) -> str:
    """Lower case without diacritics (đ as d): for label matching."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


_PREFIXES = f"PREFIX kgo: <{KGO}>\nPREFIX eli: <{ELI}>\nPREFIX skos: <{SKOS}>\nPREFIX prov: <{PROV}>\n"


def _role_edge(agent: str = "?s", obj: str = "?o") -> str:
    """A stated (not inferred) responsibility as an edge agent (the agency) -> obj (its object), ?p the role."""
    return (f"?r a kgo:Responsibility ; prov:agent {agent} ; kgo:responsibilityFor {obj} ; kgo:role ?role . "
            f'FILTER NOT EXISTS {{ ?r kgo:inferred true }} BIND(IRI(CONCAT("{_ROLE}", STR(?role))) AS ?p)')



_CLASS_VALUES = " ".join(f"<{c}>" for c, _ in CLASS_KIND)
_EDGE_VALUES = " ".join(f"<{p}>" for p in EDGE_PREDICATES)


# ------------------------------------------------------------------ queries
def _kinds(store, g: str, restrict: str = "") -> dict[str, str]:
    """IRI -> kind of every node (of the graph, or of the VALUES ?n restriction)."""
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?n ?t ?pk WHERE {{
  {restrict}
  GRAPH {g} {{ ?n a ?t . VALUES ?t {{ {_CLASS_VALUES} }} OPTIONAL {{ ?n kgo:kind ?pk }} }}
}}""")
    rank = {c: i for i, (c, _) in enumerate(CLASS_KIND)}
    best: dict[str, int] = {}
    plan: set[str] = set()
    for n, t, pk in r.rows:
        if not isinstance(n, ox.NamedNode):
            continue
        i = rank[t.value]
        if n.value not in best or i < best[n.value]:
            best[n.value] = i
        if pk is not None and fold(pk.value) == "ke hoach":
            plan.add(n.value)
    out = {}
    for n, i in best.items():
        k = CLASS_KIND[i][1]
        out[n] = "plan" if k == "programme" and n in plan else k
    return out


def _all_edges(store, g: str) -> set[tuple[str, str, str]]:
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  {{ GRAPH {g} {{ ?s ?p ?o . VALUES ?p {{ {_EDGE_VALUES} }} FILTER(isIRI(?o)) }} }}
  UNION
  {{ GRAPH {g} {{ ?o kgo:mention ?m . ?m kgo:inDocument ?s . }} BIND(<urn:kg:mentions> AS ?p) }}
  UNION
  {{ GRAPH {g} {{ {_role_edge()} }} }}
}}""")
    return {(s.value, p.value, o.value) for s, p, o in r.rows if isinstance(s, ox.NamedNode)}


def _edges_around(store, g: str, frontier: Iterable[str]) -> set[tuple[str, str, str]]:
    """Edges with one end in the frontier (both directions): one query per hop."""
    vals = _values("x", frontier)
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  {vals}
  {{ GRAPH {g} {{ ?x ?p ?o . VALUES ?p {{ {_EDGE_VALUES} }} FILTER(isIRI(?o)) }} BIND(?x AS ?s) }}
  UNION
  {{ GRAPH {g} {{ ?s ?p ?x . VALUES ?p {{ {_EDGE_VALUES} }} }} BIND(?x AS ?o) }}
  UNION
  {{ GRAPH {g} {{ ?x kgo:mention ?m . ?m kgo:inDocument ?s . }} BIND(?x AS ?o) BIND(<urn:kg:mentions> AS ?p) }}
  UNION
  {{ GRAPH {g} {{ ?o kgo:mention ?m . ?m kgo:inDocument ?x . }} BIND(?x AS ?s) BIND(<urn:kg:mentions> AS ?p) }}
  UNION
  {{ GRAPH {g} {{ {_role_edge(agent="?x")} }} BIND(?x AS ?s) }}
  UNION
  {{ GRAPH {g} {{ {_role_edge(obj="?x")} }} BIND(?x AS ?o) }}
}}""")
    return {(s.value, p.value, o.value) for s, p, o in r.rows if isinstance(s, ox.NamedNode)}


def _properties(store, g: str, restrict: str) -> dict[str, dict[str, list]]:
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?n ?p ?o WHERE {{
  {restrict}
  GRAPH {g} {{ ?n a ?t . VALUES ?t {{ {_CLASS_VALUES} }} ?n ?p ?o . FILTER(isLiteral(?o)) }}
}}""")
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for n, p, o in r.rows:
        v = _py(o)
        lst = props[n.value][p.value]
        if v not in lst:
            lst.append(v)
    for by_p in props.values():  # in a fixed order, not the store's: the first is the label on every server
        for lst in by_p.values():
            lst.sort(key=lambda v: (type(v).__name__, str(v)))
    return props


def _mentions(store, g: str, restrict: str) -> list[tuple[str, str, str, Source]]:
    """(entity, document node, relation-less) mentions: entity, doc IRI, Source."""
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?n ?doc ?src ?start ?end ?sentence WHERE {{
  {restrict}
  GRAPH {g} {{
    ?n kgo:mention ?m . ?m kgo:inDocument ?doc .
    OPTIONAL {{ ?doc kgo:source ?src }} OPTIONAL {{ ?m kgo:start ?start }} OPTIONAL {{ ?m kgo:end ?end }}
    OPTIONAL {{ ?m kgo:sentence ?sentence }}
  }}
}}""")
    out = []
    for n, doc, src, start, end, sentence in r.rows:
        if not isinstance(n, ox.NamedNode):
            continue
        out.append((n.value, doc.value, Source(src.value if src is not None else doc.value, _int(start),
                                                 _int(end), sentence.value if sentence is not None else "")))
    return out


def _lineage_evidence(store, g: str, restrict: str) -> dict[tuple[str, str, str], list[Source]]:
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?child ?parent ?relation ?src ?start ?end ?sentence WHERE {{
  GRAPH {g} {{
    {restrict}
    {{ ?s a kgo:LineageStatement ; kgo:child ?child ; kgo:parent ?parent ; kgo:relation ?relation . }}
    UNION  # a stated responsibility: the agency (as ?child) -> its object, the role as the relation
    {{ ?s a kgo:Responsibility ; prov:agent ?child ; kgo:responsibilityFor ?parent ; kgo:role ?relation .
       FILTER NOT EXISTS {{ ?s kgo:inferred true }} }}
    OPTIONAL {{ ?s kgo:mention ?m . ?m kgo:inDocument ?doc .
      OPTIONAL {{ ?doc kgo:source ?src }} OPTIONAL {{ ?m kgo:start ?start }} OPTIONAL {{ ?m kgo:end ?end }}
      OPTIONAL {{ ?m kgo:sentence ?sentence }} }}
  }}
}}""")
    out: dict[tuple[str, str, str], list[Source]] = defaultdict(list)
    for child, parent, rel, src, start, end, sentence in r.rows:
        key = (child.value, parent.value, rel.value)
        if src is not None or sentence is not None:
            out[key].append(Source(src.value if src is not None else "", _int(start), _int(end),
                                   sentence.value if sentence is not None else ""))
    for sources in out.values():
        sources.sort(key=_source_key)
    return out


def _source_key(s: Source) -> tuple:
    """Sources in the text's order, not the store's: the same first evidence from every server."""
    return (s.document, s.start if s.start is not None else -1, s.end if s.end is not None else -1, s.sentence)


# ------------------------------------------------------------------ labels
def _first(props: dict[str, list], *names: str):
    for n in names:
        vals = props.get(n)
        if vals:
            return vals[0]
    return None


def _label(kind: str, iri: str, props: dict[str, list]) -> str:
    if kind == "directive":
        num = _first(props, ELI + "id_local", KGO + "numberKey")
        if num:
            return str(num)
    if kind == "document":
        v = _first(props, KGO + "title", KGO + "source")
        if v:
            return str(v)
    if kind in ("target", "result"):
        ind = _first(props, KGO + "indicator")
        val = _first(props, KGO + "valueText", KGO + "value")
        unit = _first(props, KGO + "unit")
        parts = [str(x) for x in (ind, val, unit) if x not in (None, "")]
        if parts:
            return " ".join(parts)
    v = _first(props, SKOS + "prefLabel", KGO + "label", KGO + "title", KGO + "source", ELI + "id_local")
    if kind == "task" and v is not None:
        from .lineage_lookup import whole_words

        return whole_words(str(v), str(_first(props, KGO + "text") or "")) or str(v)
    return str(v) if v is not None else re.split(r"[#/]", iri.rstrip("/"))[-1]


# ------------------------------------------------------------------ the network
def fetch_network(store, source: str | None = None, focus_iri: str | None = None, depth: int = 2,
                  types=None, limit: int | None = None) -> Network:
    """Nodes and edges of the whole graph, of one source document's graph, or around a focus node.

    types: kinds to keep (see KINDS; a comma-separated string or a list); the focus node is always kept.
    limit: keep at most this many nodes: nearest to the focus first, then the most connected; what is
    left out is counted in `Network.omitted`.
    """
    g = _graph(source)
    wanted = parse_types(types)
    kinds = _kinds(store, g)
    if focus_iri is not None:
        if focus_iri not in kinds:
            raise NetworkError(f"no node <{focus_iri}> in the graph")
        dist = {focus_iri: 0}
        triples: set[tuple[str, str, str]] = set()
        frontier = [focus_iri]
        for d in range(1, max(0, depth) + 1):
            if not frontier:
                break
            found = _edges_around(store, g, frontier)
            triples |= found
            nxt = []
            for s, _, o in found:
                for x in (s, o):
                    if x not in dist and x in kinds:
                        dist[x] = d
                        nxt.append(x)
            frontier = nxt
        candidates = set(dist)
    else:
        dist = {}
        triples = _all_edges(store, g)
        candidates = set(kinds)

    # edges between known nodes, named
    rel_of = dict(EDGE_PREDICATES)
    rel_of["urn:kg:mentions"] = MENTIONS
    rel_of.update({_ROLE + r: r for r in ROLE_RELATIONS})
    pairs: dict[tuple[str, str, str], None] = {}
    linked: set[frozenset] = set()
    for s, p, o in sorted(triples):
        if s in candidates and o in candidates and s != o and p in rel_of and p != "urn:kg:mentions":
            pairs[(s, o, rel_of[p])] = None
            linked.add(frozenset((s, o)))
    for s, p, o in sorted(triples):
        if p == "urn:kg:mentions" and s in candidates and o in candidates and s != o \
                and kinds.get(s) == "document" and kinds.get(o) in MENTIONED_KINDS \
                and frozenset((s, o)) not in linked:
            pairs[(s, o, MENTIONS)] = None

    net = Network(focus=focus_iri, total_nodes=len(candidates))
    keep = {n for n in candidates if wanted is None or kinds[n] in wanted or n == focus_iri}
    for n in candidates - keep:
        net.omitted[kinds[n]] += 1
        net.filtered[kinds[n]] += 1
    edges = [e for e in pairs if e[0] in keep and e[1] in keep]
    net.omitted_edges = len(pairs) - len(edges)

    if limit is not None and len(keep) > limit:
        deg: Counter = Counter()
        for s, o, _ in edges:
            deg[s] += 1
            deg[o] += 1
        far = max(dist.values(), default=0) + 1
        order = sorted(keep, key=lambda n: (dist.get(n, far), -deg[n], kinds[n], n))
        chosen = set(order[:limit])
        for n in keep - chosen:
            net.omitted[kinds[n]] += 1
        kept_edges = [e for e in edges if e[0] in chosen and e[1] in chosen]
        net.omitted_edges += len(edges) - len(kept_edges)
        keep, edges = chosen, kept_edges

    # properties, mentions and lineage evidence of the kept nodes only
    whole = focus_iri is None and limit is None and wanted is None
    restrict = "" if whole or not keep else _values("n", sorted(keep))
    if not keep:
        return net
    props = _properties(store, g, restrict)
    mentions = _mentions(store, g, restrict)
    lin_restrict = "" if whole else _values("child", sorted(keep))
    evidence = _lineage_evidence(store, g, lin_restrict)

    for n in sorted(keep):
        p = props.get(n, {})
        node = Node(id=n, kind=kinds[n], label=_label(kinds[n], n, p))
        for k, vals in p.items():
            name = _prop_name(k)
            node.properties[name] = vals[0] if len(vals) == 1 else "; ".join(str(v) for v in vals)
        net.nodes[n] = node
    by_pair: dict[tuple[str, str], list[Source]] = defaultdict(list)
    for n, doc, src in mentions:
        if n in net.nodes:
            net.nodes[n].sources.append(src)
            by_pair[(doc, n)].append(src)
    for node in net.nodes.values():
        node.sources.sort(key=_source_key)
    for sources in by_pair.values():
        sources.sort(key=_source_key)
    for s, o, rel in edges:
        if rel in LINEAGE_RELATIONS:
            ev = evidence.get((s, o, rel), [])
        elif rel == MENTIONS:
            ev = by_pair.get((s, o), [])
        elif rel in ROLE_RELATIONS:
            ev = evidence.get((s, o, rel), [])
        else:
            ev = []
        ev = sorted(ev, key=lambda x: (x.document, x.start if x.start is not None else -1))
        net.edges.append(Edge(s, o, rel, ev))
    return net


# ------------------------------------------------------------------ finding a focus
_HAS_NUMBER = re.compile(r"\d[\w.]*\s*[/-]\s*[A-Za-zĐđ]")
_NUMBER = re.compile(r"^\s*\d+[\w.]*\s*[/-]\s*[\wĐđ/.-]+\s*$")


def _lookup(store, ref: str) -> list[str]:
    """IRIs the lineage lookup finds for REF (number, source file, words of a plan/project/task name)."""
    try:
        from .lineage_lookup import LineageError, find_nodes
    except ImportError:
        return []
    try:
        return [n.iri for n in find_nodes(store, ref)]
    except LineageError:
        return []


def resolve_focus(store, ref: str) -> tuple[str, list[str]]:
    """A directive number (01/NQ-CP), an IRI, or words of a name -> (IRI, other candidates)."""
    ref = ref.strip()
    if not ref:
        raise NetworkError("empty focus")
    if re.match(r"^(https?|urn):", ref):
        try:
            node = ox.NamedNode(ref)
        except ValueError as e:
            raise NetworkError(f"not a valid IRI: {ref[:80]!r} ({e})") from None
        r = store.query(f"ASK {{ GRAPH ?g {{ {node} ?p ?o }} }}")
        if not r.boolean:
            raise NetworkError(f"no node <{ref}> in the graph")
        return ref, []
    if _HAS_NUMBER.search(ref):
        found = _lookup(store, ref)  # numbers as `kg lineage` reads them (undated citations, candidates)
        if found:
            return found[0], found[1:]
    if _NUMBER.match(ref):
        from ..extract.recognise.directives import number_key

        key = number_key(ref)
        r = store.query(_PREFIXES + f"""
SELECT ?d (COUNT(DISTINCT ?m) AS ?n) WHERE {{
  VALUES ?k {{ {ox.Literal(key)} }}
  GRAPH ?g {{ ?d a kgo:Directive ; kgo:numberKey ?k . OPTIONAL {{ ?d kgo:mention ?m }} }}
}} GROUP BY ?d ORDER BY DESC(?n) ?d""")
        found = [row[0].value for row in r.rows if row[0] is not None]
        if found:
            return found[0], found[1:]
    r = store.query(_PREFIXES + f"""
SELECT DISTINCT ?n ?l WHERE {{
  GRAPH ?g {{ ?n a ?t . VALUES ?t {{ {_CLASS_VALUES} }}
    ?n ?p ?l . VALUES ?p {{ skos:prefLabel skos:altLabel kgo:label kgo:title kgo:source eli:id_local }} }}
}}""")
    q = fold(ref)
    scored = []
    for n, lab in r.rows:
        f = fold(lab.value)
        if f == q:
            scored.append((0, len(f), n.value))
        elif q in f:
            scored.append((1, len(f), n.value))
        elif all(w in f for w in q.split()):
            scored.append((2, len(f), n.value))
    if not scored:
        found = _lookup(store, ref)
        if found:
            return found[0], found[1:]
        raise NetworkError(f"nothing in the graph matches '{ref}'")
    scored.sort()
    seen = list(dict.fromkeys(s[2] for s in scored))
    return seen[0], seen[1:]


# ------------------------------------------------------------------ networkx
def _scalar(v):
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, (int, float, str)):
        return v
    return str(v)


def _number(v) -> int | float | None:
    """v as a number: ints and floats as they are, a '; '-joined list of numbers as its first."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    parts = str(v).split("; ")
    if len(parts) > 1:
        nums = [_number(p) for p in parts]
        return nums[0] if all(n is not None for n in nums) else None
    if re.fullmatch(r"-?\d+", parts[0]):
        return int(parts[0])
    if re.fullmatch(r"-?\d+\.\d+(?:[eE][-+]?\d+)?", parts[0]):
        return float(parts[0])
    return None


def _typed_properties(network: Network) -> dict[str, type]:
    """Attribute name -> int, float or str: numeric when every node's value is a number (read from typed
    literals), so GraphML/GEXF declare one type per attribute and tools can size and filter by value."""
    seen: dict[str, set[type]] = defaultdict(set)
    for n in network.nodes.values():
        for k, v in n.properties.items():
            if isinstance(v, bool):
                seen[k].add(str)
            elif isinstance(v, (int, float)):
                seen[k].add(type(v))
            else:
                num = _number(v) if "; " in str(v) else None
                seen[k].add(type(num) if num is not None else str)
    return {k: (str if str in ts else float if float in ts else int) for k, ts in seen.items()}


def to_networkx(network: Network):
    """A networkx MultiDiGraph; attributes are strings and numbers only (GraphML/GEXF-safe), one type per
    attribute name: numbers stay numbers (a node with several values: the first, all of them in `*_all`),
    dates stay ISO 8601 text (GraphML and GEXF 1.2 have no date type; ISO text sorts as dates)."""
    import networkx as nx

    types = _typed_properties(network)
    g = nx.MultiDiGraph()
    for n in network.nodes.values():
        attrs = {"kind": n.kind, "label": n.label, "mentions": len(n.sources)}
        if n.sources:
            attrs["document"] = n.sources[0].document
            attrs["sentence"] = n.sources[0].sentence
            attrs["documents"] = "; ".join(dict.fromkeys(s.document for s in n.sources))
        for k, v in n.properties.items():
            name = "p_" + re.sub(r"[^A-Za-z0-9_]", "_", k)
            t = types.get(k, str)
            if t is str:
                attrs[name] = str(_scalar(v))
            else:
                attrs[name] = t(_number(v))
                if isinstance(v, str):
                    attrs[name + "_all"] = v
        g.add_node(n.id, **attrs)
    for e in network.edges:
        attrs = {"relation": e.relation, "label": e.relation, "lineage": int(e.lineage),
                 "evidence_count": len(e.evidence)}
        if e.evidence:
            attrs["document"] = e.evidence[0].document
            attrs["sentence"] = e.evidence[0].sentence
        g.add_edge(e.source, e.target, key=e.relation, **attrs)
    return g

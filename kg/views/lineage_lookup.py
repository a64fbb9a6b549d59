"""Look up a directive, plan, task or project and trace its lineage up (what it carries out) and down (what
it spawned), with the sentence every edge was read from.

Two plain functions:

* `find_nodes(store, ref, year=None) -> list[Node]`: a directive number (matched on its normalised key), an
  IRI, a source file name, or words from a plan, task or project name (case- and diacritic-insensitive).
* `lineage(store, node_iri, up=True, down=True, depth=None) -> LineageTree`.

Edges (child -> parent), walked up from the root and in reverse down from it:

* lineage statements: implements, responds_to, reports_on, based_on (evidence: the statement's mention);
* part_of: task -> the document it is part of (evidence: the task's mention);
* set_by: target -> the task or document that sets it (evidence: the target's mention);
* candidate: undated citation -> dated directive of the same number and issuer (no sentence: a guess);
* assigned_to / concerns: agency, project or programme -> the task naming it. These are leaves going
  down (a task's agencies and projects are not expanded further) and, going up, are only followed from a
  root that is itself an agency or project ("which tasks name this project, and where did they come from").

The structure is fetched in ONE query: on a local store, SPARQL property paths over the union of the
document graphs give the edges of the reachable region; on a remote endpoint (whose default graph may not be
the union of the named graphs) one query fetches the whole edge table and the walk is done here. A bounded
answer (`limit`) is fetched one level at a time instead. Two queries then describe what was reached (each node's own facts,
then its issuer and sources) and one fetches the evidence. The number of queries does not depend on the
number of nodes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from ..extract.recognise.directives import number_key
from ..graph.store import LocalStore, Results, StoreError

KGO = "https://w3id.org/kg-vn/ont#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PREFIXES = f"PREFIX kgo: <{KGO}>\nPREFIX eli: <{ELI}>\nPREFIX skos: <{SKOS}>\n"

# most specific first
KINDS = ("UndatedDirective", "Directive", "Task", "Target", "Result", "Programme", "Project", "Law", "Document",
         "Agency", "LineageStatement")
ATTACH = ("assigned_to", "concerns")
UP_PHRASE = {"implements": "implements", "responds_to": "responds to", "reports_on": "reports on",
             "based_on": "based on", "part_of": "part of", "set_by": "set by", "candidate": "possibly the same as",
             "assigned_to": "assigned in task", "concerns": "named in task"}
DOWN_PHRASE = {"implements": "implemented by", "responds_to": "answered by", "reports_on": "reported on by",
               "based_on": "basis of", "part_of": "contains", "set_by": "sets target",
               "candidate": "possibly cited undated as", "assigned_to": "assigned to", "concerns": "concerns"}

# one step up the chain, as a SPARQL property path (constants only: nothing from the user goes in here)
_UP_STEP = "(kgo:implements|kgo:respondsTo|kgo:reportsOn|eli:based_on|kgo:partOf|kgo:setBy|kgo:candidate)"
_FIRST_UP = "(^kgo:assignedTo|^kgo:concerns)"
_EDGES_FROM = """
  {{ ?st kgo:child ?{c} ; kgo:parent ?{p} ; kgo:relation ?rel }}
  UNION {{ ?{c} kgo:partOf ?{p} . BIND("part_of" AS ?rel) }}
  UNION {{ ?{c} kgo:setBy ?{p} . BIND("set_by" AS ?rel) }}
  UNION {{ ?{c} kgo:candidate ?{p} . BIND("candidate" AS ?rel) }}"""


# ---------------------------------------------------------------------------------------------- records
@dataclass
class Evidence:
    sentence: str | None
    source: str | None
    start: int | None = None
    end: int | None = None


@dataclass
class Node:
    iri: str
    kind: str = "Node"  # Directive, Programme, Task, Project, Agency, Target, Document, Law, ...
    label: str | None = None
    number: str | None = None
    type_label: str | None = None
    year: int | None = None
    issuer: str | None = None
    undated: bool = False
    sources: list[str] = field(default_factory=list)

    def title(self) -> str:
        if self.kind == "Directive" and self.number:
            return f"{self.type_label} {self.number}" if self.type_label else self.number
        if self.kind == "Document":
            return self.label or self.iri.rsplit("/", 1)[-1]
        return self.label or self.number or self.iri.rsplit("/", 1)[-1]


@dataclass
class TreeNode:
    node: Node
    relation: str | None = None  # the edge to the tree parent, named child -> parent (e.g. "implements")
    evidence: list[Evidence] = field(default_factory=list)
    children: list[TreeNode] = field(default_factory=list)
    repeated: bool = False  # shown (and expanded) elsewhere in the same tree
    depth: int = 0
    more: int = 0  # children left out of a bounded answer (see `lineage(limit=)`)


@dataclass
class LineageTree:
    root: Node
    ancestors: list[TreeNode] = field(default_factory=list)
    descendants: list[TreeNode] = field(default_factory=list)
    depth: int | None = None
    truncated: bool = False  # something lies beyond --depth
    limit: int | None = None  # the answer was bounded at this many nodes: more lie beyond (None: complete)

    def to_dict(self) -> dict:
        def tn(t: TreeNode) -> dict:
            d = _node_dict(t.node)
            d.update(relation=t.relation, depth=t.depth, repeated=t.repeated,
                     evidence=[asdict(e) for e in t.evidence], children=[tn(c) for c in t.children])
            if t.more:
                d["more"] = t.more
            return d

        return {"root": _node_dict(self.root), "depth": self.depth, "truncated": self.truncated,
                "limit": self.limit,
                "ancestors": [tn(t) for t in self.ancestors], "descendants": [tn(t) for t in self.descendants]}

    def iter(self, which: str = "both"):
        """Every TreeNode, depth first (which: 'ancestors', 'descendants' or 'both')."""
        roots = (self.ancestors if which in ("ancestors", "both") else []) + (
            self.descendants if which in ("descendants", "both") else [])
        stack = list(reversed(roots))
        while stack:
            t = stack.pop()
            yield t
            stack.extend(reversed(t.children))


def _node_dict(n: Node) -> dict:
    d = asdict(n)
    d["title"] = n.title()
    return d


class LineageError(Exception):
    pass


# ---------------------------------------------------------------------------------------------- queries
def _select(store, sparql: str, bindings: dict | None = None, union: bool = False) -> Results:
    """SELECT on the store; `union`: the default graph is the union of the named graphs (local stores only)."""
    sparql = PREFIXES + sparql
    if union and isinstance(store, LocalStore):
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            r = store._s.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
        except SyntaxError as e:  # pragma: no cover - a bug here, not the user's
            raise StoreError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
        names = [v.value for v in r.variables]
        return Results(names, [[sol[n] for n in names] for sol in r])
    return store.query(sparql, bindings)


def _union_ok(store) -> bool:
    return isinstance(store, LocalStore)


def _lateral(store) -> str:
    """Oxigraph's LATERAL (a nested loop: evaluate the block once per row so far) where the store is Oxigraph;
    without it Oxigraph evaluates the block over the whole store and then joins. Plain SPARQL elsewhere."""
    return "LATERAL" if isinstance(store, LocalStore) else ""


def _v(term):
    return None if term is None else term.value


def _values(iris) -> str:
    # IRIs read back from the store, serialised as RDF terms (N-Triples escaping by pyoxigraph)
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def _bind(var: str, term) -> str:
    """`VALUES ?var { term }`, the term serialised by pyoxigraph (N-Triples escaping): a parameter bound in
    the query itself, where Oxigraph's planner sees it. Oxigraph applies `substitutions` to the solutions
    instead, after evaluating the patterns with the variable free (a scan: 25 ms where this takes 0.1 ms on
    a 1M-triple store). Put it first in the group whose patterns it should drive."""
    return f"VALUES ?{var} {{ {term} }}"


# ---------------------------------------------------------------------------------------------- text
_VOWELS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ",
}


def fold(s: str) -> str:
    """Lower case, diacritics off, đ as d."""
    s = s.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def words(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def _word_regex(w: str) -> str:
    """A regex (valid in XPath and Rust syntax, used with flag "i") matching the folded word `w` as a whole
    word in text with any diacritics."""
    body = "".join(f"[{_VOWELS[c]}]" if c in _VOWELS else c for c in w if c.isascii() and c.isalnum())
    return rf"(^|\W){body}($|\W)"


_NUMBER = re.compile(r"(?<![\w/])(\d{1,6}(?:/\d{4})?[/-][A-Za-zĐđÐ0-9]+(?:[-/][A-Za-zĐđÐ0-9]+)*)")


# ---------------------------------------------------------------------------------------------- nodes
# a node's own facts: property -> key of `_make_node`
_FACTS = {RDF_TYPE: "type", f"{SKOS}prefLabel": "label", f"{KGO}label": "tlabel", f"{ELI}id_local": "number",
          f"{KGO}typeLabel": "type_label", f"{KGO}year": "year", f"{KGO}source": "source", f"{KGO}title": "title",
          f"{KGO}indicator": "indicator", f"{KGO}valueText": "value", f"{KGO}unit": "unit",
          f"{KGO}taskNumber": "task_number", f"{KGO}text": "text"}
_FACT_LIST = ", ".join(f"<{p}>" for p in _FACTS)


def describe(store, iris: list[str]) -> dict[str, Node]:
    """Node records for IRIs (two queries, whatever the number of IRIs).

    A node's own facts are read in one scan of its triples (one index seek per node, where a pattern per
    property costs one per property: 16 per node); the facts two or three steps away (issuer name, source
    file) come from a second query. Rows name a node by its position in the VALUES block (a small integer,
    stored inline) rather than by its IRI, which would be decoded again on every row."""
    iris = list(dict.fromkeys(iris))
    if not iris:
        return {}
    lat = _lateral(store)
    values = "VALUES (?n ?i) { " + " ".join(f"({ox.NamedNode(x)} {j})" for j, x in enumerate(iris)) + " }"
    own = f"""
SELECT DISTINCT ?i ?p ?v WHERE {{
  {values}
  {lat} {{ GRAPH ?g {{ ?n ?p ?v FILTER (?p IN ({_FACT_LIST})) }} }}
}}"""
    far = f"""
SELECT DISTINCT ?i ?p ?v WHERE {{
  {values}
  {lat} {{ GRAPH ?g {{
    {{ ?n eli:passed_by/skos:prefLabel ?v BIND("issuer" AS ?p) }}
    UNION {{ ?n kgo:partOf/kgo:source ?v BIND("source" AS ?p) }}
    UNION {{ ?n kgo:mention/kgo:inDocument/kgo:source ?v BIND("source" AS ?p) }}
  }} }}
}}"""
    props: dict[str, dict[str, list[str]]] = {i: {} for i in iris}
    for q in (own, far):
        for i, k, v in _select(store, q).rows:
            lst = props[iris[int(i.value)]].setdefault(_FACTS.get(k.value, k.value), [])
            if v.value not in lst:
                lst.append(v.value)
    return {i: _make_node(i, p) for i, p in props.items() if p}


def _make_node(iri: str, p: dict[str, list[str]]) -> Node:
    types = {t.rsplit("#", 1)[-1] for t in p.get("type", [])}
    kind = next((k for k in KINDS if k in types), "Node")
    undated = kind == "UndatedDirective"
    if undated:
        kind = "Directive"
    label = (p.get("tlabel") or p.get("label") or [None])[0]
    number = (p.get("number") or [None])[0]
    if kind == "Document":
        label = (p.get("source") or [None])[0]
    elif kind in ("Target", "Result"):
        ind, val, unit = ((p.get(k) or [""])[0] for k in ("indicator", "value", "unit"))
        label = f"{ind}: {' '.join(x for x in (val, unit) if x)}".strip(": ") or None
    elif kind == "Task":
        number = (p.get("task_number") or [None])[0]
        label = whole_words(label, (p.get("text") or [""])[0])
    year = p.get("year")
    return Node(iri=iri, kind=kind, label=label, number=number,
                type_label=(p.get("type_label") or [None])[0], year=int(year[0]) if year else None,
                issuer=(p.get("issuer") or [None])[0], undated=undated, sources=sorted(p.get("source", [])))


def whole_words(head: str | None, text: str) -> str | None:
    """A heading stored cut to a length (mid-word) ends at a word boundary of the text it starts, with '…'."""
    if not head:
        return head
    body = re.sub(r"^\s*[\w.]{1,4}[.)]\s+", "", " ".join(text.split()))  # the list marker off
    head = " ".join(head.split())
    if len(body) <= len(head) or not body.startswith(head) or not (body[len(head)].isalnum()
                                                                     or body[len(head)] == " "):
        return head  # whole, or ends where a sentence or clause ends
    cut = head.rsplit(" ", 1)[0] if " " in head and body[len(head)].isalnum() else head
    return cut.rstrip(" ,;:-") + "…"


def find_nodes(store, ref: str, year: int | None = None) -> list[Node]:
    """Nodes REF names: an IRI, a source file name, a directive number, or words of a plan/task/project name.

    Several results mean REF is ambiguous (the caller lists them); none: unknown.
    """
    ref = " ".join(ref.split())
    if not ref:
        return []
    m = re.fullmatch(r"<?(https?://\S+?)>?", ref)
    if m:
        return list(describe(store, [m.group(1)]).values())
    r = _select(store, f"SELECT DISTINCT ?d ?src WHERE {{ {_bind('src', ox.Literal(ref))}\n"
                       "  GRAPH ?g { ?d kgo:source ?src ; a kgo:Document } }")
    if r.rows:
        return list(describe(store, [row[0].value for row in r.rows]).values())
    nums = _NUMBER.findall(ref)
    if nums:
        found = _by_number(store, nums[0], year)
        rest = [w for w in words(_NUMBER.sub(" ", ref)) if w not in _TYPE_WORDS]
        if found or not rest:
            return found
    return _by_words(store, ref, year)


_TYPE_WORDS = set(words("số nghị quyết quyết định chỉ thị công văn kế hoạch thông báo công điện nghị định "
                        "thông tư luật văn bản báo cáo tờ trình chương trình ngày của"))


def _by_number(store, number: str, year: int | None) -> list[Node]:
    q = f"""
SELECT DISTINCT ?d ?cand ?y WHERE {{
  {_bind("key", ox.Literal(number_key(number)))}
  GRAPH ?g {{ ?d kgo:numberKey ?key . ?d a kgo:Directive }}
  OPTIONAL {{ GRAPH ?rg {{ ?d kgo:candidate ?cand }} }}
  OPTIONAL {{ GRAPH ?yg {{ ?d kgo:year ?y }} }}
}}"""
    r = _select(store, q)
    cands: dict[str, set[str]] = {}
    years: dict[str, set[str]] = {}
    for d, c, y in r.rows:
        cands.setdefault(d.value, set())
        if c is not None:
            cands[d.value].add(c.value)
        if y is not None:
            years.setdefault(d.value, set()).add(y.value)
    if year is not None:  # only the year's directives are answered: describe only those (one of 10-20)
        cands = {d: c for d, c in cands.items() if any(_int(y) == year for y in years.get(d, ()))}
    nodes = describe(store, list(cands))
    out = list(nodes.values())
    dated = {n.iri for n in out if not n.undated}
    # an undated citation that may be one of the dated matches is reached from it (candidate edge)
    out = [n for n in out if not (n.undated and cands.get(n.iri, set()) & dated)]
    if year is not None:
        out = [n for n in out if n.year == year]
    return sorted(out, key=lambda n: (n.year or 0, n.issuer or "", n.iri))


def _int(s: str) -> int | None:
    try:
        return int(s)
    except ValueError:
        return None


def _year_filter(nodes: list[Node], year: int | None) -> list[Node]:
    if year is None:
        return nodes
    return [n for n in nodes if n.year == year or (n.year is None and str(year) in (n.label or ""))]


def _by_words(store, ref: str, year: int | None) -> list[Node]:
    ws = list(dict.fromkeys(words(ref)))
    if not ws:
        return []
    # a whole plan or project name: its IRI is the slug of the name (no case, no diacritics), one lookup
    from ..graph.rdfmap import programme_iri, project_iri

    whole = [n for n in describe(store, [programme_iri(ref), project_iri(ref)]).values()
             if n.kind in ("Programme", "Project")]
    if whole:
        return _year_filter(whole, year)
    # The longest words filter in SPARQL, all of them in Python. The regexes go into the query text (bound
    # as a variable, Oxigraph recompiles a regex for every row: 50x slower), so they are built only from the
    # folded word's [a-z0-9] characters and this module's own character classes, and serialised as RDF
    # literals by pyoxigraph: no character of REF itself reaches the query.
    safe = [w for w in (re.sub(r"[^a-z0-9]", "", w) for w in sorted(ws, key=len, reverse=True)) if w][:6]
    filters = " && ".join(f'REGEX(?label, {ox.Literal(_word_regex(w))}, "i")' for w in safe) or "true"
    if _union_ok(store):  # scan the labels once, type-check only the hits
        q = f"""
SELECT DISTINCT ?n ?label WHERE {{
  ?n skos:prefLabel|skos:altLabel ?label . FILTER ({filters})
  LATERAL {{ ?n a ?t . FILTER (?t IN (kgo:Programme, kgo:Project, kgo:Task)) }}
}}"""
    else:
        q = f"""
SELECT DISTINCT ?n ?label WHERE {{
  VALUES ?t {{ kgo:Programme kgo:Project kgo:Task }}
  GRAPH ?g {{ ?n a ?t ; skos:prefLabel|skos:altLabel|kgo:label ?label }}
  FILTER ({filters})
}}"""
    r = _select(store, q, union=True)
    want = set(ws)
    full = " ".join(words(ref))
    hits: dict[str, bool] = {}
    for n, label in r.rows:
        lw = words(label.value)
        if want <= set(lw):
            hits[n.value] = hits.get(n.value, False) or " ".join(lw) == full
    exact = [i for i, e in hits.items() if e]
    nodes = describe(store, exact or list(hits))
    out = _year_filter(list(nodes.values()), year)
    kind_order = {"Programme": 0, "Project": 1, "Task": 2}
    return sorted(out, key=lambda n: (kind_order.get(n.kind, 9), n.label or "", n.iri))


# ---------------------------------------------------------------------------------------------- structure
@dataclass(frozen=True)
class _Edge:
    child: str
    parent: str
    relation: str
    via: str | None  # the resource whose mention is the evidence (statement, task, target)


def _reach(var: str, step: str, hops: int | None, first: str | None = None) -> str:
    """A group binding ?var to the nodes at most `hops` steps from ?root (None: any number), optionally
    through one `first` step. Paths always start at the bound ?root (inverse steps for going down):
    Oxigraph evaluates `?x p/p ?root` from the unbound end, and `p?/p?` badly."""
    head = f"{first}/" if first else ""
    if hops is None:
        return f"?root {head}{step}* ?{var} ."
    alts = []
    if first:  # first, then 0 .. hops-1 steps
        for k in range(hops):
            alts.append(f"{{ ?root {'/'.join([first] + [step] * k)} ?{var} }}")
    else:  # 0 or 1 step as `step?` (a BIND of ?root here would see ?root unbound), then 2 .. hops steps
        alts.append(f"{{ ?root {step}? ?{var} }}")
        for k in range(2, hops + 1):
            alts.append(f"{{ ?root {'/'.join([step] * k)} ?{var} }}")
    return "{ " + " UNION ".join(alts) + " }" if alts else ""


def _structure_union(store, root: ox.NamedNode, up: bool, down: bool, depth: int | None,
                     first_up: bool) -> list[_Edge]:
    """Edges of the region around root, in one query over the union graph: property paths from the root,
    then, for each node reached, its edges (LATERAL: a nested loop instead of a join with every edge)."""
    hops = None if depth is None else depth - 1
    edges = _EDGES_FROM.format(c="child", p="parent")
    parts = []
    if up:
        if first_up:  # the tasks naming the root (agency, project), then up from them
            parts.append('{ ?parent kgo:assignedTo ?root . BIND(?root AS ?child) BIND("assigned_to" AS ?rel) }')
            parts.append('{ ?parent kgo:concerns ?root . BIND(?root AS ?child) BIND("concerns" AS ?rel) }')
            reach = _reach("child", _UP_STEP, hops, _FIRST_UP)
        else:
            reach = _reach("child", _UP_STEP, hops)
        if reach:
            parts.append(f"{{ {reach} LATERAL {{ {edges} }} }}")
    if down:
        reach = _reach("parent", f"^{_UP_STEP}", hops)
        parts.append(f"{{ {reach} LATERAL {{ {edges}\n"
                     f"  UNION {{ ?parent kgo:assignedTo ?child . BIND(\"assigned_to\" AS ?rel) }}\n"
                     f"  UNION {{ ?parent kgo:concerns ?child . BIND(\"concerns\" AS ?rel) }} }} }}")
    if not parts:
        return []
    q = "SELECT DISTINCT ?child ?parent ?rel ?st ?root WHERE {\n" + "\nUNION\n".join(parts) + "\n}"
    r = _select(store, q, {"root": root}, union=True)
    return [_edge(c, p, rel, st) for c, p, rel, st, _ in r.rows]


def _structure_levels(store, root: str, up: bool, down: bool, depth: int | None, first_up: bool,
                      relations: set[str] | None, limit: int) -> tuple[list[_Edge], bool]:
    """Edges around root fetched one level at a time (the edges of the nodes reached so far, a nested loop
    per node), stopping once more than `limit` nodes are reached: a big tree costs what its answer shows.
    Returns the edges and whether the walk stopped before the end."""
    edges: list[_Edge] = []
    seen = {root}
    cut = False
    for direction in ("up", "down"):
        if (direction == "up" and not up) or (direction == "down" and not down):
            continue
        frontier, d = [root], 0
        while frontier:
            if depth is not None and d >= depth:
                break
            if len(seen) > limit:
                cut = True
                break
            if direction == "up":
                block = _EDGES_FROM.format(c="x", p="parent") + "\n  BIND(?x AS ?child)"
                if first_up and d == 0:
                    block = (f"{{ {block} }}\n  UNION {{ ?parent kgo:assignedTo ?x . BIND(?x AS ?child) "
                             f"BIND(\"assigned_to\" AS ?rel) }}\n  UNION {{ ?parent kgo:concerns ?x . "
                             f"BIND(?x AS ?child) BIND(\"concerns\" AS ?rel) }}")
            else:
                block = (_EDGES_FROM.format(c="child", p="x")
                         + "\n  UNION { ?x kgo:assignedTo ?child . BIND(\"assigned_to\" AS ?rel) }"
                         + "\n  UNION { ?x kgo:concerns ?child . BIND(\"concerns\" AS ?rel) }")
                block = f"{{ {block} }} BIND(?x AS ?parent)"
            # the frontier node by its position (an inline integer): its IRI is not decoded again on every row
            reached = "?parent" if direction == "up" else "?child"
            values = " ".join(f"({ox.NamedNode(x)} {j})" for j, x in enumerate(frontier))
            q = (f"SELECT DISTINCT ?j {reached} ?rel ?st WHERE {{\n  VALUES (?x ?j) {{ {values} }}\n"
                 f"  LATERAL {{ {block} }}\n}}")
            nxt = []
            for j, o, rel, st in _select(store, q, union=True).rows:
                x = ox.NamedNode(frontier[int(j.value)])
                e = _edge(x, o, rel, st) if direction == "up" else _edge(o, x, rel, st)
                edges.append(e)
                if relations is not None and e.relation not in relations:
                    continue
                if e.relation in ATTACH and not (direction == "up" and first_up and d == 0):
                    continue  # a leaf going down; going up only the first step from an agency or project
                other = e.parent if direction == "up" else e.child
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
            frontier, d = nxt, d + 1
    return edges, cut


def _bound(tree: LineageTree, limit: int) -> None:
    """Keep the first `limit` nodes of the tree, nearest the root first; a node whose children were left out
    counts them in `more`."""
    level = [(None, t) for t in tree.ancestors + tree.descendants]
    kept = 0
    while level:
        nxt = []
        for parent, t in level:
            if kept < limit:
                kept += 1
                nxt += [(t, c) for c in t.children]
            else:
                if parent is not None:
                    parent.children.remove(t)
                    parent.more += 1
                else:
                    (tree.ancestors if t in tree.ancestors else tree.descendants).remove(t)
                tree.limit = limit
        level = nxt


def _structure_all(store) -> list[_Edge]:
    """Every edge of the graph, in one query (for endpoints whose default graph is not the union)."""
    q = """
SELECT DISTINCT ?child ?parent ?rel ?st WHERE {
  { GRAPH ?g { ?st kgo:child ?child ; kgo:parent ?parent ; kgo:relation ?rel } }
  UNION { GRAPH ?g { ?child kgo:partOf ?parent } BIND("part_of" AS ?rel) }
  UNION { GRAPH ?g { ?child kgo:setBy ?parent } BIND("set_by" AS ?rel) }
  UNION { GRAPH ?g { ?child kgo:candidate ?parent } BIND("candidate" AS ?rel) }
  UNION { GRAPH ?g { ?parent kgo:assignedTo ?child } BIND("assigned_to" AS ?rel) }
  UNION { GRAPH ?g { ?parent kgo:concerns ?child } BIND("concerns" AS ?rel) }
}"""
    r = _select(store, q)
    return [_edge(c, p, rel, st) for c, p, rel, st in r.rows]


def _edge(c, p, rel, st) -> _Edge:
    """The evidence of an edge: its lineage statement's mention; the task's or target's own mention."""
    rel = rel.value
    via = st.value if st is not None else (c.value if rel in ("part_of", "set_by") else
                                           p.value if rel in ATTACH else None)
    return _Edge(c.value, p.value, rel, via)


def _evidence(store, vias: list[str]) -> dict[str, list[Evidence]]:
    if not vias:
        return {}
    vias = list(dict.fromkeys(vias))
    values = " ".join(f"({ox.NamedNode(x)} {j})" for j, x in enumerate(vias))  # rows say ?j, not the IRI
    q = f"""
SELECT DISTINCT ?j ?sentence ?source ?start ?end ?head WHERE {{
  VALUES (?x ?j) {{ {values} }}
  {_lateral(store)} {{ GRAPH ?g {{ ?x kgo:mention ?m . ?m kgo:inDocument ?d . OPTIONAL {{ ?x kgo:label ?head }}
             OPTIONAL {{ ?m kgo:sentence ?sentence }} OPTIONAL {{ ?d kgo:source ?source }}
             OPTIONAL {{ ?m kgo:start ?start }} OPTIONAL {{ ?m kgo:end ?end }} }} }}
}}"""
    out: dict[str, list[Evidence]] = {}
    for j, sent, src, s0, s1, head in _select(store, q).rows:
        sent = _v(sent) or None
        if head is not None and (sent is None or not re.search(r"[^\W\d_]{2,}", sent)):
            sent = head.value  # a task whose sentence is only its number ("4."): its heading instead
        e = Evidence(sent, _v(src), int(s0.value) if s0 else None, int(s1.value) if s1 else None)
        lst = out.setdefault(vias[int(j.value)], [])
        if e not in lst:
            lst.append(e)
    for lst in out.values():
        lst.sort(key=lambda e: (e.source or "", e.start or 0))
    return out


RELATIONS = tuple(UP_PHRASE)


DEFAULT_LIMIT = 200  # nodes in an answer: the biggest trees hold thousands (every report's tasks)


def lineage(store, node_iri: str, up: bool = True, down: bool = True, depth: int | None = None,
            relations: set[str] | None = None, limit: int | None = None) -> LineageTree:
    """Ancestors and descendants of a node as trees, each edge with its evidence.

    relations: follow only edges of these relations (see RELATIONS; None: all); limit: at most this many
    nodes, nearest the root first, fetched and described (None or 0: all); `tree.limit` says when more
    were left out."""
    limit = limit or None
    if depth is not None and depth < 0:
        raise LineageError("depth must be >= 0")
    if relations is not None and not set(relations) <= set(RELATIONS):
        bad = sorted(set(relations) - set(RELATIONS))
        raise LineageError(f"unknown relation {', '.join(bad)} (relations: {', '.join(RELATIONS)})")
    root_info = describe(store, [node_iri])
    if node_iri not in root_info:
        raise LineageError(f"{node_iri}: not in the graph")
    root = root_info[node_iri]
    first_up = root.kind in ("Agency", "Project")
    if depth == 0:
        return LineageTree(root, depth=depth)
    cut = False
    if _union_ok(store) and limit:
        q_depth = None if depth is None else depth + 1  # one more level to know whether it was cut
        edges, cut = _structure_levels(store, node_iri, up, down, q_depth, first_up, relations, limit)
    elif _union_ok(store):
        q_depth = None if depth is None else depth + 1
        edges = _structure_union(store, ox.NamedNode(node_iri), up, down, q_depth, first_up)
    else:
        edges = _structure_all(store)
    up_adj: dict[str, list[_Edge]] = {}
    down_adj: dict[str, list[_Edge]] = {}
    for e in edges:
        up_adj.setdefault(e.child, []).append(e)
        down_adj.setdefault(e.parent, []).append(e)

    truncated = False

    def walk(direction: str) -> list[TreeNode]:
        nonlocal truncated
        adj = up_adj if direction == "up" else down_adj
        seen = {node_iri}
        top: list[TreeNode] = []
        queue: deque[tuple[str, int, list[TreeNode]]] = deque([(node_iri, 0, top)])
        while queue:
            iri, d, into = queue.popleft()
            groups: dict[tuple[str, str], list[_Edge]] = {}
            for e in adj.get(iri, ()):
                if direction == "up" and e.relation in ATTACH and not (first_up and d == 0):
                    continue
                if relations is not None and e.relation not in relations:
                    continue
                other = e.parent if direction == "up" else e.child
                groups.setdefault((other, e.relation), []).append(e)
            if groups and depth is not None and d >= depth:
                truncated = True
                continue
            for (other, rel), es in groups.items():
                t = TreeNode(Node(other), rel, depth=d + 1)
                t._vias = [e.via for e in es]  # type: ignore[attr-defined]
                into.append(t)
                if direction == "down" and rel in ATTACH:
                    continue  # a leaf: a task's agency, project or programme
                if other in seen:
                    t.repeated = True
                    continue
                seen.add(other)
                queue.append((other, d + 1, t.children))
        return top

    anc = walk("up") if up else []
    desc = walk("down") if down else []
    tree = LineageTree(root, anc, desc, depth=depth, truncated=truncated)
    if limit:
        _bound(tree, limit)
        if cut:
            tree.limit = limit
    # labels and evidence of everything reached: two queries, whatever the size
    nodes = list(tree.iter())
    info = describe(store, [t.node.iri for t in nodes])
    vias = []
    for t in nodes:
        t.node = info.get(t.node.iri, t.node)
        vias += [v for v in t._vias if v]  # type: ignore[attr-defined]
    ev = _evidence(store, vias)
    for t in nodes:
        for v in t._vias:  # type: ignore[attr-defined]
            for e in ev.get(v, []) if v else []:
                if e not in t.evidence:
                    t.evidence.append(e)
        del t._vias  # type: ignore[attr-defined]
        t.children.sort(key=_order)
    tree.ancestors.sort(key=_order)
    tree.descendants.sort(key=_order)
    return tree


_KIND_ORDER = {"Directive": 0, "Document": 1, "Programme": 2, "Law": 3, "Task": 4, "Target": 5, "Project": 6,
               "Agency": 7}


def natural_key(s: str | None) -> tuple:
    """Sort key reading runs of digits as numbers: 2 before 10, '1.2' before '1.10', 'I' after numbers."""
    parts = re.split(r"(\d+)", s or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)


def _order(t: TreeNode):
    n = t.node
    return (_KIND_ORDER.get(n.kind, 9), n.year or 0, natural_key(n.number) if n.kind == "Task" else (),
            n.title(), n.iri, t.relation or "")

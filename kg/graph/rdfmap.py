"""Map an `Extraction` to RDF quads in the document's own named graph, with provenance on every fact.

IRIs are deterministic: the same directive (number + issuer + year), agency, project or programme gets the
same IRI in every run and every document; document-local things (mentions, tasks, targets) are keyed by the
document's file name and offsets.

The mapper writes N-Quads lines, as Oxigraph's serialiser writes them (the store's bulk loader reads them as
they are): terms are kept in their written form (`Iri`, `Lit`), so a term used in many triples is written
once, and no pyoxigraph object is built for a document's ~10^5 terms.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import OrderedDict
from datetime import datetime, timezone
from functools import lru_cache

from pyoxigraph import Quad, RdfFormat, parse

from ..extract.recognise.agencies import canonical_agency
from ..extract.recognise.directives import number_key
from ..extract.records import DirectiveRef, Endpoint, Extraction
from .vocab import BASE
from .vocab import KGO as _KGO


class Iri(str):
    """An IRI as N-Triples writes it, "<...>" (IRIs the mapper builds: slugs and constants, never text)."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return self[1:-1]


def iri(value: str) -> Iri:
    return Iri(f"<{value}>")


class Lit(str):
    """A literal as N-Triples writes it: '"text"' or '"lexical form"^^<datatype>'."""

    __slots__ = ()


# what N-Triples escapes in a literal, as Oxigraph writes it: ECHAR where there is one, else \uXXXX
_ESCAPES = {**{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]},
            0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_STRING = "<http://www.w3.org/2001/XMLSchema#string>"
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f\"\\\\\ufffe\uffff]")


def literal(value: str, datatype: Iri | None = None, language: str | None = None) -> Lit:
    text = value.translate(_ESCAPES) if _NEEDS_ESCAPE.search(value) else value
    if datatype is not None and datatype != _STRING:  # an xsd:string is written as a simple literal
        return Lit(f'"{text}"^^{datatype}')
    return Lit(f'"{text}"@{language.lower()}' if language else f'"{text}"')


class _Terms:
    """The ontology's terms as written IRIs, each built once: the mapper asks for a term for every triple
    it writes."""

    def __getattr__(self, name: str):
        term = getattr(_KGO, name)  # an unknown name still fails here
        if not name.startswith("_"):
            term = iri(str(term))
        setattr(self, name, term)
        return term


KGO = _Terms()

RDF_TYPE = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
ROLES = {"lead": KGO.LeadRole, "cooperate": KGO.CooperateRole, "investor": KGO.InvestorRole, "supervise": KGO.SuperviseRole}
QB = "http://purl.org/linked-data/cube#"
_QB_OBSERVATION, _QB_DATASET = iri(QB + "Observation"), iri(QB + "dataSet")
PREF = iri(SKOS + "prefLabel")
ALT = iri(SKOS + "altLabel")
RELATION_PROPERTY = {
    "implements": str(_KGO.implements),
    "responds_to": str(_KGO.respondsTo),
    "reports_on": str(_KGO.reportsOn),
    "based_on": ELI + "based_on",
}
PROGRAMME_KINDS = ("Chương trình", "Đề án", "Quy hoạch", "Kế hoạch", "Phong trào", "Chiến dịch", "Nghị quyết",
                   "Quyết định", "Phương án")


@lru_cache(maxsize=65536)
def slug(s: str, limit: int = 120) -> str:
    """ASCII slug: diacritics off, đ as d, lower case, '-' between words (deterministic, stable)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > limit:
        import hashlib

        s = s[: limit - 9].rstrip("-") + "-" + hashlib.sha1(s.encode()).hexdigest()[:8]
    return s or "x"


def document_iri(source: str) -> str:
    return f"{BASE}id/document/{slug(source)}"


def graph_iri(source: str) -> str:
    return f"{BASE}graph/{slug(source)}"


RESOLUTION_GRAPH = f"{BASE}graph/_resolution"
SENTENCE_CAP = 600  # characters of evidence per mention; longer sentences are cut around the mention


def agency_iri(name: str) -> str:
    return f"{BASE}id/agency/{slug(name)}"


def directive_iri(number: str, issuer: str | None, issuer_code: str | None, year: int | None) -> str:
    who = slug(issuer) if issuer else "unknown-" + slug(issuer_code or "")
    return f"{BASE}id/directive/{who}/{slug(number_key(number))}/{year if year else 'undated'}"


def programme_iri(name: str) -> str:
    return f"{BASE}id/programme/{slug(name)}"


def project_iri(name: str) -> str:
    return f"{BASE}id/project/{slug(name)}"


def indicator_iri(key, kind: str) -> str:
    """One node per indicator key and kind (`kg/graph/indicators.py`): amount-trong-rung, rate-grdp ..."""
    return f"{BASE}id/indicator/{kind}-{slug(key.text) if key.tokens else 'x'}"


def law_iri(name: str) -> str:
    return f"{BASE}id/law/{slug(name)}"


# datatypes built once: a document's graph holds ~10^5 literals
_BOOLEAN, _INTEGER, _DECIMAL, _DATE = (iri(XSD + t) for t in ("boolean", "integer", "decimal", "date"))


# the mention's predicates, written once (a document has ~10^4 mentions)
_P_IN_DOCUMENT, _P_START, _P_END, _P_SOURCE_START, _P_SOURCE_END, _P_AS_WRITTEN, _P_SENTENCE, _P_FOOTNOTE = (
    KGO.inDocument, KGO.start, KGO.end, KGO.sourceStart, KGO.sourceEnd, KGO.asWritten, KGO.sentence, KGO.footnote)


def _lit(v) -> Lit:
    # numbers and booleans are written as they are: nothing in them to escape (~10^4 offsets a document)
    if isinstance(v, bool):
        return Lit(f'"{"true" if v else "false"}"^^{_BOOLEAN}')
    if isinstance(v, int):
        return Lit(f'"{v!s}"^^{_INTEGER}')
    if isinstance(v, float):
        return Lit(f'"{_decimal(v)}"^^{_DECIMAL}')
    return literal(str(v))


def _decimal(v: float) -> str:
    s = f"{v:.6f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


def _str(v) -> str | None:
    return None if v is None else str(v)


def _date(iso: str) -> Lit:
    return literal(iso, datatype=_DATE)


_PREDICATES: dict[str, Iri] = {}


def _predicate(p) -> Iri:
    key = str(p)
    node = _PREDICATES.get(key)
    if node is None:
        node = _PREDICATES[key] = iri(key)
    return node


class _Quads:
    """A graph's N-Quads lines."""

    def __init__(self, graph: str) -> None:
        self.g = iri(graph)
        self.end = f" {self.g} .\n"
        self.quads: list[str] = []

    def add(self, s, p, o) -> None:
        if o is None:
            return
        if type(s) is not Iri:
            s = iri(s)
        if type(p) is not Iri:
            p = _predicate(p)
        if type(o) is not Iri and type(o) is not Lit:
            o = _lit(o)
        self.quads.append(f"{s} {p} {o}{self.end}")

    def type(self, s, cls) -> None:
        self.add(s, RDF_TYPE, cls if type(cls) is Iri else iri(str(cls)))


class Mapper:
    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.q = _Quads(graph_iri(ex.source))
        self.doc = iri(document_iri(ex.source))
        self.docslug = slug(ex.source)
        self._mention_prefix = f"<{BASE}id/mention/{self.docslug}/"
        self._sent_starts = [s.start for s in ex.sentences]
        self._fn = sorted(ex.footnotes, key=lambda f: f.start)
        self._mentions: dict[tuple[int, int, str], Iri] = {}  # (start, end, tag) -> the mention's node
        self._sentence_lits: dict[str, Lit] = {}
        self._agencies_done: set[str] = set()
        self._dataset = False
        self._area: tuple[str, str] | None = None

    # ---------------------------------------------------------------- provenance
    def sentence(self, start: int, end: int | None = None) -> str:
        """The sentence (else the line) holding a mention, cut to SENTENCE_CAP characters around it: every
        mention carries its evidence, and an endless line must not make the graph quadratic in its length."""
        k = bisect.bisect_right(self._sent_starts, start) - 1
        if 0 <= k < len(self.ex.sentences) and start < self.ex.sentences[k].end:
            sent = self.ex.sentences[k]
            a, b = sent.start, sent.end
            if b - a <= SENTENCE_CAP:
                return sent.text
        else:  # fall back to the line
            a = self.ex.text.rfind("\n", 0, start) + 1
            b = self.ex.text.find("\n", start)
            b = b if b >= 0 else len(self.ex.text)
        if b - a > SENTENCE_CAP:
            end = min(max(end or start, start), b)
            lo = max(a, min(start - (SENTENCE_CAP - (end - start)) // 2, b - SENTENCE_CAP))
            hi = min(b, lo + SENTENCE_CAP)
            text = self.ex.text[lo:hi].strip()
            return ("… " if lo > a else "") + text + (" …" if hi < b else "")
        return self.ex.text[a:b].strip()

    def _sentence_literal(self, start: int, end: int) -> Lit:
        # a sentence holds a few mentions: its literal is escaped once
        text = self.sentence(start, end)
        lit = self._sentence_lits.get(text)
        if lit is None:
            lit = self._sentence_lits[text] = literal(text)
        return lit

    def mention(self, entity: Iri, start: int, end: int, tag: str) -> Iri:
        # one span often names several entities (a citation and its directive): its node is described once
        m = self._mentions.get((start, end, tag))
        if m is None:
            m = self._mentions[start, end, tag] = self._new_mention(start, end, tag)
        self.q.add(entity, KGO.mention, m)
        return m

    def _new_mention(self, start: int, end: int, tag: str) -> Iri:
        m = Iri(f"{self._mention_prefix}{start}-{end}-{tag}>")
        # lines written here, not through add(): every term is written (~10^4 mentions in a long report)
        g = self.q.end
        lines = [f"{m} {RDF_TYPE} {KGO.Mention}{g}", f"{m} {_P_IN_DOCUMENT} {self.doc}{g}",
                 f'{m} {_P_START} "{start}"^^{_INTEGER}{g}', f'{m} {_P_END} "{end}"^^{_INTEGER}{g}']
        ct = self.ex.source_offsets
        if ct is not None:
            s0, s1 = ct.source_span(start, end)
            lines += [f'{m} {_P_SOURCE_START} "{s0}"^^{_INTEGER}{g}', f'{m} {_P_SOURCE_END} "{s1}"^^{_INTEGER}{g}']
        lines += [f"{m} {_P_AS_WRITTEN} {literal(' '.join(self.ex.text[start:end].split()))}{g}",
                  f"{m} {_P_SENTENCE} {self._sentence_literal(start, end)}{g}"]
        for f in self._fn:
            if f.start <= start < f.end:
                lines.append(f"{m} {_P_FOOTNOTE} {_lit(f.label)}{g}")
                break
        self.q.quads += lines
        return m

    # ---------------------------------------------------------------- entities
    def agency(self, name: str, kind: str | None = None) -> Iri:
        a = iri(agency_iri(name))
        if name not in self._agencies_done:
            self._agencies_done.add(name)
            self.q.type(a, KGO.Agency)
            self.q.type(a, ORG + "Organization")
            self.q.add(a, PREF, name)
            if kind:
                self.q.add(a, KGO.agencyKind, kind)
        return a

    def run(self) -> tuple[str, list[str]]:
        ex, q, d = self.ex, self.q, self.doc
        h = ex.header
        q.type(d, KGO.Document)
        q.add(d, KGO.source, ex.source)
        q.add(d, KGO.sha256, ex.sha256 or None)
        q.add(d, KGO.kind, h.kind)
        q.add(d, KGO.title, h.title)
        q.add(d, KGO.placeName, h.place)
        self.area()
        q.add(d, ELI + "id_local", h.number)
        q.add(d, KGO.ingestedAt, literal(datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                         datatype=iri(XSD + "dateTime")))
        if h.date:
            if len(h.date) == 10:
                q.add(d, ELI + "date_document", _date(h.date))
            else:
                q.add(d, KGO.period, h.date)
        named = {a.name for a in ex.agencies}
        anchor = h.title_span or (0, min(len(ex.text), 1))
        if h.issuer:
            q.add(d, ELI + "passed_by", self.agency(h.issuer))
            if h.issuer not in named:  # read from the header's layout, not from a phrase
                q.add(self.mention(self.agency(h.issuer), anchor[0], anchor[1], "issuer"), KGO.inferredFrom, "header")
        if h.addressee:
            name = canonical_agency(h.addressee, None)
            if name:
                q.add(d, KGO.addressee, self.agency(name))
                if name not in named:
                    q.add(self.mention(self.agency(name), anchor[0], anchor[1], "addressee"), KGO.inferredFrom, "header")
        if h.title_span:
            self.mention(d, h.title_span[0], h.title_span[1], "title")
        dir_iris = self.directives()
        self.agencies()
        self.named()
        task_iris = self.tasks()
        self.responsibilities(dir_iris, task_iris)
        self.quantities(task_iris)
        self.lineage(dir_iris, task_iris)
        return graph_iri(ex.source), q.quads

    def directives(self) -> dict[str, Iri]:
        """One Citation per distinct number in this document, and the Directive it refers to."""
        groups: OrderedDict[str, list[DirectiveRef]] = OrderedDict()
        for r in sorted(self.ex.directives, key=lambda r: r.start):
            groups.setdefault(number_key(r.number), []).append(r)
        iris: dict[str, Iri] = {}
        q = self.q
        for key, refs in groups.items():
            first = refs[0]
            dates = list(OrderedDict.fromkeys(r.date for r in refs if r.date))
            years = [r.year for r in refs if r.year]
            year = years[0] if years else None
            issuer = next((r.issuer for r in refs if r.issuer), None)
            type_word = next((r.type for r in refs if r.type), None)
            code = first.issuer_code
            di = iri(directive_iri(first.number, issuer, code, year))
            iris[key] = di
            q.type(di, KGO.Directive)
            if year is None:
                q.type(di, KGO.UndatedDirective)
            q.add(di, ELI + "id_local", first.number)
            q.add(di, KGO.numberKey, key)
            q.add(di, KGO.typeLabel, type_word)
            q.add(di, KGO.typeCode, first.type_code)
            q.add(di, KGO.issuerCode, code)
            q.add(di, KGO.year, year)
            if issuer:
                ag = self.agency(issuer)
                q.add(di, ELI + "passed_by", ag)
                if not any(a.name == issuer for a in self.ex.agencies):
                    # the issuer is read from the number's symbol (TU, QH15 ...): that is its provenance
                    m = self.mention(ag, first.number_start, first.number_end, "issuer")
                    q.add(m, KGO.inferredFrom, "symbol")
            for dt in dates:
                q.add(di, ELI + "date_document", _date(dt))
            c = iri(f"{BASE}id/citation/{self.docslug}/{slug(key)}")
            q.type(c, KGO.Citation)
            q.add(c, KGO.citedIn, self.doc)
            q.add(c, KGO.refersTo, di)
            q.add(c, KGO.number, first.number)
            q.add(c, KGO.typeLabel, type_word)
            q.add(c, KGO.year, year)
            q.add(c, KGO.issuerName, issuer)
            if dates:
                q.add(c, ELI + "date_document", _date(dates[0]))
            if len(dates) > 1:
                for dt in dates:
                    q.add(c, KGO.dateConflict, _date(dt))
                    q.add(di, KGO.dateConflict, _date(dt))
            for r in refs:
                self.mention(c, r.start, r.end, "cite")
                self.mention(di, r.start, r.end, "cite")
        return iris

    def agencies(self) -> None:
        for a in self.ex.agencies:
            node = self.agency(a.name, a.kind)
            if a.text != a.name:
                self.q.add(node, ALT, a.text)
            self.mention(node, a.start, a.end, "agency")

    def named(self) -> None:
        for n in self.ex.named:
            if n.category == "project":
                node = iri(project_iri(n.name))
                self.q.type(node, KGO.Project)
            else:
                node = iri(programme_iri(n.name))
                self.q.type(node, KGO.Programme)
                self.q.add(node, KGO.kind, n.kind)
            self.q.add(node, PREF, n.name)
            if n.text != n.name:
                self.q.add(node, ALT, n.text)
            self.mention(node, n.start, n.end, n.category)

    def tasks(self) -> dict[str, Iri]:
        iris: dict[str, Iri] = {}
        q = self.q
        for t in self.ex.tasks:
            node = iri(f"{BASE}id/task/{self.docslug}/{slug(t.n)}")
            iris[t.n] = node
            q.type(node, KGO.Task)
            q.add(node, KGO.taskNumber, t.n)
            q.add(node, KGO.label, t.head)
            q.add(node, PREF, t.head)
            q.add(node, KGO.text, t.text)
            q.add(node, KGO.period, t.period)
            q.add(node, KGO.sectionHeading, t.section)
            q.add(node, KGO.partOf, self.doc)
            self.mention(node, t.start, min(t.end, t.start + len(t.head) + 3), "task")
        for n, what, m in self.ex.task_links:
            node = iris.get(n)
            if node is None:
                continue
            if what == "agency":  # who the task is assigned to comes from the stated responsibilities
                target, prop = self.agency(m.name, m.kind), KGO.concerns
            elif what == "project":
                target, prop = iri(project_iri(m.name)), KGO.concerns
            else:
                target, prop = iri(programme_iri(m.name)), KGO.concerns
            q.add(node, prop, target)
        return iris

    def responsibilities(self, dir_iris: dict[str, Iri], task_iris: dict[str, Iri]) -> None:
        """Each responsibility as a PROV qualified association: agent, role, object, deadline, the statement."""
        q = self.q
        for r in self.ex.responsibilities:
            obj = self._responsibility_object(r, dir_iris, task_iris)
            if obj is None:
                continue
            ag = self.agency(r.agency)
            if r.agency_end > r.agency_start and not any(a.start == r.agency_start and a.name == r.agency
                                                         for a in self.ex.agencies):
                self.mention(ag, r.agency_start, r.agency_end, "agency")  # a table cell's name, read there
            node = iri(f"{BASE}id/responsibility/{self.docslug}/{r.role}/{r.object_kind}-"
                             f"{slug(r.object or 'this', 60)}/{slug(r.agency, 80)}")
            q.type(node, KGO.Responsibility)
            q.type(node, PROV + "Association")
            q.add(node, PROV + "agent", ag)
            q.add(node, PROV + "hadRole", ROLES[r.role])  # ontology terms are pyoxigraph nodes here
            q.add(node, KGO.role, r.role)
            q.add(node, KGO.responsibilityFor, obj)
            if r.object_kind in ("task", "programme", "document"):
                q.add(node, PROV + "hadPlan", obj)
            q.add(node, KGO.objectKind, r.object_kind)
            q.add(node, KGO.objectKey, r.object or self.ex.source)
            q.add(node, KGO.deadline, r.deadline)
            if r.inferred:
                q.add(node, KGO.inferred, True)
            elif r.role == "lead" and r.object_kind == "task":
                q.add(obj, KGO.assignedTo, ag)
            self.mention(node, r.start, r.end, "responsibility")

    def _responsibility_object(self, r, dir_iris, task_iris) -> Iri | None:
        if r.object_kind == "document":
            return self.doc
        if r.object_kind == "directive":
            return dir_iris.get(number_key(r.object))
        if r.object_kind == "project":
            return iri(project_iri(r.object))
        if r.object_kind == "programme":
            return iri(programme_iri(r.object))
        if r.object_kind == "target":  # a target of this document, by its indicator: the first one listed
            return next((self._quantity_iri(i, x) for i, x in enumerate(self.ex.quantities)
                         if x.category == "target" and x.indicator == r.object), None)
        node = task_iris.get(r.object)
        if node is None:  # a row of an assignment table: a task of its own
            node = task_iris[r.object] = iri(f"{BASE}id/task/{self.docslug}/{slug(r.object)}")
            self.q.type(node, KGO.Task)
            self.q.add(node, KGO.taskNumber, r.object)
            label = r.object_label or r.object
            self.q.add(node, KGO.label, label)
            self.q.add(node, PREF, label)
            self.q.add(node, KGO.partOf, self.doc)
            self.mention(node, r.start, r.end, "task")
        return node

    def _quantity_iri(self, i: int, x) -> Iri:
        return iri(f"{BASE}id/{x.category}/{self.docslug}/{x.start}-{x.end}-{i}")

    def quantities(self, task_iris: dict[str, Iri]) -> None:
        # lines written here, not through add(): a report states ~10^3 figures, a dozen triples each
        g, out = self.q.end, self.q.quads
        tasks = [(t.start, t.end, task_iris[t.n]) for t in self.ex.tasks]
        for i, x in enumerate(self.ex.quantities):
            target = x.category == "target"
            node = self._quantity_iri(i, x)
            out.append(f"{node} {RDF_TYPE} {KGO.Target if target else KGO.Result}{g}")
            for p, v in ((KGO.indicator, x.indicator), (KGO.value, float(x.value)),
                         (KGO.maxValue, None if x.max is None else float(x.max)), (KGO.comparator, x.comparator),
                         (KGO.unit, x.unit), (KGO.valueText, x.value_text), (KGO.period, x.period),
                         (KGO.percentOfPlan, None if x.percent_of_plan is None else float(x.percent_of_plan))):
                if v is not None:
                    out.append(f"{node} {p} {_lit(v)}{g}")
            self.observation(node, x)
            owner = next((n for a, b, n in tasks if a <= x.start < b), self.doc)
            out.append(f"{node} {KGO.setBy if target else KGO.reportedIn} {owner}{g}")
            self.mention(node, x.start, x.end, x.category)

    def area(self) -> None:
        """The place and level the document speaks for (progress links only join figures of one area)."""
        from .indicators import document_area

        area = self._area = document_area(self.ex.text[:1500], self.ex.header.issuer) or self.ex.area
        if area:
            self.q.add(self.doc, KGO.level, area[0])
            self.q.add(self.doc, KGO.refArea, area[1])

    def observation(self, node: Iri, x) -> None:
        """A target or result as a Data Cube observation of its indicator (a node per indicator key)."""
        from .indicators import indicator_key, kind_of

        ind = iri(indicator_iri(indicator_key(x.indicator), kind_of(x.indicator, x.unit, x.comparator)))
        g = self.q.end
        self.q.quads += [f"{node} {RDF_TYPE} {_QB_OBSERVATION}{g}", f"{node} {_QB_DATASET} {self.doc}{g}",
                         f"{node} {KGO.measuredIndicator} {ind}{g}", f"{ind} {RDF_TYPE} {KGO.Indicator}{g}"]
        self.q.add(ind, ALT, x.indicator)
        if not self._dataset:
            self._dataset = True
            self.q.type(self.doc, QB + "DataSet")
            self.q.add(self.doc, QB + "structure", KGO.quantityStructure)

    def figures(self) -> list[dict[str, str | None]] | None:
        """After `run`: the rows the progress relink reads for this document's targets and results
        (`progress._READ`, values as the store holds them), so that an ingest links the figures it writes
        without reading them back. None when the store's order of rows would decide (the issuer's node holds
        two names and the document states no area: the relink reads the first)."""
        ex, h = self.ex, self.ex.header
        level, place = self._area or (None, None)
        if level is None or place is None:
            level = place = None
        issuers = [None]
        if h.issuer:  # every name written under the issuer's node (two names can share an IRI)
            issuers = sorted({n for n in self._agencies_done if agency_iri(n) == agency_iri(h.issuer)})
            if len(issuers) > 1 and level is None:
                return None
        doc = {"source": ex.source, "level": level, "area": place, "issuer": issuers[0], "title": h.title,
               "dkind": h.kind}
        rows = []
        for i, x in enumerate(ex.quantities):
            if x.indicator is None or x.unit is None:
                continue
            cls = KGO.Target if x.category == "target" else KGO.Result
            rows.append({**doc, "q": self._quantity_iri(i, x).value, "cls": cls.value, "indicator": str(x.indicator),
                         "value": _decimal(float(x.value)), "unit": str(x.unit),
                         "max": None if x.max is None else _decimal(float(x.max)),
                         "pct": None if x.percent_of_plan is None else _decimal(float(x.percent_of_plan)),
                         "period": _str(x.period), "comparator": _str(x.comparator), "vt": _str(x.value_text),
                         "m": self._mentions[x.start, x.end, x.category].value,
                         "sentence": self.sentence(x.start, x.end)})
        return rows

    def _endpoint(self, e: Endpoint, dir_iris: dict[str, Iri], task_iris: dict[str, Iri]):
        """(node, label as the contract shows it) for one end of a lineage link."""
        if e.kind == "this":
            return self.doc, self.ex.source
        if e.kind == "directive":
            return dir_iris.get(number_key(e.key)), e.key
        if e.kind == "task":
            node = task_iris.get(e.key)
            head = next((t.head for t in self.ex.tasks if t.n == e.key), e.key)
            return node, head
        if e.kind == "law":
            node = iri(law_iri(e.key))
            self.q.type(node, KGO.Law)
            self.q.add(node, PREF, e.key)
            return node, e.key
        node = iri(programme_iri(e.key))
        self.q.type(node, KGO.Programme)
        self.q.add(node, PREF, e.key)
        kind = next((k for k in PROGRAMME_KINDS if e.key.lower().startswith(k.lower())), None)
        self.q.add(node, KGO.kind, kind)
        return node, e.key

    def lineage(self, dir_iris, task_iris) -> None:
        q = self.q
        for i, link in enumerate(self.ex.lineage):
            child, clabel = self._endpoint(link.child, dir_iris, task_iris)
            parent, plabel = self._endpoint(link.parent, dir_iris, task_iris)
            if child is None or parent is None:
                continue
            q.add(child, RELATION_PROPERTY[link.relation], parent)
            s = iri(f"{BASE}id/lineage/{self.docslug}/{i}")
            q.type(s, KGO.LineageStatement)
            q.add(s, KGO.child, child)
            q.add(s, KGO.parent, parent)
            q.add(s, KGO.relation, link.relation)
            q.add(s, KGO.childLabel, clabel)
            q.add(s, KGO.parentLabel, plabel)
            self.mention(s, link.start, link.end, "lineage")
            if link.child.kind == "plan":
                self.mention(child, link.start, link.end, "plan")
            if link.parent.kind in ("plan", "law"):
                self.mention(parent, link.start, link.end, "plan")


def map_document(ex: Extraction) -> tuple[str, str, int, list[dict[str, str | None]] | None]:
    """(graph IRI, its distinct quads as N-Quads text, how many, the rows of its targets and results
    (`Mapper.figures`))."""
    m = Mapper(ex)
    graph, lines = m.run()
    lines = list(dict.fromkeys(lines))  # distinct: the store keeps a set, the counts say what it holds
    return graph, "".join(lines), len(lines), m.figures()


def to_quads(ex: Extraction) -> tuple[str, list[Quad]]:
    """The document's graph IRI and its quads as pyoxigraph objects (parsed from the mapper's N-Quads)."""
    graph, text, _, _ = map_document(ex)
    return graph, list(parse(text, format=RdfFormat.N_QUADS))


RESOLUTION_PRESENT = f"ASK {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s ?p ?o }} }}"


# SPARQL update that recomputes what is derived across documents (run during and after each ingest).
# The graph always holds its time of computation, so a store whose derived graph is missing (an ingest
# killed before its first checkpoint) can be told from one where nothing was derived.
RESOLUTION_UPDATE = f"""
PREFIX kgo: <{KGO._NS}>
PREFIX eli: <{ELI}>
PREFIX prov: <http://www.w3.org/ns/prov#>
DROP SILENT GRAPH <{RESOLUTION_GRAPH}> ;
INSERT {{ GRAPH <{RESOLUTION_GRAPH}> {{ <{RESOLUTION_GRAPH}> prov:generatedAtTime ?t }} }} WHERE {{ BIND (NOW() AS ?t) }} ;
INSERT {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?u kgo:candidate ?d }} }}
WHERE {{
  {{ SELECT DISTINCT ?u ?d WHERE {{
    GRAPH ?g1 {{ ?u a kgo:UndatedDirective ; kgo:numberKey ?k ; kgo:issuerCode ?c . }}
    GRAPH ?g2 {{ ?d a kgo:Directive ; kgo:numberKey ?k ; kgo:issuerCode ?c ; kgo:year ?y . }}
    FILTER (?u != ?d)
  }} }}
}} ;
INSERT {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?d kgo:dateConflict ?dt }} }}
WHERE {{
  {{ SELECT ?d WHERE {{ GRAPH ?g {{ ?d a kgo:Directive ; eli:date_document ?x }} }}
     GROUP BY ?d HAVING (COUNT(DISTINCT ?x) > 1) }}
  GRAPH ?g3 {{ ?d eli:date_document ?dt }}
}}
"""

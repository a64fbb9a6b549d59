"""What became of a target: units, indicator keys, periods, places, direction, percent and status.

The pure functions of units, periods, areas and indicator keys live in `kg/graph/indicators.py`; here are the
percent and status, `compute_links` which pairs results with the target they measure, and `recompute` which
reads targets and results from the store and writes the links in their own derived named graph
(`PROGRESS_GRAPH`), rewritten whole after every ingest and removal.

A result measures a target when:
- the indicators meet (`indicators_match`): same kind (amount, level, growth rate, decrease), the same
  contrast words on both sides (thu/chi, xuất/nhập, quốc tế/nội địa, tỷ lệ ...), and a Dice similarity of
  their content syllables >= `MATCH_THRESHOLD` after dropping generic measure words and period phrases
  ("Diện tích trồng rừng mới" and "Trồng rừng mới" meet; "Khách du lịch quốc tế" and "Tổng lượt khách du
  lịch" do not). A target over "cả 3 tiêu chí" is met by each criterion (its words inside the result's);
  words that say how, not what, part no indicators (`qualified_match`: a unit noun one side names in its
  label, the population of a share, the sowing of an area); a whole said with its parts meets the whole
  (`whole_with_parts`: "Sản lượng thủy sản khai thác và nuôi trồng" / "Sản lượng thủy sản"), and one item under
  two headings one of which says less (`headed_alike`); a crop season is when, not what, and a season's target
  is met by that season only;
- both documents are about the same place at the same level (`same_area`: province != city != district);
- the result's period (`Quantity.effective_period`: the report's when the figure is dated by its year only, the
  months up to one its label names) lies inside the target's (`period_inside`) and, for totals, growth rates and
  decreases, starts with it (a year-to-date figure: the month of March alone says nothing of the year's total);
- the units convert (`to_base`);
- they come from different documents (a report's plan figure for the year restates a target set elsewhere).
A wrong link is worse than a missing one: each result keeps at most one target, the best candidate; a
result whose stated share ("đạt 18,6% dự toán") disagrees with the computed one is linked only when the
indicators are the same (the disagreement is then flagged, not hidden).
"""
from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..extract.recognise.quantities import PLANNING_KINDS
from .indicators import (  # noqa: F401 - re-exported: the pure functions callers and tests use
    CONTRAST,
    MATCH_THRESHOLD,
    PARTS_SIMILARITY,
    QUALIFIED_SIMILARITY,
    IndicatorKey,
    _fold,
    _norm_text,
    document_area,
    elapsed_share,
    headed_alike,
    indicator_key,
    indicators_match,
    kind_of,
    parse_period,
    period_inside,
    qualified_match,
    same_area,
    title_period,
    to_base,
    whole_with_parts,
)
from .rdfmap import indicator_iri
from .vocab import BASE

# ---------------------------------------------------------------- percent and status
STATUSES = ("achieved", "on track", "needs acceleration", "off track", "not achieved")
PERCENT_TOLERANCE = 1.0  # points: texts round the share they state ("đạt 22% kế hoạch")


def percent_of_target(result_base: float, target_base: float, kind: str) -> float | None:
    """result / target x 100 against the target's lower bound; None for rates, decreases and ceilings."""
    if kind not in ("amount", "level") or not target_base:
        return None
    return round(result_base / target_base * 100, 2)


def status_of(kind: str, result: float, target: float, elapsed: float | None) -> str | None:
    """Progress status in the style of the UN / Open SDG methodology.

    Amounts add up over the period: the share reached is compared with the share of the period elapsed
    (on track when share >= elapsed; needs acceleration when >= half of it; else off track).
    Levels, rates, decreases and ceilings do not add up: the value itself is compared with the target
    (on track when it meets it; needs acceleration when within 10% of it; else off track).
    A finished period (elapsed = 1) is achieved or not achieved. None when the elapsed share is unknown.
    """
    if target == 0 and kind != "ceiling":
        return None
    if kind == "amount":
        share = result / target
        if share >= 1:
            return "achieved"
        if elapsed is None:
            return None
        if elapsed >= 1:
            return "not achieved"
        if share >= elapsed:
            return "on track"
        return "needs acceleration" if share >= elapsed / 2 else "off track"
    if kind == "ceiling":
        meets, ratio = result <= target, (target / result if result else 1.0)
    else:
        meets, ratio = result >= target, result / target
    if elapsed is None:
        return None
    if elapsed >= 1:
        return "achieved" if meets else "not achieved"
    if meets:
        return "on track"
    return "needs acceleration" if ratio >= 0.9 else "off track"


def percent_disagrees(stated: float | None, computed: float | None) -> bool:
    return stated is not None and computed is not None and abs(stated - computed) > PERCENT_TOLERANCE


# ---------------------------------------------------------------- linking
_LEVEL_BEFORE = re.compile(r"(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+$")


@dataclass
class Quantity:
    """A target or result as read from the store."""

    iri: str
    source: str
    indicator: str
    value: float
    unit: str
    period: str | None = None
    max: float | None = None
    comparator: str | None = None
    percent_of_plan: float | None = None
    area: tuple[str, str] | None = None
    doc_period: str | None = None  # reporting period of the document (results)
    mention: str | None = None
    sentence: str | None = None
    value_text: str | None = None
    planning: bool = False  # its document sets goals (a resolution, a plan, a decision), not reports on them
    key: IndicatorKey = field(init=False)
    child_key: IndicatorKey | None = field(init=False)  # the last part of "heading - item", "topic: item" labels
    head_key: IndicatorKey | None = field(init=False)  # and what stands before it
    kind: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = indicator_key(self.indicator)
        # "heading - item", and a topic before its indicator: "Xây dựng nông thôn mới: đã cứng hóa đường ..."
        parts = re.split(r"\s+[-–]\s+|:\s+", self.indicator)
        self.child_key = indicator_key(parts[-1]) if len(parts) > 1 else None
        self.head_key = indicator_key(" - ".join(parts[:-1])) if len(parts) > 1 else None
        self.kind = kind_of(self.indicator, self.unit, self.comparator)

    @cached_property
    def effective_period(self) -> str | None:
        """The period the figure covers: a month its own words name ("Tổng lượng khách du lịch tháng 3"), or
        the months up to one ("đến hết tháng 6": from the start of the year); a figure dated only by a year,
        inside a report on part of that year, covers the report's period."""
        p, d = self.period, self.doc_period
        month = _MONTH_IN_LABEL.search(_norm_text(self.indicator))
        if p and month and re.match(r"\d{4}", p) and 1 <= int(month.group("mo")) <= 12:
            mm = int(month.group("mo"))
            return f"{p[:4]}-01/{p[:4]}-{mm:02d}" if month.group("upto") and mm > 1 else f"{p[:4]}-{mm:02d}"
        if p and d and parse_period(p) and parse_period(d) and re.fullmatch(r"\d{4}", p) and d.startswith(p):
            return d
        return p

    @cached_property
    def place_free_key(self) -> IndicatorKey:
        """The key without the words of the place the figure's document speaks for ("Tổng lượt khách du lịch đến
        Kon Tum" in a Kon Tum document): where, not what. Not when the name follows a unit of another level
        ("thành phố Kon Tum" in the province's document is a part of it), nor for another place."""
        key, area = self.key, self.area
        if not area:
            return key
        words = set(_norm_text(area[1]).split())
        if not words or not words <= set(key.tokens):
            return key
        text = _norm_text(self.indicator)
        at = text.find(_norm_text(area[1]))
        level = _LEVEL_BEFORE.search(text[:at]) if at >= 0 else None
        if at < 0 or (level and level.group(1) != _norm_text(area[0])):
            return key
        return replace(key, tokens=tuple(t for t in key.tokens if t not in words), and_at=None)

    @cached_property
    def counts_increase(self) -> bool:
        return bool(_INCREMENT.search(self.indicator))

    @cached_property
    def running_total(self) -> bool:
        return _running_total(self)


# "tháng 3" (one month), not "3 tháng" (three months)
_MONTH_IN_LABEL = re.compile(r"(?<!\d )(?P<upto>\b(?:lũy kế|luỹ kế|tính|đến|từ đầu năm)(?: đến)?(?: hết)? )?"
                             r"\btháng\s+(?P<mo>\d{1,2})\b(?!\s*tháng)")
# kinds whose figure only measures progress when it is counted from the start of the target's period
# (a year-to-date total or growth rate); a level can be read at any time inside it
FROM_START = ("amount", "rate", "down")


@dataclass
class Link:
    target: Quantity
    result: Quantity
    similarity: float
    percent: float | None
    status: str | None
    elapsed: float | None
    mismatch: bool

    @property
    def iri(self) -> str:

        h = hashlib.sha1(f"{self.result.iri} {self.target.iri}".encode()).hexdigest()[:16]
        return f"{BASE}id/progress/{h}"


def _value_for(q: Quantity, kind: str) -> float:
    # a decrease written as a negative change ("-50%") is a decrease of 50
    return abs(q.value) if kind == "down" else q.value


# a target counted as an increase ("có thêm 12 xã", "phát triển thêm") is not measured by a running total
# ("lũy kế 86 xã đạt chuẩn", "nâng tổng số lên 86 xã")
_INCREMENT = re.compile(r"(?i)(?<!\w)(?:có thêm|tăng thêm|phát triển thêm|xây dựng thêm|thêm)(?!\w)")
_RUNNING_TOTAL = re.compile(r"(?i)(?:lũy kế|luỹ kế|cộng dồn|nâng tổng số(?:\s+\w+){0,4}?\s+lên|tổng số)\s*(?:đến nay\s*)?:?\s*$")


def _running_total(q: Quantity) -> bool:
    """Whether a result's figure is a running total: the words just before its value in its sentence say so."""
    if not q.sentence or not q.value_text:
        return False
    at = q.sentence.find(q.value_text)
    while at >= 0:
        if _RUNNING_TOTAL.search(q.sentence[max(0, at - 40):at]):
            return True
        at = q.sentence.find(q.value_text, at + 1)
    return False


_SEASON = re.compile(r"\bvụ (đông ?[-–]? ?xuân|xuân ?[-–]? ?hè|hè ?[-–]? ?thu|thu ?[-–]? ?đông|mùa|chiêm|xuân|hè|đông)\b")


def _season(q: Quantity) -> str | None:
    """The crop season a figure's label or period names ("vụ Xuân", "2024-vụ Đông Xuân"), lower case."""
    m = _SEASON.search(_norm_text(f"{q.indicator} {q.period or ''}"))
    return " ".join(re.split(r"[\s\-–]+", m.group(1))) if m else None


def candidate(target: Quantity, result: Quantity) -> Link | None:
    """The link when `result` measures `target`, else None."""
    # every test below only rules the pair out: the cheap ones first (a result meets hundreds of targets)
    if target.source == result.source:
        return None  # progress is measured across documents: a report's own plan figure only restates a target
    if target.kind != result.kind and not (target.kind == "ceiling" and result.kind == "level"):
        return None
    if target.counts_increase and result.running_total:
        return None
    if not same_area(target.area, result.area):
        return None
    rp = result.effective_period
    if not period_inside(rp, target.period):
        return None
    if target.kind in FROM_START:
        a, b = parse_period(rp), parse_period(target.period)
        if a.exact and a.start != b.start:  # "tháng 3" alone is not progress towards the year's total
            return None
    tkey, rkey = target.place_free_key, result.place_free_key
    sim = indicators_match(tkey, rkey)
    if sim is None and result.child_key and result.child_key.tokens == target.key.tokens:
        sim = 1.0  # "Tổng lượt khách du lịch - số lượt (khách quốc tế)": the item under its heading
    if (sim is None and result.child_key and target.child_key and result.child_key.tokens
            and result.child_key.tokens == target.child_key.tokens and headed_alike(result.head_key, target.head_key)):
        sim = QUALIFIED_SIMILARITY  # one item under headings one of which says less ("Số lượt khách" / "... du lịch")
    if sim is None and (result.child_key is None and whole_with_parts(tkey, rkey)
                        or target.child_key is None and whole_with_parts(rkey, tkey)):
        sim = PARTS_SIMILARITY  # "Sản lượng thủy sản khai thác và nuôi trồng" measures "Sản lượng thủy sản"
    if sim is None:
        sim = qualified_match(tkey, target.unit, rkey, result.unit)
    if sim is None:
        return None
    if (season := _season(target)) and season != _season(result):
        return None  # the year's figure, or another season's, is no measure of one season's target
    tb, rb = to_base(_value_for(target, target.kind), target.unit), to_base(_value_for(result, target.kind), result.unit)
    if not tb or not rb or tb[1] != rb[1]:
        return None
    pct = percent_of_target(rb[0], tb[0], target.kind)
    el = elapsed_share(rp, target.period)
    st = status_of(target.kind, rb[0], tb[0], el)
    mismatch = percent_disagrees(result.percent_of_plan, pct)
    if mismatch and sim < 1.0:
        return None  # only a similar indicator, and the share the text states points to another plan
    return Link(target, result, sim, pct, st, el, mismatch)


def _rank(link: Link) -> tuple:
    agrees = link.result.percent_of_plan is not None and link.percent is not None and not link.mismatch
    tp = parse_period(link.target.period)
    # a target a report or a news summary restates is the plan's: the plan that set it comes first
    return (agrees, link.similarity, link.target.planning, -(tp.months if tp else 999), link.target.iri)


def compute_links(targets: list[Quantity], results: list[Quantity]) -> list[Link]:
    """Each result linked to the one target it best measures (none when no target qualifies)."""
    return _link(_target_index(targets), results)


def _target_index(targets: list[Quantity]) -> dict:
    # only targets of the result's area and kind sharing a word can qualify: index them so
    # a store of thousands of figures is not compared pair by pair
    # (and period: a few distinct periods per area and kind, each tested once per result)
    index: dict[tuple, dict[str | None, dict[str, list[Quantity]]]] = {}
    for t in targets:
        if t.area:
            by_word = index.setdefault((_fold(t.area[0]), _fold(t.area[1]), t.kind), {}).setdefault(t.period, {})
            for w in set(t.key.tokens):
                by_word.setdefault(w, []).append(t)
    return index


def _link(index: dict, results: list[Quantity]) -> list[Link]:
    links = []
    for r in results:
        if not r.area:
            continue
        area = (_fold(r.area[0]), _fold(r.area[1]))
        words = set(r.key.tokens) | set(r.child_key.tokens if r.child_key else ())
        kinds = (r.kind, "ceiling") if r.kind == "level" else (r.kind,)  # a level can meet a ceiling
        rp = r.effective_period
        pool = {id(t): t for k in kinds for p, by_word in index.get((*area, k), {}).items()
                if period_inside(rp, p) for w in words for t in by_word.get(w, ())}
        cands = [lk for t in pool.values() if (lk := candidate(t, r))]
        if cands:
            links.append(max(cands, key=_rank))
    return links


# ---------------------------------------------------------------- store
def _graph() -> str:

    return f"{BASE}graph/_progress"


PROGRESS_GRAPH = _graph()

_READ = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?q ?cls ?source ?indicator ?value ?max ?unit ?period ?comparator ?pct ?level ?area ?issuer ?title ?m ?sentence ?vt ?dkind
WHERE {
  GRAPH ?g {
    VALUES ?cls { kgo:Target kgo:Result }
    ?q a ?cls ; kgo:indicator ?indicator ; kgo:value ?value ; kgo:unit ?unit ; kgo:mention ?m .
    ?m kgo:inDocument ?doc .
    ?doc kgo:source ?source .
    OPTIONAL { ?m kgo:sentence ?sentence }
    OPTIONAL { ?q kgo:maxValue ?max } OPTIONAL { ?q kgo:period ?period }
    OPTIONAL { ?q kgo:comparator ?comparator } OPTIONAL { ?q kgo:percentOfPlan ?pct }
    OPTIONAL { ?q kgo:valueText ?vt }
    OPTIONAL { ?doc kgo:level ?level ; kgo:refArea ?area }
    OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?issuer }
    OPTIONAL { ?doc kgo:title ?title }
    OPTIONAL { ?doc kgo:kind ?dkind }
  }
}
"""
TARGET = "https://w3id.org/kg-vn/ont#Target"


def _num(value: str | None) -> float | None:
    try:
        # + 0.0: "-0.0" is the store's "0" (decimals are kept in canonical form)
        return float(value) + 0.0 if value is not None else None
    except ValueError:
        return None


def quantity(v: dict[str, str | None]) -> Quantity | None:
    """A target or result from one row of `_READ` (the lexical forms of its values, None where unbound),
    as read from the store or as the mapper writes the row of a document's figure; None without a value."""
    value = _num(v["value"])
    if value is None:
        return None
    area = (v["level"], v["area"]) if v["level"] is not None and v["area"] is not None \
        else document_area(None, v["issuer"])
    is_target = v["cls"] == TARGET
    return Quantity(
        iri=v["q"], source=v["source"], indicator=v["indicator"], value=value, unit=v["unit"],
        period=v["period"], max=_num(v["max"]), comparator=v["comparator"], percent_of_plan=_num(v["pct"]),
        area=area, doc_period=None if is_target else title_period(v["title"]), mention=v["m"],
        sentence=v["sentence"], value_text=v["vt"], planning=v["dkind"] is not None and v["dkind"] in PLANNING_KINDS)


Figures = tuple[list[Quantity], list[Quantity]]  # (targets, results), of one document or of several


def read_figures(store) -> dict[str, Figures]:
    """The targets and results of the store, by named graph (a figure as its first row reads it)."""
    out: dict[str, Figures] = {}
    for g, is_target, q in _stream(store, _READ):
        out.setdefault(g, ([], []))[not is_target].append(q)
    return out


def figures_of(rows: list[dict[str, str | None]]) -> Figures:
    """The figures of one document from the rows its mapper wrote (`rdfmap.Mapper.figures`)."""
    out: Figures = ([], [])
    for v in rows:
        q = quantity(v)
        if q is not None:
            out[v["cls"] != TARGET].append(q)
    return out


def merge_figures(figures: Iterable[Figures]) -> Figures:
    targets: list[Quantity] = []
    results: list[Quantity] = []
    for t, r in figures:
        targets += t
        results += r
    return targets, results


def _lit(s) -> str:
    if isinstance(s, bool):
        return f'"{str(s).lower()}"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    if isinstance(s, float):
        return f'"{round(s, 6)!r}"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    esc = str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{esc}"'


def link_triples(links: list[Link]) -> list[str]:
    """N-Triples lines of the progress graph: one kgo:ProgressLink per link, with its evidence."""

    return status_triples(latest_links(links, {})) + _link_lines(links)


_K, _SK, _PV = "https://w3id.org/kg-vn/ont#", "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def latest_links(links: list[Link], latest: dict[str, Link]) -> dict[str, Link]:
    """Each target's link to its latest result, these links added to `latest` (target IRI -> link)."""
    for lk in links:
        p = parse_period(lk.result.effective_period)
        key = (p.end if p else -1, lk.result.iri)
        old = latest.get(lk.target.iri)
        op = parse_period(old.result.effective_period) if old else None
        if old is None or key > (op.end if op else -1, old.result.iri):
            latest[lk.target.iri] = lk
    return latest


def status_triples(latest: dict[str, Link]) -> list[str]:
    """A target's status: that of its latest result (typed here for per-graph readers)."""
    out = []
    for t_iri, lk in latest.items():
        if lk.status:
            out.append(f"<{t_iri}> {_RDF_TYPE} <{_K}Target> .")
            out.append(f"<{t_iri}> <{_K}status> {_lit(lk.status)} .")
    return out


def _link_lines(links: list[Link]) -> list[str]:
    K, SK, PV, rdf_type = _K, _SK, _PV, _RDF_TYPE
    out: list[str] = []

    def t(s, p, o):
        out.append(f"<{s}> <{p}> {o} .")

    for lk in links:
        n = lk.iri
        out.append(f"<{n}> {rdf_type} <{K}ProgressLink> .")
        t(n, K + "target", f"<{lk.target.iri}>")
        t(n, K + "result", f"<{lk.result.iri}>")
        t(lk.result.iri, K + "measuresProgressOf", f"<{lk.target.iri}>")
        if lk.percent is not None:
            t(n, K + "percent", _lit(float(lk.percent)))
        if lk.status:
            t(n, K + "status", _lit(lk.status))
        if lk.elapsed is not None:
            t(n, K + "elapsedShare", _lit(float(lk.elapsed)))
        t(n, K + "percentMismatch", _lit(bool(lk.mismatch)))
        t(n, K + "similarity", _lit(float(round(lk.similarity, 4))))
        for q in (lk.target, lk.result):
            if q.mention:
                t(n, PV + "wasDerivedFrom", f"<{q.mention}>")
        # the two indicator nodes meet
        ti = indicator_iri(lk.target.key, lk.target.kind)
        ri = indicator_iri(lk.result.key, lk.target.kind)
        if ti != ri:
            t(ti, SK + "closeMatch", f"<{ri}>")
            t(ri, SK + "closeMatch", f"<{ti}>")
    return out


def label_triples(targets: list[Quantity], results: list[Quantity]) -> list[str]:
    """One skos:prefLabel per indicator node: its most frequent wording (targets' wordings first on ties)."""
    return _labels(_count_wordings({}, targets + results), targets)


def _count_wordings(counts: dict, figures: list[Quantity]) -> dict:
    """How often each indicator node is worded each way, added to `counts`."""
    from collections import Counter

    for q in figures:
        counts.setdefault(indicator_iri(q.key, q.kind), Counter())[q.indicator] += 1
    return counts


def _labels(counts: dict, targets: list[Quantity]) -> list[str]:
    wordings = {q.indicator for q in targets}
    out = []
    for node, c in sorted(counts.items()):
        # ties broken by the wording alone, never by the order a store returns rows in
        label = min(c, key=lambda w: (-c[w], w not in wordings, len(w), w))
        out.append(f"<{node}> <http://www.w3.org/2004/02/skos/core#prefLabel> {_lit(label)} .")
    return out


def links_body(figures: Figures) -> tuple[str, int]:
    """The progress graph of these targets and results, as N-Triples lines; the number of links."""
    targets, results = figures
    links = compute_links(targets, results)
    return "\n".join(link_triples(links) + label_triples(targets, results)), len(links)


def write_links(store, body: str) -> None:
    """Replace the progress graph with `body` (`links_body`) in one update."""
    store.update(f"DROP SILENT GRAPH <{PROGRESS_GRAPH}> ;\nINSERT DATA {{ GRAPH <{PROGRESS_GRAPH}> {{\n{body}\n}} }}")


RESULTS_AT_ONCE = 2000  # results a relink from the store links at a time


def relink_paged(store) -> int:
    """`recompute` from every figure in the store, holding its targets and a few thousand results at a time:
    a result is linked to the targets alone, so memory grows with the store's targets, not with all its
    figures. The results are read as the store yields them, and their links written a few thousand at a time
    (the graph is dropped first: a reader may see it part written until the relink ends). The number of links."""
    targets = [q for _, _, q in _stream(store, _read_of("kgo:Target"))]
    index = _target_index(targets)
    latest: dict[str, Link] = {}
    n = 0
    counts = _count_wordings({}, targets)
    store.update(f"DROP SILENT GRAPH <{PROGRESS_GRAPH}>")
    results = (q for _, _, q in _stream(store, _read_of("kgo:Result")))
    while chunk := list(itertools.islice(results, RESULTS_AT_ONCE)):
        links = _link(index, chunk)
        n += len(links)
        _insert(store, _link_lines(links))
        latest_links(links, latest)
        _count_wordings(counts, chunk)
    _insert(store, status_triples(latest) + _labels(counts, targets))
    return n


def _read_of(classes: str) -> str:
    """`_READ` of figures of these classes only."""
    return _READ.replace("VALUES ?cls { kgo:Target kgo:Result }", f"VALUES ?cls {{ {classes} }}", 1)


def _insert(store, lines: list[str]) -> None:
    if lines:
        body = "\n".join(lines)
        store.update(f"INSERT DATA {{ GRAPH <{PROGRESS_GRAPH}> {{\n{body}\n}} }}")


def _stream(store, sparql: str) -> Iterator[tuple[str, bool, Quantity]]:
    """(graph, is a target, figure) of a `_READ` query one at a time, as the store yields them (a figure as its
    first row reads it)."""
    names, rows = store.select_rows(sparql)
    seen: set[str] = set()
    for row in rows:
        v = {k: (t.value if t is not None else None) for k, t in zip(names, row)}
        if v["q"] in seen:
            continue
        q = quantity(v)
        if q is not None:
            seen.add(q.iri)
            yield v["g"], v["cls"] == TARGET, q


def recompute(store, figures: Figures | None = None) -> int:
    """Rewrite the progress graph from the targets and results in the store (or these, when the caller knows
    them: an ingest knows the figures it wrote); the number of links."""
    if figures is None:
        return relink_paged(store)
    body, n = links_body(figures)
    write_links(store, body)
    return n

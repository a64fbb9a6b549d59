"""`kg progress` as a library call: one row per target, with its latest linked result, percent and status."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..graph.progress import PROGRESS_GRAPH, _fold, document_area, parse_period, title_period


@dataclass
class ResultPoint:
    source: str
    indicator: str
    value: float
    unit: str
    period: str | None  # as the graph holds it
    effective_period: str | None  # narrowed to the report's own period when the figure gives only a year
    percent: float | None
    status: str | None
    stated_percent: float | None
    mismatch: bool


@dataclass
class ProgressRow:
    indicator: str
    value: float
    max: float | None
    unit: str
    period: str | None
    source: str
    area: tuple[str, str] | None
    results: list[ResultPoint] = field(default_factory=list)  # oldest first

    @property
    def latest(self) -> ResultPoint | None:
        return self.results[-1] if self.results else None

    @property
    def target_text(self) -> str:
        v = _fmt(self.value) + (f"-{_fmt(self.max)}" if self.max is not None and self.max != self.value else "")
        return f"{v} {self.unit}".strip()


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:g}" if abs(x) < 1e15 else str(x)


_TARGETS = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?t ?source ?indicator ?value ?max ?unit ?period ?level ?area ?issuer WHERE {
  GRAPH ?g {
    ?t a kgo:Target ; kgo:indicator ?indicator ; kgo:value ?value ; kgo:unit ?unit ; kgo:mention/kgo:inDocument ?doc .
    ?doc kgo:source ?source .
    OPTIONAL { ?t kgo:maxValue ?max } OPTIONAL { ?t kgo:period ?period }
    OPTIONAL { ?doc kgo:level ?level ; kgo:refArea ?area }
    OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?issuer }
  }
}
"""

_LINKS = f"""
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
SELECT ?t ?source ?indicator ?value ?unit ?period ?title ?percent ?status ?stated ?mismatch WHERE {{
  GRAPH <{PROGRESS_GRAPH}> {{
    ?l a kgo:ProgressLink ; kgo:target ?t ; kgo:result ?r ; kgo:percentMismatch ?mismatch .
    OPTIONAL {{ ?l kgo:percent ?percent }} OPTIONAL {{ ?l kgo:status ?status }}
  }}
  GRAPH ?g {{
    ?r kgo:indicator ?indicator ; kgo:value ?value ; kgo:unit ?unit ; kgo:mention/kgo:inDocument ?doc .
    ?doc kgo:source ?source .
    OPTIONAL {{ ?r kgo:period ?period }} OPTIONAL {{ ?r kgo:percentOfPlan ?stated }}
    OPTIONAL {{ ?doc kgo:title ?title }}
  }}
}}
"""


def _v(row: dict, k: str):
    t = row.get(k)
    return None if t is None else t.value


def _f(row: dict, k: str) -> float | None:
    x = _v(row, k)
    try:
        return None if x is None else float(x)
    except ValueError:
        return None


def _overlaps_year(period: str | None, year: int) -> bool:
    p = parse_period(period)
    return bool(p and p.start <= year * 12 + 11 and p.end >= year * 12)


def progress_rows(store, year: int | None = None, place: str | None = None,
                  indicator: str | None = None) -> list[ProgressRow]:
    """Targets (filtered by a year their period overlaps, a place, words of the indicator), each with the
    results linked to it, oldest first."""
    r = store.query(_TARGETS)
    rows: dict[str, ProgressRow] = {}
    for raw in r.rows:
        v = dict(zip(r.variables, raw))
        iri = _v(v, "t")
        if iri in rows:
            continue
        area = (_v(v, "level"), _v(v, "area")) if _v(v, "area") else document_area(None, _v(v, "issuer"))
        rows[iri] = ProgressRow(_v(v, "indicator"), _f(v, "value"), _f(v, "max"), _v(v, "unit"), _v(v, "period"),
                                _v(v, "source"), area)
    r = store.query(_LINKS)
    for raw in r.rows:
        v = dict(zip(r.variables, raw))
        row = rows.get(_v(v, "t"))
        if row is None:
            continue
        period = _v(v, "period")
        tp = title_period(_v(v, "title"))
        eff = tp if period and tp and len(period) == 4 and tp.startswith(period) else period
        row.results.append(ResultPoint(_v(v, "source"), _v(v, "indicator"), _f(v, "value"), _v(v, "unit"), period,
                                       eff, _f(v, "percent"), _v(v, "status"), _f(v, "stated"),
                                       _v(v, "mismatch") == "true"))
    out = []
    for row in rows.values():
        if year is not None and not _overlaps_year(row.period, year):
            continue
        if place and not (row.area and _fold(place) in _fold(" ".join(row.area))):
            continue
        if indicator and _fold(indicator) not in _fold(" ".join([row.indicator] + [x.indicator for x in row.results])):
            continue
        row.results.sort(key=lambda x: ((parse_period(x.effective_period) or parse_period("9999")).end, x.source))
        out.append(row)
    out.sort(key=lambda x: (x.source, x.period or "", x.indicator))
    return out


def table_lines(rows: list[ProgressRow]) -> list[list[str]]:
    """Header + one line per target: indicator, target, latest result, percent, status, sources."""
    lines = [["indicator", "target", "period", "latest result", "percent", "status", "sources"]]
    for row in rows:
        lt = row.latest
        res = f"{_fmt(lt.value)} {lt.unit} ({lt.effective_period or '?'})" if lt else ""
        pct = "" if not lt or lt.percent is None else f"{lt.percent:.1f}%" + (" !" if lt.mismatch else "")
        srcs = row.source + (" <- " + ", ".join(sorted({x.source for x in row.results})) if row.results else "")
        lines.append([row.indicator, row.target_text, row.period or "", res, pct, (lt.status or "") if lt else "", srcs])
    return lines


def fit_table(lines: list[list[str]], width: int) -> list[str]:
    """The table as text no wider than `width`: the target with its period in one cell, each source file on
    its own line, long cells wrapped over several lines."""
    from .wrap_table import short_source, wrap_table

    head = ["indicator", "target", "latest result", "percent", "status", "sources"]
    rows = []
    for ind, target, period, res, pct, status, srcs in lines[1:]:
        first, _, rest = srcs.partition(" <- ")
        names = [short_source(first)] + ["← " + short_source(x) for x in rest.split(", ") if rest]
        rows.append([ind, f"{target} ({period})" if period else target, res, pct, status, names])
    return wrap_table(head, rows, width, wrap={0: 1}, caps={1: 16, 2: 16, 4: 12})

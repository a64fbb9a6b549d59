"""Named queries (`queries/*.rq`), parameters bound as RDF terms, and result formatting."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .store import Results, StoreError, iri

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    params: dict[str, tuple[str, str]]  # name -> (type, description)


def _parse_header(name: str, path: Path, text: str) -> NamedQuery:
    title, desc, params = name, [], {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        m = re.match(r"@param\s+(\w+)\s+(\S+)\s*(.*)", body)
        if m:
            params[m.group(1)] = (m.group(2), m.group(3))
        elif body.lower().startswith("title:"):
            title = body.split(":", 1)[1].strip()
        elif body:
            desc.append(body)
    return NamedQuery(name, path, text, title, " ".join(desc), params)


def named_queries(directory: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    return {p.stem: _parse_header(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))}


def resolve_query(spec: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """NAME of a query in queries/, a FILE, or SPARQL TEXT."""
    if re.fullmatch(r"[\w-]+", spec):
        p = directory / f"{spec}.rq"
        if p.exists():
            return _parse_header(spec, p, p.read_text(encoding="utf-8"))
        raise StoreError(f"no named query '{spec}' (known: {', '.join(named_queries(directory))})")
    p = Path(spec)
    if len(spec) < 4096 and "\n" not in spec and p.suffix in (".rq", ".sparql") :
        if not p.exists():
            raise StoreError(f"{spec}: no such query file")
        return _parse_header(p.stem, p, p.read_text(encoding="utf-8"))
    return _parse_header("query", Path("-"), spec)


def to_term(value: str, type_: str | None = None):
    """A command-line value as an RDF term: IRIs for <...> or http(s):, typed literals when declared."""
    if value.startswith("<") and value.endswith(">"):
        return iri(value[1:-1])
    if type_ in (None, "iri") and re.match(r"^https?://\S+$", value):
        return iri(value)
    if type_ == "iri":
        raise StoreError(f"parameter value {value!r} is not an IRI")
    if type_ and type_.startswith("xsd:"):
        dt = XSD + type_[4:]
        if type_ in ("xsd:integer", "xsd:int") and not re.fullmatch(r"-?\d+", value):
            raise StoreError(f"parameter value {value!r} is not an integer")
        return ox.Literal(value, datatype=ox.NamedNode(dt))
    return ox.Literal(value)


def bind(q: NamedQuery, params: list[tuple[str, str]]) -> dict[str, object]:
    out = {}
    for name, value in params:
        if q.params and name not in q.params:
            raise StoreError(f"query '{q.name}' has no parameter '{name}' (it takes: {', '.join(q.params)})")
        out[name] = to_term(value, q.params.get(name, (None, ""))[0])
    return out


def run_query(store, spec: str, params: list[tuple[str, str]] | None = None) -> Results:
    """Run a query with `-p` parameters as filters: the same rows from the embedded store and any server."""
    q = resolve_query(spec)
    r = store.query(with_filters(q.text, bind(q, params or [])))
    return sort_lists(q.text, r)


# A token that may hold braces which are not the query's own: strings, IRIs, comments.
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                   r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                   r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')


def _top_groups(sparql: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost { ... } of the query text."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(sparql):
        m = _SKIP.match(sparql, i)
        if m and m.end() > i:
            i = m.end()
            continue
        c = sparql[i]
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i))
        i += 1
    return out


def with_filters(sparql: str, bindings: dict[str, object]) -> str:
    """The query with each parameter as FILTER (?name = value) at the end of its WHERE clause.

    Not a pre-bound variable (Oxigraph's substitutions) nor a trailing VALUES (a server's usual way): both
    let a variable left unbound in a row (one bound only inside an OPTIONAL) take the value, so every row
    passes, relabelled. A filter keeps exactly the rows whose variable holds the value, on every store
    (`=`, not sameTerm: Virtuoso's sameTerm is false for equal stored literals).
    """
    if not bindings:
        return sparql
    groups = _top_groups(sparql)
    where = next((g for g in groups if re.search(r"(?i)\bWHERE\s*$", sparql[:g[0]])), None)
    if where is None and groups:  # SELECT/ASK { ... }, CONSTRUCT { template } { ... }
        construct = re.search(r"(?i)\bCONSTRUCT\b", sparql[:groups[0][0]])
        where = groups[1 if construct and len(groups) > 1 else 0]
    if where is None:
        raise StoreError("parameters given, but the query has no WHERE clause to filter")
    cond = " && ".join(f"?{k} = {v}" for k, v in bindings.items())  # N-Triples terms: no splicing
    return sparql[:where[1]] + f"  FILTER ({cond})\n" + sparql[where[1]:]


def sort_lists(sparql: str, r: Results) -> Results:
    """Lists made by GROUP_CONCAT come in the order a server met the values; sorted, every server gives the
    same cell."""
    lists = {m.group(2): m.group(1) for m in re.finditer(
        r'(?is)GROUP_CONCAT\s*\([^;()]*(?:\([^()]*\)[^;()]*)*;\s*separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)', sparql)}
    cols = [(i, lists[v]) for i, v in enumerate(r.variables) if lists.get(v)]
    for row in r.rows if cols else []:
        for i, sep in cols:
            t = row[i]
            if isinstance(t, ox.Literal) and sep in t.value:
                row[i] = ox.Literal(sep.join(sorted(t.value.split(sep))), datatype=t.datatype)
    return r


# ---------------------------------------------------------------- formatting
def plain(term) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


def _json_term(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    d = {"type": "literal", "value": term.value}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != XSD + "string":
        d["datatype"] = term.datatype.value
    return d


def format_results(r: Results, fmt: str, width: int | None = None) -> str:
    """The results as table, csv, tsv or json text; `width`: fit the table in this many columns."""
    if r.boolean is not None:
        return json.dumps({"boolean": r.boolean}) if fmt == "json" else ("true" if r.boolean else "false")
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(r.variables)
        for row in r.rows:
            w.writerow([plain(t).replace("\t", " ").replace("\n", " ") if fmt == "tsv" else plain(t) for t in row])
        return buf.getvalue()
    if fmt == "json":
        rows = [{v: plain(t) for v, t in zip(r.variables, row) if t is not None} for row in r.rows]
        return json.dumps({"head": {"vars": r.variables},
                           "results": {"bindings": [{v: _json_term(t) for v, t in zip(r.variables, row) if t is not None}
                                                    for row in r.rows]},
                           "rows": rows}, ensure_ascii=False, indent=1) + "\n"
    # table
    return _table(r, width)


def _cut(s: str, n: int) -> str:
    """At most n characters, at a word boundary where one is near, '…' where cut."""
    s = " ".join(s.split())
    if len(s) <= n:
        return s
    cut = s[: n - 1]
    if " " in cut and cut.rsplit(" ", 1)[0] and len(cut.rsplit(" ", 1)[0]) >= n * 2 // 3:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def column_widths(natural: list[int], width: int | None, cap: int = 60, floor: int = 6) -> list[int]:
    """Column widths fitting `width` (None: each column at most `cap`): the widest columns give up room first."""
    w = [min(cap, x) for x in natural]
    if width is None:
        return w
    budget = width - 2 * (len(w) - 1)
    if sum(w) <= budget:
        return w
    # narrow columns keep their width; the rest share what is left equally (water filling)
    out = list(w)
    rest = sorted(range(len(w)), key=lambda k: w[k])
    while rest:
        fair = budget // len(rest)
        k = rest[0]
        if w[k] <= fair:
            out[k] = w[k]
            budget -= w[k]
            rest.pop(0)
            continue
        for j, k in enumerate(rest):
            out[k] = max(floor, fair + (1 if j < budget - fair * len(rest) else 0))
        break
    return out


def _table(r: Results, width: int | None = None) -> str:
    cells = [r.variables] + [[" ".join(plain(t).split()) for t in row] for row in r.rows]
    widths = column_widths([max(len(row[i]) for row in cells) for i in range(len(r.variables))], width)
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(_cut(c, w).ljust(w) for c, w in zip(row, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(r.rows)} row{'s' if len(r.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"

"""What one agency is responsible for across the store: leads, cooperates on, invests in, supervises.

Rows are sorted overdue first (deadline passed), then by deadline, then those without one. A deadline is due at
the end of the period it names: 2023-06 -> 2023-06-30, 2023-Q3 -> 2023-09-30, 2023 -> 2023-12-31.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from pyoxigraph import Literal

from ..graph.store import Results

_QUERY = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?role ?object_kind ?object ?label ?deadline ?inferred ?source
WHERE {
  VALUES ?needle { NEEDLE }
  GRAPH ?g {
    ?r a kgo:Responsibility ; prov:agent ?a ; kgo:role ?role ; kgo:objectKind ?object_kind ; kgo:objectKey ?object ;
       kgo:responsibilityFor ?o ; kgo:mention ?m .
    ?m kgo:inDocument ?doc . ?doc kgo:source ?source .
    ?a skos:prefLabel ?agency .
    OPTIONAL { ?r kgo:deadline ?deadline }
    OPTIONAL { ?r kgo:inferred ?inferred }
    OPTIONAL { ?o skos:prefLabel|kgo:title ?label }
  }
  FILTER (CONTAINS(LCASE(STR(?agency)), ?needle))
}
"""


def due_date(deadline: str | None) -> date | None:
    """The last day of the period a deadline names."""
    if not deadline:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?))?", deadline)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(4):
        return date(y, int(m.group(3)), int(m.group(4)))
    month = int(m.group(3)) if m.group(3) else (int(m.group(2)) * 3 if m.group(2) else 12)
    return date(y, month, calendar.monthrange(y, month)[1])


def responsible(store, agency: str, role: str | None = None, today: date | None = None,
                inferred: bool = True) -> Results:
    """One row per responsibility of every agency whose name contains `agency` (case-insensitive)."""
    today = today or date.today()
    agency = unicodedata.normalize("NFC", agency)  # the graph holds NFC; a terminal may send decomposed text
    needle = '"' + agency.lower().replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
    r = store.query(_QUERY.replace("NEEDLE", needle))
    ix = {v: i for i, v in enumerate(r.variables)}
    seen, rows = set(), []
    for row in r.rows:
        val = {v: (row[i].value if row[i] is not None else "") for v, i in ix.items()}
        if role and val["role"] != role or (not inferred and val["inferred"] == "true"):
            continue
        key = (val["agency"], val["role"], val["object_kind"], val["object"], val["source"])
        if key in seen:
            continue
        seen.add(key)
        due = due_date(val["deadline"])
        overdue = bool(due and due < today)
        what = val["label"] or val["object"]
        if val["object_kind"] == "task":
            what = f"task {val['object']}: {what}" if val["label"] else f"task {val['object']}"
        rows.append(((0 if overdue else 1 if due else 2, due or date.max, val["source"], val["object"]),
                     [val["agency"], val["role"], val["object_kind"], what, val["deadline"],
                      "overdue" if overdue else "", "inferred" if val["inferred"] == "true" else "stated",
                      val["source"]]))
    rows.sort(key=lambda x: x[0])
    cols = ["agency", "role", "object_kind", "object", "deadline", "status", "basis", "source"]
    return Results(cols, [[Literal(c) for c in row] for _k, row in rows])


_WHO = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency (COUNT(DISTINCT ?r) AS ?n) WHERE {
  GRAPH ?g { ?r a kgo:Responsibility ; prov:agent ?a . ?a skos:prefLabel ?agency . }
} GROUP BY ?agency ORDER BY DESC(?n) ?agency
"""


def agencies_with_responsibilities(store) -> list[tuple[str, int]]:
    """(agency name, number of responsibilities), most first: what a name that matched nothing could be."""
    return [(a.value, int(n.value)) for a, n in store.query(_WHO).rows]

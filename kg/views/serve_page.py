"""The query page of `kg serve`: one self-contained HTML page (no external script, style or font).

The named queries (queries/*.rq) are embedded as JSON; picking one fills the editor with its text, and its
declared parameters get input boxes whose values are bound with a VALUES block, as for a remote store.
Results are drawn as text (never as markup).
"""
from __future__ import annotations

import json
import re

from ..graph.query import named_queries

STANDARD_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "org": "http://www.w3.org/ns/org#",
}
START = ("SELECT ?g (COUNT(*) AS ?triples)\nWHERE { GRAPH ?g { ?s ?p ?o } }\nGROUP BY ?g\nORDER BY DESC(?triples)\n")


def prefixes() -> dict[str, str]:
    """Every prefix the named queries declare, and the standard ones."""
    out = dict(STANDARD_PREFIXES)
    for q in named_queries().values():
        for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):\s*<([^>]*)>", q.text):
            out.setdefault(m.group(1), m.group(2))
    return dict(sorted(out.items()))


def _script_json(value) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' left to end the element."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def query_page() -> str:
    qs = [{"name": q.name, "title": q.title, "description": q.description, "text": q.text,
           "params": [{"name": k, "type": t, "help": h} for k, (t, h) in q.params.items()]}
          for q in named_queries().values()]
    head = "".join(f"PREFIX {p}: <{u}>\n" for p, u in prefixes().items())
    data = {"queries": qs, "prefixes": head, "start": head + START}
    return PAGE.replace("__DATA__", _script_json(data))


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kg: query the knowledge graph of directives</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1em 2em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .5em; }
textarea { width: 100%; height: 16em; font: 13px/1.35 ui-monospace, monospace; box-sizing: border-box; }
select, input, button { font: inherit; }
#kg-about { color: #555; margin: .3em 0; min-height: 1.2em; }
#kg-params label { margin-right: 1em; }
#kg-status { margin: .5em 0; color: #555; }
#kg-status.error { color: #a00; white-space: pre-wrap; }
table { border-collapse: collapse; margin-top: .5em; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; max-width: 40em; }
th { background: #f3f3f3; position: sticky; top: 0; }
nav { margin: .5em 0 1em; }
nav form { display: inline; margin-left: 1em; }
</style>
</head>
<body>
<h1>Knowledge graph of directives</h1>
<nav><a href="viz">whole-graph viewer</a>
<form action="viz" method="get"><label>viewer around <input name="focus" placeholder="01/NQ-CP or words of a name"
 size="30"></label> <button type="submit">open</button></form></nav>
<div><label>Named query <select id="kg-named"><option value="">(your own query)</option></select></label></div>
<div id="kg-about"></div>
<div id="kg-params"></div>
<textarea id="kg-query" spellcheck="false"></textarea>
<div><button id="kg-run" type="button">Run</button>
 <span>SPARQL endpoint: <code>query</code> (read-only; the default graph is the union of the documents' graphs)</span>
 <span id="kg-downloads"></span></div>
<div id="kg-status"></div>
<div id="kg-results"></div>
<script id="kg-data" type="application/json">__DATA__</script>
<script>
"use strict";
const KG = JSON.parse(document.getElementById("kg-data").textContent);
const sel = document.getElementById("kg-named");
const editor = document.getElementById("kg-query");
const about = document.getElementById("kg-about");
const paramBox = document.getElementById("kg-params");
const statusLine = document.getElementById("kg-status");
const results = document.getElementById("kg-results");
const downloads = document.getElementById("kg-downloads");
let current = null;

for (const q of KG.queries) {
  const o = document.createElement("option");
  o.value = q.name;
  o.textContent = q.name + " \\u2014 " + q.title;
  sel.appendChild(o);
}
editor.value = KG.start;

function pick(name) {
  current = KG.queries.find(q => q.name === name) || null;
  paramBox.textContent = "";
  about.textContent = current ? current.description : "";
  editor.value = current ? current.text : KG.start;
  for (const p of (current ? current.params : [])) {
    const l = document.createElement("label");
    l.textContent = p.name + " ";
    const i = document.createElement("input");
    i.dataset.param = p.name;
    i.dataset.type = p.type;
    i.title = p.help;
    i.placeholder = p.help;
    l.appendChild(i);
    paramBox.appendChild(l);
  }
}
sel.addEventListener("change", () => pick(sel.value));

// a parameter value as an RDF term in SPARQL syntax (as the command line binds it)
function term(value, type) {
  if (/^<[^<>"{}|^`\\\\\\s]*>$/.test(value)) return value;
  if ((type === "iri" || !type) && /^https?:\\/\\/[^<>"{}|^`\\\\\\s]+$/.test(value)) return "<" + value + ">";
  if (type === "iri") throw new Error("not an IRI: " + value);
  const lit = JSON.stringify(value);
  if (type && type.startsWith("xsd:") && type !== "xsd:string") {
    if ((type === "xsd:integer" || type === "xsd:int") && !/^-?\\d+$/.test(value)) throw new Error("not an integer: " + value);
    return lit + "^^<http://www.w3.org/2001/XMLSchema#" + type.slice(4) + ">";
  }
  return lit;
}

function withParams(text) {
  const bound = Array.from(paramBox.querySelectorAll("input")).filter(i => i.value !== "");
  if (!bound.length) return text;
  const names = bound.map(i => "?" + i.dataset.param).join(" ");
  const terms = bound.map(i => term(i.value, i.dataset.type)).join(" ");
  return text.replace(/\\s+$/, "") + "\\nVALUES (" + names + ") { (" + terms + ") }\\n";
}

function cell(b) {
  if (!b) return "";
  return b.value;
}

function draw(doc, ms) {
  results.textContent = "";
  if ("boolean" in doc) { statusLine.textContent = "answer: " + doc.boolean + " (" + ms + " ms)"; return; }
  const vars = doc.head.vars || [];
  const rows = doc.results.bindings;
  statusLine.textContent = rows.length + (rows.length === 1 ? " row" : " rows") + " in " + ms + " ms";
  const t = document.createElement("table");
  const h = t.createTHead().insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; h.appendChild(th); }
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of vars) tr.insertCell().textContent = cell(r[v]);
  }
  results.appendChild(t);
}

function link(label, url) {
  const a = document.createElement("a");
  a.textContent = label;
  a.href = url;
  a.download = "results." + label.toLowerCase();
  return a;
}

async function run() {
  statusLine.className = "";
  results.textContent = "";
  downloads.textContent = "";
  let text;
  try { text = withParams(editor.value); } catch (e) { statusLine.className = "error"; statusLine.textContent = e.message; return; }
  statusLine.textContent = "running\\u2026";
  const t0 = performance.now();
  try {
    const r = await fetch("query", {method: "POST", body: new URLSearchParams({query: text}),
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
    const body = await r.text();
    if (!r.ok) { statusLine.className = "error"; statusLine.textContent = "HTTP " + r.status + ": " + body; return; }
    if ((r.headers.get("Content-Type") || "").startsWith("text/turtle")) {  // CONSTRUCT, DESCRIBE
      const pre = document.createElement("pre");
      pre.textContent = body;
      results.appendChild(pre);
      statusLine.textContent = "graph in " + Math.round(performance.now() - t0) + " ms";
      return;
    }
    draw(JSON.parse(body), Math.round(performance.now() - t0));
    downloads.append(" download: ");
    for (const f of ["CSV", "JSON", "XML"]) {
      downloads.append(link(f, "query?format=" + f.toLowerCase() + "&query=" + encodeURIComponent(text)), " ");
    }
  } catch (e) {
    statusLine.className = "error";
    statusLine.textContent = String(e);
  }
}
document.getElementById("kg-run").addEventListener("click", run);
editor.addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body>
</html>
"""

"""The network viewer: one self-contained HTML page (vis-network inlined by pyvis, no external URL).

Document text is data: node and edge data are serialised here with `<`, `>`, `&` escaped as \\u003c ...
(so `</script>` cannot end the script element), nothing from a document goes into pyvis's `heading` or
into HTML markup, and the page's own script only sets text with textContent. pyvis's tooltip switch to
`innerHTML` (when a title contains "href") is part of pyvis's template, which is not used: the page is
rendered from `viz/viewer.html.j2` through pyvis, which inlines vis-network from its package files.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from .network import KINDS, LINEAGE_RELATIONS, MENTIONS, Network, fetch_network, resolve_focus

VIZ_DIR = Path(__file__).resolve().parent.parent / "viz"
DEFAULT_LIMIT = 300
MAX_SOURCES = 12  # sentences per node in the page (the count of the rest is shown)
MAX_EVIDENCE = 3
LABEL_CHARS = 42

# kind -> (display name, colour, vis shape, legend glyph)
KIND_STYLE = {
    "directive": ("directive", "#d62728", "diamond", "◆"),
    "plan": ("plan", "#ff7f0e", "triangle", "▲"),
    "programme": ("programme", "#bcbd22", "triangleDown", "▼"),
    "task": ("task", "#2ca02c", "dot", "●"),
    "project": ("project", "#9467bd", "star", "★"),
    "agency": ("agency", "#17becf", "hexagon", "⬢"),
    "document": ("document", "#1f77b4", "square", "■"),
    "target": ("target", "#e377c2", "triangle", "▲"),
    "result": ("result", "#8c564b", "triangleDown", "▼"),
    "law": ("law", "#7f7f7f", "diamond", "◆"),
}
# relation -> (colour, width, dashed, inverse reading)
RELATION_STYLE = {
    "implements": ("#b2182b", 2.5, False, "implemented by"),
    "responds_to": ("#d6604d", 2.5, False, "answered by"),
    "reports_on": ("#2166ac", 2.5, False, "reported on by"),
    "based_on": ("#762a83", 2.5, False, "basis of"),
    "passed_by": ("#4d9221", 1.5, False, "issued"),
    "part_of": ("#999999", 1.0, False, "has part"),
    "assigned_to": ("#1b7837", 1.5, False, "assigned"),
    "concerns": ("#aaaaaa", 1.0, False, "concerned by"),
    "set_by": ("#c51b7d", 1.0, False, "sets"),
    "reported_in": ("#8c510a", 1.0, False, "reports"),
    "addressed_to": ("#35978f", 1.0, False, "receives"),
    "candidate": ("#f1a340", 1.0, True, "candidate of"),
    MENTIONS: ("#cccccc", 0.7, True, "mentioned in"),
}
_JS_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027",
               0x2028: "\\u2028", 0x2029: "\\u2029"}


def js_json(value) -> str:
    """JSON that is safe inside <script>: no `<`, `>`, `&`, `'` or line separators left as such."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JS_ESCAPES)


def _short(s: str, n: int = LABEL_CHARS) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def node_sizes(network: Network) -> dict[str, float]:
    """Node weight in [0, 1] from degree centrality (networkx, on the shown graph): the vis `value` that
    vis-network scales to 10-40 px (and the label to 10-22 px)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(network.nodes)
    g.add_edges_from((e.source, e.target) for e in network.edges)
    cent = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    top = max(cent.values(), default=0.0) or 1.0
    return {n: round(math.sqrt(c / top), 4) for n, c in cent.items()}


def omitted_text(network: Network, limit: int | None = None) -> str:
    """What the page leaves out, in one sentence ('' when nothing)."""
    if not network.omitted:
        return ""

    def counts(c) -> str:
        return ", ".join(f"{n} {k}" for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) if n)

    over = network.omitted - network.filtered
    parts = []
    if network.filtered:
        parts.append(f"kinds not selected: {counts(network.filtered)}")
    if over:
        parts.append(f"over the limit{f' of {limit}' if limit else ''}: {counts(over)}")
    total = sum(network.omitted.values())
    return (f"Left out {total} node(s) and {network.omitted_edges} edge(s): {'; '.join(parts)}. "
            "Use --focus REF, --types or a larger --limit to see them.")


def vis_options(n_nodes: int) -> dict:
    big = n_nodes > 300
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3,
                                            "strokeColor": "#ffffff"},
                  "scaling": {"min": 10, "max": 40,
                              "label": {"enabled": True, "min": 10, "max": 22, "drawThreshold": 7, "maxVisible": 26}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.45}}, "smooth": False,
                  "selectionWidth": 2, "hoverWidth": 1},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -55, "centralGravity": 0.012, "springLength": 90,
                                 "springConstant": 0.07, "damping": 0.5, "avoidOverlap": 0.3},
            "minVelocity": 1.0,
            "maxVelocity": 60,
            "stabilization": {"enabled": True, "iterations": 150 if big else 400, "updateInterval": 25,
                              "fit": True},
        },
        "layout": {"improvedLayout": n_nodes <= 120, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
    }


def page_data(network: Network, title: str, note: str = "") -> tuple[list[dict], list[dict], dict]:
    """vis node dicts, vis edge dicts and page metadata (legend, notes, options) of a network."""
    ids = {iri: i for i, iri in enumerate(sorted(network.nodes))}
    sizes = node_sizes(network)
    vnodes: list[dict] = []
    for iri, i in ids.items():
        n = network.nodes[iri]
        name, color, shape, _ = KIND_STYLE.get(n.kind, (n.kind, "#888888", "dot", "●"))
        props = [[k, str(v)] for k, v in sorted(n.properties.items())]
        alt = " ".join(str(n.properties.get(k, "")) for k in ("skos:altLabel", "eli:id_local", "source", "title"))
        vn = {
            "id": i, "label": _short(n.label), "title": f"{_short(n.label, 300)}\n[{name}]",
            "shape": shape, "value": sizes.get(iri, 0.0), "kind": n.kind,
            "color": {"background": color, "border": "#333333" if iri == network.focus else color,
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}},
            "full": n.label, "iri": iri, "alt": alt.strip(), "props": props,
            "src": [[s.document, s.start, s.end, s.sentence] for s in n.sources[:MAX_SOURCES]],
            "more": max(0, len(n.sources) - MAX_SOURCES),
        }
        if iri == network.focus:
            vn["borderWidth"] = 4
        vnodes.append(vn)
    vedges: list[dict] = []
    rel_count: dict[str, int] = {}
    for j, e in enumerate(network.edges):
        color, width, dashes, _ = RELATION_STYLE.get(e.relation, ("#999999", 1.0, False, e.relation))
        rel_count[e.relation] = rel_count.get(e.relation, 0) + 1
        tip = e.relation + (f"\n“{_short(e.sentence, 300)}”\n{e.document}" if e.sentence else "")
        vedges.append({
            "id": j, "from": ids[e.source], "to": ids[e.target], "rel": e.relation, "title": tip,
            "color": {"color": color, "highlight": "#000000", "hover": color, "opacity": 0.85},
            "width": width, "dashes": dashes,
            "ev": [[s.document, s.start, s.end, s.sentence] for s in e.evidence[:MAX_EVIDENCE]],
        })
    counts = network.kind_counts()
    kinds = [{"kind": k, "name": KIND_STYLE[k][0], "color": KIND_STYLE[k][1], "shape": KIND_STYLE[k][2],
              "glyph": KIND_STYLE[k][3], "count": counts.get(k, 0), "omitted": network.omitted.get(k, 0)}
             for k in KINDS]
    relations = [{"relation": r, "color": s[0], "dashes": s[2], "inverse": s[3], "count": rel_count.get(r, 0),
                  "lineage": r in LINEAGE_RELATIONS} for r, s in RELATION_STYLE.items()]
    meta = {
        "title": title, "kinds": kinds, "relations": relations, "omitted_text": note,
        "shown_nodes": len(vnodes), "shown_edges": len(vedges),
        "total_nodes": max(network.total_nodes, len(vnodes)),
        "focus": ids.get(network.focus) if network.focus else None,
        "options": vis_options(len(vnodes)),
    }
    return vnodes, vedges, meta


def build_html(network: Network, title: str = "Knowledge graph of directives", note: str | None = None) -> str:
    """The page as a string. `note` (default: what the selection left out) is shown under the legend."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from markupsafe import Markup
    from pyvis.network import Network as PyvisNetwork

    if not (VIZ_DIR / "viewer.html.j2").is_file():
        raise FileNotFoundError(f"{VIZ_DIR}: the viewer's template and assets are missing (install from a checkout: "
                                "pip install -e .)")
    vnodes, vedges, meta = page_data(network, title, omitted_text(network) if note is None else note)
    net = PyvisNetwork(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    # set the lists in one go: pyvis add_edge scans every edge already added on each call
    net.nodes = vnodes
    net.edges = vedges
    net.options = meta["options"]
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(VIZ_DIR)), FileSystemLoader(net.template_dir)]),
                      autoescape=True)
    env.filters["js"] = lambda v: Markup(js_json(v))  # already safe for <script>: no <, >, &, ' left
    env.globals.update(kg_title=title, kg_meta=meta, kg_css=(VIZ_DIR / "viewer.css").read_text("utf-8"),
                       kg_js=(VIZ_DIR / "viewer.js").read_text("utf-8"))
    net.templateEnv = env
    net.path = "viewer.html.j2"
    return net.generate_html()


@dataclass
class VizReport:
    nodes: int
    edges: int
    focus: str | None = None
    other_matches: list[str] = field(default_factory=list)
    note: str = ""
    seconds: float = 0.0


def write_viz(store, out: str | Path, focus: str | None = None, depth: int = 2, types=None,
              limit: int | None = DEFAULT_LIMIT, source: str | None = None) -> VizReport:
    """Fetch (the focus neighbourhood, or the most connected nodes up to `limit`) and write the page."""
    t0 = time.perf_counter()
    focus_iri, others = (resolve_focus(store, focus) if focus else (None, []))
    net = fetch_network(store, source=source, focus_iri=focus_iri, depth=depth, types=types, limit=limit)
    note = omitted_text(net, limit)
    if focus_iri:
        f = net.nodes.get(focus_iri)
        title = f"Around {f.label if f else focus_iri} (depth {depth})"
    else:
        title = "Knowledge graph of directives" + (f": {source}" if source else "")
    html = build_html(net, title=title, note=note)
    Path(out).write_text(html, encoding="utf-8")
    return VizReport(len(net.nodes), len(net.edges), focus_iri, others, note, time.perf_counter() - t0)

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
from .progress_chart import STATUS_COLOURS

VIZ_DIR = Path(__file__).resolve().parents[2] / "viz"
DEFAULT_LIMIT = 300
MAX_SOURCES = 12  # sentences per node in the page (the count of the rest is shown)
MAX_EVIDENCE = 3
MAX_MORE = 5000  # nodes not drawn but in the page for its search (the most connected)
MORE_SOURCES = 3  # sentences per such node
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
    "lead": ("#1b7837", 2.0, False, "led by"),
    "cooperate": ("#7fbc41", 1.2, True, "with the cooperation of"),
    "investor": ("#8073ac", 2.0, False, "invested in by"),
    "supervise": ("#e08214", 1.2, True, "supervised by"),
    "concerns": ("#aaaaaa", 1.0, False, "concerned by"),
    "set_by": ("#c51b7d", 1.0, False, "sets"),
    "reported_in": ("#8c510a", 1.0, False, "reports"),
    "addressed_to": ("#35978f", 1.0, False, "receives"),
    "candidate": ("#f1a340", 1.0, True, "candidate of"),
    "measures": ("#e7298a", 2.0, False, "measured by"),
    MENTIONS: ("#cccccc", 0.7, True, "mentioned in"),
}
# properties the panel does not show (normalised keys and file bookkeeping, not what a reader looks for)
HIDDEN_PROPERTIES = {"numberKey", "issuerCode", "typeCode", "sha256", "ingestedAt", "label"}
# names for the properties of other vocabularies (the ontology labels its own)
OTHER_LABELS = {"eli:id_local": "number", "eli:date_document": "date of the document", "skos:prefLabel": "name",
                "skos:altLabel": "also written as"}
ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"
# relation -> the layer of its target relative to its source in the top-down view (-1: above, 0: beside, 1: below;
# a report's results go below its tasks, beside the tasks' targets)
LAYER_STEP = {"implements": -1, "responds_to": -1, "reports_on": -1, "based_on": -1, "part_of": -1, "set_by": -1,
              "lead": -1, "cooperate": -1, "investor": -1, "supervise": -1, "concerns": 1, "reported_in": -2, "passed_by": 0, "addressed_to": 0,
              "candidate": 0, "measures": 0}
LAYOUTS = ("hierarchy", "force")
# progress against the plan (kgo:percentOfPlan) -> border colour of a target or result. Ranges, not verdicts:
# a figure for the first quarter is rightly below half of the year's plan.
PROGRESS = ((100.0, "plan reached", "#1a9850"), (50.0, "50-99 % of plan", "#4393c3"),
            (0.0, "under 50 % of plan", "#9e9ac8"))


def progress_status(props: dict) -> tuple[str, str] | None:
    """(status, colour) of a target or result whose progress against the plan is stated."""
    v = props.get("percentOfPlan")
    if isinstance(v, str):
        try:
            v = float(v.split(";")[0])
        except ValueError:
            return None
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return None
    return next((name, colour) for floor, name, colour in PROGRESS if v >= floor or floor == 0.0)
_JS_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027",
               0x2028: "\\u2028", 0x2029: "\\u2029"}


def js_json(value) -> str:
    """JSON that is safe inside <script>: no `<`, `>`, `&`, `'` or line separators left as such."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JS_ESCAPES)


_property_labels: dict[str, str] | None = None


def property_labels() -> dict[str, str]:
    """Property key (as in Node.properties) -> its rdfs:label in the ontology (English), read once."""
    global _property_labels
    if _property_labels is None:
        import pyoxigraph as ox

        from .network import KGO

        labels = dict(OTHER_LABELS)
        if ONTOLOGY.is_file():
            label = "http://www.w3.org/2000/01/rdf-schema#label"
            for t in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE):
                if (t.predicate.value == label and isinstance(t.subject, ox.NamedNode)
                        and t.subject.value.startswith(KGO) and t.object.language in (None, "en")):
                    labels[t.subject.value[len(KGO):]] = t.object.value
        _property_labels = labels
    return _property_labels


def panel_properties(props: dict) -> list[list[str]]:
    """[label, value] rows for the side panel: ontology labels, internal keys left out."""
    names = property_labels()
    rows = []
    for k, v in sorted(props.items()):
        if k in HIDDEN_PROPERTIES:
            continue
        rows.append([names.get(k, k), str(v)])
    return sorted(rows, key=lambda kv: kv[0].casefold())


def layers(network: Network, extra_edges=()) -> dict[str, int]:
    """Top-down layer of each node: directives above the plans and decisions that carry them out, then tasks,
    then targets, agencies and projects; walked from the focus (else from every node in turn), 0 at the top."""
    nbrs: dict[str, list[tuple[str, int]]] = {}
    for e in list(network.edges) + list(extra_edges):
        step = LAYER_STEP.get(e.relation)
        if step is None:
            continue
        nbrs.setdefault(e.source, []).append((e.target, step))
        nbrs.setdefault(e.target, []).append((e.source, -step))
    level: dict[str, int] = {}
    kind_rank = {"law": 0, "directive": 0, "plan": 1, "programme": 1, "document": 1, "task": 2, "target": 3,
                 "result": 3, "project": 3, "agency": 3}
    starts = ([network.focus] if network.focus in network.nodes else []) + sorted(
        network.nodes, key=lambda n: (kind_rank.get(network.nodes[n].kind, 4), n))
    for start in starts:
        if start in level:
            continue
        comp = {start: kind_rank.get(network.nodes[start].kind, 4) if start != network.focus else 0}
        queue = [start]
        while queue:
            x = queue.pop(0)
            if x != start and network.nodes[x].kind in LEAF_KINDS:
                continue  # an agency or project takes its layer from what names it, and passes none on
            for y, step in nbrs.get(x, ()):
                if y not in comp and y in network.nodes:
                    comp[y] = comp[x] + step
                    queue.append(y)
        low = min(comp.values())
        for n, v in comp.items():
            level[n] = v - low
    return level


def _short(s: str, n: int = LABEL_CHARS) -> str:
    """At most n characters, cut at a word boundary (inside a word only when it is most of the label)."""
    s = " ".join(str(s).split())
    if len(s) <= n:
        return s
    cut = s[: n - 1]
    if not s[n - 1].isspace() and " " in cut and len(cut.rsplit(" ", 1)[0]) >= n // 2:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


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

    over = network.omitted - network.filtered - network.unlinked
    parts = []
    if network.filtered:
        parts.append(f"kinds not selected: {counts(network.filtered)}")
    if network.unlinked:
        parts.append(f"joined to the focus only through a mention, an agency or a project: "
                     f"{counts(network.unlinked)}")
    if over:
        parts.append(f"over the limit{f' of {limit}' if limit else ''}: {counts(over)}")
    total = sum(network.omitted.values())
    return (f"Left out {total} node(s) and {network.omitted_edges} edge(s): {'; '.join(parts)}. "
            "Use --focus REF, --types, --mentions or a larger --limit to see them.")


def vis_options(n_nodes: int, layout: str = "force") -> dict:
    big = n_nodes > 300
    opts = {
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
    if layout == "hierarchy":
        # fixed-size labels wrapped to a column, drawn at any zoom the page opens with; no physics: the layers
        # say where everything goes
        opts["nodes"]["font"]["size"] = 14
        opts["nodes"]["widthConstraint"] = {"maximum": 170}
        opts["nodes"]["scaling"] = {"min": 12, "max": 28, "label": {"enabled": False, "drawThreshold": 3}}
        opts["physics"] = {"enabled": False}
        opts["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical",
                                   "roundness": 0.4}
        opts["layout"] = {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                           "levelSeparation": 170, "nodeSpacing": 190, "treeSpacing": 220,
                                           "blockShifting": True, "edgeMinimization": True,
                                           "parentCentralization": True, "shakeTowards": "roots"}}
    return opts


def _vis_node(n, i: int, size: float, focus: str | None, level: int | None) -> dict:
    name, color, shape, _ = KIND_STYLE.get(n.kind, (n.kind, "#888888", "dot", "●"))
    alt = " ".join(str(n.properties.get(k, "")) for k in ("skos:altLabel", "eli:id_local", "source", "title"))
    vn = {
        "id": i, "label": _short(n.label), "title": f"{_short(n.label, 300)}\n[{name}]",
        "shape": shape, "value": size, "kind": n.kind,
        "color": {"background": color, "border": "#333333" if n.id == focus else color,
                  "highlight": {"background": color, "border": "#000000"},
                  "hover": {"background": color, "border": "#000000"}},
        "full": n.label, "iri": n.id, "alt": alt.strip(), "props": panel_properties(n.properties),
        "src": [[s.document, s.start, s.end, s.sentence] for s in n.sources[:MAX_SOURCES]],
        "more": max(0, len(n.sources) - MAX_SOURCES),
    }
    year = n.properties.get("year")
    if isinstance(year, int):
        vn["year"] = year
    status = progress_status(n.properties) if n.kind in ("target", "result") else None
    if status:
        vn["status"] = status[0]
        vn["color"]["border"] = status[1]
        vn["borderWidth"] = 3
        vn["title"] += f"\n{n.properties.get('percentOfPlan')} % of plan"
    verdict = n.properties.get("status") if n.kind == "target" else None
    if verdict and verdict in STATUS_COLOURS:  # what became of it: the progress graph's status of its latest result
        for part in (vn["color"], vn["color"]["highlight"], vn["color"]["hover"]):
            part["background"] = STATUS_COLOURS[verdict]
        vn["title"] += f"\n{verdict}"
    if n.id == focus:
        vn["borderWidth"] = 4
    if level is not None:
        vn["level"] = level
    return vn


def _vis_edge(e, j: int, ids: dict[str, int], show_mentions: bool) -> dict:
    color, width, dashes, _ = RELATION_STYLE.get(e.relation, ("#999999", 1.0, False, e.relation))
    tip = e.relation + (f"\n“{_short(e.sentence, 300)}”\n{e.document}" if e.sentence else "")
    ve = {
        "id": j, "from": ids[e.source], "to": ids[e.target], "rel": e.relation, "title": tip,
        "color": {"color": color, "highlight": "#000000", "hover": color, "opacity": 0.85},
        "width": width, "dashes": dashes,
        "ev": [[s.document, s.start, s.end, s.sentence] for s in e.evidence[:MAX_EVIDENCE]],
    }
    if e.relation == MENTIONS and not show_mentions:
        ve["hidden"] = True
    return ve


def page_data(network: Network, title: str, note: str = "", more: Network | None = None, layout: str = "force",
              show_mentions: bool = False) -> tuple[list[dict], list[dict], dict]:
    """vis node dicts, vis edge dicts and page metadata (legend, notes, options) of a network.

    more: the rest of the graph, not drawn at first; the page's search finds it and draws what is picked
    (meta["more_nodes"], meta["more_edges"]). layout: "hierarchy" (top-down layers) or "force"."""
    extra = {k: v for k, v in (more.nodes.items() if more else ()) if k not in network.nodes}
    if len(extra) > MAX_MORE:
        deg = more.degree()
        extra = dict(sorted(extra.items(), key=lambda kv: (-deg[kv[0]], kv[0]))[:MAX_MORE])
    ids = {iri: i for i, iri in enumerate(sorted(network.nodes) + sorted(extra))}
    sizes = node_sizes(network)
    drawn_keys = {(e.source, e.target, e.relation) for e in network.edges}
    more_edges = [e for e in (more.edges if more else ()) if (e.source in extra or e.target in extra)
                  and e.source in ids and e.target in ids and (e.source, e.target, e.relation) not in drawn_keys]
    level = layers(network) if layout == "hierarchy" else {}
    vnodes = [_vis_node(network.nodes[iri], ids[iri], sizes.get(iri, 0.0), network.focus, level.get(iri))
              for iri in sorted(network.nodes)]
    vedges: list[dict] = []
    rel_count: dict[str, int] = {}
    for j, e in enumerate(network.edges):
        rel_count[e.relation] = rel_count.get(e.relation, 0) + 1
        vedges.append(_vis_edge(e, j, ids, show_mentions))
    vmore = [_vis_node(extra[iri], ids[iri], 0.0, None, None) for iri in sorted(extra)]
    for v in vmore:
        v["more"] += max(0, len(v["src"]) - MORE_SOURCES)
        v["src"] = v["src"][:MORE_SOURCES]
    vmore_edges = [_vis_edge(e, len(vedges) + j, ids, show_mentions) for j, e in enumerate(more_edges)]
    counts = network.kind_counts()
    kinds = [{"kind": k, "name": KIND_STYLE[k][0], "color": KIND_STYLE[k][1], "shape": KIND_STYLE[k][2],
              "glyph": KIND_STYLE[k][3], "count": counts.get(k, 0), "omitted": network.omitted.get(k, 0)}
             for k in KINDS]
    relations = [{"relation": r, "color": s[0], "dashes": s[2], "inverse": s[3], "count": rel_count.get(r, 0),
                  "lineage": r in LINEAGE_RELATIONS} for r, s in RELATION_STYLE.items()]
    years = sorted({v["year"] for v in vnodes + vmore if "year" in v})
    meta = {
        "title": title, "kinds": kinds, "relations": relations, "omitted_text": note,
        "shown_nodes": len(vnodes), "shown_edges": len(vedges),
        "total_nodes": max(network.total_nodes, len(vnodes) + len(vmore)),
        "focus": ids.get(network.focus) if network.focus else None,
        "layout": layout, "mentions_shown": show_mentions, "years": years,
        "options": vis_options(len(vnodes), layout),
        "more_nodes": vmore, "more_edges": vmore_edges,
        "progress": [{"status": name, "color": colour, "from": floor} for floor, name, colour in PROGRESS],
    }
    return vnodes, vedges, meta


def build_html(network: Network, title: str = "Knowledge graph of directives", note: str | None = None,
               more: Network | None = None, layout: str = "force", show_mentions: bool = False) -> str:
    """The page as a string. `note` (default: what the selection left out) is shown under the legend."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from markupsafe import Markup
    from pyvis.network import Network as PyvisNetwork

    if not (VIZ_DIR / "viewer.html.j2").is_file():
        raise FileNotFoundError(f"{VIZ_DIR}: the viewer's template and assets are missing (install from a checkout: "
                                "pip install -e .)")
    vnodes, vedges, meta = page_data(network, title, omitted_text(network) if note is None else note, more=more,
                                     layout=layout, show_mentions=show_mentions)
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


LEAF_KINDS = ("agency", "project")  # reached, not walked through: an issuer links every directive it issued


def _reading_view(net: Network, mentions: bool) -> Network:
    """The focus network as read from the focus: without mention edges (unless asked for), and without what
    is joined to the focus only through an agency or a project (the other directives of the same issuer)."""
    edges = [e for e in net.edges if mentions or e.relation != MENTIONS]
    adj: dict[str, list[str]] = {}
    for e in edges:
        adj.setdefault(e.source, []).append(e.target)
        adj.setdefault(e.target, []).append(e.source)
    seen, stack = {net.focus}, [net.focus]
    while stack:
        x = stack.pop()
        if x != net.focus and net.nodes[x].kind in LEAF_KINDS:
            continue
        for y in adj.get(x, ()):
            if y not in seen and y in net.nodes:
                seen.add(y)
                stack.append(y)
    out = Network(focus=net.focus, omitted=net.omitted.copy(), omitted_edges=net.omitted_edges,
                  filtered=net.filtered.copy(), unlinked=net.unlinked.copy(), total_nodes=net.total_nodes)
    out.nodes = {k: v for k, v in net.nodes.items() if k in seen}
    out.edges = [e for e in edges if e.source in seen and e.target in seen]
    for k, v in net.nodes.items():
        if k not in seen:
            out.omitted[v.kind] += 1
            out.unlinked[v.kind] += 1
    out.omitted_edges += len(net.edges) - len(out.edges)
    return out


def write_viz(store, out: str | Path, focus: str | None = None, depth: int = 2, types=None,
              limit: int | None = DEFAULT_LIMIT, source: str | None = None, layout: str | None = None,
              mentions: bool = False) -> VizReport:
    """Write the page `render_viz` makes to `out`."""
    html, rep = render_viz(store, focus=focus, depth=depth, types=types, limit=limit, source=source, layout=layout,
                           mentions=mentions)
    Path(out).write_text(html, encoding="utf-8")
    return rep


def render_viz(store, focus: str | None = None, depth: int = 2, types=None, limit: int | None = DEFAULT_LIMIT,
               source: str | None = None, layout: str | None = None, mentions: bool = False) -> tuple[str, VizReport]:
    """Fetch (the focus neighbourhood, or the most connected nodes up to `limit`) and make the page.

    layout: "hierarchy" (the default with a focus) or "force" (the default without); mentions: draw the
    document -> named entity edges (hidden otherwise, and around a focus the nodes only they reach). The rest
    of the graph goes into the page for its search."""
    t0 = time.perf_counter()
    layout = layout or ("hierarchy" if focus else "force")
    focus_iri, others = (resolve_focus(store, focus) if focus else (None, []))
    net = fetch_network(store, source=source, focus_iri=focus_iri, depth=depth, types=types, limit=limit)
    if focus_iri and layout == "hierarchy":
        net = _reading_view(net, mentions)
    note = omitted_text(net, limit)
    whole = fetch_network(store, source=source) if (focus_iri or net.omitted or types) else None
    if focus_iri:
        f = net.nodes.get(focus_iri)
        title = f"Around {f.label if f else focus_iri} (depth {depth})"
    else:
        title = "Knowledge graph of directives" + (f": {source}" if source else "")
    html = build_html(net, title=title, note=note, more=whole, layout=layout, show_mentions=mentions)
    return html, VizReport(len(net.nodes), len(net.edges), focus_iri, others, note, time.perf_counter() - t0)

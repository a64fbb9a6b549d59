"""kg viz: the self-contained viewer page. Escaping, no external URL, subgraph limit, legend, sizes, speed."""
from __future__ import annotations

import gc
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.store import LocalStore
from kg.views.network import Edge, Network, Node, Source, fetch_network, resolve_focus
from kg.views.viz import build_html, js_json, node_sizes, page_data

IMG = "<img src=x onerror=alert(1)>"
HREF = '<a href="javascript:alert(1)">x</a>'
BREAK = "</script><script>alert(1)</script>"

DOC = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN

Số: 12/BC-UBND

Lạng Sơn, ngày 15 tháng 3 năm 2022

BÁO CÁO

Tình hình thực hiện Nghị quyết số 01/NQ-CP của Chính phủ quý I năm 2022

Thực hiện Công văn số 1505/BKHĐT-TH ngày 11/3/2022 của Bộ Kế hoạch và Đầu tư, Ủy ban nhân dân tỉnh Lạng Sơn \
báo cáo như sau:

I. TÌNH HÌNH TRIỂN KHAI

UBND tỉnh ban hành Kế hoạch thực hiện Chương trình phát triển nông thôn để thực hiện Nghị quyết số 01/NQ-CP \
ngày 08/01/2022 của Chính phủ.

Triển khai Dự án <img src=x onerror=alert(3) title=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
aaaaaaaaaaaaaaaaaaaaaaaa> đường cao tốc Đồng Đăng - Trà Lĩnh, Đề án <a href="javascript:alert(2)"
x hỗ trợ nông dân và Dự án cải tạo Quốc lộ 4B.

II. NHIỆM VỤ TRỌNG TÂM

1. Sở Kế hoạch và Đầu tư chủ trì đẩy nhanh tiến độ Dự án đường cao tốc Đồng Đăng - Trà Lĩnh.

2. Giao Sở Giao thông vận tải triển khai thực hiện Quyết định số 326/QĐ-TTg ngày 09/3/2022 của Thủ tướng \
Chính phủ.
"""

PLANT = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { GRAPH ?g { ?p skos:prefLabel ?l } }
INSERT { GRAPH ?g { ?p skos:prefLabel "Kế hoạch <img src=x onerror=alert(1)> nông thôn" } }
WHERE { GRAPH ?g { ?p a kgo:Programme ; kgo:kind "Kế hoạch" ; skos:prefLabel ?l } } ;
DELETE { GRAPH ?g { ?p skos:prefLabel ?l } }
INSERT { GRAPH ?g { ?p skos:prefLabel "Dự án <a href=\\"javascript:alert(1)\\">x</a> Quốc lộ 4B" } }
WHERE { GRAPH ?g { ?p a kgo:Project ; skos:prefLabel ?l FILTER(CONTAINS(?l, "4B")) } } ;
DELETE { GRAPH ?g { ?m kgo:sentence ?s } }
INSERT { GRAPH ?g { ?m kgo:sentence "Câu </script><script>alert(1)</script> có <img src=x onerror=alert(1)>" } }
WHERE { GRAPH ?g { ?p a kgo:Project ; skos:prefLabel ?l ; kgo:mention ?m . ?m kgo:sentence ?s
                   FILTER(CONTAINS(?l, "4B")) } }
"""


def planted_store(tmp_path):
    """A real store: a hand-written report ingested, then hostile labels and sentences planted in its graph.

    The reader strips complete short HTML tags, so part of the payload survives ingest as it is (a broken
    `<a href=` in a plan name, a long `<img onerror>` in a sentence) and the exact payloads are planted.
    """
    from kg.ingest import ingest

    d = tmp_path / "docs"
    d.mkdir()
    (d / "bao_cao_xss.txt").write_text(DOC, encoding="utf-8")
    store = LocalStore(tmp_path / "store")
    rep = ingest([d / "bao_cao_xss.txt"], store)
    assert rep.documents == 1, rep.failed
    store.update(PLANT)
    store.flush()
    store.close()
    del store
    gc.collect()  # release the RocksDB lock: the CLI and the tests open the store read-only
    return LocalStore(tmp_path / "store", read_only=True)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return planted_store(tmp_path_factory.mktemp("viz"))


@pytest.fixture(scope="module")
def net(store):
    return fetch_network(store)


@pytest.fixture(scope="module")
def html(net):
    return build_html(net)


def _without_vis(html: str) -> str:
    """The page without the inlined vis-network library text (which contains strings like '<script')."""
    from pathlib import Path

    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    for f in ("vis-network.min.js", "vis-network.css"):
        text = (lib / f).read_text("utf-8")
        assert text in html, f  # inlined, whole
        html = html.replace(text, "")
    return html


def _data(html: str, name: str):
    m = re.search(rf"var {name} = (.*?);\n", html)
    assert m, name
    return json.loads(m.group(1))


def test_payload_is_in_the_graph(net):
    labels = [n.label for n in net.nodes.values()]
    assert any(IMG in lab for lab in labels) and any(HREF in lab for lab in labels)
    assert any(BREAK in s.sentence for n in net.nodes.values() for s in n.sources)
    # and what survived ingest as read (the reader strips short complete tags only)
    assert any("<img src=x onerror=alert(3)" in s.sentence for n in net.nodes.values() for s in n.sources)


def test_payloads_only_escaped(html):
    for raw in (IMG, HREF, BREAK, "<img src=x onerror=alert(3)", '<a href="javascript:alert(2)"',
                "</script><script>alert"):
        assert raw not in html, raw
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    assert "\\u003ca href=\\\"javascript:alert(1)\\\"\\u003ex\\u003c/a\\u003e" in html
    # exactly the page's own three script elements, and no other element from data
    own = _without_vis(html)
    assert len(re.findall(r"<script\b", own, re.IGNORECASE)) == 3
    assert len(re.findall(r"</script>", own, re.IGNORECASE)) == 3
    assert not re.search(r"<img\b", own, re.IGNORECASE)
    assert not re.search(r"<a\b", own, re.IGNORECASE)
    # the data parses back to the very text
    nodes = _data(html, "KG_NODES")
    assert any(IMG in n["full"] for n in nodes) and any(HREF in n["label"] or HREF in n["full"] for n in nodes)


def test_no_pyvis_heading_or_innerhtml_tooltip(html):
    assert "<h1>" not in html and "<center>" not in html
    assert "popup.innerHTML" not in html
    js = html[html.rindex("<script>"):]
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_title_with_payload_is_escaped(store, tmp_path):
    out = tmp_path / "focus.html"
    r = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out), "--focus", "kế hoạch nông thôn"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    page = out.read_text("utf-8")
    assert IMG not in page
    assert "<title>Around Kế hoạch &lt;img src=x onerror=alert(1)&gt; nông thôn (depth 2)</title>" in page


def test_no_external_urls(html):
    assert not re.search(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?//""", html,
                         re.IGNORECASE)
    assert not re.search(r"<link\b", html, re.IGNORECASE)
    assert not re.search(r"<script\b[^>]*\bsrc\b", html, re.IGNORECASE)
    own = _without_vis(html).lower()
    assert "bootstrap" not in own and "cdn" not in own and "http://" not in own and "https://" not in own.replace(
        "https://w3id.org/kg-vn/", "")
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "new vis.Network" in html and "vis-network" in html  # vis inlined


def test_js_json_escapes():
    s = js_json({"a": "</script><b>&'\u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "'" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><b>&'\u2028"}


def test_legend_counts(net, html):
    meta = _data(html, "KG_META")
    counts = {k["kind"]: k["count"] for k in meta["kinds"]}
    assert counts == {k: Counter(n.kind for n in net.nodes.values()).get(k, 0) for k in counts}
    assert counts["directive"] == 3 and counts["document"] == 1
    assert meta["shown_nodes"] == len(net.nodes) == len(_data(html, "KG_NODES"))
    assert meta["shown_edges"] == len(net.edges) == len(_data(html, "KG_EDGES"))
    rel = {r["relation"]: r["count"] for r in meta["relations"]}
    assert rel["implements"] == sum(e.relation == "implements" for e in net.edges) > 0


def test_node_sizes_from_centrality(net, html):
    sizes = node_sizes(net)
    deg = net.degree()
    hub = max(net.nodes, key=lambda n: deg[n])
    leaf = min(net.nodes, key=lambda n: deg[n])
    assert sizes[hub] == 1.0 and sizes[leaf] < sizes[hub]
    nodes = {n["iri"]: n for n in _data(html, "KG_NODES")}
    assert nodes[hub]["value"] == 1.0 and nodes[leaf]["value"] == sizes[leaf]
    meta = _data(html, "KG_META")
    assert meta["options"]["nodes"]["scaling"]["max"] > meta["options"]["nodes"]["scaling"]["min"]


def test_physics_stops(html):
    meta = _data(html, "KG_META")
    assert meta["options"]["physics"]["stabilization"]["enabled"] is True
    assert "stopSimulation()" in html and "physics: {enabled: false}" in html


def test_subgraph_limit(store, net, tmp_path):
    small = fetch_network(store, limit=4)
    assert len(small.nodes) == 4
    assert sum(small.omitted.values()) == len(net.nodes) - 4
    out = tmp_path / "small.html"
    r = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out), "--limit", "4"])
    assert r.exit_code == 0, r.output
    assert "Left out" in r.output  # stderr is mixed into output by CliRunner
    meta = _data(out.read_text("utf-8"), "KG_META")
    assert meta["shown_nodes"] == 4 and meta["total_nodes"] == len(net.nodes)
    assert meta["omitted_text"].startswith(f"Left out {len(net.nodes) - 4} node(s)")


def test_cli_focus_types_and_errors(store, tmp_path):
    out = tmp_path / "f.html"
    r = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out), "--focus", "01/NQ-CP",
                                 "--depth", "1", "--types", "directive,document,agency"])
    assert r.exit_code == 0, r.output
    nodes = _data(out.read_text("utf-8"), "KG_NODES")
    assert {n["kind"] for n in nodes} <= {"directive", "document", "agency"}
    meta = _data(out.read_text("utf-8"), "KG_META")
    assert nodes[meta["focus"]]["iri"] == resolve_focus(store, "01/NQ-CP")[0]
    bad = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out), "--focus", "zzz qqq"])
    assert bad.exit_code != 0 and "matches" in bad.output
    bad = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out), "--types", "cats"])
    assert bad.exit_code != 0 and "unknown kind" in bad.output


def synthetic(n_nodes: int, n_edges: int) -> Network:
    kinds = ["directive", "plan", "programme", "task", "project", "agency", "document"]
    net = Network()
    for i in range(n_nodes):
        iri = f"https://w3id.org/kg-vn/id/x/{i}"
        net.nodes[iri] = Node(iri, kinds[i % len(kinds)], f"Kế hoạch số {i} <b>về</b> phát triển kinh tế - xã hội",
                              {"year": 2022, "kind": "Kế hoạch", "text": "x" * 200},
                              [Source(f"doc{i % 50}.txt", i, i + 20, f"Câu số {i} nói về kế hoạch {i}.")] * 3)
    ids = list(net.nodes)
    for j in range(n_edges):
        a, b = ids[(j * 7) % n_nodes], ids[(j * 13 + 1) % n_nodes]
        if a != b:
            net.edges.append(Edge(a, b, "implements" if j % 5 == 0 else "mentions",
                                  [Source("doc.txt", 1, 2, f"Bằng chứng {j}.")]))
    return net


def test_build_2000_nodes():
    net = synthetic(2000, 4000)
    page = build_html(net)
    assert len(_data(page, "KG_NODES")) == 2000
    _, vedges, meta = page_data(net, "t")
    assert len(vedges) == len(net.edges) and meta["options"]["layout"]["improvedLayout"] is False


def test_empty_graph_page():
    page = build_html(Network())
    meta = _data(page, "KG_META")
    assert _data(page, "KG_NODES") == [] and meta["shown_nodes"] == 0
    assert "KG_NODES.length" in page  # the page settles at once when there is nothing to lay out


def test_progress_colours_targets_and_results():
    from kg.views.viz import PROGRESS, progress_status

    net = Network()
    for i, pct in enumerate([120.0, 75.5, 20.0, None]):
        props = {"percentOfPlan": pct} if pct is not None else {}
        net.nodes[f"urn:r{i}"] = Node(f"urn:r{i}", "result", f"Kết quả {i}", props)
    vnodes, _, meta = page_data(net, "t")
    got = {v["full"]: (v.get("status"), v["color"]["border"]) for v in vnodes}
    colours = {name: colour for _, name, colour in PROGRESS}
    names = [name for _, name, _ in PROGRESS]
    assert got["Kết quả 0"] == (names[0], colours[names[0]])
    assert got["Kết quả 1"] == (names[1], colours[names[1]])
    assert got["Kết quả 2"] == (names[2], colours[names[2]])
    assert got["Kết quả 3"][0] is None
    assert [p["status"] for p in meta["progress"]] == names
    assert progress_status({"percentOfPlan": "85.0; 90.0"})[0] == names[1]


def test_the_rest_of_the_graph_is_searchable_but_not_drawn(monkeypatch):
    from kg.views import viz

    whole = synthetic(40, 60)
    shown = Network(focus=None)
    for iri in list(whole.nodes)[:10]:
        shown.nodes[iri] = whole.nodes[iri]
    shown.edges = [e for e in whole.edges if e.source in shown.nodes and e.target in shown.nodes]
    vnodes, _, meta = page_data(shown, "t", more=whole)
    assert len(vnodes) == 10 and len(meta["more_nodes"]) == 30
    ids = {v["id"] for v in vnodes} | {v["id"] for v in meta["more_nodes"]}
    assert len(ids) == 40
    for e in meta["more_edges"]:
        assert e["from"] in ids and e["to"] in ids
    assert all(len(v["src"]) <= viz.MORE_SOURCES for v in meta["more_nodes"])
    monkeypatch.setattr(viz, "MAX_MORE", 5)
    _, _, meta = page_data(shown, "t", more=whole)
    assert len(meta["more_nodes"]) == 5


def test_responsibility_roles_have_their_own_edges_and_legend(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.graph.store import LocalStore

    store = tmp_path / "store"
    doc = Path(__file__).resolve().parent / "data" / "resp_district_plan.md"
    assert CliRunner().invoke(cli, ["ingest", str(doc), "--store", str(store), "-q"]).exit_code == 0
    page = build_html(fetch_network(LocalStore(store, read_only=True)))
    meta, edges = _data(page, "KG_META"), _data(page, "KG_EDGES")
    legend = {r["relation"]: r for r in meta["relations"]}
    for role in ("lead", "cooperate", "investor", "supervise"):
        assert role in legend and legend[role]["count"] == sum(e["rel"] == role for e in edges)
    assert legend["lead"]["count"] >= 4 and legend["cooperate"]["count"] >= 3 and legend["supervise"]["count"] >= 1
    assert len({legend[r]["color"] for r in ("lead", "cooperate", "investor", "supervise")}) == 4
    assert "assigned_to" not in legend

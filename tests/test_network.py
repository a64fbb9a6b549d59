"""kg.views.network: the graph as nodes and edges, fetched in a fixed number of queries."""
from __future__ import annotations

import io
from collections import Counter

import networkx as nx
import pytest

from kg.graph.store import LocalStore
from kg.views.network import (
    KINDS,
    LINEAGE_RELATIONS,
    NetworkError,
    fetch_network,
    parse_types,
    resolve_focus,
    to_networkx,
)

NQ01 = "https://w3id.org/kg-vn/id/directive/chinh-phu/1-nq-cp/2022"


class CountingStore:
    """A store proxy that counts queries."""

    def __init__(self, store) -> None:
        self.store = store
        self.queries = 0

    def query(self, sparql, bindings=None):
        self.queries += 1
        return self.store.query(sparql, bindings)


@pytest.fixture(scope="module")
def store(sample_store_dir):
    return LocalStore(sample_store_dir, read_only=True)


@pytest.fixture(scope="module")
def whole(store):
    return fetch_network(store)


def test_nodes_have_kinds_labels_properties_and_sources(whole):
    kinds = Counter(n.kind for n in whole.nodes.values())
    assert set(kinds) <= set(KINDS)
    for k in ("directive", "plan", "programme", "task", "project", "agency", "document"):
        assert kinds[k] > 0, k
    d = whole.nodes[NQ01]
    assert d.kind == "directive" and d.label == "01/NQ-CP"
    assert d.properties["year"] == 2022 and d.properties["typeLabel"] == "Nghị quyết"
    assert d.sources and all(s.document.endswith(".txt") and s.sentence for s in d.sources)
    assert all(isinstance(s.start, int) and s.end > s.start for s in d.sources)
    assert all(n.label for n in whole.nodes.values())


def test_edges_lineage_with_evidence(whole):
    assert all(e.source in whole.nodes and e.target in whole.nodes for e in whole.edges)
    lineage = [e for e in whole.edges if e.relation in LINEAGE_RELATIONS]
    assert {e.relation for e in lineage} >= {"implements", "reports_on", "responds_to"}
    into = [e for e in lineage if e.target == NQ01]
    assert any(e.relation == "reports_on" and whole.nodes[e.source].kind == "document" for e in into)
    assert any(e.relation == "implements" for e in into)
    assert all(e.evidence and e.document.endswith(".txt") for e in lineage)
    assert any(e.relation == "passed_by" and e.source == NQ01 for e in whole.edges)
    rels = {e.relation for e in whole.edges}
    assert {"part_of", "mentions"} <= rels
    # no duplicate edges
    assert len({(e.source, e.target, e.relation) for e in whole.edges}) == len(whole.edges)


def test_constant_number_of_queries(store):
    c = CountingStore(store)
    fetch_network(c)
    whole_queries = c.queries
    assert whole_queries <= 5
    c.queries = 0
    fetch_network(c, limit=20)
    assert c.queries <= 5
    c.queries = 0
    fetch_network(c, focus_iri=NQ01, depth=3)
    assert c.queries <= 5 + 3


def test_focus_depth_and_limit(store, whole):
    one = fetch_network(store, focus_iri=NQ01, depth=1)
    assert NQ01 in one.nodes and one.focus == NQ01
    neighbours = {e.source for e in whole.edges if e.target == NQ01} | {e.target for e in whole.edges
                                                                           if e.source == NQ01}
    assert set(one.nodes) == neighbours | {NQ01}
    two = fetch_network(store, focus_iri=NQ01, depth=2)
    assert set(one.nodes) < set(two.nodes)
    small = fetch_network(store, focus_iri=NQ01, depth=2, limit=5)
    assert len(small.nodes) == 5 and NQ01 in small.nodes
    assert set(small.nodes) <= set(two.nodes)
    assert sum(small.omitted.values()) == len(two.nodes) - 5
    # nearest first: every depth-1 node is kept before any depth-2 node
    if len(one.nodes) >= 5:
        assert set(small.nodes) <= set(one.nodes)


def test_limit_keeps_most_connected(store, whole):
    top = fetch_network(store, limit=10)
    assert len(top.nodes) == 10
    deg = whole.degree()
    kept = min(deg[n] for n in top.nodes)
    left = max(deg[n] for n in whole.nodes if n not in top.nodes)
    assert kept >= left
    assert sum(top.omitted.values()) == len(whole.nodes) - 10
    assert top.omitted_edges == len(whole.edges) - len(top.edges)


def test_types_filter(store):
    net = fetch_network(store, types="directive,plan")
    assert {n.kind for n in net.nodes.values()} == {"directive", "plan"}
    assert set(net.filtered) >= {"task", "document"}
    focus = fetch_network(store, focus_iri=NQ01, types=["plan"])
    assert NQ01 in focus.nodes  # the focus is always kept
    assert parse_types("Directives, plans") == {"directive", "plan"}
    with pytest.raises(NetworkError):
        parse_types("nonsense")


def test_source_only(store, sample_files):
    name = sample_files[0].name
    net = fetch_network(store, source=name)
    docs = [n for n in net.nodes.values() if n.kind == "document"]
    assert len(docs) == 1 and docs[0].properties["source"] == name
    assert all(s.document == name for n in net.nodes.values() for s in n.sources)


def test_resolve_focus(store):
    assert resolve_focus(store, "01/NQ-CP")[0] == NQ01
    assert resolve_focus(store, "1/nq-cp")[0] == NQ01
    assert resolve_focus(store, NQ01)[0] == NQ01
    assert resolve_focus(store, "Nghị quyết số 01/NQ-CP")[0] == NQ01
    assert resolve_focus(store, "Chính phủ")[0].endswith("/agency/chinh-phu")
    iri, _ = resolve_focus(store, "quy hoach tinh Lang Son")
    assert "/programme/quy-hoach-tinh-lang-son" in iri
    with pytest.raises(NetworkError):
        resolve_focus(store, "no such thing anywhere")
    with pytest.raises(NetworkError):
        resolve_focus(store, "https://example.org/none")
    with pytest.raises(NetworkError):
        fetch_network(store, focus_iri="https://example.org/none")


def test_to_networkx_graphml_gexf(whole, tmp_path):
    g = to_networkx(whole)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(whole.nodes) and g.number_of_edges() == len(whole.edges)
    for _, attrs in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in attrs.values())
    for _, _, attrs in g.edges(data=True):
        assert all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in attrs.values())
    assert g.nodes[NQ01]["kind"] == "directive" and g.nodes[NQ01]["label"] == "01/NQ-CP"
    nx.write_graphml(g, tmp_path / "g.graphml")
    nx.write_gexf(g, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == len(whole.nodes) and back.number_of_edges() == len(whole.edges)
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == len(whole.nodes)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    assert b"implements" in buf.getvalue()


def test_task_labels_end_at_a_word(sample_store_dir):
    from kg.graph.store import LocalStore

    net = fetch_network(LocalStore(sample_store_dir, read_only=True), types="task")
    tasks = [n for n in net.nodes.values() if n.kind == "task"]
    assert tasks
    for n in tasks:
        text = " ".join(str(n.properties.get("text", "")).split())
        head = n.label.rstrip("…")
        i = text.find(head)
        assert i >= 0, n.label
        after = text[i + len(head): i + len(head) + 1]
        assert not after.isalnum(), n.label  # never cut inside a word


@pytest.fixture(scope="module")
def resp_store(tmp_path_factory):
    from pathlib import Path

    from click.testing import CliRunner

    from kg.cli import cli

    d = tmp_path_factory.mktemp("resp") / "store"
    doc = Path(__file__).resolve().parent / "data" / "resp_district_plan.md"
    r = CliRunner().invoke(cli, ["ingest", str(doc), "--store", str(d), "-q"])
    assert r.exit_code == 0, r.output
    return LocalStore(d, read_only=True)


def test_agencies_point_to_what_they_are_responsible_for_by_role(resp_store):
    net = fetch_network(resp_store)
    by_role: dict[str, set] = {}
    for e in net.edges:
        by_role.setdefault(e.relation, set()).add(
            (net.nodes[e.source].kind, net.nodes[e.source].label, net.nodes[e.target].kind))
    assert "assigned_to" not in by_role  # the lead edge says it, from the agency, with its sentence
    leads = {label for kind, label, obj in by_role["lead"] if kind == "agency" and obj == "task"}
    assert any("Phòng Tư pháp" in x for x in leads) and any("Phòng Nội vụ" in x for x in leads)
    coop = {label for kind, label, obj in by_role["cooperate"] if kind == "agency" and obj == "task"}
    assert any("Công an huyện" in x for x in coop) and not any("Công an" in x for x in leads)
    assert any(kind == "agency" and obj == "document" for kind, _, obj in by_role["supervise"])
    lead = next(e for e in net.edges if e.relation == "lead" and "Phòng Tư pháp" in net.nodes[e.source].label)
    assert lead.evidence and "Phòng Tư pháp" in lead.evidence[0].sentence
    # around one agency, the focus view reaches the tasks it leads or helps with
    agency = next(n for n in net.nodes.values() if n.kind == "agency" and "Công an huyện" in n.label)
    around = fetch_network(resp_store, focus_iri=agency.id, depth=1)
    assert {e.relation for e in around.edges if e.source == agency.id} >= {"cooperate"}

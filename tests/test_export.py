"""`kg export` for other tools: GraphML/GEXF with typed attributes (Gephi sizes and filters by value), GEXF
colours by kind, and a nodes.csv + edges.csv pair for spreadsheets."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import networkx as nx
from click.testing import CliRunner

from kg.cli import cli
from kg.views.network import Network, Node, to_networkx
from kg.views.viz import KIND_STYLE

NQ01 = "https://w3id.org/kg-vn/id/directive/chinh-phu/1-nq-cp/2022"


def run(*args):
    return CliRunner().invoke(cli, ["export", *map(str, args)], catch_exceptions=False)


def test_graphml_numbers_read_back_as_numbers(sample_store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    r = run("--store", sample_store_dir, "--format", "graphml", "-o", out)
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    assert isinstance(g.nodes[NQ01]["p_year"], int) and g.nodes[NQ01]["p_year"] == 2022
    targets = [a for _, a in g.nodes(data=True) if a["kind"] == "target" and "p_value" in a]
    assert targets and all(isinstance(a["p_value"], float) for a in targets)
    assert any(a["p_value"] == 60.0 and "%" in a.get("p_unit", "") for a in targets)
    assert all(isinstance(a["mentions"], int) for _, a in g.nodes(data=True))
    # a date stays ISO 8601 text; identifiers that look like numbers stay text
    assert g.nodes[NQ01]["p_eli_date_document"] == "2022-01-08"
    tasks = [a for _, a in g.nodes(data=True) if a["kind"] == "task"]
    assert tasks and all(isinstance(a["p_taskNumber"], str) for a in tasks)


def test_one_type_per_attribute_even_with_several_values():
    net = Network()
    net.nodes["a"] = Node("a", "target", "A", {"value": 3.5, "year": 2021})
    net.nodes["b"] = Node("b", "target", "B", {"value": "4.0; 5.0", "year": 2022})
    net.nodes["c"] = Node("c", "target", "C", {"value": 7, "note": "x"})
    g = to_networkx(net)
    assert [g.nodes[n]["p_value"] for n in "abc"] == [3.5, 4.0, 7.0]
    assert g.nodes["b"]["p_value_all"] == "4.0; 5.0"
    assert [type(g.nodes[n]["p_year"]) for n in "ab"] == [int, int]


def test_gexf_has_colours_and_sizes_by_kind(sample_store_dir, tmp_path):
    out = tmp_path / "g.gexf"
    assert run("--store", sample_store_dir, "--format", "gexf", "-o", out).exit_code == 0
    g = nx.read_gexf(out)
    d = g.nodes[NQ01]
    colour = "#{:02x}{:02x}{:02x}".format(d["viz"]["color"]["r"], d["viz"]["color"]["g"], d["viz"]["color"]["b"])
    assert colour == KIND_STYLE["directive"][1]
    sizes = {}
    for _, a in g.nodes(data=True):
        sizes.setdefault(a["kind"], []).append(a["viz"]["size"])
    assert min(sizes["directive"]) > max(sizes["target"])
    # the attribute declarations carry types
    ns = {"g": "http://www.gexf.net/1.2draft"}
    decl = {a.get("title"): a.get("type") for a in ET.parse(out).getroot().iterfind(".//g:attribute", ns)}
    assert decl["p_year"] in ("integer", "long") and decl["p_value"] in ("double", "float")


def test_csv_pair(sample_store_dir, tmp_path):
    r = run("--store", sample_store_dir, "--format", "csv", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    with (tmp_path / "out" / "nodes.csv").open(encoding="utf-8-sig") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "out" / "edges.csv").open(encoding="utf-8-sig") as f:
        edges = list(csv.DictReader(f))
    header = list(nodes[0])
    assert header[:3] == ["id", "kind", "label"] and len(header) == len(set(header))
    row = next(n for n in nodes if n["id"] == NQ01)
    assert (row["kind"], row["label"], row["year"]) == ("directive", "01/NQ-CP", "2022")
    ids = {n["id"] for n in nodes}
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert any(e["relation"] == "implements" and e["target"] == NQ01 and "143/QĐ-UBND" in e["sentence"]
               for e in edges)


def test_csv_needs_a_directory(sample_store_dir):
    r = CliRunner().invoke(cli, ["export", "--store", str(sample_store_dir), "--format", "csv"])
    assert r.exit_code == 2 and "-o DIR" in r.output

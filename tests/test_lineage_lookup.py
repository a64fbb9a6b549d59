"""`kg lineage` and kg.views.lineage_lookup: finding a node, tracing it up and down, ambiguity, depth, JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_store

from kg.cli import cli
from kg.views import lineage_lookup as ll

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"
D143 = "https://w3id.org/kg-vn/id/directive/uy-ban-nhan-dan-tinh-lang-son/143-qd-ubnd/2022"
D01 = "https://w3id.org/kg-vn/id/directive/chinh-phu/1-nq-cp/2022"

# Three small documents: the same number 05/NQ-CP in two years (a: 2021, b: 2022), and a chain across
# documents: plan (c) -> 77/QĐ-UBND (b) -> 05/NQ-CP of 2022. A plan whose opening names itself ("..., ban hành
# Kế hoạch thực hiện X như sau:") is the document: its node is the document (shown by its file name, having no title).
SMALL = {
    "a.txt": """UỶ BAN NHÂN DÂN TỈNH LẠNG SƠN

KẾ HOẠCH

Thực hiện Nghị quyết số 05/NQ-CP ngày 10/01/2021 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Nghị quyết số 05/NQ-CP như sau:
""",
    "b.txt": """UỶ BAN NHÂN DÂN TỈNH CAO BẰNG

BÁO CÁO

Tình hình thực hiện Nghị quyết số 05/NQ-CP ngày 08/01/2022 của Chính phủ

Ngay từ đầu năm, Ủy ban nhân dân tỉnh đã triển khai Nghị quyết số 05/NQ-CP ngày 08/01/2022 của Chính phủ, ban hành Quyết định số 77/QĐ-UBND ngày 20/01/2022 của UBND tỉnh về những nhiệm vụ, giải pháp chủ yếu.
""",
    "c.txt": """SỞ Y TẾ TỈNH CAO BẰNG

KẾ HOẠCH

Thực hiện Quyết định số 77/QĐ-UBND ngày 20/01/2022 của Ủy ban nhân dân tỉnh Cao Bằng, Sở Y tế ban hành Kế hoạch thực hiện Quyết định số 77/QĐ-UBND như sau:
""",
}


@pytest.fixture(scope="session")
def corpus_store(sample_store_dir) -> Path:
    return sample_store_dir


@pytest.fixture(scope="session")
def small_store(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("small_docs")
    for name, text in SMALL.items():
        (docs / name).write_text(text, encoding="utf-8")
    return build_store(sorted(docs.glob("*.txt")), tmp_path_factory.mktemp("small") / "store")


def run(*args):
    return CliRunner().invoke(cli, ["lineage", *map(str, args)], catch_exceptions=False)


def run_json(*args):
    r = run(*args, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def open_ro(d):
    from kg.graph.store import LocalStore

    return LocalStore(d, read_only=True)


def descendants(tree: dict) -> list[dict]:
    out, stack = [], list(tree["descendants"])
    while stack:
        t = stack.pop()
        out.append(t)
        stack += t["children"]
    return out


# ------------------------------------------------------------------------------------------ sample corpus
def test_01_nq_cp_shows_143_under_it_with_the_sentence(corpus_store):
    r = run("01/NQ-CP", "--store", corpus_store)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "Nghị quyết 01/NQ-CP" in lines[0] and "2022" in lines[0] and "Chính phủ" in lines[0]
    tree = r.output.split("▼ what carries it out")[1].splitlines()
    i = next(k for k, line in enumerate(tree) if "Quyết định 143/QĐ-UBND" in line)
    assert "implemented by" in tree[i]
    quote = " ".join(x.strip("│ ") for x in tree[i + 1:i + 3])
    assert "Nghị quyết số 01/NQ-CP" in quote and "143/QĐ-UBND" in quote and "000_d7a268b0f185dc12.txt" in quote


def test_01_nq_cp_json_has_143_with_evidence(corpus_store):
    tree = run_json("01/NQ-CP", "--store", corpus_store)
    assert tree["root"]["iri"] == D01
    hit = [t for t in tree["descendants"] if t["iri"] == D143]
    assert len(hit) == 1 and hit[0]["relation"] == "implements" and hit[0]["depth"] == 1
    ev = hit[0]["evidence"][0]
    assert "Quyết định số 143/QĐ-UBND" in ev["sentence"] and "01/NQ-CP" in ev["sentence"]
    assert ev["source"] == "000_d7a268b0f185dc12.txt" and ev["start"] < ev["end"]


@pytest.mark.parametrize("ref", ["01/NQ-CP", "1/nq-cp", "001/NQ-CP", "Nghị quyết số 01/NQ-CP", D01, f"<{D01}>"])
def test_number_forms_and_iri_find_the_same_directive(corpus_store, ref):
    nodes = ll.find_nodes(open_ro(corpus_store), ref)
    assert [n.iri for n in nodes] == [D01]


def test_number_key_matches_d_for_đ(corpus_store):
    nodes = ll.find_nodes(open_ro(corpus_store), "15/2021/nq-hdnd")
    assert len(nodes) == 1 and nodes[0].number == "15/2021/NQ-HĐND" and nodes[0].year == 2021


def test_143_goes_up_to_01(corpus_store):
    tree = ll.lineage(open_ro(corpus_store), D143, down=False)
    assert [(t.node.iri, t.relation) for t in tree.ancestors] == [(D01, "implements")]
    assert tree.descendants == []


def test_task_descendants_carry_projects_and_agencies_as_leaves(corpus_store):
    tree = run_json("01/NQ-CP", "--store", corpus_store)
    kinds = {t["kind"] for t in descendants(tree)}
    assert {"Directive", "Document", "Task"} <= kinds
    for t in descendants(tree):
        if t["relation"] in ("assigned_to", "concerns"):
            assert t["children"] == []


def test_project_words_go_up_through_its_task(corpus_store):
    tree = run_json("du an duong cao toc bac giang lang son", "--store", corpus_store, "--up")
    assert tree["root"]["kind"] == "Project" and tree["descendants"] == []
    first = tree["ancestors"][0]
    assert first["kind"] == "Task" and first["relation"] in ("concerns", "assigned_to")
    above = [c["iri"] for c in first["children"][0]["children"]]
    assert D01 in above


def test_words_are_case_and_diacritic_insensitive(corpus_store):
    store = open_ro(corpus_store)
    a = ll.find_nodes(store, "ĐỀ ÁN “KHÁM CHỮA BỆNH TỪ XA” NĂM 2022")
    b = ll.find_nodes(store, "de an kham chua benh tu xa nam 2022")
    assert [n.iri for n in a] == [n.iri for n in b] and len(a) == 1 and a[0].kind == "Programme"


def test_words_matching_several_plans_are_ambiguous(corpus_store):
    r = run("khám chữa bệnh", "--store", corpus_store)
    assert r.exit_code == 2
    assert r.output.count("Programme") >= 2 and "--all" in r.output


# ------------------------------------------------------------------------------------------ ambiguity
def test_same_number_two_years_lists_both_and_exits_2(small_store):
    r = run("05/NQ-CP", "--store", small_store)
    assert r.exit_code == 2
    rows = [line for line in r.output.splitlines() if "Nghị quyết 05/NQ-CP" in line]
    assert len(rows) == 2
    assert "2021" in rows[0] and "a.txt" in rows[0] and "Chính phủ" in rows[0]
    assert "2022" in rows[1] and "b.txt" in rows[1]


def test_ambiguous_json_lists_candidates(small_store):
    r = run("05/NQ-CP", "--store", small_store, "--format", "json")
    assert r.exit_code == 2
    doc = json.loads(r.output)
    assert doc["error"] == "ambiguous" and sorted(c["year"] for c in doc["candidates"]) == [2021, 2022]


@pytest.mark.parametrize("year, child", [(2021, "a.txt"), (2022, "77/QĐ-UBND")])
def test_year_picks_one(small_store, year, child):
    tree = run_json("5/nq-cp", "--store", small_store, "--year", year)
    assert tree["root"]["year"] == year
    assert any(child in t["title"] for t in tree["descendants"])


def test_all_shows_every_match(small_store):
    trees = run_json("05/NQ-CP", "--store", small_store, "--all")
    assert isinstance(trees, list) and sorted(t["root"]["year"] for t in trees) == [2021, 2022]


def test_year_with_no_match_is_unknown(small_store):
    r = run("05/NQ-CP", "--store", small_store, "--year", 1999)
    assert r.exit_code == 1


@pytest.mark.parametrize("ref", ["999/XYZ-ABC", "không có kế hoạch nào như thế", "https://example.org/nothing"])
def test_unknown_ref_says_so_in_one_line_and_exits_1(small_store, ref):
    r = run(ref, "--store", small_store)
    assert r.exit_code == 1
    assert len(r.output.strip().splitlines()) == 1 and ref in r.output


# ------------------------------------------------------------------------------------------ depth, direction
def test_chain_across_documents_and_depth_limits(small_store):
    full = run_json("05/NQ-CP", "--store", small_store, "--year", 2022)
    d77 = next(t for t in full["descendants"] if t.get("number") == "77/QĐ-UBND")
    assert [c["title"] for c in d77["children"]] == ["c.txt"]
    assert d77["children"][0]["evidence"][0]["source"] == "c.txt" and d77["evidence"][0]["source"] == "b.txt"
    assert full["truncated"] is False

    one = run_json("05/NQ-CP", "--store", small_store, "--year", 2022, "--depth", 1)
    assert one["truncated"] is True and one["depth"] == 1
    assert all(t["children"] == [] and t["depth"] == 1 for t in one["descendants"])
    assert {t["iri"] for t in one["descendants"]} == {t["iri"] for t in full["descendants"]}

    two = run_json("05/NQ-CP", "--store", small_store, "--year", 2022, "--depth", 2)
    assert two["truncated"] is False and len(descendants(two)) == len(descendants(full))

    zero = run_json("05/NQ-CP", "--store", small_store, "--year", 2022, "--depth", 0)
    assert zero["descendants"] == [] and zero["ancestors"] == [] and zero["truncated"] is False


def test_up_to_the_root_across_documents(small_store):
    tree = run_json("c.txt", "--store", small_store, "--up", "--depth", 5)
    assert tree["root"]["kind"] == "Document" and tree["descendants"] == []
    chain, t = [], tree["ancestors"]
    while t:
        chain.append((t[0].get("number"), t[0]["relation"]))
        t = t[0]["children"]
    assert chain == [("77/QĐ-UBND", "implements"), ("05/NQ-CP", "implements")]


def test_up_and_down_only(small_store):
    down = run_json("77/QĐ-UBND", "--store", small_store, "--down")
    up = run_json("77/QĐ-UBND", "--store", small_store, "--up")
    assert down["ancestors"] == [] and down["descendants"]
    assert up["descendants"] == [] and up["ancestors"][0]["year"] == 2022


def test_remote_style_walk_gives_the_same_tree(small_store, corpus_store, monkeypatch):
    """The whole-edge-table walk (endpoints without a union default graph) agrees with the property paths."""
    for d, iri in ((corpus_store, D01), (small_store, "https://w3id.org/kg-vn/id/directive/chinh-phu/5-nq-cp/2022")):
        store = open_ro(d)
        for depth in (None, 1, 2):
            a = ll.lineage(store, iri, depth=depth).to_dict()
            with monkeypatch.context() as m:
                m.setattr(ll, "_union_ok", lambda s: False)
                b = ll.lineage(store, iri, depth=depth).to_dict()
            assert a == b


def test_lineage_of_unknown_iri_raises(small_store):
    with pytest.raises(ll.LineageError):
        ll.lineage(open_ro(small_store), "https://example.org/none")


def test_no_store_is_a_usage_error():
    r = CliRunner().invoke(cli, ["lineage", "01/NQ-CP"])
    assert r.exit_code == 2 and "--store" in r.output


# ------------------------------------------------------------------------------------------ bounded answers
def _nodes(tree) -> list:
    return list(tree.iter())


def test_a_big_enough_limit_gives_the_whole_tree(small_store, corpus_store):
    """The level-by-level walk a limit uses agrees with the one-query walk when nothing is left out."""
    agency = next(t.node.iri for t in ll.lineage(open_ro(corpus_store), D01, depth=3).iter()
                  if t.node.kind == "Agency")
    for d, iri in ((corpus_store, D01), (corpus_store, D143), (corpus_store, agency),
                   (small_store, "https://w3id.org/kg-vn/id/directive/chinh-phu/5-nq-cp/2022")):
        store = open_ro(d)
        for depth in (None, 1, 2):
            whole = ll.lineage(store, iri, depth=depth)
            bounded = ll.lineage(store, iri, depth=depth, limit=100_000)
            assert bounded.limit is None
            assert bounded.to_dict() == {**whole.to_dict(), "limit": None}


def test_a_small_limit_keeps_the_nearest_nodes_and_says_so(corpus_store):
    store = open_ro(corpus_store)
    whole = ll.lineage(store, D01)
    assert len(_nodes(whole)) > 8
    bounded = ll.lineage(store, D01, limit=5)
    kept = _nodes(bounded)
    assert len(kept) == 5 and bounded.limit == 5
    # nearest first: every node of the first level is kept, none deeper than a node left out
    assert {t.node.iri for t in bounded.descendants} == {t.node.iri for t in whole.descendants}
    left_out = sum(t.more for t in kept)
    assert left_out > 0 and len(kept) + left_out <= len(_nodes(whole))
    # every node kept is described (labelled) as in the whole tree
    labels = {t.node.iri: t.node.label for t in _nodes(whole)}
    assert all(t.node.label == labels[t.node.iri] for t in kept)


def test_cli_limit_says_what_it_left_out(corpus_store):
    r = run("01/NQ-CP", "--store", corpus_store, "--limit", "3", "--max-lines", "0", "--tasks")
    assert r.exit_code == 0, r.output
    assert "the answer stops at 3 nodes" in r.output and "more beyond --limit" in r.output
    d = run_json("01/NQ-CP", "--store", corpus_store, "--limit", "3")
    assert d["limit"] == 3 and len(descendants(d)) + len(d["ancestors"]) <= 3
    d = run_json("01/NQ-CP", "--store", corpus_store, "--limit", "0")
    assert d["limit"] is None


def test_ref_is_bound_as_data_whatever_it_holds(tmp_path):
    """REF reaches the queries as one serialised RDF literal: a file name with quotes, braces and a backslash
    is found by name, and a REF written as SPARQL is only an unknown name."""
    docs = tmp_path / "docs"
    docs.mkdir()
    name = 'bao cao "quy 1" {x} \\ 2022.txt'
    (docs / name).write_text(SMALL["b.txt"], encoding="utf-8")
    store = open_ro(build_store([docs / name], tmp_path / "store"))
    found = ll.find_nodes(store, name)
    assert [(n.kind, n.label) for n in found] == [("Document", name)]
    for ref in ('x" } UNION { ?d ?p ?o } #', 'bao cao \\"quy 1\\" {x} \\\\ 2022.txt', "05/NQ-CP\" . ?d ?p ?o #"):
        assert all(n.label != name for n in ll.find_nodes(store, ref))
    # the directive numbers of the document are still found by number and year, one year only
    assert [n.year for n in ll.find_nodes(store, "05/NQ-CP", year=2022)] == [2022]
    assert ll.find_nodes(store, "05/NQ-CP", year=2021) == []

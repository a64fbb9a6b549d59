"""`kg lineage` as text: summary first, the tree fitted to the terminal, quotes around the cited number."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views import lineage_text as lt
from kg.views.lineage_lookup import Evidence, LineageTree, Node, TreeNode, whole_words


def run(*args, columns=100):
    return CliRunner().invoke(cli, ["lineage", *map(str, args)], env={"COLUMNS": str(columns)},
                              catch_exceptions=False)


# ------------------------------------------------------------------------------------------ sample store
@pytest.mark.parametrize("columns", [100, 60])
def test_01_nq_cp_answers_first_and_fits(sample_store_dir, columns):
    r = run("01/NQ-CP", "--store", sample_store_dir, columns=columns)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert len(lines) <= 40
    assert any("143/QĐ-UBND" in line for line in lines[:10])
    assert max(len(line) for line in lines) <= columns
    # the summary comes before the tree and counts by relation
    assert lines[1].startswith("Carries out") and lines[2].startswith("Carried out by: 2")
    assert any(line.strip().startswith("implemented by (1): Quyết định 143/QĐ-UBND") for line in lines[:10])
    assert r.output.index("Carried out by") < r.output.index("▼ what carries it out")
    # the report's own tasks are counted, not listed
    assert "13 tasks" in r.output and "--tasks" in r.output and "contains ←" not in r.output


def test_tasks_lists_the_report_tasks_in_number_order(sample_store_dir):
    r = run("01/NQ-CP", "--store", sample_store_dir, "--tasks", "--children", 0)
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert max(len(line) for line in lines) <= 100
    numbers = [int(line.split("contains ← ")[1].split(".")[0]) for line in lines if "contains ← " in line]
    assert numbers == list(range(1, 14))
    # a target keeps its unit
    assert "Trồng rừng mới so với kế hoạch: trên 60 % kế hoạch" in r.output


def test_relation_filter(sample_store_dir):
    r = run("01/NQ-CP", "--store", sample_store_dir, "--relation", "implements")
    assert r.exit_code == 0
    assert "143/QĐ-UBND" in r.output and "reported on by" not in r.output
    bad = run("01/NQ-CP", "--store", sample_store_dir, "--relation", "implements,begets")
    assert bad.exit_code == 2 and "begets" in bad.output


def test_max_lines_cuts_and_says_so(sample_store_dir):
    r = run("01/NQ-CP", "--store", sample_store_dir, "--tasks", "--max-lines", 12)
    lines = r.output.splitlines()
    assert len(lines) == 12 and "more lines" in lines[-1]


# ------------------------------------------------------------------------------------------ text pieces
SENTENCE = ("Ngay từ đầu năm, Ủy ban nhân dân tỉnh đã bám sát, cụ thể hóa và triển khai nhiều văn bản chỉ đạo của "
            "Trung ương, trong đó có Nghị quyết số 07/NQ-CP ngày 03/02/2023 của Chính phủ, ban hành Quyết định số "
            "0215/QĐ-UBND ngày 09/02/2023 về các nhiệm vụ trọng tâm năm 2023 của tỉnh.")


@pytest.mark.parametrize("budget", [40, 60, 90, 140])
def test_window_holds_the_cited_number_and_cuts_at_words(budget):
    w = lt.window(SENTENCE, ["215/qđ-ubnd", "7/NQ-CP"], budget)
    assert len(w) <= budget
    assert "0215/QĐ-UBND" in w
    body = w.strip("…")
    assert body in SENTENCE
    i = SENTENCE.index(body)
    # cut at word boundaries: neither end splits a word
    assert i == 0 or SENTENCE[i - 1] == " "
    j = i + len(body)
    assert j == len(SENTENCE) or not SENTENCE[j].isalnum()
    if budget >= 90:
        assert "07/NQ-CP" in w


def test_window_without_a_number_is_the_start():
    w = lt.window(SENTENCE, ["99/XX"], 50)
    assert SENTENCE.startswith(w[:-1]) and w.endswith("…") and len(w) <= 50


@pytest.mark.parametrize("text, n, want", [
    ("Tỷ lệ hộ nghèo giảm so với cuối năm trước", 20, "Tỷ lệ hộ nghèo giảm…"),
    ("ngắn", 10, "ngắn"),
    ("Chươngtrìnhdàimộtchữ", 8, "Chươngt…"),
])
def test_shorten_at_word_boundaries(text, n, want):
    assert lt.shorten(text, n) == want


def test_number_pattern_reads_variants():
    p = lt.number_pattern("05/2021/NQ-HĐND")
    for s in ("Nghị quyết số 5/2021/NQ-HĐND", "số 05/2021/nq-hdnd", "số 05 / 2021 / NQ-HĐND"):
        assert p.search(s), s
    assert not p.search("số 105/2021/NQ-HĐND")


def test_a_cut_heading_ends_at_a_word():
    text = "3. Đẩy mạnh phát triển hạ tầng giao thông nông thôn, bảo đảm kết nối vùng sâu vùng xa."
    assert whole_words("Đẩy mạnh phát triển hạ tầng giao thông nông th", text) == \
        "Đẩy mạnh phát triển hạ tầng giao thông nông…"
    assert whole_words("Đẩy mạnh phát triển hạ tầng giao", text) == "Đẩy mạnh phát triển hạ tầng giao…"
    whole = "Đẩy mạnh phát triển hạ tầng giao thông nông thôn, bảo đảm kết nối vùng sâu vùng xa."
    assert whole_words(whole, text) == whole


def _tree(n_children: int, width_word: str = "rất") -> LineageTree:
    root = Node("urn:r", "Directive", number="12/NQ-CP", type_label="Nghị quyết", year=2024, issuer="Chính phủ")
    kids = []
    for i in range(n_children):
        node = Node(f"urn:c{i}", "Directive", number=f"{100 + i}/QĐ-UBND", type_label="Quyết định", year=2024,
                    issuer="Ủy ban nhân dân tỉnh Hà Giang " + " ".join([width_word] * 30))
        ev = Evidence(f"Triển khai Nghị quyết số 12/NQ-CP, tỉnh ban hành Quyết định số {100 + i}/QĐ-UBND " +
                      "về " + " ".join(["nhiệm vụ"] * 40), "bao_cao_ha_giang.txt")
        kids.append(TreeNode(node, "implements", [ev], depth=1))
    return LineageTree(root, [], kids)


@pytest.mark.parametrize("width", [40, 72, 100])
def test_render_never_overflows_and_caps_children(width):
    lines = lt.render(_tree(14), True, True, lt.View(width=width, children=10), max_lines=None)
    assert max(len(x) for x in lines) <= width
    assert sum("implemented by ←" in x for x in lines) == 10
    assert any("4 more" in x for x in lines)


def test_render_drops_quotes_before_cutting():
    full = lt.render(_tree(6), True, True, lt.View(width=100), max_lines=None)
    capped = lt.render(_tree(6), True, True, lt.View(width=100), max_lines=len(full) - 1)
    assert not any("“" in x for x in capped) and sum("implemented by ←" in x for x in capped) == 6


def test_a_sentence_shared_by_siblings_is_quoted_once():
    tree = _tree(2)
    tree.descendants[1].evidence = list(tree.descendants[0].evidence)
    lines = lt.render(tree, True, True, lt.View(width=100), max_lines=None)
    assert sum("“" in x for x in lines) == 1
    assert any("the same sentence as above" in x for x in lines)

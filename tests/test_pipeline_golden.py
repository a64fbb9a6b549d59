"""The whole pipeline on a short hand-written report: file -> store -> named queries, against expected facts."""
import json

import pytest

from kg.graph.query import plain, run_query
from kg.graph.store import LocalStore
from kg.ingest import ingest


@pytest.fixture(scope="module")
def store(tmp_path_factory, request):
    from conftest import DATA

    s = LocalStore(tmp_path_factory.mktemp("golden") / "store")
    report = ingest([DATA / "short_report.txt"], s)
    assert report.documents == 1
    return s


@pytest.fixture(scope="module")
def expected():
    from conftest import DATA

    return json.loads((DATA / "short_report.expected.json").read_text(encoding="utf-8"))


def rows(store, name, cols):
    r = run_query(store, name)
    idx = [r.variables.index(c) for c in cols]
    out = []
    for row in r.rows:
        vals = [plain(row[i]) for i in idx]
        out.append([v.removesuffix(".0") for v in vals])
    return out


def as_set(xs):
    return {tuple(x) if isinstance(x, list) else x for x in xs}


def test_pipeline_golden_directives(store, expected):
    assert as_set(rows(store, "directives", ["number", "type", "year", "date", "issuer"])) == as_set(expected["directives"])


def test_pipeline_golden_lineage(store, expected):
    assert as_set(rows(store, "lineage", ["child", "parent", "relation"])) == as_set(expected["lineage"])


def test_pipeline_golden_named(store, expected):
    assert {r[0] for r in rows(store, "agencies", ["name"])} == set(expected["agencies"])
    assert {r[0] for r in rows(store, "projects", ["name"])} == set(expected["projects"])
    assert as_set(rows(store, "programmes", ["name", "kind"])) == as_set(expected["programmes"])


def test_pipeline_golden_targets_and_results(store, expected):
    got = rows(store, "targets", ["indicator", "value", "max", "unit", "period", "comparator"])
    assert as_set(got) == as_set(expected["targets"])
    res = rows(store, "results", ["indicator", "value", "unit", "percent_of_plan"])
    assert as_set(res) == as_set(expected["results"])


def test_pipeline_golden_every_mention_points_at_its_text(store):
    from conftest import DATA

    raw = (DATA / "short_report.txt").read_text(encoding="utf-8")
    r = store.query("""PREFIX kgo: <https://w3id.org/kg-vn/ont#>
        SELECT ?w ?s ?e ?sent WHERE { GRAPH ?g { ?m a kgo:Mention ; kgo:asWritten ?w ;
        kgo:sourceStart ?s ; kgo:sourceEnd ?e ; kgo:sentence ?sent } }""")
    assert len(r.rows) > 20
    for w, s, e, sent in r.rows:
        src = " ".join(raw[int(s.value) : int(e.value)].split())
        assert src.replace("¹", "") == w.value
        assert sent.value


def test_pipeline_golden_task_links(store):
    r = run_query(store, "tasks")
    by_n = {plain(row[r.variables.index("n")]): row for row in r.rows}
    agencies = plain(by_n["1"][r.variables.index("agencies")])
    projects = plain(by_n["2"][r.variables.index("projects")])
    assert "Sở Tài chính tỉnh Hà Giang" in agencies
    assert "Cụm công nghiệp Nam Quang 2" in projects
    assert plain(by_n["1"][r.variables.index("implements")]) == "15/2022/NĐ-CP"

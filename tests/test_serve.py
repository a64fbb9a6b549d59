"""`kg serve`: the store over HTTP, asked with real requests on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.graph.query import named_queries
from kg.views.serve import RESULT_TYPES, negotiate

pytestmark = pytest.mark.server


@pytest.fixture()
def base(served_sample):
    return served_sample


def request(url, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")


def form(**kw) -> bytes:
    return urllib.parse.urlencode(kw).encode()


COUNT_UNION = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_GRAPHS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_protocol_answers_json_csv_tsv_and_xml(base):
    st, ct, body = request(base + "/query", form(query=COUNT_GRAPHS),
                           {"Accept": "application/sparql-results+json"})
    assert st == 200 and ct.startswith("application/sparql-results+json")
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert n > 1000
    st, ct, body = request(base + "/query?" + urllib.parse.urlencode({"query": COUNT_GRAPHS}),
                           headers={"Accept": "text/csv"})
    assert st == 200 and ct.startswith("text/csv")
    assert list(csv.DictReader(io.StringIO(body))) == [{"n": str(n)}]
    st, ct, body = request(base + "/query", COUNT_GRAPHS.encode(),
                           {"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
    assert st == 200 and body.splitlines()[0] == "?n"
    st, ct, body = request(base + "/query", form(query="ASK { ?s ?p ?o }"),
                           {"Accept": "application/sparql-results+xml"})
    assert st == 200 and "<boolean>true</boolean>" in body
    # ?format= for a plain link; a format we do not make is 406
    st, ct, body = request(base + "/query?" + urllib.parse.urlencode({"query": COUNT_GRAPHS, "format": "csv"}))
    assert st == 200 and body.splitlines() == ["n", str(n)]
    st, _, _ = request(base + "/query", form(query=COUNT_GRAPHS), {"Accept": "image/png"})
    assert st == 406


def test_default_graph_is_the_union_of_the_named_graphs(base):
    def count(q, extra=None):
        st, _, body = request(base + "/query", form(query=q, **(extra or {})), {"Accept": "application/json"})
        assert st == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    assert count(COUNT_UNION) == count(COUNT_GRAPHS) > 0
    # default-graph-uri narrows the default graph to the graphs named
    _, _, body = request(base + "/query", form(query="SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
                          {"Accept": "application/json"})
    graphs = [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]
    one = count(COUNT_UNION, {"default-graph-uri": graphs[0]})
    assert 0 < one < count(COUNT_UNION)


def test_named_query_over_http_matches_the_cli(base, sample_store_dir):
    from click.testing import CliRunner

    from kg.cli import cli

    text = named_queries()["directives"].text
    st, _, body = request(base + "/query", form(query=text), {"Accept": "text/csv"})
    assert st == 200
    served = list(csv.DictReader(io.StringIO(body)))
    local = CliRunner().invoke(cli, ["query", "directives", "--store", str(sample_store_dir), "-f", "csv"])
    assert local.exit_code == 0
    assert sorted(r["number"] for r in served) == sorted(r["number"] for r in csv.DictReader(io.StringIO(local.output)))
    assert any(r["number"] == "01/NQ-CP" for r in served)


def test_updates_are_refused_and_change_nothing(base):
    def count():
        return request(base + "/query", form(query=COUNT_GRAPHS), {"Accept": "text/csv"})[2]

    before = count()
    drop = "DROP ALL"
    answers = [
        request(base + "/update", drop.encode(), {"Content-Type": "application/sparql-update"}),
        request(base + "/update", form(update=drop)),
        request(base + "/query", form(update=drop)),
        request(base + "/query", drop.encode(), {"Content-Type": "application/sparql-update"}),
        request(base + "/query", form(query="PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }")),
        request(base + "/query?graph=http://x/g", b"<http://x/a> <http://x/b> <http://x/c> .",
                {"Content-Type": "application/n-triples"}, method="PUT"),
    ]
    for st, _, body in answers:
        assert st == 403 and "read-only" in body
    assert count() == before


def test_bad_requests_are_one_line_errors(base):
    st, _, body = request(base + "/query", form(query="SELECT WHERE {"))
    assert st == 400 and body.startswith("SPARQL syntax error")
    st, _, _ = request(base + "/query")
    assert st == 400
    st, _, _ = request(base + "/nowhere")
    assert st == 404
    st, _, _ = request(base + "/query", form(query=COUNT_UNION, **{"default-graph-uri": "http://x> y"}))
    assert st == 400


def test_query_page_lists_the_named_queries_with_prefixes(base):
    st, ct, page = request(base + "/")
    assert st == 200 and ct.startswith("text/html")
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.DOTALL).group(1))
    names = [q["name"] for q in data["queries"]]
    assert names == sorted(named_queries()) and "directives" in names and "lineage" in names
    assert "PREFIX kgo: <https://w3id.org/kg-vn/ont#>" in data["start"]
    # no resource from elsewhere: every src/href is relative
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_viewer_pages(base):
    st, ct, page = request(base + "/viz")
    assert st == 200 and ct.startswith("text/html") and "Knowledge graph of directives" in page
    st, _, page = request(base + "/viz?" + urllib.parse.urlencode({"focus": "01/NQ-CP", "depth": "1"}))
    assert st == 200 and "Around" in page and "(depth 1)" in page
    st, _, body = request(base + "/viz?focus=nothing-named-like-this-xyz")
    assert st == 404 and "nothing" in body
    st, _, _ = request(base + "/viz?depth=99")
    assert st == 400


def test_negotiate_prefers_exact_types_and_q_values():
    assert negotiate("", RESULT_TYPES) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES) == \
        "application/sparql-results+xml"
    assert negotiate("*/*;q=0.1, text/csv", RESULT_TYPES) == "text/csv"
    assert negotiate("text/*", RESULT_TYPES) == "text/csv"
    assert negotiate("image/png", RESULT_TYPES) is None


def test_cli_serves_and_a_missing_store_is_one_line(sample_store_dir, tmp_path):
    exe = Path(sys.executable).parent / "kg"
    proc = subprocess.Popen([str(exe), "serve", "--store", str(sample_store_dir), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        st, _, body = request(url + "/query", form(query="ASK { ?s ?p ?o }"), {"Accept": "application/json"})
        assert st == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    r = subprocess.run([str(exe), "serve", "--store", str(tmp_path / "none"), "--port", "0"],
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode != 0 and "no store here" in r.stderr and "Traceback" not in r.stderr


def test_the_served_view_follows_a_later_ingest(store_copy, monkeypatch):
    import gc

    import kg.views.serve
    from kg.graph.store import LocalStore

    monkeypatch.setattr(kg.views.serve, "RECHECK_SECONDS", 0.0)
    ro = kg.views.serve.ReadOnlyStore(store_copy)
    q = "ASK { GRAPH <http://example.org/added> { ?s ?p ?o } }"
    assert not ro.get().query(q)
    w = LocalStore(store_copy)
    w.update("INSERT DATA { GRAPH <http://example.org/added> { <http://x/a> <http://x/b> 1 } }")
    w.close()
    del w
    gc.collect()
    assert ro.get().query(q)

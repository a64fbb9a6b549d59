"""The same commands against a real SPARQL 1.1 server: `oxigraph serve`, started on 127.0.0.1 by the test."""
import csv
import io

import pytest
from click.testing import CliRunner
from sparql_servers import oxigraph_server

from kg.cli import cli

pytestmark = pytest.mark.server


@pytest.fixture()
def server(tmp_path):
    with oxigraph_server(tmp_path) as url:
        yield url.rsplit("/", 1)[0]


def rows(output: str):
    return list(csv.DictReader(io.StringIO(output)))


def test_endpoint_ingest_and_query_match_local_store(server, sample_files, sample_store_dir):
    ep = ["--endpoint", server + "/query"]
    r = CliRunner().invoke(cli, ["ingest", *map(str, sample_files), *ep])
    assert r.exit_code == 0, r.output
    for name in ("directives", "lineage", "agencies", "targets"):
        remote = CliRunner().invoke(cli, ["query", name, *ep, "-f", "csv"])
        local = CliRunner().invoke(cli, ["query", name, "--store", str(sample_store_dir), "-f", "csv"])
        assert remote.exit_code == 0, remote.output
        key = lambda rs: sorted(tuple(sorted((k, v) for k, v in r.items() if k not in ("date_conflict",))) for r in rs)
        assert key(rows(remote.output)) == key(rows(local.output)), name


def test_endpoint_reingest_is_idempotent_and_params_bind(server, sample_files):
    ep = ["--endpoint", server + "/query"]
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    CliRunner().invoke(cli, ["ingest", str(sample_files[0]), *ep])
    n1 = rows(CliRunner().invoke(cli, ["query", count, *ep, "-f", "csv"]).output)[0]["n"]
    CliRunner().invoke(cli, ["ingest", str(sample_files[0]), *ep])
    n2 = rows(CliRunner().invoke(cli, ["query", count, *ep, "-f", "csv"]).output)[0]["n"]
    assert n1 == n2 and int(n1) > 1000
    r = CliRunner().invoke(cli, ["query", "directives", *ep, "-f", "csv", "-p", "number", "143/QĐ-UBND"])
    assert [x["number"] for x in rows(r.output)] == ["143/QĐ-UBND"]
    evil = '1" } } ; DROP ALL ; #'
    r = CliRunner().invoke(cli, ["query", "directives", *ep, "-f", "csv", "-p", "number", evil])
    assert r.exit_code == 0 and rows(r.output) == []
    n3 = rows(CliRunner().invoke(cli, ["query", count, *ep, "-f", "csv"]).output)[0]["n"]
    assert n3 == n1


def test_endpoint_unreachable_is_one_line_error(sample_files):
    r = CliRunner().invoke(cli, ["query", "directives", "--endpoint", "http://127.0.0.1:9/query"])
    assert r.exit_code != 0 and len(r.output.strip().splitlines()) == 1 and "cannot reach" in r.output

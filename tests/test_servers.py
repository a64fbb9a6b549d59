"""Every named query gives the same rows on the embedded store, `oxigraph serve` and Virtuoso, and `-p`
parameters filter the same way on all three. One server of each kind per session, loaded once."""
import csv
import io

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from sparql_servers import oxigraph_server, virtuoso_server

from kg.cli import cli
from kg.graph.query import named_queries

pytestmark = pytest.mark.server
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _load(endpoint: str, files) -> list[str]:
    r = CliRunner().invoke(cli, ["ingest", *map(str, files), "--endpoint", endpoint])
    assert r.exit_code == 0, r.output
    return ["--endpoint", endpoint]


@pytest.fixture(scope="session")
def oxigraph_endpoint(tmp_path_factory, sample_files):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield _load(url, sample_files)


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory, sample_files):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield _load(url, sample_files)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def remote(request):
    return request.param, request.getfixturevalue(f"{request.param}_endpoint")


def _untimed(data: bytes, fmt) -> tuple[set, int]:
    """The statements, but times of ingest (they differ from store to store), which are only counted."""
    quads = set(ox.parse(data, format=fmt))
    timed = {q for q in quads if isinstance(q.object, ox.Literal) and q.object.datatype.value == XSD_DATETIME}
    return quads - timed, len(timed)


def _rows(args, *more) -> list[tuple]:
    r = CliRunner().invoke(cli, ["query", *more, *args, "-f", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    return [tuple(rows[0])] + sorted(map(tuple, rows[1:]))


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_same_rows_everywhere(name, remote, sample_store_dir):
    kind, args = remote
    local = _rows(["--store", str(sample_store_dir)], name)
    assert len(local) > 1, f"{name}: no rows on the embedded store"
    assert _rows(args, name) == local, f"{name} differs on {kind}"


@pytest.mark.parametrize("query,param,value", [
    ("programmes", "kind", "Chương trình"), ("programmes", "kind", "Đề án"),
    ("responsibilities", "role", "lead"), ("lineage", "relation", "implements"),
])
def test_parameters_filter_alike(query, param, value, remote, sample_store_dir):
    kind, args = remote
    everything = _rows(["--store", str(sample_store_dir)], query)
    col = everything[0].index(param)
    expected = [everything[0]] + [r for r in everything[1:] if r[col] == value]
    assert 1 < len(expected) < len(everything), "the sample should hold some rows of this value, not only them"
    assert _rows(["--store", str(sample_store_dir)], query, "-p", param, value) == expected
    assert _rows(args, query, "-p", param, value) == expected, kind


def test_counts_and_dumps_are_the_projects_graphs_whole(remote, sample_store_dir):
    """No system graphs counted or dumped, nothing cut at a server's row cap (the sample holds > 10,000)."""
    kind, args = remote
    local = CliRunner().invoke(cli, ["stats", "--store", str(sample_store_dir)])
    there = CliRunner().invoke(cli, ["stats", *args])
    assert there.exit_code == 0, there.output
    assert there.output.split("triples by graph:")[1] == local.output.split("triples by graph:")[1], kind
    dumps = []
    for a in (["--store", str(sample_store_dir)], args):
        r = CliRunner().invoke(cli, ["export", *a, "-f", "nq"])
        assert r.exit_code == 0, r.output[-300:]
        dumps.append(_untimed(r.output.encode(), ox.RdfFormat.N_QUADS))
    assert len(dumps[0][0]) > 10_000 and dumps[1] == dumps[0], kind


def test_dump_pages_in_a_total_order(remote, sample_store_dir, monkeypatch):
    """Pages smaller than a graph: every triple once, none lost between pages."""
    import kg.graph.store
    from kg.graph.store import LocalStore, RemoteStore

    kind, args = remote
    monkeypatch.setattr(kg.graph.store, "PAGE", 700)
    local = LocalStore(sample_store_dir, read_only=True)
    graph = max(local.graphs(), key=lambda g: len(local.dump(ox.RdfFormat.N_TRIPLES, g)))
    want = _untimed(local.dump(ox.RdfFormat.N_TRIPLES, graph), ox.RdfFormat.N_TRIPLES)
    got = _untimed(RemoteStore(args[1]).dump(ox.RdfFormat.N_TRIPLES, graph), ox.RdfFormat.N_TRIPLES)
    assert len(want[0]) > 3 * 700 and got == want, kind


def test_an_answer_cut_by_the_server_is_an_error(virtuoso_endpoint):
    """Virtuoso stops at 10,000 rows and says so only in a header: one line, not a short answer."""
    r = CliRunner().invoke(cli, ["query", "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", *virtuoso_endpoint])
    assert r.exit_code != 0 and len(r.output.strip().splitlines()) == 1 and "cut the answer" in r.output


def test_the_embedded_store_filters_on_a_variable_of_an_optional(sample_store_dir):
    """A parameter naming a variable bound only inside an OPTIONAL keeps the rows holding that value; it
    does not relabel every row."""
    base = ["query", "programmes", "--store", str(sample_store_dir), "-f", "csv"]
    every = list(csv.DictReader(io.StringIO(CliRunner().invoke(cli, base).output)))
    some = list(csv.DictReader(io.StringIO(CliRunner().invoke(cli, base + ["-p", "kind", "Chương trình"]).output)))
    assert 0 < len(some) < len(every)
    assert sorted(map(str, some)) == sorted(str(r) for r in every if r["kind"] == "Chương trình")


@pytest.mark.parametrize("command", [
    ["lineage", "01/NQ-CP"], ["responsible", "Ủy ban nhân dân"], ["viz", "--focus", "01/NQ-CP", "-o", "{out}"],
    ["viz", "-o", "{out}"],
])
def test_commands_answer_alike(command, remote, sample_store_dir, tmp_path):
    """Labels and evidence picked from several in a fixed order: the same output byte for byte."""
    kind, args = remote
    outputs = []
    for i, where in enumerate((["--store", str(sample_store_dir)], args)):
        out = tmp_path / f"{i}.html"
        r = CliRunner().invoke(cli, [c.replace("{out}", str(out)) for c in command] + where)
        assert r.exit_code == 0, r.output
        outputs.append(out.read_bytes() if out.exists() else r.output.encode())
    assert outputs[0] == outputs[1], kind

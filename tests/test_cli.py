import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.query import named_queries


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r


def triple_count(store):
    from kg.graph.store import LocalStore

    s = LocalStore(store, read_only=True)
    n = len(s)
    del s
    return n


def test_cli_ingest_prints_counts_and_directives(tmp_path, sample_files):
    r = run("ingest", *sample_files, "--store", tmp_path / "s")
    assert r.exit_code == 0, r.output
    assert f"ingested {len(sample_files)} document(s)" in r.output and "01/NQ-CP" in r.output


def test_cli_reingest_leaves_triple_count_unchanged(store_copy, sample_files):
    before = triple_count(store_copy)
    r = run("ingest", *sample_files, "--store", store_copy)
    assert r.exit_code == 0
    assert triple_count(store_copy) == before


@pytest.mark.parametrize("name, data", [
    ("binary.txt", b"\x00\x01\x02\x03PK\x03\x04" + bytes(range(256)) * 4),
    ("empty.txt", b""),
    ("cp1258.txt", b"B\xe1o c\xe1o t\xecnh h\xecnh kinh t\xea\xd2 x\xe3 h\xf4\xf2i"),
    ("fake.pdf", b"%PDF-1.4 broken"),
])
def test_cli_bad_input_one_line_error_store_unchanged(store_copy, tmp_path, name, data):
    before = triple_count(store_copy)
    p = tmp_path / name
    p.write_bytes(data)
    r = CliRunner().invoke(cli, ["ingest", str(p), "--store", str(store_copy)])
    assert r.exit_code != 0
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and name in lines[0]
    assert triple_count(store_copy) == before


def test_cli_missing_file_and_missing_store(tmp_path):
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")])
    assert r.exit_code != 0 and "no such file" in r.output
    r = CliRunner().invoke(cli, ["query", "directives", "--store", str(tmp_path / "none")])
    assert r.exit_code != 0 and "no store" in r.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_cli_query_formats(sample_store_dir, fmt):
    r = run("query", "directives", "--store", sample_store_dir, "--format", fmt)
    assert r.exit_code == 0
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.output)))
        assert {"source", "number", "type", "year", "date", "issuer"} <= set(rows[0])
        row = next(x for x in rows if x["number"] == "01/NQ-CP")
        assert (row["type"], row["date"], row["issuer"]) == ("Nghị quyết", "2022-01-08", "Chính phủ")
    elif fmt == "tsv":
        assert r.output.splitlines()[0].split("\t")[:3] == ["source", "number", "type"]
    elif fmt == "json":
        doc = json.loads(r.output)
        assert doc["head"]["vars"][0] == "source" and doc["results"]["bindings"]
    else:
        assert "01/NQ-CP" in r.output and "rows)" in r.output


def test_cli_date_conflict_kept(sample_store_dir):
    rows = list(csv.DictReader(io.StringIO(run("query", "directives", "--store", sample_store_dir, "-f", "csv").output)))
    row = next(x for x in rows if x["number"] == "02/NQ-CP")
    assert row["date"] == "2022-01-10" and set(row["date_conflict"].split()) == {"2022-01-10", "2022-01-01"}


def test_cli_param_is_bound_not_spliced(sample_store_dir):
    r = run("query", "directives", "--store", sample_store_dir, "-f", "csv", "-p", "number", "63-NQ/TU")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [x["number"] for x in rows] == ["63-NQ/TU"]
    evil = '63-NQ/TU" } } ; DROP ALL ; SELECT * { ?s ?p "'
    r = run("query", "directives", "--store", sample_store_dir, "-f", "csv", "-p", "number", evil)
    assert r.exit_code == 0 and list(csv.DictReader(io.StringIO(r.output))) == []


def test_cli_unknown_query_and_bad_sparql(sample_store_dir):
    r = CliRunner().invoke(cli, ["query", "nosuchquery", "--store", str(sample_store_dir)])
    assert r.exit_code != 0 and "no named query" in r.output
    r = CliRunner().invoke(cli, ["query", "SELECT * WHERE { ?s ?p }", "--store", str(sample_store_dir)])
    assert r.exit_code != 0 and len(r.output.strip().splitlines()) == 1


def test_cli_every_named_query_parses_and_runs(sample_store_dir):
    queries = named_queries()
    for name in ("directives", "lineage", "agencies", "projects", "programmes", "targets", "tasks", "results"):
        assert name in queries and queries[name].description
    for name in queries:
        r = run("query", name, "--store", sample_store_dir, "-f", "csv")
        assert r.exit_code == 0, (name, r.output)


def test_cli_every_command_has_help():
    for name, cmd in cli.commands.items():
        assert cmd.help, name
        r = run(name, "--help")
        assert r.exit_code == 0 and "Usage" in r.output


@pytest.mark.parametrize("fmt, marker", [("ttl", b"@prefix"), ("nq", b"> ."), ("trig", b"{"), ("jsonld", b"@id")])
def test_cli_export_rdf(sample_store_dir, tmp_path, fmt, marker):
    out = tmp_path / f"g.{fmt}"
    r = run("export", "--store", sample_store_dir, "--format", fmt, "-o", out)
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert marker in data and b"01/NQ-CP" in data


def test_cli_validate_sample_graph_conforms(sample_store_dir):
    r = run("validate", "--store", sample_store_dir)
    assert r.exit_code == 0 and r.output.strip() == "conforms"


def test_cli_every_command_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"kg {name}" in readme, name


def test_cli_readme_opens_with_the_two_setup_commands():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2 and "kg ingest samples/corpus" in block[0] and "pytest" in block[1]
    assert block[1] in (root / ".ci" / "run").read_text(encoding="utf-8")


# ------------------------------------------------------------------ reading the output
def test_tasks_sort_as_numbers(sample_store_dir):
    r = run("query", "tasks", "--store", sample_store_dir, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    by_source: dict[str, list[int]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(int(row["n"]))
    assert all(ns == sorted(ns) for ns in by_source.values()) and max(map(len, by_source.values())) >= 10


def test_directive_numbers_sort_as_numbers(sample_store_dir):
    r = run("query", "directives", "--store", sample_store_dir, "--format", "csv")
    rows = [x for x in csv.DictReader(io.StringIO(r.output)) if x["source"] == "000_d7a268b0f185dc12.txt"]
    lead = [int(x["number"].split("/")[0].split("-")[0]) for x in rows]
    assert lead == sorted(lead)


def test_query_limit_offset_and_table_width(sample_store_dir):
    full = list(csv.DictReader(io.StringIO(run("query", "tasks", "--store", sample_store_dir, "-f", "csv").output)))
    page = run("query", "tasks", "--store", sample_store_dir, "-f", "csv", "--limit", 5, "--offset", 10)
    assert list(csv.DictReader(io.StringIO(page.output))) == full[10:15]
    r = CliRunner().invoke(cli, ["query", "tasks", "--store", str(sample_store_dir), "--limit", 3],
                           env={"COLUMNS": "100"})
    lines = r.output.splitlines()
    assert max(len(x) for x in lines) <= 100
    assert f"rows 1-3 of {len(full)}" in r.output and "--offset 3" in r.output


def test_table_keeps_narrow_columns_whole():
    from kg.graph.query import column_widths

    w = column_widths([2, 10, 80, 80], 60)
    assert w[:2] == [2, 10] and sum(w) + 2 * 3 <= 60
    assert column_widths([5, 5], None) == [5, 5]


def test_stats_names_what_it_counts(sample_store_dir, sample_files):
    r = run("stats", "--store", sample_store_dir)
    assert r.exit_code == 0
    assert "nodes by kind" in r.output and "triples by graph" in r.output
    graphs = r.output.split("triples by graph:")[1].splitlines()
    docs = [x for x in graphs if " document " in x]
    assert len(docs) == len(sample_files) and any("000_d7a268b0f185dc12.txt" in x for x in docs)
    assert any(" derived " in x for x in graphs)
    total = int(next(x for x in graphs if x.strip().startswith("total")).split()[-1])
    assert total == triple_count(sample_store_dir)
    assert sum(int(x.split()[-1]) for x in graphs if " document " in x or " derived " in x) == total


def test_help_says_only_ingest_creates_a_store():
    for name, cmd in cli.commands.items():
        opt = next((o for o in cmd.params if o.name == "store_dir"), None)
        if opt is None:
            continue
        creates = "created when missing" in (opt.help or "")
        assert creates == (name == "ingest"), name

"""The `kg` command: a thin client of the library. Parses options, calls one function, formats the result."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..graph.store import StoreError
from .common import FORMATS, store_options
from .common import open_or_fail as _open


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-directives")
def cli() -> None:
    """Knowledge graph of Vietnamese directives: ingest reports, query with SPARQL, trace lineage, view."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options(creates=True)
@click.option("--jobs", "-j", default=None, type=click.IntRange(1, 256), metavar="N",
              help="Worker processes for extraction [default: one per CPU, at most 4].")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stdout.")
@click.option("--wait", default=600.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="How long to wait for another writer to finish with the store.")
@click.option("--force", is_flag=True, help="Store files whose content is already stored under another name.")
def ingest(paths, store_dir, endpoint, update_endpoint, jobs, quiet, wait, force) -> None:
    """Add or replace documents (files or directories of .txt/.md/.docx/.pdf) in the graph.

    Each document gets its own named graph; re-ingesting a file replaces it in one transaction.
    """
    from ..ingest import default_jobs, expand
    from ..ingest import ingest as run_ingest

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.ClickException(f"{missing[0]}: no such file or directory")
    store = _open(store_dir, endpoint, update_endpoint, wait=wait, on_wait=lambda msg: click.echo(msg, err=True))
    files = expand(paths)
    if not files:
        raise click.ClickException("no document files found (expected .txt, .md, .docx or .pdf)")
    many = len(files) > 1

    def progress(i, n, name):
        if many:
            click.echo(f"\r[{i}/{n}] {Path(name).name[:60]:60s}", err=True, nl=(i == n))

    t0 = time.perf_counter()
    try:
        report = run_ingest(files, store, jobs=jobs or default_jobs(), progress=progress, force=force)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    dt = time.perf_counter() - t0
    for path, reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    for path, reason in report.failed:
        click.echo(f"Error: {reason}", err=True)
    if not quiet and report.documents:
        held = (f"; the store holds {len(store)} (every document's graph and the derived graphs: kg stats)"
                if not endpoint else "")
        click.echo(f"ingested {report.documents} document(s) in {dt:.2f} s: {report.triples} triples in their "
                   f"graphs{held}")
        if not endpoint:
            _summary(store)
    store.close()
    if report.failed:
        sys.exit(1)


def _summary(store) -> None:
    from ..graph.query import run_query

    counts = run_query(store, "stats")
    for row in counts.rows:
        click.echo(f"  {row[0].value:12s} {row[1].value}")
    r = run_query(store, "directives")
    if r.rows:
        click.echo("some directives:")
        for row in r.rows[:5]:
            vals = dict(zip(r.variables, row))
            date = vals["date"].value if vals.get("date") else "?"
            issuer = vals["issuer"].value if vals.get("issuer") else "?"
            click.echo(f"  {vals['number'].value:18s} {vals['type'].value if vals.get('type') else '':12s} {date:10s} {issuer}")


@cli.command()
@click.argument("spec", metavar="NAME|FILE|TEXT")
@store_options(update=False)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="Bind ?NAME to VALUE as an RDF term (IRI for <...> or http(s)://, else a literal).")
@click.option("--limit", type=click.IntRange(0), default=None, metavar="N", help="At most N rows.")
@click.option("--offset", type=click.IntRange(0), default=0, metavar="N", help="Skip the first N rows.")
def query(spec, store_dir, endpoint, update_endpoint, fmt, params, limit, offset) -> None:
    """Run a named query (queries/NAME.rq), a .rq file, or SPARQL text.

    The table format fits the terminal width (long cells are cut, with …); csv, tsv and json keep every
    character. --limit/--offset page through the rows in the query's order.
    """
    from ..graph.query import format_results, run_query
    from .common import terminal_width

    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    try:
        r = run_query(store, spec, list(params))
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    total = len(r.rows)
    if offset or limit is not None:
        r.rows = r.rows[offset:None if limit is None else offset + limit]
    click.echo(format_results(r, fmt, width=terminal_width() if fmt == "table" else None), nl=False)
    if fmt == "table" and len(r.rows) < total:
        first = min(offset + 1, total)
        click.echo(f"rows {first}-{offset + len(r.rows)} of {total}"
                   + (f"; --offset {offset + len(r.rows)} for more" if offset + len(r.rows) < total else ""))


@cli.command("queries")
def list_queries() -> None:
    """List the named queries with their parameters."""
    from ..graph.query import named_queries

    for name, q in named_queries().items():
        click.echo(f"{name:12s} {q.title}")
        for p, (t, d) in q.params.items():
            click.echo(f"{'':12s}   -p {p} ({t}) {d}")


@cli.command()
@store_options(update=False)
def stats(store_dir, endpoint, update_endpoint) -> None:
    """What the graph holds: distinct nodes by kind (over all graphs), then triples per named graph.

    Each ingested document has its own graph (named here by its source file); derived graphs hold what is
    inferred across documents (e.g. an undated citation's candidate directive). The total is the sum over the
    graphs (a fact two documents state counts in each), so it exceeds what `kg ingest` reports for the
    documents it just read by the derived graphs and the documents already stored.
    """
    from ..graph.query import format_results, run_query

    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    click.echo("nodes by kind (distinct, all graphs):")
    click.echo(format_results(run_query(store, "stats"), "table"), nl=False)
    click.echo("\ntriples by graph:")
    rows = _graph_counts(store)
    wide = max([len(name) for name, _, _ in rows] + [len("graph")])
    click.echo(f"  {'graph':{wide}s}  {'holds':10s}  triples")
    for name, kind, n in rows:
        click.echo(f"  {name:{wide}s}  {kind:10s}  {n:7d}")
    click.echo(f"  {'total':{wide}s}  {'':10s}  {len(store):7d}")


def _graph_counts(store) -> list[tuple[str, str, int]]:
    """(name, 'document' or 'derived', triples) per named graph: documents by source file, then derived."""
    counts = store.graph_counts()  # the project's graphs only (a server keeps system graphs too)
    sources = store.query("PREFIX kgo: <https://w3id.org/kg-vn/ont#>\n"
                          "SELECT ?g ?src WHERE { GRAPH ?g { ?d a kgo:Document ; kgo:source ?src } }")
    src = {g.value: s.value for g, s in sources.rows}
    rows = []
    for g, n in counts:
        name = src.get(g) or g.rstrip("/").rsplit("/", 1)[-1]
        rows.append((name, "document" if g in src else "derived", n))
    return sorted(rows, key=lambda r: (r[1] != "document", r[0]))


@cli.command()
@store_options(update=False)
@click.option("--format", "-f", "fmt",
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"]),
              default="trig", show_default=True)
@click.option("--output", "-o", type=click.Path(), default=None,
              help="File to write (default: stdout); for csv a directory (made when missing).")
@click.option("--source", default=None, help="Only the graph of this source file.")
def export(store_dir, endpoint, update_endpoint, fmt, output, source) -> None:
    """Export the graph: RDF (ttl, nt, nq, trig, jsonld), a network for Gephi (graphml, gexf: numbers typed
    as numbers, GEXF coloured and sized by kind) or nodes.csv + edges.csv for spreadsheets (csv, -o DIR)."""
    from ..views.export import export_csv, export_graph

    if fmt == "csv" and not output:
        raise click.UsageError("--format csv writes nodes.csv and edges.csv: give -o DIR")
    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    try:
        if fmt == "csv":
            paths = export_csv(store, output, source=source)
            click.echo(f"wrote {paths[0]} and {paths[1]}")
            return
        data = export_graph(store, fmt, source=source)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@store_options(update=False)
def validate(store_dir, endpoint, update_endpoint) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl (exit 1 when it does not conform)."""
    from ..graph.validate import validate_store

    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    conforms, text = validate_store(store)
    click.echo("conforms" if conforms else text)
    if not conforms:
        sys.exit(1)


def _register() -> None:
    from .lineage import lineage
    from .progress import progress, remove
    from .responsible import responsible
    from .serve import serve
    from .viz import viz

    cli.add_command(lineage)
    cli.add_command(viz)
    cli.add_command(responsible)
    cli.add_command(progress)
    cli.add_command(remove)
    cli.add_command(serve)


_register()


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()

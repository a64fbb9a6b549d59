"""`kg lineage`: what a directive spawned and where a task came from."""
from __future__ import annotations

import json
import sys

import click

from .common import open_or_fail, store_options, terminal_width

EXIT_UNKNOWN = 1
EXIT_AMBIGUOUS = 2


@click.command()
@click.argument("ref")
@store_options(update=False)
@click.option("--up", "up_only", is_flag=True, help="Only the ancestors (what it carries out, up to the root).")
@click.option("--down", "down_only", is_flag=True, help="Only the descendants (what it spawned).")
@click.option("--depth", type=click.IntRange(0), default=None, metavar="N",
              help="At most N edges from REF (default: as far as the chain goes).")
@click.option("--relation", "relations", default=None, metavar="RELS",
              help="Follow only these relations, comma-separated: implements, responds_to, reports_on, based_on, "
                   "part_of, set_by, candidate, assigned_to, concerns.")
@click.option("--tasks", is_flag=True,
              help="List a report's own tasks (with their targets, agencies and projects) under it.")
@click.option("--children", type=click.IntRange(0), default=10, show_default=True, metavar="N",
              help="At most N entries under one node (0: all).")
@click.option("--max-lines", type=click.IntRange(0), default=None, metavar="N",
              help="Cut the text output at N lines (default 40, none with --tasks; 0: no limit).")
@click.option("--limit", type=click.IntRange(0), default=None, metavar="N",
              help="Fetch at most N nodes, nearest REF first (default 200; 0: the whole tree).")
@click.option("--year", type=int, default=None, help="Pick the directive of this year when REF is ambiguous.")
@click.option("--all", "show_all", is_flag=True, help="Show every node REF matches instead of listing them.")
@click.option("--format", "-f", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
def lineage(ref, store_dir, endpoint, update_endpoint, up_only, down_only, depth, relations, tasks, children,
            max_lines, limit, year, show_all, fmt) -> None:
    """Show the ancestors and descendants of a directive, plan, task or project.

    REF is a directive number (01/NQ-CP, 15/2021/NQ-HĐND), an IRI, a source file name, or words of a plan,
    task or project name (case and diacritics do not matter). A REF matching several nodes lists them and
    exits 2 (pick with --year, or --all); an unknown REF exits 1.

    The text starts with a summary (what REF carries out, what carries it out, grouped by relation with
    counts), then the tree with the sentence each link was read from; it fits the terminal width. A big
    tree is fetched up to --limit nodes, nearest REF first, and says what it left out.
    JSON: one tree object (a list with --all), every relation unless --relation says otherwise.
    """
    from ..graph.store import StoreError
    from ..views.lineage_lookup import DEFAULT_LIMIT, RELATIONS, LineageError, find_nodes
    from ..views.lineage_lookup import lineage as trace

    rels = None
    if relations:
        rels = {r.strip().replace("-", "_") for r in relations.split(",") if r.strip()}
        bad = sorted(rels - set(RELATIONS))
        if bad:
            raise click.BadParameter(f"unknown relation {', '.join(bad)} (relations: {', '.join(RELATIONS)})",
                                     param_hint="--relation")
        if tasks:
            rels |= {"part_of", "set_by", "assigned_to", "concerns"}
    store = open_or_fail(store_dir, endpoint, read_only=True)
    up, down = (True, True) if up_only == down_only else (up_only, down_only)
    try:
        nodes = find_nodes(store, ref, year=year)
        if not nodes:
            what = f" in {year}" if year is not None else ""
            click.echo(f"Error: nothing matches '{ref}'{what} (no directive number, plan, task or project)",
                       err=True)
            sys.exit(EXIT_UNKNOWN)
        if len(nodes) > 1 and not show_all:
            _ambiguous(ref, nodes, fmt)
            sys.exit(EXIT_AMBIGUOUS)
        limit = DEFAULT_LIMIT if limit is None else limit
        trees = [trace(store, n.iri, up=up, down=down, depth=depth, relations=rels, limit=limit) for n in nodes]
    except (StoreError, LineageError) as e:
        raise click.ClickException(str(e)) from None
    if fmt == "json":
        data = [t.to_dict() for t in trees]
        click.echo(json.dumps(data if show_all else data[0], ensure_ascii=False, indent=2))
        return
    from ..views.lineage_text import View, render

    view = View(width=terminal_width(), tasks=tasks, children=children)
    limit = max_lines if max_lines is not None else (None if tasks else 40)
    color = sys.stdout.isatty()
    for i, t in enumerate(trees):
        if i:
            click.echo()
        for line in render(t, up, down, view, max_lines=limit, color=color):
            click.echo(line, color=color)


def _ambiguous(ref, nodes, fmt) -> None:
    from ..views.lineage_text import PLAIN

    if fmt == "json":
        from dataclasses import asdict

        click.echo(json.dumps({"error": "ambiguous", "ref": ref, "candidates": [asdict(n) for n in nodes]},
                              ensure_ascii=False, indent=2))
        return
    from ..views.lineage_text import Out, render_lines

    out = Out(terminal_width())
    head = f"'{ref}' matches {len(nodes)} nodes; pick one with --year YEAR, an IRI, or show all with --all:"
    out.add("", "  ", [(head, PLAIN)])
    for n in nodes:
        year = str(n.year) if n.year else ("undated" if n.kind == "Directive" else "-")
        src = ", ".join(n.sources[:3]) + (f" (+{len(n.sources) - 3})" if len(n.sources) > 3 else "")
        out.add(f"  {n.kind:10s} ", " " * 13, [(f"{n.title()} · {year} · {n.issuer or '-'} · {src or '-'}", PLAIN)])
        for line in render_lines(out, color=False):
            click.echo(line)
        out.lines.clear()
        click.echo(" " * 13 + n.iri)  # whole, to be copied (wider than the terminal if need be)
    for line in render_lines(out, color=False):
        click.echo(line)

"""`kg lineage`: what a directive spawned and where a task came from."""
from __future__ import annotations

import json
import sys

import click

EXIT_UNKNOWN = 1
EXIT_AMBIGUOUS = 2


def _open(store_dir, endpoint):
    from .store import StoreError, open_store

    if not store_dir and not endpoint:
        raise click.UsageError("give --store DIR (or --endpoint URL)")
    try:
        return open_store(store_dir, endpoint, read_only=True)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


@click.command()
@click.argument("ref")
@click.option("--store", "store_dir", default=None, metavar="DIR", envvar="KG_STORE",
              type=click.Path(file_okay=False), help="On-disk store directory.")
@click.option("--endpoint", default=None, metavar="URL", envvar="KG_ENDPOINT",
              help="Use a SPARQL 1.1 server at this query URL instead of a local store.")
@click.option("--up", "up_only", is_flag=True, help="Only the ancestors (what it carries out, up to the root).")
@click.option("--down", "down_only", is_flag=True, help="Only the descendants (what it spawned).")
@click.option("--depth", type=click.IntRange(0), default=None, metavar="N", help="At most N edges from REF.")
@click.option("--year", type=int, default=None, help="Pick the directive of this year when REF is ambiguous.")
@click.option("--all", "show_all", is_flag=True, help="Show every node REF matches instead of listing them.")
@click.option("--format", "-f", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
def lineage(ref, store_dir, endpoint, up_only, down_only, depth, year, show_all, fmt) -> None:
    """Show the ancestors and descendants of a directive, plan, task or project.

    REF is a directive number (01/NQ-CP, 15/2021/NQ-HĐND), an IRI, a source file name, or words of a plan,
    task or project name (case and diacritics do not matter). A REF matching several nodes lists them and
    exits 2 (pick with --year, or --all); an unknown REF exits 1. JSON: one tree object, a list with --all.
    """
    from .lineage_lookup import LineageError, find_nodes
    from .lineage_lookup import lineage as trace
    from .store import StoreError

    store = _open(store_dir, endpoint)
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
        trees = [trace(store, n.iri, up=up, down=down, depth=depth) for n in nodes]
    except (StoreError, LineageError) as e:
        raise click.ClickException(str(e)) from None
    if fmt == "json":
        data = [t.to_dict() for t in trees]
        click.echo(json.dumps(data if show_all else data[0], ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    for t in trees:
        console.print(_rich_tree(t, up, down))


def _describe(n) -> str:
    bits = [n.title()]
    if n.year:
        bits.append(str(n.year))
    elif n.kind == "Directive" and n.undated:
        bits.append("undated")
    if n.issuer:
        bits.append(n.issuer)
    return " · ".join(bits)


def _ambiguous(ref, nodes, fmt) -> None:
    if fmt == "json":
        from dataclasses import asdict

        click.echo(json.dumps({"error": "ambiguous", "ref": ref, "candidates": [asdict(n) for n in nodes]},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"'{ref}' matches {len(nodes)} nodes; pick one with --year YEAR, an IRI, or show all with --all:")
    for n in nodes:
        year = str(n.year) if n.year else ("undated" if n.kind == "Directive" else "-")
        src = ", ".join(n.sources[:3]) + (f" (+{len(n.sources) - 3})" if len(n.sources) > 3 else "")
        click.echo(f"  {n.kind:10s} {n.title()[:70]:70s} {year:8s} {(n.issuer or '-')[:40]:40s} {src or '-'}")
        click.echo(f"  {'':10s} {n.iri}")


def _rich_tree(tree, up: bool, down: bool):
    from rich.text import Text
    from rich.tree import Tree

    from .lineage_lookup import DOWN_PHRASE, UP_PHRASE

    root = Tree(Text.assemble((_describe(tree.root), "bold"), (f"  [{tree.root.kind}]", "dim")))

    def add(branch, items, phrases, arrow):
        for t in items:
            label = Text.assemble((f"{phrases.get(t.relation, t.relation)} {arrow} ", "cyan"),
                                  (_describe(t.node), "bold" if t.node.kind == "Directive" else ""),
                                  (f"  [{t.node.kind}]", "dim"))
            if t.repeated:
                label.append("  (shown above)", "dim italic")
            for e in t.evidence[:1]:
                sent = " ".join((e.sentence or "").split())
                if len(sent) > 240:
                    sent = sent[:239] + "…"
                label.append("\n")
                label.append(f"“{sent}”" if sent else "(no sentence)", "green" if sent else "dim")
                label.append(f" — {e.source}" if e.source else "", "dim")
                if len(t.evidence) > 1:
                    label.append(f" (+{len(t.evidence) - 1} more)", "dim")
            sub = branch.add(label)
            add(sub, t.children, phrases, arrow)

    if up:
        b = root.add(Text("▲ ancestors: what it carries out", "bold magenta"))
        add(b, tree.ancestors, UP_PHRASE, "→")
        if not tree.ancestors:
            b.add(Text("(none stated)", "dim"))
    if down:
        b = root.add(Text("▼ descendants: what it spawned", "bold magenta"))
        add(b, tree.descendants, DOWN_PHRASE, "←")
        if not tree.descendants:
            b.add(Text("(none stated)", "dim"))
    if tree.truncated:
        root.add(Text(f"… more beyond --depth {tree.depth}", "dim italic"))
    return root

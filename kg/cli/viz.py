"""`kg viz`: write the interactive network viewer (one self-contained HTML file)."""
from __future__ import annotations

import click

from ..graph.store import StoreError
from .common import open_or_fail as _open
from .common import store_options


@click.command()
@store_options(update=False)
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--focus", default=None, metavar="REF",
              help="Centre on one node: a directive number (01/NQ-CP), an IRI, or words of a name.")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Hops around the focus node.")
@click.option("--types", default=None, metavar="KINDS",
              help="Kinds to show, comma-separated: directive, plan, programme, task, project, agency, "
                   "document, target, result, law.")
@click.option("--limit", default=300, show_default=True, type=click.IntRange(1, None),
              help="Most nodes to draw (nearest the focus, else the most connected).")
@click.option("--source", default=None, metavar="FILE", help="Only this source document's graph.")
@click.option("--layout", type=click.Choice(["hierarchy", "force"]), default=None,
              help="Top-down layers (directive, plans and decisions, tasks, targets; the default with --focus) "
                   "or a force-directed layout (the default without).")
@click.option("--mentions", is_flag=True,
              help="Draw the edges from a document to every entity it names (hidden otherwise).")
def viz(store_dir, endpoint, update_endpoint, out, focus, depth, types, limit, source, layout, mentions) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline).

    Colours and shapes by kind, legend with counts, kind checkboxes, a year filter; search over the whole
    graph (a node left out is drawn when picked); click a node for its properties, lineage and sentences.
    """
    from ..views.network import NetworkError
    from ..views.viz import write_viz

    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    try:
        rep = write_viz(store, out, focus=focus, depth=depth, types=types, limit=limit, source=source,
                        layout=layout, mentions=mentions)
    except (NetworkError, StoreError) as e:
        raise click.ClickException(str(e)) from None
    if rep.focus and rep.other_matches:
        click.echo(f"focus: {rep.focus} ({len(rep.other_matches)} other match(es), e.g. "
                   f"{rep.other_matches[0]}; give an IRI to choose)", err=True)
    if rep.note:
        click.echo(rep.note, err=True)
    click.echo(f"wrote {out}: {rep.nodes} nodes, {rep.edges} edges in {rep.seconds:.2f} s")

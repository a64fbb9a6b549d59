"""`kg progress`: what became of each target; `kg remove`: take documents out of the graph."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..graph.store import StoreError
from .common import open_or_fail as _open
from .common import store_options, terminal_width


@click.command()
@store_options(update=False)
@click.option("--year", type=int, default=None, help="Only targets whose period covers (part of) this year.")
@click.option("--place", default=None, help="Only targets of this place (words of the province/city/district).")
@click.option("--indicator", default=None, metavar="TEXT", help="Only indicators containing these words.")
@click.option("--linked", is_flag=True, help="Only targets with at least one linked result.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--chart", default=None, metavar="FILE.html|FILE.png", type=click.Path(dir_okay=False),
              help="Also write a chart (an offline HTML page or a PNG image): per target with results, the target "
                   "and the results over its period, coloured by status.")
def progress(store_dir, endpoint, update_endpoint, year, place, indicator, linked, fmt, chart) -> None:
    """One row per target: indicator, target, latest linked result, percent of the target, status, sources.

    Status follows the UN / Open SDG style: achieved, on track (share reached >= share of the period
    elapsed), needs acceleration, off track; not achieved for a finished period. A percent marked "!"
    differs from the share the report states.
    """
    from ..views.progress_table import fit_table, progress_rows, table_lines

    if chart and Path(chart).suffix.lower() not in (".html", ".htm", ".png"):
        raise click.UsageError("--chart writes an .html page or a .png image")
    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    try:
        rows = progress_rows(store, year=year, place=place, indicator=indicator)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if linked:
        rows = [r for r in rows if r.results]
    lines = table_lines(rows)
    if fmt == "json":
        click.echo(json.dumps([dict(zip(lines[0], x)) for x in lines[1:]], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(lines)
        click.echo(buf.getvalue(), nl=False)
    else:
        for line in fit_table(lines, terminal_width()):
            click.echo(line)
        n = sum(1 for r in rows if r.results)
        click.echo(f"({len(rows)} target{'s' if len(rows) != 1 else ''}, {n} with results)")
    if chart:
        from ..views.progress_chart import write_chart

        write_chart([r for r in rows if r.results], chart)
        click.echo(f"wrote {chart}", err=True)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@store_options()
def remove(sources, store_dir, endpoint, update_endpoint) -> None:
    """Take documents (by file name) out of the graph and recompute what is derived across documents."""
    from ..ingest import remove as run_remove

    store = _open(store_dir, endpoint, update_endpoint)
    try:
        n = run_remove(sources, store)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"removed {n} document(s)")
    if n < len(sources):
        raise click.ClickException(f"{len(sources) - n} source(s) not in the graph")

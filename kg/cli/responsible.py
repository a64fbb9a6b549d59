"""`kg responsible AGENCY`: what an agency leads, cooperates on, invests in or supervises, overdue first."""
from __future__ import annotations

from datetime import date

import click

from ..graph.store import StoreError
from .common import FORMATS, store_options, terminal_width
from .common import open_or_fail as _open


@click.command()
@click.argument("agency")
@store_options(update=False)
@click.option("--role", type=click.Choice(["lead", "cooperate", "investor", "supervise"]), default=None,
              help="Only this role.")
@click.option("--stated", is_flag=True, help="Leave out responsibilities only inferred (a report's own tasks).")
@click.option("--today", default=None, metavar="YYYY-MM-DD", help="Date deadlines are compared with (default: today).")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def responsible(agency, store_dir, endpoint, update_endpoint, role, stated, today, fmt) -> None:
    """List what AGENCY (words of its name) is responsible for, with deadlines, overdue ones first."""
    from ..graph.query import format_results
    from ..views.responsible import responsible as run

    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        raise click.BadParameter(f"not a date: {today}", param_hint="--today") from None
    store = _open(store_dir, endpoint, update_endpoint, read_only=True)
    try:
        r = run(store, agency, role=role, today=day, inferred=not stated)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if not r.rows:
        from ..views.responsible import agencies_with_responsibilities

        known = agencies_with_responsibilities(store)
        hint = "; ".join(f"{a} ({n})" for a, n in known[:8]) + ("; ..." if len(known) > 8 else "")
        raise click.ClickException(f"no responsibility found for an agency named like {agency!r}"
                                   + (f". Agencies with responsibilities: {hint}" if known else
                                      ". The graph holds no responsibility."))
    if fmt != "table":
        click.echo(format_results(r, fmt), nl=False)
        return
    from ..views.wrap_table import short_source, wrap_table

    rows = []
    for agency_, role_, kind, what, deadline, status, basis, source in ([c.value for c in x] for x in r.rows):
        rows.append([agency_, role_, what if kind == "task" else f"{kind}: {what}", deadline, status, basis,
                     short_source(source)])
    head = ["agency", "role", "object", "deadline", "status", "basis", "source"]
    for line in wrap_table(head, rows, terminal_width(), wrap={0: 1, 2: 2}):
        click.echo(line)
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")

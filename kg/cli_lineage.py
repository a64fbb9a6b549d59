"""`kg lineage`: what a directive spawned and where a task came from."""
from __future__ import annotations

import click


@click.command()
def lineage() -> None:
    """Show the ancestors and descendants of a directive, plan, task or project."""
    raise click.ClickException("not available yet")

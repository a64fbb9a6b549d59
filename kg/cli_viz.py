"""`kg viz`: write the interactive network viewer (one self-contained HTML file)."""
from __future__ import annotations

import click


@click.command()
def viz() -> None:
    """Write an interactive, self-contained HTML view of the graph."""
    raise click.ClickException("not available yet")

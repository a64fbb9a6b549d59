"""Options and helpers shared by the `kg` subcommands (a leaf module: it imports no other command module)."""
from __future__ import annotations

import shutil

import click

from ..graph.store import StoreError, open_store

FORMATS = ["table", "csv", "tsv", "json"]  # of query results


def store_options(creates: bool = False, update: bool = True):
    """--store / --endpoint (/ --update-endpoint) options; `creates`: the command makes a missing store."""
    store_help = ("On-disk store directory (created when missing)." if creates else
                  "On-disk store directory (made by `kg ingest`; a missing one is an error).")

    def deco(f):
        if update:
            f = click.option("--update-endpoint", default=None, metavar="URL",
                             help="SPARQL Update URL (default: the endpoint with /query replaced by /update).")(f)
        else:
            f = click.option("--update-endpoint", default=None, hidden=True)(f)
        f = click.option("--endpoint", default=None, metavar="URL", envvar="KG_ENDPOINT",
                         help="Use a SPARQL 1.1 server at this query URL instead of a local store.")(f)
        f = click.option("--store", "store_dir", default=None, metavar="DIR", envvar="KG_STORE",
                         type=click.Path(file_okay=False), help=store_help)(f)
        return f

    return deco


def open_or_fail(store_dir, endpoint, update_endpoint=None, read_only=False, **kw):
    """The store the options name, or a one-line error (a usage error when none is named). `kw` goes to
    `open_store` (a writer's wait for the lock)."""
    if not store_dir and not endpoint:
        raise click.UsageError("give --store DIR (or --endpoint URL)")
    try:
        return open_store(store_dir, endpoint, update_endpoint, read_only=read_only, **kw)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def terminal_width(default: int = 100) -> int:
    """Columns to fit output in: $COLUMNS, else the terminal's width, else `default` (at least 40)."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)

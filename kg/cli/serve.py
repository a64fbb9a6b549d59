"""`kg serve`: the store read-only over HTTP (SPARQL protocol, query page, viewer)."""
from __future__ import annotations

import click

from ..graph.store import StoreError


@click.command()
@click.option("--store", "store_dir", required=True, metavar="DIR", envvar="KG_STORE",
              type=click.Path(file_okay=False), help="On-disk store directory (made by `kg ingest`).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port, printed).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--verbose", "-v", is_flag=True, help="Log every request on stderr.")
def serve(store_dir, port, host, verbose) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint at /query (JSON, CSV, TSV, XML results; updates
    refused; the default graph is the union of the documents' graphs), a query page with the named
    queries at /, and the viewer at /viz (/viz?focus=REF around one node). Stop with Ctrl-C."""
    from ..views.serve import make_server

    try:
        server = make_server(store_dir, host, port, verbose=verbose)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    except OSError as e:
        raise click.ClickException(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
    h, p = server.server_address[:2]
    base = f"http://{'[' + h + ']' if ':' in h else h}:{p}"
    click.echo(f"serving {store_dir} read-only at {base}/ (SPARQL endpoint {base}/query, viewer {base}/viz); "
               "Ctrl-C to stop", err=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

"""Shared fixtures: the sample corpus, a store built from it, small hand-written documents."""
from __future__ import annotations

import csv
import io
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"
DATA = Path(__file__).resolve().parent / "data"


def progress_rows(docs: Path, store: Path) -> list[dict]:
    """Ingest `docs` into `store` through the command line; the rows of `kg query progress` as CSV."""
    from kg.cli import cli

    for args in (["ingest", docs, "--store", store, "-q"], ["query", "progress", "--store", store, "-f", "csv"]):
        r = CliRunner().invoke(cli, [str(a) for a in args])
        assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout)))


def progress_links(docs: Path, store: Path) -> list[tuple]:
    """The progress links of `docs`, each (target source, target indicator, result source, result value, result
    period, percent to one decimal, status), sorted."""
    return sorted((x["target_source"], x["target_indicator"], x["result_source"], x["result_value"],
                   x["result_period"], round(float(x["percent"]), 1) if x["percent"] else None, x["status"] or None)
                  for x in progress_rows(docs, store))


def data_case(stem: str):
    """A test document of our own, its expected extraction (`<stem>.expected.json`) and what is extracted."""
    import json

    from kg.extract import extract_text

    text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return text, expected, extract_text(text)


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def build_store(files, d: Path) -> Path:
    """Ingest `files` into a new on-disk store at `d` and release it (the lock) for other openers."""
    from kg.graph.store import LocalStore
    from kg.ingest import ingest

    store = LocalStore(d)
    report = ingest(files, store)
    assert report.documents == len(files) and not report.failed
    store.flush()
    del store
    return d


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory, sample_files) -> Path:
    """A store holding the whole sample corpus (built once per session; treat as read-only)."""
    return build_store(sample_files, tmp_path_factory.mktemp("sample") / "store")


@pytest.fixture()
def store_copy(tmp_path, sample_store_dir) -> Path:
    """A private, writable copy of the sample store."""
    d = tmp_path / "store"
    shutil.copytree(sample_store_dir, d)
    return d


@pytest.fixture()
def short_doc() -> Path:
    return DATA / "short_report.txt"


@pytest.fixture(scope="session")
def served_sample(sample_store_dir):
    """`kg serve` of the sample store on 127.0.0.1 (a free port), stopped after the session: its base URL."""
    from kg.views.serve import make_server

    server = make_server(sample_store_dir, "127.0.0.1", 0)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    t.join(timeout=10)

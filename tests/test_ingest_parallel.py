"""Worker processes store what one process stores, whichever checkpoints the run takes on the way."""
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.progress import PROGRESS_GRAPH
from kg.graph.store import LocalStore
from kg.ingest import ingest

DATA = Path(__file__).parent / "data"
# reports, plans and a resolution whose targets the reports' results measure
FILES = sorted((DATA / "progress").glob("*.txt")) + sorted(DATA.glob("news_goals_*.txt"))
VOLATILE = ("ingestedAt", "generatedAtTime")  # the time of the run


def _quads(path: Path) -> set[str]:
    s = LocalStore(path, read_only=True)
    try:
        text = s.dump(ox.RdfFormat.N_QUADS).decode("utf-8")
    finally:
        s.close()
    return {line for line in text.splitlines() if not any(f"#{v}>" in line for v in VOLATILE)}


@pytest.mark.parametrize("every", [2, 3, 100])
def test_parallel_ingest_stores_what_a_serial_one_stores(tmp_path, every):
    assert len(FILES) >= 8
    dumps = []
    for jobs in (1, 2):
        store = LocalStore(tmp_path / f"s{jobs}")
        report = ingest(FILES, store, jobs=jobs, checkpoint_every=every)
        store.close()
        assert report.documents == len(FILES) and not report.failed
        dumps.append(_quads(tmp_path / f"s{jobs}"))
    assert dumps[0] == dumps[1]
    assert any(f"<{PROGRESS_GRAPH}>" in q and "measuresProgressOf" in q for q in dumps[1])


def test_parallel_reingest_replaces_graphs_with_what_a_serial_one_stores(tmp_path):
    """A second parallel run replaces each stored graph (one transaction per document, from the N-Quads the
    workers ship) and leaves what a single serial run leaves."""
    files = FILES[:4]
    store = LocalStore(tmp_path / "twice")
    ingest(files, store, jobs=2)
    report = ingest(files, store, jobs=2)
    store.close()
    assert report.documents == len(files) and not report.failed
    store = LocalStore(tmp_path / "once")
    ingest(files, store, jobs=1)
    store.close()
    assert _quads(tmp_path / "twice") == _quads(tmp_path / "once")


def test_nquads_written_by_the_mapper_read_as_the_triples_of_their_graph():
    from kg.extract.pipeline import extract_file
    from kg.graph.rdfmap import map_document, to_quads
    from kg.graph.store import NQuads, _nquads_parts, _triples, ntriples

    graph, text, n, _ = map_document(extract_file(FILES[0]))
    body = NQuads(text.encode("utf-8"))
    _, quads = to_quads(extract_file(FILES[0]))
    lines = body.decode("utf-8").splitlines()
    assert len(lines) == n == len(quads) and all(line.endswith(f" <{graph}> .") for line in lines)
    assert _triples(graph, body) == ntriples(quads)
    assert b"".join(_nquads_parts([(graph, body)])) == b"".join(_nquads_parts([(graph, ntriples(quads))]))


def test_the_mapper_writes_nquads_as_oxigraph_serialises_them():
    """Byte for byte: every term escaped as Oxigraph escapes it, each quad once."""
    from kg.extract.pipeline import extract_file
    from kg.graph.rdfmap import map_document

    for f in FILES + sorted(DATA.glob("*_report*.txt"))[:8]:
        _, text, n, _ = map_document(extract_file(f))
        quads = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))  # strict: IRIs and escapes checked
        assert len(quads) == len(set(quads)) == n
        assert ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8") == text


def test_a_batch_is_read_by_the_bulk_loader_as_one_stream_of_its_documents():
    from kg.graph.store import _Reader

    parts = [s.encode("utf-8") for s in ["<a> <b> \"Hà Nội 😀\" <g> .\n", "", "<c> <d> \"x\\ny\" <g> .\n" * 3]]
    for size in (1, 2, 3, 7, 1 << 16):
        r, out = _Reader(parts), b""
        while chunk := r.read(size):
            out += chunk
        assert out == b"".join(parts)

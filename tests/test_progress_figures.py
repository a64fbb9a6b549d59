"""An ingest relinks progress from the figures its mapper states, and the store's other figures read once:
the same figures and the same links as reading every figure back from the store."""
from pathlib import Path

import pyoxigraph as ox

from kg.extract.pipeline import extract_file
from kg.graph.progress import PROGRESS_GRAPH, figures_of, read_figures, recompute
from kg.graph.rdfmap import map_document
from kg.graph.store import LocalStore
from kg.ingest import ingest

DATA = Path(__file__).parent / "data"
FILES = (sorted((DATA / "progress").glob("*.txt")) + sorted(DATA.glob("news_goals_*.txt"))
         + sorted(DATA.glob("*_report*.txt"))[:6])


def _by_iri(figures) -> dict[str, tuple]:
    targets, results = figures
    return {q.iri: (kind, vars(q)) for kind, qs in (("target", targets), ("result", results)) for q in qs}


def test_the_mapper_states_the_figures_the_store_reads(tmp_path):
    store = LocalStore(tmp_path / "s")
    stated = {}
    for f in FILES:
        graph, _text, _n, rows = map_document(extract_file(f))
        assert rows is not None
        stated[graph] = figures_of(rows)
    ingest(FILES, store)
    read = read_figures(store)
    store.close()
    assert sum(len(t) + len(r) for t, r in stated.values()) > 50
    assert {g: _by_iri(f) for g, f in read.items()} == {g: _by_iri(f) for g, f in stated.items() if f != ([], [])}


def _progress(store: LocalStore) -> set[str]:
    text = store.dump(ox.RdfFormat.N_TRIPLES, graph=PROGRESS_GRAPH).decode("utf-8")
    return set(text.splitlines())


def test_incremental_ingests_link_what_a_relink_from_the_store_links(tmp_path):
    """Documents already stored, documents added, a document replaced, a checkpoint in the middle."""
    store = LocalStore(tmp_path / "s")
    ingest(FILES[:3], store)
    ingest(FILES[3:], store, jobs=2, checkpoint_every=2)
    ingest([FILES[0], FILES[4]], store, force=True)
    linked = _progress(store)
    assert any("measuresProgressOf" in t for t in linked)
    recompute(store)
    assert _progress(store) == linked
    store.close()


def test_a_document_whose_figures_only_the_store_knows_is_relinked_from_the_store(tmp_path, monkeypatch):
    """When the mapper cannot state a document's figures (its issuer's node holds two names and the document
    no area: the store's first row decides), the relink reads every figure back, as before."""
    from kg.graph import rdfmap

    store = LocalStore(tmp_path / "s")
    ingest(FILES[:3], store)
    calls = []
    stated = rdfmap.Mapper.figures
    monkeypatch.setattr(rdfmap.Mapper, "figures", lambda self: None if self.ex.source == FILES[4].name
                        else stated(self))
    monkeypatch.setattr("kg.graph.progress.read_figures",
                        lambda s, read=read_figures: calls.append(1) or read(s))
    ingest(FILES[3:], store)
    linked = _progress(store)
    assert len(calls) == 1  # the other documents' figures before the first write; the relink streams them
    recompute(store)
    assert _progress(store) == linked
    store.close()


def test_a_batch_that_fails_to_write_is_not_linked(tmp_path, monkeypatch):
    """The last batch is written while its links are computed: when the write fails, the links are those of
    the documents the store holds, not of the documents it refused."""
    from kg.graph.store import StoreError

    store = LocalStore(tmp_path / "s")
    ingest(FILES[:3], store)
    real = LocalStore.add_graphs

    def refuse(self, graphs, whole=False):
        if len(graphs) > 1:
            raise StoreError("disk full")
        return real(self, graphs, whole=whole)

    monkeypatch.setattr(LocalStore, "add_graphs", refuse)
    report = ingest(FILES[3:], store)
    assert report.failed and not report.documents
    linked = _progress(store)
    recompute(store)
    assert _progress(store) == linked
    store.close()
    monkeypatch.setattr(LocalStore, "add_graphs", real)
    whole = LocalStore(tmp_path / "whole")
    ingest(FILES, whole)
    assert _progress(whole) != linked  # the refused documents' figures would have been linked
    whole.close()


def test_a_run_with_more_figures_than_it_may_hold_links_them_from_the_store_a_few_at_a_time(tmp_path, monkeypatch):
    """Past FIGURES_IN_MEMORY (here a few dozen) the run lets its figures go and the relink reads them from the
    store as it yields them, linking a few results at a time: the same links and labels as holding them all."""
    import kg.graph.progress as progress
    import kg.ingest as ingest_module

    held = LocalStore(tmp_path / "held")
    ingest(FILES[:3], held)
    ingest(FILES[3:], held, jobs=2, checkpoint_every=4)
    expected = _progress(held)
    held.close()
    assert any("measuresProgressOf" in t for t in expected)

    monkeypatch.setattr(ingest_module, "FIGURES_IN_MEMORY", 40)
    monkeypatch.setattr(progress, "RESULTS_AT_ONCE", 5)
    chunks = []
    monkeypatch.setattr(progress, "_link", lambda index, results, link=progress._link:
                        chunks.append(len(results)) or link(index, results))
    paged = LocalStore(tmp_path / "paged")
    ingest(FILES[:3], paged)
    chunks.clear()
    ingest(FILES[3:], paged, jobs=2, checkpoint_every=4)
    assert _progress(paged) == expected
    assert len(chunks) > 3 and max(chunks[-4:]) <= 5  # the last relink: never every result at once
    paged.close()

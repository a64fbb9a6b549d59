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

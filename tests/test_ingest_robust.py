"""Ingest survives bad input, long input, concurrent writers and a killed run; one bad file never stops the others."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from kg.graph.progress import PROGRESS_GRAPH
from kg.graph.rdfmap import RESOLUTION_GRAPH
from kg.graph.store import LocalStore, StoreError
from kg.ingest import derived_missing, ingest

KG = str(Path(sys.executable).with_name("kg"))

DOC = """ỦY BAN NHÂN DÂN
TỈNH {place}

BÁO CÁO
Kết quả thực hiện nhiệm vụ {n} tháng đầu năm

I. KẾT QUẢ

Thực hiện Nghị quyết số {n:02d}/NQ-CP ngày 10/01/2024 của Chính phủ, Sở Kế hoạch và Đầu tư chủ trì
triển khai Chương trình chuyển đổi số tỉnh {place_t} giai đoạn 2021 - 2025. Tỷ lệ hồ sơ trực tuyến đạt {n}5%.

II. NHIỆM VỤ

1. Sở Tài chính bảo đảm kinh phí; Sở Nội vụ theo dõi, đôn đốc.
"""
PLACES = ["CAO BẰNG", "LAI CHÂU", "ĐIỆN BIÊN", "HÀ GIANG", "SƠN LA", "YÊN BÁI", "LÀO CAI", "BẮC KẠN",
          "TUYÊN QUANG", "PHÚ THỌ", "HÒA BÌNH", "LẠNG SƠN"]


def _doc(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return DOC.format(place=place, place_t=place.title(), n=i + 1)


def _write_docs(d: Path, n: int, start: int = 0) -> list[Path]:
    d.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = d / f"bao_cao_{i:03d}.txt"
        p.write_text(_doc(i), encoding="utf-8")
        out.append(p)
    return out


def _broken_docx(path: Path) -> None:
    """A .docx whose package is sound but whose main part is cut off mid-tag (broken XML)."""
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Báo cáo thử")
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)


def _kg(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], check=False, capture_output=True, text=True, timeout=300, **kw)


def _graphs(store_dir: Path) -> list[str]:
    r = _kg("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store_dir, "-f", "csv")
    assert r.returncode == 0, r.stderr
    return r.stdout.split()[1:]


def _no_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


# ---------------------------------------------------------------- bad and long input
def test_directory_with_long_broken_and_good_files(tmp_path):
    d = tmp_path / "in"
    good = _write_docs(d, 2)
    body = "\n\n".join(_doc(i) for i in range(len(PLACES)))
    long_text = _doc(50) + "\n\n" + (body + "\n\n") * (1_050_000 // len(body) + 1)
    assert len(long_text) > 1_000_000
    (d / "dai.txt").write_text(long_text, encoding="utf-8")
    _broken_docx(d / "hong.docx")
    (d / "rong.md").write_text("\u200b\u200b\n\u200d\n", encoding="utf-8")
    store = tmp_path / "store"
    r = _kg("ingest", d, "--store", store)
    _no_traceback(r)
    assert r.returncode == 1  # failures are reported, at the end
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and any("hong.docx" in e and "not a readable .docx" in e for e in errors)
    assert any("rong.md" in e and "empty document" in e for e in errors)
    assert "ingested 3 document(s)" in r.stdout
    graphs = _graphs(store)
    assert RESOLUTION_GRAPH in graphs
    assert sum(g.endswith(("/dai-txt",) + tuple(f"/{p.stem.replace('_', '-')}-txt" for p in good)) for g in graphs) == 3


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    from kg.extract.read import read_document

    p = tmp_path / "bom.txt"
    p.write_bytes(bom + _doc(3).encode(encoding))
    raw = read_document(p)
    assert raw.text.startswith("ỦY BAN NHÂN DÂN") and "Nghị quyết số 04/NQ-CP" in raw.text


def test_user_iris_are_checked_not_tracebacks(tmp_path):
    store = tmp_path / "store"
    assert _kg("ingest", *_write_docs(tmp_path / "in", 1), "--store", store).returncode == 0
    r = _kg("query", "directives", "--store", store, "-p", "number", "<http://x> } } >")
    _no_traceback(r)
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and "not a valid IRI" in r.stderr
    r = _kg("viz", "--store", store, "-o", tmp_path / "v.html", "--focus", "http://x> } } SELECT")
    _no_traceback(r)
    assert r.returncode == 1 and "not a valid IRI" in r.stderr


# ---------------------------------------------------------------- content identity, counts, logs
def test_same_content_under_another_name_is_skipped_unless_forced(tmp_path):
    a = _write_docs(tmp_path / "in", 1)[0]
    b = tmp_path / "in" / "ban_sao.txt"
    b.write_bytes(a.read_bytes())
    store = LocalStore(tmp_path / "store")
    rep = ingest([a, b], store)
    assert rep.documents == 1 and len(rep.skipped) == 1 and "same content as" in rep.skipped[0][1]
    assert rep.skipped[0][0] == str(b) and not rep.failed
    # the summary counts what the store holds: distinct triples (+ the derived graphs)
    derived = sum(len(store.query(f"SELECT * WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").rows)
                  for g in (RESOLUTION_GRAPH, PROGRESS_GRAPH))
    assert rep.triples + derived == len(store)
    assert ingest([a], store).documents == 1  # the same name again: a replacement, not a duplicate
    rep = ingest([b], store, force=True)
    assert rep.documents == 1 and not rep.skipped
    assert len([g for g in store.graphs() if g not in (RESOLUTION_GRAPH, PROGRESS_GRAPH)]) == 2


def test_clean_exit_leaves_no_write_ahead_logs(tmp_path):
    store = tmp_path / "store"
    r = _kg("ingest", *_write_docs(tmp_path / "in", 3), "--store", store)
    assert r.returncode == 0, r.stderr
    logs = [p for p in store.glob("*.log") if p.stat().st_size > 0]
    assert logs == []


def test_derived_graph_recomputed_when_missing(tmp_path):
    files = _write_docs(tmp_path / "in", 2)
    store = LocalStore(tmp_path / "store")
    ingest(files, store)
    store.update(f"DROP GRAPH <{RESOLUTION_GRAPH}>")
    assert derived_missing(store)
    rep = ingest([], store)  # nothing new, yet the derived graph is back
    assert rep.documents == 0 and not derived_missing(store)


# ---------------------------------------------------------------- concurrent writers, killed writers
def test_two_simultaneous_ingests_both_succeed_with_the_union(tmp_path):
    first = _write_docs(tmp_path / "a", 6)
    second = _write_docs(tmp_path / "b", 2, start=6)
    store = tmp_path / "store"
    pa = subprocess.Popen([KG, "ingest", *map(str, first), "--store", str(store)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (store / "LOCK").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    rb = _kg("ingest", *second, "--store", store, "--wait", "120")
    _, err_a = pa.communicate(timeout=300)
    assert pa.returncode == 0, err_a
    assert rb.returncode == 0, rb.stderr
    _no_traceback(rb)
    assert "in use by another writer; waiting" in rb.stderr
    graphs = _graphs(store)
    assert sum("/graph/bao-cao-" in g for g in graphs) == 8


def test_a_writer_that_cannot_wait_says_so_in_one_line(tmp_path):
    f = _write_docs(tmp_path / "in", 1)
    holder = LocalStore(tmp_path / "store")  # this process holds the lock
    try:
        t0 = time.monotonic()
        r = _kg("ingest", *f, "--store", tmp_path / "store", "--wait", "1")
        assert time.monotonic() - t0 >= 1
        _no_traceback(r)
        assert r.returncode == 1
        assert "waiting up to 1 s" in r.stderr and "in use by another writer" in r.stderr.splitlines()[-1]
    finally:
        holder.close()


def test_kill_during_ingest_leaves_derived_graph_present(tmp_path):
    # enough documents that the run lasts well past its first checkpoint (every 25), on a fast machine too
    files = _write_docs(tmp_path / "in", 300)
    store = tmp_path / "store"
    p = subprocess.Popen([KG, "ingest", *map(str, files), "--store", str(store)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    written = 0
    try:
        while time.monotonic() < deadline and p.poll() is None and written < 3:
            time.sleep(0.1)
            try:
                s = LocalStore(store, read_only=True)
            except (StoreError, OSError):  # the writer has not created the store yet, or is compacting it
                continue
            written = len(s.graphs())  # documents + the derived graph
            s.close()
        assert p.poll() is None, "the ingest ended before it could be killed"
    finally:
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
    r = _kg("stats", "--store", store)
    assert r.returncode == 0, r.stderr
    assert "documents" in r.stdout
    assert RESOLUTION_GRAPH in _graphs(store)
    # its extraction workers end with it (else they would wait for work forever)
    deadline = time.monotonic() + 10
    while _running_with(str(store)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running_with(str(store))


def _running_with(arg: str) -> list[int]:
    """Processes whose command line holds `arg`."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if arg in (d / "cmdline").read_bytes().decode("utf-8", "replace").split("\0"):
                    pids.append(int(d.name))
            except OSError:
                continue
    return pids


def test_parallel_ingest_reports_bad_files_and_stores_the_rest(tmp_path):
    d = tmp_path / "in"
    _write_docs(d, 4)
    _broken_docx(d / "hong.docx")
    (d / "nhi_phan.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = _kg("ingest", d, "--store", tmp_path / "store", "--jobs", "2")
    _no_traceback(r)
    assert r.returncode == 1
    assert sum(line.startswith("Error:") for line in r.stderr.splitlines()) == 2
    assert "ingested 4 document(s)" in r.stdout
    assert RESOLUTION_GRAPH in _graphs(tmp_path / "store")


def test_a_failed_file_does_not_make_its_twin_a_duplicate(tmp_path):
    d = tmp_path / "in"
    good = _write_docs(d, 1)[0]
    (d / "a_ban_sao.pdf").write_bytes(good.read_bytes())  # same bytes, read as a PDF: fails first
    rep = ingest([d], LocalStore(tmp_path / "store"))
    assert rep.documents == 1 and not rep.skipped
    assert [Path(p).name for p, _ in rep.failed] == ["a_ban_sao.pdf"]

"""Identity across documents: number + issuer + year; undated citations stay unresolved, linked to candidates."""
from kg.graph.query import plain, run_query
from kg.graph.store import LocalStore
from kg.ingest import ingest

DOC = "ỦY BAN NHÂN DÂN\nTỈNH {place}\n\nBÁO CÁO\nTình hình quý I\n\nI. NỘI DUNG\n\n{body}\n"


def test_resolution_same_directive_one_node_undated_kept_apart(tmp_path):
    texts = {
        "a.txt": DOC.format(place="CAO BẰNG", body="Triển khai Nghị quyết số 05/NQ-CP ngày 10/01/2021 của Chính phủ. Sở Y tế chủ trì."),
        "b.txt": DOC.format(place="BẮC KẠN", body="Thực hiện Nghị quyết số 05/NQ-CP ngày 10/01/2021 của Chính phủ về y tế."),
        "c.txt": DOC.format(place="HÀ GIANG", body="Tiếp tục thực hiện Nghị quyết số 05/NQ-CP của Chính phủ."),
        "d.txt": DOC.format(place="LAI CHÂU", body="Thực hiện Nghị quyết số 05/NQ-CP ngày 09/01/2022 của Chính phủ."),
    }
    paths = []
    for name, text in texts.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    store = LocalStore(tmp_path / "store")
    assert ingest(paths, store).documents == 4
    r = run_query(store, "directives")
    iri = {plain(row[0]): plain(row[r.variables.index("directive")]) for row in r.rows}
    assert iri["a.txt"] == iri["b.txt"]  # same number, issuer and year: one node
    assert iri["d.txt"] != iri["a.txt"]  # another year: another directive
    assert iri["c.txt"] not in (iri["a.txt"], iri["d.txt"])  # undated: not merged with either
    u = run_query(store, "undated")
    cands = {plain(row[u.variables.index("candidate")]) for row in u.rows}
    assert cands == {iri["a.txt"], iri["d.txt"]}
    # agencies of different provinces stay apart, the same national one is one node
    ag = run_query(store, "agencies")
    names = {plain(row[1]) for row in ag.rows}
    assert {"Sở Y tế tỉnh Cao Bằng", "Chính phủ"} <= names and "Sở Y tế tỉnh Bắc Kạn" not in names

"""Property: any Vietnamese-like text with numbers, symbols and markup is extracted without an exception,
every offset points inside the text, and the graph grows linearly with the input."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.graph.rdfmap import to_quads
from kg.graph.store import ntriples

SYLLABLES = ["Nghị", "quyết", "số", "ngày", "của", "Chính", "phủ", "Ủy", "ban", "nhân", "dân", "tỉnh", "thành",
             "phố", "huyện", "xã", "Sở", "Tài", "chính", "Kế", "hoạch", "Chương", "trình", "Dự", "án", "đạt",
             "kế", "hoạch", "phấn", "đấu", "thực", "hiện", "triển", "khai", "chỉ", "tiêu", "Quyết", "định",
             "Báo", "cáo", "Đề", "án", "giai", "đoạn", "năm", "tháng", "quý", "đường", "tổng", "mức", "vốn",
             "ĐẮK", "NÔNG", "QUẢNG", "TRỊ", "HĐND", "UBND", "TU", "BCH", "và", "các", "về", "tại", "theo"]
NUMBERS = ["01/NQ-CP", "12-KH/TU", "345/QĐ-UBND", "07/2023/NĐ-CP", "1.234,5", "98%", "10/01/2024",
           "2021 - 2025", "15 tỷ đồng", "3,5 km", "100", "0", "II.", "1.", "2.3.", "a)", "-", "IV", "120%",
           "ngày 5 tháng 6 năm 2022", "Luật Đầu tư năm 2020", "số 8", "≥", "65 tuổi", "1.000 ha"]
SYMBOLS = [".", ",", ";", ":", "–", "—", "•", "(", ")", "[", "]", "\"", "“", "”", "/", "%", "…", "*", "+", "="]
MARKUP = ["\n", "\n\n", "\t", "# ", "## ", "**", "| ", " | ", "<b>", "</p>", "&nbsp;", "[^1]", "[^1]: ",
          "\u200b", "\u00a0", "\r\n", "    ", "- ", "+ ", "TM. ỦY BAN NHÂN DÂN\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"]

pieces = st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(NUMBERS), st.sampled_from(SYMBOLS),
                   st.sampled_from(MARKUP), st.text(max_size=3))
texts = st.lists(pieces, max_size=400).map(lambda xs: " ".join(xs))


def _spans(ex):
    for coll in (ex.sentences, ex.sections, ex.footnotes, ex.agencies, ex.named, ex.quantities, ex.tasks,
                 ex.lineage):
        for r in coll:
            yield type(r).__name__, r.start, r.end
    for d in ex.directives:
        yield "directive", d.start, d.end
        yield "number", d.number_start, d.number_end
    if ex.header.title_span:
        yield "title", *ex.header.title_span


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_raises_and_offsets_stay_inside(text):
    ex = extract_text(text)
    n = len(ex.text)
    for kind, a, b in _spans(ex):
        assert 0 <= a <= b <= n, (kind, a, b, n)
    _, quads = to_quads(ex)
    # a fixed document header plus a bounded amount of graph per character, whatever the text
    assert len(quads) <= 200 + 3 * n
    assert len(ntriples(quads)) <= 20_000 + 400 * n


def test_graph_of_an_endless_line_of_numbers_is_linear():
    def size(k: int) -> int:
        line = " ".join(f"Nghị quyết số {i:02d}/NQ-CP," for i in range(1, k + 1))
        _, quads = to_quads(extract_text("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n\nBÁO CÁO\nThử\n\n" + line + "\n"))
        return len(ntriples(quads))

    small, large = size(200), size(800)
    assert large <= 4.4 * small  # four times the input, about four times the graph (was quadratic)

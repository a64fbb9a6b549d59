import unicodedata

import pytest

from kg.extract.normalise import clean


def test_normalise_footnote_block_is_taken_out_and_sentence_rejoined():
    raw = "Thực hiện\n\n⁴ Nội dung chú thích số bốn.\n\nrà soát các dự án⁴ trên địa bàn."
    ct = clean(raw)
    running = ct.text[: ct.running_end]
    assert running == "Thực hiện rà soát các dự án trên địa bàn."
    assert [f.label for f in ct.footnotes] == ["4"]
    fn = ct.footnotes[0]
    assert ct.text[fn.start : fn.end] == "Nội dung chú thích số bốn."
    assert running[: fn.marker_at].endswith("các dự án")


def test_normalise_sentence_ending_before_footnote_is_not_joined():
    ct = clean("Câu thứ nhất kết thúc.\n\n¹ Chú thích.\n\nCâu thứ hai.")
    assert ct.text[: ct.running_end] == "Câu thứ nhất kết thúc.\n\nCâu thứ hai."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("**BÁO CÁO**", "BÁO CÁO"),
        ("## **II. TÌNH HÌNH**", "II. TÌNH HÌNH"),
        ("trọng tâm là \"*thích ứng an toàn*\"", 'trọng tâm là "thích ứng an toàn"'),
        ("cơ quan trung ương<sup>1</sup>, trong đó", "cơ quan trung ương, trong đó"),
        ("Nghị¹⁵ quyết số 68/NQ-CP", "Nghị quyết số 68/NQ-CP"),
        ("đất đào 2.858 m³, mương 591.943 m²", "đất đào 2.858 m³, mương 591.943 m²"),
    ],
)
def test_normalise_markup_and_markers_removed(raw, expected):
    assert clean(raw).text[: len(expected) + 5].rstrip() == expected


def test_normalise_text_is_nfc_and_offsets_map_to_source():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh **Lạng Sơn** báo cáo")
    ct = clean(decomposed)
    assert ct.text == unicodedata.normalize("NFC", "Ủy ban nhân dân tỉnh Lạng Sơn báo cáo")
    i = ct.text.index("Lạng")
    s0, s1 = ct.source_span(i, i + len("Lạng Sơn"))
    assert unicodedata.normalize("NFC", decomposed[s0:s1]) == "Lạng Sơn"


def test_normalise_offsets_point_at_real_characters_in_corpus(sample_files):
    raw = sample_files[0].read_text(encoding="utf-8")
    ct = clean(raw)
    for i in range(0, len(ct.text), 97):
        if not ct.text[i].isspace():
            assert raw[ct.to_source(i)] == ct.text[i]


def test_normalise_html_unit_power_kept():
    ct = clean("khai thác 4.050,0 nghìn m<sup>3</sup>, tăng 2%<sup>7</sup>.")
    assert ct.text.startswith("khai thác 4.050,0 nghìn m³, tăng 2%.")


def test_markup_found_as_by_a_scan_of_the_whole_line():
    """Inline markup is looked for only at the characters it starts with; the matches are those of a scan
    of the whole line, on every mix of tags, superscripts, emphasis and text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.normalise import _INLINE, _INLINE_FIRST
    from kg.extract.recognise.scan import finditer_at

    pieces = ["<sup>2</sup>", "<sup> 12 </sup>", "³", "¹²", "<b>", "</i>", "<x", "**", "*", "___", "_", "m", "a<b",
              "km", " ", "2", "Chỉ tiêu", "<", ">", "__"]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=16), st.integers(0, 6))
    def check(parts, pos):
        line = "".join(parts)
        starts = [c.start() for c in _INLINE_FIRST.finditer(line, pos)]
        assert [m.span() for m in finditer_at(_INLINE, line, starts)] == [m.span() for m in _INLINE.finditer(line, pos)]

    check()


# a report taken from a PDF whose running footer carries the page number on the same line, then a page
# beginning mid-sentence; and a lone table-like row of the same shape, which is text
_FOOTED = (
    "Thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 5.210 tỷ đồng, đạt\n"
    "{foot}1\n"
    "71,5% dự toán năm.\n"
    "Kim ngạch xuất khẩu 9 tháng ước đạt 412 triệu USD, tăng 6,1% so cùng\n"
    "{foot}2\n"
    "kỳ.\n"
    "Số xã đạt chuẩn nông thôn mới        12\n"
    "Tổng số hộ nghèo giảm còn 1.250 hộ.\n"
)


@pytest.mark.parametrize("foot", [
    "Phú Yên, tháng 10/2024                                                    ",
    "UBND huyện Tuy An - Báo cáo 9 tháng năm 2024                        ",
    "Báo cáo số 188/BC-UBND - UBND thị xã Đông Hòa\t\t\t",
])
def test_running_line_with_its_page_number_is_page_furniture(foot):
    raw = _FOOTED.format(foot=foot)
    text = clean(raw).text
    assert foot.split()[0] + " " + foot.split()[1] not in text
    assert "đạt 71,5% dự toán năm" in " ".join(text.split())
    assert "tăng 6,1% so cùng kỳ" in " ".join(text.split())
    # the same shape once is a row of the text, kept with its number
    assert "Số xã đạt chuẩn nông thôn mới" in text and "12" in text.split("nông thôn mới", 1)[1][:20]


def test_a_number_cut_by_a_line_break_is_told_as_the_end_anchored_pattern_alone_tells_it():
    """The line's end is checked for a digit and its mark before the pattern is searched: the answer is the one
    the pattern alone gives, on every mix of digits, marks, spaces, brackets and reference words."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract import normalise as nm

    def pattern_alone(a: str, n: str) -> bool:
        m = nm._CUT_NUMBER_END.search(a)
        nxt = m and (nm._CUT_THOUSANDS_NEXT if m.group("mark") == "." else nm._CUT_DECIMAL_NEXT)
        return bool(m and nxt.match(n))

    pieces = ["9", "215", "1", "12", ".", ",", " ", "(", "\n", "Điều", "a", "٣", "tỷ", "%", "1234"]
    assert nm._cut_number("ước đạt 9.", "215 tỷ đồng") and not nm._cut_number("Điều 3.", "215 tỷ")

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=8), st.lists(st.sampled_from(pieces), max_size=5))
    def check(a, n):
        assert nm._cut_number("".join(a), "".join(n)) == pattern_alone("".join(a), "".join(n))

    check()

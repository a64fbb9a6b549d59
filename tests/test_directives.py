import pytest

from kg.extract import document_context
from kg.extract.recognise.directives import find_directives, number_key
from kg.extract.structure import parse_header

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\nBÁO CÁO\nTình hình\n\nI. NỘI DUNG\n\n"


def refs(sentence: str):
    text = HEAD + sentence
    return find_directives(document_context(text, parse_header(text), len(text), []))


@pytest.mark.parametrize(
    "sentence, number, type_, issuer, year, date",
    [
        ("triển khai Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ.", "01/NQ-CP", "Nghị quyết", "Chính phủ", 2022, "2022-01-08"),
        ("theo Nghị định 111/2022/NĐ-CP về hợp đồng.", "111/2022/NĐ-CP", "Nghị định", "Chính phủ", 2022, None),
        ("Nghị quyết số 06-NQ/TU của Ban Thường vụ Tỉnh ủy về vùng sản xuất.", "06-NQ/TU", "Nghị quyết",
         "Ban Thường vụ Tỉnh ủy Lạng Sơn", None, None),
        ("Thực hiện Công văn số 1505/BKHĐT-TH ngày 11/3/2022 của Bộ Kế hoạch và Đầu tư về việc báo cáo.",
         "1505/BKHĐT-TH", "Công văn", "Bộ Kế hoạch và Đầu tư", 2022, "2022-03-11"),
        ("theo Nghị quyết số 111/2024/QH15 của Quốc hội.", "111/2024/QH15", "Nghị quyết", "Quốc hội", 2024, None),
        ("Kế hoạch số 44/KH-BCĐ ngày 18/3/2024 của Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Lạng Sơn.",
         "44/KH-BCĐ", "Kế hoạch", "Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Lạng Sơn", 2024, "2024-03-18"),
        ("Quyết định số 143/QĐ-UBND ngày 18 tháng 01 năm 2022 của UBND tỉnh về nhiệm vụ.", "143/QĐ-UBND",
         "Quyết định", "Ủy ban nhân dân tỉnh Lạng Sơn", 2022, "2022-01-18"),
        ("Chỉ thị số 01/CT-TTg ngày 08/02/2022 của Thủ tướng Chính phủ và tình hình.", "01/CT-TTg", "Chỉ thị",
         "Thủ tướng Chính phủ", 2022, "2022-02-08"),
        ("Nghị quyết số 49-NQ/TU ngày 28/9/2021 về chuyển đổi số.", "49-NQ/TU", "Nghị quyết", "Tỉnh ủy Lạng Sơn", 2021, "2021-09-28"),
    ],
)
def test_directives_forms(sentence, number, type_, issuer, year, date):
    found = refs(sentence)
    assert len(found) == 1
    r = found[0]
    assert (r.number, r.type, r.issuer, r.year, r.date) == (number, type_, issuer, year, date)
    text = HEAD + sentence
    assert text[r.number_start : r.number_end] == number


def test_directives_list_shares_tail_and_issuer():
    found = refs("Thông tư số 01, 02/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo.")
    assert [r.number for r in found] == ["01/2021/TT-BGDĐT", "02/2021/TT-BGDĐT"]
    assert all(r.type == "Thông tư" and r.year == 2021 for r in found)


def test_directives_issuer_shared_across_and():
    found = refs("Nghị quyết số 08/2019/NQ-HĐND và Nghị quyết số 15/2021/NQ-HĐND của HĐND tỉnh về chính sách.")
    assert [(r.number, r.issuer) for r in found] == [
        ("08/2019/NQ-HĐND", "Hội đồng nhân dân tỉnh Lạng Sơn"),
        ("15/2021/NQ-HĐND", "Hội đồng nhân dân tỉnh Lạng Sơn"),
    ]


@pytest.mark.parametrize("sentence", [
    "ngày 11/3/2022 đạt 15,5%", "mốc 1088/2-1089 biên giới", "đoạn Km3+700 đến Km18", "tỷ lệ 1/500",
])
def test_directives_not_numbers(sentence):
    assert refs(sentence) == []


def test_directives_own_number_in_header_is_not_a_citation():
    text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\nSố: 210/BC-UBND\n\nBÁO CÁO\nTình hình\n\nI. A\n\nNội dung."
    assert find_directives(document_context(text, parse_header(text), len(text), [])) == []


@pytest.mark.parametrize("a, b", [("01/NQ-CP", "1/NQ-CP"), ("02/2019/NĐ-CP", "2/2019/ND-CP"), ("06-nq/tu", "6-NQ/TU")])
def test_directives_number_key(a, b):
    assert number_key(a) == number_key(b)


def test_own_number_with_spaces_and_stray_spaces_in_citations():
    from kg.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN\n\nHUYỆN MƯỜNG KHƯƠNG\n\nSố:    214  /BC-UBND\n\nMường Khương, ngày 30 tháng 6 năm 2022\n\n"
            "BÁO CÁO\nKết quả 6 tháng đầu năm 2022\n\nThực hiện Kế hoạch số 17  /KH-UBND ngày 02/3/2022 của UBND tỉnh "
            "và Kết luận số 40-KL/ HU của Ban Thường vụ Huyện ủy, UBND huyện báo cáo như sau.\n")
    ex = extract_text(text)
    got = {d.number: d for d in ex.directives}
    assert "214/BC-UBND" not in got
    assert got["17/KH-UBND"].issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert got["17/KH-UBND"].date == "2022-03-02"
    assert got["40-KL/HU"].issuer == "Ban Thường vụ Huyện ủy Mường Khương"


@pytest.mark.parametrize(
    "text, number, issuer",
    [
        ("Trước đó, UBND tỉnh đã có Tờ trình số 188/TTr-UBND ngày 20/11/2023 đề nghị HĐND tỉnh xem xét. "
         "UBND tỉnh Bình Định báo cáo.", "188/TTr-UBND", "Ủy ban nhân dân tỉnh Bình Định"),
        ("Thực hiện Nghị quyết số 01/NQ-CP ngày 6/1/2023 của Chính phủ, UBND tỉnh ban hành Kế hoạch số 28/KH-UBND "
         "ngày 10/2/2023. Ủy ban nhân dân tỉnh Gia Lai báo cáo.", "28/KH-UBND", "Ủy ban nhân dân tỉnh Gia Lai"),
        ("Thực hiện Kế hoạch số 5/KH-UBND ngày 2/1/2024 của UBND huyện, UBND xã Ea Tu ban hành Kế hoạch số 7/KH-UBND "
         "ngày 9/1/2024.", "7/KH-UBND", "Ủy ban nhân dân xã Ea Tu"),
    ],
)
def test_directives_issuer_is_the_subject_after_an_opening_clause(text, number, issuer):
    from kg.extract import extract_text

    found = {d.number: d.issuer for d in extract_text(text).directives}
    assert found[number] == issuer


_PIECES = ["Nghị quyết", "Nghị quyết liên tịch", "số", "số hiệu", ":", " ", "  ", "\n", "12/NQ-CP", "06-NQ/TU",
           "15/2021/NQ-HĐND", "53/BC- HĐND", "12 /KH-UBND", "x12/KH-UBND", "/12/QĐ-UB", "Quyết định", "và", "2021",
           "1505/BKHĐT-TH", "Kế hoạch số", "Luật", "٣/NQ-CP", "Thông tư liên tịch", "-7/TB-VP", ".9/KH-UB",
           "123456/KH-UB", "12a/KH-UB", "12ab/KH-UB", "12\t/NQ-CP", "7", "/", "-", "a"]


def test_mentions_found_as_by_a_scan_of_the_whole_text():
    """Mentions are looked for only at type words and numbers; they are the ones a regex scan of the whole
    text finds, at the same offsets, on every mix of type words, "số", colons, spaces and numbers."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.directives import _mentions, _patterns

    mention_re = _patterns()[0]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "", "\n"]))
    def check(pieces, sep):
        text = sep.join(pieces)
        assert [m.span() for m in _mentions(mention_re, text)] == [m.span() for m in mention_re.finditer(text)]

    check()


_HEADER_PIECES = ["Số", "Số:", ":", " ", "\t", "*", "|", "\n", "12", "/", "-", "KH-UBND", "(", "Kèm theo", "Kế hoạch",
                  "Nghị quyết", "số", "15/NQ-HĐND", "Ủy ban", "a", "Sốt"]


def test_own_numbers_found_as_by_a_scan_of_the_whole_text():
    """Header numbers ("Số: ...", "(Kèm theo Kế hoạch số ...") are looked for only around their words; the
    matches are the ones a scan of every position finds, on every mix of lines, cells and header words."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.directives import _ANNEX_OF, _OWN_NUMBER, _line_or_cell_start, _line_start
    from kg.extract.recognise.scan import finditer_near, occurrences

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(_HEADER_PIECES), max_size=14), st.sampled_from([" ", "", "\n"]))
    def check(pieces, sep):
        text = sep.join(pieces)
        near = finditer_near(_OWN_NUMBER, text, occurrences(text, "Số"), _line_or_cell_start)
        assert [m.span() for m in near] == [m.span() for m in _OWN_NUMBER.finditer(text)]
        near = finditer_near(_ANNEX_OF, text, occurrences(text, "Kèm theo"), _line_start)
        assert [m.span() for m in near] == [m.span() for m in _ANNEX_OF.finditer(text)]

    check()


def test_year_only_numbers_found_at_their_type_words_as_by_a_whole_scan():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.directives import _YEAR_ONLY, _YEAR_ONLY_TYPES
    from kg.extract.recognise.scan import finditer_at, occurrences

    pieces = [*_YEAR_ONLY_TYPES, "Nghị quyết liên tịch", "số", " ", "12", "/", "2021", "1999", ";", ",", "x", "-"]

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.sampled_from([" ", ""]))
    def check(parts, sep):
        text = sep.join(parts)
        at = sorted(i for w in _YEAR_ONLY_TYPES for i in occurrences(text, w))
        assert [m.span() for m in finditer_at(_YEAR_ONLY, text, at)] == [m.span() for m in _YEAR_ONLY.finditer(text)]

    check()

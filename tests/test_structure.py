import pytest

from kg.extract.structure import parse_header, parse_sections, parse_tasks, period_of, split_sentences

DOC = """Số: /BC-UBND

Lạng Sơn, ngày   tháng 3 năm 2022

BÁO CÁO
Tình hình kinh tế - xã hội
quý I năm 2022

Kính gửi: Bộ Kế hoạch và Đầu tư.

Thực hiện Công văn số 1505/BKHĐT-TH ngày 11/3/2022 của Bộ Kế hoạch và Đầu tư, UBND tỉnh báo cáo như sau:

I. TÌNH HÌNH

1. Kinh tế

a) Nông nghiệp

Trồng rừng mới ước đạt 2.530 ha. Đàn gia súc ổn định.

- Ý thứ nhất.

II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022

1. Tiếp tục tổ chức thực hiện đồng bộ các giải pháp.

2. Tập trung chỉ đạo sản xuất vụ Xuân.
"""


def test_structure_header():
    h = parse_header(DOC)
    assert h.kind == "Báo cáo"
    assert h.number is None  # "Số: /BC-UBND" is blank
    assert h.place == "Lạng Sơn" and h.date == "2022-03"
    assert h.title == "Tình hình kinh tế - xã hội quý I năm 2022"
    assert h.addressee == "Bộ Kế hoạch và Đầu tư"
    assert DOC[h.request[0] : h.request[1]].startswith("Thực hiện Công văn số 1505")


def test_structure_sections_nest():
    secs = parse_sections(DOC)
    paths = [s.path for s in secs]
    assert paths[:4] == ["I", "I.1", "I.1.a", "I.1.a.-1"]
    assert "II.1" in paths and "II.2" in paths
    first = secs[0]
    assert DOC[first.start : first.end].startswith("I. TÌNH HÌNH") and "II." not in DOC[first.start : first.end]


def test_structure_sentences_and_sections():
    secs = parse_sections(DOC)
    sents = split_sentences(DOC, sections=secs)
    texts = [s.text for s in sents]
    assert "Trồng rừng mới ước đạt 2.530 ha." in texts and "Đàn gia súc ổn định." in texts
    s = next(s for s in sents if s.text.startswith("Trồng rừng"))
    assert s.section == "I.1.a" and DOC[s.start : s.end] == s.text


def test_structure_tasks_from_task_section():
    tasks = parse_tasks(DOC, parse_sections(DOC))
    assert [(t.n, t.period) for t in tasks] == [("1", "2022-Q2"), ("2", "2022-Q2")]
    assert tasks[0].head.startswith("Tiếp tục tổ chức thực hiện")


def test_structure_periods():
    assert period_of("NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024") == "2024-06"
    assert period_of("Nhiệm vụ, giải pháp chủ yếu quý II/2018") == "2018-Q2"
    assert period_of("KẾ HOẠCH NĂM 2022") == "2022"


def test_structure_list_marker_opens_its_sentence():
    text = "II. NHIỆM VỤ\n\n4. Tập trung chỉ đạo sản xuất. Câu hai.\n\na) Mục a. Xong."
    assert [s.text for s in split_sentences(text)] == [
        "II. NHIỆM VỤ", "4. Tập trung chỉ đạo sản xuất.", "Câu hai.", "a) Mục a.", "Xong."]


@pytest.mark.parametrize(
    "heading, is_task",
    [
        ("II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024", True),
        ("III. NHIỆM VỤ QUÝ IV NĂM 2023", True),
        ("II. Nhiệm vụ năm 2025", True),
        ("II. MỘT SỐ NHIỆM VỤ THÁNG 12 NĂM 2024", True),
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2024", False),
        ("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2023", False),
        ("II. NHIỆM VỤ CỦA CÁC CƠ QUAN", False),
    ],
)
def test_structure_tasks_of_a_period_open_a_task_section(heading, is_task):
    from kg.extract.structure import parse_sections, parse_tasks

    text = f"{heading}\n1. Phòng Tài chính - Kế hoạch chủ trì thu ngân sách.\n2. Công an huyện bảo đảm an ninh.\n"
    tasks = parse_tasks(text, parse_sections(text))
    assert (len(tasks) == 2) is is_task


_SENTENCE_PIECES = ["Một", "việc", ".", "!", "?", "…", "TT.", "xTT.", " ", "  ", "\n", "\n\n", "\"", "”", ")", "(", "“",
                    "- ", "II. ", "3. ", "a) ", "Đ", "Ủy", "b"]


def test_sentence_cuts_are_those_of_a_scan_of_every_position():
    """The cuts between sentences are read from the marks that end them; they are the ones the pattern that
    looks behind each position finds, on every mix of marks, quotes, spaces, line breaks and list markers."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.structure import _SENT_SPLIT, _sentence_cuts

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=16), st.integers(0, 6))
    def check(pieces, start):
        text = "".join(pieces)
        start = min(start, len(text))
        expected = [m.span() for m in _SENT_SPLIT.finditer(text, start, len(text))]
        assert _sentence_cuts(text, start, len(text)) == expected

    check()


def test_a_line_opening_with_a_word_is_found_where_the_pattern_search_finds_it():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.structure import _DECISION_ENACTS, _FIRST_ARTICLE, _line_opening

    pieces = ["Điều 1.", "Điều 1", "QUYẾT ĐỊNH", ":", " ", "\t", "\n", "x", "Điều 2.", "."]

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.integers(0, 40))
    def check(parts, end):
        text = "".join(parts)
        for rx, word in ((_FIRST_ARTICLE, "Điều 1."), (_DECISION_ENACTS, "QUYẾT ĐỊNH")):
            found, expected = _line_opening(rx, text, word, end), rx.search(text, 0, end)
            assert (found and found.span()) == (expected and expected.span())

    check()

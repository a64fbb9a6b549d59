"""Page text (hard-wrapped lines, page furniture, footnotes at the foot of pages, flattened header).

The documents in tests/data/layout are written for these tests: a district report with "- 2 -" page
numbers and a running footer, a commune plan with "Trang 1/2" and a list, a city resolution with form
feeds between pages.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_file, extract_text
from kg.extract.normalise import clean
from kg.extract.structure import parse_header

LAYOUT = Path(__file__).resolve().parent / "data" / "layout"
DOCS = sorted(LAYOUT.glob("*.txt"))


def _clean(name: str):
    raw = (LAYOUT / name).read_text(encoding="utf-8")
    return raw, clean(raw)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_layout_every_character_maps_to_its_source(path):
    raw = path.read_text(encoding="utf-8")
    ct = clean(raw)
    for i, c in enumerate(ct.text):
        if not c.isspace():
            assert raw[ct.to_source(i)] == c, (i, ct.text[max(0, i - 20) : i + 20])


@pytest.mark.parametrize(
    "name, kind, number, place, date",
    [
        ("district_report_paged.txt", "Báo cáo", "87/BC-UBND", "Tam Đảo", "2024-07-12"),
        ("commune_plan_pages.txt", "Kế hoạch", "16/KH-UBND", "Phú Lương", "2023-03-03"),
        ("city_resolution_formfeed.txt", "Nghị quyết", "21/NQ-HĐND", "Sầm Sơn", "2023-12-18"),
    ],
)
def test_layout_flattened_header_is_split_into_its_cells(name, kind, number, place, date):
    _, ct = _clean(name)
    h = parse_header(ct.text)
    assert (h.kind, h.number, h.place, h.date) == (kind, number, place, date)
    first = ct.text.split("\n", 1)[0]
    assert "|" not in first and first.isupper()


@pytest.mark.parametrize(
    "raw, issuer, number",
    [
        ("| ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
         "| Số: 812/UBND-KT | Độc lập - Tự do - Hạnh phúc |\n| V/v đẩy nhanh giải ngân | Cần Thơ, ngày 4 tháng 4 năm 2025 |"
         "\n\nKính gửi: Các sở, ngành.\n\nỦy ban nhân dân thành phố chỉ đạo như sau:\n\n1. Sở Tài chính chủ trì rà soát.\n",
         "Ủy ban nhân dân thành phố Cần Thơ", "812/UBND-KT"),
        ("| ỦY BAN NHÂN DÂN HUYỆN KRÔNG BÔNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|:---|:---:|\n"
         "| Số: 77/BC-UBND | Độc lập - Tự do - Hạnh phúc |\n| | Krông Bông, ngày 30 tháng 6 năm 2024 |\n\nBÁO CÁO\n"
         "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n",
         "Ủy ban nhân dân huyện Krông Bông", "77/BC-UBND"),
    ],
)
def test_layout_a_header_set_as_a_markdown_table(raw, issuer, number):
    """A two-column header as a pipe table: read column by column like a flattened one (the rule row dropped), so
    the number, the date and the issuer with its place are found."""
    ex = extract_text(raw, source="h.md")
    assert (ex.header.issuer, ex.header.number) == (issuer, number)
    assert ex.header.date and "|" not in ex.text[:120]


@pytest.mark.parametrize(
    "raw, issuer",
    [
        ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ XÃ NGÃ NĂM | Độc lập - Tự do - Hạnh phúc\n"
         "Số: 41/BC-UBND | Ngã Năm, ngày 30 tháng 6 năm 2024\nBÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2024\n",
         "Ủy ban nhân dân thị xã Ngã Năm"),
        ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐỨC TRỌNG | Độc lập - Tự do - Hạnh phúc\n"
         "Số: 12/KH-UBND | Đức Trọng, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nPhát triển du lịch năm 2025\n",
         "Ủy ban nhân dân huyện Đức Trọng"),
        ("HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN PHÚ | Độc lập - Tự do - Hạnh phúc\n"
         "Số: 20/NQ-HĐND | Tân Phú, ngày 20 tháng 12 năm 2024\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2025\n",
         "Hội đồng nhân dân xã Tân Phú"),
    ],
)
def test_layout_a_flattened_header_is_read_column_by_column(raw, issuer):
    """'ỦY BAN NHÂN DÂN | CỘNG HÒA ...' over 'THỊ XÃ NGÃ NĂM | Độc lập ...': the body and its place are one cell
    column, so the document's issuer keeps its place (and its figures their area)."""
    ct = clean(raw, wrapped=True)
    assert ct.text.index("\nSố: ") < ct.text.index("CỘNG HÒA")
    assert extract_text(raw, source="h.txt").header.issuer == issuer


@pytest.mark.parametrize(
    "name, joined",
    [
        # a name cut at the line end, a symbol cut at its hyphen, a sentence running over a page break
        ("district_report_paged.txt", "của Ủy ban nhân dân tỉnh Vĩnh Phúc về triển khai Nghị quyết số 01/NQ-CP"),
        ("district_report_paged.txt", "Kế hoạch số 45/KH-UBND, báo cáo kết quả"),
        ("district_report_paged.txt", "của Ủy ban nhân dân tỉnh Vĩnh Phúc; tổng chi ngân sách"),
        ("district_report_paged.txt", "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2024\n"),
        ("commune_plan_pages.txt", "phê duyệt Chương trình mục tiêu quốc gia"),
        ("commune_plan_pages.txt", "huyện Đông Hưng, Ủy ban nhân dân xã"),
        ("commune_plan_pages.txt", "xã nông thôn mới nâng cao;\n- Vận động"),
        ("commune_plan_pages.txt", "Nhà văn hóa thôn Đông và Nhà văn hóa thôn Tây."),
        ("city_resolution_formfeed.txt", "Ủy ban nhân dân thành phố.\nQUYẾT NGHỊ:"),
        ("city_resolution_formfeed.txt", "đạt 12% trở lên.\n2. Thu ngân sách"),
        ("city_resolution_formfeed.txt", "Nghị quyết số 21/NQ-HĐND và báo cáo"),
    ],
)
def test_layout_wrapped_lines_are_joined(name, joined):
    _, ct = _clean(name)
    assert joined in ct.text


@pytest.mark.parametrize(
    "name, kept_apart",
    [
        ("district_report_paged.txt", "I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Sản xuất nông nghiệp\nTổng diện tích"),
        ("district_report_paged.txt", "như sau:\nI. KẾT QUẢ"),
        ("district_report_paged.txt", "BÁO CÁO\nKết quả"),
        ("commune_plan_pages.txt", "a) Tỷ lệ hộ nghèo giảm còn dưới 1,5%.\nb) Tỷ lệ"),
        ("commune_plan_pages.txt", "thôn Tây.\n| STT | Nội dung | Chỉ tiêu |\n| 1 | Đường giao thông | 2,5 km |"),
        ("city_resolution_formfeed.txt", "Điều 1. Các chỉ tiêu chủ yếu năm 2024\n1. Tốc độ"),
        ("city_resolution_formfeed.txt", "báo cáo kết quả."),
    ],
)
def test_layout_headings_items_and_table_rows_stay_lines(name, kept_apart):
    _, ct = _clean(name)
    assert kept_apart in ct.text


def test_layout_page_numbers_running_lines_and_footnotes_leave_the_running_text():
    _, ct = _clean("district_report_paged.txt")
    running = ct.text[: ct.running_end]
    assert "- 2 -" not in running and "- 3 -" not in running
    assert "huyện Tam Đảo\n" not in running and "Báo cáo 6 tháng" not in ct.text
    assert [f.label for f in ct.footnotes] == ["1"]
    assert ct.footnotes[0].text == "Trong đó xã Đại Đình trồng 35 ha, xã Tam Quan trồng 28 ha."
    assert running[: ct.footnotes[0].marker_at].endswith("60% kế hoạch năm")
    _, plan = _clean("commune_plan_pages.txt")
    assert "Trang" not in plan.text


def test_layout_form_feed_marks_pages_even_without_page_numbers():
    _, ct = _clean("city_resolution_formfeed.txt")
    assert "\f" not in ct.text


def test_layout_text_with_one_paragraph_a_line_is_left_as_it_is(sample_files):
    for path in sample_files:
        raw = path.read_text(encoding="utf-8")
        ct = clean(raw)
        # lines are only ever removed from markup, never joined: the line count of the running text is
        # the raw one less the footnote bodies and markup-only lines
        assert ct.text.count("\n") <= raw.count("\n")
        assert clean(raw, wrapped=False).text == ct.text


def test_layout_a_dash_that_wraps_a_name_is_not_a_bullet():
    line = "Dự án đường nối các xã vùng cao với trung tâm huyện qua cầu Bản Mế hướng Bắc"
    raw = "\n".join([
        "Năm nay huyện tập trung đầu tư các công trình giao thông trọng điểm trên địa bàn, trong đó",
        line,
        "- Nam đã hoàn thành 70% khối lượng; các công trình khác đang được triển khai đúng",
        "tiến độ theo kế hoạch được giao trong năm, bảo đảm chất lượng công trình.",
        "Các nhiệm vụ cụ thể như sau:",
        "- Hoàn thành giải phóng mặt bằng;",
        "- Bàn giao mặt bằng cho nhà thầu.",
    ])
    text = clean(raw, wrapped=True).text
    assert "trong đó Dự án đường nối" in text
    assert "hướng Bắc - Nam đã hoàn thành" in text
    assert "như sau:\n- Hoàn thành giải phóng mặt bằng;\n- Bàn giao" in text


@pytest.mark.parametrize(
    "name, directives",
    [
        ("district_report_paged.txt", {("45/KH-UBND", "2024-01-20"), ("01/NQ-CP", "2024-01-05"),
                                       ("3021/QĐ-UBND", "2023-12-15")}),
        ("commune_plan_pages.txt", {("263/QĐ-TTg", "2022-02-22"), ("52/KH-UBND", "2023-02-10")}),
        ("city_resolution_formfeed.txt", {("105/NQ-HĐND", "2023-12-08"), ("412/TTr-UBND", "2023-12-01")}),
    ],
)
def test_layout_directives_of_page_text_are_found_whole(name, directives):
    ex = extract_file(LAYOUT / name)
    assert directives <= {(d.number, d.date) for d in ex.directives}


def test_layout_issuers_and_targets_survive_page_breaks():
    ex = extract_file(LAYOUT / "district_report_paged.txt")
    issuers = {d.number: d.issuer for d in ex.directives if d.date}
    assert issuers["3021/QĐ-UBND"] == "Ủy ban nhân dân tỉnh Vĩnh Phúc"  # "tỉnh" and "Vĩnh Phúc" on two pages
    assert issuers["45/KH-UBND"] == "Ủy ban nhân dân tỉnh Vĩnh Phúc"  # "Vĩnh" and "Phúc" on two lines
    res = extract_file(LAYOUT / "city_resolution_formfeed.txt")
    targets = {(q.value, q.unit, q.comparator) for q in res.quantities if q.category == "target"}
    assert {(12.0, "%", "gte"), (1250.0, "tỷ đồng", "eq")} <= targets
    assert ("this", "105/NQ-HĐND", "based_on") in {(x.child.kind, x.parent.key, x.relation) for x in res.lineage}


@pytest.mark.parametrize(
    "raw, number, place",
    [
        # the motto cell is in capitals and the number cell nearly so: they are still two lines
        ("UBND THÀNH PHỐ PHAN THIẾT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 77/BC-UBND | Độc lập - Tự do - Hạnh phúc\n"
         "Phan Thiết, ngày 02 tháng 4 năm 2024\n\nBÁO CÁO\nTình hình thực hiện nhiệm vụ quý I năm 2024\n\n"
         "Thực hiện chỉ đạo của UBND tỉnh Bình Thuận, Ủy ban nhân dân thành phố báo cáo như\nsau:\n",
         "77/BC-UBND", "Phan Thiết"),
        ("ỦY BAN NHÂN DÂN HUYỆN ĐỨC LINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/KH-UBND | Độc lập - Tự do - Hạnh phúc\n"
         "Đức Linh, ngày 9 tháng 1 năm 2025\n\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2025 của ngành giáo dục trên địa\nbàn huyện\n",
         "5/KH-UBND", "Đức Linh"),
    ],
)
def test_layout_header_cells_are_never_joined_to_a_neighbour(raw, number, place):
    ct = clean(raw, wrapped=True)
    h = parse_header(ct.text)
    assert (h.number, h.place) == (number, place)
    assert "\nSố: " in ct.text and "VIỆT NAM\n" in ct.text


@pytest.mark.parametrize(
    "name, joined",
    [
        ("province_report_split_numbers.txt", "ước đạt 8.736 tỷ đồng, đạt 48,6%"),
        ("province_report_split_numbers.txt", "ước đạt 1.365 tỷ đồng"),
        ("province_report_split_numbers.txt", "đạt 55,2% dự toán"),
        ("province_report_split_numbers.txt", "ước tăng 12,5% so với"),
        ("province_report_split_numbers.txt", "việc làm cho 7.420 lao động"),  # across a page break
        ("district_plan_split_numbers.txt", "Sản lượng vải thiều đạt 180.000 tấn"),
        ("district_plan_split_numbers.txt", "giảm còn 8,2%;"),
    ],
)
def test_layout_a_number_cut_by_a_line_break_is_one_number(name, joined):
    raw, ct = _clean(name)
    at = ct.text.index(joined)
    # the joined number still maps to its two pieces in the source
    for i in range(at, at + len(joined)):
        if not ct.text[i].isspace():
            assert raw[ct.to_source(i)] == ct.text[i]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kết quả năm 2024, toàn huyện có 12 xã đạt chuẩn nông thôn mới, tăng 3 xã so với năm 2023.",
         "215 hộ thoát nghèo trong năm."),  # a sentence ends with a year; the next opens with a figure
        ("1.", "200 hộ gia đình được hỗ trợ cải tạo nhà ở trong năm 2024."),  # a marker alone is no number
        ("Các xã tổ chức thực hiện theo nội dung hướng dẫn tại Điều 3.",
         "100% cán bộ được tập huấn về chuyển đổi số."),  # a reference ends the line, a share opens the next
        ("Tỷ lệ hộ nghèo của các xã trong huyện giảm còn 12 xã có tỷ lệ dưới 3%; thôn 12,",
         "Thôn 5 và Thôn 7 hoàn thành sớm."),  # a comma before a name, not a decimal
    ],
)
def test_layout_lines_that_only_look_like_a_cut_number_stay_apart(a, b):
    ct = clean(f"BÁO CÁO\n{a}\n{b}\n\f")  # a form feed: page text, unwrapped
    assert a[-4:] + b[:4] not in ct.text and b in ct.text


def test_layout_a_printed_block_in_text_of_one_paragraph_a_line_is_unwrapped():
    paras = [f"Đoạn {i}: kỳ họp đã thảo luận nhiều nội dung quan trọng của thành phố trong năm vừa qua." for i in range(40)]
    block = ["Các chỉ tiêu chủ yếu năm 2025 của thành phố là: tổng thu ngân sách nhà nước trên địa bàn",
             "trên 1.100 tỷ đồng; tổng vốn đầu tư toàn xã hội 8.300 tỷ đồng; thành lập mới 150 doanh",
             "nghiệp; tỷ lệ hộ nghèo dưới 0,4%."]
    title = ["**Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024", "và phương hướng năm 2025**"]
    raw = "\n".join(title + paras[:20] + block + paras[20:]) + "\n"
    ct = clean(raw)
    assert "trên địa bàn trên 1.100 tỷ đồng; tổng vốn" in ct.text and "150 doanh nghiệp; tỷ lệ" in ct.text
    assert "năm 2024\nvà phương hướng" in ct.text  # a title on two lines stays two lines
    assert ct.text.count("\n") == len(raw.splitlines()) - 1 - 2  # the two cuts of the block, nothing else


def test_layout_a_sub_heading_after_a_full_line_stays_a_line():
    raw = "\n".join([
        "Sáng 16/12, Hội đồng nhân dân huyện khai mạc kỳ họp thứ 12 để xem xét, thông qua các báo cáo của",
        "huyện. Các đại biểu đã thảo luận nhiều nội dung quan trọng về phát triển kinh tế - xã hội của huyện,",
        "đời sống của nhân dân tiếp tục được cải thiện, an ninh chính trị và trật tự xã hội được giữ vững.",
        "Chỉ tiêu năm 2025",
        "Cụ thể, một số chỉ tiêu chủ yếu năm 2025 của huyện như sau: giá trị sản xuất các ngành tăng 7,5 -",
        "8%; thu ngân sách trên địa bàn 320 tỷ đồng.",
    ]) + "\n"
    ct = clean(raw, wrapped=True)
    assert "được giữ vững.\nChỉ tiêu năm 2025\nCụ thể," in ct.text


def test_layout_a_note_standing_mid_page_ends_at_the_next_item_or_heading():
    # a province report taken from a PDF with its notes under the paragraphs that cite them
    x = extract_file(LAYOUT / "province_report_midpage_notes.txt")
    assert [f.text for f in x.footnotes] == [
        "Trong đó thu nội địa ước 10.950 tỷ đồng, thu từ hoạt động xuất nhập khẩu ước 1.530 tỷ đồng.",
        "Gồm vốn ngân sách nhà nước 5.400 tỷ đồng; vốn ngoài nhà nước và vốn đầu tư trực tiếp nước ngoài "
        "25.800 tỷ đồng.",
    ]
    running = x.text[: x.footnotes[0].start]
    assert "2. Tổng vốn đầu tư phát triển toàn xã hội ước 31.200 tỷ đồng, đạt 72,6% kế hoạch." in running
    assert [t.n for t in x.tasks] == ["1", "2"]
    assert {(r.agency, r.role, r.deadline) for r in x.responsibilities} == {
        ("Sở Tài chính tỉnh Hưng Yên", "lead", "2024-12-31"),
        ("Cục Thuế tỉnh Hưng Yên", "cooperate", "2024-12-31"),
        ("Sở Kế hoạch và Đầu tư tỉnh Hưng Yên", "lead", "2024-11-15"),
    }


@pytest.mark.parametrize(
    "after_note, ends",
    [
        ("Điều 2. Tổ chức thực hiện", True),
        ("PHẦN THỨ HAI", True),
        ("B. NHIỆM VỤ, GIẢI PHÁP NĂM 2025", True),
        ("III. Phương hướng, nhiệm vụ quý IV", True),  # after a line that ends a sentence
        ("3. Giải quyết việc làm cho 4.100 người.", True),  # the running text's next item
        ("1. Quyết định số 12/QĐ-UBND ngày 05/01/2024;", False),  # the note's own list
        ("trình HĐND tỉnh tại kỳ họp cuối năm.", False),
    ],
)
def test_layout_what_ends_a_note_standing_mid_page(after_note, ends):
    raw = "\n".join([
        "2. Thu ngân sách xã ước đạt 3,2 tỷ đồng¹, bằng 80% dự toán.",
        "¹ Gồm thu phí, lệ phí và thu khác ngân sách theo Nghị quyết của HĐND xã và các văn bản",
        "hướng dẫn của Ủy ban nhân dân huyện Vụ Bản.",
        after_note,
    ])
    ct = clean(raw)
    assert (after_note in ct.text[: ct.running_end]) is ends
    assert (after_note in ct.footnotes[0].text) is not ends


@pytest.mark.parametrize("raw, kept", [
    # two printed pages, the first unnumbered: the page number 2 and a running line where a sentence breaks off
    ("Thu ngân sách đạt 120 tỷ đồng, tăng\n\nBáo cáo tình hình quý I\n2\n5% so với cùng kỳ.",
     "Thu ngân sách đạt 120 tỷ đồng, tăng 5% so với cùng kỳ."),
    ("Thu ngân sách đạt 120 tỷ đồng, tăng\n2\nBáo cáo tình hình quý I\n\n5% so với cùng kỳ.",
     "Thu ngân sách đạt 120 tỷ đồng, tăng 5% so với cùng kỳ."),
    ("Thu ngân sách đạt 120 tỷ đồng, tăng\n\n2\n\n5% so với cùng kỳ.",
     "Thu ngân sách đạt 120 tỷ đồng, tăng 5% so với cùng kỳ."),
    # between finished sentences, or after a colon, a 2 is the text's
    ("Câu đã xong.\n\nTiêu đề\n2\nbắt đầu câu mới.", "Tiêu đề 2 bắt đầu"),
    ("Các xã đạt chuẩn:\n2\nxã Tân An", "đạt chuẩn: 2 xã"),
])
def test_layout_a_lone_page_number_where_a_sentence_breaks_off(raw, kept):
    assert kept in clean(raw, wrapped=True).text

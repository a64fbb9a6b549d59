"""Target lists and reported figures wherever they stand: no header, a report's plan part, pipe tables."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.extract import extract_file
from kg.extract.recognise.target_lists import find_target_lists, is_head

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "target_lists.expected.json").read_text(encoding="utf-8"))


def _matches(q, e) -> bool:
    return (
        all(w in q.indicator.lower() for w in e["words"].split())
        and q.value == pytest.approx(e["value"])
        and q.unit == e["unit"]
        and ("max" not in e or q.max == pytest.approx(e["max"]))
        and ("comparator" not in e or q.comparator == e["comparator"])
        and ("period" not in e or q.period == e["period"])
        and ("percent_of_plan" not in e or q.percent_of_plan == pytest.approx(e["percent_of_plan"]))
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_targets_and_results(name):
    ex = extract_file(DATA / name)
    for category in ("targets", "results"):
        got = [q for q in ex.quantities if q.category == category[:-1]]
        for e in EXPECTED[name][category]:
            assert any(_matches(q, e) for q in got), (
                f"{name}: no {category[:-1]} {e} in {[(q.indicator, q.value, q.unit, q.period) for q in got]}")
        # nothing else is read as a goal: every target is one of the expected ones
        if category == "targets":
            extra = [q for q in got if not any(_matches(q, e) for e in EXPECTED[name][category])]
            assert not extra, f"{name}: unexpected targets {[(q.indicator, q.value, q.unit) for q in extra]}"


def test_reported_table_column_is_not_a_goal():
    ex = extract_file(DATA / "commune_plan_table.txt")
    values = {q.value for q in ex.quantities if q.category == "target"}
    assert 4120 not in values and 48.5 not in values  # "Ước thực hiện 2023" column


@pytest.mark.parametrize("line,head", [
    ("II. CÁC CHỈ TIÊU CHỦ YẾU", True),
    ("** Dự kiến một số chỉ tiêu chủ yếu năm 2025*", True),
    ("Một số chỉ tiêu cụ thể năm 2024 là: tỷ lệ che phủ rừng 55%; ...", True),
    ("| STT | Chỉ tiêu | ĐVT | KH 2025 |", True),
    ("1. Kết quả thực hiện các chỉ tiêu chủ yếu", False),
    ("Có 17/19 chỉ tiêu đạt và vượt kế hoạch", False),
    ("| STT | Chỉ tiêu | ĐVT | Thực hiện 2024 |", False),
    ("Kỳ họp đã thông qua 14 nghị quyết với 100% đại biểu tán thành. Các chỉ tiêu chủ yếu năm 2025 gồm:", True),
    ("Năm 2024 có 20/22 chỉ tiêu đạt kế hoạch. Các chỉ tiêu đã đạt được như sau:", False),
    # a head that says the goals were met lists results; one that sets them as goals lists targets
    ("Các chỉ tiêu xã hội cơ bản hoàn thành, cụ thể:", False),
    ("Về kinh tế, các chỉ tiêu chủ yếu đều đạt:", False),
    ("Năm 2025, huyện phấn đấu hoàn thành các chỉ tiêu chủ yếu sau:", True),
    ("Phấn đấu cơ bản hoàn thành các chỉ tiêu sau:", True),
    ("Lai Vung: 9 tháng năm 2024, nhiều chỉ tiêu đạt trên 75% kế hoạch", False),  # a headline's share of the plan
    # a session's resolution and the goals' own clause after "với"
    ("Kỳ họp đã thông qua Nghị quyết số 64/NQ-HĐND về nhiệm vụ phát triển kinh tế - xã hội năm 2025 với các chỉ tiêu"
     " chủ yếu: giá trị sản xuất tăng 11 – 12%; thu ngân sách 520 tỷ đồng.", True),
    # a lead phrase before the list's own clause
    ("Theo nghị quyết được thông qua, các chỉ tiêu chủ yếu năm 2025 của thị xã Hà Tiên là: tổng", True),
    ("Theo Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2025 được HĐND thành phố thông qua tại kỳ họp "
     "thường lệ cuối năm, các chỉ tiêu chủ yếu năm 2025 của thành phố Long Xuyên là: tổng vốn ...", True),
    ("Kết quả thực hiện năm 2024, các chỉ tiêu cơ bản: thu ngân sách ước đạt 1.020 tỷ đồng", False),
])
def test_head_lines(line, head):
    assert is_head(line) is head


def test_a_list_ends_at_the_next_part():
    text = ("Các chỉ tiêu chủ yếu năm 2025:\n- Tỷ lệ che phủ rừng 61%.\n- Trồng mới 150 ha rừng.\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\nNăm 2024 trồng được 140 ha rừng.\n")
    (tl,) = find_target_lists(text)
    assert text[tl.start:tl.end].endswith("Trồng mới 150 ha rừng.")


def test_a_wrapped_sentence_naming_targets_is_not_a_head():
    text = ("Kinh tế tiếp tục phục hồi, nhiều\nchỉ tiêu đạt khá so với cùng kỳ\nnăm trước, nhất là du lịch.\n")
    assert find_target_lists(text) == []


def test_goal_named_in_prose_and_a_list_item_cut_by_a_blank_line():
    from kg.extract import extract_text

    text = ("ỦY BAN NHÂN DÂN THỊ XÃ BA ĐỒN\nBÁO CÁO\nTình hình năm 2024\n\nI. Y TẾ\n"
            "Triển khai tiêm chủng mở rộng với mục tiêu 98% trẻ em dưới 1 tuổi được tiêm đủ liều. "
            "Nguồn vốn hỗ trợ có mục tiêu 120 tỷ đồng đã được phân bổ.\n\n"
            "Dự kiến một số chỉ tiêu chủ yếu năm 2025\n\n- Tỷ lệ đô thị\n\nhóa đạt 45%.\n")
    ts = [q for q in extract_text(text).quantities if q.category == "target"]
    assert any(q.value == 98 and "trẻ em dưới 1 tuổi" in q.indicator for q in ts)
    assert any(q.value == 45 and q.indicator == "Tỷ lệ đô thị hóa" for q in ts)
    assert not [q for q in ts if q.value == 120]  # "hỗ trợ có mục tiêu" names a kind of funding, not a goal


def test_word_table_of_targets(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Phát triển kinh tế - xã hội xã Phú Lộc năm 2025")
    d.add_paragraph("II. CÁC CHỈ TIÊU CHỦ YẾU")
    rows = [("STT", "Chỉ tiêu", "ĐVT", "Thực hiện 2024", "Kế hoạch 2025"),
            ("1", "Diện tích lúa cả năm", "ha", "1.210", "1.250"),
            ("2", "Tỷ lệ hộ dùng nước sạch", "%", "96", "≥ 98"),
            ("3", "Thu nhập bình quân đầu người", "triệu đồng", "55", "60 – 62")]
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    d.add_paragraph("III. NHIỆM VỤ, GIẢI PHÁP")
    d.add_paragraph("1. Chuyển đổi cơ cấu cây trồng.")
    p = tmp_path / "ke_hoach_xa.docx"
    d.save(p)
    ts = [q for q in extract_file(p).quantities if q.category == "target"]
    got = {(q.indicator, q.value, q.max, q.unit, q.comparator, q.period) for q in ts}
    assert got == {
        ("Diện tích lúa cả năm", 1250.0, None, "ha", "eq", "2025"),
        ("Tỷ lệ hộ dùng nước sạch", 98.0, None, "%", "gte", "2025"),
        ("Thu nhập bình quân đầu người", 60.0, 62.0, "triệu đồng", "range", "2025"),
    }


def test_table_with_a_two_row_heading():
    from kg.extract import extract_text

    text = ("Các chỉ tiêu chủ yếu:\n\n"
            "| TT | Chỉ tiêu | ĐVT | Năm 2024 | Năm 2024 | Năm 2025 |\n"
            "| | | | Kế hoạch | Ước thực hiện | Kế hoạch |\n"
            "| 1 | Sản lượng cá nuôi | tấn | 900 | 940 | 1.000 |\n"
            "| 2 | Tỷ lệ trẻ em suy dinh dưỡng | % | 9 | 8,7 | < 8 |\n")
    ts = [q for q in extract_text(text).quantities if q.category == "target"]
    got = sorted((q.indicator, q.value, q.comparator, q.period) for q in ts)
    # the 2024 plan is a goal too; the 2024 estimate is not
    assert got == [("Sản lượng cá nuôi", 900.0, "eq", "2024"), ("Sản lượng cá nuôi", 1000.0, "eq", "2025"),
                   ("Tỷ lệ trẻ em suy dinh dưỡng", 8.0, "lte", "2025"), ("Tỷ lệ trẻ em suy dinh dưỡng", 9.0, "eq", "2024")]


@pytest.mark.parametrize("text", [
    ("Thị xã Kỳ Anh họp HĐND\n\nCác chỉ tiêu chủ yếu năm 2025:\n\n- Giá trị sản xuất tăng 8%.\n\n"
     "- Với 100% đại biểu có mặt tán thành, kỳ họp đã thông qua kế hoạch đầu tư công năm 2025.\n"),
    ("HỘI ĐỒNG NHÂN DÂN\nXÃ THẠCH HÀ\n\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2025\n\nQUYẾT NGHỊ:\n\n"
     "Điều 1. Thông qua các chỉ tiêu chủ yếu năm 2025: tổng giá trị sản xuất 420 tỷ đồng.\n\n"
     "Nghị quyết được thông qua với 98,5% tổng số đại biểu biểu quyết nhất trí tại kỳ họp thứ 12.\n"),
    ("Các chỉ tiêu chủ yếu năm 2025:\n\n- Trồng mới 150 ha rừng.\n\n"
     "- Nghị quyết được thông qua với 100% số phiếu tán thành.\n"),
])
def test_a_vote_is_not_a_figure(text):
    from kg.extract import extract_text

    qs = extract_text(text).quantities
    assert [q for q in qs if q.category == "target"]  # the goals of the document are read
    assert not [q for q in qs if "đại biểu" in q.indicator.lower() or q.value in (100, 98.5)]


@pytest.mark.parametrize("name, rates", [
    ("district_plan_ocop_support.txt", {30, 50, 20, 10, 2150}),  # per product, share of a cost, cap, fair, budget
    ("province_resolution_support_policy.txt", {5, 70, 30, 120, 20}),  # per ha, share of seed cost, per household
    ("commune_plan_support_inline.txt", {3, 50, 10, 20}),  # "định mức 3 triệu đồng/hộ", "hỗ trợ một lần 10 triệu"
])
def test_support_rates_are_neither_goals_nor_results(name, rates):
    qs = extract_file(DATA / name).quantities
    assert not [(q.category, q.indicator, q.value, q.unit) for q in qs if q.value in rates]


def test_a_per_capita_goal_is_not_a_support_rate():
    from kg.extract import extract_text

    text = ("KẾ HOẠCH\nGiảm nghèo bền vững năm 2025\n\nI. MỤC TIÊU\n"
            "- Thu nhập bình quân đầu người của hộ nghèo đạt 30 triệu đồng/người/năm.\n"
            "- Hỗ trợ 40 hộ nghèo cải tạo nhà ở, mức hỗ trợ 40 triệu đồng/hộ.\n")
    ts = [q for q in extract_text(text).quantities if q.category == "target"]
    assert sorted((q.value, q.unit) for q in ts) == [(30, "triệu đồng/người/năm"), (40, "hộ")]  # households counted in "hộ"


def test_a_total_after_a_part_is_a_whole_of_its_own():
    ts = [q for q in extract_file(DATA / "layout" / "district_plan_split_numbers.txt").quantities
          if q.category == "target"]
    (q,) = [q for q in ts if q.value == 3600]
    assert q.indicator == "Tổng vốn đầu tư phát triển toàn xã hội"


def test_a_goal_word_reaches_over_and_not_past_a_comma():
    from kg.extract import extract_text

    text = ("Tin tức huyện Phú Tân\n\nNăm 2024, huyện đặt mục tiêu thu ngân sách 200 tỷ đồng, kết quả thu 210 tỷ đồng. "
            "Huyện phấn đấu có thêm 2 xã đạt chuẩn nông thôn mới nâng cao và 1 xã đạt chuẩn nông thôn mới kiểu mẫu.\n")
    ts = {q.value for q in extract_text(text).quantities if q.category == "target"}
    assert ts == {200, 2, 1}


def test_lettered_items_leave_no_marker_in_the_indicator():
    """'a) Tốc độ tăng trưởng ...', 'đ) Thành lập mới ...', 'a. Giá trị ...': the letter marks the item, it is no
    word of the indicator."""
    ex = extract_file(DATA / "decision_lettered_goals.txt")
    labels = sorted(q.indicator for q in ex.quantities if q.category == "target")
    assert len(labels) == 8, labels
    assert not [x for x in labels if re.match(r"(?i)[a-zđ]\s|.*\([a-zđ]\s", x)], labels
    assert any(x.startswith("Tốc độ tăng trưởng GRDP") for x in labels), labels
    assert any("giá trị sản xuất nông nghiệp" in x.lower() and not x[0].islower() for x in labels), labels


@pytest.mark.parametrize("sentence,period", [
    ("Theo nghị quyết, năm 2025 tỉnh phấn đấu tăng trưởng GRDP đạt 8%; thu ngân sách 900 tỷ đồng.", "2025"),
    ("Mục tiêu năm 2026, huyện có thêm 2 xã đạt chuẩn; trồng mới 150 ha rừng.", "2026"),
    ("Về xã hội, thành phố đặt mục tiêu giảm tỷ lệ hộ nghèo 1%; tạo việc làm cho 900 lao động.", None),
    # not goals: a reported word before the goal word, "phấn đấu" as a noun, the goal word after the first ";"
    ("Năm 2024 tỉnh đã phấn đấu đạt 7%; thu ngân sách 800 tỷ đồng.", False),
    ("Nhờ sự nỗ lực phấn đấu, năm 2024 thu ngân sách đạt 800 tỷ đồng; GRDP tăng 7%.", False),
    ("Năm 2024 thu ngân sách đạt 800 tỷ đồng; năm 2025 phấn đấu đạt 900 tỷ đồng.", False),
])
def test_a_sentence_opened_by_a_goal_word(sentence, period):
    from kg.extract.recognise.goal_prose import goal_opener
    from kg.extract.recognise.numbers import find_measures

    op = goal_opener(sentence, 0, len(sentence), find_measures(sentence)[0].start)
    assert (op is not None) is (period is not False)
    if op is not None:
        assert op.period == period


def test_what_a_direction_aims_at_and_a_verdict_are_not_results():
    """A news summary: the results keep their own indicators ('tỷ lệ hộ nghèo', not the judgement before the
    comma; 'tốc độ tăng trưởng GRDP', not 'tốc độ tăng tốc độ ...'); what a direction aims at ('..., bảo đảm thu
    ngân sách ... đạt 2.300 tỷ đồng trở lên') is no result but a target, and the headline's share of the plan no target."""
    qs = extract_file(DATA / "news_verdicts_and_directions.md").quantities
    labels = [q.indicator for q in qs]
    assert not any(v in (2300, 45) for v in (q.value for q in qs if q.category == "result")), labels
    assert not any(x.lower().startswith(("công tác", "tốc độ tăng tốc độ", "sản xuất nông nghiệp có")) for x in labels)

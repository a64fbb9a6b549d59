"""Targets and results read from hand-built documents."""
from __future__ import annotations

import pytest

from kg.extract import document_context, extract_text
from kg.extract.recognise.quantities import find_quantities
from kg.extract.structure import parse_header

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN
NGHỊ QUYẾT
VỀ MỤC TIÊU, NHIỆM VỤ KẾ HOẠCH NĂM 2023
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT NGHỊ:
Điều 1. Thông qua mục tiêu, nhiệm vụ kế hoạch năm 2023 như sau:
I. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM 2023
1. Các chỉ tiêu chủ yếu
- Tốc độ tăng trưởng kinh tế (GRDP): 6,5 - 7%.
- Cơ cấu kinh tế: Nông lâm nghiệp chiếm 28 - 29%, công nghiệp - xây dựng 16 - 17%, dịch vụ 50 - 51%.
- Tổng thu ngân sách nhà nước trên địa bàn 1.250,5 tỷ đồng.
- Tổng vốn đầu tư phát triển trên địa bàn khoảng 8 - 9 nghìn tỷ đồng.
- Xây dựng thêm 06 xã đạt chuẩn nông thôn mới.
- Có 95 xã đạt Bộ tiêu chí quốc gia về y tế xã; 10,5 bác sỹ và 30 giường bệnh trên 1 vạn dân.
- Giảm tỷ lệ hộ nghèo từ 2,5% trở lên.
- Giảm tai nạn giao thông cả 3 tiêu chí từ 5% trở lên.
- Tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh đạt trên 98%.
II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Phát triển nông nghiệp. Phấn đấu năm 2023 toàn tỉnh có thêm 12 sản phẩm OCOP đạt từ 3 sao trở lên. Triển khai thực hiện 03 dự án hỗ trợ phát triển sản xuất theo chuỗi giá trị.
Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.
"""

REPORT = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN
BÁO CÁO
Tình hình kinh tế - xã hội quý I và nhiệm vụ trọng tâm quý II năm 2023
I. TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ I NĂM 2023
1. Nông nghiệp
Trồng rừng mới ước đạt 1.530 ha, đạt 18,1% kế hoạch. Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 402,4 tỷ đồng, đạt 28,1% dự toán. Đăng ký thành lập mới 45 doanh nghiệp (giảm 07 doanh nghiệp so với cùng kỳ), đạt 17,8% kế hoạch. Số khách du lịch tăng 12% so với cùng kỳ.
II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2023
1. Tập trung chỉ đạo sản xuất. Đẩy nhanh tiến độ trồng rừng, phấn đấu hết quý II/2023 trồng được khoảng 3.400 ha, tương đương 60% kế hoạch cả năm.
2. Thực hiện quyết liệt công tác thu ngân sách, phấn đấu trong quý II thu ngân sách nhà nước đạt trên 350 tỷ đồng, trong đó thu nội địa trên 200 tỷ đồng. Phấn đấu trong quý II có trên 60 doanh nghiệp thành lập mới. Tập trung thực hiện 3 chương trình kinh tế trọng tâm; tổ chức diễn tập cho các đối tượng từ 18 tuổi trở lên.
3. Xây dựng nông thôn mới, trong đó tập trung chỉ đạo 08 xã điểm đạt chuẩn nông thôn mới năm 2023 và 10 xã khó khăn phấn đấu đến năm 2025 đạt từ 12 tiêu chí trở lên.
"""


def _ctx(text: str):
    return document_context(text, parse_header(text), len(text), [])


def _targets(text: str):
    return [q for q in find_quantities(_ctx(text)) if q.category == "target"]


def _results(text: str):
    return [q for q in find_quantities(_ctx(text)) if q.category == "result"]


def _find(qs, value, unit):
    hits = [q for q in qs if q.value == pytest.approx(value) and q.unit == unit]
    assert hits, f"no {value} {unit} in {[(q.indicator, q.value, q.unit) for q in qs]}"
    return hits[0]


def test_target_list_of_a_resolution():
    ts = _targets(RESOLUTION)
    grdp = _find(ts, 6.5, "%")
    assert grdp.max == 7 and grdp.comparator == "range"
    assert "tăng trưởng kinh tế" in grdp.indicator
    assert grdp.period == "2023"
    budget = _find(ts, 1250.5, "tỷ đồng")
    assert budget.indicator.startswith("Tổng thu ngân sách nhà nước")
    invest = _find(ts, 8, "nghìn tỷ đồng")
    assert invest.max == 9
    poor = _find(ts, 2.5, "%")
    assert poor.comparator == "gte" and "hộ nghèo" in poor.indicator
    water = _find(ts, 98, "%")
    assert water.comparator == "gte" and "nước hợp vệ sinh" in water.indicator


def test_range_list_is_split_per_indicator():
    ts = _targets(RESOLUTION)
    shares = {(q.value, q.max): q.indicator for q in ts if q.indicator.startswith("Cơ cấu kinh tế")}
    assert set(shares) == {(28, 29), (16, 17), (50, 51)}
    assert "công nghiệp - xây dựng" in shares[(16, 17)]
    assert "dịch vụ" in shares[(50, 51)]


def test_counts_and_per_capita_figures():
    ts = _targets(RESOLUTION)
    communes = _find(ts, 6, "xã")
    assert "xã đạt chuẩn nông thôn mới" in communes.indicator
    assert _find(ts, 10.5, "bác sỹ/1 vạn dân").indicator == "Số bác sỹ trên 1 vạn dân"
    assert _find(ts, 30, "giường bệnh/1 vạn dân")
    # "cả 3 tiêu chí" describes the indicator, it is not a figure of its own
    assert not [q for q in ts if q.unit == "tiêu chí" and q.value == 3]
    accidents = _find(ts, 5, "%")
    assert "tai nạn giao thông" in accidents.indicator


def test_task_figures_need_a_goal_word():
    ts = _targets(RESOLUTION)
    ocop = _find(ts, 12, "sản phẩm")
    assert ocop.comparator == "eq" and ocop.period == "2023"
    assert not [q for q in ts if q.unit == "dự án"]  # "thực hiện 03 dự án" is work, not a figure to reach


def test_nothing_from_organisation_article():
    ts = _targets(RESOLUTION)
    end = RESOLUTION.index("Điều 2.")
    assert all(q.start < end for q in ts)


def test_report_results_are_not_targets():
    ts = _targets(REPORT)
    task_start = REPORT.index("II. NHIỆM VỤ")
    assert ts and all(q.start > task_start for q in ts)
    assert not [q for q in ts if q.value in (1530, 402.4, 45)]


def test_results_with_percent_of_plan():
    rs = _results(REPORT)
    forest = _find(rs, 1530, "ha")
    assert forest.percent_of_plan == pytest.approx(18.1)
    assert forest.indicator == "Trồng rừng mới"
    assert forest.period == "2023-Q1"
    budget = _find(rs, 402.4, "tỷ đồng")
    assert budget.percent_of_plan == pytest.approx(28.1)
    firms = _find(rs, 45, "doanh nghiệp")  # the parenthesis between value and share is skipped
    assert firms.percent_of_plan == pytest.approx(17.8)
    # "tăng 12% so với cùng kỳ" is a reported growth, no share of a plan
    assert [q.percent_of_plan for q in rs if q.value == 12] == [None]


def test_task_section_targets_and_periods():
    ts = _targets(REPORT)
    forest = _find(ts, 3400, "ha")
    assert forest.comparator == "approx" and forest.period == "2023-Q2"
    assert "trồng" in forest.indicator.lower()
    share = _find(ts, 60, "% kế hoạch cả năm")
    assert "kế hoạch cả năm" in share.indicator
    budget = _find(ts, 350, "tỷ đồng")
    assert budget.comparator == "gte" and "thu ngân sách nhà nước" in budget.indicator.lower()
    assert budget.period == "2023-Q2"
    assert "thu nội địa" in _find(ts, 200, "tỷ đồng").indicator.lower()
    firms = _find(ts, 60, "doanh nghiệp")
    assert firms.indicator.startswith("Số doanh nghiệp thành lập mới")


def test_explicit_period_and_subject_counts():
    ts = _targets(REPORT)
    assert _find(ts, 8, "xã").period == "2023"
    criteria = _find(ts, 12, "tiêu chí")
    assert criteria.comparator == "gte" and criteria.period == "2025"
    # "10 xã ... đạt từ 12 tiêu chí" : the communes are who must reach the figure, not a figure
    assert not [q for q in ts if q.unit == "xã" and q.value == 10]
    assert not [q for q in ts if q.unit == "chương trình"]


def test_offsets_point_into_the_text():
    for q in find_quantities(_ctx(REPORT)):
        assert REPORT[q.start : q.end].strip()
        assert any(ch.isdigit() for ch in REPORT[q.start : q.end])


def test_importing_does_no_work():
    import importlib

    from kg.extract.recognise import numbers

    importlib.reload(numbers)
    assert numbers._patterns.cache_info().currsize == 0


ANNUAL = """ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023 và phương hướng, nhiệm vụ năm 2024
I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2023
Tốc độ tăng trưởng GRDP ước đạt 7,2% (kế hoạch 7 - 7,5%). Năm 2023 có 15 doanh nghiệp giải thể.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024
1. Các chỉ tiêu chủ yếu
- Tỷ lệ hộ nghèo giảm 1,5 - 2%/năm.
- Giải quyết thủ tục hành chính trong vòng 05 ngày làm việc.
"""


def test_assessment_part_is_not_a_task_section():
    ts = _targets(ANNUAL)
    assert not [q for q in ts if q.unit == "doanh nghiệp" or q.value == 7.2]
    poor = _find(ts, 1.5, "%")  # "giảm 1,5 - 2%/năm": a rate in %, "/năm" belongs to the indicator
    assert poor.max == 2 and poor.indicator == "Tỷ lệ hộ nghèo giảm/năm" and poor.period == "2024"
    days = _find(ts, 5, "ngày làm việc")
    assert days.comparator == "lte" and days.max == 5


WHOLE_REPORT = """ỦY BAN NHÂN DÂN TỈNH NINH THUẬN
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2023
I. KINH TẾ
Tổng kim ngạch xuất nhập khẩu tháng 9 ước đạt 95 triệu USD. Lũy kế 9 tháng ước đạt 810 triệu USD, đạt 70,4% kế hoạch, trong đó xuất khẩu 300 triệu USD, đạt 66,7% kế hoạch.
Khám chữa bệnh trong tháng được 40.200 lượt, điều trị nội trú 3.100 lượt. Lũy kế 9 tháng khám được 352.000 lượt, đạt 71% kế hoạch.
Doanh nghiệp thành lập mới 210 doanh nghiệp, đạt 60% kế hoạch. Giá trị sản xuất công nghiệp ước tăng 8,2% (kế hoạch năm: 9 - 10%).
"""


def test_running_totals_and_parts_borrow_their_indicator():
    rs = _results(WHOLE_REPORT)
    total = _find(rs, 810, "triệu USD")
    assert "kim ngạch xuất nhập khẩu" in total.indicator.lower() and total.percent_of_plan == pytest.approx(70.4)
    part = _find(rs, 300, "triệu USD")
    assert "kim ngạch xuất nhập khẩu" in part.indicator.lower() and "xuất khẩu" in part.indicator.lower()
    visits = _find(rs, 352000, "lượt")
    assert "khám chữa bệnh" in visits.indicator.lower() and "nội trú" not in visits.indicator.lower()


def test_goal_in_brackets_after_a_reported_figure():
    ts = _targets(WHOLE_REPORT)
    goal = _find(ts, 9, "%")
    assert goal.max == pytest.approx(10) and goal.period == "2023"
    assert "giá trị sản xuất công nghiệp" in goal.indicator.lower()
    assert not [t for t in ts if t.value in (810, 300, 8.2)]


SHARES_REPORT = """ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
I. KINH TẾ
Toàn huyện gieo trồng được 23.400 ha cây hằng năm, đạt 101,2% kế hoạch. Trong năm có 118 doanh nghiệp thành lập mới, đạt 59% kế hoạch, với tổng vốn đăng ký 640 tỷ đồng.
Tổng thu ngân sách trên địa bàn đạt 512.300 triệu đồng, bằng 108,5% dự toán tỉnh giao, bằng 103,2% dự toán huyện giao và bằng 96% so với cùng kỳ. Hàng xuất khẩu địa phương đạt 41,6 triệu USD, tăng 3,1% so với cùng kỳ, đạt 104% kế hoạch.
"""


def test_figure_then_counted_thing_then_share():
    rs = _results(SHARES_REPORT)
    assert _find(rs, 23400, "ha").percent_of_plan == pytest.approx(101.2)
    firms = _find(rs, 118, "doanh nghiệp")
    assert firms.percent_of_plan == pytest.approx(59) and "thành lập mới" in firms.indicator
    assert not [r for r in rs if r.value == 640]  # the capital states no share of a plan


def test_one_figure_several_plans_and_a_comparison_between():
    rs = _results(SHARES_REPORT)
    shares = sorted(r.percent_of_plan for r in rs if r.value == 512300)
    assert shares == [pytest.approx(103.2), pytest.approx(108.5)]  # not 96: that compares with last year
    assert _find(rs, 41.6, "triệu USD").percent_of_plan == pytest.approx(104)


def test_reported_figures_without_a_share_are_results_with_whole_indicators():
    rs = _results(WHOLE_REPORT + "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 93,2%. Kinh tế ước tăng 6,1% so với cùng kỳ.\n"
                  "Xuất khẩu hàng địa phương đạt 28 triệu USD, đạt 20% kế hoạch, tăng 7,7%. Thực hiện khoảng 65% khối lượng.\n")
    assert _find(rs, 93.2, "%").indicator == "Tỷ lệ dân số tham gia bảo hiểm y tế"
    growth = _find(rs, 7.7, "%")
    assert growth.indicator.startswith("Tốc độ tăng") and "xuất khẩu hàng địa phương" in growth.indicator.lower()
    assert growth.percent_of_plan is None
    assert not [r for r in rs if r.value == 65]  # a share of something unnamed is not reported as a fact


def test_share_written_before_its_figure():
    rs = _results(SHARES_REPORT + "Vụ mùa đã gieo cấy đạt 96,5% kế hoạch, tương đương 8.120 ha, tăng 2% so với cùng kỳ.\n")
    area = _find(rs, 8120, "ha")
    assert area.percent_of_plan == pytest.approx(96.5) and "gieo cấy" in area.indicator
    assert not [r for r in rs if r.value == 96.5]


def test_bare_share_in_a_paragraph_about_the_budget():
    text = SHARES_REPORT + ("Thu ngân sách vượt dự toán ở nhiều khoản. Một số khoản thu khá như: thu phí, lệ phí "
                            "21 tỷ đồng, đạt 40,2%, tăng 8%. Đã kiểm tra 310 công trình, đạt 100% số công trình được cấp phép.\n")
    rs = _results(text)
    assert _find(rs, 21, "tỷ đồng").percent_of_plan == pytest.approx(40.2)
    assert not [r for r in rs if r.value == 310 and r.percent_of_plan is not None]


def test_dimension_of_the_figure_before_and_enumerated_owners():
    text = SHARES_REPORT + ("Đã cấp 52 giấy chứng nhận quyền sử dụng đất cho 9 tổ chức, diện tích 21,3 ha, đạt 30% kế hoạch; "
                            "cấp cho hộ gia đình, cá nhân được 2.050 giấy, đạt 18% kế hoạch.\n")
    rs = _results(text)
    area = _find(rs, 21.3, "ha")
    assert area.indicator.startswith("Diện tích (") and "giấy chứng nhận" in area.indicator
    owners = _find(rs, 2050, "giấy")
    assert "hộ gia đình, cá nhân" in owners.indicator


def test_a_change_and_its_signed_rate():
    text = SHARES_REPORT + ("Trên địa bàn xảy ra 08 vụ cháy, làm bị thương 03 người; so với cùng kỳ giảm 02 vụ (-20%), "
                            "giảm 01 người bị thương (-25%).\n")
    rs = _results(text)
    rate = _find(rs, 20, "%")
    assert rate.indicator.startswith("Mức giảm số vụ cháy") and rate.indicator.endswith("so với cùng kỳ")
    assert _find(rs, 25, "%").indicator == "Mức giảm số người bị thương so với cùng kỳ"
    fewer = _find(rs, 2, "vụ")
    assert fewer.indicator.startswith("Mức giảm")  # a decrease, not the number of fires


@pytest.mark.parametrize("opening", ["Trước mắt, năm 2024", "Riêng năm 2024,", "Cụ thể, năm 2024", "Năm 2024,"])
def test_a_period_opening_the_sentence_beats_the_paragraph_horizon(opening):
    text = ("Nghị quyết của Tỉnh ủy Hà Giang về phát triển lâm nghiệp.\n\n"
            "Đến năm 2030, phấn đấu kim ngạch xuất khẩu lâm sản đạt 300 triệu USD. "
            f"{opening} toàn tỉnh phấn đấu trồng mới 9.200 ha rừng tập trung.\n")
    forest = _find(_targets(text), 9200, "ha")
    assert forest.period == "2024"
    assert _find(_targets(text), 300, "triệu USD").period == "2030"


REPORT_TABLE = """ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA
BÁO CÁO
Kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2023
I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU
| TT | Chỉ tiêu | Đơn vị tính | KH năm 2023 | Thực hiện năm 2023 | Tỷ lệ đạt (%) |
|---|---|---|---|---|---|
| 1 | Thu ngân sách trên địa bàn | triệu đồng | 5.200 | 5.460 | 105 |
| 2 | Số hộ nghèo giảm | hộ | 20 | 17 | 85 |
"""

PLAN_TABLE = """ỦY BAN NHÂN DÂN XÃ TÂN HỘI
KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2024
Các chỉ tiêu chủ yếu năm 2024 như sau:
| STT | Chỉ tiêu | ĐVT | Thực hiện năm 2023 | Kế hoạch năm 2024 |
|---|---|---|---|---|
| 1 | Thu ngân sách trên địa bàn | triệu đồng | 4.100 | 4.500 |
"""


def test_a_report_table_gives_results_beside_its_plan_column():
    qs = find_quantities(_ctx(REPORT_TABLE))
    got = sorted((q.category, q.value, q.unit, q.period, q.percent_of_plan) for q in qs)
    assert got == [("result", 17.0, "hộ", "2023", 85.0), ("result", 5460.0, "triệu đồng", "2023", 105.0),
                   ("target", 20.0, "hộ", "2023", None), ("target", 5200.0, "triệu đồng", "2023", None)]


def test_a_plan_table_reports_no_result_for_another_year():
    assert [(q.category, q.value) for q in find_quantities(_ctx(PLAN_TABLE))] == [("target", 4500.0)]


CITY_REPORT_ADDED = """ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
I. KẾT QUẢ THỰC HIỆN
Có thêm 02 xã được công nhận đạt chuẩn nông thôn mới nâng cao. Trong quý IV dự kiến có thêm 04 xã đạt chuẩn nông thôn mới. Đã có thêm 03 trường học đạt chuẩn quốc gia. Có thêm 01 xã đạt chuẩn nông thôn mới kiểu mẫu (xã Đại Lào), đạt 50% kế hoạch. Lũy kế toàn thành phố có 9 xã đạt chuẩn nông thôn mới nâng cao.
II. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2024
Phấn đấu có thêm 01 xã đạt chuẩn nông thôn mới nâng cao.
"""


def test_a_report_adds_counts_with_or_without_a_share():
    res = {(q.indicator, q.value, q.percent_of_plan) for q in _results(CITY_REPORT_ADDED)}
    assert res == {
        ("Số xã được công nhận đạt chuẩn nông thôn mới nâng cao (có thêm)", 2, None),
        ("Số trường học đạt chuẩn quốc gia (đã có thêm)", 3, None),
        # the names in brackets do not part the figure from its share
        ("Số xã đạt chuẩn nông thôn mới kiểu mẫu (có thêm)", 1, 50),
    }
    assert [(q.value, q.period) for q in _targets(CITY_REPORT_ADDED)] == [(1, "2024-Q4")]
    # a plan's "có thêm" is a goal, not a result
    assert not _results(RESOLUTION) or all(q.value != 6 for q in _results(RESOLUTION))


def test_a_result_clause_keeps_the_year_an_earlier_clause_stated():
    """'năm 2024 ... tăng 7,4%; thu nhập ... đạt 55 triệu đồng': both figures are of 2024 whatever the headline
    says; a baseline ('so với năm 2023') is no period of the figures after it."""
    text = ("Huyện Đắk Song bàn nhiệm vụ năm 2025\n\nBáo cáo tại kỳ họp cho biết năm 2024 giá trị sản xuất ước tăng "
            "6,9%; thu nhập bình quân đầu người đạt 51 triệu đồng.\n\nSo với năm 2023, tổng thu ngân sách trên địa bàn "
            "tăng 12%; tổng vốn đầu tư toàn xã hội đạt 2.150 tỷ đồng.\n")
    got = {(q.value, q.period) for q in extract_text(text, source="n.txt").quantities if q.category == "result"}
    assert (51, "2024") in got and (6.9, "2024") in got, got
    assert not any(p == "2023" for _v, p in got), got


def test_a_run_in_field_heading_is_no_part_of_the_indicator():
    """'Thu, chi ngân sách: tổng thu ngân sách nhà nước ...' names its field before the colon ('chi' there must not
    part the result from a revenue target); a head naming a place ('Huyện Tân Phước: ...') or a whole the label is
    a part of ('Cơ cấu kinh tế: ... dịch vụ 48%') stays."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN GÒ CÔNG TÂY\nSố: 90/BC-UBND\nGò Công Tây, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nI. KẾT QUẢ\n"
            "- Thu, chi ngân sách: tổng thu ngân sách nhà nước trên địa bàn ước đạt 142,6 tỷ đồng, đạt 53,8% dự toán.\n"
            "- Du lịch: lượng khách đến tham quan, du lịch đạt 210.000 lượt, đạt 51% kế hoạch.\n"
            "- Xã Bình Nhì: tổng thu ngân sách nhà nước trên địa bàn đạt 6,2 tỷ đồng, đạt 55% dự toán.\n"
            "- Cơ cấu kinh tế: nông nghiệp 40%, công nghiệp 12%, dịch vụ 48%.\n")
    got = {q.indicator for q in extract_text(text, source="bc.txt").quantities}
    assert "Tổng thu ngân sách nhà nước trên địa bàn" in got and "Lượng khách đến tham quan, du lịch" in got, got
    assert any(x.startswith("Xã Bình Nhì: ") for x in got), got
    assert not any(x.startswith(("Thu, chi", "Du lịch:")) for x in got), got


@pytest.mark.parametrize("line, indicator", [
    ("9 tháng, tổng lượt khách du lịch ước đạt 2,2 triệu lượt, đạt 81,5% kế hoạch.", "Tổng lượt khách du lịch"),
    ("6 tháng đầu năm 2024, sản lượng lương thực đạt 120.000 tấn, đạt 52% kế hoạch.", "Sản lượng lương thực"),
])
def test_a_leading_span_of_months_is_the_period_not_the_indicator(line, indicator):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 300/BC-UBND\nNinh Thuận, ngày 25 tháng 9 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 9 tháng năm 2024\n\nI. KẾT QUẢ\n" + line + "\n")
    got = [q.indicator for q in extract_text(text, source="b.txt").quantities if q.category == "result"]
    assert got[:1] == [indicator], got


def test_household_counts_count_in_households():
    """'Giảm 320 hộ nghèo', 'cho 120 hộ nghèo, hộ cận nghèo': the measure word 'hộ' is the unit (as 'lượt' is), what
    kind of household names the indicator; a target and a result so worded compare."""
    text = ("HỘI ĐỒNG NHÂN DÂN\nHUYỆN ĐỒNG XUÂN\nSố: 40/NQ-HĐND\nĐồng Xuân, ngày 15 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
            "Về nhiệm vụ năm 2025\n\nĐiều 1. Các chỉ tiêu chủ yếu năm 2025:\n"
            "- Hỗ trợ xây mới, sửa chữa nhà ở cho 120 hộ nghèo, hộ cận nghèo.\n- Giảm 320 hộ nghèo.\n")
    got = {(q.indicator, q.value, q.unit) for q in extract_text(text, source="nq.txt").quantities}
    assert ("Giảm số hộ nghèo", 320, "hộ") in got, got
    assert any(v == 120 and u == "hộ" and "hộ nghèo" in i.lower() for i, v, u in got), got


@pytest.mark.parametrize("line, indicator, value", [
    ("Tỷ lệ lao động qua đào tạo ước 71,5%, chưa đạt kế hoạch.", "Tỷ lệ lao động qua đào tạo", 71.5),
    ("Tỷ lệ trường đạt chuẩn quốc gia đạt 82,4%, vượt kế hoạch năm.", "Tỷ lệ trường đạt chuẩn quốc gia", 82.4),
    ("Giá trị sản xuất trên địa bàn ước tăng 14,6% so với năm 2023, nằm trong khoảng mục tiêu đề ra.",
     "Tốc độ tăng giá trị sản xuất trên địa bàn so với năm 2023", 14.6),
    ("Giá trị sản xuất 9 tháng ước tăng 8,2% so với cùng kỳ, thấp hơn mục tiêu cả năm.",
     "Tốc độ tăng giá trị sản xuất so với cùng kỳ", 8.2),
    # the level reached: "giảm còn", "giảm xuống còn"
    ("Tỷ lệ hộ nghèo giảm còn 1,15%.", "Tỷ lệ hộ nghèo giảm còn", 1.15),
    ("Tỷ lệ hộ nghèo đa chiều giảm xuống còn 3,2%.", "Tỷ lệ hộ nghèo đa chiều giảm xuống còn", 3.2),
])
def test_a_comment_on_the_plan_after_a_result_is_not_its_indicator(line, indicator, value):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN THANH LIÊM\nSố: 210/BC-UBND\nThanh Liêm, ngày 15 tháng 12 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội năm 2024\n\nI. KẾT QUẢ\n" + line + "\n")
    got = [(q.indicator, q.value) for q in extract_text(text, source="b.txt").quantities if q.category == "result"]
    assert got == [(indicator, value)], got


@pytest.mark.parametrize("line, expected", [
    # what was done and how much: "... được N"
    ("- Trồng rừng tập trung được 420 ha, chủ yếu tại các xã vùng cao.", ("result", "Trồng rừng tập trung", 420)),
    ("- Diện tích lúa gieo cấy được khoảng 5.200 ha.", ("result", "Diện tích lúa gieo cấy", 5200)),
    # the works and what they were done on; who did them is the document's place
    ("- Toàn huyện đã cứng hóa được 12,8 km đường giao thông nông thôn.",
     ("result", "Cứng hóa đường giao thông nông thôn", 12.8)),
    # an aim stays one
    ("- Phấn đấu trồng được 300 ha rừng.", ("target", "Trồng rừng", 300)),
])
def test_what_was_done_and_how_much(line, expected):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN BÁT XÁT\nSố: 210/BC-UBND\nBát Xát, ngày 15 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nI. KẾT QUẢ\n" + line + "\n")
    got = [(q.category, q.indicator, q.value) for q in extract_text(text, source="b.txt").quantities]
    assert got == [expected], got


@pytest.mark.parametrize("headline, dateline, period", [
    # the item announces next year's plan: its figures report on the year it is dated
    ("HĐND tỉnh Hòa Bình thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025",
     "(Hòa Bình, 11/12/2024)", "2024"),
    # a headline period with no year of its own
    ("Hòa Bình: kinh tế 9 tháng tiếp tục tăng trưởng khá", "Chiều 03/10/2024,", "2024"),
    # a headline with its own period keeps it
    ("Hòa Bình: kinh tế 6 tháng đầu năm 2024 tăng trưởng khá", "Chiều 03/10/2025,", "2024-01/2024-06"),
    # dated in January: the item may look back on the year before; no year is guessed
    ("Hòa Bình tổng kết công tác kinh tế", "(Hòa Bình, 08/01/2025)", None),
])
def test_a_news_item_s_figures_are_of_the_period_it_reports_on(headline, dateline, period):
    text = (f"{headline}\n\n{dateline} UBND tỉnh Hòa Bình họp phiên thường kỳ.\n\n"
            "- Thu ngân sách nhà nước trên địa bàn ước đạt 4.850 tỷ đồng, bằng 105% dự toán.\n")
    got = [(q.category, q.period) for q in extract_text(text, source="tin.md").quantities]
    assert got == [("result", period)], got


def test_a_count_for_a_list_of_the_same_nouns_keeps_the_list_and_not_its_deadline():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\n"
            "Thực hiện nhiệm vụ năm 2025\n\nI. CHỈ TIÊU CHỦ YẾU\n"
            "- Hoàn thành hỗ trợ xóa nhà tạm, nhà dột nát cho 1.282 hộ trước ngày 30/9/2025.\n")
    got = [(q.category, q.indicator, q.period) for q in extract_text(text, source="kh.txt").quantities]
    assert got == [("target", "Số hộ (hoàn thành hỗ trợ xóa nhà tạm, nhà dột nát)", "2025")], got


@pytest.mark.parametrize("line, expected", [
    ("Tổng thu ngân sách nhà nước trên địa bàn 812 tỷ đồng, đạt 70,6% dự toán; trong đó thu tiền sử dụng đất 298 tỷ "
     "đồng, mới đạt 57,3% dự toán.", [(812, 70.6), (298, 57.3)]),
    ("Giải ngân vốn đầu tư công 320 tỷ đồng, chỉ đạt 41,2% kế hoạch.", [(320, 41.2)]),
    ("- Giải quyết việc làm cho 4.870 người (đạt 81,2% kế hoạch).", [(4870, 81.2)]),
])
def test_a_share_of_the_plan_said_only_or_in_brackets(line, expected):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN BÁT XÁT\nSố: 210/BC-UBND\nBát Xát, ngày 15 tháng 9 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 9 tháng năm 2024\n\nI. KẾT QUẢ\n" + line + "\n")
    got = [(q.value, q.percent_of_plan) for q in extract_text(text, source="b.txt").quantities if q.category == "result"]
    assert got == expected, got


def test_a_named_place_that_did_the_action_keeps_its_name():
    # the own unit alone is dropped from the action; "thành phố Sơn La" is another place's figure and says so
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 210/BC-UBND\nSơn La, ngày 25 tháng 6 năm 2025\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2025\n\nI. KẾT QUẢ\n"
            "- Trong đó thành phố Sơn La có thêm 04 sản phẩm OCOP, đạt 66,7% kế hoạch.\n")
    got = [q.indicator for q in extract_text(text, source="b.txt").quantities if q.category == "result"]
    assert got and all("thành phố Sơn La" in x for x in got), got

"""Which result measures which target when the two are worded apart: words that say how, not what; a crop
season against the year's target; a comparison's year that is not the period; a verb of reception in brackets.
Each class is a folder of short documents (a plan and reports of the same place and year, other places, levels
and years as near-misses) ingested through the command line; the links expected are listed in full."""
from pathlib import Path

import pytest
from conftest import progress_rows

from kg.graph.progress import indicator_key, indicators_match, qualified_match

DATA = Path(__file__).resolve().parent / "data" / "progress_match"


def _links(folder: str, tmp_path) -> list[tuple]:
    rows = progress_rows(DATA / folder, tmp_path / "store")
    return sorted((x["target_source"], x["target_indicator"], x["result_source"], x["result_value"],
                   round(float(x["percent"]), 1) if x["percent"] else None, x["status"] or None) for x in rows)


def test_words_that_say_how_not_what(tmp_path):
    """Revenue 'from tourism activities', the share 'covered by' or 'taking part in' health insurance, 'Tổng thu'
    and 'Thu', jobs counted in 'lao động', the average of criteria per commune: each meets its target; the
    community-tourism target, a city's and a district's budget, the growth rate, another year's and another
    province's reports do not."""
    assert _links("wording", tmp_path) == [
        ("hl_2024_resolution.txt", "Bình quân toàn tỉnh", "hl_2024_6m_report.txt", "15.2", 89.4, "off track"),
        ("hl_2024_resolution.txt", "Doanh thu từ hoạt động du lịch", "hl_2024_6m_report.txt", "930", 51.7, "on track"),
        ("hl_2024_resolution.txt", "Số lao động được giải quyết việc làm mới", "hl_2024_6m_report.txt", "9500", 52.8,
         "on track"),
        ("hl_2024_resolution.txt", "Thu ngân sách nhà nước trên địa bàn", "hl_2024_6m_report.txt", "2700", 51.9,
         "on track"),
        ("hl_2024_resolution.txt", "Thu ngân sách nhà nước trên địa bàn huyện Ngọc Khê", "hl_2024_6m_report.txt",
         "160", 45.7, "needs acceleration"),
        ("hl_2024_resolution.txt", "Tỷ lệ dân số tham gia bảo hiểm y tế", "hl_2024_6m_report.txt", "94.9", 98.0,
         "needs acceleration"),
        ("tm_2024_resolution.txt", "Bình quân toàn huyện", "tm_2024_9m_report.txt", "15.4", 96.2, "needs acceleration"),
        ("tm_2024_resolution.txt", "Số lao động được giải quyết việc làm mới", "tm_2024_9m_report.txt", "950", 79.2,
         "on track"),
        ("tm_2024_resolution.txt", "Tổng thu ngân sách nhà nước trên địa bàn", "tm_2024_9m_report.txt", "150", 71.4,
         "needs acceleration"),
        ("tm_2024_resolution.txt", "Tỷ lệ người dân tham gia bảo hiểm y tế", "tm_2024_9m_report.txt", "93.5", 98.4,
         "needs acceleration"),
    ]


def test_a_season_is_part_of_the_year(tmp_path):
    """A season's figure meets the year's target, its status left open (which months it covers is unknown); a
    season's target is met by that season only ('vụ Hè - Thu' is 'vụ Hè Thu'), not by another season nor the
    whole year. The lead 'Vụ Xuân năm 2024,' is no word of the indicator."""
    assert _links("season", tmp_path) == [
        ("hl_2024_plan.txt", "Sản lượng lúa vụ Mùa", "hl_2024_year_report.txt", "6200", 103.3, "achieved"),
        ("hl_2024_plan.txt", "Sản lượng lương thực có hạt", "hl_2024_6m_report.txt", "9780", 45.5, None),
        ("hl_2024_plan.txt", "Tổng diện tích gieo trồng cây hằng năm", "hl_2024_6m_report.txt", "3412", 46.4, None),
        ("tm_2025_resolution.txt", "Diện tích lúa vụ Hè Thu", "tm_2025_9m_report.txt", "1480", 98.7, None),
        ("tm_2025_resolution.txt", "Sản lượng lương thực", "tm_2025_9m_report.txt", "2100", 17.5, None),
        ("tm_2025_resolution.txt", "Sản lượng lương thực", "tm_2025_9m_report.txt", "5900", 49.2, None),
    ]


def test_a_baseline_year_is_not_the_period(tmp_path):
    """'giảm 0,92% so với cuối năm 2023' in a report on 2024 is a 2024 decrease; 'X giảm' and 'giảm X' are one
    indicator. The 2023 report's decrease stays with 2023 and meets no 2024 target."""
    assert _links("baseline", tmp_path) == [
        ("hl_2024_resolution.txt", "Giảm tỷ lệ hộ nghèo", "hl_2024_year_report.txt", "0.92", None, "achieved"),
        ("hl_2024_resolution.txt", "Tỷ lệ hộ cận nghèo giảm", "hl_2024_year_report.txt", "0.6", None, "achieved"),
        ("tm_2024_resolution.txt", "Tỷ lệ hộ nghèo giảm", "tm_2024_6m_report.txt", "0.7", None, "off track"),
    ]


def test_a_verb_of_reception_is_no_budget_word(tmp_path):
    """'Thu hút', 'Đón', 'Phục vụ' N lượt khách: the visitors counted, whoever received them; domestic visitors
    and the budget's spending stay apart."""
    assert _links("verbs", tmp_path) == [
        ("bd_2024_resolution.txt", "Số lượt khách du lịch (đón)", "bd_2024_9m_report.txt", "380", 84.4, "on track"),
        ("bd_2024_resolution.txt", "Số lượt khách lưu trú (phục vụ)", "bd_2024_9m_report.txt", "71", 78.9, "on track"),
        ("hl_2024_resolution.txt", "Số lượt khách du lịch (thu hút)", "hl_2024_year_report.txt", "5480", 105.4,
         "achieved"),
        ("hl_2024_resolution.txt", "Số lượt khách quốc tế (đón)", "hl_2024_year_report.txt", "126", 105.0, "achieved"),
    ]


@pytest.mark.parametrize("target,t_unit,result,r_unit", [
    ("Giải quyết việc làm mới", "lao động", "Số lao động được giải quyết việc làm mới", "lao động"),
    ("Bình quân toàn tỉnh", "tiêu chí", "Số tiêu chí nông thôn mới bình quân", "tiêu chí"),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "Tỷ lệ bao phủ bảo hiểm y tế", "%"),
    ("Diện tích lúa vụ Hè Thu", "ha", "Diện tích lúa gieo cấy", "ha"),
    ("Số xã đạt chuẩn nông thôn mới", "xã", "Đạt chuẩn nông thôn mới", "xã"),
])
def test_qualified_wordings_meet(target, t_unit, result, r_unit):
    assert qualified_match(indicator_key(target), t_unit, indicator_key(result), r_unit) is not None


@pytest.mark.parametrize("target,t_unit,result,r_unit", [
    ("Thu ngân sách nhà nước trên địa bàn huyện Phong Điền", "tỷ đồng", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "Thu ngân sách nhà nước trên địa bàn huyện Phong Điền", "tỷ đồng"),
    ("Doanh thu du lịch cộng đồng", "tỷ đồng", "Doanh thu du lịch", "tỷ đồng"),
    ("Trồng rừng mới", "ha", "Diện tích trồng rừng tập trung", "ha"),
    ("Diện tích rừng", "ha", "Diện tích trồng rừng", "ha"),
    ("Số xã đạt chuẩn nông thôn mới", "xã", "Số xã đạt chuẩn nông thôn mới nâng cao", "xã"),
    ("Tỷ lệ lao động qua đào tạo", "%", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%"),
    ("Số lao động được đào tạo nghề", "lao động", "Đào tạo nghề cho lao động nông thôn", "lao động"),
])
def test_other_words_keep_them_apart(target, t_unit, result, r_unit):
    t, r = indicator_key(target), indicator_key(result)
    assert indicators_match(t, r) is None and qualified_match(t, t_unit, r, r_unit) is None


def test_budget_thu_is_a_contrast_word_the_others_are_not():
    key = indicator_key
    assert key("Số lượt khách du lịch (thu hút)") == key("Tổng lượt khách du lịch")
    assert key("Doanh thu từ hoạt động du lịch") == key("Doanh thu du lịch")
    assert indicators_match(key("Thu ngân sách nhà nước"), key("Chi ngân sách nhà nước")) is None
    assert indicators_match(key("Thu hút vốn đầu tư"), key("Vốn đầu tư")) is None
    assert key("Sản lượng lúa vụ Đông Xuân") == key("Sản lượng lúa") == key("Sản lượng lúa vụ Xuân")


def test_visitors_and_tourists_are_the_tourists_counted(tmp_path):
    """'Lượng khách tham quan, du lịch' counts the visitors a 'Lượt khách du lịch' target sets; visitors of the
    relics ('khách tham quan các di tích') are another count. Enterprises 'phát triển mới' are those 'thành lập
    mới'; new cooperatives are not new enterprises."""
    got = [(x[1], x[3]) for x in _links("visitors", tmp_path)]
    assert got == [("Lượt khách du lịch", "64800"), ("Số doanh nghiệp (phát triển mới)", "20")]


def test_a_cut_off_date_says_when_and_nothing_after_it():
    """'đến ngày 30/9/2024' is dropped from an indicator's key, the words after it are not: the domestic part of the
    revenue ('... đến ngày 30/9/2024 - thu nội địa') never meets the total's target."""
    total = indicator_key("Tổng thu ngân sách nhà nước trên địa bàn")
    part = indicator_key("Tổng thu ngân sách nhà nước trên địa bàn đến ngày 30/9/2024 - thu nội địa")
    assert indicators_match(total, part) is None
    assert indicator_key("Giải ngân vốn đầu tư công đến hết tháng 6 năm 2024") == indicator_key("Giải ngân vốn đầu tư công")


def test_the_documents_own_place_and_field_say_where_and_about_what(tmp_path):
    """'Tổng lượt khách du lịch đến Gia Lai' in Gia Lai's news is the province's count; 'Về thu ngân sách, tổng thu
    ...' names its field first: both meet the plan's targets. The city's revenue ('thành phố Pleiku') does not."""
    got = [(x[1], x[3]) for x in _links("own_place", tmp_path)]
    assert got == [("Tổng lượt khách du lịch", "820000"), ("Tổng thu ngân sách nhà nước trên địa bàn", "3310")], got


def test_who_received_the_visitors_and_a_named_part_say_how_not_what():
    key = indicator_key
    # the extractor brackets the place and the verb of "thị xã đón 1,62 triệu lượt khách du lịch"
    assert key("Số lượt khách du lịch (thị xã đón)") == key("Tổng lượt khách du lịch")
    assert key("Số lượt khách (toàn tỉnh đã đón)") == key("Lượt khách")
    assert key("Số lượt khách du lịch (ngành du lịch phục vụ)") == key("Lượt khách du lịch")
    # a place that is not the document's own stays: another area's visitors are another count
    assert key("Số lượt khách du lịch (Sa Pa đón)") != key("Lượt khách du lịch")
    # a table row "Trong đó: thu tiền sử dụng đất" names the part it measures
    assert key("Trong đó: thu tiền sử dụng đất") == key("Thu tiền sử dụng đất")
    assert indicators_match(key("Trong đó: thu tiền sử dụng đất"),
                            key("Thu ngân sách nhà nước trên địa bàn - thu tiền sử dụng đất")) is not None
    assert indicators_match(key("Trong đó: thu tiền sử dụng đất"), key("Tổng thu ngân sách nhà nước")) is None


def test_the_documents_own_area_as_an_owner_says_nothing():
    key = indicator_key
    assert key("Tốc độ tăng trưởng GRDP của tỉnh so với cùng kỳ năm trước") == key("Tốc độ tăng trưởng GRDP")
    assert key("GRDP của huyện Mường Lát") != key("GRDP")


def test_a_target_a_news_summary_restates_is_the_plans(tmp_path):
    """A news summary's direction restates the resolution's target ('phấn đấu đón 420.000 lượt khách du lịch
    trong năm 2024'): the report's result measures the target where the resolution set it."""
    assert [(x[0], x[2], x[3]) for x in _links("restated", tmp_path)] == [
        ("vx_2024_resolution.txt", "vx_2024_6m_report.txt", "120"),  # "Trồng mới được 120 ha rừng"
        ("vx_2024_resolution.txt", "vx_2024_6m_report.txt", "231000")]


def test_a_topic_before_the_indicator_and_a_tense_word_say_nothing_of_what():
    from kg.graph.progress import Quantity, candidate
    area = ("tỉnh", "Lai Châu")
    target = Quantity("t", "nq.md", "Cứng hóa đường giao thông nông thôn", 150, "km", "2024", area=area)
    result = Quantity("r", "bc.txt", "Xây dựng nông thôn mới: trong 6 tháng đã cứng hóa đường giao thông nông thôn",
                      61.2, "km", "2024-01/2024-06", area=area)
    link = candidate(target, result)
    assert link is not None and round(link.percent, 1) == 40.8
    # a topic whose item measures something else meets nothing
    other = Quantity("r2", "bc.txt", "Xây dựng nông thôn mới: cứng hóa kênh mương nội đồng", 20, "km",
                     "2024-01/2024-06", area=area)
    assert candidate(target, other) is None
    assert indicator_key("đã trồng mới rừng tập trung") == indicator_key("Trồng mới rừng tập trung")

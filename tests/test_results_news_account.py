"""A news item's or a report's account of a period past: the figures it states are results, whatever word links
them ("đạt", "khoảng", "duy trì", "vượt 5% kế hoạch", "có thêm"), and the goals it states for the year ahead stay
goals. A province's news item of nine months, a district's letter on disbursement (figures over their plan, the
share itself reached) and a city's year-end session news (an account in bullets, then next year's goals)."""
from pathlib import Path

import pytest

from kg.extract import document_context
from kg.extract.recognise.quantities import find_quantities
from kg.extract.recognise.target_lists import find_target_lists, is_head
from kg.extract.structure import parse_header

NEWS = Path(__file__).resolve().parent / "data" / "results_news"


def _quantities(name: str, category: str) -> list[tuple]:
    text = (NEWS / name).read_text(encoding="utf-8")
    qs = find_quantities(document_context(text, parse_header(text), len(text), []))
    return [(q.indicator, q.value, q.unit, q.percent_of_plan) for q in qs if q.category == category]


@pytest.mark.parametrize("line", [
    "## Nhiều chỉ tiêu đạt khá",
    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96,1%, tiệm cận chỉ tiêu cả năm.",
    "Kinh tế 9 tháng tăng 5,9%, nhiều chỉ tiêu đạt khá so với kế hoạch",
])
def test_a_verdict_on_the_indicators_heads_no_list_of_goals(line):
    assert not is_head(line)


def test_goal_heads_still_head():
    assert is_head("Các chỉ tiêu chủ yếu năm 2025:")
    assert is_head("Phấn đấu đạt khá các chỉ tiêu sau:")


def test_a_news_item_of_months_past_reports_its_figures():
    text = (NEWS / "bk_2024_9m_news.md").read_text(encoding="utf-8")
    assert not find_target_lists(text)
    got = _quantities("bk_2024_9m_news.md", "result")
    for row in [
        ("Diện tích trồng rừng mới", 3050, "ha", 76.3),  # "3.050 ha/4.000 ha kế hoạch, đạt 76,3%"
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 96.1, "%", None),  # no "ước": the heading's verdict is no goal
        ("Số người được giải quyết việc làm mới", 5200, "người", None),  # "toàn tỉnh đã giải quyết ... cho"
        ("Lượt khách du lịch", 820, "nghìn lượt", 102.5),  # "Ngành du lịch đón ..., vượt 2,5% kế hoạch năm"
        ("Giải ngân vốn đầu tư công", 48.6, "%", 48.6),  # the share is the figure reached
        ("Lượt khách du lịch", 96, "nghìn lượt", 64),  # "... sôi động với 96 nghìn lượt khách ..., bằng 64% ..."
    ]:
        assert row in got
    assert any(r[0].startswith("Tăng trưởng kinh tế (GRDP)") and r[1] == 5.9 for r in got)
    assert not {r[1] for r in got} & {4000, 900, 97, 95}  # the plan a figure is written over; the aims
    targets = _quantities("bk_2024_9m_news.md", "target")
    assert {r[1] for r in targets} == {900, 97}  # "phấn đấu ...": goals; "để hoàn thành mục tiêu ... 95%": no result


def test_a_letter_reports_disbursement_before_its_directions():
    got = _quantities("hk_2024_6m_letter.txt", "result")
    for row in [
        ("Giải ngân nguồn vốn ngân sách tỉnh phân bổ", 30.2, "tỷ đồng", 44.1),  # "<source>: giải ngân <sum>"
        ("Giải ngân nguồn vốn ngân sách huyện", 12.6, "tỷ đồng", 35.0),
        ("Cầu Khe Mưa, xã Hương Lâm", 1.8, "tỷ đồng", 24),  # "1,8 tỷ đồng/7,5 tỷ đồng, đạt 24%"
        ("Trường Mầm non Phúc Đồng", 2.2, "tỷ đồng", 36.7),
        ("Tổng vốn đầu tư phát triển trên địa bàn", 410, "tỷ đồng", None),  # "<name>: <figure>, tăng ... cùng kỳ"
        ("Trồng rừng tập trung", 780, "ha", 52),  # "đạt 52% kế hoạch (780 ha)": the figure in brackets
    ]:
        assert row in got
    whole = [r for r in got if r[1] == 64.8]
    assert len(whole) == 1 and whole[0][0].startswith("Tổng vốn đầu tư công")  # "Đến hết ngày 30/6/2024," is when
    assert not {r[1] for r in got} & {7.5, 6.0, 95, 60, 52}


def test_a_year_end_session_reports_the_year_and_sets_the_next():
    got = _quantities("bl_2024_year_session_news.txt", "result")
    for row in [
        ("Thu nhập bình quân đầu người", 92.5, "triệu đồng", None),  # "khoảng", an item of a reporting list
        ("Số trường đạt chuẩn quốc gia (có thêm)", 4, "trường", None),
        ("Lượt khách", 1.05, "triệu lượt", 105),
        ("Tỷ lệ che phủ rừng", 53.2, "%", None),  # "duy trì"
        ("Tỷ lệ hộ dân sử dụng nước sạch", 91.4, "%", None),  # "02 chỉ tiêu không đạt là <indicator> (ước ...)"
    ]:
        assert row in got
    assert not {r[1] for r in got} & {100, 3, 53.5, 71}  # next year's goals; a link to another news item
    targets = {(r[0], r[1]) for r in _quantities("bl_2024_year_session_news.txt", "target")}
    assert {("Thu nhập bình quân đầu người", 100), ("Tỷ lệ che phủ rừng", 53.5)} <= targets
    assert not {v for _, v in targets} & {92.5, 53.2, 71}


def test_a_letter_names_its_figures_as_it_words_them():
    got = _quantities("qb_2025_6m_letter.txt", "result")
    for row in [
        ("Tổng lượt khách du lịch", 2.4, "triệu lượt", None),  # "2,4 triệu lượt là tổng lượt khách du lịch 6 tháng"
        ("Xây dựng mới đường giao thông nông thôn", 46.2, "km", None),  # works on a length; "Chương trình mục tiêu"
        ("Thu ngân sách nhà nước thành phố Đồng Hới", 820, "tỷ đồng", 51),  # "Tại thành phố Đồng Hới, thu ..."
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 94.8, "%", None),  # a rate stated bare, its name wrapped over a line
        ("Thu tiền sử dụng đất", 28, "%", 28),  # "còn thấp so với yêu cầu: ... chỉ đạt 28% dự toán"
    ]:
        assert row in got
    part = [r for r in got if r[1] == 180]
    assert part and part[0][0].startswith("Tổng lượt khách du lịch") and part[0][3] == 45  # the whole's part
    assert not {r[1] for r in got} & {7500, 80}  # the directions' aims
    assert {r[1] for r in _quantities("qb_2025_6m_letter.txt", "target")} == {7500, 80}


def test_what_a_shared_clause_reports_and_what_it_aims_at():
    got = _quantities("hn_2024_9m_news.txt", "result")
    for row in [
        ("Số doanh nghiệp thành lập mới", 1150, "doanh nghiệp", 64),  # the share is the count's, not the capital's
        ("Số lao động được tạo việc làm mới", 11200, "lao động", 70),  # "Trong lĩnh vực lao động, tỉnh ..."
        ("Số lao động nông thôn được giải quyết việc làm", 3400, "lao động", 68),  # "Công tác ...": the work of
        ("Giải ngân vốn đầu tư công", 58.2, "%", 58.2),  # "tiến độ ... còn chậm, đến ngày 30/9/2024 mới đạt ..."
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 93.1, "%", None),  # "còn 2 chỉ tiêu chưa đạt, trong đó ... mới đạt"
    ]:
        assert row in got
    # the capital the enterprises bring; the share the visitors make (no figure of its own); the aims after
    # "đề ra mục tiêu phấn đấu ...; ..."
    assert not {r[1] for r in got} & {9800, 76, 9, 100}
    assert {r[1] for r in _quantities("hn_2024_9m_news.txt", "target")} >= {9, 100}

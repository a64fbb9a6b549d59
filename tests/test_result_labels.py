"""What a reported figure measures, without the words that say when or how it was counted: "Kim ngạch xuất
khẩu 9 tháng ước đạt ..." measures the export turnover (the nine months are its period); guests received under
a tourism heading ("Du lịch: 9 tháng đón 3.150 nghìn lượt khách") are tourists, counted in "nghìn lượt" like the
plan's target; a running line with its page number between two halves of a sentence is not part of either. A
province's resolution and report (linked), a town's news item (linked to nothing: another place)."""
from pathlib import Path

from conftest import progress_rows

from kg.extract import extract_file

DATA = Path(__file__).resolve().parent / "data" / "result_labels"


def _results(name: str) -> list[tuple]:
    return sorted((q.indicator, q.value, q.unit, q.period, q.percent_of_plan)
                  for q in extract_file(DATA / name).quantities if q.category == "result")


def test_period_words_and_page_lines_stay_out_of_what_is_measured():
    got = _results("qb_2025_9m_report.txt")
    assert got == [
        ("Kim ngạch xuất khẩu", 401.5, "triệu USD", "2025-01/2025-09", None),
        ("Sản lượng thủy sản", 71250, "tấn", "2025-01/2025-09", 75),
        ("Số lượt khách du lịch (đón)", 3150, "nghìn lượt", "2025-01/2025-09", 75),
        ("Thu ngân sách nhà nước trên địa bàn", 6450, "tỷ đồng", "2025-01/2025-09", 75),
        ("Tốc độ tăng kim ngạch xuất khẩu", 7.2, "%", "2025-01/2025-09", None),
        # named by the words before it, not from its count: the unit stays as written
        ("Tổng lượng khách quốc tế", 85300, "lượt khách", "2025-01/2025-09", None),
    ]
    # visitors of a museum under a heading on culture are not tourists, and were not set against a plan
    assert not [x for x in got if x[1] == 18200 and "du lịch" in x[0]]


def test_a_town_news_item_counts_its_tourists_the_same_way():
    got = _results("dh_2025_q1_news.md")
    assert ("Số lượt khách du lịch (đón)", 62, "nghìn lượt", "2025-Q1", 24.8) in got


def test_the_province_results_meet_its_targets(tmp_path):
    rows = progress_rows(DATA, tmp_path / "store")
    got = sorted((x["target_indicator"], x["result_source"], x["result_value"], round(float(x["percent"]), 1))
                 for x in rows)
    assert got == [
        ("Kim ngạch xuất khẩu", "qb_2025_9m_report.txt", "401.5", 77.2),
        ("Sản lượng thủy sản", "qb_2025_9m_report.txt", "71250", 75.0),
        ("Thu ngân sách nhà nước trên địa bàn", "qb_2025_9m_report.txt", "6450", 75.0),
        ("Tổng lượt khách du lịch", "qb_2025_9m_report.txt", "3150", 75.0),  # nghìn lượt against triệu lượt
    ]


def test_a_figure_said_first_is_named_by_what_follows_is(tmp_path):
    """'<figure> là <indicator>' names the whole indicator, its 'và' kept when a comma, not the next figure, ends it;
    '... cà phê và thành lập mới 60 doanh nghiệp' still ends at 'và'."""
    doc = tmp_path / "bc.txt"
    doc.write_text("ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC\nSố: 61/BC-UBND\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm "
                   "2025\n\n- 21.400 tỷ đồng là tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng quý I, bằng "
                   "23,8% kế hoạch năm, tăng 9,2% so với cùng kỳ.\n", encoding="utf-8")
    got = {(q.indicator, q.value, q.percent_of_plan) for q in extract_file(doc).quantities if q.category == "result"}
    assert ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", 21400, 23.8) in got

"""Results stated as an action and its count, not as "<indicator> <value> <unit>": the count after the action
("Giới thiệu việc làm cho 540 lượt lao động", "... được 520 triệu đồng"), the count as the verb's object ("đón
khoảng 118.000 lượt khách"), the share first and the count after ("Hoàn thành 100% chỉ tiêu ... với 210 thanh
niên"), a bullet of an indicator and its bare figure beside reported ones. A district's report and resolution
(linked), a commune's report and a town's quarterly report (other places and levels: linked to nothing)."""
from pathlib import Path

import pytest
from conftest import progress_rows

from kg.extract import document_context
from kg.extract.recognise.numbers import as_quota_share, find_measures
from kg.extract.recognise.quantities import find_quantities
from kg.extract.recognise.target_lists import is_head
from kg.extract.structure import parse_header

DATA = Path(__file__).resolve().parent / "data" / "progress_action"
NEWS = Path(__file__).resolve().parent / "data" / "results_news"


def _quantities(name: str, category: str, data: Path = DATA) -> list[tuple]:
    text = (data / name).read_text(encoding="utf-8")
    qs = find_quantities(document_context(text, parse_header(text), len(text), []))
    return [(q.indicator, q.value, q.unit, q.percent_of_plan) for q in qs if q.category == category]


@pytest.mark.parametrize("name, expected", [
    ("qx_2024_6m_report.txt", [
        ("Số lượt lao động được giới thiệu việc làm", 540, "lượt", 60),
        ("Số hộ nghèo, hộ cận nghèo được hỗ trợ xây mới, sửa chữa nhà ở", 57, "hộ", 38),
    ]),
    ("tp_2023_commune_report.txt", [
        ("Số lượt người được tư vấn, giới thiệu việc làm", 215, "lượt", 107.5),
        ("Số người thuộc hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế", 1245, "người", 100),
    ]),
    ("nh_2025_q1_report.txt", [
        ("Số lao động được giải quyết việc làm", 410, "lao động", 27.3),
        ("Số giấy chứng nhận quyền sử dụng đất được cấp đổi", 215, "giấy chứng nhận", None),
        ("Số lượt người được tư vấn nghề", 780, "lượt", None),  # the action after the clause with another count
        ("Số lượt con gia súc được tiêm phòng", 12400, "lượt", None),  # "Kết quả" says how, not what was done
    ]),
])
def test_a_count_after_its_action_counts_those_it_was_done_for(name, expected):
    got = _quantities(name, "result")
    for row in expected:
        assert row in got


@pytest.mark.parametrize("name, expected", [
    ("qx_2024_6m_report.txt", [('Vận động Quỹ "Vì người nghèo"', 520, "triệu đồng", 65)]),
    ("tp_2023_commune_report.txt", [
        ("Vận động ủng hộ Quỹ Đền ơn đáp nghĩa", 96, "triệu đồng", 120),  # "đạt 120% chỉ tiêu." is a share
        ("Số hợp tác xã được thành lập mới", 2, "hợp tác xã", 100),
    ]),
    ("nh_2025_q1_report.txt", [  # how the visitors came is not what is counted
        ("Số lượt người tham gia các phiên giao dịch việc làm (thu hút)", 1150, "lượt", 28.8),
    ]),
])
def test_what_an_action_yielded_after_duoc(name, expected):
    got = _quantities(name, "result")
    for row in expected:
        assert row in got


@pytest.mark.parametrize("name, expected", [
    ("qx_2024_6m_report.txt", [
        ("Lượt khách du lịch", 118000, "lượt", None),  # "du lịch" from the heading
        ("Số doanh nghiệp được thành lập mới", 14, "doanh nghiệp", None),
        ("Số giấy chứng nhận đăng ký hộ kinh doanh được cấp", 620, "giấy chứng nhận", None),
    ]),
    ("nh_2025_q1_report.txt", [
        ("Lượt khách du lịch", 52000, "lượt", None),
        ("Tốc độ tăng lượt khách du lịch", 15, "%", None),  # the growth after the count is the visitors'
        ("Lượt khách lưu trú", 18400, "lượt", 23),
        ("Số thanh niên nhập ngũ", 165, "thanh niên", 100),  # who handed them over is not what is counted
    ]),
    ("tp_2023_commune_report.txt", [
        ("Số thanh niên nhập ngũ", 12, "thanh niên", 100),  # "đạt 100% chỉ tiêu huyện giao"
        ("Trồng mới rừng tập trung", 24, "ha", 80),
    ]),
])
def test_a_count_as_the_object_of_its_verb(name, expected):
    got = _quantities(name, "result")
    for row in expected:
        assert row in got


@pytest.mark.parametrize("name, expected", [
    ("qx_2024_6m_report.txt", [("Số thanh niên nhập ngũ", 210, "thanh niên", 100)]),
    ("tp_2023_commune_report.txt", [
        ("Lượt khách du lịch", 64300, "lượt", 52),  # where and why they came is not who they are
        ("Số sản phẩm OCOP được công nhận", 3, "sản phẩm", 100),
    ]),
])
def test_the_share_first_then_the_count_it_was_reached_with(name, expected):
    got = _quantities(name, "result")
    for row in expected:
        assert row in got
    # the share the account states is no goal (a goal word makes one in the part on the months ahead)
    assert not [t for t in _quantities(name, "target") if t[2] == "% chỉ tiêu" or t[2] == "% kế hoạch năm"]


@pytest.mark.parametrize("name, expected", [
    ("qx_2024_6m_report.txt", [("Diện tích nuôi trồng thủy sản", 3020, "ha", None), ("Tổng đàn lợn", 48500, "con", None)]),
    ("tp_2023_commune_report.txt", [
        ("Diện tích gieo trồng cây hằng năm", 415, "ha", None), ("Tổng đàn gia cầm", 62000, "con", None),
    ]),
    ("nh_2025_q1_report.txt", [("Sản lượng thủy sản khai thác", 4250, "tấn", None)]),
])
def test_a_bare_figure_beside_reported_ones(name, expected):
    got = _quantities(name, "result")
    for row in expected:
        assert row in got


def test_a_news_item_reports_what_its_sentences_say_was_reached():
    got = _quantities("hm_2025_q1_news.txt", "result", NEWS)
    for row in [("Lượt khách du lịch", 41500, "lượt", None),  # "tăng 9% so với cùng kỳ": a report of the quarter
                ("Số hộ nghèo, hộ cận nghèo được hỗ trợ xây mới, sửa chữa nhà ở", 26, "hộ", 32.5),
                ("Số lượt lao động được giới thiệu việc làm", 430, "lượt", 28.7),
                ("Số thanh niên nhập ngũ", 96, "thanh niên", None)]:
        assert row in got
    assert not {r[1] for r in got} & {60000, 30}  # the next quarter's aims


def test_counts_that_are_not_outcomes_are_no_results():
    # a date and a document's number, a budget for a plan's work ("phân bổ 2.850 triệu đồng để hỗ trợ ... cho 93
    # hộ"), the months ahead ("Tiếp tục hỗ trợ ... cho 93 hộ", "Phấn đấu ... với 280 lượt"), the area of the
    # commune and its people, a decision's "cho 18 hộ", budgets ("Tổng kinh phí hỗ trợ cho 37 hộ là ..."),
    # a list of next year's goals
    assert not {r[1] for r in _quantities("qx_2024_6m_report.txt", "result")} & {2850, 93, 360, 280, 37, 1750}
    assert not {r[1] for r in _quantities("tp_2023_commune_report.txt", "result")} & {1845, 9620, 18, 720, 250, 100, 14, 20}
    # who received ("hộ gia đình, cá nhân được 340 giấy") is no action; another place's visitors ("Thị xã Nghi Sơn
    # đón 15.000 lượt khách") are not the district's
    assert not {r[1] for r in _quantities("nh_2025_q1_report.txt", "result")} & {60000, 500, 340}
    assert not [r for r in _quantities("nh_2025_q1_report.txt", "result") if "lần đầu" in r[0]]  # "tổ chức được 12"
    assert 15000 not in {r[1] for r in _quantities("qx_2024_6m_report.txt", "result")}
    assert not _quantities("qx_2024_resolution.txt", "result")
    assert ("Số lượt người (giới thiệu việc làm)", 250, "lượt", None) in _quantities("tp_2023_commune_report.txt", "target")


def test_a_quota_share_is_read_in_a_report_only():
    text = "Tuyển quân đạt 100% chỉ tiêu. Giao quân đạt 100% chỉ tiêu huyện giao; 100% chỉ tiêu chủ yếu đạt."
    got = [as_quota_share(text, m) for m in find_measures(text)]
    assert [(m.unit, text[m.start : m.end]) for m in got] == [
        ("% chỉ tiêu", "100% chỉ tiêu"), ("% chỉ tiêu", "100% chỉ tiêu"), ("%", "100%")]
    assert [m.unit for m in find_measures(text)] == ["%", "%", "%"]  # a goal's "100% chỉ tiêu" is its value


@pytest.mark.parametrize("line, head", [
    ("Hoàn thành 100% chỉ tiêu giao quân năm 2024 với 210 thanh niên nhập ngũ.", False),
    ("Giao 12 thanh niên nhập ngũ, đạt 100% chỉ tiêu huyện giao.", False),
    ("Tuyển quân đạt 100% chỉ tiêu.", True),
    ("Các chỉ tiêu chủ yếu năm 2024", True),
])
def test_a_line_reporting_a_quota_reached_heads_no_list(line, head):
    assert is_head(line) is head


def test_the_results_meet_the_targets_of_their_place(tmp_path):
    rows = progress_rows(DATA, tmp_path / "store")
    got = sorted((x["target_indicator"], x["result_indicator"], x["result_value"], x["result_unit"],
                  round(float(x["percent"]), 1)) for x in rows)
    assert got == [
        ("Diện tích nuôi trồng thủy sản", "Diện tích nuôi trồng thủy sản", "3020", "ha", 97.4),
        ("Sản lượng thủy sản", "Sản lượng thủy sản", "19860", "tấn", 49.0),
        ("Số doanh nghiệp (số doanh nghiệp thành lập mới)", "Số doanh nghiệp được thành lập mới", "14", "doanh nghiệp",
         46.7),
        ("Số hộ nghèo, hộ cận nghèo được hỗ trợ xây mới, sửa chữa nhà ở",
         "Số hộ nghèo, hộ cận nghèo được hỗ trợ xây mới, sửa chữa nhà ở", "57", "hộ", 38.0),
        ("Số lượt lao động (giới thiệu việc làm)", "Số lượt lao động được giới thiệu việc làm", "540", "lượt", 60.0),
        ("Số thanh niên nhập ngũ", "Số thanh niên nhập ngũ", "210", "thanh niên", 100.0),
        ("Tổng lượt khách du lịch", "Lượt khách du lịch", "118000", "lượt", 47.2),
        ('Vận động Quỹ "Vì người nghèo"', 'Vận động Quỹ "Vì người nghèo"', "520", "triệu đồng", 65.0),
        # the commune's and the town's figures meet none of the district's targets
    ]
    assert {x["target_source"] for x in rows} == {"qx_2024_resolution.txt"}

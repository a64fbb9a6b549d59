"""Reported results written figure first, parts of a reported whole, and levels a report says were raised: a
city's plan and report, a district's report (another place and level), a province's resolution and report. Each
result is read from its report, and the links each makes (or must not make) are listed in full."""
from pathlib import Path

import pytest
from conftest import progress_rows

from kg.extract import document_context
from kg.extract.recognise.quantities import find_quantities
from kg.extract.structure import parse_header

DATA = Path(__file__).resolve().parent / "data" / "progress_figfirst"


def _results(name: str) -> list[tuple]:
    text = (DATA / name).read_text(encoding="utf-8")
    qs = find_quantities(document_context(text, parse_header(text), len(text), []))
    return [(q.indicator, q.value, q.unit, q.percent_of_plan) for q in qs if q.category == "result"]


def _values(name: str) -> set[float]:
    return {r[1] for r in _results(name)}


@pytest.mark.parametrize("name, expected", [
    ("ht_2024_6m_report.txt", [
        ("Lượt khách tham quan, du lịch", 285.6, "nghìn lượt", 54.9),
        ("Số hộ nghèo, hộ cận nghèo được hỗ trợ xây dựng, sửa chữa nhà ở", 68, "hộ", 56.7),
        ("Số lao động được giải quyết việc làm", 1240, "lao động", 62),
    ]),
    ("kl_2024_6m_report.txt", [  # "trên địa bàn huyện": where, not what
        ("Lượt khách tham quan, du lịch", 120.4, "nghìn lượt", 48.2),
        ("Số hộ nghèo, hộ cận nghèo được hỗ trợ sửa chữa nhà ở", 35, "hộ", 50),
    ]),
    ("qb_2025_9m_report.txt", [("Số lao động được giải quyết việc làm", 13560, "lao động", 75.3)]),
])
def test_a_figure_first_names_what_it_counts_after_its_unit(name, expected):
    got = [r for r in _results(name) if r[3] is not None]
    for row in expected:
        assert row in got


def test_a_part_of_a_reported_whole_is_a_result_of_its_own():
    got = _results("qb_2025_9m_report.txt")
    assert ("Khách du lịch quốc tế", 262, "nghìn lượt", None) in got  # the whole's noun, the part's qualifier
    assert ("Sản lượng thủy sản khai thác", 47100, "tấn", None) in got
    # a verb, not a part that names itself ("trong đó đã khởi tố 41 vụ"); the next period's part is a goal
    assert not _values("qb_2025_9m_report.txt") & {41, 350}


def test_levels_raised_and_counts_done_for_in_a_report_own_account():
    assert ("Tỷ lệ trường đạt chuẩn quốc gia", 85.7, "%", None) in _results("ht_2024_6m_report.txt")
    assert ("Số người được đào tạo nghề", 870, "người", None) in _results("ht_2024_6m_report.txt")
    assert ("Tỷ lệ che phủ rừng", 68.1, "%", None) in _results("qb_2025_9m_report.txt")
    kl = _results("kl_2024_6m_report.txt")
    assert ("Số hộ được hỗ trợ vốn vay", 64, "hộ", None) in kl
    assert ("Số lao động được giải quyết việc làm", 530, "lao động", None) in kl
    assert ("Tỷ trọng thương mại - dịch vụ", 41.5, "%", None) in kl
    # "tiếp tục nâng ... lên 46%", a count no verb says was done, the part on the months ahead (with or without
    # its year), a goal ("Phấn đấu nâng ... lên 90%"): not results
    assert not _values("ht_2024_6m_report.txt") & {46, 500, 90, 630, 95}
    assert not _values("kl_2024_6m_report.txt") & {300, 600}
    assert not _values("qb_2025_9m_report.txt") & {68.5, 5.2}
    assert not _results("ht_2024_plan.txt") and not _results("qb_2025_resolution.txt")  # a plan says what to raise


def test_the_results_meet_the_targets_of_their_place_only(tmp_path):
    rows = progress_rows(DATA, tmp_path / "store")
    got = sorted((x["target_source"][:2], x["target_indicator"], x["result_value"], x["result_unit"],
                  round(float(x["percent"]), 1)) for x in rows)
    assert got == [
        ("ht", "Số hộ nghèo, hộ cận nghèo được hỗ trợ xây dựng, sửa chữa nhà ở", "68", "hộ", 56.7),
        ("ht", "Số lao động được giải quyết việc làm", "1240", "lao động", 62.0),
        ("ht", "Số lượt khách tham quan, du lịch (đón)", "285.6", "nghìn lượt", 54.9),
        ("ht", "Số người (số người được đào tạo nghề)", "870", "người", 58.0),
        ("ht", "Tỷ lệ trường đạt chuẩn quốc gia", "85.7", "%", 95.2),
        ("qb", "Số lao động được giải quyết việc làm", "13560", "lao động", 75.3),
        ("qb", "Tổng lượt khách du lịch", "4.1", "triệu lượt", 78.8),
        ("qb", "Tổng lượt khách du lịch - số lượt (khách quốc tế)", "262", "nghìn lượt", 74.9),
        ("qb", "Tổng sản lượng thủy sản", "71300", "tấn", 75.0),
        ("qb", "Tổng sản lượng thủy sản - sản lượng khai thác", "47100", "tấn", 76.0),
        ("qb", "Tỷ lệ che phủ rừng", "68.1", "%", 99.4),
        # the district's figures (Kiên Lương) meet none of the city's targets
    ]

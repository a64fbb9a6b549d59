"""A report's figures dated by what its title reports on (not by the date of the resolution the title cites, nor
by the whole year), and months counted up to one ("đến hết tháng 6") from the start of the year: the periods that
kept a result from the target it measures."""
from pathlib import Path

import pytest
from conftest import progress_links

from kg.extract import extract_file
from kg.extract.recognise.quantities import title_period

DATA = Path(__file__).resolve().parent / "data" / "progress_periods"


def _links(folder: str, tmp_path) -> list[tuple]:
    return progress_links(DATA / folder, tmp_path / "store")


@pytest.mark.parametrize("title, fallback, period", [
    # the resolution's date and the look-ahead part are not what the report is about
    (("Tình hình thực hiện Nghị quyết số 45/NQ-HĐND ngày 12/12/2024 của HĐND thị xã về nhiệm vụ phát triển kinh tế"
     " - xã hội 6 tháng đầu năm 2025; nhiệm vụ, giải pháp 6 tháng cuối năm 2025"), None, "2025-01/2025-06"),
    (("Tình hình thực hiện Nghị quyết số 12/NQ-HĐND ngày 08 tháng 12 năm 2023 về kế hoạch năm 2024; kết quả 9 tháng"
     " đầu năm"), None, "2024-01/2024-09"),
    # a period without its year takes the title's
    (("Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm; nhiệm vụ, giải pháp 6 tháng cuối"
     " năm 2024"), None, "2024-01/2024-06"),
    ("Tình hình kinh tế - xã hội quý I, nhiệm vụ trọng tâm quý II năm 2025", None, "2025-Q1"),
    ("Triển khai Nghị quyết số 120/NQ-HĐND ngày 20/12/2024 của HĐND thành phố về nhiệm vụ năm 2025", None, "2025"),
    ("Về mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2024", None, "2024"),
    ("Phương hướng, nhiệm vụ trọng tâm", "2023", "2023"),
    ("Số 15/2021/NQ-HĐND", None, None),
])
def test_the_period_a_title_reports_on(title, fallback, period):
    assert title_period(title, fallback) == period


def test_a_report_dates_its_figures_by_its_title():
    """A report on the first half of 2025 whose title cites a resolution of December 2024; one on the first half of
    2024 whose title names the year only at its end; a heading in capitals ("6 THÁNG ĐẦU NĂM 2025")."""
    got = {(q.indicator, q.period) for name in ("dm_2025_6m_report.txt", "dm_2024_6m_report.txt")
           for q in extract_file(DATA / name).quantities}
    assert {p for _, p in got if p.startswith("2025")} == {"2025-01/2025-06"}
    assert {p for _, p in got if not p.startswith("2025")} == {"2024-01/2024-06"}


def test_periods_that_block_no_link(tmp_path):
    """The town's growth of value added (its words all generic but one term) measured against the plan's, 'giá so
    sánh 2010' no word of it; communes recognised 'đến hết tháng 6' count from January; the 2024 report measures
    no 2025 target."""
    assert _links(".", tmp_path) == [
        ("dm_2025_resolution.txt", "Số xã đạt chuẩn nông thôn mới (có thêm)", "dm_2025_6m_report.txt", "2",
         "2025-01/2025-06", 50.0, "on track"),
        ("dm_2025_resolution.txt", "Tốc độ tăng trưởng giá trị tăng thêm (theo giá so sánh 2010)",
         "dm_2025_6m_report.txt", "9.8", "2025-01/2025-06", None, "needs acceleration"),
        ("dm_2025_resolution.txt", "Tổng vốn đầu tư phát triển toàn xã hội", "dm_2025_6m_report.txt", "1450",
         "2025-01/2025-06", 45.3, "needs acceleration"),
    ]

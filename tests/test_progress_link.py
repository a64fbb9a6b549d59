"""A result and the target it measures, both read, linked when they are one indicator said two ways: a whole
with its parts, visitors drawn or received, an item under a heading that says less, the action a count was done
for, the places a work was done in. Different indicators stay apart: a part and its whole, exports and the trade
total, one commune's works and the district's target."""
from pathlib import Path

import pytest
from conftest import progress_links

from kg.graph.indicators import indicator_key, indicators_match, whole_with_parts

DATA = Path(__file__).resolve().parent / "data" / "progress_link"


def _links(folder: str, tmp_path) -> list[tuple]:
    return progress_links(DATA / folder, tmp_path / "store")


def test_one_indicator_said_two_ways(tmp_path):
    """The whole said with its parts, the item under a heading that says less ('khách' / 'khách du lịch'), jobs
    'Công tác giải quyết việc làm' brought about, two works on one object ('xây mới, sửa chữa nhà ở') each meet the
    province's target; a part (aquaculture alone, in the province or one district) and the trade total meet none."""
    assert _links("identity", tmp_path) == [
        ("hl_2025_resolution.md", "Sản lượng thủy sản", "hl_2025_6m_report.txt", "251000", "2025-01/2025-06", 48.3,
         "needs acceleration"),
        ("hl_2025_resolution.md", "Số hộ nghèo hộ cận nghèo (hỗ trợ xây mới, sửa chữa nhà ở)", "hl_2025_6m_report.txt",
         "460", "2025-01/2025-06", 51.1, "on track"),
        ("hl_2025_resolution.md", "Số lao động được giải quyết việc làm", "hl_2025_6m_report.txt", "13000",
         "2025-01/2025-06", 52.0, "on track"),
        ("hl_2025_resolution.md", "Tổng lượt khách du lịch", "hl_2025_6m_report.txt", "1.7", "2025-01/2025-06", 53.1,
         "on track"),
        ("hl_2025_resolution.md", "Tổng lượt khách du lịch - số lượt (khách quốc tế)", "hl_2025_6m_report.txt", "210",
         "2025-01/2025-06", 52.5, "on track"),
    ]


def test_where_a_work_was_done_is_not_what(tmp_path):
    """Roads hardened in three named communes are the district's roads; canals lined in one commune are that
    commune's; tourists the district drew are the tourists it received."""
    assert _links("works", tmp_path) == [
        ("vk_2025_resolution.txt", "Cứng hóa thêm đường giao thông nông thôn", "vk_2025_9m_report.txt", "5.4",
         "2025-01/2025-09", 45.0, "needs acceleration"),
        ("vk_2025_resolution.txt", "Thu hút khách du lịch", "vk_2025_9m_report.txt", "212000", "2025-01/2025-09",
         70.7, "needs acceleration"),
    ]


@pytest.mark.parametrize("parted, whole, meets", [
    ("Tổng sản lượng thủy sản khai thác và nuôi trồng", "Sản lượng thủy sản", True),
    ("Trồng rừng sản xuất tập trung và phân tán", "Trồng rừng sản xuất", True),
    ("Sản lượng thủy sản nuôi trồng", "Sản lượng thủy sản", False),  # one part
    ("Sản lượng thủy sản khai thác và nuôi trồng", "Sản lượng thủy sản nuôi trồng", False),  # the whole, a part
    ("Giá trị sản xuất công nghiệp và xây dựng", "Giá trị sản xuất", False),  # a sector
    ("Trồng rừng tập trung và phân tán", "Trồng rừng tập trung", False),
])
def test_a_whole_with_its_parts(parted, whole, meets):
    assert whole_with_parts(indicator_key(whole), indicator_key(parted)) is meets


@pytest.mark.parametrize("label, tokens", [
    ("Cứng hóa đường giao thông nông thôn tại các xã Hòa An, Hòa Bình", "cứng hóa đường giao thông nông thôn"),
    ("Lát vỉa hè trên các tuyến đường Trần Phú, Lê Lợi và Bạch Đằng", "lát vỉa hè"),
    # one commune's figure, a part of a whole, districts of a province: where is what
    ("Cứng hóa đường giao thông nông thôn tại xã Hòa An", "cứng hóa đường giao thông nông thôn tại xã hòa an"),
    ("Cứng hóa đường - cứng hóa đường tại các xã Hòa An, Hòa Bình", "cứng hóa đường tại xã hòa an bình"),
    ("Thu ngân sách tại các huyện Hòa An, Hòa Bình", "thu ngân sách tại huyện hòa an bình"),
])
def test_places_a_work_was_done_in(label, tokens):
    assert indicator_key(label).text == tokens


@pytest.mark.parametrize("result, target, meets", [
    ("Tổng lượt khách đến Bát Xát", "Tổng lượt khách du lịch", True),  # the visitors a place received
    ("Tổng lượt khách đến Hội An", "Lượng khách du lịch", True),
    ("Tổng lượt khách đến Bát Xát", "Tổng lượt khách quốc tế", False),  # not the foreign ones only
    ("Lượng khách đến tham quan", "Tổng lượt khách du lịch", False),  # no place named: not read so
])
def test_visitors_to_a_place_are_its_tourists(result, target, meets):
    assert (indicators_match(indicator_key(target), indicator_key(result)) is not None) is meets

"""Responsibilities whose object is a target of the document, or a project an investor table or heading names."""
import csv
import io
import json

import pytest
from conftest import DATA, build_store

from kg.extract import extract_file
from kg.extract.recognise.target_objects import targets_named
from kg.extract.records import Quantity

EXPECTED = json.loads((DATA / "resp_objects_expected.json").read_text(encoding="utf-8"))
DOCS = [k for k in EXPECTED if not k.startswith("_")]


def _matches(r, agency, role, kind, obj) -> bool:
    return (agency in r.agency and r.role == role and r.object_kind == kind
            and (r.object.startswith(obj) if kind in ("project", "programme") else r.object == obj))


@pytest.mark.parametrize("name", DOCS)
def test_expected_objects(name):
    got = [r for r in extract_file(DATA / name).responsibilities if not r.inferred]
    for agency, role, kind, obj, deadline in EXPECTED[name]["rows"]:
        hits = [r for r in got if _matches(r, agency, role, kind, obj)]
        assert hits, f"missing {agency} {role} {kind}:{obj} in {[(r.agency, r.role, r.object_kind, r.object) for r in got]}"
        assert hits[0].deadline == deadline, (agency, role, obj, hits[0].deadline)
    for agency, what in EXPECTED[name]["absent"]:  # an object kind or a role
        assert not [r for r in got if r.agency.startswith(agency) and what in (r.object_kind, r.role)], (agency, what)
    # every target object and every investor is one the rows expect: a near-miss names none
    rows = EXPECTED[name]["rows"]
    assert not [(r.agency, r.role, r.object) for r in got if (r.object_kind == "target" or r.role == "investor")
                and not any(_matches(r, a, ro, k, o) for a, ro, k, o, _d in rows)]


def _target(indicator: str, value_text: str, unit: str) -> Quantity:
    return Quantity("target", indicator, 0.0, None, "eq", unit, value_text, "2024", 0, 0)


@pytest.mark.parametrize("text,expected", [
    ("thực hiện chỉ tiêu giảm tỷ lệ hộ nghèo", ["Tỷ lệ hộ nghèo giảm"]),
    ("thực hiện chỉ tiêu giảm nghèo, hoàn thành trong năm 2024", ["Tỷ lệ hộ nghèo giảm"]),
    ("thực hiện chỉ tiêu Tổng lượt khách du lịch và chỉ tiêu giảm tỷ lệ hộ nghèo",
     ["Tổng lượt khách du lịch", "Tỷ lệ hộ nghèo giảm"]),
    ("tổ chức thu ngân sách nhà nước năm 2024 đạt 14.200 tỷ đồng", ["Thu ngân sách nhà nước trên địa bàn"]),
    ("tổng hợp kết quả thực hiện các chỉ tiêu", []),  # no indicator
    ("thực hiện chỉ tiêu tỷ lệ đô thị hóa", []),  # not a target of this document
    ("hoàn thành chỉ tiêu được giao", []),
    ("đạt 14.200 tỷ đồng vốn đầu tư công", []),  # the figure without the indicator's words
    # the figure first, the indicator's words after it
    ("tổ chức các sự kiện cuối năm, phấn đấu đón 9,5 triệu lượt khách du lịch trong năm 2024",
     ["Tổng lượt khách du lịch"]),
    ("bảo đảm đón 9,5 triệu lượt khách lưu trú", []),  # other words after it
    # one "chỉ tiêu" before two indicators joined by "và": each must name a target
    ("chịu trách nhiệm chỉ tiêu thu ngân sách nhà nước và giảm tỷ lệ hộ nghèo",
     ["Thu ngân sách nhà nước trên địa bàn", "Tỷ lệ hộ nghèo giảm"]),
    ("chịu trách nhiệm chỉ tiêu thu ngân sách nhà nước và tỷ lệ đô thị hóa", []),
])
def test_targets_named(text, expected):
    targets = [_target("Tổng lượt khách du lịch", "9,5", "triệu lượt"),
               _target("Thu ngân sách nhà nước trên địa bàn", "14.200", "tỷ đồng"),
               _target("Tỷ lệ hộ nghèo giảm", "0,5", "%")]
    assert [r.indicator for r in targets_named(text, 0, len(text), targets)] == expected


@pytest.mark.parametrize("text,others,expected", [
    # a short name whose words one indicator holds in full, and no other
    ("chủ trì thực hiện chỉ tiêu giảm nghèo", ["Tỷ lệ hộ cận nghèo"], ["Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn"]),
    # two indicators hold them: no guess
    ("chủ trì thực hiện chỉ tiêu giảm nghèo", ["Số hộ nghèo được hỗ trợ giảm lãi suất vay"], []),
    ("chủ trì thực hiện chỉ tiêu nghèo", ["Tỷ lệ hộ cận nghèo"], []),  # one word says too little
])
def test_a_short_name_held_by_one_indicator(text, others, expected):
    targets = [_target("Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn", "0,8", "%")] + [_target(x, "5", "%") for x in others]
    assert [r.indicator for r in targets_named(text, 0, len(text), targets)] == expected


def test_an_aim_a_body_is_given_is_a_target():
    """'giao X chủ trì ..., bảo đảm thu ... đạt N', 'X chịu trách nhiệm ... hoàn thành trồng mới N ha ... trong tháng
    12/2025' set targets; 'đã bảo đảm', 'đã trồng mới' and a 'hoàn thành' with no time are not goals."""
    got = {(q.indicator, q.value_text): q for q in extract_file(DATA / "resp_target_given_aim_province_news.md").quantities}
    assert got[("Thu ngân sách nhà nước trên địa bàn", "3.150")].category == "target"
    assert got[("Thu ngân sách nhà nước trên địa bàn", "3.150")].comparator == "gte"
    assert got[("Trồng mới quế", "820")].category == "target"
    assert got[("Kế hoạch trồng rừng sản xuất", "4.200")].category == "target"  # "bảo đảm hoàn thành ... Quý III"
    # the goal named before its figure: "thực hiện chỉ tiêu tỷ lệ ... năm 2025 (94,2%)"
    assert got[("Tỷ lệ dân số tham gia bảo hiểm y tế năm 2025", "94,2")].category == "target"
    others = [q for (_i, v), q in got.items() if v in ("2.310", "540", "900", "12")]
    assert others and not [q for q in others if q.category == "target"]


def test_a_target_object_reaches_the_store_and_the_query(tmp_path):
    from kg.graph.query import format_results, run_query
    from kg.graph.store import LocalStore

    store = LocalStore(build_store([DATA / "resp_target_news.md"], tmp_path / "store"))
    rows = list(csv.DictReader(io.StringIO(format_results(run_query(store, "responsibilities"), "csv"))))
    row = next(r for r in rows if r["object_kind"] == "target" and r["role"] == "lead" and "Tài chính" in r["agency"])
    assert row["object"] == "Thu ngân sách nhà nước trên địa bàn"
    q = """PREFIX kgo: <https://w3id.org/kg-vn/ont#>
           SELECT ?ind WHERE { GRAPH ?g { ?r a kgo:Responsibility ; kgo:objectKind "target" ; kgo:responsibilityFor ?t .
                                          ?t a kgo:Target ; kgo:indicator ?ind } }"""
    assert {b[0].value for b in store.query(q).rows} == {"Thu ngân sách nhà nước trên địa bàn", "Tổng lượt khách du lịch"}


def test_works_column_of_an_investor_table_names_projects():
    from kg.extract import extract_text

    text = ("BÁO CÁO\nCác công trình năm 2025\n\n| TT | Công trình | Chủ đầu tư |\n|---|---|---|\n"
            "| 1 | Trường Mầm non Hoa Mai | UBND xã Hòa Bình |\n| 2 | Sửa chữa các tuyến đường nội đồng | UBND xã Hòa Bình |\n"
            "| 3 | Bệnh viện đa khoa huyện | Sở Y tế |\n\n| TT | Trường | Ghi chú |\n|---|---|---|\n| 1 | Trường Tiểu học Kim Đồng | |\n")
    projects = {n.name for n in extract_text(text).named if n.category == "project"}
    # a named work in the works column is a project; an activity, a work without a name and a cell of a table
    # that names no investors are not
    assert projects == {"Trường Mầm non Hoa Mai"}


@pytest.mark.parametrize("text,name", [
    ("Trạm Khuyến nông huyện Đức Trọng hướng dẫn kỹ thuật.", "Trạm Khuyến nông huyện Đức Trọng"),
    ("Đội Thuế liên phường Hải Châu - Thanh Khê chủ trì thu thuế.", "Đội Thuế liên phường Hải Châu - Thanh Khê"),
    ("Đội Thuế liên xã A Lưới - Hồng Vân - Bắc Sơn đôn đốc thu nộp.", "Đội Thuế liên xã A Lưới - Hồng Vân - Bắc Sơn"),
    ("Thuế tỉnh Gia Lai chủ trì thu ngân sách.", "Thuế tỉnh Gia Lai"),
    ("Thuế cơ sở 3 tỉnh Gia Lai phối hợp thu nợ thuế.", "Thuế cơ sở 3 tỉnh Gia Lai"),
    ("Ban Giám sát đầu tư của cộng đồng xã Ia Băng giám sát công trình.",
     "Ban Giám sát đầu tư của cộng đồng xã Ia Băng"),
])
def test_names_of_local_bodies_are_read_whole(text, name):
    from kg.extract import extract_text

    assert name in [a.name for a in extract_text("BÁO CÁO\n" + text).agencies]


@pytest.mark.parametrize("text", [
    "Đội Thuế xã Tân Phú - nơi có nhiều hộ kinh doanh - thu vượt dự toán.",  # no 'liên': one commune's team
    "Số thu nộp thuế tỉnh năm nay tăng 12%.",  # tax, not the tax department
    "Thu thuế cơ sở kinh doanh tăng 8%.",
])
def test_no_longer_name_than_written(text):
    from kg.extract import extract_text

    names = [a.name for a in extract_text("BÁO CÁO\n" + text).agencies]
    assert not [n for n in names if "-" in n or n.startswith("Thuế")]


def test_a_target_table_gives_each_row_s_target_to_its_body(tmp_path):
    """A decision's table of targets with a column of the bodies that follow them: each body leads its row's
    target; an assignment table without a unit column keeps its rows as tasks."""
    doc = tmp_path / "qd.md"
    doc.write_text(
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỘI AN\n\nSố: 512/QĐ-UBND\n\nHội An, ngày 05 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Về việc giao chỉ tiêu kế hoạch năm 2024\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Giao chỉ tiêu kế hoạch năm 2024:\n\n"
        "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 | Cơ quan chủ trì theo dõi |\n|---|---|---|---|---|\n"
        "| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 980 | Phòng Tài chính - Kế hoạch |\n"
        "| 2 | Lượt khách du lịch | lượt | 4.500.000 | Phòng Văn hóa và Thông tin |\n\n"
        "Điều 2. Tổ chức thực hiện\n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Rà soát nguồn thu | Phòng Tài chính - Kế hoạch | Chi cục Thuế khu vực Hội An | Quý I/2024 |\n",
        encoding="utf-8")
    got = {(r.agency.split(" thành phố")[0], r.role, r.object_kind, r.object)
           for r in extract_file(doc).responsibilities if not r.inferred}
    assert ("Phòng Tài chính - Kế hoạch", "lead", "target", "Thu ngân sách nhà nước trên địa bàn") in got
    assert ("Phòng Văn hóa và Thông tin", "lead", "target", "Lượt khách du lịch") in got
    assert ("Phòng Tài chính - Kế hoạch", "lead", "task", "1") in got
    assert not any(kind == "task" and body == "Phòng Văn hóa và Thông tin" for body, _r, kind, _o in got)

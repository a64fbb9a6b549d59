"""Lineage as documents of other provinces and levels phrase it: each document in tests/data/lineage has the
complete set of links it states (nothing more, nothing less)."""
import json
from pathlib import Path

import pytest

from kg.extract import extract_file, extract_text
from kg.extract.structure import parse_header

DATA = Path(__file__).parent / "data" / "lineage"
DOCS = sorted(p.name.removesuffix(".expected.json") for p in DATA.glob("*.expected.json"))


def _end(e) -> str:
    return {"this": "this", "directive": e.key}.get(e.kind) or f"{e.kind}:{e.key}"


def rows(ex) -> set[tuple[str, str, str]]:
    return {(_end(l.child), _end(l.parent), l.relation) for l in ex.lineage}


def _same_end(a: str, b: str) -> bool:
    """Numbers and 'this' are equal; plan and law labels are one name when the words of one hold the other's
    (where a programme's name stops is the programme recogniser's business)."""
    if a == b:
        return True
    ka, _, la = a.partition(":")
    kb, _, lb = b.partition(":")
    if ka != kb or ka not in ("plan", "law"):
        return False
    wa, wb = set(la.lower().split()), set(lb.lower().split())
    return wa <= wb or wb <= wa


def _same(x, y) -> bool:
    return x[2] == y[2] and _same_end(x[0], y[0]) and _same_end(x[1], y[1])


@pytest.mark.parametrize("stem", DOCS)
def test_document_lineage_is_exactly_what_it_states(stem):
    expected = [tuple(r) for r in json.loads((DATA / f"{stem}.expected.json").read_text(encoding="utf-8"))["lineage"]]
    got = sorted(rows(extract_file(DATA / f"{stem}.txt")))
    assert len(got) == len(expected), f"{len(got)} links, {len(expected)} expected: {got}"
    assert [g for g in got if not any(_same(g, e) for e in expected)] == [], "links the text does not state"
    assert [e for e in expected if not any(_same(g, e) for g in got)] == [], "links the text states but were missed"


def _report(body: str, head: str = "ỦY BAN NHÂN DÂN\nHUYỆN CÙ LAO DUNG\n\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2023\n\n") -> set:
    return rows(extract_text(head + body, source="r.txt"))


def test_preamble_clauses_that_are_not_a_legal_basis():
    text = ("QUYẾT ĐỊNH\nVề việc giao chỉ tiêu năm 2024\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Theo đề nghị của Giám đốc Sở Tài chính "
            "tại Tờ trình số 77/TTr-STC ngày 02/01/2024;\n"
            "Sau khi xem xét Tờ trình số 80/TTr-SKHĐT ngày 03/01/2024 của Sở Kế hoạch và Đầu tư.\n\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Giao chỉ tiêu.\n")
    got = rows(extract_text(text, source="q.txt"))
    assert got == {("this", "law:Luật Tổ chức chính quyền địa phương 2015", "based_on")}


def test_based_on_only_in_the_preamble():
    body = ("I. KẾT QUẢ\nCăn cứ Kế hoạch số 15/KH-UBND ngày 02/02/2023 của UBND huyện, các xã đã tổ chức ra quân.\n")
    assert not any(r[2] == "based_on" for r in _report(body))


def test_anaphora_takes_the_number_from_its_sentence():
    body = ("I. KẾT QUẢ\nHuyện ủy ban hành Chỉ thị số 07-CT/HU ngày 03/3/2023 về phòng cháy rừng và UBND huyện ban hành "
            "Kế hoạch thực hiện Chỉ thị. Các xã xây dựng kế hoạch thực hiện Nghị quyết.\n")
    got = _report(body)
    assert ("plan:Kế hoạch thực hiện Chỉ thị số 07-CT/HU", "07-CT/HU", "implements") in got
    assert not any("Nghị quyết" in r[0] for r in got)


def test_second_phrasing_of_one_plan_is_one_plan():
    body = ("I. KẾT QUẢ\nBan hành Kế hoạch triển khai thực hiện Chương trình phát triển thanh niên trên địa bàn huyện.\n"
            "II. NHIỆM VỤ TRỌNG TÂM NĂM 2024\n1. Tổ chức thực hiện tốt Kế hoạch của UBND huyện thực hiện Chương trình "
            "phát triển thanh niên trên địa bàn huyện.\n")
    plans = {r[0] for r in _report(body) if r[0].startswith("plan:")}
    assert len(plans) == 1


def test_report_part_heading_names_what_it_reports_on():
    body = ("I. TÌNH HÌNH TRIỂN KHAI NGHỊ QUYẾT SỐ 02/NQ-CP VÀ KẾ HOẠCH SỐ 41/KH-UBND\nCác sở đã ban hành kế hoạch.\n"
            "II. TÌNH HÌNH KINH TẾ - XÃ HỘI\nTăng trưởng khá.\n")
    got = _report(body)
    assert {("this", "02/NQ-CP", "reports_on"), ("this", "41/KH-UBND", "reports_on")} <= got


def test_hard_wrapped_task_keeps_its_paragraph_and_coordinated_objects():
    body = ("I. KẾT QUẢ\nĐạt khá.\nII. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2023\n"
            "1. Tiếp tục triển khai quyết liệt Chỉ thị số 03/CT-UBND ngày 10/3/2023 và\n"
            "Kế hoạch số 52/KH-UBND ngày 20/3/2023 của UBND huyện; rà soát các chỉ tiêu\n"
            "chậm tiến độ.\n"
            "Các phòng báo cáo tình hình thực hiện Nghị quyết số 11/NQ-HĐND ngày 08/12/2022.\n"
            "2. Tăng cường quản lý đất đai theo Nghị định số 43/2014/NĐ-CP.\n")
    got = {r for r in _report(body) if r[0].startswith("task:")}
    assert got == {("task:1", "03/CT-UBND", "implements"), ("task:1", "52/KH-UBND", "implements")}


def test_reporting_on_is_not_implementing():
    body = "I. KẾT QUẢ\nTổ chức sơ kết 3 năm thực hiện Nghị quyết số 06-NQ/TU ngày 05/5/2020 của Tỉnh ủy.\n"
    assert not any(r[1] == "06-NQ/TU" and r[2] == "implements" for r in _report(body))


@pytest.mark.parametrize("text, title", [
    ("ỦY BAN NHÂN DÂN\nHUYỆN A LƯỚI\n\nKẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 02-CT/HU NĂM 2024\n\nCăn cứ Luật Đất đai;\n",
     "KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 02-CT/HU NĂM 2024"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN A LƯỚI\n\nKẾ HOẠCH\nThực hiện Chỉ thị số 02-CT/HU năm 2024\n\nCăn cứ Luật Đất đai;\n",
     "Thực hiện Chỉ thị số 02-CT/HU năm 2024"),
    ("BÁO CÁO\nTình hình quý I\n\nThực hiện Công văn số 12/UBND-VP ngày 02/3/2024, UBND xã báo cáo như sau:\n",
     "Tình hình quý I"),
], ids=["title-on-kind-line", "title-opens-with-thuc-hien", "opening-is-not-title"])
def test_header_title_on_the_kind_line_or_opening_with_thuc_hien(text, title):
    assert parse_header(text).title == title


def test_one_line_upper_case_title_makes_the_document_implement_it():
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN A LƯỚI\n\nKẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 02-CT/HU NGÀY 05/01/2024 CỦA BAN THƯỜNG VỤ "
            "HUYỆN ỦY\n\nI. MỤC ĐÍCH\nNội dung.\n")
    got = rows(extract_text(text, source="k.txt"))
    assert ("this", "02-CT/HU", "implements") in got
    assert not any(r[0].startswith("plan:") for r in got)


def test_opening_carries_out_an_unnumbered_party_resolution():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
            "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2020 - 2025, Ủy ban nhân dân "
            "tỉnh ban hành Chương trình hành động như sau:\n\nI. MỤC TIÊU\nNội dung.\n")
    got = rows(extract_text(text, source="ct.txt"))
    assert got == {("this", "plan:Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI", "implements")}


def test_a_letters_directions_are_its_tasks():
    ex = extract_file(DATA / "letter_directions.txt")
    assert ex.header.kind == "Công văn" and ex.header.title == "tăng cường phòng, chống dịch bệnh trên đàn vật nuôi"
    assert [t.n for t in ex.tasks] == ["1", "2", "3"]
    leads = {(r.object, r.agency) for r in ex.responsibilities if r.role == "lead" and r.object_kind == "task"}
    assert ("1", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Ngãi") in leads
    assert ("2", "Sở Tài chính tỉnh Quảng Ngãi") in leads


@pytest.mark.parametrize("stem", ["letter_comment_draft", "letter_reply", "letter_report_request", "letter_asks_support"])
def test_comments_requests_and_reports_list_no_tasks(stem):
    assert extract_file(DATA / f"{stem}.txt").tasks == []


def test_this_resolution_is_no_anaphora_of_its_basis():
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH PHÚ YÊN\n\nNGHỊ QUYẾT\nVề phát triển du lịch\n\n"
            "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 05/7/2023 của Hội đồng nhân dân tỉnh.\n\nQUYẾT NGHỊ:\n"
            "Điều 1. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n")
    assert rows(extract_text(text, source="nq.txt")) == {("this", "12/NQ-HĐND", "based_on")}


def test_directions_to_subordinates_are_tasks():
    ex = extract_file(DATA / "letter_subordinates.txt")
    assert [t.n for t in ex.tasks] == ["1", "2"]
    assert ("1", "2024-05-30") in {(r.object, r.deadline) for r in ex.responsibilities if r.role == "lead"}


def test_a_news_line_opening_with_ve_viec_is_no_letter_subject():
    ex = extract_text("Huyện ủy họp\n\nVề việc triển khai Nghị quyết số 05-NQ/HU ngày 02/01/2024, đồng chí Bí thư yêu cầu "
                      "các xã quan tâm.\n", source="n.txt")
    assert ex.header.kind is None and ex.header.title is None and rows(ex) == set()


def test_a_rule_followed_mid_sentence_is_no_request():
    body = ("Năm 2024, theo Công văn số 123/STC-NS ngày 02/01/2024 của Sở Tài chính, các xã phải tiết kiệm chi; theo đề "
            "nghị của Sở Tài chính tại Công văn số 456/STC-NS ngày 02/3/2024, UBND huyện báo cáo như sau:\n\n"
            "I. KẾT QUẢ\nĐạt khá.\n")
    assert _report(body) == {("this", "456/STC-NS", "responds_to")}


def test_a_wrapped_subject_is_the_whole_title():
    ex = extract_file(DATA / "letter_wrapped_subject.txt")
    assert ex.header.title == "triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert [t.n for t in ex.tasks] == ["1", "2"]


def test_a_letters_closing_paragraphs_are_not_its_last_task():
    ex = extract_file(DATA / "letter_closing.txt")
    assert [t.n for t in ex.tasks] == ["1", "2"]
    assert "Công văn này" not in ex.tasks[-1].text
    rows = {(r.agency, r.role, r.object_kind, r.object) for r in ex.responsibilities}
    assert ("Sở Xây dựng tỉnh Hòa Bình", "lead", "task", "2") in rows
    assert not any(r.object_kind == "task" and r.object == "2" and r.agency != "Sở Xây dựng tỉnh Hòa Bình"
                   for r in ex.responsibilities)
    assert not any(r.agency == "Ủy ban nhân dân tỉnh Hòa Bình" for r in ex.responsibilities)


def test_preamble_line_with_a_main_clause_or_in_a_report_is_not_carried_out():
    head = "HỘI ĐỒNG NHÂN DÂN\nTỈNH SƠN LA\nSố: 70/NQ-HĐND\n\nNGHỊ QUYẾT\nVề chương trình giám sát năm 2025\n\n"
    body = ("Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;\n"
            "Thực hiện Kết luận số 33-KL/TU ngày 02/10/2024 của Ban Thường vụ Tỉnh ủy, Thường trực Hội đồng nhân dân "
            "tỉnh đề nghị bổ sung nội dung giám sát;\n"
            "Xét Tờ trình số 12/TTr-HĐND ngày 01/12/2024 của Thường trực Hội đồng nhân dân tỉnh.\n\nQUYẾT NGHỊ:\n"
            "Điều 1. Thông qua chương trình giám sát năm 2025.\n")
    assert not any(r[2] == "implements" for r in rows(extract_text(head + body, source="n.txt")))
    report = _report("Thực hiện Nghị quyết số 41-NQ/HU ngày 10/12/2024 của Ban Chấp hành Đảng bộ huyện;\n\n"
                     "I. KẾT QUẢ\nTăng trưởng đạt 7%.\n")
    assert not any(r[2] == "implements" for r in report)

import pytest

from kg.extract import extract_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n\nBÁO CÁO\n{title}\n\n{request}\n\nI. NỘI DUNG\n\n{body}\n"


def links(body: str, title: str = "Tình hình kinh tế - xã hội quý I năm 2023", request: str = ""):
    ex = extract_text(HEAD.format(title=title, request=request, body=body), source="x.txt")
    return {(l.child.kind, l.child.key, l.parent.kind, l.parent.key, l.relation) for l in ex.lineage}


@pytest.mark.parametrize("body, expected", [
    ("UBND tỉnh đã triển khai Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ, ban hành Quyết định số 25/QĐ-UBND ngày 10/01/2023 về nhiệm vụ.",
     ("directive", "25/QĐ-UBND", "directive", "01/NQ-CP", "implements")),
    ("Ban hành Kế hoạch thực hiện Nghị quyết số 02/NQ-CP ngày 10/01/2023 của Chính phủ.",
     ("plan", "Kế hoạch thực hiện Nghị quyết số 02/NQ-CP", "directive", "02/NQ-CP", "implements")),
    ("Ban hành Kế hoạch về thực hiện Nghị quyết số 63-NQ/TU ngày 29/12/2021 của Ban Thường vụ Tỉnh ủy về giáo dục.",
     ("plan", "Kế hoạch về thực hiện Nghị quyết số 63-NQ/TU", "directive", "63-NQ/TU", "implements")),
    ("Ban hành Quyết định số 12/QĐ-UBND ngày 05/02/2023 để triển khai thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ.",
     ("directive", "12/QĐ-UBND", "directive", "01/NQ-CP", "implements")),
])
def test_lineage_implements(body, expected):
    assert expected in links(body)


@pytest.mark.parametrize("body", [
    "Thực hiện chế độ tiền lương theo Nghị định số 24/2023/NĐ-CP ngày 14/5/2023 của Chính phủ.",
    "Quyết định số 25/QĐ-UBND ngày 10/01/2023 và Nghị quyết số 01/NQ-CP ngày 06/01/2023 được phổ biến.",
    "Kế hoạch sản xuất vụ Đông Xuân được triển khai theo Nghị quyết số 05/NQ-HĐND của HĐND tỉnh.",
])
def test_lineage_theo_and_co_occurrence_are_not_lineage(body):
    assert {x for x in links(body) if x[4] == "implements"} == set()


def test_lineage_responds_to_and_reports_on():
    got = links("Nội dung.", title="Tình hình thực hiện Nghị quyết số 01/NQ-CP của Chính phủ và tình hình kinh tế - xã hội",
                request="Thực hiện Công văn số 3456/BKHĐT-TH ngày 02/6/2023 của Bộ Kế hoạch và Đầu tư, UBND tỉnh báo cáo như sau:")
    assert ("this", "", "directive", "3456/BKHĐT-TH", "responds_to") in got
    assert ("this", "", "directive", "01/NQ-CP", "reports_on") in got


def test_lineage_reports_on_unnumbered_plan():
    got = links("Nội dung.", title="Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2022 và tình hình quý I năm 2023")
    assert ("this", "", "plan", "Kế hoạch phát triển kinh tế - xã hội năm 2022", "reports_on") in got


def test_lineage_based_on_law_and_directive():
    text = ("NGHỊ QUYẾT\nVỀ KẾ HOẠCH NĂM 2023\nHỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            "Căn cứ Nghị định số 31/2017/NĐ-CP ngày 23/3/2017 của Chính phủ;\nQUYẾT NGHỊ:\nĐiều 1. Nội dung.\n")
    ex = extract_text(text, source="r.txt")
    got = {(l.parent.kind, l.parent.key, l.relation) for l in ex.lineage}
    assert ("law", "Luật Tổ chức chính quyền địa phương 2015", "based_on") in got
    assert ("directive", "31/2017/NĐ-CP", "based_on") in got


def test_lineage_task_implements_directive():
    body = "Nội dung.\n\nII. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2023\n\n1. Tiếp tục triển khai thực hiện Nghị định số 02/2019/NĐ-CP ngày 02/01/2019 của Chính phủ về phòng thủ dân sự.\n\n2. Tổ chức thực hiện theo Nghị định số 24/2023/NĐ-CP.\n"
    got = links(body)
    assert ("task", "1", "directive", "02/2019/NĐ-CP", "implements") in got
    assert not any(x[0] == "task" and x[1] == "2" for x in got)

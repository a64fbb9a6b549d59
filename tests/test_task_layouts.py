"""Tasks of decisions whose articles assign the work and of reports whose closing part lists the next period's
tasks, and the responsibilities that name them as their object."""
import json

import pytest
from conftest import DATA

from kg.extract import extract_file, extract_text
from kg.extract.structure import parse_sections, parse_tasks, period_of, tasks_period_of_title

EXPECTED = json.loads((DATA / "tasks_expected.json").read_text(encoding="utf-8"))
DOCS = [k for k in EXPECTED if not k.startswith("_")]


@pytest.mark.parametrize("name", DOCS)
def test_tasks_of_each_layout(name):
    tasks = extract_file(DATA / name).tasks
    assert [t.n for t in tasks] == [n for n, _h, _p in EXPECTED[name]["tasks"]]
    for t, (_n, head, period) in zip(tasks, EXPECTED[name]["tasks"]):
        assert t.head.startswith(head), (t.n, t.head)
        assert t.period == period, (t.n, t.period)
        assert "Trên đây" not in t.text and "Nơi nhận" not in t.text  # the closing is no task's


@pytest.mark.parametrize("name", DOCS)
def test_responsibilities_inside_the_tasks(name):
    got = [r for r in extract_file(DATA / name).responsibilities if not r.inferred]
    want = EXPECTED[name]["rows"] + EXPECTED[name]["doc_rows"]
    for agency, role, kind, obj, deadline in want:
        hits = [r for r in got if agency in r.agency and r.role == role and r.object_kind == kind and r.object == obj]
        assert hits, f"missing {agency} {role} {kind}:{obj} in {[(r.agency, r.role, r.object) for r in got]}"
        assert hits[0].deadline == deadline, (agency, role, obj, hits[0].deadline)
    extra = [(r.agency, r.role, r.object) for r in got if r.object_kind == "task" and not any(
        a in r.agency and r.role == ro and r.object == o for a, ro, k, o, _d in want if k == "task")]
    assert extra == []


def _tasks(text, title=None):
    return parse_tasks(text, parse_sections(text), title)


DECISION = """QUYẾT ĐỊNH:

Điều 1. Phê duyệt Kế hoạch ... với các nội dung sau:

1. Mục tiêu: ...

2. Nội dung: ...

Điều 2. {heading}

1. Sở Tài chính chủ trì thẩm định.

2. Sở Nội vụ hướng dẫn.

Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./.
"""


@pytest.mark.parametrize("heading, is_task", [
    ("Tổ chức thực hiện", True),
    ("Trách nhiệm thực hiện", True),
    ("Giao nhiệm vụ cho các cơ quan, đơn vị như sau:", True),
    ("Phân công thực hiện", True),
    ("Các sở, ngành, địa phương có trách nhiệm thực hiện các nhiệm vụ sau:", True),
    ("Các sở, ngành có trách nhiệm thực hiện Quyết định này.", False),
    ("Giao dự toán ngân sách năm 2024 như sau:", False),  # figures given out, not work
    ("Quyết định này có hiệu lực kể từ ngày ký.", False),
])
def test_decision_articles_that_assign_the_work(heading, is_task):
    tasks = _tasks(DECISION.format(heading=heading), "Phê duyệt Đề án ... giai đoạn 2024 - 2030, tầm nhìn đến năm 2045")
    assert [t.n for t in tasks] == (["1", "2"] if is_task else [])
    assert all(t.period is None for t in tasks)  # the title's years are the scheme's, not the articles' deadlines


def test_a_resolution_article_is_not_a_task_section():
    text = DECISION.format(heading="Tổ chức thực hiện").replace("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")
    assert _tasks(text) == []  # "Giao UBND tỉnh tổ chức thực hiện Nghị quyết này" concerns the document


def test_articles_whose_numbering_starts_again_keep_only_the_first():
    text = DECISION.format(heading="Tổ chức thực hiện").replace(
        "Điều 3.", "Điều 3. Trách nhiệm thực hiện\n\n1. Sở Y tế kiểm tra.\n\n2. Sở Xây dựng thẩm định.\n\nĐiều 4.")
    assert [(t.n, t.head[:8]) for t in _tasks(text)] == [("1", "Sở Tài c"), ("2", "Sở Nội v")]


@pytest.mark.parametrize("part", [
    "Phần thứ hai\nNHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2024",
    "PHẦN THỨ HAI: NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2024",
    "Phần thứ hai. Nhiệm vụ trọng tâm 3 tháng cuối năm 2024",
])
def test_a_reports_closing_part_lists_tasks(part):
    text = f"Phần thứ nhất\nKẾT QUẢ 9 THÁNG\n\n1. Thu ngân sách đạt 72%.\n\n{part}\n\n1. Phòng Tài chính - Kế hoạch chủ trì.\n\n2. Công an huyện bảo đảm an ninh.\n"
    assert [(t.n, t.period) for t in _tasks(text)] == [("1", "2024-Q4"), ("2", "2024-Q4")]


def test_a_part_whose_numbering_starts_again_under_its_sections():
    text = ("Phần thứ hai\nNHIỆM VỤ NĂM 2025\n\nI. LĨNH VỰC KINH TẾ\n\n1. Thu ngân sách.\n\n2. Đầu tư công.\n\n"
            "II. LĨNH VỰC XÃ HỘI\n\n1. Giáo dục.\n\n2. Y tế.\n")
    assert _tasks(text) == []  # "1." would name two tasks
    text = text.replace("II. LĨNH VỰC XÃ HỘI", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    assert [t.head for t in _tasks(text)] == ["Giáo dục.", "Y tế."]  # the part leaves its tasks to its section


@pytest.mark.parametrize("heading, is_task", [
    ("II. NHIỆM VỤ CHỦ YẾU QUÝ IV NĂM 2024", True),
    ("II. NHIỆM VỤ CÔNG TÁC THÁNG 12 NĂM 2024", True),
    ("II. Nhiệm vụ những tháng cuối năm 2024", True),
    ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12", True),
    ("II. NHIỆM VỤ, GIẢI PHÁP QUÝ IV", True),
    ("III. CÁC NHIỆM VỤ CHỦ YẾU TRONG QUÝ IV NĂM 2024", True),
    ("II. NHIỆM VỤ CHỦ YẾU CỦA CÁC NGÀNH", False),
    ("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM QUÝ III NĂM 2024", False),
])
def test_headings_of_a_periods_tasks(heading, is_task):
    text = f"{heading}\n1. Sở Tài chính chủ trì thu ngân sách.\n2. Công an tỉnh bảo đảm an ninh.\n"
    assert (len(_tasks(text)) == 2) is is_task


@pytest.mark.parametrize("text, expected", [
    ("NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2024", "2024-Q4"),
    ("Nhiệm vụ 3 tháng đầu năm 2025", "2025-Q1"),
    ("NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2024", "2024"),
    ("NHIỆM VỤ 13 THÁNG CUỐI NĂM 2024", "2024"),
])
def test_three_months_of_a_year_are_a_quarter(text, expected):
    assert period_of(text) == expected


@pytest.mark.parametrize("title, expected", [
    ("Tình hình thực hiện kế hoạch năm 2021; mục tiêu, nhiệm vụ kế hoạch năm 2022", "2022"),
    ("Kết quả thực hiện nhiệm vụ tháng 11 và phương hướng nhiệm vụ tháng 12 năm 2024", "2024-12"),
    ("Kết quả 3 tháng đầu năm 2024 và nhiệm vụ quý II", None),  # the assessed quarter is not the tasks'
    ("Kế hoạch phát triển kinh tế - xã hội năm 2023", "2023"),
])
def test_the_period_a_title_gives_its_tasks(title, expected):
    assert tasks_period_of_title(title) == expected


def _leads_of_task_4(tmp_path, item):
    text = (DATA / "tasks_decision_scheme.md").read_text(encoding="utf-8")
    start = text.index("4. UBND các huyện")
    doc = tmp_path / "d.md"
    doc.write_text(text[:start] + item + text[text.index("\n", start):], encoding="utf-8")
    return sorted(r.agency for r in extract_file(doc).responsibilities if r.object == "4" and r.role == "lead")


def test_the_names_after_a_listed_unit_are_units_of_its_kind(tmp_path):
    item = "4. UBND các huyện Ba Tơ, Minh Long và Sơn Hà chủ trì giải phóng mặt bằng, hoàn thành trong năm 2025."
    assert _leads_of_task_4(tmp_path, item) == [
        "Ủy ban nhân dân huyện Ba Tơ", "Ủy ban nhân dân huyện Minh Long", "Ủy ban nhân dân huyện Sơn Hà"]


def test_a_name_not_known_as_such_a_unit_ends_the_list(tmp_path):
    item = "4. UBND các huyện Ba Tơ, Tiếp Tục Hỗ Trợ chủ trì giải phóng mặt bằng."
    assert _leads_of_task_4(tmp_path, item) == []  # "Tiếp Tục Hỗ Trợ" is no district: the subject is unclear


def test_a_unit_whose_canonical_name_loses_a_word_is_left_out(tmp_path):
    # "Hội" also opens an association's name; a unit read as "xã Tân" would be another commune
    item = "4. UBND các xã Tân Hội, Ninh Gia rà soát thủ tục hành chính."
    assert not [a for a in _leads_of_task_4(tmp_path, item) if a.endswith("xã Tân")]


@pytest.mark.parametrize("item", [
    "4. Tổ chức diễn tập khu vực phòng thủ huyện Ba Tơ,\n\nMinh Long, diễn tập phòng chống lụt bão.",
    "4. Tổ chức diễn tập khu vực phòng thủ huyện Ba Tơ, Minh Long, Sơn Hà trong năm 2025.",
])
def test_units_named_in_a_task_without_their_committee_are_not_its_subject(tmp_path, item):
    assert _leads_of_task_4(tmp_path, item) == []


_NEWS = ("Krông Pắc rà soát tiến độ các công trình\n\nSáng 2/10, UBND huyện Krông Pắc họp với các phòng, ban. {opening}\n\n"
         "1. Phòng Tài chính - Kế hoạch bố trí kinh phí.\n\n2. Phòng Tư pháp thẩm định hồ sơ.\n{after}")


@pytest.mark.parametrize("opening, tasks", [
    ("Chủ tịch UBND huyện chỉ đạo:", ["1", "2"]),
    ("Phó Chủ tịch UBND huyện Nguyễn Văn Bình đề nghị các phòng, ban:", ["1", "2"]),
    (("Kết luận buổi làm việc, đồng chí Bí thư Huyện ủy yêu cầu các ngành tập trung một số việc, phấn đấu hoàn "
      "thành kế hoạch năm:"), ["1", "2"]),
    ("UBND huyện giao nhiệm vụ cụ thể:", ["1", "2"]),
    ("Kết luận hội nghị, đồng chí Trần Văn Nam yêu cầu các phòng của TP. Buôn Ma Thuột giải ngân 1.200 tỷ đồng:",
     ["1", "2"]),
    ("Trưởng Ban Chỉ đạo huyện đề nghị:", ["1", "2"]),
    # no one who directs: what delegates ask for, what was done, a request with no colon before the items
    ("Sau khi nghe báo cáo, các đại biểu HĐND huyện đề nghị:", []),
    ("Kết quả đạt được như sau:", []),
    ("Các việc đã làm theo yêu cầu của Chủ tịch UBND huyện gồm:", []),
    ("Chủ tịch UBND huyện yêu cầu các phòng rà soát lại. Kết quả cụ thể:", []),
    ("Thực hiện các nhiệm vụ Chủ tịch UBND huyện đã giao, các phòng đã làm được những việc sau:", []),
    ("Chủ tịch UBND huyện giao 5 nhiệm vụ, kết quả thực hiện như sau:", []),
    ("Tại buổi làm việc, các đồng chí đại biểu đề nghị:", []),
])
def test_a_news_items_numbered_directions(opening, tasks):
    assert [t.n for t in _tasks(_NEWS.format(opening=opening, after=""))] == tasks


@pytest.mark.parametrize("after, last", [
    ("Buổi làm việc kết thúc lúc 11 giờ.\n", "Phòng Tư pháp thẩm định hồ sơ."),
    ("\nBuổi làm việc kết thúc lúc 11 giờ.\n", "Phòng Tư pháp thẩm định hồ sơ."),
    ("- Hoàn thành trước ngày 30/10/2024.\nBuổi làm việc kết thúc lúc 11 giờ.\n",
     "Phòng Tư pháp thẩm định hồ sơ.\n- Hoàn thành trước ngày 30/10/2024."),
])
def test_a_news_items_run_of_directions_ends_at_its_first_plain_paragraph(after, last):
    tasks = _tasks(_NEWS.format(opening="Chủ tịch UBND huyện chỉ đạo:", after=after))
    assert tasks[-1].text == last


def test_a_headed_letter_keeps_its_own_opening():
    # a letter's items follow its own opening words ("như sau:"), not any sentence of a leader that ends in a colon
    text = "Số: 12/UBND-VP\n\n" + _NEWS.format(opening="Chủ tịch UBND huyện yêu cầu tập trung, phấn đấu hoàn thành:",
                                               after="")
    assert _tasks(text) == []


def test_a_news_item_without_a_leader_directing_gives_no_tasks():
    """Numbered results ('Các kết quả nổi bật như sau:'), what delegates ask for ('các đại biểu đề nghị:') and work
    done 'theo yêu cầu của Chủ tịch UBND tỉnh' are no directions: no tasks, and no one is made responsible."""
    ex = extract_file(DATA / "news_no_directions.txt")
    assert ex.tasks == []
    assert [(r.agency, r.role) for r in ex.responsibilities if not r.inferred] == []


_REPORT = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 301/BC-UBND\n\nNghệ An, ngày 28 tháng 9 năm 2024\n\nBÁO CÁO\n"
           "Tình hình kinh tế - xã hội quý III, nhiệm vụ quý IV năm 2024\n\nI. KẾT QUẢ QUÝ III\n\n"
           "Tổng sản phẩm trên địa bàn tăng 6,8%.\n\nII. NHIỆM VỤ CHỦ YẾU QUÝ IV NĂM 2024\n\n1. {item}\n\n"
           "2. Công an tỉnh bảo đảm an ninh trật tự.\n")


@pytest.mark.parametrize("item, expected", [
    # the body the item opens with is the one it is given to: it leads, the body after "phối hợp với" cooperates
    ("Sở Giao thông vận tải phối hợp với UBND huyện Nghi Lộc dứt điểm mặt bằng tuyến đường ven biển.",
     {("Sở Giao thông vận tải", "lead"), ("Ủy ban nhân dân huyện Nghi Lộc", "cooperate")}),
    ("Sở Công Thương chủ động phối hợp cùng Sở Tài chính bình ổn thị trường.",
     {("Sở Công Thương", "lead"), ("Sở Tài chính", "cooperate")}),
    # the item names its lead: the body that opens it cooperates
    ("Sở Giao thông vận tải phối hợp với Sở Xây dựng, do Sở Xây dựng chủ trì, rà soát quy hoạch.",
     {("Sở Giao thông vận tải", "cooperate")}),
    ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát biên chế.",
     {("Sở Tài chính", "lead"), ("Sở Nội vụ", "cooperate")}),
    # a bare "phối hợp" names no one it works with: the body only cooperates
    ("Sở Thông tin và Truyền thông phối hợp tuyên truyền.", {("Sở Thông tin và Truyền thông", "cooperate")}),
    # mid-item the subject of "phối hợp với" is still one who cooperates
    ("UBND huyện Nghi Lộc bàn giao mặt bằng; Sở Xây dựng phối hợp với Sở Tài chính thẩm định.",
     {("Ủy ban nhân dân huyện Nghi Lộc", "lead"), ("Sở Xây dựng", "cooperate")}),
])
def test_the_body_a_task_opens_with_leads_the_one_it_works_with(tmp_path, item, expected):
    doc = tmp_path / "bc.md"
    doc.write_text(_REPORT.format(item=item), encoding="utf-8")
    got = {(r.agency.removesuffix(" tỉnh Nghệ An"), r.role) for r in extract_file(doc).responsibilities
           if r.object_kind == "task" and r.object == "1" and not r.inferred}
    assert got == expected


def test_an_item_whose_line_ends_with_a_colon_goes_on():
    text = _NEWS.format(opening="Chủ tịch UBND huyện chỉ đạo:", after="").replace(
        "2. Phòng Tư pháp thẩm định hồ sơ.", "2. Phòng Tư pháp:\nThẩm định hồ sơ trước ngày 15/10/2024.")
    assert _tasks(text)[-1].text == "Phòng Tư pháp:\nThẩm định hồ sơ trước ngày 15/10/2024."


@pytest.mark.parametrize("lead_in", ["Cụ thể:", "Trong đó, giao nhiệm vụ cụ thể:", "Trong đó, yêu cầu các đơn vị:"])
def test_news_directions_announced_after_the_directing_sentence_ends(lead_in):
    """'Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung ..., vượt dự toán được giao. Cụ thể:' then 1., 2.: the
    directing sentence ends before its short lead-in; the items are tasks all the same."""
    text = ("Quảng Bình: kinh tế 9 tháng tăng trưởng khá\n\n"
            "Kết luận phiên họp, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương tập trung thực hiện nhiệm vụ "
            f"quý IV, phấn đấu thu ngân sách vượt 4.200 tỷ đồng. {lead_in}\n\n"
            "1. Sở Tài chính chủ trì, phối hợp với Cục Thuế tỉnh rà soát các nguồn thu.\n\n"
            "2. Sở Kế hoạch và Đầu tư tham mưu điều chuyển vốn đầu tư công.\n\n"
            "Phiên họp kết thúc lúc 17 giờ.\n")
    ex = extract_text(text, source="tin.txt")
    assert [t.n for t in ex.tasks] == ["1", "2"]
    assert ("Sở Tài chính", "lead", "1") in {(r.agency.split(" tỉnh")[0], r.role, r.object) for r in ex.responsibilities}


def test_news_items_go_on_across_their_own_lines():
    """A line between item 3 and item 4 is item 3's; a line after an item that ends with ";" goes on with it; a
    plain paragraph after the last item ends the run. A body "với vai trò chủ đầu tư Dự án A phải ..." leads the
    item as well as investing in the work."""
    text = ("Huyện Hữu Lũng: kinh tế 9 tháng tăng trưởng khá\n\n"
            "Kết luận phiên họp, Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị tập trung thực hiện:\n\n"
            "1. Giao Phòng Tài nguyên và Môi trường hoàn thành giải phóng mặt bằng trước ngày 31/12/2024.\n\n"
            "2. Ban Quản lý dự án đầu tư xây dựng huyện với vai trò chủ đầu tư Dự án đường Minh Sơn - Hồ Sơn phải "
            "đẩy nhanh thi công trong tháng 11/2024.\n\n"
            "3. Phòng Nông nghiệp và Phát triển nông thôn hướng dẫn các xã khôi phục sản xuất.\n"
            "UBND xã Yên Vượng khẩn trương hoàn thiện hồ sơ nông thôn mới nâng cao trước ngày 15/11/2024.\n\n"
            "4. Bảo hiểm xã hội huyện đẩy mạnh phát triển người tham gia bảo hiểm y tế;\n"
            "Thanh tra huyện kiểm tra việc sử dụng vốn đầu tư công.\n"
            "Phiên họp kết thúc lúc 17 giờ. UBND xã Hòa Lạc báo cáo tại phiên họp.\n")
    ex = extract_text(text, source="tin.txt")
    assert [t.n for t in ex.tasks] == ["1", "2", "3", "4"]
    got = {(r.agency.split(" huyện")[0], r.role, r.object) for r in ex.responsibilities if r.object_kind == "task"}
    assert {("Ban Quản lý dự án đầu tư xây dựng", "lead", "2"), ("Ủy ban nhân dân xã Yên Vượng", "lead", "3"),
            ("Thanh tra", "supervise", "4"), ("Bảo hiểm xã hội", "lead", "4")} <= got
    assert not [x for x in got if "Hòa Lạc" in x[0]]
    assert ("Dự án đường Minh Sơn - Hồ Sơn" in
            {r.object for r in ex.responsibilities if r.role == "investor" and r.agency.startswith("Ban Quản lý")})

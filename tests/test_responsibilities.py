"""Responsibilities: who leads, cooperates on, invests in or supervises what, by when."""
import csv
import io
import json

import pytest
from conftest import DATA, build_store

from kg.extract import extract_file
from kg.extract.recognise.responsibilities import deadline_in_cell, deadline_in_text

EXPECTED = json.loads((DATA / "resp_expected.json").read_text(encoding="utf-8"))
DOCS = [k for k in EXPECTED if not k.startswith("_")]


def _responsibilities(tmp_path, name, text):
    """What a short document of our own, read from a file of this name, makes responsible."""
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    return extract_file(doc).responsibilities


def _stated(name):
    return [r for r in extract_file(DATA / name).responsibilities if not r.inferred]


@pytest.mark.parametrize("name", DOCS)
def test_stated_rows(name):
    got = _stated(name)
    for agency, role, kind, obj, deadline in EXPECTED[name]["rows"]:
        hits = [r for r in got if agency in r.agency and r.role == role and r.object_kind == kind
                and (r.object.startswith(obj) if kind == "project" else r.object == obj)]
        assert hits, f"missing {agency} {role} {kind}:{obj} in {[(r.agency, r.role, r.object) for r in got]}"
        assert hits[0].deadline == deadline, (agency, role, obj, hits[0].deadline)
    allowed = EXPECTED[name]["rows"] + EXPECTED[name]["may"]
    extra = [(r.agency, r.role, r.object_kind, r.object) for r in got
             if not any(a in r.agency and r.role == ro and r.object_kind == k
                        and (r.object.startswith(o) if k == "project" else r.object == o) for a, ro, k, o, _d in allowed)]
    assert extra == []


@pytest.mark.parametrize("name", DOCS)
def test_sources_addressees_and_mentions_are_not_responsible(name):
    got = _stated(name)
    for agency in EXPECTED[name]["absent"]:
        assert not [r for r in got if agency in r.agency and not any(agency in x[0] for x in EXPECTED[name]["rows"])
                    or r.agency == agency], agency


def test_report_tasks_naming_nobody_are_inferred_from_the_issuer():
    rs = extract_file(DATA / "resp_commune_report.md").responsibilities
    inferred = {r.object for r in rs if r.inferred}
    assert inferred == {"1", "3"}  # tasks 2 and 4 name who carries them out
    assert all(r.role == "lead" and r.deadline == "2024-Q3" for r in rs if r.inferred)  # "quý III năm 2024" section


@pytest.mark.parametrize("text,expected", [
    ("hoàn thành trước ngày 30/6/2023", "2023-06-30"),
    ("trình UBND tỉnh ban hành trong Quý III/2024", "2024-Q3"),
    ("hoàn thành trong tháng 6/2023", "2023-06"),
    ("triển khai các thỏa thuận trong năm 2023", "2023"),
    ("chậm nhất ngày 15 tháng 8 năm 2024", "2024-08-15"),
    ("thường xuyên", None),
    ("giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", None),  # a span of years is not a deadline
    ("theo Quyết định số 12/QĐ-UBND ngày 20/12/2021", None),  # a date without its word is not either
])
def test_deadline_in_text(text, expected):
    assert deadline_in_text(text) == expected


@pytest.mark.parametrize("cell,expected", [
    ("Quý I/2023", "2023-Q1"), ("Tháng 02/2023", "2023-02"), ("Trước ngày 15/3/2023", "2023-03-15"),
    ("Năm 2024", "2024"), ("Hằng quý", None), ("Thường xuyên", None), ("quý 2 năm 2025", "2025-Q2"),
])
def test_deadline_in_cell(cell, expected):
    assert deadline_in_cell(cell) == expected


def test_pipe_table_with_other_headers_and_blank_lines_between_rows(tmp_path):
    got = _responsibilities(tmp_path, "plan.txt", (
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n\nI. NHIỆM VỤ\n\n| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |\n\n"
        "| 2.1 | Rà soát quy hoạch | Sở Xây dựng | Sở Tài chính; Các sở, ngành | Quý IV/2024 |\n\n"
        "| 2.2 | Báo cáo sơ kết | Sở Nội vụ | | Tháng 7/2024 |\n"))
    rs = {(r.agency.split(" tỉnh")[0], r.role, r.object, r.deadline) for r in got}
    assert rs == {("Sở Xây dựng", "lead", "2.1", "2024-Q4"), ("Sở Tài chính", "cooperate", "2.1", "2024-Q4"),
                  ("Sở Nội vụ", "lead", "2.2", "2024-07")}


def test_query_columns_and_task_assignment(tmp_path):
    from kg.graph.query import format_results, run_query
    from kg.graph.store import LocalStore

    d = build_store([DATA / "resp_district_plan.md", DATA / "resp_commune_report.md"], tmp_path / "store")
    store = LocalStore(d)
    rows = list(csv.DictReader(io.StringIO(format_results(run_query(store, "responsibilities"), "csv"))))
    assert {"source", "agency", "role", "object_kind", "object", "deadline"} <= set(rows[0])
    # inferred responsibilities stay out of the stated answer
    assert not [r for r in rows if r["source"] == "resp_commune_report.md" and r["object"] in ("1", "3")]
    row = next(r for r in rows if r["object"] == "4" and r["source"] == "resp_district_plan.md" and r["role"] == "lead")
    assert "Phòng Tư pháp" in row["agency"] and row["deadline"] == "2024-09" and row["object_kind"] == "task"
    # a table row became a task of its own, assigned to its lead body
    q = """PREFIX kgo: <https://w3id.org/kg-vn/ont#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT ?n ?a WHERE { GRAPH ?g { ?t a kgo:Task ; kgo:taskNumber ?n ; kgo:assignedTo ?x . ?x skos:prefLabel ?a } }"""
    got = {(b[0].value, b[1].value) for b in store.query(q).rows}
    assert any(n == "5" and a.startswith("Phòng Nội vụ huyện") for n, a in got)


def test_narrative_cooperation_needs_a_named_object(tmp_path):
    rs = _responsibilities(tmp_path, "report.txt", (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 5 năm 2024\n\nI. KẾT QUẢ\n\n"
        "Phối hợp với Sở Giao thông vận tải tỉnh Nghệ An triển khai Dự án nâng cấp Quốc lộ 8A đoạn qua hai tỉnh. "
        "Phối hợp với các sở, ngành tổ chức hội nghị xúc tiến đầu tư. "
        "Sở Y tế đã chủ trì kiểm tra an toàn thực phẩm tại 40 cơ sở.\n"))
    assert [(r.agency, r.role, r.object_kind) for r in rs] == [
        ("Sở Giao thông vận tải tỉnh Nghệ An", "cooperate", "project")]
    assert rs[0].object.startswith("Dự án nâng cấp Quốc lộ 8A")


def test_due_date_of_each_deadline_form():
    from datetime import date

    from kg.views.responsible import due_date

    assert due_date("2023-06-30") == date(2023, 6, 30)
    assert due_date("2024-02") == date(2024, 2, 29)
    assert due_date("2023-Q3") == date(2023, 9, 30)
    assert due_date("2023") == date(2023, 12, 31)
    assert due_date(None) is None and due_date("soon") is None


def test_cli_responsible_lists_overdue_first(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    d = build_store([DATA / "resp_district_plan.md"], tmp_path / "store")
    r = CliRunner().invoke(cli, ["responsible", "Phòng Văn hóa", "--store", str(d), "--today", "2024-07-01",
                                 "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [x["deadline"] for x in rows] == ["2024-06-30", "2024-Q3", "2024-12-10"]
    assert [x["status"] for x in rows] == ["overdue", "", ""]
    assert {x["role"] for x in rows} == {"lead", "supervise"}
    r = CliRunner().invoke(cli, ["responsible", "Bộ Quốc phòng", "--store", str(d)])
    assert r.exit_code != 0 and "no responsibility" in r.output


def test_lines_broken_anywhere_as_in_pdf_text(tmp_path):
    got = _responsibilities(tmp_path, "report.txt", (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2024\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP QUÝ II NĂM 2024\n\n1. Sở Tài chính chủ\ntrì, phối hợp với Cục Thuế tỉnh rà soát các khoản\n"
        "thu, hoàn thành trước\nngày 30/5/2024. Sở Xây dựng có trách\nnhiệm kiểm tra, giám sát việc thực\nhiện các dự án.\n"))
    rs = {(r.agency, r.role, r.object, r.deadline) for r in got if not r.inferred}
    assert rs == {("Sở Tài chính tỉnh Phú Yên", "lead", "1", "2024-05-30"),
                  ("Cục Thuế tỉnh Phú Yên", "cooperate", "1", "2024-05-30"),
                  ("Sở Xây dựng tỉnh Phú Yên", "supervise", "1", "2024-Q2")}


@pytest.mark.parametrize("cell,expected", [
    ("Tháng 6-9/2024", "2024-09"), ("Quý III - IV/2024", "2024-Q4"), ("Năm 2023-2024", "2024"),
])
def test_deadline_of_a_range_is_its_end(cell, expected):
    assert deadline_in_cell(cell) == expected


def test_one_column_holding_lead_and_cooperating_bodies(tmp_path):
    got = _responsibilities(tmp_path, "plan.md", (
        "KẾ HOẠCH\nPhòng, chống thiên tai năm 2025\n\nI. NHIỆM VỤ\n\n| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |\n"
        "|---|---|---|---|\n| 1 | Diễn tập ứng phó bão | Chủ trì: Sở Nông nghiệp và Môi trường; Phối hợp: Công an tỉnh | Quý II/2025 |\n"))
    rs = {(r.agency.split(" tỉnh")[0], r.role, r.object, r.deadline) for r in got}
    assert rs == {("Sở Nông nghiệp và Môi trường", "lead", "1", "2025-Q2"), ("Công an", "cooperate", "1", "2025-Q2")}


def test_districts_named_as_a_tasks_subject_are_their_peoples_committees(tmp_path):
    rs = _responsibilities(tmp_path, "report.txt", (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nBÁO CÁO\nKết quả quý I năm 2024\n\nII. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024\n\n"
        "1. Huyện Bát Xát và thị xã Sa Pa hoàn thành diễn tập phòng thủ.\n\n2. Thành phố tiếp tục chỉnh trang đô thị.\n"))
    assert {(r.agency, r.object, r.deadline) for r in rs if not r.inferred} == {
        ("Ủy ban nhân dân huyện Bát Xát", "1", "2024-Q2"), ("Ủy ban nhân dân thị xã Sa Pa", "1", "2024-Q2")}
    assert [r.object for r in rs if r.inferred] == ["2"]  # "Thành phố" with no name is nobody in particular


def test_news_summary_assignment_with_a_named_programme(tmp_path):
    got = _responsibilities(tmp_path, "news.txt", (
        "Chiều 12/3, Ủy ban nhân dân tỉnh Gia Lai họp bàn về y tế cơ sở. Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, "
        "phối hợp với Sở Tài chính xây dựng Đề án nâng cao năng lực y tế cơ sở, trình trước ngày 30/6/2025. "
        "Theo chỉ đạo của Bộ Y tế, tỉnh đã giao các huyện rà soát trạm y tế.\n"))
    # (the place of a document without a header is the agencies recogniser's to find)
    rs = {(r.agency.split(" tỉnh")[0], r.role, r.object_kind, r.deadline) for r in got}
    assert rs == {("Sở Y tế", "lead", "programme", "2025-06-30"), ("Sở Tài chính", "cooperate", "programme", "2025-06-30")}


def test_joint_office_of_council_and_committee_is_one_body():
    from kg.extract.recognise.responsibilities import _joint_offices
    from kg.extract.records import AgencyMention

    text = "Văn phòng HĐND và UBND huyện chủ trì"
    ags = [AgencyMention("Văn phòng Hội đồng nhân dân huyện Yên Thành", "Văn phòng HĐND", 0, 14),
           AgencyMention("Ủy ban nhân dân huyện Yên Thành", "UBND huyện", 18, 28)]
    got = _joint_offices(text, ags)
    assert [(a.name, a.start, a.end) for a in got] == [
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Yên Thành", 0, 28)]
    assert _joint_offices("Sở Tài chính và UBND huyện", [AgencyMention("Sở Tài chính", "Sở Tài chính", 0, 12),
                                                         AgencyMention("U", "UBND huyện", 16, 26)])[0].end == 12


def test_cli_responsible_table_wraps_to_the_terminal_and_a_miss_names_who_is_responsible(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.views.wrap_table import wrap_table

    monkeypatch.setenv("COLUMNS", "80")
    d = build_store([DATA / "resp_district_plan.md"], tmp_path / "store")
    r = CliRunner().invoke(cli, ["responsible", "Phòng", "--store", str(d), "--today", "2024-07-01"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert max(len(x) for x in lines) <= 80 and lines[0].split()[:3] == ["agency", "role", "object"]
    agency_column = " ".join(x[: lines[1].index(" ")].strip() for x in lines[2:-1])
    assert "overdue" in r.output and "Phòng Tư pháp huyện" in " ".join(agency_column.split())  # wrapped, not cut
    r = CliRunner().invoke(cli, ["responsible", "Sở Giao thông", "--store", str(d)])
    assert r.exit_code != 0 and "Agencies with responsibilities: " in r.output and "Phòng Văn hóa" in r.output
    # a decomposed (NFD) name finds the same agency as the composed one
    import unicodedata

    r = CliRunner().invoke(cli, ["responsible", unicodedata.normalize("NFD", "Phòng Tư pháp"), "--store", str(d),
                                 "-f", "csv"])
    assert r.exit_code == 0 and "Phòng Tư pháp" in r.output
    table = wrap_table(["a", "b"], [["x" * 50, "một hai ba bốn năm sáu bảy"]], 30, wrap={0: 1, 1: 1})
    assert max(len(x) for x in table) <= 30 and any("bảy" in x for x in table)


def test_a_bare_document_word_is_this_document_only_in_a_summary_of_one(tmp_path):
    """'tổ chức thực hiện Nghị quyết' names the document itself in a resolution or in a headerless summary that
    says it summarises one; in a report, or in a headerless text about something else, it names nothing."""
    report = tmp_path / "report.txt"
    report.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n\nBÁO CÁO\nTình hình kinh tế - xã hội quý I năm 2025\n\nI. KẾT QUẢ\n\n"
        "UBND tỉnh giao Sở Y tế tổ chức thực hiện Nghị quyết, bảo đảm tiến độ. "
        "Thường trực HĐND tỉnh giám sát việc thực hiện Nghị quyết.\n", encoding="utf-8")
    assert [r for r in extract_file(report).responsibilities if not r.inferred] == []
    news = tmp_path / "news.txt"
    news.write_text(
        "Hội nghị xúc tiến đầu tư vào tỉnh Sơn La năm 2025\n\n" + "Hội nghị thu hút đông đảo doanh nghiệp. " * 20
        + "\n\nUBND tỉnh giao Sở Y tế tổ chức thực hiện Nghị quyết. "
        "Thường trực HĐND tỉnh giám sát việc thực hiện Nghị quyết.\n", encoding="utf-8")
    assert extract_file(news).responsibilities == []


def test_an_investor_naming_its_works_takes_those_not_the_list_before():
    from kg.extract import extract_text

    text = ("Kỳ họp thống nhất tập trung nguồn lực cho các công trình: Đường Nguyễn Trãi nối dài; Cầu Sông Đà 3; "
            "Công viên văn hóa Tân Thịnh; Bệnh viện Đa khoa thành phố Hòa Bình. Trong đó, Ban Quản lý dự án đầu tư "
            "xây dựng thành phố Hòa Bình là chủ đầu tư Đường Nguyễn Trãi nối dài và Cầu Sông Đà 3.\n")
    ex = extract_text(text)
    invests = {r.object for r in ex.responsibilities if r.role == "investor"}
    assert invests == {"Đường Nguyễn Trãi nối dài", "Cầu Sông Đà 3"}


# ------------------------------------------------------------------ a resolution's own task list
@pytest.mark.parametrize("name,numbers", [
    ("resp_district_resolution_tasks.md", ["1", "2", "3", "4", "5"]),  # "2. Nhiệm vụ, giải pháp" then 1., 2. again
    ("resp_city_resolution_lettered.md", ["a", "b", "c", "d"]),
    ("resp_commune_resolution_bullets.md", []),  # bullets: no numbered items, no tasks (SPEC: a task is numbered)
])
def test_resolution_tasks_under_a_numbered_heading(name, numbers):
    tasks = extract_file(DATA / name).tasks
    assert [t.n for t in tasks] == numbers
    assert all(t.section.lower().startswith("nhiệm vụ") for t in tasks)
    assert not any("Tổ chức thực hiện" in t.text or "Giao Ủy ban" in t.text for t in tasks)  # Điều 2 ends them


def test_items_numbered_again_stop_at_the_next_heading_of_the_outer_list(tmp_path):
    doc = tmp_path / "nq.md"
    doc.write_text(
        "HỘI ĐỒNG NHÂN DÂN\nHUYỆN CAM LỘ\n\nSố: 30/NQ-HĐND\n\nCam Lộ, ngày 10 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
        "Về nhiệm vụ năm 2025\n\nQUYẾT NGHỊ:\n\nĐiều 1. Thông qua nhiệm vụ năm 2025:\n\n1. Mục tiêu\n\nTăng thu ngân sách.\n\n"
        "2. Nhiệm vụ, giải pháp chủ yếu\n\n1. Phòng Kinh tế và Hạ tầng huyện rà soát quy hoạch chung.\n\n"
        "2. Tăng cường quản lý đất đai.\n\n3. Giải pháp về vốn\n\nHuy động vốn xã hội hóa cho hạ tầng.\n\n"
        "Điều 2. Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này.\n", encoding="utf-8")
    ex = extract_file(doc)
    assert [t.n for t in ex.tasks] == ["1", "2"]
    assert {(r.agency, r.object) for r in ex.responsibilities if r.role == "lead" and r.object_kind == "task"} == {
        ("Phòng Kinh tế và Hạ tầng huyện Cam Lộ", "1")}


def test_a_decision_keeps_its_articles_tasks_over_the_bullets_of_what_it_approves():
    tasks = extract_file(DATA / "tasks_decision_scheme.md").tasks
    assert [t.n for t in tasks] == ["1", "2", "3", "4"] and all(t.section.startswith("Điều 2") for t in tasks)


_NEWS_SESSION = (
    "Huyện Tam Đường bế mạc kỳ họp cuối năm\n\n"
    "Ngày 17/12, HĐND huyện Tam Đường khóa XXI tổ chức kỳ họp thứ 14. Các đại biểu đã nghe báo cáo tình hình "
    "kinh tế - xã hội năm 2024, thảo luận về những hạn chế trong giải ngân vốn đầu tư công và công tác giải phóng mặt "
    "bằng, về việc giữ vững an ninh trật tự ở các xã biên giới, về chăm lo đời sống người dân vùng sâu, vùng xa.\n\n"
    "Kỳ họp đã thông qua Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2025 với 18 chỉ tiêu chủ yếu.\n\n"
    "{closing}\n"
)


@pytest.mark.parametrize("closing, expected", [
    ("HĐND huyện giao UBND huyện tổ chức triển khai thực hiện các nghị quyết đã thông qua; Thường trực HĐND huyện, "
     "các Ban HĐND huyện và đại biểu HĐND huyện giám sát việc thực hiện.",
     {("Ủy ban nhân dân huyện Tam Đường", "lead"), ("Thường trực Hội đồng nhân dân huyện Tam Đường", "supervise")}),
    # the supervision with nothing before it that gives the document to carry out: no object, no row
    ("Thường trực HĐND huyện giám sát việc thực hiện.", set()),
])
def test_a_session_news_item_gives_the_resolution_it_passed(tmp_path, closing, expected):
    """A headerless news item that says the session passed a resolution stands for it: 'giao UBND huyện tổ chức
    triển khai thực hiện các nghị quyết đã thông qua' and the bare 'giám sát việc thực hiện' after it are about it."""
    rs = _responsibilities(tmp_path, "tin.txt", _NEWS_SESSION.format(closing=closing))
    assert {(r.agency, r.role) for r in rs if r.object_kind == "document"} == expected


def test_letter_directions_with_apposed_investors_and_trailing_cooperators():
    """'Ban X (chủ đầu tư Dự án A) tập trung ...': investor of the work, and the direction's subject; 'Ban Y, chủ đầu
    tư Dự án B, bảo đảm ...': likewise the investor of the work and the lead of the direction, due when it says;
    '..., Sở Tài chính phối hợp; hoàn thành trong Quý III' cooperates on it; a numbered direction to follow the
    carrying out of the letter itself ('... việc thực hiện văn bản này') supervises the letter, not the item."""
    got = {(r.agency.removesuffix(" tỉnh Hà Nam"), r.role, r.object_kind, r.object, r.deadline)
           for r in extract_file(DATA / "resp_province_letter_appositions.txt").responsibilities if not r.inferred}
    assert got == {
        ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông", "lead", "task", "2", None),
        ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông", "investor", "project",
         "Dự án đường nối hai cao tốc qua tỉnh Hà Nam", None),
        ("Ban Quản lý dự án đầu tư xây dựng", "investor", "project", "Dự án cải tạo, nâng cấp đường ĐT.491", "2025-11-30"),
        ("Ban Quản lý dự án đầu tư xây dựng", "lead", "task", "3", "2025-11-30"),
        ("Thanh tra", "supervise", "task", "4", "2025-Q3"),
        ("Sở Tài chính", "cooperate", "task", "4", "2025-Q3"),
        ("Sở Tài chính", "supervise", "document", "", None),
    }


def test_an_investor_of_works_announced_on_the_lines_after_it():
    """'Ban X làm chủ đầu tư các công trình:' then a bullet line per work, each with its own deadline: investor of
    each work (recognised as projects from their bullet lines), the deadline its line states."""
    got = {(r.object, r.deadline) for r in extract_file(DATA / "resp_district_decision_announced_works.txt").responsibilities
           if r.role == "investor" and r.agency == "Ban Quản lý dự án đầu tư xây dựng huyện Tuy An"}
    assert got == {("Kè chống sạt lở bờ sông Cái đoạn qua xã An Dân", "2025-Q3"),
                   ("Đường Trần Phú nối dài (đoạn từ Quốc lộ 1 đến chợ Chí Thạnh)", "2025-12-31"),
                   ("Trường Tiểu học An Ninh Tây", "2025-08")}


def test_a_direction_headed_by_its_topic_then_its_body(tmp_path):
    """'**1. Về phân bổ vốn**' on a line of its own, then 'Sở Tài chính chủ trì, phối hợp ...': the body's first
    clause opens with the body in charge."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 900/UBND-KT\nV/v đẩy nhanh giải ngân vốn đầu tư công\n"
            "Gia Lai, ngày 10 tháng 4 năm 2025\n\nKính gửi: Các sở, ngành.\n\n"
            "Ủy ban nhân dân tỉnh chỉ đạo như sau:\n\n"
            "**1. Về phân bổ vốn**\nSở Tài chính chủ trì, phối hợp Kho bạc Nhà nước khu vực XIV hoàn thành phân bổ vốn.\n\n"
            "**2. Về giám sát**\nSở Xây dựng kiểm tra, giám sát chất lượng các công trình.\n")
    got = {(r.agency.split(" tỉnh")[0], r.role, r.object) for r in _responsibilities(tmp_path, "cv.md", text)}
    assert {("Sở Tài chính", "lead", "1"), ("Kho bạc Nhà nước khu vực XIV", "cooperate", "1"),
            ("Sở Xây dựng", "supervise", "2")} <= got, got


def test_an_item_opening_with_a_body_that_works_with_another_named_without_voi(tmp_path):
    """'5. Phòng Văn hóa và Thông tin phối hợp Trung tâm Văn hóa - Thông tin và Thể thao huyện tổ chức ...' (no 'với'):
    the first leads, the second cooperates; a district's forest protection unit is a body ('Hạt Kiểm lâm huyện')."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐAK PƠ\nSố: 120/BC-UBND\nĐak Pơ, ngày 28 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
            "1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Hạt Kiểm lâm huyện hoàn thành trồng rừng.\n"
            "2. Phòng Văn hóa và Thông tin phối hợp Trung tâm Văn hóa - Thông tin và Thể thao huyện tổ chức hội thi.\n")
    got = {(r.agency, r.role, r.object) for r in _responsibilities(tmp_path, "bc.md", text)}
    assert {("Hạt Kiểm lâm huyện Đak Pơ", "cooperate", "1"), ("Phòng Văn hóa và Thông tin huyện Đak Pơ", "lead", "2"),
            ("Trung tâm Văn hóa - Thông tin và Thể thao huyện Đak Pơ", "cooperate", "2")} <= got, got


def test_a_lead_with_cung_names_who_works_with_it(tmp_path):
    """'Phòng Tài chính - Kế hoạch chủ trì, cùng Chi cục Thuế khu vực ... rà soát nguồn thu': the body after 'cùng'
    cooperates on the task."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐAK PƠ\nSố: 121/BC-UBND\nĐak Pơ, ngày 28 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
            "1. Phòng Tài chính - Kế hoạch chủ trì, cùng Bảo hiểm xã hội huyện rà soát nguồn thu.\n")
    got = {(r.agency, r.role, r.object) for r in _responsibilities(tmp_path, "bc.md", text)}
    assert {("Phòng Tài chính - Kế hoạch huyện Đak Pơ", "lead", "1"),
            ("Bảo hiểm xã hội huyện Đak Pơ", "cooperate", "1")} <= got, got


def test_an_item_naming_its_topic_before_the_body_that_works_with_another(tmp_path):
    """'3. Du lịch: Ban Quản lý Di tích X phối hợp với UBND xã tổ chức ...': the topic before the colon does not
    hide that the item opens with the body it is given to."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ THANH NƯA\nSố: 60/BC-UBND\nThanh Nưa, ngày 20 tháng 12 năm 2023\n\nBÁO CÁO\n"
            "Kết quả thực hiện nhiệm vụ năm 2023\n\nII. NHIỆM VỤ NĂM 2024\n"
            "1. Du lịch: Trạm Y tế xã phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức khám bệnh cho người cao tuổi.\n")
    got = {(r.agency.split(" xã")[0], r.role, r.object) for r in _responsibilities(tmp_path, "bc.txt", text)}
    assert ("Trạm Y tế", "lead", "1") in got, got


def test_a_body_after_an_items_topic_is_an_actor(tmp_path):
    """'1. Đầu tư xây dựng: Ủy ban nhân dân xã làm chủ đầu tư công trình X': the words before the colon name the
    item's topic; 'xây dựng Ủy ban ...' is not 'building the committee'."""
    text = ("ỦY BAN NHÂN DÂN\nXÃ THANH NƯA\nSố: 60/BC-UBND\nThanh Nưa, ngày 20 tháng 12 năm 2023\n\nBÁO CÁO\n"
            "Kết quả thực hiện nhiệm vụ năm 2023\n\nII. NHIỆM VỤ NĂM 2024\n"
            "1. Đầu tư xây dựng: Ủy ban nhân dân xã làm chủ đầu tư công trình Nhà văn hóa bản Co Mạy, hoàn thành trong "
            "Quý II/2024.\n")
    got = {(r.agency, r.role, r.deadline) for r in _responsibilities(tmp_path, "bc.txt", text) if not r.inferred}
    assert ("Ủy ban nhân dân xã Thanh Nưa", "investor", "2024-Q2") in got, got


@pytest.mark.parametrize("line, work, due", [
    ("1. Ban Quản lý dự án đầu tư xây dựng huyện (chủ đầu tư) đẩy nhanh thi công Dự án Đường liên xã Ia Dêr - Ia Sao, "
     "bảo đảm hoàn thành trong Quý IV/2024.", "Dự án Đường liên xã Ia Dêr - Ia Sao", "2024-Q4"),
    ("Ban Quản lý dự án đầu tư xây dựng huyện, với vai trò chủ đầu tư, phải hoàn thành Dự án Trụ sở Kho lưu trữ huyện "
     "trước ngày 30/11/2024.", "Dự án Trụ sở Kho lưu trữ huyện", "2024-11-30"),
])
def test_a_body_said_to_be_the_investor_of_the_work_its_clause_names(tmp_path, line, work, due):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN IA GRAI\nSố: 90/BC-UBND\nIa Grai, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n" + line + "\n")
    got = {(r.object, r.deadline) for r in _responsibilities(tmp_path, "bc.txt", text) if r.role == "investor"}
    assert got == {(work, due)}, got


def test_news_supervision_of_the_resolution_the_sentence_names_or_gave_to_carry_out():
    # a news summary of sessions: "giám sát việc thực hiện Nghị quyết số ..." and a bare "giám sát việc thực hiện"
    # after a clause that gave a numbered resolution to carry out; generic plurals supervise nothing
    rs = extract_file(DATA / "resp_news_supervision.md").responsibilities
    got = {(r.agency, r.role, r.object_kind, r.object) for r in rs}
    assert got == {
        ("Ủy ban nhân dân huyện Nho Quan", "lead", "directive", "51/NQ-HĐND"),
        ("Thường trực Hội đồng nhân dân huyện Nho Quan", "supervise", "directive", "51/NQ-HĐND"),
        ("Thường trực Hội đồng nhân dân huyện Nho Quan", "supervise", "directive", "52/NQ-HĐND"),
        ("Ủy ban nhân dân thị xã Kỳ Anh", "lead", "directive", "88/NQ-HĐND"),
        ("Thường trực Hội đồng nhân dân thị xã Kỳ Anh", "supervise", "directive", "88/NQ-HĐND"),
    }


@pytest.mark.parametrize("text,expected", [
    ("tổ chức đấu giá quyền sử dụng đất trong tháng 11; các phường phối hợp", "2024-11"),
    ("hoàn thành trước ngày 30 tháng 9", "2024-09-30"),
    ("trong tháng 11 năm 2025", "2025-11"),  # the year it states wins
    ("tổng hợp kết quả 6 tháng đầu năm", None),  # a span of months is no deadline
    ("trong tháng 13", None),
])
def test_a_day_or_month_without_its_year_is_in_the_documents_year(text, expected):
    assert deadline_in_text(text, "2024") == expected
    assert deadline_in_text(text) == (expected if expected and expected.startswith("2025") else None)


def _statements(name):
    return {(r.agency, r.role, r.object_kind, r.object, r.deadline) for r in _stated(name)}


def test_a_hard_wrapped_copy_of_a_letter_says_the_same():
    """The letter printed to pages (lines cut mid-sentence and mid-name, a running header and a page number inside
    items 5 and 12) gives the same statements as its plain text."""
    plain = _statements("resp_province_letter_partners.txt")
    assert len(plain) >= 25
    assert _statements("resp_province_letter_partners_wrapped.txt") == plain


@pytest.mark.parametrize("name, body, work", [
    ("resp_province_letter_partners.txt", "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh Hà Tĩnh",
     "Công trình Trung tâm Văn hóa tỉnh (giai đoạn 2)"),
    ("resp_province_letter_partners_wrapped.txt", "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh Hà Tĩnh",
     "Công trình Trung tâm Văn hóa tỉnh (giai đoạn 2)"),
    ("resp_district_report_partners.md", "Ban Quản lý dự án đầu tư xây dựng huyện Tân Sơn", "Dự án Đường Thu Cúc - Kim Thượng"),
])
def test_a_work_named_between_dashes_ends_before_what_its_investor_must_do(name, body, work):
    """'Ban X - chủ đầu tư công trình A (giai đoạn 2) - đôn đốc nhà thầu ...': the dash before the verb closes the
    work's name, so the body invests in A itself."""
    assert (body, work) in {(r.agency, r.object) for r in _stated(name) if r.role == "investor"}


@pytest.mark.parametrize("centre", ["Trung tâm Văn hóa - Thể thao huyện", "Trung tâm Truyền thông - Văn hóa huyện",
                                    "Trung tâm Dịch vụ nông nghiệp huyện"])
def test_a_centre_worked_with_right_after_phoi_hop_is_a_body(tmp_path, centre):
    """'X phối hợp Trung tâm Y huyện tổ chức ...' (no 'với'): the centre, known only by its head word, acts; so X
    leads and the centre cooperates. Named only as where something happens, it is no body."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PẮC\nSố: 77/BC-UBND\nKrông Pắc, ngày 28 tháng 6 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
            f"1. Phòng Văn hóa và Thông tin phối hợp {centre} tổ chức hội thi văn nghệ trong Quý III/2024.\n"
            f"2. Phòng Giáo dục và Đào tạo tổ chức hội khỏe Phù Đổng tại {centre}.\n")
    got = {(r.agency.removesuffix(" Krông Pắc"), r.role, r.object) for r in _responsibilities(tmp_path, "bc.txt", text)
           if not r.inferred}
    assert got == {("Phòng Văn hóa và Thông tin huyện", "lead", "1"), (centre, "cooperate", "1"),
                   ("Phòng Giáo dục và Đào tạo huyện", "lead", "2")}, got


@pytest.mark.parametrize("item, lead, partner", [
    # a heading line without a colon, the statement on the next line
    (("3. Công tác giải phóng mặt bằng\nỦy ban nhân dân xã Đông Cứu phối hợp với Trung tâm Phát triển quỹ đất huyện hoàn "
      "thành kiểm đếm trong tháng 5/2024."), "Ủy ban nhân dân xã Đông Cứu", "Trung tâm Phát triển quỹ đất huyện Gia Bình"),
    # a topic with its investor, cut by a line break that the page layout left
    (("3. Đối với dự án Đường Đông Cứu - Lãng Ngâm do Ban Quản lý dự án đầu tư xây dựng huyện\nlàm chủ đầu tư: Ủy ban "
      "nhân dân xã Lãng Ngâm phối hợp với Phòng Kinh tế và Hạ tầng huyện hoàn thành kiểm đếm trong tháng 5/2024."),
     "Ủy ban nhân dân xã Lãng Ngâm", "Phòng Kinh tế và Hạ tầng huyện Gia Bình"),
    # a long topic up to its colon
    (("3. Dự án nâng cấp đường Đông Cứu - Lãng Ngâm nối Quốc lộ 17 với đê hữu Đuống (giai đoạn 2): Ủy ban nhân dân xã "
      "Đông Cứu phối hợp với Trung tâm Phát triển quỹ đất huyện hoàn thành kiểm đếm trong tháng 5/2024."),
     "Ủy ban nhân dân xã Đông Cứu", "Trung tâm Phát triển quỹ đất huyện Gia Bình"),
    # near-misses: what comes before names a body of its own, so it is no topic: the body after it only cooperates
    (("3. Phòng Tài chính - Kế hoạch huyện báo cáo như sau: Ủy ban nhân dân xã Đông Cứu phối hợp với Trung tâm Phát "
      "triển quỹ đất huyện hoàn thành kiểm đếm trong tháng 5/2024."), None, None),
    (("3. Phòng Tài nguyên và Môi trường hoàn thành hồ sơ đất đai và\nỦy ban nhân dân xã Đông Cứu phối hợp với Trung tâm "
      "Phát triển quỹ đất huyện hoàn thành kiểm đếm trong tháng 5/2024."), None, None),
])
def test_a_topic_on_a_line_of_its_own_does_not_hide_the_body_an_item_opens_with(tmp_path, item, lead, partner):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN GIA BÌNH\nSố: 95/BC-UBND\nGia Bình, ngày 20 tháng 3 năm 2024\n\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội quý I năm 2024\n\nII. NHIỆM VỤ QUÝ II NĂM 2024\n"
            "1. Phòng Tài chính - Kế hoạch huyện tham mưu phân bổ vốn.\n" + item + "\n")
    got = {(r.agency, r.role, r.deadline) for r in _responsibilities(tmp_path, "bc.txt", text)
           if not r.inferred and r.object_kind == "task" and r.object == "3"}
    if lead is None:
        assert ("Ủy ban nhân dân xã Đông Cứu", "cooperate", "2024-05") in got and not [g for g in got if g[1] == "lead"
                                                                                    and "Đông Cứu" in g[0]], got
    else:
        assert {(lead, "lead", "2024-05"), (partner, "cooperate", "2024-05")} <= got, got


def test_a_task_s_own_time_label_is_every_body_s_deadline(tmp_path):
    got = _responsibilities(tmp_path, "bc.txt", (
        "ỦY BAN NHÂN DÂN\nHUYỆN KIM BẢNG\nSố: 88/BC-UBND\nKim Bảng, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\n"
        "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n"
        "1. Hoàn thiện hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao. Văn phòng Điều phối nông thôn mới huyện "
        "chủ trì tham mưu, thẩm định; Phòng Nông nghiệp và Phát triển nông thôn huyện phối hợp thực hiện; thời gian "
        "hoàn thành: Quý IV/2024.\n"
        "2. Rà soát các nguồn thu. Chi cục Thuế khu vực Kim Bảng chủ trì; thời gian thực hiện: Thường xuyên.\n"))
    assert {(r.agency.split(" huyện")[0], r.object, r.deadline) for r in got if not r.inferred} == {
        ("Văn phòng Điều phối nông thôn mới", "1", "2024-Q4"),
        ("Phòng Nông nghiệp và Phát triển nông thôn", "1", "2024-Q4"),
        ("Chi cục Thuế khu vực Kim Bảng", "2", None),
    }


def test_an_item_opening_with_an_investor_gives_it_the_item_too(tmp_path):
    got = _responsibilities(tmp_path, "bc.txt", (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 140/BC-UBND\nHòa Bình, ngày 25 tháng 6 năm 2024\n\nBÁO CÁO\n"
        "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n"
        "1. Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh là chủ đầu tư Dự án Đường Hòa Lạc - "
        "Hòa Bình, có trách nhiệm đẩy nhanh tiến độ thi công, hoàn thành trong tháng 9/2024.\n"
        "2. Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng tỉnh với vai trò chủ đầu tư khẩn trương khởi "
        "công Dự án Bệnh viện Đa khoa tỉnh Hòa Bình (giai đoạn 2) trong Quý IV/2024.\n"
        "3. Đẩy nhanh giải ngân. Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh kiểm soát thanh toán. Ban Quản lý "
        "dự án đầu tư xây dựng huyện Lạc Sơn là chủ đầu tư Dự án Cầu Mường Vang, tập trung thi công các hạng mục.\n"))
    rows = {(r.agency.split(" tỉnh")[0].split(" huyện")[0], r.role, r.object_kind, r.object.split(" (")[0])
            for r in got if not r.inferred}
    assert ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "lead", "task", "1") in rows
    assert ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "investor", "project",
            "Dự án Đường Hòa Lạc - Hòa Bình") in rows
    assert ("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng", "lead", "task", "2") in rows
    # a paragraph of a broader task that names the investor of one of its works says only that
    assert ("Ban Quản lý dự án đầu tư xây dựng", "lead", "task", "3") not in rows


@pytest.mark.parametrize("line, role", [
    ("2. Sở Kế hoạch và Đầu tư chủ trì theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch này; tổng hợp báo cáo "
     "UBND tỉnh hằng quý.", "supervise"),
    ("2. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch "
     "này.", "supervise"),
    # leading a work of its own stays leading, even about the plan
    ("2. Sở Kế hoạch và Đầu tư chủ trì tổng hợp kết quả thực hiện Kế hoạch này, báo cáo UBND tỉnh.", "lead"),
    ("2. Sở Kế hoạch và Đầu tư chủ trì theo dõi tiến độ các dự án trọng điểm.", "lead"),
])
def test_leading_the_watch_over_this_document_is_supervising_it(tmp_path, line, role):
    got = _responsibilities(tmp_path, "kh.txt", (
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 45/KH-UBND\nKon Tum, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\n"
        "Thực hiện nhiệm vụ năm 2025\n\nIV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành căn cứ nhiệm vụ được giao tổ chức "
        "thực hiện.\n" + line + "\n"))
    roles = {r.role for r in got if r.agency.startswith("Sở Kế hoạch") and not r.inferred}
    assert roles == {role}, got


@pytest.mark.parametrize("executors, expected", [
    ("Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Tài chính - Kế hoạch, Giám đốc Ban Quản lý dự án đầu tư xây "
     "dựng huyện, Thủ trưởng các phòng, ban, đơn vị liên quan và Chủ tịch UBND các xã, thị trấn",
     {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lục Ngạn", "Phòng Tài chính - Kế hoạch huyện Lục Ngạn",
      "Ban Quản lý dự án đầu tư xây dựng huyện Lục Ngạn"}),
    ("Chánh Văn phòng UBND huyện, Trưởng phòng Nông nghiệp và Phát triển nông thôn, Hạt trưởng Hạt Kiểm lâm huyện, "
     "Chủ tịch UBND các xã và các cơ quan, đơn vị có liên quan",
     {"Văn phòng Ủy ban nhân dân huyện Lục Ngạn", "Phòng Nông nghiệp và Phát triển nông thôn huyện Lục Ngạn",
      "Hạt Kiểm lâm huyện Lục Ngạn"}),
    # only generic heads besides the office: no one else
    ("Chánh Văn phòng UBND huyện, Thủ trưởng các cơ quan, đơn vị liên quan",
     {"Văn phòng Ủy ban nhân dân huyện Lục Ngạn"}),
])
def test_heads_named_by_their_titles_execute_a_decision(tmp_path, executors, expected):
    text = ("ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN\nSố: 215/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu năm 2025\n\n"
            "Điều 1. Giao chỉ tiêu kế hoạch năm 2025 cho các cơ quan, đơn vị.\n"
            f"Điều 2. {executors} chịu trách nhiệm thi hành Quyết định này./.\n")
    got = {r.agency for r in _responsibilities(tmp_path, "qd.txt", text) if r.role == "lead" and r.object_kind == "document"}
    assert got == expected


def test_a_province_decision_executed_by_offices_departments_and_committees(tmp_path):
    """';' parts mixing an office and 'Giám đốc các Sở: ...', a body named by its head alone, and the committees of
    the units named after 'Chủ tịch UBND thành phố X'."""
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nSố: 1205/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch phát triển "
            "du lịch năm 2025\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch năm 2025.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Du lịch, "
            "Tài chính, Xây dựng; Giám đốc Ban Quản lý vịnh Hạ Long; Chủ tịch UBND thành phố Hạ Long, thị xã Quảng "
            "Yên và các huyện; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.\n")
    got = {r.agency for r in _responsibilities(tmp_path, "qd.txt", text) if r.role == "lead" and r.object_kind == "document"}
    assert got == {"Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh", "Sở Du lịch tỉnh Quảng Ninh", "Sở Tài chính tỉnh Quảng Ninh",
                   "Sở Xây dựng tỉnh Quảng Ninh", "Ban Quản lý vịnh Hạ Long", "Ủy ban nhân dân thành phố Hạ Long",
                   "Ủy ban nhân dân thị xã Quảng Yên"}

"""Supervision: following, checking and watching over the carrying out of a document or of the work in hand."""
from conftest import DATA

from kg.extract import extract_file


def _stated(name: str, place: str) -> set[tuple]:
    """(agency without its place, role, object kind, object, deadline) of what a document of ours states."""
    return {(r.agency.removesuffix(" " + place), r.role, r.object_kind, r.object, r.deadline)
            for r in extract_file(DATA / name).responsibilities if not r.inferred}


def test_a_numbered_item_that_watches_over_the_document_supervises_the_document():
    """'2. Phòng X có trách nhiệm theo dõi, kiểm tra việc thực hiện Kế hoạch này; ... trước ngày 20/11/2025', '3. Phòng
    X chủ trì, phối hợp với Phòng Y theo dõi ... Kế hoạch này' (Y cooperates on the document), '4. Văn phòng ...:' then
    '- Theo dõi, đôn đốc việc thực hiện Kế hoạch này', '5. Giao Phòng X đôn đốc, theo dõi việc thực hiện Văn bản này':
    what is followed is the document, not the item. Watching the items' work ('... các nhiệm vụ nêu trên') stays on
    the item, and so does leading a work about the document ('chủ trì tổng hợp kết quả thực hiện Kế hoạch này'). The
    routine closing line 'Văn phòng ... theo dõi, tổng hợp, báo cáo ... kết quả thực hiện' is no duty."""
    assert _stated("resp_watch_district_plan.md", "huyện Hàm Thuận Bắc") == {
        ("Phòng Nội vụ", "lead", "task", "1", "2025-Q2"),
        ("Phòng Tư pháp", "supervise", "document", "", "2025-11-20"),  # the report that follows gives the deadline
        ("Phòng Tài chính - Kế hoạch", "supervise", "document", "", None),
        ("Phòng Nội vụ", "cooperate", "document", "", None),
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "supervise", "document", "", None),
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "lead", "task", "4", None),  # its other bullet
        ("Phòng Văn hóa và Thông tin", "supervise", "document", "", None),
        ("Phòng Kinh tế và Hạ tầng", "supervise", "task", "6", "2025-12"),
        ("Phòng Nội vụ", "lead", "task", "7", "2025-12"),
    }


def test_the_watch_over_a_letter_read_across_wrapped_lines_and_a_page_header():
    """A hard-wrapped letter whose item breaks across a page header: 'theo dõi,\\nkiểm tra, đôn đốc việc thực hiện
    Công văn này; ... báo cáo Chủ tịch UBND | <header> | - 2 - | thị xã trước ngày 15/12/2025'."""
    assert _stated("resp_watch_town_letter_wrapped.txt", "thị xã Buôn Hồ") == {
        ("Ban Quản lý dự án đầu tư xây dựng", "lead", "task", "1", "2025-09-30"),
        ("Phòng Quản lý đô thị", "supervise", "document", "", "2025-12-15"),
        ("Phòng Tài chính - Kế hoạch", "cooperate", "document", "", "2025-12-15"),
        ("Phòng Tài nguyên và Môi trường", "supervise", "task", "3", None),  # '... các nội dung nêu trên'
    }


def test_checking_the_work_in_hand_is_supervising_it():
    """A body whose own verb is checking or supervising ('có trách nhiệm kiểm tra, giám sát chất lượng ...', 'tăng cường
    kiểm tra, giám sát ...' after ';', 'theo dõi, đôn đốc, kiểm tra tiến độ ...' in the item's second sentence,
    'Thanh tra, kiểm tra ...' under the body's heading, 'theo dõi, đôn đốc các nhà thầu ...') supervises the item,
    a bullet of a headed item that names its own body included. Leading the check ('chủ trì kiểm tra ...'), urging
    collection ('kiểm tra, đôn đốc thu tiền sử dụng đất'), verbs that run on into others ('theo dõi, tổng hợp, báo
    cáo ...') and urging alone ('đôn đốc các đơn vị ...') are leading it; several checking verbs before others
    ('theo dõi, đôn đốc, tổng hợp kết quả ...') are supervising still."""
    assert _stated("resp_checks_city_letter.md", "thành phố Phan Thiết") == {
        ("Ban Quản lý dự án đầu tư xây dựng", "lead", "task", "1", "2025-08-31"),
        ("Phòng Quản lý đô thị", "supervise", "task", "1", None),
        ("Ủy ban nhân dân phường Phú Thủy", "lead", "task", "2", "2025-08"),
        ("Phòng Tài nguyên và Môi trường", "supervise", "task", "2", None),
        ("Ban Quản lý các cụm công nghiệp", "supervise", "task", "3", None),
        ("Thanh tra", "supervise", "task", "4", None),
        ("Phòng Kinh tế", "supervise", "task", "5", None),
        ("Phòng Tài chính - Kế hoạch", "lead", "task", "6", "2025-10"),
        ("Chi cục Thuế khu vực Phan Thiết - Hàm Thuận Nam", "lead", "task", "7", "2025"),
        ("Phòng Văn hóa và Thông tin", "lead", "task", "8", "2025-12-15"),
        ("Phòng Nội vụ", "lead", "task", "9", None),
        ("Phòng Tài chính - Kế hoạch", "supervise", "task", "10", "2025-12-10"),  # 'theo dõi, đôn đốc, tổng hợp ...'
        # the last item, headed by its body, watches over the letter; the recipients after it are no bullets of it
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "supervise", "document", "", None),
    }


def test_checking_read_across_wrapped_lines_and_a_page_header_in_a_report():
    """The same in a hard-wrapped report's tasks, a page header inside one; the report's period is the deadline
    of its tasks. A task given to a body to check names who carries it out: the issuer is not taken to lead it."""
    got = {(r.agency.removesuffix(" huyện Đức Linh"), r.role, r.object, r.inferred)
           for r in extract_file(DATA / "resp_checks_district_report_wrapped.txt").responsibilities}
    assert got == {
        ("Chi cục Thuế khu vực Tánh Linh - Đức Linh", "lead", "1", False),  # 'đôn đốc thu nợ thuế'
        ("Ban Quản lý dự án đầu tư xây dựng", "lead", "2", False),
        ("Phòng Kinh tế và Hạ tầng", "supervise", "2", False),
        ("Phòng Nông nghiệp và Môi trường", "lead", "3", False),
        ("Phòng Tài chính - Kế hoạch", "supervise", "3", False),
        ("Thanh tra", "supervise", "4", False),
        ("Phòng Văn hóa, Khoa học và Thông tin", "lead", "5", False),  # 'kiểm tra, hướng dẫn các xã tổ chức ...'
    }


def test_a_peoples_body_asked_to_supervise_the_document_supervises_it():
    """'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện giám sát việc thực hiện
    Nghị quyết này': of requests, the one that makes its addressee responsible; the generic plural stays out. A
    request to do anything else ('Đề nghị Hội Nông dân huyện tuyên truyền, vận động ...') makes no one responsible,
    nor does one to supervise without the carrying out ('tham gia giám sát, vận động hội viên thực hiện ...')."""
    assert _stated("resp_people_district_resolution.md", "huyện Tánh Linh") == {
        ("Ủy ban nhân dân", "lead", "document", "", None),
        ("Thường trực Hội đồng nhân dân", "supervise", "document", "", None),
        ("Ủy ban Mặt trận Tổ quốc", "supervise", "document", "", None),
    }


def test_a_bare_request_to_supervise_read_across_a_page_header_in_a_plan():
    """'2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các đoàn thể chính trị - xã hội | <header> | - 3 - | tỉnh phối hợp
    giám sát việc thực hiện Kế hoạch.' in the plan's implementation section: the Front supervises the plan; a bare
    'Đề nghị Hội Nông dân tỉnh phối hợp giám sát.' says nothing of what is supervised."""
    assert _stated("resp_people_province_plan_wrapped.txt", "tỉnh Tuyên Quang") == {
        ("Sở Xây dựng", "lead", "document", "", "2025-03-31"),
        ("Ủy ban Mặt trận Tổ quốc", "supervise", "document", "", None),
    }


def test_peoples_bodies_that_join_the_supervision_of_a_resolution_in_a_news_summary():
    """'Ủy ban MTTQ Việt Nam phường phối hợp giám sát việc thực hiện Nghị quyết' (supervising, not cooperating), 'Đề
    nghị Hội Cựu chiến binh phường tham gia giám sát việc thực hiện Nghị quyết'; not 'Đề nghị Đoàn Thanh niên phường
    tham gia giám sát, vận động thanh niên ...', nor a past supervision ('... đã giám sát 4 cuộc')."""
    assert _stated("resp_people_ward_news.md", "phường Tân Thịnh") == {
        ("Ủy ban nhân dân", "lead", "document", "", None),
        ("Ủy ban Mặt trận Tổ quốc", "supervise", "document", "", None),
        ("Hội Cựu chiến binh", "supervise", "document", "", None),
    }


def test_supervising_a_work_in_a_news_summary():
    """Outside a task the object is the work: the one the sentence before is about when the clause names it only as
    'dự án' ('Sở Xây dựng được giao kiểm tra, giám sát chất lượng thi công của dự án'), or the one it names. Without
    a work there is no object ('... việc sử dụng kinh phí sự nghiệp'), and a figure of checks done is no duty."""
    assert _stated("resp_checks_province_news.md", "tỉnh Quảng Ngãi") == {
        ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "lead", "project",
         "Dự án Đường ven biển Dung Quất - Sa Huỳnh", "2025-12-31"),
        ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "investor", "project",
         "Dự án Đường ven biển Dung Quất - Sa Huỳnh", "2025-12-31"),
        ("Sở Xây dựng", "supervise", "project", "Dự án Đường ven biển Dung Quất - Sa Huỳnh", None),
        ("Sở Giao thông vận tải", "supervise", "project", "Dự án Cầu Trà Khúc 3", None),
    }

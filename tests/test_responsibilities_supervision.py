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
    the item, and so does leading a work about the document ('chủ trì tổng hợp kết quả thực hiện Kế hoạch này')."""
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

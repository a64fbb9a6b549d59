"""Projects and programmes: boundaries, lists, road sections, aliases, kinds, generic phrases, offsets."""
from __future__ import annotations

import pytest

from kg.extract import document_context
from kg.recognise.named import find_named
from kg.structure import parse_header


def _named(text: str, category: str | None = None):
    ctx = document_context(text, parse_header(text), len(text), [])
    out = find_named(ctx)
    return [n for n in out if category is None or n.category == category], ctx


def _names(text: str, category: str | None = None) -> set[str]:
    return {n.name for n in _named(text, category)[0]}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đẩy nhanh tiến độ thực hiện dự án Cầu Sông Hồng để sớm đưa vào sử dụng.", "Dự án Cầu Sông Hồng"),
        ("Tập trung thi công dự án Đường Bản Mới (nhánh 2), đảm bảo chất lượng.", "Dự án Đường Bản Mới (nhánh 2)"),
        ("Khởi công Nhà máy Thủy điện Nậm Pẻn nhằm tăng sản lượng điện.", "Nhà máy Thủy điện Nậm Pẻn"),
        ("Hoàn thành giải phóng mặt bằng Khu công nghiệp Phú Hòa trên địa bàn huyện.", "Khu công nghiệp Phú Hòa"),
    ],
)
def test_named_project_boundaries(text, expected):
    assert expected in _names(text, "project")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tập trung chỉ đạo xây dựng Cụm công nghiệp Tân An 1, 2 và Khu tái định cư Tân An.",
         {"Cụm công nghiệp Tân An 1", "Cụm công nghiệp Tân An 2", "Khu tái định cư Tân An"}),
        ("Phê duyệt chủ trương đầu tư dự án Xây dựng hạ tầng cụm công nghiệp Đồng Tâm 1, Đồng Tâm 2 và các dự án khác.",
         {"Dự án Xây dựng hạ tầng cụm công nghiệp Đồng Tâm 1", "Dự án Xây dựng hạ tầng cụm công nghiệp Đồng Tâm 2"}),
        (("Sớm khởi công các dự án: Khu du lịch sinh thái Hồ Núi, Khu trung chuyển hàng hóa Bắc Phong; "
         "Trồng rừng và phát triển cây dược liệu trên địa bàn tỉnh."),
         {"Khu du lịch sinh thái Hồ Núi", "Khu trung chuyển hàng hóa Bắc Phong",
          "Trồng rừng và phát triển cây dược liệu trên địa bàn tỉnh"}),
    ],
)
def test_named_list_expansion(text, expected):
    assert expected <= _names(text, "project")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đẩy nhanh tiến độ Dự án cải tạo, nâng cấp Quốc lộ 9C (đoạn Km3+700 đến Km18); giải ngân vốn.",
         "Dự án cải tạo, nâng cấp Quốc lộ 9C (đoạn Km3+700 đến Km18)"),
        (("Cụ thể: (1) Trường THPT Bình Minh; (2) Cải tạo, sửa chữa đường tỉnh ĐT.246 (Bình Xá - Bắc Xá) đoạn từ Km19 đến Km43; "
         "(3) Hồ Bản Mới, xã Lợi Bắc."),
         "Cải tạo, sửa chữa đường tỉnh ĐT.246 (Bình Xá - Bắc Xá) đoạn từ Km19 đến Km43"),
    ],
)
def test_named_road_sections(text, expected):
    assert expected in _names(text, "project")


def test_named_alias_merging():
    text = ("Hoàn thành nhịp vòm dự án Cầu Hòa Bình. Xây dựng khu tái định cư thuộc dự án Cầu Hòa Bình. "
            "Trong đó có một số dự án lớn như: Cầu Hòa Bình; Khu chế xuất 2.")
    found, _ = _named(text, "project")
    bridge = {n.name for n in found if "Hòa Bình" in n.text}
    assert bridge == {"Dự án Cầu Hòa Bình"}
    assert len([n for n in found if "Hòa Bình" in n.text]) >= 2


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2022.",
         "Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2022", "Chương trình"),
        ("Ban hành và triển khai Kế hoạch thực hiện Nghị quyết số 02/NQ-CP ngày 01/01/2022 của Chính phủ.",
         "Kế hoạch thực hiện Nghị quyết số 02/NQ-CP", "Kế hoạch"),
        ("Tiếp tục triển khai Đề án phát triển lâm nghiệp bền vững trên địa bàn tỉnh.",
         "Đề án phát triển lâm nghiệp bền vững trên địa bàn tỉnh", "Đề án"),
        ("Tập trung đẩy nhanh tiến độ chiến dịch tiêm chủng mùa xuân.", "Chiến dịch tiêm chủng mùa xuân", "Chiến dịch"),
        ("Hưởng ứng Tháng hành động vì trẻ em năm 2024.", "Tháng hành động vì trẻ em năm 2024", "Chiến dịch"),
        ("Tổ chức phát động phong trào thi đua “Vì an ninh tổ quốc năm 2022”.",
         "Phong trào thi đua “Vì an ninh tổ quốc năm 2022”", "Phong trào"),
        ("Tập trung lập Quy hoạch tỉnh Hòa Bình thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.",
         "Quy hoạch tỉnh Hòa Bình thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", "Quy hoạch"),
    ],
)
def test_named_programme_kinds(text, name, kind):
    found, _ = _named(text, "programme")
    assert (name, kind) in {(n.name, n.kind) for n in found}


@pytest.mark.parametrize(
    "text",
    [
        "Công tác giải phóng mặt bằng một số dự án trọng điểm còn chậm.",
        "Trong quý I, đã khởi công mới 03 dự án, giá trị khối lượng ước 420 tỷ đồng.",
        "Triển khai các dự án đầu tư công khởi công mới năm 2022.",
        "Các sở, ngành xây dựng các chương trình, kế hoạch cụ thể.",
        "Trồng rừng mới ước đạt 2.530 ha, đạt 28,1% kế hoạch, tăng 5%.",
        "Ban hành Kế hoạch số 44/KH-BCĐ ngày 10/02/2022 của Ban Chỉ đạo.",
        "Tổ chức các đợt cao điểm trấn áp tội phạm.",
        "Thực hiện các dự án sử dụng vốn vay ADB theo kế hoạch.",
    ],
)
def test_named_generic_phrases_rejected(text):
    assert _named(text)[0] == []


@pytest.mark.parametrize(
    "text",
    [
        "Đẩy nhanh tiến độ dự án Cầu Sông Hồng; triển khai Đề án phát triển giao thông nông thôn.",
        "Tập trung chỉ đạo xây dựng Cụm công nghiệp Tân An 1, 2 và Khu tái định cư Tân An.",
        "Cụ thể: (1) Trường THPT Bình Minh; (2) Hồ Bản Mới, xã Lợi Bắc.",
    ],
)
def test_named_offsets(text):
    found, ctx = _named(text)
    assert found
    for n in found:
        assert ctx.text[n.start:n.end] == n.text
        assert n.category in ("project", "programme")
        if n.category == "programme":
            assert n.kind in ("Chương trình", "Đề án", "Quy hoạch", "Kế hoạch", "Phong trào", "Chiến dịch")


def test_named_import_does_no_work():
    import importlib

    import kg.recognise.named as mod

    importlib.reload(mod)
    assert mod._RX == {}


# ----------------------------------------------------------------------------- documents of our own
# Each tests/data/named_*.txt has a named_*.expected.json: the exact projects and programmes (with kind) it
# names, phrases that must not come out as names, and short forms that must take the full name.
_DATA = __import__("pathlib").Path(__file__).parent / "data"
_DOCS = sorted(p.stem for p in _DATA.glob("named_*.txt"))


@pytest.mark.parametrize("stem", _DOCS)
def test_named_documents(stem):
    import json

    from kg.extract import extract_text

    text = (_DATA / f"{stem}.txt").read_text(encoding="utf-8")
    exp = json.loads((_DATA / f"{stem}.expected.json").read_text(encoding="utf-8"))
    ex = extract_text(text)
    found = ex.named
    projects = {n.name for n in found if n.category == "project"}
    programmes = {(n.name, n.kind) for n in found if n.category == "programme"}
    assert projects == set(exp["projects"])
    assert programmes == {tuple(x) for x in exp["programmes"]}
    names = {n.name.lower() for n in found} | {n.text.lower() for n in found}
    for phrase in exp.get("not_named", []):
        assert phrase.lower() not in names, phrase
    for short, full in exp.get("mentions", {}).items():
        uses = [n for n in found if n.text == short]
        assert uses and all(n.name == full for n in uses), short
    for n in found:
        assert ex.text[n.start:n.end] == n.text

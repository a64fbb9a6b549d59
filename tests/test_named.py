"""Projects and programmes: boundaries, lists, road sections, aliases, kinds, generic phrases, offsets."""
from __future__ import annotations

import pytest
from conftest import DATA, data_case

from kg.extract import document_context
from kg.extract.recognise.named import find_named
from kg.extract.structure import parse_header


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
        # an investor in brackets is said of the work, not part of its name
        ("Đẩy nhanh Dự án xây dựng Trung tâm Văn hóa tỉnh (chủ đầu tư: Ban Quản lý dự án tỉnh) trong quý III.",
         "Dự án xây dựng Trung tâm Văn hóa tỉnh"),
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
        # a national target programme carried out in a year is the one programme, not one per year
        ("Triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2022.",
         "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Chương trình"),
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
        "Đẩy nhanh giải ngân vốn dự án đầu tư công năm 2024 của tỉnh Lào Cai.",
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông và Ban Quản lý dự án công trình dân dụng phối hợp.",
        "Rà soát danh mục dự án kêu gọi đầu tư của tỉnh Yên Bái giai đoạn 2021 - 2025.",
        # a curriculum by its school level, and each investor's working paper
        "Tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 99,6%; chương trình giáo dục phổ thông mới được triển khai.",
        "Các chủ đầu tư lập kế hoạch giải ngân chi tiết, định kỳ ngày 25 hằng tháng báo cáo UBND huyện.",
        "Chủ trì tổng hợp kế hoạch giải ngân, gửi Sở Tài chính trước ngày 10 hằng tháng.",
        "Các chủ đầu tư xây dựng kế hoạch thực hiện chi tiết theo từng tháng cho từng công trình.",
        "Hoàn thành lập quy hoạch chi tiết tỷ lệ 1/500 trong quý III.",
        # a report's span after the yearly plan: what is reported on, not a plan of its own
        "Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 9 tháng đầu năm 2024 của huyện.",
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

    import kg.extract.recognise.named as mod

    importlib.reload(mod)
    assert mod._RX == {}


# ----------------------------------------------------------------------------- documents of our own
# Each tests/data/named_*.txt has a named_*.expected.json: the exact projects and programmes (with kind) it
# names, phrases that must not come out as names, and short forms that must take the full name.
_DOCS = sorted(p.stem for p in DATA.glob("named_*.txt"))


@pytest.mark.parametrize("stem", _DOCS)
def test_named_documents(stem):
    _, exp, ex = data_case(stem)
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


@pytest.mark.parametrize(
    "text, expected",
    [
        # a table row: the cell ends the name
        ("3 | Kế hoạch phát triển thương mại điện tử tỉnh Bình Phước năm 2025 | Sở Công Thương | Quý II/2025",
         "Kế hoạch phát triển thương mại điện tử tỉnh Bình Phước năm 2025"),
        # a remark in parentheses is not part of the name
        ("Bàn giao mặt bằng Dự án đầu tư xây dựng Cảng cá Lạch Bạng (đã được phê duyệt chủ trương tại Quyết định số 5/QĐ-UBND) trước ngày 30/6/2025.",
         "Dự án đầu tư xây dựng Cảng cá Lạch Bạng"),
        ("Lập báo cáo khả thi dự án xây dựng cầu Vàm Cống 2 (nối hai tỉnh Đồng Tháp – Cần Thơ) trong năm 2025.",
         "Dự án xây dựng cầu Vàm Cống 2"),
        # a period closes the name: what follows is a new phrase
        ("Giải ngân Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 vốn ngân sách huyện đạt 60%.",
         "Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025"),
        ("Triển khai Đề án phát triển thương hiệu gạo Hậu Giang đến năm 2030, thúc đẩy liên kết chuỗi giá trị.",
         "Đề án phát triển thương hiệu gạo Hậu Giang đến năm 2030"),
        # ... unless a qualifier follows it
        ("Hoàn thiện Quy hoạch tỉnh Yên Bái thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 theo quy định.",
         "Quy hoạch tỉnh Yên Bái thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"),
        # a quoted title closes a campaign's name
        ("Tiếp tục phong trào “Chung tay vì người nghèo” trong xây dựng nhà ở cho hộ khó khăn.",
         "Phong trào “Chung tay vì người nghèo”"),
        # a stop word that is part of the name
        ("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025.",
         "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025"),
        ("Ban hành Kế hoạch xây dựng phường đạt chuẩn đô thị văn minh năm 2025.",
         "Kế hoạch xây dựng phường đạt chuẩn đô thị văn minh năm 2025"),
        # "và" before a directive of its own ends the plan's name
        ("Triển khai Kế hoạch phát triển kinh tế - xã hội năm 2025 và Nghị quyết số 08/NQ-HĐND của HĐND huyện.",
         "Kế hoạch phát triển kinh tế - xã hội năm 2025"),
    ],
)
def test_named_boundaries_of_plans_and_works(text, expected):
    assert expected in _names(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đã triển khai các dự án: trùng tu đình Thổ Hà, chùa Bổ Đà và lăng Đá Kép.",
         {"Trùng tu đình Thổ Hà", "Chùa Bổ Đà", "Lăng Đá Kép"}),
        ("Hoàn thành các công trình như: Công viên Văn Lang; Nhà văn hóa tổ 7, phường Tân Dân; Khu đô thị Nam Cường.",
         {"Công viên Văn Lang", "Nhà văn hóa tổ 7, phường Tân Dân", "Khu đô thị Nam Cường"}),
        ("Khu đô thị Bắc Ninh Xanh, khu Đồng Kỵ - Trang Hạ; khu liên hợp thể thao Từ Sơn và khu hành chính mới Từ Sơn.",
         {"Khu đô thị Bắc Ninh Xanh", "Khu Đồng Kỵ - Trang Hạ"}),
        ("Khởi công Cầu Phong Châu mới, Đường Âu Cơ kéo dài và Công viên Đồng Gò.",
         {"Cầu Phong Châu mới", "Đường Âu Cơ kéo dài", "Công viên Đồng Gò"}),
        ("Thành phố chuẩn bị khởi công nhiều dự án lớn như Tuyến tàu điện Số 2, cao tốc Biên Hòa – Vũng Tàu.",
         {"Tuyến tàu điện Số 2", "Cao tốc Biên Hòa – Vũng Tàu"}),
    ],
)
def test_named_works_without_a_project_head(text, expected):
    assert expected <= _names(text, "project")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tiếp tục triển khai dự án trồng nấm dược liệu gắn với tiêu thụ sản phẩm tại bản Nà Ngần, xã Thượng Ân.",
         "Dự án trồng nấm dược liệu gắn với tiêu thụ sản phẩm tại bản Nà Ngần, xã Thượng Ân"),
        ("Đề xuất dự án lắp đặt hệ thống camera giám sát giao thông kết nối Trung tâm IOC của thị xã.",
         "Dự án lắp đặt hệ thống camera giám sát giao thông kết nối Trung tâm IOC của thị xã"),
    ],
)
def test_named_project_described_by_what_it_does(text, expected):
    assert expected in _names(text, "project")


def test_named_work_after_an_agency_that_is_its_investor():
    text = "Giao Ban Quản lý dự án đầu tư xây dựng tỉnh làm chủ đầu tư Dự án Cầu Bình Ca."
    assert _names(text, "project") == {"Dự án Cầu Bình Ca"}


def test_named_parent_of_a_component_is_not_read_from_its_description():
    text = ("Bàn giao mặt bằng dự án thành phần 1, đoạn Cam Lâm - Vĩnh Hảo thuộc dự án cao tốc Bắc - Nam "
            "đoạn tuyến kết nối cao tốc Cam Lâm với cảng Cam Ranh và sân bay Cam Ranh.")
    names = _names(text, "project")
    assert "Dự án thành phần 1, đoạn Cam Lâm - Vĩnh Hảo" in names
    assert not any(n.startswith("Dự án cao tốc") for n in names)


def test_named_short_form_takes_the_full_name():
    text = ("Hoàn thành hạ tầng Khu công nghiệp Tân Trường 2, huyện Cẩm Giàng (sau đây gọi là KCN Tân Trường 2). "
            "Thu hút 5 nhà đầu tư vào KCN Tân Trường 2 trong năm 2025.")
    found, _ = _named(text, "project")
    assert {n.name for n in found} == {"Khu công nghiệp Tân Trường 2, huyện Cẩm Giàng"}
    assert any(n.text == "KCN Tân Trường 2" for n in found)


def test_named_plural_list_of_programmes_is_distributed():
    text = "Thực hiện các Chương trình mục tiêu quốc gia về giảm nghèo bền vững, phát triển vùng dân tộc thiểu số."
    assert _names(text, "programme") == {"Chương trình mục tiêu quốc gia về giảm nghèo bền vững",
                                         "Chương trình mục tiêu quốc gia về phát triển vùng dân tộc thiểu số"}


@pytest.mark.parametrize(
    "text",
    [
        "Ban hành Kế hoạch tổ chức thực hiện trên địa bàn huyện.",
        "Xây dựng kế hoạch hoạt động năm 2025 của các phòng.",
        "Duy trì phong trào thể dục, thể thao quần chúng ở các thôn.",
        "Đã phê duyệt 01 Đề án đóng cửa mỏ đá.",
        "Tiếp tục các Đề án chống thất thu thuế.",
        "Vốn các Chương trình mục tiêu quốc gia giao chậm.",
        "Lập quy hoạch chi tiết các phường theo quy định.",
        "Thực hiện tốt kế hoạch phát triển kinh tế - xã hội 6 tháng đầu năm.",
        "Bổ sung Kế hoạch đầu tư công trung hạn cho các xã.",
        "Các ngành chuẩn bị nội dung các báo cáo, đề án để trình kỳ họp thứ 7 của HĐND tỉnh.",
        "Xây dựng chương trình công tác năm 2025 và các đề án trình Huyện ủy.",
        "Biểu dương kết quả phong trào thi đua năm 2024 của huyện.",
        "Phong trào văn nghệ quần chúng phát triển rộng khắp.",
        "Theo đó, Kế hoạch triển khai thực hiện các nội dung cụ thể: tuyên truyền, vận động.",
        "Thông qua chương trình kỳ họp thứ 12 HĐND tỉnh khóa XVII.",
        "Phân bổ vốn thực hiện các Chương trình MTQG giai đoạn 2021 - 2025 theo hướng dẫn.",
        "Tổ chức chương trình nghệ thuật chào mừng Ngày Quốc khánh 2/9.",
        "Thực hiện các kế hoạch, chương trình, đề án của UBND tỉnh về phát triển các ngành giai đoạn 2021-2025.",
    ],
)
def test_named_generic_plans_rejected(text):
    assert _names(text, "programme") == set()


def test_named_works_in_two_places_stay_two():
    text = "Hoàn thành Trung tâm y tế huyện Phú Lương; khởi công Trung tâm y tế huyện Đại Từ."
    found, _ = _named(text, "project")
    assert len({n.name for n in found}) == 2


def test_named_plain_number_inside_a_name():
    text = "Khởi công Trường Tiểu học số 2 Nam Lý và Cầu số 4 Mường Ảng trong tháng 9."
    assert {"Trường Tiểu học số 2 Nam Lý", "Cầu số 4 Mường Ảng"} <= _names(text, "project")


def test_named_road_code_glued_to_its_abbreviation():
    assert "Quốc lộ 1A đoạn tránh thành phố Đồng Hới" in _names("Hoàn thành nâng cấp QL1A đoạn tránh thành phố Đồng Hới.", "project")


def test_named_programme_inside_a_plan_leaves_it_the_year_and_place():
    text = "Ban hành Kế hoạch thực hiện Chương trình phát triển du lịch xanh năm 2025 trên địa bàn tỉnh."
    assert _names(text, "programme") == {
        "Kế hoạch thực hiện Chương trình phát triển du lịch xanh năm 2025 trên địa bàn tỉnh",
        "Chương trình phát triển du lịch xanh",
    }


def test_named_span_of_years_makes_one_plan_of_a_kind():
    text = "Điều chỉnh Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 của tỉnh."
    assert "Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 của tỉnh" in _names(text, "programme")


def test_named_figure_after_a_programme_is_not_its_name():
    assert _names("Chương trình OCOP có 35 sản phẩm đạt 3 sao trở lên.", "programme") == {"Chương trình OCOP"}


def test_named_place_closes_a_campaign_name():
    text = "Phong trào xây dựng xã hội học tập trên địa bàn tỉnh Bắc Kạn đi vào chiều sâu."
    assert _names(text, "programme") == {"Phong trào xây dựng xã hội học tập trên địa bàn tỉnh Bắc Kạn"}


def test_named_plan_of_an_issuer_about_a_subject():
    text = "Thực hiện Kế hoạch của UBND tỉnh về phòng, chống thiên tai năm 2024."
    assert _names(text, "programme") == {"Kế hoạch của UBND tỉnh về phòng, chống thiên tai năm 2024"}


def test_named_each_bodys_own_plan_is_generic():
    assert _names("Các sở xây dựng Kế hoạch hành động của ngành, địa phương mình.", "programme") == set()


@pytest.mark.parametrize(
    "text",
    [
        # defined by its initials in parentheses
        "Hoàn thành hạ tầng Cụm công nghiệp Hợp Thịnh, huyện Tam Dương (CCN Hợp Thịnh) trong quý III. Thu hút 3 dự án vào CCN Hợp Thịnh.",
        # used after the first mention without a definition
        "Hoàn thành hạ tầng Cụm công nghiệp Hợp Thịnh, huyện Tam Dương trong quý III. Thu hút 3 dự án vào CCN Hợp Thịnh.",
    ],
)
def test_named_abbreviation_after_first_mention(text):
    found, _ = _named(text, "project")
    assert {n.name for n in found} == {"Cụm công nghiệp Hợp Thịnh, huyện Tam Dương"}
    assert any(n.text == "CCN Hợp Thịnh" for n in found)


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Chi cục Thuế đẩy mạnh thu ngân sách.", "Kế hoạch"),
        ("Giao Phòng Tài chính - Kế hoạch thành phố Tam Kỳ tham mưu phân bổ vốn.", "Kế hoạch"),
        ("Ban Quản lý dự án đầu tư xây dựng huyện Hòa Vang đẩy nhanh tiến độ giải ngân.", "dự án"),
    ],
)
def test_named_head_word_inside_an_agency_name_opens_nothing(text, forbidden):
    from kg.extract import extract_text

    ex = extract_text("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n\nBÁO CÁO\nTình hình quý I\n\n" + text)
    assert not any(m.text.lower().startswith(forbidden.lower()) for m in ex.named), [m.name for m in ex.named]


def test_named_a_plan_named_after_an_agency_is_still_found():
    from kg.extract import extract_text

    ex = extract_text("Sở Kế hoạch và Đầu tư triển khai Kế hoạch cải thiện chỉ số năng lực cạnh tranh cấp tỉnh năm 2024.")
    assert any(m.name.startswith("Kế hoạch cải thiện chỉ số năng lực cạnh tranh") for m in ex.named)


_PIECES = ["các dự án: A, B", "12  dự án: X", "một số\n dự án như Cầu", "các đợt   công trình (1) x", "xdự án:",
           "dự án dự án: Y", "các công trình ( Z )", "99 công trình: Q; R", "Các dự án: A", "dự án", "công trình",
           "và", "Dự án", "công", "trình", "\n", ":", "các", "5", "như", "Cầu", "(", ")"]


def test_list_openers_found_as_by_a_scan_of_the_whole_text():
    """The list openers are looked for only near the list words; they are the ones a regex scan of the whole
    text finds, at the same offsets, on every mix of counting words, numbers, spaces and list words."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.named import _openers, _rx

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "  ", "\n", ""]))
    def check(pieces, sep):
        text = sep.join(pieces)
        assert [m.span() for m in _openers(text)] == [m.span() for m in _rx()["opener"].finditer(text)]

    check()


@pytest.mark.parametrize(
    "text, expected",
    [
        (("Ban Quản lý dự án thị xã là chủ đầu tư Đường trục Hòa Lợi - Long Hữu (giai đoạn 2) và Nhà thi đấu đa năng "
          "thị xã, có trách nhiệm hoàn thành trong Quý IV/2024."),
         {"Đường trục Hòa Lợi - Long Hữu (giai đoạn 2)", "Nhà thi đấu đa năng thị xã"}),
        (("Phòng Kinh tế và Hạ tầng huyện làm chủ đầu tư các công trình: Nâng cấp Đường Lê Lợi; Kè chống sạt lở "
          "suối Nậm Pàn, hoàn thành trước ngày 30/11/2024."), {"Nâng cấp Đường Lê Lợi", "Kè chống sạt lở suối Nậm Pàn"}),
        ("Sở Y tế được giao làm chủ đầu tư Trung tâm Kiểm soát bệnh tật tỉnh, hoàn thành trong năm 2026.",
         {"Trung tâm Kiểm soát bệnh tật tỉnh"}),
        (("I. NHIỆM VỤ\n6. Cải tạo Chợ trung tâm Phước Long (giai đoạn 1).\nCơ quan chủ trì: Ban Quản lý dự án huyện. "
          "Ban Quản lý dự án huyện là chủ đầu tư công trình.\n"), {"Cải tạo Chợ trung tâm Phước Long (giai đoạn 1)"}),
    ],
)
def test_named_works_a_body_invests_in(text, expected):
    assert expected <= _names(text, "project")


@pytest.mark.parametrize(
    "text",
    [
        "I. NHIỆM VỤ\n3. Xây dựng Nông thôn mới kiểu mẫu tại các xã.\nCơ quan chủ trì: Phòng Nông nghiệp huyện.\n",
        "Sở Tài chính là chủ đầu tư theo quy định, báo cáo UBND tỉnh trước ngày 30/6/2024.",
        "UBND huyện là chủ đầu tư, Ban Quản lý dự án huyện là đại diện chủ đầu tư.",
    ],
)
def test_named_no_work_where_no_body_invests_in_one(text):
    assert _names(text, "project") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan figure, or a plan measured against, is not a named plan
        ("Kế hoạch trồng rừng năm 2024 là 500 ha.", set()),
        ("Kế hoạch khai thác gỗ năm 2025 được giao 3.000 m3.", set()),
        ("Trồng mới 600 ha, vượt Kế hoạch trồng rừng năm 2024.", set()),
        # planning as an activity, a plan of a quarter, a document that says not which
        ("Rà soát quy hoạch vùng nguyên liệu.", set()),
        ("Xây dựng Kế hoạch phát triển kinh tế - xã hội quý II.", set()),
        ("Ban hành Chương trình hành động thực hiện Nghị quyết.", set()),
        ("Nghị quyết được ban hành kịp thời; Kế hoạch thực hiện Nghị quyết được triển khai.", set()),
        # a national target programme carried out in a year is the programme
        ("Thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2024.",
         {("programme", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới")}),
        # works without a "Dự án" head: after a building verb, as the subject of building, to their place
        ("Hoàn thành nâng cấp Đường Nà Giàng - Phù Ngọc (huyện Hà Quảng) trong năm 2024.",
         {("project", "Đường Nà Giàng - Phù Ngọc (huyện Hà Quảng)")}),
        ("Năm 2024, Cầu Bằng Giang đang được nâng cấp.", {("project", "Cầu Bằng Giang")}),
        ("Tiếp tục đầu tư Trung tâm logistics tỉnh Cao Bằng tại thành phố Cao Bằng.",
         {("project", "Trung tâm logistics tỉnh Cao Bằng")}),
        ("Khởi công xây dựng mới Trường THPT Bế Văn Đàn đạt chuẩn quốc gia.", {("project", "Trường THPT Bế Văn Đàn")}),
        ("Đã bàn giao Trường Mầm non Hoa Sen cho xã Hưng Đạo.", {("project", "Trường Mầm non Hoa Sen")}),
        # building verbs before what is no work
        ("Tiếp tục xây dựng Đảng trong sạch vững mạnh; hoàn thành Kế hoạch năm; nâng cấp Hệ thống thông tin.", set()),
        ("Năm học mới. Trường THCS Hòa Chung đã hoàn thành chương trình năm học.", set()),
        ("Hoàn thành Trường học trực tuyến VNEdu; đầu tư Hệ thống camera giám sát.", set()),
    ],
)
def test_named_plans_figures_and_works_without_head(text, expected):
    from kg.extract import extract_text

    assert {(n.category, n.name) for n in extract_text(text).named} == expected


def test_works_an_item_funds_are_named_when_the_item_names_their_investor():
    from conftest import DATA

    from kg.extract import extract_file

    ex = extract_file(DATA / "resp_works_then_investor.md")
    projects = {n.name for n in ex.named if n.category == "project"}
    # a parenthetical place stays in the name, "tại <place>" does not; an item naming no investor gives no work
    assert projects == {
        "Nhà sơ chế, bảo quản chè Tủa Chùa (xã Sính Phình, huyện Tủa Chùa)",
        "Kho lạnh bảo quản sản phẩm OCOP huyện Mường Ảng",
        "Trung tâm giới thiệu và bán sản phẩm OCOP tỉnh Điện Biên",
        "Chợ nông sản trung tâm Mường Chà",
    }


def test_named_works_refused_by_their_first_word_before_their_names_are_read_are_refused_after_too():
    """What `_scan` refuses by the word after a work's head, before extending its name, is what `_accept` refuses
    once the name is read: reading names only for the other heads changes nothing."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise import named as N

    pieces = ["các", "03", "dự án", "Dự án", "công trình", "trường", "Trường", "cầu", "yêu cầu", "Khu phi thuế quan",
              "Ban Quản lý", "kế hoạch", "Kế hoạch", "chương trình", "đạt", "so với", "xây dựng", "trong", "và", ",",
              "-", "Cầu", "Hòa", "Bình", "mới", "“", "”", "(", ")", "\n", "2025", "Quốc lộ", "1A", "cao điểm", "đợt"]

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14))
    def check(parts):
        text = " ".join(parts)
        for m, cat, kind, low in N._heads(text):
            hs, he = m.span()
            start = N._left_verbs(text, hs) if cat == "project" else hs
            sp = N._Span(cat, kind, start, he, he, low, hs)
            if cat == "project" and not N._refused_before_name(text, sp, low, None) and (
                    N._work_refused_by_first_word(text, sp, low)):
                sp.end = N._extend(text, he, N._line_end(text, hs), cat, low)
                assert not N._accept(text, sp, low, None)

    check()


def test_quick_ratio_from_letter_counts_is_difflibs():
    import difflib

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.named import _quick_ratio

    @settings(max_examples=200, deadline=None)
    @given(st.text("abcđệ 1", max_size=12), st.text("abcđệ 1", max_size=12))
    def check(a, b):
        assert _quick_ratio(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio()

    check()

"""The reference of administrative units, and what the document context and agency names take from it."""
import pytest

from kg.extract.recognise import own, places
from kg.extract.recognise.agencies import canonical_agency


def test_reference_holds_the_pre_2025_units():
    provinces = {u.name for us in places._ref().by_name.values() for u in us if u.tier == "province"}
    assert len(provinces) == 63
    assert places.known("Gio Linh", "huyện") and places.known("Đông Hà", "thành phố")
    assert places.known("Bà Rịa - Vũng Tàu", "tỉnh") and places.known("Bà Rịa-Vũng Tàu", "tỉnh")


@pytest.mark.parametrize("kind,name,tier", [
    ("thành phố", "Hồ Chí Minh", "province"), ("thành phố", "Đà Nẵng", "province"),
    ("thành phố", "Lạng Sơn", "district"), ("thị xã", "Quảng Trị", "district"), ("xã", "Ea Kly", "commune"),
])
def test_tier(kind, name, tier):
    assert places.tier_of(kind, name) == tier


def test_thua_thien_hue_is_a_province_and_hue_its_city():
    assert places.tier_of("tỉnh", "Thừa Thiên Huế") == "province" and places.tier_of("thành phố", "Huế") == "district"
    assert places.parents("huyện", "Phú Vang") == {"huyện": "Phú Vang", "tỉnh": "Thừa Thiên Huế"}
    assert canonical_agency("Sở Du lịch tỉnh", "Thừa Thiên Huế", "tỉnh") == "Sở Du lịch tỉnh Thừa Thiên Huế"


def test_parents():
    assert places.parents("thành phố", "Bảo Lộc") == {"thành phố": "Bảo Lộc", "tỉnh": "Lâm Đồng"}
    assert places.parents("xã", "Ea Kly") == {"xã": "Ea Kly", "tỉnh": "Đắk Lắk", "huyện": "Krông Pắc"}
    # a commune name shared across provinces is settled by the text that names its district
    assert places.parents("xã", "Hiệp Thạnh") == {"xã": "Hiệp Thạnh"}
    assert places.parents("xã", "Hiệp Thạnh", "UBND HUYỆN ĐỨC TRỌNG")["tỉnh"] == "Lâm Đồng"


@pytest.mark.parametrize("head,want", [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Độc lập - Tự do - Hạnh phúc",
     ("Ủy ban nhân dân", "tỉnh", "Quảng Ngãi")),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ("Ủy ban nhân dân", "tỉnh", "Quảng Ngãi")),
    ("HỘI ĐỒNG NHÂN DÂN\nHUYỆN TRIỆU PHONG\n-------", ("Hội đồng nhân dân", "huyện", "Triệu Phong")),
    ("UBND THÀNH PHỐ HÀ NỘI\nSố: 15/KH-UBND", ("Ủy ban nhân dân", "thành phố", "Hà Nội")),
    ("UBND HUYỆN ĐỨC TRỌNG\nUBND XÃ HIỆP THẠNH", ("Ủy ban nhân dân", "xã", "Hiệp Thạnh")),
    ("ỦY BAN NHÂN DÂN\n\nHUYỆN MƯỜNG KHƯƠNG\n\n –––––––", ("Ủy ban nhân dân", "huyện", "Mường Khương")),
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc",
     ("Ủy ban nhân dân", "tỉnh", "Hà Tĩnh")),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU | CỘNG HÒA", ("Ủy ban nhân dân", "tỉnh", "Bà Rịa - Vũng Tàu")),
    # a province the reference gives as it became in 2025 (the centrally run city of Huế) is the province before
    ("**ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ**", ("Ủy ban nhân dân", "tỉnh", "Thừa Thiên Huế")),
    ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ", ("Hội đồng nhân dân", "thành phố", "Huế")),
])
def test_header_body(head, want):
    got = own.from_header(head)
    assert (got.body, got.kind, got.place) == want


def test_level_of_a_document_without_header():
    city = "UBND thành phố đã chỉ đạo. HĐND thành phố giám sát. Theo kế hoạch của UBND tỉnh. UBND thành phố Vinh"
    assert own.level_by_mentions(city) == "thành phố"
    assert own.place_by_mentions(city + " báo cáo.", "thành phố") == "Vinh"
    province = "UBND tỉnh chỉ đạo. UBND tỉnh giao. UBND tỉnh kiểm tra. UBND thành phố Vinh đã làm."
    assert own.level_by_mentions(province) == "tỉnh"


@pytest.mark.parametrize("phrase,want", [
    ("UBND TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("UBND TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Sở Y tế TP.HCM", "Sở Y tế thành phố Hồ Chí Minh"),
    ("UBND tỉnh Bà Rịa-Vũng Tàu", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
    ("Chủ tịch UBND tỉnh Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân tỉnh Bình Định"),
    ("UBND tỉnh Trần Văn Hai", "Ủy ban nhân dân tỉnh Bình Định"),
    ("UBND huyện Vĩnh Thạnh", "Ủy ban nhân dân huyện Vĩnh Thạnh"),
])
def test_canonical_names_with_places(phrase, want):
    assert canonical_agency(phrase, "Bình Định", "tỉnh") == want

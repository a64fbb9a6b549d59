"""Agencies: reference data, canonical names, place, generic plurals, offsets, issuer codes."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA, data_case

from kg.extract import document_context, extract_text
from kg.extract.recognise.agencies import (
    AGENCIES_TTL,
    canonical_agency,
    find_agencies,
    issuer_from_code,
    tone_fold,
)
from kg.extract.records import Context, Header
from kg.extract.structure import parse_header

CB_REPORT = """ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG

Số: 123/BC-UBND

Cao Bằng, ngày 05 tháng 4 năm 2023

BÁO CÁO
Tình hình kinh tế - xã hội quý I năm 2023

Kính gửi: Bộ Kế hoạch và Đầu tư.

Thực hiện Công văn số 1000/BKHĐT-TH của Bộ Kế hoạch và Đầu tư, Ủy ban nhân dân tỉnh Cao Bằng báo cáo như sau:

{body}
"""


def _ctx(body: str, place: str = "Cao Bằng", level: str = "tỉnh") -> Context:
    """A bare context: the text and the document's place, nothing else."""
    return Context(text=body, header=Header(place=place), sections=[], sentences=[], footnotes=[],
                   running_end=len(body), place=place, level=level, issuer=f"Ủy ban nhân dân {level} {place}")


def _doc_ctx(body: str) -> Context:
    """A context built the way the pipeline builds it, from a whole report."""
    text = CB_REPORT.format(body=body)
    return document_context(text, parse_header(text), len(text), [])


def _names(ctx: Context) -> set[str]:
    return {m.name for m in find_agencies(ctx)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Uỷ ban nhân dân tỉnh đã chỉ đạo.", "Ủy ban nhân dân tỉnh đã chỉ đạo."),
        ("Sở Văn hoá, Thể thao và Du lịch tổ chức.", "Sở Văn hóa, Thể thao và Du lịch tổ chức."),
        ("Toà án nhân dân tỉnh xét xử.", "Tòa án nhân dân tỉnh xét xử."),
        ("Ban Thường vụ Tỉnh uỷ chỉ đạo.", "Ban Thường vụ Tỉnh ủy chỉ đạo."),
        ("UỶ BAN NHÂN DÂN TỈNH CAO BẰNG", "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"),
    ],
)
def test_agencies_spelling_variants_give_one_name(a, b):
    na, nb = _names(_ctx(a)), _names(_ctx(b))
    assert na == nb and len(na) == 1


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("UBND tỉnh đã chỉ đạo các ngành.", "Ủy ban nhân dân tỉnh Cao Bằng"),
        ("Giao Sở Công Thương chủ trì.", "Sở Công Thương tỉnh Cao Bằng"),
        ("Ban Thường vụ Tỉnh ủy ban hành nghị quyết.", "Ban Thường vụ Tỉnh ủy Cao Bằng"),
        ("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về phát triển.", "Ban Chấp hành Đảng bộ tỉnh Cao Bằng"),
        ("Trình kỳ họp HĐND tỉnh khóa XVII.", "Hội đồng nhân dân tỉnh Cao Bằng"),
        ("Theo chỉ đạo của Ban Chỉ đạo tỉnh theo chiến lược mới.", "Ban Chỉ đạo tỉnh Cao Bằng"),
        ("Duy trì hoạt động của Trung tâm Phục vụ hành chính công, đáp ứng yêu cầu.",
         "Trung tâm Phục vụ hành chính công tỉnh Cao Bằng"),
        ("Phối hợp UBND tỉnh Lạng Sơn tổ chức thực hiện.", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Có thêm 01 đơn vị tự chủ (Trung tâm y tế huyện Hà Quảng).", "Trung tâm Y tế huyện Hà Quảng"),
        ("Hợp tác du lịch với Sở Văn hóa Du lịch tỉnh Quảng Tây, Trung Quốc.", "Sở Văn hóa Du lịch tỉnh Quảng Tây"),
        ("Tổng kim ngạch tại Hải quan tỉnh Cao Bằng tăng.", "Cục Hải quan tỉnh Cao Bằng"),
    ],
)
def test_agencies_place_made_explicit(body, name):
    assert name in _names(_ctx(body))


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # the document names one city: "UBND thành phố" is its People's Committee
        ("Bàn giao cho UBND thành phố hệ thống thoát nước trên địa bàn thành phố Cao Bằng.",
         {"Ủy ban nhân dân thành phố Cao Bằng"}),
        # no city named: kept as written
        ("Bàn giao cho UBND thành phố hệ thống thoát nước.", {"Ủy ban nhân dân thành phố"}),
    ],
)
def test_agencies_city_only_when_the_text_makes_it_clear(body, names):
    assert _names(_doc_ctx(body)) - {"Bộ Kế hoạch và Đầu tư", "Ủy ban nhân dân tỉnh Cao Bằng"} == names


@pytest.mark.parametrize(
    "body",
    [
        "Chỉ đạo các sở, ban, ngành thực hiện.",
        "UBND các huyện, thành phố triển khai.",
        "Hướng dẫn của các Bộ, ngành Trung ương.",
        "UBND cấp huyện chưa quyết liệt.",
        "Hội đồng nhân dân các cấp giám sát.",
        "Thành lập các Ban chỉ đạo cấp huyện.",
        "Các cơ quan, đơn vị triển khai.",
        "thành lập Ban Chỉ đạo, xây dựng kế hoạch.",
        "Các dự án sử dụng vốn vay ADB, WB và LRAMP.",
        "Hoàn thành hạng mục Trung tâm y tế huyện Bắc Sơn.",
        "Sở hữu trí tuệ cho doanh nghiệp.",
        "Báo cáo kết quả thực hiện.",
        "Kế hoạch số 44/KH-BCĐ và Nghị quyết số 15/2021/NQ-HĐND.",
    ],
)
def test_agencies_generic_plurals_are_not_agencies(body):
    assert _names(_ctx(body)) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("- TAND, VKSND tỉnh;", {"Tòa án nhân dân tỉnh Cao Bằng", "Viện Kiểm sát nhân dân tỉnh Cao Bằng"}),
        ("- Ủy ban MTTQ và các đoàn thể tỉnh;", {"Ủy ban Mặt trận Tổ quốc tỉnh Cao Bằng"}),
        ("- Thường trực HĐND tỉnh;", {"Thường trực Hội đồng nhân dân tỉnh Cao Bằng"}),
        ("- C, PCVP UBND tỉnh;", {"Văn phòng Ủy ban nhân dân tỉnh Cao Bằng"}),
        ("- Báo CB, Đài PT-TH tỉnh;", {"Báo Cao Bằng", "Đài Phát thanh - Truyền hình tỉnh Cao Bằng"}),
        ("- Cơ quan TTXVN tại Cao Bằng;", {"Cơ quan Thông tấn xã Việt Nam tại Cao Bằng"}),
        ("- Sở KH&ĐT, Sở TN&MT;", {"Sở Kế hoạch và Đầu tư tỉnh Cao Bằng", "Sở Tài nguyên và Môi trường tỉnh Cao Bằng"}),
        ("Công văn của BKHĐT.", {"Bộ Kế hoạch và Đầu tư"}),
        ("Hội nghị lần thứ 15 UBCTLH.", {"Ủy ban công tác liên hợp"}),
    ],
)
def test_agencies_abbreviations_expanded(body, expected):
    assert _names(_ctx(body)) == expected


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Thỏa thuận với Đại sứ quán Trung Quốc tại Việt Nam về hợp tác.", "Đại sứ quán Trung Quốc tại Việt Nam"),
        ("Hồ sơ đề nghị UNESCO công nhận công viên địa chất.", "UNESCO"),
        ("Làm việc với Hiệp hội Doanh nghiệp nhỏ và vừa trao đổi về hợp tác.", "Hiệp hội Doanh nghiệp nhỏ và vừa"),
        ("Đoàn công tác Cơ quan Hợp tác Phát triển Bỉ (ENABEL) tại Việt Nam.", "Cơ quan Hợp tác Phát triển Bỉ (ENABEL)"),
        ("Kế hoạch của Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Cao Bằng về việc thực hiện.",
         "Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Cao Bằng"),
        ("Thành lập Ban Quản lý dự án đầu tư xây dựng tỉnh trên cơ sở hợp nhất.",
         "Ban Quản lý dự án đầu tư xây dựng tỉnh Cao Bằng"),
    ],
)
def test_agencies_open_names_take_their_descriptor(body, name):
    assert name in _names(_ctx(body))


def test_agencies_offsets_point_at_the_mention():
    ctx = _doc_ctx("Uỷ ban nhân dân tỉnh chỉ đạo Sở Y tế, Toà án nhân dân tỉnh và UBND huyện Trùng Khánh.\n\n"
                   "Nơi nhận:\n- TAND, VKSND tỉnh;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN")
    found = find_agencies(ctx)
    assert len(found) >= 8
    for m in found:
        assert ctx.text[m.start:m.end] == m.text
        assert m.kind


def test_agencies_header_and_signature_name_the_issuer():
    ctx = _doc_ctx("Nội dung.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    found = [m for m in find_agencies(ctx) if m.text.isupper()]
    assert {m.name for m in found} == {"Ủy ban nhân dân tỉnh Cao Bằng"}
    assert len(found) == 2  # the header block and the signature


@pytest.mark.parametrize(
    ("code", "issuer"),
    [
        ("CP", "Chính phủ"),
        ("TTg", "Thủ tướng Chính phủ"),
        ("QH15", "Quốc hội"),
        ("QH", "Quốc hội"),
        ("TW", "Ban Chấp hành Trung ương Đảng"),
        ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
        ("TTCP", "Thanh tra Chính phủ"),
        ("BTC", "Bộ Tài chính"),
        ("TU", "Tỉnh ủy Cao Bằng"),
        ("HĐND", "Hội đồng nhân dân tỉnh Cao Bằng"),
        ("UBND", None),  # which People's Committee must come from the text
        ("BCĐ", None),
        ("XYZ", None),
        (None, None),
    ],
)
def test_agencies_issuer_codes(code, issuer):
    assert issuer_from_code(code, "Cao Bằng", "tỉnh") == issuer


def test_agencies_issuer_codes_of_a_city():
    assert issuer_from_code("HĐND", "Hà Nội", "thành phố") == "Hội đồng nhân dân thành phố Hà Nội"
    assert issuer_from_code("TU", "Hà Nội", "thành phố") == "Thành ủy Hà Nội"
    assert issuer_from_code("TU", None) is None


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
        ("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ tỉnh Lạng Sơn"),
        ("Thanh tra Chính phủ", "Thanh tra Chính phủ"),
        ("Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Lạng Sơn",
         "Ban Chỉ đạo thực hiện công tác bảo vệ bí mật nhà nước tỉnh Lạng Sơn"),
        ("HĐND tỉnh khóa XVII", "Hội đồng nhân dân tỉnh Lạng Sơn"),
        ("Uỷ ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư"),
        ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
        ("  ", None),
    ],
)
def test_agencies_canonical_issuer_phrases(phrase, name):
    assert canonical_agency(phrase, "Lạng Sơn", "tỉnh") == name


@pytest.mark.parametrize(
    ("old", "new"),
    [("Uỷ ban", "Ủy ban"), ("hoá", "hóa"), ("Toà", "Tòa"), ("UỶ BAN", "ỦY BAN"), ("khoẻ", "khỏe"),
     ("quý", "quý"), ("Quỳnh", "Quỳnh"), ("oà", "òa"), ("QUỶ", "QUỶ"), ("hoạch", "hoạch"), ("xoá bỏ", "xóa bỏ"),
     ("Thuỵ", "Thụy")],
)
def test_agencies_tone_fold(old, new):
    assert tone_fold(old) == new
    assert len(tone_fold(old)) == len(old)


def test_agencies_reference_ttl_parses_and_every_agency_has_a_preflabel():
    import rdflib
    from rdflib.namespace import RDF, SKOS

    kgo = rdflib.Namespace("https://w3id.org/kg-vn/ont#")
    g = rdflib.Graph().parse(AGENCIES_TTL, format="turtle")
    agencies = set(g.subjects(RDF.type, kgo.Agency))
    assert len(agencies) > 100
    for a in agencies | set(g.subjects(RDF.type, kgo.NameHead)):
        assert str(a).startswith("https://w3id.org/kg-vn/id/agency/")
        assert len(list(g.objects(a, SKOS.prefLabel))) == 1, a
        assert g.value(a, kgo.agencyKind) is not None, a
    for a in agencies:
        assert set(map(str, g.objects(a, kgo.level))) <= {"central", "province", "district", "commune", "international"}
        assert g.value(a, kgo.level) is not None, a
    # every ministry of the Government is there
    prefs = {str(g.value(a, SKOS.prefLabel)) for a in agencies}
    for name in ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Nội vụ", "Bộ Y tế", "Bộ Tài nguyên và Môi trường",
                 "Bộ Công Thương", "Bộ Giao thông vận tải", "Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam",
                 "Văn phòng Chính phủ", "Quốc hội", "Bộ Chính trị", "Sở Nội vụ", "Sở Ngoại vụ"):
        assert name in prefs
    # one label, one agency among the agencies that have no template
    seen: dict[str, object] = {}
    for a in agencies:
        if g.value(a, kgo.nameTemplate) is not None:
            continue
        for lab in g.objects(a, SKOS.prefLabel):
            assert seen.setdefault(str(lab), a) == a


def test_agencies_importing_does_no_work():
    code = ("import sys, kg.extract.recognise.agencies as a; "
            "assert 'rdflib' not in sys.modules, 'rdflib loaded at import'; "
            "assert a._data.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_agencies_scan_of_a_long_text_finds_every_mention():
    body = ("UBND tỉnh chỉ đạo Sở Công Thương, Sở Y tế và UBND các huyện, thành phố thực hiện Nghị quyết số "
            "01/NQ-CP ngày 08/01/2022 của Chính phủ; tăng cường kiểm tra, kiểm soát thị trường hàng hóa. ") * 4000
    ctx = _ctx(body)
    found = find_agencies(ctx)
    assert len(found) == 4 * 4000


@pytest.mark.parametrize(
    "text, expected, forbidden",
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN GIA LÂM\nSố: 3/KH-UBND\n\nKẾ HOẠCH\nVề việc trồng cây\n\n"
         "Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc thực hiện.\n",
         "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Gia Lâm", "Văn phòng Hội đồng nhân dân huyện Gia Lâm"),
        ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 9/KH-UBND\n\nKẾ HOẠCH\nVề việc trồng cây\n\n"
         "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Ba Bể tổng hợp kết quả.\n",
         "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Ba Bể", "Văn phòng Hội đồng nhân dân tỉnh Bắc Kạn"),
    ],
)
def test_agencies_joint_office_of_council_and_committee_is_one_body(text, expected, forbidden):
    from kg.extract import extract_text

    names = {a.name for a in extract_text(text).agencies}
    assert expected in names and forbidden not in names


# ----------------------------------------------------------------------------- documents of our own
# Each tests/data/agencies_*.txt has an agencies_*.expected.json: the exact set of agencies the document names
# (canonical names) and, for some mentions as written, the name each must take.
_DOCS = sorted(p.stem for p in DATA.glob("agencies_*.txt"))


@pytest.mark.parametrize("stem", _DOCS)
def test_agencies_documents(stem):
    _, exp, ex = data_case(stem)
    assert {a.name for a in ex.agencies} == set(exp["agencies"])
    for written, name in exp.get("mentions", {}).items():
        uses = [a for a in ex.agencies if a.text == written]
        assert uses and all(a.name == name for a in uses), written
    for a in ex.agencies:
        assert ex.text[a.start:a.end] == a.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the standing body of a party committee, at every level, and not a person's title
        ("Thường trực Huyện ủy Lộc Hà chỉ đạo.", {"Thường trực Huyện ủy Lộc Hà"}),
        ("TT Quận ủy Ninh Kiều đã họp.", {"Thường trực Quận ủy Ninh Kiều"}),
        ("Đồng chí Phó Bí thư Thường trực Huyện ủy Lộc Hà dự họp.", {"Huyện ủy Lộc Hà"}),
        # one body per place of a plural head; a plural without names is generic
        ("UBND các huyện Bảo Lạc, Hà Quảng và Nguyên Bình báo cáo.",
         {"Ủy ban nhân dân huyện Bảo Lạc", "Ủy ban nhân dân huyện Hà Quảng", "Ủy ban nhân dân huyện Nguyên Bình"}),
        ("UBND các huyện, thành phố tổ chức thực hiện.", set()),
        # a local body with its place and no unit word; the national body without one
        ("Kho bạc Nhà nước Hòa An kiểm soát chi.", {"Kho bạc Nhà nước huyện Hòa An"}),
        ("Kho bạc Nhà nước hướng dẫn quy trình.", {"Kho bạc Nhà nước"}),
        ("Kho bạc Nhà nước các huyện Bảo Lạc, Hà Quảng kiểm soát chi.",
         {"Kho bạc Nhà nước huyện Bảo Lạc", "Kho bạc Nhà nước huyện Hà Quảng"}),
        ("KBNN các huyện phối hợp thu ngân sách.", set()),
        ("UBND các huyện Bảo Lạc, Hà Quảng và thành phố Cao Bằng rà soát.",
         {"Ủy ban nhân dân huyện Bảo Lạc", "Ủy ban nhân dân huyện Hà Quảng", "Ủy ban nhân dân thành phố Cao Bằng"}),
        ("Giao Công ty Cổ phần Môi trường đô thị Cao Bằng thực hiện thu gom rác.",
         {"Công ty Cổ phần Môi trường đô thị Cao Bằng"}),
        # a company is an actor as the subject of what it does, not as the one sanctioned
        ("Công ty Cổ phần Xi măng Cao Bằng đã hoàn thành lò nung.", {"Công ty Cổ phần Xi măng Cao Bằng"}),
        ("Thanh tra xử phạt Công ty TNHH Bình Minh vì vi phạm.", set()),
    ],
)
def test_agency_classes(body, expected):
    names = _names(_ctx(body))
    assert names == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Điện lực Hòa An đã cấp điện cho 20 hộ.", {"Điện lực huyện Hòa An"}),
        # a district's report that names the treasury bare means the district's own
        ("Kho bạc Nhà nước kiểm soát chi chặt chẽ; Kho bạc Nhà nước Việt Nam hướng dẫn.", None),
        ("Năm 2024, Công ty Cổ phần Mía đường Cao Bằng tiếp tục mở rộng vùng nguyên liệu.",
         {"Công ty Cổ phần Mía đường Cao Bằng"}),
        ("Công ty TNHH Thành Đạt Cao Bằng đã bị xử phạt 50 triệu đồng.", set()),
        ("Phòng Nông nghiệp và Phát triển nông thôn huyện Hòa An khẩn trương rà soát.",
         {"Phòng Nông nghiệp và Phát triển nông thôn huyện Hòa An"}),
        # lower-case words that reach a unit are the name; after a proper name a verb ends it
        ("Phòng Kinh tế hạ tầng huyện Hòa An thẩm định.", {"Phòng Kinh tế hạ tầng huyện Hòa An"}),
        ("Ban Quản lý di tích Pác Bó thực hiện tu bổ.", {"Ban Quản lý di tích Pác Bó tỉnh Cao Bằng"}),
        ("Chi cục Thuế khu vực Hòa An - Hà Quảng đôn đốc thu nợ.", {"Chi cục Thuế khu vực Hòa An - Hà Quảng"}),
    ],
)
def test_agency_subjects_and_bare_places(body, expected):
    if expected is None:  # the same text in a district's report and in a province's
        assert _names(_ctx(body, "Hòa An", "huyện")) == {"Kho bạc Nhà nước huyện Hòa An", "Kho bạc Nhà nước"}
        assert _names(_ctx(body)) == {"Kho bạc Nhà nước"}
        return
    assert _names(_ctx(body)) == expected


def test_agencies_found_the_same_when_lower_casing_changes_the_length():
    """The scan runs over the lower-cased text; a character that lower-cases to two ("İ") makes it scan the
    text itself, with the same mentions and offsets."""
    body = "Giao Sở Công Thương chủ trì, UBND tỉnh đã chỉ đạo. Sở Tài chính phối hợp."
    odd = "İ " + body
    plain, shifted = find_agencies(_ctx(body)), find_agencies(_ctx(odd))
    assert len("İ".lower()) == 2 and len(plain) == 3
    assert [(m.name, m.start + 2, m.end + 2, m.text) for m in plain] == [(m.name, m.start, m.end, m.text) for m in shifted]


@pytest.mark.parametrize(
    ("body", "place", "level", "expected"),
    [
        # "Xã hội" inside a name is no commune: the name runs on to its place
        ("Báo cáo UBND xã và Phòng Lao động - Thương binh và Xã hội huyện Hòa An kết quả.", "Hòa An", "huyện",
         {"Phòng Lao động - Thương binh và Xã hội huyện Hòa An"}),
        ("Phòng Lao động - Thương binh và Xã hội phối hợp rà soát.", "Hòa An", "huyện",
         {"Phòng Lao động - Thương binh và Xã hội huyện Hòa An"}),
        ("Phòng LĐ-TB&XH huyện chủ trì; Phòng LĐTBXH huyện Hà Quảng phối hợp.", "Hòa An", "huyện",
         {"Phòng Lao động - Thương binh và Xã hội huyện Hòa An", "Phòng Lao động - Thương binh và Xã hội huyện Hà Quảng"}),
        ("Sở LĐ-TB&XH hướng dẫn; Sở LĐTBXH tổng hợp.", "Cao Bằng", "tỉnh",
         {"Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng"}),
        # a department of a ministry, its parent in brackets; a provincial branch keeps the place it is given
        ("Cục Chăn nuôi (Bộ NN&PTNT) kiểm tra.", "Cao Bằng", "tỉnh",
         {"Cục Chăn nuôi", "Bộ Nông nghiệp và Phát triển nông thôn"}),
        ("Cục Quản lý thị trường tỉnh Cao Bằng kiểm tra hàng hóa.", "Cao Bằng", "tỉnh",
         {"Cục Quản lý thị trường tỉnh Cao Bằng"}),
        ("Chi cục Chăn nuôi và Thú y tỉnh hướng dẫn tiêm phòng.", "Cao Bằng", "tỉnh",
         {"Chi cục Chăn nuôi và Thú y tỉnh Cao Bằng"}),
        ("Cục trưởng dự họp.", "Cao Bằng", "tỉnh", set()),
        # a hyphenated name with its place, and its short form
        ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Hòa An mở lớp; Trung tâm GDNN-GDTX tuyển sinh.",
         "Hòa An", "huyện", {"Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Hòa An"}),
        # rooms of an office in a distribution list are not agencies
        ("Nơi nhận:\n- CT, PCT UBND huyện;\n- LĐVP, Phòng KT;\n- Lưu: VT, KT.", "Hòa An", "huyện",
         {"Ủy ban nhân dân huyện Hòa An"}),
        # the standing body of a ward's party committee, after a sentence that ends in "viên"
        ("Tập huấn cho 40 học viên. Thường trực Đảng ủy phường Sông Hiến chỉ đạo.", "Cao Bằng", "thành phố",
         {"Thường trực Đảng ủy phường Sông Hiến"}),
        ("Thường trực Đảng ủy phường chỉ đạo rà soát.", "Sông Hiến", "phường", {"Thường trực Đảng ủy phường Sông Hiến"}),
    ],
)
def test_agency_names_of_offices_and_branches(body, place, level, expected):
    assert _names(_ctx(body, place, level)) == expected


@pytest.mark.parametrize("text, expected, forbidden", [
    # bodies of the reference named outside any slot, with the document's place where the text gives none
    ("Huyện đoàn phối hợp với Bưu điện huyện tổ chức hội chợ.", {"Huyện đoàn Mai Sơn", "Bưu điện huyện Mai Sơn"}, set()),
    ("Liên minh Hợp tác xã tỉnh hỗ trợ các hợp tác xã.", {"Liên minh Hợp tác xã tỉnh Sơn La"}, {"Hợp tác xã tỉnh Sơn La"}),
    # a regional body is neither the national one nor the district's own
    ("Kho bạc Nhà nước khu vực VIII kiểm soát chi.", {"Kho bạc Nhà nước khu vực VIII"},
     {"Kho bạc Nhà nước huyện Mai Sơn", "Kho bạc Nhà nước"}),
    # a region named by its place: not the district's own treasury renamed
    ("Phòng Tài chính - Kế hoạch phối hợp với Kho bạc Nhà nước khu vực Hát Lót kiểm soát chi.",
     {"Kho bạc Nhà nước khu vực Hát Lót"}, {"Kho bạc Nhà nước huyện Mai Sơn"}),
    ("Kho bạc Nhà nước khu vực Tây Bắc kiểm soát chi.", {"Kho bạc Nhà nước khu vực Tây Bắc"},
     {"Kho bạc Nhà nước huyện Mai Sơn", "Kho bạc Nhà nước khu vực TÂY BẮC"}),
    ("Đoàn Thanh niên xã Hát Lót ra quân. Đoàn Thanh niên các xã tham gia.",
     {"Đoàn Thanh niên xã Hát Lót"}, set()),
    # "thuộc" names the parent: it ends the name
    ("Cục Kiểm tra văn bản quy phạm pháp luật thuộc Bộ Tư pháp kiểm tra.",
     {"Cục Kiểm tra văn bản quy phạm pháp luật"}, {"Cục Kiểm tra văn bản quy phạm pháp luật thuộc"}),
    # a bare "Bưu điện" is the service, not a body
    ("Bưu điện văn hóa xã hoạt động tốt.", set(), {"Bưu điện huyện Mai Sơn"}),
    # a name with lower-case words joined by "và" runs on to its unit
    ("Ban Quản lý dự án các công trình nông nghiệp và phát triển nông thôn huyện làm chủ đầu tư.",
     {"Ban Quản lý dự án các công trình nông nghiệp và phát triển nông thôn huyện Mai Sơn"}, set()),
    # a numbered ward is known by the district the text names with it, with or without a comma; a commune too,
    # after a comma; the district is no body of its own there
    ("UBND phường 2, thị xã Gia Nghĩa phối hợp vận động.", {"Ủy ban nhân dân phường 2 thị xã Gia Nghĩa"},
     {"Ủy ban nhân dân phường 2", "Ủy ban nhân dân thị xã Gia Nghĩa"}),
    ("Ủy ban nhân dân phường 4 thành phố Tân An bàn giao mặt bằng.", {"Ủy ban nhân dân phường 4 thành phố Tân An"},
     {"Ủy ban nhân dân phường 4", "Ủy ban nhân dân thành phố Tân An"}),
    ("UBND xã Chiềng Ban, huyện Mai Sơn phối hợp.", {"Ủy ban nhân dân xã Chiềng Ban huyện Mai Sơn"},
     {"Ủy ban nhân dân huyện Mai Sơn"}),
    # a named commune followed by a district without a comma: two bodies of a list are read apart
    ("UBND xã Chiềng Ban và UBND huyện Thuận Châu phối hợp.", {"Ủy ban nhân dân xã Chiềng Ban",
                                                             "Ủy ban nhân dân huyện Thuận Châu"}, set()),
    # a name ends at the work it is asked to do, even when the sentence goes on to a unit
    ("Phòng Kinh tế hoàn thiện Kế hoạch phát triển du lịch huyện Mai Sơn năm 2025.", {"Phòng Kinh tế huyện Mai Sơn"},
     {"Phòng Kinh tế hoàn thiện Kế hoạch phát triển du lịch huyện Mai Sơn"}),
    # the youth union of a commune goes by its common name
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Chiềng Mung ra quân.", {"Đoàn Thanh niên xã Chiềng Mung"}, set()),
])
def test_agencies_mass_and_regional_bodies(text, expected, forbidden):
    ctx = _ctx(text, "Mai Sơn", "huyện")
    names = {m.name for m in find_agencies(ctx)}
    assert expected <= names and not names & forbidden, names


@pytest.mark.parametrize("value, expected", [
    ("Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Yên Châu", ["Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Yên Châu"]),
    ("Huyện đoàn Yên Châu, Tổ công tác liên ngành huyện", ["Huyện đoàn Yên Châu", "Tổ công tác liên ngành huyện"]),
    ("các phòng, ban, ngành liên quan, UBND các xã", []),
    ("Sở Tài chính và Sở Xây dựng", ["Sở Tài chính tỉnh Sơn La", "Sở Xây dựng tỉnh Sơn La"]),
])
def test_agencies_slot_value_is_a_list_of_bodies(value, expected):
    text = f"1. Triển khai nhiệm vụ.\nCơ quan phối hợp: {value}; Thời gian: năm 2025."
    ctx = _ctx(text, "Sơn La", "tỉnh")
    got = [m for m in find_agencies(ctx) if text.index(value) <= m.start]
    assert [m.name for m in got] == expected
    assert all(text[m.start:m.end] == m.text for m in got)


@pytest.mark.parametrize("text, expected", [
    # a public service unit known only by its head word: an agency where it acts, its name up to the verb
    ("1. Trạm Y tế xã Chiềng Mung và Trạm Khuyến nông huyện tổ chức tập huấn.",
     {"Trạm Y tế xã Chiềng Mung", "Trạm Khuyến nông huyện Mai Sơn"}),
    ("Phòng Nông nghiệp chủ trì, phối hợp với Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tổ chức quan trắc.",
     {"Phòng Nông nghiệp huyện Mai Sơn", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn"}),
    ("Giao Đài Truyền thanh - Truyền hình huyện tuyên truyền.", {"Đài Truyền thanh - Truyền hình huyện Mai Sơn"}),
    ("- Trung tâm Dịch vụ nông nghiệp cung cấp giống cây trồng.", {"Trung tâm Dịch vụ nông nghiệp"}),
    ("Đài Khí tượng Thủy văn tỉnh Sơn La có trách nhiệm cung cấp bản tin.", {"Đài Khí tượng Thủy văn tỉnh Sơn La"}),
    # "và" inside a name: a head word followed by lower case ("Phòng chống") opens no second body
    ("Sở Nông nghiệp chủ trì, phối hợp với Chi cục Thủy lợi và Phòng chống thiên tai tỉnh rà soát đê điều.",
     {"Sở Nông nghiệp tỉnh Sơn La", "Chi cục Thủy lợi và Phòng chống thiên tai tỉnh Sơn La"}),
    ("Chi cục Thủy lợi và Phòng Nông nghiệp huyện rà soát.", {"Chi cục Thủy lợi tỉnh Sơn La", "Phòng Nông nghiệp huyện Mai Sơn"}),
    # near misses: merged units, a place, a footnote's list, a name in lower case
    ("Hợp nhất Trạm Thú y, Trạm Bảo vệ thực vật thành Trung tâm Dịch vụ nông nghiệp.", set()),
    ("Chợ hoa họp tại khu vực Trung tâm Hội chợ thương mại huyện.", set()),
    ("¹ Trung tâm Văn hóa - Thể thao; Trung tâm Dịch vụ nông nghiệp.", set()),
    ("Trung tâm hành chính huyện được đầu tư xây dựng.", set()),
    ("Đài Loan tiếp tục là thị trường xuất khẩu lớn.", set()),
    # a work of that name invested in, the role after it is its investor's
    ("Ban Quản lý dự án huyện là chủ đầu tư Đường Nà Sản và Trung tâm Văn hóa - Thể thao huyện, có trách nhiệm "
     "hoàn thành trong năm 2024.", {"Ban Quản lý dự án huyện Mai Sơn"}),
])
def test_agencies_public_service_units_where_they_act(text, expected):
    assert _names(_ctx(text, "Mai Sơn", "huyện")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nơi nhận:\n- TT Huyện ủy;\n- TT HĐND huyện;\n- Lưu: VT.",
     {"Thường trực Huyện ủy Mai Sơn", "Thường trực Hội đồng nhân dân huyện Mai Sơn"}),
    ("Nơi nhận:\n- TT. Huyện ủy;\n- TT. HĐND huyện;\n- Lưu: VT.",
     {"Thường trực Huyện ủy Mai Sơn", "Thường trực Hội đồng nhân dân huyện Mai Sơn"}),
    ("TT.HĐND huyện giám sát việc thực hiện.", {"Thường trực Hội đồng nhân dân huyện Mai Sơn"}),
    ("Nơi nhận:\n- TT.HU, TT.HĐND huyện;\n- TTHU;", {"Thường trực Huyện ủy Mai Sơn", "Thường trực Hội đồng nhân dân huyện Mai Sơn"}),
    # a person's title is not the standing body
    ("Đồng chí Phó Bí thư Thường trực Huyện ủy dự họp.", {"Huyện ủy Mai Sơn"}),
])
def test_agencies_standing_bodies_by_abbreviation(text, expected):
    assert _names(_ctx(text, "Mai Sơn", "huyện")) == expected


@pytest.mark.parametrize("name, expected", [
    ("resp_district_letter_directions.md", {"Thường trực Huyện ủy Định Hóa", "Thường trực Hội đồng nhân dân huyện Định Hóa"}),
    ("resp_district_report_results_tasks.md", {"Thường trực Huyện ủy Thanh Chương",
                                               "Thường trực Hội đồng nhân dân huyện Thanh Chương"}),
])
def test_agencies_standing_bodies_of_a_distribution_list_take_the_issuers_place(name, expected):
    from kg.extract import extract_file

    names = {a.name for a in extract_file(DATA / name).agencies}
    assert expected <= names and not {"Thường trực Huyện ủy", "Hội đồng nhân dân huyện Thanh Chương"} & names, names


@pytest.mark.parametrize(
    "line, names, not_names",
    [
        ("Thường trực Hội đồng nhân dân huyện, Ban Kinh tế - Xã hội, Ban Pháp chế Hội đồng nhân dân huyện và đại biểu "
         "Hội đồng nhân dân huyện giám sát việc thực hiện Nghị quyết này.",
         {"Ban Kinh tế - Xã hội Hội đồng nhân dân huyện Tam Nông", "Ban Pháp chế Hội đồng nhân dân huyện Tam Nông"}, set()),
        ("Ban Kinh tế - Ngân sách, Ban Văn hóa - Xã hội và Ban Pháp chế HĐND tỉnh giám sát việc thực hiện.",
         {"Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Đồng Tháp", "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Đồng Tháp",
          "Ban Pháp chế Hội đồng nhân dân tỉnh Đồng Tháp"}, set()),
        # not a committee of a council: no name is made for it
        ("Ban Chỉ đạo phòng chống thiên tai, Ban Pháp chế HĐND huyện phối hợp kiểm tra.",
         {"Ban Pháp chế Hội đồng nhân dân huyện Tam Nông"}, {"Ban Chỉ đạo phòng chống thiên tai Hội đồng nhân dân huyện Tam Nông"}),
    ],
)
def test_committees_listed_before_the_last_share_its_council(line, names, not_names):
    text = ("HỘI ĐỒNG NHÂN DÂN\nHUYỆN TAM NÔNG\nSố: 40/NQ-HĐND\nTam Nông, ngày 10 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
            "Về nhiệm vụ năm 2025\n\nĐiều 1. Thông qua nhiệm vụ năm 2025.\n\nĐiều 2. Tổ chức thực hiện\n" + line + "\n")
    if "tỉnh" in line:
        text = text.replace("HUYỆN TAM NÔNG", "TỈNH ĐỒNG THÁP").replace("Tam Nông, ngày", "Đồng Tháp, ngày")
    got = {a.name for a in extract_text(text, source="nq.txt").agencies}
    assert names <= got and not (not_names & got), got


@pytest.mark.parametrize("body, place, level, expected", [
    # the 2025 offices: a comma and "và" inside the name, a verb after it ends it; a ward keeps its own office
    ("Phòng Kinh tế, Hạ tầng và Đô thị hoàn thiện hồ sơ.", "Đông Anh", "huyện", {"Phòng Kinh tế, Hạ tầng và Đô thị huyện Đông Anh"}),
    ("Phòng Kinh tế, Hạ tầng và Đô thị đề xuất phương án.", "Hòa Cường", "phường",
     {"Phòng Kinh tế, Hạ tầng và Đô thị phường Hòa Cường"}),
    ("Phòng Văn hóa, Thể thao và Du lịch biên soạn tài liệu.", "Gia Lâm", "huyện", {"Phòng Văn hóa, Thể thao và Du lịch huyện Gia Lâm"}),
    ("Các lĩnh vực kinh tế, hạ tầng và đô thị được đầu tư.", "Gia Lâm", "huyện", set()),
    # a name the reference does not know, listing its fields: it ends with the field after "và"
    ("Phòng Văn hóa, Thông tin và Thể thao hoàn thiện hồ sơ.", "Gia Lâm", "huyện",
     {"Phòng Văn hóa, Thông tin và Thể thao huyện Gia Lâm"}),
    ("Sở Văn hóa, Thể thao, Du lịch và Gia đình lập kế hoạch.", "Hải Dương", "tỉnh",
     {"Sở Văn hóa, Thể thao, Du lịch và Gia đình tỉnh Hải Dương"}),
    # a board's name runs over what it manages, not over what follows it
    ("Ban Quản lý các khu công nghiệp hướng dẫn doanh nghiệp.", "Bình Dương", "tỉnh",
     {"Ban Quản lý các khu công nghiệp tỉnh Bình Dương"}),
    ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi tổ chức xúc tiến đầu tư.", "Quảng Ngãi", "tỉnh",
     {"Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"}),
    ("Ban Quản lý Khu kinh tế phối hợp với Ban Quản lý các khu công nghiệp và các sở, ngành liên quan.", "Hà Tĩnh", "tỉnh",
     {"Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh", "Ban Quản lý các khu công nghiệp tỉnh Hà Tĩnh"}),
    ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Quảng Trị làm chủ đầu tư.", "Quảng Trị", "tỉnh",
     {"Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Quảng Trị"}),
    # a field of works of two words, and not a unit word; a board of the province's works
    ("Hợp nhất Ban Quản lý đầu tư xây dựng công trình hạ tầng kỹ thuật và Ban Quản lý dự án giao thông tỉnh.",
     "Lạng Sơn", "tỉnh", {"Ban Quản lý đầu tư xây dựng công trình hạ tầng kỹ thuật tỉnh Lạng Sơn",
                         "Ban Quản lý dự án giao thông tỉnh Lạng Sơn"}),
    ("Ban Quản lý dự án các công trình xây dựng thị xã làm chủ đầu tư.", "Ninh Hòa", "thị xã",
     {"Ban Quản lý dự án các công trình xây dựng thị xã Ninh Hòa"}),
    ("Ban Quản lý các dự án đầu tư xây dựng tỉnh làm chủ đầu tư.", "Quảng Trị", "tỉnh",
     {"Ban Quản lý các dự án đầu tư xây dựng tỉnh Quảng Trị"}),
    # a tax unit of a province named by its number takes the province where the text gives none
    ("Thuế cơ sở 3 đôn đốc thu nợ đọng.", "Đức Trọng", "huyện", {"Thuế cơ sở 3 tỉnh Lâm Đồng"}),
    # wards and urban districts named by a number; a number of months or years after "phường" is no name
    ("UBND Quận 3 và UBND Phường 10 phối hợp.", "Hồ Chí Minh", "thành phố",
     {"Ủy ban nhân dân quận 3", "Ủy ban nhân dân phường 10"}),
    ("Báo cáo của UBND phường 6 tháng đầu năm.", "Phú Lâm", "phường", {"Ủy ban nhân dân phường Phú Lâm"}),
    ("UBND xã 3 năm liền đạt chuẩn.", "Tân Lập", "xã", {"Ủy ban nhân dân xã Tân Lập"}),
    # a regional treasury's office, and the region alone
    ("Kho bạc Nhà nước khu vực XV - Phòng giao dịch La Gi kiểm soát chi.", "Bình Thuận", "tỉnh",
     {"Kho bạc Nhà nước khu vực XV - Phòng giao dịch La Gi"}),
    ("Kho bạc Nhà nước khu vực XV - phòng giao dịch kiểm soát chi.", "Bình Thuận", "tỉnh", {"Kho bạc Nhà nước khu vực XV"}),
])
def test_agency_names_of_other_provinces_and_of_2025(body, place, level, expected):
    assert _names(_ctx(body, place, level)) == expected


def test_a_place_whose_name_holds_a_stop_word():
    """'huyện Trần Đề': 'Đề' ends a name elsewhere ('... Đề nghị'), not a known name that goes on with it; and the
    name opens with a family name, which alone would read as a person."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\nSố: 10/KH-UBND\nSóc Trăng, ngày 10 tháng 1 năm 2024\n\nKẾ HOẠCH\n"
            "Thực hiện nhiệm vụ năm 2024\n\n1. Sở Tài chính chủ trì, phối hợp UBND huyện Trần Đề rà soát.\n"
            "2. UBND tỉnh Sóc Trăng Đề nghị Bộ Tài chính xem xét.\n")
    names = [a.name for a in extract_text(text, source="kh.txt").agencies]
    assert "Ủy ban nhân dân huyện Trần Đề" in names and not any("Đề nghị" in n for n in names), names

"""Vietnamese number parsing: exact values, ranges, comparators, units."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.recognise.numbers import find_measures, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7.850", Decimal(7850)),
        ("10.984,2", Decimal("10984.2")),
        ("05", Decimal(5)),
        ("01", Decimal(1)),
        ("1.234.567", Decimal(1234567)),
        ("0,5", Decimal("0.5")),
        ("2,30", Decimal("2.30")),
        ("444,75", Decimal("444.75")),
        ("755.950", Decimal(755950)),
        ("4.5", Decimal("4.5")),  # an English decimal: one or two digits after the dot
    ],
)
def test_parse_number(written, expected):
    assert parse_number(written) == expected


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3", "12.34.5", "1,2,3", "7,", ",5", "1.5000", "--1", None, 12])
def test_parse_number_rejects_bad_input(bad):
    assert parse_number(bad) is None


def test_exact_decimal_kept_next_to_float():
    q = parse_quantity("10.984,2 tỷ đồng")
    assert q.exact == Decimal("10984.2")
    assert q.value == 10984.2
    assert q.value_text == "10.984,2"


@pytest.mark.parametrize(
    ("text", "value", "maximum", "comparator", "unit"),
    [
        ("7.850 tỷ đồng", 7850, None, "eq", "tỷ đồng"),
        ("10.984,2 tỷ đồng", 10984.2, None, "eq", "tỷ đồng"),
        ("7 - 7,5%", 7, 7.5, "range", "%"),
        ("2,5 - 3%", 2.5, 3, "range", "%"),
        ("20% - 21%", 20, 21, "range", "%"),
        ("05 xã", 5, None, "eq", "xã"),
        ("từ 3% trở lên", 3, None, "gte", "%"),
        ("từ 10 tiêu chí trở lên", 10, None, "gte", "tiêu chí"),
        ("trên 50%", 50, None, "gte", "%"),
        ("dưới 2%", 2, None, "lte", "%"),
        ("khoảng 5.400 ha", 5400, None, "approx", "ha"),
        ("gần 300 doanh nghiệp", 300, None, "approx", "doanh nghiệp"),
        ("ít nhất 15 sản phẩm", 15, None, "gte", "sản phẩm"),
        ("tối thiểu 90%", 90, None, "gte", "%"),
        ("không quá 5 ngày", 5, None, "lte", "ngày"),
        ("tối đa 3 ngày", 3, None, "lte", "ngày"),
        ("khoảng 31 - 32 nghìn tỷ đồng", 31, 32, "range", "nghìn tỷ đồng"),
        ("từ 5 - 6 cơ sở y tế công lập", 5, 6, "range", "cơ sở y tế công lập"),
        ("3.460 nghìn lượt", 3460, None, "eq", "nghìn lượt"),
        ("4,65 tỷ USD", 4.65, None, "eq", "tỷ USD"),
        ("800 triệu USD", 800, None, "eq", "triệu USD"),
        ("51 - 52 triệu đồng", 51, 52, "range", "triệu đồng"),
        ("70 triệu đồng/người", 70, None, "eq", "triệu đồng/người"),
        ("100 km", 100, None, "eq", "km"),
        ("5.850ha", 5850, None, "eq", "ha"),
        ("đạt trên 60% kế hoạch", 60, None, "gte", "% kế hoạch"),
        ("60% kế hoạch cả năm", 60, None, "eq", "% kế hoạch cả năm"),
        ("28,1% dự toán", 28.1, None, "eq", "% dự toán"),
        ("11,2 bác sỹ trên 1 vạn dân", 11.2, None, "eq", "bác sỹ/1 vạn dân"),
        ("13,5 bác sỹ/vạn dân", 13.5, None, "eq", "bác sỹ/1 vạn dân"),
        ("32 giường bệnh/1 vạn dân", 32, None, "eq", "giường bệnh/1 vạn dân"),
        # comparators in capitals, split over a line, or spaced from the number
        ("KHÔNG DƯỚI 10 người", 10, None, "gte", "người"),
        ("ước\nđạt   5 tỷ đồng", 5, None, "approx", "tỷ đồng"),
        ("≥ 95%", 95, None, "gte", "%"),
        ("trong vòng 30 ngày", 30, None, "lte", "ngày"),
    ],
)
def test_parse_quantity(text, value, maximum, comparator, unit):
    q = parse_quantity(text)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.max == (None if maximum is None else pytest.approx(maximum))
    assert q.comparator == comparator
    assert q.unit == unit


def test_two_per_capita_figures_share_the_tail():
    ms = find_measures("11,2 bác sỹ và 32,5 giường bệnh trên 1 vạn dân")
    assert [(m.value, m.unit) for m in ms] == [(11.2, "bác sỹ/1 vạn dân"), (32.5, "giường bệnh/1 vạn dân")]


def test_span_covers_comparator_and_unit():
    text = "Giảm tỷ lệ hộ nghèo từ 3% trở lên."
    (m,) = find_measures(text)
    assert text[m.start : m.end] == "từ 3% trở lên"
    assert text[m.num_start : m.num_end] == "3"


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 49-NQ/TU ngày 28/9/2021",
        "tỷ lệ 1/500",
        "đoạn Km3+700 đến Km18",
        "sóng di động 3G và 4G",
        "giai đoạn 2021 - 2025",
        "lần thứ 13",
        "quý II/2022",
        "từ 12 đến dưới 18 tuổi",
        "ĐT.246",
        "không có số",
        "",
    ],
)
def test_no_quantity_without_a_unit(text):
    assert find_measures(text) == []


def test_bad_input_gives_none():
    assert parse_quantity("không có số nào") is None
    assert parse_quantity(None) is None


def test_word_inside_another_is_not_a_comparator():
    # "ước" inside "nước" must not read as "about"
    (m,) = find_measures("nguồn nước 5 m3")
    assert m.comparator == "eq"


def test_descending_pair_is_not_a_range():
    (m,) = find_measures("năm 2022 - 15 dự án")
    assert (m.value, m.max, m.unit) == (15, None, "dự án")


@pytest.mark.parametrize("text,value,vmax,comparator,unit", [
    ("≥ 95%", 95, None, "gte", "%"),
    ("≤ 2 ngày", 2, None, "lte", "ngày"),
    ("trên 25,5 vạn tấn", 25.5, None, "gte", "vạn tấn"),
    ("tăng 3-5 bậc", 3, 5, "range", "bậc"),
    ("7,5 – 8%", 7.5, 8, "range", "%"),
    ("4.050,0 nghìn m³", 4050, None, "eq", "nghìn m3"),
    ("06 khu dân cư", 6, None, "eq", "khu dân cư"),
])
def test_more_written_forms(text, value, vmax, comparator, unit):
    from kg.extract.recognise.numbers import parse_quantity

    m = parse_quantity(text)
    assert (m.value, m.max, m.comparator, m.unit) == (pytest.approx(value), vmax if vmax is None else pytest.approx(vmax),
                                                      comparator, unit)


@pytest.mark.parametrize("text,unit,rest", [
    # the measure word is the unit when the counted noun goes on after it: the noun names the indicator
    ("Đón 2,15 triệu lượt khách du lịch, đạt 76,8% kế hoạch", "triệu lượt", " khách du lịch, đạt"),
    ("thu hút 910,8 nghìn lượt khách quốc tế", "nghìn lượt", " khách quốc tế"),
    ("có 1.200 lượt người tham gia hiến máu", "lượt", " người tham gia"),
    # the unit ends the phrase: kept as written
    ("ước đạt 755.950 lượt khách, đạt 22% kế hoạch", "lượt khách", ", đạt"),
    ("đón 52 nghìn lượt khách trong quý I", "nghìn lượt khách", " trong quý"),
    ("đạt 3.100 lượt khách.", "lượt khách", "."),
])
def test_a_count_unit_followed_by_its_noun(text, unit, rest):
    m = find_measures(text)[0]
    assert m.unit == unit and text[m.end:].startswith(rest)


def test_a_measure_is_immutable_and_compares_by_its_fields():
    import dataclasses

    from kg.extract.recognise.numbers import Measure

    m = find_measures("Diện tích 1.200 ha")[0]
    assert m == Measure(**{f.name: getattr(m, f.name) for f in dataclasses.fields(Measure)}) and hash(m) == hash(
        dataclasses.replace(m))
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.unit = "km"
    moved = dataclasses.replace(m, unit="km")
    assert (moved.unit, moved.value, moved.exact, m.unit) == ("km", 1200.0, m.exact, "ha")

"""What became of a target: units, periods, indicators, places, direction, percent, status, and the links
recomputed through the command line when documents are ingested, replaced or removed."""
import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.progress import (
    Quantity,
    compute_links,
    document_area,
    elapsed_share,
    indicator_key,
    indicators_match,
    kind_of,
    percent_of_target,
    period_inside,
    same_area,
    status_of,
    title_period,
    to_base,
)

PROGRESS_DATA = Path(__file__).resolve().parent / "data" / "progress"


# ---------------------------------------------------------------- units
@pytest.mark.parametrize("value,unit,expected", [
    (3460, "nghìn lượt", (3_460_000, "lượt")),
    (755950, "lượt khách", (755_950, "lượt")),
    (2.1, "triệu lượt", (2_100_000, "lượt")),
    (27.5, "nghìn tỷ đồng", (27.5e12, "đồng")),
    (61200, "triệu đồng", (61.2e9, "đồng")),
    (25.5, "vạn tấn", (255_000, "tấn")),
    (280, "triệu USD", (280e6, "USD")),
    (51, "triệu đồng/người", (51e6, "đồng/người")),
    (12, "%", (12, "%")),
])
def test_units_convert_to_a_base(value, unit, expected):
    got = to_base(value, unit)
    assert got[1] == expected[1] and got[0] == pytest.approx(expected[0])


def test_percent_of_plan_is_not_a_percent():
    assert to_base(60, "% kế hoạch")[1] != to_base(60, "%")[1]
    assert to_base(5, "xã")[1] == "xã" and to_base(None, "ha") is None


# ---------------------------------------------------------------- periods
@pytest.mark.parametrize("inner,outer,inside", [
    ("2022-Q1", "2022", True), ("2022-01/2022-06", "2022", True), ("2022-06", "2022", True),
    ("2022", "2022", True), ("2023-vụ Đông Xuân", "2023", True), ("2024", "2021-2025", True),
    ("2021-Q4", "2022", False), ("2022", "2022-Q1", False), ("2022-01/2022-06", "2022-Q1", False),
    (None, "2022", False),
])
def test_period_containment(inner, outer, inside):
    assert period_inside(inner, outer) is inside


def test_elapsed_share_of_the_target_period():
    assert elapsed_share("2022-Q1", "2022") == 0.25
    assert elapsed_share("2023-01/2023-06", "2023") == 0.5
    assert elapsed_share("2023", "2023") == 1.0
    assert elapsed_share("2023-vụ Đông Xuân", "2023") is None  # the season's months are not known


def test_title_period_of_a_report():
    assert title_period("Tình hình kinh tế - xã hội 6 tháng đầu năm 2023; nhiệm vụ 6 tháng cuối năm") == "2023-01/2023-06"
    assert title_period("Báo cáo tình hình quý I năm 2022") == "2022-Q1"
    assert title_period("Báo cáo năm 2022") is None


# ---------------------------------------------------------------- places
def test_document_area_reads_the_lowest_body_of_the_header():
    assert document_area("ỦY BAN NHÂN DÂN\nHUYỆN SÔNG MÂY\nSố: 1/BC-UBND") == ("huyện", "Sông Mây")
    assert document_area("UBND TỈNH ĐỒNG LAM\nUBND THỊ XÃ BẾN ĐÁ\n") == ("thị xã", "Bến Đá")
    assert document_area("ỦY BAN NHÂN DÂN TỈNH ĐỒNG LAM | CỘNG HÒA XÃ HỘI") == ("tỉnh", "Đồng Lam")
    # a body named in the running text is not the header
    assert document_area("BÁO CÁO\nỦy ban nhân dân huyện Sông Mây báo cáo", None) is None
    assert document_area("", "Ủy ban nhân dân thành phố Bến Đá") == ("thành phố", "Bến Đá")


def test_same_area_needs_level_and_place():
    assert same_area(("huyện", "Sông Mây"), ("huyện", "sông mây"))
    assert not same_area(("tỉnh", "Sông Mây"), ("huyện", "Sông Mây"))
    assert not same_area(None, ("tỉnh", "Đồng Lam"))


# ---------------------------------------------------------------- indicators and direction
@pytest.mark.parametrize("target,result", [
    ("Diện tích trồng rừng mới", "Trồng rừng mới"),
    ("Lượng khách du lịch", "Tổng lượng khách du lịch"),
    ("Thu ngân sách nhà nước trên địa bàn", "Lũy kế 6 tháng tổng thu ngân sách nhà nước trên địa bàn ước thực hiện"),
    ("Tốc độ tăng trưởng kinh tế (GRDP)", "Tổng sản phẩm trên địa bàn tỉnh (GRDP) 6 tháng ước tăng"),
    ("Số trường học đạt chuẩn quốc gia (phát triển thêm)", "Trường học được công nhận mới đạt chuẩn quốc gia"),
    ("Chỉ số sản xuất công nghiệp (IIP) tăng so với năm 2022", "Chỉ số sản xuất công nghiệp (IIP) tăng so với cùng kỳ"),
    ("Mức giảm tai nạn giao thông (cả 3 tiêu chí)", "Mức giảm số người bị thương do tai nạn giao thông"),
    ("Sản lượng lương thực có hạt", "Sản lượng lương thực có hạt vụ Đông Xuân"),
    ("Thu ngân sách nhà nước trên địa bàn", "Thu ngân sách nhà nước trên địa bàn 6 tháng đầu"),
    ("Kim ngạch xuất khẩu", "Kim ngạch xuất khẩu 9 tháng cuối"),
    # an abbreviation spelt out on one side names the indicator the other side calls by it
    ("Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)", "Thu hút FDI"),
    ("Vốn đầu tư trực tiếp nước ngoài (FDI) thu hút được", "FDI"),
    ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "PCI"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế (BHYT)", "Tỷ lệ dân số tham gia BHYT"),
    ("Tăng trưởng GRDP", "Tổng sản phẩm trên địa bàn (GRDP) 9 tháng ước tăng"),
])
def test_indicators_that_meet(target, result):
    assert indicators_match(indicator_key(target), indicator_key(result)) is not None


@pytest.mark.parametrize("target,result", [
    ("Khách du lịch quốc tế", "Tổng lượt khách du lịch"),
    ("Tổng thu ngân sách địa phương", "Tổng chi ngân sách địa phương"),
    ("Thu nội địa", "Tổng thu ngân sách nhà nước trên địa bàn"),
    ("Tỷ lệ lao động qua đào tạo", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"),
    ("Số xã đạt chuẩn nông thôn mới", "Số xã đạt nông thôn mới nâng cao"),
    ("Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu"),
    ("Trồng rừng mới", "Diện tích trồng rừng tập trung"),
    # the abbreviation is shared, but one side says more than the other spells out
    ("Tốc độ tăng trưởng kinh tế (GRDP)", "GRDP bình quân đầu người"),
    ("Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)", "Giải ngân vốn FDI"),
    ("Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)", "Kim ngạch xuất khẩu khu vực FDI"),
    ("Số sản phẩm OCOP (có thêm)", "Số chủ thể OCOP"),
])
def test_indicators_that_do_not_meet(target, result):
    assert indicators_match(indicator_key(target), indicator_key(result)) is None


def test_kind_keeps_the_direction():
    assert kind_of("Giảm tỷ lệ hộ nghèo", "%") == "down"
    assert kind_of("Tốc độ tăng trưởng GRDP", "%") == "rate"
    assert kind_of("Kim ngạch xuất khẩu tăng", "%") == "rate"
    assert kind_of("Số xã đạt chuẩn nông thôn mới tăng thêm", "xã") == "amount"
    assert kind_of("Tỷ lệ che phủ rừng", "%") == "level"
    assert kind_of("Tỷ lệ hộ nghèo", "%", "lte") == "ceiling"
    assert indicator_key("Tốc độ tăng trưởng GRDP") == indicator_key("GRDP")  # the kind tells them apart


# ---------------------------------------------------------------- percent and status
def test_percent_against_the_lower_bound_after_conversion():
    r, t = to_base(755950, "lượt"), to_base(3460, "nghìn lượt")
    assert percent_of_target(r[0], t[0], "amount") == pytest.approx(21.85, abs=0.01)
    assert percent_of_target(6.18, 7, "rate") is None
    assert percent_of_target(50, 5, "down") is None


@pytest.mark.parametrize("kind,result,target,elapsed,status", [
    ("amount", 2530, 9000, 0.25, "on track"),
    ("amount", 277, 2600, 0.25, "off track"),
    ("amount", 1960, 10984, 0.25, "needs acceleration"),
    ("amount", 9500, 9000, 0.25, "achieved"),
    ("amount", 8000, 9000, 1.0, "not achieved"),
    ("amount", 173150, 255000, None, None),
    ("level", 93.2, 95.5, 0.5, "needs acceleration"),
    ("level", 96, 95.5, 1.0, "achieved"),
    ("rate", 6.18, 7, 0.5, "off track"),
    ("rate", 10.7, 10, 0.5, "on track"),
    ("down", 50, 5, 0.25, "on track"),
    ("ceiling", 4.2, 5, 1.0, "achieved"),
])
def test_status(kind, result, target, elapsed, status):
    assert status_of(kind, result, target, elapsed) == status


def _q(iri, indicator, value, unit, period, area, pct=None, source="a.txt"):
    return Quantity(iri=iri, source=source, indicator=indicator, value=value, unit=unit, period=period,
                    percent_of_plan=pct, area=area)


def test_links_need_the_same_area_and_a_period_inside():
    district, province = ("huyện", "Sông Mây"), ("tỉnh", "Đồng Lam")
    t = _q("t", "Diện tích trồng rừng mới", 500, "ha", "2024", district, source="nq.txt")
    ok = _q("r1", "Trồng rừng mới", 260, "ha", "2024-01/2024-06", district, 52, "bc.txt")
    other_place = _q("r2", "Trồng rừng mới", 4100, "ha", "2024-01/2024-06", province, 41, "tinh.txt")
    other_year = _q("r3", "Trồng rừng mới", 90, "ha", "2023-Q1", district, None, "bc23.txt")
    links = compute_links([t], [ok, other_place, other_year])
    assert [(lk.result.iri, lk.percent, lk.status) for lk in links] == [("r1", 52.0, "on track")]


def test_a_stated_share_that_disagrees_is_flagged_or_rules_out_a_similar_indicator():
    area = ("tỉnh", "Đồng Lam")
    t = _q("t", "Tổng chi ngân sách địa phương", 10000, "tỷ đồng", "2022", area, source="nq.txt")
    same = _q("r1", "Tổng chi ngân sách địa phương", 2500, "tỷ đồng", "2022-Q1", area, 20, "bc.txt")
    similar = _q("r2", "Chi cân đối ngân sách địa phương", 1600, "tỷ đồng", "2022-Q1", area, 18.6, "bc.txt")
    links = compute_links([t], [same, similar])
    assert [(lk.result.iri, lk.mismatch) for lk in links] == [("r1", True)]


def test_each_result_keeps_the_target_whose_share_agrees():
    area = ("tỉnh", "Đồng Lam")
    plan = _q("t1", "Thu ngân sách nhà nước trên địa bàn", 4100, "tỷ đồng", "2023", area, source="kh.txt")
    own = _q("t2", "Tổng thu ngân sách nhà nước trên địa bàn", 4300, "tỷ đồng", "2023", area, source="bc.txt")
    r = _q("r", "Tổng thu ngân sách nhà nước trên địa bàn", 2150.5, "tỷ đồng", "2023-01/2023-06", area, 52.5, "bc.txt")
    [lk] = compute_links([plan, own], [r])
    assert lk.target.iri == "t1" and lk.percent == pytest.approx(52.45)


# ---------------------------------------------------------------- through the command line
def _run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.stdout


def _rows(store, query: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_run("query", query, "--store", store, "-f", "csv"))))


def _progress(store):
    return _rows(store, "progress")


def test_district_targets_meet_the_district_report_not_the_province(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    store = tmp_path / "store"
    _run("ingest", PROGRESS_DATA, "--store", store, "-q")
    rows = _progress(store)
    got = sorted((r["target_indicator"], r["result_value"], r["result_unit"], float(r["percent"]), r["status"])
                 for r in rows)
    assert got == [
        ("Diện tích trồng rừng mới", "260", "ha", 52.0, "on track"),
        ("Thu ngân sách nhà nước trên địa bàn", "61200", "triệu đồng", 51.0, "on track"),
        ("Tổng lượt khách du lịch", "45000", "lượt", 30.0, "needs acceleration"),
    ]
    assert {r["result_source"] for r in rows} == {"song_may_2024_6m_report.txt"}
    assert all(r["target_sentence"] and r["result_sentence"] for r in rows)
    table = _run("progress", "--store", store, "--year", "2024", "--place", "Sông Mây")
    assert "52.0%" in table and "Tỷ lệ dân số tham gia" in table
    assert max(len(line) for line in table.splitlines()) <= 100  # long cells wrap, nothing overflows
    assert "Sông Mây" not in _run("progress", "--store", store, "--year", "2023")


def test_reingest_and_remove_update_the_links(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PROGRESS_DATA, docs)
    store = tmp_path / "store"
    _run("ingest", docs, "--store", store, "-q")
    report = docs / "song_may_2024_6m_report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("260 ha, đạt 52%", "350 ha, đạt 70%"),
                      encoding="utf-8")
    _run("ingest", report, "--store", store, "-q")
    forest = [r for r in _progress(store) if r["target_indicator"] == "Diện tích trồng rừng mới"]
    assert [(r["result_value"], float(r["percent"])) for r in forest] == [("350", 70.0)]
    assert len(_progress(store)) == 3
    _run("remove", "song_may_2024_resolution.txt", "--store", store)
    assert _progress(store) == []
    _run("ingest", docs / "song_may_2024_resolution.txt", "--store", store, "-q")
    assert len(_progress(store)) == 3


def test_sample_store_2022_targets_with_first_quarter_results(sample_store_dir, tmp_path):
    out = _run("progress", "--store", sample_store_dir, "--year", "2022", "-f", "csv", "--chart", tmp_path / "c.html")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(r["sources"].startswith("004_") for r in rows) >= 40
    forest = next(r for r in rows if r["indicator"] == "Trồng rừng mới" and r["sources"].startswith("004_"))
    assert forest["latest result"].startswith("2530 ha (2022-Q1)") and forest["percent"] == "28.1%"
    linked = [r for r in rows if r["latest result"]]
    assert linked and all("<- 000_" in r["sources"] and "(2022-Q1)" in r["latest result"] for r in linked)
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Trồng rừng mới" in html and "http" not in html.replace("http://www.w3.org", "")


def test_a_single_month_is_not_progress_towards_the_year_total():
    area = ("tỉnh", "Đồng Lam")
    t = _q("t", "Lượng khách du lịch", 3000, "nghìn lượt", "2022", area, source="nq.txt")
    month = _q("m", "Tổng lượng khách du lịch tháng 3", 210000, "lượt", "2022-Q1", area, None, "bc.txt")
    quarter = _q("q", "Tổng lượng khách du lịch", 700000, "lượt", "2022-Q1", area, 23, "bc.txt")
    assert month.effective_period == "2022-03"
    assert [lk.result.iri for lk in compute_links([t], [month, quarter])] == ["q"]
    level = _q("l", "Tỷ lệ che phủ rừng", 64, "%", "2024", area, None, "bc24.txt")
    assert compute_links([_q("t2", "Tỷ lệ che phủ rừng", 65, "%", "2021-2025", area)], [level])


def test_an_item_under_its_heading_and_a_long_aside():
    area = ("tỉnh", "Đồng Lam")
    t = _q("t", "Khách quốc tế", 90, "nghìn lượt", "2023", area, source="kh.txt")
    r = _q("r", "Tổng lượt khách du lịch - khách quốc tế", 40.5, "nghìn lượt", "2023-01/2023-06", area, 45, "bc.txt")
    assert [lk.percent for lk in compute_links([t], [r])] == [45.0]
    assert indicator_key("Số xã đạt chuẩn nông thôn mới (nhờ sự quan tâm chỉ đạo sát sao của các cấp") == \
        indicator_key("Số xã đạt chuẩn nông thôn mới")
    assert indicator_key("Khách du lịch (quốc tế)") != indicator_key("Khách du lịch")


def test_whose_budget_is_part_of_the_indicator():
    assert indicators_match(indicator_key("Vốn ngân sách tỉnh"), indicator_key("Vốn ngân sách huyện")) is None
    assert indicator_key("Tổng sản phẩm trên địa bàn tỉnh (GRDP)") == indicator_key("GRDP")
    assert indicator_key("Thu ngân sách nhà nước trên địa bàn huyện") == indicator_key("Thu ngân sách nhà nước")


def test_viewer_colours_targets_by_status_and_draws_result_to_target(tmp_path):
    from kg.views.progress_chart import STATUS_COLOURS

    store, out = tmp_path / "store", tmp_path / "v.html"
    _run("ingest", PROGRESS_DATA, "--store", store, "-q")
    _run("viz", "--store", store, "-o", out, "--types", "target,result")
    html = out.read_text(encoding="utf-8")
    assert '"measures"' in html and STATUS_COLOURS["on track"] in html and STATUS_COLOURS["needs acceleration"] in html


@pytest.mark.parametrize("every", [1, 2, 3])
def test_links_hold_whichever_checkpoint_the_ingest_ends_on(tmp_path, every):
    """Links are recomputed at the end of an ingest even when its last document fell on a checkpoint."""
    from kg.graph.store import LocalStore
    from kg.ingest import ingest

    store = LocalStore(tmp_path / "store")
    files = sorted(PROGRESS_DATA.glob("*.txt"))[::-1]  # the reports first, the resolution with the targets last
    ingest(files, store, checkpoint_every=every)
    store.close()
    assert len(_progress(tmp_path / "store")) == 3


def test_a_report_own_plan_figure_is_not_its_target():
    area = ("huyện", "Sông Mây")
    own = _q("t", "Trồng rừng mới", 1500, "ha", "2024", area, source="bc.txt")
    r = _q("r", "Trồng rừng mới", 1130, "ha", "2024-01/2024-06", area, None, "bc.txt")
    assert compute_links([own], [r]) == []
    other = _q("t2", "Diện tích trồng rừng mới", 1600, "ha", "2024", area, source="nq.txt")
    assert [lk.target.iri for lk in compute_links([own, other], [r])] == ["t2"]


def test_a_headerless_news_summary_sets_targets_for_its_province(tmp_path):
    store = tmp_path / "store"
    _run("ingest", PROGRESS_DATA.parent / "progress_news", "--store", store, "-q")
    rows = _progress(store)
    got = sorted((r["target_source"], r["target_indicator"], r["result_value"], float(r["percent"])) for r in rows)
    assert got == [
        ("tq_2025_council_news.txt", "Diện tích trồng rừng tập trung", "7800", 65.0),
        ("tq_2025_council_news.txt", "Thu ngân sách nhà nước trên địa bàn", "1600", 50.0),
    ]


def test_an_increase_target_is_not_met_by_a_running_total():
    area = ("tỉnh", "Điện Biên")
    t = _q("t", "Số xã đạt chuẩn nông thôn mới (có thêm)", 10, "xã", "2025", area, source="nq.txt")
    total = Quantity(iri="r1", source="bc.txt", indicator="Số xã đạt chuẩn nông thôn mới", value=74, unit="xã",
                     period="2025-01/2025-06", area=area, value_text="74",
                     sentence="Có 3 xã được công nhận đạt chuẩn nông thôn mới; lũy kế 74 xã đạt chuẩn.")
    step = Quantity(iri="r2", source="bc.txt", indicator="Số xã được công nhận đạt chuẩn nông thôn mới", value=3,
                    unit="xã", period="2025-01/2025-06", area=area, value_text="3",
                    sentence="Có 3 xã được công nhận đạt chuẩn nông thôn mới; lũy kế 74 xã đạt chuẩn.")
    assert [(lk.result.iri, lk.percent) for lk in compute_links([t], [total, step])] == [("r2", 30.0)]


def test_a_news_headline_gives_its_results_their_period(tmp_path):
    """'Lào Cai: kinh tế quý I/2025 ...': the headline's quarter is the period of the item's results, which then
    meet the year's targets of the province's plan; an item whose headline states no period is of the year it is
    dated (15/04/2025: its share of the year's plan, 21.9%, is what the text states)."""
    store = tmp_path / "store"
    _run("ingest", PROGRESS_DATA.parent / "progress_news_quarter", "--store", store, "-q")
    rows = _progress(store)
    got = sorted((r["result_source"], r["target_indicator"], r["result_period"], round(float(r["percent"]), 1))
                 for r in rows)
    assert got == [
        ("lc_2025_dateline_only_news.txt", "Diện tích trồng rừng tập trung", "2025", 21.9),
        ("lc_2025_q1_news.txt", "Diện tích trồng rừng tập trung", "2025-Q1", 20.0),
        ("lc_2025_q1_news.txt", "Kim ngạch xuất khẩu", "2025-Q1", 25.8),
        ("lc_2025_q1_news.txt", "Tổng thu ngân sách nhà nước trên địa bàn", "2025-Q1", 24.2),
    ]
    assert all(not r["indicator"].lower().startswith("theo") for r in _rows(store, "results")), "a source is no indicator"


def test_abbreviations_added_counts_and_news_prose_meet_their_targets(tmp_path):
    """A province's resolution and 9-month report (abbreviations spelt out on one side, "có thêm N xã" with no
    share, "triệu lượt khách du lịch"), a district's pair (names in brackets before the share), and a news
    summary whose goals run over ";" clauses with the report of its province."""
    store = tmp_path / "store"
    _run("ingest", PROGRESS_DATA.parent / "progress_prose", "--store", store, "-q")
    got = sorted((r["target_source"][:2], r["target_indicator"], r["result_value"], r["result_unit"],
                  round(float(r["percent"])) if r["percent"] else None) for r in _progress(store))
    assert got == [
        ("hd", "GRDP bình quân đầu người", "108", "triệu đồng", 72),
        ("hd", "Số lượt khách du lịch (đón)", "2.15", "triệu lượt", 77),
        ("hd", "Số sản phẩm OCOP đạt từ 3 sao trở lên (có thêm)", "18", "sản phẩm", 72),
        ("hd", "Số xã đạt chuẩn nông thôn mới kiểu mẫu (có thêm)", "1", "xã", 33),
        ("hd", "Số xã đạt chuẩn nông thôn mới nâng cao (có thêm)", "7", "xã", 58),
        ("hd", "Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)", "1.03", "tỷ USD", 86),
        ("hd", "Tốc độ tăng trưởng kinh tế (GRDP)", "13.1", "%", None),  # a growth rate: no share
        ("hd", "Tỷ lệ dân số tham gia bảo hiểm y tế (BHYT)", "92.8", "%", 99),
        ("py", "Lượng khách du lịch đến tỉnh", "2.9", "triệu lượt", 54),
        # "..., trong đó khách quốc tế 61 nghìn lượt": a part of the reported whole
        ("py", "Lượng khách du lịch đến tỉnh - số lượt (khách quốc tế)", "61", "nghìn lượt", 51),
        ("py", "Số xã đạt chuẩn nông thôn mới (có thêm)", "4", "xã", 44),
        ("py", "Tổng thu ngân sách nhà nước trên địa bàn", "3550", "tỷ đồng", 50),
        ("py", "Tổng thu ngân sách nhà nước trên địa bàn - thu nội địa", "3100", "tỷ đồng", 48),
        # the district's figures meet the district's targets only
        ("vh", "Số lượt khách du lịch (đón)", "52", "nghìn lượt", 43),
        ("vh", "Số sản phẩm OCOP đạt từ 3 sao trở lên (có thêm)", "3", "sản phẩm", 60),
        ("vh", "Số xã đạt chuẩn nông thôn mới nâng cao (có thêm)", "2", "xã", 67),
    ]


def test_an_indicator_label_does_not_depend_on_row_order():
    """Two wordings of one indicator node, as often each: the label is the same whichever order a store returns
    the figures in (servers differ), a target's wording first."""
    from kg.graph.progress import label_triples
    area = ("tỉnh", "Đồng Lam")
    a = _q("r1", "Kim ngạch xuất nhập khẩu: nhập khẩu", 10, "triệu USD", "2024", area)
    b = _q("r2", "Kim ngạch xuất nhập khẩu: xuất khẩu", 12, "triệu USD", "2024", area)
    assert a.key == b.key  # one node
    assert label_triples([], [a, b]) == label_triples([], [b, a])
    assert label_triples([b], [a]) == label_triples([b], [a][::-1]) and "xuất khẩu\"" in label_triples([b], [a])[0]

"""PDF input: the text layer of a printed PDF gives what its text gives; a broken text layer is refused.

PDFs are printed by headless Chromium from an HTML page holding the text with `white-space: pre-wrap`,
so they are hard-wrapped as real printed documents are. Those tests are marked `browser` and skipped
when chromium is not installed.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from headless import open_chromium

from kg.cli import cli
from kg.extract import extract_file, extract_text
from kg.extract.read import BROKEN_LIMIT, ReadError, broken_text_share, read_document

try:
    from test_cli import triple_count
    from test_read import _tiny_pdf
except ImportError:  # tests imported as a package
    from .test_cli import triple_count
    from .test_read import _tiny_pdf

LAYOUT = Path(__file__).resolve().parent / "data" / "layout"
# a running header and page numbers printed on every page, as office printers add them
HEADER = "<div style='font-size:8pt;width:100%;text-align:center'>Văn bản in thử - trang nội bộ</div>"
FOOTER = "<div style='font-size:8pt;width:100%;text-align:center'><span class='pageNumber'></span></div>"


def _print_pdfs(sources: list[Path], out: Path, furniture: bool = False, size: int = 12) -> dict[str, Path]:
    pdfs = {}
    with open_chromium() as browser:
        page = browser.new_page()
        for src in sources:
            text = src.read_text(encoding="utf-8")
            page.set_content(
                f"<!doctype html><meta charset='utf-8'><style>body{{font:{size}pt serif}}"
                "pre{white-space:pre-wrap;font:inherit}</style><pre>" + html.escape(text) + "</pre>"
            )
            pdf = out / (src.stem + ".pdf")
            page.pdf(path=str(pdf), format="A4", margin={"top": "2cm", "bottom": "2cm", "left": "2.5cm",
                                                           "right": "2cm"},
                     display_header_footer=furniture, header_template=HEADER, footer_template=FOOTER)
            pdfs[src.stem] = pdf
    return pdfs


def _records(path: Path, text: str | None = None) -> dict[str, Counter]:
    ex = extract_file(path) if text is None else extract_text(text, source=path.name)
    return {
        "directives": Counter((d.number, d.type, d.issuer, d.year, d.date) for d in ex.directives),
        "targets": Counter((q.indicator, q.value, q.max, q.comparator, q.unit, q.period)
                           for q in ex.quantities if q.category == "target"),
        "lineage": Counter((x.child.kind, x.child.key, x.parent.kind, x.parent.key, x.relation)
                           for x in ex.lineage),
    }


def _read_text(pdf: Path) -> str:
    return read_document(pdf).text


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory, sample_files) -> dict[str, tuple[Path, Path, str]]:
    """Each shipped sample text, the PDF printed from it and the PDF's text (made once per session)."""
    pdfs = _print_pdfs(sample_files, tmp_path_factory.mktemp("pdf"))
    with ProcessPoolExecutor(max_workers=2) as pool:  # reading a PDF is the slow part
        texts = dict(zip(pdfs, pool.map(_read_text, pdfs.values())))
    return {p.stem: (p, pdfs[p.stem], texts[p.stem]) for p in sample_files}


@pytest.mark.browser
def test_pdf_printed_sample_keeps_vietnamese_syllables(sample_pdfs):
    for txt, pdf, text in sample_pdfs.values():
        assert broken_text_share(text) < 0.02
        words = set(re.findall(r"[^\W\d_]+", txt.read_text(encoding="utf-8")))
        assert len(words & set(re.findall(r"[^\W\d_]+", text))) >= 0.98 * len(words)


@pytest.mark.browser
@pytest.mark.parametrize("stem", sorted(p.stem for p in (Path(__file__).resolve().parent.parent
                                                             / "samples" / "corpus").glob("*.txt")))
def test_pdf_printed_sample_gives_the_text_s_directives_targets_and_lineage(sample_pdfs, stem):
    txt, pdf, text = sample_pdfs[stem]
    want, got = _records(txt), _records(pdf, text)
    for key in want:
        assert got[key] == want[key], (key, want[key] - got[key], got[key] - want[key])


@pytest.mark.browser
def test_pdf_with_running_header_and_page_numbers(tmp_path):
    src = LAYOUT / "district_report_paged.txt"
    # the same report as one paragraph a line, printed with a running header and page numbers
    from kg.extract.normalise import clean

    flat = tmp_path / "district_report_flat.txt"
    flat.write_text(clean(src.read_text(encoding="utf-8")).text, encoding="utf-8")
    pdf = _print_pdfs([flat], tmp_path, furniture=True, size=20)["district_report_flat"]
    raw = read_document(pdf)
    assert "Văn bản in thử" in raw.text  # the printer's header is in the text layer ...
    ex = extract_file(pdf)
    assert "Văn bản in thử" not in ex.text  # ... and out of the clean text
    assert _records(pdf) == _records(flat)


HEADER_TABLE_PAGE = """<!doctype html><meta charset='utf-8'><style>body{font:13pt serif}
td{vertical-align:top;text-align:center;padding:0 1em} p{text-align:justify;margin:0 0 .5em}</style>
<table style='width:100%'><tr><td><b>ỦY BAN NHÂN DÂN<br>THỊ XÃ BA ĐỒN</b><br>Số: 204/BC-UBND</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>
<i>Ba Đồn, ngày 22 tháng 9 năm 2023</i></td></tr></table>
<p style='text-align:center'><b>BÁO CÁO</b><br><b>Kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2023</b></p>
<p>Thực hiện Kế hoạch số 31/KH-UBND ngày 15/02/2023 của Ủy ban nhân dân tỉnh Quảng Bình về triển khai
Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ, Ủy ban nhân dân thị xã báo cáo kết quả như sau:</p>
<p>I. KẾT QUẢ ĐẠT ĐƯỢC</p>
<p>Tổng thu ngân sách trên địa bàn ước đạt 320 tỷ đồng, bằng 74,5% dự toán giao.</p>"""


@pytest.mark.browser
def test_pdf_one_page_with_a_two_column_header_table(tmp_path):
    pdf = tmp_path / "header_table.pdf"
    with open_chromium() as browser:
        page = browser.new_page()
        page.set_content(HEADER_TABLE_PAGE)
        page.pdf(path=str(pdf), format="A4")
    ex = extract_file(pdf)
    h = ex.header
    assert (h.kind, h.number, h.place, h.date) == ("Báo cáo", "204/BC-UBND", "Ba Đồn", "2023-09-22")
    # one page, few lines: still page text, so the wrapped name and sentence are joined
    assert "Ủy ban nhân dân tỉnh Quảng Bình về triển khai Nghị quyết số 01/NQ-CP" in ex.text
    assert {("31/KH-UBND", "2023-02-15"), ("01/NQ-CP", "2023-01-06")} <= {(d.number, d.date) for d in ex.directives}


BROKEN_SPLIT = ("Ủ y ban nh â n d â n t ỉ nh L ạ ng S ơ n b á o c á o t ì nh h ì nh th ự c hi ệ n "
                "Ngh ị quy ế t s ố 01/NQ-CP c ủ a Ch í nh ph ủ v ề nhi ệ m v ụ , gi ả i ph á p ch ủ y ế u. ")
BROKEN_LOST = ("y ban nh n d n t nh L ng S n b o c o t nh h nh th c hi n Ngh quy t s 01/NQ-CP c a "
               "Ch nh ph v nhi m v , gi i ph p ch y u n m 2022. ")
SOUND = ("Ủy ban nhân dân tỉnh Lạng Sơn báo cáo tình hình thực hiện Nghị quyết số 01/NQ-CP của "
         "Chính phủ về nhiệm vụ, giải pháp chủ yếu; UBND tỉnh, HĐND tỉnh và các sở, ngành a) b) đ) ở y tế. ")


@pytest.mark.parametrize("text, broken", [(BROKEN_SPLIT * 3, True), (BROKEN_LOST * 3, True),
                                          (SOUND * 3, False)])
def test_pdf_broken_text_measure(text, broken):
    assert (broken_text_share(text) > BROKEN_LIMIT) == broken


def test_pdf_broken_text_measure_on_sound_documents(sample_files):
    for p in sample_files + sorted(LAYOUT.glob("*.txt")):
        assert broken_text_share(p.read_text(encoding="utf-8")) < BROKEN_LIMIT / 2, p.name


def _broken_pdf(path: Path) -> Path:
    # a text layer that lost every letter its font could not map: "L ng S n" for "Lạng Sơn"
    path.write_bytes(_tiny_pdf(BROKEN_LOST.encode("ascii", "ignore").decode() * 2))
    return path


def test_pdf_broken_text_layer_is_refused_with_one_line(tmp_path):
    with pytest.raises(ReadError) as e:
        read_document(_broken_pdf(tmp_path / "scan.pdf"))
    msg = str(e.value)
    assert "scan.pdf" in msg and "broken" in msg and "\n" not in msg


def test_pdf_broken_text_layer_cli_error_and_store_unchanged(store_copy, tmp_path):
    before = triple_count(store_copy)
    p = _broken_pdf(tmp_path / "broken_layer.pdf")
    r = CliRunner().invoke(cli, ["ingest", str(p), "--store", str(store_copy)])
    assert r.exit_code != 0
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and "broken_layer.pdf" in lines[0]
    assert "text layer is broken" in lines[0]
    assert triple_count(store_copy) == before

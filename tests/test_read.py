import pytest

from kg.extract.read import ReadError, read_document


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("utf16.txt", "Nghị quyết".encode("utf-16-le"), "binary"),
        ("latin1.txt", "Báo cáo năm".encode("latin-1", "replace") + b" \xe9t\xe9", "not UTF-8"),
        ("controls.txt", "Báo cáo \x01\x02\x03\x04\x05\x06\x07\x0b\x1f năm".encode(), "binary"),
        ("invisible.txt", " \u200b\n\ufeff\u00ad ".encode(), "no visible text"),
    ],
)
def test_read_bad_input_raises_one_line_error(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert message in str(e.value) and "\n" not in str(e.value) and name in str(e.value)


def test_read_text_with_a_few_controls_or_a_zero_width_start(tmp_path):
    """Eight control characters are tolerated (form feeds and tabs are not counted); a zero-width
    character before the first visible one is not an empty text."""
    p = tmp_path / "ok.txt"
    p.write_bytes("\u200bBáo cáo \x01\x02\x03\x04\x05\x06\x07\x0b\f\t năm".encode())
    assert read_document(p).text.startswith("\u200bBáo cáo")


def test_read_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Triển khai Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ.")
    p = tmp_path / "r.docx"
    d.save(p)
    raw = read_document(p)
    assert raw.fmt == "docx" and "Nghị quyết số 01/NQ-CP" in raw.text and raw.source == "r.docx"


def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer (Helvetica, ASCII text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_read_pdf_with_text_layer(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(_tiny_pdf("Quyet dinh so 143/QD-UBND"))
    raw = read_document(p)
    assert raw.fmt == "pdf" and "143/QD-UBND" in raw.text


def test_read_broken_pdf_is_one_line_error(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\nthis is not a pdf")
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert "broken.pdf" in str(e.value)


def test_read_docx_tables_in_body_order_as_pipe_rows(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Phân công nhiệm vụ như sau:")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("TT", "Nhiệm vụ", "Cơ quan chủ trì"),
                             ("1", "Trồng mới 250 ha rừng", "Sở Nông nghiệp\nvà Phát triển nông thôn"),
                             ("2", "Cứng hóa 12 km đường | xã", "")]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(2, 1).merge(t.cell(2, 2))  # a merged cell spans two grid columns and is read once
    d.add_paragraph("Các cơ quan báo cáo kết quả trước ngày 15/12/2024.")
    p = tmp_path / "plan.docx"
    d.save(p)
    text = read_document(p).text
    assert text.split("\n\n") == [
        "KẾ HOẠCH",
        "Phân công nhiệm vụ như sau:",
        "| TT | Nhiệm vụ | Cơ quan chủ trì |\n"
        "| 1 | Trồng mới 250 ha rừng | Sở Nông nghiệp và Phát triển nông thôn |\n"
        "| 2 | Cứng hóa 12 km đường / xã |",
        "Các cơ quan báo cáo kết quả trước ngày 15/12/2024.",
    ]


def test_read_docx_header_table_becomes_header_lines(tmp_path):
    import docx

    from kg.extract.normalise import clean
    from kg.extract.structure import parse_header

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    left.text = "ỦY BAN NHÂN DÂN"
    for line in ("HUYỆN MƯỜNG KHƯƠNG", "Số: 58/KH-UBND"):
        left.add_paragraph(line)
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for line in ("Độc lập - Tự do - Hạnh phúc", "Mường Khương, ngày 14 tháng 4 năm 2024"):
        right.add_paragraph(line)
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Triển khai công tác phòng, chống thiên tai năm 2024")
    p = tmp_path / "header.docx"
    d.save(p)
    h = parse_header(clean(read_document(p).text).text)
    assert (h.kind, h.number, h.place, h.date) == ("Kế hoạch", "58/KH-UBND", "Mường Khương", "2024-04-14")


def test_read_docx_header_table_of_two_rows_keeps_every_cell(tmp_path):
    """Agency | motto on the first row, number | date on the second: all four cells are read."""
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 112/KH-UBND"
    t.cell(1, 1).text = "Ninh Thuận, ngày 3 tháng 5 năm 2024"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Thực hiện Chương trình chuyển đổi số năm 2024")
    p = tmp_path / "header2.docx"
    d.save(p)
    text = read_document(p).text
    for cell in ("TỈNH NINH THUẬN", "Độc lập - Tự do - Hạnh phúc", "Số: 112/KH-UBND", "Ninh Thuận, ngày 3 tháng 5 năm 2024"):
        assert cell in text

"""Read a document file into text: .txt/.md (UTF-8), .docx (python-docx), .pdf with a text layer (pdfminer.six).

Errors are raised as `ReadError` with one line that names the file and the problem.

A .docx is read in body order: paragraphs and tables as they stand, each table row as one Markdown pipe row
(`| cell | cell |`), so Word tables and Markdown tables reach the recognisers alike. A PDF keeps its layout
as extracted: hard-wrapped lines, each page ended by a form feed; `kg.extract.normalise` unwraps it. pdfminer.six
is used because it keeps Vietnamese syllables whole (pypdf splits them: "L ạ ng S ơ n"); a text layer that
is broken anyway (fonts without a usable character map) is refused rather than read into wrong names.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ""}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}


class ReadError(Exception):
    """A file that cannot be read as a document."""


@dataclass(frozen=True)
class RawText:
    path: str
    source: str  # base name, the document's identity in the store
    text: str
    sha256: str
    fmt: str  # "text" | "docx" | "pdf"


def read_document(path: str | Path) -> RawText:
    p = Path(path)
    if not p.is_file():
        raise ReadError(f"{p}: no such file")
    data = p.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    suffix = p.suffix.lower()
    if suffix == ".docx":
        text, fmt = _read_docx(p, data), "docx"
    elif suffix == ".pdf":
        text, fmt = _read_pdf(p, data), "pdf"
    else:
        text, fmt = _decode_text(p, data), "text"
    if not text.strip():
        raise ReadError(f"{p}: empty document (no text)")
    return RawText(path=str(p), source=p.name, text=text, sha256=digest, fmt=fmt)


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8"))
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def _decode_text(p: Path, data: bytes) -> str:
    if not data.strip():
        raise ReadError(f"{p}: empty document (no text)")
    bom = next(((b, enc) for b, enc in _BOMS if data.startswith(b)), None)
    if bom is None and (data.startswith((b"%PDF", b"PK\x03\x04")) or b"\x00" in data[:8192]):
        raise ReadError(f"{p}: binary file, not a text document (expected UTF-8 text, .docx or .pdf)")
    enc = bom[1] if bom else "utf-8"
    try:
        text = data[len(bom[0]) if bom else 0:].decode(enc)
    except UnicodeDecodeError as e:
        raise ReadError(f"{p}: not {enc.upper()} text (invalid byte at position {e.start})") from None
    first = text.lstrip()[:1]  # a visible first character settles it without translating the whole text
    if (not first or ord(first) in _INVISIBLE) and not text.translate(_INVISIBLE).strip():
        raise ReadError(f"{p}: empty document (no visible text)")  # only zero-width characters
    if len(_CONTROL.findall(text, 0, 8192)) > 8:
        raise ReadError(f"{p}: binary file, not a text document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_docx(p: Path, data: bytes) -> str:
    import io

    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReadError(f"{p}: python-docx is not installed") from None
    try:
        d = docx.Document(io.BytesIO(data))
        blocks = _docx_blocks(d)
    except Exception as e:  # noqa: BLE001 - broken zip, broken XML (lxml), missing parts: one line, not a traceback
        raise ReadError(f"{p}: not a readable .docx file ({e.__class__.__name__})") from None
    return "\n\n".join(b for b in blocks if b.strip())


def _docx_blocks(d) -> list[str]:
    """Paragraphs and tables in body order; a table is one block of pipe rows."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            first = not any(b.strip() for b in blocks)
            blocks.append(_docx_header(item) if first and _is_header_table(item) else _docx_table(item))
    return blocks


_HEADER_CUE = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|^\s*Số\s*:", re.MULTILINE)


def _is_header_table(table) -> bool:
    """The two-column header set as a table (agency and number | motto and date), before any text."""
    return bool(_HEADER_CUE.search("\n".join(p.text for row in table.rows for c in row.cells
                                              for p in c.paragraphs)))


def _docx_header(table) -> str:
    """A header table as lines: each cell's paragraphs, left cell first, as parse_header reads a header."""
    lines, seen = [], {}
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc  # held, so a freed element's id is never reused for another
            lines += [p.text.strip() for p in cell.paragraphs if p.text.strip()]
    return "\n".join(lines)


def _docx_table(table) -> str:
    rows = []
    for row in table.rows:
        cells, seen = [], {}
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is reported once per grid column it spans
                continue
            seen[id(cell._tc)] = cell._tc  # held, so a freed element's id is never reused for another
            text = _cell_text(cell)
            cells.append(text.replace("|", "/"))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _cell_text(cell) -> str:
    """A cell's paragraphs and nested tables on one line: in-cell line breaks become spaces."""
    from docx.table import Table

    parts = []
    for item in cell.iter_inner_content():
        parts.append(_docx_table(item).replace("\n", " ") if isinstance(item, Table) else item.text)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _read_pdf(p: Path, data: bytes) -> str:
    import io

    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psparser import PSException
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReadError(f"{p}: pdfminer.six is not installed") from None
    # pdfminer reports recoverable oddities of the file through logging: keep them off the terminal
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = [el.get_text() for el in page if isinstance(el, LTTextContainer)]
            pages.append("\n".join(b.rstrip("\n") + "\n" for b in boxes if b.strip()))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as e:
        raise ReadError(f"{p}: not a readable PDF ({e.__class__.__name__})") from None
    except Exception as e:  # pdfminer raises many private error classes on damaged files
        if e.__class__.__module__.startswith("pdfminer"):
            raise ReadError(f"{p}: not a readable PDF ({e.__class__.__name__})") from None
        raise
    # a form feed ends each page: the normaliser takes the text as page text, finds page numbers and running lines
    text = "".join(page + "\f" for page in pages)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if not text.strip():
        raise ReadError(f"{p}: PDF has no text layer (scanned image?)")
    broken = broken_text_share(text)
    if broken > BROKEN_LIMIT:
        raise ReadError(
            f"{p}: the PDF's text layer is broken (Vietnamese syllables split or letters missing in "
            f"{broken:.0%} of words); export the PDF again with embedded Unicode fonts or supply .docx/.txt"
        )
    return text


# share of broken words above which a text layer is refused; sound Vietnamese text stays under 3 %
BROKEN_LIMIT = 0.12
_WORD = re.compile(r"[^\W\d_]+")


def _has_vowel(word: str) -> bool:
    # decomposed, "ư ơ ă â ê ô" and toned vowels keep their base vowel
    return any(c in "aeiouy" for c in unicodedata.normalize("NFD", word.lower()))


def broken_text_share(text: str, min_words: int = 30) -> float:
    """Share of words that cannot be Vietnamese syllables: a text layer read with split or lost letters.

    Every Vietnamese syllable has a vowel; an extraction that splits syllables ("L ạ ng S ơ n") or drops the
    letters it cannot map ("L ng S n") leaves vowelless fragments ("L", "ng", "S", "n") and lone marks.
    Words in capitals of two letters or more are abbreviations (UBND, HĐND, KT-XH) and are not counted;
    a text with fewer than `min_words` words is not judged.
    """
    words = [w for w in _WORD.findall(text) if not (len(w) > 1 and w.isupper())]
    if len(words) < min_words:
        return 0.0
    bad = sum(1 for w in words if not _has_vowel(w) or all(unicodedata.combining(c) for c in w))
    return bad / len(words)

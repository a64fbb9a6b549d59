"""Read a document file into text: .txt/.md (UTF-8), .docx (python-docx), .pdf with a text layer (pypdf).

Errors are raised as `ReadError` with one line that names the file and the problem.
"""
from __future__ import annotations

import hashlib
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


def _decode_text(p: Path, data: bytes) -> str:
    if not data.strip():
        raise ReadError(f"{p}: empty document (no text)")
    if data.startswith((b"%PDF", b"PK\x03\x04")) or b"\x00" in data[:8192]:
        raise ReadError(f"{p}: binary file, not a text document (expected UTF-8 text, .docx or .pdf)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReadError(f"{p}: not UTF-8 text (invalid byte at position {e.start})") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > 8:
        raise ReadError(f"{p}: binary file, not a text document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_docx(p: Path, data: bytes) -> str:
    import io
    import zipfile

    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReadError(f"{p}: python-docx is not installed") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"{p}: not a readable .docx file ({e.__class__.__name__})") from None
    blocks = [para.text for para in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            blocks.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(b for b in blocks if b.strip())


def _read_pdf(p: Path, data: bytes) -> str:
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover
        raise ReadError(f"{p}: pypdf is not installed") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as e:
        raise ReadError(f"{p}: not a readable PDF ({e.__class__.__name__})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReadError(f"{p}: PDF has no text layer (scanned image?)")
    return text

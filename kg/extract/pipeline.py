"""From a file to an `Extraction`: read -> normalise -> structure -> recognise -> lineage."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .lineage import find_lineage, task_links
from .normalise import clean
from .read import read_document
from .recognise import own, places
from .recognise.agencies import known_agency, tone_fold
from .records import Context, Extraction, Header
from .structure import parse_header, parse_sections, parse_tasks, split_sentences


def _title_case(s: str) -> str:
    """'SỞ TÀI CHÍNH' -> 'Sở Tài Chính' (the agency reference matches without case)."""
    return " ".join(w.capitalize() for w in s.split())


def _head_end(text: str, header: Header, running_end: int) -> int:
    """Where the header block ends: after the title, or the first lines of a document without one."""
    end = header.title_span[1] if header.title_span else 0
    return min(len(text), max(end, running_end or 0, 1500))


def document_context(text: str, header: Header, running_end: int, footnotes) -> Context:
    sections = parse_sections(text, running_end)
    sentences = split_sentences(text, sections=sections)
    t = tone_fold(text)
    head = t[: _head_end(t, header, running_end)]
    found = own.from_header(head) or own.from_header(t[:3000]) or own.from_self(t[:6000])
    body = found.body if found else None
    kind = found.kind if found else None
    place = found.place if found else None
    if kind is None:
        kind = own.level_by_mentions(t) or "tỉnh"  # a text that names no level of its own: a province's news
    if kind and place is None:
        hp = tone_fold(header.place) if header.place else None
        if hp and places.known(hp, kind):
            place = places.canonical_name(hp, kind)
        else:
            place = own.place_by_mentions(t, kind)
    if place is None and kind == "tỉnh":
        city = own.place_by_mentions(t, "thành phố")  # news of a centrally-run city: "thành phố Đà Nẵng"
        if city and places.tier_of("thành phố", city) == "province":
            kind, place = "thành phố", city
    if place is None and header.place and places.known(tone_fold(header.place)):
        place = places.canonical_name(tone_fold(header.place))
    if body is None:
        code = header.number.split("-")[-1] if header.number and "-" in header.number else None
        body = own.signature_body(t)
        if body is None and (code in ("UBND", "HĐND") or header.kind == "Báo cáo"):
            body = "Hội đồng nhân dân" if code == "HĐND" else "Ủy ban nhân dân"
    issuer = None
    if body and place:
        issuer = f"{body} {kind} {place}"
        if found and found.sub:
            issuer = known_agency(_title_case(found.sub), place, kind) or issuer
    return Context(text=text, header=replace(header, issuer=issuer, place=header.place or place), sections=sections,
                   sentences=sentences, footnotes=footnotes, running_end=running_end, place=place, level=kind,
                   issuer=issuer, tasks=parse_tasks(text, sections, header.title))


def extract_text(raw_text: str, source: str = "<text>", path: str = "", sha256: str = "") -> Extraction:
    from .nlp import run as run_nlp

    ct = clean(raw_text)
    header = parse_header(ct.text)
    ctx = document_context(ct.text, header, ct.running_end, ct.footnotes)
    doc = run_nlp(ctx)
    ex = Extraction(source=source, path=path, sha256=sha256, text=ct.text, header=ctx.header,
                    sentences=ctx.sentences, sections=ctx.sections, footnotes=ct.footnotes,
                    source_offsets=ct, area=(ctx.level, ctx.place) if ctx.level and ctx.place else None)
    ex.directives = doc._.kg_directives or []
    ex.agencies = doc._.kg_agencies or []
    ex.named = doc._.kg_named or []
    ex.quantities = doc._.kg_quantities or []
    ex.responsibilities = doc._.kg_responsibilities or []
    ex.tasks = ctx.tasks
    ex.lineage = find_lineage(ctx, ex)
    ex.task_links = task_links(ctx, ex)
    return ex


def extract_file(path: str | Path) -> Extraction:
    raw = read_document(path)
    return extract_text(raw.text, source=raw.source, path=raw.path, sha256=raw.sha256)


# a short report of our own that reaches every recogniser: header, directive, agency, project, figures
_WARM_TEXT = """ỦY BAN NHÂN DÂN
HUYỆN ĐÔNG XUÂN
Số: 12/BC-UBND

BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024

Thực hiện Kế hoạch số 20/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện báo cáo:
1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì triển khai dự án Đường giao thông nông thôn xã Xuân Lãnh.
2. Trồng mới 120 ha rừng, đạt 60% kế hoạch năm; thu ngân sách 35 tỷ đồng.
"""


def warm_up() -> Extraction:
    """Load everything an extraction loads on first use (spaCy, patterns, reference data), once per process:
    worker processes forked afterwards start with it. The extraction of a short text of our own."""
    return extract_text(_WARM_TEXT, source="warm_up.txt")

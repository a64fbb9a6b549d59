"""From a file to an `Extraction`: read -> normalise -> structure -> recognise -> lineage."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import lineage as lineage_mod
from .normalise import clean
from .read import read_document
from .recognise.agencies import canonical_agency, tone_fold
from .records import Context, Extraction, Header
from .structure import parse_header, parse_sections, parse_tasks, period_of, split_sentences

# the issuer of the document, from its own words
_SELF_ISSUER = re.compile(
    r"(?P<ag>(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(?P<level>tỉnh|thành phố)(?:\s+(?P<place>[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3}))?)"
    r"\s+(?:báo cáo|trân trọng báo cáo|quyết nghị|ban hành)",
)
_HEADER_AGENCY = re.compile(
    r"^\s*(?P<ag>HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN)\s+(?P<level>TỈNH|THÀNH PHỐ)\s+(?P<place>[^\n]+?)\s*$", re.MULTILINE
)
_SIGNATURE = re.compile(r"^\s*TM\.\s*(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)", re.MULTILINE)


def _title_case(s: str) -> str:
    return " ".join(w.capitalize() for w in s.split())


def document_context(text: str, header: Header, running_end: int, footnotes) -> Context:
    sections = parse_sections(text, running_end)
    sentences = split_sentences(text, sections=sections)
    t = tone_fold(text)
    place = level = issuer = None
    m = _HEADER_AGENCY.search(t[:3000])
    if m:
        level = m.group("level").lower()
        place = _title_case(m.group("place"))
        body = "Hội đồng nhân dân" if m.group("ag").startswith("HỘI") else "Ủy ban nhân dân"
        issuer = f"{body} {level} {place}"
    else:
        m = _SELF_ISSUER.search(t[: min(len(t), 6000)])
        if m:
            level = m.group("level")
            place = m.group("place") or header.place
            issuer = canonical_agency(m.group("ag"), place, level)
    if place is None:
        place = header.place
        if level is None:
            level = "thành phố" if re.search(r"\bUBND thành phố\b", t[:5000]) and not re.search(r"\bUBND tỉnh\b", t) else "tỉnh"
    if issuer is None and place:
        code = (header.number or "").split("-")[-1] if header.number else None
        sig = _SIGNATURE.search(t)
        if sig or code == "UBND" or header.kind == "Báo cáo":
            body = "Hội đồng nhân dân" if sig and sig.group(1).startswith("HỘI") else "Ủy ban nhân dân"
            issuer = f"{body} {level or 'tỉnh'} {place}"
    return Context(text=text, header=replace(header, issuer=issuer, place=header.place or place), sections=sections, sentences=sentences,
                   footnotes=footnotes, running_end=running_end, place=place, level=level or "tỉnh", issuer=issuer)


def extract_text(raw_text: str, source: str = "<text>", path: str = "", sha256: str = "") -> Extraction:
    from . import nlp

    ct = clean(raw_text)
    header = parse_header(ct.text)
    ctx = document_context(ct.text, header, ct.running_end, ct.footnotes)
    doc = nlp.run(ctx)
    ex = Extraction(source=source, path=path, sha256=sha256, text=ct.text, header=ctx.header,
                    sentences=ctx.sentences, sections=ctx.sections, footnotes=ct.footnotes,
                    source_offsets=ct)
    ex.directives = doc._.kg_directives or []
    ex.agencies = doc._.kg_agencies or []
    ex.named = doc._.kg_named or []
    ex.quantities = doc._.kg_quantities or []
    ex.responsibilities = doc._.kg_responsibilities or []
    ex.tasks = parse_tasks(ct.text, ctx.sections)
    if ex.tasks and not any(t.period for t in ex.tasks) and ctx.header.title:
        p = period_of(ctx.header.title)
        ex.tasks = [replace(t, period=p) for t in ex.tasks]
    ex.lineage = lineage_mod.find_lineage(ctx, ex)
    ex.task_links = lineage_mod.task_links(ctx, ex)
    return ex


def extract_file(path: str | Path) -> Extraction:
    raw = read_document(path)
    return extract_text(raw.text, source=raw.source, path=raw.path, sha256=raw.sha256)

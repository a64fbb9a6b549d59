"""Lineage the text states: implements, responds_to, reports_on, based_on.

Only explicit links: a plan "thực hiện" a directive, a decision issued to carry one out, a report answering
a letter or reporting on a directive/plan, "Căn cứ ..." lines. "theo ..." and co-occurrence are not lineage.
Every link keeps the span of the words it was read from.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .records import Context, DirectiveRef, Endpoint, Extraction, LineageLink, NamedMention

THIS = Endpoint("this", "")
LETTER_TYPES = {"Công văn", "Văn bản", "Công điện", "Thông báo"}
_IMPL = r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)"


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern]:
    return {
        # head of an unnumbered plan ... [về/để/nhằm] [việc] [tổ chức] [triển khai] thực hiện <X>
        "plan_head": re.compile(
            r"(?i)(?<!\w)(kế hoạch|chương trình hành động|chương trình|đề án|phương án|nghị quyết|quyết định)(?!\w)"),
        "plan_gap": re.compile(
            rf"(?P<gap>[^.;:\n]{{0,160}}?)\s*(?:\s(?:về|để|nhằm)\s+)?(?:việc\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?{_IMPL}\s+$"),
        "connector": re.compile(
            rf"^\s*,?\s*(?:(?:về|để|nhằm)\s+)?(?:việc\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?{_IMPL}\s+$"),
        "impl_before": re.compile(rf"(?i)(?:{_IMPL}|quán triệt)\s+(?:(?:kế hoạch|chương trình)\s+(?:{_IMPL}\s+)?)?$"),
        "issue_after": re.compile(r"^\s*[,;]?\s*(?:và\s+)?(?:đồng thời\s+)?(?:đã\s+)?ban hành\s+$"),
        "report_title": re.compile(
            rf"(?i)^(?:báo cáo\s+)?(?:tình hình|kết quả|sơ kết|tổng kết|đánh giá)(?:\s+\d+\s+năm)?\s+(?:triển khai\s+)?{_IMPL}\s+"),
        "title_cut": re.compile(r"(?i)\s+và\s+(?:tình hình|kết quả|nhiệm vụ|phương hướng|kế hoạch)|,|;"),
        "can_cu": re.compile(r"(?m)^[ \t]*Căn cứ\s+(?P<body>[^\n]+)"),
        "law": re.compile(r"(?P<name>(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh)\b[^;\n]*?)(?:\s+ngày\s+\d{1,2}(?:\s+tháng\s+|/)\d{1,2}(?:\s+năm\s+|/)(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?\s*(?:;|\.|$)"),
    }


def _directive_ep(ref: DirectiveRef) -> Endpoint:
    return Endpoint("directive", ref.number)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def find_lineage(ctx: Context, ex: Extraction) -> list[LineageLink]:
    text = ctx.text
    refs = sorted(ex.directives, key=lambda r: r.start)
    programmes = sorted((n for n in ex.named if n.category == "programme"), key=lambda n: n.start)
    links: list[LineageLink] = []
    links += _responds_to(ctx, refs)
    links += _reports_on(ctx, refs)
    links += _based_on(ctx, refs)
    links += _plans(text, refs, programmes)
    links += _issued_to_implement(text, refs)
    links += _tasks(text, ex, refs)
    seen: set[tuple] = set()
    out = []
    for link in links:
        key = (link.child, link.parent, link.relation)
        if key not in seen and link.child != link.parent:
            seen.add(key)
            out.append(link)
    return out


def _responds_to(ctx: Context, refs: list[DirectiveRef]) -> list[LineageLink]:
    req = ctx.header.request
    if not req:
        return []
    for r in refs:
        if req[0] <= r.start < req[1]:
            if r.type in LETTER_TYPES:
                return [LineageLink(THIS, _directive_ep(r), "responds_to", req[0], req[1])]
            break
    return []


def _reports_on(ctx: Context, refs: list[DirectiveRef]) -> list[LineageLink]:
    h = ctx.header
    if not h.title or not h.title_span:
        return []
    s0, s1 = h.title_span
    title = ctx.text[s0:s1]
    m = _res()["report_title"].match(title.replace("\n", " "))
    if not m:
        return []
    obj_start = s0 + m.end()
    cut = _res()["title_cut"].search(title, m.end())
    obj_end = s0 + (cut.start() if cut else len(title))
    in_title = [r for r in refs if obj_start <= r.start < obj_end]
    if in_title:
        return [LineageLink(THIS, _directive_ep(r), "reports_on", s0, s1) for r in in_title]
    obj = " ".join(ctx.text[obj_start:obj_end].split())
    if re.match(r"(?i)(kế hoạch|chương trình|đề án|quy hoạch|nghị quyết)\b", obj):
        return [LineageLink(THIS, Endpoint("plan", _cap(obj)), "reports_on", s0, s1)]
    return []


def _based_on(ctx: Context, refs: list[DirectiveRef]) -> list[LineageLink]:
    out = []
    for m in _res()["can_cu"].finditer(ctx.text, 0, ctx.running_end):
        body_start, body_end = m.start("body"), m.end("body")
        inside = [r for r in refs if body_start <= r.start < body_end]
        if inside:
            out += [LineageLink(THIS, _directive_ep(r), "based_on", m.start(), m.end()) for r in inside]
            continue
        lm = _res()["law"].match(m.group("body").strip())
        if lm:
            year = lm.group("y") or lm.group("y2")
            label = " ".join(lm.group("name").split()) + (f" {year}" if year else "")
            out.append(LineageLink(THIS, Endpoint("law", label), "based_on", m.start(), m.end()))
    return out


def _object_at(pos: int, refs: list[DirectiveRef], programmes: list[NamedMention]):
    """The directive or named programme that starts at `pos` (its type word may open it)."""
    for r in refs:
        if r.start == pos:
            return r
        if r.start > pos:
            break
    for p in programmes:
        if p.start == pos:
            return p
        if p.start > pos:
            break
    return None


def _plans(text: str, refs: list[DirectiveRef], programmes: list[NamedMention]) -> list[LineageLink]:
    """'Kế hoạch [về] thực hiện Nghị quyết số 63-NQ/TU' -> the plan implements the resolution."""
    res = _res()
    out = []
    starts = sorted({r.start for r in refs} | {p.start for p in programmes})
    ref_at = {r.start: r for r in refs}
    for pos in starts:
        window_start = max(0, pos - 200)
        before = text[window_start:pos]
        target = _object_at(pos, refs, programmes)
        if target is None:
            continue
        heads = [h for h in res["plan_head"].finditer(before)]
        for h in reversed(heads):
            head_pos = window_start + h.start()
            child_ref = ref_at.get(head_pos)
            if child_ref is not None:
                # a numbered document issued to carry out the object: "Quyết định số 12/QĐ-UBND ... để thực hiện ..."
                if child_ref is not target and child_ref.end <= pos and res["connector"].match(text[child_ref.end : pos]):
                    out.append(LineageLink(_directive_ep(child_ref), _endpoint_of(target), "implements",
                                           head_pos, target.end))
                break
            between = text[window_start + h.end() : pos]
            g = res["plan_gap"].match(between)
            # the words between the head and "thực hiện" stay inside one noun phrase: no other number, no "và"
            if not g or re.search(r"\d+/|\d+-[A-Z]|\svà(?:\s|$)", g.group("gap")):
                continue
            if any(r.start < head_pos < r.end for r in refs):
                break  # the head word belongs to another reference
            if any(p.start <= head_pos < p.end and p.start != head_pos for p in programmes):
                break
            label = _cap(" ".join(text[head_pos : _number_end(target)].split()))
            out.append(LineageLink(Endpoint("plan", label), _endpoint_of(target), "implements",
                                   head_pos, target.end))
            break
    return out


def _endpoint_of(x) -> Endpoint:
    if isinstance(x, DirectiveRef):
        return _directive_ep(x)
    return Endpoint("plan", x.name)


def _number_end(x) -> int:
    return x.number_end if isinstance(x, DirectiveRef) else x.end


def _issued_to_implement(text: str, refs: list[DirectiveRef]) -> list[LineageLink]:
    """'triển khai Nghị quyết số 01/NQ-CP ..., ban hành Quyết định số 143/QĐ-UBND' -> 143 implements 01."""
    res = _res()
    out = []
    for a, b in itertools.pairwise(refs):
        if not res["impl_before"].search(text[max(0, a.start - 60) : a.start]):
            continue
        if res["issue_after"].match(text[a.end : b.start]):
            out.append(LineageLink(_directive_ep(b), _directive_ep(a), "implements", a.start, b.end))
    return out


def _tasks(text: str, ex: Extraction, refs: list[DirectiveRef]) -> list[LineageLink]:
    """A numbered task that carries out a directive it names ('Triển khai thực hiện Nghị định số ...')."""
    res = _res()
    out = []
    for t in ex.tasks:
        for r in refs:
            if t.start <= r.start < t.end and res["impl_before"].search(text[max(t.start, r.start - 60) : r.start]):
                out.append(LineageLink(Endpoint("task", t.n), _directive_ep(r), "implements", r.start, r.end))
    return out


def task_links(ctx: Context, ex: Extraction) -> list[tuple[str, str, object]]:
    """What each task names: agencies it is given to, projects it concerns, directives it carries out."""
    out: list[tuple[str, str, object]] = []
    for t in ex.tasks:
        for a in ex.agencies:
            if t.start <= a.start < t.end:
                out.append((t.n, "agency", a))
        for n in ex.named:
            if t.start <= n.start < t.end:
                out.append((t.n, n.category, n))
    return out

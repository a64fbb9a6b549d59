"""The legal basis a document states: "Căn cứ ..." clauses of its preamble and the items of a part headed
"Căn cứ xây dựng kế hoạch" / "Căn cứ pháp lý", each law and document they name.

"Xét Tờ trình ...", "Sau khi xem xét ...", "Theo đề nghị của ..." end a basis: they are no legal basis.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Context, DirectiveRef, Endpoint, LineageLink

_THIS = Endpoint("this", "")
LAW_WORDS = r"(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)"


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern]:
    return {
        # a clause of its own, or one after ';' in an opening ("Thực hiện X; căn cứ Y, UBND tỉnh ban hành ...")
        "can_cu": re.compile(r"(?m)(?:^|(?<=[;.])|(?<=[;.]\s))[ \t]*Căn cứ\s+|(?<=;\s)căn cứ\s+(?!vào\b)"),
        "basis_heading": re.compile(r"(?i)căn cứ(?:\s+pháp lý|\s+xây dựng|\s+ban hành)?(?:\s+(?:kế hoạch|chương trình|đề án))?\s*:?\s*$"),
        # clauses of a preamble that are not a legal basis end a "Căn cứ" line
        "not_basis": re.compile(r"(?i)(?:^|[;.]\s*|\n)\s*(?:Xét|Sau khi|Theo đề nghị|Thực hiện|Trên cơ sở|Căn cứ|"
                                r"QUYẾT NGHỊ|QUYẾT ĐỊNH|Để|Nhằm)(?!\w)"),
        "law": re.compile(
            rf"(?P<name>{LAW_WORDS}\s[^;\n]*?)(?:\s*,?\s+(?:ngày\s+\d{{1,2}}(?:\s+tháng\s+|/)\d{{1,2}}(?:\s+năm\s+|/)"
            rf"(?P<y>\d{{4}})|năm\s+(?P<y2>\d{{4}})|số\s+\S+))+(?=\s*(?:[,;.]|\s+và\s|$))"),
        "clause_end": re.compile(r"(?<=[;.])[ \t]*\n|\n[ \t]*\n"),
        "law_split": re.compile(rf"\s*(?:,|\bvà)\s+(?={LAW_WORDS}\s)"),
    }


def based_on(ctx: Context, refs: list[DirectiveRef], end: int) -> list[LineageLink]:
    """'Căn cứ Luật A ngày ...; Luật B ngày ...;' and 'Căn cứ Nghị quyết số X ... và Nghị quyết số Y ...' in the
    preamble, and the items of a part headed 'Căn cứ xây dựng kế hoạch' / 'Căn cứ pháp lý'."""
    res, text = _res(), ctx.text
    out = []
    for m in res["can_cu"].finditer(text, 0, end):
        stop = res["not_basis"].search(text, m.end(), end)
        # a clause runs over hard-wrapped lines up to a line that ends it
        line_end = res["clause_end"].search(text, m.end(), end)
        body_end = min(stop.start() if stop else end, line_end.start() if line_end else end)
        out += _basis_of(text, refs, m.start(), m.end(), body_end)
    for sec in ctx.sections:
        if sec.level <= 2 and res["basis_heading"].match(sec.heading):
            for item in ctx.sections:
                if sec.start < item.start < sec.end and item.level > sec.level:
                    body = text.find(item.heading, item.start)
                    if body >= 0:
                        out += _basis_of(text, refs, item.start, body, body + len(item.heading))
    return out


def _basis_of(text: str, refs: list[DirectiveRef], at: int, b0: int, b1: int) -> list[LineageLink]:
    """The documents and laws a basis clause names: per ';' part, its first document and those coordinated with it
    ('... và Nghị quyết số Y'), not those its description cites ('ban hành Chương trình thực hiện Nghị quyết số Z')."""
    out = []
    for part in re.finditer(r"[^;]+", text[b0:b1]):
        p0, p1 = b0 + part.start(), b0 + part.end()
        inside = [r for r in refs if p0 <= r.start < p1]
        if inside:
            keep = [inside[0]] + [r for r in inside[1:] if re.search(r"(?:,|\bvà)\s*$", text[p0 : r.start])]
            out += [LineageLink(_THIS, Endpoint("directive", r.number), "based_on", at, p1) for r in keep]
            continue
        for label in _laws(" ".join(part.group().split()).lstrip("- ")):
            out.append(LineageLink(_THIS, Endpoint("law", label), "based_on", at, p1))
    return out


def _laws(part: str) -> list[str]:
    """Law names of one clause: 'Luật A ngày 19 tháng 6 năm 2015, Luật B năm 2019' -> ['Luật A 2015', 'Luật B 2019'].

    An amending law names the laws it amends ('Luật sửa đổi ... của Luật A và Luật B'): those stay in its name.
    """
    res = _res()
    if not re.match(LAW_WORDS + r"\s", part):
        return []
    pieces, cur = [], part
    while True:
        m = res["law"].match(cur)
        if not m:
            break
        year = m.group("y") or m.group("y2")
        pieces.append(" ".join(m.group("name").split()) + (f" {year}" if year else ""))
        rest = cur[m.end() :]
        nxt = re.match(rf"\s*(?:,|\bvà)\s+(?={LAW_WORDS}\s)", rest)
        if not nxt:
            return pieces
        cur = rest[nxt.end() :]
    # undated: split only where a new law starts that is not the object of an amendment ("của Luật ...")
    names = []
    for piece in res["law_split"].split(cur.rstrip(" .")):
        if names and re.search(r"(?i)\bcủa\s*$|(?:sửa đổi|bổ sung)[^;]*\bcủa\s+" + LAW_WORDS, names[-1]):
            names[-1] += " và " + piece
        else:
            names.append(piece)
    return pieces + [" ".join(n.split()) for n in names if n.strip()]

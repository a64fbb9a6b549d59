"""The targets of its own document that a statement assigns: its objects when it stands outside numbered tasks.

Two ways a statement names a target:
- by its indicator after "chỉ tiêu": "Sở X chủ trì thực hiện chỉ tiêu tổng lượt khách du lịch", "đạt và vượt chỉ
  tiêu thu ngân sách nhà nước trên địa bàn 14.200 tỷ đồng";
- by its figure after the indicator's words: "tổ chức thu ngân sách nhà nước năm 2024 đạt 14.200 tỷ đồng", or
  before them: "phấn đấu đón 1,3 triệu lượt khách du lịch trong năm 2024".

The phrase after "chỉ tiêu" names a target when nearly all its words are the indicator's and it holds at least
half of the indicator's (tone marks, case and generic words aside): "chỉ tiêu giảm tỷ lệ hộ nghèo" is the target
"Tỷ lệ hộ nghèo giảm"; "các chỉ tiêu", "chỉ tiêu được giao", "chỉ tiêu tỷ lệ đô thị hóa" (no such target) are none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Quantity
from .spelling import tone_fold

# "chỉ tiêu" and the indicator after it, up to a clause boundary, a figure or the next "chỉ tiêu"
_NAMED = re.compile(r"(?i)(?<!\w)chỉ\s+tiêu(?:\s+(?:về|là))?\s+(?P<p>[^,;:.()\n\d]{3,120})")
_PHRASE_END = re.compile(
    r"(?i)\s(?:(?:và|hoặc)\s+(?:các\s+)?chỉ\s+tiêu|trong|trước|theo|để|nhằm|đảm bảo|bảo đảm|đến|tại|năm|giai đoạn"
    r"|được|đã|đề ra|giao|của)(?!\w)"
)
# words that say nothing of which indicator: measures, counts, the verbs of a target line
_GENERIC = set(tone_fold(
    "tỷ lệ tỉ số tổng đạt trên địa bàn có thêm mới các những của và năm giá trị mức phấn đấu thực hiện kế hoạch đề ra"
    " giao được toàn tỉnh thành phố huyện thị xã"
).split())
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class TargetRef:
    """A target the text at start..end names (the span of its name or figure)."""

    indicator: str
    start: int
    end: int


def _words(s: str) -> set[str]:
    return {w for w in (tone_fold(x).lower() for x in _WORD.findall(s)) if w not in _GENERIC}


def _names(phrase: set[str], indicator: str) -> float:
    """How well a phrase names an indicator: 0 when it does not."""
    ind = _words(indicator)
    common = phrase & ind
    if len(common) < 2 or len(common) < 0.8 * len(phrase) or len(common) < 0.5 * len(ind):
        return 0.0
    return len(common) / len(phrase | ind)


def _best(phrase: set[str], targets: list[Quantity]) -> Quantity | None:
    scored = [(s, -i, q) for i, q in enumerate(targets) if (s := _names(phrase, q.indicator)) > 0]
    return max(scored, key=lambda x: x[:2])[2] if scored else None


# between the indicators one "chỉ tiêu" names
_AND = re.compile(r"(?i)\s+và\s+")


def _only_holder(phrase: set[str], targets: list[Quantity]) -> Quantity | None:
    """The one target whose indicator holds every word of a short name ("chỉ tiêu giảm nghèo" is "Tỷ lệ hộ nghèo
    theo chuẩn nghèo đa chiều giảm còn" when no other target has both words); None when none or several do."""
    if len(phrase) < 2:
        return None
    holders = {q.indicator: q for q in targets if phrase <= _words(q.indicator)}
    return next(iter(holders.values())) if len(holders) == 1 else None


@lru_cache(maxsize=512)
def _figure(value_text: str, unit: str) -> re.Pattern:
    """A target's figure as written, with its unit: '14.200 tỷ đồng'."""
    return re.compile(r"(?<![\d.,])" + re.escape(value_text) + r"\s*" + re.escape(unit) + r"(?!\w)")


def targets_named(text: str, start: int, end: int, quantities: list[Quantity]) -> list[TargetRef]:
    """The targets among `quantities` that text[start:end] names, in the order it names them (each once)."""
    targets = [q for q in quantities if q.category == "target"]
    if not targets:
        return []
    out: list[TargetRef] = []
    pos = start
    while (m := _NAMED.search(text, pos, end)) is not None:
        p = m.group("p")
        cut = _PHRASE_END.search(p)
        p = p[:cut.start()] if cut else p
        pos = m.start("p") + len(p)  # "chỉ tiêu A và chỉ tiêu B": B is read next
        q = _best(_words(p), targets)
        if q is not None:
            out.append(TargetRef(q.indicator, m.start(), m.start("p") + len(p.rstrip())))
            continue
        # "chỉ tiêu giải quyết việc làm và giảm tỷ lệ hộ nghèo": one "chỉ tiêu" before two indicators, each read
        # on its own (both must name a target, else neither is read)
        cuts = [0, *(x for sep in _AND.finditer(p) for x in sep.span()), len(p)]
        parts = [(m.start("p") + a, p[a:b]) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        qs = [_best(_words(w), targets) or _only_holder(_words(w), targets) for _a, w in parts]
        if len(parts) > 1 and all(qs):
            out += [TargetRef(q.indicator, a, a + len(w.rstrip())) for q, (a, w) in zip(qs, parts, strict=True)]
        elif len(parts) == 1 and (q := _only_holder(_words(p), targets)) is not None:
            out.append(TargetRef(q.indicator, m.start(), m.start("p") + len(p.rstrip())))
    for q in targets if re.compile(r"\d").search(text, start, end) else ():
        if q.value_text and not any(r.indicator == q.indicator for r in out):
            for m in _figure(q.value_text, q.unit).finditer(text, start, end):
                # the indicator's words before the figure, or in it and after it when the figure comes first
                # ("phấn đấu đón 1,3 triệu lượt khách du lịch trong năm 2024")
                around = (_words(text[max(start, m.start() - 120):m.start()]) | _words(m.group(0))
                          | _words(text[m.end():min(end, m.end() + 60)]))
                ind = _words(q.indicator)
                if ind and len(around & ind) >= max(2, 0.8 * len(ind)):
                    out.append(TargetRef(q.indicator, m.start(), m.end()))
                    break
    seen: set[str] = set()
    return [r for r in sorted(out, key=lambda r: r.start) if not (r.indicator in seen or seen.add(r.indicator))]

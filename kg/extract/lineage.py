"""Lineage the text states: implements, responds_to, reports_on, based_on.

Only explicit links, each keeping the span of the words it was read from:
- an implementation phrase ("thực hiện", "triển khai", "cụ thể hóa", "thi hành" + its object) ties its object
  to the plan it qualifies ("Kế hoạch [của UBND tỉnh] [về] thực hiện X"), to the numbered document it
  follows ("Quyết định số 12/QĐ-UBND để triển khai X"), to the task whose own paragraph states it, and to the
  document issued in the same sentence ("Thực hiện X ..., UBND huyện ban hành Kế hoạch số 45/KH-UBND");
- the document's own title ("KẾ HOẠCH Triển khai thực hiện Nghị quyết số ...") and opening sentence
  ("..., UBND tỉnh ban hành Kế hoạch ... như sau:", every document it lists) make the document itself implement
  its object, and so does a "Thực hiện X;" line of its own among the "Căn cứ" lines of its preamble;
- a report reports on what its title or a part heading says it assesses ("Tình hình thực hiện X");
- a letter or report answers the letter its opening names ("Thực hiện/Phúc đáp Công văn số ...", "theo đề nghị
  của ... tại Công văn số ..."), never a submission ("Tờ trình"); an official letter carries out what its subject
  line ("V/v triển khai X") or its opening ("Thực hiện X, UBND tỉnh có ý kiến chỉ đạo như sau:") names;
- "Căn cứ ..." lines of the preamble are its legal basis, each law and document of the line (`lineage_basis`).
"theo ...", "Xét Tờ trình ...", another letter's subject ("Công văn số N về việc triển khai X") and co-occurrence
are not lineage.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lineage_basis import LAW_WORDS as _LAW_WORDS
from .lineage_basis import based_on
from .recognise.scan import finditer_phrases, finditer_word_start, occurrences
from .records import Context, DirectiveRef, Endpoint, Extraction, LineageLink, NamedMention

THIS = Endpoint("this", "")
LETTER_TYPES = {"Công văn", "Văn bản", "Công điện", "Thông báo"}
# document kinds whose title or opening may state what the document itself carries out
_IMPLEMENTING_KINDS = {"Kế hoạch", "Chương trình", "Đề án", "Quyết định", "Chỉ thị", "Nghị quyết", "Công văn"}
_REPORTING_KINDS = {None, "Báo cáo", "Công văn", "Thông báo", "Tờ trình"}

_VERB = r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành|quán triệt)"
_KINDS = r"(?:kế hoạch|chương trình hành động|chương trình|đề án|phương án|nghị quyết|quyết định)"
# manner words that may stand between the verb and its object ("triển khai quyết liệt Kế hoạch ...")
_MANNER = (r"(?:(?:có\s+)?hiệu quả|quyết liệt|tốt|nghiêm túc|nghiêm|đồng bộ|kịp thời|đầy đủ|thắng lợi|sâu rộng|"
           r"triệt để|khẩn trương|tích cực|sáng tạo|linh hoạt|thống nhất|nội dung)")
_MANNERS = rf"(?:{_MANNER}(?:\s*,\s*|\s+và\s+|\s+))*"
# "các nhiệm vụ cải thiện môi trường kinh doanh tại Nghị quyết ..." -- the parts of the object it names
_PARTS_OF = (r"(?:(?:các|những)\s+(?:nhiệm vụ|giải pháp|nội dung|mục tiêu|chỉ tiêu|quan điểm)"
             r"[^.;:\n\d]{0,90}?\s+(?:nêu tại|đề ra tại|được giao tại|tại|của|trong)\s+)?")
_PHRASE = (rf"(?<!\w)(?P<verb>(?:(?:tiếp tục|tổ chức|triển khai|xây dựng và|ban hành và)\s+)*{_VERB}"
           rf"(?:\s+và\s+{_VERB})?)\s+{_MANNERS}{_PARTS_OF}$")
# an implementation phrase that reports on the object instead ("báo cáo tình hình thực hiện X")
_REPORTING = re.compile(
    r"(?i)(?:báo cáo|tình hình|kết quả|đánh giá|sơ kết|tổng kết|kiểm tra|giám sát|khen thưởng)"
    r"(?:\s+(?:\d+\s+(?:năm|tháng)|việc|công tác|giữa kỳ))?\s+(?:tiếp tục\s+)?(?:tổ chức\s+)?(?:triển khai\s*,?\s*)?$")
_TREATY_WORDS = r"(?:Công ước|Hiệp định|Nghị định thư|Điều ước)"
# the words a law or a treaty is named by (the alternatives above, each a plain phrase): where `law_obj` may match
_LAW_OBJ_WORDS = tuple(w for alt in (_LAW_WORDS, _TREATY_WORDS) for w in alt[3:-1].split("|"))


# a document named by its kind alone, then "này", "trên" or a stop: the one named before ("Nghị quyết trên")
_ANAPHORA = (r"(Nghị quyết|Chỉ thị|Kết luận|Nghị định|Quyết định|Thông tư|Kế hoạch|Công văn)"
             r"(?=\s*(?:[.;,:)]|$)|\s+(?:nêu trên|trên|đó|này)\b)")
_PARTY_OBJ = r"(?:Nghị quyết|Chỉ thị|Kết luận)\s+(?=(?:Trung ương|Hội nghị|Đại hội)\b)"
_WORD_CHAR, _WORD_OR_SLASH = re.compile(r"\w"), re.compile(r"[\w/]")


@lru_cache(maxsize=1)
def _res() -> dict[str, re.Pattern]:
    return {
        "phrase": re.compile(rf"(?i){_PHRASE}"),
        "after_verb": re.compile(rf"(?i)(?:\s+và\s+{_VERB})?\s+{_MANNERS}{_PARTS_OF}"),
        "type_before": re.compile(r"(?i)(?<!\w)(?:nghị quyết|chỉ thị|kết luận|nghị định|quyết định|thông tư|kế hoạch|"
                                  r"công văn|chương trình(?:\s+hành động)?|đề án)\s+(?:số\s*)?$"),
        "paragraph_end": re.compile(r"\n[ \t]*\n|(?<=[.;:!?…])[\"”’)]?[ \t]*\n"),
        "plan_head": re.compile(rf"(?i)(?<!\w){_KINDS}(?!\w)"),
        # the words between a plan head and its verb stay inside one noun phrase
        "plan_gap": re.compile(r"^(?P<gap>[^.;:\n]{0,160}?)\s*(?:(?:về|để|nhằm)\s+)?(?:việc\s+)?$"),
        "list_of_kinds": re.compile(rf"(?i)(?:(?:các|những|mọi)\s+(?:{_KINDS}\s*(?:,|và)\s*)*|{_KINDS}\s*(?:,|và)\s*)$"),
        "connector": re.compile(
            r"(?i)^\s*,?\s*(?:(?:được ban hành|ra đời)\s+(?=để|nhằm))?(?:(?:về|để|nhằm)\s+)?(?:việc\s+)?(?:tiếp tục\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?$"),
        "coord": re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)$"),
        "anaphora": re.compile(r"(?<![\w/])" + _ANAPHORA, re.MULTILINE),
        # ... and without the lookbehind, for `finditer_word_start`: the engine skips ahead to the capitals
        "anaphora_bare": re.compile(_ANAPHORA, re.MULTILINE),
        # a sentence whose subject stands for a document of the sentence before: "Nghị quyết được ban hành nhằm"
        "subject_anaphora": re.compile(
            r"(?:^|[.!?…]\s+|\n\s*)(?P<t>Nghị quyết|Chỉ thị|Kết luận|Nghị định|Quyết định|Thông tư|Kế hoạch)"
            r"(?:\s+(?:này|trên|nêu trên))?\s+(?:được ban hành|ra đời)\s+(?:để|nhằm)\s+$"),
        "law_obj": re.compile(rf"(?<!\w)(?P<w>{_LAW_WORDS}|{_TREATY_WORDS})\s+(?=[\"“]?\w)"),
        "party_obj": re.compile(r"(?<!\w)" + _PARTY_OBJ),
        "party_obj_bare": re.compile(_PARTY_OBJ),
        "name_stop": re.compile(
            r"[.;,:()\n]|\s(?:do|để|nhằm|theo|tại|trong|cho|đã|được|và|ngày|số|với|trên địa bàn)\s"),
        "report_title": re.compile(
            rf"(?i)^(?:báo cáo\s+)?(?:tình hình|kết quả|sơ kết|tổng kết|đánh giá(?:\s+kết quả)?)"
            rf"(?:\s+\d+\s+năm)?\s+(?:tổ chức\s+)?(?:triển khai\s*,?\s+)?{_VERB}\s+"),
        "impl_title": re.compile(
            rf"(?i)(?:(?:{_KINDS})\s+)?(?:(?:tiếp tục|tổ chức|triển khai|đẩy mạnh|tăng cường)\s+)*{_VERB}\s+{_MANNERS}"),
        "title_cut": re.compile(r"(?i)\s+và\s+(?:tình hình|kết quả|nhiệm vụ|phương hướng|kế hoạch\s+(?!số))|;|\n\s*\n"),
        "issue_after": re.compile(r"^\s*[,;]?\s*(?:và\s+)?(?:đồng thời\s+)?(?:đã\s+)?ban hành\s+$"),
        "opening": re.compile(
            r"(?i)(?:[-+•]\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)?"
            rf"(?:(?:để|nhằm|tiếp tục)\s+)*(?:(?:tổ chức|triển khai)\s+)*{_VERB}(?:\s+(?:và\s+)?{_VERB})?\s+{_MANNERS}"),
        "issue": re.compile(
            r",\s*(?P<subj>[^,;.]{2,80}?)\s+(?:đã\s+)?(?:kịp thời\s+)?(?:(?:xây dựng|tham mưu)\s+(?:và\s+)?)?"
            r"(?P<verb>ban hành|xây dựng|phê duyệt|triển khai)\s+"),
        "request": re.compile(
            r"(?im)(?:^[ \t]*|(?P<mid>[;,])[ \t]+)(?:(?:Thực hiện|Triển khai|Theo|Phúc đáp|Trả lời|(?P<xet>Xét|[^\n.;:]{0,80}?\bnhận được))"
            r"(?:\s+(?:ý kiến\s+)?(?:đề nghị|yêu cầu|chỉ đạo)(?:\s+của\s+[^,;\n]{2,80}?)?\s+tại)?)\s+"
            r"(?=(?:Công văn|Văn bản|Công điện|Thông báo)\b)"),
        "assessed": re.compile(rf"(?i)(?:tình hình|kết quả)(?:\s+\d+\s+(?:năm|tháng))?\s+(?:triển khai\s*,?\s*)?(?:{_VERB}\s+)?$"),
        "preamble_line": re.compile(r"(?m)^[ \t]*(?=(?:Thực hiện|Triển khai)\s)"),
        "preamble_stop": re.compile(r"[;.][ \t]*(?:\n|$)|\n[ \t]*\n|\n[ \t]*(?=(?:Căn cứ|Xét|Theo đề nghị|Thực hiện)\s)"),
        "report_opening": re.compile(r"(?m)^[ \t]*Thực hiện\s+"),
        "reports_clause": re.compile(r",\s*[^,;.]{2,80}?\s+(?:xin\s+|trân trọng\s+)?báo cáo\b"),
        "heading_impl": re.compile(
            rf"(?i)^(?:tình hình|kết quả|đánh giá(?:\s+(?:kết quả|tình hình))?)(?:\s+\d+\s+năm)?\s+"
            rf"(?:tổ chức\s+)?(?:triển khai\s*,?\s+)?{_VERB}\s+"),
    }


@dataclass(frozen=True)
class _Obj:
    """What an implementation phrase carries out."""

    start: int
    end: int  # end of its words (a reference with its date and issuer)
    label_end: int  # where a plan label that names it stops ("... Nghị quyết số 02/NQ-CP")
    endpoint: Endpoint
    label_tail: str = ""  # words a label adds (the number an anaphora stands for)
    directive: bool = False
    numbered_only: bool = False  # an unnumbered Party resolution: only a numbered document carries it out


def _directive_ep(ref: DirectiveRef) -> Endpoint:
    return Endpoint("directive", ref.number)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _label(s: str) -> str:
    s = " ".join(s.split())
    if s.isupper():  # an upper-case title: "KẾ HOẠCH THỰC HIỆN ..." -> "Kế hoạch thực hiện ..."
        s = s.lower()
    return _cap(s)


def find_lineage(ctx: Context, ex: Extraction) -> list[LineageLink]:
    refs = sorted(ex.directives, key=lambda r: r.start)
    programmes = sorted((n for n in ex.named if n.category == "programme"), key=lambda n: n.start)
    objs = _objects(ctx, refs, programmes)
    links: list[LineageLink] = []
    links += _reports_on(ctx, refs)  # first: a title is the better evidence of what a report is about
    links += _responds_to(ctx, refs, objs)
    links += based_on(ctx, refs, _preamble_end(ctx))
    links += _title_implements(ctx, refs, objs)
    links += _letter_opening(ctx, refs, objs)
    links += _preamble_implements(ctx, refs, objs)
    issued, itself = _issued_in_sentence(ctx, refs, objs, programmes)
    links += issued
    links += _phrases(ctx, ex, refs, programmes, objs, itself)
    return _dedupe(links)


# ---------------------------------------------------------------- objects of implementation phrases
def _objects(ctx: Context, refs: list[DirectiveRef], programmes: list[NamedMention]) -> dict[int, _Obj]:
    """Everything an implementation phrase may carry out, by start offset."""
    text, res = ctx.text, _res()
    out: dict[int, _Obj] = {}
    for p in programmes:
        out.setdefault(p.start, _Obj(p.start, p.end, p.end, Endpoint("plan", _label(p.name))))
    for r in refs:  # a numbered reference wins over a programme starting at the same word
        t = r.start == r.number_start and res["type_before"].search(text, max(0, r.start - 30), r.start)
        start = t.start() if t else r.start  # "NGHỊ QUYẾT SỐ 18-NQ/TU": the type word opens the object
        out[start] = _Obj(start, r.end, r.number_end, _directive_ep(r), directive=True)
    spans = [(r.start, r.end) for r in refs]
    inside = lambda pos: _in_spans(spans, pos)
    law_at = sorted(i for w in _LAW_OBJ_WORDS for i in occurrences(text, w))
    for a, b in _windows(_verb_ends(text), len(text)):  # unnumbered objects only where a verb may govern them
        for m in _matches_at(res["law_obj"], text, law_at, a, b):
            if m.start() in out or inside(m.start()) or not text[m.end()].lstrip("\"“").isupper():
                continue
            end = _name_end(text, m.end(), len(text))
            name = " ".join(text[m.start() : end].split())
            if len(name.split()) < 2:
                continue
            if re.match(_LAW_WORDS, m.group("w")):
                y = re.search(r"\s+(?:năm\s+)?(\d{4})$", name)
                label = (name[: y.start()] + " " + y.group(1)) if y else name
                out[m.start()] = _Obj(m.start(), end, end, Endpoint("law", label))
            else:
                out[m.start()] = _Obj(m.start(), end, end, Endpoint("plan", name))
        for m in finditer_word_start(res["party_obj_bare"], text, _WORD_CHAR, a, b):
            if m.start() in out or inside(m.start()):
                continue
            end = _name_end(text, m.end(), len(text), stop_at_ve=True)
            out[m.start()] = _Obj(m.start(), end, end, Endpoint("plan", " ".join(text[m.start() : end].split())),
                                  numbered_only=True)
        for m in finditer_word_start(res["anaphora_bare"], text, _WORD_OR_SLASH, a, b):
            if m.start() in out or inside(m.start()):
                continue
            ante = _antecedent(ctx, refs, m.start(), m.group(1))
            if ante is not None:
                out[m.start()] = _Obj(m.start(), m.end(), m.end(), _directive_ep(ante), f" số {ante.number}",
                                      directive=True)
    return dict(sorted(out.items()))


def _matches_at(rx: re.Pattern, text: str, starts: list[int], a: int, b: int):
    """What `rx.finditer(text, a, b)` yields, provided every match is non-empty and starts at one of `starts`
    (ascending): the pattern opens with a lookbehind, and a scan would try it at every position of the stretch."""
    p = a
    for k in range(bisect.bisect_left(starts, a), len(starts)):
        s = starts[k]
        if s >= b:
            break
        if s >= p and (m := rx.match(text, s, b)):
            yield m
            p = max(m.end(), s + 1)


# case-sensitive alternatives: a case-insensitive scan of a whole document is several times slower
_VERB_WORDS = ("thực hiện", "triển khai", "cụ thể hóa", "cụ thể hoá", "thi hành", "quán triệt")
_VERBS = tuple(f"{w}|{w[:1].upper() + w[1:]}|{w.upper()}" for w in _VERB_WORDS)
_VERB_RE = re.compile(r"(?<!\w)(?:" + "|".join(_VERBS) + r")(?!\w)")


@lru_cache(maxsize=8)
def _verb_ends(text: str) -> tuple[int, ...]:
    """Ends of the implementation verbs of a text, in order (asked for by every object of the text)."""
    # (each spelling of a verb, lower-cased, is the verb: the lower-cased text is looked for them, and the
    # lower-cased text is the one the recognisers made before)
    return tuple(m.end() for m in finditer_phrases(_VERB_RE, text, _VERB_WORDS))


def _windows(ends: tuple[int, ...], n: int, width: int = 160) -> list[tuple[int, int]]:
    """Merged stretches of text that start at a verb and run `width` characters on."""
    out: list[list[int]] = []
    for e in ends:
        if out and e <= out[-1][1]:
            out[-1][1] = min(n, e + width)
        else:
            out.append([e, min(n, e + width)])
    return [(a, b) for a, b in out]


def _verbs_within(text: str, starts: list[int], width: int) -> list[int]:
    """The `starts` (ascending) a verb ends within `width` characters of: `_verb_near` for each, in one sweep."""
    ends = _verb_ends(text)
    out, i = [], 0
    for st in starts:
        while i < len(ends) and ends[i] < st:
            i += 1
        if i < len(ends) and ends[i] <= st + width:
            out.append(st)
    return out


def _verb_near(text: str, a: int, b: int) -> bool:
    """Whether a verb ends within [a, b]."""
    ends = _verb_ends(text)
    i = bisect.bisect_left(ends, a)
    return i < len(ends) and ends[i] <= b


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _name_end(text: str, pos: int, limit: int, stop_at_ve: bool = False) -> int:
    """End of a name that runs from `pos` to punctuation or a word that opens another phrase (12 words at most)."""
    window = text[pos : min(limit, pos + 200)]
    m = _res()["name_stop"].search(window)
    end = m.start() if m else len(window)
    if stop_at_ve:
        v = re.search(r"\svề\s", window[:end])
        end = v.start() if v else end
    words = list(re.finditer(r"\S+", window[:end]))[:12]
    return pos + (words[-1].end() if words else 0)


def _sentence_at(ctx: Context, pos: int) -> tuple[int, int]:
    for s in ctx.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return max(0, pos - 300), pos


def _antecedent(ctx: Context, refs: list[DirectiveRef], pos: int, type_word: str) -> DirectiveRef | None:
    """'... Nghị quyết số 21/NQ-TU ... và ban hành Kế hoạch triển khai thực hiện Nghị quyết.' -> 21/NQ-TU."""
    s0, _ = _sentence_at(ctx, pos)
    if re.match(r"\s+này\b", ctx.text[pos + len(type_word) : pos + len(type_word) + 6]):
        if (ctx.header.kind or "").lower() == type_word.lower():
            return None  # "Nghị quyết này" in a resolution: the document itself
        s0 = _sentence_at(ctx, max(0, s0 - 2))[0]  # "... Nghị quyết số 28-NQ/TU. ... thực hiện Nghị quyết này"
    before = [r for r in refs if s0 <= r.start and r.end <= pos and (r.type or "").lower() == type_word.lower()]
    return before[-1] if before else None


def _phrase_start(text: str, pos: int) -> int | None:
    """Start of the implementation verb phrase that ends right before `pos`, unless it reports on the object."""
    res = _res()
    ends = _verb_ends(text)
    i = bisect.bisect_right(ends, pos) - 1
    while i >= 0 and ends[i] >= pos - 220:
        e = ends[i]
        i -= 1
        if not res["after_verb"].fullmatch(text, e, pos):
            continue
        m = res["phrase"].search(text, max(0, e - 80), pos)
        if m is None:
            return None
        if _REPORTING.search(text, max(0, m.start() - 60), m.start()):
            return None
        return m.start()
    return None


def _chain(first: _Obj, text: str, objs: dict[int, _Obj]) -> list[_Obj]:
    """The object and the references coordinated with it ('Kế hoạch số 28/KH-UBND và Chỉ thị số 05/CT-UBND')."""
    out = [first]
    if not first.directive:
        return out
    for pos, o in objs.items():
        if pos < out[-1].end or not o.directive:
            continue
        if _res()["coord"].match(text[out[-1].end : pos]):
            out.append(o)
        elif pos > out[-1].end:
            break
    return out


def _listed(first: _Obj, text: str, objs: dict[int, _Obj], end: int) -> list[_Obj]:
    """The objects an opening lists before `end`: the first with those coordinated with it, and each numbered
    document that opens a later ';' part ('Thực hiện X của Thành ủy về ...; Kế hoạch số Y của UBND tỉnh về ...,')
    or follows a description with 'và' and a date or issuer of its own ('X ... về nhiệm vụ năm 2025 và Kế hoạch
    số Y ngày ... của UBND huyện'); not one the description cites ('X về việc triển khai Y')."""
    out = _chain(first, text, objs)
    base = out[-1].end
    basis = re.search(r"(?i);\s*căn cứ\s", text[base:end])  # "...; căn cứ Y" names a basis, not an object
    end = base + basis.start() if basis else end
    for m in re.finditer(r"(?i);\s*(?:(?:và|thực hiện|triển khai)\s+)?|\s(?:và|cùng)\s+", text[base:end]):
        o = objs.get(base + m.end())
        if o is None or not o.directive or any(x.start == o.start for x in out):
            continue
        if not m.group().startswith(";") and (o.end <= o.label_end or _VERB_RE.search(text, out[-1].end, base + m.start())
                                               or re.search(r"(?i)\b(?:ban hành|việc)\b", text[out[-1].end : base + m.start()])):
            continue
        out += _chain(o, text, objs)
    return out


# ---------------------------------------------------------------- implementation phrases in the running text
def _phrases(ctx: Context, ex: Extraction, refs, programmes, objs: dict[int, _Obj],
             itself: list[tuple[int, int]]) -> list[LineageLink]:
    text, res = ctx.text, _res()
    out: list[LineageLink] = []
    ref_at = {r.start: r for r in refs}
    ref_ending = {r.end: r for r in refs}
    seen: set[int] = set()
    for pos, obj in objs.items():
        if pos in seen:
            continue
        verb = _phrase_start(text, pos)
        if verb is None:
            continue
        chain = _chain(obj, text, objs)
        seen.update(o.start for o in chain)
        # a numbered document issued to carry the object out: "Quyết định số 12/QĐ-UBND ... để triển khai X"
        child_ref = _ref_before(text, verb, ref_ending) or _subject_antecedent(ctx, refs, verb)
        if child_ref is not None:
            out += [LineageLink(_directive_ep(child_ref), o.endpoint, "implements", child_ref.start, o.end)
                    for o in chain if o.endpoint != _directive_ep(child_ref)]
        if any(o.numbered_only for o in chain):
            continue
        head = _plan_head(text, verb, refs, programmes, ref_at)
        if head is not None and _is_own_kind_line(ctx, head):
            head = None  # the kind line of the document's own header: the title says what the document does
        if head is not None and any(a <= head < b for a, b in itself):
            # "..., Sở Y tế ban hành Kế hoạch thực hiện X như sau:" -- the plan is the document itself
            out += [LineageLink(THIS, o.endpoint, "implements", head, o.end) for o in chain]
            head = None
        if head is not None:
            named = next((p for p in programmes if p.start == head and p.end >= verb - 12), None)
            own = _own_name_end(text, head, verb)
            for o in chain:
                if own is not None:  # "Kế hoạch quảng bá du lịch năm 2024 nhằm thực hiện X": the plan's own name
                    label = _label(text[head:own])
                elif named is not None and o is chain[0] and named.end >= o.label_end and not o.label_tail:
                    label = named.name
                else:
                    label = _label(text[head:pos] + " " + text[o.start : o.label_end] + o.label_tail)
                out.append(LineageLink(Endpoint("plan", label), o.endpoint, "implements", head, o.end))
        # "triển khai Nghị quyết số 01/NQ-CP ..., ban hành Quyết định số 143/QĐ-UBND" -> 143 implements 01
        issued = next((r for r in refs if r.start >= chain[-1].end), None)
        if issued is not None and res["issue_after"].match(text[chain[-1].end : issued.start]):
            out += [LineageLink(_directive_ep(issued), o.endpoint, "implements", o.start, issued.end) for o in chain]
        task = _task_stating(ex, text, verb)
        if task is not None:
            out += [LineageLink(Endpoint("task", task.n), o.endpoint, "implements", o.start, o.end)
                    for o in chain if o.directive]
    return out


def _ref_before(text: str, verb: int, ref_ending: dict[int, DirectiveRef]) -> DirectiveRef | None:
    for end in range(verb, max(-1, verb - 40), -1):
        r = ref_ending.get(end)
        if r is not None:
            gap = text[end:verb]
            if r.type in LETTER_TYPES and re.match(r"\s*,?\s*về\b", gap):
                return None  # "Công văn số 5120/BNN-TY về việc triển khai X": the letter's subject, no lineage
            return r if _res()["connector"].match(gap) else None
    return None


def _subject_antecedent(ctx: Context, refs: list[DirectiveRef], verb: int) -> DirectiveRef | None:
    """'... Nghị quyết số 28-NQ/TU ... . Nghị quyết được ban hành nhằm cụ thể hóa X' -> 28-NQ/TU carries X out."""
    m = _res()["subject_anaphora"].search(ctx.text, max(0, verb - 60), verb)
    if m is None or (ctx.header.kind or "").lower() == m.group("t").lower():
        return None
    s0 = _sentence_at(ctx, max(0, _sentence_at(ctx, m.start("t"))[0] - 2))[0]
    before = [r for r in refs if s0 <= r.start and r.end <= m.start("t") and (r.type or "") == m.group("t")]
    return before[-1] if before else None


def _is_own_kind_line(ctx: Context, head: int) -> bool:
    """'KẾ HOẠCH' above the title, or 'KẾ HOẠCH THỰC HIỆN ...' as the title's own first words."""
    span = ctx.header.title_span
    if not span or head > span[0]:
        return False
    return head < span[0] or ctx.text[head : head + len(ctx.header.kind or "")].lower() == (ctx.header.kind or "").lower()


def _plan_head(text: str, verb: int, refs, programmes, ref_at) -> int | None:
    """Start of an unnumbered plan that the verb phrase qualifies: 'Kế hoạch [của UBND tỉnh] [về] thực hiện'."""
    res = _res()
    window_start = max(0, verb - 200)
    heads = list(res["plan_head"].finditer(text, window_start, verb))
    for h in reversed(heads):
        head = h.start()
        if head in ref_at:
            return None  # a numbered document: handled as such
        g = res["plan_gap"].match(text[h.end() : verb])
        gap = g.group("gap") if g else None
        # one noun phrase: no other number, no "và", no list of kinds ("kế hoạch, chương trình ...")
        if (gap is None or re.search(r"\d+/|\d+-[A-Z]|\svà(?:\s|$)|(?<!\w)(?:được|đã|sẽ|đang|là|ban hành|yêu cầu|đề ra|nêu|xác định|đặt ra|cần|phải|gồm)(?!\w)", gap)
                or gap.lstrip().startswith(",")
                or re.search(r"\n[ \t]*\n", text[h.end() : verb])):
            continue
        if any(r.start < head < r.end for r in refs):
            return None  # the head word belongs to another reference
        if any(p.start < head < p.end for p in programmes):
            return None
        if res["list_of_kinds"].search(text, max(0, head - 80), head):
            return None  # "các kế hoạch, đề án ...": a plural, not a plan
        return head
    return None


def _own_name_end(text: str, head: int, verb: int) -> int | None:
    """End of a plan's own name when a purpose clause links it to what it carries out ('... để thực hiện X')."""
    m = re.search(r"(?i)\s+(?:để|nhằm)(?:\s+việc)?\s*$", text[head:verb])
    if not m:
        return None
    name = text[head : head + m.start()]
    rest = re.sub(rf"(?i)^{_KINDS}", "", name)
    rest = re.sub(r"(?i)\bcủa\s+.*$", "", rest)  # "của UBND tỉnh": who issues it, not a name
    return head + m.start() if len(rest.split()) >= 2 else None


def _task_stating(ex: Extraction, text: str, pos: int):
    """The task whose own paragraph (its numbered line, not the paragraphs under it) holds `pos`."""
    for t in ex.tasks:
        if t.start <= pos < t.end:
            return t if pos < _first_paragraph_end(text, t.start, t.end) else None
    return None


def _first_paragraph_end(text: str, start: int, end: int) -> int:
    """A paragraph ends at a blank line or at a line break after a sentence's end (hard-wrapped lines go on)."""
    m = _res()["paragraph_end"].search(text, start, end)
    return m.start() if m else end


# ---------------------------------------------------------------- "Thực hiện X ..., UBND huyện ban hành Kế hoạch số N"
def _issued_in_sentence(ctx: Context, refs: list[DirectiveRef], objs: dict[int, _Obj], programmes: list[NamedMention]):
    """Links of sentences that carry X out by issuing a document, and the spans where the document names itself."""
    text, res = ctx.text, _res()
    out: list[LineageLink] = []
    itself: list[tuple[int, int]] = []
    preamble_end = _preamble_end(ctx)
    starts = sorted({x.start for x in ctx.sentences} | {m.end() for m in re.finditer(r"\n[ \t]*(?=[A-ZĐ])", text)})
    starts = _verbs_within(text, starts, 40)
    for s in _clauses(ctx, starts):
        op = res["opening"].match(text, s.start, s.end)
        if not op:
            continue
        first = objs.get(op.end())
        clauses = list(res["issue"].finditer(text, op.end(), s.end))
        # the last issuing clause of the sentence; "triển khai" only where nothing is issued ("..., UBND phường
        # triển khai Kế hoạch thực hiện như sau:" -- the document itself)
        issued = next((m for m in reversed(clauses) if m.group("verb") != "triển khai"), clauses[-1] if clauses else None)
        if issued is None or re.search(r"(?i)\b(?:các|những)\b", issued.group("subj")):
            continue
        after = issued.end()
        child = next((r for r in refs if r.start == after or (after <= r.start <= after + 40
                     and re.fullmatch(r"(?i)\s*(?:kế hoạch|chương trình|đề án|quyết định|chỉ thị)?\s*",
                                      text[after : r.start]))), None)
        if child is not None and issued.group("verb") != "triển khai":
            child_ep = _directive_ep(child)
        elif s.start < preamble_end and _names_itself(ctx, text[after : s.end]):
            child_ep = THIS
            itself.append((after, s.end))
        elif issued.group("verb") == "triển khai":
            continue  # "..., UBND xã triển khai Kế hoạch số 45/KH-UBND": carries another document out, issues none
        else:
            child_ep = _plan_issued(text, after, s.end, programmes)
            if child_ep is None:
                continue
        if first is None or (first.numbered_only and child_ep.kind == "plan"):
            continue  # an unnamed object ("nhiệm vụ, chỉ tiêu ... tỉnh giao") is no plan of its own
        parents = [o.endpoint for o in _listed(first, text, objs, issued.start())]
        out += [LineageLink(child_ep, p, "implements", s.start, s.end) for p in parents if p != child_ep]
    return out, itself


def _plan_issued(text: str, at: int, end: int, programmes: list[NamedMention]) -> Endpoint | None:
    """An unnumbered plan with a name of its own issued by the sentence: '... ban hành Kế hoạch phát triển du lịch
    cộng đồng năm 2024'. Not a list of kinds ('chương trình, kế hoạch hành động của ngành'), not a plan that
    names what it carries out (the implementation phrase links that one)."""
    m = re.match(rf"(?i){_KINDS}(?!\w)", text[at:end])
    if not m or re.match(r"\s*(?:,|và\s)", text[at + m.end() : end]):
        return None
    named = next((p for p in programmes if p.start == at), None)
    stop = _name_end(text, at + m.end(), end) if named is None else named.end
    words = text[at:stop]
    if _VERB_RE.search(words) or re.search(r"(?i)\b(?:của ngành|địa phương mình|này)\b", words):
        return None
    rest = " ".join(words[m.end() :].split())
    if len(rest.split()) < 2:
        return None
    return Endpoint("plan", named.name if named is not None else _label(words))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _clauses(ctx: Context, starts: list[int]) -> list[_Span]:
    """From each start to the end of the sentence that holds it."""
    out, i = [], 0
    sents = ctx.sentences
    for st in starts:
        while i < len(sents) and sents[i].end <= st:
            i += 1
        if i < len(sents) and sents[i].start <= st:
            out.append(_Span(st, sents[i].end))
    return out


def _names_itself(ctx: Context, words: str) -> bool:
    """'Kế hoạch triển khai thực hiện trên địa bàn tỉnh như sau:' -- the document's own kind, then the text."""
    kind = ctx.header.kind
    if not kind or not words.lower().startswith(kind.lower()):
        return False
    return bool(re.search(r"(?i)(?:như sau|này|sau đây)\s*:?\s*$|:\s*$", words.strip()))


def _preamble_end(ctx: Context) -> int:
    """Where the body starts: the first part, article or numbered section, or 'QUYẾT NGHỊ:'."""
    first = next((s.start for s in ctx.sections if s.level <= 2), ctx.running_end)
    m = re.search(r"(?m)^[ \t]*(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|CHỈ THỊ)\s*:", ctx.text[:first])
    return m.start() if m else first


# ---------------------------------------------------------------- the document itself
def _title_implements(ctx: Context, refs: list[DirectiveRef], objs: dict[int, _Obj]) -> list[LineageLink]:
    """'KẾ HOẠCH / Triển khai thực hiện Nghị quyết số 01/NQ-CP ...' -> this implements 01/NQ-CP."""
    h = ctx.header
    if h.kind not in _IMPLEMENTING_KINDS or not h.title_span:
        return []
    s0, s1 = h.title_span
    m = _res()["impl_title"].match(ctx.text, s0, s1)
    if not m:
        return []
    first = objs.get(m.end())
    if first is not None and not first.numbered_only:
        # a letter that follows another letter answers it ('V/v triển khai Công văn số ...'): `_responds_to`
        letters = {r.number for r in refs if r.type in LETTER_TYPES} if h.kind == "Công văn" else set()
        return [LineageLink(THIS, o.endpoint, "implements", s0, s1) for o in _chain(first, ctx.text, objs)
                if o.endpoint.key not in letters]
    # an unnumbered object the recognisers did not name: the title's words up to its first qualifier
    tail = " ".join(ctx.text[m.end() : s1].split())
    cut = re.search(r"(?i)[;:]|\s(?:giai đoạn|năm\s+\d{4}|trên địa bàn|đến năm)\b", tail)
    words = tail[: cut.start()] if cut else tail
    if re.match(r"(?i)(?:chương trình|đề án|quy hoạch|kế hoạch|chiến lược|luật|công ước)\s", words) and len(words.split()) >= 3:
        return [LineageLink(THIS, Endpoint("plan", _label(words)), "implements", s0, s1)]
    return []


# a clause of its own after the object: the opening issues, reports, answers or directs ("..., UBND tỉnh báo cáo")
_MAIN_CLAUSE = re.compile(r",\s*[^,;.]{2,80}?\s+(?:đã\s+)?(?:ban hành|báo cáo|xây dựng|phê duyệt|triển khai|đề nghị|"
                          r"có ý kiến|chỉ đạo|yêu cầu|giao|quyết định|thông báo|hướng dẫn)(?!\w)")


def _preamble_implements(ctx: Context, refs: list[DirectiveRef], objs: dict[int, _Obj]) -> list[LineageLink]:
    """A preamble line of its own among the 'Căn cứ' lines: 'Thực hiện Nghị quyết số 41-NQ/HU ngày ... của Ban
    Chấp hành Đảng bộ huyện về ...;' -> this implements 41-NQ/HU (a 'Căn cứ' line is its basis instead)."""
    h = ctx.header
    if h.kind not in _IMPLEMENTING_KINDS - {"Công văn"} or not h.title_span:
        return []
    text, res = ctx.text, _res()
    end = _preamble_end(ctx)
    letters = {r.number for r in refs if r.type in LETTER_TYPES}
    out: list[LineageLink] = []
    for m in res["preamble_line"].finditer(text, h.title_span[1], end):
        op = res["opening"].match(text, m.end(), end)
        first = objs.get(op.end()) if op else None
        if first is None or not first.directive:
            continue
        # the line ends with ';' or '.' (hard-wrapped lines go on), or where the next preamble clause starts
        e = res["preamble_stop"].search(text, first.start, end)
        c_end = e.start() if e else end
        listed = _listed(first, text, objs, c_end)
        if _MAIN_CLAUSE.search(text, listed[-1].end, c_end) or (e is None or text[e.start()] not in ";."):
            continue  # an opening with a main clause is another kind of link; an unfinished clause, no line of its own
        out += [LineageLink(THIS, o.endpoint, "implements", m.end(), c_end) for o in listed
                if o.endpoint.key not in letters]
    return out


_DIRECTS = re.compile(r"(?i)[,;]\s*[^,;.]{2,80}?\s+(?:có ý kiến|chỉ đạo|yêu cầu|đề nghị\s+(?:\w+\s+){0,2}các|giao)\b[^.;]*"
                      r"(?:như sau|sau đây|sau)\s*:\s*$")


def _letter_opening(ctx: Context, refs: list[DirectiveRef], objs: dict[int, _Obj]) -> list[LineageLink]:
    """An official letter whose opening carries something out and gives its directions: 'Thực hiện Chỉ thị số
    21/CT-TTg ..., UBND tỉnh có ý kiến chỉ đạo như sau:' -> this implements 21/CT-TTg (a letter it follows is
    answered, not carried out: `_responds_to`)."""
    if ctx.header.kind != "Công văn":
        return []
    text, res = ctx.text, _res()
    end = _preamble_end(ctx)
    out: list[LineageLink] = []
    for m in re.finditer(r"(?m)^[ \t]*(?=(?:Để|Nhằm|Thực hiện|Triển khai|Tiếp tục)\s)", text[:end]):
        op = res["opening"].match(text, m.end(), end)
        first = objs.get(op.end()) if op else None
        if first is None or not first.directive:
            continue
        p_end = _first_paragraph_end(text, m.end(), end)
        own_line = text[m.end() : p_end].rstrip().endswith(";")
        # the directions are asked in this paragraph, or -- after an opening line of its own ('Thực hiện X ...;')
        # -- in the paragraph that leads into them ('..., Sở Y tế đề nghị các đơn vị thực hiện nội dung sau:')
        if not _DIRECTS.search(text[m.end() : p_end].rstrip()) and not (own_line and _DIRECTS.search(text[p_end:end].rstrip())):
            continue
        letters = {r.number for r in refs if r.type in LETTER_TYPES}
        out += [LineageLink(THIS, o.endpoint, "implements", m.end(), p_end) for o in _chain(first, text, objs)
                if o.endpoint.key not in letters]
    return out


def _responds_to(ctx: Context, refs: list[DirectiveRef], objs: dict[int, _Obj]) -> list[LineageLink]:
    """The letters named by the opening 'Thực hiện / Phúc đáp / Theo đề nghị tại Công văn số ...', and what the
    opening says the report is about ('... về việc báo cáo kết quả thực hiện Nghị quyết số X', or 'Thực hiện
    Kế hoạch số Y ..., UBND huyện báo cáo ...')."""
    if ctx.header.kind not in _REPORTING_KINDS:
        return []
    text, res = ctx.text, _res()
    end = min(ctx.running_end, _preamble_end(ctx) + 200)
    spans = [(ctx.header.request[0], max(ctx.header.request[1], _first_paragraph_end(text, ctx.header.request[0], end)))
             ] if ctx.header.request else []
    for m in res["request"].finditer(text, 0, end):
        if m.group("xet") and ctx.header.kind != "Công văn":
            continue  # "Xét đề nghị ... tại / (UBND tỉnh) nhận được Công văn số" answer a letter only in a letter
        if m.group("mid") and re.fullmatch(r"(?i)[;,]\s*theo\s*", m.group(0)):
            continue  # "..., theo Công văn số X, các địa phương phải ...": what a rule follows, no request
        # the opening's paragraph: a hard-wrapped line goes on ("Công văn số 1856/UBND-\nKTTH ...")
        spans.append((m.start(), _first_paragraph_end(text, m.start(), end)))
    out: list[LineageLink] = []
    for s0, s1 in spans:
        first = next((r for r in refs if s0 <= r.start < s1), None)
        if first is None or first.type not in LETTER_TYPES or first.start - s0 >= 140:
            continue
        chain = _chain(objs[first.start], text, objs) if first.start in objs else []
        letters = {r.number for r in refs if r.type in LETTER_TYPES}  # a submission ('Tờ trình') asks no answer
        out += [LineageLink(THIS, o.endpoint, "responds_to", s0, s1) for o in chain if o.endpoint.key in letters]
        assessed = [r for r in refs if first.end <= r.start < s1
                    and res["assessed"].search(text, max(0, r.start - 60), r.start)]
        # the letter asks for a report on X, the main clause says what this one reports on ('..., UBND tỉnh báo
        # cáo kết quả thực hiện Kế hoạch số Y triển khai X'): Y is its object, X only through Y
        main = _MAIN_CLAUSE.search(text, first.end, s1)
        own = [r for r in assessed if main and r.start >= main.start()]
        out += [LineageLink(THIS, _directive_ep(r), "reports_on", s0, s1) for r in (own or assessed)]
        break
    for m in res["report_opening"].finditer(text, 0, end):
        first = objs.get(m.end())
        if first is None or not first.directive or first.endpoint.key in {r.number for r in refs if r.type in LETTER_TYPES}:
            continue
        s_end = _sentence_at(ctx, m.end())[1]
        if res["reports_clause"].search(text, first.end, s_end):
            out += [LineageLink(THIS, o.endpoint, "reports_on", m.start(), s_end) for o in _chain(first, text, objs)]
    return out


def _reports_on(ctx: Context, refs: list[DirectiveRef]) -> list[LineageLink]:
    """A report's title or part heading that assesses how something is carried out: 'Tình hình thực hiện X'."""
    h = ctx.header
    out: list[LineageLink] = []
    spans = []
    if h.title and h.title_span:
        spans.append((h.title_span, "report_title"))
    if h.kind in _REPORTING_KINDS:
        for s in ctx.sections:
            if s.level <= 2 and len(s.heading) < 220 and not re.search(r"\.\s+\S", s.heading):
                at = ctx.text.find(s.heading, s.start)
                if at >= 0:
                    spans.append(((at, at + len(s.heading)), "heading_impl"))
    for (s0, s1), pattern in spans:
        title = ctx.text[s0:s1]
        m = _res()[pattern].match(title.replace("\n", " "))
        if not m or m.end() == 0:
            continue
        obj_start = s0 + m.end()
        cut = _res()["title_cut"].search(title, m.end())
        obj_end = s0 + (cut.start() if cut else len(title))
        in_title = [r for r in refs if obj_start <= r.start < obj_end]
        if in_title:
            out += [LineageLink(THIS, _directive_ep(r), "reports_on", s0, s1) for r in in_title]
            continue
        obj = " ".join(ctx.text[obj_start:obj_end].split()).split(",")[0]
        obj = re.split(r"(?i)\s+(?:\d+\s+tháng|quý\s+[IV]+|tháng\s+\d)", obj)[0]  # the period reported on
        if re.match(r"(?i)(kế hoạch|chương trình|đề án|quy hoạch|nghị quyết)\b", obj) and pattern == "report_title":
            out.append(LineageLink(THIS, Endpoint("plan", _label(obj)), "reports_on", s0, s1))
    return out


# ---------------------------------------------------------------- one link per fact
def _dedupe(links: list[LineageLink]) -> list[LineageLink]:
    """Drop repeats, and a second phrasing of the same unnumbered plan ('Kế hoạch của UBND tỉnh thực hiện X'
    and 'kế hoạch triển khai thực hiện X' are one plan when they carry out the same object)."""
    seen: set[tuple] = set()
    plans: dict[tuple, Endpoint] = {}
    out = []
    for link in links:
        child = link.child
        if child.kind == "plan":
            key = (_plan_key(child.key), link.parent)
            child = plans.setdefault(key, child)
            link = LineageLink(child, link.parent, link.relation, link.start, link.end)
        key = (link.child, link.parent, link.relation)
        if key in seen or link.child == link.parent:
            continue
        seen.add(key)
        out.append(link)
    return out


def _plan_key(label: str) -> str:
    s = label.lower()
    s = re.sub(r"\bcủa\s+[^,;]*?(?=\s(?:về|để|nhằm|tổ chức|triển khai|thực hiện|cụ thể)\b)", " ", s)
    s = re.sub(r"\b(?:về|để|nhằm|việc|tổ chức|triển khai|tiếp tục)\b", " ", s)
    return " ".join(s.split())


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

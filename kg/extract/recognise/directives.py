"""Numbered documents cited in the text (số hiệu), in the forms of DOMAIN.md.

`01/NQ-CP`, `15/2021/NQ-HĐND`, `111/2024/QH15`, `06-NQ/TU`, `1505/BKHĐT-TH`, with or without "số", lists
such as "Thông tư số 01, 02/2021/TT-BGDĐT". For each mention: number as written, type, issuer (from
"của ..." or the symbol), date and year when the text gives them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Context, DirectiveRef
from .agencies import canonical_agency, issuer_from_code
from .scan import finditer_at, finditer_near, occurrences

# type words and codes: reference data of the number system
TYPE_WORDS = (
    "Nghị quyết liên tịch", "Thông tư liên tịch", "Nghị quyết", "Quyết định", "Chỉ thị", "Nghị định",
    "Kế hoạch", "Công văn", "Thông báo", "Kết luận", "Báo cáo", "Thông tư", "Công điện", "Luật",
    "Đề án", "Chương trình", "Tờ trình", "Hướng dẫn", "Văn bản", "Pháp lệnh", "Quy định", "Thông tri",
)
TYPE_CODES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "NĐ": "Nghị định", "KH": "Kế hoạch",
    "TB": "Thông báo", "KL": "Kết luận", "BC": "Báo cáo", "TT": "Thông tư", "CĐ": "Công điện",
    "TTr": "Tờ trình", "HD": "Hướng dẫn", "QĐi": "Quy định", "CTr": "Chương trình", "ĐA": "Đề án",
    "NQLT": "Nghị quyết liên tịch", "TTLT": "Thông tư liên tịch", "PL": "Pháp lệnh", "L": "Luật",
}
# codes typed without "Đ" ("68/2000/ND-CP", "12/QD-UBND")
_UNACCENTED_CODES = {c.replace("Đ", "D"): c for c in TYPE_CODES if "Đ" in c}
# a word of a type that the number's own code contradicts is still what the text says: we keep the text's word

_UP = "A-ZĐÀ-Ỹ"
_SYM_PART = rf"[{_UP}][{_UP}a-zđ0-9&]*"
# state form: 01/NQ-CP, 15/2021/NQ-HĐND, 1505/BKHĐT-TH, 111/2024/QH15 ; party form: 06-NQ/TU
# a space may stray around "/" and "-" ("53/BC- HĐND", "12 /KH-UBND"), and a PDF may wrap after "-"
_SL = r"[ \t]{0,2}/[ \t]?"
_HY = r"-(?:[ \t]?|[ \t]*\n[ \t]*)"
_NUMBER = (
    rf"(?P<num>\d{{1,5}}[a-z]?"
    rf"(?:{_SL}(?P<year>(?:19|20)\d\d))?"
    rf"(?:{_SL}{_SYM_PART}(?:{_HY}{_SYM_PART})*|-{_SYM_PART}{_SL}{_SYM_PART}(?:-{_SYM_PART})*))"
)
_DATE = (
    r"(?:\s*,)?\s+ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
# "của <issuer>": up to a clause boundary; "và" + lower-case word ends it, "Bộ Kế hoạch và Đầu tư" goes on
_ISSUER_STOP = (
    r"(?=\s+(?:về|ngày|tại|nhằm|để|đã|theo|với|trong|trên địa bàn|quy định|hướng dẫn|phê duyệt|ban hành|"
    r"{extra}là|được|và\s+(?:Nghị|Quyết|Chỉ|Kế|Công|Thông|Kết))\b|\s*[,.;:()\n“\"]|\s*$)"
)
_ISSUER = r"(?:\s*,)?\s+(?:của|do)\s+(?P<iss>[^,.;:()\n“\"]{2,120}?)" + _ISSUER_STOP.format(extra="triển khai|thực hiện|")
# a steering committee's name carries its purpose: "Ban Chỉ đạo thực hiện công tác ..."
_ISSUER_BCD = r"(?:\s*,)?\s+(?:của|do)\s+(?P<iss2>Ban Chỉ đạo[^,.;:()\n“\"]{2,120}?)" + _ISSUER_STOP.format(extra="")
_AGENCY_HEAD = re.compile(
    r"^(?:Chính phủ|Thủ tướng|Phó Thủ tướng|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Sở|Ban|Tỉnh ủy|Tỉnh uỷ|"
    r"Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Thanh tra|Văn phòng|Tổng cục|Cục|Ngân hàng|Kiểm toán|"
    r"Thường trực|Tòa|Toà|Viện|Chủ tịch|Bộ trưởng|Kho bạc|Bảo hiểm|Mặt trận|Liên đoàn|Đoàn|Hội|Trung ương)\b"
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    types = "|".join(sorted(TYPE_WORDS, key=len, reverse=True))
    lead = rf"(?P<type>{types})(?:\s+(?:số|số hiệu))?\s*:?\s*"
    # a list of bare numbers sharing the tail of the last one: "số 01, 02/2021/TT-BGDĐT"
    listed = re.compile(rf"(?P<type>{types})\s+số\s+(?P<heads>(?:\d{{1,5}}\s*(?:,|và)\s*)+)(?P<tail>\d{{1,5}}(?P<rest>/[^\s,;.]+))")
    mention = re.compile(rf"(?:{lead})?(?<![\w/.-]){_NUMBER}(?![\w/]|-[\w])")
    date = re.compile(_DATE)
    issuer = re.compile(f"{_ISSUER_BCD}|{_ISSUER}")
    return mention, listed, date, issuer


def _type_code(number: str) -> tuple[str | None, str | None]:
    """(type code, issuer code) read from the symbol."""
    if re.match(r"^\d+[a-z]?-", number):  # party form 06-NQ/TU
        m = re.match(r"^\d+[a-z]?-([^/]+)/(.+)$", number)
        return (m.group(1), m.group(2).split("-")[0]) if m else (None, None)
    parts = number.split("/")
    sym = parts[-1]
    if re.fullmatch(r"QH\d*", sym):
        return "NQ", sym
    pieces = sym.split("-")
    pieces[0] = _UNACCENTED_CODES.get(pieces[0], pieces[0])
    if pieces[0] in TYPE_CODES and len(pieces) > 1:
        return pieces[0], pieces[1]
    return None, pieces[0]  # a letter (công văn): issuer code then unit code


def number_key(number: str) -> str:
    """Identity key of a number: no leading zeros, upper case, Đ as D, no spaces."""
    s = number.upper().replace(" ", "").replace("Đ", "D").replace("Ð", "D")
    m = re.match(r"^0*(\d.*)$", s)
    return m.group(1) if m else s


def _date_at(date_re: re.Pattern, text: str, pos: int) -> tuple[str | None, int]:
    """(ISO date, end) of a date stated at `pos` ("ngày 08/01/2022", "ngày 8 tháng 1 năm 2022"), else (None, pos)."""
    dm = date_re.match(text, pos)
    if not dm:
        return None, pos
    date = _iso(dm.group("d") or dm.group("d2"), dm.group("m") or dm.group("m2"), dm.group("y") or dm.group("y2"))
    return (date, dm.end()) if date else (None, pos)


def _iso(d: str, m: str, y: str) -> str | None:
    try:
        di, mi, yi = int(d), int(m), int(y)
    except ValueError:
        return None
    if not (1 <= mi <= 12 and 1 <= di <= 31 and 1900 <= yi <= 2100):
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


# the type words that go on from no shorter one ("Nghị quyết liên tịch" opens where "Nghị quyết" does): where
# a mention may start
_TYPE_WORDS_FIRST = tuple(w for w in TYPE_WORDS if not any(w != v and w.startswith(v) for v in TYPE_WORDS))

# a run of digits a number can open: its symbol follows, after a letter at most ("12a/KH-UBND", "06-NQ/TU",
# "15 /2021/..."); most runs of a text are figures, dates and list markers, followed by none of these
_NUMBER_DIGITS = re.compile(r"\d+(?=[a-z]?[ \t/-])")


def _mentions(mention_re: re.Pattern, text: str):
    """What `mention_re.finditer(text)` yields, the regex tried only where a mention can start: at a type word
    or at a run of digits after no word character, "/", "." or "-" (tried from every position of the text, it
    was most of the time of this recogniser)."""
    runs = [m.start() for m in _NUMBER_DIGITS.finditer(text)]
    starts = [s for s in runs if not s or not (text[s - 1].isalnum() or text[s - 1] in "_/.-")]
    starts += [i for w in _TYPE_WORDS_FIRST for i in occurrences(text, w)]
    return finditer_at(mention_re, text, sorted(starts))


def find_directives(ctx: Context) -> list[DirectiveRef]:
    text = ctx.text
    mention_re, listed_re, date_re, issuer_re = _patterns()
    out: list[DirectiveRef] = []
    expanded: dict[int, list[tuple[str, int, int]]] = {}
    for lm in listed_re.finditer(text):
        heads = [(h.group(), lm.start("heads") + h.start(), lm.start("heads") + h.end())
                 for h in re.finditer(r"\d{1,5}", lm.group("heads"))]
        rest = lm.group("rest")
        expanded[lm.start("tail")] = [(h + rest, s, e) for h, s, e in heads]
    own = _own_numbers(text, ctx)
    for m in _mentions(mention_re, text):
        number = re.sub(r"\s", "", m.group("num"))
        if number_key(number) in own:
            continue  # the document's own number: in its header, or "(Kèm theo Kế hoạch số ...)" of its annex
        if not re.search(rf"[{_UP}]", number.split("/", 1)[-1]):
            continue
        type_code, issuer_code = _type_code(number)
        type_word = m.group("type")
        if type_word is None:
            type_word = TYPE_CODES.get(type_code or "") or ("Công văn" if type_code is None else None)
            if type_word is None:
                continue
        # a bare symbol without type word or "số" must look like a document number
        if m.group("type") is None and type_code is None and not re.search(r"-[A-Z]", number):
            continue
        year = int(m.group("year")) if m.group("year") else None
        date, end = _date_at(date_re, text, m.end())
        before = _stated_before(text, m.start())
        if date is None and before and before[0]:
            date = before[0]
        issuer, iss_end = _issuer_after(text, end, issuer_re, ctx)
        if iss_end != end:
            end = iss_end
            if date is None:  # "của Chính phủ ngày 08/01/2022"
                date, end = _date_at(date_re, text, end)
        if date and year is None:
            year = int(date[:4])
        if issuer is None and before and before[1] and issuer_code in ("UBND", "HĐND"):
            issuer = canonical_agency(before[1], ctx.place, ctx.level, ctx.text[:3000])
        if issuer is None:
            issuer = _issuer_from_context(issuer_code, ctx, m.group("year") is not None)
        start = m.start()
        for num2, s2, e2 in expanded.get(m.start("num"), []):
            out.append(DirectiveRef(num2, type_word, type_code, issuer, issuer_code, year, None,
                                    s2, e2, s2, e2))
        out.append(DirectiveRef(number, type_word, type_code, issuer, issuer_code, year, date,
                                start, end, m.start("num"), m.end("num")))
    out += _year_only(text, ctx, date_re, issuer_re, own)
    out.sort(key=lambda r: r.start)
    _share_issuer_in_lists(text, out)
    return out



def _issuer_after(text: str, pos: int, issuer_re, ctx: Context) -> tuple[str | None, int]:
    """The issuer stated right after a mention ("... của Chính phủ") and where its name ends; (None, pos) if none."""
    im = issuer_re.match(text, pos)
    iss = im and (im.group("iss2") or im.group("iss"))
    if not (im and iss and _AGENCY_HEAD.match(iss.strip())):
        return None, pos
    cut = _cut_at_lowercase_and(iss)
    return canonical_agency(cut, ctx.place, ctx.level, ctx.text[:3000]), im.start(im.lastgroup) + len(cut)

# "Thông tư 01; 02; 03/2021 ngày ... của Bộ GD&ĐT": numbers of one year with no symbol, after a type word
_YEAR_ONLY_TYPES = ("Thông tư", "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị")
_YEAR_ONLY = re.compile(
    rf"(?P<type>{'|'.join(_YEAR_ONLY_TYPES)})\s+(?:số\s+)?"
    r"(?P<heads>(?:\d{1,4}\s*[;,]\s*)*)(?P<tail>\d{1,4})/(?P<year>(?:19|20)\d\d)(?![\w/-])"
)


def _year_only(text: str, ctx: Context, date_re, issuer_re, own: set[str]) -> list[DirectiveRef]:
    out = []
    # (tried at its type words only: from every position of the text, the scan cost more than the reading)
    at = sorted(i for w in _YEAR_ONLY_TYPES for i in occurrences(text, w))
    for m in finditer_at(_YEAR_ONLY, text, at):
        date, end = _date_at(date_re, text, m.end())
        issuer, end = _issuer_after(text, end, issuer_re, ctx)
        year = int(m.group("year"))
        nums = [(h.group(), m.start("heads") + h.start()) for h in re.finditer(r"\d{1,4}", m.group("heads"))]
        nums.append((m.group("tail"), m.start("tail")))
        for n, s in nums:
            number = f"{n}/{year}"
            if number_key(number) in own:
                continue
            e = s + len(n)
            out.append(DirectiveRef(number, m.group("type"), None, issuer, None, year, date,
                                    s if len(nums) > 1 else m.start(), end if n == nums[-1][0] else e, s, e))
    return out


def _cut_at_lowercase_and(phrase: str) -> str:
    """'Chính phủ và tình hình ...' -> 'Chính phủ'; 'Bộ Kế hoạch và Đầu tư' stays whole."""
    for m in re.finditer(r"\s+và\s+(\w)", phrase):
        if m.group(1).islower():
            return phrase[: m.start()]
    return re.sub(r"\s+(?:và|của)\s*$", "", phrase)


# an annex names the document it belongs to: "(Kèm theo Kế hoạch số 28/KH-UBND ngày ...)" on a line of its own
_ANNEX_OF = re.compile(r"^[ \t*]*\([ \t]*Kèm theo[ \t]+(?P<type>[A-ZĐ][\wÀ-ỹ]*(?:[ \t]+[\wÀ-ỹ]+)?)[ \t]+số[ \t]+"
                       r"(?P<n>\d[^\s,;)]*)", re.MULTILINE)
_OWN_NUMBER = re.compile(r"(?:^|\|)[ \t*]*Số[ \t]*:[ \t]*(?P<n>\d{1,5}(?:[ \t]*[/-][ \t]*[\wÀ-ỹ&]+)*)", re.MULTILINE)
# "Ngày 15/3/2023, UBND tỉnh ban hành Kế hoạch số ...", "Trước đó, UBND tỉnh đã có Tờ trình số ...": the date
# and the issuer stated before the mention (after a date or an opening clause; the symbol's UBND/HĐND must agree)
_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|\n)[ \t]*(?:[-+•][ \t]*)?(?:(?:Ngày|ngày)[ \t]+(?P<d>\d{1,2})[ \t]*/[ \t]*(?P<m>\d{1,2})[ \t]*/[ \t]*"
    r"(?P<y>\d{4})[ \t]*,[ \t]*|[^\W\d][^\n.;:]{0,240}?,[ \t]+)?(?P<subj>(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Thường trực HĐND)"
    r"(?:[ \t]+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})?)"
    r"(?:[ \t]+(?:đã|đã kịp thời|kịp thời|tiếp tục|cũng))?[ \t]+(?:ban hành|Ban hành|ký|xây dựng|phê duyệt|có)[ \t]+$"
)


def _stated_before(text: str, start: int) -> tuple[str | None, str | None] | None:
    """(date, subject) of a clause that opens the sentence just before a mention, if there is one."""
    m = _BEFORE.search(text, max(0, start - 300), start)
    if not m:
        return None
    date = _iso(m.group("d"), m.group("m"), m.group("y")) if m.group("d") else None
    return date, m.group("subj")


# where a header line that holds a word at q may start: `finditer_near` tries those patterns (which open with
# "^" or "|", no letter the engine could skip ahead to) only there
def _line_start(text: str, q: int) -> int:
    return text.rfind("\n", 0, q) + 1


def _line_or_cell_start(text: str, q: int) -> int:
    return max(text.rfind("\n", 0, q) + 1, text.rfind("|", 0, q))


def _own_numbers(text: str, ctx: Context) -> set[str]:
    """The document's own number(s): its header's "Số: ..." (also inside a flattened header line)."""
    own = {number_key(ctx.header.number)} if ctx.header.number else set()
    for m in finditer_near(_OWN_NUMBER, text, occurrences(text, "Số"), _line_or_cell_start):
        own.add(number_key(re.sub(r"\s", "", m.group("n"))))
    for m in finditer_near(_ANNEX_OF, text, occurrences(text, "Kèm theo"), _line_start):
        if ctx.header.kind in (None, m.group("type")):
            own.add(number_key(re.sub(r"\s", "", m.group("n")).rstrip(".,;")))
    return own


def _issuer_from_context(code: str | None, ctx: Context, dated: bool = False) -> str | None:
    if code == "HĐND" and dated and ctx.level != "tỉnh" and ctx.place:
        # a numbered-and-dated resolution (số/năm/NQ-HĐND) is a legal act: the province's council makes them
        from .places import parents
        prov = parents(ctx.level, ctx.place).get("tỉnh")
        if prov:
            return f"Hội đồng nhân dân tỉnh {prov}"
    named = issuer_from_code(code, ctx.place, ctx.level)
    if named:
        return named
    # "QĐ-UBND" without "của": the People's Committee that writes (the document's own issuer)
    if code == "UBND" and ctx.issuer and ctx.issuer.startswith("Ủy ban nhân dân"):
        return ctx.issuer
    return None


def _share_issuer_in_lists(text: str, refs: list[DirectiveRef]) -> None:
    """'Nghị quyết số 08/2019/NQ-HĐND và Nghị quyết số 15/2021/NQ-HĐND của HĐND tỉnh': the issuer is shared."""
    for i in range(len(refs) - 2, -1, -1):
        a, b = refs[i], refs[i + 1]
        gap = text[a.end : b.start]
        shares = a.issuer_code and a.issuer_code == b.issuer_code and b.issuer and re.fullmatch(r"\s*(?:,|và|;)?\s*", gap)
        if shares and (a.issuer is None or a.issuer == issuer_from_code(a.issuer_code, None)):
            refs[i] = DirectiveRef(a.number, a.type, a.type_code, b.issuer, a.issuer_code, a.year, a.date,
                                   a.start, a.end, a.number_start, a.number_end)

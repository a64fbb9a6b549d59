"""Structure of a clean document: header, parts/sections/items, sentences, task sections and tasks."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .records import Header, Section, Sentence, Task

# kinds of document as the header writes them (upper case line) -> Vietnamese type word
DOC_KINDS = {
    "BÁO CÁO": "Báo cáo",
    "NGHỊ QUYẾT": "Nghị quyết",
    "QUYẾT ĐỊNH": "Quyết định",
    "KẾ HOẠCH": "Kế hoạch",
    "CHỈ THỊ": "Chỉ thị",
    "THÔNG BÁO": "Thông báo",
    "TỜ TRÌNH": "Tờ trình",
    "CÔNG VĂN": "Công văn",
    "CHƯƠNG TRÌNH": "Chương trình",
    "KẾT LUẬN": "Kết luận",
    "ĐỀ ÁN": "Đề án",
    "CÔNG ĐIỆN": "Công điện",
}

_ROMAN = r"[IVXL]{1,6}"
_MARKER = re.compile(
    rf"^[ \t]*(?:(?P<part>Phần thứ [^\n.:]+|PHẦN THỨ [^\n.:]+)[.:]?"
    rf"|(?P<dieu>Điều \d+)\."
    rf"|(?P<roman>{_ROMAN})[./](?=\s)"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})[./)](?=\s)"
    r"|(?P<letter>[a-zđ])\)(?=\s)"
    r"|(?P<bullet>[-+•–])(?=\s))[ \t]*",
    re.MULTILINE,
)
_SECTION_END_MARKERS = ("Nơi nhận:", "Nơi nhận")
_NUMBER_LINE = re.compile(r"^\s*Số\s*:\s*(?P<num>[^\s]*)", re.MULTILINE)
_DATE_LINE = re.compile(
    r"^\s*(?P<place>[^\n,]{2,40}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
    re.MULTILINE,
)
_ADOPTED = re.compile(r"thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
# an official letter states its subject under its number: "V/v triển khai thực hiện Chỉ thị số ...", wrapped lines
# going on in lower case
_SUBJECT = re.compile(r"^[ \t]*(?:V/v|V/V|Về việc)\s*:?[ \t]*(?P<s>\S[^\n]*(?:\n[ \t]*(?=[^\W_])(?![^\n]*,\s*ngày)[^\n]*)*)",
                      re.MULTILINE)
_KINH_GUI = re.compile(r"^[ \t]*Kính gửi\s*:\s*(?P<to>[^\n]+)", re.MULTILINE)
_REQUEST = re.compile(r"^[ \t]*(?:Thực hiện|Triển khai|Theo)\s+(?:Công văn|Văn bản|Công điện)[^\n]*", re.MULTILINE)
_TASK_HEADING = re.compile(
    r"NHIỆM VỤ(?:,| VÀ)? (?:GIẢI PHÁP|TRỌNG TÂM)|Nhiệm vụ(?:,| và)? (?:giải pháp|trọng tâm)|"
    r"PHƯƠNG HƯỚNG,? NHIỆM VỤ|Phương hướng,? nhiệm vụ|"
    # a plan's task part: "II. NHIỆM VỤ CỤ THỂ", "I. NHIỆM VỤ", "Nhiệm vụ thời gian tới"
    r"^(?:CÁC |Các )?(?:NHIỆM VỤ|Nhiệm vụ)(?:\s+(?:CỤ THỂ|cụ thể|THỜI GIAN TỚI|thời gian tới))?\s*:?$|"
    # a heading that opens with the tasks of a period: "NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024", "Nhiệm vụ quý III",
    # "NHIỆM VỤ CHỦ YẾU QUÝ IV", "NHIỆM VỤ CÔNG TÁC THÁNG 12", "Nhiệm vụ những tháng cuối năm"
    r"^(?:MỘT SỐ |CÁC |Một số |Các )?(?:NHIỆM VỤ|Nhiệm vụ)"
    r"(?:\s+(?:CHỦ YẾU|chủ yếu|TRỌNG ĐIỂM|trọng điểm|CÔNG TÁC|công tác|CHÍNH|chính))?"
    r"(?:\s+(?:TRONG|trong|CỦA|của|CHO|cho))?\s+"
    r"(?:(?:\d+|NHỮNG|những|CÁC|các)\s+(?:THÁNG|tháng)|THÁNG|tháng|QUÝ|quý|NĂM|năm)\b",
)
# "Phần thứ hai" alone on its line: the part's heading is the next line
_PART_PREFIX = re.compile(r"(?i)^phần thứ\s+[^\W\d_]+[\s.:–-]*")
# an article of a decision that assigns the work: "Điều 2. Tổ chức thực hiện", "Điều 3. Trách nhiệm thực hiện",
# "Điều 2. Giao nhiệm vụ cho các cơ quan, đơn vị như sau:"; its numbered items are tasks
_ASSIGNMENT_ARTICLE = re.compile(
    r"(?i)^(?:tổ chức thực hiện|trách nhiệm thực hiện|trách nhiệm của các|phân công|"
    r"giao\s+(?:nhiệm vụ|trách nhiệm|cho|các|sở|ủy ban|uỷ ban|ubnd|ban|cơ quan|đơn vị))(?!\w)"
    # "Điều 2. Các sở, ngành, địa phương có trách nhiệm thực hiện các nhiệm vụ sau:"
    r"|^(?:các|những)\s[^.:;]{0,100}?(?:có|chịu)\s+trách nhiệm[^.;]{0,80}:\s*$"
)
# the enacting words of a decision ("QUYẾT ĐỊNH:") before its first article; a resolution says "QUYẾT NGHỊ:"
_DECISION_ENACTS = re.compile(r"^[ \t]*QUYẾT ĐỊNH[ \t]*:", re.MULTILINE)
_FIRST_ARTICLE = re.compile(r"^[ \t]*Điều 1\.", re.MULTILINE)
# a heading that assesses what was done is not a task section, even when it names "nhiệm vụ, giải pháp"
_ASSESSMENT = re.compile(r"(?i)đánh giá|kết quả thực hiện|tình hình thực hiện|tình hình triển khai")
_PERIOD_IN_HEADING = re.compile(
    r"(?:(?:QUÝ|quý)\s+(?P<q>[IV]+)(?:\s*(?:NĂM|năm)\s*|/)(?P<qy>\d{4})"
    # the first or last three months of a year are its first or fourth quarter
    r"|(?<!\w)(?:3|BA|ba)\s+(?:THÁNG|tháng)\s+(?P<q3>ĐẦU|đầu|CUỐI|cuối)\s+(?:NĂM|năm)\s*(?P<q3y>\d{4})"
    r"|(?:THÁNG|tháng)\s+(?P<m>\d{1,2})\s*(?:NĂM|năm)\s*(?P<my>\d{4})"
    r"|(?:NĂM|năm)\s+(?P<y>\d{4}))"
)
# "TT. HĐND huyện": the abbreviation of "Thường trực" ends no sentence
_SENT_SPLIT = re.compile(r"(?<=[.!?…])(?<!(?<!\w)TT\.)[\"”’)]?\s+(?=[\"“(‘]?[A-ZĐÀ-ỸÁÉÍÓÚÝÂÊÔƠƯĂ])|\n\s*\n|\n(?=\s*(?:[-+•]\s|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s))")
# the same cuts read from the mark that ends a sentence on (the cut starts one character later): a pattern that
# opens with a lookbehind makes the engine try every position, one that opens with a set of characters skips to them
_SENT_SPLIT_AT_MARK = re.compile(r"[.!?…](?<!(?<!\w)TT\.)[\"”’)]?\s+(?=[\"“(‘]?[A-ZĐÀ-ỸÁÉÍÓÚÝÂÊÔƠƯĂ])|\n\s*\n|\n(?=\s*(?:[-+•]\s|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s))")

_MARKER_ONLY = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,6}|[a-zđ])[.)]")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _iso(y: str | None, m: str | None = None, d: str | None = None) -> str | None:
    if not y:
        return None
    if m and d:
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    if m:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}"


def parse_header(text: str) -> Header:
    """Read the header block: kind, number, place and date, title, addressee, request."""
    head_end = _first_section_start(text)
    head = text[:head_end]
    kind = None
    kind_at = None
    for line in re.finditer(r"^[ \t]*([^\n]+?)[ \t]*$", head, re.MULTILINE):
        word = line.group(1).strip()
        for k, v in DOC_KINDS.items():
            if word == k or word.startswith(k + " ") and word.isupper():
                kind, kind_at = v, line
                break
        if kind:
            break
    number = None
    m = number_line = _NUMBER_LINE.search(head)
    type_code = None
    if m:
        num = m.group("num")
        if re.match(r"^\d", num):
            number = num
        tm = re.search(r"/(?:\d{4}/)?([A-ZĐ]+)-", num) or re.search(r"-([A-ZĐ]+)/", num)
        type_code = tm.group(1) if tm else None
    place = date = None
    m = _DATE_LINE.search(head)
    if m:
        place = m.group("place").strip()
        date = _iso(m.group("y"), m.group("m"), m.group("d"))
    else:
        m = _ADOPTED.search(text)
        if m:
            date = _iso(m.group(3), m.group(2), m.group(1))
    title = None
    title_span = None
    if kind_at is not None:
        start = kind_at.end()
        # the title: the lines after the kind line, up to a blank line or a line that is not title-like
        lines = []
        pos = start
        for lm in re.finditer(r"\n([^\n]*)", head[start:]):
            line = lm.group(1)
            if not line.strip():
                if lines:
                    break
                continue
            if re.match(r"\s*(Kính gửi|Số\s*:)", line) or _is_agency_line(line) or _is_opening(line, bool(lines)):
                break
            lines.append(line.strip())
            pos = start + lm.end()
        if kind_at.group(1).strip() != next(k for k in DOC_KINDS if DOC_KINDS[k] == kind):
            # "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ ..." on one line: the kind line is the title's first line
            lines.insert(0, kind_at.group(1).strip())
            pos = max(pos, kind_at.end())
        if lines:
            title = " ".join(lines)
            first = head.find(lines[0], kind_at.start())
            title_span = (first, pos)
            if kind == "Nghị quyết" and title.upper() == title and not title.startswith("NGHỊ QUYẾT"):
                title = kind_at.group(1).strip() + " " + title
    if kind_at is None and number_line is not None:
        # the subject stands by the number, in the header's left column (a news text's "Về việc ..." is none)
        a, b = max(0, number_line.start() - 300), number_line.end() + 400
        m = _SUBJECT.search(head[: head.find("Kính gửi")] if "Kính gửi" in head else head, a, b)
        if m:  # no kind line, a subject line: an official letter (or a report by its number), its subject the title
            lines = m.group("s").split("\n")
            keep = lines[:1] + list(itertools.takewhile(_subject_goes_on, lines[1:]))
            sub = "\n".join(keep)
            kind = _TYPE_FROM_CODE.get(type_code or "", "Công văn")
            title, title_span = " ".join(sub.split()), (m.start("s"), m.start("s") + len(sub))
    addressee = None
    m = _KINH_GUI.search(head)
    if m:
        addressee = m.group("to").strip().rstrip(".;")
    request = None
    m = _REQUEST.search(text, 0, min(len(text), head_end + 4000))
    if m and m.start() < head_end + 2000:
        request = (m.start(), m.end())
    if kind is None and type_code:
        kind = _TYPE_FROM_CODE.get(type_code)
    return Header(kind=kind, number=number, issuer=None, place=place, date=date, title=title,
                  title_span=title_span, addressee=addressee, request=request)


def _subject_goes_on(line: str) -> bool:
    """A wrapped subject line: it starts in lower case or with a number, or ends a name in a few words ('Chính trị')."""
    s = line.strip()
    return s[:1].islower() or s[:1].isdigit() or (len(s.split()) <= 3 and ":" not in s and not s.isupper()
                                                  and not _is_opening(s, True))


_TYPE_FROM_CODE = {"BC": "Báo cáo", "NQ": "Nghị quyết", "QĐ": "Quyết định", "KH": "Kế hoạch", "CT": "Chỉ thị"}


def _is_opening(line: str, after_title: bool) -> bool:
    """'Thực hiện Công văn số ..., UBND tỉnh báo cáo như sau:' opens the body; 'Thực hiện Nghị quyết số ...' right
    under the kind line is a title, after a title line it opens the body."""
    if re.match(r"\s*(?:Căn cứ|Để|Nhằm)\b", line):
        return True
    if not re.match(r"\s*(?:Thực hiện|Triển khai)\b", line):
        return False
    return after_title or line.rstrip().endswith(":") or bool(
        re.search(r",[^,]{0,80}\b(?:báo cáo|ban hành|xây dựng)\b[^,]*$", line))


def _is_agency_line(line: str) -> bool:
    s = line.strip()
    return s.isupper() and bool(re.match(r"(HỘI ĐỒNG|ỦY BAN|UỶ BAN|BAN |TỈNH ỦY|TỈNH UỶ|CHÍNH PHỦ|BỘ )", s))


def _first_section_start(text: str) -> int:
    m = re.search(rf"^[ \t]*(?:{_ROMAN}\.\s|Điều 1\.|QUYẾT NGHỊ|Phần thứ|PHẦN THỨ)", text, re.MULTILINE)
    return m.start() if m else min(len(text), 3000)


def parse_sections(text: str, end: int | None = None) -> list[Section]:
    """Parts (I.), numbered sections (1.), lettered items (a)), bullets (-), with nesting paths."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, str, int, str]] = []  # (start, marker_end, marker, level, heading)
    for m in _MARKER.finditer(text, 0, end):
        if m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        if m.group("part"):
            marker, level = m.group("part").strip(), 0
        elif m.group("dieu"):
            marker, level = m.group("dieu"), 1
        elif m.group("roman"):
            marker, level = m.group("roman"), 1
        elif m.group("num"):
            marker, level = m.group("num"), 2 + m.group("num").count(".")
        elif m.group("letter"):
            marker, level = m.group("letter"), 5
        else:
            marker, level = "-", 6
        line_end = text.find("\n", m.end())
        line_end = end if line_end < 0 or line_end > end else line_end
        found.append((m.start(), m.end(), marker, level, text[m.end() : line_end].strip()))
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, path)
    counters: dict[str, int] = {}
    for i, (start, _mend, marker, level, heading) in enumerate(found):
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        if marker == "-":
            counters[parent] = counters.get(parent + "#-", 0) + 1
            counters[parent + "#-"] = counters[parent]
            label = f"-{counters[parent]}"
        else:
            label = marker
        path = f"{parent}.{label}" if parent else label
        # extent: up to the next marker of the same or a higher level
        stop = end
        for nxt in found[i + 1 :]:
            if nxt[3] <= level:
                stop = nxt[0]
                break
        sections.append(Section(marker, level, path, heading, start, stop))
        stack.append((level, path))
    return sections


def _sentence_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of `_SENT_SPLIT.finditer(text, start, end)`. No cut ends with a mark, so none that starts after
    one can be passed over by the one before it; from a later start a mark before `start` may open the first."""
    if start > 0:
        return [(m.start(), m.end()) for m in _SENT_SPLIT.finditer(text, start, end)]
    return [(m.start() + (text[m.start()] != "\n"), m.end()) for m in _SENT_SPLIT_AT_MARK.finditer(text, 0, end)]


def split_sentences(text: str, start: int = 0, end: int | None = None, sections: list[Section] | None = None) -> list[Sentence]:
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    cuts = _sentence_cuts(text, start, end) + [(end, end)]
    carry = None  # start of a list marker ("4.", "II.") that opens the next sentence, not a sentence of its own
    for cut_start, cut_end in cuts:
        s, e = pos, cut_start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        pos = cut_end
        if e <= s:
            continue
        if _MARKER_ONLY.fullmatch(text, s, e):
            carry = s if carry is None else carry
            continue
        if carry is not None:
            s, carry = carry, None
        spans.append((s, e))
    # each sentence is built once, with its section (frozen records cost more to build than to read)
    paths = section_paths(sections, [s for s, _ in spans]) if sections else [None] * len(spans)
    return [Sentence(s, e, text[s:e].replace("\n", " "), path) for (s, e), path in zip(spans, paths)]


def section_paths(sections: list[Section], offsets: list[int]) -> list[str | None]:
    """`section_at` for ascending offsets in one sweep (linear where the loop of lookups was quadratic)."""
    order = sorted((s.start, i) for i, s in enumerate(sections) if s.level < 6)
    active: list[int] = []  # indices of sections opened at or before the offset
    k, out = 0, []
    for off in offsets:
        while k < len(order) and order[k][0] <= off:
            active.append(order[k][1])
            k += 1
        active = [i for i in active if sections[i].end > off]
        best = max(active, key=lambda i: (sections[i].level, i), default=None)
        out.append(sections[best].path if best is not None else None)
    return out


def section_at(sections: list[Section], offset: int) -> str | None:
    """Path of the innermost non-bullet section containing `offset`."""
    best = None
    for s in sections:
        if s.start <= offset < s.end and s.level < 6 and (best is None or s.level >= best.level):
            best = s
    return best.path if best else None


@dataclass(frozen=True)
class TaskSection:
    start: int
    end: int
    heading: str
    period: str | None
    article: bool = False  # an article of a decision ("Điều 2. Tổ chức thực hiện"), not a period's tasks


def task_sections(text: str, sections: list[Section]) -> list[TaskSection]:
    """Sections whose heading announces the tasks for the next period, and the articles of a decision that
    assign its work."""
    out: list[TaskSection] = []
    decision = _is_decision(text)
    for s in sections:
        if any(t.start <= s.start < t.end for t in out):
            continue
        heading = _part_heading(text, s) if s.level == 0 else s.heading
        if (s.level <= 2 and len(heading) < 160 and _TASK_HEADING.search(heading)
                and not _ASSESSMENT.search(heading) and not (s.level == 0 and _yields_to_child(s, sections))):
            out.append(TaskSection(s.start, _restarted_items_end(text, s, sections) or s.end, heading,
                                   period_of(heading)))
        elif decision and s.marker.startswith("Điều") and _ASSIGNMENT_ARTICLE.match(s.heading):
            out.append(TaskSection(s.start, s.end, f"{s.marker}. {s.heading}", None, article=True))
    if not out and not decision:
        # a news item's run of items ends at its first plain paragraph, a letter's at its closing
        news = _headerless(text)
        letter = (news and _news_directions(text, sections)) or _letter_directions(text, sections, news)
        out += [letter] if letter else []
    return out


def _restarted_items_end(text: str, head: Section, sections: list[Section]) -> int | None:
    """'2. Nhiệm vụ, giải pháp chủ yếu' then items numbered again from 1 at the heading's own level (a resolution's
    Điều 1): where that run of items ends. The run stops at a higher marker ('Điều 2.'), at a number out of
    sequence, and at the heading's next sibling ('3. Tổ chức thực hiện', a short line without a full stop)."""
    if head.level != 2 or not head.marker.isdigit():
        return None
    nxt = [x for x in sections if x.start >= head.end and x.level <= 2]
    if not nxt or nxt[0].start != head.end or nxt[0].marker != "1":
        return None
    end, expect = None, 1
    for x in nxt:
        if x.level < 2 or x.marker != str(expect):
            break
        if expect == int(head.marker) + 1 and _heading_line(text, x):
            break
        end, expect = x.end, expect + 1
    return end


def _heading_line(text: str, s: Section) -> bool:
    """A numbered line that is a heading: short, no full stop, the next line opens a paragraph of its own."""
    line = s.heading.strip()
    return len(line) < 100 and not line.endswith((".", ";", ":")) and text[s.start:s.end].count("\n") >= 1 and \
        len(text[s.start:s.end].strip()) > len(line) + 10


# an official letter gives its directions as numbered items after its opening: "UBND tỉnh có ý kiến (chỉ đạo) như
# sau:", "UBND huyện yêu cầu các cơ quan, đơn vị thực hiện một số nội dung sau:"
_LETTER_DIRECTS = re.compile(
    r"(?im)(?:có ý kiến(?:\s+chỉ đạo)?|chỉ đạo|(?:yêu cầu|giao)[^.:;\n]{0,120}?"
    # "đề nghị" directs only the bodies under the writer ("đề nghị các sở, ngành ..."), not one it asks for help
    r"|đề nghị\s+(?:(?:Thủ trưởng|Chủ tịch|Giám đốc|Trưởng)\s+)?các\s[^.:;\n]{0,120}?)\s+"
    r"(?:như sau|(?:(?:một số|các)\s+)?(?:nội dung|nhiệm vụ|việc)(?:\s+(?:cụ thể|chủ yếu|trọng tâm))?\s+(?:như\s+)?sau"
    r"|sau đây)\s*:[ \t]*$"
    # "Ủy ban nhân dân huyện yêu cầu:", "Chủ tịch UBND xã chỉ đạo:": the items say what
    r"|(?<!\w)(?:chỉ đạo|yêu cầu)\s*:[ \t]*$")
# a reply with comments on a draft: its items are opinions, not tasks
_COMMENTS = re.compile(r"(?i)góp ý|tham gia ý kiến|cho ý kiến|dự thảo")


def _letter_directions(text: str, sections: list[Section], headerless: bool = False) -> TaskSection | None:
    """The numbered items of a letter's directions: the opening line ends with them, the first item follows it,
    and the letter has no parts or articles of its own. Without a header (a news item) an opening that reports
    what was done ('Chủ tịch UBND huyện đã giao ..., kết quả như sau:') directs nothing."""
    if any(s.level <= 1 for s in sections):
        return None
    first = next((s for s in sections if s.level == 2 and s.marker == "1"), None)
    if first is None:
        return None
    m = None
    for m in _LETTER_DIRECTS.finditer(text, 0, first.start):
        pass
    if m is None or text[m.end() : first.start].strip() or _COMMENTS.search(text, 0, m.end()):
        return None
    if headerless and (_REPORTED.search(m.group(0)) or _DONE.search(text, max(0, m.start() - 200), m.end())):
        return None
    ends = [c.start() for c in (_CLOSING.search(text, first.start), _LETTER_CLOSING.search(text, first.start)) if c]
    return TaskSection(m.start(), min(ends, default=len(text)), m.group(0).rstrip(" :\t"), None, article=True)


# a letter's closing paragraph after its last item speaks of the letter as a whole: "Giao Văn phòng UBND tỉnh theo
# dõi, đôn đốc việc thực hiện Công văn này", "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các cơ quan ... thực hiện"
_LETTER_CLOSING = re.compile(  # (a numbered item that speaks of the letter is a direction still: "8. Sở X theo dõi ...")
    r"\n[ \t]*\n[ \t]*(?![0-9]{1,2}[.)][ \t])(?=[^\n]{0,240}?(?:Công văn|văn bản|Chỉ thị|Thông báo) này"
    r"|(?:Ủy ban nhân dân|UBND)[^\n.;:]{0,60}?\s(?:yêu cầu|đề nghị)\s)")


# a news item of a meeting ends with the directions its chair gave: "Kết luận phiên họp, Chủ tịch UBND tỉnh yêu cầu
# các sở, ngành, địa phương tập trung thực hiện một số nhiệm vụ trọng tâm ...:", "Phó Chủ tịch UBND huyện đề nghị:",
# "UBND tỉnh giao nhiệm vụ cụ thể như sau:". The one who directs is a leader or a governing body, named before the
# verb in the sentence that ends with the colon (what delegates or voters ask for is no direction)
_NEWS_DIRECTS = re.compile(
    r"(?<!\w)(?:Chủ tịch|Bí thư|Thủ tướng|Bộ trưởng|Giám đốc|Trưởng [Bb]an|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|"
    r"HĐND|Hội đồng nhân dân|Ban Thường vụ|Thường trực|Ban Chỉ đạo|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|"
    r"Thành uỷ|[Ll]ãnh đạo|[Đđ]ồng chí)(?!\w)(?:[^.:;!?\n]|(?<=TP)\.|\.(?=\d)){0,160}?"
    # "theo yêu cầu", "đáp ứng yêu cầu": a noun; "đã giao", "đã chỉ đạo": what was asked before, reported on
    r"(?<![Tt]heo )(?<!đáp ứng )(?<!các )(?<!những )(?<!đúng )(?<!đã )(?<!từng )"
    r"(?<!\w)(?P<verb>yêu cầu|đề nghị|giao|chỉ đạo)(?!\w)(?:[^.!?\n]|(?<=TP)\.|\.(?=\d))*"
    # "..., vượt dự toán được giao. Cụ thể:": the sentence ends, a short lead-in announces the items
    # ("... 5.400 tỷ đồng. Trong đó, giao nhiệm vụ cụ thể:")
    r"(?:\.[ \t]+(?:Cụ thể|Như sau|Trong đó)[^.!?:\n]{0,40})?:[ \t]*$",
    re.MULTILINE)
# who asks rather than directs, before the verb; a sentence that goes on to what was achieved reports on it
_PETITIONERS = re.compile(r"(?i)đại biểu|cử tri|doanh nghiệp|người dân")
_REPORTED = re.compile(r"(?i)kết quả|đạt được|tình hình|đã (?:thực hiện|hoàn thành|triển khai)")
_DONE = re.compile(r"(?<!\w)(?:đã|từng)\s+(?:giao|yêu cầu|chỉ đạo|đề nghị)(?!\w)[^.!?\n]*:[ \t]*$", re.MULTILINE)
# a new paragraph inside the run of items: a line after a blank line or after one that ends a sentence, that opens
# with no list marker; it ends the run (a line that ends with a colon announces what follows it, one that ends
# with a semicolon goes on)
_PLAIN_PARAGRAPH = re.compile(
    r"(?:(?<=[^:\s])[ \t]*\n(?:[ \t]*\n)+|(?<=[.!?…])[ \t]*\n)[ \t]*"
    r"(?!(?:\d{1,2}(?:\.\d{1,2}){0,2}[./)]|[a-zđ]\)|[-+•–])\s)(?=\S)")


def _continues_item(text: str, a: int, b: int) -> bool:
    """Whether the plain lines at a..b, between an item and the next number of the run, go on with the item: one
    short paragraph, no heading, no closing line of the item ("Phiên họp kết thúc ...", a byline)."""
    gap = text[a:b].strip()
    return (0 < len(gap) <= 400 and "\n\n" not in gap and not gap.startswith(("#", "*", "|"))
            and not _CLOSING.search(gap))


def _headerless(text: str) -> bool:
    """No document number and no kind line at the top: a news item or an excerpt."""
    head = text[:_first_section_start(text)]
    if _NUMBER_LINE.search(head) or _KINH_GUI.search(head):
        return False
    return not any(line.strip() == k or line.strip().startswith(k + " ") and line.strip().isupper()
                   for line in head.splitlines() for k in DOC_KINDS)


def _news_directions(text: str, sections: list[Section]) -> TaskSection | None:
    """The numbered items right after the sentence of a headerless news item in which its leader directs the
    work: a run of items 1, 2, 3 ... that ends at the first paragraph that is not an item (or its sub-item)."""
    items = [s for s in sections if s.level == 2 and s.marker.isdigit()]
    for i, first in enumerate(items):
        if first.marker != "1":
            continue
        line_start = text.rfind("\n", 0, len(text[:first.start].rstrip())) + 1
        m = _NEWS_DIRECTS.search(text, line_start, first.start)
        if m is None or text[m.end():first.start].strip():
            continue
        sent = max(text.rfind(". ", line_start, m.start()) + 2, line_start)
        if _PETITIONERS.search(text, max(sent, text.rfind(",", sent, m.start("verb")) + 1), m.start("verb")):
            continue  # "Tại hội nghị, các đại biểu HĐND tỉnh đề nghị:" asks, directs no one
        if _REPORTED.search(text, m.end("verb"), m.end()):
            continue  # "Chủ tịch UBND huyện giao 5 nhiệm vụ, kết quả thực hiện như sau:"
        end = first.end
        run = items[i:]
        for n, item in enumerate(run, 1):
            if item.marker != str(n) or item.start > end:
                break
            cut = _PLAIN_PARAGRAPH.search(text, item.start + 1, item.end)
            nxt = run[n] if n < len(run) else None
            if cut and nxt is not None and nxt.marker == str(n + 1) and _continues_item(text, cut.start(), nxt.start):
                cut = None  # "3. Phòng X ...\nUBND xã A và UBND xã B khẩn trương ...\n\n4. ...": still item 3
            end = cut.start() if cut else item.end
            if cut:
                break
        closing = _CLOSING.search(text, first.start, end)
        return TaskSection(sent, closing.start() if closing else end, text[sent:m.end()].strip().rstrip(" :\t"),
                           None, article=True)
    return None


def _is_decision(text: str) -> bool:
    first = _line_opening(_FIRST_ARTICLE, text, "Điều 1.")
    return bool(first and _line_opening(_DECISION_ENACTS, text, "QUYẾT ĐỊNH", first.start()))


def _line_opening(rx: re.Pattern, text: str, word: str, end: int | None = None) -> re.Match | None:
    """`rx.search(text, 0, end)` for a pattern of a line that opens with `word` after spaces ("^[ \t]*word..."),
    tried only at the lines that hold the word (searched over the text, "^" is tried at every position)."""
    end = len(text) if end is None else end
    i = text.find(word, 0, end)
    while i >= 0:
        m = rx.match(text, text.rfind("\n", 0, i) + 1, end)
        if m:
            return m
        i = text.find(word, i + 1, end)
    return None


def _part_heading(text: str, part: Section) -> str:
    """'Phần thứ hai: NHIỆM VỤ ...' -> 'NHIỆM VỤ ...'; a part marker alone on its line takes the next line."""
    line_end = text.find("\n", part.start)
    line_end = part.end if line_end < 0 else min(line_end, part.end)
    own = _PART_PREFIX.sub("", text[part.start:line_end].strip(), count=1).strip()
    if own:
        return own
    nxt = re.match(r"\s*([^\n]*)", text[line_end:part.end])
    line = nxt.group(1).strip() if nxt else ""
    return "" if _MARKER.match(line) else line


def _yields_to_child(part: Section, sections: list[Section]) -> bool:
    """A part whose own sections (I., II.) include a task section leaves the tasks to it: the numbering of
    items starts again under each of them."""
    return any(part.start < s.start < part.end and s.level == 1 and _TASK_HEADING.search(s.heading)
               and not _ASSESSMENT.search(s.heading) for s in sections)


def period_of(heading: str) -> str | None:
    m = _PERIOD_IN_HEADING.search(heading)
    if not m:
        return None
    if m.group("q"):
        return f"{m.group('qy')}-Q{roman_to_int(m.group('q'))}"
    if m.group("q3"):
        return f"{m.group('q3y')}-Q{1 if m.group('q3').lower() == 'đầu' else 4}"
    if m.group("m"):
        return f"{int(m.group('my')):04d}-{int(m.group('m')):02d}"
    return m.group("y")


_TITLE_TASKS = re.compile(r"(?i)nhiệm vụ|phương hướng")


def tasks_period_of_title(title: str) -> str | None:
    """The period of a document's tasks as its title states it: the one after its last 'nhiệm vụ' ('Tình hình
    năm 2021; mục tiêu, nhiệm vụ năm 2022' -> '2022'), none if that names no year; a title that names no tasks
    ('Kế hoạch phát triển kinh tế - xã hội năm 2023'): its period."""
    marks = list(_TITLE_TASKS.finditer(title))
    return period_of(title[marks[-1].end():] if marks else title)


def _unnumbered_items(text: str, ts: TaskSection, sections: list[Section]) -> list[Section]:
    """A task section without numbered items: its lettered items (a), b) keep their letters). Bullets are no tasks:
    a task is a numbered item (its number is how the text and its readers refer to it), so what a bullet assigns
    is stated of the document."""
    inner = [s for s in sections if ts.start < s.start < ts.end]
    letters = [s for s in inner if s.level == 5]
    if not letters:
        return []
    top = min(s.path.count(".") for s in letters)
    return [s for s in letters if s.path.count(".") == top]


# the closing paragraph after the last item: "Trên đây là báo cáo ...", "Nơi nhận:"
_CLOSING = re.compile(r"\n\s*(?:Trên đây là|Nơi nhận)")


def parse_tasks(text: str, sections: list[Section], title: str | None = None) -> list[Task]:
    """The numbered items (1., 2., ...) directly under a task section become tasks. A section whose heading
    names no period ("II. NHIỆM VỤ, GIẢI PHÁP QUÝ IV") takes the one the document's title gives its tasks; a
    decision's title names what it approves ("giai đoạn 2024 - 2030, tầm nhìn đến năm 2045"), not when the
    tasks of its articles are due."""
    tasks: list[Task] = []
    # (task section, its items), the numbered ones first: a document that numbers its tasks somewhere (a decision's
    # articles) has its lettered or bulleted items elsewhere describe what it approves, not tasks
    found = []
    for ts in task_sections(text, sections):
        items = [s for s in sections if ts.start < s.start < ts.end and s.level in (2, 3) and s.marker[:1].isdigit()]
        found.append((not items, ts, items or _unnumbered_items(text, ts, sections)))
    for _unnumbered, ts, items in sorted(found, key=lambda f: f[0]):
        period = ts.period or (tasks_period_of_title(title) if title and not ts.article else None)
        if not items or _unnumbered and tasks:
            continue
        top = min(s.level for s in items) if items[0].level < 5 else 5
        numbers = [s.marker.rstrip(".") for s in items if s.level == top]
        if len(set(numbers)) < len(numbers) or any(t.n in numbers for t in tasks):
            continue  # the numbering starts again (under sub-sections, in another article): "1." would name two
        for s in items:
            if s.level != top:
                continue
            cm = _CLOSING.search(text, s.start, s.end)
            end = min(cm.start() if cm else s.end, ts.end)  # the section's own closing ends its last item
            body = text[s.start : end].strip()
            body = _MARKER.sub("", body, count=1).strip()
            head = body[:80]
            tasks.append(Task(n=s.marker.rstrip("."), head=head, text=body, start=s.start, end=end,
                              period=period, section=ts.heading))
    tasks.sort(key=lambda t: t.start)
    return tasks

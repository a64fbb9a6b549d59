"""Where a document lists its targets, whatever its header says.

A target list opens with a line that announces it ("Các chỉ tiêu chủ yếu năm 2024:", "Dự kiến một số chỉ
tiêu chủ yếu", "2. Mục tiêu cụ thể", a table whose first row reads "| Chỉ tiêu | Đơn vị | Kế hoạch |")
and runs over the lines that follow as long as they look like items of a list: bullets, table rows, short
sub-headings ("a) Nhóm chỉ tiêu xã hội"), lines that carry figures, groups of items ("Về xã hội: ...; ...").
The head may close a paragraph of narrative ("Kỳ họp đã ... tán thành. Các chỉ tiêu chủ yếu năm 2025 gồm:"):
the list starts at its sentence. It ends at a heading of the same or a higher rank, at a heading that opens
tasks or an assessment, at another list's head, at narrative that reports, or at a long paragraph of prose.

Public API: find_target_lists(text, end) -> list[TargetList]; is_head(line); head_clause(lead)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import find_measures
from .scan import opens_with

# a line announcing goals: "chỉ tiêu", "mục tiêu cụ thể"
_HEAD = r"(?<![^\W\d_])(?:chỉ tiêu|mục tiêu cụ thể|các mục tiêu chủ yếu)(?![^\W\d_])"
# a head that reports what was done is not a list of goals
_REPORTED = (
    r"(?<![^\W\d_])(?:kết quả|tình hình|đánh giá|đạt được|đã đạt|ước thực hiện|ước đạt|thực hiện được|"
    r"đạt và vượt|không đạt|chưa đạt|đạt thấp|vượt kế hoạch|có \d+(?:/\d+)? chỉ tiêu"
    # the share of the plan the indicators attained: "nhiều chỉ tiêu đạt trên 75% kế hoạch"
    r"|chỉ tiêu[^.;:\d]{0,40}?\s(?:đạt|bằng)\s+(?:trên|hơn|khoảng|gần|xấp xỉ)?\s*\d[\d.,]*\s*%\s*(?:kế hoạch|dự toán)"
    # a share of the quota with the count it was reached with: "Hoàn thành 100% chỉ tiêu giao quân năm 2024 với 210
    # thanh niên", "Giao 12 thanh niên nhập ngũ, đạt 100% chỉ tiêu huyện giao"
    r"|\d\s*%\s*chỉ tiêu(?:[^.;:\d]|(?:19|20)\d\d){0,60}?\svới\s+(?:khoảng\s+)?\d[\d.,]*"
    r"|\d[\d.,]*\s+[^\W\d_][^.;:\d]{0,80}?,\s*(?:đạt|bằng)\s+[\d.,]+\s*%\s*chỉ tiêu)(?![^\W\d_])"
)
# a head that says the goals were met: "Các chỉ tiêu xã hội cơ bản hoàn thành", "các chỉ tiêu chủ yếu đều đạt";
# not when it sets them as goals ("phấn đấu cơ bản hoàn thành các chỉ tiêu sau")
# how the indicators went is a verdict on the period, too: "Nhiều chỉ tiêu đạt khá", "..., tiệm cận chỉ tiêu cả năm"
_DONE = re.compile(r"(?<![^\W\d_])(?:(?:cơ bản|đều|đã)\s+(?:hoàn thành|đạt)|đạt\s+(?:khá|tốt)|tiệm cận"
                   r"|(?:sát|gần|gần đạt)\s+(?:với\s+)?(?:chỉ tiêu|mục tiêu|kế hoạch))(?![^\W\d_])", re.IGNORECASE)
_GOAL_WORD = re.compile(r"(?<![^\W\d_])(?:phấn đấu|bảo đảm|đảm bảo|phải|cần|nhằm)(?![^\W\d_])", re.IGNORECASE)
# headings that open another kind of part
_OTHER_PART = (
    r"(?<![^\W\d_])(?:nhiệm vụ(?:,| và)? giải pháp|giải pháp|tổ chức thực hiện|kinh phí|hiệu lực thi hành|"
    r"điều khoản thi hành|nơi nhận)(?![^\W\d_])"
)
_MAX_HEAD_WORDS = 22
_MAX_SUBHEAD_WORDS = 10
_MAX_PROSE_WORDS = 35


@dataclass(frozen=True)
class TargetList:
    start: int  # the head line
    end: int  # end of the last line of the list
    head: str  # the head line, markers stripped
    table: bool  # the list is a table
    under_head: bool = False  # a table whose own first row names no plan, opened under a list's head line


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    return {
        "head": re.compile(opens_with("cm", _HEAD), re.IGNORECASE),
        "reported": re.compile(_REPORTED, re.IGNORECASE),
        "other": re.compile(_OTHER_PART, re.IGNORECASE),
        "marker": re.compile(
            r"^\s*(?:(?P<part>Phần thứ|PHẦN THỨ)|(?P<dieu>Điều \d+\.)|(?P<roman>[IVXL]{1,6})[./]\s"
            r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})[./)]\s|(?P<letter>[a-zđ])\)\s|(?P<bullet>[-+•–*])\s)"
        ),
        "decor": re.compile(r"^[\s*#_>]+|[\s*#_]+$"),
        "row": re.compile(r"^\s*\|.*\||[^|\n]+\s\|\s[^|\n]+"),
    }


_INDICATOR_CELL = re.compile(r"(?:^|\|)\s*(?:tên\s+)?(?:chỉ tiêu|nội dung)\s*(?:\||$)", re.IGNORECASE)


def _reported(s: str) -> bool:
    """The words report what was done rather than set goals."""
    if _rx()["reported"].search(s):
        return True
    m = _DONE.search(s)
    return bool(m) and not _GOAL_WORD.search(s, 0, m.start())


def _rank(line: str) -> int:
    """0 part, 1 roman/Điều, 2 numbered, 3 lettered, 4 bullet, 5 none."""
    m = _rx()["marker"].match(line)
    if not m:
        return 5
    for i, g in enumerate(("part", "dieu", "roman", "num", "letter", "bullet")):
        if m.group(g):
            return (0, 1, 1, 2, 3, 4)[i]
    return 5  # pragma: no cover


def _plain(line: str) -> str:
    rx = _rx()
    s = rx["decor"].sub("", line)
    m = rx["marker"].match(s)
    if m:
        s = s[m.end():]
    return rx["decor"].sub("", s).strip()


def _is_upper_heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def is_head(line: str) -> bool:
    """The line announces a list of goals."""
    rx = _rx()
    low = line.lower()
    if "tiêu" not in low or not rx["head"].search(line):  # a cheap test first: most lines name no goal
        return False
    s = _plain(line)
    if not s or not rx["head"].search(s):
        return False
    if rx["row"].match(line):  # a table's first row: "| Chỉ tiêu | Đơn vị | Kế hoạch 2024 |"
        return bool(re.search(r"kế hoạch|\bKH\b|mục tiêu|chỉ tiêu\s+(?:năm\s+)?\d{4}|dự kiến", s, re.IGNORECASE))
    if head_sentence(line) > 0:
        return True
    if ":" in s:  # "Các chỉ tiêu chủ yếu năm 2024 là: tốc độ tăng trưởng ...; ..." heads its own line
        lead = s.split(":", 1)[0]
        if head_clause(lead) and not _reported(lead):
            return True
    if _reported(s):
        return False
    return len(s.split()) <= _MAX_HEAD_WORDS


def head_clause(lead: str) -> str | None:
    """The clause of `lead` that names the goals, when it is short enough to head a list: the whole lead, or
    its part after a lead phrase ("Theo nghị quyết được HĐND thành phố thông qua tại kỳ họp thường lệ cuối năm,
    các chỉ tiêu chủ yếu năm 2025 của thành phố là")."""
    m = _rx()["head"].search(lead)
    if not m:
        return None
    clause = lead if len(lead.split()) <= _MAX_HEAD_WORDS else lead[lead.rfind(",", 0, m.start()) + 1 :]
    if len(clause.split()) > _MAX_HEAD_WORDS:
        # "Kỳ họp đã thông qua Nghị quyết số 85/NQ-HĐND về nhiệm vụ ... năm 2025 với các chỉ tiêu chủ yếu": the
        # goals' own clause after "với"
        w = None
        for w in _WITH_GOALS.finditer(lead, 0, m.start() + 1):
            pass
        clause = lead[w.start() + 1:] if w is not None else clause
    return clause if len(clause.split()) <= _MAX_HEAD_WORDS else None


_WITH_GOALS = re.compile(r"\s(?:với|gồm)\s+(?=(?:các|những|một số|\d+)\s)", re.IGNORECASE)


def head_sentence(line: str) -> int:
    """Where a head that follows narrative in its line starts, or -1: "Kỳ họp đã thông qua ... Các chỉ tiêu chủ
    yếu năm 2025 gồm:" (the list on the next lines), "... Một số chỉ tiêu năm 2025 cụ thể: về kinh tế: ...; ..."."""
    st = line.rstrip(" *")
    if ":" not in st or "tiêu" not in st.lower():
        return -1
    rx = _rx()
    for cut in reversed(list(re.finditer(r"[.!?]\s+(?=[^\W\d_])", st))):
        at = cut.end()
        lead = st[at:].split(":", 1)
        if len(lead) < 2:
            continue
        if (rx["head"].search(lead[0]) and not _reported(lead[0])
                and len(lead[0].split()) <= _MAX_HEAD_WORDS):
            return at
    return -1


# what reported figures say: a list whose items say it reports ("GRDP ước tăng 7,2%; thu ngân sách ước đạt ...")
_REPORTS = re.compile(r"(?<![^\W\d_])(?:ước (?:đạt|tăng|giảm|thực hiện|tính)|đã đạt|đạt được|lũy kế|luỹ kế)"
                      r"(?![^\W\d_])", re.IGNORECASE)


def _reports(span: str) -> bool:
    """Most items of the list state figures as reported (words in brackets are comments on a goal)."""
    items = [it for it in re.split(r"[;\n]", re.sub(r"\([^()]*\)", "", span)) if re.search(r"\d", it)]
    return len(items) >= 2 and 2 * sum(1 for it in items if _REPORTS.search(it)) >= len(items)


def _opens_list(line: str) -> bool:
    """The line's first sentence is itself a head ("Các chỉ tiêu chủ yếu năm 2024 là: ...; ...")."""
    s = _plain(line)
    first = re.split(r"[.!?]\s+(?=[^\W\d_])", s, maxsplit=1)[0]
    lead = first.split(":", 1)[0] if ":" in first else first
    return head_clause(lead) is not None


_GROUP_LABEL = re.compile(
    r"^\W*(?:(?:các|nhóm)\s+)?(?:chỉ tiêu\s+)?(?:về\s+|lĩnh vực\s+)(?:[^\W\d_]+\s*){1,4}:", re.IGNORECASE
)


def _other_year(line: str, head: str) -> bool:
    """The line opens with a year the head does not name ("Năm 2024, ..." after "chỉ tiêu năm 2025")."""
    m = re.match(r"\W*(?:trong\s+|đến\s+|hết\s+)?năm\s+((?:19|20)\d\d)\s*[,:]", line, re.IGNORECASE)
    return bool(m) and re.search(r"(?:19|20)\d\d", head) is not None and m.group(1) not in head


def _stands_alone(lines: list[tuple[int, int, str]], i: int) -> bool:
    """The line is a line of its own, not a piece of a hard-wrapped paragraph."""
    rx = _rx()
    line = lines[i][2]
    if rx["row"].match(line) or _rank(line) < 5 or line.lstrip()[:1] in "*#" or _is_upper_heading(_plain(line)):
        return True
    k = next((k for k in range(i - 1, -1, -1) if lines[k][2].strip()), -1)
    prev = lines[k][2].strip() if k >= 0 else ""
    blank_before = i == 0 or not lines[i - 1][2].strip()
    heading_before = bool(prev) and (_rank(prev) < 4 or _is_upper_heading(_plain(prev))) and len(prev.split()) <= 16
    # a news sub-heading: a short line of its own after a paragraph ("Chỉ tiêu năm 2025")
    heading_before = heading_before or (
        k >= 0 and (k == 0 or not lines[k - 1][2].strip() or lines[k - 1][2].rstrip()[-1:] in ".!?")
        and _plain(prev)[:1].isupper()
        and len(prev.split()) <= 10 and prev[-1] not in ".,;:!?")
    if not (blank_before or heading_before or not prev or prev[-1] in ".:;!?"):
        return False
    if ":" in line:
        return True
    nxt = lines[i + 1][2] if i + 1 < len(lines) else ""
    return not nxt.strip() or _rank(nxt) < 5 or bool(rx["row"].match(nxt))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line) of every line of the text, an empty last line left out."""
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line), line))
        at += len(line) + 1
    return out if out[-1][0] < len(text) else out[:-1]


def find_target_lists(text: str, end: int | None = None) -> list[TargetList]:
    rx = _rx()
    end = len(text) if end is None else end
    lines = _lines(text[:end])
    out: list[TargetList] = []
    i = 0
    n = len(lines)
    table_next = -1  # a table header row met inside a list: it opens a table list of its own
    while i < n:
        s0, e0, line = lines[i]
        under = i == table_next
        if not under and (not is_head(line) or not _stands_alone(lines, i)):
            i += 1
            continue
        table = bool(rx["row"].match(line))
        inner = -1 if under or table or _opens_list(line) else head_sentence(line)
        if inner > 0:  # the head follows narrative: the narrative before it is not part of the list
            s0, line = s0 + inner, line[inner:]
        rank = _rank(line)
        if rank == 5:
            rank = 2 if not _is_upper_heading(_plain(line)) else 1
        last = e0
        j = i + 1
        while j < n:
            _s, e, ln = lines[j]
            st = ln.strip()
            if not st:
                j += 1
                continue
            if rx["row"].match(ln):
                if not table and (is_head(ln) or _INDICATOR_CELL.search(ln)):
                    table_next = j  # a table of targets opens its own list
                    break
                last, j = e, j + 1
                continue
            if table and not rx["row"].match(ln):
                break
            r = _rank(ln)
            p = _plain(ln)
            has_figure = bool(find_measures(ln))
            if r <= 1 or (r < 5 and r <= rank and not rx["head"].search(p)) or _is_upper_heading(p):
                break
            if rx["other"].search(p) and not has_figure:
                break
            if _reported(p) and not has_figure:
                break
            if (r == 5 or r <= rank) and not table and _opens_list(ln) and is_head(ln) and _stands_alone(lines, j):
                break  # another list's head: "Các chỉ tiêu chủ yếu năm 2024 là: ..." opens a list of its own
            if r == 5 and has_figure and not _GROUP_LABEL.match(p) and (_reported(p) or _other_year(p, line)):
                break  # narrative again: "Năm 2024, toàn tỉnh có 12 xã ..., thu ngân sách ước đạt ..."
            words = len(p.split())
            if has_figure and (_GROUP_LABEL.match(p) or max(len(c.split()) for c in p.split(";")) <= _MAX_PROSE_WORDS
                               and p.count(";") >= 2):
                words = 0  # a group of items ("Về xã hội: ...; ...; ..."), however long the line
            if r == 4 or has_figure and (r < 5 or words <= _MAX_PROSE_WORDS):
                last, j = e, j + 1
                continue
            if words <= _MAX_SUBHEAD_WORDS and not p.endswith("."):
                last, j = e, j + 1
                continue
            break
        if table or not _reports(text[s0:last]):
            out.append(TargetList(start=s0, end=last, head=_plain(line), table=table,
                                  under_head=under and not is_head(line)))
        i = max(j, i + 1)
    return out

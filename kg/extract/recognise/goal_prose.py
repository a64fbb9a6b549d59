"""Goals stated in running prose (a news summary of a resolution), where no list or heading says so.

A sentence opened by a goal word carries it over its ";"-separated clauses, each "indicator [verb] value
unit": "Năm 2025, tỉnh phấn đấu tăng trưởng GRDP 8%; thu ngân sách 7.100 tỷ đồng, trong đó thu nội địa
6.450 tỷ đồng; có thêm 9 xã đạt chuẩn nông thôn mới." A sentence right after it in the same paragraph that
says what is to be kept ("Tỷ lệ che phủ rừng duy trì ở mức 47%.") continues it. The period is the one the
opener names, else the year the text last gave its plan or goals ("Nghị quyết về kế hoạch ... năm 2025").

Public API: goal_opener(text, start, end, first) -> Opener | None; carried(text, opener, clause_left,
fig_start) -> bool; keeps_goal(text, para_start, start, clause_left, fig_start) -> bool;
goal_year(text, pos) -> str | None
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .scan import opens_with

# words that open a sentence of goals
_CUE = re.compile(opens_with(
    "pđmc", r"(?<![^\W\d_])(?<!nỗ lực )(?<!sự )(?<!cố gắng )(?:phấn đấu(?!\s*[,.])|(?:đặt|đề ra|đặt ra)\s+(?:các\s+)?mục tiêu"
    r"|(?:mục tiêu|chỉ tiêu)(?:\s+(?:đến\s+|của\s+)?năm\s+(?:19|20)\d\d)?(?:\s+(?:là|đề ra))?\s*[:,])(?![^\W\d_])"),
    re.IGNORECASE,
)
# words that say the text before the first figure reports, not plans
_REPORTED = re.compile(opens_with(
    "ưđkcvls", r"(?<![^\W\d_])(?:ước|đã|đạt được|kết quả|không đạt|chưa đạt|vượt|lũy kế|luỹ kế|so với cùng kỳ)(?![^\W\d_])"),
    re.IGNORECASE,
)
_YEAR = re.compile(opens_with("n", r"(?<![^\W\d_])năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)\d\d)"), re.IGNORECASE)
# a verb of a goal to keep a level: "duy trì ở mức 47%", "giữ vững 100%", "ổn định ở mức"
_KEEP = re.compile(r"(?<![^\W\d_])(?:duy trì|giữ vững|giữ ổn định|ổn định)(?:\s+(?:ở\s+)?mức)?"
                   r"(?:\s+(?:trên|khoảng|từ))?\s*$", re.IGNORECASE)
# the last word of every text `_KEEP` ends: the pattern is tried only when the words before a figure end with one
_KEEP_ENDS = ("trì", "vững", "định", "mức", "trên", "khoảng", "từ")
# where a text gives the year of its plan or goals: "kế hoạch phát triển kinh tế - xã hội năm 2025",
# "mục tiêu năm 2025", "năm 2025, tỉnh phấn đấu"; not a share of a plan ("đạt 104% kế hoạch năm 2024")
_PLAN_YEAR = re.compile(opens_with(
    "knmc", r"(?<!%)(?<!%\s)(?<![^\W\d_])(?:kế hoạch|nhiệm vụ|mục tiêu|chỉ tiêu)(?![^\W\d_])[^.;:\n\d%]{0,60}?"
    r"năm\s+(?P<a>(?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)\d\d)"
    r"|năm\s+(?P<b>(?:19|20)\d\d)\s*,?\s+[^.;:\n\d]{0,30}?(?:phấn đấu|đặt\s+(?:ra\s+)?mục tiêu)"),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Opener:
    start: int  # the goal word
    end: int
    period: str | None  # the year the opener names ("năm 2025 tỉnh phấn đấu")


def goal_opener(text: str, start: int, end: int, first: int) -> Opener | None:
    """The goal word that opens the sentence text[start:end]: before its first figure (at `first`) and its
    first ";", with no reported word before it."""
    semi = text.find(";", start, end)
    stop = min(first, semi) if semi >= 0 else first
    m = _CUE.search(text, start, stop)
    if not m or _REPORTED.search(text, start, m.start()):
        return None
    years = _YEAR.findall(text, start, stop)
    return Opener(m.start(), m.end(), years[-1] if years else None)


def carried(text: str, opener: Opener, clause_left: int, fig_start: int) -> bool:
    """The figure's clause, after the opener's, states no reported word and no year of its own other than the
    opener's: "...; năm 2024 đạt 6.200 tỷ đồng" is a figure of the past."""
    seg = text[clause_left:fig_start]
    if _REPORTED.search(seg):
        return False
    return all(y == opener.period for y in _YEAR.findall(seg))


def keeps_goal(text: str, para_start: int, start: int, clause_left: int, fig_start: int) -> bool:
    """A figure to be kept ("duy trì ở mức 47%") in a sentence that follows, in its paragraph, a sentence
    opened by a goal word."""
    if not _ends_with_keep(text, clause_left, fig_start) or not _KEEP.search(text, clause_left, fig_start):
        return False
    if _REPORTED.search(text, start, fig_start):
        return False
    before = text[para_start:start]
    if "\n" in before.strip("\n "):
        before = before[before.rstrip().rfind("\n") + 1 :]
    last = max(before.rfind(". ", 0, len(before.rstrip()) - 1), -1) + 1
    prev = before[last:]
    m = _CUE.search(prev)
    return bool(m) and not _REPORTED.search(prev, 0, m.start())


def _ends_with_keep(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], white space at its end aside, ends with a word `_KEEP` can end with (asked for
    every figure of a report: the end-anchored pattern would be tried at every position of the clause)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[max(start, end - 8) : end].lower().endswith(_KEEP_ENDS)


def goal_year(text: str, pos: int) -> str | None:
    """The year the text last gave its plan or goals before `pos`."""
    found = None
    for m in _PLAN_YEAR.finditer(text, 0, pos):
        found = m.group("a") or m.group("b")
    return found

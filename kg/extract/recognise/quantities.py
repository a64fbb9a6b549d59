"""Targets (planned figures) and results (reported figures), with Vietnamese number parsing.

Public API: find_quantities(ctx) -> list[Quantity] (category "target" or "result").

How a figure is read, sentence by sentence:
- `numbers.find_measures` gives every number with a unit (ranges, comparators, "% kế hoạch").
- Where the sentence stands decides what a figure can be:
  * a target list (`target_lists`: "Các chỉ tiêu chủ yếu năm 2024 là:", "Dự kiến một số chỉ tiêu", a table
    headed "| Chỉ tiêu | ĐVT | Kế hoạch 2025 |") sets goals in any document, with or without a header; tables
    are read cell by cell (`target_tables`);
  * a planning document (Nghị quyết, Kế hoạch ...): its body sets goals; sections that assess the past
    ("đánh giá", "kết quả thực hiện") are not goals;
  * a report: the part or task section for the next period ("Phần thứ hai / KẾ HOẠCH ... NĂM 2022",
    "NHIỆM VỤ TRỌNG TÂM QUÝ II ...") sets goals; elsewhere only an explicit goal word ("phấn đấu",
    "chỉ tiêu ... là", "với mục tiêu 100%", "(mục tiêu 10-11%)") makes a figure a target.
  * a reported figure ("ước đạt", "đã đạt", "lũy kế", "X, đạt Y% kế hoạch") is never a target, nor is a vote
    ("với 100% đại biểu có mặt tán thành");
  * a plan figure ("¹ Dự toán huyện giao 7.890 triệu đồng", "(kế hoạch năm 2024: 1.200 tấn)") is a target of
    what the figure its footnote mark follows measures; a share a task undertakes to reach by a date after the
    document's own ("bảo đảm giải ngân 100% kế hoạch vốn trước ngày 31/01/2025") is a target, and so is a figure a
    body is given to reach ("giao Sở X chủ trì, ..., bảo đảm thu ... đạt 2.750 tỷ đồng", "Sở Y chịu trách nhiệm
    ... hoàn thành trồng mới 1.200 ha mắc ca trong tháng 11/2024").
- Results: "X ..., đạt Y% kế hoạch/dự toán" is a result with percent_of_plan Y, one per plan when a figure
  states several ("bằng 111,4% dự toán tỉnh giao, bằng 102,6% dự toán thành phố"); a reported figure that
  states no share ("ước tăng 6,18%", "Tỷ lệ ... đạt 93,2%") is a result when its indicator is named in full.
  In a report's own account (not its part on the months ahead, not after an aim word) so are: a count written
  before what it counts ("- 68 hộ nghèo, hộ cận nghèo được hỗ trợ ..., đạt 56,7% kế hoạch": the unit is the
  measure word), a part of a reported whole ("; trong đó khách quốc tế 262 nghìn lượt" -> "Khách du lịch quốc
  tế"), a level raised ("nâng tỷ lệ ... lên 85,7%") and a count a verb was done for ("đào tạo nghề cho 870 người").
- The indicator is the noun phrase the figure measures: the words before it ("Tỷ lệ lao động qua đào tạo
  đạt 60%"), or, when the figure comes first, "Số <unit> <what follows>" ("thêm 10 xã đạt chuẩn ...") or
  "Tỷ lệ <what follows>" ("100% thôn bản có sóng di động"). A figure that continues another borrows its
  indicator: a running total ("lũy kế 5 tháng 2.591 nghìn lượt"), a part ("trong đó xuất khẩu ...", a
  footnote "Trong đó: ..." -> "<whole> - <part>"), a growth right after it (", tăng 7,7%").
- The period comes from the clause ("đến năm 2020", "quý II/2018", "giai đoạn 2021 - 2025"), the start of
  the sentence, the head of the list, the heading of the section, then the document's title.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ..records import Context, Quantity, Section, Sentence
from .goal_prose import carried, goal_opener, goal_year, keeps_goal
from .numbers import Measure, as_quota_share, find_measures
from .scan import opens_with
from .target_lists import TargetList, find_target_lists, head_clause
from .target_tables import read_table

# ---------------------------------------------------------------- reference words
# a crop season: "vụ Xuân", "vụ Đông Xuân", "vụ Hè Thu", "vụ Mùa"
_SEASONS = r"đông\s*[-–]?\s*xuân|xuân\s*[-–]?\s*hè|hè\s*[-–]?\s*thu|thu\s*[-–]?\s*đông|mùa|chiêm|xuân|hè|đông"
_SEASON = rf"vụ\s+(?:{_SEASONS})"
_SEASON_RX = re.compile(opens_with("v", rf"(?<![^\W\d_])vụ\s+({_SEASONS})(?![^\W\d_])"), re.IGNORECASE)
# kinds of document that set goals in their body
PLANNING_KINDS = ("Nghị quyết", "Kế hoạch", "Chương trình", "Chỉ thị", "Quyết định", "Đề án")
# headings of parts that assess the past, inside planning documents
_ASSESS_HEADING = r"đánh giá|kết quả (?:thực hiện|đạt được)|tình hình (?:thực hiện|kinh tế)|kết quả năm"
# headings of a list of targets
_TARGET_LIST_HEADING = r"chỉ tiêu"
# headings of parts that do not set goals (organisation, funding)
_NON_GOAL_HEADING = (
    r"^\W*(?:tổ chức thực hiện|hiệu lực thi hành|điều khoản thi hành"
    r"|(?:nguồn\s+)?kinh phí(?:\s+thực hiện)?(?:\s+và\s+nguồn\s+vốn)?|nguồn\s+vốn(?:\s+thực hiện)?)\W*$"
    # what a support policy pays ("Nội dung và mức hỗ trợ", "Định mức hỗ trợ"): rates, not goals
    r"|^(?!.*(?:mục tiêu|chỉ tiêu)).*(?<![^\W\d_])(?:mức|định mức|nội dung)\s+hỗ trợ(?![^\W\d_])"
)
# words that make the figures after them goals: "phấn đấu", "Thành phố cũng đặt mục tiêu có thêm 03 trường ..."
# ("nhờ sự nỗ lực phấn đấu, năm 2024 thu ... đạt": a noun, not a goal)
_GOAL_WORDS = r"(?<!sự )(?<!nỗ lực )phấn đấu(?!\s*[,.])|(?:đặt|đề ra|đặt ra)\s+(?:các\s+)?mục tiêu"
# words that make a figure a reported one
_RESULT_CUES = (
    r"ước đạt|ước thực hiện|ước tính|ước cả năm|đã đạt|đạt được|lũy kế|luỹ kế|đã thực hiện|thực hiện được|"
    r"đã hoàn thành|đã cấp|đã giải ngân|giải ngân được|so với cùng kỳ năm trước|đã có"
)
# words ending the text before a figure that make that text its label ("Tỷ lệ ... đạt 60%")
_LINK_WORDS = (
    "đạt", "chiếm", "là", "ở mức", "tương đương", "đạt mức", "tăng", "giảm", "tăng thêm",
    "giảm thêm", "lên", "xuống", "còn", "duy trì ở mức", "duy trì",
)
_LINK_ENDS = (":", *{w.split()[-1] for w in _LINK_WORDS})  # what the text ends with when a link word ends it
# filler words trimmed from the edges of a label
_LEAD_FILLERS = (
    "trong đó", "đồng thời", "tuy nhiên", "và", "phấn đấu", "riêng", "cụ thể", "gồm", "bao gồm", "với", "như", "đạt",
)
_TRAIL_FILLERS = (
    "đạt", "chiếm", "là", "ở mức", "tương đương", "được", "có", "có tổng số", "tổng số",
    "đạt mức", "với", "phấn đấu", "đạt được", "và", "của", "cho", "trong", "ước", "của dự án", "để", "nhằm",
    "với mục tiêu", "ước thực hiện", "thực hiện", "ước tính", "duy trì", "duy trì ở mức", "ổn định ở mức",
)
# count figures that are goals only with one of these near them
_COUNT_CUES_BEFORE = ("thêm", "mới", "có", "được", "tổng số", "đạt", "phấn đấu", "xây dựng", "hoàn thành",
                      "hỗ trợ", "công nhận", "đào tạo", "tập huấn", "thành lập", "nâng cấp", "cải tạo")
_COUNT_CUES_AFTER = ("đạt", "thành lập mới", "hoàn thành", "phấn đấu", "được công nhận", "trở lên")
_COUNT_CUE_BEFORE, _COUNT_CUE_AFTER = (
    # any cue, as a whole word
    re.compile(opens_with("".join(sorted({c[0] for c in cues})), rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, cues))})(?![^\W\d_])"))
    for cues in (_COUNT_CUES_BEFORE, _COUNT_CUES_AFTER))
# words right before a count that make it part of a description, not a goal ("cả 3 tiêu chí")
_COUNT_BLOCKERS = ("cả", "của", "đối với", "với", "tại", "thuộc", "gồm", "trong số", "trong")

# words that do not name what is measured
_STOP = frozenset({"đạt", "bằng", "có", "được", "là", "và", "thêm", "trong", "năm", "quý", "tháng", "hết", "đến", "toàn",
                   "tỉnh", "phấn", "đấu", "tổng", "số", "từ", "các", "những"})
_MAX_LABEL_WORDS = 30
_MAX_AFTER_WORDS = 30


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    def alt(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return {
        "assess": re.compile(_ASSESS_HEADING, re.IGNORECASE),
        "target_list": re.compile(_TARGET_LIST_HEADING, re.IGNORECASE),
        "non_goal": re.compile(_NON_GOAL_HEADING, re.IGNORECASE),
        "result": re.compile(opens_with("ưđltgs", rf"(?<![^\W\d_])(?:{_RESULT_CUES})(?![^\W\d_])"), re.IGNORECASE),
        "link_end": re.compile(rf"(?:(?<![^\W\d_])(?:{alt(_LINK_WORDS)})|:)\s*$", re.IGNORECASE),
        "lead": re.compile(
            # "9 tháng, tổng lượt ...": when, not what (before a number marker takes the "9")
            rf"^(?:\d{{1,2}}\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+(?:năm\s+)?\d{{4}})?\s*(?:,|\s(?=[^\W\d_]))"
            rf"|[\s\-+•–,;:.*]+|\(?\d{{1,2}}[.)]?\s+(?=[^\W\d_])|[a-zđ][.)]\s+(?=[^\W\d_])"  # "1.", "a)", "đ."
            rf"|(?:{alt(_LEAD_FILLERS)})(?![^\W\d_])|theo\s[^,;:\d]{{2,80}},"  # "Theo Sở X, ...": the source
            # "Về thu ngân sách, ...", "Trong lĩnh vực nông nghiệp, ...": the field a sentence is about
            r"|(?:về|trong lĩnh vực|ở lĩnh vực|trên lĩnh vực|đối với lĩnh vực)\s[^,;:\d]{2,40},"
            r"|(?:(?:trong|đến|hết|tính đến|riêng)\s+)?(?:năm|quý|tháng)\s+[\dIVX]+(?:/\d{4})?(?:\s+năm\s+\d{4})?"
            r"(?![^\W\d_])|(?:cả|(?:đến\s+)?cuối)\s+năm(?![^\W\d_])(?!\s+\d)"

            rf"|{_SEASON}(?:\s+(?:năm\s+)?\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?(?![^\W\d_]))+",  # "Vụ Xuân năm 2024, tổng diện tích ...": when
            re.IGNORECASE,
        ),
        "lead_after": re.compile(r"^[\s\-+•–,;:.*]+"),
        # ("Kim ngạch xuất khẩu 9 tháng ước đạt ...", "Sản lượng lúa quý III": the period is the figure's, not
        # part of what is measured)
        "trail": re.compile(opens_with(
            r"\s\-–,;:(*\dq" + "".join(sorted({w[0] for w in _TRAIL_FILLERS})),
            # (read in one pass, never undone: a run of marks is read whole, as no filler or period opens with a
            # mark, and a longer filler only joins a shorter one to the fillers after it ("duy trì" + "ở mức"), so
            # what can be read from a place is read in full; backtracking into the repetition would try every way
            # of splitting a run of marks or of fillers, without end on a long one. Nor is it tried again from
            # inside a run of marks, whose start would have matched first: one pass over a long run, not one
            # from each of its marks)
            rf"(?<![\s\-–,;:(*])(?>(?:[\s\-–,;:(*]+|(?<![^\W\d_])(?:{alt(_TRAIL_FILLERS)})"
            r"|(?<=\s)\d{1,2}\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+(?:năm\s+)?\d{4})?"
            r"|(?<=\s)quý\s+(?:IV|III|II|I)(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?)+)$"), re.IGNORECASE),
        "goal_cut": re.compile(opens_with("pđn", rf"(?<![^\W\d_])(?:{_GOAL_WORDS}|để|nhằm)(?![^\W\d_])"), re.IGNORECASE),
        "after_stop": re.compile(opens_with(
            # (a stop mark, white space, a bracket, a comma, or the first letter of "chưa", "không", "đã", "cơ bản",
            # "đạt", "vượt", "hoàn thành")
            r";.!?(,\sckđvh",
            r"[;.!?]|\s(?:để|nhằm|theo quy định|theo|gắn với|trong đó|đồng thời)\s"
            r"|\s*\((?:mục tiêu|kế hoạch|KH|chỉ tiêu|dự toán)(?![^\W\d_])"
            r"|,\s*(?:với\s+)?(?:mức|định mức)(?:\s+hỗ trợ)?(?![^\W\d_])"
            # a comment on the plan, not what is measured: ", chưa đạt kế hoạch", ", vượt kế hoạch năm"
            r"|,?\s*(?:chưa|không|đã|cơ bản)?\s*(?:đạt|vượt|hoàn thành)\s+(?:kế hoạch|chỉ tiêu|mục tiêu)(?![^\W\d_])"
            # a deadline after what is counted: "... cho 1.282 hộ trước ngày 30/9/2025", "... trong Quý III/2025"
            r"|\s(?:trước|chậm nhất|hoàn thành trước|trong)\s+(?:ngày|tháng|quý)\s*(?:\d|[IVX])"
            # where or from what, after the figure: ", chủ yếu tại các xã vùng cao", ", chủ yếu bằng nguồn vốn ..."
            r"|,\s*chủ yếu(?![^\W\d_])"
            # the capital the things counted bring: "3.420 doanh nghiệp thành lập mới với tổng vốn đăng ký ..."
            r"|\s+với\s+(?:tổng\s+)?(?:số\s+)?(?:vốn|kinh phí)(?![^\W\d_])"
            # ", nằm trong khoảng mục tiêu đề ra", ", thấp hơn mục tiêu cả năm"
            r"|,\s*(?:nằm trong|thấp hơn|cao hơn|vượt|sát|gần|tiệm cận)(?:\s+[^\W\d_,;]+){0,3}?\s+(?:mục tiêu|kế hoạch|chỉ tiêu)(?![^\W\d_])"
            r"|\s+và\s+(?:tiếp tục|đẩy mạnh|tăng cường|thực hiện|triển khai|hoàn thành|duy trì|nâng cao)"
            # who directs, after the goal a sentence opens with: "Đối với chỉ tiêu 20 xã ..., Chủ tịch UBND tỉnh giao"
            r"|,\s*(?:đồng chí\s+)?(?:phó\s+)?chủ tịch\s+(?:ubnd|ủy ban|hđnd|hội đồng)(?![^\W\d_])"),
            re.IGNORECASE,
        ),
        "goal_any": re.compile(opens_with("pđncmk", r"phấn đấu|để|nhằm|chỉ tiêu|mục tiêu|kế hoạch"), re.IGNORECASE),
        # "với mục tiêu 100% ...", "chỉ tiêu đến năm 2025 là 95%": the figure is the goal the words name
        "goal_named": re.compile(
            r"(?<![^\W\d_])(?:với\s+(?:mục tiêu|chỉ tiêu)(?:\s+(?:đến\s+)?năm\s+(?:19|20)\d\d)?\s*(?:là|:)?"
            r"|(?:mục tiêu|chỉ tiêu)(?:\s+(?:đến\s+)?năm\s+(?:19|20)\d\d)?\s*(?:là|:))\s*$",
            re.IGNORECASE,
        ),
        "goal_body": re.compile(opens_with("pđ", rf"(?<![^\W\d_])(?:{_GOAL_WORDS})(?![^\W\d_])"), re.IGNORECASE),
        "purpose": re.compile(r"(?<![^\W\d_])(?:để|nhằm)\s*$", re.IGNORECASE),
        "plan_is": re.compile(
            r"(?<![^\W\d_])(?:chỉ tiêu|mục tiêu|kế hoạch)(?:\s+(?:năm|quý|tháng)\s+[\dIVX/]+)?"
            r"(?:\s+(?:được\s+)?(?:giao|đề ra))?\s*(?:là|:)\s*$",
            re.IGNORECASE,
        ),
        # "..., đạt 70,6%", "..., mới đạt 57,3% dự toán", "..., chỉ bằng 45%", "... (đạt 81,2% kế hoạch)"
        "result_link": re.compile(r"^\s*(?:\([^()]*\))?\s*[,;(]?\s*(?:và\s+)?(?:(?:mới|chỉ|mới chỉ|ước|đã)\s+)?(?:đạt|bằng|vượt)\s*$",
                                  re.IGNORECASE),
        # the counted thing named after the figure, then its share: "51.820 ha cây hằng năm, đạt 100,6%"
        "noun_link": re.compile(r"^\s+[^\W\d_][^;()]{0,80}?,\s*(?:đạt|bằng|vượt)\s*$", re.IGNORECASE),
        # the words after one share or comparison up to the next share: "tỉnh giao, bằng"
        "share_link": re.compile(r"^[^;()]{0,50}?,\s*(?:và\s+)?(?:đạt|bằng|vượt)\s*$", re.IGNORECASE),
        # a percent that names nothing after it: "đạt 29,3%, tăng 36,5%" (not "đạt 100% số công trình ...")
        "bare_end": re.compile(r"\s*(?:[,;.)]|$|(?:tăng|giảm|so với|vượt|bằng)(?![^\W\d_]))", re.IGNORECASE),
        "vs_same_any": re.compile(r"so\s+với\s+cùng\s+kỳ", re.IGNORECASE),
        "equal_link": re.compile(r"\s*,?\s*(?:tương đương|tương ứng|với|là)\s*(?:khoảng\s*)?$", re.IGNORECASE),
        "vs_same": re.compile(r"\s*so\s+với\s+(?:cùng\s+kỳ|năm|tháng|quý)", re.IGNORECASE),
        "plan_word": re.compile(opens_with("kd", r"kế hoạch|dự toán"), re.IGNORECASE),
        "period": re.compile(opens_with(
            r"qQtTnNgG\d", r"(?<![^\W\d_])(?:quý|QUÝ)\s+(?P<q>IV|III|II|I|[1-4])(?![^\W\d_])(?:\s*(?:/|năm|NĂM)\s*(?P<qy>(?:19|20)\d\d))?"
            r"|(?<![^\W\d_])(?:tháng|THÁNG)\s+(?P<m>\d{1,2})\s*(?:/|năm|NĂM)\s*(?P<my>(?:19|20)\d\d)"
            r"|(?<![^\W\d_])(?P<n>\d{1,2})\s+(?:tháng|THÁNG)\s+(?:(?:đầu|ĐẦU)\s+)?(?:năm|NĂM)(?:\s+(?P<ny>(?:19|20)\d\d))?"
            r"|(?<![^\W\d_])(?:năm|Năm|NĂM)\s+(?P<y>(?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)\d\d)"
            r"|(?<![^\W\d_])(?:giai đoạn|Giai đoạn|GIAI ĐOẠN|thời kỳ|Thời kỳ|THỜI KỲ)\s+(?:năm\s+)?(?P<g1>(?:19|20)\d\d)\s*[-–]\s*"
            r"(?P<g2>(?:19|20)\d\d)",
        )),
        # a year named as the base of a comparison ("so với năm 2024") is not the period of the figure
        # ("so với cuối năm 2023", "cùng kỳ năm 2023")
        "period_ban": re.compile(r"(?:giai đoạn|năm học|thời kỳ|ngày|(?:so với\s+)?cùng\s+kỳ|so với(?:\s+thời\s+điểm)?(?:\s+(?:cuối|đầu))?)\s*$",
                                 re.IGNORECASE),
        "sent_start_period": re.compile(
            r"[\W\d]{0,4}(?:(?:phấn đấu|trong|đến|hết|riêng|tính đến|trước mắt|cụ thể|mặt khác)\s*,?\s+){0,2}"
            r"(?=(?:năm|quý|tháng)\s)",
            re.IGNORECASE,
        ),
        "words": re.compile(r"[^\W\d_]+", re.UNICODE),
        "part": re.compile(opens_with("t", r"(?<![^\W\d_])trong\s+đó(?![^\W\d_])"), re.IGNORECASE),
        "paren_goal": re.compile(
            r"\(\s*(?P<w>(?:mục tiêu|kế hoạch|KH|chỉ tiêu)(?:\s+(?:cả\s+)?năm)?(?:\s+(?:19|20)\d\d)?)\s*(?:là|:)?\s*$",
            re.IGNORECASE,
        ),
        "cumul": re.compile(opens_with("lct", r"(?<![^\W\d_])(?:lũy kế|luỹ kế|cộng dồn|tính chung|tính từ đầu năm)(?![^\W\d_])"),
                            re.IGNORECASE),
        "period_words": re.compile(
            r"(?<![^\W\d_])(?:(?:trong|đến|hết|tính đến|riêng|của|cả)\s+)?(?:(?:\d{1,2}\s+)?tháng(?:\s+\d{1,2})?"
            r"(?:\s+đầu)?(?:\s+năm)?|quý\s+[IVX\d]+|năm)(?:\s*/?\s*(?:19|20)\d\d)?(?![^\W\d_])",
            re.IGNORECASE,
        ),
        "task_heading": re.compile(
            r"NHIỆM VỤ(?:,| VÀ)? (?:GIẢI PHÁP|TRỌNG TÂM)|Nhiệm vụ(?:,| và)? (?:giải pháp|trọng tâm)|"
            r"PHƯƠNG HƯỚNG,? NHIỆM VỤ|Phương hướng,? nhiệm vụ|KẾ HOẠCH (?:THÁNG|QUÝ|NĂM|PHÁT TRIỂN)|"
            r"MỤC TIÊU,? NHIỆM VỤ|Mục tiêu,? nhiệm vụ"
            # a part of a report that sets its goals: "II. MỤC TIÊU NĂM 2025", "Mục tiêu cụ thể"
            r"|^\W*(?:(?:CÁC|Các)\s+)?(?:MỤC TIÊU|Mục tiêu)(?![^\W\d_])",
        ),
    }


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# ---------------------------------------------------------------- periods
def _period_from_match(m: re.Match, default_year: str | None) -> str | None:
    if m.group("q"):
        y = m.group("qy") or default_year
        return f"{y}-Q{_ROMAN[m.group('q')]}" if y else None
    if m.group("m"):
        return f"{int(m.group('my')):04d}-{int(m.group('m')):02d}"
    if m.group("n"):
        y = m.group("ny") or default_year
        n = int(m.group("n"))
        return f"{y}-01/{y}-{n:02d}" if y and 1 <= n <= 12 else None
    if m.group("y"):
        return m.group("y")
    if m.group("g1"):
        return f"{m.group('g1')}/{m.group('g2')}"
    return None


# the word every period holds (`_rx()["period"]` is written case by case, as is this): most clauses hold none
_PERIOD_WORD = re.compile(r"quý|QUÝ|tháng|THÁNG|năm|Năm|NĂM|giai đoạn|Giai đoạn|GIAI ĐOẠN|thời kỳ|Thời kỳ|THỜI KỲ")


def _periods_in(text: str, start: int, end: int, default_year: str | None) -> list[tuple[int, str]]:
    rx = _rx()
    out = []
    if not _PERIOD_WORD.search(text, start, end):
        return out
    for m in rx["period"].finditer(text, start, end):
        if rx["period_ban"].search(text, max(0, m.start() - 30), m.start()):
            continue
        p = _period_from_match(m, default_year)
        if p:
            out.append((m.start(), p))
    return out


def _year_of(period: str | None) -> str | None:
    return period[:4] if period else None


def _news_headline(ctx: Context) -> str:
    """A news item's first line when the document has no header of its own: it says what the item reports on
    ("Lào Cai: kinh tế quý I/2025 tăng trưởng khá"). Only a period it states is used, never the item's date."""
    if ctx.header.kind or ctx.header.title or not _headline(ctx.text, len(ctx.text) - len(ctx.text.lstrip())):
        return ""
    return ctx.text.lstrip().split("\n", 1)[0].strip(" #*")


# a news item's dateline: "(Nghệ An, 10/12/2024)", "*Thứ Tư, 18/12/2024 - 16:40*", "Chiều 03/10/2024, UBND tỉnh ..."
_DATELINE = re.compile(r"(?<![\d/])(?:[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")


def _dateline(text: str) -> tuple[int, str] | None:
    """(month, year) of the first full date in a news item's opening lines."""
    m = _DATELINE.search(text, 0, min(len(text), 600))
    return (int(m.group("m")), m.group("y")) if m else None


def _title_period(ctx: Context) -> str | None:
    title = ctx.header.title or ""
    headline = _news_headline(ctx)
    if headline:
        # the period of what the item reports: before the plan it may go on to announce ("HĐND tỉnh thông qua
        # Nghị quyết về kế hoạch ... năm 2025" reports on no 2025 results); a period with no year of its own ("Kinh
        # tế 9 tháng tiếp tục tăng trưởng") is of the year the item is dated, and so is an item whose headline
        # names none, unless it is dated in the first two months (then it looks back on the year before)
        cut = re.search(r"kế hoạch|nhiệm vụ|phương hướng|mục tiêu|chỉ tiêu năm", headline, re.IGNORECASE)
        head = headline[: cut.start()] if cut else headline
        dated = _dateline(ctx.text)
        ps = _periods_in(head, 0, len(head), dated[1] if dated else None)
        if ps:
            return max(ps, key=lambda x: (len(x[1]), x[0]))[1]
        return dated[1] if dated and dated[0] >= 3 else None
    return title_period(title, ctx.header.date[:4] if ctx.header.date else None)


# what a title cites is not what it reports on: a date ("ngày 15/12/2023", "ngày 08 tháng 12 năm 2023") and a
# document number ("15/2021/NQ-HĐND") name the year a resolution was passed, not the year of the figures
_TITLE_CITED = re.compile(
    r"(?<!\d)\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d(?!\d)"
    r"|(?<![^\W\d_])ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d"
    r"|(?<!\d)\d+\s*/\s*(?:19|20)\d\d\s*/\s*[^\W\d_]",
    re.IGNORECASE,
)
# the part of a title that looks ahead: "...; nhiệm vụ, giải pháp 6 tháng cuối năm", ", nhiệm vụ trọng tâm quý II",
# "... và phương hướng năm 2025" (not the subject of a report: "Tình hình thực hiện nhiệm vụ phát triển ...")
_TITLE_AHEAD = re.compile(r"(?:[;,]\s*|\s(?:và|;)\s+)(?:mục tiêu|nhiệm vụ|phương hướng|giải pháp|kế hoạch)(?![^\W\d_])",
                          re.IGNORECASE)


def title_period(title: str | None, fallback_year: str | None = None) -> str | None:
    """The period a report's or a plan's title speaks of: its most specific period before the part that looks
    ahead ("Tình hình ... 6 tháng đầu năm; nhiệm vụ, giải pháp 6 tháng cuối năm 2024" -> 2024-01/2024-06), a
    period without a year of its own taking the title's year (never that of a date or a number it cites), else
    that year, else `fallback_year` (the document's date)."""
    title = _TITLE_CITED.sub(" ", title or "")
    cut = _TITLE_AHEAD.search(title)
    head = title[: cut.start()] if cut else title
    m = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", title)
    year = m.group(0) if m else fallback_year
    ps = _periods_in(head, 0, len(head), year)
    if not ps:
        return year
    # the most specific period of the title: a quarter or month over a year
    ps.sort(key=lambda x: (len(x[1]), x[0]))
    return ps[-1][1]


# ---------------------------------------------------------------- labels
def _words(s: str) -> list[str]:
    return s.split()


@lru_cache(maxsize=8192)
def _content_count(s: str) -> int:
    rx = _rx()
    return sum(1 for w in rx["words"].findall(s.lower()) if w not in _STOP and w.strip("ivx"))


@lru_cache(maxsize=8192)
def _clean_label(s: str, lead: str = "lead") -> str:
    rx = _rx()
    s = " ".join(s.split())
    prev = None
    while prev != s:
        prev = s
        s = rx[lead].sub("", s).strip()
        if _may_trail(s):
            s = rx["trail"].sub("", s).strip()
    s = s.strip(" ,;:-–(")
    if s.count("(") > s.count(")"):
        s = s[: s.rfind("(")].strip() if s.rfind("(") > 0 else s.replace("(", "")
    if s.count(")") > s.count("("):
        s = s.replace(")", "")
    return s[:1].upper() + s[1:] if s else s


# how the text ends when `_rx()["trail"]` can strip something from it: a mark, a digit (a year), the last word of a
# filler, of "tháng" or of "năm"; or it holds "quý" (a quarter ends in its numeral), or an odd letter (`_odd_folds`)
_TRAIL_MARKS = frozenset("-–,;:(*")
_TRAIL_ENDS = tuple({w.split()[-1] for w in _TRAIL_FILLERS} | {"tháng", "năm"})


def _may_trail(s: str) -> bool:
    """Whether a trailing filler or period may end `s` (a cheap test before the pattern, which is tried at every
    position of the text)."""
    if not s or s[-1].isdigit() or s[-1].isspace() or s[-1] in _TRAIL_MARKS:
        return bool(s)
    return s.lower().endswith(_TRAIL_ENDS) or "quý" in s.lower() or _odd_folds(s)


def _limit_words(s: str, n: int) -> str:
    """The end of s, at most n words, cut at a comma when possible."""
    ws = s.split()
    if len(ws) <= n:
        return s
    segs = s.split(",")
    out = ""
    for seg in reversed(segs):
        cand = seg + ("," + out if out else "")
        if len(cand.split()) > n:
            break
        out = cand
    if not out.strip():
        last = segs[-1]
        out = last if len(last.split()) <= n + 8 else " ".join(ws[-n:])
    return out


# a group label before a colon names a group of indicators, not one: "Về xã hội:", "- Các chỉ tiêu về môi trường:"
_GROUP_HEAD = re.compile(
    r"(?:về|(?:(?:các|nhóm|một số)\s+)*chỉ tiêu)(?![^\W\d_])|(?:(?:lĩnh vực|nhóm)\s+)?(?:kinh tế|xã hội|môi trường|"
    r"văn hóa(?:\s*[-–,]\s*xã hội)?|văn hoá(?:\s*[-–,]\s*xã hội)?|quốc phòng(?:\s*[-–,]\s*an ninh)?|an ninh)$",
    re.IGNORECASE,
)


def _line_break(raw: str) -> int:
    """The last line break of `raw` that ends a line of its own, not one a hard-wrapped sentence runs over
    ("... tỷ lệ dân số tham gia\nbảo hiểm y tế 93,2%": a word, the break, a word in lower case)."""
    at = raw.rfind("\n")
    while at > 0 and raw[at - 1].isalpha() and raw[at + 1 : at + 2].islower():
        at = raw.rfind("\n", 0, at)
    return at


# words each match of a pattern holds, looked for (in the words lowered) before the pattern is tried over the words
# before every figure: most hold none
_GOAL_CUT_WORDS = ("phấn đấu", "mục tiêu", "để", "nhằm")  # of rx["goal_cut"]
_VERDICT_WORDS = ("kết quả", "chuyển biến", "bước", "khởi sắc", "điểm sáng")  # of _VERDICT
_GOAL_ANY_WORDS = ("phấn đấu", "để", "nhằm", "chỉ tiêu", "mục tiêu", "kế hoạch")  # of rx["goal_any"]
_SUPPORT_WORDS = ("hỗ trợ", "định mức", "mức chi", "thưởng", "trợ cấp", "trợ giúp", "bồi thường")  # of _SUPPORT
_CUMUL_WORDS = ("kế", "cộng dồn", "tính chung", "tính từ đầu năm")  # of rx["cumul"] ("lũy kế", "luỹ kế")


def _holds_any(s: str, words: tuple[str, ...]) -> bool:
    low = s.lower()
    return any(w in low for w in words) or _odd_folds(s)


def _odd_folds(s: str) -> bool:
    """Whether `s` holds a letter a pattern ignoring case takes for another that lower() does not give ("ı", "İ" for
    "i", "ſ" for "s"): the tests on lowered words above and below then leave the answer to the pattern."""
    return "ı" in s or "İ" in s or "ſ" in s


def _ends_with_link(tail: str) -> bool:
    """Whether a link word (or a colon) ends `tail` (white space stripped on its right)."""
    # (the end-anchored pattern tries every position of the text: it is tried only when the last word of a link word
    # ends the text, and first over the text's last 40 characters, where such a link word starts unless long white
    # space stands between its words)
    if not tail[-12:].lower().endswith(_LINK_ENDS):
        return False
    link_end = _rx()["link_end"]
    return bool(link_end.search(tail, max(0, len(tail) - 40)) or len(tail) > 40 and link_end.search(tail))


def _before_text(text: str, left: int, m: Measure, after_figure: bool,
                 head_only: bool = False) -> tuple[str, str | None, bool, int]:
    """(label before the figure, short heading before a colon, whether it ends in a link word, where the
    label's text starts). after_figure: another figure comes before in the sentence, so the words before
    the last comma belong to it ("10 xã đạt chuẩn, 05 xã ..."). head_only: only the heading is wanted (of a
    share of a plan, whose words are read with the figure it is a share of): ("", heading, False, left)."""
    rx = _rx()
    raw = text[left : m.start]
    semi = max(raw.rfind(";"), _line_break(raw))
    if after_figure and semi < 0:
        semi = raw.rfind(",")
    if after_figure and semi < 0:  # "12 xã đạt chuẩn ... và 05 xã ...": the words before "và" end the first
        semi = max((a.end() - 1 for a in re.finditer(r"\svà\s", raw)), default=-1)
    if semi >= 0:
        left += semi + 1
        raw = raw[semi + 1 :]
    head = None
    if ":" in raw:
        h, t = raw.rsplit(":", 1)
        hs = _clean_label(h)
        if _content_count(t) >= 1 or _GROUP_HEAD.match(hs):
            if (_SPENT.fullmatch(_clean_label(t)) and _content_count(hs) >= 2 and not re.search(r"\d", hs)
                    and not _CLAUSE_VERB.search(hs)):
                # "- Nguồn vốn ngân sách tỉnh hỗ trợ: giải ngân 41,2 tỷ đồng": the action names no object, the
                # words before the colon are what it was done to
                raw = f"{_clean_label(t)} {_lc(hs)}"
            else:
                if hs and len(hs.split()) <= 6 and not _GROUP_HEAD.match(hs):
                    head = hs
                else:
                    left += len(h) + 1
                raw = t
        # else: "Tốc độ tăng trưởng kinh tế (GRDP): 7 - 7,5%" keeps the words before the colon
    if head_only:
        return "", head, False, left
    tail = raw.rstrip()
    linked = _ends_with_link(tail)
    # cut the imperative before the goal: "Thực hiện ..., phấn đấu trong quý II thu ngân sách đạt"
    cuts = list(rx["goal_cut"].finditer(raw)) if _holds_any(raw, _GOAL_CUT_WORDS) else None
    if cuts:
        rest = raw[cuts[-1].end() :]
        if _content_count(_clean_label(rest)) >= 2:
            left += cuts[-1].start()
            raw = rest
    # a clause that judges before the figure's own: "Công tác giảm nghèo đạt kết quả tích cực, tỷ lệ hộ nghèo giảm"
    verdict = None
    for verdict in _VERDICT.finditer(raw) if _holds_any(raw, _VERDICT_WORDS) else ():
        pass
    if verdict is not None:
        comma = raw.find(",", verdict.end())
        if comma >= 0 and _content_count(_clean_label(raw[comma + 1 :])) >= 2:
            left += comma + 1
            raw = raw[comma + 1 :]
    # "Tại thị xã Ninh Hòa, thu ngân sách nhà nước ... được 610 tỷ đồng": the place the figure is of goes after
    # what it measures ("Thu ngân sách nhà nước thị xã Ninh Hòa")
    at = _AT_PLACE.match(raw)
    if at and _content_count(_clean_label(at.group("rest"))) >= 2:
        raw = f"{_clean_label(at.group('rest'))} {at.group('place')}"
    # "còn 02 chỉ tiêu không đạt là tỷ lệ dân số tham gia bảo hiểm y tế (ước 92,6%", "còn 3 chỉ tiêu chưa đạt, trong
    # đó tỷ lệ ...": the indicator named after "là"
    named = _NAMED_AFTER.search(raw) if "tiêu" in raw.lower() else None  # ("chỉ tiêu", "tiêu chí")
    if named and _content_count(_clean_label(raw[named.end() :])) >= 2:
        left += named.end()
        raw = raw[named.end() :]
    limited = _limit_words(raw, _MAX_LABEL_WORDS)
    left += len(raw) - len(limited)
    return _clean_label(limited), head, linked, left


_AT_PLACE = re.compile(r"[\s\-+•–*]*(?:\d{1,2}[.)]\s+)?(?:tại|riêng|ở)\s+(?P<place>(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s+"
                       r"(?-i:[A-ZĐ])[^\W\d_]*(?:\s+(?-i:[A-ZĐ])[^\W\d_]*)*)\s*,\s*(?P<rest>[^\W\d_].*)$",
                       re.IGNORECASE | re.DOTALL)
_NAMED_AFTER = re.compile(opens_with("ct", r"(?<![^\W\d_])(?:chỉ tiêu|tiêu chí)(?![^\W\d_])[^,;:()\d]{0,40}?"
                                      r"(?:\s(?:là|gồm)|,?\s+trong đó)\s+"), re.IGNORECASE)


# an action on money or land that needs its object named: "giải ngân", "thu", "chi", "trồng"
_SPENT = re.compile(r"(?:giải ngân|thu|chi|trồng|trồng mới|thanh toán)(?:\s+được)?", re.IGNORECASE)
# a clause, not a name, before the colon: "Công tác trồng rừng được triển khai sớm: đã trồng mới ..."
_CLAUSE_VERB = re.compile(opens_with("đslct", r"(?<![^\W\d_])(?:được|đã|sẽ|đang|là|có|đạt|tiếp tục)(?![^\W\d_])"),
                          re.IGNORECASE)


# a judgement that makes a clause of its own: "đạt kết quả tích cực", "có chuyển biến rõ nét", "tiếp tục khởi sắc"
_VERDICT = re.compile(opens_with("đcmtkl", r"(?<![^\W\d_])(?:(?:đạt|có|mang lại)\s+(?:nhiều\s+)?(?:kết quả|chuyển biến|bước tiến|bước chuyển)"
                      r"|(?:tiếp tục\s+)?(?:khởi sắc|là điểm sáng))(?![^\W\d_])"), re.IGNORECASE)


# places named in brackets after what a figure counts: "02 xã đạt chuẩn ... (Tân Hòa, Phú Lợi)", "(xã Đại Lào)"
_PLACE_NAMES = re.compile(
    r"\s*\((?:(?:xã|phường|thị trấn|thôn|bản|huyện|thị xã|thành phố)\s+)?[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)*"
    r"(?:\s*(?:,|và)\s*(?:(?:xã|phường|thị trấn|thôn|bản|huyện|thị xã|thành phố)\s+)?[A-ZĐ][^\W\d_]*"
    r"(?:\s+[A-ZĐ][^\W\d_]*)*)*\)"
)


# what the words after a figure hold when `_rx()["after_stop"]` can match them: a mark, or a word of one of its
# alternatives (it is tried at every white space; most of these words hold none of them)
_STOP_MARKS = ";.!?(,"
_STOP_WORDS = ("để", "nhằm", "theo", "gắn với", "trong đó", "đồng thời", "kế hoạch", "tiêu", "ngày", "tháng", "quý",
               "vốn", "kinh phí", "và")


def _may_stop(seg: str) -> bool:
    return any(c in seg for c in _STOP_MARKS) or _holds_any(seg, _STOP_WORDS)


# "là" opening the words after a figure
_IS_FIRST = re.compile(r"\s*là\s+")


def _after_text(text: str, m: Measure, stop: int, next_in_clause: bool) -> str:
    rx = _rx()
    seg = text[m.end : stop]
    if (m.unit and seg.lstrip().startswith("/")  # (a pattern made of the unit is compiled only then)
            and re.match(rf"\s*/\s*\d[\d.,]*\s*{re.escape(m.unit)}(?![^\W\d_])", seg)):
        return ""  # "4.120 ha/5.000 ha kế hoạch": the plan the figure is written over, not what it measures
    if m.kind == "count" and "(" in seg:  # the places are not part of what is counted
        seg = _PLACE_NAMES.sub("", seg)
    sm = rx["after_stop"].search(seg) if _may_stop(seg) else None
    if sm:
        seg = seg[: sm.start()]
    if next_in_clause:
        c = seg.find(",")
        if c >= 0:
            seg = seg[:c]
        v = seg.rfind(" và ")
        if v >= 0 and c < 0:  # "200 ha cà phê và thành lập mới 60 doanh nghiệp": the words after "và" lead to the
            seg = seg[:v]  # next figure (not when a comma comes first: "... hàng hóa và doanh thu dịch vụ, bằng 24%")
    # "28.650 tỷ đồng là tổng mức bán lẻ ...": the figure first, then what it is
    first = _IS_FIRST.match(seg)
    if first:
        seg = " " + seg[first.end() :]
    ws = seg.split()
    if len(ws) > _MAX_AFTER_WORDS:
        seg = " ".join(ws[:_MAX_AFTER_WORDS])
    return _clean_label(seg, "lead_after").rstrip(",")


def _lc(s: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("OCOP", "GRDP")."""
    w = s.split(" ", 1)[0]
    return s if len(w) > 1 and w[1:2].isupper() else s[:1].lower() + s[1:]


@lru_cache(maxsize=4096)  # asked up to twice for a figure
def _short(before: str) -> str:
    """The verb phrase right before a figure: its last comma segment, at most 12 words; two segments when the
    last is too short to say anything ("cấp cho hộ gia đình, cá nhân được")."""
    cut = list(_rx()["goal_cut"].finditer(before))
    if cut and before[cut[-1].end():].strip():  # "thành phố cũng đặt mục tiêu có thêm": the verb after the goal word
        before = before[cut[-1].end():]
    parts = before.rsplit(",", 2)
    seg = parts[-1].strip()
    # a segment too short to say anything, or one that goes on a list of the same nouns ("xóa nhà tạm, nhà dột
    # nát": the head noun repeated) belongs with the one before it
    first = seg.split(" ", 1)[0].lower() if seg else ""
    if len(parts) > 1 and (_content_count(seg) < 3 or first and first in parts[-2].lower().split()
                           or _WORKS_END.search(parts[-2]) and _WORKS_START.match(seg)):
        # (two works done to one object: "hỗ trợ xây dựng, sửa chữa nhà ở cho 1.200 hộ")
        seg = f"{parts[-2].strip()}, {seg}"
    seg = " ".join(seg.split()[-12:])
    # the place that did it is no part of what was done: "Năm 2024, huyện giải quyết việc làm cho ..."
    seg = _PLACE_SUBJECT.sub("", seg, count=1)
    return _clean_label(seg)


# works done to a building or a road, several of them sharing one object ("xây mới, sửa chữa nhà ở")
_WORKS = r"(?:xây\s+dựng|xây\s+mới|sửa\s+chữa|cải\s+tạo|nâng\s+cấp|duy\s+tu|bảo\s+dưỡng|chỉnh\s+trang|lát\s+mới|cứng\s+hóa|làm\s+mới|mở\s+rộng)"
_WORKS_END = re.compile(rf"(?<![^\W\d_]){_WORKS}\s*$", re.IGNORECASE)
_WORKS_START = re.compile(rf"\s*{_WORKS}(?![^\W\d_])", re.IGNORECASE)


# (the unit alone, the document's own: "huyện giải quyết ..."; a named one, "thành phố Sơn La có thêm ...", is
# another place's figure and keeps its name)
_PLACE_SUBJECT = re.compile(r"^(?:toàn\s+)?(?:tỉnh|huyện|thành phố|thị xã|xã|phường|thị trấn)\s+(?:đã\s+)?"
                            r"(?=(?-i:[a-zđà-ỹ])[^\W\d_]*\s+\S)", re.IGNORECASE)


_QUANTITY_NOUN = re.compile(
    r"(?:tổng số|tổng lượng|tổng lượt|số lượng|số lượt|sản lượng|lượng|tổng)(?![^\W\d_])", re.IGNORECASE
)
_TAIL_PERIOD = re.compile(r"(?<!so với)(?<!so với cuối)(?<!so với đầu)(?<!thời điểm)(?<!thời điểm cuối)(?:\s+(?:vào|đến|trong|tính đến|cuối|hết)?\s*(?:năm\s+(?:19|20)\d\d"
                          r"|giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)|\s+trong\s+năm)$", re.IGNORECASE)
_DIMENSION = re.compile(r"(?:tổng\s+)?(?:diện tích|số lượng|giá trị|kinh phí|vốn|số tiền|sản lượng|công suất)",
                        re.IGNORECASE)
_AVERAGE = re.compile(r"(?:bình quân|trung bình)(?:\s+(?:mỗi|hằng|hàng)\s+năm)?", re.IGNORECASE)
_CHANGE_ONLY = re.compile(r"(?:tăng|giảm)(?:\s+thêm)?", re.IGNORECASE)
_GROWTH = re.compile(r"\s(?:ước\s+)?(tăng|giảm)(?:\s+(?:khoảng|thêm))?\s*$", re.IGNORECASE)
# verbs whose object is what a count counts: "hỗ trợ 150 chủ thể", "công nhận mới 45 sản phẩm"
_DONE_TO = re.compile(r"(?:hỗ trợ|công nhận(?: mới)?|đào tạo(?: nghề)?|tập huấn|cấp(?: mới)?|xây dựng(?: mới)?|"
                      r"nâng cấp|cải tạo|thành lập(?: mới)?|kiểm tra|đánh giá,? phân hạng|giải quyết việc làm(?: mới)?)",
                      re.IGNORECASE)
_VERB_START = re.compile(
    r"(?<![^\W\d_])(?:đưa|xây dựng|tham gia|đạt|có|thực hiện|áp dụng|ứng dụng|chuyển đổi|phát triển|sản xuất|"
    r"tiêu thụ|tiếp cận|vay|làm|mở rộng|liên kết|hoàn thành|đổi mới|nâng cao|để|nhằm|với|theo|cho|vào|lên)"
    r"(?![^\W\d_])", re.IGNORECASE)
_QUALIFIER = re.compile(r"(?:thuộc|của|tại|ở|trên địa bàn)(?![^\W\d_])", re.IGNORECASE)
_RATE_NOUN = re.compile(r"(?:tỷ lệ|tỷ trọng|tốc độ|chỉ số|mức|giảm|tăng)(?![^\W\d_])", re.IGNORECASE)


_PART_OF_WHOLE = re.compile(r"(?i)(?:tỷ trọng|tỉ trọng|cơ cấu|trong đó|riêng|còn lại)(?![^\W\d_])")
_PLACE_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|thôn|bản|ấp|tổ)(?![^\W\d_])")


def _topic_head(head: str, label: str) -> bool:
    """'Thu, chi ngân sách: tổng thu ngân sách nhà nước ...', 'Du lịch: lượng khách ...': a run-in heading names the
    field, the words after the colon the whole indicator. A head that names a place or a body ('Huyện A: thu ngân
    sách ...') or a whole the label is a part of ('Cơ cấu kinh tế: tỷ trọng dịch vụ') stays."""
    return (_content_count(label) >= 3 and not _PART_OF_WHOLE.match(label) and not _PART_OF_WHOLE.match(head)
            and not _PLACE_WORD.search(head)
            and not any(w[:1].isupper() for w in head.split()[1:]) and not re.search(r"\d", head))


@lru_cache(maxsize=1024)
def _unit_words(unit: str) -> tuple[str, ...]:
    """The words of a unit without its magnitude ("lượt khách" of "nghìn lượt khách")."""
    return tuple(w for w in unit.split() if w.lower() not in ("nghìn", "ngàn", "triệu", "tỷ", "trăm"))


def _indicator(m: Measure, before: str, head: str | None, linked: bool, after: str, inherited: str | None) -> str:
    base_unit = m.unit.split("/")[0]
    unit_words = _unit_words(base_unit)
    share = m.kind == "percent" and after and not m.plan_share and not re.match(r"so\s+với", after, re.IGNORECASE)
    growth = (_GROWTH.search(before) if m.kind == "percent" and not m.plan_share
              and before.rstrip().lower().endswith(("tăng", "giảm", "khoảng", "thêm")) else None)
    if linked and growth and _content_count(before[: growth.start()]) >= 1 and not _RATE_NOUN.match(before):
        # "Kim ngạch xuất khẩu ước tăng 7,7%": the rate of growth of what is named
        core = _strip_period(before[: growth.start()])
        if re.match(r"(?i)tốc độ\s", core):  # "tốc độ tăng trưởng GRDP ước tăng 7,05%" names its rate already
            label = core
        else:
            label = ("Tốc độ tăng " if growth.group(1).lower() == "tăng" else "Mức giảm ") + _lc(core)
        if after:
            label = f"{label} {_lc(after)}"
    elif m.kind == "count" and unit_words and _CHANGE_ONLY.fullmatch(before.strip()):
        label = f"{before.strip()} số {' '.join(unit_words)}"  # "Giảm 320 hộ nghèo": the number of poor households
    elif linked and _content_count(before) >= 1:
        label = before
        if share and not re.match(r"(?:tỷ lệ|tỷ trọng|tốc độ)", before, re.IGNORECASE):
            label = f"Tỷ lệ {_lc(after)} ({_lc(_short(before))})"
        elif after and m.kind in ("percent", "measure") and not m.plan_share:
            label = f"{label} {_lc(after)}"
    elif m.kind == "count" and _QUANTITY_NOUN.match(before) and _content_count(before) >= 2:
        label = before  # "Tổng lượng khách du lịch ước đạt 1.850 nghìn lượt" names what it counts
    elif m.kind == "count" and unit_words:
        noun = " ".join(unit_words)
        if "/" in m.unit:
            label = f"Số {noun} trên {m.unit.split('/', 1)[1]}"
        else:
            verb = _short(before)
            rest = _TAIL_PERIOD.sub("", f" {after}").strip() if after else after
            if verb and _DONE_TO.fullmatch(verb):
                # "Hỗ trợ 150 chủ thể OCOP đưa sản phẩm lên sàn ...": what is counted is what the verb is done to
                # the words that qualify the thing stand before the verb ("lao động nông thôn được đào tạo
                # nghề"), what it is done for after ("chủ thể OCOP được hỗ trợ đưa sản phẩm lên sàn")
                v = _VERB_START.search(rest)
                named, tail = (rest[: v.start()].strip(), rest[v.start():].strip()) if v else (rest, "")
                if len(named.split()) > 2 and not _QUALIFIER.match(named):
                    # more than a qualifier ("nông thôn", "thuộc lĩnh vực nông nghiệp"): a verb phrase ("cải tạo nhà ở")
                    named, tail = "", rest
                label = " ".join(w for w in (f"Số {noun}", _lc(named), f"được {_lc(verb)}", _lc(tail)) if w)
            else:
                # "đón 1,3 triệu lượt khách du lịch trong năm 2024": the year is the period, not the indicator's
                label = f"Số {noun}" + (f" {_lc(rest)}" if rest else "")
                if verb and not rest and _RECEPTION.fullmatch(verb) and head and _TOURISM.search(head):
                    # "Du lịch: quý I đón 412 nghìn lượt khách": the heading says whose visits they are
                    label += " du lịch"
                if verb:
                    label += f" ({_lc(verb)})"
    elif share:
        label = f"Tỷ lệ {_lc(after)}"
        if _short(before):
            label += f" ({_lc(_short(before))})"
    else:
        label = before
        if after and not m.plan_share:
            label = f"{label} {_lc(after)}".strip()
        if m.kind == "duration" and label:
            label = f"Thời hạn {_lc(label)}"
    if _content_count(label) < 1:
        label = inherited or ""
    if not label:
        return ""
    if m.plan_share:
        label = f"{label} so với {m.unit[1:].strip()}"
    if head and not label.lower().startswith(head.lower()) and not _topic_head(head, label):
        label = f"{head}: {_lc(label)}"
    if _DIMENSION.fullmatch(label) and inherited:
        label = f"{label} ({_lc(inherited)})"  # "..., diện tích 17,4 ha": the area of what the figure before counts
    if label.removesuffix("\n")[-1:].isdigit() or label.endswith("năm"):  # the pattern ends with a year or "trong năm"
        label = _TAIL_PERIOD.sub("", label) or label  # "Tỷ lệ che phủ rừng vào năm 2025": the year is the period
    if _AVERAGE.fullmatch(label) and inherited:
        label = f"{inherited} {_lc(label)}"  # "..., bình quân 2.400 ha/năm"
    return label[:1].upper() + label[1:]


# ---------------------------------------------------------------- where a sentence stands
_RESOLVES = re.compile(r"QUYẾT NGHỊ")
_ARTICLE_ONE = re.compile(r"Điều 1\.")


def _first_article(text: str) -> re.Match | None:
    """re.search(r"^\\s*Điều 1\\.", text, re.MULTILINE) without trying each position: the first "Điều 1." with only
    white space between it and the start of its line (the match starts at a line start, but only its end is used)."""
    for m in _ARTICLE_ONE.finditer(text):
        if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            return m
    return None


class _Layout:
    """What each part of the document is: task sections, target lists, assessment parts."""

    def __init__(self, ctx: Context):
        rx = _rx()
        self.ctx = ctx
        kind = ctx.header.kind or ""
        self.planning = kind in PLANNING_KINDS
        self.sections = [_with_heading(ctx.text, s) for s in ctx.sections if s.level < 6]
        self._by_start = None
        self._enclosing: dict[int, tuple[Section, ...]] = {}
        self._swept, self._opened, self._open = -1, 0, []  # the sweep over the sections: see `_sweep_to`
        self.tasks: list[tuple[int, int, str | None]] = []
        for s in self.sections:
            if (s.level <= 2 and len(s.heading.split()) <= 16 and rx["task_heading"].search(s.heading)
                    and not rx["assess"].search(s.heading)):
                self.tasks.append((s.start, s.end, _heading_period(s.heading, None)))
        self.title_period = _title_period(ctx)
        year = _year_of(self.title_period) or (ctx.header.date[:4] if ctx.header.date else None)
        self.year = year
        self.lists: list[tuple[TargetList, str | None]] = [
            (tl, _list_period(tl.head.split(":")[0], year)) for tl in find_target_lists(ctx.text, ctx.running_end)
        ]
        self.body_start = 0
        # where a resolution's own body starts: "QUYẾT NGHỊ", else its first article (looked for one at a time: the
        # literal alone is found fast)
        head = ctx.text[: ctx.running_end]
        found = [m for m in (_RESOLVES.search(head), _first_article(head)) if m]
        if found:
            self.body_start = min(found, key=lambda m: m.start()).end()

    def enclosing(self, pos: int) -> tuple[Section, ...]:
        """Sections containing `pos`, in document order. Kept per position: a sentence's start is asked for its
        mode, its place in a report and its context. Positions asked in the order of the text (the sentences')
        are read in one sweep over the sections; one asked out of order walks back from the last section opened at
        or before it while an earlier one still reaches it (linear scans made long documents quadratic)."""
        found = self._enclosing.get(pos)
        if found is None:
            self._index_starts()
            found = self._sweep_to(pos) if pos >= self._swept else self._find_enclosing(pos)
            self._enclosing[pos] = found
        return found

    def _index_starts(self) -> None:
        if self._by_start is None:
            self._by_start = sorted(range(len(self.sections)), key=lambda i: self.sections[i].start)
            self._starts = [self.sections[i].start for i in self._by_start]
            self._reach, far = [], -1  # furthest end among the sections opened so far
            for i in self._by_start:
                far = max(far, self.sections[i].end)
                self._reach.append(far)

    def _sweep_to(self, pos: int) -> tuple[Section, ...]:
        """The sections containing `pos`, no earlier than the last position swept: those opened since are added,
        those ended by now dropped (a section ended before an earlier position has ended before this one)."""
        while self._opened < len(self._by_start) and self._starts[self._opened] <= pos:
            self._open.append(self._by_start[self._opened])
            self._opened += 1
        self._open = [i for i in self._open if self.sections[i].end > pos]
        self._swept = pos
        return tuple(self.sections[i] for i in sorted(self._open))

    def _find_enclosing(self, pos: int) -> tuple[Section, ...]:
        j = bisect.bisect_right(self._starts, pos) - 1
        found = []
        while j >= 0 and self._reach[j] > pos:
            i = self._by_start[j]
            if self.sections[i].end > pos:
                found.append(i)
            j -= 1
        return tuple(self.sections[i] for i in sorted(found))

    def list_at(self, pos: int) -> tuple[TargetList, str | None] | None:
        for tl in self.lists:
            if tl[0].start <= pos < tl[0].end:
                return tl
        return None

    def period_after_list(self, pos: int) -> str | None:
        """The period of a list of goals that ends right before `pos` (the paragraph after it, no heading
        between): "Huyện phấn đấu có thêm 2 xã ..." after "các chỉ tiêu chủ yếu năm 2025 của huyện là: ..."."""
        for tl, period in reversed(self.lists):
            if tl.end <= pos:
                gap = self.ctx.text[tl.end : pos]
                return period if len(gap) <= 300 and gap.count("\n\n") <= 1 and gap.count("\n") <= 2 else None
        return None

    def task_at(self, pos: int) -> tuple[int, int, str | None] | None:
        for t in self.tasks:
            if t[0] <= pos < t[1]:
                return t
        return None


def _with_heading(text: str, s: Section) -> Section:
    """A part whose marker stands alone on its line ("Phần thứ hai") is named by the next line."""
    if s.heading or s.level > 2:
        return s
    m = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]+)").match(text, text.find("\n", s.start))
    if not m or m.start(1) >= s.end or len(m.group(1).split()) > 20:
        return s
    return Section(s.marker, s.level, s.path, m.group(1).strip(" *#"), s.start, s.end)


@lru_cache(maxsize=4096)  # asked for every enclosing heading of every sentence with a figure
def _list_period(lead: str, year: str | None) -> str | None:
    """The period a list's head names: in the goals' own clause, else in the lead phrase before it ("Kỳ họp đã
    thông qua Nghị quyết về nhiệm vụ năm 2025 với các chỉ tiêu chủ yếu")."""
    clause = head_clause(lead) or lead
    return (_heading_period(clause.lower(), year, 22)
            or (_heading_period(lead.lower(), year, 40) if clause != lead else None))


@lru_cache(maxsize=4096)  # a section's heading is read for every figure under it
def _heading_period(heading: str, year: str | None, max_words: int = 14) -> str | None:
    if len(heading.split()) > max_words:  # a numbered paragraph, not a heading
        return None
    ps = _periods_in(heading, 0, len(heading), year)
    if not ps:
        return None
    ps.sort(key=lambda x: (len(x[1]), x[0]))
    return ps[-1][1]


# ---------------------------------------------------------------- the recogniser
class _Seen:
    """Labels of the figures read so far, so that a figure can borrow the indicator it continues: a running
    total ("lũy kế 5 tháng 2.591 nghìn lượt") measures what the figure before it with the same unit measured;
    a part ("trong đó xuất khẩu ...", a footnote "Trong đó: ...") belongs to the whole named before it."""

    def __init__(self, text: str):
        self.text = text
        self.items: list[tuple[int, str, str, str, int]] = []  # (position, label, unit base, whole, clause)

    def add(self, pos: int, label: str, unit: str, whole: str, clause: int) -> None:
        self.items.append((pos, label, _unit_base(unit), whole, clause))

    def _same_paragraph(self, a: int, b: int) -> bool:
        return b - a < 1500 and "\n\n" not in self.text[a:b]

    def same_unit(self, pos: int, unit: str, clause: int) -> str | None:
        """The figure with the same unit in this clause, else the first such figure of the clause before
        ("khám được 40.200 lượt, điều trị nội trú 3.100 lượt. Lũy kế ... 352.000 lượt" -> the first)."""
        base = _unit_base(unit)
        found = None
        for p, label, u, _w, c in reversed(self.items):
            if p >= pos:
                continue
            if not self._same_paragraph(p, pos) or found and c != found[1]:
                break
            if u == base:
                if c == clause:
                    return label
                found = (label, c)
        return found[0] if found else None

    def whole_before(self, pos: int, same_paragraph: bool = True) -> str | None:
        for p, _label, _u, whole, _c in reversed(self.items):
            if p >= pos:
                continue
            if same_paragraph and not self._same_paragraph(p, pos):
                return None
            return whole
        return None


@lru_cache(maxsize=1024)
def _unit_base(unit: str) -> str:
    words = [w for w in unit.lower().split() if w not in ("nghìn", "ngàn", "vạn", "triệu", "tỷ", "trăm")]
    return words[0] if words else unit


@lru_cache(maxsize=4096)
def _strip_period(label: str) -> str:
    return _clean_label(_rx()["period_words"].sub(" ", label))


def find_quantities(ctx: Context) -> list[Quantity]:
    layout = _Layout(ctx)
    seen = _Seen(ctx.text)
    out: list[Quantity] = []
    tables = [tl for tl in layout.lists if tl[0].table]
    for tl, period in tables:
        out.extend(read_table(ctx.text, tl.start, tl.end, period or layout.title_period, tl.under_head))
    for sent in ctx.sentences:
        if any(tl.start <= sent.start < tl.end for tl, _p in tables):
            continue  # read cell by cell above
        ms = find_measures(ctx.text, sent.start, sent.end)
        if ms:
            out.extend(_read_sentence(ctx, layout, sent, ms, seen))
    return _dedupe(out)


def _dedupe(qs: list[Quantity]) -> list[Quantity]:
    """A goal restated later in the document (a list, then the task that carries it out) is one goal."""
    out, keys = [], set()
    for q in qs:
        key = (q.category, q.indicator.lower(), q.value, q.max, q.unit, q.period, q.percent_of_plan)
        if key in keys:
            continue
        keys.add(key)
        out.append(q)
    return out


@lru_cache(maxsize=4096)
def _heading_has(rx: re.Pattern, heading: str) -> bool:
    """Whether a section's heading holds `rx`: asked for every figure under it."""
    return rx.search(heading) is not None


def _mode(layout: _Layout, sent: Sentence, first: int) -> tuple[str, str | None]:
    """("list" | "plan" | "task" | "body" | "none", section period) for a sentence whose first figure is at
    `first` (a heading run into the sentence may stand before the list it opens)."""
    rx = _rx()
    pos = sent.start
    if pos >= layout.ctx.running_end:
        return "body", None  # footnote bodies: reported figures
    encl = layout.enclosing(pos)
    sec_period = None
    for s in sorted(encl, key=lambda s: s.level):
        p = _heading_period(s.heading, layout.year)
        if p:
            sec_period = p
    task = layout.task_at(pos)
    if any(_heading_has(rx["non_goal"], s.heading) for s in encl):
        return "none", sec_period
    tl = layout.list_at(pos) or layout.list_at(first)
    if tl is not None:
        sub = _sub_period(layout.ctx.text, tl[0].start, max(pos, first), layout.year)
        return "list", sub or tl[1] or sec_period or (task[2] if task else None) or layout.title_period
    if layout.planning:
        if pos < layout.body_start:
            return "none", sec_period
        if any(_heading_has(rx["assess"], s.heading) for s in encl if s.level <= 3):
            return "body", sec_period
        if any(_heading_has(rx["target_list"], s.heading) for s in encl):
            return "list", sec_period or layout.title_period
        return "plan", sec_period or (task[2] if task else None) or layout.title_period
    if task is not None:
        return "task", task[2] or sec_period
    return "body", sec_period


def _sub_period(text: str, start: int, pos: int, year: str | None) -> str | None:
    """The period of the sub-heading inside a list a line stands under ("- Đến năm 2025:", "a) Giai đoạn 2024 -
    2025:"), the head line itself excluded."""
    first = text.find("\n", start, pos)
    if first < 0:
        return None
    for line in reversed(text[first:pos].split("\n")):
        st = line.strip(" *#")
        if st.endswith(":") and len(st.split()) <= 8 and not re.search(r"\d[\d.,]*\s*%", st):
            return _heading_period(st.lower(), year)
    return None


def _dangling(text: str, start: int) -> str | None:
    """The words a blank line cut off from this sentence ("Tỷ lệ đô thị" + blank line + "hóa đạt 73,5%")."""
    if not text[start : start + 1].islower():
        return None
    end = start  # back over the white space before the sentence (without copying the text before it)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    gap = start - end
    if gap == 0 or "\n\n" not in text[end:start] or not text[end - 1 : end].isalpha():
        return None
    cut = max(text.rfind(";", 0, end), text.rfind("\n", 0, end), text.rfind(".", 0, end))
    frag = text[cut + 1 : end].strip(" -+•*")
    return frag if 0 < len(frag.split()) <= 12 and not re.search(r"\d", frag) else None


def _headline(text: str, start: int) -> bool:
    """The sentence is the first line of the text, a line of its own that ends no sentence."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    end = len(text) if end < 0 else end
    line = text[first:end].rstrip()
    return first <= start < end and not line.endswith((".", ";", ":")) and len(line.split()) <= 30


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    return max(sent_start, text.rfind(";", sent_start, pos) + 1)


def _footnote_whole(ctx: Context, seen: _Seen, sent: Sentence) -> str | None:
    """The whole a footnote's "Trong đó: ..." divides: the figure its marker follows."""
    for fn in ctx.footnotes:
        if fn.start <= sent.start < fn.end and fn.marker_at is not None and _rx()["part"].match(fn.text.strip()):
            return seen.whole_before(fn.marker_at + 1, same_paragraph=False)
    return None


# a clause that states what a plan gives: "Dự toán huyện giao", "kế hoạch giao gieo cấy", "chỉ tiêu được giao"
_PLAN_GIVEN = re.compile(
    r"[\s(\-+•*]*[⁰¹²³⁴⁵⁶⁷⁸⁹\d]*\s*(?:(?P<w>(?:dự toán|kế hoạch|chỉ tiêu)(?:\s+năm\s+(?:19|20)\d\d)?"
    r"(?:\s+(?!giao\b)[^\W\d_]+){0,3}?\s+(?:được\s+)?giao)(?P<rest>(?:\s+[^\W\d_]+){0,5}?)\s*(?:là|:)?"
    r"|(?P<w2>(?:dự toán|kế hoạch|chỉ tiêu)(?:\s+năm\s+(?:19|20)\d\d))\s*(?:là|:)"
    r"|(?P<w3>dự toán|kế hoạch|chỉ tiêu)\s*(?:là|:)?)\s*",
    re.IGNORECASE,
)


def _plan_given(text: str, clause: int, m: Measure) -> tuple[str, str | None] | None:
    cut = max(text.rfind("(", clause, m.start), text.rfind(",", clause, m.start))
    pm = _PLAN_GIVEN.fullmatch(text, max(clause, cut + 1), m.start)
    if not pm or m.comparator != "eq" and m.comparator != "range":
        return None
    if pm.group("w3"):  # a bare "Dự toán 7.890 triệu đồng" names a plan only of the figure it annotates
        return _clean_label(pm.group("w3")), None
    return _clean_label(pm.group("w") or pm.group("w2")), (pm.group("rest") or "").strip()


def _plan_whole(ctx: Context, seen: _Seen, sent: Sentence, m: Measure) -> str | None:
    """What a plan figure is the plan of: in a footnote, the figure its marker follows; else the figure with the
    same unit before it in the clause ("thu 185 tỷ đồng (dự toán tỉnh giao 165 tỷ đồng)")."""
    at = m.start
    for fn in ctx.footnotes:
        if fn.start <= sent.start < fn.end and fn.marker_at is not None:
            at = fn.marker_at + 1
    sup = re.match(r"\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", ctx.text[sent.start : sent.start + 8])
    if sup and at == m.start:  # a footnote body left among the paragraphs: its mark follows the figure
        at = ctx.text.rfind(sup.group(1), 0, sent.start) + 1
    if at <= 0:
        return None
    base = _unit_base(m.unit)
    for p, label, u, _w, _c in reversed(seen.items):
        if p < at:
            return label if u == base and (at != m.start or seen._same_paragraph(p, at)) else None
    return None


_AIM_BEFORE = re.compile(r"(?<![^\W\d_])(?:bảo đảm|đảm bảo|phấn đấu)\s+(?P<verb>(?:[^\W\d_]+\s+){1,4}?)(?:hết\s+|đạt\s+)?$",
                         re.IGNORECASE)
_AIM_BY = re.compile(opens_with("tcđh", r"(?<![^\W\d_])(?:trước|chậm nhất|trong|đến hết|hết)\s+(?:ngày\s+|năm\s+|tháng\s+)?"
                                r"(?:(?P<d>\d{1,2})/)?(?:(?P<m>\d{1,2})/)?(?P<y>(?:19|20)\d\d)(?!\d)"), re.IGNORECASE)


def _aim(ctx: Context, layout: _Layout, sent: Sentence, m: Measure, stop: int) -> str | None:
    """The indicator of a share a task undertakes to reach by a date after the document's own ("bảo đảm giải
    ngân 100% kế hoạch vốn trước ngày 31/01/2025"), else None: the same words about a date past are a report."""
    text = ctx.text
    if m.kind != "percent":
        return None
    left = max(sent.start, text.rfind(",", sent.start, m.start) + 1, text.rfind(";", sent.start, m.start) + 1)
    am = _AIM_BEFORE.search(text, left, m.num_start if m.comparator == "eq" else m.start)
    by = _AIM_BY.search(text, m.end, stop)
    if not am or not by:
        return None
    y, mo, d = by.group("y"), by.group("m"), by.group("d")
    due = f"{y}-{int(mo):02d}-{int(d):02d}" if mo else f"{y}-{int(d):02d}-31" if d else f"{y}-12-31"
    own = ctx.header.date or layout.year
    if not own or (due[:4] <= own if len(own) == 4 else due <= own):
        return None
    what = " ".join(text[m.end : by.start()].split()).strip(" ,")
    if m.plan_share:  # "100% kế hoạch vốn": the share of the capital plan
        if not re.match(r"vốn(?![^\W\d_])", what, re.IGNORECASE):
            return None
        what = m.unit[1:].strip() + (f" {what}" if what else "")
    verb = re.sub(r"^(?:tỷ lệ|tỉ lệ)\s+", "", am.group("verb"), flags=re.IGNORECASE)
    label = _clean_label(f"Tỷ lệ {verb} {what}")
    ph = re.match(r"\s*(?:(?:\d{1,2}|[a-zđ])[.)]\s+|[-+•*]\s*)?([^:;.\n]{3,90}):", text[sent.start : am.start()])
    if ph and _content_count(ph.group(1)) >= 2:
        label += f" ({ph.group(1).strip(' -+*')})"
    return label if _content_count(label) >= 3 else None


# ---------------------------------------------------------------- reports written figure first, parts, levels
# the counted thing after a figure that opens its clause, then its share: "- 68 hộ nghèo, hộ cận nghèo được hỗ
# trợ ..., đạt 56,7% kế hoạch" (the noun phrase may run over commas, and go on from the unit with one)
# the capital the things counted bring, said after them: "... doanh nghiệp thành lập mới với tổng vốn đăng ký"
_WITH_CAPITAL = re.compile(r"[^,;()\d]{0,60}?\svới\s+(?:tổng\s+)?(?:số\s+)?(?:vốn|kinh phí)[^,;()\d]{0,30}",
                           re.IGNORECASE)
# a share past its plan: "..., vượt 8% kế hoạch"
_EXCEEDED = re.compile(r"(?<![^\W\d_])vượt\s*$", re.IGNORECASE)
_FIGURE_NOUN_LINK = re.compile(r"^\s*,?\s+[^\W\d_][^;()]{0,160}?,\s*(?:đạt|bằng|vượt)\s*$", re.IGNORECASE)
# what may stand before a figure that opens its clause: a list mark, an item number
_CLAUSE_OPEN = re.compile(r"[\s\-+•–*]*(?:(?:\d{1,2}|[a-zđ])[.)]\s*)?(?:[\-+•–*]\s*)?$", re.IGNORECASE)
# a classifier that opens a unit running into the noun it counts ("nghìn lượt khách", "hộ nghèo")
_UNIT_CLASSIFIER = re.compile(r"^((?:(?:nghìn|ngàn|vạn|triệu|tỷ|trăm)\s+)*(?:lượt|hộ))\s+(\S.*)$", re.IGNORECASE)
# a place the count is made in, at the end of the counted thing: "... trên địa bàn thành phố"
_PLACE_TAIL = re.compile(r"\s+(?:trên\s+địa\s+bàn|trên\s+toàn|toàn)(?:\s+(?:tỉnh|thành\s+phố|huyện|thị\s+xã|quận|xã|"
                         r"phường|thị\s+trấn))?(?:\s+[A-ZĐ][^\W\d_]*)*\s*$", re.IGNORECASE)


def _opens_clause(text: str, sent_start: int, m: Measure) -> bool:
    """The figure is the first thing its clause says: "- 1.240 lao động được giải quyết việc làm, ..."."""
    left = max(sent_start, text.rfind(";", sent_start, m.start) + 1, text.rfind("\n", sent_start, m.start) + 1)
    return bool(_CLAUSE_OPEN.fullmatch(text, left, m.num_start))


def _figure_first(text: str, m: Measure, share_start: int) -> tuple[str, str] | None:
    """(indicator, unit) of a count written before what it counts, its share after a comma: "285,6 nghìn lượt
    khách đến tham quan, du lịch trên địa bàn thành phố, đạt 54,9%" -> ("Lượt khách tham quan, du lịch",
    "nghìn lượt"); "68 hộ nghèo, hộ cận nghèo được hỗ trợ ..." -> ("Số hộ nghèo, hộ cận nghèo được hỗ trợ ...",
    "hộ"). The words run up to the comma before the share."""
    if m.kind != "count" or "/" in m.unit:
        return None
    cut = text.rfind(",", m.end, share_start)
    phrase = " ".join(text[m.end : cut].split()) if cut >= 0 else ""
    if not phrase or not re.match(r",?\s*[^\W\d_]", phrase) or _rx()["after_stop"].search(f" {phrase} "):
        return None
    phrase = _PLACE_TAIL.sub("", phrase)
    unit, noun = m.unit, ""
    cm = _UNIT_CLASSIFIER.match(m.unit)
    if cm:
        unit, noun = cm.group(1), cm.group(2)
    if re.search(r"(?<![^\W\d_])lượt$", unit, re.IGNORECASE):
        # "khách đến tham quan": who came, the coming said by the count
        words = f"{noun} {phrase}".strip() if not phrase.startswith(",") else f"{noun}{phrase}"
        words = re.sub(r"^(\S+)\s+đến\s+(?=[^\W\d_])", r"\1 ", words, flags=re.IGNORECASE)
        label = f"Lượt {words}"
    else:
        counted = " ".join(w for w in (unit.split()[-1] if cm else m.unit, noun) if w)
        counted = re.sub(r"^(?:(?:nghìn|ngàn|vạn|triệu|tỷ|trăm)\s+)+", "", counted)
        label = f"Số {counted}{phrase}" if phrase.startswith(",") else f"Số {counted} {phrase}"
    label = _clean_label(label)
    return (label, unit) if _content_count(label) >= 3 else None


# a level a report says was raised to a value: "nâng tỷ lệ trường đạt chuẩn quốc gia lên 85,7%"
_RAISED = re.compile(r"(?<![^\W\d_])(?:nâng|đưa)\s+(?P<what>(?:tỷ lệ|tỉ lệ|tỷ trọng)\s+[^,;:()]{3,120}?)\s+lên"
                     r"(?:\s+(?:mức|đạt|khoảng))?\s*$", re.IGNORECASE)
# a count a report says a verb was done for: "đào tạo nghề cho 870 người", "hỗ trợ vốn vay cho 120 hộ"
_DONE_FOR = re.compile(rf"(?<![^\W\d_])(?P<verb>(?:{_DONE_TO.pattern})(?:\s+[^\W\d_]+){{0,4}}?)\s+cho(?:\s+được)?\s*$",
                       re.IGNORECASE)
# words before it in the clause that make it an aim, not a report: "phấn đấu nâng ...", "tiếp tục đào tạo ..."
# words that make what follows an aim, not an account; {giao} is how "giao" is read
_AIM_WORDS = opens_with("pdskmcđntygh", r"(?<![^\W\d_])(?:phấn đấu|dự kiến|sẽ|kế hoạch|mục tiêu|chỉ tiêu|cần|đề nghị|để|nhằm|tiếp tục|"
              r"tập trung|đẩy mạnh|tăng cường|chỉ đạo|yêu cầu|{giao}|hướng tới|nhiệm vụ|giải pháp)(?![^\W\d_])")
_AIMED = re.compile(_AIM_WORDS.format(giao="giao"), re.IGNORECASE)


_AHEAD_HEADING = re.compile(r"nhiệm vụ|phương hướng|kế hoạch|giải pháp|mục tiêu|đề xuất|kiến nghị", re.IGNORECASE)


def _under_ahead(layout: _Layout, pos: int) -> bool:
    """The position stands under a heading of what comes next ("II. NHIỆM VỤ 6 THÁNG CUỐI NĂM"); a numbered
    paragraph that names a programme ("2. Xây dựng mới 46 km đường ... theo Chương trình mục tiêu quốc gia ...")
    is no heading."""
    return any(_heading_has(_AHEAD_HEADING, s.heading) and len(s.heading.split()) <= 16 for s in layout.enclosing(pos))


@lru_cache(maxsize=2048)  # asked by each reader of a figure in a report, of the same clause
def _after_last(text: str, start: int, end: int, marks: str) -> int:
    """Where the words after the last of `marks` (one character each) in text[start:end] start, else `start`."""
    left = start
    for c in marks:
        at = text.rfind(c, start, end) + 1
        left = max(left, at)
    return left


def _done_in_report(text: str, sent_start: int, m: Measure, after: str) -> str | None:
    """The indicator of a level a report says was raised, or of a count it says a verb was done for ("Nâng tỷ lệ
    ... lên 85,7%" -> "Tỷ lệ ..."; "Đào tạo nghề cho 870 người" -> "Số người được đào tạo nghề"), else None."""
    left = _after_last(text, sent_start, m.start, "\n,:;")
    lead = text[left : m.num_start]
    if m.plan_share or m.comparator != "eq":
        return None
    # (an aim word before it makes it no result: asked once the level or the count is found, which most are not)
    if m.kind == "percent" and m.unit == "%":
        rm = _RAISED.search(lead)
        if not rm or _AIMED.search(lead):
            return None
        return _clean_label(rm.group("what"))[:1].upper() + _clean_label(rm.group("what"))[1:]
    dm = _DONE_FOR.search(lead) if m.kind == "count" and "/" not in m.unit else None
    if (not dm or _AIMED.search(lead) or not _DONE_TO.match(dm.group("verb"))
            or not re.fullmatch(r"[\s\-+•*]*(?:đã\s+)?", lead[: dm.start()], re.IGNORECASE)):
        return None
    what = " ".join(w for w in (m.unit, _lc(after) if after and len(after.split()) <= 5 else "") if w)
    return _clean_label(f"Số {what} được {_lc(dm.group('verb'))}")


# ---------------------------------------------------------------- results stated as an action and its count
# Reports of districts, towns and communes often state a result as what was done and for how many, not as
# "<indicator> <value> <unit>": the count after the action ("Giới thiệu việc làm cho 540 lượt lao động",
# "Kết nạp được 9 đảng viên mới"), the share first and the count after ("Hoàn thành 100% chỉ tiêu giao quân với
# 210 thanh niên nhập ngũ"), visitors a place received ("thị xã đón khoảng 52.000 lượt khách"), a bullet of an
# indicator and its figure beside reported ones ("- Diện tích nuôi trồng thủy sản 3.020 ha; sản lượng ... ước").

# list marks, a time and the place that open a clause before its action: "- ", "2. ", "Trong quý, ", "huyện "
# (the document's own place, named bare: "Thị xã Quảng Trị đón ..." in a province's report is a part of it)
_ACTION_LEAD = re.compile(
    r"[\s\-+•–*]*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?"
    # the field the clause is about: "Trong lĩnh vực lao động, thành phố tạo việc làm mới cho ..."
    r"(?:(?:về|trong lĩnh vực|ở lĩnh vực|trên lĩnh vực|đối với lĩnh vực)\s[^,;:\d]{2,40},\s*)?"
    r"(?:(?:trong|đến|hết|tính đến)?\s*(?:năm|quý|kỳ|tháng)"
    r"(?:\s+(?:này|qua|đầu\s+năm|[\dIVX/]+))*(?:\s+năm\s+\d{4})?\s*,\s*)?"
    # the field the clause is about: "Trong lĩnh vực lao động, thành phố tạo việc làm mới cho 1.720 lao động"
    r"(?:(?:về|trong\s+lĩnh\s+vực|ở\s+lĩnh\s+vực|trên\s+lĩnh\s+vực)\s[^,;:\d]{2,40},\s*)?"
    r"(?:(?:toàn\s+)?(?:tỉnh|thành\s+phố|huyện|thị\s+xã|quận|xã|phường|thị\s+trấn)\s+(?!(?-i:[A-ZĐ])))?",
    re.IGNORECASE,
)
# words before the action that say how the count was made, not what was done: "ước", "lũy kế từ đầu năm",
# "Kết quả", "Công tác" (the work of), "trong năm"; a footnote's mark
_ACTION_FILLER = re.compile(
    r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+|(?:ước(?:\s+tính)?|đã|lũy kế|luỹ kế|cộng dồn|tính chung|kết quả|công tác|từ\s+đầu\s+năm|"
    r"trong\s+(?:năm|quý|kỳ|tháng)(?:\s+(?:này|qua|[\dIVX/]+))*)(?:\s+|$))*",
    re.IGNORECASE,
)
# who received, not what was done: "hộ gia đình, cá nhân được 1.275 giấy"
_RECIPIENT = re.compile(r"(?:hộ|cá nhân|tổ chức|người|doanh nghiệp|hợp tác xã|xã|phường|thôn|học sinh|lao động)"
                        r"(?![^\W\d_])", re.IGNORECASE)
# the action and the word that hands its count over: "<action> cho 540 lượt", "<action> được 9 đảng viên"
_ACTION_LINK = re.compile(r"\s+(cho|được)(?:\s+được)?\s*$", re.IGNORECASE)
# a body named first is the subject, not the action ("Phòng Lao động giới thiệu ..."); "đã" parts them
_BODY_FIRST = re.compile(r"(?:phòng|ban|hội|ủy ban|uỷ ban|ubnd|ngân hàng|trung tâm|sở|mặt trận|đoàn|công an|"
                         r"quân sự|trạm|trường|chi cục|bảo hiểm)(?![^\W\d_])", re.IGNORECASE)
_MAX_ACTION_WORDS = 12
# the words of `_AIMED` for a clause an action opens; there "giao" assigns ("giao UBND xã ...") but not in
# "giao dịch", "giao thông", "giao quân"
_ACTION_AIMED = re.compile(_AIM_WORDS.format(giao=r"giao(?!\s+(?:dịch|thông|lưu|tiếp|quân|nhận|đất))"), re.IGNORECASE)
# a clause opened by what money or a programme is, not by an action: "Tổng số tiền hỗ trợ cho 37 hộ là ..."
_NOT_ACTION = re.compile(r"(?:tổng|số|kinh phí|tiền|giá trị|nguồn|vốn|mức|định mức|tỷ lệ|chương trình|dự án|đề án|"
                         r"chính sách)(?![^\W\d_])", re.IGNORECASE)
# words after a count that link it to something else, not name what it counts: "37 hộ là ...", "38 hộ được ..."
_LINK_AFTER = re.compile(r"(?:là|đạt|bằng|với|có|được|và|của)(?![^\W\d_])", re.IGNORECASE)


def _action_before(text: str, sent_start: int, m: Measure) -> str | None:
    """The action a count was done for or yielded, the words of its clause before "cho"/"được" ("Đã hỗ trợ xây
    mới, sửa chữa nhà ở cho 57 hộ" -> "hỗ trợ xây mới, sửa chữa nhà ở"; after another figure, the words past its
    last comma), else None: a body named as the subject without "đã", money or a programme as the subject ("Tổng
    kinh phí hỗ trợ cho 37 hộ ..."), a number, date or document in the action, an aim ("Tiếp tục hỗ trợ ... cho
    93 hộ", "phân bổ 2.850 triệu đồng để hỗ trợ ... cho 93 hộ")."""
    if m.kind != "count" or "/" in m.unit or m.plan_share:
        return None
    # the clause, not a heading run into it ("Cấp giấy chứng nhận lần đầu: tổ chức được 12 giấy")
    left = _after_last(text, sent_start, m.start, "\n:;")
    lead = text[left : m.start]
    link = _ACTION_LINK.search(lead)
    if not link or _ACTION_AIMED.search(lead):
        return None
    verb = lead[: link.start()]
    if re.search(r"\d", verb):  # "Tổ chức 3 phiên giao dịch, giới thiệu việc làm cho ...": the last action's words
        tail = re.search(r"(?:,[^,\d]*)+$", verb)
        if not tail:
            return None
        verb = tail.group(0)[1:]
    verb = verb[_ACTION_LEAD.match(verb).end() :]
    done = list(re.finditer(r"(?<![^\W\d_])đã(?:\s+|$)", verb, re.IGNORECASE))
    if done:
        verb = verb[done[-1].end() :]
    elif _BODY_FIRST.match(verb):
        return None
    verb = verb[_ACTION_FILLER.match(verb).end() :]
    if _NOT_ACTION.match(verb):
        return None
    verb = " ".join(verb.split()).strip(" ,")
    if not verb or len(verb.split()) > _MAX_ACTION_WORDS or not verb[:1].isalpha():
        return None
    return verb


_PHRASE_LINK = re.compile(r"\s+(?:với|có|là|gồm|trong đó|chủ yếu)(?![^\W\d_])", re.IGNORECASE)


def _counted(text: str, m: Measure, end: int) -> tuple[str, str] | None:
    """(what a count counts, its unit) from the unit and the words after it up to `end`: "57 hộ nghèo, hộ cận
    nghèo" -> ("hộ nghèo, hộ cận nghèo", "hộ"); "540 lượt lao động" -> ("lượt lao động", "lượt"); the place
    the count was made in is dropped ("... trên địa bàn huyện")."""
    phrase = " ".join(text[m.end : end].split()).rstrip(" ,.;:")
    if (phrase and not re.match(r",?\s*[^\W\d_]", phrase) or _rx()["after_stop"].search(f" {phrase} ")
            or re.search(r"\d", phrase) or _LINK_AFTER.match(phrase)):
        return None  # "38 giấy chứng nhận ... cho 14 tổ chức": the words hold another count
    phrase = _PLACE_TAIL.sub("", _PLACE_NAMES.sub("", phrase))
    phrase = _PHRASE_LINK.split(phrase, 1)[0]  # "14 dự án ngoài ngân sách với tổng vốn ...": what follows is another
    unit = m.unit
    cm = _UNIT_CLASSIFIER.match(unit)
    if cm:  # "hộ nghèo", "lượt người": the measure word is the unit, the rest names what is counted
        unit = cm.group(1)
    counted = re.sub(r"^(?:(?:nghìn|ngàn|vạn|triệu|tỷ|trăm)\s+)+", "", m.unit)
    counted = f"{counted}{phrase}" if phrase.startswith(",") else f"{counted} {phrase}".strip()
    return counted, unit


_RECEPTION = re.compile(r"(?:đón|thu hút|phục vụ)(?:\s+được)?", re.IGNORECASE)
_TOURISM = re.compile(r"(?<![^\W\d_])du\s+lịch(?![^\W\d_])", re.IGNORECASE)


def _done_for(text: str, sent_start: int, m: Measure, end: int) -> tuple[str, str] | None:
    """(indicator, unit) of a count an action was done for: "Giới thiệu việc làm cho 540 lượt lao động" ->
    ("Số lượt lao động được giới thiệu việc làm", "lượt"); an action that already names what it counts names
    it alone ("Thành lập mới được 27 doanh nghiệp" -> "Số doanh nghiệp thành lập mới")."""
    verb = _action_before(text, sent_start, m)
    got = _counted(text, m, end) if verb else None
    if not got:
        return None
    counted, unit = got
    noun = re.sub(r"^(?:(?:nghìn|ngàn|vạn|triệu|tỷ|trăm|lượt)\s*)+", "", m.unit, flags=re.IGNORECASE)
    named = re.search(rf"(?<![^\W\d_]){re.escape(noun)}(?![^\W\d_])", verb, re.IGNORECASE) if noun else None
    if named and named.start() == 0:  # "Doanh nghiệp thành lập mới được 27 doanh nghiệp"
        label = f"Số {_lc(verb)}"
    elif named:  # "cấp Giấy chứng nhận ... được 170 Giấy": the action names the thing, the count its number
        label = f"Số {counted} ({_lc(verb)})"
    elif _RECIPIENT.match(verb):
        return None
    elif _RECEPTION.fullmatch(verb):  # "Thu hút được 1.150 lượt người tham gia ...": how they came, not what
        label = f"Số {counted} ({_lc(verb)})"
    elif counted.lower() == "lượt":  # "khám chữa bệnh được 37.864 lượt": visits of the action
        label = f"Số lượt {_lc(verb)}"
    else:
        label = f"Số {counted} được {_lc(verb)}"
    label = _clean_label(label)
    return (label, unit) if _content_count(label) >= 3 else None


_DONE_FIRST = re.compile(r"^\s*đã\s+", re.IGNORECASE)


def _object_of(text: str, sent_start: int, m: Measure, end: int) -> tuple[str, str] | None:
    """(indicator, unit) of a count that is the object of the action opening its clause, an action done to what
    it counts: "Thành lập mới 14 doanh nghiệp" -> ("Số doanh nghiệp được thành lập mới", "doanh nghiệp")."""
    if m.kind != "count" or "/" in m.unit or m.comparator != "eq":
        return None
    left = _after_last(text, sent_start, m.start, "\n,:;")
    lead = text[left : m.start]
    verb = lead[_ACTION_LEAD.match(lead).end() :]
    verb = _DONE_FIRST.sub("", verb).strip()
    got = _counted(text, m, end) if _DONE_TO.fullmatch(verb) and not _ACTION_AIMED.search(lead) else None
    if not got:
        return None
    label = _clean_label(f"Số {got[0]} được {_lc(verb)}")
    return (label, got[1]) if _content_count(label) >= 3 else None


# the handing over of conscripts, every district's and commune's yearly count: "Giao 28 thanh niên nhập ngũ",
# "Thị xã tổ chức giao 165 thanh niên nhập ngũ", "giao quân 152 thanh niên"
_HAND_OVER = re.compile(r"(?:đã\s+)?(?:tổ\s+chức\s+)?(?:lễ\s+)?giao(?:\s+nhận)?(?:\s+quân)?(?:\s+được)?", re.IGNORECASE)


def _handed_over(text: str, sent_start: int, m: Measure, end: int) -> tuple[str, str] | None:
    """(indicator, unit) of conscripts handed over: the words after the count name who ("Số thanh niên nhập
    ngũ"); the handing over is how they are counted, the place that did it who did it."""
    if m.kind != "count" or "/" in m.unit or m.comparator != "eq":
        return None
    left = _after_last(text, sent_start, m.start, "\n,:;")
    lead = text[left : m.start]
    if not _HAND_OVER.fullmatch(lead[_ACTION_LEAD.match(lead).end() :].strip()):
        return None
    got = _counted(text, m, end)
    label = _clean_label(f"Số {got[0]}") if got else ""
    return (label, got[1]) if label and _content_count(label) >= 2 else None


# visitors a place received or drew: "thị xã đón khoảng 52.000 lượt khách", "Toàn huyện thu hút 1.200 lượt khách"
_RECEIVED_BEFORE = re.compile(
    r"(?:(?:toàn\s+)?(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+)?"
    # the field that received them: "Ngành du lịch đón gần 1,25 triệu lượt khách"
    r"(?:(?:ngành|lĩnh vực|hoạt động)\s+du\s+lịch\s+)?"
    r"(?:đã\s+)?(?:đón|thu hút|phục vụ)(?:\s+được)?\s*$",
    re.IGNORECASE,
)
# where or why the visitors came, not who they are: "khách đến tham quan, nghỉ dưỡng tại ..."
_VISIT_TAIL = re.compile(r"\s+(?:đến|tới|về|tại|ở|trên\s+địa\s+bàn)(?![^\W\d_]).*$|,.*$", re.IGNORECASE)


# works done on a length or an area: "Xây dựng mới 98,5 km đường ...", "lát mới, chỉnh trang được 3,2 km vỉa hè"
_WORKS_VERB = (r"(?:xây dựng(?:\s+mới)?|làm mới|cứng hóa|cứng hoá|bê tông hóa|nhựa hóa|kiên cố hóa|nâng cấp|cải tạo|"
               r"sửa chữa|trồng(?:\s+mới)?|lát mới|chỉnh trang|nạo vét|mở rộng)")
_WORKS_BEFORE = re.compile(rf"(?:^|(?<=[\s\-+•–*.)])|(?<=đã ))(?P<verb>{_WORKS_VERB}(?:\s*(?:,|và)\s*{_WORKS_VERB})*)"
                           r"(?:\s+được)?\s*$", re.IGNORECASE)
_WORKS_OPEN = re.compile(r"[\s\-+•–*]*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?(?:(?:về|trong)\s[^,;:\d]{1,40},\s*)?"
                         r"(?:[^,;:\d]{0,40}?\sđã\s+|đã\s+)?$", re.IGNORECASE)
_WORKS_UNITS = re.compile(r"(?:km|m|ha|m2|m²|m3|m³)$", re.IGNORECASE)
# where the works are or under what, after what they were done to: "... trên các tuyến ...", "theo Chương trình ..."
_WORKS_TAIL = re.compile(r"\s+(?:trên|tại|ở|theo|thuộc|của|cho|bằng|từ)(?![^\W\d_]).*$", re.IGNORECASE)
_ONE_PLACE = re.compile(r"\s+(?P<at>tại\s+(?:xã|phường|thị trấn)\s+[A-ZĐÀ-Ỹ\d][^\s,;.]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){0,3})"
                        r"\s*(?:[.;]|$)")


def _works_done(text: str, sent_start: int, m: Measure, end: int) -> tuple[str, str] | None:
    """(indicator, unit) of a length or area works were done on, the action opening its clause: "Xây dựng mới
    98,5 km đường giao thông nông thôn theo Chương trình ..." -> ("Xây dựng mới đường giao thông nông thôn", "km")."""
    if m.kind != "measure" or not _WORKS_UNITS.match(m.unit) or m.comparator not in ("eq", "approx"):
        return None
    left = _after_last(text, sent_start, m.start, "\n:;")
    lead = text[left : m.start]
    wm = _WORKS_BEFORE.search(lead)
    if not wm or not _WORKS_OPEN.fullmatch(lead[: wm.start()]) or _ACTION_AIMED.search(lead):
        return None
    words = " ".join(text[m.end : end].split())
    what = _WORKS_TAIL.sub("", words)
    if not re.match(r"[^\W\d_]", what) or _LINK_AFTER.match(what) or _content_count(what) < 1:
        return None
    # "... 1,5 km kênh mương tại xã Vân Sơn": the works of one commune are that commune's, said in what is measured
    # so that a district's target is not met by them ("tại các xã A, B, C" are the district's own)
    one = _ONE_PLACE.match(words, len(what))
    label = _clean_label(f"{wm.group('verb')} {what}" + (f" {one.group('at')}" if one else ""))
    return label[:1].upper() + label[1:], m.unit


def _visitors(counted: str, unit: str, context: str) -> tuple[str, str] | None:
    """("Lượt khách du lịch", "lượt") for a count of visitors: who they are, without where or why they came;
    bare "khách" in a text about tourism ("du lịch" in its sentence or heading) are tourists."""
    if not re.search(r"(?<![^\W\d_])lượt$", unit, re.IGNORECASE):
        return None
    who = _VISIT_TAIL.sub("", re.sub(r"^lượt\s+", "", counted, flags=re.IGNORECASE))
    if not re.fullmatch(r"khách(?:\s+[^\W\d_]+){0,3}", who, re.IGNORECASE):
        return None
    if who.lower() == "khách" and _TOURISM.search(context):
        who = "khách du lịch"
    return f"Lượt {who}", unit


def _received(text: str, sent_start: int, m: Measure, stop: int, layout: _Layout, sent: Sentence
              ) -> tuple[str, str] | None:
    """(indicator, unit) of visitors a report says its place received: "Trong quý, thị xã đón khoảng 52.000
    lượt khách" -> ("Lượt khách du lịch", "lượt")."""
    if m.kind != "count" or m.comparator not in ("eq", "approx"):
        return None
    left = _after_last(text, sent_start, m.start, "\n,:;")
    lead = text[left : m.start]
    rm = _RECEIVED_BEFORE.search(lead) if _ends_with(lead, _RECEIVED_ENDS) else None
    if not rm or not re.fullmatch(r"[\s\-+•*]*", lead[: rm.start()]) or _ACTION_AIMED.search(lead):
        return None
    got = _counted(text, m, _phrase_end(text, m, stop))
    return _visitors(*got, _context(layout, sent)) if got else None


# visitors a field drew, said after "với" and followed by their share of the plan: "Ngành du lịch khởi sắc với
# 2,61 triệu lượt khách, đạt 27,5% kế hoạch", "... sôi động với 860 nghìn lượt khách đến tham quan, bằng 57,3% ..."
_WITH_BEFORE = re.compile(r"(?<![^\W\d_])với\s*$", re.IGNORECASE)
_VISITS_SHARE = re.compile(r"[^;()\d]{0,60}?,\s*(?:đạt|bằng|vượt)\s+[\d.,]+\s*%\s*(?:kế hoạch|dự toán|KH)", re.IGNORECASE)


def _visits_with(text: str, m: Measure) -> bool:
    if m.kind != "count" or not _WITH_BEFORE.search(text, max(0, m.start - 6), m.start):
        return False
    visits = (re.search(r"(?<![^\W\d_])lượt khách$", m.unit, re.IGNORECASE)
              or re.search(r"(?<![^\W\d_])lượt$", m.unit, re.IGNORECASE) and re.match(r"\s+khách", text[m.end :]))
    return bool(visits) and bool(_VISITS_SHARE.match(text, m.end))


def _context(layout: _Layout, sent: Sentence) -> str:
    """The sentence and the headings above it: what field a bare word ("khách") belongs to."""
    return " ".join([*(s.heading for s in layout.enclosing(sent.start)), layout.ctx.text[sent.start : sent.end]])


_PHRASE_CUT = re.compile(r"[,;(.]")


def _phrase_end(text: str, m: Measure, stop: int) -> int:
    """Where the words after a figure that name what it counts end: the first comma, bracket or stop."""
    cut = _PHRASE_CUT.search(text, m.end, stop)
    return cut.start() if cut else stop


def _last_comma(text: str, start: int, end: int) -> int:
    """The comma before a share ("57 hộ nghèo, hộ cận nghèo, đạt 38%"): what is counted runs up to it."""
    at = text.rfind(",", start, end)
    return at if at >= 0 else end


# a share stated first, then the count it was reached with: "Hoàn thành 100% chỉ tiêu giao quân năm 2024 với ..."
_SHARE_THEN_COUNT = re.compile(r"(?:\s+(?!với)[^\W\d_]+){0,6}?(?:\s+(?:năm\s+)?(?:19|20)\d\d)?\s*,?\s+với\s*$",
                               re.IGNORECASE)
_SHARE_VERB = re.compile(r"(?<![^\W\d_])(?:đạt|hoàn thành|vượt)(?:\s+(?:và\s+)?vượt)?\s*$", re.IGNORECASE)


def _share_then_count(text: str, sent_start: int, share: Measure, m: Measure) -> bool:
    """The share opens its clause ("Đạt 52% kế hoạch năm", "hoàn thành 100% chỉ tiêu ...") and "với" hands it the
    count it was reached with."""
    left = _after_last(text, sent_start, share.start, "\n,;")
    return (share.plan_share and m.kind == "count" and bool(_SHARE_VERB.search(text, left, share.start))
            and not _ACTION_AIMED.search(text, left, share.start)
            and bool(_SHARE_THEN_COUNT.fullmatch(text, share.end, m.start)))


def _count_after_share(text: str, m: Measure, stop: int, context: str) -> tuple[str, str] | None:
    """(indicator, unit) of the count a share was reached with: "... với 210 thanh niên nhập ngũ" -> ("Số thanh
    niên nhập ngũ", "thanh niên"); visitors -> "Lượt khách du lịch"."""
    got = _counted(text, m, stop)
    if not got:
        return None
    visitors = _visitors(*got, context)
    if visitors:
        return visitors
    counted, unit = got
    label = _clean_label(f"Số {counted}")
    return (label, unit) if _content_count(label) >= 2 else None


# a measure word that opens an indicator stated as a bare figure: "Diện tích nuôi trồng thủy sản 3.020 ha"
_RATE_HEAD = re.compile(r"(?:tỷ lệ|tỉ lệ)\s", re.IGNORECASE)
_MEASURE_HEAD = re.compile(
    r"(?:diện tích|sản lượng|tổng đàn|đàn|tổng số|số lượng|số lượt|tổng lượt|tổng lượng|tổng sản lượng|"
    r"tổng diện tích|tổng vốn|tổng thu|tổng chi|giá trị|tổng giá trị|doanh thu|kim ngạch|năng suất|tổng mức)(?![^\W\d_])",
    re.IGNORECASE,
)
# what a place is, not what it did in the period: "Diện tích tự nhiên 1.845 ha"
_NATURAL = re.compile(r"(?<![^\W\d_])tự nhiên(?![^\W\d_])", re.IGNORECASE)
# what may follow the figure: the clause ends, or its change on the same period a year before follows
_BARE_FIGURE_END = re.compile(r"\s*(?:[;.\n]|$|,\s*(?:ước\s+)?(?:tăng|giảm|bằng)\s+[\d.,]+\s*%\s+so\s+với\s+cùng\s+kỳ)",
                              re.IGNORECASE)
_LIST_MARK = re.compile(r"^[\s\-+•–*]*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?", re.IGNORECASE)
# words that make a line a report of the period: an estimate, a comparison with a year before, a running total
_REPORTED_LINE = re.compile(opens_with("ưslđbv", r"(?<![^\W\d_])(?:ước|so với cùng kỳ|lũy kế|luỹ kế"
                            # the share of the plan reached: "(đạt 81,2% kế hoạch)" ("đã" is no cue: "Kỳ họp đã thông
                            # qua Nghị quyết với các chỉ tiêu: ..." sets goals)
                            r"|(?:đạt|bằng|vượt)\s+[\d.,]+\s*%\s*(?:kế hoạch|chỉ tiêu|dự toán))(?![^\W\d_])"),
                            re.IGNORECASE)


def _bare_figure(text: str, sent: Sentence, m: Measure, label: str) -> bool:
    """A figure stated right after its indicator, alone in its clause, on a line that reports ("- Diện tích nuôi
    trồng thủy sản 3.020 ha; sản lượng thủy sản ước 19.860 tấn, tăng 3,8% so với cùng kỳ"): a result like its
    neighbours. A line with no estimate or comparison ("Xã có diện tích tự nhiên 1.845 ha") states a fact."""
    # a rate stated bare is one too: "...; tỷ lệ dân số tham gia bảo hiểm y tế 93,2%."
    head = _RATE_HEAD if m.kind == "percent" else _MEASURE_HEAD
    if (m.comparator not in ("eq", "approx") or m.plan_share or not head.match(label) or _content_count(label) < 2
            or _NATURAL.search(label)):
        return False
    clause = max(sent.start, text.rfind(";", sent.start, m.start) + 1)
    # the clause, or its last line (a line wrapped in the middle of a name is one clause with it)
    lefts = {clause, max(clause, text.rfind("\n", sent.start, m.start) + 1)}
    # "4. Tổng vốn đầu tư phát triển toàn xã hội: 11.700 tỷ đồng": the colon only parts the name from its figure
    named = any(" ".join(_LIST_MARK.sub("", text[left : m.start]).split()).rstrip(" :").lower() == label.lower()
                for left in lefts)
    return named and bool(_BARE_FIGURE_END.match(text, m.end)) and _reports_around(text, sent)


_LIST_LINE = re.compile(r"[ \t]*[\-+•–*][ \t]")


def _reports_around(text: str, sent: Sentence) -> bool:
    """The sentence says it reports ("ước", "so với cùng kỳ", "đạt 80% kế hoạch"), or the list of figures it is an
    item of does, no item setting a goal ("- Tốc độ tăng trưởng GRDP ước đạt 6,52%.\n- GRDP bình quân đầu người
    khoảng 138,4 triệu đồng.")."""
    if _REPORTED_LINE.search(text, sent.start, sent.end):
        return True
    line_start = text.rfind("\n", 0, sent.start) + 1
    if not _LIST_LINE.match(text, line_start) or text[line_start : sent.start].strip(" \t-+•–*"):
        return False
    start = line_start
    while start > 0:  # the items before, a blank line between groups allowed
        prev = text.rfind("\n", 0, start - 1) + 1
        if not _LIST_LINE.match(text, prev):
            if text[prev : start].strip() or prev == 0:
                break
            prev2 = text.rfind("\n", 0, prev - 1) + 1
            if not _LIST_LINE.match(text, prev2):
                break
            prev = prev2
        start = prev
    end = sent.end
    while end < len(text):
        nxt = end + len(text[end:]) - len(text[end:].lstrip("\n"))
        if nxt - end > 2 or not _LIST_LINE.match(text, nxt):
            break
        stop = text.find("\n", nxt)
        end = len(text) if stop < 0 else stop
    span = text[start:end]
    return bool(_REPORTED_LINE.search(span)) and not _rx()["goal_body"].search(span)


# what was done, said in the figure's clause: "toàn tỉnh đã giải quyết việc làm mới cho 14.300 người" (not what a
# meeting did to a plan: "Kỳ họp đã thông qua ... với các chỉ tiêu")
_DONE_WORD = re.compile(opens_with("đ", r"(?<![^\W\d_])đã\s+(?!(?:thông qua|ban hành|đề ra|đặt ra|phê duyệt|giao|xác định|thống nhất|"
                        r"quyết nghị|biểu quyết|xem xét|cho ý kiến|chỉ đạo|yêu cầu|đề nghị)(?![^\W\d_]))"), re.IGNORECASE)


def _done_clause(text: str, sent_start: int, m: Measure) -> bool:
    left = _after_last(text, sent_start, m.start, "\n:;")
    return bool(_DONE_WORD.search(text, left, m.start)) and not _AIM_IN_CLAUSE.search(text, left, m.start)


# a count that opens its clause: a list mark, an item number, a run-in heading ("4. Du lịch: ")
_OPENS = re.compile(r"[\s\-+•–*]*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?$", re.IGNORECASE)
# what the count is, after "là", up to where the clause goes on: "1,3 triệu lượt là khách quốc tế, chủ yếu ..."
_IS_WHAT = re.compile(r"\s+là\s+(?P<what>[^\W\d_][^,;.()\d]{2,80}?)\s*(?=[,;.(\n]|$|\d)", re.IGNORECASE)


def _named_after(text: str, sent_start: int, m: Measure) -> str | None:
    """The indicator of a count that opens its clause and is named after "là": "4. Du lịch: 6,1 triệu lượt là
    tổng lượt khách lưu trú 6 tháng, tăng 17% ..." -> "Tổng lượt khách lưu trú"."""
    if m.kind != "count" or "/" in m.unit or m.comparator not in ("eq", "approx"):
        return None
    left = _after_last(text, sent_start, m.start, "\n,:;")
    im = _IS_WHAT.match(text, m.end)
    if not im or not _OPENS.fullmatch(text[left : m.start]):
        return None
    what = _clean_label(_strip_period(im.group("what")))
    if _content_count(what) < 2 or _NOT_A_NAME.match(what) or _AIMED.search(what):
        return None
    return what[:1].upper() + what[1:]


def _whole_of(label: str, m: Measure) -> tuple[str, str] | None:
    """(indicator, base unit) of a reported figure that its parts may divide: a quantity, not a change or a rate,
    whose indicator did not swallow its parts ("Trồng rừng mới trong đó ...")."""
    if re.match(r"(?:mức|tốc độ|tỷ lệ|tỉ lệ)(?![^\W\d_])", label, re.IGNORECASE) or _rx()["part"].search(label):
        return None
    return label, _unit_base(m.unit)


def _part_name(whole: str, part: str) -> str:
    """A part's own indicator, with its whole's noun where the part has none of its own: "Tổng lượt khách du lịch"
    / "khách quốc tế" -> "Khách du lịch quốc tế", "Tổng sản lượng thủy sản" / "sản lượng khai thác" -> "Sản lượng
    thủy sản khai thác"; a part that names another thing keeps "<whole> - <part>" ("thu nội địa")."""
    whole = _strip_period(_NAMES_ASIDE.sub("", whole))  # "Số lượt khách du lịch (đón)": how, not what
    noun = re.sub(r"^(?:tổng\s+số|tổng\s+lượng|tổng\s+lượt|số\s+lượt|số\s+lượng|tổng|số|lượng|lượt)\s+", "", whole,
                  flags=re.IGNORECASE)
    pw, nw = part.split(), noun.split()
    same = 0
    while same < min(len(pw), len(nw)) and pw[same].lower() == nw[same].lower():
        same += 1
    rest = pw[same:]
    if same and rest and not {w.lower() for w in rest} & {w.lower() for w in nw}:
        label = " ".join([*nw, *rest])
    elif same == len(pw) or part.lower().startswith(noun.lower()):
        label = part
    else:
        label = f"{whole} - {_lc(part)}"
    return label[:1].upper() + label[1:]


_SUP_PART = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?=trong\s+đó)", re.IGNORECASE)


def _inline_footnote_whole(text: str, seen: _Seen, sent: Sentence) -> str | None:
    """A footnote body left among the paragraphs (text from a PDF): "⁵ Trong đó: ..." divides the figure that
    the same mark follows earlier in the text."""
    m = _SUP_PART.match(text, sent.start)
    if not m:
        return None
    at = text.rfind(m.group(1), 0, sent.start)
    while at > 0 and not text[at - 1].isalnum() and text[at - 1] not in ",.;)%":
        at = text.rfind(m.group(1), 0, at)
    return seen.whole_before(at + 1, same_paragraph=False) if at > 0 else None


# what stands between a figure written over its plan and the share it makes: "/18,5 tỷ đồng, đạt", "/5.000 ha kế hoạch,
# đạt" (the plan's figure, its unit, maybe the word naming it)
_OVER_PLAN = re.compile(r"\s*/\s*\d[\d.,]*\s*[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){0,3}?\s*,\s*(?:đạt|bằng)\s*$",
                        re.IGNORECASE)


# a news page's links to other items: "Tin liên quan:", "Bài cùng chuyên mục" on a line of its own
_RELATED = re.compile(r"^[ \t*#]*(?:tin|bài|tin bài)\s+(?:liên quan|cùng chuyên mục|khác)[ \t*]*:?[ \t*]*$",
                      re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=8)
def _related_heads(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _RELATED.finditer(text))


def _among_related(text: str, pos: int) -> bool:
    """The sentence is a link under a news page's "Tin liên quan:": another item's headline, not this one's."""
    ends = _related_heads(text)
    i = bisect.bisect_right(ends, pos) - 1
    return i >= 0 and "\n\n" not in text[ends[i] : pos].lstrip("\n")


# the date a reported figure stands at, before what it measures: "Đến hết ngày 30/6/2024, tổng vốn ... giải ngân"
_DATE_LEAD = re.compile(r"^(?:(?:đến|hết|đến hết|tính đến|tính đến hết)\s+)?ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?\s*,?\s*",
                        re.IGNORECASE)


def _read_sentence(ctx: Context, layout: _Layout, sent: Sentence, ms: list[Measure], seen: _Seen) -> list[Quantity]:
    rx = _rx()
    text = ctx.text
    if not ctx.header.kind and _among_related(text, sent.start):
        return []
    mode, sec_period = _mode(layout, sent, ms[0].start)
    if mode in ("body", "none"):  # a report's account: "đạt 122,4% chỉ tiêu." is the share of its quota reached
        ms = [as_quota_share(text, m) for m in ms]
    # counts that describe something ("cả 3 tiêu chí", "của 02 huyện") are words of the text, not figures
    # ("với 3 sản phẩm" unless a share was reached with it: "Hoàn thành 100% kế hoạch với 3 sản phẩm ...")
    ms = [m for i, m in enumerate(ms) if not (m.kind == "count" and _blocked(text, sent.start, m)
                                              and not (i and mode in ("body", "none")
                                                       and _share_then_count(text, sent.start, ms[i - 1], m))
                                              and not (mode in ("body", "none") and _visits_with(text, m)))
          and not (m.kind == "measure" and m.value_text == "trên 1")]  # "giá trị ... trên 1 ha": per area
    # a vote ("với 100% đại biểu có mặt tán thành") is neither a goal nor a result of the plan
    ms = [_per_capita(text, sent.start, m) for m in ms if not (m.kind == "percent" and _VOTE.match(text, m.end))]
    # what a support policy pays ("Hỗ trợ một lần 30 triệu đồng/sản phẩm", "hỗ trợ 50% chi phí") is a rate
    # (most sentences hold no support word: a clause before a figure is part of its sentence, so a sentence
    # without one has no rate)
    if _holds_any(text[sent.start : sent.end], _SUPPORT_WORDS):
        ms = [m for m in ms if not _policy_rate(text, sent.start, m)]
    if not ms:
        return []
    out: list[Quantity] = []
    # results: "X ..., đạt Y% kế hoạch"; one figure may state its share of several plans ("bằng 111,4% dự toán
    # tỉnh giao, bằng 102,6% dự toán thành phố"), and a comparison may stand between ("tăng 2,5% so với cùng
    # kỳ, đạt 100% kế hoạch")
    # a bare "đạt 29,3%" after a figure is its share of the plan the paragraph speaks of
    para_start = max(sent.start - 1500, text.rfind("\n\n", 0, sent.start) + 1, 0)
    result_of: dict[int, list[int]] = {}  # index of the value -> indices of its shares of plan
    share_first: set[int] = set()  # shares written before their figure
    # a figure followed by its share of a plan is reported, in a list too, unless a goal word says otherwise
    # ("phấn đấu thu 500 tỷ đồng, đạt 110% dự toán")
    if mode in ("body", "none", "task") or mode == "list" and not rx["goal_body"].search(text, sent.start, sent.end):
        aside: set[int] = set()  # shares and comparisons, which are not values of their own
        # the end of the paragraph's first plan word ("kế hoạch", "dự toán"), looked for once, when first needed: one
        # before a share is one ending by its start (literal words that cannot overlap: the first ends first)
        plan_word_end: int | None = None
        for j, p in enumerate(ms):
            if p.kind != "percent":
                continue
            if rx["vs_same"].match(text, p.end):
                aside.add(j)
                continue
            if (j and ms[j - 1].kind != "percent" and not ms[j - 1].plan_share and j - 1 not in aside
                    and _OVER_PLAN.match(text, ms[j - 1].end, p.start) and rx["bare_end"].match(text, p.end)):
                # "4.120 ha/5.000 ha kế hoạch, đạt 82,4%": the figure over its plan, then the share it makes
                result_of.setdefault(j - 1, []).append(j)
                aside.add(j)
                continue
            if j and not p.plan_share and plan_word_end is None:
                plan_word = rx["plan_word"].search(text, para_start, sent.end)
                plan_word_end = plan_word.end() if plan_word else len(text) + 1
            if j == 0 or not p.plan_share and (plan_word_end > p.start
                                               or not rx["bare_end"].match(text, p.end)):
                continue
            i = j - 1
            gap_start = ms[i].end
            # a parenthesis between the value and its share: the value is the one before it
            close = text.rfind(")", gap_start, p.start)
            if close >= 0:
                opn = text.rfind("(", sent.start, close)
                while i >= 0 and ms[i].start > opn:
                    i -= 1
                if i < 0:
                    continue
                gap_start = ms[i].end
            past = i in aside or ms[i].plan_share
            if past and not p.plan_share:
                continue  # only a share that names its plan reaches past another figure
            gap = text[gap_start : p.start]
            # names in brackets after the counted thing are an aside: "02 xã đạt chuẩn ... (A, B), đạt 66,7% kế hoạch"
            aside_only = close < 0 or text.rfind("(", sent.start, close) > gap_start
            if not rx["result_link"].match(gap) and not (past and rx["share_link"].match(gap)) and not (
                not past and p.plan_share and aside_only and rx["noun_link"].match(_NAMES_ASIDE.sub("", gap))
            ) and not (  # "- 68 hộ nghèo, hộ cận nghèo được hỗ trợ ..., đạt 56,7% kế hoạch": the figure first
                not past and p.plan_share and close < 0 and ms[i].kind == "count"
                # or the count an action was done for: "Đã hỗ trợ ... cho 57 hộ nghèo, hộ cận nghèo, đạt 38% ..."
                and (_opens_clause(text, sent.start, ms[i]) or _action_before(text, sent.start, ms[i]))
                and _FIGURE_NOUN_LINK.match(gap)
            ):
                continue
            over = _EXCEEDED.search(gap)
            if over and not p.plan_share:
                continue  # "tăng 7,2%, vượt 0,2%": by how much, of no plan the text names
            while i >= 0 and (i in aside or ms[i].plan_share) and ";" not in text[ms[i].start : p.start]:
                i -= 1
            if i < 0 or ms[i].plan_share or ";" in text[ms[i].end : p.start]:
                continue
            if ms[i].kind == "percent" and ms[i].unit == "%" and any(i in v for v in result_of.values()):
                continue
            if (i and ms[i].kind == "money" and ms[i - 1].kind == "count" and i - 1 not in result_of
                    and _WITH_CAPITAL.fullmatch(text, ms[i - 1].end, ms[i].start)):
                i -= 1  # "3.420 doanh nghiệp thành lập mới với tổng vốn đăng ký 21.560 tỷ đồng, đạt 57%": the count's
            result_of.setdefault(i, []).append(j)
            aside.add(j)
            if over:  # "vượt 8% kế hoạch": the figure is 108% of its plan
                ms[j] = replace(p, value=100 + p.value, exact=None if p.exact is None else 100 + p.exact)
        # the share first, then the figure: "đạt 97,8% kế hoạch, tương đương 47.393 ha", "Hoàn thành 100% chỉ tiêu
        # giao quân năm 2024 với 210 thanh niên nhập ngũ"
        for j, p in enumerate(ms[:-1]):
            v = ms[j + 1]
            if (p.plan_share and j not in aside and v.kind != "percent" and j + 1 not in result_of
                    and (rx["equal_link"].match(text[p.end : v.start])
                         or mode in ("body", "none") and (_share_then_count(text, sent.start, p, v)
                                                          # "đạt 35% kế hoạch (420 ha)": the figure in brackets
                                                          or re.fullmatch(r"\s*\(\s*", text[p.end : v.start])))):
                result_of[j + 1] = [j]
                share_first.add(j)
    if mode == "list":  # a goal may state its share of another plan: "1.300 tỷ đồng, bằng 105% dự toán tỉnh giao"
        result_of = {i: js for i, js in result_of.items()
                     if re.search(r"(?<![^\W\d_])đạt(?![^\W\d_])", text[ms[i].end : ms[js[0]].start], re.IGNORECASE)}
    shares = {j for v in result_of.values() for j in v}
    quiet = (mode == "body" and not result_of
             and not (_holds_any(text[sent.start : sent.end], _GOAL_ANY_WORDS)
                      and rx["goal_any"].search(text, sent.start, sent.end))
             and not (_GIVEN_TO.search(text, sent.start, sent.end) and _GIVEN_AIM.search(text, sent.start, sent.end)))
    sentence_start_period = None
    sp = rx["sent_start_period"].match(text, sent.start, min(sent.end, sent.start + 40))
    if sp:
        ps = _periods_in(text, sp.end(), min(sent.end, sp.end() + 25), layout.year)
        if ps and ps[0][0] == sp.end():
            sentence_start_period = ps[0][1]
    # a sentence opened by a goal word carries it over its ";" clauses (news prose of a resolution)
    opener = goal_opener(text, sent.start, sent.end, ms[0].start) if mode == "body" else None
    if opener and sentence_start_period is None:
        sentence_start_period = opener.period
    para_start = text.rfind("\n\n", 0, sent.start) + 1
    if quiet and any(keeps_goal(text, para_start, sent.start, _clause_start(text, sent.start, m.start), m.start)
                     for m in ms):
        quiet = False  # "Tỷ lệ che phủ rừng duy trì ở mức 47%." after a sentence of goals
    prev_end = sent.start
    # the sentence stands under a heading of what comes next (asked for each figure of a report's account)
    under_ahead = mode == "body" and opener is None and _under_ahead(layout, sent.start)
    inherited: str | None = None
    clause_head: str | None = None
    list_head: str | None = None
    dangling = _dangling(text, sent.start)
    # a news headline ("Huyện X đặt mục tiêu tăng trưởng 9% năm 2025") announces a goal its body states in full
    headline = mode == "body" and not ctx.header.kind and _headline(text, sent.start)
    changed: str | None = None  # "tăng" / "giảm" when the figure before was a change ("giảm 05 vụ")
    label_of_change: str | None = None
    whole = (_footnote_whole(ctx, seen, sent) if sent.start >= ctx.running_end
             else _inline_footnote_whole(text, seen, sent))
    in_part = whole is not None
    part_unit: str | None = None
    reported_whole: tuple[str, str] | None = None  # (indicator, base unit) of the last whole reported
    if not in_part and rx["part"].match(text, sent.start, sent.start + 12):
        whole = seen.whole_before(sent.start)
        in_part = whole is not None
    for k, m in enumerate(ms):
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        clause_end = text.find(";", m.end, sent.end)
        clause_end = sent.end if clause_end < 0 else clause_end
        next_in_clause = nxt is not None and nxt.start < clause_end
        stop = min(clause_end, nxt.start) if next_in_clause else clause_end
        left = prev_end
        if ";" in text[left : m.start]:
            clause_head = list_head  # "Cơ cấu kinh tế: nông nghiệp 19-20%; dịch vụ 46-47%" shares its head
        before, head, linked, label_left = _before_text(text, left, m, k > 0,
                                                        head_only=k in shares and k not in share_first)
        if head:
            clause_head = head
            if k == 0 and ";" not in text[sent.start : m.start]:
                list_head = head
        elif clause_head and not before.lower().startswith(clause_head.lower()):
            head = clause_head
        if k in shares:
            if k in share_first:  # the words before the share name the figure after it
                named = _clean_label(before.rsplit(",", 1)[-1])
                inherited = named if _content_count(named) >= 1 else inherited
            prev_end = m.end
            continue
        pg = rx["paren_goal"].search(text, max(left, m.start - 40), m.start)
        if pg and inherited and not quiet:
            # "đạt 11,78% (mục tiêu 10-11%)": the goal of the figure before it
            period = _period_for(text, layout, sent.start, m.start, m, sentence_start_period,
                                 sec_period or layout.title_period)
            if re.search(r"năm", pg.group("w"), re.IGNORECASE):
                period = _year_of(period)
            out.append(Quantity(
                category="target", indicator=f"{inherited} ({_lc(pg.group('w'))})", value=m.value, max=m.max,
                comparator=m.comparator, unit=m.unit, value_text=m.value_text, period=period,
                start=m.start, end=m.end,
            ))
            prev_end = m.end
            continue
        if k == 0 and dangling and before[:1].isupper() and ";" not in text[sent.start : m.start]:
            before = _clean_label(f"{dangling} {_lc(before)}")
        after = _after_text(text, m, stop, next_in_clause)  # (not read for a share, nor for a goal in brackets)
        label = _indicator(m, before, head, linked, after, inherited)
        if m.kind == "percent" and "/" in m.unit:
            # "tăng bình quân 12 - 15%/năm": a rate in "%", the "/năm" says what the indicator averages over
            unit, per = m.unit.split("/", 1)
            m = replace(m, unit=unit)
            if label and not re.search(rf"/\s*{re.escape(per)}|(?:hằng|hàng|mỗi)\s+{re.escape(per)}", label):
                label = f"{label}/{per}"
        raw_before = text[left : m.start]
        bare = _BARE_CHANGE.match(text[left : m.num_start]) if k > 0 and m.kind == "percent" else None
        signed = _SIGNED_SHARE.match(text[left : m.num_start]) if k > 0 and m.kind == "percent" else None
        change = _CHANGE_BEFORE.search(text[max(left, m.start - 12) : m.start]) if m.kind != "percent" else None
        if change and m.kind == "count" and mode in ("body", "none"):
            # "so với cùng kỳ giảm 05 vụ": the change of the figure with the same unit said before it;
            # "giảm 02 người chết": the change of what follows the unit
            after_words = re.sub(r"\s*\(.*$", "", after)
            if after_words:
                base = f"Số {m.unit} {_lc(after_words)}"
            else:
                base = seen.same_unit(m.start, m.unit, _clause_start(text, sent.start, m.start)) or label
            label = ("Mức giảm " if change.group(1).lower() == "giảm" else "Mức tăng ") + _lc(base)
        if signed and changed is not None and label_of_change:
            # "giảm 05 vụ (-50%)": the rate of that change
            label = ("Mức giảm " if changed == "giảm" else "Tốc độ tăng ") + _lc(label_of_change)
            if rx["vs_same_any"].search(text, sent.start, m.start):
                label += " so với cùng kỳ"
            if mode in ("body", "none"):
                out.append(Quantity(
                    category="result", indicator=label, value=m.value, max=m.max, comparator=m.comparator,
                    unit=m.unit, value_text=m.value_text,
                    period=_period_for(text, layout, label_left, m.end, m, sentence_start_period,
                                       sec_period or layout.title_period),
                    start=m.start, end=m.end,
                ))
            changed = label_of_change = None
            prev_end = m.end
            continue
        elif bare and inherited and not m.plan_share:
            # ", tăng 5,2%" right after a figure: the growth of what that figure measures
            label = ("Tốc độ tăng " if bare.group(1).lower() == "tăng" else "Mức giảm ") + _lc(_strip_period(inherited))
            if after:
                label = f"{label} {_lc(after)}"
        changed, label_of_change = (change.group(1).lower(), label) if change else (None, None)
        if label_of_change and label_of_change.startswith(("Mức giảm ", "Mức tăng ")):
            label_of_change = label_of_change.split(" ", 2)[2]
        given = (_plan_given(text, _clause_start(text, sent.start, m.start), m)
                 if mode != "none" and not m.plan_share and k not in result_of and k not in shares else None)
        if given:
            # "¹ Dự toán huyện giao 7.890 triệu đồng": the plan figure of what the marked figure measures
            words, rest = given
            of = _plan_whole(ctx, seen, sent, m)
            name = f"{_strip_period(of)} ({_lc(words)})" if of else _clean_label(f"{words} {rest} {after}")
            if of or rest is not None and _content_count(f"{rest} {after}") >= 1:
                out.append(Quantity(
                    category="target", indicator=name, value=m.value, max=m.max, comparator=m.comparator,
                    unit=m.unit, value_text=m.value_text,
                    period=_period_for(text, layout, label_left, m.end + len(text[m.end : stop]), m, None, layout.year),
                    start=m.start, end=m.end,
                ))
            prev_end = m.end
            continue
        pm = rx["part"].search(raw_before) if _holds_any(raw_before, ("đó",)) else None  # ("trong đó")
        if pm:
            sup = _SUP_PART.search(raw_before)
            if sup:  # a footnote body run into the paragraph before it
                fw = _inline_footnote_whole(text, seen, Sentence(left + sup.start(), sent.end, "", None))
                whole = fw or whole
            if whole:
                in_part = True
                # "7.100 tỷ đồng, trong đó thu nội địa 6.450 tỷ đồng; có thêm 9 xã ...": a part named inside its
                # whole's clause, not a list of parts ("trong đó: a; b; c"), ends where a figure of another unit
                # opens a clause
                own = [p for p in ms[:k] if p.kind != "percent"]  # the whole's figure, not its share or growth
                part_unit = (_unit_base(own[-1].unit) if own and ";" not in raw_before[: pm.start()]
                             and not re.match(r"\s*:", raw_before[pm.end() :]) else None)
        elif in_part and label and ";" in raw_before and (
                part_unit and m.kind != "percent" and _unit_base(m.unit) != part_unit
                or re.match(r"tổng(?![^\W\d_])", label, re.IGNORECASE)):
            in_part = False  # "trong đó thu nội địa 480 tỷ đồng; tổng vốn đầu tư ...": a total is a whole of its own
        if label and _holds_any(raw_before, _CUMUL_WORDS) and rx["cumul"].search(raw_before) or label and _content_count(_strip_period(label)) < 1:
            prior = seen.same_unit(m.start, m.unit, _clause_start(text, sent.start, m.start))
            if prior:
                label = _strip_period(prior) or prior
        elif (label and in_part and whole and not m.plan_share and not label.lower().startswith(whole.lower())
              and not bare):
            label = f"{whole} - {_lc(label)}"
        if label and not m.plan_share and not rx["vs_same"].match(text, m.end):
            if not in_part:
                whole = label
            seen.add(m.start, label, m.unit, whole or label, _clause_start(text, sent.start, m.start))
        clause_left = label_left
        after_end = m.end + len(text[m.end : stop])
        aim = _aim(ctx, layout, sent, m, stop) if mode == "body" and k not in result_of else None
        if aim:
            # "..., bảo đảm giải ngân 100% kế hoạch vốn trước ngày 31/01/2025": a task's quantified aim
            out.append(Quantity(
                category="target", indicator=aim, value=m.value, max=m.max, comparator=m.comparator,
                unit="%" if m.plan_share else m.unit, value_text=m.value_text,
                period=_period_for(text, layout, m.start, after_end, m, None, _AIM_BY.search(text, m.end, stop).group("y")),
                start=m.start, end=m.end,
            ))
            prev_end = m.end
            continue
        # a report's own account: not its part on what comes next ("II. NHIỆM VỤ 6 THÁNG CUỐI NĂM")
        own_report = (mode == "body" and bool(ctx.header.kind) and not layout.planning and opener is None
                      and not under_ahead)
        # a news item's account of its period, when its sentence says it reports ("ước", "so với cùng kỳ")
        # or its list of figures does, or the figure's clause says it was done ("toàn tỉnh đã giải quyết ...")
        news_account = (mode == "body" and not ctx.header.kind and opener is None
                        and not under_ahead
                        and (_reports_around(text, sent) or _done_clause(text, sent.start, m)))
        may_be_done = ((own_report or news_account) and k not in result_of and not headline
                       and not _goal_carried(text, mode, sent, opener, para_start, clause_left, m))
        done = _done_in_report(text, sent.start, m, after) if may_be_done and own_report else None
        done_unit = None
        if may_be_done and not done:
            # "Giới thiệu việc làm cho 540 lượt lao động", "thị xã đón khoảng 52.000 lượt khách": no cue needed
            # "Thành lập mới 14 doanh nghiệp": what the action was done to
            phrase_end = _phrase_end(text, m, stop)
            acted = (_done_for(text, sent.start, m, phrase_end)
                     or _received(text, sent.start, m, stop, layout, sent)
                     or _object_of(text, sent.start, m, phrase_end)
                     or _handed_over(text, sent.start, m, phrase_end)
                     or _works_done(text, sent.start, m, phrase_end))
            if acted:
                done, done_unit = acted
                inherited = done  # what the next figure may measure too (", tăng 9% so với cùng kỳ")
        part_text = _clean_label(text[left + pm.end() : m.start]) if pm else ""
        part_of = (reported_whole if pm and in_part and reported_whole and k not in result_of and not m.plan_share
                   and m.kind != "percent" and _unit_base(m.unit) == reported_whole[1]
                   # a part that names itself, no verb ("trong đó đã khởi tố 29 vụ"), no cue of its own
                   and _content_count(part_text) >= 1 and not _NOT_A_NAME.match(part_text)
                   and not re.match(r"(?:đã|được|có)(?![^\W\d_])", part_text, re.IGNORECASE)
                   and not _report_cue(text[max(left, m.start - 30) : m.num_start])
                   and not rx["result"].search(text, clause_left, m.start) else None)
        def reported(indicator: str, unit: str | None = None, share: Measure | None = None, m: Measure = m,
                     clause_left: int = clause_left, after_end: int = after_end) -> Quantity:
            """A reported figure of this clause; its period the clause's, else one an earlier clause stated."""
            indicator = _DATE_LEAD.sub("", indicator)
            indicator = indicator[:1].upper() + indicator[1:]
            return Quantity(
                category="result", indicator=indicator, value=m.value, max=m.max, comparator=m.comparator,
                unit=unit or _measure_word(m.unit, indicator), value_text=m.value_text,
                period=_period_for(text, layout, clause_left, after_end, m, sentence_start_period,
                                   sec_period or layout.title_period, earlier_from=sent.start),
                start=min(m.start, share.start) if share else m.start, end=max(m.end, share.end) if share else m.end,
                percent_of_plan=share.value if share else None,
            )

        named = (_named_after(text, sent.start, m) if mode == "body" and k not in result_of and not headline
                 else None)  # (read first: it rejects most figures at once)
        if named and (_AIMED.search(text, sent.start, m.start)
                      or _goal_carried(text, mode, sent, opener, para_start, clause_left, m)):
            named = None
        if named:
            # "6,1 triệu lượt là tổng lượt khách lưu trú 6 tháng": the words after "là" name what the figure counts
            out.append(reported(named, unit=m.unit))
            if not in_part:
                reported_whole = _whole_of(named, m)
                whole = named
            seen.add(m.start, named, m.unit, whole or named, _clause_start(text, sent.start, m.start))
            inherited = named
            prev_end = m.end
            continue
        if done or part_of:
            # "Nâng tỷ lệ ... lên 85,7%", "Đào tạo nghề cho 870 người"; "...; trong đó khách quốc tế 262 nghìn lượt"
            # after a reported whole: reported figures though no "ước đạt" says so
            name = done or _part_name(part_of[0], part_text)
            out.append(reported(name, unit=done_unit if done else None))
            prev_end = m.end
            continue
        reached = (_share_reached(text, sent.start, left, m, before)
                   if mode == "body" and m.plan_share and k not in result_of and not headline
                   # the only figure of its clause: not "Với 928,6 triệu USD, kim ngạch ... đạt 74,3% kế hoạch"
                   and not any(p.kind != "percent" and p.start >= _clause_start(text, sent.start, m.start)
                               for p in ms[:k])
                   # nor a share a figure in brackets after it makes: "đạt 35% kế hoạch (420 ha)"
                   and not (nxt is not None and re.match(r"\s*\($", text[m.end : nxt.start])) else None)
        if reached and not _is_target(text, mode, sent, m, None, clause_left, after_end,
                                      _goal_carried(text, mode, sent, opener, para_start, clause_left, m)):
            # "Giải ngân vốn đầu tư công đạt 41,3% kế hoạch vốn": the share is the figure reported
            out.append(reported(reached, unit="%", share=m))
            prev_end = m.end
            continue
        if quiet or mode == "body" and k not in result_of:
            # a reported figure that states no share of a plan: "GRDP ước tăng 6,18%", "Tỷ lệ ... đạt 93,2%"
            rep = _reported_label(text, left, m, label, before, inherited,
                                  added_counts=bool(ctx.header.kind) and not layout.planning or news_account,
                                  account=own_report or news_account)
            if rep is None and (own_report or news_account) and label and _bare_figure(text, sent, m, label):
                rep = label  # "- Diện tích nuôi trồng thủy sản 3.020 ha; sản lượng ... ước ...": as its neighbours
            if rep and not (not quiet and _is_target(text, mode, sent, m, nxt if next_in_clause else None,
                                                     clause_left, after_end,
                                                     _goal_carried(text, mode, sent, opener, para_start,
                                                                   clause_left, m))):
                if not in_part and m.kind != "percent":
                    reported_whole = _whole_of(rep, m)
                out.append(reported(rep))
                if label:
                    inherited = label
                prev_end = m.end
                continue
        if quiet:
            prev_end = m.end
            continue
        if k in result_of:
            share_at = ms[result_of[k][0]]
            if share_at.start > m.start:
                first = (_figure_first(text, m, share_at.start) if _opens_clause(text, sent.start, m)
                         else _done_for(text, sent.start, m, _last_comma(text, m.end, share_at.start))
                         or _received(text, sent.start, m, share_at.start, layout, sent)
                         or (_visitors(*_counted(text, m, _phrase_end(text, m, share_at.start)), _context(layout, sent))
                             if _visits_with(text, m) and _counted(text, m, _phrase_end(text, m, share_at.start))
                             else None)
                         or _handed_over(text, sent.start, m, _last_comma(text, m.end, share_at.start)))
            else:  # "Đạt 52% kế hoạch năm với 64.300 lượt khách ...": the words after the count name it
                first = (_count_after_share(text, m, after_end, _context(layout, sent))
                         if _share_then_count(text, sent.start, share_at, m) else None)
            unit = _measure_word(m.unit, label or "")
            if first:  # the counted thing written after the figure names it; the unit is the measure word
                label, unit = first
                if not in_part:
                    whole = label  # what its parts after it are parts of ("...; trong đó khách quốc tế ...")
            if label and not in_part and m.kind != "percent":
                reported_whole = _whole_of(label, m)
            for p in (ms[j] for j in result_of[k]):
                if label:
                    out.append(reported(label, unit=unit, share=p))
        elif label and not headline and _is_target(text, mode, sent, m, nxt if next_in_clause else None, clause_left,
                                                   after_end, _goal_carried(text, mode, sent, opener, para_start,
                                                                            clause_left, m)):
            default = sec_period if mode in ("task", "plan", "list") else layout.period_after_list(sent.start)
            if mode == "body" and default is None and not ctx.header.kind and not sentence_start_period:
                # a news text: the year it last gave its plan or goals, else its headline's
                default = goal_year(text, sent.start) or layout.year
            given = _given_aim(text, sent.start, m, clause_left, after_end) if mode == "body" else None
            if given is not None:
                label = _aimed_at(text, given, m, label, after)
            right = after_end
            if opener is not None:  # "giảm 1,5%, năm 2024 đã giảm 1,8%": a year past a comma is the next figure's
                comma = text.find(",", m.end, after_end)
                right = after_end if comma < 0 else comma
            out.append(Quantity(
                category="target", indicator=label, value=m.value,
                max=m.max if m.max is not None else (m.value if m.comparator == "lte" else None),
                comparator=m.comparator, unit=_classifier(m.unit), value_text=m.value_text,
                period=_period_for(text, layout, clause_left, right, m, sentence_start_period, default),
                start=m.start, end=m.end,
            ))
        if label:
            inherited = label if not m.plan_share else inherited
        prev_end = m.end
    return out


_REPORT_CUE = re.compile(
    r"(?<![^\W\d_])(?:(?:ước đạt|ước tăng|ước giảm|ước tính|ước thực hiện|ước|đã đạt|đạt được|lũy kế|luỹ kế|đạt|tăng|giảm)"
    # "giảm còn 1,15%", "giảm xuống còn", "tăng lên 95%": the level reached
    r"(?:\s+(?:khoảng|được|là|còn|xuống còn|xuống|lên))?"
    # what was done and how much: "Trồng rừng tập trung được 420 ha", "đã cứng hóa được 12,8 km"
    r"|(?<=[^\W\d_] )được(?:\s+khoảng)?)\s*$",
    re.IGNORECASE,
)
# "... được N" after who received it (`_RECIPIENT`): a recipient, not an action and its count
# the last words of _REPORT_CUE's and _RECEIVED_BEFORE's words (end-anchored patterns, tried at every position: only
# when the text ends with one)
_REPORT_CUE_ENDS = ("đạt", "tăng", "giảm", "tính", "hiện", "ước", "được", "kế", "khoảng", "là", "còn", "xuống", "lên")
_RECEIVED_ENDS = ("đón", "hút", "vụ", "được")


def _ends_with(s: str, words: tuple[str, ...]) -> bool:
    """Whether `s`, white space stripped on its right, ends with one of `words` (in lower case), ignoring case."""
    return s.rstrip()[-16:].lower().endswith(words) or _odd_folds(s)


def _report_cue(lead: str) -> bool:
    """Whether a reporting word ends `lead` ("ước đạt", "tăng lên", "được")."""
    return _ends_with(lead, _REPORT_CUE_ENDS) and _REPORT_CUE.search(lead) is not None


_RECEIVED_BY = re.compile(rf"(?<![^\W\d_]){_RECIPIENT.pattern}\s+được\s*$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"(?:tăng(?!\s+trưởng)|giảm|được|đạt|là|có|so với|bằng|\d)(?![^\W\d_])", re.IGNORECASE)
_SIGNED_SHARE = re.compile(r"^[^\d();,]{0,30}\(\s*[-+–−]\s*$")
_CHANGE_BEFORE = re.compile(r"(?<![^\W\d_])(tăng|giảm)(?:\s+thêm)?\s*$", re.IGNORECASE)
_BARE_CHANGE = re.compile(r"^[\s,]*(tăng|giảm)\s*$", re.IGNORECASE)


# a count a report adds in the period: "Có thêm 07 xã được công nhận đạt chuẩn ...", "công nhận thêm 3 sản phẩm"
_ADDED = re.compile(r"(?<![^\W\d_])(?:có|công nhận|xây dựng|phát triển|thành lập)(?:\s+mới)?\s+thêm(?:\s+được)?\s*$",
                    re.IGNORECASE)
# words before it that make the count a forecast or an aim: "dự kiến có thêm 02 xã", "sẽ có thêm"
_NOT_DONE = re.compile(r"(?<![^\W\d_])(?:dự kiến|sẽ|phấn đấu|kế hoạch|mục tiêu|cần|đề nghị|để|nhằm)\s+[^\W\d_]+"
                       r"(?:\s+[^\W\d_]+)?\s*$", re.IGNORECASE)


# an aim in the clause before a figure: "giao Sở Tài chính ..., bảo đảm thu ngân sách đạt 2.750 tỷ đồng" (not "đã bảo đảm")
_DIRECTED_AIM = re.compile(opens_with("bđp", r"(?<![^\W\d_])(?<!đã )(?:bảo đảm|đảm bảo|phấn đấu)(?![^\W\d_])"), re.IGNORECASE)


def _reported_label(text: str, left: int, m: Measure, label: str, before: str,
                    inherited: str | None, added_counts: bool = False, account: bool = False) -> str | None:
    """The indicator of a figure the text reports ("ước đạt", "đạt", "tăng"; in a report, a count it adds: "có
    thêm 07 xã ..."), or None when it is not one. Only figures whose indicator is named in full are kept: a
    reported figure is a fact about its indicator."""
    if m.plan_share:
        return None
    lead = text[max(left, m.start - 30) : m.num_start]
    if _ends_with(lead, ("được",)) and _RECEIVED_BY.search(lead):
        return None  # "hộ gia đình, cá nhân được 340 giấy": who received, not what was done
    if not _report_cue(lead) and not (added_counts and m.kind == "count" and _ADDED.search(lead)
                                             and not _NOT_DONE.search(text, max(left, m.start - 45), m.num_start)
                                             ) and not (account and _KEPT.search(lead)):
        return None
    # (after the cue, which most figures lack: the clause is searched for a direction only then)
    if _DIRECTED_AIM.search(text, left, m.num_start):
        return None  # "..., bảo đảm thu ngân sách nhà nước trên địa bàn đạt 2.750 tỷ đồng": what a direction aims at
    bare = _BARE_CHANGE.match(text[left : m.num_start])
    if bare and inherited and m.kind == "percent":
        # ", tăng 7,7%" after a figure: the growth of what that figure measures
        base = _strip_period(inherited)
        return ("Tốc độ tăng " if bare.group(1).lower() == "tăng" else "Mức giảm ") + _lc(base)
    if not label or _content_count(label) < 2 or label == inherited or _NOT_A_NAME.match(label.split(" - ")[-1]):
        return None
    if m.kind == "percent" and not (label.startswith(("Tốc độ tăng ", "Mức giảm ")) or _RATE_NOUN.match(before)):
        return None  # "đạt khoảng 65% khối lượng" is a share of something the text does not name
    if _ONLY_REACHED.search(lead):  # "tỷ lệ ... mới đạt 94,6%": how far, not what
        label = re.sub(r"\s+(?:mới|chỉ|mới chỉ)$", "", label)
    return _clean_label(re.sub(r"\s+là\s.*$", "", label))


_ONLY_REACHED = re.compile(r"(?<![^\W\d_])(?:mới|chỉ)\s+(?:đạt|bằng|được)\s*$", re.IGNORECASE)
# words of an aim before a share: "Để hoàn thành mục tiêu giải ngân ... đạt trên 60%", "phấn đấu ... đạt 95%"
_AIM_IN_CLAUSE = re.compile(opens_with("đnmcpby", r"(?<![^\W\d_])(?:để|nhằm|mục tiêu|chỉ tiêu|phấn đấu|bảo đảm|đảm bảo|yêu cầu"
                                                   r"|cần|phải)(?![^\W\d_])"), re.IGNORECASE)
# a place named first: "Thành phố Vinh", "huyện Quỳnh Lưu"
_PLACE_NAMED = re.compile(r"(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s+(?-i:[A-ZĐ])", re.IGNORECASE)
# a level kept, in a report's account: "Tỷ lệ che phủ rừng duy trì 29,76%", "giữ ổn định ở mức 63%", "khoảng"
_KEPT = re.compile(r"(?<![^\W\d_])(?:(?:duy trì|giữ(?:\s+ổn định)?|ổn định)(?:\s+ở)?(?:\s+mức)?|khoảng)\s*$",
                   re.IGNORECASE)
# goal words anywhere before a share in its sentence: "đề ra mục tiêu phấn đấu ...; tỷ lệ giải ngân ... đạt 100%"
_GOAL_IN_SENTENCE = re.compile(opens_with("pmđn", r"(?<![^\W\d_])(?:phấn đấu|mục tiêu|để|nhằm)(?![^\W\d_])"), re.IGNORECASE)
# dates and periods, which are no figures of the clause: "đến ngày 30/9/2024", "9 tháng", "năm 2024", "quý II"
_DATES = re.compile(r"(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?|(?:năm|quý|tháng)\s+[\dIVX]+(?:/\d{4})?|\d{1,2}\s+tháng",
                    re.IGNORECASE)
# a count the share was reached with, after it: "đạt 78,2% kế hoạch năm với 1.017.000 lượt khách"
_COUNT_AFTER = re.compile(r"[^;.]{0,40}?\svới\s+(?:khoảng\s+|hơn\s+|gần\s+|trên\s+)?\d", re.IGNORECASE)
# a judgement of the pace after the indicator: "tiến độ giải ngân vốn đầu tư công còn chậm"
_VERDICT_TAIL = re.compile(r"\s+(?:còn\s+|vẫn\s+)?(?:chậm|thấp|chưa đạt yêu cầu)\s*,?\s*$", re.IGNORECASE)
# the link to a share reached: "đạt", "mới đạt", "chỉ bằng", "đạt khoảng"
_SHARE_REACHED = re.compile(r"(?<![^\W\d_])(?:đạt|bằng)(?:\s+(?:được|khoảng|gần|trên|hơn))?\s*$", re.IGNORECASE)
# what says how far, or by when, before the link: "mới", "chỉ", "đến ngày 15/6/2025"
_SHARE_LEAD_TAIL = re.compile(r"(?:\s*,?\s*(?:(?:đến|tính đến|hết|đến hết|tính đến hết)\s+)?ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?"
                              r"|\s+(?:mới|chỉ|mới chỉ|ước|đã|cũng))+\s*$", re.IGNORECASE)


def _share_reached(text: str, sent_start: int, left: int, m: Measure, before: str) -> str | None:
    """The indicator of a share of its plan stated alone, as the figure reached: "Giải ngân vốn đầu tư công đến
    ngày 15/6/2025 đạt 41,32% kế hoạch vốn" -> "Giải ngân vốn đầu tư công", "thu tiền sử dụng đất chỉ đạt 31% dự
    toán" -> "Thu tiền sử dụng đất"; None when no link word joins them or the words name no indicator."""
    clause = max(sent_start, text.rfind(";", sent_start, m.start) + 1, text.rfind(":", sent_start, m.start) + 1)
    if (not _SHARE_REACHED.search(text, max(left, m.start - 40), m.num_start)
            or _AIM_IN_CLAUSE.search(text, clause, m.start) or _GOAL_IN_SENTENCE.search(text, sent_start, m.start)):
        return None  # "Để hoàn thành mục tiêu giải ngân (đến ngày 30/9 đạt trên 60% ...)": an aim
    if re.search(r"\d", _DATES.sub(" ", text[clause : m.num_start])) or _COUNT_AFTER.match(text, m.end):
        return None  # "với 2,61 triệu lượt khách, đạt 27,5% kế hoạch", "đạt 78,2% kế hoạch năm với 1.017.000 lượt": a
        # share of the count the clause states
    label = _clean_label(_VERDICT_TAIL.sub("", _SHARE_LEAD_TAIL.sub("", before)))
    label = re.sub(r"^(?:tiến độ|tình hình|công tác)\s+", "", label, flags=re.IGNORECASE)
    if (_content_count(label) < 2 or _NOT_A_NAME.match(label) or re.search(r"\d", label)
            or _PLACE_NAMED.match(label)):
        return None  # "thành phố Vinh đạt 50,3% dự toán": a place's share of its own budget names no indicator
    return label[:1].upper() + label[1:]


# the words before a year that make it the base of a comparison ("so với năm 2023", "cùng kỳ năm 2024")
_BASELINE_BEFORE = re.compile(r"(?:so với|cùng kỳ|hơn|bằng)(?:\s+(?:cuối|đầu))?\s*$", re.IGNORECASE)


def _earlier_period(text: str, layout: _Layout, sent_start: int, clause_left: int) -> str | None:
    """The period an earlier clause of the sentence stated: '... năm 2024 tổng giá trị sản xuất tăng 7,4%; thu
    nhập bình quân đầu người đạt 55 triệu đồng' -- the second figure is of 2024 too, not of the headline's year."""
    if clause_left <= sent_start:
        return None
    ps = [p for p in _periods_in(text, sent_start, clause_left, layout.year)  # not a baseline ("so với năm 2023")
          if not _BASELINE_BEFORE.search(text, max(sent_start, p[0] - 20), p[0])]
    return ps[-1][1] if ps else None


def _period_for(text: str, layout: _Layout, left: int, right: int, m: Measure, sent_period: str | None,
                default: str | None, earlier_from: int | None = None) -> str | None:
    """The period of the figure: the one its clause text[left:right] names nearest to it, else `sent_period`, else
    (given the sentence's start `earlier_from`) one an earlier clause of the sentence stated, else `default`."""
    ps = _periods_in(text, left, right, layout.year)
    # a period named inside the figure's own span is not its period ("năm 2022 - 15 dự án")
    ps = [p for p in ps if not (m.num_start <= p[0] < m.end)]
    if ps:
        period = min(ps, key=lambda x: abs(x[0] - m.num_start))[1]
    else:  # (the earlier clauses are read only when needed)
        period = (sent_period or (_earlier_period(text, layout, earlier_from, left) if earlier_from is not None else None)
                  or default)
    # a crop season named before the figure is part of its year, the months unknown: "2024-vụ Xuân"
    season = _SEASON_RX.search(text, left, m.start)
    year = _year_of(period) or layout.year
    if season and year and re.fullmatch(r"(?:19|20)\d\d(?:-.*)?", year):
        name = " ".join(w.capitalize() for w in re.split(r"[\s\-–]+", season.group(1)))
        return f"{year}-vụ {name}"
    return period


# a goal counts in the measure word, the thing counted is named by the indicator ("Số điểm du lịch cộng đồng",
# "12 điểm"; "Số lượt khách du lịch", "350.000 lượt")
_CLASSIFIERS = {"lượt khách": "lượt", "lượt người": "lượt", "điểm du lịch": "điểm", "hộ nghèo": "hộ", "hộ cận nghèo": "hộ",
                "hộ gia đình": "hộ", "hộ dân": "hộ"}


def _measure_word(unit: str, indicator: str) -> str:
    """'nghìn lượt' of '412 nghìn lượt khách' when the indicator was named from the count ('Số lượt khách du lịch
    (đón)'): what is counted went into the indicator, the unit is the measure word, as in the plan's target. An
    indicator named otherwise ('Tổng lượng khách du lịch ... 755.950 lượt khách') keeps the unit as written."""
    cm = _UNIT_CLASSIFIER.match(unit)
    if cm is None or "/" in unit:
        return unit
    return cm.group(1) if _counted_words(unit).search(indicator) else unit


@lru_cache(maxsize=1024)
def _counted_words(unit: str) -> re.Pattern:
    """The words of a unit after its magnitude ("lượt khách" of "nghìn lượt khách"), as a whole phrase."""
    words = re.sub(r"^(?:(?:nghìn|ngàn|vạn|triệu|tỷ|trăm)\s+)+", "", unit, flags=re.IGNORECASE)
    return re.compile(rf"(?<![^\W\d_]){re.escape(words)}(?![^\W\d_])", re.IGNORECASE)


def _classifier(unit: str) -> str:
    base, _, per = unit.partition("/")
    *mag, noun = re.split(r"\s+(?=(?:lượt|điểm|hộ)(?![^\W\d_]))", base, maxsplit=1)
    word = _CLASSIFIERS.get(noun.lower())
    return unit if word is None else " ".join([*mag, word]) + (f"/{per}" if per else "")


_VOTE = re.compile(
    r"\s*(?:tổng\s+)?(?:số\s+)?(?:đại biểu|phiếu)(?:\s+[^\W\d_]+){0,6}?\s+(?:tán thành|nhất trí|biểu quyết|thông qua|đồng ý)",
    re.IGNORECASE,
)
# the rate is named before the figure: "số bác sỹ/1 vạn dân đạt 13,5 bác sỹ"
_PER_CAPITA_BEFORE = (r"\s*(?:/|trên)\s*(?:(?:1|một)\s+)?(?P<mag>vạn|nghìn|ngàn|triệu|trăm nghìn)\s+(?:dân|người dân)"
                      r"\s*(?:đạt|là|:)?\s*(?:khoảng|trên|từ|tối thiểu|ít nhất|≥|>=|>)?\s*$")


@lru_cache(maxsize=1024)
def _per_capita_before(unit: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_]){re.escape(unit)}{_PER_CAPITA_BEFORE}", re.IGNORECASE)


def _per_capita(text: str, start: int, m: Measure) -> Measure:
    if m.kind != "count" or "/" in m.unit:
        return m
    before = text[max(start, m.start - 60) : m.start]
    # ("dân" ends every rate: the pattern made of the unit is compiled and tried only when it is there)
    pm = _per_capita_before(m.unit).search(before) if "dân" in before.lower() else None
    return replace(m, unit=f"{m.unit}/1 {pm.group('mag')} dân") if pm else m


_SUPPORT = re.compile(opens_with("hđmtb", r"(?<![^\W\d_])(?:hỗ trợ|định mức|mức chi|mức thưởng|thưởng|trợ cấp|trợ giúp|bồi thường)"
                      r"(?![^\W\d_])"), re.IGNORECASE)
# a support word right before the amount: "Hỗ trợ một lần 30 triệu đồng", "mức hỗ trợ tối đa 20 triệu đồng"
_SUPPORT_BEFORE = re.compile(r"(?<![^\W\d_])(?:hỗ trợ|định mức|mức chi|trợ cấp)(?:\s+(?:một lần|thêm|là|mức|bằng))?"
                             r"\s*(?:tối đa|không quá|đến|lên đến|từ)?\s*$", re.IGNORECASE)
_REPORTED_SUM = re.compile(r"(?<![^\W\d_])(?:đã|ước|lũy kế|luỹ kế)(?![^\W\d_])", re.IGNORECASE)
_PER_THING = re.compile(r"\s*/\s*[^\W\d_]|\s*(?:cho\s+)?(?:mỗi|một)\s+[^\W\d_]", re.IGNORECASE)
_COST_SHARE = re.compile(r"\s*(?:tổng\s+)?(?:chi phí|kinh phí|giá trị|lãi suất|học phí|tiền|mức phí|phí|vốn vay)"
                         r"(?![^\W\d_])", re.IGNORECASE)


def _policy_rate(text: str, sent_start: int, m: Measure) -> bool:
    """A sum a policy pays per thing or a share of a cost it bears, said with a support word: "Hỗ trợ một lần 30
    triệu đồng/sản phẩm", "hỗ trợ 50% chi phí thiết kế", "định mức 5 triệu đồng/ha". A per-capita goal without
    one ("thu nhập bình quân đầu người 60 triệu đồng/người/năm") stays a figure."""
    if m.kind not in ("money", "percent") or m.plan_share:
        return False
    clause = text[_clause_start(text, sent_start, m.start) : m.start]
    if not _SUPPORT.search(clause):
        return False
    if m.kind == "percent":
        return bool(_COST_SHARE.match(text, m.end)) and bool(_SUPPORT.search(clause[-40:]))
    if "/" in m.unit or _PER_THING.match(text, m.end):
        return True
    # "Hỗ trợ một lần 10 triệu đồng để ...", not what was paid out: "đã hỗ trợ 1.200 triệu đồng, đạt 80% kế hoạch"
    return (bool(_SUPPORT_BEFORE.search(clause)) and not _REPORTED_SUM.search(clause)
            and not re.match(r"[^.;]{0,40}?\d[\d.,]*\s*%\s*(?:kế hoạch|dự toán|KH)", text[m.end : m.end + 60]))


def _blocked(text: str, left: int, m: Measure) -> bool:
    bwords = text[max(left, m.start - 30) : m.start].lower().split()
    if not bwords:
        return False
    return bwords[-1] in _COUNT_BLOCKERS or " ".join(bwords[-2:]) in _COUNT_BLOCKERS


def _goal_carried(text: str, mode: str, sent: Sentence, opener, para_start: int, clause_left: int,
                  m: Measure) -> bool:
    """The figure's clause carries the goal its sentence opens with, or keeps a level the sentence before set."""
    if mode != "body":
        return False
    if opener is not None:
        return m.start > opener.end and carried(text, opener, _clause_start(text, sent.start, m.start), m.start)
    return keeps_goal(text, para_start, sent.start, _clause_start(text, sent.start, m.start), m.start)


_NAMES_ASIDE = re.compile(r"\s*\([^()]{1,120}\)")
# a part of a goal after a comma: "thu ngân sách 7.100 tỷ đồng, trong đó thu nội địa 6.450 tỷ đồng"
_PART_COMMA = re.compile(r",\s*(?=trong\s+đó(?![^\W\d_]))", re.IGNORECASE)


# a body given a job in the sentence: "giao Sở Tài chính ...", "Sở X chủ trì ...", "Sở Y chịu trách nhiệm ..."
_GIVEN_TO = re.compile(opens_with("Ggc", r"(?<![^\W\d_])(?:(?<!bàn )[Gg]iao(?:\s+cho)?\s+(?=[A-ZĐ])"
                                         r"|(?:chủ trì|(?:chịu|có) trách nhiệm)(?![^\W\d_]))"))
# what it must reach, in the figure's clause: "bảo đảm thu ... đạt 2.750 tỷ đồng", "hoàn thành trồng mới 1.200 ha"
# or the goal it must carry out, named: "thực hiện chỉ tiêu tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 (95,5%)"
_GIVEN_AIM = re.compile(opens_with("bđcmh", r"(?<![^\W\d_])(?<!đã )(?<!chưa )(?:(?P<keep>bảo đảm|đảm bảo)|(?P<named>chỉ tiêu|mục tiêu)"
                                              r"|hoàn thành)(?![^\W\d_])"), re.IGNORECASE)


_BY_QUARTER = re.compile(r"(?<![^\W\d_])(?:trước|trong|chậm nhất)\s+(?:cuối\s+)?quý\s+(?:IV|I{1,3}|[1-4])\s*(?:/|năm)\s*(?:19|20)\d\d",
                         re.IGNORECASE)


def _given_aim(text: str, sent_start: int, m: Measure, left: int, right: int) -> re.Match | None:
    """A figure a body is given to reach: the sentence gives the body its job, and the figure's clause says what it
    must ensure ("..., giao Sở Tài chính chủ trì, ..., bảo đảm thu ngân sách nhà nước trên địa bàn đạt 2.750 tỷ
    đồng trở lên") or finish by a time ("Sở X chịu trách nhiệm hướng dẫn các huyện hoàn thành trồng mới 1.200 ha
    mắc ca trong tháng 11/2024"): a goal, not a report, though no "phấn đấu" says so."""
    if m.plan_share:
        return None  # "bảo đảm giải ngân 100% kế hoạch vốn trước ngày ...": a share of a plan, read by _aim
    aims = list(_GIVEN_AIM.finditer(text, left, m.start))
    if not aims or not _GIVEN_TO.search(text, sent_start, aims[0].start()):
        return None
    # "bảo đảm hoàn thành kế hoạch trồng 9.500 ha ...": what is ensured; a bare "hoàn thành" needs its time
    if any(a.group("keep") or a.group("named") for a in aims) or (_AIM_BY.search(text, m.end, right)
                                                                   or _BY_QUARTER.search(text, m.end, right)):
        return aims[-1]
    return None


def _aimed_at(text: str, aim: re.Match, m: Measure, label: str, after: str = "") -> str:
    """What a given aim is about: the goal it names before the figure ("thực hiện chỉ tiêu tỷ lệ dân số tham gia
    bảo hiểm y tế năm 2025 (95,5%)"), else the words after its "bảo đảm" / "hoàn thành" ("rà soát các nguồn thu,
    bảo đảm thu ngân sách nhà nước trên địa bàn" -> "Thu ngân sách nhà nước trên địa bàn"), not the job before it."""
    if aim.group("named"):
        named = _clean_label(text[aim.end():m.start])
        whose = (after or "").split(",")[0].strip()
        if re.match(r"(?i)của\s", whose):  # "mục tiêu tăng trưởng 8,8% của 6 tháng cuối năm": whose goal it is
            named = f"{named} {_lc(whose)}"
        return named if _content_count(named) >= 2 else label
    am = None
    for am in _GIVEN_AIM.finditer(label):
        pass
    rest = _clean_label(label[am.end():]) if am else ""
    return rest if _content_count(rest) >= 2 else label


def _is_target(text: str, mode: str, sent: Sentence, m: Measure, nxt: Measure | None, left: int, right: int,
               goal_carried: bool = False) -> bool:
    rx = _rx()
    if mode == "none":
        return False
    for r in rx["result"].finditer(text, left, right):
        # a reported figure in brackets after a goal is a comment on it: "72 triệu đồng (ước thực hiện ...)"
        if not (r.start() > m.end and text.rfind("(", m.end, r.start()) > text.rfind(")", m.end, r.start())):
            return False
    if mode == "body":
        if goal_carried:
            return True
        # a goal word reaches over the figures after it joined by "và" ("phấn đấu có thêm 2 xã ... và 1 xã ..."),
        # or a part of it ("trong đó ..."), not past another comma ("đặt mục tiêu thu 200 tỷ đồng, kết quả thu
        # 210 tỷ đồng") or a period of their own
        goal = rx["goal_body"].search(text, _clause_start(text, sent.start, m.start), m.start)
        reach = (left if goal is None or "," in _PART_COMMA.sub(" ", text[goal.end() : left])
                 or _periods_in(text, goal.end(), left, None) else goal.start())
        return bool(
            rx["goal_body"].search(text, reach, m.start)
            or rx["goal_named"].search(text, max(left, m.start - 30), m.start)
            or rx["purpose"].search(text, max(left, m.start - 8), m.start)
            or rx["plan_is"].search(text, max(left, m.start - 40), m.start)
            or _given_aim(text, sent.start, m, left, right) is not None
        )
    if m.kind == "duration":
        return m.comparator == "lte"
    if m.kind != "count":
        return True
    before = text[max(left, m.start - 40) : m.start].lower()
    bwords = before.split()
    # the figure is the subject of another figure's goal: "10 xã ... phấn đấu đạt từ 10 tiêu chí"
    between = text[m.end : nxt.start] if nxt is not None else ""
    if nxt is not None and "," not in between and re.search(r"(?<![^\W\d_])đạt\s*(?:được\s*)?$", between, re.IGNORECASE):
        return False
    if mode == "list" or m.comparator != "eq":
        return True
    if _COUNT_CUE_BEFORE.search(" ".join(bwords[-4:])):
        return True
    return bool(_COUNT_CUE_AFTER.search(" ".join(text[m.end : right].lower().split()[:8])))

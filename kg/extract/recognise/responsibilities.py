"""Responsibilities: who the text makes responsible for what, in which role, and by when.

Three layouts state them:
- an assignment table (Markdown pipe rows, one per line) whose header names the lead ("Cơ quan chủ trì"),
  the cooperating bodies ("Cơ quan phối hợp") and the time ("Thời gian hoàn thành");
- labelled lines: "Cơ quan chủ trì: X; Cơ quan phối hợp: Y; Thời gian: Quý II/2024";
- items headed by a body ("2. Sở Tài chính:" then bullets of what it must do);
- sentences: "X chủ trì, phối hợp với Y ...", "Giao X ...", "X có trách nhiệm ...", "X là chủ đầu tư A và B ...",
  "X được giao làm chủ đầu tư / chủ trì ...", "X giám sát việc thực hiện ...", a party body that leads a state
  body ("Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng ...": the party body leads, the led body is not
  read), and, inside a task or an implementation section, a clause whose subject is an agency ("UBND huyện X
  hoàn thành ... trước ngày 30/6/2023").

Only the subject of a clause, the bodies a task is given to ("Giao X", "chỉ đạo X", "yêu cầu X") and the bodies after
"phối hợp với" are read: where an instruction came from ("theo chỉ đạo của X"), whom a request or report
goes to ("đề nghị X", "báo cáo X") and agencies merely named inside a task are never in those places.
Agencies are the agencies recogniser's mentions, so their names are the canonical ones.

The object of a statement: the enclosing task (a numbered item of a task section, a table row), the project
of an investor (each of the works it lists; "là chủ đầu tư công trình" in a numbered item: the work the item
names; "2. ... các công trình: A; B. X làm chủ đầu tư": the list the sentence before ends with, in the same
item; "Nhà máy A của Công ty X (chủ đầu tư)": the work before the body), the document itself in its
implementation section ("Tổ chức thực hiện"), else a project or programme the statement names; a statement
with no object is left out. A headerless summary that reports exactly one numbered resolution ("Tỉnh ủy X
đã ban hành Nghị quyết số 28-NQ/TU ...") means that one by a bare "Nghị quyết".
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from ..records import AgencyMention, Context, DirectiveRef, NamedMention, Responsibility, Section, Task
from ..structure import roman_to_int
from . import places
from .agencies import GENERIC_PART, ORG_HEAD, canonical_agency, slot_bodies, tone_fold
from .scan import lowered
from .target_objects import targets_named


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with every space between two words matching any run of white space: PDF text breaks lines
    anywhere ("chủ\ntrì", "trước\nngày")."""
    return re.compile(re.sub(r"(?<=[^\W\d_]) (?=[^\W\d_])", r"\\s+", pattern), flags)


# ------------------------------------------------------------------ deadlines
_ROMAN_Q = r"(?P<q>IV|I{1,3}|[1-4])"
_DATE = r"(?<!tháng )(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
_DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
_MONTH = r"tháng\s+(?:\d{1,2}\s*[-–]\s*)?(?P<mm>\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)(?P<my>\d{4})"
_QUARTER = rf"quý\s+(?:(?:IV|I{{1,3}}|[1-4])\s*[-–,]\s*)?{_ROMAN_Q}\s*(?:[/.-]\s*|\s+năm\s+)(?P<qy>\d{{4}})"
_YEAR = r"năm\s+(?:\d{4}\s*[-–]\s*)?(?P<yy>\d{4})"
# a day or a month the text gives without its year ("trước ngày 30 tháng 9", "trong tháng 11"): the year is the
# document's, when it has one
_DAY_NO_YEAR = r"(?P<d3>\d{1,2})\s+tháng\s+(?P<m3>\d{1,2})(?!\s*(?:năm|[/.-])\s*\d)(?!\d)"
_MONTH_NO_YEAR = r"tháng\s+(?P<m4>\d{1,2})(?!\s*(?:năm|[/.-])\s*\d)(?!\d)"
_ANY_PERIOD = (rf"(?:(?:ngày\s+)?{_DATE_WORDS}|(?:ngày\s+)?{_DATE}|{_MONTH}|{_QUARTER}|{_YEAR}"
               rf"|ngày\s+{_DAY_NO_YEAR}|{_MONTH_NO_YEAR})")
# in running text a deadline needs its word: "trước ngày 30/6/2023", "trong Quý III/2024", "hoàn thành tháng 6/2023"
_DEADLINE_TEXT = _rx(
    r"(?i)(?<!\w)(?:(?:hoàn thành|xong)\s+)?(?:trước|chậm nhất(?:\s+(?:là|vào))?|(?:ngay\s+)?trong|vào|hạn chót|"
    r"hoàn thành|xong)\s+(?:(?:cuối|đầu)\s+)?" + _ANY_PERIOD
)
_DEADLINE_CELL = re.compile(r"(?i)(?<!\w)" + _ANY_PERIOD)


def _period(m: re.Match, default_year: str | None) -> str | None:
    g = m.groupdict()
    if g.get("d2"):
        return f"{int(g['y2']):04d}-{int(g['m2']):02d}-{int(g['d2']):02d}"
    if g.get("d"):
        y = g.get("y") or default_year
        d, mo = int(g["d"]), int(g["m"])
        if not y or not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        return f"{int(y):04d}-{mo:02d}-{d:02d}"
    if g.get("mm"):
        mo = int(g["mm"])
        return f"{int(g['my']):04d}-{mo:02d}" if 1 <= mo <= 12 else None
    if g.get("q"):
        q = g["q"]
        n = int(q) if q.isdigit() else roman_to_int(q.upper())
        return f"{g['qy']}-Q{n}"
    if g.get("yy"):
        return g["yy"]
    if g.get("d3") and default_year:
        d, mo = int(g["d3"]), int(g["m3"])
        return f"{int(default_year):04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mo <= 12 else None
    if g.get("m4") and default_year:
        mo = int(g["m4"])
        return f"{int(default_year):04d}-{mo:02d}" if 1 <= mo <= 12 else None
    return None


def deadline_in_text(s: str, default_year: str | None = None) -> str | None:
    """The first deadline a sentence states: 'hoàn thành trước ngày 30/6/2023' -> '2023-06-30'."""
    for m in _DEADLINE_TEXT.finditer(s):
        p = _period(m, default_year)
        if p:
            return p
    return None


def deadline_in_cell(s: str, default_year: str | None = None) -> str | None:
    """A table's time cell: 'Quý III/2024' -> '2024-Q3', 'Tháng 02/2023' -> '2023-02'; 'Thường xuyên' -> None."""
    m = _DEADLINE_CELL.search(s)
    return _period(m, default_year) if m else None


# ------------------------------------------------------------------ words around the subject
# words that may stand between the agencies of a subject list: titles and generic plurals
_GLUE = sorted({
    "và", "cùng", "các", "những", "giám đốc", "chủ tịch", "phó chủ tịch", "thủ trưởng", "chánh",
    "trưởng ban", "trưởng", "thường trực", "sở", "ban", "ngành", "đơn vị", "cơ quan", "liên quan", "địa phương",
    "tổ đại biểu", "đại biểu", "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "cấp", "tỉnh",
    "hđnd", "ubnd", "hội đồng nhân dân", "ủy ban nhân dân", "thành viên", "chức năng", "đoàn thể",
    "tổ chức chính trị - xã hội", "tổ chức chính trị-xã hội", "đoàn thể chính trị - xã hội", "đoàn thể chính trị-xã hội",
    "có liên quan", "trực thuộc", "chuyên môn", "của",
}, key=len, reverse=True)
_GLUE_RE = _rx(r"(?i)(?:" + "|".join(re.escape(g).replace("\\ ", " ") for g in _GLUE) + r")(?!\w)")
_PUNCT_RE = re.compile(r"[\s,]+")
_SEP_RE = re.compile(r"\s*(?:,|(?<!\w)và(?!\w)|(?<!\w)cùng(?!\w))\s*")
_PAREN_RE = re.compile(r"\s*\([^()\n]{0,80}\)")
_MARKER_RE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVXL]{1,5}\.|[-+•–*])\s+")

_INVESTOR = _rx(r"(?i)\s*(?:,\s*)?(?:(?:là|làm)\s+)?chủ đầu tư(?!\w)")
# "X là cơ quan thường trực, chủ trì, phối hợp với Y ...", "X là cơ quan chủ trì ...": X leads
_LEAD = _rx(r"(?i)(?:là\s+(?:cơ quan|đơn vị)\s+(?:(?:thường trực|đầu mối)\s*,?\s*)?)?(?:tiếp tục\s+|trực tiếp\s+)?chủ trì(?!\w)")
_DUTY = _rx(r"(?i)(?:có|chịu)\s+trách nhiệm(?!\w)")
# an obligation before a verb: "... phải đôn đốc nhà thầu ..."
_MUST = _rx(r"(?i)\s*,?\s*(?:phải|cam kết)\s+(?=[^\W\d_])")
_COOP = _rx(r"(?i)(?:tiếp tục\s+|tích cực\s+|chủ động\s+)?phối hợp(?!\w)")
_SUPERVISE = _rx(
    r"(?i)[\s,:]*(?:(?:theo dõi|kiểm tra|đôn đốc|thanh tra),?\s+(?:và\s+)?)*giám sát(?!\w)"
    r"|[\s,:]*(?:[\wÀ-ỹ]+[\s,]+){0,6}?(?:kiểm tra|giám sát|đánh giá|theo dõi)[^;.]{0,40}?việc\s+(?:tổ chức\s+)?"
    r"(?:triển khai\s+)?(?:thực hiện|thi hành)"
)
# "kiểm tra, giám sát chất lượng thi công", "tăng cường kiểm tra ...", "theo dõi, đôn đốc các nhà thầu ...": checking
# the work in hand (see _checks_work)
_CHECK_VERB = r"(?:theo dõi|kiểm tra|đôn đốc|giám sát|thanh tra)"
_CHECKS = _rx(
    r"(?i)[\s,:]*(?:(?:tăng cường|thường xuyên|tiếp tục|chủ động|định kỳ)\s+)*(?P<chain>" + _CHECK_VERB
    + r"(?:(?:\s*,\s*|\s+và\s+)" + _CHECK_VERB + r")*)(?!\w)(?:\s+(?!và\s)|(?P<more>\s*,\s*))(?=[^\W\d_])"
)
# urging collection or a target is carrying it out: "đôn đốc thu ngân sách", "... thu nợ thuế", "... hoàn thành chỉ tiêu"
_COLLECTS = _rx(r"(?i)(?:việc\s+)?(?:thu|hoàn thành(?:\s+[^\W\d_]+){0,3}?\s+(?:chỉ tiêu|dự toán))(?!\w)")
_STANDING = _rx(r"(?i)\s*,?\s*là\s+cơ quan\s+(?:thường trực|đầu mối|chủ trì)(?!\w)[^,;.:]{0,80}?(?=,|\s+(?:có|chịu)\s+trách)")
# "Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng ...": the party body leads; the body it leads is
# only led (unlike "chỉ đạo X", which gives X the job)
_LEADS_BODY = _rx(r"(?i)\s*,?\s*lãnh đạo(?:(?:\s*,\s*|\s+và\s+)chỉ đạo)?\s+(?=\S)")
_GIVEN = _rx(r"(?i)\s*,?\s*được\s+(?:giao|phân công)(?:\s+nhiệm vụ)?\s+")
_HELPS = _rx(r"(?i)\s+(?:giúp|tham mưu(?:\s+cho)?|giúp việc cho)\s+")
_ASSIGN = _rx(r"(?i)(?=[gcpy])(?<!\w)(?<!bàn )(?<!được )(?<!đã )(?<!đang )(?:giao|chỉ đạo|phân công|yêu cầu)\s+(?:cho\s+)?(?=\S)")
# "phối hợp (với) X", and "chủ trì, cùng X ...", "chủ trì cùng X ..." (X works with the lead)
_COOP_WITH = _rx(r"(?i)(?=[pc])(?:(?<!\w)phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?|(?<=, )cùng|(?<=chủ[ ]trì[ ])cùng)"
                 r"\s+(?=\S)")
_CLAUSE_OPENER = _rx(r"(?i)(?P<w>giao(?:\s+cho)?|phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?)\s+")
_NOT_RESPONSIBLE_OPENER = _rx(r"(?i)(?:kính\s+)?(?:đề nghị|kiến nghị|đề xuất|báo cáo|theo|căn cứ|thực hiện|trình)\b")
# a word after the subject that does not start an action: past reports, passives, descriptions
_NOT_ACTION = {
    "đã", "đang", "được", "bị", "vẫn", "còn", "là", "của", "tại", "về", "với", "theo", "trên", "và", "có", "không",
    "chưa", "cũng", "đều", "thì", "mà", "nay", "năm", "tháng", "quý", "ngày", "số", "trong", "đến", "từ", "cho",
    "gồm", "thuộc", "này", "đó", "như", "khi", "nếu", "sau", "trước", "qua", "ban", "kèm", "ký", "nhận",
    "các", "những", "cùng",
}
_CLOSING = _rx(r"(?i)\s*(?:xin\s+|trân trọng\s+|kính\s+)?(?:báo cáo|đề nghị|kiến nghị)(?!\w)")
_END_OF_BODY = re.compile(r"(?im)^[ \t]*(?:Nơi nhận|TM\.|KT\.)")
_WORD = re.compile(r"[^\W\d_]+")
_THIS = _rx(r"(?i)(?:Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Chương trình|Đề án|Thông báo|Công văn|Văn bản|Kết luận)\s+này")
# "(giám sát việc) tổ chức triển khai thực hiện Nghị quyết": carrying out a document. Without a number after
# it, the word names the document itself where the document is of that kind or has no header (a portal's
# summary of a resolution); a number names another one (see _carried_out_directive)
_DOC_WORD = r"(?P<w>Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Chương trình|Đề án|Kết luận|Thông báo)"
# "tổ chức tuyên truyền, quán triệt sâu rộng Nghị quyết": making a document known is carrying it out too
_SPREAD = r"(?:quán triệt|tuyên truyền|phổ biến|học tập|cụ thể hóa|cụ thể hoá)"
_IMPLEMENTS_DOC = _rx(
    r"(?i)(?:việc\s+)?(?:tổ chức\s+)?(?:(?:triển khai\s+)?(?:thực hiện|thi hành)|triển khai"
    r"|" + _SPREAD + r"(?:(?:\s*,\s*|\s+và\s+)" + _SPREAD + r")*)"
    r"(?:\s+(?:có hiệu quả|nghiêm túc|tốt|sâu rộng|rộng rãi|kịp thời))?\s+(?:các\s+)?" + _DOC_WORD
    + r"(?!\s*(?:số\s*)?\d)(?!\w)"
)
# "giám sát việc thực hiện." with nothing after it
_BARE_SUPERVISE = _rx(r"(?i)việc\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)\s*(?:[.;]|$)")
# "Nghị quyết ... giao UBND huyện triển khai thực hiện, ...": the document is the subject, the verb has no object
# what may stand before it in a predicate: "có trách nhiệm giám sát, đôn đốc việc thực hiện ..."
_IMPL_HEAD = _rx(
    r"(?i)[\s,:]*(?:(?:có|chịu)\s+trách nhiệm\s+)?(?:(?:tiếp tục|chủ trì|giám sát|kiểm tra|theo dõi|đôn đốc|chỉ đạo|"
    r"hướng dẫn|khẩn trương|tham gia)(?:\s*,\s*|\s+và\s+|\s+))*"
)
_IMPLEMENTS_VERB = _rx(
    r"(?i)(?:việc\s+)?(?:tổ chức\s+)?(?:(?:triển khai\s+)?(?:thực hiện|thi hành)|triển khai)(?:\s+(?:có hiệu quả|nghiêm túc|tốt))?\s+"
)
_IMPLEMENTS_BEFORE = _rx(r"(?i)(?:thực hiện|thi hành|triển khai)(?:\s+(?:có hiệu quả|nghiêm túc|tốt))?\s+$")
# "chỉ đạo các sở, ngành, địa phương triển khai ...": the body given the job has it carried out by others
_DIRECTS_GENERIC = _rx(r"(?i)\s*(?:các|những)\s+(?:sở|ngành|cơ quan|đơn vị|địa phương|cấp|ban)(?:[\s,]+(?:và\s+)?"
                       r"(?:sở|ngành|ban|cơ quan|đơn vị|địa phương|liên quan|có liên quan|các cấp|các|trực thuộc))*\s+")
_BARE_IMPLEMENT = _rx(r"(?i)(?:việc\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)(?=\s*[,.;]|\s*$)")
_DOC_SUBJECT = _rx(r"(?i)(?:các\s+)?" + _DOC_WORD + r"(?!\s*(?:số\s*)?\d)(?!\w)")
# a list of works a statement names: "tập trung đẩy nhanh các dự án trọng điểm như: A; B; C"
_WORKS_LIST = _rx(
    r"(?i)(?<!\w)(?:dự án|công trình|hạng mục)(?!\w)[^.;:\n]{0,80}?(?<!\w)(?:như|gồm|bao gồm)\s*:?(?:\s+|$)"
    r"|(?<!\w)(?:các|những)\s+(?:dự án|công trình)(?!\w)[^.;:\n]{0,60}?:(?:\s+|$)"
)
_BULLET_LINE = re.compile(r"[ \t]*(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])[ \t]+[^\n]*")
_IMPLEMENTATION = re.compile(r"(?i)tổ chức thực hiện|tổ chức triển khai|trách nhiệm thực hiện|hiệu lực thi hành|thi hành")


_BARE_RESOLUTION = _rx(r"(?<!\w)Nghị quyết(?!\s*(?:số\s*)?\d)(?!\w)")
# "đã ban hành Nghị quyết số ...", "thông qua Nghị quyết số ...": the resolution a summary reports
_REPORTS = _rx(r"(?i)(?:ban hành|thông qua|ký ban hành|quán triệt|triển khai|sơ kết|tổng kết)\s+$")
_PASSES = _rx(r"(?i)(?:ban hành|thông qua)\s+$")
_REPORTS_UNNUMBERED = _rx(r"(?i)(?:ban hành|thông qua)\s+(?:các\s+)?Nghị quyết(?!\s*(?:số\s*)?\d)(?!\w)")


def _inside(spans, pos: int):
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return None


_ABBR = {"HĐND": "Hội đồng nhân dân", "UBND": "Ủy ban nhân dân"}


def _joint_offices(text: str, ags: list[AgencyMention]) -> list[AgencyMention]:
    """'Văn phòng HĐND và UBND huyện': one office serving two bodies, not the office and the committee."""
    out: list[AgencyMention] = []
    i = 0
    while i < len(ags):
        a = ags[i]
        b = ags[i + 1] if i + 1 < len(ags) else None
        if (b is not None and a.text.startswith("Văn phòng") and re.fullmatch(r"\s+và\s+", text[a.end:b.start])
                and b.name.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân"))):
            first = " ".join(_ABBR.get(w, w) for w in a.text.split()[2:])
            out.append(AgencyMention(name=f"Văn phòng {first} và {b.name}", text=text[a.start:b.end], start=a.start,
                                     end=b.end, kind=a.kind))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


class _Doc:
    """What the scan reads of the document, with lookups by offset."""

    def __init__(self, ctx: Context, agencies, named, directives, quantities=None) -> None:
        self.ctx = ctx
        self.quantities = quantities or []  # the targets a statement may assign
        self.text = ctx.text
        self.t = ctx.text  # matched as written: folding tone marks would change the words the rules look for
        self.ags: list[AgencyMention] = _joint_offices(ctx.text, sorted(agencies or [], key=lambda a: a.start))
        self._ag_at = {a.start: a for a in self.ags}
        self.named: list[NamedMention] = sorted(named or [], key=lambda n: n.start)
        self.directives: list[DirectiveRef] = sorted(directives or [], key=lambda d: d.start)
        self.tasks: list[Task] = ctx.tasks
        # implementation sections: "Tổ chức thực hiện" headings, and every article after the first of a
        # resolution or decision (Điều 1 says what is decided, the next ones who carries it out)
        self.impl: list[Section] = [s for s in ctx.sections if s.level <= 2 and (
            _IMPLEMENTATION.search(s.heading) and len(s.heading) < 120
            or s.marker.startswith("Điều") and s.marker != "Điều 1")]
        self.year = (ctx.header.date or "")[:4] or None
        self.own_number = (ctx.header.number or "").replace(" ", "")
        self._task_at: dict[int, Task | None] = {}
        self._summarises: dict[str, bool] = {}  # names_itself of a headerless document, by word
        self._reported: str | None = None
        # lower-cased text for quick tests of whether a word occurs at all (when lower-casing keeps the offsets;
        # the one the scan of projects made)
        self.low = lowered(ctx.text)

    def reported_resolution(self, s: int, e: int) -> str | None:
        """The number of the one resolution a headerless summary reports ('Tỉnh ủy X đã ban hành Nghị quyết số
        28-NQ/TU ...'), when the statement at s..e names a bare 'Nghị quyết'; None when it reports none or several."""
        if self.ctx.header.kind or not _BARE_RESOLUTION.search(self.t, s, e):
            return None
        if self._reported is None:
            ds = [d for d in self.directives if d.type_code == "NQ"]
            nq = {d.number.replace(" ", "") for d in ds}
            told = {d.number.replace(" ", "") for d in ds if _REPORTS.search(self.t, max(0, d.start - 30), d.start)}
            # "thông qua Nghị quyết về ... và Nghị quyết số 41/NQ-HĐND": one of them has no number (a headline
            # may name the numbered one without its number)
            unnumbered = _REPORTS_UNNUMBERED.search(self.t, max(0, self.t.find("\n")))
            # "triển khai Nghị quyết số 25/NQ-HĐND ..., kỳ họp thông qua Nghị quyết số 48/NQ-HĐND": the one the
            # meeting passed or issued is the news, the ones carried out before are its background
            passed = [d for d in ds if _PASSES.search(self.t, max(0, d.start - 30), d.start)]
            # ("thông qua Nghị quyết số 40/NQ-HĐND ... và Nghị quyết số 41/NQ-HĐND ...": both were passed)
            if len(passed) == 1 and not any(passed[0].start < d.start and not re.search(
                    r"[.\n]", self.t[passed[0].start:d.start]) for d in ds):
                told = nq = {passed[0].number.replace(" ", "")}
            self._reported = next(iter(told)) if len(told) == 1 and nq == told and not unnumbered else ""
        return self._reported or None

    def may_hold(self, a: int, b: int, *words: str) -> bool:
        """False only when none of the words (lower case) occurs in a..b: a pattern that needs one cannot match."""
        return self.low is None or any(self.low.find(w, a, b) >= 0 for w in words)

    def agency_at(self, pos: int) -> AgencyMention | None:
        return self._ag_at.get(pos)

    def agencies_in(self, a: int, b: int) -> list[AgencyMention]:
        return [x for x in self.ags if a <= x.start and x.end <= b]

    def task_at(self, pos: int) -> Task | None:
        if pos not in self._task_at:
            self._task_at[pos] = _inside(self.tasks, pos)
        return self._task_at[pos]

    def in_implementation(self, pos: int) -> bool:
        return _inside(self.impl, pos) is not None

    def names_itself(self, word: str) -> bool:
        """Whether a bare 'Nghị quyết' / 'Kế hoạch' ... refers to this document: it is of that kind, or it has
        no header of its own (a news or portal summary of the document it reports)."""
        kind = (self.ctx.header.kind or "").lower()
        if kind:
            return kind == word.lower()
        # a summary says what it summarises in its title or lead, or that the meeting passed it: "HĐND tỉnh thông
        # qua Nghị quyết về ...", "Kỳ họp đã thông qua Nghị quyết về nhiệm vụ năm 2025"
        w = word.lower()
        if w not in self._summarises:  # asked for every statement: each word looked for once
            self._summarises[w] = w in self.t[:600].lower() or bool(
                re.search(rf"(?i)thông qua\s+(?:các\s+)?{re.escape(w)}(?!\w)", self.t))
        return self._summarises[w]

    def past_cooperators(self, k: int, end: int) -> int:
        """Where the text goes on after 'phối hợp với X, Y' at k (k itself when no body follows)."""
        cm = _COOP_WITH.match(self.t, k, end)
        if cm:
            co, q = _agency_list(self, cm.end(), end)
            if co and co[0].start == cm.end():
                return q
        return k

    def verb_at(self, p: int, end: int) -> int:
        """Where the verb of a predicate starts, after 'chủ trì, giám sát, ...' and 'phối hợp với X và các cơ
        quan liên quan' ('chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện Kế hoạch')."""
        k = _IMPL_HEAD.match(self.t, p, end).end()
        q = self.past_cooperators(k, end)
        if q != k:
            k = _IMPL_HEAD.match(self.t, q, end).end()
        gm = _DIRECTS_GENERIC.match(self.t, k, end)
        if gm and re.search(r"(?i)chỉ\s+đạo\s*$", self.t[max(p, k - 12):k]):
            return gm.end()
        return k

    def implements_directive(self, p: int, end: int) -> str | None:
        """'triển khai thực hiện Kế hoạch số 45/KH-UBND' at p: the number of that other directive."""
        m = _IMPLEMENTS_VERB.match(self.t, self.verb_at(p, end), end)
        if m is None:
            return None
        d = next((d for d in self.directives if m.end() <= d.start <= m.end() + 2), None)
        return d.number if d is not None and d.number.replace(" ", "") != self.own_number else None

    def implements_this(self, p: int, end: int) -> bool:
        """'tổ chức triển khai thực hiện Nghị quyết' at p, the document being this one."""
        m = _IMPLEMENTS_DOC.match(self.t, self.verb_at(p, end), end)
        if m is None or any(n.start == m.start("w") for n in self.named):
            return False  # "triển khai Kế hoạch quảng bá du lịch năm 2025": a named plan, not this document
        return self.names_itself(m.group("w")) or bool(_THIS.match(self.t, m.start("w"), end))


def _skip(t: str, p: int, end: int) -> int:
    while p < end and t[p] in " \t\n\"“”'‘’(":
        p += 1
    m = _MARKER_RE.match(t, p, end)
    return m.end() if m else p


# "huyện Bình Gia chuẩn bị ...": in a task's subject or after "chỉ đạo", a district, town or commune stands for
# its People's Committee
_LOCAL_UNIT = _rx(r"(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]hị trấn|[Xx]ã|[Pp]hường)\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2}(?!\w)")


# "UBND các huyện Ba Tơ, Minh Long và Sơn Hà": after the committee of a unit, the next names of its list on
# the same line are units of the same kind (only names the reference data knows as such); "diễn tập khu vực
# phòng thủ huyện Văn Lãng, Lộc Bình" lists no committees
_LISTED_UNITS = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|các)[ \t]+"
                           r"([Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]hị trấn|[Xx]ã|[Pp]hường)[ \t]+"
                           r"(?:[A-ZĐ]\w*(?:[ \t]+[A-ZĐ]\w*){0,2}[ \t]*(?:,|[ \t]và)[ \t]*){1,12}$")
_UNIT_NAME = re.compile(r"[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2}(?!\w)")
_AFTER_SEP = re.compile(r"(?:,|[ \t]và)[ \t]*$")


def _listed_unit(doc: _Doc, p: int, end: int) -> tuple[re.Match, str] | None:
    m = _UNIT_NAME.match(doc.t, p, end)
    if m is None or not _AFTER_SEP.search(doc.t, max(0, p - 6), p):
        return None
    before = _LISTED_UNITS.search(doc.t, max(0, p - 240), p)
    kind = before.group(1).lower() if before else None
    return (m, kind) if kind and places.known(m.group(), kind) else None


def _local_unit(doc: _Doc, p: int, end: int) -> AgencyMention | None:
    m = _LOCAL_UNIT.match(doc.t, p, end)
    unit = m.group() if m else None
    if m is None and (listed := _listed_unit(doc, p, end)):
        m, kind = listed
        unit = f"{kind} {m.group()}"
    if not m or not (doc.task_at(p) or doc.in_implementation(p)):
        return None
    name = canonical_agency("UBND " + unit, doc.ctx.place, doc.ctx.level)
    if not name or not name.startswith("Ủy ban nhân dân") or tone_fold(unit.split(None, 1)[1]) not in tone_fold(name):
        return None  # the canonical name lost part of the unit's ("xã Tân Hội" read as "xã Tân")
    return AgencyMention(name=name, text=m.group(), start=p, end=m.end(), kind="PeoplesCommittee")


_SPACES = re.compile(r"\s+")


def _agency_list(doc: _Doc, p: int, end: int) -> tuple[list[AgencyMention], int]:
    """Agencies from p on, joined by commas or 'và', titles and generic plurals between them ('Giám đốc Sở X,
    UBND các huyện và Sở Y'); (mentions, position after them). Two names with nothing between are not a list:
    one of them is a piece of a longer name."""
    t = doc.t
    found: list[AgencyMention] = []
    last = p
    sep = True  # at the start or after a separator: a title, a generic word or an agency may follow
    owner = False  # after "của": "các Ban của HĐND tỉnh" names the committees, not the council
    just_sep = False
    while p < end:
        a = doc.agency_at(p) or (_local_unit(doc, p, end) if sep and not owner else None)
        if a is not None and sep and owner:
            p, owner = a.end, False
            continue
        if a is not None and sep:
            found.append(a)
            p = last = a.end
            pm = _PAREN_RE.match(t, p, end)
            if pm:
                p = last = pm.end()
            sep = just_sep = False
            continue
        m = _SEP_RE.match(t, p, end)
        if m and m.end() > p and found:
            p, sep, just_sep = m.end(), True, True
            continue
        w = _SPACES.match(t, p, end)
        if w and sep:
            p = w.end()
            continue
        g = _GLUE_RE.match(t, p, end)
        if g and sep:
            just_sep = False
            owner = g.group().lower() in ("của", "đại biểu", "tổ đại biểu")
            p = g.end()
            w = _SPACES.match(t, p, end)
            p = w.end() if w else p
            if g.group().lower() == "ban" and doc.agency_at(p) is not None:
                owner = True  # "các Ban HĐND tỉnh": the council's committees, like "các Ban của HĐND tỉnh"
            continue
        break
    if not found:
        return [], last
    if just_sep:
        return found, last  # "Sở X và công nghiệp ...": the name went on, the list is not closed
    while p > last and t[p - 1] in " \t\n":
        p -= 1
    return found, p  # the predicate starts after the generic words that close the list


# an opening phrase ends at its comma and the clause proper begins: "Trường hợp hụt thu, Sở Tài chính ..."
_OPENING = re.compile(r"(?i)(?:trường hợp|đối với|riêng|trong|sau khi|khi|nếu|để|về|từ)\b[^,;:]{0,120},\s+")


# a line of its own ends a clause: "**1. Về phân bổ vốn**" / "Sở Tài chính chủ trì ..." (a heading, then its body)
# (the break's look back comes after it: a pattern whose every branch opens with a character is scanned for them)
_CLAUSE_END = re.compile(r"[;:]\s+|\n\s*(?=[-+•–]\s)|\n(?<![,\-–]\n)[ \t]*(?=\S)")


def _clause_starts(t: str, a: int, b: int) -> list[int]:
    out = [a]
    # (a sentence opens with no space: a break right at its start, which only the text before it could refuse,
    # is not there to be found; the pattern reads no further than the sentence's end, as over its own text)
    for m in _CLAUSE_END.finditer(t, a, b):
        # a clause does not end inside brackets ("Ban X (chủ đầu tư các công trình: A; B; C) đẩy nhanh ...")
        if t.count("(", a, m.start()) > t.count(")", a, m.start()) and "\n" not in m.group():
            continue
        out.append(m.end())
    for c in list(out):
        om = _OPENING.match(t, _skip(t, c, b), b)
        if om:
            out.append(om.end())
    return sorted(set(out))


# the people's bodies: the Fatherland Front and the mass organisations, whose supervision of what the authorities carry
# out is theirs by law, so that a document asks it of them ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh ... giám sát ...")
_PEOPLES_BODIES = ("Front", "MassOrganisation")
_ASKED = _rx(r"(?i)(?:kính\s+)?đề nghị\s+")
# "(tham gia | phối hợp) giám sát việc thực hiện", "phối hợp tuyên truyền, tham gia giám sát việc thực hiện": the
# supervision of the carrying out among what it is to do ("tham gia giám sát, vận động Nhân dân ..." is not read so)
_PEOPLE_WATCH = _rx(r"(?i)[\s,]*(?:[^\W\d_]+[\s,]+){0,6}?(?:(?:tham gia|phối hợp|cùng)\s+)?giám sát\s+việc\s+"
                    r"(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)(?!\w)")
_DOC_NAMED = _rx(r"(?<!\w)" + _DOC_WORD + r"(?!\s*(?:số\s*)?\d)(?!\w)")


def _peoples_watch(doc: _Doc, subj, q: int, end: int) -> bool:
    """'(tham gia / phối hợp) giám sát việc thực hiện Nghị quyết này' said of people's bodies only, about this
    document: the document itself named ('Nghị quyết này', a bare 'Nghị quyết' that names this one) in the clause, or
    the implementation section's 'giám sát việc thực hiện.' (or '... và vận động ...')."""
    if not subj or any(a.kind not in _PEOPLES_BODIES for a in subj):
        return False
    m = _PEOPLE_WATCH.match(doc.t, q, end)
    if m is None:
        return False
    stop = doc.t.find(";", m.end(), end)
    stop = end if stop < 0 else stop
    return bool(doc.in_implementation(q) or _THIS.search(doc.t, m.end(), stop) or any(
        doc.names_itself(d.group("w")) for d in _DOC_NAMED.finditer(doc.t, m.end(), stop)))


def _asked_to_supervise(doc: _Doc, p: int, end: int):
    """'Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội giám sát việc thực hiện Kế hoạch này': of
    requests, the one readers take as a responsibility; the generic plural stays out. A request to do anything
    else ('Đề nghị ... tuyên truyền, vận động Nhân dân ...') makes no one responsible."""
    am = _ASKED.match(doc.t, p, end)
    if am is None:
        return None
    subj, q = _agency_list(doc, am.end(), end)
    if not subj or subj[0].start != am.end() or not _peoples_watch(doc, subj, q, end):
        return None
    return "supervise", subj, q, "explicit"


def _first_word(t: str, p: int, end: int) -> str:
    m = _WORD.search(t, p, min(end, p + 40))
    if not m or t[p:m.start()].strip(" ,"):
        return ""
    if m.group().lower() == "theo" and re.match(r"\s+dõi(?!\w)", t[m.end():m.end() + 8]):
        return "theo dõi"  # the verb "to follow", not the preposition "theo" (which starts no action)
    return m.group().lower()


def _statement(doc: _Doc, c: int, end: int):
    """A statement opening at clause start c: (role of the subject, subject mentions, predicate start)."""
    t = doc.t
    p = _skip(t, c, end)
    if _NOT_RESPONSIBLE_OPENER.match(t, p, end):
        return _asked_to_supervise(doc, p, end)
    om = _CLAUSE_OPENER.match(t, p, end)
    if om:
        subj, q = _agency_list(doc, om.end(), end)
        if not subj:
            return _unlisted_subject(doc, om.end(), end) if om.group("w").lower().startswith("giao") else None
        if not om.group("w")[0].isupper():
            return None  # "...: phối hợp với X" continues a clause whose subject is elsewhere
        role = "lead" if om.group("w").lower().startswith("giao") else "cooperate"
        if role == "lead" and (_SUPERVISE.match(t, q, end) or _checks_work(doc, q, end)):
            role = "supervise"
        elif role == "lead" and _INVESTOR.match(t, q, end):
            role = "investor"  # "Giao Ban Quản lý dự án huyện làm chủ đầu tư Dự án X"
        return role, subj, q, "opener"
    subj, q = _agency_list(doc, p, end)
    if not subj:
        return _unlisted_subject(doc, p, end)
    if subj[0].start != p and not t[p:subj[0].start].strip()[:1].isupper():
        return None
    if _CLOSING.match(t, q, end) and any(a.name == doc.ctx.issuer for a in subj):
        return None  # "UBND tỉnh trân trọng báo cáo ...": the document's closing line
    cm = _LABEL_COLON.match(t, q, end)
    if cm:
        return _after_colon(doc, subj, cm.end(), end)
    r0 = q + len(t[q:end]) - len(t[q:end].lstrip(" ,"))
    k = _acts_after_apposed_work(doc, subj, end)
    if k is not None:
        return "lead", subj, k, "explicit"  # its investment is read by _apposed_investors
    if len(subj) == 1 and not _INVESTOR.match(t, q, end):
        longer = _name_cut_short(doc, subj[0], q, end)
        if longer is not None and _INVESTOR.match(t, longer.end, end):
            return "investor", [longer], longer.end, "explicit"
    if _INVESTOR.match(t, q, end):
        return "investor", subj, q, "explicit"
    if (rm := _ROLE_APPOSED.match(t, q, end)) is not None and (
            (mm := _MUST.match(t, rm.end(), end)) is not None or doc.task_at(q) is not None):
        # "Ban X với vai trò chủ đầu tư phải đôn đốc nhà thầu ...", in a task "Ban X với vai trò chủ đầu tư khẩn
        # trương hoàn thiện ...": it must do what follows (its investment is read by _apposed_investors)
        k = mm.end() if mm is not None else rm.end()
        w = _first_word(t, k, end)
        if w and w not in _NOT_ACTION and t[k:end].lstrip(" ,")[:1].islower():
            return "lead", subj, k, "explicit"
    sm = _STANDING.match(t, q, end)
    if sm:
        # "Sở Tư pháp là cơ quan thường trực, có trách nhiệm theo dõi, kiểm tra việc thực hiện": the duty after it
        # says the role; without one the standing body leads
        k = sm.end() + len(t[sm.end():end]) - len(t[sm.end():end].lstrip(" ,"))
        dm = _DUTY.match(t, k, end)
        return (_duty_role(doc, dm.end(), end) if dm else "lead"), subj, k, "explicit"
    if (lm := _LEAD.match(t, r0, end)) is not None:
        if _monitors_this(doc, lm.end(), end):
            # "Sở X chủ trì theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch này": it leads the watch over the
            # document, which is to supervise it (those it works with cooperate)
            return "supervise", subj, q, "explicit"
        return "lead", subj, q, "explicit"
    lb = _led_body(doc, q, end)
    if lb is not None:
        return "lead", subj, lb, "explicit"  # whatever the led body is to do, the party body leads it
    dm = _DUTY.match(t, r0, end)
    if dm:
        return _duty_role(doc, dm.end(), end), subj, q, "explicit"
    if _peoples_watch(doc, subj, q, end):
        return "supervise", subj, q, "explicit"  # "Ủy ban MTTQ Việt Nam tỉnh phối hợp giám sát việc thực hiện Nghị quyết"
    if _COOP.match(t, r0, end):
        return ("lead" if _item_given_to(doc, subj, r0, end) else "cooperate"), subj, q, "explicit"
    if _SUPERVISE.match(t, q, end):
        return "supervise", subj, q, "explicit"
    if chain := _checks_work(doc, q, end):
        # "giám sát" says it outright, like "X giám sát ..." above; "kiểm tra ..." alone only where work is assigned
        return "supervise", subj, q, "explicit" if re.search(r"giám\s+sát", chain, re.IGNORECASE) else "verb"
    gm = _GIVEN.match(t, q, end)
    if gm and _INVESTOR.match(t, gm.end(), end):
        return "investor", subj, gm.end(), "explicit"  # "Sở X được giao làm chủ đầu tư Trung tâm ..."
    if gm and _LEAD.match(t, gm.end(), end):
        return "lead", subj, gm.end(), "explicit"  # "Sở X được giao chủ trì rà soát ..."
    if gm and (doc.implements_this(gm.end(), end) or doc.implements_directive(gm.end(), end)):
        return "lead", subj, gm.end(), "explicit"  # "UBND tỉnh được giao tổ chức thực hiện Nghị quyết"
    if gm and (_SUPERVISE.match(t, gm.end(), end) or _checks_work(doc, gm.end(), end)):
        return "supervise", subj, gm.end(), "explicit"  # "Sở X được giao kiểm tra, giám sát tiến độ ..."
    am = _ASSIGN.match(t, r0, end)
    if am and doc.agency_at(am.end()) is not None:
        return "assigns", subj, q, "explicit"  # "X giao Y ...": Y is responsible, read mid-clause
    w = _first_word(t, q, end)
    if w == "theo dõi" and doc.task_at(q) is None:
        return None  # "Văn phòng ... theo dõi, tổng hợp báo cáo kết quả thực hiện" closing a plan: routine, no duty
    if w and w not in _NOT_ACTION and t[q:end].lstrip(" ,")[:1].islower() and not _NAME_GOES_ON.match(t, q, end):
        return "lead", subj, q, "verb"
    return None


# the words that open a topic before a statement: "Đối với dự án A, ...", "Về ...:", "Riêng (đối với) ...", "Với ..."
_TOPIC_WORD = r"đối với|riêng(?:\s+đối với)?|về|với"
# an item's number, and a short topic it may name first ("3. Du lịch: Ban Quản lý Di tích ... phối hợp với ...")
_ITEM_MARKER = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){0,2}[./)]?\s*(?:[^:\n.;]{2,60}:\s*)?")
# a longer topic an item opens with, up to its colon or comma: "3. Đối với dự án A do B làm chủ đầu tư: X ...",
# "2. Về công tác giải phóng mặt bằng:\nX ...", "4. Riêng dự án A, X ..." (never past the end of a sentence)
_ITEM_TOPIC = _rx(r"(?i)\s*\d{1,2}(?:\.\d{1,2}){0,2}[./)]?\s*(?:" + _TOPIC_WORD + r")\s(?:(?![.;]\s|\n\s*\n)[^;])*?[:,]\s*")
# any other topic, up to its colon ("3. Dự án cầu A nối quận B với quận C: X ...") or on a line of its own ("3. Công
# tác giải phóng mặt bằng", the statement on the next)
_ITEM_TOPIC_LINE = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){0,2}[./)]?[ \t]+(?:(?![.;]\s)[^:;\n]){2,200}?"
                              r"(?::\s*|(?<![.,])[ \t]*\n\s*)")
_COOP_WORD = re.compile(r"(?i)phối")


def _opens_item(doc: _Doc, task: Task, at: int) -> bool:
    """Whether the body at `at` is the first thing a numbered task says, after its number and any topic it names
    (a longer topic names no body of its own: "1. Sở X báo cáo như sau:", or a wrapped "1. Sở X thẩm định hồ sơ
    và", is no topic)."""
    if _ITEM_TOPIC.fullmatch(doc.t, task.start, at):
        return True
    return bool(_ITEM_MARKER.fullmatch(doc.t, task.start, at) or _ITEM_TOPIC_LINE.fullmatch(doc.t, task.start, at)
                ) and not doc.agencies_in(task.start, at)


_BULLET_OPEN = re.compile(r"[ \t]*(?:[-+•–*]|[a-zđ]\))[ \t]+")


def _opens_bullet(doc: _Doc, task: Task, at: int) -> bool:
    """Whether the body at `at` opens a bullet line ('- ', '+ ', 'a) ') inside the task."""
    ls = doc.t.rfind("\n", task.start, at) + 1
    return ls > task.start and bool(_BULLET_OPEN.fullmatch(doc.t, ls, at))


def _partner_then_verb(doc: _Doc, p: int, end: int) -> bool:
    """'phối hợp Trung tâm X tổ chức ...' (no 'với'): the bodies from p on are worked with only when what is done
    follows them; 'phối hợp thực hiện', 'phối hợp trong ...' name no one."""
    co, q = _agency_list(doc, p, end)
    if not co or co[0].start != p:
        return False
    rest = doc.t[q:end].lstrip(" ,")
    return rest[:1].islower() and _first_word(doc.t, q, end) not in _NOT_ACTION | {""}


def _item_given_to(doc: _Doc, subj, r0: int, end: int) -> bool:
    """'4. Phòng Nông nghiệp và Môi trường phối hợp với UBND xã X hoàn thiện ...': the body a numbered task opens
    with is the one it is given to, so it leads and the body after 'phối hợp với' cooperates; so is the body a
    bullet of the task opens with ('3. Về đầu tư công:' then '- Ban X phối hợp với UBND xã Y ...'); not when the
    item names a lead of its own ('... do Sở Y chủ trì'), nor mid-item ('...; Ban X phối hợp với ...')."""
    task = doc.task_at(subj[0].start)
    if task is None or not (_opens_item(doc, task, subj[0].start) or _opens_bullet(doc, task, subj[0].start)):
        return False
    pm = _COOP_WORD.search(doc.t, r0, end)  # past 'tích cực', 'chủ động'
    cm = _COOP_WITH.match(doc.t, pm.start(), end) if pm else None
    if cm is None or not (re.search(r"(?:với|cùng)\s+$", doc.t[r0:cm.end()]) or _partner_then_verb(doc, cm.end(), end)):
        return False  # "phối hợp với X", or "phối hợp X <verb>" naming the body worked with
    return _LEAD.search(doc.t, task.start, task.end) is None


def _led_body(doc: _Doc, q: int, end: int) -> int | None:
    """'lãnh đạo UBND tỉnh xây dựng ...' at q: where the led body's task starts, else None."""
    m = _LEADS_BODY.match(doc.t, q, end)
    if m is None:
        return None
    led, k = _agency_list(doc, m.end(), end)
    return k if led and led[0].start == m.end() and _first_word(doc.t, k, end) not in _NOT_ACTION | {""} else None


_LABEL_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")


def _after_colon(doc: _Doc, subj, k: int, end: int):
    """'- Phòng Tài chính - Kế hoạch huyện: bố trí kinh phí ...': a body, a colon, then what it must do."""
    t = doc.t
    if _LEAD.match(t, k, end):
        return "lead", subj, k, "explicit"
    if _COOP.match(t, k, end):
        # "- Ban X: phối hợp với UBND xã Y hoàn thành ...": like a sub-item of a body's heading, X leads
        return ("lead" if _bullet_names_partner(doc, k, end) else "cooperate"), subj, k, "explicit"
    if re.match(r"(?i)(?:theo dõi|kiểm tra|đôn đốc|giám sát)", t[k:k + 12]) and (
            _SUPERVISE.match(t, k, end) or _checks_work(doc, k, end)):
        return "supervise", subj, k, "explicit"
    dm = _DUTY.match(t, k, end)
    if dm:
        return _duty_role(doc, dm.end(), end), subj, k, "explicit"
    w = _first_word(t, k, end)
    if w and w not in _NOT_ACTION and t[k:k + 1].islower():
        return "lead", subj, k, "verb"  # read only inside a task or an implementation section
    return None


def _checks_work(doc: _Doc, p: int, end: int) -> str | None:
    """The verbs of the predicate at p when it is checking or supervising work as the body's own: 'kiểm tra, giám sát chất
    lượng ...', 'tăng cường kiểm tra ...', 'theo dõi, đôn đốc các nhà thầu ...', 'Thanh tra, kiểm tra việc quản lý ...'.
    Readers take such a body as supervising, not leading. Not when urging is all it does ('đôn đốc các chủ đầu tư
    ...'), when what it urges is collection or a target ('đôn đốc thu ngân sách', '... hoàn thành chỉ tiêu': that is
    carrying it out), nor when one checking verb runs on into others ('theo dõi, tổng hợp, báo cáo ...', 'kiểm tra,
    hướng dẫn ...': the body does the work); several do in a task ('7. X theo dõi, đôn đốc, tổng hợp kết quả ...':
    checking is most of it). None when it is not."""
    m = _CHECKS.match(doc.t, p, end)
    if m is None or not re.search(r"(?i)theo\s+dõi|kiểm\s+tra|giám\s+sát|thanh\s+tra", m.group("chain")):
        return None
    if m.group("more") and (len(re.split(r"\s*,\s*|\s+và\s+", m.group("chain"))) < 2 or doc.task_at(p) is None):
        return None
    return m.group("chain") if _COLLECTS.match(doc.t, m.end(), end) is None else None


def _duty_role(doc: _Doc, k: int, end: int) -> str:
    """After 'có trách nhiệm': supervise when it is to follow or check the carrying out, else lead."""
    hm = _HELPS.match(doc.t, k, end)
    if hm and doc.agency_at(hm.end()) is not None:
        k = doc.agency_at(hm.end()).end  # "có trách nhiệm giúp UBND tỉnh theo dõi, kiểm tra việc thực hiện"
    return "supervise" if _SUPERVISE.match(doc.t, k, end) or _checks_work(doc, k, end) else "lead"


# "Ban Quản lý dự án ... | dân dụng và công nghiệp tỉnh, chủ đầu tư ...": words up to a unit and a comma
# continue a name the agency scan cut short; they are not the predicate
_NAME_GOES_ON = re.compile(r"[^,;.:\n]{0,80}?\s(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường)(?:\s+[A-ZĐ]\w*){0,3}\s*(?:,|là\s)")


def _name_cut_short(doc: _Doc, a: AgencyMention, q: int, end: int) -> AgencyMention | None:
    """'Ban Quản lý dự án đầu tư xây dựng các công trình | giao thông tỉnh là chủ đầu tư': the words after a mention
    run on to its unit, so they belong to the name and the predicate starts after them. The name stays the one
    the agencies recogniser gave, so that both lists name the body alike."""
    gm = _NAME_GOES_ON.match(doc.t, q, end)
    if gm is None or not a.name.startswith(("Ban ", "Trung tâm ", "Công ty ", "Tổng công ty ")):
        return None
    u = q + len(re.sub(r"(?:\s*,|\s+là)\s*$", "", doc.t[q:gm.end()]))
    phrase = " ".join(doc.t[a.start:u].split())
    if re.search(r"\d|[;()]", phrase) or len(phrase.split()) > 18 or _GENERIC_PART.search(doc.t[q:u]):
        return None
    return AgencyMention(name=a.name, text=doc.t[a.start:u], start=a.start, end=u, kind=a.kind)


_UNIT_END = re.compile(r"[^\n;:.]{3,100}?\s(?:tỉnh|huyện|thị xã|thành phố|xã|phường)(?:\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2})?(?=\s+[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ])")
_INVESTOR_AFTER = _rx(r"(?i)(?=[dc])(?:(?P<do>(?<!\w)do)|chủ đầu tư(?:\s+là|\s*:))\s+(?=\S)")
_COMMA_BEFORE = re.compile(r",\s*$")
_INVESTOR_IS = _rx(r"(?i)\s*(?:là|làm)\s+chủ đầu tư(?!\w)")
_INVESTOR_MARK = _rx(r"(?i)\s*\(\s*chủ đầu tư\s*\)")
_EXPLICIT = _rx(r"(?i)\s+(?:(?P<lead>chủ trì)|(?P<duty>(?:có|chịu)\s+trách nhiệm)|(?P<sup>giám sát))(?!\w)")


def _unlisted_subject(doc: _Doc, p: int, end: int):
    """'Chi cục Kiểm lâm tỉnh chủ trì ...': a body the agency scan does not know, named before an explicit
    'chủ trì', 'có trách nhiệm' or 'giám sát'; before a plain verb only inside a task or an implementation
    section and only when the name ends with its unit ('... tỉnh rà soát'): else any phrase would do."""
    stop = min(end, p + 120)
    m = _EXPLICIT.search(doc.t, p, stop) if doc.may_hold(p, stop, "chủ trì", "trách nhiệm", "giám sát") else None
    if m is None and (doc.task_at(p) or doc.in_implementation(p)):
        # in a task: a local body's name ends with its unit ("... tỉnh", "... huyện Cam Lộ") before the verb
        u = _UNIT_END.match(doc.t, p, min(end, p + 120))
        if u and _first_word(doc.t, u.end(), end) not in _NOT_ACTION | {""}:
            name = _named_body(doc, doc.t[p:u.end()])
            if name and not doc.agencies_in(p, u.end()):
                return "lead", [AgencyMention(name=name, text=doc.t[p:u.end()], start=p, end=u.end())], u.end(), "verb"
        return None
    if not m or doc.agencies_in(p, m.start()):
        return None
    name = _named_body(doc, doc.t[p:m.start()])
    if not name:
        return None
    a = AgencyMention(name=name, text=doc.t[p:m.start()], start=p, end=m.start())
    if m.group("lead"):
        role = "lead"
    elif m.group("duty"):
        role = "supervise" if _SUPERVISE.match(doc.t, m.end(), end) else "lead"
    else:
        role = "supervise"
    return role, [a], m.start(), "explicit"


def _object(doc: _Doc, role: str, s: int, e: int, pred: int, sent: tuple[int, int]):
    """(kind, key, label) of what a statement at s..e is about, or None."""
    if role == "investor":
        after = re.match(r"(?i)\s*(?:,\s*)?(?:là|làm)?\s*chủ đầu tư\s*(?:của\s+)?", doc.t[pred:e])
        at = pred + after.end() if after else -10
        projects = [n for n in doc.named if n.category == "project"]
        nxt = next((n for n in projects if at <= n.start <= at + 3), None)
        item = _item_at(doc, s)
        bm = _BACK_TO_WORK.match(doc.t, max(at, 0), e) if nxt is None and at >= 0 else None
        if bm and bm.group("this"):
            # "HĐND tỉnh giao Ban ... làm chủ đầu tư dự án này": the one work the sentence before names; with
            # several there, "này" names none of them for sure
            works = _previous_sentence_works(doc, sent[0])
            if works:
                work = _one_work(works)
                return ("project", work.name, None) if work else None
        if nxt is None and item is not None and bm:
            # "6. Nâng cấp Đường X ... Ban Quản lý ... là chủ đầu tư công trình": the work the item names
            nxt = next((n for n in projects if item[0] <= n.start < s), None)
            return ("project", nxt.name, None) if nxt else None
        if nxt is None:
            # the works named before it in the same sentence, never in an item before this one's
            mk = None
            for mk in _ITEM_MARK.finditer(doc.t, sent[0], s):
                pass
            lo = max(sent[0], mk.start() if mk else sent[0])
            before = [n for n in projects if lo <= n.start < s]
            # "b) Hỗ trợ đầu tư A và B; X làm chủ đầu tư": the first work of the list that runs to the last one
            first = next((n for n in before if n is before[-1] or before[-1] in _invested_works(doc, n.name, lo, s)),
                         None)
            nxt = first if before else next((n for n in projects if pred <= n.start < e), None)
            if nxt is None and item is not None and not doc.t[sent[0]:s].strip():
                nxt = _closed_list(doc, projects, max(item[0], mk.start() if mk else item[0]), sent[0])
        return ("project", nxt.name, None) if nxt else None
    task = doc.task_at(s)
    if task is not None:
        if role in ("supervise", "cooperate") and _watches_this(doc, pred, e):
            return "document", "", None  # "7. Giao Phòng X theo dõi, đôn đốc việc thực hiện Kế hoạch này"
        return "task", task.n, None
    if doc.in_implementation(s) and not _THIS.search(doc.t, s, e) and (work := _implemented_work(doc, role, s, e, pred,
                                                                                                   sent)):
        return "project", work, None
    if (doc.in_implementation(s) or _THIS.search(doc.t, s, e) or doc.implements_this(pred, e)
            or role in ("lead", "supervise") and _carries_out_this(doc, sent[0], s, pred, e)):
        # ("Nghị quyết giao UBND tỉnh tổ chức thực hiện": the resolution may be the one that assigns)
        d = _carried_out_directive(doc, pred, e) or doc.reported_resolution(sent[0], e)
        return ("directive", d, None) if d else ("document", "", None)
    d = doc.implements_directive(pred, e)
    if d:
        return "directive", d, None
    if role == "supervise" and _BARE_SUPERVISE.search(doc.t, pred, e):
        # "... giao UBND tổ chức thực hiện các nghị quyết đã thông qua; Thường trực HĐND ... giám sát việc thực
        # hiện.": what is supervised is what the sentence gave to carry out before
        m = _IMPLEMENTS_DOC.search(doc.t, sent[0], s)
        if m is not None and doc.names_itself(m.group("w")):
            return "document", "", None
        # "... giao UBND huyện tổ chức thực hiện Nghị quyết số 42/NQ-HĐND; Thường trực HĐND huyện ... giám sát
        # việc thực hiện.": the numbered directive the sentence gave to carry out
        given = [d for d in doc.directives if sent[0] <= d.start < s
                 and _IMPLEMENTS_BEFORE.search(doc.t, max(sent[0], d.start - 40), d.start)]
        if given and given[-1].number.replace(" ", "") != doc.own_number:
            return "directive", given[-1].number, None
    for n in doc.named:
        if pred <= n.start < e:
            return ("project" if n.category == "project" else "programme"), n.name, None
    if role in ("lead", "supervise") and _carries_out_this_later(doc, pred, e):
        # "lãnh đạo HĐND tỉnh ban hành cơ chế, chính sách để thực hiện Nghị quyết": what the work is for
        return ("directive", doc.reported_resolution(s, e), None) if doc.reported_resolution(s, e) else ("document", "", None)
    if role in ("lead", "cooperate", "supervise") and (work := _topic_work(doc, sent[0])) is not None and work.end <= s:
        # "Đối với Dự án A, Ban X ... phải đôn đốc ...; UBND xã Y phối hợp ...": what the sentence is about
        return "project", work.name, None
    if role == "supervise" and (work := _work_referred_back(doc, pred, e, sent[0])) is not None:
        return "project", work.name, None
    return None


# "... chất lượng thi công của dự án.", "... công trình này": a work the statement names only by its kind
_WORK_BACK = _rx(r"(?i)(?<!\w)(?:của\s+)?(?:dự án|công trình)(?:\s+(?:này|trên))?\s*(?:[.;]|$)")


def _work_referred_back(doc: _Doc, pred: int, e: int, sent_start: int) -> NamedMention | None:
    """'Đối với Dự án A, Ban X cam kết ... . Sở Y được giao kiểm tra, giám sát tiến độ thi công của dự án.': a
    supervision whose clause ends on the bare word for a work refers to the one work the sentence before names."""
    stop = doc.t.find(";", pred, e)
    if _WORK_BACK.search(doc.t, pred, e if stop < 0 else stop + 1) is None:
        return None
    # ("- UBND huyện A làm chủ đầu tư Dự án B; Sở Xây dựng kiểm tra, giám sát chất lượng công trình.": the work
    # its own sentence names before it comes first)
    if _works_in(doc, sent_start, pred):
        return _one_work(_works_in(doc, sent_start, pred))
    return _one_work(_previous_sentence_works(doc, sent_start))


def _works_in(doc: _Doc, a: int, b: int) -> list[NamedMention]:
    """The works (projects) named in a..b."""
    return [n for n in doc.named if n.category == "project" and a <= n.start < b]


def _one_work(works: list[NamedMention]) -> NamedMention | None:
    """The work these mentions name when they all name one, else None (two works: none is guessed)."""
    return works[0] if works and len({n.name for n in works}) == 1 else None


# what a body watching over works checks: their quality, progress, building ("kiểm tra, giám sát chất lượng công trình")
_WATCHES_WORK = _rx(r"(?i)(?<!\w)(?:chất lượng|tiến độ|thi công|công trình)(?!\w)")


def _implemented_work(doc: _Doc, role: str, s: int, e: int, pred: int, sent: tuple[int, int]) -> str | None:
    """In a plan's part on carrying it out, a statement about one work is about that work, not the plan: the work
    its predicate names ("Sở Y tế khẩn trương hoàn thành Dự án A ..."), or, for a body watching over works
    ("...; Sở Xây dựng kiểm tra, giám sát chất lượng công trình"), the one work its sentence named before it."""
    named = _works_in(doc, pred, e)
    if named or role != "supervise" or not _WATCHES_WORK.search(doc.t, pred, e):
        work = _one_work(named)
    else:
        work = _one_work(_works_in(doc, sent[0], s))
    return work.name if work else None


def _carries_out_this_later(doc: _Doc, pred: int, e: int) -> bool:
    """Whether the predicate at pred..e goes on to carry out this document ('..., cụ thể hóa Nghị quyết')."""
    for m in _IMPLEMENTS_DOC.finditer(doc.t, pred, e):
        if not any(n.start == m.start("w") for n in doc.named) and (
                doc.names_itself(m.group("w")) or _THIS.match(doc.t, m.start("w"), e)):
            return True
    return False


# the start of an item's line: "b) ...", "- ...", "3. ..."
_ITEM_MARK = re.compile(r"(?:^|(?<=\n))[ \t]*(?:\d{1,2}\.|[a-zđ]\)|[-–+•])[ \t]")
# "là chủ đầu tư công trình." / "chủ đầu tư dự án này": the work named before
_BACK_TO_WORK = _rx(r"(?i)(?:công trình|dự án|hạng mục)(?:\s+(?P<this>này|trên))?\s*(?:[.;,]|$)")


def _previous_sentence_works(doc: _Doc, a: int) -> list[NamedMention]:
    """The works named in the sentence before the one starting at a, in the same paragraph or the one before."""
    sents = doc.ctx.sentences
    i = bisect.bisect_left([x.start for x in sents], a)
    if i == 0:
        return []
    prev = sents[i - 1]
    return _works_in(doc, prev.start, prev.end)
# "Nâng cấp A và B", "A; B", "A, B": works listed after "chủ đầu tư"
_WORK_SEP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)")


def _closed_list(doc: _Doc, projects: list[NamedMention], lo: int, a: int) -> NamedMention | None:
    """'2. Đẩy nhanh các công trình: A; B; C. Ban Quản lý ... làm chủ đầu tư': a sentence at a that opens with
    the investor closes the list of works the sentence before it ends with, in the same item: its first work."""
    before = [n for n in projects if lo <= n.start and n.end <= a]
    if not before or not re.fullmatch(r"[\s.;]*", doc.t[before[-1].end:a]):
        return None
    return next((n for n in before if n is before[-1] or before[-1] in _invested_works(doc, n.name, n.start, a)), None)


def _invested_works(doc: _Doc, first: str, s: int, e: int) -> list[NamedMention]:
    """The works listed after the first one a body invests in, each joined to the one before by ',', ';', 'và'."""
    projects = [n for n in doc.named if n.category == "project" and s <= n.start < e]
    out: list[NamedMention] = []
    prev = next((n for n in projects if n.name == first), None)
    while prev is not None:
        nxt = next((n for n in projects if n.start >= prev.end), None)
        if nxt is None or not _WORK_SEP.fullmatch(doc.t[prev.end:nxt.start]):
            break
        out.append(nxt)
        prev = nxt
    return out


def _carried_out_directive(doc: _Doc, a: int, b: int) -> str | None:
    """'tổ chức thực hiện Nghị quyết số 12/NQ-HĐND ...': the directive the statement carries out, if not this one."""
    for d in doc.directives:
        if (a <= d.start < b and re.search(r"(?i)thực hiện\s*$", doc.t[max(a, d.start - 40):d.start])
                and d.number.replace(" ", "") != doc.own_number):
            return d.number
    return None


# ------------------------------------------------------------------ who executes a decision
# "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Nội vụ; Chủ tịch UBND các huyện ... chịu trách
# nhiệm thi hành Quyết định này": the subject is a ';'-separated list, and a 'các Sở:' item names departments by
# their short names
_EXECUTE = _rx(
    r"(?i)(?:(?:chịu|có)\s+trách nhiệm\s+(?:tổ chức\s+)?(?:thi hành|triển khai thực hiện|thực hiện)"
    r"|căn cứ\s+(?:Quyết định|Nghị quyết|Kế hoạch)(?:\s+này)?\s+(?:để\s+)?(?:thi hành|thực hiện))(?!\w)"
)
_ARTICLE = re.compile(r"\s*Điều\s+\d+\s*\.\s*")
_DEPARTMENTS_OF = _rx(r"(?i)(?:giám đốc|thủ trưởng)\s+các\s+(?:sở|Sở)\s*:\s*")
# the provincial departments by their short names, longest first so that "Văn hóa, Thể thao và Du lịch" is one
_DEPARTMENTS = sorted((tone_fold(x) for x in (
    "Kế hoạch và Đầu tư", "Tài chính", "Nội vụ", "Tư pháp", "Y tế", "Công Thương", "Ngoại vụ", "Xây dựng",
    "Giáo dục và Đào tạo", "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao",
    "Du lịch", "Thông tin và Truyền thông", "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường", "Giao thông vận tải", "Giao thông - Vận tải", "Khoa học và Công nghệ",
    "Dân tộc và Tôn giáo", "Quy hoạch - Kiến trúc", "Khoa học - Công nghệ")), key=len, reverse=True)


def _departments(doc: _Doc, p: int, end: int) -> tuple[list[AgencyMention], int]:
    """'Tài chính, Nội vụ và Xây dựng' after 'Giám đốc các Sở:': the departments, and where the list stops."""
    t, out = doc.t, []
    while p < end:
        low = tone_fold(t[p:p + 45]).lower()
        name = next((d for d in _DEPARTMENTS if low.startswith(d.lower()) and not t[p + len(d):p + len(d) + 1].isalnum()),
                    None)
        if name is None:
            break
        full = canonical_agency("Sở " + t[p:p + len(name)], doc.ctx.place, doc.ctx.level)
        if full:
            out.append(AgencyMention(name=full, text=t[p:p + len(name)], start=p, end=p + len(name)))
        p += len(name)
        m = re.match(r"\s*(?:,|(?<!\w)và(?!\w))\s*", t[p:end])
        if not m or not m.group().strip():
            break
        p += m.end()
    return out, p


def _execution_statements(doc: _Doc, a: int, b: int) -> list[Responsibility]:
    """Those who execute a decision, listed with ';' or by department names, before 'chịu trách nhiệm thi hành'."""
    t = doc.t
    m = _EXECUTE.search(t, a, b) if doc.may_hold(a, b, "trách", "căn") else None
    if m is None:
        return []
    am = _ARTICLE.match(t, a, m.start())
    p = am.end() if am else a
    if not (";" in t[a:m.start()] or _DEPARTMENTS_OF.search(t, a, m.start())):
        titled = _titled_executors(doc, p, m.start())
        if not titled:
            return []
        obj = _object(doc, "lead", a, b, m.start(), (a, b))
        dl = deadline_in_text(t[m.end():b], doc.year)
        return [Responsibility(x.name, "lead", obj[0], obj[1], dl, a, b, x.start, x.end, obj[2])
                for x in titled] if obj else []
    subj: list[AgencyMention] = []
    for seg in re.finditer(r"[^;]+", t[p:m.start()]):
        s0, s1 = p + seg.start(), p + seg.end()
        s0 += len(seg.group()) - len(seg.group().lstrip())
        dm = _DEPARTMENTS_OF.search(t, s0, s1)
        found: list[AgencyMention] = []
        if dm and dm.start() > s0:
            # "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Du lịch, Tài chính": bodies, then departments by name
            found, q = _agency_list(doc, s0, dm.start())
            if not found or t[q:dm.start()].strip(" ,") and not _GLUE_ONLY.fullmatch(t[q:dm.start()]):
                return []
        if dm:
            deps, q = _departments(doc, dm.end(), s1)
            if not deps:
                return []
            rest, q = _agency_list(doc, q, s1) if t[q:s1].strip(" ,") else ([], q)
            found += deps + rest
        else:
            found, q = _agency_list(doc, s0, s1)
            more, q = _units_of_the_same_body(doc, found, q, s1)
            found += more
            if not found and (titled := _titled_executors(doc, s0, s1, alone=True)):
                found, q = titled, s1  # "Giám đốc Trung tâm Bảo tồn Di tích Cố đô Huế": the head of a body
        if t[q:s1].strip(" ,") and not _GLUE_ONLY.fullmatch(t[q:s1]):
            return []  # a segment that is not a list of bodies: not a subject list
        subj += found
    if not subj:
        return []
    obj = _object(doc, "lead", a, b, m.start(), (a, b))
    if obj is None:
        return []
    dl = deadline_in_text(t[m.end():b], doc.year)
    return [Responsibility(x.name, "lead", obj[0], obj[1], dl, a, b, x.start, x.end, obj[2]) for x in subj]


# ", thị xã Hương Thủy", " và huyện Phú Vang": a unit named after a council's or committee's body of another unit
_NEXT_UNIT = _rx(r"(?:\s*,\s*|\s+và\s+)(?P<unit>thành phố|thị xã|huyện|quận|xã|phường|thị trấn)\s+(?P<name>[A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*){0,3})")


def _units_of_the_same_body(doc: _Doc, found: list[AgencyMention], q: int, end: int
                            ) -> tuple[list[AgencyMention], int]:
    """'Chủ tịch UBND thành phố Huế, thị xã Hương Thủy và các huyện': the units named after a people's committee
    are each that unit's committee. ([], q) when the last body is no committee or no unit follows."""
    if not found or not found[-1].name.startswith(("Ủy ban nhân dân ", "Hội đồng nhân dân ")):
        return [], q
    head = "Ủy ban nhân dân" if found[-1].name.startswith("Ủy ban") else "Hội đồng nhân dân"
    out = []
    while (m := _NEXT_UNIT.match(doc.t, q, end)) is not None:
        name = canonical_agency(f"{head} {m.group('unit')} {m.group('name')}", doc.ctx.place, doc.ctx.level)
        if not name:
            break
        out.append(AgencyMention(name=name, text=m.group()[m.start("unit") - m.start():], start=m.start("unit"),
                                 end=m.end()))
        q = m.end()
    return out, q


# the head of a body, by which a decision names who executes it: "Chánh Văn phòng ...", "Trưởng phòng Tài chính -
# Kế hoạch", "Giám đốc Ban Quản lý dự án ...", "Thủ trưởng các ... ", "Chủ tịch UBND các xã"
_TITLED = _rx(r"[ \t]*(?:và\s+)?(?:Chánh|Trưởng|Giám đốc|Thủ trưởng|Chủ tịch|Chi cục trưởng|Cục trưởng|Hạt trưởng)"
              r"\s+(?P<body>\S.*?)\s*$")
# the parts of a list of executors, a run of generic words kept whole ("Thủ trưởng các phòng, ban, ngành")
_EXECUTOR_PART = re.compile(r"[^,]+(?:,\s*(?=(?:ban|đơn vị|ngành|xã|phường|thị trấn)\b)[^,]+)*")


def _titled_executors(doc: _Doc, p: int, q: int, alone: bool = False) -> list[AgencyMention]:
    """'Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Tài chính - Kế hoạch, Giám đốc Ban Quản lý dự án ..., Thủ
    trưởng các phòng, ban ... và Chủ tịch UBND các phường, xã' before 'chịu trách nhiệm thi hành': each head named
    with a title stands for its body; the generic ones ('Thủ trưởng các ...') name no one. [] unless every part of
    the stretch is a titled head."""
    t, out = doc.t, []
    parts = list(_EXECUTOR_PART.finditer(t, p, q))
    if len(parts) < (1 if alone else 2):
        return []
    for part in parts:
        m = _TITLED.match(t, part.start(), part.end())
        if m is None:
            return []  # a part that names no head: not a list of executors
        body = m.group("body")
        if re.search(r"(?i)(?<!\w)(?:các|những)\s", body):
            continue  # "Thủ trưởng các phòng, ban ...", "Chủ tịch UBND các xã": heads of no body in particular
        name = canonical_agency(body[:1].upper() + body[1:], doc.ctx.place, doc.ctx.level)
        if name:
            out.append(AgencyMention(name=name, text=body, start=m.start("body"), end=m.end("body")))
    return out


# generic words that may close a list of executors: "... và các tổ chức, cá nhân có liên quan"
_GLUE_ONLY = re.compile(r"(?:[\s,]|" + _GLUE_RE.pattern.replace("(?i)", "")
                        + r"|(?:tổ\s+chức|cá\s+nhân|hộ\s+gia\s+đình|doanh\s+nghiệp)(?!\w))*", re.IGNORECASE)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Spans joined where they overlap or touch, as sorted starts and ends (for bisection)."""
    starts: list[int] = []
    ends: list[int] = []
    for x, y in sorted(spans):
        if starts and x <= ends[-1]:
            ends[-1] = max(ends[-1], y)
        else:
            starts.append(x)
            ends.append(y)
    return starts, ends


def _sentence_statements(doc: _Doc, skip: list[tuple[int, int]]) -> list[Responsibility]:
    out: list[Responsibility] = []
    t = doc.t
    em = _END_OF_BODY.search(t)
    body_end = em.start() if em else len(t)
    starts, ends = _merged(skip)
    for sent in doc.ctx.sentences:
        a, b = sent.start, sent.end
        if a >= body_end:
            continue
        i = bisect.bisect_right(ends, a)  # the first span that ends after a: overlaps when it starts before b
        if i < len(starts) and starts[i] < b:
            continue
        in_scope = doc.task_at(a) is not None or doc.in_implementation(a)
        if in_scope:
            out += _execution_statements(doc, a, b)
        found = []  # (clause start, role, subject, predicate start, how)
        for c in _clause_starts(t, a, b):
            st = _statement(doc, c, b)
            if st is None:
                continue
            role, subj, q, how = st
            if how == "verb" and not in_scope:
                continue
            found.append((c, role, subj, q, how))
        for i, (c, role, subj, q, how) in enumerate(found):
            e = found[i + 1][0] if i + 1 < len(found) else b
            out += _one_statement(doc, c, e, role, subj, q, (a, b), in_scope)
        # "Dự án X do Ban Quản lý ... làm chủ đầu tư", "Dự án X (chủ đầu tư: Ban ...)", "chủ đầu tư là Ban ..."
        for m in _INVESTOR_AFTER.finditer(t, a, b) if doc.may_hold(a, b, "do", "chủ") else ():
            subj, q = _agency_list(doc, m.end(), b)
            if not subj or subj[0].start != m.end() or any(r.agency_start == subj[0].start for r in out):
                continue
            if m.group("do") and not re.match(r"\s*(?:làm|là)\s+chủ đầu tư", t[q:b]):
                continue
            e = next((c for c, *_ in found if c > m.start()), b)
            out += _one_statement(doc, m.start(), e, "investor", subj, m.start(), (a, b), in_scope)
        # "Dự án A đạt 40% khối lượng, Sở X là chủ đầu tư": an investor clause after a comma, its works before it
        for ag in doc.agencies_in(a, b) if doc.may_hold(a, b, "chủ đầu tư") else ():
            if (_COMMA_BEFORE.search(t, max(a, ag.start - 3), ag.start) and _INVESTOR_IS.match(t, ag.end, b)
                    and not any(r.agency_start == ag.start for r in out)):
                e = next((c for c, *_ in found if c > ag.start), b)
                out += _one_statement(doc, ag.start, e, "investor", [ag], ag.end, (a, b), in_scope)
        # "Nhà máy X của Công ty cổ phần Y (chủ đầu tư) ...": the body marked as investor of the work before it
        for ag in doc.agencies_in(a, b) if doc.may_hold(a, b, "(chủ") else ():
            im = _INVESTOR_MARK.match(t, ag.end, b)
            if im and not any(r.agency_start == ag.start for r in out):
                e = next((c for c, *_ in found if c > ag.start), b)
                out += _one_statement(doc, ag.start, e, "investor", [ag], ag.end, (a, b), in_scope)
        # "..., chỉ đạo huyện X chuẩn bị ...": the bodies a task is given to, mid-clause; elsewhere (a news
        # summary: "UBND tỉnh giao Sở Y tế chủ trì xây dựng Đề án ...") only before an explicit "chủ trì"
        assigns = []  # (match, bodies given the job, predicate start)
        for m in _ASSIGN.finditer(t, a, b) if doc.may_hold(a, b, "giao", "chỉ", "phân", "yêu") else ():
            subj, q = _agency_list(doc, m.end(), b)
            if subj and subj[0].start == m.end():
                assigns.append((m, subj, q))
        for m, subj, q in assigns:
            if any(r.agency_start == subj[0].start for r in out):
                continue
            if re.search(r"(?i)lãnh\s+đạo\s*,?\s*(?:và\s+)?$", t[max(a, m.start() - 12):m.start()]):
                continue  # "lãnh đạo, chỉ đạo UBND tỉnh ...": the led body, read with its party body
            if _INVESTOR.match(t, q, b):  # "giao Phòng Kinh tế làm chủ đầu tư Chợ X"
                e = min([c for c, *_ in found if c > m.start()] + [x.start() for x, *_ in assigns if x.start() > m.start()] + [b])
                out += _one_statement(doc, m.start(), e, "investor", subj, q, (a, b), in_scope)
                continue
            lb = _led_body(doc, q, b)
            if lb is not None:
                q = lb  # "giao Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng Kế hoạch ..."
            elif not in_scope and not (_LEAD.match(t, _skip(t, q, b), b) or _DUTY.match(t, _skip(t, q, b), b)
                                     # "..., giao Thường trực HĐND ... giám sát việc thực hiện."
                                     or _SUPERVISE.match(t, q, b) and _BARE_SUPERVISE.search(t, q, b)
                                     or _carries_out_this(doc, a, m.start(), q, b) or _listed_works(doc, q, b)[1]
                                     or _carries_out_this_later(doc, q, b)):
                continue  # "giao X đẩy nhanh các dự án như: A; B" gives X the works it lists
            # "...; giao Thường trực HĐND ... giám sát việc thực hiện": the bodies given the supervision
            role = ("supervise" if (_SUPERVISE.match(t, q, b) or _checks_work(doc, q, b))
                    and not _LEAD.match(t, _skip(t, q, b), b) else "lead")
            e = min([c for c, *_ in found if c > m.start()] + [x.start() for x, *_ in assigns if x.start() > m.start()] + [b])
            out += _one_statement(doc, m.start(), e, role, subj, q, (a, b), in_scope)
    return out


def _carries_out_this(doc: _Doc, a: int, at: int, q: int, b: int) -> bool:
    """'HĐND tỉnh giao UBND tỉnh tổ chức triển khai thực hiện Nghị quyết', or 'Nghị quyết ... giao UBND huyện
    triển khai thực hiện, ...': the body is given this document to carry out."""
    if doc.implements_this(q, b) or doc.implements_directive(q, b):
        return True
    if not _BARE_IMPLEMENT.match(doc.t, doc.verb_at(q, b), b):
        return False
    dm = _DOC_SUBJECT.match(doc.t, _skip(doc.t, a, at), at)
    return dm is not None and doc.names_itself(dm.group("w"))


def _listed_works(doc: _Doc, p: int, e: int) -> tuple[int, list[NamedMention]]:
    """The works a statement lists after 'các dự án ... như:' (start of the list, projects), else (e, [])."""
    t = doc.t
    m = _WORKS_LIST.search(t, p, e)
    if m is None:
        return e, []
    end = e
    if not t[m.end():e].strip():
        # "... gồm:" ends the sentence: the works are the bullet lines that follow
        q = t.find("\n", m.end())
        while q >= 0:
            bm = _BULLET_LINE.match(t, q + 1)
            if bm is None:
                break
            end = bm.end()
            q = t.find("\n", end) if t.startswith("\n", end) else -1
    return m.start(), [n for n in doc.named if n.category == "project" and m.end() <= n.start < end]


def _one_statement(doc: _Doc, s: int, e: int, role: str, subj, pred: int, sent, in_scope: bool) -> list[Responsibility]:
    if role == "assigns":
        return []  # the assigning body is not responsible; the bodies after "giao" are read separately
    if role in ("lead", "cooperate", "supervise") and (doc.task_at(s) is None or _target_item(doc, s)):
        targeted = _target_statement(doc, s, e, role, subj, pred, sent[0])
        if not targeted and role == "cooperate":
            targeted = _partner_on_target(doc, s, e, subj, pred, sent[0])
        if targeted:
            return targeted
    if role == "investor" and re.match(r"(?i)\s*(?:,\s*)?(?:là|làm)?\s*chủ đầu tư\s+(?:các|những)\s", doc.t[pred:e]):
        # "X làm chủ đầu tư các công trình:" and a bullet line per work, each with its own deadline
        _at, listed = _listed_works(doc, pred, e)
        if listed:
            return [Responsibility(a.name, role, "project", n.name, _work_deadline(doc, n), s, n.end, a.start, a.end)
                    for n in listed for a in subj]
    obj = _object(doc, role, s, e, pred, sent)
    if obj is None:
        return []
    kind, key, label = obj
    works: list[NamedMention] = []
    if role in ("lead", "cooperate") and kind != "task":
        # outside a numbered task, the works a statement lists are each an object of its own; the document's
        # deadline is what the text states before the list
        list_at, works = _listed_works(doc, pred, e)
        if kind == "project" and works and key == works[0].name:
            works = works[1:]
    elif role == "investor":
        # the works may be named before the body, or close the sentence before it
        # (only when the statement names no work after its verb: "X là chủ đầu tư A và B" lists its own)
        named_after = any(n.name == key and pred <= n.start < e for n in doc.named)
        lo = sent[0] if named_after else min(
            [sent[0]] + [max((n.start for n in doc.named if n.name == key and n.start < s), default=sent[0])])
        list_at, works = e, _invested_works(doc, key, lo, e)
    else:
        list_at = e
    dl = deadline_in_text(doc.t[s:list_at if kind != "project" else e], doc.year)
    if dl is None and kind == "task":
        dl = _task_deadline(doc, s)
    if dl is None and role == "investor" and _item_at(doc, s) is not None:
        dl = _labelled_deadline(doc, _item_at(doc, s)[0], s)  # the item's "Thời gian: Quý III/2025"
    out = [Responsibility(a.name, role, kind, key, dl, s, e, a.start, a.end, label) for a in subj]
    task = doc.task_at(s) if role == "investor" and kind == "project" else None
    if task is not None and subj and _opens_item(doc, task, subj[0].start):
        # (a paragraph of a broader task that names the investor of one of its works says only that)
        # "3. Ban X là chủ đầu tư Dự án A, có trách nhiệm đẩy nhanh tiến độ ...": the task is the body's too
        work = next((n for n in doc.named if n.name == key and pred <= n.start < e), None)
        if work is not None:
            # "... là chủ đầu tư Dự án A và Dự án B; khẩn trương ...": the duty follows the last work listed
            work = next((w for w in reversed(works) if w.start >= work.end), work)
        duty = _DUTY_AFTER_WORK.match(doc.t, work.end, e) if work is not None else None
        if duty is not None:
            tdl = deadline_in_text(doc.t[duty.end():e], doc.year) or _task_deadline(doc, s)
            out += [Responsibility(a.name, "lead", "task", task.n, tdl, s, e, a.start, a.end) for a in subj]
    if works:
        wdl = deadline_in_text(doc.t[s:e], doc.year) if role != "investor" else dl
        out += [Responsibility(a.name, role, "project", n.name, wdl, s, e, a.start, a.end) for n in works for a in subj]
    if role in ("lead", "supervise", "investor"):
        for m in _COOP_WITH.finditer(doc.t, pred, e):
            co, _q = _agency_list(doc, m.end(), e)
            if co and co[0].start == m.end():
                okind, okey = (kind, key) if role != "investor" else (("task", doc.task_at(s).n) if doc.task_at(s) else (None, None))
                if okind:
                    cdl = _own_clause_deadline(doc, m.start(), e) or dl
                    out += [Responsibility(a.name, "cooperate", okind, okey, cdl, s, e, a.start, a.end, label) for a in co]
    return out


# what the investor of a work named in a task must do, after the work: ", có trách nhiệm đẩy nhanh ...", ", phải ..."
_DUTY_AFTER_WORK = _rx(r"(?i)\s*\)?\s*[,;]\s*(?:(?:có|chịu)\s+trách nhiệm|phải|khẩn trương|tập trung|phấn đấu"
                       r"|hoàn thành|đẩy nhanh|bảo đảm|đảm bảo)\s+(?=[^\W\d_])")


# "...; phối hợp với X ...", "...; đồng thời phối hợp với X ...": a clause of its own after the lead's
_OWN_CLAUSE = _rx(r"(?i);\s*(?:đồng thời\s+|tích cực\s+|chủ động\s+)?$")


def _own_clause_deadline(doc: _Doc, p: int, e: int) -> str | None:
    """'X đôn đốc ..., hoàn thành trong Quý IV/2024; phối hợp với Y hoàn thành ... trong tháng 8/2024': the body
    worked with in a clause of its own is due when that clause says, not when the lead's first clause does."""
    if not _OWN_CLAUSE.search(doc.t, max(0, p - 24), p):
        return None
    stop = doc.t.find(";", p, e)
    return deadline_in_text(doc.t[p:stop if stop >= 0 else e], doc.year)


def _target_statement(doc: _Doc, s: int, e: int, role: str, subj, pred: int,
                      sent_start: int | None = None) -> list[Responsibility]:
    """Outside numbered tasks, a statement that assigns targets of its own document ('Sở X chủ trì thực hiện chỉ
    tiêu tổng lượt khách du lịch; xây dựng Chương trình Y ...'): each target is an object, and so is the programme
    or project a later ';' part names; each with the deadline its part states. A sentence that opens with the
    target ('Đối với chỉ tiêu 20 xã ..., Chủ tịch UBND tỉnh giao Sở X chịu trách nhiệm hoàn thành ...') gives it
    to the statement that follows (sent_start: where that sentence starts)."""
    refs = targets_named(doc.t, pred, e, doc.quantities)
    if refs and any(n.category == "project" and pred <= n.start < e for n in doc.named):
        # "... vận động 14 hộ dân bàn giao mặt bằng cho công trình Kè A trước ngày 30/4": a figure the statement
        # itself sets is what it does for the work it names; the work is its object
        own = {q.indicator for q in doc.quantities if q.category == "target" and s <= q.start < e}
        refs = [r for r in refs if r.indicator not in own]
    if not refs and sent_start is not None:
        return _topic_target_statement(doc, s, e, role, subj, pred, sent_start)
    if not refs:
        return []
    coops = []  # (where "phối hợp" stands, the bodies after it)
    if role in ("lead", "supervise"):
        for m in _COOP_WITH.finditer(doc.t, pred, e):
            co, _q = _agency_list(doc, m.end(), e)
            if co and co[0].start == m.end():
                coops.append((m.start(), co))
    # "X chủ trì chỉ tiêu lượt khách du lịch, phối hợp Phòng Y tổ chức Chương trình Z trong Quý I": the bodies
    # worked with after the targets are named work on what follows, which is a part of its own
    late = [p for p, _co in coops if p > refs[-1].end]
    cuts = sorted({pred, e, *late, *(pred + m.end() for m in re.finditer(";", doc.t[pred:e]))})
    objs: list[tuple[str, str, str | None, int]] = []  # kind, key, deadline, where its part starts
    for a, b in itertools.pairwise(cuts):
        if a > pred and doc.t[a - 1] == ";" and doc.agency_at(_skip(doc.t, a, b)) is not None:
            break  # "...; Sở Văn hóa ... khẩn trương triển khai Chương trình ...": another body's clause, its own work
        dl = deadline_in_text(doc.t[a:b], doc.year)
        named = [r.indicator for r in refs if a <= r.start < b]
        if named:
            objs += [("target", x, dl, a) for x in named]
        else:  # "...; xây dựng Chương trình kích cầu du lịch ..., trình UBND thành phố trong Quý I/2024"
            n = next((n for n in doc.named if a <= n.start < b), None)
            if n is not None:
                objs.append(("project" if n.category == "project" else "programme", n.name, dl, a))
    out = [Responsibility(x.name, role, kind, key, dl, s, e, x.start, x.end) for x in subj for kind, key, dl, _a in objs]
    for p, co in coops:
        out += [Responsibility(x.name, "cooperate", kind, key, dl, s, e, x.start, x.end)
                for x in co for kind, key, dl, a in objs if p not in late or a >= p]
    return out


# a sentence that opens with the target it is about: "Đối với chỉ tiêu 20 xã đạt chuẩn nông thôn mới kiểu mẫu, ..."
_TARGET_TOPIC = _rx(r"(?i)[\s\-+•*]*(?:đối với|về|riêng)\s+(?:các\s+)?chỉ tiêu\s[^;:.\n]{3,160}?,\s*")


def _topic_target_statement(doc: _Doc, s: int, e: int, role: str, subj, pred: int,
                            sent_start: int) -> list[Responsibility]:
    """The statement that follows a sentence's opening target ('Đối với chỉ tiêu X, Chủ tịch UBND tỉnh giao Sở
    Y chịu trách nhiệm hoàn thành ... trong Quý IV/2024') is about that target, when its own words name no work of
    their own; the opening names one target or none."""
    tm = _TARGET_TOPIC.match(doc.t, sent_start, s)
    if tm is None or ";" in doc.t[tm.end():s] or any(pred <= n.start < e for n in doc.named):
        return []
    refs = targets_named(doc.t, sent_start, tm.end(), doc.quantities)
    if len(refs) != 1:
        return []
    dl = deadline_in_text(doc.t[pred:e], doc.year)
    bodies = [(role, x) for x in subj]
    if role in ("lead", "supervise"):
        for m in _COOP_WITH.finditer(doc.t, pred, e):
            co, _q = _agency_list(doc, m.end(), e)
            if co and co[0].start == m.end():
                bodies += [("cooperate", x) for x in co]
    return [Responsibility(x.name, r, "target", refs[0].indicator, dl, s, e, x.start, x.end) for r, x in bodies]


def _partner_on_target(doc: _Doc, s: int, e: int, subj, pred: int, sent_start: int) -> list[Responsibility]:
    """'...; Hạt Kiểm lâm phối hợp thực hiện', '...; Văn phòng Điều phối ... phối hợp kiểm tra, thẩm định': a body
    that works with the lead in the clause after the one that gave a target works on that target, when its own
    words name no work; it is due when its clause says, else when the clause before does."""
    t = doc.t
    semi = t.rfind(";", sent_start, s)
    if semi < 0 or t[semi + 1:s].strip() or any(pred <= n.start < e for n in doc.named):
        return []
    if targets_named(t, pred, e, doc.quantities):
        return []  # a target of its own: read as a statement of its own
    prev = max(sent_start, t.rfind(";", sent_start, semi) + 1)
    refs = targets_named(t, prev, semi, doc.quantities)
    if not refs:
        tm = _TARGET_TOPIC.match(t, prev, semi)  # "Đối với chỉ tiêu X, ... giao Y ...; Z phối hợp ..."
        refs = targets_named(t, prev, tm.end(), doc.quantities) if tm else []
        if len(refs) != 1:
            return []
    dl = deadline_in_text(t[pred:e], doc.year) or deadline_in_text(t[prev:semi], doc.year)
    return [Responsibility(x.name, "cooperate", "target", r.indicator, dl, s, e, x.start, x.end)
            for x in subj for r in refs]


# "Quyết định ... về việc giao chỉ tiêu kế hoạch ...": a decision that gives out the year's targets
_GIVES_TARGETS = _rx(r"(?i)(?<!\w)giao\s+(?:các\s+)?chỉ tiêu")


def _target_item(doc: _Doc, s: int) -> bool:
    """In a decision that gives out targets, a numbered item that opens with a body and names a target in its
    first clause ('3. Phòng Kinh tế chịu trách nhiệm chỉ tiêu diện tích trồng rừng ...; Hạt Kiểm lâm phối hợp
    thực hiện') is about that target: the target, not the item, is the object of what it says."""
    task = doc.task_at(s)
    if task is None or (doc.ctx.header.kind or "").lower() != "quyết định":
        return False
    if not _GIVES_TARGETS.search(doc.ctx.header.title or ""):
        return False
    first = next(iter(doc.agencies_in(task.start, task.end)), None)
    if first is None or not _opens_item(doc, task, first.start):
        return False
    t = doc.t
    stop = t.find(";", first.end, task.end)
    stop = stop if stop >= 0 else task.end
    # a target it names, not a group of them ("thực hiện các chỉ tiêu về giải quyết việc làm, bảo hiểm y tế")
    refs = [r for r in targets_named(t, first.end, stop, doc.quantities)
            if not re.search(r"(?i)(?:các|những)\s+$", t[max(0, r.start - 8):r.start])]
    if not refs:
        return False
    # "...; Bảo hiểm xã hội thị xã chủ trì phát triển đối tượng ...": a second body leading a job of its own makes
    # the item a task; only partners of the target may follow ("; Hạt Kiểm lâm phối hợp thực hiện")
    for m in re.finditer(";", t[stop:task.end]):
        st = _statement(doc, stop + m.end(), task.end)
        if st is not None and st[0] != "cooperate":
            return False
    return True


def _task_deadline(doc: _Doc, pos: int) -> str | None:
    """The time a task's own label gives ('...; thời gian hoàn thành: Quý IV/2024'), else the period of a
    quarter's or month's section it stands in ('Nhiệm vụ trọng tâm quý II năm 2022')."""
    task = doc.task_at(pos)
    if task is None:
        return None
    dl = _labelled_deadline(doc, task.start, task.end)
    if dl:
        return dl
    if not task.period or len(task.period) == 4:
        return None
    return task.period


def _monitors_this(doc: _Doc, p: int, end: int) -> bool:
    """After 'chủ trì' (and 'phối hợp với Y'): following, checking, urging the carrying out of this document."""
    k = doc.past_cooperators(_LEADING_COMMA.match(doc.t, p, end).end(), end)
    stop = doc.t.find(";", k, end)
    stop = end if stop < 0 else stop
    return bool(_MONITOR_THIS.match(doc.t, k, stop)) and bool(_THIS.search(doc.t, k, stop))


_LEADING_COMMA = re.compile(r"\s*,?\s*")
# what may stand before the watch over the document: "có trách nhiệm", "chủ trì,", "phối hợp" ...
_WATCH_HEAD = _rx(r"(?i)[\s,:]*(?:(?:(?:có|chịu)\s+trách nhiệm|tiếp tục|chủ trì|tăng cường|thường xuyên|chủ động|tích cực"
                  r"|tham gia)(?:\s*,\s*|\s+))*")
_COOP_HEAD = _rx(r"(?i)(?:phối hợp\s+)?")
_WATCH_THIS = _rx(r"(?i)(?:theo dõi|kiểm tra|đôn đốc|giám sát|thanh tra)(?:(?:\s*,\s*|\s+và\s+)(?:theo dõi|kiểm tra|đôn đốc"
                  r"|giám sát|thanh tra))*\s+(?:tình hình\s+)?việc\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)\s+")


def _watches_this(doc: _Doc, p: int, end: int) -> bool:
    """'(có trách nhiệm / chủ trì, phối hợp với Y) theo dõi, kiểm tra việc thực hiện Kế hoạch này' at p: the watch over
    this document, which readers take as supervising the document even when a numbered item states it (what is
    followed is the document, not the item); '... việc thực hiện các nhiệm vụ nêu trên' watches the item's work."""
    k = doc.past_cooperators(_WATCH_HEAD.match(doc.t, p, end).end(), end)
    k = _WATCH_HEAD.match(doc.t, _COOP_HEAD.match(doc.t, k, end).end(), end).end()  # "phối hợp theo dõi ..."
    m = _WATCH_THIS.match(doc.t, k, end)
    return m is not None and _THIS.match(doc.t, m.end(), end) is not None


_MONITOR_THIS = _rx(r"(?i)[\s,]*(?:theo dõi|kiểm tra|đôn đốc|giám sát)(?:\s*,\s*|\s+và\s+|\s+)(?:(?:theo dõi|kiểm tra|đôn đốc|giám sát)"
                    r"(?:\s*,\s*|\s+và\s+|\s+))*việc\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)\s")


# ------------------------------------------------------------------ items headed by a body
_BULLET_SPLIT = re.compile(r"\n[ \t]*(?:[-+•–*]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})+[.)]?)[ \t]+")


# "1. Đối với Ban Quản lý dự án ...:" heads an item of what that body must do, like "1. Ban Quản lý dự án ...:"
_FOR_BODY = _rx(r"(?i)(?P<w>đối với)\s+")
# "a) Là chủ đầu tư các dự án A và B, ...": a bullet of a body's item that names the works it invests in
_INVESTOR_BULLET = _rx(r"(?i)(?:là|làm)\s+chủ đầu tư(?!\w)")


# a heading body's role said after it, before the colon: "(chủ đầu tư)", "(chủ đầu tư các dự án: A; B)"
_HEAD_APPOSED = re.compile(r"[ \t]*\([ \t]*chủ đầu tư(?P<listed>[ \t]+(?:các|những)[ \t]+[^()\n]*)?\)[ \t]*:")


_BARE_INVESTOR = re.compile(r"[ \t]*\([ \t]*chủ đầu tư[ \t]*\)[ \t]*")


def _invests_in_named(doc: _Doc, subj, a: int, b: int) -> list[Responsibility]:
    """The bodies of the heading invest in each project the bullet at a..b names."""
    dl = deadline_in_text(doc.t[a:b], doc.year)
    return [Responsibility(x.name, "investor", "project", n.name, dl, a, b, x.start, x.end)
            for n in doc.named if n.category == "project" and a <= n.start < b for x in subj]


def _bullet_names_partner(doc: _Doc, a: int, b: int) -> bool:
    """'1. Ban X:' then 'b) Phối hợp với Phòng Y hoàn thiện ...': the task is the heading body's, so it still leads
    it and the body named after 'phối hợp (với)' cooperates. A bullet that names no one ('Phối hợp thực hiện ...',
    'Phối hợp với các đơn vị liên quan ...') keeps the heading body a cooperating one; outside a numbered task (an
    implementation section's 'Sở X: phối hợp với Sở Y ...') the body named may well lead the work."""
    if doc.task_at(a) is None:
        return False
    pm = _COOP_WORD.search(doc.t, a, b)
    cm = _COOP_WITH.match(doc.t, pm.start(), b) if pm else None
    if cm is None:
        return False
    if re.search(r"(?:với|cùng)\s+$", doc.t[pm.start():cm.end()]):
        co, _q = _agency_list(doc, cm.end(), b)
        return bool(co) and co[0].start == cm.end()
    return _partner_then_verb(doc, cm.end(), b)


def _bullet_own_subject(doc: _Doc, a: int, b: int) -> tuple[str, list[AgencyMention], int] | None:
    """'1. Ban X:' then '- Sở Y có trách nhiệm kiểm tra, giám sát ...': a bullet that opens with a body and its own
    predicate says what that body does, not what the heading's body does; (role, bodies, predicate start) or None."""
    if doc.agency_at(a) is None:
        return None
    st = _statement(doc, a, b)
    if st is None or st[0] == "assigns" or st[1][0].start != a:
        return None
    return st[0], st[1], st[2]


def _headed_statements(doc: _Doc) -> tuple[list[Responsibility], list[tuple[int, int]]]:
    """'2. Sở Tài chính:' then what it must do, as bullets or after the colon: each is that body's.

    A bullet that opens with 'Phối hợp' makes the body a cooperating one, 'giám sát' / 'kiểm tra việc thực
    hiện' a supervising one; otherwise it leads. A bullet that opens with a body of its own is that body's
    statement. Only inside a task or an implementation section; elsewhere (a report's account of a body's works)
    only a bullet 'Là chủ đầu tư A và B' is read."""
    out: list[Responsibility] = []
    spans: list[tuple[int, int]] = []
    t = doc.t
    em = _END_OF_BODY.search(t)
    body_end = em.start() if em else len(t)
    for sec in doc.ctx.sections:
        scoped = doc.task_at(sec.start) is not None or doc.in_implementation(sec.start)
        if not 2 <= sec.level <= 5 or not (scoped or doc.may_hold(sec.start, sec.end, "chủ đầu tư")
                                           and _INVESTOR_BULLET.search(t, sec.start, sec.end)):
            continue  # elsewhere only the works a body invests in ("a) Là chủ đầu tư A và B") are read
        line_end = t.find("\n", sec.start)
        line_end = sec.end if line_end < 0 or line_end > sec.end else line_end
        head = _skip(t, sec.start, line_end)
        colon = t.find(":", head, line_end)
        stop = colon if colon >= 0 else line_end
        om = _CLAUSE_OPENER.match(t, head, stop) or _FOR_BODY.match(t, head, stop)
        if om and om.group("w").lower().startswith(("giao", "đối")):
            head = om.end()
        elif _NOT_RESPONSIBLE_OPENER.match(t, head, stop):
            continue
        subj, q = _agency_list(doc, head, stop)
        ap = _HEAD_APPOSED.match(t, q, line_end) if subj else None
        if ap is not None:  # "2. Ban X (chủ đầu tư):", "1. Ban X (chủ đầu tư các dự án: A; B):"
            colon = stop = q = ap.end() - 1
        if not subj or t[q:stop].strip(" .,"):
            continue  # the heading is not only a list of bodies
        invests = ap is not None and not ap.group("listed") or bool(_BARE_INVESTOR.fullmatch(t, subj[-1].end, stop))
        body_start = colon + 1 if colon >= 0 else line_end
        if scoped:
            spans.append((sec.start, sec.end))
        # the last item of a letter runs on to its closing: the recipients' list ("Nơi nhận: - Như trên; ...") is
        # no bullet of the item
        sec_end = min(sec.end, body_end) if body_end > body_start else sec.end
        cuts = [body_start] + [body_start + m.end() for m in _BULLET_SPLIT.finditer(t[body_start:sec_end])] + [sec_end]
        for a, b in itertools.pairwise(cuts):
            seg = t[a:b].strip()
            if not re.search(r"\w", seg) or re.fullmatch(r"[a-zđ]\)", seg):
                continue  # nothing, or only the marker of the first bullet ("Sở X:\na) ...")
            a += len(t[a:b]) - len(t[a:b].lstrip())
            if scoped and (own := _bullet_own_subject(doc, a, b)) is not None:
                role, osubj, q = own
                out += _one_statement(doc, a, b, role, osubj, q, (a, b), scoped)
                continue
            if _INVESTOR_BULLET.match(seg):
                out += _invests_in_named(doc, subj, a, b)
                continue
            if invests and not re.match(r"(?i)(?:[-+•–*]\s*)?(?:tiếp tục\s+|chủ động\s+)?phối hợp", seg) and not (
                    doc.agencies_in(a, min(b, a + 4))):
                # "2. Ban X (chủ đầu tư):" then "- Dự án A: hoàn thành ...", "- Hoàn thành Dự án B ...": the works
                # the heading body's own duties name are the ones it invests in (not those it only works on with
                # another, nor a bullet given to another body)
                out += _invests_in_named(doc, subj, a, b)
            if not scoped:
                continue
            role = "lead"
            if re.match(r"(?i)(?:tiếp tục\s+|chủ động\s+)?phối hợp", seg):
                role = "lead" if _bullet_names_partner(doc, a, b) else "cooperate"
            elif not re.match(r"(?i)chủ trì", seg) and (_SUPERVISE.match(seg) or _checks_work(doc, a, b)):
                role = "supervise"
            targeted = _target_statement(doc, a, b, role, subj, a) if doc.task_at(a) is None else []
            if targeted:  # "- Chủ trì thực hiện chỉ tiêu tỷ lệ che phủ rừng": the target is the object
                out += targeted
                continue
            obj = _object(doc, role, a, b, a, (a, b))
            if obj is None or obj[0] == "project" and role != "investor":
                obj = ("task", doc.task_at(a).n, None) if doc.task_at(a) else ("document", "", None)
            dl = deadline_in_text(t[a:b], doc.year) or (_task_deadline(doc, a) if obj[0] == "task" else None)
            out += [Responsibility(x.name, role, obj[0], obj[1], dl, a, b, x.start, x.end) for x in subj]
            if role == "lead":
                for m in _COOP_WITH.finditer(t, a, b):
                    co, _q = _agency_list(doc, m.end(), b)
                    if co and co[0].start == m.end():
                        out += [Responsibility(x.name, "cooperate", obj[0], obj[1], dl, a, b, x.start, x.end) for x in co]
    return out, spans


# ------------------------------------------------------------------ tables
_ROW_LINE = re.compile(r"^[ \t]*\|?[^\n|]*(?:\|[^\n|]*){2,}\|?[ \t]*$", re.MULTILINE)
_SEP_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")


def _row_lines(text: str):
    """The matches of _ROW_LINE, found line by line: only a line with two bars can be a row."""
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 2:
            m = _ROW_LINE.match(text, pos, pos + len(line))
            if m:
                yield m
        pos += len(line) + 1


def _cells(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    line = text[a:b]
    lead = len(line) - len(line.lstrip())
    s, e = a + lead, b
    while e > s and text[e - 1] in " \t":
        e -= 1
    if text[s:s + 1] == "|":
        s += 1
    if e > s and text[e - 1] == "|":
        e -= 1
    out, p = [], s
    for m in re.finditer(r"\|", text[s:e]):
        out.append((p, s + m.start(), text[p:s + m.start()].strip()))
        p = s + m.end()
    out.append((p, e, text[p:e].strip()))
    return out


def _header_columns(cells) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, (_a, _b, c) in enumerate(cells):
        lc = c.lower()
        if len(lc) > 40 or ":" in lc:
            continue  # a header cell is a short title, not "Chủ trì: Sở ..."
        if "chủ trì" in lc or lc in ("đơn vị thực hiện", "cơ quan thực hiện", "đơn vị chủ trì"):
            cols.setdefault("lead", i)
        elif re.fullmatch(r"chủ đầu tư(?:\s*\([^()]*\))?", lc):  # "Chủ đầu tư (đơn vị được giao)"
            cols.setdefault("investor", i)
        elif "phối hợp" in lc:
            cols.setdefault("coop", i)
        elif re.search(r"thời gian|thời hạn|tiến độ|hoàn thành", lc):
            cols.setdefault("time", i)
        elif lc in ("stt", "tt", "số tt", "số thứ tự"):
            cols.setdefault("n", i)
        elif re.search(r"nhiệm vụ|nội dung|công việc|tên", lc):
            cols.setdefault("task", i)
    return cols if "lead" in cols or "investor" in cols else None


_GENERIC_PART = GENERIC_PART
# a capitalised phrase in a subject slot or a cell that starts with a head word names a body even when the
# reference data does not know it ("Phòng Văn hóa và Thông tin huyện")
_ORG_HEAD = ORG_HEAD


def _named_body(doc: _Doc, part: str) -> str | None:
    """Canonical name of a phrase that is one organisation's name, else None."""
    part = part.strip(" .")
    words = part.split()
    if (not _ORG_HEAD.match(part) or _GENERIC_PART.search(part) or not 2 <= len(words) <= 14
            or re.search(r"\d|[;:()]", part) or any(w in _NOT_ACTION - {"của", "và"} for w in words)):
        return None
    name = canonical_agency(part, doc.ctx.place, doc.ctx.level)
    if name and name.lower().startswith(tone_fold(part).lower()):
        name = part + name[len(part):]  # not in the reference data: keep the spelling as written
    return name


def _cell_agencies(doc: _Doc, a: int, b: int) -> list[tuple[str, int, int]]:
    """The bodies a cell names: the agencies recogniser's mentions, and each other ';'/','-separated part that
    reads as one name ('Trung tâm Phát triển quỹ đất tỉnh'); generic plurals ('Các sở, ban, ngành') are not."""
    out = [(x.name, x.start, x.end) for x in slot_bodies(doc.t, a, b, doc.agencies_in(a, b), doc.ctx.place,
                                                         doc.ctx.level)]
    for pm in re.finditer(r"[^;,]+", doc.t[a:b]):
        s0, s1 = a + pm.start(), a + pm.end()
        part = pm.group().strip()
        if not part or any(x0 < s1 and s0 < x1 for _n, x0, x1 in out):
            continue
        name = _named_body(doc, part)
        if name:
            lead = len(pm.group()) - len(pm.group().lstrip())
            out.append((name, s0 + lead, s0 + lead + len(part)))
    return sorted(out, key=lambda x: x[1])


# a table header with a unit column: a table of targets
_UNIT_HEADER = re.compile(r"(?i)\|\s*(?:đơn vị tính|đvt|đơn vị)\s*\|")


def _table_statements(doc: _Doc) -> tuple[list[Responsibility], list[tuple[int, int]]]:
    out: list[Responsibility] = []
    target_table = False
    spans: list[tuple[int, int]] = []
    cols = None
    last_end = -1
    row_no = 0
    text = doc.t
    for m in _row_lines(text):
        if cols is not None and text[last_end:m.start()].strip():
            cols = None  # prose between rows: the table ended
        last_end = m.end()
        cells = _cells(text, m.start(), m.end())
        if all(_SEP_CELL.match(c) or not c for _a, _b, c in cells):
            continue
        head = _header_columns(cells)
        if head is not None:
            cols, row_no = head, 0
            # "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 | Cơ quan chủ trì theo dõi |": its rows are targets,
            # each given to the body of its row
            target_table = bool(_UNIT_HEADER.search(text, m.start(), m.end()))
            spans.append((m.start(), m.end()))
            continue
        if cols is None:
            continue
        spans.append((m.start(), m.end()))
        row_no += 1

        def cell(k, cols=cols, cells=cells):
            i = cols.get(k)
            return cells[i] if i is not None and i < len(cells) else None

        nc = cell("n")
        n = nc[2].rstrip(".") if nc else ""
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)*|[IVXL]+|[a-zđ]", n):
            n = str(row_no)
        tc = cell("time")
        dl = deadline_in_cell(tc[2], doc.year) if tc else None
        task = cell("task")
        label = task[2] if task else None
        out += _row_investors(doc, cell("investor"), m.start(), m.end(), dl)
        target = next((q for q in doc.quantities or () if q.category == "target" and m.start() <= q.start < m.end()),
                      None) if target_table else None
        okind, okey = ("target", target.indicator) if target is not None else ("task", n)
        for role, k in (("lead", "lead"), ("cooperate", "coop")):
            cc = cell(k)
            if cc is None:
                continue
            labelled = list(_LABEL.finditer(text, cc[0], cc[1]))
            if labelled:  # one column "Cơ quan thực hiện" holding "Chủ trì: X; Phối hợp: Y"
                for lm in labelled:
                    lrole = _LABEL_ROLE[(lm.group("role") or lm.group("bare")).lower()]
                    for name, a0, a1 in _cell_agencies(doc, lm.start("val"), min(lm.end("val"), cc[1])):
                        out.append(Responsibility(name, lrole, okind, okey, dl, m.start(), m.end(), a0, a1, label))
                continue
            for name, a0, a1 in _cell_agencies(doc, cc[0], cc[1]):
                out.append(Responsibility(name, role, okind, okey, dl, m.start(), m.end(), a0, a1, label))
    return out, spans


def _row_investors(doc: _Doc, cc, a: int, b: int, dl: str | None) -> list[Responsibility]:
    """A table's 'Chủ đầu tư' cell: the bodies it names invest in the project its row names (a row whose work is
    not recognised as a project gives none)."""
    if cc is None:
        return []
    work = next((n for n in doc.named if n.category == "project" and a <= n.start < b
                 and not cc[0] <= n.start < cc[1]), None)
    if work is None:
        return []
    return [Responsibility(name, "investor", "project", work.name, dl, a, b, a0, a1)
            for name, a0, a1 in _cell_agencies(doc, cc[0], cc[1])]


# ------------------------------------------------------------------ labelled lines
_LABEL = _rx(
    r"(?i)(?=[ \tcđbp])(?:(?<!\w)(?:cơ quan|đơn vị|bộ phận)(?:,\s*đơn vị)?\s+(?P<role>chủ trì|phối hợp|thực hiện|giám sát)"
    r"|(?:^|(?<=[;(|\-–]))[ \t]*(?P<bare>chủ trì|phối hợp))\s*:\s*(?P<val>[^;\n)|]*)",
    re.MULTILINE,
)
_LABEL_HINT = re.compile(r"(?:trì|hợp|hiện|sát)\s*:")
_TIME_LABEL = _rx(r"(?i)(?<!\w)(?:thời gian|thời hạn|tiến độ)(?:\s+(?:hoàn thành|thực hiện))?\s*:\s*(?P<val>[^;\n]*)")


def _labelled_deadline(doc: _Doc, a: int, b: int) -> str | None:
    """The deadline a time label between a and b gives: "Thời gian: Quý III/2025", "thời gian hoàn thành: ..."."""
    tm = _TIME_LABEL.search(doc.t, a, b)
    return deadline_in_cell(tm.group("val"), doc.year) if tm else None
_LABELS_END = re.compile(r"\.[ \t]+(?=[^\W\d_])")
_LABEL_ROLE = {"chủ trì": "lead", "thực hiện": "lead", "phối hợp": "cooperate", "giám sát": "supervise"}


def _label_statements(doc: _Doc) -> tuple[list[Responsibility], list[tuple[int, int]]]:
    out: list[Responsibility] = []
    spans: list[tuple[int, int]] = []
    text = doc.t
    by_line: dict[int, list[re.Match]] = {}
    if doc.low is not None and not _LABEL_HINT.search(doc.low):
        return out, spans  # every label ends in its role word and a colon
    for m in _LABEL.finditer(text):
        by_line.setdefault(text.rfind("\n", 0, m.start()) + 1, []).append(m)
    for ls, ms in by_line.items():
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        tm = _TIME_LABEL.search(text, ls, le)
        dl = deadline_in_cell(tm.group("val"), doc.year) if tm else None
        obj = _label_object(doc, ls)
        if obj is None:
            continue
        kind, key = obj
        # "...; Thời gian: Quý III/2025. Ban Quản lý ... là chủ đầu tư công trình.": a sentence after the labels
        # is read as a sentence
        last = max([x.start() for x in ms] + ([tm.start()] if tm else []))
        stop = next((x for x in _LABELS_END.finditer(text, last, le) if text[x.end()].isupper()), None)
        spans.append((ls, stop.start() + 1 if stop else le))
        for m in ms:
            role = _LABEL_ROLE[(m.group("role") or m.group("bare")).lower()]
            for name, a0, a1 in _cell_agencies(doc, m.start("val"), m.end("val")):
                out.append(Responsibility(name, role, kind, key, dl, ls, le, a0, a1))
    return out, spans


def _item_at(doc: _Doc, pos: int) -> tuple[int, int] | None:
    """(start, end) of the numbered task, or numbered item of a plan, that holds pos."""
    task = doc.task_at(pos)
    if task is not None:
        return task.start, task.end
    items = [s for s in doc.ctx.sections if s.start <= pos < s.end and s.marker[:1].isdigit() and 2 <= s.level <= 4]
    return (items[-1].start, items[-1].end) if items else None


def _label_object(doc: _Doc, pos: int) -> tuple[str, str] | None:
    task = doc.task_at(pos)
    if task is not None:
        return "task", task.n
    # a numbered item of a plan whose task section the structure did not recognise
    items = [s for s in doc.ctx.sections if s.start <= pos < s.end and s.marker[:1].isdigit() and 2 <= s.level <= 4]
    if items:
        return "task", items[-1].marker.rstrip(".")
    if doc.in_implementation(pos):
        return "document", ""
    return None


# ------------------------------------------------------------------ implied
def _implied(doc: _Doc, stated: list[Responsibility]) -> list[Responsibility]:
    """A report's own tasks that name nobody are the issuer's: inferred, never stated."""
    h = doc.ctx.header
    if h.kind != "Báo cáo" or not doc.ctx.issuer:
        return []
    # a task given to a body to check or supervise ("4. Thanh tra huyện kiểm tra ...") names who carries it out too
    led = {r.object for r in stated if r.object_kind == "task" and r.role in ("lead", "supervise")}
    out = []
    for t in doc.tasks:
        if t.n not in led:
            out.append(Responsibility(doc.ctx.issuer, "lead", "task", t.n, _task_deadline(doc, t.start), t.start,
                                      min(t.end, t.start + len(t.head) + 3), t.start, t.start, inferred=True))
    return out


def _merge(rs: list[Responsibility]) -> list[Responsibility]:
    """One record per (agency, role, object); the first deadline stated for it wins."""
    out: dict[tuple, Responsibility] = {}
    for r in sorted(rs, key=lambda r: r.start):
        k = (r.agency, r.role, r.object_kind, r.object)
        if k not in out:
            out[k] = r
        elif out[k].deadline is None and r.deadline:
            out[k] = replace(out[k], deadline=r.deadline)
    return list(out.values())


# "Ban X (chủ đầu tư Dự án A)", "Ban X, chủ đầu tư Dự án A, ...", "Ban X - chủ đầu tư công trình A - ..."
_APPOSED_INVESTOR = _rx(r"(?i)\s*(?:\(|,|(?<=\s)[-–]|(?=\s+với\s))\s*(?:là\s+|làm\s+|với\s+(?:vai trò|tư cách)\s+(?:là\s+)?)?"
                       r"chủ đầu tư\s+(?:của\s+)?")


def _apposed_work(doc: _Doc, p: int):
    """The project named in an apposition right after an agency ending at p: 'Ban X (chủ đầu tư Dự án A)',
    'Ban X, chủ đầu tư Dự án A, ...'; None if there is none."""
    m = _APPOSED_INVESTOR.match(doc.t, p)
    if m is None:
        return None
    return next((n for n in doc.named if n.category == "project" and m.end() <= n.start <= m.end() + 1), None)


# "Ban X (chủ đầu tư các dự án: A; B; C)": the works the body invests in, listed in its apposition
_APPOSED_LIST = _rx(r"(?i)\s*\(\s*(?:là\s+)?chủ đầu tư\s+(?:các|những)\s+(?:dự án|công trình)\s*:\s*")


def _apposed_works(doc: _Doc, p: int) -> list[NamedMention]:
    """The works listed in an apposition right after an agency ending at p, up to its closing bracket; [] if
    there is no such list, or a work of it is not one the document names."""
    m = _APPOSED_LIST.match(doc.t, p)
    close = doc.t.find(")", m.end(), m.end() + 600) if m else -1
    if close < 0:
        return []
    works = [n for n in doc.named if n.category == "project" and m.end() <= n.start < close]
    # every part between the separators is one of the works: a list read whole, or none of it
    listed = doc.t[m.end():close].strip()
    parts = [x for x in re.split(r"\s*;\s*" if ";" in listed else r"\s*,\s*", listed) if x]
    return works if works and len(works) == len(parts) else []


def _listed_work_deadline(doc: _Doc, work: NamedMention) -> str | None:
    """The deadline of a work listed in an apposition: what its own line states, else what the line of the task
    that names it again states ("- Trường THCS X: bàn giao đưa vào sử dụng trước ngày 05/9/2024;")."""
    dl = _work_deadline(doc, work)
    task = doc.task_at(work.start)
    if dl is not None or task is None:
        return dl
    at = doc.t.find(doc.t[work.start:work.end], work.end, task.end)
    return _deadline_to_line_end(doc, at) if at >= 0 else None


# what closes a work named in apposition before the body's own predicate: ")", ",", " - "
_AFTER_APPOSED = re.compile(r"\s*\)?\s*(?:,|(?<=\s)[-–](?=\s))?\s*")


def _acts_after_apposed_work(doc: _Doc, subj, end: int) -> int | None:
    """'4. Ban X, chủ đầu tư Dự án A, bảo đảm hoàn thành ...', '4. Ban X - chủ đầu tư công trình A - đôn đốc nhà
    thầu ...': a numbered task that opens with a body named with the work it invests in, then what it must do, is
    given to that body: it leads the task as well as investing in the work. Where that predicate starts, else
    None: '..., chủ đầu tư Dự án A, đã ...' reports."""
    task = doc.task_at(subj[0].start)
    if len(subj) != 1 or task is None or not _opens_item(doc, task, subj[0].start):
        return None
    work = _apposed_work(doc, subj[0].end) or next(iter(_apposed_works(doc, subj[0].end)[-1:]), None)
    if work is None or work.end >= end:
        return None
    k = _AFTER_APPOSED.match(doc.t, work.end, end).end()
    if not doc.t[k:k + 1].islower() or _first_word(doc.t, k, end) in _NOT_ACTION | {""}:
        return None
    return k


_LINE_OR_SENTENCE_END = re.compile(r"\n|\.(?=\s|$)")


def _work_deadline(doc: _Doc, work: NamedMention) -> str | None:
    """The deadline the words after a work state, to the end of its line or sentence ("- Kè X, hoàn thành trong
    Quý III/2025;", "... Dự án Y, bảo đảm hoàn thành trong Quý IV/2024.")."""
    return _deadline_to_line_end(doc, work.end)


def _deadline_to_line_end(doc: _Doc, at: int) -> str | None:
    stop = _LINE_OR_SENTENCE_END.search(doc.t, at)
    return deadline_in_text(doc.t[at : stop.start() if stop else len(doc.t)], doc.year)


# "Ban X (chủ đầu tư) đẩy nhanh ...", "Ban X, với vai trò chủ đầu tư, phải ...": the role said of the body alone
_ROLE_APPOSED = re.compile(r"(?i)\s*(?:\(\s*chủ đầu tư\s*\)|,\s*(?:với\s+)?(?:vai trò|tư cách)\s+(?:là\s+)?chủ đầu tư\s*,"
                           r"|\s+với\s+(?:vai trò|tư cách)\s+(?:là\s+)?chủ đầu tư(?!\w)"
                           # "Ban X - chủ đầu tư - cam kết ...": the role between dashes, the work named before
                           r"|\s+[-–]\s*chủ đầu tư\s*[-–](?=\s))")


# a sentence that opens with the work it is about: "Đối với Dự án A, ...", "Riêng Dự án B, ...", "Về Dự án C: ...",
# "Với Dự án D, UBND tỉnh giao ..."
_TOPIC_OPENER = _rx(r"(?i)\s*(?:" + _TOPIC_WORD + r")\s+")


def _topic_work(doc: _Doc, sent_start: int):
    """The project a sentence names as its topic before what it says of it, or None."""
    m = _TOPIC_OPENER.match(doc.t, sent_start)
    if m is None:
        return None
    work = next((n for n in doc.named if n.category == "project" and m.end() <= n.start <= m.end() + 1), None)
    if work is None or not re.match(r"\s*[,:]", doc.t[work.end:work.end + 3]):
        return None
    return work


def _apposed_investors(doc: _Doc) -> list[Responsibility]:
    out = []
    for a in doc.ags:
        out += [Responsibility(a.name, "investor", "project", w.name, _listed_work_deadline(doc, w), a.start, w.end,
                               a.start, a.end) for w in _apposed_works(doc, a.end)]
        work = _apposed_work(doc, a.end)
        if work is None and (rm := _ROLE_APPOSED.match(doc.t, a.end)) is not None:
            # the work it is the investor of is the one its clause goes on to name, else the one the sentence
            # opens with ("Đối với Dự án A, Ban X với vai trò chủ đầu tư phải ...")
            stop = re.search(r"[.;\n]", doc.t[rm.end():])
            end = rm.end() + (stop.start() if stop else len(doc.t) - rm.end())
            work = next((n for n in doc.named if n.category == "project" and rm.end() <= n.start < end), None)
            if work is None:
                sent = next((x for x in doc.ctx.sentences if x.start <= a.start < x.end), None)
                work = _topic_work(doc, sent.start) if sent is not None else None
        if work is not None:
            out.append(Responsibility(a.name, "investor", "project", work.name,
                                      _work_deadline(doc, work),
                                      a.start, work.end, a.start, a.end))
    return out


_TRAILING_COOP = re.compile(r"(?i)\s+(?:cùng\s+)?phối hợp(?:\s+thực hiện)?\s*(?=[;.]|$)", re.MULTILINE)


def _trailing_cooperators(doc: _Doc) -> list[Responsibility]:
    """'5. Thanh tra tỉnh kiểm tra việc ..., Sở Tài chính phối hợp; hoàn thành trong Quý III': a body named after
    the lead's clause with a bare 'phối hợp' cooperates on the same task."""
    out = []
    for a in doc.ags:
        task = doc.task_at(a.start)
        if task is None or not re.search(r"(?:,|\svà)\s*$", doc.t[max(task.start, a.start - 4) : a.start]):
            continue
        m = _TRAILING_COOP.match(doc.t, a.end)
        if m is not None:
            due = deadline_in_text(doc.t[m.end() : task.end], doc.year) or _task_deadline(doc, a.start)
            out.append(Responsibility(a.name, "cooperate", "task", task.n, due, a.start, m.end(), a.start, a.end))
    return out


def find_responsibilities(ctx: Context, agencies=None, named=None, directives=None,
                          quantities=None) -> list[Responsibility]:
    doc = _Doc(ctx, agencies, named, directives, quantities)
    table, tspans = _table_statements(doc)
    labels, lspans = _label_statements(doc)
    headed, hspans = _headed_statements(doc)
    sentences = _sentence_statements(doc, tspans + lspans + hspans)
    stated = _merge(table + labels + headed + sentences + _apposed_investors(doc) + _trailing_cooperators(doc))
    return stated + _implied(doc, stated)

"""Vietnamese numbers, ranges, comparators and units, parsed exactly.

Written forms (DOMAIN.md): ``7.850`` = 7850 (dot groups thousands), ``10.984,2`` = 10984.2 (comma is the
decimal mark), ``05`` = 5, ``7 - 7,5%`` = a range, ``từ 3% trở lên`` = at least 3 %, ``trên 50%`` = above
50 %, ``khoảng 31 - 32 nghìn tỷ đồng`` = about 31 to 32 thousand billion đồng.

Public API:
    parse_number(s) -> Decimal | None          one number as written
    parse_quantity(s) -> Measure | None        the first number-with-unit of a string
    find_measures(text, start, end) -> list[Measure]
                                                every number-with-unit of text[start:end]

The unit and comparator words are reference data kept in the tables below (UNITS, MAGNITUDES,
COMPARATORS_BEFORE, COMPARATORS_AFTER); nothing is compiled at import time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# ---------------------------------------------------------------- reference data
# Units as written after a number. Longest forms first is not required: the pattern sorts them.
# kind: "percent" | "money" | "measure" | "count" | "duration"
UNITS: dict[str, str] = {
    "%": "percent",
    # money (a magnitude word may precede: tỷ đồng, nghìn tỷ đồng, triệu USD)
    "đồng": "money", "USD": "money", "đô la Mỹ": "money", "EUR": "money", "NDT": "money",
    # measures
    "ha": "measure", "héc-ta": "measure", "hecta": "measure", "km": "measure", "km2": "measure",
    "km²": "measure", "m": "measure", "mét": "measure", "m2": "measure", "m²": "measure", "m3": "measure", "m³": "measure",
    "tấn": "measure", "kg": "measure", "tạ": "measure", "lít": "measure", "MW": "measure", "kW": "measure",
    "kWh": "measure", "Kwh": "measure", "KWh": "measure", "MWh": "measure",
    # counted things
    "xã": "count", "phường": "count", "thị trấn": "count", "huyện": "count", "thôn": "count",
    "bản": "count", "thôn, bản": "count", "khối phố": "count", "tổ dân phố": "count",
    "hộ": "count", "hộ gia đình": "count", "hộ nghèo": "count", "người": "count", "lao động": "count",
    "học sinh": "count", "sinh viên": "count", "giáo viên": "count", "bác sỹ": "count", "bác sĩ": "count",
    "giường bệnh": "count", "trường": "count", "lớp": "count", "phòng học": "count",
    "sản phẩm": "count", "doanh nghiệp": "count", "hợp tác xã": "count", "tổ hợp tác": "count",
    "chủ thể": "count", "dự án": "count", "công trình": "count", "chương trình": "count", "đề án": "count",
    "đơn vị": "count", "cơ quan": "count", "tiêu chí": "count", "chuỗi": "count",
    "lượt": "count", "lượt khách": "count", "lượt người": "count", "khách": "count",
    "cơ sở": "count", "cơ sở y tế": "count", "cơ sở y tế công lập": "count", "dịch vụ công": "count",
    "thủ tục": "count", "thủ tục hành chính": "count", "hồ sơ": "count", "giấy": "count",
    "giấy chứng nhận": "count", "cây": "count", "con": "count", "chợ": "count",
    "cụm công nghiệp": "count", "khu công nghiệp": "count", "căn": "count", "căn hộ": "count",
    "vụ": "count", "vụ việc": "count", "đối tượng": "count", "mô hình": "count",
    "làng": "count", "điểm du lịch": "count", "điểm": "count", "cửa hàng": "count", "trạm": "count", "tuyến": "count",
    "khu dân cư": "count", "khu": "count", "tài khoản": "count", "viên": "count", "thanh niên": "count",
    "bậc": "count", "hợp đồng": "count", "gia đình": "count", "nhà": "count",
    "ngày": "duration", "ngày làm việc": "duration",
}
# one spelling per unit, so that figures compare across documents ("m³" and "m3" are one unit)
UNIT_SPELLING: dict[str, str] = {"m³": "m3", "m²": "m2", "km²": "km2", "héc-ta": "ha", "hecta": "ha", "mét": "m"}
# magnitude words that may stand between the number and the unit ("31 nghìn tỷ đồng")
MAGNITUDES = ("nghìn", "ngàn", "vạn", "triệu", "tỷ", "trăm")
# what follows "%" when a share of a plan is meant ("đạt 28,1% kế hoạch", "60% kế hoạch cả năm")
PLAN_SHARE = (
    r"(?:tổng\s+)?(?:kế hoạch|KH|dự toán|chỉ tiêu(?=\s+(?:được\s+)?giao)|(?:chỉ tiêu\s+)?nghị quyết)"
    r"(?:\s+(?:cả\s+năm|năm))?"
)
# per-capita tails: "11,2 bác sỹ ... trên 1 vạn dân"
# a rate after the unit: "triệu đồng/người", "%/năm", "tấn/ha"
PER_UNIT = r"/\s*(?:1\s+)?(?:người/năm|người|năm|tháng|ha|hộ|lao động|km2|km²|dân|sào|con)(?![^\W\d_])"
PER_CAPITA = r"(?:trên|/)\s*(?:(?:1|một)\s+)?(?P<mag>vạn|nghìn|ngàn|triệu|trăm nghìn)\s+(?:dân|người dân)"

# comparator words written before a number -> comparator (gold convention: "trên" -> gte, "dưới" -> lte)
COMPARATORS_BEFORE: dict[str, str] = {
    "từ": "gte?",  # "từ X trở lên" -> gte, "từ X - Y" -> range, bare "từ X" -> eq
    "trên": "gte", "hơn": "gte", "tối thiểu": "gte", "ít nhất": "gte", "không dưới": "gte",
    "không thấp hơn": "gte", "≥": "gte", ">=": "gte", ">": "gte",
    "≤": "lte", "<=": "lte", "<": "lte",
    "dưới": "lte", "không quá": "lte", "không vượt quá": "lte", "tối đa": "lte", "chậm nhất": "lte",
    "trong thời hạn": "lte", "trong vòng": "lte",
    "khoảng": "approx", "gần": "approx", "xấp xỉ": "approx", "ước khoảng": "approx", "ước tính": "approx",
    "ước đạt": "approx", "ước": "approx",
}
_BEFORE_TAILS = tuple({w.split()[-1] for w in COMPARATORS_BEFORE})  # the last word of each (lower case)
# words after the unit that bound the value
COMPARATORS_AFTER: dict[str, str] = {"trở lên": "gte", "trở xuống": "lte"}
RANGE_SEPARATORS = ("-", "–", "đến", "tới")

# one number as written: 1.234.567,89 | 1234,5 | 05 | (English decimal) 4.5
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+(?:,\d+)?(?![\d.])|\d+\.\d{1,2}(?![\d.])"
# the same, not inside a word or another number, its first digit first: a pattern that opens with a digit is tried
# only where the text has one (one that opens with a look-behind is tried at every position of the text)
_NUM_ALONE = (r"\d(?<![\w.,/+]\d)"
              r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d*(?:,\d+)?(?![\d.])|\d*\.\d{1,2}(?![\d.]))")


@dataclass(frozen=True, init=False)
class Measure:
    """A number (or range) with its unit, found in a text. Immutable: its fields are set once, by __init__."""

    value: float  # lower bound for a range
    max: float | None  # upper bound of a range
    comparator: str  # "eq" | "gte" | "lte" | "approx" | "range"
    unit: str  # as written, spaces normalised: "%", "nghìn tỷ đồng", "% kế hoạch", "bác sỹ/1 vạn dân"
    kind: str  # "percent" | "money" | "measure" | "count" | "duration"
    value_text: str  # as written: "7 - 7,5", "trên 60", "khoảng 5.400", "04"
    start: int  # whole span, comparator words and unit included
    end: int
    num_start: int  # span of the number(s)
    num_end: int
    exact: Decimal | None = None  # the value as an exact decimal
    exact_max: Decimal | None = None

    def __init__(self, value: float, max: float | None, comparator: str, unit: str, kind: str, value_text: str,
                 start: int, end: int, num_start: int, num_end: int, exact: Decimal | None = None,
                 exact_max: Decimal | None = None) -> None:
        # (the generated __init__ of a frozen dataclass sets each field through object.__setattr__, twice as slow:
        # a Measure is made for every figure of every sentence)
        self.__dict__.update(value=value, max=max, comparator=comparator, unit=unit, kind=kind, value_text=value_text,
                             start=start, end=end, num_start=num_start, num_end=num_end, exact=exact,
                             exact_max=exact_max)

    @property
    def plan_share(self) -> bool:
        """A share of a plan or budget: "28,1% kế hoạch", "30% dự toán"."""
        # (asked many times of each figure: a bare "%" names no plan)
        return self.kind == "percent" and self.unit != "%" and bool(_PLAN_SHARE.match(self.unit))


_PLAN_SHARE = re.compile(r"%\s*(?:tổng\s+)?(?:kế hoạch|KH|dự toán|chỉ tiêu|nghị quyết)")  # asked ~10^3 times a document


# "chỉ tiêu" after a percent names the quota when nothing else follows it ("đạt 122,4% chỉ tiêu.") or a level gave
# it ("100% chỉ tiêu huyện giao"); only "chỉ tiêu (được) giao" is in PLAN_SHARE, as "Tuyển quân đạt 100% chỉ tiêu"
# in a list of goals is the goal's own value
_QUOTA = re.compile(
    r"\s*chỉ\s+tiêu(?=\s+(?:của\s+)?(?:tỉnh|thành\s+phố|huyện|thị\s+xã|quận|xã|phường|thị\s+trấn|cấp\s+trên)\s+"
    r"(?:đã\s+)?giao(?![^\W\d_])|\s*(?:[.;)\n]|$)|\s*,(?!\s*nhiệm\s+vụ))",
    re.IGNORECASE,
)


def as_quota_share(text: str, m: Measure) -> Measure:
    """The percent as a share of the quota when "chỉ tiêu" after it names one (for a report's account of what
    it reached), else the percent unchanged."""
    q = _QUOTA.match(text, m.end) if m.kind == "percent" and m.unit == "%" else None
    return replace(m, unit="% chỉ tiêu", end=q.end()) if q else m


# ---------------------------------------------------------------- parsing
def parse_number(s: str) -> Decimal | None:
    """One Vietnamese number as written -> exact Decimal; None when it is not one."""
    if not isinstance(s, str):
        return None
    return _parse_number(s)


@lru_cache(maxsize=8192)  # the same few numbers recur (years, 100, 2,5): a Decimal is immutable, so shared
def _parse_number(s: str) -> Decimal | None:
    s = s.strip()
    if not s:
        return None
    neg = s.startswith("-")
    if neg:
        s = s[1:].strip()
    p = _patterns()
    if p["thousands"].fullmatch(s):
        t = s.replace(".", "").replace(",", ".")
    elif p["decimal_comma"].fullmatch(s):
        t = s.replace(",", ".")
    elif p["decimal_point"].fullmatch(s):  # an English decimal ("4.5"); three digits would be thousands
        t = s
    else:
        return None
    try:
        d = Decimal(t)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        return None
    return -d if neg else d


def _unit_alternation() -> str:
    """The named units, longest first, grouped by their first letter: after a number the engine tests one letter
    per group, not each of ~100 units in turn. (Units of two groups cannot both match where one letter stands,
    and each group keeps their order, so the unit found is the one the plain list finds.)"""
    groups: dict[str, list[str]] = {}
    for u in sorted(UNITS, key=len, reverse=True):
        if u != "%":
            groups.setdefault(u[0].lower(), []).append(u)
    return "|".join(re.escape(first) + "(?:" + "|".join(re.escape(u[1:]).replace(r"\ ", r"\s+") for u in units) + ")"
                    for first, units in groups.items())


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    mags = "|".join(MAGNITUDES)
    named = _unit_alternation()
    unit = (
        rf"(?P<pct>%(?:\s*(?:so\s+với\s+)?(?P<plan>{PLAN_SHARE}))?)"
        rf"|(?P<named>(?:(?:{mags})\s*){{0,2}}(?:{named}))"
    )
    core = (
        rf"(?P<a>{_NUM_ALONE})(?:\s*%(?=\s*(?:-|–|đến|tới)\s*\d))?"
        rf"(?:\s*(?P<sep>-|–|đến|tới)\s*(?P<b>{_NUM}))?"
        rf"\s*(?P<unit>{unit})(?![^\W\d_])"
    )
    before = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in COMPARATORS_BEFORE), key=len, reverse=True))
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in COMPARATORS_AFTER)
    return {
        "core": re.compile(core, re.IGNORECASE),
        "before": re.compile(rf"(?<![^\W\d_])(?P<w>{before})\s*$", re.IGNORECASE),
        "after": re.compile(rf"\s+(?P<w>{after})(?![^\W\d_])", re.IGNORECASE),
        "percap": re.compile(
            rf"(?:\s+và\s+(?:{_NUM})\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*{PER_CAPITA}", re.IGNORECASE
        ),
        "per_unit": re.compile(PER_UNIT, re.IGNORECASE),
        "sup": re.compile(r"<sup>([23])</sup>"),
        "digit": re.compile(r"\d"),
        "thousands": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"),
        "decimal_comma": re.compile(r"\d+(?:,\d+)?"),
        "decimal_point": re.compile(r"\d+\.\d{1,2}"),
    }


def _norm_space(s: str) -> str:
    return " ".join(s.split())


def _spelling(unit: str) -> str:
    *mag, base = unit.rsplit(" ", 1) if " " in unit else ("", unit)
    canon = UNIT_SPELLING.get(base)
    return unit if canon is None else " ".join([*filter(None, mag), canon])


@lru_cache(maxsize=512)
def _unit_as_written(named: str) -> str:
    """The unit as the text writes it, spaces normalised, in its one spelling ("m³" -> "m3")."""
    return _spelling(_norm_space(named))


@lru_cache(maxsize=512)
def _unit_kind(unit: str) -> str:
    if unit.startswith("%"):
        return "percent"
    words = unit.split()
    while words and words[0].lower() in MAGNITUDES and len(words) > 1:
        words = words[1:]
    base = " ".join(words).lower()
    for u, kind in UNITS.items():
        if u.lower() == base:
            return kind
    return "count"


# measure words whose unit, as written, runs into the noun they count ("lượt khách", "lượt người")
MEASURE_WORDS = ("lượt",)
# words after such a unit that do not continue the counted noun: a link, a comparison, a period, a comparator
_NOT_NOUN = frozenset((
    "đạt", "tăng", "giảm", "bằng", "so", "ước", "trong", "và", "của", "với", "tại", "năm", "quý", "tháng", "là",
    "vượt", "chiếm", "trở", "đến", "hết", "lũy", "luỹ", "tương", "theo", "cho", "từ", "trên", "dưới", "khoảng",
    "được", "đã",
))


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _counted_noun(text: str, unit: str, e: int, end: int) -> tuple[str, int] | None:
    """(the counted noun at the end of `unit`, its length in the text) when the noun phrase goes on after the
    unit ("lượt khách du lịch", "lượt người tham gia"), so that the noun belongs to the indicator; None when the
    unit ends the phrase ("755.950 lượt khách, đạt 22% kế hoạch")."""
    if not any(w in unit.lower() for w in MEASURE_WORDS):  # (most units hold none)
        return None
    words = unit.split()
    at = next((i for i, w in enumerate(words) if w.lower() in MEASURE_WORDS), None)
    if at is None or at == len(words) - 1:
        return None
    nm = _NEXT_WORD.match(text, e, end)
    if not nm or nm.group(1).lower() in _NOT_NOUN:
        return None
    written = _written_length(text, r"\s+" + r"\s+".join(map(re.escape, words[at + 1 :])) + r"$", e)
    return (" ".join(words[at + 1 :]), written) if written else None


def _written_length(text: str, pattern: str, e: int) -> int | None:
    """The length of what re.search(pattern, text[:e], re.IGNORECASE) finds, for a pattern that opens with white
    space and ends at the end: read from a little before `e` (copying and searching the text from its start
    cost a scan of the document per figure), from its start only when the white space may reach further back."""
    lo = max(0, e - 200)
    found = re.search(pattern, text[lo:e], re.IGNORECASE)
    if lo > 0 and (found is None or found.start() == 0):  # (the words themselves have one place: at the end)
        found = re.search(pattern, text[:e], re.IGNORECASE)
    return len(found.group(0)) if found else None


def find_measures(text: str, start: int = 0, end: int | None = None) -> list[Measure]:
    """Every number with a unit in text[start:end], with range, comparator and unit."""
    end = len(text) if end is None else end
    p = _patterns()
    if not p["digit"].search(text, start, end):
        return []
    out: list[Measure] = []
    for m in p["core"].finditer(text, start, end):
        a = _parse_number(m.group("a"))
        if a is None:
            continue
        b = _parse_number(m.group("b")) if m.group("b") else None
        sep = m.group("sep")
        if b is not None and b <= a:
            # a dash between two phrases ("năm 2022 - 15 dự án"), not a range: the unit is the second's
            out.extend(find_measures(text, m.start("b"), m.end()))
            continue
        if m.group("pct"):
            plan = m.group("plan")
            unit = "%" + (" " + _norm_space(plan) if plan else "")
            kind = "percent"
        else:
            unit = _unit_as_written(m.group("named"))
            kind = _unit_kind(unit)
        s, e = m.start(), m.end()
        cut = _counted_noun(text, unit, e, end)
        if cut:  # "2,15 triệu lượt khách du lịch": the measure word is the unit, the counted noun names the indicator
            unit, e = unit[: -len(cut[0])].rstrip(), e - cut[1]
        comparator = "range" if b is not None else "eq"
        prefix = ""
        lo = max(start, s - 30)
        # the word must end the window ("đạt khoảng "): look for it only when a comparator's last word does
        bm = p["before"].search(text, lo, s) if text[lo:s].rstrip().lower().endswith(_BEFORE_TAILS) else None
        if bm:
            word = _norm_space(bm.group("w")).lower()
            comp = COMPARATORS_BEFORE.get(word, "eq")
            s = bm.start("w")
            if comp == "gte?":
                comp = "eq"
            elif b is None and word not in ("ước đạt",):
                prefix = word + " "
            if b is None:
                comparator = comp
        sup = p["sup"].match(text, e, end) if unit.endswith("m") else None
        if sup:  # "m<sup>3</sup>" as HTML markup
            unit += sup.group(1)
            e = sup.end()
        pu = p["per_unit"].match(text, e, end)
        if pu:
            unit = unit + "/" + _norm_space(pu.group(0)[1:])
            e = pu.end()
        am = p["after"].match(text, e, end)
        if am:
            comparator = "range" if b is not None else COMPARATORS_AFTER[_norm_space(am.group("w")).lower()]
            e = am.end()
        if kind == "count" or kind == "measure":
            pc = p["percap"].match(text, e, end)
            if pc:
                unit = f"{unit}/1 {pc.group('mag')} dân"
                if not pc.group(0).lstrip().startswith("và"):
                    e = pc.end()
        value_text = m.group("a") + (f" {sep} " + m.group("b") if b is not None else "")
        if sep in ("-", "–") and b is not None:
            value_text = f"{m.group('a')} - {m.group('b')}"
        out.append(Measure(
            value=float(a), max=float(b) if b is not None else None, comparator=comparator, unit=unit,
            kind=kind, value_text=prefix + value_text, start=s, end=e, num_start=m.start("a"),
            num_end=m.end("b") if b is not None else m.end("a"), exact=a, exact_max=b,
        ))
    return out


def parse_quantity(s: str) -> Measure | None:
    """The first number-with-unit of a short string ("khoảng 31 - 32 nghìn tỷ đồng"), or None."""
    if not isinstance(s, str):
        return None
    ms = find_measures(s)
    return ms[0] if ms else None

"""What became of a target: units, indicator keys, periods, places, direction, percent and status.

Pure functions first (each testable alone), then `compute_links` which pairs results with the target they
measure, and `recompute` which reads targets and results from the store and writes the links in their own
derived named graph (`PROGRESS_GRAPH`), rewritten whole after every ingest.

A result measures a target when:
- the indicators meet (`indicators_match`): same kind (amount, level, growth rate, decrease), the same
  contrast words on both sides (thu/chi, xuất/nhập, quốc tế/nội địa, tỷ lệ ...), and a Dice similarity of
  their content syllables >= `MATCH_THRESHOLD` after dropping generic measure words and period phrases
  ("Diện tích trồng rừng mới" and "Trồng rừng mới" meet; "Khách du lịch quốc tế" and "Tổng lượt khách du
  lịch" do not). A target over "cả 3 tiêu chí" is met by each criterion (its words inside the result's);
- both documents are about the same place at the same level (`same_area`: province != city != district);
- the result's period lies inside the target's (`period_inside`) and, for totals, growth rates and decreases,
  starts with it (a year-to-date figure: the month of March alone says nothing of the year's total);
- the units convert (`to_base`).
A wrong link is worse than a missing one: each result keeps at most one target, the best candidate; a
result whose stated share ("đạt 18,6% dự toán") disagrees with the computed one is linked only when the
indicators are the same (the disagreement is then flagged, not hidden).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

# ---------------------------------------------------------------- units (one table)
# scale words that may open a unit, possibly chained ("nghìn tỷ đồng" = 1e12 đồng)
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
# base units as written -> canonical base; units not listed compare as written (lower case)
BASE_UNITS = {
    "lượt": "lượt", "lượt khách": "lượt", "khách": "lượt", "lượt người": "lượt",
    "đồng": "đồng", "vnđ": "đồng", "vnd": "đồng",
    "usd": "USD", "đô la mỹ": "USD",
    "tấn": "tấn", "ha": "ha", "hecta": "ha", "héc-ta": "ha", "km": "km",
    "%": "%", "phần trăm": "%",
}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s or "")


def to_base(value: float | None, unit: str | None) -> tuple[float, str] | None:
    """(value in the base unit, base unit): 3.460 nghìn lượt -> (3460000, 'lượt'). None when unreadable.

    "%" is only "%": "% kế hoạch" (a share of a plan) stays its own unit and converts to nothing else.
    """
    if value is None or not unit:
        return None
    words = _nfc(unit).strip().lower().split()
    factor = 1.0
    while words and words[0] in SCALES and len(words) > 1:
        factor *= SCALES[words.pop(0)]
    rest = " ".join(words)
    num, _, per = rest.partition("/")
    base = BASE_UNITS.get(num.strip(), num.strip())
    if per:
        base = f"{base}/{' '.join(per.split())}"
    return float(value) * factor, base


# ---------------------------------------------------------------- periods
@dataclass(frozen=True)
class Period:
    start: int  # month index: year * 12 + (month - 1)
    end: int  # inclusive
    exact: bool = True  # False: somewhere inside [start, end] (a crop season), the months unknown

    @property
    def months(self) -> int:
        return self.end - self.start + 1


def _m(y: int, mo: int) -> int:
    return y * 12 + mo - 1


def parse_period(p: str | None) -> Period | None:
    """'2022', '2022-Q1', '2022-06', '2022-01/2022-06', '2021-2025', '2023-vụ Đông Xuân' -> Period."""
    if not p:
        return None
    p = _nfc(p).strip()
    if m := re.fullmatch(r"(\d{4})", p):
        y = int(m.group(1))
        return Period(_m(y, 1), _m(y, 12))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", p):
        y, q = int(m.group(1)), int(m.group(2))
        return Period(_m(y, 3 * q - 2), _m(y, 3 * q))
    if m := re.fullmatch(r"(\d{4})-H([12])", p):
        y, h = int(m.group(1)), int(m.group(2))
        return Period(_m(y, 6 * h - 5), _m(y, 6 * h))
    if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", p):
        return Period(_m(int(m.group(1)), int(m.group(2))), _m(int(m.group(1)), int(m.group(2))))
    if m := re.fullmatch(r"(\d{4})-(\d{2})\s*/\s*(\d{4})-(\d{2})", p):
        a, b = _m(int(m.group(1)), int(m.group(2))), _m(int(m.group(3)), int(m.group(4)))
        return Period(a, b) if a <= b else None
    if m := re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", p):
        a, b = int(m.group(1)), int(m.group(2))
        return Period(_m(a, 1), _m(b, 12)) if a <= b else None
    if m := re.match(r"(\d{4})\b", p):  # "2023-vụ Đông Xuân": inside the year, months unknown
        y = int(m.group(1))
        return Period(_m(y, 1), _m(y, 12), exact=False)
    return None


def period_inside(inner: str | None, outer: str | None) -> bool:
    a, b = parse_period(inner), parse_period(outer)
    return bool(a and b and b.start <= a.start and a.end <= b.end)


def elapsed_share(inner: str | None, outer: str | None) -> float | None:
    """Share of the target period elapsed at the end of the result period (None when not known)."""
    a, b = parse_period(inner), parse_period(outer)
    if not (a and b and a.exact):
        return None
    return round((a.end - b.start + 1) / b.months, 4)


# the reporting period a title states ("6 tháng đầu năm 2023", "quý I năm 2022", "tháng 5 ... năm 2024")
_TITLE_PERIODS = [
    (re.compile(r"(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})", re.IGNORECASE),
     lambda m: f"{m.group(2)}-01/{m.group(2)}-{int(m.group(1)):02d}" if 1 <= int(m.group(1)) < 12 else None),
    (re.compile(r"quý\s+(I{1,3}|IV|[1-4])\s*(?:năm\s+|/)(\d{4})", re.IGNORECASE),
     lambda m: f"{m.group(2)}-Q{ {'I': 1, 'II': 2, 'III': 3, 'IV': 4}.get(m.group(1).upper(), m.group(1))}"),
]


def title_period(title: str | None) -> str | None:
    """The first (reporting) period of a report's title, when narrower than a year."""
    for rx, f in _TITLE_PERIODS:
        m = rx.search(_nfc(title or ""))
        if m:
            return f(m)
    return None


# ---------------------------------------------------------------- places
LEVELS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn")
_BODY = r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND"  # upper case: the header block
_LEVEL_RX = r"TỈNH|THÀNH\s+PHỐ|HUYỆN|THỊ\s+XÃ|QUẬN|XÃ|PHƯỜNG|THỊ\s+TRẤN"
_HEADER_AREA = re.compile(
    rf"(?:{_BODY})[ \t]*\n?[ \t]*(?P<level>{_LEVEL_RX})[ \t]+(?P<place>[^\W\d_][^\n|,;:*]{{1,40}}?)[ \t]*(?=\||\n|$|\s{{2}}|\*)",
)
_NAME_AREA = re.compile(rf"\b(?P<level>{'|'.join(LEVELS)})\s+(?P<place>[A-ZĐ][^\s,;()]*(?:\s+[A-ZĐ][^\s,;()]*){{0,3}})\s*$")
_RANK = {lv: i for i, lv in enumerate(LEVELS)}
_RANK.update({"thị xã": 3, "quận": 3, "thành phố": 1, "xã": 5, "phường": 5, "thị trấn": 5})


def _fold(s: str) -> str:
    return " ".join(_nfc(s).lower().split())


def document_area(header_text: str | None, issuer: str | None = None) -> tuple[str, str] | None:
    """(level, place) the document speaks for: the lowest body named in its header lines ("ỦY BAN NHÂN DÂN /
    HUYỆN ĐỒNG XUÂN" -> ('huyện', 'Đồng Xuân')), else the issuer's canonical name; None when unknown."""
    found = []
    for m in _HEADER_AREA.finditer(_nfc(header_text or "")):
        if not m.group("place").isupper():  # a body named in the running text, not the header
            continue
        level = _fold(m.group("level"))
        place = " ".join(w.capitalize() for w in m.group("place").split())
        found.append((_RANK.get(level, 0), level, place))
    if found:
        _, level, place = max(found, key=lambda x: x[0])
        return level, place
    if issuer and (m := _NAME_AREA.search(_nfc(issuer).strip())):
        return m.group("level").lower(), m.group("place")
    return None


def same_area(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Same level and place; unknown on either side never matches."""
    return bool(a and b and _fold(a[0]) == _fold(b[0]) and _fold(a[1]) == _fold(b[1]))


# ---------------------------------------------------------------- indicators
# phrases that say when or how a figure was counted, not what: dropped from the indicator
_NOISE = re.compile(
    r"\(?\b(?:lũy kế|luỹ kế|ước (?:thực hiện|tính|đạt)|ước|cả năm|năm \d{4}|quý [ivx\d]+(?:/\d{4})?"
    r"|(?:\d+ )?tháng (?:đầu|cuối) năm|\d+ tháng|tháng \d+(?:/\d{4})?|đến (?:hết )?(?:ngày|năm|quý|tháng)[^,;()]*"
    r"|so với (?:cùng kỳ|năm|kế hoạch|dự toán)[^,;()]*|vụ (?:đông xuân|hè thu|thu đông|mùa|chiêm)"
    r"|trong (?:năm|quý|kỳ)|chỉ tiêu|\d{1,2}/\d{4}|giá so sánh(?: \d{4})?|hđnd tỉnh giao|kế hoạch|dự toán)\b\)?"
)
# one indicator written several ways: phrase -> one token
_SYNONYMS = [
    ("tổng sản phẩm trên địa bàn tỉnh", "grdp"), ("tổng sản phẩm trên địa bàn", "grdp"), ("tổng sản phẩm", "grdp"),
    ("tăng trưởng kinh tế", "grdp"),
    ("chỉ số sản xuất công nghiệp", "iip"), ("ngân sách nhà nước", "nsnn"), ("bảo hiểm y tế", "bhyt"),
    ("bảo hiểm xã hội", "bhxh"), ("nông thôn mới", "ntm"), ("thu gom", "thugom"), ("dân số", "dân"),
    ("người dân", "dân"), ("lượt khách", "khách"), ("lượng khách", "khách"), ("hàng hóa", ""),
    ("hàng hoá", ""), ("kim ngạch", ""), ("trên địa bàn tỉnh", ""), ("trên địa bàn huyện", ""),
    ("trên địa bàn thành phố", ""), ("toàn huyện", ""), ("toàn thành phố", ""), ("trên địa bàn", ""), ("địa bàn", ""), ("toàn tỉnh", ""),
    ("công nhận", ""), ("phát triển thêm", ""), ("tăng thêm", ""), ("có thêm", ""), ("xây dựng thêm", ""),
    ("tỷ lệ", "tỷlệ"), ("tỉ lệ", "tỷlệ"), ("tỷ trọng", "tỷtrọng"), ("bình quân", "bìnhquân"),
    ("đầu người", "đầungười"), ("quốc tế", "quốctế"), ("nội địa", "nộiđịa"), ("trong nước", "trongnước"),
    ("nước ngoài", "nướcngoài"), ("nâng cao", "nângcao"), ("kiểu mẫu", "kiểumẫu"), ("cận nghèo", "cậnnghèo"),
    ("hộ nghèo", "hộnghèo"), ("diện tích", ""), ("sản lượng", ""), ("tốc độ", ""), ("tăng trưởng", ""),
]
# generic words: what kind of number, not what is counted
_GENERIC = frozenset([
    "số", "tổng", "lượng", "lượt", "mức", "tăng", "giảm", "thêm", "mới", "có", "được", "đạt", "của", "các",
    "những", "và", "cho", "trong", "là", "trên", "dưới", "khoảng", "giá", "trị",
    "toàn", "hiện", "nay", "so", "với",
])
# on one side only, these words make two indicators different whatever else they share
CONTRAST = frozenset({"thu", "chi", "xuất", "nhập", "quốctế", "nộiđịa", "trongnước", "nướcngoài", "tỷlệ",
                      "tỷtrọng", "bìnhquân", "đầungười", "nângcao", "kiểumẫu", "hộnghèo", "cậnnghèo", "nông",
                      "công", "dịch", "grdp", "iip"})
MATCH_THRESHOLD = 0.85
_UMBRELLA = re.compile(r"\(?\b(?:cả|trên cả|theo cả)\s+(?:\d+|ba|03)\s+tiêu chí\b\)?", re.IGNORECASE)
_TONES = {"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "uý": "úy", "uỳ": "ùy", "uỷ": "ủy",
          "uỹ": "ũy", "uỵ": "ụy"}


_TONE_RX = re.compile(r"(?<!q)(" + "|".join(_TONES) + r")(?![^\W\d_])")


def _norm_text(s: str) -> str:
    """Lower case, one spacing, old-style tone marks moved (hoá -> hóa, at the end of a syllable only)."""
    return _TONE_RX.sub(lambda m: _TONES[m.group(1)], _fold(s))


def kind_of(indicator: str, unit: str | None, comparator: str | None = None) -> str:
    """'down' (a decrease: "giảm"), 'rate' (a growth rate: "tăng 7%", "tốc độ tăng"), 'ceiling' (at most:
    "dưới 5%"), 'level' (a share or ratio: %, x/y) or 'amount' (a quantity that adds up over the period)."""
    s = _norm_text(indicator)
    base = (to_base(1, unit) or (0, ""))[1]
    if re.search(r"\bgiảm\b", s):
        return "down"
    if base == "%" and re.search(r"\btăng\b(?! thêm)|tốc độ|tăng trưởng", s):
        return "rate"
    if comparator in ("lte", "lt"):
        return "ceiling"
    if base == "%" or "/" in base:
        return "level"
    return "amount"


@dataclass(frozen=True)
class IndicatorKey:
    tokens: tuple[str, ...]  # content syllables in order of appearance
    umbrella: bool = False  # "cả 3 tiêu chí": met by each criterion

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def indicator_key(indicator: str) -> IndicatorKey:
    """Content words of an indicator, period phrases and generic measure words dropped, synonyms merged."""
    s = _norm_text(indicator)
    # a long aside in brackets is a remark, not a qualifier like "(GRDP)" or "(khách quốc tế)"
    s = re.sub(r"\(([^()]*)(?:\)|$)", lambda m: " " if len(m.group(1).split()) > 7 else m.group(0), s)
    umbrella = bool(_UMBRELLA.search(s))
    s = _UMBRELLA.sub(" ", s)
    s = _NOISE.sub(" ", s)
    s = re.sub(r"[()\[\]{}:;,.\-–\"“”'/+]", " ", s)
    s = f" {' '.join(s.split())} "
    for a, b in _SYNONYMS:
        while f" {a} " in s:
            s = f" {' '.join(s.replace(f' {a} ', f' {b} ').split())} "
    out: list[str] = []
    for w in s.split():
        if w in _GENERIC or w.isdigit() or w in out:
            continue
        out.append(w)
    return IndicatorKey(tuple(out), umbrella)


def key_slug(key: IndicatorKey, kind: str) -> str:
    from .rdfmap import slug

    return f"{kind}-{slug(key.text) if key.tokens else 'x'}"


def indicator_similarity(a: IndicatorKey, b: IndicatorKey) -> float:
    sa, sb = set(a.tokens), set(b.tokens)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def indicators_match(target: IndicatorKey, result: IndicatorKey) -> float | None:
    """Similarity when the result's indicator is the target's, else None (see the module's docstring)."""
    st, sr = set(target.tokens), set(result.tokens)
    if not st or not sr:
        return None
    if target.umbrella and st <= sr and (sr - st).isdisjoint(CONTRAST) and len(st) >= 2:
        return 1.0
    if (st ^ sr) & CONTRAST:
        return None
    sim = indicator_similarity(target, result)
    return sim if sim >= MATCH_THRESHOLD else None


# ---------------------------------------------------------------- percent and status
STATUSES = ("achieved", "on track", "needs acceleration", "off track", "not achieved")
PERCENT_TOLERANCE = 1.0  # points: texts round the share they state ("đạt 22% kế hoạch")


def percent_of_target(result_base: float, target_base: float, kind: str) -> float | None:
    """result / target x 100 against the target's lower bound; None for rates, decreases and ceilings."""
    if kind not in ("amount", "level") or not target_base:
        return None
    return round(result_base / target_base * 100, 2)


def status_of(kind: str, result: float, target: float, elapsed: float | None) -> str | None:
    """Progress status in the style of the UN / Open SDG methodology.

    Amounts add up over the period: the share reached is compared with the share of the period elapsed
    (on track when share >= elapsed; needs acceleration when >= half of it; else off track).
    Levels, rates, decreases and ceilings do not add up: the value itself is compared with the target
    (on track when it meets it; needs acceleration when within 10% of it; else off track).
    A finished period (elapsed = 1) is achieved or not achieved. None when the elapsed share is unknown.
    """
    if target == 0 and kind != "ceiling":
        return None
    if kind == "amount":
        share = result / target
        if share >= 1:
            return "achieved"
        if elapsed is None:
            return None
        if elapsed >= 1:
            return "not achieved"
        if share >= elapsed:
            return "on track"
        return "needs acceleration" if share >= elapsed / 2 else "off track"
    if kind == "ceiling":
        meets, ratio = result <= target, (target / result if result else 1.0)
    else:
        meets, ratio = result >= target, result / target
    if elapsed is None:
        return None
    if elapsed >= 1:
        return "achieved" if meets else "not achieved"
    if meets:
        return "on track"
    return "needs acceleration" if ratio >= 0.9 else "off track"


def percent_disagrees(stated: float | None, computed: float | None) -> bool:
    return stated is not None and computed is not None and abs(stated - computed) > PERCENT_TOLERANCE


# ---------------------------------------------------------------- linking
@dataclass
class Quantity:
    """A target or result as read from the store."""

    iri: str
    source: str
    indicator: str
    value: float
    unit: str
    period: str | None = None
    max: float | None = None
    comparator: str | None = None
    percent_of_plan: float | None = None
    area: tuple[str, str] | None = None
    doc_period: str | None = None  # reporting period of the document (results)
    mention: str | None = None
    sentence: str | None = None
    value_text: str | None = None
    key: IndicatorKey = field(init=False)
    child_key: IndicatorKey | None = field(init=False)  # the last part of "heading - item" labels
    kind: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = indicator_key(self.indicator)
        parts = re.split(r"\s+[-–]\s+", self.indicator)
        self.child_key = indicator_key(parts[-1]) if len(parts) > 1 else None
        self.kind = kind_of(self.indicator, self.unit, self.comparator)

    @property
    def effective_period(self) -> str | None:
        """The period the figure covers: a month its own words name ("Tổng lượng khách du lịch tháng 3");
        a figure dated only by a year, inside a report on part of that year, covers the report's period."""
        p, d = self.period, self.doc_period
        month = _MONTH_IN_LABEL.search(_norm_text(self.indicator))
        if p and month and re.match(r"\d{4}", p) and 1 <= int(month.group(1)) <= 12:
            return f"{p[:4]}-{int(month.group(1)):02d}"
        if p and d and parse_period(p) and parse_period(d) and re.fullmatch(r"\d{4}", p) and d.startswith(p):
            return d
        return p


# "tháng 3" (one month), not "3 tháng" (three months)
_MONTH_IN_LABEL = re.compile(r"(?<!\d )\btháng\s+(\d{1,2})\b(?!\s*tháng)")
# kinds whose figure only measures progress when it is counted from the start of the target's period
# (a year-to-date total or growth rate); a level can be read at any time inside it
FROM_START = ("amount", "rate", "down")


@dataclass
class Link:
    target: Quantity
    result: Quantity
    similarity: float
    percent: float | None
    status: str | None
    elapsed: float | None
    mismatch: bool

    @property
    def iri(self) -> str:
        from .vocab import BASE

        h = hashlib.sha1(f"{self.result.iri} {self.target.iri}".encode()).hexdigest()[:16]
        return f"{BASE}id/progress/{h}"


def _value_for(q: Quantity, kind: str) -> float:
    # a decrease written as a negative change ("-50%") is a decrease of 50
    return abs(q.value) if kind == "down" else q.value


def candidate(target: Quantity, result: Quantity) -> Link | None:
    """The link when `result` measures `target`, else None."""
    if target.kind != result.kind and not (target.kind == "ceiling" and result.kind == "level"):
        return None
    if not same_area(target.area, result.area):
        return None
    rp = result.effective_period
    if not period_inside(rp, target.period):
        return None
    if target.kind in FROM_START:
        a, b = parse_period(rp), parse_period(target.period)
        if a.exact and a.start != b.start:  # "tháng 3" alone is not progress towards the year's total
            return None
    sim = indicators_match(target.key, result.key)
    if sim is None and result.child_key and result.child_key.tokens == target.key.tokens:
        sim = 1.0  # "Tổng lượt khách du lịch - số lượt (khách quốc tế)": the item under its heading
    if sim is None:
        return None
    tb, rb = to_base(_value_for(target, target.kind), target.unit), to_base(_value_for(result, target.kind), result.unit)
    if not tb or not rb or tb[1] != rb[1]:
        return None
    pct = percent_of_target(rb[0], tb[0], target.kind)
    el = elapsed_share(rp, target.period)
    st = status_of(target.kind, rb[0], tb[0], el)
    mismatch = percent_disagrees(result.percent_of_plan, pct)
    if mismatch and sim < 1.0:
        return None  # only a similar indicator, and the share the text states points to another plan
    return Link(target, result, sim, pct, st, el, mismatch)


def _rank(link: Link) -> tuple:
    agrees = link.result.percent_of_plan is not None and link.percent is not None and not link.mismatch
    other_doc = link.target.source != link.result.source
    tp = parse_period(link.target.period)
    return (agrees, link.similarity, other_doc, -(tp.months if tp else 999), link.target.iri)


def compute_links(targets: list[Quantity], results: list[Quantity]) -> list[Link]:
    """Each result linked to the one target it best measures (none when no target qualifies)."""
    # only targets of the result's area and kind sharing a word can qualify: index them so
    # a store of thousands of figures is not compared pair by pair
    index: dict[tuple, list[Quantity]] = {}
    for t in targets:
        if t.area:
            area = (_fold(t.area[0]), _fold(t.area[1]))
            for w in set(t.key.tokens):
                index.setdefault((area, w), []).append(t)
    links = []
    for r in results:
        if not r.area:
            continue
        area = (_fold(r.area[0]), _fold(r.area[1]))
        words = set(r.key.tokens) | set(r.child_key.tokens if r.child_key else ())
        pool = {id(t): t for w in words for t in index.get((area, w), ())}
        cands = [lk for t in pool.values() if (lk := candidate(t, r))]
        if cands:
            links.append(max(cands, key=_rank))
    return links


# ---------------------------------------------------------------- store
def _graph() -> str:
    from .vocab import BASE

    return f"{BASE}graph/_progress"


PROGRESS_GRAPH = _graph()

_READ = """
PREFIX kgo: <https://w3id.org/kg-vn/ont#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?q ?cls ?source ?indicator ?value ?max ?unit ?period ?comparator ?pct ?level ?area ?issuer ?title ?m ?sentence ?vt
WHERE {
  GRAPH ?g {
    VALUES ?cls { kgo:Target kgo:Result }
    ?q a ?cls ; kgo:indicator ?indicator ; kgo:value ?value ; kgo:unit ?unit ; kgo:mention ?m .
    ?m kgo:inDocument ?doc .
    ?doc kgo:source ?source .
    OPTIONAL { ?m kgo:sentence ?sentence }
    OPTIONAL { ?q kgo:maxValue ?max } OPTIONAL { ?q kgo:period ?period }
    OPTIONAL { ?q kgo:comparator ?comparator } OPTIONAL { ?q kgo:percentOfPlan ?pct }
    OPTIONAL { ?q kgo:valueText ?vt }
    OPTIONAL { ?doc kgo:level ?level ; kgo:refArea ?area }
    OPTIONAL { ?doc eli:passed_by/skos:prefLabel ?issuer }
    OPTIONAL { ?doc kgo:title ?title }
  }
}
"""


def _num(t) -> float | None:
    try:
        return float(t.value) if t is not None else None
    except ValueError:
        return None


def read_quantities(store) -> tuple[list[Quantity], list[Quantity]]:
    r = store.query(_READ)
    seen: dict[str, Quantity] = {}
    kinds: dict[str, str] = {}
    for row in r.rows:
        v = dict(zip(r.variables, row))
        iri = v["q"].value
        if iri in seen:
            continue
        val = v["value"].value if v.get("value") is not None else None
        try:
            value = float(val)
        except (TypeError, ValueError):
            continue
        area = (v["level"].value, v["area"].value) if v.get("level") is not None and v.get("area") is not None \
            else document_area(None, v["issuer"].value if v.get("issuer") is not None else None)
        is_target = v["cls"].value.endswith("#Target")
        seen[iri] = Quantity(
            iri=iri, source=v["source"].value, indicator=v["indicator"].value, value=value, unit=v["unit"].value,
            period=v["period"].value if v.get("period") is not None else None, max=_num(v.get("max")),
            comparator=v["comparator"].value if v.get("comparator") is not None else None,
            percent_of_plan=_num(v.get("pct")), area=area,
            doc_period=None if is_target else title_period(v["title"].value if v.get("title") is not None else None),
            mention=v["m"].value, sentence=v["sentence"].value if v.get("sentence") is not None else None,
            value_text=v["vt"].value if v.get("vt") is not None else None)
        kinds[iri] = "target" if is_target else "result"
    targets = [q for i, q in seen.items() if kinds[i] == "target"]
    results = [q for i, q in seen.items() if kinds[i] == "result"]
    return targets, results


def _lit(s) -> str:
    if isinstance(s, bool):
        return f'"{str(s).lower()}"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    if isinstance(s, float):
        return f'"{round(s, 6)!r}"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    esc = str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{esc}"'


def link_triples(links: list[Link]) -> list[str]:
    """N-Triples lines of the progress graph: one kgo:ProgressLink per link, with its evidence."""
    from .vocab import BASE

    K, SK, PV = "https://w3id.org/kg-vn/ont#", "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    out: list[str] = []
    labels: dict[str, set[str]] = {}

    def t(s, p, o):
        out.append(f"<{s}> <{p}> {o} .")

    latest: dict[str, Link] = {}
    for lk in links:
        p = parse_period(lk.result.effective_period)
        key = (p.end if p else -1, lk.result.iri)
        old = latest.get(lk.target.iri)
        op = parse_period(old.result.effective_period) if old else None
        if old is None or key > (op.end if op else -1, old.result.iri):
            latest[lk.target.iri] = lk
    for t_iri, lk in latest.items():
        if lk.status:  # the target's status: that of its latest result (typed here for per-graph readers)
            out.append(f"<{t_iri}> {rdf_type} <{K}Target> .")
            t(t_iri, K + "status", _lit(lk.status))
    for lk in links:
        n = lk.iri
        out.append(f"<{n}> {rdf_type} <{K}ProgressLink> .")
        t(n, K + "target", f"<{lk.target.iri}>")
        t(n, K + "result", f"<{lk.result.iri}>")
        t(lk.result.iri, K + "measuresProgressOf", f"<{lk.target.iri}>")
        if lk.percent is not None:
            t(n, K + "percent", _lit(float(lk.percent)))
        if lk.status:
            t(n, K + "status", _lit(lk.status))
        if lk.elapsed is not None:
            t(n, K + "elapsedShare", _lit(float(lk.elapsed)))
        t(n, K + "percentMismatch", _lit(bool(lk.mismatch)))
        t(n, K + "similarity", _lit(float(round(lk.similarity, 4))))
        for q in (lk.target, lk.result):
            if q.mention:
                t(n, PV + "wasDerivedFrom", f"<{q.mention}>")
        # the two indicator nodes meet
        ti = f"{BASE}id/indicator/{key_slug(lk.target.key, lk.target.kind)}"
        ri = f"{BASE}id/indicator/{key_slug(lk.result.key, lk.target.kind)}"
        labels.setdefault(ti, set()).add(lk.target.indicator)
        labels.setdefault(ri, set()).add(lk.result.indicator)
        if ti != ri:
            t(ti, SK + "closeMatch", f"<{ri}>")
            t(ri, SK + "closeMatch", f"<{ti}>")
    return out


def label_triples(quantities: list[Quantity]) -> list[str]:
    """One skos:prefLabel per indicator node: its most frequent wording (targets' wordings first on ties)."""
    from collections import Counter

    from .vocab import BASE

    counts: dict[str, Counter] = {}
    for i, q in enumerate(quantities):
        node = f"{BASE}id/indicator/{key_slug(q.key, q.kind)}"
        counts.setdefault(node, Counter())[q.indicator] += 1
    out = []
    for node, c in counts.items():
        label = max(c, key=lambda w: (c[w], -len(w)))
        out.append(f"<{node}> <http://www.w3.org/2004/02/skos/core#prefLabel> {_lit(label)} .")
    return out


def recompute(store) -> int:
    """Rewrite the progress graph from the targets and results in the store; the number of links."""
    targets, results = read_quantities(store)
    links = compute_links(targets, results)
    body = "\n".join(link_triples(links) + label_triples(targets + results))
    store.update(f"DROP SILENT GRAPH <{PROGRESS_GRAPH}> ;\nINSERT DATA {{ GRAPH <{PROGRESS_GRAPH}> {{\n{body}\n}} }}")
    return len(links)

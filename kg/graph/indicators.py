"""Indicators and their figures, pure functions: units to a base, periods, the area a document speaks for,
the kind of a figure (amount, level, growth rate, decrease, ceiling) and the key of an indicator.

Used by the RDF mapping (indicator nodes, areas) and by `kg/graph/progress.py` (linking results to targets).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract.recognise.quantities import title_period as period_of_title
from ..extract.recognise.spelling import tone_fold

# ---------------------------------------------------------------- units (one table)
# scale words that may open a unit, possibly chained ("nghìn tỷ đồng" = 1e12 đồng)
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
# base units as written -> canonical base; units not listed compare as written (lower case)
BASE_UNITS = {
    "hộ nghèo": "hộ", "hộ cận nghèo": "hộ", "hộ gia đình": "hộ", "hộ dân": "hộ", "lượt": "lượt", "lượt khách": "lượt", "khách": "lượt", "lượt người": "lượt", "điểm du lịch": "điểm",
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


@lru_cache(maxsize=8192)  # linking compares every result with its candidate targets: few distinct periods
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


@lru_cache(maxsize=4096)  # every result of a report is read with its document's title
def title_period(title: str | None) -> str | None:
    """The reporting period of a report's title (read as the extraction reads it), when narrower than a year:
    "Tình hình ... 6 tháng đầu năm; nhiệm vụ ... 6 tháng cuối năm 2024" -> 2024-01/2024-06."""
    p = period_of_title(_nfc(title or ""))
    span = parse_period(p)
    return p if span and span.exact and span.months < 12 else None


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


@lru_cache(maxsize=16384)
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
    r"|(?:\d+ )?tháng (?:đầu|cuối)(?: năm)?|\d+ tháng|tháng \d+(?:/\d{4})?|đến (?:hết )?(?:ngày|năm|quý|tháng)\s*[\divx]+(?:/\d+)*(?:\s*năm\s*\d{4})?"
    r"|so với (?:thời điểm )?(?:(?:cuối|đầu) )?(?:cùng kỳ|năm|kế hoạch|dự toán)[^,;()]*"
    # a crop season says when, not what: "vụ Xuân", "vụ Đông Xuân", "vụ Hè Thu", "vụ Mùa"
    r"|vụ (?:đông ?[-–]? ?xuân|xuân ?[-–]? ?hè|hè ?[-–]? ?thu|thu ?[-–]? ?đông|mùa|chiêm|xuân|hè|đông)"
    # "Trong đó: thu tiền sử dụng đất", a table row that names a part: the part is what is measured
    r"|trong (?:năm|quý|kỳ|đó)|chỉ tiêu|\d{1,2}/\d{4}|(?:theo )?giá (?:so sánh|hiện hành)(?: (?:năm )?\d{4})?|hđnd tỉnh giao|kế hoạch|dự toán)\b\)?"
)
# one indicator written several ways: phrase -> one token
_SYNONYMS = [
    ("tổng sản phẩm trên địa bàn tỉnh", "grdp"), ("tổng sản phẩm trên địa bàn", "grdp"), ("tổng sản phẩm", "grdp"),
    ("tăng trưởng kinh tế", "grdp"),
    # value added, a district's or a town's measure of its economy (its words are all generic otherwise)
    ("giá trị tăng thêm", "gva"),
    ("chỉ số sản xuất công nghiệp", "iip"), ("ngân sách nhà nước", "nsnn"), ("bảo hiểm y tế", "bhyt"),
    ("bảo hiểm xã hội", "bhxh"), ("nông thôn mới", "ntm"), ("thu gom", "thugom"), ("dân số", "dân"),
    ("người dân", "dân"), ("tham quan du lịch", "du lịch"), ("phát triển mới", "thành lập mới"), ("lượt khách", "khách"), ("lượng khách", "khách"),
    # tourists a place drew are its tourists ("Thu hút 450.000 lượt khách du lịch"); investment it drew is not the
    # investment made ("thu hút" stays a word of its own below)
    ("thu hút khách", "khách"), ("hàng hóa", ""),
    ("hàng hoá", ""), ("kim ngạch", ""), ("trên địa bàn tỉnh", ""), ("trên địa bàn huyện", ""),
    ("trên địa bàn thành phố", ""), ("toàn huyện", ""),
    # the document's own area said as an owner: "tốc độ tăng trưởng GRDP của tỉnh" (a named one keeps its name)
    ("của tỉnh", ""), ("của huyện", ""), ("của thành phố", ""), ("của thị xã", ""), ("của xã", ""), ("toàn thành phố", ""), ("trên địa bàn", ""), ("địa bàn", ""), ("toàn tỉnh", ""),
    ("công nhận", ""), ("phát triển thêm", ""), ("tăng thêm", ""), ("có thêm", ""), ("xây dựng thêm", ""),
    # "thu" alone is the budget's (CONTRAST with "chi"); these words only share its syllable
    ("doanh thu", "doanhthu"), ("thu hút", "thuhút"), ("thu nhập", "thunhập"), ("thu hoạch", "thuhoạch"),
    # how a figure is counted, not what: "doanh thu từ hoạt động du lịch", "tỷ lệ dân số tham gia/bao phủ BHYT"
    ("từ hoạt động", ""), ("tham gia", ""), ("bao phủ", ""), ("tiêu chí ntm", "tiêu chí"),
    ("tỷ lệ", "tỷlệ"), ("tỉ lệ", "tỷlệ"), ("tỷ trọng", "tỷtrọng"), ("bình quân", "bìnhquân"),
    ("đầu người", "đầungười"), ("quốc tế", "quốctế"), ("nội địa", "nộiđịa"), ("trong nước", "trongnước"),
    ("nước ngoài", "nướcngoài"), ("nâng cao", "nângcao"), ("kiểu mẫu", "kiểumẫu"), ("cận nghèo", "cậnnghèo"),
    ("hộ nghèo", "hộnghèo"), ("diện tích", ""), ("sản lượng", ""), ("tốc độ", ""), ("tăng trưởng", ""),
]
_VISITORS_TO = re.compile(r"(?<!\w)khách\s+(?:đến|tới|về)\s+(?:[A-ZĐÀ-Ỹ]\w*\s*){1,3}$")
# generic words: what kind of number, not what is counted
_GENERIC = frozenset([
    "số", "tổng", "lượng", "lượt", "mức", "tăng", "giảm", "thêm", "mới", "có", "được", "đạt", "của", "các",
    "những", "và", "cho", "trong", "là", "trên", "dưới", "khoảng", "giá", "trị",
    "toàn", "hiện", "nay", "so", "với", "đã",
    "đón", "đến",  # "Đón 2,9 triệu lượt khách du lịch", "Lượng khách du lịch đến tỉnh": the same visitors
])
# on one side only, these words make two indicators different whatever else they share
# ("thu" is the budget's; attracting investment is not investment: "thu hút vốn đầu tư" / "vốn đầu tư")
CONTRAST = frozenset({"thu", "chi", "thuhút", "xuất", "nhập", "quốctế", "nộiđịa", "trongnước", "nướcngoài", "tỷlệ",
                      "tỷtrọng", "bìnhquân", "đầungười", "nângcao", "kiểumẫu", "hộnghèo", "cậnnghèo", "nông",
                      "công", "dịch", "grdp", "gva", "iip"})
MATCH_THRESHOLD = 0.85
ABBREV_SIMILARITY = 0.9  # one side spells out the abbreviation the other uses: the same, short of identical wording
_UMBRELLA = re.compile(r"\(?\b(?:cả|trên cả|theo cả)\s+(?:\d+|ba|03)\s+tiêu chí\b\)?", re.IGNORECASE)


def _norm_text(s: str) -> str:
    """Lower case, one spacing, old-style tone marks moved (hoá -> hóa, at the end of a syllable only)."""
    return tone_fold(_fold(s))


@lru_cache(maxsize=16384)  # asked by the mapper and by progress linking, for every figure
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
    if re.search(r"\bbình quân\b", s) and not re.search(r"(?:mỗi|hằng|hàng) năm|/\s*năm", s) and unit_nouns(unit):
        return "level"  # "bình quân toàn tỉnh đạt 17 tiêu chí/xã": an average count per unit is read at a time
    if base == "%" or "/" in base:
        return "level"
    return "amount"


@dataclass(frozen=True)
class IndicatorKey:
    tokens: tuple[str, ...]  # content syllables in order of appearance
    umbrella: bool = False  # "cả 3 tiêu chí": met by each criterion
    # abbreviations that name the indicator ("GRDP", "FDI", lower case) and those of them spelt out before,
    # in brackets ("vốn đầu tư trực tiếp nước ngoài (FDI)")
    abbrevs: frozenset[str] = field(default=frozenset(), compare=False)
    spelt: frozenset[str] = field(default=frozenset(), compare=False)
    # where the last part of a coordination "A và B" starts in `tokens` ("thủy sản khai thác và nuôi trồng" -> 4)
    and_at: int | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


_BRACKETED = re.compile(r"\(([^()]*)(?:\)|$)")
_RESTATED = re.compile(r"\s*(số [^()]+?)\s*\(([^()]+)\)\s*")
# ..., and who did it: "(thị xã đón)", "(toàn tỉnh đã đón)", "(ngành du lịch phục vụ)"
_RECEIVED = re.compile(r"\(\s*(?:(?:toàn\s+)?(?:tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|ngành(?:\s+[^\W\d_]+){1,2})\s+)?"
                       r"(?:đã\s+)?(?:thu hút|đón(?: tiếp)?|phục vụ)(?: được)?\s*\)")
_PUNCT = re.compile(r"[()\[\]{}:;,.\-–\"“”'/+]")


# several named places where a work was done, of the lowest level or streets: "Cứng hóa 6,2 km đường giao thông
# nông thôn tại các xã Liên Hòa, Liên Vị, Tiền Phong", "... trên các tuyến đường Yersin, Lê Thánh Tôn"
_PLACES_LISTED = re.compile(
    r"\s+(?:tại|ở|trên)\s+(?:địa bàn\s+)?(?:các|\d{1,2})\s+(?:xã|phường|thị trấn|thôn|bản|ấp|tổ dân phố|"
    r"(?:tuyến\s+)?(?:đường|phố))\s+(?P<names>[^()\[\];:]+?)\s*$", re.IGNORECASE)
_NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ]|\d)\S*(?:\s+(?:[A-ZĐÀ-Ỹ]|\d)\S*)*")


def _places_listed(text: str) -> re.Match | None:
    """The closing list of two or more named places a work was done in: where, not what. A part of a whole
    ("heading - item") and a single place ("tại xã Liên Hòa": that commune's figure) are not read so."""
    m = _PLACES_LISTED.search(text)
    if not m or re.search(r"\s[-–]\s", text):
        return None
    names = [n.strip() for n in re.split(r",|\s+và\s+", m.group("names"))]
    return m if len(names) >= 2 and all(_NAME.fullmatch(n) for n in names) else None


@lru_cache(maxsize=16384)  # one indicator is keyed by the mapper, by progress linking, for every figure
def indicator_key(indicator: str) -> IndicatorKey:
    """Content words of an indicator, period phrases and generic measure words dropped, synonyms merged."""
    raw = _nfc(indicator)
    if listed := _places_listed(raw):
        indicator = raw[: listed.start()]
    # "Tổng lượt khách đến Bát Xát": the visitors a place received are its tourists
    indicator = _VISITORS_TO.sub("khách du lịch", indicator)
    s = _norm_text(indicator)
    # "Số lao động (số lao động được giải quyết việc làm mới)": the bracket restates the whole label
    if (m := _RESTATED.fullmatch(s)) and m.group(2).startswith(m.group(1)):
        s = m.group(2)
    # a verb of attraction or reception in brackets says how the figure came, not what it counts:
    # "Số lượt khách du lịch (thu hút)", "(đón)", "(phục vụ)"
    s = _RECEIVED.sub(" ", s)
    # a long aside in brackets is a remark, not a qualifier like "(GRDP)", "(khách quốc tế)" or the action a count
    # was done for ("Số hộ nghèo (hỗ trợ xây mới, sửa chữa nhà ở)")
    # (its words that say when do not count: "(xây dựng nông thôn mới: đến hết tháng 6, có thêm)" is a qualifier)
    s = _BRACKETED.sub(lambda m: " " if len(re.findall(r"\w+", _NOISE.sub(" ", m.group(1)))) > 8 else m.group(0), s)
    umbrella = bool(_UMBRELLA.search(s))
    s = _UMBRELLA.sub(" ", s)
    s = _NOISE.sub(" ", s)
    s = _PUNCT.sub(" ", s)
    s = f" {' '.join(s.split())} "
    for a, b in _SYNONYMS:
        while f" {a} " in s:
            s = f" {' '.join(s.replace(f' {a} ', f' {b} ').split())} "
    out: list[str] = []
    and_at = None
    for w in s.split():
        if w == "và":
            and_at = len(out)
        if w in _GENERIC or w.isdigit() or w in out:
            continue
        out.append(w)
    raw = _nfc(indicator)
    abbrevs = frozenset(a.lower() for a in _ABBREV.findall(raw) if not _ROMAN.fullmatch(a))
    spelt = frozenset(a.lower() for a in _SPELT.findall(raw) if not _ROMAN.fullmatch(a))
    return IndicatorKey(tuple(out), umbrella, abbrevs, spelt, and_at)


# an abbreviation: two to six capitals ("GRDP", "FDI", "BHYT", "OCOP"), not a Roman numeral ("III")
_ABBREV = re.compile(r"(?<![^\W\d_])([A-ZĐ]{2,6})(?![^\W\d_])")
_SPELT = re.compile(r"[^\W\d_]\s*\(\s*([A-ZĐ]{2,6})\s*\)")
_ROMAN = re.compile(r"[IVXLC]+")


def _abbrev_match(a: IndicatorKey, b: IndicatorKey) -> bool:
    """`a` spells out an abbreviation ("Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)") that `b` uses ("Thu hút
    FDI"), and `b` says nothing `a` does not: the abbreviation names the indicator, whatever its long form.
    "Giải ngân vốn FDI" and "Xuất khẩu khu vực FDI" say more, and stay other indicators."""
    shared = a.spelt & b.abbrevs
    return bool(shared) and set(b.tokens) - shared <= set(a.tokens)



def indicator_similarity(a: IndicatorKey, b: IndicatorKey) -> float:
    sa, sb = set(a.tokens), set(b.tokens)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


QUALIFIED_SIMILARITY = 0.9  # the same indicator, one side naming in its label what the other counts in its unit
_MEASURE_UNITS = frozenset(BASE_UNITS.values()) | {"%"}
_SHARE_BASE = frozenset({"dân"})  # "94,9% dân số": the population a share is of
_SOWING = frozenset({"gieo", "cấy", "trồng"})  # "diện tích lúa gieo cấy": the area sown is the area


def unit_nouns(unit: str | None) -> frozenset[str]:
    """Key words of what a count unit counts ("lao động", "tiêu chí/xã" -> lao, động / tiêu, chí); none for
    measures (ha, tấn, đồng, lượt, %)."""
    base = (to_base(1, unit) or (0, ""))[1].split("/")[0].strip()
    if not base or base in _MEASURE_UNITS:
        return frozenset()
    return frozenset(indicator_key(base).tokens)


def qualified_match(target: IndicatorKey, t_unit: str | None, result: IndicatorKey, r_unit: str | None) -> float | None:
    """The same indicator worded apart by words that say how, not what: what one side counts in its unit and
    the other names in its label ("Giải quyết việc làm mới cho 18.000 lao động" / "Số lao động được giải quyết
    việc làm mới"; "Bình quân toàn tỉnh đạt 17 tiêu chí/xã" / "Số tiêu chí nông thôn mới bình quân"), the
    population a share is of ("dân số"), the sowing of an area ("diện tích lúa gieo cấy"). Any other extra word,
    or a contrast word on one side only, keeps them apart: a place ("trên địa bàn huyện Ngọc Khê"), another
    product ("du lịch cộng đồng"), a manner ("trồng rừng tập trung")."""
    st, sr = set(target.tokens), set(result.tokens)
    if not (st & sr) or st == sr or (st ^ sr) & CONTRAST:
        return None
    shares = _fold(t_unit or "") == "%" and _fold(r_unit or "") == "%"

    def explained(extra: set[str], other_unit: str | None) -> bool:
        rest = extra - unit_nouns(other_unit) - (_SHARE_BASE if shares else frozenset())
        return not rest or "gieo" in rest and rest <= _SOWING

    if explained(st - sr, r_unit) and explained(sr - st, t_unit):
        return QUALIFIED_SIMILARITY
    return None


PARTS_SIMILARITY = 0.9  # the whole said with its parts: the same indicator, short of the same words
_MAX_PART = 3  # syllables of one part: "khai thác", "nuôi trồng", "tập trung"


def whole_with_parts(whole: IndicatorKey, parted: IndicatorKey) -> bool:
    """`parted` names the whole `whole` names, followed by its parts joined by "và" ("Sản lượng thủy sản khai thác
    và nuôi trồng" / "Sản lượng thủy sản"). Only the whole's words first, in order, then two short parts that the
    whole does not name: one part alone ("Sản lượng thủy sản nuôi trồng") is a part of the whole, and a part a
    contrast word names ("công nghiệp và xây dựng", "hàng hóa và dịch vụ") makes a sector, not the whole."""
    w, p, at = whole.tokens, parted.tokens, parted.and_at
    n = len(w)
    if n < 2 or at is None or p[:n] != w or not (n < at < len(p)):
        return False
    first, last = p[n:at], p[at:]
    return len(first) <= _MAX_PART and len(last) <= _MAX_PART and not set(first + last) & CONTRAST


def headed_alike(a_head: IndicatorKey, b_head: IndicatorKey) -> bool:
    """Two headings of one item ("Số lượt khách - ... (khách quốc tế)" / "Tổng lượt khách du lịch - ... (khách
    quốc tế)"): one says all the other says, and what it adds is no contrast word."""
    sa, sb = set(a_head.tokens), set(b_head.tokens)
    return bool(sa and sb) and (sa <= sb or sb <= sa) and not (sa ^ sb) & CONTRAST


def indicators_match(target: IndicatorKey, result: IndicatorKey) -> float | None:
    """Similarity when the result's indicator is the target's, else None (see the module's docstring)."""
    st, sr = set(target.tokens), set(result.tokens)
    if not st or not sr:
        return None
    if target.umbrella and st <= sr and (sr - st).isdisjoint(CONTRAST) and len(st) >= 2:
        return 1.0
    if _abbrev_match(target, result) or _abbrev_match(result, target):
        return max(indicator_similarity(target, result), ABBREV_SIMILARITY)
    if (st ^ sr) & CONTRAST:
        return None
    sim = indicator_similarity(target, result)
    return sim if sim >= MATCH_THRESHOLD else None

"""Agencies: canonical names from abbreviations, spelling variants and the document's place.

Public API (used by other recognisers):
- canonical_agency(phrase, place, level) -> canonical name or None
- issuer_from_code(code, place, level) -> canonical name or None, for symbol suffixes (CP, TTg, UBND ...)
- find_agencies(ctx) -> list[AgencyMention]

The names live in `ontology/agencies.ttl` (SKOS labels, issuer codes as skos:notation, templates of local
bodies with kgo:nameTemplate / kgo:placeMode, head words of open name families). The file is read once, on
first use; every label goes into one case-insensitive regex (a character trie), so the text is scanned once.
What follows a label decides the rest: the unit and place ("UBND tỉnh Cao Bằng"), the document's own place
when the text gives none ("Sở Công Thương" -> "... tỉnh Lạng Sơn"), a descriptor ("Ban Chỉ đạo thực hiện ..."),
or that the mention is generic ("UBND các huyện", "UBND cấp huyện") and not an agency, unless places follow
("UBND các huyện A, B và C": one body per place). A labelled slot ("Cơ quan phối hợp: X, Y") or a table's body
column lists bodies whatever their head word: each is named as written when the reference knows it only in part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..records import AgencyMention, Context
from . import places
from .scan import finditer_phrases, finditer_words, first_words

AGENCIES_TTL = Path(__file__).resolve().parents[3] / "ontology" / "agencies.ttl"

from .spelling import tone_fold

_JOINER = re.compile(r"\s*([-–—,&])\s*")


@lru_cache(maxsize=16384)
def _key(s: str) -> str:
    """Lookup key of a label or of matched text: folded, lower case, spacing around - , & normalised (a document
    names the same bodies again and again)."""
    s = tone_fold(s).lower()
    s = _JOINER.sub(lambda m: "-" if m.group(1) in "–—" else m.group(1), s)
    return " ".join(s.split())


# ------------------------------------------------------------------ reference data
@dataclass(frozen=True)
class _Entry:
    iri: str
    pref: str
    kind: str | None
    levels: tuple[str, ...]
    template: str | None  # "{name} {unit} {place}" ...
    mode: str | None  # default | explicit | descriptor | at | acronym
    head: bool  # a head word (kgo:NameHead), not an agency itself
    codes: tuple[str, ...]


@dataclass
class _Data:
    entries: list[_Entry]
    by_key: dict[str, list[_Entry]]
    acronym_keys: set[str]
    regex: re.Pattern
    codes: dict[str, _Entry]
    # the same labels over a lower-cased text: a case-sensitive scan runs several times faster; without the
    # lookbehind, which kept the engine from skipping ahead to a label's first letters (`_next_label` checks it)
    regex_low: re.Pattern


def _atom(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "-":
        return r"\s*[-–—]\s*"
    if ch in ",&":
        return r"\s*" + re.escape(ch) + r"\s*"
    return re.escape(ch)


def _trie_regex(keys: list[str]) -> str:
    """One alternation as a character trie: no per-label scan, longest label first at each position."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        alts = [_atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


_KGO = "https://w3id.org/kg-vn/ont#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _reference_triples() -> dict[str, dict[str, list[str]]]:
    """subject -> predicate -> objects of the reference file (read with Oxigraph's parser: ~10x rdflib's)."""
    import pyoxigraph as ox

    index: dict[str, dict[str, list[str]]] = {}
    for t in ox.parse(path=str(AGENCIES_TTL), format=ox.RdfFormat.TURTLE):
        index.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object.value)
    return index


@lru_cache(maxsize=1)
def _data() -> _Data:
    index = _reference_triples()
    entries: list[_Entry] = []
    by_key: dict[str, list[_Entry]] = {}
    acronym_keys: set[str] = set()
    codes: dict[str, _Entry] = {}
    subjects = [(s, False) for s, po in index.items() if _KGO + "Agency" in po.get(_RDF_TYPE, ())]
    subjects += [(s, True) for s, po in index.items() if _KGO + "NameHead" in po.get(_RDF_TYPE, ())]
    for s, head in sorted(subjects, key=lambda x: x[0]):
        po = index[s]
        prefs = po.get(_SKOS + "prefLabel")
        if not prefs:
            continue
        pref = prefs[0]

        def one(p, po=po):
            v = po.get(_KGO + p)
            return v[0] if v else None

        e = _Entry(
            iri=s, pref=pref, kind=one("agencyKind"),
            levels=tuple(sorted(po.get(_KGO + "level", ()))),
            template=one("nameTemplate"), mode=one("placeMode"), head=head,
            codes=tuple(sorted(po.get(_SKOS + "notation", ()))),
        )
        entries.append(e)
        labels = {pref} | {v for p in ("altLabel", "hiddenLabel") for v in po.get(_SKOS + p, ())}
        for lab in labels:
            k = _key(lab)
            lst = by_key.setdefault(k, [])
            if e not in lst:
                lst.append(e)
            if re.sub(r"[^\w]", "", lab).isupper():
                acronym_keys.add(k)
        for c in e.codes:
            codes[c] = e
    # central entries first: a bare label means the national body ("Kho bạc Nhà nước")
    for lst in by_key.values():
        lst.sort(key=lambda e: (e.head, e.template is not None))
    body = _trie_regex(sorted(by_key))
    first = "".join(sorted({c for k in by_key for c in (k[0], k[0].upper())}))
    regex = re.compile("(?=[" + re.escape(first) + r"])(?<![\w/\-])" + body + r"(?![\w])", re.IGNORECASE)
    first_low = "".join(sorted({k[0] for k in by_key}))  # the keys are lower case
    # (the trie's branches open with those letters: the lookahead of the case-blind pattern would add nothing)
    regex_low = re.compile(("" if first_low.isalpha() else "(?=[" + re.escape(first_low) + "])") + body + r"(?![\w])")
    return _Data(entries, by_key, acronym_keys, regex, codes, regex_low)


def reference_entries() -> list[_Entry]:
    """The agencies and head words of the reference data (for tests and the RDF mapping)."""
    return list(_data().entries)


# ------------------------------------------------------------------ grammar around a label
_UNITS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
# "TP" is written for "thành phố": "UBND TP", "Công an TP.", "TP. Hồ Chí Minh", "TP.HCM", "UBND TPLS"
# "xã hội" is society, not the unit "xã" ("Phòng Lao động - Thương binh và Xã hội thành phố X"): "xã" + "hội" is a
# unit only when a place name goes on ("xã Hội Hoan", "XÃ HỘI HOAN")
_XA_HOI = r"(?!(?<=ã)[ \t]+hội(?![ \t]+(?!(?:thành|tỉnh|huyện|thị|quận|phường|xã)(?![\w]))(?-i:[A-ZĐÀ-Ỹ])))"
_UNIT_RE = re.compile(r"\s+(" + "|".join(_UNITS) + r"|(?-i:TP)(?:\.|(?-i:[A-ZĐ]{2,3}))?)(?![\w])" + _XA_HOI,
                      re.IGNORECASE)
_HCM_RE = re.compile(r"[ \t]*\.?[ \t]*(?:HCM|Hồ Chí Minh)(?![\w])")
# the parent unit a name carries in itself: "Tỉnh ủy", "Ban Thường vụ Thành ủy", "Huyện đoàn"
_UNIT_IN_NAME = {"tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "thị ủy": "thị xã",
                 "quận ủy": "quận", "tỉnh đoàn": "tỉnh", "thành đoàn": "thành phố", "huyện đoàn": "huyện"}
# family names: a capitalised run after a unit word that is no known place and starts so is a person
_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
             "ngô", "dương", "lý", "đinh", "đoàn", "lương", "trịnh", "mai", "đào", "cao", "lâm", "tạ", "hà"}
_WORD_RE = re.compile(r"[ \t]+(\w+)")
_TAI_RE = re.compile(r"[ \t]+tại(?=[ \t])", re.IGNORECASE)
# a count of time or of things after a number: "6 tháng", "3 năm liền" ("UBND phường 6 tháng đầu năm" is the ward's
# committee and six months, not a ward named 6 nor a numbered list of units)
_COUNT_AFTER = r"[ \t]*(?:%|tháng|năm|ngày|quý|tuần|giờ|lần|đợt|hộ|người|lượt|xã|phường)(?![\w])"
_GENERIC_NEXT_RE = re.compile(r"\s+(?:các|những|cấp|\d(?!\d*" + _COUNT_AFTER + "))", re.IGNORECASE)
# capitalised words that do not start a place name
_NOT_PLACE = {
    "khóa", "kỳ", "lần", "về", "tại", "theo", "năm", "quý", "tháng", "ngày", "số", "và", "của", "đã", "đề",
    "ubnd", "hđnd", "ủy", "sở", "ban", "hội", "đảng", "nghị", "quyết", "chỉ", "kế", "thông", "công", "báo",
    "giai", "nhiệm", "trong", "với", "phê", "triển", "thực", "tổ", "chủ", "phó", "thường",
}
# lower-case words that end a descriptor ("Ban Chỉ đạo tỉnh theo ...")
_STOP = {
    "về", "theo", "ngày", "để", "đã", "đang", "sẽ", "được", "bị", "tại", "trong", "của", "với", "cho", "là",
    "lần", "nhằm", "trên", "dưới", "từ", "đến", "khi", "nếu", "thì", "mà", "có", "không", "cũng", "vẫn",
    "còn", "đều", "phải", "cần", "hoặc", "hay", "các", "những", "này", "đó", "như", "sau", "trước", "qua",
    "vào", "ra", "và", "số", "kèm", "gồm", "đối", "thay", "thuộc",
}
# verbs that end a descriptor once it has a word ("Hiệp hội ... Việt - Đài trao đổi về ...")
_VERBS = {
    "tổ chức", "triển khai", "chỉ đạo", "ban hành", "phê duyệt", "báo cáo", "trao đổi", "tiếp tục", "phối hợp",
    "chủ trì", "làm việc", "ký kết", "kiểm tra", "tham mưu", "hướng dẫn", "quyết định", "đề nghị", "đôn đốc",
    "thông báo", "giải quyết", "thẩm định", "hỗ trợ", "tăng cường", "đẩy mạnh", "rà soát", "tham dự", "thống nhất",
    "giao", "đề xuất", "tiếp nhận", "công bố", "khảo sát", "thăm", "phụ trách", "thành lập",
    "xử lý", "bắt", "phát hiện", "thu giữ", "phá sản", "đạt", "tài trợ", "ủng hộ", "trao tặng", "thi công", "vi phạm",
    "đẩy nhanh", "khẩn trương", "tập trung", "theo dõi", "cập nhật", "lắp đặt", "hoàn thành",
    "cung cấp", "bảo đảm", "đảm bảo", "tuyên truyền", "duy trì", "chuẩn bị", "bố trí", "làm chủ", "hoàn thiện",
}
# what a company does after its name ("Công ty X thực hiện ...", "Hợp tác xã Y thu mua ..."); "Ban Chỉ đạo thực hiện
# ..." is a name, so these end another body's name only after a proper name
_COMPANY_VERBS = {"thực hiện", "bàn giao", "cung cấp", "vận hành", "thu mua", "liên kết", "mở rộng", "chi trả",
                  "xây dựng", "hoàn thiện", "nghiên cứu", "quảng bá", "vận động", "nâng cấp", "tu bổ", "sửa chữa"}
# the standard names of district offices and provincial sub-departments: a lower-case run after one of them is
# the sentence going on ("Phòng Kinh tế và Hạ tầng đẩy nhanh tiến độ ..."), not more of the name
_STANDARD_NAMES = {
    "phòng": ("nội vụ", "tư pháp", "tài chính - kế hoạch", "tài chính kế hoạch", "tài nguyên và môi trường",
              "lao động - thương binh và xã hội", "văn hóa và thông tin", "văn hóa - thông tin",
              "văn hóa, thể thao và du lịch", "giáo dục và đào tạo", "giáo dục - đào tạo", "y tế", "kinh tế",
              "kinh tế và hạ tầng", "kinh tế - hạ tầng", "quản lý đô thị", "nông nghiệp và phát triển nông thôn",
              "nông nghiệp và môi trường", "dân tộc", "văn hóa - xã hội", "kinh tế, hạ tầng và đô thị"),
    "chi cục": ("thuế", "kiểm lâm", "chăn nuôi và thú y", "thú y", "thủy lợi", "trồng trọt và bảo vệ thực vật",
                "bảo vệ thực vật", "quản lý thị trường", "thống kê", "thi hành án dân sự", "phát triển nông thôn",
                "thủy sản", "biển và hải đảo", "dân số - kế hoạch hóa gia đình", "an toàn vệ sinh thực phẩm",
                "văn thư - lưu trữ", "bảo vệ môi trường", "quản lý đất đai", "giám định xây dựng", "hải quan"),
    "cục": ("thú y", "chăn nuôi", "trồng trọt", "bảo vệ thực vật", "kiểm lâm", "lâm nghiệp", "thủy lợi", "thủy sản",
            "quản lý thị trường", "đường bộ việt nam", "hàng hải việt nam", "quản lý đê điều và phòng, chống thiên tai",
            "kinh tế hợp tác và phát triển nông thôn", "việc làm", "bảo trợ xã hội", "người có công", "an toàn thực phẩm",
            "quản lý dược", "quản lý môi trường y tế", "y tế dự phòng", "quản lý xây dựng công trình",
            "quản lý đất đai", "biến đổi khí hậu", "xuất nhập khẩu", "đầu tư nước ngoài", "phát triển doanh nghiệp"),
}
_PLURAL_BEFORE = {"các", "những", "mọi", "từng", "nhiều"}
# a building or a parent named through the organisation: "hạng mục Trung tâm y tế ...", "nâng cấp Trường ..."
_NOT_ACTOR_BEFORE = {"hạng mục", "trụ sở", "nâng cấp", "cải tạo", "sửa chữa", "tòa nhà", "xây dựng", "sáp nhập",
                     "trái phiếu"}
# the name of a law or a code of law: "Luật Tổ chức Chính phủ", "Luật Tổ chức Quốc hội" (but "Luật ... của Quốc hội")
_LAW_BEFORE_RE = re.compile(r"(?:Luật|Bộ luật|Pháp lệnh)(?:[ \t]+(?!của\b|do\b)[\wÀ-ỹ]+){0,5}[ \t]+$")
# "thuộc Sở ...": a parent named; "bầu cử đại biểu Quốc hội": the body elected to, not an actor
_NOT_ACTOR_LAST = {"thuộc", "biểu"}
# a lender named as a source of money is not an actor: "các dự án sử dụng vốn vay ADB, WB"
_FUNDING_BEFORE = {"vốn", "vốn vay", "nguồn vốn", "khoản vay", "tài trợ của", "vay"}
_LIST_GAP_RE = re.compile(r"\s*(?:,|và|;)?\s*$")


def _title(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


def _initials(place: str) -> set[str]:
    ini = "".join(w[0] for w in place.split()).upper()
    return {ini, ini.replace("Đ", "D")}


@dataclass
class _Doc:
    """What the scan needs to know of the document."""

    text: str  # folded text
    place: str | None
    level: str
    city: str | None  # the one "thành phố X" the document names, if only one
    parents: dict[str, str] | None = None  # unit kind -> place, the document's own unit and those above it

    def tier(self) -> str:
        return places.tier_of(self.level, self.place)

    def at_tier(self, tiers: tuple[str, ...]) -> tuple[str | None, str | None]:
        """(unit, place) of the nearest of the document's own units at one of these tiers."""
        if not tiers or self.tier() in tiers:
            return self.level, self.place
        for unit, name in (self.parents or {}).items():
            if places.tier_of(unit, name) in tiers:
                return unit, name
        return None, None


_HYPHEN_NAME_RE = re.compile(r"(?=[ \t]*[-–][ \t]*[A-ZĐÀ-Ỹ])[ \t]*[-–]")
_WORD_AFTER_HYPHEN_RE = re.compile(r"[ \t]*(\w+)")


# a number after "phường"/"quận" is the unit's name unless a count follows it
_NUMBERED_RE = re.compile(r"[ \t]+(\d{1,2})(?![\w,.]\d)(?!" + _COUNT_AFTER + r")(?![\w])", re.IGNORECASE)


def _proper_name(t: str, pos: int, doc: _Doc, caps: bool, kind: str | None = None) -> tuple[str | None, int]:
    """Capitalised words at pos ("Lạng Sơn", "Bắc Sơn"): the name of a place, up to four syllables.

    A name known to the reference of administrative units (of this kind, if given) is read as far as it goes
    ("tỉnh Lạng Sơn Nguyễn Văn A" -> "Lạng Sơn"); an unknown run that starts with a family name is a person."""
    if kind in ("phường", "quận"):
        nm = _NUMBERED_RE.match(t, pos)
        if nm and places.known(nm.group(1), kind):
            return nm.group(1), nm.end()  # "phường 6", "Quận 3": a ward or an urban district named by a number
    words: list[str] = []
    ends: list[int] = []  # end of each word in t
    end = pos
    p = pos
    while len(words) < 6:
        m = (_WORD_AFTER_HYPHEN_RE if words[-1:] == ["-"] else _WORD_RE).match(t, p)
        if not m:
            break
        w = m.group(1)
        if not w[0].isupper() or w.isdigit() or (not words and w.lower() in _NOT_PLACE):
            break
        if len(words) and w.lower() in _NOT_PLACE and places.longest_prefix(words + [w], kind) <= len(words):
            break  # "... Sơn La Đề nghị": not a word of the name, unless a known name goes on with it ("Trần Đề")
        words.append(w)
        ends.append(m.end())
        p = end = m.end()
        hy = _HYPHEN_NAME_RE.match(t, p)  # "Bà Rịa - Vũng Tàu"
        if hy:
            words.append("-")
            ends.append(hy.end())
            p = hy.end()
    while words[-1:] == ["-"]:
        words.pop()
        ends.pop()
    if not words:
        return None, pos
    n = places.longest_prefix(words, kind) or (places.longest_prefix(words) if kind is None else 0)
    if n:
        return places.canonical_name(" ".join(words[:n]), kind), ends[n - 1]
    if "-" in words:  # an unknown name does not run across a hyphen
        i = words.index("-")
        words, end = words[:i], ends[i - 1]
    words = words[:4]
    name = " ".join(words)
    if words[0].lower() in _SURNAMES:
        return None, pos
    if name.isupper():
        # in an upper-case line every word is capitalised: only the document's own place is a safe read
        if doc.place and _key(name).startswith(_key(doc.place)):
            n = len(doc.place.split())
            ends = [m.end() for m in _WORD_RE.finditer(t, pos, end)]
            return doc.place, ends[n - 1] if len(ends) >= n else end
        if name.isupper() and len(name) <= 4 and doc.place and name in _initials(doc.place):
            return doc.place, end
        return None, pos
    return tone_fold(name), end


def _unit_place(t: str, pos: int, doc: _Doc, caps: bool) -> tuple[str | None, str | None, int, bool]:
    """After a label: (unit, place, end, generic). 'tỉnh Lạng Sơn', 'tỉnh', 'huyện Bắc Sơn', 'các huyện'."""
    if _GENERIC_NEXT_RE.match(t, pos):
        return None, None, pos, True
    um = _UNIT_RE.match(t, pos)
    if not um:
        return None, None, pos, False
    unit, name, end = _unit_word(t, um, doc, caps)
    if unit is None:
        return None, None, pos, False
    if name is None and _GENERIC_NEXT_RE.match(t, um.end()):
        return None, None, pos, True
    return unit, name, end, False


def _unit_word(t: str, um: re.Match, doc: _Doc, caps: bool) -> tuple[str | None, str | None, int]:
    """(unit, place or None, end) of a matched unit word and the name after it."""
    word = um.group(1)
    if word.startswith("TP"):
        ini = word[2:].lstrip(".")
        if ini == "HCM":
            return "thành phố", "Hồ Chí Minh", um.end()
        if ini:  # "TPLS": the city whose initials these are
            city = (doc.parents or {}).get("thành phố") or doc.city
            return ("thành phố", city, um.end()) if city and ini in _initials(city) else (None, None, um.end())
        hm = _HCM_RE.match(t, um.end())
        if hm:
            return "thành phố", "Hồ Chí Minh", hm.end()
        unit = "thành phố"
    else:
        unit = word.lower()
    name, end = _proper_name(t, um.end(), doc, caps, unit)
    if name and unit in ("xã", "phường", "thị trấn"):
        # "UBND phường 1, thị xã Vĩnh Châu", "UBND phường 3 thành phố Sóc Trăng", "UBND xã A, huyện B": the
        # district the text names with a commune or a numbered ward tells which one it is
        pm = _PARENT_UNIT.match(t, end)
        if pm and (name.isdigit() or pm.group("sep").strip()):
            pname, pend = _proper_name(t, pm.end("unit"), doc, True, pm.group("unit").lower())
            if pname:
                return unit, f"{name} {pm.group('unit').lower()} {pname}", pend
    return unit, name, (end if name else um.end())


_PARENT_UNIT = re.compile(r"(?P<sep>[ \t]*,[ \t]*|[ \t]+)(?P<unit>thành phố|thị xã|quận|huyện)[ \t]+(?=[A-ZĐÀ-Ỹ\d])")


def _named_before(t: str, pos: int, unit: str, window: int = 300) -> str | None:
    """The place last named with this unit word shortly before pos ("thị xã Quảng Trị thu ... HĐND thị xã")."""
    rx = re.compile(r"(?<![\w])" + unit + r"[ \t]+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")
    last = None
    for m in rx.finditer(t, max(0, pos - window), pos):
        words = m.group(1).split()
        n = places.longest_prefix(words, unit)
        if n:
            last = places.canonical_name(" ".join(words[:n]), unit)
    return last


def _resolve_unit_place(unit: str | None, name: str | None, doc: _Doc, pos: int | None = None
                        ) -> tuple[str | None, str | None, bool]:
    """(unit, place, ok): the document's own place for its own level; generic lower units are not agencies."""
    if name:
        return unit, name, True
    if unit is None:
        return doc.level, doc.place, True
    if unit == doc.level:
        return unit, doc.place, True
    if doc.parents and unit in doc.parents:
        return unit, doc.parents[unit], True  # "UBND tỉnh" in a city's report: the province
    near = _named_before(doc.text, pos, unit) if pos is not None else None
    if near:
        return unit, near, True
    if unit == "thành phố":
        return unit, doc.city, True
    return unit, None, False


def _default_place(entry: _Entry, doc: _Doc) -> tuple[str | None, str | None]:
    """(unit, place) of a local body the text names without its place: the document's own unit when the body
    exists at its tier ("Công an" in a district), else the nearest unit above where it does ("Sở Nội vụ" in a
    city's report -> the province)."""
    k = _key(entry.pref)
    for word, unit in _UNIT_IN_NAME.items():
        if word in k:
            if unit == doc.level:
                return unit, doc.place
            if doc.parents and unit in doc.parents:
                return unit, doc.parents[unit]
            return (unit, doc.city) if unit == "thành phố" and doc.city else (None, None)
    tiers = tuple({"province": "province", "district": "district", "commune": "commune"}[x]
                  for x in entry.levels if x in ("province", "district", "commune"))
    return doc.at_tier(tiers)


def _compose(template: str, name: str, unit: str | None, place: str | None) -> str:
    if not place:
        out = f"{name} {unit}" if unit and "{unit}" in template else name
        return " ".join(out.split())
    out = template.replace("{name}", name).replace("{unit}", unit or "").replace("{place}", place)
    return " ".join(out.split())


_JOINED_WORD_RE = re.compile(r"[ \t]*([-–,])[ \t]*(\w+)")
_BRACKETED_RE = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")


def _national(toks: list[tuple[str, int, int]]) -> bool:
    """'Trung ương', 'Quốc gia' read so far: "... Trung ương về ..." is a national body's name."""
    return [x[0].lower() for x in toks] in (["trung", "ương"], ["quốc", "gia"])


def _descriptor(t: str, pos: int, data: _Data, entry: _Entry, doc: _Doc
                ) -> tuple[int, str, str | None, str | None, bool]:
    """Words that complete a head ("Ban Chỉ đạo" + "thực hiện công tác ... tỉnh Lạng Sơn").

    Returns (end, descriptor, unit, place, found_unit)."""
    unit_capable = entry.template is not None and "{unit}" in entry.template
    # a one-word head ("Sở", "Đài") or "Trung tâm" opens a name only with a capitalised word ("Trung tâm hành chính
    # huyện" is a place)
    need_cap = entry.head and (len(entry.pref.split()) == 1 or _key(entry.pref) == "trung tâm")
    toks: list[tuple[str, int, int]] = []  # (word, start, end)
    p = pos
    unit = place = None
    found_unit = False
    while len(toks) < 25:
        if unit_capable and not (toks and toks[-1][0].lower() == "cấp"):
            um = _UNIT_RE.match(t, p)
            if um and not _GENERIC_NEXT_RE.match(t, um.end()):
                u, nm, end = _unit_word(t, um, doc, False)
                if u:
                    unit, place, found_unit = u, nm, True
                    p = end
                    if nm and toks and toks[-1][0].lower() == "liên":
                        place, p = _joined_places(t, nm, p)  # "Đội Thuế liên xã A - B": one body of both
                    break
        m = _WORD_RE.match(t, p)
        sep = ""
        if not m and toks:
            m = _JOINED_WORD_RE.match(t, p)
            if m:
                sep = m.group(1)
                w = m.group(2)
                fixed = sep == "," and toks[-1][0].lower() == "phòng" and w.lower() == "chống"  # "phòng, chống"
                if sep == "," and w.lower() == entry.pref.split()[0].lower():
                    break  # "Phòng Tài chính - Kế hoạch, phòng Kinh tế": the next body of the same kind
                if sep == "," and not (w[0].isupper() or toks[0][0][0].isupper() or fixed
                                       or (unit_capable and _reaches_unit(t, p, data))):
                    break
        if not m and toks:
            pm = _BRACKETED_RE.match(t, p)
            # "(AFD)" is part of the name; "(Bộ NN&PTNT)" names its parent, another agency
            if pm and pm.group(1)[:1].isupper() and not (
                    data.regex.match(pm.group(1)) and not re.fullmatch(r"[A-Z]{2,}", pm.group(1))):
                toks.append((pm.group(), pm.start(), pm.end()))
                p = pm.end()
                continue
            break
        if not m:
            break
        w = m.group(m.lastindex)
        lw = w.lower()
        if not toks and need_cap and not w[0].isupper():
            break
        am = data.regex.match(t, m.start(m.lastindex)) if w[0].isupper() and toks else None
        if am and _agency_starts(t, m.start(m.lastindex), data) and not (sep == "-" and _key(am.group()) in _ACTING_HEADS):
            break  # another agency begins ("Việt - Đài" goes on: a bare head after a hyphen is part of the name)
        if not toks and w.lower() in _SURNAMES and _person_at(t, m.start(m.lastindex)):
            break  # "Trưởng Ban Chỉ đạo Trần Văn Nam": a person, not the name of the body
        managed = _managed_group(t, m.start(m.lastindex)) if w[0].islower() and lw in ("các", "và", "công") else None
        if managed:
            # "Ban Quản lý các khu công nghiệp", "... Khu kinh tế Nghi Sơn và các khu công nghiệp", "... các công
            # trình giao thông và nông nghiệp": what a board manages is part of its name; a verb after it ends it
            toks += [(x.group(), x.start(), x.end()) for x in _SYLLABLE_RE.finditer(t, m.start(m.lastindex), managed)]
            p = managed
            nx = _WORD_RE.match(t, p)
            goes_on = (_managed_group(t, _GAP_RE.match(t, p).end()) is not None
                       or (unit_capable and _reaches_unit(t, p, data))
                       or (nx is not None and nx.group(1)[0].isupper() and not _agency_starts(t, nx.start(1), data)))
            if not goes_on:
                break
            continue
        if lw == "và":
            # "Việt Nam và Quảng Tây", "Doanh nghiệp nhỏ và vừa"; not "... kỹ thuật và Ban Quản lý ..."
            nx = _WORD_RE.match(t, m.end())
            nw = nx.group(1) if nx else ""
            nx2 = _WORD_RE.match(t, nx.end()) if nx else None
            verb = nw in _VERBS or (nx2 and f"{nw} {nx2.group(1).lower()}" in _VERBS)
            # "... các công trình nông nghiệp và phát triển nông thôn tỉnh": a lower-case name that goes on to its unit
            if toks and nw and (nw[0].isupper() and not _agency_starts(t, nx.start(1), data)
                       or nw[0].islower() and toks and toks[0][0][0].isupper() and nw not in _STOP and not verb
                       or nw[0].islower() and unit_capable and not verb and _reaches_unit(t, m.end(), data)):
                toks.append((w, m.start(m.lastindex), m.end()))
                p = m.end()
                continue
            break
        # the next word, for the tests of a lower-case word (and of "số") below
        nx1 = _WORD_RE.match(t, m.end()) if w[0].islower() or lw == "số" else None
        if not toks and w[0].islower() and (lw in _VERBS or (nx1 and f"{lw} {nx1.group(1).lower()}" in _VERBS)):
            break  # "Ban Chỉ đạo phụ trách ...": the head alone, its name is elsewhere
        if lw == "số" and toks and nx1 and not nx1.group(1)[0].isdigit() and nx1.group(1).lower() != "hiệu":
            toks.append((w, m.start(m.lastindex), m.end()))  # "kinh tế số": digital, not a number
            p = m.end()
            continue
        if w[0].islower() and lw in ("các", "những") and _UNIT_RE.match(t, m.end()):
            return pos, "", None, None, False  # "Ban quản lý di tích các phường": one body per unit, generic
        if w[0].islower() and lw in _STOP and not (lw == "về" and _national(toks)) and not (
                lw in ("các", "và") and unit_capable and _reaches_unit(t, m.end(), data)):
            break
        if toks and w[0].islower():
            nx = nx1
            # "giao" assigns, but "giao thông" is a field of the name ("... công trình giao thông tỉnh")
            if (lw in _VERBS and not (lw == "giao" and nx and nx.group(1).lower() == "thông")
                    or (nx and f"{lw} {nx.group(1).lower()}" in _VERBS)):
                break
            if nx and f"{lw} {nx.group(1).lower()}" in _COMPANY_VERBS and (
                    entry.kind == "Company" or toks[-1][0][:1].isupper()):
                break  # "... di tích Pác Bó thực hiện tu bổ": after a proper name, the sentence goes on
        toks.append((w, m.start(m.lastindex), m.end()))
        p = m.end()
    while toks and toks[-1][0].lower() in ("và", "cấp"):
        toks.pop()
    cut = _name_ends_before_verb(t, pos, toks, entry, found_unit)
    if cut < len(toks):
        toks, found_unit, unit, place = toks[:cut], False, None, None
    if not toks:
        return (p if found_unit else pos), "", unit, place, found_unit
    end = p if found_unit else toks[-1][2]
    desc = " ".join(tone_fold(t[pos:toks[-1][2]]).split())
    return end, desc, unit, place, found_unit


_SYLLABLE_RE = re.compile(r"\w+")
_GAP_RE = re.compile(r"[ \t,]*")
# what a board manages ("Ban Quản lý các khu công nghiệp", "Ban Quản lý dự án ... các công trình giao thông và nông
# nghiệp"): the kinds of works and zones, each opening a group of the name; works take their fields after them
_MANAGED_RE = re.compile(
    r"(?:(?:và|,)[ \t]+)?(?:(các)[ \t]+)?((?i:công[ \t]+trình|khu[ \t]+công[ \t]+nghiệp|khu[ \t]+kinh[ \t]+tế|"
    r"cụm[ \t]+công[ \t]+nghiệp|khu[ \t]+chế[ \t]+xuất|dự[ \t]+án))(?![\w])")
# a field of works: one two-syllable word in lower case ("giao thông", "nông nghiệp", "dân dụng"), several joined
# by "và", "," or "-"
_FIELD_RE = re.compile(r"[ \t]*(?!(?:và|các|của|tại|theo|trên|thuộc|do|tỉnh|thành|huyện|quận|thị|xã|phường)[ \t])"
                       r"[a-zà-ỹđ]+[ \t]+[a-zà-ỹđ]+(?![\w])")
_FIELD_SEP_RE = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]và[ \t]+|[-–][ \t]*)(?=[a-zà-ỹđ])")
_FIELD_END_RE = re.compile(r"[ \t]*(?:$|[^\w \t]|(?:và|các|tỉnh|thành|huyện|quận|thị|xã|phường)(?![\w]))")


def _field(t: str, p: int) -> int | None:
    """End of a field of works at p: one two-syllable word, or two ("hạ tầng kỹ thuật") when the second is no verb
    and the name plainly ends after it (a mark, "và", a unit, a capitalised word)."""
    f = _FIELD_RE.match(t, p)
    if not f or not f.group().islower() or " ".join(f.group().split()) in _VERBS:
        return None
    g = _FIELD_RE.match(t, f.end())
    if g and g.group().islower() and " ".join(g.group().split()) not in _VERBS and g.group().split()[0] not in _STOP and (
            _FIELD_END_RE.match(t, g.end()) or _verb_at(t, g.end())
            or ((w := _WORD_RE.match(t, g.end())) is not None and w.group(1)[0].isupper())):
        return g.end()
    return f.end()


def _verb_at(t: str, p: int) -> bool:
    m = _WORD_RE.match(t, p)
    if not m:
        return False
    nx = _WORD_RE.match(t, m.end())
    return m.group(1) in _VERBS or m.group(1) in _STOP or bool(nx and f"{m.group(1)} {nx.group(1)}" in _VERBS)


def _managed_group(t: str, p: int) -> int | None:
    """End of a group of works or zones a board manages at p ("các khu công nghiệp", "và các khu công nghiệp",
    "các công trình giao thông và nông nghiệp"), or None. Zones are named with "các" or after "và"; works with
    their fields."""
    m = _MANAGED_RE.match(t, p)
    if not m:
        return None
    works = m.group(2).lower().startswith("công")
    if not works and not m.group(1):
        return None
    end = m.end()
    if works:
        f = _field(t, end)
        if f is None:
            return None
        end = f
        while (sep := _FIELD_SEP_RE.match(t, end)) and (f := _field(t, sep.end())) is not None:
            end = f
    return end


_JOIN_RE = re.compile(r"[ \t]*[-–][ \t]*(?=\w)")
_CAP_WORD_RE = re.compile(r"[ \t]*(\w+)")


def _joined_places(t: str, place: str, p: int) -> tuple[str, int]:
    """'A - B - C' after the unit of 'liên xã' / 'liên phường': the places joined (each up to four capitalised
    words), and where they end."""
    while jm := _JOIN_RE.match(t, p):
        q, words = jm.end(), []
        while len(words) < 4 and (wm := _CAP_WORD_RE.match(t, q)) and wm.group(1)[0].isupper():
            words.append(wm.group(1))
            q = wm.end()
        if not words:
            break
        place, p = place + " - " + " ".join(words), q
    return place, p


def _agency_starts(t: str, p: int, data: _Data) -> bool:
    """Whether an agency's name starts at p: a label of the reference, but not a head word that needs a
    capitalised word after it and has none ("Thủy lợi và Phòng chống thiên tai": 'Phòng' opens no department)."""
    m = data.regex.match(t, p)
    if m is None:
        return False
    entries = data.by_key.get(_key(m.group()), [])
    nx = _WORD_RE.match(t, m.end())
    bare_head = entries and all(e.head and (len(e.pref.split()) == 1 or _key(e.pref) == "trung tâm") for e in entries)
    return not (bare_head and nx is not None and nx.group(1)[:1].islower())


@lru_cache(maxsize=16)
def _standard_names(head: str) -> frozenset[str]:
    """Keys of the standard names that complete a head word ("kinh tế,hạ tầng và đô thị" after "phòng"): those of
    the list above and those of the reference's bodies named with that head."""
    out = {_key(n) for n in _STANDARD_NAMES.get(head, ())}
    out |= {k[len(head) + 1:] for k, es in _data().by_key.items()
            if k.startswith(head + " ") and any(not e.head for e in es)}
    return frozenset(out)


def _coordination_end(t: str, toks: list[tuple[str, int, int]]) -> int:
    """An office named by a list of capitalised fields ("Văn hóa, Thông tin và Thể thao") ends with the field after
    "và", of two words as the others are; lower-case words after it are the sentence going on. len(toks) if the
    descriptor is no such list."""
    n = len(toks)
    listed = False
    for k in range(1, n - 2):
        if "," in t[toks[k - 1][2]:toks[k][1]] and toks[k][0][:1].isupper():
            listed = True
        elif listed and toks[k][0] == "và" and toks[k + 1][0][:1].isupper():
            end = k + 3
            if end < n and toks[end - 1][0][:1].islower() and toks[end][0][:1].islower():
                return end
            return n
    return n


def _name_ends_before_verb(t: str, pos: int, toks: list[tuple[str, int, int]], entry: _Entry, found_unit: bool) -> int:
    """How many descriptor words are the name: up to a standard office name followed by lower-case words that
    reach no unit, or up to a place named inside the descriptor ("Chi cục Thuế khu vực Buôn Ma Thuột thu ...")
    when lower-case words follow it: the sentence goes on after the name."""
    n = len(toks)
    if n < 2:
        return n
    known = _standard_names(_key(entry.pref))
    if known and toks[0][0][:1].isupper() and not found_unit:
        best = 0
        for i in range(1, n + 1):
            if _key(t[pos:toks[i - 1][2]]) in known:
                best = i
        if 0 < best < n and toks[best][0][:1].islower() and _key(toks[best][0]) != "khu" and toks[best][0] != "(":
            return best
    if entry.head and toks[0][0][:1].isupper() and not found_unit:
        cut = _coordination_end(t, toks)
        if cut < n:
            return cut
    for i in range(1, n):
        if not (toks[i][0][:1].isupper() and toks[i - 1][0][:1].islower()):
            continue
        j = i
        while j < n and toks[j][0][:1].isupper():
            j += 1
        words = [w for w, _, _ in toks[i:j]]
        if j < n and toks[j][0][:1].islower() and toks[j][0] != "và" and len(words) > 1 and _places_run(words):
            return j
    return n


def _places_run(words: list[str]) -> bool:
    """The words are one known place or several in a row ("An Nhơn - Tây Sơn" read as "An Nhơn", "Tây Sơn")."""
    if not words:
        return True
    return any(places.known(" ".join(words[:n])) and _places_run(words[n:]) for n in range(min(len(words), 4), 1, -1))


_PARTNER_BEFORE_RE = re.compile(r"(?:\bvới|\bgiữa)[^.;:\n]{0,60}$")
_AGENT_BEFORE_RE = re.compile(r"\bdo[^.;:\n]{0,100}$")
_AGENT_VERB_RE = re.compile(r"[ \t]*(?:tài trợ|đầu tư|thực hiện|thi công|tổ chức|hỗ trợ|ủng hộ|trao tặng|làm chủ đầu tư)\b")


# a company that opens a clause and goes on with what it does is the one who acts: "Công ty X đã hoàn thành ...",
# "Hợp tác xã Y tổ chức ...", "giao Công ty Z phối hợp ..."
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[.,;:!?\n(]|(?<![\w])(?:giao|đề nghị|yêu cầu))[ \t*+\-–]*$", re.IGNORECASE)
_SUBJECT_VERB_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:đã|đang|sẽ)(?![ \t]+(?:bị|được|phá sản|giải thể|ngừng|vi phạm|nợ)(?![\w]))|tiếp tục|tích cực"
    r"|khẩn trương|phối hợp|chủ trì|hoàn thành|tổ chức|triển khai|thực hiện|thi công|đầu tư|ký kết|cam kết|tài trợ"
    r"|hỗ trợ|đẩy nhanh|tập trung|đảm nhận|làm chủ đầu tư|bàn giao|cung cấp|vận hành|thu mua|liên kết|mở rộng"
    r"|chi trả)(?![\w])")


_INVESTOR_MARK_RE = re.compile(r"[ \t]*\([ \t]*chủ đầu tư[ \t]*\)")


def _company_acts(t: str, s: int, end: int) -> bool:
    if _INVESTOR_MARK_RE.match(t, end):
        return True  # "Nhà máy X của Công ty cổ phần Y (chủ đầu tư)": the company invests in the work
    before = t[max(0, s - 120):s]
    if _PARTNER_BEFORE_RE.search(before):
        return True
    if _CLAUSE_OPEN_RE.search(t[max(0, s - 20):s]) and _SUBJECT_VERB_RE.match(t, end):
        return True
    return bool(_AGENT_BEFORE_RE.search(before) and _AGENT_VERB_RE.match(t, end))


def _person_at(t: str, pos: int) -> bool:
    """Two to four capitalised words from pos that are no known place: a person's name."""
    words = re.findall(r"\w+", t[pos:pos + 40])[:4]
    caps = []
    for w in words:
        if not w[0].isupper():
            break
        caps.append(w)
    return len(caps) >= 2 and places.longest_prefix(caps) == 0


def _ends_with_place(desc: str) -> bool:
    """'Công viên Địa chất Lạng Sơn': the descriptor already names its place; so does a board's name that goes on
    after its place with what else it manages ('Khu kinh tế Nghi Sơn và các khu công nghiệp')."""
    words = desc.split()
    if any(places.known(" ".join(words[-n:])) for n in (1, 2, 3) if len(words) > n):
        return True
    for g in _MANAGED_RE.finditer(desc):
        before = desc[: g.start()].rstrip(" ,").split()
        if g.group().startswith(("và", ",")) and any(
                all(w[:1].isupper() for w in before[-n:]) and places.known(" ".join(before[-n:]))
                for n in (2, 3) if len(before) > n):
            return True
    return False


_NEXT_WORD_RE = re.compile(r"[ \t]*,?[ \t]*(\w[\w-]*)")


def _reaches_unit(t: str, p: int, data: _Data, limit: int = 12) -> bool:
    """Whether the name goes on to a unit ("... các công trình giao thông tỉnh", "Phòng, chống thiên tai và
    Tìm kiếm cứu nạn tỉnh") before a verb, a clause word or another agency ends it."""
    q = p
    for _ in range(limit):
        um = _UNIT_RE.match(t, q)
        if um and not _GENERIC_NEXT_RE.match(t, um.end()):
            return True
        m = _NEXT_WORD_RE.match(t, q)
        if not m:
            return False
        w = m.group(1)
        lw = w.lower()
        nx = _WORD_RE.match(t, m.end())
        # single-word verbs are left out here: "giao" opens "giao thông" as often as it assigns
        if (lw in _STOP and lw not in ("các", "và")) or (nx and f"{lw} {nx.group(1).lower()}" in _VERBS):
            return False
        if w[0].isupper() and data.regex.match(t, m.start(1)):
            return False
        q = m.end()
    return False


_WORD_RUN = re.compile(r"\w+")
_CLAUSE_CUT = re.compile(r"[:;]")
_PHRASE_CUT = re.compile(r"[.;:\n]")
_NOT_ACTOR_WORD = _PLURAL_BEFORE | _NOT_ACTOR_LAST


def _context_ok(t: str, s: int) -> bool:
    line_start = t.rfind("\n", 0, s) + 1
    if _LAW_BEFORE_RE.search(t, max(line_start, s - 50), s):
        return False
    # the words before it in its own clause ("1. Đầu tư xây dựng: Ủy ban nhân dân xã làm ...": a topic, then the body)
    before = _WORD_RUN.findall(_CLAUSE_CUT.split(t[max(line_start, s - 40):s])[-1].lower())
    if before and before[-1] in _NOT_ACTOR_WORD:
        return False
    return not (len(before) >= 2 and " ".join(before[-2:]) in _NOT_ACTOR_BEFORE)


def _funding(t: str, s: int) -> bool:
    before = _WORD_RUN.findall(_PHRASE_CUT.split(t[max(0, s - 30):s])[-1].lower())
    return bool(before) and (before[-1] in _FUNDING_BEFORE or " ".join(before[-2:]) in _FUNDING_BEFORE)


@lru_cache(maxsize=64)
def _parents(level: str, place: str | None, hints: str) -> dict[str, str]:
    return places.parents(level, place, hints) if place else {}


_LABEL_AFTER = re.compile(r"[\w/\-]")  # what a label may not follow


def _next_label(rx: re.Pattern, low: str, pos: int) -> re.Match | None:
    """The first label from `pos` on that follows no word character, "/" or "-" (the lookbehind of the case-blind
    pattern, checked here: a refused start is passed by one character, as the engine would)."""
    while (m := rx.search(low, pos)) is not None and m.start() > 0 and _LABEL_AFTER.match(low, m.start() - 1):
        pos = m.start() + 1
    return m


def _scan(text: str, place: str | None, level: str | None, city: str | None = None, hints: str = ""
          ) -> list[AgencyMention]:
    data = _data()
    t = tone_fold(text)
    place = tone_fold(place) if place else None
    lvl = (level or "tỉnh").lower()
    doc = _Doc(t, place, lvl, city, _parents(lvl, place, hints))
    out: list[AgencyMention] = []
    weak: set[int] = set()  # starts of mentions that are agencies only where they act (see _acting)
    pos = 0
    skipped_to = -1  # end of the last mention left out as a funding source: a list after it is too
    lowered = t.lower()
    # spans of the lower-cased text are the text's own when lower-casing kept every character one character
    on_lowered = len(lowered) == len(t)
    while True:
        m = _next_label(data.regex_low, lowered, pos) if on_lowered else data.regex.search(t, pos)
        if not m:
            break
        s, e = m.span()
        pos = e
        surface = t[s:e]
        k = _key(surface)
        entries = data.by_key.get(k)
        if not entries:
            continue
        caps = surface.isupper()
        if k in data.acronym_keys:
            if not caps:
                continue
        elif not surface[0].isupper():
            continue
        if not _context_ok(t, s):
            continue
        got = _resolve(t, s, e, entries, data, doc, caps)
        if got is None:
            each = _distributed(t, e, entries, doc, caps)
            if each and not _funding(t, s):
                (name, _, end), entry = each[0], entries[-1]
                out.append(AgencyMention(name=name, text=text[s:end], start=s, end=end, kind=entry.kind))
                out += [AgencyMention(name=n, text=text[a:b], start=a, end=b, kind=entry.kind) for n, a, b in each[1:]]
                pos = max(pos, each[-1][2])
            continue
        name, end, entry = got
        pos = max(pos, end)
        if _funding(t, s) or (skipped_to >= 0 and _LIST_GAP_RE.match(t[skipped_to:s])):
            skipped_to = end
            continue
        skipped_to = -1
        st = _standing_before(t, s, name)
        if st is not None:
            s, name = st, f"Thường trực {name}"
        elif name.startswith("Thường trực ") and (pm := _TITLE_STANDING_RE.match(t, s, end)) and _title_before(t, s):
            s, name = pm.end(), name[len("Thường trực "):]  # "Phó Bí thư Thường trực Huyện ủy": a person's title
        out.append(AgencyMention(name=name, text=text[s:end], start=s, end=end, kind=entry.kind))
        if entry.head and _key(entry.pref) in _ACTING_HEADS:
            weak.add(s)
    shared = _committees_sharing_council(text, t, out, data)
    if shared:
        out = sorted(out + shared, key=lambda a: a.start)
    return _acting(t, out, weak) if weak else out


_BARE_COMMITTEE_RE = re.compile(r"(Ban\s+[^\W\d_][^,;:\n()]{1,40}?)(?:,\s*|\s+và\s+)$")


def _committees_sharing_council(text: str, t: str, found: list[AgencyMention], data: _Data) -> list[AgencyMention]:
    """'Ban Kinh tế - Xã hội, Ban Pháp chế Hội đồng nhân dân huyện': committees listed before the last one name
    their council once, at the end; each is a committee of that council when the council has a committee so
    called (a label of the reference)."""
    out: list[AgencyMention] = []
    for m in found:
        cut = m.name.find(" Hội đồng nhân dân")
        if not m.name.startswith("Ban ") or cut < 0:
            continue
        council = m.name[cut:]
        at = m.start
        while (bm := _BARE_COMMITTEE_RE.search(t, max(0, at - 60), at)) is not None:
            bare = " ".join(text[bm.start(1) : bm.end(1)].split())
            if not data.by_key.get(_key(bare + " Hội đồng nhân dân")) or any(
                    x.start <= bm.start(1) < x.end for x in found):
                break
            out.append(AgencyMention(name=bare + council, text=text[bm.start(1) : bm.end(1)], start=bm.start(1),
                                     end=bm.end(1), kind=m.kind))
            at = bm.start(1)
    return out


# a public service unit ("Trung tâm ...", "Trạm ...", "Đài ...") known only by its head word is named in many roles
# (merged into another, a place, a footnote's list of units inspected): an agency only where it acts
_ACTING_HEADS = {"trung tâm", "trạm", "đài"}
# "phối hợp Trung tâm Văn hóa - Thể thao huyện tổ chức ...": the body worked with may follow without "với"
_GIVES_BEFORE = re.compile(r"(?i)(?:phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?|giao(?:\s+cho)?|chỉ\s+đạo|đề\s+nghị|"
                           r"yêu\s+cầu|kính\s+gửi\s*:?)\s+$")
_ROLE_AFTER = re.compile(r"(?i)\s*,?\s*(?:chủ\s+trì|phối\s+hợp|(?:có|chịu)\s+trách\s+nhiệm|(?:là|làm)\s+chủ\s+đầu\s+tư|"
                         r"giám\s+sát)(?!\w)")
# the start of a clause: a line (after its item marker), a sentence, a part after ';', ':' or ','
_CLAUSE_START_RE = re.compile(r"(?:^|[;:.,]|\n)[ \t]*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•–*])[ \t]*)?$")
_LIST_SEP_RE = re.compile(r"\s*(?:,|;|và|,\s*và)\s*")
# words after a subject that do not start what it does
_NOT_DOING = {"của", "thuộc", "tại", "và", "trực", "cấp", "thành", "được", "bị", "là", "với", "có", "ở", "trên", "cho",
              "theo", "về", "trong", "gồm", "nay", "này", "đó"}


def _acting(t: str, out: list[AgencyMention], weak: set[int]) -> list[AgencyMention]:
    """Drop the mentions of `weak` starts whose list of bodies ('X, Y và Z') does not act: given a job before it
    ('phối hợp với', 'giao'), or the subject of a clause with a role ('chủ trì', 'có trách nhiệm') or a verb
    after it ('3. Trung tâm Y tế huyện bảo đảm ...')."""
    groups: list[list[AgencyMention]] = []
    for m in out:
        if groups and _LIST_SEP_RE.fullmatch(t, groups[-1][-1].end, m.start) and groups[-1][-1].end <= m.start:
            groups[-1].append(m)
        else:
            groups.append([m])
    keep: list[AgencyMention] = []
    for g in groups:
        if not any(m.start in weak for m in g):
            keep += g
            continue
        a, e = g[0].start, g[-1].end
        w = re.match(r"\s+([^\W\d_]+)", t[e:e + 30])
        # a subject opens its clause: "... và Trung tâm Văn hóa thị xã, có trách nhiệm" names a work, not who acts
        acts = bool(_GIVES_BEFORE.search(t, max(0, a - 40), a) or _CLAUSE_START_RE.search(t, max(0, a - 12), a) and (
            _ROLE_AFTER.match(t, e) or w and w.group(1).islower() and w.group(1) not in _NOT_DOING))
        keep += [m for m in g if acts or m.start not in weak]
    return keep


# a party committee of any level: its standing members act as a body ("Thường trực Huyện ủy", "TT Đảng ủy xã")
_COMMITTEE_RE = re.compile(r"(?:Tỉnh|Thành|Huyện|Thị|Quận|Đảng) ủy(?![\w])")
_STANDING_RE = re.compile(r"(?:(?<![\w])(?:Thường trực|TT\.?))[ \t]*$")


_TITLE_STANDING_RE = re.compile(r"Thường trực\s+(?=[A-ZĐ])")


def _title_before(t: str, s: int) -> bool:
    """'Phó Bí thư' right before s: 'Thường trực' after it is part of a person's title."""
    before = re.findall(r"\w+", t[max(0, s - 20):s].lower())
    return before[-2:] == ["bí", "thư"]


def _standing_before(t: str, s: int, name: str) -> int | None:
    """Start of "Thường trực"/"TT" right before a party committee's name; not a person's title ("Phó Bí thư
    Thường trực Huyện ủy")."""
    if not _COMMITTEE_RE.match(name):
        return None
    m = _STANDING_RE.search(t, max(0, s - 16), s)
    if not m:
        return None
    # a title ends in the same clause: "... 300 học viên. Thường trực Đảng ủy" is the body
    before = re.findall(r"\w+", re.split(r"[.;:!?\n]", t[max(0, m.start() - 20):m.start()])[-1].lower())
    if before[-2:] == ["bí", "thư"] or before[-1:] == ["viên"]:
        return None
    return m.start()


_UNIT_WORDS = "|".join(_UNITS)
_PLURAL_UNITS_RE = re.compile(rf"[ \t]+(?:các|những)[ \t]+((?:{_UNIT_WORDS})(?:[ \t]*(?:,|và)[ \t]*(?:{_UNIT_WORDS}))*)"
                              r"(?![\w])[ \t]*:?(?=[ \t])")
_NAME_SEP_RE = re.compile(r"[ \t]*(?:,[ \t]*và|,|;|và)(?=[ \t])")


def _distributed(t: str, e: int, entries: list[_Entry], doc: _Doc, caps: bool) -> list[tuple[str, int, int]]:
    """A plural head shared by the places it lists: "UBND các huyện A, B và C", "UBND các huyện, thị xã: A, B"
    -> one body per place: [(name, start, end)], the first span from the end of the head. Without names
    ("UBND các huyện, thành phố") the mention is generic: []."""
    local = [x for x in entries if x.template and "{unit}" in x.template and x.mode in ("default", "explicit")]
    if not local:
        return []
    entry = local[0]
    m = _PLURAL_UNITS_RE.match(t, e)
    if not m:
        return []
    kinds = [k.strip() for k in re.split(r"\s*(?:,|và)\s*", m.group(1))]
    out: list[tuple[str, int, int]] = []
    p = m.end()
    while True:
        found = None
        um = _UNIT_RE.match(t, p) if out else None
        if um:  # "UBND các huyện A, B và thị xã C": the list goes on with a unit of another kind
            u, nm, end = _unit_word(t, um, doc, caps)
            if u and nm and places.known(nm, u):
                found = (u, nm, end)
            else:
                break
        for kind in kinds if not found else ():
            nm, end = _proper_name(t, p, doc, caps, kind)
            if nm and places.known(nm, kind):
                found = (kind, nm, end)
                break
        if not found:
            break
        kind, nm, end = found
        start = um.start(1) if um else _WORD_RE.match(t, p).start(1)
        out.append((_compose(entry.template, entry.pref, kind, nm), start, end))
        sep = _NAME_SEP_RE.match(t, end)
        if not sep:
            break
        p = sep.end()
    if out:
        out[0] = (out[0][0], e, out[0][2])
    return out


_TIER_RANK = {"province": 0, "district": 1, "commune": 2}


def _bare_place(t: str, e: int, entry: _Entry, doc: _Doc, caps: bool) -> tuple[str | None, str | None, int]:
    """A local body named with its place but no unit word ("Kho bạc Nhà nước Buôn Ma Thuột"): (unit, place,
    end) when the place is a known unit at a tier where the body exists; the document's own unit first, else
    a unit of the document's province before others, the highest tier first."""
    nm, end = _proper_name(t, e, doc, caps)
    if not nm:
        return None, None, e
    if nm == doc.place and places.tier_of(doc.level, doc.place) in entry.levels:
        return doc.level, nm, end
    prov = (doc.parents or {}).get("tỉnh") or (doc.place if doc.level == "tỉnh" else None)
    cands = [u for u in places.units(nm) if u.tier in entry.levels and places.tier_of(u.kind, u.name) == u.tier]
    if not cands:
        return None, None, e
    cands.sort(key=lambda u: (u.province != prov, _TIER_RANK[u.tier]))
    return cands[0].kind, cands[0].name, end


# the office of a regional body in one place: "- Phòng giao dịch La Gi", "- Phòng Giao dịch số 3"
_BRANCH_RE = re.compile(r"[ \t]*[-–][ \t]*Phòng[ \t]+[Gg]iao[ \t]+dịch(?:[ \t]+số[ \t]+(\d{1,3})(?![\w])|(?=[ \t]+[A-ZĐÀ-Ỹ]))")
# "khu vực VIII", "khu vực 3", and a region named by its place: "khu vực Vinh", "khu vực Bắc Trung Bộ"
_REGION_RE = re.compile(r"[ \t]+khu[ \t]+vực[ \t]+(?:([IVXL]+|\d{1,2})|(?-i:([A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3})))"
                        r"(?![\w])", re.IGNORECASE)


def _resolve(t: str, s: int, e: int, entries: list[_Entry], data: _Data, doc: _Doc, caps: bool
             ) -> tuple[str, int, _Entry] | None:
    rm = _REGION_RE.match(t, e)
    local = [x for x in entries if x.template and not x.head]
    if rm and local:
        # a body of a region of several units ("Kho bạc Nhà nước khu vực VIII"): neither the national one nor
        # the document's own unit's
        name, end = f"{local[0].pref} khu vực {rm.group(1).upper() if rm.group(1) else rm.group(2)}", rm.end()
        bm = _BRANCH_RE.match(t, end)
        if bm:  # "Kho bạc Nhà nước khu vực XV - Phòng giao dịch La Gi": the region's office in one place
            where, bend = (f"số {bm.group(1)}", bm.end()) if bm.group(1) else _proper_name(t, bm.end(), doc, caps)
            if where:
                name, end = f"{name} - Phòng giao dịch {where}", bend
        return name, end, local[0]
    if len(entries) > 1 and (_UNIT_RE.match(t, e) or any(
            x.mode == "explicit" and _bare_place(t, e, x, doc, caps)[0] for x in entries)):
        # "Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước Cao Lộc": the local body, not the national one
        entries = sorted(entries, key=lambda x: x.template is None)
    elif len(entries) > 1 and _PLURAL_UNITS_RE.match(t, e):
        return None  # "Kho bạc Nhà nước các huyện": local bodies, not the national one
    elif len(entries) > 1 and doc.place and doc.tier() == "district" and not (
            re.match(r"[ \t]+[A-ZĐÀ-Ỹ]", t[e:e + 3]) or _GENERIC_NEXT_RE.match(t, e)):
        # a district's or a city's report that names the treasury bare means its own ("Kho bạc Nhà nước kiểm soát
        # chi" in a district report: the district's treasury)
        local = [x for x in entries if x.template and "district" in x.levels]
        if local:
            return _compose(local[0].template, local[0].pref, doc.level, doc.place), e, local[0]
    for entry in entries:
        got = _resolve_one(t, s, e, entry, data, doc, caps)
        if got:
            return got
    return None


def _resolve_one(t: str, s: int, e: int, entry: _Entry, data: _Data, doc: _Doc, caps: bool
                 ) -> tuple[str, int, _Entry] | None:
    tpl, mode = entry.template, entry.mode
    if mode in ("descriptor", "at", "acronym"):
        end, desc, unit, nm, found_unit = _descriptor(t, e, data, entry, doc)
        if mode == "acronym" and not re.search(r"\([A-Z]{2,}\)$", desc):
            return None
        if mode == "at":
            tm = _TAI_RE.match(t, end)
            if tm:
                nm2, end2 = _proper_name(t, tm.end(), doc, caps)
                if nm2:
                    desc, end = f"{desc} tại {nm2}".strip(), end2
        if entry.head and _key(entry.pref) == "phòng" and re.fullmatch(r"[A-ZĐ]{1,5}", desc):
            return None  # "Phòng KT", "Phòng TH": a room of an office by its initials, not a body that acts
        if entry.head and _key(entry.pref) in _ACTING_HEADS and len(desc.split()) < 2:
            return None  # "Đài Loan" is a place; a unit's name says what it serves in two words at least
        name = f"{entry.pref} {desc}".strip() if desc else entry.pref
        if found_unit:
            u, p, ok = _resolve_unit_place(unit, nm, doc, s)
            name = _compose("{name} {unit} {place}", name, u, p)
        elif entry.head and not desc:
            return None
        elif entry.kind == "Company" and not (re.search(r"[ \t(][A-ZĐ]", " " + desc) and _company_acts(t, s, end)):
            # a company is an actor when named by its proper name as the one who does: "do Công ty X tài trợ",
            # "ký kết với Tập đoàn Y"; not as the one sanctioned, gone bankrupt or merely located
            return None
        elif entry.levels and (entry.head or desc) and not _ends_with_place(desc):
            # "Sở Nội vụ", "Chi cục Kiểm lâm", "Thuế cơ sở 3": the body at its own tier, in the document's unit or
            # above it
            name = _compose(tpl or "{name}", name, *doc.at_tier(entry.levels))
        return name, end, entry
    if tpl is None:
        # a national body; "(AFD)" after its name belongs to it
        pm = re.compile(r"[ \t]*\(([A-Z]{2,})\)").match(t, e)
        return entry.pref, (pm.end() if pm else e), entry
    if "{unit}" in tpl:
        unit, nm, end, generic = _unit_place(t, e, doc, caps)
        if generic:
            return None
        if unit is None and mode == "explicit":
            unit, nm, end = _bare_place(t, e, entry, doc, caps)
            if unit is None:
                return None
            return _compose(tpl, entry.pref, unit, nm), end, entry
        u, p, ok = _resolve_unit_place(unit, nm, doc, s) if unit else (*_default_place(entry, doc), True)
        if not ok:
            return None
        return _compose(tpl, entry.pref, u, p), end, entry
    if " tại " in tpl:
        tm = _TAI_RE.match(t, e)
        nm, end = _proper_name(t, tm.end(), doc, caps) if tm else (None, e)
        p = nm or doc.place
        return _compose(tpl, entry.pref, None, p), (end if nm else e), entry
    # "{name} {place}": Tỉnh ủy Lạng Sơn, Báo Lạng Sơn / Báo LS
    if _GENERIC_NEXT_RE.match(t, e):
        return None
    nm, end = _proper_name(t, e, doc, caps)
    if nm and doc.place and nm.isupper() and nm in _initials(doc.place):
        nm = doc.place
    if nm is None and mode == "explicit":
        return None
    return _compose(tpl, entry.pref, None, nm or _default_place(entry, doc)[1]), (end if nm else e), entry


_CITY_RE = re.compile(r"\bthành phố[ \t]+([A-ZĐÂĂÊÔƠƯ][\w]*(?:[ \t]+[A-ZĐÂĂÊÔƠƯ][\w]*){0,2})")
_CITY_FIRST = first_words(("thành",))  # `finditer_words`: "\b" before a letter is a lookbehind for a non-word


def _city(t: str) -> str | None:
    names = {tone_fold(m.group(1)) for m in finditer_words(_CITY_RE, t, _CITY_FIRST) if all(w[0].isupper() for w in m.group(1).split())}
    return names.pop() if len(names) == 1 else None


# ------------------------------------------------------------------ public API
def issuer_from_code(code: str | None, place: str | None, level: str | None = "tỉnh") -> str | None:
    """Issuer of a symbol suffix: CP -> Chính phủ, QH15 -> Quốc hội, TU -> Tỉnh ủy <place> ...

    UBND is not read from the code: which People's Committee must come from the text."""
    if not code:
        return None
    data = _data()
    e = data.codes.get(code) or data.codes.get(re.sub(r"\d+$", "", code))
    if e is None:
        return None
    if e.template is None:
        return e.pref
    if not place:
        return None
    lvl = level or "tỉnh"
    tier = places.tier_of(lvl, place)
    if e.pref == "Tỉnh ủy" and lvl == "thành phố":
        # a centrally-run city's party committee signs "TU" as a province's does; a city under a province
        # shares the code with its province's: who signed is not in the symbol
        return f"Thành ủy {place}" if tier == "province" else None
    doc = _Doc("", place, lvl, None, _parents(lvl, place, ""))
    unit, where = _default_place(e, doc)
    if where is None:
        return None
    return _compose(e.template, e.pref, unit, where)


_ABBREV = [
    (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bBCĐ\b", "Ban Chỉ đạo"),
    (r"\bTAND\b", "Tòa án nhân dân"),
    (r"\bVKSND\b", "Viện Kiểm sát nhân dân"),
]


def canonical_agency(phrase: str, place: str | None, level: str | None = "tỉnh", hints: str = "") -> str | None:
    """'UBND tỉnh' in a Lạng Sơn document -> 'Ủy ban nhân dân tỉnh Lạng Sơn'.

    `hints`: text that may name the units above the document's own (its header), when its name is shared."""
    s = " ".join(phrase.split()).strip(" ,.;:")
    if not s:
        return None
    found = _scan(s, place, level, hints=hints)
    if found and not s[: found[0].start].strip():
        return found[0].name
    if found and re.fullmatch(r"(?:Phó\s+)?Chủ tịch|Thường trực|Lãnh đạo", s[: found[0].start].strip()):
        # "Chủ tịch UBND tỉnh Nguyễn Văn A": the office of the body, without the person
        return f"{s[: found[0].start].strip()} {found[0].name}"
    return as_written(s, place)


def as_written(phrase: str, place: str | None) -> str:
    """A name not in the reference data: expand what can be expanded, keep the rest as written."""
    s = tone_fold(" ".join(phrase.split()))
    for pat, full in _ABBREV:
        s = re.sub(pat, full, s)
    s = re.sub(r"\s+khóa\s+[IVXL]+$", "", s)
    if place and re.search(r"\b(tỉnh|thành phố)$", s) and not s.endswith(place):
        s = f"{s} {place}"
    return s


def known_agency(phrase: str, place: str | None, level: str | None = "tỉnh") -> str | None:
    """The canonical name when the whole phrase is an agency of the reference data, else None."""
    s = " ".join(phrase.split()).strip(" ,.;:")
    found = _scan(s, place, level)
    if found and found[0].start == 0 and not s[found[0].end:].strip():
        return found[0].name
    return None


# ------------------------------------------------------------------ labelled slots
# head words of an organisation's name: a capitalised phrase in a slot that starts with one names a body even
# when the reference data does not know it ("Tổ vệ sinh môi trường xã X", "Hợp tác xã dịch vụ nông nghiệp Y")
ORG_HEAD = re.compile(
    r"(?:Phòng|Sở|Ban|Cục|Chi cục|Trung tâm|Văn phòng|Công an|Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Hội|Hiệp hội|Đoàn|"
    r"Viện|Tòa án|Toà án|Kho bạc|Bảo hiểm|Đài|Báo|Trường|Bệnh viện|Bộ Chỉ huy|Ngân hàng|Quỹ|Liên đoàn|Cảng vụ|"
    r"Thanh tra|Đội|Hạt|Trạm|Công ty|Tổng công ty|Điện lực|Viễn thông|Liên minh|Huyện đoàn|Tỉnh đoàn|Thành đoàn|"
    r"Bưu điện|Hợp tác xã|HTX|Tổ(?![ \t]+chức)|Mặt trận|Bộ)(?!\w)"
)
GENERIC_PART = re.compile(r"(?i)(?<!\w)(?:các|những|mọi|cấp|liên quan)(?!\w)")
# "Cơ quan chủ trì: X; Cơ quan phối hợp: Y, Z; Thời gian: ...": each value is a list of bodies
_SLOT_RE = re.compile(r"(?i)(?<!\w)(?:cơ quan|đơn vị)[ \t]+(?:chủ trì|phối hợp|thực hiện)[ \t]*:[ \t]*([^;\n|]*)")
_SLOT_OPENERS = ("cơ quan", "đơn vị")  # what a slot opens with (`finditer_phrases`)
_SLOT_END_RE = re.compile(r"\.[ \t]+(?=[A-ZĐÀ-Ỹ])")


def _slot_pieces(t: str, a: int, b: int, starts: set[int]) -> list[tuple[int, int]]:
    """Spans of the ';'/','-separated parts of a slot value; a comma splits only where a new body starts (a
    capitalised head word or a known agency): "Hội đồng đánh giá, phân hạng sản phẩm ..." is one name."""
    out: list[tuple[int, int]] = []
    for pm in re.finditer(r"[^;]+", t[a:b]):
        s0, e0 = a + pm.start(), a + pm.end()
        cut = s0
        for cm in re.finditer(r",[ \t]*", t[s0:e0]):
            nxt = s0 + cm.end()
            if t[nxt:nxt + 1].isupper() and (ORG_HEAD.match(t, nxt) or nxt in starts):
                out.append((cut, s0 + cm.start()))
                cut = nxt
        out.append((cut, e0))
    return out


def slot_bodies(text: str, a: int, b: int, mentions: list[AgencyMention], place: str | None,
                level: str | None = "tỉnh") -> list[AgencyMention]:
    """The bodies a slot value (text[a:b]) names. A part that one mention covers is that mention; a part of
    several mentions ("Sở A và Sở B") is those; a capitalised part that starts with a head word, or that a
    mention covers only in part ("Liên minh Hợp tác xã tỉnh X", "Kho bạc Nhà nước khu vực VIII"), is one body
    named as written; generic plurals ("các phòng, ban, ngành liên quan", "UBND các xã") are none."""
    out: list[AgencyMention] = []
    for s0, e0 in _slot_pieces(text, a, b, {m.start for m in mentions}):
        raw = text[s0:e0]
        s1 = s0 + len(raw) - len(raw.lstrip())
        e1 = s0 + len(raw.rstrip(" \t.,"))
        if s1 >= e1:
            continue
        part = text[s1:e1]
        inside = [m for m in mentions if s1 <= m.start and m.end <= e1 + 1]
        if len(inside) == 1 and inside[0].start == s1 and inside[0].end >= e1:
            out += inside
            continue
        words = part.split()
        written = (part[0].isupper() and not GENERIC_PART.search(part) and 2 <= len(words) <= 14
                   and (ORG_HEAD.match(part) or inside) and len(inside) <= 1
                   and not re.search(r"[()\[\]:]|\d|[ \t]và[ \t]+[A-ZĐ]", part))
        if written:
            out.append(AgencyMention(name=as_written(part, place), text=part, start=s1, end=e1,
                                     kind=inside[0].kind if inside and inside[0].start == s1 else None))
        else:
            out += inside
    return out


_SLOT_HEADER_RE = re.compile(r"(?i)(?:cơ quan|đơn vị)[ \t]+(?:chủ trì|phối hợp|thực hiện)")
_ROW_RE = re.compile(r"^[ \t]*\|.*$", re.MULTILINE)
_CELL_RE = re.compile(r"\|([^|\n]*)(?=\|)")


def _slot_cells(text: str) -> list[tuple[int, int]]:
    """Spans of the cells of a pipe table under a "Cơ quan chủ trì" / "Cơ quan phối hợp" column."""
    out: list[tuple[int, int]] = []
    cols: set[int] = set()
    last = -1
    for m in _ROW_RE.finditer(text):
        if last >= 0 and text[last:m.start()].strip():
            cols = set()  # prose between rows: the table ended
        last = m.end()
        cells = [(c.start(1), c.end(1)) for c in _CELL_RE.finditer(text, m.start(), m.end())]
        heads = {i for i, (a, b) in enumerate(cells) if _SLOT_HEADER_RE.fullmatch(text[a:b].strip())}
        if heads:
            cols = heads
            continue
        out += [cells[i] for i in cols if i < len(cells)]
    return out


def _with_slots(text: str, found: list[AgencyMention], place: str | None, level: str | None) -> list[AgencyMention]:
    """Mentions with the bodies of labelled slots and of a table's body columns in place of the mentions inside."""
    spans = []
    for m in finditer_phrases(_SLOT_RE, text, _SLOT_OPENERS):
        a, b = m.span(1)
        stop = _SLOT_END_RE.search(text, a, b)
        spans.append((a, stop.start() if stop else b))
    if "|" in text:
        spans += _slot_cells(text)
    for a, b in spans:
        inside = [x for x in found if a <= x.start < b]
        bodies = slot_bodies(text, a, b, inside, place, level)
        if bodies != inside:
            found = sorted([x for x in found if not a <= x.start < b] + bodies, key=lambda x: x.start)
    return found


def find_agencies(ctx: Context) -> list[AgencyMention]:
    """Every organisation the text names, with its canonical name and its span in ctx.text."""
    text = ctx.text
    if not text:
        return []
    found = _scan(text, ctx.place, ctx.level, _city(tone_fold(text)), text[:3000])
    return _with_slots(text, found, ctx.place, ctx.level)

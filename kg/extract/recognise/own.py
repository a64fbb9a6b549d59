"""Who wrote the document and where: its own body, unit kind and place.

Read, in order of trust, from
- the header's body line ("ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ"), also when a PDF flattened the two header
  columns into one line ("... TỈNH QUẢNG TRỊ | CỘNG HÒA ..." or without the bar) or broke it over two lines;
- a sentence where the body names itself ("Ủy ban nhân dân huyện Gio Linh báo cáo như sau");
- for a document with no header (an excerpt, a news summary), the level its bare mentions speak of
  ("UBND thành phố", "HĐND thành phố" in a city report) and the place the text names with that level.
Place names and their kinds come from the reference of administrative units (`places`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import places
from .scan import finditer_phrases
from .spelling import tone_fold

_BODY_UP = r"(?P<body>ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)"
_KIND_UP = r"(?P<kind>THÀNH PHỐ|TP\.?|THỊ XÃ|THỊ TRẤN|TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG)"
# the body and its unit on one line, or the unit on the next line / cell
# a PDF may interleave the two header columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ... / TỈNH X Độc lập ..."
_HEADER_BODY = re.compile(rf"^[ \t*]*{_BODY_UP}(?:[ \t|]+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)?[ \t*]*"
                          rf"(?:(?:\n[ \t*]*)+|[ \t]*\|[ \t]*)?{_KIND_UP}(?=[ \t])(?P<rest>[^\n|]*)", re.MULTILINE)
_BODY_ANY = r"(?P<body>Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)"
_KIND_ANY = r"(?P<kind>thành phố|TP\.?|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường)"
_SELF = re.compile(rf"{_BODY_ANY}\s+{_KIND_ANY}(?P<rest>(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){{0,4}})\s*,?\s+"
                   r"(?:báo cáo như sau|trân trọng báo cáo|báo cáo|quyết nghị)(?![\w])",
                   re.IGNORECASE)
# bare mentions: the unit kind not followed by a proper name ("UBND thành phố đã ...")
_BODIES = ("Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND")
_BARE = re.compile(rf"(?<![\w])(?:{'|'.join(_BODIES)})\s+{_KIND_ANY}(?![\w.])(?!\s+[A-ZĐÀ-Ỹ])")
# where a mention may start (`finditer_phrases`: each body, lower-cased, in the lower-cased text)
_BODIES_LOW = tuple(b.lower() for b in _BODIES)
_SIGNATURE = re.compile(r"TM\.\s*\**\s*(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)")
_NAMED = r"(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,4})"
# a department under the body, on the header's next line: "UBND TỈNH BÌNH ĐỊNH / SỞ TÀI CHÍNH"
_UNDER = re.compile(r"(?:[ \t]*(?:\n|\|)[ \t*-]*)+(?P<line>(?:SỞ|BAN QUẢN LÝ|VĂN PHÒNG|PHÒNG|CHI CỤC|TRUNG TÂM)[ \t]"
                    r"[^\n|a-zà-ỹ]{3,80}?)[ \t*]*(?=\n|\||$)")


@dataclass(frozen=True)
class Own:
    body: str | None  # "Ủy ban nhân dân" | "Hội đồng nhân dân" | None
    kind: str | None  # "tỉnh", "thành phố", "huyện" ...
    place: str | None  # "Quảng Trị"
    sub: str | None = None  # a department under the body named in the header ("SỞ TÀI CHÍNH")


def _kind_word(k: str) -> str:
    k = k.lower().rstrip(".")
    return "thành phố" if k == "tp" else k


def _body_word(b: str) -> str:
    return "Hội đồng nhân dân" if b.upper().startswith(("HỘI", "HĐND")) else "Ủy ban nhân dân"


def _name_after(rest: str, kind: str) -> str | None:
    """The place name at the start of `rest`: the longest known name, else up to three capitalised words."""
    words = re.findall(r"[\wÀ-ỹ]+(?:-[\wÀ-ỹ]+)?|-", rest)
    n = places.longest_prefix(words, kind) or places.longest_prefix(words)
    if n:
        return places.canonical_name(" ".join(words[:n]), kind)
    caps = []
    for w in words[:3]:
        if not w[:1].isupper() or w.upper() in ("CỘNG", "SỐ"):
            break
        caps.append(w)
    if not caps or (len(caps) == len(words[:3]) and len(words) > 3):
        return None  # a run of capitals with no end in sight: not a name we can delimit
    return " ".join(w[:1] + w[1:].lower() for w in caps)


def from_header(head: str) -> Own | None:
    """The body line of the header (upper case, as headers are written)."""
    found = None
    found_end = 0
    for m in _HEADER_BODY.finditer(head):
        kind = _kind_word(m.group("kind"))
        name = _name_after(tone_fold(m.group("rest")), kind)
        if name:
            own = Own(_body_word(m.group("body")), kind, name)
            if found is None or _deeper(own, found):  # "UBND HUYỆN A / UBND XÃ B": the lower one writes
                found, found_end = own, m.end()
    if found:
        sub = _UNDER.match(head, found_end)
        if sub:
            found = Own(found.body, found.kind, found.place, " ".join(sub.group("line").split()))
    return found


_DEPTH = {"province": 0, "district": 1, "commune": 2}


def _deeper(a: Own, b: Own) -> bool:
    return _DEPTH[places.tier_of(a.kind, a.place)] > _DEPTH[places.tier_of(b.kind, b.place)]


def from_self(text: str) -> Own | None:
    """'Ủy ban nhân dân tỉnh Quảng Trị báo cáo ...': the body naming itself."""
    m = _SELF.search(text)
    if not m:
        return None
    kind = _kind_word(m.group("kind"))
    name = _name_after(m.group("rest"), kind) if m.group("rest").strip() else None
    return Own(_body_word(m.group("body")), kind, name)


def level_by_mentions(text: str) -> str | None:
    """The unit kind of the document's own level: the lowest kind spoken of bare as often as half the most."""
    counts = Counter(_kind_word(m.group("kind")) for m in finditer_phrases(_BARE, text, _BODIES_LOW))
    if not counts:
        return None
    top = max(counts.values())
    order = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")
    for k in order:
        if counts.get(k, 0) >= 2 and counts[k] * 2 >= top:
            return k
    return counts.most_common(1)[0][0]


def place_by_mentions(text: str, kind: str) -> str | None:
    """The known place the text names most often with this kind word ("thành phố Lạng Sơn")."""
    c: Counter = Counter()
    rx = re.compile(rf"(?<![\w]){re.escape(kind)}[ \t]+{_NAMED}", re.IGNORECASE if kind == "tp" else 0)
    for m in finditer_phrases(rx, text, (kind.lower(),)):
        words = m.group("name").split()
        n = places.longest_prefix(words, kind)
        if n:
            c[places.canonical_name(" ".join(words[:n]), kind)] += 1
    if not c:
        return None
    return c.most_common(1)[0][0]


def signature_body(text: str) -> str | None:
    m = _SIGNATURE.search(text)
    return _body_word(m.group(1)) if m else None

"""Agencies: canonical names from abbreviations, spelling variants and the document's place.

Public API (used by other recognisers):
- canonical_agency(phrase, place, level) -> canonical name or None
- issuer_from_code(code, place, level) -> canonical name or None, for symbol suffixes (CP, TTg, UBND ...)
- find_agencies(ctx) -> list[AgencyMention]
"""
from __future__ import annotations

import re

from ..records import AgencyMention, Context

# symbol issuer codes whose issuer is unambiguous without context
_NATIONAL_CODES = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "TW": "Ban Chấp hành Trung ương Đảng",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "TTCP": "Thanh tra Chính phủ",
}
# codes of a provincial body: the place comes from the document
_LOCAL_CODES = {
    "TU": "Tỉnh ủy {place}",
    "HĐND": "Hội đồng nhân dân {level} {place}",
}


_FOLD = {"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oé": "óe", "oè": "òe", "oẻ": "ỏe",
         "oẽ": "õe", "oẹ": "ọe", "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_FOLD_RE = re.compile("(?<![qQ])(" + "|".join(list(_FOLD) + [k.capitalize() for k in _FOLD] + [k.upper() for k in _FOLD]) + r")(?![\w])")


def tone_fold(s: str) -> str:
    """Old tone placement to the new one in open syllables (Uỷ→Ủy, Hoá→Hóa, Toà→Tòa; 'hoạch' is untouched)."""

    def sub(m: re.Match) -> str:
        w = m.group(1)
        low = _FOLD[w.lower()]
        if w.isupper():
            return low.upper()
        return low.capitalize() if w[0].isupper() else low

    return _FOLD_RE.sub(sub, s)


def issuer_from_code(code: str | None, place: str | None, level: str | None = "tỉnh") -> str | None:
    if not code:
        return None
    if re.fullmatch(r"QH\d*", code):
        return "Quốc hội"
    if code in _NATIONAL_CODES:
        return _NATIONAL_CODES[code]
    if code in _LOCAL_CODES and place:
        return _LOCAL_CODES[code].format(place=place, level=level or "tỉnh")
    return None


_ABBREV = [
    (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bBCĐ\b", "Ban Chỉ đạo"),
    (r"\bTAND\b", "Tòa án nhân dân"),
    (r"\bVKSND\b", "Viện Kiểm sát nhân dân"),
]


def canonical_agency(phrase: str, place: str | None, level: str | None = "tỉnh") -> str | None:
    """'UBND tỉnh' in a Lạng Sơn document -> 'Ủy ban nhân dân tỉnh Lạng Sơn'."""
    s = tone_fold(" ".join(phrase.split())).strip(" ,.;:")
    if not s:
        return None
    for pat, full in _ABBREV:
        s = re.sub(pat, full, s)
    s = re.sub(r"\s+khóa\s+[IVXL]+$", "", s)
    if place:
        # "… tỉnh" / "Tỉnh ủy" / "Đảng bộ tỉnh" name the document's own province
        if re.search(r"\b(tỉnh|thành phố)$", s) and not s.endswith(place):
            s = f"{s} {place}"
        elif re.fullmatch(r"(Ban Thường vụ |Thường trực )?Tỉnh ủy", s):
            s = f"{s} {place}"
    return s


def find_agencies(ctx: Context) -> list[AgencyMention]:
    return []

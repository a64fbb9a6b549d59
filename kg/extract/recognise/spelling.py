"""Spelling: old and new tone placement as one."""
from __future__ import annotations

import re
from functools import lru_cache

# old-style tone placement (hoá, uỷ) -> new style (hóa, ủy); same length, so offsets survive
_TONE_PAIRS = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONES: dict[str, str] = {}
for _a, _b in _TONE_PAIRS.items():
    _TONES[_a] = _b
    _TONES[_a[0].upper() + _a[1]] = _b[0].upper() + _b[1]
    _TONES[_a.upper()] = _b.upper()
# "quý", "Quỳnh": u is part of the consonant "qu", the tone stays on y
# only at the end of a syllable: "hoạch", "khoản", "toán" keep their tone where it is
# (the vowel first, then the look behind: a pattern that opens with a character class is scanned for it fast)
_TONE_RE = re.compile("[oOuU](?<![qQ][oOuU])[" + "".join(sorted({k[1] for k in _TONES})) + "](?![^\\W\\d_])")


@lru_cache(maxsize=4096)  # the same document text and the same names are folded by several recognisers
def tone_fold(s: str) -> str:
    """Old/new tone placement as one spelling (Uỷ/Ủy, Hoá/Hóa, Toà/Tòa); keeps the length of the text."""
    return _TONE_RE.sub(lambda m: _TONES.get(m.group(), m.group()), s)

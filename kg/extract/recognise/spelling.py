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


def tone_fold(s: str) -> str:
    """Old/new tone placement as one spelling (Uỷ/Ủy, Hoá/Hóa, Toà/Tòa); keeps the length of the text."""
    return _fold_text(s) if len(s) > _SHORT else _fold_short(s)


def tone_fold_once(s: str) -> str:
    """`tone_fold` without its caches, for strings folded once (reference data)."""
    return _TONE_RE.sub(lambda m: _TONES.get(m.group(), m.group()), s)


_SHORT = 300
# the same document text and the same names are folded by several recognisers: both are kept, but only the
# texts of the last few documents (a cache of thousands of whole texts grew with the corpus: ~0.2 MB a document)
_fold_text = lru_cache(maxsize=8)(tone_fold_once)
_fold_short = lru_cache(maxsize=4096)(tone_fold_once)

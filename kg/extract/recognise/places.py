"""Vietnam's administrative units (pre-2025: 63 provinces, their districts and communes).

The names come from the `vietnam-provinces` package (General Statistics Office codes), read once on first use.
A unit is named as documents name it: its kind word ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã",
"phường", "thị trấn") and its proper name ("Lạng Sơn"). A "thành phố" is either centrally run (a province,
"Thành phố Hồ Chí Minh") or a city under a province (a district, "thành phố Lạng Sơn").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .spelling import tone_fold, tone_fold_once

KINDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường")
TIER = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
        "xã": "commune", "phường": "commune", "thị trấn": "commune"}
# names documents use for provinces that the reference spells otherwise (the province before 2025)
_PROVINCE_ALIASES = {"Thừa Thiên - Huế": "Thừa Thiên Huế", "HCM": "Hồ Chí Minh"}
# provinces the reference already gives as they became in 2025, as (kind, name) -> the pre-2025 unit: the province
# and, where the new one took its name, the city it was named after
_BEFORE_2025 = {("thành phố", "Huế"): (("tỉnh", "Thừa Thiên Huế"), ("thành phố", "Huế"))}


class Unit(NamedTuple):
    kind: str  # "tỉnh" | "thành phố" | "huyện" | ...
    name: str  # "Lạng Sơn"
    tier: str  # "province" | "district" | "commune"
    province: str  # name of the province it lies in (itself for a province)
    district: str | None = None  # name of the district a commune lies in
    district_kind: str | None = None


def key(name: str) -> str:
    """Lookup key of a proper name: folded tones, lower case, single spaces, no hyphen spacing."""
    return _folded_key(tone_fold(name))


def _folded_key(s: str) -> str:
    s = s.lower()
    if "-" in s or "–" in s:
        s = re.sub(r"\s*[-–]\s*", " - ", s)
    return " ".join(s.split())


# the reference's ~10,000 names are folded once each: past the cache, which keeps the documents' own texts
_fold_once = tone_fold_once


def _split(full: str) -> tuple[str, str]:
    """'Thành phố Lạng Sơn' -> ('thành phố', 'Lạng Sơn')."""
    parts = full.split(" ", 2)
    one = parts[0].lower()
    if one in KINDS and len(parts) > 1:
        return one, _fold_once(full[len(parts[0]) + 1:].strip())
    if len(parts) == 3 and f"{one} {parts[1].lower()}" in KINDS:
        return f"{one} {parts[1].lower()}", _fold_once(parts[2].strip())
    return "", _fold_once(full)


@dataclass
class _Ref:
    by_name: dict[str, list[Unit]]  # key of the proper name -> units of any kind
    max_words: int


@lru_cache(maxsize=1)
def _ref() -> _Ref:
    import vietnam_provinces

    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as f:
        data = json.load(f)
    by_name: dict[str, list[Unit]] = {}

    def add(u: Unit, alias: str | None = None) -> None:
        by_name.setdefault(key(alias) if alias else _folded_key(u.name), []).append(u)

    for p in data:
        pkind, pname = _split(p["name"])
        city = None
        if (pkind, pname) in _BEFORE_2025:
            (pkind, pname), (ckind, cname) = _BEFORE_2025[(pkind, pname)]
            city = Unit(ckind, cname, "district", pname)
        prov = Unit(pkind, pname, "province", pname)
        add(prov)
        if city is not None:
            add(city)
        for alias, target in _PROVINCE_ALIASES.items():
            if target == pname:
                add(prov, alias)
        for d in p.get("districts", []):
            dkind, dname = _split(d["name"])
            add(Unit(dkind, dname, "district", pname))
            for w in d.get("wards", []):
                wkind, wname = _split(w["name"])
                add(Unit(wkind, wname, "commune", pname, dname, dkind))
    max_words = max(len(k.split()) for k in by_name)
    return _Ref(by_name, max_words)


def units(name: str, kind: str | None = None) -> list[Unit]:
    """The units of this proper name (of this kind word, if given)."""
    found = _ref().by_name.get(key(name), [])
    return [u for u in found if kind is None or u.kind == kind]


def known(name: str, kind: str | None = None) -> bool:
    return bool(units(name, kind))


def tier_of(kind: str, name: str | None) -> str:
    """Tier of a unit: a 'thành phố' is a province when centrally run, else a district."""
    if kind != "thành phố":
        return TIER.get(kind, "province")
    if name and any(u.tier == "province" for u in units(name, "thành phố")):
        return "province"
    return "district"


def longest_prefix(words: list[str], kind: str | None = None) -> int:
    """How many of `words` form the longest known unit name (of this kind): 'Quảng Trị Cộng Hòa' -> 2."""
    ref = _ref()
    for n in range(min(len(words), ref.max_words), 0, -1):
        if units(" ".join(words[:n]), kind):
            return n
    return 0


def canonical_name(name: str, kind: str | None = None) -> str:
    """The reference spelling of a known name ('QUẢNG TRỊ' -> 'Quảng Trị'), else the name as given."""
    found = units(name, kind) or units(name)
    if not found:
        return name
    return found[0].name


def parents(kind: str, name: str, hints: str = "") -> dict[str, str]:
    """The units above and including this one, by kind word: {'thành phố': 'Lạng Sơn', 'tỉnh': 'Lạng Sơn'}.

    A name shared by several units (communes often are) is settled by `hints`, text that names the parent
    ("huyện Gio Linh"); left unsettled, only the unit itself is known."""
    out = {kind: name}
    cands = [u for u in units(name, kind) if u.tier == tier_of(kind, name)]
    if len(cands) > 1 and hints:
        h = key(hints)
        named = [u for u in cands if (u.district and f"{u.district_kind} {key(u.district)}" in h)
                 or f" {key(u.province)}" in h]
        cands = named or cands
    provinces = {u.province for u in cands}
    if len(provinces) != 1:
        return out
    prov = provinces.pop()
    pk = "thành phố" if units(prov, "thành phố") and any(u.tier == "province" for u in units(prov, "thành phố")) else "tỉnh"
    if cands[0].tier != "province":
        out.setdefault(pk, prov)
    districts = {(u.district_kind, u.district) for u in cands if u.district}
    if len(districts) == 1:
        dk, dn = districts.pop()
        out.setdefault(dk, dn)
    return out

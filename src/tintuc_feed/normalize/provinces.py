"""The 34 provincial-level units since 1 July 2025 and the provinces they absorbed.

Source: research/sources.md 9.2 (Nghị quyết 202/2025/QH15).  Names are
matched folded (fold_key), so tone placement ("Thanh Hoá"), "Đăk"/"Đắk",
missing diacritics ("Dak Nong") and joined forms ("Daknong") all resolve.
A trailing "cũ" / "(cũ)" ("Đắk Nông cũ") and a leading "tỉnh", "thành phố",
"TP." are accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tintuc_feed.normalize.text import fold_key


@dataclass(frozen=True)
class Province:
    name: str
    slug: str  # ascii, e.g. "lam-dong"
    absorbed: tuple[str, ...] = ()
    kind: str = "province"  # "city" (centrally-run) | "province"


@dataclass(frozen=True)
class ProvinceMatch:
    unit: str  # the current unit
    former: str | None = None  # the absorbed province named, if any


# Unchanged (11), then merged (23): the name kept, then what it absorbed.
PROVINCES = (
    Province("Hà Nội", "ha-noi", (), "city"),
    Province("Huế", "hue", (), "city"),  # ex-Thừa Thiên Huế, a city since 2025
    Province("Lai Châu", "lai-chau"),
    Province("Điện Biên", "dien-bien"),
    Province("Sơn La", "son-la"),
    Province("Lạng Sơn", "lang-son"),
    Province("Quảng Ninh", "quang-ninh"),
    Province("Thanh Hóa", "thanh-hoa"),
    Province("Nghệ An", "nghe-an"),
    Province("Hà Tĩnh", "ha-tinh"),
    Province("Cao Bằng", "cao-bang"),
    Province("Tuyên Quang", "tuyen-quang", ("Hà Giang",)),
    Province("Lào Cai", "lao-cai", ("Yên Bái",)),
    Province("Thái Nguyên", "thai-nguyen", ("Bắc Kạn",)),
    Province("Phú Thọ", "phu-tho", ("Vĩnh Phúc", "Hòa Bình")),
    Province("Bắc Ninh", "bac-ninh", ("Bắc Giang",)),
    Province("Hưng Yên", "hung-yen", ("Thái Bình",)),
    Province("Hải Phòng", "hai-phong", ("Hải Dương",), "city"),
    Province("Ninh Bình", "ninh-binh", ("Hà Nam", "Nam Định")),
    Province("Quảng Trị", "quang-tri", ("Quảng Bình",)),
    Province("Đà Nẵng", "da-nang", ("Quảng Nam",), "city"),
    Province("Quảng Ngãi", "quang-ngai", ("Kon Tum",)),
    Province("Gia Lai", "gia-lai", ("Bình Định",)),
    Province("Khánh Hòa", "khanh-hoa", ("Ninh Thuận",)),
    Province("Lâm Đồng", "lam-dong", ("Đắk Nông", "Bình Thuận")),
    Province("Đắk Lắk", "dak-lak", ("Phú Yên",)),
    Province("Hồ Chí Minh", "ho-chi-minh", ("Bình Dương", "Bà Rịa - Vũng Tàu"), "city"),
    Province("Đồng Nai", "dong-nai", ("Bình Phước",)),
    Province("Tây Ninh", "tay-ninh", ("Long An",)),
    Province("Cần Thơ", "can-tho", ("Sóc Trăng", "Hậu Giang"), "city"),
    Province("Vĩnh Long", "vinh-long", ("Bến Tre", "Trà Vinh")),
    Province("Đồng Tháp", "dong-thap", ("Tiền Giang",)),
    Province("Cà Mau", "ca-mau", ("Bạc Liêu",)),
    Province("An Giang", "an-giang", ("Kiên Giang",)),
)

# Other spellings -> the name used in PROVINCES.  Tone placement, "Đăk" and
# missing diacritics need no row here: folding already equates them.
ALIASES = {
    "Thừa Thiên Huế": "Huế",  # the pre-2025 province name
    "TT Huế": "Huế",  # "TT-Huế", common abbreviation
    "TP.HCM": "Hồ Chí Minh",  # folds to "tp hcm"
    "TPHCM": "Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "BR-VT": "Bà Rịa - Vũng Tàu",  # abbreviation in headlines
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bắc Cạn": "Bắc Kạn",  # older spelling of Kạn
    "Đắc Lắc": "Đắk Lắk",  # pre-2005 spelling
    "Đắc Nông": "Đắk Nông",
    "Kontum": "Kon Tum",
    "TP Hà Nội": "Hà Nội",
    "Hà Nội Capital": "Hà Nội",
}

# Folded prefixes dropped before lookup ("tỉnh Đắk Nông", "TP. Cần Thơ").
PREFIXES = r"^(?:cong an )?(?:tinh|thanh pho|tp|t p|th pho)\s+"
# Folded suffix marking a former province ("Phú Yên cũ", "(cũ)").
FORMER_SUFFIX = r"\s+cu$"


def _keys(name: str) -> tuple[str, ...]:
    key = fold_key(name)
    return (key, key.replace(" ", ""))


@cache
def _index() -> dict[str, ProvinceMatch]:
    index: dict[str, ProvinceMatch] = {}
    for province in PROVINCES:
        for key in _keys(province.name):
            index[key] = ProvinceMatch(province.name)
        for former in province.absorbed:
            for key in _keys(former):
                index[key] = ProvinceMatch(province.name, former)
    for alias, target in ALIASES.items():
        match = index[fold_key(target)]
        for key in _keys(alias):
            index.setdefault(key, match)
    return index


def _has_absorbed(unit: str) -> bool:
    return any(p.name == unit and p.absorbed for p in PROVINCES)


def resolve_province(name: str) -> ProvinceMatch | None:
    """A province name in any usual spelling -> its current unit (and former province)."""
    if not isinstance(name, str):
        return None
    return _resolve_cached(name) if len(name) <= 100 else _resolve(name)


@lru_cache(maxsize=1024)  # a source's province and the names an article mentions: a few hundred strings
def _resolve_cached(name: str) -> ProvinceMatch | None:
    return _resolve(name)  # ProvinceMatch is frozen: safe to share


def _resolve(name: str) -> ProvinceMatch | None:
    key = fold_key(name)
    key, former_flag = re.subn(FORMER_SUFFIX, "", key)
    key = re.sub(PREFIXES, "", key)
    match = _index().get(key) or _index().get(key.replace(" ", ""))
    if match and former_flag and match.former is None and _has_absorbed(match.unit):
        return ProvinceMatch(match.unit, match.unit)  # "Lâm Đồng cũ": the old province
    return match


def province_names() -> list[str]:
    """The 34 current units, in table order."""
    return [p.name for p in PROVINCES]


def province_by_name(name: str) -> Province | None:
    """The Province row for a current unit's name (any spelling)."""
    match = resolve_province(name)
    if match is None:
        return None
    return next(p for p in PROVINCES if p.name == match.unit)

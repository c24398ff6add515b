"""Titles: normalized text, with the site-name suffix of <title> removed.

Spelling is kept exactly as written (no tone-placement rewriting).  A suffix
after " - ", " | ", " – ", " — " is removed only when it is a portal name: one
of the given site names (folded compare) or a row of PORTAL_PATTERNS.  What
remains must not be empty, and a suffix must be whole ("… Công an tỉnh Đăk
Nông thật sự trong sạch" has no separator before it and stays).

Multi-level suffixes: section names (SECTION_NAMES) beside a portal name go
with it, before or after it ("… - Chính trị - Xã hội - Tuổi Trẻ Online",
"… - Zing News | Xã hội").  A section name with no portal name beside it is
part of the headline and stays.  The site's host names it too ("| homify" on
www.homify.de, "- Tuổi Trẻ" on tuoitre.vn: process.py passes host_name), and
"›", "»", "•", "·" separate like " - "; an empty trailing suffix ("Tin A -")
is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlsplit

from tintuc_feed.normalize.provinces import resolve_province
from tintuc_feed.normalize.text import fold_key, normalize_text

TITLE_SEPARATORS = r"\s+(?:[-|–—›»•·]|[|»:/]{2})(?:\s+[›»])?\s+|\s*\|\s*"  # "A | B", "A :: B", "a.de // » B"
# A site's name before the headline ("homify.de | Tin A", "Site » Tin A") is cut only after these: a hyphen or
# dash after a portal's own name starts headlines too ("Công an tỉnh Lâm Đồng - 80 năm xây dựng").
PREFIX_SEPARATOR = re.compile(r"\s*(?:\||[›»•·]|[|»:/]{2})(?:\s+[›»])?\s*")
DOMAIN = re.compile(r"(?:www\.)?([\w-]+)(?:\.[\w-]+)+")  # "mediaarchitecture.de": named by its first label
TRAILING_SEPARATOR = r"(?:\s+[-|–—›»•·:]+)+$"  # "Tin A -", "Tin A - -": suffixes the site left empty

# Folded portal names that <title> appends.  Each row has its test cases.
PORTAL_PATTERNS = (
    r"(?:trang |cong )?thong tin dien tu .+",  # "Cổng thông tin điện tử Bộ Công an"
    r"cong thong tin .+",  # "Cổng thông tin Công an tỉnh X"
    r"bao cong an nhan dan(?: dien tu)?",  # cand.com.vn
    r"bao cong an (?:tp|thanh pho) ?(?:hcm|ho chi minh)",  # congan.com.vn
    r"cong an nhan dan(?: online)?",
    r"cand(?: online| com vn)?",
    r"bo cong an(?: viet nam)?",
    r"(?:www )?[a-z0-9-]+(?: [a-z0-9-]+)* (?:gov vn|com vn|vn)",  # a domain: "cand.com.vn"
    r"bao [a-z0-9 ]{2,40}",  # a newspaper: "Báo VnExpress Sức khỏe", "Báo Lâm Đồng"
    r"[a-z0-9 ]{2,30} (?:online|dien tu)",  # "Tuổi Trẻ Online", "Người Lao Động Online"
)

# Sections of a news site that <title> puts beside the site's name.  Each row
# has its test case; compared folded.
SECTION_NAMES = (
    "Thời sự", "Chính trị", "Xã hội", "Pháp luật", "Kinh tế", "Kinh doanh", "Thế giới", "Quốc tế",
    "Giáo dục", "Sức khỏe", "Thể thao", "Văn hóa", "Giải trí", "Đời sống", "Du lịch", "Công nghệ",
    "Khoa học", "An ninh", "An ninh trật tự", "Quốc phòng", "Tin tức", "Sự kiện", "Tin tức - Sự kiện",
    "Tin trong nước", "Tin quốc tế", "Bạn đọc", "Nhịp sống trẻ", "Phong cách", "Internet", "Tâm sự",
)  # fmt: skip
_SECTION_KEYS = frozenset(fold_key(name) for name in SECTION_NAMES)

# "Công an tỉnh X" / "Công an thành phố X" / "Công an TP X": X must be a province.
POLICE_UNIT_PATTERN = r"cong an (?:tinh|thanh pho|tp|t p) (?P<place>.+)"


# The patterns above, compiled once (a title is cleaned per page, its portal rows tried per segment).
_POLICE_UNIT = re.compile(POLICE_UNIT_PATTERN)
_TITLE_SEPARATORS = re.compile(TITLE_SEPARATORS)
_TRAILING_SEPARATOR = re.compile(TRAILING_SEPARATOR)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@cache
def _portal_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in PORTAL_PATTERNS)


def _is_police_unit(key: str) -> bool:
    m = _POLICE_UNIT.fullmatch(key)
    return bool(m) and resolve_province(m["place"]) is not None


def is_portal_name(suffix: str, site_names: Sequence[str] = ()) -> bool:
    """True when `suffix` names a site: one of site_names, or a known portal form."""
    key = fold_key(suffix)
    if not key:
        return False
    return is_site_name(suffix, site_names) or _is_police_unit(key) or any(p.fullmatch(key) for p in _portal_res())


def is_site_name(segment: str, site_names: Sequence[str]) -> bool:
    """`segment` is one of site_names (folded, or letters and digits only), or a domain whose first label is."""
    key = fold_key(segment)
    domain = DOMAIN.fullmatch(segment.strip())
    keys = {_compact(key), _compact(fold_key(domain[1])) if domain else ""} - {""}
    names = [fold_key(name) for name in site_names if isinstance(name, str)]
    return bool(key) and any(key == name or _compact(name) in keys for name in names if name)


def _compact(key: str) -> str:
    """Letters and digits only: "Tuổi Trẻ" and the host label "tuoitre" compare equal."""
    return _NOT_ALNUM.sub("", key)


def host_name(url: str | None) -> str | None:
    """The site's name as its host spells it: "homify" for www.homify.de (a site name for titles)."""
    host = (urlsplit(url).hostname or "") if url else ""
    label = host.removeprefix("www.").split(".")[0]
    return label or None


def is_section_name(segment: str) -> bool:
    return fold_key(segment) in _SECTION_KEYS


def clean_title(raw: str, site_names: Sequence[str] = ()) -> str:
    """normalize_text, then remove the trailing run of portal and section names; spelling untouched.

    The run is cut only when it holds a portal name and leaves a headline.
    """
    title = normalize_text(raw) if isinstance(raw, str) else ""
    title = _TRAILING_SEPARATOR.sub("", title)
    seps = list(_TITLE_SEPARATORS.finditer(title))
    bounds = [0, *(m.end() for m in seps)]
    ends = [*(m.start() for m in seps), len(title)]
    cut, portal = None, False
    for i in range(len(seps), 0, -1):
        segment = title[bounds[i] : ends[i]]
        if is_portal_name(segment, site_names):
            portal = True
        elif not is_section_name(segment):
            break
        if portal and title[: seps[i - 1].start()].strip():
            cut = seps[i - 1].start()
    title = title[:cut].strip() if cut is not None else title
    return _cut_prefix(title, site_names)


def _cut_prefix(title: str, site_names: Sequence[str]) -> str:
    """The title without a leading run of the site's names and section names ("homify.de | Tin A", "Báo X »
    Pháp luật » Tin A", "An ninh trật tự | Tin A"): a breadcrumb of the site, cut only before PREFIX_SEPARATOR
    (after " - " or ": " a section name may start the headline: "Kinh tế - xã hội tỉnh X tăng trưởng")."""
    cut = None
    for sep in _TITLE_SEPARATORS.finditer(title):
        segment = title[cut.end() if cut else 0 : sep.start()]
        if not (is_site_name(segment, site_names) or is_section_name(segment)):
            break
        if PREFIX_SEPARATOR.fullmatch(sep[0]) and title[sep.end() :].strip():
            cut = sep
    return title[cut.end() :].strip() if cut is not None else title

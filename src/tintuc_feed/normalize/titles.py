"""Titles: normalized text, with the site-name suffix of <title> removed.

Spelling is kept exactly as written (no tone-placement rewriting).  A suffix
after " - ", " | ", " – ", " — " is removed only when it is a portal name: one
of the given site names (folded compare) or a row of PORTAL_PATTERNS.  What
remains must not be empty, and a suffix must be whole ("… Công an tỉnh Đăk
Nông thật sự trong sạch" has no separator before it and stays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tintuc_feed.normalize.provinces import resolve_province
from tintuc_feed.normalize.text import fold_key, normalize_text

TITLE_SEPARATORS = r"\s+[-|–—]\s+|\s+[|»:]{2}\s+|\s*\|\s*"

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
)

# "Công an tỉnh X" / "Công an thành phố X" / "Công an TP X": X must be a province.
POLICE_UNIT_PATTERN = r"cong an (?:tinh|thanh pho|tp|t p) (?P<place>.+)"


def _is_police_unit(key: str) -> bool:
    m = re.fullmatch(POLICE_UNIT_PATTERN, key)
    return bool(m) and resolve_province(m["place"]) is not None


def is_portal_name(suffix: str, site_names: Sequence[str] = ()) -> bool:
    """True when `suffix` names a site: one of site_names, or a known portal form."""
    key = fold_key(suffix)
    if not key:
        return False
    if any(key == fold_key(name) for name in site_names if isinstance(name, str)):
        return True
    return _is_police_unit(key) or any(re.fullmatch(p, key) for p in PORTAL_PATTERNS)


def _strip_one(title: str, site_names: Sequence[str]) -> str:
    matches = list(re.finditer(TITLE_SEPARATORS, title))
    if not matches:
        return title
    last = matches[-1]
    head, suffix = title[: last.start()].strip(), title[last.end() :]
    if head and is_portal_name(suffix, site_names):
        return head
    return title


def clean_title(raw: str, site_names: Sequence[str] = ()) -> str:
    """normalize_text, then remove trailing portal names; spelling untouched."""
    title = normalize_text(raw) if isinstance(raw, str) else ""
    while True:
        shorter = _strip_one(title, site_names)
        if shorter == title:
            return title
        title = shorter

"""Which province an article is about, from the places its text names.

National sources (bocongan.gov.vn, cand.com.vn) cover every province; their
articles are tagged with the unit named in the title, else the summary, else
the first paragraph.  Only unambiguous mentions count: a name after a prefix
that marks a place ("Công an tỉnh Đắk Lắk", "TP Hải Phòng", "thành phố Huế")
or followed by "cũ" ("Phú Yên cũ").  A bare name is not enough: "Hòa Bình"
is also "peace" ("chống diễn biến hòa bình"), "Long An" and "Hà Nam" are
people's names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .provinces import ProvinceMatch, _index, resolve_province
from .text import fold_key

# Folded words that, before a name, make it a place.  Each row: the prefix and why.
PLACE_PREFIXES = (
    r"cong an tinh",  # "Công an tỉnh Đắk Lắk": a provincial police force
    r"cong an thanh pho",  # "Công an thành phố Hải Phòng"
    r"cong an tp",  # "Công an TP Hồ Chí Minh", "Công an TP.HCM" (folds to "cong an tp hcm")
    r"cong an",  # "Công an Hà Nội": police of a unit (names of districts are not in the table)
    r"tinh",  # "tỉnh Bình Định"
    r"thanh pho",  # "thành phố Cần Thơ"
    r"tp",  # "TP Huế", "TP. Đà Nẵng"
    r"dia ban",  # "trên địa bàn Gia Lai"
)
# Folded words that, after a name, make it a former province.
FORMER_SUFFIXES = (r"cu",)  # "Phú Yên cũ", "(cũ)" (parentheses fold to spaces)


@cache
def _mention_pattern() -> re.Pattern[str]:
    names = sorted(_index(), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    prefixes = "|".join(PLACE_PREFIXES)
    suffixes = "|".join(FORMER_SUFFIXES)
    return re.compile(rf"\b(?:(?:{prefixes}) (?P<a>{alternation})|(?P<b>{alternation}) (?:{suffixes}))\b")


def find_province(texts: Iterable[str | None]) -> ProvinceMatch | None:
    """The first province named as a place in the texts, tried in order."""
    for text in texts:
        if not text:
            continue
        match = _mention_pattern().search(fold_key(text))
        if match:
            name = match.group("a") or match.group("b")
            found = resolve_province(name + (" cu" if match.group("b") else ""))
            if found:
                return found
    return None


__all__ = ["FORMER_SUFFIXES", "PLACE_PREFIXES", "find_province"]

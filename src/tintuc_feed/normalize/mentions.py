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
    """The whole rule in one pattern: a name after a prefix, or before a suffix (the reference, in tests)."""
    names, prefixes, suffixes = _alternatives()
    return re.compile(rf"\b(?:(?:{prefixes}) (?P<a>{names})|(?P<b>{names}) (?:{suffixes}))\b")


@cache
def _alternatives() -> tuple[str, str, str]:
    names = "|".join(re.escape(n) for n in sorted(_index(), key=len, reverse=True))
    return names, "|".join(PLACE_PREFIXES), "|".join(FORMER_SUFFIXES)


@cache
def _mention_parts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """_mention_pattern's two branches apart, and what the second needs: a suffix word."""
    names, prefixes, suffixes = _alternatives()
    return (re.compile(rf"\b(?:{prefixes}) (?P<a>{names})\b"), re.compile(rf"\b(?P<b>{names}) (?:{suffixes})\b"),
            re.compile(rf" (?:{suffixes})\b"))


def _mention(key: str) -> tuple[str, bool] | None:
    """(name, former) of _mention_pattern().search(key), without trying every name at every word.

    The one pattern matches at the leftmost place where either branch does, the prefix branch first;
    the suffix branch is tried only on a text holding a suffix word (rare: "cũ").
    """
    prefixed, suffixed, suffix = _mention_parts()
    first = prefixed.search(key)
    second = suffixed.search(key) if suffix.search(key) else None
    if second is not None and (first is None or second.start() < first.start()):
        return second.group("b"), True
    return (first.group("a"), False) if first is not None else None


def find_province(texts: Iterable[str | None]) -> ProvinceMatch | None:
    """The first province named as a place in the texts, tried in order."""
    tried = set()
    for text in texts:
        if not text or text in tried:  # a summary made from the first paragraph is that paragraph
            continue
        tried.add(text)
        found = _mention(fold_key(text))
        if found:
            name, former = found
            match = resolve_province(name + (" cu" if former else ""))
            if match:
                return match
    return None


__all__ = ["FORMER_SUFFIXES", "PLACE_PREFIXES", "find_province"]

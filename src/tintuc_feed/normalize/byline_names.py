"""One name in a byline: a segment as written -> Author, and the tests on a name.

normalize.authors splits a byline into segments (labels, separators, reprint credits);
this module reads each segment on its own: ranks and honorifics before the name,
"By"-style leads, a unit in parentheses, ALL-CAPS to natural case ("NHƯ Ý" -> "Như Ý"),
and tells a person's name from a unit's ("Phòng Tham mưu") or an outlet's ("CAND").
"""

from __future__ import annotations

import re
from functools import cache

from tintuc_feed.model import Author
from tintuc_feed.normalize.byline_tables import (
    BYLINE_LEADS,
    CONNECTORS,
    DATE_SEGMENT,
    GROUP_NAMES,
    HONORIFICS,
    KEEP_UPPER,
    MAX_NAME_WORDS,
    MAX_SYLLABLE_LETTERS,
    MAX_UNIT_WORDS,
    MENU_LABELS,
    NON_AUTHORS,
    OUTLET_LEADS,
    OUTLET_NAMES,
    OUTLET_WORDS,
    RANKS,
    UNIT_LEADS,
)
from tintuc_feed.normalize.text import fold_key, normalize_text

_LEAD_KEYS = tuple(sorted({tuple(lead.split()) for lead in BYLINE_LEADS}, key=len, reverse=True))
_LEAD_SET = frozenset(_LEAD_KEYS)
_LEAD_MAX_WORDS = max(map(len, _LEAD_KEYS), default=0)


# The patterns, compiled once (re's own cache is a lookup per call; a page's candidate lines call them often).
_DIGIT, _DOT_DASH, _DOTTED = re.compile(r"\d"), re.compile(r"[.\-]"), re.compile(r"\w\.\w|/")
_LETTERS = re.compile(r"[^\W\d_]+")
_NAME_UNIT = re.compile(r"(?P<name>.*?)\s*\((?P<unit>[^()]*)\)")


# The tables (byline_tables), compiled and folded once per process.
@cache
def _prefix_keys() -> tuple[tuple[int, str], ...]:
    """(words, folded prefix) for RANKS + HONORIFICS, in order."""
    return tuple((len(prefix.split()), fold_key(prefix)) for prefix in RANKS + HONORIFICS)


@cache
def _group_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(g) for g in GROUP_NAMES)


@cache
def _menu_keys() -> frozenset[str]:
    return frozenset(fold_key(label) for label in MENU_LABELS)


def _strip_prefixes(name: str) -> str:
    """Police ranks and honorifics off the name's start, again while one is there ("Thượng tá Đại úy …").

    The first row of RANKS + HONORIFICS (in order) that the folded first words equal is taken off:
    per word count, the rows are a dictionary from folded prefix to its place in the table."""
    by_words = _prefix_places()
    while True:
        words = name.split()
        places = [place for n, table in by_words if len(words) > n
                  and (place := table.get(fold_key(" ".join(words[:n])))) is not None]
        if not places:
            return name
        name = " ".join(words[_prefix_keys()[min(places)][0]:])


@cache
def _prefix_places() -> tuple[tuple[int, dict[str, int]], ...]:
    """(word count, folded prefix -> its first place in _prefix_keys()) per word count of the table."""
    tables: dict[int, dict[str, int]] = {}
    for place, (n, key) in enumerate(_prefix_keys()):
        tables.setdefault(n, {}).setdefault(key, place)
    return tuple(sorted(tables.items()))


def _strip_leads(name: str) -> str:
    """"By Luke Kemp" -> "Luke Kemp"; a lead alone ("By") -> "".  The longest lead the first folded words
    equal (_LEAD_KEYS is longest first; two leads of one length cannot both equal them)."""
    words = name.split()
    keys = tuple(fold_key(w).strip() for w in words[:_LEAD_MAX_WORDS])
    for n in range(min(len(keys), _LEAD_MAX_WORDS), 0, -1):
        if keys[:n] in _LEAD_SET:
            return " ".join(words[n:])
    return name


DATED_UNIT = re.compile(r"\d[./:-]\d")  # "(08/23/2011)" after a name is a date, "(PC02)", "(Quận 12)" a unit


def keeps_dot(name: str) -> bool:
    """A final dot that belongs to the name: an initial ("H.V.", "Muñoz C.") or "Jr."."""
    last = name.strip(" \t-–—,;:*").split()[-1:] or [""]
    return last[0].endswith(".") and (len(last[0].rstrip(".")) <= 1 or "." in last[0].rstrip(".")
                                      or fold_key(last[0]) in ("jr", "sr"))


def is_date_segment(text: str) -> bool:
    return bool(_DIGIT.search(text)) and bool(DATE_SEGMENT.search(text.strip(" ()")))


def _case_part(part: str) -> str:
    return part if part in KEEP_UPPER or len(part) <= 1 else part.capitalize()


def natural_case(name: str) -> str:
    """'M.TÍN' -> 'M.Tín', 'NHƯ Ý' -> 'Như Ý'; mixed case and initials ('BT') untouched."""
    if name != name.upper() or name == name.lower():
        return name
    if " " not in name and "." not in name and len(name) <= 3:
        return name  # initials under a title ("BT")
    return _LETTERS.sub(lambda m: _case_part(m.group(0)), name)


def clean_name(segment: str, labelled: bool = False) -> Author | None:
    """One name as written -> Author, or None for an empty or non-author one.

    After a byline label ("Tin: …") a unit may have its full name (up to MAX_UNIT_WORDS words); unlabelled,
    a long text opening with "Công an …" is a sentence or a caption more often than a signature."""
    if segment.strip().endswith(":") or segment.strip().casefold() in CONNECTORS:
        return None  # a label ("Datum:") or a joining word alone is no name
    raw = segment.strip(" \t-–—,;:*").removesuffix(".") if not keeps_dot(segment) else segment.strip(" \t-–—,;:*")
    name, affiliation = raw, None
    m = _NAME_UNIT.fullmatch(raw)
    if m and not m["name"].strip(" -–—,;:"):
        return None  # a note in parentheses alone ("(tổng hợp)") is about the names before it
    if m:
        name, affiliation = m["name"], normalize_text(m["unit"]) or None
    name = _strip_leads(name.strip(" -–—,;:*~·»|"))
    name = natural_case(_strip_prefixes(name if keeps_dot(name) else name.strip(" .")))
    most = MAX_UNIT_WORDS if labelled and is_unit(name) else MAX_NAME_WORDS
    if not name or fold_key(name) in NON_AUTHORS or ":" in name or len(name.split()) > most:
        return None
    if (is_date_segment(name) and not (is_unit(name) and not DATED_UNIT.search(name))) or (
            affiliation and DATED_UNIT.search(affiliation)):  # "Đội CSGT số 3" is a unit, "Phòng 03/11" no name
        return None
    return Author(name=name, name_raw=raw, affiliation=affiliation)


def is_unit(text: str) -> bool:
    """A police or state unit's name ("Phòng Tham mưu", "Công an xã Sa Pa", "VKSQS khu vực 72"), not a person's."""
    key = " ".join(normalize_text(text).lower().split())
    return any(key == lead or key.startswith(f"{lead} ") for lead in UNIT_LEADS)


def is_outlet(text: str) -> bool:
    """A news outlet's name ("Lao Động", "Báo Tin", "VTC News", "CAND", "Vcamp.vn"), not a person's."""
    lower, key = text.lower(), fold_key(text)
    if not key or (text.isupper() and len(key) > 1) or _DOTTED.search(text):
        return True
    return (key in OUTLET_NAMES or any(lower.startswith(f"{lead} ") for lead in OUTLET_LEADS)
            or any(word in OUTLET_WORDS for word in key.split()))


def reprint_writer(text: str) -> str | None:
    """"Theo Vân Anh" -> "Vân Anh": "Theo" before a person's name, not an outlet's ("Theo CAND" names a source)."""
    words = text.split()
    if len(words) < 2 or fold_key(words[0]) != "theo":
        return None
    name = " ".join(words[1:]).strip(" ,.:;-–—")
    return name if is_name_like(name) and not is_outlet(name) else None


def _word_is_name_like(word: str) -> bool:
    parts = [p for p in _DOT_DASH.split(word) if p]
    if not parts or not all(p.isalpha() and p[0].isupper() for p in parts):
        return False
    return all(len(p) <= MAX_SYLLABLE_LETTERS for p in parts)


def is_name_like(name: str) -> bool:
    """A personal name: 2-6 capitalised syllables, or initials ('M.Tín', 'BT'), or a group."""
    key = fold_key(name)
    if any(pattern.fullmatch(key) for pattern in _group_res()):
        return True
    if key in _menu_keys():
        return False
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not all(_word_is_name_like(w) for w in words):
        return False
    return len(words) >= 2 or "." in name or (name.isupper() and len(name) <= 4)

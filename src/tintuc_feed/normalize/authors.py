"""Bylines: a raw byline string -> people, credits and the source told apart.

"Minh Quỳnh - Bá Hiển - Quang Khải" gives three authors; "Theo CAND" gives no
author and the origin "CAND"; "Ảnh: Khánh Hồng" is a photo credit.  The
site's own name is never an author (normalize.site_names: "VnExpress" in
<meta name="author"> on vnexpress.net).  Labels,
police ranks, units in parentheses and trailing punctuation are removed from
names; ALL-CAPS names get their natural case, the raw kept beside.  When no
author is found the tuple is empty: nothing is guessed.

Labels are recognised on the folded text (fold_key), so "Bài và ảnh",
"BÀI VÀ ẢNH" and old tone placement ("uý") all match one table row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tintuc_feed.model import Author
from tintuc_feed.normalize.byline_tables import (
    BYLINE_LEADS,
    CONNECTORS,
    CREDIT_MARKERS,
    DATE_SEGMENT,
    GROUP_NAMES,
    HARD_SEPARATORS,
    HONORIFICS,
    KEEP_UPPER,
    LABELS,
    MAX_BYLINE_CHARS,
    MAX_NAME_WORDS,
    MAX_SYLLABLE_LETTERS,
    MENU_LABELS,
    NAME_JOINERS,
    NAME_SEPARATORS,
    NON_AUTHORS,
    OUTLET_LEADS,
    OUTLET_NAMES,
    OUTLET_PREFIX,
    OUTLET_WORDS,
    RANKS,
    SOURCE_MARKERS,
    UNIT_LEADS,
)
from tintuc_feed.normalize.text import fold_key, normalize_block, normalize_text

LABEL_MAX_WORDS = 3  # a label after a name on the same line has at most this many words ("Ảnh và video")
_LEAD_KEYS = tuple(sorted({tuple(lead.split()) for lead in BYLINE_LEADS}, key=len, reverse=True))


@dataclass(frozen=True)
class Byline:
    authors: tuple[Author, ...] = ()
    credits: tuple[str, ...] = ()
    origin: str | None = None  # republished from ("Theo CAND" -> "CAND")
    raw: str | None = None


# The tables (byline_tables), compiled and folded once per process (they are read for every candidate line).
@cache
def _label_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), kind) for pattern, kind in LABELS)


@cache
def _prefix_keys() -> tuple[tuple[int, str], ...]:
    """(words, folded prefix) for RANKS + HONORIFICS, in order."""
    return tuple((len(prefix.split()), fold_key(prefix)) for prefix in RANKS + HONORIFICS)


@cache
def _credit_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"{p}\b") for p in CREDIT_MARKERS)


@cache
def _group_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(g) for g in GROUP_NAMES)


@cache
def _menu_keys() -> frozenset[str]:
    return frozenset(fold_key(label) for label in MENU_LABELS)


def _label_kind(label: str) -> str | None:
    key = fold_key(label)
    for pattern, kind in _label_res():
        if pattern.fullmatch(key):
            return kind
    return None


def _split_label(before: str) -> tuple[str, str, str] | None:
    """(text before the label, label, kind) if `before` ends with a known label.

    The label starts the line, or follows a separator, or is a capitalised word after a name
    ("H.V. Ảnh: Misso": the signature and the photo credit on one line).
    """
    hard = [m.end() for m in re.finditer(HARD_SEPARATORS, before)]
    soft = [m.end() for m in re.finditer(r",", before)]
    words = [m.start() for m in re.finditer(r"(?<=\s)[^\W\d_]", before) if before[m.start()].isupper()]
    for start in (hard[-1] if hard else 0, soft[-1] if soft else None, *words[-LABEL_MAX_WORDS:]):
        if start is None:
            continue
        kind = _label_kind(before[start:])
        if kind:
            return before[:start], before[start:].strip(" -–—"), kind
    return None


def _chunks(line: str) -> list[tuple[str, str | None, str]]:
    """Split a line at known labels: [(kind, label, body)], kind 'author' by default."""
    chunks, kind, label, pos = [], "author", None, 0
    for colon in re.finditer(r":", line):
        found = _split_label(line[pos : colon.start()])
        if found is None:
            continue
        chunks.append((kind, label, found[0]))
        label, kind, pos = found[1], found[2], colon.end()
    chunks.append((kind, label, line[pos:]))
    return [c for c in chunks if c[2].strip(" -–—,;|.") or c[0] != "author"]


def _protect_parens(s: str) -> tuple[str, list[str]]:
    groups: list[str] = []

    def keep(m: re.Match) -> str:
        groups.append(m.group(0))
        return f"\x00{len(groups) - 1}\x00"

    return re.sub(r"\([^()]*\)", keep, s), groups


def _restore(part: str, groups: list[str]) -> str:
    return re.sub("\x00(\\d+)\x00", lambda m: groups[int(m.group(1))], part)


def split_names(body: str) -> list[str]:
    """Split on the byline separators, never inside parentheses."""
    protected, groups = _protect_parens(body)
    parts = [n for p in re.split(NAME_SEPARATORS, protected) for n in _split_joined(p)]
    return [_restore(p, groups).strip() for p in parts if p.strip()]


def _split_joined(part: str) -> list[str]:
    """"Lars Fischer und Alina Schadwinkel" -> two names; "Herz und Blut" stays one (NAME_JOINERS)."""
    pieces = re.split(NAME_JOINERS, part)
    if len(pieces) > 1 and all(len(p.split()) >= 2 and all(w[:1].isupper() for w in p.split()) for p in pieces):
        return pieces
    return [part]


def _strip_prefixes(name: str) -> str:
    changed = True
    while changed:
        changed = False
        words = name.split()
        heads: dict[int, str] = {}  # the folded first n words, once per n
        for n, key in _prefix_keys():
            if len(words) <= n:
                continue
            if n not in heads:
                heads[n] = fold_key(" ".join(words[:n]))
            if heads[n] == key:
                name, changed = " ".join(words[n:]), True
                break
    return name


def _strip_leads(name: str) -> str:
    """"By Luke Kemp" -> "Luke Kemp"; a lead alone ("By") -> ""."""
    words = name.split()
    keys = [fold_key(w).strip() for w in words]
    for lead in _LEAD_KEYS:
        if tuple(keys[: len(lead)]) == lead:
            return " ".join(words[len(lead) :])
    return name


DATED_UNIT = re.compile(r"\d[./:-]\d")  # "(08/23/2011)" after a name is a date, "(PC02)", "(Quận 12)" a unit


def _keeps_dot(name: str) -> bool:
    """A final dot that belongs to the name: an initial ("H.V.", "Muñoz C.") or "Jr."."""
    last = name.strip(" \t-–—,;:*").split()[-1:] or [""]
    return last[0].endswith(".") and (len(last[0].rstrip(".")) <= 1 or "." in last[0].rstrip(".")
                                      or fold_key(last[0]) in ("jr", "sr"))


def is_date_segment(text: str) -> bool:
    return bool(re.search(r"\d", text)) and bool(DATE_SEGMENT.search(text.strip(" ()")))


def _case_part(part: str) -> str:
    return part if part in KEEP_UPPER or len(part) <= 1 else part.capitalize()


def natural_case(name: str) -> str:
    """'M.TÍN' -> 'M.Tín', 'NHƯ Ý' -> 'Như Ý'; mixed case and initials ('BT') untouched."""
    if name != name.upper() or name == name.lower():
        return name
    if " " not in name and "." not in name and len(name) <= 3:
        return name  # initials under a title ("BT")
    return re.sub(r"[^\W\d_]+", lambda m: _case_part(m.group(0)), name)


def clean_name(segment: str) -> Author | None:
    """One name as written -> Author, or None for an empty or non-author one."""
    if segment.strip().endswith(":") or segment.strip().casefold() in CONNECTORS:
        return None  # a label ("Datum:") or a joining word alone is no name
    raw = segment.strip(" \t-–—,;:*").removesuffix(".") if not _keeps_dot(segment) else segment.strip(" \t-–—,;:*")
    name, affiliation = raw, None
    m = re.fullmatch(r"(?P<name>.*?)\s*\((?P<unit>[^()]*)\)", raw)
    if m and not m["name"].strip(" -–—,;:"):
        return None  # a note in parentheses alone ("(tổng hợp)") is about the names before it
    if m:
        name, affiliation = m["name"], normalize_text(m["unit"]) or None
    name = _strip_leads(name.strip(" -–—,;:*~·»|"))
    name = natural_case(_strip_prefixes(name if _keeps_dot(name) else name.strip(" .")))
    if not name or fold_key(name) in NON_AUTHORS or ":" in name or len(name.split()) > MAX_NAME_WORDS:
        return None
    if is_date_segment(name) or (affiliation and DATED_UNIT.search(affiliation)):
        return None
    return Author(name=name, name_raw=raw, affiliation=affiliation)


def _source_of(segment: str) -> str | None:
    m = re.match(OUTLET_PREFIX, segment)
    if m:
        return m["outlet"]
    words = segment.split()
    if words and fold_key(words[0]) in SOURCE_MARKERS and len(words) > 1:
        return " ".join(words[1:]).strip(" ,.:;-–—") or None
    return None


def _is_credit_phrase(segment: str) -> bool:
    key = fold_key(segment)
    return any(pattern.match(key) for pattern in _credit_res())


def _paren_items(line: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Pull '(Ảnh: …)' / '(Nguồn: …)' / '(Theo …)' groups out: (kind, label, body)."""
    items: list[tuple[str, str, str]] = []

    def pull(m: re.Match) -> str:
        inner = m.group(1).strip()
        label, colon, rest = inner.partition(":")
        if colon and _label_kind(label) in ("credit", "source"):
            items.append((_label_kind(label), label.strip(), rest))
        elif not colon and _source_of(inner):
            items.append(("source", "", _source_of(inner)))
        else:
            return m.group(0)
        return " "

    return re.sub(r"\(([^()]*)\)", pull, line), items


@dataclass
class _Acc:
    authors: list
    credits: list
    origin: str | None = None


def _take_chunk(acc: _Acc, kind: str, label: str | None, body: str) -> None:
    body = body.strip(" -–—,;|") if _keeps_dot(body) else body.strip(" -–—,;|.")
    if kind == "credit" and body:
        acc.credits.append(f"{label}: {body}")
    elif kind == "source" and body:
        acc.origin = acc.origin or body
    elif kind == "author":
        _take_names(acc, body)


def _take_names(acc: _Acc, body: str) -> None:
    for segment in split_names(body):
        source = _source_of(segment)
        if source:
            acc.origin = acc.origin or source
            rest = re.sub(OUTLET_PREFIX, "", segment)
            if rest != segment:
                _take_names(acc, rest)
        elif _is_credit_phrase(segment):
            acc.credits.append(segment.strip(" .,"))
        elif acc.authors and acc.authors[-1].affiliation is None and is_unit(segment):
            last = acc.authors[-1]  # "Thượng tá Nguyễn Văn Cản - Phòng Tham mưu": the unit the name belongs to
            acc.authors[-1] = Author(name=last.name, name_raw=f"{last.name_raw} - {segment}",
                                     affiliation=normalize_text(segment))
        elif _writer_outlet(segment):
            head, outlet = _writer_outlet(segment)  # "Hoàng Anh/CAND": the writer, then the outlet
            acc.origin = acc.origin or outlet
            _take_names(acc, head)
        else:
            author = clean_name(segment)
            if author and author not in acc.authors:
                acc.authors.append(author)


def _writer_outlet(segment: str) -> tuple[str, str] | None:
    """"Hoàng Anh/CAND" -> ("Hoàng Anh", "CAND"): a name, a slash, an outlet's name."""
    head, slash, outlet = (p.strip() for p in segment.rpartition("/"))
    if slash and fold_key(head) and fold_key(outlet) and is_outlet(outlet):
        return head, outlet
    return None


def is_unit(text: str) -> bool:
    """A police or state unit's name ("Phòng Tham mưu", "Công an xã Sa Pa", "VKSQS khu vực 72"), not a person's."""
    key = " ".join(normalize_text(text).lower().split())
    return any(key == lead or key.startswith(f"{lead} ") for lead in UNIT_LEADS)


def is_outlet(text: str) -> bool:
    """A news outlet's name ("Lao Động", "Báo Tin", "VTC News", "CAND", "Vcamp.vn"), not a person's."""
    lower, key = text.lower(), fold_key(text)
    if not key or (text.isupper() and len(key) > 1) or re.search(r"\w\.\w|/", text):
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


def _reprint(acc: _Acc, line: str, following: str) -> int:
    """A reprint credit: "Theo ‹writer› (‹outlet›)", or "Theo ‹writer›" over an "‹outlet›" line.

    The writer is an author and the outlet the origin; returns the lines used (0: not a reprint).
    Under "Theo ‹source›" an outlet's line ("Theo Minh Nguyễn/Vcamp.vn" over "Forbes") is the
    source's own source, not a writer.
    """
    m = re.fullmatch(r"(?P<head>[^()]*?)\s*\((?P<outlet>[^():]+)\)", line)
    if m and "/" in m["outlet"]:
        return 0  # "Theo Sầm Hoa (Vietnamnet/Reuters)": a relayed story's chain of sources, the origin
    writer = reprint_writer(m["head"] if m else line)
    outlet = m["outlet"] if m else following.strip(" ,.;-–—")
    if not outlet or ":" in outlet or is_date_segment(outlet) or len(outlet.split()) > 8:
        return 0
    if writer is None:
        source = _source_of(line) if not m and fold_key(line).startswith("theo ") else None
        if source and (len(outlet.split()) == 1 or is_outlet(outlet)):
            acc.origin = acc.origin or source
            return 2
        return 0
    _take_names(acc, writer)
    acc.origin = acc.origin or outlet
    return 1 if m else 2


BYLINE_CACHE_MAX_CHARS = 300  # parse_byline remembers the readings of bylines up to this long


def parse_byline(raw: str | None) -> Byline:
    """A raw byline -> authors, credits and origin, with the raw kept."""
    if not isinstance(raw, str):
        return Byline()
    if len(raw) <= BYLINE_CACHE_MAX_CHARS:  # a family tests a line, then normalization reads the same byline
        return _parse_byline_cached(raw)
    return _parse_byline(raw)


@lru_cache(maxsize=4096)
def _parse_byline_cached(raw: str) -> Byline:
    return _parse_byline(raw)  # a Byline is frozen, its authors and credits tuples: safe to share


def _parse_byline(raw: str) -> Byline:
    acc = _Acc([], [])
    lines = normalize_block(raw).split("\n")
    skip = 0
    for index, line in enumerate(lines):
        if skip or (skip := _reprint(acc, line, lines[index + 1] if index + 1 < len(lines) else "")):
            skip -= 1
            continue
        line, items = _paren_items(line)
        for kind, label, body in items:
            _take_chunk(acc, kind, label, body)
        for kind, label, body in _chunks(line):
            _take_chunk(acc, kind, label, body)
    credits = tuple(dict.fromkeys(c for c in acc.credits if c))
    return Byline(tuple(acc.authors), credits, acc.origin, raw if raw.strip() else None)


def _word_is_name_like(word: str) -> bool:
    parts = [p for p in re.split(r"[.\-]", word) if p]
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


def looks_like_byline(line: str) -> bool:
    """True for a short line that is only a byline: names, a labelled byline, or 'Theo X'."""
    text = normalize_text(line) if isinstance(line, str) else ""
    if not text or len(text) > MAX_BYLINE_CHARS or text[-1] in "?!:":
        return False
    if re.search(r"\d", re.sub(r"\([^()]*\)", "", text)):  # digits outside a (unit): a date, a phone
        return False
    if any(is_date_segment(group) for group in re.findall(r"\(([^()]*)\)", text)):  # "(08/23/2011)"
        return False
    byline = parse_byline(text)
    if not byline.authors:
        return byline.origin is not None and not byline.credits and len(text.split()) <= 8
    return all(is_name_like(a.name) for a in byline.authors)

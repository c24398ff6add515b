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
from tintuc_feed.normalize.byline_names import (
    clean_name,
    is_date_segment,
    is_name_like,
    is_outlet,
    is_unit,
    keeps_dot,
    reprint_writer,
)
from tintuc_feed.normalize.byline_tables import (
    CREDIT_MARKERS,
    HARD_SEPARATORS,
    LABEL_MAX_CHARS,
    LABELS,
    MAX_BYLINE_CHARS,
    NAME_JOINERS,
    NAME_SEPARATORS,
    OUTLET_PREFIX,
    ROLES_AFTER_NAME,
    SOURCE_MARKERS,
)
from tintuc_feed.normalize.text import fold_key, normalize_block, normalize_text

# The patterns, compiled once (re's own cache is a lookup per call: a byline line calls ~20 of them).
_HARD = re.compile(HARD_SEPARATORS)
_NAME_SEPARATORS = re.compile(NAME_SEPARATORS)
_NAME_JOINERS = re.compile(NAME_JOINERS)
_OUTLET_PREFIX = re.compile(OUTLET_PREFIX)
_COMMA, _COLON, _DIGIT = re.compile(","), re.compile(":"), re.compile(r"\d")
_WORD_START = re.compile(r"(?<=\s)[^\W\d_]")  # a letter after a space
_PARENS = re.compile(r"\([^()]*\)")
_PAREN_GROUP = re.compile(r"\(([^()]*)\)")
_PROTECTED = re.compile("\x00(\\d+)\x00")
_REPRINT = re.compile(r"(?P<head>[^()]*?)\s*\((?P<outlet>[^():]+)\)")
LABEL_MAX_WORDS = 3  # a label after a name on the same line has at most this many words ("Ảnh và video")


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
def _credit_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"{p}\b") for p in CREDIT_MARKERS)


def _label_kind(label: str) -> str | None:
    key = fold_key(label)
    for pattern, kind in _label_res():
        if pattern.fullmatch(key):
            return kind
    return None


def _split_label(line: str, pos: int, end: int) -> tuple[str, str, str] | None:
    """(text before the label, label, kind) if line[pos:end] ends with a known label.

    The label starts the line, or follows a separator, or is a capitalised word after a name
    ("H.V. Ảnh: Misso": the signature and the photo credit on one line).  Only the last
    LABEL_MAX_CHARS characters are read (no label is longer): a line of thousands of colons
    ("09:15 09:15 …") is read in linear time, where reading every colon's whole prefix was quadratic.
    """
    floor = max(pos, end - LABEL_MAX_CHARS)
    scan = max(pos, floor - 2)  # a separator (" - ") that ends at the floor starts before it
    hard = [m.end() for m in _HARD.finditer(line, scan, end) if m.end() >= floor]
    soft = [m.end() for m in _COMMA.finditer(line, floor, end)]
    words = [m.start() for m in _WORD_START.finditer(line, floor, end) if line[m.start()].isupper()]
    first = hard[-1] if hard else (pos if floor == pos else None)  # no separator: the line's start
    for start in (first, soft[-1] if soft else None, *words[-LABEL_MAX_WORDS:]):
        if start is None:
            continue
        kind = _label_kind(line[start:end])
        if kind:
            return line[pos:start], line[start:end].strip(" -–—"), kind
    return None


def _chunks(line: str) -> list[tuple[str, str | None, str]]:
    """Split a line at known labels: [(kind, label, body)], kind 'author' by default."""
    chunks, kind, label, pos = [], "author", None, 0
    for colon in _COLON.finditer(line):
        found = _split_label(line, pos, colon.start())
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

    return _PARENS.sub(keep, s), groups


def _restore(part: str, groups: list[str]) -> str:
    return _PROTECTED.sub(lambda m: groups[int(m.group(1))], part)


def split_names(body: str) -> list[str]:
    """Split on the byline separators, never inside parentheses nor inside a unit's name."""
    protected, groups = _protect_parens(body)
    pieces, start = [], 0
    for sep in _NAME_SEPARATORS.finditer(protected):
        if not _inside_unit_name(protected[start:sep.start()], sep.group(), protected[sep.end():], groups):
            pieces.append(protected[start:sep.start()])
            start = sep.end()
    pieces.append(protected[start:])
    parts = [n for p in pieces for n in _split_joined(p)]
    return [_restore(p, groups).strip() for p in parts if p.strip()]


def _inside_unit_name(before: str, sep: str, after: str, groups: list[str]) -> bool:
    """"Phòng An ninh mạng và phòng chống tội phạm …": a "và" that a lower-case word follows, after a
    unit's name, is part of that name (a second name or unit would start with a capital)."""
    return sep.strip() == "và" and after[:1].islower() and is_unit(_restore(before, groups))


def _split_joined(part: str) -> list[str]:
    """"Lars Fischer und Alina Schadwinkel" -> two names; "Herz und Blut" stays one (NAME_JOINERS)."""
    pieces = _NAME_JOINERS.split(part)
    if len(pieces) > 1 and all(len(p.split()) >= 2 and all(w[:1].isupper() for w in p.split()) for p in pieces):
        return pieces
    return [part]


def _source_of(segment: str) -> str | None:
    m = _OUTLET_PREFIX.match(segment)
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

    return _PAREN_GROUP.sub(pull, line), items


@dataclass
class _Acc:
    authors: list
    credits: list
    origin: str | None = None


def _take_chunk(acc: _Acc, kind: str, label: str | None, body: str) -> None:
    body = body.strip(" -–—,;|") if keeps_dot(body) else body.strip(" -–—,;|.")
    if kind == "credit" and body:
        acc.credits.append(f"{label}: {body}")
    elif kind == "source" and body:
        acc.origin = acc.origin or body
    elif kind == "author":
        _take_names(acc, body, labelled=label is not None)


def _take_names(acc: _Acc, body: str, labelled: bool = False) -> None:
    for segment in split_names(body):
        source = _source_of(segment)
        if source:
            acc.origin = acc.origin or source
            rest = _OUTLET_PREFIX.sub("", segment)
            if rest != segment:
                _take_names(acc, rest, labelled)
        elif _is_credit_phrase(segment):
            acc.credits.append(segment.strip(" .,"))
        elif acc.authors and fold_key(segment.strip(" .()")) in ROLES_AFTER_NAME:
            last = acc.authors[-1]  # "Hữu Phúc - CTV": the collaborator Hữu Phúc
            acc.authors[-1] = Author(name=last.name, name_raw=f"{last.name_raw} - {segment.strip()}",
                                     affiliation=last.affiliation)
        elif acc.authors and acc.authors[-1].affiliation is None and is_unit(segment):
            last = acc.authors[-1]  # "Thượng tá Nguyễn Văn Cản - Phòng Tham mưu": the unit the name belongs to
            acc.authors[-1] = Author(name=last.name, name_raw=f"{last.name_raw} - {segment}",
                                     affiliation=normalize_text(segment))
        elif _writer_outlet(segment):
            head, outlet = _writer_outlet(segment)  # "Hoàng Anh/CAND": the writer, then the outlet
            acc.origin = acc.origin or outlet
            _take_names(acc, head, labelled)
        else:
            author = clean_name(segment, labelled)
            if author and author not in acc.authors:
                acc.authors.append(author)


def _writer_outlet(segment: str) -> tuple[str, str] | None:
    """"Hoàng Anh/CAND" -> ("Hoàng Anh", "CAND"): a name, a slash, an outlet's name."""
    head, slash, outlet = (p.strip() for p in segment.rpartition("/"))
    if slash and fold_key(head) and fold_key(outlet) and is_outlet(outlet):
        return head, outlet
    return None


def _reprint(acc: _Acc, line: str, following: str) -> int:
    """A reprint credit: "Theo ‹writer› (‹outlet›)", or "Theo ‹writer›" over an "‹outlet›" line.

    The writer is an author and the outlet the origin; returns the lines used (0: not a reprint).
    Under "Theo ‹source›" an outlet's line ("Theo Minh Nguyễn/Vcamp.vn" over "Forbes") is the
    source's own source, not a writer.
    """
    m = _REPRINT.fullmatch(line)
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


def author_labelled(line: str) -> bool:
    """The line is one labelled byline ("Tin: …", "Bài và ảnh: …"): the label says what follows is who wrote."""
    chunks = _chunks(normalize_text(line))
    return len(chunks) == 1 and chunks[0][0] == "author" and chunks[0][1] is not None


def looks_like_byline(line: str) -> bool:
    """True for a short line that is only a byline: names, a labelled byline, or 'Theo X'."""
    text = normalize_text(line) if isinstance(line, str) else ""
    if not text or len(text) > MAX_BYLINE_CHARS or text[-1] in "?!:":
        return False
    if _DIGIT.search(_PARENS.sub("", text)):  # digits outside a (unit): a date, a phone
        return False
    if any(is_date_segment(group) for group in _PAREN_GROUP.findall(text)):  # "(08/23/2011)"
        return False
    byline = parse_byline(text)
    if not byline.authors:
        return byline.origin is not None and not byline.credits and len(text.split()) <= 8
    return all(is_name_like(a.name) for a in byline.authors)

"""Bylines: a raw byline string -> people, credits and the source told apart.

"Minh Quỳnh - Bá Hiển - Quang Khải" gives three authors; "Theo CAND" gives no
author and the origin "CAND"; "Ảnh: Khánh Hồng" is a photo credit.  The
site's own name is never an author (without_site_names: "VnExpress" in
<meta name="author"> on vnexpress.net).  Labels,
police ranks, units in parentheses and trailing punctuation are removed from
names; ALL-CAPS names get their natural case, the raw kept beside.  When no
author is found the tuple is empty: nothing is guessed.

Labels are recognised on the folded text (fold_key), so "Bài và ảnh",
"BÀI VÀ ẢNH" and old tone placement ("uý") all match one table row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tintuc_feed.model import Author
from tintuc_feed.normalize.text import fold_key, normalize_block, normalize_text

# Police and army ranks written before a name: removed ("Thượng úy Nguyễn Văn
# Hùng" -> "Nguyễn Văn Hùng").  Matched folded, so "Đại uý" matches "Đại úy".
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
)  # fmt: skip

# Forms of address before a name, removed only when a name follows.
HONORIFICS = ("Đồng chí", "Đ/c", "Nhà báo", "Phóng viên", "PV", "CTV", "Cộng tác viên")

# Folded labels ending in ":" -> what follows them.
LABELS = (
    (r"(?:bai|tin)(?: (?:va )?(?:anh|clip|video|thuc hien))*", "author"),  # "Bài và ảnh:", "Bài, ảnh:", "Tin:"
    (r"(?:tac gia|thuc hien|nhom thuc hien|nguoi viet|bai viet|but danh)", "author"),  # "Tác giả:", "Thực hiện:"
    (r"(?:anh|video|clip|do hoa|infographic|thiet ke)(?: (?:va )?(?:anh|video|clip|do hoa))*", "credit"),
    (r"anh minh hoa|anh tu lieu|nguon anh", "credit"),  # "Ảnh minh họa:", "Nguồn ảnh:"
    (r"nguon|theo", "source"),  # "Nguồn: Báo Công an nhân dân"
    (r"pv|phong vien|loi toa soan|loi bbt|bbt", "interview"),  # Q&A and editor's-note labels
    (r"(?:by|von|par|por|autor|autorin|author|auteur|verfasser|written by|geschrieben von)", "author"),  # "Von: X"
)

# A segment starting with one of these (folded, no colon) names a source.
SOURCE_MARKERS = (r"theo", r"nguon")  # "Theo CAND", "Theo VTC News,", "Nguồn CAND"

# Credit phrases that carry no colon: the whole segment is a credit.
CREDIT_MARKERS = (
    r"anh minh hoa",  # "Ảnh minh họa"
    r"anh cat tu clip",  # "Ảnh cắt từ clip."
    r"anh chup man hinh|chup man hinh",  # screenshots
)

# Outlet dateline prefix: "(VGP) - ", "(ANTV) - ", "(CAO) ".
OUTLET_PREFIX = r"^\((?P<outlet>[A-Z0-9][\w.]{1,20})\)\s*[-–—:]?\s*"

# Said instead of a name: not authors.
NON_AUTHORS = ("admin", "administrator", "quan tri", "quan tri vien", "webmaster", "unknown", "anonymous", "null",
               "publisher", "super user", "anonimo")

# Words that lead a byline in the languages of the web, before the name ("By X", "Von X",
# "Publié par X"): removed, folded compare; alone on a line they are no name.
BYLINE_LEADS = (
    "by", "von", "par", "por", "door", "av", "written by", "posted by", "published by", "geschrieben von",
    "veroffentlicht von", "eingestellt von", "erstellt von", "publie par", "escrito por", "author", "autor",
    "autorin", "verfasser", "auteur", "view all posts by", "zeige alle beitrage von", "alle beitrage von",
    "artikel von", "beitrag von", "boi", "dang boi", "viet boi",  # "Bởi", "Đăng bởi", "Viết bởi"
)  # fmt: skip
# Words that join names or trail a byline, alone in a segment: no name ("Lars Fischer\nund\nAlina Schadwinkel").
CONNECTORS = ("und", "and", "y", "et", "e", "in", "am", "on", "le", "/", "&", "+", "·", "»", "→", "|")
_LEAD_KEYS = tuple(sorted({tuple(lead.split()) for lead in BYLINE_LEADS}, key=len, reverse=True))

# A segment that is a date or a time, not a name: "Feb 21", "2020", "04.02.2022", "15:33 Uhr", "(08/23/2011)".
DATE_SEGMENT = re.compile(r"\d[./:-]\d|\b(?:1[89]|20)\d\d\b|^\D*\s\d{1,2}\.?$|^\d{1,2}\.?\s\D*$")

# Groups kept as one author ("Nhóm PV" stays a name).
GROUP_NAMES = (r"nhom (?:pv|phong vien|ctv|cong tac vien|tac gia|bien tap)", r"pv|ctv|btv")

# Title-case menu labels that look like names but are not.
MENU_LABELS = (
    "Trang chủ", "Tin tức", "Sự kiện", "Liên hệ", "Giới thiệu", "Tìm kiếm", "Hình ảnh",
    "Văn bản", "Đăng nhập", "Hỏi đáp", "Chia sẻ", "Bình luận", "Xem thêm", "Tin liên quan",
)  # fmt: skip

# Abbreviations kept upper-case when an ALL-CAPS name is re-cased.
KEEP_UPPER = ("PV", "CTV", "BTV", "TTXVN", "CAND", "BCA", "VKSND", "TAND", "CA", "PC", "TP")

NAME_SEPARATORS = r"\s+[-–—]\s+|\s*[,;&\n]\s*|\s+và\s+|\s*\|\s*"
HARD_SEPARATORS = r"\s[-–—]\s|[;|(\n]"
MAX_NAME_WORDS = 6  # longer is a sentence, not a name
MAX_SYLLABLE_LETTERS = 7  # "nghiêng", the longest Vietnamese syllable
MAX_BYLINE_CHARS = 100


@dataclass(frozen=True)
class Byline:
    authors: tuple[Author, ...] = ()
    credits: tuple[str, ...] = ()
    origin: str | None = None  # republished from ("Theo CAND" -> "CAND")
    raw: str | None = None


# The tables above, compiled and folded once per process (they are read for every candidate line).
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
    """(text before the label, label, kind) if `before` ends with a known label."""
    hard = [m.end() for m in re.finditer(HARD_SEPARATORS, before)]
    soft = [m.end() for m in re.finditer(r",", before)]
    for start in (hard[-1] if hard else 0, soft[-1] if soft else None):
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
    parts = re.split(NAME_SEPARATORS, protected)
    return [_restore(p, groups).strip() for p in parts if p.strip()]


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
    if m and m["name"]:
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
        else:
            author = clean_name(segment)
            if author and author not in acc.authors:
                acc.authors.append(author)


def parse_byline(raw: str | None) -> Byline:
    """A raw byline -> authors, credits and origin, with the raw kept."""
    if not isinstance(raw, str):
        return Byline()
    acc = _Acc([], [])
    for line in normalize_block(raw).split("\n"):
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


def _site_key(text: str) -> str:
    """Letters and digits of the folded text: "Dân trí", "dantri" and "DanTri" compare equal."""
    return re.sub(r"[^a-z0-9]", "", fold_key(text))


def site_keys(names: Iterable[str | None], host: str | None = None) -> frozenset[str]:
    """Keys of a site's own names: the given names, and its host with and without "www." and the TLD."""
    keys = {_site_key(n) for n in names if isinstance(n, str)}
    labels = (host or "").lower().removeprefix("www.").split(".")
    if labels and labels[0]:
        keys |= {_site_key(".".join(labels)), _site_key(labels[0])}
    return frozenset(k for k in keys if k)


def is_site_name(text: str, keys: frozenset[str]) -> bool:
    """The text is one of the site's own names (site_keys)."""
    return _site_key(text) in keys


def without_site_names(authors: tuple[Author, ...], keys: frozenset[str]) -> tuple[Author, ...]:
    """The authors, less any that is the site's own name ("VnExpress" on vnexpress.net is no author)."""
    return tuple(a for a in authors if not is_site_name(a.name, keys))

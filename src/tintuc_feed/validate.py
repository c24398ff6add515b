"""Every field of an article checked where it enters the store: the store's contract.

The store calls ``article_for_store`` on each article it is given, whoever
made it (the crawl, `extract`, a test, a future fetcher), so what is stored
can always be published: feeds are XML, and lxml refuses a whole document for
one illegal character.

* Text (every string field, the authors, credits and tags): lone surrogates
  replaced by U+FFFD (a valid pair joined), line breaks made ``\\n``, control
  characters other than tab and newline removed, Unicode noncharacters
  (U+FFFE, U+FFFF, U+FDD0-U+FDEF…) removed, then NFC.
* URLs (``url``, ``image``, ``fetched_url``; ``href``, ``src`` and ``srcset``
  inside ``content_html``): parsed and rebuilt with w3lib's
  ``safe_url_string`` (percent-encoding, IDNA hosts), only http/https
  (links in the body may also be mailto:, tel: or an in-page #fragment, as
  sanitize.py allows), a real host name or IP, a valid port, no user:password@.
  A URL that cannot be rebuilt is dropped: the image is forgotten, a link
  keeps its text, an ``<img>`` goes.  An article whose own ``url`` cannot be
  rebuilt is refused (``InvalidArticle``, a ValueError).
* Sizes (LIMITS): titles and summaries are cut at a word with "…", the body
  text at a word, the body HTML after its last whole top-level block that
  fits; lists (authors, credits, tags) keep their first entries; other text
  is cut with "…".  ``title_raw`` keeps the title as found, up to its own,
  larger limit.

``article_for_store`` is pure and idempotent: a valid article comes back
equal, so an unchanged page writes nothing.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from html import escape
from urllib.parse import urlsplit, urlunsplit

import lxml.html
from w3lib.url import safe_url_string

from .model import Article, Author

# Limits, in characters (code points, after NFC) or entries.  Documented in README ("What gets stored")
# and docs/RELIABILITY.md; a page beyond them is a broken or hostile page, not an article.
LIMITS: dict[str, int] = {
    "title": 300,  # longest real titles seen in the research: ~250
    "title_raw": 2_000,  # the title as found (site name and all), kept beside
    "summary": 1_000,  # meta descriptions run 150-300
    "content_text": 200_000,  # a long report is ~40,000
    "content_html": 400_000,  # the body with its markup and image URLs
    "byline_raw": 1_000,
    "published_raw": 200,
    "url": 2_048,  # every URL field and every URL in the body
    "authors": 20,  # entries
    "author_name": 100,  # longer is a sentence, not a name: the author is dropped
    "author_name_raw": 300,
    "author_affiliation": 200,
    "credits": 20,  # entries
    "credit": 300,
    "tags": 30,  # entries
    "tag": 100,  # longer is not a tag: dropped
    "other_text": 1_000,  # any other text field (origin, province…)
}
ELLIPSIS = "…"
WEB_SCHEMES = frozenset({"http", "https"})
LINK_SCHEMES = WEB_SCHEMES | {"mailto", "tel"}
URL_FIELDS = ("url", "image", "fetched_url")
WORD_CUT_FIELDS = ("title", "summary")

# Cc controls except tab and newline (\r is made a newline first), and the Unicode noncharacters.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17))
_ILLEGAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _NONCHARACTERS + "]")
_LINE_BREAK_RE = re.compile("\r\n?")
# WHATWG URL parsing: leading/trailing C0 controls and spaces are stripped, tab and newlines removed.
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_REMOVED_RE = re.compile("[\t\n\r]")
_HOST_RE = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?$"
                      r"|^\[[0-9a-f:.]+\]$")
_SAFE_URL_RE = re.compile(r"^[\x21-\x7e]+$")  # what a rebuilt URL may hold: printable ASCII, no space


class InvalidArticle(ValueError):
    """An article the store cannot keep: its own URL, its title or its source is unusable."""


# --- text ------------------------------------------------------------------------


def repair_surrogates(value: str) -> str:
    """value with each valid surrogate pair joined and each lone surrogate replaced by U+FFFD."""
    if value.isascii():
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_text(value: str) -> str:
    """XML-legal NFC text: surrogates repaired, line breaks \\n, controls and noncharacters out."""
    value = _ILLEGAL_RE.sub("", _LINE_BREAK_RE.sub("\n", repair_surrogates(value)))
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def cut(value: str, limit: int, *, at_word: bool = True) -> str:
    """value if it fits in limit characters, else its start (at a word if at_word) and an ellipsis."""
    if len(value) <= limit:
        return value
    head = value[: limit - len(ELLIPSIS)]
    if at_word and " " in head.strip():
        head = head.rstrip().rsplit(" ", 1)[0]
    return head.rstrip(" \n\t,;:-–—") + ELLIPSIS


# --- URLs ------------------------------------------------------------------------


def clean_url(value: str | None, schemes: frozenset[str] = WEB_SCHEMES) -> str | None:
    """value parsed and rebuilt as a safe absolute URL with one of schemes, or None when it cannot be."""
    if not isinstance(value, str):
        return None
    # Not NFC: the server may tell two spellings apart.  Controls inside are percent-encoded.
    text = _URL_REMOVED_RE.sub("", repair_surrogates(value).strip(_URL_STRIP))
    if not text or len(text) > LIMITS["url"]:
        return None
    try:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme not in schemes:
            return None
        if scheme in WEB_SCHEMES:
            text = _web_url(parts)
            if text is None:
                return None
        rebuilt = safe_url_string(text, encoding="utf-8")
        if scheme in WEB_SCHEMES and not _HOST_RE.match(urlsplit(rebuilt).hostname or ""):
            return None
    except (ValueError, UnicodeError):  # a bad port or IPv6 literal, a host IDNA refuses
        return None
    if len(rebuilt) > LIMITS["url"] or not _SAFE_URL_RE.match(rebuilt):
        return None
    return rebuilt


def _web_url(parts) -> str | None:
    """An http(s) URL without user:password@ (it only serves to disguise the host), or None without a host."""
    if not parts.hostname:
        return None
    parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def clean_link(value: str | None) -> str | None:
    """A URL in the body's <a href>: a web, mailto: or tel: URL, or an in-page #fragment."""
    if isinstance(value, str) and value.strip().startswith("#"):
        fragment = safe_url_string(repair_surrogates(value).strip(_URL_STRIP), encoding="utf-8")
        return fragment if _SAFE_URL_RE.match(fragment) else None
    return clean_url(value, LINK_SCHEMES)


def clean_srcset(value: str | None) -> str | None:
    """An srcset with each candidate's URL rebuilt; candidates whose URL cannot be are dropped."""
    candidates = []
    for candidate in (value or "").split(","):
        words = candidate.split()
        url = clean_url(words[0]) if words else None
        if url:
            candidates.append(" ".join([url, *(clean_text(w) for w in words[1:])]))
    return ", ".join(candidates) or None


# --- the body HTML ---------------------------------------------------------------


def clean_html(html: str, limit: int = LIMITS["content_html"]) -> str:
    """The body HTML with every URL rebuilt (or dropped), XML-legal text, at most limit characters.

    The markup is rewritten only when a URL changed or the body is too long, so
    a valid body keeps its exact bytes.
    """
    html = repair_surrogates(html)
    if html.strip() and ("=" in html or len(html) > limit):
        html = _rebuild_urls(html, limit)
    return clean_text(html)


def _rebuild_urls(html: str, limit: int) -> str:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    changed = False
    for element in list(root.iter("a", "img", "source")):
        changed |= _fix_element(element)
    if not changed and len(html) <= limit:
        return html
    return _serialize_within(root, limit)


def _fix_element(element) -> bool:
    """Rebuild an element's URL attributes; drop what cannot be.  True if anything changed."""
    changed = False
    for name, rebuild in (("href", clean_link), ("src", clean_url), ("srcset", clean_srcset)):
        value = element.get(name)
        if value is None:
            continue
        fixed = rebuild(value)
        if fixed == value:
            continue
        changed = True
        if fixed is None:
            del element.attrib[name]
        else:
            element.set(name, fixed)
    if element.tag == "img" and element.get("src") is None or element.tag == "source" and not element.get("srcset"):
        element.drop_tree()  # keeps its tail text
        changed = True
    return changed


def _serialize_within(root, limit: int) -> str:
    """The children of root as HTML: the whole blocks that fit in limit, with a "…" paragraph if some did not."""
    parts = [escape(root.text or "", quote=False)]
    size = len(parts[0])
    for child in root:
        piece = lxml.html.tostring(child, encoding="unicode")
        if size + len(piece) > limit - len(f"<p>{ELLIPSIS}</p>"):
            parts.append(f"<p>{ELLIPSIS}</p>")
            break
        parts.append(piece)
        size += len(piece)
    return "".join(parts)


# --- the article -----------------------------------------------------------------


def article_for_store(article: Article) -> Article:
    """The article with every field valid and within LIMITS (see the module docstring)."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(Article):
        value = getattr(article, field.name)
        fixed = _field(field.name, value)
        if fixed is not value and fixed != value:
            changes[field.name] = fixed
    checked = dataclasses.replace(article, **changes) if changes else article
    if not checked.url:
        raise InvalidArticle(f"article URL {article.url!r} is not an http(s) URL that can be rebuilt")
    if not checked.title.strip():
        raise InvalidArticle(f"{checked.url}: no title left once cleaned")
    if not checked.source_id.strip():
        raise InvalidArticle(f"{checked.url}: no source id")
    return checked


def _field(name: str, value):
    if name in URL_FIELDS:
        return clean_url(value) if value is not None else None
    if name == "content_html":
        return clean_html(value)
    if name == "authors":
        return _authors(value)
    if name == "credits":
        return _entries(value, LIMITS["credits"], LIMITS["credit"], drop_longer=False)
    if name == "tags":
        return _entries(value, LIMITS["tags"], LIMITS["tag"], drop_longer=True)
    if isinstance(value, str):
        return _text_field(name, value)
    return value


def _text_field(name: str, value: str) -> str:
    text = clean_text(value)
    if name in WORD_CUT_FIELDS:
        return cut(text, LIMITS[name])
    if name == "content_text":
        return cut(text, LIMITS[name])
    return cut(text, LIMITS.get(name, LIMITS["other_text"]), at_word=False)


def _authors(authors: tuple[Author, ...]) -> tuple[Author, ...]:
    kept = []
    for author in authors:
        name = clean_text(author.name).strip()
        if not name or len(name) > LIMITS["author_name"]:
            continue
        affiliation = cut(clean_text(author.affiliation), LIMITS["author_affiliation"], at_word=False) \
            if author.affiliation is not None else None
        kept.append(Author(name=name, name_raw=cut(clean_text(author.name_raw), LIMITS["author_name_raw"],
                                                   at_word=False), affiliation=affiliation))
    fixed = tuple(kept[: LIMITS["authors"]])
    return authors if fixed == authors else fixed


def _entries(values: tuple[str, ...], count: int, size: int, *, drop_longer: bool) -> tuple[str, ...]:
    kept: list[str] = []
    for value in values:
        text = clean_text(value).strip()
        if not text or text in kept or (drop_longer and len(text) > size):
            continue
        kept.append(cut(text, size, at_word=False))
    fixed = tuple(kept[:count])
    return values if fixed == values else fixed

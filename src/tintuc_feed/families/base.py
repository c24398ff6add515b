"""What every family shares: parsing, JSON-LD and meta lookups, page checks.

Everything here is a pure function of its arguments: no I/O, no clock.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..model import RawDate
from . import tree
from .empty_pages import unavailable_message
from .metas import meta_content
from .page import Page


class NotAnArticle(Exception):
    """The page is not an article (WAF challenge, truncated, error page…).

    The reason is a short machine-friendly word first ("waf-challenge",
    "truncated", "error-page", "no-content"), then a human explanation.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def parse_html(text: str | Page) -> Page:
    """The page, parsed once (a Page passed in is returned as it is)."""
    return Page.of(text)


# Markers of a page that is not content.  Each row: (reason, regex on the raw
# HTML, why).  A page is checked against these before any extraction.
WAF_MARKERS = (
    # Incapsula/Imperva JS challenge (bocongan): a tiny page that sets a cookie
    # and reloads itself.  Research 1.3.
    (re.compile(r"document\.cookie\s*=.{0,400}?(location\.reload|window\.location)", re.DOTALL | re.IGNORECASE), "js-cookie-reload"),
    (re.compile(r"_Incapsula_Resource|incap_ses_|Request unsuccessful\. Incapsula", re.IGNORECASE), "incapsula"),
    (re.compile(r"cf-browser-verification|challenge-platform|Just a moment\.\.\.</title>", re.IGNORECASE), "cloudflare"),
)
# A challenge page shows (almost) no text.  A real page behind the WAF carries
# the same markers (Incapsula injects /_Incapsula_Resource into every page it
# serves), so a marker only counts on a page with less visible text than this.
CHALLENGE_MAX_TEXT = 400
# Scripts, styles and comments, each up to its first closing tag: the same matches as
# r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->" (tests/families/test_shown_text.py), without
# trying the closing tag after every character (possessive runs of characters that cannot start it).
_SCRIPTS = re.compile(r"<(script|style|noscript)\b(?:[^<]++|<(?!/\1\s*>))*+</\1\s*>|<!--(?:[^-]++|-(?!->))*+-->",
                      re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_SCRIPT_START = re.compile(r"<(?:script|style|noscript)\b|<!--", re.IGNORECASE)  # where a _SCRIPTS match starts


def visible_chars(text: str) -> int:
    """How many non-space characters the page shows (scripts, styles and tags left out)."""
    return sum(map(len, _TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split()))  # str.split's spaces are re's \s


def shown_text(text: str, limit: int | None = None) -> str | None:
    """The page's text as visible_chars reads it: `" ".join(_TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split())`.

    With a limit, None as soon as the page is known to show at least `limit` non-space characters:
    the page is read in pieces, scripts, styles and comments (_SCRIPTS) becoming a space, then each
    tag (_TAGS).  A piece's text from the first "<" after its last ">" waits for the next piece (the
    tag may close there); every "<" before it closes within the piece, so _TAGS reads each part as it
    reads the whole text and the parts, joined, are that text.
    """
    if limit is None or len(text) <= PIECE_CHARS:  # a small page is read whole
        words = _TAGS.sub(" ", _SCRIPTS.sub(" ", text)).split()
        return None if limit is not None and sum(map(len, words)) >= limit else " ".join(words)
    seen, pending, parts = 0, "", []
    for piece in _pieces_without_scripts(text):
        chunk = pending + piece
        cut = chunk.find("<", chunk.rfind(">") + 1)
        if cut < 0:
            cut = len(chunk)
        part, pending = _TAGS.sub(" ", chunk[:cut]), chunk[cut:]
        parts.append(part)
        if limit is not None:
            seen += sum(map(len, part.split()))
            if seen >= limit:
                return None
    parts.append(pending)  # no ">" after it: no tag in it either
    words = "".join(parts).split()
    if limit is not None and sum(map(len, words)) >= limit:
        return None
    return " ".join(words)


PIECE_CHARS = 4096


def _pieces_without_scripts(text: str) -> Iterator[str]:
    """_SCRIPTS.sub(" ", text) in pieces of at most PIECE_CHARS, computed as they are read.

    A match of _SCRIPTS starts where _SCRIPT_START does: the regex is tried at each such place in
    turn (the leftmost place where it matches is the match finditer gives), and the text is only
    searched as far as it is read.
    """
    start = 0
    for match in _script_matches(text):
        for at in range(start, match.start(), PIECE_CHARS):
            yield text[at:min(at + PIECE_CHARS, match.start())]
        yield " "
        start = match.end()
    for at in range(start, len(text), PIECE_CHARS):
        yield text[at:at + PIECE_CHARS]


def _script_matches(text: str) -> Iterator[re.Match[str]]:
    """_SCRIPTS.finditer(text), found from the places its matches can start."""
    pos = 0
    while (candidate := _SCRIPT_START.search(text, pos)) is not None:
        match = _SCRIPTS.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
            continue
        yield match
        pos = match.end()


# The first <h1>/<h2> of an error page, the whole heading (an article about a
# search "không tìm thấy" is not one).
ERROR_HEADINGS = re.compile(
    r"(?:lỗi|error|404|lỗi hệ thống|không tìm thấy trang( yêu cầu)?|trang không tồn tại|"
    r"(?:bài viết|nội dung|tin bài) không tồn tại(?: hoặc đã bị xóa)?)[.!]?",
    re.IGNORECASE,
)
# A page this short (visible characters: menu, message, footer) that says one of these is an error page.
ERROR_PAGE_MAX_TEXT = 800
ERROR_PHRASES = re.compile(
    r"không tìm thấy trang|trang không tồn tại|(?:bài viết|nội dung|tin bài) không tồn tại|đã bị xóa|"
    r"lỗi hệ thống|page not found",
    re.IGNORECASE,
)
# Every heading ERROR_HEADINGS matches holds one of these words, lowered as ERROR_PHRASE_WORDS (a word of the heading
# is one of the page's: tags become spaces); the heading regex runs only on a page that has one.
ERROR_HEADING_WORDS = ("lỗ", "error", "404", "thấy", "tồn")
# Every phrase ERROR_PHRASES matches holds one of these words (lower case, no "i"/"s": str.lower() finds
# them wherever the case-insensitive regex can match); the regex runs only on a text that has one.
ERROR_PHRASE_WORDS = ("thấy", "tồn", "xóa", "thống", "found")
# is_cut: the last text of a cut page is a paragraph stopped mid-sentence.
CUT_PROSE_MIN = 80
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", ")", ":", ";")
ERROR_TITLES = re.compile(
    r"\b(404|403|500|502|503)\b|not found|không tìm thấy|trang không tồn tại|lỗi hệ thống|"
    r"access denied|forbidden|service unavailable|bài viết không tồn tại|"
    r"^\s*(?:lỗi|error)\s*(?:$|[-|–—:])",  # "Lỗi - Công an tỉnh …" (an article may start "Lỗi vi phạm …")
    re.IGNORECASE,
)
# The error message as a whole text of its own (between two tags), wherever it stands on the page: an error page
# served with 200 may show the site's latest news beside it, more text than ERROR_PAGE_MAX_TEXT.  An article
# mentions these words inside its sentences, never as a line alone.
ERROR_LINE = re.compile(
    r">\s*(?:xin lỗi[,.!]?\s*)?(?:"
    r"không tìm thấy (?:trang|bài viết|nội dung|tin bài)(?: (?:bạn )?yêu cầu)?|"
    r"(?:trang|bài viết|nội dung|tin bài|tin tức)(?: bạn (?:tìm kiếm|yêu cầu|truy cập))? không tồn tại"
    r"(?: hoặc đã bị (?:xóa|xoá|gỡ bỏ|gỡ))?|"
    r"(?:the )?page (?:you requested )?(?:could not be|was not|not) found"
    r")\s*[.!]?\s*<",
    re.IGNORECASE,
)


# Words one of which every match of the WAF_MARKERS row contains (case folded):
# the case-insensitive regexes run only on a page that has one (they cost ~5 ms on 20 KB).
WAF_NEEDLES = {"js-cookie-reload": ("document.cookie",), "incapsula": ("incap",),
               "cloudflare": ("cf-browser-verification", "challenge-platform", "just a moment")}


def check_page(text: str, *, content_type: str | None = None) -> None:
    """Raise NotAnArticle when the page is a challenge, truncated or an error."""
    if content_type and "html" not in content_type and "xml" not in content_type:
        raise NotAnArticle("not-html", f"content type {content_type}")
    head = text[:20000].casefold()
    for pattern, name in WAF_MARKERS:
        if not any(needle in head for needle in WAF_NEEDLES[name]):
            continue
        if pattern.search(text[:20000]) and visible_chars(text) < CHALLENGE_MAX_TEXT:
            raise NotAnArticle("waf-challenge", name)
    if is_cut(text):
        raise NotAnArticle("truncated", "the page does not end with </html>")  # see is_cut
    title = re.search(r"<title[^>]*>(.*?)</title>", text[:20000], re.IGNORECASE | re.DOTALL)
    if title and ERROR_TITLES.search(title.group(1)):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.IGNORECASE | re.DOTALL)
        if not (heading and len(heading.group(1)) > 40):
            raise NotAnArticle("error-page", f"title says {title.group(1).strip()[:80]!r}")
    lowered = text.lower()  # for the error tests' word prefilters, lowered once
    said = error_heading(text, lowered) or error_line(text, lowered) or unavailable_message(text, lowered)
    if said:
        raise NotAnArticle("error-page", f"the page says {said[:80]!r}")


def is_cut(text: str) -> bool:
    """A page cut off in transfer, told from a whole page that lacks its closing tags.

    Real pages may end with scripts, comments or nothing after the article.  A
    page with no </body> or </html> near its end is cut when it stops inside a
    tag or a text, or when its last text is a long line of prose that stops
    mid-sentence (the article's paragraph, with no footer after it).
    """
    if re.search(r"</(?:html|body)\s*>", text[-4096:], re.IGNORECASE):
        return False
    tail = text.rstrip()
    if not tail.endswith(">"):
        return True
    if re.search(r"(?:</(?:script|style|noscript)\s*>|-->)$", tail, re.IGNORECASE):
        return False
    shown = [t for t in (" ".join(x.split()) for x in _TAGS.split(_SCRIPTS.sub(" ", tail[-4096:]))) if t]
    last = shown[-1] if shown else ""
    return len(last) >= CUT_PROSE_MIN and not last.endswith(SENTENCE_ENDS)


def error_heading(text: str, lowered: str | None = None) -> str | None:
    """What an error page served with status 200 says: its first heading, or its little text.
    `lowered`: text.lower(); a page without the words of ERROR_HEADINGS (ERROR_PHRASES) has no such heading (text)."""
    lowered = text.lower() if lowered is None else lowered
    heading = re.search(r"<(h[12])[^>]*>(.*?)</\1\s*>", text, re.IGNORECASE | re.DOTALL) \
        if any(word in lowered for word in ERROR_HEADING_WORDS) else None
    if heading:
        said = " ".join(_TAGS.sub(" ", heading.group(2)).split())
        if ERROR_HEADINGS.fullmatch(said):
            return said
    if not any(word in lowered for word in ERROR_PHRASE_WORDS):
        return None
    shown = shown_text(text, ERROR_PAGE_MAX_TEXT)
    if shown is None:  # a page with this much text is no error page
        return None
    lowered = shown.lower()
    if not any(word in lowered for word in ERROR_PHRASE_WORDS):
        return None
    found = ERROR_PHRASES.search(shown)
    return found.group(0) if found else None


# Every ERROR_LINE match holds one of these, in the case of str.lower(): each of their letters matches
# under re.IGNORECASE only itself and its capital (tests/families/test_shown_text.py), both lowered to it
# ("tồn tạ": the "i" after it also matches "ı", which lower() keeps).  Searching the lowered page for
# them costs a third of the case-insensitive regex, which then runs only on a page that has one.
ERROR_LINE_WORDS = ("tìm thấy", "tồn tạ", "found")


def error_line(text: str, lowered: str | None = None) -> str | None:
    """An error message standing alone as a text of its own (ERROR_LINE).  `lowered`: text.lower()."""
    lowered = text.lower() if lowered is None else lowered
    if not any(word in lowered for word in ERROR_LINE_WORDS):
        return None
    found = ERROR_LINE.search(text)
    return " ".join(found.group(0).strip("<>").split()) if found else None


def text_of(node: etree._Element | None) -> str | None:
    """The visible text of a node, whitespace collapsed; None if empty."""
    if node is None:
        return None
    return tree.flat_text(node) or None


def _root(node: Page | etree._Element) -> tuple[etree._Element, bool]:
    return (node.root, True) if isinstance(node, Page) else (node, False)


def select_one(node: Page | etree._Element, css: str) -> etree._Element | None:
    root, document = _root(node)
    return tree.select_one(root, css, document=document)


def select_all(node: Page | etree._Element, css: str, *, limit: int = 0) -> list[etree._Element]:
    """The elements matching css in document order ([] for a selector cssselect rejects)."""
    root, document = _root(node)
    found = tree.select(root, css, document=document)
    return found[:limit] if limit else found


def first_of_each(node: Page | etree._Element, selectors: Iterable[str]) -> Iterator[tuple[str, etree._Element | None]]:
    """(css, select_one(node, css)) for each selector in order (compiled XPath, cached per selector)."""
    for css in selectors:
        yield css, select_one(node, css)


def first_text(node: Page | etree._Element, selectors: Iterable[str]) -> tuple[str, str] | None:
    """(text, selector) for the first selector whose node has text."""
    for css, found in first_of_each(node, selectors):
        text = text_of(found)
        if text:
            return text, css
    return None


def absolute(base: str, href: str | None) -> str | None:
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    url = urljoin(base, href.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


# ---- JSON-LD -------------------------------------------------------------

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "webpage"}


def jsonld_scripts(page: Page) -> list[str]:
    """The text of every <script type=...ld+json...> in document order."""
    return [script.text or "null" for script in page.root.iter("script") if _LD_JSON.search(script.get("type") or "")
            and script.get("type") is not None]


_LD_JSON = re.compile("ld\\+json", re.IGNORECASE)


def jsonld_objects(page: Page) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened; broken blocks skipped."""
    for text in jsonld_scripts(page):
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        yield from _flatten_jsonld(data)


def _flatten_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _flatten_jsonld(data["@graph"])


def jsonld_article(page: Page) -> dict[str, Any] | None:
    """The page's article object; NewsArticle preferred over WebPage."""
    best = None
    for obj in jsonld_objects(page):
        types = obj.get("@type", "")
        names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if names & (ARTICLE_TYPES - {"webpage"}):
            return obj
        if "webpage" in names and best is None and obj.get("datePublished"):
            best = obj
    return best


def jsonld_people(value: Any) -> list[str]:
    """Names from a JSON-LD author value (string, object or list of them)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        return [name.strip()] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for item in value for n in jsonld_people(item)]
    return []


def jsonld_image(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("url") if isinstance(value.get("url"), str) else None
    if isinstance(value, list) and value:
        return jsonld_image(value[0])
    return None


def jsonld_dates(obj: dict[str, Any] | None, key: str) -> tuple[RawDate, ...]:
    value = (obj or {}).get(key)
    return (RawDate(value.strip(), "jsonld"),) if isinstance(value, str) and value.strip() else ()


# ---- meta dates ----------------------------------------------------------

# Meta names that carry the publication time, most reliable first.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
    "dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date",
    # seen on the htmldate/trafilatura evaluation pages (issue 13): Dublin Core with a colon, Swiftype,
    # Shareaholic, bepress
    "dc:date", "publication_date", "shareaholic:article_published_time", "bepress_citation_date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")


def meta_dates(page: Page, names: Iterable[str]) -> tuple[RawDate, ...]:
    found = meta_content(page, *names)
    return (RawDate(found[0], "meta"),) if found else ()

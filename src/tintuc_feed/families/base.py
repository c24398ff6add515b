"""What every family shares: parsing, JSON-LD and meta lookups, page checks.

Everything here is a pure function of its arguments: no I/O, no clock.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from soupsieve import SelectorSyntaxError

from ..model import RawDate


class NotAnArticle(Exception):
    """The page is not an article (WAF challenge, truncated, error page…).

    The reason is a short machine-friendly word first ("waf-challenge",
    "truncated", "error-page", "no-content"), then a human explanation.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def parse_html(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():  # a feed or JSON body read as HTML is expected here
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


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
_SCRIPTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def visible_chars(text: str) -> int:
    """How many non-space characters the page shows (scripts, styles and tags left out)."""
    shown = _TAGS.sub(" ", _SCRIPTS.sub(" ", text))
    return len(re.sub(r"\s+", "", shown))


ERROR_TITLES = re.compile(
    r"\b(404|403|500|502|503)\b|not found|không tìm thấy|trang không tồn tại|lỗi hệ thống|"
    r"access denied|forbidden|service unavailable|bài viết không tồn tại",
    re.IGNORECASE,
)


def check_page(text: str, *, content_type: str | None = None) -> None:
    """Raise NotAnArticle when the page is a challenge, truncated or an error."""
    if content_type and "html" not in content_type and "xml" not in content_type:
        raise NotAnArticle("not-html", f"content type {content_type}")
    for pattern, name in WAF_MARKERS:
        if pattern.search(text[:20000]) and visible_chars(text) < CHALLENGE_MAX_TEXT:
            raise NotAnArticle("waf-challenge", name)
    if not re.search(r"</html\s*>", text[-4096:], re.IGNORECASE):
        raise NotAnArticle("truncated", "the page does not end with </html>")
    title = re.search(r"<title[^>]*>(.*?)</title>", text[:20000], re.IGNORECASE | re.DOTALL)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.IGNORECASE | re.DOTALL)
    if title and ERROR_TITLES.search(title.group(1)) and not (heading and len(heading.group(1)) > 40):
        raise NotAnArticle("error-page", f"title says {title.group(1).strip()[:80]!r}")


def text_of(node: Tag | None) -> str | None:
    """The visible text of a node, whitespace collapsed; None if empty."""
    if node is None:
        return None
    text = " ".join(node.get_text(" ", strip=True).split())
    return text or None


def select_one(soup: BeautifulSoup | Tag, css: str) -> Tag | None:
    return next(iter(select_all(soup, css, limit=1)), None)


def select_all(soup: BeautifulSoup | Tag, css: str, *, limit: int = 0) -> list[Tag]:
    """soup.select(css) (None/[] for a selector soupsieve rejects); simple selectors pre-filtered.

    See first_of_each: soupsieve decides every element a simple selector's
    cheap test lets through, so the nodes and their order are select()'s.
    """
    check = _necessary(css)
    try:
        if check is None:
            return soup.select(css, limit=limit)
        return _matching(soup.css.compile(css), check, _elements(soup), limit)
    except (SelectorSyntaxError, ValueError, NotImplementedError):  # soupsieve rejects some selectors late
        return []


def _elements(root: BeautifulSoup | Tag) -> Iterator[Tag]:
    return (node for node in root.descendants if isinstance(node, Tag))


def _matching(pattern, check, elements: Iterable[Tag], limit: int = 0) -> list[Tag]:
    found = []
    for node in elements:
        if check(node) and pattern.match(node):
            found.append(node)
            if len(found) == limit:
                break
    return found


def first_of_each(root: BeautifulSoup | Tag, selectors: Iterable[str]) -> Iterator[tuple[str, Tag | None]]:
    """(css, select_one(root, css)) for each selector in order, the same nodes, at a fraction of the cost.

    Lists of selectors tried in turn (content containers, author and date
    elements) are where extraction spent its time: soupsieve's select_one runs
    its full matcher on every element of the page, and a selector that matches
    nothing -- most of each list, on any one site -- visits them all.  For a
    simple selector (tag, .class, #id, [attr...] and compounds of them) a cheap
    test that every match must pass (the tag name, a class token, the id, the
    attribute's presence, compared case-insensitively) picks the few elements
    worth asking soupsieve about; soupsieve still decides each one, so the
    result is select_one's.  Other selectors go to select_one unchanged.
    Elements are listed lazily, once per call; read the results before changing
    the tree (callers decompose a node, then stop).
    """
    elements: list[Tag] | None = None
    for css in selectors:
        check = _necessary(css)
        if check is None:
            yield css, select_one(root, css)
            continue
        try:
            pattern = root.css.compile(css)
        except (SelectorSyntaxError, ValueError, NotImplementedError):
            yield css, None
            continue
        if elements is None:
            elements = list(_elements(root))
        yield css, next(iter(_matching(pattern, check, elements, limit=1)), None)


_SIMPLE_CSS = re.compile(r"(?P<tag>[A-Za-z][\w-]*)?(?P<rest>(?:[.#][A-Za-z_][\w-]*|\[[A-Za-z_][\w-]*(?:[~|^$*]?=[^\]\\]*)?\])*)")
_SIMPLE_PART = re.compile(r"([.#])([\w-]+)|\[([\w-]+)")


@cache
def _necessary(css: str):
    """A test every element matching `css` passes, for simple selectors; None for the others."""
    css = css.strip()
    found = _SIMPLE_CSS.fullmatch(css)
    if not css or found is None:
        return None
    tag = (found["tag"] or "").lower()
    classes, ids, attrs = [], [], []
    for kind, name, attr in _SIMPLE_PART.findall(found["rest"] or ""):
        (attrs if attr else classes if kind == "." else ids).append((attr or name).lower())

    def check(node: Tag) -> bool:
        if tag and node.name.lower() != tag:
            return False
        if classes:
            value = node.get("class") or []
            tokens = {c.lower() for c in (value.split() if isinstance(value, str) else value)}
            if not all(c in tokens for c in classes):
                return False
        if ids and (node.get("id") or "").lower() not in ids:
            return False
        return not attrs or all(any(k.lower() == a for k in node.attrs) for a in attrs)
    return check


def first_text(soup: BeautifulSoup | Tag, selectors: Iterable[str]) -> tuple[str, str] | None:
    """(text, selector) for the first selector whose node has text."""
    for css, node in first_of_each(soup, selectors):
        found = text_of(node)
        if found:
            return found, css
    return None


def meta_content(soup: BeautifulSoup, *names: str) -> tuple[str, str] | None:
    """(content, name) of the first <meta property|name|itemprop=name>.

    For each name, then each attribute, only the first <meta> in document order
    that carries it counts (an empty content there moves on to the next
    attribute).  The <meta> elements are collected once per call: a find() per
    name and attribute walked the whole tree up to 30 times (benchmarks/bench_extract.py).
    """
    metas = soup.find_all("meta")
    if not metas:
        return None
    for name in names:
        pattern = _meta_name_re(name)
        for attr in ("property", "name", "itemprop"):
            node = next((m for m in metas if _attr_matches(m.get(attr), pattern)), None)
            if node and node.get("content", "").strip():
                return node["content"].strip(), name
    return None


@cache
def _meta_name_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}$", re.IGNORECASE)


def _attr_matches(value, pattern: re.Pattern[str]) -> bool:
    """bs4's attribute test: a string value, or any item (or the joined value) of a multi-valued one."""
    if value is None:
        return False
    if isinstance(value, str):
        return pattern.search(value) is not None
    return any(pattern.search(v) for v in value) or pattern.search(" ".join(value)) is not None


def absolute(base: str, href: str | None) -> str | None:
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    url = urljoin(base, href.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


# ---- JSON-LD -------------------------------------------------------------

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "webpage"}


def jsonld_objects(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened; broken blocks skipped."""
    for script in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.IGNORECASE)}):
        try:
            data = json.loads(script.string or script.get_text() or "null", strict=False)
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


def jsonld_article(soup: BeautifulSoup) -> dict[str, Any] | None:
    """The page's article object; NewsArticle preferred over WebPage."""
    best = None
    for obj in jsonld_objects(soup):
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
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")


def meta_dates(soup: BeautifulSoup, names: Iterable[str]) -> tuple[RawDate, ...]:
    found = meta_content(soup, *names)
    return (RawDate(found[0], "meta"),) if found else ()


def time_dates(soup: BeautifulSoup) -> tuple[RawDate, ...]:
    """<time datetime> inside the article, or the first on the page."""
    node = select_one(soup, "article time[datetime]") or soup.find("time", attrs={"datetime": True})
    if node and node["datetime"].strip():
        return (RawDate(node["datetime"].strip(), "time"),)
    return ()

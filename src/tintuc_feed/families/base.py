"""What every family shares: parsing, selecting, JSON-LD and meta lookups (page checks: page_checks.py).

Everything here is a pure function of its arguments: no I/O, no clock.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import unquote_plus, urlsplit

from lxml import etree

from ..model import RawDate
from ..url_join import fast_join, join_url
from ..urls import is_tracking_param
from . import selector_index, tree
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


def possible(node: Page | etree._Element, selectors: Iterable[str]) -> tuple[str, ...]:
    """The selectors, in order, that the page's index does not rule out (selector_index.possible): a reader
    looping over a table of selectors runs only these; the others find nothing."""
    return selector_index.possible(_root(node)[0], selectors if isinstance(selectors, tuple) else tuple(selectors))


def first_of_each(node: Page | etree._Element, selectors: Iterable[str]) -> Iterator[tuple[str, etree._Element | None]]:
    """(css, select_one(node, css)) for each selector in order (compiled XPath, cached per selector; None
    without a run for a selector the page's index rules out)."""
    selectors = selectors if isinstance(selectors, tuple) else tuple(selectors)
    kept = possible(node, selectors)
    for css in selectors:
        yield css, (select_one(node, css) if css in kept else None)


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
    href = href.strip()
    fast = fast_join(base, href)  # the usual shapes of href, without urljoin (url_join.py's table)
    if fast is not None:
        return fast
    url = join_url(base, href)  # None: an href that is no URL ("http://[bad")
    return url if url is not None and urlsplit(url).scheme in ("http", "https") else None


def link_url(base: str, href: str | None) -> str | None:
    """An article link as a list reads it: absolute, without its fragment ("#comments", "#respond") and without
    tracking parameters (urls.TRACKING_PARAMS: utm_*, ref, fbclid …), so the variants of one article a list shows
    (the pinned story's "?utm_source=home", the comment count's "#binh-luan") are one link.  The other parameters
    keep their order ("NewsDetail.aspx?CatID=12&NewsID=7821")."""
    url = absolute(base, href)
    if url is None or ("?" not in url and "#" not in url):  # most links: nothing to drop
        return url
    parts = urlsplit(url.split("#", 1)[0])
    if not parts.query:
        return parts.geturl()
    kept = [p for p in parts.query.split("&") if p and not is_tracking_param(unquote_plus(p.split("=", 1)[0]))]
    return parts._replace(query="&".join(kept)).geturl()


def link_base(node: Page | etree._Element, url: str) -> str:
    """The URL the page's relative links are read against, as a browser reads them: the page's <base href>
    (itself read against the page's URL) when its <head> has one, else the page's URL."""
    root = node.root if isinstance(node, Page) else node.getroottree().getroot()
    head = root.find("head")
    base = head.find("base") if head is not None else None
    href = (base.get("href") or "").strip() if base is not None else ""
    joined = join_url(url, href) if href else None
    return joined if joined and urlsplit(joined).scheme in ("http", "https") else url


# ---- JSON-LD -------------------------------------------------------------

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "webpage"}


def jsonld_scripts(page: Page) -> list[str]:
    """The text of every <script type=...ld+json...> in document order."""
    return [script.text or "null" for script in page.elements("script") if _LD_JSON.search(script.get("type") or "")
            and script.get("type") is not None]


_LD_JSON = re.compile("ld\\+json", re.IGNORECASE)


def load_json(text: str) -> Any:
    """json.loads(text, strict=False); ValueError for a block that does not parse, nesting too deep
    included (json raises RecursionError past Python's recursion limit: "[[[[…" on a hostile page)."""
    try:
        return json.loads(text, strict=False)
    except RecursionError as exc:
        raise ValueError("JSON nested too deep") from exc


def jsonld_objects(page: Page) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened; broken blocks skipped."""
    for text in jsonld_scripts(page):
        try:
            data = load_json(text)
        except ValueError:
            continue
        yield from _flatten_jsonld(data)


JSONLD_MAX_DEPTH = 8  # lists and @graphs inside one another flattened (real pages: 2)


def _flatten_jsonld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > JSONLD_MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _flatten_jsonld(data["@graph"], depth + 1)


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

"""CMS families: the modules that know how a kind of site writes its pages.

Each family module offers three pure functions:

    start_urls(source) -> list[str]                      the first list requests
    parse_list(url, text, source) -> ListPage            article links + more list pages
    parse_article(url, text, source, hints) -> RawArticle

and may set RAW_PAGES = True (its bodies are not HTML: it checks them itself)
and LIST_STEP_PAGES = True (a list page without links is normal for it).

`extract_article` is what callers use: it checks the page, runs the family,
lets the source's own CSS selectors take precedence, and falls back to the
generic family (marking the result degraded) when the family finds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from importlib import import_module
from types import ModuleType

from ..model import ListPage, RawArticle
from ..normalize.text import remove_illegal_xml_chars
from .base import NotAnArticle
from .closed_pages import empty_list_message
from .page import Page
from .page_checks import check_page
from .selectors import body_given, has_article_selectors, merge_selectors, read_selectors
from .signed_date import with_signed_date

# family name (the sources file's `family` key) -> module name
FAMILY_MODULES = {
    "generic": "generic",
    "bocongan": "bocongan",
    "cand": "cand",
    "dnn-cmsview": "dnn_cmsview",
    "vhv": "vhv",
    "wordpress": "wordpress",
}
FAMILY_NAMES = frozenset(FAMILY_MODULES)

__all__ = ["FAMILY_NAMES", "NotAnArticle", "extract_article", "get_family", "parse_list", "start_urls"]


def get_family(name: str) -> ModuleType:
    if name not in FAMILY_MODULES:
        raise KeyError(f"unknown family {name!r}")
    return import_module(f"{__name__}.{FAMILY_MODULES[name]}")


def start_urls(source) -> list[str]:
    family = get_family(source.family)
    return list(family.start_urls(source)) if hasattr(family, "start_urls") else list(source.list_urls)


def parse_list(source, url: str, text: str) -> ListPage:
    """The family's reading of a list page (see _parse_list); a page holding characters XML forbids is
    read again without them (readable_text)."""
    try:
        return _parse_list(source, url, text)
    except ValueError:
        clean = readable_text(text)
        if clean == text:
            raise
        return _parse_list(source, url, clean)


def readable_text(text: str) -> str:
    """The page without the characters XML 1.0 forbids (a stray backspace or vertical tab pasted from a
    word processor), as a browser shows it: not at all, a form feed as a space (HTML's white space).
    lxml's parser keeps them in the tree, and the first text or tail a reader sets with one raises
    ValueError; reading pages again only then costs nothing on the others (a scan for them would cost a
    third of the parse)."""
    return remove_illegal_xml_chars(text.replace("\x0c", " "))


# Invisible characters pasted inside words: a soft hyphen, zero-width spaces and joiners, a word joiner, a
# byte order mark in mid-page, the combining grapheme joiner spam mirrors interleave ("C\u034fô\u034fn\u034fg\u034f",
# research 8.3).  A browser shows "Chia\u00adsẻ" as "Chia sẻ" and normalization drops them from every field,
# but the readers' tables (boilerplate lines, byline labels, date words) read the page's own text: a box of
# share buttons stayed in the body.  Seven substring tests on a page that holds none (~1 % of a parse).
INVISIBLE_IN_WORDS = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u034f")


def visible_text(text: str) -> str:
    """The page without INVISIBLE_IN_WORDS, as a reader sees its words."""
    for char in INVISIBLE_IN_WORDS:
        if char in text:
            text = text.replace(char, "")
    return text


def _parse_list(source, url: str, text: str) -> ListPage:
    """The family's reading of a list page; generic links when it finds none.

    A page that yields no article link at all is reported in `problem`
    ("no-links: ..."), so the crawl counts it, unless the family says such
    pages are steps towards the list (LIST_STEP_PAGES: DNN's category page
    only names the JSON API; an empty API page ends the list).
    """
    family = get_family(source.family)
    text = visible_text(text)
    if not getattr(family, "RAW_PAGES", False) and not _looks_like_feed(text):
        try:
            check_page(text)
        except NotAnArticle as exc:  # a WAF challenge, a truncated or an error page is not a list either
            return ListPage(problem=str(exc))
        if empty := empty_list_message(text):  # "Chưa có bài viết": the links beside it are side boxes
            return ListPage(problem=f"no-links: the list page says {empty[:80]!r}")
    page = family.parse_list(url, text, source)
    if page.articles or page.problem or getattr(family, "LIST_STEP_PAGES", False):
        return page
    if source.family != "generic":  # the family may have changed its tree: generic reads the page afresh
        generic = get_family("generic").parse_list(url, text, source)
        if generic.articles:
            return replace(generic, problem="degraded: family list parser found nothing; generic links used")
    return replace(page, problem="no-links: the list page has no article links")


def _looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<?xml", "<rss", "<feed"))


def extract_article(
    source, url: str, text: str, *, hints: Mapping[str, str] | None = None, content_type: str | None = None
) -> RawArticle:
    """Read one article page; raise NotAnArticle for pages that are not one.

    A page holding characters XML forbids is read again without them (readable_text)."""
    try:
        return _extract_article(source, url, text, hints=hints, content_type=content_type)
    except ValueError:
        clean = readable_text(text)
        if clean == text:
            raise
        return _extract_article(source, url, clean, hints=hints, content_type=content_type)


def _extract_article(
    source, url: str, text: str, *, hints: Mapping[str, str] | None = None, content_type: str | None = None
) -> RawArticle:
    hints = dict(hints or {})
    family = get_family(source.family)
    text = visible_text(text)
    if not getattr(family, "RAW_PAGES", False):  # JSON API families check their own bodies
        check_page(text, content_type=content_type)
    page = Page(text) if not getattr(family, "RAW_PAGES", False) else text
    # One parse: each reader removes what it has read, so the source's own
    # selectors read a copy of the tree, made before the family changes it.
    # They read it first: a body they find replaces the family's, so the
    # generic reader need not put its own body to trafilatura's vote.
    readings = None
    if has_article_selectors(source):
        readings = read_selectors(url, page.copy() if isinstance(page, Page) else text, source)
    skip = SKIP_GIVEN_BODY and body_given(readings)
    raw = _parse(family, url, page, source, hints, skip)
    if readings is not None:
        raw = merge_selectors(raw, readings)
    if source.family != "generic" and not (raw.title and raw.body_html):
        raw = _fall_back(raw, _parse(get_family("generic"), url, text, source, hints, skip))
    raw = with_signed_date(raw)  # "Nguyễn Văn A (20/11/2025)": the name is the byline, the day a date
    if not raw.title or not raw.body_html:
        missing = "title" if not raw.title else "body"
        raise NotAnArticle("no-content", f"no {missing} found")
    return raw


# A family that can leave out work on a body the source's selector replaces takes `body_given`
# (generic: no trafilatura vote).  Off, every reader runs in full: tests compare both ways.
SKIP_GIVEN_BODY = True


def _parse(family: ModuleType, url: str, page, source, hints: dict, body_given: bool) -> RawArticle:
    if body_given and getattr(family, "TAKES_BODY_GIVEN", False):
        return family.parse_article(url, page, source, hints, body_given=True)
    return family.parse_article(url, page, source, hints)


def _fall_back(raw: RawArticle, generic: RawArticle) -> RawArticle:
    """Fill what the family missed from the generic reading, marked degraded."""
    filled = {
        name: getattr(generic, name)
        for name in ("title", "dates", "byline", "body_html", "summary", "image", "canonical_url")
        if not getattr(raw, name) and getattr(generic, name)
    }
    own = tuple(d for d in generic.dates if d.origin != "url")
    if raw.dates and own and all(d.origin == "url" for d in raw.dates):  # the family read only its URL
        filled["dates"] = own + raw.dates
    keys = set(filled) | ({"date"} if "dates" in filled else set())
    matched = dict(raw.matched)
    matched.update({k: f"generic:{v}" for k, v in generic.matched.items() if k in keys})
    return replace(raw, **filled, matched=matched, degraded=bool(filled) or raw.degraded)

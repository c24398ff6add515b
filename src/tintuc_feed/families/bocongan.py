"""bocongan.gov.vn (= mps.gov.vn), the Ministry portal since 2025.

Evidence: research/sources.md 1.1-1.3 (fid:55093988597, fid:70607919845,
fid:17577159325, fid:70758657763).

    list     /chuyen-muc/<slug>: article.card-large in the main column
             (div.lg:col-span-8); the sidebar (div.lg:col-span-4, card-medium,
             card-small) is site-wide and ignored.  Only page 1 can be
             fetched (pagination URLs get an Incapsula challenge).
             Or the RSS feed /api/rss/<id>.xml: item link, title, pubDate.
    article  /bai-viet/<slug>-<10-digit epoch id> or the migrated
             /bai-viet/<slug>-d<n>-t<old id>; exactly one h1; the lead is the
             p after it (p.text-bca-gray-700); body .tinymce-content; date in
             JSON-LD datePublished (UTC), no article:published_time; visible
             date p.text-bca-gray-400; byline <meta name="author">.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice

from lxml.etree import _Element as Tag

from ..model import ArticleLink, ListPage, RawArticle, RawDate
from . import byline_above, common, feeds, tree
from .base import (
    jsonld_objects,
    link_url,
    meta_content,
    meta_dates,
    parse_html,
    select_all,
    select_one,
    text_of,
)
from .page import Page

LIST_ITEMS = ("article.card-large", "div.card-large")
SIDEBAR = r"div.lg\:col-span-4, .card-medium, .card-small"
MAIN_COLUMN = r"div.lg\:col-span-8"
ARTICLE_PATH = re.compile(r"/bai-viet/[^/?#]+-(?:\d{10}|d\d+-t\d+)/?$")
TITLE = ("h1",)
LEAD = (r"p.font-medium.text-bca-gray-700", "p.text-justify.text-bca-gray-700", "p.text-bca-gray-700", "p.sapo")
BODY = (".tinymce-content", "[itemprop=articleBody]")
VISIBLE_DATE = ("p.text-bca-gray-400", ".text-bca-gray-400")
LIST_DATE = "span.text-bca-gray-700"


def start_urls(source) -> list[str]:
    return list(source.list_urls)


# ---- list pages -------------------------------------------------------------

def parse_list(url: str, text, source) -> ListPage:
    raw = text.text if isinstance(text, Page) else text
    if feeds.is_feed(raw):
        return ListPage(articles=tuple(feeds.feed_links(url, raw, source)))
    soup = parse_html(text)
    for node in select_all(soup, SIDEBAR):
        tree.remove(node)
    items = [n for css in LIST_ITEMS for n in select_all(soup, css)]
    if not items:  # the cards lost their class: any <article> of the main column
        main = select_one(soup, MAIN_COLUMN)
        main = soup.root if main is None else main
        items = [a for a in main.iterdescendants("article") if any(
            ARTICLE_PATH.search(link.get("href") or "") for link in a.iterdescendants("a") if link.get("href") is not None)]
    links = {}
    for item in items:
        link = _card_link(item, url, source)
        if link and link.url not in links:
            links[link.url] = link
    return ListPage(articles=tuple(links.values()))


def _card_link(item: Tag, base: str, source) -> ArticleLink | None:
    for a in item.iterdescendants("a"):
        if a.get("href") is None:
            continue
        href = link_url(base, a.get("href"))
        if href and (source.article_re.search(href) or ARTICLE_PATH.search(href)):
            return ArticleLink(href, hints=_card_hints(item, a))
    return None


def _card_hints(item: Tag, link: Tag) -> dict[str, str]:
    hints: dict[str, str] = {}
    title = text_of(tree.find(item, "h2", "h3", "h4")) or link.get("title") or text_of(link)
    if title:
        hints["title"] = title
    summary = next((text_of(p) for p in item.iterdescendants("p") if text_of(p) and text_of(p) != title), None)
    if summary:
        hints["summary"] = summary
    date = text_of(select_one(item, LIST_DATE)) or text_of(tree.find(item, "time"))
    if date:
        hints["date"] = date
    return hints


# ---- article pages ----------------------------------------------------------

def parse_article(url: str, text, source, hints: Mapping[str, str]) -> RawArticle:
    soup = parse_html(text)
    matched: dict[str, str] = {}
    for node in select_all(soup, SIDEBAR):
        tree.remove(node)
    title = common.read_text(soup, TITLE, "title", matched) or _og_title(soup, matched)
    summary = _lead(soup, matched)
    dates = _dates(soup, url, hints, matched, title)
    found = common.first_node(soup, BODY, min_chars=20)
    container = found[0] if found else None
    if found:
        matched["body"] = f"css:{found[1]}"
    line = common.take_byline(soup, (), container, {}) if container is not None else None
    byline = common.meta_byline(soup, matched) or line
    if byline and byline == line:
        matched["authors"] = "layout:byline-line"
    body = common.clean_body(container, soup) if container is not None else None
    return common.raw_article(
        url, soup, container, title=title, dates=dates, modified=_modified(soup), byline=byline, body_html=body,
        summary=summary or common.summary_fallback(soup, hints), matched=matched,
    )


def _og_title(soup: Page, matched: dict[str, str]) -> str | None:
    found = meta_content(soup, "og:title")
    if found:
        matched["title"] = "meta:og:title"
        return found[0]
    return None


def _lead(soup: Page, matched: dict[str, str]) -> str | None:
    """The lead paragraph: the styled p, else the first p after the h1 outside the body."""
    for css in LEAD:
        for node in select_all(soup, css):
            if tree.find_parent(node, class_="tinymce-content") is None and text_of(node):
                matched["summary"] = f"css:{css}"
                return text_of(node)
    h1 = next(soup.root.iter("h1"), None)
    for node in list(islice(tree.elements_from(h1, "p"), 4)) if h1 is not None else []:
        classes = " ".join(tree.classes(node))
        if tree.find_parent(node, class_="tinymce-content") is not None or "gray-400" in classes:
            break
        if text_of(node):
            matched["summary"] = "layout:p-after-h1"
            return text_of(node)
    return None


def _jsonld_value(soup: Page, key: str) -> tuple[RawDate, ...]:
    for obj in jsonld_objects(soup):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return (RawDate(value.strip(), "jsonld"),)
    return ()


def _shown_date(soup: Page, title: str | None) -> tuple[str, str] | None:
    """The old SharePoint article's labelled date line above the title ("Cập nhật lúc 15:47 ngày 08/05/2019" in
    the web part's first div, sources.md §1.2).  A date line after the title is the generic reader's, asked when
    the family finds no date (families.extract_article)."""
    above = byline_above.labelled_date_above(soup, title)
    return (above[0], "layout:date-above") if above else None


def _dates(soup: Page, url: str, hints: Mapping[str, str], matched: dict[str, str],
           title: str | None = None) -> tuple[RawDate, ...]:
    found = list(_jsonld_value(soup, "datePublished"))
    found += meta_dates(soup, ("article:published_time", "datePublished", "pubdate"))
    visible = common.read_text(soup, VISIBLE_DATE, "visible-date", {})
    if visible:
        found.append(RawDate(visible, "text"))
    shown = None if visible or found else _shown_date(soup, title)
    if shown:
        found.append(RawDate(shown[0], "text"))
    found += common.hint_date(hints)
    if found:
        text_rule = shown[1] if shown else "css:p.text-bca-gray-400"
        matched["date"] = {"jsonld": "jsonld.datePublished", "meta": "meta", "text": text_rule}.get(
            found[0].origin, "list-hint")
    if ARTICLE_PATH.search(url):
        found.append(RawDate(url, "url"))  # the 10-digit id is the publication instant
    return tuple(found)


def _modified(soup: Page) -> tuple[RawDate, ...]:
    return _jsonld_value(soup, "dateModified") or meta_dates(soup, ("article:modified_time",))

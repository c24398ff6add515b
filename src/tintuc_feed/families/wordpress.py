"""congan.quangtri.gov.vn: WordPress with the tagDiv "Newspaper" theme.

Evidence: research/sources.md 4.4 (scraper fid:2551742619); the feed is
WordPress's own (/feed/, /category/<slug>/feed/), inferred, not verified.

    list     /category/<slug>/ (and /page/N/): items .td-block-span6,
             .td-module-container, article.td-post, .item-details; links
             h3.entry-title a / .td-module-title a; excerpt .td-excerpt.
             Or the WordPress RSS feed, when a list URL is one.  An HTML list
             with no items that advertises a feed (<link rel=alternate
             type=application/rss+xml>) leads to that feed.
    article  h1.entry-title; body .td-post-content (fallback .entry-content);
             date time.entry-date[datetime]; author .td-post-author-name;
             og:image; the sharing/tags/next-prev boxes removed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from ..model import ListPage, RawArticle, RawDate
from . import byline_lines, common, feeds, pager
from .base import (
    absolute,
    jsonld_article,
    jsonld_dates,
    meta_dates,
    parse_html,
    select_all,
    select_one,
    text_of,
)
from .page import Page

LIST_ITEMS = (".td-block-span6", ".td-module-container", "article.td-post", ".item-details", "article.post",
              ".td_module_wrap")
LIST_LINKS = "h3.entry-title a[href], .td-module-title a[href], .entry-title a[href]"
TITLE = ("h1.entry-title", ".td-post-title h1", "h1")
BODY = (".td-post-content", ".entry-content", "article .post-content")
AUTHOR = (".td-post-author-name a", ".td-post-author-name", ".author.vcard a", "a[rel=author]", ".entry-author")
SUMMARY = (".td-post-sub-title",)
REMOVE = (".td-post-sharing", ".td-post-sharing-top", ".td-post-sharing-bottom", ".td-post-source-tags",
          ".td-post-next-prev", ".td-author-name", ".td-a-rec", ".td-g-rec", ".sharedaddy", ".jp-relatedposts",
          ".td_block_related_posts", ".td-post-featured-image", ".wp-block-buttons")
TEXT_DATE = (".td-post-date", ".entry-date", ".posted-on")
PAGE_RE = re.compile(r"/page/(\d+)/?$")
WP_NON_AUTHORS = re.compile(r"^(?:admin|administrator|quản trị(?: viên)?|ban biên tập|biên tập viên)$", re.IGNORECASE)


def start_urls(source) -> list[str]:
    return list(source.list_urls)


def parse_list(url: str, text, source) -> ListPage:
    raw = text.text if isinstance(text, Page) else text
    if feeds.is_feed(raw):
        return ListPage(articles=tuple(feeds.feed_links(url, raw, source)), next_urls=_feed_next(url, raw))
    soup = parse_html(text)
    items = common.outside_sidebars(n for css in LIST_ITEMS for n in select_all(soup, css))
    links = common.links_in(items, url, source, LIST_LINKS) or common.links_in(
        common.outside_sidebars(select_all(soup, LIST_LINKS)), url, source)
    if not links:
        feed = next((n for n in soup.root.iter("link")
                     if n.get("type") == "application/rss+xml" and n.get("href") is not None), None)
        return ListPage(next_urls=(absolute(url, feed.get("href")),) if feed is not None else ())
    return ListPage(articles=tuple(links), next_urls=tuple(_next_pages(soup, url, source)))


def _feed_next(url: str, text: str) -> tuple[str, ...]:
    """WordPress feeds page with ?paged=N; only when the feed says there is more (rel=next)."""
    match = re.search(r"<atom:link[^>]+rel=[\"']next[\"'][^>]*href=[\"']([^\"']+)", text)
    return (absolute(url, match[1]),) if match else ()


def _next_pages(soup, url: str, source) -> list[str]:
    """rel=next / a "next" link, else the pager's link to page N+1."""
    found = pager.next_pages(soup, url, source)
    if found:
        return found[:1]
    match = PAGE_RE.search(urlsplit(url).path)
    wanted = f"/page/{int(match[1]) + 1 if match else 2}/"
    for a in select_all(soup, ".page-nav a[href], .pagination a[href], .nav-links a[href], a.page[href]"):
        href = absolute(url, a.get("href"))
        if href and urlsplit(href).path.endswith(wanted):
            return [href]
    return []


def parse_article(url: str, text, source, hints: Mapping[str, str]) -> RawArticle:
    soup = parse_html(text)
    matched: dict[str, str] = {}
    title = common.read_text(soup, TITLE, "title", matched)
    summary = common.read_text(soup, SUMMARY, "summary", matched)
    dates = _dates(soup, hints, matched)
    found = common.first_node(soup, BODY, min_chars=20)
    container = found[0] if found else None
    if found:
        matched["body"] = f"css:{found[1]}"
        common.remove_all(container, REMOVE)
    byline = _byline(soup, container, matched)
    body = common.clean_body(container, soup, REMOVE) if container is not None else None
    return common.raw_article(
        url, soup, container, title=title, dates=dates, modified=_modified(soup), byline=byline, body_html=body,
        summary=summary or common.summary_fallback(soup, hints), matched=matched,
    )


def _byline(soup, container, matched: dict[str, str]) -> str | None:
    """The journalist's name line that ends the body, else the WordPress author (not "admin")."""
    if container is not None:
        line = byline_lines.take_byline_line(container)
        if line:
            matched["authors"] = "layout:byline-line"
            return line
    for css in AUTHOR:
        name = text_of(select_one(soup, css))
        if name:
            name = re.sub(r"^(?:By|Bởi|Tác giả:?)\s+", "", name).strip(" -")
            if name and not WP_NON_AUTHORS.match(name):
                matched["authors"] = f"css:{css}"
                return name
    return None


def _dates(soup, hints: Mapping[str, str], matched: dict[str, str]) -> tuple[RawDate, ...]:
    obj = jsonld_article(soup)  # Yoast writes a @graph with the article's datePublished
    found = list(jsonld_dates(obj, "datePublished"))
    found += meta_dates(soup, ("article:published_time",))
    node = select_one(soup, "time.entry-date[datetime], .td-post-date time[datetime], time[datetime]")
    if node is not None and node.get("datetime").strip():
        found.append(RawDate(node.get("datetime").strip(), "time"))
    text = common.read_text(soup, TEXT_DATE, "visible-date", {})
    if text:
        found.append(RawDate(text, "text"))
    found += common.hint_date(hints)
    if found:
        matched["date"] = {"jsonld": "jsonld.datePublished", "meta": "meta:article:published_time",
                           "time": "time.entry-date[datetime]", "text": "css:.td-post-date"}.get(found[0].origin, "list")
    return tuple(found)


def _modified(soup) -> tuple[RawDate, ...]:
    return jsonld_dates(jsonld_article(soup), "dateModified") or meta_dates(soup, ("article:modified_time",))

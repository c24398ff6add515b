"""cand.com.vn, the Công an Nhân dân newspaper (UIkit layout, 2021 and later).

Evidence: research/sources.md 3.1-3.4 (spider fid:32410637539, page-N
crawler fid:53153262544, older readers fid:9598520068, fid:10405902130).

    list     /<category>/ and /<category>/page-N/; article links are
             /<Category>/<slug>-i<id>/ (div.box-title > a in blocks).  The next
             page is the page's own pager link when it has one (the legacy
             subdomains' .paging li.next > a), else /page-N+1/.
    article  h1; lead div.box-des-detail(.this-one) > p; body
             div.detail-content-body with the related boxes
             (div.contref.simplebox.*) removed; byline div.box-author >
             strong; JSON-LD: the second-to-last ld+json block holds
             datePublished as "1/12/2023 7:56:00 AM" (US order, local time).
             The older layouts' selectors (.box-widget.*, .detail-*) follow as
             fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

from ..model import ListPage, RawArticle, RawDate
from . import common, layout, tree
from .base import jsonld_scripts, load_json, meta_dates, parse_html, select_all
from .page import Page
from .pager import next_pages

PAGE_RE = re.compile(r"/page-(\d+)/?$")
NAV_NOISE = "header, footer, nav, .uk-navbar, li.parent-menu, div.cate-main, ul.uk-breadcrumb"
TITLE = ("h1.box-title-detail", ".box-title-detail h1", "h1", ".detail-title", ".featurebody > h1")
LEAD = ("div.box-des-detail.this-one", "div.box-des-detail", ".box-widget.desnews", ".detail-desc", ".sapo")
BODY = ("div.detail-content-body", ".box-widget.post-content", ".detail-content", ".post-content")
AUTHOR = ("div.box-author strong", "div.box-author", ".aliaspost", ".detail-auth")
DATE = (".box-date", ".box-widget.timepost", ".detail-timer", ".timepost", ".time-post", ".box-time",
        ".date-time", ".time")
REMOVE = ("div.contref", ".contref", ".simplebox", "ul.contref", ".box-author", ".box-des-detail", ".box-tag",
          ".box-share", ".uk-breadcrumb", ".box-relate", ".box-related")


def start_urls(source) -> list[str]:
    return list(source.list_urls)


def parse_list(url: str, text, source) -> ListPage:
    soup = parse_html(text)
    for node in select_all(soup, NAV_NOISE):
        tree.remove(node)
    anchors = [a for a in soup.root.iter("a") if a.get("href") is not None]
    links = common.links_in(common.outside_sidebars(anchors) or anchors, url, source)
    pager = [u for u in next_pages(soup, url, source) if "#" not in u]  # the page's own "›" (antg .paging)
    return ListPage(articles=tuple(links), next_urls=tuple(pager or [next_page(url)]) if links else ())


def next_page(url: str) -> str:
    """/<category>/ -> /<category>/page-2/; /page-N/ -> /page-N+1/."""
    parts = urlsplit(url)
    path = parts.path
    match = PAGE_RE.search(path)
    if match:
        path = path[: match.start()] + f"/page-{int(match[1]) + 1}/"
    else:
        path = path.rstrip("/") + "/page-2/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def parse_article(url: str, text, source, hints: Mapping[str, str]) -> RawArticle:
    soup = parse_html(text)
    matched: dict[str, str] = {}
    title = common.read_text(soup, TITLE, "title", matched)
    summary = common.read_text(soup, LEAD, "summary", matched)
    found = common.first_node(soup, BODY, min_chars=20)
    container = found[0] if found else None
    if found:
        matched["body"] = f"css:{found[1]}"
    byline = common.take_byline(soup, AUTHOR, container, matched)
    dates = _dates(soup, container, hints, matched)
    body = common.clean_body(container, soup, REMOVE) if container is not None else None
    return common.raw_article(
        url, soup, container, title=title, dates=dates, modified=_jsonld_dates(soup, "dateModified"), byline=byline,
        body_html=body, summary=summary or common.summary_fallback(soup, hints), matched=matched,
    )


def _jsonld_blocks(soup: Page) -> list:
    blocks = []
    for text in jsonld_scripts(soup):
        try:
            blocks.append(load_json(text))
        except ValueError:
            blocks.append(None)
    return blocks


def _jsonld_dates(soup: Page, key: str) -> tuple[RawDate, ...]:
    """key's values, the second-to-last block first (cand's article block), then the others."""
    blocks = _jsonld_blocks(soup)
    order = ([blocks[-2]] if len(blocks) >= 2 else []) + blocks
    found: list[RawDate] = []
    for block in order:
        for obj in block if isinstance(block, list) else [block]:
            value = obj.get(key) if isinstance(obj, dict) else None
            if isinstance(value, str) and value.strip() and RawDate(value.strip(), "jsonld") not in found:
                found.append(RawDate(value.strip(), "jsonld"))
    return tuple(found)


def _dates(soup, container, hints: Mapping[str, str], matched: dict[str, str]) -> tuple[RawDate, ...]:
    found = list(_jsonld_dates(soup, "datePublished"))
    if found:
        matched["date"] = "jsonld.datePublished"
    found += meta_dates(soup, ("article:published_time", "datePublished", "pubdate"))
    line = layout.date_line(soup, container, DATE)
    if line:
        found.append(RawDate(line[0], "text"))
        matched.setdefault("date", line[1])
    found += common.hint_date(hints)
    return tuple(found)

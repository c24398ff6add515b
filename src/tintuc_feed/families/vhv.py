"""conganthanhhoa.gov.vn: the VHV e-government CMS.

Evidence: research/sources.md 4.2 and 7 (scraper fid:3692414903, fid:18082049249).

    list     nested category paths (/tin-tuc-su-kien/tin-an-ninh-trat-tu/...);
             items div.item (fallback .post-item), 12 a page, each with a
             .desc/.summary/.sapo and a .time/.date; pagination is AJAX, so
             only plain next links (rel=next, "Tiếp") are followed.
    article  .html URLs; title h1.title, .title-detail, .article-detail-title,
             h1; date .date, .time, .published-time, .post-date written
             "Thứ năm, 20/11/2025 | 14:24"; body .detail-content,
             .content-detail, #content-detail, .noidung, .post-content,
             .article-content; the share/rating boilerplate ("Chia sẻ Lưu",
             "Tổng số điểm của bài viết là:", "Đánh giá bài viết:",
             "Bình chọn bài viết:") removed.  The research's selectors were
             tried in this order by the scraper; none is confirmed alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import ListPage, RawArticle, RawDate
from . import common, layout, pager, tree
from .base import parse_html, select_all, text_of

LIST_ITEMS = ("div.item", ".post-item")
ITEM_CLASSES = re.compile(r"^(?:item|post-item)$")  # list items of other news on an article page
TITLE = ("h1.title", ".title-detail", ".article-detail-title", "h1")
DATE = (".date", ".time", ".published-time", ".post-date")
BODY = (".detail-content", ".content-detail", "#content-detail", ".noidung", ".post-content", ".article-content")
AUTHOR = (".author", ".tac-gia", ".tacgia", ".detail-author", ".post-author")
SUMMARY = (".sapo", ".desc", ".summary", ".detail-sapo", ".description")
REMOVE = (".share", ".social", ".rating", ".vote", ".tool", ".print", ".related", ".other-news", ".tin-lien-quan",
          ".tags", ".comment")
BOILERPLATE = re.compile(
    r"^(?:Chia sẻ(?:\s+Lưu)?|Lưu bài|In bài|Tổng số điểm của bài viết là\s*:|Đánh giá bài viết\s*:|"
    r"Bình chọn bài viết\s*:|Bạn đánh giá|Tin liên quan|Các tin khác|Tin khác)",
    re.IGNORECASE,
)


def start_urls(source) -> list[str]:
    return list(source.list_urls)


def parse_list(url: str, text, source) -> ListPage:
    soup = parse_html(text)
    items = [n for css in LIST_ITEMS for n in select_all(soup, css)]
    links = common.links_in(common.outside_sidebars(items) or items, url, source)  # not the side column's "Tin đọc nhiều"
    return ListPage(articles=tuple(links), next_urls=tuple(pager.next_pages(soup, url, source)))


def parse_article(url: str, text, source, hints: Mapping[str, str]) -> RawArticle:
    soup = parse_html(text)
    matched: dict[str, str] = {}
    title = common.read_text(soup, TITLE, "title", matched)
    found = common.first_node(soup, BODY, min_chars=20)
    container = found[0] if found else None
    if found:
        matched["body"] = f"css:{found[1]}"
    summary = _summary(soup, container, matched)
    dates = _dates(soup, container, hints, matched)
    if container is not None:  # boilerplate first: "Chia sẻ Lưu" could pass for a name line
        common.remove_all(container, REMOVE)
        common.remove_text_blocks(container, BOILERPLATE)
    byline = common.take_byline(soup, AUTHOR, container, matched)
    body = common.clean_body(container, soup, REMOVE, BOILERPLATE) if container is not None else None
    return common.raw_article(
        url, soup, container, title=title, dates=dates, byline=byline, body_html=body,
        summary=summary or common.summary_fallback(soup, hints), matched=matched,
    )


def _summary(soup, container, matched: dict[str, str]) -> str | None:
    for css in SUMMARY:
        for node in select_all(soup, css):
            if tree.find_parent(node, class_=ITEM_CLASSES) is not None or not tree.has_text(node):
                continue
            matched["summary"] = f"css:{css}"
            text = tree.flat_text(node)
            if container is not None and container in node.iterancestors():
                tree.remove(node)
            return text
    return None


def _dates(soup, container, hints: Mapping[str, str], matched: dict[str, str]) -> tuple[RawDate, ...]:
    found: list[RawDate] = []
    node = common.date_after_title(soup, DATE, skip=ITEM_CLASSES)
    line = (text_of(node[0]), f"css:{node[1]}") if node else layout.date_line(soup, container, ())
    if node:
        tree.remove(node[0])
    if line:
        found.append(RawDate(line[0], "text"))
        matched["date"] = line[1]
    found += common.hint_date(hints)
    return tuple(found)

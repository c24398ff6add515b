"""A site's own RSS/Atom feed used as a list page (bocongan /api/rss/<id>.xml,
WordPress /feed/): feedparser reads it; each item becomes an ArticleLink whose
hints carry the item's title, date (RFC 822, read as "api") and summary."""

from __future__ import annotations

import re

from ..model import ArticleLink
from .base import absolute, parse_html, text_of

FEED_START = re.compile(r"^\s*(?:\ufeff)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE)


def is_feed(text: str) -> bool:
    return bool(FEED_START.match(text[:2000]))


def feed_links(url: str, text: str, source) -> list[ArticleLink]:
    import feedparser

    parsed = feedparser.parse(text)
    links: dict[str, ArticleLink] = {}
    for entry in parsed.entries:
        href = absolute(url, entry.get("link") or entry.get("id"))
        if not href or not source.article_re.search(href) or href in links:
            continue
        hints = {"title": entry.get("title"), "date": entry.get("published") or entry.get("updated"),
                 "summary": _plain(entry.get("summary"))}
        links[href] = ArticleLink(href, hints={k: v.strip() for k, v in hints.items() if v and v.strip()})
    return list(links.values())


def _plain(html: str | None) -> str | None:
    return text_of(next(parse_html(f"<div>{html}</div>").root.iter("div"), None)) if html else None

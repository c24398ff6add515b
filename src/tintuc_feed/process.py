"""RawArticle -> Article: the normalization stage, in one place.

The crawler's pipeline, `tintuc-feed extract` and any other fetcher call
`normalize_article`; it is a pure function of its arguments.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import urlsplit

from .model import Article, RawArticle
from .normalize.authors import parse_byline
from .normalize.dates import pick_published
from .normalize.mentions import find_province
from .normalize.provinces import ProvinceMatch, resolve_province
from .normalize.site_names import site_keys, without_site_names
from .normalize.text import normalize_block, normalize_text
from .normalize.titles import clean_title, host_name
from .sanitize import html_to_text, sanitize_html
from .urls import canonical_url

SUMMARY_MAX_CHARS = 300  # a summary made from the body's first paragraph is cut here, at a word
# Spaces that HTML writes as entities or raw characters and readers should see as a plain space.
HTML_SPACES = re.compile(r"&nbsp;|&#160;|&#xa0;|\xa0|\u202f|\u2007", re.IGNORECASE)


def normalize_article(raw: RawArticle, source, *, fetched_at: datetime, fetched_url: str | None = None) -> Article:
    """Normalize what a family read; raise ValueError if it is not publishable."""
    title = clean_title(raw.title or "", [n for n in (raw.site_name, source.name, host_name(raw.url)) if n])
    if not title:
        raise ValueError("no title")
    content_html = sanitize_html(_clean_html(raw.body_html or ""), raw.url)
    content_text = normalize_block(html_to_text(content_html))
    if not content_text:
        raise ValueError("empty body")
    published = pick_published(raw.dates, now=fetched_at)
    modified = pick_published(raw.modified, now=fetched_at) if raw.modified else None
    byline = parse_byline(raw.byline)
    summary = _summary(raw.summary, content_text)
    province = _province(source, title, summary, content_text)
    url = canonical_url(raw.url, canonical_hint=raw.canonical_url)
    return Article(
        url=url,
        source_id=source.id,
        title=title,
        title_raw=raw.title or "",
        content_html=content_html,
        content_text=content_text,
        published=published.value if published else None,
        published_raw=published.raw if published else _first_raw(raw),
        published_origin=published.origin if published else None,
        date_precision=published.precision if published else None,
        modified=modified.value if modified and published and modified.value >= published.value else None,
        authors=without_site_names(byline.authors, site_keys((raw.site_name, source.name), urlsplit(raw.url).hostname)),
        byline_raw=raw.byline,
        credits=byline.credits,
        origin=byline.origin,
        summary=summary,
        image=raw.image,
        tags=tuple(t for t in (normalize_text(t) for t in raw.tags) if t),
        province=province.unit if province else source.province,
        former_province=(province.former if province else None) or getattr(source, "former_province", None),
        fetched_url=fetched_url if fetched_url and fetched_url != url else None,
        fetched_at=fetched_at,
    )


def _province(source, title: str, summary: str | None, text: str) -> ProvinceMatch | None:
    """The source's own province; for national sources, the one the article names."""
    if source.province:
        return resolve_province(source.province)
    return find_province([title, summary, text.split("\n\n", 1)[0]])


def _clean_html(html: str) -> str:
    return unicodedata.normalize("NFC", HTML_SPACES.sub(" ", html))


def _first_raw(raw: RawArticle) -> str | None:
    """The best raw date string, kept even when none could be parsed."""
    for candidate in raw.dates:
        if candidate.origin != "url":
            return candidate.raw
    return None


def _summary(summary: str | None, text: str) -> str | None:
    cleaned = normalize_text(summary) if summary else None
    if cleaned:
        return cleaned
    first = text.split("\n\n", 1)[0]
    if len(first) <= SUMMARY_MAX_CHARS:
        return first or None
    cut = first[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0]
    return cut + "…"

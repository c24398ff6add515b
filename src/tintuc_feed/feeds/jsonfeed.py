"""JSON Feed 1.1 (feedgen has no JSON writer) and the articles.jsonl records.

Both are plain dicts built in a fixed key order (so "version" comes first, as
JSON Feed asks) and dumped with ensure_ascii=False: the bytes depend only on
the data, and Vietnamese stays readable.  The shapes are
described by the JSON Schemas in tintuc_feed/schemas/.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Author, StoredArticle
from .common import LANGUAGE, Feed, date_precision, date_published, item_html, rfc3339

VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_tintuc"


def render_json_feed(feed: Feed) -> bytes:
    """The feed as a JSON Feed 1.1 document."""
    document = {
        "version": VERSION,
        "title": feed.title,
        "description": feed.description,
        "home_page_url": feed.links.home,
        "feed_url": feed.links.json,
        "language": LANGUAGE,
        "authors": [{"name": feed.title}],
        "items": [json_feed_item(item) for item in feed.items],
    }
    return dumps(document, indent=2)


def json_feed_item(stored: StoredArticle) -> dict[str, Any]:
    article = stored.article
    item: dict[str, Any] = {
        "id": stored.guid,
        "url": article.url,
        "title": article.title,
        "date_published": rfc3339(date_published(stored)),
        "date_modified": rfc3339(stored.updated),
        "authors": [{"name": author.name} for author in article.authors],
        "language": LANGUAGE,
        EXTENSION: _extension(stored),
    }
    optional = {"summary": article.summary, "image": article.image, "tags": list(article.tags)}
    item.update({key: value for key, value in optional.items() if value})
    if not item["authors"]:
        del item["authors"]
    if item["date_published"] is None:  # no date on the page: none is invented
        del item["date_published"]
    if article.content_html:
        item["content_html"] = item_html(stored)
    else:  # JSON Feed needs content_html or content_text
        item["content_text"] = article.content_text or article.title
    return item


def _extension(stored: StoredArticle) -> dict[str, Any]:
    article = stored.article
    return {
        "source": article.source_id,
        "province": article.province,
        "former_province": article.former_province,
        "canonical_url": article.url,
        "also_published_at": list(stored.also_published_at),
        "byline_raw": article.byline_raw,
        "date_raw": article.published_raw,
        "date_precision": date_precision(stored),
        "first_seen": rfc3339(stored.first_seen),
        "credits": list(article.credits),
    }


def article_record(stored: StoredArticle) -> dict[str, Any]:
    """One line of articles.jsonl: every field the store holds about an article."""
    article = stored.article
    return {
        "url": article.url,
        "guid": stored.guid,
        "source": article.source_id,
        "title": article.title,
        "title_raw": article.title_raw,
        "published": rfc3339(article.published),
        "published_raw": article.published_raw,
        "published_origin": article.published_origin,
        "date_precision": article.date_precision,
        "modified": rfc3339(article.modified),
        "authors": [_author_record(author) for author in article.authors],
        "byline_raw": article.byline_raw,
        "credits": list(article.credits),
        "origin": article.origin,
        "summary": article.summary,
        "content_html": article.content_html,
        "content_text": article.content_text,
        "image": article.image,
        "tags": list(article.tags),
        "province": article.province,
        "former_province": article.former_province,
        "first_seen": rfc3339(stored.first_seen),
        "updated": rfc3339(stored.updated),
        "also_published_at": list(stored.also_published_at),
    }


def _author_record(author: Author) -> dict[str, Any]:
    return {"name": author.name, "name_raw": author.name_raw, "affiliation": author.affiliation}


JSONL_CHUNK = 1 << 20  # bytes of articles.jsonl held at a time when streaming


def render_jsonl(items: Iterable[StoredArticle]) -> bytes:
    """articles.jsonl: one record a line, in the order given."""
    return b"".join(jsonl_chunks(items))


def jsonl_chunks(items: Iterable[StoredArticle], size: int = JSONL_CHUNK) -> Iterator[bytes]:
    """articles.jsonl in pieces of whole lines of about `size` bytes, for writing it as it is read."""
    lines: list[bytes] = []
    held = 0
    for item in items:
        line = dumps(article_record(item)) + b"\n"
        lines.append(line)
        held += len(line)
        if held >= size:
            yield b"".join(lines)
            lines, held = [], 0
    if lines:
        yield b"".join(lines)


def dumps(value: Any, indent: int | None = None) -> bytes:
    """Stable JSON bytes: keys in the order built, UTF-8, no ASCII escapes, newline after documents."""
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    return (text + "\n" if indent else text).encode("utf-8")

"""Article <-> SQLite row: ISO 8601 datetimes with offset, JSON for lists."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .model import Article, Author

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

DATETIME_FIELDS = ("published", "modified", "fetched_at")
JSON_FIELDS = ("authors", "credits", "tags")
ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
# Fields whose change makes a new revision (and bumps `updated`).
CONTENT_FIELDS = ("title", "content_text")


def dt_to_text(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in Asia/Ho_Chi_Minh; naive datetimes are refused."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: the store keeps aware datetimes only")
    return value.astimezone(TZ).isoformat()


def dt_from_text(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).astimezone(TZ)


def _authors_json(authors: tuple[Author, ...]) -> str:
    return json.dumps([dataclasses.asdict(a) for a in authors], ensure_ascii=False)


def _encode(name: str, value: Any) -> Any:
    if name in DATETIME_FIELDS:
        return dt_to_text(value)
    if name == "authors":
        return _authors_json(value)
    if name in JSON_FIELDS:
        return json.dumps(list(value), ensure_ascii=False)
    return value


def _decode(name: str, value: Any) -> Any:
    if name in DATETIME_FIELDS:
        return dt_from_text(value)
    if name == "authors":
        return tuple(Author(**a) for a in json.loads(value))
    if name in JSON_FIELDS:
        return tuple(json.loads(value))
    return value


def article_columns(article: Article) -> dict[str, Any]:
    """The article's columns, encoded for SQLite."""
    return {name: _encode(name, getattr(article, name)) for name in ARTICLE_FIELDS}


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(**{name: _decode(name, row[name]) for name in ARTICLE_FIELDS})


def content_hash(article: Article) -> str:
    """A hash of what readers see change: title and body text."""
    payload = "\x1f".join(getattr(article, name) for name in CONTENT_FIELDS)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def sort_ts(article: Article, first_seen: datetime) -> float:
    """Ordering time: published, else first seen."""
    return (article.published or first_seen).timestamp()


def keep_found(new: Article, old: Article) -> Article:
    """new, but with old values kept where the new crawl found nothing (None)."""
    kept = {name: getattr(old, name) for name in ARTICLE_FIELDS if getattr(new, name) is None}
    return dataclasses.replace(new, **kept) if kept else new

"""What a worker process does with a downloaded page: pure functions of (source, url, body).

crawler/workers.py runs them in worker processes (or inline); this module imports none of Scrapy,
Twisted or the store, so a worker starts with the families, normalization and dedupe only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tintuc_feed import families, voters
from tintuc_feed.charset import article_text
from tintuc_feed.families import NotAnArticle
from tintuc_feed.process import normalize_article
from tintuc_feed.store_prepare import prepare


def read_article(source, url: str, text: str, hints, content_type: str | None, fetched_url: str,
                 fetched_at: datetime) -> dict[str, Any]:
    """The family's reading of an article page (with the date vote), normalized; what the spider and
    the pipeline need of it.

    {"skipped": reason, "message": ...} for a page that is not an article;
    else {"raw": RawArticle, "article": Article or None, "error": why it cannot be stored or None}.
    """
    try:
        # annotate=False: htmldate is asked only where its answer can change the dates (voters.py's table)
        raw = voters.read_article(source, url, text, hints=hints, content_type=content_type, annotate=False)
    except NotAnArticle as exc:
        return {"skipped": exc.reason, "message": str(exc)}
    try:
        article = normalize_article(raw, source, fetched_at=fetched_at, fetched_url=fetched_url)
    except ValueError as exc:
        return {"raw": raw, "article": None, "error": str(exc)}
    return {"raw": raw, "article": article, "error": None}


def read_page(source, url: str, body: bytes, hints, content_type: str | None, fetched_url: str,
              fetched_at: datetime) -> dict[str, Any]:
    """An article page, from the bytes the crawl downloaded to what the store writes: a pure function.

    The charset checks (charset.article_text), the family's reading, normalization and the store's
    preparation (store_prepare.py: validation, URL keys, dedupe signature) all run here, in a worker
    process; the crawl process is left with the SQL.  Returns {"skipped": reason, "message": ...} for a
    page that is not an article, else {"url": the article's URL as read, "degraded": bool, "prepared":
    PreparedArticle or None, "error": why it is not worth storing or None, "store_error": why the store
    would refuse it ("InvalidArticle: ...") or None}.
    """
    try:
        text = article_text(body, content_type)  # binary and garbled pages are skipped here
    except NotAnArticle as exc:
        return {"skipped": exc.reason, "message": str(exc)}
    read = read_article(source, url, text, hints, content_type, fetched_url, fetched_at)
    if "skipped" in read:
        return read
    raw, article = read["raw"], read["article"]
    page = {"url": raw.url, "degraded": raw.degraded, "prepared": None, "error": read["error"], "store_error": None}
    if article is not None:
        try:
            page["prepared"] = prepare(article, aliases=[fetched_url, raw.url])
        except ValueError as exc:  # validate.InvalidArticle: the store would refuse it
            page["store_error"] = f"{type(exc).__name__}: {exc}"
    return page


def read_list(source, url: str, text: str):
    return families.parse_list(source, url, text)

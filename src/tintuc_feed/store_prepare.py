"""What an upsert computes before it touches the database, as a pure function of the article.

``prepare(article, aliases)`` validates the article (validate.article_for_store),
takes its canonical URL, the url keys it and its aliases are found under, and the
dedupe signature of its text.  None of it needs the store, so a crawl computes it in
the worker process that read the page (crawler/workers.py) and the crawl process
only runs the SQL (Store.upsert / Store.upsert_many take a PreparedArticle).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from . import dedupe
from .model import Article
from .urls import canonical_url, url_key
from .validate import article_for_store


@dataclass(frozen=True)
class PreparedArticle:
    """An article checked and keyed for the store.

    keys: url_key -> URL for the canonical URL, the fetched URL and each alias (the first URL of a key wins);
    dedupe_text: the text its signature was made of; signature: dedupe.signature_bytes of it, or None when
    the text is too short to compare.
    """

    article: Article
    keys: dict[str, str]
    dedupe_text: str
    signature: bytes | None


def text_for_dedupe(article: Article) -> str:
    return article.content_text or f"{article.title}\n{article.summary or ''}"


def prepare(article: Article, aliases: Sequence[str | None] = ()) -> PreparedArticle:
    """The article ready for Store.upsert (empty or None aliases ignored); InvalidArticle if it cannot be stored."""
    article = article_for_store(article)  # validate.py: every field checked as it enters (InvalidArticle)
    article = dataclasses.replace(article, url=canonical_url(article.url))
    seen = [u for u in (article.url, article.fetched_url, *aliases) if u]
    keyed = {u: url_key(u) for u in dict.fromkeys(seen)}  # once a URL: the fetched URL is often an alias too
    keys = {keyed[u]: u for u in reversed(seen)}
    text = text_for_dedupe(article)
    minhash = dedupe.signature(text)
    return PreparedArticle(article, keys, text, dedupe.signature_bytes(minhash) if minhash is not None else None)

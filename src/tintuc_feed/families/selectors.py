"""A source's own CSS selectors, which take precedence over its family."""

from __future__ import annotations

from dataclasses import replace

from ..model import RawArticle, RawDate
from .base import absolute, parse_html, select_one, text_of

ARTICLE_KEYS = ("title", "date", "authors", "body", "summary", "image")


def has_article_selectors(source) -> bool:
    return any(key in source.selectors for key in ARTICLE_KEYS)


def apply_selectors(raw: RawArticle, url: str, text: str, source) -> RawArticle:
    """Override the family's reading with what the source's selectors find.

    A selector that matches nothing leaves the family's value in place, and
    the field's `matched` entry says so, for `sources check`.
    """
    soup = parse_html(text)
    if source.selectors.get("remove"):
        for node in soup.select(source.selectors["remove"]):
            node.decompose()
    found: dict = {}
    matched = dict(raw.matched)
    for key in ARTICLE_KEYS:
        css = source.selectors.get(key)
        if not css:
            continue
        value = _read(soup, css, key, url)
        if value is None:
            matched[key] = f"selector:{css} (no match; {matched.get(key, 'nothing')})"
            continue
        matched[key] = f"selector:{css}"
        if key == "date":
            value = {"dates": value["dates"] + raw.dates}
        found.update(value)
    return replace(raw, **found, matched=matched)


def _read(soup, css: str, key: str, url: str) -> dict | None:
    node = select_one(soup, css)
    if node is None:
        return None
    if key == "body":
        html = node.decode_contents().strip()
        return {"body_html": html} if node.get_text(strip=True) else None
    if key == "image":
        src = node.get("content") or node.get("data-src") or node.get("src")
        return {"image": absolute(url, src)} if src else None
    value = node.get("content") or node.get("datetime") or (
        "\n".join(s.strip() for s in node.get_text("\n").split("\n") if s.strip()) if key == "authors" else text_of(node)
    )
    if not value:
        return None
    if key == "date":
        return {"dates": (RawDate(value, "text"),)}
    return {{"title": "title", "authors": "byline", "summary": "summary"}[key]: value}


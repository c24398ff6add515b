"""A source's own CSS selectors, which take precedence over its family."""

from __future__ import annotations

from dataclasses import replace

from ..model import RawArticle, RawDate
from . import tree, tree_html
from .base import absolute, parse_html, select_all, select_one, text_of
from .page import Page

ARTICLE_KEYS = ("title", "date", "authors", "body", "summary", "image")


def has_article_selectors(source) -> bool:
    return any(key in source.selectors for key in ARTICLE_KEYS)


def apply_selectors(raw: RawArticle, url: str, text: str | Page, source) -> RawArticle:
    """Override the family's reading with what the source's selectors find.

    A selector that matches nothing leaves the family's value in place, and
    the field's `matched` entry says so, for `sources check`.
    """
    return merge_selectors(raw, read_selectors(url, text, source))


def read_selectors(url: str, text: str | Page, source) -> dict[str, tuple[str, dict | None]]:
    """What each of the source's article selectors finds on the page: key -> (css, value or None).

    Reads the page (a tree of its own: it removes `remove` and the authors/date nodes) without the
    family's reading, so extract_article can learn before the family runs whether the body selector
    matches (then the generic reader's body vote is not needed: its body would be replaced).
    """
    soup = parse_html(text)
    if source.selectors.get("remove"):
        for node in select_all(soup, source.selectors["remove"]):
            tree.remove(node)
    readings: dict[str, tuple[str, dict | None]] = {}
    for key in ARTICLE_KEYS:
        css = source.selectors.get(key)
        if not css:
            continue
        value = _read(soup, css, key, url)
        readings[key] = (css, value)
        if value is not None and key in ("authors", "date"):
            _leave_body(select_one(soup, css))
    return readings


def body_given(readings: dict[str, tuple[str, dict | None]] | None) -> bool:
    """Whether the source's body selector found a body (the family's own body will be replaced)."""
    return bool(readings) and readings.get("body", ("", None))[1] is not None


def merge_selectors(raw: RawArticle, readings: dict[str, tuple[str, dict | None]]) -> RawArticle:
    """The family's reading with the selectors' values in place of its own (read_selectors)."""
    found: dict = {}
    matched = dict(raw.matched)
    for key, (css, value) in readings.items():
        if value is None:
            matched[key] = f"selector:{css} (no match; {matched.get(key, 'nothing')})"
            continue
        matched[key] = f"selector:{css}"
        if key == "body":
            for note in ("body_vote", "body_lead", "body_photos", "body_opening"):  # the generic reader's notes were about its own body
                matched.pop(note, None)
        if key == "date":
            value = {"dates": value["dates"] + raw.dates}
        found.update(value)
    return replace(raw, **found, matched=matched)


def _leave_body(node) -> None:
    """What the authors/date selectors matched is not body text (a byline
    paragraph inside the body container, the seed's portal layout)."""
    if node is not None and node.tag not in ("meta", "time") and node.getparent() is not None:
        tree.remove(node)


def _read(soup, css: str, key: str, url: str) -> dict | None:
    node = select_one(soup, css)
    if node is None:
        return None
    if key == "body":
        html = tree_html.inner_html(node).strip()
        return {"body_html": html} if tree.has_text(node) else None
    if key == "image":
        src = node.get("content") or node.get("data-src") or node.get("src")
        return {"image": absolute(url, src)} if src else None
    value = node.get("content") or node.get("datetime") or (
        "\n".join(s.strip() for s in tree.get_text(node, "\n").split("\n") if s.strip()) if key == "authors"
        else text_of(node)
    )
    if not value:
        return None
    if key == "date":
        return {"dates": (RawDate(value, "text"),)}
    return {{"title": "title", "authors": "byline", "summary": "summary"}[key]: value}


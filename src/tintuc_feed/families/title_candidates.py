"""The candidates the title rules choose from: the page's headings and its metadata titles.

    headings         the <h1> (or <h2>/<h3>) texts as shown (title_parts.heading_text:
                     kicker parts left out), in document order, leaving out a
                     heading inside a link (a teaser's) and one that is the site
                     (title_site.is_logo)
    metadata_titles  the JSON-LD headline, og:title, twitter:title and <title>,
                     in that order, each with where it was read
"""

from __future__ import annotations

import html

from lxml.etree import _Element as Tag

from . import tree
from .base import meta_content, text_of
from .page import Page
from .title_parts import heading_text
from .title_site import is_logo

META_TITLES = ("og:title", "twitter:title")


def headings(page: Page, tags: tuple[str, ...], url: str, names: set[str]) -> list[tuple[str, Tag]]:
    """(text, node) of the headings that are no link and no logo, in document order."""
    found = []
    for node in page.root.iter(*tags):
        text = heading_text(node)
        if text and tree.find_parent(node, "a") is None and not is_logo(node, text, url, names):
            found.append((text, node))
    return found


def metadata_titles(page: Page, obj: dict | None) -> list[tuple[str, str]]:
    """(title, where) for the JSON-LD headline, og:title, twitter:title and <title>, in that order."""
    found = []
    headline = (obj or {}).get("headline")
    if isinstance(headline, str) and headline.strip():
        found.append((html.unescape(headline).strip(), "jsonld.headline"))
    for name in META_TITLES:
        meta = meta_content(page, name)
        if meta and meta[1] == name:
            found.append((meta[0], f"meta:{name}"))
    page_title = text_of(page.title)
    if page_title:
        found.append((page_title, "title"))
    return found

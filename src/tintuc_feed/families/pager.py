"""A list page's pager: the links to the next list page (the source's selector, rel=next, a "next" word, the number
after the current page's).

Everything here is a pure function of the page: no I/O, no clock.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import _Element as Tag

from . import tree
from .base import absolute, link_base, select_all
from .page import Page

NEXT_WORDS = {"tiếp", "trang sau", "sau", "›", "»", "next", ">", "tiếp theo", "xem tiếp", ">>", "trang tiếp", "kế tiếp",
              "trang kế tiếp", "next page"}


def is_next_word(text: str) -> bool:
    """A pager's "next" link: a NEXT_WORDS row, alone or with its arrow ("Tiếp »", "Trang sau ›", "» Sau")."""
    words = text.lower().strip()
    return words in NEXT_WORDS or words.strip(" »›>").strip() in NEXT_WORDS - {"sau"}


def link_words(a: Tag) -> str:
    """What a link says: its text, else its title or aria-label, else its picture's alt ("Trang sau" on an arrow)."""
    words = tree.flat_text(a) or a.get("title") or a.get("aria-label")
    if words:
        return words
    img = tree.find(a, "img")  # looked for only when the link says nothing itself
    return (img.get("alt") if img is not None else None) or ""


CURRENT_CLASS = re.compile(r"active|current|selected", re.IGNORECASE)


def _pager_item(a: Tag) -> Tag:
    """The pager's own child holding a link: the link, or its <li> (Bootstrap: ul > li > a)."""
    parent = a.getparent()
    return parent if parent is not None and parent.tag == "li" else a


def _next_number(page: Page) -> list[Tag]:
    """A pager of bare page numbers: the link whose number follows the current page's (a number not linked, or a
    link marked active/current)."""
    numbered = [a for a in page.root.iter("a") if a.get("href") is not None and tree.flat_text(a).isdigit()]
    if not numbered:
        return []
    parent = _pager_item(numbered[0]).getparent()
    members = [a for a in numbered if _pager_item(a).getparent() is parent]
    current = [n for n in parent if n.tag != "a" and tree.find(n, "a") is None and tree.flat_text(n).isdigit()
               ] if parent is not None else []
    current = current or [a for a in members if CURRENT_CLASS.search(
        " ".join(tree.classes(a) + tree.classes(_pager_item(a))))]
    following = int(tree.flat_text(current[0])) + 1 if current else 2
    return [a for a in members if tree.flat_text(a) == str(following)][:1]


def next_pages(page: Page, url: str, source) -> list[str]:
    """Links to the next list page: the source's selector, rel=next, or a pager word."""
    css = source.selectors.get("next_page")
    if css:
        nodes = select_all(page, css)
    else:
        nodes = select_all(page, "a[rel~=next], link[rel~=next]") or [
            a for a in page.root.iter("a") if a.get("href") is not None
            and (is_next_word(link_words(a)) or "next" in " ".join(tree.classes(a)).lower())
        ] or _next_number(page)
    host = urlsplit(url).netloc
    base = link_base(page, url)  # the page's <base href>, when it has one
    found = [absolute(base, node.get("href")) for node in nodes]
    return list(dict.fromkeys(u for u in found if u and urlsplit(u).netloc == host and u != url))

"""A list page's pager: the links to the next list page (the source's selector, rel=next, a "next" word, the number
after the current page's).

Everything here is a pure function of the page: no I/O, no clock.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml.etree import _Element as Tag

from . import tree
from .base import absolute, link_base, select_all
from .page import Page

NEXT_WORDS = {"tiếp", "trang sau", "sau", "›", "»", "next", ">", "tiếp theo", "xem tiếp", ">>", "trang tiếp", "kế tiếp",
              "trang kế tiếp", "next page"}


FORWARD_ARROWS = "→⟶❯▶►"  # an arrow that only ever points to the next page: "Sau →" (Liferay's pager)
# A load-more button that is a real link ("Xem thêm" under the list) is the next page when its URL names a page
# (PAGE_MARK): a "Xem thêm" box link to a section ("/an-ninh-trat-tu") is not.
LOAD_MORE_WORDS = {"xem thêm", "tải thêm", "xem thêm tin", "xem thêm bài viết", "load more", "more", "xem tiếp"}
PAGE_MARK = re.compile(
    r"[?&](?:[a-z_]*_)?(?:page|trang|p|pg|paged|pageindex|pagenumber|cur)=[0-9]+(?:&|$)"  # ?trang=2, &page=2, …_cur=2
    r"|/(?:page|trang)[/-][0-9]+/?(?:\.html?)?$|/p[0-9]+\.html?$",  # /page/2/, /page-2/, /trang-2.html, /p2.html
    re.IGNORECASE)


def is_next_word(text: str) -> bool:
    """A pager's "next" link: a NEXT_WORDS row, alone or with its arrow ("Tiếp »", "Trang sau ›", "» Sau");
    any row before a FORWARD_ARROWS arrow ("Sau →")."""
    words = text.lower().strip()
    if words.rstrip(FORWARD_ARROWS + " ") != words and words.rstrip(FORWARD_ARROWS + " ") in NEXT_WORDS:
        return True
    return words in NEXT_WORDS or words.strip(" »›>").strip() in NEXT_WORDS - {"sau"}


def load_more_url(a: Tag, base: str) -> str | None:
    """The URL of a "Xem thêm" link when it names a list page (LOAD_MORE_WORDS, PAGE_MARK), else None."""
    if a.get("href") is None or " ".join(link_words(a).lower().split()).strip(" »›>↓" + FORWARD_ARROWS) \
            not in LOAD_MORE_WORDS:
        return None
    href = absolute(base, a.get("href"))
    return href if href and PAGE_MARK.search(href) else None


def select_next(page: Page, base: str) -> list[str]:
    """A pager written as a <select> of pages ("Trang 1/25" beside it): the option after the selected one, when the
    options' values are the pages' URLs and choosing one opens it (an onchange that sets the location, or a pager's
    class around it).  Bare numbers posted by a form are no URL a crawler can ask for."""
    for select in page.root.iter("select"):
        options = [o for o in select.iter("option") if (o.get("value") or "").strip()]
        values = [o.get("value").strip() for o in options]
        if len(values) < 2 or not all(("/" in v or "?" in v) and not v.startswith("javascript:") for v in values):
            continue
        around = " ".join(tree.classes(select) + [c for n in select.iterancestors() for c in tree.classes(n)][:6])
        if "location" not in (select.get("onchange") or "") and not re.search(r"pag|trang", around, re.IGNORECASE):
            continue
        chosen = [i for i, o in enumerate(options) if o.get("selected") is not None]
        if chosen and chosen[0] + 1 < len(options):
            return [u for u in [absolute(base, values[chosen[0] + 1])] if u]
    return []


def link_words(a: Tag) -> str:
    """What a link says: its text, else its title or aria-label, else its picture's alt ("Trang sau" on an arrow)."""
    words = tree.flat_text(a) or a.get("title") or a.get("aria-label")
    if words:
        return words
    img = tree.find(a, "img")  # looked for only when the link says nothing itself
    return (img.get("alt") if img is not None else None) or ""


# The most characters a NEXT_WORDS row holds, whitespace aside (a link saying more is no pager word).
NEXT_WORD_CHARS = max(len("".join(w.split())) for w in NEXT_WORDS)
_STRIPPED_ARROWS = "»›>" + FORWARD_ARROWS  # is_next_word strips these around a row
_STRING_VALUE = etree.XPath("string()", smart_strings=False)


def _hiding_text(page: Page) -> set[Tag]:
    """The links with a NO_TEXT_TAGS element above or below them (tree.flat_text leaves some of their text
    out), from one walk over those elements."""
    hides: set[Tag] = set()
    for node in page.root.iter(*tree.NO_TEXT_TAGS):
        hides.update(node.iter("a"))
        hides.update(node.iterancestors("a"))
    return hides


def _may_say_next(a: Tag, hides: set[Tag]) -> bool:
    """False only for a link that cannot be a pager word (issue 10: a portal's ~600 links a list page, each
    read in full by link_words): its text (all of it is flat_text's, no NO_TEXT_TAGS element around) holds
    more characters than any NEXT_WORDS row, not counting whitespace or the arrows is_next_word strips
    (_STRIPPED_ARROWS: "»›>" and FORWARD_ARROWS).
    Lowercasing never shortens a text, so such a link's words match no row."""
    if a in hides:
        return True
    letters = "".join((a.text or "").split() if len(a) == 0 else _STRING_VALUE(a).split())  # childless: its text
    return len(letters) - sum(letters.count(arrow) for arrow in _STRIPPED_ARROWS) <= NEXT_WORD_CHARS


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
        hides = _hiding_text(page)
        nodes = select_all(page, "a[rel~=next], link[rel~=next]") or [
            a for a in page.root.iter("a") if a.get("href") is not None
            and ((_may_say_next(a, hides) and is_next_word(link_words(a)))
                 or "next" in " ".join(tree.classes(a)).lower())
        ] or _next_number(page)
    host = urlsplit(url).netloc
    base = link_base(page, url)  # the page's <base href>, when it has one
    found = [absolute(base, node.get("href")) for node in nodes]
    if not css and not any(found):
        found = [h for a in page.root.iter("a") if (h := load_more_url(a, base))][:1] or select_next(page, base)
    return list(dict.fromkeys(u for u in found if u and urlsplit(u).netloc == host and u != url))

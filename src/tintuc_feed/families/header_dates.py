"""The article's header: the short lines around its title, where a page shows its date (issue 13).

When neither the structure nor htmldate's fast mode gives a date, the date is
often still shown beside the title in a form the visible-date tables do not
read (other languages: "January 22, 2014", "Hamburg, 2. November 2021",
"01.11.2023 11:35", "22/11/2020 - 04:30 - Fonte: Agência Brasil").  htmldate's
extensive mode reads those forms, but on the whole page it also takes a
related article's or a comment's date, and dates pages that have none
(voters.py).  So it is given only these header lines:

| line                                                     | kept |
|----------------------------------------------------------|------|
| within HEADER_AFTER lines after the title's element      | yes  |
| within HEADER_BEFORE lines before it (a kicker, a dateline above the title) | yes |
| longer than HEADER_LINE_MAX characters (body prose: "Ngày 1/6/2023, Công an …") | no |
| inside a link (a related article, a section, a tag)      | no   |
| inside a <blockquote> (an embedded post: Instagram, X; a quote) | no |
| inside an element marked as the modification date only (itemprop=dateModified, class "updated"/"modified", not also "published") | no |
| the title's own text                                     | no   |

The title's element (title_anchor), in order: the element layout.title_element
finds (a title of at least layout.TITLE_MIN_CHARS); else the one <h1>-<h3>
whose whole text is the title, however short ("Come Together", "Tin mới": a
title that short is a label only when several headings show it); else the
page's longest <h1> (ANCHOR_ROWS, one test per row).

htmldate reads "© 2012" or "Joined March 2007" as the first of the month or
year: its day is kept only when a header line shows that day number beside
the year (shows_day).  One test per row in tests/test_header_dates.py.
Pure: (page, title) -> lines.
"""

from __future__ import annotations

import re
from html import escape

from lxml.etree import _Element as Tag

from . import layout, tree
from .page import Page

HEADER_AFTER = 15
HEADER_BEFORE = 6
HEADER_LINE_MAX = 80


def title_anchor(page: Page, title: str | None) -> Tag | None:
    """The element showing the title, else the page's longest <h1>."""
    anchor = layout.title_element(page, title) if title else None
    if anchor is None and title:
        anchor = _short_heading(page, title)
    if anchor is None:
        h1s = [h for h in page.root.iter("h1") if tree.has_text(h)]
        anchor = max(h1s, key=lambda h: len(tree.flat_text(h))) if h1s else None
    return anchor


def _short_heading(page: Page, title: str) -> Tag | None:
    """The one <h1>-<h3> (not in a link) whose whole text is the title; None when none or several are."""
    flat = " ".join(title.split())
    found = [h for h in page.root.iter("h1", "h2", "h3")
             if tree.flat_text(h) == flat and tree.find_parent(h, "a") is None]
    return found[0] if len(found) == 1 else None


def header_lines(page: Page, title: str | None) -> list[str]:
    """The short lines around the title (the table of the module doc), in document order."""
    anchor = title_anchor(page, title)
    if anchor is None:
        return []
    own = tree.flat_text(anchor)
    after = _lines(tree.strings_from(anchor), anchor, own, HEADER_AFTER)
    before = _lines(_strings_before(anchor), anchor, own, HEADER_BEFORE)
    return [*reversed(before), *after]


def _lines(strings, anchor: Tag, own: str, count: int) -> list[str]:
    out: list[str] = []
    seen = 0
    for string in strings:
        text = " ".join(string[0].split())
        node = tree.string_parent(string)
        if not text or string[2] == tree.COMMENT or node is None or node.tag in tree.NO_TEXT_TAGS:
            continue
        if node is anchor or _inside(node, anchor) or text in own:
            continue
        seen += 1
        if seen > count:
            break
        if len(text) <= HEADER_LINE_MAX and node.tag != "a" and tree.find_parent(node, "a") is None \
                and not _modified(node):
            out.append(text)
    return out


MODIFIED_MARK = re.compile(r"\b(?:updated|modified)\b|datemodified", re.IGNORECASE)


def _modified(node: Tag) -> bool:
    """True inside an element that says it holds the modification date, or inside a quote."""
    for element in (node, *node.iterancestors()):
        if element.tag == "blockquote":
            return True
        if element.tag in ("body", "article"):
            return False
        marks = f"{element.get('itemprop') or ''} {element.get('class') or ''}"
        if MODIFIED_MARK.search(marks) and "published" not in marks.lower():
            return True
    return False


def _inside(node: Tag, anchor: Tag) -> bool:
    return any(p is anchor for p in node.iterancestors())


def _strings_before(anchor: Tag):
    """The strings before the anchor, nearest first (text of preceding elements, not their ancestors)."""
    for node in anchor.itersiblings(preceding=True):
        yield from reversed(list(_all(node)))
    parent = anchor.getparent()
    if parent is not None and parent.tag not in ("body", "html"):
        if parent.text:
            yield (parent.text, parent, tree.TEXT)
        yield from _strings_before(parent)


def _all(node: Tag):
    if not isinstance(node.tag, str):
        return
    yield from ((s, o, slot) for s, o, slot in tree.all_strings(node) if slot != tree.COMMENT)
    if node.tail:
        yield (node.tail, node, tree.TAIL)


def as_html(lines: list[str]) -> str:
    """The header lines as a small page of paragraphs, for htmldate."""
    return "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in lines) + "</body></html>"


def shows_day(day: str, lines: list[str]) -> bool:
    """True when some line shows the year of `day` ("YYYY-MM-DD") and its day of the month beside it."""
    year, _, dom = day.split("-")
    pattern = re.compile(rf"(?<!\d)0?{int(dom)}(?!\d)")
    return any(year in line and pattern.search(line.replace(year, " ")) for line in lines)

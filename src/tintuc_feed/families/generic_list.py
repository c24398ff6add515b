"""What a list page shows beside each article link: its date and its title (issue 13).

An article page may show no date at all; its list page often does, in the same
card as the link.  The generic list reader keeps that as the link's hints
(model.ArticleLink.hints): the article's own structural date still wins
(generic._dates lists the hint after every date the page itself gives), the
hint is used only when the page has none, and then `_extraction.matched.date`
says "list-hint" (voters.read_article).

The card of a link is the largest element around it, climbing from the link,
that links to no other article, is at most CARD_MAX_LEVELS above the link,
holds at most CARD_MAX_CHARS of text and CARD_MAX_LINKS links: a <li>, an <article>, a <div
class="item">, a table row.  A date outside the card (another card's, a
date heading over several cards, the page's "Thứ bảy, 29/11/2026" banner) is
never taken.

Rules for the date in a card, in order (tests/test_list_hints.py, one test per
row of LIST_CARDS):

| the card holds                                   | hint                          |
|--------------------------------------------------|-------------------------------|
| <time datetime="…">                              | the datetime attribute        |
| an element whose whole text is a date            | that text, the outermost such |
|   (a date class first: .date, .time, .ngay …)    |   element (date and time)     |
| a string of its own that is a date ("(29/11)")   | that string                   |
| nothing of the above, in a table row whose next   | that row's date               |
|   row links to nothing and shows a date          |   (row_below_date)            |
| nothing of the above                             | no date hint                  |

"A date" is what normalize.dates.is_list_date accepts: a date line
("Thứ bảy, 29/11/2026", "29/11/2026 08:30", "Cập nhật lúc 09:15 ngày
02/04/2024"), a relative form ("2 giờ trước"), ISO, or a day and month
without a year ("08:30 29/11").  A title that holds a date ("Ngày 29/11/2026,
Công an tỉnh …") is a sentence, not a date.

The title hint is the text of the card's heading (h1-h4) that links to the
article, else the longest text of a link to it, else its title attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml.etree import _Element as Tag

from ..normalize.dates import is_list_date
from . import tree

# is_list_date is a function of the text alone (its "now" is a constant); a card's link repeats its heading's
# text and a side column's dates come back on every list page: each text is read once (issue 10)
list_date = lru_cache(maxsize=4096)(is_list_date)

CARD_MAX_LEVELS = 6  # a card is this close around its link
CARD_MAX_CHARS = 700  # a card is short: a title, a date, a summary
CARD_MAX_LINKS = 6  # image, title, section, comments: more links make a menu or a box, not a card
DATE_MAX_CHARS = 80  # a longer element is not a date element
STOP_TAGS = frozenset({"body", "html", "main"})
DATE_CLASS = re.compile(r"date|time|ngay|thoi-?gian|publish|posted|created", re.IGNORECASE)


def link_hints(links: Iterable[tuple[str, Tag]], cards: dict[str, Tag] | None = None) -> dict[str, dict[str, str]]:
    """href -> hints, for (href, <a> element) pairs of a list page's article links.

    `cards` gives an href's card when the source names its list items
    (`[source.selectors] list_item`); otherwise the card is found by climbing.
    """
    links = list(links)
    owners = _links_below(links)
    hints: dict[str, dict[str, str]] = {}
    for href, a in links:
        card = (cards or {}).get(href)
        if card is None:
            card = find_card(a, href, owners)
        found = card_hints(card, href, [n for h, n in links if h == href])
        hints[href] = {**found, **hints.get(href, {})}  # the first link's reading wins, the others fill in
    return hints


def _links_below(links: list[tuple[str, Tag]]) -> dict[Tag, set[str]]:
    """element -> the article hrefs linked below it (for elements up to CARD_MAX_LEVELS above a link)."""
    owners: dict[Tag, set[str]] = {}
    for href, a in links:
        node = a
        for _ in range(CARD_MAX_LEVELS + 1):
            owners.setdefault(node, set()).add(href)
            node = node.getparent()
            if node is None:
                break
    return owners


def find_card(a: Tag, href: str, owners: dict[Tag, set[str]]) -> Tag:
    """The largest element around the link that links to no other article (see the module doc)."""
    card = a
    for _ in range(CARD_MAX_LEVELS):
        parent = card.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in STOP_TAGS:
            break
        if owners.get(parent, {href}) != {href} or len(tree.flat_text(parent)) > CARD_MAX_CHARS:
            break
        if sum(1 for _ in parent.iter("a")) > CARD_MAX_LINKS:
            break
        card = parent
    return card


def card_hints(card: Tag, href: str, anchors: list[Tag]) -> dict[str, str]:
    hints: dict[str, str] = {}
    title = _title(card, anchors)
    if title:
        hints["title"] = title
    date = card_date(card) or row_below_date(card)
    if date:
        hints["date"] = date
    return hints


def row_below_date(card: Tag) -> str | None:
    """A legacy table's date in the row under the link's row ("Cập nhật: 28/11/2025" in the next <tr>): the next row
    of the link's own row, when that row links to nothing and shows a date (card_date)."""
    row = card if card.tag == "tr" else card.getparent()  # the card is the row, or its cell
    if row is None or row.tag != "tr":
        return None
    below = row.getnext()
    while below is not None and not isinstance(below.tag, str):
        below = below.getnext()
    if below is None or below.tag != "tr" or next(below.iter("a"), None) is not None:
        return None
    return card_date(below)


def card_date(card: Tag) -> str | None:
    """The date shown in the card (the table of the module doc), or None."""
    for node in card.iter("time"):
        value = (node.get("datetime") or "").strip()
        if value and list_date(value):
            return value
    elements = [n for n in card.iter() if isinstance(n.tag, str) and n.tag not in tree.NO_TEXT_TAGS]
    dated = [(n, text) for n in elements if (text := _date_text(n)) is not None]
    outermost = [(n, text) for n, text in dated if not any(o is not n and _is_below(n, o) for o, _ in dated)]
    if outermost:
        return min(outermost, key=lambda pair: not _has_date_class(pair[0]))[1]  # a date class first
    for n in elements:
        for string in tree.direct_strings(n):
            text = " ".join(string.split())
            if text and len(text) <= DATE_MAX_CHARS and list_date(text):
                return text
    return None


def _date_text(node: Tag) -> str | None:
    text = tree.flat_text(node)
    if not text or len(text) > DATE_MAX_CHARS:
        return None
    return text if list_date(text) else None


def _is_below(node: Tag, other: Tag) -> bool:
    return any(p is other for p in node.iterancestors())


def _has_date_class(node: Tag) -> bool:
    return bool(DATE_CLASS.search(" ".join(tree.classes(node))))


def _title(card: Tag, anchors: list[Tag]) -> str | None:
    mine = [a for a in anchors if a is card or _is_below(a, card)]
    for heading in card.iter("h1", "h2", "h3", "h4"):
        if any(a is heading or _is_below(a, heading) or _is_below(heading, a) for a in mine):
            text = tree.flat_text(heading)
            if text and not list_date(text):
                return text
    texts = [t for t in (tree.flat_text(a) for a in mine) if t and not list_date(t)]
    if texts:
        return max(texts, key=len)
    attribute = next((a.get("title").strip() for a in mine if (a.get("title") or "").strip()), None)
    return " ".join(attribute.split()) if attribute else None

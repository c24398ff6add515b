"""A page's clock: the day a header shows as today, never an article's date (issue 13: never invent).

Portals print today's date in their header ("Hôm nay: Thứ Bảy, 29/11/2025"; antv.gov.vn's "Thứ Hai, 16/02/2026
06:38 GMT+7", research 5 #12).  On a page that shows no date of its own, htmldate may return that day: the day
of the crawl, given as the publication date, which readers sort by.  Its answer is refused when the day is the
crawl's and every place the page shows it is a clock line (the table); a page that also shows the day elsewhere
(the article's own line) keeps it.

| clock line                   | example                                   |
|------------------------------|-------------------------------------------|
| labelled today               | "Hôm nay: Thứ Bảy, 29/11/2025", "Today: …" |
| a time with its zone (GMT+7) | "Thứ Hai, 16/02/2026 06:38 GMT+7"         |
"""

from __future__ import annotations

import re
from datetime import date

from . import tree
from .page import Page

CLOCK_LINE = re.compile(r"\b(?:hôm nay|today)\b|\bGMT\s*\+\s*0?7(?::?00)?\b", re.IGNORECASE)
LINE_MAX_CHARS = 80  # a clock's block; longer is prose that happens to say "hôm nay"


def _day_forms(day: date) -> re.Pattern[str]:
    """The day as pages print it, day first: 29/11/2025, 29-11-2025, 29.11.2025, 01/2/2025 …"""
    d, m = (rf"0?{day.day}", rf"0?{day.month}")
    return re.compile(rf"(?<!\d){d}\s*([/.-])\s*{m}\s*\1\s*{day.year}(?!\d)")


def shown_only_on_clocks(text: str, day: date) -> bool:
    """The page shows `day` and every place it does is a clock line (the table)."""
    pattern = _day_forms(day)
    if not pattern.search(text):
        return False
    page = Page(text)
    seen = False
    for node in page.root.iter():
        if not isinstance(node.tag, str) or node.tag in tree.NO_TEXT_TAGS:
            continue
        own = " ".join(s for s in (node.text, *(child.tail for child in node)) if s)
        if not pattern.search(own):
            continue
        seen = True
        if not _in_a_clock_line(node):
            return False
    return seen


def _in_a_clock_line(node) -> bool:
    """The node, or the short block holding it, reads as a clock line."""
    for at in (node, *node.iterancestors()):
        line = tree.flat_text(at)
        if len(line) > LINE_MAX_CHARS:
            return False
        if CLOCK_LINE.search(line):
            return True
    return False

"""The kicker row above the title: a byline and the date on one line (issue 13, ninth pass).

Some portals print the writer and the day in a row above the headline ("Thứ Năm, 20/11/2025 08:30 | Nguyễn Văn
A", "Nguyễn Văn A - 20/11/2025") instead of under it.  Above the title a Vietnamese portal also shows its header
clock ("Chủ Nhật, 29/11/2026", sources.md §5 row 12: not the article's date), so a row there is read only when
it holds a byline beside the date (families/byline_date.split_line's table), and only in the blocks right
above the title:

| where                                                             | read                       |
|-------------------------------------------------------------------|----------------------------|
| the nearest text block before the title (its own, or its parent's or grandparent's preceding sibling) | a byline and a date: both |
| the block after a short label ("Tin tức", the category) above it   | the same                   |
| a date alone, a breadcrumb, a block further up, a long block      | nothing                    |
| a byline that is letters in capitals only ("Chủ Nhật, 29/11/2026 | RSS": a header's link) | nothing |
| in the same blocks, a date line opening with a label (DATE_LABEL: "Cập nhật lúc 15:47 ngày 08/05/2019") | the date (labelled_date_above) |
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.etree import _Element as Tag

from ..normalize.dates import find_date_line
from ..normalize.text import fold_key
from . import byline_date, tree
from .layout import title_element
from .page import Page

LEVELS = 3  # the title element and two of its ancestors: where a kicker row sits beside the heading
BLOCKS = 2  # the nearest text blocks looked at (a category label may sit between the row and the title)
LABEL_MAX_CHARS = 40  # a block this short that is no byline row is a label, looked past once
# The labels that open a publication date line (folded): "Cập nhật (lúc)", "Đăng (lúc/ngày)", "Ngày đăng", "Ngày
# cập nhật", "Xuất bản", "Posted", "Published", "Updated".
DATE_LABEL = re.compile(r"(?:cap nhat|dang|ngay dang|ngay cap nhat|thoi gian dang|xuat ban|posted|published|updated)"
                        r"(?: (?:luc|ngay|on))?\s*:?\s*\d")
ACRONYM = re.compile(r"[A-ZĐ]{1,5}")  # "RSS" beside a header clock: above the title no signature ("PV" ends a body)


def row_above(page: Page, title: str | None) -> tuple[str, str, Tag] | None:
    """(byline, date, the row's element) of the kicker row above the title (the table above), or None."""
    for text, sibling in _blocks_above(page, title):
        found = byline_date.split_line(text)
        if found and not ACRONYM.fullmatch(found[0]):
            return found[0], found[1], sibling
    return None


def labelled_date_above(page: Page, title: str | None) -> tuple[str, Tag] | None:
    """(date line, its element) of a labelled date line right above the title ("Cập nhật lúc 15:47 ngày
    08/05/2019", the old SharePoint portal's order, sources.md §1.2): a header clock carries no label."""
    for text, sibling in _blocks_above(page, title):
        if DATE_LABEL.match(fold_key(text)) and find_date_line([text]) == 0:
            return text, sibling
    return None


def _blocks_above(page: Page, title: str | None) -> Iterator[tuple[str, Tag]]:
    """The nearest text blocks before the title (its own, or its parent's or grandparent's preceding siblings):
    BLOCKS of them, a short label looked past once, nothing past a long block."""
    anchor = _anchor(page, title)
    if anchor is None:
        return
    seen = 0
    node = anchor
    for _ in range(LEVELS):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or sibling.tag == tree.GAP:
                continue
            text = tree.flat_text(sibling)
            if not text:
                continue
            yield text, sibling
            seen += 1
            if seen >= BLOCKS or len(text) > LABEL_MAX_CHARS:
                return
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return


def _anchor(page: Page, title: str | None) -> Tag | None:
    anchor = title_element(page, title) if title else None
    if anchor is None:
        h1s = [h for h in page.root.iter("h1") if tree.has_text(h)]
        anchor = max(h1s, key=lambda h: len(tree.get_text(h, strip=True))) if h1s else None
    return anchor

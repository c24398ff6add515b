"""Day-first or month-first: the order of an all-numeric date a header line shows (issue 13).

htmldate's extensive mode reads a header line's "4. 2. 2022." as 2 April (it tries
the US order first) and a vBulletin page's "Published on 03-08-2011" (month-first,
the board's default) as 3 August.  The day it gives is checked against the line
(header_dates.shows_day) but either reading passes that check.  So when a header
line writes htmldate's day as a numeric date whose two first numbers could each be
the month, the order is decided here, not by htmldate:

| the numeric date on the line (d1 sep d2 sep year)  | the page                                   | read as      |
|-----------------------------------------------------|--------------------------------------------|--------------|
| d1 > 12                                             | (anything)                                 | day-first (the only reading) |
| d2 > 12                                             | (anything)                                 | month-first (the only reading) |
| both <= 12, dots ("4. 2. 2022", "03.08.2011")       | (anything)                                 | day-first: a dotted date is day-first (de, vi, ru ...) |
| both <= 12, "/" or "-"                              | shows another date with the same separator that only month-first reads (second number > 12), and none that only day-first reads | month-first: the page says so by its own writing |
| both <= 12, "/" or "-"                              | otherwise (nothing else, or a date only day-first reads) | day-first: Vietnamese pages write day-first local time (research/sources.md) |

A generator name ("vBulletin", whose Vietnamese boards often switch to day-first)
or the page's language alone never decides: only the page's own dates do.  One test
per row in tests/test_date_order.py.  The page's served text is read (scripts, styles and
comments left out) only for an ambiguous date written with "/" or "-", and only when it holds a
date only month-first reads.

The same order applies to the generic reader's visible date line (layout.date_line, read by the
day-first tables of normalize/date_lines.py): a line the table reads month-first is handed to those
tables with its two numbers swapped, and matched["date_order"] keeps the line as the page wrote it.
"""

from __future__ import annotations

import re

from .page import Page

# d1 sep d2 sep yyyy; the dot allows a space after it ("4. 2. 2022").  Not inside a longer number
# or a version string ("1.2.3.2022"), not glued to a time ("10:03-08-2011").
NUMERIC_DATE = re.compile(r"(?<![\d.:/-])(\d{1,2})(?:(\.) ?|(/)|(-))(\d{1,2})(?:\2 ?|\3|\4)((?:19|20)\d\d)(?!\d)")
# For the page-wide count: the tail of a date written with "/" or "-" ("-24-2012"), then its first number
# read just before it (LEAD): a scan that starts at a separator is cheap on a whole served page.
TAIL = re.compile(r"([/-])(\d\d?)\1((?:19|20)\d\d)(?!\d)")
LEAD = re.compile(r"(?<![\d.:/-])(\d\d?)$")
# What a reader does not see: scripts, styles, comments.
UNSEEN = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
MONTHS = 12


def _parts(match: re.Match) -> tuple[int, int, str, str]:
    sep = match.group(2) or match.group(3) or match.group(4)
    return int(match.group(1)), int(match.group(5)), sep, match.group(6)


def _orders(text: str, sep: str) -> tuple[bool, bool]:
    """(a date only month-first reads, a date only day-first reads) written with `sep` in `text`."""
    month_first = day_first = False
    for tail in TAIL.finditer(text):
        lead = LEAD.search(text, max(0, tail.start() - 3), tail.start()) if tail.group(1) == sep else None
        if lead is None:
            continue
        first, second = int(lead.group(1)), int(tail.group(2))
        if 1 <= first <= 31 and 1 <= second <= 31:
            month_first |= first <= MONTHS < second
            day_first |= second <= MONTHS < first
    return month_first, day_first


def page_month_first(page_text: str, sep: str) -> bool:
    """True when the page (its served HTML; scripts, styles and comments left out) writes, with `sep`,
    a date only month-first reads and none only day-first reads."""
    if _orders(page_text, sep) != (True, False):  # a day-first date in a script still counts against
        return False
    return _orders(UNSEEN.sub(" ", page_text), sep) == (True, False)


def _month_first(first: int, second: int, sep: str, page: Page) -> bool:
    """Whether the numeric date reads month-first, by the table of the module doc."""
    if first > MONTHS or first == second:
        return False
    return second > MONTHS or (sep != "." and page_month_first(page.text, sep))


def ordered_day(day: str, lines: list[str], page: Page) -> str:
    """htmldate's `day`, or the other order of it when a line writes it as an all-numeric date that the
    table reads the other way; unchanged when no line writes it so."""
    year, month, dom = day.split("-")
    wanted = {int(month), int(dom)}
    for line in lines:
        for match in NUMERIC_DATE.finditer(line):
            first, second, sep, written_year = _parts(match)
            if written_year == year and {first, second} == wanted and max(first, second) <= 31:
                month, dom = (first, second) if _month_first(first, second, sep, page) else (second, first)
                return f"{year}-{month:02d}-{dom:02d}"
    return day


def day_first_line(line: str, page: Page) -> str | None:
    """A visible date line whose numeric date the table reads month-first, written day-first (the two
    numbers swapped, the rest of the line as it is) for the day-first date tables; None when the
    line reads day-first as it stands."""
    match = NUMERIC_DATE.search(line)
    if match is None:
        return None
    first, second, sep, _ = _parts(match)
    if not _month_first(first, second, sep, page):
        return None
    (a, b), (c, d) = match.span(1), match.span(5)
    return f"{line[:a]}{line[c:d]}{line[b:c]}{line[a:b]}{line[d:]}"

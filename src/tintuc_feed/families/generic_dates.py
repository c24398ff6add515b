"""Dates the markup names as the publication date, read before the noise is stripped (issue 13).

The generic reader strips headers, footers, tool bars and the like before it
looks for the body (layout.strip_noise); a WordPress theme writes its
<time class="entry-date published"> in exactly such an entry header or footer,
and schema.org microdata puts itemprop="datePublished" wherever the theme
likes.  These elements say by their markup what they hold, so they are read
from the whole page first, like the <meta> dates.

MARKED_PUBLISHED: (css, attribute holding the machine date), most specific
first; the first element inside the article (an element with
itemtype …Article / <article>) wins over one elsewhere, so a related article's
marked date does not.  One test per row in tests/test_generic_dates.py.
Modified dates (itemprop=dateModified, class="updated") are never read here.

Cards (issue 13): a WordPress theme writes every related post as an <article>
with its own <time class="published">.  When the page holds several articles
and the title's element (header_dates.title_anchor) sits in one of them, that
one is the page's article:

| the marked element / <time datetime> sits       | read                      |
|--------------------------------------------------|---------------------------|
| in the title's article (its innermost article)   | first                     |
| outside every article                            | next                      |
| in another article (a card, even nested in ours) | never                     |
| in a <blockquote> (an embedded post: Instagram, X, a quote) | never           |

With one article or none, or a title in no article: the article first, then
anywhere, as before.

The shown date over the markup's (issue 13): a page republished or updated
keeps its first JSON-LD/<meta> datePublished while the line under the title
shows the day it is published as (VISIBLE_OVER_MACHINE, one test per row):

| first date (machine) | visible date line                                  | first                 |
|----------------------|----------------------------------------------------|-----------------------|
| day X                | day X, or X with day and month swapped (US order)  | the machine date      |
| day X                | another day, a header line (header_dates: not a link, not a modification date) | the visible line |
| day X                | another day, not among the header lines            | the machine date      |
| day X                | another day, its month a word ("Wednesday, August 19, 2020": a site's header clock, a card's day; MONTH_WORD_FORMS) | the machine date |
| day X, a time        | a time too, within ZONE_SPAN of it (the same instant in the site's zone) | the machine date (voters.prefer_site_zone reads the zone) |

Then, among the machine dates themselves (SHOWN_MACHINE, one test per row): a
JSON-LD datePublished, a <meta> and a <time> may name different days (a
republished page, a feed's import date).  The header lines decide
(header_dates.shows_day: the year and the day of the month on one line):

| machine dates                         | header lines show                | first                        |
|---------------------------------------|----------------------------------|------------------------------|
| one day, or the first's day shown     | (anything)                       | the first, unchanged         |
| several days, the first's not shown   | another machine date's day       | that machine date            |
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from lxml import etree
from lxml.etree import _Element as Tag

from ..model import RawDate
from ..normalize import machine_dates
from ..normalize.date_lines import MONTH_WORD_FORMS, date_form
from ..normalize.dates import MACHINE_ORIGINS, parse_date
from . import header_dates
from .base import possible, select_all
from .page import Page

MARKED_PUBLISHED = (
    ("time[itemprop~=datePublished][datetime]", "datetime"),
    ("[itemprop~=datePublished][content]:not(meta)", "content"),
    ("[itemprop~=datePublished][datetime]", "datetime"),
    ("[property~='schema:datePublished'][content]:not(meta)", "content"),
    ("time.published[datetime]", "datetime"),
    ("time.entry-date[datetime]", "datetime"),
    ("abbr.published[title]", "title"),
    ("abbr[itemprop~=datePublished][title]", "title"),
)
MARKED_CSS = tuple(css for css, _ in MARKED_PUBLISHED)


def marked_published(page: Page, title: str | None = None) -> tuple[RawDate, str] | None:
    """(the marked publication date, its css) -- by the table of the module doc; None if none."""
    rank = _ranker(page, title)
    best = None
    kept = possible(page, MARKED_CSS)
    for css, attr in MARKED_PUBLISHED:
        if css not in kept:  # the page's index rules it out: it finds nothing
            continue
        for node in select_all(page, css):
            value = (node.get(attr) or "").strip()
            order = rank(node) if value else None
            if order is not None and (best is None or order < best[0]):
                best = (order, RawDate(value, "time"), css)
        if best is not None and best[0] == 0:
            break
    return best[1:] if best else None


def article_time(page: Page, title: str | None = None) -> tuple[RawDate, ...]:
    """<time datetime> by the table of the module doc (the first of the best rank), or ()."""
    rank = _ranker(page, title)
    best = None
    for node in page.root.iter("time"):
        value = (node.get("datetime") or "").strip()
        order = rank(node) if value else None
        if order is not None and (best is None or order < best[0]):
            best = (order, value)
            if order == 0:
                break
    return (RawDate(best[1], "time"),) if best else ()


def _is_article(node: Tag) -> bool:
    return node.tag == "article" or any(s in (node.get("itemtype") or "") for s in ("Article", "BlogPosting"))


# The page's <article> elements, or else its elements typed …Article / …BlogPosting (_is_article's test, in C).
_ARTICLES = etree.XPath("descendant-or-self::article")
_TYPED_ARTICLES = etree.XPath("descendant-or-self::*[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')]")


def _article_of(node: Tag) -> Tag | None:
    return next((a for a in node.iterancestors() if _is_article(a)), None)


def _ranker(page: Page, title: str | None):
    """node -> 0 (in the page's article), 1 (elsewhere), None (in a card's article).  The page's own article
    is found at the first node ranked (most pages have no candidate: their two whole-page XPath runs are
    spared); the callers change nothing in the tree between the two."""
    found: list[Tag | None] = []

    def rank(node: Tag) -> int | None:
        if not found:
            found.append(_own_article(page, title))
        own = found[0]
        if _quoted(node):
            return None
        if own is None:
            return 0 if _article_of(node) is not None else 1
        article = node if _is_article(node) else _article_of(node)
        return 0 if article is own else 1 if article is None else None

    return rank


def _own_article(page: Page, title: str | None) -> Tag | None:
    """Of several articles (or typed …Article elements), the one holding the title; None if one or none."""
    if len(_ARTICLES(page.root) or _TYPED_ARTICLES(page.root)) > 1:
        anchor = header_dates.title_anchor(page, title)
        return (anchor if anchor is not None and _is_article(anchor) else
                _article_of(anchor) if anchor is not None else None)
    return None


def _quoted(node: Tag) -> bool:
    return any(a.tag == "blockquote" for a in node.iterancestors())


ZONE_SPAN = timedelta(hours=14)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # the widest offset from UTC in use


# Comparing two dates of one page needs no clock (the pick checks plausibility later): a fixed "now"
# only decides two-digit years, as in normalize.dates.is_date_line.
_COMPARE_NOW = datetime(2100, 1, 1)


def visible_over_machine(dates: list[RawDate], shown: list[str], *, now: datetime = _COMPARE_NOW) -> RawDate | None:
    """The visible date line to put before the first (machine) date, by the table of the module doc; else None."""
    if not dates or dates[0].origin not in MACHINE_ORIGINS:
        return None
    visible = next((d for d in dates if d.origin == "text"), None)
    if visible is None or not any(" ".join(visible.raw.split()) in line for line in shown):
        return None
    if date_form(visible.raw) in MONTH_WORD_FORMS:  # "Wednesday, August 19, 2020": a header clock, a card's day
        return None
    machine = parse_date(dates[0].raw, dates[0].origin, now=now)
    line = parse_date(visible.raw, "text", now=now)
    if machine is None or line is None:
        return None
    written = _written(dates[0].raw)
    day = (written or machine.value).date()
    shown_day = line.value.date()
    if shown_day == day or (shown_day.day <= 12 and shown_day.replace(month=shown_day.day, day=shown_day.month) == day):
        return None
    if line.precision == "datetime" and machine.precision == "datetime" and written is not None:
        wall = written.replace(tzinfo=None) - (written.utcoffset() or timedelta(0))
        if abs(line.value.replace(tzinfo=None) - wall) <= ZONE_SPAN:
            return None
    return visible


def _written(raw: str) -> datetime | None:
    """The machine date as written, with its offset (None when it has none)."""
    for text in (raw.strip(), machine_dates.to_iso(raw) or ""):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            continue
        if moment.tzinfo is not None:
            return moment
    return None


def own_day(date: RawDate, *, now: datetime = _COMPARE_NOW) -> str | None:
    """The day the date names in its own offset ("YYYY-MM-DD"), or None when it does not parse."""
    written = _written(date.raw) if date.origin in MACHINE_ORIGINS else None
    if written is not None:
        return written.date().isoformat()
    parsed = parse_date(date.raw, date.origin, now=now)
    return parsed.value.date().isoformat() if parsed else None


def shown_machine(dates: list[RawDate], shown: list[str]) -> int | None:
    """The index of the machine date to put first (second row of the SHOWN_MACHINE table), else None."""
    if not dates or dates[0].origin not in MACHINE_ORIGINS or not shown:
        return None
    first = own_day(dates[0])
    if first is None or header_dates.shows_day(first, shown):
        return None
    for index, date in enumerate(dates[1:], start=1):
        day = own_day(date) if date.origin in MACHINE_ORIGINS else None
        if day and day != first and header_dates.shows_day(day, shown):
            return index
    return None


ZONE_STEP = 15  # minutes: every offset in use is a whole quarter hour
ZONE_MINUTES = (-12 * 60, 14 * 60)


def site_zone(first: RawDate, shown: list[str]) -> tuple[RawDate, str] | None:
    """A machine instant written in UTC, and a header line showing the same minute as a wall clock in some
    zone ("February 24, 2020 | 9:25pm", "13/04/2020 16:38"): the instant written in that zone's offset,
    and how it was found (matched["date_zone"]).  The instant is unchanged; None when no line shows it."""
    written = _written(first.raw) if first.origin in MACHINE_ORIGINS else None
    if written is None or written.utcoffset() or (written.hour, written.minute, written.second) == (0, 0, 0):
        return None
    utc = written.replace(tzinfo=None, second=0, microsecond=0)
    for line in _joined(shown):
        wall = _wall_clock(line)
        if wall is None:
            continue
        minutes = (wall - utc).total_seconds() / 60
        if minutes and not minutes % ZONE_STEP and ZONE_MINUTES[0] <= minutes <= ZONE_MINUTES[1]:
            local = written.astimezone(timezone(timedelta(minutes=minutes)))
            return RawDate(local.isoformat(), first.origin), f"{local.isoformat()[-6:]} from the header line {line!r}"
    return None


JOIN = 3  # a date and its time are often separate strings ("February 24, 2020", "|", "9:25pm")


def _joined(lines: list[str]):
    """Each header line, then it joined with the next one and two."""
    for start in range(len(lines)):
        for end in range(start + 1, min(start + JOIN, len(lines)) + 1):
            yield " ".join(lines[start:end])


def _wall_clock(line: str) -> datetime | None:
    """The date and time a header line shows, to the minute, without a zone; None if it shows none."""
    if not re.search(r"\d:\d\d|\d[hH]\d\d", line):
        return None
    parsed = parse_date(line, "text", now=_COMPARE_NOW)
    if parsed is not None and parsed.precision == "datetime" and not re.search(r"GMT|UTC", line):
        return parsed.value.replace(tzinfo=None, second=0)
    iso = machine_dates.to_iso(line.replace("|", " "))
    try:
        moment = datetime.fromisoformat(iso) if iso and "T" in iso else None
    except ValueError:
        return None
    return moment.replace(second=0) if moment is not None and moment.tzinfo is None else None

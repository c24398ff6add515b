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
"""

from __future__ import annotations

from ..model import RawDate
from .base import select_all
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


def marked_published(page: Page) -> tuple[RawDate, str] | None:
    """(the marked publication date, its css) -- inside the article first, else anywhere; None if none."""
    for inside in (True, False):
        for css, attr in MARKED_PUBLISHED:
            for node in select_all(page, css):
                value = (node.get(attr) or "").strip()
                if value and (not inside or _in_article(node)):
                    return RawDate(value, "time"), css
    return None


def _in_article(node) -> bool:
    return any(a.tag == "article" or any(s in (a.get("itemtype") or "") for s in ("Article", "BlogPosting"))
               for a in node.iterancestors())

"""The date line of a page that is one ASP.NET <form>.

ASP.NET WebForms sites (SharePoint, DotNetNuke, and many Vietnamese portals and
newspapers built on them: research/sources.md 0, the old bocongan.gov.vn) put
everything inside <body> in one <form id="aspnetForm">.  strip_noise drops forms
as widgets (search, comment and rating forms), and the visible date line went
with the page's one form.  generic_authors already reads the byline in such a
form (page_forms, _in_page_forms); this reads the date line there the same way,
when the page gave no other date than its URL.

| page | date read here |
|---|---|
| one form around the page, the date line inside it, no meta/JSON-LD/time date | the form's date line |
| a date already read elsewhere (meta, JSON-LD, a date line outside forms) | none (not called) |
| a form that strip_noise kept or that is not page-wide (a search box) | none |
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.etree import _Element as Tag

from ..model import RawDate
from . import layout, tree
from .page import Page


def date_in_page_forms(page: Page, forms: Iterable[Tag], title: str | None, selectors: Iterable[str],
                       matched: dict[str, str]) -> tuple[RawDate, ...]:
    """The visible date line of the first page-wide form strip_noise took out, read as a page of its own."""
    for form in forms:
        if not tree.is_removed(form, page.root):
            continue
        alone = Page(page.text, form)
        layout.strip_noise(alone)
        line = layout.date_line(alone, None, tuple(selectors), title)
        if line:
            matched["date"] = f"page-form:{line[1]}"
            return (RawDate(line[0], "text"),)
    return ()

"""A <form> around the whole page is the page, not a widget (ASP.NET WebForms' one form around everything, a
forum's moderation form around the thread's posts).

layout.strip_noise removes every <form> (a search box, a comment or login form) except these: a form holding
more than PAGE_FORM_SHARE of the page's text, measured once the scripts and styles are gone, stays as a <div>
(its inputs and buttons leave like any page's).  Tests: tests/families/test_body_split.py (a page in an ASP.NET
form read by the structure, its search form still removed).
"""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element as Tag

from . import tree

PAGE_FORM_SHARE = 0.5
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def page_forms(root: Tag, forms: list[Tag]) -> list[Tag]:
    """The forms (of `forms`, under `root`) that hold most of the page's text."""
    if not forms:
        return []
    total = _TEXT_LENGTH(root)
    return [form for form in forms if _TEXT_LENGTH(form) > PAGE_FORM_SHARE * total]


def keep_page_forms(root: Tag, forms: list[Tag]) -> None:
    """Read the page-wide forms as <div>s; remove the others (call it once the scripts are removed)."""
    wide = page_forms(root, forms)
    for form in forms:
        if form in wide:
            form.tag = "div"
        else:
            tree.remove(form)

"""The generic reader's byline: who signed the article, never the site.

Evidence, in order (BYLINE_RULES):

    jsonld.author      JSON-LD author people (an Organization author, or
                       the site's own name, is skipped: issue 3)
    css:<selector>     a byline element (AUTHOR_SELECTORS, then any element
                       whose class names an author) outside comments and
                       forms, whose text parses to a name
    layout:byline-line the body's last short name line (layout.take_byline_line)
    layout:signature   without a body container: a short right-aligned name
                       line after the title ("<p align=right><b>Quang Phong -
                       Tùng Nguyên</b></p>", the portals' way of signing)
    meta:<name>        <meta name=author> and kin, read before the page's
                       <meta> elements are stripped; a URL or @handle is no name

What is read is the raw byline; normalize.authors.parse_byline splits it
into people, credits and the source ("Theo CAND").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.etree import _Element as Tag

from ..normalize.authors import is_site_name, looks_like_byline, parse_byline, site_keys
from ..normalize.text import fold_key
from . import layout, tree
from .base import jsonld_people, meta_content, select_all
from .page import Page

AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website", "brand"})
# Elements that carry a byline, most specific first.
AUTHOR_SELECTORS = (
    ".box-author", ".author-name", ".byline__author-name", ".td-post-author-name", ".post-author-name",
    ".author", ".tac-gia", ".tacgia", ".byline", "[rel~=author]", ".detail-author", ".aliaspost", ".detail-auth",
    ".post-author", "[itemprop~=author] [itemprop=name]", "[itemprop~=author]",
    "[class*=author]", "[class*=Author]", "[class*=byline]", "[class*=autor]",
)
# A byline element inside one of these (class/id words) is a commenter's or a form's.
NOT_ARTICLE = re.compile(r"(?:^|[-_])(?:comment\w*|respond|reply|form|avatar|related|widget|sidebar|share\w*)(?:$|[-_])",
                         re.IGNORECASE)
SKIP_TAGS = ("form", "input", "textarea", "label", "img", "meta", "link", "script", "style", "button", "select")
MAX_BYLINE_ELEMENT_CHARS = 200  # longer: an author's biography box, not a byline
SIGNATURE_MAX_CHARS = 60
# A company or an institution named in <meta name=author> (folded words): not a person who signs.
ORGANIZATION_WORDS = frozenset({
    "gmbh", "ag", "ev", "e v", "ltd", "inc", "llc", "corp", "sa", "srl", "bv", "kg", "verlag", "media",
    "ministerium", "bundesministerium", "departement", "stiftung", "verband", "bundesverband",
})  # fmt: skip
# Letters only Vietnamese writes (marks folded away by fold_key): a text with enough of them is Vietnamese.
VIETNAMESE_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
VIETNAMESE_MIN_SHARE = 0.03  # of the letters; Vietnamese prose has ~15 %, French or German ~0


def page_keys(page: Page, url: str) -> frozenset[str]:
    site = meta_content(page, "og:site_name")
    return site_keys([site[0] if site else None], urlsplit(url).hostname)


def meta_author(page: Page, keys: frozenset[str]) -> tuple[str, str] | None:
    """(name, meta name) of the first author <meta> holding a person's name; call it before strip_noise.

    A URL, an @handle, a domain, the site's name or a company ("… GmbH") is no author.
    """
    for name in AUTHOR_META:
        found = meta_content(page, name)
        value = found[0].strip() if found else ""
        if value and not re.match(r"(?:https?:|www\.|@|/)", value) and not re.search(r"\w\.[a-z]{2,4}\b|@", value) \
                and not is_site_name(value, keys) and not is_organization(value):
            return value, name
    return None


def is_organization(name: str) -> bool:
    words = fold_key(name).split()
    return any(w in ORGANIZATION_WORDS for w in words) or " ".join(words[-2:]) in ORGANIZATION_WORDS


def shown_on_page(name: str, page: Page) -> bool:
    """The name is in the page's visible text (a <meta> author the page never shows is a CMS account)."""
    key = " ".join(fold_key(name).split())
    return bool(key) and f" {key} " in f" {' '.join(fold_key(tree.flat_text(page.root)).split())} "


def is_vietnamese(text: str) -> bool:
    letters = [c for c in text.lower() if c.isalpha()]
    return bool(letters) and sum(c in VIETNAMESE_LETTERS for c in letters) >= VIETNAMESE_MIN_SHARE * len(letters)


def jsonld_persons(value) -> list[str]:
    """JSON-LD author names, Organization authors left out."""
    if isinstance(value, list):
        return [n for item in value for n in jsonld_persons(item)]
    if isinstance(value, dict):
        types = value.get("@type", "")
        names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if names & ORGANIZATION_TYPES:
            return []
    return jsonld_people(value)


def people(names: Iterable[str], keys: frozenset[str]) -> list[str]:
    return [n for n in names if not is_site_name(n, keys)]


def _in_article(node: Tag) -> bool:
    if node.tag in SKIP_TAGS:
        return False
    for candidate in (node, *node.iterancestors()):
        if candidate.tag in ("article", "main", "body", "html"):
            break  # the page's and the article's own classes ("has-sidebar", "comments-open") say nothing
        words = [*tree.classes(candidate), candidate.get("id") or ""]
        if candidate.tag in ("form", "aside", "nav") or any(NOT_ARTICLE.search(w) for w in words if w):
            return False
    return True


def names_in(text: str, keys: frozenset[str]) -> bool:
    """The byline text gives at least one author who is not the site."""
    return any(not is_site_name(a.name, keys) for a in parse_byline(text).authors)


def author_element(page: Page, keys: frozenset[str]) -> tuple[str, str] | None:
    """(text, selector) of the first byline element that names someone; the element leaves the page."""
    seen: set[Tag] = set()
    for css, node in _candidates(page):
        if node in seen:
            continue
        seen.add(node)
        text = "\n".join(s for s in (x.strip() for x in tree.get_text(node, "\n").split("\n")) if s)
        if text and len(text) <= MAX_BYLINE_ELEMENT_CHARS and _in_article(node) and names_in(text, keys):
            tree.remove(node)
            return text, css
    return None


def _candidates(page: Page):
    for css in AUTHOR_SELECTORS:
        for node in select_all(page, css):
            yield css, node


def signature(page: Page, title: str | None, keys: frozenset[str]) -> str | None:
    """A short right-aligned name line after the title (pages read without a body container)."""
    anchor = layout.title_element(page, title) if title else None
    nodes = tree.elements_from(anchor) if anchor is not None else page.root.iter()
    for node in nodes:
        if not isinstance(node.tag, str) or not _right_aligned(node):
            continue
        text = tree.flat_text(node)
        if text and len(text) <= SIGNATURE_MAX_CHARS and looks_like_byline(text) and names_in(text, keys):
            tree.remove(node)
            return text
    return None


def _right_aligned(node: Tag) -> bool:
    return bool(layout.RIGHT_ALIGNED.search(node.get("style") or "")) or (node.get("align") or "").lower() == "right"


def read_byline(page: Page, obj: dict | None, container: Tag | None, title: str | None, keys: frozenset[str],
                meta: tuple[str, str] | None, matched: dict[str, str]) -> str | None:
    """The raw byline by BYLINE_RULES' order (module doc); `keys` (page_keys) and `meta` (meta_author) are
    read before strip_noise removes the <meta> elements."""
    found = people(jsonld_persons((obj or {}).get("author")), keys)
    if found:
        matched["authors"] = "jsonld.author"
        if container is not None:
            layout.take_byline_line(container)  # the same names signing the body are not body text
        return " - ".join(found)
    element = author_element(page, keys)
    if element:
        matched["authors"] = f"css:{element[1]}"
        if container is not None and is_vietnamese(tree.flat_text(container)):
            layout.take_byline_line(container)  # "Theo Infonet" and what follows end the body
        return element[0]
    line = _signed_line(page, container, title, keys, matched)
    if line:
        return line
    if meta and shown_on_page(meta[0], page):
        matched["authors"] = f"meta:{meta[1]}"
        return meta[0]
    return None


def _signed_line(page: Page, container: Tag | None, title: str | None, keys: frozenset[str],
                 matched: dict[str, str]) -> str | None:
    """The Vietnamese portals' signature: the body's last name line, or a right-aligned one after the title.

    Only on Vietnamese text: elsewhere a short last line with a name is a caption or a quote.
    """
    if not is_vietnamese(tree.flat_text(container if container is not None else page.root)):
        return None
    if container is not None:
        line = layout.take_byline_line(container)
        if line:
            matched["authors"] = "layout:byline-line"
        return line
    line = signature(page, title, keys)
    if line:
        matched["authors"] = "layout:signature"
    return line

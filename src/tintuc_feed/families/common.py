"""Building blocks the dedicated families share.

A family knows where its CMS puts each field (a tuple of CSS selectors, most
specific first, from research/sources.md); these helpers run those tables
and assemble the RawArticle.  The fields a family has no rule for (image,
tags, canonical URL, language) come from the page's metadata, read the
generic way.  Title and body are never filled from generic here: when a
family's selectors find no title or body, `extract_article` falls back to
the generic family and marks the article degraded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from lxml.etree import _Element as Tag

from ..model import ArticleLink, RawArticle, RawDate
from ..normalize.dates import find_date_line
from ..normalize.text import fold_key
from . import byline_lines, layout, read_also, tree
from .base import (
    first_of_each,
    jsonld_article,
    link_base,
    link_url,
    meta_content,
    possible,
    select_all,
    select_one,
    text_of,
)
from .page import Page

# Elements that never belong to an article body.
BODY_NOISE_TAGS = ("script", "style", "noscript", "template", "form", "button", "input", "select", "textarea")
# A date string a machine wrote (ISO 8601 or RFC 822): read as "api", not as a visible date.
MACHINE_DATE = re.compile(
    r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}.*)?|(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d.*)\s*$"
)


def first_node(page: Page | Tag, selectors: Iterable[str], *, min_chars: int = 1) -> tuple[Tag, str] | None:
    """(node, selector) for the first selector matching a node with enough text."""
    for css, node in first_of_each(page, selectors):
        if node is not None and len(tree.get_text(node, " ", strip=True)) >= min_chars:
            return node, css
    return None


def date_after_title(page: Page, selectors: Iterable[str], skip=None) -> tuple[Tag, str] | None:
    """The first date element (a pure date line) after the title, not inside `skip` items.

    Header clocks ("Thứ Hai, 16/02/2026 06:38 GMT+7") come before the h1 and
    list items of other news are skipped, so neither passes for the date.
    """
    h1s = [h for h in page.root.iter("h1") if tree.has_text(h)]
    after = set(tree.elements_from(max(h1s, key=lambda h: len(tree.get_text(h))))) if h1s else None
    for css in selectors:
        for node in select_all(page, css):
            if after is not None and node not in after or (skip and tree.find_parent(node, class_=skip) is not None):
                continue
            text = text_of(node)
            if text and find_date_line([text]) == 0:
                return node, css
    return None


def read_text(page: Page, selectors: Iterable[str], field: str, matched: dict[str, str]) -> str | None:
    """The first selector's text; a bare "h1" takes the longest h1 (a logo may be an h1 too)."""
    for css in selectors:
        nodes = list(page.root.iter("h1")) if css == "h1" else [select_one(page, css)]
        texts = [t for t in (text_of(n) for n in nodes if n is not None) if t]
        if texts:
            matched[field] = f"css:{css}"
            return max(texts, key=len)
    return None


def take_byline(page: Page, selectors: Iterable[str], container: Tag | None, matched: dict[str, str]) -> str | None:
    """The byline element (removed from the page), else the body's last name line."""
    found = layout.author_element(page, selectors)
    if found:
        matched["authors"] = f"css:{found[1]}"
        return found[0]
    if container is not None:
        line = byline_lines.take_byline_line(container)
        if line:
            matched["authors"] = "layout:byline-line"
            return line
    return None


def meta_byline(page: Page, matched: dict[str, str]) -> str | None:
    meta = meta_content(page, "author", "article:author", "dc.creator")
    if meta and not meta[0].startswith("http"):
        matched["authors"] = f"meta:{meta[1]}"
        return meta[0]
    return None


def remove_all(root: Tag, selectors: Iterable[str]) -> None:
    for css in possible(root, selectors):
        for node in select_all(root, css):
            tree.remove(node)


def remove_text_blocks(root: Tag, pattern: re.Pattern[str] | None) -> None:
    """Remove the smallest blocks whose text starts with a boilerplate phrase."""
    if pattern is None:
        return
    top = next(iter(reversed(list(root.iterancestors()))), root)
    for node in layout.leaf_blocks(root):
        if not tree.is_removed(node, top) and pattern.match(tree.flat_text(node)):
            tree.remove(node)
    for string in tree.all_strings(root):
        if pattern.search(string[0]):
            tree.set_string(string, "")


def clean_body(container: Tag, page: Page, remove: Sequence[str] = (),
               boilerplate: re.Pattern[str] | None = None) -> str | None:
    for node in tree.descendants(container, *BODY_NOISE_TAGS):
        tree.remove(node)
    remove_all(container, remove)
    remove_text_blocks(container, boilerplate)
    read_also.remove(container)  # the lines themselves: only the generic reader's vote uses them
    return layout.body_html(container, page)


def hint_date(hints: Mapping[str, str]) -> tuple[RawDate, ...]:
    """The list page's date: machine-written (feed/API) ones as "api", visible ones as "list"."""
    value = (hints.get("date") or "").strip()
    if not value:
        return ()
    return (RawDate(value, "api" if MACHINE_DATE.match(value) else "list"),)


def page_extras(page: Page, url: str, container: Tag | None) -> dict:
    """Image, tags, canonical URL, site name and language, from the page's metadata."""
    from . import generic

    obj = jsonld_article(page)
    return {
        "image": generic._image(page, obj, container, url),
        "tags": generic._tags(page, obj),
        "canonical_url": generic._canonical(page, url),
        "site_name": (meta_content(page, "og:site_name") or (None,))[0],
        "language": page.lang,
    }


def summary_fallback(page: Page, hints: Mapping[str, str]) -> str | None:
    found = meta_content(page, "description", "og:description")
    return found[0] if found else (hints.get("summary") or None)


# Site-wide columns beside a list (latest news, most read): their links are not the list's.
SIDEBAR_CLASS = re.compile(r"(^|[\s_-])(sidebar|widget|col-side)([\s_-]|$)", re.IGNORECASE)
# A menu of the site's sections ("menu", "catmenu", "leftmenu", "submenu", "nav", "navbar"), or a <nav>: its links
# name sections, never the list's articles, even where a section's slug looks like an article's
# ("/chuyen-muc/xay-dung-luc-luong.html").
NAV_CLASS = re.compile(r"^(?:[a-z]*menu|nav|navbar|navigation)$", re.IGNORECASE)


# A column named only by its place: class "col-right"/"right-col"/"column-right"/"box-right"..., or id "right".
SIDE_PLACE_CLASS = re.compile(r"^(?:col|column|box|content|main)?[_-]?right(?:[_-]?(?:col|column|side|bar|content))?$",
                              re.IGNORECASE)
SIDE_PLACE_ID = re.compile(r"^(?:col|column)?[_-]?right(?:[_-]?(?:col|column|side|bar))?$", re.IGNORECASE)
# A narrow grid column beside a wide one in the same row (Bootstrap "col-md-4" beside "col-md-8", Tailwind
# "lg:col-span-4" beside "lg:col-span-8"): the site's side column.  Columns all of one width are a grid of cards.
NARROW_COLUMN = re.compile(r"^(?:[a-z]+:)?col-(?:(?:xs|sm|md|lg|xl|xxl)-)?(?:span-)?(?:2|3|4)$")
WIDE_COLUMN = re.compile(r"^(?:[a-z]+:)?col-(?:(?:xs|sm|md|lg|xl|xxl)-)?(?:span-)?(?:8|9|10)$")
# UIkit's grid (cand.com.vn, research 3.2) names columns by fractions: "uk-width-1-3@m" beside "uk-width-2-3@m".
UIKIT_NARROW = re.compile(r"^uk-width-(?:1-3|1-4|1-5|2-5)(?:@(?:s|m|l|xl))?$")
UIKIT_WIDE = re.compile(r"^uk-width-(?:2-3|3-4|3-5|4-5|expand)(?:@(?:s|m|l|xl))?$")
BOX_HEADING = re.compile(r"^h[2-5]$")
BOX_HEADING_CLASS = re.compile(r"(?:^|[_-])(?:title|heading)(?:$|[_-])", re.IGNORECASE)
OWN_BOX_MIN_CHARS = 4  # a box heading this short ("Tin") names no category


def _is_side_column(node: Tag) -> bool:
    tokens = tree.classes(node) if node.get("class") else []
    if any(SIDE_PLACE_CLASS.match(t) for t in tokens) or SIDE_PLACE_ID.match(node.get("id") or ""):
        return True
    for narrow, wide in ((NARROW_COLUMN, WIDE_COLUMN), (UIKIT_NARROW, UIKIT_WIDE)):
        if any(narrow.match(t) for t in tokens):
            parent = node.getparent()
            return parent is not None and any(
                sibling is not node and sibling.get("class") and any(wide.match(t) for t in tree.classes(sibling))
                for sibling in parent.iterchildren())
    return False


def _box_heading(node: Tag, column: Tag) -> str:
    """The heading of the box that holds the node inside the side column ("Tin nổi bật"), folded; "" if none."""
    for at in (node, *node.iterancestors()):
        if at is column:
            return ""
        for sibling in at.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            if BOX_HEADING.match(sibling.tag) or (sibling.get("class") and tree.class_matches(sibling, BOX_HEADING_CLASS)):
                return fold_key(tree.flat_text(sibling) or "")
    return ""


def _page_title(node: Tag) -> str:
    title = node.getroottree().getroot().find(".//title")
    return fold_key(tree.flat_text(title) or "") if title is not None else ""


def in_sidebar(node: Tag, page_title: str = "") -> bool:
    """Inside an <aside> or a <nav>, a sidebar/widget column, a menu (NAV_CLASS), or a column named by its place
    (right, narrow beside wide: Bootstrap, Tailwind or UIkit widths).

    In a column named by its place, a box headed with the page's own category (the page's title starts with it:
    "Tin tức - Sự kiện" on "Tin tức - Sự kiện - Công an tỉnh …") lists that category: its links are the list's.
    """
    for parent in node.iterancestors():
        if parent.tag in ("aside", "nav") or (parent.get("class") and (
                tree.class_matches(parent, SIDEBAR_CLASS) or any(NAV_CLASS.match(t) for t in tree.classes(parent)))):
            return True
        if _is_side_column(parent):
            heading = _box_heading(node, parent)
            return not (len(heading) >= OWN_BOX_MIN_CHARS and page_title.startswith(heading))
    return False


def outside_sidebars(nodes: Iterable[Tag]) -> list[Tag]:
    """The nodes not inside a sidebar (in_sidebar)."""
    nodes = list(nodes)
    title = _page_title(nodes[0]) if nodes else ""
    return [n for n in nodes if not in_sidebar(n, title)]


def main_links(links: Sequence[tuple[str, Tag]]) -> list[tuple[str, Tag]]:
    """(href, <a>) pairs outside the sidebars; all of them when every one is in a sidebar (a home page of boxes)."""
    kept = set(outside_sidebars(a for _, a in links))
    return [pair for pair in links if pair[1] in kept] or list(links)


def links_in(nodes: Iterable[Tag], base: str, source, link_css: str = "a[href]") -> list[ArticleLink]:
    """Article links inside the given list items, in order, each once, with hints."""
    seen: dict[str, ArticleLink] = {}
    nodes = list(nodes)
    base = link_base(nodes[0], base) if nodes else base  # the page's <base href>, when it has one
    for item in nodes:
        for a in select_all(item, link_css) if item.tag != "a" else [item]:
            href = link_url(base, a.get("href"))
            if href and source.article_re.search(href.split("#")[0]):
                href = href.split("#")[0]
                hints = _item_hints(item, a)
                if href in seen:  # the picture link came first: keep what the text link adds
                    hints = {**hints, **seen[href].hints}
                seen[href] = ArticleLink(href, hints=hints)
                break
    return list(seen.values())


def _item_hints(item: Tag, link: Tag) -> dict[str, str]:
    title = text_of(select_one(item, "h1, h2, h3, h4, .title")) or link.get("title") or text_of(link)
    hints = {"title": " ".join(title.split())} if title else {}
    summary = text_of(select_one(item, ".sapo, .desc, .summary, .td-excerpt, p"))
    if summary and summary != hints.get("title"):
        hints["summary"] = summary
    date = next((t for t in item.iterdescendants("time") if t.get("datetime") is not None), None)
    date_text = date.get("datetime") if date is not None else text_of(select_one(item, ".time, .date, .entry-date, span.text-bca-gray-700"))
    if date_text:
        hints["date"] = date_text
    return hints


def raw_article(url: str, page: Page, container: Tag | None, **fields) -> RawArticle:
    extras = page_extras(page, url, container)
    extras.update({k: v for k, v in fields.items() if v is not None or k not in extras})
    return RawArticle(url=url, **extras)

"""Reading a page from its text layout, when no markup names the fields.

A provincial portal's article reads, top to bottom: the title, a date line,
the body (paragraphs, photos and their captions), a byline line, then the
sidebar widgets.  These helpers find each part in that order.  They work on
a parsed tree and may remove what they find from it (the byline and the date
line are not body text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree
from lxml.etree import _Element as Tag

from ..normalize.dates import find_date_line
from . import page_forms, tree, tree_html
from .base import first_of_each, possible, select_all
from .page import Page
from .teasers import in_link_teaser, line_in_teaser

# Elements that never hold article text.
NOISE_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "button", "select", "input",
              "nav", "aside", "footer", "svg", "link", "meta")
# class/id words of widgets around an article (share bars, related boxes,
# sidebars, ratings); removed when they hold little paragraph text.
NOISE_CLASS = re.compile(
    r"(^|[\s_-])(share|sharing|social|related|relate|contref|comment|rating|vote|breadcrumb|banner|advert|ads|"
    r"sidebar|widget|menu|print|tool|tags?|pager|pagination|footer|header-top)([\s_-]|$)",
    re.IGNORECASE,
)
HAS_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}")
BARE_TIME = re.compile(r"[|,–-]?\s*\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?['’]?(?:\s*(?:SA|CH|AM|PM))?", re.IGNORECASE)
BYLINE_CLASS = re.compile(r"author|byline", re.IGNORECASE)  # "author-share-top": the byline, not a share bar
NOISE_MAX_PARAGRAPH_CHARS = 300  # a widget with more paragraph text than this is content
BLOCK_TAGS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "td", "blockquote", "section",
              "table", "figure", "ul", "ol", "pre", "article")
MIN_DENSE_CHARS = 100  # a block with less paragraph text is not a body
# The densest block's parent is the body when its own paragraphs hold this much text and its link text is
# under this share (an article whose first paragraphs sit beside a nested block holding the rest).
HOLDER_OWN_CHARS = 200
HOLDER_LINK_DENSITY = 0.2


# One of these is in every class/id NOISE_CLASS matches (case folded): _is_noise_widget
# runs only on the elements that have one (it ran on every element of the page).
NOISE_WORDS = re.compile("share|sharing|social|relate|contref|comment|rating|vote|breadcrumb|banner|advert|ads|"
                         "sidebar|widget|menu|print|tool|tag|pager|pagination|footer|header-top")
_NAMED = etree.XPath("descendant-or-self::*[@class or @id]")


def strip_noise(page: Page) -> None:
    """Remove the elements that never hold article text and the named widgets (a page-wide <form> stays:
    page_forms)."""
    forms = []
    for node in tree.descendants(page.root, *NOISE_TAGS):
        forms.append(node) if node.tag == "form" else tree.remove(node)
    page_forms.keep_page_forms(page.root, forms)
    named = [n for n in _NAMED(page.root)
             if NOISE_WORDS.search(f"{n.get('class') or ''} {n.get('id') or ''}".casefold())]
    for node in [n for n in named if _is_noise_widget(n)]:
        tree.remove(node)


def _is_noise_widget(node: Tag) -> bool:
    if not isinstance(node.tag, str) or node.tag in ("html", "body", "main", "article", "h1", tree.GAP):
        return False
    names = " ".join(tree.classes(node)) + " " + (node.get("id") or "")
    if not NOISE_CLASS.search(names) or tree.find(node, "h1") is not None or BYLINE_CLASS.search(names):
        return False
    return sum(len(tree.get_text(p, strip=True)) for p in node.iterdescendants("p")) < NOISE_MAX_PARAGRAPH_CHARS


def densest_block(page: Page) -> Tag | None:
    """The element whose paragraphs hold the most text (readability's idea)."""
    scores: dict[Tag, int] = {}
    for para in page.root.iterdescendants("p", "figcaption"):
        parent = para.getparent()
        scores[parent] = scores.get(parent, 0) + len(tree.get_text(para, " ", strip=True))
    if not scores:
        return _densest_text_block(page)
    best, score = max(scores.items(), key=lambda pair: pair[1])
    if score < MIN_DENSE_CHARS:
        return _densest_text_block(page)
    return _holder_with_own_paragraphs(best, scores)


def _holder_with_own_paragraphs(best: Tag, scores: dict[Tag, int]) -> Tag:
    """The densest block's parent when the parent holds paragraphs of its own and few links: the article's
    first paragraphs (and the lines and photo between them) sit beside the nested block holding the rest."""
    parent = best.getparent()
    if parent is None or scores.get(parent, 0) < HOLDER_OWN_CHARS:
        return best
    text = len(tree.get_text(parent, " ", strip=True)) or 1
    links = sum(len(tree.get_text(a, " ", strip=True)) for a in parent.iterdescendants("a"))
    return parent if links / text < HOLDER_LINK_DENSITY else best


def _densest_text_block(page: Page) -> Tag | None:
    """For pages without <p>: the element with the most direct text (<br> layouts)."""
    best, best_len = None, 0
    for node in page.root.iter("div", "td", "section", "article", "main", "body"):
        direct = sum(len(s.strip()) for s in tree.direct_strings(node))
        if direct > best_len:
            best, best_len = node, direct
    return best if best_len >= MIN_DENSE_CHARS else None


def leaf_blocks(container: Tag) -> list[Tag]:
    """Block elements with text and no block element with text inside."""
    nodes = tree.descendants(container, *BLOCK_TAGS)
    holders = tree.text_holders(container) if nodes else ()  # has_text of each node (none is a NO_TEXT_TAG)
    with_text = [node for node in nodes if node in holders]
    # One walk up from each block with text marks the blocks that contain one.
    blocks = set(nodes)
    outer: set[Tag] = set()
    for node in with_text:
        for parent in node.iterancestors():
            if parent is container:
                break
            if parent in blocks:
                outer.add(parent)
    return [node for node in with_text if node not in outer]


def _lines(node: Tag) -> str:
    return "\n".join(s for s in (x.strip() for x in tree.get_text(node, "\n").split("\n")) if s)


def author_element(page: Page, selectors: Iterable[str]) -> tuple[str, str] | None:
    for css, node in first_of_each(page, selectors):
        text = _lines(node) if node is not None else ""
        if text and len(text) <= 200:
            tree.remove(node)
            return text, css
    return None


def date_line(page: Page, container: Tag | None, selectors: Iterable[str],
              title: str | None = None) -> tuple[str, str] | None:
    """The visible date line: a date element, else the date line near the title."""
    for css in possible(page, selectors):
        for node in select_all(page, css):
            text = tree.flat_text(node)
            if text and find_date_line([text]) == 0 and not in_link_teaser(node):
                tree.remove(node)
                return text, f"css:{css}"
    lines = [(text, ref) for text, ref in _lines_near_title(page, container, title)
             if not line_in_teaser(tree.string_parent(ref))]  # another article's date in a list after the body
    index = find_date_line([text for text, _ in lines])
    if index is None:
        return None
    text, node = lines[index]
    _remove_line(node, text)
    if index + 1 < len(lines) and not HAS_TIME.search(text) and BARE_TIME.fullmatch(lines[index + 1][0]):
        _remove_line(lines[index + 1][1], lines[index + 1][0])  # the time on the next line ("02/06/2023<br>08:30")
        text = f"{text} {lines[index + 1][0]}"
    return text, "layout:date-line"


def lines_near_title(page: Page, container: Tag | None, title: str | None = None) -> Iterator[tuple[str, tuple]]:
    """The text lines just after the title, as the date line is looked for (the byline with the date)."""
    return _lines_near_title(page, container, title)


def _lines_near_title(page: Page, container: Tag | None,
                      title: str | None = None) -> Iterator[tuple[str, tuple]]:
    """Text lines just after the title (the element showing it, else the longest <h1>, else the body's start)."""
    anchor = title_element(page, title) if title else None
    if anchor is None:
        h1s = [h for h in page.root.iter("h1") if tree.has_text(h)]
        anchor = max(h1s, key=lambda h: len(tree.get_text(h, strip=True))) if h1s else None
    if anchor is None and container is None:
        return
    strings = tree.strings_from(anchor) if anchor is not None else tree.all_strings(container)
    count = 0
    for string in strings:
        text = " ".join(string[0].split()) if string[2] != tree.COMMENT else ""  # a reader never sees a comment
        if text:
            yield text, string
            count += 1
            if count >= 12:
                return


def _remove_line(string: tuple, text: str) -> None:
    """Remove the smallest element holding exactly this line (or the string)."""
    node = tree.string_parent(string)
    while node is not None and node.getparent() is not None and node.tag not in ("body", "html"):
        if tree.flat_text(node) != text:
            break
        if tree.flat_text(node.getparent()) != text:
            tree.remove(node)
            return
        node = node.getparent()
    tree.set_string(string, "")


def body_html(container: Tag, page: Page, title: str | None = None) -> str | None:
    """The body's inner HTML, without the title heading and empty elements."""
    for heading in tree.descendants(container, "h1"):
        tree.remove(heading)
    if title:
        remove_title(container, title)
    # has_text of each node, found once: removing an element without text changes no other's (its tail stays)
    holders = tree.text_holders(container)
    for node in tree.descendants(container, "p", "div", "span", "strong", "em"):
        if node not in holders and tree.find(node, "img", "video", "iframe", "table", "br") is None:
            tree.remove(node)
    html = tree_html.inner_html(container).strip()
    return html or None


def _flat(node: Tag) -> str:
    return tree.flat_text(node)


def remove_title(container: Tag, title: str) -> None:
    """Remove the element repeating the title (an <h2> title, a bold first line).

    The title given may carry a site suffix (og:title), so an element whose
    text starts it counts, when it is long enough not to be a common word.
    """
    flat_title = " ".join(title.split())
    for node in tree.descendants(container, "h2", "h3", "h4", "p", "div", "b", "strong", "span", "a"):
        text = _flat(node)
        if len(text) >= TITLE_MIN_CHARS and flat_title.startswith(text) and tree.find(node, "img", "p") is None:
            tree.remove(node)
            return


def title_element(page: Page, title: str) -> Tag | None:
    """The visible element that shows the title: a heading first, else the smallest element in <body>."""
    flat_title = " ".join(title.split())
    if len(flat_title) < TITLE_MIN_CHARS:
        return None
    for node in page.root.iter("h1", "h2", "h3"):
        if _flat(node) == flat_title and tree.find_parent(node, "a") is None:
            return node
    for string in tree.all_strings(page.root):
        text = " ".join(string[0].split())
        if not text or not flat_title.startswith(text):
            continue
        node = tree.string_parent(string)
        if node is None or node.tag in ("head", "a", "script") or tree.find_parent(node, ("head", "a", "script")) is not None:
            continue
        while node is not None and node.tag != "body" and len(_flat(node)) <= len(flat_title):
            if _flat(node) == flat_title:
                return node
            node = node.getparent()
    return None


TITLE_MIN_CHARS = 15  # shorter "titles" are labels ("Tin tức"), not headlines
TITLE_MAX_CHARS = 300
TITLE_CLASS = re.compile(r"title|tieu-?de|headline|heading", re.IGNORECASE)


def title_line(page: Page, container: Tag | None) -> tuple[str, str] | None:
    """When no markup names the title: the headline-like element the date line follows,
    else the line above the date line, else the first headline-like element.

    Sidebar box titles ("Tin tức - Sự kiện") look like headlines too; the date
    line under the article's title is what tells them apart.
    """
    headings = list(page.root.iter("h2", "h3"))
    named = [n for n in page.root.iter() if isinstance(n.tag, str) and tree.class_matches(n, TITLE_CLASS)]
    candidates = [(text, node) for node in headings + named
                  if TITLE_MIN_CHARS <= len(text := _flat(node)) <= TITLE_MAX_CHARS
                  and tree.find_parent(node, "a") is None and tree.find(node, "a") is None]
    near = [(distance, i) for i, (_, node) in enumerate(candidates) if (distance := _date_distance(node)) is not None]
    if near:
        text, node = candidates[min(near)[1]]
        return text, f"layout:{node.tag}+date"
    lines = [text for text, _ in _lines_near_title(page, container)]
    index = find_date_line(lines)
    if index and TITLE_MIN_CHARS <= len(lines[index - 1]) <= TITLE_MAX_CHARS:
        return lines[index - 1], "layout:line-above-date"
    if candidates:
        return candidates[0][0], f"layout:{candidates[0][1].tag}"
    return None


def _nearest(string: tuple, tag: str) -> Tag | None:
    """The string's closest enclosing element named `tag` (bs4's string.find_parent(tag))."""
    node = tree.string_parent(string)
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


DATE_FOLLOW_LINES = 3  # the date line sits this close under the title


def _date_distance(node: Tag) -> int | None:
    """How many lines below the node the date line is (None: not within DATE_FOLLOW_LINES)."""
    following = []
    for string in tree.strings_from(node):
        text = " ".join(string[0].split())
        if text and _nearest(string, node.tag) is not node:
            following.append(text)
            if len(following) >= DATE_FOLLOW_LINES:
                break
    return find_date_line(following)


def paragraphize(container: Tag, page: Page) -> None:
    """Turn text runs separated by <br> directly in the container into <p>s.

    Old portals write a whole article as text and <br>; paragraphs make the
    byline and date lines findable, and the feed's HTML readable.
    """
    if not any(s.strip() for s in tree.direct_strings(container)):
        return
    runs: list[list] = [[]]
    for part in _detach_children(container):
        if isinstance(part, str) or part.tag not in ("br", *BLOCK_TAGS):
            runs[-1].append(part)
        elif part.tag == "br":
            runs.append([])
        else:
            runs.append([part])
            runs.append([])
    for run in runs:
        if len(run) == 1 and not isinstance(run[0], str) and run[0].tag in BLOCK_TAGS:
            container.append(run[0])
        elif any(_shows(part) for part in run):
            _append_parts(etree.SubElement(container, "p"), run)
    tree.changed()  # the children were taken out and put back in paragraphs


def _detach_children(container: Tag) -> list:
    """The container's children in order, strings as str; the container is left empty."""
    parts: list = [container.text] if container.text else []
    container.text = None
    for child in list(container):
        tail, child.tail = child.tail, None
        container.remove(child)
        parts.append(child)
        if tail:
            parts.append(tail)
    return parts


def _shows(part) -> bool:
    if isinstance(part, str):
        return bool(part.strip())
    if part.tag is etree.Comment:
        return bool((part.text or "").strip())
    return part.tag != tree.GAP


def _append_parts(para: Tag, parts: list) -> None:
    for part in parts:
        if not isinstance(part, str):
            para.append(part)
        elif len(para):
            para[-1].tail = (para[-1].tail or "") + part
        else:
            para.text = (para.text or "") + part

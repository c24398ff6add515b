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
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from ..normalize.authors import looks_like_byline
from ..normalize.dates import find_date_line
from .base import absolute, first_of_each

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
NOISE_MAX_PARAGRAPH_CHARS = 300  # a widget with more paragraph text than this is content
BLOCK_TAGS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "td", "blockquote", "section",
              "table", "figure", "ul", "ol", "pre", "article")
BYLINE_SCAN = 8  # how many trailing blocks may hold the byline
BYLINE_MAX_TRAILER = 150  # a block longer than this is body text: the byline is not after it
MIN_DENSE_CHARS = 100  # a block with less paragraph text is not a body
NEXT_WORDS = {"tiếp", "trang sau", "sau", "›", "»", "next", ">", "tiếp theo", "xem tiếp", ">>"}


def strip_noise(soup: BeautifulSoup) -> None:
    for node in soup.find_all(NOISE_TAGS):
        node.decompose()
    for node in soup.find_all(_is_noise_widget):
        node.decompose()


def _is_noise_widget(node: Tag) -> bool:
    if not isinstance(node, Tag) or node.name in ("html", "body", "main", "article", "h1"):
        return False
    names = " ".join(node.get("class") or []) + " " + (node.get("id") or "")
    if not NOISE_CLASS.search(names) or node.find("h1"):
        return False
    return sum(len(p.get_text(strip=True)) for p in node.find_all("p")) < NOISE_MAX_PARAGRAPH_CHARS


def densest_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose paragraphs hold the most text (readability's idea)."""
    scores: dict[int, tuple[int, Tag]] = {}
    for para in soup.find_all(["p", "figcaption"]) or []:
        parent = para.parent
        if isinstance(parent, Tag):
            score, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (score + len(para.get_text(" ", strip=True)), parent)
    if not scores:
        return _densest_text_block(soup)
    score, best = max(scores.values(), key=lambda pair: pair[0])
    return best if score >= MIN_DENSE_CHARS else _densest_text_block(soup)


def _densest_text_block(soup: BeautifulSoup) -> Tag | None:
    """For pages without <p>: the element with the most direct text (<br> layouts)."""
    best, best_len = None, 0
    for node in soup.find_all(["div", "td", "section", "article", "main", "body"]):
        direct = sum(len(s.strip()) for s in node.find_all(string=True, recursive=False))
        if direct > best_len:
            best, best_len = node, direct
    return best if best_len >= MIN_DENSE_CHARS else None


def leaf_blocks(container: Tag) -> list[Tag]:
    """Block elements with text and no block element with text inside."""
    nodes = container.find_all(BLOCK_TAGS)
    with_text = [node for node in nodes if node.get_text(strip=True)]
    # One walk up from each block with text marks the blocks that contain one
    # (a find_all per block made this quadratic: benchmarks/bench_extract.py).
    ids = {id(node) for node in nodes}
    outer: set[int] = set()
    for node in with_text:
        for parent in node.parents:
            if parent is container:
                break
            if id(parent) in ids:
                outer.add(id(parent))
    return [node for node in with_text if id(node) not in outer]


def take_byline_line(container: Tag) -> str | None:
    """Find the byline line that ends the body; remove it and what follows."""
    blocks = leaf_blocks(container)
    for index in range(len(blocks) - 1, max(len(blocks) - 1 - BYLINE_SCAN, -1), -1):
        text = _lines(blocks[index])
        if (looks_like_byline(" ".join(text.split())) or all(looks_like_byline(x) for x in text.split("\n") if x)
                or _is_signature_block(blocks[index], text)):
            for node in blocks[index:]:
                node.decompose()
            return text
        if len(text) > BYLINE_MAX_TRAILER:
            return None
    return None


RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
SIGNATURE_MAX_CHARS = 60  # a right-aligned line longer than this is a quote or a caption


def _is_signature_block(node: Tag, text: str) -> bool:
    """A short right-aligned line that is not a sentence: how portals sign ("Phòng PC04").

    The seed's byline is `<p style="text-align: right;"><strong>…</strong></p>`;
    unit signatures ("Phòng PC04", "Đội Tham mưu PC06") have no personal name
    for looks_like_byline to recognise, so the alignment is the evidence.
    """
    if len(text) > SIGNATURE_MAX_CHARS or "\n" in text or text.rstrip().endswith((".", ":", "?", "!", ";")):
        return False
    for candidate in (node, *node.parents):
        if not isinstance(candidate, Tag) or candidate.name in ("body", "html") or len(_lines(candidate)) > len(text):
            break
        if RIGHT_ALIGNED.search(candidate.get("style") or "") or (candidate.get("align") or "").lower() == "right":
            return True
    return False


def _lines(node: Tag) -> str:
    return "\n".join(s for s in (x.strip() for x in node.get_text("\n").split("\n")) if s)


def author_element(soup: BeautifulSoup, selectors: Iterable[str]) -> tuple[str, str] | None:
    for css, node in first_of_each(soup, selectors):
        text = _lines(node) if node is not None else ""
        if text and len(text) <= 200:
            node.decompose()
            return text, css
    return None


def date_line(soup: BeautifulSoup, container: Tag | None, selectors: Iterable[str],
              title: str | None = None) -> tuple[str, str] | None:
    """The visible date line: a date element, else the date line near the title."""
    for css, node in first_of_each(soup, selectors):
        text = " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""
        if text and find_date_line([text]) == 0:
            node.decompose()
            return text, f"css:{css}"
    lines = list(_lines_near_title(soup, container, title))
    index = find_date_line([text for text, _ in lines])
    if index is None:
        return None
    text, node = lines[index]
    _remove_line(node, text)
    return text, "layout:date-line"


def _lines_near_title(soup: BeautifulSoup, container: Tag | None,
                      title: str | None = None) -> Iterator[tuple[str, NavigableString]]:
    """Text lines just after the title (the element showing it, else the longest <h1>, else the body's start)."""
    anchor = title_element(soup, title) if title else None
    if anchor is None:
        h1s = [h for h in soup.find_all("h1") if h.get_text(strip=True)]
        anchor = max(h1s, key=lambda h: len(h.get_text(strip=True))) if h1s else None
    if anchor is None and container is None:
        return
    strings = anchor.find_all_next(string=True) if anchor is not None else container.find_all(string=True)
    count = 0
    for string in strings:
        text = " ".join(str(string).split())
        if text:
            yield text, string
            count += 1
            if count >= 12:
                return


def _remove_line(string: NavigableString, text: str) -> None:
    """Remove the smallest element holding exactly this line (or the string)."""
    node = string.parent
    while isinstance(node, Tag) and node.parent is not None and node.name not in ("body", "html"):
        if " ".join(node.get_text(" ", strip=True).split()) != text:
            break
        if node.parent is None or " ".join(node.parent.get_text(" ", strip=True).split()) != text:
            node.decompose()
            return
        node = node.parent
    string.extract()


def body_html(container: Tag, soup: BeautifulSoup, title: str | None = None) -> str | None:
    """The body's inner HTML, without the title heading and empty elements."""
    for heading in container.find_all("h1"):
        heading.decompose()
    if title:
        remove_title(container, title)
    for node in container.find_all(["p", "div", "span", "strong", "em"]):
        if not node.get_text(strip=True) and not node.find(["img", "video", "iframe", "table", "br"]):
            node.decompose()
    html = container.decode_contents().strip()
    return html or None


def _flat(node: Tag) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def remove_title(container: Tag, title: str) -> None:
    """Remove the element repeating the title (an <h2> title, a bold first line).

    The title given may carry a site suffix (og:title), so an element whose
    text starts it counts, when it is long enough not to be a common word.
    """
    flat_title = " ".join(title.split())
    for node in container.find_all(["h2", "h3", "h4", "p", "div", "b", "strong", "span", "a"]):
        text = _flat(node)
        if len(text) >= TITLE_MIN_CHARS and flat_title.startswith(text) and not node.find(["img", "p"]):
            node.decompose()
            return


def title_element(soup: BeautifulSoup, title: str) -> Tag | None:
    """The visible element that shows the title: a heading first, else the smallest element in <body>."""
    flat_title = " ".join(title.split())
    if len(flat_title) < TITLE_MIN_CHARS:
        return None
    for node in soup.find_all(["h1", "h2", "h3"]):
        if _flat(node) == flat_title and node.find_parent("a") is None:
            return node
    for string in soup.find_all(string=True):
        text = " ".join(str(string).split())
        if not text or not flat_title.startswith(text) or string.find_parent(["head", "a", "script"]) is not None:
            continue
        node = string.parent
        while isinstance(node, Tag) and node.name != "body" and len(_flat(node)) <= len(flat_title):
            if _flat(node) == flat_title:
                return node
            node = node.parent
    return None


TITLE_MIN_CHARS = 15  # shorter "titles" are labels ("Tin tức"), not headlines
TITLE_MAX_CHARS = 300
TITLE_CLASS = re.compile(r"title|tieu-?de|headline|heading", re.IGNORECASE)


def title_line(soup: BeautifulSoup, container: Tag | None) -> tuple[str, str] | None:
    """When no markup names the title: the headline-like element the date line follows,
    else the line above the date line, else the first headline-like element.

    Sidebar box titles ("Tin tức - Sự kiện") look like headlines too; the date
    line under the article's title is what tells them apart.
    """
    candidates = [(text, node) for node in soup.find_all(["h2", "h3"]) + soup.find_all(class_=TITLE_CLASS)
                  if TITLE_MIN_CHARS <= len(text := _flat(node)) <= TITLE_MAX_CHARS
                  and node.find_parent("a") is None and not node.find("a")]
    near = [(distance, i) for i, (_, node) in enumerate(candidates) if (distance := _date_distance(node)) is not None]
    if near:
        text, node = candidates[min(near)[1]]
        return text, f"layout:{node.name}+date"
    lines = [text for text, _ in _lines_near_title(soup, container)]
    index = find_date_line(lines)
    if index and TITLE_MIN_CHARS <= len(lines[index - 1]) <= TITLE_MAX_CHARS:
        return lines[index - 1], "layout:line-above-date"
    if candidates:
        return candidates[0][0], f"layout:{candidates[0][1].name}"
    return None


DATE_FOLLOW_LINES = 3  # the date line sits this close under the title


def _date_distance(node: Tag) -> int | None:
    """How many lines below the node the date line is (None: not within DATE_FOLLOW_LINES)."""
    following = []
    for string in node.find_all_next(string=True):
        text = " ".join(str(string).split())
        if text and string.find_parent(node.name) is not node:
            following.append(text)
            if len(following) >= DATE_FOLLOW_LINES:
                break
    return find_date_line(following)


def paragraphize(container: Tag, soup: BeautifulSoup) -> None:
    """Turn text runs separated by <br> directly in the container into <p>s.

    Old portals write a whole article as text and <br>; paragraphs make the
    byline and date lines findable, and the feed's HTML readable.
    """
    if not container.find_all(string=lambda s: s.strip(), recursive=False):
        return
    runs: list[list] = [[]]
    for child in list(container.children):
        if isinstance(child, Tag) and child.name == "br":
            runs.append([])
            child.extract()
        elif isinstance(child, Tag) and child.name in BLOCK_TAGS:
            runs.append([child])
            runs.append([])
        else:
            runs[-1].append(child.extract())
    for run in runs:
        if len(run) == 1 and isinstance(run[0], Tag) and run[0].name in BLOCK_TAGS:
            container.append(run[0])
        elif any(str(part).strip() for part in run):
            para = soup.new_tag("p")
            for part in run:
                para.append(part)
            container.append(para)


def next_pages(soup: BeautifulSoup, url: str, source) -> list[str]:
    """Links to the next list page: the source's selector, rel=next, or a pager word."""
    css = source.selectors.get("next_page")
    if css:
        nodes = soup.select(css)
    else:
        nodes = soup.select("a[rel~=next], link[rel~=next]") or [
            a for a in soup.find_all("a", href=True)
            if " ".join(a.get_text(" ", strip=True).split()).lower() in NEXT_WORDS
            or "next" in " ".join(a.get("class") or []).lower()
        ]
    host = urlsplit(url).netloc
    found = [absolute(url, node.get("href")) for node in nodes]
    return list(dict.fromkeys(u for u in found if u and urlsplit(u).netloc == host and u != url))

"""The site's own name, as the title rules find it on the page and cut it from a title.

A page names its site in og:site_name, its host ("baox.vn", "baox"), a logo
heading (an <h1> linking home or of a logo class: a blog's <h1> is its name)
and the alt text of its logo image ("Logo Công an tỉnh X").  A heading that is
the site is never the headline (is_logo); a metadata title that carries the
site's name at its start or end up to a spaced separator loses it:

    logo-name-cut      a metadata title without the start or end that the logo
                       image's alt text is ("Tin A | Foo Mag" beside <img
                       class=logo alt="Foo Mag">)
    title-beside-logo  <title> without the start or end that the page's logo
                       <h1> shows ("Tin A - Mục - Blog X" beside <h1>Mục - Blog X</h1>)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import _Element as Tag

from ..url_join import join_url
from . import tree
from .base import meta_content
from .page import Page
from .title_parts import heading_text
from .title_text import MIN_AGREE_CHARS, compact, key, separators

# class/id words of a site logo or site title heading (on the heading or its two nearest ancestors).
LOGO_CLASS = re.compile(
    r"(?:^|[-_])(?:logo|site-?title|site-?name|sitename|blog-?title|blogname|brand|branding|masthead)(?:$|[-_])",
    re.IGNORECASE,
)
LOGO_ANCESTORS = 2
HOME_PATH = re.compile(r"/?(?:index\.\w+)?")
LOGO_WORD = re.compile(r"^\s*logo\b[\s:-]*|[\s:-]*\blogo\s*$", re.IGNORECASE)  # alt="Logo Báo X", "Báo X logo"
MAX_LOGO_ALT_CHARS = 60


def site_names(page: Page, url: str) -> set[str]:
    """Compact keys of the site's own names: og:site_name, the host, the host's first label."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    site = meta_content(page, "og:site_name")
    names = {compact(host), compact(host.split(".")[0]), compact(site[0] if site else "")}
    return {n for n in names if n}


def logo_names(page: Page, url: str) -> set[str]:
    """Compact keys of the alt texts of the site's logo: an <img> that a logo class names (on it or its two nearest
    ancestors) or that a link home holds, less a "Logo" word ("Logo Công an tỉnh X"): a site's name no table knows."""
    found = set()
    for img in page.root.iter("img"):
        alt = LOGO_WORD.sub("", img.get("alt") or "").strip()
        if not alt or len(alt) > MAX_LOGO_ALT_CHARS:
            continue
        link = tree.find_parent(img, "a")
        href = link.get("href") if link is not None else None
        home = href is not None and HOME_PATH.fullmatch(urlsplit(join_url(url, href) or "").path or "/")
        if home or _logo_class(img):
            found.add(compact(alt))
    return found - {""}


def without_logo_name(title: str, logos: set[str]) -> str:
    """logo-name-cut: a metadata title without the start or end that the logo's alt text is ("Tin A | Foo Mag"
    beside <img class=logo alt="Foo Mag">), up to a spaced separator; what remains must be a headline."""
    seps = separators(title)
    if seps:
        first, last = seps[0], seps[-1]
        head, tail = title[: first.start()].strip(), title[last.end() :].strip()
        if compact(tail) in logos and len(title[: last.start()].strip()) >= MIN_AGREE_CHARS:
            title = title[: last.start()].strip()
        elif compact(head) in logos and len(title[first.end() :].strip()) >= MIN_AGREE_CHARS:
            title = title[first.end() :].strip()
    return title


def _logo_class(node: Tag) -> bool:
    for candidate in (node, *list(node.iterancestors())[:LOGO_ANCESTORS]):
        words = tree.classes(candidate) + [candidate.get("id") or ""]
        if any(LOGO_CLASS.search(w) for w in words if w):
            return True
    return False


def is_logo(node: Tag, text: str, url: str, names: set[str]) -> bool:
    """A heading that shows the site, not an article: its name, a link home, or a logo class."""
    if compact(text) in names:
        return True
    for link in node.iter("a"):
        href = link.get("href")
        if href is not None and HOME_PATH.fullmatch(urlsplit(join_url(url, href) or "").path or "/"):
            return True
    return _logo_class(node)


def title_beside_logo(page: Page, url: str, names: set[str], page_title: str | None) -> str | None:
    """title-beside-logo: <title> without its start or end that the page's logo <h1> shows, up to a separator
    ("Tin A - Mục - Blog X" beside <h1>Mục - Blog X</h1>): the site's name as the page shows it."""
    if not page_title:
        return None
    logos = {key(t) for node in page.root.iter("h1") if (t := heading_text(node)) and is_logo(node, t, url, names)}
    for m in separators(page_title):
        head, tail = page_title[: m.start()].strip(), page_title[m.end() :].strip()
        if key(tail) in logos and len(head) >= MIN_AGREE_CHARS:
            return head
        if key(head) in logos and len(tail) >= MIN_AGREE_CHARS:
            return tail
    return None

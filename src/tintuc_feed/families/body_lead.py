"""The article's lead (standfirst, "sapo") when it sits just before the body container, outside it.

News and CMS themes print the lead paragraph in its own element above the body's column:
`<p class="article-teaser">`, `<div class="teaser-text">`, `<p class="article-excerpt">`,
`<div class="entry-excerpt">` in a WordPress entry header, `<h2 class="detail__summary">`, and on
Vietnamese portals `<h2 class="sapo">`, `<p class="description">`, `<div class="detail-sapo">`.  The
lead is the article's first paragraph: the body starts with it.

One table (LEAD_WORDS, the class/id words of a lead) and four guards, each with a test
(tests/families/test_body_lead.py):

- the element comes before the container in the page and near it (their common ancestor at most
  LEAD_MAX_UP levels above the container: the article's header, not the site's);
- it is not a site's or a widget's block (SKIP_WORDS: the site's tagline "site-description", an
  author's or a photo's description, a teaser card in a sidebar);
- it reads as a lead: LEAD_MIN_CHARS to LEAD_MAX_CHARS of text, little of it link text;
- its text is not already in the container (a theme that prints the lead twice).

Everything here is a pure function of the tree.
"""

from __future__ import annotations

import re
from html import escape

from lxml.etree import _Element as Tag

from . import tree

LEAD_WORDS = ("sapo", "teaser", "intro", "excerpt", "lead", "standfirst", "summary", "description", "chapeau",
              "chapo", "abstract", "lede", "dek")
# a class/id with a word opening with one of these is the site's, an author's, a photo's or a list's, not the article's lead
SKIP_WORDS = ("site", "author", "widget", "sidebar", "footer", "nav", "menu", "image", "img", "photo", "caption",
              "video", "media", "thumb", "card", "item", "list", "related", "comment", "meta", "seo")
NOT_LEAD_TAGS = ("a", "h1", "ul", "ol", "nav", "form", "table", "script", "style")  # a lead is none of these
WRAPPER_TAGS = ("h1", "h2", "h3", "nav", "form", "table")  # and holds none (else it is a header)
LEAD_MAX_UP = 4  # the lead and the container share an ancestor at most this many levels above the container
LEAD_MIN_CHARS = 40
LEAD_MAX_CHARS = 1000
LEAD_MAX_LINK_SHARE = 0.3

_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")


def name_words(node: Tag) -> set[str]:
    """The words of an element's class and id ("detail__summary introBox" → detail, summary, intro, box)."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}"
    return {w.lower() for w in _SPLIT.split(names) if w}


def is_lead_name(node: Tag) -> bool:
    words = name_words(node)
    return any(w in words for w in LEAD_WORDS) and not is_skip_name(words)


def is_skip_name(words: set[str]) -> bool:
    """A SKIP_WORDS word opens one of the name's words ("metas", "authors", "thumbnail")."""
    return any(w.startswith(SKIP_WORDS) for w in words)


def lead_of(container: Tag) -> Tag | None:
    """The lead element before `container` and near it, or None."""
    scope = container
    for _ in range(LEAD_MAX_UP):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    found = None
    for node in scope.iter():
        if node is container:
            break
        if not isinstance(node.tag, str) or found is not None and _within(node, found):
            continue
        if is_lead_name(node) and _reads_as_lead(node) and not _within(container, node):
            found = node
    if found is None or _in_container(found, container):
        return None
    return found


def lead_html(container: Tag) -> tuple[str, str] | None:
    """The lead as a paragraph to put before the body's HTML, and the element that held it; or None."""
    node = lead_of(container)
    if node is None:
        return None
    where = f"{node.tag}.{'.'.join((node.get('class') or '').split())}" if node.get("class") else f"{node.tag}#{node.get('id')}"
    return f"<p>{escape(lead_text(node))}</p>", where


def lead_text(node: Tag) -> str:
    """The lead's text without what its element holds beside it (a date, an author's line: SKIP_WORDS, <time>)."""
    parts: list[str] = []
    skipped: list[Tag] = [d for d in node.iterdescendants() if isinstance(d.tag, str)
                          and (d.tag == "time" or is_skip_name(name_words(d)))]
    for text_node in node.xpath(".//text()"):
        owner = text_node.getparent()
        if owner is not None and text_node.is_tail:
            owner = owner.getparent()
        if owner is None or any(owner is s or _within(owner, s) for s in skipped):
            continue
        if owner.tag not in ("script", "style"):
            parts.append(str(text_node))
    return " ".join(" ".join(parts).split())


def _within(node: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def _reads_as_lead(node: Tag) -> bool:
    if node.tag in NOT_LEAD_TAGS or tree.find_parent(node, "a") is not None or tree.find(node, *WRAPPER_TAGS) is not None:
        return False
    text = lead_text(node)
    if not LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS:
        return False
    links = sum(len(tree.get_text(a, " ", strip=True)) for a in node.iterdescendants("a"))
    return links <= LEAD_MAX_LINK_SHARE * len(text)


def _in_container(node: Tag, container: Tag) -> bool:
    """Whether the lead's text is already in the container (a theme that prints it twice)."""
    text = lead_text(node)
    return text[:80] in " ".join(tree.get_text(container, " ", strip=True).split())


# trafilatura's body may start after the article's first lines when they are not paragraphs (a <div> of text
# before the first <p>): our container's opening prose that trafilatura's body lacks comes back in front of it.
OPENING_MIN_CHARS = 120  # a block this long, ending a sentence, is prose (not a date line, a label, a menu)
OPENING_ENDS = (".", "!", "?", "…", '"', "”", ")")
OPENING_MAX_BLOCKS = 3


def missing_opening(ours: list[str], voted: str) -> list[str]:
    """Our body's opening blocks (their texts, whitespace collapsed) missing from trafilatura's body text
    `voted`, before our first block it holds: each prose (OPENING_MIN_CHARS, a sentence's end); [] when one
    is not prose (it may be a header trafilatura was right to leave) or when trafilatura holds none of ours."""
    opening: list[str] = []
    for text in ours:
        if text in voted:
            return opening
        if len(opening) == OPENING_MAX_BLOCKS or len(text) < OPENING_MIN_CHARS or not text.endswith(OPENING_ENDS):
            return []
        opening.append(text)
    return []

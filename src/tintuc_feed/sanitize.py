"""Make article HTML safe and self-contained for feed readers.

sanitize_html() keeps the structure a reader needs (paragraphs, headings,
lists, tables, figures with their captions, emphasis, links, images) and
drops everything else: scripts, styles, frames, event handlers, inline
styles, dangerous URL schemes.  Lazy-loaded images get a real src, every
URL becomes absolute against the article's URL, and images ask the browser
not to send a Referer (provincial sites often refuse hotlinked images).

All functions here are pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import cache

import lxml.html
import nh3
from lxml import etree

from .url_join import join_url

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone
# surrogates, U+FFFE/U+FFFF).  lxml refuses them, readers choke on them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "picture",
    "pre", "q", "s", "small", "source", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul",
})
# Tags removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "noscript", "template", "object", "embed",
                                  "svg", "math", "form", "button", "select", "textarea"})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "srcset", "alt", "title", "width", "height"},
    "source": {"srcset", "media", "type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "abbr": {"title"},
    "ol": {"start"},
}
# nh3 output is normalized, so a plain pattern finds an <img> left without a src.
IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Lazy-loading attributes, in order of preference, and what they stand for.
LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url")
LAZY_SRCSET = ("data-srcset", "data-lazy-srcset")
URL_ATTRIBUTES = ("href", "src")
SRCSET_ATTRIBUTES = ("srcset",)

BLOCK_TAGS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "pre", "tr", "dt",
              "dd", "caption", "table", "figure", "ul", "ol")


def strip_xml_illegal(text: str) -> str:
    """text without the characters XML 1.0 forbids."""
    return XML_ILLEGAL.sub("", text)


def sanitize_html(html: str, base_url: str) -> str:
    """Safe, self-contained HTML for a feed: see the module docstring."""
    html = strip_xml_illegal(html or "")
    if not html.strip():
        return ""
    html = _repair_lazy_images(html)
    token = _BASE_URL.set(base_url)
    try:
        cleaned = _cleaner().clean(html)
    finally:
        _BASE_URL.reset(token)
    return IMG_WITHOUT_SRC.sub("", cleaned).strip()


def _cleaner_options() -> dict:
    """What nh3 is told (the Cleaner's arguments; tests compare it with nh3.clean given these)."""
    return {
        "tags": set(ALLOWED_TAGS),
        "clean_content_tags": set(DROPPED_WITH_CONTENT),
        "attributes": {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        "attribute_filter": _make_absolute,
        "url_schemes": set(URL_SCHEMES),
        "link_rel": "noopener noreferrer",
        # one only: nh3 orders several at random
        "set_tag_attribute_values": {"img": {"referrerpolicy": "no-referrer"}},
        "strip_comments": True,
    }


@cache
def _cleaner() -> nh3.Cleaner:
    """One nh3 Cleaner per process: nh3.clean builds its rule set again on every call (3x the time of a
    small body's cleaning); the article's URL reaches the attribute filter through _BASE_URL."""
    return nh3.Cleaner(**_cleaner_options())


# The URL relative links and images resolve against, for the sanitize_html call running in this thread
# (a ContextVar: each thread, and each asyncio task, sees its own).
_BASE_URL: ContextVar[str] = ContextVar("sanitize_base_url")


def _make_absolute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: URLs made absolute against the article's URL."""
    if attribute in URL_ATTRIBUTES:
        return _absolute(value, _BASE_URL.get())
    if attribute in SRCSET_ATTRIBUTES:
        return _absolute_srcset(value, _BASE_URL.get())
    return value


def _absolute(url: str, base_url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    if url.startswith("#") or re.match(r"^(mailto|tel):", url, re.IGNORECASE):
        return url
    return join_url(base_url, url)  # None (the attribute dropped): a value that is no URL


def _absolute_srcset(srcset: str, base_url: str) -> str | None:
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.strip().split()
        if parts:
            url = _absolute(parts[0], base_url)
            if url:
                candidates.append(" ".join([url, *parts[1:]]))
    return ", ".join(candidates) or None


def _repair_lazy_images(html: str) -> str:
    """Give lazy-loaded <img>/<source> their real src/srcset (the lazy value wins)."""
    if "data-" not in html:
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    changed = False
    for element in root.iter("img", "source"):
        changed |= _promote(element, LAZY_SRC, "src")
        changed |= _promote(element, LAZY_SRCSET, "srcset")
    if not changed:
        return html
    return lxml.html.tostring(root, encoding="unicode")[len("<div>"):-len("</div>")]


def _promote(element, lazy_names: tuple[str, ...], target: str) -> bool:
    lazy = next((element.get(n).strip() for n in lazy_names if (element.get(n) or "").strip()), None)
    if lazy is None:
        return False
    element.set(target, lazy)
    return True


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, paragraphs joined by a blank line."""
    if not html or not html.strip():
        return ""
    root = _body(strip_xml_illegal(html))
    for bad in _NO_TEXT(root):
        _drop_tree(bad)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*BLOCK_TAGS):
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    return _collapse(_STRING(root))


# html_to_text reads a fragment as lxml.html.fragment_fromstring(html, create_parent="div") and
# text_content() read it, on plain lxml elements (no lxml.html element classes to look up per node).
_PARSER = etree.HTMLParser()  # lxml.html's parser is this one with its element classes
_FULL_HTML = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)
_NO_TEXT = etree.XPath("//script|//style|//noscript|//template")
_STRING = etree.XPath("string()", smart_strings=False)


def _body(html: str) -> etree._Element:
    """The parsed fragment's <body>, read in place of the <div> fragment_fromstring(create_parent="div") would
    build from its nodes (no second document).

    The <div>'s text (the body's, kept only when it is not blank) comes after the "\n\n" html_to_text gives
    a block's text (the <div> is one); what the <head> may hold is never read, and //script finds it there
    only to drop it there.
    """
    if not _FULL_HTML.match(html):
        html = f"<html><body>{html}</body></html>"
    doc = etree.fromstring(html, _PARSER)
    if doc is None:
        raise etree.ParserError("Document is empty")
    bodies = [e for e in doc if e.tag == "body"]
    if doc.tag != "html" or len(bodies) != 1:
        raise AssertionError(f"not one body in {html!r}")
    body = bodies[0]
    body.text = "\n\n" + (body.text if body.text and body.text.strip() else "")
    return body


def _drop_tree(node: etree._Element) -> None:
    """Remove the node, its tail joined to the previous sibling or the parent (lxml.html's drop_tree)."""
    parent = node.getparent()
    if node.tail:
        previous = node.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + node.tail
        else:
            previous.tail = (previous.tail or "") + node.tail
    parent.remove(node)


def _collapse(text: str) -> str:
    """Lines with their spaces collapsed; a blank line ends a paragraph; paragraphs one blank line apart.

    What splitting at each newline-spaces-newline run, collapsing each chunk's lines and dropping the empty ones gives
    (such a run always holds a line that is only spaces, and such a line is always inside one; tests
    compare the two), in one pass over the lines.
    """
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        words = line.split()
        if words:
            lines.append(" ".join(words))
        elif lines:
            paragraphs.append("\n".join(lines))
            lines = []
    if lines:
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)

"""A heading's text as a reader sees the headline, and the parts its markup cuts it into.

A news heading often carries more than the headline: a kicker or roofline
above it ("<span class=dachzeile>Nach Corona</span> <span class=headline>…"),
a deck below it, a date, or words for screen readers only ("<span
class=visually-hidden>Headline:</span>").  KICKER_CLASS names the parts that
are not the headline; heading_text leaves them out.

Text is joined the way the browser lays it out: an inline element boundary
adds no space ("Frauen im <abbr>THW</abbr>: …" reads "THW:", not "THW :"),
except between two letters or digits, where flat_text's space is kept (spans a
stylesheet puts on lines of their own); <br> and block elements are spaces.

headline_part gives the part the markup names the headline when the heading
holds it beside other styled parts ("<h2><span class=subline>Vanlife in
Schweden</span><span class=headline>Skandinavien …</span></h2>"): a kicker
whose class no table knows is still not the headline (HEADLINE_WORDS).

heading_parts gives the runs of a heading's parts cut at its child elements
(after stepping into a lone wrapper: "<h1><span class=post-title><small>Serie
</small><br>Tin A</span></h1>"), so the title rules can find the run the
page's metadata names.
"""

from __future__ import annotations

import re

from lxml.etree import _Element as Tag

from . import tree

# Class/id words of a heading's part that is never the headline: a label above it, words
# for screen readers only.  Each row has its test (tests/families/test_title_parts.py).
KICKER_WORDS = (
    "kicker",  # "article-heading__kicker"
    "roofline",  # "article-header__roofline"
    "dachzeile",  # German "roof line"
    "overline",
    "topline",  # "headline--topline"
    "supertitle", "super-title", "pretitle", "pre-title", "eyebrow",
    "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "element-invisible",
)  # fmt: skip
# A deck (subtitle) inside the heading: left out, unless the page's metadata names the
# headline with it (heading_text(keep_decks=True) then agrees; generic_title decides).
DECK_WORDS = ("subtitle", "sub-title", "subheadline", "sub-headline", "subheading", "sub-heading", "deck")


def _class_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?:^|[-_])(?:" + "|".join(re.escape(w) for w in words) + r")(?:$|[-_])", re.IGNORECASE)


# Class/id words that name a heading's part the headline itself ("article-heading__title", "v-A_-headline"),
# unless the same class also says it is a part around it (NOT_HEADLINE_WORDS: "headline-intro", "sub-title",
# "title-top").  Each row has its test (tests/families/test_title_parts.py).
HEADLINE_WORDS = ("headline", "title", "heading", "hed")
NOT_HEADLINE_WORDS = ("intro", "sub", "pre", "super", "top", "over", "label", "tag", "category", "date")
_TOKEN = re.compile(r"[-_]+")
KICKER_CLASS = _class_re(KICKER_WORDS)
DECK_CLASS = _class_re(DECK_WORDS)
SPACE_TAGS = frozenset({
    "br", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "section", "header", "footer", "figure", "figcaption",
    "table", "tr", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
})  # fmt: skip
EDGE_SEPARATORS = re.compile(r"^[\s:|\-–—•·/»›]+|[\s:|\-–—•·/»›]+$")  # left at a cut: "Kicker : Tin A"
_SOFT = "\x00"  # an inline element boundary, resolved by _join


def is_kicker(node: Tag, keep_decks: bool = False) -> bool:
    words = [w for w in (*tree.classes(node), node.get("id") or "") if w]
    if any(KICKER_CLASS.search(w) for w in words):
        return True
    return not keep_decks and any(DECK_CLASS.search(w) for w in words)


def _shown(node: Tag, keep_decks: bool = False) -> bool:
    return isinstance(node.tag, str) and node.tag not in tree.NO_TEXT_TAGS and not is_kicker(node, keep_decks)


def _pieces(node: Tag, out: list[str], keep_decks: bool = False) -> None:
    """The node's text pieces in order, kicker parts left out, boundaries marked."""
    if node.text:
        out.append(node.text)
    for child in node:
        if _shown(child, keep_decks):
            edge = " " if child.tag in SPACE_TAGS else _SOFT
            out.append(edge)
            _pieces(child, out, keep_decks)
            out.append(edge)
        elif isinstance(child.tag, str) and child.tag in SPACE_TAGS:
            out.append(" ")
        else:
            out.append(_SOFT)
        if child.tail:
            out.append(child.tail)


_SOFT_BETWEEN_WORDS = re.compile(r"(?<=\w)\x00+(?=\w)")  # inline boundaries inside a word run: a space


def _join(pieces: list[str]) -> str:
    text = _SOFT_BETWEEN_WORDS.sub(" ", "".join(pieces))
    return " ".join(text.replace(_SOFT, "").split())


def heading_text(node: Tag, keep_decks: bool = False) -> str:
    """The heading as shown, kicker parts left out ("" if none); the whole text if only kicker parts hold any."""
    pieces: list[str] = []
    _pieces(node, pieces, keep_decks)
    text = _join(pieces)
    full = tree.flat_text(node)
    if text == full:
        return text
    return EDGE_SEPARATORS.sub("", text) or full


_WORD = re.compile(r"\w")


def _unwrapped(node: Tag) -> Tag:
    """The heading, or the lone wrapper element inside it that holds all its text, stepped into."""
    while True:
        kids = [c for c in node if _shown(c)]
        loose = (node.text or "").strip() or any((c.tail or "").strip() for c in node)
        if len(kids) == 1 and not loose and kids[0].tag != "br":
            node = kids[0]
            continue
        return node


def _items(node: Tag) -> list[str]:
    """The heading's top-level parts as joined texts: its text, each child element, each tail."""
    node = _unwrapped(node)
    items: list[list[str]] = [[node.text or ""]]
    for child in node:
        if _shown(child):
            part: list[str] = []
            _pieces(child, part)
            items.append(part)
        items.append([child.tail or ""])
    return [t for t in (_join(p) for p in items) if t]


def heading_parts(node: Tag) -> list[str]:
    """Each proper run of the heading's parts from its start or to its end, edge separators cut."""
    items = _items(node)
    runs = []
    for i in range(1, len(items)):
        for run in (items[:i], items[i:]):
            text = EDGE_SEPARATORS.sub("", _join([_SOFT.join(run)]))
            if text:
                runs.append(text)
    return runs


def _named_headline(node: Tag) -> bool:
    """A class or id of the part names it the headline and nothing around it (HEADLINE_WORDS' rows)."""
    for word in (*tree.classes(node), node.get("id") or ""):
        tokens = set(_TOKEN.split(word.casefold()))
        if tokens & set(HEADLINE_WORDS) and not tokens & set(NOT_HEADLINE_WORDS):
            return True
    return False


def headline_part(node: Tag) -> str | None:
    """The text of the one part the heading's markup names the headline, beside other parts that carry a class
    or id of their own (a kicker, a date; never an unstyled <em>), no loose text beside them; else None.  The
    headline is the heading's main text: longer than each part beside it (a kicker, a roofline, a date are
    short; a "headline" part shorter than its neighbour is a first line of a headline set on two)."""
    node = _unwrapped(node)
    if _WORD.search(node.text or "") or any(_WORD.search(c.tail or "") for c in node):
        return None
    parts = [c for c in node if _shown(c) and _WORD.search(tree.flat_text(c) or "")]
    named = [c for c in parts if _named_headline(c)]
    others = [c for c in parts if c not in named]
    if len(named) != 1 or not others or not all(c.get("class") or c.get("id") for c in others):
        return None
    text = heading_text(named[0])
    return text if all(len(text) > len(tree.flat_text(c) or "") for c in others) else None

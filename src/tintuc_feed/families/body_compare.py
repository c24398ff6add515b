"""How two readings of an article's body compare: the structure's container and trafilatura's body.

generic_body decides between them with these measures (word multisets, NFC, case folded):

- agrees: the two are the same text (AGREE_*: each holds nearly all of the other's words; our photos'
  captions do not count against ours);
- holds_more: trafilatura's body holds a short named container's words and several times its prose
  (GROWN_NAMED_*, LEAD_NAMED_*);
- nearer_title: which body starts closer after the title in the page's text;
- cut_headline_tail: trafilatura's body without the headline-like lines after our body's last block.

Everything here is a pure function of HTML strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from html import unescape

from lxml import etree
from lxml.etree import _Element as Tag

from . import layout, tree, tree_html

DISAGREE = 0.5  # below this share both ways the two bodies are different texts

# A named container this short may be a part of the article (its lead, one column): it is put to the
# vote, and trafilatura's body replaces it only when it holds the container's text and much more.
SHORT_NAMED_CHARS = 1000
GROWN_NAMED_SHARE = 0.9  # this share of the container's words is in trafilatura's body
GROWN_NAMED_RATIO = 1.5  # and trafilatura's body's prose has this many times the container's words
# or: half the container's words are in trafilatura's body, which is many times longer (the container
# was the article's lead or teaser, trafilatura found the article under it)
LEAD_NAMED_SHARE = 0.5
LEAD_NAMED_RATIO = 5.0


def is_short(html: str) -> bool:
    return len(text_of_html(html)) < SHORT_NAMED_CHARS


# A block of trafilatura's body shorter than this, or not ending a sentence, is a label, a date, a
# headline or a widget's word salad: it does not count as the article's text.
PROSE_MIN_CHARS = 120


def prose_words(html: str) -> int:
    """How many words the body's prose blocks hold (a portal's date lines and headline lists count nothing)."""
    blocks = [" ".join(tree.flat_text(b).split()) for b in layout.leaf_blocks(fragment(html))]
    return sum(len(t.split()) for t in blocks if len(t) >= PROSE_MIN_CHARS and t.endswith(SENTENCE_END))


def holds_more(ours: str, voted: str) -> tuple[bool, float, float]:
    """Whether trafilatura's body holds the named container's text and much more; the share and the ratio."""
    _, covers, _ = agrees(ours, voted)
    grown = prose_words(voted) / max(len(words(ours)), 1)
    take = (covers >= GROWN_NAMED_SHARE and grown >= GROWN_NAMED_RATIO) or (
        covers >= LEAD_NAMED_SHARE and grown >= LEAD_NAMED_RATIO)
    return take, covers, grown


def nearer_title(html: str, title: str, ours: str, voted: str) -> bool:
    """Whether our body starts closer after the title in the page's text than trafilatura's."""
    start = html.find("<body")
    text = unicodedata.normalize("NFC", unescape(text_of_html(html[start:] if start >= 0 else html)))
    at = text.find(unicodedata.normalize("NFC", " ".join(title.split())))
    if at < 0:
        return False
    mine, theirs = start_in(text, ours, at), start_in(text, voted, at)
    return mine is not None and (theirs is None or mine < theirs)


START_WORDS = 6  # a body is found in the page text by a run of this many of its words
START_SCAN_WORDS = 60  # tried at the start of the body and at every START_STEP words up to this far in
START_STEP = 3  # (an extractor's label or a heading joined to the first line is not in the page text)


def start_in(text: str, html: str, after: int) -> int | None:
    """How far after `after` the body's first words show in the page text (None: not found after it)."""
    words = unicodedata.normalize("NFC", unescape(text_of_html(html))).split()[:START_SCAN_WORDS]
    for first in range(0, max(len(words) - START_WORDS, 0) + 1, START_STEP):
        at = text.find(" ".join(words[first:first + START_WORDS]), after) if words else -1
        if at >= 0:
            return at - after
    return None


HEADLINE_MAX_CHARS = 160  # a line this short without a sentence's end is a link's headline
SENTENCE_END = (".", "!", "?", "…", '"', "”", ")", ":")


def cut_headline_tail(voted: str, ours: str) -> str:
    """Trafilatura's body without the run of headline-like lines after our body's last block.

    A related-news list after the article loses its links in trafilatura's output and reads as short
    paragraphs: "Chứng khoán phiên 6/3: Rung lắc mạnh, VN-Index về 1.767 điểm".
    """
    mine = [b for b in layout.leaf_blocks(fragment(ours)) if tree.flat_text(b).strip()]
    if not mine:
        return voted
    last = " ".join(tree.flat_text(mine[-1]).split())
    root = fragment(voted)
    blocks = layout.leaf_blocks(root)
    at = next((i for i in range(len(blocks) - 1, -1, -1) if " ".join(tree.flat_text(blocks[i]).split()) == last), None)
    tail = [" ".join(tree.flat_text(b).split()) for b in blocks[at + 1:]] if at is not None else []
    if not tail or not all(len(t) <= HEADLINE_MAX_CHARS and not t.endswith(SENTENCE_END) for t in tail if t):
        return voted
    for node in blocks[at + 1:]:
        tree.remove(node)
    return tree_html.inner_html(root).strip() or voted


def fragment(html: str) -> Tag:
    root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())
    return root.find("body")


AGREE_OURS_IN_VOTED = 0.98  # this share of our words is in trafilatura's body: ours holds little else
AGREE_VOTED_IN_OURS = 0.85  # this share of trafilatura's words is in ours: ours misses little


def agrees(ours: str, voted: str) -> tuple[bool, float, float]:
    """Whether the structure's body and trafilatura's are the same text (word multisets), and the two shares.

    Our photos' captions do not count against ours (an extractor often leaves them out).
    """
    theirs = Counter(words(voted))
    bare = Counter(words(without_figures(ours))) or Counter(words(ours))  # a body that is all figure keeps its text
    covers = sum((bare & theirs).values()) / max(sum(bare.values()), 1)
    covered = sum((Counter(words(ours)) & theirs).values()) / max(sum(theirs.values()), 1)
    return covers >= AGREE_OURS_IN_VOTED and covered >= AGREE_VOTED_IN_OURS, covers, covered


FIGURES = re.compile(r"<figure\b.*?</figure>|<figcaption\b.*?</figcaption>|<table\b(?:(?!</table>).)*?<img\b.*?</table>",
                      re.IGNORECASE | re.DOTALL)


def without_figures(html: str) -> str:
    """The body without its photos and their captions (an extractor often leaves captions out)."""
    return FIGURES.sub(" ", html)


def words(html: str) -> list[str]:
    return unicodedata.normalize("NFC", unescape(text_of_html(html))).casefold().split()


TAGS = re.compile(r"<[^>]+>")


def text_of_html(html: str) -> str:
    return " ".join(TAGS.sub(" ", html).split())

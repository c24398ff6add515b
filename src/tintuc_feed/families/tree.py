"""The page tree on lxml, read the way the families always read it.

The families were written on BeautifulSoup; their output is fixed by a golden
file (tests/fixtures/golden).  These helpers give the few bs4 behaviours that
output depends on, on an lxml tree, in C where lxml can:

- text: a node's visible strings, without comments and without the text of
  <script>, <style>, <template>, <rt>, <rp> (bs4's get_text);
- strings: every string in document order, comments and script text included
  (bs4's find_all(string=True)), as (text, owner, slot) references;
- removal that leaves the text on each side as two strings (bs4's decompose):
  the element is replaced by an empty GAP element that carries its tail;
- serialization of an element's contents as bs4 wrote it (minimal entities,
  attributes sorted, `<br/>`, whitespace-only strings collapsed): families/tree_html.py.

CSS selectors go through cssselect to XPath, compiled once per selector.  A parsed page is
indexed once (families/selector_index.py): a selector whose every alternative needs a class,
id or attribute the page never had is answered without running its XPath.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cssselect import HTMLTranslator, SelectorError
from cssselect import parse as parse_css
from lxml import etree

from . import selector_index
from .selector_index import cannot_match

GAP = "tintuc-gap"  # what a removed element leaves: its tail stays a string of its own
TEXT, TAIL, COMMENT = 0, 1, 2
NO_TEXT_TAGS = ("script", "style", "template", "rt", "rp")
_CONTENT = "[not(ancestor::script or ancestor::style or ancestor::template or ancestor::rt or ancestor::rp)]"
_TEXTS = etree.XPath("descendant::text()" + _CONTENT, smart_strings=False)
_ALL_TEXTS = etree.XPath("descendant::text()", smart_strings=False)
_ALL_STRINGS = etree.XPath("descendant::text() | descendant::comment()")
_TRANSLATOR = HTMLTranslator()


def parse(text: str) -> etree._Element:
    """The document's <html> element, parsed as BeautifulSoup(text, "lxml") parsed it."""
    if text[:1] == "\ufeff":
        text = text[1:]
    parser = etree.HTMLParser(recover=True)
    parser.feed(text)
    root = parser.close()
    return root if root is not None else etree.Element("html")


# ---- CSS -----------------------------------------------------------------------

@cache
def xpath_for(css: str, within: bool = True) -> etree.XPath | None:
    """The compiled XPath of a CSS selector (descendants only when `within`); None if invalid."""
    try:
        path = _TRANSLATOR.css_to_xpath(css, prefix="descendant::" if within else "descendant-or-self::")
        return etree.XPath(path)
    except (SelectorError, etree.XPathError, ValueError, NotImplementedError):
        return None


def select(node: etree._Element, css: str, *, document: bool = False) -> list[etree._Element]:
    """Elements below `node` matching `css`, in document order ([] for a selector cssselect rejects).
    A group whose alternatives the page's index partly rules out runs the others only (their union)."""
    query = xpath_for(css, not document)
    if query is None:
        return []
    if cannot_match(node, css):
        if selector_index.VERIFY_INDEX:  # tests: run the XPath anyway, fail if the skip was wrong
            found = [n for n in query(node) if n.tag != GAP]
            assert not found, f"selector index skipped {css!r}, which matches {found}"
        return []
    kept = selector_index.alternatives(node, css)
    narrowed = _xpath_of_alternatives(css, kept, not document) if kept is not None else None
    if narrowed is not None:
        found = [n for n in narrowed(node) if n.tag != GAP]
        if selector_index.VERIFY_INDEX:  # tests: the whole group finds the same
            assert found == [n for n in query(node) if n.tag != GAP], f"alternatives {kept} of {css!r}"
        return found
    return [n for n in query(node) if n.tag != GAP]


@cache
def _xpath_of_alternatives(css: str, kept: tuple[int, ...], within: bool) -> etree.XPath | None:
    """The compiled XPath of these alternatives of a selector group (as css_to_xpath joins a group's)."""
    try:
        selectors = parse_css(css)
        prefix = "descendant::" if within else "descendant-or-self::"
        return etree.XPath(" | ".join(_TRANSLATOR.selector_to_xpath(selectors[place], prefix,
                                                                    translate_pseudo_elements=True) for place in kept))
    except (SelectorError, etree.XPathError, ValueError, NotImplementedError, IndexError):
        return None


def select_one(node: etree._Element, css: str, *, document: bool = False) -> etree._Element | None:
    found = select(node, css, document=document)
    return found[0] if found else None


def is_element(node) -> bool:
    return isinstance(node.tag, str) and node.tag != GAP


def descendants(node: etree._Element, *tags: str) -> list[etree._Element]:
    """Descendant elements (not the node itself) with these tag names, in document order."""
    return [n for n in node.iterdescendants(*tags) if n.tag != GAP] if tags else [
        n for n in node.iterdescendants() if isinstance(n.tag, str) and n.tag != GAP]


def find(node: etree._Element, *tags: str) -> etree._Element | None:
    return next((n for n in node.iterdescendants(*tags)), None)


# ---- attributes ------------------------------------------------------------------

def classes(node: etree._Element) -> list[str]:
    return (node.get("class") or "").split()


def classes_of(node: etree._Element, attr: str) -> list[str]:
    """A space-separated attribute's tokens (bs4 splits class, rel and their kind)."""
    return (node.get(attr) or "").split()


def class_matches(node: etree._Element, wanted) -> bool:
    """bs4's class_= test: a string equals a class or the joined value; a regex searches either."""
    if node.get("class") is None:
        return False
    tokens = classes(node)
    if isinstance(wanted, str):
        return wanted in tokens or " ".join(tokens) == wanted
    return any(wanted.search(t) for t in tokens) or wanted.search(" ".join(tokens)) is not None


def find_parent(node: etree._Element, tag: str | tuple[str, ...] | None = None, class_=None) -> etree._Element | None:
    tags = (tag,) if isinstance(tag, str) else tag
    for parent in node.iterancestors():
        if tags is not None and parent.tag not in tags:
            continue
        if class_ is not None and not class_matches(parent, class_):
            continue
        return parent
    return None


# ---- text ---------------------------------------------------------------------------

# Text whose parent is no <script>/<style>: the strings _TEXTS keeps below a node with no <template>, <rt> or <rp>
# below it or above it, and no element inside a <script> or <style> (the parser reads their content as text, so
# only a tree built by hand has one: _NESTED_NO_TEXT tells).  One parent test per string instead of five ancestor
# walks (tests/families/test_text_parts_fast.py).
_PLAIN_TEXTS = etree.XPath("descendant::text()[not(parent::script or parent::style)]", smart_strings=False)
_NESTED_NO_TEXT = etree.XPath("boolean(descendant::script/* | descendant::style/* | descendant::template"
                              " | descendant::rt | descendant::rp)")


_TEXT_QUERIES = (_ALL_TEXTS, _PLAIN_TEXTS, _TEXTS)


def _content_texts(node: etree._Element, queries: tuple[etree.XPath, etree.XPath, etree.XPath]) -> list:
    """The text below a node (not a NO_TEXT_TAGS element itself) that no NO_TEXT_TAGS element holds, by the
    cheapest of (all text, text with no script/style parent, the ancestor test on each string) that is exact."""
    if next(node.iterancestors(*NO_TEXT_TAGS), None) is None:
        if next(node.iterdescendants(*NO_TEXT_TAGS), None) is None:
            return queries[0](node)  # nothing to leave out: no ancestor test per string
        if not _NESTED_NO_TEXT(node):
            return queries[1](node)
    return queries[2](node)


def text_parts(node: etree._Element) -> list[str]:
    """The strings bs4's get_text joins: no comments, no script/style/template text."""
    if node.tag in NO_TEXT_TAGS:
        return [node.text] if node.text else []
    if len(node) == 0 and type(node.tag) is str:  # no child: its text is one string (the parser joins a text's pieces)
        text = node.text
        return [text] if text is not None and next(node.iterancestors(*NO_TEXT_TAGS), None) is None else []
    return _content_texts(node, _TEXT_QUERIES)


def get_text(node: etree._Element, sep: str = "", strip: bool = False) -> str:
    parts = text_parts(node)
    if strip:
        parts = [s for s in (p.strip() for p in parts) if s]
    else:
        parts = [collapse(p, node) for p in parts] if sep == "" else parts
    return sep.join(parts)


def flat_text(node: etree._Element) -> str:
    """The node's text, whitespace collapsed to single spaces ("" if none)."""
    return " ".join(" ".join(text_parts(node)).split())  # the parts' words (str.strip and str.split: one whitespace)


def has_text(node: etree._Element) -> bool:
    return any(s.strip() for s in text_parts(node))


_CONTENT_STRINGS = etree.XPath("descendant::text()" + _CONTENT)  # smart strings: each knows its element
_STRING_QUERIES = (etree.XPath("descendant::text()"), etree.XPath(_PLAIN_TEXTS.path), _CONTENT_STRINGS)


def text_holders(container: etree._Element) -> set[etree._Element]:
    """The container and the elements below it for which has_text is true (not a script/style/template/
    rt/rp element itself): those above a non-blank string text_parts keeps, found from each string once
    instead of reading every element's text."""
    holders: set[etree._Element] = set()
    strings = _CONTENT_STRINGS(container) if container.tag in NO_TEXT_TAGS else _content_texts(container, _STRING_QUERIES)
    for string in strings:
        if not string.strip():
            continue
        owner = string.getparent()
        node = owner.getparent() if string.is_tail else owner  # a tail's string lies in its element's parent
        while node is not None and node not in holders:
            holders.add(node)
            if node is container:
                break
            node = node.getparent()
    return holders


_ASCII_SPACE = re.compile(r"[ \n\t\x0c\r]+")


def collapse(text: str, parent: etree._Element | None) -> str:
    """bs4 stores a string of ASCII spaces outside <pre>/<textarea> as "\\n" or " "."""
    if not _ASCII_SPACE.fullmatch(text):
        return text
    if parent is not None and (parent.tag in ("pre", "textarea") or any(
            a.tag in ("pre", "textarea") for a in parent.iterancestors())):
        return text
    return "\n" if "\n" in text else " "


# ---- strings (bs4 NavigableStrings) -----------------------------------------------------

def string_parent(ref) -> etree._Element | None:
    _, owner, slot = ref
    return owner if slot == TEXT else owner.getparent()


def all_strings(node: etree._Element) -> list[tuple]:
    """Every string below the node (comments and script text included), in document order."""
    out = []
    for item in _ALL_STRINGS(node):
        if isinstance(item, str):
            owner = item.getparent()
            out.append((str(item), owner, TAIL if item.is_tail else TEXT))
        else:
            out.append((item.text or "", item, COMMENT))
    return out


def _subtree(node: etree._Element) -> Iterator[tuple]:
    if node.tag is etree.Comment:
        yield (node.text or "", node, COMMENT)
    elif isinstance(node.tag, str):
        if node.text:
            yield (node.text, node, TEXT)
        for child in node:
            yield from _subtree(child)
            if child.tail:
                yield (child.tail, child, TAIL)


def strings_from(node: etree._Element) -> Iterator[tuple]:
    """Every string from the node's start to the end of the document (bs4's find_all_next(string=True))."""
    yield from _subtree(node)
    current = node
    while current is not None:
        if current.tail:
            yield (current.tail, current, TAIL)
        for sibling in current.itersiblings():
            yield from _subtree(sibling)
            if sibling.tail:
                yield (sibling.tail, sibling, TAIL)
        current = current.getparent()


def elements_from(node: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Elements after the node's start in document order, its own descendants first (bs4's find_all_next)."""
    for n in node.iterdescendants(*tags):
        if n.tag != GAP:
            yield n
    current = node
    while current is not None:
        for sibling in current.itersiblings():
            for n in sibling.iter(*tags):
                if isinstance(n.tag, str) and n.tag != GAP:
                    yield n
        current = current.getparent()


def direct_strings(node: etree._Element) -> list[str]:
    """The strings that are the node's own children (comments included), as bs4's recursive=False."""
    out = [node.text] if node.text else []
    for child in node:
        if child.tag is etree.Comment:
            out.append(child.text or "")
        if child.tail:
            out.append(child.tail)
    return out


# ---- changes ---------------------------------------------------------------------------

# How many structural changes (an element removed, moved or added) any tree has had: a list of a page's
# elements remembered at one count is still the tree's while the count is the same (Page.elements).  `remove`
# counts its own; a reader that moves, adds or removes elements with lxml itself calls `changed()`.
STRUCTURE_CHANGES = 0


def changed() -> None:
    """Count a structural change made with lxml directly (lists of elements remembered before it are stale)."""
    global STRUCTURE_CHANGES
    STRUCTURE_CHANGES += 1


def remove(node: etree._Element) -> None:
    """Take the element out of the tree; the text after it stays a separate string."""
    parent = node.getparent()
    if parent is None or node.tag == GAP:
        return
    gap = etree.Element(GAP)
    gap.tail = node.tail
    node.tail = None
    parent.replace(node, gap)
    changed()


def is_removed(node: etree._Element, root: etree._Element) -> bool:
    """True once the node (or an ancestor) was removed from the tree rooted at root."""
    top = node
    for top in node.iterancestors():
        pass
    return top is not root and node is not root


def set_string(ref, value: str) -> None:
    """Replace a string's text (value "" removes it)."""
    _, owner, slot = ref
    if slot == TEXT:
        owner.text = value
    elif slot == TAIL:
        owner.tail = value
    elif value:
        owner.text = value
    else:
        remove(owner)

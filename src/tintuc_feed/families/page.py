"""One parsed page: the text as served and its lxml tree, parsed once.

`extract_article` parses a page once and hands the same Page to the family,
to the source's own selectors (on a copy of the tree: each reader removes what
it has read) and to the generic fallback.  A family function takes a Page or
the text (`Page.of`), so it stays a pure function of (url, page).
"""

from __future__ import annotations

import copy
import weakref

from lxml import etree

from . import selector_index, tree

# The elements readers look up by tag over the whole page many times (the <meta> lookups above all): found
# by one walk, remembered until the next structural change of a tree (tree.STRUCTURE_CHANGES).
INDEXED_TAGS = ("meta", "script", "link", "title")
VERIFY_ELEMENTS = False  # tests: each answer checked against a walk of the tree as it is now


class Page:
    __slots__ = ("__weakref__", "memo", "root", "text")

    def __init__(self, text: str, root: etree._Element | None = None) -> None:
        self.text = text
        self.memo: dict = {}  # what readers remember of this page, each checking it still holds (base._meta_tables)
        self.root = tree.parse(text) if root is None else root
        if root is None:
            self._index()

    def _index(self) -> None:
        """Index the tree for the selector prefilter while no reader has changed it (selector_index.index_document)."""
        selector_index.index_document(self.root, self.text)
        weakref.finalize(self, selector_index.forget_document, id(self.root))

    @classmethod
    def of(cls, page: Page | str) -> Page:
        return page if isinstance(page, Page) else cls(page)

    def copy(self) -> Page:
        """The same page with a tree of its own (a deep copy: no second parse)."""
        page = Page(self.text, copy.deepcopy(self.root))
        page._index()
        return page

    def elements(self, tag: str) -> tuple[etree._Element, ...]:
        """The page's elements of one of INDEXED_TAGS in document order (`root.iter(tag)`), from one walk for
        all of them, remembered while no tree has changed its structure since (removals, moves: a reader
        counts each, tree.changed)."""
        memo = self.memo.get("elements")
        if memo is None or memo[0] != tree.STRUCTURE_CHANGES:
            found: dict[str, list[etree._Element]] = {name: [] for name in INDEXED_TAGS}
            for node in self.root.iter(*INDEXED_TAGS):
                found[node.tag].append(node)
            memo = self.memo["elements"] = (tree.STRUCTURE_CHANGES, {name: tuple(v) for name, v in found.items()})
        if VERIFY_ELEMENTS:
            assert list(memo[1][tag]) == list(self.root.iter(tag)), f"stale <{tag}> list"
        return memo[1][tag]

    @property
    def title(self) -> etree._Element | None:
        """The first <title> anywhere in the document."""
        titles = self.elements("title")
        return titles[0] if titles else None

    @property
    def lang(self) -> str | None:
        return (self.root.get("lang") if self.root.tag == "html" else None) or None

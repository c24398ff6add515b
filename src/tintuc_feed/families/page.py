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

    @property
    def title(self) -> etree._Element | None:
        """The first <title> anywhere in the document."""
        return next(self.root.iter("title"), None)

    @property
    def lang(self) -> str | None:
        return (self.root.get("lang") if self.root.tag == "html" else None) or None

"""<meta> lookups: the content of the first <meta property|name|itemprop=…> of a page.

Families read a page's metadata by name many times per page (site name, description, image,
dates, authors…); the tables of its <meta> elements are built once per page (and rebuilt when a
reader has removed one of them), each name then looked up in a dictionary.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from .page import Page


def meta_content(page: Page, *names: str) -> tuple[str, str] | None:
    """(content, name) of the first <meta property|name|itemprop=name>.

    For each name, then each attribute, only the first <meta> in document order
    that carries it counts (an empty content there moves on to the next
    attribute).  The name is matched by `_meta_name_re` (case-insensitive, whole value);
    the lookup tables are built once per page and set of <meta> elements (`_meta_tables`).
    """
    metas = page.elements("meta")
    if not metas:
        return None
    tables = _meta_tables(page, metas)
    for name in names:
        key = name.lower() if name.isascii() and "\n" not in name else None
        for table in tables:
            node = table.first(name, key)
            if node is not None and node.get("content", "").strip():
                return node.get("content").strip(), name
    return None


class _MetaTable:
    """The <meta> elements carrying one attribute, in document order, looked up by name.

    `first(name)` is the first whose value `_meta_name_re(name)` matches (^name$, case-insensitive).
    For an ASCII value and an ASCII name without "\n", that regex matches exactly when the value's
    lower(), less one final "\n" ($ matches before it), is the name's lower(): a dictionary from that
    key to the first place answers.  Other values (and names) are searched with the regex itself, and
    the earliest match wins.
    """

    __slots__ = ("metas", "others", "places", "values")

    def __init__(self, metas: tuple[etree._Element, ...], attr: str) -> None:
        pairs = [(value, m) for m in metas if (value := m.get(attr)) is not None]
        self.values = [v for v, _ in pairs]
        self.metas = [m for _, m in pairs]
        self.places: dict[str, int] = {}
        self.others: list[tuple[int, str]] = []  # (place, value) of the non-ASCII values
        for place, value in enumerate(self.values):
            if value.isascii():
                key = value.lower()
                self.places.setdefault(key.removesuffix("\n"), place)
            else:
                self.others.append((place, value))

    def first(self, name: str, key: str | None) -> etree._Element | None:
        """The first meta whose value names `name`; `key`: name.lower(), None for a name the keys cannot answer."""
        if key is not None and not self.others:
            place = self.places.get(key)
            return None if place is None else self.metas[place]
        pattern = _meta_name_re(name)
        if key is None:
            return next((m for v, m in zip(self.values, self.metas) if pattern.search(v) is not None), None)
        best = self.places.get(key, len(self.metas))
        best = next((p for p, value in self.others if p < best and pattern.search(value) is not None), best)
        return self.metas[best] if best < len(self.metas) else None


def _meta_tables(page: Page, metas: tuple[etree._Element, ...]) -> tuple[_MetaTable, ...]:
    """Per attribute (property, name, itemprop), the table of the metas carrying it; remembered on the
    page while the same <meta> elements are in its tree (a reader that removes one gets new tables)."""
    memo = page.memo.get("meta")
    if memo is not None and (memo[0] is metas or memo[0] == metas):
        return memo[1]
    tables = tuple(_MetaTable(metas, attr) for attr in ("property", "name", "itemprop"))
    page.memo["meta"] = (metas, tables)
    return tables


@cache
def _meta_name_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}$", re.IGNORECASE)

"""metas.meta_content's tables (built once per page) answer as the per-call scan they replaced.

The reference below is the scan meta_content ran on every call: per attribute, the metas carrying it
in document order, the first whose value the name's regex (^name$, case-insensitive) matches.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.families import metas, tree
from tintuc_feed.families.base import PUBLISHED_META
from tintuc_feed.families.page import Page

from .test_reading_fast_paths import _recorded_pages

NAMES = (*PUBLISHED_META, "og:site_name", "description", "og:description", "og:image", "twitter:image",
         "keywords", "news_keywords", "og:url", "og:title", "author", "article:author", "dc.creator",
         "article:modified_time", "dateModified", "K", "ſite", "İd")


def reference(page: Page, *names: str) -> tuple[str, str] | None:
    found = list(page.root.iter("meta"))
    carrying = [[(m.get(a), m) for m in found if m.get(a) is not None] for a in ("property", "name", "itemprop")]
    for name in names:
        pattern = re.compile(rf"^{re.escape(name)}$", re.IGNORECASE)
        for pairs in carrying:
            node = next((m for value, m in pairs if pattern.search(value) is not None), None)
            if node is not None and node.get("content", "").strip():
                return node.get("content").strip(), name
    return None


def test_every_recorded_page_reads_each_name_as_the_scan_did():
    for text in _recorded_pages():
        page = Page(text)
        for name in NAMES:
            assert metas.meta_content(page, name) == reference(page, name)
        assert metas.meta_content(page, *NAMES) == reference(page, *NAMES)


def test_a_removed_meta_is_not_read_from_the_remembered_tables():
    page = Page('<html><head><meta name="a" content="1"><meta property="A" content="2"></head><body></body></html>')
    assert metas.meta_content(page, "a") == ("2", "a")  # property is read before name
    tree.remove(next(page.root.iter("meta")))
    assert metas.meta_content(page, "a") == ("2", "a")
    tree.remove(next(page.root.iter("meta")))
    assert metas.meta_content(page, "a") is None


VALUES = st.sampled_from(["og:title", "OG:Title", "og:title\n", "og:title\n\n", " og:title", "og:titlé", "K", "k",
                          "\u212a", "ſite", "og:title\r", "OG:TITLE\n", "site", "SITE", "İd", "id", "i̇d", "", "description", "Description\n"])


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["property", "name", "itemprop", "content"]), VALUES,
                          st.sampled_from(["", " ", "x", "y"])), max_size=6),
       st.lists(st.sampled_from(["og:title", "k", "K", "site", "ſite", "id", "İd", "description", "x", "og:title\n"]), min_size=1,
                max_size=3))
def test_generated_metas_read_as_the_scan_did(rows, names):
    def attr(value: str) -> str:
        return value.replace("&", "&amp;").replace('"', "&quot;").replace("\n", "&#10;")
    head = "".join(f'<meta {a}="{attr(v)}" content="{c}">' for a, v, c in rows)
    page = Page(f"<html><head>{head}</head><body><p>t</p></body></html>")
    assert metas.meta_content(page, *names) == reference(page, *names)
    assert metas.meta_content(page, *names) == reference(page, *names)  # the remembered tables

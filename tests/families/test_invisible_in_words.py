"""Invisible characters inside words (soft hyphens, zero-width spaces, word joiners, a stray BOM), as pasted
from a word processor or left by a CMS: every family's reading, normalized and prepared for the store, is
the clean page's, field by field, the dedupe signature included.

Normalization already dropped them from every field, but the readers' tables read the page's own text:
on VHV's page the share and rating box ("Chia sẻ Lưu", "Tổng số điểm của bài viết là: …") stayed in the
body when its words held one.  families.visible_text removes them before reading.  Also non-breaking spaces
(the character or the entity) for every space of the visible text, and NFD text: the same article.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from crawler.pages import read_page
from tintuc_feed import families

from .cases import load_cases, source_for

NOW = datetime(2026, 11, 29, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
ARTICLES = [c for c in load_cases("article") if c.path.joinpath("input.html").exists()]
LISTS = [c for c in load_cases("list") if c.path.joinpath("input.html").exists()]
FIELDS = ("title", "published", "date_precision", "modified", "authors", "credits", "origin", "summary",
          "content_text", "content_html", "image", "province", "former_province", "url")


def _in_visible_text(page: str, change) -> str:
    """change() applied to the text between tags, scripts and styles left alone."""
    parts = re.split(r"(<script\b.*?</script>|<style\b.*?</style>)", page, flags=re.DOTALL | re.IGNORECASE)
    return "".join(part if index % 2 else re.sub(r">([^<]+)<", lambda m: ">" + change(m.group(1)) + "<", part)
                    for index, part in enumerate(parts))


def _inside_words(char: str, every: int):
    return lambda text: re.sub(rf"(?<=\w{{{every}}})(?=\w)", char, text, count=3)


SOILINGS = {
    "soft-hyphen": _inside_words("\u00ad", 3),
    "zero-width-space": _inside_words("\u200b", 2),
    "word-joiner": _inside_words("\u2060", 2),
    "bom": _inside_words("\ufeff", 4),
    "zero-width-joiners": _inside_words("\u200c\u200d", 2),
    "grapheme-joiner": _inside_words("\u034f", 1),
    "nbsp": lambda text: text.replace(" ", "\u00a0"),
    "nbsp-entity": lambda text: text.replace(" ", "&nbsp;"),
    "nfd": lambda text: unicodedata.normalize("NFD", text),
}


def _prepared(case, page: str):
    source, url = source_for(case), case.meta["url"]
    read = read_page(source, url, page.encode("utf-8"), case.meta.get("hints"), "text/html; charset=utf-8", url, NOW)
    assert "skipped" not in read, read
    return read["prepared"]


@pytest.mark.parametrize("soiling", SOILINGS)
@pytest.mark.parametrize("case", ARTICLES, ids=lambda c: c.id)
def test_the_article_is_the_clean_pages(case, soiling):
    soiled = _in_visible_text(case.text, SOILINGS[soiling])
    assert soiled != case.text
    clean, got = _prepared(case, case.text), _prepared(case, soiled)
    fields = [f for f in FIELDS if f != "content_html" or not soiling.startswith("nbsp")]  # the HTML keeps &nbsp;
    assert {f: getattr(got.article, f) for f in fields} == {f: getattr(clean.article, f) for f in fields}
    assert got.signature == clean.signature


@pytest.mark.parametrize("soiling", ["soft-hyphen", "zero-width-space", "word-joiner"])
@pytest.mark.parametrize("case", LISTS, ids=lambda c: c.id)
def test_list_pages_give_the_same_links(case, soiling):
    source, url = source_for(case), case.meta["url"]
    soiled = _in_visible_text(case.text, SOILINGS[soiling])
    assert [a.url for a in families.parse_list(source, url, soiled).articles] == [
        a.url for a in families.parse_list(source, url, case.text).articles]


def test_visible_text_rows():
    assert families.visible_text("Chia\u00ad sẻ\u200b Lưu\u2060\ufeff") == "Chia sẻ Lưu"
    assert families.visible_text("C\u034fô\u034fn\u034fg\u200c a\u200dn") == "Công an"
    page = "<p>Công an tỉnh</p>"
    assert families.visible_text(page) is page  # nothing to remove: the page itself

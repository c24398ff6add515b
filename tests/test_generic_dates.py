"""families/generic_dates.py: dates the markup names as the publication date, one test per row of MARKED_PUBLISHED."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic
from tintuc_feed.families.base import PUBLISHED_META, parse_html
from tintuc_feed.families.generic_dates import MARKED_PUBLISHED, marked_published
from tintuc_feed.sources import Source

BODY = ("<div class='entry-content'><p>" + "Lực lượng Công an đã phối hợp với chính quyền địa phương triển khai "
        "nhiều biện pháp bảo đảm an ninh trật tự trên địa bàn, tuyên truyền cho người dân. " * 3 + "</p></div>")

# one element per row of MARKED_PUBLISHED, in the same order
MARKUP = [
    '<time itemprop="datePublished" datetime="2024-05-12T08:30:00+07:00">12/05/2024</time>',
    '<span itemprop="datePublished" content="2024-05-12T08:30:00+07:00">12/05/2024</span>',
    '<div itemprop="datePublished" datetime="2024-05-12T08:30:00+07:00">12/05/2024</div>',
    '<span property="schema:datePublished" content="2024-05-12T08:30:00+07:00"></span>',
    '<time class="published" datetime="2024-05-12T08:30:00+07:00">12/05/2024</time>',
    '<time class="entry-date" datetime="2024-05-12T08:30:00+07:00">12/05/2024</time>',
    '<abbr class="published" title="2024-05-12T08:30:00+07:00">12/05/2024</abbr>',
    '<abbr itemprop="datePublished" title="2024-05-12T08:30:00+07:00">12/05/2024</abbr>',
]
assert len(MARKUP) == len(MARKED_PUBLISHED)


@pytest.mark.parametrize(("row", "markup"), list(zip(MARKED_PUBLISHED, MARKUP, strict=True)),
                         ids=[css for css, _ in MARKED_PUBLISHED])
def test_marked_publication_date(row, markup):
    page = parse_html(f"<html><body><article><h1>Tiêu đề</h1><footer>{markup}</footer></article></body></html>")
    found = marked_published(page)
    assert found is not None and found[0].raw == "2024-05-12T08:30:00+07:00" and found[1] == row[0]


def test_the_articles_marked_date_wins_over_a_related_articles():
    page = parse_html(
        "<html><body><div class='related'><time itemprop='datePublished' datetime='2020-01-01'>1/1/2020</time></div>"
        "<article><footer><time class='entry-date published' datetime='2024-05-12'>12/05/2024</time></footer>"
        "</article></body></html>")
    assert marked_published(page)[0].raw == "2024-05-12"


def test_modified_dates_and_meta_tags_are_not_read_here():
    page = parse_html("<html><head><meta itemprop='datePublished' content='2024-05-01'></head><body>"
                      "<time itemprop='dateModified' datetime='2024-06-01'>1/6</time>"
                      "<time class='updated' datetime='2024-06-01'>1/6</time></body></html>")
    assert marked_published(page) is None


def test_the_generic_reader_keeps_a_date_in_a_stripped_entry_footer():
    html = (f"<html><head><title>Hội nghị an ninh trật tự tỉnh</title></head><body><article>"
            f"<h1>Hội nghị an ninh trật tự tỉnh</h1>{BODY}<footer class='entry-footer'>"
            f"<time class='entry-date published' datetime='2024-05-12T08:30:00+07:00'>12/05/2024</time>"
            f"</footer></article></body></html>")
    source = Source(id="t", name="t", list_urls=("https://example.vn/",), article_url_pattern=".")
    raw = generic.parse_article("https://example.vn/a.html", html, source, {})
    assert raw.dates[0].raw == "2024-05-12T08:30:00+07:00" and raw.dates[0].origin == "time"
    assert raw.matched["date"] == "marked:time.published[datetime]"


@pytest.mark.parametrize("name", PUBLISHED_META)
def test_published_meta_row(name):
    html = (f"<html><head><meta name='{name}' content='2024-05-12T08:30:00+07:00'>"
            f"<title>Hội nghị an ninh trật tự tỉnh</title></head><body><article>"
            f"<h1>Hội nghị an ninh trật tự tỉnh</h1>{BODY}</article></body></html>")
    source = Source(id="t", name="t", list_urls=("https://example.vn/",), article_url_pattern=".")
    raw = generic.parse_article("https://example.vn/a.html", html, source, {})
    assert (raw.dates[0].raw, raw.dates[0].origin, raw.matched["date"]) == ("2024-05-12T08:30:00+07:00", "meta", "meta")

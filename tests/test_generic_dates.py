"""families/generic_dates.py: dates the markup names as the publication date, one test per row of MARKED_PUBLISHED."""

from __future__ import annotations

import pytest

from tintuc_feed.families import generic, generic_dates
from tintuc_feed.families.base import PUBLISHED_META, parse_html
from tintuc_feed.families.generic_dates import MARKED_PUBLISHED, marked_published
from tintuc_feed.model import RawDate
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


# The card rows of the module doc: a page whose related posts are <article>s with their own marked dates.
def _cards_page(own_date: str = "", *, nested: bool = False) -> str:
    card = ("<article class='post'><h3><a href='/old'>Tin cũ liên quan</a></h3>"
            "<time class='published' datetime='2020-12-03T07:32:49+07:00'>03/12/2020</time></article>")
    cards = f"<ul class='related'><li>{card}</li><li>{card}</li></ul>"
    return (f"<html><body><article class='post'><h1>Hội nghị tổng kết công tác năm của Công an tỉnh</h1>{own_date}"
            f"{BODY}{cards if nested else ''}</article>{'' if nested else cards}</body></html>")


def test_the_title_articles_marked_date_is_read_first():
    own = "<time class='entry-date' datetime='2024-05-12T08:30:00+07:00'>12/05/2024</time>"
    page = parse_html(_cards_page(own))
    assert marked_published(page, "Hội nghị tổng kết công tác năm của Công an tỉnh")[0].raw.startswith("2024-05-12")


@pytest.mark.parametrize("nested", [False, True], ids=["cards after the article", "cards inside the article"])
def test_a_cards_marked_date_is_never_read(nested):
    page = parse_html(_cards_page(nested=nested))
    assert marked_published(page, "Hội nghị tổng kết công tác năm của Công an tỉnh") is None
    assert generic_dates.article_time(page, "Hội nghị tổng kết công tác năm của Công an tỉnh") == ()


def test_a_time_outside_every_article_comes_after_the_title_articles():
    own = "<time datetime='2024-05-12T08:30:00+07:00'>12/05/2024</time>"
    html = _cards_page(own).replace("<body>", "<body><time datetime='2019-01-01T00:00:00+07:00'>1/1</time>")
    page = parse_html(html)
    assert generic_dates.article_time(page, "Hội nghị tổng kết công tác năm của Công an tỉnh")[0].raw.startswith(
        "2024-05-12")
    outside = parse_html(_cards_page().replace("<body>", "<body><time datetime='2019-01-01T00:00:00+07:00'>1/1</time>"))
    assert generic_dates.article_time(outside, "Hội nghị tổng kết công tác năm của Công an tỉnh")[0].raw.startswith(
        "2019-01-01")


def test_the_generic_reader_gives_no_cards_date_to_the_page():
    source = Source(id="t", name="t", list_urls=("https://example.vn/",), article_url_pattern=".")
    raw = generic.parse_article("https://example.vn/a.html", _cards_page(), source, {})
    assert all(not d.raw.startswith("2020-12-03") for d in raw.dates)


# visible_over_machine: one test per row of its table (the module doc).
SHOWN_ROWS = [
    ("same day: the machine date stays", RawDate("2024-05-12T08:30:00+07:00", "meta"), "12/05/2024 10:00", None),
    ("day and month swapped (US order): the machine date stays", RawDate("2024-05-12T08:30:00+07:00", "jsonld"),
     "05/12/2024", None),
    ("another day shown in a header line: the visible line", RawDate("2021-11-29T14:13:37+00:00", "jsonld"),
     "12.01.2022", "12.01.2022"),
    ("another day not among the header lines: the machine date stays", RawDate("2021-11-29T14:13:37+00:00", "jsonld"),
     "(not shown) 12.01.2022", None),
    ("a time within 14 h of the instant: the same instant, the machine date stays",
     RawDate("2022-05-04T00:44:52.000Z", "jsonld"), "03/05/2022 21:44", None),
    ("another day, its month a word (a header clock, a card): the machine date stays",
     RawDate("2020-09-30T02:00:07-07:00", "meta"), "Wednesday, September 25, 2020", None),
    ("another day, its month a word, day first: the machine date stays",
     RawDate("2022-05-05T22:12:00+00:00", "jsonld"), "06 May 2022", None),
]


@pytest.mark.parametrize(("row", "machine", "line", "first"), SHOWN_ROWS, ids=[r[0] for r in SHOWN_ROWS])
def test_visible_over_machine_row(row, machine, line, first):
    text = line.replace("(not shown) ", "")
    shown = [] if line.startswith("(not shown)") else ["Thời sự", text, "Chia sẻ"]
    got = generic_dates.visible_over_machine([machine, RawDate(text, "text")], shown)
    assert (got.raw if got else None) == first


def test_the_generic_reader_puts_the_shown_day_first_and_says_so():
    html = ("<html><head><meta property='article:published_time' content='2021-11-29T14:13:37+00:00'>"
            "<title>Hội nghị an ninh trật tự tỉnh</title></head><body><article>"
            f"<h1>Hội nghị an ninh trật tự tỉnh</h1><p class='meta'>12.01.2022</p>{BODY}</article></body></html>")
    source = Source(id="t", name="t", list_urls=("https://example.vn/",), article_url_pattern=".")
    raw = generic.parse_article("https://example.vn/a.html", html, source, {})
    assert (raw.dates[0].raw, raw.dates[0].origin) == ("12.01.2022", "text")
    assert raw.matched["date_shown"] == "layout:date-line over meta"
    linked = html.replace("<p class='meta'>12.01.2022</p>", "<p>Xem <a href='/x'>12.01.2022</a></p>")
    assert generic.parse_article("https://example.vn/a.html", linked, source, {}).dates[0].origin == "meta"


def test_a_time_inside_a_blockquote_is_an_embedded_posts():
    html = ("<html><body><article><h1>Hội nghị tổng kết công tác năm của Công an tỉnh</h1>"
            "<blockquote class='instagram-media'><p><time datetime='2018-03-27T07:08:52+00:00'>Mar 27</time></p>"
            "</blockquote><time itemprop='datePublished' datetime='2024-05-12T08:30:00+07:00'>12/05/2024</time>"
            f"{BODY}</article></body></html>")
    page = parse_html(html)
    assert generic_dates.article_time(page, None)[0].raw.startswith("2024-05-12")
    quoted_only = parse_html(html.replace("<time itemprop='datePublished' datetime='2024-05-12T08:30:00+07:00'>"
                                          "12/05/2024</time>", ""))
    assert generic_dates.article_time(quoted_only, None) == ()


# shown_machine: one test per row of the SHOWN_MACHINE table (module doc).
JSONLD_OLD = RawDate("2023-11-03T10:25:56+00:00", "jsonld")
META_NEW = RawDate("2023-11-06T14:25:00+00:00", "meta")
MACHINE_ROWS = [
    ("one day: the first stays", [JSONLD_OLD, RawDate("2023-11-03", "meta")], ["6. November 2023"], None),
    ("the first's day shown: it stays", [JSONLD_OLD, META_NEW], ["03/11/2023 10:25", "06/11/2023"], None),
    ("another machine date's day shown: it goes first", [JSONLD_OLD, META_NEW], ["Thứ Hai, 6/11/2023"], 1),
    ("no machine date's day shown: the first stays", [JSONLD_OLD, META_NEW], ["Thời sự"], None),
]


@pytest.mark.parametrize(("row", "dates", "shown", "index"), MACHINE_ROWS, ids=[r[0] for r in MACHINE_ROWS])
def test_shown_machine_row(row, dates, shown, index):
    assert generic_dates.shown_machine(dates, shown) == index


# site_zone: the UTC instant and a header line showing it as a wall clock.
ZONE_ROWS = [
    ("English date and time split over strings", RawDate("2020-02-25T02:25:54Z", "jsonld"),
     ["Tin nóng", "February 24, 2020", "|", "9:25pm"], "2020-02-24T21:25:54-05:00"),
    ("Vietnamese date line", RawDate("2023-06-02T01:30:00+00:00", "meta"),
     ["Thứ Sáu, 02/06/2023 08:30"], "2023-06-02T08:30:00+07:00"),
    ("no line shows the minute: unchanged", RawDate("2023-06-02T01:30:00+00:00", "meta"),
     ["Thứ Sáu, 02/06/2023 09:47"], None),
    ("an instant with an offset already: unchanged", RawDate("2023-06-02T08:30:00+07:00", "meta"),
     ["02/06/2023 08:30"], None),
    ("a day without a time (midnight UTC): unchanged", RawDate("2023-06-02T00:00:00Z", "meta"),
     ["02/06/2023 07:00"], None),
]


@pytest.mark.parametrize(("row", "first", "shown", "raw"), ZONE_ROWS, ids=[r[0] for r in ZONE_ROWS])
def test_site_zone_row(row, first, shown, raw):
    found = generic_dates.site_zone(first, shown)
    assert (found[0].raw if found else None) == raw
    if found:
        assert found[0].origin == first.origin and found[1].startswith(raw[-6:])


def test_the_generic_reader_writes_the_utc_instant_in_the_zone_its_header_shows():
    html = ("<html><head><meta property='article:published_time' content='2020-02-25T02:25:54+00:00'>"
            "<title>Hội nghị an ninh trật tự tỉnh</title></head><body><article>"
            "<h1>Hội nghị an ninh trật tự tỉnh</h1><p class='byline'><span>February 24, 2020</span> | "
            f"<span>9:25pm</span></p>{BODY}</article></body></html>")
    source = Source(id="t", name="t", list_urls=("https://example.vn/",), article_url_pattern=".")
    raw = generic.parse_article("https://example.vn/a.html", html, source, {})
    assert raw.dates[0].raw == "2020-02-24T21:25:54-05:00" and raw.dates[0].origin == "meta"
    assert raw.matched["date_zone"].startswith("-05:00 from the header line")

"""families/header_dates.py and the voter's header step: htmldate's extensive mode on the header lines only.

One test per row of header_dates' table, and the voter on pages that show each case.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import voters
from tintuc_feed.families import header_dates
from tintuc_feed.families.base import parse_html
from tintuc_feed.sources import Source

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=VN)
TITLE = "Top ten women talking sports this season"
BODY = ("<p>A generally accepted myth says that men talk sports and women do not. This list shows otherwise, "
        "with ten voices heard every week on radio and television across the country.</p>"
        "<p>Each of them built a following over years of reporting, analysis and interviews.</p>")


def page(header_before: str = "", header_after: str = "", tail: str = "") -> str:
    return (f"<html><head><title>{TITLE} | Sports</title></head><body><div class='nav'><a href='/'>Home</a></div>"
            f"<div class='post'>{header_before}<h1>{TITLE}</h1>{header_after}{BODY}</div>{tail}</body></html>")


# (row of the module's table, page, a line that must be kept or None, a line that must not be)
ROWS = [
    ("a line after the title is kept", page(header_after="<p class='meta'>January 22, 2014</p>"),
     "January 22, 2014", None),
    ("a line before the title is kept", page(header_before="<div class='kicker'>Hamburg, 2. November 2021</div>"),
     "Hamburg, 2. November 2021", None),
    ("a long line is body prose, not kept",
     page(header_after="<p>On 1 June 2023 the police of the province opened an inquiry into the case of the missing "
                       "boats.</p>"), None, "On 1 June 2023"),
    ("a line inside a link is not kept", page(header_after="<p><a href='/old'>Older story, 03.02.2019</a></p>"),
     None, "Older story, 03.02.2019"),
    ("the title's own text is not kept", page(), None, TITLE),
    ("a line inside a blockquote (an embedded post) is not kept",
     page(header_after="<blockquote class='instagram-media'><p>Mär 27, 2018 um 12:08 PDT</p></blockquote>"),
     None, "Mär 27, 2018"),
    ("a line marked as the modification date is not kept",
     page(header_after="<time itemprop='dateModified' class='hidden'>2018-08-29 14:15:57</time>"
                       "<span class='updated'>30.08.2018</span><time class='published updated'>3. Mai 2018</time>"),
     "3. Mai 2018", "2018-08-29"),
    ("lines far after the title are not kept",
     page(tail="".join(f"<p>line {i}</p>" for i in range(20)) + "<p>12.12.2012</p>"), None, "12.12.2012"),
]


@pytest.mark.parametrize(("row", "html", "kept", "dropped"), ROWS, ids=[r[0] for r in ROWS])
def test_header_line_rule(row, html, kept, dropped):
    lines = header_dates.header_lines(parse_html(html), TITLE)
    if kept:
        assert kept in lines
    if dropped:
        assert not any(dropped in line for line in lines)


# (day htmldate gave, header lines, shown?)
SHOWN = [
    ("2014-01-22", ["January 22, 2014"], True),
    ("2023-11-01", ["01.11.2023 11:35"], True),
    ("2012-01-01", ["© 2012 APA/AP"], False),  # a copyright year read as 1 January
    ("2007-03-01", ["Joined March 2007"], False),  # a month read as its first day
]


@pytest.mark.parametrize(("day", "lines", "shown"), SHOWN, ids=[r[1][0] for r in SHOWN])
def test_a_header_day_must_be_shown(day, lines, shown):
    assert header_dates.shows_day(day, lines) is shown


SOURCE = Source(id="adhoc", name="example.org", list_urls=("https://example.org/",), article_url_pattern=".")


def read(html: str):
    return voters.read_article(SOURCE, "https://example.org/sports/top-ten", html, now=NOW)


def test_voter_takes_the_header_day_when_nothing_else_gives_one():
    # a German day the visible-date tables do not read (an English one is now read by the structure)
    raw = read(page(header_after="<p class='byline'>By Kristi Dosh</p><p>22. Januar 2014</p>"))
    assert raw.matched["date"] == raw.matched["date_vote"] == "htmldate:header"
    assert raw.dates[0].raw == "2014-01-22" and raw.dates[0].origin == "htmldate"


def test_voter_takes_no_date_from_a_copyright_line_or_a_related_link():
    raw = read(page(header_after="<p><a href='/older'>Older: 03.02.2019</a></p>",
                    tail="<div class='footer'>© 2012 Sports Inc.</div>"))
    assert raw.matched.get("date_vote") == "htmldate:none" and "date" not in raw.matched


def test_voter_header_step_never_overrides_a_structural_date():
    html = page(header_after="<p>22. Januar 2014</p>").replace(
        "</head>", '<meta property="article:published_time" content="2014-01-20T08:00:00+00:00"></head>')
    raw = read(html)
    assert raw.dates[0].origin == "meta" and "date_vote" not in raw.matched


SHORT = "Thư cảm ơn"  # a title under layout.TITLE_MIN_CHARS (a police portal's thank-you letter)


def short_page(headings: str, footer_h1: str = "Liên hệ Công an tỉnh") -> str:
    return (f"<html><head><title>{SHORT}</title><meta property='og:title' content='{SHORT}'></head><body>"
            f"<h1>Tin tức</h1><div class='post'>{headings}<p>Thứ Hai, 02/04/2024 09:15</p>{BODY}</div>"
            + "".join(f"<p>Thông báo số {i}</p>" for i in range(8))  # lines between the article and the footer
            + f"<footer><h1>{footer_h1}</h1><p>© 2024 Công an tỉnh</p></footer></body></html>")


# (row of the title_anchor order, page, title, text of the anchor expected)
ANCHOR_ROWS = [
    ("a title layout.title_element finds", page(), TITLE, TITLE),
    ("a short title shown by exactly one heading", short_page(f"<h3 class='newstitle'>{SHORT}</h3>"), SHORT, SHORT),
    ("a short title shown by several headings: the longest h1",
     short_page(f"<h3>{SHORT}</h3><h2>{SHORT}</h2>"), SHORT, "Liên hệ Công an tỉnh"),
    ("a short title only in a heading inside a link (a card): the longest h1",
     short_page(f"<a href='/thu'><h3>{SHORT}</h3></a>"), SHORT, "Liên hệ Công an tỉnh"),
    ("no title: the longest h1", short_page("<h3>Khác</h3>"), None, "Liên hệ Công an tỉnh"),
]


@pytest.mark.parametrize(("row", "html", "title", "expected"), ANCHOR_ROWS, ids=[r[0] for r in ANCHOR_ROWS])
def test_title_anchor_rule(row, html, title, expected):
    anchor = header_dates.title_anchor(parse_html(html), title)
    assert anchor is not None and " ".join("".join(anchor.itertext()).split()) == expected


def test_voter_reads_the_header_of_a_short_title():
    """A short title's own heading anchors the header: the line under it (a form no visible-date table reads),
    not the lines after the footer's <h1>."""
    html = short_page(f"<h3>{SHORT}</h3>").replace("Thứ Hai, 02/04/2024 09:15", "Wien, 2. April 2024")
    raw = voters.read_article(SOURCE, "https://example.org/tin-tuc/thu-cam-on", html, now=NOW)
    assert raw.matched["date"] == "htmldate:header" and raw.dates[0].raw == "2024-04-02"


def test_voter_keeps_no_date_when_the_short_titles_header_shows_none():
    html = short_page(f"<h3>{SHORT}</h3>").replace("<p>Thứ Hai, 02/04/2024 09:15</p>", "<p>Phòng PV01</p>")
    raw = voters.read_article(SOURCE, "https://example.org/tin-tuc/thu-cam-on", html, now=NOW)
    assert "date" not in raw.matched and raw.matched.get("date_vote") == "htmldate:none"

"""voters.py: htmldate's second opinion on the date, one test per row of its table, on saved real pages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from real_pages import cases

from tintuc_feed import voters
from tintuc_feed.extract import extract_to_json, pick_source
from tintuc_feed.model import RawArticle, RawDate
from tintuc_feed.process import normalize_article

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 7, 7, 12, 0, tzinfo=VN)
CASES = {c.name: c for c in cases()}


def read(name: str) -> tuple[RawArticle, str]:
    case = CASES[name]
    text = case.html_path.read_text("utf-8", errors="replace")
    return voters.read_article(pick_source(case.url, None, None), case.url, text, now=NOW), text


def test_strong_date_is_kept_and_htmldate_not_asked():
    raw, _ = read("vnexpress-2023-thue")  # JSON-LD datePublished
    assert voters.has_strong_date(raw) and "date_vote" not in raw.matched
    assert raw.dates[0].origin == "jsonld"


def test_weak_date_and_no_htmldate_opinion_keeps_the_structure():
    raw, _ = read("ngoisao-2012-hoahau")  # a line near the title; htmldate's fast mode finds nothing
    assert raw.matched["date_vote"] == "htmldate:none"
    assert all(d.origin != "htmldate" for d in raw.dates)


def test_no_structural_date_takes_htmldates_day_as_a_date_only():
    raw, _ = read("cafef-2014-sochi")  # structure finds no date (nld-2012-tienhui was this row: its date line, in
    # the page-wide ASP.NET <form>, is now read by families/form_dates.py)
    assert raw.matched["date_vote"] == "htmldate:only" and raw.matched["date"] == "htmldate"
    source = pick_source(CASES["cafef-2014-sochi"].url, None, None)
    article = normalize_article(raw, source, fetched_at=NOW)
    assert article.published == datetime(2014, 2, 15, tzinfo=VN)
    assert article.date_precision == "date" and article.published_origin == "htmldate"


def test_weak_date_on_the_same_day_is_kept_with_its_time():
    raw, _ = read("zing-2012-giangsinh")  # "Cập nhật thứ hai, ngày 24/12/12 11:05 tối"
    assert raw.matched["date_vote"] == "htmldate:agrees"
    source = pick_source(CASES["zing-2012-giangsinh"].url, None, None)
    assert normalize_article(raw, source, fetched_at=NOW).published == datetime(2012, 12, 24, 23, 5, tzinfo=VN)


def test_weak_date_on_another_day_is_kept_and_the_disagreement_recorded():
    raw, _ = read("tinhte-2012-facebook")  # "bắt đầu bởi cuLong, 14/12/12"; htmldate says the 21st
    assert raw.matched["date_vote"] == "htmldate:disagrees 2012-12-21"
    source = pick_source(CASES["tinhte-2012-facebook"].url, None, None)
    assert normalize_article(raw, source, fetched_at=NOW).published.date().isoformat() == "2012-12-14"


@pytest.mark.parametrize(
    ("rule", "origin", "generic", "strong"),
    [
        ("jsonld.datePublished", "jsonld", True, True),
        ("meta", "meta", True, True),
        ("time[datetime]", "time", True, True),
        ("selector:.ngay", "text", True, True),  # the source's own selector
        ("selector:.ngay (no match; layout:date-line)", "text", True, False),
        ("css:p.text-bca-gray-400", "text", False, True),  # a site family's own date element
        ("css:.date", "text", True, False),  # the generic family's guess (ngoisao's sidebar "| 20/12/2012")
        ("layout:date-line", "text", True, False),
        ("list-hint", "list", True, False),
    ],
)
def test_strong_rules(rule, origin, generic, strong):
    raw = RawArticle(url="https://a.vn/x.html", dates=(RawDate("02/06/2023", origin),), matched={"date": rule})
    assert voters.has_strong_date(raw, generic=generic) is strong


def test_the_decision_and_its_source_are_in_extraction():
    case = CASES["kenh14-2014-thanhbui"]  # soha-2012-canlolo was this row until its date line was read (form_dates)
    record = extract_to_json(case.url, sources_file=None, source_id=None, html_file=str(case.html_path))
    assert record["_extraction"]["matched"]["date"] == "htmldate"
    assert record["_extraction"]["matched"]["date_vote"] == "htmldate:only"
    assert record["published"] == "2014-01-04T00:00:00+07:00" and record["date_precision"] == "date"


# (the page's machine dates in order, the raw date that must come first after prefer_site_zone)
SITE_ZONE = [
    ((("2023-11-09T06:35:29+00:00", "jsonld"), ("2023-11-08T22:35:29-08:00", "time")), "2023-11-08T22:35:29-08:00"),
    ((("2019-10-18T22:04:00Z", "jsonld"), ("Sat, 19 Oct 2019 00:04:00 +0200", "meta")),
     "Sat, 19 Oct 2019 00:04:00 +0200"),
    ((("2023-11-09T06:35:29+00:00", "jsonld"), ("2023-11-06T10:00:00-08:00", "time")), "2023-11-09T06:35:29+00:00"),
    ((("2023-11-08T22:35:29-08:00", "jsonld"), ("2023-11-09T06:35:29+00:00", "meta")), "2023-11-08T22:35:29-08:00"),
    ((("2023-11-09T06:35:29+00:00", "jsonld"), ("2023-11-09 13:36:29", "meta")), "2023-11-09T06:35:29+00:00"),
]


@pytest.mark.parametrize(("dates", "first"), SITE_ZONE,
                         ids=["same instant in the site's offset", "RFC 822 with its offset", "another instant",
                              "already the site's", "no offset, another minute"])
def test_the_same_instant_in_the_sites_offset_goes_first(dates, first):
    raw = RawArticle(url="https://example.org/a", dates=tuple(RawDate(r, o) for r, o in dates), matched={"date": "x"})
    out = voters.prefer_site_zone(raw, now=NOW)
    assert out.dates[0].raw == first and len(out.dates) == len(raw.dates)


# (the page's dates, the raw date that must come first, the instant it must keep)
DERIVED_ZONE = [
    ((("2023-11-09T01:09:55Z", "jsonld"), ("2023-11-08 18:09:55", "time")), "2023-11-08T18:09:55-07:00"),
    ((("2022-05-04T00:44:52.000Z", "jsonld"), ("03/05/2022 21:44", "text")), "2022-05-03T21:44:52-03:00"),
    ((("2022-05-04T00:44:52.000Z", "jsonld"), ("03/05/2022 21:47", "text")), "2022-05-04T00:44:52.000Z"),
    ((("2022-05-04T00:44:52.000Z", "jsonld"), ("04/05/2022", "text")), "2022-05-04T00:44:52.000Z"),
    ((("2022-05-04T00:44:52.000Z", "jsonld"), ("01/05/2022 21:44", "text")), "2022-05-04T00:44:52.000Z"),
]


@pytest.mark.parametrize(("dates", "first"), DERIVED_ZONE,
                         ids=["naive <time> to the second", "visible line to the minute", "another minute",
                              "a day without time", "more than 14 hours away"])
def test_the_sites_offset_is_read_from_its_own_wall_clock(dates, first):
    raw = RawArticle(url="https://example.org/a", dates=tuple(RawDate(r, o) for r, o in dates))
    out = voters.prefer_site_zone(raw, now=NOW)
    assert out.dates[0].raw == first
    before = datetime.fromisoformat(dates[0][0])
    assert datetime.fromisoformat(out.dates[0].raw) == before  # the instant never changes

"""The crawl's date vote (voters.read_article(annotate=False)): htmldate is not asked where its answer
would only annotate matched["date_vote"], and the article the crawl stores is the same.

Every recorded article page (real pages by the generic family, the sample site, the family and blind
fixtures by their source's family and by the generic one) is read both ways and normalized as the crawl
normalizes it (crawler/pages.py): the Article must be equal field by field, and the raw reading equal
but for matched["date_vote"].  The pages must include weak-date readings where htmldate was left out,
or the test would not be testing the skip.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed import voters
from tintuc_feed.families import NotAnArticle
from tintuc_feed.model import RawArticle, RawDate
from tintuc_feed.process import normalize_article

from .test_selector_body_given import PAGES

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 7, 7, 12, 0, tzinfo=VN)


def _read(source, url: str, text: str, annotate: bool):
    try:
        raw = voters.read_article(source, url, text, now=NOW, annotate=annotate)
    except NotAnArticle as exc:
        return str(exc), None
    try:
        return raw, normalize_article(raw, source, fetched_at=NOW, fetched_url=url)
    except ValueError as exc:
        return raw, f"ValueError: {exc}"


def _counting(monkeypatch) -> list:
    calls: list = []
    original = voters.htmldate_day

    def counted(*args, **kwargs):
        calls.append(args[1:])
        return original(*args, **kwargs)

    monkeypatch.setattr(voters, "htmldate_day", counted)
    return calls


def test_the_crawls_reading_stores_the_same_article_on_every_recorded_page(monkeypatch):
    calls = _counting(monkeypatch)
    skipped = compared = 0
    for page_id, source, url, text in PAGES:
        for family in dict.fromkeys((source.family, "generic")):
            reader = replace(source, family=family)
            before = len(calls)
            full, full_article = _read(reader, url, text, annotate=True)
            asked = len(calls) - before
            fast, fast_article = _read(reader, url, text, annotate=False)
            asked_fast = len(calls) - before - asked
            assert fast_article == full_article, (page_id, family)
            if isinstance(full, RawArticle):
                full_matched = {k: v for k, v in full.matched.items() if k != "date_vote"}
                assert replace(fast, matched=full_matched) == replace(full, matched=full_matched), (page_id, family)
                assert fast.matched == full_matched or asked_fast, (page_id, family)
                compared += 1
            else:
                assert fast == full, (page_id, family)
            assert asked_fast <= asked
            skipped += asked - asked_fast
    assert compared > 100 and skipped >= 20, (compared, skipped)  # 145 readings, 45 votes left out today


def _weak(dates: tuple[RawDate, ...]) -> RawArticle:
    return RawArticle(url="https://a.vn/tin/x-1.html", title="Tiêu đề", dates=dates,
                      matched={"date": "layout:date-line"} if dates else {})


HTML_WITH_DAY = '<html><head><meta name="x" content="y"></head><body><h1>Tiêu đề</h1>' \
                "<p>Đăng ngày 2023-06-02</p><p>bài viết</p></body></html>"


@pytest.mark.parametrize(
    ("dates", "asked"),
    [
        ((RawDate("02/06/2023 08:15", "text"),), False),  # a weak date: kept whatever htmldate says, not asked
        ((), True),  # no date: htmldate asked, its day becomes the date
    ],
)
def test_annotate_false_asks_htmldate_only_where_the_dates_can_change(monkeypatch, dates, asked):
    calls = _counting(monkeypatch)
    url = "https://a.vn/tin/x-1.html"
    fast = voters.vote_date(_weak(dates), HTML_WITH_DAY, url, now=NOW, annotate=False)
    full = voters.vote_date(_weak(dates), HTML_WITH_DAY, url, now=NOW)
    assert len(calls) == (2 if asked else 1)
    assert fast.dates == full.dates and full.matched["date_vote"].startswith("htmldate:")
    if asked:
        assert fast == full and fast.dates[0] == RawDate("2023-06-02", "htmldate")
    else:
        assert fast == _weak(dates)

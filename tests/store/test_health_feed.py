"""The health feed built from the store's health: one item per problem, not one per crawl."""

from __future__ import annotations

from datetime import timedelta

from tintuc_feed.feeds.health import health_feed
from tintuc_feed.feeds.status import source_status
from tintuc_feed.sources import Source

from .conftest import NOW, make_article
from .test_health import DAY, crawl

CAND = Source(id="cand", name="Báo Công an Nhân dân", list_urls=("https://cand.com.vn/ban-tin-113/",),
              article_url_pattern=r"-i\d+/$")
BASE = "http://127.0.0.1:8080/"


def health_items(store, when):
    feed = health_feed([CAND], store.health(now=when, fail_threshold=3), BASE)
    return [(item.guid, item.article.title) for item in feed.items]


def test_guid_stays_while_failing_and_changes_with_a_new_streak(store):
    store.upsert(make_article(), now=NOW)
    crawl(store, "cand", NOW, ok=True, found=5, new=1)
    seen = []
    for day in range(1, 6):  # five failures in a row, each with another error text
        crawl(store, "cand", NOW + day * DAY, ok=False, error=f"HTTP 50{day}")
        seen.append(health_items(store, NOW + day * DAY + timedelta(hours=1)))
    assert seen[0] == seen[1] == []  # not flagged before the third failure
    assert len(seen[2]) == 1 and seen[2] == seen[3] == seen[4]
    crawl(store, "cand", NOW + 6 * DAY, ok=True, found=5, new=1)
    assert health_items(store, NOW + 6 * DAY + timedelta(hours=1)) == []
    for day in range(7, 10):
        crawl(store, "cand", NOW + day * DAY, ok=False, error="timeout")
    again = health_items(store, NOW + 9 * DAY + timedelta(hours=1))
    assert len(again) == 1 and again[0][0] != seen[2][0][0]


def test_stale_item_is_stable_while_nothing_new_comes(store):
    store.upsert(make_article(), now=NOW)
    for day in range(12):
        crawl(store, "cand", NOW + day * DAY, ok=True, found=10, new=0)
    items = [health_items(store, NOW + day * DAY + timedelta(hours=1)) for day in (8, 10, 11)]
    assert len(items[0]) == 1 and items[0] == items[1] == items[2]
    assert "không có bài mới" in items[0][0][1]


def test_status_entry_has_every_health_field(store):
    for day in range(3):
        crawl(store, "cand", NOW + day * DAY, ok=False, error="HTTP 403 (WAF)", skipped=2, degraded=1)
    entry = source_status(CAND, store.health(now=NOW + 3 * DAY)["cand"])
    expected = {"last_attempt", "last_success", "last_error", "consecutive_failures", "articles_last_7d",
                "last_found", "last_new", "degraded", "skipped", "flagged", "flagged_since"}
    assert expected <= set(entry)
    assert entry["flagged_since"] == "2025-07-10T08:00:00+07:00"
    assert (entry["consecutive_failures"], entry["last_error"], entry["skipped"]) == (3, "HTTP 403 (WAF)", 2)

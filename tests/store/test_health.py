"""Crawl runs, per-source health (one case per FLAG_RULES row) and the HTTP cache."""

from __future__ import annotations

from datetime import timedelta

from tintuc_feed.store_health import FLAG_RULES

from .conftest import NOW, make_article

DAY = timedelta(days=1)


def crawl(store, source_id, when, *, ok=True, error=None, **counts):
    run_id = store.start_run([source_id], now=when)
    store.finish_source(run_id, source_id, ok=ok, error=error, now=when + timedelta(minutes=5), **counts)
    return run_id


def test_run_counts_recorded(store):
    run_id = crawl(store, "cand", NOW, found=12, new=3, updated=1, duplicates=2, skipped=1, degraded=4)
    health = store.health(now=NOW + DAY)["cand"]
    assert health.last_found == 12 and health.last_new == 3
    assert health.degraded == 4 and health.skipped == 1
    assert health.last_attempt == NOW and health.last_success == NOW + timedelta(minutes=5)
    assert health.consecutive_failures == 0 and health.flagged is None and health.flagged_since is None
    row = store._db.execute(
        "SELECT runs.finished, duplicates, updated FROM runs JOIN run_sources ON id = run_id WHERE id = ?", (run_id,)
    ).fetchone()
    assert row["finished"] is not None and (row["duplicates"], row["updated"]) == (2, 1)


def test_run_not_finished_until_every_source_is(store):
    run_id = store.start_run(["a", "b"], now=NOW)
    store.finish_source(run_id, "a", ok=True, error=None, now=NOW)
    assert store._db.execute("SELECT finished FROM runs").fetchone()[0] is None
    store.finish_source(run_id, "b", ok=True, error=None, now=NOW)
    assert store._db.execute("SELECT finished FROM runs").fetchone()[0] is not None


def test_flag_failing_after_n_consecutive_failures(store):
    store.upsert(make_article(), now=NOW)
    crawl(store, "cand", NOW, ok=True, found=5)
    for i in range(1, 4):
        crawl(store, "cand", NOW + i * timedelta(hours=1), ok=False, error=f"HTTP 503 #{i}")
    health = store.health(now=NOW + 4 * timedelta(hours=1), fail_threshold=3)["cand"]
    assert health.consecutive_failures == 3
    assert health.last_error == "HTTP 503 #3"
    assert health.flagged == FLAG_RULES["failing"].format(threshold=3)
    assert health.flagged_since == NOW + timedelta(hours=1)  # the first failure of the streak began
    assert store.health(now=NOW + DAY, fail_threshold=4)["cand"].flagged is None


def test_failing_flag_and_its_start_stay_the_same_while_the_failures_go_on(store):
    crawl(store, "cand", NOW, ok=True)
    for i in range(1, 4):
        crawl(store, "cand", NOW + i * DAY, ok=False, error=f"HTTP 503 #{i}")
    before = store.health(now=NOW + 4 * DAY, fail_threshold=3)["cand"]
    crawl(store, "cand", NOW + 4 * DAY, ok=False, error="timeout")
    after = store.health(now=NOW + 5 * DAY, fail_threshold=3)["cand"]
    assert after.consecutive_failures == 4 and after.last_error == "timeout"
    assert (after.flagged, after.flagged_since) == (before.flagged, before.flagged_since) == (
        FLAG_RULES["failing"].format(threshold=3), NOW + DAY)


def test_a_new_failing_streak_has_a_new_start(store):
    for day in (0, 1, 2):
        crawl(store, "cand", NOW + day * DAY, ok=False, error="HTTP 500")
    first = store.health(now=NOW + 3 * DAY)["cand"].flagged_since
    crawl(store, "cand", NOW + 3 * DAY, ok=True)
    assert store.health(now=NOW + 3 * DAY + timedelta(hours=1))["cand"].flagged_since is None
    for day in (4, 5, 6):
        crawl(store, "cand", NOW + day * DAY, ok=False, error="HTTP 500")
    second = store.health(now=NOW + 7 * DAY)["cand"].flagged_since
    assert first == NOW and second == NOW + 4 * DAY


def test_success_resets_failures(store):
    crawl(store, "cand", NOW, ok=False, error="timeout")
    crawl(store, "cand", NOW + DAY, ok=True)
    health = store.health(now=NOW + DAY)["cand"]
    assert health.consecutive_failures == 0 and health.last_error is None


def test_flag_stale_when_nothing_new_for_d_days(store):
    store.upsert(make_article(), now=NOW)
    for i in range(9):
        crawl(store, "cand", NOW + i * DAY, ok=True, found=10, new=0)
    assert store.health(now=NOW + 6 * DAY, stale_days=7)["cand"].flagged is None
    stale = store.health(now=NOW + 8 * DAY, stale_days=7)["cand"]
    assert stale.flagged == FLAG_RULES["stale"].format(days=7)
    assert stale.flagged_since == NOW  # the last new article was stored then
    assert store.health(now=NOW + 9 * DAY, stale_days=7)["cand"].flagged_since == NOW


def test_new_source_not_flagged_stale_before_d_days(store):
    crawl(store, "new-source", NOW, ok=True, found=0)
    assert store.health(now=NOW + DAY)["new-source"].flagged is None
    never = store.health(now=NOW + 8 * DAY)["new-source"]
    assert never.flagged == FLAG_RULES["stale"].format(days=7)
    assert never.flagged_since == NOW  # no article ever: watched since the first attempt


def test_articles_last_7d_and_newest_published(store):
    store.upsert(make_article(url="https://cand.com.vn/a-i1/"), now=NOW - 10 * DAY)
    store.upsert(make_article(url="https://cand.com.vn/a-i2/"), now=NOW - 2 * DAY)
    store.upsert(make_article(url="https://cand.com.vn/a-i3/"), now=NOW)
    health = store.health(now=NOW)["cand"]
    assert health.articles_last_7d == 2
    assert health.newest_published == make_article().published
    assert health.last_attempt is None  # articles but never a recorded run


def test_every_flag_rule_is_tested():
    assert set(FLAG_RULES) == {"failing", "stale"}


def test_http_cache_round_trip(store):
    url = "https://cand.com.vn/ban-tin-113/"
    assert store.get_http_cache(url) is None
    store.set_http_cache(url, '"abc"', "Wed, 09 Jul 2025 07:00:00 GMT")
    assert store.get_http_cache(url) == ('"abc"', "Wed, 09 Jul 2025 07:00:00 GMT")
    store.set_http_cache(url, None, "Thu, 10 Jul 2025 07:00:00 GMT")
    assert store.get_http_cache(url) == (None, "Thu, 10 Jul 2025 07:00:00 GMT")
    store.set_http_cache(url, None, None)
    assert store.get_http_cache(url) is None


def test_run_outcomes_reports_each_source_of_a_run(store):
    run_id = store.start_run(["a", "b"], now=NOW)
    store.finish_source(run_id, "a", ok=False, error="WAF", found=2, now=NOW)
    outcomes = store.run_outcomes(run_id)
    assert outcomes["a"]["ok"] == 0 and outcomes["a"]["error"] == "WAF" and outcomes["a"]["found"] == 2
    assert outcomes["b"]["finished"] is None


def test_health_reads_a_bounded_history_and_still_knows_the_old_success(store):
    from tintuc_feed.store_health import RECENT_RUNS

    start = NOW - 400 * timedelta(hours=1)
    crawl(store, "hue", start)  # the one success, long ago
    for hour in range(1, RECENT_RUNS + 50):
        crawl(store, "hue", start + hour * timedelta(hours=1), ok=False, error="DNS lookup failed")
    health = store.health(now=NOW)["hue"]
    assert health.consecutive_failures == RECENT_RUNS  # reported as long as the history it reads
    assert health.last_success == start + timedelta(minutes=5)
    assert health.last_attempt == start + (RECENT_RUNS + 49) * timedelta(hours=1)
    assert health.flagged is not None

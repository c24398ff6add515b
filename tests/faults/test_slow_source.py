"""A site that hangs does not hold the run (crawler/budget.py): per-source download timeout, bounded retries
of a page that timed out, a time budget per source per run; the other source is stored and published, the
slow source's last good feed is kept, status.json says which source stopped and why."""

from __future__ import annotations

import threading

from faults.hostile import (
    HTML_UTF8,
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    feed_titles,
    list_page,
    page,
    source_status,
    sources_toml,
    stored_titles,
    summary_row,
)

DOWNLOAD_TIMEOUT = 2
TIME_BUDGET = 12
SLOW_PAGES = 12  # each held DOWNLOAD_TIMEOUT s and retried once: ~48 s without the budget


def hang(release: threading.Event):
    """Answer nothing until the test ends (the connection stays open, no byte sent)."""
    def answer(_handler):
        release.wait(120)
        return 200, HTML_UTF8, b""
    return answer


def quiet(site: HostileSite) -> HostileSite:
    """No traceback printed for the hung answers written to connections the crawl closed."""
    site.server.handle_error = lambda *_args: None
    return site


def two_sources(tmp_path, slow: HostileSite, fast: HostileSite, crawl_table: str = "", slow_extra: str = ""):
    path = tmp_path / "sources.toml"
    path.write_text(crawl_table + sources_toml(slow, "slow", slow_extra) + sources_toml(fast, "fast"), "utf-8")
    return path


def test_a_hanging_site_is_stopped_by_its_budget_and_the_other_source_published(tmp_path):
    release = threading.Event()
    good = [f"/tin-tuc/bai-cu-{i}.html" for i in range(2)]
    slow_paths = [f"/tin-tuc/treo-{i}.html" for i in range(SLOW_PAGES)]
    with quiet(HostileSite()) as slow, HostileSite() as fast:
        fast.route(LIST_PATH, page(list_page(["/tin-tuc/nhanh-1.html"])))
        fast.route("/tin-tuc/nhanh-1.html", page(article_html("Bài của trang nhanh")))
        # first run: the slow site still answers, its feed is written
        slow.route(LIST_PATH, page(list_page(good)))
        for i, path in enumerate(good):
            slow.route(path, page(article_html(f"Bài cũ {i}")))
        sources = two_sources(tmp_path, slow, fast, slow_extra=f"time_budget = {TIME_BUDGET}\n",
                              crawl_table=f"[crawl]\ndownload_timeout = {DOWNLOAD_TIMEOUT}\n\n")
        first, db, out = crawl(tmp_path, sources)
        assert first.returncode == 0, first.stderr[-3000:]
        assert feed_titles(out, "slow") == {"Bài cũ 0", "Bài cũ 1"}
        # second run: every new page of the slow site hangs
        slow.route(LIST_PATH, page(list_page(good + slow_paths)))
        for path in slow_paths:
            slow.route(path, hang(release))
        try:
            result, db, out = crawl(tmp_path, sources, "--refresh", timeout=TIME_BUDGET + 4 * DOWNLOAD_TIMEOUT + 90)
            hung = [t for path in slow_paths for t in slow.hits(path)]
            listed = slow.hits(LIST_PATH)[-1]  # the second run's list page, asked after its budget started
        finally:
            release.set()
    assert result.returncode == 1, result.stderr[-3000:]  # the run ended on its own: a source failed
    assert summary_row(result.stdout, "slow")["status"] == "FAILED"
    assert summary_row(result.stdout, "fast")["status"] != "FAILED"
    status = source_status(out, "slow")
    assert f"stopped after {TIME_BUDGET} s: site too slow" in status["last_error"], status
    assert status["consecutive_failures"] == 1
    assert not source_status(out, "fast")["last_error"]
    assert "Bài của trang nhanh" in stored_titles(db)
    assert feed_titles(out, "fast") == {"Bài của trang nhanh"}
    assert feed_titles(out, "slow") == {"Bài cũ 0", "Bài cũ 1"}  # the last good feed kept
    assert len(hung) < 2 * SLOW_PAGES  # stopped before every hung page was asked for twice
    assert max(hung) < listed + TIME_BUDGET  # nothing asked of the site after its budget ran out
    assert summary_row(result.stdout, "slow")["refused"] != "0"  # the pages left waiting were refused
    assert "site too slow" in result.stdout + result.stderr


def test_a_page_that_timed_out_is_asked_again_once(tmp_path):
    release = threading.Event()
    with quiet(HostileSite()) as slow, HostileSite() as fast:
        fast.route(LIST_PATH, page(list_page(["/tin-tuc/nhanh-1.html"])))
        fast.route("/tin-tuc/nhanh-1.html", page(article_html("Bài của trang nhanh")))
        slow.route(LIST_PATH, page(list_page(["/tin-tuc/treo-1.html"])))
        slow.route("/tin-tuc/treo-1.html", hang(release))
        sources = two_sources(tmp_path, slow, fast, slow_extra=f"download_timeout = {DOWNLOAD_TIMEOUT}\n")
        try:
            result, _, out = crawl(tmp_path, sources, timeout=120)
            hits = slow.hits("/tin-tuc/treo-1.html")
        finally:
            release.set()
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(hits) == 2  # RETRY_TIMES would ask three times
    assert feed_titles(out, "fast") == {"Bài của trang nhanh"}
    assert summary_row(result.stdout, "slow")["status"] != "FAILED"  # a lost page is not a broken site

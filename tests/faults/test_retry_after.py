"""Retry-After is honoured on 429 and 503, up to RETRY_AFTER_MAX (issue 9, item 6)."""

from __future__ import annotations

from email.utils import formatdate

import pytest

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
    summary_row,
    write_sources,
)

TITLE = "Bài viết trả lời sau khi chờ"


def busy_once(status: int, retry_after, body: str):
    """Answer `status` with Retry-After the first time, the page afterwards."""
    calls = []

    def answer(_handler):
        calls.append(1)
        if len(calls) == 1:
            value = retry_after() if callable(retry_after) else retry_after
            return status, [("Retry-After", value), *HTML_UTF8], b"busy"
        return 200, HTML_UTF8, body.encode("utf-8")

    return answer


@pytest.mark.parametrize(("status", "form"), [(429, "seconds"), (503, "seconds"), (429, "http-date"),
                                              (503, "http-date")])
def test_a_short_retry_after_is_waited_for_then_the_page_is_stored(tmp_path, status, form):
    wait = 3
    value = str(wait) if form == "seconds" else (lambda: formatdate(__import__("time").time() + wait + 1,
                                                                      usegmt=True))
    path = "/tin-tuc/cho-doi.html"
    with HostileSite() as site:
        site.route(LIST_PATH, page(list_page([path])))
        site.route(path, busy_once(status, value, article_html(TITLE)))
        result, _, out = crawl(tmp_path, write_sources(tmp_path, site))
        hits = site.hits(path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(hits) == 2
    assert hits[1] - hits[0] >= wait - 0.5  # the site was left alone as long as it asked (HTTP dates: whole seconds)
    assert feed_titles(out) == {TITLE}


def test_a_list_page_asking_for_an_hour_is_requested_once_and_the_source_deferred(tmp_path):
    with HostileSite() as site:
        site.route(LIST_PATH, lambda _h: (503, [("Retry-After", "3600"), *HTML_UTF8], b"maintenance"))
        result, _, out = crawl(tmp_path, write_sources(tmp_path, site))
        assert len(site.hits(LIST_PATH)) == 1  # not hammered: no retry at all
    assert result.returncode == 1
    assert "deferred to the next run" in result.stderr and "3600 s" in result.stderr
    row = summary_row(result.stdout)
    assert row["status"] == "FAILED" and row["refused"] == "1"
    status = source_status(out)
    assert status["notes"] == {"deferred": 1} and "deferred to the next run" in status["last_error"]


def test_an_article_asking_for_an_hour_defers_the_rest_of_the_source(tmp_path):
    paths = [f"/tin-tuc/bai-{n}.html" for n in range(1, 5)]
    with HostileSite() as site:
        site.route(LIST_PATH, page(list_page(paths)))
        site.route(paths[0], lambda _h: (429, [("Retry-After", "7200"), *HTML_UTF8], b"slow down"))
        for n, path in enumerate(paths[1:], 2):
            site.route(path, page(article_html(f"Bài số {n}")))
        sources = write_sources(tmp_path, site).read_text("utf-8").replace("max_pages = 1", "max_pages = 1")
        (tmp_path / "s.toml").write_text(sources, "utf-8")
        result, _, out = crawl(tmp_path, tmp_path / "s.toml")
        asked = sum(len(site.hits(p)) for p in paths)
    assert len(site.hits(paths[0])) == 1
    assert asked < len(paths) + 1  # at most each once: the 429 page is never retried
    assert result.returncode == 1 and "deferred to the next run" in result.stderr
    assert source_status(out)["notes"].get("deferred", 0) >= 1

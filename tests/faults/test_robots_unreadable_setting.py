"""`robots_unreadable` (crawler/robots.py): a robots.txt that cannot be read (5xx after the retries, or no answer)
is crawled as allow-all by default, said in one WARNING line; with `robots_unreadable = "skip"` (a source's key or
`[crawl]`'s: RFC 9309's reading, unreachable means disallow) nothing is fetched from the host this run, the
source fails with the reason and its last good feed is kept."""

from __future__ import annotations

import pytest

from faults.hostile import (
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    feed_titles,
    list_page,
    page,
    source_status,
    sources_toml,
    summary_row,
)

OLD, NEW = "Bài của lần trước", "Bài mới khi robots.txt hỏng"


def busy(_handler):
    return 503, [("Content-Type", "text/html; charset=utf-8")], b"<html><body>503</body></html>"


def site_with_two_runs(site: HostileSite) -> None:
    site.route(LIST_PATH, page(list_page(["/tin-tuc/bai-1.html"])))
    site.route("/tin-tuc/bai-1.html", page(article_html(OLD)))


@pytest.mark.parametrize("where", ["source", "crawl-table"])
def test_skip_fetches_nothing_from_a_host_whose_robots_txt_fails_and_keeps_the_last_feed(tmp_path, where):
    with HostileSite() as site:
        site_with_two_runs(site)
        sources = tmp_path / "sources.toml"
        key = 'robots_unreadable = "skip"\n'
        text = sources_toml(site, extra=key) if where == "source" else f"[crawl]\n{key}\n" + sources_toml(site)
        sources.write_text(text, "utf-8")
        first, _, out = crawl(tmp_path, sources)
        assert first.returncode == 0, first.stderr[-3000:]
        assert feed_titles(out) == {OLD}
        # the next run: robots.txt answers 503 every time; the list has a new article
        site.route("/robots.txt", busy)
        site.route(LIST_PATH, page(list_page(["/tin-tuc/bai-1.html", "/tin-tuc/bai-2.html"])))
        site.route("/tin-tuc/bai-2.html", page(article_html(NEW)))
        mark = len(site.hits())
        second, _, out = crawl(tmp_path, sources)
        asked = [p for _, p in site.requests[mark:]]
    assert second.returncode == 1
    assert set(asked) == {"/robots.txt"}  # asked (and retried), nothing else
    assert summary_row(second.stdout)["status"] == "FAILED"
    error = source_status(out)["last_error"]
    assert "robots-unreadable" in error and "robots.txt of 127.0.0.1 could not be read" in error, error
    assert feed_titles(out) == {OLD}  # the last good feed kept
    robots_lines = [line for line in second.stderr.splitlines() if "WARNING" in line and "robots.txt" in line]
    assert len(robots_lines) == 1, second.stderr
    assert "HTTP 503" in robots_lines[0] and 'robots_unreadable = "skip": nothing fetched' in robots_lines[0]
    assert "Traceback" not in second.stderr


def test_by_default_a_5xx_robots_txt_is_said_once_and_the_site_crawled(tmp_path):
    with HostileSite() as site:
        site_with_two_runs(site)
        site.route("/robots.txt", busy)
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site), "utf-8")
        result, _, out = crawl(tmp_path, sources)
    assert result.returncode == 0, result.stderr[-3000:]
    assert feed_titles(out) == {OLD}
    robots_lines = [line for line in result.stderr.splitlines() if "robots.txt" in line]
    assert len(robots_lines) == 1 and "WARNING" in robots_lines[0], result.stderr
    assert "HTTP 503" in robots_lines[0] and "as if it allowed every page" in robots_lines[0]


def test_a_robots_txt_the_site_serves_is_obeyed_whatever_the_setting(tmp_path):
    with HostileSite() as site:
        site_with_two_runs(site)
        site.route("/robots.txt", page("User-agent: *\nDisallow: /tin-tuc/bai-1.html\n",
                                       [("Content-Type", "text/plain")]))
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site, extra='robots_unreadable = "skip"\n'), "utf-8")
        result = crawl(tmp_path, sources)[0]
        article_hits, list_hits = site.hits("/tin-tuc/bai-1.html"), site.hits(LIST_PATH)
    assert "could not be read" not in result.stderr
    assert len(list_hits) == 1  # the host is crawled: its robots.txt was read
    assert article_hits == []  # disallowed by the robots.txt read

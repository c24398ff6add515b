"""A robots.txt that cannot be read (a TLS handshake refused, a hang) is said in one WARNING line naming the
source, the host and what to do, with no traceback (crawler/robots.py); the crawl goes on as Scrapy's does,
as if the site allowed every page."""

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
)

TITLE = "Bài đọc được dù robots.txt treo"


def _robots_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "robots.txt" in line]


def test_a_hanging_robots_txt_is_one_line_and_the_site_is_crawled(tmp_path):
    release = threading.Event()

    def hang(_handler):
        release.wait(120)
        return 200, HTML_UTF8, b""

    with HostileSite() as site:
        site.server.handle_error = lambda *_args: None  # the hung answer's write to a closed connection
        site.route("/robots.txt", hang)
        site.route(LIST_PATH, page(list_page(["/tin-tuc/bai-1.html"])))
        site.route("/tin-tuc/bai-1.html", page(article_html(TITLE)))
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site, extra="download_timeout = 2\n"), "utf-8")
        try:
            result, _, out = crawl(tmp_path, sources, timeout=120)
            robots_hits = site.hits("/robots.txt")
        finally:
            release.set()
    assert result.returncode == 0, result.stderr[-3000:]
    assert feed_titles(out) == {TITLE}
    lines = _robots_lines(result.stderr)
    assert len(lines) == 1, lines
    assert "WARNING" in lines[0] and "hostile: robots.txt of 127.0.0.1 could not be read" in lines[0]
    assert "the site did not answer in time" in lines[0] and "as if it allowed every page" in lines[0]
    assert "Traceback" not in result.stderr
    assert len(robots_hits) == 2  # a timed-out page is asked again once (crawler/budget.py)


def test_a_robots_txt_refused_by_tls_is_one_line_and_the_source_says_why(tmp_path):
    with HostileSite() as site:  # plain http where the source says https: every TLS handshake fails
        site.route(LIST_PATH, page(list_page(["/tin-tuc/bai-1.html"])))
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site).replace("http://127.0.0.1", "https://127.0.0.1"), "utf-8")
        result, _, out = crawl(tmp_path, sources, timeout=120)
    assert result.returncode == 1
    lines = _robots_lines(result.stderr)
    assert len(lines) == 1, lines
    assert "hostile: robots.txt of 127.0.0.1 could not be read: the HTTPS (TLS) handshake failed" in lines[0]
    assert "curl -kI https://127.0.0.1:" in lines[0]
    assert "Traceback" not in result.stderr
    assert "TLS" in source_status(out)["last_error"]

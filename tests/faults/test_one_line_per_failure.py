"""A page that fails is said once in the log at WARNING/ERROR: our line (which source, which URL, what happened
and what to do), not beside it Scrapy's own "Gave up retrying <GET …> (failed 3 times): …" ERROR line.

Each test runs the real `tintuc-feed crawl` (default log level WARNING) against a site on 127.0.0.1 and reads
the crawl's real stderr."""

from __future__ import annotations

import re
import socket
import threading

import pytest

from faults.hostile import (
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    list_page,
    page,
    sources_toml,
    summary_row,
)
from faults.test_slow_source import hang, quiet

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[\w.]+\] (WARNING|ERROR|CRITICAL): ", re.MULTILINE)
ARTICLE = "/tin-tuc/bai-loi-1.html"


def busy(_handler):
    return 503, [("Content-Type", "text/html; charset=utf-8")], "<html><body>Quá tải</body></html>".encode()


def log_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if LOG_LINE.match(line)]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_said_once(stderr: str, url: str, words: str) -> None:
    assert "Gave up retrying" not in stderr, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    about = [line for line in log_lines(stderr) if url in line]
    assert len(about) == 1, about
    assert "hostile: " in about[0] and words in about[0], about


def run(tmp_path, site: HostileSite, *extra: str, base: str | None = None):
    sources = tmp_path / "sources.toml"
    text = sources_toml(site)
    sources.write_text(text.replace(site.base, base) if base else text, "utf-8")
    return crawl(tmp_path, sources, *extra)[0]


def test_a_list_page_answering_503_every_time(tmp_path):
    with HostileSite() as site:
        site.route(LIST_PATH, busy)
        result = run(tmp_path, site)
        tries = len(site.hits(LIST_PATH))
    assert tries == 3  # asked, then retried twice (RETRY_TIMES): the retries still happen
    assert result.returncode == 1
    assert summary_row(result.stdout)["status"] == "FAILED"
    assert_said_once(result.stderr, f"{site.base}{LIST_PATH}", "HTTP 503")


def test_a_list_page_whose_server_refuses_the_connection(tmp_path):
    with HostileSite() as site:
        base = f"http://127.0.0.1:{closed_port()}"
        result = run(tmp_path, site, base=base)
    assert result.returncode == 1
    assert_said_once(result.stderr, f"{base}{LIST_PATH}", "refused the connection")


def test_a_list_page_that_hangs(tmp_path):
    release = threading.Event()
    with quiet(HostileSite()) as site:
        site.route(LIST_PATH, hang(release))
        try:
            result = run(tmp_path, site, "--download-timeout", "2")
        finally:
            release.set()
    assert result.returncode == 1
    assert_said_once(result.stderr, f"{site.base}{LIST_PATH}", "hostile: list page failed")


def cut_short(handler):
    """Headers promising 100 kB, a few bytes, then the connection closed (a proxy or server that died)."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>")
    handler.wfile.flush()
    raise ConnectionAbortedError("cut short on purpose")  # the server closes the connection


@pytest.mark.parametrize(("answer", "words"), [("503", "HTTP 503: the site's server failed"),
                                               ("cut-short", "the connection closed before a whole answer came")])
def test_an_article_that_fails(tmp_path, answer, words):
    with quiet(HostileSite()) as site:
        site.route(LIST_PATH, page(list_page([ARTICLE, "/tin-tuc/bai-tot-2.html"])))
        site.route("/tin-tuc/bai-tot-2.html", page(article_html("Bài đọc được")))
        if answer == "503":
            site.route(ARTICLE, busy)
        else:
            site.route(ARTICLE, cut_short)
        result = run(tmp_path, site)
    assert result.returncode == 0, result.stderr[-3000:]  # one lost article is not a broken site
    assert summary_row(result.stdout)["new"] == "1"
    assert_said_once(result.stderr, f"{site.base}{ARTICLE}", "article failed")
    assert_said_once(result.stderr, f"{site.base}{ARTICLE}", words)

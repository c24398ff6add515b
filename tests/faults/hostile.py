"""A hostile site on 127.0.0.1 for the fault suite: every answer is scripted per path.

    with HostileSite() as site:
        site.route("/tin-tuc/", page(list_page(["/tin-tuc/a-1.html"])))
        site.route("/tin-tuc/a-1.html", redirect("http://2130706433:{port}/"))

A route is a function of the request handler returning (status, headers, body
bytes), so a test can answer anything: redirects anywhere, Retry-After, bytes
in any charset, no content type.  The server logs (monotonic time, path) of
every request it gets; `internal` servers are the addresses a crawl must never
reach (their logs must stay empty).
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

from tintuc_feed.sample_site import site_root

Answer = tuple[int, list[tuple[str, str]], bytes]
Route = Callable[[BaseHTTPRequestHandler], Answer]
TEMPLATE = site_root() / "tin-tuc-su-kien" / "truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html"
LIST_PATH = "/tin-tuc/"
PATTERN = "/tin-tuc/[a-z0-9-]+[.]html$"


class HostileSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[float, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, path: str, answer: Route) -> None:
        self.routes[path] = answer

    def hits(self, path: str | None = None) -> list[float]:
        """When each request (for path, or any) came in, in order."""
        return [t for t, p in list(self.requests) if path is None or p == path]

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site.requests.append((time.monotonic(), self.path))
                route = site.routes.get(self.path)
                status, headers, body = route(self) if route else (404, [("Content-Type", "text/html")], b"")
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- answers ------------------------------------------------------------------

HTML_UTF8 = [("Content-Type", "text/html; charset=utf-8")]


def page(body: bytes | str, headers: list[tuple[str, str]] | None = None, status: int = 200) -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda _handler: (status, HTML_UTF8 if headers is None else headers, data)


def redirect(location: str, status: int = 302) -> Route:
    return lambda _handler: (status, [("Location", location), *HTML_UTF8], b"")


def article_html(title: str) -> str:
    """A complete article page (the sample site's layout) with its own title."""
    text = TEMPLATE.read_text("utf-8")
    return text.replace("Truy nã đối tượng phạm tội giết người", html.escape(title))


def list_page(links: list[str]) -> str:
    items = "".join(f'<div class="item-news"><h2><a href="{html.escape(u)}">Tin {i + 1}</a></h2></div>'
                    for i, u in enumerate(links))
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin tức</title></head><body>"
            f"<h2 class=\"cat-title\">Tin tức</h2>{items}</body></html>")


def sources_toml(site: HostileSite, source_id: str = "hostile", extra: str = "") -> str:
    return f'''[[source]]
id = "{source_id}"
name = "Trang thử lỗi"
province = "Lâm Đồng"
list_urls = ["{site.base}{LIST_PATH}"]
article_url_pattern = "{PATTERN}"
max_pages = 1
status = "fixture"
{extra}
'''


def write_sources(tmp_path: Path, site: HostileSite, extra: str = "") -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(sources_toml(site, extra=extra), "utf-8")
    return path


# --- running a crawl ------------------------------------------------------------

def crawl(tmp_path: Path, sources: Path, *extra: str, timeout: float = 180):
    """`tintuc-feed crawl` as a user runs it; returns (result, db, output folder)."""
    from support import run_cli

    db, out = tmp_path / "t.db", tmp_path / "out"
    result = run_cli("crawl", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0",
                     *extra, timeout=timeout)
    return result, db, out


def summary_row(stdout: str, source_id: str = "hostile") -> dict[str, str]:
    """The summary table's row for a source, by column name."""
    lines = stdout.splitlines()
    header = next(x for x in lines if x.startswith("source "))
    row = next(x for x in lines if x.startswith(source_id + " "))
    names = header.split()
    return dict(zip(names, row.split(None, len(names) - 1), strict=False))


def source_status(out: Path, source_id: str = "hostile") -> dict:
    import json

    document = json.loads((out / "status.json").read_text("utf-8"))
    return next(s for s in document["sources"] if s["id"] == source_id)


def stored_titles(db: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT title FROM articles")}


def feed_titles(out: Path, source_id: str = "hostile") -> set[str]:
    """Titles in the source's RSS and JSON feeds (both must parse cleanly and agree)."""
    import json

    import feedparser

    parsed = feedparser.parse((out / "rss" / f"{source_id}.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    rss = {e.title for e in parsed.entries}
    items = json.loads((out / "json" / f"{source_id}.json").read_text("utf-8"))["items"]
    assert rss == {i["title"] for i in items}
    return rss

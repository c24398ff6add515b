"""The bundled sample site: the seed article's portal, served on 127.0.0.1.

`tintuc-feed demo` and the tests crawl it over real HTTP.  The server keeps
a log of the paths it was asked for, so tests can count requests.
"""

from __future__ import annotations

import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Self

SOURCE_ID = "daknong-sample"


def site_root() -> Path:
    return Path(str(resources.files("tintuc_feed").joinpath("sample_site")))


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path in self.server.broken_paths:
            self.send_error(500, "broken on purpose")
            return
        if self.server.article_delay and self.path.endswith(".html"):
            time.sleep(self.server.article_delay)
        super().do_GET()

    def log_message(self, format, *args):
        self.server.requests.append((self.command, self.path))
        self.server.statuses.append((self.path, str(args[1]) if len(args) > 1 else "?"))
        self.server.user_agents.add(self.headers.get("User-Agent", ""))

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class SampleSite:
    """A threaded static server for a folder; `with SampleSite() as site: site.url`."""

    def __init__(self, root: Path | None = None, host: str = "127.0.0.1", port: int = 0,
                 article_delay: float = 0.0) -> None:
        handler = partial(_Handler, directory=str(root or site_root()))
        self.server = ThreadingHTTPServer((host, port), handler)
        self.server.requests = []
        self.server.user_agents = set()
        self.server.statuses = []  # (path, HTTP status) per request, in order
        self.server.article_delay = article_delay  # seconds before each article page: a slow portal
        self.server.broken_paths = set()  # paths answered with HTTP 500 while they are in this set
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def requests(self) -> list[tuple[str, str]]:
        return self.server.requests

    @property
    def broken_paths(self) -> set[str]:
        return self.server.broken_paths

    @property
    def statuses(self) -> list[tuple[str, str]]:
        return self.server.statuses

    @property
    def user_agents(self) -> set[str]:
        return self.server.user_agents

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def sources_toml(base_url: str, source_id: str = SOURCE_ID) -> str:
    """A sources file for the sample site served at base_url."""
    return f'''[[source]]
id = "{source_id}"
name = "Công an tỉnh Đắk Nông (bản mẫu)"
province = "Đắk Nông"
list_urls = ["{base_url}tin-tuc-su-kien/"]
article_url_pattern = "/tin-tuc-su-kien/[a-z0-9-]+-[0-9]+[.]html$"
max_pages = 3
status = "fixture"
'''

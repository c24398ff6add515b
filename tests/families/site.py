"""A local HTTP server playing a site from fixture pages: path (with query) -> page.

Absolute links to the real host inside the pages are rewritten to the local
server, so a crawl never leaves 127.0.0.1.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


class FixtureSite:
    def __init__(self, routes: dict[str, tuple[str, str]], real_hosts: tuple[str, ...] = ()) -> None:
        """routes: path?query -> (content type, body), or ("redirect", location) for a 301; bodies and locations may
        use {base} for the local origin."""
        self.routes = routes
        self.real_hosts = real_hosts
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def _body(self, text: str) -> bytes:
        for host in self.real_hosts:
            text = text.replace(f"https://{host}", self.base).replace(f"http://{host}", self.base)
        return text.replace("{base}", self.base).encode("utf-8")

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                route = site.routes.get(self.path)
                if route and route[0] == "redirect":  # ("redirect", path): a page that moved
                    self.send_response(301)
                    self.send_header("Location", site._body(route[1]).decode("utf-8"))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, (ctype, text) = (200, route) if route else (404, ("text/html", "<html>404</html>"))
                body = site._body(text)
                self.send_response(status)
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
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

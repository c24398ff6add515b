"""Serve the output directory over HTTP, the way feed readers like it.

make_app() is a small WSGI application over the published files: correct
content types with a charset, strong ETags from the file's bytes,
Last-Modified from its mtime, 304 answers to If-None-Match and
If-Modified-Since, gzip when the client accepts it, Cache-Control, HEAD,
index.html for "/" and no way out of the directory.  serve() runs it on the
standard library's wsgiref server with a thread per request: enough for a
reader or a few; behind a public address, put a real web server in front
(publishing only ever replaces whole files, so any static server works).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import mimetypes
import posixpath
from collections.abc import Callable, Iterable
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import unquote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

log = logging.getLogger(__name__)

CONTENT_TYPES = {
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
    ".jsonl": "application/jsonl; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
# Feeds are told apart by their directory: rss/x.xml and atom/x.xml are both .xml.
DIRECTORY_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
SPECIAL_TYPES = {"status.json": "application/json; charset=utf-8"}
COMPRESSIBLE = ("application/", "text/")
MIN_GZIP_SIZE = 256
CACHE_CONTROL = "public, max-age=300"

StartResponse = Callable[..., object]


def make_app(output_dir: str | Path, *, cache_control: str = CACHE_CONTROL):
    """A WSGI application serving the files under output_dir."""
    root = Path(output_dir).resolve()

    def app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return _error(start_response, "405 Method Not Allowed", [("Allow", "GET, HEAD")])
        path = _resolve(root, environ.get("PATH_INFO", "/"))
        if path is None:
            return _error(start_response, "403 Forbidden")
        if not path.is_file():
            return _error(start_response, "404 Not Found")
        return _file_response(environ, start_response, root, path, cache_control)

    return app


def _resolve(root: Path, path_info: str) -> Path | None:
    """The file a URL path names, or None when it tries to leave root."""
    path = unquote(path_info)
    if "\x00" in path or "\\" in path or ".." in path.split("/"):
        return None
    normalized = posixpath.normpath("/" + path.lstrip("/")).lstrip("/")
    candidate = (root / normalized).resolve() if normalized not in ("", ".") else root
    if candidate != root and root not in candidate.parents:
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def content_type(root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    if relative in SPECIAL_TYPES:
        return SPECIAL_TYPES[relative]
    folder = relative.split("/", 1)[0] if "/" in relative else ""
    if folder in DIRECTORY_TYPES and path.suffix in (".xml", ".json"):
        return DIRECTORY_TYPES[folder]
    if path.suffix in CONTENT_TYPES:
        return CONTENT_TYPES[path.suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


@lru_cache(maxsize=512)
def _representation(path: str, mtime_ns: int, size: int, gzipped: bool) -> tuple[bytes, str]:
    """A file's bytes (gzipped or not) and their strong ETag; cached per file version."""
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:32]
    if gzipped:
        return gzip.compress(data, compresslevel=6, mtime=0), f'"{digest}-gz"'
    return data, f'"{digest}"'


def _file_response(environ: dict, start_response: StartResponse, root: Path, path: Path, cache_control: str):
    stat = path.stat()
    kind = content_type(root, path)
    gzipped = _wants_gzip(environ) and kind.startswith(COMPRESSIBLE) and stat.st_size >= MIN_GZIP_SIZE
    body, etag = _representation(str(path), stat.st_mtime_ns, stat.st_size, gzipped)
    headers = [
        ("Content-Type", kind),
        ("ETag", etag),
        ("Last-Modified", formatdate(stat.st_mtime, usegmt=True)),
        ("Cache-Control", cache_control),
        ("Vary", "Accept-Encoding"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    if _not_modified(environ, etag, int(stat.st_mtime)):
        start_response("304 Not Modified", headers)
        return [b""]
    if gzipped:
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    start_response("200 OK", headers)
    return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def _not_modified(environ: dict, etag: str, mtime: int) -> bool:
    """RFC 9110: If-None-Match decides when present; If-Modified-Since only otherwise."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if not since:
        return False
    try:
        return mtime <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError, IndexError):
        return False


def _wants_gzip(environ: dict) -> bool:
    for part in environ.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def _error(start_response: StartResponse, status: str, extra: list[tuple[str, str]] | None = None):
    body = status.encode("utf-8") + b"\n"
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    start_response(status, headers + (extra or []))
    return [body]


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    """Request lines go to the logging module, not straight to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)


def make_http_server(output_dir: str | Path, host: str = "127.0.0.1", port: int = 8080) -> WSGIServer:
    """A ready server (port 0 picks a free port: see server.server_port); call serve_forever()."""
    return make_server(host, port, make_app(output_dir), server_class=ThreadingWSGIServer,
                       handler_class=QuietHandler)


def serve(output_dir: str | Path, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Serve output_dir until interrupted."""
    with make_http_server(output_dir, host, port) as server:
        log.info("serving %s on http://%s:%s/", output_dir, host, server.server_port)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

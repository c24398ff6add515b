"""Serve the output directory over HTTP, the way feed readers like it.

Built on Twisted's web server (twisted.web) rather than on Werkzeug with waitress or cheroot: Twisted is
already installed as Scrapy's dependency (pinned now that it is imported directly), its web server is
maintained and runs in production, and one library covers the whole job: static.File answers GET and HEAD,
Last-Modified and If-Modified-Since (304), byte ranges and keeps names inside the folder,
EncodingResourceWrapper with GzipEncoderFactory gzips, and Site is an HTTP/1.1 server with keep-alive and
idle timeouts; Werkzeug has no gzip encoder, so that road meant another package or gzip by hand again.  What
Twisted lacks is added here in a few lines: static.File sends no ETag, so FeedFile sends one made from the
file's mtime and size (as nginx does; its weak W/ form when gzipped, as nginx does) and answers If-None-Match
with RFC 9110's weak comparison and comma lists (Twisted's Request.setETag splits on spaces and compares
exactly); the rest of this module maps the folder to content types, adds Cache-Control, Vary and nosniff,
vetoes gzip for q=0 and for Range requests, and refuses directory listings and symlinks leading out.
serve_guard.py limits what a hostile client can ask: ranges coalesced and capped, a deadline per request
(slowloris), no request bodies.

The server runs on Twisted's global reactor (static.File's pull producers are driven by Twisted's global
cooperator, so a private reactor would never send a body).  serve() runs the reactor in the main thread,
where Twisted's signal handlers stop it on Ctrl-C and SIGTERM; make_http_server() used from other threads,
as the tests do, starts the reactor once in a daemon thread (a reactor cannot restart) and shutdown() closes
just that server's port and connections.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import signal
import threading
import weakref
from pathlib import Path
from typing import Self

from twisted.internet.interfaces import IListeningPort
from twisted.internet.threads import blockingCallFromThread
from twisted.logger import STDLibLogObserver, globalLogBeginner
from twisted.python.threadable import isInIOThread
from twisted.web import http, pages, server, static
from twisted.web.resource import EncodingResourceWrapper, IResource

from .serve_guard import REQUEST_DEADLINE, GuardedChannel, coalesce_ranges

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
IDLE_TIMEOUT = 60  # seconds a kept-alive connection may sit idle


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


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding value allows gzip (q=0 refuses it; `*` stands for it)."""
    verdict = {}
    for part in accept_encoding.split(","):
        name, *params = [piece.strip() for piece in part.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        verdict[name.lower()] = q > 0
    return verdict.get("gzip", verdict.get("x-gzip", verdict.get("*", False)))


class GzipWhenAccepted(server.GzipEncoderFactory):
    """Twisted's gzip encoder, vetoed when the client's q=0 refuses gzip and for Range requests.

    Ranges count bytes of the file as it is; a range of the gzipped stream would not match them, so a
    Range request is answered uncompressed (nginx does the same the other way round).
    """

    compressLevel = 6

    def encoderForRequest(self, request):
        if request.getHeader(b"range") is not None:
            return None
        offered = b",".join(request.requestHeaders.getRawHeaders(b"accept-encoding", []))
        if not accepts_gzip(offered.decode("latin-1")):
            return None
        return super().encoderForRequest(request)


GZIP = GzipWhenAccepted()


def _strip_weak(tag: bytes) -> bytes:
    return tag[2:] if tag.startswith(b"W/") else tag


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 If-None-Match: `*` or any listed tag equal to ours under the weak comparison."""
    tags = {_strip_weak(tag.strip()) for tag in if_none_match.split(b",")}
    return b"*" in tags or _strip_weak(etag) in tags


class FeedFile(static.File):
    """static.File confined to the output folder, with its content types, an ETag and Cache-Control."""

    allowedMethods = (b"GET", b"HEAD")
    childNotFound = pages.notFound()
    forbidden = pages.forbidden()

    def __init__(self, path: str, *, root: str | None = None, cache_control: str = CACHE_CONTROL) -> None:
        super().__init__(path, defaultType="application/octet-stream")
        self.indexNames = ["index.html"]
        self.root = root or path
        self.cache_control = cache_control
        self.compressible = False

    def createSimilarFile(self, path: str) -> FeedFile:
        return FeedFile(path, root=self.root, cache_control=self.cache_control)

    def directoryListing(self):
        return self.childNotFound  # a folder without index.html is not shown

    def getChild(self, path: bytes, request) -> IResource:
        if b"\x00" in path or b"\\" in path or path.startswith(b"."):
            return self.childNotFound  # dotfiles: publishing's temp files, locks
        child = super().getChild(path, request)
        if not isinstance(child, FeedFile):
            return child
        root = os.path.realpath(self.root)
        real = os.path.realpath(child.path)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            return self.forbidden  # a symlink out of the folder
        if child.isdir():
            return child
        child.type = content_type(Path(self.root), Path(child.path))
        child.encoding = None
        if child.type.startswith(COMPRESSIBLE):
            child.compressible = True
            if child.getsize() >= MIN_GZIP_SIZE:
                return EncodingResourceWrapper(child, [GZIP])
        return child

    def render_GET(self, request):
        self.restat(False)
        if not self.exists() or self.isdir():
            return super().render_GET(request)  # 404, or a redirect to the folder's "/"
        stat = os.stat(self.path)
        gzipped = b"gzip" in b",".join(request.responseHeaders.getRawHeaders(b"content-encoding", []))
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'.encode("ascii")
        request.setHeader(b"cache-control", self.cache_control.encode("latin-1"))
        request.setHeader(b"x-content-type-options", b"nosniff")
        if self.compressible:
            request.setHeader(b"vary", b"Accept-Encoding")
        request.setETag(b"W/" + etag if gzipped else etag)
        if_none_match = request.getHeader(b"if-none-match")
        if if_none_match is not None:
            # RFC 9110 13.2.2: If-None-Match decides; If-Modified-Since only counts without it.
            request.requestHeaders.removeHeader(b"if-modified-since")
            if etag_matches(if_none_match, etag):
                request.setLastModified(self.getModificationTime())
                request.setResponseCode(http.NOT_MODIFIED)
                return _bodiless(request)
        body = super().render_GET(request)  # Last-Modified, If-Modified-Since, Range, HEAD, the body
        if request.code == http.NOT_MODIFIED or request.method == b"HEAD":
            return _bodiless(request)
        return body

    render_HEAD = render_GET

    def _parseRangeHeader(self, range):
        """Twisted's parsing, then coalesced and capped (serve_guard); ValueError makes Twisted send it all."""
        parsed = super()._parseRangeHeader(range)
        spans = coalesce_ranges(parsed, self.getFileSize())
        if spans is None:
            raise ValueError(f"{len(parsed)} ranges: more than serve_guard allows")
        return spans or parsed[:1]  # none overlaps the file: Twisted answers 416


def _bodiless(request) -> bytes:
    """A 304 or HEAD answer has no body: not even the gzip encoder's trailer.

    Twisted's Request.finish() writes its encoder's closing bytes after any
    answer; on a 304 or HEAD they would land in the connection as garbage
    before the next response of a kept-alive connection.
    """
    request._encoder = None  # set by EncodingResourceWrapper for this request only
    request.responseHeaders.removeHeader(b"content-encoding")
    return b""


class AccessLoggingSite(server.Site):
    """A Site whose access lines go to the logging module and which can close its open connections."""

    protocol = GuardedChannel  # plain HTTP/1.1 (the default wrapper only adds HTTP/2 over TLS), guarded

    def __init__(self, *args, request_deadline: float = REQUEST_DEADLINE, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.connections: weakref.WeakSet = weakref.WeakSet()
        self.request_deadline = request_deadline

    def buildProtocol(self, addr):
        protocol = super().buildProtocol(addr)
        protocol.requestDeadline = self.request_deadline
        self.connections.add(protocol)
        return protocol

    def log(self, request) -> None:
        log.info('%s "%s %s" %d %d', request.getClientAddress().host, request.method.decode("latin-1"),
                 request.uri.decode("latin-1"), request.code, request.sentLength)


def make_app(output_dir: str | Path, *, cache_control: str = CACHE_CONTROL) -> FeedFile:
    """The Twisted resource serving the files under output_dir (the folder may appear later)."""
    root = str(Path(output_dir).absolute())
    return FeedFile(root, root=root, cache_control=cache_control)


def _reactor():
    from twisted.internet import reactor  # imported here: importing it installs the default reactor

    return reactor


_background_lock = threading.Lock()


def _run_reactor_in_background() -> None:
    """Start the reactor in a daemon thread, once per process (a reactor cannot restart)."""
    reactor = _reactor()
    with _background_lock:
        if reactor.running:
            return
        if getattr(reactor, "_startedBefore", False):
            raise RuntimeError("the Twisted reactor has already run and stopped in this process")
        running = threading.Event()
        reactor.callWhenRunning(running.set)
        threading.Thread(target=reactor.run, kwargs={"installSignalHandlers": False}, name="tintuc-feed-serve",
                         daemon=True).start()
        if not running.wait(30):
            raise RuntimeError("the Twisted reactor did not start")


class HTTPServer:
    """A Twisted Site listening on host:port, with the stdlib server's handles: server_port, serve_forever(),
    shutdown() and server_close().

    serve_forever() in the main thread, with no reactor running yet, runs Twisted's reactor there until
    SIGINT or SIGTERM (or shutdown() from another thread).  Anywhere else it starts the reactor in a daemon
    thread (shared by every server of the process) and blocks until shutdown(), which closes the port and
    the open connections from any thread.
    """

    def __init__(self, output_dir: str | Path, host: str, port: int, *,
                 cache_control: str = CACHE_CONTROL, request_deadline: float = REQUEST_DEADLINE) -> None:
        self._reactor = _reactor()
        self.site = AccessLoggingSite(make_app(output_dir, cache_control=cache_control), timeout=IDLE_TIMEOUT,
                                      reactor=self._reactor, request_deadline=request_deadline)
        self.site.displayTracebacks = False
        self.port: IListeningPort = self._in_reactor(self._reactor.listenTCP, port, self.site, interface=host)
        self.server_address = (host, self.port.getHost().port)
        self.server_port = self.server_address[1]
        self._stopped = threading.Event()
        self._runs_reactor = False

    def _in_reactor(self, function, *args, **kwargs):
        """Call function in the reactor's thread and wait for its result (a Deferred's, too)."""
        if not self._reactor.running or isInIOThread():
            return function(*args, **kwargs)
        return blockingCallFromThread(self._reactor, function, *args, **kwargs)

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until shutdown() (and, when this runs the reactor in the main thread, SIGINT or SIGTERM)."""
        reactor = self._reactor
        if (threading.current_thread() is threading.main_thread() and not reactor.running
                and not getattr(reactor, "_startedBefore", False)):
            self._runs_reactor = True
            handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
            try:
                reactor.run(installSignalHandlers=True)  # Twisted stops it on SIGINT and SIGTERM
            finally:
                for number, handler in handlers.items():  # Twisted leaves its own handlers installed
                    signal.signal(number, handler)
                self._stopped.set()
            return
        _run_reactor_in_background()
        self._stopped.wait()

    def shutdown(self) -> None:
        """Stop serve_forever(), from another thread, and wait until it returns."""
        if self._runs_reactor:
            if not self._stopped.is_set():
                self._reactor.callFromThread(self._reactor.stop)
                self._stopped.wait()
            return
        self.server_close()
        self._stopped.set()

    def server_close(self) -> None:
        """Stop listening and close the open connections (done already when the reactor has stopped)."""
        if not self.port.connected:
            return
        if not self._reactor.running:
            if getattr(self._reactor, "_startedBefore", False):
                return  # the stopped reactor closed everything
            _run_reactor_in_background()
        self._in_reactor(self._close)

    def _close(self):
        for connection in list(self.site.connections):
            if connection.transport is not None:
                connection.transport.loseConnection()
        return self.port.stopListening()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server_close()


def make_http_server(output_dir: str | Path, host: str = "127.0.0.1", port: int = 8080, *,
                     request_deadline: float = REQUEST_DEADLINE) -> HTTPServer:
    """A ready server (port 0 picks a free port: see server.server_port); call serve_forever()."""
    return HTTPServer(output_dir, host, port, request_deadline=request_deadline)


def serve(output_dir: str | Path, host: str = "127.0.0.1", port: int = 8080, *,
          request_deadline: float = REQUEST_DEADLINE) -> None:
    """Serve output_dir until Ctrl-C or SIGTERM, then close the socket and return."""
    # Twisted's own messages (an error while answering, with its traceback) go to the logging module.
    globalLogBeginner.beginLoggingTo([STDLibLogObserver(name="twisted")], redirectStandardIO=False)
    with make_http_server(output_dir, host, port, request_deadline=request_deadline) as httpd:
        log.info("serving %s on http://%s:%s/", output_dir, host, httpd.server_port)
        httpd.serve_forever()  # in the main thread: Twisted's handlers stop it on SIGINT and SIGTERM
    log.info("stopped serving %s", output_dir)

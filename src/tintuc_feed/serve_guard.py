"""What `serve` does about hostile clients: many byte ranges, slow requests, request bodies.

Byte ranges.  Twisted's static.File answers every range of a Range header as asked: `bytes=0-,0-,0-…`
(1.5 KB) made a 100 MB multipart answer, and 600 small ranges took longer than any client waits.
coalesce_ranges() sorts the ranges and merges the overlapping and adjacent ones (RFC 9110 14.2 allows it);
when more than MAX_PARTS parts remain, it gives up and the whole file is sent with 200, as RFC 9110 14.2 allows ("MAY ignore … a set of many small ranges"), as nginx
(max_ranges) and Apache (MaxRanges) do.  The number of ranges itself is bounded by Twisted's 16 KB limit
on a request's headers (a few thousand ranges, parsed, sorted and merged in well under a millisecond).  200 rather than 416 because every client understands a full answer,
and it is no larger than what a plain GET gets; 416 is kept for its own meaning (no range overlaps the file).

Slow requests (slowloris).  Twisted's HTTPFactory timeOut is an idle timeout: every byte received restarts
it, so a client sending its headers one byte a minute holds a connection forever.  GuardedChannel gives each
request a deadline from its first byte until the request is whole (headers and any body): past it the
client gets 408 and the connection is closed (and aborted abortTimeout seconds later if it does not go).

Request bodies.  The server answers GET and HEAD only, but Twisted reads any body first (into a temporary
file beyond 100 KB): a body over MAX_BODY bytes, or a chunked one of unknown size, is answered 413 at once.
"""

from __future__ import annotations

import logging

from twisted.web import http

log = logging.getLogger(__name__)

MAX_PARTS = 8  # parts of a multipart/byteranges answer once coalesced; more: the whole file (200)
REQUEST_DEADLINE = 20.0  # seconds from a request's first byte until it is whole
MAX_BODY = 64 * 1024  # bytes of request body read before answering 413


def coalesce_ranges(ranges: list[tuple[int | None, int | None]], size: int) -> list[tuple[int, int]] | None:
    """Byte ranges (Twisted's parsed (start, end) pairs, end inclusive) as sorted, merged (first, last) pairs
    inside a file of `size` bytes; [] when none overlaps the file; None when the whole file should be sent."""
    spans = []
    for start, end in ranges:
        if start is None:  # a suffix: the last `end` bytes
            first, last = max(size - end, 0), size - 1
        else:
            first, last = start, size - 1 if end is None else min(end, size - 1)
        if first < size and first <= last:
            spans.append((first, last))
    spans.sort()
    merged: list[list[int]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    if len(merged) > MAX_PARTS:
        return None
    return [(first, last) for first, last in merged]


class GuardedChannel(http.HTTPChannel):
    """Twisted's HTTP/1.1 channel with a deadline per request and no request bodies beyond MAX_BODY."""

    requestDeadline = REQUEST_DEADLINE
    _deadlineCall = None

    def dataReceived(self, data: bytes) -> None:
        if data and self._deadlineCall is None and not self._handlingRequest:
            self._deadlineCall = self.callLater(self.requestDeadline, self._tooSlow)
        super().dataReceived(data)

    def allHeadersReceived(self) -> None:
        if self.length is None or self.length > MAX_BODY:  # chunked (size unknown) or too large
            self._cancelDeadline()
            self._refuse(b"413 Content Too Large")
            return
        super().allHeadersReceived()

    def allContentReceived(self) -> None:
        self._cancelDeadline()
        super().allContentReceived()

    def connectionLost(self, reason) -> None:
        self._cancelDeadline()
        super().connectionLost(reason)

    def _cancelDeadline(self) -> None:
        if self._deadlineCall is not None:
            if self._deadlineCall.active():
                self._deadlineCall.cancel()
            self._deadlineCall = None

    def _tooSlow(self) -> None:
        self._deadlineCall = None
        peer = self.transport.getPeer() if self.transport is not None else None
        log.info("%s: request not complete after %g s; closing", getattr(peer, "host", "?"), self.requestDeadline)
        self._refuse(b"408 Request Timeout")

    def _refuse(self, status: bytes) -> None:
        """Answer status and close, whatever state the request is in (no response has started)."""
        self.dataReceived = self.lineReceived = self.rawDataReceived = lambda *args: None  # ignore the rest
        if self.transport is None:
            return
        self.transport.write(b"HTTP/1.1 " + status + b"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
        self.timeoutConnection()  # close now; abort after abortTimeout seconds if the client holds on

"""Hostile clients against a real `tintuc-feed serve` on 127.0.0.1, asked over raw sockets: many or
overlapping byte ranges, a client sending its request one byte at a time (slowloris), request bodies.

docs/RELIABILITY.md, "Serving", lists these rows.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import pytest

from tintuc_feed.serve_guard import MAX_PARTS

DEADLINE = 1.0  # the server's --request-timeout here


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(port, the bytes of /rss/x.xml) of a real `tintuc-feed serve` process."""
    root = tmp_path_factory.mktemp("out")
    (root / "rss").mkdir()
    body = os.urandom(50_000).hex().encode()  # 100,000 bytes
    (root / "rss" / "x.xml").write_bytes(body)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tintuc_feed.cli", "serve", "--output", str(root), "--port",
                             str(port), "--request-timeout", str(DEADLINE)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        yield port, body
    finally:
        proc.terminate()
        proc.wait(30)


def exchange(port: int, request: bytes, timeout: float = 30) -> tuple[bytes, bytes]:
    """Send request, read until the server closes: (head, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(1 << 20):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head, body


def get(port: int, headers: str = "") -> tuple[bytes, bytes]:
    return exchange(port, f"GET /rss/x.xml HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n".encode())


def header(head: bytes, name: bytes) -> bytes | None:
    found = re.search(rb"(?im)^" + name + rb":\s*(.*?)\s*$", head)
    return found.group(1) if found else None


def test_overlapping_ranges_are_coalesced_into_one_part(served):
    port, body = served
    ranges = "Range: bytes=" + ",".join(["0-"] * 300) + "\r\n"  # 1.5 KB asking for the file 300 times
    head, answer = get(port, ranges)
    assert head.startswith(b"HTTP/1.1 206")
    assert header(head, b"content-range") == b"bytes 0-99999/100000"
    assert answer == body  # once, not 300 times


def test_adjacent_small_ranges_are_coalesced(served):
    port, body = served
    head, answer = get(port, "Range: bytes=" + ",".join(f"{i}-{i}" for i in range(600)) + "\r\n")
    assert head.startswith(b"HTTP/1.1 206") and header(head, b"content-range") == b"bytes 0-599/100000"
    assert answer == body[:600]


def test_too_many_separate_ranges_get_the_whole_file_with_200(served):
    port, body = served
    head, answer = get(port, "Range: bytes=" + ",".join(f"{2 * i}-{2 * i}" for i in range(600)) + "\r\n")
    assert head.startswith(b"HTTP/1.1 200") and answer == body
    head, answer = get(port, "Range: bytes=" + ",".join(f"{10 * i}-{10 * i}" for i in range(MAX_PARTS + 1)) + "\r\n")
    assert head.startswith(b"HTTP/1.1 200") and answer == body


def test_a_few_separate_ranges_are_answered_in_order_as_multipart(served):
    port, body = served
    head, answer = get(port, "Range: bytes=500-509,-5,0-9,5-14\r\n")
    assert head.startswith(b"HTTP/1.1 206") and b"multipart/byteranges" in header(head, b"content-type")
    parts = re.findall(rb"Content-range: bytes (\d+)-(\d+)/100000\r\n\r\n", answer)
    assert parts == [(b"0", b"14"), (b"500", b"509"), (b"99995", b"99999")]
    for first, last in parts:
        assert body[int(first):int(last) + 1] in answer
    assert int(header(head, b"content-length")) == len(answer)


def test_ranges_outside_the_file_get_416(served):
    port, _ = served
    head, _ = get(port, "Range: bytes=200000-300000,100000-\r\n")
    assert head.startswith(b"HTTP/1.1 416") and header(head, b"content-range") == b"bytes */100000"


def test_a_client_sending_one_byte_at_a_time_is_answered_408_and_disconnected(served):
    port, _ = served
    request = b"GET /rss/x.xml HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 300 + b"\r\n\r\n"
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sent = 0
        for byte in request:  # 0.05 s a byte: 17 s for the whole request, far past the 1 s deadline
            try:
                sock.sendall(bytes([byte]))
            except OSError:  # reset: the server closed
                break
            sent += 1
            sock.settimeout(0.05)
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
            received += chunk
            if not chunk or received.endswith(b"\r\n\r\n"):
                break
    assert received.startswith(b"HTTP/1.1 408"), received
    assert sent < len(request) - 100  # cut off long before the client was done


def test_the_deadline_is_per_request_not_per_connection(served):
    """A kept-alive reader idle between two requests for longer than the deadline is still answered."""
    port, body = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /rss/x.xml HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while len(data) < len(body):
            data += sock.recv(1 << 20)
            if len(data.partition(b"\r\n\r\n")[2]) == len(body):
                break
        assert data.startswith(b"HTTP/1.1 200")
        time.sleep(DEADLINE * 2.5)
        sock.sendall(b"HEAD /rss/x.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        again = b""
        while chunk := sock.recv(65536):
            again += chunk
    assert again.startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("body_headers", ["Content-Length: 10000000\r\n", "Transfer-Encoding: chunked\r\n"])
def test_request_bodies_are_refused_413_before_they_are_read(served, body_headers):
    port, _ = served
    head, _ = exchange(port, f"POST /rss/x.xml HTTP/1.1\r\nHost: x\r\n{body_headers}\r\n".encode() + b"x" * 1000)
    assert head.startswith(b"HTTP/1.1 413")


def test_ordinary_requests_still_work(served):
    port, body = served
    head, answer = get(port)
    assert head.startswith(b"HTTP/1.1 200") and answer == body
    head, answer = get(port, "Range: bytes=10-19\r\n")
    assert head.startswith(b"HTTP/1.1 206") and answer == body[10:20]

"""The HTTP server (Twisted's web server under tintuc_feed.serve), started for real on 127.0.0.1 and asked with
http.client."""

from __future__ import annotations

import gzip
import http.client
import os
import socket
import threading
import time
from email.utils import formatdate

import pytest

from tintuc_feed.serve import accepts_gzip, etag_matches, make_http_server

RSS = ("<?xml version='1.0' encoding='UTF-8'?><rss version=\"2.0\"><channel><title>Công an tỉnh Lâm Đồng"
       "</title></channel></rss>\n" * 20).encode("utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("out")
    (root / "rss").mkdir()
    (root / "atom").mkdir()
    (root / "json").mkdir()
    (root / "rss/all.xml").write_bytes(RSS)
    (root / "atom/all.xml").write_bytes(b"<feed xmlns='http://www.w3.org/2005/Atom'/>")
    (root / "json/all.json").write_text('{"version": "https://jsonfeed.org/version/1.1"}', "utf-8")
    (root / "articles.jsonl").write_text("{}\n", "utf-8")
    (root / "feeds.opml").write_text("<opml version='2.0'/>", "utf-8")
    (root / "status.json").write_text("{}", "utf-8")
    (root / "index.html").write_text("<!DOCTYPE html><title>Tin tức Công an</title>", "utf-8")
    (tmp_path_factory.getbasetemp() / "secret.txt").write_text("không được đọc", "utf-8")
    httpd = make_http_server(root, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, httpd.server_port
    httpd.shutdown()
    httpd.server_close()


def request(port: int, path: str, method: str = "GET", headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest(method, path, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize("path, expected", [
    ("/rss/all.xml", "application/rss+xml; charset=utf-8"),
    ("/atom/all.xml", "application/atom+xml; charset=utf-8"),
    ("/json/all.json", "application/feed+json; charset=utf-8"),
    ("/articles.jsonl", "application/jsonl; charset=utf-8"),
    ("/feeds.opml", "text/x-opml; charset=utf-8"),
    ("/status.json", "application/json; charset=utf-8"),
    ("/index.html", "text/html; charset=utf-8"),
])
def test_content_types(server, path, expected):
    _, port = server
    response, _ = request(port, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == expected


def test_root_serves_index_html(server):
    _, port = server
    response, body = request(port, "/")
    assert response.status == 200 and "Tin tức Công an".encode() in body


def test_etag_gives_304(server):
    _, port = server
    first, body = request(port, "/rss/all.xml")
    etag = first.getheader("ETag")
    assert etag and etag.startswith('"') and body == RSS
    assert first.getheader("Cache-Control").startswith("public")
    again, again_body = request(port, "/rss/all.xml", headers={"If-None-Match": etag})
    assert again.status == 304 and again_body == b""
    assert again.getheader("ETag") == etag
    other, _ = request(port, "/rss/all.xml", headers={"If-None-Match": '"something-else"'})
    assert other.status == 200


def test_if_modified_since_gives_304(server):
    _, port = server
    first, _ = request(port, "/rss/all.xml")
    last_modified = first.getheader("Last-Modified")
    assert last_modified.endswith("GMT")
    again, _ = request(port, "/rss/all.xml", headers={"If-Modified-Since": last_modified})
    assert again.status == 304
    older, _ = request(port, "/rss/all.xml", headers={"If-Modified-Since": formatdate(0, usegmt=True)})
    assert older.status == 200


def test_changed_file_gets_a_new_etag(server):
    root, port = server
    path = root / "atom/all.xml"
    first, _ = request(port, "/atom/all.xml")
    path.write_text("<feed xmlns='http://www.w3.org/2005/Atom'><title>mới</title></feed>", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    again, body = request(port, "/atom/all.xml", headers={"If-None-Match": first.getheader("ETag")})
    assert again.status == 200 and "mới".encode() in body


def test_gzip_when_accepted(server):
    _, port = server
    response, body = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip, deflate"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary")
    assert gzip.decompress(body) == RSS and len(body) < len(RSS)
    # Twisted's encoder compresses as it sends: chunked, so no Content-Length to announce.
    assert response.getheader("Content-Length") is None and response.getheader("Transfer-Encoding") == "chunked"
    plain, plain_body = request(port, "/rss/all.xml")
    assert plain.getheader("Content-Encoding") is None and plain_body == RSS
    assert int(plain.getheader("Content-Length")) == len(RSS)
    # The gzipped body gets the weak form of the file's ETag (as nginx does); either gives a 304.
    assert response.getheader("ETag") == "W/" + plain.getheader("ETag")
    for etag in (response.getheader("ETag"), plain.getheader("ETag")):
        again, again_body = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status == 304 and again_body == b"" and again.getheader("Content-Encoding") is None
    refused, _ = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip;q=0"})
    assert refused.getheader("Content-Encoding") is None
    refused, _ = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip ; q=0, deflate"})
    assert refused.getheader("Content-Encoding") is None


def test_small_files_are_not_gzipped(server):
    _, port = server
    response, body = request(port, "/feeds.opml", headers={"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None and body == b"<opml version='2.0'/>"


@pytest.mark.parametrize("value, accepted", [
    ("gzip", True), ("gzip, deflate, br", True), ("deflate, gzip;q=0.5", True), ("*", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("*;q=0", False), ("deflate", False), ("", False),
    ("*, gzip;q=0", False),
])
def test_accept_encoding(value, accepted):
    assert accepts_gzip(value) is accepted


def test_if_none_match_takes_lists_and_weak_tags():
    assert etag_matches(b'"a", W/"b"', b'"b"')
    assert etag_matches(b'"a","b"', b'"b"')
    assert etag_matches(b"*", b'"b"')
    assert not etag_matches(b'"a", "bc"', b'"b"')


def test_if_none_match_decides_over_if_modified_since(server):
    _, port = server
    first, _ = request(port, "/rss/all.xml")
    stale = {"If-None-Match": '"old"', "If-Modified-Since": first.getheader("Last-Modified")}
    response, body = request(port, "/rss/all.xml", headers=stale)
    assert response.status == 200 and body == RSS
    listed = {"If-None-Match": f'"old", {first.getheader("ETag")}'}
    assert request(port, "/rss/all.xml", headers=listed)[0].status == 304


def test_byte_ranges(server):
    _, port = server
    response, body = request(port, "/rss/all.xml", headers={"Range": "bytes=0-9", "Accept-Encoding": "gzip"})
    assert response.status == 206 and body == RSS[:10]
    assert response.getheader("Content-Range") == f"bytes 0-9/{len(RSS)}"
    assert response.getheader("Content-Encoding") is None


def test_head_has_headers_and_no_body(server):
    _, port = server
    response, body = request(port, "/rss/all.xml", method="HEAD")
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == len(RSS)
    assert response.getheader("ETag") and response.getheader("Last-Modified")
    assert response.getheader("Content-Type") == "application/rss+xml; charset=utf-8"


@pytest.mark.parametrize("path", ["/../secret.txt", "/rss/../../secret.txt", "/%2e%2e/secret.txt",
                                  "/rss/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/rss/..\\..\\secret.txt"])
def test_directory_traversal_is_refused(server, path):
    _, port = server
    response, body = request(port, path)
    assert response.status in (400, 403, 404)
    assert "không được đọc".encode() not in body


def test_missing_file_and_other_methods(server):
    _, port = server
    assert request(port, "/rss/none.xml")[0].status == 404
    assert request(port, "/rss/")[0].status == 404  # a folder without index.html: no listing
    assert request(port, "/rss/all.xml%00.html")[0].status == 404
    response, _ = request(port, "/rss/all.xml", method="POST")
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"


def test_symlink_out_of_the_directory_is_refused(tmp_path):
    root = tmp_path / "out"
    (root / "rss").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("bí mật", "utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/all.xml").write_text("bí mật", "utf-8")
    (root / "rss/all.xml").write_text("<rss/>", "utf-8")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    (root / "atom").symlink_to(tmp_path / "elsewhere")
    (root / "latest.xml").symlink_to(root / "rss/all.xml")  # a link that stays inside is served
    with make_http_server(root, "127.0.0.1", 0) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        for path in ("/link.txt", "/atom/all.xml"):
            response, body = request(httpd.server_port, path)
            assert response.status == 403 and "bí mật".encode() not in body
        response, body = request(httpd.server_port, "/latest.xml")
        assert response.status == 200 and body == b"<rss/>"
        httpd.shutdown()
    thread.join(5)
    assert not thread.is_alive()


def test_one_kept_alive_connection_stays_in_step_through_304s_and_heads(server):
    """Readers reuse connections: a 304 or HEAD answer must carry no body at all (not even gzip's trailer),
    or its stray bytes come before the next answer's status line."""
    _, port = server
    first, _ = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip"})
    asks = [("GET", f"If-None-Match: {first.getheader('ETag')}"),
            ("GET", f"If-Modified-Since: {first.getheader('Last-Modified')}"), ("HEAD", "X-Nothing: 1")]
    for method, condition in asks:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(f"{method} /rss/all.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                         f"{condition}\r\n\r\n".encode("latin-1"))
            time.sleep(0.3)  # let the first answer, and any stray bytes after it, arrive
            sock.sendall(b"GET /status.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        assert head.split(b" ")[1] in (b"304", b"200"), head
        assert rest.startswith(b"HTTP/1.1 200"), (method, condition, rest[:40])


def test_dotfiles_are_not_served(server):
    root, port = server
    (root / ".articles.jsonl.x1.tmp").write_text("{}", "utf-8")
    (root / "rss" / ".all.xml.x2.tmp").write_text("<rss/>", "utf-8")
    assert request(port, "/.articles.jsonl.x1.tmp")[0].status == 404
    assert request(port, "/rss/.all.xml.x2.tmp")[0].status == 404

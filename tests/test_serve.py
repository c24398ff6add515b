"""The HTTP server, started for real on 127.0.0.1 and asked with http.client."""

from __future__ import annotations

import gzip
import http.client
import os
import threading
from email.utils import formatdate

import pytest

from tintuc_feed.serve import make_app, make_http_server

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
    assert gzip.decompress(body) == RSS
    assert int(response.getheader("Content-Length")) == len(body) < len(RSS)
    plain, plain_body = request(port, "/rss/all.xml")
    assert plain.getheader("Content-Encoding") is None and plain_body == RSS
    assert plain.getheader("ETag") != response.getheader("ETag")
    refused, _ = request(port, "/rss/all.xml", headers={"Accept-Encoding": "gzip;q=0"})
    assert refused.getheader("Content-Encoding") is None


def test_head_has_headers_and_no_body(server):
    _, port = server
    response, body = request(port, "/rss/all.xml", method="HEAD")
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == len(RSS)
    assert response.getheader("ETag")


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
    response, _ = request(port, "/rss/all.xml", method="POST")
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"


def test_symlink_out_of_the_directory_is_refused(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("bí mật", "utf-8")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    app = make_app(root)
    statuses = []
    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": "/link.txt"}, lambda s, h: statuses.append(s)))
    assert statuses[0].startswith("403") and "bí mật".encode() not in body

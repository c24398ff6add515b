"""`tintuc-feed extract` reads a page in the charset it declares, from a file (--html) or over HTTP.

A saved legacy portal page in windows-1258 or a German page in iso-8859-1 was read as UTF-8 with
replacement characters ("h\ufffdhere"): its title and text were garbled.  Both paths now decode as
the crawler does (charset.decode_page: BOM, valid UTF-8, the HTTP header, <meta>, then detection).
"""

from __future__ import annotations

import threading
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tintuc_feed.extract import extract_to_json

TITLE_VI = "Công an tỉnh bắt đối tượng trộm cắp tài sản"
TITLE_DE = "Bayern fördert höhere Grenzen für Bioenergie"
BODY_VI = "<p>" + "Lực lượng công an đã làm rõ vụ việc và bắt giữ đối tượng. " * 6 + "</p>"
BODY_DE = "<p>" + "Die Behörden prüfen die Maßnahmen für größere Anlagen im Süden. " * 6 + "</p>"


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # the marks windows-1258 writes as separate characters


def to_cp1258(text: str) -> bytes:
    """windows-1258 bytes the way legacy portals wrote them: base letter (â, ơ, ư kept whole), then the tone mark."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + "".join(c for c in decomposed if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


def encode(text: str, encoding: str) -> bytes:
    return to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)


def page(meta: str, title: str, body: str) -> str:
    return (f"<html><head>{meta}<title>{title} - Trang tin</title></head>"
            f"<body><div class='main'><h1>{title}</h1>{body}</div></body></html>")


# (name, declaration in <meta>, charset the bytes are in, title, body)
CASES = [
    ("windows-1258 by <meta charset>", "<meta charset='windows-1258'>", "cp1258", TITLE_VI, BODY_VI),
    ("iso-8859-1 by http-equiv", "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>",
     "latin-1", TITLE_DE, BODY_DE),
    ("utf-8 undeclared", "", "utf-8", TITLE_VI, BODY_VI),
]


@pytest.mark.parametrize(("meta", "encoding", "title", "body"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_html_file_read_in_its_charset(tmp_path, meta, encoding, title, body):
    path = tmp_path / "page.html"
    path.write_bytes(encode(page(meta, title, body), encoding))
    record = extract_to_json("https://catinh.gov.vn/tin-tuc/a-1.html", sources_file=None, source_id=None,
                             html_file=str(path))
    assert record["title"] == title
    assert "\ufffd" not in record["content_text"]


class _Server:
    """Serves one page's bytes with the given Content-Type on 127.0.0.1 (robots.txt: 404)."""

    def __init__(self, body: bytes, content_type: str) -> None:
        served = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                ok = self.path == "/tin-tuc/a-1.html"
                data = body if ok else b"not found"
                self.send_response(200 if ok else 404)
                self.send_header("Content-Type", content_type if ok else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        served.url = f"http://127.0.0.1:{self.server.server_address[1]}/tin-tuc/a-1.html"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_fetched_page_read_in_the_header_charset():
    # no <meta> declaration: only the HTTP header names windows-1258
    body = to_cp1258(page("", TITLE_VI, BODY_VI))
    with _Server(body, "text/html; charset=windows-1258") as server:
        record = extract_to_json(server.url, sources_file=None, source_id=None, html_file=None)
    assert record["title"] == TITLE_VI
    assert "\ufffd" not in record["content_text"]

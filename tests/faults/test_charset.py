"""Charsets and non-HTML bodies (issue 9, item 11): one crawl of pages in every encoding a portal may send.

Each article page is the sample article with its own title, encoded one way and
declared one way (HTTP header, <meta>, both, wrongly, not at all).  Pages read
right are stored with their exact NFC title; pages that stay garbled and
binary bodies are skipped and counted, never published.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faults.hostile import (
    LIST_PATH,
    HostileSite,
    article_html,
    crawl,
    feed_titles,
    list_page,
    page,
    source_status,
    stored_titles,
    summary_row,
    write_sources,
)
from tintuc_feed.charset import MOJIBAKE, article_text, binary_kind, choose_encoding, decode_page, mojibake_pairs
from tintuc_feed.families import NotAnArticle

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text in windows-1258 as Vietnamese legacy software writes it: base letters + combining tone marks."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return out


def declared(html: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return html.replace('<meta charset="utf-8">', meta, 1)


def ctype(charset: str | None) -> list[tuple[str, str]]:
    return [("Content-Type", f"text/html; charset={charset}" if charset else "text/html")]


def variant_pages() -> dict[str, tuple[str, bytes, list, str]]:
    """variant -> (title, body, headers, expected: 'stored' or the skip reason)."""
    pages = {}

    def add(name, title, body, headers, expected):
        pages[name] = (title, body, headers, expected)

    t = "Đắk Nông: Công an tỉnh bắt giữ đối tượng {}"
    add("cp1258-in-header", t.format("một"), cp1258(declared(article_html(t.format("một")), None)),
        ctype("windows-1258"), "stored")
    add("cp1258-in-meta", t.format("hai"), cp1258(declared(article_html(t.format("hai")), "windows-1258")),
        ctype(None), "stored")
    add("cp1258-declared-utf8", t.format("ba"), cp1258(article_html(t.format("ba"))), ctype("utf-8"), "stored")
    add("utf8-declared-latin1", t.format("bốn"), declared(article_html(t.format("bốn")), None).encode(),
        ctype("iso-8859-1"), "stored")
    add("utf8-declared-cp1252-meta", t.format("năm"),
        declared(article_html(t.format("năm")), "windows-1252").encode(), ctype(None), "stored")
    add("utf8-no-charset-at-all", t.format("sáu"), declared(article_html(t.format("sáu")), None).encode(),
        [], "stored")
    garbled = article_html(t.format("bảy")).encode("utf-8").decode("cp1252", errors="replace")
    add("mojibake-stored-by-the-site", t.format("bảy"), garbled.encode("utf-8"), ctype("utf-8"), "mojibake")
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + article_html(t.format("tám")).encode()
    add("pdf-without-content-type", t.format("tám"), pdf, [], "not-html")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + article_html(t.format("chín")).encode()
    add("png-served-as-html", t.format("chín"), png, ctype("utf-8"), "not-html")
    nul = article_html(t.format("mười")).encode().replace(b"<body>", b"<body>\x00\x01\x02\x00", 1)
    add("nul-bytes-without-content-type", t.format("mười"), nul, [], "not-html")
    return pages


PAGES = variant_pages()


@pytest.fixture(scope="module")
def charset_crawl(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("charset")
    with HostileSite() as site:
        site.route(LIST_PATH, page(list_page([f"/tin-tuc/{name}.html" for name in PAGES])))
        for name, (_, body, headers, _) in PAGES.items():
            site.route(f"/tin-tuc/{name}.html", page(body, headers))
        result, db, out = crawl(tmp_path, write_sources(tmp_path, site))
    return result, db, out


@pytest.mark.parametrize("variant", sorted(PAGES))
def test_each_page_is_stored_with_its_exact_title_or_skipped_with_its_reason(charset_crawl, variant):
    result, db, out = charset_crawl
    title, _, _, expected = PAGES[variant]
    if expected == "stored":
        assert title in stored_titles(db) and title in feed_titles(out)
    else:
        assert title not in stored_titles(db) and title not in feed_titles(out)
        line = next(x for x in result.stderr.splitlines() if f"/tin-tuc/{variant}.html" in x)
        assert "skipped" in line and f"{expected}:" in line


def test_nothing_garbled_is_published_and_skips_are_counted(charset_crawl):
    result, _, out = charset_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert all(mojibake_pairs(t) == 0 and t == unicodedata.normalize("NFC", t) for t in feed_titles(out))
    expected = [e for *_, e in PAGES.values()]
    assert summary_row(result.stdout)["skipped"] == str(len(expected) - expected.count("stored"))
    notes = source_status(out)["notes"]
    assert notes == {"mojibake": expected.count("mojibake"), "not-html": expected.count("not-html")}


# --- the rules, a row each -----------------------------------------------------

@pytest.mark.parametrize(("body", "content_type", "encoding"), [
    ("Công an".encode(), "text/html; charset=iso-8859-1", "utf-8"),  # valid UTF-8 wins over a 1-byte declaration
    (cp1258("Công an tỉnh"), "text/html; charset=windows-1258", "cp1258"),
    (b'<meta charset="windows-1258">' + cp1258("Công an tỉnh"), None, "cp1258"),
    (b"\xef\xbb\xbf" + "Công an".encode(), "text/html; charset=windows-1252", "utf-8"),  # BOM decides
    (b"plain ascii", "text/html; charset=windows-1258", "utf-8"),
])
def test_choose_encoding(body, content_type, encoding):
    assert choose_encoding(body, content_type) == encoding


@pytest.mark.parametrize(("body", "kind"), [
    (b"%PDF-1.7 ...</html>", "a PDF document"), (b"\x89PNG\r\n", "a PNG image"), (b"\xff\xd8\xff\xe0", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"), (b"<html>\x00\x00</html>", "binary data"),
    (b"<html></html>", None), (b"\xff\xfe<\x00h\x00", None),  # UTF-16 with its BOM is text
])
def test_binary_kind(body, kind):
    assert binary_kind(body) == kind


@pytest.mark.parametrize(("text", "pairs"), [
    ("Công an tỉnh Đắk Nông", 0), ("ÂM THANH Ã Ă Ấn Ẫn Ảnh", 0), ("CÃ´ng an tá»‰nh Äáº¯k NÃ´ng", 4),
    ("© 2024", 0), ("Â© 2024", 1),
    # real Vietnamese: a lower-case lead letter then punctuation is text, not mojibake
    ("rinh quà “quá đã”!", 0), ("đã…", 0), ("Lắk – Đắk Nông", 0),
    ("quá\u00a0nhiều", 0), ("là ‘cá’", 0),
    # the same letters as mojibake leads: "ầ" (áº§), "ệ" (á»‡), "“" (â€œ), "→" (â†’)
    ("Ä‘áº§u", 2), ("há»‡", 1), ("â€œCÃ´ng anâ€\u009d", 3), ("â†’", 1),
    # upper-case leads pair with cp1252 punctuation too: "CÔNG" read as cp1252
    ("CÃ”NG AN", 1),
])
def test_mojibake_pairs(text, pairs):
    assert mojibake_pairs(text) == pairs


# Leads, pair ends, Vietnamese letters and ASCII: every neighbour a MOJIBAKE pair can have.
PAIR_ALPHABET = "ÂÃÄÅÆáâãăđêôơư“”‘’–—…€„†‡\u0080\u009d\u00a0©«»¿aA <>\"ạầệ"


@given(st.text(alphabet=PAIR_ALPHABET, max_size=60))
def test_mojibake_pairs_counts_the_regexs_matches(text):
    """mojibake_pairs counts from the pairs' ends (faster): always MOJIBAKE's own count."""
    assert mojibake_pairs(text) == len(MOJIBAKE.findall(text))


def test_mojibake_pairs_counts_the_regexs_matches_on_saved_pages():
    pages = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*/**/input.html"))
    assert len(pages) > 50
    for path in pages:
        text = decode_page(path.read_bytes(), None)[0]
        for variant in (text, text.encode("utf-8").decode("cp1252", errors="replace"),
                        text.encode("utf-8").decode("latin-1")):  # the page, and garbled twice
            assert mojibake_pairs(variant) == len(MOJIBAKE.findall(variant)), path


def test_windows_1258_tone_marks_come_out_composed():
    text = article_text(cp1258("<html><title>Đắk Nông</title></html>"), "text/html; charset=windows-1258")
    assert "Đắk Nông" in text and "\u0301" not in text


def test_vietnamese_quotes_after_a_tone_mark_are_not_garbling():
    """A real page (genk.vn, tests/fixtures/real) puts “quá đã” in four places: the page is an article."""
    text = "<html><title>Rinh quà “quá đã”!</title><p>“quá đã” “quá đã” “quá đã”</p></html>"
    assert article_text(text.encode(), "text/html; charset=utf-8") == text


@pytest.mark.parametrize(("good", "garbled", "refused"), [
    (0, 5, True),  # the whole text stored garbled
    (200, 5, False),  # a few garbled product links on a good page: the article reads fine
    (10, 5, True),  # most of the accented letters garbled
])
def test_a_page_is_refused_when_most_of_its_accented_letters_are_garbled(good, garbled, refused):
    text = "<p>" + "Công an tỉnh " * (good // 3) + "</p>" + '<a href="?q=CÃ´ng">x</a>' * garbled
    body = text.encode()
    if refused:
        with pytest.raises(NotAnArticle, match="mojibake"):
            article_text(body, "text/html; charset=utf-8")
    else:
        assert article_text(body, "text/html; charset=utf-8") == text


def test_every_real_saved_page_is_read_as_text_by_the_crawler():
    """The crawler's reading (article_text) refuses none of tests/fixtures/real: genk.vn's page was refused."""
    pages = sorted((Path(__file__).parents[1] / "fixtures" / "real").glob("*/input.html"))
    assert len(pages) >= 40
    for path in pages:
        body = path.read_bytes()
        assert article_text(body, None) == decode_page(body, None)[0], path.parent.name


def test_a_garbled_page_is_not_an_article():
    with pytest.raises(NotAnArticle, match="mojibake"):
        article_text("Công an tỉnh Đắk Nông bắt giữ".encode().decode("latin-1").encode(), "text/html")


# A UTF-8 page with a few invalid byte sequences (a truncated teaser, a byte pasted from a legacy page) is
# UTF-8, its invalid bytes read as U+FFFD as a browser reads them; it was read as cp1258 and refused as
# mojibake.  A legacy page (few or no valid multi-byte sequences) is still read in its own charset.
_PAGE = ("<html><head><meta charset='utf-8'><title>Công an tỉnh Đắk Nông</title></head><body>"
         + "<p>Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt.</p>" * 20 + "</body></html>")


@pytest.mark.parametrize("junk", [b"\xff", b"\xe1\xbb", b"\xed\xa0\x80", b"\xc3", b"\x80\x81"],
                         ids=["ff", "truncated-3-byte", "encoded-surrogate", "truncated-2-byte", "continuations"])
@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8", "text/html; charset=windows-1258"])
def test_a_utf8_page_with_a_few_invalid_bytes_is_utf8(junk, content_type):
    body = _PAGE.encode().replace(b"</p>", junk + b"</p>", 2)
    assert choose_encoding(body, content_type) == "utf-8"
    text = article_text(body, content_type)
    assert text.count("\ufffd") >= 2 and "Công an tỉnh Đắk Nông tổ chức" in text


def test_a_legacy_page_with_invalid_utf8_is_still_read_in_its_charset():
    body = b'<meta charset="windows-1258">' + cp1258("Công an tỉnh Đắk Nông tổ chức hội nghị quán triệt") * 5
    assert choose_encoding(body, None) == "cp1258"

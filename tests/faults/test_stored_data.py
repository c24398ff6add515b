"""Every field is checked where it enters the store (validate.py, called by Store.upsert).

Each test gives a real SQLite store an article carrying one fault, reads the row back with sqlite3, and
checks the value stored: cleaned, rebuilt, capped or refused; and that a valid article is stored as given.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import unicodedata

import lxml.html
import pytest
from store.conftest import NOW, make_article

from tintuc_feed.model import Author
from tintuc_feed.store import Store
from tintuc_feed.validate import LIMITS, InvalidArticle, article_for_store, clean_url


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "store.sqlite"


def store_and_read(db, article) -> dict:
    with Store(db) as store:
        result = store.upsert(article, now=NOW)
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM articles WHERE guid = ?", (result.guid,)).fetchone())


# --- text: real hostile strings -----------------------------------------------------------------------

TEXT_FAULTS = {
    "lone surrogate": ("Công an\ud800 tỉnh", "Công an\ufffd tỉnh"),
    "low surrogate alone": ("\udfffĐắk Nông", "\ufffdĐắk Nông"),
    "surrogate pair split in two code points": ("ảnh \ud83d\udcf7", "ảnh \U0001f4f7"),
    "C0 control": ("Bắt\x01 đối tượng", "Bắt đối tượng"),
    "NUL": ("Bắt\x00 đối tượng", "Bắt đối tượng"),
    "C1 control": ("Bắt\x85\x9f đối tượng", "Bắt đối tượng"),
    "noncharacter U+FFFE": ("Bắt\ufffe đối tượng", "Bắt đối tượng"),
    "noncharacter U+FFFF and U+1FFFE": ("Bắt\uffff\U0001fffe đối tượng", "Bắt đối tượng"),
    "carriage return": ("dòng một\r\ndòng hai\rba", "dòng một\ndòng hai\nba"),
    "decomposed (NFD) Vietnamese": (unicodedata.normalize("NFD", "Đắk Nông"), "Đắk Nông"),
    "tab and newline are kept": ("a\tb\nc", "a\tb\nc"),
}


@pytest.mark.parametrize("field", ["title_raw", "summary", "byline_raw", "published_raw", "origin"])
@pytest.mark.parametrize("fault", sorted(TEXT_FAULTS))
def test_text_fields_are_stored_xml_legal_and_nfc(db, field, fault):
    given, expected = TEXT_FAULTS[fault]
    assert store_and_read(db, make_article(**{field: given}))[field] == expected


@pytest.mark.parametrize("fault", sorted(TEXT_FAULTS))
def test_authors_tags_and_credits_are_cleaned_too(db, fault):
    given, expected = TEXT_FAULTS[fault]
    row = store_and_read(db, make_article(authors=(Author(name=f"Tác giả {given}", name_raw=given),),
                                          tags=(f"thẻ {given}",), credits=(f"Ảnh: {given}",)))
    assert json.loads(row["authors"]) == [{"name": f"Tác giả {expected}".strip(), "name_raw": expected,
                                           "affiliation": None}]
    assert json.loads(row["tags"]) == [f"thẻ {expected}".strip()]
    assert json.loads(row["credits"]) == [f"Ảnh: {expected}".strip()]


def test_a_title_that_is_only_control_characters_is_refused_and_nothing_is_stored(db):
    with Store(db) as store, pytest.raises(InvalidArticle, match="no title"):
        store.upsert(make_article(title="\x01\x02\ufffe"), now=NOW)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


# --- URLs --------------------------------------------------------------------------------------------

IMAGE_FAULTS = {
    "control character": ("https://cand.com.vn/anh/a\x01b.jpg", "https://cand.com.vn/anh/a%01b.jpg"),
    "spaces and Vietnamese": ("https://cand.com.vn/ảnh mới.jpg", "https://cand.com.vn/%E1%BA%A3nh%20m%E1%BB%9Bi.jpg"),
    "surrounding whitespace and a newline inside": (" \n https://cand.com.vn/a\n.jpg\t", "https://cand.com.vn/a.jpg"),
    "lone surrogate": ("https://cand.com.vn/\ud800.jpg", "https://cand.com.vn/%EF%BF%BD.jpg"),
    "user and password": ("https://cand.com.vn@evil.example/a.jpg", "https://evil.example/a.jpg"),
    "upper-case scheme and host": ("HTTPS://CAND.COM.VN/a.jpg", "https://cand.com.vn/a.jpg"),
    "javascript:": ("javascript:alert(1)", None),
    "data:": ("data:image/png;base64,iVBORw0KGgo=", None),
    "relative": ("/anh/a.jpg", None),
    "scheme-relative": ("//cand.com.vn/a.jpg", None),
    "no host": ("https:///a.jpg", None),
    "broken IPv6 literal": ("http://[::1/x", None),
    "port out of range": ("http://cand.com.vn:99999/a.jpg", None),
    "port not a number": ("http://cand.com.vn:abc/a.jpg", None),
    "host with markup": ("http://ca<nd.com.vn/a.jpg", None),
    "host with a space": ("http://cand com.vn/a.jpg", None),
    "longer than the limit": ("https://cand.com.vn/" + "a" * LIMITS["url"], None),
    "empty": ("   ", None),
}


@pytest.mark.parametrize("fault", sorted(IMAGE_FAULTS))
def test_the_image_url_is_rebuilt_or_dropped(db, fault):
    given, expected = IMAGE_FAULTS[fault]
    assert store_and_read(db, make_article(image=given))["image"] == expected


def test_an_article_url_that_cannot_be_rebuilt_is_refused(db):
    with Store(db) as store, pytest.raises(InvalidArticle, match="not an http"):
        store.upsert(make_article(url="javascript:alert(1)"), now=NOW)


def test_an_article_url_with_a_control_character_is_stored_percent_encoded(db):
    row = store_and_read(db, make_article(url="https://cand.com.vn/bai\x01viet-i1/"))
    assert row["url"] == "https://cand.com.vn/bai%01viet-i1/"


BODY_FAULTS = {
    "control character in an image": ('<img src="https://cand.com.vn/a\x01.jpg">', 'src="https://cand.com.vn/a%01.jpg"'),
    "javascript: link": ('<a href="javascript:alert(1)">bấm</a>', "<a>bấm</a>"),
    "link with a lone surrogate": ('<a href="https://cand.com.vn/\ud800">x</a>', 'href="https://cand.com.vn/%EF%BF%BD"'),
    "image that is not http": ('<img src="data:image/png;base64,AAAA">', ""),
    "srcset with one bad candidate": (('<img src="https://cand.com.vn/a.jpg" srcset="https://cand.com.vn/a-2.jpg 2x,'
                                      ' javascript:x 3x">'), 'srcset="https://cand.com.vn/a-2.jpg 2x"'),
    "in-page and mail links are kept": ('<a href="#chu-thich">1</a><a href="mailto:toasoan@cand.com.vn">m</a>',
                                        '<a href="#chu-thich">1</a><a href="mailto:toasoan@cand.com.vn">m</a>'),
}


@pytest.mark.parametrize("fault", sorted(BODY_FAULTS))
def test_urls_in_the_body_are_rebuilt_or_dropped(db, fault):
    given, expected = BODY_FAULTS[fault]
    stored = store_and_read(db, make_article(content_html=f"<p>Trước {given} sau</p>"))["content_html"]
    assert expected in stored and stored.startswith("<p>Trước") and stored.endswith("sau</p>")
    root = lxml.html.fragment_fromstring(stored, create_parent="div")
    for element in root.iter("a", "img"):
        for name in ("href", "src"):
            value = element.get(name)
            assert value is None or value.startswith(("https://", "#", "mailto:")), stored


# --- sizes ---------------------------------------------------------------------------------------------

def test_a_10000_character_title_is_cut_at_a_word_and_the_raw_title_kept_up_to_its_limit(db):
    title = " ".join(f"từ{n}" for n in range(3000))[:10_000]
    row = store_and_read(db, make_article(title=title, title_raw=title))
    assert len(row["title"]) <= LIMITS["title"] and row["title"].endswith("…")
    assert row["title"][:-1] == " ".join(row["title"][:-1].split(" ")) and title.startswith(row["title"][:-1] + " ")
    assert len(row["title_raw"]) == LIMITS["title_raw"] and title.startswith(row["title_raw"][:-1])


def test_a_title_without_spaces_is_cut_at_the_limit(db):
    row = store_and_read(db, make_article(title="Đ" * 10_000))
    assert row["title"] == "Đ" * (LIMITS["title"] - 1) + "…"


def test_a_long_summary_is_cut_at_a_word(db):
    summary = "Cảnh báo lừa đảo qua mạng. " * 200
    row = store_and_read(db, make_article(summary=summary))
    assert len(row["summary"]) <= LIMITS["summary"] and row["summary"].endswith("…")
    assert summary.startswith(row["summary"][:-1])


def test_a_huge_body_keeps_its_whole_first_blocks_and_an_ellipsis(db):
    paragraph = "<p>" + "Nội dung bài viết rất dài. " * 40 + "</p>"
    html = paragraph * 1000  # ~1.1 million characters
    text = "\n\n".join(["Nội dung bài viết rất dài. " * 40] * 1000)
    row = store_and_read(db, make_article(content_html=html, content_text=text))
    assert len(row["content_html"]) <= LIMITS["content_html"] and row["content_html"].endswith("<p>…</p>")
    assert row["content_html"].startswith(paragraph * 10)
    assert len(row["content_text"]) <= LIMITS["content_text"] and row["content_text"].endswith("…")


def test_authors_tags_and_credits_are_capped(db):
    authors = tuple(Author(name=f"Tác giả {n}", name_raw=f"Tác giả {n}") for n in range(50))
    authors += (Author(name="Một câu rất dài " * 20, name_raw="x"),)
    tags = tuple(f"thẻ {n}" for n in range(100)) + ("một thẻ quá dài " * 20, "thẻ 1", "")
    row = store_and_read(db, make_article(authors=authors, tags=tags, credits=tuple(f"Ảnh {n}" for n in range(99))))
    assert [a["name"] for a in json.loads(row["authors"])] == [f"Tác giả {n}" for n in range(LIMITS["authors"])]
    assert json.loads(row["tags"]) == [f"thẻ {n}" for n in range(LIMITS["tags"])]
    assert len(json.loads(row["credits"])) == LIMITS["credits"]


# --- a valid article is left alone ---------------------------------------------------------------------

def test_a_valid_article_is_stored_exactly_as_given_and_not_rewritten(db):
    article = make_article(image="https://cand.com.vn/anh/a.jpg")
    assert article_for_store(article) == article
    with Store(db) as store:
        assert store.upsert(article, now=NOW).status == "new"
        assert store.upsert(article, now=NOW).status == "unchanged"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT content_html FROM articles").fetchone()[0] == article.content_html


@pytest.mark.parametrize("fault", sorted(TEXT_FAULTS))
def test_checking_twice_changes_nothing_more(fault):
    given, _ = TEXT_FAULTS[fault]
    once = article_for_store(make_article(title="Tiêu đề " + given + " x" * 400, summary=given,
                                          image="https://cand.com.vn/" + given))
    assert article_for_store(once) == once
    assert dataclasses.replace(once) == once


@pytest.mark.parametrize("url", ["https://cand.com.vn/a\x01b", "https://cand.com.vn/ảnh", "http://h/100%"])
def test_a_rebuilt_url_is_rebuilt_the_same_again(url):
    assert clean_url(clean_url(url)) == clean_url(url)

"""Faults a page brings, through a real crawl: `tintuc-feed crawl` against a hostile site on 127.0.0.1.

Every field is checked as it enters the store (tintuc_feed/validate.py): the article is stored with the
field rebuilt or cleaned, nothing else is lost, and every feed stays valid (feedparser bozo 0, JSON Feed
schemas).  Before, one `&#1;` in an og:image made lxml refuse every feed of every source.
"""

from __future__ import annotations

import html
import json
import sqlite3
from importlib import resources

import feedparser
import jsonschema
import lxml.html
import pytest
from support import JSONFEED_SCHEMA, run_cli

from faults.tampered_site import (
    CONTROL_IN_BODY,
    CONTROL_IN_JSONLD,
    CONTROL_IN_OG_IMAGE,
    HOSTILE_TEXT,
    IFRAME_DESCRIPTION,
    LONG_TITLE_WORD,
    SEED,
    UNTOUCHED,
    build_hostile_site,
)
from tintuc_feed.sample_site import SOURCE_ID, SampleSite, sources_toml
from tintuc_feed.sanitize import XML_ILLEGAL
from tintuc_feed.validate import LIMITS

SEED_TITLE = "Xây dựng lực lượng Công an tỉnh Đăk Nông thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại"
ARTICLES_ON_SITE = 6


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    root = build_hostile_site(tmp / "site")
    with SampleSite(root) as site:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        db, out = tmp / "t.db", tmp / "out"
        result = run_cli("crawl", "--sources", str(sources), "--db", str(db), "--output", str(out), "--delay", "0")
        yield result, db, out, site.url


def stored(db, page: str) -> dict:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM articles WHERE url LIKE ?", ("%/" + page,)).fetchone()
    assert row is not None, f"{page} was not stored"
    return dict(row)


def feed_item(out, page: str, name: str = SOURCE_ID) -> dict:
    items = json.loads((out / "json" / f"{name}.json").read_text("utf-8"))["items"]
    return next(item for item in items if item["url"].endswith("/" + page))


def test_the_crawl_succeeds_and_stores_every_article(crawled):
    result, db, *_ = crawled
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES_ON_SITE


@pytest.mark.parametrize("page, image", [
    (CONTROL_IN_OG_IMAGE, "anh/og%01image.jpg"),
    (CONTROL_IN_JSONLD, "anh/jsonld%01image.jpg"),
    (CONTROL_IN_BODY, "anh/body%01image.jpg"),
])
def test_a_control_character_in_an_image_url_is_stored_percent_encoded(crawled, page, image):
    _, db, out, base = crawled
    assert stored(db, page)["image"] == base + image
    assert feed_item(out, page)["image"] == base + image


def test_urls_inside_the_body_are_rebuilt_or_dropped(crawled):
    _, db, _out, base = crawled
    content = stored(db, CONTROL_IN_BODY)["content_html"]
    assert not XML_ILLEGAL.search(content)
    body = lxml.html.fragment_fromstring(content, create_parent="div")
    # The sanitizer drops XML-illegal characters from the body before anything else reads it.
    assert next(img.get("src") for img in body.iter("img")) == base + "anh/bodyimage.jpg"
    hrefs = [a.get("href") for a in body.iter("a")]
    assert base + "tin-tuc-su-kien/khacbai.html" in hrefs
    assert not [h for h in hrefs if h and "javascript" in h.lower()]
    assert "bấm" in body.text_content()  # the link's text stays


def test_a_lone_surrogate_in_json_ld_is_stored_replaced(crawled):
    _, db, *_ = crawled
    row = stored(db, CONTROL_IN_JSONLD)
    assert [a["name"] for a in json.loads(row["authors"])] == ["Minh Quỳnh"]
    assert "\ufffd" in row["byline_raw"] and "\ud800" not in row["byline_raw"]


def test_a_10000_character_title_is_capped_at_a_word_with_an_ellipsis(crawled):
    _, db, out, _ = crawled
    row = stored(db, HOSTILE_TEXT)
    assert len(row["title"]) <= LIMITS["title"] and row["title"].endswith("…")
    assert (row["title"][:-1] + " ").startswith(LONG_TITLE_WORD * 3) and row["title"][-2] != " "
    assert row["title"][:-1].split()[-1] in LONG_TITLE_WORD.split()  # cut at a word, not inside one
    assert len(row["title_raw"]) <= LIMITS["title_raw"]
    assert feed_item(out, HOSTILE_TEXT)["title"] == row["title"]


def test_markup_in_a_meta_description_reaches_rss_readers_as_text(crawled):
    _, db, out, _ = crawled
    assert stored(db, HOSTILE_TEXT)["summary"] == IFRAME_DESCRIPTION
    entry = _entry(out, "rss", HOSTILE_TEXT)
    assert entry.summary_detail.type == "text/html"  # what feedparser assumes of <description> …
    fragment = lxml.html.fragment_fromstring(entry.summary, create_parent="div")
    assert not list(fragment.iter("iframe", "b"))  # … so the text must arrive escaped: no element in it
    assert html.unescape(entry.summary) == IFRAME_DESCRIPTION


def test_markup_in_a_meta_description_is_atom_and_json_text(crawled):
    _, _, out, _ = crawled
    entry = _entry(out, "atom", HOSTILE_TEXT)
    assert entry.summary_detail.type == "text/plain" and entry.summary == IFRAME_DESCRIPTION
    assert feed_item(out, HOSTILE_TEXT)["summary"] == IFRAME_DESCRIPTION


def _entry(out, kind: str, page: str):
    parsed = feedparser.parse((out / kind / f"{SOURCE_ID}.xml").read_bytes())
    return next(e for e in parsed.entries if e.link.endswith("/" + page))


def test_every_xml_feed_parses_cleanly_with_every_article(crawled):
    _, _, out, _ = crawled
    for kind in ("rss", "atom"):
        for path in sorted((out / kind).glob("*.xml")):
            parsed = feedparser.parse(path.read_bytes())
            assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    for kind in ("rss", "atom"):
        parsed = feedparser.parse((out / kind / f"{SOURCE_ID}.xml").read_bytes())
        assert len(parsed.entries) == ARTICLES_ON_SITE


def test_every_json_feed_passes_the_schemas(crawled):
    _, _, out, _ = crawled
    schemas = [json.loads(resources.files("tintuc_feed").joinpath("schemas", "jsonfeed-item.schema.json")
                          .read_text("utf-8"))]
    if JSONFEED_SCHEMA.exists():
        schemas.append(json.loads(JSONFEED_SCHEMA.read_text("utf-8")))
    for path in sorted((out / "json").glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        for schema in schemas:
            jsonschema.validate(document, schema)
    assert len(json.loads((out / "json" / f"{SOURCE_ID}.json").read_text("utf-8"))["items"]) == ARTICLES_ON_SITE


def test_pages_without_faults_are_stored_exactly_as_before(crawled):
    _, db, out, base = crawled
    seed = stored(db, SEED)
    assert seed["title"] == SEED_TITLE and seed["published"] == "2023-06-02T00:00:00+07:00"
    assert [a["name"] for a in json.loads(seed["authors"])] == ["Minh Quỳnh", "Bá Hiển", "Quang Khải"]
    assert stored(db, UNTOUCHED)["url"] == base + UNTOUCHED
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert status["left_out"] == [] and status["sources"][0]["left_out"] == 0

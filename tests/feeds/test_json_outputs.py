"""JSON Feed 1.1 and articles.jsonl: against the project's schemas and the official JSON Feed schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from feeds.feedfixtures import JSONFEED_SCHEMA, load_schema, validate
from tintuc_feed.feeds.jsonfeed import json_feed_item
from tintuc_feed.notices.outputs import FEEDS as NOTICE_FEEDS


def _json(out, feed_id):
    return json.loads((out / "json" / f"{feed_id}.json").read_text("utf-8"))


def _records(out):
    return [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]


def test_every_json_feed_matches_the_project_schema(published):
    out, _ = published
    schema = load_schema("jsonfeed-item.schema.json")
    files = sorted((out / "json").glob("*.json"))
    assert len(files) == 8 + len(NOTICE_FEEDS)  # and one per notice kind
    for path in files:
        validate(json.loads(path.read_text("utf-8")), schema)


def test_every_json_feed_matches_the_official_json_feed_schema(published):
    out, _ = published
    schema = json.loads(JSONFEED_SCHEMA.read_text("utf-8"))
    for path in sorted((out / "json").glob("*.json")):
        validate(json.loads(path.read_text("utf-8")), schema)


def test_project_schema_rejects_what_it_should(published):
    out, _ = published
    schema = load_schema("jsonfeed-item.schema.json")
    document = _json(out, "lam-dong")
    broken = json.loads(json.dumps(document))
    broken["items"][0]["date_published"] = "2025-07-03 09:30:00"  # no T, no offset
    with pytest.raises(jsonschema.ValidationError):
        validate(broken, schema)
    del document["items"][0]["_tintuc"]["source"]
    with pytest.raises(jsonschema.ValidationError):
        validate(document, schema)


def test_feed_document_fields(published):
    out, _ = published
    document = _json(out, "lam-dong")
    assert next(iter(document)) == "version"
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["home_page_url"] == "https://congan.lamdong.gov.vn/"
    assert document["feed_url"] == "http://127.0.0.1:8080/json/lam-dong.json"
    assert document["language"] == "vi"


def test_item_fields_and_extension(published):
    out, _ = published
    item = _json(out, "dak-nong")["items"][0]
    assert item["id"] == item["url"] == "https://congan.daknong.gov.vn/tin-tuc/bai-3.html"
    assert item["date_published"] == "2025-07-01T07:30:00+07:00"
    assert item["date_modified"] == "2025-07-01T08:30:00+07:00"
    assert item["authors"] == [{"name": "Minh Quỳnh"}, {"name": "Bá Hiển"}]
    assert item["tags"] == ["An ninh trật tự"]
    assert "<figcaption>" in item["content_html"]
    assert item["_tintuc"] == {
        "source": "dak-nong", "province": "Lâm Đồng", "former_province": "Đắk Nông",
        "canonical_url": "https://congan.daknong.gov.vn/tin-tuc/bai-3.html", "also_published_at": [],
        "byline_raw": "PV Minh Quỳnh", "date_raw": "01/07/2025 07:30", "date_precision": "datetime",
        "first_seen": "2025-07-01T07:35:00+07:00", "credits": ["Ảnh: Bá Hiển"],
    }


def test_undated_item_has_no_date_published(articles):
    """No date on the page: no date_published (JSON Feed allows none), precision "none", first_seen kept."""
    import dataclasses

    undated = dataclasses.replace(articles[0], article=dataclasses.replace(
        articles[0].article, published=None, published_raw=None, date_precision=None))
    item = json_feed_item(undated)
    assert "date_published" not in item
    assert item["_tintuc"]["date_precision"] == "none"
    assert item["_tintuc"]["first_seen"] == undated.first_seen.isoformat(timespec="seconds")
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "t", "home_page_url": "https://a.vn/",
                "feed_url": "https://a.vn/f.json", "language": "vi", "items": [item]}
    validate(document, load_schema("jsonfeed-item.schema.json"))
    if JSONFEED_SCHEMA.exists():  # the official schema sits in ../shared beside a clone (as in CI)
        validate(document, json.loads(JSONFEED_SCHEMA.read_text("utf-8")))


def test_item_without_html_falls_back_to_text(articles):
    import dataclasses

    bare = dataclasses.replace(articles[0], article=dataclasses.replace(articles[0].article, content_html=""))
    item = json_feed_item(bare)
    assert "content_html" not in item and item["content_text"]
    validate({"version": "https://jsonfeed.org/version/1.1", "title": "t", "home_page_url": "https://a.vn/",
              "feed_url": "https://a.vn/f.json", "language": "vi", "items": [item]},
             load_schema("jsonfeed-item.schema.json"))


def test_json_is_readable_utf8(published):
    out, _ = published
    raw = (out / "json/lam-dong.json").read_bytes()
    assert "Triệt phá".encode() in raw and b"\\u" not in raw


def test_articles_jsonl_has_every_article_and_matches_its_schema(published, articles):
    out, _ = published
    records = _records(out)
    assert len(records) == len(articles)
    schema = load_schema("article-record.schema.json")
    for record in records:
        validate(record, schema)
    first = records[0]
    assert first["title"] == "Triệt phá đường dây mua bán ma túy xuyên tỉnh"
    assert first["title_raw"] == "  Triệt phá đường dây mua bán ma túy xuyên tỉnh "
    assert first["authors"] == [{"name": "Minh Quỳnh", "name_raw": "PV Minh Quỳnh", "affiliation": None}]
    assert first["published"] == "2025-07-03T09:30:00+07:00"
    assert "\n\n" in first["content_text"]


def test_record_schema_requires_every_documented_field(published):
    out, _ = published
    record = _records(out)[0]
    schema = load_schema("article-record.schema.json")
    assert set(schema["required"]) == set(record)
    del record["guid"]
    with pytest.raises(jsonschema.ValidationError):
        validate(record, schema)


def test_merged_item_links_the_other_copies_in_its_html(articles):
    import dataclasses

    copies = ("https://bocongan.gov.vn/bai-viet/ban-tin-1783311539", "https://cand.com.vn/Ban-tin-113/ban-tin-i760722/")
    merged = dataclasses.replace(articles[0], also_published_at=copies)
    html = json_feed_item(merged)["content_html"]
    assert html.startswith(articles[0].article.content_html)
    assert '<a href="https://bocongan.gov.vn/bai-viet/ban-tin-1783311539">bocongan.gov.vn</a>' in html
    assert '<a href="https://cand.com.vn/Ban-tin-113/ban-tin-i760722/">cand.com.vn</a>' in html
    assert json_feed_item(articles[0])["content_html"] == articles[0].article.content_html  # no copies, no note

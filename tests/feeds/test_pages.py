"""feeds.opml, index.html, status.json and the health feed."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

import feedparser
import lxml.html
from lxml import etree

from feeds.feedfixtures import BASE_URL, SOURCES, VN, make_health
from tintuc_feed.feeds import publish
from tintuc_feed.feeds.health import health_guid
from tintuc_feed.model import SourceHealth


def test_opml_lists_every_feed_grouped_by_province(published):
    out, report = published
    root = etree.fromstring((out / "feeds.opml").read_bytes())
    assert root.get("version") == "2.0" and root.findtext("head/title")
    groups = {g.get("text"): [o.get("xmlUrl") for o in g.iter("outline") if o is not g] for g in root.find("body")}
    assert list(groups) == ["Tổng hợp", "Hà Nội", "Lâm Đồng"]
    assert groups["Lâm Đồng"][0] == BASE_URL + "rss/province-lam-dong.xml"  # the province's own feed first
    assert set(groups["Lâm Đồng"]) == {BASE_URL + f"rss/{i}.xml" for i in ("province-lam-dong", "lam-dong",
                                                                            "dak-nong")}
    outlines = [o for o in root.iter("outline") if o.get("type")]
    assert len(outlines) == len(report.feeds)
    for outline in outlines:
        assert outline.get("type") == "rss" and outline.get("text") and outline.get("htmlUrl").startswith("http")
        assert (out / outline.get("xmlUrl").removeprefix(BASE_URL)).is_file()


def test_index_page_links_to_every_feed_and_shows_health(published):
    out, report = published
    page = lxml.html.fromstring((out / "index.html").read_bytes())
    hrefs = {a.get("href") for a in page.iter("a")}
    for feed_id in report.feeds:
        for path in (f"rss/{feed_id}.xml", f"atom/{feed_id}.xml", f"json/{feed_id}.json"):
            assert BASE_URL + path in hrefs
    row = page.get_element_by_id("source-dak-nong")
    text = row.text_content()
    assert "4 lần thu thập lỗi liên tiếp" in text and "HTTP 503 <gateway>" in text
    assert "30/06/2025" in text  # last success
    assert "Triệt phá đường dây mua bán ma túy xuyên tỉnh" in page.text_content()  # headlines
    assert not page.xpath("//script")


def test_index_page_escapes_site_text(published):
    out, _ = published
    raw = (out / "index.html").read_text("utf-8")
    assert "<gateway>" not in raw and "&lt;gateway&gt;" in raw
    assert "<b>tại</b>" not in raw and "&lt;b&gt;tại&lt;/b&gt;" in raw


def test_status_json(published):
    out, _ = published
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert status["generated_at"] == "2025-07-03T10:30:00+07:00"  # from the data, not the clock
    assert status["flagged"] == 1
    by_id = {s["id"]: s for s in status["sources"]}
    assert set(by_id) == {"lam-dong", "dak-nong", "ha-noi"}
    assert by_id["dak-nong"]["consecutive_failures"] == 4
    assert by_id["dak-nong"]["last_success"] == "2025-06-30T10:00:00+07:00"
    assert by_id["ha-noi"]["known"] is False and by_id["ha-noi"]["last_success"] is None


def test_health_feed_has_one_item_per_flagged_source(published):
    out, _ = published
    parsed = feedparser.parse((out / "rss/health.xml").read_bytes())
    assert parsed.bozo == 0
    assert [e.title for e in parsed.entries] == ["Công an tỉnh Đắk Nông (cũ): 4 lần thu thập lỗi liên tiếp"]
    assert json.loads((out / "json/health.json").read_text("utf-8"))["items"][0]["id"].startswith("urn:")


def test_health_guid_is_stable_while_the_same_problem_goes_on():
    first = make_health()["dak-nong"]
    later = dataclasses.replace(first, consecutive_failures=9, last_attempt=datetime(2025, 7, 5, tzinfo=VN),
                                last_error="timeout")
    assert health_guid(later) == health_guid(first)
    assert health_guid(dataclasses.replace(first, flagged="không có bài mới 7 ngày")) != health_guid(first)
    recovered_then_failed = dataclasses.replace(first, last_success=datetime(2025, 7, 4, tzinfo=VN))
    assert health_guid(recovered_then_failed) != health_guid(first)
    assert health_guid(dataclasses.replace(first, source_id="lam-dong")) != health_guid(first)


def test_health_feed_does_not_change_while_a_failure_goes_on(tmp_path, articles):
    health = make_health()
    publish(tmp_path, SOURCES, articles, health, base_url=BASE_URL)
    before = (tmp_path / "atom/health.xml").read_bytes()
    health["dak-nong"] = dataclasses.replace(health["dak-nong"], consecutive_failures=5,
                                             last_attempt=datetime(2025, 7, 3, 11, tzinfo=VN))
    report = publish(tmp_path, SOURCES, articles, health, base_url=BASE_URL)
    assert "atom/health.xml" in report.unchanged
    assert (tmp_path / "atom/health.xml").read_bytes() == before
    assert "status.json" in report.written  # the count is still reported where it belongs


def test_no_flagged_source_gives_an_empty_valid_health_feed(tmp_path, articles):
    health = {"lam-dong": SourceHealth("lam-dong", last_success=datetime(2025, 7, 3, tzinfo=VN))}
    publish(tmp_path, SOURCES, articles, health, base_url=BASE_URL)
    parsed = feedparser.parse((tmp_path / "atom/health.xml").read_bytes())
    assert parsed.bozo == 0 and parsed.entries == []

"""RSS 2.0 and Atom 1.0: read back with feedparser and lxml, one validator rule per test."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from feeds.feedfixtures import BASE_URL, HA_NOI, LAM_DONG, SOURCES, stored
from tintuc_feed.feeds import publish
from tintuc_feed.notices.outputs import FEEDS as NOTICE_FEEDS

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _rss(out, feed_id="lam-dong"):
    return etree.fromstring((out / "rss" / f"{feed_id}.xml").read_bytes())


def _atom(out, feed_id="lam-dong"):
    return etree.fromstring((out / "atom" / f"{feed_id}.xml").read_bytes())


def _xml_files(out):
    return sorted([*(out / "rss").glob("*.xml"), *(out / "atom").glob("*.xml")])


def test_feedparser_reads_every_file_without_complaint(published):
    out, _ = published
    files = _xml_files(out)
    assert len(files) == 16 + 2 * len(NOTICE_FEEDS)  # and the notice feeds
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path.name, parsed.get("bozo_exception"))
        assert parsed.version in ("rss20", "atom10"), path.name


def test_guid_is_permalink_only_when_it_is_the_url(published):
    out, _ = published
    guids = {item.findtext("link"): item.find("guid") for item in _rss(out).iter("item")}
    permalink = guids["https://congan.lamdong.gov.vn/tin-tuc/bai-1.html"]
    assert permalink.text == "https://congan.lamdong.gov.vn/tin-tuc/bai-1.html"
    assert permalink.get("isPermaLink") == "true"
    opaque = guids["https://congan.lamdong.gov.vn/tin-tuc/bai-2.html"]
    assert opaque.text == "urn:tintuc:lam-dong:2" and opaque.get("isPermaLink") == "false"


def test_pub_dates_are_rfc822_in_vietnam_time_with_matching_weekday(published):
    out, _ = published
    dates = [e.text for e in _rss(out, "all").iter("pubDate", "lastBuildDate")]
    assert len(dates) == 6
    for text in dates:
        assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700", text)
        moment = parsedate_to_datetime(text)
        assert WEEKDAYS[moment.weekday()] == text[:3]
    assert dates[1] == "Thu, 03 Jul 2025 09:30:00 +0700"  # the newest item first


def test_last_build_date_is_the_newest_update_not_now(published):
    out, _ = published
    assert _rss(out, "all").findtext("channel/lastBuildDate") == "Thu, 03 Jul 2025 10:30:00 +0700"
    assert _atom(out, "all").findtext(f"{ATOM}updated") == "2025-07-03T10:30:00+07:00"


def test_channel_link_is_the_site_and_self_link_is_the_feed(published):
    out, _ = published
    channel = _rss(out, "ha-noi").find("channel")
    assert channel.findtext("link") == "https://congan.hanoi.gov.vn/"
    self_links = [e.get("href") for e in channel.findall(f"{ATOM}link") if e.get("rel") == "self"]
    assert self_links == [BASE_URL + "rss/ha-noi.xml"]
    feed = _atom(out, "ha-noi")
    links = {e.get("rel"): e.get("href") for e in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": "https://congan.hanoi.gov.vn/", "self": BASE_URL + "atom/ha-noi.xml"}


def test_every_link_is_absolute(published):
    out, _ = published
    for path in _xml_files(out):
        root = etree.fromstring(path.read_bytes())
        urls = [e.text for e in root.iter("link", "guid") if e.get("isPermaLink") != "false"]
        urls += [e.get("href") for e in root.iter(f"{ATOM}link")] + [e.get("url") for e in root.iter("enclosure")]
        for url in urls:
            parts = urlsplit(url)
            assert parts.scheme in ("http", "https") and parts.netloc, (path.name, url)


def test_atom_entries_have_id_title_updated_published_author_and_alternate_link(published):
    out, _ = published
    entries = _atom(out, "all").findall(f"{ATOM}entry")
    assert len(entries) == 5
    for entry in entries:
        assert re.match(r"^[a-z][a-z0-9+.-]*:", entry.findtext(f"{ATOM}id"))
        assert entry.findtext(f"{ATOM}title")
        for name in ("updated", "published"):
            datetime.fromisoformat(entry.findtext(f"{ATOM}{name}"))
            assert entry.findtext(f"{ATOM}{name}").endswith("+07:00")
        rels = [link.get("rel") for link in entry.findall(f"{ATOM}link")]
        assert rels.count("alternate") == 1
        assert entry.find(f"{ATOM}content").get("type") == "html"
    # Atom needs an author on the feed or on every entry: the Hà Nội article has no byline.
    assert _atom(out, "all").findtext(f"{ATOM}author/{ATOM}name")


def test_atom_entry_updated_is_the_stored_updated_time(published):
    out, _ = published
    entry = _atom(out).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}published") == "2025-07-03T09:30:00+07:00"
    assert entry.findtext(f"{ATOM}updated") == "2025-07-03T10:30:00+07:00"


def test_authors_as_dc_creator_in_rss_and_names_in_atom(published):
    out, _ = published
    item = _rss(out, "dak-nong").find("channel/item")
    assert [e.text for e in item.findall(f"{DC}creator")] == ["Minh Quỳnh", "Bá Hiển"]
    assert item.find("author") is None  # RSS <author> must be an email; we have none
    entry = _atom(out, "dak-nong").find(f"{ATOM}entry")
    assert [e.text for e in entry.iterfind(f"{ATOM}author/{ATOM}name")] == ["Minh Quỳnh", "Bá Hiển"]
    parsed = feedparser.parse((out / "rss/dak-nong.xml").read_bytes())
    assert [a["name"] for a in parsed.entries[0].authors] == ["Minh Quỳnh", "Bá Hiển"]


def test_lead_image_is_an_enclosure(published):
    out, _ = published
    item = _rss(out).find("channel/item")
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == "https://congan.lamdong.gov.vn/uploads/ma-tuy.jpg"
    assert enclosure.get("type") == "image/jpeg" and enclosure.get("length") == "0"
    entry = _atom(out).find(f"{ATOM}entry")
    links = [(e.get("rel"), e.get("href")) for e in entry.findall(f"{ATOM}link")]
    assert ("enclosure", "https://congan.lamdong.gov.vn/uploads/ma-tuy.jpg") in links


def test_content_encoded_holds_the_sanitized_html(published):
    out, _ = published
    item = _rss(out).find("channel/item")
    html = item.findtext(f"{CONTENT}encoded")
    assert "<figcaption>" in html and "Toàn cảnh Hội nghị" in html
    assert 'src="https://congan.lamdong.gov.vn/uploads/2023/06/hoi-nghi.jpg"' in html
    assert "<script" not in html and "onclick" not in html and "style=" not in html
    assert item.findtext("description") == "Tóm tắt: Triệt phá đường dây mua bán ma túy xuyên tỉnh"


def test_vietnamese_stays_readable_utf8_not_entities(published):
    out, _ = published
    raw = (out / "rss/lam-dong.xml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "Triệt phá đường dây mua bán ma túy".encode() in raw
    assert b"&#" not in raw


def test_markup_in_titles_is_escaped_not_interpreted(published):
    out, _ = published
    parsed = feedparser.parse((out / "atom/ha-noi.xml").read_bytes())
    titles = [e.title for e in parsed.entries]
    assert "Hà Nội: bắt đối tượng trộm cắp xe máy <b>tại</b> Cầu Giấy & Đống Đa" in titles


@pytest.mark.parametrize("bad", ["\x00", "\x0b", "\x1f", "\ufffe"])
def test_xml_illegal_characters_are_removed(tmp_path, bad):
    item = stored(7, LAM_DONG, f"Tin{bad} có ký tự lạ", day=2, body=f"<p>Nội{bad} dung</p>")
    article = dataclasses.replace(item.article, summary=f"Tóm{bad} tắt")
    publish(tmp_path, SOURCES, [dataclasses.replace(item, article=article)], {}, base_url=BASE_URL)
    for path in _xml_files(tmp_path):
        data = path.read_bytes()
        assert bad.encode("utf-8") not in data
        assert feedparser.parse(data).bozo == 0
    assert feedparser.parse((tmp_path / "rss/lam-dong.xml").read_bytes()).entries[0].title == "Tin có ký tự lạ"


def test_article_without_date_gets_no_invented_date(tmp_path):
    """A page that gave no date has no pubDate / <published> (the crawl time is not its date); it sorts by first seen."""
    undated = stored(8, HA_NOI, "Tin không có ngày", day=2)
    undated = dataclasses.replace(undated, article=dataclasses.replace(undated.article, published=None,
                                                                       date_precision=None))
    older, newer = stored(9, HA_NOI, "Tin ngày 1", day=1), stored(10, HA_NOI, "Tin ngày 3", day=3)
    publish(tmp_path, SOURCES, [older, undated, newer], {}, base_url=BASE_URL)
    items = list(_rss(tmp_path, "ha-noi").iter("item"))
    assert [i.findtext("title") for i in items] == ["Tin ngày 3", "Tin không có ngày", "Tin ngày 1"]
    assert items[1].find("pubDate") is None and items[0].find("pubDate") is not None
    entries = list(_atom(tmp_path, "ha-noi").iter(f"{ATOM}entry"))
    assert entries[1].find(f"{ATOM}published") is None and entries[1].find(f"{ATOM}updated") is not None
    parsed = feedparser.parse((tmp_path / "rss/ha-noi.xml").read_bytes())
    assert parsed.bozo == 0 and "published" not in parsed.entries[1]

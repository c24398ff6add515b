"""publish(): which files, which items in which feed, byte-stable and atomic rewrites."""

from __future__ import annotations

import dataclasses
import json
import os

import feedparser
import pytest

from feeds.feedfixtures import BASE_URL, DAK_NONG, HA_NOI, LAM_DONG, SOURCES, TOPICS, make_articles, make_health, stored
from tintuc_feed.feeds import publish
from tintuc_feed.feeds.common import slugify
from tintuc_feed.notices.outputs import FEEDS as NOTICE_FEEDS
from tintuc_feed.sources import Source

FEED_IDS = ("all", "health", "lam-dong", "dak-nong", "ha-noi", "province-lam-dong", "province-ha-noi",
            "topic-ma-tuy")


def _titles(out, feed_id: str) -> list[str]:
    return [e.title for e in feedparser.parse((out / "rss" / f"{feed_id}.xml").read_bytes()).entries]


def _json_ids(out, feed_id: str) -> list[str]:
    return [item["id"] for item in json.loads((out / "json" / f"{feed_id}.json").read_text("utf-8"))["items"]]


def test_writes_every_expected_file(published):
    out, report = published
    expected = {f"{fmt}/{fid}.{ext}" for fid in FEED_IDS for fmt, ext in (("rss", "xml"), ("atom", "xml"),
                                                                          ("json", "json"))}
    expected |= {"articles.jsonl", "feeds.opml", "index.html", "status.json"}
    expected |= {f"{fmt}/{fid}.{ext}" for fid in NOTICE_FEEDS for fmt, ext in (("rss", "xml"), ("atom", "xml"),
                                                                             ("json", "json"))}
    expected |= {"notices/wanted.json", "notices/fraud.json", "notices/appeals.json", "notices/fraud-indicators.csv"}
    assert set(report.written) == expected
    assert report.unchanged == ()
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert on_disk == expected  # no temporary files left behind


def test_second_build_is_byte_identical_and_rewrites_nothing(published, articles, health):
    out, first = published
    before = {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in first.written}
    report = publish(out, SOURCES, make_articles(), make_health(), base_url=BASE_URL, topics=TOPICS)
    assert report.written == ()
    assert set(report.unchanged) == set(first.written)
    for name, (data, mtime) in before.items():
        assert (out / name).read_bytes() == data
        assert (out / name).stat().st_mtime_ns == mtime


def test_changed_article_rewrites_only_the_feeds_it_is_in(published, health):
    out, _ = published
    articles = make_articles()
    changed = articles[3]  # Hà Nội, not about drugs
    article = dataclasses.replace(changed.article, title="Hà Nội: cập nhật vụ trộm cắp xe máy")
    articles[3] = dataclasses.replace(changed, article=article, updated=changed.updated.replace(hour=23))
    report = publish(out, SOURCES, articles, health, base_url=BASE_URL, topics=TOPICS)
    rewritten = {name for name in report.written if name.startswith(("rss/", "atom/", "json/"))}
    assert rewritten == {f"{fmt}/{fid}.{ext}" for fid in ("all", "ha-noi", "province-ha-noi")
                         for fmt, ext in (("rss", "xml"), ("atom", "xml"), ("json", "json"))}
    assert "rss/lam-dong.xml" in report.unchanged


def test_items_are_newest_first(published):
    out, _ = published
    assert _titles(out, "lam-dong") == [
        "Triệt phá đường dây mua bán ma túy xuyên tỉnh",
        "Công an Lâm Đồng tuyên truyền phòng chống ma túy trong trường học",
    ]
    dates = [item["date_published"] for item in json.loads((out / "json/all.json").read_text("utf-8"))["items"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5


def test_order_does_not_depend_on_input_order(tmp_path, health):
    forward = publish(tmp_path / "a", SOURCES, make_articles(), health, base_url=BASE_URL)
    publish(tmp_path / "b", SOURCES, list(reversed(make_articles())), health, base_url=BASE_URL)
    for name in forward.written:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_item_limit(tmp_path, health):
    many = [stored(100 + i, LAM_DONG, f"Tin số {i}", day=1 + i % 28, hour=i % 24) for i in range(40)]
    publish(tmp_path, SOURCES, many, health, base_url=BASE_URL, item_limit=7)
    assert len(_json_ids(tmp_path, "lam-dong")) == 7
    assert len(_json_ids(tmp_path, "all")) == 7
    assert len((tmp_path / "articles.jsonl").read_text("utf-8").splitlines()) == 40  # the archive is complete


def test_all_feed_uses_merged_all_when_given(tmp_path, articles, health):
    merged = [a for a in articles if a.article.source_id != "dak-nong"]
    publish(tmp_path, SOURCES, articles, health, base_url=BASE_URL, merged_all=merged)
    assert len(_json_ids(tmp_path, "all")) == 4
    assert len(_json_ids(tmp_path, "dak-nong")) == 1  # per-source feeds still have every article


def test_province_feed_groups_by_current_province(published):
    out, _ = published
    titles = _titles(out, "province-lam-dong")
    assert "Xây dựng lực lượng Công an tỉnh Đắk Nông trong sạch, vững mạnh" in titles  # former Đắk Nông
    assert len(titles) == 3
    assert len(_titles(out, "province-ha-noi")) == 2
    assert not (out / "rss" / "province-dak-nong.xml").exists()


def test_province_feed_follows_article_province_not_source(tmp_path, health):
    item = stored(9, HA_NOI, "Phối hợp bắt đối tượng truy nã tại Lâm Đồng", day=2)
    item = dataclasses.replace(item, article=dataclasses.replace(item.article, province="Lâm Đồng"))
    publish(tmp_path, SOURCES, [item], health, base_url=BASE_URL)
    assert _titles(tmp_path, "province-lam-dong") == ["Phối hợp bắt đối tượng truy nã tại Lâm Đồng"]
    assert _titles(tmp_path, "province-ha-noi") == []


@pytest.mark.parametrize("name, slug", [("Lâm Đồng", "lam-dong"), ("Đắk Lắk", "dak-lak"), ("Hà Nội", "ha-noi"),
                                        ("Thành phố Hồ Chí Minh", "thanh-pho-ho-chi-minh"), ("Bà Rịa–Vũng Tàu",
                                                                                             "ba-ria-vung-tau")])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_topic_feed_matches_folded_keywords_and_excludes(published):
    out, _ = published
    assert _titles(out, "topic-ma-tuy") == [
        "Triệt phá đường dây mua bán ma túy xuyên tỉnh",
        "Bắt giữ 3 đối tượng vận chuyển Ma Tuý tổng hợp",  # other tone placement, other case
    ]  # the "tuyên truyền" article is excluded


def test_source_id_that_would_overwrite_a_merged_feed_is_refused(tmp_path, articles, health):
    clash = Source(id="all", name="X", list_urls=("https://x.gov.vn/",), article_url_pattern=".")
    with pytest.raises(ValueError, match="reserved"):
        publish(tmp_path, (*SOURCES, clash), articles, health, base_url=BASE_URL)


def test_failed_write_leaves_the_previous_file_whole(published, monkeypatch):
    out, _ = published
    before = (out / "rss/all.xml").read_bytes()
    articles = make_articles()[:2]

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        publish(out, SOURCES, articles, make_health(), base_url=BASE_URL)
    assert (out / "rss/all.xml").read_bytes() == before
    assert not [p for p in out.rglob(".*.tmp")]


def test_sources_without_articles_still_get_valid_empty_feeds(tmp_path):
    publish(tmp_path, (DAK_NONG,), [], {}, base_url=BASE_URL)
    parsed = feedparser.parse((tmp_path / "atom/dak-nong.xml").read_bytes())
    assert parsed.bozo == 0 and parsed.entries == []
    assert parsed.feed.updated  # Atom requires it, and it must not be "now"
    again = tmp_path / "again"
    publish(again, (DAK_NONG,), [], {}, base_url=BASE_URL)
    assert (again / "atom/dak-nong.xml").read_bytes() == (tmp_path / "atom/dak-nong.xml").read_bytes()

"""Upsert identity: one article per URL identity, one GUID forever, revisions on edits."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from tintuc_feed.model import Author
from tintuc_feed.store import Store, guid_for

from .conftest import NOW, TZ, make_article


def total_changes(store: Store) -> int:
    return store._db.total_changes


def test_first_upsert_is_new_with_tag_guid(store):
    result = store.upsert(make_article(), now=NOW)
    assert result.status == "new"
    assert result.guid == "tag:tintuc-feed,2025:cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722"
    assert result.guid == guid_for("cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722")
    assert result.guid.isascii() and "#" not in result.guid


def test_second_identical_upsert_is_unchanged_and_writes_nothing(store):
    store.upsert(make_article(), now=NOW)
    before = total_changes(store)
    result = store.upsert(make_article(), now=NOW + timedelta(hours=1))
    assert result.status == "unchanged"
    assert total_changes(store) == before
    assert store.count("articles") == 1 and store.count("revisions") == 0


@pytest.mark.parametrize(
    "variant",
    [
        "http://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/",
        "https://www.cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/",
        "https://amp.cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722",
        "https://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/?utm_source=zalo&zarsrc=30",
        "https://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/#comments",
    ],
)
def test_url_variants_are_one_article_with_one_guid(store, variant):
    first = store.upsert(make_article(), now=NOW)
    again = store.upsert(make_article(url=variant), now=NOW + timedelta(days=1))
    assert again.guid == first.guid
    assert again.status == "unchanged"
    assert store.count("articles") == 1
    assert store.has_url(variant)


def test_all_variants_in_sequence_keep_one_guid(store):
    guids = {
        store.upsert(make_article(url=url), now=NOW).guid
        for url in [
            "http://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/",
            "https://amp.cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722",
            "https://www.cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/?fbclid=1",
        ]
    }
    assert len(guids) == 1 and store.count("articles") == 1


def test_alias_from_another_path_finds_the_article(store):
    old = "https://cand.com.vn/Phong-su/bat-doi-tuong-358538/"
    first = store.upsert(make_article(), now=NOW, aliases=[old])
    moved = store.upsert(make_article(url=old), now=NOW)
    assert moved.guid == first.guid and store.count("articles") == 1


def test_edited_body_is_updated_with_revision_and_same_guid(store):
    first = store.upsert(make_article(), now=NOW)
    later = NOW + timedelta(hours=3)
    edited = make_article(content_text=make_article().content_text + "\n\nVụ việc đang được điều tra mở rộng.")
    result = store.upsert(edited, now=later)
    assert result == dataclasses.replace(result, status="updated", guid=first.guid)
    [stored] = store.articles()
    assert stored.guid == first.guid
    assert stored.updated == later and stored.first_seen == NOW
    assert stored.article.content_text.endswith("mở rộng.")
    [previous] = store.revisions(first.guid)
    assert previous.content_text == make_article().content_text
    assert store.upsert(edited, now=later + timedelta(hours=1)).status == "unchanged"
    assert store.count("revisions") == 1


def test_edited_title_is_updated(store):
    first = store.upsert(make_article(), now=NOW)
    result = store.upsert(make_article(title="Bắt giữ đối tượng lừa đảo 500 triệu"), now=NOW + timedelta(hours=1))
    assert (result.status, result.guid) == ("updated", first.guid)


def test_metadata_change_refreshes_without_revision(store):
    store.upsert(make_article(), now=NOW)
    result = store.upsert(make_article(image="https://img.cand.com.vn/a.jpg"), now=NOW + timedelta(hours=1))
    assert result.status == "unchanged"
    [stored] = store.articles()
    assert stored.article.image == "https://img.cand.com.vn/a.jpg"
    assert stored.updated == NOW and store.count("revisions") == 0


def test_values_not_found_again_are_kept(store):
    store.upsert(make_article(), now=NOW)
    store.upsert(make_article(published=None, published_raw=None, summary="Tóm tắt"), now=NOW)
    [stored] = store.articles()
    assert stored.article.published == make_article().published
    assert stored.article.summary == "Tóm tắt"


def test_round_trip_keeps_every_field(store):
    article = make_article(
        authors=(Author("Minh Quỳnh", "Minh Quỳnh", "Công an Thanh Hóa"), Author("Bá Hiển", "Bá Hiển")),
        modified=datetime(2025, 7, 9, 8, 0, tzinfo=TZ),
        summary="Sapo",
        origin="CAND",
        former_province="Hà Tĩnh",
        fetched_url="https://amp.cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722",
        fetched_at=NOW,
    )
    store.upsert(article, now=NOW)
    [stored] = store.articles()
    assert stored.article == article


def test_datetimes_stored_with_offset_and_read_back_aware(store):
    utc = datetime(2025, 7, 9, 7, 19, tzinfo=UTC)
    store.upsert(make_article(published=utc), now=NOW)
    raw = store._db.execute("SELECT published, first_seen FROM articles").fetchone()
    assert tuple(raw) == ("2025-07-09T14:19:00+07:00", "2025-07-10T08:00:00+07:00")
    [stored] = store.articles()
    assert stored.article.published == utc and stored.article.published.tzinfo.key == "Asia/Ho_Chi_Minh"


def test_naive_datetime_refused_and_nothing_written(store):
    with pytest.raises(ValueError, match="naive"):
        store.upsert(make_article(published=datetime(2025, 7, 9, 14, 19)), now=NOW)
    assert store.count("articles") == 0 and store.count("aliases") == 0


def test_known_urls_and_has_url(store):
    store.upsert(make_article(), now=NOW, aliases=["https://amp.cand.com.vn/x/y-i760722"])
    store.upsert(make_article(url="https://bocongan.gov.vn/bai-viet/a-1783311539", source_id="bocongan"), now=NOW)
    assert store.known_urls("cand") == {
        "cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722",
        "cand.com.vn/x/y-i760722",
    }
    assert store.known_urls("bocongan") == {"bocongan.gov.vn/bai-viet/a-1783311539"}
    assert store.has_url("http://www.bocongan.gov.vn/bai-viet/a-1783311539?utm_source=zalo")
    assert not store.has_url("https://bocongan.gov.vn/bai-viet/b-1783311540")


def test_articles_newest_first_undated_by_first_seen(store):
    day = timedelta(days=1)
    store.upsert(make_article(url="https://x.gov.vn/a", published=NOW - 3 * day), now=NOW)
    store.upsert(make_article(url="https://x.gov.vn/b", published=None), now=NOW - 2 * day)
    store.upsert(make_article(url="https://x.gov.vn/c", published=NOW - 1 * day, province="Hà Nội"), now=NOW)
    assert [a.article.url for a in store.articles()] == [
        "https://x.gov.vn/c",
        "https://x.gov.vn/b",
        "https://x.gov.vn/a",
    ]
    assert [a.article.url for a in store.articles(limit=1)] == ["https://x.gov.vn/c"]
    assert [a.article.url for a in store.articles(province="Hà Nội")] == ["https://x.gov.vn/c"]
    assert store.articles(source_id="nope") == []


def test_store_reopens_with_data(store_location):
    with Store(store_location) as s:
        guid = s.upsert(make_article(), now=NOW).guid
    with Store(store_location) as s:
        assert s.upsert(make_article(), now=NOW).status == "unchanged"
        assert s.articles()[0].guid == guid


def test_none_and_empty_aliases_ignored(store):
    result = store.upsert(make_article(), now=NOW, aliases=[None, "", make_article().url])
    assert result.status == "new" and store.count("aliases") == 1

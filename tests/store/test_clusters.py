"""Cross-site story clusters at upsert time, and the merged `all` view."""

from __future__ import annotations

from datetime import timedelta

from tintuc_feed.store import Store

from .conftest import BODY, NOW, make_article

LONG = (BODY + "\n\n") * 1 + (
    "Theo cơ quan điều tra, từ tháng 3 đến tháng 6 năm nay, đối tượng lập nhiều tài khoản mạng xã hội giả danh "
    "nhân viên một công ty tài chính, đăng quảng cáo cho vay tiền lãi suất thấp, thủ tục nhanh gọn. Khi có người "
    "liên hệ, đối tượng yêu cầu nộp phí bảo hiểm khoản vay vào tài khoản do mình cung cấp rồi cắt đứt liên lạc."
)
OTHER = (
    "Sáng 10/7, Phòng Cảnh sát giao thông Công an tỉnh Nghệ An tổ chức ra quân tổng kiểm soát phương tiện trên "
    "quốc lộ 1A, tập trung xử lý xe chở quá tải trọng, vi phạm nồng độ cồn và chạy quá tốc độ. Trong ngày đầu, "
    "các tổ công tác đã lập biên bản 46 trường hợp, tạm giữ 12 xe máy và 3 ô tô, tước giấy phép lái xe có thời hạn "
    "đối với 9 tài xế. Lực lượng chức năng sẽ duy trì đợt cao điểm đến hết tháng 8."
)


def put(store, url, source, text, published_hours, now=NOW):
    article = make_article(
        url=url, source_id=source, content_text=text, published=NOW - timedelta(hours=published_hours)
    )
    return store.upsert(article, now=now)


def test_same_story_on_three_sites_merges_to_earliest(store):
    put(store, "https://congan.thanhhoa.gov.vn/tin/a-1", "thanhhoa", "(VGP) - " + LONG, published_hours=1)
    put(store, "https://cand.com.vn/Ban-tin-113/a-i1/", "cand", LONG, published_hours=5)
    put(store, "https://bocongan.gov.vn/bai-viet/a-1783311539", "bocongan", LONG + "\n\nHoàng Anh", published_hours=3)
    put(store, "https://congan.nghean.gov.vn/tin/b-2", "nghean", OTHER, published_hours=2)
    merged = store.merged_articles()
    assert [m.article.source_id for m in merged] == ["nghean", "cand"]
    assert merged[1].also_published_at == (
        "https://bocongan.gov.vn/bai-viet/a-1783311539",
        "https://congan.thanhhoa.gov.vn/tin/a-1",
    )
    assert merged[0].also_published_at == ()
    # per-source views keep their own copy
    assert len(store.articles()) == 4
    assert [a.article.source_id for a in store.articles(source_id="thanhhoa")] == ["thanhhoa"]
    assert [m.article.source_id for m in store.merged_articles(limit=1)] == ["nghean"]


def test_clusters_survive_reopen_and_new_copies_join(store_location):
    path = store_location
    with Store(path) as store:
        put(store, "https://cand.com.vn/Ban-tin-113/a-i1/", "cand", LONG, published_hours=5)
        put(store, "https://congan.nghean.gov.vn/tin/b-2", "nghean", OTHER, published_hours=2)
    with Store(path) as store:  # index rebuilt from stored signatures
        put(store, "https://bocongan.gov.vn/bai-viet/a-1783311539", "bocongan", LONG, published_hours=3)
        merged = store.merged_articles()
        assert len(merged) == 2
        assert merged[1].also_published_at == ("https://bocongan.gov.vn/bai-viet/a-1783311539",)


def test_short_items_are_never_merged(store):
    put(store, "https://a.gov.vn/1", "a", "Công an tỉnh thông báo truy nã.", published_hours=1)
    put(store, "https://b.gov.vn/1", "b", "Công an tỉnh thông báo truy nã.", published_hours=2)
    assert len(store.merged_articles()) == 2


def test_rewritten_article_leaves_its_cluster(store):
    put(store, "https://cand.com.vn/a-i1/", "cand", LONG, published_hours=5)
    put(store, "https://bocongan.gov.vn/bai-viet/a-1", "bocongan", LONG, published_hours=3)
    assert len(store.merged_articles()) == 1
    result = put(store, "https://bocongan.gov.vn/bai-viet/a-1", "bocongan", OTHER, published_hours=3)
    assert result.status == "updated"
    assert len(store.merged_articles()) == 2


def test_two_open_connections_see_each_others_stories(store_location):
    """Two spiders of one crawl each hold a Store on the same file: a copy stored
    through one connection is recognised by the other, whose index was built before."""
    path = store_location
    with Store(path) as first, Store(path) as second:
        put(first, "https://congan.nghean.gov.vn/tin/b-2", "nghean", OTHER, published_hours=2)
        put(second, "https://congan.hatinh.gov.vn/tin/c-3", "hatinh", OTHER + " Tin mới.", published_hours=9)
        put(first, "https://cand.com.vn/Ban-tin-113/a-i1/", "cand", LONG, published_hours=5)  # index already built
        put(second, "https://bocongan.gov.vn/bai-viet/a-1783311539", "bocongan", LONG, published_hours=3)
        merged = first.merged_articles()
    assert len(merged) == 2
    assert {m.article.source_id for m in merged} == {"cand", "hatinh"}

"""publish_from_store: the same bytes as publish() from every article, reading only what the feeds show."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tintuc_feed.feeds import Topic, publish
from tintuc_feed.feeds.from_store import publish_from_store
from tintuc_feed.feeds.page import HEADLINES
from tintuc_feed.model import Article
from tintuc_feed.sources import Source
from tintuc_feed.store import Store

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BASE_URL = "https://feeds.example.vn/"
START = datetime(2025, 7, 1, 6, 0, tzinfo=VN)
SOURCES = tuple(
    Source(id=sid, name=f"Công an {name}", list_urls=(f"https://{sid}.gov.vn/tin",), article_url_pattern="/tin/",
           province=province)
    for sid, name, province in (
        ("lam-dong", "tỉnh Lâm Đồng", "Lâm Đồng"),
        ("dak-nong", "tỉnh Đắk Nông (cũ)", "Lâm Đồng"),
        ("ha-noi", "Thành phố Hà Nội", "Hà Nội"),
        ("bo", "Bộ Công an", None),
    )
)
TOPICS = (
    Topic(id="ma-tuy", name="Ma túy", include=("ma túy",), exclude=("tuyên truyền",)),
    Topic(id="lua-dao", name="Lừa đảo", include=("lừa đảo", "chiếm đoạt")),
)
STORIES = (3, 8, 20)  # long enough to compare: republished on another site in small_store
WORDS = ("điều tra", "khởi tố", "bắt giữ", "tuần tra", "cháy nổ", "giao thông", "trộm cắp", "đánh bạc", "an ninh")


def article(i: int, *, source: str | None = None, text: str | None = None, published=True) -> Article:
    """The i-th synthetic article: three share each hour (ties broken by guid), every 7th has no date."""
    sid = source or SOURCES[i % len(SOURCES)].id
    topic = ("ma túy" if i % 4 == 0 else "lừa đảo") + (" tuyên truyền" if i % 11 == 0 else "")
    body = text or f"Bài số {i}: {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} {topic}. Mã {i * 7919}."
    if i in STORIES and text is None:
        body += " " + " ".join(f"{WORDS[(i * k) % len(WORDS)]} lần {i}-{k}" for k in range(40))
    province = {"lam-dong": "Lâm Đồng", "dak-nong": "Lâm Đồng", "ha-noi": "Hà Nội"}.get(sid)
    return Article(
        url=f"https://{sid}.gov.vn/tin/bai-{i}", source_id=sid, title=f"Tin {i}: {WORDS[i % len(WORDS)]}",
        title_raw=f"Tin {i}", content_html=f"<p>{body}</p>", content_text=body,
        published=START + timedelta(hours=i // 3) if published and i % 7 else None,
        summary=None if i % 2 else f"Tóm tắt {i}", province=province,
    )


def fill(store: Store, start: int, stop: int) -> None:
    for i in range(start, stop):
        store.upsert(article(i), now=START + timedelta(hours=i // 3, minutes=1))


def full_scan_publish(store: Store, out: Path, health, **options):
    """How runner.publish_store published before: every article and every story loaded."""
    return publish(out, SOURCES, store.articles(), health, merged_all=store.merged_articles(), **options)


def files(root: Path) -> dict[str, bytes]:
    """The files a reader sees (not the publisher's dotfiles: its lock and manifest, which `serve` hides)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


@pytest.fixture
def small_store(tmp_path):
    """Forty articles, stories republished on other sites, a source not configured, undated articles."""
    with Store(tmp_path / "s.sqlite") as store:
        fill(store, 0, 40)
        for i in STORIES:  # the same story a day later on another source: one cluster, two copies
            copy = article(i)
            store.upsert(article(1000 + i, source="ha-noi" if copy.source_id != "ha-noi" else "bo",
                                 text=copy.content_text), now=START + timedelta(days=1, hours=i))
        store.upsert(article(2000, source="gone"), now=START + timedelta(days=3))
        yield store


@pytest.mark.parametrize("item_limit", [1, 2, 5, 100])
def test_same_bytes_as_publishing_every_article(small_store, tmp_path, item_limit):
    health = small_store.health(now=START + timedelta(days=3))
    options = {"base_url": BASE_URL, "topics": TOPICS, "item_limit": item_limit}
    old = full_scan_publish(small_store, tmp_path / "old", health, **options)
    new = publish_from_store(tmp_path / "new", small_store, SOURCES, health, **options)
    assert files(tmp_path / "new") == files(tmp_path / "old")
    assert (new.written, new.unchanged, new.feeds) == (old.written, old.unchanged, old.feeds)
    assert len(small_store.merged_articles()) == len(small_store.articles()) - len(STORIES)
    if item_limit == 100:  # the all feed links each republished story's other copy
        assert files(tmp_path / "new")["json/all.json"].count(b"tintuc-also") == len(STORIES)
    again = publish_from_store(tmp_path / "new", small_store, SOURCES, health, **options)
    assert again.written == () and "articles.jsonl" in again.unchanged


def test_a_changed_article_rewrites_articles_jsonl(small_store, tmp_path):
    health = small_store.health(now=START)
    publish_from_store(tmp_path / "out", small_store, SOURCES, health, base_url=BASE_URL)
    changed = article(5)
    small_store.upsert(Article(**{**changed.__dict__, "content_text": changed.content_text + " Cập nhật."}),
                       now=START + timedelta(days=4))
    report = publish_from_store(tmp_path / "out", small_store, SOURCES, health, base_url=BASE_URL)
    assert "articles.jsonl" in report.written
    full_scan_publish(small_store, tmp_path / "old", health, base_url=BASE_URL)
    assert files(tmp_path / "out") == files(tmp_path / "old")


class RowCounter:
    """Counts the rows SQLite hands to Python on a store's connection (its row factory sees each one)."""

    def __init__(self, store: Store) -> None:
        self.rows = 0
        store._db.row_factory = self._row

    def _row(self, cursor, values):
        self.rows += 1
        return sqlite3.Row(cursor, values)


def test_publishing_reads_what_the_feeds_show_not_the_store(tmp_path):
    """A store of thousands of articles: besides one pass for articles.jsonl and one of row digests
    (Reader.fingerprints: guid and 48 bytes a row, for feeds.incremental), publish reads O(feeds × limit)."""
    limit, n = 5, 1500
    with Store(tmp_path / "big.sqlite") as store:
        fill(store, 0, n)
        health = store.health(now=START)
        counter = RowCounter(store)
        report = publish_from_store(tmp_path / "out", store, SOURCES, health, base_url=BASE_URL, topics=TOPICS,
                                    item_limit=limit)
        jsonl_rows = store.count()
    assert jsonl_rows == n == len((tmp_path / "out" / "articles.jsonl").read_bytes().splitlines())
    feed_rows = counter.rows - 2 * jsonl_rows
    budget = len(report.feeds) * limit * 2 + HEADLINES + 2 * len(SOURCES)  # topic scans read a few misses
    assert feed_rows <= budget < n / 5  # the full scan read every article twice: 2 * n rows

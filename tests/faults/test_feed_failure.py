"""A feed writer that raises for one feed mid-publish (feeds/failed_feeds.py): the other feeds and pages are
written, that feed's previous files are kept byte for byte, status.json says which feed failed and why, and the
next publish without the fault writes it.  The store is real (the sample site crawled on 127.0.0.1); the fault
is a writer raising for one feed id, as a bug in it would for that feed's data.  (A file that cannot be written,
a full disk, still stops the publish with one line: tests/faults/test_fault_errors.py.)"""

from __future__ import annotations

import json
import sqlite3

import feedparser
import pytest
from support import run_cli

from tintuc_feed.feeds import incremental
from tintuc_feed.runner import PublishOptions, publish_store
from tintuc_feed.sample_site import SOURCE_ID
from tintuc_feed.sources import load_sources

NEW_TITLE = "Tiêu đề đã sửa sau lần xuất bản trước"


@pytest.fixture
def published(tmp_path):
    from tintuc_feed.sample_site import SampleSite, sources_toml

    with SampleSite() as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url), "utf-8")
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output",
                         str(tmp_path / "out"), "--delay", "0")
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "t.db") as db:  # the store changes after that publish: one title edited
        (rowid,) = db.execute("SELECT rowid FROM articles ORDER BY rowid LIMIT 1").fetchone()
        db.execute("UPDATE articles SET title = ? WHERE rowid = ?", (NEW_TITLE, rowid))
    return tmp_path / "t.db", load_sources(sources), tmp_path / "out"


def _files(out, feed_id):
    return {kind: (out / kind / f"{feed_id}.{ext}").read_bytes()
            for kind, ext in (("rss", "xml"), ("atom", "xml"), ("json", "json"))}


def _titles(out, feed_id):
    return {entry.title for entry in feedparser.parse((out / "rss" / f"{feed_id}.xml").read_bytes()).entries}


def test_a_feed_writer_raising_for_one_feed_keeps_its_old_files_and_writes_the_others(published, monkeypatch,
                                                                                       caplog):
    db, sources, out = published
    before = _files(out, SOURCE_ID)
    assert NEW_TITLE not in _titles(out, "all")
    render_json = incremental.render_json_feed

    def failing(feed):  # the RSS and Atom files of that feed are rendered first: it fails halfway
        if feed.id == SOURCE_ID:
            raise RuntimeError("the JSON writer failed halfway")
        return render_json(feed)

    monkeypatch.setattr(incremental, "render_json_feed", failing)
    report = publish_store(db, sources, PublishOptions(output=out))
    assert [(f.feed_id, f.reason) for f in report.failed] == [(SOURCE_ID, "RuntimeError: the JSON writer failed halfway")]
    assert _files(out, SOURCE_ID) == before  # the last good feed, byte for byte
    assert NEW_TITLE in _titles(out, "all")  # every other feed written
    assert "rss/all.xml" in report.written
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert status["feed_errors"] == [{"feed": SOURCE_ID, "error": "RuntimeError: the JSON writer failed halfway"}]
    entry = next(s for s in status["sources"] if s["id"] == SOURCE_ID)
    assert entry["feed_error"] == "RuntimeError: the JSON writer failed halfway"
    assert any(SOURCE_ID in r.getMessage() and "previous files kept" in r.getMessage()
               for r in caplog.records if r.levelname == "ERROR")

    monkeypatch.setattr(incremental, "render_json_feed", render_json)  # the fault gone: the next publish heals
    healed = publish_store(db, sources, PublishOptions(output=out))
    assert healed.failed == ()
    assert NEW_TITLE in _titles(out, SOURCE_ID)
    assert json.loads((out / "json" / f"{SOURCE_ID}.json").read_text("utf-8"))["items"]
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert status["feed_errors"] == []
    assert next(s for s in status["sources"] if s["id"] == SOURCE_ID)["feed_error"] is None


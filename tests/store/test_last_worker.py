"""Which worker crawled a source last: kept with its run, shown in status.json and index.html (both backends)."""

from __future__ import annotations

import json
from datetime import timedelta

from tintuc_feed.runner import PublishOptions, publish_store
from tintuc_feed.sources import Source

from .conftest import NOW

SOURCE = Source(id="cand", name="Báo CAND", list_urls=("https://cand.com.vn/",), article_url_pattern="/.+")


def crawl(store, when, worker):
    run_id = store.start_run(["cand"], now=when, worker=worker)
    store.finish_source(run_id, "cand", ok=True, found=1, now=when + timedelta(minutes=1))


def test_health_names_the_worker_of_the_last_finished_run(store):
    crawl(store, NOW, "node-a:101")
    crawl(store, NOW + timedelta(hours=1), "node-b:202")
    assert store.health(now=NOW + timedelta(hours=2))["cand"].last_worker == "node-b:202"
    crawl(store, NOW + timedelta(hours=3), None)  # a plain `tintuc-feed crawl` on this machine
    assert store.health(now=NOW + timedelta(hours=4))["cand"].last_worker is None


def test_status_json_and_index_show_the_worker(store, tmp_path):
    crawl(store, NOW, "node-a:101")
    out = tmp_path / "out"
    publish_store(store.location, [SOURCE], PublishOptions(output=out))
    [entry] = json.loads((out / "status.json").read_text("utf-8"))["sources"]
    assert entry["id"] == "cand" and entry["last_worker"] == "node-a:101"
    page = (out / "index.html").read_text("utf-8")
    assert 'class="muted worker">bởi node-a:101</span>' in page

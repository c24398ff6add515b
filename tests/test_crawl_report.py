"""What a crawl tells the operator: the summary table, an INFO line per source, a WARNING per flagged source
(after every publish: `crawl`, and the scheduler's rebuilds), and flagged_since in status.json."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from store.conftest import NOW
from support import run_cli

from tintuc_feed.runner import CrawlOptions, PublishOptions
from tintuc_feed.sample_site import SOURCE_ID, SampleSite, sources_toml
from tintuc_feed.scheduler import Runner
from tintuc_feed.sources import Source
from tintuc_feed.store import Store
from tintuc_feed.store_health import FLAG_RULES

BROKEN = "hue-broken"
FLAG_LINE = f"WARNING tintuc_feed.runner: source {BROKEN} flagged: " + FLAG_RULES["failing"].format(threshold=3)


def broken_toml(site_url: str) -> str:
    return sources_toml(site_url, BROKEN).replace('tin-tuc-su-kien/"]', 'khong-co/"]')


def row_of(stdout: str, source_id: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(source_id + " "))


def test_crawl_summary_log_lines_and_flag_warning(tmp_path):
    with SampleSite() as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(site.url) + broken_toml(site.url), "utf-8")
        common = ("--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "out"),
                  "--delay", "0")
        first = run_cli("-v", "crawl", *common)
        second = run_cli("crawl", *common, "--source", BROKEN)
        third = run_cli("crawl", *common, "--source", BROKEN)
    assert first.stdout.splitlines()[0].split()[-1] == "errors"
    assert row_of(first.stdout, SOURCE_ID).split()[1:] == ["ok", "6", "6", "0", "0", "0", "0", "0", "-"]
    broken_row = row_of(first.stdout, BROKEN)
    assert "FAILED" in broken_row and "http://127.0.0.1:" in broken_row and len(broken_row) < 140
    assert f"INFO tintuc_feed.crawl: {SOURCE_ID}: ok found=6 new=6 updated=0" in first.stderr
    assert f"INFO tintuc_feed.crawl: {BROKEN}: FAILED found=0" in first.stderr and "HTTP 404" in first.stderr
    assert "flagged" not in first.stderr + second.stderr  # two failures: not yet
    assert third.stderr.count(FLAG_LINE) == 1 and "3 failed in a row" in third.stderr
    status = json.loads((tmp_path / "out" / "status.json").read_text("utf-8"))
    entry = next(s for s in status["sources"] if s["id"] == BROKEN)
    assert entry["flagged"] and entry["flagged_since"] and entry["consecutive_failures"] == 3


def test_scheduler_rebuild_logs_each_flagged_source(tmp_path, caplog):
    db = tmp_path / "t.db"
    with Store(db) as store:
        for day in range(4):
            run_id = store.start_run(["quang-tri"], now=NOW + timedelta(days=day))
            store.finish_source(run_id, "quang-tri", ok=False, error="HTTP 403 (WAF)",
                                now=NOW + timedelta(days=day, minutes=1))
    source = Source(id="quang-tri", name="Công an tỉnh Quảng Trị", list_urls=("https://example.vn/tin/",),
                    article_url_pattern="/tin/", province="Quảng Trị")
    runner = Runner([source], CrawlOptions(db=db), PublishOptions(output=tmp_path / "out"))
    with caplog.at_level(logging.WARNING, logger="tintuc_feed"):
        runner.publish()
    flagged = [r.getMessage() for r in caplog.records if "flagged" in r.getMessage()]
    assert len(flagged) == 1 and flagged[0].startswith("source quang-tri flagged: ")
    assert "since 2025-07-10T08:00+07:00" in flagged[0] and "HTTP 403 (WAF)" in flagged[0]
    assert runner.rounds == 1

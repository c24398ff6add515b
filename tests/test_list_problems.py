"""List pages that are not lists (a WAF challenge served with 200, a page with no
article links) never break the crawl: the source is reported failed with the
reason, counted as skipped, and the other sources are still published."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from support import run_cli

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

WAF_PAGE = ("<html><head><script>document.cookie='incap_ses_1=abc; path=/';"
            "window.location.reload(true);</script></head><body></body></html>")
NO_LINKS = "<html><head><title>Tin tức</title></head><body><h2>Tin tức - Sự kiện</h2><p>Chưa có bài.</p></body></html>"


@pytest.fixture()
def sites(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    (root / "waf").mkdir()
    (root / "waf" / "index.html").write_text(WAF_PAGE, "utf-8")
    (root / "trong").mkdir()
    (root / "trong" / "index.html").write_text(NO_LINKS, "utf-8")
    with SampleSite(root=root) as site:
        text = "\n".join([
            sources_toml(site.url, "good"),
            sources_toml(site.url, "waf").replace('tin-tuc-su-kien/"]', 'waf/"]'),
            sources_toml(site.url, "empty").replace('tin-tuc-su-kien/"]', 'trong/"]'),
        ])
        path = tmp_path / "sources.toml"
        path.write_text(text, "utf-8")
        yield path


def test_list_problems_fail_their_source_with_the_reason_and_spare_the_rest(tmp_path, sites):
    out = tmp_path / "out"
    result = run_cli("crawl", "--sources", str(sites), "--db", str(tmp_path / "t.db"), "--output", str(out),
                     "--delay", "0")
    assert result.returncode == 1
    assert re.search(r"^waf: failed: .*waf-challenge", result.stderr, re.MULTILINE)
    assert re.search(r"^empty: failed: .*no-links", result.stderr, re.MULTILINE)
    assert re.search(r"^good\s+ok\s+6\s+6\s", result.stdout, re.MULTILINE)
    for source in ("waf", "empty"):
        assert re.search(rf"^{source}\s+FAILED\s+0\s+0\s+0\s+0\s+1\s", result.stdout, re.MULTILINE)  # one skipped page
    status = json.loads((out / "status.json").read_text("utf-8"))
    assert "waf-challenge" in json.dumps(status)

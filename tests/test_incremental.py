"""Each crawl only what is new, counted at the server: three sources on 127.0.0.1."""

from __future__ import annotations

import re
import shutil

import pytest
from support import add_articles, run_cli

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

SOURCES = ("site-a", "site-b", "site-c")
@pytest.fixture()
def three_sites(tmp_path):
    roots = {sid: tmp_path / sid for sid in SOURCES}
    for root in roots.values():
        shutil.copytree(site_root(), root)
    servers = {sid: SampleSite(root=roots[sid]) for sid in SOURCES}
    for server in servers.values():
        server.__enter__()
    sources = tmp_path / "sources.toml"
    sources.write_text("\n".join(sources_toml(servers[s].url, source_id=s) for s in SOURCES), "utf-8")
    yield roots, servers, sources
    for server in servers.values():
        server.__exit__(None, None, None)


def crawl(tmp_path, sources):
    result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"),
                     "--output", str(tmp_path / "out"), "--delay", "0")
    assert result.returncode == 0, result.stderr
    return result


def paths_since(server, mark: int) -> list[str]:
    return [path for _, path in server.requests[mark:]]


def test_second_crawl_with_nothing_new_fetches_no_article_and_one_list_page(tmp_path, three_sites):
    _, servers, sources = three_sites
    crawl(tmp_path, sources)
    marks = {sid: len(s.requests) for sid, s in servers.items()}
    crawl(tmp_path, sources)
    for sid, server in servers.items():
        paths = paths_since(server, marks[sid])
        assert [p for p in paths if p != "/robots.txt"] == ["/tin-tuc-su-kien/"], sid
        assert ("/tin-tuc-su-kien/", "304") in server.statuses[marks[sid]:]  # asked conditionally, not modified


def test_k_new_articles_cost_k_article_requests(tmp_path, three_sites):
    roots, servers, sources = three_sites
    crawl(tmp_path, sources)
    new = add_articles(roots["site-b"], 2)
    marks = {sid: len(s.requests) for sid, s in servers.items()}
    result = crawl(tmp_path, sources)
    articles = {sid: [p for p in paths_since(s, marks[sid]) if p.endswith(".html")] for sid, s in servers.items()}
    assert sorted(articles["site-b"]) == sorted(new)
    assert articles["site-a"] == [] and articles["site-c"] == []
    assert re.search(r"^site-b\s+ok\s+2\s+2\s", result.stdout, re.MULTILINE)


def test_refresh_downloads_known_articles_again(tmp_path, three_sites):
    _, servers, sources = three_sites
    crawl(tmp_path, sources)
    mark = len(servers["site-a"].requests)
    result = run_cli("crawl", "--sources", str(sources), "--source", "site-a", "--refresh", "--db",
                     str(tmp_path / "t.db"), "--output", str(tmp_path / "out"), "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert sum(p.endswith(".html") for p in paths_since(servers["site-a"], mark)) == 6
    assert re.search(r"^site-a\s+ok\s+6\s+0\s+0\s+6\s", result.stdout, re.MULTILINE)  # all six seen again, none new


def test_a_source_may_ask_to_walk_every_list_page(tmp_path, three_sites):
    _, servers, sources = three_sites
    text = sources.read_text("utf-8").replace('status = "fixture"', 'status = "fixture"\nstop_at_known = false')
    sources.write_text(text, "utf-8")
    crawl(tmp_path, sources)
    marks = {sid: len(s.requests) for sid, s in servers.items()}
    crawl(tmp_path, sources)
    for sid, server in servers.items():
        paths = [p for p in paths_since(server, marks[sid]) if p != "/robots.txt"]
        assert paths == ["/tin-tuc-su-kien/", "/tin-tuc-su-kien/trang-2/"], sid  # both pages, no article


def test_an_article_that_failed_is_asked_for_again_although_the_list_did_not_change(tmp_path, three_sites):
    _, servers, sources = three_sites
    site = servers["site-a"]
    missing = "/tin-tuc-su-kien/truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html"
    site.broken_paths.add(missing)
    first = run_cli("crawl", "--sources", str(sources), "--source", "site-a", "--db", str(tmp_path / "t.db"),
                    "--output", str(tmp_path / "out"), "--delay", "0")
    assert re.search(r"^site-a\s+ok\s+5\s+5\s", first.stdout, re.MULTILINE), first.stdout
    site.broken_paths.clear()
    mark = len(site.requests)
    crawl(tmp_path, sources)
    assert missing in paths_since(site, mark)
    assert ("/tin-tuc-su-kien/", "200") in site.statuses[mark:]  # not a 304 that would hide the missed link

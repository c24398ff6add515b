"""urls.site_of remembers each host's site: the same answer as working it out for every URL."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tintuc_feed import urls
from tintuc_feed.sources import load_sources

from .support import REPO

HOSTS = ["cand.com.vn", "AMP.CAND.com.vn", "www.bocongan.gov.vn", "congan.daknong.gov.vn", "m.vnexpress.net",
         "localhost", "127.0.0.1", "[::1]", "example.co.uk", "a.b.c.blogspot.com", "xn--c-8ka.vn", "vn", "host.",
         "user:pw@tuoitre.vn", "tuoitre.vn:8080", ""]
URLS = st.builds(lambda scheme, host, path: f"{scheme}{host}{path}",
                 st.sampled_from(["http://", "https://", "HTTP://", "//", "ftp://", ""]), st.sampled_from(HOSTS),
                 st.sampled_from(["", "/", "/tin-tuc/a-1.html", "?x=1", "#f", "/a b"]))


def fresh(url: str) -> str:
    """site_of worked out for this URL alone (no host remembered)."""
    return urls._site_of(url)


@given(st.lists(URLS, min_size=1, max_size=6))
def test_site_of_equals_the_lookup_for_every_url(batch):
    urls._SITES.clear()
    for url in batch:
        assert urls.site_of(url) == fresh(url)


@pytest.mark.parametrize("url", ["http://[::1", "http://a]b/"])
def test_a_url_urlsplit_refuses_raises_as_before(url):
    with pytest.raises(ValueError):
        fresh(url)
    with pytest.raises(ValueError):
        urls.site_of(url)


def test_recorded_and_configured_urls():
    found = [json.loads(p.read_text("utf-8"))["url"] for p in (REPO / "tests" / "fixtures").rglob("meta.json")
             if "url" in json.loads(p.read_text("utf-8"))]
    found += [u for s in load_sources(REPO / "src" / "tintuc_feed" / "sources.toml") for u in s.list_urls]
    assert len(found) > 50
    urls._SITES.clear()
    for url in found + found:
        assert urls.site_of(url) == fresh(url)


def test_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(urls, "SITES_REMEMBERED", 3)
    urls._SITES.clear()
    for i in range(10):
        assert urls.site_of(f"https://h{i}.cand.com.vn/x") == "cand.com.vn"
        assert len(urls._SITES) <= 3

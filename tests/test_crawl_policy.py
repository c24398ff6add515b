"""crawl_policy: which URLs a source may fetch, a test per row of the rules."""

from __future__ import annotations

import pytest

from tintuc_feed.crawl_policy import REFUSALS, HostPolicy, parse_host_entry, parse_ip
from tintuc_feed.sources import Source, SourcesError, parse_sources


def source(*urls: str, allowed: tuple[str, ...] = ()) -> Source:
    return Source(id="s", name="s", list_urls=urls, article_url_pattern=".", allowed_hosts=allowed)


@pytest.mark.parametrize(("spelling", "ip"), [
    ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("[::1]", "::1"), ("::ffff:127.0.0.1", "::ffff:7f00:1"),
    ("fe80::1%eth0", "fe80::1"), ("cand.com.vn", None), ("1e100.net", None), ("deadbeef", None),
])
def test_ip_spellings(spelling, ip):
    found = parse_ip(spelling)
    assert (str(found) if found else None) == ip


POLICY = HostPolicy.for_source(source("https://congan.lamdong.gov.vn/tin-tuc", "http://127.0.0.1:8931/x"))


@pytest.mark.parametrize(("url", "refusal"), [
    ("https://congan.lamdong.gov.vn/tin-tuc/a.html", None),  # the named host
    ("http://www.lamdong.gov.vn/a", None),  # same registrable domain
    ("http://127.0.0.1:8931/tin-tuc/a.html", None),  # named host and port
    ("http://127.0.0.1:8932/", "internal-address"),  # named IP, another port: another service
    ("http://2130706433:8931/", None),  # the named address in another spelling is still the named address
    ("http://0177.0.0.1:22/", "internal-address"),
    ("http://[::1]:8931/", "internal-address"),
    ("http://[::ffff:10.0.0.1]/", "internal-address"),
    ("http://169.254.169.254/latest/meta-data/", "internal-address"),
    ("http://192.168.1.1/", "internal-address"),
    ("http://100.64.0.1/", "internal-address"),  # carrier-grade NAT
    ("http://224.0.0.1/", "internal-address"),  # multicast
    ("http://0.0.0.0/", "internal-address"),
    ("http://8.8.8.8/", "off-site"),  # public, but not named
    ("https://cand.com.vn/", "off-site"),
    ("http://localhost/", "off-site"),
    ("http://evil-lamdong.gov.vn.attacker.example/", "off-site"),
    ("file:///etc/passwd", "not-http"),
    ("ftp://congan.lamdong.gov.vn/", "not-http"),
    ("http://[::1/x", "not-http"),
])
def test_refusals(url, refusal):
    assert POLICY.refusal(url) == refusal
    assert refusal is None or refusal in REFUSALS


def test_allowed_hosts_open_a_host_its_subdomains_and_a_named_internal_port():
    policy = HostPolicy.for_source(source("https://a.gov.vn/", allowed=("cdn.example.net", "10.0.0.5:8080")))
    assert policy.refusal("https://cdn.example.net/x") is None
    assert policy.refusal("https://img.cdn.example.net/x") is None
    assert policy.refusal("https://example.net/x") == "off-site"
    assert policy.refusal("http://10.0.0.5:8080/x") is None
    assert policy.refusal("http://10.0.0.5:9090/x") == "internal-address"


@pytest.mark.parametrize("entry", ["http://a.vn", "a.vn/x", "user@a.vn", "a.vn:99999", "a.vn:0", "", " a.vn", "[::1"])
def test_bad_allowed_hosts_entries_are_refused(entry):
    with pytest.raises(ValueError):
        parse_host_entry(entry)


def test_a_bad_allowed_hosts_key_names_file_source_and_key():
    text = '[[source]]\nid = "x"\nname = "x"\nlist_urls = ["https://a.vn/"]\narticle_url_pattern = "."\n'
    with pytest.raises(SourcesError, match=r"f.toml: source 'x': key 'allowed_hosts' has a bad host 'http://b.vn'"):
        parse_sources(text + 'allowed_hosts = ["http://b.vn"]\n', "f.toml")
    with pytest.raises(SourcesError, match=r"key 'allowed_hosts' must be an array"):
        parse_sources(text + 'allowed_hosts = "b.vn"\n', "f.toml")
    assert parse_sources(text + 'allowed_hosts = ["b.vn"]\n', "f.toml")[0].allowed_hosts == ("b.vn",)

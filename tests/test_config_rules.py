"""config_rules: a test per row of SOURCE_RULES and TOPIC_RULES (a good value kept, bad values refused),
and the host, URL and RE2 pattern checks row by row."""

from __future__ import annotations

import pickle

import pytest

from tintuc_feed.config_rules import SOURCE_RULES, TOPIC_RULES, host_problem, table_problem, url
from tintuc_feed.patterns import PatternError, UrlPattern, compile_pattern
from tintuc_feed.sources import SourcesError, load_config, parse_config

# key: (a good value, [bad values])
SOURCE_ROWS = {
    "id": ("congan-lam-dong", ["", "Lâm Đồng", "a\n", 1, "all", "health", "province-x", "topic-x"]),
    "name": ("Công an tỉnh Lâm Đồng", ["", "  ", 1, ["x"], "a\nb"]),
    "list_urls": (["http://127.0.0.1:8931/tin/", "https://congan.lamdong.gov.vn/"],
                  [[], "http://x.vn/", [1], ["http://[::1/x"], ["http://169.254.169.254/"]]),
    "article_url_pattern": ("/tin-tuc/.+", ["", " ", 5, "(?!a)", r"(a)\1", "(", r"x\Z"]),
    "article_url_exclude": ("/tag/", ["", "(?<=a)b", 1]),
    "province": ("Lâm Đồng", ["", 1, True]),
    "former_province": ("Đắk Nông", ["", 2]),
    "family": ("generic", [1, "", False]),
    "status": ("domain-only", ["draft", 1]),
    "site_url": ("https://congan.lamdong.gov.vn/", ["", "ftp://x/", "https://u:p@x.vn/", 3]),
    "max_pages": (3, [0, -1, 1001, True, "3", 2.5]),
    "max_articles": (200, [0, 100_001, False, "200"]),
    "interval_minutes": (60, [0, 527_041, 10**12, "60"]),
    "download_timeout": (7.5, [0, 0.5, 301, float("nan"), float("inf"), True, "20", [20]]),
    "time_budget": (600, [9, 86_401, -600, float("nan"), False, "600"]),
    "robots_unreadable": ("skip", ["deny", "Skip", "", True, 1, ["skip"]]),
    "enabled": (False, ["yes", 1, 0]),
    "stop_at_known": (True, ["true", 1]),
    "selectors": ({"title": "h1", "remove": ".share"}, ["h1", {"headline": "h1"}, {"title": ""}, {"title": "h1[["},
                                                        {"title": 1}]),
    "note": ("", [1, ["a"]]),
    "allowed_hosts": (["cdn.lamdong.gov.vn", "127.0.0.1:8931", "[::1]:80"], ["b.vn", ["http://b.vn"], ["b.vn/x"],
                                                                             ["u@b.vn"], ["b.vn:0"], [1]]),
}
TOPIC_ROWS = {
    "id": ("lua-dao", ["", "Lừa đảo", 1]),
    "name": ("Lừa đảo", ["", 1]),
    "include": (["lừa đảo", "chiếm đoạt"], [[], [1, 2], "lừa đảo", ["!!"], [""]]),
    "exclude": ([], [3, [None], ["..."]]),
}
BASE_SOURCE = {"id": "x", "name": "X", "list_urls": ["http://127.0.0.1:9/"], "article_url_pattern": "/a/"}
BASE_TOPIC = {"id": "t", "name": "T", "include": ["a"]}


def test_every_rule_has_a_row():
    assert set(SOURCE_ROWS) == set(SOURCE_RULES)
    assert set(TOPIC_ROWS) == set(TOPIC_RULES)


@pytest.mark.parametrize("key", sorted(SOURCE_ROWS))
def test_source_rule(key):
    good, bads = SOURCE_ROWS[key]
    assert table_problem({**BASE_SOURCE, key: good}, SOURCE_RULES) is None
    for bad in bads:
        found = table_problem({**BASE_SOURCE, key: bad}, SOURCE_RULES)
        assert found is not None and found[0].split(".")[0] == key, (key, bad)


@pytest.mark.parametrize("key", sorted(TOPIC_ROWS))
def test_topic_rule(key):
    good, bads = TOPIC_ROWS[key]
    assert table_problem({**BASE_TOPIC, key: good}, TOPIC_RULES) is None
    for bad in bads:
        found = table_problem({**BASE_TOPIC, key: bad}, TOPIC_RULES)
        assert found is not None and found[0] == key, (key, bad)


@pytest.mark.parametrize("key", [k for k, rule in SOURCE_RULES.items() if rule.required])
def test_required_source_keys(key):
    table = {k: v for k, v in BASE_SOURCE.items() if k != key}
    assert table_problem(table, SOURCE_RULES) == (key, "is missing")


HOSTS = [
    # (host, refused)
    ("127.0.0.1", False), ("localhost", False), ("::1", False), ("10.1.2.3", False), ("congan.lamdong.gov.vn", False),
    ("169.254.169.254", True), ("169.254.0.1", True), ("fe80::1", True), ("fd00:ec2::254", True),
    ("::ffff:169.254.169.254", True), ("100.100.100.200", True), ("168.63.129.16", True),
    ("2852039166", True), ("0xa9.0xfe.0xa9.0xfe", True), ("169.254.43518", True),
    ("metadata.google.internal", True), ("METADATA.GOOGLE.INTERNAL.", True), ("metadata.goog", True),
    ("instance-data", True), ("0.0.0.0", True), ("224.0.0.1", True), ("240.0.0.1", True), ("fe80::zz", True),
    ("cafe.vn", False), ("0xcafe.vn", False),
]


@pytest.mark.parametrize(("host", "refused"), HOSTS, ids=[h for h, _ in HOSTS])
def test_host(host, refused):
    assert (host_problem(host) is not None) is refused


URLS = [
    ("http://127.0.0.1:8931/tin-tuc/", None), ("https://[::1]:8443/", None),
    ("http://[::1/x", "does not parse"), ("http://x.vn:0/", "port 0"), ("http://x.vn:65536/", "does not parse"),
    ("http://x.vn:abc/", "does not parse"), ("http://u:p@x.vn/", "credentials"), ("http://u@x.vn/", "credentials"),
    ("http:///path", "http://"), ("javascript:alert(1)", "http://"), (" http://x.vn/", "spaces"),
    ("http://x.vn/\n", "spaces"), ("http://x.vn/a b", "spaces"), ("http://169.254.169.254/", "metadata"),
]


@pytest.mark.parametrize(("value", "problem"), URLS, ids=[u for u, _ in URLS])
def test_url(value, problem):
    found = url(value)
    assert (found is None) if problem is None else (problem in found)


def test_credentials_are_not_repeated_in_the_message():
    assert "s3cret" not in url("https://editor:s3cret@x.vn/")


PATTERNS = [
    # (pattern, url, matches)
    ("(a+)+$", "http://x.vn/" + "a" * 50_000 + "!", False),  # exponential in Python's re; linear in RE2
    ("(x+x+)+y", "http://x.vn/" + "x" * 50_000, False),
    ("/tin-tuc/.+", "https://x.vn/tin-tuc/bai-1", True),
    (r"-i\d+/$", "https://cand.com.vn/a-i707751/", True),
    ("đ[a-z]+", "https://x.vn/đau", True),
]


@pytest.mark.parametrize(("pattern", "value", "matches"), PATTERNS, ids=[p for p, _, _ in PATTERNS])
def test_patterns_are_searched_in_linear_time_by_re2(pattern, value, matches):
    assert (compile_pattern(pattern).search(value) is not None) is matches


@pytest.mark.parametrize(("pattern", "words"), [
    ("(?=a)", "lookahead"), ("(?!a)", "article_url_exclude"), ("(?<=a)", "lookbehind"), ("(?<!a)", "lookbehind"),
    (r"(a)\1", "backreference"), (r"a\Z", r"\z"), ("", "empty"), ("(", "missing )"),
])
def test_what_re2_lacks_is_refused_with_the_reason(pattern, words):
    with pytest.raises(PatternError, match=None) as caught:
        compile_pattern(pattern)
    assert words in str(caught.value)


def test_exclude_pattern_removes_matches_and_the_pair_pickles():
    pattern = UrlPattern("^https?://x\\.vn/[^/]+/?$", "^https?://x\\.vn/(?:tag/|wp-)")
    assert pattern.search("https://x.vn/bai-viet/") and not pattern.search("https://x.vn/tag/")
    assert not pattern.search("https://x.vn/wp-login.php")
    assert pickle.loads(pickle.dumps(pattern)).search("https://x.vn/bai-viet/")


def test_builtin_registry_passes_every_rule():
    sources, topics = load_config(None)
    assert len(sources) > 30 and topics == []


def test_errors_name_file_source_and_key():
    text = '[[source]]\nid = "a"\nname = "A"\nlist_urls = ["http://127.0.0.1:9/"]\narticle_url_pattern = "(?!x)"\n'
    with pytest.raises(SourcesError, match=r"^f\.toml: source 'a': key 'article_url_pattern' "):
        parse_config(text, "f.toml")

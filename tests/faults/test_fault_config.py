"""Malformed sources files, one per variant, through the real command: exit 2, a message naming the file,
the source (or topic) and the key, no traceback, and nothing written (no store, no output folder).

docs/RELIABILITY.md, "Configuration", lists these rows.
"""

from __future__ import annotations

import pytest
from support import run_cli

SOURCE = '''[[source]]
id = "lamdong"
name = "Công an tỉnh Lâm Đồng"
list_urls = ["http://127.0.0.1:9/tin-tuc/"]
article_url_pattern = "/tin-tuc/.+"
'''
TOPIC = '''
[[topic]]
id = "lua-dao"
name = "Lừa đảo"
include = ["lừa đảo"]
'''


def source_with(**changes: str) -> str:
    """SOURCE with keys replaced or added (values are TOML)."""
    lines = [line for line in SOURCE.splitlines() if line.split(" = ")[0] not in changes]
    return "\n".join(lines + [f"{key} = {value}" for key, value in changes.items()]) + "\n"


BAD = [
    # (variant, file text, words the message must contain, words it must not contain)
    # Patterns: RE2, linear time; what RE2 lacks is refused with the reason.
    ("pattern-lookahead", source_with(article_url_pattern='"/tin-tuc/(?!tag/).+"'),
     ["source 'lamdong'", "'article_url_pattern'", "negative lookahead", "article_url_exclude"], []),
    ("pattern-lookbehind", source_with(article_url_pattern='"(?<=/)tin"'), ["'article_url_pattern'", "lookbehind"], []),
    ("pattern-backreference", source_with(article_url_pattern=r"'(a)\1'"), ["'article_url_pattern'", "backreference"], []),
    ("pattern-empty", source_with(article_url_pattern='""'), ["'article_url_pattern'", "empty"], []),
    ("pattern-blank", source_with(article_url_pattern='"  "'), ["'article_url_pattern'", "empty"], []),
    ("pattern-not-string", source_with(article_url_pattern="5"), ["'article_url_pattern'", "string"], []),
    ("pattern-unbalanced", source_with(article_url_pattern='"/tin-tuc/(["'), ["'article_url_pattern'", "RE2"], []),
    ("exclude-bad", source_with(article_url_exclude='"(?=x)"'), ["'article_url_exclude'", "lookahead"], []),
    # URLs: parse, port, host, credentials.
    ("url-unparsable", source_with(list_urls='["http://[::1/x"]'), ["'list_urls'", "does not parse", "[::1/x"], []),
    ("url-port-0", source_with(list_urls='["http://127.0.0.1:0/x"]'), ["'list_urls'", "port 0"], []),
    ("url-port-99999", source_with(list_urls='["http://127.0.0.1:99999/x"]'), ["'list_urls'", "99999", "out of range"],
     []),
    ("url-port-text", source_with(list_urls='["http://127.0.0.1:http/x"]'), ["'list_urls'", "does not parse"], []),
    ("url-metadata-ip", source_with(list_urls='["http://169.254.169.254/latest/meta-data/"]'),
     ["'list_urls'", "metadata"], []),
    ("url-link-local", source_with(list_urls='["http://169.254.1.1/"]'), ["'list_urls'", "link-local"], []),
    ("url-metadata-ipv6", source_with(list_urls='["http://[fd00:ec2::254]/"]'), ["'list_urls'", "metadata"], []),
    ("url-metadata-mapped", source_with(list_urls='["http://[::ffff:169.254.169.254]/"]'),
     ["'list_urls'", "metadata"], []),
    ("url-metadata-decimal", source_with(list_urls='["http://2852039166/"]'), ["'list_urls'", "metadata"], []),
    ("url-metadata-name", source_with(list_urls='["http://metadata.google.internal./computeMetadata/v1/"]'),
     ["'list_urls'", "metadata service"], []),
    ("url-credentials", source_with(list_urls='["http://editor:s3cret@127.0.0.1:9/"]'),
     ["'list_urls'", "credentials"], ["s3cret"]),
    ("site-url-credentials", source_with(site_url='"https://editor:s3cret@example.vn/"'),
     ["'site_url'", "credentials"], ["s3cret"]),
    ("url-scheme", source_with(list_urls='["ftp://example.vn/"]'), ["'list_urls'", "http://"], []),
    ("url-space", source_with(list_urls='["http://127.0.0.1:9/tin tuc/"]'), ["'list_urls'", "spaces"], []),
    ("urls-not-array", source_with(list_urls='"http://127.0.0.1:9/"'), ["'list_urls'", "array"], []),
    ("urls-not-strings", source_with(list_urls="[1]"), ["'list_urls'", "string"], []),
    ("urls-empty", source_with(list_urls="[]"), ["'list_urls'", "empty"], []),
    # Types and values of the other keys.
    ("enabled-string", source_with(enabled='"yes"'), ["'enabled'", "true or false"], []),
    ("max-pages-boolean", source_with(max_pages="true"), ["'max_pages'", "integer"], []),
    ("max-pages-zero", source_with(max_pages="0"), ["'max_pages'", "from 1"], []),
    ("interval-huge", source_with(interval_minutes="1000000000000"), ["'interval_minutes'", "from 1"], []),
    ("name-empty", source_with(name='""'), ["'name'", "empty"], []),
    ("province-number", source_with(province="1"), ["'province'", "string"], []),
    ("status-unknown", source_with(status='"draft"'), ["'status'", "known"], []),
    ("selectors-string", source_with(selectors='"h1"'), ["'selectors'", "table"], []),
    ("id-reserved", source_with(id='"all"'), ["'id'", "reserved"], []),
    ("id-number", source_with(id="7"), ["source #1", "'id'", "string"], []),
    ("unknown-key", source_with(colour='"red"'), ["'colour'", "not a known key"], []),
    # Top level.
    ("source-string", 'source = "x"\n', ["'source'", "[[source]]"], []),
    ("source-numbers", "source = [1]\n", ["source #1", "[[source]]"], []),
    ("top-level-unknown", 'sources = "x"\n' + SOURCE, ["'sources'"], []),
    # Topics.
    ("topic-string", 'topic = "x"\n' + SOURCE, ["'topic'", "[[topic]]"], []),
    ("topic-numbers", "topic = [1]\n" + SOURCE, ["topic #1", "[[topic]]"], []),
    ("topic-single-table", SOURCE + '[topic]\nid = "x"\n', ["'topic'", "[[topic]]"], []),
    ("topic-include-numbers", SOURCE + TOPIC.replace('["lừa đảo"]', "[1, 2]"), ["topic 'lua-dao'", "'include'", "strings"],
     []),
    ("topic-include-empty", SOURCE + TOPIC.replace('["lừa đảo"]', "[]"), ["topic 'lua-dao'", "'include'", "empty"], []),
    ("topic-include-string", SOURCE + TOPIC.replace('["lừa đảo"]', '"lừa đảo"'), ["'include'", "array"], []),
    ("topic-include-punctuation", SOURCE + TOPIC.replace('["lừa đảo"]', '["!!"]'), ["'include'", "no letter"], []),
    ("topic-missing-include", SOURCE + TOPIC.replace('include = ["lừa đảo"]\n', ""), ["'include'", "missing"], []),
    ("topic-exclude-number", SOURCE + TOPIC + "exclude = 3\n", ["'exclude'", "array"], []),
    ("topic-name-number", SOURCE + TOPIC.replace('name = "Lừa đảo"', "name = 1"), ["'name'", "string"], []),
    ("topic-duplicate", SOURCE + TOPIC + TOPIC, ["topic 'lua-dao'", "duplicate"], []),
    ("topic-unknown-key", SOURCE + TOPIC + 'colour = "red"\n', ["topic 'lua-dao'", "'colour'"], []),
]


@pytest.mark.parametrize(("variant", "text", "words", "absent"), BAD, ids=[row[0] for row in BAD])
def test_malformed_config_is_refused_whole_before_anything_is_written(tmp_path, variant, text, words, absent):
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    db, out = tmp_path / "data" / "t.db", tmp_path / "out"
    result = run_cli("crawl", "--sources", str(path), "--db", str(db), "--output", str(out))
    assert result.returncode == 2, result.stderr
    message = result.stderr.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1, message
    assert message.startswith(f"tintuc-feed: error: {path}: ")
    for word in words:
        assert word in message
    for word in absent:
        assert word not in message
    assert not db.parent.exists() and not out.exists()  # no store, no output folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]


@pytest.mark.parametrize("command", ["build", "run"])
def test_other_commands_refuse_the_same_file_first(tmp_path, command):
    path = tmp_path / "sources.toml"
    path.write_text(SOURCE + 'topic = "x"\n', "utf-8")
    result = run_cli(command, "--sources", str(path), "--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "'topic'" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]


def test_catastrophic_pattern_is_searched_in_linear_time_during_a_real_crawl(tmp_path):
    """`(a+)+$` against a link of 40 a's and a `!` takes 2^40 steps in Python's re; the crawl uses RE2."""
    import shutil

    from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

    root = tmp_path / "site"
    shutil.copytree(site_root(), root)
    index = root / "tin-tuc-su-kien" / "index.html"
    hostile = '<div class="item-news"><h2><a href="/tin-tuc-su-kien/' + "a" * 40 + '!">x</a></h2></div>'
    index.write_text(index.read_text("utf-8").replace("</body>", hostile + "</body>"), "utf-8")
    with SampleSite(root=root) as site:
        config = sources_toml(site.url).replace(
            'article_url_pattern = "/tin-tuc-su-kien/[a-z0-9-]+-[0-9]+[.]html$"',
            'article_url_pattern = "/tin-tuc-su-kien/(a+)+$|/tin-tuc-su-kien/[a-z0-9-]+-[0-9]+[.]html$"')
        path = tmp_path / "sources.toml"
        path.write_text(config, "utf-8")
        result = run_cli("crawl", "--sources", str(path), "--db", str(tmp_path / "t.db"), "--output",
                         str(tmp_path / "out"), "--delay", "0", "--timeout", "120")
    assert result.returncode == 0, result.stderr
    assert "daknong-sample" in result.stdout and " ok " in result.stdout
    assert (tmp_path / "out" / "rss" / "daknong-sample.xml").read_text("utf-8").count("<item>") == 6


URL_ARGUMENTS = [
    # (command line, exit status, words of the message, words it must not contain)
    (["extract", "http://169.254.169.254/latest/meta-data/"], 1, ["not fetched", "cloud metadata"], []),
    (["extract", "http://editor:s3cret@127.0.0.1:9/"], 1, ["not fetched", "credentials"], ["s3cret"]),
    (["sources", "check", "bocongan", "--url", "http://[::1/x"], 1, ["not fetched", "does not parse"], []),
    (["crawl", "--base-url", "http://[::1/"], 2, ["--base-url", "does not parse"], []),
    (["crawl", "--base-url", "https://u:p@feeds.example.vn/"], 2, ["--base-url", "credentials"], []),
]


@pytest.mark.parametrize(("argv", "status", "words", "absent"), URL_ARGUMENTS, ids=[" ".join(a[0][:2]) + str(i)
                                                                             for i, a in enumerate(URL_ARGUMENTS)])
def test_urls_on_the_command_line_pass_the_same_rules(tmp_path, argv, status, words, absent):
    extra = ["--db", str(tmp_path / "t.db"), "--output", str(tmp_path / "out")] if argv[0] == "crawl" else []
    result = run_cli(*argv, *extra, cwd=tmp_path)
    assert result.returncode == status, result.stderr
    message = result.stderr.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1, message
    assert all(word in message for word in words) and not any(word in message for word in absent)
    assert list(tmp_path.iterdir()) == []  # nothing written

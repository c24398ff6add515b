"""The sources file's `[crawl]` table: run-wide defaults of download_timeout and time_budget for every
source (a source's own key wins), checked with the sources' own rules; a bad value names [crawl] and the key."""

from __future__ import annotations

import pytest

from tintuc_feed.sources import SourcesError, parse_config

SOURCE = '''
[[source]]
id = "{id}"
name = "X"
list_urls = ["http://127.0.0.1:9/"]
article_url_pattern = "/a/"
{extra}
'''


def _sources(crawl: str, *sources: tuple[str, str]) -> list:
    text = crawl + "".join(SOURCE.format(id=i, extra=extra) for i, extra in sources)
    return parse_config(text, "s.toml")[0]


def test_without_a_crawl_table_the_sources_keep_the_crawls_defaults():
    (source,) = _sources("", ("a", ""))
    assert (source.download_timeout, source.time_budget) == (None, None)


def test_the_crawl_table_is_every_sources_default_and_a_sources_own_key_wins():
    a, b = _sources("[crawl]\ndownload_timeout = 15\ntime_budget = 900\n",
                    ("a", ""), ("b", "download_timeout = 5\ntime_budget = 60.5"))
    assert (a.download_timeout, a.time_budget) == (15, 900)
    assert (b.download_timeout, b.time_budget) == (5, 60.5)


@pytest.mark.parametrize(("crawl", "message"), [
    ("[crawl]\ndownload_timeout = 0\n", "s.toml: [crawl]: key 'download_timeout' must be from 1 to 300 seconds, not 0"),
    ("[crawl]\ntime_budget = \"10 min\"\n", "s.toml: [crawl]: key 'time_budget' must be a number of seconds, not a string"),
    ("[crawl]\nmax_pages = 3\n", "s.toml: [crawl]: key 'max_pages' is not a known key"),
    ("crawl = 5\n", "s.toml: top-level key 'crawl' must be a [crawl] table"),
    ("[[crawl]]\ntime_budget = 60\n", "s.toml: top-level key 'crawl' must be a [crawl] table"),
])
def test_a_bad_crawl_table_is_refused_with_where_and_why(crawl, message):
    with pytest.raises(SourcesError) as error:
        _sources(crawl, ("a", ""))
    assert str(error.value).startswith(message)


def test_a_sources_bad_timeout_names_the_source():
    with pytest.raises(SourcesError, match=r"s.toml: source 'a': key 'download_timeout' must be from 1 to 300"):
        _sources("", ("a", "download_timeout = 1000"))

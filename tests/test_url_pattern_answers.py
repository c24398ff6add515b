"""UrlPattern keeps its answers (issue 10): a site's menu, sidebar and footer links come back on every list
page, and each search through RE2's wrapper cost ~10 µs.  A kept answer is the search's answer, the answers
are shared by every copy of the same patterns (a crawl's worker unpickles the source with each page) and
are bounded."""

from __future__ import annotations

import pickle

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.patterns import UrlPattern
from tintuc_feed.sources import Source

INCLUDE = r"^https?://h\.vn/tin-tuc/[a-z0-9-]+-[0-9]+\.html$"
EXCLUDE = r"/tin-tuc/(?:tag|video)-"
URLS = st.one_of(
    st.sampled_from(["https://h.vn/tin-tuc/a-1.html", "https://h.vn/tin-tuc/tag-2.html", "http://h.vn/tin-tuc/b-3.html",
                     "https://h.vn/chuyen-muc/", "https://h.vn/tin-tuc/video-4.html", "https://x.vn/tin-tuc/c-5.html"]),
    st.builds(lambda a, b: f"https://h.vn/tin-tuc/{a}-{b}.html", st.text("abtagvideo-", max_size=8),
              st.integers(0, 30)),
)


def fresh(url: str) -> bool:
    return re2.search(INCLUDE, url) is not None and re2.search(EXCLUDE, url) is None


@settings(max_examples=200)
@given(st.lists(URLS, max_size=60), st.integers(1, 8))
def test_every_answer_is_the_search_whether_kept_or_not(urls, kept):
    pattern = UrlPattern(INCLUDE, EXCLUDE)
    pattern._answers.clear()  # what earlier examples kept under the default bound
    original = UrlPattern.ANSWERS_KEPT
    UrlPattern.ANSWERS_KEPT = kept  # a small bound: answers are dropped and searched again within the list
    try:
        for url in urls + urls[::-1]:
            found = pattern.search(url)
            assert (found is not None) == fresh(url), url
            if found is not None:
                assert found.group(0) == url
            assert len(pattern._answers) <= kept
    finally:
        UrlPattern.ANSWERS_KEPT = original


def test_copies_of_the_same_patterns_share_their_answers_and_others_do_not():
    first = UrlPattern(INCLUDE, EXCLUDE)
    assert first.search("https://h.vn/tin-tuc/shared-7.html") is not None
    copy = pickle.loads(pickle.dumps(first))  # as a worker gets it with each page
    assert copy == first and copy._answers is first._answers
    source = Source(id="s", name="s", list_urls=("https://h.vn/",), article_url_pattern=INCLUDE,
                    article_url_exclude=EXCLUDE)
    assert pickle.loads(pickle.dumps(source)).article_re._answers is first._answers
    without_exclude = UrlPattern(INCLUDE)
    assert without_exclude._answers is not first._answers
    assert without_exclude.search("https://h.vn/tin-tuc/tag-2.html") is not None  # its own answer, not first's
    assert first.search("https://h.vn/tin-tuc/tag-2.html") is None

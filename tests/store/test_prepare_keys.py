"""store_prepare.prepare computes each distinct URL's key once (issue 10: the fetched URL is usually the
alias and the article's URL as well); the keys are the ones computed for every URL in turn, first URL of a
key winning, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.store_prepare import prepare
from tintuc_feed.urls import canonical_url, url_key

from .conftest import make_article

URL = "https://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/"
VARIANTS = st.sampled_from([
    URL, URL.rstrip("/"), "http://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/",
    "https://www.cand.com.vn/ban-tin-113/bat-doi-tuong-lua-dao-i760722/?utm_source=fb",
    "https://cand.com.vn/Ban-tin-113/bat-doi-tuong-lua-dao-i760722/#comments", "https://cand.com.vn/amp/x-1",
    "https://cand.com.vn/other-i1/", "", None,
])


@settings(max_examples=300)
@given(VARIANTS.filter(bool), VARIANTS, st.lists(VARIANTS, max_size=5))
def test_the_keys_are_every_url_keyed_in_turn(url, fetched, aliases):
    article = make_article(url=url, fetched_url=fetched or None)
    prepared = prepare(article, aliases=aliases)
    assert prepared.article.url == canonical_url(article.url)
    seen = [u for u in (prepared.article.url, prepared.article.fetched_url, *aliases) if u]
    expected = {url_key(u): u for u in reversed(seen)}
    assert prepared.keys == expected
    assert list(prepared.keys.items()) == list(expected.items())

"""canonical_url / url_key / same_site: one case per table row and per folding rule."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tintuc_feed.urls import (
    HINT_REJECTIONS,
    HOST_PREFIXES,
    TRACKING_PARAMS,
    canonical_url,
    hint_rejection,
    is_tracking_param,
    same_site,
    url_key,
)

BASE = "https://cand.com.vn/Ban-tin-113/khong-che-ten-con-do-i760722/"

# One example per TRACKING_PARAMS row.
TRACKING_EXAMPLES = {
    "utm_*": "utm_source=zalo&utm_medium=social",
    "fbclid": "fbclid=IwAR0abc",
    "gclid": "gclid=Cj0KCQ",
    "dclid": "dclid=abc",
    "gbraid": "gbraid=0AAAA",
    "wbraid": "wbraid=CjkK",
    "msclkid": "msclkid=123",
    "yclid": "yclid=42",
    "_gl": "_gl=1*abc*_ga*MTI",
    "_ga": "_ga=2.1234",
    "zarsrc": "zarsrc=30",
    "gidzl": "gidzl=HxYz",
    "zlid": "zlid=9",
    "mc_cid": "mc_cid=abc",
    "mc_eid": "mc_eid=def",
    "igshid": "igshid=xyz",
    "ref": "ref=rss",
    "ref_src": "ref_src=twsrc",
    "share": "share=1",
    "cmpid": "cmpid=home",
}


def test_every_tracking_row_has_an_example():
    assert set(TRACKING_EXAMPLES) == set(TRACKING_PARAMS)


@pytest.mark.parametrize("row", sorted(TRACKING_PARAMS))
def test_tracking_param_dropped(row):
    url = f"{BASE}?id=7&{TRACKING_EXAMPLES[row]}"
    assert canonical_url(url) == BASE + "?id=7"
    assert url_key(url) == url_key(BASE + "?id=7")


@pytest.mark.parametrize("name", ["id", "page", "q", "ItemID", "reference", "utm"])
def test_identifying_params_kept(name):
    assert not is_tracking_param(name)
    assert f"{name}=1" in canonical_url(f"{BASE}?{name}=1")


@pytest.mark.parametrize("prefix", sorted(HOST_PREFIXES))
def test_host_prefix_folded_in_key(prefix):
    assert url_key(BASE.replace("://", "://" + prefix)) == url_key(BASE)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # scheme and host case, default port, fragment, query order
        ("HTTPS://CAND.com.vn:443/a-i1/?b=2&a=1#top", "https://cand.com.vn/a-i1/?a=1&b=2"),
        ("http://bocongan.gov.vn:80/bai-viet/x-1783311539", "http://bocongan.gov.vn/bai-viet/x-1783311539"),
        # amp. and m. hosts fold onto the desktop host; www. is kept in the published URL
        (
            "https://amp.cand.com.vn/ho-so-interpol/nhuc-nhoi-i767520/",
            "https://cand.com.vn/ho-so-interpol/nhuc-nhoi-i767520/",
        ),
        ("https://m.cand.com.vn/a-i1", "https://cand.com.vn/a-i1"),
        ("https://www.bocongan.gov.vn/bai-viet/x-1", "https://www.bocongan.gov.vn/bai-viet/x-1"),
        # non-default port kept; empty query dropped; unicode path percent-encoded
        ("https://congan.cantho.gov.vn:8888/a?", "https://congan.cantho.gov.vn:8888/a"),
        ("https://x.gov.vn/tin tức", "https://x.gov.vn/tin%20t%E1%BB%A9c"),
        # a prefix that is the registrable domain itself is not folded
        ("https://amp.com/x", "https://amp.com/x"),
        ("https://m.vn/x", "https://m.vn/x"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


VARIANTS = [
    "https://cand.com.vn/Ban-tin-113/khong-che-ten-con-do-i760722/",
    "http://cand.com.vn/Ban-tin-113/khong-che-ten-con-do-i760722/",
    "https://www.cand.com.vn/Ban-tin-113/khong-che-ten-con-do-i760722/",
    "https://amp.cand.com.vn/ban-tin-113/khong-che-ten-con-do-i760722",
    "https://cand.com.vn/Ban-tin-113/khong-che-ten-con-do-i760722/?utm_source=zalo&zarsrc=30#binh-luan",
    "HTTPS://CAND.COM.VN:443/Ban-tin-113/khong-che-ten-con-do-i760722",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_variants_share_one_key(variant):
    assert url_key(variant) == "cand.com.vn/ban-tin-113/khong-che-ten-con-do-i760722"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://cand.com.vn/a-i1/", "https://cand.com.vn/a-i2/"),  # other article id
        ("https://bocongan.gov.vn/bai-viet/x-1", "https://mps.gov.vn/bai-viet/x-1"),  # other site
        ("https://x.gov.vn/a?id=1", "https://x.gov.vn/a?id=2"),  # identifying query
        ("https://x.gov.vn/a?id=AbC", "https://x.gov.vn/a?id=abc"),  # query values keep their case
        ("https://x.gov.vn:8080/a", "https://x.gov.vn/a"),  # other port, other server
    ],
)
def test_different_pages_have_different_keys(a, b):
    assert url_key(a) != url_key(b)


def test_key_has_no_scheme_and_no_trailing_slash():
    assert url_key("https://bocongan.gov.vn/bai-viet/x-1783311539/") == "bocongan.gov.vn/bai-viet/x-1783311539"


# ---- canonical hints: one case per HINT_REJECTIONS row, and the accepted case ----

HINT_CASES = {
    "home page": ("https://cand.com.vn/a-i1/", "https://cand.com.vn/"),
    "other site": ("https://congan.quangtri.gov.vn/a/", "https://cand.com.vn/a-i1/"),
    "not http": ("https://cand.com.vn/a-i1/", "/a-i1/"),
}


def test_every_hint_rejection_has_a_case():
    assert set(HINT_CASES) == set(HINT_REJECTIONS)


@pytest.mark.parametrize("reason", sorted(HINT_REJECTIONS))
def test_hint_rejected(reason):
    url, hint = HINT_CASES[reason]
    assert hint_rejection(url, hint) == reason
    assert canonical_url(url, canonical_hint=hint) == canonical_url(url)


@pytest.mark.parametrize(
    ("url", "hint", "expected"),
    [
        ("https://amp.cand.com.vn/a-i1", "https://cand.com.vn/Cat/a-i1/", "https://cand.com.vn/Cat/a-i1/"),
        ("https://cand.com.vn/a-i1?x=1", "https://cand.com.vn/a-i1/?utm_source=fb", "https://cand.com.vn/a-i1/"),
        # same registrable domain, other subdomain: honoured
        (
            "https://dhannd.bocongan.gov.vn/tin/1",
            "https://bocongan.gov.vn/bai-viet/x-1",
            "https://bocongan.gov.vn/bai-viet/x-1",
        ),
    ],
)
def test_hint_honoured_on_same_site(url, hint, expected):
    assert canonical_url(url, canonical_hint=hint) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("https://amp.cand.com.vn/x", "http://www.cand.com.vn/y", True),
        ("https://congan.hanoi.gov.vn/x", "https://hanoi.gov.vn/", True),
        ("https://congan.hanoi.gov.vn/x", "https://congan.danang.gov.vn/x", False),
        ("https://cand.com.vn/x", "https://congan.com.vn/x", False),
        ("https://bocongan.gov.vn/x", "https://gov.vn/x", False),
    ],
)
def test_same_site(a, b, expected):
    assert same_site(a, b) is expected


# ---- properties ----

hosts = st.sampled_from(["cand.com.vn", "www.cand.com.vn", "amp.cand.com.vn", "bocongan.gov.vn", "congan.hanoi.gov.vn"])
segments = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12)
params = st.lists(st.tuples(st.sampled_from(["id", "utm_source", "page", "fbclid", "q"]), segments), max_size=4)


@st.composite
def http_urls(draw):
    from urllib.parse import quote, urlencode

    scheme = draw(st.sampled_from(["http", "https", "HTTP"]))
    path = "/".join(quote(s) for s in draw(st.lists(segments, max_size=4)))
    query = urlencode(draw(params))
    fragment = draw(st.sampled_from(["", "#x", "#bình-luận"]))
    return f"{scheme}://{draw(hosts)}/{path}{'?' + query if query else ''}{fragment}"


@settings(max_examples=300, deadline=None)
@given(http_urls())
def test_canonical_url_is_idempotent(url):
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert url_key(once) == url_key(url)
    parts = urlsplit(once)
    assert parts.fragment == ""
    assert not any(is_tracking_param(name) for name, _ in parse_qsl(parts.query, keep_blank_values=True))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_on_any_http_text(tail):
    for url in (f"https://cand.com.vn/{tail}", f"http://{tail}"):
        try:
            canonical_url(url)
            url_key(url)
        except ValueError:
            # only invalid authorities (bad port, bad IPv6) may be refused
            assert "://" in url

"""moved_site: a list page that moved to another origin keeps the source's pattern deciding what is an article."""

from __future__ import annotations

import pickle

import pytest

from tintuc_feed.crawl_policy import redirect_detail
from tintuc_feed.moved_site import MovedSource, list_source
from tintuc_feed.sources import Source

OLD = "https://congan.quangnam.gov.vn"
PATTERN = r"^https?://congan\.quangnam\.gov\.vn/tin-tuc/[a-z0-9-]+-[0-9]+\.html$"
SOURCE = Source(id="congan-quang-nam-cu", name="Công an tỉnh Quảng Nam (cũ)", list_urls=(OLD + "/tin-tuc/",),
                article_url_pattern=PATTERN, article_url_exclude=r"-9{3,}\.html$", province="Quảng Nam")


@pytest.mark.parametrize(("answered", "link", "article"), [
    # the absorbing portal (research 9.3): same paths on the new host are articles, other paths are not
    ("https://congan.danang.gov.vn/tin-tuc/", "https://congan.danang.gov.vn/tin-tuc/bat-doi-tuong-12.html", True),
    ("https://congan.danang.gov.vn/tin-tuc/", "https://congan.danang.gov.vn/gioi-thieu/lich-su-12.html", False),
    # the exclude pattern still applies on the new host
    ("https://congan.danang.gov.vn/tin-tuc/", "https://congan.danang.gov.vn/tin-tuc/quang-cao-999.html", False),
    # a third host the list links is not the new origin: judged as it is
    ("https://congan.danang.gov.vn/tin-tuc/", "https://cand.com.vn/tin-tuc/bat-doi-tuong-12.html", False),
    # http -> https and www. on the same site
    ("http://congan.quangnam.gov.vn/tin-tuc/", "http://congan.quangnam.gov.vn/tin-tuc/bat-doi-tuong-12.html", True),
    ("https://www.congan.quangnam.gov.vn/tin-tuc/", "https://www.congan.quangnam.gov.vn/tin-tuc/a-b-12.html", True),
    # links on the old host still match
    ("https://congan.danang.gov.vn/tin-tuc/", OLD + "/tin-tuc/bat-doi-tuong-12.html", True),
])
def test_links_on_the_moved_origin_are_judged_by_their_path(answered, link, article):
    moved = list_source(SOURCE, OLD + "/tin-tuc/", answered)
    assert isinstance(moved, MovedSource)
    assert (moved.article_re.search(link) is not None) is article
    assert SOURCE.article_re.search(link) is None or article  # the source itself is unchanged


def test_a_list_page_on_its_own_origin_reads_with_the_source_itself():
    assert list_source(SOURCE, OLD + "/tin-tuc/", OLD + "/tin-tuc/?page=1") is SOURCE


def test_the_moved_source_keeps_every_field_and_pickles_for_the_workers():
    moved = list_source(SOURCE, OLD + "/tin-tuc/", "https://congan.danang.gov.vn/tin-tuc/")
    assert (moved.id, moved.province, moved.article_url_pattern) == (SOURCE.id, SOURCE.province, PATTERN)
    moved.article_re.search("x")  # cached before pickling, as a worker gets it
    again = pickle.loads(pickle.dumps(moved))
    assert again == moved and again.article_re.search("https://congan.danang.gov.vn/tin-tuc/bat-doi-tuong-12.html")


@pytest.mark.parametrize(("url", "via", "reason", "kind", "advice"), [
    ("https://congan.danang.gov.vn/", OLD + "/", 301, "off-site", True),
    ("https://congan.danang.gov.vn/", OLD + "/", "meta refresh", "off-site", True),
    (OLD + "/moi/", OLD + "/cu/", 302, "off-site", False),  # the same host: no move to name
    ("http://169.254.169.254/latest/", OLD + "/", 302, "internal-address", False),  # never advise an internal one
])
def test_a_refused_redirect_names_the_move_and_what_to_do(url, via, reason, kind, advice):
    text = redirect_detail(url, via, reason, kind)
    assert text.startswith(f"redirected from {via} ({reason})")
    assert ("allowed_hosts" in text) is advice
    if advice:
        assert 'allowed_hosts = ["congan.danang.gov.vn"]' in text and "moved to congan.danang.gov.vn" in text

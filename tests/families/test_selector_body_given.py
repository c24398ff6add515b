"""A source whose body selector finds the body: the generic reader leaves out its own body and vote.

`families.extract_article` reads the source's `[source.selectors]` first; when the body selector
finds a body, the generic reader does not put its own body together nor to trafilatura's vote (the
selector's body replaces it).  Every reading here is made both ways -- that fast path, and every
reader in full (`families.SKIP_GIVEN_BODY` off) -- and must be the same RawArticle (or the same
NotAnArticle), `matched` order included, on the real pages, the sample site and the fixture pages.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tintuc_feed import families
from tintuc_feed.families import generic_body

from .cases import registry
from .golden import FIXTURES, REAL_SOURCE, SAMPLE_BASE, SAMPLE_SOURCE, _call, _case_dirs

# Selector sets a sources file could hold: a whole-page body, a container, a group, a selector matching
# nothing (no skip), and one with remove/title/date/authors read before the body.
SELECTOR_SETS = {
    "body": {"body": "body"},
    "container": {"body": "[itemprop=articleBody], .entry-content, article, .noidungtin, .detail-content"},
    "none": {"body": ".no-such-container"},
    "full": {"title": "h1", "date": "time, .date, .ngaydang", "authors": ".author, p[style]", "body": "div",
             "remove": "script, .related, .tinkhac", "summary": "p"},
}


def _pages() -> list[tuple[str, object, str, str]]:
    pages = []
    for folder in sorted(p for p in (FIXTURES / "real").iterdir() if p.is_dir()):
        url = json.loads((folder / "meta.json").read_text("utf-8"))["url"]
        pages.append((f"real/{folder.name}", REAL_SOURCE, url, (folder / "input.html").read_text("utf-8")))
    from tintuc_feed.sample_site import site_root

    root = site_root()
    for page in sorted(root.rglob("*.html")):
        url = SAMPLE_BASE + page.relative_to(root).as_posix().removesuffix("index.html")
        if SAMPLE_SOURCE.article_re.search(url):
            pages.append((f"sample/{page.name}", SAMPLE_SOURCE, url, page.read_text("utf-8")))
    for prefix in ("families", "blind"):
        for case in _case_dirs(FIXTURES / prefix):
            if case.meta["kind"] == "article":
                source = registry()[case.meta["source"]]
                pages.append((f"{prefix}/{case.name}", source, case.meta["url"], case.text))
    return pages


PAGES = _pages()


def _both_ways(monkeypatch, source, url: str, text: str) -> tuple[dict, dict, int]:
    calls = []
    original = generic_body.trafilatura_html

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(generic_body, "trafilatura_html", counted)
    monkeypatch.setattr(families, "SKIP_GIVEN_BODY", False)
    full = _call(families.extract_article, source, url, text)
    in_full = len(calls)
    monkeypatch.setattr(families, "SKIP_GIVEN_BODY", True)
    fast = _call(families.extract_article, source, url, text)
    return full, fast, in_full - (len(calls) - in_full)


@pytest.mark.parametrize("name", sorted(SELECTOR_SETS))
def test_fast_path_reads_every_page_as_the_full_readers(monkeypatch, name):
    saved = 0
    for page_id, source, url, text in PAGES:
        for family in dict.fromkeys((source.family, "generic")):
            reader = replace(source, family=family, selectors=SELECTOR_SETS[name])
            full, fast, fewer_votes = _both_ways(monkeypatch, reader, url, text)
            assert fast == full, f"{page_id} ({family}, selectors {name!r})"
            saved += fewer_votes
    if name == "none":
        assert saved == 0  # a body selector that matches nothing skips nothing
    else:
        assert saved > 0  # the fast path was taken: trafilatura ran on fewer pages


def test_body_given_reads_the_selectors_as_apply_selectors():
    from tintuc_feed.families.page import Page
    from tintuc_feed.families.selectors import body_given, read_selectors

    folder = min(p for p in (FIXTURES / "real").iterdir() if p.is_dir())
    text = (folder / "input.html").read_text("utf-8")
    source = replace(REAL_SOURCE, selectors={"body": "body"})
    assert body_given(read_selectors("https://example.vn/a", Page(text), source))
    source = replace(REAL_SOURCE, selectors={"body": ".no-such-container", "title": "h1"})
    assert not body_given(read_selectors("https://example.vn/a", Page(text), source))
    assert not body_given(None)

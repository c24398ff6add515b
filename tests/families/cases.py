"""Recorded fixture pages and their expected fields (web-poet / Fundus style).

tests/fixtures/families/<family>/<case>/ holds
    input.html | input.json | input.xml   the page as served
    meta.json      {"kind": "article"|"list", "source": id in the built-in registry,
                    "url", "fetched_at", "hints"}
    expected.json  one key per field; each key is one test

The same cases feed benchmarks/bench_extract.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from tintuc_feed import families
from tintuc_feed.charset import decode_page
from tintuc_feed.normalize.dates import pick_published
from tintuc_feed.sources import Source, load_sources

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "families"
BODY_EDGE = 50  # characters compared at each end of the body text


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    path: Path
    meta: dict
    expected: dict

    @property
    def id(self) -> str:
        return f"{self.family}/{self.name}"

    @property
    def text(self) -> str:
        page = next(p for p in sorted(self.path.iterdir()) if p.name.startswith("input."))
        body = page.read_bytes()
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:  # a page saved in the legacy charset it declares: read as the crawl reads it
            return decode_page(body, None)[0]

    @property
    def fetched_at(self) -> datetime:
        return datetime.fromisoformat(self.meta["fetched_at"])


def load_cases(kind: str | None = None) -> list[Case]:
    cases = []
    for path in sorted(ROOT.glob("*/*/meta.json")):
        meta = json.loads(path.read_text("utf-8"))
        expected = json.loads((path.parent / "expected.json").read_text("utf-8"))
        if kind is None or meta["kind"] == kind:
            cases.append(Case(path.parent.parent.name, path.parent.name, path.parent, meta, expected))
    return cases


@cache
def registry() -> dict[str, Source]:
    return {s.id: s for s in load_sources()}


def source_for(case: Case, family: str | None = None) -> Source:
    source = registry()[case.meta["source"]]
    return replace(source, family=family) if family else source


def body_text(html: str | None) -> str:
    if not html:
        return ""
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def article_fields(case: Case, family: str | None = None) -> dict:
    """What the pipeline reads off the page, in expected.json's terms."""
    raw = families.extract_article(source_for(case, family), case.meta["url"], case.text,
                                   hints=case.meta.get("hints") or {})
    published = pick_published(raw.dates, now=case.fetched_at)
    text = body_text(raw.body_html)
    excludes = case.expected.get("body_excludes", [])
    return {
        "title": raw.title,
        "published": published.value.isoformat() if published else None,
        "published_origin": published.origin if published else None,
        "byline": raw.byline,
        "summary": raw.summary,
        "body_start": text[:BODY_EDGE],
        "body_end": text[-BODY_EDGE:],
        "body_excludes": [s for s in excludes if s in text],
        "image": raw.image,
        "canonical_url": raw.canonical_url,
        "degraded": raw.degraded,
    }


def expected_value(case: Case, field: str):
    value = case.expected[field]
    if field == "body_start":
        return value[:BODY_EDGE]
    if field == "body_end":
        return value[-BODY_EDGE:]
    if field == "body_excludes":
        return []
    return value


def field_matches(case: Case, field: str, actual) -> bool:
    expected = expected_value(case, field)
    if field == "body_start":
        return isinstance(actual, str) and actual.startswith(expected)
    if field == "body_end":
        return isinstance(actual, str) and actual.endswith(expected)
    if field in ("title", "byline", "summary") and isinstance(actual, str) and isinstance(expected, str):
        return _squash(actual) == _squash(expected)
    return actual == expected


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def list_fields(case: Case, family: str | None = None) -> dict:
    page = families.parse_list(source_for(case, family), case.meta["url"], case.text)
    first = page.articles[0] if page.articles else None
    out = {
        "articles": [a.url for a in page.articles],
        "next_urls": list(page.next_urls),
        "first_hints": {k: first.hints.get(k) for k in case.expected.get("first_hints", {})} if first else None,
        "problem": page.problem,
    }
    if "fetch_urls" in case.expected:
        out["fetch_urls"] = [a.fetch_url for a in page.articles]
    return out

"""`tintuc-feed extract`: one article, read and normalized, as JSON."""

from __future__ import annotations

import urllib.request
import urllib.robotparser
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from . import families, voters
from .charset import decode_page
from .notices import notice_json, read_notice
from .process import normalize_article
from .sources import Source, load_sources, select_sources

VN = ZoneInfo("Asia/Ho_Chi_Minh")
USER_AGENT = "tintuc-feed/0.1 (police news feed builder; +https://pypi.org/project/tintuc-feed/)"
FETCH_TIMEOUT = 30


class ExtractError(Exception):
    """The page could not be fetched or is not an article."""


def extract_to_json(url: str, *, sources_file: str | None, source_id: str | None, html_file: str | None) -> dict:
    source = pick_source(url, sources_file, source_id)
    try:
        body, content_type = (Path(html_file).read_bytes(), None) if html_file else fetch(url)
    except OSError as exc:
        raise ExtractError(f"{html_file}: cannot read: {exc}") from exc
    now = datetime.now(VN)
    try:
        text = decode_page(body, content_type)[0]  # the charset the page declares, checked against its bytes
        raw = voters.read_article(source, url, text, now=datetime.now(VN))
    except families.NotAnArticle as exc:
        raise ExtractError(f"{url}: not an article: {exc}") from exc
    article = normalize_article(raw, source, fetched_at=now, fetched_url=url)
    record = _jsonable(asdict(article))
    record["notice"] = notice_json(read_notice(article.title, article.content_text, article.content_html))
    record["_extraction"] = {"source": source.id, "family": source.family, "matched": dict(raw.matched),
                             "degraded": raw.degraded}
    return record


def pick_source(url: str, sources_file: str | None, source_id: str | None) -> Source:
    """The named source; else the one whose list URLs share the URL's host; else generic."""
    sources = load_sources(sources_file) if sources_file or source_id else load_sources(None)
    if source_id:
        return select_sources(sources, [source_id])[0]
    host = urlsplit(url).hostname or ""
    for source in sources:
        if any(urlsplit(u).hostname == host for u in source.list_urls):
            return source
    return Source(id="adhoc", name=host or "adhoc", list_urls=(url,), article_url_pattern=".")


def fetch(url: str) -> tuple[bytes, str | None]:
    """Fetch one page politely: robots.txt asked first, our user agent sent.

    The URL passes the rule a list URL of a sources file passes (config_rules.url): it parses, http(s),
    a real port, no credentials, no link-local or cloud metadata host.
    """
    from .config_rules import url_refusal

    reason = url_refusal(url)
    if reason:
        raise ExtractError(f"{url!r}: not fetched: the URL {reason}" if "credentials" not in reason
                           else f"not fetched: the URL {reason}")
    parts = urlsplit(url)
    robots = urllib.robotparser.RobotFileParser()
    try:
        robots.parse(_get(f"{parts.scheme}://{parts.netloc}/robots.txt")[0].decode("utf-8", "replace").splitlines())
    except OSError:  # no robots.txt (or none reachable): nothing is forbidden
        robots.parse([])
    if not robots.can_fetch(USER_AGENT, url):
        raise ExtractError(f"{url}: robots.txt does not allow fetching this page")
    try:
        return _get(url)
    except OSError as exc:
        raise ExtractError(f"{url}: cannot fetch: {exc}") from exc


def _get(url: str) -> tuple[bytes, str | None]:
    """GET with our user agent and a time limit (urllib's robots reader has neither): (body, Content-Type)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
        return response.read(), response.headers.get("Content-Type")


def _jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value

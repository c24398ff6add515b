"""Sources: the sites to crawl, read from a TOML file and validated.

A sources file holds `[[source]]` tables.  Every error names the file, the
source and the key, and a file with any error is refused whole: nothing is
crawled from a half-valid configuration.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ID_PATTERN = re.compile(r"[a-z0-9-]+")  # matched with fullmatch: no trailing newline slips through
# Ids whose feed files would overwrite the merged, health, province or topic feeds.
RESERVED_IDS = frozenset({"all", "health"})
RESERVED_PREFIXES = ("province-", "topic-")
SELECTOR_KEYS = frozenset(
    {"list_item", "article_link", "next_page", "title", "date", "authors", "body",
     "summary", "image", "remove"}
)
STATUSES = frozenset({"verified-structure", "domain-only", "retired", "fixture"})
REQUIRED = ("id", "name", "list_urls", "article_url_pattern")
OPTIONAL = {
    "province": str, "family": str, "max_pages": int, "selectors": dict,
    "status": str, "enabled": bool, "interval_minutes": int, "site_url": str,
    "former_province": str, "note": str, "max_articles": int, "stop_at_known": bool,
    "allowed_hosts": list,
}
BUILTIN = "sources.toml"


class SourcesError(ValueError):
    """A sources file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    list_urls: tuple[str, ...]
    article_url_pattern: str
    province: str | None = None
    family: str = "generic"
    max_pages: int = 3
    max_articles: int = 200
    selectors: Mapping[str, str] = field(default_factory=dict)
    status: str = "verified-structure"
    enabled: bool = True
    stop_at_known: bool = True  # stop paginating at the first list page with nothing new
    interval_minutes: int | None = None
    site_url: str | None = None
    former_province: str | None = None
    note: str | None = None
    allowed_hosts: tuple[str, ...] = ()  # other hosts its pages may link or redirect to (crawl_policy.py)

    @property
    def home(self) -> str:
        """The site's home page: site_url, or the first list URL's origin."""
        if self.site_url:
            return self.site_url
        parts = urlsplit(self.list_urls[0])
        return f"{parts.scheme}://{parts.netloc}/"

    @property
    def article_re(self) -> re.Pattern[str]:
        return re.compile(self.article_url_pattern)


def load_sources(path: str | Path | None = None, *, families: frozenset[str] | None = None) -> list[Source]:
    """Read and validate a sources file; None reads the built-in registry."""
    if path is None:
        text = resources.files("tintuc_feed").joinpath(BUILTIN).read_text("utf-8")
        label = f"<built-in {BUILTIN}>"
    else:
        label = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SourcesError(f"{label}: cannot read: {exc}") from exc
    return parse_sources(text, label, families=families)


def parse_sources(text: str, label: str, *, families: frozenset[str] | None = None) -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{label}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"source", "topic"}
    if unknown:
        raise SourcesError(f"{label}: unknown top-level key {min(unknown)!r} (expected [[source]] tables)")
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{label}: no [[source]] tables")
    sources = [_parse_source(t, i, label, families) for i, t in enumerate(tables)]
    _check_unique(sources, label)
    return sources


def _parse_source(table: Any, index: int, label: str, families: frozenset[str] | None) -> Source:
    where = f"{label}: source #{index + 1}"
    if not isinstance(table, dict):
        raise SourcesError(f"{where}: must be a table")
    if isinstance(table.get("id"), str):
        where = f"{label}: source {table['id']!r}"
    for key in REQUIRED:
        if key not in table:
            raise SourcesError(f"{where}: missing key {key!r}")
    for key, value in table.items():
        _check_key(where, key, value)
    return _build(table, where, families)


def _check_key(where: str, key: str, value: Any) -> None:
    if key in ("id", "name", "article_url_pattern"):
        expected: type = str
    elif key == "list_urls":
        expected = list
    elif key in OPTIONAL:
        expected = OPTIONAL[key]
    else:
        raise SourcesError(f"{where}: unknown key {key!r}")
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        raise SourcesError(f"{where}: key {key!r} must be {expected.__name__}, not {type(value).__name__}")


def _build(table: dict, where: str, families: frozenset[str] | None) -> Source:
    if not ID_PATTERN.fullmatch(table["id"]):
        raise SourcesError(f"{where}: key 'id' must match [a-z0-9-]+")
    if is_reserved_id(table["id"]):
        raise SourcesError(f"{where}: key 'id' is reserved for the merged feeds (all, health, province-*, topic-*)")
    urls = tuple(table["list_urls"])
    if not urls:
        raise SourcesError(f"{where}: key 'list_urls' is empty")
    for url in urls:
        _check_url(where, "list_urls", url)
    if "site_url" in table:
        _check_url(where, "site_url", table["site_url"])
    try:
        re.compile(table["article_url_pattern"])
    except re.error as exc:
        raise SourcesError(f"{where}: key 'article_url_pattern' is not a valid regex: {exc}") from exc
    _check_selectors(where, table.get("selectors", {}))
    _check_allowed_hosts(where, table.get("allowed_hosts", []))
    _check_choices(where, table, families)
    for key in ("max_pages", "interval_minutes", "max_articles"):
        if key in table and table[key] < 1:
            raise SourcesError(f"{where}: key {key!r} must be at least 1")
    fields = {k: v for k, v in table.items() if k not in ("list_urls", "allowed_hosts")}
    return Source(**fields, list_urls=urls, allowed_hosts=tuple(table.get("allowed_hosts", ())))


def _check_url(where: str, key: str, url: Any) -> None:
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourcesError(f"{where}: key {key!r} has a bad URL {url!r} (need http:// or https:// and a host)")


def _check_allowed_hosts(where: str, hosts: list) -> None:
    from .crawl_policy import parse_host_entry

    for host in hosts:
        try:
            parse_host_entry(host)
        except ValueError as exc:
            raise SourcesError(f"{where}: key 'allowed_hosts' has a bad host {host!r}: {exc}") from exc


def _check_selectors(where: str, selectors: dict) -> None:
    from cssselect import HTMLTranslator, SelectorError

    translator = HTMLTranslator()  # the engine the families run selectors on (families/tree.py)

    for key, value in selectors.items():
        if key not in SELECTOR_KEYS:
            raise SourcesError(f"{where}: unknown key 'selectors.{key}' (known: {', '.join(sorted(SELECTOR_KEYS))})")
        if not isinstance(value, str) or not value.strip():
            raise SourcesError(f"{where}: key 'selectors.{key}' must be a non-empty CSS selector")
        try:
            translator.css_to_xpath(value)
        except (SelectorError, ValueError, NotImplementedError) as exc:
            raise SourcesError(f"{where}: key 'selectors.{key}' is not valid CSS: {exc}") from exc


def _check_choices(where: str, table: dict, families: frozenset[str] | None) -> None:
    if families is None:
        from .families import FAMILY_NAMES as families
    family = table.get("family", "generic")
    if family not in families:
        raise SourcesError(f"{where}: key 'family' is {family!r}; known families: {', '.join(sorted(families))}")
    status = table.get("status", "verified-structure")
    if status not in STATUSES:
        raise SourcesError(f"{where}: key 'status' is {status!r}; known: {', '.join(sorted(STATUSES))}")


def _check_unique(sources: list[Source], label: str) -> None:
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise SourcesError(f"{label}: source {source.id!r}: key 'id' is a duplicate")
        seen.add(source.id)


def is_reserved_id(source_id: str) -> bool:
    return source_id in RESERVED_IDS or source_id.startswith(RESERVED_PREFIXES)


def select_sources(sources: list[Source], ids: list[str] | None, *, label: str = "sources") -> list[Source]:
    """The sources named by ids (all enabled ones when ids is empty)."""
    if not ids:
        return [s for s in sources if s.enabled]
    by_id = {s.id: s for s in sources}
    ids = list(dict.fromkeys(ids))  # `--source a --source a` is one crawl of a, not two at once
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise SourcesError(f"{label}: no source with id {missing[0]!r}")
    return [by_id[i] for i in ids]


TOPIC_KEYS = {"id": str, "name": str, "include": list, "exclude": list}


def load_topics(path: str | Path) -> list:
    """The `[[topic]]` tables of a sources file: keyword feeds.

        [[topic]]
        id = "lua-dao"
        name = "Cảnh báo lừa đảo"
        include = ["lừa đảo", "chiếm đoạt"]
        exclude = ["tuyển dụng"]
    """
    from .feeds.topics import Topic

    label = str(path)
    data = tomllib.loads(Path(path).read_text("utf-8"))
    topics, seen = [], set()
    for index, table in enumerate(data.get("topic", [])):
        where = f"{label}: topic {table.get('id', '#' + str(index + 1))!r}"
        for key, value in table.items():
            if key not in TOPIC_KEYS:
                raise SourcesError(f"{where}: unknown key {key!r}")
            if not isinstance(value, TOPIC_KEYS[key]):
                raise SourcesError(f"{where}: key {key!r} must be {TOPIC_KEYS[key].__name__}")
        for key in ("id", "name", "include"):
            if not table.get(key):
                raise SourcesError(f"{where}: missing key {key!r}")
        if not ID_PATTERN.fullmatch(table["id"]) or table["id"] in seen:
            raise SourcesError(f"{where}: key 'id' must match [a-z0-9-]+ and be unique")
        seen.add(table["id"])
        topics.append(Topic(id=table["id"], name=table["name"], include=tuple(table["include"]),
                            exclude=tuple(table.get("exclude", ()))))
    return topics

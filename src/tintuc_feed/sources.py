"""Sources: the sites to crawl, read from a TOML file and validated.

A sources file holds `[[source]]` tables and optional `[[topic]]` tables.  Every key of every table is
checked against the rules of config_rules.py (types, URLs, hosts, ports, RE2 patterns) before anything is
written; every error names the file, the source or topic and the key, and a file with any error is refused
whole: nothing is crawled from a half-valid configuration.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .config_rules import (
    CRAWL_RULES,
    ID_PATTERN,
    RESERVED_IDS,
    RESERVED_PREFIXES,
    SELECTOR_KEYS,
    SOURCE_RULES,
    STATUSES,
    TOPIC_RULES,
    is_reserved_id,
    table_problem,
)
from .patterns import UrlPattern

__all__ = ["ID_PATTERN", "RESERVED_IDS", "RESERVED_PREFIXES", "SELECTOR_KEYS", "STATUSES", "Source",
           "SourcesError", "is_reserved_id", "load_config", "load_sources", "load_topics", "parse_config",
           "parse_sources", "select_sources"]
BUILTIN = "sources.toml"


class SourcesError(ValueError):
    """A sources file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    list_urls: tuple[str, ...]
    article_url_pattern: str
    article_url_exclude: str | None = None  # a URL matching it is not an article (RE2 has no lookahead)
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
    download_timeout: float | None = None  # seconds one download may take; None: the crawl's DOWNLOAD_TIMEOUT
    time_budget: float | None = None  # seconds the source's crawl may take in a run; None: the crawl's default
    robots_unreadable: str = "allow"  # robots.txt unreadable (network, 5xx): "allow" every page, or "skip" the run

    @property
    def home(self) -> str:
        """The site's home page: site_url, or the first list URL's origin."""
        if self.site_url:
            return self.site_url
        parts = urlsplit(self.list_urls[0])
        return f"{parts.scheme}://{parts.netloc}/"

    @cached_property
    def article_re(self) -> UrlPattern:
        """The article URL test, in RE2 (linear time): .search(url) is a match or None."""
        return UrlPattern(self.article_url_pattern, self.article_url_exclude)


def _read(path: str | Path | None) -> tuple[str, str]:
    if path is None:
        return resources.files("tintuc_feed").joinpath(BUILTIN).read_text("utf-8"), f"<built-in {BUILTIN}>"
    label = str(path)
    try:
        return Path(path).read_text("utf-8"), label
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{label}: cannot read: {exc}") from exc


def load_sources(path: str | Path | None = None, *, families: frozenset[str] | None = None) -> list[Source]:
    """Read and validate a sources file; None reads the built-in registry."""
    return load_config(path, families=families)[0]


def load_topics(path: str | Path) -> list:
    """The `[[topic]]` tables of a sources file (the whole file is checked): keyword feeds.

        [[topic]]
        id = "lua-dao"
        name = "Cảnh báo lừa đảo"
        include = ["lừa đảo", "chiếm đoạt"]
        exclude = ["tuyển dụng"]
    """
    return load_config(path)[1]


def load_config(path: str | Path | None = None, *, families: frozenset[str] | None = None) -> tuple[list, list]:
    """(sources, topics) of a sources file, every key of every table checked; None: the built-in registry."""
    text, label = _read(path)
    return parse_config(text, label, families=families)


def parse_sources(text: str, label: str, *, families: frozenset[str] | None = None) -> list[Source]:
    return parse_config(text, label, families=families)[0]


def parse_config(text: str, label: str, *, families: frozenset[str] | None = None) -> tuple[list, list]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{label}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"source", "topic", "crawl"}
    if unknown:
        raise SourcesError(f"{label}: unknown top-level key {min(unknown)!r} (expected [[source]] and [[topic]] "
                           "tables and a [crawl] table)")
    tables = _tables(data, "source", label)
    if not tables:
        raise SourcesError(f"{label}: no [[source]] tables")
    defaults = _crawl_defaults(data.get("crawl", {}), label)
    tables = [{**defaults, **t} for t in tables]
    sources = [_parse_source(t, i, label, families) for i, t in enumerate(tables)]
    _check_unique([s.id for s in sources], label, "source")
    topics = [_parse_topic(t, i, label) for i, t in enumerate(_tables(data, "topic", label))]
    _check_unique([t.id for t in topics], label, "topic")
    return sources, topics


def _crawl_defaults(table: object, label: str) -> dict:
    """The `[crawl]` table: run-wide defaults of the keys CRAWL_RULES lists, each checked."""
    if not isinstance(table, dict):
        raise SourcesError(f"{label}: top-level key 'crawl' must be a [crawl] table, not {table!r}")
    found = table_problem(table, CRAWL_RULES)
    if found:
        raise SourcesError(f"{label}: [crawl]: key {found[0]!r} {found[1]}")
    return dict(table)


def _tables(data: dict, name: str, label: str) -> list[dict]:
    """data[name] as a list of tables: `topic = "x"`, `topic = [1]` or a lone [topic] are refused."""
    tables = data.get(name, [])
    if not isinstance(tables, list):
        raise SourcesError(f"{label}: top-level key {name!r} must be [[{name}]] tables, not a single value or table")
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            raise SourcesError(f"{label}: {name} #{index + 1}: must be a [[{name}]] table, not {table!r}")
    return tables


def _where(label: str, kind: str, table: dict, index: int) -> str:
    name = table.get("id")
    return f"{label}: {kind} {name!r}" if isinstance(name, str) else f"{label}: {kind} #{index + 1}"


def _parse_source(table: dict, index: int, label: str, families: frozenset[str] | None) -> Source:
    where = _where(label, "source", table, index)
    found = table_problem(table, SOURCE_RULES)
    if found:
        raise SourcesError(f"{where}: key {found[0]!r} {found[1]}")
    _check_family(where, table.get("family", "generic"), families)
    fields = {k: v for k, v in table.items() if k not in ("list_urls", "allowed_hosts")}
    return Source(**fields, list_urls=tuple(table["list_urls"]), allowed_hosts=tuple(table.get("allowed_hosts", ())))


def _parse_topic(table: dict, index: int, label: str):
    from .feeds.topics import Topic

    where = _where(label, "topic", table, index)
    found = table_problem(table, TOPIC_RULES)
    if found:
        raise SourcesError(f"{where}: key {found[0]!r} {found[1]}")
    return Topic(id=table["id"], name=table["name"], include=tuple(table["include"]),
                 exclude=tuple(table.get("exclude", ())))


def _check_family(where: str, family: str, families: frozenset[str] | None) -> None:
    if families is None:
        from .families import FAMILY_NAMES as families
    if family not in families:
        raise SourcesError(f"{where}: key 'family' is {family!r}; known families: {', '.join(sorted(families))}")


def _check_unique(ids: list[str], label: str, kind: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise SourcesError(f"{label}: {kind} {item!r}: key 'id' is a duplicate")
        seen.add(item)


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

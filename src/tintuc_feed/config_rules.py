"""What each key of a sources file may hold: one table of rules, each a function returning the problem.

Every check returns None when the value is good, or a phrase that follows "key 'K' " in the message
(sources.py adds the file and the source).  The tables SOURCE_RULES and TOPIC_RULES list every key a
`[[source]]` or `[[topic]]` table may have; a key missing from them is refused as unknown.
tests/test_config_rules.py has a test per row.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .patterns import PatternError, compile_pattern

ID_PATTERN = re.compile(r"[a-z0-9-]+")  # matched with fullmatch: no trailing newline slips through
# Ids whose feed files would overwrite the merged, health, province or topic feeds.
RESERVED_IDS = frozenset({"all", "health"})
RESERVED_PREFIXES = ("province-", "topic-", "notices-")  # notices-*: the notice feeds
SELECTOR_KEYS = frozenset(
    {"list_item", "article_link", "next_page", "title", "date", "authors", "body",
     "summary", "image", "remove"}
)
STATUSES = frozenset({"verified-structure", "domain-only", "retired", "fixture"})
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Hosts a list URL may never name: cloud instance metadata services, which hand out credentials.
# Loopback and private addresses stay allowed (the tests, the demo and an intranet mirror use them).
METADATA_HOSTS = frozenset({
    "metadata.google.internal", "metadata.goog", "metadata",  # Google Cloud
    "instance-data", "instance-data.ec2.internal",  # AWS
    "metadata.tencentyun.com",  # Tencent Cloud
})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",  # AWS, GCP, Azure, Oracle, OpenStack (link-local anyway)
    "fd00:ec2::254",  # AWS over IPv6
    "100.100.100.200",  # Alibaba Cloud
    "168.63.129.16",  # Azure's host (WireServer)
))
MAX_COUNT = {"max_pages": 1000, "max_articles": 100_000, "interval_minutes": 527_040}  # 527,040 min = 1 year
# Seconds a source may take (crawler/budget.py): one page's download, and the whole crawl of the source in a run.
# robots.txt that cannot be read (no answer, or 5xx): crawl as if it allowed every page, or skip the site this
# run (RFC 9309 2.3.1.4's reading: unreachable means disallow).  crawler/robots.py.
ROBOTS_UNREADABLE = frozenset({"allow", "skip"})
SECONDS_RANGE = {"download_timeout": (1, 300), "time_budget": (10, 86_400)}

Check = Callable[[object], "str | None"]


def _typename(value: object) -> str:
    return {str: "a string", int: "an integer", bool: "a boolean", float: "a number", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


def text(value: object) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_typename(value)}"
    if not value.strip():
        return "must not be empty"
    if CONTROL.search(value):
        return "must not contain control characters (newline, tab, NUL...)"
    return None


def free_text(value: object) -> str | None:
    return None if isinstance(value, str) else f"must be a string, not {_typename(value)}"


def identifier(value: object) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_typename(value)}"
    if not ID_PATTERN.fullmatch(value):
        return f"must match [a-z0-9-]+, not {value!r}"
    return None


def source_id(value: object) -> str | None:
    problem = identifier(value)
    if problem is None and is_reserved_id(value):
        return "is reserved for the merged feeds (all, health, province-*, topic-*)"
    return problem


def is_reserved_id(value: str) -> bool:
    return value in RESERVED_IDS or value.startswith(RESERVED_PREFIXES)


def flag(value: object) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_typename(value)}"


def count(maximum: int) -> Check:
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be an integer, not {_typename(value)}"
        if not 1 <= value <= maximum:
            return f"must be from 1 to {maximum}, not {value}"
        return None
    return check


def seconds(low: float, high: float) -> Check:
    """A number of seconds (integer or decimal) from low to high."""
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"must be a number of seconds, not {_typename(value)}"
        if not low <= value <= high:  # NaN fails both comparisons
            return f"must be from {low} to {high} seconds, not {value}"
        return None
    return check


def pattern(value: object) -> str | None:
    try:
        compile_pattern(value)
    except PatternError as exc:
        return str(exc)
    return None


def url(value: object) -> str | None:
    """A URL the crawler may fetch: http(s), a host that is not a metadata service, a real port, no password."""
    if not isinstance(value, str):
        return f"must be a string URL, not {_typename(value)}"
    reason = url_refusal(value)
    if reason is None:
        return None
    shown = _redacted(urlsplit(value)) if "credentials" in reason else value
    return f"has a URL {shown!r} that {reason}"


def url_refusal(value: str) -> str | None:
    """Why the crawler may not fetch this URL, as "that ..." would go on; None when it may."""
    if value != value.strip() or CONTROL.search(value) or " " in value:
        return "has spaces or control characters"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        return f"does not parse ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not http:// or https:// with a host"
    if parts.username is not None or parts.password is not None:
        return "carries credentials (user:password@): they would be logged and published"
    if port == 0:
        return "has port 0 (ports are 1 to 65535)"
    problem = host_problem(parts.hostname)
    return f"names a host that {problem}" if problem else None


def _redacted(parts) -> str:
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"***@{host}").geturl()


def host_problem(host: str) -> str | None:
    """Why a list URL may not name this host (None when it may)."""
    host = host.lower().rstrip(".")
    if host in METADATA_HOSTS:
        return "is a cloud metadata service"
    address = literal_address(host)
    if address is None:
        return "is not a valid IPv6 address" if ":" in host else None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return "is a cloud metadata address"
    if address.is_link_local:
        return "is a link-local address (169.254.0.0/16, fe80::/10: cloud metadata lives there)"
    if address.is_unspecified or address.is_multicast or (address.is_reserved and address.version == 4):
        return "is not an address a web site can have (unspecified, multicast or reserved)"
    return None


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name spells, counting the forms inet_aton reads (2852039166, 0xa9.254.169.254)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if re.fullmatch(r"[0-9a-fx.]+", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def url_list(value: object) -> str | None:
    if not isinstance(value, list):
        return f"must be an array of URLs, not {_typename(value)}"
    if not value:
        return "is empty"
    return next((problem for item in value if (problem := url(item))), None)


def host_list(value: object) -> str | None:
    """allowed_hosts: host names or addresses, optionally with :port (crawl_policy.parse_host_entry's rule)."""
    from .crawl_policy import parse_host_entry

    if not isinstance(value, list):
        return f"must be an array of host names, not {_typename(value)}"
    for host in value:
        try:
            parse_host_entry(host)
        except ValueError as exc:
            return f"has a bad host {host!r}: {exc}"
    return None


def selectors(value: object) -> str | tuple[str, str] | None:
    """A table of CSS selectors; a problem with one of them is (its name, the problem)."""
    from cssselect import HTMLTranslator, SelectorError

    translator = HTMLTranslator()  # the engine the families run selectors on (families/tree.py)
    if not isinstance(value, dict):
        return f"must be a table of CSS selectors, not {_typename(value)}"
    for key, selector in value.items():
        if key not in SELECTOR_KEYS:
            return key, f"is not a known selector (known: {', '.join(sorted(SELECTOR_KEYS))})"
        if not isinstance(selector, str) or not selector.strip():
            return key, "must be a non-empty CSS selector"
        try:
            translator.css_to_xpath(selector)
        except (SelectorError, ValueError, NotImplementedError) as exc:
            return key, f"is not valid CSS: {exc}"
    return None


def choice(allowed: frozenset[str]) -> Check:
    def check(value: object) -> str | None:
        if not isinstance(value, str):
            return f"must be a string, not {_typename(value)}"
        return None if value in allowed else f"is {value!r}; known: {', '.join(sorted(allowed))}"
    return check


def keywords(*, required: bool) -> Check:
    """A topic's include/exclude: an array of strings, each with at least one letter or digit."""
    def check(value: object) -> str | None:
        if not isinstance(value, list):
            return f"must be an array of strings, not {_typename(value)}"
        if required and not value:
            return "is empty (the topic would match nothing)"
        for keyword in value:
            if not isinstance(keyword, str):
                return f"must hold only strings, not {_typename(keyword)} ({keyword!r})"
            if not any(c.isalnum() for c in keyword):
                return f"has a keyword with no letter or digit ({keyword!r}): it would match nothing"
        return None
    return check


@dataclass(frozen=True)
class Rule:
    check: Check
    required: bool = False


SOURCE_RULES: dict[str, Rule] = {
    "id": Rule(source_id, required=True),
    "name": Rule(text, required=True),
    "list_urls": Rule(url_list, required=True),
    "article_url_pattern": Rule(pattern, required=True),
    "article_url_exclude": Rule(pattern),
    "province": Rule(text),
    "former_province": Rule(text),
    "family": Rule(text),  # then checked against the families (sources.py)
    "status": Rule(choice(STATUSES)),
    "site_url": Rule(url),
    "max_pages": Rule(count(MAX_COUNT["max_pages"])),
    "max_articles": Rule(count(MAX_COUNT["max_articles"])),
    "interval_minutes": Rule(count(MAX_COUNT["interval_minutes"])),
    "enabled": Rule(flag),
    "stop_at_known": Rule(flag),
    "selectors": Rule(selectors),
    "allowed_hosts": Rule(host_list),
    "note": Rule(free_text),
    "download_timeout": Rule(seconds(*SECONDS_RANGE["download_timeout"])),
    "time_budget": Rule(seconds(*SECONDS_RANGE["time_budget"])),
    "robots_unreadable": Rule(choice(ROBOTS_UNREADABLE)),
}

# `[crawl]`: run-wide defaults for every source of the file (a source's own key wins).
CRAWL_RULES: dict[str, Rule] = {key: SOURCE_RULES[key] for key in ("download_timeout", "time_budget",
                                                                     "robots_unreadable")}

TOPIC_RULES: dict[str, Rule] = {
    "id": Rule(identifier, required=True),
    "name": Rule(text, required=True),
    "include": Rule(keywords(required=True), required=True),
    "exclude": Rule(keywords(required=False)),
}


def table_problem(table: dict, rules: dict[str, Rule]) -> tuple[str, str] | None:
    """(key, problem) for the first key of table that breaks its rule, is unknown or is missing."""
    for key, rule in rules.items():
        if rule.required and key not in table:
            return key, "is missing"
    for key, value in table.items():
        rule = rules.get(key)
        if rule is None:
            return key, "is not a known key"
        problem = rule.check(value)
        if isinstance(problem, tuple):  # a key inside a table: selectors.title
            return f"{key}.{problem[0]}", problem[1]
        if problem:
            return key, problem
    return None

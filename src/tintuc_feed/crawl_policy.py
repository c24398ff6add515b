"""Which URLs a source's crawl may fetch: its own site, never an internal address.

A source's crawl requests only URLs on its own site: the registrable domain
(cand.com.vn for amp.cand.com.vn, via urls.site_of) of a host the sources file
names (list_urls, site_url), or a host listed in its `allowed_hosts`.  A
literal IP address is never followed to a loopback, private, link-local,
reserved, multicast or unspecified range, in any spelling a resolver accepts
(2130706433, 0177.0.0.1, 0x7f.1, [::1], [::ffff:127.0.0.1]), unless the
sources file names that host and port itself (the tests and the demo crawl
127.0.0.1: that is opt-in per source, never a global switch).

Host names that resolve to internal addresses are not checked here: that
needs the resolver's answer (see docs/RELIABILITY.md).

Pure functions, no Scrapy: crawler/policy.py applies REFUSALS to every request.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from .urls import site_of

# Why a request is refused -> what it means (the kind is what the counters and logs say).
REFUSALS: dict[str, str] = {
    "not-http": "only http and https URLs are fetched (no file:, ftp:, data: …)",
    "off-site": "the host is not on the source's site nor in its allowed_hosts",
    "internal-address": "a loopback, private, link-local, reserved or multicast IP the sources file does not name",
    "redirect-loop": "a redirect back to a URL already visited on the way",
    "too-many-redirects": "more redirects than REDIRECT_MAX_TIMES",
    "deferred": "the site asked (Retry-After) to wait longer than RETRY_AFTER_MAX: left for the next run",
    "time-budget": "the source's time_budget ran out (a slow site): left for the next run",
    "robots-unreadable": "robots.txt could not be read and the source says robots_unreadable = \"skip\"",
}
DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_ip(host: str) -> IPAddress | None:
    """The IP address a host literal stands for, in any spelling the resolver takes; None for a name."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:  # 2130706433, 0177.0.0.1, 0x7f.0.0.1, 127.1: what inet_aton (and so getaddrinfo) reads
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_internal(ip: IPAddress) -> bool:
    """Loopback, private, link-local, reserved, multicast, unspecified (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_link_local


def parse_host_entry(entry: str) -> tuple[str, int | None]:
    """An allowed_hosts entry ("host", "host:port", "[v6]:port") as (normalized host, port or None).

    Raises ValueError for anything else (a scheme, a path, userinfo, a bad port).
    """
    if not isinstance(entry, str) or not entry or entry != entry.strip() or any(c in entry for c in "/@?#\\ "):
        raise ValueError("need a host name or IP address, optionally with :port")
    try:
        parts = urlsplit(f"http://{entry}")
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"bad port or host ({exc})") from exc
    if not parts.hostname:
        raise ValueError("need a host name or IP address, optionally with :port")
    if port == 0:
        raise ValueError("port 0 is not a port")
    return _normal_host(parts.hostname), port


def _normal_host(host: str) -> str:
    ip = parse_ip(host)
    if ip is not None:
        return str(ip)
    try:
        return host.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        return host.lower().rstrip(".")


@dataclass(frozen=True)
class HostPolicy:
    """The hosts one source may fetch from."""

    sites: frozenset[str]  # registrable domains of the named host names
    named: frozenset[tuple[str, int | None]]  # (host, port) named in the sources file; port None: any

    @classmethod
    def for_source(cls, source) -> HostPolicy:
        urls = [*source.list_urls, *([source.site_url] if source.site_url else [])]
        own = {_url_host(url) for url in urls}
        sites = {site_of(f"http://{host}/") for host, _ in own if parse_ip(host) is None}  # the source's own site
        listed = {parse_host_entry(entry) for entry in getattr(source, "allowed_hosts", ())}  # just these hosts
        return cls(sites=frozenset(s for s in sites if s), named=frozenset(own | listed))

    def refusal(self, url: str) -> str | None:
        """Why url must not be fetched (a REFUSALS key), or None when it may."""
        try:
            parts = urlsplit(url)
            scheme, host, _ = parts.scheme.lower(), parts.hostname, parts.port
        except ValueError:
            return "not-http"
        if scheme not in DEFAULT_PORTS or not host:
            return "not-http"
        host, port = _url_host(url)
        if (host, port) in self.named or (host, None) in self.named:
            return None
        ip = parse_ip(host)
        if ip is not None:
            return "internal-address" if is_internal(ip) else "off-site"
        if site_of(f"http://{host}/") in self.sites or any(_under(host, h) for h, p in self.named if p in (None, port)):
            return None
        return "off-site"


def redirect_detail(url: str, via: str, reason: object = None, kind: str = "off-site") -> str:
    """Why a redirect to url was not followed.  To another public host ("off-site": a merged province's old
    portal answering 301 to the new one, research 9.3) it names the move and what the user can do; to an
    internal address it gives no advice.  reason: the redirect's status (301, 302…) or "meta refresh"."""
    how = f" ({reason})" if reason is not None else ""
    target = urlsplit(url).netloc
    if kind != "off-site" or urlsplit(via).netloc == target:
        return f"redirected from {via}{how}"
    return (f"redirected from {via}{how}: the page moved to {target}; to follow it, name that host in the source's"
            f' allowed_hosts (allowed_hosts = ["{target}"]) or point list_urls at the new site')


def _url_host(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return _normal_host(parts.hostname or ""), parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)


def _under(host: str, named: str) -> bool:
    return parse_ip(named) is None and (host == named or host.endswith("." + named))

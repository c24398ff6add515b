"""URL identity: the canonical URL we publish and the key the store dedupes on.

Two functions, two jobs:

* ``canonical_url`` is the link readers open.  It keeps the page's scheme (a
  site that only answers on http must still be reachable) and its ``www.``
  host, but drops what never identifies an article: tracking parameters
  (``TRACKING_PARAMS``), fragments, default ports, an empty query; the host is
  lower-cased, the query sorted and percent-encoding normalized (w3lib's
  ``canonicalize_url``).  AMP and mobile hosts (``amp.``, ``m.``) are folded
  onto the desktop host: the desktop page is the one to link to.
* ``url_key`` is the identity key.  It is ``canonical_url`` further folded by
  ``KEY_FOLDS``: **no scheme** (a site moving from http to https must not
  create new articles, feedbin #515), ``www.``/``m.``/``amp.`` hosts onto the
  bare host, no trailing slash, and a lower-cased path (cand.com.vn links the
  same article as ``/Ban-tin-113/…`` and ``amp…/ban-tin-113/…``; the CMSs we
  crawl treat paths case-insensitively).  Query *values* keep their case.

A ``canonical_hint`` (rel=canonical, og:url) replaces the URL only when it is
an absolute http(s) URL on the same site (registrable domain, via courlan and
the public suffix list) and not a site's home page (``HINT_REJECTIONS``).
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import extract_domain
from w3lib.url import canonicalize_url

# Query parameters that never identify an article -> why they are dropped.
# A name ending in "*" is a prefix.
TRACKING_PARAMS: dict[str, str] = {
    "utm_*": "Google Analytics campaign tags (utm_source=zalo, =facebook, =rss …)",
    "fbclid": "Facebook click id, added to every shared link",
    "gclid": "Google Ads click id",
    "dclid": "Google Display click id",
    "gbraid": "Google Ads app-to-web click id",
    "wbraid": "Google Ads web-to-app click id",
    "msclkid": "Microsoft Ads click id",
    "yclid": "Yandex click id",
    "_gl": "Google linker parameter for cross-domain analytics",
    "_ga": "Google Analytics client id (older cross-domain linker)",
    "zarsrc": "Zalo share source tag (zarsrc=30 on links shared in Zalo)",
    "gidzl": "Zalo click id",
    "zlid": "Zalo link id",
    "mc_cid": "Mailchimp campaign id",
    "mc_eid": "Mailchimp subscriber id",
    "igshid": "Instagram share id",
    "ref": "referrer tag (?ref=rss double-ingests stories, mediacloud/metadata-lib #67)",
    "ref_src": "Twitter/X referrer tag",
    "share": "share-button marker on some CMSs",
    "cmpid": "campaign id used by news CMSs",
}

# Host prefixes folded away for the identity key -> why.
HOST_PREFIXES: dict[str, str] = {
    "www.": "www.bocongan.gov.vn and bocongan.gov.vn serve the same pages",
    "m.": "mobile hosts mirror the desktop site",
    "amp.": "amp.cand.com.vn/<cat>/<slug>-i<id> is cand.com.vn/<cat>/<slug>-i<id>/",
}

# Host prefixes also folded in the published canonical URL (not www.: both work).
CANONICAL_HOST_PREFIXES = ("m.", "amp.")

DEFAULT_PORTS = {"http": 80, "https": 443}

# Hints that are refused even on the same site -> why.
HINT_REJECTIONS: dict[str, str] = {
    "home page": "some CMSs put the site root in og:url on every article; honouring it merges them all",
    "other site": "a canonical on another registrable domain is syndication or a mistake, not this page",
    "not http": "only absolute http(s) URLs identify a page",
}


def is_tracking_param(name: str) -> bool:
    """True when a query parameter name is in TRACKING_PARAMS (prefix rows end in '*')."""
    lowered = name.lower()
    for pattern in TRACKING_PARAMS:
        if pattern.endswith("*") and lowered.startswith(pattern[:-1]):
            return True
        if lowered == pattern:
            return True
    return False


def site_of(url: str) -> str:
    """The registrable domain of a URL (cand.com.vn for amp.cand.com.vn), or its host."""
    return _site_of_host(urlsplit(url).hostname, url)  # raises ValueError for a URL urlsplit refuses, as it always did


def _site_of_host(host: str | None, url: str) -> str:
    """site_of(url), given url's hostname."""
    if not host:
        return ""
    site = _SITES.get(host)
    if site is None:
        if len(_SITES) >= SITES_REMEMBERED:
            _SITES.clear()
        site = _SITES[host] = _site_of(url)
    return site


# courlan (tld) reads only the URL's hostname: a site is worked out once per host (a crawl reads
# many pages of each host; the lookup walks the public suffix list for every URL).
SITES_REMEMBERED = 4096
_SITES: dict[str, str] = {}


def _site_of(url: str) -> str:
    domain = extract_domain(url)
    if domain:
        return domain.lower()
    return (urlsplit(url).hostname or "").lower()


def same_site(a: str, b: str) -> bool:
    """True when two URLs are on the same registrable domain."""
    site_a = site_of(a)
    return bool(site_a) and site_a == site_of(b)


def hint_rejection(url: str, hint: str) -> str | None:
    """Why a canonical hint is refused for url (a HINT_REJECTIONS key), or None."""
    hint_parts = urlsplit(hint)  # each URL split once: _is_http, same_site and _is_home_page, in their order
    if not (hint_parts.scheme.lower() in DEFAULT_PORTS and hint_parts.hostname):
        return "not http"
    url_parts = urlsplit(url)
    site = _site_of_host(url_parts.hostname, url)
    if not (site and site == _site_of_host(hint_parts.hostname, hint)):
        return "other site"
    if _is_home(hint_parts) and not _is_home(url_parts):
        return "home page"
    return None


def _is_home(parts: SplitResult) -> bool:
    return parts.path in ("", "/") and not parts.query


def _fold_host(host: str, prefixes, site: str) -> str:
    """Drop one known prefix from host, unless that would go above the registrable domain."""
    for prefix in prefixes:
        rest = host[len(prefix) :]
        if host.startswith(prefix) and (rest == site or rest.endswith("." + site)):
            return rest
    return host


def _clean_query(query: str) -> str:
    if not query:
        return ""  # what urlencode(parse_qsl("")) gives
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlencode(pairs, safe="%/:@!$'()*,;")


def _netloc(scheme: str, host: str, port: int | None, userinfo: str) -> str:
    netloc = host
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{host}:{port}"
    return f"{userinfo}@{netloc}" if userinfo else netloc


def canonical_url(url: str, *, canonical_hint: str | None = None) -> str:
    """The URL to publish for a page: tracking, fragment and default port dropped, query sorted."""
    url = url.strip()
    if canonical_hint and hint_rejection(url, canonical_hint.strip()) is None:
        url = canonical_hint.strip()
    cleaned = canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return cleaned
    hostname = parts.hostname
    host = _fold_host((hostname or "").lower(), CANONICAL_HOST_PREFIXES, _site_of_host(hostname, cleaned))
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = _netloc(scheme, host, parts.port, userinfo)
    return urlunsplit((scheme, netloc, parts.path or "/", _clean_query(parts.query), ""))


def url_key(url: str) -> str:
    """The identity key of a URL: canonical_url without scheme, www/m/amp, trailing slash or path case."""
    canonical = canonical_url(url)
    parts = urlsplit(canonical)
    if parts.scheme not in DEFAULT_PORTS:
        return canonical
    host = _fold_host(parts.hostname or "", HOST_PREFIXES, site_of(canonical))
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    path = parts.path.rstrip("/").lower()
    key = netloc + path
    return f"{key}?{parts.query}" if parts.query else key

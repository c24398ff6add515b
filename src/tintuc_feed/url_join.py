"""Joining a page's links to its URL when the link may be no URL at all.

urllib's urljoin raises ValueError on an href it cannot split: a bracketed host that is no IPv6 address
("http://[bad", "//[::1"), pasted or half-typed on legacy portals.  One such link raised out of the
family's reader and the article, or the whole list page, was lost; it is a link to nothing, as a browser
treats it.

`fast_join` gives what `join_url` gives, faster for the three shapes of almost every href on a portal's
page (issue 10: a list page's ~600 menu, sidebar and footer links were a third of its reading).

Hrefs covered: ASCII, no "." or ".." segment, no empty segment, no ";" or ":", no empty "?" or "#".

| href shape                                     | joined                                                  |
|------------------------------------------------|---------------------------------------------------------|
| absolute http(s): "https://host[:port]/path"   | the href                                                |
| rooted: "/path[?query][#id]"                   | the base's "scheme://netloc" + href                     |
| relative: "path/name[?query][#id]"             | the base's folder (urljoin(base, "Z") less "Z") + href  |

The absolute row takes "[?query][#id]" too.  Each row is what urllib's urljoin does with such an href (no
dot segment to resolve, no params to split off, no empty query or fragment that urlunsplit drops, nothing
urlsplit strips or lowercases); anything else, and any base that is not an http(s) URL with a host, goes
through urljoin.  tests/test_url_join_fast_path.py checks every row against urljoin on generated hrefs and
bases and on every href of every recorded page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit


def join_url(base: str, href: str) -> str | None:
    """urljoin(base, href), or None when href (or base) cannot be split as a URL."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


_SEGMENT = r"[A-Za-z0-9_~!$&'()*+,=@%.-]+"
_PATH = rf"{_SEGMENT}(?:/{_SEGMENT})*/?"
_QUERY = r"(?:\?[A-Za-z0-9_~!$&'()*+,=@%./?-]+)?(?:#[A-Za-z0-9_~!$&'()*+,=@%./?-]+)?"
_ABSOLUTE = re.compile(rf"https?://[A-Za-z0-9.-]+(?::[0-9]{{1,5}})?(?:/(?:{_PATH})?)?{_QUERY}")
_ROOTED = re.compile(rf"/(?:{_PATH})?{_QUERY}")
_RELATIVE = re.compile(rf"{_PATH}{_QUERY}")
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|\?|#|$)")


@lru_cache(maxsize=256)
def _prefixes(base: str) -> tuple[str, str | None] | None:
    """(the base's "scheme://netloc", its folder with a trailing "/" or None), or None for a base the fast
    rows do not cover (not http(s), no host, not splittable).  Cached: a page's links share one base."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    root = f"{parts.scheme}://{parts.netloc}"
    probe = join_url(base, "Z")
    folder = probe[:-1] if probe and probe.startswith(root + "/") and probe.endswith("/Z") else None
    return root, folder


def fast_join(base: str, href: str) -> str | None:
    """join_url(base, href) where a row of the module doc's table covers the href (always an http(s) URL),
    else None: the caller joins it with join_url."""
    prefixes = _prefixes(base) if base else None
    if prefixes is None or _DOT_SEGMENT.search(href):
        return None
    if href[:1] == "/":
        return prefixes[0] + href if _ROOTED.fullmatch(href) else None
    if href[:4] == "http" and _ABSOLUTE.fullmatch(href):
        return href
    if prefixes[1] is not None and _RELATIVE.fullmatch(href):
        return prefixes[1] + href
    return None


def join_link(base: str, href: str) -> str | None:
    """join_url(base, href), through the module doc's table where a row covers the href."""
    return fast_join(base, href) or join_url(base, href)

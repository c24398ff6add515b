"""Joining a page's links to its URL when the link may be no URL at all.

urllib's urljoin raises ValueError on an href it cannot split: a bracketed host that is no IPv6 address
("http://[bad", "//[::1"), pasted or half-typed on legacy portals.  One such link raised out of the
family's reader and the article, or the whole list page, was lost; it is a link to nothing, as a browser
treats it.
"""

from __future__ import annotations

from urllib.parse import urljoin


def join_url(base: str, href: str) -> str | None:
    """urljoin(base, href), or None when href (or base) cannot be split as a URL."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None

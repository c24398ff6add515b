"""A list page that moved to another host the source allows: its links are judged as on the old host.

After the 2025 merger an absorbed province's portal may answer 301/302 to the absorbing province's portal
(research 9.3: congan.quangnam.gov.vn -> congan.danang.gov.vn).  The crawl follows such a redirect only
where the source allows the new host (allowed_hosts, crawl_policy.HostPolicy).  The source's
article_url_pattern was written for the old host ("^https?://congan\\.quangnam\\.gov\\.vn/…"), so every link
of the moved list would fail it and the user who allowed the move would get "no article links".  Here a
link on the new origin is tested as the same path on the asked-for origin: the pattern keeps deciding
which paths are articles, the host move alone does not make them fail.  The articles are stored under
the source that found them (with its province and former_province), at the URLs they are served from.

Pure: no Scrapy (crawler/spiders/portal.py calls list_source with the URL asked and the URL answered).
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from urllib.parse import urlsplit

from .patterns import UrlPattern
from .sources import Source


def origin(url: str) -> str:
    """scheme://host[:port] of url, lower-cased."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclasses.dataclass(frozen=True)
class MovedPattern:
    """The source's pattern, also matching a URL on `new` whose path on `old` would match."""

    pattern: UrlPattern
    old: str
    new: str

    def search(self, url: str):
        found = self.pattern.search(url)
        if found is None and origin(url) == self.new:
            found = self.pattern.search(self.old + url[len(self.new):])
        return found


@dataclasses.dataclass(frozen=True)
class MovedSource(Source):
    """A Source read on a list page that redirected from moved_from's origin to moved_to's."""

    moved_from: str = ""
    moved_to: str = ""

    @cached_property
    def article_re(self) -> MovedPattern:
        return MovedPattern(UrlPattern(self.article_url_pattern, self.article_url_exclude), self.moved_from,
                            self.moved_to)


def list_source(source: Source, asked_url: str, answered_url: str) -> Source:
    """The source to read a list page with: itself, or a MovedSource when the page moved to another origin."""
    old, new = origin(asked_url), origin(answered_url)
    if old == new:
        return source
    values = {f.name: getattr(source, f.name) for f in dataclasses.fields(Source)}
    return MovedSource(**values, moved_from=old, moved_to=new)

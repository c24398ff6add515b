"""Publishing isolates items: one article that cannot be written never stops a feed.

The store checks every field as it comes in (validate.py), but a store made by
an older version, or edited by hand, may still hold a row that lxml refuses
(a control character in a URL), or text that is not valid Unicode.  Before,
such a row made every publish fail, so no feed of any source was updated again.

ItemGuard renders each feed whole; only when that fails does it try the
feed's items one by one (each in a one-item feed, in every format) and leave
out those that fail.  A verdict is kept per guid for the whole publish, so an
article shown in several feeds is tried once and left out of all of them (and
of index.html's headlines).  Each left-out item is logged once, counted per
source in status.json, and reported in the health feed.  A feed that still
fails with none of its bad items is a real bug: the error is raised.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..model import StoredArticle
from .common import Feed, rfc3339

log = logging.getLogger("tintuc_feed.publish")

# What rendering a bad item raises: lxml and feedgen refuse values with ValueError, UTF-8 encoding with
# UnicodeEncodeError (a ValueError); a field of the wrong type raises TypeError.
RENDER_ERRORS = (ValueError, TypeError)
REASON_WIDTH = 200  # characters of the error kept as the reason


@dataclass(frozen=True)
class LeftOut:
    """An article left out of every feed of one publish, and why."""

    guid: str
    source_id: str
    url: str
    reason: str
    updated: str  # the article's last change, RFC 3339


class ItemGuard:
    """Renders feeds without the items that cannot be written; remembers which were left out."""

    def __init__(self) -> None:
        self._bad: dict[str, LeftOut] = {}
        self._good: set[str] = set()

    @property
    def left_out(self) -> tuple[LeftOut, ...]:
        """Every item left out so far, by source then guid."""
        return tuple(sorted(self._bad.values(), key=lambda item: (item.source_id, item.guid)))

    def left_out_by_source(self) -> dict[str, list[LeftOut]]:
        by_source: dict[str, list[LeftOut]] = {}
        for item in self.left_out:
            by_source.setdefault(item.source_id, []).append(item)
        return by_source

    def keep(self, items: Iterable[StoredArticle]) -> list[StoredArticle]:
        """items without those already found unwritable."""
        return [item for item in items if item.guid not in self._bad]

    def render(self, feed: Feed, render: Callable[[Feed], Mapping[str, bytes]]) -> tuple[Feed, Mapping[str, bytes]]:
        """The feed without its unwritable items, and render(feed) of it."""
        feed = _with_items(feed, self.keep(feed.items))
        try:
            return feed, render(feed)
        except RENDER_ERRORS:
            for item in feed.items:
                self._try(feed, item, render)
        feed = _with_items(feed, self.keep(feed.items))
        return feed, render(feed)

    def _try(self, feed: Feed, item: StoredArticle, render) -> None:
        if item.guid in self._good or item.guid in self._bad:
            return
        try:
            render(_with_items(feed, [item]))
        except RENDER_ERRORS as exc:
            self._leave_out(item, f"{type(exc).__name__}: {exc}")
        else:
            self._good.add(item.guid)

    def _leave_out(self, item: StoredArticle, reason: str) -> None:
        article = item.article
        reason = printable(" ".join(reason.split()))[:REASON_WIDTH]
        self._bad[item.guid] = LeftOut(item.guid, article.source_id, printable(article.url), reason,
                                       rfc3339(item.updated))
        log.warning("left out of the feeds: %s %s (%s): %s", article.source_id, ascii(article.url), item.guid,
                    reason)


def left_out_key(items: Iterable[LeftOut]) -> str:
    """A short stable digest of a set of left-out items (the health feed's guid for them)."""
    joined = "\x1f".join(sorted(item.guid for item in items))
    return hashlib.sha256(joined.encode("utf-8", "backslashreplace")).hexdigest()[:24]


def _with_items(feed: Feed, items) -> Feed:
    return dataclasses.replace(feed, items=tuple(items))


def printable(text: str) -> str:
    """text with what cannot be written shown as escapes (for the log, status.json and the health feed)."""
    return "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else ascii(ch)[1:-1] for ch in text)

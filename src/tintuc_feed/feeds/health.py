"""The "health" feed: one item per flagged source, for the operator.

An item's guid is stable per (source, flag reason, start of the problem), so a
reader shows a problem once, not after every crawl.  The start of the problem
is SourceHealth.flagged_since when the model has it; otherwise the last
success for a failing source (it stays fixed while the failures go on), or the
newest article's date for a source that works but finds nothing new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape

from ..model import Article, SourceHealth, StoredArticle
from ..sources import Source
from .common import EMPTY_FEED_UPDATED, Feed, feed_links, in_vn, join_url, newest_first, rfc3339
from .isolate import LeftOut, left_out_key, printable
from .plan import HEALTH_ID, SITE_NAME


def health_feed(sources: Sequence[Source], health: Mapping[str, SourceHealth], base_url: str, *,
                left_out: Sequence[LeftOut] = ()) -> Feed:
    """One item per flagged source, and one per source with articles publishing had to leave out."""
    by_id = {source.id: source for source in sources}
    items = [health_item(by_id.get(sid), h, base_url) for sid, h in sorted(health.items()) if h.flagged]
    by_source: dict[str, list[LeftOut]] = {}
    for item in left_out:
        by_source.setdefault(item.source_id, []).append(item)
    items += [left_out_item(by_id.get(sid), own, base_url) for sid, own in sorted(by_source.items())]
    return Feed(
        id=HEALTH_ID,
        title=f"{SITE_NAME}: tình trạng các nguồn",
        description="Các nguồn cần kiểm tra (lỗi thu thập, không có bài mới)",
        links=feed_links(base_url, HEALTH_ID, join_url(base_url, "")),
        items=tuple(newest_first(items)),
        kind="health",
    )


def problem_since(health: SourceHealth) -> datetime | None:
    """When the current problem started, as well as the health data tells."""
    explicit = getattr(health, "flagged_since", None)
    if explicit is not None:
        return explicit
    if health.consecutive_failures:
        return health.last_success
    return health.newest_published


def health_guid(health: SourceHealth) -> str:
    since = problem_since(health)
    key = "\x1f".join((health.source_id, health.flagged or "", rfc3339(since) or "never"))
    return "urn:tintuc-feed:health:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def health_item(source: Source | None, health: SourceHealth, base_url: str) -> StoredArticle:
    name = source.name if source else health.source_id
    since = problem_since(health) or health.last_attempt or EMPTY_FEED_UPDATED
    html = _content(name, health)
    article = Article(
        url=f"{join_url(base_url, '')}#source-{health.source_id}",
        source_id=health.source_id,
        title=f"{name}: {health.flagged}",
        title_raw=f"{name}: {health.flagged}",
        content_html=html,
        content_text=f"{name}: {health.flagged}",
        published=in_vn(since),
        summary=health.flagged,
        province=source.province if source else None,
    )
    return StoredArticle(article=article, guid=health_guid(health), first_seen=in_vn(since), updated=in_vn(since))


LEFT_OUT_SHOWN = 20  # items listed in a left-out report; the count says how many there are


def left_out_item(source: Source | None, left_out: Sequence[LeftOut], base_url: str) -> StoredArticle:
    """A report of the articles of one source that could not be written: stable while the set is the same."""
    source_id = left_out[0].source_id
    name = source.name if source else source_id
    title = f"{name}: {len(left_out)} bài không ghi được vào feed"  # "N articles could not be written to the feeds"
    since = in_vn(max(datetime.fromisoformat(item.updated) for item in left_out))
    rows = "".join(f"<li>{escape(item.url)} ({escape(printable(item.guid))}): {escape(item.reason)}</li>"
                   for item in left_out[:LEFT_OUT_SHOWN])
    html = (f"<p>Các bài sau của nguồn <strong>{escape(name)}</strong> bị loại khỏi mọi feed vì không ghi được"
            f" (xem status.json):</p><ul>{rows}</ul>")
    article = Article(
        url=f"{join_url(base_url, '')}#source-{source_id}",
        source_id=source_id,
        title=title,
        title_raw=title,
        content_html=html,
        content_text=title,
        published=since,
        summary=title,
        province=source.province if source else None,
    )
    guid = f"urn:tintuc-feed:health:left-out:{left_out_key(left_out)}"
    return StoredArticle(article=article, guid=guid, first_seen=since, updated=since)


def _content(name: str, health: SourceHealth) -> str:
    rows = [
        ("Vấn đề", health.flagged),
        ("Lần thành công cuối", _when(health.last_success)),
        ("Lỗi gần nhất", health.last_error or "không có"),
        ("Bài mới nhất", _when(health.newest_published)),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)
    return f"<p>Nguồn <strong>{escape(name)}</strong> cần được kiểm tra.</p><table>{cells}</table>"


def _when(moment: datetime | None) -> str:
    return in_vn(moment).strftime("%d/%m/%Y %H:%M") if moment else "chưa có"


def status_generated_at(health: Mapping[str, SourceHealth], articles: Sequence[StoredArticle]) -> datetime:
    """The newest moment the inputs describe: stands in for "now" so output is byte-stable."""
    moments = [m for h in health.values() for m in (h.last_attempt, h.last_success) if m is not None]
    moments += [item.updated for item in articles]
    return in_vn(max(moments, key=in_vn)) if moments else EMPTY_FEED_UPDATED

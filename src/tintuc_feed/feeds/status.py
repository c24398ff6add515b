"""status.json: the health of every source, for monitoring scripts."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..model import SourceHealth
from ..sources import Source
from .common import rfc3339
from .failed_feeds import FeedFailure
from .isolate import LeftOut, printable
from .jsonfeed import dumps

STATUS_VERSION = 1


def render_status(sources: Sequence[Source], health: Mapping[str, SourceHealth], *, generated_at: datetime,
                  left_out: Sequence[LeftOut] = (), feed_failures: Sequence[FeedFailure] = ()) -> bytes:
    """status.json; left_out: the items this publish could not write (each source counts its own);
    feed_failures: the feeds it could not write (their previous files kept), on the source's entry too."""
    known = {source.id for source in sources}
    entries = [source_status(source, health.get(source.id)) for source in sources]
    entries += [source_status(None, health[sid]) for sid in sorted(health) if sid not in known]
    failed = {failure.feed_id: failure.reason for failure in feed_failures}
    for entry in entries:
        entry["left_out"] = sum(1 for item in left_out if item.source_id == entry["id"])
        entry["feed_error"] = failed.get(entry["id"])
    document = {
        "version": STATUS_VERSION,
        "generated_at": rfc3339(generated_at),
        "flagged": sum(1 for entry in entries if entry["flagged"]),
        "left_out": [dataclasses.asdict(item) | {"guid": printable(item.guid)} for item in left_out],
        "feed_errors": [{"feed": failure.feed_id, "error": failure.reason} for failure in feed_failures],
        "sources": entries,
    }
    return dumps(document, indent=2)


def source_status(source: Source | None, health: SourceHealth | None) -> dict[str, Any]:
    h = health or SourceHealth(source_id=source.id if source else "")
    return {
        "id": h.source_id,
        "name": source.name if source else None,
        "province": source.province if source else None,
        "home": source.home if source else None,
        "enabled": source.enabled if source else None,
        "last_attempt": rfc3339(h.last_attempt),
        "last_success": rfc3339(h.last_success),
        "last_error": h.last_error,
        "consecutive_failures": h.consecutive_failures,
        "articles_last_7d": h.articles_last_7d,
        "newest_published": rfc3339(h.newest_published),
        "last_found": h.last_found,
        "last_new": h.last_new,
        "degraded": h.degraded,
        "skipped": h.skipped,
        "refused": h.refused,
        "notes": dict(h.notes),
        "flagged": h.flagged,
        "flagged_since": rfc3339(h.flagged_since),
        "last_worker": h.last_worker,
        "known": health is not None,
    }

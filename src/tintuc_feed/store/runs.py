"""Store's run records, source health and HTTP validators (the SQL is store_health's).

A mixin of core.Store, as batch.BatchWrites is: each write is one transaction of the store's backend.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from .. import store_health
from ..model import SourceHealth
from ..store_codec import TZ


class RunRecords:
    """Mixed into core.Store (it provides _transaction and _db)."""

    def start_run(self, source_ids: Sequence[str], *, now: datetime | None = None, worker: str | None = None) -> int:
        """A new run of these sources; `worker` names the tintuc-feed worker (host:pid) that runs it, if any."""
        with self._transaction():
            return store_health.start_run(self._db, source_ids, now or _now(), worker)

    def finish_source(
        self,
        run_id: int,
        source_id: str,
        *,
        ok: bool,
        error: str | None = None,
        found: int = 0,
        new: int = 0,
        updated: int = 0,
        duplicates: int = 0,
        skipped: int = 0,
        degraded: int = 0,
        refused: int = 0,
        notes: dict[str, int] | None = None,
        now: datetime | None = None,
    ) -> None:
        """Record how one source's crawl ended; notes counts refused requests and skipped pages by kind."""
        counts = {
            "refused": refused,
            "notes": json.dumps(notes, sort_keys=True) if notes else None,
            "found": found,
            "new": new,
            "updated": updated,
            "duplicates": duplicates,
            "skipped": skipped,
            "degraded": degraded,
        }
        with self._transaction():
            store_health.finish_source(self._db, run_id, source_id, ok, error, counts, now or _now())

    def close_unfinished(self, source_id: str, *, error: str, now: datetime | None = None) -> int:
        """Record as failed the source's runs that never finished (their crawl died); how many there were."""
        with self._transaction():
            return store_health.close_unfinished(self._db, source_id, error, now or _now())

    def unfinished_runs(self) -> list[tuple[int, datetime]]:
        """(run id, started) of the runs with a source not finished (running, or killed)."""
        return store_health.unfinished_runs(self._db)

    def close_interrupted(self, run_id: int, error: str, *, now: datetime | None = None) -> None:
        """Close a run whose processes are gone: its unfinished sources failed, their stored articles counted."""
        with self._transaction():
            store_health.close_interrupted(self._db, run_id, error, now or _now())

    def stored_during_run(self, run_id: int, source_id: str) -> tuple[int, int]:
        """(new, updated): the source's articles first stored, or revised, since the run started."""
        return store_health.stored_during_run(self._db, run_id, source_id)

    def run_outcomes(self, run_id: int) -> dict[str, dict]:
        """Each source of one run: its row in run_sources (ok, error, counts; finished None if it never ended)."""
        rows = self._db.execute("SELECT * FROM run_sources WHERE run_id = ?", (run_id,)).fetchall()
        return {row["source_id"]: dict(row) for row in rows}

    def health(self, *, now: datetime, fail_threshold: int = 3, stale_days: int = 7) -> dict[str, SourceHealth]:
        return store_health.health(self._db, now, fail_threshold, timedelta(days=stale_days))

    def get_http_cache(self, url: str) -> tuple[str | None, str | None] | None:
        return store_health.get_http_cache(self._db, url)

    def set_http_cache(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._transaction():
            store_health.set_http_cache(self._db, url, etag, last_modified)


def _now() -> datetime:
    return datetime.now(TZ)

"""Crawl runs, per-source health and the HTTP validator cache (SQL on an open store connection).

A source is flagged when it needs the operator: FLAG_RULES, checked in order.
A flag's text stays the same while the problem goes on (no counts, no error
text: those are in their own fields), and flagged_since says when it began,
so the health feed shows one item per problem, not one per crawl.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta

from .model import SourceHealth
from .store_codec import dt_from_text, dt_to_text

# Why a source gets flagged, in the order checked (the first that applies is reported).
# Read by people on index.html and in the health feed, hence Vietnamese.
FLAG_RULES: dict[str, str] = {
    "failing": "thu thập lỗi từ {threshold} lần liên tiếp trở lên",
    "stale": "không có bài mới trong {days} ngày",
}


def start_run(db: sqlite3.Connection, source_ids: Sequence[str], now: datetime, worker: str | None = None) -> int:
    run_id = db.execute("INSERT INTO runs (started) VALUES (?) RETURNING id", (dt_to_text(now),)).fetchone()[0]
    db.executemany(
        "INSERT INTO run_sources (run_id, source_id, started, worker) VALUES (?, ?, ?, ?)",
        [(run_id, source_id, dt_to_text(now), worker) for source_id in dict.fromkeys(source_ids)],
    )
    return run_id


def finish_source(db, run_id: int, source_id: str, ok: bool, error: str | None, counts: dict, now: datetime) -> None:
    """Record how one source's crawl ended (a source missing from start_run is added)."""
    db.execute(
        "INSERT INTO run_sources (run_id, source_id, started) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (run_id, source_id, dt_to_text(now)),
    )
    assignments = ", ".join(f"{name} = ?" for name in counts)
    db.execute(
        f"UPDATE run_sources SET finished = ?, ok = ?, error = ?, {assignments} WHERE run_id = ? AND source_id = ?",
        [dt_to_text(now), int(ok), error, *counts.values(), run_id, source_id],
    )
    unfinished = db.execute(
        "SELECT COUNT(*) FROM run_sources WHERE run_id = ? AND finished IS NULL", (run_id,)
    ).fetchone()[0]
    if unfinished == 0:
        db.execute("UPDATE runs SET finished = ? WHERE id = ?", (dt_to_text(now), run_id))


def close_unfinished(db, source_id: str, error: str, now: datetime) -> int:
    """Mark every unfinished run of a source failed with `error` (its crawl is known to be over)."""
    run_ids = [r[0] for r in db.execute(
        "SELECT run_id FROM run_sources WHERE source_id = ? AND finished IS NULL", (source_id,)).fetchall()]
    for run_id in run_ids:
        finish_source(db, run_id, source_id, False, error, {"found": 0}, now)
    return len(run_ids)

def stored_during_run(db: sqlite3.Connection, run_id: int, source_id: str) -> tuple[int, int]:
    """(new, updated) articles of a source since its run started: the count of a crawl that died uncounted.

    A source's crawls never overlap (one at a time per source), so what was
    first stored or revised after the run started was stored by that run.
    """
    row = db.execute(
        "SELECT COUNT(CASE WHEN a.first_seen >= r.started THEN 1 END),"
        " COUNT(CASE WHEN a.first_seen < r.started AND a.updated >= r.started THEN 1 END)"
        " FROM run_sources r JOIN articles a ON a.source_id = r.source_id AND a.updated >= r.started"
        " WHERE r.run_id = ? AND r.source_id = ?",
        (run_id, source_id),
    ).fetchone()
    return (row[0] or 0, row[1] or 0) if row else (0, 0)


def _source_ids(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT source_id FROM run_sources UNION SELECT DISTINCT source_id FROM articles")
    return sorted(r[0] for r in rows)


# Health reads this many of a source's newest runs, not its whole history (a run a
# day per source for years): a failing streak longer than this is reported as this long.
RECENT_RUNS = 200


def _finished_runs(db: sqlite3.Connection, source_id: str) -> list[sqlite3.Row]:
    """The newest finished runs, newest first (a source's runs never overlap: run order is time order)."""
    return db.execute(
        "SELECT * FROM run_sources WHERE source_id = ? AND finished IS NOT NULL ORDER BY run_id DESC LIMIT ?",
        (source_id, RECENT_RUNS),
    ).fetchall()


def _last_success(db: sqlite3.Connection, source_id: str) -> str | None:
    row = db.execute(
        "SELECT finished FROM run_sources WHERE source_id = ? AND finished IS NOT NULL AND ok = 1"
        " ORDER BY run_id DESC LIMIT 1",
        (source_id,),
    ).fetchone()
    return row[0] if row else None


def _first_attempt(db: sqlite3.Connection, source_id: str) -> str | None:
    return db.execute("SELECT MIN(started) FROM run_sources WHERE source_id = ?", (source_id,)).fetchone()[0]


def _consecutive_failures(runs: list[sqlite3.Row]) -> int:
    count = 0
    for run in runs:
        if run["ok"]:
            break
        count += 1
    return count


def _article_stats(db: sqlite3.Connection, source_id: str, since: datetime) -> tuple[int, str | None, str | None]:
    return db.execute(
        "SELECT SUM(CASE WHEN first_seen >= ? THEN 1 ELSE 0 END), MAX(published), MAX(first_seen) FROM articles WHERE source_id = ?",
        (dt_to_text(since), source_id),
    ).fetchone()


def _flag(runs, failures: int, last_new_seen: datetime | None, first_attempt: datetime | None, now,
          fail_threshold, stale):
    """(why the source is flagged, since when), or (None, None)."""
    if failures >= fail_threshold:
        return FLAG_RULES["failing"].format(threshold=fail_threshold), dt_from_text(runs[failures - 1]["started"])
    watched_long_enough = first_attempt is not None and now - first_attempt >= stale
    if watched_long_enough and (last_new_seen is None or now - last_new_seen >= stale):
        return FLAG_RULES["stale"].format(days=stale.days), last_new_seen or first_attempt
    return None, None


def source_health(db, source_id: str, now: datetime, fail_threshold: int, stale: timedelta) -> SourceHealth:
    runs = _finished_runs(db, source_id)
    last = runs[0] if runs else None
    success = _last_success(db, source_id)
    failures = _consecutive_failures(runs)
    recent, newest_published, newest_seen = _article_stats(db, source_id, now - timedelta(days=7))
    first_attempt = dt_from_text(_first_attempt(db, source_id))
    flagged, flagged_since = _flag(runs, failures, dt_from_text(newest_seen), first_attempt, now, fail_threshold,
                                   stale)
    return SourceHealth(
        source_id=source_id,
        last_attempt=dt_from_text(last["started"]) if last else None,
        last_success=dt_from_text(success),
        last_error=last["error"] if last and not last["ok"] else None,
        consecutive_failures=failures,
        articles_last_7d=recent or 0,
        newest_published=dt_from_text(newest_published),
        last_found=last["found"] if last else 0,
        last_new=last["new"] if last else 0,
        degraded=last["degraded"] if last else 0,
        skipped=last["skipped"] if last else 0,
        refused=last["refused"] if last else 0,
        notes=json.loads(last["notes"]) if last and last["notes"] else {},
        flagged=flagged,
        flagged_since=flagged_since,
        last_worker=last["worker"] if last else None,
    )


def health(db, now: datetime, fail_threshold: int, stale: timedelta) -> dict[str, SourceHealth]:
    return {sid: source_health(db, sid, now, fail_threshold, stale) for sid in _source_ids(db)}


def get_http_cache(db: sqlite3.Connection, url: str) -> tuple[str | None, str | None] | None:
    row = db.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,)).fetchone()
    return (row[0], row[1]) if row else None


def set_http_cache(db: sqlite3.Connection, url: str, etag: str | None, last_modified: str | None) -> None:
    if etag is None and last_modified is None:
        db.execute("DELETE FROM http_cache WHERE url = ?", (url,))
        return
    db.execute(
        "INSERT INTO http_cache (url, etag, last_modified) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
        (url, etag, last_modified),
    )


def unfinished_runs(db: sqlite3.Connection) -> list[tuple[int, datetime]]:
    """(run id, started) of every run with a source not finished."""
    rows = db.execute("SELECT run_id, MIN(started) FROM run_sources WHERE finished IS NULL GROUP BY run_id")
    return [(run_id, dt_from_text(started)) for run_id, started in rows]


def close_interrupted(db: sqlite3.Connection, run_id: int, error: str, now: datetime) -> None:
    """Finish a dead run's unfinished sources as failed, with what they stored counted from the store."""
    sources = [r[0] for r in db.execute(
        "SELECT source_id FROM run_sources WHERE run_id = ? AND finished IS NULL", (run_id,))]
    for source_id in sources:
        new, updated = stored_during_run(db, run_id, source_id)
        db.execute(
            "UPDATE run_sources SET finished = ?, ok = 0, error = ?, new = ?, updated = ?"
            " WHERE run_id = ? AND source_id = ? AND finished IS NULL",
            (dt_to_text(now), error, new, updated, run_id, source_id),
        )
    db.execute("UPDATE runs SET finished = ? WHERE id = ? AND finished IS NULL", (dt_to_text(now), run_id))

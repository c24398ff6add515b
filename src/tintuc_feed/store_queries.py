"""Bounded reads for publishing (SQL on an open store connection).

Every query here returns rows in feed order, newest first: ``sort_ts DESC,
guid DESC``, the order of feeds.common.newest_first (sort_ts is the published
time, else first seen, as Unix seconds; equal instants give equal floats and
distinct microseconds stay distinct), so a LIMIT picks exactly the items a
feed built from every article would show.  The indexes of migration 3 serve
each ORDER BY without a sort.

A story's first copy is the same as in Store.merged_articles(): among the
articles of one story (``COALESCE(cluster_id, id)``) the one with the
smallest (sort_ts, id).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime

from .model import StoredArticle
from .store_codec import article_from_row, dt_from_text

NEWEST = "ORDER BY a.sort_ts DESC, a.guid DESC"
STORY = "COALESCE(a.cluster_id, a.id)"
FIRST_COPY = f"""
    NOT EXISTS (SELECT 1 FROM articles b WHERE b.cluster_id = {STORY} AND (b.sort_ts, b.id) < (a.sort_ts, a.id))
    AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.cluster_id AND b.cluster_id IS NULL
                    AND (b.sort_ts, b.id) < (a.sort_ts, a.id))"""
OTHER_COPIES = f"""
    (SELECT json_group_array(o.url) FROM (
        SELECT b.url FROM articles b WHERE b.cluster_id = {STORY} AND b.id != a.id ORDER BY b.sort_ts, b.id
    ) o) AS others"""
BATCH = 200  # rows fetched at a time by the streaming reads


def stored_from_row(row: sqlite3.Row, also: tuple[str, ...] = ()) -> StoredArticle:
    return StoredArticle(
        article=article_from_row(row),
        guid=row["guid"],
        first_seen=dt_from_text(row["first_seen"]),
        updated=dt_from_text(row["updated"]),
        also_published_at=also,
    )


def _merged_from_row(row: sqlite3.Row) -> StoredArticle:
    return stored_from_row(row, tuple(json.loads(row["others"])))


class Reader:
    """The bounded reads publishing makes, on one connection (see Store.snapshot)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def newest(self, limit: int, *, source_id: str | None = None, province: str | None = None) -> list[StoredArticle]:
        """The newest `limit` articles, of one source and/or province if given."""
        where, params = ["1 = 1"], []
        for column, value in (("source_id", source_id), ("province", province)):
            if value is not None:
                where.append(f"a.{column} = ?")
                params.append(value)
        sql = f"SELECT a.* FROM articles a WHERE {' AND '.join(where)} {NEWEST} LIMIT ?"
        return [stored_from_row(row) for row in self._db.execute(sql, [*params, limit])]

    def merged_newest(self, limit: int) -> list[StoredArticle]:
        """The first copies of the newest `limit` stories, other copies' URLs in also_published_at."""
        sql = f"SELECT a.*, {OTHER_COPIES} FROM articles a WHERE {FIRST_COPY} {NEWEST} LIMIT ?"
        return [_merged_from_row(row) for row in self._db.execute(sql, (limit,))]

    def merged_by_ids(self, ids: Sequence[int]) -> dict[int, StoredArticle]:
        """Articles by id, each with its story's other copies (for first copies found by first_copy_texts)."""
        found: dict[int, StoredArticle] = {}
        for start in range(0, len(ids), BATCH):
            chunk = list(ids[start:start + BATCH])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT a.*, {OTHER_COPIES} FROM articles a WHERE a.id IN ({marks})", chunk)
            found.update((row["id"], _merged_from_row(row)) for row in rows)
        return found

    def first_copy_texts(self) -> Iterator[sqlite3.Row]:
        """(id, title, summary, content_text) of every story's first copy, newest first, read in batches."""
        sql = f"SELECT a.id, a.title, a.summary, a.content_text FROM articles a WHERE {FIRST_COPY} {NEWEST}"
        yield from _batches(self._db.execute(sql))

    def all_newest(self) -> Iterator[StoredArticle]:
        """Every article, newest first, read in batches (for articles.jsonl)."""
        for row in _batches(self._db.execute(f"SELECT a.* FROM articles a {NEWEST}")):
            yield stored_from_row(row)

    def fingerprints(self) -> Iterator[tuple[str, bytes]]:
        """(guid, digest of the whole row) of every article, newest first.

        Publishing compares them with the last publish's to know whether anything a
        feed or articles.jsonl shows changed, a row rewritten in place included,
        without building the articles (feeds.incremental).  The short columns are
        digested as a tuple's repr, the two long ones as their bytes.
        """
        if not hasattr(self._db, "create_function"):  # PostgreSQL runs no Python: the same digests, made here
            yield from self._fingerprints_here()
            return
        self._db.create_function("tintuc_digest_values", -1, _digest_values, deterministic=True)
        self._db.create_function("tintuc_digest_bytes", 1, _digest_bytes, deterministic=True)
        columns = [d[0] for d in self._db.execute("SELECT * FROM articles LIMIT 0").description]
        short = ", ".join(f"a.{c}" for c in columns if c not in LONG_COLUMNS)
        long = ", ".join(f"tintuc_digest_bytes(CAST(a.{c} AS BLOB))" for c in LONG_COLUMNS)
        sql = f"SELECT a.guid, tintuc_digest_values({short}), {long} FROM articles a {NEWEST}"
        for row in _batches(self._db.execute(sql)):
            yield row[0], b"".join(row[1:])

    def _fingerprints_here(self) -> Iterator[tuple[str, bytes]]:
        columns = [d[0] for d in self._db.execute("SELECT * FROM articles LIMIT 0").description]
        short = [c for c in columns if c not in LONG_COLUMNS]
        sql = f"SELECT a.guid, {', '.join(f'a.{c}' for c in (*short, *LONG_COLUMNS))} FROM articles a {NEWEST}"
        for row in _batches(self._db.execute(sql)):
            values = tuple(row)[1:]
            yield row[0], _digest_values(*values[:len(short)]) + b"".join(
                _digest_bytes(None if v is None else v.encode("utf-8")) for v in values[len(short):])

    def provinces(self) -> set[str]:
        """Every province an article is filed under."""
        return {row[0] for row in self._db.execute("SELECT DISTINCT province FROM articles WHERE province <> ''")}

    def source_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT source_id FROM articles")}

    def newest_updated(self) -> datetime | None:
        """The latest `updated` of any article (stored as ISO text in one offset, so text order is time order)."""
        return dt_from_text(self._db.execute("SELECT MAX(updated) FROM articles").fetchone()[0])


LONG_COLUMNS = ("content_html", "content_text")


def _digest_values(*values) -> bytes:
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=16).digest()


def _digest_bytes(data: bytes | None) -> bytes:
    return hashlib.blake2b(data or b"", digest_size=16).digest()


def _batches(cursor: sqlite3.Cursor, first: int = 16) -> Iterator[sqlite3.Row]:
    """The cursor's rows, fetched in batches that start small and double up to BATCH (a scan may stop early)."""
    size = first
    while rows := cursor.fetchmany(size):
        yield from rows
        size = min(size * 2, BATCH)

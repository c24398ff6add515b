"""The article store, whichever backend holds it: upserts keyed by URL identity.

Identity.  An article is found by the ``url_key`` (see urls.py: no scheme, no
www/m/amp, no tracking, no trailing slash) of its canonical URL, of its
fetched URL and of any alias given; every key ever seen is kept in
``aliases``.  So http/https, www/amp and utm variants of one page are one
article.

GUID.  Decided once, at first sight, and never recomputed:
``tag:tintuc-feed,2025:<url_key of the first canonical URL>`` (RFC 4151).  It
is ASCII (url_key is percent-encoded and has no fragment), so it is a valid
RSS guid (isPermaLink="false"), Atom id (an IRI) and JSON Feed id.  The date
is a fixed tagging date, not the first-seen date, so a store rebuilt from
scratch gives the same GUIDs again.

Updates.  A changed title or body text keeps the previous version in
``revisions``, sets ``updated`` to now and returns "updated".  Other fields
that changed (image, summary, a newer canonical URL…) are refreshed in place
without a revision ("unchanged": nothing readers need to be told).  Values a
new crawl did not find (None) never erase what an earlier crawl found.  An
identical crawl writes nothing.

Clusters.  Each article gets a ``cluster_id`` (the id of the first article of
its story) from dedupe.StoryIndex at upsert time, so ``merged_articles`` is a
single query.  The index is built from the stored signatures on first need.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, Self

from .. import dedupe
from ..model import Article, StoredArticle
from ..store_codec import (
    ARTICLE_FIELDS,
    article_columns,
    article_from_row,
    content_hash,
    dt_from_text,
    dt_to_text,
    keep_found,
    sort_ts,
)
from ..store_prepare import PreparedArticle, prepare
from ..store_queries import Reader, stored_from_row
from ..store_schema import SCHEMA_VERSION, SchemaVersionError, StoreError
from ..urls import url_key
from .batch import BatchWrites
from .location import backend_for
from .runs import RunRecords

__all__ = ["SCHEMA_VERSION", "SchemaVersionError", "Store", "StoreError", "UpsertResult", "guid_for"]

GUID_PREFIX = "tag:tintuc-feed,2025:"


@dataclass(frozen=True)
class UpsertResult:
    status: Literal["new", "updated", "unchanged"]
    guid: str


def guid_for(key: str) -> str:
    """The GUID given to an article first seen under url_key `key`."""
    return GUID_PREFIX + key


class Store(BatchWrites, RunRecords):
    """The store.  Use as a context manager, or call close().

    `location` is an SQLite path (or sqlite:///path) or a postgresql:// URL
    (location.backend_for); the backend decides how to connect and how
    transactions begin, everything else is the same SQL on both.
    """

    def __init__(self, location: str | Path) -> None:
        self._backend = backend_for(location)
        self.path = getattr(self._backend, "path", None)  # the SQLite file; None for a database server
        self.location = location  # as given: reopen the same store with Store(store.location)
        self._db = self._backend.connect()
        # What a refused write raises on this backend: its driver's errors (sqlite3.Error, psycopg.Error), and
        # ValueError for a value no driver can encode (a lone surrogate) or the codec refuses (a naive datetime).
        self.errors: tuple[type[BaseException], ...] = (*self._backend.errors, ValueError)
        self._index: dedupe.StoryIndex | None = None
        self._index_seen = 0  # the newest article id whose signature the index holds

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- transactions ---------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._db, self._backend)

    # --- upsert ----------------------------------------------------------------

    def upsert(self, article: Article | PreparedArticle, *, now: datetime,
               aliases: Sequence[str | None] = ()) -> UpsertResult:
        """Insert or update one article, in one transaction (empty or None aliases are ignored).

        `article` may come already prepared (store_prepare.py: validated, keyed, its signature made),
        as a crawl's worker processes give it; then `aliases` are those it was prepared with.
        """
        prepared = article if isinstance(article, PreparedArticle) else prepare(article, aliases)
        try:
            with self._transaction():
                result = self._write(prepared, now)
        except BaseException:
            self._index = None  # it may hold what the rolled-back transaction added: rebuilt on next use
            raise
        return result

    def _write(self, prepared: PreparedArticle, now: datetime) -> UpsertResult:
        """The upsert's statements, inside the caller's transaction."""
        article, keys = prepared.article, prepared.keys
        row = self._find(list(keys))
        if row is None:
            result = self._insert(article, now)
        else:
            result = self._update(row, article, now)
        article_id = self._db.execute("SELECT id FROM articles WHERE guid = ?", (result.guid,)).fetchone()[0]
        self._add_aliases(article_id, keys, now)
        if result.status != "unchanged":
            self._cluster(article_id, self._signature(article_id, prepared))
        return result

    def _signature(self, article_id: int, prepared: PreparedArticle):
        """The dedupe signature of the stored article's text: the prepared one unless an update kept older text."""
        stored = self._db.execute("SELECT title, summary, content_text FROM articles WHERE id = ?",
                                  (article_id,)).fetchone()
        text = stored[2] or f"{stored[0]}\n{stored[1] or ''}"
        if text == prepared.dedupe_text:
            return dedupe.signature_from_bytes(prepared.signature) if prepared.signature is not None else None
        return dedupe.signature(text)

    def _find(self, keys: list[str]) -> sqlite3.Row | None:
        marks = ",".join("?" * len(keys))
        return self._db.execute(
            f"SELECT * FROM articles WHERE id IN (SELECT article_id FROM aliases WHERE url_key IN ({marks})"
            f" UNION SELECT id FROM articles WHERE url_key IN ({marks})) ORDER BY id LIMIT 1",
            keys + keys,
        ).fetchone()

    def _insert(self, article: Article, now: datetime):
        key = url_key(article.url)
        columns = article_columns(article) | {
            "guid": guid_for(key),
            "url_key": key,
            "first_seen": dt_to_text(now),
            "updated": dt_to_text(now),
            "sort_ts": sort_ts(article, now),
            "content_hash": content_hash(article),
        }
        self._insert_row("articles", columns)
        return UpsertResult("new", columns["guid"])

    def _update(self, row: sqlite3.Row, article: Article, now: datetime):
        old = article_from_row(row)
        new = keep_found(dataclasses.replace(article, source_id=old.source_id), old)
        unchanged = UpsertResult("unchanged", row["guid"])
        if _same_stored(new, old):
            return unchanged
        columns = article_columns(new) | {"sort_ts": sort_ts(new, dt_from_text(row["first_seen"]))}
        if content_hash(new) == row["content_hash"]:
            self._update_row(row["id"], columns)
            return unchanged
        self._save_revision(row, now)
        columns |= {"content_hash": content_hash(new), "updated": dt_to_text(now)}
        self._update_row(row["id"], columns)
        return UpsertResult("updated", row["guid"])

    def _insert_row(self, table: str, columns: dict) -> int:
        names = ",".join(columns)
        marks = ",".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"
        return self._db.execute(sql, list(columns.values())).fetchone()[0]

    def _update_row(self, article_id: int, columns: dict) -> None:
        assignments = ",".join(f"{name} = ?" for name in columns)
        self._db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*columns.values(), article_id])

    def _save_revision(self, row: sqlite3.Row, now: datetime) -> None:
        data = json.dumps(dict(zip(row.keys(), row, strict=True)), ensure_ascii=False)
        self._db.execute(
            "INSERT INTO revisions (article_id, replaced_at, title, content_html, content_text, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (row["id"], dt_to_text(now), row["title"], row["content_html"], row["content_text"], data),
        )

    def _add_aliases(self, article_id: int, keys: dict[str, str], now: datetime) -> None:
        self._db.executemany(
            "INSERT INTO aliases (url_key, article_id, url, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(key, article_id, url, dt_to_text(now)) for key, url in keys.items()],
        )

    # --- clusters --------------------------------------------------------------

    def story_index(self) -> dedupe.StoryIndex:
        """The LSH index of stored signatures: built on first use, then caught up on each call.

        Other connections (two spiders of one crawl, a second process) add
        articles too; each call reads the signatures of articles newer than
        the newest this index has seen, so a story stored by another
        connection a moment ago is found.
        """
        if self._index is None:
            self._index, self._index_seen = dedupe.StoryIndex(), 0
        rows = self._db.execute(
            "SELECT s.article_id, s.minhash, a.cluster_id FROM signatures s JOIN articles a ON a.id = s.article_id"
            " WHERE s.article_id > ? ORDER BY s.article_id",
            (self._index_seen,),
        ).fetchall()
        for article_id, blob, cluster in rows:
            if article_id not in self._index:
                self._index.add(article_id, dedupe.signature_from_bytes(blob), cluster=cluster)
        if rows:
            self._index_seen = max(self._index_seen, rows[-1][0])
        return self._index

    def _cluster(self, article_id: int, minhash) -> int:
        """Store the signature and cluster id of a new or rewritten article (inside the transaction).

        The in-memory index follows at once (a later article of the same transaction may be a copy of this
        one); a transaction that rolls back drops the index, which is rebuilt from the store on next use.
        """
        index = self.story_index()
        index.remove(article_id)  # a rewritten article replaces its old signature
        cluster = index.cluster_for(article_id, minhash)
        self._db.execute("DELETE FROM signatures WHERE article_id = ?", (article_id,))
        if minhash is not None:
            self._db.execute(
                "INSERT INTO signatures (article_id, minhash) VALUES (?, ?)",
                (article_id, dedupe.signature_bytes(minhash)),
            )
        self._db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (cluster, article_id))
        index.add(article_id, minhash, cluster=cluster)
        return cluster

    # --- lookups ---------------------------------------------------------------

    def has_url(self, url: str) -> bool:
        """True when any variant of url was stored (http/https, www/amp, tracking…)."""
        return self._db.execute("SELECT 1 FROM aliases WHERE url_key = ?", (url_key(url),)).fetchone() is not None

    def known_urls(self, source_id: str) -> set[str]:
        """The url keys (urls.url_key) of every URL seen for a source's articles."""
        rows = self._db.execute(
            "SELECT al.url_key FROM aliases al JOIN articles a ON a.id = al.article_id WHERE a.source_id = ?",
            (source_id,),
        )
        return {r[0] for r in rows}

    def guid_of(self, url: str) -> str | None:
        row = self._db.execute(
            "SELECT a.guid FROM aliases al JOIN articles a ON a.id = al.article_id WHERE al.url_key = ?",
            (url_key(url),),
        ).fetchone()
        return row[0] if row else None

    def revisions(self, guid: str) -> list[Article]:
        """Earlier versions of an article, oldest first."""
        rows = self._db.execute(
            "SELECT r.data FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.guid = ? ORDER BY r.id",
            (guid,),
        )
        return [article_from_row(json.loads(r[0])) for r in rows]

    # --- queries ---------------------------------------------------------------

    def articles(
        self, *, source_id: str | None = None, province: str | None = None, limit: int | None = None
    ) -> list[StoredArticle]:
        """Articles newest first (published, else first seen)."""
        where, params = [], []
        if source_id is not None:
            where.append("source_id = ?")
            params.append(source_id)
        if province is not None:
            where.append("province = ?")
            params.append(province)
        sql = "SELECT * FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY sort_ts DESC, id DESC" + (" LIMIT ?" if limit is not None else "")
        rows = self._db.execute(sql, params + ([limit] if limit is not None else []))
        return [_stored(row) for row in rows]

    def merged_articles(self, *, limit: int | None = None) -> list[StoredArticle]:
        """Every story once (its earliest published copy), other copies' URLs in also_published_at."""
        sql = """
            WITH ranked AS (
                SELECT id, COALESCE(cluster_id, id) AS story,
                       ROW_NUMBER() OVER (PARTITION BY COALESCE(cluster_id, id) ORDER BY sort_ts, id) AS rank
                FROM articles)
            SELECT a.*, (SELECT json_group_array(o.url) FROM (
                    SELECT b.url FROM articles b WHERE b.cluster_id = r.story AND b.id != a.id ORDER BY b.sort_ts, b.id
                ) o) AS others
            FROM ranked r JOIN articles a ON a.id = r.id
            WHERE r.rank = 1
            ORDER BY a.sort_ts DESC, a.id DESC
        """ + (" LIMIT ?" if limit is not None else "")
        rows = self._db.execute(sql, [limit] if limit is not None else [])
        return [_stored(row, tuple(json.loads(row["others"]))) for row in rows]

    @contextmanager
    def snapshot(self) -> Iterator[Reader]:
        """A read transaction for publishing: every query of the Reader sees the same store (WAL snapshot).

        Only reads inside it; writers in other connections go on meanwhile.  Inside
        another snapshot it joins that one.
        """
        if self._backend.in_transaction(self._db):
            yield Reader(self._db)
            return
        self._backend.begin_read(self._db)
        try:
            yield Reader(self._db)
        finally:
            self._db.execute("COMMIT")

    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "aliases", "revisions", "runs", "run_sources", "signatures", "http_cache"}:
            raise ValueError(table)
        return self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _same_stored(new: Article, old: Article) -> bool:
    """True when storing new would change nothing (fetch bookkeeping aside)."""
    ignore = {"fetched_at", "fetched_url"}
    return all(getattr(new, f) == getattr(old, f) for f in ARTICLE_FIELDS if f not in ignore)


_stored = stored_from_row


class _Transaction:
    """A write transaction (one writer at a time, see the backends) … COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db, backend) -> None:
        self._db = db
        self._backend = backend

    def __enter__(self):
        self._backend.begin_write(self._db)
        return self._db

    def __exit__(self, exc_type, exc, tb) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")

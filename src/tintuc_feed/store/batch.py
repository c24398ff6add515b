"""Store.upsert_many: several prepared articles in one write transaction (a crawl's batched writes).

A crawl stores its articles a batch at a time (crawler/pipelines.py: every few dozen articles or every
fraction of a second), one BEGIN ... COMMIT for the batch instead of one per article.  Killed at any moment,
the store holds whole articles only: a batch is committed whole or not at all, and an article not yet
committed is asked for again by the next crawl (its URL is not in the store).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..store_prepare import PreparedArticle


class BatchWrites:
    """Mixed into core.Store (it provides _transaction, _db, _write, errors and the story index)."""

    def upsert_many(self, batch: Sequence[tuple[PreparedArticle, datetime]]) -> list:
        """Each (prepared article, time) written as Store.upsert would, all in one transaction.

        Returns one UpsertResult or exception per article, in order.  Each article is written under a
        savepoint: one the store refuses (one of Store.errors, on either backend: an unencodable value, a
        constraint, a value PostgreSQL refuses such as a NUL byte or an index entry too large) gets its
        exception in the list and the others are kept.  A failure of the transaction itself (disk full at
        COMMIT, the database locked past busy_timeout, the server gone) raises, and none of the batch is stored.
        """
        results: list = []
        try:
            with self._transaction():
                for prepared, now in batch:
                    self._db.execute("SAVEPOINT article")
                    try:
                        results.append(self._write(prepared, now))
                    except self.errors as exc:
                        self._db.execute("ROLLBACK TO SAVEPOINT article")
                        self._index = None  # it may hold the refused article: rebuilt from the store
                        results.append(exc)
                    self._db.execute("RELEASE SAVEPOINT article")
        except BaseException:
            self._index = None
            raise
        return results

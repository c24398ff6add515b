"""`tintuc-feed migrate-store`: copy a whole store into an empty one (SQLite -> PostgreSQL, or back).

Every table is copied row for row with its ids (articles, aliases,
revisions, signatures, runs, run_sources, http_cache), in one write
transaction on the destination read from one snapshot of the source, so a
failure leaves the destination as empty as it was.  Both stores are at the
same schema version (opening them migrates them).  Then the row counts of
every table are compared; a difference is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..store_schema import StoreError
from .core import Store

# In an order that satisfies the foreign keys.
TABLES = ("articles", "aliases", "revisions", "signatures", "runs", "run_sources", "http_cache")
BATCH = 500


def copy_store(source: str | Path, destination: str | Path) -> dict[str, int]:
    """Copy every row of `source` into the empty store `destination`; return the rows per table."""
    with Store(source) as src, Store(destination) as dst:
        if src.location == dst.location or (src.path and dst.path and Path(src.path).resolve() == Path(dst.path).resolve()):
            raise StoreError("--from and --to are the same store")
        busy = [t for t in TABLES if dst.count(t)]
        if busy:
            raise StoreError(f"{dst.location}: not empty ({', '.join(busy)}); migrate-store copies into an empty store")
        with src.snapshot():
            copied = _copy(src, dst)
        counts = {table: (src.count(table), dst.count(table)) for table in TABLES}
    wrong = {t: c for t, c in counts.items() if c[0] != c[1]}
    if wrong:
        raise StoreError(f"counts differ after the copy (source, destination): {wrong}")
    return copied


def _copy(src: Store, dst: Store) -> dict[str, int]:
    copied = {}
    with dst._transaction():
        for table in TABLES:
            copied[table] = 0
            for columns, rows in _batches(src, table):
                marks = ",".join("?" * len(columns))
                dst._db.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)
                copied[table] += len(rows)
        dst._backend.after_copy(dst._db, TABLES)
    return copied


def _batches(src: Store, table: str) -> Iterator[tuple[list[str], list[tuple]]]:
    order = "url_key" if table in ("aliases",) else "url" if table == "http_cache" else \
        "run_id, source_id" if table == "run_sources" else "article_id" if table == "signatures" else "id"
    cursor = src._db.execute(f"SELECT * FROM {table} ORDER BY {order}")
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(BATCH):
        yield columns, [tuple(_plain(v) for v in row) for row in rows]


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value

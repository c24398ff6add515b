"""The SQLite backend: one file in WAL mode, one writer at a time (BEGIN IMMEDIATE).

The schema and its numbered migrations are store_schema.MIGRATIONS (PRAGMA
user_version); a reader's snapshot is a WAL read transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..store_schema import connect


class SQLiteBackend:
    """How the store talks to an SQLite file (see core.Store for what it stores)."""

    name = "sqlite"
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)  # the driver's: the database refused a statement

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __str__(self) -> str:
        return str(self.path)

    def connect(self) -> sqlite3.Connection:
        return connect(self.path)

    def begin_write(self, db: sqlite3.Connection) -> None:
        """Start a write transaction: SQLite lets one writer in at a time, the others wait (busy_timeout)."""
        db.execute("BEGIN IMMEDIATE")

    def begin_read(self, db: sqlite3.Connection) -> None:
        """Start a read transaction: every query sees one WAL snapshot until it ends."""
        db.execute("BEGIN")

    def in_transaction(self, db: sqlite3.Connection) -> bool:
        return db.in_transaction

    def after_copy(self, db: sqlite3.Connection, tables) -> None:
        """Nothing to do after rows were copied in with their ids (INTEGER PRIMARY KEY follows MAX(id))."""

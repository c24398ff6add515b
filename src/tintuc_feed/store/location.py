"""Which backend a `--db` value names: a path or sqlite:///path (SQLite), or postgresql://… (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..store_schema import StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_database_url(location: str | Path) -> bool:
    """True when location names a database server rather than a file."""
    return isinstance(location, str) and urlsplit(location).scheme in POSTGRES_SCHEMES


def sqlite_path(location: str | Path) -> Path:
    """The file of a path or an sqlite:///path URL (sqlite:////abs for an absolute one, as SQLAlchemy writes it)."""
    text = str(location)
    if text.startswith("sqlite:"):
        rest = text[len("sqlite:"):]
        if not rest.startswith("///"):
            raise StoreError(f"{text}: write sqlite:///relative/path or sqlite:////absolute/path")
        return Path(rest[3:])
    return Path(location)


def backend_for(location: str | Path):
    """The backend object for a --db value."""
    if is_database_url(location):
        from .postgres import PostgresBackend  # psycopg is imported only when PostgreSQL is used

        return PostgresBackend(str(location))
    from .sqlite import SQLiteBackend

    return SQLiteBackend(sqlite_path(location))

"""The store's SQLite schema: numbered migrations tracked in PRAGMA user_version.

MIGRATIONS[i] takes a database from version i to version i + 1.  Never edit a
released migration; append a new one.  A database newer than the code is
refused (SchemaVersionError), and a file with another application_id is not
ours (also refused).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

APPLICATION_ID = 0x74746664  # "ttfd"

MIGRATIONS: list[str] = [
    # 0 -> 1: articles, the URL variants seen for them, their earlier versions, crawl runs.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        guid TEXT NOT NULL UNIQUE,
        url_key TEXT NOT NULL UNIQUE,
        first_seen TEXT NOT NULL,
        updated TEXT NOT NULL,
        sort_ts REAL NOT NULL,            -- published, else first_seen, as Unix seconds
        content_hash TEXT NOT NULL,       -- of title + body: a change is a revision
        url TEXT NOT NULL,
        source_id TEXT NOT NULL,
        title TEXT NOT NULL,
        title_raw TEXT NOT NULL,
        content_html TEXT NOT NULL,
        content_text TEXT NOT NULL,
        published TEXT,
        published_raw TEXT,
        published_origin TEXT,
        date_precision TEXT,
        modified TEXT,
        authors TEXT NOT NULL,            -- JSON list of {name, name_raw, affiliation}
        byline_raw TEXT,
        credits TEXT NOT NULL,            -- JSON list
        origin TEXT,
        summary TEXT,
        image TEXT,
        tags TEXT NOT NULL,               -- JSON list
        province TEXT,
        former_province TEXT,
        fetched_url TEXT,
        fetched_at TEXT
    );
    CREATE INDEX articles_source_sort ON articles (source_id, sort_ts DESC);
    CREATE INDEX articles_sort ON articles (sort_ts DESC);
    CREATE INDEX articles_province ON articles (province);
    CREATE TABLE aliases (
        url_key TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        first_seen TEXT NOT NULL
    );
    CREATE INDEX aliases_article ON aliases (article_id);
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        replaced_at TEXT NOT NULL,
        title TEXT NOT NULL,
        content_html TEXT NOT NULL,
        content_text TEXT NOT NULL,
        data TEXT NOT NULL                -- the whole previous row, JSON
    );
    CREATE INDEX revisions_article ON revisions (article_id);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT
    );
    CREATE TABLE run_sources (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT,
        ok INTEGER,                       -- NULL while running
        error TEXT,
        found INTEGER NOT NULL DEFAULT 0,
        new INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        degraded INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, source_id)
    );
    CREATE INDEX run_sources_source ON run_sources (source_id, run_id DESC);
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT
    );
    """,
    # 1 -> 2: cross-site story clusters and the MinHash signatures that decide them.
    """
    ALTER TABLE articles ADD COLUMN cluster_id INTEGER;
    CREATE INDEX articles_cluster ON articles (cluster_id, sort_ts);
    CREATE TABLE signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        minhash BLOB NOT NULL
    );
    """,
    # 2 -> 3: publishing reads each feed's newest items with LIMIT in feed order (sort_ts, then guid:
    # feeds.common.newest_first), the newest `updated` and the per-source counts from indexes alone.
    # The new indexes replace the three whose columns they begin with.
    """
    DROP INDEX IF EXISTS articles_sort;
    DROP INDEX IF EXISTS articles_source_sort;
    DROP INDEX IF EXISTS articles_province;
    CREATE INDEX articles_newest ON articles (sort_ts DESC, guid DESC);
    CREATE INDEX articles_source_newest ON articles (source_id, sort_ts DESC, guid DESC);
    CREATE INDEX articles_province_newest ON articles (province, sort_ts DESC, guid DESC);
    CREATE INDEX articles_source_seen ON articles (source_id, first_seen, published);
    CREATE INDEX articles_updated ON articles (updated);
    """,
    # 3 -> 4: what a crawl refused to fetch (off-site, internal addresses, redirect loops, deferrals) and
    # a JSON object counting each kind of refused request and skipped page, per source and run.
    """
    ALTER TABLE run_sources ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE run_sources ADD COLUMN notes TEXT;
    """,
    # 4 -> 5: which worker ran each source's crawl (`tintuc-feed worker`: host:pid); NULL for `crawl` and `run`.
    """
    ALTER TABLE run_sources ADD COLUMN worker TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """Something is wrong with the store file."""


class SchemaVersionError(StoreError):
    """The database was written by a newer tintuc-feed than this one."""


class StoreDamaged(StoreError):
    """SQLite found the store's pages corrupt ("database disk image is malformed"): the message says what to do."""

    def __init__(self, path: str | Path, cause: sqlite3.DatabaseError) -> None:
        super().__init__(
            f"{path}: the store is damaged ({cause}); stopped without writing more. Check it with "
            f"`sqlite3 {path} 'PRAGMA integrity_check'`, then restore a backup or recover the readable rows "
            f"with `sqlite3 {path} .recover | sqlite3 recovered.db` and use that file")
        self.path = path


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error reports corrupt pages (SQLITE_CORRUPT) rather than a file that is not a store."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code == getattr(sqlite3, "SQLITE_CORRUPT", 11) or "malformed" in str(exc)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a store file: WAL, foreign keys, schema migrated."""
    if Path(path).is_dir():
        raise StoreError(f"{path} is a folder, not a store file (give --db the path of a file)")
    try:
        db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    except sqlite3.OperationalError as exc:  # a missing or unreadable folder
        raise StoreError(f"{path}: cannot open the store: {exc}") from exc
    try:
        _configure(db, path)
    except sqlite3.DatabaseError as exc:  # "file is not a database", a corrupt file…
        db.close()
        raise (StoreDamaged(path, exc) if is_damage(exc) else StoreError(f"{path}: {exc}")) from exc
    except BaseException:
        db.close()
        raise
    return db


def _configure(db: sqlite3.Connection, path: str | Path) -> None:
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 30000")
    _check_owner(db)  # before WAL mode rewrites the header of a file that is not ours
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise StoreError(f"{path}: cannot use WAL journal mode")
    db.execute("PRAGMA synchronous = NORMAL")
    migrate(db)


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _check_owner(db: sqlite3.Connection) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(f"not a tintuc-feed store (application_id {app_id:#x})")
    tables = db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if app_id == 0 and (schema_version(db) != 0 or tables):  # only an empty file is taken over
        raise StoreError("not a tintuc-feed store: an SQLite file of another program")


def migrate(db: sqlite3.Connection, migrations: list[str] = MIGRATIONS) -> int:
    """Bring the schema to len(migrations), one transaction per step; returns the version."""
    _check_owner(db)
    version = schema_version(db)
    if version > len(migrations):
        raise SchemaVersionError(
            f"store schema version {version} is newer than this tintuc-feed knows ({len(migrations)}); "
            "upgrade tintuc-feed or use another store file"
        )
    for number in range(version, len(migrations)):
        _apply(db, number + 1, migrations[number])
    return schema_version(db)


def _apply(db: sqlite3.Connection, target: int, script: str) -> None:
    """Run one migration script and set user_version, atomically."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(db) == target - 1:  # another process may have migrated meanwhile
            for statement in _statements(script):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit our transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]

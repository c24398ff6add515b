"""Errors that escape a command, as the one line the user reads and the exit status (cli.main uses it).

The specific errors are raised where they arise, naming their path: feeds.atomic.OutputError (a file of the
output folder could not be written: disk full, file too large, not writable), store_schema.StoreDamaged
(corrupt pages found when the store is opened).  What is left is named here from the command's arguments:
an SQLite error met in the middle of the work is the store's (--db), an OSError with a file name is that file's.
Anything else is a bug and keeps its traceback.

Exit status 1 for these: the command started and could not finish; what it had not written yet is as it was
(every file is replaced whole or not at all, the store commits whole transactions).  Exit status 2 stays for
usage and configuration errors, caught before anything is written.
"""

from __future__ import annotations

import sqlite3

from .feeds.atomic import OutputError
from .store_schema import StoreDamaged, is_damage

EXIT_FAILED = 1


def describe(exc: BaseException, db: str | None) -> tuple[str, int] | None:
    """(message, exit status) for an error escaping a command, or None when it is a bug (keep the traceback)."""
    if isinstance(exc, StoreDamaged | OutputError):
        return str(exc), EXIT_FAILED
    if isinstance(exc, sqlite3.DatabaseError) and db is not None:
        if is_damage(exc):
            return str(StoreDamaged(db, exc)), EXIT_FAILED
        return f"{db}: the store failed: {exc}", EXIT_FAILED
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}", EXIT_FAILED
    return None

"""Locks with expiry in Redis: one crawl of a source at a time, one publisher at a time, across machines.

A lock is redis-py's Lock (SET NX PX, released by a compare-and-delete
script), held for `ttl` seconds and renewed every ttl/3 seconds by a thread
while its holder lives.  A holder that dies (SIGKILL, a lost machine) stops
renewing and the lock expires after at most `ttl` seconds, so the next
worker can go on.  The token names the holder (worker host:pid), so a
waiting worker can say who holds it.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from redis import Redis
from redis.exceptions import LockError

from . import KEY_PREFIX

log = logging.getLogger("tintuc_feed.workers.locks")
SOURCE_LOCK_SECONDS = 60  # > the 30 s a stopping crawl may take to close, plus the 2 s its parent check takes
PUBLISH_LOCK_SECONDS = 60


class LockBusy(Exception):
    """The lock stayed held by someone else for the whole wait."""


def source_lock_name(source_id: str) -> str:
    return f"{KEY_PREFIX}lock:crawl:{source_id}"


PUBLISH_LOCK = f"{KEY_PREFIX}lock:publish"


def holder(redis: Redis, name: str) -> str | None:
    """Who holds the lock now (the holder part of its token), or None."""
    token = redis.get(name)
    return token.decode("utf-8", "replace").rsplit("/", 1)[0] if token else None


@contextmanager
def held(redis: Redis, name: str, *, owner: str, ttl: float, wait: float) -> Iterator[None]:
    """Hold the lock `name` for the duration of the block, waiting up to `wait` seconds for it."""
    lock = redis.lock(name, timeout=ttl, blocking=True, blocking_timeout=wait, thread_local=False)
    if not lock.acquire(token=f"{owner}/{uuid.uuid4().hex}"):
        raise LockBusy(f"{name} is held by {holder(redis, name) or 'someone'} after waiting {wait:.0f} s")
    stop = threading.Event()
    renewer = threading.Thread(target=_renew, args=(lock, ttl, stop), name=f"renew {name}", daemon=True)
    renewer.start()
    try:
        yield
    finally:
        stop.set()
        renewer.join()
        try:
            lock.release()
        except LockError:  # it expired meanwhile (a very long pause): nothing left to release
            log.warning("lock %s had expired before its release", name)


def _renew(lock, ttl: float, stop: threading.Event) -> None:
    while not stop.wait(ttl / 3):
        try:
            lock.reacquire()
        except LockError:
            log.error("lost lock %s (it expired before renewal)", lock.name)
            return

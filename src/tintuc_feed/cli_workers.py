"""The commands for more than one machine: `worker`, `migrate-store`, and `run --queue`."""

from __future__ import annotations

import os

QUEUE_ENV = "TINTUC_QUEUE"


def add_worker_parsers(sub) -> None:
    from .cli import _common, _crawl_flags

    p = sub.add_parser("worker", help="run crawl jobs from the queue (see `run --queue`), then publish")
    _common(p)
    _crawl_flags(p)
    add_queue_flags(p, required=True)
    p.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("migrate-store", help="copy a store into an empty one (SQLite <-> PostgreSQL) and check it")
    p.add_argument("--from", dest="source", metavar="PATH|URL", required=True, help="the store to copy")
    p.add_argument("--to", dest="destination", metavar="PATH|URL", required=True, help="an empty store")
    p.set_defaults(func=cmd_migrate_store)


def add_queue_flags(p, *, required: bool) -> None:
    default = os.environ.get(QUEUE_ENV)
    p.add_argument("--queue", metavar="redis://…", default=default, required=required and not default,
                   help=f"Redis of the crawl queue (or ${QUEUE_ENV})" + ("" if required else
                        ": enqueue crawls for `tintuc-feed worker` processes instead of running them here"))
    p.add_argument("--dead-after", type=int, default=90, metavar="S",
                   help="seconds without a heartbeat before a worker's job is given to another (default: 90)")


def _check_queue(url: str) -> str:
    from .cli import UsageError

    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise UsageError(f"--queue must be a redis:// URL, not {url!r}")
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=5).ping()
    except RedisError as exc:
        raise UsageError(f"--queue {url}: {exc}") from exc
    return url


def cmd_worker(args) -> int:
    from dataclasses import replace

    from .cli import _crawl_options, _load, _publish_options
    from .workers.jobs import WorkerContext
    from .workers.worker import run_worker, worker_name

    queue = _check_queue(args.queue)
    _load(args)  # a bad sources file is refused now, not at the first job
    name = worker_name()
    crawl_options = replace(_crawl_options(args), worker=name, progress=False)
    context = WorkerContext(queue_url=queue, name=name, crawl_options=crawl_options,
                            publish_options=_publish_options(args, ()))
    return run_worker(context, dead_after=args.dead_after, burst=args.burst)


def cmd_run_queue(args, chosen) -> int:
    from .workers.schedule import run_scheduler

    queue = _check_queue(args.queue)
    return run_scheduler(queue, chosen, interval_minutes=args.interval, jitter_seconds=args.jitter,
                         job_timeout=int(args.timeout) + 900, dead_after=args.dead_after)


def cmd_migrate_store(args) -> int:
    from .store.copy import TABLES, copy_store

    copied = copy_store(args.source, args.destination)
    print("copied: " + ", ".join(f"{table} {copied[table]}" for table in TABLES) + "; counts verified")
    return 0

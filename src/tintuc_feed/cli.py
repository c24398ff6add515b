"""The `tintuc-feed` command.

Exit status: 0 when every source was crawled, 1 when one or more failed (the
rest are still stored and published), 2 for a usage or configuration error
(then nothing is written).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path

from . import __version__

# The library's modules (store, feeds, numpy, Scrapy's Twisted) are imported by the commands that use
# them, not here: `tintuc-feed --version` or a usage error should not pay for them (tests/test_startup.py).

# Defaults, each overridable by an environment variable read when the parser is built.
DEFAULTS = {"db": ("TINTUC_DB", "data/tintuc.db"), "output": ("TINTUC_OUTPUT", "output"),
            "base_url": ("TINTUC_BASE_URL", "http://127.0.0.1:8080/")}
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEMO_PORT = 8931  # fixed, so a second demo run stores the same URLs (no duplicates in its store)


class UsageError(Exception):
    """A usage or configuration problem: exit 2, nothing written."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .sources import SourcesError
    from .store_schema import StoreDamaged, StoreError

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `run` installs its own graceful handler
    try:
        return args.func(args)
    except (UsageError, SourcesError, StoreError) as exc:
        print(f"tintuc-feed: error: {exc}", file=sys.stderr)
        return EXIT_FAILED if isinstance(exc, StoreDamaged) else EXIT_USAGE
    except KeyboardInterrupt:
        print("tintuc-feed: interrupted; the store and the last feeds are intact", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tintuc-feed sources list | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a full disk, a damaged store met mid-way…: one line naming the path (failures.py)
        from .failures import describe

        found = describe(exc, getattr(args, "db", None))
        if found is None:
            raise  # a bug: keep the traceback
        print(f"tintuc-feed: error: {found[0]}", file=sys.stderr)
        return found[1]
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    """SIGTERM stops a command like Ctrl-C does: running crawls are asked to close first."""
    raise KeyboardInterrupt


def _env(name: str) -> str:
    variable, fallback = DEFAULTS[name]
    return os.environ.get(variable, fallback)


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be greater than 0, not {text}")
        return value
    parse.__name__ = kind.__name__
    return parse


def _not_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tintuc-feed", description="Feeds from Vietnamese police news sites.")
    parser.add_argument("--version", action="version", version=f"tintuc-feed {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_crawl(sub)
    _add_build(sub)
    _add_extract(sub)
    _add_run(sub)
    _add_demo(sub)
    _add_serve(sub)
    _add_sources(sub)
    _add_workers(sub)
    _add_notices(sub)
    return parser


def _common(p: argparse.ArgumentParser, *, sources: bool = True, output: bool = True) -> None:
    if sources:
        p.add_argument("--sources", metavar="FILE", help="sources file (TOML); default: the built-in registry")
    p.add_argument("--db", metavar="PATH|URL", default=_env("db"),
                   help=f"the store: an SQLite file (a path or sqlite:///path) or postgresql://… (default: {_env('db')})")
    if output:
        p.add_argument("--output", metavar="DIR", default=_env("output"),
                       help=f"feeds folder (default: {_env('output')})")
        p.add_argument("--base-url", default=_env("base_url"),
                       help=f"URL where the output folder is served, for feed self links (default: {_env('base_url')})")
        p.add_argument("--item-limit", type=_positive(int), default=100, help="items per feed (default: 100)")


def _crawl_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--delay", type=_not_negative, default=None, help="seconds between requests to one site (default: 1)")
    p.add_argument("--refresh", action="store_true", help="download articles again even if already stored")
    p.add_argument("--max-pages", type=_positive(int), default=None, help="list pages to follow per source (overrides max_pages)")
    p.add_argument("--timeout", type=_positive(float), default=1800.0, help="seconds before a crawl is stopped (default: 1800)")
    from .crawl_limits import add_flags

    add_flags(p)  # --download-timeout S, --time-budget S


def _add_crawl(sub) -> None:
    p = sub.add_parser("crawl", help="crawl sources once, store new articles, rewrite the feeds")
    _common(p)
    p.add_argument("--source", action="append", metavar="ID", default=[], help="crawl only this source (repeatable)")
    _crawl_flags(p)
    p.set_defaults(func=cmd_crawl)


def _add_build(sub) -> None:
    p = sub.add_parser("build", help="rewrite every feed from the store")
    _common(p)
    p.set_defaults(func=cmd_build)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="read one article and print it normalized, as JSON")
    p.add_argument("url")
    p.add_argument("--sources", metavar="FILE")
    p.add_argument("--source", metavar="ID", help="the source whose family reads the page")
    p.add_argument("--html", metavar="FILE", help="read the page from this file instead of fetching it")
    p.set_defaults(func=cmd_extract)


def _add_run(sub) -> None:
    p = sub.add_parser("run", help="keep crawling on a schedule (Ctrl-C or SIGTERM stops cleanly)")
    _common(p)
    _crawl_flags(p)
    p.add_argument("--interval", type=_positive(float), default=60.0, help="minutes between crawls of a source (default: 60)")
    p.add_argument("--jitter", type=_not_negative, default=60.0, help="random seconds added to each start (default: 60)")
    from .cli_workers import add_queue_flags

    add_queue_flags(p, required=False)
    p.set_defaults(func=cmd_run)


def _add_demo(sub) -> None:
    p = sub.add_parser("demo", help="crawl the bundled sample site on 127.0.0.1, offline, and show the feeds")
    # Kept apart from the real store and output/, so the demo never mixes with real feeds.
    p.add_argument("--db", metavar="PATH", default="demo/tintuc.db", help="store for the demo (default: demo/tintuc.db)")
    p.add_argument("--output", metavar="DIR", default="demo/output", help="feeds folder (default: demo/output)")
    p.add_argument("--port", type=_port, default=DEMO_PORT,
                   help=f"port of the sample site on 127.0.0.1 (default: {DEMO_PORT}; a free one if taken)")
    p.add_argument("--base-url", default=_env("base_url"))
    p.set_defaults(func=cmd_demo)


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="serve the output folder to feed readers")
    p.add_argument("--output", metavar="DIR", default=_env("output"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_port, default=8080)
    p.add_argument("--request-timeout", type=_positive(float), default=20.0, metavar="S",
                   help="seconds a client may take to send a whole request (slowloris guard; default: 20)")
    p.set_defaults(func=cmd_serve)


def _add_workers(sub) -> None:
    from .cli_workers import add_worker_parsers

    add_worker_parsers(sub)


def _add_sources(sub) -> None:
    from .cli_sources import add_sources_parser

    add_sources_parser(sub)


def _add_notices(sub) -> None:
    from .cli_notices import add_notices_parser

    add_notices_parser(sub, _env("db"))


# ---- commands ----------------------------------------------------------------

def _load(args) -> tuple[list, list]:
    from .sources import load_config

    sources, topics = load_config(args.sources)  # the whole file checked before anything is written
    return sources, topics


def _publish_options(args, topics):
    from .runner import PublishOptions

    _check_output_folder(Path(args.output))
    return PublishOptions(output=Path(args.output), base_url=_base_url(args.base_url), item_limit=args.item_limit,
                          topics=tuple(topics))


def _check_output_folder(output: Path) -> None:
    """Refuse, before any crawl, an output path that cannot be a writable folder."""
    existing = next((p for p in (output, *output.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise UsageError(f"--output {output}: {existing} is not a folder")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"--output {output}: {existing} is not writable")


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, not {text}")
    return value


def _base_url(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise UsageError(f"--base-url {url!r} does not parse: {exc}") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username is not None:
        raise UsageError(f"--base-url must be an http(s) URL with a host and no credentials, not {url!r}")
    return url if url.endswith("/") else url + "/"


def _db(args) -> Path | str:
    """--db as the store takes it: a postgresql:// URL as given, else the SQLite file's path."""
    from .store.location import is_database_url, sqlite_path

    return args.db if is_database_url(args.db) else sqlite_path(args.db)


def _crawl_options(args):
    from .runner import CrawlOptions

    db = _db(args)
    if isinstance(db, Path):
        db.parent.mkdir(parents=True, exist_ok=True)
    return CrawlOptions(db=db, sources_file=args.sources, delay=args.delay, refresh=args.refresh,
                        timeout=args.timeout, max_pages=args.max_pages,
                        download_timeout=args.download_timeout, time_budget=args.time_budget,
                        log_level="INFO" if args.verbose else "WARNING", progress=args.command == "crawl")


def cmd_crawl(args) -> int:
    from .runner import crawl_and_publish
    from .sources import select_sources

    sources, topics = _load(args)
    chosen = select_sources(sources, args.source, label=args.sources or "built-in registry")
    if not chosen:
        raise UsageError("no enabled source to crawl (name one with --source ID)")
    publish_options = _publish_options(args, topics)
    outcomes, report = crawl_and_publish(chosen, sources, _crawl_options(args), publish_options,
                                         on_crawled=print_summary)
    print(f"feeds: {len(report.written)} written, {len(report.unchanged)} unchanged, in {args.output}/")
    return EXIT_OK if all(o.ok for o in outcomes.values()) else EXIT_FAILED


SUMMARY_ERROR_WIDTH = 40  # the errors column is last and cut here; the whole error follows on stderr


def print_summary(outcomes) -> None:
    """A table of what each source's crawl did, then a line per failure; an INFO log line per source."""
    print(f"{'source':<24} {'status':<7} {'found':>6} {'new':>5} {'updated':>8} {'dupes':>6} {'skipped':>8} "
          f"{'degraded':>9} {'refused':>8}  errors")
    for o in outcomes:
        c = o.counts
        print(f"{o.source_id:<24} {'ok' if o.ok else 'FAILED':<7} {c['found']:>6} {c['new']:>5} {c['updated']:>8} "
              f"{c['duplicates']:>6} {c['skipped']:>8} {c['degraded']:>9} {c['refused']:>8}  {_short_error(o.error)}")
        logging.getLogger("tintuc_feed.crawl").info(
            "%s: %s found=%d new=%d updated=%d duplicates=%d skipped=%d degraded=%d refused=%d error=%s",
            o.source_id, "ok" if o.ok else "FAILED", c["found"], c["new"], c["updated"], c["duplicates"],
            c["skipped"], c["degraded"], c["refused"], o.error or "-")
    for o in outcomes:
        if not o.ok:
            print(f"{o.source_id}: failed: {o.error}", file=sys.stderr)


def _short_error(error: str | None) -> str:
    if not error:
        return "-"
    line = " ".join(error.split())
    return line if len(line) <= SUMMARY_ERROR_WIDTH else line[:SUMMARY_ERROR_WIDTH - 1] + "…"


def cmd_build(args) -> int:
    from .runner import publish_store

    sources, topics = _load(args)
    db = _db(args)
    if isinstance(db, Path) and not db.exists():
        raise UsageError(f"no store at {args.db} (run `tintuc-feed crawl` first, or give --db)")
    report = publish_store(db, sources, _publish_options(args, topics))
    print(f"feeds: {len(report.written)} written, {len(report.unchanged)} unchanged, in {args.output}/")
    return EXIT_OK


def cmd_extract(args) -> int:
    from .extract import ExtractError, extract_to_json
    from .sources import SourcesError

    if args.html and not Path(args.html).is_file():
        raise UsageError(f"--html {args.html}: no such file")
    try:
        record = extract_to_json(args.url, sources_file=args.sources, source_id=args.source, html_file=args.html)
    except SourcesError:
        raise
    except (ExtractError, ValueError) as exc:
        print(f"tintuc-feed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_run(args) -> int:
    from .scheduler import run_forever
    from .sources import select_sources

    sources, topics = _load(args)
    chosen = select_sources(sources, [])
    if not chosen:
        raise UsageError("no enabled source to crawl")
    if args.queue:  # several machines: enqueue the crawls, `tintuc-feed worker` processes run them
        from .cli_workers import cmd_run_queue

        return cmd_run_queue(args, chosen)
    return run_forever(chosen, sources, _crawl_options(args), _publish_options(args, topics),
                       interval_minutes=args.interval, jitter_seconds=args.jitter)


def cmd_demo(args) -> int:
    from .demo import run_demo

    return run_demo(Path(args.db), Path(args.output), _base_url(args.base_url), port=args.port)


def cmd_serve(args) -> int:
    from .serve import serve

    if not Path(args.output).is_dir():
        raise UsageError(f"no output folder {args.output} (run `tintuc-feed crawl` or `build` first)")
    from twisted.internet.error import CannotListenError

    try:
        serve(Path(args.output), args.host, args.port, request_deadline=args.request_timeout)
    except CannotListenError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.socketError}") from exc
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""A crawl worker's CPU per article page: crawler.pages.read_page on bench_crawl.py's generated pages.

    .venv/bin/python benchmarks/bench_read_page.py --variant chrome
    PYTHONPATH=../before/src:../before .venv/bin/python benchmarks/bench_read_page.py --variant chrome

read_page is what a worker process runs for each article the crawl downloads (charset checks, the
family's reading with the date vote, normalization, the store's preparation), here called in this
process on the same pages bench_crawl.py serves (--variant plain: ~3 KiB; chrome: ~50 KiB of portal
furniture), or on the saved real pages of tests/fixtures/real (--variant real: read by the generic family).  One call per page first (imports, caches), then --rounds timed passes over all pages on the
process CPU clock; prints the median and the minimum of the passes in ms a page.  Run it with PYTHONPATH
pointing at another checkout (its src and its root) to time that checkout's code: interleave the two.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_crawl  # the site's generators


def pages(variant: str, count: int) -> list[tuple[str, bytes, dict]]:
    rng = random.Random(10)
    furniture = bench_crawl.chrome(rng) if variant == "chrome" else dict.fromkeys(
        ("menu", "scripts", "sidebar", "footer"), "")
    out = []
    for i in range(count):
        name, _, html = bench_crawl.article_page(i, rng, furniture)
        hint = {"date": f"{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/2025"}  # the list page's date, as crawled
        out.append((f"http://127.0.0.1:8000/{bench_crawl.SECTION}/{name}", html.encode("utf-8"), hint))
    return out


def real_pages() -> list[tuple[str, bytes, dict]]:
    root = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "real"
    return [(json.loads((d / "meta.json").read_text("utf-8"))["url"], (d / "input.html").read_bytes(), {})
            for d in sorted(p for p in root.iterdir() if p.is_dir())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=("plain", "chrome", "real"), default="chrome")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from crawler.pages import read_page
    from tintuc_feed.sources import load_sources

    with tempfile.TemporaryDirectory() as tmp:
        toml = bench_crawl.sources_file(Path(tmp) / "bench.toml", "http://127.0.0.1:8000/", args.pages)
        source = load_sources(toml)[0]
    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    work = real_pages() if args.variant == "real" else pages(args.variant, args.pages)
    stored = sum(1 for url, body, hint in work
                 if read_page(source, url, body, hint, "text/html; charset=utf-8", url, now).get("prepared"))
    assert args.variant == "real" or stored == len(work), f"{stored} of {len(work)} pages read to a stored article"
    times = []
    for _ in range(args.rounds):
        start = time.process_time()
        for url, body, hint in work:
            read_page(source, url, body, hint, "text/html; charset=utf-8", url, now)
        times.append(1000 * (time.process_time() - start) / len(work))
    code = Path(sys.modules["crawler.pages"].__file__).resolve().parents[1]
    print(f"{args.variant}: read_page {statistics.median(times):.2f} ms/page median, {min(times):.2f} min "
          f"({args.rounds} passes over {len(work)} pages, {stored} stored; code at {code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A crawl's urgent worker's CPU per list page: crawler.pages.read_list on bench_crawl.py's generated lists.

    .venv/bin/python benchmarks/bench_read_list.py --variant chrome
    PYTHONPATH=../before/src:../before .venv/bin/python benchmarks/bench_read_list.py --variant chrome

read_list is what the crawl's urgent worker runs for each list page (the family's reading: every link
joined and tested against the source's pattern, each card's date and title, the pager), here called in
this process on the list pages bench_crawl.py serves for --articles articles (20 to a page; --variant
chrome: ~600 menu, sidebar and footer links a page, as on the real portals).  As in a crawl, the pages are
read once each, in order, by one fresh process (what a worker keeps from one page to the next counts,
nothing is kept from an earlier pass): the imports are warmed first on a list page of other articles and
another pattern, then one timed pass on the process CPU clock.  Prints ms a page; run it several times,
with PYTHONPATH pointing at another checkout (its src and its root) to time that checkout's code, the two
interleaved.  The links read are checked: every article, in order, and the pager's next page.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_crawl  # the site's generators

BASE = "http://127.0.0.1:8000/"


def list_pages(variant: str, articles: int) -> list[tuple[str, str]]:
    """(url, html) of every list page of the generated site, in crawl order."""
    rng = random.Random(10)
    furniture = bench_crawl.chrome(rng) if variant == "chrome" else dict.fromkeys(
        ("menu", "scripts", "sidebar", "footer"), "")
    titles = [(i, f"{bench_crawl.words(rng, 8).capitalize()} (mã tin A{i:05d})") for i in range(articles)]
    chunks = [titles[k:k + bench_crawl.PER_LIST] for k in range(0, articles, bench_crawl.PER_LIST)]
    section = BASE + bench_crawl.SECTION + "/"
    return [(section if page == 1 else f"{section}trang-{page}/",
             bench_crawl.list_page(page, items, page == len(chunks), furniture))
            for page, items in enumerate(chunks, start=1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=("plain", "chrome"), default="chrome")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    from crawler.pages import read_list
    from tintuc_feed.sources import load_sources

    with tempfile.TemporaryDirectory() as tmp:
        source = load_sources(bench_crawl.sources_file(Path(tmp) / "bench.toml", BASE, args.articles))[0]
    warm = replace(source, article_url_pattern=source.article_url_pattern.replace("[.]", "\\."))
    other = [(i + 10 * args.articles, "tin khác") for i in range(bench_crawl.PER_LIST)]
    read_list(warm, BASE + "khac/", bench_crawl.list_page(1, other, False, dict.fromkeys(
        ("menu", "scripts", "sidebar", "footer"), "")))
    work = list_pages(args.variant, args.articles)
    start = time.process_time()
    read = [read_list(source, url, html) for url, html in work]
    spent = time.process_time() - start
    links = [a.url.rsplit("/", 1)[1] for page in read for a in page.articles]
    assert links == [f"{bench_crawl.slug(i)}.html" for i in range(args.articles)], "not every article, in order"
    assert [page.next_urls[:1] for page in read] == [(url,) for url, _ in work[1:]] + [()], "a pager missed"
    code = Path(sys.modules["crawler.pages"].__file__).resolve().parents[1]
    print(f"{args.variant}: read_list {1000 * spent / len(work):.2f} ms/page ({len(work)} list pages read once, "
          f"{len(links)} article links; code at {code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

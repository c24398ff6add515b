"""URL patterns: RE2 (what the crawl uses, patterns.py) beside Python's re, on the registry's patterns and on
catastrophic ones.

    .venv/bin/python benchmarks/bench_patterns.py [--runs 5] [--links 2000]

* registry: every enabled source's article_url_pattern (and article_url_exclude) searched in --links URLs
  shaped like the links of a list page (article URLs and navigation links of that source's host); the
  median of --runs runs, as microseconds per search, re beside RE2.
* catastrophic: `(a+)+$` and `(x+x+)+y` against a link of n a's (x's) and one other character, n growing:
  Python's re doubles its time with each character (stopped past 1 s), RE2 stays linear.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tintuc_feed.patterns import compile_pattern
from tintuc_feed.sources import load_sources


def _links(home: str, count: int) -> list[str]:
    shapes = ["tin-tuc/bat-giu-doi-tuong-van-chuyen-{n}", "tin-tuc/bat-giu-doi-tuong-{n}.html",
              "category/tin-tuc/page/{n}/", "bai-viet/cong-an-ra-quan-d2-t{n}", "ban-tin-113/khong-che-i{n}/",
              "lien-he", "tag/an-ninh/", "2024/05/bat-giu-doi-tuong-{n}/"]
    return [home + shapes[n % len(shapes)].format(n=n) for n in range(count)]


def _time(search, links: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        for link in links:
            search(link)
        timings.append((time.perf_counter() - start) / len(links))
    return statistics.median(timings) * 1e6


def registry(runs: int, count: int) -> None:
    sources = [s for s in load_sources() if s.enabled]
    python_us, re2_us, agree = [], [], 0
    for source in sources:
        links = _links(source.home, count)
        include = re.compile(source.article_url_pattern)
        exclude = re.compile(source.article_url_exclude) if source.article_url_exclude else None

        def python_search(url, include=include, exclude=exclude):
            return include.search(url) and not (exclude and exclude.search(url))

        python_us.append(_time(python_search, links, runs))
        re2_us.append(_time(source.article_re.search, links, runs))
        agree += all(bool(python_search(u)) == bool(source.article_re.search(u)) for u in links)
    print(f"registry: {len(sources)} sources x {count} links, median of {runs} runs")
    print(f"  re  : median {statistics.median(python_us):.2f} us/search (max over sources {max(python_us):.2f})")
    print(f"  RE2 : median {statistics.median(re2_us):.2f} us/search (max over sources {max(re2_us):.2f})")
    print(f"  ratio RE2/re: {statistics.median(re2_us) / statistics.median(python_us):.2f}")
    print(f"  same verdict on every link: {agree}/{len(sources)} sources")


def catastrophic() -> None:
    for pattern, char, tail in (("(a+)+$", "a", "!"), ("(x+x+)+y", "x", "z")):
        compiled_re, compiled_re2 = re.compile(pattern), compile_pattern(pattern)
        print(f"catastrophic: {pattern!r} on 'http://x.vn/' + n*{char!r} + {tail!r}")
        print(f"  {'n':>6} {'re (s)':>10} {'RE2 (s)':>10}")
        python_stopped = False
        for n in (10, 14, 18, 20, 22, 24, 1_000, 100_000):
            url = "http://x.vn/" + char * n + tail
            python = None
            if not python_stopped:
                start = time.perf_counter()
                compiled_re.search(url)
                python = time.perf_counter() - start
                python_stopped = python > 1.0
            start = time.perf_counter()
            compiled_re2.search(url)
            fast = time.perf_counter() - start
            shown = f"{python:10.4f}" if python is not None else f"{'(stopped)':>10}"
            print(f"  {n:>6} {shown} {fast:10.6f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--links", type=int, default=2000)
    args = parser.parse_args()
    registry(args.runs, args.links)
    catastrophic()


if __name__ == "__main__":
    main()

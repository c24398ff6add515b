"""What a page's text reads cost, and what remembering them per element could save (issue 10).

    .venv/bin/python benchmarks/text_reads.py [--set blind] [--passes 9] [--top 20]

Three measures on one of bench_extract.py's page sets, pages read as its speed table reads them
(families.extract_article + process.normalize_article, the fold memory emptied before each pass):

1. calls: per page, the calls of tree.text_parts (the tree walk), tree.flat_text and tree.get_text; how many
   ask an element already asked on the same page, and how many of those get the same answer (what a
   per-page memory of texts could answer without a walk, if it knew that nothing under the element changed);
   by caller (the function that called, and its module).
2. walks: the whole cost of the walks: each pass reads the pages once with tree.text_parts as it is and once
   with every walk done twice (alternating, CPU clock, fastest pass of each side); the difference is what
   all the walks cost a page, an upper bound of what remembering them can save.
3. normalization: process.normalize_article's steps, each timed inside the call (the fastest whole pass).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path

from tintuc_feed import families, process
from tintuc_feed.families import tree

TEXT_FUNCTIONS = ("text_parts", "flat_text", "get_text")
NORMALIZE_STEPS = ("clean_title", "host_name", "_clean_html", "sanitize_html", "html_to_text", "normalize_block",
                   "pick_published", "parse_byline", "_summary", "_province", "canonical_url", "site_keys",
                   "without_site_names", "normalize_text", "Article")


def _read_all(pages) -> int:
    """One pass over the pages; its CPU time in ns."""
    bench_extract._forget_folds()
    start = time.thread_time_ns()
    for _, source, url, hints, html in pages:
        try:
            raw = families.extract_article(source, url, html, hints=hints)
            process.normalize_article(raw, source, fetched_at=bench_extract.FETCHED_AT, fetched_url=url)
        except (families.NotAnArticle, ValueError):
            pass
    return time.thread_time_ns() - start


def count_calls(pages, top: int) -> None:
    calls: collections.Counter = collections.Counter()
    by_caller: collections.Counter = collections.Counter()
    asked: dict = {}  # (function, element, arguments) -> (element, answer), emptied per page
    originals = {name: getattr(tree, name) for name in TEXT_FUNCTIONS}

    def counted(name):
        function = originals[name]

        def read(node, *args, **kwargs):
            answer = function(node, *args, **kwargs)
            frame = sys._getframe(1)
            caller = f"{frame.f_globals.get('__name__', '?').removeprefix('tintuc_feed.')}.{frame.f_code.co_name}"
            key = (name, id(node), args, tuple(sorted(kwargs.items())))
            known = asked.get(key)
            kind = "first"
            if known is not None and known[0] is node:
                kind = "same answer" if known[1] == answer else "changed answer"
            calls[(name, kind)] += 1
            by_caller[(name, caller, kind)] += 1
            asked[key] = (node, answer)
            return answer
        return read
    try:
        for name in TEXT_FUNCTIONS:  # the other modules call tree.<name>, or tree's own functions call them
            setattr(tree, name, counted(name))
        for _, source, url, hints, html in pages:
            asked.clear()
            try:
                families.extract_article(source, url, html, hints=hints)
            except (families.NotAnArticle, ValueError):
                pass
    finally:
        for name, function in originals.items():
            setattr(tree, name, function)
    n = len(pages)
    print(f"\n1. Text reads per page ({n} pages): calls, then those asking an element already asked on the page")
    print("| function | calls | again, same answer | again, changed answer |\n|---|---:|---:|---:|")
    for name in TEXT_FUNCTIONS:
        total = sum(calls[(name, k)] for k in ("first", "same answer", "changed answer"))
        print(f"| {name} | {total / n:.1f} | {calls[(name, 'same answer')] / n:.1f} | "
              f"{calls[(name, 'changed answer')] / n:.1f} |")
    print("\n| function | caller | calls | again, same answer |\n|---|---|---:|---:|")
    rows = collections.Counter()
    for (name, caller, _), count in by_caller.items():
        rows[(name, caller)] += count
    for (name, caller), count in rows.most_common(top):
        print(f"| {name} | {caller} | {count / n:.2f} | {by_caller[(name, caller, 'same answer')] / n:.2f} |")


def walk_cost(pages, passes: int) -> None:
    walk = tree.text_parts

    def twice(node):
        walk(node)
        return walk(node)
    sides: dict[str, list[int]] = {"once": [], "twice": []}
    _read_all(pages)
    try:
        for _ in range(passes):
            for side, times in sides.items():
                tree.text_parts = twice if side == "twice" else walk
                times.append(_read_all(pages))
    finally:
        tree.text_parts = walk
    once, doubled = (min(v) / len(pages) / 1000 for v in sides.values())
    print(f"\n2. The walks' whole cost: a page {once:.0f} µs with each walk once, {doubled:.0f} µs with each walk "
          f"twice (fastest of {passes} alternating passes, CPU clock): the walks cost {doubled - once:.0f} µs "
          f"a page ({(doubled - once) / once:.1%})")


def normalize_split(pages, passes: int) -> None:
    raws = []
    for _, source, url, hints, html in pages:
        try:
            raws.append((families.extract_article(source, url, html, hints=hints), source, url))
        except (families.NotAnArticle, ValueError):
            pass
    spent: collections.Counter = collections.Counter()
    originals = {name: getattr(process, name) for name in NORMALIZE_STEPS}

    def timed(name):
        function = originals[name]

        def step(*args, **kwargs):
            start = time.thread_time_ns()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.thread_time_ns() - start
        return step

    def one_pass() -> tuple[int, dict]:
        bench_extract._forget_folds()
        spent.clear()
        start = time.thread_time_ns()
        for raw, source, url in raws:
            try:
                process.normalize_article(raw, source, fetched_at=bench_extract.FETCHED_AT, fetched_url=url)
            except ValueError:
                pass
        return time.thread_time_ns() - start, dict(spent)
    try:
        for name in NORMALIZE_STEPS:
            setattr(process, name, timed(name))
        one_pass()
        total, steps = min(one_pass() for _ in range(passes))
    finally:
        for name, function in originals.items():
            setattr(process, name, function)
    n = len(raws)
    print(f"\n3. normalize_article: {total / n / 1000:.0f} µs a page ({n} pages; steps timed inside it, fastest pass)")
    print("| step | µs |\n|---|---:|")
    for name, ns in sorted(steps.items(), key=lambda item: -item[1]):
        print(f"| {name} | {ns / n / 1000:.1f} |")
    print(f"| (the function itself, the timers) | {(total - sum(steps.values())) / n / 1000:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="blind", choices=("families", "blind", "full-size", "real"))
    parser.add_argument("--passes", type=int, default=9)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    pages = bench_extract.page_sets()[args.set]
    count_calls(pages, args.top)
    walk_cost(pages, args.passes)
    normalize_split(pages, args.passes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where one small page's time goes, step by step (inclusive CPU time per step, no profiler).

    .venv/bin/python benchmarks/step_times.py [--set families] [--passes 10] [--top 30] [--also MODULE:FUNCTION ...]

Reads a page set of bench_extract.py the way its speed table does (extract_article + normalize_article,
the byline and fold memories emptied before each pass) with the main steps wrapped in a timer on the
thread's CPU clock: the page check, the parse, the family's reading, the generic reader's and the
families' shared steps, and normalization's parts.  Per page and step, the time summed over one pass,
the fastest of the passes; then the mean over the pages.  Times are inclusive (a step's time holds the
steps it calls): the shares do not add up to 100 %.  cProfile (profile_extract.py) charges each Python
call; this charges only the ~60 wrapped functions, so C-heavy and call-heavy steps compare fairly.
"""

from __future__ import annotations

import argparse
import collections
import gc
import importlib
import statistics
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path

GENERIC = ("jsonld_article", "_title", "meta_dates", "_summary", "shown_sapo", "_tags", "_canonical", "meta_content",
           "_image", "_container", "_dates")
COMMON = ("take_byline", "clean_body", "raw_article", "page_extras", "read_text", "date_after_title",
          "remove_text_blocks", "remove_all")
NORMALIZE = ("clean_title", "sanitize_html", "html_to_text", "normalize_block", "pick_published", "parse_byline",
             "_summary", "_province", "canonical_url", "without_site_names", "_clean_html")
FAMILIES = ("cand", "vhv", "bocongan", "wordpress")


class Timer:
    def __init__(self) -> None:
        self.page: tuple[int, int] | None = None
        self.spent: dict[tuple[int, int], dict[str, int]] = collections.defaultdict(collections.Counter)

    def wrap(self, module, name: str, label: str) -> None:
        original = getattr(module, name)

        def timed(*args, **kwargs):
            start = time.thread_time_ns()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[self.page][label] += time.thread_time_ns() - start
        setattr(module, name, timed)


def instrument(timer: Timer) -> None:
    from tintuc_feed import families, process
    from tintuc_feed.families import generic

    for name in GENERIC:
        timer.wrap(generic, name, f"generic.{name}")
    for name in ("page_keys", "meta_author", "page_forms", "with_author_refs", "read_byline"):
        timer.wrap(generic.generic_authors, name, f"generic_authors.{name}")
    timer.wrap(generic.generic_dates, "marked_published", "generic_dates.marked_published")
    timer.wrap(generic.generic_body, "body", "generic_body.body")
    common = importlib.import_module("tintuc_feed.families.common")
    for name in COMMON:
        timer.wrap(common, name, f"common.{name}")
    for family in FAMILIES:  # the family modules' own helpers (each family's _dates, _byline…)
        module = importlib.import_module(f"tintuc_feed.families.{family}")
        for name, value in list(vars(module).items()):
            if isinstance(value, types.FunctionType) and value.__module__ == module.__name__ \
                    and name not in ("parse_article", "parse_list", "start_urls"):
                timer.wrap(module, name, f"{family}.{name}")
    timer.wrap(families, "check_page", "check_page")
    timer.wrap(families, "Page", "parse + index (Page)")
    timer.wrap(families, "_parse", "the family's reading")
    for name in NORMALIZE:
        timer.wrap(process, name, f"normalize: {name}")
    timer.wrap(process, "normalize_article", "normalize_article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="families", choices=("families", "blind", "full-size", "real"))
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--also", action="append", default=[], metavar="MODULE:FUNCTION",
                        help="time this function too (e.g. tintuc_feed.families.read_also:remove); repeatable")
    args = parser.parse_args(argv)
    timer = Timer()
    instrument(timer)
    for spec in args.also:
        module, _, name = spec.partition(":")
        timer.wrap(importlib.import_module(module), name, f"{module.removeprefix('tintuc_feed.')}.{name}")
    pages = bench_extract.page_sets()[args.set]
    readers = [bench_extract.tintuc_reader(source, url, hints) for _, source, url, hints, _ in pages]
    for read, page in zip(readers, pages, strict=True):  # warm-up
        read(page[4])
    timer.spent.clear()
    for n in range(args.passes):
        bench_extract._forget_folds()
        for i, (read, page) in enumerate(zip(readers, pages, strict=True)):
            timer.page = (i, n)
            gc.disable()
            start = time.thread_time_ns()
            read(page[4])
            timer.spent[(i, n)]["page (extraction + normalization)"] += time.thread_time_ns() - start
            gc.enable()
    labels = {label for spent in timer.spent.values() for label in spent}
    per_page = {label: statistics.mean(min(timer.spent[(i, n)][label] for n in range(args.passes))
                                       for i in range(len(pages))) / 1000 for label in labels}
    total = per_page["page (extraction + normalization)"]
    print(f"{len(pages)} pages of set {args.set!r}, fastest of {args.passes} passes per page and step, CPU µs:")
    print("| step | µs per page | share |\n|---|---:|---:|")
    for label in sorted(labels, key=lambda lb: -per_page[lb])[: args.top]:
        print(f"| {label} | {per_page[label]:.1f} | {100 * per_page[label] / total:.0f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

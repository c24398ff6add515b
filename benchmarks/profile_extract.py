"""Where extraction + normalization spend their time, per page set (cProfile).

    .venv/bin/python benchmarks/profile_extract.py [--set families] [--passes 20] [--top 30] [--sort tottime]

Reads the pages of one of bench_extract.py's sets (families, blind, full-size, real) the way its
speed table does (families.extract_article + process.normalize_article, fold_key's memory emptied
before each pass), after one warm-up pass, under cProfile, and prints the functions taking the most
time.  With --fallback it also says how much of the time the generic family's trafilatura runs (its
vote on a weak container, its fallback without one) took, and on how many pages.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="families", choices=("families", "blind", "full-size", "real", "real-selectors"))
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--fallback", action="store_true", help="time the trafilatura fallback separately")
    args = parser.parse_args(argv)
    pages = bench_extract.page_sets()[args.set]
    readers = [bench_extract.tintuc_reader(source, url, hints) for _, source, url, hints, _ in pages]
    for read, page in zip(readers, pages, strict=True):
        read(page[4])
    if args.fallback:
        print(_fallback_share(pages, readers))
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.passes):
        bench_extract._forget_folds()
        for read, page in zip(readers, pages, strict=True):
            read(page[4])
    profile.disable()
    print(f"{len(pages)} pages x {args.passes} passes, set {args.set!r}")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
    return 0


def _fallback_share(pages, readers) -> str:
    from tintuc_feed.families import generic_body

    spent, used, original = [0.0], set(), generic_body.trafilatura_html

    def timed(*args):
        start = time.perf_counter()
        try:
            return original(*args)
        finally:
            spent[0] += time.perf_counter() - start

    generic_body.trafilatura_html = timed
    try:
        start = time.perf_counter()
        for (page_id, *_rest), read, page in zip(pages, readers, pages, strict=True):
            before = spent[0]
            read(page[4])
            if spent[0] > before:
                used.add(page_id)
        total = time.perf_counter() - start
    finally:
        generic_body.trafilatura_html = original
    return (f"trafilatura (the vote and the fallback): {1000 * spent[0] / len(pages):.2f} of {1000 * total / len(pages):.2f} ms per page "
            f"({100 * spent[0] / total:.0f} %), on {len(used)} of {len(pages)} pages")


if __name__ == "__main__":
    sys.exit(main())

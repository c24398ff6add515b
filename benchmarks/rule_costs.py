"""Every library function's inclusive CPU time and calls per page, on one of bench_extract.py's page sets.

    .venv/bin/python benchmarks/rule_costs.py [--set blind] [--passes 3] [--top 40] [--match TEXT]

Each function of tintuc_feed's modules (families, normalize, process, sanitize, urls) is wrapped where it is
looked up (its module and every module that imported it by name); a wrapper counts its calls and, outside a
call of itself, its thread CPU time.  Pages are read as bench_extract.py's speed table reads them (extraction
+ normalization, the fold memory emptied before each pass), after one warm-up pass.  The wrappers' own cost
(~0.3-0.5 µs a call) is inside the figures of the functions that call many others: compare a function's calls
before and after a change, and its time with step_times.py (which wraps ~60 steps only).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import pkgutil
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path


class Counter:
    def __init__(self) -> None:
        self.spent: collections.Counter[str] = collections.Counter()
        self.calls: collections.Counter[str] = collections.Counter()
        self.active: collections.Counter[str] = collections.Counter()
        self.wrappers: dict = {}

    def wrap(self, function):
        if function in self.wrappers:
            return self.wrappers[function]
        label = f"{function.__module__.removeprefix('tintuc_feed.')}.{function.__qualname__}"

        def counted(*args, **kwargs):
            self.calls[label] += 1
            if self.active[label]:
                return function(*args, **kwargs)
            self.active[label] += 1
            start = time.thread_time_ns()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[label] += time.thread_time_ns() - start
                self.active[label] -= 1
        self.wrappers[function] = counted
        return counted


def instrument(counter: Counter) -> None:
    from tintuc_feed import families, normalize

    for package in (families, normalize):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    for name in ("process", "sanitize", "urls"):
        importlib.import_module(f"tintuc_feed.{name}")
    for name, module in list(sys.modules.items()):
        if not name.startswith("tintuc_feed") or not isinstance(module, types.ModuleType):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, types.FunctionType) and value.__module__.startswith("tintuc_feed"):
                setattr(module, attr, counter.wrap(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="blind", choices=("families", "blind", "full-size", "real"))
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--match", default="", help="only functions whose name holds this text")
    args = parser.parse_args(argv)
    counter = Counter()
    instrument(counter)
    pages = bench_extract.page_sets()[args.set]
    readers = [bench_extract.tintuc_reader(source, url, hints) for _, source, url, hints, _ in pages]
    for read, page in zip(readers, pages, strict=True):
        read(page[4])
    counter.spent.clear()
    counter.calls.clear()
    for _ in range(args.passes):
        bench_extract._forget_folds()
        for read, page in zip(readers, pages, strict=True):
            read(page[4])
    reads = args.passes * len(pages)
    print(f"{len(pages)} pages of set {args.set!r} x {args.passes} passes; per page:")
    print("| function | µs (inclusive, wrapped) | calls |\n|---|---:|---:|")
    rows = [(label, spent) for label, spent in counter.spent.most_common() if args.match in label]
    for label, spent in rows[:args.top]:
        print(f"| {label} | {spent / 1000 / reads:.1f} | {counter.calls[label] / reads:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How many times one page's tree is walked, and by whom (issue 10: fewer walks, not faster ones).

    .venv/bin/python benchmarks/count_walks.py --set blind [--page ID-SUBSTRING] [--top 25]

Reads the pages of a bench_extract.py set once (extract_article + normalize_article) and counts every
walk of a page's tree: lxml's iter / iterdescendants / itertext / iterancestors-free walks, `xpath()`,
text_content(), and every compiled XPath of the library (module-level ones and the selectors' XPath).
Each walk is classed by the share of the page's elements below the node it starts from (the page as
parsed): "whole" (the root, or at least half the page), "part" (a tenth to a half: a container, the
body), "small" (less); walks of other trees (trafilatura's output, a body fragment, a second parse)
are "other".  The caller is the library function that asked for the walk.  Counting only: no times.
"""

from __future__ import annotations

import argparse
import collections
import functools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # benchmarks/ is not a package: its folder is on sys.path
from lxml import etree

WALKS = frozenset(("iter", "iterdescendants", "itertext", "xpath", "text_content", "iterfind", "findall",
                   "getiterator"))


class Counter:
    def __init__(self) -> None:
        self.sizes: dict[int, tuple[etree._Element, int]] = {}  # id(root) -> (root, elements when parsed)
        self.counts: collections.Counter = collections.Counter()
        self.spent: collections.Counter = collections.Counter()  # ns of each walk replayed to its end, per kind

    def page_root(self, root: etree._Element) -> None:
        self.sizes[id(root)] = (root, sum(1 for _ in etree._Element.iter(root)))

    def walk(self, node, what: str, frame, replay) -> None:
        if not isinstance(node, etree._Element):
            return
        top = node.getroottree().getroot()
        known = self.sizes.get(id(top))
        if known is None or known[0] is not top:
            kind = "other"
        else:
            share = sum(1 for _ in etree._Element.iter(node)) / max(known[1], 1)
            kind = "whole" if node is top or share >= 0.5 else "part" if share >= 0.1 else "small"
        while frame is not None and "tintuc_feed" not in frame.f_code.co_filename:
            frame = frame.f_back
        caller = "?" if frame is None else (
            f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}")
        self.counts[(kind, caller, what)] += 1
        self.spent[(kind, caller, what)] += _replayed(replay)


def _replayed(replay) -> int:
    """CPU ns of the walk run again to its end (fastest of 3): an upper bound of what the reader's walk cost
    (a reader may stop early, as next(iter(...)) does)."""
    best = None
    for _ in range(3):
        start = time.thread_time_ns()
        result = replay()
        if not isinstance(result, (list, bool, float, str)):
            for _ in result:
                pass
        spent = time.thread_time_ns() - start
        best = spent if best is None else min(best, spent)
    return best


class CountedXPath:
    """A compiled XPath that reports each run to the counter."""

    def __init__(self, query: etree.XPath, counter: Counter, label: str) -> None:
        self.query, self.counter, self.label = query, counter, label
        self.path = query.path

    def __call__(self, node, **kwargs):
        self.counter.walk(node, f"XPath {self.label}", sys._getframe(1), lambda: self.query(node, **kwargs))
        return self.query(node, **kwargs)


def instrument(counter: Counter) -> None:
    from tintuc_feed.families import page as page_module
    from tintuc_feed.families import tree

    modules = [(n, m) for n, m in sys.modules.items() if n.startswith("tintuc_feed.") and m is not None]
    for module_name, module in modules:  # every module the warm-up reading imported
        for name, value in list(vars(module).items()):
            if isinstance(value, etree.XPath):
                setattr(module, name, CountedXPath(value, counter, f"{module_name.rsplit('.', 1)[-1]}.{name}"))
            elif isinstance(value, tuple) and value and all(isinstance(v, etree.XPath) for v in value):
                setattr(module, name, tuple(CountedXPath(v, counter, f"{name}[{i}]") for i, v in enumerate(value)))
    original = tree.xpath_for.__wrapped__

    def xpath_for(css: str, within: bool = True):
        query = original(css, within)
        return None if query is None else CountedXPath(query, counter, "css")
    tree.xpath_for = functools.cache(xpath_for)
    init = page_module.Page.__init__

    def page_init(self, text, root=None):
        init(self, text, root)
        counter.page_root(self.root)
    page_module.Page.__init__ = page_init
    copy = page_module.Page.copy

    def page_copy(self):
        new = copy(self)
        counter.page_root(new.root)
        return new
    page_module.Page.copy = page_copy

    lookup = etree.ElementDefaultClassLookup(element=_counting_element(counter))

    def parse(text: str) -> etree._Element:  # tree.parse with elements that report their walks
        if text[:1] == "\ufeff":
            text = text[1:]
        parser = etree.HTMLParser(recover=True)
        parser.set_element_class_lookup(lookup)
        parser.feed(text)
        root = parser.close()
        return root if root is not None else etree.Element("html")
    tree.parse = parse


def _counting_element(counter: Counter) -> type:
    """An element class whose walking methods report to the counter (lxml's own are C methods a profiler
    hook does not see)."""
    def counted(name: str):
        method = getattr(etree.ElementBase, name)

        def walk(self, *args, **kwargs):
            counter.walk(self, name, sys._getframe(1), lambda: method(self, *args, **kwargs))
            return method(self, *args, **kwargs)
        return walk
    methods = {name: counted(name) for name in WALKS if hasattr(etree.ElementBase, name)}
    return type("CountingElement", (etree.ElementBase,), methods)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="blind", choices=("families", "blind", "full-size", "real"))
    parser.add_argument("--page", help="only pages whose id holds this text")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    pages = [p for p in bench_extract.page_sets()[args.set] if not args.page or args.page in p[0]]
    readers = [bench_extract.tintuc_reader(source, url, hints) for _, source, url, hints, _ in pages]
    for read, page in zip(readers, pages, strict=True):  # warm-up: every module a reading needs is imported
        read(page[4])
    counter = Counter()
    instrument(counter)
    for read, page in zip(readers, pages, strict=True):
        read(page[4])
    n = len(pages)
    kinds, spent = collections.Counter(), collections.Counter()
    for (kind, caller, what), count in counter.counts.items():
        kinds[kind] += count
        spent[kind] += counter.spent[(kind, caller, what)]
    print(f"{n} page(s) of set {args.set!r}{' (' + args.page + ')' if args.page else ''}: walks per page (an iter() over a small node, e.g. a leaf's ancestors, is not a walk of the tree)")
    print("| walks from | per page | µs per page, each walk replayed to its end |\n|---|---:|---:|")
    for kind in ("whole", "part", "small", "other"):
        print(f"| {kind} | {kinds[kind] / n:.1f} | {spent[kind] / n / 1000:.1f} |")
    print("\n| kind | caller | walk | per page | µs per page (replayed) |\n|---|---|---|---:|---:|")
    rows = sorted(((k, c, w, v) for (k, c, w), v in counter.counts.items() if k in ("whole", "part")),
                  key=lambda r: -r[3])
    for kind, caller, what, count in rows[: args.top]:
        print(f"| {kind} | {caller} | {what} | {count / n:.1f} | {counter.spent[(kind, caller, what)] / n / 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A whole crawl of a generated portal on 127.0.0.1, against a bare Scrapy spider with the same politeness.

    .venv/bin/python benchmarks/bench_crawl.py --articles 1000 --runs 3

The site: --articles article pages in the sample site's portal template (title, date line, paragraphs of
Vietnamese police-news words, byline), 20 to a list page, list pages chained by a "Tiếp" link, robots.txt
allowing all; served by tintuc_feed.sample_site.SampleSite (a threaded static server).  Two variants: "plain"
(~4 KB pages) and "chrome" (~60 KB of portal chrome added to every page: a mega menu, sidebars, inline
scripts, a footer link farm, as on the real provincial portals).

Three crawls of each variant, each into a fresh store, each run as the product's runner runs it (a child
process, `python -P -m crawler.main`, through a launcher that records the crawl process's own CPU) or as a
plain Scrapy script:
  * tintuc-feed, pages read off the reactor thread by a worker pool (TINTUC_EXTRACT_WORKERS unset: one per
    CPU) -- the default;
  * tintuc-feed with TINTUC_EXTRACT_WORKERS=0: pages read on the reactor thread, as before issue 10;
  * with --before DIR (a checkout of an earlier commit: `git worktree add ../before <commit>`): that
    checkout's crawler with its default settings, `python -P -m crawler.main` with PYTHONPATH=DIR/src:DIR
    (its workers inherit it) -- before and after measured in one invocation;
  * bare Scrapy: one spider following the same list pages and yielding url + <title> of each article, with
    the crawl's own settings (robots.txt, CONCURRENT_REQUESTS_PER_DOMAIN = 1, DOWNLOAD_DELAY 0, AutoThrottle,
    the same middlewares), no pipeline.
Pages/min = pages the server answered (list + article pages, robots.txt aside) / wall time of the crawl
process.  CPU ms/page (user + system) / pages, per process: the crawl process alone (its RUSAGE_SELF: the
reactor thread and what runs beside it), its page-reading workers (its RUSAGE_CHILDREN: they are reaped
before it exits), all of them, and the site's server (this process's own CPU during the crawl: the
server's threads run here, and they compete for the same two cores).  The runs are interleaved (run 1 of
every crawl, then run 2 of every crawl, ...), so a change of the machine's load hits every crawl alike;
the 1-minute load average is read before each run.  Where a crawl's wall time goes beside its pages: the
server stamps each request, so "start" is the time from the crawl process's start to its first request
(interpreter, imports, the reactor's start, robots.txt) and "end" the time from its last request to its
exit (the last pages read, the store's last writes, the shutdown), both sides alike.  Medians of --runs; the ratio is tintuc-feed's page
rate over the bare spider's of the same round, per round then median (with its range).
Every tintuc-feed run must store every article (checked), so a faster run that read less is refused.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORD_TEXT = """công an tỉnh thành phố huyện xã phường đối tượng bị can bị hại người dân cơ quan điều tra cảnh sát
hình sự kinh tế ma túy giao thông trật tự an ninh mạng lừa đảo chiếm đoạt tài sản trộm cắp cướp giật đánh bạc
tổ chức khởi tố bắt giữ tạm giam xử lý vi phạm pháp luật quy định hành vi phạm tội vụ án làm rõ mở rộng xác
minh khám xét thu giữ tang vật xe máy ô tô điện thoại tiền mặt triệu đồng tỷ ngân hàng tài khoản"""
WORDS = WORD_TEXT.split()
PER_LIST = 20
SECTION = "tin-tuc-su-kien"
HEAD = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title} - Công an tỉnh Mẫu</title>
<link rel="stylesheet" href="/Portals/0/skin.css">
{scripts}
</head>
<body>
<div class="wrapper">
 <div class="top-banner"><a href="/"><img src="/Portals/0/logo.png" alt="Công an tỉnh Mẫu"></a>
  <div class="site-title">CÔNG AN TỈNH MẪU</div></div>
 <div class="mainmenu"><ul>
  <li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>
  <li><a href="/{section}/">Tin tức - Sự kiện</a></li><li><a href="/van-ban/">Văn bản</a></li></ul>{menu}</div>
 <div class="row">
 <div class="col-left">
"""
TAIL = """ </div>
 <div class="col-right">
  <div class="box"><h3 class="box-title">Tìm kiếm</h3>
   <div class="search"><input type="text" name="q" placeholder="Nhập từ khóa"><a class="btn" href="#">Tìm</a></div></div>
{sidebar}
 </div>
 </div>
 <div class="footer">Cổng thông tin điện tử Công an tỉnh Mẫu. Điện thoại: 069.2222.000{footer}</div>
</div>
</body>
</html>
"""


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def chrome(rng: random.Random) -> dict[str, str]:
    """~60 KB of portal furniture: what the real portals wrap around every page."""
    menu = "<ul class='mega'>" + "".join(
        f"<li><a href='/chuyen-muc/{i}/'>{words(rng, 3).capitalize()}</a><ul>"
        + "".join(f"<li><a href='/chuyen-muc/{i}/{j}/'>{words(rng, 4)}</a></li>" for j in range(8)) + "</ul></li>"
        for i in range(30)) + "</ul>"
    scripts = "".join(f"<script>var cfg{i} = {{" + ",".join(f"k{j}: '{words(rng, 2)}'" for j in range(40))
                      + "}; (function(){ if (window.ga) { ga('send', 'pageview'); } })();</script>\n"
                      for i in range(8))
    sidebar = "".join(
        f"<div class='box'><h3 class='box-title'>{words(rng, 3)}</h3><ul class='list-news'>"
        + "".join(f"<li><a href='/tin-khac/{i}-{j}.html'>{words(rng, 10)}</a><span class='date'>"
                  f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025</span></li>" for j in range(10))
        + "</ul></div>" for i in range(8))
    footer = "<div class='links'>" + " | ".join(
        f"<a href='https://congan{i}.gov.vn/'>Công an {words(rng, 2)}</a>" for i in range(200)) + "</div>"
    return {"menu": menu, "scripts": scripts, "sidebar": sidebar, "footer": footer}


def article_page(i: int, rng: random.Random, furniture: dict[str, str]) -> tuple[str, str, str]:
    title = f"{words(rng, 8).capitalize()} (mã tin A{i:05d})"  # never a bare 404 or 500: an error page to families
    day = f"{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/2025 lúc {i % 24:02d}:{i % 60:02d}"
    paragraphs = "".join(f"<p>{words(rng, rng.randint(25, 60)).capitalize()}.</p>" for _ in range(rng.randint(4, 9)))
    body = (f'  <h1 class="title-news">{title}</h1>\n  <div class="ngaydang">Cập nhật: {day}</div>\n'
            f'  <div class="noidungtin">{paragraphs}<p style="text-align: right;"><strong>Bài và ảnh: '
            f'Nguyễn Văn An</strong></p></div>\n')
    html = HEAD.format(title=title, section=SECTION, scripts=furniture["scripts"], menu=furniture["menu"])
    return f"{slug(i)}.html", title, html + body + TAIL.format(**furniture)


def slug(i: int) -> str:
    return f"tin-bai-mau-so-{i}-{100000 + i}"


def list_page(page: int, items: list[tuple[int, str]], last: bool, furniture: dict[str, str]) -> str:
    rows = "".join(f'  <div class="item-news"><h2><a href="/{SECTION}/{slug(i)}.html">{title}</a></h2>'
                   f'<span class="date">{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/2025</span></div>\n'
                   for i, title in items)
    paging = "" if last else f'  <div class="paging"><b>{page}</b> <a href="/{SECTION}/trang-{page + 1}/">Tiếp</a></div>\n'
    html = HEAD.format(title="Tin tức - Sự kiện", section=SECTION, scripts=furniture["scripts"], menu=furniture["menu"])
    return html + rows + paging + TAIL.format(**furniture)


def build_site(root: Path, articles: int, with_chrome: bool) -> int:
    """Writes the site under root; returns the number of pages a full crawl fetches (lists + articles)."""
    rng = random.Random(10)
    furniture = chrome(rng) if with_chrome else {"menu": "", "scripts": "", "sidebar": "", "footer": ""}
    section = root / SECTION
    section.mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    titles = []
    for i in range(articles):
        name, title, html = article_page(i, rng, furniture)
        (section / name).write_text(html, "utf-8")
        titles.append((i, title))
    pages = [titles[k:k + PER_LIST] for k in range(0, articles, PER_LIST)]
    for page, items in enumerate(pages, start=1):
        folder = section if page == 1 else section / f"trang-{page}"
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(list_page(page, items, page == len(pages), furniture), "utf-8")
    return articles + len(pages)


def sources_file(path: Path, base_url: str, articles: int) -> Path:
    lists = -(-articles // PER_LIST)
    path.write_text(f'''[[source]]
id = "bench"
name = "Công an tỉnh Mẫu"
province = "Lâm Đồng"
list_urls = ["{base_url}{SECTION}/"]
article_url_pattern = "/{SECTION}/[a-z0-9-]+-[0-9]+[.]html$"
max_pages = {lists + 1}
max_articles = {articles + 1}
status = "fixture"
''', "utf-8")
    return path


class StampedRequests(list):
    """The server's request log (SampleSite appends (method, path) per request), with the time of each."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item) -> None:
        self.times.append(time.perf_counter())
        super().append(item)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


LAUNCHER = """
import os, resource, runpy, sys

if __name__ == "__main__":  # a worker process (spawn) imports this file too: only the crawl process runs it
    sys.argv[0] = "crawler.main"
    profile = None
    if os.environ.get("BENCH_PROFILE"):  # --profile: the crawl process's own calls (its reactor thread)
        import cProfile
        profile = cProfile.Profile()
        profile.enable()
    try:
        runpy.run_module("crawler.main", run_name="__main__", alter_sys=True)
    finally:
        if profile is not None:
            profile.disable()
            profile.dump_stats(os.environ["BENCH_PROFILE"])
        usage, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.environ["BENCH_RUSAGE_FILE"], "w") as out:
            out.write(f"{usage.ru_utime + usage.ru_stime} {workers.ru_utime + workers.ru_stime}")
"""


def crawl_tintuc(code: Path, sources: Path, workdir: Path, workers: str | None, profile: Path | None = None) -> dict:
    """One crawl by `code`'s crawler, run as its runner runs it (`python -P -m crawler.main`, PYTHONPATH
    code/src:code, the workers inherit it): seconds, CPU seconds (all, crawl process, workers, server),
    articles stored."""
    from tintuc_feed.store import Store

    db = workdir / f"run-{time.monotonic_ns()}.sqlite"
    launcher, usage = workdir / "launch_crawl.py", workdir / "crawl-rusage.txt"
    launcher.write_text(LAUNCHER, "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("TINTUC_EXTRACT_WORKERS", "PYTHONPATH")}
    env |= {"PYTHONPATH": os.pathsep.join((str(code / "src"), str(code))), "BENCH_RUSAGE_FILE": str(usage)}
    if workers is not None:
        env["TINTUC_EXTRACT_WORKERS"] = workers
    if profile is not None:
        env["BENCH_PROFILE"] = str(profile)
    cpu, server, start = children_cpu(), own_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-P", str(launcher), "--db", str(db), "--sources", str(sources), "--delay", "0",
                    "--log-level", "ERROR"], env=env, check=True, cwd=workdir)
    end = time.perf_counter()
    seconds, cpu, server = end - start, children_cpu() - cpu, own_cpu() - server
    crawl, workers_cpu = map(float, usage.read_text().split())
    with Store(db) as store:
        return {"seconds": seconds, "all": cpu, "crawl": crawl, "workers": workers_cpu, "server": server,
                "items": store.count(), "span": (start, end)}


BARE = '''
import sys
from argparse import Namespace
import scrapy
from scrapy.crawler import CrawlerProcess
from crawler.main import build_settings

class Bare(scrapy.Spider):
    name = "bare"
    start_urls = [sys.argv[1]]
    items = 0

    def parse(self, response):
        for href in response.css("div.item-news h2 a::attr(href)").getall():
            yield response.follow(href, self.parse_article)
        yield from response.follow_all(response.css("div.paging a::attr(href)"), self.parse)

    def parse_article(self, response):
        Bare.items += 1
        yield {"url": response.url, "title": response.css("title::text").get()}

settings = build_settings(Namespace(delay=0.0, log_level="ERROR", user_agent=None))
settings.set("ITEM_PIPELINES", {}, priority="cmdline")
process = CrawlerProcess(settings)
process.crawl(Bare)
process.start()
print(Bare.items)
'''


def crawl_bare(list_url: str, workdir: Path) -> dict:
    script = workdir / "bare_spider.py"  # a file, not -c: Scrapy reads its callbacks' source
    script.write_text(BARE, "utf-8")
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    cpu, server, start = children_cpu(), own_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, str(script), list_url], capture_output=True, text=True, env=env,
                          check=True)
    end = time.perf_counter()
    seconds, cpu, server = end - start, children_cpu() - cpu, own_cpu() - server
    return {"seconds": seconds, "all": cpu, "crawl": cpu, "workers": 0.0, "server": server,
            "items": int(done.stdout.split()[-1]), "span": (start, end)}


def measure(variant: str, args, workdir: Path) -> dict:
    from tintuc_feed.sample_site import SampleSite

    root = workdir / variant
    expected_pages = build_site(root, args.articles, variant == "chrome")
    page_kib = (root / SECTION / f"{slug(0)}.html").stat().st_size / 1024
    runs: dict[str, list[dict]] = {kind: [] for kind in args.kinds}
    if args.before:
        runs["before"] = []
    runs["bare"] = []
    with SampleSite(root) as site:
        site.server.requests = StampedRequests()
        sources = sources_file(workdir / f"{variant}.toml", site.url, args.articles)
        for _ in range(args.runs):
            for kind, results in runs.items():
                before, load = len(site.requests), os.getloadavg()[0]
                if kind == "bare":
                    run = crawl_bare(f"{site.url}{SECTION}/", workdir)
                else:
                    code = args.before if kind == "before" else ROOT
                    profile = args.profile / f"{variant}-{kind}-{len(results) + 1}.prof" if args.profile else None
                    run = crawl_tintuc(code, sources, workdir, "0" if kind == "inline" else None, profile)
                pages = sum(1 for _, path in site.requests[before:] if path != "/robots.txt")
                assert run["items"] == args.articles and pages == expected_pages, (kind, run["items"], pages)
                (start, end), stamps = run.pop("span"), site.server.requests.times[before:]
                results.append(run | {"pages": pages, "load": load, "start": stamps[0] - start,
                                      "end": end - stamps[-1]})
    return {"variant": variant, "page_kib": page_kib, "pages": expected_pages, "runs": runs}


def report(result: dict) -> None:
    runs = result["runs"]
    rate = {k: [60 * r["pages"] / r["seconds"] for r in v] for k, v in runs.items()}

    def per_page(kind: str, what: str) -> float:
        return statistics.median(1000 * r[what] / r["pages"] for r in runs[kind])

    print(f"\n## {result['variant']}: {result['pages']} pages, article page {result['page_kib']:.1f} KiB")
    print("| crawl | pages/min | CPU ms/page: all | crawl process | workers | server "
          "| start s | end s | ratio to bare Scrapy (range) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    labels = {"pool": "tintuc-feed (worker pool, default)", "inline": "tintuc-feed, TINTUC_EXTRACT_WORKERS=0",
              "before": "--before checkout (default settings)", "bare": "bare Scrapy spider (url + title)"}
    for kind in runs:
        ratios = [a / b for a, b in zip(rate[kind], rate["bare"], strict=True)]
        print(f"| {labels[kind]} | {statistics.median(rate[kind]):,.0f} | {per_page(kind, 'all'):.1f} "
              f"| {per_page(kind, 'crawl'):.1f} | {per_page(kind, 'workers'):.1f} | {per_page(kind, 'server'):.1f} "
              f"| {statistics.median(r['start'] for r in runs[kind]):.2f} "
              f"| {statistics.median(r['end'] for r in runs[kind]):.2f} "
              f"| {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |")
    loads = [r["load"] for v in runs.values() for r in v]
    print(f"(medians of {len(runs['bare'])} interleaved rounds; 1-minute load average before the runs: median "
          f"{statistics.median(loads):.1f}, {min(loads):.1f}-{max(loads):.1f}, on {os.cpu_count()} CPUs)")
    print("runs (s, CPU s all/crawl/workers/server, start s, end s, load):",
          {k: [(round(r["seconds"], 1), round(r["all"], 1), round(r["crawl"], 1), round(r["workers"], 1),
                round(r["server"], 1), round(r["start"], 2), round(r["end"], 2), round(r["load"], 1)) for r in v]
           for k, v in runs.items()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--variants", nargs="+", choices=("plain", "chrome"), default=["plain", "chrome"])
    parser.add_argument("--kinds", nargs="+", choices=("pool", "inline"), default=["pool", "inline"],
                        help="this checkout's crawls to run (the bare spider always runs)")
    parser.add_argument("--before", type=Path, default=None,
                        help="a checkout of an earlier commit whose crawler also crawls, for before/after in one run")
    parser.add_argument("--profile", type=Path, default=None,
                        help="a directory: each tintuc-feed crawl process runs under cProfile and leaves its "
                             "statistics there (VARIANT-KIND-N.prof; times under the profiler, not for rates)")
    args = parser.parse_args(argv)
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    if args.before is not None:
        args.before = args.before.resolve()
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} articles={args.articles} runs={args.runs}")
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        for variant in args.variants:
            report(measure(variant, args, Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

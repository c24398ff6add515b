"""Helpers and paths the tests share (importable as `support`: pytest's pythonpath has tests/)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tintuc_feed.sample_site import site_root

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The seed's text, kept in the repository (tests/test_seed.py checks it still equals ../shared/seeds).
SEED_FILE = REPO / "tests" / "fixtures" / "seed" / "000_3d256e4ff2aac0d7.txt"
SHARED_SEED = SHARED / "seeds" / SEED_FILE.name
SEED_PAGE = site_root() / "tin-tuc-su-kien" / "xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html"
JSONFEED_SCHEMA = SHARED / "schemas" / "jsonfeed-1.1.schema.json"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run `tintuc-feed ARGS` as a user would: a separate process."""
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "tintuc_feed.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env, check=False)


SAMPLE_ARTICLE = "tin-tuc-su-kien/truy-na-doi-tuong-pham-toi-giet-nguoi-3025.html"


def add_articles(root, count: int) -> list[str]:
    """Publish `count` new articles on a site copy: new pages, linked first on list page 1."""
    names = []
    for n in range(count):
        name = f"tin-tuc-su-kien/bai-moi-so-{n + 1}-{9000 + n}.html"
        page = (root / SAMPLE_ARTICLE).read_text("utf-8").replace("Truy nã đối tượng", f"Tin mới số {n + 1}: truy nã đối tượng")
        (root / name).write_text(page, "utf-8")
        names.append("/" + name)
    index = root / "tin-tuc-su-kien" / "index.html"
    links = "".join(f'<div class="item-news"><h2><a href="{n}">Tin mới</a></h2></div>' for n in names)
    index.write_text(re.sub(r'(<h2 class="cat-title">[^<]*</h2>)', r"\1" + links, index.read_text("utf-8"), count=1), "utf-8")
    return names


def where_and_what(module: str) -> dict:
    """In a worker: its pid, its parent's, and whether `module` was imported before this call."""
    return {"pid": os.getpid(), "ppid": os.getppid(), "imported": module in sys.modules}


def wait_for_file(path: str, seconds: float) -> str:
    """In a worker: "found" once `path` exists, "timed out" after `seconds` without it."""
    import time

    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return "timed out"
        time.sleep(0.02)
    return "found"


def touch(path: str) -> str:
    """In a worker: create `path`."""
    with open(path, "w"):
        pass
    return "written"


def exit_unless_in(pid: int) -> str:
    """Dies at once in any process but `pid` (a worker that crashes); in `pid` itself, says where it ran."""
    if os.getpid() != pid:
        os._exit(3)
    return "read in the crawl process"


def refusal_reason(source, url: str, html: str) -> str | None:
    """Why extract_article refuses the page (NotAnArticle's reason), or None when it reads an article."""
    from tintuc_feed import families

    try:
        families.extract_article(source, url, html)
    except families.NotAnArticle as exc:
        return exc.reason
    return None

"""The same story on two sites: each site's feed keeps its copy; the `all` feeds show it once,
the earliest published copy, with the other site's URL beside it."""

from __future__ import annotations

import json
import shutil

from support import run_cli

from tintuc_feed.sample_site import SampleSite, site_root, sources_toml

SEED = "tin-tuc-su-kien/xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html"


def republish(root) -> None:
    """Site B republishes site A's stories a day later, with a new title and a source line."""
    for page in (root / "tin-tuc-su-kien").glob("*.html"):
        text = page.read_text("utf-8")
        text = text.replace('<h1 class="title-news">', '<h1 class="title-news">[Đăng lại] ', 1)
        text = text.replace("02/06/2023", "03/06/2023").replace("Thứ Sáu, 09/06/2023", "Thứ Bảy, 10/06/2023")
        page.write_text(text, "utf-8")


def test_all_feed_shows_each_story_once_with_the_other_copy(tmp_path):
    roots = {name: tmp_path / name for name in ("site-a", "site-b")}
    for root in roots.values():
        shutil.copytree(site_root(), root)
    republish(roots["site-b"])
    with SampleSite(root=roots["site-a"]) as a, SampleSite(root=roots["site-b"]) as b:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(a.url, "site-a") + "\n" + sources_toml(b.url, "site-b"), "utf-8")
        out = tmp_path / "out"
        result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"), "--output", str(out),
                         "--delay", "0")
    assert result.returncode == 0, result.stderr
    per_source = {s: json.loads((out / "json" / f"{s}.json").read_text("utf-8"))["items"] for s in roots}
    assert len(per_source["site-a"]) == len(per_source["site-b"]) == 6
    merged = json.loads((out / "json" / "all.json").read_text("utf-8"))["items"]
    assert len(merged) == 6
    seed = next(i for i in merged if "Đăk Nông thật sự" in i["title"])
    assert seed["url"] == f"{a.url}{SEED}"  # 2 June on site A, before site B's 3 June copy
    assert seed["_tintuc"]["also_published_at"] == [f"{b.url}{SEED}"]
    assert f'href="{b.url}{SEED}"' in seed["content_html"]

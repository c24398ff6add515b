"""Publishing renders only the feeds whose inputs changed, and writes the bytes a full render writes.

Every check compares with a publish from scratch into an empty folder (the
reference), and reads mtimes (in nanoseconds) to tell a rewritten file from
one left alone.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest

from feeds.test_scale_publish import BASE_URL, SOURCES, START, TOPICS, article, files, fill
from tintuc_feed.feeds.from_store import publish_from_store
from tintuc_feed.feeds.incremental import MANIFEST
from tintuc_feed.store import Store

OPTIONS = {"base_url": BASE_URL, "topics": TOPICS, "item_limit": 5}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite") as s:
        fill(s, 0, 60)
        yield s


def mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def publish(store: Store, out: Path):
    return publish_from_store(out, store, SOURCES, store.health(now=START), **OPTIONS)


def reference(store: Store, out: Path) -> dict[str, bytes]:
    assert not out.exists()
    publish(store, out)
    return files(out)


def test_nothing_changed_rewrites_nothing(store, tmp_path):
    out = tmp_path / "out"
    first = publish(store, out)
    assert first.written and (out / MANIFEST).is_file()
    before = mtimes(out)
    again = publish(store, out)
    assert again.written == ()
    assert set(again.unchanged) == set(before)
    assert mtimes(out) == before
    assert files(out) == reference(store, tmp_path / "scratch")


def changed_files(old: dict[str, bytes], new: dict[str, bytes]) -> set[str]:
    return {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}


@pytest.mark.parametrize("change", ["text", "image in place", "summary in place", "new article"])
def test_a_change_rewrites_exactly_the_files_it_affects(store, tmp_path, change):
    out = tmp_path / "out"
    publish(store, out)
    before_bytes, before_mtimes = files(out), mtimes(out)
    target = article(57)
    now = START + timedelta(days=5)
    if change == "text":
        store.upsert(dataclasses.replace(target, content_text=target.content_text + " Cập nhật."), now=now)
    elif change == "image in place":  # same title and text: stored without a revision, `updated` kept
        assert store.upsert(dataclasses.replace(target, image="https://lam-dong.gov.vn/anh.jpg"),
                            now=now).status == "unchanged"
    elif change == "summary in place":
        assert store.upsert(dataclasses.replace(target, summary="Tóm tắt mới"), now=now).status == "unchanged"
    else:
        fill(store, 60, 61)
    report = publish(store, out)
    expected = reference(store, tmp_path / "scratch")
    assert files(out) == expected
    affected = changed_files(before_bytes, expected)
    assert "articles.jsonl" in affected and any(a.startswith("rss/") for a in affected)
    assert set(report.written) == affected
    after = mtimes(out)
    assert {name for name in after if after[name] != before_mtimes.get(name)} == affected


def test_a_file_edited_or_deleted_by_hand_is_restored(store, tmp_path):
    out = tmp_path / "out"
    publish(store, out)
    expected = files(out)
    (out / "rss" / "ha-noi.xml").write_bytes(b"broken")
    (out / "atom" / "all.xml").unlink()
    (out / "articles.jsonl").write_bytes(b"")
    report = publish(store, out)
    assert set(report.written) == {"rss/ha-noi.xml", "atom/all.xml", "articles.jsonl"}
    assert files(out) == expected


def test_other_options_render_again(store, tmp_path):
    out = tmp_path / "out"
    publish(store, out)
    report = publish_from_store(out, store, SOURCES, store.health(now=START), **(OPTIONS | {"item_limit": 4}))
    assert any(name.startswith("rss/") for name in report.written)
    scratch = tmp_path / "scratch"
    publish_from_store(scratch, store, SOURCES, store.health(now=START), **(OPTIONS | {"item_limit": 4}))
    assert files(out) == files(scratch)


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": 1, "feeds": [{"no": "id"}]}',
                                    b'{"version": 999}'])
def test_a_damaged_or_foreign_manifest_means_a_full_render(store, tmp_path, damage):
    out = tmp_path / "out"
    publish(store, out)
    fill(store, 60, 62)
    (out / MANIFEST).write_bytes(damage)
    publish(store, out)
    assert files(out) == reference(store, tmp_path / "scratch")
    assert json.loads((out / MANIFEST).read_bytes())["version"] == 1

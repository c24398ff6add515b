"""Publishing's two ways to the notice files (see outputs.py for what they hold).

write_notices(): from a NoticeCollector that read every record on its way to
articles.jsonl (publish() from articles in memory).

publish_notices(): from the store, for the incremental publisher.  Reading
every article costs a pass over the store, so it is skipped when nothing that
decides the notices changed: a small manifest in the notices folder (a
dotfile, never served) keeps the key publishing passes in (the digest of the
store rows and of the code and settings), the index.html section, and each
file's size and mtime; same key and files intact -> nothing is read or written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ..feeds.atomic import write_if_changed
from ..model import StoredArticle
from .outputs import index_section, notice_files
from .records import NoticeCollector

MANIFEST = "notices/.manifest.json"


def write_notices(output_dir: Path, collector: NoticeCollector, base_url: str,
                  item_limit: int) -> tuple[dict[str, bool], str]:
    """Write every notice file from what the collector read; ({relative path: written?}, index.html section)."""
    notices = collector.build()
    files = notice_files(notices, base_url, item_limit)
    return ({relative: write_if_changed(output_dir / relative, data) for relative, data in files.items()},
            index_section(notices))


def publish_notices(output_dir: Path, collector: NoticeCollector, records: Callable[[], Iterable[StoredArticle]],
                    key: str, base_url: str, item_limit: int) -> tuple[dict[str, bool], str]:
    """write_notices, unless the manifest says nothing changed.

    collector has read every stored article if articles.jsonl was just written; if it read nothing,
    records() (every stored article) is read here.
    """
    manifest = _load(output_dir)
    if manifest.get("key") == key and _intact(output_dir, manifest.get("files", {})):
        return {relative: False for relative in manifest["files"]}, manifest["section"]
    if not collector.seen:
        for stored in records():
            collector.add(stored)
    changes, section = write_notices(output_dir, collector, base_url, item_limit)
    files = {relative: _stat(output_dir / relative) for relative in sorted(changes)}
    write_if_changed(output_dir / MANIFEST, json.dumps({"key": key, "section": section, "files": files},
                                                       ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return changes, section


def _load(output_dir: Path) -> dict:
    try:
        data = json.loads((output_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stat(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def _intact(output_dir: Path, files: dict) -> bool:
    return bool(files) and all(_stat(output_dir / relative) == stat for relative, stat in files.items())

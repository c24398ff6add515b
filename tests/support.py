"""Helpers and paths the tests share (importable as `support`: pytest's pythonpath has tests/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tintuc_feed.sample_site import site_root

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_FILE = next(iter(sorted((SHARED / "seeds").glob("*.txt"))), None) if (SHARED / "seeds").is_dir() else None
SEED_PAGE = site_root() / "tin-tuc-su-kien" / "xay-dung-luc-luong-cong-an-tinh-dak-nong-that-su-trong-sach-vung-manh-3012.html"
JSONFEED_SCHEMA = SHARED / "schemas" / "jsonfeed-1.1.schema.json"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run `tintuc-feed ARGS` as a user would: a separate process."""
    env = dict(os.environ, TINTUC_LOG_LEVEL="WARNING")
    return subprocess.run([sys.executable, "-m", "tintuc_feed.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env, check=False)

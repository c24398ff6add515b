"""Shared fixtures: the sample site served over real HTTP on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tintuc_feed.sample_site import SampleSite, sources_toml


@pytest.fixture()
def sample_site():
    with SampleSite() as site:
        yield site


@pytest.fixture()
def sample_sources(tmp_path, sample_site) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(sources_toml(sample_site.url), "utf-8")
    return path

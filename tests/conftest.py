"""Shared fixtures: the sample site served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests are deterministic under CI (.ci/run exports CI=true): the same examples on every run,
# no example database carried between runs, and a failure prints the blob that reproduces it.  Locally
# they keep exploring new examples.  No test sets its own seed; @settings on a test only changes its
# number of examples, and inherits the rest from these profiles.  Neither profile has a per-example
# deadline: speed is measured in benchmarks/, and a deadline fails at random on a loaded machine (the
# README's `pytest` on a busy laptop), which is a test that can fail at random.
settings.register_profile("tintuc", deadline=None)
settings.register_profile("tintuc-ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.load_profile("tintuc-ci" if os.environ.get("CI") else "tintuc")

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


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the whole session (tests/servers.py); skipped where none is installed."""
    import servers

    bindir = servers.postgres_bin()
    servers.require("PostgreSQL (initdb, pg_ctl)", bindir is not None)
    server = servers.Postgres(bindir).start()
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server) -> str:
    """A fresh empty database on the session's PostgreSQL."""
    return postgres_server.new_database()


@pytest.fixture(scope="session")
def redis_server():
    """A throwaway redis-server (no persistence) for the whole session."""
    import shutil

    import servers

    binary = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    servers.require("redis-server", binary is not None)
    server = servers.Redis(binary)
    yield server
    server.stop()


@pytest.fixture()
def redis_url(redis_server) -> str:
    """The session's redis-server, emptied for this test (queue, schedule and locks of earlier tests gone)."""
    import socket

    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=5) as s:
        s.sendall(b"FLUSHALL\r\n")
        assert s.recv(16).startswith(b"+OK")
    return redis_server.url

"""Which backend a --db value selects: a path or sqlite:///… is SQLite, postgresql://… is PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tintuc_feed.store import Store, StoreError, backend_for, is_database_url


@pytest.mark.parametrize(("location", "path"), [
    ("data/tintuc.db", Path("data/tintuc.db")),
    (Path("/var/lib/x.db"), Path("/var/lib/x.db")),
    ("sqlite:///data/tintuc.db", Path("data/tintuc.db")),
    ("sqlite:////var/lib/x.db", Path("/var/lib/x.db")),
])
def test_paths_and_sqlite_urls_select_sqlite(location, path):
    backend = backend_for(location)
    assert backend.name == "sqlite"
    assert backend.path == path
    assert not is_database_url(location)


@pytest.mark.parametrize("location", ["postgresql://u@h/db", "postgres://h:5433/db?sslmode=disable"])
def test_postgresql_urls_are_database_urls(location):
    assert is_database_url(location)


def test_bad_sqlite_url_is_refused():
    with pytest.raises(StoreError, match="sqlite:///"):
        backend_for("sqlite://host/x.db")


def test_sqlite_url_opens_the_same_file_as_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store("sqlite:///s.db") as store:
        store.start_run(["a"])
    with Store(tmp_path / "s.db") as store:
        assert store.count("runs") == 1

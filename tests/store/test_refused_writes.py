"""An article the database refuses is refused alone, on both backends (Store.upsert_many, Store.errors).

The values are ones each database (or its driver) really refuses, written past validate.py the way a
bug or a future writer could: a NOT NULL column given None, a lone surrogate (no UTF-8 for it), and on
PostgreSQL a NUL byte in text (psycopg: "text fields cannot contain NUL") and an index entry larger than
a btree page.  The batch's other articles are stored, the refused one is not, the store stays whole
(each article with its alias, signature and cluster) and the connection goes on writing.
"""

from __future__ import annotations

import dataclasses
import random
import string

import pytest

from tintuc_feed.store import Store
from tintuc_feed.store_prepare import prepare

from .conftest import NOW, make_article


def batch_of(count: int) -> list:
    """`count` distinct prepared articles (their own URL and story)."""
    prepared = []
    for i in range(count):
        words = " ".join(f"từ{i}x{j}" for j in range(60))
        prepared.append(prepare(make_article(
            url=f"https://cand.com.vn/Ban-tin-113/bai-so-{i}-i76{i:04d}/", title=f"Bài số {i}: {words[:60]}",
            content_text=f"Đoạn {i}. {words}", content_html=f"<p>Đoạn {i}. {words}</p>")))
    return prepared


def with_article(prepared, **changes):
    return dataclasses.replace(prepared, article=dataclasses.replace(prepared.article, **changes))


def incompressible_key(size: int) -> str:
    rng = random.Random(10)  # deterministic: random letters that no compression shrinks
    return "cand.com.vn/" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(size))


BOTH = {
    "a NOT NULL column given None": lambda p: with_article(p, source_id=None),
    "a lone surrogate in the title": lambda p: with_article(p, title="Bài \udc80 lỗi"),
    "a lone surrogate in the body": lambda p: with_article(p, content_text=p.article.content_text + "\ud800"),
}
POSTGRES_ONLY = {
    "a NUL byte in the title": lambda p: with_article(p, title="Bài\x00số"),
    "an alias key too large for a btree index entry": lambda p: dataclasses.replace(
        p, keys={**p.keys, incompressible_key(9000): "https://cand.com.vn/x"}),
}
EXPECTED = {  # what each backend says, by case
    "a NOT NULL column given None": {"sqlite": ("IntegrityError", "NOT NULL"),
                                      "postgresql": ("NotNullViolation", "not-null")},
    "a lone surrogate in the title": {"sqlite": ("UnicodeEncodeError", "surrogates not allowed"),
                                      "postgresql": ("UnicodeEncodeError", "surrogates not allowed")},
    "a lone surrogate in the body": {"sqlite": ("UnicodeEncodeError", "surrogates not allowed"),
                                     "postgresql": ("UnicodeEncodeError", "surrogates not allowed")},
    "a NUL byte in the title": {"postgresql": ("DataError", "NUL")},
    "an alias key too large for a btree index entry": {"postgresql": ("ProgramLimitExceeded", "index row")},
}


def broken_articles(store: Store) -> list:
    """Stored articles that are not whole: no alias of their own key, no signature, or a missing cluster."""
    return store._db.execute("""
        SELECT a.id FROM articles a WHERE
            NOT EXISTS (SELECT 1 FROM aliases al WHERE al.article_id = a.id AND al.url_key = a.url_key)
            OR NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)
            OR a.cluster_id IS NULL
            OR NOT EXISTS (SELECT 1 FROM articles c WHERE c.id = a.cluster_id)""").fetchall()


def refuse_one(location, case: str, spoil, backend: str) -> None:
    prepared = batch_of(6)
    bad = 2
    batch = [(p, NOW) for p in prepared]
    batch[bad] = (spoil(prepared[bad]), NOW)
    with Store(location) as store:
        results = store.upsert_many(batch)
        error = results[bad]
        name, words = EXPECTED[case][backend]
        assert isinstance(error, store.errors) and type(error).__name__ == name, repr(error)
        assert words in str(error)
        assert [r.status for i, r in enumerate(results) if i != bad] == ["new"] * 5
        assert store.count() == 5 and store.count("signatures") == 5
        assert not store.has_url(prepared[bad].article.url)
        assert broken_articles(store) == []
        # the connection goes on: the good version of the refused article, then the batch again
        assert store.upsert_many([(prepared[bad], NOW)])[0].status == "new"
        assert {r.status for r in store.upsert_many([(p, NOW) for p in prepared])} == {"unchanged"}
        assert store.count() == 6 and broken_articles(store) == []


@pytest.mark.parametrize("case", BOTH)
def test_an_article_the_database_refuses_is_refused_alone(store_location, case):
    backend = "sqlite" if not str(store_location).startswith("postgresql") else "postgresql"
    refuse_one(store_location, case, BOTH[case], backend)


@pytest.mark.parametrize("case", POSTGRES_ONLY)
def test_a_value_postgresql_refuses_is_refused_alone(postgres_url, case):
    refuse_one(postgres_url, case, POSTGRES_ONLY[case], "postgresql")


@pytest.mark.parametrize("case", POSTGRES_ONLY)
def test_sqlite_keeps_what_only_postgresql_refuses(tmp_path, case):
    """The same values are legal in SQLite (it stores NUL bytes and keys of any size): stored, whole."""
    prepared = batch_of(2)
    with Store(tmp_path / "s.db") as store:
        results = store.upsert_many([(prepared[0], NOW), (POSTGRES_ONLY[case](prepared[1]), NOW)])
        assert [r.status for r in results] == ["new", "new"]
        assert broken_articles(store) == []


def test_store_errors_name_each_backends_driver(store_location):
    import sqlite3

    import psycopg

    with Store(store_location) as store:
        driver = psycopg.Error if str(store_location).startswith("postgresql") else sqlite3.Error
        assert driver in store.errors and ValueError in store.errors

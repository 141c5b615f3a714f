from __future__ import annotations

import sqlite3

import pytest

from newsgraph.errors import SchemaVersionError, StorageError
from newsgraph.store.rows import rows_from_document
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.sqlite import APPLICATION_ID, SqliteStore, dump, open_readonly


def _store(tmp_path, *analyses):
    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        for a in analyses:
            assert store.write_document(rows_from_document(a.to_dict(), source=f"in:{a.id}"))
    return db


def test_store_sqlite_writes_every_table_with_foreign_keys(tmp_path, analysis):
    db = _store(tmp_path, analysis)
    conn = open_readonly(db)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("entities", "mentions", "event_actors")
    }
    assert counts == {"entities": 4, "mentions": 5, "event_actors": 3}
    speaker = conn.execute(
        "SELECT e.name, e.actor_code FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id"
    ).fetchone()
    assert speaker == ("Ilham Aliyev", "AZEGOV")


def test_store_sqlite_full_text_search_over_quotes(tmp_path, analysis):
    db = _store(tmp_path, analysis)
    conn = open_readonly(db)
    hits = conn.execute(
        "SELECT q.id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid WHERE quotes_fts MATCH 'accept'"
    ).fetchall()
    assert hits == [("art1:Q1",)]
    assert (
        conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'proposal'").fetchone()[0] == 0
    )


def test_store_sqlite_indexes_for_speaker_type_date_and_dyad(tmp_path, analysis):
    conn = open_readonly(_store(tmp_path, analysis))
    plan = " ".join(
        str(r)
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM events WHERE source_actors = 'AZEGOV' AND target_actors = 'RUSGOV'"
        )
    )
    assert "idx_events_source_actors_target_actors" in plan
    plan = " ".join(
        str(r) for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM quotes WHERE speaker_entity_id = 'x'")
    )
    assert "idx_quotes_speaker_entity_id" in plan


def test_store_sqlite_same_article_twice_is_skipped(tmp_path, analysis):
    db = _store(tmp_path, analysis)
    with SqliteStore(db) as store:
        assert store.write_document(rows_from_document(analysis.to_dict())) is False
        assert store.count("articles") == 1 and store.count("mentions") == 5


def test_store_sqlite_bad_document_leaves_no_rows_and_store_usable(tmp_path, make_analysis):
    bad = rows_from_document(make_analysis("bad").to_dict())
    bad["mentions"][0]["entity_id"] = "nowhere:E1"  # violates the foreign key
    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        with pytest.raises(StorageError, match="FOREIGN KEY"):
            store.write_document(bad)
        assert store.write_document(rows_from_document(make_analysis("good").to_dict()))
    conn = open_readonly(db)
    assert conn.execute("SELECT id FROM articles").fetchall() == [("good",)]
    assert conn.execute("SELECT COUNT(*) FROM entities WHERE article_id = 'bad'").fetchone()[0] == 0


def test_store_sqlite_failure_row_is_replaced_then_cleared_on_success(tmp_path, analysis):
    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        store.record_failure("in:art1", None, "InputError", "first")
        store.record_failure("in:art1", None, "InputError", "second")
        assert [r[3] for r in store.conn.execute("SELECT * FROM failures")] == ["second"]
        store.write_document(rows_from_document(analysis.to_dict(), source="in:art1"))
        assert store.count("failures") == 0


def test_store_sqlite_uncommitted_rows_are_not_visible(tmp_path, analysis):
    db = tmp_path / "out.db"
    store = SqliteStore(db)
    store.write_document(rows_from_document(analysis.to_dict()))
    reader = open_readonly(db)
    assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    store.commit()
    assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    store.close()


def test_store_sqlite_cluster_views_count_wire_copies(tmp_path, make_analysis):
    a, b, c = (
        make_analysis("a", "2020-04-01"),
        make_analysis("b", "2020-04-02"),
        make_analysis("c", "2020-05-01", " More."),
    )
    db = _store(tmp_path, a, b, c)
    with SqliteStore(db) as store:
        store.set_clusters({"a": "a", "b": "a", "c": "c"})
    conn = open_readonly(db)
    rows = conn.execute(
        "SELECT cluster, type, source_actors, target_actors, num_articles FROM cluster_events ORDER BY cluster"
    ).fetchall()
    assert rows == [("a", "CONSULT", "AZEGOV", "RUSGOV", 2), ("c", "CONSULT", "AZEGOV", "RUSGOV", 1)]
    assert conn.execute("SELECT num_articles FROM cluster_sizes WHERE cluster = 'a'").fetchone() == (2,)


def test_store_sqlite_dump_is_equal_for_equal_stores(tmp_path, analysis):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    assert dump(_store(tmp_path / "x", analysis)) == dump(_store(tmp_path / "y", analysis))


def test_store_sqlite_refuses_newer_schema(tmp_path):
    db = tmp_path / "out.db"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer"):
        SqliteStore(db)


def test_store_sqlite_refuses_older_schema_without_migration(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, body TEXT)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaVersionError, match="schema version 0.*no migration"):
        SqliteStore(db)


def test_store_sqlite_migrates_older_schema_when_a_migration_exists(tmp_path, monkeypatch):
    from newsgraph.store import sqlite as sqlite_store

    db = tmp_path / "old.db"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    monkeypatch.setitem(
        sqlite_store.MIGRATIONS, SCHEMA_VERSION - 1, lambda c: c.execute("CREATE TABLE migrated (x INTEGER)")
    )
    with SqliteStore(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("SELECT COUNT(*) FROM migrated").fetchone()[0] == 0


def test_store_sqlite_refuses_foreign_database_and_non_database(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(SchemaVersionError, match="not a newsgraph database"):
        SqliteStore(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="not a SQLite database|cannot"):
        SqliteStore(junk)


def test_store_sqlite_migrates_version_1_quotes_to_version_2(tmp_path):
    # a version-1 file: the quotes table without mode, the source phrase and within_id
    db = tmp_path / "v1.db"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    for name in ("mode", "source_start", "source_end", "source_text", "within_id"):
        conn.execute(f'ALTER TABLE quotes DROP COLUMN "{name}"')
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with SqliteStore(db) as store:
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(quotes)")}
        assert {"mode", "source_start", "source_end", "source_text", "within_id"} <= cols
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 2

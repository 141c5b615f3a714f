from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from newsgraph.store.parquet import arrow_schema, read_table, write_parquet
from newsgraph.store.rows import rows_from_document
from newsgraph.store.schema import EXPORT_TABLES
from newsgraph.store.sqlite import SqliteStore

# The three example queries of docs/batch.md, run as written there.
TOP_DYADS = """
SELECT month, source_actors, target_actors, COUNT(*) AS events
FROM read_parquet('{d}/events/*/*.parquet', hive_partitioning = true)
WHERE source_actors IS NOT NULL AND target_actors IS NOT NULL
GROUP BY ALL ORDER BY month, events DESC
"""
QUOTES_OF_SPEAKER = """
SELECT q.month, q.text, a.title
FROM read_parquet('{d}/quotes/*/*.parquet', hive_partitioning = true) q
JOIN read_parquet('{d}/entities/*/*.parquet', hive_partitioning = true) e ON e.id = q.speaker_entity_id
JOIN read_parquet('{d}/articles/*/*.parquet', hive_partitioning = true) a ON a.id = q.article_id
WHERE e.name = 'Ilham Aliyev' ORDER BY q.month
"""
EVENTS_PER_TYPE = """
SELECT type, COUNT(*) AS events, COUNT(DISTINCT a.cluster) AS distinct_stories
FROM read_parquet('{d}/events/*/*.parquet', hive_partitioning = true) e
JOIN read_parquet('{d}/articles/*/*.parquet', hive_partitioning = true) a ON a.id = e.article_id
GROUP BY type ORDER BY events DESC
"""


def _rows(*analyses):
    out: dict[str, list] = {}
    for a in analyses:
        for name, rows in rows_from_document(a.to_dict()).items():
            out.setdefault(name, []).extend(rows)
    return out


def test_store_parquet_partitions_by_month(tmp_path, make_analysis):
    rows = _rows(make_analysis("a", "2020-04-01"), make_analysis("b", "2020-05-09"), make_analysis("c", None))
    written = write_parquet(rows, tmp_path, part="p1")
    assert written["events"] == 3 and "failures" not in written
    months = sorted(p.name for p in (tmp_path / "quotes").iterdir())
    assert months == ["month=2020-04", "month=2020-05", "month=unknown"]
    table = read_table(tmp_path, "event_actors")
    assert sorted(set(table.column("month").to_pylist())) == ["2020-04", "2020-05", "unknown"]
    file = next((tmp_path / "dates" / "month=2020-04").glob("*.parquet"))
    assert pq.read_schema(file).field("anchored").type == arrow_schema("dates").field("anchored").type


def test_store_parquet_example_queries_run_in_duckdb(tmp_path, make_analysis):
    rows = _rows(
        make_analysis("a", "2020-04-01"),
        make_analysis("b", "2020-04-02", " x"),
        make_analysis("c", "2020-05-01"),
    )
    for r in rows["articles"]:
        r["cluster"] = "a" if r["id"] in ("a", "b") else r["id"]
    write_parquet(rows, tmp_path)
    d = str(tmp_path)
    assert duckdb.sql(TOP_DYADS.format(d=d)).fetchall() == [
        ("2020-04", "AZEGOV", "RUSGOV", 2),
        ("2020-05", "AZEGOV", "RUSGOV", 1),
    ]
    quotes = duckdb.sql(QUOTES_OF_SPEAKER.format(d=d)).fetchall()
    assert [q[:2] for q in quotes] == [("2020-04", "will never accept")] * 2 + [
        ("2020-05", "will never accept")
    ]
    assert duckdb.sql(EVENTS_PER_TYPE.format(d=d)).fetchall() == [("CONSULT", 3, 2)]


def test_store_parquet_export_from_sqlite_has_the_same_rows(tmp_path, make_analysis):
    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        for a in (make_analysis("a", "2020-04-01"), make_analysis("b", None)):
            store.write_document(rows_from_document(a.to_dict(), source=a.id))
        counts = store.export_parquet(tmp_path / "pq", batch_rows=2)
        for name in EXPORT_TABLES:
            assert counts.get(name, 0) == store.count(name)
            assert read_table(tmp_path / "pq", name).num_rows == store.count(name)
    mentions = read_table(tmp_path / "pq", "mentions").to_pylist()
    with SqliteStore(db) as store:
        stored = store.conn.execute("SELECT id, span_start, text FROM mentions ORDER BY id").fetchall()
    assert sorted((m["id"], m["span_start"], m["text"]) for m in mentions) == stored


def test_store_parquet_empty_tables_are_readable(tmp_path):
    from newsgraph.records import Analysis

    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        store.write_document(rows_from_document(Analysis("z", "No records here.").to_dict()))
        store.export_parquet(tmp_path / "pq")
    n = duckdb.sql(
        f"SELECT COUNT(*) FROM read_parquet('{tmp_path}/pq/quotes/*/*.parquet', hive_partitioning = true)"
    )
    assert n.fetchall() == [(0,)]


def test_store_parquet_readable_by_pandas(tmp_path, make_analysis):
    pd = pytest.importorskip("pandas")
    write_parquet(_rows(make_analysis("a", "2020-04-01"), make_analysis("b", None)), tmp_path)
    frame = pd.read_parquet(tmp_path / "quotes")
    assert sorted(frame["month"].astype(str)) == ["2020-04", "unknown"]
    assert list(frame.columns[:3]) == ["id", "article_id", "local_id"]
    assert set(frame["speaker_name"]) == {"Ilham Aliyev"}


def test_store_parquet_export_includes_failures_and_signatures(tmp_path, make_analysis):
    db = tmp_path / "out.db"
    with SqliteStore(db) as store:
        for a in (make_analysis("a", "2020-04-01"), make_analysis("b", None)):
            store.write_document(rows_from_document(a.to_dict(), source=a.id), signature=b"\x01\x00\x00\x00" * 4)
        store.record_failure("in.jsonl:3", None, "InputError", "malformed JSON")
        store.record_failure("in.jsonl:9", "x9", "TooLargeError", "too long")
        counts = store.export_parquet(tmp_path / "pq", batch_rows=1)
        assert counts["failures"] == 2 and counts["signatures"] == 2
    failures = pq.read_table(tmp_path / "pq" / "failures").to_pylist()
    assert sorted(f["source"] for f in failures) == ["in.jsonl:3", "in.jsonl:9"]
    assert list(failures[0]) == ["source", "article_id", "error_type", "message"]  # no month: not partitioned
    signatures = read_table(tmp_path / "pq", "signatures").to_pylist()
    assert {(s["article_id"], s["month"]) for s in signatures} == {("a", "2020-04"), ("b", "unknown")}
    assert all(s["minhash"] == b"\x01\x00\x00\x00" * 4 for s in signatures)


def test_store_parquet_export_without_failures_still_has_the_table(tmp_path, make_analysis):
    with SqliteStore(tmp_path / "out.db") as store:
        store.write_document(rows_from_document(make_analysis("a", "2020-04-01").to_dict(), source="a"))
        store.export_parquet(tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "failures")
    assert table.num_rows == 0 and table.column_names == ["source", "article_id", "error_type", "message"]

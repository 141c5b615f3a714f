"""The SQLite store: one file, one writer, one transaction per batch of whole articles.

Every write goes through ``SqliteStore`` (the single writer funnel, as in
datasette's ``Database``); readers (batch workers checking what is stored,
datasette) open the file read-only. The file is in WAL mode, so readers never
block the writer, and an article's rows are written inside one savepoint of a
transaction: a process killed at any moment (SIGKILL included) leaves either
all of an article's rows or none of them, and a rerun completes the rest.

A newsgraph database is recognised by ``PRAGMA application_id`` and carries
its schema version in ``PRAGMA user_version``; a file of another version is
migrated when a migration exists (``MIGRATIONS``), and refused with a clear
``SchemaVersionError`` otherwise.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import SchemaVersionError, StorageError
from newsgraph.store.schema import (
    DOCUMENT_TABLES,
    EXPORT_TABLES,
    SCHEMA_VERSION,
    TABLES,
    TABLES_BY_NAME,
    Table,
)

logger = logging.getLogger(__name__)

#: "NGRF" as a big-endian integer: marks a file as a newsgraph store.
APPLICATION_ID = 0x4E475246

_SQL_TYPES = {"TEXT": "TEXT", "INTEGER": "INTEGER", "REAL": "REAL", "BOOLEAN": "INTEGER", "BLOB": "BLOB"}

def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: quotes gain ``mode``, the source phrase and ``within_id`` (rows of version 1
    get NULL: re-run the batch into a new file to fill them)."""
    for name, sql_type in (
        ("mode", "TEXT"),
        ("source_start", "INTEGER"),
        ("source_end", "INTEGER"),
        ("source_text", "TEXT"),
        ("within_id", "TEXT"),
    ):
        conn.execute(f"ALTER TABLE quotes ADD COLUMN {_q(name)} {sql_type}")


#: Upgrades from an older ``user_version``: ``MIGRATIONS[v]`` turns version v into v + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: Table) -> str:
    cols = []
    for c in table.columns:
        col = f"{_q(c.name)} {_SQL_TYPES[c.type]}"
        if c.not_null:
            col += " NOT NULL"
        if c.references:
            ref_table, ref_col = c.references.split(".")
            col += f" REFERENCES {_q(ref_table)}({_q(ref_col)})"
        cols.append(col)
    cols.append(f"PRIMARY KEY ({', '.join(_q(k) for k in table.primary_key)})")
    suffix = " WITHOUT ROWID" if table.without_rowid else ""
    return f"CREATE TABLE IF NOT EXISTS {_q(table.name)} (\n  " + ",\n  ".join(cols) + "\n)" + suffix


def index_sql(table: Table) -> list[str]:
    out = []
    for cols in table.indexes:
        name = f"idx_{table.name}_{'_'.join(cols)}"
        out.append(f"CREATE INDEX IF NOT EXISTS {_q(name)} ON {_q(table.name)} ({', '.join(_q(c) for c in cols)})")
    return out


#: Full-text search over quote text (external content: the text is stored once, in quotes).
FTS_SQL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
  text, speaker_name, content='quotes', content_rowid='rowid'
)""",
    """CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END""",
    """CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
END""",
)

#: Views for wire copies: counts per cluster of near-duplicate articles, so that
#: an event reported by 40 outlets is one row with num_articles = 40.
VIEWS_SQL = (
    """CREATE VIEW IF NOT EXISTS cluster_sizes AS
SELECT cluster, COUNT(*) AS num_articles, MIN(published) AS first_published, MAX(published) AS last_published
FROM articles GROUP BY cluster""",
    """CREATE VIEW IF NOT EXISTS cluster_events AS
SELECT a.cluster AS cluster, e.type AS type, e.source_actors AS source_actors, e.target_actors AS target_actors,
       COUNT(DISTINCT e.article_id) AS num_articles, COUNT(*) AS num_mentions,
       MIN(a.published) AS first_published, MIN(e.id) AS example_event_id
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY a.cluster, e.type, e.source_actors, e.target_actors""",
    """CREATE VIEW IF NOT EXISTS cluster_quotes AS
SELECT a.cluster AS cluster, q.speaker_name AS speaker_name, q.text AS text,
       COUNT(DISTINCT q.article_id) AS num_articles, MIN(a.published) AS first_published, MIN(q.id) AS example_quote_id
FROM quotes q JOIN articles a ON a.id = q.article_id
GROUP BY a.cluster, q.speaker_name, q.text""",
)


def schema_sql() -> list[str]:
    """Every statement that creates an empty store of the current version."""
    out: list[str] = []
    for t in TABLES:
        out.append(create_table_sql(t))
        out.extend(index_sql(t))
    out.extend(FTS_SQL)
    out.extend(VIEWS_SQL)
    return out


def _connect(path: str | Path, *, readonly: bool) -> sqlite3.Connection:
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open SQLite database: {exc}", source=str(path)) from exc
    return conn


def _table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def check_version(conn: sqlite3.Connection, path: str | Path, *, migrate: bool) -> None:
    """Raise ``SchemaVersionError`` for a file of another schema, migrating older ones when allowed."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = _table_names(conn)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"not a SQLite database ({exc})", source=str(path)) from exc
    if not tables and app_id == 0:
        return  # a new, empty file
    if app_id != APPLICATION_ID:
        raise SchemaVersionError(
            "not a newsgraph database (it has other tables): give --db a new file name", source=str(path)
        )
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"written with store schema version {version}, newer than this newsgraph's {SCHEMA_VERSION}: "
            "upgrade newsgraph",
            source=str(path),
        )
    missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing or not migrate:
        raise SchemaVersionError(
            f"written with store schema version {version}; this newsgraph writes version {SCHEMA_VERSION} "
            + ("and has no migration from it: re-run the batch into a new database" if missing else "(open it for writing to migrate)"),
            source=str(path),
        )
    for v in range(version, SCHEMA_VERSION):
        logger.warning("%s: migrating store schema %d -> %d", path, v, v + 1)
        conn.execute("BEGIN IMMEDIATE")
        MIGRATIONS[v](conn)
        conn.execute(f"PRAGMA user_version = {v + 1}")
        conn.execute("COMMIT")


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing store of the current version."""
    if not Path(path).exists():
        raise StorageError("no such database", source=str(path))
    conn = _connect(path, readonly=True)
    check_version(conn, path, migrate=False)
    return conn


class SqliteStore:
    """The single writer of a newsgraph SQLite file.

    Writes are grouped: ``write_document`` adds one article's rows inside a
    savepoint of the open transaction, and ``commit`` ends the transaction.
    Nothing is visible to readers (or survives a crash) before ``commit``;
    everything before it survives.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn = _connect(self.path, readonly=False)
        check_version(self.conn, self.path, migrate=True)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a commit survives a crash of the process
            # (not necessarily a power cut), at a fraction of FULL's fsyncs.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            if not _table_names(self.conn):
                self.conn.execute("BEGIN IMMEDIATE")
                for stmt in schema_sql():
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StorageError(f"cannot create the newsgraph schema: {exc}", source=str(self.path)) from exc
        self._insert_sql = {
            t.name: f"INSERT INTO {_q(t.name)} ({', '.join(_q(c) for c in t.column_names)}) "
            f"VALUES ({', '.join('?' for _ in t.columns)})"
            for t in TABLES
        }
        self._columns = {t.name: t.column_names for t in TABLES}
        self.pending = 0

    # -- the write funnel ---------------------------------------------------

    def _begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def write_document(
        self, rows_by_table: Mapping[str, Sequence[Mapping[str, Any]]], *, signature: bytes | None = None
    ) -> bool:
        """Add one article's rows (from ``rows_from_document``); False if its id is already stored.

        Either all rows are added or none (a savepoint), and a failure row of
        the same source is removed. Raises ``StorageError`` on a constraint
        violation, with the transaction still usable.
        """
        article = rows_by_table["articles"][0]
        self._begin()
        if self.has_article(article["id"]):
            return False
        self.conn.execute("SAVEPOINT article")
        try:
            for name in DOCUMENT_TABLES:
                rows = rows_by_table.get(name) or ()
                if rows:
                    cols = self._columns[name]
                    self.conn.executemany(self._insert_sql[name], [tuple(r[c] for c in cols) for r in rows])
            if signature is not None:
                self.conn.execute(self._insert_sql["signatures"], (article["id"], signature))
            if article.get("source") is not None:
                self.conn.execute("DELETE FROM failures WHERE source = ?", (article["source"],))
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            raise StorageError(f"cannot store article {article['id']}: {exc}", source=article.get("source")) from exc
        self.conn.execute("RELEASE article")
        self.pending += 1
        return True

    def record_failure(self, source: str, article_id: str | None, error_type: str, message: str) -> None:
        """Store (or replace) the failure of one input location."""
        self._begin()
        self.conn.execute(
            "INSERT OR REPLACE INTO failures (source, article_id, error_type, message) VALUES (?, ?, ?, ?)",
            (source, article_id, error_type, message[:2000]),
        )
        self.pending += 1

    def set_clusters(self, clusters: Mapping[str, str]) -> int:
        """Set ``articles.cluster`` for every article id in ``clusters``; returns rows changed."""
        self._begin()
        changed = 0
        for article_id, cluster in clusters.items():
            cur = self.conn.execute(
                "UPDATE articles SET cluster = ? WHERE id = ? AND cluster IS NOT ?", (cluster, article_id, cluster)
            )
            changed += cur.rowcount
        self.commit()
        return changed

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.pending = 0

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()

    # -- reading --------------------------------------------------------------

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {_q(table)}").fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, str | None, bytes | None]]:
        """(article id, published, MinHash signature) of every stored article."""
        cur = self.conn.execute(
            "SELECT a.id, a.published, s.minhash FROM articles a LEFT JOIN signatures s ON s.article_id = a.id"
        )
        yield from cur

    def export_parquet(self, outdir: str | Path, *, batch_rows: int = 20_000) -> dict[str, int]:
        """Write every table to a Parquet store under ``outdir`` (replacing an earlier export).

        The document tables and ``signatures`` are partitioned by month,
        ``failures`` is one unpartitioned file (as the Spark job writes it).
        Rows are read and written ``batch_rows`` at a time (articles, with
        their texts, a tenth of that), so memory does not grow with the corpus.
        """
        from newsgraph.store.parquet import clear_parquet, write_empty_tables, write_failures, write_parquet
        from newsgraph.store.rows import month_of

        self.commit()
        clear_parquet(outdir)
        counts: dict[str, int] = {}
        partitioned = (*EXPORT_TABLES, "signatures")
        for name in partitioned:
            cols = self._columns[name]
            key = "id" if name == "articles" else "article_id"
            select = ", ".join(f"t.{_q(c)}" for c in cols)
            order = ", ".join(f"t.{_q(k)}" for k in TABLES_BY_NAME[name].primary_key)
            cur = self.conn.execute(
                f"SELECT {select}, a.published FROM {_q(name)} t JOIN articles a ON a.id = t.{_q(key)} ORDER BY {order}"
            )
            part = 0
            size = max(1, batch_rows // 10) if name == "articles" else batch_rows
            while True:
                batch = cur.fetchmany(size)
                if not batch:
                    break
                rows = [dict(zip(cols, r[:-1], strict=True)) for r in batch]
                months = {r[key]: month_of(b[-1]) for r, b in zip(rows, batch, strict=True)}
                written = write_parquet(
                    {name: rows}, outdir, part=f"part-{part:05d}", months=months, tables=partitioned
                )
                counts[name] = counts.get(name, 0) + written.get(name, 0)
                part += 1
        cols = self._columns["failures"]
        cur = self.conn.execute(f"SELECT {', '.join(_q(c) for c in cols)} FROM failures ORDER BY source")
        counts["failures"] = part = 0
        while True:
            batch = cur.fetchmany(batch_rows)
            if not batch and part:
                break
            rows = [dict(zip(cols, r, strict=True)) for r in batch]
            counts["failures"] += write_failures(rows, outdir, part=f"part-{part:05d}")  # no failure: one empty file
            part += 1
            if not batch:
                break
        write_empty_tables(outdir, tables=partitioned)
        return counts


def dump(path: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: for comparing two stores (tests, crash recovery checks)."""
    conn = open_readonly(path)
    try:
        out = {}
        for t in TABLES:
            rows = conn.execute(f"SELECT * FROM {_q(t.name)}").fetchall()
            out[t.name] = sorted(rows, key=lambda r: json.dumps(r, default=repr))
        out["quotes_fts"] = sorted(conn.execute("SELECT rowid, text FROM quotes_fts").fetchall())
        return out
    finally:
        conn.close()


__all__ = ["APPLICATION_ID", "MIGRATIONS", "SqliteStore", "check_version", "dump", "open_readonly", "schema_sql"]
